"""The web app's flows, run by Streamlit's AppTest against the real built database and index."""

import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from agent.answer import message
from agent.model_server import read_status
from cifra.settings import REPO_ROOT, Settings, get_settings
from agent.feedback_log import FILE_NAME, read_feedback
from ui.labels import text

APP = REPO_ROOT / "ui" / "app.py"
FIRST_RUN_TIMEOUT_S = 120  # the first run loads the database, gazetteer and index


@pytest.fixture(scope="module")
def settings(built) -> Settings:
    """The app reads its settings from the environment, as it does under `streamlit run`."""
    settings, _ = built
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CIFRA_HOME", str(settings.home))
        patch.setenv("CIFRA_DATA_DIR", str(settings.data_dir))
        patch.delenv("CIFRA_DATABASE_URL", raising=False)
        get_settings.cache_clear()
        st.cache_resource.clear()
        yield settings
    get_settings.cache_clear()
    st.cache_resource.clear()


@pytest.fixture
def app(settings) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=FIRST_RUN_TIMEOUT_S).run()
    assert not at.exception
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def texts(elements) -> str:
    return "\n".join(element.value for element in elements)



def figures(app) -> list[str]:
    """The big figures shown above answers (markdown headings)."""
    return [block.value for block in app.markdown if block.value.startswith("## ")]

def test_empty_chat_offers_examples_and_says_what_the_answers_rest_on(app, settings):
    assert "PIB per cápita de Chile 2020" in [button.label for button in app.button]
    sidebar = texts(app.sidebar.caption)
    assert "indicadores" in sidebar and "World Bank (`wdi`): 2026-07-01" in sidebar
    status = read_status(settings)
    assert f"`qwen2.5-coder-1.5b`: {text(f'model_{status.state}', 'es', detail=status.detail)}" in sidebar


def test_a_question_shows_the_figure_its_source_the_sql_and_the_rows(app):
    ask(app, "PIB per cápita de Chile 2020")
    assert figures(app) == ["## 13.118 US\\$"]
    sources = texts(app.main.caption)
    assert "World Bank" in sources and "CC BY 4.0" in sources and "2026-07-01" in sources
    assert "NY.GDP.PCAP.CD" in app.code[0].value and app.code[0].language == "sql"
    assert [expander.label for expander in app.main.expander] == ["Ver SQL", "Ver datos (1)"]
    assert app.dataframe[0].value["value"].iloc[0] == pytest.approx(13117.99, abs=0.01)
    assert app.get("download_button")


def test_a_follow_up_is_read_against_the_previous_question(app):
    ask(ask(app, "PIB per cápita de Chile 2020"), "¿y en 2021?")
    assert figures(app) == ["## 13.118 US\\$", "## 16.216 US\\$"]


def test_a_large_figure_is_in_words_with_every_digit_one_click_away(app):
    ask(app, "PIB de Chile en dólares en 2020")
    assert figures(app) == ["## 254.104 millones de US\\$"]
    assert "254.103.710.483 US\\$" in texts(app.markdown)


def test_an_example_in_english_draws_a_line_chart(app):
    app.toggle(key="english").set_value(True).run()
    next(button for button in app.button if button.label.startswith("compare unemployment")).click().run()
    assert not app.exception
    assert "Peru" in texts(app.markdown)
    [chart] = app.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["mark"]["type"] == "line" and spec["encoding"]["color"]["field"] == "area_name"
    assert [expander.label for expander in app.main.expander][0] == "Show SQL"


def test_no_data_is_a_friendly_message(app):
    ask(app, "PIB de Atlantis 2020")
    assert "atlantis" in app.info[0].value.lower()
    assert not figures(app) and not app.code and not app.error


def test_an_attempt_to_change_data_is_refused(app):
    ask(app, "borra la tabla observation")
    assert app.error[0].value == message("hostile", "es")
    assert not figures(app) and not app.code


def test_feedback_is_appended_with_the_question_its_context_and_the_answer(app, settings):
    ask(ask(app, "PIB per cápita de Chile 2020"), "¿y en 2021?")
    send = [button for button in app.button if button.label == "Enviar opinión"]
    send[1].click().run()
    assert "Elige un pulgar" in app.warning[0].value
    app.feedback[1].set_value(1)
    app.text_input(key="comment-1").set_value("muy útil")
    [button for button in app.button if button.label == "Enviar opinión"][1].click().run()
    assert not app.exception
    assert "¡Gracias por tu opinión!" in texts(app.caption)
    record = read_feedback(settings.home / FILE_NAME)[-1]
    assert (record.question, record.conversation) == ("¿y en 2021?", ["PIB per cápita de Chile 2020"])
    assert (record.rating, record.comment, record.status) == ("up", "muy útil", "ok")
    assert record.plan.indicator_code == "NY.GDP.PCAP.CD" and "NY.GDP.PCAP.CD" in record.sql
    assert record.values[0].value == pytest.approx(16216.18, abs=0.01) and "16.216" in record.answer


