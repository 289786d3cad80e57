"""A process that exits while its library is still being embedded in the background exits cleanly (rc 0, no
onnxruntime abort) and keeps the batches it finished: a second process finds their vectors in the store.

Real packaged MiniLM on onnxruntime, real SQLite store, real interpreter exit (a subprocess).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from paperlab.paper import Paper
from paperlab.search import paper_text, text_hash
from paperlab.search.encoders import DEFAULT_MODEL
from paperlab.search.onnx import OnnxEncoder, export_packaged_model, quantize_packaged_model
from paperlab.store import open_store

N_PAPERS = 300
BATCH = 8

# Run in a fresh interpreter: embeds N_PAPERS texts of our own in the background and leaves the
# interpreter as soon as two batches are in, while the third is being encoded.
SCRIPT = textwrap.dedent(
    """
    import json, sys, threading
    from paperlab.library import Library
    from paperlab.search.background import embed_library
    from test_background_exit import BATCH, papers

    job = embed_library(Library(papers()), batch_size=BATCH, progress=False)
    waiter = threading.Event()
    while job.progress["done"] < 2 * BATCH and not job.done:
        waiter.wait(0.01)
    print(json.dumps(job.progress), flush=True)
    """
)


def papers() -> list[Paper]:
    """N_PAPERS papers of our own (not in the demo corpus, whose vectors are shipped)."""
    return [
        Paper(
            id=f"exit{i}",
            title=f"Load study {i} of a sharded queue under bursty traffic",
            abstract=f"We measure how queue {i} behaves when {i % 17} producers flood it. " * 6,
        )
        for i in range(N_PAPERS)
    ]


@pytest.fixture(scope="module")
def model_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PAPERLAB_HOME with the ONNX model and its int8 copy made once (the export imports torch: ~10 s)."""
    home = tmp_path_factory.mktemp("exit_home")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PAPERLAB_HOME", str(home))
        quantize_packaged_model(export_packaged_model())
    return home


def test_exit_during_background_embedding_is_clean_and_keeps_finished_batches(
    model_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_path = tmp_path / "exit.sqlite3"
    here = str(Path(__file__).parent)
    path = os.pathsep.join([here, *filter(None, [os.environ.get("PYTHONPATH")])])
    env = {**os.environ, "PAPERLAB_HOME": str(model_home), "PAPERLAB_STORE": str(store_path), "PYTHONPATH": path}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "terminate called" not in run.stderr
    assert run.returncode == 0, run.stderr[-2000:]
    at_exit = json.loads(run.stdout.strip().splitlines()[-1])
    assert at_exit["state"] == "running" and at_exit["done"] >= 2 * BATCH  # it really was mid-job

    # this test's process is the second one: it finds what the first finished, and only that
    texts = [paper_text(p) for p in papers()]
    hashes = [text_hash(t) for t in texts]
    rows = open_store(store_path).get_embedding_rows(DEFAULT_MODEL, hashes)
    assert at_exit["done"] <= len(rows) < N_PAPERS  # the job stopped at exit instead of running to the end
    assert len(rows) % BATCH == 0  # whole batches: none was cut off half-written
    kept = [i for i, h in enumerate(hashes) if h in rows]
    stored = np.stack([np.frombuffer(rows[hashes[i]][1], dtype=np.float16).astype(np.float32) for i in kept])
    monkeypatch.setenv("PAPERLAB_HOME", str(model_home))  # the model made once for the module
    fresh = OnnxEncoder().encode_documents([texts[i] for i in kept])
    assert float((stored * fresh).sum(axis=1).min()) > 0.999  # the vectors are the real ones of those texts


def test_a_kernel_shut_down_while_embedding_exits_cleanly_and_keeps_finished_batches(
    model_home: Path, tmp_path: Path
) -> None:
    """The same in a real IPython kernel shut down the way JupyterLab does it (a shutdown request)."""
    from jupyter_client.manager import KernelManager

    store_path = tmp_path / "kernel.sqlite3"
    here = str(Path(__file__).parent)
    env = {**os.environ, "PAPERLAB_HOME": str(model_home), "PAPERLAB_STORE": str(store_path), "PYTHONPATH": here}
    km = KernelManager(kernel_name="python3")
    km.start_kernel(env=env)
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        shown: list[str] = []
        reply = kc.execute_interactive(
            SCRIPT, timeout=300, output_hook=lambda msg: shown.append(msg["content"].get("text", ""))
        )
        assert reply["content"]["status"] == "ok", reply["content"]
        process = km.provisioner.process  # type: ignore[union-attr]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)  # a shutdown request, then the manager waits for the process to end
    assert process.returncode == 0  # was -6 (SIGABRT: onnxruntime torn down mid-run)
    at_exit = json.loads("".join(shown).strip().splitlines()[-1])
    assert at_exit["state"] == "running"
    texts = [paper_text(p) for p in papers()]
    rows = open_store(store_path).get_embedding_rows(DEFAULT_MODEL, [text_hash(t) for t in texts])
    assert at_exit["done"] <= len(rows) < N_PAPERS
