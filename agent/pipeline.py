"""The whole flow of a question, in one screen:

    understand → plan → compile → vet → execute → answer

``Cifra`` loads the database metadata, gazetteer and retrieval index once per process; the model runs in
its own server process, started by the first question that needs it (agent.model_server). ``ask`` runs
one question in the context of a conversation and never raises.
"""

import logging
import re
import time
from collections.abc import Callable
from functools import cache
from typing import Literal

from agent.answer import AnswerWriter, message, note_text
from agent.compile import compile_sql
from agent.executor import QueryFailed, read_only_engine, run_query
from agent.gazetteer import Gazetteer
from agent.indicators import IndicatorCatalog
from agent.interpretation import option_label, reading_options, understood
from agent.llm import Chooser, load_chooser
from agent.models import TWO_OPERANDS, Answer, Conversation, Language, Operation, PlanOutcome, QueryPlan, ReadingOption, Turn
from agent.plan import MODEL_READS, Planner
from agent.readings import FILE_NAME as CONFIRMED_FILE
from agent.readings import ConfirmedReadings
from agent.sql_fallback import SqlFallback
from agent.language import detect_language
from agent.lexicon import lexicon
from agent.understand import MAX_QUESTION_CHARS, Understander, readable
from agent.vetting import SqlRefused, vet
from catalog.index import IndicatorIndex
from catalog.text import fold
from cifra.settings import Settings, get_settings

log = logging.getLogger(__name__)
# What a lead-in's words can make of a question: words not understood, a second measure, an operation unknown
LEAD_IN_CONFUSES = ("not_sure", "several", "unsupported")


class CifraUnavailable(Exception):
    """The database or the retrieval index cannot be opened (missing, empty, damaged): nothing can be answered."""

    def __init__(self, part: Literal["database", "index"], detail: str):
        super().__init__(f"{part}: {detail}")
        self.part = part
        self.detail = detail

    def answer(self, language: Language) -> Answer:
        """What a user is told, in their language: what is wrong and what to run."""
        return Answer(status="error", language=language, notes=[self.detail[:300]],
                      answer=message(f"unavailable_{self.part}", language))


