"""The executor on real databases: correct values, truncation, timeouts, size caps, and writes refused by the engine."""

import json
import time

import pytest
from sqlalchemy import Engine, create_engine, event, insert
from sqlalchemy.exc import DBAPIError

from agent import executor
from agent.compile import compile_sql
from agent.executor import MAX_RESULT_BYTES, QueryFailed, read_only_engine, run_query
from agent.indicators import IndicatorCatalog
from agent.models import PeriodSpec, QueryPlan
from agent.vetting import vet
from catalog.schema import Area, Base
from catalog.views import create_views
from cifra.settings import Settings

GDP_CHILE_2020 = (
    "SELECT value FROM observation WHERE indicator_code = 'NY.GDP.PCAP.CD' AND area_code = 'CHL' AND year = 2020"
)
# A cross join of ~427 M rows with string work: minutes without a deadline, never endless.
HEAVY = "SELECT COUNT(*) FROM area a, area b, area c WHERE a.name_en || b.name_en || c.name_en LIKE '%zz%'"
# Observation with itself: ~3.6e11 pairs, hours of work for either engine.
SELF_CROSS_JOIN = "SELECT SUM(a.value * b.value) FROM observation a CROSS JOIN observation b"
# 1,000 rows of 25 padded columns: about 25 MB as JSON, with only what vetting allows.
WIDE = "SELECT " + ", ".join(f"LPAD(area_code, 1000, '*') AS c{index}" for index in range(25)) + " FROM observation"
DEADLINE_MARGIN_S = 1.0


