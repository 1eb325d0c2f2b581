"""Stage 3, compile: a ``QueryPlan`` becomes one SELECT, written by SQLAlchemy Core for the engine's dialect.

The SQL text produced here (with its literal values) is what is vetted, shown to the user and run:
an analyst can copy it and get the same rows. Every query returns the columns ``area``,
``area_name``, ``period`` and ``value`` (plus operation-specific ones), so the answer stage reads
them uniformly.
"""

from collections.abc import Callable
from datetime import date

from sqlalchemy import FromClause, Integer, Select, String, and_, case, or_, cast, extract, func, literal, select
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ColumnElement

from agent.indicators import IndicatorInfo
from agent.models import TWO_OPERANDS, Language, Operation, QueryPlan
from catalog.schema import Area, AreaMembership, Observation

DEFAULT_RANK_SIZE = 10
AGGREGATES = {"avg": func.avg, "sum": func.sum, "min": func.min, "max": func.max}
RANK_COVERAGE = 0.5  # a ranking's default year is the latest one with values for half the members
PERIODS_PER_YEAR = {"Q": 4, "M": 12, "D": 365}  # a yearly sum needs the whole year: 3 quarters are not a year
FINAL_PERIOD = {"A": "", "Q": "-Q4", "M": "-12"}  # how the code of a year's last period ends: 2019-12, 2019-Q4
SUM, AVG = func.sum, func.avg  # how a year is made of its periods; ``func.sum`` is a new object at each access

a = Area.__table__.alias("a")
m = AreaMembership.__table__.alias("m")


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _quarter_days(year: int, quarter: int) -> tuple[date, date]:
    """The quarter's first day and the next quarter's: its months, days or the quarterly value all start within."""
    first = date(year, 3 * quarter - 2, 1)
    return first, _next_month(_next_month(_next_month(first)))


OPERANDS = ("first_value", "second_value")  # the two values a gap between two series is computed from


def _derived(info: IndicatorInfo, name: str, base, value: ColumnElement, joined: FromClause,
             operands: tuple[ColumnElement, ...] = ()) -> FromClause:
    """A derived measure's rows: the base series' keys with a computed value, named like observations (and, for
    one series against another, the two values it was computed from)."""
    return (
        select(literal(info.code).label("indicator_code"), base.c.area_code, base.c.period, base.c.sex, base.c.age,
               base.c.year, base.c.period_start, value.label("value"), base.c.status,
               *(operand.label(label) for operand, label in zip(operands, OPERANDS)))
        .select_from(joined).where(base.c.indicator_code == info.derived_from)
        .subquery(name)
    )  # fmt: skip


def _with_other(info: IndicatorInfo, name: str, combine: Callable[[ColumnElement, ColumnElement], ColumnElement]
                ) -> FromClause:
    """The series beside its second series (``derived_other``) of the same area and period, combined into one value."""
    table = Observation.__table__
    first, other = table.alias(f"{name}_first"), table.alias(f"{name}_other")
    same = and_(other.c.indicator_code == info.derived_other, other.c.area_code == first.c.area_code,
                other.c.period == first.c.period, other.c.sex == first.c.sex, other.c.age == first.c.age)
    return _derived(info, name, first, combine(first.c.value, other.c.value), first.join(other, same),
                    (first.c.value, other.c.value))


def _per_capita(info: IndicatorInfo, name: str) -> FromClause:
    """The series divided by a population series of the same area and period (times a unit factor)."""
    return _with_other(info, name, lambda total, people: total * (info.derived_scale or 1.0) / func.nullif(people, 0))


def _difference(info: IndicatorInfo, name: str) -> FromClause:
    """The series minus another series of the same area and period (the labour force minus the employed)."""
    return _with_other(info, name, lambda whole, part: whole - part)


def _share_of_parent(info: IndicatorInfo, name: str) -> FromClause:
    """Percent of the value of the area's parent (a region of Chile, a province of its region, a comuna of its
    province), same period."""
    table, areas = Observation.__table__, Area.__table__.alias(f"{name}_area")
    part, whole = table.alias(f"{name}_part"), table.alias(f"{name}_whole")
    joined = part.join(areas, areas.c.code == part.c.area_code).join(whole, and_(
        whole.c.indicator_code == part.c.indicator_code, whole.c.area_code == areas.c.parent_code,
        whole.c.period == part.c.period, whole.c.sex == part.c.sex, whole.c.age == part.c.age))
    return _derived(info, name, part, part.c.value * 100.0 / func.nullif(whole.c.value, 0), joined)


