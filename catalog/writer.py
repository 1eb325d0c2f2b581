"""Replaces the database content in one transaction, with each engine's fast bulk path.

Row-by-row ``executemany`` takes minutes for millions of rows on DuckDB and PostgreSQL, so DuckDB
inserts from an Arrow table and PostgreSQL uses ``COPY``; SQLite's ``executemany`` is already fast.
"""

from collections.abc import Sequence

import pyarrow as pa
from sqlalchemy import Connection, Engine, Table, insert

from catalog.schema import Base
from catalog.views import create_views, drop_views


def _insert_duckdb(connection: Connection, table: Table, rows: Sequence[tuple]) -> None:
    columns = [column.name for column in table.columns]
    arrow = pa.table(dict(zip(columns, (list(values) for values in zip(*rows)))))
    connection.connection.dbapi_connection.from_arrow(arrow).insert_into(table.name)


def _insert_postgresql(connection: Connection, table: Table, rows: Sequence[tuple]) -> None:
    columns = ", ".join(column.name for column in table.columns)
    cursor = connection.connection.dbapi_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _insert_generic(connection: Connection, table: Table, rows: Sequence[tuple]) -> None:
    names = [column.name for column in table.columns]
    connection.execute(insert(table), [dict(zip(names, row)) for row in rows])


BULK_INSERTERS = {"duckdb": _insert_duckdb, "postgresql": _insert_postgresql}


def replace_all(engine: Engine, content: dict[str, Sequence[tuple]]) -> None:
    """Drop and recreate every table, then insert ``content`` (table name -> rows in column order).

    All of it happens in one transaction: a failure leaves the previous database as it was.
    """
    inserter = BULK_INSERTERS.get(engine.dialect.name, _insert_generic)
    with engine.begin() as connection:
        drop_views(connection)
        Base.metadata.drop_all(connection)
        Base.metadata.create_all(connection)
        for table in Base.metadata.sorted_tables:
            rows = content.get(table.name, ())
            if rows:
                inserter(connection, table, rows)
        create_views(connection)
