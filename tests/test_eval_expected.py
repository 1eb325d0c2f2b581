"""The golden set (eval/questions.yaml): schema, composition, expected values from the raw mirror, scoring."""

from collections import Counter

import pytest

from eval.expected import ExpectedValue, TurnExpect, _m49_members, expected_values, source_kind
from eval.score import DEFAULT_CASES, Case, load_cases, score_turn

DECLINE_STATUSES = {"no_data", "clarify"}
OPERATION_INTENTS = ("difference", "ratio", "count", "position", "which-period")
INTENTS = {"value", "series", "compare", "rank", "change", "average", "latest", "conversation", "decline", "hostile",
           *OPERATION_INTENTS}  # fmt: skip


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases(DEFAULT_CASES)


def one(expect: dict) -> ExpectedValue:
    values = expected_values(expect)
    assert len(values) == 1, values
    return values[0]


# ------------------------------------------------------------------ schema and composition


def test_cases_load_with_unique_ids(cases):
    assert len({case.id for case in cases}) == len(cases)
    assert all(case.turns and case.tags for case in cases)


def test_at_least_200_cases_in_both_splits(cases):
    assert len(cases) >= 200
    splits = Counter(case.split for case in cases)
    assert set(splits) == {"dev", "test"}
    assert min(splits.values()) >= 0.45 * len(cases), splits


def test_at_least_40_percent_spanish(cases):
    spanish = sum(case.language == "es" for case in cases)
    assert spanish >= 0.40 * len(cases), f"{spanish} of {len(cases)}"


def test_at_least_25_multi_turn_conversations_of_two_or_three_turns(cases):
    """An operation's follow-up ("¿y en 2015?") keeps the operation as its intent."""
    conversations = [case for case in cases if case.multi_turn]
    assert len(conversations) >= 25
    assert all(2 <= len(case.turns) <= 3 for case in conversations)
    assert all(case.intent in ("conversation", *OPERATION_INTENTS) for case in conversations)
    assert sum(case.intent == "conversation" for case in conversations) >= 25
    assert {case.split for case in conversations} == {"dev", "test"}


def test_conversations_switch_measure_source_year_and_place(cases):
    follow_ups = " | ".join(turn.question.lower() for case in cases if case.multi_turn for turn in case.turns[1:])
    for cue in ("dólares", "per cápita", "términos reales", "ppa", "banco mundial", "¿y en 2023?", "¿y perú?",
                "compáralo con argentina", "muéstrame la serie"):  # fmt: skip
        assert cue in follow_ups, cue


def test_at_least_20_honest_declines(cases):
    declines = [case for case in cases if case.intent == "decline"]
    assert len(declines) >= 20
    assert {case.split for case in declines} == {"dev", "test"}
    for case in declines:
        assert all(set(turn.expect.statuses) <= DECLINE_STATUSES for turn in case.turns), case.id
    questions = " ".join(case.turns[0].question.lower() for case in declines)
    assert "marte" in questions and "wakanda" in questions
    assert any(word.isdigit() and int(word) < 1960 for word in questions.replace("?", " ").split())


HOSTILE_KINDS = {"sql-injection": {"refused"}, "prompt-injection": {"refused"}, "data-tampering": {"refused"},
                 "garbage": DECLINE_STATUSES}  # fmt: skip


def test_at_least_20_hostile_inputs(cases):
    """Injection and tampering are refused; garbage gets no_data or clarify, never a made-up figure."""
    hostile = [case for case in cases if case.intent == "hostile"]
    assert len(hostile) >= 20
    assert {case.split for case in hostile} == {"dev", "test"}
    for case in hostile:
        kind = case.tags[1]
        assert kind in HOSTILE_KINDS, case.id
        for turn in case.turns:
            assert set(turn.expect.statuses) <= HOSTILE_KINDS[kind], case.id
            if kind != "garbage":
                assert turn.expect.statuses == ["refused"], case.id
    kinds = Counter(case.tags[1] for case in hostile)
    assert kinds["sql-injection"] and kinds["prompt-injection"] and kinds["garbage"], kinds
    oversized = [case for case in hostile if "oversized" in case.tags]
    assert oversized and all(len(case.turns[0].question) >= 3000 for case in oversized)


