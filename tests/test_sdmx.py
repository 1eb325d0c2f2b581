"""SDMX from any agency: the mirror's samples, area dimensions and codes, periods, status, curated cards."""

import json
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from catalog.build import BuildError, _read_sdmx_card, build, make_engine
from catalog.curation import indicator_cards
from catalog.loaders import country_codes, sdmx
from catalog.loaders.records import LoadError, ObservationRecord
from catalog.loaders.sdmx_areas import AreaMapper, area_dimension
from cifra.settings import Settings

ECB_DATA, ECB_DSD = "sdmx/sdmxml30_ECB_EXR_data.xml", "sdmx/sdmxml30_ECB_EXR_dsd.xml"
JSON_DATA, JSON_STRUCTURE = "sdmx/sdmxjson_exr-time-series.json", "sdmx/sdmxjson_structure_constructed-sample.json"
CSV_DATA = "sdmx/demo_wdi_inflation_sdmxcsv20.csv"
CSV_HEADER = "STRUCTURE,STRUCTURE_ID,ACTION,"


@pytest.fixture(scope="module")
def areas(data_dir) -> AreaMapper:
    return AreaMapper.from_country_codes(country_codes.load(data_dir))


def values(data: sdmx.SdmxData) -> dict[tuple[str, str, str], float]:
    return {(r.indicator_code, r.area_code, r.period): r.value for r in data.observations}


