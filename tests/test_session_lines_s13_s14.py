"""A session's paper lines and slide tables as researchers write them in their own notes (session 13, helper S14).

Every file here is our own small text; each kind is tested in several shapes: a paper line's identifiers and
citation wherever they stand ("Paper: Title (Quill & Dale, ICCV 2023) — arXiv:…"), and a slide table named by the
heading or line above it ("Slide 7 — Results: ToyBench 256x256").
"""

from __future__ import annotations

import warnings

import pytest

import paperlab
from paperlab.services.sessions import Session

TITLE = "Pebble Counting with Tiny Transformers"


def _session(tmp_path, text: str, name: str = "notes.txt") -> Session:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Session.from_file(path)


# -- kind 1: the paper's line ---------------------------------------------------------------------------------------

PAPER_LINES = {
    "plain, citation then dash id": (
        f"Pebble club — 3 March 2025\nPresenter: Ada Quill\nPaper: {TITLE} (Quill & Dale, ICCV 2023) — arXiv:2401.01234\n",
        (["Quill", "Dale"], 2023, "ICCV 2023", "2401.01234", None),
    ),
    "markdown, bold label, link then citation": (
        f"# Pebble club\n\n**Presenter:** Ada Quill\n**Paper:** [{TITLE}](https://arxiv.org/abs/2401.01234) "
        "(Quill and Dale 2023)\n",
        (["Quill", "Dale"], 2023, None, "2401.01234", None),
    ),
    "heading with names after a dash, venue year in quotes": (
        f"# Pebble club\n\n## {TITLE} — Quill, Dale (NeurIPS'24)\nPresenter: Bo Dale\n\n- it counts pebbles\n",
        (["Quill", "Dale"], 2024, "NeurIPS 2024", None, None),
    ),
    "by initials, bracketed id": (
        f"Pebble club\nPresenter: Ada Quill\nPaper: {TITLE} by A. Quill and B. Dale [2401.01234]\n",
        (["A. Quill", "B. Dale"], None, None, "2401.01234", None),
    ),
    "et al. in parentheses, then a DOI": (
        f"Pebble club\nPresenter: Ada Quill\nPaper: {TITLE} (Quill et al., 2022), doi:10.1234/pebbles.42\n",
        (["Quill"], 2022, None, None, "10.1234/pebbles.42"),
    ),
    "id in parentheses only": (
        f"Pebble club\nPresenter: Ada Quill\nPaper: {TITLE} (arXiv:2401.01234)\n",
        ([], None, None, "2401.01234", None),
    ),
    "emphasised title, names after a comma, venue in parentheses": (
        f"Pebble club\nPresenter: Ada Quill\nPaper: *{TITLE}*, Quill et al. (ICLR 2024)\n",
        (["Quill"], 2024, "ICLR 2024", None, None),
    ),
    "venue in square brackets with its track, id in parentheses": (
        f"Pebble club\nPresenter: Ada Quill\nPaper: {TITLE} [CVPR 2024 Oral] (arXiv 2401.01234)\n",
        ([], 2024, "CVPR 2024", "2401.01234", None),
    ),
    "bare arXiv address after the title": (
        f"Pebble club\nSpeaker: Ada Quill\nTitle: {TITLE} arxiv.org/abs/2401.01234v2\n",
        ([], None, None, "2401.01234", None),
    ),
}


@pytest.mark.parametrize("name", list(PAPER_LINES))
def test_paper_line_gives_title_authors_year_venue_and_ids(tmp_path, name):
    text, (authors, year, venue, arxiv, doi) = PAPER_LINES[name]
    (entry,) = _session(tmp_path, text).entries
    p = entry.paper
    assert p.title == TITLE
    assert p.authors == authors
    assert p.year == (year or p.year)  # an arXiv id alone dates the paper by its month
    if year:
        assert p.date_precision == "year"
    assert p.venue == venue
    assert p.arxiv_id == arxiv
    assert p.doi == doi


