"""The one place SQL reaches the statistics database: vetted SQL, a read-only connection, a deadline, a size cap.

Vetting is the first wall; the database is the second. DuckDB and SQLite files are opened read-only
(DuckDB also without file or network access). PostgreSQL sessions default to read-only transactions,
run as the reader role a build grants only Cifra's tables (``catalog.writer.READER_ROLE``) when it
exists, and each query runs in a transaction that is declared read-only and always rolled back.

A watchdog interrupts the connection when the deadline passes (DuckDB and SQLite ``interrupt()``,
PostgreSQL's cancel request, with ``statement_timeout`` as the server's own backstop), and the rows
are fetched in batches that stop at the deadline or when the answer outgrows ``MAX_RESULT_BYTES``.
"""

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time as time_of_day
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, CursorResult, Engine, create_engine, event, make_url
from sqlalchemy.exc import SQLAlchemyError

from agent.vetting import VettedSql, is_sealed
from catalog.writer import READER_ROLE
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
# The reader role exists, this session may take it, and the build granted it this database's tables.
POSTGRES_READER_READY = (
    "SELECT pg_has_role(oid, 'MEMBER') AND has_table_privilege(oid, to_regclass('observation'), 'SELECT') "
    "FROM pg_roles WHERE rolname = %s"
)

MAX_RESULT_BYTES = 20_000_000  # the answer as JSON; far above any table a person reads, far below a memory problem
FETCH_BATCH_ROWS = 100
INTERRUPT_REPEAT_S = 0.1


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


def _become_reader(dbapi_connection: Any, _record: Any) -> None:
    """Switch a new PostgreSQL session to the reader role, when the build granted it this database's tables.

    As that role PostgreSQL itself refuses writes, ``pg_authid`` and the other tables only superusers read,
    and the file and server functions; it can still read what PUBLIC may (such as ``pg_class``), which
    vetting refuses by name. ``RESET ROLE`` would undo it, and vetting lets no SET or RESET through.
    Without the role (a build by a user who may not create roles) the session stays the URL's user.
    """
    with dbapi_connection.cursor() as cursor:
        cursor.execute(POSTGRES_READER_READY, (READER_ROLE,))
        ready = cursor.fetchone()
        if ready and ready[0]:
            cursor.execute(f"SET ROLE {READER_ROLE}")
    dbapi_connection.commit()


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
        engine = create_engine(url, connect_args={"options": "-c default_transaction_read_only=on"})
        event.listen(engine, "connect", _become_reader)
        return engine
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


def _read_only_transaction(connection: Connection, timeout_s: float) -> None:
    """PostgreSQL: declare the transaction read-only, and let the server end it at the deadline on its own."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        connection.exec_driver_sql(f"SET LOCAL statement_timeout = {max(1, round(timeout_s * 1000))}")


@contextmanager
def _deadline(connection: Connection, timeout_s: float) -> Iterator[threading.Event]:
    """Interrupt the connection once ``timeout_s`` has passed, and again every 0.1 s until the block ends.

    Repeating matters: DuckDB forgets an interrupt that arrives while no statement runs (between the
    driver's steps), and PostgreSQL applies ``statement_timeout`` to each FETCH of a cursor, not to the
    whole answer. Yields an event set once the deadline has passed, for the fetch loop to check; the
    watchdog is stopped before the block ends, so no interrupt reaches the connection's next query.
    """
    raw = connection.connection.dbapi_connection
    interrupt = raw.cancel_safe if connection.dialect.name == "postgresql" else raw.interrupt
    fired, done = threading.Event(), threading.Event()

    def watch() -> None:
        if done.wait(timeout_s):
            return
        fired.set()
        while not done.is_set():
            interrupt()
            done.wait(INTERRUPT_REPEAT_S)

    watchdog = threading.Thread(target=watch, name="cifra-query-deadline", daemon=True)
    watchdog.start()
    try:
        yield fired
    finally:
        done.set()
        watchdog.join()


def _timed_out(timeout_s: float, detail: str) -> QueryFailed:
    return QueryFailed(
        f"La consulta tardó más de {timeout_s:g} s y se detuvo.",
        f"The query took longer than {timeout_s:g} s and was stopped.",
        detail,
    )


def _failure(error: Exception, timed_out: bool, timeout_s: float) -> QueryFailed:
    original = getattr(error, "orig", None) or error
    detail = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    if timed_out or getattr(original, "sqlstate", None) == POSTGRES_QUERY_CANCELED:
        return _timed_out(timeout_s, detail)
    return QueryFailed(
        "La base de datos no pudo responder esta consulta.",
        "The database could not answer this query.",
        detail,
    )


def _too_large() -> QueryFailed:
    megabytes = f"{MAX_RESULT_BYTES / 1_000_000:g} MB"
    return QueryFailed(
        f"La respuesta ocupa más de {megabytes}; pida menos filas o columnas, o resúmalas.",
        f"The answer is larger than {megabytes}; ask for fewer rows or columns, or summarise them.",
        f"result over {MAX_RESULT_BYTES} bytes",
    )


def _fetch_rows(result: CursorResult, fired: threading.Event, timeout_s: float) -> list[list[Any]]:
    """Fetch in batches, counting each row's size as JSON, until done, past the deadline or over the cap.

    An answer over ``MAX_RESULT_BYTES`` is refused, not cut: no statistics question needs one, and a
    table cut by size would be wrong in a way ``truncated`` (a row count) does not describe. The cap
    bounds what Cifra keeps and sends; what DuckDB builds before the first batch is bounded by
    vetting's text-size rules and the row limit instead.
    """
    rows: list[list[Any]] = []
    size = 0
    while batch := result.fetchmany(FETCH_BATCH_ROWS):
        for row in batch:
            if fired.is_set():  # interrupts do not reach rows DuckDB has already built
                raise _timed_out(timeout_s, "deadline passed while fetching rows")
            values = [_json_value(value) for value in row]
            size += len(json.dumps(values, ensure_ascii=False).encode())
            if size > MAX_RESULT_BYTES:
                raise _too_large()
            rows.append(values)
    return rows


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
        # PostgreSQL: a server-side cursor, so the driver holds one batch at a time, not the whole answer.
        options = {"no_parameters": True, "stream_results": True, "max_row_buffer": FETCH_BATCH_ROWS}
        try:
            with _deadline(connection, timeout_s) as fired:
                _read_only_transaction(connection, timeout_s)
                result = connection.execution_options(**options).exec_driver_sql(vetted.sql)
                columns = list(result.keys())
                rows = _fetch_rows(result, fired, timeout_s)
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
