#!/usr/bin/env bash
# Command 1: set everything up, build the catalog if needed, and show what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! .venv/bin/cifra catalog summary >/dev/null 2>&1; then
    .venv/bin/cifra catalog build
fi
.venv/bin/cifra catalog summary
