"""The model in its own process: portable build flags, setup progress, supervision, timeouts and crashes.

Real processes throughout: a socket server that accepts and never answers, and llama-cpp-python's
OpenAI-compatible server with the real default model, killed with SIGKILL and SIGILL mid-question.
"""

import os
import signal
import subprocess
import sys
import threading
import time

import httpx
import pytest

from agent.llm import (Candidate, LlmBusy, LlmUnreachable, LocalModelChooser, OpenAICompatibleChooser, choice_schema,
                       numbered)
from agent.model_files import ModelUnavailable, model_path
from agent.model_server import (SETUP_STATUS_FILE, ModelPreparing, ModelServer, check_installed, exit_reason,
                                server_command, setup_progress)
from agent.pipeline import Cifra
from agent.prompts import load_prompt
from cifra.settings import REPO_ROOT, Settings

UNAVAILABLE_ES = "no está disponible"
CLOSE_CALL = "mortalidad en Chile"  # maternal vs infant mortality: too close to call without the model


# Build flags ----------------------------------------------------------------------------------------


def test_build_flags_are_portable_and_follow_the_cpu():
    args = subprocess.run(["bash", str(REPO_ROOT / "scripts" / "llama_cmake_args.sh")], capture_output=True,
                          text=True, check=True).stdout.split()
    assert "-DGGML_NATIVE=OFF" in args and "-march=native" not in " ".join(args)
    assert {"-DGGML_AMX_TILE=OFF", "-DGGML_AMX_INT8=OFF", "-DGGML_AMX_BF16=OFF"} <= set(args)
    flags = set(open("/proc/cpuinfo").read().split("flags", 1)[1].split("\n", 1)[0].split())
    needed = {"-DGGML_AVX2=ON": "avx2", "-DGGML_AVX512=ON": "avx512f", "-DGGML_FMA=ON": "fma",
              "-DGGML_AVX512_VNNI=ON": "avx512_vnni", "-DGGML_AVX_VNNI=ON": "avx_vnni"}
    for option, flag in needed.items():
        assert (option in args) == (flag in flags), option


def test_server_command_runs_llama_cpp_server_on_loopback(tmp_path):
    settings = Settings(home=tmp_path, llm_threads=2)
    command = server_command(settings, tmp_path / "m.gguf", 8123)
    assert command[:3] == [sys.executable, "-m", "llama_cpp.server"]
    options = dict(zip(command[3::2], command[4::2]))
    assert options["--host"] == "127.0.0.1" and options["--port"] == "8123"
    assert options["--n_gpu_layers"] == "-1" and options["--n_threads"] == "2"
    assert options["--chat_format"] == "chatml" and options["--interrupt_requests"] == "false"
    assert (options["--cache"], options["--cache_type"], options["--cache_size"]) == ("true", "ram", str(512 << 20))
    assert "--cache" not in server_command(settings.model_copy(update={"llm_prompt_cache_mb": 0}), tmp_path / "m.gguf", 1)


@pytest.mark.parametrize(("code", "words"), [(-signal.SIGILL, "SIGILL (illegal instruction"),
                                              (-signal.SIGKILL, "SIGKILL"), (3, "exited with code 3")])
def test_exit_reasons_are_named(code, words):
    assert words in exit_reason(code)


# Setup progress -------------------------------------------------------------------------------------


def _progress(tmp_path, text: str, pid: int) -> Settings:
    (tmp_path / SETUP_STATUS_FILE).write_text(f"{text}\npid {pid}\n")
    return Settings(home=tmp_path)


def test_setup_progress_is_read_and_a_stopped_setup_is_reported(tmp_path):
    assert setup_progress(Settings(home=tmp_path)) is None
    assert setup_progress(_progress(tmp_path, "1/3 compiling", os.getpid())) == "1/3 compiling"
    dead = subprocess.Popen(["true"])
    dead.wait()
    assert setup_progress(_progress(tmp_path, "1/3 compiling", dead.pid)).startswith("failed: ")
    assert setup_progress(_progress(tmp_path, "ready", dead.pid)) == "ready"


def test_a_question_during_setup_is_told_the_model_is_being_prepared(tmp_path):
    with pytest.raises(ModelPreparing, match="2/3 installing"):
        check_installed(_progress(tmp_path, "2/3 installing the model server", os.getpid()))
    check_installed(_progress(tmp_path, "3/3 checking the build", os.getpid()))  # the check needs the server


# A server that accepts and never answers -------------------------------------------------------------


def test_a_silent_server_times_out_within_the_limit(silent_server):
    prompt, schema = load_prompt("choose_indicator"), choice_schema(["A"])
    started = time.monotonic()
    with pytest.raises(LlmUnreachable, match="no answer within 2 s"):
        OpenAICompatibleChooser(silent_server, "m", timeout=2).choose(prompt, {"question": "q", "candidates": "1. A"},
                                                                      schema)
    assert time.monotonic() - started < 4


def test_the_chat_answers_with_a_note_when_the_model_server_hangs(built, silent_server):
    settings = built[0].model_copy(update={"llm_url": silent_server, "llm_timeout": 2.0})
    started = time.monotonic()
    answer = Cifra(settings).ask(CLOSE_CALL)
    assert time.monotonic() - started < 8
    assert answer.status == "ok" and answer.llm_calls == 1
    assert any(UNAVAILABLE_ES in note for note in answer.notes), answer.notes


class _Started:
    """Stands in for the supervisor only: hands out the URL of a server some fixture started for real."""

    def __init__(self, url: str):
        self.url = url

    def endpoint(self, wait: float, fail_on_crash: bool = False) -> str:
        return self.url


