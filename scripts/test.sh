#!/usr/bin/env bash
# Set up (scripts/setup.sh), run the review gates (scripts/lint.sh), then the whole test suite. CI runs this.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not browser and not slow"`.
# Tests that read the recorded real corpus run when PAPERLAB_REALDATA names it (a folder with fixtures/ and
# seeds/) and are reported as skipped otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
bash scripts/lint.sh
# shellcheck disable=SC1091
. .venv/bin/activate
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
python -m pytest "$@"