def observations(info: IndicatorInfo, name: str) -> FromClause:
    """The rows a query reads, as ``name``: stored observations, or a derived measure computed from its series.

    A derived measure has the observation table's columns, so every operation reads it the same way. Its
    percent change pairs each period with the same period a year earlier (same month, quarter or year), with
    December of the year before (so far this year), or with the period just before, so a missing month gives no
    value rather than a change over the wrong span."""
    table = Observation.__table__
    if info.derivation is None:
        return table.alias(name)
    if info.derivation == "per_capita":
        return _per_capita(info, name)
    if info.derivation == "share_of_parent":
        return _share_of_parent(info, name)
    if info.derivation == "difference":
        return _difference(info, name)
    current, earlier = table.alias(f"{name}_now"), table.alias(f"{name}_before")
    if info.derivation == "percent_change_period":
        before = _ordinal(earlier, info.frequency) == _ordinal(current, info.frequency) - 1
    elif info.derivation == "percent_change_year_to_date":
        before = and_(earlier.c.year == current.c.year - 1, func.substr(earlier.c.period, 6, 2) == "12")
    else:
        before = and_(earlier.c.year == current.c.year - 1, func.substr(earlier.c.period, 5) == func.substr(current.c.period, 5))
    same_series = and_(earlier.c.indicator_code == current.c.indicator_code, earlier.c.area_code == current.c.area_code,
                       earlier.c.sex == current.c.sex, earlier.c.age == current.c.age)
    change = (current.c.value / func.nullif(earlier.c.value, 0) - 1) * 100
    return _derived(info, name, current, change, current.join(earlier, and_(same_series, before)))


def _ordinal(table: FromClause, frequency: str) -> ColumnElement:
    """The period counted from year 0 in the series' own steps ("2024-01" is 2024 * 12 + 1), so the period before
    is one less, across a new year too."""
    if frequency == "M":
        return table.c.year * 12 + cast(func.substr(table.c.period, 6, 2), Integer)
    if frequency == "Q":
        return table.c.year * 4 + cast(func.substr(table.c.period, 7, 1), Integer)
    return table.c.year


def _one_per_area(query: Select, key: str, descending: bool, ties: bool = False, first: int = 1) -> Select:
    """Of each area's rows, the first by ``key`` (ties: the earlier period, or every tied one with ``ties``): the year
    a series peaked, the first period meeting a condition, the newest period two series share. Per area, so two
    countries give a row each; ``first`` keeps that many ranks ("los 3 años con mayor inflación"), best first."""
    inner = query.order_by(None).subquery("candidates")
    order = inner.c[key].desc() if descending else inner.c[key].asc()
    pick = (func.rank().over(partition_by=inner.c.area, order_by=order) if ties else
            func.row_number().over(partition_by=inner.c.area, order_by=(order, inner.c.period.asc()))).label("pick")
    ranked = select(*inner.c, pick).subquery("ranked")
    best_first = (ranked.c.pick,) if first > 1 else ()
    return (select(*(column for column in ranked.c if column.key != "pick")).where(ranked.c.pick <= first)
            .order_by(ranked.c.area, *best_first, ranked.c.period))


