"""Expected values of the golden set, computed from the raw mirror only (never from Cifra's database or code).

Each expected value in ``eval/questions.yaml`` carries a declarative ``source`` saying how to compute
it from the files in the statistics mirror (``Settings().data_dir``). One key names the kind of source:

``wdi``
    ``{wdi: NY.GDP.PCAP.CD, country: CHL, year: 2020}``: one value of ``wdi/indicators/<code>/data.csv``.
    ``latest: true`` instead of ``year``: the last year with a value for that country.
    ``years: [2010, 2019], combine: mean`` (period ``2010..2019``, first..last year with data) or
    ``combine: change`` (value in the last year minus value in the first, period ``2010..2020``).
    ``extreme_of: [2000, 2020], extreme: max|min`` with ``year``: "in which year was it highest": the
    value at ``year``, which must be the range's only extreme (``[2000]``: from 2000 to the last year
    with a value), so that a wrong year fails here rather than becoming the expectation.
``wdi_rank``
    ``{wdi_rank: {code, countries: [ISO3...] | m49: "005", year, top, order: desc|asc}}``: the top
    members of a group by value in one year, one expected value per member (members without a value
    that year are left out; ``m49`` reads the members from ``country-codes.csv``).
``wdi_count``
    ``{wdi_count: {code, countries | m49, year, above | below: 10}}``: how many members have a value
    strictly above (below) the threshold; area ``M49-005`` for ``m49: "005"``, written in the YAML
    (e.g. ``G-OECD``) for a list of countries. A year in which no member has a value fails.
``wdi_position``
    ``{wdi_position: {code, country: PER, countries | m49, year, order: desc|asc}}``: the country's
    place among the members with a value that year, competition style (1, 2, 2, 4); area the country.
``difference`` / ``ratio``
    ``{difference: [<source>, <source>]}``: first minus (divided by) second, each a source of one value
    (``wdi``, ``bcch``, ``ine_projection``, ``census2024``, ``mdsf_poverty``, ``recorded``) of the same
    period; area the operands' own if they share it, else both joined by a comma (``CHL,PER``).
    The operands are expected values of their own, listed beside the result in the YAML.
``ine_projection``
    ``{ine_projection: {level: country|region|province|comuna, cut: 5}, year: 2020}``: INE
    projections summed from the comunas (``cut`` as an integer CUT code: region 5, province 51,
    comuna 5101); ``years: [a, b], combine: change`` as for ``wdi``.
``ine_projection_rank``
    ``{ine_projection_rank: {level: region, top: 3, order: desc, within: 13}, year: 2024}``.
``census2024`` / ``census2024_rank``
    ``{census2024: {field: poblacion_censada, level: comuna, cut: 13119}}``: Censo 2024 by comuna
    (``chile_hub/censo_comunal.json`` or ``censo_hogares_viviendas.json``, whichever has the field),
    summed over comunas for larger areas (counts only); period ``2024``.
``mdsf_poverty`` / ``mdsf_poverty_rank``
    ``{mdsf_poverty: {dimension: ingresos|multidimensional, cut: 13112}}``: comuna poverty rate
    (``chile_hub/pobreza_comunal.json``, SAE estimates); period from the file's ``anio``.
``bcch``
    ``{bcch: {file: desempleo.csv, series: "Tasa  de  desempleo  (porcentaje)"}, ...}`` with one of
    ``month: "2024-06"``, ``quarter: "2025-Q1"``, ``year: 2023, combine: mean|sum`` (a full year
    is required), ``from: "2022-01", to: "2023-12", combine: mean``, ``years: [2019, 2023],
    combine: change, annual: mean|sum`` or ``latest: true``. Values are read with the decimal
    comma. ``extreme_of: ["2020-01", "2020-12"], extreme: max|min`` with ``month`` or ``quarter`` (same
    form; one code: to the last period) checks "in which month was it highest" as for ``wdi``.
    Values that look like the publisher's dropped trailing zeros (``pib_regional.csv``: 4270
    stored as 427) make the computation fail rather than produce a wrong expectation.

Areas: ISO3 or World Bank codes for WDI; ``CHL`` for Chile; ``CL-05`` (region), ``CL-051``
(province), ``CL-05101`` (comuna). A value's ``area`` and ``period`` may be written in the YAML for
readability; when written, they must agree with what the source computes. The results of operations
have their own indicator: ``difference``, ``ratio``, ``count`` (``wdi_count``) and ``rank``
(``wdi_position``).
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

Status = Literal["ok", "no_data", "clarify", "refused", "error"]
DEFAULT_TOLERANCE = 0.001


class ExpectedValue(BaseModel):
    indicator: str
    indicator_any: list[str] = Field(default_factory=list, description="Other indicator codes accepted for this value.")
    area: str
    period: str
    value: float
    tolerance: float = DEFAULT_TOLERANCE

    def accepts_indicator(self, code: str) -> bool:
        return code == self.indicator or code in self.indicator_any


class ValueSpec(BaseModel):
    """One expected value (or, for rank sources, several) as written in the YAML."""

    model_config = ConfigDict(extra="forbid")

    indicator: str | None = None
    indicator_any: list[str] = Field(default_factory=list)
    area: str | None = None
    period: str | None = None
    source: dict[str, Any]
    tolerance: float = DEFAULT_TOLERANCE

    @model_validator(mode="after")
    def _needs_indicator(self) -> ValueSpec:
        if not self.indicator and not self.indicator_any:
            raise ValueError("a value needs `indicator` or `indicator_any`")
        if self.tolerance < 0:
            raise ValueError("tolerance must be >= 0")
        parse_source(self.source)  # fail on load, not on scoring
        kind = source_kind(self.source)
        if kind in RESULT_INDICATORS and self.indicators != [RESULT_INDICATORS[kind]]:
            raise ValueError(f"a {kind} value has the indicator {RESULT_INDICATORS[kind]}")
        return self

    @property
    def indicators(self) -> list[str]:
        return [self.indicator] if self.indicator else list(self.indicator_any)


class TurnExpect(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Status | list[Status]
    values: list[ValueSpec] = Field(default_factory=list)
    exclusive: bool = Field(False, description="The answer may hold no other areas for the expected indicators.")

    @property
    def statuses(self) -> list[str]:
        return [self.status] if isinstance(self.status, str) else list(self.status)

    @model_validator(mode="after")
    def _values_only_when_ok(self) -> TurnExpect:
        if "ok" in self.statuses and not self.values:
            raise ValueError("status ok needs values")
        if "ok" not in self.statuses and self.values:
            raise ValueError(f"status {self.status} takes no values")
        if "ok" in self.statuses and len(self.statuses) > 1:
            raise ValueError("status ok cannot be mixed with other statuses")
        return self


# --------------------------------------------------------------------------- source specs


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def _within(code: Any, bounds: list[Any]) -> bool:
    """Whether a year or period code lies in ``[first, last]``, or from ``first`` on when ``last`` is omitted."""
    return bounds[0] <= code and (len(bounds) == 1 or code <= bounds[1])


def _check_extreme_spec(what: str, period: str, at: Any, extreme_of: list[Any] | None, extreme: str | None) -> None:
    """A "which period" check names one period, inside the range it is the extreme of."""
    if (extreme_of is None) != (extreme is None):
        raise ValueError(f"{what}: extreme_of and extreme go together")
    if extreme_of is not None and at is None:
        raise ValueError(f"{what}: extreme_of checks one {period}")
    if extreme_of is not None and not _within(at, extreme_of):
        raise ValueError(f"{what}: {at} is not in extreme_of {extreme_of}")


class WdiSource(_Spec):
    wdi: str
    country: str
    year: int | None = None
    years: tuple[int, int] | None = None
    latest: bool = False
    combine: Literal["mean", "change"] | None = None
    extreme_of: list[int] | None = Field(None, min_length=1, max_length=2)
    extreme: Literal["max", "min"] | None = None

    @model_validator(mode="after")
    def _one_period(self) -> WdiSource:
        if sum([self.year is not None, self.years is not None, self.latest]) != 1:
            raise ValueError("wdi: give exactly one of year, years, latest")
        if (self.years is None) != (self.combine is None):
            raise ValueError("wdi: years goes with combine (mean | change)")
        _check_extreme_spec("wdi", "year", self.year, self.extreme_of, self.extreme)
        return self


class WdiGroup(_Spec):
    """One indicator over the members of a group in one year: a list of ISO3 codes or a UN M49 region."""

    code: str
    countries: list[str] | None = None
    m49: str | None = None
    year: int

    @model_validator(mode="after")
    def _one_group(self) -> WdiGroup:
        if (self.countries is None) == (self.m49 is None):
            raise ValueError("give countries or m49")
        return self


class WdiRank(WdiGroup):
    top: int = Field(ge=1)
    order: Literal["desc", "asc"] = "desc"


class WdiRankSource(_Spec):
    wdi_rank: WdiRank


class WdiCount(WdiGroup):
    above: float | None = None
    below: float | None = None

    @model_validator(mode="after")
    def _one_threshold(self) -> WdiCount:
        if (self.above is None) == (self.below is None):
            raise ValueError("wdi_count: give above or below")
        return self


class WdiCountSource(_Spec):
    wdi_count: WdiCount


class WdiPosition(WdiGroup):
    country: str
    order: Literal["desc", "asc"] = "desc"


class WdiPositionSource(_Spec):
    wdi_position: WdiPosition


Level = Literal["country", "region", "province", "comuna"]


class ChileArea(_Spec):
    level: Level
    cut: int | None = None

    @model_validator(mode="after")
    def _cut(self) -> ChileArea:
        if (self.level == "country") != (self.cut is None):
            raise ValueError("cut is required below country level, and not allowed at country level")
        return self


class IneProjectionSource(_Spec):
    ine_projection: ChileArea
    year: int | None = None
    years: tuple[int, int] | None = None
    combine: Literal["change"] | None = None

    @model_validator(mode="after")
    def _one_period(self) -> IneProjectionSource:
        if (self.year is None) == (self.years is None) or (self.years is None) != (self.combine is None):
            raise ValueError("ine_projection: give year, or years with combine: change")
        return self


class ChileRank(_Spec):
    level: Literal["region", "province", "comuna"]
    top: int = Field(ge=1)
    order: Literal["desc", "asc"] = "desc"
    within: int | None = Field(None, description="Only areas of this region (CUT code).")


class IneProjectionRankSource(_Spec):
    ine_projection_rank: ChileRank
    year: int


class Census(ChileArea):
    field: str


class Census2024Source(_Spec):
    census2024: Census


class CensusRank(ChileRank):
    field: str


class Census2024RankSource(_Spec):
    census2024_rank: CensusRank


class Poverty(_Spec):
    dimension: Literal["ingresos", "multidimensional"]
    cut: int


class MdsfPovertySource(_Spec):
    mdsf_poverty: Poverty


class PovertyRank(_Spec):
    dimension: Literal["ingresos", "multidimensional"]
    top: int = Field(ge=1)
    order: Literal["desc", "asc"] = "desc"
    within: int | None = None


class MdsfPovertyRankSource(_Spec):
    mdsf_poverty_rank: PovertyRank


class BcchRef(_Spec):
    file: str
    series: str


class BcchSource(_Spec):
    bcch: BcchRef
    month: str | None = None
    quarter: str | None = None
    year: int | None = None
    from_: str | None = Field(None, alias="from")
    to: str | None = None
    years: tuple[int, int] | None = None
    latest: bool = False
    combine: Literal["mean", "sum", "change", "yoy_pct"] | None = None  # yoy_pct: % change on the same period a year before
    annual: Literal["mean", "sum"] = "mean"
    extreme_of: list[str] | None = Field(None, min_length=1, max_length=2)
    extreme: Literal["max", "min"] | None = None

    @field_validator("month", "from_", "to")
    @classmethod
    def _month_code(cls, value: str | None) -> str | None:
        if value is not None and (len(value) != 7 or value[4] != "-" or not 1 <= int(value[5:]) <= 12):
            raise ValueError(f"month {value!r} is not YYYY-MM")
        return value

    @model_validator(mode="after")
    def _one_period(self) -> BcchSource:
        chosen = [self.month is not None, self.quarter is not None, self.year is not None,
                  self.from_ is not None, self.years is not None, self.latest]  # fmt: skip
        if sum(chosen) != 1:
            raise ValueError("bcch: give exactly one of month, quarter, year, from/to, years, latest")
        if (self.from_ is None) != (self.to is None):
            raise ValueError("bcch: from and to go together")
        if self.year is not None and self.combine not in ("mean", "sum", "yoy_pct"):
            raise ValueError("bcch: year needs combine: mean | sum | yoy_pct (its final period)")
        if (self.month is not None or self.quarter is not None) and self.combine not in (None, "yoy_pct"):
            raise ValueError("bcch: month and quarter take no combine but yoy_pct")
        if self.from_ is not None and self.combine not in ("mean", "sum"):
            raise ValueError("bcch: from/to needs combine: mean | sum")
        if self.years is not None and self.combine != "change":
            raise ValueError("bcch: years needs combine: change")
        at = self.month or self.quarter
        form = r"\d{4}-(0[1-9]|1[0-2])" if self.month else r"\d{4}-Q[1-4]"
        if at and self.extreme_of and not all(re.fullmatch(form, code) for code in self.extreme_of):
            raise ValueError(f"bcch: extreme_of {self.extreme_of} must be codes like {at}")
        _check_extreme_spec("bcch", "month or quarter", at, self.extreme_of, self.extreme)
        return self


class RecordedSource(_Spec):
    """A value a person confirmed: a reader's correction promoted from feedback (``cifra feedback promote``),
    computed by the corrected plan on the database of that day, with the person who confirmed it."""

    recorded: float
    area: str
    period: str
    confirmed_by: str = Field(min_length=1)


OPERAND_KINDS = {"wdi", "ine_projection", "census2024", "mdsf_poverty", "bcch", "recorded"}


def _operand(source: dict[str, Any]) -> dict[str, Any]:
    """An operand gives one value whose area the source knows (a regional BCCh series does not)."""
    if source_kind(source) not in OPERAND_KINDS or file_needs_area(source):
        raise ValueError(f"an operand is a source of one value, one of {sorted(OPERAND_KINDS)}: {source}")
    parse_source(source)
    return source


Operand = Annotated[dict[str, Any], AfterValidator(_operand)]


class DifferenceSource(_Spec):
    difference: tuple[Operand, Operand]


class RatioSource(_Spec):
    ratio: tuple[Operand, Operand]


SOURCE_KINDS: dict[str, type[_Spec]] = {
    "wdi": WdiSource,
    "wdi_rank": WdiRankSource,
    "wdi_count": WdiCountSource,
    "wdi_position": WdiPositionSource,
    "difference": DifferenceSource,
    "ratio": RatioSource,
    "ine_projection": IneProjectionSource,
    "ine_projection_rank": IneProjectionRankSource,
    "census2024": Census2024Source,
    "census2024_rank": Census2024RankSource,
    "mdsf_poverty": MdsfPovertySource,
    "mdsf_poverty_rank": MdsfPovertyRankSource,
    "bcch": BcchSource,
    "recorded": RecordedSource,
}
RANK_KINDS = {"wdi_rank", "ine_projection_rank", "census2024_rank", "mdsf_poverty_rank"}
RESULT_INDICATORS = {"difference": "difference", "ratio": "ratio", "wdi_count": "count", "wdi_position": "rank"}


def source_kind(source: dict[str, Any]) -> str:
    kinds = [key for key in source if key in SOURCE_KINDS]
    if len(kinds) != 1:
        raise ValueError(f"a source names exactly one of {sorted(SOURCE_KINDS)}: {source}")
    return kinds[0]


def parse_source(source: dict[str, Any]) -> _Spec:
    return SOURCE_KINDS[source_kind(source)].model_validate(source)


# --------------------------------------------------------------------------- raw file readers


def data_dir() -> Path:
    from cifra.settings import Settings

    return Settings().data_dir


@cache
def _wdi(code: str) -> dict[str, dict[int, float]]:
    """``{country: {year: value}}`` from ``wdi/indicators/<code>/data.csv``."""
    path = data_dir() / "wdi" / "indicators" / code.lower() / "data.csv"
    if not path.is_file():
        raise FileNotFoundError(f"no WDI file for {code}: {path}")
    table: dict[str, dict[int, float]] = defaultdict(dict)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Value"] in ("", None):
                continue
            country, year = row["Country Code"], int(row["Year"])
            if year in table[country]:
                raise ValueError(f"{path}: {country} {year} appears twice")
            table[country][year] = float(row["Value"])
    return dict(table)


@cache
def _m49_members(code: str) -> tuple[str, ...]:
    """ISO3 codes whose UN region, sub-region or intermediate region is ``code`` (country-codes.csv)."""
    number = int(code)
    path = data_dir() / "country-codes" / "data" / "country-codes.csv"
    members = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            columns = ("Region Code", "Sub-region Code", "Intermediate Region Code")
            codes = [row.get(column, "").strip() for column in columns]
            if any(c.isdigit() and int(c) == number for c in codes) and row["ISO3166-1-Alpha-3"].strip():
                members.append(row["ISO3166-1-Alpha-3"].strip())
    if not members:
        raise ValueError(f"no country-codes.csv member for M49 {code}")
    return tuple(sorted(members))


def _group_values(group: WdiGroup) -> dict[str, float]:
    """``{member: value}`` for the members with a value in the group's year."""
    members = group.countries if group.countries is not None else _m49_members(group.m49)
    table = _wdi(group.code)
    return {c: table[c][group.year] for c in members if group.year in table.get(c, {})}


