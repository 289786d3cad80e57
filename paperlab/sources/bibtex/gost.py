"""References written in GOST 7.1 style (the Russian bibliographic standard) inside a BibTeX entry with no author.

Russian LaTeX templates often hold a whole GOST reference in ``title`` and ``note`` of a ``@misc`` entry::

    title = "Сидоренко, А.В. Использование беспроводных сенсорных сетей ...",
    note  = "/ А. В. Сидоренко, К. С. Мулярчик // Доклады БГУИР. - 2015. - № 7 (93). - С. 77 - 82."

GOST 7.1 writes: the heading (the first author, ``Family, I.O.``), the title, a general material designation in
brackets (``[Электронный ресурс]``, "electronic resource"), ``/`` the statement of responsibility (every author,
``I. O. Family``), ``//`` the source (journal or site), then areas separated by ``. —`` (year, issue, pages, the
date of an online item ``21.08.2015``). :func:`gost_reading` moves those parts where a paper keeps them.
"""

from __future__ import annotations

import datetime as dt
import re

from bibtexparser.model import Entry

from ...paper import Paper
from .blocks import fields_of

__all__ = ["gost_reading"]

# the heading: a family name, a comma, initials with full stops, then the title ("Сидоренко, А.В. Использование")
_HEADING = re.compile(r"(?P<family>[^\W\d_][\w'’-]+),\s*(?P<initials>(?:[^\W\d_]\.\s*){1,3})\s*(?P<title>\S.*)", re.S)
# a general material designation closing the title or standing in it
_MATERIAL = re.compile(r"\s*\[(?:Электронный ресурс|Текст|Electronic resource|Text|Online|Электронное издание)\]", re.I)
# a person of the statement of responsibility, initials first ("А. В. Сидоренко", "K.S. Mulyarchik")
_PERSON = re.compile(r"(?:[^\W\d_]\.\s*){1,3}[^\W\d_][\w'’-]+")
_AREA = re.compile(r"\.?\s+[—–-]\s+")  # GOST's area separator ". — " (hyphens and dashes alike)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
# what kind of source it is, written after its name ("Network World. Интернет-журн."): no part of the name
_DESIGNATION = re.compile(r"\.\s*(?:Интернет-журн|Электрон\.?\s*журн|Online journal|Internet journal)\.?\s*$", re.I)
# the day an online source was read, no date of the work: "(дата обращения: 02.02.2017)", "(accessed 02.02.2017)"
_ACCESSED = re.compile(r"\((?:дата обращения|accessed|date accessed)[^)]*\)|Режим доступа:.*", re.I)
_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")


def gost_reading(paper: Paper, entry: Entry) -> Paper:
    """``paper`` with the parts of a GOST reference its entry wrote in ``title`` and ``note`` read: the heading's
    author out of the title, the material designation dropped (from any entry's title), the authors of the statement of responsibility
    (``/ …``), the source after ``//`` as the journal, its year or day as the date when the entry gives none.
    An entry that names an author or editor, or whose title and note hold no GOST part, is left as read."""
    paper.title = _MATERIAL.sub("", paper.title).strip() or paper.title  # "[Электронный ресурс]": no title words
    if paper.authors or "author" in fields_of(entry) or "editor" in fields_of(entry):
        return paper
    note = paper.comment or ""
    heading = _HEADING.fullmatch(paper.title)
    responsibility, source = _note_parts(note)
    if not (heading or responsibility or source):
        return paper
    if heading:
        paper.title = heading.group("title").strip()
        paper.authors = [f"{' '.join(heading.group('initials').split())} {heading.group('family')}"]
    people = [" ".join(p.split()) for p in responsibility.split(",")] if responsibility else []
    if people and all(_PERSON.fullmatch(p) for p in people):
        paper.authors = people
    if source:
        _read_source(paper, source)
    return paper


def _note_parts(note: str) -> tuple[str, str]:
    """The statement of responsibility (after a leading ``/``) and the source (after ``//``) of a GOST note."""
    text = " ".join(note.split())
    if not text.startswith("/"):
        return "", ""
    before, _, source = text.partition("//")
    return before.strip(" /"), source.strip()


def _read_source(paper: Paper, source: str) -> None:
    """The source area: its first part the journal or site (when the paper has none), a day ("21.08.2015") or a
    year of the other parts its date (when the paper has none), at that precision."""
    areas = [a.strip() for a in _AREA.split(source) if a.strip()]
    if not areas:
        return
    name = _DESIGNATION.sub("", areas[0]).rstrip(".").strip()
    if paper.journal_ref is None and name and not _YEAR.fullmatch(name):
        paper.journal_ref = name
    if paper.published is not None:
        return
    for area in (_ACCESSED.sub("", a) for a in areas[1:]):
        if day := _DAY.search(area):
            year = int(day.group(3)) + (2000 if len(day.group(3)) == 2 else 0)
            try:
                paper.published = dt.date(year, int(day.group(2)), int(day.group(1)))
            except ValueError:
                continue
            return
        if year_found := _YEAR.fullmatch(area.rstrip(".")):
            paper.published = dt.date(int(year_found.group(0)), 1, 1)
            paper.extra["date_precision"] = "year"
            return
