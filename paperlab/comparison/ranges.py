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

__all__ = [
    "bare_range_end",
    "glued_letter",
    "pair_neighbours",
    "range_named_after",
    "range_tail_row",
    "starts_change",
]

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


def range_named_after(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> None:
    """ "ranged from 0.9945 to 0.9957 macro-F1": the metric written right after a range's second end names its first
    end too, over a phrase before the range."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for a, b in zip(order, order[1:], strict=False):
        if found[b]["_named"] and not found[a]["_named"] and found[a]["unit"] == found[b]["unit"]:
            if re.fullmatch(r"\s*(?:--?|–|—|to)\s*", text[spans[a][1] : spans[b][0]]):
                found[a]["metric"], found[a]["_fixed"] = found[b]["metric"], True


def pair_neighbours(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> None:
    """Ranges share kind and metric; a value listed after a delta "in/on X and" is a delta of the same metric."""
    # "by 24% in MAE and 8% in RMSE", "11% on NGSIM and 25% on HighD": the second value is a delta too
    for i in range(1, len(found)):
        gap = text[spans[i - 1][1] : spans[i][0]]
        a, b = found[i - 1], found[i]
        if re.fullmatch(r"\s*(?:--?|–|—|to)\s*", gap) and a["unit"] == b["unit"]:  # a range "from 32.6% to 54.0%"
            delta = "delta" in (a["kind"], b["kind"]) and (
                a["unit"] == "pp" or not starts_change(text, spans[i - 1][0])
            )
            b["kind"] = a["kind"] = "delta" if delta else "absolute"  # "from 1.2x to 2.1x": two levels
            b["direction"] = a["direction"] = (a["direction"] or b["direction"]) if a["kind"] == "delta" else None
            # "20-30 % improvement in simulation time": the metric written right after the range names both ends
            b["metric"] = a["metric"] = b["metric"] if b["_named"] and not a["_named"] else a["metric"] or b["metric"]
            b["_named"] = a["_named"] or b["_named"]
            continue
        if a["kind"] == "delta" and b["unit"] == a["unit"] and re.match(r"\s*over\b", text[spans[i][1] :]):
            b["kind"], b["direction"] = "delta", a["direction"]  # "an 8.4% gain over A and 17.8% over B"
            b["metric"] = b["metric"] if b["_named"] else a["metric"]
            continue
        if found[i - 1]["kind"] == "delta" and re.fullmatch(  # "by 18% to 35% compared to A and 14% to 20% ..."
            r"\s*(?:[\w-]+\s+){0,2}?(?:in|on|for|compared (?:to|with)|over|relative to)\s+[^;%,]{1,40}?"
            r"(?:,\s*and|,|\band)\s+",
            gap,
        ):
            found[i]["kind"], found[i]["direction"] = "delta", a["direction"]
            if not b["_named"] and a["_named"] and a["unit"] == b["unit"]:  # "by 16% in English and 43% in Mandarin"
                b["metric"] = a["metric"]


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")


def share_list_unit(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> bool:
    """ "by 1.5, 2.5 and 3.5%", "by 0.16, 0.78, and 0.92 percentage points": the unit written once after a list of
    values (rows in sentence order) is every value's; True when a unit was shared (the list is coordinated again)."""
    shared = False
    for i in range(len(found) - 2, -1, -1):
        nxt, row = found[i + 1], found[i]
        ranged = (
            re.search(r"(?:[-–—~]|\bto)\s*$", text[: spans[i][0]])
            or (  # a range's second end ("0.83-0.94,
                i + 2 < len(found) and re.fullmatch(r"\s*(?:[-–—~]|to)\s*", text[spans[i + 1][1] : spans[i + 2][0]])
            )
        )  # and 98-99%"), or a list before a range of its own: each has its own unit, or none
        if (
            nxt["unit"] in ("%", "pp", "x")
            and row["unit"] is None
            and not ranged
            and _LIST_GAP.fullmatch(text[spans[i][1] : spans[i + 1][0]])
        ):
            row["unit"], shared = nxt["unit"], True
    return shared
