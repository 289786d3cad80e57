"""What a date bullet of a seminar's or a journal club's list says after its day: the talk (or paper) and who gives it.

::

    * 2023.05.25, Widget rings in gadget nuclei, Ada Quill, Professor, Widget University, [slides](…)
    * 2023.05.08, 小部件环的研究, 李建国，研究员，某研究所
    - 2024-03-05 — Bo Renn: Sparse gadget attacks on widget graphs

A title followed by a comma and a speaker's name (a given and a family name, or two to four Chinese, Japanese or
Korean characters), whatever role, affiliation or links follow; or a speaker's name, a colon and the title. The
title is the meeting's topic and the name its presenter; on a page that says it reads papers the title is the paper
read (:func:`._schedule_talks.talks_as_readings`). A name is never a talk's words ("Deep Learning", "Graph Models").

Used by :mod:`._schedule_headings` (each date bullet's words after its day).
"""

from __future__ import annotations

import re

from ._schedule_talks import TOPIC_WORDS, trailing_speaker

__all__ = ["spoken_talk"]

_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_PARTS = re.compile(r"\s*[,，]\s*")
# a person's name: two to four capitalised words (an initial too: "Ada B. Quill"), or two to four CJK characters
_LATIN_NAME = re.compile(
    r"^[A-Z\u00c0-\u024f][a-z\u00c0-\u024f'’-]+(?:\s+[A-Z\u00c0-\u024f][\w\u00c0-\u024f'’.-]*){1,3}$"
)
_CJK_NAME = re.compile(r"^[\u3400-\u9fff\uac00-\ud7af]{2,4}$")
# "Bo Renn: Title" — a name, a colon, the title
_NAME_FIRST = re.compile(r"^(?P<who>[^:：]{2,40})\s*[:：]\s*(?P<title>\S.{4,})$")
# a name that is an organisation's ("Widget University", "Gadget Institute"), not a speaker's
_ORGANISATION = re.compile(
    r"(?i)\b(?:universit\w*|institut\w*|labs?|laborator\w*|college|school|academy|cent(?:er|re)|department|"
    r"hospital|foundation|society|company|inc|ltd|corp\w*|group|team)\b"
)
_CJK = re.compile(r"[\u3400-\u9fff\u3040-\u30ff\uac00-\ud7af]")


def _name(text: str) -> str | None:
    """The person a part of a bullet is, None for another text."""
    text = text.strip(" *_")
    if (
        _CJK_NAME.match(text)
        or _LATIN_NAME.match(text)
        and not (TOPIC_WORDS.search(text) or _ORGANISATION.search(text))
    ):
        return text
    return None


def _titled(text: str) -> bool:
    """Whether a text can be a talk's title: two words or more, or four CJK characters."""
    return len(text.split()) >= 2 or len(_CJK.findall(text)) >= 4


def spoken_talk(topic: str) -> tuple[str, list[str]] | None:
    """(the talk's title, its speakers) of a date bullet's words after its day, None when they name no speaker."""
    spoken = trailing_speaker(topic)
    if spoken is not None:
        return spoken
    plain = " ".join(_LINK.sub(lambda m: m.group(1), topic).split())
    first = _NAME_FIRST.match(plain)
    if first and (who := _name(first.group("who"))) and _titled(title := first.group("title").strip(" *_")):
        return title, [who]
    cuts = list(_PARTS.finditer(plain))
    for at, cut in enumerate(cuts):
        who = _name(plain[cut.end() : cuts[at + 1].start() if at + 1 < len(cuts) else len(plain)])
        title = plain[: cut.start()].strip(" *_")  # as written: "A, B and C" keeps its commas
        if who is not None and _titled(title) and _name(title) is None:
            return title, [who]
    return None