def write_csv(path: Path, header: str, *rows: str, flow: str = "TEST:FLOW(1.0)") -> Path:
    lines = [CSV_HEADER + header] + [f"dataflow,{flow},I,{row}" for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# The mirror's samples ---------------------------------------------------------------------------


@pytest.mark.parametrize("file, structures, series, observations, key, value, prepared", [
    (ECB_DATA, [ECB_DSD], 6, 116, ("ECB.EXR.A.CHF.EUR.SP00.A", "EMU", "2019"), 1.112449019607843, date(2021, 3, 8)),
    (ECB_DATA, [], 6, 116, ("ECB.EXR.A.LTL.EUR.SP00.E", "EMU", "2014"), 3.4528, date(2021, 3, 8)),
    (JSON_DATA, [], 2, 4, ("ECB.EXR.D.RUB.EUR.SP00.A", "EMU", "2013-01-21"), 40.3, date(2018, 3, 11)),
    (CSV_DATA, [], 1, 16, ("DEMO.WDI.A.FP_CPI_TOTL_ZG", "CHL", "2015"), 4.3488, None),
    (CSV_DATA, [], 1, 16, ("DEMO.WDI.A.FP_CPI_TOTL_ZG", "PER", "2022"), 8.3337, None),
])  # fmt: skip
def test_mirror_samples_load(data_dir, areas, file, structures, series, observations, key, value, prepared):
    data = sdmx.load(data_dir / file, "s", structures=[data_dir / path for path in structures], areas=areas)
    assert (len(data.series), len(data.observations), data.notes) == (series, observations, [])
    assert values(data)[key] == pytest.approx(value)
    assert data.prepared == prepared
    assert sum(one.observations for one in data.series) == observations


@pytest.mark.parametrize("file", [JSON_STRUCTURE, ECB_DSD])
def test_structure_only_messages_say_no_data(data_dir, file):
    data = sdmx.load(data_dir / file, "s")
    assert (data.series, data.observations) == ([], [])
    assert len(data.notes) == 1 and "no data, only structure" in data.notes[0] and "data structure ECB:" in data.notes[0]


def test_json_structure_gives_codelist_names(data_dir):
    pool = sdmx.read_file(data_dir / JSON_STRUCTURE).structures
    assert pool.codelists["ECB:CL_EXR_SUFFIX"]["E"] == "End-of-period"
    assert pool.flows["ECB:EXR"] == ("ECB:ECB_EXR1", "Exchange Rates")


def test_every_ecb_value_matches_the_raw_xml(data_dir):
    """An independent read of the SDMX-ML file: every observation, same value, same series key."""
    expected = {}
    for element in ElementTree.parse(data_dir / ECB_DATA).iter():
        if element.tag == "Series":
            key = ".".join(element.get(dim) for dim in ("FREQ", "CURRENCY", "CURRENCY_DENOM", "EXR_TYPE", "EXR_SUFFIX"))
        elif element.tag == "Obs":
            expected[(f"ECB.EXR.{key}", "EMU", element.get("TIME_PERIOD"))] = float(element.get("OBS_VALUE"))
    assert values(sdmx.load(data_dir / ECB_DATA, "s", structures=[data_dir / ECB_DSD])) == expected


def test_every_json_value_matches_the_raw_message(data_dir):
    document = json.loads((data_dir / JSON_DATA).read_text(encoding="utf-8"))
    series_dim = document["data"]["structures"][0]["dimensions"]["series"][0]["values"]
    periods = document["data"]["structures"][0]["dimensions"]["observation"][0]["values"]
    expected = {(f"ECB.EXR.D.{series_dim[int(s)]['id']}.EUR.SP00.A", "EMU", periods[int(o)]["id"]): obs[0]
                for s, one in document["data"]["dataSets"][0]["series"].items()
                for o, obs in one["observations"].items()}  # fmt: skip
    assert values(sdmx.load(data_dir / JSON_DATA, "s")) == expected


@pytest.mark.parametrize("structures, name", [
    ([], "ECB reference exchange rate, Swiss franc/Euro, 2:15 pm (C.E.T.) (EXR_SUFFIX=E)"),
    ([ECB_DSD, JSON_STRUCTURE], "ECB reference exchange rate, Swiss franc/Euro, 2:15 pm (C.E.T.) (End-of-period)"),
])  # fmt: skip
def test_series_names_units_and_decimals_come_from_the_structure(data_dir, structures, name):
    data = sdmx.load(data_dir / ECB_DATA, "s", structures=[data_dir / path for path in structures])
    chf = next(one for one in data.series if one.key == "A.CHF.EUR.SP00.E")
    assert (chf.name, chf.unit, chf.unit_multiplier, chf.decimals, chf.frequency) == (name, "CHF", 0, 4, "A")
    assert data.title == ("Exchange Rates" if structures else "ECB:EXR")


def test_short_titles_take_the_flow_name(data_dir):
    names = {one.key: one.name for one in sdmx.load(data_dir / JSON_DATA, "s").series}
    assert names["D.NZD.EUR.SP00.A"] == "Exchange rate dataflow: New Zealand dollar (NZD)"


# Areas ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("column, code, expected", [
    ("REF_AREA", "CHL", "CHL"),
    ("REF_AREA", "CL", "CHL"),
    ("geo", "CL", "CHL"),
    ("COUNTRY", "152", "CHL"),
    ("LOCATION", "PE", "PER"),
    ("geo", "EL", "GRC"),
    ("geo", "UK", "GBR"),
    ("REF_AREA", "U2", "EMU"),
    ("geo", "EA20", "EMU"),
    ("geo", "EU27_2020", "EUU"),
    ("REF_AREA", "005", "M49-005"),
    ("REF_AREA", "LCN", "LCN"),
    ("REF_AREA", "ZZ", "ZZ"),  # unknown: passed through, left to the build to skip and report
])  # fmt: skip
def test_area_dimension_and_codes(tmp_path, areas, column, code, expected):
    path = write_csv(tmp_path / "a.csv", f"FREQ,{column},INDICATOR,TIME_PERIOD,OBS_VALUE", f"A,{code},X,2020,1.5")
    data = sdmx.load(path, "s", areas=areas)
    assert [(r.indicator_code, r.area_code) for r in data.observations] == [("TEST.FLOW.A.X", expected)]


def test_area_dimension_is_found_whatever_its_case():
    assert area_dimension(["FREQ", "geo", "unit"]) == "geo"
    assert area_dimension(["FREQ", "CURRENCY"]) is None


