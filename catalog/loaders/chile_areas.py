"""Chile's regions, provinces and comunas with CUT codes (BCN, via chile-hub JSON files)."""

import json
import re
from pathlib import Path

from catalog.loaders.records import AreaRecord, LoadError

FOLDER = Path("chile/chile_hub")


def region_code(cut: str | int) -> str:
    return f"CL-{int(cut):02d}"


def province_code(cut: str | int) -> str:
    return f"CL-{int(cut):03d}"


def comuna_code(cut: str | int) -> str:
    return f"CL-{int(cut):05d}"


def _read(path: Path, fields: list[str]) -> list[dict]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise LoadError(path, f"cannot read JSON: {error}") from error
    for position, record in enumerate(records, start=1):
        missing = [field for field in fields if record.get(field) in (None, "")]
        if missing:
            raise LoadError(path, f"record {position} lacks {missing}")
    return records


def short_region_name(name: str) -> str:
    """'Región del Maule' -> 'Maule'; 'Región Metropolitana de Santiago' -> 'Metropolitana de Santiago'."""
    return re.sub(r"^Regi[oó]n\s+(de\s+la\s+|del\s+|de\s+)?", "", name).strip()


def load(data_dir: Path) -> list[AreaRecord]:
    folder = data_dir / FOLDER
    areas: list[AreaRecord] = []
    for record in _read(folder / "regiones.json", ["codigo_region", "nombre_region"]):
        short = short_region_name(record["nombre_region"])
        areas.append(AreaRecord(region_code(record["codigo_region"]), "cl_region", record["nombre_region"],
                                f"{short} Region", cut=record["codigo_region"], parent_code="CHL"))
    for record in _read(folder / "provincias.json", ["codigo_region", "codigo_provincia", "nombre_provincia"]):
        name = record["nombre_provincia"]
        areas.append(AreaRecord(province_code(record["codigo_provincia"]), "cl_province", f"Provincia de {name}",
                                f"{name} Province", cut=record["codigo_provincia"],
                                parent_code=region_code(record["codigo_region"])))
    for record in _read(folder / "comunas.json", ["codigo_provincia", "codigo_comuna", "nombre_comuna"]):
        name = record["nombre_comuna"]
        areas.append(AreaRecord(comuna_code(record["codigo_comuna"]), "cl_comuna", name, name,
                                cut=record["codigo_comuna"], parent_code=province_code(record["codigo_provincia"])))
    return areas
