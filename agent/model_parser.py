"""The model as a parser: for a question the rules cannot account for, the local model reads its operation and
which retrieved indicators play which role.

Everything else stays deterministic: places, periods, numbers and variant cues come from the Understander and are
shown to the model as facts, not asked of it. The reply schema only admits the operations of the plan algebra and
the codes retrieved for this question, and few-shot examples are the most similar questions of a bank of
question → reading pairs (prompts/plan_examples.yaml, the golden dev split), searched in an in-memory Chroma
collection. The Planner then builds and checks the plan from the reading exactly as it does for the rules'.
"""

from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Literal

import chromadb
import yaml
from pydantic import BaseModel, ConfigDict, create_model

from agent.indicators import IndicatorCatalog
from agent.llm import NONE, Chooser, consult
from agent.models import PLANNED_ONLY, IndicatorCandidate, Operation, PlanOutcome, Understanding
from agent.prompts import PROMPTS_DIR, load_prompt
from catalog.embedding import E5Embedding
from catalog.text import fold

EXAMPLES_FILE = PROMPTS_DIR / "plan_examples.yaml"
SHOWN_CANDIDATES = 6
SHOWN_EXAMPLES = 3  # with short candidate lines, so that a 2-core CPU (about 30 ms a prompt token) answers in time
# Operations that words naming another one can also mean: "diferencia entre 2010 y 2020" is a change,
# "¿en qué año superó…?" a first crossing.
SAME_WORDS = {(Operation.DIFFERENCE, Operation.CHANGE), (Operation.WHICH_PERIOD, Operation.FIRST_MEETING)}


class PlanExample(BaseModel):
    """A question and how it is read: the operation and the indicators in their roles."""

    model_config = ConfigDict(frozen=True)

    question: str
    operation: Operation
    indicator_code: str
    second_indicator_code: str | None = None

    def reply(self) -> str:
        return ModelReading(operation=self.operation, indicator_code=self.indicator_code,
                            second_indicator_code=self.second_indicator_code or NONE).model_dump_json()


class ModelReading(BaseModel):
    operation: Operation
    indicator_code: str
    second_indicator_code: str = NONE

    @property
    def second(self) -> str | None:
        return None if self.second_indicator_code == NONE else self.second_indicator_code


def reading_schema(codes: Sequence[str]) -> type[BaseModel]:
    """A reply whose indicators can only be ``codes`` (the second may be "none") and whose operation is the algebra's."""
    codes = tuple(dict.fromkeys(codes))
    return create_model("QuestionReading", operation=(Literal[tuple(op.value for op in Operation if op not in PLANNED_ONLY)], ...),
                        indicator_code=(Literal[codes], ...), second_indicator_code=(Literal[(*codes, NONE)], ...))


