#!/usr/bin/env bash
# The review gates, in the order a reviewer reads them: Python lint, format, types; TypeScript format, lint, types.
# Run by scripts/test.sh before the tests (so by CI); run it alone after `bash scripts/setup.sh`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck disable=SC1091
. .venv/bin/activate
echo "== ruff check"; ruff check .
echo "== ruff format --check"; ruff format --check .
echo "== mypy paperlab/"; mypy paperlab/
echo "== lint-imports (the layers of docs/architecture.md)"; lint-imports
echo "== js: prettier, eslint, tsc --noEmit"
cd js
[ -d node_modules ] || jlpm install
jlpm lint:check
echo "== all gates green"
