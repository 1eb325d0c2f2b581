"""INE Chile population projections (base Censo 2017), by comuna and year, and by single age and sex."""

from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq

from catalog.loaders.chile_areas import comuna_code
from catalog.loaders.csv_rows import parse_int, parse_number, read_rows
from catalog.loaders.records import LoadError, ObservationRecord
from catalog.periods import annual

SOURCE_ID = "ine_proyecciones"
BY_AGE_SEX_FILE = Path("chile/ine_proyecciones/proyecciones_comuna_anio_edad_sexo.parquet")
CENSUS_BASE_YEAR = 2017
SEX_CODES = {"masculino": "M", "femenino": "F", "hombre": "M", "mujer": "F"}


def status_for(year: int) -> str:
    """Years up to the 2017 census base are estimates; later years are projections."""
    return "estimate" if year <= CENSUS_BASE_YEAR else "projection"


def read_projections(path: Path, indicator_code: str) -> Iterator[ObservationRecord]:
    for line, row in read_rows(path, ["cut_comuna", "año", "población"], delimiter=";"):
        period = annual(parse_int(row["año"], path, line))
        value = parse_number(row["población"], path, line)
        yield ObservationRecord(indicator_code, comuna_code(parse_int(row["cut_comuna"], path, line)), period.code,
                                "_T", "_T", period.year, period.start, value, status_for(period.year), SOURCE_ID, None)


def read_projections_by_age_sex(data_dir: Path, indicator_code: str) -> Iterator[ObservationRecord]:
    """The ~1.9 M-row breakdown; loaded only for scale builds (``CIFRA_WITH_AGE_SEX``)."""
    path = data_dir / BY_AGE_SEX_FILE
    try:
        table = pq.read_table(path, columns=["cut_comuna", "edad", "año", "población", "género"])
    except (OSError, KeyError, ValueError) as error:
        raise LoadError(path, f"cannot read parquet: {error}") from error
    for row_number, (comuna, age, year, value, sex) in enumerate(zip(*(column.to_pylist() for column in table.columns)), 1):
        if None in (comuna, age, year, value) or sex not in SEX_CODES:
            raise LoadError(path, f"incomplete or unknown values {comuna, age, year, value, sex}", line=row_number)
        period = annual(int(year))
        yield ObservationRecord(indicator_code, comuna_code(int(comuna)), period.code, SEX_CODES[sex], str(int(age)),
                                period.year, period.start, float(value), status_for(period.year), SOURCE_ID, None)