def test_two_codes_for_one_area_keep_the_first(tmp_path, areas):
    path = write_csv(tmp_path / "a.csv", "REF_AREA,TIME_PERIOD,OBS_VALUE", "CL,2020,1", "CHL,2020,2")
    data = sdmx.load(path, "s", areas=areas)
    assert [r.value for r in data.observations] == [1.0]
    assert data.notes == ["a.csv: TEST:FLOW: TEST.FLOW: area 'CHL' is CHL like 'CL', 1 values skipped"]


def test_unknown_areas_are_dropped_and_listed():
    record = ObservationRecord("X.Y.A", "CHL", "2020", "_T", "_T", 2020, date(2020, 1, 1), 1.0, "final", "s", None)
    kept, notes = sdmx.drop_unknown_areas(
        [record, record._replace(area_code="ZZ"), record._replace(area_code="ZZ", period="2021"),
         record._replace(indicator_code="OTHER", area_code="ZZ")], {"X.Y.A"}, {"CHL"})  # fmt: skip
    assert [(r.indicator_code, r.area_code) for r in kept] == [("X.Y.A", "CHL"), ("OTHER", "ZZ")]
    assert notes == ["X.Y.A: area 'ZZ' is not in the area table, 2 values skipped"]


@pytest.mark.parametrize("flow, area, expected, noted", [
    ("ECB:EXR(1.0)", None, ["EMU"], False),  # the ECB's own area: the euro area
    ("ECB:EXR(1.0)", "CHE", ["CHE"], False),  # a card's fixed area wins
    ("XYZ:EXR(1.0)", "CHL", ["CHL"], False),
    ("XYZ:EXR(1.0)", None, [], True),  # nobody says where: skipped, and the notes say why
])  # fmt: skip
def test_datasets_without_an_area_dimension(tmp_path, flow, area, expected, noted):
    path = write_csv(tmp_path / "a.csv", "FREQ,CURRENCY,TIME_PERIOD,OBS_VALUE", "A,CHF,2019,1.11", flow=flow)
    data = sdmx.load(path, "s", area=area)
    assert [r.area_code for r in data.observations] == expected
    assert bool(data.notes) == noted and all("no area dimension" in note for note in data.notes)


# Periods, frequencies, status -------------------------------------------------------------------


@pytest.mark.parametrize("period, frequency, code, start", [
    ("2020", None, "2020", date(2020, 1, 1)),
    ("2020-A1", None, "2020", date(2020, 1, 1)),
    ("2020-S2", None, "2020-S2", date(2020, 7, 1)),
    ("2020-Q3", None, "2020-Q3", date(2020, 7, 1)),
    ("2020Q3", None, "2020-Q3", date(2020, 7, 1)),
    ("2020-M07", None, "2020-07", date(2020, 7, 1)),
    ("2020-07", None, "2020-07", date(2020, 7, 1)),
    ("2020-W05", None, "2020-W05", date(2020, 1, 27)),
    ("2023-01-03", None, "2023-01-03", date(2023, 1, 3)),
    ("2013-01-18T00:00:00.000Z", "D", "2013-01-18", date(2013, 1, 18)),
    ("2020-04-01", "Q", "2020-Q2", date(2020, 4, 1)),
    ("2020-01-01T00:00:00/P1Y", "A", "2020", date(2020, 1, 1)),
    ("2020-08-15", "S", "2020-S2", date(2020, 7, 1)),
    ("2020-01-29", "W", "2020-W05", date(2020, 1, 27)),
])  # fmt: skip
def test_periods(period, frequency, code, start):
    parsed = sdmx.parse_period(period, frequency)
    assert (parsed.code, parsed.start) == (code, start)


@pytest.mark.parametrize("period", ["2020-13", "2020-Q5", "2020-S3", "20", "2020-W54"])
def test_bad_periods_are_refused(period):
    with pytest.raises(ValueError, match="unsupported SDMX period"):
        sdmx.parse_period(period)


