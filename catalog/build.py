"""``cifra catalog build``: read the mirror, check it, and replace the database in one transaction.

Everything is read and validated in memory first, so a malformed file stops the build before the
database is touched; the write itself is one transaction (``catalog.writer``). Running it twice
gives the same database.
"""

import json
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from catalog.curation import (DerivedMeasure, IndicatorCard, SourceCard, Variant, area_curation, indicator_cards,
                              source_cards, wdi_spanish)
from catalog.loaders import bcch, chile_areas, chile_hub, country_codes, ine, sdmx, sdmx_areas, wdi
from catalog.loaders.records import AreaRecord, LoadError, ObservationRecord, WithheldValue
from catalog.schema import WORLD
from catalog.text import fold
from cifra.settings import Settings

AGE_SEX_INDICATOR = "CHL.POPULATION.PROJ"


class BuildError(ValueError):
    """The mirror's files are inconsistent with each other or with the curated metadata."""


class BuildReport(BaseModel):
    database_url: str
    counts: dict[str, int]
    observations_by_source: dict[str, int]
    vintages: dict[str, str | None]
    skipped_series_labels: list[str]
    rejected_values: list[str]
    seconds: float
    sdmx_skipped: list[str] = []  # SDMX values left out (unknown areas...) and files without data


@dataclass(frozen=True)
class CatalogContent:
    """Everything one build writes, as rows in each table's column order (a dataclass: millions of rows)."""

    sources: list[tuple]
    indicators: list[tuple]
    phrases: list[tuple]
    areas: list[AreaRecord]
    aliases: list[tuple]
    memberships: list[tuple]
    observations: list[ObservationRecord]
    skipped_series_labels: list[str]
    rejected_values: list[WithheldValue]
    sdmx_skipped: list[str] = field(default_factory=list)


def make_engine(settings: Settings) -> Engine:
    url = settings.resolved_database_url
    if url.startswith("duckdb:///"):
        Path(url.removeprefix("duckdb:///")).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url)


# Indicators -------------------------------------------------------------------------------------


def _card_row(card: IndicatorCard) -> tuple:
    variant, notes = card.variant, card.notes
    return (
        card.code, card.source, card.name.es, card.name.en, card.definition.es, card.definition.en,
        card.unit.es, card.unit.en, card.unit_kind, card.unit_symbol, card.unit_multiplier, card.decimals,
        card.frequency, card.annual, card.topic, variant.family, variant.measure, variant.price_basis, variant.currency,
        variant.transform, variant.sex, variant.age, " ".join(card.official_for) or None, True,
        notes.es if notes else None, notes.en if notes else None, None, None, variant.adjustment, None, None,
        card.rolling_quarter,
    )  # fmt: skip


def _derived_row(card: IndicatorCard, derived: DerivedMeasure) -> tuple:
    """A measure computed from ``card``'s series: its own names and unit, the series' source, frequency and topic."""
    variant, notes = derived.variant, derived.notes
    return (
        derived.code, card.source, derived.name.es, derived.name.en, derived.definition.es, derived.definition.en,
        derived.unit.es, derived.unit.en, derived.unit_kind, derived.unit_symbol, derived.unit_multiplier, derived.decimals,
        card.frequency, derived.annual, card.topic, variant.family, variant.measure, variant.price_basis,
        variant.currency, variant.transform, variant.sex, variant.age,
        " ".join(derived.official_for or card.official_for) or None, True,
        notes.es if notes else None, notes.en if notes else None, card.code, derived.method, variant.adjustment,
        derived.denominator or derived.minus, derived.scale, card.rolling_quarter,
    )  # fmt: skip


# WDI's code of one sex's series: SL.EMP.VULN.FE.ZS is SL.EMP.VULN.ZS for women
ONE_SEX = re.compile(r"\.(FE|MA)(?=\.|$)")
SEX_CODES = {"FE": "female", "MA": "male"}


