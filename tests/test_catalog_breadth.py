"""Catalog breadth and meaning: every WDI indicator, derived measures, withheld values, releases instead
of "not stated", on the real default build ("latest" is in test_understanding.py)."""

import pytest
from sqlalchemy import text

from agent.executor import run_query
from agent.models import Conversation
from agent.pipeline import Cifra
from agent.vetting import vet
from catalog.curation import indicator_cards, wdi_spanish
from catalog.loaders import wdi


@pytest.fixture(scope="module")
def cifra(built) -> Cifra:
    return Cifra(built[0])


def test_default_build_holds_every_wdi_indicator(built, engine, data_dir):
    with engine.connect() as connection:
        codes = set(connection.execute(text("SELECT code FROM indicator WHERE source_id = 'wdi'")).scalars())
        curated = connection.execute(text("SELECT count(*) FROM indicator WHERE curated")).scalar()
    assert set(wdi.available_codes(data_dir)) <= codes
    assert curated >= 136


def test_economies_without_an_iso_code_are_countries(engine):
    with engine.connect() as connection:
        kinds = dict(connection.execute(text("SELECT code, kind FROM area WHERE code IN ('XKX', 'CHI', 'WLD')")).all())
    assert kinds == {"XKX": "country", "CHI": "country", "WLD": "aggregate"}


def test_every_uncurated_wdi_indicator_has_a_spanish_title(data_dir):
    curated = {card.code for card in indicator_cards()}
    uncurated = set(wdi.available_codes(data_dir)) - curated
    assert uncurated == set(wdi_spanish())


@pytest.mark.parametrize(("question", "code", "period", "value"), [
    # December against December: INE's inflation of the year
    ("inflación en Chile en 2019", "CHL.CPI.INFLATION_12M", "2019", 2.99354),
    ("¿cuál fue la inflación a 12 meses en Chile en marzo de 2024?", "CHL.CPI.INFLATION_12M", "2024-03", 3.73737),
    ("Chile's 12-month inflation in August 2023", "CHL.CPI.INFLATION_12M", "2023-08", 5.31207),
    # against the month before, across a new year too; never the 12-month figure
    ("variación mensual del IPC en marzo de 2024", "CHL.CPI.CHANGE_1M", "2024-03", 0.37138),
    ("Chile's month-on-month inflation in January 2024", "CHL.CPI.CHANGE_1M", "2024-01", 0.67300),
    ("ipc mensual de marzo 2024", "CHL.CPI.CHANGE_1M", "2024-03", 0.37138),
    # so far in the year: against December of the year before; a year still under way is its newest month
    ("inflación acumulada a marzo de 2024", "CHL.CPI.INFLATION_YTD", "2024-03", 1.64291),
    ("ipc acumulado 2025", "CHL.CPI.INFLATION_YTD", "2025", 3.44632),
    ("inflación en lo que va de 2026", "CHL.CPI.INFLATION_YTD", "2026-06", 2.82812),
    ("Chile inflation year to date", "CHL.CPI.INFLATION_YTD", "2026-06", 2.82812),
    # "mes a mes" is each month, not the monthly change
    ("IPC de Chile mes a mes en 2023", "CHL.CPI", "2023-01", 98.0),
    # the index level stays available by name
    ("valor del índice IPC de Chile en diciembre de 2022", "CHL.CPI", "2022-12", 97.21),
    # wages' 12-month change, computed from their index like inflation
    ("variación en 12 meses de las remuneraciones nominales en abril de 2025", "CHL.WAGES.GROWTH_12M", "2025-04", None),
    ("how much did real wages grow in the last 12 months?", "CHL.WAGES.REAL_GROWTH_12M", "2026-05", None),
    # no index for Peru: the World Bank's rate
    ("inflación en Perú en 2019", "FP.CPI.TOTL.ZG", "2019", None),
])  # fmt: skip
def test_inflation_is_a_rate_derived_from_the_index(cifra, question, code, period, value):
    answer = cifra.ask(question)
    assert answer.status == "ok", answer.answer
    assert (answer.values[0].indicator, answer.values[0].period) == (code, period)
    if value is not None:
        assert answer.values[0].value == pytest.approx(value, rel=1e-4)


def test_derived_measure_sql_reruns_and_names_its_series(cifra):
    answer = cifra.ask("inflación en Chile en 2019")
    assert "CHL.CPI" in answer.sql and "CHL.CPI.INFLATION_12M" in answer.sql
    assert any("CHL.CPI" in note and "mismo período del año anterior" in note for note in answer.notes)
    assert run_query(cifra.engine, vet(answer.sql, cifra.engine.dialect.name)).rows == answer.rows


def test_a_derived_measure_follows_the_conversation_to_another_country(cifra):
    conversation = Conversation()
    first = cifra.ask("inflacion de chile en 2021", conversation)
    second = cifra.ask("¿y en Perú?", conversation)
    assert first.values[0].indicator == "CHL.CPI.INFLATION_12M"
    assert (second.values[0].indicator, second.values[0].area) == ("FP.CPI.TOTL.ZG", "PER")


def test_a_withheld_value_is_named_in_the_no_data_answer(cifra):
    answer = cifra.ask("PIB regional de la Región de Valparaíso en el tercer trimestre de 2023")
    assert answer.status == "no_data"
    assert "373" in answer.answer and "dejó fuera" in answer.answer


