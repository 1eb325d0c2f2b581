"""Readings a person confirmed: readers' corrections promoted with ``cifra feedback promote``.

A question asked again as it was corrected (same words, at the start of a conversation) is answered with the
confirmed plan, so a correction teaches Cifra instead of being lost in a log. Kept as JSON lines in
``$CIFRA_HOME/confirmed_readings.jsonl``; reread when the file changes, so a running app learns without a restart.
"""

import re
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from agent.models import Language, QueryPlan
from agent.understand import readable
from catalog.text import fold

FILE_NAME = "confirmed_readings.jsonl"


def question_key(question: str) -> str:
    """The words of a question, case, accents and punctuation aside."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(readable(question))).split())


class ConfirmedReading(BaseModel):
    question: str
    language: Language
    plan: QueryPlan
    confirmed_by: str = Field(min_length=1)
    confirmed_at: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))


class ConfirmedReadings:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._stamp: float | None = None
        self._by_question: dict[str, ConfirmedReading] = {}

    def get(self, question: str) -> ConfirmedReading | None:
        self._reload()
        return self._by_question.get(question_key(question))

    def add(self, reading: ConfirmedReading) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.path.open("a", encoding="utf-8") as file:
            file.write(reading.model_dump_json() + "\n")

    def _reload(self) -> None:
        try:
            stamp = self.path.stat().st_mtime
        except FileNotFoundError:
            return
        with self._lock:
            if stamp == self._stamp:
                return
            lines = self.path.read_text(encoding="utf-8").splitlines()
            readings = [ConfirmedReading.model_validate_json(line) for line in lines if line.strip()]
            self._by_question = {question_key(reading.question): reading for reading in readings}  # the latest wins
            self._stamp = stamp
