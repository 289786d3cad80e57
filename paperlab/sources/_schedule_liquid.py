"""Meetings written as Liquid includes on a Jekyll page (``{% include session.html date=d speaker="Ada Quill"
paper="Title" paper_link="https://…" %}``): each include whose parameters name a meeting's fields is one row of a
schedule table, its parameters the columns. A parameter given a variable (``date=sessiondate``) takes the text the
page captured in it last (``{% capture sessiondate %}{{"February 14, 2019" | date: "%b %d, %y"}}{% endcapture %}``:
"February 14, 2019"); a captured block of HTML (supplementary content) is no field."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["captured_bullets", "liquid_rows"]

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


_CAPTURED_INCLUDE = re.compile(
    r"(?:{%-?\s*capture\s+(?P<name>\w+)\s*-?%}(?P<body>.*?){%-?\s*endcapture\s*-?%}\s*)+{%-?\s*include\s+[^%]*%}",
    re.S,
)
_ONE_CAPTURE = re.compile(r"{%-?\s*capture\s+(?P<name>\w+)\s*-?%}(?P<body>.*?){%-?\s*endcapture\s*-?%}", re.S)


def captured_bullets(text: str) -> str:
    """A page whose meetings are Liquid captures shown by an include (``{% capture summary %}19 March - Ch 12 Title -
    Ada{% endcapture %}{% include details.html %}``, a ``details`` capture before it): each as a bullet of its
    summary, the details indented under it, the lines kept where they were (blank lines fill the rest)."""

    def bullet(m: re.Match[str]) -> str:
        parts = {c.group("name"): c.group("body").strip() for c in _ONE_CAPTURE.finditer(m.group(0))}
        summary = " ".join(parts.pop("summary", "").split())
        if not summary:
            return m.group(0)
        inner = [f"  {line.strip()}" for body in parts.values() for line in body.split("\n") if line.strip()]
        out = [f"- {summary}", *inner]
        out += [""] * max(0, m.group(0).count("\n") + 1 - len(out))
        return "\n".join(out)

    return _CAPTURED_INCLUDE.sub(bullet, text) if "{%" in text else text
