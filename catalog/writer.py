"""Replaces the database content in one transaction, with each engine's fast bulk path.

Row-by-row ``executemany`` takes minutes for millions of rows on DuckDB and PostgreSQL, so DuckDB
inserts from an Arrow table and PostgreSQL uses ``COPY``; SQLite's ``executemany`` is already fast.
On PostgreSQL the same transaction grants ``READER_ROLE`` read access to the new tables and views.
"""

from collections.abc import Sequence

from sqlalchemy import Connection, Engine, Table, insert

from catalog.schema import Base
from catalog.views import VIEWS, create_views, drop_views

# The PostgreSQL role the executor reads as (``agent.executor.read_only_engine``).
READER_ROLE = "cifra_reader"


def _insert_duckdb(connection: Connection, table: Table, rows: Sequence[tuple]) -> None:
    import pyarrow as pa  # only DuckDB builds need it, and the executor imports this module for READER_ROLE

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


def _grant_reader(connection: Connection) -> None:
    """Let READER_ROLE (NOLOGIN, taken with SET ROLE) SELECT Cifra's tables and views, and nothing more.

    A new role holds only what PUBLIC holds, so PostgreSQL refuses it writes, superuser-only tables
    such as ``pg_authid`` and the file functions. Creating the role needs CREATEROLE: a builder without
    it, and without the role already there, grants nothing and the executor reads as the URL's user.
    """
    exists = connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(role)s", {"role": READER_ROLE})
    if exists.first() is None:
        may_create = connection.exec_driver_sql(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
        ).scalar_one()
        if not may_create:
            return
        connection.exec_driver_sql(f"CREATE ROLE {READER_ROLE} NOLOGIN")
        connection.exec_driver_sql(f"GRANT {READER_ROLE} TO CURRENT_USER")  # lets the builder's sessions SET ROLE
    connection.exec_driver_sql(f"GRANT SELECT ON {', '.join([*Base.metadata.tables, *VIEWS])} TO {READER_ROLE}")


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
        if engine.dialect.name == "postgresql":
            _grant_reader(connection)
