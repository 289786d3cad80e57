"""``paperlab show ID``: one paper's details, found by the id ``paperlab search`` / ``paperlab list`` print (an
arXiv id, a DOI, or paperlab's own ``title:…`` id for a paper with neither), or by a BibTeX citation key."""

from __future__ import annotations

import argparse
import json
import shutil
import textwrap

from ..errors import UsageError
from ..identity import citation_keys
from ..library import Library
from ..paper import Paper
from ..paper_render import presented_text
from ..schema import source_label
from .search import open_corpus

__all__ = ["add_show", "cmd_show", "find_paper", "import_keys", "list_texts", "paper_lines"]


def paper_lines(p: Paper, width: int = 100, lists: list[str] | None = None) -> list[str]:
    """The paper as terminal lines: title, then one ``label: value`` line per known field (and per reading list
    in ``lists``: :func:`list_texts`), then the abstract."""
    date = (p.date_text or "") + ("?" if p.published and p.date_inferred else "")
    if date and not p.date_inferred and isinstance(note := p.extra.get("date_note"), str) and note:
        date += f" ({note})"  # what the source's date said beyond it: "2017 (circa)", "1984 (range 1984/1986)"
    authors = ", ".join(p.authors) if p.authors else p.byline()  # an edited volume: "A, B (eds.)"
    if p.authors and p.extra.get("more_authors") is True:  # the source cut the author list short
        authors += ", et al."
    fields = [
        ("id", p.id),
        ("arXiv", p.arxiv_id),
        ("DOI", p.doi),
        ("date", date),
        ("authors", authors),
        ("venue", p.venue),
        ("key", ", ".join(import_keys(p))),  # citation keys: `paperlab show KEY` finds the paper too
        ("tags", ", ".join(p.tags)),
        ("keywords", ", ".join(p.keywords)),
        ("url", p.abs_url),
        ("code", p.code_url),
        ("presented", presented_text(p.extra).removeprefix("Presented ")),  # "by Ada Quill · 2026-02-05"
        ("sources", ", ".join(dict.fromkeys(_source_text(p, s.name) for s in p.sources))),
    ]
    lines = [*_wrapped(_one_line(p.shown_title), width), ""]
    fields += [("list", text) for text in lists or []]
    shown = [(label, value) for label, value in fields if value]
    column = max([8, *(len(label) + 1 for label, _ in shown)])  # "keywords:", "presented:": every value aligned
    for label, value in shown:  # "keywords: …", a long value wrapped under the value's first word
        items = label in _ITEMS  # a name or keyword never split across lines
        lines += _wrapped(_one_line(str(value)), width, f"{label + ':':<{column}} ", " " * (column + 1), items=items)
    if p.shown_abstract:
        lines += ["", *_wrapped(_one_line(p.shown_abstract), width)]
    return lines


#: The fields listing items ", "-separated: wrapped between items, an author's name kept on one line.
_ITEMS = frozenset({"authors", "key", "tags", "keywords", "sources"})


def _wrapped(text: str, width: int, first: str = "", rest: str = "", items: bool = False) -> list[str]:
    """``text`` in lines of at most ``width`` columns, words kept whole: "zero-shot", a DOI or a URL is never
    split (a word longer than the line stands on its own line); with ``items``, ", "-separated items kept whole.

    >>> _wrapped("Ada Okafor, Tunde Bello", 20, "authors: ", " " * 9, items=True)
    ['authors: Ada Okafor,', '         Tunde Bello']
    """
    if items:
        text = ", ".join(part.replace(" ", "\xa0") for part in text.split(", "))
    kept = textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False, break_long_words=False
    )
    return [line.replace("\xa0", " ") for line in kept] if items else kept or [first.rstrip()]


