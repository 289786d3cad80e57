"""Markup and importer oddities a researcher met in a walkthrough (session 7, walkthrough #2, #3, #11).

- CSL-JSON from Crossref (Manubot, Zotero) keeps JATS markup in abstracts (``<jats:title>Abstract</jats:title>
  <jats:p>…``): the paper's abstract is its text (no "jats" in cards, BibTeX export or topic-map words), without
  the leading "Abstract" heading; the markup is kept for the CSL export. The same for RIS and BibTeX abstracts,
  whose markup the BibTeX export writes back as read (a round trip keeps it).
- Zotero's BibTeX export escapes the LaTeX an author typed (``models{\\textasciitilde}(LLMs)``,
  ``{\\textbackslash}url\\{…\\}``): it reads as LaTeX sets it ("models (LLMs)", the link itself).
- DailyArXiv READMEs with translated abstracts: the translation is kept apart; page labels ("📄 Paper Details")
  are no tags; "Ada Byron et al." is one author and a list cut short, shown "Ada Byron et al.".
- BibTeX: an editors-only book shows its editors "(eds.)"; ``howpublished = {\\url{…}}`` is the link when there is
  no url/DOI; ``primaryclass = {cs}`` is no category chip; a paper without a date has no date precision.

All data is our own, written here or in tests/data/.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab import Library, Paper
from paperlab.markup import csl_plain_text, plain_abstract
from paperlab.sources.bibtex import parse_bibtex
from paperlab.sources.csl import parse_csl
from paperlab.sources.dailyarxiv import parse_dailyarxiv
from paperlab.sources.openalex import abstract_from_inverted_index
from paperlab.sources.ris import parse_ris

DATA = Path(__file__).parent / "data"

JATS_ABSTRACT = (
    "<jats:title>Abstract</jats:title>\n      <jats:p>\n        Toy proteins fold into <jats:italic>shapes</jats:italic>."
    "\n      </jats:p>\n      <jats:p>We predict them with a toy model.</jats:p>"
)
JATS_TEXT = "Toy proteins fold into shapes. We predict them with a toy model."


def _csl_item(**more: object) -> dict[str, object]:
    return {
        "id": "toy2021",
        "type": "article-journal",
        "title": "<i>In vitro</i> folding of toy proteins",
        "author": [{"given": "Ada", "family": "Example"}],
        "issued": {"date-parts": [[2021, 7, 15]]},
        "DOI": "10.1234/toy.2021.1",
        "abstract": JATS_ABSTRACT,
        **more,
    }


def test_csl_jats_abstract_reads_as_text_everywhere_it_is_shown(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([_csl_item()]), encoding="utf-8")
    lib = paperlab.load(path)
    (paper,) = list(lib)
    assert paper.title == "In vitro folding of toy proteins"
    assert paper.abstract == JATS_TEXT  # the heading "Abstract" is gone, paragraphs read as sentences
    card = paper.to_markdown().split("<!--")[0]  # what renders (the paper's JSON rides along in a comment)
    for shown in (card, paper.to_html(), lib.to_bibtex(), paper.shown_abstract or ""):
        assert "jats" not in shown and "Abstract Toy" not in shown
    assert "abstract = {Toy proteins fold into shapes. We predict them with a toy model.}" in lib.to_bibtex()
    assert paper.to_csl()["abstract"] == JATS_ABSTRACT  # the markup as read, for the CSL export
    paper.abstract = "A new abstract typed by the user."
    assert paper.to_csl()["abstract"] == "A new abstract typed by the user."  # edited: the markup is stale


def test_markup_payload_stays_text_and_escaped_in_cards() -> None:
    hostile = "<jats:p>&lt;img src=x onerror=alert(1)&gt; is text, and so is &lt;script&gt;</jats:p>"
    (paper,) = parse_csl([_csl_item(abstract=hostile)])
    assert paper.abstract == "<img src=x onerror=alert(1)> is text, and so is <script>"
    card = paper.to_html()
    assert "&lt;img src=x onerror=alert(1)&gt;" in card and "<img src=x" not in card and "<script>" not in card


@pytest.mark.parametrize(
    ("written", "text"),
    [
        ("<p>Abstract</p><p>One.</p>", "Abstract One."),  # a paragraph is no heading: kept
        ("<h2>Summary:</h2><p>One <b>bold</b> step.</p>", "One bold step."),
        ("<jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec>", "Background Why."),
        ("CO<sub>2</sub> rises<br/>fast", "CO2 rises fast"),
        ("<jats:p>Kept <![CDATA[x < y]]> as text<!-- not this --></jats:p>", "Kept x < y as text"),
        ("p<0.05 for x>3 and a <T> token", "p<0.05 for x>3 and a <T> token"),  # no markup: as written
        ("Line one\nline two", "Line one\nline two"),  # no markup: line breaks kept
    ],
)
def test_plain_abstract_drops_markup_and_a_leading_heading(written: str, text: str) -> None:
    assert plain_abstract(written) == text


def test_titles_keep_their_heading_words() -> None:
    assert csl_plain_text("<jats:title>Abstract</jats:title> algebra for <i>toy</i> rings") == (
        "Abstract algebra for toy rings"
    )


def test_ris_and_bibtex_abstracts_lose_jats_markup_and_keep_it_aside() -> None:
    ris = f"TY  - JOUR\nTI  - Toy Folding\nAU  - Example, Ada\nPY  - 2021\nAB  - {' '.join(JATS_ABSTRACT.split())}\nER  -\n"
    (from_ris,) = parse_ris(ris)
    assert from_ris.abstract == JATS_TEXT
    assert from_ris.extra["abstract_markup"].startswith("<jats:title>Abstract</jats:title>")
    bib = "@article{toy, title = {Toy Folding}, author = {Ada Example}, year = {2021},\n  abstract = {"
    bib += JATS_ABSTRACT.replace("\n", " ") + "}}"
    (from_bib,) = parse_bibtex(bib)
    assert from_bib.abstract == JATS_TEXT
    assert "jats" in from_bib.extra["abstract_markup"]
    (again,) = parse_bibtex(Library([from_bib]).to_bibtex())  # the export writes the markup as read: kept
    assert (again.abstract, again.extra["abstract_markup"]) == (from_bib.abstract, from_bib.extra["abstract_markup"])


def test_openalex_abstract_words_holding_jats_tags_read_as_text() -> None:
    words = [
        "<jats:title>Abstract</jats:title><jats:p>Toy",
        "proteins",
        "fold",
        "<jats:italic>fast</jats:italic>.</jats:p>",
    ]
    index = {word: [k] for k, word in enumerate(words)}
    assert abstract_from_inverted_index(index) == "Toy proteins fold fast."
    assert abstract_from_inverted_index({"x": [1], "p<0.05": [0]}) == "p<0.05 x"


ZOTERO_ABSTRACT = (
    r"Large language models{\textasciitilde}(LLMs) can help, as Fig.{\textasciitilde}2 shows over about "
    r"{\textasciitilde}10 runs. Code is at {\textbackslash}url\{https://example.org/{\textasciitilde}ada/toy\_repo\}"
    r" and data on {\textbackslash}href\{https://example.org/data\}\{our data page\}."
)


def test_zotero_escaped_latex_reads_as_latex_would_set_it() -> None:
    bib = "@article{llm, title = {Toy Models{\\textasciitilde}(TMs) at Work}, author = {Ada Example},\n"
    bib += f"  year = {{2024}}, abstract = {{{ZOTERO_ABSTRACT}}}}}"
    (paper,) = parse_bibtex(bib)
    assert paper.title == "Toy Models (TMs) at Work"
    assert paper.abstract == (
        "Large language models (LLMs) can help, as Fig. 2 shows over about ~10 runs. Code is at "
        "https://example.org/~ada/toy_repo and data on our data page."
    )
    assert paper.extra["abstract_markup"] == ZOTERO_ABSTRACT  # as the file wrote it
    (again,) = parse_bibtex(Library([paper]).to_bibtex())  # the export writes it as read: it reads back the same
    assert again.abstract == paper.abstract and again.title == paper.title


def test_plain_bibtex_abstract_keeps_no_markup_copy() -> None:
    (paper,) = parse_bibtex("@article{p, title = {Plain}, abstract = {Ties are plain spaces here.}}")
    assert paper.abstract == "Ties are plain spaces here." and "abstract_markup" not in paper.extra
    # LaTeX the user wrote (a tie) is read as LaTeX sets it and written back as written (issue 12: lossless)
    (tied,) = parse_bibtex("@article{p, title = {Plain}, abstract = {Ties like Fig.~2 are LaTeX spaces.}}")
    assert tied.abstract == "Ties like Fig. 2 are LaTeX spaces."
    assert "abstract = {Ties like Fig.~2 are LaTeX spaces.}" in tied.to_bibtex()


def test_dailyarxiv_translations_page_labels_and_cut_author_lists() -> None:
    text = (DATA / "dailyarxiv" / "translated-abstracts.md").read_text(encoding="utf-8")
    digest = parse_dailyarxiv(text, source="translated-abstracts.md")
    first, second, third = digest.papers
    assert first.abstract == "We model spin waves in a toy magnet with $\\alpha$ damping and find two zero modes."
    assert first.extra["translations"] == {"中文": "我们在玩具磁体中模拟自旋波，并发现两个零模。"}
    assert "translations" not in second.extra and second.abstract == "Toy domains are counted by hand."
    assert first.tags == second.tags == ["Magnets"]  # "📄 Paper Details" labels the page: no tag
    assert list(digest.sections) == ["Magnets"]
    # raw pipes of LaTeX ("$|x|$") break the row into more cells than the header's: joined back at the abstract
    # (its "#" cell is a row number, and a foldout is never a title)
    assert third.title == "Bounding Toy Norms" and third.abstract == "We bound $ | x | $ for a toy field."
    assert third.extra["translations"] == {"中文": "我们界定 $ | x | $。"} and third.byline() == "Ada Byron"
    assert first.authors == ["Ada Byron"] and first.byline() == "Ada Byron et al."
    assert second.byline() == "Carl Gauss, Emmy Noether"
    assert "Ada Byron et al." in first.to_markdown()


def test_et_al_follows_the_author_list_a_merge_keeps() -> None:
    cut = Paper("Toy Paper", arxiv_id="2511.00001", authors=["Ada Byron"], extra={"more_authors": True})
    full = Paper("Toy Paper", arxiv_id="2511.00001", authors=["Ada Byron", "Carl Gauss"])
    assert cut.merge(full).byline() == full.merge(cut).byline() == "Ada Byron, Carl Gauss"
    alone = Paper("Toy Paper", arxiv_id="2511.00001", extra={"venue_note": "x"})
    assert cut.merge(alone).byline() == alone.merge(cut).byline() == "Ada Byron et al."


def test_topic_headings_that_share_words_with_page_labels_stay_tags() -> None:
    head = "| **Title** | **Date** | **Abstract** |\n| --- | --- | --- |\n"
    row = "| **[Toy Paper](https://arxiv.org/abs/2511.00003v1)** | 2026-07-15 | Toy. |\n"
    readme = "# Daily Papers\n\n## Index Coding\n\n### Table of Contents\n\n" + head + row
    (paper,) = parse_dailyarxiv(readme).papers
    assert paper.tags == ["Index Coding"]


BOOKS = r"""@book{edited, title = {Toy Essays}, editor = {Example, Ada and Sample, Bo}, publisher = {Toy Press},
  year = {2001}}
