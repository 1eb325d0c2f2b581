"""Any agency's SDMX data (SDMX-CSV, SDMX-ML, SDMX-JSON) through pysdmx.

Series are keyed by every dimension other than ``REF_AREA``, ``TIME_PERIOD`` and ``FREQ``: the
indicator code is ``<agency>.<flow>.<key>`` (e.g. ``DEMO.WDI.FP_CPI_TOTL_ZG``). Such indicators are
uncurated: their names are their codes until a curated card describes them.
"""

import math
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel
from pysdmx.io import read_sdmx

from catalog.loaders.records import LoadError, ObservationRecord
from catalog.periods import Period, annual, monthly, quarterly

NON_KEY_COLUMNS = {"REF_AREA", "TIME_PERIOD", "OBS_VALUE", "FREQ", "UNIT_MEASURE", "OBS_STATUS", "UNIT_MULT",
                   "DECIMALS", "STRUCTURE", "STRUCTURE_ID", "ACTION"}
PERIOD_PATTERNS = [
    (re.compile(r"^(\d{4})$"), lambda m: annual(int(m[1]))),
    (re.compile(r"^(\d{4})-?Q([1-4])$"), lambda m: quarterly(int(m[1]), int(m[2]))),
    (re.compile(r"^(\d{4})-M?(\d{2})$"), lambda m: monthly(int(m[1]), int(m[2]))),
]


class SdmxSeries(BaseModel):
    code: str
    unit: str | None
    frequency: str


class SdmxData(BaseModel):
    source_id: str
    series: list[SdmxSeries]
    observations: list[ObservationRecord]


def parse_period(text: str) -> Period:
    for pattern, build in PERIOD_PATTERNS:
        match = pattern.match(text.strip())
        if match:
            return build(match)
    raise ValueError(f"unsupported SDMX period {text!r}")


def _rows(path: Path, source_id: str) -> Iterator[tuple[SdmxSeries, ObservationRecord]]:
    try:
        message = read_sdmx(str(path))
    except Exception as error:  # pysdmx raises many kinds; all mean the file cannot be used
        raise LoadError(path, f"not readable as SDMX: {error}") from error
    for dataset in message.data:
        agency, flow = re.match(r".*=(\w+):(\w+)", dataset.short_urn).groups()
        frame = dataset.data
        if not {"REF_AREA", "TIME_PERIOD", "OBS_VALUE"} <= set(frame.columns):
            raise LoadError(path, "SDMX data needs REF_AREA, TIME_PERIOD and OBS_VALUE")
        key_columns = [column for column in frame.columns if column not in NON_KEY_COLUMNS]
        for position, row in enumerate(frame.to_dict("records"), start=1):
            code = ".".join([agency, flow, *(str(row[column]) for column in key_columns)])
            try:
                period, value = parse_period(str(row["TIME_PERIOD"])), float(row["OBS_VALUE"])
            except ValueError as error:
                raise LoadError(path, str(error), line=position + 1) from error
            if not math.isfinite(value):
                continue
            series = SdmxSeries(code=code, unit=row.get("UNIT_MEASURE"), frequency=str(row.get("FREQ", "A")))
            yield series, ObservationRecord(code, str(row["REF_AREA"]), period.code, "_T", "_T", period.year,
                                            period.start, value, "final", source_id, None)


def load(path: Path, source_id: str) -> SdmxData:
    series: dict[str, SdmxSeries] = {}
    observations: list[ObservationRecord] = []
    for one_series, observation in _rows(path, source_id):
        series.setdefault(one_series.code, one_series)
        observations.append(observation)
    return SdmxData(source_id=source_id, series=list(series.values()), observations=observations)