@cache
def _ine() -> list[tuple[int, int, int, int, int]]:
    """Rows ``(cut_region, cut_provincia, cut_comuna, year, population)`` of the INE projections."""
    path = data_dir() / "chile" / "ine_proyecciones" / "proyecciones_comuna_anio.csv"
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            rows.append((int(row["cut_region"]), int(row["cut_provincia"]), int(row["cut_comuna"]),
                         int(row["año"]), int(row["población"])))  # fmt: skip
    return rows


@cache
def _hub(name: str) -> list[dict[str, Any]]:
    return json.loads((data_dir() / "chile" / "chile_hub" / name).read_text(encoding="utf-8"))


@cache
def _bcch(file: str, series: str) -> list[tuple[str, int, int, float]]:
    """``(period, year, month, value)`` of one series; periods ``YYYY-MM``, or ``YYYY-Qn`` for quarterly files."""
    path = data_dir() / "chile" / "bcch" / file
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["serie"] != series:
                continue
            year, month = int(row["año"]), int(row["mes"])
            if "trimestre" in row:
                period = f"{year:04d}-Q{int(row['trimestre'])}"
            else:
                period = f"{year:04d}-{month:02d}"
            out.append((period, year, month, float(row["valor"].replace(",", "."))))
    if not out:
        raise ValueError(f"{path}: no series {series!r}")
    out.sort(key=lambda item: (item[1], item[2]))
    if len({item[0] for item in out}) != len(out):
        raise ValueError(f"{path}: {series!r} has a period twice")
    return out


