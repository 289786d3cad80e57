"""Waking the revision long-poll when the store changes.

On PostgreSQL the store notifies every committed change (``LISTEN``/``NOTIFY``, :meth:`Store.subscribe`): a
waiting long-poll wakes as soon as another user's change commits, whichever server or kernel made it. SQLite
cannot notify another process, so a waiting long-poll re-reads the revision every :data:`POLL_S` seconds
(one indexed SELECT).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["POLL_S", "ChangeFeed"]

POLL_S = 0.05
#: Longest wait on a notification before the revision is read again anyway (a lost connection may drop one).
RECHECK_S = 1.0


class ChangeFeed:
    """Futures of waiting long-polls, resolved when the store reports a change."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._store: Any = None
        self._unsubscribe: Callable[[], None] | None = None
        self._lock = threading.Lock()

    def _subscribed(self, store: Any, loop: asyncio.AbstractEventLoop) -> bool:
        """Whether ``store`` notifies its changes (subscribing on first use)."""
        with self._lock:
            if store is not self._store:
                if self._unsubscribe is not None:
                    self._unsubscribe()
                self._store, self._loop = store, loop
                self._unsubscribe = store.subscribe(self._notify)
            return self._unsubscribe is not None

    def waiter(self, store: Any) -> asyncio.Future[None] | None:
        """A future resolved at the store's next change (register it *before* reading the revision, so a change
        in between is not missed); None when the store cannot notify."""
        loop = asyncio.get_running_loop()
        if not self._subscribed(store, loop):
            return None
        future: asyncio.Future[None] = loop.create_future()
        self._waiters.add(future)
        return future

    async def wait(self, waiter: asyncio.Future[None] | None, timeout: float) -> None:
        """Until ``waiter`` resolves or ``timeout`` passes (at most :data:`RECHECK_S`); without a waiter,
        :data:`POLL_S` (polling)."""
        if waiter is None:
            await asyncio.sleep(min(timeout, POLL_S))
            return
        try:
            await asyncio.wait_for(asyncio.shield(waiter), max(0.0, min(timeout, RECHECK_S)))
        except asyncio.TimeoutError:
            pass
        finally:
            self.discard(waiter)

    def discard(self, waiter: asyncio.Future[None] | None) -> None:
        """Forget ``waiter`` (the long-poll answered or went away)."""
        if waiter is not None:
            self._waiters.discard(waiter)
            if not waiter.done():
                waiter.cancel()

    def _notify(self) -> None:
        """From the store's listener thread: wake every waiter on the event loop."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(self._wake)
        except RuntimeError:  # the loop closed meanwhile (server shutting down)
            pass

    def _wake(self) -> None:
        for waiter in list(self._waiters):
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    def close(self) -> None:
        """Stop listening to the store."""
        with self._lock:
            if self._unsubscribe is not None:
                self._unsubscribe()
            self._unsubscribe, self._store = None, None
