"""Titles and abstracts keep the LaTeX their source wrote and gain a readable form (issue 12).

``paperlab.latex.readable`` decodes only the LaTeX of a text (pylatexenc); a text without any is returned as it
is. Cards, the CLI, DataFrames and the search index show the readable form; the wire format carries it as
``title_text`` / ``abstract_text`` (null when the raw form holds no LaTeX) for the JavaScript cards.
Our own file: ``tests/data/arxiv/latex-markup.jsonl`` (Kaggle snapshot lines); the real corpus checks read
DailyArXiv READMEs and arXiv API pages in ``$PAPERLAB_REALDATA``.
"""

from __future__ import annotations

import warnings

import pytest
from paths import DATA, FIXTURES

import paperlab
from paperlab import Library, Paper
from paperlab.cli import main
from paperlab.errors import PartialImportWarning
from paperlab.latex import has_latex, readable
from paperlab.search.index import paper_text

OWN = DATA / "arxiv" / "latex-markup.jsonl"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (r"77\% fewer steps", "77% fewer steps"),
        (r"2.2$\times$ faster", "2.2× faster"),
        (r"\textbf{99\%} recall", "99% recall"),
        (r"temperature {\tau} controls", "temperature τ controls"),
        (r"Diff $^2$ I2P", "Diff ² I2P"),
        (r"error $10^{-3}$ and $x_2$", "error 10⁻³ and x₂"),
        (r"R\&D at Caf\'e Landauer-B\"uttiker", "R&D at Café Landauer-Büttiker"),
        (r"named \texttt{TimeAutoDiff} and \emph{robust}", "named TimeAutoDiff and robust"),
        (r"i.i.d.\ samples", "i.i.d. samples"),
        (r"at \url{https://x.org/~a/b_c}.", "at https://x.org/~a/b_c."),
        (r"see \href{https://x.org}{our \textbf{site}}", "see our site"),
        (r"\textbf{50%} of it", "50% of it"),  # a bare % inside markup is a percent sign, not a comment
        (r"$$E=mc^2$$", "E=mc²"),
    ],
)
def test_readable_decodes_the_latex(raw: str, shown: str) -> None:
    assert has_latex(raw)
    assert readable(raw) == shown


@pytest.mark.parametrize(
    "text",
    [
        "plain prose, 50% of it",
        "see https://example.org/~ada/a_b",
        "a coffee costs $5 and a cake $6",  # dollars, not math
        "braces {kept} as written -- and dashes",
        "",
    ],
)
def test_text_without_latex_is_itself(text: str) -> None:
    assert not has_latex(text)
    assert readable(text) is text


def test_what_cannot_be_decoded_is_kept_as_written() -> None:
    # an author's own macro: pylatexenc knows no text for it
    assert readable(r"our \ourmethod{} beats {\name} on $\XQM$") == r"our \ourmethod{} beats {\name} on $\XQM$"
    # only the LaTeX pieces change: the URL's ~ and _ between them stay
    assert readable(r"77\% at https://x.org/~a_b") == "77% at https://x.org/~a_b"


def test_paper_keeps_the_raw_form_and_gains_a_readable_one() -> None:
    p = Paper(title=r"Fast: 2.2$\times$", abstract=r"We reach \textbf{99\%}.")
    assert p.title == r"Fast: 2.2$\times$" and p.abstract == r"We reach \textbf{99\%}."
    assert (p.title_text, p.abstract_text) == ("Fast: 2.2×", "We reach 99%.")
    assert (p.shown_title, p.shown_abstract) == ("Fast: 2.2×", "We reach 99%.")
    plain = Paper(title="Plain", abstract="Words.")
    assert (plain.title_text, plain.abstract_text) == (None, None)
    assert (plain.shown_title, plain.shown_abstract) == ("Plain", "Words.")
    assert Paper(title="No abstract").shown_abstract is None


def test_readable_forms_ride_on_the_wire_and_are_recomputed() -> None:
    p = Paper(title=r"Fast: 2.2$\times$", abstract=r"77\%")
    data = p.to_dict()
    assert data["title_text"] == "Fast: 2.2×" and data["abstract_text"] == "77%"
    assert Paper.from_dict(data) == p
    # what a client sends is not trusted: the readable forms come from the raw ones
    forged = Paper.from_dict({**data, "title_text": "something else", "abstract_text": None})
    assert (forged.title_text, forged.abstract_text) == ("Fast: 2.2×", "77%")
    with pytest.raises(TypeError):
        Paper(title="x", title_text="y")  # type: ignore[call-arg]


def test_merge_recomputes_the_readable_forms() -> None:
    a = Paper(title=r"Fast: 2.2$\times$", arxiv_id="2401.00001")
    b = Paper(title=r"Fast: 2.2$\times$", arxiv_id="2401.00001", abstract=r"We reach \textbf{99\%}.")
    merged = a.merge(b)
    assert merged.title_text == "Fast: 2.2×" and merged.abstract_text == "We reach 99%."


def _own() -> Library:
    return paperlab.load(OWN)


def test_own_file_raw_and_readable() -> None:
    lib = _own()
    assert len(lib) == 3
    fast, cafe, plain = lib["2401.00001"], lib["2401.00002"], lib["2401.00003"]
    assert fast.title == r"Fast Sorting: 2.2$\times$ Faster with \textbf{99\%} Fewer Swaps"
    assert fast.shown_title == "Fast Sorting: 2.2× Faster with 99% Fewer Swaps"
    assert fast.shown_abstract == (
        "We sort 77% of the inputs in place and the rest 2.2× faster; recall stays at 99%. "
        "The cost is 𝒪(n²) in the worst case, with temperature τ and error 10⁻³."
    )
    assert cafe.shown_title == "Café Menus and R&D Budgets"
    assert cafe.shown_abstract == (
        "A study of menus in one café: a coffee costs $5 and a cake $6, which 50% of guests order. "
        r"Code: https://example.org/~ada/menu_study; our \ourmethod{} is unchanged."
    )
    assert plain.title_text is None and plain.abstract_text is None