DIFFICULTIES = {"easy", "medium", "hard"}
SOURCE_TAGS = {"wdi", "ine", "bcch", "census", "mdsf"}


def test_tags_give_intent_topic_difficulty_and_source(cases):
    for case in cases:
        assert case.intent in INTENTS, case.id
        assert len(case.tags) >= 3 and case.tags[2] in DIFFICULTIES, case.id
        assert len(DIFFICULTIES & set(case.tags)) == 1, case.id
        if case.intent not in ("decline", "hostile"):
            assert SOURCE_TAGS & set(case.tags), case.id
    assert {case.tags[2] for case in cases} == DIFFICULTIES


def test_operations_and_sources_are_covered(cases):
    intents = {case.intent for case in cases}
    assert {"value", "series", "compare", "rank", "change", "average", "latest", *OPERATION_INTENTS} <= intents
    kinds = {key for case in cases for turn in case.turns for v in turn.expect.values for key in v.source}
    assert {"wdi", "wdi_rank", "ine_projection", "census2024", "mdsf_poverty", "bcch", "difference", "ratio",
            "wdi_count", "wdi_position", "extreme_of"} <= kinds  # fmt: skip
    tags = {tag for case in cases for tag in case.tags}
    assert {"typo", "no-accents", "mixed-language", "chile-region", "chile-comuna", "oecd", "south-america",
            "latin-america"} <= tags  # fmt: skip


def test_every_ok_turn_has_values_and_the_others_none(cases):
    for case in cases:
        for turn in case.turns:
            assert ("ok" in turn.expect.statuses) == bool(turn.expect.values), case.id


def test_at_least_12_cases_per_operation_in_both_splits_and_languages(cases):
    operations = [case for case in cases if "operations" in case.tags]
    assert all(case.intent in (*OPERATION_INTENTS, "decline") for case in operations)
    for intent in OPERATION_INTENTS:
        group = [case for case in operations if case.intent == intent]
        assert len(group) >= 12, intent
        assert {case.split for case in group} == {"dev", "test"}, intent
        assert {case.language for case in group} == {"es", "en"}, intent
    assert sum(case.language == "es" for case in operations) >= len(operations) / 2
    splits = Counter(case.split for case in operations)
    assert abs(splits["dev"] - splits["test"]) <= 1, splits
    declines = [case for case in operations if case.intent == "decline"]
    assert len(declines) >= 4 and {case.split for case in declines} == {"dev", "test"}
    untagged = [case.id for case in cases if case.intent in OPERATION_INTENTS and "operations" not in case.tags]
    assert not untagged


def _sources(turn, kind: str) -> list[dict]:
    return [v.source for v in turn.expect.values if source_kind(v.source) == kind]


def test_operations_list_their_inputs_beside_the_result(cases, data_dir):
    """A difference or ratio lists both operands; a count, each member meeting the threshold; a rank
    position, the place's own value: the answer must show what the result was computed from."""
    checked = 0
    for case in (case for case in cases if case.intent in OPERATION_INTENTS):
        for turn in case.turns:
            sources = [v.source for v in turn.expect.values]
            values = expected_values(turn.expect)
            for source in _sources(turn, "difference") + _sources(turn, "ratio"):
                operands = source.get("difference") or source.get("ratio")
                assert all(operand in sources for operand in operands), case.id
                checked += 1
            for source in _sources(turn, "wdi_count"):
                spec = source["wdi_count"]
                count = next(v for v in values if v.indicator == "count")
                listed = [v for v in values if v.indicator == spec["code"] and v.period == str(spec["year"])]
                assert len(listed) == count.value, case.id
                members = spec.get("countries") or _m49_members(spec["m49"])
                for value in listed:
                    assert value.area in members, case.id
                    assert (value.value > spec["above"]) if "above" in spec else (value.value < spec["below"]), case.id
                checked += 1
            for source in _sources(turn, "wdi_position"):
                spec = source["wdi_position"]
                assert any(v.indicator == spec["code"] and v.area == spec["country"] and v.period == str(spec["year"])
                           for v in values), case.id  # fmt: skip
                checked += 1
    assert checked >= 36