@book{one, title = {More Toy Essays}, editor = {Example, Ada}, year = {2003}}
@book{written, title = {A Toy Monograph}, author = {Cy Writer}, editor = {Ada Example}, year = {2004}}
"""


def test_editors_only_books_show_their_editors_and_export_them_as_editors() -> None:
    edited, one, written = parse_bibtex(BOOKS)
    assert edited.authors == [] and edited.byline() == "Ada Example, Bo Sample (eds.)"
    assert one.byline() == "Ada Example (ed.)"
    assert written.byline() == "Cy Writer"
    assert "Ada Example, Bo Sample (eds.)" in edited.to_html()
    exported = Library([edited]).to_bibtex()
    assert "editor = {Ada Example and Bo Sample}" in exported and "author" not in exported
    assert "editors" not in exported
    (again,) = parse_bibtex(exported)
    assert again.byline() == "Ada Example, Bo Sample (eds.)"


def test_ris_and_csl_edited_books_show_editors() -> None:
    (paper,) = parse_ris("TY  - EDBOOK\nTI  - Toy Essays\nA2  - Example, Ada\nPY  - 2001\nER  -\n")
    assert paper.byline() == "Ada Example (ed.)"
    book = {"id": "b", "type": "book", "title": "Toy Essays", "editor": [{"family": "Example", "given": "Ada"}]}
    (edited,) = parse_csl([book])
    assert edited.byline() == "Ada Example (ed.)" and edited.to_csl()["editor"] == book["editor"]
    (written,) = parse_csl([{**book, "author": [{"literal": "Cy Writer"}]}])
    assert written.byline() == "Cy Writer" and "editors" not in written.extra


HOWPUBLISHED = r"""@misc{post, title = {A Toy Blog Post}, howpublished = {\url{https://example.org/toy_post}}}
@misc{both, title = {With a DOI}, doi = {10.1234/toy.1}, howpublished = {\url{https://example.org/other}}}
@misc{words, title = {A Talk}, howpublished = {Talk at the toy workshop}}
"""


def test_howpublished_url_is_the_link_when_there_is_no_url_or_doi() -> None:
    post, both, words = parse_bibtex(HOWPUBLISHED)
    assert post.url == "https://example.org/toy_post" and post.abs_url == "https://example.org/toy_post"
    assert both.url is None and both.abs_url == "https://doi.org/10.1234/toy.1"
    assert words.url is None and words.extra["bibtex_fields"]["howpublished"] == "Talk at the toy workshop"


ARXIV = r"""@article{bare, title = {Bare Archive}, eprint = {2101.00001}, archiveprefix = {arXiv}, primaryclass = {cs}}
@article{full, title = {Full Category}, eprint = {2101.00002}, archiveprefix = {arXiv}, primaryclass = {cs.LG}}
@article{hep, title = {Undivided Archive}, eprint = {2101.00003}, archiveprefix = {arXiv}, primaryclass = {hep-th}}
"""


def test_a_bare_archive_name_is_no_category_chip_but_is_exported() -> None:
    bare, full, hep = parse_bibtex(ARXIV)
    assert bare.primary_category is None and bare.categories == []
    assert full.categories == ["cs.LG"] and hep.categories == ["hep-th"]
    assert "cs" not in bare.to_markdown().split()
    assert "primaryclass = {cs}" in Library([bare]).to_bibtex()
    (again,) = parse_bibtex(Library([bare]).to_bibtex())
    assert again.categories == []


def test_papers_without_a_date_have_no_date_precision() -> None:
    undated, dated = parse_bibtex("@misc{u, title = {Undated}}\n@misc{d, title = {Dated}, year = {1999}}")
    assert undated.published is None and undated.date_precision is None and undated.date_text is None
    assert dated.date_precision == "year" and dated.date_text == "1999"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = Library([undated, dated]).to_dataframe()
    assert frame["date_precision"].isna().tolist() == [True, False]
