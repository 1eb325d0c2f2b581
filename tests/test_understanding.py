"""Reading a question: numbers as written, operations Cifra cannot compute, years beyond the data, "latest".

Table-driven, one line per case, on the real database and index; the model is never asked here.
"""

from datetime import date

import pytest

from agent.llm import FakeChooser
from agent.models import Answer, Conversation, PeriodSpec
from agent.pipeline import Cifra
from agent.plan import polarity
from agent.understand import number


@pytest.fixture(scope="module")
def cifra(built) -> Cifra:
    return Cifra(built[0], chooser=FakeChooser())


def last_answer(cifra: Cifra, questions: list[str]) -> Answer:
    """The answer to the last of ``questions``, asked in turn in one conversation."""
    conversation = Conversation()
    for question in questions[:-1]:
        cifra.ask(question, conversation)
    return cifra.ask(questions[-1], conversation)


@pytest.mark.parametrize(("text", "folded", "scale", "value"), [
    ("los 10.000 dólares", "10 000", None, 10_000),
    ("over 10,000 dollars", "10 000", None, 10_000),
    ("más de 2,5 %", "2 5", None, 2.5),
    ("above 2.5 percent", "2 5", None, 2.5),
    ("los 30 millones", "30", "millones", 30_000_000),
    ("700 mil habitantes", "700", "mil", 700_000),
    ("1.500.000 personas", "1 500 000", None, 1_500_000),
    ("8 %", "8", None, 8),
])  # fmt: skip
def test_numbers_are_read_as_written(text, folded, scale, value):
    assert number(text, folded, scale) == value


@pytest.mark.parametrize(("question", "threshold"), [
    ("¿en qué año superó Chile los 10.000 dólares de PIB per cápita?", (">", 10_000)),
    ("¿cuándo pasó Perú los 30 millones de habitantes?", (">", 30_000_000)),
    ("¿En qué año la región de Antofagasta superó los 700 mil habitantes?", (">", 700_000)),
    ("first year Chile's unemployment was below 6.5%", ("<", 6.5)),
    ("¿Y cuándo pasó por primera vez las 30 lucas la UF?", (">", 30_000)),  # Chilean thousands
    ("¿cuántos países de Sudamérica tuvieron crecimiento negativo del PIB en 2019?", ("<", 0)),
    ("¿en qué año la población urbana del Perú superó por primera vez el 80% del total?", (">", 80)),
    ("how many countries of South America had inflation over 4% (2021 data)?", (">", 4)),  # "4% (2021" is two numbers
    ("¿cuántas comunas del Maule tienen pobreza sobre 12,5 % (estimación 2022)?", (">", 12.5)),
    ("how many countries of Central America had at least 95% access to electricity in 2021?", (">=", 95)),
    ("¿cuántas regiones tienen como máximo 5 % de desempleo?", ("<=", 5)),
    ("¿cuántas regiones superan los 2 millones de habitantes en 2030?", (">", 2_000_000)),
    ("how many countries in Europe exceed 80 years of life expectancy?", (">", 80)),
    ("How many Southeast Asian countries had a life expectancy at birth of 75 years or more in 2024?", (">=", 75)),
    ("¿cuántos países de Sudamérica tienen 20 millones de habitantes o más?", (">=", 20_000_000)),
    ("¿desde qué año más de la mitad de los chinos vive en ciudades?", (">", 50)),  # half of them: a share
    ("when did more than half of Brazilians live in cities?", (">", 50)),
    ("¿en cuántos países de Sudamérica el desempleo pasaba del 8% en 2023?", (">", 8)),
    ("how many countries in latin america and the caribbean had double digit inflation in 2022?", (">=", 10)),
    ("¿cuántos países de Sudamérica tuvieron inflación de dos dígitos en 2022?", (">=", 10)),
    ("in which year did Chile spend less than half a percent of GDP on R&D?", ("<", 0.5)),  # half of one percent
    ("¿en qué año bajó por primera vez el desempleo de Colombia del 10%?", ("<", 10)),  # the subject between
    ("en que año Argentina llego por primera vez al 100% de acceso a electricidad?", (">=", 100)),
])  # fmt: skip
def test_thresholds_keep_thousands_decimals_and_scale_words(cifra, question, threshold):
    understanding = cifra.understand(question)
    assert understanding.threshold == threshold and understanding.unsupported is None
    if "half" in question or "mitad" in question:
        assert understanding.cues.measure == "share"


@pytest.mark.parametrize(("question", "operation", "codes", "areas", "group"), [
    ("¿Cuál fue el cociente entre importaciones y exportaciones de Perú en 2019?", "ratio",
     ["TM.VAL.MRCH.CD.WT", "TX.VAL.MRCH.CD.WT"], ["PER"], None),
    ("imports minus exports of Chile in 2019", "difference", ["TM.VAL.MRCH.CD.WT", "TX.VAL.MRCH.CD.WT"], ["CHL"], None),
    ("brecha entre la esperanza de vida de mujeres y hombres en Perú 2021", "difference",
     ["SP.DYN.LE00.FE.IN", "SP.DYN.LE00.MA.IN"], ["PER"], None),
    ("gap between men's and women's life expectancy in Peru", "difference",
     ["SP.DYN.LE00.MA.IN", "SP.DYN.LE00.FE.IN"], ["PER"], None),
    ("How much higher was Chile's GDP per capita than Argentina's in 2022?", "difference", ["NY.GDP.PCAP.CD"],
     ["CHL", "ARG"], None),
    ("How many times bigger is Brazil's population than Argentina's?", "ratio", ["SP.POP.TOTL"], ["BRA", "ARG"], None),
    ("¿cuántos países de Centroamérica tienen desempleo sobre 8 %?", "count", ["SL.UEM.TOTL.ZS"], [], "G-CENTRAL_AMERICA"),
    ("¿qué puesto ocupa Perú en esperanza de vida en Sudamérica?", "position", ["SP.DYN.LE00.IN"], ["PER"], "M49-005"),
    ("¿En qué año fue más baja la inflación en Perú desde el 2000?", "which_period", ["FP.CPI.TOTL.ZG"], ["PER"], None),
    ("¿en qué mes de 2023 fue más alto el desempleo en Chile?", "which_period", ["CHL.UNEMPLOYMENT.RATE"], ["CHL"], None),
    ("¿Por cuántas personas supera La Florida a Las Condes en población censada (Censo 2024)?", "difference",
     ["CHL.CENSUS2024.POP"], ["CL-13110", "CL-13114"], None),
    ("by how many people did Peru's population exceed Chile's in 2020?", "difference", ["SP.POP.TOTL"], ["PER", "CHL"], None),
    ("cual fue el pais sudamericano con menos homicidios por cada 100 mil habitantes el 2021?", "rank",
     ["VC.IHR.PSRC.P5"], [], "M49-005"),
    ("¿cuántos países de Centroamérica crecieron más de 5 % en 2022?", "count", ["NY.GDP.MKTP.KD.ZG"], [], "G-CENTRAL_AMERICA"),
    ("¿En qué difieren la población que contó el Censo 2024 y la que proyectaba el INE para la región de Ñuble?",
     "difference", ["CHL.CENSUS2024.POP", "CHL.POPULATION.PROJ"], ["CL-16"], None),  # one measure, two sources
    ("how much longer did women live than men in Italy in 2019?", "difference", ["SP.DYN.LE00.FE.IN", "SP.DYN.LE00.MA.IN"],
     ["ITA"], None),
    ("¿Cuál es la mortalidad infantil promedio de los países de Sudamérica en 2022? Promedio simple entre países, muertes "
     "de menores de un año por mil nacidos vivos.", "aggregate", ["SP.DYN.IMRT.IN"], [], "M49-005"),  # an age, no ranking
    ("¿cuántas veces más población tiene La Pintana que Vitacura en 2020?", "ratio", ["CHL.POPULATION.PROJ"],
     ["CL-13112", "CL-13132"], None),  # a year named: its projected figures, as for a value
    ("Entre los países de Sudamérica, ¿en qué lugar está Chile si los ordeno de menor a mayor tasa de fecundidad en "
     "2023?", "position", ["SP.DYN.TFRT.IN"], ["CHL"], "M49-005"),  # the group named first
    ("¿Qué lugar ocupa la región de Antofagasta en población entre las 16 regiones, según el censo 2024?", "position",
     ["CHL.CENSUS2024.POP"], ["CL-02"], None),  # a region among regions: of Chile, never of itself
    ("Ranking the comunas of La Araucanía from highest to lowest multidimensional poverty (2022), where does Temuco "
     "land?", "position", ["CHL.POVERTY.MULTIDIMENSIONAL"], ["CL-09101"], "CL-09"),
    ("What share of Chile's 2024 census population lives in Antofagasta commune (the comuna, not the region)?", "share",
     ["CHL.CENSUS2024.POP"], ["CL-02101", "CHL"], None),  # "of Chile's census": the whole, not the census' country
    ("In the 2024 census, how many Chilean regions have more than a million people?", "count", ["CHL.CENSUS2024.POP"],
     [], "CHL"),  # "more than a million" is a threshold, not "how many more… than"
    ("¿cuántas regiones tienen más de un millón de habitantes según el censo 2024?", "count", ["CHL.CENSUS2024.POP"],
     [], "CHL"),
])  # fmt: skip
def test_operations_on_two_operands_a_group_or_the_periods(cifra, question, operation, codes, areas, group):
    answer = cifra.ask(question)
    plan = answer.plan
    assert answer.status == "ok", answer.answer
    assert (plan.operation, plan.indicator_codes, plan.area_codes, plan.group_code) == (operation, codes, areas, group)
    assert answer.understood.operation.startswith(operation) and answer.headline


@pytest.mark.parametrize("question", [
    "brecha entre mujeres y hombres en la esperanza de vida de Chile en 2020",
    "diferencia entre el PIB per cápita de Chile y el de Perú en 2019",
    "¿cuántas veces más población tiene Brasil que Chile en 2020?",
])  # fmt: skip
def test_a_difference_or_ratio_is_computed_from_its_two_operands(cifra, question):
    answer = cifra.ask(question)
    first, second, result = answer.values
    expected = first.value - second.value if answer.plan.operation == "difference" else first.value / second.value
    assert result.indicator == answer.plan.operation and result.value == pytest.approx(expected)
    assert first.period == second.period == result.period


@pytest.mark.parametrize(("question", "operation", "areas", "value"), [
    # a comuna in a region named: its population as a percent of the region's, not its share of its province
    ("¿qué porcentaje de la población de la Región de Antofagasta vive en Calama?", "share", ["CL-02201", "CL-02"], 26.18),
    ("what share of Chile's population lives in Calama?", "share", ["CL-02201", "CHL"], None),
    ("¿qué porcentaje de la población de la provincia de El Loa vive en Calama?", "latest", ["CL-02201"], 94.3),  # its parent
    # a country in a region: from the World Bank's totals, not a share of people aged 65 and over
    ("what share of the world's population lived in India in 2023?", "share", ["IND", "WLD"], None),
    ("¿qué porcentaje de la población de América Latina y el Caribe vivía en México en 2021?", "share", ["MEX", "LCN"], 19.66),
    ("del total de hogares censados el 2024 en la region del maule, que porcentaje corresponde a talca?", "share",
     ["CL-07101", "CL-07"], 20.87),  # a count is no share itself
    # projections asked: the census is no projection; with no year, this year's projection, not 2035's
    ("¿qué porcentaje de la población de la Región de Antofagasta vivía en Calama el 2024, según las proyecciones del "
     "INE?", "share", ["CL-02201", "CL-02"], None),
    ("what share of Chile's population lives in the Valparaíso Region, according to INE projections?", "share",
     ["CL-05", "CHL"], None),
    # a year the census share lacks: the projections' share
    ("que porcentaje de la gente de chile vive en la region metropolitana? en 2025", "share", ["CL-13", "CHL"], 41.92),
    # the world holds every published area, aggregates too; a total in kilotonnes has shares as counts do
    ("¿qué parte de las emisiones de CO2 del mundo era América Latina y el Caribe en 2014?", "share", ["LCN", "WLD"], 5.29),
    ("¿qué parte de las emisiones de CO2 del mundo era Brasil en 2014?", "share", ["BRA", "WLD"], None),
    # where a part of a total lies: of the total, never each place's share of its own land
    ("What share of the world's forest area was in Brazil in 2020?", "share", ["BRA", "WLD"], 12.26),
])  # fmt: skip
def test_a_share_of_a_larger_area_named_is_a_share_of_that_area(cifra, question, operation, areas, value):
    answer = cifra.ask(question)
    assert answer.status == "ok", answer.answer
    assert (answer.plan.operation, answer.plan.area_codes) == (operation, areas)
    if "INE" in question:
        assert answer.plan.indicator_code == "CHL.POPULATION.PROJ"
        assert answer.values[-1].period == ("2024" if "2024" in question else str(date.today().year))
    if operation == "share":
        part, whole, result = answer.values
        assert result.value == pytest.approx(part.value * 100 / whole.value) and result.unit == "%"
    if value is not None:
        assert answer.values[-1].value == pytest.approx(value, abs=0.05)


@pytest.mark.parametrize(("questions", "areas", "group", "value"), [
    # a group with no figures of its own: the sum of its members, in a year all of them report
    (["What share of South America's GDP did Chile have in 2022?"], ["CHL"], "M49-005", 7.79),
    (["¿Qué porcentaje de la población de Sudamérica vivía en Brasil en 2020?"], ["BRA"], "M49-005", 48.99),
    (["What share of South America's GDP did Chile have in 2022?", "and Peru?"], ["PER"], "M49-005", None),
    (["¿qué porcentaje de la población de la región de Valparaíso vive en Viña del Mar?", "¿y en Quilpué?"],
     ["CL-05801", "CL-05"], None, None),  # the same whole, another part
])  # fmt: skip
def test_a_share_of_a_group_is_of_its_members_sum(cifra, questions, areas, group, value):
    answer = last_answer(cifra, questions)
    assert answer.status == "ok", answer.answer
    assert (answer.plan.operation, answer.plan.area_codes, answer.plan.group_code) == ("share", areas, group)
    part, whole, result = answer.values
    assert result.value == pytest.approx(part.value * 100 / whole.value)
    if value is not None:
        assert result.value == pytest.approx(value, abs=0.01)


def test_a_share_of_the_region_after_a_comuna_is_of_its_region(cifra):
    conversation = Conversation()
    cifra.ask("población de Calama censo 2024", conversation)
    answer = cifra.ask("¿y qué porcentaje es de la región?", conversation)  # not of its province, the area above
    assert (answer.plan.operation, answer.plan.area_codes) == ("share", ["CL-02201", "CL-02"]), answer.answer


@pytest.mark.parametrize("questions", [
    ["Población de la Región de Ñuble proyectada por el INE para 2024", "¿y cuál es la comuna más poblada ese año?"],
    ["Población de la Región de Ñuble proyectada por el INE para 2024", "¿qué porcentaje del total nacional representa?",
     "¿y cuál es su comuna más poblada ese año?"],
])  # fmt: skip
def test_a_ranking_after_a_regions_figure_is_of_its_members(cifra, questions):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.plan.group_code, answer.values[0].area) == ("rank", "CL-16", "CL-16101"), \
        answer.answer  # Chillán, never the whole country's top comuna


@pytest.mark.parametrize("questions", [
    ["población de la Región de Ñuble según el INE en 2024", "¿qué porcentaje del país representa?"],
    ["Población total de la Región de Ñuble proyectada por el INE para 2024", "¿qué porcentaje del total nacional representa?"],
])  # fmt: skip
def test_a_share_after_a_projected_figure_is_of_the_projections(cifra, questions):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.plan.indicator_code, answer.plan.area_codes) == (
        "share", "CHL.POPULATION.PROJ", ["CL-16", "CHL"]), answer.answer  # never the census share beside it


@pytest.mark.parametrize(("questions", "operation", "areas", "second"), [
    (["esperanza de vida en Chile 2020", "¿y la de las mujeres?", "¿y en los hombres?", "¿y la diferencia?"],
     "difference", ["CHL"], "SP.DYN.LE00.MA.IN"),  # women's, then men's
    (["tasa de pobreza por ingresos de La Pintana 2022", "¿y la de Vitacura?", "and the gap?"], "difference",
     ["CL-13112", "CL-13132"], None),  # two places of one measure
    (["PIB de Chile 2020", "¿y la población?", "¿y la diferencia?"], None, None, None),  # different units: asked back
    (["¿Quién tenía más desempleo en 2019, Colombia o Ecuador?", "and the gap between them?"], "difference",
     ["COL", "ECU"], None),  # two places of one answer
    (["compara la esperanza de vida al nacer entre chile y argentina en 2023", "y cuanta es la diferencia entre los dos?"],
     "difference", ["CHL", "ARG"], None),  # two places compared in one year
    (["esperanza de vida en Perú 2021", "¿y en 2011?", "¿y la diferencia?"], "change", ["PER"], None),  # two years
    (["desempleo de mujeres y de hombres en Perú 2019", "¿cuál de los dos es más alto y por cuántos puntos?"],
     "difference", ["PER"], "SL.UEM.TOTL.MA.ZS"),  # the two measures of one answer
    (["población censada de Chile en el Censo 2024", "¿y la proyectada por el INE para ese año?",
      "¿cuánta diferencia hay entre ambas?"], "difference", ["CHL"], "CHL.POPULATION.PROJ"),  # one year, projected or not
    # the place named is the one asked about, the other answer what it is compared with
    (["¿Cuánto fue el PIB de la Región de Antofagasta en el primer trimestre de 2025?", "¿y el de la Región Metropolitana?",
      "¿cuántas veces mayor es el de la RM?"], "ratio", ["CL-13", "CL-02"], None),
    (["población de Vitacura 2020", "¿y la de La Pintana?", "¿cuántas veces más grande es la de Vitacura?"], "ratio",
     ["CL-13132", "CL-13112"], None),
    (["How rich was the average Peruvian in 2021? GDP per person in current US dollars", "and Chile?",
      "how many times more is that?"], "ratio", ["CHL", "PER"], None),  # "that" is the last answer
    (["¿cuántos habitantes tiene Chile según el Banco Mundial? último dato",  # the latest is the year it named
      "¿y cuánto dice la proyección del INE para ese mismo año?", "¿cuál es la diferencia entre las dos cifras?"],
     "difference", ["CHL"], "CHL.POPULATION.PROJ"),
    (["How many times bigger was Brazil's economy than Chile's in 2022, in current US dollars?",
      "and compared with Argentina?"], "ratio", ["BRA", "ARG"], None),  # the first term kept, the second replaced
    (["En Viña del Mar, ¿cuántas personas de 65 años o más contó el Censo 2024?", "¿y niños de 0 a 14?",
      "o sea hay más viejos que niños... ¿cuántas veces más?"], "ratio", ["CL-05109"], "CHL.CENSUS2024.POP_0_14"),
    (["PIB per cápita de Chile 2020", "¿y el de Perú ese mismo año?", "¿cuántas veces más que Perú es el chileno?"],
     "ratio", ["CHL", "PER"], None),  # "el chileno" is the measure's adjective, not Chileans counted
    (["What's Brazil's Gini index, most recent year?", "and Chile's?", "how many points higher is Brazil's?"],
     "difference", ["BRA", "CHL"], None),
    (["life expectancy in Chile and Japan 2022", "how many more years does a Japanese live?"],
     "difference", ["JPN", "CHL"], None),  # "live" restates life expectancy
    (["PIB a precios corrientes de Chile en el primer trimestre de 2026", "¿y en el mismo trimestre del año anterior?",
      "¿cuánto creció en términos nominales?"], "change", ["CHL"], None),  # no growth rate published: between the two
    # the place after "how many times … does", or named again in other words, is the one divided
    (["CO2 emissions per capita of the United States and the world in 2014",
      "and per head, how many times the world average does the average American emit?"], "ratio", ["USA", "WLD"], None),
    (["Cuanto CO2 emitia America Latina y el Caribe en total en 2014 comparado con Estados Unidos? cuantas veces mas "
      "emitia EEUU"], "ratio", ["USA", "LCN"], None),
    (["diferencia de desempleo entre mujeres y hombres en chile 2024, en puntos", "y en argentina es parecida?"],
     "difference", ["ARG"], "SL.UEM.TOTL.MA.ZS"),  # "parecida" asks for the same gap there
    (["what was Chile's average real GDP growth per year from 2015 to 2024?", "Peru same period?"],
     "aggregate", ["PER"], None),  # the same average, never the series
    (["Chile GDP per capita 2023", "Argentina, same year? and what's the ratio of Chile's figure to Argentina's?"],
     "ratio", ["CHL", "ARG"], None),  # "ratio of A to B": A over B, whichever was named first
    (["Which Central American country had the lowest male life expectancy in 2024?",
      "how far is that below the World Bank figure for Latin America & Caribbean men?"], "difference", ["SLV", "LCN"],
     None),  # "that": the one member the ranking showed
    (["Which Central American country had the lowest male life expectancy in 2024?",
      "how much lower is that than Latin America & Caribbean?"], "difference", ["SLV", "LCN"], None),
])  # fmt: skip
def test_an_operation_on_the_last_two_answers(cifra, questions, operation, areas, second):
    answer = last_answer(cifra, questions)
    if operation is None:
        assert answer.status == "clarify" and answer.values == []
    else:
        assert (answer.status, answer.plan.operation, answer.plan.area_codes, answer.plan.second_indicator_code) == (
            "ok", operation, areas, second), answer.answer


def test_the_same_for_another_place_after_a_question_not_answered_is_asked_back(cifra):
    conversation = Conversation()
    for question in ["en illapel, el censo del 2024 cuantos hogares registró?",
                     "ok, ¿y el número de viviendas con piso de tierra?"]:
        cifra.ask(question, conversation)
    answer = cifra.ask("y lo mismo pa salamanca", conversation)  # never the households of two turns before
    assert (answer.status, answer.values) == ("clarify", []), answer.answer


@pytest.mark.parametrize(("questions", "code"), [
    (["¿Cuánta pobreza multidimensional tenía Contulmo en la estimación comunal 2022?",
      "ahora la de ingresos, pero solo de Cañete"], "CHL.POVERTY.INCOME"),  # poverty by income, not income
    (["exportaciones de bienes y servicios (% del PIB) de Chile 2019", "¿y las de importaciones?"], "NE.IMP.GNFS.ZS"),
    (["desempleo de los hombres en Argentina 2018", "¿y ellas?"], "SL.UEM.TOTL.FE.ZS"),  # the women's
    (["población de la región de Coquimbo en el censo 2024", "¿y eso en porcentaje del total del país?"],
     "CHL.CENSUS2024.POP.SHARE"),  # its share of the country, not the count again
    (["¿Qué porcentaje de los peruanos vivía en el campo en 2020?", "¿y cuántas personas son eso en total?"],
     "SP.RUR.TOTL"),  # the people that share is, not the whole population
    (["¿Cuántos años vive en promedio un hombre en Chile? dato 2023", "¿y una mujer?"], "SP.DYN.LE00.FE.IN"),
    (["crecimiento del PIB de Chile 2019", "¿y el de las exportaciones?"], None),  # no growth of exports: asked back
    (["Per the World Bank, what share of Chileans were below the national poverty line in 2020?",
      "what about the urban part?"], None),  # urban poverty has no 2020 value: never the urban population
    (["Per the World Bank, what share of Chileans were below the national poverty line in 2020?",
      "what about the urban part?", "¿y en 2013?"], "SI.POV.URHC"),  # of the measure read without data, not an older one
    (["¿Cuántos niños de 0 a 14 años hay en Puente Alto según el censo 2024?",
      "¿qué porcentaje de la comuna son esos adultos mayores?"], "CHL.CENSUS2024.POP_65_PLUS.SHARE"),
    (["tasa de desempleo de las mujeres en Chile el 2023, la estimación modelada OIT", "¿y la de los hombres?",
      "¿y la de las jóvenes de 15 a 24?"], "SL.UEM.1524.FE.ZS"),  # "las jóvenes": young women, not young men again
    (["población de Puente Alto", "¿cuántos adultos mayores hay por cada 100 niños en esa comuna?"],
     "CHL.CENSUS2024.AGEING_INDEX"),  # a rate of two groups is another measure, of the place pointed at
    (["¿Qué porcentaje de los vecinos de La Pintana era pobre por ingresos en 2022?", "¿y eso cuántas personas son?"],
     None),  # no count of the poor is published: never the comuna's population
    (["mortalidad de menores de 5 años en Bolivia 2022", "¿y la infantil (menores de un año)?"], "SP.DYN.IMRT.IN"),
    (["mortalidad de menores de 5 años en Bolivia 2022", "¿y la neonatal?"], "SH.DYN.NMRT"),  # an age of the family
])  # fmt: skip
def test_a_follow_up_naming_what_qualifies_the_last_measure(cifra, questions, code):
    answer = last_answer(cifra, questions)
    if code is None:
        assert answer.status != "ok" and answer.values == [], answer.answer
    else:
        assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


@pytest.mark.parametrize("follow_up", ["¿cuál es mayor?", "which is higher?"])
def test_which_is_higher_after_two_places_shows_both(cifra, follow_up):
    conversation = Conversation()
    for question in ("tasa de pobreza por ingresos de La Pintana 2022", "¿y la de Vitacura?"):
        cifra.ask(question, conversation)
    answer = cifra.ask(follow_up, conversation)
    assert sorted(value.area for value in answer.values) == ["CL-13112", "CL-13132"], answer.answer
    assert "El valor más alto es el de La Pintana" in answer.answer or "La Pintana has the higher value" in answer.answer


@pytest.mark.parametrize(("questions", "larger"), [
    (["Female unemployment rate in Spain in 2024?", "and men?", "which one was higher?"],
     "Unemployment, female (% of female labor force) (modeled ILO estimate) exceeds"),
    (["esperanza de vida de los hombres en Chile 2020", "¿y la de las mujeres?", "¿cuál es menor?"],
     "Esperanza de vida al nacer, mujeres (años) supera a"),  # the last one higher: said all the same
])  # fmt: skip
def test_which_is_higher_after_two_measures_of_one_place_shows_both(cifra, questions, larger):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.plan.verdict) == ("difference", True), answer.answer
    assert larger in answer.answer


@pytest.mark.parametrize(("question", "member_kind", "order"), [
    ("¿cuál es la comuna más pobre de Chile?", "cl_comuna", "desc"),
    ("¿cuál es la región menos poblada de Chile?", "cl_region", "asc"),
    ("¿en qué región de Chile hay más hogares?", "cl_region", "desc"),
    ("what is the most populous country in South America?", "country", "desc"),
    ("which Central American country was the least urbanised, by share of people in cities, in 2015?", "country", "asc"),
    ("¿qué región de Chile fue la más poblada según el censo 2024?", "cl_region", "desc"),
    ("¿cuál fue la comuna con la tasa de pobreza multidimensional más baja de todo el país en 2022?", "cl_comuna", "asc"),
    # better or worse, richer or poorer: which end depends on the measure (agent/polarity.yaml)
    ("Which country was the richest in South America in 2022 by GDP per capita (current US$)?", "country", "desc"),
    ("¿qué país de Centroamérica tuvo la peor esperanza de vida en 2021?", "country", "asc"),
    ("¿cuál fue la comuna más pobre del Biobío en 2022 según la pobreza por ingresos?", "cl_comuna", "desc"),
    ("¿Qué país de Sudamérica usa más energía renovable, medida como % de su consumo final total de energía, en 2021?",
     "country", "desc"),  # a verb of its own
    ("¿En qué país de Sudamérica mueren menos bebés en su primer mes de vida? Tasa de mortalidad neonatal, 2022.",
     "country", "asc"),  # "mueren menos bebés" subtracts nothing
    ("where do most people live in Chile?", "cl_region", "desc"),  # where: the place's own members
    ("¿dónde vive la mayor parte de los chilenos?", "cl_region", "desc"),
    ("¿en qué región vive la mayoría de la gente?", "cl_region", "desc"),
    ("where in South America is life expectancy highest?", "country", "desc"),
    ("¿Qué país de Sudamérica (según la clasificación de la ONU) tuvo la esperanza de vida más baja en 2022?", "country",
     "asc"),  # a parenthesis between the member and its verb
    ("which country was top in fertility rate in 2024?", "country", "desc"),
])  # fmt: skip
def test_the_member_with_most_of_what_an_adjective_names(cifra, question, member_kind, order):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.member_kind, answer.plan.order, answer.plan.top_n) == (
        "rank", member_kind, order, 1), answer.answer


@pytest.mark.parametrize(("question", "group", "excluded", "top_n"), [
    ("¿cuál es la comuna más poblada de Valparaíso?", "CL-05", [], 1),  # the region holding comunas, not the comuna
    ("¿dónde hay más pobreza en la región del Biobío?", "CL-08", [], 1),
    ("which region of Chile has the second largest population?", "CHL", [], 2),  # the top two, the second asked
    ("¿cuál es el tercer país más poblado de Sudamérica?", "M49-005", [], 3),
    ("después de la RM, ¿qué región tiene más habitantes?", "CHL", ["CL-13"], 1),  # the first one left out
    ("after Brazil, which South American country has the largest GDP?", "M49-005", ["BRA"], 1),
    ("Which country in the UN's Middle Africa subregion had the highest GDP per capita in 2023?", "M49-017", [], 1),
    ("Which South American country grew the fastest in 2023?", "M49-005", [], 1),  # the economy's growth
    ("Según el Censo 2024, ¿cuál es la tercera comuna más poblada de Chile?", "CHL", [], 3),  # of its comunas
    ("Apart from the Santiago metropolitan region, which region had the largest GDP in Q4 2025?", "CHL", ["CL-13"], 1),
    ("Leaving Santiago Metropolitan Region aside, which region had the biggest GDP in Q3 2024?", "CHL", ["CL-13"], 1),
    ("de los países de Sudamérica menos el Perú, ¿qué país tiene mayor esperanza de vida?", "M49-005", ["PER"], 1),
    ("which comuna in Tarapacá has the biggest households?", "CL-01", [], 1),
    ("Top 3 Central American countries (UN subregion) by GDP per capita in 2023?", "M49-013", [], 3),  # with Mexico
    ("top 3 de Centroamérica según la ONU en PIB per cápita 2023", "M49-013", [], 3),
    ("top 3 de Centroamérica en PIB per cápita 2023", "G-CENTRAL_AMERICA", [], 3),  # the isthmus, as said in Spanish
    ("Top 3 Central American countries (UN grouping) by GDP per capita in 2023?", "M49-013", [], 3),
    ("top 3 de los países centroamericanos (definición ONU) en PIB per cápita 2023", "M49-013", [], 3),
    ("top 3 de los países centroamericanos en PIB per cápita 2023", "G-CENTRAL_AMERICA", [], 3),
    ("Wich South American countries had the highest exports of goods and services as a share of GDP in 2024? top "
     "three pls", "M49-005", [], 3),  # "top three" said after the question, in words
])  # fmt: skip
def test_the_members_ranked_are_those_of_the_area_named(cifra, question, group, excluded, top_n):
    plan = cifra.ask(question).plan
    assert (plan.operation, plan.group_code or plan.area_codes[0], plan.excluded_codes, plan.top_n) == (
        "rank", group, excluded, top_n)
    assert "comuna" not in question or plan.member_kind == "cl_comuna"  # "la tercera comuna": comunas, never regions


@pytest.mark.parametrize(("question", "order", "excluded"), [
    ("las 5 regiones con menos habitantes segun el censo 2024", "asc", []),  # "menos" names the end ranked
    ("países de Sudamérica menos Brasil: ¿cuál tiene más población?", "desc", ["BRA"]),  # it leaves a member out
])  # fmt: skip
def test_menos_names_an_end_or_leaves_a_member_out(cifra, question, order, excluded):
    plan = cifra.ask(question).plan
    assert (plan.operation, plan.order, plan.excluded_codes) == ("rank", order, excluded)


@pytest.mark.parametrize(("question", "order"), [
    ("Chile's position in South America for infant mortality, 2022 (1 = lowest)?", "asc"),
    ("segun la proyeccion del ine, en que puesto va a estar Colina dentro de la RM por poblacion el 2035? "
     "(1 = la mas poblada)", "desc"),
])  # fmt: skip
def test_how_a_position_is_counted_is_its_order_never_a_month(cifra, question, order):
    plan = cifra.ask(question).plan
    assert (plan.operation, plan.order, plan.period.month) == ("position", order, None)


@pytest.mark.parametrize("question", ["where is unemployment highest, Chile or Peru?",
                                      "¿cuál tiene la mayor esperanza de vida, Chile o Uruguay?"])
def test_which_of_two_places_named_is_highest_shows_both_latest(cifra, question):
    answer = cifra.ask(question)
    assert (answer.plan.operation, len(answer.values)) == ("latest", 2), answer.answer
    higher = max(answer.values, key=lambda value: value.value).area_name
    assert f"El valor más alto es el de {higher}." in answer.answer or f"{higher} has the higher value." in answer.answer


@pytest.mark.parametrize(("question", "verdict"), [
    ("¿cuál tuvo el desempleo más alto en 2023, Chile o Perú?", True),
    ("which had higher life expectancy in 2020, Chile or Argentina?", True),
    ("desempleo de Chile y Perú en 2023", False),  # two figures asked, no verdict
])  # fmt: skip
def test_which_of_two_is_higher_is_said_in_words(cifra, question, verdict):
    answer = cifra.ask(question)
    assert answer.plan.verdict is verdict, answer.answer
    assert ("más alto es el de" in answer.answer or "has the higher value" in answer.answer) is verdict, answer.answer


def test_which_of_two_is_lower_is_said_in_words(cifra):
    answer = cifra.ask("Which country has lower inflation, Chile or Peru, in 2023?")
    assert (answer.plan.order, answer.plan.verdict) == ("asc", True), answer.answer
    assert "Peru has the lower value." in answer.answer


@pytest.mark.parametrize(("question", "first", "second"), [
    ("¿estaba más caro el dólar el 2023 o el 2024? hablo del promedio del año", "2024: 943,57", "840,07"),
    ("which year had lower unemployment in Chile, 2019 or 2020? (World Bank)", "lower in 2019: 7.5%", "10.9% in 2020"),
])  # fmt: skip
def test_which_of_two_years_shows_both_figures(cifra, question, first, second):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.top_n) == ("which_period", 2), answer.answer
    assert first in answer.answer and second in answer.answer, answer.answer


def test_a_ranking_without_a_year_is_never_of_a_future_projection(cifra):
    answer = cifra.ask("las 3 regiones con más habitantes")
    assert answer.status == "ok" and int(answer.values[0].period[:4]) <= date.today().year, answer.answer


def test_a_count_of_zero_is_an_answer_and_names_the_members_counted(cifra):
    answer = cifra.ask("¿cuántos países de Sudamérica tuvieron inflación sobre 1000 % en 2015?")
    assert answer.status == "ok" and answer.headline == "0" and "Ninguno de" in answer.answer
    assert [value.indicator for value in answer.values] == ["count"]


def test_a_count_over_two_groups_counts_the_members_of_both(cifra):
    answer = cifra.ask("cuantos paises de sudamerica y centroamerica tienen fecundidad bajo 2,1 hijos por mujer? 2024")
    counted = [value.value for value in answer.values if value.indicator == "count"]
    assert (answer.plan.operation, counted) == ("count", [11]), answer.answer  # 8 + 3
    assert "América del Sur y Centroamérica" in answer.answer


def test_a_growth_rate_each_year_over_the_last_years_is_never_its_change(cifra):
    answer = cifra.ask("How fast has the world economy grown in the last five years? Real GDP growth each year please")
    assert answer.plan is None or answer.plan.operation != "change", answer.answer


def test_years_ago_in_a_first_question_are_counted_from_today(cifra):
    answer = cifra.ask("cual fue el precio promedio del cobre hace tres años?")
    assert (answer.plan.period.start, answer.plan.period.end) == (date.today().year - 3,) * 2, answer.answer


def test_years_ago_after_a_span_of_years_is_asked_back(cifra):
    answer = last_answer(cifra, ["gasto militar como % del pib colombia vs chile 2024", "y el promedio de colombia entre "
                                 "2015 y 2024?", "y hace cinco años cuanto gastaban los dos?"])
    assert answer.status == "clarify", answer.answer  # five years before now, or before those years?


@pytest.mark.parametrize(("questions", "group", "count"), [
    (["¿Cuántas comunas tenían una tasa de pobreza por ingresos mayor al 20% en 2022?",
      "¿Y cuántas de esas son de La Araucanía?"], "CL-09", 2),
    (["how many comunas had more than 200,000 people in the 2024 census?", "how many of those are in the RM?"],
     "CL-13", 10),
    (["how many countries in the world have access to electricity under 40% in 2022?", "and in Sub-Saharan Africa?"],
     "M49-202", 13),  # the UN's subregion, whose members are listed, never the world's under the aggregate's name
])  # fmt: skip
def test_a_count_narrowed_to_a_region_counts_only_its_members(cifra, questions, group, count):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.plan.operation, answer.plan.group_code) == ("ok", "count", group), answer.answer
    assert next(value.value for value in answer.values if value.indicator == "count") == count


@pytest.mark.parametrize(("question", "operation", "order", "threshold"), [
    ("De los países de Sudamérica (región ONU) con dato, ¿cuántos tuvieron superávit de cuenta corriente en 2024?",
     "count", None, (">", 0.0)),  # a surplus is a balance above zero, counted among the members said before "cuántos"
    ("Of the countries of South America, how many had a current account deficit in 2024?", "count", None, ("<", 0.0)),
    ("países de Sudamérica con mayor déficit de cuenta corriente en 2024", "rank", "asc", None),
    ("Brazil's current account: between 2010 and 2024, which year had the largest deficit?", "which_period", "asc", None),
])  # fmt: skip
def test_a_deficit_or_a_surplus_is_a_balance_below_or_above_zero(cifra, question, operation, order, threshold):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation, answer.plan.threshold) == ("ok", operation, threshold), answer.answer
    assert order is None or answer.plan.order == order


def test_the_smallest_deficit_is_not_the_largest_surplus(cifra):
    answer = cifra.ask("¿qué país de Sudamérica tuvo el menor déficit en cuenta corriente en 2023?")
    assert answer.status != "ok", answer.answer


@pytest.mark.parametrize(("questions", "threshold"), [
    (["¿En qué mes la UF superó por primera vez los 30 mil pesos? (valor mensual)", "¿y los 40 mil?"], (">", 40000.0)),
    (["¿cuántos países de Sudamérica tuvieron inflación sobre 10% en 2022?", "¿y 5%?"], (">", 5.0)),
    (["en que mes la uf paso los 40 mil", "y los 30 mil cuando fue?"], (">", 30000.0)),  # the question said again
    (["En qué año la participación de las renovables en el consumo final de energía de Vietnam bajó por primera vez "
      "del 50%?", "y Indonesia, del 40%?"], ("<", 40.0)),  # another place, with its own line
])  # fmt: skip
def test_a_number_alone_after_a_condition_is_its_new_value(cifra, questions, threshold):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.plan.threshold) == ("ok", threshold), answer.answer


def test_a_count_over_a_group_of_aggregates(cifra):
    answer = cifra.ask("How many of the seven World Bank regions had an under-5 mortality rate below 20 per 1,000 "
                       "live births in 2024?")
    assert (answer.status, answer.plan.operation, answer.plan.group_code) == ("ok", "count", "G-WB_REGIONS")
    assert answer.plan.member_kind == "aggregate" and "aggregates" in answer.answer


@pytest.mark.parametrize(("question", "words"), [
    ("¿Cuál es la brecha de esperanza de vida en Perú en 2020?", "brecha de"),
    ("¿cuántos países hay en Centroamérica con datos de desempleo?", "cuántos países"),
    ("¿cuántos años de datos hay del PIB de Chile?", "cuántos años"),
    ("What was life expectancy at age 60 in Chile in 2023?", "at age 60"),  # not at birth
    ("¿Cuántas personas de 80 años o más viven en Providencia según el Censo 2024?", "80 años o más"),  # no threshold
    ("Desempleo en Chile en 2022: ¿cuánto da el Banco Mundial y cuánto el INE?", "INE / Banco Mundial"),  # never one
    ("¿Qué región creció más en población entre 2002 y 2020?", "crecio mas"),  # a ranking of changes, not a series
    ("¿desde cuándo Chile tiene la mayor esperanza de vida de Sudamérica?", "desde cuándo"),  # since a run began
    ("since when has Chile's unemployment been above 8%?", "since when"),  # never the first time it was
    ("What share of the Latin America & Caribbean population (World Bank aggregate) lived in Brazil in 2022?",
     "lived in"),
    ("rank Chile and its three neighbours by life expectancy in 2023, highest first", "neighbours"),  # never Chile's
    ("inflación promedio en Chile en los 2000 vs los 2010, cual fue mas alta?", "2010"),  # two averages, never a peak
    ("the INE projection for Biobío in 2024 was higher, wasn't it? by how much?", "by how much"),  # never the figure
    ("since which year has India had more people than China?", "since which year"),  # a run that began
    ("fertility rate of korea, japan and italy: which of those three dropped the most since 2000?", "dropped the most"),
    ("¿cuántos migrantes venezolanos hay en Ñuble?", "venezolanos"),  # one nationality's people in a place
    ("how many Peruvians live in Chile?", "Peruvians"),
    ("¿en qué año el desempleo de Colombia estuvo en 10%?", "10%"),  # a figure said, never the highest year
    ("poblacion no urbana de chile 2020", "no urbana"),  # the opposite of a measure, never the measure
    ("desempleo 2024 en marzo", "marzo"),  # a month no reading took, never the year's figure
    ("pobreza en Cañete y las comunas vecinas", "vecinas"),  # never every comuna  # an aggregate of unknown members holds no part: never the share of people aged 65+
])  # fmt: skip
def test_operations_missing_what_they_need_are_declined_naming_the_words(cifra, question, words):
    answer = cifra.ask(question)
    assert answer.status == "clarify" and answer.values == [] and f"{words}" in answer.answer


@pytest.mark.parametrize(("question", "words"), [
    ("how many years of GDP data are there for Chile?", "how many years"),
    ("And what's life expectancy at age 65 in Japan?", "at age 65"),  # an age no series has: never at birth instead
])  # fmt: skip
def test_what_the_algebra_lacks_is_never_handed_to_the_model(cifra, question, words):
    understanding = cifra.understand(question)
    assert understanding.beyond_algebra and understanding.unsupported == words


@pytest.mark.parametrize(("question", "count", "periods", "first_meeting"), [
    ("¿en cuántos meses de 2023 el desempleo estuvo sobre 8,7 %?", 5, 12, "2023-03"),
    ("¿En cuántos de los 12 trimestres móviles de 2021 la tasa de desocupación fue de 10% o más?", 5, 12, "2021-01"),
    ("how many years did Peru have inflation above 5% since 2000?", 3, 26, "2008"),
    ("in which years since 2000 was Peru's inflation above 5%?", 3, 26, "2008"),  # each of them, not the first
])  # fmt: skip
def test_a_count_of_periods_names_each_period_counted(cifra, question, count, periods, first_meeting):
    answer = cifra.ask(question)
    assert answer.plan.operation == "period_count" and answer.headline == str(count), answer.answer
    assert f" {count} " in answer.answer and f" {periods} " in answer.answer
    assert answer.values[0].period == first_meeting and answer.values[-1].indicator == "count"


@pytest.mark.parametrize("question", [
    "¿En qué porcentaje subió la población de Chile entre 2010 y 2020?",
    "By what percent did Peru's population grow between 2000 and 2020?",
])  # fmt: skip
def test_a_percent_change_is_a_change_with_its_percentage(cifra, question):
    answer = cifra.ask(question)
    assert answer.status == "ok" and answer.plan.operation == "change" and "%" in answer.answer


@pytest.mark.parametrize("question", ["¿Cuál será la población de Perú en 2070?", "¿Cuánta gente vivirá en Puente Alto en 2050?"])
def test_a_year_beyond_the_data_is_no_data_not_another_year(cifra, question):
    answer = cifra.ask(question)
    assert answer.status == "no_data" and answer.values == []


def test_the_latest_figure_is_never_a_future_projection(cifra):
    observed = cifra.ask("población de Puente Alto")  # the newest value that is not a projection: the 2024 census
    assert (observed.values[0].indicator, observed.values[0].period, observed.values[0].value) == ("CHL.CENSUS2024.POP", "2024", 568086)
    projected = cifra.ask("población proyectada de Puente Alto")  # asked for: this year's projection, and said so
    assert (projected.values[0].indicator, projected.values[0].period) == ("CHL.POPULATION.PROJ", str(date.today().year))
    assert "proyectad" in " ".join(projected.notes)


@pytest.mark.parametrize("question", [
    "exportaciones de bienes y servicios de Chile 2020",  # one name with "y" in it
    "población de Chile y Perú en 2020",  # two places, one measure
    "PIB per cápita de Chile 2020",
    "How many people lived in Chile's cities and towns in 2024? I mean the headcount, not the percentage.",
])  # fmt: skip
def test_one_measure_with_a_conjunction_is_still_answered(cifra, question):
    assert cifra.ask(question).status == "ok"


@pytest.mark.parametrize(("question", "codes"), [
    ("desempleo de hombres y mujeres en Chile 2020", ["SL.UEM.TOTL.MA.ZS", "SL.UEM.TOTL.FE.ZS"]),
    ("Dame la esperanza de vida y la mortalidad infantil de Bolivia en 2020.", ["SP.DYN.LE00.IN", "SP.DYN.IMRT.IN"]),
    ("primary school enrolment and adult literacy in Guatemala, 2018", ["SE.PRM.ENRR", "SE.ADT.LITR.ZS"]),
    ("población de 0 a 14 y de 65 y más en Chile según el censo",
     ["CHL.CENSUS2024.POP_0_14", "CHL.CENSUS2024.POP_65_PLUS"]),  # two age groups, no operation: each
    # a cue said beside one measure is its own; one that leads the first is both's
    ("What is Chile's GDP and its growth in 2020?", ["CHL.GDP.CURRENT", "NY.GDP.MKTP.KD.ZG"]),
    ("PIB de Chile y su crecimiento en 2020", ["CHL.GDP.CURRENT", "NY.GDP.MKTP.KD.ZG"]),
    ("Chile's GDP and GDP growth in 2020", ["CHL.GDP.CURRENT", "NY.GDP.MKTP.KD.ZG"]),
    ("GDP of Chile and its population in 2020", ["CHL.GDP.CURRENT", "CHL.POPULATION.PROJ"]),
    ("PIB per cápita y población de Chile en 2020", ["NY.GDP.PCAP.CD", "CHL.POPULATION.PROJ"]),
    ("inflation and unemployment in Peru in 2019", ["FP.CPI.TOTL.ZG", "SL.UEM.TOTL.ZS"]),
    ("crecimiento del PIB y de la población de Chile en 2020", ["NY.GDP.MKTP.KD.ZG", "SP.POP.GROW"]),
    ("Imacec March 2024: original series vs seasonally adjusted, give me both", ["CHL.IMACEC", "CHL.IMACEC.SA"]),
    ("How many people were counted in Providencia in the 2024 census, and how many of them are women?",
     ["CHL.CENSUS2024.POP", "CHL.CENSUS2024.WOMEN"]),  # the amount, then its women
    ("¿cuánto dio el IPC de abril 2026?", ["CHL.CPI", "CHL.CPI.CHANGE_1M"]),  # the index and its monthly change
    ("¿Cuál fue la población censada de Valparaíso en 2024 y qué porcentaje del país representa?",
     ["CHL.CENSUS2024.POP", "CHL.CENSUS2024.POP.SHARE"]),  # the amount, then its share
    ("Dame exportaciones e importaciones como % del PIB de Colombia en 2024", ["NE.EXP.GNFS.ZS", "NE.IMP.GNFS.ZS"]),
    ("exports and imports as a share of GDP for Peru in 2020", ["NE.EXP.GNFS.ZS", "NE.IMP.GNFS.ZS"]),  # the whole
    # said once after both is both's
])  # fmt: skip
def test_several_measures_asked_at_once_are_each_answered(cifra, question, codes):
    answer = cifra.ask(question)
    assert answer.status == "ok" and [part.plan.indicator_code for part in answer.parts] == codes, answer.answer
    assert [value.indicator for value in answer.values] == codes and all(code in answer.sql for code in codes)
    assert all(part.answer in answer.answer for part in answer.parts)


def test_a_follow_up_to_several_measures_asks_the_same_of_each(cifra):
    conversation = Conversation()
    cifra.ask("tasa de fecundidad y mortalidad infantil de Paraguay en 2012", conversation)
    answer = cifra.ask("¿y Uruguay en 2019?", conversation)
    assert [(value.indicator, value.area, value.period) for value in answer.values] == [
        ("SP.DYN.TFRT.IN", "URY", "2019"), ("SP.DYN.IMRT.IN", "URY", "2019")], answer.answer


def test_the_amount_and_its_share_asked_after_the_share_are_both_answered(cifra):
    answer = last_answer(cifra, ["según el censo 2024, ¿cuántos adultos de 65 y más hay en Temuco?",
                                 "¿qué porcentaje es del total de la comuna?", "y en padre las casas? lo mismo, cantidad y %"])
    assert [value.indicator for value in answer.values] == [
        "CHL.CENSUS2024.POP_65_PLUS", "CHL.CENSUS2024.POP_65_PLUS.SHARE"], answer.answer


def test_measures_said_with_periods_of_their_own_are_asked_back(cifra):
    answer = cifra.ask("población de Bolivia en 2020 y esperanza de vida en 2010")  # never both over 2010–2020
    assert answer.status == "clarify" and answer.values == []
    assert [option.plan.indicator_code for option in answer.options] == ["SP.POP.TOTL", "SP.DYN.LE00.IN"]


@pytest.mark.parametrize(("question", "operation", "areas", "period"), [
    ("difrencia de esperanza de vida entre chile y argentina 2019", "difference", ["CHL", "ARG"], (2019, 2019)),
    ("whats the averge unemployement rate across the South American countries in 2024?", "aggregate", [],
     (2024, 2024)),  # a letter left out of a short operation word
    ("¿Cuánto producía cada chileno comparado con cada peruano en 2022? PIB por persona en dólares corrientes", "value",
     ["CHL", "PER"], (2022, 2022)),  # each Chilean is per person, and Chile
    ("¿Cuántas veces más rico es un chileno promedio que un peruano? PIB per cápita PPA de 2024", "ratio",
     ["CHL", "PER"], (2024, 2024)),  # "más rico" belongs to the ratio
    ("esperanza de vida de Chile comparada con el promedio de América Latina y el Caribe en 2020", "value",
     ["CHL", "LCN"], (2020, 2020)),  # the World Bank's own average (the name is a UN region's too), beside Chile
    ("¿Cuántos habitantes más tiene la Región de Valparaíso que la del Biobío según el Censo 2024?", "difference",
     ["CL-05", "CL-08"], (2024, 2024)),
    ("Ratio of Chile's merchandise exports to its merchandise imports in 2022", "ratio", ["CHL"], (2022, 2022)),
    ("cuanto cayo el pib per capita de argentina entre 2017 y 2020", "change", ["ARG"], (2017, 2020)),
    ("If you add up Peru, Bolivia and Ecuador, how many people lived there in 2019?", "aggregate", ["PER", "BOL", "ECU"],
     (2019, 2019)),
    ("Chile vs Peru in 2015: which one had more people in total, and how many did each have?", "value", ["CHL", "PER"],
     (2015, 2015)),  # "in total" sums nothing asked of each
    ("¿cuántas personas más vivían en Temuco el 2030 comparado con el 2020, según el INE?", "change", ["CL-09101"],
     (2020, 2030)),
    ("how much did Peru's GDP grow per year on average between 2001 and 2010, in annual %?", "aggregate", ["PER"],
     (2001, 2010)),
    ("tasa de desocupación del trimestre ene-mar 2019 vs ene-mar 2024, ¿cuánto varió?", "change", ["CHL"], (2019, 2024)),
    ("¿Cuántos países de Europa tuvieron una inflación superior al 12 % en 2023?", "count", [], (2023, 2023)),
    ("In which month since January 2020 was Chile's 12-month inflation highest?", "which_period", ["CHL"], (2020, None)),
    ("Where did Spain rank among European countries for unemployment in 2024?", "position", ["ESP"], (2024, 2024)),
    ("How many South American countries exceeded 8% unemployment in 2023?", "count", [], (2023, 2023)),  # a condition
    ("países de Sudamérica con más de 50 millones de habitantes en 2020", "count", [], (2020, 2020)),  # which meet it
    ("¿cuándo superó el PIB per cápita de Chile los 10.000 dólares?", "first_meeting", ["CHL"], (None, None)),
    ("By how many percentage points did Guatemala's primary completion rate for girls exceed the rate for boys in 2024?",
     "difference", ["GTM"], (2024, 2024)),
    ("Censo 2024, región de Coquimbo: de sus 15 comunas, ¿cuántas pasan los 30.000 habitantes?", "count", [], (2024, 2024)),
    ("población de cada región de Chile según el censo", "rank", [], (None, None)),  # every region, not Chile
    ("pobreza por comuna de la región de Aysén 2022", "rank", [], (2022, 2022)),
    ("qué día del 2024 estuvo más caro el cobre? precio diario del banco central", "which_period", ["CHL"], (2024, 2024)),
    ("Aysén es re poco poblado... ¿cuántas de sus comunas tenían menos de mil habitantes en el Censo 2024?", "count", [],
     (2024, 2024)),  # a thousand in words
    ("How big is Chile's labour force right now? I mean the latest INE rolling-quarter figure, in thousands of people.",
     "latest", ["CHL"], (None, None)),  # "I mean" asks no average
    ("Cuántos refugiados vivían en Ecuador según el último dato del Banco Mundial? (población refugiada por país de "
     "asilo)", "latest", ["ECU"], (None, None)),  # "por país" names the series: no breakdown
    ("¿Cuántos años subió la esperanza de vida de Bolivia entre 1990 y 2010?", "change", ["BOL"], (1990, 2010)),  # unit
    ("How much forest, as a share of land, did Indonesia lose from 1995 to 2015?", "change", ["IDN"], (1995, 2015)),
    ("Did Ghana's forest area shrink between 2000 and 2015, and by how much?", "change", ["GHA"], (2000, 2015)),
    ("Was infant mortality worse in Bolivia or in Peru in 2015, and by how much?", "difference", ["BOL", "PER"],
     (2015, 2015)),  # the two figures and their gap
    ("según el INE, ¿cuánto aumentaría la población de Temuco entre 2025 y 2035?", "change", ["CL-09101"], (2025, 2035)),
    ("mortalidad de menores de 5 años en el mundo, 1990 vs ahora", "change", ["WLD"], (1990, 2024)),  # to the newest
    ("access to electricity in nigeria in 2000 vs now", "change", ["NGA"], (2000, 2023)),
    ("Show me the GDP growth of Peru over the last 5 years", "series", ["PER"], (None, None)),  # the last five, no threshold
    ("Egypt vs Morocco population 2023, what's the ratio?", "ratio", ["EGY", "MAR"], (2023, 2023)),  # no "ratio" series
    ("how far ahead of Poland is Portugal in GDP per capita at PPP in 2023?", "difference", ["PRT", "POL"], (2023, 2023)),
    ("real GDP growth 2023: how much faster did India grow than China (pp)?", "difference", ["IND", "CHN"], (2023, 2023)),
    ("when did Chile's unemployment bottom out?", "which_period", ["CHL"], (None, None)),  # no first time: its lowest
    ("¿cuándo tocó fondo el desempleo en Chile?", "which_period", ["CHL"], (None, None)),
    ("What was the average inflation rate of South American countries in 2024 if you leave Argentina out?",
     "aggregate", [], (2024, 2024)),
    ("poorest South American country by GDP per head in 2024 (current dollars)?", "rank", [], (2024, 2024)),
    ("average household size in Alto Hospicio compared with Providencia, 2024 census", "value",
     ["CL-01107", "CL-13123"], (2024, 2024)),  # a measure that is an average: each one's, never their mean
    ("japan vs south korea: average number of children per woman in 2022", "value", ["JPN", "KOR"], (2022, 2022)),
    ("In Japan in 2023, by how many percentage points did the share of people aged 65+ exceed the share of children "
     "0-14?", "difference", ["JPN"], (2023, 2023)),
    ("cuantos puntos separan la participacion laboral de hombres y mujeres en mexico 2023", "difference", ["MEX"],
     (2023, 2023)),
    ("how many years longer did russian women live than russian men in 2021 (life expectancy at birth)?", "difference",
     ["RUS"], (2021, 2021)),
    ("In which year from 2015 to 2023 was the average PM2.5 exposure in India the lowest?", "which_period", ["IND"],
     (2015, 2023)),
    ("average of the World Bank unemployment rates of Argentina, Chile and Uruguay in 2022", "aggregate",
     ["ARG", "CHL", "URY"], (2022, 2022)),  # the places' mean, never their three values
    ("inflación de Chile en los años 80", "series", ["CHL"], (1980, 1989)),  # a decade, never the latest
    ("average inflation in Chile in the 1990s", "aggregate", ["CHL"], (1990, 1999)),
    ("inflación promedio de Chile en los 2000", "aggregate", ["CHL"], (2000, 2009)),
    ("PIB de Chile en los ochenta", "series", ["CHL"], (1980, 1989)),
    ("which year had the highest inflation in Peru this century?", "which_period", ["PER"], (2001, None)),
    ("esperanza de vida de Perú en el 95", "value", ["PER"], (1995, 1995)),  # a year by its last two digits
    ("PIB de Chile y Perú en 2020, ¿cuántas veces más grande es el de Perú?", "ratio", ["PER", "CHL"], (2020, 2020)),
    ("cuanta gente vive en el mundo hoy en dia? dato 2025", "value", ["WLD"], (2025, 2025)),  # the year says which day
    ("un trabajo sobre salud en latinoamerica: cuantos años vive en promedio la gente en chile? en 2024", "value",
     ["CHL"], (2024, 2024)),  # a lifetime is an average itself, never the region's mean (shown apart)
    ("imacec marzo 2026 vs mismo mes del año anterior", "change", ["CHL"], (2025, 2026)),  # that month a year before
    ("¿Cuánto creció en promedio la economía chilena en la década de los 2000? crecimiento del PIB real", "aggregate",
     ["CHL"], (2000, 2009)),
])  # fmt: skip
def test_operation_words_as_people_write_them(cifra, question, operation, areas, period):
    answer = cifra.ask(question)
    assert answer.status == "ok", answer.answer
    assert (answer.plan.operation, answer.plan.area_codes, (answer.plan.period.start, answer.plan.period.end)) == (
        operation, areas, period)


@pytest.mark.parametrize("question", [
    "Looking at the Central Bank's monthly unemployment rate for Chile (rolling quarters) over the twelve readings "
    "dated 2023, what were the highest and the lowest values?",
    "¿qué país de Sudamérica tuvo la mayor y la menor inflación en 2022?",
    "Within the Pacific Alliance (Chile, Colombia, Mexico, Peru), which member had the highest consumer price inflation "
    "in 2024 and which the lowest? I need both rates.",  # "rates" names no second measure
    "In Central America which country had the longest life expectancy in 2023, and which one the shortest?",
])  # fmt: skip
def test_the_highest_and_the_lowest_are_both_answered(cifra, question):
    answer = cifra.ask(question)  # never one end alone
    assert answer.status == "ok" and sorted(part.plan.order for part in answer.parts) == ["asc", "desc"], answer.answer


def test_both_ends_are_asked_again_of_another_place(cifra):
    answer = last_answer(cifra, ["¿cuál es la comuna más poblada y la menos poblada de la región de Los Lagos en 2025, "
                                 "según la proyección del INE?", "¿y en Aysén?"])  # never one end alone
    assert sorted((part.plan.group_code, part.plan.order) for part in answer.parts) == [
        ("CL-11", "asc"), ("CL-11", "desc")], answer.answer


def test_an_index_named_after_another_index_s_rise_shows_its_rise_too(cifra):
    answer = last_answer(cifra, ["¿Cuánto crecieron las remuneraciones nominales en 12 meses a mayo de 2026?",
                                 "¿y en términos reales?", "¿Y el índice de costos laborales?"])
    assert sorted(part.plan.indicator_code for part in answer.parts) == [
        "CHL.LABOUR_COST.GROWTH_12M", "CHL.LABOUR_COST.INDEX"], answer.answer


def test_a_gap_compared_with_a_group_is_the_same_gap_there(cifra):
    answer = last_answer(cifra, ["Según el Banco Mundial, ¿cuál fue la tasa de desempleo de mujeres y de hombres en "
                                 "Chile en 2025? ¿y la brecha en puntos?", "compáralo con el promedio de la OCDE"])
    assert [(part.plan.operation, part.plan.area_codes) for part in answer.parts] == [
        ("difference", ["CHL"]), ("difference", ["OED"])], answer.answer


def test_the_amount_beside_a_share_comes_from_the_share_s_source(cifra):
    answer = cifra.ask("In Chile's 2024 census, what percentage of the counted population lived in the Santiago "
                       "Metropolitan Region, and how many people is that?")  # the census count, never a projection
    assert sorted(part.plan.indicator_code for part in answer.parts) == [
        "CHL.CENSUS2024.POP", "CHL.CENSUS2024.POP.SHARE"], answer.answer


@pytest.mark.parametrize("question", [
    "en 2023 cuantas veces mas alto era el pib per capita ppa de chile q el de bolivia, y cual era la diferencia en dolares",
    "diferencia del PIB per cápita entre Chile y Perú en 2020, y cuántas veces más alto es",
])  # fmt: skip
def test_a_ratio_and_a_difference_asked_together_are_both_answered(cifra, question):
    answer = cifra.ask(question)  # never one of them alone
    assert answer.status == "ok" and sorted(part.plan.operation for part in answer.parts) == ["difference", "ratio"], \
        answer.answer


@pytest.mark.parametrize(("question", "spans"), [
    ("¿Cuál fue el desempleo promedio de Chile en 2015-2019 vs 2020-2024?", [(2015, 2019), (2020, 2024)]),
    ("average inflation in Peru 2010-2014 compared with 2015-2019", [(2010, 2014), (2015, 2019)]),
])  # fmt: skip
def test_two_spans_averaged_are_each_answered(cifra, question, spans):
    answer = cifra.ask(question)  # never one average over both
    assert [(part.plan.period.start, part.plan.period.end) for part in answer.parts] == spans, answer.answer


@pytest.mark.parametrize(("question", "top_n", "periods"), [
    ("top 3 de los trimestres moviles con la tasa de desempleo mas alta desde 2010", 3, ["2020-07", "2020-08", "2020-09"]),
    ("the five years with the highest GDP growth in Peru", 5, ["2021", "1994", "1962", "1987", "1986"]),
    ("¿en qué año fue más baja la inflación en Perú desde el 2000?", None, ["2002"]),  # one period, as before
])  # fmt: skip
def test_the_top_periods_of_one_place_are_listed_best_first(cifra, question, top_n, periods):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation, answer.plan.top_n) == ("ok", "which_period", top_n), answer.answer
    assert [value.period for value in answer.values] == periods, answer.answer


def test_each_of_the_two_places_asked_before(cifra):
    conversation = Conversation()
    for question in ("esperanza de vida en Chile 2019", "y en Perú?"):
        cifra.ask(question, conversation)
    answer = cifra.ask("¿cuánto cambió en cada uno entre 2000 y 2019?", conversation)
    assert answer.plan.operation == "change" and answer.plan.area_codes == ["CHL", "PER"]


@pytest.mark.parametrize(("question", "words"), [
    ("esperanza de vida escolar de Chile 2020", "escolar"),
    ("desempleo rural de Chile 2020", "rural"),
    ("cuanto fue el desempleo de la UF en marzo 2024?", "uf"),  # two measures that make no third
    ("¿Cuánto es el sueldo mínimo en Chile hoy?", "minimo"),  # a name, not the minimum of the wage index
    ("What was Chile's net national income per capita in 2023?", "net"),  # not GNI
    ("¿cuánto creció la población urbana de Chile en 2020?", "urbana"),  # no urban growth: never the whole population's
    ("What is the average house price in Santiago right now?", "price"),  # a price of nothing priced: no household size
    ("In Northern Africa (UN sub-region), which country had the largest share of agricultural land in 2020?", "land"),
])  # fmt: skip
def test_a_reading_that_leaves_topic_words_unexplained_is_offered_not_answered(cifra, question, words):
    answer = cifra.ask(question)
    assert answer.status == "clarify" and words in answer.answer and answer.options and answer.values == []


def test_a_change_of_a_percentage_is_said_in_percentage_points(cifra):
    answer = cifra.ask("¿Cuánto cambió el desempleo de Chile entre 2019 y 2020 según el Banco Mundial?")
    assert answer.plan.operation == "change" and "puntos porcentuales" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "Hola! me podrías decir cuál era la esperanza de vida al nacer en el Perú el 2019?",
    "What's the most recent population figure you have for Uruguay?",
    "Using World Bank figures, what was Uruguay's population in 2020?",
    # words that name no measure: function words, chat shorthand, words that describe any measure
    "How many South American countries had real GDP growth below 1% in 2023?",
    "oye cuanto estaba el desempleo en chile en agosto 2021? el dato del ine que publica el banco central",
    "What share of Uruguay's electricity output came from renewable sources in 2019?",
    "suscripciones de banda ancha fija x cada 100 habitantes en chile, año 2023",
    "en cuanto esta la utm po? el ultimo valor q tengai",
    "maternal mortality ratio bolivia 2020, modeled estimate per 100k live births",
    "Solicito el monto de remesas personales recibidas por Honduras durante 2022, expresado en dólares corrientes.",
    "precio del cobre el miercoles 14 de junio 2023, en usd por libra",
    "First year Chile's fixed broadband subscriptions topped 20 per 100 people?",
    "¿A cuánto llegaron las reservas internacionales totales de Chile en 2023?",
    "Me interesa el último Imacec, sin desestacionalizar",
    "¿cómo ha evolucionado el desempleo en Chile desde 2015?",
    "How much money did Brazil take in from personal remittances in 2022?",
    "promedio de la tasa de desocupación del 2024, de enero a diciembre de 2024",  # one year said twice
    "How much was one UTM worth in September 2023, in pesos?",
    "¿cuál es el dato más nuevo del PIB regional de Magallanes?",
    "By what percentage does INE expect the comuna of Lampa's population to grow between 2017 and 2035?",
    "How much did Chile's seasonally adjusted Imacec grow between March 2023 and March 2024, in %?",
    "¿qué parte de la energía que consume Paraguay viene de fuentes renovables? dato 2019",
    "matrícula terciaria de Perú en 2017 (universidades e institutos), Banco Mundial",
    "¿cuánta plata entró a Guatemala por remesas el 2021?",
    "How bad was unemployment in Spain in 2013? ILO estimate, World Bank.",
    "How badly did Brazil's economy shrink in 2020? real GDP growth %",
    "Vivo en Puente Alto, ¿cuánta gente va a vivir en la comuna el 2030 según las proyecciones del INE?",
])  # fmt: skip
def test_how_people_ask_is_not_taken_for_what_they_ask_about(cifra, question):
    assert cifra.ask(question).status == "ok"


@pytest.mark.parametrize(("question", "code"), [
    ("Hola, fui profesor de historia y me interesa Cuba: ¿cuánto cayó la tasa bruta de natalidad entre 1963 y 1993?",
     "SP.DYN.CBRT.IN"),  # who asks is no second measure (never the pupil-teacher ratio)
])  # fmt: skip
def test_who_asks_is_no_measure_asked(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.plan.indicator_code, len(answer.parts) <= 1) == (code, True), answer.answer


def test_of_near_ties_the_measure_whose_words_account_for_the_question_is_read_without_the_model(cifra):
    answer = cifra.ask("tasa bruta de matricula universitaria argentina 2020")  # tertiary, not secondary, enrolment
    assert answer.status == "ok" and answer.plan.indicator_code == "SE.TER.ENRR" and answer.llm_calls == 0


@pytest.mark.parametrize(("question", "first", "last", "change"), [
    ("¿en cuánto % subió la UF entre enero del 2020 y enero del 2025?", "2020-01", "2025-01", "+35,6 %"),
    ("¿cuánto subió el IPC entre enero y marzo de 2024?", "2024-01", "2024-03", "+1,0 %"),
    ("en cuantos pesos subio la UF entre enero 2024 y enero 2025?", "2024-01", "2025-01", "+4,4 %"),
    ("¿cuánto varió el PIB trimestral de Chile entre el T2 2019 y el T2 2024?", "2019-Q2", "2024-Q2", "+6,2 %"),  # real
    ("¿cuánto varió el PIB trimestral de Chile en el T3 2023 frente al mismo trimestre de 2021?", "2021-Q3", "2023-Q3",
     "+1,5 %"),  # against the same quarter of another year
    ("How much did the UF rise in June 2025 compared with the same month of 2023?", "2023-06", "2025-06", "+8.8%"),
    ("how much did Chile's unemployment rate change between Q1 2020 and Q1 2024?", "2020-03", "2024-03", "+6.1%"),
    # the index named beside "inflación": the index's own change, not the change of the 12-month rate
    ("¿Cuánto fue la inflación de 2025? O sea, la variación del índice entre diciembre 2024 y diciembre 2025, en %",
     "2024-12", "2025-12", "+3,4 %"),
])  # fmt: skip
def test_a_change_between_two_months_or_quarters_compares_those_periods(cifra, question, first, last, change):
    answer = cifra.ask(question)
    period = answer.rows[0][answer.columns.index("period")]
    assert answer.status == "ok" and period == f"{first}..{last}" and change in answer.answer, answer.answer
    assert [value.indicator for value in answer.values][-1] == "percent_change"


@pytest.mark.parametrize(("question", "price_basis", "transform"), [
    ("variación del PIB de Chile 2023 respecto a 2022", "chained", "level"),  # real, where the family has it
    ("¿cuánto creció el PIB per cápita de Chile entre 2010 y 2020?", "current", "level"),  # then current, not PPP
    ("¿cuánto cambió la inflación en Chile entre 2019 y 2022?", None, "growth"),  # a rate asked for
])  # fmt: skip
def test_a_change_over_years_is_a_real_change_of_a_level(cifra, question, price_basis, transform):
    answer = cifra.ask(question)
    chosen = cifra.catalog.get(answer.plan.indicator_code)
    assert (answer.plan.operation, chosen.price_basis, chosen.transform) == ("change", price_basis, transform), answer.answer


def test_how_much_it_fell_in_a_year_is_its_growth(cifra):
    answer = cifra.ask("¿cuánto cayó el PIB de Chile en 2020?")  # not the level of GDP that year
    assert answer.status == "ok" and cifra.catalog.get(answer.plan.indicator_code).transform == "growth", answer.answer


def test_how_much_a_rate_fell_in_a_year_is_its_change_on_the_year_before(cifra):
    answer = cifra.ask("how far did Colombia's unemployment drop in 2021?")  # a rate has no growth series
    assert (answer.plan.operation, answer.plan.period.start, answer.plan.period.end) == ("change", 2020, 2021)
    assert answer.plan.indicator_code == "SL.UEM.TOTL.ZS", answer.answer


@pytest.mark.parametrize(("question", "code", "period"), [
    ("¿Cuál fue la variación en 12 meses del IPC a diciembre de 2024?", "CHL.CPI.INFLATION_12M", "2024-12"),
    ("¿cuánto subió el IPC en abril de 2026?", "CHL.CPI.CHANGE_1M", "2026-04"),  # the month's own rise
    ("¿cuánto subió el IPC en 2023?", "CHL.CPI.INFLATION_12M", "2023"),  # a year's: December on December
])  # fmt: skip
def test_a_change_within_one_period_of_a_growth_measure_is_its_value(cifra, question, code, period):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.indicator_code, answer.values[0].period) == ("value", code, period)


@pytest.mark.parametrize(("question", "operation", "code"), [
    ("How has the population of Chile changed over time?", "series", "CHL.POPULATION.PROJ"),  # never the one census
    ("¿cómo ha cambiado la esperanza de vida en Chile a lo largo del tiempo?", "series", "SP.DYN.LE00.IN"),
    ("evolución de la población de Puente Alto", "series", "CHL.POPULATION.PROJ"),
    ("¿cómo ha estado el desempleo?", "series", "CHL.UNEMPLOYMENT.RATE"),  # "estado" is no measure's word
])  # fmt: skip
def test_an_evolution_is_the_series_with_most_periods(cifra, question, operation, code):
    plan = cifra.ask(question).plan
    assert (plan.operation, plan.indicator_code) == (operation, code)


def test_the_series_of_one_year_of_a_monthly_measure_is_its_months(cifra):
    answer = cifra.ask("¿cómo ha estado el desempleo en 2024?")
    assert [value.period for value in answer.values] == [f"2024-{month:02d}" for month in range(1, 13)]


@pytest.mark.parametrize("question", ["¿cuánto ha subido la UF?", "how much has Peru's GDP grown?"])
def test_a_change_without_years_asks_since_when(cifra, question):
    answer = cifra.ask(question)
    assert answer.status == "clarify" and ("Desde cuándo" in answer.answer or "Since when" in answer.answer)


def test_a_change_needs_a_series_with_both_years(cifra):
    answer = cifra.ask("¿cuánto creció la población de Chile entre 2000 y 2020?")  # INE's series begins in 2002
    assert answer.status == "ok" and answer.plan.indicator_code == "SP.POP.TOTL"


@pytest.mark.parametrize(("question", "code"), [
    ("Chile's Imacec for March 2025, original (non seasonally adjusted)", "CHL.IMACEC"),
    ("imacec no ajustado por estacionalidad de marzo 2025", "CHL.IMACEC"),
    ("imacec ajustado por estacionalidad de marzo 2025", "CHL.IMACEC.SA"),
])  # fmt: skip
def test_seasonal_adjustment_as_people_write_it(cifra, question, code):
    assert cifra.ask(question).plan.indicator_code == code


@pytest.mark.parametrize(("questions", "operation", "period", "top_n"), [
    (["¿cuál es el último dato de mortalidad infantil de Bolivia?", "¿y hace quince años?",
      "¿cuánto bajó entre esos dos años?"], "change", (2009, 2024), None),
    (["¿cuánto creció el Imacec en marzo de 2025 frente a marzo de 2024?", "¿y el mismo mes del año anterior?"],
     "change", (2023, 2024), None),  # the change, a year earlier
    (["los 3 países de Centroamérica con más homicidios en 2020", "ordénalos de menor a mayor"], "rank", (2020, 2020),
     7),  # every member, not the top 3
    (["esperanza de vida de Perú en 1990", "¿y en 2020?", "¿cuánto cambió?"], "change", (1990, 2020), None),
    (["IPC de Chile en junio de 2024", "¿y cuánto subió respecto a junio del año anterior?"], "change", (2023, 2024),
     None),  # from the period named to the last answer's
    (["Imacec de julio de 2024", "¿cuánto cambió comparado con julio de 2023?"], "change", (2023, 2024), None),
    (["PIB a precios corrientes de Chile en el tercer trimestre de 2023",
      "¿y cuánto creció el PIB real respecto al mismo trimestre de 2022?"], "change", (2022, 2023), None),
    (["how many people lived in Mexico in 2000?", "and in 2020?", "so how much did it grow since then, in percent?"],
     "change", (2000, 2020), None),  # since the first of the two
    (["imacec mayo 2026, variacion en 12 meses", "¿y cuál ha sido el mes más alto del imacec desestacionalizado?"],
     "which_period", (None, None), None),  # after one month's figure: the whole series
    (["cuanta gente vive en peru", "y cuanto crecio peru en habitantes en los ultimos 10 años"], "change", (2015, 2025),
     None),  # ten years to the newest observed
    (["Estoy escribiendo una nota sobre la hiperinflacion en Brasil. En los 90, ¿qué año tuvo la inflacion mas alta y de "
      "cuanto fue?", "y el año mas bajo de esa decada?"], "which_period", (1990, 1999), None),  # the decade answered
    (["el imacec de mayo de 2026 cuanto vario respecto a mayo de 2025", "y en abril?"], "change", (2025, 2026), None),
    (["PIB desestacionalizado de Chile primer trimestre 2026", "¿y cuánto cambió respecto al trimestre anterior?"],
     "value", (2026, 2026), None),  # the answered quarter's own change on the one before, as published
    (["PIB per cápita de Chile 2020", "¿y comparado con el año anterior?"], "change", (2019, 2020), None),
    (["¿cuánto creció el PIB de Chile en el primer trimestre de 2026 respecto al mismo trimestre de 2025?",
      "¿y en todo el año 2025, cuánto creció el pib?"], "change", (2024, 2025), None),  # the year's total, not 4 rates
    (["desempleo promedio en colombia en la decada de 2010", "¿y en la del 2000? ¿era más alto o más bajo?"],
     "aggregate", (2000, 2009), None),  # the decade said short, set against the last answer: no ranking
])  # fmt: skip
def test_a_follow_up_keeps_or_spans_the_previous_periods(cifra, questions, operation, period, top_n):
    answer = last_answer(cifra, questions)
    assert answer.status == "ok", answer.answer
    assert (answer.plan.operation, (answer.plan.period.start, answer.plan.period.end), answer.plan.top_n) == (
        operation, period, top_n)


@pytest.mark.parametrize(("questions", "code", "areas"), [
    (["mortalidad infantil en Guatemala 2021", "¿y la de menores de cinco años?"], "SH.DYN.MORT", ["GTM"]),
    (["How does Peru's diabetes prevalence compare with the world average in 2024?"], "SH.STA.DIAB.ZS",
     ["PER", "WLD"]),  # the publisher's aggregate beside the place named
    (["¿cuánto CO2 emitía cada persona en Uruguay en 2005?"], "EN.ATM.CO2E.PC", ["URY"]),  # per person, not the total
    (["¿cuántos años se vive en promedio en Bolivia? dato 2020"], "SP.DYN.LE00.IN", ["BOL"]),  # years lived, not people
    (["how much longer do people live in Spain than in Peru?"], "SP.DYN.LE00.IN", ["ESP", "PER"]),
    (["What was Norway's fertility rate in 2015?", "and the birth rate?"], "SP.DYN.CBRT.IN", ["NOR"]),  # births per
    # woman is what the fertility rate is, no variant carried to the next measure
    (["How many years do men live in Peru? 2019"], "SP.DYN.LE00.MA.IN", ["PER"]),
    (["¿Qué porcentaje de la fuerza de trabajo de Colombia son mujeres?"], "SL.TLF.TOTL.FE.ZS", ["COL"]),
    (["¿Cuántos puntos porcentuales subió la participación laboral femenina en Perú entre 2005 y 2015?"],
     "SL.TLF.CACT.FE.ZS", ["PER"]),  # percentage points ask for no share  # a share, not
    # the participation rate
    (["población de Chile en 2024 según la proyección del INE", "¿y cuánta gente contó el Censo ese año?"],
     "CHL.CENSUS2024.POP", ["CHL"]),
    (["niños de 0 a 14 años en Puente Alto según el censo 2024", "¿qué porcentaje del total tiene 65 o más?"],
     "CHL.CENSUS2024.POP_65_PLUS.SHARE", ["CL-13201"]),  # an age alone: of the place last asked about
    (["¿Cuánto están subiendo los precios en Chile comparado con hace un año? Dame el último dato del IPC."],
     "CHL.CPI.INFLATION_12M", ["CHL"]),  # the 12-month change, not the index level
    (["how much have prices risen in Chile compared with a year ago?"], "CHL.CPI.INFLATION_12M", ["CHL"]),
    (["What were Chile's CO2 emissions per person in 2014?", "ok, then total emissions in kilotons for 2014?"],
     "EN.ATM.CO2E.KT", ["CHL"]),  # the total asked, not the per-person figure carried
    (["What's the latest reading of Chile's inflation-adjusted wage index?"], "CHL.WAGES.REAL_INDEX", ["CHL"]),  # its
    # "inflation" names the price basis, no change
])  # fmt: skip
def test_what_a_question_names_is_kept(cifra, questions, code, areas):
    answer = last_answer(cifra, questions)
    assert answer.status == "ok", answer.answer
    assert (answer.plan.indicator_code, answer.plan.area_codes) == (code, areas)


@pytest.mark.parametrize("questions", [
    ["suma del desempleo de Chile y Perú en 2020"],
])  # fmt: skip
def test_rates_and_indices_are_never_added_up(cifra, questions):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.values) == ("clarify", []), answer.answer


def test_what_has_accumulated_this_year_is_the_year_to_date_rate(cifra):
    answer = last_answer(cifra, ["¿Cuál fue la inflación anual (12 meses) en mayo de 2026?",
                                 "¿y cuánto va acumulado en lo que va del año, con el último dato?"])
    assert (answer.status, answer.plan.indicator_code) == ("ok", "CHL.CPI.INFLATION_YTD"), answer.answer  # never a sum
    # of 12-month rates


@pytest.mark.parametrize(("questions", "period"), [
    (["desempleo en Chile en diciembre de 2024", "¿cuántos ocupados había en ese entonces?"], "2024-12"),
    (["PIB de Chile 2010", "and the population back then?"], "2010"),
    (["how many people had jobs back then, in thousands?"], None),  # then of nothing answered: asked back
])  # fmt: skip
def test_back_then_is_the_last_answers_period(cifra, questions, period):
    answer = last_answer(cifra, questions)
    assert [value.period for value in answer.values] == ([period] if period else []), answer.answer


def test_a_twelve_month_change_after_two_answers_a_year_apart_ends_at_the_later(cifra):
    conversation = Conversation()
    for question in ("índice del IPC general en junio de 2026", "¿y en junio de 2025?"):
        cifra.ask(question, conversation)
    answer = cifra.ask("entonces, ¿cuál fue la inflación en 12 meses?", conversation)  # June 2026's, not June 2025's
    assert (answer.plan.indicator_code, [value.period for value in answer.values]) == (
        "CHL.CPI.INFLATION_12M", ["2026-06"]), answer.answer


@pytest.mark.parametrize(("questions", "operation", "code", "areas", "period"), [
    (["Puente Alto es enorme... ¿qué porcentaje de la población de la Región Metropolitana vive ahí según el Censo 2024?"],
     "share", "CHL.CENSUS2024.POP", ["CL-13201", "CL-13"], (2024, 2024)),  # "ahí" points at the context's place
    (["desempleo de Chile 2023 según el Banco Mundial", "¿y entre las mujeres?"], "value", "SL.UEM.TOTL.FE.ZS", ["CHL"],
     (2023, 2023)),  # among women, not between years
    (["desempleo de Chile 2023 según el Banco Mundial", "¿y las mujeres jóvenes, de 15 a 24?"], "value",
     "SL.UEM.1524.FE.ZS", ["CHL"], (2023, 2023)),  # a sex and an age alone: the last measure's, not the population's
    (["Top 3 richest countries in South America by GDP per capita (current US$), 2023?"], "rank", "NY.GDP.PCAP.CD", [],
     (2023, 2023)),  # "richest countries" is no misspelt "rich countries" (High income)
    (["Colina está creciendo harto, ¿en qué porcentaje va a aumentar su población entre 2017 y 2035 según el INE?"],
     "change", "CHL.POPULATION.PROJ", ["CL-13301"], (2017, 2035)),
    (["¿En cuántos puntos porcentuales bajó la pobreza extrema en Chile entre 2000 y 2022? la línea de 3 dólares al "
      "día del Banco Mundial"], "change", "SI.POV.DDAY", ["CHL"], (2000, 2022)),  # the line's dollars are no currency
    (["Peru inflation 2022, consumer prices annual %, World Bank", "and Bolivia?",
      "which of the two had higher inflation in 2023?"], "value", "FP.CPI.TOTL.ZG", ["PER", "BOL"], (2023, 2023)),
    (["población proyectada por el INE para la Región de Atacama en 2025", "y para 2035?",
      "¿en cuántas personas aumenta entre esos años?"], "change", "CHL.POPULATION.PROJ", ["CL-03"], (2025, 2035)),
    (["¿Cuál era el país más densamente poblado de Sudamérica en 2023?", "¿y en qué lugar queda Chile?"], "position",
     "EN.POP.DNST", ["CHL"], (2023, 2023)),  # in the group just ranked, not the world
    (["How much did access to electricity improve in Peru from 2000 to 2023, in percentage points of the population?"],
     "change", "EG.ELC.ACCS.ZS", ["PER"], (2000, 2023)),
    (["¿Cuál fue el último año en que la mortalidad infantil en Chile fue mayor a 10 por cada mil nacidos vivos?"],
     "first_meeting", "SP.DYN.IMRT.IN", ["CHL"], (None, None)),
    (["oye, ¿cuántas veces más rico es un chileno que un boliviano? me refiero al PIB per cápita en dólares corrientes "
      "de 2024"], "ratio", "NY.GDP.PCAP.CD", ["CHL", "BOL"], (2024, 2024)),  # "me refiero" says what is asked again
    (["esperanza de vida de Chile 2020", "¿en qué lugar queda en Sudamérica?"], "position", "SP.DYN.LE00.IN",
     ["CHL"], (2020, 2020)),  # the last answer's place, ranked in the group named
    (["¿Qué población proyecta el INE para la región de Antofagasta en 2030?", "¿y para Calama?",
      "¿qué parte de la región representa eso?"], "share", "CHL.POPULATION.PROJ", ["CL-02201", "CL-02"], (2030, 2030)),
    (["población de la región de Antofagasta en 2030 según el INE", "¿qué porcentaje del país es eso?"], "share",
     "CHL.POPULATION.PROJ", ["CL-02", "CHL"], (2030, 2030)),  # the projections' share, computed: never the census'
    (["¿Cuánta gente vivía en Puente Alto según el Censo 2024?", "¿y los de 65 años o más ahí?",
      "¿qué porcentaje de la comuna es eso?"], "value", "CHL.CENSUS2024.POP_65_PLUS.SHARE", ["CL-13201"],
     (2024, 2024)),  # the same people's share
    (["¿Cuántos hijos por mujer tiene Chile hoy? Tasa de fecundidad de 2024 según el Banco Mundial."], "value",
     "SP.DYN.TFRT.IN", ["CHL"], (2024, 2024)),  # the year named, beside "hoy"
    (["cuanto valia la UF el 1 de enero del 2024?", "¿y el año anterior, mismo día?",
      "¿eso cuánto es en porcentaje de alza?"], "change", "CHL.UF", ["CHL"], (2023, 2024)),  # never another series' rise
    (["¿cuánto más baja era la tasa de fecundidad de Chile que la de Argentina en 2022?"], "difference",
     "SP.DYN.TFRT.IN", ["ARG", "CHL"], (2022, 2022)),  # "how much lower": the larger first, so the gap is positive
    (["cuanto era la inflacion en chile en marzo del 2020, al principio de la pandemia"], "value",
     "CHL.CPI.INFLATION_12M", ["CHL"], (2020, 2020)),  # "principio" is when, never a kind of inflation
    (["Biobío regional GDP in the fourth quarter of 2024", "and Q4 2023?", "so how much did it grow in percent?"],
     "change", "CHL.GDP.REGIONAL", ["CL-08"], (2023, 2024)),  # between the two answers, never a national growth series
    (["¿cuánto creció el PIB per cápita de Argentina en 2021? en %"], "value", "NY.GDP.PCAP.KD.ZG", ["ARG"],
     (2021, 2021)),  # "en %" is the growth rate's unit, never a share measure in place of per capita
    (["cuantos viejitos de 65 o mas hay en chillan segun el censo 2024", "y eso q porcentaje es de toda la gente de "
      "chillan"], "value", "CHL.CENSUS2024.POP_65_PLUS.SHARE", ["CL-16101"], (2024, 2024)),  # "q": chat shorthand
    (["chile inflation march 2025, 12 month", "and a year before, march 2024?"], "value", "CHL.CPI.INFLATION_12M",
     ["CHL"], (2024, 2024)),  # "before" says when, never what
    (["desempleo de Chile antes de 2000"], "series", "SL.UEM.TOTL.ZS", ["CHL"], (None, 1999)),  # never 2000 itself
    (["unemployment in Chile according to the World Bank after 2015"], "series", "SL.UEM.TOTL.ZS", ["CHL"], (2016, None)),
    (["PIB total de Perú en 2022 en dólares corrientes (el total, no per cápita)"], "value", "NY.GDP.MKTP.CD", ["PER"],
     (2022, 2022)),  # what is set aside in a parenthesis
    (["What's the most recent Gini index the World Bank has for Chile, and for which year?"], "latest", "SI.POV.GINI",
     ["CHL"], (None, None)),  # the latest value's year, which its answer gives: no highest year
    (["poblacion de chile segun el censo 2024 menos la proyeccion del INE para 2024, ¿cuanto da?"], "difference",
     "CHL.CENSUS2024.POP", ["CHL"], (2024, 2024)),
    (["seasonally adjusted Imacec for April 2025", "and how much did it change from March, in percent?"], "change",
     "CHL.IMACEC.SA", ["CHL"], (2025, 2025)),
    (["en que mes del 2022 la inflacion anual toco techo?"], "which_period", "CHL.CPI.INFLATION_12M", ["CHL"],
     (2022, 2022)),
    (["tasa de homicidios en Colombia 2022", "¿cómo se compara con América Latina y el Caribe en su conjunto?"], "value",
     "VC.IHR.PSRC.P5", ["COL", "LCN"], (2022, 2022)),  # the published aggregate
    (["Population of the Santiago Metropolitan Region excluding the comuna of Santiago itself, 2024 census"],
     "difference", "CHL.CENSUS2024.POP", ["CL-13", "CL-13101"], (2024, 2024)),  # the whole less its part
    (["poblacion de chile sin la region metropolitana en 2024 segun el censo"], "difference", "CHL.CENSUS2024.POP",
     ["CHL", "CL-13"], (2024, 2024)),  # never both figures, unsubtracted
    (["What percentage of the Valparaíso region's population lives in the comuna of Viña del Mar, 2024 census?"],
     "share", "CHL.CENSUS2024.POP", ["CL-05109", "CL-05"], (2024, 2024)),  # "del Mar, 2024" is no March
    (["How much was the UF worth in January 2020?", "and in January 2025?", "what's that as a percent increase?"],
     "change", "CHL.UF", ["CHL"], (2020, 2025)),  # between the two answers
    (["In which year since 2010 did Brazil's economy shrink the most?"], "which_period", "NY.GDP.MKTP.KD.ZG", ["BRA"],
     (2010, None)),  # a shrinking economy's lowest growth rate
    (["By how many years did life expectancy at birth in Peru change between 2019 and 2021?"], "change",
     "SP.DYN.LE00.IN", ["PER"], (2019, 2021)),  # a change in years, no years counted
    (["2024 census: how many more women than men were counted in Chile?"], "difference", "CHL.CENSUS2024.WOMEN",
     ["CHL"], (2024, 2024)),  # never the sex ratio, which names both and is neither
    (["Punta Arenas: what share of the Magallanes region's women live there, per the 2024 census?"], "share",
     "CHL.CENSUS2024.WOMEN", ["CL-12101", "CL-12"], (2024, 2024)),  # of the region's women, never women's share
    (["What's the gap between women's and men's life expectancy at birth in Chile in 2024?",
      "And for Latin America & Caribbean as a whole?"], "difference", "SP.DYN.LE00.FE.IN", ["LCN"], (2024, 2024)),
    (["When did women's labour force participation in Chile first go above 50%?",
      "and in which year after that did it fall back below 50?"], "first_meeting", "SL.TLF.CACT.FE.ZS", ["CHL"],
     (2014, None)),  # from the year found on, never the whole series
    (["acceso a electricidad en Haití 2023", "¿Cuántos puntos ha ganado desde el 2000?"], "change", "EG.ELC.ACCS.ZS",
     ["HTI"], (2000, 2023)),  # a gain, never livestock
    (["What's Chile's latest 12-month CPI inflation?", "is that up or down from the month before?"], "change",
     "CHL.CPI.INFLATION_12M", ["CHL"], (2026, 2026)),
    (["Inflación promedio anual de Brasil entre 2015 y 2024, promedio simple de las tasas anuales de IPC del Banco "
      "Mundial, por favor.", "¿Qué año de ese período tuvo la inflación más baja?"], "which_period", "FP.CPI.TOTL.ZG",
     ["BRA"], (2015, 2024)),
    (["Entre 1990 y 2024, ¿cuál fue el año de mayor contracción del PIB de México?", "¿Y Colombia, solo entre 1990 y "
      "2019?"], "which_period", "NY.GDP.MKTP.KD.ZG", ["COL"], (1990, 2019)),  # its growth's lowest year, never
    # construction's
    (["Total de población censada en La Araucanía en 2024 (sumando todas sus comunas)",
      "y cuanto proyecta el INE para la región en 2030?"], "aggregate", "CHL.POPULATION.PROJ", [], (2030, 2030)),
    (["How much CO2 did China put out in 2014, and how big is the increase vs 1990 in percent?",
      "and the US over the same stretch?"], "change", "EN.ATM.CO2E.KT", ["USA"], (1990, 2014)),
    (["How many South American countries (UN definition) generated more than 75% of their electricity from renewables "
      "in 2021?", "Which of those was the lowest, and at what share?"], "count", "EG.ELC.RNEW.ZS", [], (2021, 2021)),
    (["cuanta fue la inflacion de diciembre 2024 a diciembre 2025 segun el IPC?", "y el año anterior, dic 2023 a dic "
      "2024?"], "value", "CHL.CPI.INFLATION_12M", ["CHL"], (2024, 2024)),  # the dates restate the shift; the rate's own
    # 12 months, never its change
    (["Necesito el % de personas de 65 años y más en la región de Ñuble, censo 2024",
      "¿Cómo se compara con el total nacional?"], "value", "CHL.CENSUS2024.POP_65_PLUS.SHARE", ["CL-16", "CHL"],
     (2024, 2024)),
    (["A congressman claimed Chile's population grew by over a million people between 2017 and 2024, using World Bank "
      "data. How big was the increase?", "and in percent terms?"], "change", "SP.POP.TOTL", ["CHL"], (2017, 2024)),
    (["how many ppl r there in the world rn", "and in 2000?", "so how much did it grow, in %?"], "change",
     "SP.POP.TOTL", ["WLD"], (2000, 2025)),  # between the two answers, never 2000's growth rate
    (["Who were the five biggest CO2 emitters in 2014 (total emissions, not per capita)?"], "rank", "EN.ATM.CO2E.KT",
     [], (2014, 2014)),  # countries, named by what they do: never Chile's emissions
    (["Índice de Costos Laborales: variación 12 meses a abril de 2026"], "value", "CHL.LABOUR_COST.GROWTH_12M", ["CHL"],
     (2026, 2026)),  # its 12-month change in April, from April a year before, never March
    (["Which month of 2025 had the highest seasonally adjusted Imacec?", "what was the index level then?"], "value",
     "CHL.IMACEC.SA", ["CHL"], (2025, 2025)),  # "index" rewords the Imacec, never the wage index
    (["Me das la serie del gasto militar (% del PIB) del agregado Miembros OCDE del Banco Mundial"], "series",
     "MS.MIL.XPND.GD.ZS", ["OED"], (None, None)),  # "del Banco Mundial" is a source, no name going on
    (["la uf de enero, febrero y marzo 2026", "o sea en febrero bajo?? en cuanto"], "change", "CHL.UF", ["CHL"],
     (2026, 2026)),  # February against January, of the year answered
    (["¿cuánto subió la UF en enero de 2026?"], "change", "CHL.UF", ["CHL"], (2025, 2026)),  # no rate published: the
    # change on the month before
    (["how much have prices gone up in chile so far in 2026? (cpi, dec to latest month)"], "value",
     "CHL.CPI.INFLATION_YTD", ["CHL"], (2026, 2026)),  # the year's cumulative rate, never a change of it
    (["¿cuánto han subido los precios en lo que va de 2026?"], "value", "CHL.CPI.INFLATION_YTD", ["CHL"],
     (2026, 2026)),  # never the 12-month rate of a year not over
    (["desempleo chile", "y hace 12 meses como estaba", "y cuanta gente tiene trabajo ahora en chile"], "latest",
     "CHL.EMPLOYMENT", ["CHL"], (None, None)),  # "trabajo" names another measure; "ahora", the newest
    (["es verdad que en la comuna de Santiago hay mas hombres que mujeres? dame las cifras del censo 2024"],
     "difference", "CHL.CENSUS2024.MEN", ["CL-13101"], (2024, 2024)),  # a yes-or-no the difference settles, never a
    # ranking of comunas; "la comuna de Santiago" names its own place
    (["¿es cierto que Chile quedó primero en esperanza de vida en Sudamérica en 2022?"], "position", "SP.DYN.LE00.IN",
     ["CHL"], (2022, 2022)),  # its place in the group named
    (["Puente Alto vs La Florida population in the 2024 census, what is the difference?",
      "and according to the INE projections for that same year?"], "difference", "CHL.POPULATION.PROJ",
     ["CL-13201", "CL-13110"], (2024, 2024)),  # the projections' difference, never the census one again
    (["y cual fue el trimestre movil con el desempleo mas alto desde 2010?",
      "y en españa cuanto fue el desempleo ese año segun el banco mundial"], "value", "SL.UEM.TOTL.ZS", ["ESP"],
     (2020, 2020)),  # the year of the month found, never the first year searched
    (["población de Vitacura según el censo 2024", "y su pobreza multidimensional?"], "latest",
     "CHL.POVERTY.MULTIDIMENSIONAL", ["CL-13132"], (None, None)),  # the census's year is no year of the poverty
    (["precio del cobre el 15 de marzo de 2024", "¿y un año antes, el 15 de marzo de 2023?",
      "¿cuánto subió o bajó en porcentaje?"], "change", "CHL.COPPER.PRICE", ["CHL"], (2023, 2024)),  # day to day
    (["cuanto fue la inflacion en 12 meses en chile a marzo de 2023?", "¿y un año antes?",
      "¿cuál de los dos fue mayor?"], "change", "CHL.CPI.INFLATION_12M", ["CHL"], (2022, 2023)),  # of the two answers
    (["¿En qué puesto queda Chile en PIB per cápita 2024 frente a Argentina, Perú, Bolivia y Uruguay?"], "position",
     "NY.GDP.PCAP.CD", ["CHL"], (2024, 2024)),  # among the places listed, never the world
    (["where does Peru rank among Chile, Colombia and Ecuador in life expectancy 2022?"], "position",
     "SP.DYN.LE00.IN", ["PER"], (2022, 2022)),  # Chile listed is no group of regions
    (["Chile's real GDP in 2022, adding up the four quarters"], "aggregate", "CHL.GDP.VOLUME", ["CHL"], (2022, 2022)),
    (["Antofagasta region, 2024 census: men minus women, how big is the gap?"], "difference", "CHL.CENSUS2024.MEN",
     ["CL-02"], (2024, 2024)),  # a difference said twice
    (["¿cuánto creció la economía chilena el último año que tengas según el Banco Mundial?"], "latest",
     "NY.GDP.MKTP.KD.ZG", ["CHL"], (None, None)),  # the publisher asked, never the Central Bank's Imacec
    (["¿cuánto bajó la inflación anual (12 meses) de Chile entre diciembre de 2022 y diciembre de 2023?"], "change",
     "CHL.CPI.INFLATION_12M", ["CHL"], (2022, 2023)),  # the rate's fall, never the price index's rise
    (["how many points apart were male and female labor force participation in chile in 2023?"], "difference",
     "SL.TLF.CACT.MA.ZS", ["CHL"], (2023, 2023)),
    (["copper price on March 14, 2024?", "and on the same day in 2023?"], "value", "CHL.COPPER.PRICE", ["CHL"],
     (2023, 2023)),  # that day, a year before
    (["copper price on March 14, 2024?", "¿cuál fue el día más caro de 2024?"], "which_period", "CHL.COPPER.PRICE",
     ["CHL"], (2024, 2024)),  # "día" asks which period, never a poverty line "per day"
    (["copper price on 14 March 2023", "and on 14 March 2024?", "how much did it change in % from 2023 to 2024?"],
     "change", "CHL.COPPER.PRICE", ["CHL"], (2023, 2024)),  # between the two days, never the yearly means
    (["INE projected population of the Biobío region in 2030", "and Ñuble?",
      "which of the two is bigger, and by how many people?"], "difference", "CHL.POPULATION.PROJ", ["CL-08", "CL-16"],
     (2030, 2030)),
    (["inflacion anual en chile a septiembre 2023?", "y la pintana q tasa de pobreza por ingresos tiene"], "latest",
     "CHL.POVERTY.INCOME", ["CL-13112"], (None, None)),  # September is the inflation's, never asked of a yearly rate
    (["mexico gdp per capita growth 2022 (annual %)"], "value", "NY.GDP.PCAP.KD.ZG", ["MEX"], (2022, 2022)),  # the
    # rate's unit, never a share in place of per capita
    (["PIB total de Brasil en 2021 en dólares corrientes, no per cápita"], "value", "NY.GDP.MKTP.CD", ["BRA"],
     (2021, 2021)),  # what is set aside at the end of the question
    (["unemployment in Mexico 2023", "and for young women?"], "value", "SL.UEM.1524.FE.ZS", ["MEX"], (2023, 2023)),
    (["cuantas personas de 65 años o mas viven en la region de Ñuble segun el censo 2024?",
      "¿y eso cuánto es en porcentaje de la población de la región?"], "value", "CHL.CENSUS2024.POP_65_PLUS.SHARE",
     ["CL-16"], (2024, 2024)),  # the same people's share, never the region's share of Chile
    (["inflacion de argentina 2023", "cuantas veces mas alta fue q la de chile?"], "ratio", "FP.CPI.TOTL.ZG",
     ["ARG", "CHL"], (2023, 2023)),  # "q": than, chat shorthand
    (["how many ppl live in Valparaiso city (the comuna) per the 2024 census",
      "is that a lot? what % of the whole Valparaiso region's census population is that"], "share",
     "CHL.CENSUS2024.POP", ["CL-05101", "CL-05"], (2024, 2024)),  # the last answer as a part of the whole named
    (["Which region of the world (World Bank regions) had the highest under-five mortality rate in 2022?"], "rank",
     "SH.DYN.MORT", [], (2022, 2022)),  # the regions, never the world's countries
    (["¿cuál es el promedio simple de la esperanza de vida de los 12 países independientes de Sudamérica en 2023?"],
     "aggregate", "SP.DYN.LE00.IN", [], (2023, 2023)),  # South America's, never every sovereign country's
    (["promedio del crecimiento del PIB mundial entre 2015 y 2019"], "aggregate", "NY.GDP.MKTP.KD.ZG", ["WLD"],
     (2015, 2019)),  # the published aggregate's mean over the years
    (["el desempleo de chile el 2025 segun el banco mundial es harto o poco al lado del promedio de la ocde?"],
     "value", "SL.UEM.TOTL.ZS", ["CHL", "OED"], (2025, 2025)),  # beside the published average, never their mean
    (["how many comunas in the Aysén region had fewer than 5,000 residents in the 2024 census"], "count",
     "CHL.CENSUS2024.POP", [], (2024, 2024)),
    (["What was Biobío's population in the 2024 census?",
      "How many fewer people did the census count than INE's projection for that same year?"], "difference",
     "CHL.POPULATION.PROJ", ["CL-08"], (2024, 2024)),  # "fewer": the larger first, as named
    (["What was the combined Population, total of Argentina, Chile, Paraguay and Uruguay in 2024? Just add the four "
      "countries up."], "aggregate", "SP.POP.TOTL", ["ARG", "CHL", "PRY", "URY"], (2024, 2024)),  # Chile holds none
    (["How many people did the 2024 census count in the Antofagasta region as a whole (all its comunas, not only the "
      "city)?"], "value", "CHL.CENSUS2024.POP", ["CL-02"], (2024, 2024)),  # the whole, never its comunas ranked
    (["Per the INE projections, what was the 2023 population of Biobío province, not the Biobío region?"], "value",
     "CHL.POPULATION.PROJ", ["CL-083"], (2023, 2023)),  # the level said after the name
    (["¿cuándo superó Chile los 19 millones de habitantes?"], "first_meeting", "CHL.POPULATION.PROJ", ["CHL"],
     (None, None)),  # a series of many years, never the one census count
    (["According to the World Bank, in what year did India's population first go over one billion?"],
     "first_meeting", "SP.POP.TOTL", ["IND"], (None, None)),
    (["For Chile in 2022, what do you get if you subtract imports of goods and services (% of GDP) from exports of "
      "goods and services (% of GDP)?"], "difference", "NE.EXP.GNFS.ZS", ["CHL"], (2022, 2022)),
    (["PIB per cápita de la OCDE en 2022"], "value", "NY.GDP.PCAP.CD", ["OED"], (2022, 2022)),  # the published aggregate
    (["Among OECD members, which three had the highest GDP per capita in current US dollars in 2024?"], "rank",
     "NY.GDP.PCAP.CD", [], (2024, 2024)),  # the members ranked
    (["¿y considerando solo dic 2023 a dic 2024 el IPC?"], "change", "CHL.CPI", ["CHL"], (2023, 2024)),
    (["Un senador dijo en la radio que el desempleo ya pasa el 10%. ¿Cuál es la tasa de desempleo más reciente del Banco "
      "Central?"], "latest", "CHL.UNEMPLOYMENT.RATE", ["CHL"], (None, None)),  # a claim before the question sets no threshold
    (["poblacion de la region 5 en 2020"], "value", "CHL.POPULATION.PROJ", ["CL-05"], (2020, 2020)),  # by its number
    (["la 2da región más poblada de Chile en 2020"], "rank", "CHL.POPULATION.PROJ", [], (2020, 2020)),  # no Segunda Región
    (["Between Peru and Colombia, whose population grew faster in percentage terms from 2010 to 2024?"], "change",
     "SP.POP.TOTL", ["PER", "COL"], (2010, 2024)),
    (["Según el Censo 2024, ¿qué porcentaje de las viviendas censadas en Pucón eran viviendas particulares desocupadas?"],
     "value", "CHL.CENSUS2024.DWELLINGS.VACANT.SHARE", ["CL-09115"], (2024, 2024)),
    (["How many EU member states had negative GDP growth in 2023?"], "count", "NY.GDP.MKTP.KD.ZG", [], (2023, 2023)),
    (["Since 2010, how many rolling quarters had an unemployment rate of 10% or more?"], "period_count",
     "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2010, None)),
    (["What was the average of Chile's real wage index over the 12 months of 2025?"], "value", "CHL.WAGES.REAL_INDEX",
     ["CHL"], (2025, 2025)),  # "over the 12 months" counts months, no threshold
    (["cuanto subio el IPC en los 12 meses hasta junio de 2026"], "value", "CHL.CPI.INFLATION_12M", ["CHL"],
     (2026, 2026)),  # the 12-month rise, never the month's own
    (["suma de la poblacion censada el 2024 en viña del mar, valparaiso y quilpue (las tres comunas)"], "aggregate",
     "CHL.CENSUS2024.POP", ["CL-05109", "CL-05101", "CL-05801"], (2024, 2024)),  # a list, never "Viña del Mar, in Valparaíso"
    (["población de la provincia de Santiago en 2030", "¿y para la comuna de Santiago sola?"], "value",
     "CHL.POPULATION.PROJ", ["CL-13101"], (2030, 2030)),  # the level said wins over the one just answered
    (["población de Valparaíso en 2021 según el INE, la comuna",
      "ah no, perdona, lo que necesito es la región entera, no solo la comuna"], "value", "CHL.POPULATION.PROJ",
     ["CL-05"], (2021, 2021)),
    (["In the 2024 census, which comuna had more people, Antofagasta or Viña del Mar, and by how many?"], "difference",
     "CHL.CENSUS2024.POP", ["CL-02101", "CL-05109"], (2024, 2024)),
    (["desempleo OIT modelado [%] CHL PER COL 2019"], "value", "SL.UEM.TOTL.ZS", ["CHL", "PER", "COL"], (2019, 2019)),
    (["BRA CPI inflation [% annual] avg 2015-2019"], "aggregate", "FP.CPI.TOTL.ZG", ["BRA"], (2015, 2019)),  # ISO3 codes
    (["Imacec seasonally adj. [2018=100] latest print"], "latest", "CHL.IMACEC.SA", ["CHL"], (None, None)),
    (["PIB de Chile a precios corrientes en el primer trimestre de 2025",
      "¿y en volumen a precios del año anterior encadenado, ese mismo trimestre?"], "value", "CHL.GDP.VOLUME", ["CHL"],
     (2025, 2025)),  # "a precios del año anterior" names the measure, never a year before
    (["Now Chile as a whole: in which year did World Bank life expectancy at birth first go above 80?",
      "And Peru's life expectancy in that year?"], "value", "SP.DYN.LE00.IN", ["PER"], (2015, 2015)),  # the year found
    (["pobreza por ingresos de Puente Alto y La Pintana", "cual de las 2 tiene mas pobreza x ingresos"], "latest",
     "CHL.POVERTY.INCOME", ["CL-13201", "CL-13112"], (None, None)),
    (["PIB regional del Biobío entre el cuarto trimestre de 2023 y el cuarto trimestre de 2024",
      "¿y el PIB del país completo en esa misma serie y mismo período?"], "change", "CHL.GDP.VOLUME", ["CHL"],
     (2023, 2024)),  # the whole country, the same change
    (["In what year did the urban share of Chile's population first go above 85%, and what was it that year?"],
     "first_meeting", "SP.URB.TOTL.IN.ZS", ["CHL"], (None, None)),
    # a story before the question is its context, whatever its words; the question's own measure is asked
    (["Tengo un arriendo que se reajusta por IPC y el dueño me mandó un mensaje diciendo que la inflación anda alta "
      "otra vez. ¿Cuánto fue la inflación en 12 meses a junio de 2026?"], "value", "CHL.CPI.INFLATION_12M", ["CHL"],
     (2026, 2026)),
    (["Vivo en Maipu hace como 20 años y siento que cada vez hay mas gente. ¿Cuánta gente censaron en Maipú en el "
      "censo 2024?"], "value", "CHL.CENSUS2024.POP", ["CL-13119"], (2024, 2024)),  # "siento" is no misspelt "ciento"
    (["Soy profe en un liceo de Puente Alto y en la radio dijeron que el desempleo se disparó. ¿Cuánto fue la tasa "
      "de desempleo en el trimestre marzo-mayo 2026?"], "value", "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2026, 2026)),
    # the context's comuna has no such series: the country's
    (["A friend keeps saying only tiny tax havens have a GDP per head above 50 grand. How many countries had GDP per "
      "capita above US$50,000 in 2024?"], "count", "NY.GDP.PCAP.CD", [], (2024, 2024)),  # the question's condition
    (["cual es la comuna con mas poblacion proyectada para el 2030 en la region de antofagasta", "¿y en la Araucanía?",
      "dame las cinco más grandes de esa región, ordenadas"], "rank", "CHL.POPULATION.PROJ", [], (2030, 2030)),
    (["Which countries in Oceania have the highest share of people living in cities?",
      "How does Australia compare with the world average?"], "latest", "SP.URB.TOTL.IN.ZS", ["AUS", "WLD"],
     (None, None)),  # beside the World Bank's world figure, never Australia's mean over the years
    (["latest unemployment rate in Chile", "is it higher or lower than a year ago?"], "change",
     "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2025, 2026)),  # from a year before the last answer
    (["bueno, ¿y cuál es el último dato de desempleo en Chile?", "¿está más alto o más bajo que hace un año?"],
     "change", "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2025, 2026)),  # never the lowest month of the series
    (["población de Valparaíso 2024 según el censo", "¿y cuánto representa del total del país?"], "value",
     "CHL.CENSUS2024.POP.SHARE", ["CL-05"], (2024, 2024)),
    (["which year since 2000 had the lowest GDP growth worldwide?"], "which_period", "NY.GDP.MKTP.KD.ZG", ["WLD"],
     (2000, None)),  # "worldwide" is the world
    (["cuanta gente vive en santiago", "la comuna, segun el censo 2024"], "value", "CHL.CENSUS2024.POP",
     ["CL-13101"], (2024, 2024)),  # the comuna just answered, never the country
    (["q porcentaje de la gente en viña del mar tiene 65 o mas? censo 2024", "y a nivel pais cuanto es"], "value",
     "CHL.CENSUS2024.POP_65_PLUS.SHARE", ["CHL"], (2024, 2024)),
    (["How many South American countries had double-digit inflation in 2024?", "which ones, and what were the rates?"],
     "count", "FP.CPI.TOTL.ZG", [], (2024, 2024)),  # the rates of those counted, never another series' "rate"
    (["cuanto fue la inflacion el año pasado? de diciembre a diciembre", "cuanto han subido los precios en total desde "
      "diciembre 2019 hasta el ultimo dato"], "change", "CHL.CPI", ["CHL"], (2019, 2026)),  # "en total": no sum
    (["a cuanto estaba la uf en enero de este año", "y cuanto ha subido de ahi hasta julio? en %"], "change",
     "CHL.UF", ["CHL"], (2026, 2026)),  # from the month answered to July of its year
    (["y el precio del litio el año pasado?", "ya y la utm de agosto 2026"], "value", "CHL.UTM", ["CHL"],
     (2026, 2026)),  # after a question not answered, a measure only Chile has needs no place
    (["¿cuánto creció el PIB real en el primer trimestre de 2026 comparado con el mismo trimestre del año anterior?",
      "y el trimestre anterior a ese, contra el mismo trimestre del año previo?", "¿y en todo 2025?"], "change",
     "CHL.GDP.VOLUME", ["CHL"], (2024, 2025)),  # the whole year against the one before
    (["cuanto subio la plata q gana la gente en el ultimo año? nominal, a mayo 2026", "y descontando la inflacion?"],
     "value", "CHL.WAGES.REAL_GROWTH_12M", ["CHL"], (2026, 2026)),  # what is earned: wages; "inflación" no topic
    (["cuántos hogares hay en la región de antofa según el censo"], "latest", "CHL.CENSUS2024.HOUSEHOLDS", ["CL-02"],
     (None, None)),
    (["How much did Chile's unemployment rate change between March 2020 and March 2021? Pandemic year, I'm writing "
      "a piece on it"], "change", "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2020, 2021)),  # a sentence after the question
    (["What was Chile's average GDP growth in the 1990s? People call it the golden decade"], "aggregate",
     "NY.GDP.MKTP.KD.ZG", ["CHL"], (1990, 1999)),
    (["how many Northern European countries had at least 40% women in parliament last year?", "top 3?",
      "and ten years before that, how many were at 40% or more?"], "count", "SG.GEN.PARL.ZS", [], (2015, 2015)),
    (["How many countries in Eastern Europe had fewer than 1.5 births per woman in 2023?",
      "and in 2013, how many under 1.5?"], "count", "SP.DYN.TFRT.IN", [], (2013, 2013)),  # "under 1" is no age here
    (["How many people will live in Chile in 2035 according to the INE projections?", "and in the Santiago "
      "metropolitan region?", "how much is that up from 2025?"], "change", "CHL.POPULATION.PROJ", ["CL-13"],
     (2025, 2035)),
    (["fixed broadband subscriptions per 100 people, South Korea vs France in 2023",
      "which of the two added more subscriptions per 100 since 2013?"], "change", "IT.NET.BBND.P2", ["KOR", "FRA"],
     (2013, 2024)),  # each one's change, never their series
    (["Cuánto fue la inflación del 2024? o sea el IPC de diciembre 2024 contra diciembre 2023",
      "y la del 2022? esa fue harto más alta cachai"], "value", "CHL.CPI.INFLATION_12M", ["CHL"], (2022, 2022)),
    # a remark after a follow-up asks nothing: never the year's highest month
    (["cual es la comuna con la pobreza por ingresos mas alta de chile?",
      "y la pobreza multidimensional de esa misma comuna?"], "latest", "CHL.POVERTY.MULTIDIMENSIONAL", ["CL-09116"],
     (None, None)),  # "esa misma comuna": the one ranked first, never a new ranking
    (["en qué mes el desempleo llegó a su punto más alto desde el 2010?",
      "y muéstrame los promedios anuales 2019, 2020 y 2021"], "series", "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2019, 2021)),
    (["en qué mes el desempleo llegó a su punto más alto desde el 2010?",
      "y muéstrame el promedio anual 2019, 2020 y 2021"], "series", "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2019, 2021)),
    (["y muéstrame el promedio anual 2019, 2020 y 2021 del desempleo"], "series", "CHL.UNEMPLOYMENT.RATE", ["CHL"],
     (2019, 2021)),  # years named one by one: each one's yearly mean, never one mean of them all
    (["promedio anual del desempleo entre 2019 y 2021"], "aggregate", "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2019, 2021)),
    (["que porcentaje de la poblacion de la region metropolitana vive en puente alto segun el censo 2024?",
      "¿y cuántos habitantes son en total en Puente Alto?"], "value", "CHL.CENSUS2024.POP", ["CL-13201"], (2024, 2024)),
    (["mortalidad infantil en peru el 2020?", "¿y el promedio de América Latina y el Caribe?",
      "¿cuánto bajó desde el 2000? en puntos, no en %"], "change", "SP.DYN.IMRT.IN", ["LCN"], (2000, 2020)),
    # "no en %" sets a way of saying it aside and names no measure
    (["Imacec SA: which month of 2025 was the high?", "Low?"], "which_period", "CHL.IMACEC.SA", ["CHL"], (2025, 2025)),
    # one end named alone is the other end of the last answer
    # the comuna's own total, never its sum with the region it was a share of
    (["¿Cuánta gente se censó en la comuna de Antofagasta en el Censo 2024?",
      "¿qué porcentaje es eso del total de la región?"], "share", "CHL.CENSUS2024.POP", ["CL-02101", "CL-02"],
     (2024, 2024)),  # the comuna's share of its region, never the region's own share of the country
    (["entre los paises de sudamerica, que lugar tiene chile en desempleo 2024 (del mas alto al mas bajo)?",
      "¿Cuántos de esos países tenían desempleo menor al 5%?"], "count", "SL.UEM.TOTL.ZS", [], (2024, 2024)),
    # of the whole group ranked, never only the members a long answer showed
    (["crecimiento del pib de chile 2020", "¿qué tan profunda fue la caída ese año?"], "value", "NY.GDP.MKTP.KD.ZG",
     ["CHL"], (2020, 2020)),  # the fall of a growth rate that year is that rate
    (["GDP per capita (current US$), 2024: top 3 in Western Europe (UN sub-region)", "Luxembourg vs France - ratio?"],
     "ratio", "NY.GDP.PCAP.CD", ["LUX", "FRA"], (2024, 2024)),  # "ratio" alone names no dependency ratio
    (["How far behind the world is Sub-Saharan Africa on electricity access in 2023?"], "difference",
     "EG.ELC.ACCS.ZS", ["SSF", "WLD"], (2023, 2023)),
    (["Según el Banco Mundial, ¿en qué porcentaje cambió el PIB per cápita de Chile entre 2019 y 2023?",
      "¿Y para el promedio de América Latina y el Caribe en esos mismos años?"], "change", "NY.GDP.PCAP.CD", ["LCN"],
     (2019, 2023)),  # the region's own change, never its average over those years
    (["tasa global de fecundidad de Chile 2020"], "value", "SP.DYN.TFRT.IN", ["CHL"], (2020, 2020)),  # no World
    (["Which country emitted more CO2 in total in 2010, Spain or Argentina? and how many times more?"], "ratio",
     "EN.ATM.CO2E.KT", ["ESP", "ARG"], (2010, 2010)),  # CO2 itself, never all greenhouse gases in CO2 equivalent
    (["Valor de la UF para julio 2026 en la serie mensual del BCCh?", "cuanto subió en 12 meses, en %?"], "change",
     "CHL.UF", ["CHL"], (2025, 2026)),  # no growth series: from that month a year before
    (["oye a cuánto estaba la UF en enero del 2020? el dato mensual del Central",
      "y en enero 2025? cuánto subió en porcentaje entre esas dos fechas"], "change", "CHL.UF", ["CHL"], (2020, 2025)),
    (["¿En qué año el PIB per cápita de Chile pasó por primera vez la barrera de los 10.000 dólares?"],
     "first_meeting", "NY.GDP.PCAP.CD", ["CHL"], (None, None)),
    (["Chile's GDP growth in 2021 vs the world: by how many percentage points did Chile outpace global growth?"],
     "difference", "NY.GDP.MKTP.KD.ZG", ["CHL", "WLD"], (2021, 2021)),
    (["crecimiento del pib de chile 2020", "and the rebound in 2021?"], "value", "NY.GDP.MKTP.KD.ZG", ["CHL"],
     (2021, 2021)),  # a rebound names no measure
    (["ok, entonces dame la inflación a 12 meses del último mes que tengas"], "latest", "CHL.CPI.INFLATION_12M",
     ["CHL"], (None, None)),  # the newest month held, never the month before today
    (["Entre 2002 y 2025, ¿en qué año registra Combarbalá su población proyectada más baja?"], "which_period",
     "CHL.POPULATION.PROJ", ["CL-04302"], (2002, 2025)),
    (["Che, tengo que ordenar de mayor a menor la esperanza de vida de 2022 de Argentina, Chile, México y España. "
      "Me pasás los datos?"], "value", "SP.DYN.LE00.IN", ["ARG", "CHL", "MEX", "ESP"], (2022, 2022)),
    (["¿Cuánto gastó el gobierno peruano en educación como % del PIB en 2024?"], "value", "SE.XPD.TOTL.GD.ZS", ["PER"],
     (2024, 2024)),  # the whole a share is said of decides, never the government's spending named before it
    (["Desde el 2000 para acá, ¿qué año tuvo el Perú la inflación (precios al consumidor) más alta?",
      "¿y la más baja en ese mismo periodo?"], "which_period", "FP.CPI.TOTL.ZG", ["PER"], (2000, None)),
    (["what's the world population right now? latest number pls", "and how fast is it growing, in % per year?"],
     "latest", "SP.POP.GROW", ["WLD"], (None, None)),  # its growth, never the economy's
    (["pib regional antofagasta 1er trim 2026"], "value", "CHL.GDP.REGIONAL", ["CL-02"], (2026, 2026)),
    (["¿Quién creció más en 2023, América Latina y el Caribe o los miembros de la OCDE?"], "value",
     "NY.GDP.MKTP.KD.ZG", ["LCN", "OED"], (2023, 2023)),  # two publishers' aggregates, never a plain mean of members
    (["What year did the world's urban population first exceed half of the total?"], "first_meeting",
     "SP.URB.TOTL.IN.ZS", ["WLD"], (None, None)),  # half of the total is a share over 50 %
    (["¿en qué año la población urbana del mundo superó la mitad del total?"], "first_meeting", "SP.URB.TOTL.IN.ZS",
     ["WLD"], (None, None)),
    (["población proyectada de la región de Antofagasta 2024", "¿y para todo el país?"], "value", "CHL.POPULATION.PROJ",
     ["CHL"], (2024, 2024)),  # the whole country, never the region again
    (["PIB regional de Valparaíso T3 2025", "¿y el PIB nacional en el mismo período?"], "value", "CHL.GDP.VOLUME",
     ["CHL"], (2025, 2025)),
    (["desempleo en chile 2020", "y muéstrame el promedio anual 2019, 2020 y 2021"], "series",
     "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2019, 2021)),  # "anual" says how it is averaged: never the CPI
    (["cuanto marco el desempleo en chile en 2020"], "value", "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2020, 2020)),
    (["gdp per capita chile and peru 2020", "and the ratio?"], "ratio", "NY.GDP.PCAP.CD", ["CHL", "PER"], (2020, 2020)),
    (["Segun las proyecciones de poblacion del INE, que porcentaje de los habitantes de Chile vivia en la Region "
      "Metropolitana en 2024?", "¿Y Puente Alto, qué peso tiene dentro de la RM ese mismo año?"], "share",
     "CHL.POPULATION.PROJ", ["CL-13201", "CL-13"], (2024, 2024)),  # the same projections, never the census
    (["quien tenia el PIB mas grande en 2024, mexico o españa? en dolares",
      "ah y por persona? cuantas veces mas tiene españa"], "ratio", "NY.GDP.PCAP.CD", ["ESP", "MEX"], (2024, 2024)),
    (["cuantas veces mas grande es la economia de españa que la de mexico en 2024"], "ratio", "NY.GDP.MKTP.CD",
     ["ESP", "MEX"], (2024, 2024)),  # an economy's size is its GDP
    (["Qué porcentaje de la población de la Región de Antofagasta vive en la comuna de Antofagasta, según la "
      "proyección del INE para 2024?", "¿y si uso el Censo 2024 en vez de la proyección?"], "share",
     "CHL.CENSUS2024.POP", ["CL-02101", "CL-02"], (2024, 2024)),
    (["¿Cuál fue la tasa de desempleo promedio del año 2025?", "Comparado con 2019, antes de la pandemia, ¿cuánto era "
      "el promedio?"], "change", "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2019, 2025)),  # each year's mean, never one mean
    (["gini de chile entre 2017 y 2024", "¿En qué año de la serie fue el más alto?"], "which_period", "SI.POV.GINI",
     ["CHL"], (None, None)),  # "de la serie": every year published, never the span asked before
    (["deuda del gobierno central de uruguay 2010-2019", "¿en qué año fue el más alto de todos los tiempos?"],
     "which_period", "GC.DOD.TOTL.GD.ZS", ["URY"], (None, None)),  # "tiempos" names no lead time
    (["pib de chile 2020", "¿y el último dato de la serie?"], "latest", "CHL.GDP.CURRENT", ["CHL"], (None, None)),
    (["¿En qué año tuvo Brasil la inflación más alta de toda la serie del Banco Mundial?", "¿Y de cuánto fue?"],
     "value", "FP.CPI.TOTL.ZG", ["BRA"], (1990, 1990)),  # the figure of the year answered
    (["che, ¿cuánto dio la inflación de Argentina en 2023 según los datos del Banco Mundial?", "y en 2024?",
      "¿Cuántos puntos porcentuales se aceleró de un año al otro?"], "change", "FP.CPI.TOTL.ZG", ["ARG"], (2023, 2024)),
    (["Which country in the Caribbean (UN subregion) had the lowest access to electricity in 2023?", "How does that "
      "compare with the World Bank's Latin America & Caribbean aggregate that same year?"], "value", "EG.ELC.ACCS.ZS",
     ["HTI", "LCN"], (2023, 2023)),  # the member ranked beside the aggregate, never the aggregate alone
    (["¿Cuánto varió el PIB en volumen en el primer trimestre de 2026 frente al mismo trimestre de 2025?",
      "y contra el trimestre anterior, con la serie desestacionalizada?"], "change", "CHL.GDP.VOLUME.SA", ["CHL"],
     (2025, 2026)),  # from the quarter before the later one, never the whole span moved back
    (["¿cuánto subió el IPC entre enero 2025 y enero 2026?", "¿y respecto al mes anterior?"], "value",
     "CHL.CPI.CHANGE_1M", ["CHL"], (2026, 2026)),  # January 2026's own rise, never a change of monthly rises
    (["Mortalidad en menores de 5 años en 2024: Africa Subsahariana vs Asia del Sur (regiones del Banco Mundial)"],
     "value", "SH.DYN.MORT", ["SAS", "SSF"], (2024, 2024)),  # the group in brackets says whose regions: no ranking
    (["exportaciones de alta tecnologia como % de las exportaciones manufactureras de Alemania en 2024",
      "cuantos puntos queda por debajo (o por encima) del agregado OCDE?"], "difference", "TX.VAL.TECH.MF.ZS",
     ["OED", "DEU"], (2024, 2024)),  # how far below: a difference, never the aggregate's figure alone
    (["Dame la inflación anual de Argentina año por año, de 2021 a 2024, que quiero hacer un gráfico. Mi cuñado "
      "argentino dice que en 2023 ya había bajado, no sé"], "series", "FP.CPI.TOTL.ZG", ["ARG"], (2021, 2024)),
    # a claim after the question asks nothing: never a change
    (["Quick question, which South American country had the largest share of people aged 65 and over in 2024? I'd "
      "guess Argentina"], "rank", "SP.POP.65UP.TO.ZS", [], (2024, 2024)),
    (["¿Qué comuna de La Araucanía tiene la tasa de pobreza por ingresos más alta según las estimaciones comunales "
      "2022? Yo pensaba que era Ercilla pero no estoy segura"], "rank", "CHL.POVERTY.INCOME", [], (2022, 2022)),
    (["¿Cuál es el último índice de Gini que tiene el Banco Mundial para Chile? creo que era como 50, pero igual "
      "confirma"], "latest", "SI.POV.GINI", ["CHL"], (None, None)),
    (["tasa de desempleo más reciente", "¿subió o bajó respecto al mes pasado?"], "change", "CHL.UNEMPLOYMENT.RATE",
     ["CHL"], (2026, 2026)),  # "el mes pasado" set against the newest month is the month before it
    (["Which month of 2025 had the biggest month-over-month CPI increase in Chile?", "how much was it?"], "value",
     "CHL.CPI.CHANGE_1M", ["CHL"], (2025, 2025)),  # the monthly rise, of the month answered
    (["imacec desestacionalizado mayo 2026", "and the annual change of the original series that month?"], "value",
     "CHL.IMACEC.GROWTH_12M", ["CHL"], (2026, 2026)),
    (["valor de la UTM en junio de 2026", "¿cuántos pesos subió desde junio del año pasado?"], "change", "CHL.UTM",
     ["CHL"], (2025, 2026)),  # "desde" after a month answered runs to that month, never past it
    (["promedio del Imacec (serie original) en 2025", "¿y cuánto creció ese promedio respecto del promedio de 2024? en "
      "porcentaje"], "change", "CHL.IMACEC", ["CHL"], (2024, 2025)),  # the two years' means, never a growth series
    (["desempleo en Ñuble", "Ya, entonces dame la tasa de desocupación nacional más reciente que tengas"], "latest",
     "CHL.UNEMPLOYMENT.RATE", ["CHL"], (None, None)),
    (["Leí que en Chile la fecundidad está muy por debajo del nivel de reemplazo. ¿Cuál es la tasa global de "
      "fecundidad más reciente y cómo se compara con América Latina y el Caribe?"], "latest", "SP.DYN.TFRT.IN",
     ["CHL", "LCN"], (None, None)),  # compared with the place of the sentence before, never the region alone
    (["Is Chile's GDP per capita more than four times Bolivia's? 2025 numbers."], "ratio", "NY.GDP.PCAP.CD",
     ["CHL", "BOL"], (2025, 2025)),  # the ratio that settles the claim, never the two values alone
    (["el promedio anual 2023 de la tasa de desempleo de Chile, la del INE", "y el número del Banco Mundial "
      "(estimación OIT) para Chile 2023 cuál es?"], "value", "SL.UEM.TOTL.ZS", ["CHL"], (2023, 2023)),
    # the same measure by another publisher, never a population "estimate"
    (["La mortalidad materna de Chad en 2023, ¿cuántas veces es la del mundo?"], "ratio", "SH.STA.MMRT", ["TCD", "WLD"],
     (2023, 2023)),  # the place said first, in times the one after "es la de"
    (["el desempleo de Chile en 2022 fue mayor que el del mundo?"], "value", "SL.UEM.TOTL.ZS", ["CHL", "WLD"],
     (2022, 2022)),  # the two side by side, never Chile's highest month
    (["¿En qué año el PIB per cápita de Chile superó por primera vez los 10 mil dólares (US$ corrientes)? Mi profe "
      "dijo que fue recién en 2011 pero creo que fue antes"], "first_meeting", "NY.GDP.PCAP.CD", ["CHL"], (None, None)),
    (["which South American country came last in life expectancy in 2023?"], "rank", "SP.DYN.LE00.IN", [],
     (2023, 2023)),
    (["crecimiento promedio del PIB real de Argentina entre 2010 y 2019", "and Brazil 2000-2009?"], "aggregate",
     "NY.GDP.MKTP.KD.ZG", ["BRA"], (2000, 2009)),  # another place and span: the same average, never a series
    (["crecimiento promedio del PIB real de Argentina entre 2010 y 2019", "¿Y Brasil en esa misma década?",
      "Volvamos a Argentina: fijate cuánto da el promedio 2000-2009"], "aggregate", "NY.GDP.MKTP.KD.ZG", ["ARG"],
     (2000, 2009)),
    (["In 2022, how many countries in the UN's Sub-Saharan Africa subregion had less than 40% of their population "
      "with access to electricity?", "And what was the World Bank's Sub-Saharan Africa aggregate figure that year?"],
     "value", "EG.ELC.ACCS.ZS", ["SSF"], (2022, 2022)),  # "aggregate": the publisher's figure, never a count again
    (["población de Antofagasta censo 2024", "q porcentaje es del total de las regiones"],
     "value", "CHL.CENSUS2024.POP.SHARE", ["CL-02"], (2024, 2024)),  # its share of the whole, never a ranking
    (["población de Antofagasta censo 2024", "qué porcentaje es del total nacional"],
     "value", "CHL.CENSUS2024.POP.SHARE", ["CL-02"], (2024, 2024)),  # "nacional" says the whole, no measure
    (["¿Cuántas veces más población tiene Brasil que Argentina en 2023?", "¿cuántas personas más es eso?"],
     "difference", "SP.POP.TOTL", ["BRA", "ARG"], (2023, 2023)),  # the same two operands, the other operation
    (["What was Chile's inflation in 2023 according to the World Bank?", "and unemployment that year, same source?"],
     "value", "SL.UEM.TOTL.ZS", ["CHL"], (2023, 2023)),  # the last answer's publisher
    (["¿de cuánto fue el PBI de México en 2024? en dólares corrientes", "¿y el de Colombia ese mismo año?",
      "¿cuántas veces más grande es el PBI mexicano que el colombiano?"], "ratio", "NY.GDP.MKTP.CD", ["MEX", "COL"],
     (2024, 2024)),  # the two figures just answered, never the newest
    (["Como ha sido el crecimiento económico de Colombia año por año desde 2021?", "¿en cuál de esos años fue más bajo?"],
     "which_period", "NY.GDP.MKTP.KD.ZG", ["COL"], (2021, None)),  # of the years shown, never 2021's figure
    (["¿Cuánto valía el dólar en promedio el 2019?", "oye, ¿y cuál ha sido el año con el dólar promedio más caro?"],
     "which_period", "PA.NUS.FCRF", ["CHL"], (None, None)),
    (["¿cuánto está la inflación en doce meses con el último dato?", "eh, ¿y la variación mensual de junio?"],
     "value", "CHL.CPI.CHANGE_1M", ["CHL"], (2026, 2026)),  # June of the year the newest figure named
    (["¿Usted cree que el Banco Central va a bajar la tasa en la próxima reunión?",
      "ya, dejémoslo ahí... ¿y la UF de diciembre del año pasado, la del 2025?"], "value", "CHL.UF", ["CHL"],
     (2025, 2025)),  # "la próxima reunión" is no Réunion, "dejémoslo ahí" no place
    (["whats the world population in 2025? how many of us are there"], "value", "SP.POP.TOTL", ["WLD"], (2025, 2025)),
    (["PIB de Chile en US$ 2020"], "value", "NY.GDP.MKTP.CD", ["CHL"], (2020, 2020)),  # a year, never US$2,020
    (["¿cuanto subio la uf en los ultimos doce meses? con el ultimo dato"], "change", "CHL.UF", ["CHL"], (2025, 2026)),
    (["población censada en la Región de Los Lagos según el Censo 2024",
      "¿Qué proporción representa dicha cifra respecto de la población censada total del país?"], "value",
     "CHL.CENSUS2024.POP.SHARE", ["CL-10"], (2024, 2024)),  # "el total del país" is the whole, never Chile's share
    (["población censada en la Región de Los Lagos según el Censo 2024",
      "Muy bien. ¿Y cuál es la diferencia con la proyección de población del INE para la misma región en 2024?"],
     "difference", "CHL.CENSUS2024.POP", ["CL-10"], (2024, 2024)),  # the census less the projection
    (["¿Cuál fue el PIB regional del Maule en 2012?", "ok, y el primer año que tengan?"], "value", "CHL.GDP.REGIONAL",
     ["CL-07"], (2013, 2013)),  # the regional series' first whole year
    (["What is the projected population of the Los Lagos region for 2026?", "And ten years earlier?",
      "what's the % growth since then?"], "change", "CHL.POPULATION.PROJ", ["CL-10"], (2016, 2026)),  # between the
    # two, never to the last year observed
    (["variación de la UF en los últimos 12 meses", "y en pesos, ¿cuánto es la diferencia?"], "change", "CHL.UF",
     ["CHL"], (2025, 2026)),  # a difference after a change is that change
    (["Entiendo. En ese caso, ¿cuál es la tasa de pobreza por ingresos 2022 de la comuna de Ercilla?"], "value",
     "CHL.POVERTY.INCOME", ["CL-09204"], (2022, 2022)),
    (["cuanta gente vive en coquimbo", "la comuna, segun el censo 2024"], "value", "CHL.CENSUS2024.POP", ["CL-04102"],
     (2024, 2024)),  # after the region, the comuna of its name
    (["IPC promedio de 2024 respecto al IPC promedio de 2023"], "change", "CHL.CPI", ["CHL"], (2023, 2024)),  # two
    # years' averages set against each other: their change, never one average over both
    (["By how much did Chile's Imacec (original series) grow year on year in December 2025?",
      "and for 2025 as a whole, comparing the average index with 2024's average?"], "change", "CHL.IMACEC", ["CHL"],
     (2024, 2025)),
    (["¿Cuánto subió la inflación en Bolivia el 2025 respecto al 2024?",
      "¿y cómo se compara con el promedio de América Latina y el Caribe ese año?"], "value", "FP.CPI.TOTL.ZG",
     ["BOL", "LCN"], (2025, 2025)),  # that year's figures, never a change from 2025 to 2025
    (["Show me Chile's GDP per capita over time for the last 5 years available",
      "Compare that with the Latin America & Caribbean average in 2025"], "value", "NY.GDP.PCAP.CD", ["CHL", "LCN"],
     (2025, 2025)),  # Chile's beside it
    (["What is the population of the comuna of Santiago according to the 2024 census?",
      "How does that compare with INE's population projection for the same comuna in 2024?"], "difference",
     "CHL.CENSUS2024.POP", ["CL-13101"], (2024, 2024)),  # two measures of one place and year: their difference
    (["según las proyecciones del INE, ¿cuánta gente va a tener Chile en 2030?",
      "¿y cuánto de eso corresponde a la Región Metropolitana, en personas y en %?"], "share", "CHL.POPULATION.PROJ",
     ["CL-13", "CHL"], (2030, 2030)),  # a share of the whole shows both: never asked back as two figures
    (["Urban share of Argentina's population in 1960 versus 1990?"], "change", "SP.URB.TOTL.IN.ZS", ["ARG"],
     (1960, 1990)),  # one year set against the other: their change, which shows both
    (["desempleo de Chile entre 2015 y 2020", "so how many percentage points is that?"], "change",
     "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2015, 2020)),  # from the span's first year to its last
    (["Estoy preparando una charla sobre los años 70. ¿Cuál era la esperanza de vida al nacer en Chile en 1970?",
      "¿y la de Argentina ese mismo año?"], "value", "SP.DYN.LE00.IN", ["ARG"], (1970, 1970)),
    (["tasa de desocupación de marzo de 2024", "¿y respecto del mismo mes del año anterior?"], "change",
     "CHL.UNEMPLOYMENT.RATE", ["CHL"], (2023, 2024)),  # against it: from then to March 2024, never that month alone
])  # fmt: skip
def test_what_was_answered_named_or_pointed_at_read_as_meant(cifra, questions, operation, code, areas, period):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.plan.operation, answer.plan.indicator_code, answer.plan.area_codes) == (
        "ok", operation, code, areas), answer.answer
    assert (answer.plan.period.start, answer.plan.period.end) == period


def test_which_of_the_months_just_shown_is_among_them(cifra):
    answer = last_answer(cifra, ["Show me Chile's unemployment rate over the last six months available",
                                 "Which of those months was the highest?"])
    assert (answer.plan.operation, answer.plan.period.last_n_months) == ("which_period", 6), answer.answer


@pytest.mark.parametrize(("question", "year"), [
    ("cual fue el primer año en que la pobreza de China con la linea de 3 dolares diarios marcó 0%?", "2019"),  # down
    ("en que año Argentina llego por primera vez al 100% de acceso a electricidad?", "2014"),  # up
])  # fmt: skip
def test_a_line_reached_is_reached_from_where_the_series_starts(cifra, question, year):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.crossing, [value.period for value in answer.values]) == (
        "first_meeting", True, [year]), answer.answer


def test_an_amount_said_in_pesos_is_compared_in_the_series_unit(cifra):
    plan = cifra.ask("First quarter in which Chile's current-price GDP went above 80,000 billion pesos?").plan
    assert (plan.operation, plan.indicator_code, plan.threshold) == ("first_meeting", "CHL.GDP.CURRENT", (">", 80_000.0))


def test_members_ranked_by_a_gap_show_the_gap_named_as_one(cifra):
    answer = cifra.ask("which South American countries have the largest gap between female and male life expectancy "
                       "in 2022? top 3")
    assert [(value.indicator, value.area, round(value.value, 3)) for value in answer.values
            if value.indicator == "difference"] == [("difference", "URY", 8.071), ("difference", "VEN", 7.736),
                                                    ("difference", "GUY", 7.454)]
    assert [round(value.value, 3) for value in answer.values if value.area == "URY"] == [8.071, 80.505, 72.434]  # and
    # the two values each gap is computed from
    assert "female (years) minus Life expectancy at birth, male" in answer.answer and "(80.5 years − 72.4 years)" in answer.answer


def test_an_average_of_members_gaps_is_the_mean_of_each_one_s_gap(cifra):
    answer = cifra.ask("Average gap between female and male life expectancy across the 8 UN Central America countries "
                       "in 2024?")
    assert (answer.plan.operation, answer.plan.group_code, round(answer.values[0].value, 3)) == ("aggregate", "M49-013",
                                                                                                   5.725), answer.answer


def test_a_first_sentence_that_asks_is_no_context(cifra):
    answer = cifra.ask("Me interesa el PIB de la comuna de Concepción en 2023. ¿Lo tiene?")
    assert answer.status == "no_data" and answer.values == [] and "Concepción" in answer.answer  # never Chile's


@pytest.mark.parametrize(("question", "nth", "area"), [
    ("¿que pais de sudamerica quedo 3° en pib per capita el 2022?", 3, "CHL"),  # never a sum of amounts per person
    ("which South American country came 3rd in GDP per capita in 2022?", 3, "CHL"),
    ("¿que pais de sudamerica quedo en el puesto 3 en pib per capita el 2022?", 3, "CHL"),
    ("which comuna ranked second in population in the 2024 census?", 2, "CL-13119"),
    ("pais sudamericano con la esperanza de vida mas baja en 2022", 1, "BOL"),  # asked without an article
])  # fmt: skip
def test_a_member_asked_by_the_place_it_came_in_is_ranked_down_to_it(cifra, question, nth, area):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation, len(answer.values), answer.values[-1].area) == (
        "ok", "rank", nth, area), answer.answer


def test_the_last_year_a_threshold_was_met_is_the_last(cifra):
    answer = cifra.ask("¿Cuál fue el último año en que la mortalidad infantil en Chile fue mayor a 10 por cada mil "
                       "nacidos vivos? (Banco Mundial)")
    assert (answer.plan.order, [value.period for value in answer.values]) == ("desc", ["1997"]), answer.answer


def test_the_three_lowest_after_a_top_three_are_of_its_group(cifra):
    conversation = Conversation()
    cifra.ask("Los 3 países de Sudamérica con la inflación más alta en 2023", conversation)
    answer = cifra.ask("y los 3 con la mas baja?", conversation)  # never the world's lowest
    assert (answer.plan.group_code, answer.plan.order, answer.plan.top_n) == ("M49-005", "asc", 3), answer.answer


@pytest.mark.parametrize(("questions", "area", "position"), [
    (["desempleo juvenil de los hombres en España 2023",
      "ordenando España, Portugal, Grecia e Italia de mayor a menor, ¿en qué lugar queda Italia?"], "ITA", 3),
    (["Among Chile, Peru, Bolivia and Ecuador, where does Peru rank in life expectancy in 2022?"], "PER", 2),
    (["Among Chile, Peru, Bolivia and Ecuador, where does Peru rank in life expectancy in 2022?", "and Bolivia?"],
     "BOL", 4),  # among the same four
])  # fmt: skip
def test_a_position_among_places_named_is_counted_among_them(cifra, questions, area, position):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.plan.area_codes, len(answer.plan.member_codes)) == ("position", [area], 4)
    assert [value.value for value in answer.values if value.indicator == "rank" and value.area == area] == [position], \
        answer.answer


def test_neighbours_named_one_by_one_are_answered(cifra):
    answer = cifra.ask("Which of Chile's neighbours (Argentina, Peru or Bolivia) had the fastest GDP growth in 2024?")
    assert answer.status == "ok" and answer.values[0].area == "PER", answer.answer


@pytest.mark.parametrize(("question", "group", "figure"), [
    ("¿Cuántos países de Centroamérica tienen desempleo sobre 8 % en 2021?", "G-CENTRAL_AMERICA", None),  # the isthmus
    ("How many countries in Central America, counting Mexico, had more than 20 homicides per 100k people in 2021?",
     "M49-013", 4.0),  # the UN's Central America, which holds Mexico
    ("Where does Mexico rank among Central American countries in GDP per capita in 2024 (current US$)?", "M49-013", 3.0),
    ("average unemployment rate across central american countries in 2024? (UN Central America, simple avg)", "M49-013",
     None),  # the UN's, said by name
])  # fmt: skip
def test_a_group_name_means_the_group_holding_the_members_named_beside_it(cifra, question, group, figure):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.group_code) == ("ok", group), answer.answer
    assert figure is None or figure in [value.value for value in answer.values if value.indicator in ("count", "rank")]


def test_the_three_last_answers_ranked_in_the_order_asked(cifra):
    conversation = Conversation()
    for question in ("Gini index for Colombia, latest available year", "and Chile?", "and Brazil?"):
        cifra.ask(question, conversation)
    answer = cifra.ask("rank the three from most to least unequal", conversation)
    assert [value.area for value in answer.values] == ["COL", "BRA", "CHL"], answer.answer


@pytest.mark.parametrize("questions", [
    ["población de Valdivia proyectada por el INE para 2024", "¿y cuántos son hombres?"],  # never the census' men
    ["¿cuánta gente vive en Antofagasta según el censo?", "¿y en 2017?"],  # that census, never the projection
    ["precio del bitcoin en Centroamérica", "how did its economy grow in 2020?"],  # "its": of no answer, never Chile
    ["top 3 countries in South America by GDP 2020", "what is its population?"],  # which of the three?
    ["¿cuánta gente más vive en Puente Alto que en Maipú según el censo 2024?", "¿y en porcentaje?"],  # no relative
    # difference is computed: never the difference of two shares of another whole
    ["¿cuánto creció el PIB de la Región Metropolitana el 2025?", "¿y en la región de Valparaíso?"],  # never its level
    ["¿en cuánto va a estar la UF en diciembre de este año?"],  # a month not yet published: never the year's average
    ["¿y a cuánto está el dólar hoy?"],  # a yearly average exchange rate is no rate of today
    ["muestrame la utm de enero, del 2021 al 2024"],  # each January: never the yearly figures
    ["Chile unemployment (INE, Jan-Mar rolling quarter): change from 2021 to 2024 in points"],  # nor each Jan-Mar
    ["How many people fell ill with TB in the Philippines in 2022, per 100k population?"],  # no fall from 2021
    ["what was the official dollar exchange rate (dólar observado) on January 2, 2025?"],  # a day of a yearly series
    ["inflación de Perú en marzo 2024"],  # a month of a yearly series: its row starts in January, never March
    ["¿cuál fue el PIB per cápita de Sudamérica en 2022?"],  # amounts per person of members add up to nothing
    ["desempleo en chile", "y el de las mujeres?"],  # INE's has no women's: the ILO's is offered, never answered
    ["precio del cobre el 5 de junio de 2024", "¿y el litio ese mismo día?"],  # a measure no metadata knows
    ["poblacion de puente alto censo 2024", "¿y eso es harto o poco?"],  # a judgement with nothing to compare
    ["sumando los cuatro trimestres, ¿cuánto fue el PIB de la Región del Maule en 2024?"],  # a quarter withheld
    ["Since 2000, which year saw Sri Lanka's worst GDP growth?", "what was the growth rate that year and the year after?"],
    # two periods, one shifted from the other: never the second alone
    ["En África Central (Middle Africa en la ONU), ¿qué país tiene la tasa de pobreza de 3 dólares diarios más alta, "
     "tomando el último dato de cada país?"],  # members in years of their own: never the one year half of them have
    ["Brecha de género en el desempleo de América Latina y el Caribe en 2025", "¿y entre las mujeres indígenas chilenas?"],
    # a group of people no series is broken down by: never all women
    ["inflacion en 12 meses a mayo 2026 con el ipc del banco central", "¿y comparado con Perú, en el mismo mes?"],
    # the place added has no figure: Chile's again is no comparison
    ["pib region de antofagasta primer trimestre 2026", "q porcentaje es del total de las regiones"],  # no share
    # of chained volumes is published: never the regions ranked
    ["cuanta gente vive en coquimbo", "y es la mas poblada de la region o la serena tiene mas?"],  # a comuna named
    # among regions: never the most populous region
    ["¿cuánto cambió la inflación promedio entre 2023 y 2024?"],  # a year of 12-month inflation is its December:
    # never December against December for two averages
])  # fmt: skip
def test_a_variant_or_period_the_reading_cannot_keep_is_declined(cifra, questions):
    answer = last_answer(cifra, questions)
    assert answer.status != "ok" and answer.values == [], answer.answer


def test_an_age_band_no_series_has_is_asked_back(cifra):
    answer = cifra.ask("Según el Censo 2024, ¿cuántos niños de 5 a 9 años hay en Temuco?")  # never the 0-14 group
    assert (answer.status, answer.values) == ("clarify", []), answer.answer


def test_a_month_of_a_daily_series_is_no_day(cifra):
    answer = cifra.ask("Which month of 2024 had the highest average copper price?")  # not its highest day
    assert (answer.status, answer.values) == ("no_data", []), answer.answer


def test_a_census_named_is_counted_by_the_census_alone(cifra):
    answer = cifra.ask("¿Cuántos habitantes tenía Rancagua según el Censo 2017?")  # not the projections "base 2017"
    assert (answer.status, answer.plan.indicator_code, answer.values) == ("no_data", "CHL.CENSUS2024.POP", [])


@pytest.mark.parametrize(("question", "status", "operation", "order"), [
    ("Which country emitted the most CO2 per capita in 2012?", "ok", "rank", "desc"),  # a verb of its own
    ("¿En qué año cayó más la economía mexicana desde 2000, según el crecimiento del PIB?", "ok", "which_period",
     "asc"),  # the steepest fall of a growth rate is its lowest
    ("¿En qué año cayó más el PIB de México en dólares corrientes?", "clarify", None, None),  # of a level: a change
])  # fmt: skip
def test_which_member_or_period_fell_or_rose_most(cifra, question, status, operation, order):
    answer = cifra.ask(question)
    assert answer.status == status, answer.answer
    assert (answer.plan.operation, answer.plan.order) == (operation, order) if operation else answer.values == []


def test_a_follow_up_of_a_ranking_keeps_its_order(cifra):
    conversation = Conversation()
    first = cifra.ask("¿qué país sudamericano tuvo la menor esperanza de vida en 2021?", conversation)
    answer = cifra.ask("¿y en 2000?", conversation)
    assert (first.plan.order, answer.plan.order, answer.plan.period.start) == ("asc", "asc", 2000), answer.answer


@pytest.mark.parametrize(("questions", "period"), [
    (["¿cuánto estaba la UTM en marzo de 2025?", "¿y el mes anterior?"], "2025-02"),
    (["Seasonally adjusted Imacec for April 2024?", "and the following month?"], "2024-05"),
    (["PIB de Chile T2 2023", "¿y el trimestre anterior?"], "2023-Q1"),
    (["PIB de Chile T2 2023", "¿y en el mismo trimestre de 2021?"], "2021-Q2"),
    (["imacec de marzo 2024", "¿y el mismo mes de 2022?"], "2022-03"),
    (["Seasonally adjusted Imacec for April 2024?", "and the same month a year earlier?"], "2023-04"),
    (["esperanza de vida de Perú", "¿y diez años antes?"], "2014"),  # before the latest: the newest year, moved
    (["valor de la UF en mayo de 2023", "¿y en agosto?"], "2023-08"),  # a month alone: of the last answer's year
    (["Chile's CPI in February 2024", "and in November of that year?"], "2024-11"),
    (["what share of Brazil was covered by forest in 2000?", "how many percentage points did that change by 2020?"],
     "2000..2020"),  # a change "by" a year: from the last answer's
    (["What share of people in Paraguay lived in towns and cities in 2023?", "when did it first go past half?"],
     "1990"),  # over the whole series, not the year asked before
    (["esperanza de vida de Chile en 2000", "And a decade later?"], "2010"),
])  # fmt: skip
def test_a_follow_up_can_name_its_period_from_the_previous_one(cifra, questions, period):
    conversation = Conversation()
    first = cifra.ask(questions[0], conversation)
    answer = cifra.ask(questions[1], conversation)
    assert answer.status == "ok" and answer.plan.indicator_code == first.plan.indicator_code
    assert answer.values[0].period == period


@pytest.mark.parametrize(("questions", "code"), [
    (["exportaciones de bienes y servicios como % del PIB de Chile en 2008", "¿y las importaciones ese mismo año?"],
     "NE.IMP.GNFS.ZS"),  # not merchandise imports in US$
    (["desempleo de mujeres en Chile 2020", "¿y la participación laboral?"], "SL.TLF.CACT.FE.ZS"),
    (["exportaciones de Chile 2020", "¿y las importaciones?"], "TM.VAL.MRCH.CD.WT"),  # nothing unusual to keep
    (["crecimiento del PIB de Chile 2020", "¿y la población?"], "CHL.POPULATION.PROJ"),  # a growth is not kept
    (["crecimiento del PIB de Chile en 2010", "¿y cuánto creció el PIB desde entonces?"], "NY.GDP.MKTP.CD"),  # nor its prices
    (["¿Cuántos hogares se censaron en Coyhaique en 2024?", "¿y cuántas personas por hogar hay en promedio ahí?"],
     "CHL.CENSUS2024.PERSONS_PER_HOUSEHOLD"),  # what is counted is no qualifier to keep
])  # fmt: skip
def test_a_follow_up_naming_another_measure_keeps_what_it_leaves_unsaid(cifra, questions, code):
    conversation = Conversation()
    cifra.ask(questions[0], conversation)
    answer = cifra.ask(questions[1], conversation)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


@pytest.mark.parametrize("follow_up", ["¿y cómo estaba Argentina el 2010?", "¿y cómo andaba Argentina el 2010?"])
def test_a_follow_up_asking_how_it_was_keeps_the_measure(cifra, follow_up):
    conversation = Conversation()
    first = cifra.ask("esperanza de vida en Uruguay en 2022", conversation)
    answer = cifra.ask(follow_up, conversation)  # "cómo" names no measure
    assert (answer.plan.indicator_code, answer.plan.area_codes, answer.plan.period.start) == (
        first.plan.indicator_code, ["ARG"], 2010), answer.answer


@pytest.mark.parametrize(("question", "code", "group", "first"), [
    ("los 3 países más poblados del mundo en 2024", "SP.POP.TOTL", "WLD", "IND"),  # the world's members: every country
    ("Which three South American countries had the lowest under-5 mortality rate in 2023?", "SH.DYN.MORT", "M49-005", "CHL"),
    ("¿Cuáles fueron las 3 regiones con mayor PIB regional en el cuarto trimestre de 2024?", "CHL.GDP.REGIONAL", "CHL",
     "CL-13"),
    ("Of the seven World Bank regions, which three had the highest life expectancy in 2020?", "SP.DYN.LE00.IN",
     "G-WB_REGIONS", "NAC"),  # the regions are aggregates, not countries
    ("Which three sovereign countries had the lowest total fertility rate in 2023?", "SP.DYN.TFRT.IN", "G-SOVEREIGN",
     "KOR"),  # not Macao
])  # fmt: skip
def test_rankings_compare_each_member_once(cifra, question, code, group, first):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code, answer.plan.group_code) == ("ok", code, group), answer.answer
    areas = [value.area for value in answer.values]
    assert areas[0] == first and len(areas) == len(set(areas)) == 3


def test_of_a_family_the_member_named_by_the_question(cifra):
    answer = cifra.ask("cuanto gastaba argentina en educacion como porcentaje del pib el 2017")
    assert answer.plan.indicator_code == "SE.XPD.TOTL.GD.ZS"


@pytest.mark.parametrize(("question", "code"), [
    ("en cuantos puntos porcentuales aumento la poblacion urbana de brasil (% del total) entre 1990 y 2020?",
     "SP.URB.TOTL.IN.ZS"),  # a change of a share, in points
    ("¿en qué año la población urbana del Perú superó por primera vez el 80% del total?", "SP.URB.TOTL.IN.ZS"),
    ("¿En qué porcentaje subió la población de Chile entre 2010 y 2020?", "CHL.POPULATION.PROJ"),  # a % change
    ("los 3 países de Sudamérica con mayor porcentaje de población de 65 años o más el 2024", "SP.POP.65UP.TO.ZS"),
    ("What percent of Chile's population lives in urban areas?", "SP.URB.TOTL.IN.ZS"),  # "what percent": a share
])  # fmt: skip
def test_percentages_ask_for_a_share_unless_they_measure_a_change(cifra, question, code):
    assert cifra.ask(question).plan.indicator_code == code


@pytest.mark.parametrize(("question", "order"), [
    ("¿cuál fue el peor año del desempleo en Chile desde 2010?", "desc"),  # unemployment: lower is better
    ("los 3 países de Sudamérica con mejor esperanza de vida en 2020", "desc"),
    ("the 5 worst countries in Europe for life expectancy in 2020", "asc"),
    ("¿cuál fue el mejor año de la esperanza de vida en Chile?", "desc"),  # "mejor año" is also the which-period
    ("el peor desempleo de Sudamérica en 2022", "desc"),  # one "peor", with no "países" before it
    ("best life expectancy in South America 2020", "desc"),
    ("¿en qué año fue más alta la participación del 10% más rico en Chile?", "desc"),  # an income group, no judgement
])  # fmt: skip
def test_better_and_worse_follow_the_measure(cifra, question, order):
    answer = cifra.ask(question)
    assert answer.status == "ok" and answer.plan.order == order, answer.answer


@pytest.mark.parametrize("question", [
    "¿en qué año fue peor la inflación en Chile?",  # no agreed direction: asked back
    "What's the best stock to buy right now?",  # better than what? no measure says
    "¿cuál fue el peor año del imacec?",  # an index grows: its lowest year is no worst year
])  # fmt: skip
def test_better_or_worse_without_a_direction_is_not_guessed(cifra, question):
    answer = cifra.ask(question)
    assert answer.status in ("clarify", "no_data") and answer.values == []


def test_better_or_worse_between_two_places_shows_both(cifra):
    answer = cifra.ask("PM2.5 exposure in 2019: was it worse in India or in Bangladesh? Give me both annual means")
    assert answer.status == "ok" and {value.area for value in answer.values} == {"IND", "BGD"}


@pytest.mark.parametrize(("question", "places"), [
    ("cuantos habitantes tiene alto ospicio segun el ultimo censo", ["CL-01107"]),  # a typo beside a name's stopword
    ("poblacion de argentna en 2020", ["ARG"]),
    ("What was GDP per capita in the state of São Paulo in 2023?", []),  # "the state" is no misspelt "the States"
    ("GDP of the United State in 2020", ["USA"]),
    ("población de Nueva Imperial en 2020", ["CL-09111"]),  # a name that begins like "Nueva Valdivia" and is one
    ("¿Qué comuna del Maule tiene la menor tasa de pobreza multidimensional?", []),  # the region holds the comunas
    ("razón de dependencia de Japón y Chile en 2023", ["JPN", "CHL"]),  # a measure's word is no Independencia
    ("diabetes en Kenia y Fiyi en 2024", ["KEN", "FJI"]),  # the RAE's spellings, where the UN keeps the English one
    ("¿Cuál es el país de Centroamérica con más suscripciones celulares en 2023? (incluye Panamá y Belice)",
     []),  # members said to be included are no places asked: Central America is the group
])  # fmt: skip
def test_places_as_people_write_them(cifra, question, places):
    assert [place.code for place in cifra.understand(question).places] == places


@pytest.mark.parametrize(("question", "code"), [
    ("¿qué porcentaje de la población de 15 años y más en Guatemala sabía leer y escribir en 2022? (tasa de "
     "alfabetización de adultos)", "SE.ADT.LITR.ZS"),  # not men's, a series of its own
    ("alfabetización de mujeres adultas en Guatemala en 2022", "SE.ADT.LITR.FE.ZS"),
    ("Primary completion rate for girls in Honduras, 2022?", "SE.PRM.CMPT.FE.ZS"),  # girls and boys are sexes
    ("tasa de finalización de primaria de las niñas en Honduras 2022", "SE.PRM.CMPT.FE.ZS"),
    ("life expectancy of a girl born in Japan in 2020", "SP.DYN.LE00.FE.IN"),  # one girl is a sex too
    ("How long can a baby girl born in Chile expect to live? World Bank, 2024", "SP.DYN.LE00.FE.IN"),
])  # fmt: skip
def test_of_near_families_the_one_for_both_sexes_unless_one_is_asked(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


def test_words_of_a_longer_name_are_no_typo_of_it(cifra):
    understanding = cifra.understand("gasto en I+D de los países miembros de la OCDE")  # never the G20 (países miembros)
    assert "G-G20" not in [place.code for place in [*understanding.places, *filter(None, [understanding.group])]]


@pytest.mark.parametrize(("question", "status", "code"), [
    ("oye, ¿a cuánto estuvo el dólar en Chile el 2019? el promedio del año, en pesos por dólar", "ok", "PA.NUS.FCRF"),
    ("Para un trabajo del colegio: ¿qué porcentaje de las exportaciones de mercancías de Chile fueron minerales y "
     "metales en 2021?", "ok", "TX.VAL.MMTL.ZS.UN"),  # who asks and why is no topic
    ("¿y cuántos había en la fuerza de trabajo ese mismo trimestre?", "clarify", None),  # the same as what?
    ("Count of South American countries where the employment-to-population ratio (ages 15+) was over 60 percent in "
     "2024?", "ok", "SL.EMP.TOTL.SP.ZS"),
    ("¿Qué proporción de las exportaciones de mercancías del Perú correspondió a minerales y metales en 2023?", "ok",
     "TX.VAL.MMTL.ZS.UN"),
    # a lead-in, a parenthesis or a sentence before the question is its context
    ("cacho una duda: ¿cuál fue la esperanza de vida en Chile en 2019?", "ok", "SP.DYN.LE00.IN"),
    ("Estoy armando el presupuesto, cual fue el valor de la UF en marzo 2024?", "ok", "CHL.UF"),  # up to a comma
    ("A politician said Chile's GDP per head was about 13 thousand dollars in 2020. What's the exact World Bank figure "
     "(current US$)?", "ok", "NY.GDP.PCAP.CD"),  # a source and a figure name no measure: the sentence before does
    ("El diputado dijo que el desempleo en Chile bajó a 7 por ciento el 2023, ¿es cierto?", "ok",
     "CHL.UNEMPLOYMENT.RATE"),  # who claims it is no topic
    ("For a piece on Ecuador's dollarized economy: how big was its external debt stock relative to GNI in 2019?", "ok",
     "DT.DOD.DECT.GN.ZS"),
    ("Voy a abrir un negocio en Pucón. ¿Cuánta gente vive allá este 2025 según las proyecciones del INE?", "ok",
     "CHL.POPULATION.PROJ"),
    ("Pa un reportaje sobre envejecimiento: ¿cuáles son las 3 regiones de Chile con mayor porcentaje de personas de 65 "
     "años o más según el Censo 2024?", "ok", "CHL.CENSUS2024.POP_65_PLUS.SHARE"),  # "sobre" is no threshold there
    ("¿cuántas mujeres hay en Punta Arenas?", "ok", "CHL.CENSUS2024.WOMEN"),  # its people, never asked back
    ("¿qué porcentaje de mujeres hay en Punta Arenas?", "ok", "CHL.CENSUS2024.WOMEN.SHARE"),
    ("Desempleo juvenil. ¿Cuál es la tasa en Chile 2020?", "no_data", None),
    ("Another assistant gave me a number I don't trust. What was Brazil's interest rate spread in 2019, per the World "
     "Bank?", "ok", "FR.INR.LNDP"),
    ("me podrias decir el valor de la UTM de mayo 2019? es pa calcular una multa antigua", "ok", "CHL.UTM"),  # why
    ("necesito el valor promedio de la UTM durante el 2021 para una rendicion de cuentas", "ok", "CHL.UTM"),
    ("Mexico exporta harto auto... ¿qué % de sus exportaciones manufactureras eran de tecnología media y alta el 2019?",
     "ok", "TX.MNF.TECH.ZS.UN"),  # "%" asks for a share; "media y alta" is a name, not an average
    ("¿Cuántas veces es más grande el ingreso nacional bruto de Brasil que el de Argentina, medido en PPA, año 2024?",
     "ok", "NY.GNP.MKTP.PP.CD"),  # the total, not per capita
    ("¿Cuántas hectáreas de tierra cultivable hay por habitante en Argentina?", "ok", "AG.LND.ARBL.HA.PC"),
    ("Rank the top 3 countries by GNI in PPP terms for 2024. Exclude regional aggregates.", "ok", "NY.GNP.MKTP.PP.CD"),
    # an explanation of the measure is no difference asked
    ("what's the latest interest rate spread (lending minus deposit rate) for Uruguay in the World Bank data?", "ok",
     "FR.INR.LNDP"),
    ("cual era el spread bancario en paraguay el 2018? o sea tasa de prestamos menos tasa de depositos", "ok", "FR.INR.LNDP"),  # the question names no measure of its own
])  # fmt: skip
def test_words_around_the_question(cifra, question, status, code):
    answer = cifra.ask(question)
    assert answer.status == status, answer.answer
    assert code is None or answer.plan.indicator_code == code


def test_half_is_a_threshold(cifra):
    answer = cifra.ask("How many of the 27 EU member states got more than half of their electricity from renewables in 2021?")
    assert (answer.plan.operation, answer.plan.group_code, answer.plan.threshold) == ("count", "G-EU", (">", 50.0))


def test_every_family_with_a_direction_exists(cifra):
    assert set(polarity()) <= {info.family for info in cifra.catalog.indicators.values()}


@pytest.mark.parametrize(("question", "code"), [
    ("What is the latest level of Chile's consumer price index (the index itself, not the inflation rate)?", "CHL.CPI"),
    ("inflación de Chile en 2023, no el índice", "CHL.CPI.INFLATION_12M"),
    ("PIB per cápita de Chile en 2020 en dólares, no en pesos", "NY.GDP.PCAP.CD"),
    ("el indice de remuneraciones nominal (ojo, no el real) de julio 2024", "CHL.WAGES.INDEX"),  # the period stays
])  # fmt: skip
def test_what_the_question_sets_aside_is_not_read(cifra, question, code):
    answer = cifra.ask(question)
    assert answer.plan.indicator_code == code
    assert (answer.plan.operation == "latest") == ("latest" in question)  # "(ojo, no el real) de julio 2024" keeps July


@pytest.mark.parametrize(("question", "period"), [
    ("tasa de desempleo en Chile en el tercer trimestre de 2024", "2024-09"),
    ("ocupados en Chile T1 2023", "2023-03"),
    ("fuerza de trabajo de Chile en el trimestre móvil nov 2023–ene 2024", "2024-01"),
])  # fmt: skip
def test_a_quarter_of_a_rolling_quarter_series_is_its_last_month(cifra, question, period):
    answer = cifra.ask(question)
    assert [value.period for value in answer.values] == [period]
    assert any("trimestres móviles" in note for note in answer.notes)


def test_a_year_before_a_days_value_is_that_day_a_year_before(cifra):
    conversation = Conversation()
    cifra.ask("precio del cobre el 29 de diciembre de 2025", conversation)
    answer = cifra.ask("¿y hace un año?", conversation)
    assert [(value.period, value.value) for value in answer.values] == [("2024-12-29", pytest.approx(4.0124))]


def test_a_day_of_a_daily_series_is_that_days_value(cifra):
    answer = cifra.ask("¿a cuánto cerró el precio del cobre el 15 de marzo de 2024?")
    assert [value.period for value in answer.values] == ["2024-03-15"] and "15 de marzo de 2024" in answer.answer


@pytest.mark.parametrize(("question", "code", "period"), [
    ("cual era el pib per capita en ppa de mexico en 2015? (dolares internacionales corrientes)", "NY.GDP.PCAP.PP.CD", "2015"),
    ("Uruguay GDP per capita PPP 2021", "NY.GDP.PCAP.PP.CD", "2021"),
    ("PIB de Chile a precios constantes de 2015 en 2020", "CHL.GDP.VOLUME", "2020"),  # the base year is no period
])  # fmt: skip
def test_price_bases_as_people_write_them(cifra, question, code, period):
    answer = cifra.ask(question)
    assert (answer.plan.indicator_code, [value.period for value in answer.values]) == (code, [period])


@pytest.mark.parametrize(("question", "status", "code"), [
    ("¿Cuánto varió, en puntos porcentuales, la pobreza de Perú entre 2004 y 2019 según la línea de US$3,00 diarios "
     "(PPA 2021)?", "ok", "SI.POV.DDAY"),  # the PPP year is no period when another year is
    ("poverty headcount at $3 a day in Peru 2019", "ok", "SI.POV.DDAY"),
    ("pobreza de Perú en 2019 con la línea de 2,15 dólares PPA 2017", "no_data", None),  # not the $3.00 line
    ("poverty headcount at $6.85 a day in Peru 2019", "no_data", None),
    ("What's the most recent figure for the share of Chileans living on under $3.00 a day (2021 PPP)?", "ok",
     "SI.POV.DDAY"),  # a line's amount, no condition; its PPP year, no period
    ("pobreza con la línea nacional (no la internacional de 3 dólares) en Perú 2020", "ok", "SI.POV.NAHC"),
    ("¿Cuántos médicos hay por cada 1.000 habitantes en Chile?", "no_data", None),  # not surgeons per 100,000
    ("homicidios por cada 100 mil habitantes en Chile 2020", "ok", "VC.IHR.PSRC.P5"),
])  # fmt: skip
def test_amounts_that_name_the_measure_must_be_in_its_name(cifra, question, status, code):
    answer = cifra.ask(question)
    assert answer.status == status, answer.answer
    assert code is None or answer.plan.indicator_code == code


@pytest.mark.parametrize(("question", "value"), [
    ("By how many people did INE project the comuna of Santiago to grow between 2017 and 2024?", 97898),
    ("Percentage growth of Vietnam's GDP per capita in current US$ from 2000 to 2020?", 774.7),
])  # fmt: skip
def test_growth_between_two_years_is_a_change(cifra, question, value):
    answer = cifra.ask(question)
    assert answer.plan.operation == "change", answer.answer
    assert any(item.value == pytest.approx(value, rel=1e-3) for item in answer.values)


def test_a_price_basis_the_catalog_lacks_is_not_answered_with_another(cifra):
    assert cifra.ask("GDP per capita (constant 2015 US$) of Peru in 2019").status == "no_data"


@pytest.mark.parametrize("question", ["desempleo juvenil en España 2023", "desempleo juvenil en España 2023, ambos sexos",
                                      "desempleo juvenil de España 2023, hombres y mujeres juntos"])
def test_a_measure_published_only_by_sex_is_not_answered_with_one_sex(cifra, question):
    answer = cifra.ask(question)  # the World Bank files hold women's and men's youth rates only
    assert answer.status == "no_data" and answer.values == [], answer.answer


@pytest.mark.parametrize(("question", "name"), [
    ("¿cuál es la deuda pública de Argentina?", "Deuda del gobierno central"),  # no values for Argentina
    ("What was Chile's adult literacy rate (people 15 and older) in 2022?", "adult total"),  # not the youth rate
])  # fmt: skip
def test_the_best_match_without_values_is_not_replaced_by_a_nearby_measure(cifra, question, name):
    answer = cifra.ask(question)
    assert answer.status == "no_data" and name in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "code"), [
    ("De toda la fuerza laboral de Costa Rica en 2023, ¿qué porcentaje eran mujeres?", "SL.TLF.TOTL.FE.ZS"),
    ("Measles vaccination coverage (children 12-23 months) in 2023 for Ecuador?", "SH.IMM.MEAS"),
    ("What was Chile's adult literacy rate (people 15 and older) in 2017?", "SE.ADT.LITR.ZS"),
    ("population aged 15-64 in Chile 2020 (% of total)", "SP.POP.1564.TO.ZS"),  # never the share aged 65+
])  # fmt: skip
def test_a_sex_or_age_group_said_in_a_series_name_is_what_was_asked(cifra, question, code):
    assert cifra.ask(question).plan.indicator_code == code


def test_people_are_not_counted_in_an_index(cifra):
    answer = cifra.ask("cuántos habitantes tenía el imacec en marzo 2024")
    assert answer.status == "no_data" and answer.values == []


def test_a_kind_of_place_named_anywhere_chooses_between_places_of_one_name(cifra):
    answer = cifra.ask("¿Qué comuna tuvo más población censada en 2024, Arica o Iquique?")
    assert sorted(answer.plan.area_codes) == ["CL-01101", "CL-15101"]


def test_a_kind_of_place_said_of_one_name_chooses_nothing_for_another(cifra):
    answer = cifra.ask("Qué proporción de la población censada del Maule reside en la comuna de Talca? (censo 2024)")
    assert (answer.plan.operation, answer.plan.area_codes) == ("share", ["CL-07101", "CL-07"]), answer.answer


@pytest.mark.parametrize(("question", "code", "period"), [
    ("¿en qué año la población rural de Chile bajó por primera vez del 15 % del total? el primer año bajo ese nivel",
     "SP.RUR.TOTL.ZS", "1997"),
    ("mortalidad neonatal en África subsahariana el 2023, agregado del Banco Mundial", "SH.DYN.NMRT", "2023"),
    ("How many times bigger was Brazil's economy than Chile's in 2022, in current US dollars?", "NY.GDP.MKTP.CD",
     "2022"),  # the economy's size, not what a dollar buys
    ("child mortality in Chile - under-5 deaths per 1,000 live births, 2024?", "SH.DYN.MORT", "2024"),  # one group
    ("What's the latest World Bank figure for diabetes prevalence among adults aged 20-79 in Mexico?", "SH.STA.DIAB.ZS",
     "2024"),  # an age band the series names, not an age it lacks
    ("Compare child mortality under age 5 in Bolivia and Paraguay in 2020. Which one was higher?", "SH.DYN.MORT",
     "2020"),  # "under age 5" is an age group, not a threshold
    ("¿cuánto vendió Chile al exterior en 2022?", "TX.VAL.MRCH.CD.WT", "2022"),  # exports, not royalties
    ("How much did Peru sell abroad in 2021?", "TX.VAL.MRCH.CD.WT", "2021"),
    ("how much did Brazil buy from other countries in 2020?", "TM.VAL.MRCH.CD.WT", "2020"),
    ("How many households did the 2024 census count in Puerto Montt?", "CHL.CENSUS2024.HOUSEHOLDS", "2024"),
    ("que % de los chilenos vive en zonas urbanas segun el banco mundial, 2024", "SP.URB.TOTL.IN.ZS", "2024"),  # never
    # the urban poverty rate: a share of the people named
    ("¿Cuánto subieron las remuneraciones nominales en 12 meses a mayo de 2025? (índice de remuneraciones del BC)",
     "CHL.WAGES.GROWTH_12M", "2025-05"),  # "BC" is the Central Bank, no place
    ("¿cuál era el valor del índice IPC general en diciembre de 2024? el número del índice, no la inflación", "CHL.CPI",
     "2024-12"),
    # a quarter of a year: the quarterly series, never the yearly one; against the same quarter a year before, its
    # growth, never the change between two growth rates
    ("¿cuánto creció el PIB de Chile en el segundo trimestre de 2023?", "CHL.GDP.VOLUME.GROWTH_4Q", "2023-Q2"),
    ("crecimiento del PIB trimestral de Chile en el primer trimestre de 2020 respecto al mismo trimestre de 2019",
     "CHL.GDP.VOLUME.GROWTH_4Q", "2020-Q1"),
    ("what was Chile's quarterly GDP growth in Q1 2020 versus Q1 2019?", "CHL.GDP.VOLUME.GROWTH_4Q", "2020-Q1"),
    # chat shorthand, dates in digits and years in words
    ("hola, estoy haciendo una tarea: cual fue el pib pc de peru en dos mil diecinueve? en dolares corrientes porfa",
     "NY.GDP.PCAP.CD", "2019"),
    ("cual fue la tdd (tasa de desempleo) de 03/2024 segun el ine", "CHL.UNEMPLOYMENT.RATE", "2024-03"),
    ("inflacion argentina 2023?? solo el numero porfa", "FP.CPI.TOTL.ZG", "2023"),
    ("desemp promedio 2024 ine (promedio d los trimestres moviles)", "CHL.UNEMPLOYMENT.RATE", "2024"),
    ("Para la clase de formación ciudadana: cuantos hogares conto el Censo 2024 en San Carlos?",
     "CHL.CENSUS2024.HOUSEHOLDS", "2024"),
    ("Comparemos el año 2025 completo: PIB de Ñuble versus PIB de Los Ríos", "CHL.GDP.REGIONAL", "2025"),
    ("¿cuánta gente contó el Censo 2024 en Trehuaco?", "CHL.CENSUS2024.POP", "2024"),  # the census's spelling
    # "pob", a formal request's words, someone spoken to; a share living below a line is no poverty gap, and a measure
    # of a part (rural) or another cut (gap) is chosen only when said
    ("hola, cuanta pob tiene proyectada talagante pal 2025 segun el ine?", "CHL.POPULATION.PROJ", "2025"),
    ("Necesito la población efectivamente censada en la Región de Antofagasta en el Censo 2024.", "CHL.CENSUS2024.POP",
     "2024"),
    ("¿Cuántas viviendas particulares desocupadas contabilizó el Censo 2024 en la Región de Valparaíso?",
     "CHL.CENSUS2024.DWELLINGS.VACANT", "2024"),
    ("Oiga joven, ¿cuánto subió la UF en el 2023? Digo en pesos, de enero a diciembre", "CHL.UF", "2023-01..2023-12"),
    ("¿Qué porcentaje de peruanos vivía bajo la línea de pobreza nacional en 2023?", "SI.POV.NAHC", "2023"),
    ("pobreza rural de Perú 2010", "SI.POV.RUHC", "2010"),
    ("first year vietnam's co2 per capita went over 1 tonne?", "EN.ATM.CO2E.PC", "2004"),
    ("GDP Q1 2026 q/q SA?", "CHL.GDP.VOLUME.SA.GROWTH_1Q", "2026-Q1"),  # an analyst's shorthand: the change on the
    # quarter before, as published
    ("CPI Dec/Dec 2024?", "CHL.CPI.INFLATION_12M", "2024-12"),
    ("Cuántos investigadores en I+D por millón de habitantes tiene Chile vs la OCDE en 2022, y cuántas veces más tiene "
     "la OCDE?", "SP.POP.SCIE.RD.P6", "2022"),
    ("Imacec SA: which month of 2025 was the high?", "CHL.IMACEC.SA", "2025-04"),
])  # fmt: skip
def test_long_tail_phrasings_read_as_meant(cifra, question, code, period):
    answer = cifra.ask(question)
    assert (answer.plan.indicator_code, answer.values[0].period) == (code, period), answer.answer


@pytest.mark.parametrize(("question", "first"), [
    ("¿cuánto ha subido el IPC desde enero de 2020?", "2020-01"),
    ("How much has Peru's GDP per capita changed since 2015?", "2015"),
])  # fmt: skip
def test_a_change_since_a_period_ends_at_the_newest_value(cifra, question, first):
    answer = cifra.ask(question)
    period = answer.rows[0][answer.columns.index("period")]
    assert answer.plan.operation == "change" and period.startswith(f"{first}..") and period != f"{first}..", answer.answer


def test_a_yearly_sum_needs_the_whole_year(cifra):
    answer = cifra.ask("PIB de Chile desde 2015")  # quarterly GDP: a year of one quarter is no year
    last = cifra.catalog.coverage[("CHL.GDP.CURRENT", "CHL")][1]
    complete = int(last[:4]) if last.endswith("Q4") else int(last[:4]) - 1
    assert answer.plan.indicator_code == "CHL.GDP.CURRENT" and answer.values[-1].period == str(complete)


@pytest.mark.parametrize(("question", "areas"), [
    ("¿Cuántos hogares más que Talcahuano contó Concepción en el censo 2024?", ["CL-08101", "CL-08110"]),
    ("¿cuántos habitantes más tiene Santiago que Maipú según el censo 2024?", ["CL-13101", "CL-13119"]),
    ("¿cuánto más alto que el de Perú es el PIB per cápita de Chile en 2020?", ["CHL", "PER"]),
])  # fmt: skip
def test_the_place_after_than_is_taken_away_from_the_other(cifra, question, areas):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.area_codes) == ("difference", areas), answer.answer


@pytest.mark.parametrize(("question", "code"), [
    ("¿cuántas personas tiene Paraguay?", "SP.POP.TOTL"),  # not the labour force, counted in people too
    ("how many more people than Uruguay does Paraguay have in 2022?", "SP.POP.TOTL"),
    ("how many Peruvians were there in 2020?", "SP.POP.TOTL"),
    ("what percentage of Chileans are 65 or older?", "CHL.CENSUS2024.POP_65_PLUS.SHARE"),  # the national source
    ("what share of Peru's population is over 65?", "SP.POP.65UP.TO.ZS"),  # an age group, not a threshold
])  # fmt: skip
def test_people_and_peoples_are_the_population(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


@pytest.mark.parametrize(("question", "code"), [
    ("what share of Nigeria's population was undernourished in 2019?", "SN.ITK.DEFC.ZS"),  # not the share aged 65+
    ("what share of Peru's urban population lived in the largest city in 2020?", "EN.URB.LCTY.UR.ZS"),  # no ranking
])  # fmt: skip
def test_a_measure_named_by_every_word_over_a_share_of_another(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


@pytest.mark.parametrize(("question", "operation", "codes"), [
    ("diferencia entre mujeres y hombres en empleo vulnerable en Perú 2023", "difference",
     ["SL.EMP.VULN.FE.ZS", "SL.EMP.VULN.MA.ZS"]),
    ("Colombia 2021: unpaid domestic and care work, ratio of women to men", "ratio",
     ["SG.TIM.UWRK.FE", "SG.TIM.UWRK.MA"]),  # the sexes of an uncurated series are one family
    ("¿cuántas personas mayores de 65 hay por cada niño de 0 a 14 años en la Región de Valparaíso según el censo "
     "2024?", "ratio", ["CHL.CENSUS2024.POP_65_PLUS", "CHL.CENSUS2024.POP_0_14"]),  # "mayores" is no ranking
    ("for every child under 15, how many people aged 65+ live in Ñuñoa?", "ratio",
     ["CHL.CENSUS2024.POP_65_PLUS", "CHL.CENSUS2024.POP_0_14"]),  # what follows "for every" divides
    ("diferencia entre la población de 65 y más y la de 0 a 14 años en Puente Alto", "difference",
     ["CHL.CENSUS2024.POP_65_PLUS", "CHL.CENSUS2024.POP_0_14"]),
    ("¿cuántos años menos viven los hombres que las mujeres en Ecuador?", "difference",
     ["SP.DYN.LE00.MA.IN", "SP.DYN.LE00.FE.IN"]),
    ("how many more years do women live than men in Mexico?", "difference", ["SP.DYN.LE00.FE.IN", "SP.DYN.LE00.MA.IN"]),
])  # fmt: skip
def test_two_sexes_or_age_groups_of_one_family_are_two_operands(cifra, question, operation, codes):
    answer = cifra.ask(question)
    plan = answer.plan
    assert (plan.operation, [plan.indicator_code, plan.second_indicator_code]) == (operation, codes), answer.answer


@pytest.mark.parametrize(("question", "code"), [
    ("cuántos hombres hay por cada 100 mujeres en María Elena según el censo 2024?", "CHL.CENSUS2024.MASCULINITY_INDEX"),
    ("males per 100 females in Arica region", "CHL.CENSUS2024.MASCULINITY_INDEX"),
    ("cuántos adultos mayores hay por cada 100 niños en Chile", "CHL.CENSUS2024.AGEING_INDEX"),  # no ranking either
])  # fmt: skip
def test_two_groups_per_a_hundred_name_a_declared_rate(cifra, question, code):
    answer = cifra.ask(question)
    plan = answer.plan
    assert (answer.status, plan.operation in ("value", "latest"), plan.indicator_code) == ("ok", True, code), answer.answer


@pytest.mark.parametrize("question", [
    "cuántas mujeres hay por cada 100 hombres en Chile",  # the masculinity index turned over
    "cuántos niños hay por cada 100 adultos mayores en Chile",
])  # fmt: skip
def test_a_rate_of_two_groups_the_other_way_round_is_never_its_inverse(cifra, question):
    answer = cifra.ask(question)
    assert answer.status != "ok" and answer.values == [], answer.answer


@pytest.mark.parametrize(("question", "code"), [
    ("oye una pregunta, en el 2010 que porcentaje de toda la energia que usaba chile venia de combustibles fosiles? "
     "(petroleo, carbon, gas) segun el banco mundial", "EG.USE.COMM.FO.ZS"),  # verbs restating the measure
    ("segun el doing business, la tasa total de impuestos q pagaba una empresa en chile el 2017 como % de sus "
     "utilidades comerciales?", "IC.TAX.TOTL.CP.ZS"),  # a World Bank report, a source
    ("necesito saber la variación porcentual de la unidad tributaria mensual de julio 2018 a julio 2023", "CHL.UTM"),
    ("Which three countries emitted the most methane in 2012 (kt of CO2 equivalent)?", "EN.ATM.METH.KT.CE"),
    ("tengo q pagar una multa en utm... cuanto valia la UTM en agosto del 2024? en pesos", "CHL.UTM"),
    ("Most recent reading of Brazil's lending risk premium (lending rate minus T-bill rate)?", "FR.INR.RISK"),
    ("Dame el PIB regional de Aysén del trimestre más reciente que publique el Banco Central (volumen encadenado)",
     "CHL.GDP.REGIONAL"),
    ("What share of income did Argentina's second quintile hold in 2022?", "SI.DST.02ND.20"),
    ("Una duda de clase de economía: en Colombia, año 2019, ¿qué porcentaje del ingreso tenía el quintil del medio "
     "(el tercer 20 % de la población)?", "SI.DST.03RD.20"),  # a lead-in saying what it is for
    ("ahorro neto ajustado de chile como % del ingreso nacional bruto, el ultimo año q tenga el banco mundial",
     "NY.ADJ.SVNG.GN.ZS"),  # the gross national income is the INB of the name
    ("en que año, entre 2001 y 2025, fue mas alta la prima de riesgo sobre los prestamos en mexico?",
     "FR.INR.RISK"),  # retrieved after preprimary enrolment, the only close match naming every word
    ("Del total de habitantes de la Región de Los Ríos en el Censo 2024, ¿qué fracción (en %) corresponde a la "
     "comuna de La Unión?", "CHL.CENSUS2024.POP"),
])  # fmt: skip
def test_words_that_restate_or_situate_the_question_name_no_measure(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


@pytest.mark.parametrize(("question", "operation", "period"), [
    ("¿cuántas personas viven en total en Ecuador, Colombia y Venezuela?", "aggregate", 2025),  # across places
    ("how many people in total live in Paraguay?", "value", 2025),  # one place: its figure, never every year summed
])  # fmt: skip
def test_a_total_without_a_period_is_of_the_newest_year(cifra, question, operation, period):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation, answer.plan.period.start, answer.plan.period.end) == (
        "ok", operation, period, period), answer.answer


@pytest.mark.parametrize(("question", "count", "last"), [
    ("valor promedio de la UF en los últimos tres meses", 3, None),  # the newest months of a daily series
    ("Imacec de los últimos 4 meses", 4, "2026-05"),
    ("PIB trimestral de Chile de los últimos 12 meses", 4, None),  # four quarters
])  # fmt: skip
def test_the_last_months_end_at_the_newest_period(cifra, question, count, last):
    answer = cifra.ask(question)
    assert answer.status == "ok" and answer.plan.period.last_n_months, answer.answer
    periods = sorted({row[answer.columns.index("period")] for row in answer.rows}) if "period" in answer.columns else []
    assert len(periods) == count or f"({count} " in answer.answer, answer.answer
    if last:
        assert periods[-1] == last


def test_a_lead_in_saying_what_the_answer_is_for_names_no_measure(cifra):
    answer = cifra.ask("For a piece on water stress in the Andes: how much freshwater did Colombia withdraw in total "
                       "in 2021, in billion cubic meters?")  # one yearly figure, no sum of one value
    assert (answer.status, answer.plan.operation, answer.plan.indicator_code) == ("ok", "value", "ER.H2O.FWTL.K3")


@pytest.mark.parametrize("question", [
    "Average turnover ratio of domestic shares on Brazil's stock market over 2015-2019",
    "brecha de pobreza de Bolivia en 2015",
])  # fmt: skip
def test_operation_words_inside_a_measure_name_are_the_name(cifra, question):
    assert cifra.understand(question).named_operation is None


def test_a_minus_explaining_the_measure_orders_nothing(cifra):
    answer = cifra.ask("¿En qué año desde el 2000 fue más alto el diferencial de riesgo de los préstamos en Brasil "
                       "(tasa activa menos tasa de letras del tesoro)?")
    assert (answer.status, answer.plan.order, answer.values[0].period) == ("ok", "desc", "2003"), answer.answer


def test_an_index_base_in_the_question_is_no_period(cifra):
    answer = cifra.ask("¿En qué año alcanzó su máximo el índice de producción ganadera de Chile (2014-2016=100)?")
    assert (answer.status, answer.plan.operation, answer.plan.period.start) == ("ok", "which_period", None), answer.answer


@pytest.mark.parametrize(("question", "areas"), [
    ("cuantos hogares se censaron en los angeles (region del biobio) en el censo 2024?", ["CL-08301"]),
    ("población de Concepción, Región del Biobío, censo 2024", ["CL-08101"]),
    ("población de Los Ángeles y de la región del Biobío en el censo 2024", ["CL-08", "CL-08301"]),  # two asked
    ("How many people were counted in Puente Alto (Santiago) in the 2024 census?", ["CL-13201"]),
    ("hogares de Temuco según el censo 2024 de Chile", ["CL-09101"]),  # whose census, not a place asked
    ("población de Chile y de Maipú en el censo 2024", ["CHL", "CL-13119"]),
    ("población de Puente Alto, Las Condes y Santiago en el censo 2024", ["CL-13101", "CL-13114", "CL-13201"]),  # a list
])  # fmt: skip
def test_a_region_named_after_a_place_inside_it_says_which_place(cifra, question, areas):
    answer = cifra.ask(question)
    assert (answer.status, sorted(answer.plan.area_codes)) == ("ok", areas), answer.answer


def test_which_of_two_regions_is_higher_compares_them(cifra):
    answer = cifra.ask("PIB regional jul-sep 2022: Arica y Parinacota vs Aysén, cuál fue mayor y cuánto fue cada uno?")
    assert (answer.status, sorted(answer.plan.area_codes)) == ("ok", ["CL-11", "CL-15"]), answer.answer


@pytest.mark.parametrize("question", [
    "razón entre las exportaciones y las importaciones de Chile en 2022, o sea exportaciones divididas por importaciones",
])  # fmt: skip
def test_a_percentage_is_never_divided_by_an_amount(cifra, question):
    answer = cifra.ask(question)  # one operand read as trade in % of GDP: asked back or declined, never 1.459.449.827
    assert answer.status in ("clarify", "no_data") and answer.values == [], answer.answer  # veces


@pytest.mark.parametrize(("question", "code"), [
    ("índice de envejecimiento de la región de Ñuble", "CHL.CENSUS2024.AGEING_INDEX"),  # never the population
    ("Ranking porfa: las 3 regiones con más viviendas colectivas en el Censo 2024", "CHL.CENSUS2024.DWELLINGS.COLLECTIVE"),
    ("cuantas casas desocupadas conto el censo 2024 en pichilemu?", "CHL.CENSUS2024.DWELLINGS.VACANT"),
    ("number of dwellings in Valparaíso 2024 census", "CHL.CENSUS2024.DWELLINGS"),  # all of them
    ("¿Cuál era la brecha de pobreza de Bolivia en 2015, medida con las líneas de pobreza nacionales?", "SI.POV.NAGP"),
    ("necesito el valor más reciente del IVP (índice de valor promedio), ¿me lo das con su fecha?", "CHL.IVP"),
    ("¿qué % de los niños chilenos menores de 5 años tenía sobrepeso (peso para la talla) el 2014?",
     "SH.STA.OWGH.ZS"),  # "menores de 5 años" is an age, not a ranking
    ("Brazil vs Mexico: receipts from charges for the use of intellectual property in 2024 (current US$)",
     "BX.GSR.ROYL.CD"),  # an uncurated series in current US$ has current prices
    ("ageing index of Chile, 2024 census", "CHL.CENSUS2024.AGEING_INDEX"),
])  # fmt: skip
def test_measures_named_by_words_that_are_also_qualifiers_or_operations(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


@pytest.mark.parametrize(("question", "code"), [
    ("tasa de pobreza por ingresos en Ercilla, estimación comunal 2022 del Ministerio de Desarrollo Social",
     "CHL.POVERTY.INCOME"),  # who publishes it is no topic
    ("¿cuánto ha subido el ICL desde enero de 2023?", "CHL.LABOUR_COST.INDEX"),
    ("¿Cuántas personas de entre 15 y 29 años registró el Censo 2024 en Estación Central?",
     "CHL.CENSUS2024.POP_15_29"),  # an age band, not two measures joined by "y"
    ("población menor de quince años en Uruguay en 2021", "SP.POP.0014.TO.ZS"),  # "menor" is an age, not an order
])  # fmt: skip
def test_publishers_acronyms_and_age_bands(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


def test_since_then_runs_from_the_previous_answer_to_the_newest_value(cifra):
    conversation = Conversation()
    for question in ("PIB per cápita de Argentina 2022", "¿y en 2010?"):
        cifra.ask(question, conversation)
    answer = cifra.ask("¿cuánto cambió desde entonces?", conversation)
    assert answer.plan.operation == "change" and answer.plan.period.start == 2010 and answer.plan.period.end > 2010


def test_how_many_is_not_answered_with_a_percentage(cifra):
    answer = cifra.ask("¿cuántos turistas llegaron a Chile en 2019?")  # not tourism spending as a % of imports
    assert answer.status == "no_data" and answer.values == []


def test_a_change_of_a_quarterly_flow_to_the_latest_ends_at_the_last_whole_year(cifra):
    answer = cifra.ask("¿cuánto ha crecido el PIB de Chile desde 2015?")
    last = cifra.catalog.coverage[(answer.plan.indicator_code, "CHL")][1]
    assert answer.status == "ok" and answer.plan.period.end == (int(last[:4]) if last.endswith("Q4") else int(last[:4]) - 1)


def test_a_change_from_a_rolling_quarter_runs_to_the_newest_value(cifra):
    answer = cifra.ask("¿En cuántos puntos ha subido la tasa de desocupación desde el trimestre octubre-diciembre de "
                       "2025 hasta el último dato del INE?")
    period = answer.plan.period
    assert answer.plan.operation == "change" and (period.start, period.month) == (2025, 12) and period.end >= 2026


@pytest.mark.parametrize("question", [
    "Can you give me the Gini coefficient for each Chilean region in 2022?",  # never the national figure
    "población indígena de Temuco",  # a kind of population no series has: never all of it
    "indigenous population of Temuco",
    "viviendas particulares en Pichilemu",  # never the vacant ones
    "Top three Chilean regions by the share of people aged 15 to 29 in the 2024 census",  # a count is no share
    "¿qué día de 2023 estuvo más barato el dólar?",  # a yearly series has no days: never the year
    "desempleo por región",
    "¿Qué porcentaje del ingreso se lleva el 20% más rico de Chile?",  # never the richest 10 %'s share
    "In 2021, for every patent application filed in Chile by a resident, how many were filed by non-residents?",
    "internet users in Mexico 2016",  # a measure the metadata says broadband subscriptions are not
    "altitud media de Bangladesh",  # low-lying land is no altitude
    "¿Cuánto gastaron en pensiones públicas como % del PIB los países del G7 en 2022?",  # a word of definitions only
    "Con el último valor de la UF, ¿cuántas UF son un millón de pesos?",  # never the UF's value alone
    "y la bolsa? como cerró el IPSA ayer",  # a day no series reaches
    "¿Y cuántos de esos hogares arriendan la vivienda en Viña del Mar según el censo 2024?",  # no tenure here
    "¿Qué porcentaje de colombianos está en pobreza según la línea de pobreza nacional?",  # people, never the gap
    "Of the three, which one had the highest exports share on its own?",  # which three? never Chile's best year
    "female labour force participation for women aged 25-54 in Italy, 2022?",  # an age band no series has: never 15+
])  # fmt: skip
def test_what_the_rules_cannot_read_is_never_a_nearby_figure(cifra, question):
    answer = cifra.ask(question)
    assert answer.status in ("no_data", "clarify") and answer.values == [], answer.answer


def test_a_greeting_and_a_preamble_are_no_topic(cifra):
    answer = cifra.ask("hola! una consulta pa un trabajo de la u: ¿qué porcentaje del gasto total del gobierno de "
                       "Chile se destinó a educación el 2019? (dato Banco Mundial)")
    assert (answer.status, answer.plan.indicator_code) == ("ok", "SE.XPD.TOTL.GB.ZS"), answer.answer


@pytest.mark.parametrize(("question", "rest"), [
    ("Hola, trabajo en la Dirección de Planificación de una municipalidad y necesito la población censada de Maipú.",
     "necesito la población censada de Maipú."),
    ("Necesito el PIB trimestral para una guía: ¿cuánto fue el PIB en el segundo trimestre de 2023?",
     "¿cuánto fue el PIB en el segundo trimestre de 2023?"),
    ("Para un informe del Gobierno Regional requiero la población censada de Los Lagos.",
     "requiero la población censada de Los Lagos."),
    ("Sobre Chile: ¿cuánto fue el desempleo?", None),  # the lead-in names the place asked about
    ("Para 2023: ¿cuánto fue el desempleo?", None),  # and the period
    ("¿cuánto fue el desempleo en 2023?", None),
    ("Trabajo en el hospital de Temuco y necesito la población proyectada de Temuco en 2025",
     "necesito la población proyectada de Temuco en 2025"),  # the lead-in's place is the one asked about
])  # fmt: skip
def test_a_lead_in_naming_no_place_or_period_can_be_set_aside(cifra, question, rest):
    assert cifra.understand.after_lead_in(question) == rest


@pytest.mark.parametrize(("question", "rest"), [
    ("¿ha bajado la mortalidad infantil en Chile desde el 2000? tengo q armar una presentacion pal servicio",
     "¿ha bajado la mortalidad infantil en Chile desde el 2000?"),
    ("¿cuál fue el desempleo de Chile? lo necesito para 2020", None),  # the remark names the year asked about
    ("¿y el 2022? ese año los precios estaban por las nubes", None),
])  # fmt: skip
def test_a_remark_after_the_question_naming_no_place_or_period_can_be_set_aside(cifra, question, rest):
    assert cifra.understand.before_afterword(question) == rest


def test_a_question_after_a_lead_in_is_read_again_alone(cifra):
    answer = cifra.ask("Para planificar jardines infantiles y colegios: ¿qué porcentaje de la poblacion de Alto Hospicio "
                       "tiene entre 0 y 14 años (censo 2024)?")  # the lead-in's words read as a second measure
    assert (answer.status, [value.area for value in answer.values]) == ("ok", ["CL-01107"]), answer.answer


@pytest.mark.parametrize(("question", "follow_up"), [
    ("¿cuántas viviendas desocupadas hay en Marte?", "¿y cuántas ocupadas?"),  # never the employed people in Chile
    ("¿Cuál fue la variación en 12 meses del IPC SAE en junio de 2026?",
     "ok, entonces dame la del IPC general en el último mes disponible"),  # the rise of a question never read: never
    # the index's level
])  # fmt: skip
def test_a_follow_up_of_a_question_not_answered_is_asked_back(cifra, question, follow_up):
    conversation = Conversation()
    first = cifra.ask(question, conversation)
    answer = cifra.ask(follow_up, conversation)
    assert first.status != "ok" and (answer.status, answer.values) == ("clarify", []), answer.answer


def test_a_question_naming_no_place_after_one_not_answered_for_another_place_is_asked_back(cifra):
    conversation = Conversation()
    first = cifra.ask("¿cuántos unicornios hay en Brasil?", conversation)
    follow_up = cifra.ask("¿En qué año fue más alto el desempleo entre 2010 y 2020?", conversation)  # Brazil's, not Chile's
    assert first.status != "ok" and (follow_up.status, follow_up.values) == ("clarify", [])


def test_a_difference_said_with_more_than_and_no_operands_is_asked_back(cifra):
    answer = cifra.ask("Colombia 2024: how much more did the country pay abroad for the use of intellectual property "
                       "than it received? (payments minus receipts, current US$, balance of payments)")
    assert answer.status == "clarify" and "how much more" in answer.answer and answer.values == []


@pytest.mark.parametrize(("question", "code"), [
    ("¿En qué porcentaje aumentó el PIB de Perú entre 2015 y 2019?", "NY.GDP.MKTP.CD"),  # never a share of GDP
    ("In percent, how much did Peru's GDP per capita rise from 2015 to 2019?", "NY.GDP.PCAP.CD"),  # per capita kept
])  # fmt: skip
def test_a_percent_change_keeps_the_measure_named(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation, answer.plan.indicator_code) == ("ok", "change", code), answer.answer


@pytest.mark.parametrize(("question", "count"), [
    ("De Perú, Bolivia y Ecuador, ¿cuántos tenían una esperanza de vida sobre 75 años en 2019?", 2),
    ("Of Argentina, Brazil, Mexico and Chile, how many of them had inflation above 5% in 2021?", 3),
])  # fmt: skip
def test_how_many_of_the_places_named_meet_a_condition(cifra, question, count):
    answer = cifra.ask(question)  # never each place's first year above it, nor a group named among them
    assert (answer.status, answer.plan.operation, answer.plan.group_code) == ("ok", "count", None), answer.answer
    assert [value.value for value in answer.values if value.indicator == "count"] == [count]


@pytest.mark.parametrize("question", [
    "Hola, soy profesora de historia y necesito saber la esperanza de vida al nacer en Bolivia en 2015",
    "analyst here - life expectancy at birth in Bolivia in 2015?",
    "Estoy preparando una presentación para la oficina y quiero la esperanza de vida al nacer de Bolivia en 2015",
])  # fmt: skip
def test_who_asks_and_what_for_is_no_topic(cifra, question):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code, answer.plan.area_codes) == ("ok", "SP.DYN.LE00.IN", ["BOL"]), answer.answer


@pytest.mark.parametrize(("question", "operation"), [
    ("¿Qué mes de 2022 tuvo la tasa de desocupación más baja?", "which_period"),
    ("¿Cuánto va a aumentar la población de Temuco entre 2025 y 2035 según el INE?", "change"),
    ("How much will the population of Temuco increase between 2025 and 2035?", "change"),
])  # fmt: skip
def test_which_month_and_a_change_to_come(cifra, question, operation):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation) == ("ok", operation), answer.answer


@pytest.mark.parametrize(("question", "status", "code"), [
    ("GDP per person employed in constant PPP dollars, Chile 2019", "ok", "SL.GDP.PCAP.EM.KD"),
    ("PIB per cápita de Chile en dólares PPA constantes, 2019", "no_data", None),  # only current PPP: never it instead
])  # fmt: skip
def test_constant_ppp_dollars_are_one_price_basis(cifra, question, status, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code if answer.plan else None) == (status, code), answer.answer


@pytest.mark.parametrize(("question", "excluded", "expected"), [
    # a year of a quarterly series: each region's sum of four quarters, as a value question reads it
    ("Sin contar la Región Metropolitana, ¿qué región tuvo el PIB regional más grande el 2024? Y la segunda?", ["CL-13"],
     [("CL-02", "2024", 17618), ("CL-05", "2024", 15531)]),
    ("excluding Brazil, which three South American countries had the largest population in 2020?", ["BRA"],
     [("COL", "2020", None), ("ARG", "2020", None), ("PER", "2020", None)]),
])  # fmt: skip
def test_a_member_left_out_of_a_ranking_is_not_ranked(cifra, question, excluded, expected):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation, answer.plan.excluded_codes) == ("ok", "rank", excluded), answer.answer
    assert [(value.area, value.period) for value in answer.values] == [(area, period) for area, period, _ in expected]
    for value, (_, _, figure) in zip(answer.values, expected):
        assert figure is None or value.value == pytest.approx(figure)
    assert ("sin contar" if answer.language == "es" else "excluding") in answer.understood.text


def test_a_place_left_out_of_no_group_is_asked_back(cifra):
    answer = cifra.ask("PIB regional de Chile sin contar la Región Metropolitana en 2023")
    assert answer.status == "clarify" and answer.plan is None


@pytest.mark.parametrize(("question", "status", "operation"), [
    # the period answer gives its figure: "and what was the rate?" asks nothing more
    ("Since 2000, in which year was Chile's consumer price inflation the highest, and what was the rate?", "ok",
     "which_period"),
    ("¿En qué año fue más alto el desempleo de Perú desde 2010, y cuál fue la tasa?", "ok", "which_period"),
    ("¿Qué día de 2023 estuvo más caro el cobre y cuál fue el precio?", "ok", "which_period"),
    # a month against another: the change between them; a second month the period did not take is asked back,
    # never answered with the first month alone
    ("¿Cuánto subió el IPC en marzo de 2024 respecto de febrero?", "ok", "change"),
    ("Imacec de marzo de 2025 vs marzo de 2024", "ok", "change"),
    ("el IPC de mayo de 2024 comparado con el de abril", "clarify", None),
])  # fmt: skip
def test_every_part_of_a_period_question_is_read(cifra, question, status, operation):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation if answer.plan else None) == (status, operation), answer.answer
    if operation == "change":
        assert (answer.plan.period.month, answer.plan.period.month_end) in ((2, 3), (3, 3))


def test_the_figure_of_each_one_ranked_is_the_ranking(cifra):
    answer = cifra.ask("¿cuáles son las 3 regiones con más hogares en el censo 2024 y cuántos hogares tiene cada una?")
    assert (answer.status, answer.plan.operation, answer.plan.indicator_code) == (
        "ok", "rank", "CHL.CENSUS2024.HOUSEHOLDS"), answer.answer


@pytest.mark.parametrize(("question", "areas"), [
    ("How many times higher was US life expectancy than Bolivia's in 2015?", ["USA", "BOL"]),
    ("what was the U.S. unemployment rate in 2019?", ["USA"]),
    ("GDP per capita in US dollars, Chile 2020", ["CHL"]),  # a currency, not a country
])  # fmt: skip
def test_us_in_capitals_is_the_united_states(cifra, question, areas):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.area_codes) == ("ok", areas), answer.answer


@pytest.mark.parametrize(("question", "code"), [
    ("oye weon me ayudai con la esperanza de vida de bolivia en 2015", "SP.DYN.LE00.IN"),
    ("female labour force participation rate in Bolivia 2015", "SL.TLF.CACT.FE.ZS"),  # the British spelling
    ("¿qué parte de la electricidad de Costa Rica venía de fuentes renovables en 2015?", "EG.ELC.RNEW.ZS"),  # a verb
    ("¿cuánto se redujeron las emisiones de CO2 per cápita de Francia entre 2000 y 2014?", "EN.ATM.CO2E.PC"),
])  # fmt: skip
def test_chat_words_and_spellings(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


@pytest.mark.parametrize(("question", "period"), [
    ("¿Cuál ha sido el Imacec desestacionalizado más alto desde que comenzó la serie?", "month"),
    ("What was the highest unemployment rate in Chile since 2018?", "month"),  # Chile has no regional series
    ("¿cuál fue el año con el desempleo más alto en Chile desde 2018?", "year"),
])  # fmt: skip
def test_the_highest_value_of_a_place_without_members_is_its_highest_period(cifra, question, period):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation) == ("ok", "which_period"), answer.answer
    assert len(answer.values[0].period) == (7 if period == "month" else 4), answer.values


def test_a_gap_compared_with_another_place_is_the_same_gap_there(cifra):
    answer = last_answer(cifra, ["In Russia in 2023, how many more years do women live than men?", "and japan?",
                                 "how does that compare with the world as a whole?"])
    assert [(part.plan.operation, part.plan.area_codes, part.plan.second_indicator_code) for part in answer.parts] == [
        ("difference", ["JPN"], "SP.DYN.LE00.MA.IN"), ("difference", ["WLD"], "SP.DYN.LE00.MA.IN")], answer.answer


@pytest.mark.parametrize("question", ["¿cómo cerró el cobre el 2024?", "how did copper close in 2024?"])
def test_how_a_year_closed_is_its_end(cifra, question):
    period = cifra.ask(question).plan.period
    assert (period.start, period.month, period.year_end) == (2024, 12, True)


def test_cerro_before_a_name_is_a_comuna(cifra):
    assert cifra.ask("población de Cerro Navia en 2024").plan.area_codes == ["CL-13103"]


@pytest.mark.parametrize("questions", [
    ["ok, unemployment rate in Texas right now?", "fine, the US as a whole then, last year (ILO estimate)"],  # never
    # the population of the US
    ["what's the rate in peru", "sorry, inflation, for 2024"],  # never Chile's inflation, the one series of one place
])
def test_a_follow_up_after_a_question_not_answered_that_leaves_its_place_open_is_asked_back(cifra, questions):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.values) == ("clarify", []), answer.answer


@pytest.mark.parametrize("questions", [
    ["cuanto subieron los precios el año pasado en chile? de diciembre a diciembre",
     "¿y cuánto subió la comida? los alimentos digo"],
    ["cuanto subieron los precios el año pasado en chile? de diciembre a diciembre", "¿y la UF, cuánto subió ese año?",
     "¿y cuánto subió la comida?"],  # the UF follows the CPI
])
def test_a_good_priced_in_the_cpi_after_inflation_is_no_other_measure(cifra, questions):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.values) == ("no_data", []), answer.answer  # never the food production index


@pytest.mark.parametrize("questions", [
    ["rank the top 3 in southeast asia by gdp per head, 2024", "which of them grew fastest between 2014 and 2024?"],
    ["Según las proyecciones del INE, ¿qué región de Chile crecería más en términos porcentuales entre 2017 y 2035?"],
])
def test_a_ranking_of_changes_over_a_span_is_declined(cifra, questions):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.values) == ("clarify", []), answer.answer  # never the last year's growth, nor Chile's


def test_a_share_of_an_amount_after_its_ranking_is_never_the_ranking_again(cifra):
    answer = last_answer(cifra, ["¿Qué región de Chile tuvo el PIB más grande el año pasado?",
                                 "¿y cuánto representa del total regionalizado?"])
    assert (answer.status, answer.values) == ("no_data", []), answer.answer


@pytest.mark.parametrize("question", [
    "Germany's GDP in dollars last year vs five years ago?",  # never last year's alone
    "¿es verdad que la inflación de 2022 en Chile fue la más alta desde los 90?",  # never 2022's highest month
    "desempleo de Chile desde los 90 hasta 2020",  # never from the start of the series
])
def test_a_second_period_the_reading_missed_is_never_left_out(cifra, question):
    answer = cifra.ask(question)
    assert (answer.status, answer.values) == ("clarify", []), answer.answer


def test_a_place_left_aside_among_members_of_another_kind_is_the_one_holding_it(cifra):
    answer = cifra.ask("Leaving Santiago aside, which Chilean region had the biggest GDP in the first quarter of 2026?")
    assert (answer.plan.member_kind, answer.plan.excluded_codes) == ("cl_region", ["CL-13"]), answer.answer


def test_the_lowest_five_after_a_top_five_is_the_same_ranking_from_below(cifra):
    answer = last_answer(cifra, ["Which countries in Africa have the highest life expectancy? top 5 pls",
                                 "and the lowest five?"])
    assert (answer.plan.indicator_code, answer.plan.order, answer.plan.top_n) == ("SP.DYN.LE00.IN", "asc", 5)


@pytest.mark.parametrize("follow_up", ["now the other way round", "¿y al revés?"])
def test_the_other_way_round_ranks_from_the_other_end(cifra, follow_up):
    answer = last_answer(cifra, ["life expectancy at birth in chile 2023?", "rank the South American countries on that",
                                 follow_up])
    assert (answer.plan.operation, answer.plan.group_code, answer.plan.order) == ("rank", "M49-005", "asc"), answer.answer


def test_that_region_after_its_top_comuna_ranks_its_comunas(cifra):
    answer = last_answer(cifra, ["cual es la comuna con mas poblacion proyectada para el 2030 en la region de "
                                 "antofagasta", "¿y en la Araucanía?", "dame las cinco más grandes de esa región"])
    assert (answer.plan.operation, answer.plan.group_code, answer.plan.top_n) == ("rank", "CL-09", 5), answer.answer


@pytest.mark.parametrize(("question", "areas", "group"), [
    ("I'm a teacher from Peru working in Temuco. What was Temuco's population in Chile's 2024 census?", ["CL-09101"],
     None),
    ("For my class I'm comparing air quality in South America. Where does Chile rank in PM2.5 exposure among South "
     "American countries in 2023?", ["CHL"], "M49-005"),  # the group named again by its demonym is asked
])
def test_places_named_only_in_a_sentence_of_context_are_not_asked(cifra, question, areas, group):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.area_codes, answer.plan.group_code) == ("ok", areas, group), answer.answer


def test_an_average_of_monthly_figures_is_the_average(cifra):
    answer = cifra.ask("desempleo promedio de 2022 en Chile, promedio de los 12 datos mensuales del Banco Central")
    assert (answer.status, [value.period for value in answer.values]) == ("ok", ["2022"]), answer.answer


def test_courtesy_before_a_follow_up_and_a_greeting_are_no_topic(cifra):
    conversation = Conversation()
    cifra.ask("Buenas tardes. Para una nota: ¿cuál fue la esperanza de vida de las mujeres en Perú en 2019?", conversation)
    answer = cifra.ask("Perfecto, gracias. ¿Y la de los hombres?", conversation)
    assert (answer.status, answer.plan.indicator_code, answer.plan.area_codes) == ("ok", "SP.DYN.LE00.MA.IN", ["PER"])


@pytest.mark.parametrize(("question", "order"), [
    ("Ordena de mayor a menor la esperanza de vida de 2019 de Chile, Perú y Bolivia", "desc"),
    ("rank Chile, Peru and Bolivia from highest to lowest life expectancy in 2019", "desc"),
    ("los países de Sudamérica con menor esperanza de vida en 2019", "asc"),
    ("los 3 países sudamericanos con mayor mortalidad de menores de 5 años en 2022", "desc"),  # an age, not an end
])  # fmt: skip
def test_both_ends_named_order_from_the_first(cifra, question, order):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.order) == ("ok", order), answer.answer


def test_a_count_asked_in_total_is_the_count(cifra):
    answer = cifra.ask("¿cuántos hogares se censaron en total en la región de Los Ríos en el Censo 2024?")
    assert (answer.status, answer.plan.indicator_code, answer.plan.area_codes) == (
        "ok", "CHL.CENSUS2024.HOUSEHOLDS", ["CL-14"]), answer.answer
    assert answer.values[0].value == 148643


def test_the_first_of_a_month_is_the_row_dated_that_day_said_so(cifra):
    answer = cifra.ask("UF del 1 de marzo de 2024")
    assert (answer.status, answer.values[0].period, answer.plan.period.day) == ("ok", "2024-03", None), answer.answer
    assert any("fechado el día 1" in note for note in answer.notes)


@pytest.mark.parametrize("question", ["valor de la uf el 15 de mayo de 2024", "Imacec on March 3rd, 2024",
                                      "desempleo en Chile el 3 de marzo de 2022"])
def test_another_day_of_a_monthly_or_quarterly_series_is_declined(cifra, question):
    answer = cifra.ask(question)  # a row dated the 1st is never the figure of another day
    assert (answer.status, answer.values) == ("no_data", []), answer.answer
    assert "día" in answer.answer or "day" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "code"), [
    ("What was Chile's unemployment rate in 2008 according to the Central Bank's rolling-quarter series?",
     "CHL.UNEMPLOYMENT.RATE"),
    ("tasa de desempleo de Chile en 2008 según el Banco Central", "CHL.UNEMPLOYMENT.RATE"),
])  # fmt: skip
def test_a_source_named_is_kept_where_its_series_lacks_the_period(cifra, question, code):
    answer = cifra.ask(question)  # never the World Bank's figure for a year the Central Bank's series lacks
    assert (answer.status, answer.values, answer.understood.indicator) == ("no_data", [], code), answer.answer


@pytest.mark.parametrize(("question", "status", "named"), [
    # a place the gazetteer lacks beside one it knows: never answered for the known one alone
    ("Esperanza de vida 2020: Chile vs Narnia, ¿cuál es mayor?", "no_data", "Narnia"),
    # a known name inside one no area has: never the place inside it
    ("population of the comuna of Nueva Valdivia in Chile?", "no_data", "Nueva Valdivia"),
    ("población de San Valparaíso en 2020", "no_data", "San Valparaíso"),
    ("población de Santa Cruz de la Sierra", "no_data", "Santa Cruz de la Sierra"),  # no Santa Cruz, the comuna
    ("What was GDP per capita in the state of São Paulo in 2023?", "no_data", "São Paulo"),  # a name of words
    # some of which name places elsewhere: never the United States, nor a measure called "paulo"
    ("¿Cuál es el índice de pobreza en El Alto? Necesito el dato de la ciudad nomás.", "no_data", "El Alto"),  # its
    # capital article names a place, never Chile's figure
    # "the highest day" of one day is two questions joined
    ("Copper price on 3 June 2024, and which day of 2024 had the highest price?", "clarify", ""),
    ("Copper price on 3 June 2024 per Banco Central de Chile, and which day of 2024 had the highest price?", "clarify",
     "2024-06-03"),
])  # fmt: skip
def test_a_question_read_only_in_part_is_never_answered(cifra, question, status, named):
    answer = cifra.ask(question)
    assert answer.status == status and answer.plan is None and named.lower() in answer.answer.lower(), answer.answer


@pytest.mark.parametrize(("question", "member_kind"), [
    ("Which 3 communes of the Maule Region had the lowest income poverty rate in 2022?", "cl_comuna"),
    ("me podi decir la esperanza de vida de Chile en 2019 pls", None),  # how it is asked, not what
])  # fmt: skip
def test_chat_words_and_english_names_of_comunas_are_read(cifra, question, member_kind):
    answer = cifra.ask(question)
    assert answer.status == "ok" and answer.plan.member_kind == member_kind, answer.answer


@pytest.mark.parametrize(("words", "code", "unaccounted"), [
    (["internet"], "FR.INR.RINR", ["internet"]),  # starts like "interés", is another word
    (["internet"], "IT.NET.BBND.P2", []),
    (["spend", "research"], "GB.XPD.RSDV.GD.ZS", []),  # "spending": one word in another ending
    (["mujeres"], "SP.DYN.LE00.FE.IN", []),
])  # fmt: skip
def test_a_measure_accounts_for_a_word_only_in_another_ending_of_it(cifra, words, code, unaccounted):
    assert cifra.catalog.unaccounted(words, code, strict=True) == unaccounted


@pytest.mark.parametrize("question", [
    "¿Por qué cayó tanto el PIB de Argentina en 2020?",
    "Why did Peru's unemployment rise in 2020?",
])  # fmt: skip
def test_a_why_is_no_figure_and_the_figure_is_offered(cifra, question):
    answer = cifra.ask(question)
    assert answer.status == "clarify" and answer.values == [] and len(answer.options) == 1, answer.answer


@pytest.mark.parametrize(("question", "operation", "code", "areas"), [
    ("¿en qué día de 2023 estuvo más caro el cobre?", "which_period", "CHL.COPPER.PRICE", ["CHL"]),
    ("The five countries with the lowest total fertility rate in 2022, countries only, not regional groupings", "rank",
     "SP.DYN.TFRT.IN", []),
    ("Imacec (non-seasonally-adjusted): year-on-year change in January 2025", "value", "CHL.IMACEC.GROWTH_12M",
     ["CHL"]),
    ("¿cuál es la brecha de género en el desempleo de Colombia en 2021?", "difference", "SL.UEM.TOTL.FE.ZS", ["COL"]),
])  # fmt: skip
def test_phrasings_of_an_end_a_group_a_change_or_a_gap(cifra, question, operation, code, areas):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation, answer.plan.indicator_code) == ("ok", operation, code), answer.answer
    assert answer.plan.area_codes == areas


def test_a_follow_up_naming_projections_keeps_the_year_and_takes_the_projected_series(cifra):
    conversation = Conversation()
    cifra.ask("población de Maipú según el censo 2024", conversation)
    answer = cifra.ask("¿y según las proyecciones del INE?", conversation)
    assert (answer.plan.indicator_code, answer.plan.period.start) == ("CHL.POPULATION.PROJ", 2024), answer.answer


def test_what_share_is_never_answered_with_an_amount(cifra):
    answer = cifra.ask("¿qué porcentaje del PIB regional de 2023 generó la Región de Antofagasta?")
    assert answer.status != "ok" or answer.values[0].unit.startswith("%"), answer.answer


@pytest.mark.parametrize(("question", "operation", "code"), [
    ("promedio de personas por hogar en Lautaro", "latest", "CHL.CENSUS2024.PERSONS_PER_HOUSEHOLD"),  # an average by name, no years
    ("Colombia's military spending relative to the size of its economy in 2019", "value", "MS.MIL.XPND.GD.ZS"),
    ("¿Cuántos días se demoraba abrir una empresa en Colombia en 2016?", "value", "IC.REG.DURS"),  # days, its unit
    ("How many Central American countries had a fertility rate below the replacement level of 2.1 children per "
     "woman in 2021?", "count", "SP.DYN.TFRT.IN"),
    ("which Central American countries' population grew the most in 2019?", "rank", "SP.POP.GROW"),
    ("Para una nota necesito saber la tasa de pobreza de Lota en 2022", "value", "CHL.POVERTY.INCOME"),
    ("¿En qué año creció más la economía de Uruguay entre 2005 y 2015, y en cuánto?", "which_period",
     "NY.GDP.MKTP.KD.ZG"),  # the year's figure, no change between the two ends
    ("¿qué país de Centroamérica tuvo más homicidios por habitante en 2019?", "rank", "VC.IHR.PSRC.P5"),  # per 100,000
    ("si sumamos la población de Uruguay y Paraguay en 2020, ¿cuánto da?", "aggregate", "SP.POP.TOTL"),
    ("average yearly inflation in Peru between 2010 and 2015", "aggregate", "FP.CPI.TOTL.ZG"),
    ("¿cuántos años de esperanza de vida ganó Chile entre 1990 y 2010?", "change", "SP.DYN.LE00.IN"),  # no years counted
    ("pobreza por ingresos en la ciudad de Temuco 2022", "value", "CHL.POVERTY.INCOME"),  # the city is its comuna
    ("¿a cuántos pesos estaba el dólar en Chile en 2018?", "value", "PA.NUS.FCRF"),  # the rate, never GDP in pesos
    ("average exchange rate of the Chilean peso to the US dollar in 2016", "value", "PA.NUS.FCRF"),
    ("dólar observado promedio de 2021", "value", "PA.NUS.FCRF"),
    ("¿cuántos habitantes suman Bolivia y Paraguay en 2015?", "aggregate", "SP.POP.TOTL"),
    ("Which Central American country spent the least on its military in 2019?", "rank", "MS.MIL.XPND.GD.ZS"),
    ("¿Cuántos hijos tiene en promedio cada mujer en Chile? Dame el último dato del Banco Mundial.", "latest",
     "SP.DYN.TFRT.IN"),  # an average per woman: the latest figure, never a mean over the years
    ("¿Cuántos años se espera que viva un chileno al nacer? El último dato del Banco Mundial", "latest", "SP.DYN.LE00.IN"),
    ("How many people lived in Bolivia in 2000, per the World Bank?", "value", "SP.POP.TOTL"),
    ("¿cuántos años vive en promedio una mujer en Chile? el último dato", "latest", "SP.DYN.LE00.FE.IN"),  # hers
    ("¿cuántas toneladas de CO2 emitía cada mexicano en 2010?", "value", "EN.ATM.CO2E.PC"),  # each Mexican's
    ("¿cuántos puntos subió el porcentaje de mayores de 65 en Japón entre 2000 y 2020?", "change",
     "SP.POP.65UP.TO.ZS"),  # an age group's share names the people
    ("What share of people in Paraguay lived in towns and cities in 2023?", "value", "SP.URB.TOTL.IN.ZS"),  # one measure
    ("¿Cuántos habitantes tiene la región de Ñuble en 2025 según el INE? solo la región, no todo el país", "value",
     "CHL.POPULATION.PROJ"),  # what is ruled out names nothing
    ("De los países de Sudamérica, ¿en cuáles 3 una mujer tiene más hijos en promedio? datos 2022", "rank",
     "SP.DYN.TFRT.IN"),  # "en promedio" says what the measure is, the question ranks
    ("¿En qué país de Sudamérica vive más años la gente, en promedio? datos 2023", "rank", "SP.DYN.LE00.IN"),
    ("How many kids does the average woman in Chile have these days? Latest World Bank fertility rate.", "latest",
     "SP.DYN.TFRT.IN"),  # kids per woman: no age group, no sex
])  # fmt: skip
def test_names_units_thresholds_and_ends_as_people_write_them(cifra, question, operation, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation, answer.plan.indicator_code) == ("ok", operation, code), answer.answer


def test_the_year_a_level_rose_most_is_no_year_of_its_peak(cifra):
    answer = cifra.ask("¿en qué año subió más la población de Uruguay?")
    assert answer.status == "clarify" and answer.values == [], answer.answer


@pytest.mark.parametrize("questions", [
    ["población de Chile en 2010", "¿cuánto cambió?"],  # since when?
    ["¿cuánto mayor es la población de Brasil que la de México en 2020, en porcentaje?"],  # no difference in people
])  # fmt: skip
def test_a_change_or_difference_without_what_it_needs_is_asked_back(cifra, questions):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.values) == ("clarify", []), answer.answer


def test_how_much_it_rose_from_one_answer_to_the_next(cifra):
    conversation = Conversation()
    for question in ("inflación de Chile a fines de 2022", "¿y a fines de 2023?"):
        cifra.ask(question, conversation)
    answer = cifra.ask("¿cuántos puntos subió de un año al otro?", conversation)
    assert answer.plan.operation == "change" and (answer.plan.period.start, answer.plan.period.end) == (2022, 2023)


@pytest.mark.parametrize(("questions", "operation", "code", "areas"), [
    # a follow-up rewording the measure keeps it, and "which one" compares the places
    (["gasto militar de Ecuador en 2018", "¿y Bolivia? ¿cuál gasta más?"], "value", "MS.MIL.XPND.GD.ZS", ["ECU", "BOL"]),
    (["military spending of Norway in 2019", "and Sweden, which one spends more?"], "value", "MS.MIL.XPND.GD.ZS",
     ["NOR", "SWE"]),
    # a place named with a difference or ratio is set against the last answer's
    (["esperanza de vida de Uruguay en 2019", "¿y en Paraguay? ¿cuánto más baja?"], "difference", "SP.DYN.LE00.IN",
     ["PRY", "URY"]),
    (["CO2 emissions per person in France in 2010", "and in Germany? how many times higher?"], "ratio", "EN.ATM.CO2E.PC",
     ["DEU", "FRA"]),
    (["life expectancy in Japan and Nigeria in 2020", "so how many times higher is Japan's?"], "ratio", "SP.DYN.LE00.IN",
     ["JPN", "NGA"]),  # the place asked about first, of the two answered
    (["tasa de pobreza por ingresos de Lo Espejo 2022", "¿cuántas veces mayor es que la de Las Condes?"], "ratio",
     "CHL.POVERTY.INCOME", ["CL-13116", "CL-13114"]),  # the place named after "que" is what the last one is set against
    (["tasa de pobreza por ingresos de Cerro Navia 2022", "¿y eso cuántas veces es la de Providencia?"], "ratio",
     "CHL.POVERTY.INCOME", ["CL-13103", "CL-13123"]),  # "eso" is the last answer, set against the place named
    (["¿cuánto creció la población de Colombia entre 2005 y 2015?", "¿y la de Ecuador en el mismo período?"], "change",
     "SP.POP.TOTL", ["ECU"]),  # the same change, of another place
    (["hogares censados en Puente Alto", "¿y cuántas personas hay en promedio en cada hogar?"], "latest",
     "CHL.CENSUS2024.PERSONS_PER_HOUSEHOLD", ["CL-13201"]),  # another measure, not households reworded
    (["deuda externa de Argentina en 2020", "¿y eso como porcentaje del INB?"], "value", "DT.DOD.DECT.GN.ZS", ["ARG"]),
    (["población de Valdivia en 2023 según las proyecciones del INE", "¿y según el censo de 2024?"], "value",
     "CHL.CENSUS2024.POP", ["CL-14101"]),  # the census count, not the projection "base Censo 2017"
    (["military spending of Peru in 2019 as a share of GDP", "and as a share of government expenditure?"], "value",
     "MS.MIL.XPND.ZS", ["PER"]),  # the family's other share, the one its name says
    (["esperanza de vida de Bolivia en 1995", "¿y Ecuador?", "¿cuántos años ganó Ecuador entre ese año y 2015?"],
     "change", "SP.DYN.LE00.IN", ["ECU"]),  # "entre ese año y 2015": from the last answer's year
    (["mortalidad infantil de Bolivia en 2021", "¿cuánto bajaría entre 2000 y ese año?"], "change", "SP.DYN.IMRT.IN",
     ["BOL"]),  # "entre 2000 y ese año": to the last answer's year
    # a change between two years and a share are kept ("how about", "qué tal" follow)
    (["¿cuánto subió la esperanza de vida en Bolivia entre 2000 y 2019?", "¿y en Paraguay?"], "change", "SP.DYN.LE00.IN",
     ["PRY"]),
    (["What share of Peru's population was urban in 2010?", "How about Ecuador?"], "value", "SP.URB.TOTL.IN.ZS", ["ECU"]),
    (["¿qué porcentaje de la población de Chile tenía 65 años o más en 2024?", "¿qué tal los menores de 15?"], "value",
     "CHL.CENSUS2024.POP_0_14.SHARE", ["CHL"]),
    # the place of the last answer, said as "there" or "ahí"; "o sea" opens a follow-up
    (["tasa de pobreza multidimensional de Lo Espejo 2022", "how many households were counted there in the 2024 census?"],
     "value", "CHL.CENSUS2024.HOUSEHOLDS", ["CL-13116"]),
    (["tasa de pobreza por ingresos de Lo Espejo 2022", "¿y en Providencia?", "o sea, ¿cuántas veces más alta?"],
     "ratio", "CHL.POVERTY.INCOME", ["CL-13116", "CL-13123"]),
    (["hogares censados en Maipú", "o sea cuántas personas por hogar"], "latest",
     "CHL.CENSUS2024.PERSONS_PER_HOUSEHOLD", ["CL-13119"]),
    # "comparado con" adds the place; "la región completa" after its top comuna is the region
    (["esperanza de vida de Chile en 2019", "¿y comparado con Bolivia?"], "value", "SP.DYN.LE00.IN", ["CHL", "BOL"]),
    (["¿cuál es la comuna más poblada de la región del Biobío? proyección 2024", "¿y cuánta gente tiene la región completa?"],
     "value", "CHL.POPULATION.PROJ", ["CL-08"]),
    # "ahora" after a change asks for the newest figure, not the change again
    (["desempleo en Chile según el banco central, último dato", "¿y hace un año?", "¿cuántos puntos subió?",
      "¿y cuánta gente ocupada hay ahora?"], "latest", "CHL.EMPLOYMENT", ["CHL"]),
    (["desempleo promedio del año pasado", "cuanta gente tenia pega en mayo 2026"], "value", "CHL.EMPLOYMENT", ["CHL"]),
    (["top 5 central american countries by gdp per head in 2024", "what's the average of those five?"], "aggregate",
     "NY.GDP.PCAP.CD", ["PAN", "CRI", "BLZ", "GTM", "SLV"]),  # those shown, said by their number alone
    (["cuanta gente vivia en la region de valparaiso el año pasado segun el ine?", "y en viña?"], "value",
     "CHL.POPULATION.PROJ", ["CL-05109"]),  # a comuna by its short name
    (["diferencia entre el censo 2024 y la proyeccion del INE para 2024 en la region de antofagasta",
      "y para todo chile?"], "difference", "CHL.CENSUS2024.POP", ["CHL"]),  # the same two measures, never one twice
    # an operation alone is between the last two answers
    (["esperanza de vida de Chile en 2020", "¿y de Haití?", "¿cuántos años de diferencia son?"], "difference",
     "SP.DYN.LE00.IN", ["CHL", "HTI"]),
    # a topic of generic words is the last measure
    (["tasa de pobreza por ingresos de Iquique en 2022", "¿qué comuna de Tarapacá tiene la tasa más alta?"], "rank",
     "CHL.POVERTY.INCOME", []),
    # "there" after the top member is that member
    (["¿cuál es la comuna con más pobreza multidimensional de la región de Tarapacá en 2022?",
      "¿cuántos hogares había ahí en el censo 2024?"], "value", "CHL.CENSUS2024.HOUSEHOLDS", ["CL-01404"]),  # Huara
    # a follow-up after a year with no data continues from the answer before it
    (["población de Chile en 2030 según las proyecciones del INE", "¿y en 2045?", "ya, ¿y en 2010?"], "value",
     "CHL.POPULATION.PROJ", ["CHL"]),
    (["Which South American country had the lowest Gini in 2022?", "what was its GDP per capita that year?"],
     "value", "NY.GDP.PCAP.CD", ["SUR"]),  # "its": the one place answered, never the group ranked again
    # a unit named twice ("paridad de poder adquisitivo (PPA)") leaves no word to search by
    (["PIB per cápita de Chile en 2020", "¿y medido en paridad de poder adquisitivo (PPA)?"], "value",
     "NY.GDP.PCAP.PP.CD", ["CHL"]),
    # "eso qué porcentaje": the last measure's share, never another share of the whole it names
    (["cuanta gente vivia en zonas urbanas en ecuador el 2020?", "¿y eso qué porcentaje de la población total era?"],
     "value", "SP.URB.TOTL.IN.ZS", ["ECU"]),
    # another measure named alone after a position or a which-period: the same question of it
    (["En que lugar esta Chile en PIB per capita entre los paises de Sudamerica el 2023?", "¿y en esperanza de vida?"],
     "position", "SP.DYN.LE00.IN", ["CHL"]),
    (["¿en qué año fue más alta la inflación en Perú desde 2000?", "¿y el desempleo?"], "which_period",
     "SL.UEM.TOTL.ZS", ["PER"]),
    # a change within "ese año", "ese mes": that period's own rate of change
    (["PIB per cápita de Chile en 2020", "¿y cuánto varió el PIB per cápita real ese año, en %?"], "value",
     "NY.GDP.PCAP.KD.ZG", ["CHL"]),
    (["IPC de Chile en marzo de 2024", "¿cuánto subió ese mes?"], "value", "CHL.CPI.CHANGE_1M", ["CHL"]),
    # "¿y eso en porcentaje?" after a census count of women: their share of the people there
    (["¿cuántas mujeres hay en la región de Valparaíso según el censo?", "¿y eso en porcentaje?"], "latest",
     "CHL.CENSUS2024.WOMEN.SHARE", ["CL-05"]),
    # "when… at its worst" after one year's figure: over the whole series; a scale (Gini) has a worse end
    (["Gini index of Brazil in 2020", "when was inequality there at its worst, by that measure?"], "which_period",
     "SI.POV.GINI", ["BRA"]),
    # a month of the year before the last answer's; another change to the last answer's period
    (["cual fue la inflacion en chile en marzo de 2023?", "¿y el mes anterior?", "¿y en marzo del año anterior?"],
     "value", "CHL.CPI.INFLATION_12M", ["CHL"]),
    (["cuanto crecio el imacec en abril 2024 respecto a abril del año anterior?",
      "¿y desestacionalizado, comparado con marzo 2024?"], "change", "CHL.IMACEC.SA", ["CHL"]),
    # another region after the top comunas of one: the same ranking there, never the region's figure
    (["las 3 comunas mas pobladas de la region de valparaiso segun el censo 2024", "y en la región de Coquimbo?"],
     "rank", "CHL.CENSUS2024.POP", []),
    # a judgement alone after a ranking: the same measure, from the other end; after two places, of them
    (["¿cuál es la comuna más pobre de Chile?", "¿y la más rica?"], "rank", "CHL.POVERTY.INCOME", []),
    (["PIB per cápita de Chile y Perú 2020", "¿cuál de ambos países es más rico?"], "value", "NY.GDP.PCAP.CD",
     ["CHL", "PER"]),  # never the richest fifth's income share
    # "de los dos países": the two answered, never a top two of every country
    (["tasa de fecundidad de chile en 1990", "¿y en Italia?", "¿cuál de los dos países tenía la más alta ese año?"],
     "value", "SP.DYN.TFRT.IN", ["CHL", "ITA"]),
    # one sex named against the last answer's: that measure for each
    (["What was life expectancy at birth in Argentina in 2000?", "and for women?", "how many more years than men is that?"],
     "difference", "SP.DYN.LE00.FE.IN", ["ARG"]),
    # the last answer's figure against another place's: both, never the other place's alone
    (["inflation in Turkey 2022", "how many points above the euro area was that?"], "difference", "FP.CPI.TOTL.ZG",
     ["TUR", "EMU"]),
    (["How much of Chile's electricity output was renewable in 2021, in percent?",
      "Is that higher or lower than the World Bank's Latin America & Caribbean aggregate?"], "value", "EG.ELC.RNEW.ZS",
     ["CHL", "LCN"]),
    (["esperanza de vida en Chile 2020", "¿y es más alta que la de Perú?"], "value", "SP.DYN.LE00.IN", ["CHL", "PER"]),
    # an analyst's "yoy % vs aug-24" after a month: the change from that month, of the same measure
    (["UTM aug-25?", "yoy % vs aug-24?"], "change", "CHL.UTM", ["CHL"]),
    (["dolar oficial promedio 2023 segun bm, pesos x usd", "cuanto subio contra 2019, en %?"], "change",
     "PA.NUS.FCRF", ["CHL"]),
    # the two answered, summed; a group's people, all together
    (["¿cuánta gente vivía en Perú el 2024 según el Banco Mundial?", "¿y Bolivia cuánta tenía?",
      "¿cuánto suman entre los dos?"], "aggregate", "SP.POP.TOTL", ["PER", "BOL"]),
    (["How many people lived in the Pacific Alliance countries in 2024, not counting Mexico?"], "aggregate",
     "SP.POP.TOTL", []),
    # a low or high point, as markets say it, of another year
    (["On which day of 2024 did copper hit its highest price in the Central Bank data, and what was the price?",
      "And the low point of that year?", "What about the 2023 low?"], "which_period", "CHL.COPPER.PRICE", ["CHL"]),
    # twelve months back, then the change between the two readings (never a 12-month rate of one of them)
    (["What was Chile's CPI index level (Central Bank series) in May 2026?", "And twelve months earlier?",
      "So what is the year-on-year percent change between those two readings?"], "change", "CHL.CPI", ["CHL"]),
    (["How much did Peru's real GDP grow in 2023 according to the World Bank?",
      "Order the four Pacific Alliance countries by that growth rate, same year, highest first."], "rank",
     "NY.GDP.MKTP.KD.ZG", []),
    # the other sex of a people named; the gap between the sexes is women against men, then elsewhere
    (["¿cuántos años de esperanza de vida al nacer tenían las mujeres uruguayas en 2023?", "¿y los hombres uruguayos?"],
     "value", "SP.DYN.LE00.MA.IN", ["URY"]),
    (["¿cuántos años de esperanza de vida al nacer tenían las mujeres uruguayas en 2023?",
      "entonces, ¿de cuántos años es la brecha entre ambos sexos?"], "difference", "SP.DYN.LE00.FE.IN", ["URY"]),
    (["gender gap in life expectancy in Uruguay 2023", "¿y esa misma brecha en Paraguay?"], "difference",
     "SP.DYN.LE00.FE.IN", ["PRY"]),
    # growth above a percentage is the growth rate's; a census year in two digits; a slip of two letters
    (["how many yrs 2000-2024 did chile grow above 5% (real gdp, WB)?"], "period_count", "NY.GDP.MKTP.KD.ZG", ["CHL"]),
    # an index below zero is its monthly change; the periods it fell in are those its growth was below zero
    (["¿Cuántos meses del 2024 el IPC salió negativo?"], "period_count", "CHL.CPI.CHANGE_1M", ["CHL"]),
    (["en qué meses de 2023 el IPC fue negativo"], "period_count", "CHL.CPI.CHANGE_1M", ["CHL"]),
    (["¿en qué años el PIB de Chile cayó? desde 2000"], "period_count", "NY.GDP.MKTP.KD.ZG", ["CHL"]),
    (["in which years did Chile's economy shrink since 1990?"], "period_count", "NY.GDP.MKTP.KD.ZG", ["CHL"]),
    (["censo 24: cuanta gente mas tiene la comuna de Antofagasta q Calama?"], "difference", "CHL.CENSUS2024.POP",
     ["CL-02101", "CL-02201"]),
    (["desempelo cl 2023 segun bcch"], "value", "CHL.UNEMPLOYMENT.RATE", ["CHL"]),
    # a month's rise is the monthly change; "that month" after a day is the whole month
    (["que mes del 2025 tuvo el alza mensual de precios mas grande?"], "which_period", "CHL.CPI.CHANGE_1M", ["CHL"]),
    (["copper price on December 2, 2024", "and what was that month's average?"], "aggregate", "CHL.COPPER.PRICE",
     ["CHL"]),
    # the other end of a ranking of comunas, in another region
    (["cual es la comuna con menos gente de Magallanes en el censo 2024?", "y la con más gente en Aysén?"], "rank",
     "CHL.CENSUS2024.POP", []),
    # "de ellos" after a group's sum: its members; people of an age for every 100 of another, as the census says
    (["¿cuánta población sumaban los países de la Alianza del Pacífico en 2023?", "¿cuál de ellos era el más poblado?"],
     "rank", "SP.POP.TOTL", []),
    (["En la comuna de Valparaíso, ¿cuántas personas de 65 años o más hay por cada 100 niños de 0 a 14 según el censo "
      "2024?"], "value", "CHL.CENSUS2024.AGEING_INDEX", ["CL-05101"]),
    # the last measure, from another source or for the other sex, asked with words that name no measure
    (["¿Cuál era la tasa de desocupación de Chile en 2008 según las series del Banco Central?",
      "ya, ¿y con los números del Banco Mundial?"], "value", "SL.UEM.TOTL.ZS", ["CHL"]),
    (["female labour force participation rate in Chile 2024",
      "Now the men's rate for that year: what is it, and how many points above the women's is it?"], "difference",
     "SL.TLF.CACT.MA.ZS", ["CHL"]),
    (["unemployment in Peru 2024", "How many percentage points under the Latin America & Caribbean aggregate was that?"],
     "difference", "SL.UEM.TOTL.ZS", ["PER", "LCN"]),
    # "is it higher than X's, by how many points?": the last answer's place against X
    (["tasa de pobreza por ingresos de La Florida 2022", "¿Es mayor que la de Puente Alto? ¿Por cuántos puntos?"],
     "difference", "CHL.POVERTY.INCOME", ["CL-13110", "CL-13201"]),
    (["inflación de Colombia 2023", "¿fue mas alta que la de mexico ese año? ¿por cuantos puntos?"], "difference",
     "FP.CPI.TOTL.ZG", ["COL", "MEX"]),
    (["esperanza de vida Chile 2023", "¿Y cuántos años le saca eso a Brasil ese mismo año?"], "difference",
     "SP.DYN.LE00.IN", ["CHL", "BRA"]),
    # a slip of two letters; "weakest"; a first time said with "por primera vez" before its number
    (["How many poeple lived in Argentina in 2024 according to the World Bank?"], "value", "SP.POP.TOTL", ["ARG"]),
    (["Which Pacific Alliance member had the weakest real GDP growth in 2023?"], "rank", "NY.GDP.MKTP.KD.ZG", []),
    (["¿En qué año la esperanza de vida en Chile llegó por primera vez a los 80 años, según el Banco Mundial?"],
     "first_meeting", "SP.DYN.LE00.IN", ["CHL"]),
    (["esperanza de vida al nacer en chile 2023, la de las mujeres y la de los hombres por separado, y cuantos años "
      "de diferencia hay entre ellas"], "difference", "SP.DYN.LE00.FE.IN", ["CHL"]),  # a unit, no count of years
    # the same quarter a year before, and the rise "desde ahí" to the last answer's
    (["Según el Banco Central, ¿cuál fue la tasa de desempleo del trimestre móvil octubre-diciembre 2023?",
      "¿Y en el mismo trimestre de 2022? ¿Cuántos puntos subió desde ahí?"], "change", "CHL.UNEMPLOYMENT.RATE", ["CHL"]),
    # "which one of them" after a count of a region's comunas: of that region
    (["In the Tarapacá region, how many comunas had an income poverty rate above 10% in 2022?",
      "Which one of them was highest?"], "rank", "CHL.POVERTY.INCOME", []),
    # to the newest value; a rate's own change in points; a mean across the places named; the growth over that span
    (["How has Brazil's forest cover, as a share of land area, changed between 2000 and the most recent year "
      "available?"], "change", "AG.LND.FRST.ZS", ["BRA"]),
    (["¿Cuánto ha variado en porcentaje el índice real de remuneraciones desde enero de 2023 hasta el dato más "
      "reciente?"], "change", "CHL.WAGES.REAL_INDEX", ["CHL"]),
    (["What was the change, in percentage points, of 12-month inflation between December 2022 and December 2023?"],
     "change", "CHL.CPI.INFLATION_12M", ["CHL"]),
    (["What was the average unemployment rate (ILO modelled) across Chile, Colombia, Mexico and Peru in 2023?"],
     "aggregate", "SL.UEM.TOTL.ZS", ["CHL", "COL", "MEX", "PER"]),
    (["población de Chile entre 2020 y 2024 según el Banco Mundial", "¿cuánto creció en porcentaje en ese periodo?"],
     "change", "SP.POP.TOTL", ["CHL"]),
    (["What's the most recent rolling-quarter unemployment rate in the central bank series, and for which three "
      "months?"], "latest", "CHL.UNEMPLOYMENT.RATE", ["CHL"]),  # the months of one rolling quarter, no top three
    # how many times one fits in the other: the other over it; "la misma razón" is the last ratio, of new places
    (["En 2024, ¿cuántas veces cabe la población de Argentina en la de Brasil?"], "ratio", "SP.POP.TOTL",
     ["BRA", "ARG"]),
    (["PIB per cápita PPA de Chile y Argentina 2024, cuántas veces mayor",
      "y entre Uruguay y Chile? la misma razón (Uruguay sobre Chile)"], "ratio", "NY.GDP.PCAP.PP.CD", ["URY", "CHL"]),
    # days named with their weekdays, one month for both; the biggest rise on the month before; chat words
    (["Necesito el promedio del precio del cobre de los cinco días hábiles entre el lunes 6 y el viernes 10 de marzo "
      "de 2023"], "aggregate", "CHL.COPPER.PRICE", ["CHL"]),
    (["Desde enero de 2020, ¿en qué mes subió más el IPC respecto al mes anterior?"], "which_period",
     "CHL.CPI.CHANGE_1M", ["CHL"]),
    (["a cuanto taba la uf en marzo 2021? el dato mensual del central nomas"], "value", "CHL.UF", ["CHL"]),
    # "which comuna" asked in a region named before it; both ends; then another measure of "those same two"
    (["In the Magallanes region, which comuna had the highest income-poverty rate in 2022 and which had the lowest? "
      "Give both rates.", "What were the multidimensional poverty rates for those same two comunas?"], "value",
     "CHL.POVERTY.MULTIDIMENSIONAL", ["CL-12201", "CL-12104"]),  # in the order shown
    # a shift restated as its year keeps the ratio: "diez años antes" is no topic
    (["¿Cuántas veces más grande era la economía de Brasil que la chilena en 2024, medida por el PIB en dólares "
      "corrientes?", "¿y diez años antes, en 2014?"], "ratio", "NY.GDP.MKTP.CD", ["BRA", "CHL"]),
    # two years joined by "y", with the unit in a parenthesis: no second measure
    (["mortalidad infantil en bolivia, el 2000 y el 2023 (por mil nacidos vivos)"], "series", "SP.DYN.IMRT.IN", ["BOL"]),
    # the member states of a union whose own figure is published
    (["¿Cuántos países de la Unión Europea tuvieron una tasa de desocupación sobre 10 % en 2023?"], "count",
     "SL.UEM.TOTL.ZS", []),
    # the share those counted "represent" of the comuna: their age group's share, never the comuna's of its region
    (["cuantos niños de 0 a 14 años hay en maipu segun el censo 2024",
      "¿qué porcentaje de la población de la comuna representan?"], "value", "CHL.CENSUS2024.POP_0_14.SHARE",
     ["CL-13119"]),
])  # fmt: skip
def test_what_a_follow_up_keeps_and_sets_against_the_last_answer(cifra, questions, operation, code, areas):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.plan.operation, answer.plan.indicator_code, answer.plan.area_codes) == (
        "ok", operation, code, areas), answer.answer


def test_a_member_a_group_is_said_to_include_chooses_the_group_that_holds_it(cifra):
    answer = cifra.ask("En Centroamérica (según la clasificación de la ONU, que incluye a México), ¿qué país tuvo el "
                       "mayor crecimiento del PIB real en 2024?")  # the UN's, with Mexico, never the isthmus's seven
    assert (answer.status, answer.plan.operation, answer.plan.group_code) == ("ok", "rank", "M49-013"), answer.answer


def test_that_country_after_two_is_asked_back(cifra):
    conversation = Conversation()
    for question in ("inflacion de chile y peru en 2023 segun el banco mundial", "¿y la de ese país en 2025?"):
        answer = cifra.ask(question, conversation)
    assert (answer.status, answer.values) == ("clarify", []), answer.answer


@pytest.mark.parametrize("question", [
    "Is it true that South Africa's unemployment rate doubled between 2010 and 2020?",  # both ends and the change,
    "¿se duplicó la población de Puente Alto entre 2002 y 2020?",  # never a series to read it from
])  # fmt: skip
def test_a_fact_check_of_a_change_is_the_change(cifra, question):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation) == ("ok", "change"), answer.answer


def test_a_change_follow_up_naming_a_new_end_keeps_its_start(cifra):
    conversation = Conversation()
    for question in ("By what percentage is Chile's population projected to grow between 2017 and 2035?",
                     "and up to 2050?"):
        answer = cifra.ask(question, conversation)
    assert (answer.status, answer.plan.operation, answer.plan.period.start, answer.plan.period.end) == (
        "no_data", "change", 2017, 2050), answer.answer  # the projections end in 2035: never a series cut short


@pytest.mark.parametrize(("question", "note"), [
    ("población de Chile de 2020 a 2050", "Pediste hasta 2050, pero los datos llegan solo a 2035."),
    ("GDP of Chile from 1950 to 1970", "You asked from 1950, but the data start in 1960."),
])  # fmt: skip
def test_a_series_shorter_than_asked_says_where_its_data_stop(cifra, question, note):
    answer = cifra.ask(question)
    assert answer.status == "ok" and note in answer.notes, answer.notes


@pytest.mark.parametrize(("questions", "operation", "period"), [
    (["mortalidad infantil de Chile en 2015", "¿y en Argentina?", "¿cuál de los dos tenía más, y por cuánto?"],
     "difference", (2015, 2015)),
    (["tasa de desocupación de Chile en el trimestre julio-septiembre de 2023",
      "¿y el mismo trimestre un año antes? ¿cuántos puntos de diferencia?"], "change", (2022, 2023)),
])  # fmt: skip
def test_a_difference_asked_after_answers_is_between_them(cifra, questions, operation, period):
    conversation = Conversation()
    for question in questions[:-1]:
        cifra.ask(question, conversation)
    answer = cifra.ask(questions[-1], conversation)
    assert (answer.status, answer.plan.operation) == ("ok", operation), answer.answer
    assert (answer.plan.period.start, answer.plan.period.end) == period


def test_a_follow_up_of_a_world_ranking_ranks_the_world(cifra):
    conversation = Conversation()
    cifra.ask("the 4 countries with the highest life expectancy in 2021", conversation)
    answer = cifra.ask("and in 1995?", conversation)
    assert (answer.status, answer.plan.operation, answer.plan.top_n, answer.plan.member_kind) == (
        "ok", "rank", 4, "country"), answer.answer


@pytest.mark.parametrize(("question", "code", "areas"), [
    ("tasa de pobresa comunal en kilikura", "CHL.POVERTY.INCOME", ["CL-13125"]),  # c/k, z/s: as they sound
    ("cuantos ogares se sensaron en la reina", "CHL.CENSUS2024.HOUSEHOLDS", ["CL-13113"]),  # a silent h
    ("How much did Colombia spent on its military in 2020 as a share of GDP?", "MS.MIL.XPND.GD.ZS", ["COL"]),
])  # fmt: skip
def test_words_spelled_as_they_sound_and_irregular_verbs(cifra, question, code, areas):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code, answer.plan.area_codes) == ("ok", code, areas), answer.answer


@pytest.mark.parametrize(("question", "operation", "period", "code"), [
    ("¿cuál era la inflación de Perú antes de la pandemia?", "value", (2019, 2019), "FP.CPI.TOTL.ZG"),
    ("pre-pandemic unemployment in Colombia", "value", (2019, 2019), "SL.UEM.TOTL.ZS"),
    ("¿y en 2018, antes del covid, el PIB per cápita de Chile?", "value", (2018, 2018), None),  # the year said wins
    ("crecimiento del PIB de Chile desde 2010 sin contar la pandemia", "series", (2010, 2019), "NY.GDP.MKTP.KD.ZG"),
    ("¿En qué año se registró la tasa de desempleo más baja desde que parte la serie del Banco Central (2010)?",
     "which_period", (2010, None), "CHL.UNEMPLOYMENT.RATE"),
    ("urbanization rate of Argentina", "latest", (None, None), "SP.URB.TOTL.IN.ZS"),
    ("When did Poland's total fertility rate first dip under 1.5 births per woman?", "first_meeting", (None, None),
     "SP.DYN.TFRT.IN"),
    ("cuantos adultos mayores, de 65 pa arriba, hay en Maipú segun el censo 2024?", "value", (2024, 2024),
     "CHL.CENSUS2024.POP_65_PLUS"),
    ("¿Cuántos habitantes perdería La Granja entre 2025 y 2030 según el INE?", "change", (2025, 2030),
     "CHL.POPULATION.PROJ"),
    ("participación de la mujer en la fuerza laboral en Chile", "latest", (None, None), "SL.TLF.CACT.FE.ZS"),
    ("necesito el pib per capita de chile del año 2000 para una prueba", "value", (2000, 2000), "NY.GDP.PCAP.CD"),
    ("¿Cuál fue el promedio de la inflación argentina entre 2018 y 2024?", "aggregate", (2018, 2024), "FP.CPI.TOTL.ZG"),
    ("crecimiento promedio de el salvador 2021-2025, promedio simple de las tasas anuales", "aggregate", (2021, 2025),
     "NY.GDP.MKTP.KD.ZG"),  # the economy's growth, never that of the poorest 40 % nor of the population
    ("tasa de urbanización de la RD del Congo, último año disponible", "latest", (None, None), "SP.URB.TOTL.IN.ZS"),
    ("What was the average official USD exchange rate for Chile in 2020 and in 2021?", "series", (2020, 2021),
     "PA.NUS.FCRF"),  # each year's average, never one mean of both
    ("¿en qué año creció menos el PIB de Colombia, sin contar la pandemia, o sea solo entre 1990 y 2019?",
     "which_period", (1990, 2019), "NY.GDP.MKTP.KD.ZG"),
    ("¿cuánto han subido los precios en el último año?", "latest", (None, None), "CHL.CPI.INFLATION_12M"),
    ("how much did the Imacec grow over the last year?", "latest", (None, None), "CHL.IMACEC.GROWTH_12M"),
    ("How many people lived in Paraguay, Uruguay and Bolivia altogether in 2019?", "aggregate", (2019, 2019),
     "SP.POP.TOTL"),
    ("¿Cuál fue la tasa de desempleo de Chile en el dato de diciembre de 2024 (trimestre móvil octubre-diciembre)?",
     "value", (2024, 2024), "CHL.UNEMPLOYMENT.RATE"),  # the rolling quarter December names
    ("Ecuador had a rough 2024. What was its GDP growth that year, and what was the Latin America & Caribbean figure?",
     "value", (2024, 2024), "NY.GDP.MKTP.KD.ZG"),
    ("En qué puesto queda el Perú en PIB per cápita (US$ corrientes) en 2024 entre los países de Sudamérica según la "
     "clasificación de la ONU?", "position", (2024, 2024), "NY.GDP.PCAP.CD"),
    ("¿qué país de Centroamérica tiene la mayor brecha entre la esperanza de vida de mujeres y hombres en 2024?",
     "rank", (2024, 2024), "SP.DYN.LE00.FE.IN"),  # its members by their gap, never the group's own
    ("Gini de Mozambique en 2019 y 2022, bajó?", "change", (2019, 2022), "SI.POV.GINI"),  # from one year to the other
    ("¿cuál fue el último año en que España tuvo inflación negativa?", "first_meeting", (None, None),
     "FP.CPI.TOTL.ZG"),  # a sign is the condition last met, never the latest figure
    ("¿Cuánto creció la Región de Atacama en el 4T 2025 respecto al 4T 2024?", "change", (2024, 2025),
     "CHL.GDP.REGIONAL"),  # a region's growth, said with no measure: its GDP
    ("Si promedio los 12 meses del Imacec (serie original), ¿cuánto creció 2025 respecto de 2024?", "change",
     (2024, 2025), "CHL.IMACEC"),  # between the yearly means, never a mean of 12-month rates
    ("cuanto crecio Independencia entre 2017 y 2024 en las proyecciones del INE? en %", "change", (2017, 2024),
     "CHL.POPULATION.PROJ"),  # a comuna's growth in the projections: its people
    ("Cuanto cambio el precio del cobre entre el 2 de enero y el 30 de diciembre de 2024? (diferencia, no %)", "change",
     (2024, 2024), "CHL.COPPER.PRICE"),  # what is not asked names no measure
    ("acceso a electricidad 2023: paises de ingreso bajo vs ingreso alto (agregados del Banco Mundial)", "value",
     (2023, 2023), "EG.ELC.ACCS.ZS"),  # "2023: países" is a year, never a top 2023
    ("¿Cuál era el porcentaje de pobreza con la línea de 3 dólares diarios en Bolivia en 2022?", "value", (2022, 2022),
     "SI.POV.DDAY"),  # the line's dollars a day name the measure, no currency
    ("¿Qué porcentaje de los partos en Guatemala fueron atendidos por personal de salud calificado? El dato más "
     "reciente porfa", "latest", (None, None), "SH.STA.BRTC.ZS"),
])  # fmt: skip
def test_periods_and_operations_said_in_passing(cifra, question, operation, period, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation) == ("ok", operation), answer.answer
    assert (answer.plan.period.start, answer.plan.period.end) == period
    assert code is None or answer.plan.indicator_code == code


def test_a_census_against_the_projection_it_replaced(cifra):
    answer = cifra.ask("¿en cuánto difiere la población censada de la Región de Los Lagos en 2024 de la que se proyectaba?")
    assert (answer.status, answer.plan.operation, answer.plan.indicator_code, answer.plan.second_indicator_code) == (
        "ok", "difference", "CHL.CENSUS2024.POP", "CHL.POPULATION.PROJ"), answer.answer


@pytest.mark.parametrize(("question", "codes"), [
    ("How many people in Peru lived in cities in 2015, and what percentage of the population was that?",
     ["SP.URB.TOTL", "SP.URB.TOTL.IN.ZS"]),
    ("¿cuántos niños de 0 a 14 años había en Coquimbo (comuna) según el censo 2024, y qué porcentaje de la población eran?",
     ["CHL.CENSUS2024.POP_0_14", "CHL.CENSUS2024.POP_0_14.SHARE"]),
])  # fmt: skip
def test_an_amount_and_its_share_of_the_population_are_both_answered(cifra, question, codes):
    answer = cifra.ask(question)
    assert answer.status == "ok", answer.answer
    assert [part.plan.indicator_code for part in answer.parts] == codes


def test_a_difference_after_several_measures_is_never_the_first_ones(cifra):
    conversation = Conversation()
    for question in ("población y esperanza de vida de Ecuador en 2012", "¿y de Colombia?"):
        cifra.ask(question, conversation)
    answer = cifra.ask("¿cuál de los dos tenía más habitantes, y por cuánto?", conversation)
    assert answer.status == "clarify" or answer.plan.indicator_code == "SP.POP.TOTL", answer.answer
    answer = cifra.ask("¿cuál de los dos vivía más años, y por cuánto?", conversation)
    assert answer.status == "clarify" or answer.plan.indicator_code == "SP.DYN.LE00.IN", answer.answer


@pytest.mark.parametrize("question", ["que porcentage de la población de Chile tiene 65 años o más",
                                      "qué porsentaje de la poblacion de Chile tiene 65 años o mas"])
def test_a_share_misspelt_is_still_a_share(cifra, question):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", "CHL.CENSUS2024.POP_65_PLUS.SHARE"), answer.answer


def test_a_measure_its_name_says_is_never_settled_for_one_its_definition_mentions(cifra):
    answer = cifra.ask("¿qué parte de la energía de Costa Rica venía de fuentes renovables en 2015?")
    read = [answer.plan] if answer.status == "ok" else [option.plan for option in answer.options]
    assert "EG.FEC.RNEW.ZS" in {plan.indicator_code for plan in read}, answer.answer


@pytest.mark.parametrize(("questions", "period"), [
    (["UF de enero de 2019", "¿y de enero de 2023?", "¿en qué porcentaje aumentó en esos cuatro años?"], "2019-01..2023-01"),
    (["tasa de fecundidad de Chile en 1990", "and in 2020?", "by what percent did it fall over those years?"], "1990..2020"),
])  # fmt: skip
def test_a_percent_change_over_the_years_answered_keeps_the_measure(cifra, questions, period):
    conversation = Conversation()
    first = cifra.ask(questions[0], conversation)
    for question in questions[1:]:
        answer = cifra.ask(question, conversation)
    assert (answer.status, answer.plan.indicator_code, answer.values[0].period) == (
        "ok", first.plan.indicator_code, period), answer.answer


@pytest.mark.parametrize("follow_up", ["¿y eso como porcentaje del PIB?", "and as a share of GDP?",
                                       "¿qué porcentaje del PIB representa eso?", "what share of GDP is that?"])
def test_a_share_the_last_measure_lacks_is_never_the_whole_it_names(cifra, follow_up):
    conversation = Conversation()
    cifra.ask("remesas recibidas por Guatemala en 2021", conversation)
    answer = cifra.ask(follow_up, conversation)
    assert (answer.status, answer.values) == ("no_data", []), answer.answer


def test_the_average_of_another_month_after_a_months_average(cifra):
    conversation = Conversation()
    cifra.ask("precio promedio del cobre en enero de 2024", conversation)
    answer = cifra.ask("¿y en junio del mismo año?", conversation)
    assert (answer.plan.operation, answer.values[0].period) == ("aggregate", "2024-06-01..2024-06-30"), answer.answer


@pytest.mark.parametrize("question", ["IPC de Chile en septiembre", "What was the UF worth in February?"])
def test_a_month_without_a_year_and_nothing_before_is_asked_back(cifra, question):
    answer = cifra.ask(question)
    assert (answer.status, answer.values) == ("clarify", []) and "2024" in answer.answer, answer.answer


def test_that_year_is_the_year_the_last_answer_ends_in(cifra):
    conversation = Conversation()
    for question in ("población proyectada de Chile en 2030", "¿cuánto crecería entre 2017 y ese año?"):
        cifra.ask(question, conversation)
    answer = cifra.ask("¿cuál sería la región más poblada ese año?", conversation)
    assert (answer.plan.operation, answer.values[0].area, answer.values[0].period) == ("rank", "CL-13", "2030"), answer.answer


def test_what_proportion_asks_for_the_share(cifra):
    answer = cifra.ask("What proportion of Valparaíso's population was under 15 in the 2024 census?")
    assert answer.plan.indicator_code == "CHL.CENSUS2024.POP_0_14.SHARE", answer.answer


def test_a_change_since_a_year_after_a_projection_runs_to_the_year_shown(cifra):
    conversation = Conversation()
    cifra.ask("población proyectada de Chile en 2030", conversation)
    answer = cifra.ask("¿cuánto creció desde 2017?", conversation)  # 2017 is the newest value that is no projection
    assert (answer.plan.operation, answer.values[0].period) == ("change", "2017..2030"), answer.answer


def test_a_follow_up_restating_its_shift_as_a_date_keeps_the_measure(cifra):
    conversation = Conversation()
    first = cifra.ask("12-month inflation in Chile in June 2024, from the CPI", conversation)
    answer = cifra.ask("What about a year earlier, June 2023?", conversation)
    assert (answer.plan.indicator_code, answer.values[0].period) == (first.plan.indicator_code, "2023-06"), answer.answer


@pytest.mark.parametrize(("questions", "period"), [
    (["inflación de Chile en 2022 según el Banco Mundial", "¿y en 2024?", "¿cuántos puntos bajó entre uno y otro?"],
     "2022..2024"),
    (["población de Chile en 2025 según las proyecciones del INE", "¿y para 2030?",
      "¿cuánto crece entre ambas fechas?"], "2025..2030"),  # never the yearly growth rates of every year
])  # fmt: skip
def test_a_change_between_one_answer_and_the_other(cifra, questions, period):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.values[0].period) == ("change", period), answer.answer


def test_a_sum_of_amounts_asked_as_a_share_is_no_data(cifra):
    answer = cifra.ask("Sumando los cuatro trimestres de 2022, ¿qué porcentaje del PIB regional correspondió al Biobío?")
    assert (answer.status, answer.values) == ("no_data", []), answer.answer


@pytest.mark.parametrize("questions", [
    ["What was life expectancy at birth in Chile in 2020?", "ok then, for 2010 as a whole?"],
    ["desempleo de Chile en 2023", "bueno, ¿y en 2015 cachai?"],
])  # fmt: skip
def test_a_follow_up_whose_words_name_no_measure_keeps_the_last_one(cifra, questions):
    conversation = Conversation()
    first = cifra.ask(questions[0], conversation)
    answer = cifra.ask(questions[1], conversation)  # "whole" retrieves some series by meaning alone: never that
    assert answer.plan.indicator_code == first.plan.indicator_code, answer.answer


def test_since_then_of_a_projection_runs_to_the_year_asked_before(cifra):
    conversation = Conversation()
    for question in ("población de La Florida según las proyecciones del INE para 2030", "¿y hace 10 años?"):
        cifra.ask(question, conversation)
    answer = cifra.ask("¿cuánto creció desde entonces?", conversation)  # the newest observed value is 2017: never back to it
    assert (answer.plan.operation, answer.values[0].period) == ("change", "2020..2030"), answer.answer


def test_there_after_a_ranking_of_several_is_asked_back(cifra):
    conversation = Conversation()
    cifra.ask("top 3 comunas by population in Tarapacá in 2024", conversation)
    answer = cifra.ask("¿y cuántos hogares hay ahí según el censo?", conversation)
    assert (answer.status, answer.values) == ("clarify", []), answer.answer


@pytest.mark.parametrize(("question", "operation"), [
    ("latest gini index of Chile from the World Bank", "latest"),  # "from" the source is no series
    ("¿en qué año Chile pasa los 21 millones de habitantes según las proyecciones del INE?", "first_meeting"),
])  # fmt: skip
def test_sources_and_present_tense_crossings(cifra, question, operation):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.operation) == ("ok", operation), answer.answer


@pytest.mark.parametrize("question", ["¿Cuál es la tasa de Chile?", "what was the index in Peru in 2019?"])
def test_a_generic_word_alone_asks_which_measure(cifra, question):
    answer = cifra.ask(question)  # never the first rate retrieved
    assert (answer.status, answer.values) == ("clarify", []), answer.answer


def test_a_follow_up_naming_no_measure_never_switches_age_group(cifra):
    conversation = Conversation()
    cifra.ask("What's the projected population of the Biobío Region for 2025, per INE?", conversation)
    answer = cifra.ask("what share of Chile's total is that?", conversation)  # never the share aged 65 and over
    assert (answer.plan.operation, answer.plan.indicator_code, answer.plan.area_codes) == (
        "share", "CHL.POPULATION.PROJ", ["CL-08", "CHL"]), answer.answer


@pytest.mark.parametrize(("question", "operation", "code"), [
    ("¿a qué ritmo crece la población de Perú?", "latest", "SP.POP.GROW"),  # the present tense is a growth too
    ("¿cuánto crece la población de Chile entre 2020 y 2030 según el INE?", "change", "CHL.POPULATION.PROJ"),
])  # fmt: skip
def test_grows_in_the_present_tense(cifra, question, operation, code):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.indicator_code) == (operation, code), answer.answer


@pytest.mark.parametrize(("question", "code"), [
    # "95 %" is compared with a percentage, never with kWh per person
    ("cuantos paises del sudeste asiatico tenian mas del 95% de la poblacion con electricidad en 2020?", "EG.ELC.ACCS.ZS"),
    ("¿en qué año Perú superó el 90 % de la población con electricidad?", "EG.ELC.ACCS.ZS"),
    ("what share of Mexico's labor force was made up of women in 2024?", "SL.TLF.TOTL.FE.ZS"),  # not their participation
    ("participación laboral femenina en México 2024", "SL.TLF.CACT.FE.ZS"),
    ("cuanta gente sabe leer en chile? en %", "SE.ADT.LITR.ZS"),  # all adults unless the young are asked
    ("tasa de alfabetización de los jóvenes en Chile", "SE.ADT.1524.LT.ZS"),
    ("Ethiopia's population grew by what percent between 2000 and 2020?", "SP.POP.TOTL"),  # the level's change, in %
    ("by how many points did Vietnam's urban share rise 2000-2020", "SP.URB.TOTL.IN.ZS"),
    ("income share held by the lowest 20% in Brazil", "SI.DST.FRST.20"),
    ("otra cosa, cuanta gente hay en la fuerza de trabajo? ultimo dato", "CHL.LABOUR_FORCE"),  # a new question begins
    ("¿cuál fue el peor año de crecimiento de México desde 1990?", "NY.GDP.MKTP.KD.ZG"),  # a country's growth: its economy's
    ("China's slowest GDP growth year since 1980?", "NY.GDP.MKTP.KD.ZG"),
])  # fmt: skip
def test_the_measure_asked_not_its_neighbour(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


@pytest.mark.parametrize(("questions", "operation", "areas", "value"), [
    (["¿Cuál fue el promedio de inflación de Perú entre 2010 y 2019?", "¿y el de Colombia en el mismo periodo?"],
     "aggregate", ["COL"], 3.7353),  # the same average, another place
    (["¿cuántos hogares hay en la región de Aysén según el censo?", "¿y personas?",
      "y que porcentaje de esa gente vive en Coyhaique"], "share", ["CL-11101", "CL-11"], 57.3954),  # of the region asked
    (["How many people live in the comuna of Santiago according to the 2024 census?",
      "and what did the INE projection say for 2024?", "so how much higher was the projection than the census count?"],
     "difference", ["CL-13101"], 105_532),  # in the order the words name them
    (["For the comuna of Santiago, how far off was INE's 2024 population projection from what the 2024 census actually "
      "counted? Give census minus projection."], "difference", ["CL-13101"], -105_532),  # "minus" says the order
    (["How many fewer people did the 2024 census count in Chile than the INE projection for 2024 had estimated?"],
     "difference", ["CHL"], 1_605_945),  # "how many fewer": the larger one first
    (["What was Biobío's population in the 2024 census?",
      "How many fewer people did the census count than INE's projection for that same year?"], "difference", ["CL-08"],
     73_166),
    (["¿cuánta gente vive en Lago Ranco?", "ah perdon, quise decir Lanco"], "latest", ["CL-14103"], 16_876),  # a correction
    (["mortalidad infantil en Sierra Leona en 2000", "and now?"], "latest", ["SLE"], 54.6),  # now: the newest value
    (["¿cuántas comunas de Ñuble tienen más de 50 mil habitantes?", "¿cuáles son?"], "count", [], 2),  # the count names them
    (["desempleo en Chile 2020", "perdón, Perú"], "value", ["PER"], 7.183),  # a correction of the place
    (["Canada's share of Northern America's population in 2022?", "and its share of the region's GDP that year?"],
     "share", ["CAN"], 7.7852),  # the same share of the group (its members' sum), of another measure
    (["What share of South America's GDP did Chile have in 2022?", "and of its population?"], "share", ["CHL"],
     4.5452),
    (["porcentaje de la población nacional que vive en la RM según el censo", "¿y según la proyección del INE para 2024?"],
     "share", ["CL-13", "CHL"], 41.9226),  # the projections' share of the country
    (["¿cuál es la comuna más pobre de la Araucanía?", "¿qué tasa de pobreza por ingresos tiene?"], "latest", ["CL-09116"],
     24.2779),  # "tiene": the comuna just shown
    (["magallanes gdp q2 2023?", "and in the first quarter of that year?"], "value", ["CL-12"], 479),
    (["precio del cobre promedio en 2024", "y cuando estuvo mas caro ese año?"], "which_period", ["CHL"], 4.8725),  # a day
    (["población de Chile 2020", "¿y cuánto creció desde 2010?"], "change", ["CHL"], 14.0318),  # to the year shown
    (["precio del cobre promedio en 2024", "y cuando estuvo mas caro ese año?", "y el 15 de junio del 2023?"], "value",
     ["CHL"], 3.83),  # a day named after the peak: its value
    (["¿cuánto creció la población de Antofagasta entre 2010 y 2020?", "¿y en porcentaje?"], "change", ["CL-02"],
     23.0332),  # the same change, whose percentage it gives: never a share
    (["¿cuánto creció la población de Antofagasta entre 2010 y 2020?", "¿y en porcentaje?",
      "y Atacama, cuanto crecio en % en ese mismo periodo?"], "change", ["CL-03"], 10.092),
    (["segun el banco central, cual fue la tasa de desempleo del trimestre movil terminado en marzo 2021?",
      "¿y cuál ha sido el peor registro de toda la serie? dime el mes"], "which_period", ["CHL"], 13.1),  # whole series
    (["Colombia inflation 2019", "And the most recent year the World Bank has that figure for Colombia: which year, and "
      "what rate?"], "latest", ["COL"], 5.1422),  # which year of the latest: the latest, never the highest
    (["In what year did life expectancy at birth in Chile first reach 80 years?", "Same question for Costa Rica."],
     "first_meeting", ["CRI"], 80.189),  # "reach" is a threshold, kept by "the same question"
    (["¿Cuántas personas contó el Censo 2024 en la comuna de Valparaíso?", "¿y en la región de Valparaíso entera?",
      "¿Qué porcentaje de la población de la región vive en esa comuna?"], "share", ["CL-05101", "CL-05"], 15.028),
    (["How much did Argentina's real GDP grow in 2024, in annual % per the World Bank?",
      "How many percentage points behind Brazil was that?"], "difference", ["ARG", "BRA"], -4.7622),
    (["Dame el top 5 de países de Sudamérica con mayor desempleo en 2024",
      "y cuál es el promedio simple de esos cinco países?"], "aggregate", ["GUY", "COL", "CHL", "URY", "SUR"], 9.2082),
    (["¿Cuántos puntos porcentuales de diferencia había entre la pobreza multidimensional de La Pintana y la de Vitacura "
      "en 2022?", "¿y con la pobreza por ingresos, entre esas mismas dos comunas?"], "difference",
     ["CL-13112", "CL-13132"], 8.4028),  # those two comunas, neither a range nor a top two
    (["En Chile, ¿cuántos años más de esperanza de vida al nacer tenían las mujeres que los hombres en 2022?",
      "¿Y cómo era esa brecha en el año 2000?"], "difference", ["CHL"], 6.128),  # the same gap, that year
    (["Chile's GDP at current prices in the first quarter of 2025, per the Central Bank (billions of pesos)?",
      "By what percent was it higher in Q1 2026?"], "change", ["CHL"], 6687),  # from the last answer to the one named
    (["Desde 2010, ¿cuál fue la tasa de desempleo (trimestre móvil, %) más alta de la serie del Banco Central y en qué "
      "mes terminó ese trimestre móvil?", "y cuántas personas había en la fuerza de trabajo en ese mismo trimestre?"],
     "value", ["CHL"], 8138.6),  # the month found
    (["cuantos paises del G7 tuvieron una inflacion de mas de 7% el 2022?", "y de los siete cual tuvo la mas baja?"],
     "rank", [], 2.4977),  # "G7" keeps its 7; the lowest of them
    (["Show me the GDP per capita (current US$) for Chile in 2023", "and the GDP growth (annual %) that same year?"],
     "value", ["CHL"], 0.6770),  # a name written out whole, never the last answer's per-capita variant
    (["Para un plan regulador necesito la población proyectada por el INE para la comuna de Colina en el año 2030.",
      "¿En qué porcentaje aumenta eso respecto de la población de 2017?"], "change", ["CL-13301"], 42.2293),  # "eso"
    (["List the three most populous comunas of the Valparaíso region in the 2024 census.",
      "How many fewer people did the census count in the whole region than INE had projected for 2024?"],
     "difference", ["CL-05"], 129_640),  # the region talked about, never Chile
    (["En el Censo 2024, ¿cuántas personas de 65 años o más vivían en la comuna de Valparaíso y qué porcentaje de su "
      "población eran?", "¿y cuál es ese porcentaje para todo Chile, y por cuántos puntos lo supera Valparaíso?"],
     "difference", ["CHL", "CL-05101"], -2.3328),  # the share of the two answered, and Valparaíso the comuna answered
    (["tasa de pobreza por ingresos y multidimensional de alto hospicio el 2022", "¿y en Iquique, las mismas dos tasas?"],
     "value", ["CL-01101"], 7.8904),
    (["Which South American country had the highest inflation in 2023?",
      "ok obviously, but if you take Argentina out, who's first?"], "rank", [], 51.5873),  # Suriname, Argentina left out
    (["oye, cuál es el último dato de desempleo que tiene el Banco Central?",
      "¿y cuántos puntos subió versus el mismo trimestre del año pasado?"], "change", ["CHL"], 0.5),  # May to May
    (["What was the seasonally adjusted Imacec index in March 2020?", "How many points had it fallen by May 2020?"],
     "change", ["CHL"], -9.3),  # from the last answer's month to the one named
    (["How many South American countries had unemployment above 8% in 2024?", "which ones? lowest first"],
     "count", [], 8.209),  # those counted, never the top one alone
    (["en que lugar del mundo esta chile en esperanza de vida? el ultimo dato que tengas", "y dentro de sudamerica?"],
     "position", ["CHL"], 1),  # the same place's position in that group, never the group's
    (["¿en qué puesto está Perú en PIB per cápita en Sudamérica en 2020?", "¿y Chile?"], "position", ["CHL"], 2),
    (["How many countries had life expectancy above 75 in 2023 in South America?", "and in central america?"], "count",
     [], 2),  # of that group's members, never the world's
    (["GDP per head for Chile, Argentina and Peru in 2024, in dollars, ranked from highest to lowest",
      "and if I add Uruguay to the list, where does it land?"], "position", ["URY"], 1),  # among the four
    (["how many times bigger is brazil's economy than argentina's? 2024, gdp in current usd",
      "what share of South America's total is Brazil?"], "share", ["BRA"], 50.5849),  # a part of a whole, not a ratio
])  # fmt: skip
def test_follow_ups_keep_what_the_last_answer_computed(cifra, questions, operation, areas, value):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.plan.area_codes) == (operation, areas), answer.answer
    assert any(abs(shown.value - value) < 1e-3 * abs(value) for shown in answer.values), answer.answer


@pytest.mark.parametrize(("question", "area", "value"), [
    ("Which South American country had the highest average GDP growth from 2015 to 2024?", "GUY", 22.2512),
    ("¿qué país de Sudamérica tuvo la inflación promedio más baja entre 2010 y 2019?", "GUY", None),
])  # fmt: skip
def test_members_ranked_by_their_average_over_the_years(cifra, question, area, value):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.over_years, answer.values[0].area) == ("rank", True, area), answer.answer
    assert value is None or abs(answer.values[0].value - value) < 1e-3, answer.answer
    assert ("average" in answer.answer) or ("promedio" in answer.answer)


@pytest.mark.parametrize(("question", "group", "year", "value"), [
    ("total population of Southern Africa in 2023?", "M49-018", 2023, 72_197_701),  # no publisher's figure: members' sum
    ("total population of Southern Africa (the UN subregion: South Africa, Namibia, Botswana, Lesotho, Eswatini) in 2023?",
     "M49-018", 2023, 72_197_701),  # the members listed explain the group
    ("How many people live in South America? Latest World Bank numbers", "M49-005", 2025, 437_788_241),
])  # fmt: skip
def test_an_amount_of_a_group_without_figures_of_its_own_is_its_members_sum(cifra, question, group, year, value):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.aggregate, answer.plan.group_code, answer.plan.period.start) == (
        "aggregate", "sum", group, year), answer.answer
    assert answer.values[0].value == value


def test_the_whole_world_is_the_world(cifra):
    assert cifra.ask("cual es la esperanza de vida del mundo entero").plan.area_codes == ["WLD"]


@pytest.mark.parametrize(("question", "times", "value"), [
    ("cuanto son 10 utm en pesos en enero 2026?", 10, 697_510),  # ten times January's UTM
    ("¿cuánto son 50 UF en pesos el 1 de enero de 2026?", 50, 1_986_855.5),
])  # fmt: skip
def test_an_amount_of_a_unit_of_account_is_converted(cifra, question, times, value):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.times, answer.values[0].value) == ("ok", times, value), answer.answer
    assert f"{times} ×" in answer.answer and f"* {times}" in answer.sql.replace(".0", "")


def test_how_many_times_more_the_group_has_divides_the_group(cifra):
    answer = cifra.ask("Cuántos investigadores en I+D por millón de habitantes tiene Chile vs la OCDE en 2022, y cuántas "
                       "veces más tiene la OCDE?")
    assert (answer.plan.operation, answer.plan.area_codes) == ("ratio", ["OED", "CHL"]), answer.answer
    assert answer.values[-1].value == pytest.approx(6.31, abs=0.01)


def test_a_rate_over_twelve_months_is_no_top_twelve(cifra):
    answer = cifra.ask("Which month of 2025 had the highest 12-month CPI inflation?")
    assert (answer.plan.operation, answer.plan.top_n, answer.values[0].period) == ("which_period", None, "2025-01")


def test_yearly_means_after_a_month_are_one_figure_a_year(cifra):
    answer = last_answer(cifra, ["en qué mes el desempleo llegó a su punto más alto desde el 2010?",
                                 "y muéstrame el promedio anual 2019, 2020 y 2021"])
    assert [value.period for value in answer.values] == ["2019", "2020", "2021"], answer.answer


def test_a_follow_up_on_another_month_converts_the_same_amount(cifra):
    answer = last_answer(cifra, ["Mi pensión es de 10 UF. ¿Cuántos pesos son con la UF de julio del 2026?",
                                 "¿y con la de julio del año pasado?"])
    assert (answer.plan.times, answer.plan.period.start, answer.values[0].value) == (10, 2025, 392_461.5), answer.answer


@pytest.mark.parametrize("question", ["y el dolar a cuanto esta?",
                                      "¿Cuál fue el rango (máximo menos mínimo) de la inflación anual de Chile entre 2010 y 2020?",
                                      "¿cuántas personas por hogar da, si divido la población por los hogares en Valdivia?",
                                      "What was Germany's median age in 2020?"])  # no median: never the population
def test_what_no_plan_computes_is_declined_not_answered_nearby(cifra, question):
    answer = cifra.ask(question)
    assert answer.status != "ok" and answer.values == [], answer.answer


def test_where_that_puts_it_is_its_position(cifra):
    conversation = Conversation()
    cifra.ask("urban population share of Chile in 2023", conversation)
    plan = cifra.ask("where does that put it in South America?", conversation).plan
    assert (plan.operation, plan.area_codes, plan.group_code) == ("position", ["CHL"], "M49-005")


def test_a_place_in_a_group_named_by_its_adjective(cifra):
    plan = cifra.ask("where does thailand sit among the south-east asian countries on gdp per capita in 2022?").plan
    assert (plan.operation, plan.area_codes, plan.group_code) == ("position", ["THA"], "M49-035")


@pytest.mark.parametrize(("question", "periods"), [
    ("In which month of 2022 was Chile's unemployment rate (INE) the highest?", ["2022-09", "2022-10"]),
    ("¿en que mes del 2019 estuvo mas bajo el desempleo segun el INE?", ["2019-02", "2019-11"]),
])  # fmt: skip
def test_periods_that_tie_are_all_named(cifra, question, periods):
    answer = cifra.ask(question)
    assert [value.period for value in answer.values] == periods, answer.answer


def test_members_that_tie_for_the_top_are_all_named(cifra):
    answer = cifra.ask("¿qué país de Sudamérica tenía el mayor acceso a la electricidad en 2023?")
    assert {value.area for value in answer.values} == {"ARG", "CHL", "URY", "VEN"}, answer.answer


@pytest.mark.parametrize(("question", "code", "operation", "areas"), [
    ("GDP of Chile's Metropolitan Region in 2023", "CHL.GDP.REGIONAL", "value", ["CL-13"]),
    ("población de Puente Alto, Chile en 2020", "CHL.POPULATION.PROJ", "value", ["CL-13201"]),
    ("¿cuánto creció la economía chilena el segundo trimestre de 2024?", "CHL.GDP.VOLUME.GROWTH_4Q", "value", ["CHL"]),
    ("¿cuánto creció la economía chilena en marzo de 2024?", "CHL.IMACEC.GROWTH_12M", "value", ["CHL"]),
    ("¿cuántos años vive en promedio un japonés?", "SP.DYN.LE00.IN", "latest", ["JPN"]),
    ("promedio de la variación mensual del IPC en 2023", "CHL.CPI.CHANGE_1M", "aggregate", ["CHL"]),
    ("¿Con cuánta inflación cerró Chile el año 2024? (diciembre contra diciembre)", "CHL.CPI.INFLATION_12M", "value", ["CHL"]),
    ("how many ppl 65+ in valparaiso comuna, census 2024", "CHL.CENSUS2024.POP_65_PLUS", "value", ["CL-05101"]),
    ("In the 2024 Chilean census, how many people aged 65+ were there per 100 children aged 0-14 in the Santiago "
     "Metropolitan Region?", "CHL.CENSUS2024.AGEING_INDEX", "value", ["CL-13"]),
    ("urban population % egypt 2023", "SP.URB.TOTL.IN.ZS", "value", ["EGY"]),
])  # fmt: skip
def test_the_measure_place_and_operation_asked(cifra, question, code, operation, areas):
    plan = cifra.ask(question).plan
    assert (plan.indicator_code, plan.operation, plan.area_codes) == (code, operation, areas)


@pytest.mark.parametrize(("questions", "operation", "group", "order"), [
    (["Which comuna will be the most populated in the Valparaíso region in 2035 according to INE projections?"],
     "rank", "CL-05", "desc"),
    (["peru gdp growth 2020", "per capita?", "and where does that put peru in south america, highest to lowest?"],
     "position", "M49-005", "desc"),
    (["posicion de Iran en poblacion dentro de Asia meridional (sur de asia) 2023"], "position", "M49-034", "desc"),
    (["How many South Asian countries had a fertility rate below 2.1 births per woman in 2022?"], "count", "M49-034", None),
])  # fmt: skip
def test_the_group_ranked_and_its_order(cifra, questions, operation, group, order):
    conversation = Conversation()
    plan = [cifra.ask(question, conversation) for question in questions][-1].plan
    assert (plan.operation, plan.group_code) == (operation, group) and order in (None, plan.order)


def test_a_place_named_like_another_of_its_kind_is_asked_back(cifra):
    answer = cifra.ask("¿cuál era la población del Congo en 2020?")
    assert answer.status == "clarify" and answer.values == [], answer.answer
    assert {tuple(option.plan.area_codes) for option in answer.options} == {("COD",), ("COG",)}


@pytest.mark.parametrize(("question", "codes"), [
    ("cual fue el mes con mas inflacion del 2022", {"CHL.CPI.INFLATION_12M", "CHL.CPI.CHANGE_1M"}),  # either is meant
    ("In which month since January 2020 was Chile's 12-month inflation highest?", None),  # the span said: answered
    ("en qué mes del 2022 la inflación anual llegó a su máximo", None),
])  # fmt: skip
def test_the_month_with_the_most_inflation_is_asked_back_unless_its_span_is_said(cifra, question, codes):
    answer = cifra.ask(question)
    if codes is None:
        assert (answer.status, answer.plan.indicator_code) == ("ok", "CHL.CPI.INFLATION_12M"), answer.answer
    else:
        assert answer.status == "clarify" and {option.plan.indicator_code for option in answer.options} == codes


def test_a_place_asked_without_figures_is_said_never_dropped(cifra):
    answer = cifra.ask("desempleo de Chile y de la región del Biobío en 2023")
    assert [value.area for value in answer.values] == ["CHL"] and any("Biobío" in note for note in answer.notes)


def test_what_share_of_a_place_that_is_after_a_count_of_its_people(cifra):
    conversation = Conversation()
    for question in ("how many ppl 65+ in valparaiso comuna, census 2024", "and viña del mar?"):
        cifra.ask(question, conversation)
    answer = cifra.ask("what % of viña del mar's population is that?", conversation)
    assert (answer.language, answer.plan.indicator_code, answer.plan.area_codes) == (
        "en", "CHL.CENSUS2024.POP_65_PLUS.SHARE", ["CL-05109"])


@pytest.mark.parametrize(("questions", "operation", "code", "areas", "value"), [
    (["imacec desestacionalizado de mayo de 2026", "¿y contra abril?"], "change", "CHL.IMACEC.SA", ["CHL"], None),
    (["cuántos hogares hay en la Región de Coquimbo según el censo?", "y en atacama",
      "¿cuántos hogares más tiene Coquimbo?"], "difference", "CHL.CENSUS2024.HOUSEHOLDS", ["CL-04", "CL-03"], 189_510),
    (["cuantos adultos mayores de 65 o mas hay en la comuna de Valparaiso, censo 2024",
      "¿qué porcentaje son del total de mayores de 65 de la región?"], "share", "CHL.CENSUS2024.POP_65_PLUS",
     ["CL-05101", "CL-05"], None),
    (["poblacion region de Ñuble censo 2024", "¿y qué porcentaje es del total del país?"], "value",
     "CHL.CENSUS2024.POP.SHARE", ["CL-16"], None),
    (["on average, how much did Chile's CPI rise each month in 2023?"], "aggregate", "CHL.CPI.CHANGE_1M", ["CHL"], None),
    (["by how much % did the labour cost index rise from Dec 2023 to Dec 2024?"], "change", "CHL.LABOUR_COST.INDEX",
     ["CHL"], None),
])  # fmt: skip
def test_a_follow_up_against_the_last_answer(cifra, questions, operation, code, areas, value):
    conversation = Conversation()
    answer = [cifra.ask(question, conversation) for question in questions][-1]
    assert (answer.plan.operation, answer.plan.indicator_code, answer.plan.area_codes) == (operation, code, areas)
    assert value is None or value in [each.value for each in answer.values]


def test_a_rate_is_never_a_share_of_another_rate(cifra):
    conversation = Conversation()
    for question in ("cuantos adultos mayores de 65 o mas hay en la comuna de Valparaiso, censo 2024",
                     "¿qué porcentaje son del total de mayores de 65 de la región?"):
        cifra.ask(question, conversation)
    plan = cifra.ask("¿y los de Viña del Mar, qué porcentaje representan?", conversation).plan
    assert (plan.operation, plan.indicator_code) == ("share", "CHL.CENSUS2024.POP_65_PLUS")


@pytest.mark.parametrize(("question", "operation", "code", "group", "order"), [
    ("biggest comuna in the Biobío region by population in the 2024 census?", "rank", "CHL.CENSUS2024.POP", "CL-08",
     "desc"),
    ("which South American country had the shortest life expectancy in 2021?", "rank", "SP.DYN.LE00.IN", "M49-005", "asc"),
    ("Ranking South American countries from longest to shortest life expectancy, where did Uruguay land in 2022?",
     "position", "SP.DYN.LE00.IN", "M49-005", "desc"),
    ("where does Kenya rank for life expectancy among Eastern African countries in 2022, counting from the highest?",
     "position", "SP.DYN.LE00.IN", "M49-014", "desc"),
    ("what share of Nigerians actually had electricity in 2021?", "value", "EG.ELC.ACCS.ZS", None, "desc"),
])  # fmt: skip
def test_the_words_that_order_and_name_a_measure(cifra, question, operation, code, group, order):
    plan = cifra.ask(question).plan
    assert (plan.operation, plan.indicator_code, plan.group_code, plan.order) == (operation, code, group, order)


@pytest.mark.parametrize(("question", "status"), [
    ("¿a cuánto va a estar el dólar el próximo mes?", "no_data"),  # no forecasts: never the latest value instead
    ("what will inflation be in Chile next year?", "no_data"),
])  # fmt: skip
def test_a_period_still_to_come_is_never_answered_with_the_latest(cifra, question, status):
    answer = cifra.ask(question)
    assert (answer.status, answer.values) == (status, []), answer.answer


def test_a_measure_set_aside_without_an_article_is_not_the_one_asked(cifra):
    plan = cifra.ask("¿Cuánto fue el PIB total de Chile en 2020, en US$ corrientes? No per cápita, el total").plan
    assert plan.indicator_code == "NY.GDP.MKTP.CD"


def test_a_range_of_months_of_a_yearly_series_is_never_the_years_figure(cifra):
    answer = cifra.ask("Chile's INE unemployment rate for women in the Jan-Mar 2024 rolling quarter")
    assert (answer.status, answer.values) == ("no_data", []), answer.answer


@pytest.mark.parametrize(("question", "operation", "group"), [
    ("least urbanised country in Melanesia (2023)?", "rank", "M49-054"),
    ("país más urbanizado de Sudamérica en 2022", "rank", "M49-005"),
    ("which is more urban, egypt or morocco in 2023?", "value", None),
])  # fmt: skip
def test_how_urban_a_place_is_is_its_urban_share(cifra, question, operation, group):
    plan = cifra.ask(question).plan
    assert (plan.indicator_code, plan.operation, plan.group_code) == ("SP.URB.TOTL.IN.ZS", operation, group)


def test_what_place_a_member_is_in_a_ranking_is_its_position(cifra):
    plan = cifra.ask("Ranking South Asian countries from lowest to highest infant mortality in 2022, what place is "
                     "Bangladesh?").plan
    assert (plan.operation, plan.area_codes, plan.order) == ("position", ["BGD"], "asc")


@pytest.mark.parametrize("question", ["¿qué país de la OCDE gasta más en investigación y desarrollo?",
                                      "which OECD country has the lowest unemployment?",
                                      "¿qué país de la UE tiene la inflación más alta en 2023?"])
def test_one_member_of_a_group_asked_is_its_first(cifra, question):
    plan = cifra.ask(question).plan
    assert (plan.operation, plan.top_n, plan.member_kind) == ("rank", 1, "country")


def test_a_groups_members_named_like_its_published_figure_are_asked_back(cifra):
    answer = cifra.ask("Gasto en investigación y desarrollo como % del PIB de los países miembros de la OCDE, último dato")
    assert answer.status == "clarify" and answer.values == [], answer.answer
    assert [option.plan.area_codes or [option.plan.group_code] for option in answer.options] == [["OED"], ["G-OECD"]]


def test_members_of_that_region_after_a_ranking_are_the_groups(cifra):
    answer = last_answer(cifra, ["¿Qué países de África Occidental tienen la tasa de fecundidad más alta? Dame los tres "
                                 "primeros con datos de 2024", "y cuantos paises de esa region superan los 4 hijos por mujer?"])
    assert (answer.plan.operation, answer.plan.group_code) == ("count", "M49-011"), answer.answer
    assert answer.headline == "9"


@pytest.mark.parametrize(("question", "order"), [
    ("¿qué lugar ocupa Guatemala en mortalidad infantil en América Latina y el Caribe si se ordena de la tasa más alta "
     "a la más baja?", "desc"),
    ("rank south america by unemployment 2023 from the lowest rate to the highest", "asc"),
])  # fmt: skip
def test_an_order_said_with_the_measure_between_its_ends(cifra, question, order):
    assert cifra.ask(question).plan.order == order


@pytest.mark.parametrize(("questions", "threshold"), [
    (["In what year did Nigeria's access to electricity first go above 50% of the population?",
      "Same thing for Ghana but with an 80% threshold?"], (">", 80)),
    (["¿En qué año la mortalidad infantil del Perú bajó por primera vez de 20 por cada mil nacidos vivos?",
      "¿y con un umbral de 15?"], ("<", 15)),
])  # fmt: skip
def test_a_new_threshold_said_as_a_word_keeps_the_last_condition(cifra, questions, threshold):
    assert last_answer(cifra, questions).plan.threshold == threshold


def test_a_position_below_the_first_names_the_first(cifra):
    answer = cifra.ask("Según un concejal, La Pintana es la comuna con más pobreza por ingresos de la RM. ¿Lo confirma "
                       "la estimación comunal 2022?")
    assert answer.plan.operation == "position" and answer.headline == "Puesto 3 de 52", answer.answer
    assert "El primer lugar es de San Pedro: 14,1 %." in answer.answer  # the claim is checked against it


@pytest.mark.parametrize(("questions", "operation", "value"), [
    (["How many South American countries saw their real GDP shrink in 2020?"], "count", 11),
    (["gap in GDP per capita between Australia and NZ in 2022"], "difference", 16_027.887482443002),
    (["pib per capita de chile 2024", "en que lugar quedamos en sudamerica?"], "position", 3),
])  # fmt: skip
def test_short_words_people_chat_with(cifra, questions, operation, value):
    conversation = Conversation()
    answer = [cifra.ask(question, conversation) for question in questions][-1]
    assert answer.plan.operation == operation and (value is None or value in [each.value for each in answer.values])


def test_the_most_populated_member_after_one_sex_is_of_everyone_in_the_same_source(cifra):
    conversation = Conversation()
    cifra.ask("cuantos hombres y cuantas mujeres hay en la region de Ñuble, censo 2024", conversation)
    answer = cifra.ask("¿cuál es la comuna más poblada de esa región?", conversation)
    assert (answer.plan.indicator_code, answer.plan.operation, [value.area for value in answer.values]) == (
        "CHL.CENSUS2024.POP", "rank", ["CL-16101"])


@pytest.mark.parametrize(("questions", "status", "said"), [
    (["¿Cuántas personas censó el Censo 2024 en la comuna de Ñuble?"], "no_data", "ninguna comuna llamada «Ñuble»"),
    (["¿Cuál es la población proyectada por el INE para la Región de Los Andes el 2025?"], "no_data",
     "ninguna región llamada «Los Andes»"),  # a province and a comuna, never answered as the region asked
    (["PIB per cápita de Chile 2024", "¿y el de Narnia?"], "no_data", "Narnia"),  # never Chile's again
    (["pib regional antofagasta 1er trim 2026", "% del pib total?"], "no_data", "PIB regional"),  # never national GDP
    (["Which Northern European country had the most fixed broadband subscriptions per 100 people in 2022?",
      "what about average lithium output there?"], "no_data", "lithium"),  # never broadband again
    (["cuánta gente vive en san pedro?", "la de la paz, en el censo 2024"], "no_data", "paz"),  # in lower case too
    (["PIB per cápita de la región de Antofagasta 2024", "¿y el de la Región Metropolitana?"], "no_data",
     "PIB per cápita"),  # never the region's total GDP instead
    (["How many people did the 2024 census count in the Biobio region?",
      "INE's projection for Biobío for that year was higher, wasn't it? by how much?"], "clarify", "by how much"),
    (["inflacion de chile 2022 segun el banco mundial", "y cuanto fue en promedio entre 2015 y 2019?",
      "o sea, cuantos puntos por sobre ese promedio quedó el 2022?"], "clarify", "sobre ese promedio"),
    (["¿cuándo superó Perú los 30 millones de habitantes según el Banco Mundial?", "¿y Chile?"], "no_data",
     "ningún período"),  # never met, said as such
    (["cuanta gente vive en la region 17"], "no_data", "region 17"),  # a number no region has
    (["población de Valdivia según el censo 2024", "Cool, can you book me a bus ticket from there to Santiago?"],
     "no_data", "bus ticket"),  # words no measure uses, never the last measure again
    (["List the three most populous comunas of the Valparaíso region in the 2024 census.",
      "Together, what share of the region's census population do those three represent?"], "clarify", "together"),
    (["total 2024 census populaton of the Tarapaca region?",
      "and what percent of that lives in Iquique and Alto Hospicio together?"], "clarify", "together"),
    (["¿Cuánta gente se contó en la Región del Biobío en el Censo 2024?", "¿y en Ñuble?",
      "¿Qué porcentaje del total del país suman las dos regiones juntas?"], "clarify", "juntas"),  # never a top two
    # a region named that is only a province and a comuna
    (["¿Cuál es la población proyectada por el INE para la Región de Los Andes el 2025?"], "no_data", "Los Andes"),
    # a difference of two averages over years, which no plan computes
    (["crecimeinto del PIB de Perú: promedio simple anual 2015-2024, y cuántos puntos más alto o más bajo que el "
      "promedio de Chile en esos mismos años?"], "clarify", "promedio"),
    # a share written "q %" of an amount no share is published for: never the amount
    (["pib regional 1T-26: q % del subtotal regionalizado es la RM?"], "no_data", "PIB regional"),
    # both sexes of a measure published only for each: never another measure for "the overall rate"
    (["What was the labour force participation rate among women in Peru in 2023?",
      "ok and the overall rate, men and women combined?"], "no_data", "Labor force participation rate"),
    # an age no series' band names; a unit no series is in
    (["What share of Japan's population was 80 or older in 2023?"], "clarify", "80 or older"),
    (["In 2022, how many South American countries had more than 100 people per square mile?"], "no_data",
     "square mile"),
    # a place with no values in the last measure's variant: never another variant of it
    (["¿En qué porcentaje creció el PIB per cápita PPA (dólares internacionales corrientes) de Chile entre 2014 y 2024?",
      "y Venezuela? cuanto crecio en esos mismos años"], "no_data", "PPA"),
    # a fraction of another measure's total: never that total
    (["¿Cuántas viviendas particulares desocupadas contabilizó el Censo 2024 en la Región de Valparaíso?",
      "Y eso qué fracción es del total de viviendas censadas en la región?"], "no_data", "Viviendas"),
])  # fmt: skip
def test_a_place_or_operation_that_is_not_there_is_said_never_answered_nearby(cifra, questions, status, said):
    answer = last_answer(cifra, questions)
    assert answer.status == status and said in answer.answer, answer.answer


@pytest.mark.parametrize("questions", [
    ["¿qué tres regiones tuvieron el mayor PIB regional en 2025, sumando los cuatro trimestres?"],
    ["pib antofagasta el año pasado", "top 3 regiones"],  # a year of a quarterly flow is its sum, said or not
])  # fmt: skip
def test_a_ranking_of_sums_names_the_members_a_withheld_value_leaves_out(cifra, questions):
    answer = last_answer(cifra, questions)
    assert answer.plan.operation == "rank" and "CL-02" not in [value.area for value in answer.values]
    assert any(note.startswith("Región de Antofagasta no está en el ranking") for note in answer.notes), answer.notes


@pytest.mark.parametrize(("questions", "status", "period"), [
    (["renewables share of final energy consumption chile 2010", "2021 then? change in pp"], "clarify", None),
    (["desempleo de chile 2010", "¿y 2021? ¿cuánto cambió?"], "clarify", None),
    (["desempleo de chile 2010", "¿y cuánto cambió en 2021?"], "ok", (2020, 2021)),  # that year's own change
])  # fmt: skip
def test_a_change_beside_a_new_year_is_asked_back_unless_said_within_it(cifra, questions, status, period):
    answer = last_answer(cifra, questions)
    assert answer.status == status, answer.answer
    if status == "clarify":  # both readings offered, each a complete plan
        assert [option.plan.period.start for option in answer.options] == [2010, 2020] and answer.values == []
    else:
        assert (answer.plan.period.start, answer.plan.period.end) == period


@pytest.mark.parametrize(("question", "label"), [
    ("In INE's 2002-2035 population series for Vitacura, which year has the highest figure?", "2021"),  # projections named
    ("¿en qué año fue más alta la población de Vitacura?", "2017"),  # no years named: what was counted, not projected
])  # fmt: skip
def test_the_years_named_for_a_peak_include_the_projections_they_hold(cifra, question, label):
    answer = cifra.ask(question)
    assert answer.status == "ok" and f" {label}" in answer.answer, answer.answer


@pytest.mark.parametrize(("questions", "code", "areas", "period"), [
    (["¿cuánta gente proyecta el INE para la comuna de Antofagasta en 2025?", "y calama, ¿cuánto crece en % entre 2025 y 2030?",
      "volviendo a la primera cifra: ¿qué porcentaje de la población proyectada de la región representa esa comuna en ese "
      "mismo año?"], "CHL.POPULATION.PROJ", ["CL-02101", "CL-02"], (2025, 2025)),  # the first answer's comuna and year
    (["Access to electricity in Kenya 2022", "How many percentage points had that gone up since 2012?"],
     "EG.ELC.ACCS.ZS", ["KEN"], (2012, 2022)),  # to that figure, not to the newest one
    (["UTM enero 2025", "y la UTM de enero 2026, ¿cuánto subió en % respecto a enero 2025?"], "CHL.UTM", ["CHL"],
     (2025, 2026)),  # two months set against each other, words between them
    (["how big was the gap between womens and mens life expectancey in Russia in 2021?"], "SP.DYN.LE00.FE.IN", ["RUS"],
     (2021, 2021)),
    (["¿cuánto era el PIB por habitante de Uruguay en 2023, a paridad de poder de compra?",
      "volviendo a lo de Uruguay en 2023, ¿cuántos dólares sobre el promedio de América Latina y el Caribe estaba?"],
     "NY.GDP.PCAP.PP.CD", ["URY", "LCN"], (2023, 2023)),  # the dollars of the gap are PPP dollars still
    (["¿cuánto varió el PIB en volumen (encadenado, Banco Central) del primer trimestre 2026 contra el primer trimestre "
      "2025?"], "CHL.GDP.VOLUME", ["CHL"], (2025, 2026)),  # two quarters set against each other, earlier first
    (["By what percentage did GDP per capita (current US$) of the World Bank's upper-middle-income group change from 2014 "
      "to 2024?", "same thing for the low income group?"], "NY.GDP.PCAP.CD", ["LIC"], (2014, 2024)),  # never "group quarters"
    (["¿Cuánta población suman Viña del Mar y Valparaíso para el 2025 según el INE?"], "CHL.POPULATION.PROJ",
     ["CL-05109", "CL-05101"], (2025, 2025)),  # two comunas: the region would hold the other
    (["¿De cuánto era la fuerza de trabajo en Chile en el trimestre movil terminado en marzo 2020?",
      "¿y cuanto cayo hasta el trimestre terminado en julio de 2020?"], "CHL.LABOUR_FORCE", ["CHL"], (2020, 2020)),
    (["¿Cuáles fueron las 3 regiones con mayor PIB en el cuarto trimestre de 2024?", "¿y cuánto suman entre las tres?"],
     "CHL.GDP.REGIONAL", ["CL-13", "CL-02", "CL-05"], (2024, 2024)),  # the three shown, not all sixteen
    (["En el periodo 2000-2025, ¿qué año tuvo el mayor crecimiento del PIB de Chile según el Banco Mundial?",
      "¿Y cuál fue el año con la peor cifra en ese mismo periodo?"], "NY.GDP.MKTP.KD.ZG", ["CHL"], (2000, 2025)),
    (["¿Cuántas viviendas ocupadas suma la provincia Cordillera en el Censo 2024?"],
     "CHL.CENSUS2024.DWELLINGS.OCCUPIED", ["CL-132"], (2024, 2024)),
])  # fmt: skip
def test_follow_ups_and_phrasings_read_as_asked(cifra, questions, code, areas, period):
    answer = last_answer(cifra, questions)
    assert answer.status == "ok", answer.answer
    assert (answer.plan.indicator_code, answer.plan.area_codes, (answer.plan.period.start, answer.plan.period.end)) == (
        code, areas, period)


@pytest.mark.parametrize("questions", [
    ["población de Antofagasta censo 2024", "¿y cuántas personas en situación de calle se contaron ahí?"],  # no source
    ["¿Cuál fue el PIB de la Región de Antofagasta en 2024, sumando los cuatro trimestres de las cuentas regionales?",
     "¿Qué porcentaje del Producto Interno Bruto nacional de esa misma serie representa?"],  # no share published: never
    # another measure "as % of GDP"
    ["What was the average level of PM2.5 fine particles that people in India were exposed to in 2023?",
     "How many micrograms per cubic meter above the world average was that?"],  # after no figure: above what?
    ["la mas poblada segun censo 2024?"],  # the census has one period: the most populous of which places?
    ["PIB per cápita de Chile 2020", "¿y 5%?"],  # a number with no condition to put it in
    ["Can you give me INE's projected population for Colina for each year 2020 through 2024?",
     "How far off was that 2024 projection from what the census found there?"],  # never the projection alone
    ["¿Cuántas comunas de la Región de Aysén tienen menos de 5.000 habitantes según el Censo 2024?",
     "Y la más poblada de la región, ¿qué porcentaje de la población regional concentra?"],  # a comuna's published
    # share is of its province
])  # fmt: skip
def test_what_no_answer_holds_is_never_answered_with_another_figure(cifra, questions):
    answer = last_answer(cifra, questions)
    assert answer.status in ("no_data", "clarify") and answer.values == [], answer.answer


@pytest.mark.parametrize(("questions", "operation", "code", "group"), [
    (["What year did Chile's GDP per capita first top US$10,000?"], "first_meeting", "NY.GDP.PCAP.CD", None),
    (["segun el banco mundial, cual fue el primer año despues del 2010 en que el PIB de chile cayo?"], "first_meeting",
     "NY.GDP.MKTP.KD.ZG", None),  # growth below zero, never the change of the level
    (["first year after 2010 in which Chile's GDP shrank"], "first_meeting", "NY.GDP.MKTP.KD.ZG", None),
    (["pib total de chile en dolares corrientes el 2024, ojo que no quiero el per capita"], "value", "NY.GDP.MKTP.CD", None),
    (["Chile GDP per capita growth 2023, World Bank", "Now give me the total GDP growth for that year, same source."],
     "value", "NY.GDP.MKTP.KD.ZG", None),  # the whole, not per capita again
    (["What was the simple average unemployment rate of the seven G7 countries in 2024?", "what about in 2019, pre-covid?"],
     "aggregate", "SL.UEM.TOTL.ZS", "G-G7"),  # the same average, another year
    (["¿Cuál fue el PIB agregado de los cuatro países de la Alianza del Pacífico en 2024, en dólares corrientes?"],
     "aggregate", "NY.GDP.MKTP.CD", "G-PACIFIC_ALLIANCE"),  # their sum, not a ranking of the four
    (["¿cuántos países de Sudamérica tuvieron superávit de cuenta corriente en 2023?"], "count", "BN.CAB.XOKA.CD", "M49-005"),
    (["Among South American countries with World Bank data, how many ran a current account deficit in 2023?"], "count",
     "BN.CAB.XOKA.CD", "M49-005"),  # the members said before "how many"
    (["What was the simple average unemployment rate of the seven G7 countries in 2024?", "¿y en el Mercosur?"],
     "aggregate", "SL.UEM.TOTL.ZS", "G-MERCOSUR"),  # the average of another group's members
])  # fmt: skip
def test_operations_kept_or_named_in_passing(cifra, questions, operation, code, group):
    answer = last_answer(cifra, questions)
    assert answer.status == "ok", answer.answer
    assert (answer.plan.operation, answer.plan.indicator_code, answer.plan.group_code) == (operation, code, group)


def test_the_latest_period_of_a_ranking_is_the_newest_its_members_share(cifra):
    answer = cifra.ask("In the most recent quarter of the Central Bank's regional GDP data, which region ranks second?")
    assert answer.status == "ok" and "Q1 2026" in answer.answer, answer.answer  # a year begun counts its regions


@pytest.mark.parametrize(("question", "per", "value"), [
    ("Según el censo 2024, ¿cuántas personas de 65 años o más hay en Chile por cada 100 menores de 15 años?", 100, 79.01),
    ("¿cuántas veces más población tiene Chile que Uruguay en 2020?", None, 5.70),  # times, per nothing
])  # fmt: skip
def test_a_ratio_said_per_hundred_is_per_hundred(cifra, question, per, value):
    answer = cifra.ask(question)
    assert answer.status == "ok" and answer.plan.operation == "ratio" and answer.plan.per == per, answer.answer
    assert round(answer.values[-1].value, 2) == value, answer.values


def test_the_highest_member_after_a_groups_figure_is_of_its_members(cifra):
    answer = last_answer(cifra, ["life expectancy world", "highest country?"])
    assert (answer.plan.operation, answer.plan.group_code, answer.plan.member_kind, answer.plan.top_n) == (
        "rank", "WLD", "country", 1), answer.answer


@pytest.mark.parametrize(("questions", "period"), [
    (["imacec ultimo", "vs mayo del año pasado?"], {"month": 5, "month_end": 5}),  # that month to the answer's
    (["PIB per cápita de Chile 2020", "comparado con 2015?"], {"start": 2015, "end": 2020}),
    (["pib trimestral de chile en el primer trimestre de 2026", "vs T1 2025"],
     {"start": 2025, "end": 2026, "quarter": 1, "quarter_end": 1}),
])  # fmt: skip
def test_a_period_set_against_the_last_answer_is_the_change_from_it(cifra, questions, period):
    answer = last_answer(cifra, questions)
    assert answer.status == "ok" and answer.plan.operation == "change", answer.answer
    assert answer.plan.period.model_dump(include=set(period)) == period


def test_a_follow_up_ending_in_then_follows_the_last_answer(cifra):
    answer = last_answer(cifra, ["mobile subscriptions india 2022", "broadband then"])
    assert (answer.plan.indicator_code, answer.plan.area_codes, answer.plan.period.start) == (
        "IT.NET.BBND.P2", ["IND"], 2022), answer.answer


@pytest.mark.parametrize(("questions", "group", "threshold"), [
    (["In 2023 how many South American countries had inflation above 10 percent?", "and how many were under 3%?"],
     "M49-005", ("<", 3.0)),
    (["cuantas comunas de la araucania tienen pobreza por ingresos sobre 10%?", "y sobre 15%?"], "CL-09", (">", 15.0)),
])  # fmt: skip
def test_a_new_condition_after_a_count_is_counted_anew(cifra, questions, group, threshold):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.plan.group_code, answer.plan.threshold) == ("count", group, threshold), \
        answer.answer


@pytest.mark.parametrize(("question", "operation", "areas"), [
    ("chile spends less than half a percent of GDP on R&D - true? latest number", "latest", ["CHL"]),
    ("es cierto que en la region metropolitana viven mas de 8 millones de personas? segun la proyeccion del ine para "
     "2025", "value", ["CL-13"]),  # "la región … viven" names the place, asks for no member
])  # fmt: skip
def test_a_claim_to_check_is_answered_with_the_figure_never_a_first_crossing(cifra, question, operation, areas):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.threshold, answer.plan.area_codes) == (operation, None, areas), \
        answer.answer


@pytest.mark.parametrize(("questions", "areas"), [
    (["chile spends less than half a percent of GDP on R&D - true? latest number",
      "how does that compare with the OECD members average the same year?"], ["CHL", "OED"]),  # the published average
    (["Fact check: a columnist claims Chileans now live longer than the average person in OECD countries. Life "
      "expectancy at birth, Chile vs OECD members, latest year available?"], ["CHL", "OED"]),  # never years averaged
    (["Life expectancy at birth, Chile vs OECD members, latest year available?",
      "and against the Latin America & Caribbean average?"], ["CHL", "LCN"]),  # the first place kept
])  # fmt: skip
def test_a_place_set_against_a_published_average(cifra, questions, areas):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.plan.operation in ("value", "latest"), answer.plan.area_codes) == ("ok", True, areas), \
        answer.answer


def test_an_average_over_a_groups_members_with_no_period_is_of_one_year(cifra):
    answer = cifra.ask("average life expectancy of South American countries")
    assert answer.plan.operation == "aggregate" and answer.plan.period.is_single_year, answer.answer


def test_which_year_of_those_is_within_the_span_answered(cifra):
    answer = last_answer(cifra, ["crecimiento del PIB real promedio anual de la India entre 2015 y 2019",
                                 "y china en el mismo periodo?", "¿En qué año de esos creció más China?"])
    assert (answer.plan.operation, answer.plan.area_codes, answer.plan.period.start, answer.plan.period.end) == (
        "which_period", ["CHN"], 2015, 2019), answer.answer


@pytest.mark.parametrize(("question", "area", "group"), [
    ("es verdad que la pintana es la comuna con mas pobreza por ingresos de la region metropolitana?", "CL-13112", "CL-13"),
    ("¿es Chile el país con mayor esperanza de vida de Sudamérica?", "CHL", "M49-005"),
    ("is Chile the country with the highest life expectancy in South America?", "CHL", "M49-005"),
])  # fmt: skip
def test_is_a_place_the_top_member_asks_where_it_stands(cifra, question, area, group):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.area_codes, answer.plan.group_code) == ("position", [area], group), \
        answer.answer


@pytest.mark.parametrize(("questions", "areas"), [
    (["poblacion proyectada provincia de cachapoal 2030", "¿y la región completa?"], ["CL-06"]),  # a province's region
    (["Cuantos hogares y cuantas viviendas se contaron en Valdivia en el ultimo censo?", "¿y la provincia completa?"],
     ["CL-141"]),  # a comuna's province
])  # fmt: skip
def test_the_whole_area_after_a_part_is_the_area_holding_it(cifra, questions, areas):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.plan.area_codes) == ("ok", areas), answer.answer


def test_both_ends_of_a_ranking_said_with_a_source_are_one_measure(cifra):
    answer = cifra.ask("cual es la comuna mas poblada de la provincia de llanquihue y cual la mas chica, segun el censo")
    assert [value.area for value in answer.values] == ["CL-10103", "CL-10101"], answer.answer


@pytest.mark.parametrize("follow_up", ["¿y con la proyeccion del INE del año pasado?", "¿y según la proyección del INE?"])
def test_a_source_named_after_a_share_asks_that_sources_share(cifra, follow_up):
    answer = last_answer(cifra, ["que porcentaje de la poblacion de magallanes vive en punta arenas? censo 2024", follow_up])
    assert (answer.plan.operation, answer.plan.indicator_code, answer.plan.area_codes) == (
        "share", "CHL.POPULATION.PROJ", ["CL-12101", "CL-12"]), answer.answer


@pytest.mark.parametrize(("question", "code"), [
    ("cuantas personas viven por casa en promedio en la comuna de santiago? segun el censo 2024",
     "CHL.CENSUS2024.PERSONS_PER_HOUSEHOLD"),  # per home: the household size, never the population
    ("ok fine, just tell me which south american country has people living the longest, 2024", "SP.DYN.LE00.IN"),
])  # fmt: skip
def test_people_counted_per_home_or_by_how_long_they_live_name_a_rate(cifra, question, code):
    assert cifra.ask(question).plan.indicator_code == code


def test_the_year_before_a_years_highest_is_that_years_highest(cifra):
    answer = last_answer(cifra, ["whats the highest copper price the central bank of Chile recorded in 2024?",
                                 "and the year before that?"])
    assert (answer.plan.operation, answer.plan.period.start, answer.plan.period.end) == ("which_period", 2023, 2023)


@pytest.mark.parametrize(("question", "code"), [
    ("¿cuánta gente censaron en la región metropolitana?", "CHL.CENSUS2024.POP"),  # "censaron" names the census
    ("mi tio dice que todo esta carisimo. cuanto subieron los precios en chile el año pasado? la inflacion anual segun "
     "el banco mundial", "FP.CPI.TOTL.ZG"),  # who says it is no measure
    ("cuanto dio el imacec de mayo de este año? el indice normal, no el desestacionalizado", "CHL.IMACEC"),
])  # fmt: skip
def test_words_around_the_measure_choose_or_leave_it(cifra, question, code):
    answer = cifra.ask(question)
    assert (answer.status, answer.plan.indicator_code) == ("ok", code), answer.answer


def test_sorting_after_figures_given_in_a_row_sorts_every_place_given(cifra):
    answer = last_answer(cifra, ["pib per capita de chile en dolares 2024", "y argentina y peru el mismo año?",
                                 "ordenalos de mayor a menor porfa"])
    assert answer.plan.area_codes == ["CHL", "ARG", "PER"] and [value.area for value in answer.values] == [
        "CHL", "ARG", "PER"], answer.answer


def test_a_share_of_a_subtotal_after_a_ranking_is_never_another_measures_share(cifra):
    answer = last_answer(cifra, ["Que regiones aportaron mas al PIB el año pasado? dame las 3 primeras",
                                 "¿qué porcentaje del subtotal regionalizado es la región metropolitana?"])
    assert answer.status != "ok" and answer.values == [], answer.answer


@pytest.mark.parametrize(("questions", "plans"), [
    (["desempleo de Chile vs promedio de Sudamérica en 2022"],
     [("value", ["CHL"], None, None), ("aggregate", [], "M49-005", "avg")]),  # never the group's average alone
    (["población de Chile y de Sudamérica en 2022"],
     [("value", ["CHL"], None, None), ("aggregate", [], "M49-005", "sum")]),  # an amount: the members' sum
    (["esperanza de vida de Chile en 2020", "¿está sobre el promedio de América Latina?"],
     [("value", ["CHL"], None, None), ("aggregate", [], "G-LATAM", "avg")]),  # never a mean of Chile alone
    (["pobreza de La Pintana vs promedio de la Región Metropolitana"],
     [("latest", ["CL-13112"], None, None), ("aggregate", [], "CL-13", "avg")]),  # of the region's comunas
    (["desempleo de Chile 2022", "compara Perú con el promedio de Sudamérica"],
     [("value", ["CHL", "PER"], None, None), ("aggregate", [], "M49-005", "avg")]),  # never the mean of the two
])  # fmt: skip
def test_a_group_with_no_figures_beside_places_is_its_members_figure(cifra, questions, plans):
    answer = last_answer(cifra, questions)
    assert [(part.plan.operation, part.plan.area_codes, part.plan.group_code, part.plan.aggregate)
            for part in answer.parts] == plans, answer.answer


@pytest.mark.parametrize(("questions", "areas"), [
    (["esperanza de vida de Chile en 2020", "¿está sobre el promedio mundial?", "¿y sobre el de América Latina?"],
     ["CHL"]),  # the first place again, beside the next average (answered apart: Latin America has no figures)
    (["life expectancy in Chile 2020", "is it above the Latin American average?", "and above the world's?"],
     ["CHL", "WLD"]),  # never the world twice
])  # fmt: skip
def test_above_the_next_place_sets_the_first_answer_against_it(cifra, questions, areas):
    answer = last_answer(cifra, questions)
    first = answer.parts[0].plan if answer.parts else answer.plan
    assert first.area_codes == areas, answer.answer
    assert len(answer.parts) == (2 if areas == ["CHL"] else 0), answer.answer


@pytest.mark.parametrize(("questions", "area"), [
    (["poblacion de la provincia de llanquihue 2024 segun las proyecciones", "¿y la de Osorno?"], "CL-103"),
    (["cuanta gente vive en valparaiso este año??", "la region, segun la proyeccion del INE"], "CL-05"),
    (["cuántas personas viven en la comuna de Valparaíso en 2024", "no, la región"], "CL-05"),
])  # fmt: skip
def test_a_place_said_after_an_answer_is_of_the_answers_kind(cifra, questions, area):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.plan.area_codes, answer.plan.indicator_code) == (
        "ok", [area], "CHL.POPULATION.PROJ"), answer.answer


@pytest.mark.parametrize(("questions", "code", "period"), [
    (["imacec abril 2026", "¿y el mismo mes del año pasado? ¿cuánto creció?"], "CHL.IMACEC",
     PeriodSpec(start=2025, end=2026, month=4, month_end=4)),  # from then to the answer, never April 2025's growth
    (["imacec abril 2026", "¿y el crecimiento del mismo mes del año pasado?"], "CHL.IMACEC.GROWTH_12M",
     PeriodSpec(start=2025, end=2025, month=4)),  # the growth named: that month's
    (["¿Cuánto creció la economía chilena en el primer trimestre de 2026 respecto al mismo trimestre del año anterior?",
      "y en todo el 2025 cuanto crecio el pib?"], "CHL.GDP.VOLUME", PeriodSpec(start=2024, end=2025)),
    (["Show me GDP per head for Chile between 2015 and 2023", "how much did it change in percent over that span?"],
     "NY.GDP.PCAP.CD", PeriodSpec(start=2015, end=2023)),
])  # fmt: skip
def test_a_change_asked_after_an_answer_spans_from_the_period_said(cifra, questions, code, period):
    answer = last_answer(cifra, questions)
    assert (answer.plan.indicator_code, answer.plan.period) == (code, period), answer.answer


@pytest.mark.parametrize(("question", "code", "language"), [
    ("real wages index chile may 2026", "CHL.WAGES.REAL_INDEX", "en"),  # an index is the level, never its growth
    ("remuneraciones reales mayo 2026", "CHL.WAGES.REAL_INDEX", "es"),
    ("inflación mayo 2025", "CHL.CPI.INFLATION_12M", "es"),
])  # fmt: skip
def test_an_index_named_is_the_index_itself(cifra, question, code, language):
    answer = cifra.ask(question)
    assert (answer.plan.indicator_code, answer.language) == (code, language), answer.answer


@pytest.mark.parametrize(("question", "codes"), [
    ("PIB y población de Chile según el INE", ["CHL.GDP.CURRENT", "CHL.CENSUS2024.POP"]),  # a short name is a measure
    ("pib y desempleo de chile en 2020", ["CHL.GDP.CURRENT", "CHL.UNEMPLOYMENT.RATE"]),
])  # fmt: skip
def test_two_measures_by_their_short_names_are_both_answered(cifra, question, codes):
    answer = cifra.ask(question)
    assert [part.plan.indicator_code for part in answer.parts] == codes, answer.answer


def test_sorting_after_the_top_member_sorts_the_whole_group(cifra):
    answer = last_answer(cifra, ["que pais de sudamerica tenia el pib per capita mas alto el 2024? en dolares",
                                 "ordénalos"])
    assert answer.plan.operation == "rank" and len(answer.values) == 12, answer.answer


def test_which_ones_after_a_count_lists_them(cifra):
    answer = last_answer(cifra, ["How many South American countries had inflation above 10% in 2023?",
                                 "which ones? list them with the numbers"])
    assert answer.plan.operation == "count" and {value.area for value in answer.values} >= {"ARG", "SUR", "COL"}


@pytest.mark.parametrize(("questions", "operation", "period"), [
    (["a cuanto estaba el cobre el 15 de marzo del 2024?", "¿y el día anterior?"], "value",
     PeriodSpec(start=2024, end=2024, month=3, day=14)),  # never a measure named "día anterior"
    (["How much did Chile's GDP grow in Q1 2026 compared with the same quarter a year before? real terms",
      "and the quarter before that?"], "change", PeriodSpec(start=2024, end=2025, quarter=4, quarter_end=4)),
    (["PIB de la región del Biobío en el tercer trimestre del 2025", "¿y en la región vecina? Ñuble digo",
      "¿cuántas veces más grande es la economía del Biobío que la de Ñuble en ese trimestre?"], "ratio",
     PeriodSpec(start=2025, end=2025, quarter=3)),  # "ese trimestre" follows the last answer
    (["poblacion de la provincia de llanquihue 2024 segun las proyecciones",
      "¿cuánto creció Llanquihue en la última década, o sea desde 2014?"], "change",
     PeriodSpec(start=2014, end=2024)),  # after a projection, the decade up to it
])  # fmt: skip
def test_a_period_moved_from_the_last_answer(cifra, questions, operation, period):
    answer = last_answer(cifra, questions)
    assert (answer.status, answer.plan.operation, answer.plan.period) == ("ok", operation, period), answer.answer


def test_which_of_two_places_has_more_gives_both_and_says_which(cifra):
    answer = last_answer(cifra, ["cuánta gente vive en puente alto? proyeccion 2025",
                                 "y la florida que es la comuna del lado, en 2025? cual tiene mas gente"])
    assert (answer.plan.operation, answer.plan.area_codes, answer.plan.verdict) == (
        "value", ["CL-13201", "CL-13110"], True), answer.answer
    assert "Puente Alto" in answer.answer.split(".")[-2], answer.answer


@pytest.mark.parametrize(("questions", "code", "operation", "areas"), [
    (["precio del cobre el 15 de marzo de 2024", "¿cuál fue el precio más alto de todo 2024 y qué día?"],
     "CHL.COPPER.PRICE", "which_period", ["CHL"]),  # "el precio" alone is the last price, never the CPI
    (["How much have real wages in Chile grown over the last 12 months? Use the latest month you have",
      "and nominal wages?"], "CHL.WAGES.GROWTH_12M", "latest", ["CHL"]),  # the same growth, at other prices
    (["crecimiento del PIB de Chile 2020", "¿y el PIB per cápita?"], "NY.GDP.PCAP.CD", "value", ["CHL"]),
    (["cuanto crecio el pib de antofagasta el primer trimestre 2026 comparado con el primer trimestre del 2025",
      "¿y la región metropolitana?"], "CHL.GDP.REGIONAL", "change", ["CL-13"]),  # a region named: the same change
    (["cuantos hijos por mujer tenian en chile hace cinco años"], "SP.DYN.TFRT.IN", "value",
     ["CHL"]),  # "años" says when, never an age group
])  # fmt: skip
def test_a_follow_up_keeps_what_it_does_not_change(cifra, questions, code, operation, areas):
    answer = last_answer(cifra, questions)
    assert (answer.plan.indicator_code, answer.plan.operation, answer.plan.area_codes) == (
        code, operation, areas), answer.answer


@pytest.mark.parametrize(("questions", "areas", "operation"), [
    (["el desempleo en chile el año pasado fue mayor que el promedio de america latina?"], ["CHL"], "value"),
    (["Is China above the world average in CO2 emissions per person? latest data you have",
      "And versus high-income countries?"], ["CHN", "HIC"], "latest"),  # the published aggregate, never a ranking
    (["Is Spain's unemployment rate above the EU average? 2024 numbers please",
      "and against the euro area back in 2015?"], ["ESP", "EMU"], "value"),  # that year, never a change to it
    (["el pib per capita de chile el año pasado estaba por sobre el promedio de sudamerica?? cuanto mas o menos",
      "¿y en qué puesto queda Chile entre los países sudamericanos?"], ["CHL"], "position"),  # of the measure asked
])  # fmt: skip
def test_a_place_against_an_average_is_never_a_ranking_nor_a_change(cifra, questions, areas, operation):
    answer = last_answer(cifra, questions)
    plan = answer.parts[0].plan if answer.parts else answer.plan
    assert (plan.area_codes, plan.operation) == (areas, operation), answer.answer
    assert plan.indicator_code != "SP.POP.TOTL", answer.answer  # "los países sudamericanos" counts no people


def test_a_gap_in_percent_between_two_rates_is_asked_back(cifra):
    answer = last_answer(cifra, ["Is Spain's unemployment rate above the EU average? 2024 numbers please",
                                 "whats that gap in percent?"])
    assert answer.status == "clarify" and answer.values == [], answer.answer


def test_old_people_said_fondly_are_the_elderly(cifra):
    answer = cifra.ask("la region de ñuble tiene mas viejitos que el promedio nacional? censo 2024")
    assert answer.plan.indicator_code == "CHL.CENSUS2024.POP_65_PLUS", answer.answer


def test_the_price_of_something_set_aside_is_never_the_last_price(cifra):
    answer = last_answer(cifra, ["a cuanto estaba el cobre el 15 de marzo del 2024?", "¿y el precio de la plata ese día?"])
    assert answer.status == "no_data" and answer.values == [], answer.answer


def test_more_of_something_than_the_area_holding_it_sets_both_side_by_side(cifra):
    answer = cifra.ask("Segun el censo 2024, la comuna de Valparaiso tiene mas adultos mayores en proporcion que la "
                       "region de Valparaiso en general? hablo de 65 y mas")
    assert (answer.plan.operation, answer.plan.indicator_code, sorted(answer.plan.area_codes)) == (
        "value", "CHL.CENSUS2024.POP_65_PLUS.SHARE", ["CL-05", "CL-05101"]), answer.answer  # never a ranking


@pytest.mark.parametrize(("questions", "parts"), [
    (["desempleo de Chile vs promedio de Sudamérica en 2022", "¿y en 2020?"], 2),  # both again, that year
    (["la pobreza multidimensional en la pintana esta muy por encima del promedio de las comunas de la RM?",
      "¿y en qué lugar queda La Pintana entre las comunas de la RM?"], 0),  # its place, once
])  # fmt: skip
def test_a_follow_up_after_a_place_beside_an_average(cifra, questions, parts):
    answer = last_answer(cifra, questions)
    assert len(answer.parts) == parts, answer.answer


@pytest.mark.parametrize(("questions", "areas", "group"), [
    (["how many households were counted in Santiago in the 2024 census?",
      "and how many households were counted in the whole country?"], ["CHL"], None),
    (["buenas, q comuna de la araucania tiene mas pobreza por ingresos? la del 2022",
      "y la multidimensional ahi mismo cuanto es", "cuantas comunas de la region pasan el 15% de pobreza x ingresos"],
     [], "CL-09"),  # the region of the comuna just answered, never all of Chile
    (["What's Chile's GDP per head right now? latest number you have",
      "is that above or below the South American average for the same year?", "where does Chile rank among them?"],
     ["CHL"], "M49-005"),  # among the group just averaged
    (["tasa de fecundidad de chile vs el promedio de sudamerica 2023",
      "ordénalos de menor a mayor, ¿en qué lugar queda chile?"], ["CHL"], "M49-005"),
])  # fmt: skip
def test_the_area_a_follow_up_points_at(cifra, questions, areas, group):
    answer = last_answer(cifra, questions)
    assert (answer.plan.area_codes, answer.plan.group_code) == (areas, group), answer.answer


def test_that_above_a_groups_average_sets_the_last_answer_beside_it(cifra):
    answer = last_answer(cifra, ["What's Chile's GDP per head right now? latest number you have",
                                 "is that above or below the South American average for the same year?"])
    assert [(part.plan.area_codes, part.plan.group_code) for part in answer.parts] == [
        (["CHL"], None), ([], "M49-005")], answer.answer


@pytest.mark.parametrize(("questions", "areas"), [
    (["pib en dólares 2024: la argentina, ¿cuántas veces la chilena?"], ["ARG", "CHL"]),  # the one after, in times
    (["cuantas veces mas grande es la economia de brasil que la de chile? pib en dolares, 2024",
      "y la argentina, cuantas veces la chilena?"], ["ARG", "CHL"]),
    (["pib 2024 ¿cuántas veces es Brasil más grande que Chile?"], ["BRA", "CHL"]),
])  # fmt: skip
def test_a_ratio_divides_by_the_place_it_is_measured_in(cifra, questions, areas):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.plan.area_codes) == ("ratio", areas), answer.answer


@pytest.mark.parametrize("questions", [
    ["pib per capita de nigeria a precios constantes, año 2020"],  # no level at constant prices: never its growth
    ["cuanta gente vive en el gran santiago segun el censo"],  # a metropolitan area is no region
    ["cuantas mujeres hay en temuco segun el censo 2024", "y de esas cuantas tienen mas de 65?"],  # one count, no first time
    ["Emisiones de CO2 por habitante en Chile el 2014, calculadas con el total de emisiones y la población"],
    ["by how much did the world population grow between 2000 and 2024, in percent",
     "what is that per year on average (compound)?"],
    ["¿Cuántas viviendas hay en Pirque por cada mil habitantes según el censo?"],  # no series per thousand people
    ["rank the East Asian economies by GDP per capita, 2024", "where's china in that list?"],  # no list was shown
    ["Cuál es la diferencia de esperanza de vida entre mujeres y hombres en Rusia?", "es la mayor de europa?"],
    ["What was the UF worth in January 2020, and how much has it gone up by the latest figure?",
     "same thing for the UTM"],  # the same as a question not answered
    ["a cuanto cerro el dolar observado ayer?"],  # a yearly rate is no figure of yesterday
    ["what's the poverty rate in San Pedro?"],  # three comunas go by that name
    ["average copper price in 2024?", "what about lithium that year?"],  # no lithium price: never copper's again
    ["did the antofagasta region's economy grow faster than chile as a whole in 2024?"],  # one side alone compares nothing
])  # fmt: skip
def test_a_question_read_only_in_part_gets_no_figure(cifra, questions):
    answer = last_answer(cifra, questions)
    assert answer.status != "ok" and answer.values == [], answer.answer


@pytest.mark.parametrize(("questions", "code", "operation", "areas"), [
    (["desempleo en santiago marzo 2024", "ya, dame el nacional no mas"], "CHL.UNEMPLOYMENT.RATE", "value", ["CHL"]),
    (["unemployment chile march 2021", "what about the Valparaíso region?",
      "ok, the national one then: a year later, and how many points did it move?"], "CHL.UNEMPLOYMENT.RATE", "change", ["CHL"]),
    (["inflacion mensual peru marzo 2024", "bueno, la anual de 2024 entonces"], "FP.CPI.TOTL.ZG", "value", ["PER"]),
    (["población mayor de 65 años en Chile 2020"], "SP.POP.65UP.TO.ZS", "value", ["CHL"]),  # an age group, no ranking
    (["cuáles son las 3 regiones con más PIB el 2025? sumando los trimestres del PIB regional del Central"],
     "CHL.GDP.REGIONAL", "rank", []),  # the quarters make each year: a ranking, never one sum
])  # fmt: skip
def test_words_that_name_a_place_or_how_a_year_is_made(cifra, questions, code, operation, areas):
    answer = last_answer(cifra, questions)
    assert (answer.plan.indicator_code, answer.plan.operation, answer.plan.area_codes) == (code, operation, areas), answer.answer


def test_years_of_life_expectancy_are_a_condition_not_an_age_group(cifra):
    answer = cifra.ask("cuántos países tienen más de 65 años de esperanza de vida en África")
    assert (answer.plan.operation, answer.plan.threshold, answer.plan.indicator_code) == (
        "count", (">", 65.0), "SP.DYN.LE00.IN"), answer.answer


@pytest.mark.parametrize(("questions", "code", "operation", "areas"), [
    (["rank the East Asian countries by GDP per capita, 2024", "where's china in that list?"],
     "NY.GDP.PCAP.CD", "position", ["CHN"]),  # "in that list" asks the place
    (["I'm writing a short piece about Latin American economies during the pandemic. How much did Chile's GDP shrink "
      "in 2020 according to the World Bank?"], "NY.GDP.MKTP.KD.ZG", "value", ["CHL"]),  # economies named: no ranking
    (["de cuanto es el sueldo minimo ahora en chile?", "bueno y la utm de agosto de este año?"], "CHL.UTM", "value",
     ["CHL"]),  # Chile named in the question not answered: Chile's own series still fits
    (["cuanto crecio en promedio la economia chilena en la decada del 2010 (2010 a 2019)?"], "NY.GDP.MKTP.KD.ZG",
     "aggregate", ["CHL"]),  # the decade and its years are one period
    (["how much did Chile's real GDP change in Q1 2026 compared with Q1 2025?",
      "and in 2025, which quarter was the biggest once you take out seasonality?"], "CHL.GDP.VOLUME.SA", "which_period",
     ["CHL"]),
    (["¿Cuánto fue el gasto público en educación como porcentaje del PIB en Chile en 2020?",
      "¿Y en qué año Chile pasó por primera vez el 5% del PIB en ese gasto?"], "SE.XPD.TOTL.GD.ZS", "first_meeting",
     ["CHL"]),  # "ese gasto": that spending, never government expense
    (["Oye, cual fue el crecimiento promedio del PIB de Chile entre 2015 y 2020? segun el banco mundial",
      "¿y desde 2010 hasta el ultimo dato?"], "NY.GDP.MKTP.KD.ZG", "aggregate", ["CHL"]),  # that average, longer
    (["Oye, cual fue el crecimiento promedio del PIB de Chile entre 2015 y 2020? segun el banco mundial",
      "¿y desde 2010 hasta el ultimo dato?", "en ese periodo, que año crecio mas?"], "NY.GDP.MKTP.KD.ZG",
     "which_period", ["CHL"]),
    (["deuda externa argentina en dolares 2024, la total (publica + privada)"], "DT.DOD.DECT.CD", "value", ["ARG"]),
    (["total population (men and women) of Chile 2020"], "CHL.POPULATION.PROJ", "value", ["CHL"]),  # both, no woman's share
    (["¿en qué año creció más el PIB de Chile?"], "NY.GDP.MKTP.KD.ZG", "which_period", ["CHL"]),  # a year, no quarter
    (["¿qué región aporta más al PIB de Chile?"], "CHL.GDP.REGIONAL", "rank", []),
    (["which region contributes the most to Chile's GDP?"], "CHL.GDP.REGIONAL", "rank", []),
    (["¿cuánto aporta Antofagasta al PIB de Chile?"], "CHL.GDP.REGIONAL", "latest", ["CL-02", "CHL"]),  # the region's
    (["life expectancy japan", "women vs men there? whats the gap",
      "and is Japan's overall number above the world average?"], "SP.DYN.LE00.IN", "latest", ["JPN", "WLD"]),
    (["south korea fertility rate", "How many babies per woman did Korean women have back in 1970?"],
     "SP.DYN.TFRT.IN", "value", ["KOR"]),
    (["how much of New Zealand is covered by forest?"], "AG.LND.FRST.ZS", "latest", ["NZL"]),  # a share of its land
    (["UF en enero de 2020", "lo mismo para la UTM"], "CHL.UTM", "value", ["CHL"]),
    (["Cuánta gente vive en la región de Valparaíso este 2025 según las proyecciones del INE?",
      "y cuanto va a crecer hasta 2035?"], "CHL.POPULATION.PROJ", "change", ["CL-05"]),
    (["cual es la comuna mas poblada de chile en el censo 2024?", "cuantas comunas pasan los 200 mil habitantes"],
     "CHL.CENSUS2024.POP", "count", []),  # the census the conversation is about
    (["cuanto aporta antofagasta al pib de chile? el 2024", "y en que lugar queda entre las regiones?"],
     "CHL.GDP.REGIONAL", "position", ["CL-02"]),  # among Chile's regions, never among the two places named
    (["cuanta gente vive en etiopia?", "¿y en Egipto?", "cual de los dos crecio mas desde el 2000, en porcentaje"],
     "SP.POP.TOTL", "change", ["ETH", "EGY"]),  # each one's change, side by side
    (["is spain's jobless rate still above the world average? most recent year pls"], "SL.UEM.TOTL.ZS", "latest",
     ["ESP", "WLD"]),
    (["IPC de Chile marzo 2024", "¿y cuánto cambió respecto al mes anterior?"], "CHL.CPI.CHANGE_1M", "value", ["CHL"]),
    (["imacec desestacionalizado ultimo dato", "¿y cuánto cambió respecto al mes anterior?"], "CHL.IMACEC.SA", "change",
     ["CHL"]),  # no monthly change is published: from the month before to the one answered
    (["a cuanto esta la uf en julio 2026", "¿y cuánto ha subido en un año, en porcentaje?"], "CHL.UF", "change", ["CHL"]),
    (["Is unemployment in Spain still over 10%? latest figure pls"], "SL.UEM.TOTL.ZS", "latest", ["ESP"]),  # no first time
    (["¿la esperanza de vida al nacer en Chile ya pasa los 80 años? el dato mas reciente", "¿y la de argentina?",
      "y solo las mujeres chilenas?"], "SP.DYN.LE00.FE.IN", "latest", ["CHL"]),  # the last measure's women, no count
    (["share of people over 65 in Chile and Uruguay 2024", "which of the two aged faster since 2000?"],
     "SP.POP.65UP.TO.ZS", "change", ["CHL", "URY"]),
    (["World Bank unemployment in Chile, Peru and Colombia from 2019 to 2024",
      "which of them rose the most between 2019 and 2024?"], "SL.UEM.TOTL.ZS", "change", ["CHL", "PER", "COL"]),
    (["inflacion promedio en chile entre 2015 y 2019 (la anual del banco mundial)", "¿y entre 2020 y 2024?"],
     "FP.CPI.TOTL.ZG", "aggregate", ["CHL"]),  # that average over other years
    (["cuantos dias te demoras en abrir una empresa en venezuela? lo mas reciente"], "IC.REG.DURS", "latest", ["VEN"]),
    (["Según el Banco Mundial, ¿el PIB per cápita de Chile creció más rápido que el de Perú entre 2015 y 2024?"],
     "NY.GDP.PCAP.CD", "change", ["CHL", "PER"]),  # both changes say which grew faster
    (["oye cuanta gente vivia en chile el 2010 segun el INE", "y pal 2035 cuanto se supone que va a haber"],
     "CHL.POPULATION.PROJ", "value", ["CHL"]),  # "pal" opens the follow-up: it names no other measure
])  # fmt: skip
def test_follow_ups_and_asides_that_keep_the_question(cifra, questions, code, operation, areas):
    answer = last_answer(cifra, questions)
    assert (answer.plan.indicator_code, answer.plan.operation, answer.plan.area_codes) == (code, operation, areas), answer.answer


def test_years_ago_after_a_year_said_from_now_count_from_now(cifra):
    answer = last_answer(cifra, ["pib per capita de chile, argentina y uruguay hace dos años", "¿y hace diez años?"])
    assert answer.plan.period.start == date.today().year - 10, answer.answer


def test_the_same_month_after_the_latest_figure_is_that_figures_month(cifra):
    answer = last_answer(cifra, ["real wage index chile, latest month", "and the same month in 2023?"])
    newest = cifra.catalog.last_observed[("CHL.WAGES.REAL_INDEX", "CHL")]
    assert (answer.plan.period.start, answer.plan.period.month) == (2023, int(newest[5:7])), answer.answer


def test_a_name_two_countries_share_after_de_is_asked_back(cifra):
    answer = cifra.ask("¿cuánto es el PIB del Congo? el de 2024")
    assert answer.status == "clarify" and answer.values == [], answer.answer


def test_a_place_named_again_beside_an_average_is_answered_once(cifra):
    answer = last_answer(cifra, ["banda ancha fija x cada 100 habitantes: uruguay vs el promedio de sudamerica, 2024",
                                 "y hace cinco años uruguay cuanto tenia?"])
    assert [value.area for value in answer.values] == ["URY"], answer.answer


@pytest.mark.parametrize("questions", [
    ["cual es el promedio de esperanza de vida en el sudeste asiatico en 2023 (promedio simple de los paises)",
     "y filipinas esta por encima o por debajo?"],
    ["What's the average life expectancy across the countries of Southern Europe in 2022? just a plain average of "
     "the countries is fine", "how does that compare with the world number?"],
])  # fmt: skip
def test_a_place_set_against_the_last_groups_average_is_shown_beside_it(cifra, questions):
    answer = last_answer(cifra, questions)
    assert [part.plan.operation for part in answer.parts] == ["value", "aggregate"], answer.answer


def test_the_world_as_a_whole_after_a_change_is_that_change(cifra):
    answer = last_answer(cifra, ["by how much did gdp per capita in lower middle income countries grow between 2014 and "
                                 "2024, in percent? current dollars is fine", "and the world as a whole?"])
    assert (answer.plan.operation, answer.plan.area_codes) == ("change", ["WLD"]), answer.answer


def test_the_top_one_after_a_count_is_of_the_group_counted(cifra):
    answer = last_answer(cifra, ["How many South American countries had a life expectancy above 75 in 2023?",
                                 "which one was on top?"])
    assert (answer.plan.operation, answer.plan.group_code, answer.plan.top_n) == ("rank", "M49-005", 1), answer.answer


@pytest.mark.parametrize(("questions", "start"), [
    (["population of Chile in 2023", "and the year after, 2024?"], 2024),  # the year restates where the shift lands
    (["population of Chile the year after 2030"], 2031),
    (["población de Chile el año antes de 2000"], 1999),
    (["UF en enero de 2020", "lo mismo para la UTM"], 2020),  # the same question, of another measure
    (["latest gini index for chile?", "brazil same year?", "and the one before that for brazil"], 2023),
    (["desempleo en chile 2019", "¿y el anterior?"], 2018),  # a year answered: the year before
])  # fmt: skip
def test_one_year_beside_a_year_said(cifra, questions, start):
    answer = last_answer(cifra, questions)
    assert (answer.plan.period.start, answer.plan.period.end or answer.plan.period.start) == (start, start), answer.answer


@pytest.mark.parametrize(("questions", "areas"), [
    (["life expectancy in bolivia", "is it above the world average?"], ["BOL", "WLD"]),  # the World's own figure
    (["cual es la esperanza de vida en bolivia", "¿está por encima del promedio mundial?"], ["BOL", "WLD"]),
    (["cual es la esperanza de vida en bolivia", "¿es mayor al promedio mundial?"], ["BOL", "WLD"]),  # no ranking
    (["cual es la esperanza de vida en bolivia", "¿y es superior a la media mundial?"], ["BOL", "WLD"]),  # no education
])  # fmt: skip
def test_the_last_figure_set_against_an_average_is_shown_beside_it(cifra, questions, areas):
    answer = last_answer(cifra, questions)
    assert (answer.plan.indicator_code, answer.plan.operation, sorted(answer.plan.area_codes)) == (
        "SP.DYN.LE00.IN", "latest", areas), answer.answer


def test_the_last_figure_against_a_groups_members_is_their_average_that_year(cifra):
    answer = last_answer(cifra, ["cual es la esperanza de vida en bolivia", "¿está por encima del promedio de América Latina?"])
    assert [part.plan.operation for part in answer.parts] == ["value", "aggregate"], answer.answer


@pytest.mark.parametrize("follow_up", ["¿está por encima o por debajo del promedio de América Latina?",
                                       "is that above the world average?"])
def test_a_change_set_against_a_groups_average_is_asked_back(cifra, follow_up):
    answer = last_answer(cifra, ["cual es la esperanza de vida en bolivia", "¿y cuánto ha subido desde el 2000?", follow_up])
    assert answer.status == "clarify" and answer.values == [], answer.answer


def test_that_against_a_month_is_a_change_from_that_month(cifra):
    answer = last_answer(cifra, ["cuanto marco el imacec en mayo 2025? la serie original", "y eso cuanto es vs mayo de 2024, en %"])
    assert (answer.plan.operation, answer.plan.period.start, answer.plan.period.end) == ("change", 2024, 2025), answer.answer


@pytest.mark.parametrize("question", ["¿qué porcentaje de la población de Sudamérica vive en Chile?",
                                      "What share of South America's population lives in Chile?"])
def test_a_countrys_share_of_its_un_region_is_of_every_members_population(cifra, question):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.indicator_code, answer.plan.group_code) == (
        "share", "SP.POP.TOTL", "M49-005"), answer.answer


@pytest.mark.parametrize("question", ["¿cómo le va a la economía de Guinea?", "who's doing better, chile or peru?",
                                      "how is Guinea's economy?"])
def test_how_a_place_is_doing_names_no_figure_and_is_asked_back(cifra, question):
    answer = cifra.ask(question)
    assert answer.status == "clarify" and answer.values == [], answer.answer


def test_a_city_named_after_its_country_is_no_country(cifra):
    answer = cifra.ask("what's the murder rate in Mexico City specifically?")
    assert answer.status != "ok" and answer.values == [], answer.answer


@pytest.mark.parametrize(("questions", "top_n"), [
    (["cuantos paises de sudamerica tienen una esperanza de vida al nacer de mas de 75 años? datos 2023",
      "y cuales son los 3 con la esperanza de vida mas baja? ordenalos"], 3),
    (["the three with the highest unemployment in South America"], 3),
    (["¿Cuáles son los 3 países de Sudamérica con el PIB per cápita más alto en 2024?",
      "y cual queda último en Sudamérica ese año?"], 1),  # the one at the bottom, never the top three again
    (["¿Cuáles son los 3 países de Sudamérica con el PIB per cápita más alto en 2024?", "who was first?"], 1),
])  # fmt: skip
def test_the_number_ranked_is_said_before_with(cifra, questions, top_n):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.plan.top_n) == ("rank", top_n), answer.answer


def test_a_cover_of_land_is_its_share_of_the_land(cifra):
    answer = cifra.ask("brazil forest cover in 1990 compared to the most recent year")
    assert answer.plan.indicator_code == "AG.LND.FRST.ZS", answer.answer


@pytest.mark.parametrize(("question", "order"), [
    ("¿cuál es la economía más grande de Sudamérica?", "desc"), ("which is the biggest economy in Africa?", "desc"),
    ("las economías más pequeñas de Centroamérica", "asc"),
])  # fmt: skip
def test_economies_ranked_by_size_are_countries_ranked_by_gdp(cifra, question, order):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.indicator_code, answer.plan.member_kind, answer.plan.order) == (
        "rank", "NY.GDP.MKTP.CD", "country", order), answer.answer


@pytest.mark.parametrize(("questions", "operation", "code", "areas"), [
    (["mi profe dijo q Uruguay tiene la mayor esperanza de vida de Sudamerica, ¿es verdad? (2023)",
      "ordénalos de mayor a menor, los 3 primeros nomás"], "rank", "SP.DYN.LE00.IN", ["URY"]),  # an order, no "> 3"
    (["¿Qué países de Sudamérica tuvieron inflación de más de 10% el 2023? (datos del Banco Mundial)",
      "¿y Chile cuánto tuvo?"], "value", "FP.CPI.TOTL.ZG", ["CHL"]),  # a country holds no countries to count
    (["¿En qué año tocó techo el desempleo en Grecia?", "¿y cuánto tiene ahora?"], "latest", "SL.UEM.TOTL.ZS", ["GRC"]),
    (["which country grows the most in South America?"], "rank", "NY.GDP.MKTP.KD.ZG", []),  # the verb names no measure
    (["whats the average annual GDP growth of Kenya between 2010 and 2019", "compare that with ethiopia for the same years"],
     "aggregate", "NY.GDP.MKTP.KD.ZG", ["KEN", "ETH"]),
    (["what percent of people in Providencia are 65 or older according to the 2024 census",
      "how does that compare with the whole country?"], "value", "CHL.CENSUS2024.POP_65_PLUS.SHARE", ["CL-13123", "CHL"]),
    (["oye cuanto marco el imacec en mayo 2025? la serie original nomas"], "value", "CHL.IMACEC", ["CHL"]),  # no series
    (["peru gdp per head last year?", "and compared with the region? where does it rank in south america"], "position",
     "NY.GDP.PCAP.CD", ["PER"]),  # its place among the region's countries
    (["peru gdp per head last year?", "which one grew more over the last ten years, peru or colombia?"], "change",
     "NY.GDP.PCAP.CD", ["PER", "COL"]),  # the last measure's change, never GDP growth
    (["pib chile primer trimestre 2026 variacion anual", "y contra el trimestre anterior, con la serie desestacionalizada?"],
     "change", "CHL.GDP.VOLUME.SA", ["CHL"]),  # "contra" sets the quarter before against the one answered
    (["Para un trabajo de la u sobre ciudades mineras: ¿cuántas personas censaron en la comuna de Antofagasta y en Calama "
      "en el censo 2024?", "y cuantos hogares hay en cada una"], "value", "CHL.CENSUS2024.HOUSEHOLDS",
     ["CL-02101", "CL-02201"]),  # another measure of each, never their people again
    (["cuanto fue la inflacion el año pasado? diciembre contra diciembre",
      "y el 2022? ese año los precios estaban por las nubes cachai"], "value", "CHL.CPI.INFLATION_12M", ["CHL"]),  # a remark
    (["For a report on Andean economies: did Peru's GDP per head grow faster than Colombia's between 2015 and 2024?"],
     "change", "NY.GDP.PCAP.CD", ["PER", "COL"]),
    (["I'm writing a short piece about Latin American economies during the pandemic. How much did Chile's GDP shrink in "
      "2020 according to the World Bank?"], "value", "NY.GDP.MKTP.KD.ZG", ["CHL"]),  # economies said in passing
    (["By how many percentage points did consumer price inflation in Brazil go up between 2020 and 2022?",
      "what about from 2022 to 2023?"], "change", "FP.CPI.TOTL.ZG", ["BRA"]),  # the change over the new span
    (["¿cuánto cambió la inflación de Brasil entre 2020 y 2022?", "¿y entre 2010 y 2015?"], "change", "FP.CPI.TOTL.ZG",
     ["BRA"]),
    # terse queries: signs, "var", "vs"
    (["paises sudamerica esperanza vida >75 2022 cuantos"], "count", "SP.DYN.LE00.IN", []),
    (["comunas +300 mil hab censo 2024 cuantas"], "count", "CHL.CENSUS2024.POP", []),
    (["imacec mayo 2026 var 12 meses serie original"], "value", "CHL.IMACEC.GROWTH_12M", ["CHL"]),
    (["inflacion peru 2010-2015 promedio", "vs chile"], "aggregate", "FP.CPI.TOTL.ZG", ["PER", "CHL"]),
    (["pib chile 1T 2026 vs 4T 2025 desestacionalizado %"], "change", "CHL.GDP.VOLUME.SA", ["CHL"]),
    (["Respecto del gasto público en educación como porcentaje del PIB: ¿cuál es la cifra más reciente de Bolivia?",
      "¿Y la de Paraguay para ese mismo año? Quisiera compararlas."], "value", "SE.XPD.TOTL.GD.ZS", ["PRY"]),
    (["¿En qué año la mortalidad infantil del Perú bajó por primera vez de 20 por cada mil nacidos vivos?",
      "y guatemala cuando cruzo ese mismo umbral?"], "first_meeting", "SP.DYN.IMRT.IN", ["GTM"]),
    (["When was the last time Chile's annual inflation was in double digits?", "What was it that month?"], "value",
     "CHL.CPI.INFLATION_12M", ["CHL"]),  # the month answered
    (["In 2022, in which month did Chile's year-on-year CPI inflation peak?", "What was the rate that month?"], "value",
     "CHL.CPI.INFLATION_12M", ["CHL"]),  # that rate, never the index
    (["Entre el 2000 y el 2020, quién sumó más habitantes en números absolutos: Mexico o Brasil?"], "change",
     "SP.POP.TOTL", ["MEX", "BRA"]),  # gained, never a sum of every year
    (["Cumulative CPI inflation between December 2019 and December 2025?"], "change", "CHL.CPI", ["CHL"]),
    (["inflación acumulada entre diciembre de 2019 y diciembre de 2025"], "change", "CHL.CPI", ["CHL"]),
    (["mortalidad infantil bolivia 2000 vs 2020 cambio %"], "change", "SP.DYN.IMRT.IN", ["BOL"]),  # "%" of the change
    (["Mexico lending interest rate 2023", "deposit rate same year?"], "value", "FR.INR.DPST", ["MEX"]),  # no spread
    (["q % de todo chile vive en la region metropolitana segun censo 2024"], "value", "CHL.CENSUS2024.POP.SHARE",
     ["CL-13"]),  # of its people, never of its empty homes
    (["¿Cuántos habitantes tiene Chile según la proyección del INE para 2025?",
      "¿y qué porcentaje de eso vive en la Región Metropolitana?"], "share", "CHL.POPULATION.PROJ", ["CL-13", "CHL"]),
    (["en que año del 2000 pa adelante la inflacion en chile fue mas alta? (banco mundial)"], "which_period",
     "FP.CPI.TOTL.ZG", ["CHL"]),
    (["¿cuánto subió el IPC en los doce meses hasta junio de 2026?", "¿y solamente en el mes de junio?"], "value",
     "CHL.CPI.CHANGE_1M", ["CHL"]),  # the month's own change
    (["In 2022, in which month did Chile's year-on-year CPI inflation peak?", "What was the rate then?"], "value",
     "CHL.CPI.INFLATION_12M", ["CHL"]),
    (["Un saludo a toda la gente de Puente Alto que nos escucha. Justamente preguntan: ¿cuántas personas contó el "
      "Censo 2024 en la comuna?"], "value", "CHL.CENSUS2024.POP", ["CL-13201"]),  # a greeting, no "saldo"
    (["Give me the ratio of Vietnam's GDP per capita PPP to the Philippines' in 2023"], "ratio", "NY.GDP.PCAP.PP.CD",
     ["VNM", "PHL"]),
    (["In what year did Nigeria's access to electricity first go above 50% of the population?",
      "Same thing for Ghana but with an 80% threshold?"], "first_meeting", "EG.ELC.ACCS.ZS", ["GHA"]),
    (["avg inflation in Chile 2015-2019?", "Same thing for Peru please"], "aggregate", "FP.CPI.TOTL.ZG", ["PER"]),
    (["que porcentaje de la gente en la India tiene acceso a la electricidad? el dato mas reciente",
      "o sea cuantos puntos subio entre el 2000 y ese ultimo dato?"], "change", "EG.ELC.ACCS.ZS", ["IND"]),
    (["cuantas veces mas energia por persona consume un estadounidense que un chino? usa el año 2023"], "ratio",
     "EG.USE.PCAP.KG.OE", ["USA", "CHN"]),  # energy, never electric power only
    (["¿Cuál era la población proyectada por el INE para la comuna de Temuco en 2024?",
      "¿Y cuántas personas se censaron efectivamente en la misma comuna en el Censo 2024?",
      "¿Cuál es la diferencia entre la proyección y el censo?"], "difference", "CHL.POPULATION.PROJ", ["CL-09101"]),
    (["pobreza x ingresos la pintana 2022", "multidimensional?"], "value", "CHL.POVERTY.MULTIDIMENSIONAL",
     ["CL-13112"]),  # one word asked alone goes on from the last answer
    (["¿cuánto cambió el PIB per cápita (US$ corrientes) de Chile, Perú y Bolivia entre 2000 y 2020, en %?",
      "¿y cuál creció menos?"], "change", "NY.GDP.PCAP.CD", ["CHL", "PER", "BOL"]),  # that change, again
    (["¿cuánto cayó el desempleo en Chile entre 2021 y 2023?", "¿y cuánto creció el PIB?"], "change",
     "CHL.GDP.VOLUME", ["CHL"]),  # the GDP's own change, never its growth rate's
    (["En que mes de 2025 crecio mas el Imacec en doce meses?"], "which_period", "CHL.IMACEC.GROWTH_12M", ["CHL"]),
    (["ipc chile var 12m junio 2026"], "value", "CHL.CPI.INFLATION_12M", ["CHL"]),
    (["Compare, por favor, la cobertura de DPT de Haití y de Guatemala en 2024.",
      "¿Cuántos puntos porcentuales las separan?"], "difference", "SH.IMM.IDPT", ["HTI", "GTM"]),
    (["Buenos días. ¿Podría indicarme la tasa de mortalidad infantil más reciente de Bolivia?"], "latest",
     "SP.DYN.IMRT.IN", ["BOL"]),
    (["En Haití, ¿qué año tuvo la mortalidad de menores de cinco años más elevada desde el 2000?"], "which_period",
     "SH.DYN.MORT", ["HTI"]),
    (["¿Cuántos países de América Latina y el Caribe (subregión de la ONU) tenían en 2024 una mortalidad infantil "
      "inferior a 10 por mil?", "En ese mismo grupo, ¿qué lugar ocupa Guatemala si se ordena de la tasa más alta a la "
      "más baja?"], "position", "SP.DYN.IMRT.IN", ["GTM"]),
    (["cuanto varió el indice real de remuneraciones en 12 meses, con el ultimo dato que haya?"], "change",
     "CHL.WAGES.REAL_INDEX", ["CHL"]),  # from the same month a year before the newest
    (["cuánto creció en total (%) el PIB per cápita de Chile entre 2000 y 2024, en dólares corrientes?"], "change",
     "NY.GDP.PCAP.CD", ["CHL"]),  # growth over a span, in total: the change, never a sum of rates nor a share
    (["cual es la ultima tasa de desempleo de chile?", "¿En qué mes de 2020 tocó su punto más alto?"], "which_period",
     "CHL.UNEMPLOYMENT.RATE", ["CHL"]),
    (["How has access to electricity changed in Ethiopia between 2000 and 2023?",
      "When did it first get above half the population?"], "first_meeting", "EG.ELC.ACCS.ZS", ["ETH"]),  # the whole
    (["Puente Alto seria la comuna mas poblada del pais segun el censo 2024, confirmas?",
      "¿Qué porcentaje de la población de la Región Metropolitana es eso?"], "share", "CHL.CENSUS2024.POP",
     ["CL-13201", "CL-13"]),  # the comuna the ranking named, as a part of the region
    (["¿y la de DPT en América Latina y el Caribe entre 2000 y 2024?",
      "¿En qué año alcanzó la DPT su máximo en toda la serie?"], "which_period", "SH.IMM.IDPT", ["LCN"]),  # the same
    # measure named again: of the same place, never Chile's
    (["cual fue el tipo de cambio promedio del dolar en Chile durante 2024?",
      "¿En qué porcentaje subió ese dólar promedio respecto al de 2023?"], "change", "PA.NUS.FCRF", ["CHL"]),
    (["What was Nigeria's access to electricity (% of population) in 2023?", "and Ethiopia, same year?",
      "so how many percentage points ahead was Nigeria?"], "difference", "EG.ELC.ACCS.ZS", ["NGA", "ETH"]),
    (["Between 2010 and 2025, which year was Argentina's worst for GDP per capita in current dollars?",
      "How low did it get?"], "value", "NY.GDP.PCAP.CD", ["ARG"]),
    (["¿En qué año fue más baja la inflación en Perú desde 2000?", "¿y qué tan baja llegó?"], "value",
     "FP.CPI.TOTL.ZG", ["PER"]),
    (["Among the Central Asian countries (UN subregion), which one had the highest fertility rate in 2024?",
      "and the plain average of the five?"], "aggregate", "SP.DYN.TFRT.IN", ["UZB", "TJK", "KAZ", "TKM", "KGZ"]),
    (["¿Cuál es la esperanza de vida de mujeres y hombres en América Latina y el Caribe en 2024?",
      "¿cuántos años de diferencia hay entre ellas y ellos?"], "difference", "SP.DYN.LE00.FE.IN", ["LCN"]),
    (["What was life expectancy at birth in Latin America & Caribbean in 2024, and how does that stack up against "
      "the World figure?"], "value", "SP.DYN.LE00.IN", ["LCN", "WLD"]),
    (["Which year was Peru's inflation lowest since 2000?", "How big was it?"], "value", "FP.CPI.TOTL.ZG", ["PER"]),
    (["¿cuál fue la tasa de desempleo en Chile en el trimestre móvil marzo-mayo de 2026?", "¿y un año antes?",
      "o sea, ¿cuántos puntos subió en ese año?"], "change", "CHL.UNEMPLOYMENT.RATE", ["CHL"]),  # between the two
    (["¿En qué año Tarapacá supera por primera vez los 400 mil habitantes en las proyecciones INE?",
      "¿y Antofagasta los 700 mil?"], "first_meeting", "CHL.POPULATION.PROJ", ["CL-02"]),  # the same, there
    (["inflacion de uruguay en 2022 segun el banco mundial", "¿Fue más alta o más baja que la de Chile ese año? ¿Por "
      "cuántos puntos?", "¿y la de Argentina en 2022?"], "value", "FP.CPI.TOTL.ZG", ["ARG"]),  # its own figure
    (["Cuál es el dato más reciente de fecundidad del agregado del Banco Mundial 'Europe & Central Asia'?",
      "¿y para la Unión Europea en conjunto?"], "latest", "SP.DYN.TFRT.IN", ["EUU"]),  # its own figure, no sum
    (["Vivo en Recoleta, qué porcentaje de la población de la región metropolitana representa mi comuna en las "
      "proyecciones del INE para 2025?", "¿y la de mi polola? ella vive en Independencia"], "share",
     "CHL.POPULATION.PROJ", ["CL-13108", "CL-13"]),  # whose comuna it is, never a measure named "polola"
    (["tell me about the population of Peru, how many people lived there in 2024?", "What share of them live in urban "
      "areas, and how does that compare with the Latin America & Caribbean figure?"], "value", "SP.URB.TOTL.IN.ZS",
     ["PER", "LCN"]),
    (["What were Indonesia's total CO2 emissions in 2014, in kt?", "and per person?",
      "how much did the total grow from 2000 to 2014, in percent?"], "change", "EN.ATM.CO2E.KT", ["IDN"]),  # the total
    # again, never the figure per person
    (["How many countries in the UN's Sub-Saharan Africa sub-region had less than half their population with "
      "electricity access in 2023?", "which one was the worst, and what was its rate?"], "rank", "EG.ELC.ACCS.ZS", []),
    # "its": of the one asked for, never a place of the last answer to pick
    (["What's the most recent 12-month CPI inflation number for Chile?",
      "What about the peak back in 2022, which month was it?"], "which_period", "CHL.CPI.INFLATION_12M", ["CHL"]),
    # the peak of the rate just answered, never asked back as the month prices rose most
    (["Brecha de esperanza de vida entre mujeres y hombres en El Salvador, 2024", "¿y en Costa Rica?",
      "De todos los países de Centroamérica (ONU), ¿cuál tiene la brecha más grande ese año?"], "rank",
     "SP.DYN.LE00.FE.IN", []),  # the members ranked by that gap
    (["What's the population of Nigeria in 2025?", "what share of it lives in cities?"], "latest", "SP.URB.TOTL.IN.ZS",
     ["NGA"]),  # "of it": of the place just answered, never Chile
    (["Muéstrame el desempleo en España en los últimos 5 años que tengas (estimación OIT)",
      "¿y en cuál de esos años fue más alto?"], "which_period", "SL.UEM.TOTL.ZS", ["ESP"]),
    (["¿cuántas regiones tuvieron un PIB bajo los 1.000 miles de millones en el primer trimestre de 2026?",
      "¿y cuánto sumaban entre todas esas?"], "aggregate", "CHL.GDP.REGIONAL",
     ["CL-16", "CL-14", "CL-12", "CL-15", "CL-11"]),  # those counted, never every region
    (["Hola! necesito el PIB regional de Antofagasta del segundo trimestre de 2024, porfa",
      "y cuanto crecio vs el mismo trimestre del año pasado? en %"], "change", "CHL.GDP.REGIONAL", ["CL-02"]),
    (["Population of Europe & Central Asia (World Bank region) in 2025?", "what share of the world's population is "
      "that?"], "share", "SP.POP.TOTL", ["ECS", "WLD"]),  # "(World Bank region)" says what it is, no second group
    (["Which countries in South America have the highest life expectancy? Top 3 for 2023 please",
      "and who's last on that list?"], "rank", "SP.DYN.LE00.IN", []),  # which one, never where one stands
    (["Average GDP growth in 2024 across the five Southern Africa countries in the UN grouping (Botswana, Eswatini, "
      "Lesotho, Namibia, South Africa)?", "And in 2025?"], "aggregate", "NY.GDP.MKTP.KD.ZG",
     ["BWA", "SWZ", "LSO", "NAM", "ZAF"]),  # their mean again, never each one's figure
    (["¿es verdad que Perú crece más que Chile desde 2010? compará el crecimiento promedio anual del PIB de ambos entre "
      "2010 y 2025 (Banco Mundial)", "y si miro solo el 2023?"], "value", "NY.GDP.MKTP.KD.ZG", ["PER", "CHL"]),  # each
    # one's mean over years before: each one's figure that year, never their mean
    (["GDP per capita PPP in 2024 — the South Asia region vs the World, WB aggregate figures please",
      "South Asia's level as a percent of the world's?"], "share", "NY.GDP.PCAP.PP.CD", ["SAS", "WLD"]),  # that level
    # against the other, never a share of total GDP
    (["What was the world's total population in 2024?", "What share of that was Chile?"], "share", "SP.POP.TOTL",
     ["CHL", "WLD"]),  # the place named, as a part of the total just answered
    (["¿Cuántas personas censó el Censo 2024 en Temuco?",
      "¿Qué porcentaje es eso del total censado en la Región de La Araucanía?"], "share", "CHL.CENSUS2024.POP",
     ["CL-09101", "CL-09"]),  # "del total censado": the region's count, the measure answered
])  # fmt: skip
def test_follow_ups_that_change_one_thing_of_the_last_answer(cifra, questions, operation, code, areas):
    answer = last_answer(cifra, questions)
    assert (answer.plan.operation, answer.plan.indicator_code, answer.plan.area_codes) == (operation, code, areas), answer.answer


@pytest.mark.parametrize("question", ["En promedio cuantos habitantes tiene cada comuna de la region de Los Rios? censo 2024",
                                      "promedio de habitantes por comuna en la región de Los Ríos, censo 2024"])
def test_an_average_for_each_member_is_of_the_members(cifra, question):
    answer = cifra.ask(question)
    assert (answer.plan.operation, answer.plan.member_kind) == ("aggregate", "cl_comuna"), answer.answer
    assert round(answer.values[0].value) == 33186  # 398,230 people in 12 comunas


@pytest.mark.parametrize("questions", [
    ["cuanta gente vive en Nigeria, Egipto y Sudafrica y cuanto crecio su poblacion entre 2000 y 2024 en porcentaje",
     "ordénalos por crecimiento"],  # nothing was listed
    ["ordénalos por crecimiento"],
    ["what was the average copper price in 2024? dollars a pound i think", "and 2023? which year was higher"],
    ["desempleo chile ultimo dato, ¿subió o bajó comparado con el mismo mes del año pasado?"],
    ["cual es el pais con la mejor educacion de africa?"],
    ["gasto en salud de Chile"],  # no health expenditure: never the risk of costs of surgery
    ["cuanto crecio la economia chilena el año pasado", "¿y eso está sobre el promedio de la región?"],  # which region?
    ["pobreza en La Pintana", "is that above average?"],  # the average of which places?
    ["When did Chile's GDP per capita in current US dollars first go over 10k?", "and when is it projected to pass 20k?"],
    ["PIB per cápita de Chile 2024", "¿y la proyección para 2030?"],  # no projection, never the population's
    ["pib antofagasta 2024 % del pib nacional"],  # no share of the country's GDP: never the region's own
    ["a cuanto esta el riesgo pais de argentina hoy?"],  # no species at risk
    ["a cuánto está la UTM de julio 2026?", "y en enero 2020 cuánto era? cuántas lucas subió"],  # two questions
    ["Oiga, ¿cuánto estaba el cobre el 2 de enero de 2024?",
     "¿Y el viernes 27 de diciembre de ese año? ¿cuánto cambió en porcentaje?"],  # a day, never December's month
    ["cual fue el dolar mas alto del 2024?? el peak del año"],  # a yearly series has no peak within a year
    ["¿Cuánto crecería la población de la Región de Coquimbo entre 2024 y 2035 según las proyecciones del INE? en %",
     "¿Y cuál es la región que menos crecería en ese mismo período?"],  # a ranking of changes
    ["¿Qué porcentaje de la población de Chile vive en la Región Metropolitana según el Censo 2024?", "¿y Valparaíso?",
     "juntas, ¿qué porcentaje del país suman esas dos regiones?"],  # a share of a sum
    ["Latest real wage index, and what was it a year earlier?"],  # two periods, never the latest alone
    ["Quisiera saber el crecimiento acumulado del PIB real de Colombia entre 2015 y 2024, en porcentaje, encadenando "
     "las tasas de crecimiento anual (% anual) de los Indicadores del Desarrollo Mundial."],  # rates chained
    ["fastest growing population rn?"],  # of which places? never Chile's best year
    ["what is the dollar today", "and how much is a bitcoin in pesos?"],
    ["What share of Chile's electricity came from coal in 2021?"],  # never the renewable share
    ["What percentage of people in Sub-Saharan Africa have access to electricity? latest figure pls", "And in Lagos?"],
    ["¿Cuánta gente vive en Bolivia?", "¿y cuántos viven en Santa Cruz de la Sierra?"],  # never the comuna
    ["¿Cuántos hondureños viven hoy en Estados Unidos?"],  # never both countries' people
    ["Cuanto crecio el PIB de Los Lagos en el 4T de 2024 frente al 4T de 2023, en porcentaje?",
     "¿Y la misma región el trimestre anterior, comparado con igual trimestre de 2023?"],  # two periods, one shifted
    ["In the 2024 census, how many comunas had more men than women?",
     "how many of those are in the Magallanes region?"],  # nothing was counted: never Magallanes's own difference
    ["Según el Censo 2024, ¿cuántos habitantes tenían Ñuble y Biobío?",
     "¿Qué porcentaje de la suma de ambas corresponde a Ñuble?"],  # a share of a sum, never each one's of the country
    ["¿Cuál es la tasa de informalidad laboral femenina en Chile en 2024?"],  # never vulnerable employment
    ["Esta pregunta me encanta: ¿cuánto vive en promedio un chileno? la esperanza de vida, y compárela con los vecinos",
     "¿Y qué porcentaje es eso de toda la Región Metropolitana?"],  # "eso": no figure was shown
    ["¿En cuánto está hoy la tasa de política monetaria del Banco Central de Chile?"],  # no money supply
    ["Esperanza de vida al nacer en México en 2024", "¿Y la de la Ciudad de México nomás?"],  # no city abroad
    ["What's Peru's ratio of merchandise exports to merchandise imports in 2024 (current US$)?",
     "so how big was the merchandise trade surplus in dollars that year?", "same surplus number for 2025 pls"],  # of Peru
    ["Estoy comparando Arica con Tacna: ¿cuántos habitantes tiene la región de Tacna, en Perú?"],  # no Tacna here
    ["GDP per capita of Chile in 2000", "and in today's dollars?"],  # constant prices, never the newest figure
    ["Using the Banco Central CPI index, what was 12-month inflation in December 2025?",
     "How does that stack up against the World Bank's annual inflation number for Chile in 2025?"],  # both, not one
])  # fmt: skip
def test_questions_no_plan_reads_are_asked_back(cifra, questions):
    answer = last_answer(cifra, questions)
    assert answer.status != "ok" and answer.values == [], answer.answer


def test_which_year_after_a_years_figure_ranks_years(cifra):
    answer = last_answer(cifra, ["desempleo en chile 2020", "¿en qué año fue más alto?"])
    assert (answer.plan.operation, answer.plan.per_period) == ("which_period", False), answer.answer


def test_the_same_period_after_the_newest_figure_is_its_period(cifra):
    first = cifra.ask("cuanto ha subido la plata que gana la gente en el ultimo año? los sueldos")
    answer = last_answer(cifra, ["cuanto ha subido la plata que gana la gente en el ultimo año? los sueldos",
                                 "ya pero la inflación en ese mismo periodo cuanto fue?"])
    assert [value.period for value in answer.values] == [value.period for value in first.values], answer.answer


def test_the_average_of_its_region_after_a_comuna_is_beside_it(cifra):
    answer = last_answer(cifra, ["pobreza en La Pintana", "¿y eso está sobre el promedio de la región?"])
    assert [(part.plan.operation, part.plan.group_code) for part in answer.parts] == [
        ("value", None), ("aggregate", "CL-13")], answer.answer


def test_the_last_year_a_condition_held_is_the_last_one(cifra):
    answer = last_answer(cifra, ["is unemployment in Spain over 10%? latest figure pls",
                                 "when was the last year Spain was under 10?"])
    assert (answer.plan.operation, answer.plan.order) == ("first_meeting", "desc"), answer.answer


def test_a_figure_beside_a_groups_average_is_of_the_year_answered(cifra):
    answer = last_answer(cifra, ["What's Chile's GDP per head right now, in dollars?",
                                 "is that above the Latin American average?"])
    assert [part.plan.operation for part in answer.parts] == ["value", "aggregate"], answer.answer
    assert {value.period[:4] for value in answer.values} == {cifra.catalog.last_observed[("NY.GDP.PCAP.CD", "CHL")][:4]}, \
        answer.answer  # the newest figure's year, of the members with values then


def test_a_place_against_the_oecd_average_is_beside_its_published_figure(cifra):
    answer = cifra.ask("desempleo de Chile vs el promedio de la OCDE")
    assert (answer.plan.operation, answer.plan.area_codes) == ("latest", ["CHL", "OED"]), answer.answer


def test_a_new_measure_after_a_question_mark_and_and_keeps_the_place(cifra):
    answer = last_answer(cifra, ["how much forest has indonesia lost since 2000?",
                                 "in percent? and what share of the land is still forest"])
    assert (answer.plan.indicator_code, answer.plan.area_codes) == ("AG.LND.FRST.ZS", ["IDN"]), answer.answer


def test_where_it_ranks_in_a_region_after_its_figure_beside_another_groups_average(cifra):
    answer = last_answer(cifra, ["What's Chile's GDP per head right now, in dollars?",
                                 "is that above the Latin American average?", "and where does it rank in South America?"])
    assert (answer.plan.operation, answer.plan.area_codes, answer.plan.group_code) == ("position", ["CHL"], "M49-005"), \
        answer.answer


@pytest.mark.parametrize(("questions", "expected"), [
    (["cuanto vario el ipc en junio 2026 respecto a mayo", "y en 12 meses?"],  # the 12 months to June, never May again
     {"operation": "value", "indicator_code": "CHL.CPI.INFLATION_12M", "period": {"start": 2026, "end": 2026, "month": 6}}),
    (["Brazil central government debt as a % of GDP, latest year available?", "And Mexico?",
      "How much did each of them change since 2019, in percentage points? Precise figures please."],  # "precise" is
     {"operation": "change", "indicator_code": "GC.DOD.TOTL.GD.ZS", "area_codes": ["BRA", "MEX"]}),  # no prices
    (["la tasa de desempleo de Chile en 2025", "¿y cuál fue el mínimo de ese año, en qué trimestre móvil?"],
     {"operation": "which_period", "order": "asc"}),  # its lowest rolling quarter, never its highest
    (["What share of Chile's population is 65 or older in 2025?", "compare with the world average"],
     {"operation": "value", "area_codes": ["CHL", "WLD"]}),  # the average beside the last place, never alone
    (["porcentaje de población urbana de Chile, último dato",
      "¿y cómo se compara con el promedio de América Latina y el Caribe?"], {"area_codes": ["CHL", "LCN"]}),
    (["Cuál fue el crecimiento promedio del PIB de Chile entre 2014 y 2023?", "¿y entre 2004 y 2013?",
      "compara el de 2014-2023 con el de América Latina y el Caribe (el agregado del Banco Mundial), mismo cálculo"],
     {"operation": "aggregate", "area_codes": ["CHL", "LCN"]}),  # "mismo cálculo": the same average, never the series
    (["Cual ha sido el valor maximo del imacec desestacionalizado en toda la serie y en que mes fue?",
      "¿y el mínimo desde enero de 2020?", "¿cuántos puntos de índice hay entre ese mínimo y el máximo?"],
     {"operation": "change", "period": {"start": 2020, "end": 2025, "month": 6, "month_end": 4}}),  # between the two
    (["Compara el PIB per cápita en dólares corrientes de Chile, Perú y el promedio de América Latina y el Caribe en "
      "2025"], {"operation": "value", "area_codes": ["CHL", "LCN", "PER"]}),  # the group's average, never Chile and
    # Peru's mean
    (["average undernourishment prevalence in sub-saharan africa over the last 5 years vs the world average?"],
     {"operation": "aggregate", "area_codes": ["SSF", "WLD"]}),  # each one's average over those years
    (["Necesito el share de Chile en el PIB total de América Latina y el Caribe (US$ corrientes) en 2023"],
     {"operation": "share", "area_codes": ["CHL", "LCN"]}),  # of the World Bank's aggregate, which holds Chile
    (["How many Central American countries had a GDP per capita above 10,000 current US$ in 2024? I'm counting Mexico "
      "as Central America like the UN classification does", "which one was the highest?", "y cuántas veces el de "
      "Nicaragua?"], {"operation": "ratio", "area_codes": ["PAN", "NIC"]}),  # the top one over Nicaragua's
    (["For a gender report: female vs male labour force participation rates in South Asia in 2024",
      "How big is that gap compared to Sub-Saharan Africa?"],  # the gap between the two measures, in both places
     {"operation": "difference", "second_indicator_code": "SL.TLF.CACT.MA.ZS", "area_codes": ["SAS", "SSF"]}),
    (["Sumando los cuatro trimestres, ¿cuánto creció la economía chilena en 2025 según las cuentas trimestrales del "
      "Banco Central?"], {"operation": "change", "period": {"start": 2024, "end": 2025}}),  # the two years' totals
    (["cuanto han subido los sueldos en chile en el ultimo año? a mayo 2026", "y descontando la inflacion?",
      "y el costo laboral pa las empresas"], {"indicator_code": "CHL.LABOUR_COST.GROWTH_12M"}),  # its rise too: an
    # index's level answers no rise
    (["Necesito la variación en 12 meses del PIB real del primer trimestre de 2026: PIB en volumen encadenado del 1T "
      "2026 versus el 1T 2025, ¿cuánto fue en porcentaje?"], {"indicator_code": "CHL.GDP.VOLUME.GROWTH_4Q", "period": {
          "start": 2026, "end": 2026, "quarter": 1}}),  # the first quarter said again is no second period
    (["Necesito para el PLADECO la población proyectada de Empedrado al 2030 según el INE.", "¿y al 2035?",
      "¿cuánto baja entre 2030 y 2035, en personas y en porcentaje?"],  # the plan a figure is for is no measure
     {"operation": "change", "indicator_code": "CHL.POPULATION.PROJ", "area_codes": ["CL-07104"]}),
    (["Según el Banco Mundial (estimación modelada de la OIT), ¿de cuánto a cuánto pasó la tasa de desempleo de Chile "
      "entre 2022 y 2023, y cuántos puntos porcentuales subió?"], {"operation": "change", "indicator_code": "SL.UEM.TOTL.ZS"}),
    (["I get paid in pounds. On average in 2025, how many Chilean pesos did one British pound buy?"],
     {"status": "no_data"}),  # a rate against another currency than the dollar, never the pound's rate per dollar
    (["Qué % de la población de Cobquecura tiene 65 años o más según el Censo 2024?", "¿y en la región de Ñuble?",
      "comparado con el total del país?"],  # the country's share, never the region's count of people aged 65+
     {"indicator_code": "CHL.CENSUS2024.POP_65_PLUS.SHARE", "area_codes": ["CHL", "CL-16"]}),
    (["What share of Chile's population lives in the Santiago Metropolitan Region, based on the 2024 census?",
      "Which are the three most populous regions in that census?"],  # by their people, never by their share
     {"operation": "rank", "indicator_code": "CHL.CENSUS2024.POP"}),
    (["¿Qué país tenía las mayores emisiones de CO2 per cápita en 2014?"], {"operation": "rank", "top_n": 1}),  # the
    # country with the most, never Chile's figure
    (["What was the month-on-month change in Chile's CPI in June 2026?", "and the 12-month rate?"],
     {"indicator_code": "CHL.CPI.INFLATION_12M"}),  # its 12-month rise, never the index
    (["Job hunting question: what was the unemployment rate in 2024 in Chile, the UK and Germany (World Bank / ILO "
      "modelled estimate)?"], {"indicator_code": "SL.UEM.TOTL.ZS", "area_codes": ["CHL", "DEU", "GBR"]}),  # why it
    # is asked is no measure
    (["Estoy negociando un contrato en Santiago. ¿Cuánto han subido las remuneraciones reales en Chile en los últimos "
      "12 meses con el dato más reciente?"], {"indicator_code": "CHL.WAGES.REAL_GROWTH_12M"}),
    (["¿Cuál es el dato más reciente del PIB regional de Valparaíso?", "¿cuánto pesa eso en el PIB total del país de "
      "ese trimestre?"], {"status": "no_data"}),  # no share of the regions' sum in the country's GDP, and no failure
    (["¿Cuál fue el desempleo promedio de Chile en 2015-2019 vs 2020-2024?"],
     {"operation": "aggregate", "period": {"start": 2015, "end": 2019}}),  # each span's average, never one over both
    (["average inflation in Peru 2010-2014 compared with 2015-2019"],
     {"operation": "aggregate", "period": {"start": 2010, "end": 2014}}),
    (["¿Cuál es mejor país para invertir, Chile o Perú?"], {"status": "clarify"}),  # advice, never a figure as one
    (["What was Chile's real GDP growth in Q1 2026 versus Q1 2025?", "and quarter on quarter, seasonally adjusted?"],
     {"indicator_code": "CHL.GDP.VOLUME.SA.GROWTH_1Q", "period": {"start": 2026, "end": 2026, "quarter": 1}}),
    (["¿cuánto creció el PIB de Chile respecto al trimestre anterior en el 1T 2026?"],  # the adjusted series' rise,
     {"indicator_code": "CHL.GDP.VOLUME.SA.GROWTH_1Q"}),  # never the original series' seasonal swing
    (["Which South American countries have the oldest populations? Give me the top 3 by share of people aged 65+ in "
      "2024.", "And which one is the youngest by that measure?"], {"operation": "rank", "order": "asc"}),  # its lowest
    (["¿cuántos perros vagos hay en Empedrado?", "¿y al 2035?", "¿cuánto baja la población entre 2030 y 2035, en "
      "personas y en porcentaje?"], {"status": "clarify"}),  # of Empedrado, still: asked back, never Chile's
    (["hola, soy gringo y me estoy cambiando a Chile. cuanto vale la UF? el dato mas reciente porfa"],
     {"operation": "latest", "indicator_code": "CHL.UF"}),  # moving there, never a change of the UF
    (["Show me GDP growth in Peru for the last 5 years", "what was the average?", "and the region average for 2025?"],
     {"status": "clarify"}),  # which region? Asked back, never Peru's figure again
    (["¿Cuánto cobre exportó el Perú a China en 2023?"], {"status": "no_data"}),  # trade between two places
    (["What were Chile's exports to the US in 2022?"], {"status": "no_data"}),  # "the US" is a partner too
    (["What was Argentina's consumer price inflation in 2015?", "ok, what's the earliest year you do have for "
      "Argentina, and what was it?"], {"operation": "latest", "period": {"earliest": True}}),  # its first value
    (["what's the earliest year Chile's unemployment rate was above 10%?"], {"operation": "first_meeting"}),
    (["¿y la variación en 12 meses del IPC a junio de 2026?", "¿Y cuánto lleva acumulado en lo que va de 2026?"],
     {"indicator_code": "CHL.CPI.INFLATION_YTD"}),  # the year-to-date rate, never a sum
    (["oye, ¿cuánto varió el IPC en el último mes que hay dato?"], {"operation": "change", "indicator_code": "CHL.CPI",
                                                                  "period": {"start": 2026, "end": 2026, "month": 5,
                                                                             "month_end": 6}}),  # the newest month's
    (["¿cuál fue la mayor alza mensual del IPC en los últimos 12 meses?"],
     {"operation": "which_period", "indicator_code": "CHL.CPI.CHANGE_1M", "period": {"last_n_months": 12}}),
    (["En la serie desestacionalizada del Imacec, ¿cuál es el máximo de toda la serie y en qué mes ocurrió?"],
     {"operation": "which_period", "indicator_code": "CHL.IMACEC.SA"}),
    (["By what percent did Mexico's GDP in current US dollars change between 2015 and 2024?",
      "and in per capita terms?"], {"operation": "change", "indicator_code": "NY.GDP.PCAP.CD"}),  # never GNI per capita
    (["En la serie desestacionalizada del Imacec, ¿cuál es el mínimo de toda la serie?",
      "¿Cuánto cayó desde febrero de 2020 hasta ese mínimo, en porcentaje?"],
     {"operation": "change", "period": {"start": 2020, "end": 2020, "month": 2, "month_end": 6}}),  # to the minimum
    # found, never to the newest month
    (["what was india's mean annual PM2.5 exposure in 2023", "How does that compare with the South Asia regional "
      "figure?"], {"indicator_code": "EN.ATM.PM25.MC.M3"}),  # the region's figure, never regional GDP
    (["How much did Brazil's forest cover (as % of land area) change between 1990 and 2023?",
      "and in square kilometres, how much forest is that?"], {"indicator_code": "AG.LND.FRST.K2"}),
    (["¿qué porcentaje de la población de Haití tenía acceso a electricidad en 2023?", "¿y en las zonas rurales?"],
     {"status": "no_data"}),  # no rural series of it: never the rural population
    (["pobreza nacional de Perú 2020", "¿y en las zonas rurales?"], {"indicator_code": "SI.POV.RUHC"}),  # its kin
    (["¿Cuánta población urbana tenía Brasil en 2025?", "¿y la rural?"], {"indicator_code": "SP.RUR.TOTL"}),
    (["¿Es verdad que el desempleo está en su nivel más alto desde 2021?"], {"status": "clarify"}),  # never the
    # highest since then alone
    (["el IPC, en los últimos 12 meses con el último dato que haya",
      "¿y desde la pandemia? digamos desde marzo del 2020 hasta ahora"],
     {"operation": "change", "indicator_code": "CHL.CPI"}),  # how much prices rose, never the rate's own change
    (["el IPC, en los últimos 12 meses con el último dato que haya", "¿y desde marzo del 2020?",
      "y en lo que va del año?"], {"indicator_code": "CHL.CPI.INFLATION_YTD", "period": {"latest": True}}),
    (["¿cuánta gente hay en Temuco según el censo 2024?", "¿y cuánto dice la proyección del INE pa' este 2026?",
      "volviendo al censo, ¿qué porcentaje son adultos mayores, de 65 pa arriba?"],
     {"indicator_code": "CHL.CENSUS2024.POP_65_PLUS.SHARE", "area_codes": ["CL-09101"]}),  # still Temuco
    (["¿cuánto es el PIB per capita de Chile? el último dato, en dólares",
      "pásamelo a pesos chilenos con el dólar promedio de ese año"], {"status": "clarify"}),  # never the rate alone
    (["In Africa, which country had the highest life expectancy in 2024?", "and second?"],
     {"operation": "rank", "indicator_code": "SP.DYN.LE00.IN", "top_n": 2}),  # the ranking's second, no "second 20%"
    (["Necesito la variación en doce meses del índice real de remuneraciones en mayo de 2026.",
      "¿Cuál fue el promedio de ese índice real durante 2025?"], {"indicator_code": "CHL.WAGES.REAL_INDEX"}),  # the
    # index itself, never the average of its rise
    (["What was the highest daily copper price recorded in 2024, and on what date?", "How does that compare with the "
      "2023 peak? Give me the 2023 high and its date."], {"operation": "which_period", "period": {"start": 2023,
                                                                                                 "end": 2023}}),
    (["in how many quarters since 2013 did seasonally adjusted real GDP shrink?"], {"status": "no_data"}),  # a fall of
    # the level, never its values below zero
    (["Between Q2 2013 and Q1 2026, in how many quarters did seasonally adjusted real GDP shrink compared with the "
      "previous quarter?"], {"operation": "period_count", "indicator_code": "CHL.GDP.VOLUME.SA.GROWTH_1Q"}),
    (["cuales son las 3 comunas mas pobladas de atacama segun el censo del 2024?",
      "y entre copiapo y caldera cual es mejor pa irse a vivir?"], {"status": "clarify"}),  # better by what measure?
    (["poblacion urbana chile 2024", "as %"], {"indicator_code": "SP.URB.TOTL.IN.ZS"}),  # the share, in Spanish too
    (["crecimiento del PBI de Perú en 2020"], {"indicator_code": "NY.GDP.MKTP.KD.ZG"}),  # Peru's name for GDP
    (["oye cuánta gente vivía en Chile el año 2000 según el banco mundial?", "y cuanto ha crecido en porcentaje desde "
      "ahi hasta el ultimo dato?"], {"operation": "change", "period": {"start": 2000, "end": 2025}}),  # from then on
    (["In which year did the world population pass 8 billion?", "and 7 billion?"],
     {"operation": "first_meeting", "threshold": [">", 7e9]}),  # the same crossing, another line
    (["In which year did the world population pass 8 billion?", "and 7?"],
     {"operation": "first_meeting", "threshold": [">", 7e9]}),  # in the line's scale, never a threshold of 7 people
    (["Average exports of goods and services for Chile, % of GDP, over 2016-2025?", "which year was lowest in that "
      "stretch?"], {"operation": "which_period", "period": {"start": 2016, "end": 2025}}),  # the years just shown
    (["What was Peru's core inflation in 2024?"], {"status": "no_data"}),  # never the headline figure
    (["inflación subyacente de Chile 2024"], {"status": "no_data"}),
    (["¿y la velocidad de expansión del Imacec total en mayo 2026?"], {"status": "no_data"}),  # never its level
    (["For Bolivia's urban population as a share of the total, what are the first and the last years with data?"],
     {"operation": "series", "period": None}),  # both ends of the series (all of it), never its latest alone
    (["For Bolivia's urban population as a share of the total, what are the first and the last years with data?",
      "how many percentage points is that increase?"], {"operation": "change", "period": {"start": 1960, "end": 2025}}),
    (["¿cuál fue la variación acumulada del IPC general en el primer semestre de 2023?"],
     {"indicator_code": "CHL.CPI.INFLATION_YTD", "period": {"start": 2023, "end": 2023, "month": 6}}),  # June's
    (["¿cuánto subió el IPC en el primer semestre de 2023?"], {"operation": "change", "period": {
        "start": 2022, "end": 2023, "month": 12, "month_end": 6}}),  # from December, never from January
    (["¿cuánto creció el PIB en el primer semestre de 2023?"], {"status": "clarify"}),  # no half year of quarters
    (["Necesito el imacec mes a mes del primer semestre 2025 (serie original)", "cual fue el mes mas alto?"],
     {"operation": "which_period", "period": {"start": 2025, "end": 2025, "month": 1, "month_end": 6}}),  # of those
    (["US exports in 2022 compared to Chile"], {"operation": "value", "area_codes": ["CHL", "USA"]}),  # two totals
    (["¿Cuánta diferencia de población hay entre Concepción y Talcahuano en el censo?", "y entre Los Ángeles y Chillán?"],
     {"operation": "difference", "area_codes": ["CL-08301", "CL-16101"]}),  # two places, never a span of time
    (["En el 2T 2020, el peor trimestre de la pandemia, ¿cuánto cayó el PIB de la Región Metropolitana respecto del 2T "
      "2019?"], {"operation": "change", "area_codes": ["CL-13"]}),  # "el peor trimestre" describes, asks nothing
    (["Bueno, entonces compárame los ocupados promedio de 2019 con los de 2025 (serie del Banco Central)"],
     {"operation": "change", "period": {"start": 2019, "end": 2025}}),  # each year's average and the change between
    # them, never one average over 2019-2025
    (["¿Cuánto creció en promedio la economía peruana por año entre 2010 y 2019?",
      "comparalo con el promedio de America Latina y el Caribe en el mismo periodo"],
     {"operation": "aggregate", "area_codes": ["LCN", "PER"]}),  # Peru's average beside the region's
    (["¿Qué comuna de la región de Los Lagos tiene más viviendas particulares desocupadas en el censo 2024?"],
     {"operation": "rank", "group_code": "CL-10"}),  # its comunas ranked, never the region's own figure
    (["¿Qué países de Sudamérica tuvieron la tasa de desempleo más alta en 2025?",
      "¿cuántos países sudamericanos superaron el 7% ese año?"],  # of countries, never their people
     {"operation": "count", "indicator_code": "SL.UEM.TOTL.ZS"}),
    (["en el censo 2024, ¿qué porcentaje de la población de la Región de Los Ríos tiene 65 años o más?",
      "¿Cuál es la región más envejecida de Chile con ese mismo indicador?"],  # never the ageing index
     {"operation": "rank", "indicator_code": "CHL.CENSUS2024.POP_65_PLUS.SHARE"}),
    (["Necesito comparar la inflacion promedio de Chile en 2015-2019 con la de 2020-2024, datos del Banco Mundial",
      "¿y en qué año de todo ese período fue más alta?"],  # both spans
     {"operation": "which_period", "period": {"start": 2015, "end": 2024}}),
    (["What was the regional GDP of Magallanes in Q1 2026?", "How does that compare with Q1 2025, in percent?"],
     {"operation": "change", "period": {"start": 2025, "end": 2026, "quarter": 1, "quarter_end": 1}}),  # one
    # against the other, never Q1 2025 alone
    (["Compare Chile's imports of goods and services as a share of GDP in 2023 with the Latin America & Caribbean "
      "figure"], {"operation": "value", "area_codes": ["CHL", "LCN"]}),  # compared with, never traded with
    (["Which country in South America has the highest life expectency?", "rank the top 5", "and the region average?"],
     {"operation": "aggregate", "group_code": "M49-005"}),  # the region ranked: its average
    (["Hola! Trabajo en una ONG en Colchane, en la frontera con Bolivia. ¿Cuál es la tasa de pobreza por ingresos de "
      "la comuna?"], {"area_codes": ["CL-01403"]}),  # Bolivia only says where Colchane lies
    (["What's Chile's unemployment rate right now?", "what was the worst it got?",
      "and how many people were out of work at that point, roughly?"],  # the unemployed that month, never the employed
     {"operation": "value", "indicator_code": "CHL.UNEMPLOYED", "period": {"start": 2020, "end": 2020, "month": 7}}),
])  # fmt: skip
def test_what_a_question_asks_of_the_last_answers(cifra, questions, expected):
    answer = last_answer(cifra, questions)
    plan = answer.plan.model_dump(mode="json", exclude_defaults=True) if answer.plan else {}
    if expected.get("operation") not in ("ratio", "difference"):
        plan["area_codes"] = sorted(plan.get("area_codes", []))  # the places, in whatever order the answer shows them
    plan["status"] = answer.status
    assert {key: plan.get(key) for key in expected} == expected, answer.answer