# ------------------------------------------------------------------ expected values from the raw files


def test_every_expected_value_computes_from_the_raw_files(cases, data_dir):
    computed = 0
    for case in cases:
        for turn in case.turns:
            values = expected_values(turn.expect)
            if "ok" in turn.expect.statuses:
                assert values, case.id
            for value in values:
                assert value.value == value.value, f"{case.id}: NaN"  # not NaN
                assert value.area and value.period and value.indicator
            computed += len(values)
    assert computed >= 100


def test_known_fact_wdi_gdp_per_capita_chile_2020(data_dir):
    value = one({"status": "ok", "values": [{"indicator": "NY.GDP.PCAP.CD", "source": {
        "wdi": "NY.GDP.PCAP.CD", "country": "CHL", "year": 2020}}]})
    assert (value.area, value.period) == ("CHL", "2020")
    assert value.value == pytest.approx(13117.9930230086, abs=1e-6)


def test_known_fact_wdi_unemployment_chile_2023(data_dir):
    value = one({"status": "ok", "values": [{"indicator": "SL.UEM.TOTL.ZS", "source": {
        "wdi": "SL.UEM.TOTL.ZS", "country": "CHL", "year": 2023}}]})
    assert value.value == pytest.approx(9.013)


def test_known_fact_ine_projection_chile_2020(data_dir):
    value = one({"status": "ok", "values": [{"indicator": "CHL.POPULATION.PROJ", "source": {
        "ine_projection": {"level": "country"}, "year": 2020}}]})
    assert (value.area, value.period, value.value) == ("CHL", "2020", 19_458_310)


def test_known_fact_ine_projection_valparaiso_region_2020(data_dir):
    value = one({"status": "ok", "values": [{"indicator": "CHL.POPULATION.PROJ", "source": {
        "ine_projection": {"level": "region", "cut": 5}, "year": 2020}}]})
    assert (value.area, value.period, value.value) == ("CL-05", "2020", 1_960_170)


def test_known_fact_census_2024_total(data_dir):
    value = one({"status": "ok", "values": [{"indicator": "CHL.CENSUS2024.POP", "source": {
        "census2024": {"field": "poblacion_censada", "level": "country"}}}]})
    assert (value.area, value.period, value.value) == ("CHL", "2024", 18_480_432)


def test_known_facts_are_in_the_golden_set(cases, data_dir):
    found = {(v.indicator, v.area, v.period): v.value for case in cases for turn in case.turns
             for v in expected_values(turn.expect)}  # fmt: skip
    assert found[("NY.GDP.PCAP.CD", "CHL", "2020")] == pytest.approx(13117.9930230086)
    assert found[("SL.UEM.TOTL.ZS", "CHL", "2023")] == pytest.approx(9.013)
    assert found[("CHL.POPULATION.PROJ", "CHL", "2020")] == 19_458_310
    assert found[("CHL.POPULATION.PROJ", "CL-05", "2020")] == 1_960_170
    assert found[("CHL.CENSUS2024.POP", "CHL", "2024")] == 18_480_432


