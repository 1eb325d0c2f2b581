"""Plan → SQL → rows, one line per case, on a small database made here (SQLite in memory): what each operation
of the plan algebra computes, independent of the published data."""

from datetime import date

import pytest
from sqlalchemy import create_engine, insert, text

from agent.compile import compile_sql
from agent.indicators import IndicatorInfo
from agent.models import PeriodSpec, QueryPlan
from catalog.schema import Area, AreaMembership, Observation

VALUES = {  # indicator, area, year: value ("2030" is a projection)
    ("X", "AAA", 2019): 10, ("X", "AAA", 2020): 12, ("X", "AAA", 2021): 8, ("X", "AAA", 2030): 50,
    ("X", "BBB", 2019): 5, ("X", "BBB", 2020): 6, ("X", "CCC", 2020): 9,
    ("Y", "AAA", 2020): 4, ("Y", "AAA", 2021): 2, ("Y", "BBB", 2020): 1,
}  # fmt: skip


def info(code: str) -> IndicatorInfo:
    return IndicatorInfo(code=code, source_id="s", name_es=code, name_en=code, definition_es="", definition_en="",
                         unit_es="u", unit_en="u", unit_kind="number", unit_symbol=None, unit_multiplier=0, decimals=1,
                         frequency="A", annual_aggregation="none", family=code, measure="total", price_basis=None,
                         currency=None, transform="level", sex="total", age=None, official_for=[], curated=True,
                         notes_es=None, notes_en=None)  # fmt: skip


@pytest.fixture(scope="module")
def engine():
    engine = create_engine("sqlite://")
    tables = [Area.__table__, AreaMembership.__table__, Observation.__table__]
    Area.metadata.create_all(engine, tables=tables)
    with engine.begin() as connection:
        connection.execute(insert(Area.__table__), [
            {"code": code, "kind": kind, "name_es": code, "name_en": code}
            for code, kind in (("AAA", "country"), ("BBB", "country"), ("CCC", "country"), ("GRP", "group"))])
        connection.execute(insert(AreaMembership.__table__),
                           [{"group_code": "GRP", "member_code": code} for code in ("AAA", "BBB", "CCC")])
        connection.execute(insert(Observation.__table__), [
            {"indicator_code": code, "area_code": area, "period": str(year), "sex": "_T", "age": "_T", "year": year,
             "period_start": date(year, 1, 1), "value": value, "source_id": "s",
             "status": "projection" if year > 2025 else "final"} for (code, area, year), value in VALUES.items()])
    return engine


def rows(engine, plan: QueryPlan) -> list[tuple]:
    sql = compile_sql(plan, info(plan.indicator_code), "en", engine.dialect,
                      info(plan.second_indicator_code) if plan.second_indicator_code else None)
    with engine.connect() as connection:
        result = connection.execute(text(sql))
        return [tuple(row) for row in result]


def year(start: int | None = None, end: int | None = None) -> PeriodSpec:
    return PeriodSpec(start=start, end=end if end is not None else start)


GROUP = {"group_code": "GRP", "member_kind": "country"}


@pytest.mark.parametrize(("plan", "columns", "expected"), [
    # the latest is the newest observed value (never the 2030 projection); the earliest the first
    (dict(operation="latest", area_codes=["AAA", "BBB"]), (0, 2, 3), [("AAA", "2021", 8.0), ("BBB", "2020", 6.0)]),
    (dict(operation="latest", area_codes=["AAA", "BBB"], period=PeriodSpec(earliest=True)), (0, 2, 3),
     [("AAA", "2019", 10.0), ("BBB", "2019", 5.0)]),
    # which period: the peak of what happened (the 2030 projection is no peak), per place
    (dict(operation="which_period", area_codes=["AAA"]), (2, 3), [("2020", 12.0)]),
    (dict(operation="which_period", area_codes=["AAA", "BBB"], order="asc"), (0, 2, 3), [("AAA", "2021", 8.0), ("BBB", "2019", 5.0)]),
    (dict(operation="which_period", area_codes=["AAA"], period=year(2021, 2030)), (2, 3), [("2021", 8.0)]),
    # a place's position among the group's members that year, and how many were ranked; then the first one, if another
    (dict(operation="position", area_codes=["BBB"], period=year(2020), **GROUP), (0, 4, 5), [("BBB", 3, 3), ("AAA", 1, 3)]),
    (dict(operation="position", area_codes=["BBB"], period=year(2020), order="asc", **GROUP), (0, 4, 5), [("BBB", 1, 3)]),
    # a count: every member with a value, whether it meets the condition, how many do (zero is an answer)
    (dict(operation="count", threshold=(">", 7), period=year(2020), **GROUP), (0, 4, 5), [("AAA", 1, 2), ("CCC", 1, 2), ("BBB", 0, 2)]),
    (dict(operation="count", threshold=(">", 100), period=year(2020), **GROUP), (5,), [(0,), (0,), (0,)]),
    # two places of one measure; without a period, the newest period both have
    (dict(operation="difference", area_codes=["AAA", "BBB"], period=year(2019)), (0, 2, 5, 8, 9), [("AAA,BBB", "2019", 10.0, 5.0, 5.0)]),
    (dict(operation="difference", area_codes=["AAA", "BBB"]), (2, 9), [("2020", 6.0)]),
    (dict(operation="ratio", area_codes=["AAA", "CCC"]), (2, 9), [("2020", 12 / 9)]),
    # two measures of one place, period by period
    (dict(operation="ratio", area_codes=["AAA"], second_indicator_code="Y", period=year(2020, 2021)), (0, 2, 9),
     [("AAA", "2020", 3.0), ("AAA", "2021", 4.0)]),
    (dict(operation="difference", area_codes=["AAA"], second_indicator_code="Y"), (2, 9), [("2021", 6.0)]),
    # members ranked by one measure minus another (a member without the second has no gap)
    (dict(operation="rank", second_indicator_code="Y", period=year(2020), **GROUP), (0, 3, 4, 5),
     [("AAA", 8.0, 12.0, 4.0), ("BBB", 5.0, 6.0, 1.0)]),  # and the two values of each
    (dict(operation="aggregate", aggregate="avg", second_indicator_code="Y", period=year(2020), **GROUP), (3,), [(6.5,)]),
    # the first period meeting a condition: one row per place
    (dict(operation="first_meeting", area_codes=["AAA", "BBB"], threshold=(">", 5.5), order="asc"), (0, 2), [("AAA", "2019"), ("BBB", "2020")]),
    # a line reached from the side the first value is on: AAA comes down to 9, BBB never climbs to it
    (dict(operation="first_meeting", area_codes=["AAA", "BBB"], threshold=(">=", 9), crossing=True, order="asc"), (0, 2),
     [("AAA", "2021")]),
    (dict(operation="aggregate", aggregate="max", area_codes=["AAA", "BBB"], period=year(2019, 2021)), (0, 2, 3),
     [("AAA", "2020", 12.0), ("BBB", "2020", 6.0)]),
    # one year of several places named: one figure across them ("the combined population of…")
    (dict(operation="aggregate", aggregate="sum", area_codes=["AAA", "BBB"], period=year(2019)), (0, 3, 4),
     [("AAA+BBB", 15.0, 2)]),
])  # fmt: skip
def test_each_operation_computes_its_rows(engine, plan, columns, expected):
    result = rows(engine, QueryPlan(indicator_code="X", **plan))
    rounded = [tuple(round(cell, 6) if isinstance(cell, float) else cell for cell in row) for row in expected]
    assert [tuple(round(row[i], 6) if isinstance(row[i], float) else row[i] for i in columns) for row in result] == rounded
