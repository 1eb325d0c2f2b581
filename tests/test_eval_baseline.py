"""The LangChain SQL agent baseline: number extraction, language guess, the answer contract, one real run."""

import threading

import pytest

from eval.baseline import LangChainSqlAgent, conversation_input, extract_numbers, guess_language

CONTRACT = {"status", "language", "answer", "values", "sql", "timings_ms", "llm_calls"}


@pytest.mark.parametrize(("text", "language", "numbers"), [
    ("GDP per capita was 13,118.5 US$ in 2020.", "en", [13118.5, 2020.0]),
    ("fue de 13.118,5 dólares", "es", [13118.5]),
    ("1,234,567 people and 1.234.567 habitantes", "en", [1234567.0]),
    ("la tasa fue 5,2 % y luego 8.7%.", "es", [5.2, 8.7]),
    ("a rate of -0.5% in Q3", "en", [-0.5]),
    ("about 1.27 trillion dollars", "en", [1.27e12]),
    ("3,5 millones de personas, 13 mil millones de pesos", "es", [3.5e6, 13e9]),
    ("value 3.0145e+11", "en", [3.0145e11]),
    ("codes NY.GDP.PCAP.CD, CL-05 and Q3 are not numbers; v1.2.3 neither", "en", [5.0]),
    ("", "en", []),
])
def test_numbers_in_free_text_in_both_styles(text, language, numbers):
    assert extract_numbers(text, language) == pytest.approx(numbers)


def test_an_ambiguous_separator_gives_both_readings_the_likelier_first():
    assert extract_numbers("13,118", "en") == [13118.0, 13.118]
    assert extract_numbers("13,118", "es") == [13.118, 13118.0]
    assert extract_numbers("13.118", "en") == [13.118, 13118.0]
    assert extract_numbers("13.118", "es") == [13118.0, 13.118]
    assert extract_numbers("0.118") == [0.118]


@pytest.mark.parametrize(("question", "language"), [
    ("What was the GDP per capita of Chile in 2020?", "en"),
    ("Inflation in Argentina in 2022", "en"),
    ("¿Cuál fue el PIB per cápita de Chile en 2020?", "es"),
    ("poblacion de brasil en 2021 segun el banco mundial", "es"),
    ("desempleo juvenil femenino en España 2023", "es"),
])
def test_language_guess(question, language):
    assert guess_language(question) == language


def test_earlier_questions_are_written_into_the_input():
    assert conversation_input("Chile 2020", []) == "Chile 2020"
    text = conversation_input("¿y en 2021?", ["PIB per cápita de Chile 2020"])
    assert "PIB per cápita de Chile 2020" in text and text.endswith("¿y en 2021?")


class _Executor:
    def __init__(self, result):
        self.result = result

    def invoke(self, inputs, config=None):
        if isinstance(self.result, Exception):
            raise self.result
        return {"output": self.result}


def _agent_with(result) -> LangChainSqlAgent:
    agent = LangChainSqlAgent.__new__(LangChainSqlAgent)  # no model: only ask()'s bookkeeping is tested
    agent.executor = _Executor(result)
    agent.lock = threading.Lock()
    return agent


def test_ask_never_raises_and_reports_errors_and_limits():
    failed = _agent_with(ValueError("Could not parse LLM output"))
    reply = failed.ask("Inflation in Argentina in 2022", [])
    assert set(reply) >= CONTRACT and reply["status"] == "error" and reply["values"] == []
    assert "Could not parse" in reply["notes"][0]
    stopped = _agent_with("Agent stopped due to iteration limit or time limit.").ask("x", [])
    assert stopped["status"] == "error"


def test_a_final_answer_is_ok_with_its_numbers_as_values():
    reply = _agent_with("Inflation in Argentina in 2022 was 72.4%.").ask("Inflation in Argentina in 2022", [])
    assert reply["status"] == "ok" and reply["language"] == "en"
    assert [v["value"] for v in reply["values"]] == [2022.0, 72.4]
    assert reply["values"][0] == {"indicator": "", "area": "", "period": "", "value": 2022.0, "unit": ""}


def test_the_stock_agent_answers_within_its_bounds(built):
    """The real default model on the test build, capped to two steps; correctness is the evaluation's job."""
    settings, _ = built
    agent = LangChainSqlAgent(settings, max_iterations=2, max_execution_time=40, max_tokens=128)
    try:
        reply = agent.ask("What was the GDP per capita of Chile in 2020?", [])
    finally:
        agent.close()
    assert set(reply) >= CONTRACT
    assert reply["status"] in ("ok", "error")
    assert reply["language"] == "en"
    assert 1 <= reply["llm_calls"] <= 4  # agent steps plus at most one query check per step
    assert reply["timings_ms"]["total"] < 120_000
