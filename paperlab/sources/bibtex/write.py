"""Writing BibTeX: entries whose text fields are escaped so that :func:`~paperlab.sources.bibtex.parse_bibtex`
reads them back unchanged, with citation keys like ``vaswani2017attention``."""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterable
from typing import Any

from bibtexparser.middlewares.names import parse_single_name_into_parts

from ...date_precision import PRECISION_WIDTH, precision_of
from ...dates import MONTH_MACROS
from ...errors import ParseError
from ...identity import citation_keys
from ...latex import has_latex, unglue_macros
from ...names import family_first, name_parts, written_name
from ...paper import Paper
from ...paper_fields import doubtful_id_text, exported_title, meeting_values
from .foreign import foreign_entry_type, foreign_fields
from .read import parse_bibtex
from .text import balanced, clean

__all__ = ["library_to_bibtex", "paper_to_bibtex"]

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_ESCAPE_RE = re.compile("|".join(re.escape(c) for c in _ESCAPES))
# TeX ligatures that LaTeX-to-text would turn into dashes, quotes and inverted marks, and text that reads like
# an HTML character reference ("&amp;" as text), which the reader would decode: each broken by "{}"
_LIGATURE_RE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)|(?<=\\&)(?=(?:\\?#)?[A-Za-z0-9]{1,32};)")


def _escape(text: str) -> str:
    """Escape LaTeX special characters so that the text reads back unchanged."""
    text = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)
    return _LIGATURE_RE.sub("{}", text)


def _abstract(paper: Paper) -> str:
    """The abstract field: the form an import read (``extra["abstract_markup"]``: the BibTeX field as written, its
    LaTeX math and escapes, JATS/HTML markup) while it still reads back as the paper's abstract, so a round trip keeps
    it (a bare ``%`` escaped); else the text, every LaTeX special character escaped."""
    assert paper.abstract is not None
    raw = paper.extra.get("abstract_markup")
    if isinstance(raw, str) and balanced(raw):
        raw = _BARE_PERCENT.sub(r"\\%", raw)  # a bare % would start a LaTeX comment: escaped, the text is the same
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                (back,) = parse_bibtex(f"@misc{{k, title = {{t}}, abstract = {{{raw}}}}}")
        except (ParseError, ValueError):
            back = None
        if back is not None and back.abstract == paper.abstract:
            return raw
    return _escape(paper.abstract)


def _title(paper: Paper, title: str) -> str:
    """The title field: as an import wrote it (``extra["title_markup"]``: braces that keep a word's case,
    ``Sentence-{BERT}``, ``{{Whole Title}}``, LaTeX macros) while it still reads as the title; else the text, escaped."""
    raw = paper.extra.get("title_markup")
    if isinstance(raw, str) and balanced(raw) and clean(raw) == title:
        return _BARE_PERCENT.sub(r"\\%", raw)
    if has_latex(title) and balanced(title) and not _BARE_SPECIAL.search(title):
        return unglue_macros(title)  # LaTeX another source wrote ('Klippel\\textendashTrenaunay' in RIS): as LaTeX
    return _escape(title)


# a character LaTeX reads as markup when it is not escaped
_BARE_PERCENT = re.compile(r"(?<!\\)%")
_BARE_SPECIAL = re.compile(r"(?<!\\)[%&#_]")


def _escape_name(name: str, written: tuple[str, str, str] | None = None, whole: Iterable[str] = ()) -> str:
    """A shown name as BibTeX writes it; ``written``, its parts as the source wrote them ("MCDONALD, RONALD"), as
    ``Family, Given`` or ``Family, Suffix, Given``; a name in ``whole`` (read whole in braces: ``{ETH Zürich}``,
    ``extra["names_whole"]``) braced whole again."""
    if name in whole:
        return "{" + _escape(name) + "}"
    family, given, suffix = written or name_parts(name)
    if written:
        return ", ".join(_escape(p) for p in (family, suffix, given) if p)
    if (family_first(name) or " " in family) and given:  # "島田 耕平" (as given), "Ramón y Cajal": "Family, Given"
        return f"{_escape(family)}, {_escape(given)}"
    if suffix and given and "," not in name.removesuffix(f", {suffix}"):  # "Martin Luther King Jr.", "…King, Jr."
        return f"{_escape(family)}, {_escape(suffix)}, {_escape(given)}"
    escaped = _escape(name)
    # Names BibTeX would split or reorder ("Last, First", "Barnes and Noble") are kept whole,
    # and so are names with escaped characters, which the name splitter would cut apart.
    if escaped != name or "," in name or re.search(r"\sand\s", name, re.I) or name.lower() == "others":
        return "{" + escaped + "}"
    return escaped


def _names_whole(paper: Paper) -> list[str]:
    """The names a reader kept whole (``extra["names_whole"]``: ``{ETH Zürich}`` in BibTeX)."""
    whole = paper.extra.get("names_whole")
    return [n for n in whole if isinstance(n, str)] if isinstance(whole, list) else []


def _verbatim_out(value: str) -> str:
    """A url/doi for a braced field: braces and backslashes percent-encoded."""
    return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


_STOPWORDS = frozenset(
    "a an the on of in for and or to with without from by at via is are be as its it this that towards toward "
    "into onto do does can we our your how what when why which who new".split()
)


# letters NFKD does not decompose into ASCII
_ASCII = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
    }
)


