#!/usr/bin/env bash
# Installs what Cifra needs on a fresh machine: system packages, a virtualenv, the project.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
if [ "${CIFRA_SETUP_POSTGRES:-0}" = 1 ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    need_apt+=(postgresql)
fi
# Debian's own Chromium and driver for the browser test; never a browser downloaded by a tool.
if [ "${CIFRA_SETUP_BROWSER:-0}" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
    need_apt+=(chromium chromium-driver)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing system packages: ${need_apt[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv"
    python3 -m venv .venv
    .venv/bin/pip install -q --upgrade pip
fi
stamp=.venv/.cifra-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing Cifra and its dependencies into .venv"
    .venv/bin/pip install -q -e ".[test]"
    touch "$stamp"
fi
