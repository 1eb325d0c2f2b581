"""Stage 3, compile: a ``QueryPlan`` becomes one SELECT, written by SQLAlchemy Core for the engine's dialect.

The SQL text produced here (with its literal values) is what is vetted, shown to the user and run:
an analyst can copy it and get the same rows. Every query returns the columns ``area``,
``area_name``, ``period`` and ``value`` (plus operation-specific ones), so the answer stage reads
them uniformly.
"""

from datetime import date

from sqlalchemy import Select, String, cast, func, literal, select
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ColumnElement

from agent.indicators import IndicatorInfo
from agent.models import Language, Operation, PeriodSpec, QueryPlan
from catalog.schema import Area, AreaMembership, Observation

DEFAULT_RANK_SIZE = 10
RANK_COVERAGE = 0.5
PERIODS_PER_YEAR = {"Q": 4, "M": 12, "D": 365}  # a yearly sum needs the whole year: 3 quarters are not a year  # a ranking's default year is the latest one with values for half the members

o = Observation.__table__.alias("o")
a = Area.__table__.alias("a")
m = AreaMembership.__table__.alias("m")


def _totals(code: str) -> list[ColumnElement]:
    return [o.c.indicator_code == code, o.c.sex == "_T", o.c.age == "_T"]


def _area_name(language: Language) -> ColumnElement:
    return (a.c.name_es if language == "es" else a.c.name_en).label("area_name")


def _period_filter(period: PeriodSpec, plan: QueryPlan) -> list[ColumnElement]:
    conditions: list[ColumnElement] = []
    if period.month and period.start:
        conditions.append(o.c.period == f"{period.start:04d}-{period.month:02d}")
    elif period.quarter and period.start:
        months = [f"{period.start:04d}-{month:02d}" for month in range(3 * period.quarter - 2, 3 * period.quarter + 1)]
        conditions.append(o.c.period.in_([f"{period.start:04d}-Q{period.quarter}", *months]))
    else:
        if period.start is not None:
            conditions.append(o.c.year >= period.start)
        if period.end is not None:
            conditions.append(o.c.year <= period.end)
    if period.last_n_years:
        inner = Observation.__table__.alias("latest")
        last_year = select(func.max(inner.c.year)).where(
            inner.c.indicator_code == plan.indicator_code, inner.c.area_code.in_(plan.area_codes)
        ).scalar_subquery()
        conditions.append(o.c.year > last_year - period.last_n_years)
    return conditions


def _latest_start(plan: QueryPlan) -> ColumnElement:
    """The newest period that has begun (today is written into the SQL, so it reruns the same): a projection
    for 2035 is not "the latest figure"; the current year's is, and the answer says it is a projection. A series
    with only future periods gives its first one."""
    inner = Observation.__table__.alias("newest")
    same_series = (inner.c.indicator_code == plan.indicator_code, inner.c.area_code == o.c.area_code,
                   inner.c.sex == "_T", inner.c.age == "_T")
    begun = select(func.max(inner.c.period_start)).where(*same_series, inner.c.period_start <= date.today())
    first = select(func.min(inner.c.period_start)).where(*same_series)
    return func.coalesce(begun.scalar_subquery(), first.scalar_subquery())


def _from_areas() -> Select:
    return a.join(o, a.c.code == o.c.area_code)


def _rows(plan: QueryPlan, info: IndicatorInfo, language: Language, annual_average: bool) -> Select:
    """Values per area and period (VALUE, SERIES, LATEST), or yearly figures for sub-annual series."""
    where = [*_totals(plan.indicator_code), o.c.area_code.in_(plan.area_codes), *_period_filter(plan.period, plan)]
    if plan.operation == Operation.LATEST:
        where.append(o.c.period_start == _latest_start(plan))
    if annual_average:
        period = cast(o.c.year, String).label("period")
        combine = func.sum if info.annual_aggregation == "sum" else func.avg
        return (
            select(o.c.area_code.label("area"), _area_name(language), period, combine(o.c.value).label("value"),
                   func.count().label("observations"))
            .select_from(_from_areas()).where(*where)
            .group_by(o.c.area_code, a.c.name_es, a.c.name_en, o.c.year)
            .having(func.count() == PERIODS_PER_YEAR[info.frequency] if combine is func.sum else literal(True))
            .order_by(o.c.area_code, o.c.year)
        )  # fmt: skip
    return (
        select(o.c.area_code.label("area"), _area_name(language), o.c.period, o.c.value, o.c.status)
        .select_from(_from_areas()).where(*where).order_by(o.c.area_code, o.c.period_start)
    )  # fmt: skip


def _members(plan: QueryPlan) -> list[ColumnElement]:
    """Areas of the plan's member kind (the planner always sets it for rankings and group aggregates)."""
    conditions = [a.c.kind == plan.member_kind]
    if plan.group_code:
        members = select(m.c.member_code).where(m.c.group_code == plan.group_code)
        conditions.append(o.c.area_code.in_(members))
    return conditions


