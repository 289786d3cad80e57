"""Rows and items of a paper list that are no paper: a tool's home page, a code repository, a blog post, a news
page or a recorded talk, told by the address the entry links to when nothing else in it names a paper.

A curated list mixes papers with what its writers read beside them ("| [Widgetron](https://github.com/…) | ada |
2026 |", "| [Proofs: Checking vs Finding](https://www.youtube.com/…) | Ada Quill | 2026 | Talk |"). An entry is a
paper when it carries a paper's identifier (arXiv id, DOI) or a PDF; otherwise the address it is titled by says
what it is, and a title naming an event ("Workshop on Widget Routing", "2nd Workshop on …") is the event's. A row of one word naming nothing else (no link, author, venue or date) is a note on a topic. A
project's home page alone ("https://widgetron.example/") is a tool's only when the entry names no
person (no author, or one word such as an organisation or a handle): a paper's project page names its authors.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..paper import Paper
from ._schedule_cells import is_material_url

__all__ = ["event_title", "is_no_paper", "no_paper_address"]

# a code host's repository or profile, a video host's page
_CODE_OR_VIDEO = re.compile(
    r"^https?://(?:www\.|m\.)?(?:github\.com|gitlab\.com|bitbucket\.org|youtube\.com|youtu\.be|vimeo\.com|"
    r"bilibili\.com|twitter\.com|x\.com)(?:[/?#]|$)",
    re.I,
)
# a site's posts: "/blog/…", "/news/…", "/index/…" (a company's announcements), "/posts/…", "/events/…"
_POST_PATH = re.compile(r"^/(?:[\w-]+/)?(?:blogs?|news|index|posts?|events?|announcements?|stories)/[^/]", re.I)


# an event's name, no paper's title: "Workshop on Widget Routing", "2nd Workshop on …", "International Symposium on …"
_EVENT = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)\s+|(?:first|second|third|annual|international|joint)\s+)*"
    r"(?:workshops?|symposi(?:um|a)|conferences?|summits?|meetups?|hackathons?)\s+(?:on|for|of)\s",
    re.I,
)


def event_title(title: str) -> bool:
    """Whether a title names an event ("Workshop on Widget Routing", "2nd Workshop on …"), no paper."""
    return bool(_EVENT.match(title.strip(" *_\"'")))


def no_paper_address(url: str | None) -> bool:
    """Whether ``url`` is a code repository, a video, a blog post or news page, or other reading material that is
    no paper (documentation, an encyclopedia entry, a notebook)."""
    if not url:
        return False
    return bool(_CODE_OR_VIDEO.match(url) or is_material_url(url) or _POST_PATH.match(urlsplit(url).path or ""))


def _home_page(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.path in ("", "/") and not parts.query


def is_no_paper(paper: Paper) -> bool:
    """Whether an entry read from a paper list is no paper (see the module docstring): it names no identifier and
    no PDF, and its address is a repository, a talk, a post or material, or a home page beside no person's name."""
    if paper.arxiv_id or paper.doi or paper.pdf_url:
        return False
    if not paper.url:  # "| RLHF <br> _Notes: …_ | | |": a topic's note row, one word and nothing else
        return len(paper.title.split()) == 1 and not (paper.authors or paper.journal_ref or paper.published)
    if no_paper_address(paper.url) or event_title(paper.title):
        return True
    named = [a for a in paper.authors if len(a.split()) > 1]
    return _home_page(paper.url) and not named
