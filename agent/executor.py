"""The one place SQL reaches the statistics database: vetted SQL, a read-only connection, a deadline.

Vetting is the first wall; the database is the second. DuckDB and SQLite files are opened read-only
(DuckDB also without file or network access), PostgreSQL sessions default to read-only transactions
and each query runs in one that is declared read-only and always rolled back. A query that outlives
its deadline is cancelled by the server (PostgreSQL's ``statement_timeout``) or interrupted from a
timer (DuckDB and SQLite).
"""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time as time_of_day
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Engine, create_engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from agent.vetting import VettedSql, is_sealed
from cifra.settings import Settings

# DuckDB: no reading or writing files, no extensions, and settings locked so SQL cannot undo that.
DUCKDB_READ_ONLY = {
    "read_only": True,
    "config": {
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "lock_configuration": True,
    },
}
POSTGRES_QUERY_CANCELED = "57014"


class QueryResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]  # JSON-friendly: dates as ISO strings, decimals as floats
    truncated: bool  # vet() capped the rows and the cap was reached: the full answer may be longer
    elapsed_ms: float


class QueryFailed(Exception):
    """The database did not answer; the reasons are for the person who asked, ``detail`` for logs."""

    def __init__(self, reason_es: str, reason_en: str, detail: str = "") -> None:
        super().__init__(reason_en)
        self.reason_es = reason_es
        self.reason_en = reason_en
        self.detail = detail


def read_only_engine(settings: Settings) -> Engine:
    """An engine for the configured database that cannot write, whatever SQL it is given.

    DuckDB refuses to open one file twice in a process with different settings, so a read-write
    engine on the same file (``catalog.build.make_engine``) must be disposed before this one connects.
    """
    url = make_url(settings.resolved_database_url)
    backend = url.get_backend_name()
    if backend == "duckdb":
        return create_engine(url, connect_args=DUCKDB_READ_ONLY)
    if backend == "postgresql":
        return create_engine(url, connect_args={"options": "-c default_transaction_read_only=on"})
    if backend == "sqlite":
        return create_engine(url.set(database=f"file:{url.database}").update_query_dict({"mode": "ro", "uri": "true"}))
    raise ValueError(f"no read-only engine for {backend!r} databases")


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime, time_of_day)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json_value(item) for key, item in value.items()}
    return str(value)


@contextmanager
def _deadline(connection: Connection, timeout_s: float, fired: threading.Event) -> Iterator[None]:
    """Start the read-only transaction and arm the timeout; ``fired`` is set if the timer interrupted."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        connection.exec_driver_sql(f"SET LOCAL statement_timeout = {max(1, round(timeout_s * 1000))}")
        yield
        return
    raw = connection.connection.dbapi_connection

    def interrupt() -> None:
        fired.set()
        raw.interrupt()

    timer = threading.Timer(timeout_s, interrupt)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        timer.join()  # an interrupt still in flight must not reach the connection's next query


def _failure(error: Exception, timed_out: bool, timeout_s: float) -> QueryFailed:
    original = getattr(error, "orig", None) or error
    detail = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    if timed_out or getattr(original, "sqlstate", None) == POSTGRES_QUERY_CANCELED:
        return QueryFailed(
            f"La consulta tardó más de {timeout_s:g} s y se detuvo.",
            f"The query took longer than {timeout_s:g} s and was stopped.",
            detail,
        )
    return QueryFailed(
        "La base de datos no pudo responder esta consulta.",
        "The database could not answer this query.",
        detail,
    )


def run_query(engine: Engine, vetted: VettedSql, timeout_s: float = 5.0) -> QueryResult:
    """Run SQL that vet() returned, read-only, within ``timeout_s``; nothing else is ever executed."""
    if not isinstance(vetted, VettedSql):
        raise TypeError("run_query runs only the VettedSql that vet() returns")
    if not is_sealed(vetted):
        raise ValueError("this VettedSql did not come from vet() or was changed after it")
    if vetted.dialect != engine.dialect.name:
        raise ValueError(f"SQL vetted for {vetted.dialect}, engine is {engine.dialect.name}")
    with engine.connect() as connection:
        started = time.perf_counter()
        fired = threading.Event()
        try:
            with _deadline(connection, timeout_s, fired):
                result = connection.execution_options(no_parameters=True).exec_driver_sql(vetted.sql)
                columns = list(result.keys())
                rows = [[_json_value(value) for value in row] for row in result.fetchall()]
        except (SQLAlchemyError, engine.dialect.loaded_dbapi.Error) as error:
            raise _failure(error, fired.is_set(), timeout_s) from error
        finally:
            connection.rollback()
    return QueryResult(
        columns=columns,
        rows=rows,
        truncated=vetted.capped and len(rows) >= vetted.limit,
        elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
    )
