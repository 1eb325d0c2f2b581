"""SDMX area codes to Cifra's area codes: which dimension holds the area, and what its codes mean.

Agencies name the area dimension differently (``REF_AREA`` at the ECB, IMF, OECD and BIS, ``geo`` at
Eurostat, ``COUNTRY`` or ``LOCATION`` elsewhere) and code it with ISO 3166 alpha-2 (``CL``), alpha-3
(``CHL``), UN M49 numbers (``152``) or their own aggregate codes (``U2``, ``EA20``, ``EU27_2020``).
``AreaMapper`` turns all of these into Cifra's codes: ISO3 for countries, ``M49-005`` for UN regions,
the World Bank aggregate codes WDI uses (``EMU``, ``EUU``, ``WLD``) for the aggregates listed in
``AGENCY_AREAS``. A code it cannot translate is passed through unchanged: the build keeps it only
if the area table has it (``CL-05``, ``LCN``) and otherwise skips those values and lists them in
its report.
"""

from collections.abc import Iterable

from catalog.loaders.records import AreaRecord

# Ids of the dimension that holds the area, most specific first; compared without case ("geo").
AREA_DIMENSIONS = ("REF_AREA", "GEO", "COUNTRY", "LOCATION", "AREA", "REF_AREA_CODE", "GEO_AREA", "COU")

# Agency codes that are not ISO 3166, with the Cifra area they stand for. The World Bank computes
# EMU and EUU over today's members for every year, so the current-composition codes (EA20,
# EU27_2020) match exactly and the changing-composition ones (U2, EA, EU) approximately.
AGENCY_AREAS = {
    "U2": "EMU",  # ECB, IMF: euro area (changing composition)
    "EA": "EMU",  # Eurostat: euro area (changing composition)
    "EA20": "EMU",  # Eurostat: euro area, 20 countries (from 2023)
    "EMU": "EMU",
    "EU": "EUU",  # Eurostat: European Union (changing composition)
    "EU27_2020": "EUU",  # Eurostat: European Union, 27 countries (from 2020)
    "EL": "GRC",  # Eurostat writes Greece EL, not GR
    "UK": "GBR",  # Eurostat writes the United Kingdom UK, not GB
    "XK": "XKX",  # Kosovo: no ISO code; XKX is the World Bank's
    "1": "WLD",  # UN M49: world
    "001": "WLD",
}

# The area of a dataset that has no area dimension, by agency, when its card names none: the ECB's
# exchange rates (keyed by CURRENCY) are the euro's, so they belong to the euro area.
AGENCY_HOME_AREAS = {"ECB": "EMU"}


def area_dimension(columns: Iterable[str]) -> str | None:
    """The column that holds the area, whatever its case, or None for datasets without one."""
    by_upper = {column.upper(): column for column in columns}
    return next((by_upper[name] for name in AREA_DIMENSIONS if name in by_upper), None)


class AreaMapper:
    """Maps an agency's area code to Cifra's: ISO2, ISO3, M49 and listed aggregates; else unchanged."""

    def __init__(self, countries: Iterable[AreaRecord] = (), regions: Iterable[AreaRecord] = (),
                 agency_areas: dict[str, str] = AGENCY_AREAS):  # fmt: skip
        codes: dict[str, str] = {}
        for region in regions:
            if region.m49:
                codes[region.m49] = region.code
                codes[str(int(region.m49))] = region.code
        for country in countries:
            for alias in (country.iso2, country.iso3, country.m49, country.m49 and str(int(country.m49))):
                if alias:
                    codes[alias.upper()] = country.code
        codes.update({alias.upper(): target for alias, target in agency_areas.items()})
        self._codes = codes

    @classmethod
    def from_country_codes(cls, codes) -> "AreaMapper":
        """From ``catalog.loaders.country_codes.load(data_dir)``."""
        return cls(codes.countries, codes.un_regions)

    def __call__(self, code: str) -> str:
        text = code.strip()
        return self._codes.get(text.upper(), text)
