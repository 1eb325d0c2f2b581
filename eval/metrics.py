"""Evaluation metrics: pure functions over per-turn records.

A :class:`TurnRecord` holds one turn of one golden case as the runner saw it: what was expected
(statuses and values, computed from the raw files), what the system answered (status, values, SQL,
citations, timings, LLM calls) and the verdict of :func:`eval.score.score_turn`. Everything here is
computed from those records alone, so a run's metrics can be recomputed from its ``run.json``.

Declining: a turn *declines* when its status is ``no_data``, ``clarify`` or ``refused``; a turn is
*expected to decline* when none of its expected statuses is ``ok``. Precision and recall of declining
treat "declined" as the positive class.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel, Field, computed_field

DECLINE_STATUSES = frozenset({"no_data", "clarify", "refused"})


class ExpectedRecord(BaseModel):
    """One expected value of a turn (an :class:`eval.expected.ExpectedValue`, flattened)."""

    indicator: str
    indicator_any: list[str] = []
    area: str
    period: str
    value: float
    tolerance: float = 0.001

    def accepts(self, code: Any) -> bool:
        return str(code) == self.indicator or str(code) in self.indicator_any


class TurnRecord(BaseModel):
    case_id: str
    turn: int = Field(0, description="Index of the turn within its case, from 0.")
    question: str
    split: str = "dev"
    language: str = "es"
    intent: str = ""
    tags: list[str] = []
    multi_turn: bool = False
    expected_statuses: list[str]
    expected_values: list[ExpectedRecord] = []
    status: str
    answer: str = ""
    values: list[dict[str, Any]] = []
    sql: str | None = None
    sql_valid: bool | None = Field(None, description="Whether the SQL passes agent.vetting.vet; None without SQL.")
    citations: list[dict[str, Any]] = []
    timings_ms: dict[str, float] = {}
    llm_calls: int = 0
    tokens: int | None = None
    passed: bool
    reason: str = ""

    @property
    def key(self) -> str:
        return f"{self.case_id}#{self.turn}"

    @property
    def expects_values(self) -> bool:
        return bool(self.expected_values)

    @property
    def expects_decline(self) -> bool:
        return "ok" not in self.expected_statuses

    @property
    def declined(self) -> bool:
        return self.status in DECLINE_STATUSES


class Rate(BaseModel):
    """``hits`` out of ``n``; ``value`` is None when there is nothing to count."""

    n: int = 0
    hits: int = 0

    @computed_field
    @property
    def value(self) -> float | None:
        return self.hits / self.n if self.n else None

    def __str__(self) -> str:
        return "—" if self.value is None else f"{100 * self.value:.1f} % ({self.hits}/{self.n})"


class Latency(BaseModel):
    n: int
    p50: float
    p95: float
    max: float
    mean: float


class Metrics(BaseModel):
    turns: int
    cases: int
    turn_accuracy: Rate
    case_accuracy: Rate
    value_accuracy: Rate = Field(description="Turns expecting values whose values are all found within tolerance.")
    indicator_accuracy: Rate
    area_accuracy: Rate
    period_accuracy: Rate
    status_accuracy: Rate
    decline_precision: Rate
    decline_recall: Rate
    citation_correctness: Rate
    sql_validity: Rate
    errors: int = Field(description="Turns answered with status error.")
    latency_ms: dict[str, Latency]
    llm_calls: int
    llm_calls_per_turn: float
    tokens: int | None = None
    by: dict[str, dict[str, Rate]] = Field(description="Turn accuracy by language, intent, tag and split.")

    def headline(self) -> dict[str, float | None]:
        """The comparable numbers: rates as fractions, latencies in ms, counts."""
        out: dict[str, float | None] = {
            name: getattr(self, name).value
            for name in ("turn_accuracy", "case_accuracy", "value_accuracy", "indicator_accuracy", "area_accuracy",
                         "period_accuracy", "status_accuracy", "decline_precision", "decline_recall",
                         "citation_correctness", "sql_validity")
        }
        total = self.latency_ms.get("total")
        out["latency_p50_ms"] = total.p50 if total else None
        out["latency_p95_ms"] = total.p95 if total else None
        out["llm_calls_per_turn"] = self.llm_calls_per_turn
        out["errors"] = float(self.errors)
        return out


#: Metrics where a smaller number is better (for comparisons).
LOWER_IS_BETTER = frozenset({"latency_p50_ms", "latency_p95_ms", "llm_calls_per_turn", "errors"})


def percentile(samples: Iterable[float], fraction: float) -> float:
    """Linear-interpolation percentile (``fraction`` in [0, 1]); 0.0 for no samples."""
    ordered = sorted(float(s) for s in samples)
    if not ordered:
        return 0.0
    if not 0 <= fraction <= 1:
        raise ValueError("fraction must be between 0 and 1")
    position = fraction * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency(samples: list[float]) -> Latency:
    return Latency(n=len(samples), p50=percentile(samples, 0.5), p95=percentile(samples, 0.95),
                   max=max(samples, default=0.0), mean=sum(samples) / len(samples) if samples else 0.0)


def rate(records: Iterable[TurnRecord], hit: Callable[[TurnRecord], bool]) -> Rate:
    outcomes = [bool(hit(r)) for r in records]
    return Rate(n=len(outcomes), hits=sum(outcomes))


# ----------------------------------------------------------------------------- per-turn checks


def _answer_values(record: TurnRecord) -> list[dict[str, Any]]:
    return [v for v in record.values if isinstance(v, dict)]


def indicator_resolved(record: TurnRecord) -> bool:
    """Every expected value's indicator (or an accepted alternative) is among the answer's values."""
    got = {str(v.get("indicator")) for v in _answer_values(record)}
    return all(any(e.accepts(code) for code in got) for e in record.expected_values)


def area_resolved(record: TurnRecord) -> bool:
    got = {str(v.get("area")) for v in _answer_values(record)}
    return all(e.area in got for e in record.expected_values)


def period_resolved(record: TurnRecord) -> bool:
    got = {str(v.get("period")) for v in _answer_values(record)}
    return all(e.period in got for e in record.expected_values)


def status_correct(record: TurnRecord) -> bool:
    return record.status in record.expected_statuses


def citation_correct(record: TurnRecord) -> bool:
    """Each value's indicator has a citation for that indicator with a non-empty license (needs ≥1 value)."""
    values = _answer_values(record)
    if not values:
        return False
    cited = {str(c.get("indicator")) for c in record.citations if isinstance(c, dict) and str(c.get("license") or "").strip()}
    return all(str(v.get("indicator")) in cited for v in values)


