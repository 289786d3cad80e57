"""Which URLs may become links, and how they are written into markdown and HTML.

One rule everywhere (the same as ``safeUrl`` in ``js/src/common/paper.ts``): only an absolute
``http``/``https`` URL with a host, without whitespace or control characters inside, is linked;
``javascript:``, ``data:``, relative and protocol-relative URLs never are.

Model layer: imports nothing of ours.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "code_url_in_text",
    "code_urls_in_text",
    "html_link",
    "is_http_url",
    "md_url",
    "safe_url",
    "shared_location",
]

_HTTP_START = re.compile(r"https?://[^/\\]", re.I)
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f]")
# characters that end or break a markdown link destination or a table cell
_MD_UNSAFE = re.compile(r"[()<>|\\`\[\]]")
_IPV6_HOST = re.compile(r"https?://(?:[^/@]*@)?\[[^\]]*\]", re.I)
# A code repository address in running text (an abstract, a comment), with or without its scheme: GitHub, GitLab,
# Bitbucket, a Hugging Face Space or model. Not a GitHub Pages site (``x.github.io``: a project page).
_CODE_URL = re.compile(
    r"(?<![\w.@/-])(?:https?://)?(?:www\.)?(?P<host>github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)"
    r"/(?P<path>[^\s<>\"'`{}|\\^]+)",
    re.I,
)
_LATEX_ESCAPED = re.compile(r"\\([_&%#~])")
# punctuation that ends a sentence or closes a bracket/LaTeX group around an address rather than belonging to it
_TRAILING = ".,;:!?)]}>'\"*_~"
# first path segments of these hosts that are site pages, not a repository's owner
_NOT_OWNERS = {
    "github.com": {"features", "topics", "marketplace", "about", "sponsors", "orgs", "settings", "explore", "login"},
    "gitlab.com": {"explore", "users", "help", "dashboard"},
    "bitbucket.org": {"product", "account"},
    "huggingface.co": {"papers", "datasets", "docs", "blog", "collections", "organizations", "settings", "learn"},
}


def safe_url(url: Any) -> str | None:
    """The URL with surrounding whitespace removed if it is an absolute http(s) URL with a host, else None.

    Examples
    --------
    >>> safe_url(" https://arxiv.org/abs/1706.03762 ")
    'https://arxiv.org/abs/1706.03762'
    >>> safe_url("javascript:alert(1)") is None and safe_url("https:///no-host") is None
    True
    """
    if not isinstance(url, str):
        return None
    text = url.strip()
    if not _HTTP_START.match(text) or _UNSAFE_CHARS.search(text):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    return text if parts.scheme.lower() in ("http", "https") and host else None


_PATH_SEPARATOR = re.compile(r"[\\/]")


@functools.lru_cache(maxsize=256)
def shared_location(location: str) -> str:
    """What of a source's location may leave this machine: an http(s) URL without user name and password,
    else only the last part of a path (its directories name the user and the machine).

    Every serialisation of a :class:`~paperlab.paper.SourceRecord` writes this (cards, exports, the store, the REST
    API, the widget); the record in memory keeps the full location.

    Examples
    --------
    >>> shared_location("/srv/ada/papers/refs.bib"), shared_location("C:\\\\Users\\\\ada\\\\refs.bib")
    ('refs.bib', 'refs.bib')
    >>> shared_location("https://ada:secret@example.org/api?q=1"), shared_location("<string>")
    ('https://example.org/api?q=1', '<string>')
    """
    location = str(location)  # a Path given where a str was expected
    if "/" not in location and "\\" not in location:
        return location
    url = safe_url(location)
    if url is not None:
        parts = urlsplit(url)
        return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    return _PATH_SEPARATOR.split(location.rstrip("/\\"))[-1]


def is_http_url(url: Any) -> bool:
    """Whether :func:`safe_url` accepts ``url``."""
    return safe_url(url) is not None


def md_url(url: Any) -> str | None:
    """:func:`safe_url`, percent-encoded so it cannot end a markdown link or a table cell early.

    >>> md_url("https://example.org/a_(b)|c")
    'https://example.org/a_%28b%29%7Cc'
    """
    safe = safe_url(url)
    if safe is None:
        return None
    ipv6 = _IPV6_HOST.match(safe)  # keep the brackets of an IPv6 host
    start = ipv6.end() if ipv6 else 0
    return safe[:start] + _MD_UNSAFE.sub(_percent, safe[start:])


def _percent(m: re.Match[str]) -> str:
    return f"%{ord(m.group(0)):02X}"


def html_link(url: Any, text_html: str) -> str:
    """``<a href=…>`` opening in a new tab around ``text_html`` (already escaped) if ``url`` is safe, else the text."""
    safe = safe_url(url)
    if safe is None:
        return text_html
    return f'<a href="{html.escape(safe)}" target="_blank" rel="noopener noreferrer">{text_html}</a>'


def code_urls_in_text(text: str | None) -> list[str]:
    """Addresses of code repositories written in ``text`` (GitHub, GitLab, Bitbucket, Hugging Face Spaces and
    models), in order of appearance, without repeats: written with ``https://``, sentence punctuation and closing
    brackets after them left off; a GitHub Pages site, a Hugging Face paper or data set page is not code.

    >>> code_urls_in_text("Code is at https://github.com/thuml/Timer-XL. See also gitlab.com/a/b/c).")
    ['https://github.com/thuml/Timer-XL', 'https://gitlab.com/a/b/c']
    >>> code_urls_in_text(r"Demo: \\url{huggingface.co/spaces/x/demo}; page: https://x.github.io/p/")
    ['https://huggingface.co/spaces/x/demo']
    >>> code_urls_in_text(r"\\href{https://github.com/a/b\\_c}{code}")
    ['https://github.com/a/b_c']
    """
    found: list[str] = []
    # "&amp;", "&quot;" of HTML-ish abstracts; LaTeX's escaped "\\_" in "github.com/a/b\\_c"
    for m in _CODE_URL.finditer(_LATEX_ESCAPED.sub(r"\1", html.unescape(text or ""))):
        host = m.group("host").lower()
        path = _without_trailing(m.group("path"))
        parts = [p for p in path.split("/") if p]
        spaces = host == "huggingface.co" and parts[:1] in (["spaces"], ["models"])
        owner_repo = parts[1:3] if spaces else parts[:2]
        if len(owner_repo) < 2 or owner_repo[0].lower() in _NOT_OWNERS[host]:
            continue
        if host == "github.com":  # a deep link into the tree is kept, a clone address loses its ".git"
            path = path.removesuffix(".git")
        url = safe_url(f"https://{host}/{path}")
        if url and url not in found:
            found.append(url)
    return found


def code_url_in_text(*texts: str | None) -> str | None:
    """The first code repository address in the first of ``texts`` that has one (:func:`code_urls_in_text`)."""
    for text in texts:
        urls = code_urls_in_text(text)
        if urls:
            return urls[0]
    return None


def _without_trailing(path: str) -> str:
    """``path`` without the punctuation that follows an address in prose; a closing bracket opened inside is kept."""
    while path and path[-1] in _TRAILING:
        last = path[-1]
        if last == ")" and path.count("(") >= path.count(")"):
            break
        path = path[:-1]
    return path