class Cifra:
    def __init__(self, settings: Settings, chooser: Chooser | None = None):
        try:
            self.engine = read_only_engine(settings)
            self.catalog = IndicatorCatalog.load(self.engine)
            self.gazetteer = Gazetteer.load(self.engine)
        except Exception as error:  # a missing file, an empty or garbled database: every engine fails its own way
            raise CifraUnavailable("database", f"{settings.resolved_database_url}: {error}") from error
        chooser = chooser or load_chooser(settings)  # starts no model until needed
        self.plan = Planner(self.catalog, chooser)
        self.fallback = SqlFallback(self.catalog, chooser, self.engine) if settings.sql_fallback else None
        try:
            index = IndicatorIndex.open(settings)
        except Exception as error:
            raise CifraUnavailable("index", f"{settings.chroma_url or settings.index_dir}: {error}") from error
        self.understand = Understander(self.gazetteer, index, self.plan.vocabulary, self.catalog.joined_words,
                                       self.catalog.named_words, self.catalog.named_operations, self.catalog.negated_words)
        self.write = AnswerWriter(self.catalog)
        self.confirmed = ConfirmedReadings(settings.home / CONFIRMED_FILE)
        self.area_names = {language: {code: area.name_es if language == "es" else area.name_en
                                      for code, area in self.gazetteer.areas.items()} for language in ("es", "en")}

    def ask(self, question: str, conversation: Conversation | None = None,
            on_model: Callable[[], None] = lambda: None) -> Answer:
        """Never raises. ``on_model`` is called when the question goes to the model, so a caller can say so."""
        conversation = conversation if conversation is not None else Conversation()
        language = detect_language(readable(question), conversation.turns[-1].language if conversation.turns else "es")
        try:
            answer = self._answer(question, conversation, on_model)
        except Exception:  # the chat must never show a stack trace; the log keeps it
            log.exception("unexpected failure answering %r", question)
            answer = Answer(status="error", language=language, answer=message("error", language))
        also = [part.plan for part in answer.parts[1:] if part.status == "ok"] if answer.status == "ok" else []
        own_values = [value for value in answer.values if answer.plan and value.indicator == answer.plan.indicator_code
                      and not (answer.plan.operation == Operation.POSITION and value.area not in answer.plan.area_codes)]
        # a position's first member is said beside it, and "there" is still the place asked about
        named = self.gazetteer.find(fold(readable(question))).places
        conversation.turns.append(Turn(question=readable(question), plan=answer.plan if answer.status == "ok" else None,
                                       tried=answer.plan if answer.status == "no_data" else None, also=also,
                                       shown_areas=list(dict.fromkeys(value.area for value in own_values)),
                                       shown_periods=list(dict.fromkeys(value.period for value in own_values)),
                                       named_areas=[place.code for place in named],
                                       namesakes=[other for place in named for other in place.alternatives],
                                       language=answer.language))
        return answer

    def _answer(self, question: str, conversation: Conversation, on_model: Callable[[], None]) -> Answer:
        timings: dict[str, float] = {}
        clock = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            timings[stage] = round((now - clock) * 1000, 1)
            clock = now

        default_language = conversation.turns[-1].language if conversation.turns else "es"
        confirmed = None if conversation.turns or len(question) > MAX_QUESTION_CHARS else self.confirmed.get(question)
        if confirmed is not None:  # a person confirmed how to read this very question
            return self._run(confirmed.plan, confirmed.language, [], "confirmed", timings, lap)
        if (back := lexicon().has_phrase(fold(question), lexicon().back_to_first)) \
                and sum(1 for turn in conversation.turns if turn.plan) >= 2:
            question, conversation = _without(question, back), conversation.up_to_first_answer()
        last = conversation.turns[-1].plan if conversation.turns else None
        previous_measure = self.catalog.get(last.indicator_code) if last is not None else None
        understanding = self.understand(question, default_language, previous_measure)
        lap("understand")
        outcome = self.plan(understanding, conversation, on_model)
        for trim in (self.understand.after_lead_in, self.understand.before_afterword):
            # read again without the lead-in (or a remark after the question), when what is left names a measure of
            # its own and is understood; tried only where the whole was not
            if outcome.reason not in LEAD_IN_CONFUSES or (rest := trim(question)) is None:
                continue
            again = self.understand(rest, default_language, previous_measure)
            retried = self.plan(again, conversation, on_model) if again.topic_text else outcome
            if retried.status == "ok":
                understanding, outcome = again, retried
        lap("plan")
        language = understanding.language
        if outcome.status != "ok":
            drafted = self.fallback(understanding, outcome, on_model) \
                if self.fallback and outcome.reason in MODEL_READS else None
            if drafted is not None:
                lap("sql_fallback")
                return drafted.model_copy(update={"timings_ms": timings})
            return self._declined(outcome, language, timings)
        answer = self._run(outcome.plan, language, outcome.notes, outcome.parser, timings, lap)
        if (added := _added_places_unanswered(outcome.plan, last, answer)):
            answer = self._run(outcome.plan.model_copy(update={"area_codes": added}), language, [], outcome.parser,
                               timings, lap)
        if outcome.also:
            answer = together([answer] + [self._run(plan, language, [], outcome.parser, timings, lap)
                                          for plan in outcome.also])
        options = reading_options(outcome.plan, understanding, self.catalog, self.area_names[language], language) \
            if answer.status == "ok" else []
        return answer.model_copy(update={"llm_calls": outcome.llm_calls, "options": options})

    def answer_plan(self, plan: QueryPlan, language: Language, conversation: Conversation, label: str) -> Answer:
        """Run ``plan`` as it is (a reading the user picked among an answer's options): no question to read,
        no model call. The conversation continues from it, as from any other answer."""
        try:
            answer = self._run(plan, language, [], "correction", {}, lambda stage: None)
        except Exception:
            log.exception("unexpected failure running a chosen reading %s", plan)
            answer = Answer(status="error", language=language, answer=message("error", language))
        conversation.turns.append(Turn(question=label, plan=plan if answer.status == "ok" else None, language=language))
        return answer

    def _run(self, plan: QueryPlan, language: Language, notes: list, parser: str, timings: dict[str, float], lap) -> Answer:
        """Compile, vet, execute and write the answer for a plan."""
        info = self.catalog.get(plan.indicator_code)
        second = self.catalog.get(plan.second_indicator_code) if plan.second_indicator_code else None
        sql = compile_sql(plan, info, language, self.engine.dialect, second)
        lap("compile")
        try:
            vetted = vet(sql, self.engine.dialect.name)
            lap("vet")
            result = run_query(self.engine, vetted)
            lap("execute")
        except (SqlRefused, QueryFailed) as error:
            key = "refused_sql" if isinstance(error, SqlRefused) else "query_failed"
            reason = error.reason_es if language == "es" else error.reason_en
            return Answer(status="refused" if key == "refused_sql" else "error", language=language, plan=plan,
                          sql=sql, answer=message(key, language, reason=reason), timings_ms=timings)  # fmt: skip
        answer = self.write(plan, language, result.columns, result.rows, notes, self.area_names[language])
        if result.truncated:
            answer.notes.append(message("truncated", language, count=len(result.rows)))
        reading = understood(plan, self.catalog, self.area_names[language], language, parser)
        lap("answer")
        return answer.model_copy(update={"sql": vetted.sql, "timings_ms": timings, "understood": reading})

    def _declined(self, outcome: PlanOutcome, language: str, timings: dict[str, float]) -> Answer:
        params = dict(outcome.params)
        for key in ("indicator", "first", "second"):
            if key in params:
                params[key] = self.catalog.get(params[key]).name(language)
        texts = [message(outcome.reason, language, **params)]
        if outcome.suggestions:
            items = "; ".join(f"{self.catalog.get(code).name(language)} ({code})" for code in outcome.suggestions)
            texts.append(message("suggestions", language, items=items))
        options = [ReadingOption(kind="operation" if plan.operation in TWO_OPERANDS else "indicator", plan=plan,
                                 label=option_label(plan, self.catalog, self.area_names[language], language))
                   for plan in outcome.options]
        return Answer(status=outcome.status, language=language, answer=" ".join(texts), options=options,
                      notes=[note_text(note, language) for note in outcome.notes], timings_ms=timings,
                      llm_calls=outcome.llm_calls)  # fmt: skip


