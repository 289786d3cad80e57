"""XML shared by arXiv's feed readers (RSS/Atom listings, OAI-PMH): local names, and the root of a document parsed
with the hardened parser of the Atom reader (no entities, no network)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from ...errors import ParseError
from .atom import _XML_PARSER


def local_name(el: Any) -> str:
    """The tag without its namespace ("" for comments and processing instructions)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def xml_root(data: bytes, source: str, *, expected: str, roots: tuple[str, ...], root_text: str) -> etree._Element:
    """The root element, or a :class:`ParseError` saying the XML is broken (with its line) or the root is not one of
    ``roots`` (local names)."""
    try:
        root = etree.fromstring(data, _XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(
            f"expected {expected}, but the XML is broken: {exc.msg}",
            source=source,
            where=f"line {exc.lineno}" if exc.lineno else None,
        ) from None
    if root is None or local_name(root) not in roots:
        tag = local_name(root) if root is not None else "nothing"
        raise ParseError(f"expected {root_text} root element, got <{tag}>", source=source)
    return root
