"""Readers' feedback, reviewed and promoted.

``review`` lists what readers said (rating, comment, and the reading they chose instead, if any).
``promote`` turns a correction a person confirms into (a) a golden case tagged ``feedback`` whose expected
values the corrected plan computes, with who confirmed them, and (b) a confirmed reading Cifra uses when the
question is asked again (agent/readings.py).
"""

from datetime import UTC, datetime
from pathlib import Path

import yaml
from pydantic import BaseModel

from agent.models import Conversation, Operation, QueryPlan
from agent.pipeline import Cifra
from agent.readings import ConfirmedReading
from agent.feedback_log import FeedbackRecord, read_feedback

INTENTS = {Operation.VALUE: "value", Operation.SERIES: "series", Operation.LATEST: "latest", Operation.RANK: "rank",
           Operation.CHANGE: "change", Operation.AGGREGATE: "average", Operation.FIRST_MEETING: "value"}


class FeedbackItem(BaseModel):
    id: int  # line number in feedback.jsonl, from 1
    record: FeedbackRecord


class NotPromotable(ValueError):
    """This feedback cannot become a golden case (no correction, a follow-up, a reading with no data)."""


def review(path: Path) -> list[FeedbackItem]:
    return [FeedbackItem(id=number, record=record) for number, record in enumerate(read_feedback(path), start=1)]


def promoted_plan(record: FeedbackRecord) -> QueryPlan:
    """The reading to confirm: the reader's correction, or the answer's own reading when they approved it."""
    if record.conversation:
        raise NotPromotable("a follow-up question needs its conversation: only first questions are promoted")
    plan = record.correction or (record.plan if record.rating == "up" else None)
    if plan is None:
        raise NotPromotable("a thumbs-down without a chosen reading says what is wrong, not what is right")
    return plan


def promote(cifra: Cifra, item: FeedbackItem, confirmed_by: str, suite: Path, split: str) -> str:
    """Append the golden case to ``suite`` and confirm the reading; returns the new case id."""
    record = item.record
    plan = promoted_plan(record)
    answer = cifra.answer_plan(plan, record.language, Conversation(), record.question)
    if answer.status != "ok" or not answer.values:
        raise NotPromotable(f"the chosen reading gives no values today ({answer.status})")
    case_id = f"feedback-{datetime.now(UTC):%Y%m%d%H%M%S}-{item.id}"
    values = [{"indicator": value.indicator, "area": value.area, "period": value.period,
               "source": {"recorded": value.value, "area": value.area, "period": value.period, "confirmed_by": confirmed_by}}
              for value in answer.values]  # fmt: skip
    case = {"id": case_id, "split": split, "language": record.language, "tags": [INTENTS[plan.operation], "feedback"],
            "turns": [{"question": record.question, "expect": {"status": "ok", "values": values}}]}
    with suite.open("a", encoding="utf-8") as file:
        file.write(f"\n# Promoted from feedback #{item.id}, confirmed by {confirmed_by}.\n")
        file.write(yaml.safe_dump([case], allow_unicode=True, sort_keys=False))
    cifra.confirmed.add(ConfirmedReading(question=record.question, language=record.language, plan=plan,
                                         confirmed_by=confirmed_by))
    return case_id
