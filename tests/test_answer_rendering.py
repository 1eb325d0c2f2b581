"""Every golden question's answer renders, in Spanish and in English, with the chat's own answer view.

Where the two languages come from, honestly: no answer is translated. Every turn of every case in
eval/questions.yaml is asked as written (in its own language, follow-ups in their case's conversation), and
an answer with a reading is answered again in the other language by running that same reading through
``Cifra.answer_plan`` (what the chat does when a reader picks a reading). So both answers are Cifra's own
sentences, formatting ("254.104 millones de US$" / "US$254.1 billion"), readings and citations. Declines (no
data, clarify, refused) have no reading to run again and exist only in the question's language.

The page's labels ("Ver SQL", "Valor exacto", "Fuente") follow the reader's language switch, not the
question's, so every answer is rendered once under each: ``ui.answer_view.show_answer`` runs under
Streamlit's AppTest, all answers on one page per label language.

Cifra gets a chooser with no replies: a question the rules leave to the model is answered as when the model
cannot help (rules only, with a note saying so), a real answer and seconds faster; tests/test_llm.py and the
browser test cover the model itself.
"""

import pytest
from streamlit.testing.v1 import AppTest

from agent.llm import FakeChooser
from agent.models import Answer, Conversation
from agent.pipeline import Cifra
from eval.score import load_cases
from ui.answer_view import DECLINED
from ui.labels import text
from ui.markdown import escape

RENDER_TIMEOUT_S = 300  # some 700 answers on one page, on two cores


def render_answers() -> None:
    """The AppTest script: every answer in session state, each under its own key, failures collected."""
    import streamlit as st

    from ui.answer_view import show_answer

    failures = []
    for index, (_, answer) in enumerate(st.session_state["answers"]):
        try:
            show_answer(answer, st.session_state["labels"], key=str(index))
        except Exception as error:  # one broken answer must not hide the others
            failures.append(f"{st.session_state['answers'][index][0]}: {type(error).__name__}: {error}")
    st.session_state["failures"] = failures


@pytest.fixture(scope="module")
def golden_answers(built) -> list[tuple[str, Answer]]:
    """(``case#turn language``, answer) for every turn of the golden set, in both languages where it has a reading."""
    cifra = Cifra(built[0], chooser=FakeChooser())
    answers = []
    for case in load_cases():
        conversation = Conversation()
        for number, turn in enumerate(case.turns):
            answer = cifra.ask(turn.question, conversation)
            answers.append((f"{case.id}#{number} {answer.language}", answer))
            if answer.status == "ok" and answer.plan is not None:
                other = "en" if answer.language == "es" else "es"
                again = cifra.answer_plan(answer.plan, other, Conversation(), turn.question)
                assert again.status == "ok", f"{case.id}#{number}: the same reading in {other} gave {again.status}"
                answers.append((f"{case.id}#{number} {other}", again))
    return answers


def test_both_languages_are_answered(golden_answers):
    languages = {answer.language for _, answer in golden_answers}
    assert languages == {"es", "en"}
    assert sum(answer.status == "ok" for _, answer in golden_answers) > len(golden_answers) / 2


@pytest.mark.parametrize("labels", ["es", "en"])
def test_every_golden_answer_renders(golden_answers, labels):
    at = AppTest.from_function(render_answers, default_timeout=RENDER_TIMEOUT_S)
    at.session_state["answers"] = golden_answers
    at.session_state["labels"] = labels
    at.run()
    assert not at.exception
    assert at.session_state["failures"] == []

    markdown = {block.value for block in at.markdown}
    boxes = {status: {box.value for box in getattr(at, box_kind)} for status, box_kind in
             (("no_data", "info"), ("clarify", "warning"), ("refused", "error"), ("error", "error"))}  # fmt: skip
    missing = []
    for name, answer in shown(golden_answers):
        if escape(answer.answer) not in (boxes[answer.status] if answer.status in DECLINED else markdown):
            missing.append(f"{name}: answer {answer.answer!r}")
        if has_figure(answer) and f"## {escape(answer.headline)}" not in markdown:
            missing.append(f"{name}: headline {answer.headline!r}")
        if has_exact_value(answer) and escape(answer.headline_exact) not in markdown:
            missing.append(f"{name}: exact value {answer.headline_exact!r}")
    assert missing == []

    # The page speaks the reader's language whatever the question's: one label for each answer with that part.
    with_sql = sum(bool(answer.sql) for _, answer in shown(golden_answers))
    assert [expander.label for expander in at.expander].count(text("show_sql", labels)) == with_sql
    with_exact = sum(has_exact_value(answer) for _, answer in shown(golden_answers))
    assert [popover.proto.popover.label for popover in at.get("popover")] == [text("exact_value", labels)] * with_exact
    sources = [caption.value for caption in at.caption if caption.value.startswith(SOURCE[labels])]
    assert len(sources) == sum(len(answer.citations) for _, answer in shown(golden_answers))


SOURCE = {"es": "**Fuente:**", "en": "**Source:**"}


def shown(answers: list[tuple[str, Answer]]) -> list[tuple[str, Answer]]:
    """The answers as the page shows them: several measures asked at once are each shown as an answer."""
    return [(f"{name} part {number}", part) for name, answer in answers
            for number, part in enumerate(answer.parts or [answer])]


def has_figure(answer: Answer) -> bool:
    return answer.status not in DECLINED and bool(answer.headline)


def has_exact_value(answer: Answer) -> bool:
    """A figure in words ("19,5 millones de personas") carries every digit under "Valor exacto"."""
    return has_figure(answer) and bool(answer.headline_exact) and answer.headline_exact != answer.headline
