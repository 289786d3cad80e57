"""Markdown's reference-style links resolved in place, as markdown itself reads them.

``[Title][key]`` (full), ``[Title][]`` (collapsed) and ``[key]`` alone (shortcut) name the address of a link
reference definition ``[key]: https://…`` written anywhere in the file, usually at its end. The readers of paper
lists and the generic paper finder read inline links (``[Title](https://…)``), so :func:`resolve_reference_links`
rewrites each reference to a definition markdown-it-py accepts as that inline link, on the same line, and blanks
the definition lines it used (the line count is unchanged, so every line named in a record or a problem is still
the file's). A definition no reference uses stays: it may be the only place its paper is named. Text with no
definition is returned as it is.

A wiki link (Obsidian, Foam, a wiki's ``[[Page]]``) names a page of the same notes, not an address: it is read as
the text it shows, ``[[notes/papers/2024-slug|Title]]`` as its alias ``Title``, ``[[Title]]`` and
``[[Title#Section]]`` as ``Title``; an embed (``![[figure.png]]``) as nothing. A task list's box opening an item
(``- [ ] ``, ``- [x] ``) is a reading status, not the item's text: it is left out.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference

__all__ = ["resolve_reference_links"]

# a definition line: up to 3 spaces, "[label]:", the destination (bare or in <>), an optional title
_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\[\]]{1,999})\]:[ \t]*<?(?P<href>[^\s<>]+)>?(?:[ \t]+.*)?$")
_MAYBE_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]]+\]:", re.M)
# a task list's box opening an item ("- [ ] ", "1. [x] ", "- [~] "): a reading status, no part of the item's text
_TASK_BOX = re.compile(r"^(?P<item>[ \t]*(?:[-*+]|\d{1,4}[.)])[ \t]+)\[[ xX~/-]\][ \t]+", re.M)
# a wiki link: "[[target]]", "[[target|shown text]]", "![[embed]]" (not "[[text](…)]", a link inside brackets)
_WIKI_LINK = re.compile(r"(?P<embed>!?)\[\[(?P<target>[^\[\]|\n]+?)(?:\|(?P<shown>[^\[\]\n]+?))?\]\](?!\()")


def _wiki_text(m: re.Match[str]) -> str:
    """What a wiki link shows: its alias, else its page's name without the section after "#" (an embed: nothing)."""
    if m.group("embed"):
        return ""
    shown = (m.group("shown") or m.group("target").split("#", 1)[0]).strip()
    return f"[{shown}]({m.group('target').strip().replace(' ', '%20')})"  # a page of the notes, as a link


# "[text][key]" / "[text][]" (text may hold one level of brackets or a "![badge](…)"), or "[key]" alone: not
# an inline link's text ("[x](…)"), nor a definition ("[x]:"), nor the text of a nested link
_REFERENCE = re.compile(
    r"(?<![\]\\!])\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\](?:\([^()\s]*\))?)+)\](?:\[(?P<key>[^\[\]\n]*)\])?(?![(:\[])"
)


def _definitions(text: str) -> dict[str, str]:
    """The link reference definitions markdown-it-py accepts in ``text``: normalised label -> address."""
    env: dict[str, dict[str, dict[str, str]]] = {}
    MarkdownIt("commonmark").parse(text, env)
    return {label: ref["href"] for label, ref in env.get("references", {}).items() if ref.get("href")}


def resolve_reference_links(text: str) -> str:
    """``text`` with each reference-style link written as the inline link it stands for, and the definitions it
    used blanked; each wiki link as the text it shows (see the module's documentation).

    >>> resolve_reference_links("- Ada (2024), [A Title][t].\\n\\n[t]: https://arxiv.org/abs/2401.00001\\n")
    '- Ada (2024), [A Title](https://arxiv.org/abs/2401.00001).\\n\\n\\n'
    >>> resolve_reference_links("no [definition] here")
    'no [definition] here'
    """
    if "[[" in text:
        text = _WIKI_LINK.sub(_wiki_text, text)
    if "[" in text:
        text = _TASK_BOX.sub(r"\g<item>", text)  # "- [ ] *[Title](…)* - Author": the item, its box aside
    if not _MAYBE_DEFINITION.search(text):
        return text
    refs = _definitions(text)
    if not refs:
        return text
    used: set[str] = set()

    def inline(m: re.Match[str]) -> str:
        key = m.group("key")
        label = normalizeReference(key if key else m.group("text"))
        href = refs.get(label)
        if href is None:
            return m.group(0)
        used.add(label)
        return f"[{m.group('text')}]({href})"

    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if _DEFINITION.match(line):
            out.append(line)
            continue
        out.append(_REFERENCE.sub(inline, line))
    for i, line in enumerate(out):
        d = _DEFINITION.match(line)
        if d and normalizeReference(d.group("label")) in used:
            out[i] = ""
    return "\n".join(out)
