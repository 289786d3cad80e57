"""BibTeX fields as real exports write them, read leniently.

Found on real files nobody tuned the reader for (benchmarks/bench_import_sweep.py): author lists separated by
commas instead of ``and`` ("Ada Lovelace, Alan Turing, Grace Hopper"), month names BibTeX's macros do not
cover ("Sept", "June 2"), DOI fields holding a URL or a whole citation, and entries whose ``crossref`` parent
is in another file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any

from bibtexparser import middlewares as bm
from bibtexparser.library import Library as BibLibrary
from bibtexparser.middlewares.middleware import BlockMiddleware, LibraryMiddleware
from bibtexparser.middlewares.names import split_multiple_persons_names
from bibtexparser.model import Block, DuplicateFieldKeyBlock, Entry, Field, ParsingFailedBlock

from ...identifiers import find_doi, normalize_doi
from ...identifiers import labelled_doi as find_labelled_doi
from ...names import family_first, names_organisation
from .._names import sure_initials, vancouver_parts, written_given_first
from .blocks import fields_of
from .suffixes import suffix_last
from .text import VERBATIM_FIELDS, balanced, html_entities, name_separators

__all__ = [
    "KeepFirstOfRepeatedFields",
    "UnbraceCodeValues",
    "SeparateCoAuthorsKeepingAccents",
    "SplitFieldsMissingAComma",
    "SplitNamesWrittenWithCommas",
    "crossref_hint",
    "decode_bib",
    "labelled_doi",
    "missing_parent",
    "no_abstract",
    "plain_name",
    "split_name_list",
    "unescape_html_entities",
    "valid_doi",
]

_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "junior", "senior"))
_WHOLE_DOI = re.compile(r"10\.\d{4,9}/\S+|10/[a-z0-9]+", re.I)  # SICI DOIs hold "<" and ">": kept whole


_HIDDEN = "\x00"  # stands for a backslash while names are split (no BibTeX text holds a NUL)


class KeepFirstOfRepeatedFields(BlockMiddleware):
    """An entry with a field given twice is read with the first value, as BibTeX itself does ("Repeated entry"),
    not dropped: Scopus repeats ``funding_details`` once per funder, and bibtexparser 2.1 set such an entry aside
    as a :class:`~bibtexparser.model.DuplicateFieldKeyBlock`. First in the parse stack, so that the other
    middlewares see the entry."""

    def transform_failed_block(self, failed_block: ParsingFailedBlock, library: BibLibrary) -> Block:
        entry = failed_block.ignore_error_block
        if not isinstance(failed_block, DuplicateFieldKeyBlock) or not isinstance(entry, Entry):
            return failed_block
        seen: set[str] = set()
        first = [f for f in entry.fields if not (f.key in seen or seen.add(f.key))]  # type: ignore[func-returns-value]
        return Entry(entry.entry_type, entry.key, first, start_line=entry.start_line, raw=entry.raw)


# after a whole value, a line break and "name = ": the next field, its comma missing ("year = {1998}" / "type = ...")
_NEXT_FIELD = re.compile(r"\s*\n\s*([A-Za-z][\w:.+-]*)\s*=\s*(.*)", re.S)


def _whole_value_end(value: str) -> int | None:
    """Where the first whole BibTeX value of ``value`` ends: a braced group, a quoted string or a bare word."""
    if value[:1] in ("{", '"'):
        depth = 0
        for i, ch in enumerate(value):
            depth += (ch == "{") - (ch == "}")
            if i and depth == 0 and ch == ("}" if value[0] == "{" else '"'):
                return i + 1
        return None
    bare = re.match(r"[\w.:+/-]+", value)
    return bare.end() if bare else None


class SplitFieldsMissingAComma(BlockMiddleware):
    """A field whose comma is missing before the next line's field (``year = {1998}`` then ``type = {...}``):
    bibtexparser 2.1 reads the next field into the value of the first, and it was lost. Both are read (a field
    named twice keeps its first value, as BibTeX does)."""

    def transform_entry(self, entry: Entry, library: BibLibrary) -> Block:
        out: list[Field] = []
        for fld in entry.fields:
            out.extend(_split_missing_commas(fld))
        seen: set[str] = set()
        entry.fields = [f for f in out if not (f.key.lower() in seen or seen.add(f.key.lower()))]  # type: ignore[func-returns-value]
        return entry


def _split_missing_commas(fld: Field) -> list[Field]:
    value = fld.value.strip() if isinstance(fld.value, str) else ""
    end = _whole_value_end(value) if "\n" in value else None
    rest = _NEXT_FIELD.fullmatch(value[end:]) if end else None
    if end is None or rest is None or not rest.group(2).strip():
        return [fld]
    line = fld.start_line + value[: end + rest.start(1)].count("\n") if fld.start_line is not None else None
    first = Field(fld.key, value[:end], start_line=fld.start_line)
    return [first, *_split_missing_commas(Field(rest.group(1), rest.group(2).strip(), start_line=line))]


# Fields whose value is a code, a number or a date, never text whose case braces protect.
_CODE_FIELDS = frozenset("doi url eprint month year day date volume number pages issn isbn".split())


class UnbraceCodeValues(BlockMiddleware):
    """Braces around the whole of a code, number or date value (Web of Science writes every value as
    ``{{…}}``: ``DOI = {{10.1/x}}``, ``Month = {{JUN}}``) are dropped: they protect the case of text, and a DOI,
    a month or a page range has none to protect. Runs after the outer delimiters are removed."""

    def transform_entry(self, entry: Entry, library: BibLibrary) -> Block:
        for fld in entry.fields:
            value = fld.value
            if fld.key.lower() not in _CODE_FIELDS or not isinstance(value, str):
                continue
            value = value.strip()
            while value[:1] == "{" and value[-1:] == "}" and balanced(value[1:-1]):
                value = value[1:-1].strip()
            fld.value = value
        return entry


class SeparateCoAuthorsKeepingAccents(bm.SeparateCoAuthors):
    """bibtexparser's co-author splitting, with a name that starts with a macro after ``and`` kept whole.

    bibtexparser 2.1's splitter skips an escaped character without noting that a new name starts there, so the
    name lost its first two characters: ``… and \\'{E}ric Moulines`` became ``{E}ric Moulines`` (read "Eric"),
    ``… and \\v{S}imon`` became ``{S}imon``. The backslashes are hidden while the names are split.
    """

    def _transform_field_value(self, name: str) -> list[str]:
        if not isinstance(name, str):
            return super()._transform_field_value(name)
        name = str(name_separators(name))  # "Müller, Hans und Schmidt, Karl"; doubled "and and" below
        if _HIDDEN in name:
            return list(name_separators(name, super()._transform_field_value(name)))
        parts = [part.replace(_HIDDEN, "\\") for part in split_multiple_persons_names(name.replace("\\", _HIDDEN))]
        return list(name_separators(name, parts))


def _top_level_commas(text: str) -> list[str]:
    """``text`` split at commas outside braces."""
    if "{" not in text and "}" not in text:
        return [p.strip() for p in text.split(",")]
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "{") - (ch == "}")
        if ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


# biblatex's extended name format (its manual, "Extended Name Format"): "family=Elst, given=Ludger, prefix=van,
# useprefix=true"; a part's key, its value (braced or not)
_NAME_PART = re.compile(r"\s*([A-Za-z-]+)\s*=\s*(.*?)\s*", re.S)
_NAME_KEYS = frozenset(("family", "given", "prefix", "suffix"))


# a name written family name first without a comma, then initials with full stops: "Balakrishnan H.", "Zhao L.M."
_FAMILY_THEN_INITIALS = re.compile(r"([^\W\d_][\w'’-]+)\.?\s+((?:[^\W\d_a-z]\.\s?-?){1,3})")


def plain_name(raw: str) -> str:
    """A BibTeX name as BibTeX's own rules read it right: biblatex's extended name format as ``Family, Given``
    (:func:`extended_name`), a family name followed by initials with full stops ("Balakrishnan H.", which BibTeX
    would read as given name "Balakrishnan", family name "H.") as "Balakrishnan, H.", anything else as written."""
    raw = " ".join(raw.split())
    if (extended := extended_name(raw)) is not None:
        return extended
    if (suffixed := suffix_last(raw)) is not None:  # "Martin Luther King, Jr.", "H. B. {Hunt, III}"
        return suffixed
    m = _FAMILY_THEN_INITIALS.fullmatch(raw)
    return f"{m.group(1)}, {m.group(2).strip()}" if m and not names_organisation(raw) else raw


def extended_name(raw: str) -> str | None:
    """A name in biblatex's extended name format as BibTeX writes it ("family=Elst, given=Ludger, prefix=van,
    useprefix=true" is "van Elst, Ludger"; ``suffix=`` as BibTeX's "Family, Jr., Given"; the initials ``giveni=``
    and options such as ``useprefix`` only steer biblatex's printing), or None when ``raw`` is no such name (every
    part outside braces is ``key=value``, one of them ``family=`` or ``given=``)."""
    parts = [_NAME_PART.fullmatch(p) for p in _top_level_commas(raw)] if "=" in raw else []
    if not parts or not all(parts):
        return None
    values = {m.group(1).lower(): _unbraced(m.group(2)) for m in parts if m}
    family, given = values.get("family", ""), values.get("given", "")
    if not (family or given) or not set(values) & _NAME_KEYS:
        return None
    family = f"{{{family}}}" if " " in family and not family.startswith("{") else family  # "{De la Cruz}" whole
    last = " ".join(x for x in (values.get("prefix", ""), family) if x)
    if not given:
        return last
    return ", ".join(x for x in (last, values.get("suffix", ""), given) if x)


# a lowercase particle of a family name ("van der Berg", "de la Cruz", "dos Santos")
_PARTICLES = frozenset("van von der den de del della di da das dos du la le ten ter zu y e bin ibn al el".split())


def braced_person(raw: str) -> str | None:
    """A person's name the file braced whole, as ``Family, Given`` without its braces: ``{{Luque Calvo, Pedro
    L.}}`` (braced so that BibTeX keeps a double family name whole) is Pedro L. Luque Calvo. A braced name is one
    literal unit to BibTeX, an organisation's (``{World Health Organization}``); it is read as a person only when it
    holds one comma between a family name (name words, particles such as "van" allowed) and a given name (name
    words or initials), shown by an initial ("Pedro L.") or a particle, and is no organisation's name ("{Google,
    Inc.}", "{Microsoft Research, Asia}"). Words alone stay whole: ``{Ana Silva, Rui Costa}`` may be two persons
    given name first as well as one ``Family, Given``, and the braces asked for one unit. None otherwise."""
    inner = raw
    while inner[:1] == "{" and inner[-1:] == "}" and balanced(inner[1:-1]):
        inner = inner[1:-1].strip()
    parts = _top_level_commas(inner)
    if inner != raw and len(parts) == 2 and suffix_last(inner):  # "{Richard D. Methot, Jr.}": a person
        return inner
    if inner == raw or len(parts) != 2 or names_organisation(inner) or any(ch.isdigit() for ch in inner):
        return None
    family = [_ACCENT_MARKS.sub("", w) for w in parts[0].split()]
    given = [_ACCENT_MARKS.sub("", w) for w in parts[1].split()]
    if not family or not given or len(family) > 3 or len(given) > 3:
        return None
    particle = any(w in _PARTICLES for w in family)
    if not all(_NAME_WORD.fullmatch(w) and (w[0].isupper() or w in _PARTICLES) for w in family):
        return None
    if not all(_NAME_WORD.fullmatch(w) and w[0].isupper() for w in given):
        return None
    initial = any(_INITIAL.fullmatch(w) for w in given)
    return inner if initial or particle else None


# a title written wholly inside one pair of quotation marks, as a citation style quotes it ('"Definition - What does
# BI mean?"'): the marks are the style's, not the title's; a title that only starts with a quotation keeps it
_QUOTED = {'"': '"', "“": "”", "„": "“", "«": "»", "'": "'"}


def unquoted_title(title: str) -> str:
    """``title`` without quotation marks around the whole of it (``"Definition - What does BI mean?"``); a quotation
    that is only part of the title (``"Why Should I Trust You?": Explaining…``) is kept."""
    text = title.strip()
    close = _QUOTED.get(text[:1])
    inner = text[1:-1]
    if close and len(text) > 2 and text[-1] == close and text[0] not in inner and close not in inner:
        return inner.strip()
    return title


def _unbraced(value: str) -> str:
    value = " ".join(value.split())
    return value[1:-1].strip() if value.startswith("{") and value.endswith("}") and balanced(value[1:-1]) else value


def split_name_list(raw: str, *, given_first: bool = False) -> list[str]:
    """``raw`` as several names when it is a comma-separated list of ``Given Family`` names.

    BibTeX separates names with ``and``; a name holds at most two commas (``Family, Jr, Given``). Three or more
    comma-separated parts of two or more words each, none a suffix such as ``Jr.``, are a list written with
    commas ("Keenan Crane, Fernando de Goes, Peter Schröder"): one name each. Two parts are two names when each is a
    person given name first (:func:`_given_first_person`) and one shows it by its initials ("A. Smith, B. Jones",
    "Christos Douligeris, Dimitrios N. Serpanos"); two parts of given and family names alone ("Karen Scarfone,
    Peter Mell") only with ``given_first`` (the file writes its other names so: "Silva Santos, Ana Maria" is a
    double family name in a file of ``Family, Given`` names). Anything else is one name.

    >>> split_name_list("Keenan Crane, Fernando de Goes, Mathieu Desbrun")
    ['Keenan Crane', 'Fernando de Goes', 'Mathieu Desbrun']
    >>> split_name_list("A. Smith, B. Jones"), split_name_list("Karen Scarfone, Peter Mell", given_first=True)
    (['A. Smith', 'B. Jones'], ['Karen Scarfone', 'Peter Mell'])
    >>> split_name_list("Ford, Jr., Henry"), split_name_list("Lovelace, Ada"), split_name_list("Ana Silva, Ana Maria")
    (['Ford, Jr., Henry'], ['Lovelace, Ada'], ['Ana Silva, Ana Maria'])
    """
    parts = _top_level_commas(raw)
    if vancouver := _vancouver_list(parts):
        return vancouver  # "Khan K, Mauro M": Vancouver's "Family INITIALS", one person each
    if len(parts) > 2 and all(family_first(p) and len(p) > 1 for p in parts):
        return parts  # Han names written whole, "贾洪博, 石蕴玉, 刘翔": no one name holds three parts in these scripts
    if len(parts) < 2 or any(len(p.split()) < 2 or p.lower() in _SUFFIXES for p in parts) or extended_name(raw):
        return [raw]
    if len(parts) == 2 and (names_organisation(raw) or not all(_given_first_person(p) for p in parts)):
        return [raw]  # "Google Research, Brain Team": an organisation written with a comma
    if len(parts) == 2 and not given_first and not any(_INITIAL_THEN_NAME.search(p) for p in parts):
        return parts if any(_long_person(p) for p in parts) else [raw]
    return parts


def _long_person(part: str) -> bool:
    """Whether a part of a two-part name is a whole person given name first by its length: three capitalised words
    or more and no particle ("Mokhtar Mohammed Hasan", "Taha Hasan Masood Siddique"), which a family name before
    its comma or a given name after it seldom is ("Silva Santos, Ana Maria" is one person)."""
    words = part.split()
    return len(words) > 2 and all(w[0].isupper() for w in words)


def _vancouver_list(parts: list[str]) -> list[str] | None:
    """Names written in Vancouver's ``Family INITIALS`` ("Khan K", "Leonardi R.", "Land EH"), as BibTeX's
    ``Family, INITIALS``, when every one of ``parts`` (two at least) is written so, one shows it by initials that
    can be nothing else (:func:`~.._names.sure_initials`: "K", "R.", "JJ") and they are not names given first with
    the family name in capitals ("Jun ZHU", :func:`~.._names.written_given_first`); else None."""
    found = [vancouver_parts(p) for p in parts]
    if len(parts) < 2 or not all(found) or written_given_first(parts):
        return None
    if not any(sure_initials(f[1]) for f in found if f):
        return None
    return [", ".join(x for x in (f[0], f[2], f[1]) if x) for f in found if f]


# a name's last word closed by a full stop, as a field closes its list ("Vakunov."), not an initial ("R.")
_CLOSED_WORD = re.compile(r"[^\W\d_][^\W\d_A-Z]+\.")


def _closing_stop(name: str) -> str:
    """A name without the full stop that closes the field after its last word ("Abanoub R. Wadie." is Abanoub R.
    Wadie); "Leonardi R." keeps its initial's, "Ford, Jr." its suffix's, "et al." its own, and a given name
    abbreviated after the comma its abbreviation's ("Arampatzis, Th.", "Renn, Chr.": a short word without a vowel, or
    "Jas."; "Wang, Fei." is Fei Wang).

    >>> _closing_stop("Abanoub R. Wadie."), _closing_stop("Arampatzis, Th."), _closing_stop("Wang, Fei.")
    ('Abanoub R. Wadie', 'Arampatzis, Th.', 'Wang, Fei')
    """
    words = name.split()
    last = words[-1] if words else ""
    if len(words) < 2 or not last[0].isupper() or not _CLOSED_WORD.fullmatch(last) or last.lower() in _SUFFIXES:
        return name
    if "," in name and len(last) <= 5 and "," not in last and _abbreviated(last[:-1]):  # "Th.", "Chr.", "Jas."
        return name
    return name.rstrip()[:-1]


# given names written abbreviated with a vowel in them ("Jas." James, "Thos." Thomas); any other abbreviation has none
_VOWELLED_ABBREVIATIONS = frozenset({"jas", "jos", "geo", "edw", "chas", "thos", "benj"})


def _abbreviated(word: str) -> bool:
    """'Th', 'Chr', 'Wm', 'Jas': a given name's abbreviation, not a short name ('Fei', 'Hui', 'Yi', 'Ada')."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()
    return folded in _VOWELLED_ABBREVIATIONS or not re.search(r"[aeiouy]", folded)


