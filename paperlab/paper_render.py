"""How a :class:`~paperlab.paper.Paper` is shown: a markdown card, an HTML card, a CSL-JSON item.

``Paper.to_markdown``, ``Paper.to_html`` and ``Paper.to_csl`` are implemented here and registered
through :mod:`paperlab._operations` (the model does not import its renderings). Every text of a
paper is escaped, and only absolute http(s) URLs become links (:mod:`paperlab.urls`).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from .date_precision import inferred_note
from .dates import named_date
from .identity import citation_keys
from .markup import csl_plain_text, plain_abstract
from .names import csl_name_text, is_more_authors, is_placeholder_name, name_parts, names_organisation, written_name
from .paper import MIME_TYPE, Paper
from .paper_fields import MEETING_FIELDS, exported_title, meeting_values, presenter_names
from .text import NO_MATH_CLASS, drop_closing_stop, md_escape, md_link_text, md_no_math, md_quote, shown_text
from .urls import html_link, md_url, safe_url

__all__ = [
    "csl_date",
    "csl_edtf",
    "csl_keywords",
    "edtf_note",
    "literal_year",
    "paper_to_csl",
    "paper_to_html",
    "paper_to_markdown",
    "presented_text",
]

_CHIP_STYLE = (
    "border:1px solid var(--jp-border-color2,#ccc);border-radius:8px;padding:0 6px;margin-right:4px;font-size:85%"
)
_CARD_STYLE = "border:1px solid var(--jp-border-color2,#ddd);border-radius:6px;padding:8px 12px;margin:4px 0"


_BACKTICKS = re.compile(r"`+")


def _code_span(text: str) -> str:
    """``text`` as one markdown code span: on one line (a line break would end the span and let what follows
    render as markdown and HTML), fenced by more backticks than any run inside it; ``""`` for blank text."""
    text = " ".join(shown_text(text).split())
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _card_json(paper: Paper) -> str:
    """The paper's JSON for the card's HTML comment: nothing in it can end the comment or open a tag."""
    return paper.to_json().replace("--", "-\\u002d").replace(">", "\\u003e").replace("<", "\\u003c")


def presented_text(extra: Any) -> str:
    """Who presented a paper read from a reading-group schedule, and when (``extra["presenters"]``,
    ``extra["meeting_date"]``, else the meeting as written): "Presented by Maria · 2026-02-05", several presenters
    joined ("Presented by Ada Lovelace, Grace Hopper"); "" for a paper of no meeting. Plain text: each renderer
    escapes it. The cards' front end says the same (``presentedText`` in js/src/common/paper.ts).

    >>> presented_text({"presenters": ["Maria", " Ken "], "meeting_date": "2026-02-05"})
    'Presented by Maria, Ken · 2026-02-05'
    >>> presented_text({"meeting": "Week 3"})
    'Presented Week 3'
    >>> presented_text({})
    ''
    """
    if not isinstance(extra, dict):
        return ""
    names = presenter_names(extra)
    when = next((w.strip() for w in (extra.get("meeting_date"), extra.get("meeting")) if isinstance(w, str)), "")
    if not names and not when:
        return ""
    if not names:
        return f"Presented {when}"
    return f"Presented by {', '.join(names)}" + (f" · {when}" if when else "")


def _meta(paper: Paper) -> list[str]:
    """Byline, date (as precise as its source gave it: "2017"; the year marked when inferred), venue, and who
    presented it when (a paper read from a reading-group schedule)."""
    date = paper.date_text
    if date and paper.date_inferred:
        date += f" ({inferred_note(paper.extra)})"
    return [m for m in (paper.byline(), date, paper.venue, presented_text(paper.extra)) if m]


def _links(paper: Paper) -> list[tuple[str, str | None]]:
    return [("PDF", paper.pdf_url), ("code", paper.code_url), ("project", paper.project_url)]


def _stats(paper: Paper) -> list[str]:
    """Upvotes and stars, the ones known."""
    stats = [f"▲ {paper.upvotes}"] if paper.upvotes is not None else []
    return stats + ([f"★ {paper.github_stars}"] if paper.github_stars is not None else [])


def paper_to_markdown(paper: Paper) -> str:
    """A markdown card that renders in JupyterLab, nbconvert and GitHub.

    The paper's JSON rides along in an HTML comment, so :meth:`Paper.from_markdown`
    reads the card back without loss.
    """
    link = md_url(paper.abs_url)
    # titles and abstracts as read: LaTeX decoded (the raw form rides in the JSON); "[No title]" for one made from an id
    title = exported_title(paper.shown_title, paper.extra)
    lines = [f"### [{md_no_math(md_link_text(title))}]({link})" if link else f"### {md_no_math(md_escape(title))}"]
    meta = _meta(paper)
    if meta:
        lines.append("*" + md_no_math(md_escape(" · ".join(meta))) + "*")
    badges = [f"arXiv:{md_escape(paper.arxiv_id)}"] if paper.arxiv_id else []
    badges += _stats(paper)
    links = [f"[{name}]({url})" for name, url in ((n, md_url(u)) for n, u in _links(paper)) if url]
    tags = [span for span in map(_code_span, (paper.categories + paper.tags)[:8]) if span]
    extra_line = " · ".join(badges + links + tags)
    if extra_line:
        lines.append(extra_line)
    if paper.abstract:
        lines += ["", *(f"> {md_no_math(line[2:])}" for line in md_quote(paper.shown_abstract or "").splitlines())]
    lines += ["", f"<!-- {MIME_TYPE} {_card_json(paper)} -->"]
    return "\n".join(lines) + "\n"


def paper_to_html(paper: Paper) -> str:
    """A self-contained HTML card; every text is escaped, control characters and bidirectional overrides dropped."""

    def e(text: str) -> str:
        return html.escape(shown_text(text))

    head = html_link(paper.abs_url, e(paper.shown_title))
    meta = " · ".join(e(m) for m in _meta(paper))
    chips = "".join(f'<span style="{_CHIP_STYLE}">{e(c)}</span>' for c in (paper.categories + paper.tags)[:8])
    stats = " ".join(_stats(paper))
    links = " ".join(html_link(url, name) for name, url in _links(paper) if safe_url(url))
    shown = paper.shown_abstract
    abstract = f"<details><summary>Abstract</summary><p>{e(shown)}</p></details>" if shown else ""
    return (
        f'<div class="paperlab-card {NO_MATH_CLASS}" style="{_CARD_STYLE}">'
        f'<div style="font-weight:600">{head}</div>'
        f'<div style="color:var(--jp-ui-font-color2,#666)">{meta}</div>'
        f"<div>{chips} {e(stats)} {links}</div>{abstract}</div>"
    )


def paper_to_csl(paper: Paper) -> dict[str, Any]:
    """A CSL-JSON item (for Zotero, pandoc and citation processors).

    A paper read from CSL-JSON (:mod:`paperlab.sources.csl`) keeps the item's other fields in
    ``extra["csl"]``; they are written back, and so are its id, type, rich-text title, structured names
    and date object while the paper's own title, authors and date still agree with them.
    """
    kept = paper.extra.get("csl")
    stored: dict[str, Any] = kept if isinstance(kept, dict) else {}
    item: dict[str, Any] = {
        "id": stored["id"] if isinstance(stored.get("id"), (str, int)) and stored["id"] != "" else paper.id,
        "type": stored["type"] if isinstance(stored.get("type"), str) else _csl_type(paper),
        "title": exported_title(paper.title, paper.extra),
    }
    names = stored.get("author")
    if names and _same_names(names, paper.authors):  # as read, placeholders ("Unknown") and "et al." included
        item["author"] = names
    elif paper.authors:
        whole = paper.extra.get("names_whole")  # read whole ("{ETH Zürich}" in BibTeX): a literal
        item["author"] = [
            _csl_name(a, a in whole if isinstance(whole, list) else False, written_name(paper.extra, a))
            for a in paper.authors
        ]
    if paper.published:
        item["issued"] = _csl_issued(paper, stored.get("issued"))
    for key, value in (
        ("abstract", paper.abstract),
        ("DOI", paper.doi),
        ("URL", paper.abs_url),
        ("container-title", paper.journal_ref),
        ("note", paper.comment),
    ):
        if value:
            item[key] = value
    for key in ("title", "container-title", "abstract"):  # rich text as read, while its plain text is the paper's
        plain = plain_abstract if key == "abstract" else csl_plain_text
        kept = stored.get(key)
        if (
            key in item
            and isinstance(kept, str)
            and item[key] in (plain(kept), _no_stop(kept) if key == "title" else "")
        ):
            item[key] = kept
    if paper.arxiv_id:
        item["number"] = f"arXiv:{paper.arxiv_id}"
    if publisher := _csl_publisher(paper) or ("arXiv" if paper.arxiv_id else None):
        item["publisher"] = publisher
    if keys := citation_keys(paper):  # pandoc's [@key] and a citation processor find the paper by its key
        if keys[0] != stored.get("id"):  # the item's own id is its key already
            item["citation-key"] = keys[0]
        if "id" not in stored or stored["id"] == "":
            item["id"] = keys[0]
    if paper.doubtful_ids:  # ids another paper holds: kept, never as this paper's DOI/URL (sources/csl.py reads them)
        item["paperlab-doubtful-ids"] = dict(paper.doubtful_ids)
    for key, value in meeting_values(paper.extra).items():  # who presented it at a reading group, and when
        item[key] = presenter_names(paper.extra) if key == MEETING_FIELDS["presenters"] else value
    if paper.keywords or paper.tags:
        same = isinstance(stored.get("keyword"), str) and csl_keywords(stored["keyword"]) == paper.keywords + paper.tags
        item["keyword"] = stored["keyword"] if same else ", ".join(paper.keywords + paper.tags)
    for key, value in stored.items():
        if key not in _CSL_FROM_MODEL:
            item.setdefault(key, value)
    for key, value in (_csl_numbers(paper) | _csl_series(paper)).items():
        item.setdefault(key, value)
    if "issued" not in item and csl_date(stored.get("issued")) is None and isinstance(stored.get("issued"), dict):
        item["issued"] = stored["issued"]  # a date the model cannot hold ("13th cent", a year BC)
    return item


# CSL variables written from the paper's own fields, never from what a CSL import kept aside
_CSL_FROM_MODEL = frozenset(["id", "type", "title", "author", "issued", "keyword", "container-title"])


def _no_stop(title: str) -> str:
    """A kept title's text without the closing full stop the CSL reader drops (:func:`~paperlab.text.drop_closing_stop`)."""
    return drop_closing_stop(csl_plain_text(title))


