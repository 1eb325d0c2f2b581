"""What one browser session remembers: its language, its conversation and the answers shown so far."""

from dataclasses import dataclass, field

import streamlit as st

from agent.models import Answer, Conversation, Language

ENGLISH_KEY = "english"
EXAMPLE_KEY = "example"
CHOICE_KEY = "reading_choice"  # (turn index, option index): another reading picked under an answer


@dataclass
class ChatTurn:
    question: str
    answer: Answer
    previous: list[str] = field(default_factory=list)  # earlier questions, the context a follow-up was read in
    feedback_sent: bool = False
    corrects: int | None = None  # the turn whose reading this one replaced, by a click on one of its options


def pick_reading(turn: int, option: int) -> None:
    st.session_state[CHOICE_KEY] = (turn, option)


def ui_language() -> Language:
    return "en" if st.session_state.get(ENGLISH_KEY) else "es"


def chat_turns() -> list[ChatTurn]:
    return st.session_state.setdefault("chat_turns", [])


def conversation() -> Conversation:
    """The agent's own record of the conversation, which follow-ups ("¿y en 2021?") are resolved against."""
    return st.session_state.setdefault("conversation", Conversation())


def last_plan():
    """The plan of the most recent answer that has one, to edit on the analyst page."""
    return next((turn.answer.plan for turn in reversed(chat_turns()) if turn.answer.plan), None)


def last_sql() -> str | None:
    """The SQL of the most recent answer that ran one, to open in the analyst's workbench."""
    return next((turn.answer.sql for turn in reversed(chat_turns()) if turn.answer.sql), None)
