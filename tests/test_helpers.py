"""One home for each helper (issue 11): dates (paperlab.dates), URLs (paperlab.urls), markdown escaping and
text hashing (paperlab.text), and every caller that used to carry its own copy behaving the same way."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_js_common import SAFE as JS_SAFE
from test_js_common import UNSAFE as JS_UNSAFE

from paperlab import Library, Paper
from paperlab.dates import as_date, as_datetime
from paperlab.errors import ParseError
from paperlab.text import md_escape, md_quote, text_hash
from paperlab.urls import html_link, is_http_url, md_url, safe_url

ROOT = Path(__file__).resolve().parents[1]

# -- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("2008-11-26", dt.date(2008, 11, 26)),
        (" 2022-02-24T15:05:19Z ", dt.date(2022, 2, 24)),
        ("2022-02-24T15:05:19.000Z", dt.date(2022, 2, 24)),
        (dt.date(2020, 1, 2), dt.date(2020, 1, 2)),
        (dt.datetime(2020, 1, 2, 23, 59), dt.date(2020, 1, 2)),
    ],
)
def test_as_date_reads_dates_timestamps_and_absent_values(value: object, expected: dt.date | None) -> None:
    assert as_date(value, "x") == expected


@pytest.mark.parametrize("value", ["yesterday", "2020-13-01", "May 2020", 2020, 20200101, 1.5, ["2020-01-01"]])
def test_as_date_names_the_value_and_says_what_was_expected(value: object) -> None:
    with pytest.raises(ParseError) as info:
        as_date(value, "field 'published'", source="f.json")
    assert info.value.message == f"field 'published': expected an ISO date (YYYY-MM-DD), got {value!r}"
    assert info.value.source == "f.json" and isinstance(info.value, ValueError)


def test_as_datetime() -> None:
    utc = dt.timezone.utc
    assert as_datetime("2025-03-19T10:00:00Z", "t") == dt.datetime(2025, 3, 19, 10, tzinfo=utc)
    assert as_datetime("2025-03-19T10:00:00", "t").tzinfo == utc  # naive means UTC
    assert as_datetime(dt.datetime(2025, 3, 19), "t").tzinfo == utc
    with pytest.raises(ParseError, match="t: expected an ISO timestamp"):
        as_datetime("soon", "t")


def test_library_filter_accepts_timestamps_and_raises_parse_error() -> None:
    """The old Library copy read only bare dates (a timestamp raised a bare ValueError)."""
    lib = Library(
        [Paper("Alpha paper title", published="2020-05-01"), Paper("Beta paper title", published="2021-05-01")]
    )
    assert [p.title for p in lib.filter(since="2021-01-01T00:00:00Z")] == ["Beta paper title"]
    assert [p.title for p in lib.filter(until=dt.datetime(2020, 12, 31, 12))] == ["Alpha paper title"]
    with pytest.raises(ParseError, match="since: expected an ISO date"):
        lib.filter(since="last year")


def test_paper_dates_ignore_surrounding_whitespace_and_blank_strings() -> None:
    paper = Paper("Whitespace dates", published=" 2020-05-01 ", updated="  ")
    assert paper.published == dt.date(2020, 5, 1) and paper.updated is None


def test_digest_and_hf_page_dates_use_the_same_rule() -> None:
    from paperlab.digests.config import parse_date
    from paperlab.sources.hf_page import parse_hf_page

    assert parse_date("2026-04-12T08:00:00Z", "date", "d.toml") == dt.date(2026, 4, 12)
    with pytest.raises(ParseError, match="'since': expected an ISO date") as info:
        parse_date("soon", "since", "d.toml")
    assert info.value.source == "d.toml"
    with pytest.raises(ParseError, match="reference_date: expected an ISO date"):
        parse_hf_page("Oct 6, 2025\nSome title", reference_date="yesterday")


# -- URLs -------------------------------------------------------------------------------------------

# The TypeScript safeUrl is tested on the same URLs (tests/test_js_common.py): one rule on both sides.
SAFE = [*JS_SAFE, ("https://[::1]:8888/lab", "https://[::1]:8888/lab")]
UNSAFE = [*JS_UNSAFE, "http:", "https://[::1/broken"]


@pytest.mark.parametrize(("url", "expected"), SAFE)
def test_safe_url_keeps_absolute_http_urls_with_a_host(url: str, expected: str) -> None:
    assert safe_url(url) == expected and is_http_url(url)


@pytest.mark.parametrize("url", UNSAFE)
def test_safe_url_drops_everything_else(url: object) -> None:
    assert safe_url(url) is None and not is_http_url(url) and md_url(url) is None
    assert html_link(url, "text") == "text"


def test_md_url_cannot_end_a_link_or_a_table_cell() -> None:
    assert md_url("https://en.wikipedia.org/wiki/Transformer_(model)") == (
        "https://en.wikipedia.org/wiki/Transformer_%28model%29"
    )
    assert md_url("https://example.org/a|b<c>`d`[e]\\f") == "https://example.org/a%7Cb%3Cc%3E%60d%60%5Be%5D%5Cf"
    assert md_url("https://[::1]:8888/x(y)") == "https://[::1]:8888/x%28y%29"


def test_html_link_escapes_the_href() -> None:
    link = html_link('https://example.org/?a=1&b="2"', "<b>t</b>")
    assert link == (
        '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" target="_blank" rel="noopener noreferrer"><b>t</b></a>'
    )


def test_cards_link_only_safe_urls() -> None:
    paper = Paper("Linked", url="https://exa mple.org/", pdf_url="https:///no-host", code_url="https://github.com/a/b")
    card = paper.to_markdown()
    assert card.startswith("### Linked\n") and "[code](https://github.com/a/b)" in card and "PDF" not in card
    html = paper.to_html()
    assert html.count("<a href") == 1 and 'href="https://github.com/a/b"' in html


def test_compare_markdown_encodes_link_urls() -> None:
    """The comparison table wrote the paper's URL raw into the link: a "|" or ")" broke the table."""
    from paperlab.compare import compare

    paper = Paper("A compared paper", url="https://example.org/a_(b)|c", code_url="https://github.com/x/y|z")
    md = compare([paper]).paperlab.to_markdown()
    row = md.splitlines()[2]
    assert "(https://example.org/a_%28b%29%7Cc)" in row and "[code](https://github.com/x/y%7Cz)" in row
    assert row.count("|") == md.splitlines()[0].count("|")  # no cell split by the URL