def _same_names(names: Any, authors: list[str]) -> bool:
    """Whether CSL name objects kept from an import still name ``authors`` (in order)."""
    try:
        return (
            isinstance(names, list)
            and [t for t in map(csl_name_text, names) if t and not is_more_authors(t) and not is_placeholder_name(t)]
            == authors
        )
    except ValueError:
        return False


# a source's entry type as a CSL type: BibTeX/biblatex entry types, then RIS reference types (TY)
_CSL_TYPES = {
    **dict.fromkeys(("article", "periodical"), "article-journal"),
    **dict.fromkeys(("inproceedings", "conference"), "paper-conference"),
    **dict.fromkeys(("book", "mvbook", "proceedings", "mvproceedings", "collection", "booklet", "manual"), "book"),
    **dict.fromkeys(("inbook", "incollection", "bookinbook", "suppbook"), "chapter"),
    **dict.fromkeys(("phdthesis", "mastersthesis", "thesis"), "thesis"),
    **dict.fromkeys(("techreport", "report"), "report"),
    **dict.fromkeys(("online", "electronic", "www"), "webpage"),
    "unpublished": "manuscript",
    "patent": "patent",
    "dataset": "dataset",
    "software": "software",
    "misc": "article",
    **dict.fromkeys(("JOUR", "JFULL", "EJOUR", "ABST", "INPR"), "article-journal"),
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    **dict.fromkeys(("CONF", "CPAPER"), "paper-conference"),
    **dict.fromkeys(("BOOK", "EBOOK", "EDBOOK", "SER"), "book"),
    **dict.fromkeys(("CHAP", "ECHAP"), "chapter"),
    "THES": "thesis",
    "RPRT": "report",
    **dict.fromkeys(("ELEC", "WEB", "BLOG"), "webpage"),
    "UNPB": "manuscript",
    "DATA": "dataset",
    "COMP": "software",
    "PAT": "patent",
    "GEN": "article",
}


