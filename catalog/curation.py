"""Typed loaders for the curated, bilingual metadata in ``catalog/metadata/``.

The YAML files are reviewed data, not code: this module only validates them. A mistake in a file
(an unknown field, a missing Spanish name, too few phrasings) fails the build with the file name.
"""

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

METADATA_DIR = Path(__file__).parent / "metadata"

MIN_PHRASINGS = 5


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(Strict):
    es: str
    en: str


class LocalizedList(Strict):
    es: list[str] = []
    en: list[str] = []


class Variant(Strict):
    """Attributes that tell siblings of one family apart (GDP total vs per capita, current vs PPP)."""

    family: str
    measure: Literal["total", "per_capita", "per_worker", "share", "rate", "index", "count"] = "total"
    price_basis: Literal["current", "constant", "ppp", "ppp_constant", "chained", "real"] | None = None
    currency: str | None = None
    transform: Literal["level", "growth", "period_change", "year_to_date", "share", "index", "rate", "change"] = "level"
    sex: Literal["total", "female", "male"] = "total"
    age: str | None = None
    adjustment: Literal["original", "seasonally_adjusted"] | None = None


class SdmxOrigin(Strict):
    """Which series of an SDMX file a card reads (catalog/loaders/sdmx.py explains keys and areas)."""

    key: str = Field(description="Series key without the area dimension, in the structure's order: A.CHF.EUR.SP00.A.")
    structures: list[str] = Field(default=[], description="Structure files (DSD, codelists) in the mirror, if separate.")
    area: str | None = Field(default=None, description="Area of every value when the data has no area dimension (EMU).")


class Origin(Strict):
    """Where a non-WDI series is read from: a file in the mirror and, for multi-series files, a selector."""

    file: str
    series: str | None = Field(default=None, description="Value of the file's series column (BCCh) or field name (JSON).")
    filter: dict[str, str] | None = Field(default=None, description="Extra column=value conditions (e.g. dimension=ingresos).")
    year: int | None = Field(default=None, description="Reference year for files without a year column (a census).")
    sdmx: SdmxOrigin | None = Field(default=None, description="The file is an SDMX message; which series to read.")


Annual = Literal["mean", "sum", "last", "none"]


class DerivedMeasure(Strict):
    """A measure computed from the card's own series when a question asks for it (inflation from a price
    index, growth from levels): declared here so the plan can name it and the SQL shows how it was made."""

    code: str
    method: Literal["percent_change_year", "percent_change_period", "percent_change_year_to_date", "per_capita",
                    "share_of_parent", "difference"] = Field(
        description="percent_change_year: against the same period a year earlier (same month, quarter or year); "
        "percent_change_period: against the period before (the month before, for a monthly series); "
        "percent_change_year_to_date: against December of the year before (a monthly series' change so far this year); "
        "per_capita: divided by ``denominator`` (a population series) of the same area and period, times ``scale``; "
        "share_of_parent: percent of the parent area's value (a region of Chile, a comuna of its province); "
        "difference: minus ``minus`` of the same area and period (the unemployed: the labour force minus the employed)."
    )
    denominator: str | None = Field(None, description="per_capita: the indicator divided by.")
    minus: str | None = Field(None, description="difference: the indicator subtracted.")
    scale: float = Field(1.0, description="per_capita: a factor for the units (kt per person x 1000 = t per person).")
    name: Localized
    definition: Localized
    unit: Localized
    unit_kind: Literal["percent", "other", "currency", "ratio", "count"] = "percent"
    unit_symbol: str | None = "%"
    unit_multiplier: int = 0
    decimals: int = 1
    annual: Annual = Field(
        default="last", description="A year read from sub-annual values: last = its final period (December's "
        "12-month change is December against December)."
    )
    variant: Variant
    official_for: list[str] = []
    synonyms: LocalizedList = LocalizedList()
    phrasings: LocalizedList
    notes: Localized | None = None


