"""compare() and diff() read well in a notebook: columns empty for every paper are left out and named in the
caption, rows and diff columns carry a readable reference (arXiv id, DOI, short title) instead of a hash, the title
column has room, wide tables scroll; the frames themselves keep every column and paperlab ids."""

from __future__ import annotations

import re

import paperlab
from paperlab import Paper
from paperlab.compare import diff

LONG = "Towards Analyzing and Mitigating Sycophancy in Large Vision-Language Models"


def _papers() -> list[Paper]:
    return [
        Paper(title=LONG, abstract="We reach 91.2% accuracy on ImageNet."),
        Paper(title="TruthPrInt: Mitigating LVLM Object Hallucination", arxiv_id="2503.10602", published="2025-03-13"),
        Paper(title="A <img src=x onerror=alert(1)> journal paper", doi="10.1234/ABC.5"),
    ]


def _headers(shown: str) -> list[str]:
    return re.findall(r'<th id="T_\w+_level0_col\d+" class="col_heading[^"]*" >(.*?)</th>', shown)


def _row_labels(shown: str) -> list[str]:
    return re.findall(r'<th id="T_\w+_level0_row\d+" class="row_heading[^"]*" >(.*?)</th>', shown)


def test_compare_leaves_out_columns_empty_for_every_paper_and_says_which() -> None:
    df = paperlab.compare(_papers())
    shown = df._repr_html_() or ""
    # shown in the order a reader compares papers: the results, datasets, metrics right after the title
    assert _headers(shown) == ["title", "results", "datasets", "metrics", "task", "date"]
    caption = re.search(r"<caption>(.*?)</caption>", shown)
    assert caption is not None
    assert "Not shown, empty for every paper: venue, authors, code, upvotes, stars, categories." in caption.group(1)
    assert "caption-side: bottom" in shown
    # the frame for analysis keeps every column and the stable paperlab ids
    assert {"venue", "authors", "code", "upvotes", "stars", "categories"} <= set(df.columns)
    assert df.index.name == "id" and df.index[0].startswith("title:") and df.index[2] == "doi:10.1234/abc.5"


def test_compare_rows_carry_readable_references_and_the_title_has_room() -> None:
    shown = paperlab.compare(_papers())._repr_html_() or ""
    labels = _row_labels(shown)
    assert labels == ["Towards Analyzing and Mitigating…", "2503.10602", "10.1234/abc.5"]
    assert "title:" not in shown
    title_col = _headers(shown).index("title")
    # room, then wraps; narrower than before session 13 so that title to authors fit a 950 px cell (1400 px, side
    # panel open: tests/browser/test_compare_fit_s13_ux3.py)
    assert re.search(rf"td\.col{title_col} \{{\s*min-width: 10em;\s*width: 12em;", shown)
    assert re.search(rf"td\.col{_headers(shown).index('date')} \{{\s*white-space: nowrap;", shown)
    # wide tables scroll, in a box no taller than the window (the scrollbar in view)
    assert re.search(r"#T_\w+  \{\s*display: block;\s*overflow: auto;\s*max-height: 85vh;", shown)
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown


def test_a_column_with_one_value_stays_and_same_looking_titles_get_distinct_labels() -> None:
    twins = [Paper(title=LONG + ": part one", abstract="a"), Paper(title=LONG + ": part two", abstract="b")]
    twins[1].authors = ["Ada Lovelace"]
    shown = paperlab.compare(twins)._repr_html_() or ""
    assert "authors" in _headers(shown) and "Ada Lovelace" in shown
    assert _row_labels(shown) == ["Towards Analyzing and Mitigating…", "Towards Analyzing and Mitigating… (2)"]


def test_diff_columns_name_the_papers_and_empty_facets_are_named_not_shown() -> None:
    a, b, _ = _papers()
    d = diff(a, b)
    shown = d._repr_html_() or ""
    assert _headers(shown) == ["shared", "only Towards Analyzing and Mitigating…", "only 2503.10602"]
    assert _row_labels(shown) == ["task", "datasets", "metrics"]
    assert "Not shown, empty for both papers: categories, authors." in shown
    assert list(d.index) == ["task", "datasets", "metrics", "categories", "authors"]  # the frame keeps them
    assert f"only {a.id}" in d.columns


