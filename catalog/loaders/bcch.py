"""Banco Central de Chile series files: ``;``-separated, decimal comma, columns serie/fecha/valor (and, for copper,
con_dato: FALSE marks a day without a quote that repeats the last one, never an observation).

One file holds several series; a curated card picks its series by label. ``pib_regional.csv`` is
the exception: each label is a region, matched to the region list by folded, fuzzy name.
"""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from statistics import median

from rapidfuzz import fuzz, process

from catalog.curation import IndicatorCard
from catalog.loaders.csv_rows import parse_int, parse_number, read_rows
from catalog.loaders.records import AreaRecord, LoadError, ObservationRecord, WithheldValue
from catalog.periods import Period, daily, monthly, quarterly
from catalog.text import fold

SOURCE_ID = "bcch"
COLUMNS = ["serie", "fecha", "valor", "fecha_scraping"]
# The regional file's national row repeats the national accounts (CHL.GDP.VOLUME): the regional series is
# the regions' own, so "GDP of Chile" is never answered from it.
NATIONAL_TOTAL_LABEL = "Producto Interno Bruto"
REGION_MATCH_CUTOFF = 80
PLAUSIBLE_RATIO = 0.3


def _period(frequency: str, fecha: str, row: dict[str, str], path: Path, line: int) -> Period:
    try:
        day = date.fromisoformat("-".join(part.zfill(2) for part in fecha.split("-")))
    except ValueError:
        raise LoadError(path, f"not a date: {fecha!r}", line=line) from None
    if frequency == "Q":
        return quarterly(day.year, parse_int(row["trimestre"], path, line) if "trimestre" in row else (day.month + 2) // 3)
    if frequency == "M":
        return monthly(day.year, day.month)
    if frequency == "D":
        return daily(day)
    raise LoadError(path, f"frequency {frequency!r} is not read from BCCh files")


class RegionMatcher:
    """Maps BCCh's region labels ('Región del Biobío') to area codes ('CL-08')."""

    def __init__(self, regions: list[AreaRecord]):
        self._codes = {fold(region.name_es): region.code for region in regions if region.kind == "cl_region"}

    def __call__(self, label: str) -> str | None:
        match = process.extractOne(fold(label), list(self._codes), scorer=fuzz.token_sort_ratio,
                                   score_cutoff=REGION_MATCH_CUTOFF)
        return self._codes[match[0]] if match else None


def implausible(series: list[float], position: int) -> bool:
    """A value ten times off its neighbours: the regional GDP file has values that lost a trailing zero
    (Antofagasta 2022-Q4 stored as 427 instead of about 4,270). Wrong numbers are worse than none."""
    neighbours = series[max(0, position - 4) : position] + series[position + 1 : position + 5]
    if len(neighbours) < 2:
        return False
    typical = median(neighbours)
    return typical > 0 and not PLAUSIBLE_RATIO <= series[position] / typical <= 1 / PLAUSIBLE_RATIO


def read_observations(data_dir: Path, card: IndicatorCard, regions: RegionMatcher, skipped: set[str],
                      rejected: list[WithheldValue]) -> Iterator[ObservationRecord]:
    """Yield the card's series. Labels of a regional file that match no area are added to ``skipped``;
    implausible values are left out and named (file:line) in ``rejected``."""
    by_area: dict[str, list[tuple[int, ObservationRecord]]] = {}
    for line, record in _read(data_dir, card, regions, skipped):
        by_area.setdefault(record.area_code, []).append((line, record))
    for rows in by_area.values():
        values = [record.value for _, record in rows]
        for position, (line, record) in enumerate(rows):
            if implausible(values, position):
                rejected.append(WithheldValue(record.indicator_code, record.area_code, record.period, record.year,
                                              record.value, f"{card.origin.file}:{line}"))
            else:
                yield record


def _read(data_dir: Path, card: IndicatorCard, regions: RegionMatcher, skipped: set[str]) -> Iterator[tuple[int, ObservationRecord]]:
    path = data_dir / card.origin.file
    for line, row in read_rows(path, COLUMNS, delimiter=";"):
        label = row["serie"]
        if card.origin.series is None and label == NATIONAL_TOTAL_LABEL:
            continue
        if card.origin.series is None:
            area = regions(label)
            if area is None:
                skipped.add(label)
                continue
        elif label != card.origin.series:
            continue
        else:
            area = "CHL"
        if row["valor"].strip() in ("", "NA") or row.get("con_dato") == "FALSE":
            continue  # no value, or a day without a quote filled with the last one (the copper file says which)
        period = _period(card.frequency, row["fecha"], row, path, line)
        try:
            vintage = date.fromisoformat(row["fecha_scraping"])
        except ValueError:
            raise LoadError(path, f"not a date in fecha_scraping: {row['fecha_scraping']!r}", line=line) from None
        value = parse_number(row["valor"], path, line, decimal_comma=True)
        yield line, ObservationRecord(card.code, area, period.code, "_T", "_T", period.year, period.start, value,
                                      "final", SOURCE_ID, vintage)
