"""chile-hub JSON tables by comuna (Censo 2024, households and dwellings, comuna poverty)."""

import json
import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from catalog.curation import IndicatorCard
from catalog.loaders.chile_areas import comuna_code
from catalog.loaders.records import LoadError, ObservationRecord
from catalog.periods import annual

CATALOG_FILE = Path("chile/chile_hub/dataset_catalog.json")


def vintage_of(data_dir: Path, dataset: str) -> date | None:
    """The date chile-hub refreshed ``dataset`` (its ``refreshed_at_utc``)."""
    path = data_dir / CATALOG_FILE
    try:
        catalog = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise LoadError(path, f"cannot read dataset catalog: {error}") from error
    for entry in catalog.get("datasets", []):
        if entry.get("dataset") == dataset and entry.get("refreshed_at_utc"):
            return date.fromisoformat(entry["refreshed_at_utc"][:10])
    return None


def read_observations(data_dir: Path, card: IndicatorCard) -> Iterator[ObservationRecord]:
    origin = card.origin
    path = data_dir / origin.file
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise LoadError(path, f"cannot read JSON: {error}") from error
    vintage = vintage_of(data_dir, path.stem)
    conditions = (origin.filter or {}).items()
    for position, record in enumerate(records, start=1):
        if any(str(record.get(column)) != expected for column, expected in conditions):
            continue
        value, comuna, year = record.get(origin.series), record.get("codigo_comuna"), record.get("anio", origin.year)
        if value is None:
            continue  # no value published (e.g. no households in the Antarctic comuna)
        if not isinstance(value, (int, float)) or not math.isfinite(value) or not comuna or year is None:
            raise LoadError(path, f"record {position}: needs a numeric {origin.series!r}, codigo_comuna and a year")
        period = annual(int(year))
        yield ObservationRecord(card.code, comuna_code(comuna), period.code, "_T", "_T", period.year, period.start,
                                float(value), "final", card.source, vintage)