def _check_scale(file: str, series: str, used: list[int]) -> None:
    """Fail on values about 10x or 100x below their neighbours (trailing zeros dropped by the publisher's export)."""
    rows = _bcch(file, series)
    values = [row[3] for row in rows]
    if min(values) <= 0:
        return  # growth rates and the like: no scale check
    for index in used:
        neighbours = [values[j] for j in range(index - 4, index + 5) if j != index and 0 <= j < len(values)]
        median = statistics.median(neighbours)
        if values[index] < 0.5 * median and any(abs(values[index] * k / median - 1) < 0.3 for k in (10, 100, 1000)):
            raise ValueError(f"{file}: {series!r} {rows[index][0]} = {values[index]:g} looks like a value that lost "
                             f"trailing zeros (neighbours ~{median:g}); pick another period")


def _chile_area(level: str, cut: int | None) -> str:
    if level == "country":
        return "CHL"
    width = {"region": 2, "province": 3, "comuna": 5}[level]
    return f"CL-{cut:0{width}d}"


def _ine_value(level: str, cut: int | None, year: int) -> float:
    position = {"region": 0, "province": 1, "comuna": 2}.get(level)
    rows = [r for r in _ine() if r[3] == year and (position is None or r[position] == cut)]
    if not rows:
        raise ValueError(f"INE projections: nothing for {level} {cut} in {year}")
    return float(sum(r[4] for r in rows))


