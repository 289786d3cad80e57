"""A reading list as the side panel shows it, for a notebook: ``%readinglist`` and ``ReadingList`` snapshots.

One row per paper (status, title, first author, year) with its tags, note and who added it, as HTML (colours
from JupyterLab's theme variables, so light and dark themes both read well, with fallbacks for static viewers)
and as short markdown for exports. It is a snapshot taken when shown: a saved notebook keeps what the list held.
Every user text (titles, authors, tags, notes, names) is escaped for the renderer it lands in.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..names import first_author
from ..store.entries import STATUS_LABELS
from ..text import NO_MATH_CLASS, md_escape, plural, shown_text
from ..urls import html_link

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from ..library import Library
    from ..store.entries import ListEntry

__all__ = ["STATUS_LABELS", "ReadingListView", "contributors", "note_html", "provenance"]

# status dot colours: JupyterLab's own warn/success colours, readable fallbacks outside JupyterLab
_DOT = {
    "to-read": "border:1.5px solid var(--jp-ui-font-color2,#757575);background:transparent",
    "reading": "background:var(--jp-warn-color1,#f57c00)",
    "read": "background:var(--jp-success-color1,#388e3c)",
}
_HEX_ID = re.compile(r"[0-9a-f]{24,}", re.I)
_MD_BOX = {"to-read": "[ ]", "reading": "[~]", "read": "[x]"}
_TEXT = "color:var(--jp-ui-font-color1,#212121)"
_DIM = "color:var(--jp-ui-font-color1,#424242);font-size:var(--jp-ui-font-size0,11px)"
_CHIP = (
    "display:inline-block;border:1px solid var(--jp-border-color1,#bdbdbd);border-radius:8px;padding:0 6px;"
    "margin-right:4px;background:var(--jp-layout-color2,#eee);color:var(--jp-ui-font-color1,#212121)"
)


def _e(text: str) -> str:
    return html.escape(shown_text(text))


@dataclass
class ReadingListView:
    """A snapshot of a reading list, shown like the side panel's list (HTML, markdown, text).

    Parameters
    ----------
    name : str
        The list's name.
    entries : list of ListEntry
        Its entries, in the list's order.
    """

    name: str
    entries: list[ListEntry] = field(default_factory=list)

    def __repr__(self) -> str:
        counts = self.counts()
        shown = ", ".join(f"{n} {STATUS_LABELS[s].lower()}" for s, n in counts.items() if n)
        return f"ReadingListView({self.name!r}: {plural(len(self.entries), 'paper')}{'; ' + shown if shown else ''})"

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def ids(self) -> list[str]:
        """The papers' ids, in the list's order."""
        return [e.paper.id for e in self.entries]

    def counts(self) -> dict[str, int]:
        """How many entries have each status."""
        counts = dict.fromkeys(STATUS_LABELS, 0)
        for e in self.entries:
            counts[e.status] = counts.get(e.status, 0) + 1
        return counts

    def to_library(self) -> Library:
        """The papers as a :class:`~paperlab.library.Library` (for search, cards or tables)."""
        from ..library import Library

        return Library([e.paper for e in self.entries], name=f"reading list {self.name}")

    # -- renderings ---------------------------------------------------------------------------------------
    def _repr_html_(self) -> str:
        counts = " · ".join(f"{STATUS_LABELS[s]} {n}" for s, n in self.counts().items())
        head = (
            f'<div style="font-weight:600;{_TEXT}">Reading list “{_e(self.name)}”'
            f' <span style="font-weight:400;{_DIM}">{plural(len(self.entries), "paper")} · {counts}</span></div>'
        )
        if not self.entries:
            target = "" if self.name == "default" else repr(self.name)
            hint = _e(f'paperlab.reading_list({target}).add("2503.14895")')
            body = f'<div style="{_DIM}">No papers yet: <code>{hint}</code></div>'
        else:
            team = len(contributors(self.entries)) > 1  # "added by" only tells something in a shared list
            rows = "".join(_row_html(e, show_who=team) for e in self.entries)
            body = f'<ol style="list-style:none;margin:4px 0 0;padding:0">{rows}</ol>'
        return f'<div class="paperlab-readinglist {NO_MATH_CLASS}" style="font-family:var(--jp-ui-font-family,sans-serif)">{head}{body}</div>'

    def _repr_markdown_(self) -> str:
        lines = [f"**Reading list “{md_escape(self.name)}”** — {plural(len(self.entries), 'paper')}", ""]
        for e in self.entries:
            year = e.paper.year
            meta = ", ".join(
                x for x in (md_escape(first_author(e.paper.authors, e.paper.extra)), str(year) if year else "") if x
            )
            tags = " · tags: " + ", ".join(md_escape(t) for t in e.tags) if e.tags else ""
            lines.append(
                f"- {_MD_BOX.get(e.status, '[ ]')} **{md_escape(e.paper.shown_title)}**"
                f"{' — ' + meta if meta else ''} · {STATUS_LABELS.get(e.status, e.status)}{tags}"
            )
            if e.note:
                lines.append(f"  *{md_escape(e.note)}*")
        return "\n".join(lines) + "\n"


def contributors(entries: Sequence[ListEntry]) -> set[str]:
    """Everyone the store recorded as adding or changing one of ``entries``."""
    names = {getattr(e, "added_by", None) for e in entries} | {getattr(e, "updated_by", None) for e in entries}
    return {n for n in names if n}


def note_html(note: str) -> str:
    """A note as the markdown its author typed, rendered safely: raw HTML is escaped (never markup), images are
    not loaded, links only with safe schemes (markdown-it's check); a ``$`` stays text (the list's container
    carries MathJax's ignore classes)."""
    rendered = _note_markdown().render(shown_text(note)).strip()
    # the note keeps its line breaks (pre-wrap, as typed in the panel): none between the blocks markdown made
    return re.sub(r">\n+<", "><", rendered).replace("<p>", '<p style="margin:0">')


@functools.cache
def _note_markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable("image")


def _row_html(e: ListEntry, show_who: bool = True) -> str:
    status = e.status if e.status in STATUS_LABELS else "to-read"
    label = STATUS_LABELS[status]
    dot = (
        f'<span title="{label}" aria-label="{label}" role="img" style="display:inline-block;width:8px;height:8px;'
        f'border-radius:50%;box-sizing:border-box;margin-right:6px;{_DOT[status]}"></span>'
    )
    title = html_link(e.paper.abs_url, _e(e.paper.shown_title))
    year = e.paper.year
    meta = " · ".join(
        x for x in (_e(first_author(e.paper.authors, e.paper.extra)), str(year) if year else "", label) if x
    )
    parts = [
        f'<div style="display:flex;align-items:baseline;gap:6px;{_TEXT}">{dot}'
        f'<span style="flex:1;font-weight:500">{title}</span><span style="{_DIM}">{meta}</span></div>'
    ]
    if e.tags:
        parts.append("<div>" + "".join(f'<span style="{_CHIP};{_DIM}">{_e(t)}</span>' for t in e.tags) + "</div>")
    if e.note:
        parts.append(f'<div class="paperlab-note" style="white-space:pre-wrap;{_TEXT}">{note_html(e.note)}</div>')
    who = provenance(e) if show_who else ""
    if who:
        parts.append(f'<div style="{_DIM}">{_e(who)}</div>')
    return (
        f'<li class="paperlab-readinglist-entry" data-status="{status}" style="padding:3px 0 3px 0;'
        f'border-bottom:1px solid var(--jp-border-color3,#eee)">{"".join(parts)}</li>'
    )


def _who(name: str) -> str:
    """A user's name; never a hash: older servers recorded an anonymous Jupyter user as its random hex id."""
    return "an anonymous Jupyter user" if _HEX_ID.fullmatch(name) else name


def provenance(e: ListEntry) -> str:
    """Who added and who last changed an entry, for display: "Added by ada · changed by bob" ("" when the store
    did not record it). The one place this is worded: ``%readinglist`` shows it, and the server sends it to the
    panel as the entry's ``provenance``."""
    added_by = getattr(e, "added_by", None)
    updated_by = getattr(e, "updated_by", None)
    parts = [f"Added by {_who(added_by)}"] if added_by else []
    if updated_by and updated_by != added_by:
        parts.append(f"changed by {_who(updated_by)}")
    return " · ".join(parts)
