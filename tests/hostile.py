"""Small hostile HTTP servers on 127.0.0.1 for the hardening tests of the HTTP layer (issue 13).

Each server runs one behaviour (a function of the request handler) for every request and records the
headers it received. Behaviours: :func:`redirect_to`, :func:`gzip_bomb`, :func:`trickle_body`,
:func:`trickle_headers`, :func:`serve`. :func:`refused_port` gives a port nobody listens on.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Callable
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Behaviour = Callable[[BaseHTTPRequestHandler], None]


class HostileServer:
    """Runs ``behaviour(handler)`` for every GET or POST; ``requests`` holds (path, headers) of each."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                try:
                    behaviour(self)
                except OSError:  # the client hung up, as it should
                    pass

            do_POST = do_GET  # noqa: N815

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()


def serve(body: bytes, status: int = 200, headers: dict[str, str] | None = None) -> Behaviour:
    def run(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)

    return run


def redirect_to(location: Callable[[str], str], status: int = 302) -> Behaviour:
    """Answer every request with a redirect to ``location(path)``."""

    def run(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Location", location(h.path))
        h.send_header("Set-Cookie", "session=stolen; Path=/")
        h.send_header("Content-Length", "0")
        h.end_headers()

    return run


@lru_cache(maxsize=2)
def gzip_bomb_bytes(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed (1 GiB gives about 4.5 MiB)."""
    comp = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [comp.compress(block) for _ in range(size >> 20)]
    parts.append(comp.flush())
    return b"".join(parts)


def gzip_bomb(size: int = 1 << 30) -> Behaviour:
    """A 200 whose gzip body inflates to ``size`` bytes."""
    body = gzip_bomb_bytes(size)
    return serve(body, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})


def trickle_body(every: float = 0.2, server: HostileServer | None = None) -> Behaviour:
    """Headers at once, then one body byte every ``every`` seconds, for up to a minute."""

    def run(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", "100000")
        h.end_headers()
        h.wfile.flush()
        for _ in range(int(60 / every)):
            h.wfile.write(b"[")
            h.wfile.flush()
            time.sleep(every)

    return run


def trickle_headers(every: float = 0.2) -> Behaviour:
    """The status line, then one header byte every ``every`` seconds (a response that never starts its body)."""

    def run(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        h.wfile.flush()
        for _ in range(int(60 / every)):
            h.wfile.write(b"a")
            h.wfile.flush()
            time.sleep(every)

    return run


def refused_port() -> int:
    """A port on 127.0.0.1 nobody listens on (bound, then closed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
