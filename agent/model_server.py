"""One supervised model server per ``CIFRA_HOME``, shared by every thread and process that needs the model.

Native model code never runs in the chat's own process: a crash there (SIGILL from a CPU feature the
machine does not really have, an out-of-memory kill) would take every open session with it. Instead the
first question that needs the model starts ``python -m llama_cpp.server`` (llama-cpp-python's
OpenAI-compatible server) and talks to it over HTTP, as it would to any server named by ``CIFRA_LLM_URL``.

- **Once.** Threads of a process share one ``ModelServer`` (``shared_server``); processes share one through
  an exclusive ``flock`` on ``$CIFRA_HOME/model-server/owner.lock``: its holder runs the server and writes
  ``server.json`` (URL and state); the others read it. When the owner exits, the kernel drops its lock
  and the server (``PR_SET_PDEATHSIG``) with it, and the next process that needs the model takes over.
- **Supervised.** The owner's supervisor thread waits for the server to answer ``/v1/models``, then
  watches the process; after a crash it restarts it with exponential backoff.
- **Queued.** llama-cpp-python's server answers one request at a time and queues the rest; a request whose
  client gave up before its turn is skipped. Its context keeps the evaluated prompt, so a call whose
  prompt starts like the previous one (system text, schema, examples) evaluates only the new part.
"""

import ctypes
import fcntl
import importlib.util
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Literal

import httpx
from pydantic import BaseModel

from agent.model_files import ModelUnavailable, chat_format, model_path
from cifra.settings import Settings

log = logging.getLogger(__name__)

State = Literal["stopped", "starting", "ready", "crashed"]
STARTUP_SECONDS = 300  # loading a model from a cold disk on a slow machine
FIRST_BACKOFF_SECONDS = 1.0
MAX_BACKOFF_SECONDS = 60.0
STABLE_SECONDS = 60.0  # a server up this long resets the backoff
SETUP_STATUS_FILE = "model-setup.txt"


class ModelPreparing(ModelUnavailable):
    """The model is still being installed (scripts/setup_model.sh is running)."""


class ServerStatus(BaseModel):
    """What ``server.json`` says, and what the sidebar shows."""

    state: State = "stopped"
    url: str | None = None
    pid: int | None = None
    owner_pid: int | None = None
    launches: int = 0
    detail: str = ""