def _one_sex_variant(code: str, curated: dict[str, Variant]) -> Variant | None:
    """The variant of a WDI series for one sex when the series for both sexes is curated: the same measure, so the
    two sexes and their total are one family ("brecha entre mujeres y hombres en empleo vulnerable")."""
    named = ONE_SEX.search(code)
    both = curated.get(ONE_SEX.sub("", code)) if named else None
    return both.model_copy(update={"sex": SEX_CODES[named[1]]}) if both else None


INDEX_BASE = re.compile(r"\d{4}(?:-\d{4})? = 100")
# As WDI units say them, most specific first: "(constant 2021 PPP $)" is PPP at constant prices, not current PPP.
PRICE_BASES = {"ppp_constant": ("PPP", "constant"), "ppp": ("PPP",), "constant": ("constant",), "current": ("current",)}


def _unit_in(title: str) -> str:
    """The last parenthesis of a WDI title is its unit, unless it says how the figure was made."""
    return next((group for group in reversed(re.findall(r"\(([^()]*)\)", title))
                 if not re.search(r"estimate|estimaci", group)), "")  # not "(modeled ILO estimate)"


def _uncurated_row(code: str, source: str, title: str, definition: str, topic: str, frequency: str = "A",
                   title_es: str | None = None, variant: Variant | None = None, wdi_sexes: bool = False) -> tuple:
    """Publisher's own English metadata for series nobody has curated yet (and its Spanish title when known).
    With ``wdi_sexes``, a WDI series for one sex joins the family of the series for both (SL.EMP.VULN.FE.ZS is
    SL.EMP.VULN.ZS for women)."""
    unit = _unit_in(title)
    if not unit and title.startswith("Income share"):  # "Income share held by second 20%": a percentage
        unit = "%"
    based = INDEX_BASE.fullmatch(unit)  # "(2014-2016 = 100)": an index, said the way curated ones are
    kind = "percent" if "%" in unit else "currency" if "US$" in unit else "index" if based else "other"
    # "Mammal species, threatened", "Patent applications, residents": whole numbers, shown without decimals
    decimals = 0 if not unit and not re.search(r"\b(?:ratio|per)\b", title.lower()) else 2
    unit_es = (_unit_in(title_es or "") or unit) if unit else ""  # "(días)", not "(days)"
    unit_es, unit_en = (f"índice ({unit})", f"index ({unit})") if based else (unit_es, unit)
    named_sex = re.search(r"\b(female|male)s?\b", title.split("(")[0].lower())  # "Literacy rate, adult male (% of males…)"
    growth = re.search(r"\bgrowth\b|annual %", title.lower())  # "Broad money growth (annual %)": a rate of growth
    per_capita = re.search(r"\bper (?:capita|person)\b", title.lower())  # "Arable land (hectares per person)"
    price_basis = next((basis for basis, said in PRICE_BASES.items() if all(word in unit for word in said)), None)
    currency = "USD" if "US$" in unit else None
    one_sex = ONE_SEX.search(code) if wdi_sexes else None
    sex = SEX_CODES[one_sex[1]] if one_sex else named_sex[1] if named_sex else "total"
    variant = variant or Variant(family=ONE_SEX.sub("", code) if one_sex else code, sex=sex,
                                 measure="per_capita" if per_capita else "share" if kind == "percent" and not growth else "total",
                                 transform="growth" if growth else "level",  # "(% of land area)": a share
                                 price_basis=price_basis, currency=currency)
    symbol = "US$" if kind == "currency" else None  # "US$1.1 billion", the basis ("BoP, current") in the name
    return (code, source, title_es or title, title, definition, definition, unit_es, unit_en, kind, symbol, 0, decimals, frequency, "mean",
            fold(topic) or "other", variant.family, variant.measure, variant.price_basis, variant.currency,
            variant.transform, variant.sex, variant.age, None, False, None, None, None, None, variant.adjustment,
            None, None, False)


def _phrase_rows(card: IndicatorCard | DerivedMeasure) -> Iterator[tuple]:
    seen: set[tuple[str, str]] = set()
    for kind, texts in (("synonym", card.synonyms), ("phrasing", card.phrasings), ("unlike", getattr(card, "unlike", None))):
        if texts is None:
            continue
        for language in ("es", "en"):
            for text in getattr(texts, language):
                if (language, text) not in seen:
                    seen.add((language, text))
                    yield (card.code, language, text, kind)
    for derived in getattr(card, "derived", ()):
        yield from _phrase_rows(derived)