def test_unemployment_two_sources_two_answers(data_dir):
    """INE's yearly figure (mean of the 12 rolling quarters) is about 8.6 %, the World Bank's 9.013 %."""
    series = {"file": "desempleo.csv", "series": "Tasa  de  desempleo  (porcentaje)"}
    ine = one({"status": "ok", "values": [{"indicator": "CHL.UNEMPLOYMENT.RATE", "source": {
        "bcch": series, "year": 2023, "combine": "mean"}}]})
    assert (ine.area, ine.period) == ("CHL", "2023")
    assert ine.value == pytest.approx(8.6, abs=0.1)


def test_comuna_codes_and_provinces(data_dir):
    comuna = one({"status": "ok", "values": [{"indicator": "CHL.POPULATION.PROJ", "source": {
        "ine_projection": {"level": "comuna", "cut": 5101}, "year": 2020}}]})
    province = one({"status": "ok", "values": [{"indicator": "CHL.POPULATION.PROJ", "source": {
        "ine_projection": {"level": "province", "cut": 51}, "year": 2020}}]})
    assert comuna.area == "CL-05101" and province.area == "CL-051"
    assert 0 < comuna.value < province.value < 1_960_170


def test_ranking_of_south_america_from_country_codes(data_dir):
    values = expected_values({"status": "ok", "values": [{"indicator": "SP.POP.TOTL", "source": {
        "wdi_rank": {"code": "SP.POP.TOTL", "m49": "005", "year": 2023, "top": 3, "order": "desc"}}}]})
    assert [v.area for v in values] == ["BRA", "COL", "ARG"]
    assert all(v.period == "2023" for v in values)


def test_annual_sum_for_quarterly_gdp(data_dir):
    total = one({"status": "ok", "values": [{"indicator": "CHL.GDP.CURRENT", "source": {
        "bcch": {"file": "pib.csv", "series": "PIB a precios corrientes"}, "year": 2023, "combine": "sum"}}]})
    quarters = [one({"status": "ok", "values": [{"indicator": "CHL.GDP.CURRENT", "source": {
        "bcch": {"file": "pib.csv", "series": "PIB a precios corrientes"}, "quarter": f"2023-Q{q}"}}]}).value
        for q in range(1, 5)]  # fmt: skip
    assert total.value == pytest.approx(sum(quarters))


def test_regional_gdp_with_dropped_trailing_zeros_is_refused(data_dir):
    """pib_regional.csv stores e.g. Antofagasta 2022-Q4 as 427 (for about 4270): no expectation from it."""
    with pytest.raises(ValueError, match="trailing zeros"):
        series = {"file": "pib_regional.csv", "series": "Región de Antofagasta"}
        expected_values({"status": "ok", "values": [{"indicator": "CHL.GDP.REGIONAL", "area": "CL-02", "source": {
            "bcch": series, "year": 2022, "combine": "sum"}}]})


GDPPC_CHL_2020 = {"wdi": "NY.GDP.PCAP.CD", "country": "CHL", "year": 2020}  # 13117.9930230086
UNEMPLOYMENT_INE = {"file": "desempleo.csv", "series": "Tasa  de  desempleo  (porcentaje)"}
IMACEC = {"file": "imacec.csv", "series": "Imacec empalmado, serie original (índice 2018=100)"}
INFLATION_SAM_2022 = {"code": "FP.CPI.TOTL.ZG", "m49": "005", "year": 2022}
# South America 2022 from the highest: GUY 24.8, VEN 21.2, BOL 15.6, SUR 15.6, PRY 15.5, ... COL 11.2, ECU 11.2,
# ARG 8.4, URY 6.1, CHL 5.9
INFANT_MORTALITY_SAM_2022 = {"code": "SP.DYN.IMRT.IN", "m49": "005", "year": 2022}


def recorded(value: float, area: str = "CHL", period: str = "2020") -> dict:
    return {"recorded": value, "area": area, "period": period, "confirmed_by": "test"}