def _source_kind(paper: Paper) -> str | None:
    """The entry type the source gave: a BibTeX entry type (``extra["entry_type"]``) or a RIS ``TY``."""
    kind = paper.extra.get("entry_type")
    ris = paper.extra.get("ris")
    if not isinstance(kind, str) and isinstance(ris, dict):
        kind = ris.get("type")
    return kind if isinstance(kind, str) else None


def _csl_type(paper: Paper) -> str:
    """The CSL type of the source's entry type; a paper without one is a journal article when it names a journal."""
    if paper.extra.get("title_from") == "booktitle":  # a BibTeX chapter entry citing the whole book
        return "book"
    kind = _source_kind(paper)
    found = _CSL_TYPES.get(kind.lower() if kind and not kind.isupper() else kind or "")
    return found or ("article-journal" if paper.journal_ref else "article")


def _csl_numbers(paper: Paper) -> dict[str, str]:
    """CSL ``volume``, ``issue`` and ``page`` of a paper read from RIS (``VL``, ``IS``, ``SP``/``EP``) or BibTeX
    (``volume``, ``number``, ``pages``)."""
    found = paper.extra.get("ris")
    ris = found if isinstance(found, dict) else {}
    found = paper.extra.get("bibtex_fields")
    bib = found if isinstance(found, dict) else {}
    first, last = ris.get("start_page"), ris.get("end_page")
    page = (
        f"{first}\u2013{last}" if isinstance(last, str) and last and last != first and "-" not in str(first) else first
    )
    out: dict[str, str] = {}
    for key, values in (
        ("volume", (ris.get("volume"), bib.get("volume"))),
        ("issue", (ris.get("issue"), bib.get("number"))),
        ("page", (page, bib.get("pages"))),
    ):
        value = next((v for v in values if isinstance(v, str) and v.strip()), None)
        if value:
            out[key] = " ".join(value.split())
    return out


