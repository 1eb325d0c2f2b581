"""World Bank WDI Frictionless datapackages: ``wdi/indicators/<code>/{datapackage.json,data.csv}``."""

import json
import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from catalog.loaders.csv_rows import parse_int, parse_number, read_rows
from catalog.loaders.records import LoadError, ObservationRecord
from catalog.periods import annual

SOURCE_ID = "wdi"
COLUMNS = ["Country Name", "Country Code", "Year", "Value"]


class WdiPackage(BaseModel):
    """The publisher's own English metadata, used for indicators without a curated card."""

    code: str
    title: str
    definition: str
    license: str
    topic: str
    folder: Path


def indicator_folder(data_dir: Path) -> Path:
    return data_dir / "wdi" / "indicators"


def available_codes(data_dir: Path) -> list[str]:
    return sorted(path.name.upper() for path in indicator_folder(data_dir).iterdir() if (path / "data.csv").exists())


def read_package(data_dir: Path, code: str) -> WdiPackage:
    folder = indicator_folder(data_dir) / code.lower()
    path = folder / "datapackage.json"
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise LoadError(path, f"cannot read datapackage: {error}") from error
    licenses = package.get("licenses") or [{"name": "CC-BY-4.0"}]
    return WdiPackage(
        code=code.upper(),
        title=package.get("title") or code,
        definition=package.get("readme") or "",
        license=licenses[0].get("name", ""),
        topic=(package.get("keywords") or ["other"])[0],
        folder=folder,
    )


def read_observations(
    data_dir: Path, code: str, vintage: date | None, area_names: dict[str, str]
) -> Iterator[ObservationRecord]:
    """Yield one indicator's values; ``area_names`` collects each area code's English name as seen."""
    path = indicator_folder(data_dir) / code.lower() / "data.csv"
    for line, row in read_rows(path, COLUMNS):
        if not row["Value"].strip():
            continue
        value = parse_number(row["Value"], path, line)
        if not math.isfinite(value):
            raise LoadError(path, f"value is not finite: {row['Value']!r}", line=line)
        area = row["Country Code"].strip()
        if not area:
            raise LoadError(path, "empty Country Code", line=line)
        area_names.setdefault(area, row["Country Name"])
        period = annual(parse_int(row["Year"], path, line))
        yield ObservationRecord(code, area, period.code, "_T", "_T", period.year, period.start, value, "final", SOURCE_ID, vintage)
