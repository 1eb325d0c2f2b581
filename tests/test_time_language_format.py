"""Deterministic stages on golden pairs: periods, language, number formatting."""

from datetime import date

import pytest

from agent.answer import message, period_label
from agent.formatting import change_percent, figure, number
from agent.indicators import IndicatorInfo
from agent.language import detect_language
from agent.models import PeriodSpec
from agent.time_expressions import find_period, months_in_words, shifted, years_in_digits
from catalog.text import fold

TODAY = date(2026, 11, 23)
PERIODS = [
    ("PIB per cápita de Chile 2020", {"start": 2020, "end": 2020}),
    ("desempleo desde 2015", {"start": 2015}),
    ("since 2015", {"start": 2015}),
    ("desde el año 2000, ¿en qué año fue más alta?", {"start": 2000}),
    ("Desde que parte la serie en 2010, ¿en qué trimestre fue más alto?", {"start": 2010}),
    ("since records began in 1990, which year was lowest?", {"start": 1990}),
    ("desde el año 2015 hasta el año 2020", {"start": 2015, "end": 2020}),
    ("how many percentage points did that change by 2020?", {"end": 2020}),  # from the last answer's year
    ("entre 2010 y 2020", {"start": 2010, "end": 2020}),
    ("between 2000 and 2010", {"start": 2000, "end": 2010}),
    ("2015-2022", {"start": 2015, "end": 2022}),
    ("la última década", {"last_n_years": 10}),
    ("the last 5 years", {"last_n_years": 5}),
    ("los últimos diez años", {"last_n_years": 10}),
    ("promedio de los 3 últimos años", {"last_n_years": 3}),
    ("entre el lunes 6 y el viernes 10 de marzo de 2023", {"start": 2023, "end": 2023, "month": 3, "month_end": 3,
                                                         "day": 6, "day_end": 10}),  # one month, weekdays named
    ("los últimos seis meses", {"last_n_months": 6}),
    ("a fines de 2023", {"start": 2023, "end": 2023, "month": 12, "year_end": True}),
    ("at the end of 2019", {"start": 2019, "end": 2019, "month": 12, "year_end": True}),
    ("IPC al cierre de 2023", {"start": 2023, "end": 2023, "month": 12, "year_end": True}),
    ("over the past 18 months", {"last_n_months": 18}),
    ("tercer trimestre de 2020", {"start": 2020, "end": 2020, "quarter": 3}),
    ("2020-Q3", {"start": 2020, "end": 2020, "quarter": 3}),
    ("diciembre 2023", {"start": 2023, "end": 2023, "month": 12}),
    ("December 2023", {"start": 2023, "end": 2023, "month": 12}),
    ("2023-12", {"start": 2023, "end": 2023, "month": 12}),
    ("IPC de enero, febrero y marzo de 2025", {"start": 2025, "end": 2025, "month": 1, "month_end": 3}),
    ("CPI for January, February and March 2025", {"start": 2025, "end": 2025, "month": 1, "month_end": 3}),
    ("CPI for January and March 2025", {"start": 2025, "end": 2025, "month": 3}),  # not consecutive: not a range
    ("el año pasado", {"start": 2025, "end": 2025}),
    ("último dato", {"latest": True}),
    ("most recent", {"latest": True}),
    ("what's the earliest year you've got?", {"earliest": True}),  # the series' first value
    ("¿cuál es el dato más antiguo de desempleo?", {"earliest": True}),
    ("¿hasta qué año hacia atrás hay datos?", {"earliest": True}),
    ("the first year with data for Peru", {"earliest": True}),
    ("el primer semestre de 2023", {"start": 2023, "end": 2023, "month": 1, "month_end": 6}),  # a half year
    ("in the second half of 2024", {"start": 2024, "end": 2024, "month": 7, "month_end": 12}),
    ("exports H1 2025", {"start": 2025, "end": 2025, "month": 1, "month_end": 6}),
    ("worst year of the last decade, 2016-2025?", {"start": 2016, "end": 2025}),  # the years say which ones
    ("en los últimos 5 años (2021-2025)", {"start": 2021, "end": 2025}),
    ("cambio entre 2019 y 2023", {"start": 2019, "end": 2023}),
    ("population of Chile", {}),
    ("¿y el mes anterior?", {"shift_months": -1}),
    ("and the following month?", {"shift_months": 1}),
    ("and two years earlier?", {"shift_months": -24}),
    ("¿y el trimestre anterior?", {"shift_months": -3}),
    ("¿y hace un año?", {"shift_months": -12}),
    ("desde el trimestre octubre-diciembre de 2025", {"start": 2025, "month": 12}),  # to the newest value
    ("¿cuánto cambió desde entonces?", {"since_previous": True}),
    ("how much has it grown since then?", {"since_previous": True}),
    ("variación del Imacec respecto al mes anterior", {}),  # compares with a period, names none
    ("¿y en el mismo trimestre de 2021?", {"start": 2021, "end": 2021, "same_part": True}),
    ("entre el T2 2019 y el T2 2024", {"start": 2019, "end": 2024, "quarter": 2, "quarter_end": 2}),
    ("entre el segundo trimestre de 2019 y el de 2024", {"start": 2019, "end": 2024, "quarter": 2, "quarter_end": 2}),
    ("between 2023 Q1 and Q4 2024", {"start": 2023, "end": 2024, "quarter": 1, "quarter_end": 4}),
    ("and in the last quarter of 2025?", {"start": 2025, "end": 2025, "quarter": 4}),  # of a year: its fourth
    ("entre julio 2020 y julio del año pasado", {"start": 2020, "end": date.today().year - 1, "month": 7, "month_end": 7}),
    ("from March 2021 to March this year", {"start": 2021, "end": date.today().year, "month": 3, "month_end": 3}),
    ("imacec del último trimestre de 2024", {"start": 2024, "end": 2024, "quarter": 4}),
    ("el 15 de marzo de 2024", {"start": 2024, "end": 2024, "month": 3, "day": 15}),
    ("on March 15th, 2024", {"start": 2024, "end": 2024, "month": 3, "day": 15}),
    ("2024-03-15", {"start": 2024, "end": 2024, "month": 3, "day": 15}),
    ("15/03/2024", {"start": 2024, "end": 2024, "month": 3, "day": 15}),
    ("31/02/2024", {"start": 2024, "end": 2024}),  # no such day: the year alone
    ("población desde 2015 hasta 2020", {"start": 2015, "end": 2020}),
    ("abr-jun 2025", {"start": 2025, "end": 2025, "month": 4, "month_end": 6}),
    ("dic-feb 2020", {"start": 2019, "end": 2020, "month": 12, "month_end": 2}),
    ("ago-sep-oct 2015", {"start": 2015, "end": 2015, "month": 8, "month_end": 10}),  # never September-October
    ("entre el trimestre movil dic-feb 2020 y el de jun-ago 2020", {"start": 2020, "end": 2020, "month": 2, "month_end": 8}),
    ("entre el trimestre mayo-julio 2020 y mayo-julio 2022", {"start": 2020, "end": 2022, "month": 7, "month_end": 7}),  # the
    # moving quarters, each dated by the month it ends in
    ("nov-dic-ene 2016", {"start": 2015, "end": 2016, "month": 11, "month_end": 1}),
    ("¿y cómo estaba en ese trimestre de 2018?", {"start": 2018, "end": 2018, "same_part": True}),
    ("from 1990 onwards", {"start": 1990}),
    ("Peru, interest rate spread, 2010 through 2019", {"start": 2010, "end": 2019}),
    ("entre el 2do trimestre del 2019 y el 2º trimestre del 2024", {"start": 2019, "end": 2024, "quarter": 2, "quarter_end": 2}),
    ("entre el trimestre abril-junio 2019 y el trimestre abril-junio 2020", {"start": 2019, "end": 2020, "quarter": 2,
                                                                           "quarter_end": 2}),
    ("and the same month a year earlier?", {"shift_months": -12, "same_part": True}),
    ("¿cuánto había sido en igual período de 2022?", {"start": 2022, "end": 2022, "same_part": True}),
    ("¿cuánto varió respecto a mayo del año pasado?", {"start": 2025, "end": 2025, "month": 5}),  # never the whole year
    ("compared with January of last year", {"start": 2025, "end": 2025, "month": 1}),
    ("¿y cuántas personas ocupadas hay ahora?", {"latest": True}),  # "hay ahora": the newest figure
    ("¿y ahora Perú?", {}),  # "ahora" opening a follow-up is no period
    ("¿cuánto ha subido la UTM desde enero de 2026 hasta agosto?", {"start": 2026, "end": 2026, "month": 1, "month_end": 8}),
    ("from November 2024 to February", {"start": 2024, "end": 2025, "month": 11, "month_end": 2}),
    ("¿y en marzo del año anterior?", {"shift_months": -12, "month": 3}),  # that month, a year before the last answer
    ("¿cuánto crece entre ambas fechas?", {}),  # the span of the last two answers, named by them
    ("entre el 3 de enero y el 29 de diciembre de 2023",
     {"start": 2023, "end": 2023, "month": 1, "month_end": 12, "day": 3, "day_end": 29}),  # two days
    ("between January 3 and December 29, 2023",
     {"start": 2023, "end": 2023, "month": 1, "month_end": 12, "day": 3, "day_end": 29}),
    ("y considerando solo dic 2023 a dic 2024", {"start": 2023, "end": 2024, "month": 12, "month_end": 12}),
    ("between its January 2020 and January 2025 values", {"start": 2020, "end": 2025, "month": 1, "month_end": 1}),
    ("el imacec de mayo de este año cuanto vario respecto a mayo del año pasado?",
     {"start": 2025, "end": 2026, "month": 5, "month_end": 5}),
    ("PIB real primer trimestre 2026 frente al mismo trimestre del año anterior",
     {"start": 2025, "end": 2026, "quarter": 1, "quarter_end": 1}),
    ("inflación de Chile en los años 80", {"start": 1980, "end": 1989}),
    ("in the 1990s", {"start": 1990, "end": 1999}),
    ("en la década de los 2000", {"start": 2000, "end": 2009}),
    ("los ochenta", {"start": 1980, "end": 1989}),
    ("en lo que va del siglo", {"start": 2001}),
    ("los 10 países más poblados", {}),  # a top ten, no decade
    ("¿y comparado con el año anterior?", {}),  # never "ese año"
    ("¿cuánto subió el IPC el año antepasado?", {"start": 2024, "end": 2024}),
    ("¿y el día anterior?", {"shift_days": -1}),  # the last answer's day, moved
    ("and the next day?", {"shift_days": 1}),
    ("¿cuánto va a estar el desempleo a fin de año?", {"start": 2026, "end": 2026, "month": 12, "year_end": True}),
    ("¿y tres días antes?", {"shift_days": -3}),
    ("¿cuál fue su mejor año de crecimiento económico del 2000 para acá?", {"start": 2000}),  # since then
    # one quarter against the quarter before: from that quarter, across a year's end too
    ("pib del primer trimestre 2026 respecto al trimestre anterior", {"start": 2025, "end": 2026, "quarter": 4,
                                                                     "quarter_end": 1}),
    ("GDP in the third quarter of 2025, quarter on quarter", {"start": 2025, "end": 2025, "quarter": 2, "quarter_end": 3}),
    # a quarter written number first, and a second quarter it is set against, said apart from it: from the earlier
    ("el PIB del 2T 2020", {"start": 2020, "end": 2020, "quarter": 2}),
    ("En el 2T 2020, el peor trimestre de la pandemia, ¿cuánto cayó el PIB respecto del 2T 2019?",
     {"start": 2019, "end": 2020, "quarter": 2, "quarter_end": 2}),
    ("Chile's nominal GDP in Q4 2025: what was it, and by what percentage was it above Q4 2019?",
     {"start": 2019, "end": 2025, "quarter": 4, "quarter_end": 4}),
    ("PIB en volumen encadenado del 1T 2026 versus el 1T 2025", {"start": 2025, "end": 2026, "quarter": 1,
                                                                 "quarter_end": 1}),
    # a range of months with no year of its own is of the one year said
    ("¿cuánto subió la UF en el 2023? de enero a diciembre", {"start": 2023, "end": 2023, "month": 1, "month_end": 12}),
    ("the unemployment rate in 2020, between march and june", {"start": 2020, "end": 2020, "month": 3, "month_end": 6}),
    # a month said after the year it belongs to
    ("¿y el año pasado, a junio?", {"start": 2025, "end": 2025, "month": 6}),
    ("and last year, in june?", {"start": 2025, "end": 2025, "month": 6}),
    ("the imacec vs the same month last year in may 2026", {"start": 2025, "end": 2026, "month": 5, "month_end": 5}),
    ("Desde que parte la serie del Banco Central (2010), ¿cuál fue el más bajo?", {"start": 2010}),
    ("desde 2010 sin contar la pandemia", {"start": 2010, "end": 2019}),
    # "from" a month with no end said: from that month on
    ("Starting from January 2023, what was the first month it fell under 4%?", {"start": 2023, "month": 1}),
    ("how much did it change from January 2023 to March 2024?", {"start": 2023, "end": 2024, "month": 1, "month_end": 3}),
    # a shift the year after it restates
    ("¿y hace diez años, en el mismo trimestre de 2014?", {"start": 2014, "end": 2014, "same_part": True}),
    ("¿Salió el desempleo del trimestre abril-junio de este 2026?", {"start": 2026, "end": 2026, "month": 4, "month_end": 6}),
    # months said after their year
    ("¿y en el mismo trimestre del 2025, enero marzo?", {"start": 2025, "end": 2025, "month": 1, "month_end": 3,
                                                        "same_part": True}),
    ("desempleo 2025 (ene-mar)", {"start": 2025, "end": 2025, "month": 1, "month_end": 3}),
    ("¿cuál ha sido la tasa más alta desde que parte la serie, el 2010?", {"start": 2010}),
    # "el mes pasado" after a month is the one before it; "el último trimestre" is the newest
    ("¿Cuánto cayó desde febrero de 2020 hasta ese mínimo?", {"start": 2020, "month": 2, "until_previous": True}),
    ("¿y el mes pasado?", {"shift_months": -1}),
    ("¿y el trimestre pasado?", {"shift_months": -3}),
    ("¿cuántos ocupados había en el último trimestre que tengas?", {"latest": True}),
    ("y cual es el ultimo año q hay?", {"latest": True}),
    ("una charla sobre los años 70. ¿cuál era la esperanza de vida en 1970?", {"start": 1970, "end": 1970}),  # the
    # year asked, within the decade the context names
    ("what's the last year with data?", {"latest": True}),
    ("¿cuál ha sido el año con el dólar más caro?", {}),  # "el año con…" asks which year, never "that year"
]


