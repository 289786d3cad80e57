"""The papers a markdown file names outside the layout its reader read (:func:`paperlab.load`'s cross-check by the
generic paper finder): those the reader's papers do not hold, in no section where it skipped a record."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from ..errors import warn_partial
from ..paper import Paper
from ..text import plural

__all__ = ["papers_outside_the_layout"]


def papers_outside_the_layout(
    path: Path, text: str, layout: list[Paper], fmt: str, skipped: set[str], found: list[Paper]
) -> list[Paper]:
    """The papers a file names by an id or address outside its layout (an intro's "Our earlier note, [Title](…)"),
    of those the finder ``found`` beside the layout, that its layout reader's ``layout`` papers do not hold and
    that are in no section where the reader ``skipped`` a record and reported it (line numbers); a note says which
    were added. Beside a note on one paper, a paper it names in passing (titled by its id) is also kept in that
    paper's ``extra["related"]``, as :meth:`paperlab.Session.from_file` keeps it."""
    _take_ids(layout, found)
    section = _sections(text)
    bad = {_section_of(section, w) for w in skipped if re.fullmatch(r"line \d+", w)}
    ids = {i for p in layout for i in (p.arxiv_id, p.doi and p.doi.lower(), p.url) if i}
    titles = {p.title.casefold() for p in layout}
    added = [
        p
        for p in found
        if p.title.casefold() not in titles
        and not {p.arxiv_id, p.doi and p.doi.lower(), p.url} & ids
        and _section_of(section, p.sources[0].record or "") not in bad
    ]
    for p in added if len(layout) == 1 else []:
        if p.title in (f"arXiv:{p.arxiv_id}", f"doi:{p.doi}"):  # named in passing: no text near it titles it
            layout[0].extra.setdefault("related", []).append(p.title)
    if added:
        named = "; ".join(f"{p.sources[0].record}: {p.title}" for p in added[:5])
        more = f" (+{len(added) - 5} more)" if len(added) > 5 else ""
        warn_partial(
            UserWarning(
                f"{path}: the {fmt} reader read {plural(len(layout), 'paper')}; the generic paper finder added "
                f"{len(added)} it names outside that layout: {named}{more}"
            )
        )
    return added


def _take_ids(layout: list[Paper], found: list[Paper]) -> None:
    """A layout paper its reader left without an arXiv id or DOI takes the one the finder read under the same title
    on the same line (a bold-title list's "— Authors (2017) · *arXiv:1611.08097*"), in place."""
    named = {(p.title.casefold(), p.sources[0].record): p for p in found if (p.arxiv_id or p.doi) and p.sources}
    for i, paper in enumerate(layout):
        hit = named.get((paper.title.casefold(), paper.sources[0].record)) if paper.sources else None
        if hit is not None and not (paper.arxiv_id or paper.doi):
            layout[i] = dataclasses.replace(paper, arxiv_id=hit.arxiv_id, doi=hit.doi, id="")


def _sections(text: str) -> list[int]:
    """For each line of ``text``, the index of the markdown heading (``#`` to ``######``, in a quote or not) it
    is under; -1 above the first."""
    out, current = [], -1
    for i, line in enumerate(text.splitlines()):
        if re.match(r"^\s{0,3}(?:>\s*)*#{1,6}\s", line):
            current = i
        out.append(current)
    return out or [-1]


def _section_of(sections: list[int], where: str) -> int:
    """The section (see :func:`_sections`) of a record read or skipped at ``where`` ("line 12")."""
    number = re.search(r"\d+", where)
    return sections[min(max(int(number.group(0)) - 1, 0), len(sections) - 1)] if number else -2