def _census_file(field: str) -> str:
    for name in ("censo_comunal.json", "censo_hogares_viviendas.json"):
        if field in _hub(name)[0]:
            return name
    raise ValueError(f"no Censo 2024 file has the field {field!r}")


def _region_of(record: dict[str, Any]) -> int:
    return int(record["codigo_region"])


def _census_value(field: str, level: str, cut: int | None) -> float:
    records = _hub(_census_file(field))
    key = {"region": "codigo_region", "province": "codigo_provincia", "comuna": "codigo_comuna"}.get(level)
    chosen = [r for r in records if key is None or int(r[key]) == cut]
    if not chosen:
        raise ValueError(f"Censo 2024: no {level} {cut}")
    if len(chosen) > 1 and not all(isinstance(r[field], int) for r in chosen):
        raise ValueError(f"Censo 2024: {field} is not a count and cannot be summed over comunas")
    if any(r[field] is None for r in chosen):
        raise ValueError(f"Censo 2024: {field} missing for part of {level} {cut}")
    return float(sum(r[field] for r in chosen))


def _poverty(dimension: str) -> list[dict[str, Any]]:
    return [r for r in _hub("pobreza_comunal.json") if r["dimension"] == dimension and r["tasa"] is not None]


def _ranked(items: list[tuple[str, float]], top: int, order: str, what: str) -> list[tuple[str, float]]:
    """Top ``top`` by value (ties broken by area code); fails when a tie straddles the cut."""
    ordered = sorted(items, key=lambda item: (-item[1] if order == "desc" else item[1], item[0]))
    if len(ordered) < top:
        raise ValueError(f"{what}: only {len(ordered)} areas with values, {top} asked")
    if len(ordered) > top and ordered[top - 1][1] == ordered[top][1]:
        raise ValueError(f"{what}: tie at the cut ({ordered[top - 1]} / {ordered[top]}); pick another case")
    return ordered[:top]