def setup_progress(settings: Settings) -> str | None:
    """What scripts/setup_model.sh last said (its first line; the second names its process), or None when it
    never ran here. A setup that stopped half-way is reported as failed, not as forever under way."""
    try:
        lines = (settings.home / SETUP_STATUS_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    if not lines:
        return None
    progress = lines[0].strip()
    pid = lines[1].removeprefix("pid ").strip() if len(lines) > 1 else ""
    if _under_way(progress) and pid.isdigit() and not _pid_alive(int(pid)):
        return "failed: scripts/setup_model.sh stopped before it finished; run it again"
    return progress


def _under_way(progress: str | None) -> bool:
    return progress is not None and progress != "ready" and not progress.startswith("failed")


def check_installed(settings: Settings) -> None:
    """Raise ModelPreparing while setup is under way, ModelUnavailable when the server cannot be run at all."""
    progress = setup_progress(settings)
    preparing = _under_way(progress)
    if importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("uvicorn") is None:
        if preparing:
            raise ModelPreparing(progress)
        raise ModelUnavailable("llama-cpp-python is not installed: run scripts/setup_model.sh")
    if preparing and not progress.startswith("3/"):  # step 3 is the check, which needs this server
        raise ModelPreparing(progress)


def server_command(settings: Settings, model_file: Path, port: int) -> list[str]:
    threads = str(settings.llm_threads or os.cpu_count() or 1)
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model_file), "--model_alias", settings.model,
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(settings.llm_context),
               "--n_threads", threads, "--n_threads_batch", threads,
               "--n_gpu_layers", str(settings.llm_gpu_layers), "--interrupt_requests", "false"]  # fmt: skip
    if fmt := chat_format(settings):
        command += ["--chat_format", fmt]
    if settings.llm_prompt_cache_mb > 0:  # prompts alternate (choose, read): each one's system text stays evaluated
        command += ["--cache", "true", "--cache_type", "ram", "--cache_size", str(settings.llm_prompt_cache_mb << 20)]
    return command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    """Runs in the child before exec: the kernel sends SIGTERM when the thread that started it ends."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def exit_reason(returncode: int) -> str:
    if returncode < 0:
        name = signal.Signals(-returncode).name
        hint = " (illegal instruction: the llama.cpp build uses CPU features this machine cannot run; " \
               "run scripts/setup_model.sh again)" if name == "SIGILL" else ""
        return f"the model server was killed by {name}{hint}"
    return f"the model server exited with code {returncode}"


class ModelServer:
    """Starts the model server on first need and keeps it running; see the module docstring."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.folder = settings.home / "model-server"
        self.status_path = self.folder / "server.json"
        self.log_path = self.folder / "server.log"
        self._lock = threading.Lock()
        self._owner_file = None  # the open, flocked owner.lock while this process owns the server
        self._status = ServerStatus()
        self._stopping = threading.Event()
        self._process: subprocess.Popen | None = None
        self._supervisor: threading.Thread | None = None

    # Asking for the server ---------------------------------------------------------------------

    def endpoint(self, wait: float, fail_on_crash: bool = False) -> str:
        """The base URL of a ready server, starting one if nobody serves this CIFRA_HOME; waits ``wait`` s at most
        (for a start or a restart, here or in the owning process), or fails at once on a crash if ``fail_on_crash``."""
        check_installed(self.settings)
        deadline = time.monotonic() + wait
        while True:
            with self._lock:
                if self._owner_file is None and self._try_to_own():
                    self._start_supervisor()
            status = self.status()
            if status.state == "ready" and status.url:
                return status.url
            if time.monotonic() >= deadline or (fail_on_crash and status.state == "crashed"):
                raise ModelUnavailable(f"the model server is {status.state}: {status.detail}".rstrip(": "))
            time.sleep(0.1)

    def status(self) -> ServerStatus:
        """This process's view when it owns the server, else what the owner last wrote."""
        if self._owner_file is not None:
            return self._status
        try:
            status = ServerStatus.model_validate_json(self.status_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return ServerStatus()
        alive = status.owner_pid is not None and _pid_alive(status.owner_pid)
        return status if alive else ServerStatus(detail="no process serves the model")

    def stop(self) -> None:
        """Stop the server this process owns and give up ownership, so another process may start one."""
        self._stopping.set()
        process = self._process
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        with self._lock:
            if self._supervisor is not None:
                self._supervisor.join(15)
                self._supervisor = None
            if self._owner_file is not None:
                self._owner_file.close()  # releases the flock
                self._owner_file = None

    # Owning it -----------------------------------------------------------------------------------

    def _try_to_own(self) -> bool:
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = open(self.folder / "owner.lock", "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._owner_file = handle
        return True

    def _start_supervisor(self) -> None:
        self._stopping.clear()
        self._publish(state="starting", detail="loading the model")
        self._supervisor = threading.Thread(target=self._supervise, name="cifra-model-server", daemon=True)
        self._supervisor.start()

    def _publish(self, **changes) -> None:
        self._status = self._status.model_copy(update={"owner_pid": os.getpid(), **changes})
        temporary = self.status_path.with_suffix(".tmp")
        temporary.write_text(self._status.model_dump_json(), encoding="utf-8")
        os.replace(temporary, self.status_path)

    def _supervise(self) -> None:
        """Start, wait for ready, watch; after a crash, start again with backoff. Runs for the process's life,
        so that the server (tied to this thread by PR_SET_PDEATHSIG) lives exactly as long as the process."""
        backoff = FIRST_BACKOFF_SECONDS
        while not self._stopping.is_set():
            try:
                model_file = model_path(self.settings)
            except ModelUnavailable as error:
                self._publish(state="crashed", detail=str(error))
                self._stopping.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                continue
            started = time.monotonic()
            returncode = self._run_once(model_file)
            if self._stopping.is_set():
                break
            if time.monotonic() - started > STABLE_SECONDS:
                backoff = FIRST_BACKOFF_SECONDS
            reason = exit_reason(returncode)
            log.error("%s; restarting in %.0f s (log: %s)", reason, backoff, self.log_path)
            self._publish(state="crashed", url=None, pid=None, detail=f"{reason}; restarting in {backoff:.0f} s")
            self._stopping.wait(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
        self._publish(state="stopped", url=None, pid=None, detail="")

    def _run_once(self, model_file: Path) -> int:
        """Run one server process until it exits; returns its exit code (negative: killed by that signal)."""
        port = _free_port()
        with open(self.log_path, "ab") as server_log:
            process = subprocess.Popen(server_command(self.settings, model_file, port), stdin=subprocess.DEVNULL,
                                       stdout=server_log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        self._process = process
        if self._stopping.is_set():  # stop() came while this one was starting
            process.terminate()
        url = f"http://127.0.0.1:{port}"
        self._publish(state="starting", url=None, pid=process.pid, launches=self._status.launches + 1,
                      detail="loading the model")
        if self._wait_until_answering(process, url):
            self._publish(state="ready", url=url, detail="")
        return process.wait()

    def _wait_until_answering(self, process: subprocess.Popen, url: str) -> bool:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and process.poll() is None and not self._stopping.is_set():
            try:
                if httpx.get(f"{url}/v1/models", timeout=5).status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        if process.poll() is None:  # never came up: treat as a crash
            process.kill()
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_servers: dict[Path, ModelServer] = {}
_servers_lock = threading.Lock()


def shared_server(settings: Settings) -> ModelServer:
    """The process's one ModelServer for ``settings.home``."""
    home = settings.home.resolve()
    with _servers_lock:
        if home not in _servers:
            _servers[home] = ModelServer(settings)
        return _servers[home]


def read_status(settings: Settings) -> ServerStatus:
    """The server's state as this process sees it, without starting anything."""
    with _servers_lock:
        server = _servers.get(settings.home.resolve())
    return server.status() if server else ModelServer(settings).status()


def status_json(settings: Settings) -> str:
    return json.dumps({"setup": setup_progress(settings), **read_status(settings).model_dump()}, ensure_ascii=False)


def smoke_check(settings: Settings) -> str:
    """Start (or reach) the server and have the model write one token; raises ModelUnavailable with the reason
    (e.g. killed by SIGILL) when the build cannot run here. Returns what the model wrote."""
    server = shared_server(settings)
    url = server.endpoint(wait=STARTUP_SECONDS, fail_on_crash=True)
    try:
        response = httpx.post(f"{url}/v1/chat/completions", timeout=STARTUP_SECONDS, json={
            "model": settings.model, "max_tokens": 1, "temperature": 0,
            "messages": [{"role": "user", "content": "Responde con una palabra: ¿capital de Chile?"}]})
        response.raise_for_status()
        return response.json()["choices"][0]["message"]["content"]
    except (httpx.HTTPError, ValueError, LookupError) as error:
        time.sleep(1)  # let the supervisor see the exit, if that is what happened
        status = server.status()
        raise ModelUnavailable(f"{status.detail or error} (log: {server.log_path})") from error
