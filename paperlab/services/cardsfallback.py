"""The static form of paper cards (``text/html`` and ``text/markdown``): what a notebook shows where the cards widget
cannot run (nbconvert, GitHub), and what stays readable in a saved notebook. Every paper text escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from ..paper import Paper
from ..paper_render import presented_text
from ..text import md_escape, md_link_text, plural
from ..urls import html_link, md_url

__all__ = ["static_fallback", "view_summary", "why_notes"]

_SORT_WORDS = {"date": "newest first", "upvotes": "most upvoted first"}


def view_summary(view: Any, default_count: int, search: str) -> tuple[int, list[str]]:
    """How many papers the cards' view (the ``view`` trait) matches, and the words saying how it was made: the
    typed filter, ``search`` (the kernel search shown, in words), the sort."""
    view = view if isinstance(view, dict) else {}
    shown = view.get("shown")
    count = shown if isinstance(shown, int) and shown >= 0 else default_count
    text = view.get("filter")
    sort = view.get("sort")
    how = [f"filter “{text.strip()}”" if isinstance(text, str) and text.strip() else "", search]
    how.append(_SORT_WORDS.get(sort, "") if isinstance(sort, str) else "")
    return count, [w for w in how if w]


def static_fallback(
    papers: Sequence[Paper],
    count: int,
    how: Sequence[str],
    total: int,
    label: str = "",
    notes: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """``text/html`` and ``text/markdown`` of the cards shown: a head line ("12 of 325 papers ·
    filter “video” · newest first"), then one card per paper with its line of ``notes`` (why a feed
    shows it, its thumb); every paper text escaped."""
    notes = notes or {}
    noun = plural(total, "paper", number=False)
    head = f"{count} of {total} {noun}" if count != total else f"{total} {noun}"
    words = [w for w in (label, *how) if w]
    more = count - len(papers)
    number = f"{count} of {total}" if count != total else f"{total}"
    html_head = f"<div><b>{number}</b> {noun}{''.join(' · ' + html.escape(w) for w in words)}</div>"
    html_more = f"<div>… and {more} more</div>" if more > 0 else ""
    md_lines = [f"**{md_escape(head)}**" + "".join(" · " + md_escape(w) for w in words), ""]
    for k, p in enumerate(papers, 1):
        url = md_url(p.abs_url)
        title = md_link_text(p.title_text or p.title)
        facts = [x for x in (p.byline(), *_facts(p)) if x]
        line = f"[{title}]({url})" if url else title
        md_lines.append(f"{k}. {line}" + (f" — {md_escape(' · '.join(facts))}" if facts else ""))
        if notes.get(p.id):
            md_lines.append(f"   {md_escape(notes[p.id])}")
    if more > 0:
        md_lines.append(f"\n… and {more} more")
    return {
        "text/html": html_head + "".join(_compact_html(p, notes.get(p.id, "")) for p in papers) + html_more,
        "text/markdown": "\n".join(md_lines) + "\n",
    }


def why_notes(why: Mapping[str, Mapping[str, object]]) -> dict[str, str]:
    """The static fallback's line under each explained search hit, by id: "Matched: " and its best sentence (its
    matched terms when no sentence was found), then " · related: " and its related terms when it has some; hits with
    none of these get no line."""
    notes = {}
    for pid, reason in why.items():
        sentence = str(reason.get("sentence") or "").strip()
        terms = reason.get("terms") or []
        text = sentence or (", ".join(map(str, terms)) if isinstance(terms, (list, tuple)) else "")
        related = reason.get("related") or []
        also = ", ".join(map(str, related)) if isinstance(related, (list, tuple)) else ""
        line = " · ".join(x for x in (f"Matched: {text}" if text else "", f"related: {also}" if also else "") if x)
        if line:
            notes[pid] = line
    return notes


def _facts(paper: Paper) -> list[str]:
    """date · venue · who presented it when · ▲ upvotes · ★ stars, the ones known."""
    stats = [f"▲ {paper.upvotes}"] if paper.upvotes is not None else []
    stats += [f"★ {paper.github_stars}"] if paper.github_stars is not None else []
    return [x for x in (paper.date_text, paper.venue, presented_text(paper.extra), *stats) if x]


def _compact_html(paper: Paper, note: str = "") -> str:
    """One short card of the static fallback: title link, authors, date · venue · upvotes · stars, and
    its note (why a feed shows it, its thumb), all escaped."""
    title = html_link(paper.abs_url, html.escape(paper.title_text or paper.title))
    lines = [f'<div style="font-weight:600">{title}</div>']
    lines += [f"<div>{html.escape(x)}</div>" for x in (paper.byline(), " · ".join(_facts(paper)), note) if x]
    box = "border:1px solid var(--jp-border-color2,#ddd);border-radius:4px;padding:4px 10px;margin:4px 0"
    return f'<div class="paperlab-card" style="{box}">{"".join(lines)}</div>'
