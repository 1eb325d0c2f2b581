"""Places in a question: countries, groups, Chile's regions, provinces and comunas.

Names, aliases and demonyms come from the database. Matching is on folded text (no case, no
accents), longest phrase first, with a fuzzy pass for typos ("Argentna") on longer words only, so
that short common words never turn into places.
"""

import re
from collections import defaultdict

from pydantic import BaseModel
from rapidfuzz import fuzz, process
from sqlalchemy import Engine, select

from agent.lexicon import lexicon
from agent.models import Place
from catalog.schema import Area, AreaAlias, Indicator
from catalog.text import fold, one_per_sound, sounded

MAX_WORDS = 7
FUZZY_MIN_LENGTH = 6
FUZZY_CUTOFF = 88
# When one name fits several areas ("Valparaíso" is a region, a province and a comuna), the most
# commonly meant kind wins unless the question names the level ("comuna de Valparaíso").
KIND_PRIORITY = ["country", "cl_region", "group", "un_region", "aggregate", "cl_comuna", "cl_province"]
CONTAINER_WORDS = ("de", "del", "of", "en", "in")  # "la comuna más poblada de Valparaíso": the area holding it
KIND_LABELS = ("world bank region", "region del banco mundial", "world bank regions", "regiones del banco mundial")
CITY_WORDS = ("ciudad", "city")  # "the city of Valparaíso": its comuna
# "Central American countries (UN subregion)", "según la ONU", "UN Central America": of two groups with that name,
# the UN's
UN_SAID = re.compile(r"\b(?:onu|m49|naciones unidas|united nations|un (?:sub-?regions?|regions?|classification|geoscheme|groupings?|"
                     r"definition)|(?:the|by|per|according to the) un)\b|"
                     r"\bun (?=(?:central|south|north|east|west|western|eastern|northern|southern|middle)\b)")
# "the World Bank's Sub-Saharan Africa aggregate": of two groups with that name, the publisher's own figure
AGGREGATE_SAID = re.compile(r"\b(?:aggregates?|agregados?|regiones del banco mundial|world bank regions|world bank s regions|"
                            r"regions of the world bank)\b")
LEVEL_WORDS = {"comuna": "cl_comuna", "provincia": "cl_province", "province": "cl_province", "region": "cl_region",
               **dict.fromkeys(CITY_WORDS, "cl_comuna")}
# Words for a country's divisions, never a misspelt place on their own: "the state of São Paulo" is not "the States"
DIVISION_WORDS = {"state", "estado", "province", "provincia", "county", "condado", "department", "departamento",
                  "municipality", "municipio"}
# A place's name said as a common noun: "la próxima reunión" is a meeting, never Réunion
COMMON_NOUN = re.compile(r"\b(?:proxima|ultima|una|esa|esta|cada|siguiente|next|last|a|that|this) reunion\b")
ENGLISH_LEVEL_WORDS = ("province", "region", "comuna", "commune", "city")  # said after the name ("Mexico City")
ISO3 = re.compile(r"(?<![\w$])[A-Z]{3}(?![\w$])")  # "CHL", "PER": country codes as written, never "per" nor "US$"
LOWER_LEVELS = ("cl_comuna", "cl_province")  # "la comuna de Ñuble" is a mistake; "la región de Sudamérica" a way of speaking
CHILE_LEVELS = ("cl_region", "cl_province", "cl_comuna")  # "la región de Los Andes" (a province) is a mistake too
# Words that say which members of a group to rank ("regiones de Chile", "comunas de Valparaíso").
MEMBER_WORDS = {"regiones": "cl_region", "regions": "cl_region", "comunas": "cl_comuna", "provincias": "cl_province",
                "provinces": "cl_province", "paises": "country", "countries": "country"}  # fmt: skip
GROUP_KINDS = {"group", "un_region", "aggregate"}
ASKING_WORDS = {"que", "cual", "cuales", "which", "what", "cuantas", "cuantos", "many"}
SOVEREIGN = "G-SOVEREIGN"  # "los 12 países independientes de Sudamérica": beside another group, which of its members
POSSESSIVE_JOINERS = {"s", "de", "del", "of", "in", "en"}
COUNTRY_OF_KIND = {"cl_region": "CHL", "cl_province": "CHL", "cl_comuna": "CHL"}  # Chile's own divisions


class AreaEntry(BaseModel):
    code: str
    kind: str
    name_es: str
    name_en: str


