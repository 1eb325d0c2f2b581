"""How one answer looks: the figure first, then the sentence, chart, notes and sources; SQL and data for analysts."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from agent.models import Answer, Citation, Language
from ui.charts import answer_chart
from ui.labels import text
from ui.markdown import escape
from ui.state import pick_reading

# Answers without a figure, each in its own colour so a decline never reads like a result. Material icons
# come with Streamlit's own font; emoji would need one the reader's system may lack.
DECLINED: dict[str, tuple[Callable[..., object], str]] = {
    "no_data": (st.info, ":material/search_off:"),
    "clarify": (st.warning, ":material/help:"),
    "refused": (st.error, ":material/block:"),
    "error": (st.error, ":material/error:"),
}


def source_line(citation: Citation, language: Language) -> str:
    return text("source_line", language, publisher=escape(citation.publisher), dataset=escape(citation.dataset),
                indicator=escape(citation.indicator), license=escape(citation.license),
                vintage=citation.vintage or text("no_vintage", language), url=citation.url)  # fmt: skip


def _headline_label(answer: Answer) -> str:
    first = answer.values[0] if answer.values else None
    name = answer.citations[0].indicator_name if answer.citations else ""
    return escape(f"{name} · {first.area_name}, {first.period}" if first else name)


def _options(answer: Answer, language: Language, key: str) -> None:
    """Other readings, one click each: the chat runs the chosen plan as it is (no model call). Each button is as
    wide as its label and the row wraps, so a long name ("Población estimada y proyectada…") is never cut."""
    if not answer.options or not key.isdigit():
        return
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(text("other_readings", language), width="content")
        for number, option in enumerate(answer.options):
            st.button(escape(option.label), key=f"reading-{key}-{number}", on_click=pick_reading,
                      args=(int(key), number), icon=":material/swap_horiz:", width="content")  # fmt: skip


def _headline(answer: Answer, language: Language) -> None:
    """The figure in full, never cut: a large one in words, with every digit one click away."""
    st.caption(_headline_label(answer))
    figure_column, exact_column = st.columns([4, 1], vertical_alignment="center")
    figure_column.markdown(f"## {escape(answer.headline)}")
    if answer.headline_exact and answer.headline_exact != answer.headline:
        with exact_column.popover(text("exact_value", language)):
            st.markdown(escape(answer.headline_exact))


def _data(answer: Answer, language: Language, key: str) -> None:
    table = pd.DataFrame(answer.rows, columns=answer.columns)
    with st.expander(text("show_data", language, count=len(table))):
        st.dataframe(table, hide_index=True, width="stretch")
    name = answer.plan.indicator_code if answer.plan else "cifra"
    st.download_button(text("download_csv", language), table.to_csv(index=False).encode("utf-8"), mime="text/csv",
                       file_name=f"{name}.csv", key=f"csv-{key}", icon=":material/download:")  # fmt: skip


def show_answer(answer: Answer, language: Language, key: str) -> None:
    """Render ``answer``; ``key`` tells apart the widgets of different answers in one chat. Several measures asked
    at once are shown one after another, each with its figure, sources, SQL and data."""
    if answer.parts:
        _options(answer, language, key)
        for number, part in enumerate(answer.parts):
            show_answer(part, language, f"{key}-{number}")
        return
    if answer.status in DECLINED:
        box, icon = DECLINED[answer.status]
        box(escape(answer.answer), icon=icon)
        _options(answer, language, key)  # a question asked back: what Cifra can answer instead, one click each
    else:
        if answer.understood:
            st.caption(escape(answer.understood.text))
        _options(answer, language, key)
        if answer.headline:
            _headline(answer, language)
        st.markdown(escape(answer.answer))
        chart = answer_chart(answer)
        if chart is not None:
            st.altair_chart(chart, width="stretch")
    for note in answer.notes:
        st.caption(escape(note))
    for citation in answer.citations:
        st.caption(source_line(citation, language))
    if answer.sql:
        with st.expander(text("show_sql", language)):
            st.code(answer.sql, language="sql", wrap_lines=True)
    if answer.rows:
        _data(answer, language, key)