@pytest.mark.parametrize("text, expected", PERIODS)
def test_periods(text, expected):
    assert find_period(fold(text), TODAY).period.model_dump(exclude_defaults=True) == expected


@pytest.mark.parametrize("text, expected", [
    ("pib pc de peru en dos mil diecinueve", "pib pc de peru en 2019"),
    ("valor utm en julio de dos mil veinticinco", "valor utm en julio de 2025"),
    ("population in twenty twenty four", "population in 2024"),
    ("dos mil treinta y cinco", "2035"),
    ("twenty five countries", "twenty five countries"),  # a count, no year
    ("mas de dos mil personas", "mas de dos mil personas"),
])  # fmt: skip
def test_years_said_in_words_are_digits(text, expected):
    assert years_in_digits(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("tasa de desempleo de 03/2024", "tasa de desempleo de marzo 2024"),  # never the year alone
    ("IPC 2024-03", "IPC marzo 2024"),
    ("IPC 2024/11", "IPC noviembre 2024"),
    ("cobre 2024-03-15", "cobre 15 de marzo de 2024"),
    ("desempleo 2010-12", "desempleo 2010-12"),  # maybe 2010 to 2012: left to the period reader
    ("desempleo 2019-2022", "desempleo 2019-2022"),
    # analysts' shorthand: a month or quarter with a two-digit year
    ("UTM aug-26?", "UTM aug 2026?"),
    ("imacec mar'24 yoy", "imacec mar 2024 yoy"),
    ("pib regional 1T-26", "pib regional T1 2026"),
    ("GDP Q1-2026", "GDP T1 2026"),
    ("gdp 4Q25", "gdp T4 2025"),
    ("ratio 3/25", "ratio 3/25"),  # no month named: left alone
    # a year by its last two digits
    ("población de Temuco en el 95", "población de Temuco en el 1995"),
    ("desde el 10 hasta hoy", "desde el 2010 hasta hoy"),
    ("in '95", "in 1995"),
    ("el 95 % de los hogares", "el 95 % de los hogares"),  # a share
    ("el 20 de marzo", "el 20 de marzo"),  # a day
])  # fmt: skip
def test_months_written_in_digits_are_named(text, expected):
    assert months_in_words(text) == expected


