"""Reading markup out of abstracts and titles deletes no text (review of session 7, item 3).

Only tags that are markup are dropped: block tags (``<p>``, ``<br>``), tags of the JATS, MathML and XLink
namespaces, and inline tags (``<i>``, ``<b>``...) whose closing tag follows. A link in angle brackets
(``<https://…>``, ``<mailto:…>``), math (``$a<b>c$``), comparisons (``A<B and C>D``) and an unclosed ``<i>`` are
text. The BibTeX export writes an abstract's markup as it was read, so a round trip keeps it.

All data is our own, written here.
"""

from __future__ import annotations

import pytest

from paperlab import Library
from paperlab.markup import csl_plain_text, plain_abstract
from paperlab.sources.bibtex import parse_bibtex
from paperlab.sources.csl import parse_csl
from paperlab.sources.ris import parse_ris


@pytest.mark.parametrize(
    ("written", "text"),
    [
        ("<p>Code at <https://github.com/x/y>.</p>", "Code at <https://github.com/x/y>."),
        (
            "<p>Write to <mailto:ada@example.org> or <doi:10.1234/x>.</p>",
            "Write to <mailto:ada@example.org> or <doi:10.1234/x>.",
        ),
        ("<p>We show $a<b>c$ for every input.</p>", "We show $a<b>c$ for every input."),
        ("<p>If A<B and C>D, then <i>both</i> hold.</p>", "If A<B and C>D, then both hold."),
        ("<p>Bounds for 0<i>n and <i>toy</i> rings.</p>", "Bounds for 0<i>n and toy rings."),
        ("<p>a <foo:bar>kept</foo:bar></p>", "a <foo:bar>kept</foo:bar>"),
        # markup is still markup
        ("<jats:p>Toy <jats:italic>fast</jats:italic> <mml:mi>x</mml:mi>.</jats:p>", "Toy fast x."),
        ("<p>CO<sub>2</sub> and <i>a<b>b</i>c</b></p>", "CO2 and abc"),
    ],
)
def test_tags_that_are_text_stay_in_the_abstract(written: str, text: str) -> None:
    assert plain_abstract(written) == text


def test_titles_keep_an_unclosed_tag_as_text() -> None:
    assert csl_plain_text("Bounds for 0<i>n") == "Bounds for 0<i>n"
    (from_csl,) = parse_csl([{"id": "b", "type": "article", "title": "Bounds for 0<i>n and <i>toy</i> rings"}])
    assert from_csl.title == "Bounds for 0<i>n and toy rings"
    ris = "TY  - JOUR\nTI  - If A<B and C>D then <b>so</b>\nAU  - Example, Ada\nPY  - 2021\nER  -\n"
    (from_ris,) = parse_ris(ris)
    assert from_ris.title == "If A<B and C>D then so"


BIB = (
    "@article{toy, title = {Toy Bounds}, author = {Ada Example}, year = {2021},\n"
    "  abstract = {<p>Code at <https://github.com/x/y>. We show $a<b>c$ when A<B and C>D, and <i>more</i>"
    " 50\\% faster.</p>}}\n"
)


def test_bibtex_abstract_keeps_its_text_and_the_export_its_markup() -> None:
    (paper,) = parse_bibtex(BIB)
    assert paper.abstract == "Code at <https://github.com/x/y>. We show a<b>c when A<B and C>D, and more 50% faster."
    exported = Library([paper]).to_bibtex()
    assert "abstract = {<p>Code at <https://github.com/x/y>. We show $a<b>c$ when A<B and C>D" in exported
    (again,) = parse_bibtex(exported)
    assert again.abstract == paper.abstract
    assert again.extra["abstract_markup"] == paper.extra["abstract_markup"]  # the round trip keeps the markup


def test_an_edited_abstract_is_exported_as_its_text() -> None:
    (paper,) = parse_bibtex(BIB)
    paper.abstract = "Now 100% <i>rewritten</i> by hand."  # the markup read is stale: the text is written
    exported = Library([paper]).to_bibtex()
    assert "abstract = {Now 100\\% <i>rewritten</i> by hand.}" in exported
    (again,) = parse_bibtex(exported)
    assert again.abstract == "Now 100% rewritten by hand."


def test_ris_markup_that_bibtex_would_misread_is_exported_as_text() -> None:
    ris = "TY  - JOUR\nTI  - Toy\nAU  - Example, Ada\nPY  - 2021\nAB  - <p>50% of {toy} runs</p>\nER  -\n"
    (paper,) = parse_ris(ris)
    assert paper.abstract == "50% of {toy} runs" and paper.extra["abstract_markup"] == "<p>50% of {toy} runs</p>"
    (again,) = parse_bibtex(Library([paper]).to_bibtex())  # "%" starts a LaTeX comment: the raw form would lose text
    assert again.abstract == paper.abstract


def test_angle_bracket_links_kept_as_text_are_escaped_in_cards() -> None:
    hostile = "<p>See <https://example.org/x> and <javascript:alert(1)> here.</p>"
    (paper,) = parse_csl([{"id": "h", "type": "article", "title": "Toy", "abstract": hostile}])
    assert paper.abstract == "See <https://example.org/x> and <javascript:alert(1)> here."
    card = paper.to_html()
    assert "&lt;javascript:alert(1)&gt;" in card and "<javascript:" not in card and "<https:" not in card
