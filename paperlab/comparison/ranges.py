"""Ranges and changes of results: "from 0.78 to 0.96", "1.6-9.3×", "45–50%", "6-8 times".

The gold conventions report both ends of a range or of a change ("from A to B") as values of their own; the second
end is a result exactly when the first is, and it is of the first's kind: a change "from 18% to 73%" gives two levels
(absolute, ``starts_change``), a range of gains "by 1.5–2.0%" two gains (delta). ``range_tail_row`` reads a second
end the rules rejected on its own (no unit next to it, no metric: "from 0.7817 to 0.9627").
"""

from __future__ import annotations

import re
from typing import Any

from .lexicons import to_float
from .value_kind import PHYSICAL, UNIT_NAMES

__all__ = ["bare_range_end", "glued_letter", "range_tail_row", "starts_change"]

# what joins the two ends of a range or a change: "0.45 to 0.58", "1.6-9.3", "6.5×--8.3×", "80 ms to 125 ms"
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_JOIN = re.compile(rf"\s*(?:{PHYSICAL}\s*)?(?:--?|–|—|to|up to)\s*")


def _first_end(spans: list[tuple[int, int]], text: str, at: int) -> int | None:
    """The index of the kept value whose range or change the number at ``at`` ends, if any."""
    return next((i for i, (_, e) in enumerate(spans) if e <= at and _JOIN.fullmatch(text[e:at])), None)


def glued_letter(m: re.Match[str], text: str) -> bool:
    """ "3B", "1.2K": a letter glued to a number with no unit makes it a size or a count, not a value."""
    return not m.group("unit").strip() and re.match(r"[A-Za-z]", text[m.end("num") : m.end("num") + 1]) is not None


def range_tail_row(
    m: re.Match[str], found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str, tail: re.Pattern[str]
) -> dict[str, Any] | None:
    """The row of a number the rules rejected that ends the range or change of a kept value ("from 0.7817 to
    0.9627", "1.6-9.3×", "6-8 times"): the first end's row with this value; None when the number ends none.
    Its unit must be the first end's, or the first end took its unit from after this number (``tail``)."""
    i = _first_end(spans, text, m.start("num"))
    if i is None or glued_letter(m, text):
        return None  # not "a compact 0.5-3B model" (a size)
    if re.search(r"\b(?:CI|confidence interval)\W*$", text[max(0, spans[i][0] - 25) : spans[i][0]]):
        return None  # the bounds of "95% CI: 0.8485-0.8745": a statistic
    first = found[i]
    unit = m.group("unit").strip()
    unit = UNIT_NAMES.get(unit, unit) or None
    from_tail = (r := tail.match(text, spans[i][1])) is not None and r.end() > m.start("num")
    if unit != first["unit"] and not (unit is None and from_tail):
        return None
    if unit is None and first["unit"] is None and r is not None and r.group("unit") == "times":
        first.update(unit="x", kind="delta")  # "by 3-5 times": a range of multiples written once, after its end
    value = to_float(m.group("num"))
    return {**first, "value": -value if "−" in (m.group("sign") or "") else value, "_bare": False, "_fixed": True}


def starts_change(text: str, start: int) -> bool:
    """ "from 18% to 73%", "from 49-52% to 55-58%": the number at ``start`` begins a change, whose two ends are levels
    (not "ranging from 3% to 33%", a range of values)."""
    before = text[max(0, start - 60) : start]
    return bool(
        re.search(rf"\bfrom\s+(?:{_NUMBER}\s?%?\s*(?:--?|–|—)\s*)?$", before)
        and not re.search(r"\b(?:rang|vary|varie)\w*\s+from\s", before)
    )


def bare_range_end(
    row: dict[str, Any], found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str, at: int
) -> bool:
    """ "by 0.10-0.22", "gains of 1.98 and 7.50": a bare number right after a kept unit-less value, joined by a range
    dash or a list word, continues it (its kind and metric); True when it does."""
    # "from 80 ms to 125 ms": a physical unit (which the gold leaves null) may stand before the join
    joined = rf"\s*(?:{PHYSICAL}\s*)?(?:-|–|—|to|,|,?\s*and|,?\s*or|vs\.?|versus)\s*"
    i = next((i for i, (_, e) in enumerate(spans) if re.fullmatch(joined, text[e:at])), None)
    if i is None or found[i]["unit"] is not None:
        return False
    dash = re.fullmatch(rf"\s*(?:{PHYSICAL}\s*)?(?:-|–|—|to)\s*", text[spans[i][1] : at])
    if not dash and not ("." in text[spans[i][0] : spans[i][1]] and re.match(r"[\d,]*\.\d", text[at:])):
        return False  # a list continues a value only with a number of its shape (two decimals, not "12 of 20")
    row.update(kind=found[i]["kind"], metric=found[i]["metric"], direction=found[i]["direction"])
    return True