def _entry_given_first(names: list[str]) -> bool:
    """Whether one entry's names show that it writes names given name first: a name of several words without a
    comma ("Andrey Vakunov"), and every name with a comma two persons written given name first ("Fan Zhang,
    Valentin Bazarevsky"), none a ``Family, Given`` name."""
    bare = [n for n in names if "," not in n and len(n.split()) > 1 and _given_first_person(n)]
    commas = [_top_level_commas(n) for n in names if "," in n]
    return bool(bare) and all(len(c) == 2 and all(_given_first_person(p) for p in c) for c in commas)


def _vancouver_entry(names: list[str]) -> list[str]:
    """An entry's names when all of them (two at least) are written in Vancouver's ``Family INITIALS`` without
    commas ("Land EH and McCann JJ"), as BibTeX's ``Family, INITIALS`` (:func:`_vancouver_list`); else as they
    are. One such name alone ("Andrew NG") is left as written."""
    if len(names) < 2 or any("," in n or "{" in n for n in names):
        return names
    return _vancouver_list(names) or names


class SplitNamesWrittenWithCommas(LibraryMiddleware):
    """Author and editor lists written with commas instead of ``and`` (:func:`split_name_list`), read as the file
    writes its other names: ``Given Family`` ("Dorothy Denning") or ``Family, Given`` ("Denning, Dorothy"). Runs
    after the co-authors are separated."""

    def transform(self, library: BibLibrary) -> BibLibrary:
        names = [n for e in library.entries for key in ("author", "editor") for n in _names(e, key)]
        bare = sum(1 for n in names if "," not in n and len(n.split()) > 1)
        given_first = bare > sum(1 for n in names if n.count(",") == 1 and len(n.split(",")[0].split()) == 1)
        for entry in library.entries:
            for fld in entry.fields:
                if fld.key in ("author", "editor") and isinstance(fld.value, list):
                    written = [_closing_stop(n) if isinstance(n, str) else n for n in fld.value]
                    first = given_first or _entry_given_first([n for n in written if isinstance(n, str)])
                    split = [
                        part
                        for name in written
                        for part in (split_name_list(name, given_first=first) if isinstance(name, str) else [name])
                    ]
                    fld.value = _vancouver_entry(split) if all(isinstance(n, str) for n in split) else split
        return library