# -- markdown escaping ------------------------------------------------------------------------------

HOSTILE = "![img](javascript:x) [link](https://evil) <b>html</b> `code` *em* _em_ # h | cell ~~s~~ \\ &amp;\nline"


def _unescaped(text: str, char: str) -> list[int]:
    """Positions of ``char`` not preceded by an odd number of backslashes."""
    found = []
    for m in re.finditer(re.escape(char), text):
        run = len(text[: m.start()]) - len(text[: m.start()].rstrip("\\"))
        if run % 2 == 0:
            found.append(m.start())
    return found


def test_md_escape_neutralises_markup() -> None:
    out = md_escape(HOSTILE)
    assert "\n" not in out and "<" not in out and ">" not in out
    for char in "[]`*_#|~":
        assert _unescaped(out, char) == [], char
    # with "[" and "]" escaped, "(", ")" and "!" can open neither a link nor an image
    assert "](" not in out.replace("\\]", "") and "![" not in out.replace("!\\[", "")
    assert "&amp;amp;" in out  # an entity in user text is shown, not interpreted
    assert out.endswith(" line")


def test_md_escape_makes_one_line_and_leaves_plain_text_alone() -> None:
    assert md_escape("Attention  is\tall\r\nyou need (2017)!") == "Attention is all you need (2017)!"
    assert md_escape("  ") == ""


def test_md_quote_keeps_paragraphs_and_opens_no_block() -> None:
    quoted = md_quote("First *line*.\n- not a list\n1. not a list\n+ nor this\n=== no heading\n\nLast")
    assert quoted.splitlines() == [
        "> First \\*line\\*.",
        "> \\- not a list",
        "> 1\\. not a list",
        "> \\+ nor this",
        "> \\=== no heading",
        "> ",
        "> Last",
    ]


def test_every_markdown_writer_escapes_the_same_way() -> None:
    from paperlab.comparison.render import md_cell

    paper = Paper("A [title] with | pipes", tags=["t"])
    assert md_cell(HOSTILE) == md_escape(HOSTILE)
    assert paper.to_markdown().startswith("### A \\[title\\] with \\| pipes\n")


def test_digest_markdown_escapes_with_the_shared_helper() -> None:
    from paperlab.digests import render

    source = Path(render.__file__).read_text(encoding="utf-8")
    assert "from ..text import md_escape" in source and "def _md_text" not in source


