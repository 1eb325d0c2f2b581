"""Each publisher loader on the real mirror files, and on malformed copies of them."""

from pathlib import Path

import pytest

from catalog.curation import indicator_cards
from catalog.loaders import bcch, chile_areas, chile_hub, country_codes, ine, sdmx, wdi
from catalog.loaders.records import LoadError


def card(code: str):
    return next(card for card in indicator_cards() if card.code == code)


def test_wdi_reads_datapackage_and_values(data_dir):
    package = wdi.read_package(data_dir, "NY.GDP.PCAP.CD")
    assert package.title == "GDP per capita (current US$)" and package.license == "CC-BY-4.0"
    names: dict[str, str] = {}
    values = {(r.area_code, r.period): r.value for r in wdi.read_observations(data_dir, "NY.GDP.PCAP.CD", None, names)}
    assert values[("CHL", "2020")] == pytest.approx(13117.9930230086)
    assert names["WLD"] == "World"
    assert len(wdi.available_codes(data_dir)) == 325


def test_country_codes_give_spanish_names_and_un_regions(data_dir):
    codes = country_codes.load(data_dir)
    chile = next(area for area in codes.countries if area.code == "CHL")
    assert (chile.name_es, chile.iso2, chile.m49, chile.parent_code) == ("Chile", "CL", "152", "M49-005")
    assert ("M49-419", "CHL") in codes.memberships and ("M49-019", "CHL") in codes.memberships
    bolivia = next(area for area in codes.countries if area.code == "BOL")
    assert "Bolivia" in codes.aliases["BOL"] and bolivia.name_es.startswith("Bolivia")
    # "Congo (el)", a sorted list's article, is no name of its own: "el Congo" is either Congo
    assert "Congo" in codes.aliases["COG"] and "Congo (el)" not in codes.aliases["COG"]
    # "El Salvador" begins with its article; "la República de Chile" only said it before the name
    assert next(area for area in codes.countries if area.code == "SLV").name_es == "El Salvador"


def test_chile_areas_have_cut_codes_and_parents(data_dir):
    areas = {area.code: area for area in chile_areas.load(data_dir)}
    assert areas["CL-05"].name_es == "Región de Valparaíso" and areas["CL-05"].parent_code == "CHL"
    assert areas["CL-13101"].parent_code == "CL-131" and areas["CL-131"].parent_code == "CL-13"


def test_ine_projections_by_comuna(data_dir):
    rows = list(ine.read_projections(data_dir / card("CHL.POPULATION.PROJ").origin.file, "CHL.POPULATION.PROJ"))
    assert len(rows) == 346 * 34
    assert {row.status for row in rows if row.year == 2030} == {"projection"}
    assert sum(row.value for row in rows if row.year == 2020) == 19_458_310


def test_census_2024_by_comuna(data_dir):
    rows = list(chile_hub.read_observations(data_dir, card("CHL.CENSUS2024.POP")))
    assert len(rows) == 346 and sum(row.value for row in rows) == 18_480_432
    assert rows[0].vintage is not None and rows[0].period == "2024"


def test_bcch_unemployment_rolling_quarters(data_dir):
    rejected: list[str] = []
    rows = list(bcch.read_observations(data_dir, card("CHL.UNEMPLOYMENT.RATE"), bcch.RegionMatcher([]), set(), rejected))
    assert rows[0].period == "2010-03" and rows[0].area_code == "CHL" and rejected == []
    assert all(0 < row.value < 20 for row in rows)


def test_bcch_copper_leaves_out_days_filled_without_a_quote(data_dir):
    rows = list(bcch.read_observations(data_dir, card("CHL.COPPER.PRICE"), bcch.RegionMatcher([]), set(), []))
    periods = {row.period for row in rows}
    assert max(periods) == "2025-07-23" and "2025-01-01" not in periods  # con_dato FALSE: the last quote repeated
    assert "2024-08-01" in periods  # rows before the flag existed (NA) are quotes


