"""The SQL fallback: off by default; when on, the model's SELECT goes through vetting and the read-only executor,
and its answer says it is the model's (a queued reply stands in for the model)."""

import pytest

from agent.llm import FakeChooser
from agent.pipeline import Cifra

QUESTION = "brecha entre exportaciones de Chile en 2021"  # a gap with one term: neither parser completes it
NO_READING = {"operation": "count", "indicator_code": "NE.EXP.GNFS.ZS", "second_indicator_code": "none"}
SQL = ("SELECT area_name_en, period, value FROM observation_cited WHERE indicator_code = 'NE.EXP.GNFS.ZS' "
       "AND area_code = 'CHL' AND year = 2021")


@pytest.fixture(scope="module")
def model() -> FakeChooser:
    return FakeChooser()


@pytest.fixture(scope="module")
def cifra(built, model) -> Cifra:
    return Cifra(built[0].model_copy(update={"sql_fallback": True}), chooser=model)


def test_the_fallback_is_off_by_default(built):
    assert Cifra(built[0], chooser=FakeChooser()).fallback is None


def test_the_models_sql_is_run_read_only_and_marked_as_the_models(cifra, model):
    model.queue(NO_READING, {"sql": SQL})
    answer = cifra.ask(QUESTION)
    assert answer.status == "ok" and answer.llm_calls == 2
    assert answer.rows and answer.rows[0][:2] == ["Chile", "2021"] and "observation_cited" in answer.sql
    assert answer.understood.parser == "sql_fallback" and "revisa el SQL" in answer.answer
    assert [citation.indicator for citation in answer.citations] == ["NE.EXP.GNFS.ZS"]


@pytest.mark.parametrize("sql", [
    "DELETE FROM observation",
    "SELECT * FROM information_schema.tables",
    "SELECT value FROM observation_cited WHERE indicator_code = 'NO.SUCH.CODE'",  # no rows: nothing to show
])  # fmt: skip
def test_sql_that_fails_vetting_or_finds_nothing_leaves_the_question_asked_back(cifra, model, sql):
    model.queue(NO_READING, {"sql": sql})
    answer = cifra.ask(QUESTION)
    assert answer.status == "clarify" and answer.rows == [] and answer.sql is None