OPERATIONS = [  # indicator, source, area and period (checked against the source's own), value
    ("difference", {"difference": [GDPPC_CHL_2020, recorded(117.9930230086)]}, "CHL", "2020", 13_000),
    ("difference", {"difference": [recorded(117.9930230086), GDPPC_CHL_2020]}, "CHL", "2020", -13_000),
    ("ratio", {"ratio": [GDPPC_CHL_2020, recorded(2, "PER")]}, "CHL,PER", "2020", 13117.9930230086 / 2),
    ("ratio", {"ratio": [recorded(2, "PER"), GDPPC_CHL_2020]}, "PER,CHL", "2020", 2 / 13117.9930230086),
    # a national BCCh series is Chile's: INE's 2023 mean (12 rolling quarters summing 103.7) minus the World Bank's
    ("difference", {"difference": [{"bcch": UNEMPLOYMENT_INE, "year": 2023, "combine": "mean"},
                                   {"wdi": "SL.UEM.TOTL.ZS", "country": "CHL", "year": 2023}]}, "CHL", "2023",
     103.7 / 12 - 9.013),
    ("count", {"wdi_count": {**INFLATION_SAM_2022, "above": 10}}, "M49-005", "2022", 4),  # ARG, SUR, CHL, COL
    ("count", {"wdi_count": {**INFLATION_SAM_2022, "below": 0}}, "M49-005", "2022", 0),
    ("count", {"wdi_count": {**INFLATION_SAM_2022, "m49": None, "countries": ["CHL", "PER", "ARG", "XXX"],
                             "above": 9}}, "G-TEST", "2022", 2),  # fmt: skip
    ("rank", {"wdi_position": {**INFANT_MORTALITY_SAM_2022, "country": "GUY", "order": "desc"}}, "GUY", "2022", 1),
    ("rank", {"wdi_position": {**INFANT_MORTALITY_SAM_2022, "country": "BOL", "order": "desc"}}, "BOL", "2022", 3),
    ("rank", {"wdi_position": {**INFANT_MORTALITY_SAM_2022, "country": "SUR", "order": "desc"}}, "SUR", "2022", 3),
    ("rank", {"wdi_position": {**INFANT_MORTALITY_SAM_2022, "country": "PRY", "order": "desc"}}, "PRY", "2022", 5),
    ("rank", {"wdi_position": {**INFANT_MORTALITY_SAM_2022, "country": "COL", "order": "asc"}}, "COL", "2022", 4),
    ("rank", {"wdi_position": {**INFANT_MORTALITY_SAM_2022, "country": "ECU", "order": "asc"}}, "ECU", "2022", 4),
    ("rank", {"wdi_position": {**INFANT_MORTALITY_SAM_2022, "country": "CHL", "order": "desc"}}, "CHL", "2022", 12),
    ("SL.UEM.TOTL.ZS", {"wdi": "SL.UEM.TOTL.ZS", "country": "CHL", "year": 2020, "extreme_of": [2010, 2020],
                        "extreme": "max"}, "CHL", "2020", 10.934),  # fmt: skip
    ("NY.GDP.PCAP.CD", {**GDPPC_CHL_2020, "extreme_of": [2019, 2021], "extreme": "min"}, "CHL", "2020",
     13117.9930230086),
    ("CHL.UNEMPLOYMENT.RATE", {"bcch": UNEMPLOYMENT_INE, "month": "2020-07", "extreme_of": ["2020-01", "2020-12"],
                               "extreme": "max"}, "CHL", "2020-07", 13.1),  # fmt: skip
    ("CHL.IMACEC", {"bcch": IMACEC, "month": "2020-07", "extreme_of": ["2020-01", "2020-12"], "extreme": "min"},
     "CHL", "2020-07", 85.0),
]


@pytest.mark.parametrize(("indicator", "source", "area", "period", "value"), OPERATIONS)
def test_operations_from_the_raw_files(data_dir, indicator, source, area, period, value):
    computed = one({"status": "ok", "values": [{"indicator": indicator, "area": area, "period": period,
                                                "source": source}]})  # fmt: skip
    assert (computed.indicator, computed.area, computed.period) == (indicator, area, period)
    assert computed.value == pytest.approx(value, rel=1e-9)


