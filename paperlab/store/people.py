"""Who makes a change: every reading-list entry records who added it (``added_by``) and who last changed it
(``updated_by``).

In a kernel or on the command line that is ``$PAPERLAB_USER`` when set, else the operating-system user;
the server extension runs each request's store calls :func:`acting_as` the request's Jupyter identity
(``current_user.username``), so on JupyterHub every member's changes carry their own name.
"""

from __future__ import annotations

import contextvars
import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["acting_as", "current_user"]

_acting: contextvars.ContextVar[str | None] = contextvars.ContextVar("paperlab_acting_user", default=None)


def current_user() -> str:
    """The name changes are recorded under right now.

    In order: the identity set by :func:`acting_as` (the server extension's request user),
    ``$PAPERLAB_USER``, the operating-system user; ``"unknown"`` when none can be found.
    """
    acting = _acting.get()
    if acting:
        return acting
    named = os.environ.get("PAPERLAB_USER", "").strip()
    if named:
        return named
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError):  # no login name and no passwd entry (e.g. an arbitrary container uid)
        return "unknown"


@contextmanager
def acting_as(user: str | None) -> Iterator[None]:
    """Record the changes made inside the block under ``user`` (None or blank: :func:`current_user` as usual).

    The setting belongs to the current thread / asyncio context only.
    """
    token = _acting.set(user.strip() if isinstance(user, str) and user.strip() else None)
    try:
        yield
    finally:
        _acting.reset(token)