class PlaceMatch(BaseModel):
    places: list[Place]
    spans: list[tuple[int, int]]
    member_kind: str | None = None
    by_people: bool = False  # a place named by its people ("¿cuántos chilenos hay?"): they are what is counted
    included: list[Place] = []  # members a parenthesis says the group includes ("que incluye a México")


def _beside_members(words: list[str], span: tuple[int, int]) -> bool:
    """Does a word for members stand right before or after the name ("los países sudamericanos")?"""
    start, end = span
    return start > 0 and words[start - 1] in MEMBER_WORDS or end + 1 < len(words) and words[end + 1] in MEMBER_WORDS


def _demonym_forms(demonym: str) -> list[str]:
    """'chileno' -> chileno, chilena, chilenos, chilenas; 'Chilean' -> chilean, chileans."""
    base = fold(demonym)
    if base.endswith("o"):
        return [base, base[:-1] + "a", base + "s", base[:-1] + "as"]
    return [base, base + "s"]


def _side_by_side(words: list[str], first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two names are joined only by a possessive or "of" ("chile s", "de chile", "in chile")."""
    (_, end), (other_start, _) = sorted([first, second])
    return set(words[end + 1 : other_start]) <= POSSESSIVE_JOINERS and other_start - end <= 2


def _asked_level(levels: list[tuple[int, str]], words: list[str], index: int) -> str | None:
    """The kind of area a level word elsewhere in the question asks for ("¿qué comuna…, Arica o Iquique?"), unless
    the place is what holds them: "la comuna más poblada de Valparaíso" ranks the comunas of the region."""
    holds = index and words[index - 1] in CONTAINER_WORDS and any(position < index for position, _ in levels)
    return None if holds else next((level for position, level in levels if not _names_another(words, position, index)),
                                   None)


def _names_another(words: list[str], position: int, index: int) -> bool:
    """Is the level word at ``position`` said of another name, right after it ("la comuna de Talca"), so it asks
    nothing of the name at ``index`` ("la población del Maule" is the region's)?"""
    after = words[position + 1:position + 3]
    return bool(after) and after[0] in ("de", "del") and index not in (position + 2, position + 3) and (
        len(after) > 1 and after[1] not in LEVEL_WORDS)


class Gazetteer:
    def __init__(self, areas: list[AreaEntry], names: dict[str, set[str]], measure_words: set[str] = frozenset(),
                 peoples: set[str] = frozenset(), demonyms: set[str] = frozenset()):
        """``measure_words``: words of the indicators' names, never read as a misspelt place ("razón de dependencia"
        is no Independencia). ``peoples``: plural demonyms ("chilenos", "peruvians"); ``demonyms``: every form."""
        self._peoples = peoples
        self._demonyms = demonyms
        self.areas = {area.code: area for area in areas}
        self._names = names
        self._fuzzy_choices = [name for name in names if len(name) >= FUZZY_MIN_LENGTH]
        self._sounded = one_per_sound((sounded(name), name) for name in self._fuzzy_choices)
        self._stopwords = set(lexicon().stopwords)
        judged = {word for kind in ("best", "worst") for phrase in lexicon().operations[kind] for word in fold(phrase).split()}
        self._not_places = self._stopwords | set(measure_words) | judged | DIVISION_WORDS  # "richest countries" is no
        # misspelt "rich countries"

    @classmethod
    def load(cls, engine: Engine) -> "Gazetteer":
        with engine.connect() as connection:
            rows = connection.execute(select(Area.code, Area.kind, Area.name_es, Area.name_en, Area.demonym_es,
                                             Area.demonym_en)).all()
            aliases = connection.execute(select(AreaAlias.area_code, AreaAlias.alias)).all()
            indicator_names = connection.execute(select(Indicator.name_es, Indicator.name_en)).all()
        names: dict[str, set[str]] = defaultdict(set)
        peoples: set[str] = set()
        demonyms: set[str] = set()
        for code, _kind, name_es, name_en, demonym_es, demonym_en in rows:
            for name in (name_es, name_en):
                names[fold(name)].add(code)
            for demonym in filter(None, (demonym_es, demonym_en)):
                for form in _demonym_forms(demonym):
                    names[form].add(code)
                    demonyms.add(form)
                    if form.endswith("s"):
                        peoples.add(form)
        for code, alias in aliases:
            names[fold(alias)].add(code)
        stopwords = set(lexicon().stopwords)
        names = {name: codes for name, codes in names.items() if name and name not in stopwords}
        areas = [AreaEntry(code=r[0], kind=r[1], name_es=r[2], name_en=r[3]) for r in rows]
        measure_words = {word for row in indicator_names for name in row for word in fold(name).split()}
        return cls(areas, names, measure_words, peoples, demonyms)

    def with_codes_named(self, text: str, language: str) -> str:
        """"desempleo CHL PER COL 2019": ISO3 country codes written in capitals, as analysts type them, replaced by the
        countries' names (never in a question written all in capitals, where "ARE" is a word)."""
        if not re.search(r"[a-záéíóúñ]", text):
            return text
        def named(found: re.Match) -> str:
            area = self.areas.get(found[0])
            if area is None or area.kind != "country":
                return found[0]
            return area.name_es if language == "es" else area.name_en
        return ISO3.sub(named, text)

    def names(self) -> set[str]:
        """Every folded name and alias of a place."""
        return set(self._names)

    def knows(self, name: str) -> bool:
        """Is the folded ``name`` a place's name or alias?"""
        return name in self._names

    def _ranked(self, codes: set[str], level: str | None) -> list[str]:
        return sorted(codes, key=lambda code: (self.areas[code].kind != level, KIND_PRIORITY.index(self.areas[code].kind), code))

    def find(self, folded: str) -> PlaceMatch:
        """Places named in a folded question, in order of appearance, with their character spans."""
        folded = COMMON_NOUN.sub(lambda found: " " * len(found[0]), folded)
        words = folded.split()
        starts, position = [], 0
        for word in words:
            position = folded.index(word, position)
            starts.append(position)
            position += len(word)
        places: list[Place] = []
        spans: list[tuple[int, int]] = []
        in_names: set[int] = set()
        word_spans: dict[str, tuple[int, int]] = {}
        index = 0
        levels = [(position, LEVEL_WORDS[word]) for position, word in enumerate(words) if word in LEVEL_WORDS]
        said_kind = "un_region" if UN_SAID.search(folded) else "aggregate" if AGGREGATE_SAID.search(folded) else None
        while index < len(words):
            run = 1  # a name never spans words taken out between ("la inflación argentina" names no "la argentina")
            while index + run < len(words) and \
                    starts[index + run] == starts[index + run - 1] + len(words[index + run - 1]) + 1:
                run += 1
            found = self._match_at(words[:index + run], index)
            if found is None:
                index += 1
                continue
            length, codes, text = found
            previous = words[index - 1] if index else ""
            if previous in ("de", "of", "del") and index >= 2:
                asking = index >= 3 and words[index - 3] in ASKING_WORDS  # "¿qué comuna del Maule…?": the kind asked,
                previous = "" if asking else words[index - 2]  # in the area named, never a comuna named Maule
            following = words[index + length] if index + length < len(words) else ""  # "Biobío province"
            level = LEVEL_WORDS.get(previous) or (LEVEL_WORDS.get(following) if following in ENGLISH_LEVEL_WORDS else None)
            code, *alternatives = self._ranked(codes, level or (said_kind if said_kind and any(
                self.areas[other].kind == said_kind for other in codes) else _asked_level(levels, words, index)))
            area = self.areas[code]
            if said_kind and area.kind == said_kind:  # "según la ONU": the UN's group, never the World Bank's beside it
                alternatives = [other for other in alternatives if self.areas[other].kind == said_kind]
            place = Place(code=code, name_es=area.name_es, name_en=area.name_en, kind=area.kind, matched=text,
                          alternatives=alternatives, level_asked=level if (level in LOWER_LEVELS or (
                              LEVEL_WORDS.get(previous) == level and all(  # "la región de Los Andes", never
                                  self.areas[other].kind in CHILE_LEVELS for other in codes))) and all(  # "Los Ángeles
                              self.areas[other].kind != level for other in codes) else None,  # (región del Biobío)"
                          namesakes=[other for other in alternatives if self.areas[other].kind == area.kind])
            end = index + length - 1
            if code not in [known.code for known in places]:
                places.append(place)
                word_spans[code] = (index, end)
            else:
                first = next(known for known in places if known.code == code)
                if text != first.matched and text not in first.said_again:
                    first.said_again.append(text)  # "OECD countries… OECD members": the second name's namesakes too
                    first.alternatives += [other for other in alternatives if other not in first.alternatives]
            named_from = index - 2 if index >= 2 and words[index - 1] in ("de", "of") and words[index - 2] in CITY_WORDS \
                else index  # "the city of Valparaíso": a place, no measure's words
            spans.append((starts[named_from], starts[end] + len(words[end])))
            if not self.is_group(place):  # the "países" of Países Bajos name no members
                in_names.update(range(index, end + 1))
            index += length
        by_people = any(place.matched in self._peoples and not _beside_members(words, word_spans[place.code])
                        for place in places)  # "los países sudamericanos", "South American countries": of countries
        within = {COUNTRY_OF_KIND.get(place.kind) for place in places}
        places = [place for place in places if not (place.matched in self._demonyms and place.code in within)]
        # "Chile's Metropolitan Region", "Puente Alto, Chile": the country next to its own division says where it is
        places = [place for place in places if not any(
            COUNTRY_OF_KIND.get(inner.kind) == place.code and _side_by_side(words, word_spans[place.code],
                                                                             word_spans[inner.code])
            for inner in places)]
        places = [place for place in places if not (place.matched in KIND_LABELS and any(
            word_spans[other.code][1] + 1 == word_spans[place.code][0] for other in places if other is not place))]
        # "Europe & Central Asia (World Bank region)": what kind of area the one just named is, no group of its own
        # "población de Ollagüe según el censo chileno": the adjective says where Ollagüe is, it names no second place
        member_kind = next((MEMBER_WORDS[word] for index, word in enumerate(words)
                            if word in MEMBER_WORDS and index not in in_names), None)
        return PlaceMatch(places=places, spans=spans, member_kind=member_kind, by_people=by_people)

    def _match_at(self, words: list[str], index: int) -> tuple[int, set[str], str] | None:
        for length in range(min(MAX_WORDS, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + length])
            if phrase in self._names:
                return length, self._names[phrase], phrase
        for length in (2, 1):
            chunk = words[index : index + length]
            phrase = " ".join(chunk)
            stopwords = self._stopwords.intersection(chunk)
            if len(chunk) < length or len(phrase) < FUZZY_MIN_LENGTH or self._not_places.issuperset(chunk):
                continue
            said = self._sounded.get(sounded(phrase))
            if said and not stopwords:  # "vitakura": spelled as it sounds
                return length, self._names[said], phrase
            match = process.extractOne(phrase, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if match and stopwords <= set(match[0].split()) and len(match[0].split()) == length:
                # "alto ospicio" is Alto Hospicio; "de chle" is no name, nor "países miembros" the G20's
                return length, self._names[match[0]], phrase
        return None

    def member_states(self, aggregate: Place) -> Place:
        """The curated group of an aggregate's member countries ("países de la Unión Europea" for the European Union's
        published figure), where one is named so; else the aggregate."""
        for said in (f"paises de {aggregate.matched}", f"{aggregate.matched} countries", f"countries of {aggregate.matched}"):
            codes = self._names.get(said) or self._names.get(said.replace(" de la ", " de ").replace("of the ", "of "))
            group = next((code for code in codes or () if self.areas[code].kind == "group"), None)
            if group:
                area = self.areas[group]
                return Place(code=group, name_es=area.name_es, name_en=area.name_en, kind=area.kind, matched=aggregate.matched)
        return aggregate

    def people_elsewhere(self, folded: str, places: list[Place]) -> Place | None:
        """A country's people said to be in another place ("migrantes venezolanos en Ñuble", "Peruvians living in
        Chile"): people of one nationality in a place, which no figure counts."""
        for place in places:
            if place.matched in self._peoples and any(other.code != place.code and other.matched not in self._demonyms
                                                      for other in places) and re.search(
                    rf"\b{re.escape(place.matched)}\s+(?:(?:que|who)\s+)?(?:(?:viven|vivian|residen|hay|habia|live|lived|living|"
                    rf"residing|are there|were there)\s+)?(?:(?:hoy|ahora|actualmente|today|now|currently)\s+)?(?:en|in)\b",
                    folded):  # "¿cuántos hondureños viven hoy en Estados Unidos?"
                return place
        return None

    def is_group(self, place: Place) -> bool:
        return place.kind in GROUP_KINDS or place.code == "CHL" or place.kind == "cl_region"
