"""Compare and results tables show titles as the cards do: LaTeX decoded (issue 12: "titles and abstracts keep their
raw form and gain a readable one that cards, panel, DataFrames, CLI and search use"); row labels wrap between words."""

from __future__ import annotations

import re

import paperlab
from paperlab import Paper

RAW = r"Sparse $\ell_1$ Widgets in $\mathcal{O}(n \log n)$ Time"


def _papers() -> list[Paper]:
    return [
        Paper(title=RAW, arxiv_id="2501.00001", abstract="Our widgets reach 91.2% accuracy on ImageNet."),
        Paper(title="Optimization Lanterns for Dense Widgets", abstract="We reach 88.0% accuracy on ImageNet."),
    ]


def test_compare_shows_the_title_with_its_latex_decoded_and_keeps_the_raw_one_on_the_paper() -> None:
    papers = _papers()
    df = paperlab.compare(papers)
    title = df.loc[papers[0].id, "title"]
    assert title == papers[0].shown_title and "ℓ" in title and "$" not in title and "\\" not in title
    assert papers[0].title == RAW
    html = df._repr_html_() or ""
    assert "ℓ" in html and r"\ell" not in html
    assert r"\ell" not in df.paperlab.to_markdown() and "ℓ" in df.paperlab.to_markdown()


def test_results_table_titles_are_readable_too() -> None:
    papers = _papers()
    df = paperlab.Library(papers).results()
    assert not df.empty
    assert set(df["title"]) == {p.shown_title for p in papers}
    assert not any("$" in t for t in df["title"])


def test_row_labels_wrap_between_words_not_inside_them() -> None:
    html = paperlab.compare(_papers())._repr_html_() or ""
    rule = re.search(r"th\.row_heading \{([^}]*)\}", html)
    assert rule is not None
    assert "overflow-wrap: anywhere" not in rule.group(1) and "overflow-wrap: break-word" in rule.group(1)
