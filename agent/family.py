"""Which indicator family a question is about: the retrieval index proposes, the metadata's words and coverage
check, and the local model breaks near ties (or says none fits).

Scores are cosine similarities from multilingual-e5-small; measured on the indicator cards they sit between 0.80
(unrelated) and 0.95 (a phrasing almost verbatim).
"""

import re
from collections.abc import Callable

from agent.indicators import SOFT_MEASURES, STEM, VARIANT_FIELDS, IndicatorCatalog, matches
from agent.lexicon import function_words, lexicon
from agent.llm import NONE, Candidate, Chooser, choice_schema, consult, numbered
from agent.models import PlanOutcome, Understanding
from agent.prompts import load_prompt
from agent.time_expressions import UNIT_MONTHS
from catalog.text import fold

NO_MATCH_SCORE = 0.86
UNKNOWN_WORD_SCORE = 0.91
FAMILY_MARGIN = 0.012
ACCOUNTING_MARGIN = 0.03  # how far below the best match a family the topic names, or names in full, still wins
LLM_CANDIDATES = 5
DEFAULT_AREA = "CHL"
CENSUS_WORD = re.compile(r"\b(?:censo|census|censal|censada|censados|censadas|censado)\b")


def _promoted(ranked: list[tuple[float, int, str]], wanted: Callable[[str], bool]) -> list[tuple[float, int, str]]:
    """``ranked`` families (score, hits, code), with the one ``wanted`` within ACCOUNTING_MARGIN of the best first,
    unless the best is wanted or several are."""
    if not ranked or wanted(ranked[0][2]):
        return ranked
    close = [family for family in ranked if ranked[0][0] - family[0] < ACCOUNTING_MARGIN and wanted(family[2])]
    return close + [family for family in ranked if family not in close] if len(close) == 1 else ranked


