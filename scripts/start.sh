#!/usr/bin/env bash
# Command 1: set everything up, build the catalog if needed, show what it holds, and serve the web app.
# The local model (a llama-cpp-python build and 1.1 GB of weights) is prepared in the background: the chat
# answers with rules meanwhile, and its sidebar shows the model's progress.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! .venv/bin/cifra catalog summary >/dev/null 2>&1; then
    .venv/bin/cifra catalog build
fi
.venv/bin/cifra catalog summary
home="${CIFRA_HOME:-$HOME/.cache/cifra}"
mkdir -p "$home"
if [ -z "${CIFRA_LLM_URL:-}" ]; then
    echo "Preparing the local model in the background (log: $home/model-setup.log)"
    nohup bash scripts/setup_model.sh >"$home/model-setup.log" 2>&1 &
fi
port="${STREAMLIT_SERVER_PORT:-8501}"
echo "Cifra web app: http://localhost:${port} (Ctrl+C stops it)"
# browser.serverAddress: print this URL instead of asking an outside service for the machine's public IP
exec .venv/bin/streamlit run ui/app.py --server.headless true --server.port "$port" \
    --browser.serverAddress localhost --browser.gatherUsageStats false
