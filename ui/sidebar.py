"""The sidebar says what the answers rest on: which data (counts, vintages, build date) and which model."""

import streamlit as st

from agent.formatting import number
from agent.model_server import read_status, setup_progress
from agent.models import Language
from ui.labels import text
from ui.markdown import escape
from ui.resources import Resources


def _model_status(resources: Resources, language: Language) -> str:
    """Where the model stands: an external server, the local setup's progress, or the local server's state."""
    settings = resources.settings
    if settings.llm_url:
        return text("model_server", language, url=settings.llm_url)
    progress = setup_progress(settings)
    if progress and progress != "ready":
        return text("model_setup", language, progress=progress)
    status = read_status(settings)
    return text(f"model_{status.state}", language, detail=status.detail)


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
        st.caption(f"`{escape(resources.settings.model)}`: {escape(_model_status(resources, language))}")
