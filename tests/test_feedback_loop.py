"""Feedback that teaches: a reader's chosen reading, confirmed by a person, becomes a golden case tagged
feedback and the reading Cifra gives that question from then on."""

import pytest

from agent.models import Conversation
from agent.pipeline import Cifra
from eval.feedback import NotPromotable, promote, review
from agent.feedback_log import FILE_NAME, FeedbackRecord, append_feedback
from eval.score import load_cases, score_turn

QUESTION = "tasa de desempleo chilena del año 2023"


@pytest.fixture
def home(built, tmp_path):
    """A home of its own (feedback and confirmed readings) on the session's database and index."""
    settings, _ = built
    (tmp_path / "index").symlink_to(settings.index_dir)
    return settings.model_copy(update={"home": tmp_path, "database_url": settings.resolved_database_url})


def test_a_confirmed_correction_becomes_a_golden_case_and_teaches_cifra(home, tmp_path):
    cifra = Cifra(home)
    first = cifra.ask(QUESTION)
    assert first.values[0].indicator == "CHL.UNEMPLOYMENT.RATE"  # INE's figure, as the rules read it
    chosen = next(option for option in first.options if option.plan.indicator_code == "SL.UEM.TOTL.ZS")
    append_feedback(home.home / FILE_NAME, FeedbackRecord.of(QUESTION, [], first, "down", "", correction=chosen.plan))
    append_feedback(home.home / FILE_NAME, FeedbackRecord.of(QUESTION, [], first, "down", "mal"))
    items = review(home.home / FILE_NAME)
    suite = tmp_path / "suite.yaml"

    case_id = promote(cifra, items[0], "Ana Pérez (INE)", suite, "dev")
    with pytest.raises(NotPromotable, match="thumbs-down without a chosen reading"):
        promote(cifra, items[1], "Ana Pérez (INE)", suite, "dev")

    [case] = load_cases(suite)
    assert (case.id, case.tags) == (case_id, ["value", "feedback"])
    source = case.turns[0].expect.values[0].source
    assert source["recorded"] == pytest.approx(9.013) and source["confirmed_by"] == "Ana Pérez (INE)"
    again = Cifra(home).ask(QUESTION)
    assert again.understood.parser == "confirmed" and again.values[0].indicator == "SL.UEM.TOTL.ZS"
    assert score_turn(case.turns[0].expect, again.model_dump()).ok
    follow_up = Conversation()
    cifra.ask("PIB de Chile 2020", follow_up)
    assert cifra.ask(QUESTION, follow_up).understood.parser == "rules"  # within a conversation, context decides
