"""``crossref`` and ``xdata`` inheritance, as biber resolves them.

An entry with ``crossref = {parent}`` takes the fields it lacks from the parent entry in the same file: an
``@inproceedings`` gets its ``booktitle`` from its ``@proceedings``' ``title`` (and ``booksubtitle`` from
``subtitle``), an ``@incollection``/``@inbook`` likewise from its ``@collection``/``@book``, an ``@article``
its ``journaltitle`` from a ``@periodical``, a part of a multi-volume work its ``maintitle``; every other field
(``year``, ``publisher``, ``editor``, ``address``, ...) keeps its name. The entry's own fields always win, and
``ids``, ``crossref``, ``xref``, ``entryset``, ``shorthand``, ``sortkey``... and the short/sort/index titles are not
inherited (biblatex's default data inheritance). Unlike biber, what names the parent record itself stays its own:
its DOI, URL and eprint (a proceedings volume's DOI would make all its papers one work), abstract, keywords, notes,
files and DBLP's record data. A parent that is itself a child is resolved first.

A parent that is a work of its own (a ``@book`` whose chapters are cited, an ``@article``) stays a paper. A volume
that only holds papers (``@proceedings``, ``@collection``, ``@periodical``, ``@reference`` and their multi-volume
forms) that holds nothing of its own (no DOI, link, abstract, note, keywords or file: :data:`_OWN_RECORD`) is no
paper when a child names it by ``crossref``, or, as DBLP writes them with the ``crossref`` cut, when a child's
``booktitle`` opens its title: its papers are the children, which carry its title as their venue. A volume with a
record of its own (its DOI, a reader's note) stays a paper, as a library import is like ``\nocite{*}``. ``@xdata`` entries (biblatex's data containers,
``xdata = {a, b}``) lend every field under its own name and are never papers.
"""

from __future__ import annotations

import re

from bibtexparser.library import Library as BibLibrary
from bibtexparser.model import Entry, Field

from .blocks import fields_of

__all__ = ["inherit"]

_NEVER = frozenset(
    "ids crossref xref xdata entryset entrysubtype execute label options presort related relatedoptions "
    "relatedstring relatedtype shorthand shorthandintro sortkey paperlab-tags paperlab-presenters paperlab-meeting "
    "paperlab-meeting-date".split()
)
# What names the parent record itself, not its children (unlike biber, which copies them too): its identifiers
# (a proceedings volume's DOI would make every paper in it one work), links, files and notes, DBLP's record data
_RECORD_OWN = frozenset(
    "doi url urldate eprint eprinttype eprintclass archiveprefix primaryclass file abstract keywords note annotation "
    "annote biburl bibsource timestamp ee pdf".split()
)
_TITLE_COPIES = ("shorttitle", "sorttitle", "indextitle", "indexsorttitle")
# (parent types, child types, prefix its title, subtitle and titleaddon take in the child)
_TITLE_RULES: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (frozenset({"mvbook"}), frozenset({"book", "inbook", "bookinbook", "suppbook"}), "main"),
    (
        frozenset({"mvcollection", "mvreference"}),
        frozenset({"collection", "reference", "incollection", "inreference", "suppcollection"}),
        "main",
    ),
    (frozenset({"mvproceedings"}), frozenset({"proceedings", "inproceedings"}), "main"),
    (frozenset({"book"}), frozenset({"inbook", "bookinbook", "suppbook"}), "book"),
    (frozenset({"collection", "reference"}), frozenset({"incollection", "inreference", "suppcollection"}), "book"),
    (frozenset({"proceedings"}), frozenset({"inproceedings"}), "book"),
    (frozenset({"periodical"}), frozenset({"article", "suppperiodical"}), "journal"),
)


def _targets(name: str, parent: str, child: str) -> tuple[str, ...]:
    """The child's fields a parent's field ``name`` fills (none, its own name, or the title's mapped name)."""
    if name in _NEVER or name in _RECORD_OWN:
        return ()
    prefix = next((p for parents, children, p in _TITLE_RULES if parent in parents and child in children), None)
    if prefix is None:
        return (name,)
    if name in ("title", "subtitle", "titleaddon"):
        return (prefix + name,)
    if name in _TITLE_COPIES:
        return ()
    if name == "author" and prefix == "book" and parent in ("book", "mvbook"):
        return ("author", "bookauthor")
    return (name,)


