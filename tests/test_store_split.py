"""Splitting a wrong merge that is already in the store (issue 17), on SQLite and PostgreSQL.

``Store.split_paper`` and saving the parts of ``Library.split`` replace the stored merged record by its parts;
reading-list entries stay on one part; the split is stored, so importing the records again does not merge them.

Real records (``realdata``): rebiber's example input and output (a preprint and the same reference after rebiber
replaced it by its published version). Own records: Papers built here (made-up titles and ids).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from paths import FIXTURES

import paperlab
from paperlab import Library, Paper
from paperlab.errors import InvalidValue, NotFound, UsageError
from paperlab.store import Store


def _preprint() -> Paper:
    return Paper(
        "Counting Widgets with Fewer Labels",
        arxiv_id="2401.00091v2",
        authors=["Ann Example"],
        published="2024-01-05",
    )


def _published() -> Paper:
    return Paper(
        "Counting Widgets with Fewer Labels",
        doi="10.5555/paperlab.widgets",
        authors=["Ann Example", "Bo Example"],
        journal_ref="Journal of Widgets 3, 1-9",
        published="2025-02-01",
    )


def _dois(store: Store) -> list[str | None]:
    return sorted(p.doi or "" for p in store.papers())


def test_split_paper_in_the_store_keeps_the_entry_and_stays_split(store_location: str | Path) -> None:
    with Store(store_location) as store:
        store.upsert_papers([_preprint(), _published()])
        (merged,) = store.papers()
        assert (merged.arxiv_id, merged.doi) == ("2401.00091", "10.5555/paperlab.widgets")
        rl = store.reading_list("thesis")
        rl.add(merged, status="reading", tags=["widgets"], note="check <b>table 2</b>")

        parts = store.split_paper("10.5555/paperlab.widgets")
        assert sorted(p.id for p in parts) == sorted([_preprint().id, _published().id])
        # one row per record: the DOI is held once, by the published part only
        assert len(store) == 2 and _dois(store) == ["", "10.5555/paperlab.widgets"]
        assert store.get_paper("2401.00091").doi is None
        # the entry stays on the part under the merged id (the preprint's), with its status, tags and note
        assert rl.ids() == [merged.id] == [_preprint().id]
        entry = rl.entry("2401.00091")
        assert (entry.status, entry.tags, entry.note) == ("reading", ["widgets"], "check <b>table 2</b>")

        # a later import of both records again (and the same batch together) does not merge them
        store.upsert_papers([_published()])
        store.upsert_papers([_preprint(), _published()])
        assert len(store) == 2 and _dois(store) == ["", "10.5555/paperlab.widgets"]

    # the split is in the database, not in this object: a new connection sees it and keeps it
    with Store(store_location) as again:
        again.upsert_papers([_preprint(), _published()])
        assert len(again) == 2
        with pytest.raises(UsageError, match="not a merge of several records"):
            again.split_paper("2401.00091")


def test_split_paper_moves_the_entry_to_the_part_named_by_keep(store_location: str | Path) -> None:
    with Store(store_location) as store:
        store.upsert_papers([_preprint(), _published()])
        rl = store.reading_list()
        rl.add("2401.00091", status="read")
        with pytest.raises(InvalidValue, match=r"keep='10\.5555/other': none of the split records"):
            store.split_paper("2401.00091", keep="10.5555/other")
        assert len(store) == 1  # the failed split changed nothing
        store.split_paper("2401.00091", keep="https://doi.org/10.5555/paperlab.widgets")
        assert [p.doi for p in rl] == ["10.5555/paperlab.widgets"] and rl.entry(_published().id).status == "read"
        assert "2401.00091" not in rl and "2401.00091" in store
        with pytest.raises(NotFound, match="no paper 'nope:1' in the store"):
            store.split_paper("nope:1")


def test_saving_the_parts_of_a_library_split_splits_the_stored_merge(store_location: str | Path) -> None:
    with Store(store_location) as store:
        store.upsert_papers([_published(), _preprint()])
        rl = store.reading_list()
        (merged,) = lib = store.papers()
        rl.add(merged, tags=["x"])
        parts = lib.split(merged.id)
        store.upsert_papers(parts)  # "save" the split library
        assert len(store) == 2 and _dois(store) == ["", "10.5555/paperlab.widgets"]
        # the entry stays on the part stored under the merged id: the preprint
        assert rl.ids() == [merged.id] == ["2401.00091"] and rl.entry(merged.id).tags == ["x"]
        store.upsert_papers(parts)  # saving again changes nothing
        assert len(store) == 2


@pytest.mark.realdata
def test_rebiber_merge_split_in_the_store(store_location: str | Path) -> None:
    bib = FIXTURES / "bibtex"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        before = list(paperlab.load(bib / "rebiber_example_input.bib"))
        after = list(paperlab.load(bib / "rebiber_example_output.bib"))

    def xcopa(papers: list[Paper]) -> Paper:
        return next(p for p in papers if p.extra.get("bibtex_key") == "ponti2020xcopa")

    doi = "10.18653/v1/2020.emnlp-main.185"
    with Store(store_location) as store:
        store.upsert_papers(before + after)
        total = len(store)
        merged = store.get_paper("2005.00333")
        assert merged is not None and merged.doi == doi
        store.reading_list().add(merged, note="XCOPA")
        parts = store.split_paper(doi)
        assert {(p.arxiv_id, p.doi) for p in parts} == {("2005.00333", None), (None, doi)}
        assert len(store) == total + 1
        assert [p.id for p in store.papers() if p.doi == doi] == [xcopa(after).id]
        assert store.reading_list().entry("2005.00333").note == "XCOPA"
        # importing the whole bibliography again keeps the split: each part takes its own record back
        store.upsert_papers(before + after)
        title = xcopa(after).title.lower()
        again = [p for p in store.papers() if p.title.lower() == title]
        assert sorted((p.arxiv_id or "", p.doi or "") for p in again) == [("", doi), ("2005.00333", "")]


def test_library_split_of_an_unmerged_record_is_refused_in_the_store(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite3") as store:
        store.upsert_papers([_preprint()])
        with pytest.raises(UsageError):
            store.split_paper("2401.00091")
        assert len(Library(store.papers())) == 1


def test_importing_a_merged_version_again_joins_its_merge(store_location: str | Path) -> None:
    """A title-only record of the published version, merged into the arXiv preprint's record (which keeps the
    preprint's year and takes the venue), is the same work when imported again: no second row."""
    preprint = Paper(
        "Sorting Widgets Without Labels", arxiv_id="1711.09991", authors=["Cy Lake"], published="2017-11-01"
    )
    published = Paper(
        "Sorting widgets without labels",
        authors=["Cy M. Lake"],
        journal_ref="Proc. of ICML",
        published="2018-01-01",
        extra={"entry_type": "inproceedings"},
    )
    with Store(store_location) as store:
        store.upsert_papers([preprint, published])
        (merged,) = store.papers()
        assert [s["kind"] for s in merged.timeline()] == ["preprint", "published"]
        store.upsert_papers([published])
        store.upsert_papers([preprint, published])
        assert store.count() == 1 and len(store.papers()) == 1
        # a different work with that title (another year and venue, no version of the merge) stays apart
        store.upsert_papers(
            [Paper("Sorting Widgets Without Labels", authors=["Cy Lake"], journal_ref="AAAI", published="2015-01-01")]
        )
        assert store.count() == 2