class FamilyChooser:
    def __init__(self, catalog: IndicatorCatalog, chooser: Chooser | None):
        self.catalog = catalog
        self.vocabulary = catalog.vocabulary | lexicon().cue_words()
        self.prefixes = {word[:STEM] for word in self.vocabulary if len(word) >= STEM}
        self.chooser = chooser
        self.prompt = load_prompt("choose_indicator")

    def unknown_words(self, topic: str) -> list[str]:
        """Topic words the metadata never uses, allowing other endings ("pobladas" ~ "poblacion").

        Typos are already mended by the Understander, against this same vocabulary."""
        return list(dict.fromkeys(word for word in topic.split()
                                  if len(word) >= 3 and word not in self.vocabulary and word[:STEM] not in self.prefixes))

    def _ask_model(self, understanding: Understanding, outcome: PlanOutcome, on_model: Callable[[], None]) -> str | None:
        """The code the model picks among the question's candidates, NONE, or None when it gave no answer (the
        reason is a note on ``outcome``)."""
        candidates = understanding.candidates[:LLM_CANDIDATES]
        shown = [Candidate(code=c.code, name_es=c.name_es, name_en=c.name_en,
                           unit=self.catalog.get(c.code).unit_en, source=self.catalog.get(c.code).source_id)
                 for c in candidates]  # fmt: skip
        value = consult(self.chooser, self.prompt, {"question": understanding.question, "candidates": numbered(shown)},
                        choice_schema([c.code for c in candidates]), outcome, on_model)
        return None if value is None else value.indicator_code  # a retrieved code, or NONE: nothing fits

    def __call__(self, understanding: Understanding, outcome: PlanOutcome, on_model: Callable[[], None],
                   ask_model: bool = True) -> str | None:
        """The retrieved indicator that best answers the question, or None (status set on ``outcome``)."""
        candidates = understanding.candidates
        top = candidates[0].score if candidates else 0.0
        unknown = self.unknown_words(understanding.topic_text)
        if top < NO_MATCH_SCORE or (unknown and top < UNKNOWN_WORD_SCORE):
            outcome.status, outcome.reason = "no_data", "unknown_topic"
            outcome.params = {"topic": " ".join(unknown) or understanding.topic_text}
            outcome.suggestions = [c.code for c in candidates[:3]]
            return None
        best: dict[str, tuple[float, int, str]] = {}
        for candidate in candidates:
            family = self.catalog.get(candidate.code).family
            score, members, code = best.get(family, (candidate.score, 0, candidate.code))
            best[family] = (score, members + 1, code)
        topic = understanding.topic_text
        titled = self.catalog.families_titled.get(topic, set())
        for family in sorted(titled - best.keys()):  # "what share of South America's GDP": the share retrieved only
            best[family] = (top, 0, min(info.code for info in self.catalog.indicators.values() if info.family == family))
        # Of close matches, the one family the topic names ("¿en qué porcentaje subió el PIB?" retrieves shares of
        # GDP first), else the one whose words account for every topic word ("prima de riesgo sobre los préstamos"
        # retrieved after preprimary enrolment)
        ranked = _promoted(sorted(best.values(), reverse=True), lambda code: self.catalog.get(code).family in titled)
        ranked = _promoted(ranked, lambda code: self.accounts(topic, code))
        if understanding.cues.measure in SOFT_MEASURES and not titled and lexicon().has_phrase(
                fold(understanding.question), lexicon().operations["share_of"]):
            # "what share of the labour force is women": a close family that has the share asked and accounts for the
            # topic, not a rate of the best match ("female participation rate"); "puntos porcentuales" asks no share.
            # A topic that is a measure's own name ("what share of South America's GDP") is that measure's share of a
            # larger area, never another measure as a share of it (capital formation in % of GDP)
            ranked = _promoted(ranked, lambda code: self.fits(code, understanding) and self.accounts(topic, code))
        if understanding.cues.measure in SOFT_MEASURES:  # "más del 95 % de la población con electricidad": never
            ranked = [family for family in ranked if self._has_part_unit(family[2])] or ranked  # kWh per person
        near = [family for family in ranked if ranked[0][0] - family[0] < FAMILY_MARGIN]
        near = [family for family in near if self.catalog.get(family[2]).family in titled
                and self.fits(family[2], understanding, soft=True)] or near  # "mortality rate" under 5: not deaths
        saying = [family for family in near if understanding.named_amounts and any(
            info.names_amounts(understanding.named_amounts) for info in self.catalog.family_of(family[2]))]
        if saying:  # "el 20 % más rico": no near family that names another share
            ranked = [family for family in ranked if family in saying or family not in near]
            near = saying
        said = set(fold(understanding.question).split())
        near = self._unmarked(near, said, topic, code_of=lambda family: family[2])
        soft = [family for family in near if self.fits(family[2], understanding, soft=True)]
        fitting = [family for family in near if self.fits(family[2], understanding)] or soft  # no share: a rate
        if not any(self.accounts(understanding.topic_text, family[2]) for family in fitting):
            # "what share of the population was undernourished": a rate named by every word, not a share of another
            fitting = [family for family in soft if self.accounts(understanding.topic_text, family[2])] or fitting
        wanted = understanding  # "alfabetización de adultos": not men's alone
        if understanding.pair:  # "how many more women than men were counted": a family that has both
            fitting = sorted(fitting, key=lambda family: not self._holds_pair(family[2], understanding))
        elif understanding.cues.sex is None and not understanding.sexes:
            wanted = understanding.model_copy(update={"cues": understanding.cues.model_copy(update={"sex": "total"})})
            fitting = sorted(fitting, key=lambda family: not self.fits(family[2], wanted))
        if fitting:  # as close a match, and it has the variant asked ("what share"): never a near miss without it
            ranked = fitting + [family for family in ranked if family not in near]
        if self.has_data(ranked[0][2], understanding):  # of near ties, those with no values there are no contenders;
            # but the best match without values is never left for a nearby measure that has them (another question)
            ranked = [family for family in ranked if family not in near or self.has_data(family[2], understanding)]
        if understanding.cues.source:  # "según el Banco Mundial": of near ties, one with a series of that publisher
            near = [family for family in ranked if ranked[0][0] - family[0] < FAMILY_MARGIN]
            sourced = [family for family in near if self._has_source(family[2], understanding.cues.source)]
            ranked = sourced + [family for family in ranked if family not in near] if sourced else ranked
        in_periods_asked = lambda code: self._in_periods_asked(code, understanding)  # noqa: E731
        ranked = _promoted(ranked, in_periods_asked)
        near = [family for family in ranked if ranked[0][0] - family[0] < FAMILY_MARGIN]
        timely = [family for family in near if in_periods_asked(family[2])]
        if timely:  # of near ties, those counted in the periods asked
            ranked = timely + [family for family in ranked if family not in near]
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < FAMILY_MARGIN:
            near = [code for score, _, code in ranked if ranked[0][0] - score < FAMILY_MARGIN]
            near = self._unmarked(near, said, topic)
            ranked = [family for family in ranked if family[2] in near] + [
                family for family in ranked if family[2] not in near]
            settled = self._settled(understanding.topic_text, near)
            if settled:
                return settled
            # Too close to call by the topic's words: of those with the sex asked (both when none is), the one whose
            # name shares most words with the whole question ("promedio de personas por hogar" names the household
            # size, though "promedio" is also an operation word), then whose name adds fewest words the question does
            # not say ("solicitudes de patentes de residentes" are not non-residents'), then the family retrieval
            # returned most often.
            contenders = [family for family in ranked[:2] if self.fits(family[2], wanted) and (
                not understanding.pair or self._holds_pair(family[2], understanding))] or ranked[:2]
            asked = {word[:STEM] for word in fold(understanding.question).split() if len(word) > 2
                     and word not in UNIT_MONTHS}  # "hace cinco años" says when, never "15 a 19 años de edad"
            counted = max(contenders, key=lambda family: (len(asked & self._name_stems(family[2])),
                                                          -len(self._name_stems(family[2]) - asked), family[1]))[2]
            if self.chooser is not None and ask_model:
                families = {self.catalog.get(code).family for code in near}  # the model breaks the tie, nothing more
                shown = [c for c in candidates if self.catalog.get(c.code).family in families]
                chosen = self._ask_model(understanding.model_copy(update={"candidates": shown}), outcome, on_model)
                if chosen == NONE:  # none of the near ties measures what is asked: never a rule's pick instead
                    outcome.status, outcome.reason = "no_data", "unknown_topic"
                    outcome.params = {"topic": understanding.topic_text}
                    outcome.suggestions = [c.code for c in candidates[:3]]
                    return None
                if chosen:
                    outcome.parser = "model"
                    if self.catalog.get(chosen).family != self.catalog.get(counted).family:
                        outcome.contested = counted  # two readings, each with a reason: asked back, not guessed
                    return chosen
            return counted
        return ranked[0][2]

    def _in_periods_asked(self, code: str, understanding: Understanding) -> bool:
        """Is the series counted in the periods asked: "¿cuánto creció la economía el segundo trimestre?" is quarterly
        GDP, not the three months of a monthly index; "en marzo", a monthly one."""
        period = understanding.period
        frequencies = {info.frequency for info in self.catalog.family_of(code)}
        if period.quarter:
            return "Q" in frequencies
        return bool(frequencies & {"M", "D"}) if period.month else True

    def named_first(self, asked: str, first: str, second: str) -> bool:
        """Does ``asked`` name ``second`` before ``first``, by the words of one name the other lacks ("how much
        higher was the projection than the census count?" after the census, then the projection)?"""
        own = {code: self._name_stems(code) - self._name_stems(other) for code, other in ((first, second), (second, first))}
        for code in (first, second):  # "the census count than INE's projection": "census" names the census's, though
            if self.catalog.get(code).source_id in lexicon().census_sources:  # a projection's base is a census too
                own[code] |= {fold(word)[:STEM] for word in lexicon().census_words}
        words = fold(asked).split()
        minus = next((index for index, word in enumerate(words) if word in ("minus", "menos")), None)
        named = {code: [index for index, word in enumerate(words) if word[:STEM] in stems] for code, stems in own.items()}
        if minus is not None:  # "give census minus projection": the one said right before "minus" is the first
            before = {code: max((index for index in indices if index < minus), default=-1) for code, indices in named.items()}
            if before[first] != before[second]:
                return before[second] > before[first]
        return bool(named[second]) and (not named[first] or named[second][0] < named[first][0])

    def _unmarked(self, near: list, said: set[str], topic: str, code_of: Callable = lambda code: code) -> list:
        """Of near ties, those whose names mark no part or cut the question does not say, where one of them names
        the topic: "bajo la línea de pobreza nacional" is the whole population's rate, never the rural part's nor
        the gap. Else all of them."""
        unmarked = [item for item in near if not self._names_unsaid_mark(code_of(item), said)]
        return unmarked if any(self.accounts(topic, code_of(item)) for item in unmarked) else near

    def _names_unsaid_mark(self, code: str, said: set[str]) -> bool:
        """Does ``code``'s name mark its measure as a part of the whole ("rural") or another cut ("brecha") with words
        the question never says?"""
        info = self.catalog.get(code)
        return all(set(fold(name).split()) & set(lexicon().marked_words) - said for name in (info.name_es, info.name_en))

    def _name_stems(self, code: str) -> set[str]:
        info = self.catalog.get(code)
        return {word[:STEM] for word in fold(f"{info.name_es} {info.name_en}").split() if len(word) > 2}

    def _singular(self, topic: str) -> str:
        """'fertility rates' -> 'fertility rate', 'tasas de desempleo' -> 'tasa de desempleo': names are singular."""
        def one(word: str) -> str:
            return next((word[:-len(ending)] for ending in ("es", "s") if word.endswith(ending)
                         and word[:-len(ending)] in self.vocabulary), word)
        return " ".join(one(word) for word in topic.split())

    def _settled(self, topic: str, near: list[str]) -> str | None:
        """Of near ties, the one family whose name or phrasing is the topic itself ("pib" is GDP, not capital
        formation as a share of GDP) or made of its words only ("dwellings census": not collective dwellings), else
        the one whose words account for every topic word ("exportaciones de bienes y servicios en % del PIB" is not
        merchandise exports): no model call is needed to tell them apart."""
        families = self.catalog.families_named.get(topic) or self.catalog.families_named.get(self._singular(topic))
        named = [code for code in near if self.catalog.get(code).family in (families or set())] or [
            code for code in near if self.catalog.get(code).family in self.catalog.families_named_within(topic)
            and self.accounts(topic, code)]
        if len(named) == 1:
            return named[0]
        accounting = [code for code in near if self.accounts(topic, code)]
        if len(accounting) != 1:
            return None
        asked = {word[:STEM] for word in topic.split()}
        named = lambda code: len(asked & self._name_stems(code))  # noqa: E731
        # "qué parte de la energía venía de fuentes renovables": renewable electricity's words account for "energía"
        # only in its definition, while renewable energy's name says it: too close to settle by words alone
        return accounting[0] if named(accounting[0]) >= max(named(code) for code in near) else None

    def accounts(self, topic: str, code: str) -> bool:
        """Does ``code``'s family use every topic word that names some measure, in one of its endings?"""
        return not self.catalog.unaccounted(topic.split(), code, strict=True)

    def restates(self, understanding: Understanding, code: str) -> bool:
        """Does a follow-up's topic only reword ``code``'s measure ("Which one spends more?" after military
        spending), every word from its names and nothing else ("¿y cuántas personas viven en cada hogar?" after
        households asks for another measure)?"""
        family, topic = self.catalog.get(code).family, understanding.topic_text
        if code in self.catalog.projecting and CENSUS_WORD.search(topic):  # "and in the 2024 census?": the count
            return False
        named = (self.catalog.families_named.get(topic, set()) | self.catalog.families_named.get(self._singular(topic), set())
                 | self.catalog.families_named_within(fold(understanding.question)))
        if named and family not in named and not self.points_back(understanding, family):
            return False  # "¿y cuántas personas por hogar?" after households: another measure's name
        stems = self.catalog.family_stems.get(family, set())
        return all(word[:STEM] in stems or word in function_words() for word in topic.split()) \
            and self.accounts(topic, code)  # "esperanza de vida": its "de" is no other measure's word

    def points_back(self, understanding: Understanding, family: str) -> bool:
        """Are the topic's words all ``family``'s, one of them after "ese", "that"…: "en ese gasto" after public
        spending on education is that spending, though "gasto" alone names another measure."""
        words, own = understanding.topic_text.split(), self.catalog.family_words.get(family, set())
        return bool(words) and set(words) <= own and any(re.search(
            rf"\b(?:ese|esa|este|esta|that|this|the same)\s+{re.escape(word)}\b", fold(understanding.question))
            for word in words)

    def _has_part_unit(self, code: str) -> bool:
        """Can ``code``'s family say what part of a whole something is: a member in percent, or a count to divide?"""
        return any(info.unit_kind in ("percent", "count") for info in self.catalog.family_of(code))

    def _has_source(self, code: str, source: str) -> bool:
        """Has ``code``'s family a series of the kind of publisher asked: national (official for a country, as INE's
        and the Central Bank's are) or international (the World Bank's, official for none)?"""
        return any(bool(info.official_for) == (source == "national") for info in self.catalog.family_of(code))

    def _holds_pair(self, code: str, understanding: Understanding) -> bool:
        """Has ``code``'s family each of the two variants asked apart (women and men, 0-14 and 65+), as two series
        ("men per 100 women" names both, and is neither)?"""
        pair = understanding.pair
        holding = [{info.code for info in self.catalog.family_of(code) if matches(info, pair.field, value)}
                   for value in pair.values]
        return all(holding) and holding[0] != holding[1]

    def fits(self, code: str, understanding: Understanding, soft: bool = False) -> bool:
        """Has a member of ``code``'s family what the question asks for (its variant cues: "what share", "per
        cápita")? Whether it has values for the places and years is not asked: a nearby measure that has them
        is still another question ("deuda pública de Argentina" is not its net incurrence of liabilities). With
        ``soft``, a "share" asked is not required (a prevalence rate is one; a count, of a larger area, makes one),
        for when no near family has one; but subscriptions per 100 people are no share of the people online."""
        cues = understanding.cues
        asked = {field: getattr(cues, field) for field in VARIANT_FIELDS if getattr(cues, field)}
        if soft and cues.measure in SOFT_MEASURES:
            del asked["measure"]  # "what share of the population was undernourished": a prevalence rate is one
            if not self._has_part_unit(code):
                return False
        period = understanding.period
        whole_years = period.start is not None and not (period.month or period.quarter or period.day)
        return any(all(matches(info, field, value) for field, value in asked.items()) and (
            info.yearly_comparable or not whole_years)  # "cuánto creció la economía el 2021": no monthly change
            for info in self.catalog.family_of(code))

    def has_data(self, code: str, understanding: Understanding) -> bool:
        """Has a member of ``code``'s family values for the places and years the question names?"""
        areas = [place.code for place in understanding.places] or ([] if understanding.group else [DEFAULT_AREA])
        return any(self.catalog.covers(info.code, areas, understanding.period) for info in self.catalog.family_of(code))