def _key(value: object) -> str:
    return value.strip().lower() if isinstance(value, str) else ""


def _refs(entry: Entry, name: str) -> list[str]:
    fld = fields_of(entry).get(name)
    return [k for k in (_key(v) for v in str(fld.value).split(",")) if k] if fld is not None else []


# entry types that hold papers rather than being one (biblatex's "mv" forms are multi-volume ones)
_VOLUME_TYPES = frozenset(
    ("proceedings", "mvproceedings", "collection", "mvcollection", "periodical", "reference", "mvreference")
)


# fields that make a volume a record of its own, kept as a paper: what names it (a DOI, a page, an eprint) and what
# its reader wrote of it (an abstract, notes, keywords, a file)
_OWN_RECORD = frozenset(("doi", "url", "eprint", "abstract", "note", "annotation", "annote", "file", "keywords"))


class _Resolver:
    def __init__(self, library: BibLibrary) -> None:
        self.by_key: dict[str, Entry] = {}
        for entry in library.entries:
            self.by_key.setdefault(_key(entry.key), entry)
        self.done: set[str] = set()
        self.inherited: dict[str, dict[str, str]] = {}

    def resolve(self, entry: Entry, active: frozenset[str] = frozenset()) -> None:
        """Give ``entry`` its parents' fields (theirs resolved first; a loop is cut where it closes)."""
        key = _key(entry.key)
        if key in self.done or key in active:
            return
        active = active | {key}
        for kind, parent_key in [("xdata", k) for k in _refs(entry, "xdata")] + [
            ("crossref", k) for k in _refs(entry, "crossref")[:1]
        ]:
            parent = self.by_key.get(parent_key)
            if parent is None or parent is entry:
                continue
            self.resolve(parent, active)
            self._copy(entry, parent, kind == "xdata")
        self.done.add(key)

    def _copy(self, entry: Entry, parent: Entry, same_names: bool) -> None:
        child_type, parent_type = entry.entry_type.lower(), parent.entry_type.lower()
        for fld in sorted(parent.fields, key=lambda f: f.key.lower()):  # biber goes through fields sorted
            name = fld.key.lower()
            targets = ((name,) if name not in _NEVER else ()) if same_names else _targets(name, parent_type, child_type)
            # @xdata is data meant for sharing: it lends every field but the never-inherited ones
            for target in targets:
                if target not in {f.key.lower() for f in entry.fields}:
                    entry.set_field(Field(target, fld.value))
                    self.inherited.setdefault(entry.key, {})[target] = parent.key


def inherit(library: BibLibrary) -> tuple[dict[str, dict[str, str]], set[str]]:
    """Resolve every ``crossref`` and ``xdata`` of ``library`` in place.

    Returns
    -------
    tuple
        For each entry that inherited, ``{field: parent key}``; and the keys of the entries that are not papers
        of their own: the ``@xdata`` entries, and the volumes that only hold their children (a ``@proceedings``,
        ``@collection``, ``@periodical`` or ``@reference`` a ``crossref`` names: its papers are the children, which
        inherit its title as their ``booktitle``; a ``@book`` parent of chapters is a work of its own and stays).
    """
    resolver = _Resolver(library)
    for entry in library.entries:
        resolver.resolve(entry)
    lending = {entry.key for entry in library.entries if entry.entry_type.lower() == "xdata"}
    named = {k for entry in library.entries for k in _refs(entry, "crossref")[:1]}
    held = [t for e in library.entries if (t := _plain(e, "booktitle"))]  # DBLP's children whose crossref was cut
    volumes = {
        e.key
        for e in library.entries
        if e.entry_type.lower() in _VOLUME_TYPES
        and not _OWN_RECORD & {f.key.lower() for f in e.fields}
        and (_key(e.key) in named or ((title := _plain(e, "title")) and any(title.startswith(t) for t in held)))
    }
    return resolver.inherited, lending | volumes


def _plain(entry: Entry, name: str) -> str:
    """A field's words, lowercase, without braces: how a child's ``booktitle`` and its volume's ``title`` compare."""
    fld = fields_of(entry).get(name)
    return " ".join(re.sub(r"[{}]", "", str(fld.value)).lower().split()) if fld is not None else ""
