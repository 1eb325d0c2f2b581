"""Indicator and source metadata held in memory, and the sibling relation used to switch measures.

"dame el valor en dólares" or "per cápita" move to the sibling of the same family whose variant
attributes match the request, as recorded in the metadata, never by rewriting codes or names.
"""

import os
import re
from collections import Counter
from functools import cached_property

from pydantic import BaseModel
from sqlalchemy import Engine, select, text

from agent.lexicon import function_words, lexicon
from agent.models import PeriodSpec
from catalog.schema import WORLD, Area, AreaMembership, Indicator, IndicatorPhrase, Source, WithheldValue
from catalog.text import fold

ANY_CURRENCY = "any"  # a variant's currency where every currency named fits it
PER_PEOPLE = re.compile(r"\bper [\d,]+ (?:people|persons|inhabitants|population)\b")
VARIANT_FIELDS = ("measure", "price_basis", "currency", "transform", "sex", "age", "adjustment")
# "en términos reales" accepts any price basis that removes inflation.
SOFT_MEASURES = {"share"}  # asked with words ("porcentaje") that also name rates: a preference, not a requirement
EQUIVALENT_VALUES = {"constant": {"constant", "chained", "real", "ppp_constant"}, "ppp": {"ppp", "ppp_constant"},
                     "level": {"level", "index", "share", "rate"},  # "the level of the CPI": the index itself, not its change
                     "total": {"total", "count"}}  # "¿cuántos hogares se censaron en total?": a count is a total


class IndicatorInfo(BaseModel):
    code: str
    source_id: str
    name_es: str
    name_en: str
    definition_es: str
    definition_en: str
    unit_es: str
    unit_en: str
    unit_kind: str
    unit_symbol: str | None
    unit_multiplier: int
    decimals: int
    frequency: str
    annual_aggregation: str
    family: str
    measure: str
    price_basis: str | None
    currency: str | None
    transform: str
    sex: str
    age: str | None
    official_for: list[str]
    curated: bool
    notes_es: str | None
    notes_en: str | None
    derived_from: str | None = None
    derivation: str | None = None
    adjustment: str | None = None
    derived_other: str | None = None
    derived_scale: float | None = None
    rolling_quarter: bool = False

    def name(self, language: str) -> str:
        return self.name_es if language == "es" else self.name_en

    def unit(self, language: str) -> str:
        return self.unit_es if language == "es" else self.unit_en

    def names_amounts(self, amounts: list[float]) -> bool:
        """Do the English name and unit say every amount ("$3.00 a day (2021 PPP)": 3.0 and 2021.0; "per 100 aged
        0-14")?"""
        said = f"{self.name_en} {self.unit_en}".replace(",", "")
        named = {float(found) for found in re.findall(r"\d+(?:\.\d+)?", said)}
        return set(amounts) <= named

    @property
    def yearly_comparable(self) -> bool:
        """Can a year be read from this series? Annual, or sub-annual with a rule to make a year."""
        return self.frequency == "A" or self.annual_aggregation != "none"


class SourceInfo(BaseModel):
    id: str
    publisher: str
    title_es: str
    title_en: str
    url: str
    license: str
    vintage: str | None
    release: str | None = None
    citation_es: str
    citation_en: str


def matches(info: IndicatorInfo, field: str, wanted: str) -> bool:
    """Has ``info`` the variant ``wanted``? A sex or age group also counts when the series' name says it ("Fuerza
    laboral, mujeres (% de la fuerza laboral total)", "measles (% of children ages 12-23 months)")."""
    value = getattr(info, field)
    if value in EQUIVALENT_VALUES.get(wanted, {wanted}):
        return True
    if (field, wanted, value) == ("measure", "per_capita", "rate") and PER_PEOPLE.search(info.unit_en):
        return True  # "homicidios por habitante": homicides per 100,000 people
    if (field, value) == ("currency", ANY_CURRENCY):
        return True  # "¿a cuántos pesos estaba el dólar?": an exchange rate relates the currencies named
    if not (field == "age" or (field == "sex" and value == "total")):  # a series' own sex is never another's
        return False
    name = fold(f"{info.name_es} {info.name_en}")
    return any(re.search(rf"\b{re.escape(fold(phrase))}\b", name) for phrase in lexicon().variant_cues[field].get(wanted, []))


