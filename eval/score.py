"""Typed golden-set cases and the scoring of one answer against one turn's expectation.

An answer is the JSON object ``cifra chat --jsonl`` prints for a question: ``status``, ``language``,
``answer`` and ``values`` (``indicator``, ``area``, ``area_name``, ``period``, ``value``, ``unit``).
A turn passes when the status is one of the expected ones and, for ``ok``, every expected value is
among the answer's values: same indicator (or one of ``indicator_any``), same area, same period, and
a value within the relative tolerance. Extra values are allowed unless the expectation is
``exclusive`` (rankings: no other area may be listed for the expected indicators).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from eval.expected import ExpectedValue, TurnExpect, expected_values

DEFAULT_CASES = Path(__file__).resolve().parent / "questions.yaml"


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1)
    expect: TurnExpect


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    split: Literal["dev", "test"]
    language: Literal["es", "en"]
    tags: list[str] = Field(min_length=1)
    turns: list[Turn] = Field(min_length=1)

    @property
    def intent(self) -> str:
        return self.tags[0]

    @property
    def multi_turn(self) -> bool:
        return len(self.turns) > 1

    @field_validator("tags")
    @classmethod
    def _distinct(cls, tags: list[str]) -> list[str]:
        if len(set(tags)) != len(tags):
            raise ValueError(f"repeated tag in {tags}")
        return tags


class CaseFile(BaseModel):
    cases: list[Case]

    @model_validator(mode="after")
    def _unique_ids(self) -> CaseFile:
        seen: set[str] = set()
        for case in self.cases:
            if case.id in seen:
                raise ValueError(f"duplicate case id {case.id}")
            seen.add(case.id)
        return self


def load_cases(path: Path | str = DEFAULT_CASES) -> list[Case]:
    """Read and validate the golden set (a YAML list of cases)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of cases")
    return CaseFile(cases=data).cases


class TurnScore(BaseModel):
    ok: bool
    reason: str


def _close(actual: float, expected: float, tolerance: float) -> bool:
    if not math.isfinite(actual):
        return False
    if expected == 0:
        return abs(actual) <= tolerance
    return abs(actual - expected) <= tolerance * abs(expected)


def _find(expected: ExpectedValue, values: list[dict[str, Any]]) -> tuple[bool, str]:
    """Whether ``expected`` is among the answer's values; otherwise why not.

    A value without labels (no indicator, area or period: numbers read from a free-text answer, as the
    stock LangChain baseline gives) is matched on the number alone — lenient to such systems, on purpose.
    """
    same_place = [v for v in values if not any(v.get(key) for key in ("indicator", "area", "period")) or (
                  expected.accepts_indicator(str(v.get("indicator")))
                  and str(v.get("area")) == expected.area and str(v.get("period")) == expected.period)]  # fmt: skip
    for value in same_place:
        try:
            if _close(float(value.get("value")), expected.value, expected.tolerance):
                return True, ""
        except (TypeError, ValueError):
            continue
    label = f"{expected.indicator} {expected.area} {expected.period}"
    if same_place:
        got = ", ".join(str(v.get("value")) for v in same_place)
        return False, f"{label}: expected {expected.value:.6g} (±{expected.tolerance:g} relative), got {got}"
    return False, f"{label}: missing from the answer's values"


def score_turn(expect: TurnExpect | dict[str, Any], answer: dict[str, Any]) -> TurnScore:
    """Score one answer (a ``cifra chat --jsonl`` object) against one turn's expectation."""
    expect = expect if isinstance(expect, TurnExpect) else TurnExpect.model_validate(expect)
    status = answer.get("status")
    if status not in expect.statuses:
        return TurnScore(ok=False, reason=f"status {status!r}, expected {' or '.join(expect.statuses)}")
    if status != "ok":
        return TurnScore(ok=True, reason=f"status {status}")
    values = answer.get("values") or []
    if not isinstance(values, list):
        return TurnScore(ok=False, reason="values is not a list")
    values = [v for v in values if isinstance(v, dict)]
    wanted = expected_values(expect)
    problems = [why for found, why in (_find(e, values) for e in wanted) if not found]
    if expect.exclusive:
        codes = {code for e in wanted for code in (e.indicator, *e.indicator_any)}
        areas = {e.area for e in wanted}
        extra = sorted({str(v.get("area")) for v in values if str(v.get("indicator")) in codes} - areas)
        if extra:
            problems.append(f"areas not in the expected list: {', '.join(extra)}")
    if problems:
        return TurnScore(ok=False, reason="; ".join(problems))
    return TurnScore(ok=True, reason=f"{len(wanted)} expected value(s) found")
