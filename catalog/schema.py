"""The statistics database: sources, indicators, areas and observations.

One schema for every engine (DuckDB by default, PostgreSQL for servers, SQLite for comparison).
Keys and indexes follow the agent's queries: an observation is looked up by indicator and area and
ordered by period; rankings scan one indicator and period across the members of a group.
"""

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

WORLD = "WLD"  # the World Bank's world aggregate: every country is a member, and every other area a part of its total


class Base(DeclarativeBase):
    metadata = MetaData()


class Source(Base):
    """A publisher's dataset, with what a citation needs."""

    __tablename__ = "source"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    publisher: Mapped[str] = mapped_column(Text)
    title_es: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    license: Mapped[str] = mapped_column(Text)
    license_url: Mapped[str | None] = mapped_column(Text)
    vintage: Mapped[date | None] = mapped_column(Date, doc="Release or retrieval date of the loaded files.")
    citation_es: Mapped[str] = mapped_column(Text)
    citation_en: Mapped[str] = mapped_column(Text)
    release: Mapped[str | None] = mapped_column(Text, doc="The publisher's name for the release, where it gives no date.")


class Indicator(Base):
    """A statistical series definition; siblings share ``family`` and differ in variant attributes."""

    __tablename__ = "indicator"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"))
    name_es: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    definition_es: Mapped[str] = mapped_column(Text)
    definition_en: Mapped[str] = mapped_column(Text)
    unit_es: Mapped[str] = mapped_column(Text)
    unit_en: Mapped[str] = mapped_column(Text)
    unit_kind: Mapped[str] = mapped_column(String(20), doc="currency | percent | count | index | ratio | other")
    unit_symbol: Mapped[str | None] = mapped_column(String(20))
    unit_multiplier: Mapped[int] = mapped_column(Integer, default=0, doc="Values are in units of 10**multiplier.")
    decimals: Mapped[int] = mapped_column(Integer, default=1)
    frequency: Mapped[str] = mapped_column(String(1), doc="A, Q, M or D")
    annual_aggregation: Mapped[str] = mapped_column(String(4), default="mean", doc="mean | sum | last | none: how sub-annual values make a year.")
    topic: Mapped[str] = mapped_column(String(40))
    family: Mapped[str] = mapped_column(String(40))
    measure: Mapped[str] = mapped_column(String(20))
    price_basis: Mapped[str | None] = mapped_column(String(20))
    currency: Mapped[str | None] = mapped_column(String(10))
    transform: Mapped[str] = mapped_column(String(20))
    sex: Mapped[str] = mapped_column(String(10), default="total")
    age: Mapped[str | None] = mapped_column(String(20))
    official_for: Mapped[str | None] = mapped_column(Text, doc="Space-separated area codes where this is the national official figure.")
    curated: Mapped[bool] = mapped_column(Boolean, default=False)
    notes_es: Mapped[str | None] = mapped_column(Text)
    notes_en: Mapped[str | None] = mapped_column(Text)
    derived_from: Mapped[str | None] = mapped_column(String(60), doc="A derived measure's series: computed in each query, never stored.")
    derivation: Mapped[str | None] = mapped_column(String(30), doc="How: percent_change_year, percent_change_period… (catalog/curation.py).")
    adjustment: Mapped[str | None] = mapped_column(String(20), doc="original | seasonally_adjusted, for sub-annual series.")
    derived_other: Mapped[str | None] = mapped_column(String(60), doc="The second series: divided by (per_capita), "
                                                      "subtracted (difference).")
    derived_scale: Mapped[float | None] = mapped_column(Double, doc="per_capita: a factor for the units.")
    rolling_quarter: Mapped[bool] = mapped_column(Boolean, default=False, doc="Each monthly value covers the three "
                                                  "months ending with it (INE's labour survey): a quarter is its last month.")

    __table_args__ = (Index("ix_indicator_family", "family"),)


class IndicatorPhrase(Base):
    """Synonyms and citizen phrasings, used by retrieval."""

    __tablename__ = "indicator_phrase"

    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicator.code"), primary_key=True)
    language: Mapped[str] = mapped_column(String(2), primary_key=True)
    text: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), doc="synonym | phrasing | unlike (a measure it is not)")


class Area(Base):
    """A country, aggregate, region or Chilean administrative unit.

    Codes: ISO3 for countries (``CHL``), World Bank codes for its aggregates (``LCN``),
    ``M49-005`` for UN regions, ``CL-05`` / ``CL-051`` / ``CL-05101`` for Chile's regions,
    provinces and comunas (CUT codes), ``G-<NAME>`` for curated groups such as ``G-OECD``.
    """

    __tablename__ = "area"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), doc="country | aggregate | un_region | group | cl_region | cl_province | cl_comuna")
    name_es: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    iso2: Mapped[str | None] = mapped_column(String(2))
    iso3: Mapped[str | None] = mapped_column(String(3))
    m49: Mapped[str | None] = mapped_column(String(3))
    cut: Mapped[str | None] = mapped_column(String(5))
    parent_code: Mapped[str | None] = mapped_column(String(20), doc="Next level up: region of a comuna, UN sub-region of a country.")
    demonym_es: Mapped[str | None] = mapped_column(Text)
    demonym_en: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_area_kind", "kind"), Index("ix_area_parent", "parent_code"))


class AreaAlias(Base):
    """Other names a person may use for an area (accent-free forms, short names, demonyms)."""

    __tablename__ = "area_alias"

    area_code: Mapped[str] = mapped_column(ForeignKey("area.code"), primary_key=True)
    alias: Mapped[str] = mapped_column(Text, primary_key=True)
    language: Mapped[str] = mapped_column(String(2))


class AreaMembership(Base):
    """Transitive membership: every country of "Sudamérica", every comuna of a region."""

    __tablename__ = "area_membership"

    group_code: Mapped[str] = mapped_column(ForeignKey("area.code"), primary_key=True)
    member_code: Mapped[str] = mapped_column(ForeignKey("area.code"), primary_key=True)


class Observation(Base):
    """One value of one indicator for one area and period.

    ``period`` is ``2020``, ``2020-Q3``, ``2020-12`` or ``2023-01-03``; ``year`` and
    ``period_start`` make ranges and ordering cheap. ``sex`` and ``age`` are ``_T`` (total) unless
    the series is broken down (INE projections by single age and sex).
    """

    __tablename__ = "observation"

    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicator.code"), primary_key=True)
    area_code: Mapped[str] = mapped_column(ForeignKey("area.code"), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    sex: Mapped[str] = mapped_column(String(3), primary_key=True, default="_T")
    age: Mapped[str] = mapped_column(String(5), primary_key=True, default="_T")
    year: Mapped[int] = mapped_column(Integer)
    period_start: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Double, doc="64-bit: REAL would round 13117.993 to 13117.9932.")
    status: Mapped[str] = mapped_column(String(12), default="final", doc="final | estimate | provisional | projection")
    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"))
    vintage: Mapped[date | None] = mapped_column(Date, doc="Vintage of the source release this value came from.")

    __table_args__ = (Index("ix_observation_indicator_year", "indicator_code", "year"),)


class WithheldValue(Base):
    """Published values the build left out as implausible (e.g. a quarter that lost its trailing zeros)."""

    __tablename__ = "withheld_value"

    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicator.code"), primary_key=True)
    area_code: Mapped[str] = mapped_column(ForeignKey("area.code"), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Double)
    location: Mapped[str] = mapped_column(Text, doc="file:line in the mirror")


class BuildInfo(Base):
    """What the last build loaded, for the UI's sidebar and for reproducibility."""

    __tablename__ = "build_info"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