def _names(entry: Entry, key: str) -> list[str]:
    value = fields_of(entry)[key].value if key in fields_of(entry) else []
    return [n for n in (value if isinstance(value, list) else []) if isinstance(n, str)]


# a word of a person's name given name first, its LaTeX accents left out: an initial ("A.", "J.-P.", "N") or a word
_INITIAL = re.compile(r"[^\W\d_](?:\.|\.?-[^\W\d_]\.?)?")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_INITIAL_THEN_NAME = re.compile(r"(?:^|\s)[^\W\d_]\.(?:-[^\W\d_]\.)?\s+[^\W\d_]{2,}")
_ACCENT_MARKS = re.compile(r"[{}\\\"'`^~]")


def _given_first_person(part: str) -> bool:
    """Whether ``part`` reads as one person written given name first, "Initials Surname" or "Given Surname": name
    words, the first capitalised (no particle first: "van der Berg, Jan" is a family name) and the last a full word,
    not an initial ("Ferreira Santos, J. C.": a given name's initials after the comma)."""
    words = [_ACCENT_MARKS.sub("", w) for w in part.split()]
    if not words:  # nothing before a comma: a wrapped list's line opening with one (", Bo Stone")
        return False
    if not all(_NAME_WORD.fullmatch(w) and w.lower() not in _SUFFIXES for w in words) or not words[0][0].isupper():
        return False
    return words[-1][0].isupper() and not _INITIAL.fullmatch(words[-1]) and not words[-1].endswith(".")