# Areas ------------------------------------------------------------------------------------------


def _collect_areas(data_dir: Path, wdi_area_names: dict[str, str]) -> tuple[list[AreaRecord], list[tuple], list[tuple]]:
    codes = country_codes.load(data_dir)
    chile = chile_areas.load(data_dir)
    curation = area_curation()
    areas: dict[str, AreaRecord] = {area.code: area for area in codes.countries + codes.un_regions + chile}
    aliases: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for code, names in codes.aliases.items():
        aliases[code].update(("xx", name) for name in names)
    for code, name in wdi_area_names.items():
        if code not in areas:
            areas[code] = AreaRecord(code, "aggregate", name, name)
    for group in curation.groups:
        areas[group.code] = AreaRecord(group.code, "group", group.name.es, group.name.en)
    for names in curation.names:
        if names.code not in areas:
            continue  # names for areas this build did not load (e.g. aggregates outside the scope)
        area = areas[names.code]
        if names.name:
            aliases[names.code].update({("es", area.name_es), ("en", area.name_en)})
            area = area._replace(name_es=names.name.es, name_en=names.name.en)
        if names.demonym:
            area = area._replace(demonym_es=names.demonym.es, demonym_en=names.demonym.en)
        if names.economy:
            area = area._replace(kind="country")
        areas[names.code] = area
    for source in (*curation.groups, *curation.names):
        for language in ("es", "en"):
            aliases[source.code].update((language, alias) for alias in getattr(source.aliases, language))
    for area in chile:
        if area.kind == "cl_region":
            aliases[area.code].add(("es", chile_areas.short_region_name(area.name_es)))
        if area.kind == "cl_province":  # "provincia de Santiago" must find the province, not the comuna
            aliases[area.code].add(("es", area.name_es.removeprefix("Provincia de ")))
    alias_rows = _alias_rows(areas, aliases)
    memberships = set(codes.memberships)
    memberships.update((group.code, member) for group in curation.groups for member in group.members)
    memberships.update((group.code, member) for group in curation.groups if group.members_from == "independent"
                       for member in codes.independent if member in areas)
    memberships.update(_chile_memberships(chile))
    if WORLD in areas:  # "los países más poblados del mundo": the world's members are every country
        memberships.update((WORLD, area.code) for area in areas.values() if area.kind == "country")
    unknown = sorted({member for _, member in memberships if member not in areas})
    if unknown:
        raise BuildError(f"catalog/metadata/areas.yaml: group members that are not areas: {unknown}")
    return list(areas.values()), alias_rows, sorted(memberships)


def _alias_rows(areas: dict[str, AreaRecord], aliases: dict[str, set[tuple[str, str]]]) -> list[tuple]:
    """One row per (area, alias); the first language seen wins, ``xx`` means either."""
    rows: dict[tuple[str, str], str] = {}
    for code, pairs in aliases.items():
        if code not in areas:
            continue
        area = areas[code]
        for language, alias in sorted(pairs, key=lambda pair: pair[0] == "xx"):
            if alias and alias not in (area.name_es, area.name_en):
                rows.setdefault((code, alias), language)
    return [(code, alias, language) for (code, alias), language in sorted(rows.items())]


def _chile_memberships(chile: list[AreaRecord]) -> Iterator[tuple[str, str]]:
    parents = {area.code: area.parent_code for area in chile}
    for code in parents:
        parent = parents[code]
        while parent is not None:
            yield parent, code
            parent = parents.get(parent)


# Observations -----------------------------------------------------------------------------------


def _aggregate_up(records: list[ObservationRecord], parents: dict[str, str]) -> list[ObservationRecord]:
    """Sum comuna counts into provinces, regions and the country (INE publishes comunas only)."""
    totals: dict[tuple, list] = {}
    for record in records:
        parent = parents.get(record.area_code)
        while parent is not None:
            key = (record.indicator_code, parent, record.period, record.sex, record.age)
            if key in totals:
                totals[key][0] += record.value
            else:
                totals[key] = [record.value, record]
            parent = parents.get(parent)
    return [
        template._replace(area_code=key[1], value=total) for key, (total, template) in totals.items()
    ]


