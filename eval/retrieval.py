"""Retrieval accuracy: does the indicator a question is about come first, or among the first three?

Measured through the Understander, as the chat searches: places, periods and cue words are removed before
the index is asked. Suites are YAML lists of ``{id, language, question, expected}``.
"""

from pathlib import Path

import yaml
from pydantic import BaseModel

from agent.models import Language

DEFAULT_SUITE = Path(__file__).with_name("retrieval") / "uncurated.yaml"


class RetrievalCase(BaseModel):
    id: str
    language: Language
    question: str
    expected: str


class RetrievalResult(BaseModel):
    case: RetrievalCase
    ranked: list[str]

    @property
    def rank(self) -> int | None:
        return self.ranked.index(self.case.expected) + 1 if self.case.expected in self.ranked else None


class RetrievalScore(BaseModel):
    language: str
    cases: int
    top1: float
    top3: float


def load_suite(path: Path = DEFAULT_SUITE) -> list[RetrievalCase]:
    return [RetrievalCase.model_validate(item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def run_suite(understand, cases: list[RetrievalCase]) -> list[RetrievalResult]:
    """``understand``: the chat's Understander (agent.understand); its candidates are ranked by indicator."""
    return [RetrievalResult(case=case, ranked=[c.code for c in understand(case.question, case.language).candidates])
            for case in cases]


def score(results: list[RetrievalResult]) -> list[RetrievalScore]:
    """Top-1 and top-3 accuracy per language and overall."""
    groups = {"es": [r for r in results if r.case.language == "es"], "en": [r for r in results if r.case.language == "en"],
              "all": results}
    return [RetrievalScore(language=language, cases=len(group),
                           top1=sum(r.rank == 1 for r in group) / len(group),
                           top3=sum(r.rank is not None and r.rank <= 3 for r in group) / len(group))
            for language, group in groups.items() if group]  # fmt: skip
