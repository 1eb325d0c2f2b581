"""Baseline for the evaluation: the golden set through a stock LangChain SQL agent, side by side with Cifra.

The agent is LangChain's own: ``SQLDatabase`` over the statistics database, ``SQLDatabaseToolkit``
(list tables, table schema with sample rows, query checker, query) and ``create_sql_agent`` with its
default agent type (zero-shot ReAct) and default prompts (``SQL_PREFIX``, ReAct format instructions,
``SQL_SUFFIX``). It runs the same model Cifra uses, through LangChain's OpenAI-compatible chat model
(``ChatOpenAI``) pointed at the same server — the local model's supervised server
(``agent.model_server``) or ``CIFRA_LLM_URL`` — greedy (temperature 0), on the same
database opened through Cifra's read-only engine (``agent.executor.read_only_engine``: DuckDB refuses
one file opened read-write and read-only in one process, and the baseline must not write anyway).

There is no Cifra-specific prompt engineering. What differs from LangChain's defaults, and why:

* ``SQLDatabase`` is given the table definitions from ``catalog.schema`` instead of reflecting them:
  duckdb-engine's reflection fails under SQLAlchemy 2.1 (it queries ``pg_catalog.pg_collation``). The
  ``CREATE TABLE`` text and sample rows the agent sees are the same the reflection would give.
* The model's settings are the server's, as for Cifra (``CIFRA_LLM_CONTEXT`` 8192 covers the
  toolkit's prompts and the schema with sample rows, ~3k tokens); temperature 0.7 becomes 0.
* ``handle_parsing_errors=True``: a small model often breaks the ReAct format; LangChain then feeds
  the error back as an observation instead of raising, as its docs suggest.
* Bounds, so an evaluation run ends: ``max_iterations`` (default 6), ``max_execution_time`` (default
  90 s, checked by the executor between steps, so one slow step can overrun it by one LLM call —
  ``max_tokens`` 256 bounds a call) and early stopping "force".

Multi-turn: the stock agent has no memory, so earlier questions of the conversation are written
before the question in the input string (``conversation_input``); nothing else is carried.

``LangChainSqlAgent.ask`` returns a dict shaped like Cifra's answer JSON (``cifra chat --jsonl``):
``status`` ("ok" when the agent gave a final answer, "error" on exceptions, parse failures and the
iteration or time limit — it never raises), ``language`` (a guess), ``answer`` (the final text),
``values`` (every number in the final text, see ``extract_numbers``, each as
``{"indicator": "", "area": "", "period": "", "value": float, "unit": ""}``), ``sql`` (the last query
the agent ran), ``timings_ms`` ({"total": ...}) and ``llm_calls`` (chat-model invocations, the query
checker's included). The baseline's values carry no indicator, area or period, so scoring it must
accept a value match on the number alone (``eval/score.py`` is owned elsewhere: a turn passes for
the baseline when every expected value is close to some number in ``values``). No ``no_data``,
``clarify`` or ``refused`` statuses are produced: declines are scored as the stock agent gives them.
"""

from __future__ import annotations

import math
import re
import threading
import time
from typing import Any

from cifra.settings import Settings

AGENT_STOPPED = "Agent stopped due to"  # AgentExecutor's output when max_iterations or max_execution_time hits

# ---------------------------------------------------------------- numbers in free text

_NUMBER = re.compile(
    r"(?<![\w.,])(?P<sign>[-−]?)(?P<body>\d(?:[\d.,]*\d)?)(?:[eE](?P<exp>[+-]?\d+))?(?![\w])"
    r"(?:\s*(?P<scale>mil\s+millones|thousand|millions?|billions?|trillions?|millones|millón|millon|"
    r"billones|billón|billon|mil)\b)?",
    re.IGNORECASE,
)
_SCALES = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    "trillions": 1e12, "mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "mil millones": 1e9,
    "billón": 1e12, "billon": 1e12, "billones": 1e12,
}


