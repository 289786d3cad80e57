"""paperlab.venues: one venue parser behind ``Paper.venue`` and the ``venue`` column of ``paperlab.compare``.

The comments are arXiv comment fields in the shapes they take in the recorded metadata (DailyArXiv comments,
the arXiv Kaggle metadata, reading-group slides), written out here. A paper that is only *submitted* or *under
review* somewhere is not published there: it has no venue.
"""

from __future__ import annotations

import pytest

import paperlab
from paperlab import Paper
from paperlab.compare import venue_of
from paperlab.venues import parse_venue

COMMENTS = [
    # accepted / published / to appear
    ("Accepted at CVPR 2025", "CVPR 2025"),
    ("Accepted as Finding of NAACL 2025", "NAACL 2025"),
    ("5 pages, 2 figures, Accept by Interspeech 2026", "INTERSPEECH 2026"),
    ("Accepted by Interspeech 2025", "INTERSPEECH 2025"),
    ("Published as a conference paper at ICLR 2025", "ICLR 2025"),
    ("Published in TMLR 2024", "TMLR 2024"),
    ("To appear at ACL 2024 (main conference)", "ACL 2024"),
    ("To appear in Proc. WASPAA 2025, October 12-15, 2025, Tahoe, US. Copyright (c) 2025 IEEE. 5 pages", "WASPAA 2025"),
    ("To appear in Proceedings SODA 2010", "SODA 2010"),
    ("In AISTATS 2025", "AISTATS 2025"),
    ("accpeted by MM'24", "MM 2024"),
    ("NeurIPS 2024 spotlight; code at https://github.com/x/y", "NeurIPS 2024"),
    ("NIPS 2017", "NeurIPS 2017"),
    ("Accepted to MICCAI-2024", "MICCAI 2024"),
    ("CVPR2025;Code will be released at \\url{https://github.com/aim-uofa/SegAgent}", "CVPR 2025"),
    ("12 pages, 4 figures, SSDBM2024", "SSDBM 2024"),
    ("also presented at Intermag'2006 Conference, San Diego", "Intermag 2006"),
    ("14th Asian Test Symposium (ATS'05)", "ATS 2005"),
    ("Euro ASIC '91", "Euro ASIC 1991"),
    # camera-ready
    ("Camera-ready version for ICLR 2025", "ICLR 2025"),
    ("camera ready, ECCV'24", "ECCV 2024"),
    # workshops
    ("Published at ICLR 2025 Workshop on Reasoning and Planning for LLMs", "ICLR 2025 Workshop"),
    ("Accepted at the ICBINB Workshop at NeurIPS 2024", "NeurIPS 2024 Workshop"),
    ("Accepted at the IJCAI-2024 Workshop on Recommender Systems in Finance (Fin-RecSys)", "IJCAI 2024 Workshop"),
    (
        "Presented at the workshop on graphs and more complex structures for learning and reasoning at AAAI 2022",
        "AAAI 2022 Workshop",
    ),
    # submitted / under review / rejected: no venue
    ("Submitted to NeurIPS 2024", None),
    ("Submitted to Interspeech 2026", None),
    ("Preprint submitted to ICASSP 2026. 4 pages, 3 figures", None),
    ("7 pages. Submitted to ICRA 2024. Major revision from previous paper.", None),
    ("7 pages, submitted to MMAR2024 conference", None),
    ("Under review at ICLR 2025", None),
    ("Under review at ARR - February 2025", None),
    ("Currently under submission to KDD 2025", None),
    ("In submission to ICML 2025", None),
    ("Rejected from ICLR 2024, resubmitted", None),
    # a submitted version and a later acceptance: the accepted one
    ("Submitted to NeurIPS 2024; accepted at ICLR 2025", "ICLR 2025"),
    # dates, standards and extended versions are not venues
    ("IEEE P1012/D18, January 2016", None),
    ("Presented at XXXIX Rencontres de Moriond, 28 March - 4 April 2004, La Thuile, Italy", None),
    ("Code available at https://github.com/princeton-pli/what-makes-good-rm", None),
    ("Extended version of the ADBIS 2024 paper with the same title", None),
    ("15 pages, 6 figures", None),
]


@pytest.mark.parametrize(("comment", "venue"), COMMENTS)
def test_paper_venue_and_compare_agree_on_comments(comment: str, venue: str | None) -> None:
    paper = Paper("A paper with a comment", comment=comment)
    assert parse_venue(comment) == venue
    assert paper.venue == venue
    assert venue_of(paper) == venue
    assert paperlab.compare([paper])["venue"].iloc[0] == venue


@pytest.mark.parametrize(
    ("journal_ref", "comment", "venue"),
    [
        # fixtures/arxiv_kaggle_metadata (0704.0001): no known acronym, kept as given
        ("Phys.Rev.D76:013009,2007", None, "Phys.Rev.D76:013009,2007"),
        (
            "IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2019, Long Beach, CA, USA",
            None,
            "CVPR 2019",
        ),
        ("Findings of the Association for Computational Linguistics: EMNLP 2020", None, "EMNLP 2020"),
        ("Proceedings 6th ACM Workshop on Computational Learning Theory, COLT'93", None, "COLT 1993 Workshop"),
        # the journal reference is the publication; the comment only tells the history
        ("JMLR 24 (2023) 1-40", "Extended version of our ICML 2022 paper", "JMLR 24 (2023) 1-40"),
        ("Phys.Rev.D76:013009,2007", "Submitted to NeurIPS 2024", "Phys.Rev.D76:013009,2007"),
    ],
)
def test_journal_reference_is_the_venue(journal_ref: str, comment: str | None, venue: str) -> None:
    paper = Paper("A published paper", journal_ref=journal_ref, comment=comment)
    assert paper.venue == venue_of(paper) == parse_venue(comment, journal_ref) == venue


def test_no_comment_and_no_journal_reference() -> None:
    assert Paper("Nothing known").venue is None
    assert parse_venue(None, None) is None and parse_venue("", "  ") is None


def test_card_shows_the_venue_not_a_submission() -> None:
    card = Paper("A submitted paper", comment="Submitted to NeurIPS 2024").to_markdown()
    assert "NeurIPS" not in card.split("<!--")[0]
    assert "ICLR 2025" in Paper("An accepted paper", comment="Accepted at ICLR 2025").to_markdown()