def _check_extreme(what: str, at: Any, candidates: dict[Any, float], extreme: str) -> None:
    """Fail unless ``at`` is the only period holding the max (min) of ``candidates`` (``{period: value}``)."""
    best = max(candidates.values()) if extreme == "max" else min(candidates.values())
    holders = sorted(period for period, value in candidates.items() if value == best)
    if holders != [at]:
        raise ValueError(f"{what}: the {extreme} of {min(candidates)}..{max(candidates)} is at {holders}, not {at}")


# --------------------------------------------------------------------------- computation


def _compute(source: dict[str, Any]) -> list[tuple[str, str, float]]:
    """``(area, period, value)`` for one source."""
    spec = parse_source(source)
    if isinstance(spec, WdiSource):
        series = _wdi(spec.wdi).get(spec.country, {})
        if not series:
            raise ValueError(f"WDI {spec.wdi}: no values for {spec.country}")
        if spec.latest:
            year = max(series)
            return [(spec.country, str(year), series[year])]
        if spec.year is not None:
            if spec.year not in series:
                raise ValueError(f"WDI {spec.wdi}: no value for {spec.country} in {spec.year}")
            if spec.extreme_of:
                candidates = {y: v for y, v in series.items() if _within(y, spec.extreme_of)}
                _check_extreme(f"WDI {spec.wdi} {spec.country}", spec.year, candidates, spec.extreme)
            return [(spec.country, str(spec.year), series[spec.year])]
        first, last = spec.years
        if spec.combine == "change":
            missing = [y for y in (first, last) if y not in series]
            if missing:
                raise ValueError(f"WDI {spec.wdi}: no value for {spec.country} in {missing}")
            return [(spec.country, f"{first}..{last}", series[last] - series[first])]
        years = sorted(y for y in series if first <= y <= last)
        if not years:
            raise ValueError(f"WDI {spec.wdi}: no value for {spec.country} in {first}..{last}")
        return [(spec.country, f"{years[0]}..{years[-1]}", statistics.fmean(series[y] for y in years))]

    if isinstance(spec, WdiRankSource):
        rank = spec.wdi_rank
        chosen = _ranked(list(_group_values(rank).items()), rank.top, rank.order, f"WDI {rank.code} {rank.year}")
        return [(area, str(rank.year), value) for area, value in chosen]

    if isinstance(spec, WdiCountSource):
        count = spec.wdi_count
        values = _group_values(count)
        if not values:
            raise ValueError(f"WDI {count.code}: no member has a value in {count.year}")
        hits = [v for v in values.values() if (v > count.above if count.above is not None else v < count.below)]
        area = f"M49-{int(count.m49):03d}" if count.m49 else ""  # a list of countries: the YAML names the group
        return [(area, str(count.year), float(len(hits)))]

    if isinstance(spec, WdiPositionSource):
        position = spec.wdi_position
        values = _group_values(position)
        if position.country not in values:
            raise ValueError(f"WDI {position.code}: {position.country} is no member with a value in {position.year}")
        mine = values[position.country]
        ahead = sum(v > mine if position.order == "desc" else v < mine for v in values.values())
        return [(position.country, str(position.year), float(ahead + 1))]

    if isinstance(spec, DifferenceSource | RatioSource):
        return [_operation(spec)]

    if isinstance(spec, IneProjectionSource):
        area = _chile_area(spec.ine_projection.level, spec.ine_projection.cut)
        level, cut = spec.ine_projection.level, spec.ine_projection.cut
        if spec.year is not None:
            return [(area, str(spec.year), _ine_value(level, cut, spec.year))]
        first, last = spec.years
        return [(area, f"{first}..{last}", _ine_value(level, cut, last) - _ine_value(level, cut, first))]

    if isinstance(spec, IneProjectionRankSource):
        rank = spec.ine_projection_rank
        position = {"region": 0, "province": 1, "comuna": 2}[rank.level]
        totals: dict[int, float] = defaultdict(float)
        for row in _ine():
            if row[3] == spec.year and (rank.within is None or row[0] == rank.within):
                totals[row[position]] += row[4]
        items = [(_chile_area(rank.level, cut), value) for cut, value in totals.items()]
        chosen = _ranked(items, rank.top, rank.order, f"INE projections {rank.level} {spec.year}")
        return [(area, str(spec.year), value) for area, value in chosen]

    if isinstance(spec, Census2024Source):
        c = spec.census2024
        return [(_chile_area(c.level, c.cut), "2024", _census_value(c.field, c.level, c.cut))]

    if isinstance(spec, Census2024RankSource):
        rank = spec.census2024_rank
        key = {"region": "codigo_region", "province": "codigo_provincia", "comuna": "codigo_comuna"}[rank.level]
        totals = defaultdict(float)
        for record in _hub(_census_file(rank.field)):
            if rank.within is None or _region_of(record) == rank.within:
                totals[int(record[key])] += record[rank.field]
        items = [(_chile_area(rank.level, cut), value) for cut, value in totals.items()]
        chosen = _ranked(items, rank.top, rank.order, f"Censo 2024 {rank.field}")
        return [(area, "2024", value) for area, value in chosen]

    if isinstance(spec, MdsfPovertySource):
        p = spec.mdsf_poverty
        rows = [r for r in _poverty(p.dimension) if int(r["codigo_comuna"]) == p.cut]
        if len(rows) != 1:
            raise ValueError(f"comuna poverty ({p.dimension}): {len(rows)} rows for comuna {p.cut}")
        return [(_chile_area("comuna", p.cut), str(rows[0]["anio"]), float(rows[0]["tasa"]))]

    if isinstance(spec, MdsfPovertyRankSource):
        rank = spec.mdsf_poverty_rank
        rows = [r for r in _poverty(rank.dimension) if rank.within is None or _region_of(r) == rank.within]
        years = {r["anio"] for r in rows}
        if len(years) != 1:
            raise ValueError(f"comuna poverty: several years {years}")
        items = [(_chile_area("comuna", int(r["codigo_comuna"])), float(r["tasa"])) for r in rows]
        chosen = _ranked(items, rank.top, rank.order, f"comuna poverty {rank.dimension}")
        year = str(years.pop())
        return [(area, year, value) for area, value in chosen]

    if isinstance(spec, BcchSource):
        return _compute_bcch(spec)
    if isinstance(spec, RecordedSource):
        return [(spec.area, spec.period, spec.recorded)]
    raise AssertionError(spec)