@pytest.fixture(params=["duckdb", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request) -> Engine:
    """The read-only engine on the built catalog, in DuckDB and in PostgreSQL."""
    return request.getfixturevalue("engine" if request.param == "duckdb" else "postgres_engine")


def run(engine: Engine, sql: str, max_rows: int = 1000, timeout_s: float = 5.0):
    return run_query(engine, vet(sql, engine.dialect.name, max_rows), timeout_s=timeout_s)


def test_known_value(database):
    result = run(database, GDP_CHILE_2020)
    assert result.columns == ["value"]
    assert result.rows == [[13117.9930230086]]
    assert result.truncated is False
    assert result.elapsed_ms > 0


def test_rows_are_json_friendly(database):
    result = run(database, "SELECT period_start, CAST(value AS DECIMAL(12, 2)) AS rounded, vintage "
                           f"FROM observation WHERE {GDP_CHILE_2020.split('WHERE ')[1]}")
    assert result.rows == [["2020-01-01", 13117.99, "2026-07-01"]]
    json.dumps(result.model_dump())


def test_truncated_only_when_the_cap_cut_the_answer(database):
    capped = run(database, "SELECT code FROM area WHERE code LIKE 'CL-%' ORDER BY code", max_rows=3)
    assert capped.rows == [["CL-01"], ["CL-011"], ["CL-01101"]]
    assert capped.truncated is True
    asked = run(database, "SELECT code FROM area WHERE code LIKE 'CL-%' ORDER BY code LIMIT 2", max_rows=3)
    assert len(asked.rows) == 2 and asked.truncated is False
    whole = run(database, "SELECT code FROM area WHERE code = 'CHL'", max_rows=3)
    assert whole.rows == [["CHL"]] and whole.truncated is False


def test_timeout_stops_the_query_and_the_engine_stays_usable(database):
    with pytest.raises(QueryFailed) as failed:
        run(database, HEAVY, timeout_s=0.2)
    assert "0.2" in failed.value.reason_es and "0.2" in failed.value.reason_en
    assert run(database, GDP_CHILE_2020).rows == [[13117.9930230086]]


def _elapsed_until_refused(engine: Engine, sql: str, timeout_s: float) -> float:
    started = time.perf_counter()
    with pytest.raises(QueryFailed) as failed:
        run(engine, sql, timeout_s=timeout_s)
    assert f"{timeout_s:g} s" in failed.value.reason_en and f"{timeout_s:g} s" in failed.value.reason_es
    return time.perf_counter() - started


def test_deadline_stops_a_self_cross_join(database):
    assert _elapsed_until_refused(database, SELF_CROSS_JOIN, timeout_s=1.0) < 1.0 + DEADLINE_MARGIN_S
    assert run(database, GDP_CHILE_2020).rows == [[13117.9930230086]]


@pytest.fixture
def slow_start(database):
    """The driver sleeps before the statement, so the deadline passes while no statement runs (a loaded machine)."""
    delay_s = 0.6

    def sleep(connection, cursor, statement, parameters, context, executemany) -> None:
        if statement.startswith("SELECT SUM"):
            time.sleep(delay_s)

    event.listen(database, "before_cursor_execute", sleep)
    yield database, delay_s
    event.remove(database, "before_cursor_execute", sleep)


def test_deadline_that_passes_before_the_statement_starts_still_stops_it(slow_start):
    """DuckDB forgets an interrupt that comes while nothing runs; the watchdog repeats it until the query ends."""
    database, delay_s = slow_start
    assert _elapsed_until_refused(database, SELF_CROSS_JOIN, timeout_s=0.3) < delay_s + DEADLINE_MARGIN_S


def test_deadline_bounds_fetching_too(database, monkeypatch):
    """Rows DuckDB already built ignore interrupts, so the fetch loop checks the deadline itself."""
    def slow_json_value(value):
        time.sleep(0.01)
        return value

    monkeypatch.setattr(executor, "_json_value", slow_json_value)
    sql = "SELECT code FROM area ORDER BY code"  # 753 rows: 7.5 s of fetching without the check
    assert _elapsed_until_refused(database, sql, timeout_s=0.5) < 0.5 + DEADLINE_MARGIN_S


def test_answers_over_the_byte_cap_are_refused(database):
    """Row limits do not bound bytes: 1,000 rows of wide text are refused in both languages."""
    with pytest.raises(QueryFailed) as failed:
        run(database, WIDE)
    megabytes = f"{MAX_RESULT_BYTES / 1_000_000:g} MB"
    assert megabytes in failed.value.reason_es and megabytes in failed.value.reason_en
    assert len(run(database, WIDE, max_rows=100).rows) == 100  # a tenth of it fits
    assert run(database, GDP_CHILE_2020).rows == [[13117.9930230086]]


@pytest.mark.postgres
def test_postgres_reads_as_a_role_that_may_only_read_cifra(postgres_engine):
    """Bypassing vetting on purpose: as the reader role, PostgreSQL itself refuses system tables, files and writes."""
    with postgres_engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT current_user").scalar_one() == "cifra_reader"
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM area").scalar_one() > 0
        connection.rollback()
        for statement in ("SELECT rolname, rolpassword FROM pg_authid", "SELECT pg_read_file('/etc/hostname')",
                          "SET TRANSACTION READ WRITE; INSERT INTO source (id) VALUES ('x')",
                          "SET TRANSACTION READ WRITE; CREATE TABLE stolen (a INT)"):
            with pytest.raises(DBAPIError) as refused:
                connection.exec_driver_sql(statement)
            assert refused.value.orig.sqlstate == "42501"  # insufficient_privilege, not read-only transaction
            connection.rollback()


def test_database_errors_have_plain_reasons(database):
    with pytest.raises(QueryFailed) as failed:
        run(database, "SELECT CAST(name_en AS INTEGER) FROM area")
    assert failed.value.reason_en == "The database could not answer this query."
    assert failed.value.reason_es and failed.value.detail
    assert "Traceback" not in failed.value.reason_en + failed.value.reason_es


@pytest.mark.parametrize(
    "statement",
    ["DELETE FROM observation", "UPDATE area SET name_es = 'x'", "CREATE TABLE stolen (a INT)", "DROP VIEW coverage"],
)
def test_the_engine_itself_refuses_writes(database, statement):
    """Bypassing vetting on purpose: the read-only engine must still refuse."""
    before = run(database, "SELECT COUNT(*) FROM observation").rows
    with database.connect() as connection:
        with pytest.raises(DBAPIError):
            connection.exec_driver_sql(statement)
        connection.rollback()
    assert run(database, "SELECT COUNT(*) FROM observation").rows == before


def test_duckdb_engine_cannot_touch_files(engine, tmp_path):
    target = tmp_path / "stolen.csv"
    with engine.connect() as connection:
        for statement in (f"COPY observation TO '{target}'", "SELECT * FROM read_csv('/etc/passwd')",
                          "SET enable_external_access = true", "INSTALL httpfs"):
            with pytest.raises(DBAPIError):
                connection.exec_driver_sql(statement)
            connection.rollback()
    assert not target.exists()


def test_vetted_sql_must_match_the_engine(engine):
    with pytest.raises(ValueError):
        run_query(engine, vet("SELECT code FROM area", "postgresql"))


@pytest.fixture
def sqlite_engine(tmp_path) -> Engine:
    """A small SQLite catalog (areas only) opened read-only."""
    path = tmp_path / "cifra.sqlite"
    writer = create_engine(f"sqlite:///{path}")
    with writer.begin() as connection:
        Base.metadata.create_all(connection)
        create_views(connection)
        connection.execute(insert(Area), [
            {"code": f"A{index:03}", "kind": "country", "name_es": f"País {index}", "name_en": f"Country {index}"}
            for index in range(400)
        ])  # fmt: skip
    writer.dispose()
    engine = read_only_engine(Settings(database_url=f"sqlite:///{path}"))
    yield engine
    engine.dispose()


def test_sqlite_reads_times_out_and_refuses_writes(sqlite_engine):
    assert run(sqlite_engine, "SELECT COUNT(*) FROM area").rows == [[400]]
    assert run(sqlite_engine, "SELECT code FROM area ORDER BY code", max_rows=2).truncated is True
    with pytest.raises(QueryFailed, match="0.2"):
        run(sqlite_engine, HEAVY, timeout_s=0.2)
    with sqlite_engine.connect() as connection:
        with pytest.raises(DBAPIError):
            connection.exec_driver_sql("DELETE FROM area")
    assert run(sqlite_engine, "SELECT COUNT(*) FROM area").rows == [[400]]


@pytest.mark.parametrize(("plan", "rows"), [
    (QueryPlan(operation="rank", indicator_code="EG.ELC.ACCS.ZS", group_code="M49-005", member_kind="country",
               period=PeriodSpec(start=2023, end=2023), top_n=1), 4),  # four countries tie at 100 %
    (QueryPlan(operation="which_period", indicator_code="CHL.UNEMPLOYMENT.RATE", area_codes=["CHL"],
               period=PeriodSpec(start=2022, end=2022), per_period=True), 2),  # September and October, 8.0 %
])  # fmt: skip
def test_ties_come_back_from_either_engine(database, engine, plan, rows):
    info = IndicatorCatalog.load(engine).get(plan.indicator_code)
    result = run(database, compile_sql(plan, info, "en", database.dialect))
    assert len(result.rows) == rows