def valid_doi(value: str) -> str | None:
    """The DOI a ``doi`` field holds: the field itself, the DOI inside a URL (``https://doi.org/…``,
    ``http://doi.ieeecomputersociety.org/10.1109/…``) or inside a citation pasted there; None when it holds none."""
    text = normalize_doi(value)
    return text if _WHOLE_DOI.fullmatch(text) else find_doi(value)


def labelled_doi(entry: Entry) -> str | None:
    """The DOI an entry with no ``doi`` field names in its ``note``, ``extra``, ``annote``, ``annotation`` or
    ``howpublished`` after
    the label "DOI" (:func:`~paperlab.identifiers.labelled_doi`; Zotero writes the DOI of an item type without a DOI
    field into its Extra field, which its export writes as the note: ``note = {48 DOI: 10.1002/…}``)."""
    for name in ("note", "extra", "annote", "annotation", "howpublished"):
        fld = fields_of(entry).get(name)
        found = find_labelled_doi(fld.value) if fld is not None and isinstance(fld.value, str) else None
        if found:
            return found
    return None


# what a catalogue writes in place of an abstract it does not have (OSTI: "Abstract not provided.")
_NO_ABSTRACT = re.compile(
    r"\s*(?:no abstract(?: (?:is )?(?:provided|available))?|abstract (?:is )?not (?:provided|available))\.?\s*", re.I
)