def test_frequencies_and_status(tmp_path):
    path = write_csv(tmp_path / "a.csv", "FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS",
                     "A,CHL,X,2020,1,A", "S,CHL,X,2020-S1,2,E", "Q,CHL,X,2020-Q1,3,P", "M,CHL,X,2020-M01,4,F",
                     "W,CHL,X,2020-W01,5,", "D,CHL,X,2020-01-02,6,I", "B,CHL,X,2020-01-03,7,V",
                     "D,CHL,X,2020-01-06,8,M", "D,CHL,X,2020-01-07,,A", "H,CHL,X,2020-01-07T10:00,9,A")  # fmt: skip
    data = sdmx.load(path, "s")
    assert {one.key: one.frequency for one in data.series} == {
        "A.X": "A", "S.X": "S", "Q.X": "Q", "M.X": "M", "W.X": "W", "D.X": "D", "B.X": "D"}
    assert [(r.period, r.status) for r in data.observations] == [
        ("2020", "final"), ("2020-S1", "estimate"), ("2020-Q1", "provisional"), ("2020-01", "projection"),
        ("2020-W01", "final"), ("2020-01-02", "estimate"), ("2020-01-03", "provisional")]  # fmt: skip
    assert data.notes == ["a.csv: TEST:FLOW: frequency 'H' is not supported, 1 values skipped"]


def test_eurostat_flags_and_lower_case_dimensions(tmp_path, areas):
    path = write_csv(tmp_path / "a.csv", "freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG",
                     "A,PC,CL,2020,1,p", "A,PC,CL,2021,2,e", "A,NR,CL,2021,3,", flow="ESTAT:T(1.0)")  # fmt: skip
    data = sdmx.load(path, "s", areas=areas)
    assert {one.code: one.unit for one in data.series} == {"ESTAT.T.A.PC": "PC", "ESTAT.T.A.NR": "NR"}
    assert [r.status for r in data.observations] == ["provisional", "estimate", "final"]


def test_bad_value_names_file_and_line(tmp_path):
    path = write_csv(tmp_path / "a.csv", "REF_AREA,TIME_PERIOD,OBS_VALUE", "CHL,2020,1", "CHL,2021,abc")
    with pytest.raises(LoadError, match=r"a\.csv:3: not a number: 'abc'"):
        sdmx.load(path, "s")


def test_flat_json_data_message(tmp_path):
    message = {"meta": {"prepared": "2024-05-06T00:00:00Z"}, "data": {
        "structures": [{"name": "Test flow", "links": [{"urn": "urn:sdmx:...Dataflow=AG:TEST(1.0)"}],
                        "dimensions": {"observation": [
                            {"id": "REF_AREA", "keyPosition": 0, "values": [{"id": "CL"}, {"id": "PE"}]},
                            {"id": "TIME_PERIOD", "keyPosition": 1, "values": [{"id": "2020"}]}]}}],
        "dataSets": [{"structure": 0, "observations": {"0:0": [1.5], "1:0": [2.5]}}]}}  # fmt: skip
    path = tmp_path / "flat.json"
    path.write_text(json.dumps(message), encoding="utf-8")
    data = sdmx.load(path, "s", areas=AreaMapper.from_country_codes(country_codes.load(Settings().data_dir)))
    assert values(data) == {("AG.TEST", "CHL", "2020"): 1.5, ("AG.TEST", "PER", "2020"): 2.5}
    assert data.prepared == date(2024, 5, 6) and data.series[0].name == "Test flow"


# Curated cards and the build --------------------------------------------------------------------


def ecb_card(code: str = "ECB.EXR.A.CHF.EUR.SP00.A"):
    return next(card for card in indicator_cards() if card.code == code)


def test_a_card_reads_its_sdmx_series(data_dir):
    records = _read_sdmx_card(data_dir, ecb_card())
    assert len(records) == 21 and {(r.source_id, r.area_code, r.vintage) for r in records} == {
        ("ecb", "EMU", date(2021, 3, 8))}
    assert {r.period: r.value for r in records}["2015"] == pytest.approx(1.067857031250002)


