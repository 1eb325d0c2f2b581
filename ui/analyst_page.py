"""Analyst page: browse the catalog with the chat's own retrieval, and run read-only SQL through the chat's checks."""

import pandas as pd
import streamlit as st

from agent.models import Language
from ui.catalog_view import indicator_card
from ui.labels import text
from ui.markdown import escape
from ui.resources import Resources, load_resources
from ui.answer_view import show_answer
from ui.state import last_plan, last_sql, ui_language
from ui.workbench import EXAMPLE_SQL, run_plan, run_sql

SQL_KEY = "workbench_sql"
PLAN_KEY = "workbench_plan"
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


def _plan_editor(resources: Resources, language: Language) -> None:
    """The chat's last plan as JSON beside its SQL: edit the plan, not only the SQL, and run it the chat's way."""
    plan = last_plan()
    if plan is None:
        st.info(text("plan_none", language))
        return
    if PLAN_KEY not in st.session_state:
        st.session_state[PLAN_KEY] = plan.model_dump_json(indent=2, exclude_defaults=True)
    plan_column, sql_column = st.columns(2)
    plan_json = plan_column.text_area(text("plan_json", language), key=PLAN_KEY, height=320)
    sql_column.code(last_sql() or "", language="sql", wrap_lines=True)
    if not st.button(text("run_plan", language), type="primary", key="run_plan", icon=":material/play_arrow:"):
        return
    outcome = run_plan(resources.cifra, plan_json, language)
    if outcome.answer is None:
        st.error(escape(outcome.reason or ""), icon=":material/block:")
        return
    show_answer(outcome.answer, language, key="plan")


resources = load_resources()
language = ui_language()
st.title(text("analyst", language))
catalog_tab, plan_tab, workbench_tab = st.tabs([text("catalog_title", language), text("plan_title", language),
                                                text("workbench_title", language)])
with catalog_tab:
    _catalog(resources, language)
with plan_tab:
    _plan_editor(resources, language)
with workbench_tab:
    _workbench(resources, language)