def no_abstract(text: str) -> bool:
    """Whether an abstract field only says there is none ("Abstract not provided.", "No abstract available")."""
    return bool(_NO_ABSTRACT.fullmatch(text))


def unescape_html_entities(entry: Entry) -> dict[str, Any]:
    """Decode, in place and once, the HTML character references in ``entry``'s fields (the ACM Digital Library
    writes ``Q&amp;A`` and ``caf&eacute;`` in titles, abstracts and venues); the values as written, by field
    name, of the fields that changed."""
    raw: dict[str, Any] = {}
    for fld in entry.fields:
        latex = fld.key.lower() not in VERBATIM_FIELDS
        if isinstance(fld.value, str) and "&" in fld.value:
            value: Any = html_entities(fld.value, latex)
        elif isinstance(fld.value, list) and all(isinstance(v, str) for v in fld.value):
            value = [html_entities(v, latex) for v in fld.value]
        else:
            continue
        if value != fld.value:
            raw[fld.key.lower()], fld.value = fld.value, value
    return raw


def _key(entry: Entry) -> str:
    return entry.key.strip().lower()


def _parent_key(entry: Entry) -> str | None:
    fld = fields_of(entry).get("crossref")
    value = fld.value if fld is not None else None
    return value.strip().lower() if isinstance(value, str) and value.strip() else None


