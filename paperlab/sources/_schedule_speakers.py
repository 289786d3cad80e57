"""A meetup's or a seminar's list of talks written speaker first: each bullet names the speaker (linked to a profile
or not), what they do or where, then the talk's title, emphasised or linked to its slides::

    - [Ada Quill](https://x.com/adaq), Widget Lab of [Gadget U](https://gadget.example): [**_Sparse widget rings_**](./rings.pdf)
    - Bo Renn (Gadget Institute) — *Routing gadgets on widget graphs*

Each bullet is a meeting (undated: the list names no day) given by its speaker; the title is the talk's, no paper.
What keeps readings out: a title linked to a paper's address (arXiv, DOI) is a reading, and a page with one is no
such list; names before the title that are no speaker with an affiliation or a profile link ("Ada Quill, Bo Renn:
*Title*", a reference's authors) make no talk.

Used by :mod:`._schedule_headings` and :mod:`._schedule_tables` (``looks_like_schedule``).
"""

from __future__ import annotations

import re

from ._schedule_cells import link_ids

__all__ = ["person_first_bullets", "speaker_bullets"]

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(?P<body>\S.*?)\s*$")
# the talk's title closing the bullet after ": " or a dash: emphasised (linked or not), or a link to its slides; found
# from the bullet's end and then its leftmost separator, each in one pass (a lazy search from each separator to the
# end took quadratic time on long bullets)
_TITLE_END = re.compile(r"(?P<close>[*_]\]?(?:\([^()\s]*\))?)\s*\.?$")
_TITLE_OPEN = re.compile(r"(?:[:：]|\s[—–-])\s*(?P<title>\[?\s*)[*_]")
_TITLE_LINK = re.compile(r"(?:[:：]|\s[—–-])\s*(?P<title>\[[^\[\]]{6,}\]\([^()\s]+\))\s*\.?$")


def _closing_title(body: str) -> tuple[int, str] | None:
    """(where the separator before it starts, the title) of the talk's title closing a bullet, None for none."""
    end = _TITLE_END.search(body)
    opened = next(
        (m for m in _TITLE_OPEN.finditer(body) if end is not None and m.end() - 1 < end.start()), None
    )  # an emphasis opened before the bullet's closing mark
    linked = _TITLE_LINK.search(body)
    if opened is not None and end is not None and (linked is None or opened.start() <= linked.start()):
        return opened.start(), body[opened.start("title") : end.end("close")]
    return (linked.start(), linked.group("title")) if linked is not None else None


_LINKED = re.compile(r"^\[(?P<who>[^\[\]]{1,60})\]\((?P<url>[^()\s]+)\)")
# a link that is no person's page: a repository, a package, a paper or a document ("[PyTorch](github.com/a/b)")
_NOT_PROFILE = re.compile(
    r"(?i)(?:github\.com|gitlab\.com|bitbucket\.org)/[^/\s]+/[^/\s]+|pypi\.org|npmjs\.com|arxiv\.org|doi\.org|"
    r"\.(?:pdf|pptx?|zip|md)(?:[?#]|$)"
)
_PERSON = re.compile(
    r"^(?P<who>[A-Z\u00c0-\u024f][\w\u00c0-\u024f'’.-]*(?:\s+[A-Z\u00c0-\u024f][\w\u00c0-\u024f'’.-]*){1,3})"
)
# what says where a speaker works or what they do: an organisation's word, a role, "@Lab", a link
_AFFILIATION = re.compile(
    r"(?i)@|\]\(|\b(?:universit\w*|institut\w*|labs?|college|school|research\w*|lead|operator|community|foundation|"
    r"inc|ltd|company|corp\w*|professor|prof|student|engineer|scientist|founder|ceo|cto|head|director|team|group|"
    r"cent(?:er|re)|department|dept|academy|hospital|google|microsoft|meta|openai|independent)\b"
)
# a heading that calls the page's items papers ("# Papers by our lab", "## Classic papers", "Publications"), not talks
_PAPERS_HEADING = re.compile(
    r"(?im)^\s{0,3}(?:#{1,6}\s|<h[1-6]\b)(?=[^\n]*\b(?:papers?|publications?|readings?|bibliography)\b)"
    r"(?![^\n]*\b(?:talks?|seminars?|colloqui\w*|speakers?|meetups?|keynotes?)\b)"
)
_NOT_SPEAKER = re.compile(
    r"(?i)\b(?:talk|session|workshop|seminar|panel|keynote|break|lunch|welcome|opening|closing|intro\w*|q&a|tba|tbd)\b"
)


def _talk(body: str) -> tuple[str, str, bool] | None:
    """(the speaker, the talk's title, whether the title links a paper) of a speaker-first bullet, None for another
    bullet."""
    closing = _closing_title(body)
    if closing is None or closing[0] == 0:
        return None
    head = body[: closing[0]].strip(" ,")
    linked = _LINKED.match(head)
    person = linked or _PERSON.match(head)
    if person is None:
        return None
    who = person.group("who").strip(" *_")
    rest = head[person.end() :]
    if not who or re.search(r"\d", who) or len(who.split()) > 6 or _NOT_SPEAKER.search(who):
        return None
    if not linked and not (rest.strip(" ,") and _AFFILIATION.search(rest)):  # "Ada Quill, Bo Renn": authors
        return None
    if linked and _NOT_PROFILE.search(linked.group("url")):
        return None
    shown, _, arxiv, doi = link_ids(closing[1])
    title = " ".join(re.sub(r"[*_]+", " ", shown).split()).strip(" .")
    if len(title.split()) < 2:
        return None
    return who, title, bool(arxiv or doi)


def speaker_bullets(text: str) -> list[tuple[int, str, str, list[str]]]:
    """(line, the day as written: "" for none, the talk's title, its speaker) of each speaker-first talk bullet of a
    page (see the module's docstring); [] for a page with fewer than two, or whose top-level bullets are mostly
    something else, or with a bullet of that shape whose title links a paper, or headed as a list of papers."""
    if _PAPERS_HEADING.search(text):  # "# Papers by our lab": its bullets' names are the papers' authors
        return []
    found, bullets = [], 0
    for k, line in enumerate(text.split("\n"), 1):
        b = _BULLET.match(line)
        if b is None or len(b.group("indent").expandtabs(4)) > 1:
            continue
        bullets += 1
        talk = _talk(b.group("body"))
        if talk is not None and talk[2]:
            return []  # a title linked to a paper: a list of readings
        if talk is not None:
            found.append((k, "", talk[1], [talk[0]]))
    return found if len(found) >= 2 and 2 * len(found) >= bullets else []


def person_first_bullets(bullets: list[str]) -> dict[int, tuple[str, str]]:
    """{index: (the person, the title)} of the bullets written person first in this shape ("[Ada Quill](wiki), Widget
    Lab: *Title*", "Bo Renn (Gadget U) — *Title*") when two at least are and none links a paper: under a heading
    that calls them papers ("# Classic papers") each is a paper by that person, no talk; {} otherwise."""
    found = {k: talk for k, body in enumerate(bullets) if (talk := _talk(body)) is not None}
    if len(found) < 2 or any(linked for _, _, linked in found.values()):
        return {}
    return {k: (who, title) for k, (who, title, _) in found.items()}