def _csl_series(paper: Paper) -> dict[str, Any]:
    """CSL ``publisher-place``, ``collection-title``, ``editor`` and ``collection-editor`` of a paper read from RIS
    (``CY``, ``T3``, ``A2``, ``A3``) or BibTeX (``address`` or biblatex's ``location``, ``series``, ``editor``)."""
    found = paper.extra.get("ris")
    ris = found if isinstance(found, dict) else {}
    found = paper.extra.get("bibtex_fields")
    bib = found if isinstance(found, dict) else {}
    out: dict[str, Any] = {}
    for key, values in (
        ("publisher-place", (ris.get("place"), bib.get("address"), bib.get("location"))),
        ("collection-title", (ris.get("series"), bib.get("series"))),
    ):
        if value := next((" ".join(v.split()) for v in values if isinstance(v, str) and v.strip()), None):
            out[key] = value
    for key, editors in (
        ("editor", ris.get("editors") or bib.get("editor")),
        ("collection-editor", ris.get("series_editors")),
    ):
        if isinstance(editors, list) and (names := [_csl_name(n) for n in editors if isinstance(n, str) and n.strip()]):
            out[key] = names
    return out


def _csl_publisher(paper: Paper) -> str | None:
    """The publisher the source named: BibTeX ``publisher`` (a thesis: its ``school``; a report: its
    ``institution``) or RIS ``PB``."""
    fields = paper.extra.get("bibtex_fields")
    bib = fields if isinstance(fields, dict) else {}
    ris = paper.extra.get("ris")
    for value in (
        bib.get("publisher"),
        paper.extra.get("publisher"),
        bib.get("school"),
        bib.get("institution"),
        ris.get("publisher") if isinstance(ris, dict) else None,
    ):
        if isinstance(value, str) and value.strip():
            return value
    return None