@pytest.mark.parametrize("link", ["https://arxiv.org/abs/2401.01234", "arXiv: 2401.01234", "[2401.01234]"])
def test_the_id_on_its_own_line_under_the_paper_and_a_citation_after_the_authors(tmp_path, link):
    text = (
        f"# Journal club — 2025-04-02\n\nPresenter: Ada Quill\nPaper: {TITLE}\n{link}\n"
        "Authors: Quill & Dale (ICML 2024)\n\n## Notes\n- small is fine\n"
    )
    (entry,) = _session(tmp_path, text, "club.md").entries
    p = entry.paper
    assert (p.title, p.authors, p.arxiv_id, p.venue, p.year) == (
        TITLE,
        ["Quill", "Dale"],
        "2401.01234",
        "ICML 2024",
        2024,
    )


def test_slide_transcript_title_line_with_its_id_and_author_line(tmp_path):
    text = f"Pebble club\n\nAda Quill\n\n{TITLE} (arXiv:2401.01234)\nBo Dale, Cy Eve\n\nTakeaways\n- small is fine\n"
    (entry,) = _session(tmp_path, text).entries
    assert (entry.presenter, entry.paper.title, entry.paper.arxiv_id) == ("Ada Quill", TITLE, "2401.01234")
    assert entry.paper.authors == ["Bo Dale", "Cy Eve"]


@pytest.mark.parametrize(
    "title",
    [
        "Sharpness, Flatness, and Generalization",  # commas and "and" in a title: no authors
        "Attention — Queries and Keys",  # words after a dash without initials or a year: the title's
        "Denoising Pebbles (DP)",  # an acronym in parentheses
        "Counting Pebbles (Extended Version)",
    ],
)
def test_a_title_that_holds_no_citation_stays_whole(tmp_path, title):
    (entry,) = _session(tmp_path, f"Pebble club\nPresenter: Ada Quill\nPaper: {title}\n").entries
    assert entry.paper.title == title
    assert entry.paper.authors == []


