"""Cold start: how long a NEW process takes to answer one query, and document-embedding throughput.

Every case runs in a fresh Python process (``--runs`` times; the table shows the median and the
fastest wall time) against one fresh ``PAPERLAB_HOME``:

* ``paperlab search Q --corpus demo --mode lexical`` (BM25 only);
* ``paperlab search Q --corpus demo`` (hybrid; the packaged MiniLM on onnxruntime, the default);
* the same hybrid search through the Python API, with the ONNX encoder and, as the baseline, with
  ``encoder="torch"`` (sentence-transformers, what every search used before);
* ``import paperlab`` against an empty Python process (baseline);
* ``%load_ext paperlab`` in a new IPython shell, against the same shell without it (baseline);
* with ``--realdata``: a saved :class:`~paperlab.search.PaperIndex` of the recorded real corpus
  loaded by a new process (its papers read from their files, the index from its folder).

Each row also says whether torch was imported. Then, in this process, documents per second of the
ONNX encoder's document path (:func:`~paperlab.search.encoders.document_vectors`: the fused graph in full
precision, and the int8 graph that fills the embedding cache by default) against sentence-transformers
(the baseline) on the same texts (real titles and abstracts of the demo corpus; warm models, batch 32),
in interleaved rounds, and the lowest cosine of each one's vectors to the torch ones. Whether int8 ranks
as well as full precision is measured by ``bench_embedding_precision.py``.

Usage: python benchmarks/bench_cold_start.py [--runs 5] [--realdata PATH] [--texts 256] [--rounds 3]
[--embedding-only]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from _data import add_realdata_argument  # noqa: E402

QUERY = "contrastive learning without negative pairs"
REAL_FILES = ("seeds/daily-arxiv-readme.md", "seeds/hf-papers-contrastive.txt", "seeds/hf-papers-ood-hallucination.txt")

_API = """
import sys, time
from paperlab.data import demo_library
from paperlab.search import search_library
hits = search_library(demo_library(), {query!r}, k=10, encoder={encoder!r})
print("TORCH" if "torch" in sys.modules else "NOTORCH", len(hits))
"""

_IPYTHON = (
    "from IPython.core.interactiveshell import InteractiveShell\n"
    "ip = InteractiveShell.instance()\n"
    "{line}"
    "import sys; print('TORCH' if 'torch' in sys.modules else 'NOTORCH')\n"
)

_SAVED = """
import sys
import paperlab
from paperlab.search import PaperIndex
lib = paperlab.load(*{files!r})
index = PaperIndex(index_dir={index_dir!r}, persist_above=0).fit(lib)
hits = index.search({query!r}, k=10)
print("TORCH" if "torch" in sys.modules else "NOTORCH", len(hits), "loaded" if index.loaded_from_ else "built")
"""


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    wall = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:4])}... failed:\n{out.stderr[-2000:]}")
    return wall, out.stdout


def _cli_imports_torch(argv: list[str], env: dict[str, str]) -> bool:
    out = subprocess.run([*argv[:1], "-X", "importtime", *argv[1:]], capture_output=True, text=True, env=env, cwd=ROOT)
    return any(line.rstrip().endswith((" torch", " sentence_transformers")) for line in out.stderr.splitlines())


def cold_start(runs: int, env: dict[str, str], realdata: Path | None) -> list[dict]:
    py = sys.executable
    cli = [py, "-m", "paperlab.cli", "search", QUERY, "--corpus", "demo"]
    cases: list[tuple[str, list[str], bool | None]] = [
        ("CLI lexical, demo corpus", [*cli, "--mode", "lexical"], None),
        ("CLI hybrid (ONNX), demo corpus", cli, None),
        ("API hybrid (ONNX), demo corpus", [py, "-c", _API.format(query=QUERY, encoder=None)], None),
        ("API hybrid (torch, baseline), demo corpus", [py, "-c", _API.format(query=QUERY, encoder="torch")], None),
        ("Python alone (baseline)", [py, "-c", "print('NOTORCH')"], None),
        (
            "import paperlab",
            [py, "-c", "import sys, paperlab; print('TORCH' if 'torch' in sys.modules else 'NOTORCH')"],
            None,
        ),
        ("IPython shell alone (baseline)", [py, "-c", _IPYTHON.format(line="")], None),
        (
            "IPython shell + %load_ext paperlab",
            [py, "-c", _IPYTHON.format(line="ip.run_line_magic('load_ext', 'paperlab')\n")],
            None,
        ),
    ]
    if realdata is not None:
        files = [str(realdata / f) for f in REAL_FILES]
        code = _SAVED.format(files=files, index_dir=str(Path(env["PAPERLAB_HOME"]) / "saved"), query=QUERY)
        _run([py, "-c", code], env)  # embeds the papers once and saves the index
        cases.append(("API hybrid (ONNX), saved index of the real corpus", [py, "-c", code], None))
    rows = []
    for name, argv, _ in cases:
        _run(argv, env)  # warm the OS file cache (the first run after install reads the files from disk)
        walls, outputs = [], []
        for _ in range(runs):
            wall, out = _run(argv, env)
            walls.append(wall)
            outputs.append(out)
        if argv[1] == "-m":
            torch = _cli_imports_torch(argv, env)
        else:
            torch = outputs[-1].split()[0] == "TORCH"
        rows.append({"case": name, "median_s": statistics.median(walls), "min_s": min(walls), "torch": torch})
    return rows


def throughput(n_texts: int, rounds: int) -> dict:
    """Documents per second of each encoder on the same texts, ``rounds`` interleaved rounds (median), and the
    lowest cosine of each one's vectors to sentence-transformers'."""
    import numpy as np

    from paperlab.data import demo_library
    from paperlab.search import paper_text
    from paperlab.search.encoders import SentenceEncoder, document_vectors
    from paperlab.search.onnx import OnnxEncoder

    texts = [paper_text(p) for p in demo_library()][:n_texts]
    encoders = {
        "torch": SentenceEncoder("all-MiniLM-L6-v2"),
        "onnx_fp32": OnnxEncoder(document_precision="fp32"),
        "onnx_int8": OnnxEncoder(document_precision="int8"),
    }
    result: dict = {"texts": len(texts), "mean_chars": int(np.mean([len(t) for t in texts])), "rounds": rounds}
    walls: dict[str, list[float]] = {name: [] for name in encoders}
    vectors = {}
    for enc in encoders.values():
        document_vectors(enc, texts[:8])  # load the model (and make the int8 graph once)
    for _ in range(rounds):  # interleaved: a load change on the shared machine hits every encoder alike
        for name, enc in encoders.items():
            start = time.perf_counter()
            vectors[name] = document_vectors(enc, texts)
            walls[name].append(time.perf_counter() - start)
    for name in encoders:
        result[f"{name}_texts_per_s"] = len(texts) / statistics.median(walls[name])
        result[f"{name}_speedup"] = result[f"{name}_texts_per_s"] / (len(texts) / statistics.median(walls["torch"]))
        result[f"{name}_min_cosine"] = float((vectors[name] * vectors["torch"]).sum(axis=1).min())
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="new processes per case (default 5)")
    ap.add_argument("--texts", type=int, default=256, help="texts for the throughput comparison (default 256)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds of the throughput comparison")
    ap.add_argument("--embedding-only", action="store_true", help="only the document-embedding table")
    add_realdata_argument(ap, required=False)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="paperlab-cold-") as home:
        env = {**os.environ, "PAPERLAB_HOME": home, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
        export_s, _ = _run([sys.executable, "-m", "paperlab.search.onnx"], env)
        print(f"one-time ONNX export (new process, imports torch): {export_s:.1f} s")
        rows = [] if args.embedding_only else cold_start(args.runs, env, args.realdata)
        os.environ["PAPERLAB_HOME"] = home
        load_before = os.getloadavg()[0]
        tput = throughput(args.texts, args.rounds)
        tput["load_average"] = [load_before, os.getloadavg()[0]]
    print(f"\nnew-process wall time to answer one query ({args.runs} runs each, {os.cpu_count()} cores)")
    print(f"{'case':<52} {'median s':>9} {'fastest s':>10}  torch imported")
    for r in rows:
        print(f"{r['case']:<52} {r['median_s']:>9.2f} {r['min_s']:>10.2f}  {'yes' if r['torch'] else 'no'}")
    print(
        f"\ndocument embedding, {tput['texts']} real titles+abstracts (mean {tput['mean_chars']} chars), warm models, "
        f"median of {tput['rounds']} interleaved rounds, load average {tput['load_average'][0]:.1f} -> "
        f"{tput['load_average'][1]:.1f}"
    )
    print(f"{'encoder (documents)':<36} {'texts/s':>8} {'vs torch':>9} {'lowest cosine to torch':>23}")
    for name, label in (
        ("torch", "sentence-transformers (torch)"),
        ("onnx_fp32", "onnxruntime fused, full precision"),
        ("onnx_int8", "onnxruntime fused, int8 (default)"),
    ):
        print(
            f"{label:<36} {tput[name + '_texts_per_s']:>8.1f} {tput[name + '_speedup']:>8.2f}x "
            f"{tput[name + '_min_cosine']:>23.6f}"
        )
    print(json.dumps({"cold_start": rows, "throughput": tput}))


if __name__ == "__main__":
    main()