def test_calls_beyond_the_queue_are_answered_busy_at_once(tmp_path, silent_server):
    settings = Settings(home=tmp_path, llm_queue=1, llm_timeout=3.0)
    chooser = LocalModelChooser(settings, _Started(silent_server))
    prompt, schema, variables = load_prompt("choose_indicator"), choice_schema(["A"]), {"question": "q", "candidates": "1. A"}
    waiting = [threading.Thread(target=lambda: pytest.raises(LlmUnreachable, chooser.choose, prompt, variables, schema))
               for _ in range(2)]
    for thread in waiting:
        thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    with pytest.raises(LlmBusy, match="1 model calls already waiting"):
        chooser.choose(prompt, variables, schema)
    assert time.monotonic() - started < 0.5
    for thread in waiting:
        thread.join()
    with pytest.raises(LlmUnreachable):  # places are given back: the next call waits its turn again
        chooser.choose(prompt, variables, schema)


# The real model server ------------------------------------------------------------------------------

GDP_FAMILY = [Candidate(code=f"C{n}", name_es=f"Indicador {n}", name_en=f"Indicator {n}", unit="percent")
              for n in range(60)]


def _slow_request(chooser: LocalModelChooser) -> None:
    """A prompt long enough that the server is still reading it when the test kills it."""
    chooser.choose(load_prompt("choose_indicator"), {"question": "PIB", "candidates": numbered(GDP_FAMILY)},
                   choice_schema([c.code for c in GDP_FAMILY]))


@pytest.fixture(scope="module")
def model_settings(built) -> Settings:
    model_path(built[0])  # assembled once, outside any timed call
    return built[0].model_copy(update={"llm_url": None, "llm_timeout": 120.0, "llm_queue": 10})


@pytest.fixture(scope="module")
def local_server(model_settings):
    server = ModelServer(model_settings)
    yield server
    server.stop()


def test_a_cold_start_with_many_questions_loads_the_model_once(model_settings, local_server):
    chooser = LocalModelChooser(model_settings, local_server)
    errors, prompt, schema = [], load_prompt("choose_indicator"), choice_schema(["SP.POP.TOTL", "NY.GDP.MKTP.CD"])
    candidates = numbered([Candidate(code="SP.POP.TOTL", name_es="Población total", name_en="Population, total"),
                           Candidate(code="NY.GDP.MKTP.CD", name_es="PIB", name_en="GDP")])

    def ask() -> None:
        try:
            chooser.choose(prompt, {"question": "¿cuántos habitantes tiene Chile?", "candidates": candidates}, schema)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # this process owns the server now; another process must use it, not load a second copy
    other_process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from agent.model_server import ModelServer; from cifra.settings import "
         "Settings; print(ModelServer(Settings(home=sys.argv[1])).endpoint(wait=120))", str(model_settings.home)],
        stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT)
    for thread in threads:
        thread.join()
    out, _ = other_process.communicate(timeout=180)
    status = local_server.status()
    assert errors == [] and status.state == "ready" and status.launches == 1
    assert out.strip() == status.url  # the other process used this server instead of loading its own


@pytest.mark.parametrize("kill_with", [signal.SIGKILL, signal.SIGILL])
def test_a_server_killed_mid_question_is_restarted_and_the_chat_answers(model_settings, local_server, kill_with,
                                                                       caplog):
    chooser = LocalModelChooser(model_settings, local_server)
    local_server.endpoint(wait=120)
    before = local_server.status()
    failures = []
    in_flight = threading.Thread(target=lambda: failures.append(pytest.raises(LlmUnreachable, _slow_request, chooser)))
    in_flight.start()
    time.sleep(1.5)
    os.kill(before.pid, kill_with)
    in_flight.join(60)
    assert len(failures) == 1  # the question in flight got LlmUnreachable, not a crash of this process

    cifra = Cifra(model_settings, chooser=chooser)
    answer = cifra.ask(CLOSE_CALL)  # waits for the restart within its timeout
    after = local_server.status()
    assert answer.status == "ok" and answer.llm_calls == 1 and not any(UNAVAILABLE_ES in n for n in answer.notes)
    assert after.launches == before.launches + 1 and after.pid != before.pid
    assert f"killed by {kill_with.name}" in caplog.text


def test_llm_url_works_against_a_real_openai_compatible_server(model_settings, free_port):
    """What a user's own server looks like to Cifra: a separate process, reached only by URL."""
    server = subprocess.Popen(server_command(model_settings, model_path(model_settings), free_port),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{free_port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{url}/v1/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        answer = Cifra(model_settings.model_copy(update={"llm_url": url})).ask(CLOSE_CALL)
        assert answer.status == "ok" and answer.llm_calls == 1
        assert not any("modelo de lenguaje" in note for note in answer.notes), answer.notes
        assert answer.values[0].indicator in {"SH.STA.MMRT", "SP.DYN.IMRT.IN", "SH.DYN.MORT"}
    finally:
        server.kill()
        server.wait()


def test_a_missing_model_is_reported_not_raised(built, tmp_path):
    settings = built[0].model_copy(update={"llm_url": None, "model": str(tmp_path / "absent.gguf"),
                                           "llm_timeout": 3.0})
    server = ModelServer(settings.model_copy(update={"home": tmp_path}))
    with pytest.raises(ModelUnavailable, match="neither a known model"):
        server.endpoint(wait=3, fail_on_crash=True)
    server.stop()
