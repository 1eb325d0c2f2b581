"""Records the loaders yield and the build writes: plain named tuples, because millions are made."""

from datetime import date
from typing import NamedTuple


class ObservationRecord(NamedTuple):
    indicator_code: str
    area_code: str
    period: str
    sex: str
    age: str
    year: int
    period_start: date
    value: float
    status: str
    source_id: str
    vintage: date | None


class WithheldValue(NamedTuple):
    """A published value the build left out as implausible; kept so an answer can say why a period is missing."""

    indicator_code: str
    area_code: str
    period: str
    year: int
    value: float
    location: str  # file:line in the mirror

    def __str__(self) -> str:
        return f"{self.location} ({self.area_code} {self.period} = {self.value:g})"


class AreaRecord(NamedTuple):
    code: str
    kind: str
    name_es: str
    name_en: str
    iso2: str | None = None
    iso3: str | None = None
    m49: str | None = None
    cut: str | None = None
    parent_code: str | None = None
    demonym_es: str | None = None
    demonym_en: str | None = None


class LoadError(ValueError):
    """A mirror file cannot be read; the message names the file and, where known, the line."""

    def __init__(self, path, reason: str, line: int | None = None):
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