class QueryBuilder:
    """One plan's SELECT. ``o`` is what the plan reads (see ``observations``); ``a`` the area table.

    ``observed_only`` leaves projections out: a peak or a difference is about what happened, unless the question
    asks for projections."""

    def __init__(self, plan: QueryPlan, info: IndicatorInfo, language: Language, second: IndicatorInfo | None = None,
                 observed_only: bool = False):
        if second is not None and plan.operation in (Operation.RANK, Operation.AGGREGATE):  # members ranked (or
            # averaged) by one measure minus another
            info = info.model_copy(update={"derivation": "difference", "derived_from": info.code,
                                           "derived_other": second.code})
        self.plan, self.info, self.language, self.second = plan, info, language, second
        self.o = observations(info, "o")
        self.observed_only = observed_only and not plan.period.projected

    def _totals(self) -> list[ColumnElement]:
        o = self.o
        return [o.c.indicator_code == self.plan.indicator_code, o.c.sex == "_T", o.c.age == "_T"]

    def _area_name(self) -> ColumnElement:
        return (a.c.name_es if self.language == "es" else a.c.name_en).label("area_name")

    def _from_areas(self) -> FromClause:
        return a.join(self.o, a.c.code == self.o.c.area_code)

    def _period_filter(self) -> list[ColumnElement]:
        o, period, plan = self.o, self.plan.period, self.plan
        conditions: list[ColumnElement] = []
        if period.day and period.day_end and period.month and period.month_end and period.start and period.end \
                and self.info.frequency == "D":  # "entre el 3 y el 10 de enero de 2023": those days
            conditions += [o.c.period_start >= date(period.start, period.month, period.day),
                           o.c.period_start <= date(period.end, period.month_end, period.day_end)]
        elif period.month and period.month_end and period.start and period.end:
            conditions += [o.c.period_start >= date(period.start, period.month, 1),
                           o.c.period_start <= date(period.end, period.month_end, 1)]
        elif period.month and period.start and period.end is None:  # "desde enero de 2020": that month on
            conditions.append(o.c.period_start >= date(period.start, period.month, 1))
        elif period.day and period.month and period.start and self.info.frequency == "D":  # "el 15 de marzo de 2024"
            conditions.append(o.c.period_start == date(period.start, period.month, period.day))
        elif period.month and period.start:  # the month, or each of its days
            first_day = date(period.start, period.month, 1)
            conditions += [o.c.period_start >= first_day, o.c.period_start < _next_month(first_day)]
        elif period.quarter and period.quarter_end and period.start and period.end:  # "entre el T1 2020 y el T4 2021"
            conditions += [o.c.period_start >= _quarter_days(period.start, period.quarter)[0],
                           o.c.period_start < _quarter_days(period.end, period.quarter_end)[1]]
        elif period.quarter and period.start:
            months = [f"{period.start:04d}-{month:02d}" for month in range(3 * period.quarter - 2, 3 * period.quarter + 1)]
            conditions.append(o.c.period.in_([f"{period.start:04d}-Q{period.quarter}", *months]))
        else:
            if period.start is not None:
                conditions.append(o.c.year >= period.start)
            if period.end is not None:
                conditions.append(o.c.year <= period.end)
        if period.last_n_years:
            inner = observations(self.info, "latest")
            last_year = select(func.max(inner.c.year)).where(
                inner.c.indicator_code == plan.indicator_code, inner.c.area_code.in_(plan.area_codes)
            ).scalar_subquery()
            conditions.append(o.c.year > last_year - period.last_n_years)
        if period.last_n_months:  # months counted as year * 12 + month, so quarters and years fall in whole
            inner = observations(self.info, "latest")
            last_month = select(func.max(inner.c.year * 12 + extract("month", inner.c.period_start))).where(
                inner.c.indicator_code == plan.indicator_code, inner.c.area_code.in_(plan.area_codes),
                inner.c.status != "projection").scalar_subquery()
            conditions.append(o.c.year * 12 + extract("month", o.c.period_start) > last_month - period.last_n_months)
        return conditions

    def _latest_start(self) -> ColumnElement:
        """"The latest figure": the newest value that is not a projection; where a series has only projections,
        the current year's (today is written into the SQL, so it reruns the same); a series whose values all lie
        in the future gives its first. A 2035 projection is never "the latest", and the answer names the status."""
        inner = observations(self.info, "newest")
        same_series = (inner.c.indicator_code == self.plan.indicator_code, inner.c.area_code == self.o.c.area_code,
                       inner.c.sex == "_T", inner.c.age == "_T")
        today = inner.c.period_start <= date.today()
        observed = select(func.max(inner.c.period_start)).where(*same_series, today, inner.c.status != "projection")
        begun = select(func.max(inner.c.period_start)).where(*same_series, today)
        first = select(func.min(inner.c.period_start)).where(*same_series)
        if self.plan.period.earliest:  # "the earliest year you have": the first value, whatever its status
            return first.scalar_subquery()
        newest = [begun, first] if self.plan.period.projected else [observed, begun, first]
        return func.coalesce(*(query.scalar_subquery() for query in newest))

    def _yearly_rule(self):
        """How a sub-annual series makes a year: (aggregate function or None for "the final period", extra filter)."""
        o, info = self.o, self.info
        if info.annual_aggregation == "last":
            return None, [o.c.period.like(f"%{FINAL_PERIOD[info.frequency]}")]
        return (SUM if info.annual_aggregation == "sum" else AVG), []

    def rows(self, yearly: bool) -> Select:
        """Values per area and period (VALUE, SERIES, LATEST), or yearly figures for sub-annual series."""
        o, plan = self.o, self.plan
        where = [*self._totals(), o.c.area_code.in_(plan.area_codes), *self._period_filter()]
        if plan.operation == Operation.LATEST:
            where.append(o.c.period_start == self._latest_start())
        if self.observed_only:
            where.append(func.coalesce(o.c.status, "") != "projection")
        if yearly:
            return self._per_year(where).order_by(o.c.area_code, o.c.year)
        ranked = plan.order and len(plan.area_codes) > 1 and plan.operation in (Operation.VALUE, Operation.LATEST)
        by_value = [o.c.value.desc() if plan.order == "desc" else o.c.value.asc()] if ranked else []  # "ordena los tres"
        return (
            select(o.c.area_code.label("area"), self._area_name(), o.c.period, o.c.value, o.c.status)
            .select_from(self._from_areas()).where(*where).order_by(*by_value, o.c.area_code, o.c.period_start)
        )  # fmt: skip

    def _members(self) -> list[ColumnElement]:
        """Areas of the plan's member kind (the planner always sets it for rankings and group aggregates)."""
        conditions = [a.c.kind == self.plan.member_kind]
        if self.plan.group_code:  # "¿cuántos países de Sudamérica y Centroamérica…?": a count over both groups
            groups = [self.plan.group_code, *self.plan.area_codes] if self.plan.operation == Operation.COUNT else [self.plan.group_code]
            members = select(m.c.member_code).where(m.c.group_code.in_(groups))
            conditions.append(self.o.c.area_code.in_(members))
        elif self.plan.operation == Operation.COUNT and len(self.plan.area_codes) > 1:  # "of Chile, Peru and…, how many"
            conditions.append(self.o.c.area_code.in_(self.plan.area_codes))
        elif self.plan.member_codes:  # "ordenando España, Portugal e Italia, ¿en qué lugar queda Italia?"
            conditions.append(self.o.c.area_code.in_(self.plan.member_codes))
        if self.plan.excluded_codes:  # "sin contar la Región Metropolitana"
            conditions.append(self.o.c.area_code.not_in(self.plan.excluded_codes))
        return conditions

    def _ranked_year(self) -> ColumnElement:
        """The year members are compared in: the one asked, else the latest with values for half of them that has
        begun (never a 2035 projection unless projections are asked for)."""
        o, plan = self.o, self.plan
        if plan.period.start is not None:
            return literal(plan.period.end or plan.period.start)
        begun = [] if plan.period.projected else [o.c.period_start <= date.today()]
        counts = (select(o.c.year.label("year"), func.count(func.distinct(o.c.area_code)).label("n"))  # members, not
                  .select_from(self._from_areas())  # rows: a year with one quarter out counts its regions too
                  .where(*self._totals(), *self._members(), *begun).group_by(o.c.year).subquery("per_year"))
        return select(func.max(counts.c.year)).where(
            counts.c.n >= select(func.max(counts.c.n)).scalar_subquery() * RANK_COVERAGE
        ).scalar_subquery()

    def _ranked_period(self) -> list[ColumnElement]:
        """Members are compared in one period: the year (see ``_ranked_year``) and, in a monthly or quarterly
        series, the month or quarter asked, else that year's newest period (never a region's four quarters)."""
        o, period = self.o, self.plan.period
        year = self._ranked_year()
        if self.info.frequency == "A":
            return [o.c.year == year]
        if period.month or period.quarter:
            return [o.c.year == year, *self._period_filter()]
        inner = observations(self.info, "in_year")
        newest = select(func.max(inner.c.period_start)).where(
            inner.c.indicator_code == self.plan.indicator_code, inner.c.year == year).scalar_subquery()
        return [o.c.period_start == newest]

    def _member_values(self) -> Select:
        """Each member's value in the period compared: in a sub-annual series asked for a year, its yearly figure as a
        value question reads it ("¿qué región tuvo el PIB más grande el 2024?": the sum of four quarters)."""
        o, plan = self.o, self.plan
        where = [*self._totals(), *self._members()]
        if plan.over_years and self.info.frequency == "A":
            return self._member_aggregates(where)
        if not members_per_year(plan, self.info):
            operands = [o.c[key] for key in OPERANDS if self.second is not None and key in o.c]  # a gap's two values
            return (select(o.c.area_code.label("area"), self._area_name(), o.c.period, o.c.value, *operands)
                    .select_from(self._from_areas()).where(*where, *self._ranked_period()))
        return self._per_year([*where, o.c.year == self._ranked_year()])

    def _member_aggregates(self, where: list[ColumnElement]) -> Select:
        """Each member's average (or sum, min, max) over the years asked: "the highest average growth from 2015 to
        2024" ranks those averages. Only members with a value every year are compared, so no mean of fewer years
        outranks a full one."""
        o, plan = self.o, self.plan
        years = (plan.period.end or plan.period.start) - plan.period.start + 1
        period = (func.min(o.c.period) + literal("..") + func.max(o.c.period)).label("period")
        return (select(o.c.area_code.label("area"), self._area_name(), period,
                       AGGREGATES[plan.aggregate](o.c.value).label("value"), func.count().label("observations"))
                .select_from(self._from_areas()).where(*where, *self._period_filter())
                .group_by(o.c.area_code, a.c.name_es, a.c.name_en).having(func.count() == years))

    def _per_year(self, where: list[ColumnElement]) -> Select:
        """Yearly figures of a sub-annual series per area: the year's final period where it stands for the year
        (December's 12-month change), else the mean or the sum of a complete year."""
        o = self.o
        period = cast(o.c.year, String).label("period")
        combine, final_period = self._yearly_rule()
        if combine is None:
            return (select(o.c.area_code.label("area"), self._area_name(), period, o.c.value, o.c.status)
                    .select_from(self._from_areas()).where(*where, *final_period))
        return (
            select(o.c.area_code.label("area"), self._area_name(), period, combine(o.c.value).label("value"),
                   func.count().label("observations"))
            .select_from(self._from_areas()).where(*where)
            .group_by(o.c.area_code, a.c.name_es, a.c.name_en, o.c.year)
            .having(func.count() == PERIODS_PER_YEAR[self.info.frequency] if combine is SUM else literal(True))
        )  # fmt: skip

    def _order(self, values: Select) -> ColumnElement:
        value = values.selected_columns.value
        return value.desc() if self.plan.order == "desc" else value.asc()

    def rank(self) -> Select:
        chile = (self.plan.member_kind or "").startswith("cl_")  # "las regiones de Chile": all of them; countries: a top ten
        limit = self.plan.top_n or (None if chile else DEFAULT_RANK_SIZE)
        values = self._member_values()
        if not limit:
            return values.order_by(self._order(values), values.selected_columns.area)
        # the top N and any member tied with the last of them: "the highest" of four countries at 100 % names all four
        members = values.subquery("member_values")
        order = members.c.value.desc() if self.plan.order == "desc" else members.c.value.asc()
        placed = select(*members.c, func.rank().over(order_by=order).label("place")).subquery("placed")
        return (select(*(column for column in placed.c if column.key != "place")).where(placed.c.place <= limit)
                .order_by(placed.c.place, placed.c.area))

    def position(self) -> Select:
        """The place's position among the group's members with a value that year (ties share a position), and the
        first member's, which "¿es la comuna con más pobreza de la RM?" is checked against; the places asked come
        first."""
        values = self._member_values()
        asked_here = case((values.selected_columns.area.in_(self.plan.area_codes), 1), else_=0)
        ranked = values.add_columns(
            func.rank().over(order_by=self._order(values)).label("position"), func.count().over().label("members"),
            func.max(asked_here).over().label("any_asked")  # a place not among the members: no rows, no first either
        ).subquery("ranked")
        asked = ranked.c.area.in_(self.plan.area_codes)
        return select(*[column for column in ranked.c if column.name != "any_asked"], asked.label("asked")).where(
            or_(asked, and_(ranked.c.position == 1, ranked.c.any_asked == 1))).order_by(
            asked.desc(), ranked.c.position, ranked.c.area)

    def count(self) -> Select:
        """Every member with a value that year, whether it meets the condition, and how many do: a count of zero
        is an answer, not missing data."""
        values = self._member_values()
        meets = case((self._meets(values.selected_columns.value), 1), else_=0)
        return values.add_columns(
            meets.label("meets"), func.sum(meets).over().label("count"), func.count().over().label("members")
        ).order_by(values.selected_columns.value.asc() if self.plan.order == "asc" else values.selected_columns.value.desc(),
                   values.selected_columns.area)

    def period_count(self) -> Select:
        """Every period of each place's series in the span (months when months are counted, else years), whether it
        meets the condition, and how many do."""
        periods = self.rows(uses_annual_average(self.plan, self.info)).subquery("periods")
        meets = case((self._meets(periods.c.value), 1), else_=0)
        return select(periods.c.area, periods.c.area_name, periods.c.period, periods.c.value, meets.label("meets"),
                      func.sum(meets).over(partition_by=periods.c.area).label("count"),
                      func.count().over(partition_by=periods.c.area).label("periods")
                      ).order_by(periods.c.area, periods.c.period)

    def _endpoint(self, year: int, name: str, month: int | None = None, quarter: int | None = None,
                  day: int | None = None):
        """One figure per area for one end of a change: a year (the value of an annual series, else the year's mean,
        sum or final period), or with ``month`` or ``quarter`` that part of a sub-annual series (the mean of its
        months or days), or with ``day`` that day's value of a daily series."""
        o, plan, info = self.o, self.plan, self.info
        where = [*self._totals(), o.c.area_code.in_(plan.area_codes), o.c.year == year]
        if day:
            where.append(o.c.period_start == date(year, month, day))
            return select(o.c.area_code.label("area"), o.c.value).where(*where).subquery(name)
        if month or quarter:
            first_day, next_day = (date(year, month, 1), _next_month(date(year, month, 1))) if month else \
                _quarter_days(year, quarter)
            where += [o.c.period_start >= first_day, o.c.period_start < next_day]
            combine, final_period = AVG, []
        else:
            combine, final_period = self._yearly_rule() if info.frequency != "A" else (AVG, [])
        if combine is None:
            return select(o.c.area_code.label("area"), o.c.value).where(*where, *final_period).subquery(name)
        query = select(o.c.area_code.label("area"), combine(o.c.value).label("value")).where(*where).group_by(o.c.area_code)
        if combine is SUM and info.frequency in PERIODS_PER_YEAR:
            query = query.having(func.count() == PERIODS_PER_YEAR[info.frequency])
        return query.subquery(name)

    def _change_endpoints(self) -> tuple[str, str, dict, dict]:
        """The two periods a change compares, with the part of each year: months or quarters when the question
        names them and the series is sub-annual ("entre enero de 2020 y enero de 2025", "entre el T2 2019 y el T2
        2024"), else years."""
        period = self.plan.period
        if period.day and period.day_end and self.info.frequency == "D":
            return (f"{period.start:04d}-{period.month:02d}-{period.day:02d}",
                    f"{period.end:04d}-{period.month_end:02d}-{period.day_end:02d}",
                    {"month": period.month, "day": period.day}, {"month": period.month_end, "day": period.day_end})
        if period.month and self.info.frequency in ("M", "D"):
            last_month = period.month_end or period.month
            return (f"{period.start:04d}-{period.month:02d}", f"{period.end:04d}-{last_month:02d}",
                    {"month": period.month}, {"month": last_month})
        if period.quarter and self.info.frequency in ("Q", "M", "D"):
            last_quarter = period.quarter_end or period.quarter
            return (f"{period.start:04d}-Q{period.quarter}", f"{period.end:04d}-Q{last_quarter}",
                    {"quarter": period.quarter}, {"quarter": last_quarter})
        return str(period.start), str(period.end), {}, {}

    def change(self) -> Select:
        plan = self.plan
        first, last, first_part, last_part = self._change_endpoints()
        start = self._endpoint(plan.period.start, "first_period", **first_part)
        end = self._endpoint(plan.period.end, "last_period", **last_part)
        return (
            select(a.c.code.label("area"), self._area_name(), literal(f"{first}..{last}").label("period"),
                   start.c.value.label("start_value"), end.c.value.label("end_value"),
                   (end.c.value - start.c.value).label("value"),
                   ((end.c.value - start.c.value) * 100.0 / func.abs(start.c.value)).label("change_pct"))
            .select_from(a.join(start, start.c.area == a.c.code).join(end, end.c.area == a.c.code))
            .order_by(a.c.code)
        )  # fmt: skip

    def aggregate(self) -> Select:
        o, plan = self.o, self.plan
        function = AGGREGATES[plan.aggregate or "avg"]
        if plan.aggregate in ("min", "max") and not plan.group_code:
            where = [*self._totals(), o.c.area_code.in_(plan.area_codes), *self._period_filter()]
            values = select(o.c.area_code.label("area"), self._area_name(), o.c.period, o.c.value)
            return _one_per_area(values.select_from(self._from_areas()).where(*where), "value", plan.aggregate == "max")
        period = (func.min(o.c.period) + literal("..") + func.max(o.c.period)).label("period")
        if plan.group_code:
            where = [*self._totals(), *self._members(), *self._period_filter()]
            area_code, area_name = literal(plan.group_code).label("area"), literal(plan.group_code).label("area_name")
            group_by = []
        else:
            where = [*self._totals(), o.c.area_code.in_(plan.area_codes), *self._period_filter()]
            area_code, area_name = o.c.area_code.label("area"), self._area_name()
            group_by = [o.c.area_code, a.c.name_es, a.c.name_en]
            if len(plan.area_codes) > 1 and self._one_period():
                # "the combined population of Argentina, Chile and Uruguay in 2025", "¿cuánto suman entre las tres?"
                # after three regions' GDP in one quarter: one figure across the places
                area_code = literal("+".join(plan.area_codes)).label("area")
                area_name = func.aggregate_strings(area_name.element, " + ").label("area_name")  # string_agg
                group_by = []
        return (select(area_code, area_name, period, function(o.c.value).label("value"), func.count().label("observations"))
                .select_from(self._from_areas()).where(*where).group_by(*group_by))

    def _one_period(self) -> bool:
        """Does the plan name one value's period: a year of a yearly series, one quarter or month of a series counted
        so (a month of a daily series is many days)?"""
        period, frequency = self.plan.period, self.info.frequency
        if not period.is_single_year:
            return False
        if frequency == "Q" and period.quarter:
            return period.quarter_end in (None, period.quarter)
        if frequency == "M" and period.month:
            return period.month_end in (None, period.month)
        return frequency == "A"

    def _meets(self, value: ColumnElement) -> ColumnElement:
        comparator, threshold = self.plan.threshold
        return {">": value > threshold, ">=": value >= threshold, "<": value < threshold, "<=": value <= threshold}[comparator]

    def _reaches(self, value: ColumnElement) -> ColumnElement:
        """The threshold reached from the side the place's first value in the period is on: up to it from below,
        down to it from above ("¿en qué año llegó la pobreza a 0 %?")."""
        first = observations(self.info, "first")
        since = [first.c.year >= self.plan.period.start] if self.plan.period.start is not None else []
        start = (select(first.c.value).where(first.c.indicator_code == self.plan.indicator_code, first.c.sex == "_T",
                                             first.c.age == "_T", first.c.area_code == self.o.c.area_code, *since)
                 .order_by(first.c.period_start).limit(1).scalar_subquery())
        threshold = self.plan.threshold[1]
        return or_(and_(start < threshold, value >= threshold), and_(start >= threshold, value <= threshold))

    def first_meeting(self) -> Select:
        o, plan = self.o, self.plan
        meets = self._reaches(o.c.value) if plan.crossing else self._meets(o.c.value)
        where = [*self._totals(), o.c.area_code.in_(plan.area_codes), meets, *self._period_filter()]
        values = select(o.c.area_code.label("area"), self._area_name(), o.c.period, o.c.value)
        return _one_per_area(values.select_from(self._from_areas()).where(*where), "period", plan.order == "desc")

    def which_period(self) -> Select:
        """Each place's period with the highest (or lowest) value, every one of them when several tie, or its top N:
        years of yearly figures unless a month or quarter is asked ("¿en qué mes…?")."""
        return _one_per_area(self.rows(uses_annual_average(self.plan, self.info)), "value", self.plan.order == "desc",
                             ties=True, first=self.plan.top_n or 1)

    def _operand(self, info: IndicatorInfo, areas: list[str], name: str) -> FromClause:
        """One side of a difference or ratio: the series' values per area and period, as a series reads them; observed
        ones only unless the question names its years (then, as for a value, what the series has for them: INE's
        2020 population is a projection from the 2017 census, and the answer says so)."""
        plan = self.plan.model_copy(update={"operation": Operation.SERIES, "indicator_code": info.code,
                                            "area_codes": areas, "second_indicator_code": None})
        builder = QueryBuilder(plan, info, self.language, observed_only=self.plan.period.unstated)
        return builder.rows(uses_annual_average(plan, info)).subquery(name)

    def _group_total(self, name: str) -> FromClause:
        """A group's yearly total, the sum of its members' values ("what share of South America's GDP"), only in years
        when every member with values in the series has one: never the total of those that happened to report."""
        o, plan = self.o, self.plan
        members = select(m.c.member_code).where(m.c.group_code == plan.group_code)
        inner, inner_areas, named = observations(self.info, "reporting"), a.alias("reporting_areas"), a.alias("group_area")
        reporting = (select(func.count(func.distinct(inner.c.area_code)))
                     .select_from(inner_areas.join(inner, inner_areas.c.code == inner.c.area_code))
                     .where(inner.c.indicator_code == plan.indicator_code, inner.c.sex == "_T", inner.c.age == "_T",
                            inner_areas.c.kind == plan.member_kind, inner.c.area_code.in_(members)).scalar_subquery())
        group_name = select(named.c.name_es if self.language == "es" else named.c.name_en).where(
            named.c.code == plan.group_code).scalar_subquery()
        where = [*self._totals(), a.c.kind == plan.member_kind, o.c.area_code.in_(members), *self._period_filter()]
        return (select(literal(plan.group_code).label("area"), group_name.label("area_name"), o.c.period,
                       func.sum(o.c.value).label("value"))
                .select_from(self._from_areas()).where(*where).group_by(o.c.period)
                .having(func.count() == reporting).subquery(name))  # fmt: skip

    def two_operands(self) -> Select:
        """The first operand minus (or divided by, or as a percent of) the second, period by period: two places of
        one measure, or two measures of each place. Without a period asked, the newest period both have."""
        plan = self.plan
        two_places = plan.second_indicator_code is None
        first = self._operand(self.info, plan.area_codes[:1] if two_places else plan.area_codes, "first")
        second = self._group_total("second") if plan.group_code else \
            self._operand(self.second or self.info, plan.area_codes[1:2] if two_places else plan.area_codes, "second")
        same = first.c.period == second.c.period
        if not two_places:
            same = and_(same, first.c.area == second.c.area)
        value = (first.c.value - second.c.value if plan.operation == Operation.DIFFERENCE
                 else first.c.value * (100.0 if plan.operation == Operation.SHARE else float(plan.per or 1))
                 / func.nullif(second.c.value, 0))
        operand_areas = plan.area_codes[:2] + ([plan.group_code] if plan.group_code else [])
        area = literal(",".join(operand_areas)) if two_places else first.c.area
        query = (
            select(area.label("area"), first.c.area_name, first.c.period,
                   first.c.area.label("first_area"), first.c.area_name.label("first_area_name"),
                   first.c.value.label("first_value"), second.c.area.label("second_area"),
                   second.c.area_name.label("second_area_name"), second.c.value.label("second_value"), value.label("value"))
            .select_from(first.join(second, same)).order_by(first.c.area, first.c.period)
        )  # fmt: skip
        if not (plan.period.unstated or plan.period.latest):
            return query
        if plan.period.projected:  # the current year's projection, not the last one (2035)
            query = query.where(first.c.period < str(date.today().year + 1))
        return _one_per_area(query, "period", True)

    def build(self) -> Select:
        operation = self.plan.operation
        if operation == Operation.RANK:
            return self.rank()
        if operation == Operation.CHANGE:
            return self.change()
        if operation == Operation.AGGREGATE:
            return self.aggregate()
        if operation == Operation.FIRST_MEETING:
            return self.first_meeting()
        if operation == Operation.POSITION:
            return self.position()
        if operation == Operation.COUNT:
            return self.count()
        if operation == Operation.PERIOD_COUNT:
            return self.period_count()
        if operation == Operation.WHICH_PERIOD:
            return self.which_period()
        if operation in TWO_OPERANDS:
            return self.two_operands()
        rows = self.rows(uses_annual_average(self.plan, self.info))
        return self._times(rows) if self.plan.times else rows

    def _times(self, rows: Select) -> Select:
        """"¿cuánto son 50 UF en pesos?": each value of one unit, times the amount asked, in the SQL shown."""
        values = rows.subquery("one_unit")
        return select(*[(column * literal(self.plan.times)).label("value") if column.name == "value" else column
                        for column in values.c]).order_by(values.c.area, values.c.period)