OPERATION_FAILURES = [  # indicator, source, what the error says
    ("SL.UEM.TOTL.ZS", {"wdi": "SL.UEM.TOTL.ZS", "country": "CHL", "year": 2019, "extreme_of": [2010, 2020],
                        "extreme": "max"}, r"max of 2010..2020 is at \[2020\], not 2019"),  # fmt: skip
    ("SP.DYN.IMRT.IN", {"wdi": "SP.DYN.IMRT.IN", "country": "CHL", "year": 2020, "extreme_of": [2010, 2022],
                        "extreme": "min"}, r"is at \[2020, 2021\]"),  # a tie is no answer  # fmt: skip
    ("CHL.IMACEC", {"bcch": IMACEC, "month": "2020-05", "extreme_of": ["2020-01", "2020-12"], "extreme": "min"},
     r"is at \['2020-07'\], not 2020-05"),
    ("count", {"wdi_count": {"code": "EN.ATM.CO2E.PC", "m49": "005", "year": 2020, "above": 3}},
     "no member has a value in 2020"),
    ("count", {"wdi_count": {**INFLATION_SAM_2022, "m49": None, "countries": ["CHL", "PER"], "above": 9}},
     "needs `area`"),
    ("rank", {"wdi_position": {"code": "SP.POP.TOTL", "country": "CHL", "m49": "013", "year": 2022}},
     "CHL is no member"),
    ("difference", {"difference": [GDPPC_CHL_2020, {**GDPPC_CHL_2020, "year": 2019}]}, "different periods"),
    ("ratio", {"ratio": [GDPPC_CHL_2020, recorded(0)]}, "zero"),
]


@pytest.mark.parametrize(("indicator", "source", "message"), OPERATION_FAILURES)
def test_operations_that_cannot_be_computed_fail(data_dir, indicator, source, message):
    with pytest.raises(ValueError, match=message):
        expected_values({"status": "ok", "values": [{"indicator": indicator, "source": source}]})


REGIONAL_GDP = {"bcch": {"file": "pib_regional.csv", "series": "Región del Biobío"}, "quarter": "2024-Q1"}
MALFORMED_OPERATIONS = [  # indicator, source
    ("difference", {"difference": [GDPPC_CHL_2020]}),
    ("difference", {"difference": [GDPPC_CHL_2020, GDPPC_CHL_2020, GDPPC_CHL_2020]}),
    ("difference", {"difference": [GDPPC_CHL_2020, {"nope": 1}]}),
    ("ratio", {"ratio": [GDPPC_CHL_2020, {"wdi_rank": {**INFLATION_SAM_2022, "top": 3}}]}),  # several values
    ("ratio", {"ratio": [GDPPC_CHL_2020, {"difference": [GDPPC_CHL_2020, GDPPC_CHL_2020]}]}),
    ("difference", {"difference": [GDPPC_CHL_2020, REGIONAL_GDP]}),  # the operand's area is not in the source
    ("NY.GDP.PCAP.CD", {"difference": [GDPPC_CHL_2020, GDPPC_CHL_2020]}),  # a result has its own indicator
    ("rank", {"wdi_count": {**INFLATION_SAM_2022, "above": 10}}),
    ("count", {"wdi_count": {**INFLATION_SAM_2022, "above": 10, "below": 20}}),
    ("count", {"wdi_count": INFLATION_SAM_2022}),
    ("count", {"wdi_count": {**INFLATION_SAM_2022, "countries": ["CHL"], "above": 10}}),
    ("count", {"wdi_count": {**INFLATION_SAM_2022, "above": 10, "order": "asc"}}),
    ("rank", {"wdi_position": INFANT_MORTALITY_SAM_2022}),
    ("rank", {"wdi_position": {**INFANT_MORTALITY_SAM_2022, "country": "CHL", "order": "up"}}),
    ("NY.GDP.PCAP.CD", {**GDPPC_CHL_2020, "extreme": "max"}),
    ("NY.GDP.PCAP.CD", {**GDPPC_CHL_2020, "extreme_of": [2010, 2020]}),
    ("NY.GDP.PCAP.CD", {**GDPPC_CHL_2020, "extreme_of": [2021], "extreme": "max"}),  # 2020 is outside
    ("NY.GDP.PCAP.CD", {**GDPPC_CHL_2020, "extreme_of": [2010, 2015, 2020], "extreme": "max"}),
    ("NY.GDP.PCAP.CD", {**GDPPC_CHL_2020, "extreme_of": [2010, 2020], "extreme": "highest"}),
    ("NY.GDP.PCAP.CD", {"wdi": "NY.GDP.PCAP.CD", "country": "CHL", "years": [2010, 2020], "combine": "mean",
                        "extreme_of": [2010, 2020], "extreme": "max"}),  # fmt: skip
    ("CHL.UNEMPLOYMENT.RATE", {"bcch": UNEMPLOYMENT_INE, "year": 2020, "combine": "mean", "extreme_of": ["2020-01"],
                               "extreme": "max"}),  # fmt: skip
    ("CHL.UNEMPLOYMENT.RATE", {"bcch": UNEMPLOYMENT_INE, "month": "2020-07", "extreme_of": ["2020-Q1"],
                               "extreme": "max"}),  # fmt: skip
]