def missing_parent(entry: Entry, library: BibLibrary) -> str | None:
    """The ``crossref`` key of ``entry`` when no entry of ``library`` has it, else None."""
    parent = _parent_key(entry)
    if parent is None:
        return None
    return None if any(_key(e) == parent for e in library.entries) else str(fields_of(entry)["crossref"].value)


def crossref_hint(entry: Entry, library: BibLibrary) -> str:
    """What a skipped entry's missing ``crossref`` parent means for it ("" if it has none missing)."""
    parent = missing_parent(entry, library)
    return f" (its crossref {parent!r} is not in this file, so nothing was inherited from it)" if parent else ""


_DECLARED = re.compile(rb"^%\s*Encoding:\s*([\w.:-]+)", re.M)  # JabRef's "% Encoding: Cp1252" header


def _declared_codec(data: bytes) -> str | None:
    m = _DECLARED.search(data[:400])
    if m is None:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii").lower().removeprefix("x-")).name
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_bib(data: bytes) -> str:
    """The text of a ``.bib`` file: UTF-16 after a byte-order mark, the encoding a JabRef ``% Encoding:`` header
    declares (unless its bytes are UTF-8 holding letters beyond ASCII: a single-byte text seldom is), else UTF-8, else Windows-1252 (Latin-1 with curly quotes and dashes, what Windows editors and old
    JabRef wrote), else Latin-1."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    declared = _declared_codec(data)
    if declared and declared != "utf-8" and not data.isascii() and _is_utf8(data):
        declared = None  # "% Encoding: Cp1252" over UTF-8 text (a file saved again by another editor): UTF-8 it is
    for codec in (declared, "utf-8-sig", "cp1252"):
        if codec:
            try:
                return data.decode("utf-8-sig" if codec == "utf-8" else codec)
            except UnicodeDecodeError:
                continue
    return data.decode("latin-1")