class IndicatorCard(Strict):
    """Everything a person or the agent needs to find, tell apart and cite one indicator."""

    code: str
    source: str
    name: Localized
    definition: Localized
    unit: Localized
    unit_kind: Literal["currency", "percent", "count", "index", "ratio", "other"]
    unit_symbol: str | None = None
    unit_multiplier: int = 0
    decimals: int = 1
    frequency: Literal["A", "Q", "M", "D"] = "A"
    annual: Annual = Field(
        default="mean", description="How sub-annual values make a year: mean (rates, indices, stocks), sum (flows such "
        "as GDP), last (the year's final period)."
    )
    rolling_quarter: bool = Field(
        default=False, description="Each monthly value covers the three months ending with it (INE's employment "
        "survey): the quarter July-September is September's value."
    )
    topic: str
    variant: Variant
    official_for: list[str] = []
    origin: Origin | None = None
    synonyms: LocalizedList = LocalizedList()
    phrasings: LocalizedList
    unlike: LocalizedList = Field(LocalizedList(), description="Measures its words suggest but it is not ('usuarios de "
                                  "internet' for broadband subscriptions), absent from the data: a question naming one "
                                  "is declined, never answered with this series.")
    notes: Localized | None = None
    derived: list[DerivedMeasure] = []

    @model_validator(mode="after")
    def _per_capita_has_a_denominator(self) -> "IndicatorCard":
        for derived in self.derived:
            if (derived.method == "per_capita") != (derived.denominator is not None):
                raise ValueError(f"{derived.code}: a denominator goes with per_capita, and only with it")
            if (derived.method == "difference") != (derived.minus is not None):
                raise ValueError(f"{derived.code}: a series to subtract goes with difference, and only with it")
        return self

    @model_validator(mode="after")
    def _enough_phrasings(self) -> "IndicatorCard":
        phrasings = self.phrasings
        if len(phrasings.es) + len(phrasings.en) < MIN_PHRASINGS or not phrasings.es or not phrasings.en:
            raise ValueError(
                f"{self.code}: needs at least {MIN_PHRASINGS} citizen phrasings, in both Spanish and English"
            )
        return self


class SourceCard(Strict):
    id: str
    publisher: str
    title: Localized
    url: str
    license: str
    license_url: str | None = None
    citation: Localized
    vintage: str | None = Field(
        default=None, description="ISO date; when absent, the loader reads it from the files (e.g. fecha_scraping)."
    )
    release: str | None = Field(
        default=None, description="The release as the publisher names it, for sources whose files carry no date."
    )


class AreaGroupCard(Strict):
    """A group of countries not given by the UN or the World Bank files, such as the OECD; or one the country-codes
    file defines by a column (``members_from``: "independent", its sovereign states)."""

    code: str
    name: Localized
    aliases: LocalizedList = LocalizedList()
    members: list[str] = []
    members_from: Literal["independent"] | None = None


class AreaNames(Strict):
    """Spanish names, aliases and demonyms for areas whose files lack them."""

    code: str
    name: Localized | None = None
    aliases: LocalizedList = LocalizedList()
    demonym: Localized | None = None
    economy: bool = Field(False, description="An economy the World Bank lists among countries though it has no ISO "
                                             "code (Kosovo, the Channel Islands): a country, never an aggregate.")


class AreaCuration(Strict):
    groups: list[AreaGroupCard] = []
    names: list[AreaNames] = []


class CurationError(ValueError):
    """A curated metadata file is invalid."""


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CurationError(f"{path}: {error}") from error


def _validate(model, path: Path, payload):
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        raise CurationError(f"{path}: {error}") from error


@cache
def indicator_cards(directory: Path = METADATA_DIR / "indicators") -> tuple[IndicatorCard, ...]:
    cards: list[IndicatorCard] = []
    for path in sorted(directory.glob("*.yaml")):
        cards.extend(_validate(IndicatorCard, path, item) for item in _read_yaml(path) or [])
    codes = [card.code for card in cards] + [derived.code for card in cards for derived in card.derived]
    duplicated = sorted({code for code in codes if codes.count(code) > 1})
    if duplicated:
        raise CurationError(f"{directory}: indicator codes defined twice: {', '.join(duplicated)}")
    return tuple(cards)


@cache
def source_cards(path: Path = METADATA_DIR / "sources.yaml") -> dict[str, SourceCard]:
    return {card.id: card for card in (_validate(SourceCard, path, item) for item in _read_yaml(path))}


class PublisherTranslation(Strict):
    """The Spanish title of a series described only by its publisher's English metadata, and words people use for it."""

    title: str
    keywords: list[str] = []
    unlike: list[str] = []  # measures its words suggest but it is not ("altitud media" is no share of low land)


@cache
def wdi_spanish(path: Path = METADATA_DIR / "wdi_spanish.yaml") -> dict[str, PublisherTranslation]:
    payload = _read_yaml(path) or {}
    return {code: _validate(PublisherTranslation, path, item) for code, item in payload.items()}


@cache
def area_curation(path: Path = METADATA_DIR / "areas.yaml") -> AreaCuration:
    return _validate(AreaCuration, path, _read_yaml(path))
