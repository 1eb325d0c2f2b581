"""One card per indicator: what it measures, in which unit, from whom, where and when, and its siblings."""

import streamlit as st

from agent.indicators import IndicatorCatalog, IndicatorInfo
from agent.models import Language
from ui.coverage import Coverage
from ui.labels import text
from ui.markdown import escape

OTHER: dict[Language, Language] = {"es": "en", "en": "es"}


def _definition(info: IndicatorInfo, language: Language) -> str:
    return info.definition_es if language == "es" else info.definition_en


def indicator_card(info: IndicatorInfo, catalog: IndicatorCatalog, coverage: Coverage | None,
                   language: Language) -> None:  # fmt: skip
    source = catalog.sources[info.source_id]
    with st.container(border=True):
        st.markdown(f"#### {escape(info.name(language))}")
        st.caption(f"`{info.code}` · {escape(info.name(OTHER[language]))}")
        st.markdown(escape(_definition(info, language)))
        title = source.title_es if language == "es" else source.title_en
        st.markdown(f"**{text('unit', language)}:** {escape(info.unit(language))}  \n"
                    f"**{text('source', language)}:** {escape(source.publisher)}, {escape(title)}  \n"
                    f"**{text('license', language)}:** {escape(source.license)}")  # fmt: skip
        if coverage:
            st.caption(text("coverage", language, areas=coverage.areas, first=coverage.first, last=coverage.last))
        else:
            st.caption(text("no_coverage", language))
        siblings = catalog.siblings(info.code)
        if siblings:
            st.caption(f"{text('siblings', language)}: "
                       + "; ".join(f"{escape(sibling.name(language))} (`{sibling.code}`)" for sibling in siblings))
