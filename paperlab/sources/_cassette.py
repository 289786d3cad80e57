"""Recorded HTTP answers in vcrpy YAML cassettes (``interactions: [{request, response}]``).

Two recorders' shapes are read: vcrpy's own (``response.body.string``, ``response.status.code``) and the
httpx stubs' (``response.content``, ``response.status_code``). A body may be text or ``!!binary`` bytes,
gzip- or deflate-compressed when its ``Content-Encoding`` says so (decompressed up to a bound).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from ..errors import ParseError
from ._files import decode_text

__all__ = ["Interaction", "cassette_records", "is_cassette", "read_cassette"]

# A decompressed body larger than this is refused (real API answers are well under a few megabytes).
_MAX_BODY = 64 * 1024 * 1024
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Interaction:
    """One recorded request and its answer; ``where`` names it (``interaction N``) for messages."""

    where: str
    method: str
    uri: str
    status: int | None
    body: str | None
    error: str | None = None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _header(headers: Any, name: str) -> str:
    for key, value in _dict(headers).items():
        if str(key).lower() == name:
            return str(value[0] if isinstance(value, list) and value else value)
    return ""


def _status(response: dict[str, Any]) -> int | None:
    status = response.get("status")
    code = _dict(status).get("code") if isinstance(status, dict) else response.get("status_code", status)
    return code if type(code) is int else None


def _body(response: dict[str, Any], source: str, where: str) -> str | None:
    body = response.get("body")
    raw = _dict(body).get("string") if isinstance(body, dict) else response.get("content", body)
    if raw is None:
        return None
    if isinstance(raw, str):
        return raw
    if not isinstance(raw, (bytes, bytearray)):
        raise ParseError(f"expected the response body as text or bytes, got {type(raw).__name__}", source, where)
    data = bytes(raw)
    encoding = _header(response.get("headers"), "content-encoding").lower()
    if "gzip" in encoding or "deflate" in encoding or data[:2] == b"\x1f\x8b":
        try:
            inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if data[:2] == b"\x1f\x8b" else zlib.MAX_WBITS)
            data = inflater.decompress(data, _MAX_BODY)
        except zlib.error as exc:
            raise ParseError(f"expected a {encoding or 'gzip'} body that decompresses: {exc}", source, where) from None
        if inflater.unconsumed_tail:
            raise ParseError(f"expected a response body of at most {_MAX_BODY} bytes", source, where)
    return decode_text(data, source, where)


def is_cassette(data: bytes) -> bool:
    """Whether ``data`` looks like a vcrpy YAML cassette."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"interactions:") or b"\ninteractions:" in head


def read_cassette(data: bytes, source: str) -> list[Interaction]:
    """The interactions of a vcrpy cassette, in recorded order (an unreadable one carries its ``error``).

    Raises
    ------
    ParseError
        Not YAML, or not a cassette (no ``interactions`` list), naming the file and the YAML line.
    """
    text = decode_text(data, source)
    try:
        doc = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ParseError(
            f"expected a vcrpy YAML cassette, but the YAML is broken: {getattr(exc, 'problem', None) or exc}",
            source=source,
            where=f"line {mark.line + 1}" if mark is not None else None,
        ) from None
    except (RecursionError, ValueError, TypeError, OverflowError) as exc:
        raise ParseError(f"expected a vcrpy YAML cassette ({type(exc).__name__})", source=source) from None
    interactions = _dict(doc).get("interactions")
    if not isinstance(interactions, list):
        raise ParseError("expected a vcrpy YAML cassette with an 'interactions' list", source=source)
    out = []
    for i, item in enumerate(interactions, 1):
        where = f"interaction {i}"
        request, response = _dict(_dict(item).get("request")), _dict(_dict(item).get("response"))
        method, uri = str(request.get("method") or ""), str(request.get("uri") or "")
        if not response:
            out.append(Interaction(where, method, uri, None, None, "expected a 'response' mapping"))
            continue
        try:
            out.append(Interaction(where, method, uri, _status(response), _body(response, source, where)))
        except ParseError as exc:
            out.append(Interaction(where, method, uri, _status(response), None, exc.message))
    return out


def cassette_records(
    data: bytes, source: str, records_of: Callable[[Interaction], Iterable[tuple[str, Any]]]
) -> Iterator[tuple[str, Any]]:
    """``(where, record)`` of every interaction's answer, each named ``interaction N, <where records_of gave>``, for
    :func:`~paperlab.sources._files.read_records`; an interaction that gives none (no body, or ``records_of`` raised
    ParseError, e.g. for an HTTP error answer) is one record, its ParseError, named ``interaction N``, in order."""
    for ix in read_cassette(data, source):
        try:
            if ix.error or ix.body is None:
                raise ParseError(ix.error or "expected a response body")
            records = [(f"{ix.where}, {where}", record) for where, record in records_of(ix)]
        except ParseError as exc:
            yield ix.where, ParseError(exc.message)
            continue
        yield from records
