"""Which URLs may become links, and how they are written into markdown and HTML.

One rule everywhere (the same as ``safeUrl`` in ``js/src/common/paper.ts``): only an absolute
``http``/``https`` URL with a host, without whitespace or control characters inside, is linked;
``javascript:``, ``data:``, relative and protocol-relative URLs never are.

Model layer: imports nothing of ours.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

__all__ = ["html_link", "is_http_url", "md_url", "safe_url"]

_HTTP_START = re.compile(r"https?://[^/\\]", re.I)
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f]")
# characters that end or break a markdown link destination or a table cell
_MD_UNSAFE = re.compile(r"[()<>|\\`\[\]]")
_IPV6_HOST = re.compile(r"https?://(?:[^/@]*@)?\[[^\]]*\]", re.I)


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