def _operation(spec: DifferenceSource | RatioSource) -> tuple[str, str, float]:
    """First operand minus (over) the second, in the period both share."""
    pair = spec.difference if isinstance(spec, DifferenceSource) else spec.ratio
    (area_a, period_a, a), (area_b, period_b, b) = (_compute(operand)[0] for operand in pair)
    area_a, area_b = area_a or "CHL", area_b or "CHL"  # a national BCCh series is Chile's
    if period_a != period_b:
        raise ValueError(f"operands of different periods ({period_a}, {period_b}): {list(pair)}")
    area = area_a if area_a == area_b else f"{area_a},{area_b}"
    if isinstance(spec, DifferenceSource):
        return area, period_a, a - b
    if b == 0:
        raise ValueError(f"ratio over a zero value: {list(pair)}")
    return area, period_a, a / b


def _compute_bcch(spec: BcchSource) -> list[tuple[str, str, float]]:
    file, series = spec.bcch.file, spec.bcch.series
    rows = _bcch(file, series)
    if spec.extreme_of:  # the value at the checked month (quarter), once it is the extreme of the range
        plain = spec.model_copy(update={"extreme_of": None, "extreme": None})
        value = _compute_bcch(plain)
        key = "month" if spec.month else "quarter"
        candidates = {r[0]: _compute_bcch(plain.model_copy(update={key: r[0]}))[0][2]
                      for r in rows if _within(r[0], spec.extreme_of)}  # fmt: skip
        _check_extreme(f"BCCh {file} {series!r}", plain.month or plain.quarter, candidates, spec.extreme)
        return value
    quarterly = "-Q" in rows[0][0]
    full_year = 4 if quarterly else 12

    def pick(indexes: list[int], what: str) -> list[int]:
        if not indexes:
            raise ValueError(f"BCCh {file} {series!r}: nothing for {what}")
        _check_scale(file, series, indexes)
        return indexes

    def annual(year: int, how: str) -> float:
        indexes = pick([i for i, r in enumerate(rows) if r[1] == year], str(year))
        if len(indexes) != full_year:
            raise ValueError(f"BCCh {file} {series!r}: {year} has {len(indexes)} of {full_year} periods")
        values = [rows[i][3] for i in indexes]
        return sum(values) if how == "sum" else statistics.fmean(values)

    def value_at(code: str) -> float:
        return rows[pick([i for i, r in enumerate(rows) if r[0] == code], code)[0]][3]

    if spec.combine == "yoy_pct":  # a month or quarter; a year is its final period (December against December)
        code = spec.month or spec.quarter or f"{spec.year}-{'Q4' if quarterly else '12'}"
        change = (value_at(code) / value_at(f"{int(code[:4]) - 1}{code[4:]}") - 1) * 100
        return [("", code if spec.year is None else str(spec.year), change)]
    if spec.latest:
        index = pick([len(rows) - 1], "latest")[0]
        return [("", rows[index][0], rows[index][3])]
    if spec.month is not None or spec.quarter is not None:
        code = spec.month or spec.quarter
        index = pick([i for i, r in enumerate(rows) if r[0] == code], code)[0]
        return [("", code, rows[index][3])]
    if spec.year is not None:
        return [("", str(spec.year), annual(spec.year, spec.combine))]
    if spec.years is not None:
        first, last = spec.years
        return [("", f"{first}..{last}", annual(last, spec.annual) - annual(first, spec.annual))]
    start, end = (int(spec.from_[:4]), int(spec.from_[5:])), (int(spec.to[:4]), int(spec.to[5:]))
    indexes = pick([i for i, r in enumerate(rows) if start <= (r[1], r[2]) <= end], f"{spec.from_}..{spec.to}")
    values = [rows[i][3] for i in indexes]
    value = sum(values) if spec.combine == "sum" else statistics.fmean(values)
    return [("", f"{rows[indexes[0]][0]}..{rows[indexes[-1]][0]}", value)]


