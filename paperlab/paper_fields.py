"""How a :class:`~paperlab.paper.Paper`'s field values are checked and cleaned.

The conversions ``Paper.__post_init__``, ``Paper.from_dict`` and ``Paper.merge`` share: integers and lists of
strings read from any source (a typed :class:`~paperlab.errors.ParseError` naming the field when a value is
wrong), lists united in order, and the ISO timestamp a bulk import writes for every record.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .errors import ParseError

__all__ = [
    "MEETING_FIELDS",
    "as_int",
    "as_str_list",
    "clean_str_list",
    "doubtful_id_map",
    "doubtful_id_text",
    "exported_title",
    "iso_seconds",
    "meeting_extra",
    "meeting_values",
    "presenter_names",
    "titled_from_id",
    "union",
]


def as_int(value: Any, name: str) -> int | None:
    """An integer field's value (None when empty); a ParseError naming ``name`` for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ParseError(f"field {name!r}: expected an integer, got {value!r}")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ParseError(f"field {name!r}: expected an integer, got {value!r}") from None


def as_str_list(value: Any, name: str) -> list[str]:
    """A list-of-strings field's non-empty strings (one string is a list of one); a ParseError for anything else."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            if not isinstance(item, str):
                raise ParseError(f"field {name!r}: expected a list of strings, got item {item!r}")
            if item:
                out.append(item)
        return out
    raise ParseError(f"field {name!r}: expected a list of strings, got {value!r}")


def clean_str_list(value: Any, name: str) -> list[str]:
    """``union([], as_str_list(value, name))``, with a fast path for clean lists of str."""
    if type(value) is list:
        if not value:
            return []
        for item in value:
            if type(item) is not str or not item:
                break
        else:
            return list(dict.fromkeys(value)) if len(value) > 1 else list(value)
    return union([], as_str_list(value, name))


def union(a: list[str], b: list[str]) -> list[str]:
    """The items of ``a`` then those of ``b`` not in ``a``, each once, in order."""
    seen = dict.fromkeys(a)
    seen.update(dict.fromkeys(b))
    return list(seen)


_last_iso: tuple[Any, str] = (None, "")


def iso_seconds(when: dt.datetime) -> str:
    """``when.isoformat(timespec="seconds")``, remembered for the last datetime object.

    A bulk import gives every record the same ``retrieved`` object; the cache holds a
    reference to it, so an identity match can never be a different, reused object.
    """
    global _last_iso
    last = _last_iso
    if last[0] is when:
        return last[1]
    text = when.isoformat(timespec="seconds")
    _last_iso = (when, text)
    return text


def doubtful_id_map(value: Any) -> dict[str, str]:
    """The ``"arxiv"`` and ``"doi"`` entries of a doubtful-ids value (``extra["doubtful_ids"]``, CSL's object, or
    the text ``"arxiv:1412.6572 doi:10.1/x"`` of :func:`doubtful_id_text`) that are text; ``{}`` for anything else."""
    if isinstance(value, str):
        value = dict(item.partition(":")[::2] for item in value.split())
    kept = value.items() if isinstance(value, dict) else ()
    return {k: v for k, v in kept if k in ("arxiv", "doi") and isinstance(v, str) and v}


def doubtful_id_text(ids: dict[str, str]) -> str:
    """Doubtful ids as our exports write them in a field of ours: ``"arxiv:1412.6572 doi:10.1/x"``."""
    return " ".join(f"{kind}:{value}" for kind, value in ids.items())


# A paper read from a reading-group schedule: who presented it and when (``extra["presenters"]``, the meeting's
# date ``extra["meeting_date"]`` and the meeting as written ``extra["meeting"]``), as our exports' fields name them
# (BibTeX fields, CSL-JSON variables and RIS ``N1`` notes ``paperlab-presenters: Ada Quill; Bo Dale``).
MEETING_FIELDS = {
    "presenters": "paperlab-presenters",
    "meeting_date": "paperlab-meeting-date",
    "meeting": "paperlab-meeting",
}


def presenter_names(extra: Any) -> list[str]:
    """The presenters of a paper read from a schedule (``extra["presenters"]``: a list or one text), blanks dropped."""
    raw = extra.get("presenters") if isinstance(extra, dict) else None
    return [n.strip() for n in (raw if isinstance(raw, list) else [raw]) if isinstance(n, str) and n.strip()]


def meeting_values(extra: Any) -> dict[str, str]:
    """Who presented the paper and when, as our exports write them: ``{"paperlab-presenters": "Ada Quill; Bo Dale",
    "paperlab-meeting-date": "2026-02-05"}``, else the meeting as written (``"paperlab-meeting": "Week 3"``) when
    it reads as no day; ``{}`` for a paper of no meeting.

    >>> meeting_values({"presenters": ["Ada Quill", "Bo Dale"], "meeting": "5 Feb", "meeting_date": "2026-02-05"})
    {'paperlab-presenters': 'Ada Quill; Bo Dale', 'paperlab-meeting-date': '2026-02-05'}
    """
    if not isinstance(extra, dict):
        return {}
    out = {MEETING_FIELDS["presenters"]: "; ".join(presenter_names(extra))}
    for key in ("meeting_date", "meeting"):
        value = extra.get(key)
        if (
            isinstance(value, str)
            and value.strip()
            and (key == "meeting_date" or MEETING_FIELDS["meeting_date"] not in out)
        ):
            out[MEETING_FIELDS[key]] = " ".join(value.split())
    return {k: v for k, v in out.items() if v}


def meeting_extra(values: Any) -> dict[str, Any]:
    """The ``extra`` entries of the fields :func:`meeting_values` wrote (``values`` maps a field's name, any case, to
    its text; a CSL-JSON list of presenters is read too); ``{}`` when none is there.

    >>> meeting_extra({"paperlab-presenters": "Ada Quill; Bo Dale", "paperlab-meeting-date": "2026-02-05"})
    {'presenters': ['Ada Quill', 'Bo Dale'], 'meeting_date': '2026-02-05'}
    """
    if not isinstance(values, dict):
        return {}
    given = {str(k).lower(): v for k, v in values.items()}
    out: dict[str, Any] = {}
    raw = given.get(MEETING_FIELDS["presenters"])
    names = raw if isinstance(raw, list) else raw.split(";") if isinstance(raw, str) else []
    if names := [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip()]:
        out["presenters"] = names
    for key in ("meeting_date", "meeting"):
        value = given.get(MEETING_FIELDS[key])
        if isinstance(value, str) and value.strip():
            out[key] = " ".join(value.split())
    return out


# what a reference manager writes where a record has no title (Paperpile's "[No title]"): what the exports write for a
# title paperlab made from the record's id, so that the file says what its source said and reads back the same
NO_TITLE = "[No title]"


# the title paperlab makes from a record's id when its source gave none ("Untitled (arXiv:2101.00001)")
_TITLED_FROM_ID = re.compile(r"Untitled \((?:arXiv|doi):\S+\)")


def titled_from_id(title: str | None) -> bool:
    """Whether ``title`` is one paperlab made from the record's id (``sources._files.no_placeholder_title``)."""
    return bool(title) and _TITLED_FROM_ID.fullmatch(title or "") is not None


def exported_title(title: str, extra: Any) -> str:
    """The title an export (BibTeX, RIS, CSL-JSON, a markdown card) writes: ``title``, unless paperlab made it from
    the record's id because the source gave none (``extra["title_from"] == "id"``, "Untitled (doi:…)"): then the
    placeholder "[No title]", which no reader takes for a title and every reader keeps with its id again. A real
    title the paper has since (its other record's, merged; one the user set) is written: the mark stays in ``extra``.

    >>> exported_title("Untitled (doi:10.5555/w.7)", {"title_from": "id"})
    '[No title]'
    >>> exported_title("Untitled Goose Game: a study", {}), exported_title("Moths at Dusk", {"title_from": "id"})
    ('Untitled Goose Game: a study', 'Moths at Dusk')
    """
    made = isinstance(extra, dict) and extra.get("title_from") == "id" and titled_from_id(title)
    return NO_TITLE if made else title
