"""Reading a question: numbers as written, operations Cifra cannot compute, years beyond the data, "latest".

Table-driven, one line per case, on the real database and index; the model is never asked here.
"""

from datetime import date

import pytest

from agent.llm import FakeChooser
from agent.pipeline import Cifra
from agent.understand import number


@pytest.fixture(scope="module")
def cifra(built) -> Cifra:
    return Cifra(built[0], chooser=FakeChooser())


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
])  # fmt: skip
def test_thresholds_keep_thousands_decimals_and_scale_words(cifra, question, threshold):
    understanding = cifra.understand(question)
    assert understanding.threshold == threshold and understanding.unsupported is None


@pytest.mark.parametrize(("question", "words"), [
    ("¿Cuál fue el cociente entre importaciones y exportaciones de Perú en 2019?", "cociente entre"),
    ("¿Cuál es la brecha de esperanza de vida en Perú en 2020?", "brecha de"),
    ("How much higher was Chile's GDP per capita than Argentina's in 2022?", "How much higher"),
    ("¿cuántos países de Centroamérica tienen desempleo sobre 8 %?", "cuántos países"),
    ("¿qué puesto ocupa Perú en esperanza de vida en Sudamérica?", "qué puesto"),
    ("¿En qué año fue más baja la inflación en Perú desde el 2000?", "qué año"),
    ("In which year was Chile's unemployment lowest?", "In which year"),
    ("How many times bigger is Germany's GDP per capita than Ethiopia's?", "How many times"),
    ("desempleo de hombres y mujeres en Chile 2020", "hombres y mujeres"),
    ("Dame la esperanza de vida y la mortalidad infantil de Bolivia en 2020.", "esperanza vida / mortalidad infantil"),
])  # fmt: skip
def test_operations_no_plan_expresses_are_declined_naming_the_words(cifra, question, words):
    answer = cifra.ask(question)
    assert answer.status == "clarify" and answer.values == [] and f"{words}" in answer.answer


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
])  # fmt: skip
def test_one_measure_with_a_conjunction_is_still_answered(cifra, question):
    assert cifra.ask(question).status == "ok"
