"""Known facts from the mirror's README, checked on the default build."""

import pytest
from sqlalchemy import text


def scalar(engine, sql: str, **params):
    with engine.connect() as connection:
        return connection.execute(text(sql), params).scalar_one()


def test_chile_gdp_per_capita_2020_with_vintage_and_license(engine):
    with engine.connect() as connection:
        row = connection.execute(text(
            "SELECT value, vintage, license, publisher FROM observation_cited "
            "WHERE indicator_code = 'NY.GDP.PCAP.CD' AND area_code = 'CHL' AND period = '2020'"
        )).one()
    assert row.value == pytest.approx(13117.9930230086, abs=1e-6)
    assert row.vintage.isoformat() == "2026-07-01"
    assert row.license == "CC BY 4.0"
    assert row.publisher == "World Bank"


def test_valparaiso_region_population_2020_from_ine_projections(engine):
    value = scalar(engine, "SELECT value FROM observation WHERE indicator_code = 'CHL.POPULATION.PROJ' "
                           "AND area_code = 'CL-05' AND period = '2020' AND sex = '_T' AND age = '_T'")
    assert value == 1_960_170


def test_chile_population_2020_aggregated_from_comunas(engine):
    value = scalar(engine, "SELECT value FROM observation WHERE indicator_code = 'CHL.POPULATION.PROJ' "
                           "AND area_code = 'CHL' AND period = '2020'")
    assert value == 19_458_310


def test_census_2024_total(engine):
    value = scalar(engine, "SELECT value FROM observation WHERE indicator_code = 'CHL.CENSUS2024.POP' "
                           "AND area_code = 'CHL' AND period = '2024'")
    assert value == 18_480_432


def test_chile_unemployment_2023_from_both_sources(engine):
    modelled = scalar(engine, "SELECT value FROM observation WHERE indicator_code = 'SL.UEM.TOTL.ZS' "
                              "AND area_code = 'CHL' AND period = '2023'")
    national = scalar(engine, "SELECT AVG(value) FROM observation WHERE indicator_code = 'CHL.UNEMPLOYMENT.RATE' "
                              "AND area_code = 'CHL' AND year = 2023")
    assert modelled == pytest.approx(9.013, abs=0.001)
    assert national == pytest.approx(8.6, abs=0.1)
    official = scalar(engine, "SELECT official_for FROM indicator WHERE code = 'CHL.UNEMPLOYMENT.RATE'")
    assert "CHL" in official.split()


def test_chile_administrative_divisions(engine):
    counts = dict(
        (kind, scalar(engine, "SELECT COUNT(*) FROM area WHERE kind = :kind", kind=kind))
        for kind in ("cl_region", "cl_province", "cl_comuna")
    )
    assert counts == {"cl_region": 16, "cl_province": 56, "cl_comuna": 346}
    assert scalar(engine, "SELECT parent_code FROM area WHERE code = 'CL-05101'") == "CL-051"
    assert scalar(engine, "SELECT COUNT(*) FROM area_membership WHERE group_code = 'CHL'") == 16 + 56 + 346


def test_south_america_is_a_group_to_rank_within(engine):
    with engine.connect() as connection:
        members = set(connection.execute(text(
            "SELECT member_code FROM area_membership WHERE group_code = 'M49-005'")).scalars())
        ranking = connection.execute(text(
            "SELECT o.area_code FROM observation o JOIN area_membership m ON m.member_code = o.area_code "
            "WHERE m.group_code = 'M49-005' AND o.indicator_code = 'NY.GDP.PCAP.CD' AND o.period = '2020' "
            "ORDER BY o.value DESC")).scalars().all()
    assert {"CHL", "PER", "ARG", "BRA"} <= members
    assert "MEX" not in members
    assert ranking[0] in members and len(ranking) >= 10


def test_every_curated_indicator_has_values_and_citation(engine):
    with engine.connect() as connection:
        empty = connection.execute(text(
            "SELECT i.code FROM indicator i LEFT JOIN observation o ON o.indicator_code = i.code "
            "WHERE i.curated AND i.derived_from IS NULL GROUP BY i.code HAVING COUNT(o.value) = 0")).scalars().all()
        uncited = connection.execute(text(
            "SELECT s.id FROM source s WHERE s.citation_es = '' OR s.citation_en = '' OR s.license = ''")).all()
    assert empty == []
    assert uncited == []


def test_build_report_records_vintages(built):
    _, report = built
    assert report.vintages["wdi"] == "2026-07-01"
    assert report.vintages["bcch"] == "2026-07-23"
    assert report.counts["indicator"] >= 40
    assert report.skipped_series_labels == ["Extrarregional", "Subtotal regionalizado"]
