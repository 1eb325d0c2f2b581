"""Thumbs up or down, with an optional comment, under each answer; saved with everything needed to replay it."""

from pathlib import Path

import streamlit as st

from agent.models import Language
from agent.feedback_log import MAX_COMMENT_CHARS, FeedbackRecord, append_feedback
from ui.labels import text
from ui.state import ChatTurn

RATINGS = {0: "down", 1: "up"}  # st.feedback("thumbs") returns 0 for 👎 and 1 for 👍


def feedback_form(turn: ChatTurn, path: Path, language: Language, key: str) -> None:
    if turn.feedback_sent:
        st.caption(text("thanks", language))
        return
    with st.form(f"feedback-{key}", border=False):
        st.caption(text("feedback_prompt", language))
        thumbs, note, send = st.columns([2, 7, 3], vertical_alignment="center")
        with thumbs:
            rating = st.feedback("thumbs", key=f"rating-{key}")
        with note:
            comment = st.text_input(text("comment", language), key=f"comment-{key}", label_visibility="collapsed",
                                    placeholder=text("comment", language), max_chars=MAX_COMMENT_CHARS)  # fmt: skip
        with send:
            submitted = st.form_submit_button(text("send", language), width="stretch")
    if not submitted:
        return
    if rating is None:
        st.warning(text("pick_rating", language))
        return
    append_feedback(path, FeedbackRecord.of(turn.question, turn.previous, turn.answer, RATINGS[rating], comment))
    turn.feedback_sent = True
    st.rerun()