def test_the_session_paper_merges_with_the_same_paper_from_bibtex(tmp_path):
    notes = tmp_path / "club.txt"
    notes.write_text(
        f"Pebble club — 3 March 2025\nPresenter: Ada Quill\nPaper: {TITLE} (Quill & Dale, ICCV 2023) — "
        "arXiv:2401.01234\n\nTakeaways\n- small is fine\n",
        encoding="utf-8",
    )
    bib = tmp_path / "mine.bib"
    bib.write_text(
        "@inproceedings{quill2023pebble,\n  title = {" + TITLE + "},\n  author = {Quill, Ada and Dale, Bo},\n"
        "  booktitle = {ICCV}, year = {2023}, eprint = {2401.01234}, archivePrefix = {arXiv}\n}\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(notes, bib)
    assert [p.title for p in lib] == [TITLE]  # one paper, no duplicate titled by the whole line


# -- kind 2: a slide table named by the heading above it ----------------------------------------------------------

TWO_TABLES = """Toy club — 5 May 2025
Presenter: Ada Quill
Paper: Tiny Pebble Generators (Quill & Dale, ICML 2024)

Slide 3 — Results: class-conditional ToyBench 64x64

| Model   | FID  | IS   |
|---------|------|------|
| Base    | 9.10 | 40.2 |
| TinyGen | 4.20 | 61.0 |

Slide 4 — Results: ToyBench 128x128

| Model   | FID  |
|---------|------|
| Base    | 12.5 |
| TinyGen | 6.75 |
"""


def test_two_slide_tables_are_told_apart_by_their_headings(tmp_path):
    (entry,) = _session(tmp_path, TWO_TABLES).entries
    first, second = (t.data for t in entry.tables)
    assert set(first["table"]) == {"class-conditional ToyBench 64x64"}
    assert set(second["table"]) == {"ToyBench 128x128"}
    assert set(first["dataset"]) == {"ToyBench"} and set(second["dataset"]) == {"ToyBench"}
    assert set(first["setting"]) == {"resolution=64x64"} and set(second["setting"]) == {"resolution=128x128"}
    fid = {(r.setting, r.value) for r in second.itertuples() if r.method == "TinyGen"}
    assert fid == {("resolution=128x128", 6.75)}


def test_compare_shows_one_summary_per_named_table(tmp_path):
    path = tmp_path / "toy.txt"
    path.write_text(TWO_TABLES, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        row = paperlab.load(path).compare().iloc[0]
    assert row["results"] == [
        "class-conditional ToyBench 64x64: 4 values, 2 methods",
        "ToyBench 128x128: 2 values, 2 methods",
    ]


def test_markdown_heading_above_bullets_names_the_table_and_its_dataset(tmp_path):
    text = (
        "# Pebble club\n\n## Ada Quill — Counting Pebbles Quickly\n\n### Results on PebbleSet-2\n\n"
        "- the small model wins\n\n| Model | Acc |\n|---|---|\n| Small | 81.0 |\n| Large | 79.5 |\n"
    )
    (entry,) = _session(tmp_path, text, "club.md").entries
    (table,) = entry.tables
    assert set(table.data["table"]) == {"Results on PebbleSet-2"}
    assert set(table.data["dataset"]) == {"PebbleSet-2"}


def test_tab_separated_table_under_a_caption_line_with_pixels(tmp_path):
    text = (
        "Pebble club\nPresenter: Ada Quill\nPaper: Counting Pebbles Quickly (Quill et al., 2024)\n\n"
        "Accuracy on ImageNet at 224px:\nModel\tTop-1\nSmall\t71.2\nLarge\t78.9\n"
    )
    (entry,) = _session(tmp_path, text).entries
    (table,) = entry.tables
    assert set(table.data["dataset"]) == {"ImageNet"}
    assert set(table.data["setting"]) == {"resolution=224px"}


def test_a_table_caption_still_wins_and_a_bare_results_heading_names_nothing(tmp_path):
    text = (
        "Pebble club\nPresenter: Ada Quill\nPaper: Counting Pebbles Quickly (Quill et al., 2024)\n\n"
        "Slide 2 — More numbers on ToyBench\n\nTable 2: Accuracy on PebbleSet.\n\n"
        "| Model | Acc |\n|---|---|\n| Small | 70.0 |\n| Large | 69.5 |\n\n"
        "Slide 3 — Notes\n\n- one\n- two\n- three\n- four\n- five\n\n"
        "Slide 4 — Results\n\n| Model | Acc |\n|---|---|\n| Small | 81.0 |\n| Large | 79.5 |\n"
    )
    (entry,) = _session(tmp_path, text).entries
    captioned, bare = (t.data for t in entry.tables)
    assert bare["table"].isna().all() and bare["dataset"].isna().all()
    assert set(captioned["table"]) == {"Table 2"}


def test_marp_deck_with_front_matter_reads_its_title_slide_and_named_table(tmp_path):
    text = (
        "---\nmarp: true\n---\n\n# Counting Pebbles Quickly (arXiv:2401.01234)\n\n- Ada Quill and Bo Dale\n"
        "- Toy Lab Journal Club - March 3, 2025\n\n---\n\n## Results on ToyBench-2\n\n"
        "| Model | Acc |\n|---|---|\n| Small | 81.0 |\n| Large | 79.5 |\n"
    )
    session = _session(tmp_path, text, "deck.md")
    (entry,) = session.entries
    assert (entry.paper.title, entry.paper.arxiv_id) == ("Counting Pebbles Quickly", "2401.01234")
    assert entry.paper.authors == ["Ada Quill", "Bo Dale"]
    assert str(session.date) == "2025-03-03"
    assert set(entry.tables[0].data["dataset"]) == {"ToyBench-2"}


def test_a_slide_line_and_a_tab_separated_header_after_the_byline_are_no_authors(tmp_path):
    text = (
        "Toy reading group\n\nAda Quill\n\nCounting Pebbles Quickly — arXiv:2401.01234\nBo Dale, Cy Eve\n\n"
        "Main results: CIFAR-10 32x32\nModel\tAcc\tParams\nSmall\t81.0\t1.2\nLarge\t79.5\t9.9\n\nTakeaways\n- small\n"
    )
    (entry,) = _session(tmp_path, text).entries
    assert entry.paper.authors == ["Bo Dale", "Cy Eve"]
    (table,) = entry.tables
    assert set(table.data["table"]) == {"CIFAR-10 32x32"}
    assert set(table.data["setting"]) == {"resolution=32x32"}


def test_a_code_address_on_the_paper_line_is_its_code_not_its_link(tmp_path):
    text = (
        f"Pebble club\nPresenter: Ada Quill\n"
        f"Paper: {TITLE} https://arxiv.org/abs/2401.01234 — code: github.com/quill/pebbles\n"
    )
    (entry,) = _session(tmp_path, text).entries
    p = entry.paper
    assert (p.title, p.arxiv_id, p.code_url) == (TITLE, "2401.01234", "https://github.com/quill/pebbles")
