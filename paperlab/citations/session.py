"""Which notebook this kernel runs for *now*, asked of the Jupyter server that started it.

The kernel's start-up name (``__session__`` / ``$JPY_SESSION_NAME``) goes stale when the notebook is renamed (the
first save of ``Untitled.ipynb`` usually does that). The server knows the current path: its ``/api/sessions`` answer
pairs each notebook path with its kernel id, and the kernel knows its own id from its connection file name
(``kernel-<id>.json``). The running servers are found through jupyter_server's runtime files (URL, token, root
folder); only servers on this machine (127.0.0.1 / localhost) are asked, with a short timeout, and any failure
just means "the server did not say" (the caller falls back to the start-up name).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["kernel_id", "notebook_from_server", "running_servers"]

_LOCAL = {"127.0.0.1", "localhost", "::1"}
_KERNEL_FILE = re.compile(r"kernel-([0-9a-fA-F-]{8,})\.json$")


def kernel_id(connection_file: str | Path | None = None) -> str | None:
    """This kernel's id, read from its connection file's name (``None`` outside a Jupyter kernel)."""
    if connection_file is None:
        try:
            from ipykernel.connect import get_connection_file

            connection_file = get_connection_file()
        except Exception:  # not in an ipykernel, or no kernel app running
            return None
    match = _KERNEL_FILE.search(Path(connection_file).name)
    return match.group(1) if match else None


def running_servers(runtime_dir: str | Path | None = None) -> list[dict[str, Any]]:
    """The Jupyter servers running on this machine, as their runtime files describe them (newest first)."""
    try:
        from jupyter_server.serverapp import list_running_servers
    except ImportError:  # the kernel's environment has no jupyter_server
        return []
    try:
        servers = list(list_running_servers(str(runtime_dir) if runtime_dir is not None else None))
    except (OSError, ValueError):
        return []
    local = [s for s in servers if urlsplit(str(s.get("url", ""))).hostname in _LOCAL]
    return sorted(local, key=lambda s: -int(s.get("pid") or 0))


def _sessions(server: dict[str, Any], timeout: float) -> list[dict[str, Any]]:
    import httpx

    url = str(server["url"]).rstrip("/") + "/api/sessions"
    headers = {"Authorization": f"token {server.get('token', '')}"}
    try:  # a local server only (running_servers): no proxy from the environment
        resp = httpx.get(url, headers=headers, timeout=timeout, trust_env=False)
        resp.raise_for_status()
        answer = resp.json()
    except (httpx.HTTPError, ValueError):
        return []
    return [s for s in answer if isinstance(s, dict)] if isinstance(answer, list) else []


def notebook_from_server(
    kernel: str | None = None, *, runtime_dir: str | Path | None = None, timeout: float = 2.0
) -> Path | None:
    """The saved notebook file the running Jupyter server pairs with kernel ``kernel`` (default: this kernel),
    or ``None`` when no local server knows the kernel or the file is not on disk."""
    kernel = kernel or kernel_id()
    if not kernel:
        return None
    for server in running_servers(runtime_dir):
        for session in _sessions(server, timeout):
            if (session.get("kernel") or {}).get("id") != kernel or not session.get("path"):
                continue
            root = Path(str(server.get("root_dir") or server.get("notebook_dir") or "."))
            path = root / str(session["path"])
            return path if path.is_file() else None
    return None