def members_per_year(plan: QueryPlan, info: IndicatorInfo) -> bool:
    """Are a sub-annual series' members compared by their yearly figure (a year asked, no month or quarter)?"""
    period = plan.period
    return (info.frequency != "A" and info.annual_aggregation != "none" and period.start is not None
            and not period.month and not period.quarter and not plan.per_period)  # fmt: skip


def uses_annual_average(plan: QueryPlan, info: IndicatorInfo) -> bool:
    """A sub-annual series asked for whole years is answered per year: the mean of a rate (INE's annual
    unemployment), the sum of a flow (GDP) or the final period of a 12-month change, as the metadata says."""
    period = plan.period
    return (info.frequency != "A" and info.annual_aggregation != "none" and not plan.per_period
            and plan.operation in (Operation.VALUE, Operation.SERIES, Operation.WHICH_PERIOD, Operation.PERIOD_COUNT)
            and not period.month and not period.quarter and not period.latest)  # fmt: skip


def compile_sql(plan: QueryPlan, info: IndicatorInfo, language: Language, dialect: Dialect,
                second: IndicatorInfo | None = None) -> str:
    """The plan's SELECT as literal SQL for ``dialect``: what is vetted, shown and run. ``second`` is the plan's
    second measure, if it has one."""
    builder = QueryBuilder(plan, info, language, second, observed_only=plan.operation == Operation.WHICH_PERIOD)
    query = builder.build()
    return str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