def sql_valid(record: TurnRecord) -> bool:
    return bool(record.sql) and record.sql_valid is True


def resolved_indicator(record: TurnRecord, expected: ExpectedRecord) -> str:
    """What the system resolved where ``expected`` was wanted: an indicator code, or the status in brackets."""
    if record.status != "ok":
        return f"({record.status})"
    values = _answer_values(record)
    if not values:
        return "(no values)"
    for value in values:
        if expected.accepts(value.get("indicator")):
            return expected.indicator  # an accepted alternative counts as the expected indicator
    same_place = [v for v in values if str(v.get("area")) == expected.area] or values
    return str(same_place[0].get("indicator"))


# ----------------------------------------------------------------------------- aggregates


def decline_precision_recall(records: list[TurnRecord]) -> tuple[Rate, Rate]:
    """(precision, recall) of declining: of the declined turns, how many should have; of those that should, how many did."""
    declined = [r for r in records if r.declined]
    should = [r for r in records if r.expects_decline]
    return rate(declined, lambda r: r.expects_decline), rate(should, lambda r: r.declined)


def breakdown(records: list[TurnRecord]) -> dict[str, dict[str, Rate]]:
    """Turn accuracy grouped by language, intent, tag, split and single/multi-turn."""
    groups: dict[str, dict[str, list[TurnRecord]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        groups["language"][record.language].append(record)
        groups["intent"][record.intent or "(none)"].append(record)
        groups["split"][record.split].append(record)
        groups["turns"]["multi-turn" if record.multi_turn else "single-turn"].append(record)
        for tag in record.tags:
            groups["tag"][tag].append(record)
    return {dimension: {key: rate(rs, lambda r: r.passed) for key, rs in sorted(by_key.items())}
            for dimension, by_key in groups.items()}


def indicator_confusion(records: list[TurnRecord]) -> dict[tuple[str, str], int]:
    """(expected indicator, resolved indicator or status) -> count, over turns expecting values."""
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        for expected in record.expected_values:
            counts[(expected.indicator, resolved_indicator(record, expected))] += 1
    return dict(counts)


def latencies(records: list[TurnRecord]) -> dict[str, list[float]]:
    stages: dict[str, list[float]] = defaultdict(list)
    for record in records:
        for stage, ms in record.timings_ms.items():
            try:
                stages[stage].append(float(ms))
            except (TypeError, ValueError):
                continue
    return dict(stages)


def compute_metrics(records: list[TurnRecord]) -> Metrics:
    value_turns = [r for r in records if r.expects_values]
    ok_turns = [r for r in records if r.status == "ok"]
    by_case: dict[str, list[bool]] = defaultdict(list)
    for record in records:
        by_case[record.case_id].append(record.passed)
    precision, recall = decline_precision_recall(records)
    tokens = [r.tokens for r in records if r.tokens is not None]
    calls = sum(r.llm_calls for r in records)
    return Metrics(
        turns=len(records),
        cases=len(by_case),
        turn_accuracy=rate(records, lambda r: r.passed),
        case_accuracy=Rate(n=len(by_case), hits=sum(all(v) for v in by_case.values())),
        value_accuracy=rate(value_turns, lambda r: r.passed),
        indicator_accuracy=rate(value_turns, indicator_resolved),
        area_accuracy=rate(value_turns, area_resolved),
        period_accuracy=rate(value_turns, period_resolved),
        status_accuracy=rate(records, status_correct),
        decline_precision=precision,
        decline_recall=recall,
        citation_correctness=rate(ok_turns, citation_correct),
        sql_validity=rate(ok_turns, sql_valid),
        errors=sum(r.status == "error" for r in records),
        latency_ms={stage: latency(samples) for stage, samples in latencies(records).items()},
        llm_calls=calls,
        llm_calls_per_turn=calls / len(records) if records else 0.0,
        tokens=sum(tokens) if tokens else None,
        by=breakdown(records),
    )