def _ascii_word(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


def _key(paper: Paper) -> str:
    """Citation key like ``vaswani2017attention``."""
    last = ""
    if paper.authors:
        name = re.sub(r"[{}\\]", "", paper.authors[0])
        if (suffix := name_parts(name)[2]) and name.count(",") < 2:  # "Martin Luther King Jr.": king, not jr
            name = name.removesuffix(suffix).strip().rstrip(",")
        parts = parse_single_name_into_parts(name, strict=False)  # "First Last" or "Last, First"
        last = _ascii_word(" ".join(parts.last or parts.first or [name]))
    year = str(paper.published.year) if paper.published else ""
    words = [_ascii_word(w) for w in re.split(r"[\s\-–—/:]+", paper.title)]
    words = [w for w in words if w]
    word = next((w for w in words if w not in _STOPWORDS), words[0] if words else "")
    return (last + year + word) or "paper"


_VENUE_FIELDS = ("journal", "journaltitle", "booktitle")
# Fields of other records' formats written verbatim (URL-like), as the reader reads them.
_VERBATIM_OUT = frozenset(("url", "doi", "eprint", "file", "urldate", "isbn", "issn"))
_FIELD_NAME = re.compile(r"[a-z][\w.:+-]*")  # as the reader keeps them


def _entry_type(paper: Paper, bib: dict[str, object]) -> str:
    entry_type = paper.extra.get("entry_type")
    if isinstance(entry_type, str) and re.fullmatch(r"[A-Za-z][\w-]*", entry_type):
        return entry_type.lower()
    ris = paper.extra.get("ris")
    if isinstance(ris, dict) and (kind := _RIS_TYPES.get(str(ris.get("type")))):
        return kind
    if kind := foreign_entry_type(paper):  # a CSL chapter, book, paper-conference, ...
        return kind
    return "article" if paper.journal_ref and "booktitle" not in bib else "misc"


# RIS reference types (TY) as BibTeX entry types; the others are @article with a journal, else @misc
_RIS_TYPES = {
    **dict.fromkeys(("BOOK", "EBOOK", "EDBOOK"), "book"),
    **dict.fromkeys(("CHAP", "ECHAP"), "incollection"),
    **dict.fromkeys(("CONF", "CPAPER"), "inproceedings"),
    "THES": "phdthesis",
    "RPRT": "techreport",
    "UNPB": "unpublished",
}


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
    return depth == 0 and not text.endswith("\\")


def _title_and_comment(paper: Paper, bib: dict[str, object]) -> tuple[str, str | None]:
    """The title without a subtitle kept in its own field, and the comment without a kept addendum."""
    title, comment = exported_title(paper.title, paper.extra), paper.comment  # "[No title]" for one made from its id
    subtitle = bib.get("subtitle")
    if isinstance(subtitle, str) and title.endswith(": " + subtitle):
        title = title[: -len(subtitle) - 2]
    addendum = bib.get("addendum")
    if isinstance(addendum, str) and comment is not None:
        if comment == addendum:
            comment = None
        elif comment.endswith("\n" + addendum):
            comment = comment[: -len(addendum) - 1]
    return title, comment


def _bib_value(name: str, value: object, whole: Iterable[str] = ()) -> str | None:
    if isinstance(value, list):
        names = [str(v) for v in value if v]
        return " and ".join(_escape_name(n, whole=whole) for n in names) if names else None
    if not isinstance(value, str) or not value:
        return None
    if name in ("url", "doi"):
        return _verbatim_out(value)
    if name in _VERBATIM_OUT:  # file paths: the reader unescapes a backslash before _ % # & ~ $, so double it
        kept = re.sub(r"\\(?=[_%#&~$])", r"\\\\", value)
        return kept if _balanced(kept) else _verbatim_out(value)
    if name == "pages":  # the reader turns -- into an en dash
        return _escape(value).replace("\u2013", "--")
    return _escape(value)


def _date_fields(paper: Paper, bib: dict[str, object]) -> list[tuple[str, str]]:
    """``year``, then ``month`` and ``date`` as far as the precision the source gave (``extra["date_precision"]``)
    goes: "year" writes the year alone, "month" the month too (January included), none recorded the whole date
    (every reader records a coarser precision when its source gave one, so a 1 January or a first of the month
    with none is a day, and ``date = {1998-04-01}`` comes back as it was read). A biblatex ``date`` that said more
    (a range ``2019-05/2019-06``, circa ``2017~``) is written as it was while it starts on the paper's date."""
    if not paper.published:
        return []
    p, precision = paper.published, precision_of(paper.extra)
    fields = [("year", str(p.year))]
    if precision != "year":
        fields.append(("month", MONTH_MACROS[p.month - 1]))
    written = bib.get("date")
    start = p.isoformat()[: PRECISION_WIDTH[precision]]
    if isinstance(written, str) and re.fullmatch(r"[\w:/~?%.+-]+", written) and _iso_start(written) == start:
        fields.append(("date", written))
    elif precision == "day":
        fields.append(("date", p.isoformat()))
    return fields


def _iso_start(written: str) -> str:
    """The date a biblatex date starts on, as ISO text ("2019-05/2019-06": "2019-05"; "2017-3~": "2017-03")."""
    m = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", written)
    return "-".join(f"{int(g):02d}" if i else g for i, g in enumerate(m.groups()) if g) if m else ""


def _identity_fields(paper: Paper) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    if paper.arxiv_id:
        eprint = paper.arxiv_id + (f"v{paper.version}" if paper.version else "")
        fields += [("eprint", eprint), ("archivePrefix", "arXiv")]
        if paper.primary_category:
            fields.append(("primaryClass", _escape(paper.primary_category)))
    if paper.doi:
        fields.append(("doi", _verbatim_out(paper.doi)))
    if paper.own_url:  # not a link of an id set aside as doubtful: that one is kept in paperlab-doubtful-ids
        fields.append(("url", _verbatim_out(paper.own_url)))
    if paper.doubtful_ids:
        fields.append(("paperlab-doubtful-ids", _verbatim_out(doubtful_id_text(paper.doubtful_ids))))
    return fields


def _kept_fields(paper: Paper, bib: dict[str, object], skip: set[str]) -> list[tuple[str, str]]:
    """The fields read from BibTeX that the paper has no own field for, and its venue."""
    fields: list[tuple[str, str]] = []
    if paper.journal_ref and not any(bib.get(n) == paper.journal_ref for n in _VENUE_FIELDS):
        kind = _entry_type(paper, bib)  # a book's venue is its series
        venue = {"inproceedings": "booktitle", "incollection": "booktitle", "book": "series"}.get(kind, "journal")
        fields.append((venue, _escape(paper.journal_ref)))
        skip.add(venue)
    for name, value in bib.items():
        text = _bib_value(name, value, _names_whole(paper))
        if text is not None and name not in skip and _FIELD_NAME.fullmatch(name):
            fields.append((name, text))
    return fields


def paper_to_bibtex(
    paper: Paper,
    key: str | None = None,
    aliases: Iterable[str] = (),
    status: str | None = None,
    note: str | None = None,
    tags: Iterable[str] = (),
) -> str:
    """One BibTeX entry for a paper.

    The entry type, key and every field read from a BibTeX file come back (volume, pages,
    publisher, booktitle, editor, ...); otherwise ``@article`` when the paper has a journal
    reference, else ``@misc``; arXiv papers carry ``eprint``, ``archivePrefix = {arXiv}`` and
    ``primaryClass``. Text is escaped (``{ } % & $ # _ ~ ^ \\``) so that :func:`parse_bibtex`
    reads the entry back with the same fields.

    Parameters
    ----------
    paper : Paper
    key : str, optional
        Citation key; default the key it was read under, else like ``vaswani2017attention``.
    aliases : iterable of str
        Other keys of the paper (records merged into it), written as biblatex ``ids``.
    status, note, tags : optional
        A reading-list entry's status (``paperlab-status``), note (``annote``) and tags (added to
        ``keywords`` and listed in ``paperlab-tags``), as are the paper's own tags. A paper read from a
        reading-group schedule names its presenters and meeting (``paperlab-presenters``,
        ``paperlab-meeting-date``, ``paperlab-meeting``).

    Returns
    -------
    str
        The entry, ending with a newline.
    """
    keys = citation_keys(paper)
    key = key or (keys[0] if keys else _key(paper))
    raw = paper.extra.get("bibtex_fields")
    bib: dict[str, object] = dict(raw) if isinstance(raw, dict) else foreign_fields(paper)
    all_tags = list(dict.fromkeys([*paper.tags, *tags]))
    if status:
        bib["paperlab-status"] = status
    if note:
        bib["annote"] = note
    title, comment = _title_and_comment(paper, bib)
    fields: list[tuple[str, str]] = [("title", _title(paper, title))]
    if paper.extra.get("title_from") in ("booktitle", "chapter") and bib.get(paper.extra["title_from"]) == title:
        fields = []  # an entry citing a whole book by its booktitle, or a chapter by its name alone: written so again
    if paper.authors:
        cut = " and others" if paper.extra.get("more_authors") is True else ""  # a byline cut short: BibTeX's way
        fields.append(
            (
                "author",
                " and ".join(_escape_name(a, written_name(paper.extra, a), _names_whole(paper)) for a in paper.authors)
                + cut,
            )
        )
    fields += _date_fields(paper, bib)
    skip = {"ids", "keywords", "note", "abstract", "paperlab-tags", *(("year", "date") if paper.published else ())}
    fields += _kept_fields(paper, bib, skip) + _identity_fields(paper)
    ids = [k for k in dict.fromkeys([*keys, *aliases]) if k != key]
    if ids:
        fields.append(("ids", ", ".join(ids)))
    if paper.keywords or all_tags:
        fields.append(("keywords", ", ".join(_escape(k) for k in dict.fromkeys([*paper.keywords, *all_tags]))))
    if all_tags:
        fields.append(("paperlab-tags", ", ".join(_escape(t) for t in all_tags)))
    # who presented it at a reading group, and when (a paper read from a schedule): fields of ours, read back
    fields += [(name, _escape(value)) for name, value in meeting_values(paper.extra).items()]
    if comment:
        fields.append(("note", _escape(comment)))
    if paper.abstract:
        fields.append(("abstract", _abstract(paper)))
    lines = [f"@{_entry_type(paper, bib)}{{{key},"]
    for name, value in fields:
        # month macros (jun) stay bare so every BibTeX style understands them
        lines.append(f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def library_to_bibtex(papers: Iterable[Any]) -> str:
    """All papers as one BibTeX file.

    Each entry keeps the key it was read under (and the keys of records merged into it, as biblatex
    ``ids``, so every ``\\cite{}`` of a document still resolves); other keys are made like
    ``vaswani2017attention``, unique with ``a``, ``b`` suffixes.

    Parameters
    ----------
    papers : iterable of Paper, or of reading-list entries
        E.g. a :class:`~paperlab.library.Library`; entries (with ``paper``, ``status``, ``note``,
        ``tags``) also write the status, note and tags.

    Returns
    -------
    str
    """
    items = [(p, None) if isinstance(p, Paper) else (p.paper, p) for p in papers]
    taken = {k for paper, _ in items for k in citation_keys(paper)}
    used: set[str] = set()
    entries = []
    for paper, entry in items:
        keys = [k for k in citation_keys(paper) if k not in used]
        key = keys[0] if keys else _unique(_key(paper), used | taken)
        used.update([key, *keys])
        extra = {"status": entry.status, "note": entry.note, "tags": entry.tags} if entry is not None else {}
        entries.append(paper_to_bibtex(paper, key=key, aliases=keys, **extra))
    return "\n".join(entries)


def _unique(base: str, used: set[str]) -> str:
    key, n = base, 0
    while key in used:
        key = base + _suffix(n)
        n += 1
    return key


def _suffix(n: int) -> str:
    """a, b, ..., z, aa, ab, ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = letters[r] + out
    return out
