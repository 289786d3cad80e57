"""The README of a digest, in the layout of zezhishao/DailyArXiv."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..errors import ImportProblem
from ..library import Library
from ..paper import Paper
from ..text import md_escape, md_link_text
from ..urls import md_url
from ._match import shown_date
from .config import DigestConfig

__all__ = ["INTRO", "render"]

INTRO = (
    "Papers from arXiv whose title or abstract contains each keyword (newest first){hf}, "
    "collected by paperlab.\n\n"
    "Each `##` heading is a search keyword; a paper matching several keywords is listed under each."
)


def _section_tables(name: str, papers: list[Paper], last_update: dt.date, note: str | None) -> str:
    from ..sources.dailyarxiv import to_dailyarxiv_markdown

    text = to_dailyarxiv_markdown(papers, last_update=last_update, sections={name: [p.id for p in papers]})
    table = text.split("\n", 4)[4]  # drop "# title", "", "Last update: ...", ""
    if note:
        heading, rest = table.split("\n", 1)
        table = f"{heading}\n{note}\n\n{rest}"
    return table


def _intro(config: DigestConfig) -> str:
    hf = " and Hugging Face Daily Papers with the keyword in the title or abstract" if "hf" in config.sources else ""
    intro = INTRO.format(hf=hf)
    if config.hf_section and "hf" in config.sources:
        intro += (
            f' The section "{md_escape(config.hf_section)}" lists every Hugging Face daily paper of the '
            "period, most upvoted first."
        )
    return intro


def _new_line(paper: Paper, keywords: list[str]) -> str:
    url = md_url(paper.abs_url)
    bits = [f"[{md_link_text(paper.title)}]({url})" if url else md_escape(paper.title)]
    date = shown_date(paper)
    if date:
        bits.append(date.isoformat())
    if paper.upvotes is not None:
        bits.append(f"▲ {paper.upvotes}")
    bits.append(", ".join(md_escape(k) for k in keywords))
    return "- " + " · ".join(bits)


def _new_block(
    library: Library, sections: Mapping[str, list[str]], new: list[str], baseline: Mapping[str, Any] | None
) -> list[str]:
    """The "New since the last digest" block."""
    if baseline is None:
        return [
            "### New since the last digest",
            "",
            f"First digest: no earlier digest to compare with; all {len(new)} papers are new.",
            "",
        ]
    out = [f"### New since the last digest ({baseline['date']})", ""]
    if not new:
        out.append("No new papers.")
    for pid in new:
        out.append(_new_line(library[pid], [k for k in sections if pid in sections[k]]))
    out.append("")
    return out


def render(
    config: DigestConfig,
    last_update: dt.date,
    library: Library,
    sections: Mapping[str, list[str]],
    notes: Mapping[str, str],
    new: list[str],
    baseline: Mapping[str, Any] | None,
    stateful: bool,
    problems: list[ImportProblem],
) -> str:
    """The README text: heading, intro, what is new (with a state file), the report of a partial digest,
    then one DailyArXiv table per section."""
    out = [f"# {md_escape(config.title)}", _intro(config), "", f"Last update: {last_update.isoformat()}", ""]
    if stateful:
        out += _new_block(library, sections, new, baseline)
    if problems:
        out += ["### Report", "", f"This digest is partial: {len(problems)} problem(s).", ""]
        out += [f"- {md_escape(str(p))}" for p in problems]
        out.append("")
    for name, ids in sections.items():
        out.append(_section_tables(name, [library[i] for i in ids], last_update, notes.get(name)))
    return "\n".join(out).rstrip("\n") + "\n"
