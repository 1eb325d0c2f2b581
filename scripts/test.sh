#!/usr/bin/env bash
# Command 2: set everything up (PostgreSQL server, headless Chromium and the local model included) and run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
CIFRA_SETUP_POSTGRES=1 CIFRA_SETUP_BROWSER=1 bash scripts/setup.sh
bash scripts/setup_model.sh
exec .venv/bin/python -m pytest "$@"
