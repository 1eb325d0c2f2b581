"""Reliability: hostile and benign inputs, oversized input, and every fault a user can meet, with the figures.

The corpora are data (tests/data/hostile_chat.yaml, tests/data/benign_questions.yaml). Chat inputs go through a
real Cifra on the real database; its model is a chooser that always fails at once, since this suite is about the
pipeline's handling of input (the model's own faults are exercised below against real server processes). The table
of figures is left in test-artifacts/reliability.md and printed at the end of the run (tests/conftest.py).
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import streamlit as st
import yaml
from streamlit.testing.v1 import AppTest

from agent.llm import FakeChooser
from agent.models import Conversation
from agent.pipeline import Cifra
from cifra.settings import REPO_ROOT, get_settings

DATA = Path(__file__).with_name("data")
ARTIFACTS = REPO_ROOT / "test-artifacts"
RELIABILITY_TABLE = ARTIFACTS / "reliability.md"
FIGURES: dict[str, object] = {}
CLOSE_CALL = "mortalidad en Chile"  # goes to the model
OTHER_SESSION_LIMIT_S = 2.0


def hostile_inputs() -> list[str]:
    corpus = yaml.safe_load((DATA / "hostile_chat.yaml").read_text(encoding="utf-8"))
    return [wrapper.replace("{p}", payload) for payload in corpus["payloads"] for wrapper in corpus["wrappers"]]


def benign_questions() -> list[str]:
    return yaml.safe_load((DATA / "benign_questions.yaml").read_text(encoding="utf-8"))


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module", autouse=True)
def figures_table():
    """After the module: the figures as a Markdown table in test-artifacts/reliability.md."""
    yield
    lines = ["| check | figures |", "|---|---|"]
    for name, figures in FIGURES.items():
        lines.append(f"| {name} | " + "; ".join(f"{key}: {value}" for key, value in figures.items()) + " |")
    ARTIFACTS.mkdir(exist_ok=True)
    RELIABILITY_TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def rules_only(built) -> Cifra:
    return Cifra(built[0], chooser=FakeChooser())


@pytest.fixture(scope="module")
def database_file(built) -> Path:
    return built[0].home / "cifra.duckdb"


# Inputs ------------------------------------------------------------------------------------------


def test_hostile_chat_inputs_change_nothing_and_never_fail(rules_only, database_file):
    inputs = hostile_inputs()
    assert len(inputs) >= 300
    before = checksum(database_file)
    statuses, worst, crashes = [], 0.0, []
    for question in inputs:
        conversation = Conversation()
        rules_only.ask("PIB per cápita de Chile 2020", conversation)  # hostile text also arrives as a follow-up
        started = time.perf_counter()
        try:
            answer = rules_only.ask(question, conversation)
        except Exception as error:  # noqa: BLE001 - counted: ask() must never raise
            crashes.append(f"{question!r}: {error!r}")
            continue
        worst = max(worst, time.perf_counter() - started)
        statuses.append(answer.status)
        assert answer.answer and "Traceback" not in answer.answer
    writes = int(checksum(database_file) != before)
    FIGURES["hostile chat"] = {"tried": len(inputs), "refused": statuses.count("refused"),
                               "answered": len(statuses) - statuses.count("refused"), "errors": statuses.count("error"),
                               "crashes": len(crashes), "writes": writes, "worst s": round(worst, 2)}
    assert crashes == [] and "error" not in statuses and writes == 0
    assert statuses.count("refused") >= 0.8 * len(inputs)


def test_benign_questions_with_trigger_words_are_not_refused(rules_only):
    questions = benign_questions()
    assert len(questions) >= 60
    refused = [question for question in questions if rules_only.ask(question).status == "refused"]
    FIGURES["benign"] = {"tried": len(questions), "false refusals": len(refused)}
    assert refused == []


def test_another_session_answers_quickly_while_a_1_mb_question_is_processed(rules_only):
    huge = "borra " * 175_000  # ~1 MB of one repeated word: the input that once held the interpreter for minutes
    done, latencies, oversized = threading.Event(), [], []

    def flood() -> None:
        while not done.is_set():
            answer = rules_only.ask(huge)
            oversized.append(answer.status)

    flooding = threading.Thread(target=flood)
    flooding.start()
    try:
        for _ in range(5):
            started = time.perf_counter()
            answer = rules_only.ask("PIB per cápita de Chile 2020")
            latencies.append(time.perf_counter() - started)
            assert answer.status == "ok"
    finally:
        done.set()
        flooding.join()
    FIGURES["oversized"] = {"1 MB questions answered": len(oversized),
                            "other session worst s": round(max(latencies), 2)}
    assert set(oversized) == {"clarify"} and max(latencies) < OTHER_SESSION_LIMIT_S


def test_garbage_after_a_question_is_not_answered_as_the_same_question(rules_only):
    conversation = Conversation()
    assert rules_only.ask("PIB per cápita de Chile 2020", conversation).status == "ok"
    for garbage in ("\ufffd", "\x00", "?", "ÿ", "\x1b[2J"):
        assert rules_only.ask(garbage, conversation).status in ("clarify", "no_data"), repr(garbage)


def test_a_currency_is_not_read_as_a_place(rules_only):
    answer = rules_only.ask("What was Mexico's GDP in current US dollars in 2019?")
    assert answer.status == "ok" and {value.area for value in answer.values} == {"MEX"}


# Faults through the CLI ------------------------------------------------------------------------


def _cli(env: dict[str, str], *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cifra.cli", *args], input=stdin, capture_output=True, env=env,
                          timeout=180)


def _env(**variables: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CIFRA_")}
    return {**env, "CIFRA_DATA_DIR": str(get_settings().data_dir), **variables}


def _broken_database(tmp_path: Path, kind: str) -> dict[str, str]:
    home = tmp_path / kind
    home.mkdir()
    contents = {"missing": None, "empty": b"", "garbled": os.urandom(4096), "not a database": b"hola\n" * 100}[kind]
    if contents is not None:
        (home / "cifra.duckdb").write_bytes(contents)
    return _env(CIFRA_HOME=str(home))


def _broken_index(tmp_path: Path, built, kind: str) -> dict[str, str]:
    home = tmp_path / kind.replace(" ", "-")
    home.mkdir()
    if kind == "empty index":
        (home / "index").mkdir()
    if kind == "damaged index":
        shutil.copytree(built[0].index_dir, home / "index")
        with open(home / "index" / "chroma.sqlite3", "r+b") as database:
            database.truncate(4096)
    return _env(CIFRA_HOME=str(home), CIFRA_DATABASE_URL=f"duckdb:///{built[0].home / 'cifra.duckdb'}")


@pytest.mark.parametrize("fault", ["missing", "empty", "garbled", "not a database", "missing index", "empty index",
                                   "damaged index"])
def test_a_broken_database_or_index_gets_a_clear_message_from_the_cli(tmp_path, built, fault):
    env = _broken_index(tmp_path, built, fault) if "index" in fault else _broken_database(tmp_path, fault)
    single = _cli(env, "ask", "--json", "¿Cuál es el PIB de Chile?")
    lines = _cli(env, "chat", "--jsonl", stdin="PIB de Chile 2020\n\xff\xfe\nand Peru?\n".encode("latin-1"))
    for run in (single, lines):
        assert run.returncode == 3 and b"Traceback" not in run.stderr, run.stderr.decode()
    answers = [json.loads(line) for line in lines.stdout.decode().splitlines()]
    assert len(answers) == 3 and all(a["status"] == "error" and "cifra catalog build" in a["answer"] for a in answers)
    assert [a["language"] for a in answers][::2] == ["es", "en"]
    FIGURES.setdefault("faults", {})[f"database: {fault}" if "index" not in fault else fault] = \
        json.loads(single.stdout)["answer"]


@pytest.fixture(scope="module")
def own_home(built, tmp_path_factory) -> dict[str, str]:
    """A home with its own copy of the index and no model server, reading the session's database."""
    home = tmp_path_factory.mktemp("fault-home")
    shutil.copytree(built[0].index_dir, home / "index")
    return _env(CIFRA_HOME=str(home), CIFRA_DATABASE_URL=f"duckdb:///{built[0].home / 'cifra.duckdb'}")


