"""Saved Hugging Face paper pages (paperlab.sources.hf_page).

Own data (tests/data/hf_page, written for these tests; titles and counts are facts, the abstracts are ours):
- ``no-bylines.txt``: header (``new`` ... ``Mar 14``, 5 non-blank lines) + 4 title/abstract pairs, no byline at all;
  titles on lines 11, 15, 19, 23.
- ``bylines.txt``: header of 6 non-blank lines (with ``Daily Papers`` and the page date ``Dec 8``) + 9 papers
  (titles on lines 13, 21, 29, 37, 45, 49, 57, 65, 73): ``• N authors`` bylines (one ``• 1 author``), two
  organisation bylines (``Tongyi-MAI Tongyi-MAI``, avatar alt text + name, and ``Google Research``), dates with a
  year, without a year (``Mar 10``), followed by an upvote count (``Oct 8 5``, ``Dec 3, 2024 3``), and one paper
  without any byline.
- ``stray-fragment.txt``: 2 papers; line 9 is a duplicated piece of the first abstract between it and its byline.

Recorded real pages (``@pytest.mark.realdata``): ``$PAPERLAB_REALDATA/seeds/hf-papers-contrastive.txt`` (62 papers,
header + title/abstract pairs, no author blocks at all) and ``$PAPERLAB_REALDATA/seeds/hf-papers-ood-hallucination.txt``
(43 papers; 41 with a byline block, "Is Chain-of-Thought ..." and "RedOne 2.0 ..." without one; one organisation
byline "Tongyi-MAI"). Counts were made by reading the files: contrastive has 129 non-blank lines = 5 header lines +
62 * 2; ood-hallucination has 215 = 6 header lines + 41 * 5 + 2 * 2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from paths import DATA, SEEDS

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources.hf_page import parse_hf_page, read_hf_page

CONTRASTIVE = SEEDS / "hf-papers-contrastive.txt"
OOD = SEEDS / "hf-papers-ood-hallucination.txt"
PAGE_DAY = dt.date(2025, 12, 8)  # the ood page header shows "Dec 8"

OWN = DATA / "hf_page"
NO_BYLINES = OWN / "no-bylines.txt"
BYLINES = OWN / "bylines.txt"
STRAY = OWN / "stray-fragment.txt"


def by_title(papers: list[paperlab.Paper]) -> dict[str, paperlab.Paper]:
    return {p.title: p for p in papers}


# -- our own pages ---------------------------------------------------------------------------
def test_own_page_without_author_blocks() -> None:
    papers = read_hf_page(NO_BYLINES, reference_date=PAGE_DAY)
    assert [p.title for p in papers] == [
        "A Simple Framework for Contrastive Learning of Visual Representations",
        "Momentum Contrast for Unsupervised Visual Representation Learning",
        "ChessVision -- A Dataset for Logically Coherent Multi-label Classification",
        "Decoupled Contrastive Learning",
    ]
    assert papers[0].abstract.startswith("Two random augmentations of the same image are pulled together")
    assert papers[0].abstract.endswith("learns features that rival supervised ones.")
    assert papers[-1].abstract == (
        "Removing the positive pair from the denominator of the usual contrastive loss makes training less "
        "dependent on batch size. The change is one line and works with small batches."
    )
    # no bylines on this page: nothing invented
    assert all(
        p.n_authors is None and p.organization is None and p.published is None and p.upvotes is None for p in papers
    )
    # header text never becomes a paper
    titles = {p.title for p in papers}
    assert not {"new", "Subscribe", "Get trending papers in your email inbox!", "Mar 14"} & titles
    assert papers[0].sources[0].name == "hf_page"
    assert papers[0].sources[0].location == str(NO_BYLINES)
    assert [p.sources[0].record for p in papers] == ["line 11", "line 15", "line 19", "line 23"]


def test_own_page_bylines_dates_upvotes() -> None:
    papers = read_hf_page(BYLINES, reference_date=PAGE_DAY)
    assert len(papers) == 9
    assert [p.sources[0].record for p in papers] == [f"line {n}" for n in (13, 21, 29, 37, 45, 49, 57, 65, 73)]
    first, last = papers[0], papers[-1]
    assert first.title == "Deep Anomaly Detection with Outlier Exposure"
    assert (first.n_authors, first.published, first.upvotes) == (3, dt.date(2018, 12, 11), None)
    assert first.abstract.endswith("better than one trained on in-distribution data alone.")
    assert last.title == "Optimizing Calibration by Gaining Aware of Prediction Correctness"
    assert (last.n_authors, last.published, last.upvotes) == (5, dt.date(2024, 4, 19), None)

    p = by_title(papers)
    # "Oct 8 5": a year-less date followed by the upvote count
    energy = p["Energy-based Out-of-distribution Detection"]
    assert (energy.n_authors, energy.published, energy.upvotes) == (4, dt.date(2025, 10, 8), 5)
    # "Mar 10": year-less, no upvotes
    baseline = p["A Baseline for Detecting Misclassified and Out-of-Distribution Examples in Neural Networks"]
    assert (baseline.n_authors, baseline.published, baseline.upvotes) == (2, dt.date(2025, 3, 10), None)
    # "• 1 author" (singular)
    graves = p["Generating Sequences With Recurrent Neural Networks"]
    assert (graves.n_authors, graves.published, graves.upvotes) == (1, dt.date(2013, 8, 4), None)
    # "Dec 3, 2024 3": a date with its year, then the upvotes
    surveying = p[
        "Surveying the Effects of Quality, Diversity, and Complexity in Synthetic Data From Large Language Models"
    ]
    assert (surveying.n_authors, surveying.published, surveying.upvotes) == (20, dt.date(2024, 12, 3), 3)
    # organisation bylines: the doubled "Tongyi-MAI Tongyi-MAI" is kept once, a plain name as it is
    decoupled = p["Decoupled DMD: CFG Augmentation as the Spear, Distribution Matching as the Shield"]
    assert (decoupled.organization, decoupled.n_authors) == ("Tongyi-MAI", None)
    assert (decoupled.published, decoupled.upvotes) == (dt.date(2025, 11, 27), 2)
    scaling = p["Scaling Vision Transformers"]
    assert (scaling.organization, scaling.n_authors) == ("Google Research", None)
    assert (scaling.published, scaling.upvotes) == (dt.date(2021, 6, 8), 14)
    # a paper listed without any byline keeps title and abstract only
    mirage = p["Is Chain-of-Thought Reasoning of LLMs a Mirage? A Data Distribution Lens"]
    assert (mirage.n_authors, mirage.organization, mirage.published, mirage.upvotes) == (None, None, None, None)
    assert mirage.abstract.endswith("move away from the training distribution.")
    assert mirage.sources[0].record == "line 45"
    assert sum(1 for x in papers if x.n_authors is not None) == 6
    assert sum(1 for x in papers if x.organization is not None) == 2
    assert sum(1 for x in papers if x.upvotes is not None) == 4


def test_own_year_less_dates_take_the_reference_year() -> None:
    title = "A Baseline for Detecting Misclassified and Out-of-Distribution Examples in Neural Networks"
    as_date = by_title(read_hf_page(BYLINES, reference_date=dt.date(2024, 6, 1)))[title]
    assert as_date.published == dt.date(2024, 3, 10)  # "Mar 10"
    as_iso = by_title(read_hf_page(BYLINES, reference_date="2025-12-08"))[title]
    assert as_iso.published == dt.date(2025, 3, 10)
    as_datetime = by_title(read_hf_page(BYLINES, reference_date=dt.datetime(2023, 7, 1, 12, 30)))[title]
    assert as_datetime.published == dt.date(2023, 3, 10)
    # without a reference date the year is inferred: after the latest year the page shows (2024), never today's
    default = by_title(read_hf_page(BYLINES))[title]
    assert default.published == dt.date(2025, 3, 10) and default.date_inferred
    # dates with a year are not touched by the reference date
    first = read_hf_page(BYLINES, reference_date="2019-01-01")[0]
    assert first.published == dt.date(2018, 12, 11)


def test_own_bad_reference_date() -> None:
    with pytest.raises(ParseError, match="reference_date"):
        read_hf_page(BYLINES, reference_date="yesterday")


def test_own_stray_fragment_is_reported_and_skipped() -> None:
    fragment = "a separate, diverse set of outlier images teaches it what unusual inputs look like"
    assert fragment in STRAY.read_text(encoding="utf-8").split("\n")[8]  # file line 9
    with pytest.warns(PartialImportWarning, match=r"line 9: stray text") as record:
        papers = read_hf_page(STRAY, reference_date=PAGE_DAY)
    assert [p.title for p in papers] == [
        "Deep Anomaly Detection with Outlier Exposure",
        "Energy-based Out-of-distribution Detection",
    ]
    assert all(fragment not in (p.title, p.abstract) for p in papers)
    assert (papers[0].n_authors, papers[0].published) == (3, dt.date(2018, 12, 11))  # byline still found
    assert (papers[1].n_authors, papers[1].published) == (4, dt.date(2020, 10, 8))
    warning = record[0].message
    assert isinstance(warning, PartialImportWarning)
    assert [p.where for p in warning.problems] == ["line 9"]
    assert warning.kept == 2
    assert str(STRAY) in str(warning)


def test_own_paragraph_without_title_is_reported() -> None:
    lines = NO_BYLINES.read_text(encoding="utf-8").split("\n")
    orphan = "We also find that this orphaned sentence has no title of its own."
    text = "\n".join(lines[:14] + [orphan, ""] + lines[14:])  # orphan is line 15, before the 2nd title
    with pytest.warns(PartialImportWarning, match="line 15") as record:
        papers = parse_hf_page(text, source="page.txt")
    assert len(papers) == 4
    assert papers[1].title == "Momentum Contrast for Unsupervised Visual Representation Learning"
    assert papers[1].sources[0].record == "line 17"
    assert orphan[:50] in str(record[0].message)


def test_byline_outside_a_paper_block_is_reported() -> None:
    lines = BYLINES.read_text(encoding="utf-8").split("\n")
    # a second "·" after the first paper's complete byline (lines 17-19): it becomes file line 20
    assert lines[16:19] == ["  • 3 authors", "·", "Dec 11, 2018"]
    text = "\n".join(lines[:19] + ["·"] + lines[19:])
    with pytest.warns(PartialImportWarning, match=r"line 20: byline text '·' outside a paper's block") as record:
        papers = parse_hf_page(text, source="page.txt", reference_date=PAGE_DAY)
    assert len(papers) == 9
    assert papers[1].n_authors == 4
    assert record[0].message.kept == 9  # type: ignore[union-attr]


def test_byte_order_mark_is_ignored() -> None:
    text = "\ufeff" + NO_BYLINES.read_text(encoding="utf-8")
    papers = parse_hf_page(text)
    assert [p.sources[0].record for p in papers] == ["line 11", "line 15", "line 19", "line 23"]


@pytest.mark.parametrize("path, count", [(NO_BYLINES, 4), (BYLINES, 9)])
def test_own_load_detects_hf_pages(path: Path, count: int) -> None:
    lib = paperlab.load(path, reference_date=PAGE_DAY)
    direct = read_hf_page(path, reference_date=PAGE_DAY)
    assert len(lib) == count
    assert [p.title for p in lib] == [p.title for p in direct]
    assert [p.published for p in lib] == [p.published for p in direct]
    assert [p.n_authors for p in lib] == [p.n_authors for p in direct]


# -- the recorded real pages -----------------------------------------------------------------
@pytest.mark.realdata
def test_contrastive_page_without_author_blocks() -> None:
    papers = read_hf_page(CONTRASTIVE, reference_date=PAGE_DAY)
    assert len(papers) == 62
    assert papers[0].title == "The Trickle-down Impact of Reward (In-)consistency on RLHF"
    assert papers[0].abstract.startswith("Standard practice within Reinforcement Learning from Human Feedback")
    assert papers[0].abstract.endswith("exhibits a trickle-down effect on the downstream RLHF process.")
    assert papers[-1].title == "Self-Supervised Contrastive Learning for Robust Audio-Sheet Music Retrieval Systems"
    assert papers[-1].abstract.endswith("notated data scarcity in multi-modal music retrieval models.")
    # no bylines on this page: nothing invented
    assert all(
        p.n_authors is None and p.organization is None and p.published is None and p.upvotes is None for p in papers
    )
    titles = [p.title for p in papers]
    # header text never becomes a paper
    assert not {"new", "Subscribe", "Get trending papers in your email inbox!", "Mar 14"} & set(titles)
    assert "ChessVision -- A Dataset for Logically Coherent Multi-label Classification" in titles
    assert "Unsupervised Learning of Visual Features by Contrasting Cluster Assignments" in titles
    assert titles.index("Decoupled Contrastive Learning") == 10
    assert papers[0].sources[0].name == "hf_page"
    assert papers[0].sources[0].location == str(CONTRASTIVE)
    assert papers[0].sources[0].record == "line 11"
    assert papers[-1].sources[0].record == "line 255"


@pytest.mark.realdata
def test_ood_page_bylines_dates_upvotes() -> None:
    papers = read_hf_page(OOD, reference_date=PAGE_DAY)
    assert len(papers) == 43
    first, last = papers[0], papers[-1]
    assert first.title == (
        "Changing the Training Data Distribution to Reduce Simplicity Bias Improves In-distribution Generalization"
    )
    assert (first.n_authors, first.published, first.upvotes) == (4, dt.date(2024, 4, 26), None)
    assert first.sources[0].record == "line 13"
    assert last.title == "Optimizing Calibration by Gaining Aware of Prediction Correctness"
    assert (last.n_authors, last.published) == (5, dt.date(2024, 4, 19))

    p = by_title(papers)
    surveying = p[
        "Surveying the Effects of Quality, Diversity, and Complexity in Synthetic Data From Large Language Models"
    ]
    assert (surveying.n_authors, surveying.published, surveying.upvotes) == (20, dt.date(2024, 12, 3), 3)
    dmd = p["Improved Distribution Matching Distillation for Fast Image Synthesis"]
    assert (dmd.n_authors, dmd.published, dmd.upvotes) == (7, dt.date(2024, 5, 23), 1)
    noisy = p["An accurate detection is not all you need to combat label noise in web-noisy datasets"]
    assert (noisy.n_authors, noisy.published, noisy.upvotes) == (6, dt.date(2024, 7, 7), 4)
    # "Mar 23 2": a year-less date followed by the upvote count
    vision_r1 = p[
        "Vision-R1: Evolving Human-Free Alignment in Large Vision-Language Models via Vision-Guided "
        "Reinforcement Learning"
    ]
    assert (vision_r1.n_authors, vision_r1.published, vision_r1.upvotes) == (7, dt.date(2025, 3, 23), 2)
    # organisation byline ("Tongyi-MAI Tongyi-MAI" in the saved text: avatar alt text + name)
    decoupled = p["Decoupled DMD: CFG Augmentation as the Spear, Distribution Matching as the Shield"]
    assert decoupled.organization == "Tongyi-MAI"
    assert decoupled.n_authors is None
    assert (decoupled.published, decoupled.upvotes) == (dt.date(2025, 11, 27), 2)
    # papers listed without any byline keep title and abstract only
    mirage = p["Is Chain-of-Thought Reasoning of LLMs a Mirage? A Data Distribution Lens"]
    assert mirage.n_authors is None and mirage.published is None
    assert mirage.abstract.endswith("achieving genuine and generalizable reasoning.")
    redone = p["RedOne 2.0: Rethinking Domain-specific LLM Post-Training in Social Networking Services"]
    assert redone.n_authors is None and redone.sources[0].record == "line 241"
    assert sum(1 for x in papers if x.n_authors is not None) == 40
    assert sum(1 for x in papers if x.upvotes is not None) == 5


@pytest.mark.realdata
def test_year_less_dates_take_the_reference_year() -> None:
    title = (
        "Mitigating Hallucinations in YOLO-based Object Detection Models: A Revisit to Out-of-Distribution Detection"
    )
    as_date = by_title(read_hf_page(OOD, reference_date=dt.date(2024, 6, 1)))[title]
    assert as_date.published == dt.date(2024, 3, 10)  # "Mar 10"
    as_iso = by_title(read_hf_page(OOD, reference_date="2025-12-08"))[title]
    assert as_iso.published == dt.date(2025, 3, 10)
    # without a reference date the year is inferred: after the latest year the page shows (2024), never today's
    default = by_title(read_hf_page(OOD))[title]
    assert default.published == dt.date(2025, 3, 10) and default.date_inferred
    # dates with a year are not touched by the reference date
    first = read_hf_page(OOD, reference_date="2019-01-01")[0]
    assert first.published == dt.date(2024, 4, 26)


@pytest.mark.realdata
def test_bad_reference_date() -> None:
    with pytest.raises(ParseError, match="reference_date"):
        read_hf_page(OOD, reference_date="yesterday")


@pytest.mark.realdata
def test_stray_fragment_is_reported_and_skipped() -> None:
    lines = OOD.read_text(encoding="utf-8").split("\n")
    fragment = lines[14][40:400]  # a duplicated piece of the first abstract (file line 15)
    # put the fragment between the first abstract and its byline: it becomes file line 17
    text = "\n".join(lines[:15] + ["", fragment] + lines[15:])
    with pytest.warns(PartialImportWarning, match=r"line 17: stray text") as record:
        papers = parse_hf_page(text, source="page.txt", reference_date=PAGE_DAY)
    assert len(papers) == 43
    assert all(fragment not in (p.title, p.abstract) for p in papers)
    assert (papers[0].n_authors, papers[0].published) == (4, dt.date(2024, 4, 26))  # byline still found
    warning = record[0].message
    assert isinstance(warning, PartialImportWarning)
    assert [p.where for p in warning.problems] == ["line 17"]
    assert warning.kept == 43


@pytest.mark.realdata
def test_paragraph_without_title_is_reported() -> None:
    lines = CONTRASTIVE.read_text(encoding="utf-8").split("\n")
    orphan = "We also find that this orphaned sentence has no title of its own."
    text = "\n".join(lines[:14] + [orphan, ""] + lines[14:])  # orphan is line 15, before the 2nd title
    with pytest.warns(PartialImportWarning, match="line 15") as record:
        papers = parse_hf_page(text, source="page.txt")
    assert len(papers) == 62
    assert papers[1].title == "Rethinking Positive Pairs in Contrastive Learning"
    assert orphan[:50] in str(record[0].message)


def test_garbage_is_a_parse_error(tmp_path: Path) -> None:
    garbage = tmp_path / "notes.txt"
    garbage.write_text("shopping list\n\nmilk\n\neggs and a loaf of bread\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"notes\.txt, line 1: no usable papers"):
        read_hf_page(garbage)
    with pytest.raises(ParseError, match="no papers found"):
        parse_hf_page("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ParseError, match="UTF-8"):
        read_hf_page(binary)


@pytest.mark.realdata
@pytest.mark.parametrize("path, count", [(CONTRASTIVE, 62), (OOD, 43)])
def test_load_detects_hf_pages(path: Path, count: int) -> None:
    lib = paperlab.load(path, reference_date=PAGE_DAY)
    direct = read_hf_page(path, reference_date=PAGE_DAY)
    assert len(lib) == count
    assert [p.title for p in lib] == [p.title for p in direct]
    assert [p.published for p in lib] == [p.published for p in direct]
    assert [p.n_authors for p in lib] == [p.n_authors for p in direct]