Span = tuple[str, str, str, str, str | None, str]  # indicator, area, first period, last period, last observed, area kind


def _derived_spans(info: IndicatorInfo, spans: list[Span]) -> list[Span]:
    """Where a derived measure has values: its series' spans; a change on a year earlier or so far in the year from
    the second year on (a per-capita or share figure also needs its denominator, and a change on the period before
    its first period, checked when the query runs)."""
    if info.derivation not in ("percent_change_year", "percent_change_year_to_date"):
        return [(info.code, *span[1:]) for span in spans if span[0] == info.derived_from]
    return [(info.code, area, f"{int(first[:4]) + 1}{first[4:]}", last, observed, kind)
            for code, area, first, last, observed, kind in spans
            if code == info.derived_from and int(first[:4]) < int(last[:4])]


def _outside(period: PeriodSpec, first: int, last: int, endpoints: bool = False) -> bool:
    """No asked year in the series' span; with ``endpoints`` (a change between two years), either end missing."""
    if endpoints:
        return (period.start is not None and not first <= period.start <= last) or (
            period.end is not None and not first <= period.end <= last)
    return (period.end is not None and period.end < first) or (period.start is not None and period.start > last)


STEM = 5  # words sharing five first letters are taken as forms of one word ("poblacion", "pobladas")
ENDINGS = {"", "s", "es", "a", "as", "o", "os", "e", "ado", "ados", "ada", "adas", "ido", "idos", "ida", "idas",
           "ing", "ings", "ed", "er", "ers"}


def _same_word(first: str, second: str) -> bool:
    """Are ``first`` and ``second`` one word in two endings ("mujeres", "mujer"; "desempleados", "desempleo"), not
    two words that only start alike ("internet", "interes")?"""
    common = len(os.path.commonprefix([first, second]))
    return common >= min(STEM, len(first), len(second)) and first[common:] in ENDINGS and second[common:] in ENDINGS


NEGATION_WORDS = ("no", "non", "not")


def _pairs(words: list[str]) -> zip:
    return zip(words, words[1:])


def _triples(words: list[str]) -> zip:
    return zip(words, words[1:], words[2:])


