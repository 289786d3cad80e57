"""Schedules kept as records in other containers: a meetup series whose events each hold a nested list of talks, and
a JSON file of meetings (``{"meetings": [{"date": "March 3rd, 2019", "title": …}]}``).

* A meetup's event is the meeting: it has the date and the place; its talks carry no date of their own, so each talk
  is a part of that one meeting, not a meeting. The event's record is kept, its title as the meeting's topic (the
  event's name, never a paper's), its talks folded into two fields: ``speakers`` (every talk's speakers, the
  presenters) and ``talks`` (the talks' titles, one per line); an event whose list of talks is empty is still a
  meeting.
* A JSON file is read as a schedule only when it says it lists meetings: its records sit under a key such as
  ``meetings``, ``sessions``, ``events`` or ``talks``, or its file name says so ("meetings.json"); a JSON list of
  papers with dates is never taken for one.

Used by :mod:`paperlab.sources._schedule_tables` (a module of its own: that one is near its size cap).
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["json_meetings", "meetup_talks", "one_meeting"]

# the keys of a JSON object whose list holds meetings
_MEETING_KEYS = re.compile(
    r"^(?:meetings?|sessions?|events?|talks?|seminars?|meetups?|schedule|lab[ _-]?meetings)$", re.I
)
# a file name that says it lists meetings ("meetings.json", "reading_group.json", "seminar-schedule.json")
_MEETING_NAME = re.compile(r"meeting|session|seminar|schedule|reading[ _-]?group|journal[ _-]?club|talks|meetup", re.I)
_DATE_KEYS = frozenset({"date", "when", "day", "datetime", "date_time", "start", "start_date"})
_SPEAKER_KEYS = ("speakers", "speaker", "presenters", "presenter")


def json_meetings(text: str, name: str) -> tuple[Any, str] | None:
    """(the list of meeting records, the word that says they are meetings) of a JSON file named ``name``; None when
    the text is no JSON or does not say it lists meetings."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested past any schedule's depth: the JSON readers say so
        return None
    if isinstance(doc, dict):
        keyed = [(str(k), v) for k, v in doc.items() if isinstance(v, list) and _MEETING_KEYS.match(str(k))]
        lists = [(k, v) for k, v in keyed if v and all(isinstance(x, dict) for x in v)]
        if lists:
            return lists[0][1], f"{lists[0][0]} meetings"
    if isinstance(doc, list) and doc and all(isinstance(x, dict) for x in doc) and _MEETING_NAME.search(name):
        return doc, "meetings"
    return None


def meetup_talks(items: list[Any]) -> list[Any]:
    """The meetings of a list of events that each hold their talks in a nested list of mappings naming speakers (a
    meetup series' ``talks: [{speakers: [{name: …}], title: …}]``), every event dated and no talk: each event one meeting, its talks folded into
    ``speakers`` and ``talks``; the items unchanged when no event holds such a list or the events name presenters
    themselves."""
    events = [x for x in items if isinstance(x, dict)]
    if not events or any(k in x for x in events for k in _SPEAKER_KEYS) or not any(map(_talk_lists, events)):
        return items
    talks = [t for x in events for v in _talk_lists(x) for t in v if isinstance(t, dict)]
    if not all(_dated(x) for x in events) or any(map(_dated, talks)):
        return items  # the talks are dated, or the events are not: each talk a meeting of its own (a term's list)
    out: list[Any] = []
    for item in items:
        if not isinstance(item, dict) or not _talk_lists(item):
            out.append(item)
            continue
        lists = _talk_lists(item)
        talks = [t for v in lists for t in v if isinstance(t, dict)]
        names = [n for t in talks for n in _speakers(t)]
        titles = [str(t.get("title") or t.get("name") or "").strip() for t in talks]
        kept = {
            ("topic" if str(k).lower() == "title" else k): v for k, v in item.items() if not any(v is t for t in lists)
        }
        out.append(kept | {"speakers": ", ".join(dict.fromkeys(names)), "talks": "\n".join(t for t in titles if t)})
    return out


_PLACE_KEYS = frozenset({"time", "start", "end", "location", "room", "place", "venue", "zoom", "agenda"})
_READING_KEYS = frozenset({"paper", "papers", "reading", "readings", "article", "articles"})
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def one_meeting(doc: Any) -> Any:
    """A YAML document that is one meeting's agenda — a mapping with its day (a date with its year), and either
    talks or agenda slots naming speakers, speakers of its own, or one to three readings beside its time or place —
    as a list of that one meeting; any other document as it is (a list of meetings, a mapping holding dated ones)."""
    if not isinstance(doc, dict) or not any(
        str(k).lower() in _DATE_KEYS and (not isinstance(v, str) or _YEAR.search(v)) and v for k, v in doc.items()
    ):
        return doc
    lists = [v for v in doc.values() if isinstance(v, list)]
    if any(_dated(x) for v in lists for x in v if isinstance(x, dict)):
        return doc  # meetings of their own under a key
    keys = {str(k).lower() for k in doc}
    readings = [v for k, v in doc.items() if str(k).lower() in _READING_KEYS]
    few = bool(readings) and all(not isinstance(v, list) or 1 <= len(v) <= 3 for v in readings)
    if _talk_lists(doc) or keys & set(_SPEAKER_KEYS) or few and keys & _PLACE_KEYS:
        return [doc]
    return doc


def _dated(item: dict[Any, Any]) -> bool:
    return any(str(k).lower() in _DATE_KEYS and item[k] not in (None, "") for k in item)


def _talk_lists(item: dict[Any, Any]) -> list[list[Any]]:
    """The nested lists of an event whose mappings name speakers, or that are empty under a ``talks`` key."""
    found = []
    for key, value in item.items():
        if not isinstance(value, list):
            continue
        talks = [x for x in value if isinstance(x, dict)]
        if talks and any(k in t for t in talks for k in _SPEAKER_KEYS) or not value and str(key).lower() == "talks":
            found.append(value)
    return found


def _speakers(talk: dict[Any, Any]) -> list[str]:
    """A talk's speakers' names: a list of names or of mappings with a ``name``, or one name."""
    value = next((talk[k] for k in _SPEAKER_KEYS if k in talk), None)
    values = value if isinstance(value, list) else [value]
    names = [str(v.get("name") or v.get("name_en") or "") if isinstance(v, dict) else str(v or "") for v in values]
    return [n.strip() for n in names if n.strip()]