def test_card_abstract_is_quoted_line_by_line() -> None:
    paper = Paper("Quoted", abstract="One.\n- two\n[x](javascript:y)")
    card = paper.to_markdown()
    assert "> One.\n> \\- two\n> \\[x\\](javascript:y)\n" in card
    assert Paper.from_markdown(card) == paper


# -- text hashing -----------------------------------------------------------------------------------


def test_text_hash_is_the_store_key() -> None:
    from paperlab.store import Store

    text = "Attention is all you need — ünïcode"
    assert text_hash(text) == hashlib.sha1(text.encode("utf-8")).hexdigest() == Store.text_hash(text)


# -- one home: no copy left -------------------------------------------------------------------------

# Modules another helper is restructuring; their remaining copies are listed in the issue 11 report.
# What a copy of a helper does, and where it lives now
_COPIES = {
    r"\bdate\.fromisoformat\(": "paperlab.dates.as_date",
    r"re\.(match|search)\(r\"https\?://": "paperlab.urls.safe_url",
    r"\.replace\(\"\|\", \"&#124;\"\)|re\.sub\(r\"\(\[\\\\`\*_": "paperlab.text.md_escape",
    r"hashlib\.sha1\(text\.encode": "paperlab.text.text_hash",
}
# strict checks of a format's own date cells (exactly YYYY-MM-DD, with the format's own problem message), and
# dates a module wrote itself (digest state, the HTTP cache's timestamps) validated on load
_OWN_FORMAT = {"digests/state.py", "digests/run.py", "sources/dailyarxiv.py", "sources/_http.py"}
# DailyArXiv table cells: the format's own escaping (pipes as &#124;, newlines as <br>), read back by its reader
_OWN_CELL_ESCAPING = {"sources/dailyarxiv.py"}


def test_no_module_carries_its_own_copy_of_a_helper() -> None:
    homes = {"dates.py", "urls.py", "text.py"}
    found = []
    for path in sorted((ROOT / "paperlab").rglob("*.py")):
        rel = path.relative_to(ROOT / "paperlab").as_posix()
        if rel in homes:
            continue
        source = path.read_text(encoding="utf-8")
        for pattern, home in _COPIES.items():
            if home.startswith("paperlab.dates") and rel in _OWN_FORMAT:
                continue
            if home == "paperlab.text.md_escape" and rel in _OWN_CELL_ESCAPING:
                continue
            found += [f"{rel}: {m.group(0)} (use {home})" for m in re.finditer(pattern, source)]
    assert not found, "\n".join(found)


def test_the_copy_finder_finds_the_old_copies() -> None:
    old = {
        "date": "return dt.date.fromisoformat(value[:10])",
        "url": 'if not url or not re.match(r"https?://", url):',
        "md": 'return re.sub(r"([\\\\`*_\\[\\]|#])", r"\\\\\\1", text)',
        "md2": 'text.replace("|", "&#124;")',
        "hash": 'return hashlib.sha1(text.encode("utf-8")).hexdigest()',
    }
    for name, line in old.items():
        assert any(re.search(p, line) for p in _COPIES), name


def test_helper_modules_import_only_errors() -> None:
    for name in ("dates", "text", "urls"):
        source = (ROOT / "paperlab" / f"{name}.py").read_text(encoding="utf-8")
        ours = re.findall(r"^from \.(\w*) import", source, re.M)
        assert set(ours) <= {"errors"}, (name, ours)
    code = "import sys, paperlab.dates, paperlab.text, paperlab.urls; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_the_architecture_helpers_row_names_every_helper_and_its_module() -> None:
    """docs/architecture.md's "helpers, one home each" row names each public function of dates, text and urls under
    its module, and the helpers other layers share from their one home (a DOI in text, the text terms are drawn from),
    so a reader looking for one finds where it lives instead of writing another."""
    import paperlab.dates
    import paperlab.text
    import paperlab.urls

    row = next(line for line in (ROOT / "docs" / "architecture.md").read_text().splitlines() if "one home each" in line)
    for module in (paperlab.dates, paperlab.text, paperlab.urls):
        name = module.__name__.split(".")[-1]
        after = row.split(f"`{name}.py`:", 1)
        assert len(after) == 2, name
        section = after[1].split(".py`:", 1)[0]  # up to the next module's name
        for fn in (n for n in module.__all__ if callable(getattr(module, n))):
            assert f"`{fn}`" in section, f"{name}.{fn}"
    for shared in ("identifiers.find_doi", "identifiers.DOI_IN_TEXT", "search.phrases.term_text"):
        assert f"`{shared}`" in row, shared