def _as_expect(case_turn_expect: TurnExpect | dict[str, Any]) -> TurnExpect:
    if isinstance(case_turn_expect, TurnExpect):
        return case_turn_expect
    if isinstance(case_turn_expect, BaseModel):  # e.g. the same model loaded under another module name
        case_turn_expect = case_turn_expect.model_dump(by_alias=True)
    return TurnExpect.model_validate(case_turn_expect)


def expected_values(case_turn_expect: TurnExpect | dict[str, Any]) -> list[ExpectedValue]:
    """The values a turn's answer must contain, computed from the raw files (empty unless status is ok)."""
    expect = _as_expect(case_turn_expect)
    out: list[ExpectedValue] = []
    for spec in expect.values:
        kind = source_kind(spec.source)
        computed = _compute(spec.source)
        indicators = spec.indicators
        for area, period, value in computed:
            if kind == "bcch":
                if not spec.area and file_needs_area(spec.source):
                    raise ValueError(f"{spec.source}: a regional BCCh series needs an explicit area")
                area = spec.area or "CHL"
            elif not area:
                if not spec.area:
                    raise ValueError(f"{spec.source}: a count over a list of countries needs `area` (e.g. G-OECD)")
                area = spec.area
            elif spec.area and kind not in RANK_KINDS and spec.area != area:
                raise ValueError(f"{spec.source}: YAML says area {spec.area}, the source gives {area}")
            if kind in RANK_KINDS and spec.area:
                raise ValueError(f"{spec.source}: a ranking gives its own areas; drop `area`")
            if spec.period and spec.period != period:
                raise ValueError(f"{spec.source}: YAML says period {spec.period}, the source gives {period}")
            out.append(ExpectedValue(indicator=indicators[0], indicator_any=indicators[1:], area=area, period=period,
                                     value=value, tolerance=spec.tolerance))  # fmt: skip
    return out


