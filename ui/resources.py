"""What every browser session shares: one Cifra (database, gazetteer, index) per server process.

Loaded with ``st.cache_resource`` so a new visitor never waits for the database and index again. The
model is not loaded here: every session's questions go to the one supervised model server
(agent.model_server), which queues them.
"""

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from agent.pipeline import Cifra
from catalog.index import IndicatorIndex
from catalog.summary import CatalogSummary, read_summary
from cifra.settings import Settings, get_settings
from agent.feedback_log import FILE_NAME
from ui.coverage import Coverage, coverage_by_indicator


@dataclass(frozen=True)
class Resources:
    settings: Settings
    cifra: Cifra
    summary: CatalogSummary
    coverage: dict[str, Coverage]

    @property
    def index(self) -> IndicatorIndex:
        """The chat's own retrieval index, so the catalog browser finds what the chat would."""
        return self.cifra.understand.index

    @property
    def feedback_path(self) -> Path:
        return self.settings.home / FILE_NAME


@st.cache_resource(show_spinner=False)
def load_resources() -> Resources:
    settings = get_settings()
    cifra = Cifra(settings)
    return Resources(settings=settings, cifra=cifra, summary=read_summary(cifra.engine, settings.resolved_database_url),
                     coverage=coverage_by_indicator(cifra.catalog))  # fmt: skip
