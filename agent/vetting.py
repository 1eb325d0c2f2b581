"""SQL vetting: only a bounded, read-only SELECT over the statistics tables may reach the database.

The SQL comes from a language model, so it is treated as hostile. It is parsed with sqlglot and put
through ``CHECKS``, an ordered tuple of small pure functions (like sqlglot's optimizer rules), each
refusing with a reason a citizen can read. The raw text is bounded first (``TEXT_CHECKS``), and a tree
too deep for Python's recursion is refused like any other query, so no input escapes as an exception.
Functions, types and tables are allow-listed rather than deny-listed: a new engine feature is refused
until someone decides it is safe. The SQL that runs is sqlglot's regeneration of the checked tree,
never the model's text.
"""

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Iterator
from functools import cache

import sqlglot
from pydantic import BaseModel, ConfigDict, Field
from sqlglot import exp
from sqlglot.errors import SqlglotError
from sqlglot.helper import seq_get
from sqlglot.optimizer.scope import traverse_scope

from catalog.schema import Base
from catalog.views import VIEWS

SQLGLOT_DIALECTS = {"duckdb": "duckdb", "postgresql": "postgres", "sqlite": "sqlite"}

# Signs what vet() returns, so the executor can tell its output from a hand-made VettedSql.
_SEAL_KEY = secrets.token_bytes(32)