class ExampleBank:
    """Question → reading pairs, searched by meaning with the same embedding as the indicator index."""

    def __init__(self, path: Path = EXAMPLES_FILE):
        self.examples = [PlanExample.model_validate(item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]

    @cached_property
    def _collection(self) -> chromadb.Collection:
        """Embedded on first use (a second or two for the bank), kept for the process."""
        collection = chromadb.EphemeralClient().get_or_create_collection(
            "plan_examples", embedding_function=E5Embedding(), metadata={"hnsw:space": "cosine"})
        if collection.count() == 0:
            collection.add(ids=[str(number) for number in range(len(self.examples))],
                           documents=[example.question for example in self.examples])
        return collection

    def similar(self, question: str, count: int = SHOWN_EXAMPLES) -> list[PlanExample]:
        found = self._collection.query(query_texts=[question], n_results=min(count, len(self.examples)))
        return [self.examples[int(number)] for number in found["ids"][0]]


def _period(understanding: Understanding) -> str:
    period = understanding.period
    if period.earliest:
        return "the earliest"
    if period.start and period.end:
        return str(period.start) if period.start == period.end else f"{period.start} to {period.end}"
    if period.start:
        return f"from {period.start} to the latest"
    if period.last_n_years:
        return f"the last {period.last_n_years} years"
    if period.last_n_months:
        return f"the last {period.last_n_months} months"
    return "none (the latest)"


def _numbers(understanding: Understanding) -> str:
    numbers = []
    if understanding.threshold:
        numbers.append(f"threshold {understanding.threshold[0]} {understanding.threshold[1]:g}")
    if understanding.top_n:
        numbers.append(f"top {understanding.top_n}")
    return ", ".join(numbers) or "none"


class ModelParser:
    def __init__(self, catalog: IndicatorCatalog, chooser: Chooser | None, bank: ExampleBank | None = None):
        self.catalog = catalog
        self.chooser = chooser
        self.bank = bank or ExampleBank()
        self.prompt = load_prompt("read_question")

    def _candidates(self, understanding: Understanding) -> list[IndicatorCandidate]:
        shown = understanding.candidates[:SHOWN_CANDIDATES] + understanding.second_candidates[:SHOWN_CANDIDATES // 2]
        return list({candidate.code: candidate for candidate in shown}.values())

    def _line(self, number: int, code: str) -> str:
        """One candidate in few tokens: its unit only where the name does not already say it."""
        info = self.catalog.get(code)
        first, last = self.catalog.years.get(code, (None, None))
        unit = "" if fold(info.unit_en).replace("percent", "%") in fold(info.name_en) else f" in {info.unit_en}"
        return f"{number}. {code}: {info.name_en}{unit}, {info.source_id}, {first}-{last}"

    def variables(self, understanding: Understanding) -> dict[str, str]:
        places = [f"{place.code} ({place.name_en})" for place in understanding.places]
        if understanding.group:
            places.append(f"group {understanding.group.code} ({understanding.group.name_en})")
        examples = self.bank.similar(understanding.question)
        return {
            "question": understanding.question,
            "places": ", ".join(places) or "none",
            "period": _period(understanding),
            "numbers": _numbers(understanding),
            "sexes": " and ".join(understanding.sexes) if understanding.sexes else "none",
            "candidates": "\n".join(self._line(number, candidate.code)
                                    for number, candidate in enumerate(self._candidates(understanding), start=1)),
            "examples": "\n".join(f"Q: {example.question}\nA: {example.reply()}" for example in examples),
        }

    def __call__(self, understanding: Understanding, outcome: PlanOutcome,
                 on_model: Callable[[], None]) -> ModelReading | None:
        """The model's reading of the question, or None when there is no model or it gave none (see the notes)."""
        candidates = self._candidates(understanding)
        if self.chooser is None or not candidates:
            return None
        value = consult(self.chooser, self.prompt, self.variables(understanding),
                        reading_schema([candidate.code for candidate in candidates]), outcome, on_model)
        return None if value is None else ModelReading.model_validate(value.model_dump())


def applied(understanding: Understanding, reading: ModelReading) -> Understanding | None:
    """The understanding with the model's roles filled in, or None when they do not fit what the question gives
    (a ratio with one measure and one place, a count with no threshold): then the reading is rejected."""
    shown = {candidate.code: candidate for candidate in understanding.second_candidates + understanding.candidates}
    operation = reading.operation
    two_places = len(understanding.places) >= 2
    if operation in (Operation.DIFFERENCE, Operation.RATIO) and not (reading.second or understanding.pair or two_places):
        return None
    if reading.second == reading.indicator_code or (reading.second and operation not in (Operation.DIFFERENCE, Operation.RATIO)):
        return None
    if operation in (Operation.COUNT, Operation.PERIOD_COUNT, Operation.FIRST_MEETING) and understanding.threshold is None:
        return None
    named = understanding.named_operation  # "cuántas veces" is a ratio whatever the model reads
    if named and operation != named and (named, operation) not in SAME_WORDS:
        return None
    update = {"operation": operation, "unsupported": None, "candidates": [shown[reading.indicator_code]],
              "second_topic": "", "second_candidates": [], "model_codes": [reading.indicator_code]}
    if reading.second:
        second = shown[reading.second]
        update |= {"second_topic": second.name_en, "second_candidates": [second], "pair": None,
                   "model_codes": [reading.indicator_code, second.code]}
    return understanding.model_copy(update=update)