def _read_card(data_dir: Path, card: IndicatorCard, matcher: bcch.RegionMatcher, skipped: set[str],
               rejected: list[WithheldValue], vintage: date | None, wdi_area_names: dict[str, str]) -> Iterable[ObservationRecord]:
    if card.source == "wdi":
        return wdi.read_observations(data_dir, card.code, vintage, wdi_area_names)
    if card.origin is None:
        raise BuildError(f"{card.code}: a card of source {card.source!r} needs an origin file")
    if card.origin.sdmx is not None:
        return _read_sdmx_card(data_dir, card)
    if card.origin.file.endswith(".json"):
        return chile_hub.read_observations(data_dir, card)
    if card.source == "bcch":
        return bcch.read_observations(data_dir, card, matcher, skipped, rejected)
    if card.source == "ine_proyecciones":
        return ine.read_projections(data_dir / card.origin.file, card.code)
    raise BuildError(f"{card.code}: no loader reads {card.origin.file}")


def collect(settings: Settings, progress: bool = False) -> CatalogContent:
    """Read and check everything a build writes, without touching the database."""
    data_dir = settings.data_dir
    if not data_dir.is_dir():
        raise BuildError(f"data folder {data_dir} does not exist; set CIFRA_DATA_DIR or run `cifra data fetch`")
    sources = source_cards()
    cards = list(indicator_cards())
    unknown_sources = sorted({card.source for card in cards} - set(sources))
    if unknown_sources:
        raise BuildError(f"indicator cards name unknown sources: {unknown_sources}")
    wdi_vintage = _vintage(sources["wdi"])
    curated_codes = {card.code for card in cards}
    curated_variants = {card.code: card.variant for card in cards}
    wdi_extra = []
    if settings.wdi_scope == "all":
        wdi_extra = [code for code in wdi.available_codes(data_dir) if code not in curated_codes]

    chile = chile_areas.load(data_dir)
    matcher = bcch.RegionMatcher(chile)
    parents = {area.code: area.parent_code for area in chile}
    comunas = {area.code for area in chile if area.kind == "cl_comuna"}
    skipped: set[str] = set()
    rejected: list[WithheldValue] = []
    wdi_area_names: dict[str, str] = {}
    observations: list[ObservationRecord] = []
    indicators = [_card_row(card) for card in cards] + [_derived_row(card, d) for card in cards for d in card.derived]
    spanish = wdi_spanish()
    keywords: list[tuple] = []
    steps = [(card.code, card) for card in cards] + [(code, None) for code in wdi_extra]
    for code, card in tqdm(steps, desc="indicators", unit="ind", disable=not progress):
        if card is None:
            package = wdi.read_package(data_dir, code)
            translation = spanish.get(code)
            indicators.append(_uncurated_row(code, "wdi", package.title, package.definition, package.topic,
                                             title_es=translation.title if translation else None,
                                             variant=_one_sex_variant(code, curated_variants), wdi_sexes=True))
            keywords += [(code, "es", keyword, "keyword") for keyword in (translation.keywords if translation else [])]
            keywords += [(code, "es", phrase, "unlike") for phrase in (translation.unlike if translation else [])]
            observations.extend(wdi.read_observations(data_dir, code, wdi_vintage, wdi_area_names))
            continue
        records = list(_read_card(data_dir, card, matcher, skipped, rejected, wdi_vintage, wdi_area_names))
        if not records:
            raise BuildError(f"{card.code}: no values found in {card.origin.file if card.origin else 'WDI'}")
        if card.unit_kind == "count":
            records += _aggregate_up([r for r in records if r.area_code in comunas], parents)
        observations.extend(records)
    if settings.with_age_sex:
        observations.extend(_age_sex(data_dir, parents))
    sdmx_codes = {card.code for card in cards if card.origin and card.origin.sdmx}
    sdmx_skipped: list[str] = []
    _add_sdmx(settings, indicators, observations, sources, sdmx_codes, sdmx_skipped)

    areas, aliases, memberships = _collect_areas(data_dir, wdi_area_names)
    observations, unknown_areas = sdmx.drop_unknown_areas(observations, sdmx_codes, {area.code for area in areas})
    sdmx_skipped.extend(unknown_areas)
    _check_areas(observations, {area.code for area in areas})
    return CatalogContent(
        sources=[_source_row(card, observations) for card in sources.values()],
        indicators=indicators,
        phrases=[row for card in cards for row in _phrase_rows(card)] + keywords,
        areas=areas, aliases=aliases, memberships=memberships, observations=observations,
        skipped_series_labels=sorted(skipped), rejected_values=rejected, sdmx_skipped=sdmx_skipped,
    )  # fmt: skip


