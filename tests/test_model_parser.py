"""The model as parser: its examples, the checks on its reading, and how the Planner uses it (a queued reply
stands in for the model here; tests/test_model_server.py asks the real one)."""

import pytest

from agent.llm import FakeChooser
from agent.model_parser import ExampleBank, ModelReading, applied, reading_schema
from agent.models import IndicatorCandidate, Place, Understanding
from agent.pipeline import Cifra
from eval.examples import dev_examples
from eval.score import load_cases

GDP, EXPORTS, IMPORTS = "NY.GDP.MKTP.CD", "TX.VAL.MRCH.CD.WT", "TM.VAL.MRCH.CD.WT"


@pytest.fixture(scope="module")
def model() -> FakeChooser:
    return FakeChooser()


@pytest.fixture(scope="module")
def cifra(built, model) -> Cifra:
    return Cifra(built[0], chooser=model)


def test_the_examples_are_the_dev_split_and_never_the_test_split():
    bank = ExampleBank().examples
    assert bank == dev_examples(load_cases()), "run `python -m eval.examples`"
    test_questions = {turn.question for case in load_cases() if case.split == "test" for turn in case.turns}
    assert len(bank) >= 100 and not test_questions & {example.question for example in bank}


@pytest.mark.parametrize(("question", "operation"), [
    ("¿cuántas veces más grandes son las exportaciones que las importaciones de Chile?", "ratio"),
    ("how many Caribbean countries had unemployment above 10 % in 2021", "count"),
    ("en qué año fue más alto el desempleo en Colombia", "which_period"),
])  # fmt: skip
def test_similar_examples_are_found_by_meaning(question, operation):
    assert operation in [example.operation for example in ExampleBank().similar(question)]


def test_the_reply_can_only_name_the_retrieved_codes_and_the_algebras_operations():
    schema = reading_schema([GDP, EXPORTS])
    assert schema.model_validate({"operation": "ratio", "indicator_code": EXPORTS, "second_indicator_code": GDP})
    for wrong in ({"operation": "ratio", "indicator_code": IMPORTS, "second_indicator_code": "none"},
                  {"operation": "divide", "indicator_code": GDP, "second_indicator_code": "none"}):
        with pytest.raises(ValueError):
            schema.model_validate(wrong)


def _understanding(places: int = 1, threshold: bool = False) -> Understanding:
    chile = Place(code="CHL", name_es="Chile", name_en="Chile", kind="country", matched="chile")
    peru = Place(code="PER", name_es="Perú", name_en="Peru", kind="country", matched="peru")
    return Understanding(question="q", language="es", places=[chile, peru][:places],
                         threshold=(">", 5.0) if threshold else None,
                         candidates=[IndicatorCandidate(code=code, name_es=code, name_en=code, score=0.9)
                                     for code in (EXPORTS, IMPORTS, GDP)])


@pytest.mark.parametrize(("operation", "first", "second", "places", "threshold", "codes"), [
    ("ratio", EXPORTS, IMPORTS, 1, False, [EXPORTS, IMPORTS]),  # two measures
    ("difference", GDP, "none", 2, False, [GDP]),  # two places
    ("ratio", GDP, "none", 1, False, None),  # one measure, one place: nothing to divide by
    ("ratio", GDP, GDP, 1, False, None),  # a measure divided by itself
    ("value", GDP, EXPORTS, 1, False, None),  # a second measure with nothing to do
    ("count", GDP, "none", 1, False, None),  # nothing to count by
    ("count", GDP, "none", 1, True, [GDP]),
])  # fmt: skip
def test_a_reading_that_does_not_fit_the_question_is_rejected(operation, first, second, places, threshold, codes):
    reading = ModelReading(operation=operation, indicator_code=first, second_indicator_code=second)
    filled = applied(_understanding(places, threshold), reading)
    assert (filled.model_codes if filled else None) == codes


def test_the_model_reads_what_the_rules_could_not_and_says_so(cifra, model):
    question = "brecha entre exportaciones de Chile en 2021"  # a gap with one measure: the rules ask between what
    assert cifra.ask(question).status == "clarify"
    model.queue({"operation": "difference", "indicator_code": "NE.EXP.GNFS.ZS", "second_indicator_code": "NE.IMP.GNFS.ZS"})
    answer = cifra.ask(question)
    assert answer.status == "ok" and answer.llm_calls == 1, answer.answer
    assert (answer.plan.operation, answer.plan.indicator_codes) == ("difference", ["NE.EXP.GNFS.ZS", "NE.IMP.GNFS.ZS"])
    assert answer.understood.parser == "model"


def test_a_reading_the_question_cannot_hold_leaves_the_rules_answer(cifra, model):
    question = "brecha entre exportaciones de Chile en 2021"
    model.queue({"operation": "count", "indicator_code": "NE.EXP.GNFS.ZS", "second_indicator_code": "none"})
    answer = cifra.ask(question)  # a count without a number to count by
    assert answer.status == "clarify" and answer.values == [] and answer.llm_calls == 1


def test_when_the_model_gives_no_reading_the_question_is_asked_back(cifra, model):
    model.queue('{"operation": "ratio", "indicator_code": "NOT.A.CODE", "second_indicator_code": "none"}')
    answer = cifra.ask("brecha entre exportaciones de Chile en 2021")
    assert answer.status == "clarify" and any("modelo" in note for note in answer.notes)


def test_a_reading_left_unexplained_offers_the_models_reading_first(cifra, model):
    question = "desempleo rural de Chile 2020"  # the rules' reading leaves "rural"
    rules = cifra.ask(question)
    codes = [option.plan.indicator_code for option in rules.options]
    other = next(c.code for c in cifra.understand(question).candidates if c.code not in codes)
    if rules.llm_calls == 2:  # the rules asked the model to break a near tie first: it keeps their pick
        model.queue({"indicator_code": codes[0]})
    model.queue({"operation": "value", "indicator_code": other, "second_indicator_code": "none"})
    answer = cifra.ask(question)
    assert answer.status == "clarify" and answer.values == [] and not model.replies
    assert answer.options[0].plan.indicator_code == other and len(answer.options) == len(rules.options) + 1


def test_a_near_tie_the_model_and_the_rules_break_differently_is_asked_back(cifra, model):
    question = "¿Cuántos habitantes por kilómetro cuadrado tenía Bolivia en 2020?"  # density, or forest area?
    rules = cifra.ask(question)  # no reply queued: the model gives none, the rules break the tie alone
    assert rules.status == "ok" and rules.llm_calls == 1, rules.answer
    other = next(c.code for c in cifra.understand(question).candidates
                 if cifra.catalog.get(c.code).family != cifra.catalog.get(rules.plan.indicator_code).family)
    model.queue({"indicator_code": other})
    asked = cifra.ask(question)
    assert asked.status == "clarify" and asked.values == [], asked.answer
    assert [option.plan.indicator_code for option in asked.options] == [other, rules.plan.indicator_code]
    model.queue({"indicator_code": rules.plan.indicator_code})
    agreed = cifra.ask(question)
    assert agreed.status == "ok" and agreed.understood.parser == "model"
    assert agreed.values[0].value == rules.values[0].value