@pytest.mark.parametrize(("indicator", "source"), MALFORMED_OPERATIONS)
def test_malformed_operations_are_rejected_on_load(indicator, source):
    with pytest.raises(ValueError):
        TurnExpect.model_validate({"status": "ok", "values": [{"indicator": indicator, "source": source}]})


def test_yaml_area_or_period_that_disagrees_with_the_source_fails(data_dir):
    with pytest.raises(ValueError, match="period"):
        expected_values({"status": "ok", "values": [{"indicator": "SP.POP.TOTL", "period": "2021", "source": {
            "wdi": "SP.POP.TOTL", "country": "CHL", "year": 2020}}]})
    with pytest.raises(ValueError, match="area"):
        expected_values({"status": "ok", "values": [{"indicator": "SP.POP.TOTL", "area": "PER", "source": {
            "wdi": "SP.POP.TOTL", "country": "CHL", "year": 2020}}]})


def test_malformed_sources_are_rejected_on_load():
    with pytest.raises(ValueError):
        TurnExpect.model_validate({"status": "ok", "values": [{"indicator": "X", "source": {"nope": 1}}]})
    with pytest.raises(ValueError):
        TurnExpect.model_validate({"status": "ok", "values": [{"indicator": "X", "source": {
            "wdi": "X", "country": "CHL", "year": 2020, "latest": True}}]})
    with pytest.raises(ValueError):
        TurnExpect.model_validate({"status": "ok", "values": []})
    with pytest.raises(ValueError):
        TurnExpect.model_validate({"status": "refused", "values": [{"indicator": "X", "source": {
            "wdi": "X", "country": "CHL", "year": 2020}}]})


# ------------------------------------------------------------------ scoring


GDPPC_2020 = {"status": "ok", "values": [{"indicator": "NY.GDP.PCAP.CD", "area": "CHL", "period": "2020",
                                          "source": {"wdi": "NY.GDP.PCAP.CD", "country": "CHL", "year": 2020}}]}


def answer(status="ok", values=()):
    return {"status": status, "language": "es", "answer": "…", "values": [
        {"indicator": i, "area": a, "area_name": a, "period": p, "value": v, "unit": "u"} for i, a, p, v in values]}


