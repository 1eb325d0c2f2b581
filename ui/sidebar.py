"""The sidebar says what the answers rest on: which data (counts, vintages, build date) and which model."""

import streamlit as st

from agent.formatting import number
from agent.models import Language
from ui.labels import text
from ui.markdown import escape
from ui.resources import Resources


def _model_status(resources: Resources, language: Language) -> str:
    settings = resources.settings
    if settings.llm_url:
        return text("model_server", language, url=settings.llm_url)
    return text("model_loaded" if resources.model_loaded.is_set() else "model_lazy", language)


def show_sidebar(resources: Resources, language: Language) -> None:
    summary, sources = resources.summary, resources.cifra.catalog.sources
    counts = {name: number(summary.counts.get(name, 0), 0, language)
              for name in ("observation", "indicator", "area", "source")}  # fmt: skip
    with st.sidebar:
        st.subheader(text("database", language))
        st.caption(text("built_at", language, date=summary.built_at[:10], scope=summary.wdi_scope))
        st.caption(text("counts", language, **counts))
        with st.expander(text("vintages", language)):
            for source_id, vintage in summary.vintages.items():
                name = sources[source_id].publisher if source_id in sources else source_id
                st.caption(f"{escape(name)} (`{source_id}`): {vintage or text('no_vintage', language)}")
        st.subheader(text("model", language))
        st.caption(f"`{escape(resources.settings.model)}`: {_model_status(resources, language)}")
