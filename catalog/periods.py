"""Period codes shared by the loaders and the agent: ``2020``, ``2020-Q3``, ``2020-12``, ``2023-01-03``."""

from datetime import date
from typing import NamedTuple


class Period(NamedTuple):
    code: str
    year: int
    start: date


def annual(year: int) -> Period:
    return Period(f"{year:04d}", year, date(year, 1, 1))


def quarterly(year: int, quarter: int) -> Period:
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter {quarter} is not between 1 and 4")
    return Period(f"{year:04d}-Q{quarter}", year, date(year, 3 * quarter - 2, 1))


def monthly(year: int, month: int) -> Period:
    return Period(f"{year:04d}-{month:02d}", year, date(year, month, 1))


def daily(day: date) -> Period:
    return Period(day.isoformat(), day.year, day)