def _readings(body: str, language: str) -> list[float]:
    """The values a digit string with ``.``/``,`` separators can mean, the likelier first.

    Both separators: the last one is the decimal mark (13,118.5 and 13.118,5). One separator repeated:
    thousands (1,234,567). One separator once before exactly three digits (13,118 or 13.118): both
    readings, English-style first for English text and Spanish-style first for Spanish.
    """
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if body.count(decimal) > 1:
            return []
        return [float(body.replace(thousands, "").replace(decimal, "."))]
    if not dots and not commas:
        return [float(body)]
    mark = "." if dots else ","
    groups = body.split(mark)
    if len(groups) > 2:
        if all(len(group) == 3 for group in groups[1:]) and len(groups[0]) <= 3:
            return [float("".join(groups))]
        return []  # 1.2.3: a version or a code, not a number
    whole, fraction = groups
    as_decimal = float(f"{whole}.{fraction}")
    if len(fraction) == 3 and len(whole) <= 3 and whole != "0":
        as_thousands = float(whole + fraction)
        english_decimal = mark == "."
        decimal_first = english_decimal if language == "en" else not english_decimal
        return [as_decimal, as_thousands] if decimal_first else [as_thousands, as_decimal]
    return [as_decimal]


def extract_numbers(text: str, language: str = "en") -> list[float]:
    """Every number written in ``text``, in order, without repeats.

    Reads 13,118.5 and 13.118,5, 1,234,567 and 1.234.567, 5,2 (Spanish decimal comma), 1.2e+12,
    signs, and scale words (1.27 trillion, 3,5 millones, 13 mil millones). An ambiguous 13,118 or
    13.118 gives both readings (see ``_readings``); the scorer matches numbers alone, and the two
    readings are a thousand times apart, so this cannot make a wrong answer pass by accident.
    Years and other integers are numbers too.
    """
    numbers: list[float] = []
    for match in _NUMBER.finditer(text or ""):
        readings = _readings(match["body"], language)
        factor = 1.0
        if match["exp"]:
            factor *= 10.0 ** int(match["exp"])
        if match["scale"]:
            factor *= _SCALES[re.sub(r"\s+", " ", match["scale"].lower())]
        sign = -1.0 if match["sign"] else 1.0
        for reading in readings:
            value = sign * reading * factor
            if math.isfinite(value) and value not in numbers:
                numbers.append(value)
    return numbers


# ---------------------------------------------------------------- language

_SPANISH_WORDS = frozenset(
    "el la los las del de en que qué cual cuál cuales cuáles cuanto cuánto cuanta cuánta cuantos cuántos "
    "como cómo donde dónde fue era es son y o por para con segun según entre desde hasta año años "
    "poblacion población tasa pib desempleo esperanza vida crecimiento inflacion inflación pobreza "
    "comuna region región pais país paises países mayor menor compara comparar y".split()
)
_SPANISH_MARKS = re.compile(r"[áéíóúñü¿¡]", re.IGNORECASE)


def guess_language(question: str) -> str:
    """"es" when the question has Spanish accents, ¿¡ or a common Spanish word, else "en"."""
    if _SPANISH_MARKS.search(question):
        return "es"
    words = re.findall(r"[^\W\d_]+", question.lower())
    return "es" if any(word in _SPANISH_WORDS for word in words) else "en"


def conversation_input(question: str, history: list[str]) -> str:
    """The agent's input: the stock agent has no memory, so earlier questions go before the question."""
    if not history:
        return question
    earlier = "\n".join(f"- {previous}" for previous in history)
    return f"Earlier questions in this conversation:\n{earlier}\nQuestion: {question}"


# ---------------------------------------------------------------- the agent