def _rank(plan: QueryPlan, language: Language) -> Select:
    where = [*_totals(plan.indicator_code), *_members(plan)]
    if plan.period.start is not None:
        where.append(o.c.year == (plan.period.end or plan.period.start))
    else:
        counts = (select(o.c.year.label("year"), func.count().label("n")).select_from(_from_areas())
                  .where(*_totals(plan.indicator_code), *_members(plan)).group_by(o.c.year).subquery("per_year"))
        best_year = select(func.max(counts.c.year)).where(
            counts.c.n >= select(func.max(counts.c.n)).scalar_subquery() * RANK_COVERAGE
        ).scalar_subquery()
        where.append(o.c.year == best_year)
    order = o.c.value.desc() if plan.order == "desc" else o.c.value.asc()
    chile = (plan.member_kind or "").startswith("cl_")  # "las regiones de Chile": all of them; countries: a top ten
    limit = plan.top_n or (None if chile else DEFAULT_RANK_SIZE)
    query = (select(o.c.area_code.label("area"), _area_name(language), o.c.period, o.c.value)
             .select_from(_from_areas()).where(*where).order_by(order, o.c.area_code))
    return query.limit(limit) if limit else query


def _yearly(plan: QueryPlan, info: IndicatorInfo, year: int, name: str):
    """One figure per area for one year: the value of an annual series, else the year's mean or sum."""
    combine = func.sum if info.annual_aggregation == "sum" else func.avg
    query = (select(o.c.area_code.label("area"), combine(o.c.value).label("value"))
             .where(*_totals(plan.indicator_code), o.c.area_code.in_(plan.area_codes), o.c.year == year)
             .group_by(o.c.area_code))  # fmt: skip
    if combine is func.sum and info.frequency in PERIODS_PER_YEAR:
        query = query.having(func.count() == PERIODS_PER_YEAR[info.frequency])
    return query.subquery(name)


def _change(plan: QueryPlan, info: IndicatorInfo, language: Language) -> Select:
    start, end = _yearly(plan, info, plan.period.start, "first_year"), _yearly(plan, info, plan.period.end, "last_year")
    return (
        select(a.c.code.label("area"), _area_name(language), literal(f"{plan.period.start}..{plan.period.end}").label("period"),
               start.c.value.label("start_value"), end.c.value.label("end_value"),
               (end.c.value - start.c.value).label("value"),
               ((end.c.value - start.c.value) * 100.0 / func.abs(start.c.value)).label("change_pct"))
        .select_from(a.join(start, start.c.area == a.c.code).join(end, end.c.area == a.c.code))
        .order_by(a.c.code)
    )  # fmt: skip


def _aggregate(plan: QueryPlan, language: Language) -> Select:
    function = {"avg": func.avg, "sum": func.sum, "min": func.min, "max": func.max}[plan.aggregate or "avg"]
    if plan.aggregate in ("min", "max") and not plan.group_code:
        order = o.c.value.desc() if plan.aggregate == "max" else o.c.value.asc()
        where = [*_totals(plan.indicator_code), o.c.area_code.in_(plan.area_codes), *_period_filter(plan.period, plan)]
        return (select(o.c.area_code.label("area"), _area_name(language), o.c.period, o.c.value)
                .select_from(_from_areas()).where(*where).order_by(order, o.c.period_start).limit(1))
    period = (func.min(o.c.period) + literal("..") + func.max(o.c.period)).label("period")
    if plan.group_code:
        where = [*_totals(plan.indicator_code), *_members(plan), *_period_filter(plan.period, plan)]
        area_code, area_name = literal(plan.group_code).label("area"), literal(plan.group_code).label("area_name")
        group_by = []
    else:
        where = [*_totals(plan.indicator_code), o.c.area_code.in_(plan.area_codes), *_period_filter(plan.period, plan)]
        area_code, area_name = o.c.area_code.label("area"), _area_name(language)
        group_by = [o.c.area_code, a.c.name_es, a.c.name_en]
    return (select(area_code, area_name, period, function(o.c.value).label("value"), func.count().label("observations"))
            .select_from(_from_areas()).where(*where).group_by(*group_by))


def _first_meeting(plan: QueryPlan, language: Language) -> Select:
    comparator, threshold = plan.threshold
    condition = {">": o.c.value > threshold, ">=": o.c.value >= threshold,
                 "<": o.c.value < threshold, "<=": o.c.value <= threshold}[comparator]  # fmt: skip
    order = o.c.period_start.asc() if plan.order == "asc" else o.c.period_start.desc()
    where = [*_totals(plan.indicator_code), o.c.area_code.in_(plan.area_codes), condition, *_period_filter(plan.period, plan)]
    return (select(o.c.area_code.label("area"), _area_name(language), o.c.period, o.c.value)
            .select_from(_from_areas()).where(*where).order_by(order).limit(max(1, len(plan.area_codes))))


def uses_annual_average(plan: QueryPlan, info: IndicatorInfo) -> bool:
    """A sub-annual series asked for whole years is answered per year: the mean of a rate (INE's annual
    unemployment) or the sum of a flow (GDP), as the indicator's metadata says."""
    period = plan.period
    return (info.frequency != "A" and info.annual_aggregation != "none" and not plan.per_period and plan.operation in (Operation.VALUE, Operation.SERIES)
            and not period.month and not period.quarter and not period.latest)  # fmt: skip


def build_query(plan: QueryPlan, info: IndicatorInfo, language: Language) -> Select:
    if plan.operation == Operation.RANK:
        return _rank(plan, language)
    if plan.operation == Operation.CHANGE:
        return _change(plan, info, language)
    if plan.operation == Operation.AGGREGATE:
        return _aggregate(plan, language)
    if plan.operation == Operation.FIRST_MEETING:
        return _first_meeting(plan, language)
    return _rows(plan, info, language, uses_annual_average(plan, info))


def compile_sql(plan: QueryPlan, info: IndicatorInfo, language: Language, dialect: Dialect) -> str:
    """The plan's SELECT as literal SQL for ``dialect``: what is vetted, shown and run."""
    query = build_query(plan, info, language)
    return str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