def test_own_file_cards_show_the_readable_text() -> None:
    fast = _own()["2401.00001"]
    md = fast.to_markdown()
    assert md.startswith("### [Fast Sorting: 2.2× Faster with 99% Fewer Swaps](")
    assert "> We sort 77% of the inputs" in md and "\\textbf" not in md.split("<!--")[0]
    assert Paper.from_markdown(md).title == fast.title  # the raw form rides in the card's JSON
    html = fast.to_html()
    assert "Fast Sorting: 2.2× Faster with 99% Fewer Swaps</a>" in html and "\\times" not in html


def test_own_file_dataframe_and_search_text_are_readable() -> None:
    lib = _own()
    df = lib.to_dataframe()
    assert df.loc["2401.00001", "title"] == "Fast Sorting: 2.2× Faster with 99% Fewer Swaps"
    assert df.loc["2401.00002", "abstract"].startswith("A study of menus in one café:")
    assert paper_text(lib["2401.00001"]).startswith("Fast Sorting: 2.2× Faster with 99% Fewer Swaps. We sort 77%")


def test_own_file_cli_lists_readable_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(OWN)]) == 0  # into the test's own store (conftest's PAPERLAB_HOME)
    capsys.readouterr()
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "Fast Sorting: 2.2× Faster with 99% Fewer Swaps" in out and "Café Menus and R&D Budgets" in out
    assert "\\" not in out


# -- the real corpus ---------------------------------------------------------------------------------


def _containing(lib: Library, raw: str) -> Paper:
    found = [p for p in lib if raw in (p.abstract or "") or raw in p.title]
    assert found, raw
    return found[0]


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("path", "raw", "shown"),
    [
        # each raw piece read from the file, its readable form worked out by hand
        ("dailyarxiv_readme/zezhishao_DailyArXiv_README_2024-07-19_187aa20.md", r"an 18\% increase", "an 18% increase"),
        (
            "dailyarxiv_readme/hengxt_DailyArXiv_fork_README_2026-08-21_c125e64.md",
            r"achieves $17.5\times$ lower",
            "achieves 17.5× lower",
        ),
        (
            "dailyarxiv_readme/hengxt_DailyArXiv_fork_README_2026-08-21_c125e64.md",
            r"propose a \emph{Robust Quantum-MUSIC}",
            "propose a Robust Quantum-MUSIC",
        ),
        (
            "arxiv_atom/extracted_bodies/q_testing_s0_m15_80c242b59d59.xml",
            r"$25\%$ accuracy",
            "25% accuracy",
        ),
    ],
)
def test_real_abstracts_read_without_their_latex(path: str, raw: str, shown: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)  # rows of these files this test does not read
        lib = paperlab.load(FIXTURES / path)
    paper = _containing(lib, raw)
    assert shown in (paper.shown_abstract or "") + paper.shown_title
    assert raw in (paper.abstract or "") + paper.title  # the raw form is kept


@pytest.mark.realdata
def test_real_title_with_math_reads_as_text() -> None:
    """``$ω$Test: WebView-Oriented Testing for Android Applications`` on an arXiv API page (2306.03845)."""
    lib = paperlab.load(FIXTURES / "arxiv_atom" / "extracted_bodies" / "q_testing_s20_m10_348a237fecab.xml")
    paper = lib["2306.03845"]
    assert paper.title == "$ω$Test: WebView-Oriented Testing for Android Applications"
    assert paper.title_text == "ωTest: WebView-Oriented Testing for Android Applications"


def test_readable_forms_on_the_wire_follow_a_title_edited_after_construction() -> None:
    p = Paper(title="Plain title", abstract="Words.")
    p.title = r"Now 2.2$\times$ faster"
    p.abstract = r"We reach \textbf{99\%}."
    data = p.to_dict()
    assert data["title_text"] == "Now 2.2× faster" and data["abstract_text"] == "We reach 99%."
    assert p.shown_title == "Now 2.2× faster"
    p.title = "Plain again"
    assert p.to_dict()["title_text"] is None


def test_dollar_signs_in_user_text_are_never_math() -> None:
    from paperlab.services.listview import ReadingListView
    from paperlab.text import NO_MATH_CLASS, md_escape

    assert md_escape("costs $5 to $10") == "costs &#36;5 to &#36;10"  # GitHub typesets $...$ in markdown
    card = Paper(title="Pay $5, get $10", abstract="From $1 to $2.").to_html()
    assert card.startswith(f'<div class="paperlab-card {NO_MATH_CLASS}"')  # MathJax skips the whole card
    assert f'class="paperlab-readinglist {NO_MATH_CLASS}"' in ReadingListView("notes with $x$")._repr_html_()


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (r"a pointing error below $1^\circ$ in azimuth", "a pointing error below 1° in azimuth"),
        (r"a $90^{\circ}$ rotation", "a 90° rotation"),
        (r"$f \circ g$ composed", "f ∘ g composed"),  # a composition circle stays one
    ],
)
def test_a_superscript_circle_reads_as_a_degree_sign(raw: str, shown: str) -> None:
    assert readable(raw) == shown