def _recorder_class():
    from langchain_core.callbacks import BaseCallbackHandler

    class Recorder(BaseCallbackHandler):
        """Counts LLM invocations and keeps the queries given to the ``sql_db_query`` tool."""

        def __init__(self) -> None:
            self.llm_calls = 0
            self.sql: list[str] = []
            self.lock = threading.Lock()

        def on_llm_start(self, serialized, prompts, **kwargs) -> None:
            with self.lock:
                self.llm_calls += 1

        def on_chat_model_start(self, serialized, messages, **kwargs) -> None:
            with self.lock:
                self.llm_calls += 1

        def on_tool_start(self, serialized, input_str, **kwargs) -> None:
            name = (serialized or {}).get("name") or kwargs.get("name")
            if name == "sql_db_query":
                inputs = kwargs.get("inputs")
                query = inputs.get("query") if isinstance(inputs, dict) else None
                self.sql.append(str(query or input_str).strip())

    return Recorder


class LangChainSqlAgent:
    """A stock LangChain SQL agent over Cifra's database and model; ``ask`` answers like Cifra's JSON."""

    def __init__(self, settings: Settings, *, max_iterations: int = 6, max_execution_time: float = 90.0,
                 max_tokens: int = 256, top_k: int = 10) -> None:
        import warnings

        with warnings.catch_warnings():  # langchain-community announces its sunset on import
            warnings.simplefilter("ignore", DeprecationWarning)
            from langchain_community.agent_toolkits import SQLDatabaseToolkit, create_sql_agent
            from langchain_community.utilities import SQLDatabase
        from langchain_openai import ChatOpenAI
        from sqlalchemy import MetaData

        from agent.executor import read_only_engine
        from agent.model_server import STARTUP_SECONDS, shared_server
        from catalog.schema import Base

        self.settings = settings
        self.engine = read_only_engine(settings)
        metadata = MetaData()  # a copy: SQLDatabase may reflect into it
        for table in Base.metadata.sorted_tables:
            table.to_metadata(metadata)
        self.db = SQLDatabase(self.engine, metadata=metadata, lazy_table_reflection=True)
        url = settings.llm_url or shared_server(settings).endpoint(wait=STARTUP_SECONDS)
        self.llm = ChatOpenAI(base_url=f"{url.rstrip('/')}/v1", api_key="not-needed", model=settings.model,
                              temperature=0.0, max_tokens=max_tokens, timeout=max_execution_time, max_retries=0)
        toolkit = SQLDatabaseToolkit(db=self.db, llm=self.llm)
        self.executor = create_sql_agent(
            self.llm, toolkit=toolkit, top_k=top_k, max_iterations=max_iterations,
            max_execution_time=max_execution_time, early_stopping_method="force",
            agent_executor_kwargs={"handle_parsing_errors": True},
        )
        self.lock = threading.Lock()  # the stock agent keeps no state per question: one at a time

    def close(self) -> None:
        self.engine.dispose()

    def ask(self, question: str, history: list[str] | None = None) -> dict[str, Any]:
        """Run one question; never raises. ``history``: the conversation's earlier questions, oldest first."""
        language = guess_language(question)
        recorder = _recorder_class()()
        started = time.perf_counter()
        answer, status, error = "", "error", ""
        with self.lock:
            try:
                result = self.executor.invoke({"input": conversation_input(question, list(history or []))},
                                              config={"callbacks": [recorder]})
                answer = str(result.get("output") or "").strip()
                if answer and not answer.startswith(AGENT_STOPPED):
                    status = "ok"
                else:
                    error = answer or "no final answer"
            except Exception as failure:  # the baseline's failures are data for the evaluation
                error = f"{type(failure).__name__}: {failure}"
        elapsed_ms = round((time.perf_counter() - started) * 1000)
        values = [{"indicator": "", "area": "", "period": "", "value": number, "unit": ""}
                  for number in extract_numbers(answer, language)] if status == "ok" else []
        reply: dict[str, Any] = {
            "status": status,
            "language": language,
            "answer": answer,
            "values": values,
            "sql": recorder.sql[-1] if recorder.sql else None,
            "timings_ms": {"total": elapsed_ms},
            "llm_calls": recorder.llm_calls,
        }
        if error:
            reply["notes"] = [error[:500]]
        return reply
