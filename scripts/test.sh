#!/usr/bin/env bash
# Command 2: set everything up (PostgreSQL server and headless Chromium included) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
CIFRA_SETUP_POSTGRES=1 CIFRA_SETUP_BROWSER=1 bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
