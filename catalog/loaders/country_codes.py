"""UN / ISO country codes (datahub ``country-codes.csv``): countries, UN regions, Spanish names."""

import re
from pathlib import Path

from pydantic import BaseModel

from catalog.loaders.csv_rows import read_rows
from catalog.loaders.records import AreaRecord

RELATIVE_PATH = Path("country-codes/data/country-codes.csv")
COLUMNS = [
    "ISO3166-1-Alpha-3", "ISO3166-1-Alpha-2", "M49", "CLDR display name", "UNTERM English Short",
    "UNTERM Spanish Short", "official_name_es", "official_name_en", "Region Code", "Region Name",
    "Sub-region Code", "Sub-region Name", "Intermediate Region Code", "Intermediate Region Name", "is_independent",
]  # fmt: skip
UN_REGION_LEVELS = [
    ("Region Code", "Region Name"),
    ("Sub-region Code", "Sub-region Name"),
    ("Intermediate Region Code", "Intermediate Region Name"),
]


class CountryCodes(BaseModel):
    countries: list[AreaRecord]
    un_regions: list[AreaRecord]
    aliases: dict[str, set[str]]
    memberships: set[tuple[str, str]]
    independent: set[str] = set()  # sovereign states (the file's is_independent)


def un_region_code(m49: str) -> str:
    return f"M49-{int(m49):03d}"


def _short(name: str) -> str:
    """'Bolivia (Estado Plurinacional de)' -> 'Bolivia'; 'la República de Chile' -> 'República de Chile'; 'El
    Salvador' keeps the article its name begins with."""
    without_parenthesis = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    return re.sub(r"^(el|la|los|las|the)\s+", "", without_parenthesis)


def _without_article(name: str) -> str:
    """'Congo (el)' -> 'Congo': the article a sorted list puts last names no other place ("el Congo" is either)."""
    return re.sub(r"\s*\((?:el|la|los|las|the|le|les|l')\)\s*$", "", name, flags=re.IGNORECASE)


def load(data_dir: Path) -> CountryCodes:
    path = data_dir / RELATIVE_PATH
    countries: list[AreaRecord] = []
    regions: dict[str, AreaRecord] = {}
    aliases: dict[str, set[str]] = {}
    memberships: set[tuple[str, str]] = set()
    independent: set[str] = set()
    for _line, row in read_rows(path, COLUMNS):
        iso3 = row["ISO3166-1-Alpha-3"].strip()
        if not iso3:
            continue
        chain: list[str] = []
        for code_column, name_column in UN_REGION_LEVELS:
            m49, name = row[code_column].strip(), row[name_column].strip()
            if m49 and name:
                code = un_region_code(m49)
                regions.setdefault(code, AreaRecord(code, "un_region", name, name, m49=f"{int(m49):03d}",
                                                    parent_code=chain[-1] if chain else None))
                chain.append(code)
        name_en = row["CLDR display name"] or row["UNTERM English Short"] or iso3
        name_es = _short(row["UNTERM Spanish Short"]) or name_en
        countries.append(
            AreaRecord(iso3, "country", name_es, name_en, iso2=row["ISO3166-1-Alpha-2"] or None, iso3=iso3,
                       m49=f"{int(row['M49']):03d}" if row["M49"].isdigit() else None,
                       parent_code=chain[-1] if chain else None)
        )
        names = {row["UNTERM Spanish Short"], row["official_name_es"], row["official_name_en"],
                 row["UNTERM English Short"], name_en, name_es}
        aliases[iso3] = {_short(name) for name in names if name} | {_without_article(name) for name in names if name}
        memberships.update((group, iso3) for group in chain)
        if row["is_independent"].strip() == "Yes":
            independent.add(iso3)
    return CountryCodes(countries=countries, un_regions=list(regions.values()), aliases=aliases, memberships=memberships,
                        independent=independent)