class SqlRefused(Exception):
    """The query may not run; the reasons are shown to the person who asked."""

    def __init__(self, check: str, reason_es: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.check = check
        self.reason_es = reason_es
        self.reason_en = reason_en


class VettedSql(BaseModel):
    """SQL that passed every check, sealed by vet() so nothing else can be swapped in on the way to the executor."""

    model_config = ConfigDict(frozen=True)

    sql: str
    dialect: str  # SQLAlchemy dialect name: duckdb, postgresql or sqlite
    tables: list[str]
    limit: int
    capped: bool  # vet() added or lowered the LIMIT, so `limit` rows may be a cut of a longer answer
    seal: str = Field(default="", repr=False)


def _seal(vetted: VettedSql) -> str:
    content = vetted.model_dump_json(exclude={"seal"}).encode()
    return hmac.new(_SEAL_KEY, content, hashlib.sha256).hexdigest()


def is_sealed(vetted: VettedSql) -> bool:
    """True only for a VettedSql that vet() returned in this process, unchanged."""
    return hmac.compare_digest(vetted.seal, _seal(vetted))


class VettingContext(BaseModel):
    """What the checks compare against: the catalog's tables and views with their columns."""

    model_config = ConfigDict(frozen=True)

    dialect: str  # sqlglot dialect name
    columns: dict[str, frozenset[str]]


Check = Callable[[exp.Expression, VettingContext], None]
TextCheck = Callable[[str], None]


# Allow-lists -------------------------------------------------------------------------------------

# Functions a statistics question needs; anything else (file, network, system, session) is refused.
ALLOWED_FUNCTIONS: tuple[type[exp.Func], ...] = (
    # aggregates
    exp.Count, exp.Sum, exp.Avg, exp.Min, exp.Max, exp.Median, exp.Stddev, exp.StddevPop, exp.StddevSamp,
    exp.Variance, exp.VariancePop, exp.PercentileCont, exp.PercentileDisc, exp.Quantile, exp.ApproxQuantile,
    exp.Corr, exp.CovarPop, exp.CovarSamp, exp.RegrSlope, exp.RegrIntercept, exp.RegrR2, exp.ArgMax, exp.ArgMin,
    exp.AnyValue, exp.LogicalAnd, exp.LogicalOr, exp.GroupConcat, exp.ArrayAgg, exp.CountIf, exp.First, exp.Last,
    exp.ApproxDistinct,
    # operators sqlglot models as functions
    exp.And, exp.Or, exp.Xor, exp.Exists, exp.Collate,
    # math and rounding
    exp.Abs, exp.Ceil, exp.Floor, exp.Round, exp.Trunc, exp.Sqrt, exp.Cbrt, exp.Pow, exp.Exp, exp.Ln, exp.Log,
    exp.Sign, exp.Greatest, exp.Least, exp.SafeDivide,
    # nulls, conditions, casts
    exp.Coalesce, exp.Nullif, exp.Case, exp.If, exp.Cast, exp.TryCast,
    # strings
    exp.Lower, exp.Upper, exp.Length, exp.Substring, exp.Trim, exp.Concat, exp.ConcatWs, exp.Replace, exp.Left,
    exp.Right, exp.StrPosition, exp.SplitPart, exp.Pad, exp.RegexpReplace, exp.RegexpLike, exp.RegexpILike,
    exp.RegexpExtract, exp.Reverse, exp.StartsWith, exp.EndsWith, exp.Contains,
    # dates
    exp.Extract, exp.DateTrunc, exp.TimestampTrunc, exp.DateDiff, exp.DateAdd, exp.DateSub, exp.TsOrDsAdd,
    exp.CurrentDate, exp.CurrentTimestamp, exp.Year, exp.Month, exp.Quarter, exp.Day, exp.DayOfWeek,
    exp.TimeToStr, exp.ToChar, exp.StrToDate, exp.StrToTime, exp.DateFromParts, exp.TsOrDsToDate,
    exp.TsOrDsToTimestamp, exp.Date,
    # window functions
    exp.RowNumber, exp.Rank, exp.DenseRank, exp.Ntile, exp.PercentRank, exp.CumeDist, exp.Lag, exp.Lead,
    exp.FirstValue, exp.LastValue, exp.NthValue,
)  # fmt: skip

# Functions sqlglot does not model (it parses them as ``Anonymous``), by name.
ALLOWED_FUNCTION_NAMES = frozenset({
    "date_part", "datepart", "age", "make_date", "strftime", "julianday", "datetime", "printf", "format",
    "log2", "log10", "mode", "nullifzero",
})  # fmt: skip

# Anything that reads or writes outside the database, or runs SQL given as a string.
FILE_OR_NETWORK_FUNCTION = re.compile(
    r"^(read_\w*|\w*_scan|glob|sniff_csv|query|query_table|http\w*|pg_read\w*|pg_ls_\w*|pg_stat_file|lo_\w+"
    r"|dblink\w*|load_extension|readfile|writefile|fsdir|edit|parquet_\w*)$"
)
# Any identifier or function so named is refused: catalogs and settings, session keywords that read as
# columns (``SELECT user AS user``), and the hidden row columns of each engine.
SYSTEM_NAME = re.compile(
    r"^(information_schema|pg_\w*|sqlite_\w*|duckdb_\w*|pragma_\w*|current_setting|set_config|getenv|getvariable"
    r"|user|current_user|session_user|system_user|current_role|current_catalog|current_schema"
    r"|oid|tableoid|ctid|xmin|xmax|cmin|cmax|rowid|_rowid_)$"
)

# Casts only to plain numbers, text, dates and truth values. PostgreSQL's reg* and oid types turn a
# number or a string into the name of a system table, role or function, so they are never allowed.
ALLOWED_TYPES = frozenset({
    exp.DataType.Type.SMALLINT, exp.DataType.Type.INT, exp.DataType.Type.BIGINT, exp.DataType.Type.TINYINT,
    exp.DataType.Type.DECIMAL, exp.DataType.Type.FLOAT, exp.DataType.Type.DOUBLE, exp.DataType.Type.BOOLEAN,
    exp.DataType.Type.CHAR, exp.DataType.Type.BPCHAR, exp.DataType.Type.VARCHAR, exp.DataType.Type.TEXT,
    exp.DataType.Type.DATE, exp.DataType.Type.TIME, exp.DataType.Type.DATETIME, exp.DataType.Type.TIMESTAMP,
    exp.DataType.Type.TIMESTAMPNTZ, exp.DataType.Type.TIMESTAMPTZ, exp.DataType.Type.INTERVAL,
})  # fmt: skip

# Bounds on the SQL text and on text a query may build. DuckDB builds a whole answer before the executor
# sees its first byte, so ``lpad('x', 1000000, 'y')`` has to be stopped here, not while fetching.
MAX_SQL_CHARS = 10_000
MAX_TEXT_WIDTH = 1_000  # characters a pad, a CHAR(n) or a numeric precision may ask for
MAX_REPLACEMENT_CHARS = 100
FORMAT_WIDTH = re.compile(r"%[^a-zA-Z%]*?(\*|\d{3,})")  # printf widths from an argument or of 100 and more
# NUL and other control characters, broken UTF-16 halves, and the invisible or direction-changing
# characters that can make the text a person reviews differ from the text that runs.
HIDDEN_CHARACTER = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)

# Statements and clauses that change data, the schema, the session or the files around it.
FORBIDDEN_NODES: tuple[type[exp.Expression], ...] = (
    exp.DML, exp.DDL, exp.Drop, exp.Alter, exp.TruncateTable, exp.Pragma, exp.Attach, exp.Detach, exp.Install,
    exp.Set, exp.Command, exp.Export, exp.Grant, exp.Revoke, exp.Use, exp.Describe, exp.Summarize, exp.Show,
    exp.Analyze, exp.Transaction, exp.Commit, exp.Rollback, exp.LoadData, exp.Refresh, exp.Cache, exp.Uncache,
    exp.Kill, exp.Comment, exp.Declare, exp.Execute, exp.Lock,
)  # fmt: skip