def file_needs_area(source: dict[str, Any]) -> bool:
    return source.get("bcch", {}).get("file") == "pib_regional.csv"


def main(argv: list[str] | None = None) -> int:
    """Print every case id with its computed values: ``python -m eval.expected [path]``."""
    from eval.score import DEFAULT_CASES, load_cases

    args = sys.argv[1:] if argv is None else argv
    cases = load_cases(Path(args[0]) if args else DEFAULT_CASES)
    failures = 0
    for case in cases:
        print(f"{case.id}  [{case.split}, {case.language}, {', '.join(case.tags)}]")
        for number, turn in enumerate(case.turns, 1):
            print(f"  {number}. {turn.question}")
            try:
                values = expected_values(turn.expect)
            except Exception as error:  # noqa: BLE001 - report and go on
                failures += 1
                print(f"     ERROR {error}")
                continue
            if not values:
                print(f"     -> {'|'.join(turn.expect.statuses)}")
            for v in values:
                alternatives = f" (or {', '.join(v.indicator_any)})" if v.indicator_any else ""
                print(f"     -> {v.indicator}{alternatives} {v.area} {v.period} = {v.value:,.6g} (±{v.tolerance:g})")
    print(f"{len(cases)} cases, {failures} errors")
    return 1 if failures else 0


if __name__ == "__main__":
    # Run the copy imported as ``eval.expected`` so that its models are the ones eval.score uses.
    from eval.expected import main as _main

    raise SystemExit(_main())