def test_a_paper_without_arxiv_id_or_doi_is_labelled_by_first_author_and_year_not_its_title_again() -> None:
    papers = [
        Paper(title=LONG, authors=["Ada Lovelace", "Charles Babbage"], published="2025-03-01", abstract="a"),
        Paper(title="Notes on the analytical engine", authors=["Lovelace, Ada"], published="2025-06-01"),
        Paper(title="Computing machinery and intelligence", authors=["Alan Turing"], published="1950-10-01"),
        Paper(title="A <b>bold</b> claim", authors=["Eve <img src=x onerror=alert(1)>"], published="2024-01-01"),
        Paper(title="TruthPrInt: Mitigating LVLM Object Hallucination", arxiv_id="2503.10602"),
    ]
    df = paperlab.compare(papers)
    shown = df._repr_html_() or ""
    labels = _row_labels(shown)
    assert labels[:3] == ["Lovelace 2025a", "Lovelace 2025b", "Turing 1950"]  # short, unique, not the title again
    assert labels[3] == "onerror=alert(1)&gt; 2024" and labels[4] == "2503.10602"  # an author's markup is text
    assert "<img" not in shown and "<b>" not in shown
    assert "first author and year" in (re.search(r"<caption>(.*?)</caption>", shown) or [""])[0]
    # the frame keeps the paperlab ids; the labels ride along by id
    assert list(df.index) == [p.id for p in papers] and df.index[0].startswith("title:")
    assert df.attrs["labels"][papers[0].id] == "Lovelace 2025a" and df.loc[papers[0].id, "title"] == LONG
    d = diff(papers[0], papers[1])
    assert _headers(d._repr_html_() or "") == ["shared", "only Lovelace 2025a", "only Lovelace 2025b"]


def test_a_generational_suffix_is_not_the_family_name_in_a_label() -> None:
    """ "Martin Luther King Jr." is cited as "King 1963", however a source writes the name."""
    written = ["Martin Luther King Jr.", "Martin Luther King, Jr.", "King, Jr., Martin Luther", "John Smith III"]
    papers = [
        Paper(title=f"Letter number {k}", authors=[name], published=f"{1960 + k}-04-16")
        for k, name in enumerate(written)
    ]
    labels = paperlab.compare(papers).attrs["labels"]
    assert [labels[p.id] for p in papers] == ["King 1960", "King 1961", "King 1962", "Smith 1963"]


def test_markdown_and_latex_exports_label_rows_and_diff_columns_as_the_notebook_table_does() -> None:
    """to_markdown() and to_latex() label a title-only paper "Lovelace 2025", not by its ``title:…`` id, and a hostile
    author name in a label stays text: no markdown cell split, link or HTML; LaTeX specials escaped."""
    hostile = "<b>|Lo_ve*[x](javascript:alert(1))$%&#{}~^\\</b>"
    papers = [
        Paper(title="Notes on the analytical engine", authors=["Ada Lovelace"], published="2025-06-01"),
        Paper(title="A hostile label", authors=[f"Eve {hostile}"], published="2024-01-01"),
        Paper(title="TruthPrInt: Mitigating LVLM Object Hallucination", arxiv_id="2503.10602"),
    ]
    df = paperlab.compare(papers)
    assert df.attrs["labels"][papers[1].id] == f"{hostile} 2024"
    md = df.paperlab.to_markdown()
    lines = md.splitlines()
    assert "title:" not in md and lines[0].startswith("| paper | title |")
    assert [line.split(" | ")[0] for line in lines[2:]] == [
        "| Lovelace 2025",
        "| &lt;b&gt;\\|Lo\\_ve\\*\\[x\\](javascript:alert(1))&#36;%&amp;\\#{}\\~^\\\\&lt;/b&gt; 2024",
        "| 2503.10602",
    ]
    assert all(len(re.findall(r"(?<!\\)\|", line)) == len(re.findall(r"(?<!\\)\|", lines[0])) for line in lines)
    tex = df.paperlab.to_latex()
    rows = tex.split("\\midrule\n")[1].splitlines()
    assert "title:" not in tex and rows[0].startswith("Lovelace 2025 & ") and rows[2].startswith("2503.10602 & ")
    assert rows[1].startswith(
        "<b>|Lo\\_ve*[x](javascript:alert(1))\\$\\%\\&\\#\\{\\}\\textasciitilde \\textasciicircum \\textbackslash </b>"
        " 2024 & "
    )
    d = diff(papers[0], papers[1])
    assert d.paperlab.to_markdown().splitlines()[0].startswith("|  | shared | only Lovelace 2025 | only &lt;b&gt;\\|")
    assert " & shared & only Lovelace 2025 & only <b>|Lo\\_ve" in d.paperlab.to_latex()