@cache
def catalog_columns() -> dict[str, frozenset[str]]:
    """Each table and view a query may read, with its columns (views' columns from their own SQL)."""
    columns = {name: frozenset(table.columns.keys()) for name, table in Base.metadata.tables.items()}
    for name, sql in VIEWS.items():
        columns[name] = frozenset(select.alias_or_name for select in sqlglot.parse_one(sql).selects)
    return columns


# Checks on the text, before parsing -----------------------------------------------------------------


def short_text(sql: str) -> None:
    """Parsing time and depth grow with the text; no statistics question needs a longer query."""
    if len(sql) > MAX_SQL_CHARS:
        raise SqlRefused(
            "short_text",
            f"La consulta es demasiado larga (más de {MAX_SQL_CHARS} caracteres).",
            f"The query is too long (over {MAX_SQL_CHARS:,} characters).",
        )


def plain_text(sql: str) -> None:
    """Drivers fail on NUL bytes and broken Unicode, and hidden characters mislead whoever reads the query."""
    if HIDDEN_CHARACTER.search(sql):
        raise SqlRefused(
            "plain_text",
            "La consulta contiene caracteres de control o invisibles; escríbala solo con texto visible.",
            "The query contains control or invisible characters; write it with visible text only.",
        )


TEXT_CHECKS: tuple[TextCheck, ...] = (short_text, plain_text)


# Checks on the tree ------------------------------------------------------------------------------