PLACES_SHOWN = (Operation.VALUE, Operation.LATEST, Operation.SERIES)  # each place's own figures, one by one


def _added_places_unanswered(plan: QueryPlan, last: QueryPlan | None, answer: Answer) -> list[str]:
    """"¿y comparado con Perú?" after Chile's 12-month CPI: when every place a follow-up adds has no figure, showing
    the places already answered again is no comparison; the added places are answered alone, as having no data."""
    if (answer.status != "ok" or last is None or plan.group_code or plan.operation not in PLACES_SHOWN
            or plan.indicator_code != last.indicator_code or not set(last.area_codes) < set(plan.area_codes)):
        return []
    added = [area for area in plan.area_codes if area not in last.area_codes]
    return [] if any(value.area in added for value in answer.values) else added


def _without(question: str, folded_phrase: str) -> str:
    """``question`` less the words of ``folded_phrase``, however accented as typed."""
    accented = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]", "n": "[nñ]"}
    pattern = r"\W+".join("".join(accented.get(letter, re.escape(letter)) for letter in word)
                          for word in folded_phrase.split())
    return re.sub(pattern, " ", question, count=1, flags=re.IGNORECASE)


def together(parts: list[Answer]) -> Answer:
    """One answer for several measures asked at once: their sentences, values, sources and SQL in order. Rows and
    chart stay in each part, since the measures' tables differ."""
    answered = [part for part in parts if part.status == "ok"] or parts
    citations = [citation for part in parts for citation in part.citations]
    notes = [note for part in parts for note in part.notes]
    reading = answered[0].understood
    if reading is not None:
        reading = reading.model_copy(update={"text": " ".join(part.understood.text for part in answered)})
    return answered[0].model_copy(update={
        "answer": " ".join(part.answer for part in parts), "values": [value for part in parts for value in part.values],
        "citations": [citation for index, citation in enumerate(citations) if citation not in citations[:index]],
        "notes": list(dict.fromkeys(notes)), "sql": ";\n\n".join(part.sql for part in parts if part.sql),
        "headline": None, "headline_exact": None, "rows": [], "columns": [], "chart": None, "understood": reading,
        "parts": parts})


@cache
def default_cifra() -> Cifra:
    return Cifra(get_settings())


def ask(question: str, conversation: Conversation | None = None) -> Answer:
    """Answer one question on the configured database and model, in the context of ``conversation``."""
    return default_cifra().ask(question, conversation)