def test_bcch_regional_gdp_maps_every_region(data_dir):
    skipped: set[str] = set()
    matcher = bcch.RegionMatcher(chile_areas.load(data_dir))
    rejected: list[str] = []
    rows = list(bcch.read_observations(data_dir, card("CHL.GDP.REGIONAL"), matcher, skipped, rejected))
    assert {row.area_code for row in rows} == {f"CL-{n:02d}" for n in range(1, 17)}  # Chile: the national accounts
    assert skipped == {"Extrarregional", "Subtotal regionalizado"}
    values = {(row.area_code, row.period): row.value for row in rows}
    assert ("CL-02", "2022-Q4") not in values  # stored as 427 instead of about 4,270: left out
    assert any("CL-02 2022-Q4 = 427" in str(entry) for entry in rejected) and len(rejected) < 100
    assert rows[0].period == "2013-Q1"


def test_sdmx_csv_through_pysdmx(data_dir):
    data = sdmx.load(data_dir / "sdmx" / "demo_wdi_inflation_sdmxcsv20.csv", "sdmx-demo")
    assert [series.code for series in data.series] == ["DEMO.WDI.A.FP_CPI_TOTL_ZG"]  # FREQ is part of the key
    values = {(r.area_code, r.period): r.value for r in data.observations}
    assert values[("CHL", "2015")] == pytest.approx(4.3488)


@pytest.mark.parametrize("period, expected", [("2020", "2020"), ("2020-Q3", "2020-Q3"), ("2020-M07", "2020-07")])
def test_sdmx_periods(period, expected):
    assert sdmx.parse_period(period).code == expected


# Malformed files -------------------------------------------------------------------------------


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_wdi_bad_number_names_file_and_line(tmp_path):
    write(tmp_path / "wdi/indicators/x.y/data.csv",
          "Country Name,Country Code,Year,Value\nChile,CHL,2019,1.5\nChile,CHL,2020,abc\n")
    with pytest.raises(LoadError, match=r"x\.y/data\.csv:3: not a number: 'abc'"):
        list(wdi.read_observations(tmp_path, "X.Y", None, {}))


def test_wdi_missing_column_is_reported(tmp_path):
    write(tmp_path / "wdi/indicators/x.y/data.csv", "Country Name,Year,Value\nChile,2019,1.5\n")
    with pytest.raises(LoadError, match=r"data\.csv:1: missing columns \['Country Code'\]"):
        list(wdi.read_observations(tmp_path, "X.Y", None, {}))


def test_bcch_bad_date_names_line(tmp_path):
    path = write(tmp_path / "chile/bcch/desempleo.csv",
                 '"";"serie";"fecha";"valor";"año";"mes";"fecha_scraping"\n'
                 '"1";"Tasa  de  desempleo  (porcentaje)";"2010-13-1";8,5;2010;13;2026-07-23\n')
    with pytest.raises(LoadError, match=rf"{path}:2: not a date"):
        list(bcch.read_observations(tmp_path, card("CHL.UNEMPLOYMENT.RATE"), bcch.RegionMatcher([]), set(), []))


def test_ragged_row_is_reported(tmp_path):
    path = write(tmp_path / "p.csv", '"";"cut_comuna";"año";"población"\n"1";1101;2002\n')
    with pytest.raises(LoadError, match=rf"{path}:2: expected 4 fields, found 3"):
        list(ine.read_projections(path, "CHL.POPULATION.PROJ"))


def test_truncated_json_is_reported(tmp_path):
    write(tmp_path / "chile/chile_hub/regiones.json", '[{"codigo_region": "01"')
    with pytest.raises(LoadError, match="regiones.json: cannot read JSON"):
        chile_areas.load(tmp_path)


def test_not_sdmx_is_reported(tmp_path):
    path = write(tmp_path / "x.csv", "a,b\n1,2\n")
    with pytest.raises(LoadError, match="x.csv"):
        sdmx.load(path, "sdmx-x")