@pytest.mark.realdata
def test_rebiber_imported_again_changes_nothing(tmp_path: Path) -> None:
    bib = FIXTURES / "bibtex"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        before = list(paperlab.load(bib / "rebiber_example_input.bib"))
        after = list(paperlab.load(bib / "rebiber_example_output.bib"))
    with Store(tmp_path / "s.sqlite3") as store:
        counts = []
        for batch in (before + after, before + after, after, before):
            store.upsert_papers(batch)
            counts.append((store.count(), len(store.papers())))  # rows, and works as the Library sees them
        assert counts == [(183, 183)] * 4


def test_a_record_naming_both_parts_of_a_split_joins_one(store_location: str | Path) -> None:
    """A later record giving the preprint's arXiv id and the publication's DOI (as Semantic Scholar does) joins
    the preprint's part (its id) and leaves the DOI to the published part: each id stays on one row."""
    both = Paper(
        "Counting Widgets with Fewer Labels",
        arxiv_id="2401.00091",
        doi="10.5555/paperlab.widgets",
        authors=["Ann Example"],
        abstract="Widgets, counted.",
    )
    with Store(store_location) as store:
        store.upsert_papers([_preprint(), _published()])
        store.split_paper("2401.00091")
        store.upsert_papers([both])
        assert store.count() == 2 and _dois(store) == ["", "10.5555/paperlab.widgets"]
        assert store.get_paper("2401.00091").abstract == "Widgets, counted."
        assert store.get_paper("10.5555/paperlab.widgets").arxiv_id is None


def test_cli_split(store_backend: str, capsys: pytest.CaptureFixture[str]) -> None:
    from paperlab.cli import main
    from paperlab.store import open_store

    store = open_store()
    store.upsert_papers([_preprint(), _published()])
    store.reading_list("thesis").add("2401.00091", status="reading")
    assert main(["split", "10.5555/paperlab.widgets", "--keep", "10.5555/paperlab.widgets"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2401.00091\t2024\tarXiv 2401.00091\t\tCounting Widgets")
    assert out[1].startswith("doi:10.5555/paperlab.widgets\t2025\tDOI 10.5555/paperlab.widgets\tJournal of Widgets")
    assert out[2] == "reading-list entries stay on the part in: thesis"
    assert store.reading_list("thesis").ids() == ["doi:10.5555/paperlab.widgets"]
    assert main(["split", "10.5555/paperlab.widgets"]) == 2  # a UsageError: no longer a merge
    assert "not a merge of several records" in capsys.readouterr().err
    assert main(["split", "2401.99999"]) == 1
    assert "no paper '2401.99999' in the store" in capsys.readouterr().err


def test_library_keeps_a_split_when_a_record_names_both_parts() -> None:
    both = Paper("Counting Widgets with Fewer Labels", arxiv_id="2401.00091", doi="10.5555/paperlab.widgets")
    lib = Library([_preprint(), _published()])
    lib.split(lib[0].id)
    lib.add(both)
    assert len(lib) == 2
    assert sorted((p.arxiv_id or "", p.doi or "") for p in lib) == [
        ("", "10.5555/paperlab.widgets"),
        ("2401.00091", ""),
    ]
    # without a split, such a record is simply the one work
    assert len(Library([_preprint(), _published(), both])) == 1