@pytest.mark.parametrize("period, months, expected", [
    ({"start": 2025, "end": 2025, "month": 1}, -1, {"start": 2024, "end": 2024, "month": 12}),
    ({"start": 2023, "end": 2023, "quarter": 1}, -3, {"start": 2022, "end": 2022, "quarter": 4}),
    ({"start": 2020, "end": 2020}, -24, {"start": 2018, "end": 2018}),
    ({"start": 2025, "end": 2026, "quarter": 1, "quarter_end": 1}, -3,
     {"start": 2024, "end": 2025, "quarter": 4, "quarter_end": 4}),  # both ends of a change between quarters
    ({"start": 2020, "end": 2020}, -1, None),  # a month before a year names no period
    ({"latest": True}, -12, None),
])  # fmt: skip
def test_a_follow_up_moves_the_previous_period(period, months, expected):
    moved = shifted(PeriodSpec(**period), months)
    assert (moved.model_dump(exclude_defaults=True) if moved else None) == expected


@pytest.mark.parametrize("text, language", [
    ("PIB per cápita de Chile 2020", "es"),
    ("desempleo en chile", "es"),
    ("¿y en 2021?", "es"),
    ("compare unemployment in Chile and Peru since 2015", "en"),
    ("what was the GDP of Brazil in 2019", "en"),
    ("poblacion de peru", "es"),
    ("what share of the Biobío region's population lives in Concepción?", "en"),  # the accents are the places'
    ("Biobío region population in 2024 according to INE", "en"),
    ("older people per 100 children in Ñuble", "en"),  # a name's accent, however few English words
    ("Población de Ñuble", "es"),  # the first word is no name
    ("población de Concepción en 2024", "es"),
    ("poverty gap at national poverty lines, Bolivia 2015", "en"),  # English function words, lower case
    ("pobreza multidimensional comuna la pintana", "es"),
    ("top 3 regiones", "es"),
])
def test_language(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("value, decimals, language, expected", [
    (13117.993, 0, "es", "13.118"),
    (13117.993, 0, "en", "13,118"),
    (9.013, 1, "es", "9,0"),
    (9.013, 1, "en", "9.0"),
    (19458310, 0, "es", "19.458.310"),
    (-2.456, 2, "es", "-2,46"),
    (-0.0178, 1, "es", "-0,02"),  # too small for one decimal: its first significant digit, never "-0,0"
    (0.0, 1, "en", "0.0"),
])
def test_number_formatting(value, decimals, language, expected):
    assert number(value, decimals, language) == expected


@pytest.mark.parametrize("value, language, expected", [
    (2.40634, "es", "+2,4 %"),
    (-0.0312, "es", "-0,03 %"),  # never "-0,0 %"
    (0.0004, "en", "+0.0004%"),
    (0.0, "en", "0.0%"),
])  # fmt: skip
def test_a_change_in_percent_keeps_its_first_significant_digit(value, language, expected):
    assert change_percent(value, language) == expected


@pytest.mark.parametrize("value, kind, unit, symbol, language, expected", [
    (254103710483.0, "currency", "US$ a precios actuales", "US$", "es", "254.104 millones de US$"),
    (254103710483.0, "currency", "current US$", "US$", "en", "US$254.1 billion"),
    (-10424300000.0, "currency", "current US$", "US$", "en", "-US$10.4 billion"),
    (2.7e13, "currency", "US$ a precios actuales", "US$", "es", "27,0 billones de US$"),
    (19458310, "count", "personas", None, "es", "19,5 millones de personas"),
    (19458310, "count", "people", None, "en", "19.5 million people"),
    (604744, "count", "personas", None, "es", "604.744 personas"),  # below a million: every digit
    (13117.993, "currency", "US$ a precios actuales", "US$", "es", "13.118 US$"),
    (2.5e6, "percent", "%", "%", "es", "2.500.000,0 %"),  # a percent is never put in words
    (4.0, "currency", "US$ per pound", "US$/lb", "en", "US$4/lb"),  # the currency first, the quantity after
    (4.0, "currency", "US$ por libra", "US$/lb", "es", "4 US$/lb"),
])  # fmt: skip
def test_large_figures_in_words(value, kind, unit, symbol, language, expected):
    info = IndicatorInfo(code="X", source_id="s", name_es="x", name_en="x", definition_es="", definition_en="",
                         unit_es=unit, unit_en=unit, unit_kind=kind, unit_symbol=symbol, unit_multiplier=0,
                         decimals=0 if kind != "percent" else 1, frequency="A", annual_aggregation="mean", family="x",
                         measure="total", price_basis=None, currency=None, transform="level", sex="total", age=None,
                         official_for=[], curated=True, notes_es=None, notes_en=None)  # fmt: skip
    assert figure(value, info, language) == expected


@pytest.mark.parametrize("period, language, expected", [
    ("2024-03-15", "es", "Precio de Chile el 15 de marzo de 2024: 4."),  # a day takes "el", never "en"
    ("2024-03-15", "en", "Price for Chile on March 15, 2024: 4."),
    ("2024-03", "es", "Precio de Chile en marzo de 2024: 4."),  # a month keeps "en"
    ("2024-03", "en", "Price for Chile in March 2024: 4."),
])  # fmt: skip
def test_a_day_takes_its_own_preposition(period, language, expected):
    name = "Precio" if language == "es" else "Price"
    assert message("value", language, indicator=name, area="Chile", period=period_label(period, language),
                   figure="4") == expected