def test_sources_without_a_dated_vintage_give_their_release(built):
    report = built[1]
    assert report.vintages["ine_proyecciones"] == "INE 2019, base Censo 2017"
    served = [source for source, count in report.observations_by_source.items() if count]
    assert all(report.vintages[source] for source in served)


@pytest.mark.parametrize(("question", "expected"), [
    ("inflación en Chile en 2019", "Entendí: Inflación a 12 meses, calculada del IPC · Chile · 2019 · valor (leído por reglas)."),
    ("población de Puente Alto", "Entendí: Población censada (Censo 2024) · Puente Alto · el dato más reciente observado · valor"),
    ("top 5 países de Sudamérica por esperanza de vida 2019", "· América del Sur · 2019 · ranking de mayor a menor"),
    ("compare unemployment in Chile and Peru since 2015", "· Chile, Peru · 2015–… · series (read by rules)."),
])  # fmt: skip
def test_every_answer_says_what_it_understood(cifra, question, expected):
    answer = cifra.ask(question)
    assert expected in answer.understood.text
    assert answer.understood.indicator == answer.values[0].indicator


def test_a_derived_measure_says_which_series_it_comes_from(cifra):
    reading = cifra.ask("inflación en Chile en 2019").understood
    assert (reading.indicator, reading.derived_from, reading.operation) == ("CHL.CPI.INFLATION_12M", "CHL.CPI", "value")


@pytest.mark.parametrize(("question", "code", "period", "value"), [
    ("¿Cuánto marcó el Imacec (serie original, no desestacionalizada) en octubre de 2023?", "CHL.IMACEC", "2023-10", 109.5),
    ("imacec desestacionalizado de marzo 2024", "CHL.IMACEC.SA", "2024-03", 109.4),
    ("Chile's seasonally adjusted real GDP in Q4 2024", "CHL.GDP.VOLUME.SA", "2024-Q4", 53268.0),
    ("precio promedio del cobre en agosto de 2024", "CHL.COPPER.PRICE", "2024-08-01..2024-08-31", 4.06648),  # daily
    ("desempleo promedio en Chile entre febrero de 2021 y abril de 2022", "CHL.UNEMPLOYMENT.RATE", "2021-02..2022-04", 8.62),
    ("PIB regional de la Región del Biobío en el primer trimestre de 2024", "CHL.GDP.REGIONAL", "2024-Q1", 3248.0),
])  # fmt: skip
def test_sub_annual_readings(cifra, question, code, period, value):
    answer = cifra.ask(question)
    assert (answer.values[0].indicator, answer.values[0].period) == (code, period)
    assert answer.values[0].value == pytest.approx(value, rel=1e-4)


@pytest.mark.parametrize(("question", "code", "area", "value"), [
    # 1,896,053 of 18,480,432 people counted in 2024
    ("¿qué porcentaje de la población de Chile vive en la región de Valparaíso?", "CHL.CENSUS2024.POP.SHARE", "CL-05", 10.2598),
    # 114,284.997 kt of CO2e x 1,000 / 17,181,464 people (WDI, 2010)
    ("emisiones de gases de efecto invernadero por habitante en Chile en 2010", "EN.ATM.GHGT.KT.CE.PC", "CHL", 6.6517),
    # US$8,485,378,379.71 received / 10,463,872 people (WDI, 2022)
    ("remesas por persona que recibió Honduras en 2022", "BX.TRF.PWKR.CD.DT.PC", "HND", 810.9215),
    # 10,241 vacant of 18,702 dwellings enumerated in El Quisco
    ("¿qué proporción de las viviendas de El Quisco quedó desocupada en el censo 2024?", "CHL.CENSUS2024.DWELLINGS.VACANT.SHARE",
     "CL-05604", 54.7588),
])  # fmt: skip
def test_per_capita_and_share_of_parent_are_computed_in_the_query(cifra, question, code, area, value):
    answer = cifra.ask(question)
    assert (answer.values[0].indicator, answer.values[0].area) == (code, area)
    assert answer.values[0].value == pytest.approx(value, rel=1e-3)
    assert any("calculada en la consulta" in note for note in answer.notes)


@pytest.mark.parametrize(("question", "shown"), [
    ("charges for the use of intellectual property, payments, Colombia 2024", "US$2.0 billion"),
    ("what was Paraguay's livestock production index in 2022?", "113.45 index (2014-2016 = 100)"),
    ("índice de producción ganadera de Paraguay en 2022", "113,45 índice (2014-2016 = 100)"),
    ("What share of income did Argentina's second quintile hold in 2022?", "10.10%"),
    ("Number of threatened mammal species in Colombia, 2022", ": 63."),  # a count, no decimals
    ("tiempo necesario para iniciar un negocio en Chile 2015", "5,50 días"),  # the unit of the Spanish title
])  # fmt: skip
def test_uncurated_units_read_like_curated_ones(cifra, question, shown):
    answer = cifra.ask(question)  # never "1.1 billion BoP, current US$" or "113.45 2014-2016 = 100"
    assert answer.status == "ok" and shown in answer.answer, answer.answer
