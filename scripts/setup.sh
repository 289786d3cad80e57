#!/usr/bin/env bash
# Set up everything paperlab needs in ./.venv (idempotent): CPU torch, the package with its
# test extras (this also builds the JupyterLab extension and widget with Node), and Chromium
# for the browser tests. Usage: source scripts/setup.sh  (or bash scripts/setup.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
# A fresh set-up writes about 4 GB (venv 2.7 GB with CPU torch, Node packages 0.5 GB, Chromium, pip's temporary
# files): say so up front instead of failing half-way with pip's "No space left on device".
NEED_KB=$((5 * 1024 * 1024))
FREE_KB=$(df -Pk . | awk 'NR==2 {print $4}')
if [ ! -x .venv/bin/python ] && [ "${FREE_KB:-0}" -lt "$NEED_KB" ]; then
  echo "paperlab setup: only $((FREE_KB / 1024)) MB free on $(df -P . | awk 'NR==2 {print $6}');" \
    "a fresh set-up needs about 5 GB (venv with CPU torch, Node packages, Chromium). Free some space and re-run." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -c "import torch, sys; sys.exit(0 if torch.__version__.endswith('+cpu') else 1)" 2>/dev/null \
  || python -m pip install -q torch==2.13.0
python -m pip install -q -c scripts/constraints.txt -e ".[test,dev]"
python -c "import torch; assert torch.__version__.endswith('+cpu'), torch.__version__"
# Debian packages: Chromium for the browser tests, PostgreSQL server binaries for the team-store tests
# (the tests start their own server on 127.0.0.1).
APT=()
if [ "${PAPERLAB_SKIP_BROWSER:-0}" != "1" ] && [ ! -x /usr/bin/chromium ]; then APT+=(chromium); fi
if [ "${PAPERLAB_SKIP_POSTGRES:-0}" != "1" ] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  APT+=(postgresql)
fi
if [ ${#APT[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${APT[@]}" >/dev/null
fi
