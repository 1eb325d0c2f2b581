"""The golden set (eval/questions.yaml): schema, composition, expected values from the raw mirror, scoring."""

from collections import Counter

import pytest

from eval.expected import ExpectedValue, TurnExpect, expected_values
from eval.score import DEFAULT_CASES, Case, load_cases, score_turn

DECLINE_STATUSES = {"no_data", "clarify"}


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
    conversations = [case for case in cases if case.multi_turn]
    assert len(conversations) >= 25
    assert all(2 <= len(case.turns) <= 3 for case in conversations)
    assert all(case.intent == "conversation" for case in conversations)
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
        assert len(case.tags) >= 3 and case.tags[2] in DIFFICULTIES, case.id
        assert len(DIFFICULTIES & set(case.tags)) == 1, case.id
        if case.intent not in ("decline", "hostile"):
            assert SOURCE_TAGS & set(case.tags), case.id
    assert {case.tags[2] for case in cases} == DIFFICULTIES


def test_operations_and_sources_are_covered(cases):
    intents = {case.intent for case in cases}
    assert {"value", "series", "compare", "rank", "change", "average", "latest"} <= intents
    kinds = {key for case in cases for turn in case.turns for v in turn.expect.values for key in v.source}
    assert {"wdi", "wdi_rank", "ine_projection", "census2024", "mdsf_poverty", "bcch"} <= kinds
    tags = {tag for case in cases for tag in case.tags}
    assert {"typo", "no-accents", "mixed-language", "chile-region", "chile-comuna", "oecd", "south-america",
            "latin-america"} <= tags  # fmt: skip


def test_every_ok_turn_has_values_and_the_others_none(cases):
    for case in cases:
        for turn in case.turns:
            assert ("ok" in turn.expect.statuses) == bool(turn.expect.values), case.id


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
