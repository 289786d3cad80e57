"""A local fake HTTP server (127.0.0.1 only) that replays recorded responses and injects faults.

Used by every network test: clients are pointed at ``server.url`` instead of the real service.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Route:
    path: str
    body: bytes
    status: int = 200
    content_type: str = "application/json"
    match: Callable[[dict[str, list[str]]], bool] | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Fault:
    """One injected failure: 'status' (with code), 'timeout' (sleep past the client's timeout),
    'truncate' (send half the body), 'empty' (a 200 with the given body instead of the route's)."""

    kind: str
    status: int = 503
    body: bytes = b""
    delay: float = 2.0
    headers: dict[str, str] = field(default_factory=dict)


class FakeServer:
    """Replays routes on 127.0.0.1; records every request; injects queued faults.

    Examples
    --------
    >>> with FakeServer() as srv:  # doctest: +SKIP
    ...     srv.route("/api/query", body, content_type="application/atom+xml")
    ...     srv.fail("/api/query", Fault("status", 503))
    """

    def __init__(self, port: int = 0) -> None:
        """Listen on ``port`` of 127.0.0.1 (default: any free port; a given one lets a test bring up a service
        that was unreachable before)."""
        self.routes: list[Route] = []
        self.faults: dict[str, list[Fault]] = {}
        self.requests: list[tuple[float, str, dict[str, list[str]], dict[str, str]]] = []
        # (path, query, decoded JSON body or raw bytes) of every POST, in order
        self.posts: list[tuple[str, dict[str, list[str]], object]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802
                self._handle()

            def do_POST(self) -> None:  # noqa: N802
                """Routed like GET (same routes and faults); the JSON body is recorded in ``server.posts``."""
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body: object = json.loads(raw) if raw else None
                except ValueError:
                    body = raw
                parts = urlsplit(self.path)
                with server._lock:
                    server.posts.append((parts.path, parse_qs(parts.query, keep_blank_values=True), body))
                self._handle()

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                query = parse_qs(parts.query, keep_blank_values=True)
                with server._lock:
                    server.requests.append((time.monotonic(), parts.path, query, dict(self.headers)))
                    queue = server.faults.get(parts.path) or []
                    fault = queue.pop(0) if queue else None
                route = server._find(parts.path, query)
                if fault is not None:
                    if fault.kind == "status":
                        self._send(fault.status, b'{"error": "injected"}', "application/json", fault.headers)
                        return
                    if fault.kind == "timeout":
                        time.sleep(fault.delay)
                        try:
                            self._send(503, b"late", "text/plain", {})
                        except OSError:
                            pass
                        return
                    if fault.kind == "empty":
                        ctype = route.content_type if route else "application/json"
                        self._send(200, fault.body, ctype, {})
                        return
                    if fault.kind == "truncate" and route is not None:
                        half = route.body[: len(route.body) // 2]
                        self.send_response(200)
                        self.send_header("Content-Type", route.content_type)
                        self.send_header("Content-Length", str(len(route.body)))
                        self.end_headers()
                        self.wfile.write(half)
                        self.wfile.flush()
                        self.close_connection = True
                        return
                if route is None:
                    self._send(404, b'{"error": "no such route in the fake server"}', "application/json", {})
                    return
                self._send(route.status, route.body, route.content_type, route.headers)

            def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str]) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def _find(self, path: str, query: dict[str, list[str]]) -> Route | None:
        for route in reversed(self.routes):  # later routes win
            if route.path == path and (route.match is None or route.match(query)):
                return route
        return None

    def route(
        self,
        path: str,
        body: bytes | str,
        status: int = 200,
        content_type: str = "application/json",
        match: Callable[[dict[str, list[str]]], bool] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Serve ``body`` for GET or POST ``path`` (when ``match(query)`` is true, if given)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes.append(Route(path, data, status, content_type, match, headers or {}))

    def fail(self, path: str, *faults: Fault) -> None:
        """Queue faults for the next requests to ``path``, in order."""
        with self._lock:
            self.faults.setdefault(path, []).extend(faults)

    def requests_to(self, path: str) -> list[tuple[float, str, dict[str, list[str]], dict[str, str]]]:
        """Requests received for ``path``."""
        return [r for r in self.requests if r[1] == path]

    def __enter__(self) -> FakeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