@pytest.mark.parametrize("change, message", [
    ({"key": "A.USD.EUR.SP00.A"}, r"no SDMX series 'A\.USD\.EUR\.SP00\.A'.*A\.CHF\.EUR\.SP00\.A"),
])
def test_a_card_with_a_wrong_key_names_the_keys(data_dir, change, message):
    card = ecb_card()
    wrong = card.model_copy(update={"origin": card.origin.model_copy(
        update={"sdmx": card.origin.sdmx.model_copy(update=change)})})  # fmt: skip
    with pytest.raises(BuildError, match=message):
        _read_sdmx_card(data_dir, wrong)


def test_a_card_must_agree_with_unit_mult(data_dir):
    with pytest.raises(BuildError, match="UNIT_MULT 0"):
        _read_sdmx_card(data_dir, ecb_card().model_copy(update={"unit_multiplier": 6}))


@pytest.fixture(scope="module")
def sdmx_build(tmp_path_factory, data_dir):
    """The curated build (smaller, same code path) plus ad-hoc SDMX files: a structure-only file and one with an
    unknown area."""
    folder = tmp_path_factory.mktemp("sdmx")
    extra = write_csv(folder / "extra.csv", "FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE",
                      "A,CL,X,2020,1.5", "A,ZZ,X,2020,2.5", "A,ZZ,X,2021,3.5")  # fmt: skip
    settings = Settings(home=folder / "home", data_dir=data_dir, wdi_scope="curated",
                        sdmx_files=[extra, data_dir / JSON_STRUCTURE, data_dir / ECB_DATA])  # fmt: skip
    return settings, build(settings)


def scalar(settings: Settings, sql: str):
    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).one()
    finally:
        engine.dispose()


def test_the_ecb_card_is_in_the_built_database(sdmx_build):
    settings, report = sdmx_build
    assert report.observations_by_source["ecb"] == 42 and report.vintages["ecb"] == "2021-03-08"
    row = scalar(settings, "SELECT o.value, o.status, i.name_es, i.curated, s.publisher FROM observation o "
                           "JOIN indicator i ON i.code = o.indicator_code JOIN source s ON s.id = o.source_id "
                           "WHERE o.indicator_code = 'ECB.EXR.A.CHF.EUR.SP00.A' AND o.area_code = 'EMU' "
                           "AND o.period = '2019'")  # fmt: skip
    assert row[0] == pytest.approx(1.112449019607843)
    assert row[1:] == ("final", "Tipo de cambio de referencia del BCE, francos suizos por euro (promedio anual)", True,
                       "European Central Bank (ECB)")  # fmt: skip
    phrases = scalar(settings, "SELECT COUNT(*) FROM indicator_phrase WHERE indicator_code = 'ECB.EXR.A.CHF.EUR.SP00.A' "
                               "AND kind = 'phrasing' AND language = 'es'")  # fmt: skip
    assert phrases[0] >= 5


def test_sdmx_files_report_unknown_areas_and_structure_only_files(sdmx_build):
    settings, report = sdmx_build
    assert report.observations_by_source["sdmx-extra"] == 1
    assert report.observations_by_source["sdmx-sdmxml30-ecb-exr-data"] == 116 - 42  # the rest of the file
    assert "TEST.FLOW.A.X: area 'ZZ' is not in the area table, 2 values skipped" in report.sdmx_skipped
    assert any("no data, only structure" in note for note in report.sdmx_skipped)
    assert "sdmxml30_ECB_EXR_data.xml: 2 series already loaded by curated cards" in report.sdmx_skipped
    name = scalar(settings, "SELECT name_en, unit_en, decimals, curated FROM indicator "
                            "WHERE code = 'ECB.EXR.A.LTL.EUR.SP00.E'")  # fmt: skip
    assert tuple(name) == ("ECB reference exchange rate, Lithuanian litas/Euro, 2:15 pm (C.E.T.) (End-of-period)",
                           "LTL", 5, False)  # fmt: skip
