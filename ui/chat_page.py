"""Chat page: a question in, the cited figure out, in the context of this session's earlier questions."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

import streamlit as st

from agent.models import Language
from agent.understand import MAX_QUESTION_CHARS
from agent.feedback_log import FeedbackRecord, append_feedback
from ui.answer_view import show_answer
from ui.feedback_view import feedback_form
from ui.labels import EXAMPLES, text
from ui.markdown import escape
from ui.resources import Resources, load_resources
from ui.state import CHOICE_KEY, EXAMPLE_KEY, ChatTurn, chat_turns, conversation, ui_language


PROGRESS_EVERY_S = 0.25


def _pick_example(question: str) -> None:
    st.session_state[EXAMPLE_KEY] = question


def _examples(language: Language) -> None:
    st.caption(text("examples", language))
    columns = st.columns(2)
    for number, example in enumerate(EXAMPLES):
        columns[number % 2].button(example, key=f"example-{number}", on_click=_pick_example, args=(example,),
                                   width="stretch")  # fmt: skip


def _reply(turn: ChatTurn, index: int, resources: Resources, language: Language) -> None:
    show_answer(turn.answer, language, key=str(index))
    feedback_form(turn, resources.feedback_path, language, key=str(index))


def _ask(question: str, resources: Resources, language: Language) -> ChatTurn:
    """Answer in a worker thread; when the question goes to the model, say so with the seconds elapsed."""
    turns = chat_turns()
    started, model_asked = time.monotonic(), threading.Event()
    with st.spinner(text("thinking", language)), ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(resources.cifra.ask, question, conversation(), model_asked.set)
        progress = st.empty()
        while not wait([future], timeout=PROGRESS_EVERY_S).done:
            if model_asked.is_set():
                progress.caption(text("model_progress", language, seconds=round(time.monotonic() - started)))
        progress.empty()
        answer = future.result()
    turn = ChatTurn(question=question, answer=answer, previous=[earlier.question for earlier in turns])
    turns.append(turn)
    return turn


def _choose(choice: tuple[int, int], resources: Resources, language: Language) -> ChatTurn:
    """Run the reading picked under an answer; it is recorded as a correction of that answer's reading."""
    turns = chat_turns()
    index, number = choice
    corrected, option = turns[index], turns[index].answer.options[number]
    append_feedback(resources.feedback_path, FeedbackRecord.of(corrected.question, corrected.previous, corrected.answer,
                                                               "down", "", correction=option.plan))
    label = text("chosen_reading", language, label=option.label)
    answer = resources.cifra.answer_plan(option.plan, language, conversation(), label)
    turn = ChatTurn(question=label, answer=answer, previous=[earlier.question for earlier in turns], corrects=index)
    turns.append(turn)
    return turn


resources = load_resources()
language = ui_language()
st.title("Cifra")
st.caption(text("tagline", language))

for index, turn in enumerate(chat_turns()):
    with st.chat_message("user"):
        st.markdown(escape(turn.question))
    with st.chat_message("assistant"):
        _reply(turn, index, resources, language)

question = st.chat_input(text("ask", language), max_chars=MAX_QUESTION_CHARS) or st.session_state.pop(EXAMPLE_KEY, None)
choice = st.session_state.pop(CHOICE_KEY, None)
if choice and not question and choice[0] < len(chat_turns()):
    turn = _choose(choice, resources, language)
    with st.chat_message("user"):
        st.markdown(escape(turn.question))
    with st.chat_message("assistant"):
        _reply(turn, len(chat_turns()) - 1, resources, language)
elif question:
    with st.chat_message("user"):
        st.markdown(escape(question))
    with st.chat_message("assistant"):
        turn = _ask(question, resources, language)
        _reply(turn, len(chat_turns()) - 1, resources, language)
elif not chat_turns():
    _examples(language)