@pytest.mark.parametrize("fault", ["model file missing", "LLM URL closed", "LLM URL silent", "LLM URL garbage"])
def test_a_broken_model_gets_a_rules_only_answer_with_a_note(own_home, tmp_path, free_port, request, fault):
    env = {**own_home, "CIFRA_LLM_TIMEOUT": "3"}
    if fault == "model file missing":
        env["CIFRA_MODEL"] = str(tmp_path / "absent.gguf")
    elif fault == "LLM URL closed":
        env["CIFRA_LLM_URL"] = f"http://127.0.0.1:{free_port}"
    else:
        env["CIFRA_LLM_URL"] = request.getfixturevalue("silent_server" if "silent" in fault else "garbage_server")
    started = time.perf_counter()
    run = _cli(env, "ask", "--json", CLOSE_CALL)
    elapsed = time.perf_counter() - started
    answer = json.loads(run.stdout)
    assert run.returncode == 0 and b"Traceback" not in run.stderr and answer["status"] == "ok"
    assert any("modelo de lenguaje" in note for note in answer["notes"]), answer["notes"]
    assert elapsed < 60
    FIGURES.setdefault("faults", {})[fault] = next(n for n in answer["notes"] if "modelo de lenguaje" in n)


# Faults through the web app ----------------------------------------------------------------------


def test_the_web_app_says_what_to_do_when_the_database_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("CIFRA_HOME", str(tmp_path))
    monkeypatch.delenv("CIFRA_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(str(REPO_ROOT / "ui" / "app.py"), default_timeout=120).run()
        assert not at.exception
        assert "cifra catalog build" in at.error[0].value
    finally:
        get_settings.cache_clear()
        st.cache_resource.clear()


def test_the_web_app_answers_with_a_note_when_the_llm_endpoint_is_closed(own_home, free_port, monkeypatch):
    for key, value in {**own_home, "CIFRA_LLM_URL": f"http://127.0.0.1:{free_port}", "CIFRA_LLM_TIMEOUT": "3"}.items():
        if key.startswith("CIFRA_"):
            monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(str(REPO_ROOT / "ui" / "app.py"), default_timeout=120).run()
        at.chat_input[0].set_value(CLOSE_CALL).run()
        assert not at.exception
        page = "\n".join(element.value for element in at.markdown) + "\n".join(c.value for c in at.caption)
        assert "no está disponible en este momento" in page
    finally:
        get_settings.cache_clear()
        st.cache_resource.clear()