def _age_sex(data_dir: Path, parents: dict[str, str]) -> list[ObservationRecord]:
    records = list(ine.read_projections_by_age_sex(data_dir, AGE_SEX_INDICATOR))
    return records + _aggregate_up(records, parents)


def _sdmx_areas(data_dir: Path) -> sdmx_areas.AreaMapper:
    return sdmx_areas.AreaMapper.from_country_codes(country_codes.load(data_dir))


def _read_sdmx_card(data_dir: Path, card: IndicatorCard) -> list[ObservationRecord]:
    """The values of the one SDMX series a curated card points at (``origin.sdmx.key``)."""
    origin = card.origin
    data = sdmx.load(data_dir / origin.file, card.source, structures=[data_dir / path for path in origin.sdmx.structures],
                     areas=_sdmx_areas(data_dir), area=origin.sdmx.area)  # fmt: skip
    chosen = next((series for series in data.series if series.key == origin.sdmx.key), None)
    if chosen is None:
        found = "; ".join(data.notes) or "its keys: " + ", ".join(series.key for series in data.series[:20])
        raise BuildError(f"{card.code}: no SDMX series {origin.sdmx.key!r} in {origin.file} ({found})")
    if chosen.unit_multiplier is not None and chosen.unit_multiplier != card.unit_multiplier:
        raise BuildError(f"{card.code}: unit_multiplier is {card.unit_multiplier}, {origin.file} says UNIT_MULT "
                         f"{chosen.unit_multiplier}")  # fmt: skip
    if chosen.frequency != card.frequency:
        raise BuildError(f"{card.code}: frequency is {card.frequency}, {origin.file} says {chosen.frequency}")
    return [record._replace(indicator_code=card.code, source_id=card.source)
            for record in data.observations if record.indicator_code == chosen.code]  # fmt: skip


def _add_sdmx(settings: Settings, indicators: list[tuple], observations: list[ObservationRecord],
              sources: dict[str, SourceCard], sdmx_codes: set[str], notes: list[str]) -> None:
    """``CIFRA_SDMX_FILES``: every series of each data file, uncurated, one source per file.

    Structure files in the list (DSDs, codelists) describe the data files; they add no values, and the
    report says so. Series a curated card already loads are not loaded twice.
    """
    paths = [path if path.is_absolute() or path.exists() else settings.data_dir / path for path in settings.sdmx_files]
    files = [sdmx.read_file(path) for path in paths]
    if not files:
        return
    pool = sdmx.StructurePool()
    for file in files:
        pool.merge(file.structures)
    mapper = _sdmx_areas(settings.data_dir)
    taken = {row[0] for row in indicators}
    for file in files:
        source_id = "sdmx-" + re.sub(r"[^a-z0-9]+", "-", fold(file.path.stem))[:35]
        data = sdmx.load(file, source_id, structures=pool, areas=mapper)
        notes.extend(data.notes)
        new = [series for series in data.series if series.code not in taken]
        if len(new) < len(data.series):
            notes.append(f"{file.path.name}: {len(data.series) - len(new)} series already loaded by curated cards")
        if not new:
            continue
        title = data.title or file.path.name
        sources[source_id] = SourceCard(
            id=source_id, publisher=f"{', '.join(data.agencies)} (SDMX)", title={"es": title, "en": title},
            url=str(file.path), license="see the data provider",
            citation={"es": f"Datos SDMX: {title} ({file.path.name})", "en": f"SDMX data: {title} ({file.path.name})"},
        )  # fmt: skip
        indicators.extend(_sdmx_row(series, source_id, title) for series in new)
        codes = {series.code for series in new}
        taken |= codes
        sdmx_codes |= codes
        observations.extend(record for record in data.observations if record.indicator_code in codes)


