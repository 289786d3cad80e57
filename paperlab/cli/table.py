"""Terminal tables of the CLI (``paperlab list``): columns as wide as their widest cell as the terminal shows it
(a CJK character takes two cells, a combining accent none: :func:`wcwidth.wcswidth`), up to a cap; a longer cell
is cut with "…"."""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Sequence
from typing import NoReturn

from wcwidth import wcswidth, wcwidth

__all__ = [
    "ELLIPSIS",
    "REF_CAP",
    "ExamplesHelpFormatter",
    "cut",
    "shown_width",
    "table_lines",
    "terminal_width",
    "unknown_arguments",
    "unknown_option_first",
]

ELLIPSIS = "…"
#: The widest a reference (arXiv id, DOI, citation key, title:… id) is shown in a table; a longer one is cut with
#: "…" (``paperlab show`` takes the cut one as it is printed when it starts one reference alone).
REF_CAP = 36


def terminal_width(default: int = 120, least: int = 60) -> int:
    """The terminal's width in cells (``default`` when output is not a terminal), at least ``least``."""
    return max(shutil.get_terminal_size((default, 24)).columns, least)


def _flat(text: str) -> str:
    """Untrusted text on one line: whitespace runs as one space, control characters dropped."""
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


def shown_width(text: str) -> int:
    """How many terminal cells ``text`` takes (a character of unknown width counts one)."""
    n = wcswidth(text)
    return n if n >= 0 else sum(max(wcwidth(c), 1) for c in text)


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells: cut with "…" when longer.

    >>> cut("10.9999/a-very-long-doi", 12), cut("short", 12)
    ('10.9999/a-v…', 'short')
    """
    if shown_width(text) <= width:
        return text
    out, used = "", 0
    for c in text:
        w = max(wcwidth(c), 0)
        if used + w > width - 1:
            break
        out, used = out + c, used + w
    return out + ELLIPSIS


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - shown_width(text), 0)


def table_lines(rows: Sequence[Sequence[str]], caps: Sequence[int], width: int | None = None) -> list[str]:
    """The rows as aligned lines, columns two spaces apart.

    Every column but the last is as wide as its widest cell, at most its cap in ``caps`` (a longer cell is cut
    with "…"); the last column takes the rest of the line, cut to ``width`` cells (default: the terminal's).

    >>> table_lines([["2101.00042", "Lanterns"], ["10.9999/a-very-long-doi", "Gadgets"]], caps=[14], width=40)
    ['2101.00042      Lanterns', '10.9999/a-ver…  Gadgets']
    """
    width = width or terminal_width()
    flat = [[_flat(c) for c in row] for row in rows]
    widths = [min(max((shown_width(r[i]) for r in flat), default=0), cap) for i, cap in enumerate(caps)]
    lines = []
    for row in flat:
        cells = [_pad(cut(row[i], w), w) for i, w in enumerate(widths)]
        line = "  ".join([*cells, *row[len(widths) :]]).rstrip()
        lines.append(cut(line, width))
    return lines


class ExamplesHelpFormatter(argparse.HelpFormatter):
    """A subcommand's ``--help`` whose description is wrapped to the terminal like every other help text, and
    whose epilog of examples (written on several lines) is printed as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text.strip("\n"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def unknown_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace, extras: list[str]) -> NoReturn:
    """A usage error for words the command does not take, from the command's parser (its name and --help), naming
    the closest option ("--limt": did you mean --limit?) or else the options the command takes."""
    import difflib

    command = parser
    for action in parser._subparsers._group_actions if parser._subparsers else []:
        if isinstance(action, argparse._SubParsersAction) and getattr(args, "command", None) in action.choices:
            command = action.choices[args.command]
    options = sorted(
        {o for a in command._actions for o in a.option_strings if o not in ("-h", "--help")}, key=str.lower
    )
    flags = [w.split("=", 1)[0] for w in extras if w.startswith("-")]
    close = [m for f in flags for m in difflib.get_close_matches(f, options, n=1, cutoff=0.8)]
    hint = f"; did you mean {' or '.join(dict.fromkeys(close))}?" if close else ""
    if not hint and flags and options:
        hint = f"; {command.prog} takes {', '.join(options)}"
    command.error(f"unrecognized arguments: {' '.join(extras)}{hint}")


def unknown_option_first(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """A usage error when the command line starts with an option ``paperlab`` itself does not take (``paperlab
    --bogus``: argparse said "the following arguments are required: COMMAND", not a word of the option; ``paperlab
    --json search x`` blamed ``search``): names it, the closest option ("--verison": did you mean --version?) or
    else paperlab's own options and where a command's options go."""
    import difflib

    if not argv or not argv[0].startswith("-") or argv[0] == "-":
        return
    word = argv[0].split("=", 1)[0]
    options = [o for a in parser._actions for o in a.option_strings]
    if word in options or (word.startswith("--") and sum(o.startswith(word) for o in options) == 1):
        return  # paperlab's own option, or one argparse completes ("--vers")
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.8)
    commands = [c for a in parser._actions if isinstance(a, argparse._SubParsersAction) for c in a.choices]
    rest = [w for w in argv[1:] if w != argv[0]]  # "paperlab --json search x": "paperlab search x --json"
    moved = " ".join([*rest, argv[0]]) if rest and rest[0] in commands else f"COMMAND {argv[0]}"
    hint = f"did you mean {close[0]}?" if close else ""
    hint = (
        hint or f"paperlab itself takes only {', '.join(options)}: a command's options go after it (paperlab {moved})"
    )
    parser.error(f"unknown option {argv[0]}; {hint}")
