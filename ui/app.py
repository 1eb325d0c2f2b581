"""Cifra's web app, ``streamlit run ui/app.py``: a chat (default page) and an analyst page.

This script runs on every interaction of every browser session. The heavy resources (database,
index, model) are loaded once per server process (``ui.resources``); each session keeps only its
own conversation (``ui.state``). Nothing a reader does may end in a stack trace on the page.
"""

import logging

import streamlit as st

from ui.labels import text
from ui.resources import load_resources
from ui.sidebar import show_sidebar
from ui.state import ENGLISH_KEY, ui_language

log = logging.getLogger("cifra.ui")

st.set_page_config(page_title="Cifra", page_icon=":material/query_stats:")
st.set_option("client.showErrorDetails", "none")  # tracebacks go to the server log, never to the page
st.set_option("client.toolbarMode", "viewer")  # readers get no developer menu ("Deploy", "Rerun")
st.sidebar.toggle(text("english", "es"), key=ENGLISH_KEY)
language = ui_language()

try:
    with st.spinner(text("loading", language)):  # shown only when loading is slow: the first time
        resources = load_resources()
except Exception:
    log.exception("could not load Cifra's database, index or model")
    st.error(text("not_ready", language), icon=":material/build:")
    st.stop()

page = st.navigation([
    st.Page("chat_page.py", title=text("chat", language), icon=":material/chat:", default=True),
    st.Page("analyst_page.py", title=text("analyst", language), icon=":material/query_stats:", url_path="analyst"),
])  # fmt: skip
try:
    page.run()
except Exception:
    log.exception("unexpected failure rendering %s", page.title)
    st.error(text("unexpected", language), icon=":material/error:")
show_sidebar(resources, language)  # after the page: the model's status may have changed while answering
