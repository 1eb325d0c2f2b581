"""What every browser session shares: one Cifra (database, gazetteer, index, model) per server process.

Loaded with ``st.cache_resource`` so a new visitor never waits for the database and index again, and
the model, loaded lazily by the agent, is loaded at most once and used by one question at a time.
"""

import threading
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from agent.llm import Chooser, load_chooser
from agent.pipeline import Cifra, LazyChooser
from catalog.index import IndicatorIndex
from catalog.summary import CatalogSummary, read_summary
from cifra.settings import Settings, get_settings
from ui.coverage import Coverage, coverage_by_indicator
from ui.feedback import FILE_NAME


@dataclass(frozen=True)
class Resources:
    settings: Settings
    cifra: Cifra
    summary: CatalogSummary
    coverage: dict[str, Coverage]
    model_loaded: threading.Event

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
    model_loaded = threading.Event()

    def load_model() -> Chooser:
        chooser = load_chooser(settings)
        model_loaded.set()
        return chooser

    cifra = Cifra(settings, chooser=LazyChooser(load_model))  # LlamaCppChooser serialises calls itself
    return Resources(settings=settings, cifra=cifra, summary=read_summary(cifra.engine, settings.resolved_database_url),
                     coverage=coverage_by_indicator(cifra.catalog), model_loaded=model_loaded)  # fmt: skip
