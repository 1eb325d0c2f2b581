"""Run a golden-question suite against a system, score every turn, record the run and write its report.

A *system* is anything with ``ask(question: str, conversation: list[str]) -> dict``: ``conversation``
is the list of the case's earlier questions (a fresh list per case), and the dict has at least
``status``, ``answer`` and ``values`` (as ``cifra ask --json`` prints), optionally ``sql``,
``citations``, ``timings_ms``, ``llm_calls`` and ``tokens``. Two are built in: ``cifra`` (the
pipeline, :class:`CifraSystem`) and ``baseline`` (``eval.baseline.LangChainSqlAgent``, imported only
when asked for).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.engine import make_url

from cifra.settings import Settings
from eval.expected import expected_values
from eval.history import RunInfo, RunRecord, git_commit, new_run_id, now_iso, save_run, sha256_file
from eval.metrics import ExpectedRecord, TurnRecord, compute_metrics
from eval.report import write_report
from eval.score import DEFAULT_CASES, Case, load_cases, score_turn

SYSTEMS = ("cifra", "baseline")


class System(Protocol):
    def ask(self, question: str, conversation: list[str]) -> dict[str, Any]: ...


class SystemUnavailable(RuntimeError):
    """The named system cannot be built here (e.g. eval/baseline.py or its dependencies are missing)."""


class CifraSystem:
    """The Cifra pipeline behind the system interface: one :class:`agent.models.Conversation` per case."""

    def __init__(self, settings: Settings):
        from agent.pipeline import Cifra

        self.cifra = Cifra(settings)
        self._conversation = None
        self._asked: list[str] = []

    @property
    def dialect(self) -> str:
        return self.cifra.engine.dialect.name

    def ask(self, question: str, conversation: list[str]) -> dict[str, Any]:
        from agent.models import Conversation

        if self._conversation is None or list(conversation) != self._asked:
            self._conversation, self._asked = Conversation(), []  # a new case, or replay a history we did not see
            for earlier in conversation:
                self.cifra.ask(earlier, self._conversation)
                self._asked.append(earlier)
        answer = self.cifra.ask(question, self._conversation)
        self._asked.append(question)
        return answer.model_dump(mode="json")


def make_system(name: str, settings: Settings) -> System:
    if name == "cifra":
        return CifraSystem(settings)
    if name == "baseline":
        try:
            from eval.baseline import LangChainSqlAgent

            return LangChainSqlAgent(settings)
        except ImportError as error:  # eval/baseline.py, or LangChain (imported when the agent is built), missing
            raise SystemUnavailable(
                f"the baseline system needs eval/baseline.py (class LangChainSqlAgent) and its dependencies: {error}"
            ) from error
    raise SystemUnavailable(f"unknown system {name!r}; known: {', '.join(SYSTEMS)}")


def select_cases(cases: list[Case], split: str | None = None, tag: str | None = None,
                 limit: int | None = None) -> list[Case]:
    chosen = [c for c in cases if split in (None, c.split) and (tag is None or tag in c.tags)]
    return chosen[:limit] if limit is not None else chosen


def sql_passes_vetting(sql: str | None, dialect: str) -> bool | None:
    if not sql:
        return None
    from agent.vetting import vet

    try:
        vet(sql, dialect)
    except Exception:  # SqlRefused, parse errors, unknown dialects: not valid
        return False
    return True


def _tokens(answer: dict[str, Any]) -> int | None:
    for key in ("tokens", "total_tokens"):
        if isinstance(answer.get(key), int | float):
            return int(answer[key])
    usage = answer.get("usage")
    if isinstance(usage, dict):
        parts = [usage.get(k) for k in ("prompt_tokens", "completion_tokens", "input_tokens", "output_tokens")]
        if any(isinstance(p, int | float) for p in parts):
            return int(sum(p for p in parts if isinstance(p, int | float)))
        if isinstance(usage.get("total_tokens"), int | float):
            return int(usage["total_tokens"])
    return None


def _timings(answer: dict[str, Any], wall_ms: float) -> dict[str, float]:
    raw = answer.get("timings_ms") if isinstance(answer.get("timings_ms"), dict) else {}
    timings = {str(k): float(v) for k, v in raw.items() if isinstance(v, int | float)}
    timings.setdefault("total", round(wall_ms, 1))
    return timings


def run_turn(system: System, case: Case, index: int, conversation: list[str], dialect: str) -> TurnRecord:
    """Ask one turn, score it, and return its record (a system that raises gives status error)."""
    turn = case.turns[index]
    base = dict(case_id=case.id, turn=index, question=turn.question, split=case.split, language=case.language,
                intent=case.intent, tags=case.tags, multi_turn=case.multi_turn, expected_statuses=turn.expect.statuses)
    try:
        wanted = [ExpectedRecord(**e.model_dump()) for e in expected_values(turn.expect)]
    except Exception as error:  # the expectation cannot be computed from the mirror: the turn cannot pass
        return TurnRecord(**base, status="error", passed=False, reason=f"expected values not computable: {error}")
    clock = time.perf_counter()
    try:
        answer = system.ask(turn.question, list(conversation))
    except Exception as error:
        answer = {"status": "error", "answer": f"{type(error).__name__}: {error}"}
    wall_ms = (time.perf_counter() - clock) * 1000
    if not isinstance(answer, dict):
        answer = {"status": "error", "answer": f"the system returned {type(answer).__name__}, not a dict"}
    score = score_turn(turn.expect, answer)
    values = [v for v in answer.get("values") or [] if isinstance(v, dict)]
    sql = answer.get("sql") if isinstance(answer.get("sql"), str) else None
    return TurnRecord(
        **base, expected_values=wanted, status=str(answer.get("status")), answer=str(answer.get("answer") or ""),
        values=values, sql=sql, sql_valid=sql_passes_vetting(sql, dialect),
        citations=[c for c in answer.get("citations") or [] if isinstance(c, dict)],
        timings_ms=_timings(answer, wall_ms), llm_calls=int(answer.get("llm_calls") or 0), tokens=_tokens(answer),
        passed=score.ok, reason=score.reason,
    )


def run_suite(system: System, cases: list[Case], dialect: str,
              on_turn: Callable[[TurnRecord], None] | None = None) -> list[TurnRecord]:
    """Every case as one conversation; ``on_turn`` is called after each turn (progress)."""
    records: list[TurnRecord] = []
    for case in cases:
        conversation: list[str] = []
        for index in range(len(case.turns)):
            record = run_turn(system, case, index, conversation, dialect)
            conversation.append(case.turns[index].question)
            records.append(record)
            if on_turn:
                on_turn(record)
    return records


def run_eval(settings: Settings, suite: Path | str = DEFAULT_CASES, split: str | None = None,
             system: str | System = "cifra", model: str | None = None, limit: int | None = None,
             tag: str | None = None, progress: bool = False) -> tuple[Path, RunRecord]:
    """Run, record and report; returns the run's folder and its record."""
    suite = Path(suite)
    if model:
        settings = settings.model_copy(update={"model": model})
    cases = select_cases(load_cases(suite), split=split, tag=tag, limit=limit)
    if not cases:
        raise ValueError(f"no case in {suite} for split={split} tag={tag}")
    name = system if isinstance(system, str) else type(system).__name__
    started = time.perf_counter()
    built = make_system(system, settings) if isinstance(system, str) else system
    dialect = getattr(built, "dialect", None) or make_url(settings.resolved_database_url).get_backend_name()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=sum(len(c.turns) for c in cases), desc=f"eval {name}", unit="turn")
    passed = 0

    def tick(record: TurnRecord) -> None:
        nonlocal passed
        passed += record.passed
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(f"{passed}/{bar.n} passed")

    try:
        records = run_suite(built, cases, dialect, on_turn=tick)
    finally:
        if bar is not None:
            bar.close()
    info = RunInfo(run_id=new_run_id(name), timestamp=now_iso(), git_commit=git_commit(), system=name,
                   model=settings.model,
                   suite=str(suite), suite_sha256=sha256_file(suite), split=split, tag=tag, limit=limit,
                   seconds=round(time.perf_counter() - started, 1))
    run = RunRecord(info=info, metrics=compute_metrics(records), records=records)
    directory = save_run(settings.home, run)
    write_report(directory, run)
    return directory, run