_PRECISION = {"year": 1, "month": 2, "day": 3}


def _csl_issued(paper: Paper, stored: Any) -> Any:
    """The stored CSL date object while its first date is still the paper's date, else the paper's date
    to the precision recorded in ``extra["date_precision"]`` (a whole date when none is)."""
    assert paper.published is not None
    if isinstance(stored, (dict, str)) and csl_date(stored) == paper.published:
        return stored
    when = paper.published
    parts = [when.year, when.month, when.day][: _PRECISION.get(str(paper.extra.get("date_precision")), 3)]
    return _edtf_issued(paper, parts) or {"date-parts": [parts]}


_EDTF_PARTS = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def _edtf_issued(paper: Paper, parts: list[int]) -> dict[str, Any] | None:
    """A biblatex date kept as written (``2019-05/2019-06``, ``2017~``: ``extra["bibtex_fields"]["date"]``) as
    CSL's range (two ``date-parts``) and ``circa``, while it starts on the paper's date; else None."""
    fields = paper.extra.get("bibtex_fields")
    written = fields.get("date") if isinstance(fields, dict) else None
    if not isinstance(written, str):
        return None
    ends = [[int(g) for g in m.groups() if g] for m in map(_EDTF_PARTS.match, written.split("/")) if m]
    if not ends or ends[0] != parts or "/" in written and len(ends) != 2:
        return None
    return {"date-parts": ends} | ({"circa": True} if re.search(r"[~%]", written) else {})


def csl_keywords(value: str) -> list[str]:
    """The keywords of a CSL ``keyword`` variable (separated by commas or semicolons), blanks and repeats dropped."""
    words = (" ".join(k.split()) for k in value.replace(";", ",").split(","))
    return list(dict.fromkeys(k for k in words if k))


def csl_date(value: Any) -> dt.date | None:
    """The first date of a CSL date object (``date-parts``, else an ISO-like ``raw`` or string date) as a
    :class:`datetime.date` (missing month or day as 1); None when there is none a date can hold
    (a ``literal`` date naming no year, a year before 100: BC, 0 for "open", or a day or season given without its
    year); a ``literal`` date's year is its first (:func:`literal_year`)."""
    if isinstance(value, str):
        value = {"raw": value}
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else None
    if first is None:
        raw = value.get("raw")
        m = _ISO_PREFIX.match(raw.strip()) if isinstance(raw, str) else None
        first = [g for g in m.groups() if g] if m else literal_year(value)
    numbers = []
    for part in first[:3]:
        if isinstance(part, bool) or not isinstance(part, (int, str)) or not _NUMBER.fullmatch(str(part).strip()):
            break
        numbers.append(int(part))
    if not numbers or not 100 <= numbers[0] <= 9999:
        return None  # a one- or two-digit "year" is a day, a season or a year of no known century
    year, month, day = (numbers + [1, 1])[:3]
    if not 1 <= month <= 12:  # 13-24 are EDTF seasons
        return dt.date(year, 1, 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 1)


def csl_edtf(issued: Any) -> str | None:
    """A CSL date object that says more than one date, a range (two ``date-parts``) or ``circa``, as biblatex writes
    it ("2019-05/2019-06", "1890~"); None for one plain date or anything else.

    >>> csl_edtf({"date-parts": [[2019, 5], [2019, 6]]}), csl_edtf({"date-parts": [["1890"]], "circa": True})
    ('2019-05/2019-06', '1890~')
    """
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
        return None
    texts = []
    for date in parts:
        numbers = [str(n).strip() for n in date[:3]] if isinstance(date, list) else []
        if not numbers or not all(_NUMBER.fullmatch(n) for n in numbers) or not 100 <= int(numbers[0]) <= 9999:
            return None
        texts.append("-".join(f"{int(n):0{4 if i == 0 else 2}d}" for i, n in enumerate(numbers)))
    circa = issued.get("circa") in (True, 1, "true")
    if len(texts) == 1 and not circa:
        return None
    return "/".join(t + "~" * circa for t in texts)


