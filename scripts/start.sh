#!/usr/bin/env bash
# Command 1: set everything up, build the catalog if needed, show what it holds, and serve the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! .venv/bin/cifra catalog summary >/dev/null 2>&1; then
    .venv/bin/cifra catalog build
fi
.venv/bin/cifra catalog summary
port="${STREAMLIT_SERVER_PORT:-8501}"
echo "Cifra web app: http://localhost:${port} (Ctrl+C stops it)"
# browser.serverAddress: print this URL instead of asking an outside service for the machine's public IP
exec .venv/bin/streamlit run ui/app.py --server.headless true --server.port "$port" \
    --browser.serverAddress localhost --browser.gatherUsageStats false
