#!/usr/bin/env bash
# Set up paperlab and run it on the bundled demo corpus: a search from the shell, then the tour notebook
# in JupyterLab. Pass --no-lab to stop after the shell part.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PAPERLAB_SKIP_BROWSER=1 PAPERLAB_SKIP_POSTGRES=1 bash scripts/setup.sh
# shellcheck disable=SC1091
. .venv/bin/activate
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
echo "== preparing the search model (exported to ONNX once: later searches never load torch)"
python -m paperlab.search.onnx >/dev/null
echo "== paperlab search over the bundled demo corpus"
paperlab search "why do language models make things up, and how can we detect it" --corpus demo -k 5
paperlab search "learning representations by pulling similar pairs together" --corpus demo -k 5
if [ "${1:-}" != "--no-lab" ]; then
  # JupyterLab refuses to start as root (a container, a fresh VM) unless told it may
  if [ "$(id -u)" = "0" ]; then set -- --allow-root; else set --; fi
  exec jupyter lab "$@" notebooks/01-tour.ipynb
fi