class IndicatorCatalog:
    """Indicators, sources, what each series covers, and the words the metadata knows."""

    def __init__(self, indicators: list[IndicatorInfo], sources: list[SourceInfo],
                 spans: list[Span], phrases: list[tuple[str, str]], withheld: list[tuple[str, str, str, int, float]] = (),
                 member_kinds: dict[str, str] | None = None, parents: dict[str, str] | None = None,
                 memberships: set[tuple[str, str]] = frozenset(), unlike: list[tuple[str, str]] = ()):
        """``spans``: one ``Span`` per indicator and area, from the coverage view; ``phrases``: (indicator, text);
        ``withheld``: (indicator, area, period, year, value) of published values the build left out as implausible;
        ``member_kinds``: the one kind of area a group is made of, where it has one ("regiones del Banco Mundial");
        ``parents``: each area's next level up (a comuna's province, a province's region); ``memberships``: (group,
        member) pairs, transitive ("América Latina y el Caribe", México); ``unlike``: (indicator, a measure it is not)."""
        self.member_kinds, self.parents, self.memberships = member_kinds or {}, parents or {}, set(memberships)
        self.withheld: dict[tuple[str, str], list[tuple[str, int, float]]] = {}
        for code, area, period, year, value in withheld:
            self.withheld.setdefault((code, area), []).append((period, year, value))
        self.indicators = {info.code: info for info in indicators}
        self.unlike: dict[str, list[str]] = {}  # family -> measures it is not, folded, longest first
        for code, text_ in unlike:
            if code in self.indicators:
                self.unlike.setdefault(self.indicators[code].family, []).append(fold(text_))
        for phrases_of_family in self.unlike.values():
            phrases_of_family.sort(key=len, reverse=True)
        self.sources = {source.id: source for source in sources}
        spans = spans + [span for info in indicators if info.derived_from for span in _derived_spans(info, spans)]
        self.coverage = {(code, area): (first, last) for code, area, first, last, _, _ in spans}
        self.last_observed = {(code, area): observed for code, area, _, _, observed, _ in spans if observed}
        self.projecting = {code for code, _, _, last, observed, _ in spans if observed and last[:4] > observed[:4]}
        self.years: dict[str, tuple[int, int]] = {}  # each indicator's first and last year over all its areas
        for code, _, first, last, _, _ in spans:
            low, high = self.years.get(code, (int(first[:4]), int(last[:4])))
            self.years[code] = (min(low, int(first[:4])), max(high, int(last[:4])))
        self.kind_counts: dict[str, Counter] = {}  # how many areas of each kind a series has values for
        self.area_kinds: dict[str, str] = {}  # of every area with values
        for code, area, _, _, _, kind in spans:
            self.kind_counts.setdefault(code, Counter())[kind] += 1
            self.area_kinds[area] = kind
        self.family_stems: dict[str, set[str]] = {}  # word stems each family's names, phrasings and units use; but
        # function words only as whole words: the "under" of "population under 15" does not name undernourishment
        self.family_function_words: dict[str, set[str]] = {}
        self.family_words: dict[str, set[str]] = {}  # the same words, whole
        unnamed = function_words()
        named = [(code, text_) for code, text_ in phrases] + [
            (info.code, getattr(info, field)) for info in indicators for field in ("name_es", "name_en", "unit_es", "unit_en")]
        self.families_named: dict[str, set[str]] = {}  # a whole name or phrasing ("pib", "desempleo") → its families
        self.families_titled: dict[str, set[str]] = {}  # the same, of names and phrasings only (no units)
        titles = set(phrases) | {(info.code, getattr(info, field)) for info in indicators for field in ("name_es", "name_en")}
        for code, text_ in named:
            if code in self.indicators and text_:
                family, text_words = self.indicators[code].family, re.findall(r"\w+", fold(text_))  # "pupil-teacher"
                self.family_stems.setdefault(family, set()).update(word[:STEM] for word in text_words if word not in unnamed)
                self.family_words.setdefault(family, set()).update(word for word in text_words if word not in unnamed)
                self.family_function_words.setdefault(family, set()).update(word for word in text_words if word in unnamed)
                whole = fold(re.sub(r"\(.*?\)", " ", text_)).strip()
                self.families_named.setdefault(whole, set()).add(family)
                if (code, text_) in titles:
                    self.families_titled.setdefault(whole, set()).add(family)
        self.named_stems = set().union(*self.family_stems.values()) | {
            word[:STEM] for words in self.family_function_words.values() for word in words} | {  # "sueldo mínimo"
            word[:STEM] for phrase in lexicon().operation_exclusions for word in fold(phrase).split() if len(word) > 3}
        self.named_words = {word for _, text_ in named if text_ for word in fold(text_).split()}
        self.generic_words = set(lexicon().generic_words)
        self.operation_words = {word for phrases in lexicon().operations.values() for phrase in phrases
                                for word in fold(phrase).split()}  # "diario", "promedio": how, not what
        self.short_function_words = {word for word in function_words() if len(word) < 4} - set(lexicon().qualifying_words)
        self.named_operations = _operations_in_names(
            [fold(getattr(info, field)) for info in indicators for field in ("name_es", "name_en")])
        texts = [text_ for _, text_ in phrases] + [getattr(info, field) for info in indicators
                                                  for field in ("name_es", "name_en", "definition_es", "definition_en", "unit_es", "unit_en")]
        self.vocabulary = {word for text_ in texts if text_ for word in fold(text_).split()}
        self.joined_words = {(before, after) for text_ in texts if text_
                             for before, conjunction, after in _triples(fold(text_).split()) if conjunction in ("y", "e", "and")}
        self.negated_words = {after for _, text_ in named if text_ for before, after in _pairs(fold(text_).split())
                              if before in NEGATION_WORDS}  # "no tributarios", "non communicable"

    @classmethod
    def load(cls, engine: Engine) -> "IndicatorCatalog":
        with engine.connect() as connection:
            indicators = [
                IndicatorInfo.model_validate({**row, "official_for": (row["official_for"] or "").split()})
                for row in connection.execute(select(Indicator.__table__)).mappings()
            ]
            sources = [
                SourceInfo.model_validate({**row, "vintage": row["vintage"].isoformat() if row["vintage"] else None})
                for row in connection.execute(select(Source.__table__)).mappings()
            ]
            spans = connection.execute(text(
                "SELECT c.indicator_code, c.area_code, c.first_period, c.last_period, c.last_observed, a.kind "
                "FROM coverage c JOIN area a ON a.code = c.area_code")).all()
            phrases = connection.execute(select(IndicatorPhrase.indicator_code, IndicatorPhrase.text, IndicatorPhrase.kind)).all()
            withheld = connection.execute(select(WithheldValue.indicator_code, WithheldValue.area_code,
                                                 WithheldValue.period, WithheldValue.year, WithheldValue.value)).all()
            member_kinds = dict(connection.execute(text(
                "SELECT m.group_code, min(a.kind) FROM area_membership m JOIN area a ON a.code = m.member_code "
                "GROUP BY m.group_code HAVING min(a.kind) = max(a.kind)")).all())
            parents = dict(connection.execute(select(Area.code, Area.parent_code).where(Area.parent_code.is_not(None))).all())
            memberships = set(connection.execute(select(AreaMembership.group_code, AreaMembership.member_code)).all())
        return cls(indicators, sources, spans, [(code, text_) for code, text_, kind in phrases if kind != "unlike"],
                   withheld, member_kinds, parents, memberships,
                   unlike=[(code, text_) for code, text_, kind in phrases if kind == "unlike"])

    def ancestors(self, area: str) -> list[str]:
        """The areas above ``area``, nearest first: a comuna's province, its region, Chile."""
        chain = []
        while (area := self.parents.get(area)) and area not in chain:
            chain.append(area)
        return chain

    def contains(self, whole: str, part: str) -> bool:
        """Is ``part`` inside ``whole``: a comuna in its region or in Chile, a country in its continent or group?"""
        return whole in self.ancestors(part) or (whole, part) in self.memberships

    def part_of(self, whole: str, part: str) -> bool:
        """Is ``part`` a part of ``whole``'s total: inside it, or any other published area against the world's?"""
        return self.contains(whole, part) or whole == WORLD != part

    def holds(self, whole: str, kind: str) -> bool:
        """Has ``whole`` areas of ``kind`` with values inside it (a region's comunas, South America's countries)?"""
        return any(area_kind == kind and self.contains(whole, area) for area, area_kind in self.area_kinds.items())

    def lists_members(self, group: str) -> bool:
        """Are the group's members known (Chile's regions, South America's countries), or only its own figure (the
        World Bank's income groups)?"""
        return group in self.member_kinds or group in self._parent_areas

    @cached_property
    def _parent_areas(self) -> set[str]:
        return set(self.parents.values())

    def covers(self, code: str, areas: list[str], period: PeriodSpec, endpoints: bool = False) -> bool:
        """Does the series have values for every area, in the asked years (with ``endpoints``, in both the first
        and the last)? (For a group: in any of its areas.)"""
        if not areas:
            first, last = self.years.get(code, (0, -1))
            return first <= last and not _outside(period, first, last, endpoints)
        for area in areas:
            span = self.coverage.get((code, area))
            if span is None or _outside(period, int(span[0][:4]), int(span[1][:4]), endpoints):
                return False
        return True

    def unaccounted(self, words: list[str], code: str, strict: bool = False) -> list[str]:
        """Of a question's topic ``words``, those that name other measures but never appear in the names, phrasings
        or unit of ``code``'s family (other endings allowed): "universitaria" is not about secondary enrolment. A word
        no measure uses ("tengas") points nowhere else and is no sign of a nearby question. ``strict``, for telling
        near matches apart: a word some name uses as it is counts only in another ending of it (``_uses_form``)."""
        family = self.indicators[code].family
        stems, whole = self.family_stems.get(family, set()), self.family_function_words.get(family, set())
        return [word for word in words if (len(word) >= 4 or word not in self.short_function_words)  # "uf", not "se"
                and word not in self.generic_words and word not in whole and word[:STEM] in self.named_stems
                and not (word[:STEM] in stems and (not strict or self._uses_form(word, family)))]

    def _uses_form(self, word: str, family: str) -> bool:
        """Does ``family`` use ``word`` or a form of it? A word some measure's name uses as it is needs the same word
        in another ending ("desempleados": "desempleo"), not one that only starts alike ("internet": "interés"),
        though synonyms that start alike ("mercancías", "mercaderías") are then told apart too."""
        if word not in self.named_words:
            return True  # a word no name uses ("pobladas"): its first letters are all there is to go by
        return any(_same_word(word, other) for other in self.family_words.get(family, ()))

    def families_named_within(self, topic: str) -> set[str]:
        """The families with a name or phrasing (not a unit: "dwellings") made of ``topic``'s words only."""
        words = set(topic.split())
        return {family for name, families in self.families_titled.items() if name and set(name.split()) <= words
                for family in families}

    def unnamed_kinds(self, words: list[str], code: str, language: str) -> list[str]:
        """Of a question's topic ``words``, those no measure is named by where an adjective of a word of ``code``'s
        family stands (after it in Spanish, before it in English: "población indígena", "indigenous population"): a
        kind of the measure that the catalog has no series for, never a word of chat to pass over."""
        stems = self.family_stems.get(self.indicators[code].family, set())
        padded = ["", *words, ""]
        triples = list(zip(padded, padded[1:], padded[2:]))
        if language != "es":  # (the noun qualified, the word, the other side)
            triples = [(after, word, before) for before, word, after in triples]
        return [word for noun, word, other in triples if noun[:STEM] in stems and other[:STEM] not in stems
                and len(word) >= 5 and word[:STEM] not in self.named_stems
                and word not in self.generic_words and word not in self.operation_words]

    def unlike_named(self, code: str, folded_question: str) -> str | None:
        """The measure ``code``'s family is not that the question names ("internet users" for broadband), if any."""
        padded = f" {folded_question} "
        return next((phrase for phrase in self.unlike.get(self.indicators[code].family, []) if f" {phrase} " in padded), None)

    def names_a_measure(self, words: list[str]) -> bool:
        """Does any of ``words`` occur (in some ending) in a measure's name, phrasing or unit? Words that do not
        ("whole", "tengas") still retrieve something, by meaning alone, and that is no measure asked."""
        return any(word[:STEM] in self.named_stems for word in words)

    def get(self, code: str) -> IndicatorInfo:
        return self.indicators[code]

    def family_of(self, code: str) -> list[IndicatorInfo]:
        """``code`` and its siblings: every member of its family."""
        return [self.indicators[code], *self.siblings(code)]

    def has_member(self, code: str, wanted: dict[str, str]) -> bool:
        """Has ``code``'s family a member with every attribute value in ``wanted``?"""
        return any(all(matches(info, field, value) for field, value in wanted.items()) for info in self.family_of(code))

    def siblings(self, code: str) -> list[IndicatorInfo]:
        family = self.indicators[code].family
        return [info for info in self.indicators.values() if info.family == family and info.code != code]


def _operations_in_names(names: list[str]) -> set[str]:
    """Operation words inside a measure's name, with the word before them ("turnover ratio of", "poverty gap") or,
    first in the name, after them ("brecha de pobreza"): said in a question they name the measure, never ask for a
    ratio or a difference."""
    phrases = {fold(phrase) for kinds in lexicon().two_operand_operations.values() for phrase in kinds}
    found = set()
    for name in names:
        words = re.findall(r"\w+", name)
        for start in range(len(words)):
            end = next((start + length for length in (3, 2, 1) if " ".join(words[start:start + length]) in phrases), None)
            if end is None:
                continue
            if start:
                found.add(" ".join(words[start - 1:end]))
            else:  # what follows names it, past short words: "relación entre el empleo"
                named = next((index for index in range(end, len(words)) if len(words[index]) > 3), None)
                if named is not None:
                    found.add(" ".join(words[:named + 1]))
    return found