def list_texts(p: Paper) -> list[str]:
    """The reading lists of the store that hold ``p``, each with the entry's status, tags and note:
    "thesis (reading; tags gnn; note: check the proof)"."""
    from ..store import open_store

    store = open_store()
    texts = []
    for name in store.lists():
        rl = store.reading_list(name, create=False)
        if p.id not in rl:
            continue
        e = rl.entry(p.id)
        extra = ([f"tags {', '.join(e.tags)}"] if e.tags else []) + ([f"note: {e.note}"] if e.note else [])
        texts.append(f"{name} ({'; '.join([e.status, *extra])})")
    return texts


def _source_text(p: Paper, name: str) -> str:
    """How a source of ``p`` is named: its label ("RIS"), or what the generic paper finder read."""
    if name == "paper_list" and p.extra.get("found_by") == "generic paper finder":
        return "markdown (papers found by the generic paper finder)"
    return source_label(name)


def import_keys(p: Paper) -> list[str]:
    """The citation keys the paper was imported under: BibTeX keys (also of records merged into it), a RIS ``ID``,
    a CSL-JSON item's ``id`` or ``citation-key``."""
    keys = list(citation_keys(p))
    for kept, names in ((p.extra.get("ris"), ("id",)), (p.extra.get("csl"), ("citation-key", "id"))):
        if isinstance(kept, dict):
            keys += [kept[n].strip() for n in names if isinstance(kept.get(n), str) and kept[n].strip()]
    return list(dict.fromkeys(keys))


def find_paper(lib: Library, ref: str) -> Paper | None:
    """The paper ``ref`` names: an id, arXiv id, DOI or BibTeX key as :meth:`Library.get` reads it, else a
    citation key the paper's import kept (:func:`import_keys`; exactly, else the one paper whose key differs only
    in case); a reference a table cut with "…" names the one paper whose reference starts so."""
    found = lib.get(ref)
    if found is not None or not ref:
        return found
    if ref.endswith("…") and len(ref) > 8:  # a reference `paperlab list` cut short: the one paper it starts
        start = ref[:-1]
        starting = [p for p in lib if any(r.startswith(start) for r in (p.id, p.arxiv_id, p.doi, *import_keys(p)) if r)]
        return starting[0] if len(starting) == 1 else None
    exact = [p for p in lib if ref in import_keys(p)]
    if exact:
        return exact[0]
    folded = [p for p in lib if ref.casefold() in (k.casefold() for k in import_keys(p))]
    return folded[0] if len(folded) == 1 else None


def _one_line(text: str) -> str:
    """Untrusted text on one terminal line (control characters dropped)."""
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


def cmd_show(args: argparse.Namespace) -> int:
    """Print one paper of the corpus, or say which ids exist."""
    lib, where = open_corpus(args.corpus)
    paper = find_paper(lib, args.id.strip())
    if paper is None:
        raise UsageError(
            f"no paper {args.id!r} in {where} ({len(lib)} papers): it is no paperlab id, arXiv id or DOI of one, "
            "and no citation key one was imported under (a BibTeX key, a RIS ID, a CSL-JSON id); use an id from "
            "the first columns of `paperlab search` or `paperlab list`"
        )
    if args.json:
        print(json.dumps(paper.to_dict(), ensure_ascii=False, indent=1))
        return 0
    width = max(min(shutil.get_terminal_size((100, 24)).columns, 120), 40)
    lists = list_texts(paper) if where == "your library" else []  # the store's lists: the library's papers
    print("\n".join(paper_lines(paper, width, lists)))
    return 0


def add_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab show ID``: register the subcommand."""
    p = sub.add_parser(
        "show",
        help="show one paper's details by its id",
        description="Show one paper: an arXiv id, a DOI or paperlab's title:… id, as `paperlab search` prints them, "
        "or a citation key it was imported under (a BibTeX key, a RIS ID, a CSL-JSON id).",
    )
    p.add_argument("id")
    p.add_argument("--corpus", metavar="demo|store|FILE", default=None, help="where to look (default: your library)")
    p.add_argument("--json", action="store_true", help="print the paper as JSON (the wire format)")
    p.set_defaults(func=cmd_show)
