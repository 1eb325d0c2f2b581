"""Chat page: a question in, the cited figure out, in the context of this session's earlier questions."""

import streamlit as st

from agent.models import Language
from agent.understand import MAX_QUESTION_CHARS
from ui.answer_view import show_answer
from ui.feedback_view import feedback_form
from ui.labels import EXAMPLES, text
from ui.markdown import escape
from ui.resources import Resources, load_resources
from ui.state import EXAMPLE_KEY, ChatTurn, chat_turns, conversation, ui_language


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
    turns = chat_turns()
    with st.spinner(text("thinking", language)):
        answer = resources.cifra.ask(question, conversation())
    turn = ChatTurn(question=question, answer=answer, previous=[earlier.question for earlier in turns])
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
if question:
    with st.chat_message("user"):
        st.markdown(escape(question))
    with st.chat_message("assistant"):
        turn = _ask(question, resources, language)
        _reply(turn, len(chat_turns()) - 1, resources, language)
elif not chat_turns():
    _examples(language)
