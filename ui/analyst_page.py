"""Analyst page: browse the catalog with the chat's own retrieval, and run read-only SQL through the chat's checks."""

import pandas as pd
import streamlit as st

from agent.models import Language
from ui.catalog_view import indicator_card
from ui.labels import text
from ui.markdown import escape
from ui.resources import Resources, load_resources
from ui.state import last_sql, ui_language
from ui.workbench import EXAMPLE_SQL, run_sql

SQL_KEY = "workbench_sql"
SEARCH_LIMIT = 8


def _catalog(resources: Resources, language: Language) -> None:
    query = st.text_input(text("catalog_search", language), placeholder=text("catalog_hint", language),
                          key="catalog_query")  # fmt: skip
    if not query.strip():
        return
    catalog = resources.cifra.catalog
    hits = [hit for hit in resources.index.search(query, limit=SEARCH_LIMIT) if hit.code in catalog.indicators]
    if not hits:
        st.info(text("catalog_empty", language))
    for hit in hits:
        indicator_card(catalog.get(hit.code), catalog, resources.coverage.get(hit.code), language)


def _workbench(resources: Resources, language: Language) -> None:
    st.caption(text("workbench_help", language))
    if SQL_KEY not in st.session_state:  # widget state is dropped on leaving the page: reopen on the chat's latest SQL
        st.session_state[SQL_KEY] = last_sql() or EXAMPLE_SQL
    sql = st.text_area(text("workbench_sql", language), key=SQL_KEY, height=220)
    if not st.button(text("run", language), type="primary", key="run_sql", icon=":material/play_arrow:"):
        return
    outcome = run_sql(resources.cifra.engine, sql, language)
    if outcome.result is None:
        st.error(escape(outcome.reason or ""), icon=":material/block:")
        return
    result = outcome.result
    st.caption(text("rows_in", language, count=len(result.rows), ms=result.elapsed_ms))
    st.dataframe(pd.DataFrame(result.rows, columns=result.columns), hide_index=True, width="stretch")
    if result.truncated:
        st.caption(text("truncated", language, count=len(result.rows)))


resources = load_resources()
language = ui_language()
st.title(text("analyst", language))
catalog_tab, workbench_tab = st.tabs([text("catalog_title", language), text("workbench_title", language)])
with catalog_tab:
    _catalog(resources, language)
with workbench_tab:
    _workbench(resources, language)
