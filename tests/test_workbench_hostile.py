"""The analyst workbench against a hostile corpus (tests/data/hostile_sql.yaml), on DuckDB and PostgreSQL.

Every string goes through vet() and run_query() as the workbench sends it. Whatever it holds, only
SqlRefused or QueryFailed may come back; no file or server is read, the data and the list of tables
are unchanged afterwards, and no answer names a system catalog, a role or the secret in the canary file.
"""

import json
import secrets
import socket
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine, inspect

from agent.executor import QueryFailed, run_query
from agent.vetting import MAX_SQL_CHARS, SqlRefused, vet
from catalog.schema import Base

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "hostile_sql.yaml").read_text(encoding="utf-8"))
TIMEOUT_S = 1.0
# Text that only a catalog listing, a role name or a read file would put in an answer.
LEAK_MARKERS = ("pg_", "information_schema", "duckdb_", "sqlite_", "cifra_reader", "rolpassword", "root:")


def _extremes() -> list[str]:
    """Inputs too long, too deep or too odd to keep in a YAML file."""
    return [
        "SELECT " + "(" * 3000 + "1" + ")" * 3000 + " FROM area",
        "SELECT code FROM area WHERE " + "NOT " * 2000 + "code = 'CHL'",
        "SELECT " + "- " * 3000 + "1 FROM area",
        "SELECT " + "ABS(" * 1500 + "1" + ")" * 1500 + " FROM area",
        "SELECT code FROM " + "(SELECT code FROM " * 400 + "area" + ") AS t" * 400,
        "SELECT CASE " * 1000 + "1" + " END" * 1000 + " FROM area",
        "SELECT code FROM area WHERE code IN (" + ", ".join(f"'{index}'" for index in range(1500)) + ")",
        "SELECT 1 " + "+ 1 " * 2400 + "FROM area",
        "SELECT code FROM area " + " " * MAX_SQL_CHARS,
        "SELECT '" + "x" * (MAX_SQL_CHARS * 100) + "' FROM area",
        "SELECT code FROM area WHERE code = 'CHL\x00'; DROP TABLE area",
        "SELECT code FROM area WHERE code = '\ud800'",
        "SELECT code FROM area\x1a; DROP TABLE area",
    ]


def _corpus(placeholders: dict[str, str]) -> list[str]:
    """The YAML statements, each payload in each context, and the extremes, placeholders filled in."""
    combined = [context.replace("{e}", payload) for context in CORPUS["contexts"] for payload in CORPUS["payloads"]]
    strings = [*CORPUS["statements"], *combined]
    for name, value in placeholders.items():
        strings = [sql.replace("{" + name + "}", value) for sql in strings]
    return strings + _extremes()


@pytest.fixture(scope="module")
def canary(tmp_path_factory) -> tuple[Path, str]:
    """A CSV file holding a secret that no answer may ever contain."""
    secret = f"CANARY-{secrets.token_hex(8)}"
    path = tmp_path_factory.mktemp("canary") / "canary.csv"
    path.write_text(f"secret\n{secret}\n")
    return path, secret


@pytest.fixture(scope="module")
def listener() -> Iterator[tuple[int, list[str]]]:
    """A local TCP server that records every connection made to it: none may be."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    connections: list[str] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, address = server.accept()
            except TimeoutError:
                continue
            connections.append(f"{address[0]}:{address[1]}")
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connections
    stop.set()
    thread.join()
    server.close()


def _state(engine: Engine) -> dict[str, object]:
    """Row counts of every table, and the names of every table and view."""
    inspector = inspect(engine)
    with engine.connect() as connection:
        counts = {table: connection.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one()
                  for table in Base.metadata.tables}
    relations = sorted([*inspector.get_table_names(), *inspector.get_view_names()])
    return {"counts": counts, "relations": relations}


def _attempt(engine: Engine, sql: str) -> tuple[str, str]:
    """Run one string as the workbench does; the outcome and, for an answer, its rows as JSON."""
    try:
        result = run_query(engine, vet(sql, engine.dialect.name), timeout_s=TIMEOUT_S)
    except SqlRefused:
        return "refused", ""
    except QueryFailed:
        return "errors", ""
    except Exception as error:  # anything else escaping is the failure this test exists to catch
        return "escaped", f"{type(error).__name__}: {error}"
    return "answered", json.dumps(result.model_dump())


@pytest.fixture(params=["duckdb", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request) -> Engine:
    """The read-only engine on the built catalog, in DuckDB and in PostgreSQL."""
    return request.getfixturevalue("engine" if request.param == "duckdb" else "postgres_engine")


def test_hostile_corpus_is_large():
    assert len(CORPUS["statements"]) >= 150
    assert len(_corpus({})) >= 150 + len(CORPUS["payloads"]) * len(CORPUS["contexts"])


def test_workbench_survives_the_hostile_corpus(database, canary, listener, capsys):
    path, secret = canary
    port, connections = listener
    strings = _corpus({"canary": str(path), "canary_dir": str(path.parent),
                       "url": f"http://127.0.0.1:{port}", "port": str(port)})
    before = _state(database)
    outcomes: Counter[str] = Counter()
    problems: list[str] = []
    for sql in strings:
        outcome, text = _attempt(database, sql)
        outcomes[outcome] += 1
        if outcome == "escaped":
            problems.append(f"{text} <- {sql[:120]!r}")
        elif any(marker in text.lower() for marker in (*LEAK_MARKERS, secret.lower())):
            problems.append(f"answer leaks a system name or the canary <- {sql[:120]!r}: {text[:200]}")
    with capsys.disabled():  # the figures belong in every run's output, not only with -s
        print(f"\nhostile workbench SQL on {database.dialect.name}: tried {len(strings)}, "
              f"refused {outcomes['refused']}, answered {outcomes['answered']}, errors {outcomes['errors']}, "
              f"escaped {outcomes['escaped']}")
    assert not problems, "\n".join(problems)
    assert connections == [], "a query reached the network"
    assert sorted(item.name for item in path.parent.iterdir()) == [path.name], "a query wrote a file"
    assert path.read_text() == f"secret\n{secret}\n"
    assert _state(database) == before
