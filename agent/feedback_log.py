"""Readers' verdicts on answers, one JSON object per line in ``$CIFRA_HOME/feedback.jsonl``.

The web app appends to it (ui/feedback_view.py, and a reading chosen under an answer in ui/chat_page.py);
eval/feedback.py reviews it and promotes confirmed corrections. JSON lines so that appending never rewrites the
file and any tool (pandas, jq) can read it.
"""

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from agent.models import Answer, QueryPlan, Value

FILE_NAME = "feedback.jsonl"
_append_lock = threading.Lock()  # browser sessions are threads of one server process
MAX_COMMENT_CHARS = 2000  # one line of feedback.jsonl stays small whatever is pasted into the box


class FeedbackRecord(BaseModel):
    timestamp: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    question: str
    conversation: list[str] = Field(description="The questions asked before this one in the same chat.")
    language: str
    status: str
    plan: QueryPlan | None
    sql: str | None
    answer: str
    values: list[Value]
    rating: Literal["up", "down"]
    comment: str = Field("", max_length=MAX_COMMENT_CHARS)
    correction: QueryPlan | None = Field(None, description="The reading the reader chose instead (an option's plan).")

    @classmethod
    def of(cls, question: str, previous: list[str], answer: Answer, rating: Literal["up", "down"],
           comment: str, correction: QueryPlan | None = None) -> "FeedbackRecord":  # fmt: skip
        return cls(question=question, conversation=previous, language=answer.language, status=answer.status,
                   plan=answer.plan, sql=answer.sql, answer=answer.answer, values=answer.values, rating=rating,
                   comment=comment.strip()[:MAX_COMMENT_CHARS], correction=correction)  # fmt: skip


def append_feedback(path: Path, record: FeedbackRecord) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    line = record.model_dump_json() + "\n"
    with _append_lock, path.open("a", encoding="utf-8") as file:
        file.write(line)


def read_feedback(path: Path) -> list[FeedbackRecord]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [FeedbackRecord.model_validate_json(line) for line in lines if line.strip()]
