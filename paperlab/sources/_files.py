"""Reading input files with the one error shape every importer uses."""

from __future__ import annotations

from pathlib import Path

from ..errors import ParseError

__all__ = ["read_bytes", "read_text"]


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes.

    Raises
    ------
    ParseError
        Naming the file and why it could not be read (missing, a folder, no permission).
    """
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror}", source=str(path)) from None


def read_text(path: str | Path) -> str:
    """The file decoded as UTF-8 (a byte-order mark is dropped).

    Raises
    ------
    ParseError
        If the file cannot be read or is not UTF-8, naming the offset of the first bad byte.
    """
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"expected UTF-8 text, got undecodable byte at offset {exc.start}", source=str(path)) from None
