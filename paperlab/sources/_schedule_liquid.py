"""Meetings written as Liquid includes on a Jekyll page (``{% include session.html date=d speaker="Ada Quill"
paper="Title" paper_link="https://…" %}``): each include whose parameters name a meeting's fields is one row of a
schedule table, its parameters the columns. A parameter given a variable (``date=sessiondate``) takes the text the
page captured in it last (``{% capture sessiondate %}{{"February 14, 2019" | date: "%b %d, %y"}}{% endcapture %}``:
"February 14, 2019"); a captured block of HTML (supplementary content) is no field."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["liquid_rows"]

_TAG = re.compile(
    r"{%-?\s*capture\s+(?P<name>\w+)\s*-?%}(?P<body>(?:(?!{%-?\s*capture\b).)*?){%-?\s*endcapture\s*-?%}"
    r"|{%-?\s*include\s+(?P<file>\S+)"
    r"(?P<params>.*?)-?%}",
    re.S,
)
_PARAM = re.compile(r"(?P<key>[\w-]+)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<var>[\w.]+))")
_OUTPUT = re.compile(r"{{-?\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<var>[\w.]+))[^}]*-?}}")


def _captured(body: str, captures: dict[str, str]) -> str | None:
    """The text a capture holds: its Liquid outputs' values (a quoted text, a variable), None for a block of HTML."""
    if "<" in body:
        return None
    text = _OUTPUT.sub(lambda m: m.group("dq") or m.group("sq") or captures.get(m.group("var") or "", ""), body)
    return " ".join(text.split()) or None


def liquid_rows(text: str, is_meeting: Callable[[list[str]], bool]) -> list[tuple[str, dict[str, str]]]:
    """(line, parameters) of each include on a page whose parameter names ``is_meeting`` says are a meeting's (a
    date or a presenter, and a paper or a topic: the schedule tables' column roles decide), [] for a page with
    fewer than two."""
    captures: dict[str, str] = {}
    rows: list[tuple[str, dict[str, str]]] = []
    for m in _TAG.finditer(text):
        if m.group("name"):
            if (value := _captured(m.group("body"), captures)) is not None:
                captures[m.group("name")] = value
            else:
                captures.pop(m.group("name"), None)
            continue
        fields = {}
        for p in _PARAM.finditer(m.group("params") or ""):
            value = p.group("dq") if p.group("dq") is not None else p.group("sq")
            value = value if value is not None else captures.get(p.group("var"))
            if value is not None:
                fields[p.group("key")] = value
        if is_meeting(list(fields)):
            rows.append((f"line {text.count(chr(10), 0, m.start()) + 1}", fields))
    return rows if len(rows) >= 2 else []