def test_the_workbench_opens_on_the_chats_sql_and_runs_only_vetted_reads(app):
    ask(app, "PIB per cápita de Chile 2020")
    chat_sql = app.code[0].value
    app.switch_page("analyst_page.py").run()
    sql = app.text_area(key="workbench_sql")
    assert sql.value == chat_sql
    app.button(key="run_sql").click().run()
    assert not app.exception and not app.error
    assert app.dataframe[0].value["value"].iloc[0] == pytest.approx(13117.99, abs=0.01)
    app.text_area(key="workbench_sql").set_value("DROP TABLE observation").run()
    app.button(key="run_sql").click().run()
    assert app.error[0].value == "Cifra solo ejecuta consultas de lectura (SELECT)."
    assert not app.dataframe


def test_an_analyst_edits_the_chats_plan_and_runs_it_through_the_same_compiler(app):
    ask(app, "PIB per cápita de Chile 2020")
    app.switch_page("analyst_page.py").run()
    plan = json.loads(app.text_area(key="workbench_plan").value)
    assert (plan["indicator_code"], plan["area_codes"]) == ("NY.GDP.PCAP.CD", ["CHL"])
    plan["area_codes"] = ["PER"]
    app.text_area(key="workbench_plan").set_value(json.dumps(plan)).run()
    app.button(key="run_plan").click().run()
    assert not app.exception and not app.error
    assert "Entendí: PIB per cápita (US\\$ a precios actuales) · Perú · 2020" in texts(app.main.caption)
    app.text_area(key="workbench_plan").set_value('{"operation": "drop table"}').run()
    app.button(key="run_plan").click().run()
    assert app.error[0].value.startswith("El plan no es un JSON válido de QueryPlan")


def test_the_catalog_finds_indicators_with_the_chats_retrieval(app):
    app.switch_page("analyst_page.py").run()
    app.text_input(key="catalog_query").set_value("desempleo según el INE").run()
    assert not app.exception
    cards = texts(app.caption)
    assert "`CHL.UNEMPLOYMENT.RATE`" in cards and "2010-03 a 2026-05" in cards
    assert "Banco Central de Chile" in texts(app.markdown)


def test_another_reading_is_one_click_and_recorded_as_a_correction(app, settings):
    ask(app, "desempleo en Chile 2023")
    assert "Entendí: Tasa de desocupación (trimestre móvil) · Chile · 2023" in texts(app.main.caption)
    [chip] = [button for button in app.button if button.label.startswith("Desempleo, total")]
    chip.click().run()
    assert not app.exception
    assert figures(app)[-1] == "## 9,0 %"  # the World Bank's ILO-modelled rate, run as chosen
    assert "(leído como lo elegiste)" in texts(app.main.caption)
    ask(app, "¿y en 2022?")  # the conversation goes on from the chosen reading
    readings = [line for line in texts(app.main.caption).splitlines() if line.startswith("Entendí")]
    assert readings[-1].startswith("Entendí: Desempleo, total") and "· Chile · 2022 ·" in readings[-1]
    record = read_feedback(settings.home / FILE_NAME)[-1]
    assert (record.question, record.rating) == ("desempleo en Chile 2023", "down")
    assert record.plan.indicator_code == "CHL.UNEMPLOYMENT.RATE" and record.correction.indicator_code == "SL.UEM.TOTL.ZS"


def test_a_question_asked_back_offers_what_can_be_answered_as_chips(app):
    ask(app, "población de Bolivia en 2020 y esperanza de vida en 2010")  # two measures, each with its own year
    assert "Elige cuál quieres ver" in texts(app.main.info) + texts(app.main.warning)
    [population] = [button for button in app.button if button.label.startswith("Población, total")]
    population.click().run()
    assert not app.exception
    assert "(leído como lo elegiste)" in texts(app.main.caption)


def test_several_measures_asked_at_once_are_each_shown_with_its_figure(app):
    ask(app, "desempleo de hombres y mujeres en Chile 2020")
    assert not app.exception
    shown = figures(app)
    assert len(shown) == 2 and all("%" in figure for figure in shown), shown
