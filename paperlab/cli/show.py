"""``paperlab show ID``: one paper's details, found by the id ``paperlab search`` / ``paperlab list`` print (an
arXiv id, a DOI, or paperlab's own ``title:…`` id for a paper with neither), or by a BibTeX citation key."""

from __future__ import annotations

import argparse
import json
import shutil
import textwrap

from ..errors import UsageError
from ..identity import citation_keys
from ..paper import Paper
from ..schema import source_label
from .search import open_corpus

__all__ = ["add_show", "cmd_show", "paper_lines"]


def paper_lines(p: Paper, width: int = 100) -> list[str]:
    """The paper as terminal lines: title, then one ``label: value`` line per known field, then the abstract."""
    date = (p.date_text or "") + ("?" if p.published and p.date_inferred else "")
    authors = ", ".join(p.authors) if p.authors else p.byline()  # an edited volume: "A, B (eds.)"
    fields = [
        ("id", p.id),
        ("arXiv", p.arxiv_id),
        ("DOI", p.doi),
        ("date", date),
        ("authors", authors),
        ("venue", p.venue),
        ("key", ", ".join(citation_keys(p))),  # BibTeX citation keys: `paperlab show KEY` finds the paper too
        ("url", p.abs_url),
        ("code", p.code_url),
        ("sources", ", ".join(dict.fromkeys(source_label(s.name) for s in p.sources))),
    ]
    lines = [_one_line(p.shown_title), ""]
    lines += [f"{label + ':':<9}{_one_line(str(value))}" for label, value in fields if value]
    if p.shown_abstract:
        lines += ["", *textwrap.wrap(_one_line(p.shown_abstract), width=width)]
    return lines


def _one_line(text: str) -> str:
    """Untrusted text on one terminal line (control characters dropped)."""
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


def cmd_show(args: argparse.Namespace) -> int:
    """Print one paper of the corpus, or say which ids exist."""
    lib, where = open_corpus(args.corpus)
    paper = lib.get(args.id.strip())
    if paper is None:
        raise UsageError(
            f"no paper {args.id!r} in {where}: use an id from the first columns of `paperlab search` or "
            "`paperlab list` (an arXiv id, a DOI, or a title:… id) or a BibTeX citation key"
        )
    if args.json:
        print(json.dumps(paper.to_dict(), ensure_ascii=False, indent=1))
        return 0
    width = max(min(shutil.get_terminal_size((100, 24)).columns, 120), 40)
    print("\n".join(paper_lines(paper, width)))
    return 0


def add_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab show ID``: register the subcommand."""
    p = sub.add_parser(
        "show",
        help="show one paper's details by its id",
        description="Show one paper: an arXiv id, a DOI or paperlab's title:… id, as `paperlab search` prints them, "
        "or a BibTeX citation key it was imported under.",
    )
    p.add_argument("id")
    p.add_argument("--corpus", metavar="demo|store|FILE", default=None, help="where to look (default: your library)")
    p.add_argument("--json", action="store_true", help="print the paper as JSON (the wire format)")
    p.set_defaults(func=cmd_show)