def _sdmx_row(series: sdmx.SdmxSeries, source_id: str, title: str) -> tuple:
    """An uncurated indicator from the SDMX structure: its name, unit, UNIT_MULT and DECIMALS."""
    row = list(_uncurated_row(series.code, source_id, series.name, f"{title}: {series.name}. SDMX series {series.code}.",
                              "sdmx", series.frequency))  # fmt: skip
    unit = series.unit or ""
    percent = unit.upper() in ("PT", "PC", "PCT", "PERCENT") or "%" in unit or "percent" in unit.lower()
    kind = "percent" if percent else "currency" if re.fullmatch(r"[A-Z]{3}", unit) else "other"
    row[6:12] = [unit, unit, kind, None, series.unit_multiplier or 0, 2 if series.decimals is None else series.decimals]
    return tuple(row)


def _check_areas(observations: list[ObservationRecord], known: set[str]) -> None:
    unknown = sorted({record.area_code for record in observations} - known)
    if unknown:
        raise BuildError(f"values for areas that no area file defines: {unknown[:10]}")


def _vintage(card: SourceCard) -> date | None:
    return date.fromisoformat(card.vintage) if card.vintage else None


def _source_row(card: SourceCard, observations: list[ObservationRecord]) -> tuple:
    vintage = _vintage(card) or max(
        (record.vintage for record in observations if record.source_id == card.id and record.vintage), default=None
    )
    return (card.id, card.publisher, card.title.es, card.title.en, card.url, card.license, card.license_url,
            vintage, card.citation.es, card.citation.en, card.release)


# Entry point ------------------------------------------------------------------------------------


def build(settings: Settings, progress: bool = False) -> BuildReport:
    from catalog.writer import replace_all

    started = time.perf_counter()
    content = collect(settings, progress=progress)
    by_source: dict[str, int] = defaultdict(int)
    for record in content.observations:
        by_source[record.source_id] += 1
    vintages = {row[0]: row[7].isoformat() if row[7] else row[10] for row in content.sources}
    counts = {
        "source": len(content.sources), "indicator": len(content.indicators), "indicator_phrase": len(content.phrases),
        "area": len(content.areas), "area_alias": len(content.aliases), "area_membership": len(content.memberships),
        "observation": len(content.observations),
    }  # fmt: skip
    info = {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "wdi_scope": settings.wdi_scope,
        "with_age_sex": str(settings.with_age_sex),
        "counts": json.dumps(counts),
        "cards": json.dumps({"curated": sum(1 for row in content.indicators if row[23] and not row[26]),
                             "derived": sum(1 for row in content.indicators if row[26])}),
        "vintages": json.dumps(vintages),
    }
    engine = make_engine(settings)
    try:
        replace_all(engine, {
            "source": content.sources, "indicator": content.indicators, "indicator_phrase": content.phrases,
            "area": content.areas, "area_alias": content.aliases, "area_membership": content.memberships,
            "observation": content.observations, "withheld_value": content.rejected_values,
            "build_info": list(info.items()),
        })  # fmt: skip
    except (SQLAlchemyError, engine.dialect.loaded_dbapi.Error) as error:  # bulk paths raise the driver's own
        raise BuildError(f"the database refused the data, nothing was changed: {getattr(error, 'orig', error)}") from error
    finally:
        engine.dispose()
    return BuildReport(
        database_url=settings.resolved_database_url, counts=counts, observations_by_source=dict(by_source),
        vintages=vintages, skipped_series_labels=content.skipped_series_labels,
        rejected_values=[str(value) for value in content.rejected_values],
        seconds=round(time.perf_counter() - started, 2), sdmx_skipped=content.sdmx_skipped,
    )  # fmt: skip


__all__ = ["BuildError", "BuildReport", "LoadError", "build", "collect", "make_engine"]