def _functions(tree: exp.Expression) -> Iterator[tuple[exp.Func, str]]:
    for node in tree.find_all(exp.Func):
        yield node, (node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower()


def select_only(tree: exp.Expression, context: VettingContext) -> None:
    if not isinstance(tree, (exp.Select, exp.SetOperation)):
        raise SqlRefused(
            "select_only",
            "Cifra solo ejecuta consultas de lectura (SELECT).",
            "Cifra only runs read queries (SELECT).",
        )


def no_writes(tree: exp.Expression, context: VettingContext) -> None:
    if next(tree.find_all(*FORBIDDEN_NODES), None) is not None:
        raise SqlRefused(
            "no_writes",
            "La consulta intenta modificar datos o la base de datos; Cifra solo lee.",
            "The query tries to change data or the database; Cifra only reads.",
        )


def no_select_into(tree: exp.Expression, context: VettingContext) -> None:
    if next(tree.find_all(exp.Into), None) is not None:
        raise SqlRefused(
            "no_select_into",
            "La consulta intenta guardar resultados en una tabla nueva; Cifra solo lee.",
            "The query tries to save results into a new table; Cifra only reads.",
        )


def no_recursion(tree: exp.Expression, context: VettingContext) -> None:
    """Area memberships are stored transitively, so no question needs a recursive query that may never end."""
    if any(with_.args.get("recursive") for with_ in tree.find_all(exp.With)):
        raise SqlRefused(
            "no_recursion",
            "La consulta es recursiva y podría no terminar; Cifra no ejecuta consultas recursivas.",
            "The query is recursive and might never finish; Cifra does not run recursive queries.",
        )


def no_files_or_network(tree: exp.Expression, context: VettingContext) -> None:
    reads_file = any(FILE_OR_NETWORK_FUNCTION.match(name) for _, name in _functions(tree)) or any(
        re.search(r"[/\\:.]", table.name) for table in tree.find_all(exp.Table)  # DuckDB: FROM '/etc/passwd'
    )
    if reads_file:
        raise SqlRefused(
            "no_files_or_network",
            "La consulta intenta leer archivos o conectarse a otros servidores; Cifra solo consulta sus estadísticas.",
            "The query tries to read files or reach other servers; Cifra only queries its statistics.",
        )


def no_system_catalogs(tree: exp.Expression, context: VettingContext) -> None:
    """Every name counts, not only tables: a schema before a function, or a column such as ``user`` or ``ctid``."""
    names = [identifier.name.lower() for identifier in tree.find_all(exp.Identifier)]
    names += [name for _, name in _functions(tree)]
    if any(SYSTEM_NAME.match(name) for name in names):
        raise SqlRefused(
            "no_system_catalogs",
            "La consulta usa tablas, funciones o ajustes internos de la base de datos; Cifra solo lee estadísticas.",
            "The query uses the database's internal tables, functions or settings; Cifra only reads its statistics.",
        )


def allowed_functions(tree: exp.Expression, context: VettingContext) -> None:
    for node, name in _functions(tree):
        modelled = not isinstance(node, exp.Anonymous)
        if not (isinstance(node, ALLOWED_FUNCTIONS) if modelled else name in ALLOWED_FUNCTION_NAMES):
            raise SqlRefused(
                "allowed_functions",
                f"La consulta usa una función que Cifra no permite: {name}.",
                f"The query uses a function Cifra does not allow: {name}.",
            )


def allowed_types(tree: exp.Expression, context: VettingContext) -> None:
    for data_type in tree.find_all(exp.DataType):
        if data_type.this not in ALLOWED_TYPES:
            raise SqlRefused(
                "allowed_types",
                f"La consulta convierte a un tipo que Cifra no permite: {data_type.sql(context.dialect)}.",
                f"The query converts to a type Cifra does not allow: {data_type.sql(context.dialect)}.",
            )


def _small_number(node: exp.Expression | None) -> bool:
    return isinstance(node, exp.Literal) and node.is_int and int(node.this) <= MAX_TEXT_WIDTH


def _short_string(node: exp.Expression | None) -> bool:
    return isinstance(node, exp.Literal) and node.is_string and len(node.this) <= MAX_REPLACEMENT_CHARS


def _narrow_format(node: exp.Expression | None) -> bool:
    return isinstance(node, exp.Literal) and node.is_string and not FORMAT_WIDTH.search(node.this)


def _text_size_is_small(node: exp.Expression) -> bool:
    """Whether a node that sets the length of the text it builds asks for a small, literal length."""
    if isinstance(node, exp.Pad):
        return _small_number(node.expression)
    if isinstance(node, exp.DataTypeParam):
        return _small_number(node.this)
    if isinstance(node, (exp.Replace, exp.RegexpReplace)):
        return _short_string(node.args.get("replacement") or exp.Literal.string(""))
    if isinstance(node, exp.Format):
        return _narrow_format(node.this)
    if isinstance(node, exp.Anonymous) and node.name.lower() in ("printf", "format"):
        return _narrow_format(seq_get(node.expressions, 0))
    return True


def bounded_text(tree: exp.Expression, context: VettingContext) -> None:
    """Padding, printf widths, CHAR(n) and replacements may only grow text by small, literal amounts."""
    if not all(_text_size_is_small(node) for node in tree.find_all(exp.Func, exp.DataTypeParam)):
        raise SqlRefused(
            "bounded_text",
            f"La consulta construye textos que pueden ser enormes; use largos fijos de hasta {MAX_TEXT_WIDTH} "
            "caracteres.",
            f"The query builds text that may be huge; use fixed lengths of at most {MAX_TEXT_WIDTH:,} characters.",
        )


def _stored_tables(tree: exp.Expression) -> list[exp.Table]:
    """Table references that are not the query's own CTEs; sqlglot's scopes tell which CTE a name means."""
    ctes = {id(table) for scope in traverse_scope(tree) for table in scope.tables if table.name in scope.cte_sources}
    return [table for table in tree.find_all(exp.Table) if id(table) not in ctes]


def allowed_tables(tree: exp.Expression, context: VettingContext) -> None:
    for table in _stored_tables(tree):
        if not isinstance(table.this, exp.Identifier):
            raise SqlRefused(
                "allowed_tables",
                "La consulta lee de una función en lugar de una tabla; Cifra solo lee sus tablas de estadísticas.",
                "The query reads from a function instead of a table; Cifra only reads its statistics tables.",
            )
        if table.db or table.catalog or table.name.lower() not in context.columns:
            raise SqlRefused(
                "allowed_tables",
                f"La consulta usa una tabla que Cifra no tiene: {table.sql(context.dialect)}.",
                f"The query uses a table Cifra does not have: {table.sql(context.dialect)}.",
            )


def known_columns(tree: exp.Expression, context: VettingContext) -> None:
    """Columns exist in the catalog or are named by the query itself (aliases, CTE column lists)."""
    names = set().union(*context.columns.values())
    names.update(alias.alias.lower() for alias in tree.find_all(exp.Alias))
    table_aliases = list(tree.find_all(exp.TableAlias))
    names.update(column.name.lower() for alias in table_aliases for column in alias.columns)
    qualifiers = set(context.columns) | {alias.name.lower() for alias in table_aliases}
    for column in tree.find_all(exp.Column):
        if isinstance(column.this, exp.Star):
            known = column.table.lower() in qualifiers
        else:
            known = column.name.lower() in names and (not column.table or column.table.lower() in qualifiers)
        if not known or column.args.get("db") or column.args.get("catalog"):
            raise SqlRefused(
                "known_columns",
                f"La consulta usa una columna que no existe: {column.sql(context.dialect)}.",
                f"The query uses a column that does not exist: {column.sql(context.dialect)}.",
            )


def plain_limit(tree: exp.Expression, context: VettingContext) -> None:
    """Only a whole-number LIMIT can be compared with the cap (no percent, no WITH TIES, no expression)."""
    _requested_limit(tree)


CHECKS: tuple[Check, ...] = (
    select_only,
    no_writes,
    no_select_into,
    no_recursion,
    no_files_or_network,
    no_system_catalogs,
    allowed_functions,
    allowed_types,
    bounded_text,
    allowed_tables,
    known_columns,
    plain_limit,
)


def _requested_limit(tree: exp.Expression) -> int | None:
    """The outer LIMIT (or FETCH FIRST) as a number, None when absent."""
    limit = tree.args.get("limit")
    if limit is None:
        return None
    value = limit.args.get("count") if isinstance(limit, exp.Fetch) else limit.expression
    options = limit.args.get("limit_options")
    fancy = options is not None and (options.args.get("percent") or options.args.get("with_ties"))
    if fancy or not isinstance(value, exp.Literal) or value.is_string or not value.is_int:
        raise SqlRefused(
            "plain_limit",
            "El límite de filas de la consulta debe ser un número entero.",
            "The query's row limit must be a whole number.",
        )
    return int(value.this)


# Entry point -------------------------------------------------------------------------------------


def _parse(sql: str, dialect: str) -> exp.Expression:
    try:
        statements = [statement for statement in sqlglot.parse(sql, read=dialect) if statement is not None]
    except RecursionError:
        raise  # vet() refuses it as too deeply nested
    except Exception:  # SqlglotError, and the parser's own slips on odd input (IndexError on DuckDB's SHOW ALL)
        raise SqlRefused(
            "parses",
            "La consulta SQL no se pudo entender (error de sintaxis).",
            "The SQL query could not be understood (syntax error).",
        ) from None
    if len(statements) != 1:
        raise SqlRefused(
            "one_statement",
            "Cifra ejecuta exactamente una consulta a la vez.",
            "Cifra runs exactly one query at a time.",
        )
    return statements[0]


def vet(sql: str, dialect: str, max_rows: int = 1000) -> VettedSql:
    """Check ``sql`` (written for the SQLAlchemy ``dialect``) and return it regenerated, with LIMIT ≤ max_rows.

    Whatever ``sql`` holds, the only exception is SqlRefused (ValueError only for a wrong dialect or max_rows).
    """
    if dialect not in SQLGLOT_DIALECTS:
        raise ValueError(f"no vetting for SQL dialect {dialect!r}; known: {sorted(SQLGLOT_DIALECTS)}")
    if max_rows < 1:
        raise ValueError("max_rows must be at least 1")
    for text_check in TEXT_CHECKS:
        text_check(sql)
    context = VettingContext(dialect=SQLGLOT_DIALECTS[dialect], columns=catalog_columns())
    try:
        return _vet_tree(_parse(sql, context.dialect), context, dialect, max_rows)
    except RecursionError:  # sqlglot parses, walks and writes trees recursively
        raise SqlRefused(
            "nesting",
            "La consulta está anidada a demasiada profundidad para verificarla.",
            "The query is nested too deeply to be checked.",
        ) from None


def _vet_tree(tree: exp.Expression, context: VettingContext, dialect: str, max_rows: int) -> VettedSql:
    """Run every check on the parsed query, then seal its regeneration with the row limit applied."""
    for check in CHECKS:
        try:
            check(tree, context)
        except SqlglotError:  # sqlglot could not analyse the query (e.g. its scopes): refuse, do not guess
            raise SqlRefused(
                check.__name__,
                "Cifra no pudo verificar esta consulta SQL.",
                "Cifra could not check this SQL query.",
            ) from None
    requested = _requested_limit(tree)
    limit = max_rows if requested is None else min(requested, max_rows)
    tables = {table.name.lower() for table in _stored_tables(tree)}
    vetted = VettedSql(
        sql=tree.limit(limit, copy=False).sql(dialect=context.dialect, comments=False),  # the tree is ours
        dialect=dialect,
        tables=sorted(tables),
        limit=limit,
        capped=requested is None or requested > max_rows,
    )
    return vetted.model_copy(update={"seal": _seal(vetted)})
