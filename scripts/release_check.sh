#!/usr/bin/env bash
# Release check, like the JupyterLab extension template's isolated-install job: build the sdist and the wheel,
# install the wheel into a fresh virtualenv with Node absent from PATH, and check that JupyterLab sees the
# labextension, Jupyter Server the server extension, and that the `paperlab` command searches the demo corpus.
# Needs scripts/setup.sh to have run (it uses .venv to build). Leaves dist/ behind.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
# shellcheck disable=SC1091
. .venv/bin/activate
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "== build sdist and wheel from a clean copy of the tracked tree (so no local build output is reused)"
mkdir "$WORK/src"
git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$WORK/src"
rm -rf dist
python -m build --outdir dist "$WORK/src" >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
ls dist
WHEEL=$(ls dist/*.whl)
deactivate
PY=$(command -v "${PYTHON:-python3}")
PY=$("$PY" -c 'import sys; print(sys.executable)')
"$PY" -m venv "$WORK/venv"
# Only the new venv on PATH: no node, npm or jlpm can be found while installing or running.
NO_NODE_PATH="$WORK/venv/bin"
run() { env -u VIRTUAL_ENV -u PYTHONPATH PATH="$NO_NODE_PATH" HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 PAPERLAB_HOME="$WORK/home" "$@"; }
if run sh -c 'command -v node' >/dev/null 2>&1; then echo "node is still on PATH"; exit 1; fi
echo "== install the wheel into a fresh venv without Node"
run "$WORK/venv/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
run "$WORK/venv/bin/python" -m pip install -q torch==2.13.0 2>&1 | grep -v "^WARNING: Location" || true
# JupyterLab itself is what a user has already; the wheel brings the prebuilt extension.
run "$WORK/venv/bin/python" -m pip install -q -c "$ROOT/scripts/constraints.txt" "jupyterlab>=4.2,<5" "$ROOT/$WHEEL" 2>&1 \
  | grep -v "^WARNING: Location" || true
run "$WORK/venv/bin/python" -c "import paperlab, torch; assert torch.__version__.endswith('+cpu')"
cd "$WORK"
strip() { sed -e 's/\x1b\[[0-9;]*m//g'; }
echo "== jupyter labextension list"
LAB=$(run "$WORK/venv/bin/jupyter" labextension list 2>&1 | strip || true)
echo "$LAB" | grep -E "jupyterlab-paperlab v[^ ]+ enabled OK" \
  || { echo "$LAB"; echo "FAIL: the labextension jupyterlab-paperlab is not enabled and OK"; exit 1; }
echo "== jupyter server extension list"
SRV=$(run "$WORK/venv/bin/jupyter" server extension list 2>&1 | strip || true)
echo "$SRV" | grep -E "paperlab enabled" >/dev/null && echo "$SRV" | grep -E "paperlab [^ ]+ OK" \
  || { echo "$SRV"; echo "FAIL: the server extension paperlab is not enabled and OK"; exit 1; }
echo "== paperlab search --corpus demo"
OUT=$(run "$WORK/venv/bin/paperlab" search "contrastive learning without negative pairs" --corpus demo -k 3)
echo "$OUT"
[ "$(echo "$OUT" | grep -c .)" -ge 3 ] || { echo "FAIL: the search printed fewer than 3 lines"; exit 1; }
echo "== release check passed"