def edtf_note(written: str) -> str:
    """What a date written beyond a day says (EDTF's marks, as biblatex writes them): "circa" (``~``, ``%``),
    "uncertain" (``?``, ``%``), "range 2019-05/2019-06"; else "written …".

    >>> edtf_note("2019-05/2019-06"), edtf_note("1890~"), edtf_note("2021-09?")
    ('range 2019-05/2019-06', 'circa', 'uncertain')
    """
    marks = ["circa"] * bool(re.search(r"[~%]", written)) + ["uncertain"] * bool(re.search(r"[?%]", written))
    return ", ".join([*marks, *([f"range {written}"] if "/" in written else [])]) or f"written {written}"


_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", re.ASCII)
_LITERAL_YEAR = re.compile(r"(?<!\d)([12]\d{3})(?!\d)", re.ASCII)


def literal_year(value: Any) -> list[str]:
    """The date parts of a CSL ``literal`` (else ``raw``) date: year, month and day of one date, a time after it dropped
    ("2023-05-01T12:00:00Z", "2023-05-01 12:00", "7 August 2012, 9:22", "May 2019"); else ``[year]`` of the first
    year it names ("1995-01-0001", "31st August to 3rd September 2015", "March/April 2013"), read at year precision
    since the rest is free text; ``[]`` for none ("13th century")."""
    literal = (
        next((value.get(k) for k in ("literal", "raw") if isinstance(value.get(k), str)), None)
        if isinstance(value, dict)
        else None
    )
    if not isinstance(literal, str):
        return []
    date = _LITERAL_TIME.sub("", literal.strip())
    iso = _ISO_PREFIX.fullmatch(date)
    if iso:
        return [g for g in iso.groups() if g]
    named = named_date(date)
    if named:
        return [str(p) for p in named if p]
    m = _LITERAL_YEAR.search(literal)
    return [m.group(1)] if m else []


# a time of day after a date: "T12:00:00Z", " 12:00", ", 9:22", " at 9:22 AM", "T08:30:00+02:00" (a match starts
# only where blanks start: linear time on a long run of blanks)
_LITERAL_TIME = re.compile(
    r"(?:T|(?<![\s,]),?\s+(?:at\s+)?)\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d\d:?\d\d|UTC|GMT)?$",
    re.I,
)


_NUMBER = re.compile(r"-?\d{1,6}", re.ASCII)


def _csl_name(name: str, whole: bool = False, written: tuple[str, str, str] | None = None) -> dict[str, str]:
    """A shown name as a CSL name: ``family`` and ``given`` (:func:`~paperlab.names.name_parts`: the first word is the
    family name in Chinese, Japanese or Korean script); a name of one word, with a comma (an organisation every
    reader keeps as written: "Qwen Team, Alibaba Cloud"), naming an organisation ("GTEx Consortium") or read
    ``whole`` ("{ETH Zürich}" in BibTeX), as a literal; a name its source split otherwise (``written``,
    :func:`~paperlab.names.written_name`: "García Márquez, Gabriel") as the source split it."""
    if written and not whole:
        family, given, suffix = (" ".join(p.split()) for p in written)
        return {"family": family, "given": given, "suffix": suffix} if suffix else {"family": family, "given": given}
    family, given, suffix = name_parts(name)
    if not given or "," in name or whole or names_organisation(name):
        return {"literal": " ".join(name.split())}
    return {"family": family, "given": given, "suffix": suffix} if suffix else {"family": family, "given": given}


# The model's renderings implemented here (``Paper.to_markdown``, ``Paper.to_html``, ``Paper.to_csl``).
Paper.operations.register("to_markdown", paper_to_markdown)
Paper.operations.register("to_html", paper_to_html)
Paper.operations.register("to_csl", paper_to_csl)