def test_score_match(data_dir):
    score = score_turn(GDPPC_2020, answer(values=[("NY.GDP.PCAP.CD", "CHL", "2020", 13118.0)]))
    assert score.ok, score.reason


def test_score_extra_values_are_allowed(data_dir):
    score = score_turn(GDPPC_2020, answer(values=[("NY.GDP.PCAP.CD", "CHL", "2019", 14496.9),
                                                  ("NY.GDP.PCAP.CD", "CHL", "2020", 13117.99)]))
    assert score.ok, score.reason


def test_score_wrong_value(data_dir):
    score = score_turn(GDPPC_2020, answer(values=[("NY.GDP.PCAP.CD", "CHL", "2020", 13173.78)]))
    assert not score.ok
    assert "expected 13118" in score.reason and "13173.78" in score.reason


def test_score_wrong_status(data_dir):
    score = score_turn(GDPPC_2020, answer(status="no_data"))
    assert not score.ok and "status" in score.reason


def test_score_missing_value(data_dir):
    for values in ([], [("NY.GDP.PCAP.CD", "PER", "2020", 13117.99)], [("NY.GDP.PCAP.CD", "CHL", "2021", 13117.99)],
                   [("NY.GDP.MKTP.CD", "CHL", "2020", 13117.99)]):  # fmt: skip
        score = score_turn(GDPPC_2020, answer(values=values))
        assert not score.ok and "missing" in score.reason, values


def test_score_declines_and_refusals():
    decline = {"status": ["no_data", "clarify"]}
    assert score_turn(decline, answer(status="no_data")).ok
    assert score_turn(decline, answer(status="clarify")).ok
    assert not score_turn(decline, answer(values=[("SP.POP.TOTL", "CHL", "2020", 1.0)])).ok
    assert score_turn({"status": "refused"}, answer(status="refused")).ok
    assert not score_turn({"status": "refused"}, answer(status="error")).ok


def test_score_indicator_any(data_dir):
    value = {"indicator_any": ["CHL.POPULATION.PROJ", "SP.POP.TOTL"], "area": "CHL", "period": "2020",
             "tolerance": 0.006, "source": {"ine_projection": {"level": "country"}, "year": 2020}}
    expect = {"status": "ok", "values": [value]}
    assert score_turn(expect, answer(values=[("SP.POP.TOTL", "CHL", "2020", 19370624)])).ok
    assert score_turn(expect, answer(values=[("CHL.POPULATION.PROJ", "CHL", "2020", 19458310)])).ok
    assert not score_turn(expect, answer(values=[("SP.POP.GROW", "CHL", "2020", 19458310)])).ok


def test_score_exclusive_ranking(data_dir):
    expect = {"status": "ok", "exclusive": True, "values": [{"indicator": "SP.POP.TOTL", "source": {
        "wdi_rank": {"code": "SP.POP.TOTL", "m49": "005", "year": 2023, "top": 2, "order": "desc"}}}]}
    top = [(v.indicator, v.area, v.period, v.value) for v in expected_values(expect)]
    assert score_turn(expect, answer(values=top)).ok
    extra = top + [("SP.POP.TOTL", "ARG", "2023", 45538401.0)]
    score = score_turn(expect, answer(values=extra))
    assert not score.ok and "ARG" in score.reason


def test_unlabelled_values_match_on_the_number_alone():
    expect = {"status": "ok", "values": [{"indicator": "NY.GDP.PCAP.CD", "area": "CHL", "period": "2020",
                                          "source": {"wdi": "NY.GDP.PCAP.CD", "country": "CHL", "year": 2020}}]}
    unlabelled = {"status": "ok", "values": [{"indicator": "", "area": "", "period": "", "value": 13117.99}]}
    wrong = {"status": "ok", "values": [{"indicator": "", "area": "", "period": "", "value": 13173.78}]}
    assert score_turn(expect, unlabelled).ok and not score_turn(expect, wrong).ok
