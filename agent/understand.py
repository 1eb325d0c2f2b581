"""Stage 1, understand: read a question into an ``Understanding`` without choosing anything yet.

Language, places, period, the operation words, the variant cues ("per cápita", "en dólares") and
the indicator candidates from the retrieval index. Deterministic; the model is not involved.
"""

import re

from rapidfuzz import fuzz, process

from agent.gazetteer import GROUP_KINDS, Gazetteer
from agent.language import detect_language
from agent.lexicon import Lexicon, lexicon
from agent.models import IndicatorCandidate, Language, Operation, Place, Understanding, VariantCues
from agent.time_expressions import MONTHS, NUMBER_WORDS, find_period
from catalog.index import IndicatorHit, IndicatorIndex
from catalog.text import fold

MAX_QUESTION_CHARS = 500
CANDIDATES = 6
TOP_N = re.compile(r"\btop\s*(\d+)\b|\b(?:los|las|the)\s+(\d+|\w+)\s+(?:paises|countries|regiones|regions|comunas|"
                   r"provincias|mayores|menores|mas|primeros|primeras|highest|lowest|largest|first|most)\b|"
                   r"\b(\d{1,2}|\w+)\s+(?:[a-z]+\s+){0,2}?(?:paises|countries|regiones|regions|comunas|provincias|"
                   r"provinces|economias|economies)\b")
CONTINUATION = re.compile(r"^\s*(?:y|e|and|tambien|also|ahora|now)\b")
ABOVE = r"(?:supero|supera|superaron|paso|pasaron|mayor a|mayor que|mas de|sobre|above|exceeded|exceeds|over|more than|greater than)"
BELOW = r"(?:bajo de|menos de|menor a|menor que|cayo bajo|below|under|less than|fell below)"
SCALES = {"mil millones": 1e9, "billones": 1e12, "billion": 1e9, "billions": 1e9, "millones": 1e6, "millon": 1e6,
          "million": 1e6, "millions": 1e6, "mil": 1e3, "thousand": 1e3}
THRESHOLD = re.compile(rf"\b({ABOVE}|{BELOW})\s+(?:[a-z]+\s+){{0,4}}?(?!(?:19|20)\d\d\b)"
                       rf"(\d+(?: \d+)*)\s*({'|'.join(SCALES)})?\b\s*(%|por ciento|percent)?")  # folded: "10.000" is "10 000"
HOW_MUCH_GREW = re.compile(r"\b(?:cuanto|how much|by how much|en cuanto)\b.{0,60}\b(?:crecio|crecieron|grew|grow)\b")
LAST_TIME = re.compile(r"\b(?:ultima vez|last time)\b")
PLACE_LIKE = re.compile(r"\b(?:de|del|en|of|in|for)\s+([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)")
TYPO_CUTOFF = 85
CONJUNCTION = re.compile(r"\b(?:y|e|and)\b")
TOPIC_SCORE = 0.875  # a half of the question that retrieves an indicator this well is a topic of its own
ACCENTED = {"a": "[aáàâä]", "e": "[eéèêë]", "i": "[iíìîï]", "o": "[oóòôö]", "u": "[uúùûü]", "n": "[nñ]"}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ufffd]")


def number(text: str, folded_digits: str, scale: str | None = None) -> float:
    """The number written in ``text`` that folding turned into ``folded_digits`` ("10.000" -> "10 000").
    '10.000' and '10,000' are ten thousand (a group of three digits separates thousands in either language),
    '2,5' and '2.5' two and a half; 'millones', 'mil', 'billion' multiply."""
    written = next((found for found in re.findall(r"\d+(?:[.,]\d+)*", text)
                    if re.sub(r"[.,]", " ", found) == folded_digits), folded_digits.replace(" ", ""))
    grouped = re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", written)
    value = float(re.sub(r"[.,]", "", written)) if grouped else float(written.replace(",", "."))
    return value * SCALES.get(scale or "", 1)


def as_written(text: str, folded_phrase: str) -> str:
    """The words of ``text`` that fold to ``folded_phrase``, accents and capitals as the user wrote them."""
    letters = "".join(ACCENTED.get(character, re.escape(character)) for character in folded_phrase)
    found = re.search(letters.replace(r"\ ", r"\s+"), text, flags=re.IGNORECASE)
    return found[0] if found else folded_phrase


def readable(question: str) -> str:
    """The question cut to the limit, without control or invisible characters (NUL, escapes, zero-width spaces,
    direction overrides) or undecodable bytes (U+FFFD)."""
    return CONTROL.sub(" ", question[:MAX_QUESTION_CHARS]).strip()


def _variant_cues(folded: str, words: Lexicon) -> tuple[VariantCues, list[str]]:
    values: dict[str, object] = {}
    used: list[str] = []
    for field, options in words.variant_cues.items():
        for value, phrases in options.items():
            phrase = words.has_phrase(folded, phrases)
            if phrase:
                values[field] = value
                used.append(phrase)
                break
    return VariantCues(**values), used


def _operation(folded: str, words: Lexicon, has_threshold: bool) -> Operation | None:
    if has_threshold or words.has_phrase(folded, words.operations["first_meeting"]):
        return Operation.FIRST_MEETING
    for name, operation in (("rank", Operation.RANK), ("change", Operation.CHANGE)):
        if words.has_phrase(folded, words.operations[name]):
            return operation
    if _aggregate(folded, words):
        return Operation.AGGREGATE
    if words.has_phrase(folded, words.operations["series"]):
        return Operation.SERIES
    return None


def _unsupported(folded: str, words: Lexicon, has_threshold: bool) -> str | None:
    """The words of an operation the plan cannot express ("cociente entre", "en qué año"), so that the question
    is declined rather than answered as a nearby one. "En qué año" with a threshold is a first crossing."""
    for kind, phrases in words.unsupported_operations.items():
        phrase = words.has_phrase(folded, phrases)
        if phrase and not (kind == "which_period" and has_threshold):
            return phrase
    return None


def _aggregate(folded: str, words: Lexicon) -> str | None:
    kinds = ("avg", "max", "min", "sum")
    return next((kind for kind in kinds if words.has_phrase(folded, words.operations[f"aggregate_{kind}"])), None)


def _blank(text: str, phrases: list[str]) -> str:
    """Spaces instead of ``phrases``, keeping every other character where it was (spans stay valid)."""
    for phrase in phrases:
        text = text.replace(fold(phrase), " " * len(fold(phrase)))
    return text


PLACE_MARK = "§"


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    """``PLACE_MARK`` (padded to the same length, so other spans stay valid) where each span was."""
    for start, end in spans:
        text = text[:start] + PLACE_MARK.ljust(end - start) + text[end:]
    return text


def _remove(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


class Understander:
    def __init__(self, gazetteer: Gazetteer, index: IndicatorIndex, vocabulary: set[str],
                 joined_words: set[tuple[str, str]] = frozenset()):
        """``joined_words``: word pairs the metadata joins with y/and ("bienes y servicios"): one topic, not two."""
        self.gazetteer = gazetteer
        self.index = index
        self.vocabulary = vocabulary
        self.joined_words = joined_words
        words = lexicon()
        self.stopwords = (set(words.stopwords) | {fold(p) for phrases in words.operations.values() for p in phrases}
                          | set(MONTHS))  # a month without a year ("en febrero") is no topic

    def _search(self, texts: list[str]) -> list[IndicatorHit]:
        """Best hits for the topic words alone and for the whole question (less places and dates):
        the first is sharp ("desempleo"), the second keeps phrasing ("cuánta gente vive en")."""
        best: dict[str, IndicatorHit] = {}
        for text in dict.fromkeys(texts):
            for hit in self.index.search(text, limit=CANDIDATES):
                if hit.code not in best or hit.score > best[hit.code].score:
                    best[hit.code] = hit
        return sorted(best.values(), key=lambda hit: hit.score, reverse=True)[:CANDIDATES]

    def _spelled(self, word: str) -> str:
        """'desempelo' -> 'desempleo': a word the metadata never uses, replaced by its closest known word."""
        if len(word) < 5 or word in self.vocabulary:
            return word
        match = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        return match[0] if match else word

    def _two_measures(self, text: str, cue_words: set[str]) -> str | None:
        """'esperanza de vida y mortalidad infantil': two topics joined by y/and, each retrieving its own series.
        A name with "y" in it ("bienes y servicios", "research and development") is one topic."""
        halves = [" ".join(word for word in half if word not in self.stopwords and word not in cue_words
                           and not word.isdigit() and word != PLACE_MARK) for half in self._topics(text.split())]
        halves = [half for half in halves if half]
        if len(halves) < 2:
            return None
        best = [self.index.search(half, limit=1) for half in halves]
        codes = {hits[0].code for hits in best if hits and hits[0].score >= TOPIC_SCORE}
        return " / ".join(halves) if len(codes) > 1 else None

    def _topics(self, words: list[str]) -> list[list[str]]:
        """Words split at each y/and, except where the metadata itself joins the two words or a place stands
        on either side ("Brasil y México")."""
        topics: list[list[str]] = [[]]
        for position, word in enumerate(words):
            joined = 0 < position < len(words) - 1 and (
                (words[position - 1], words[position + 1]) in self.joined_words
                or PLACE_MARK in (words[position - 1], words[position + 1]))
            if CONJUNCTION.fullmatch(word) and not joined:
                topics.append([])
            else:
                topics[-1].append(word)
        return topics

    def _unknown_place(self, text: str) -> str | None:
        """A capitalised name after 'de'/'of' that is neither a known place nor a known word ('Marte')."""
        for name in PLACE_LIKE.findall(text):
            word = fold(name)
            if word not in self.vocabulary and word not in self.stopwords and word not in MONTHS:
                return name
        return None

    def _group(self, places: list[Place], operation: Operation | None, member_kind: str | None) -> Place | None:
        """The area whose members are ranked or aggregated: "Sudamérica", "regiones de Chile"."""
        if operation == Operation.RANK and not member_kind and sum(place.kind == "country" for place in places) >= 2:
            return None  # "¿quién tenía mayor esperanza de vida, Chile o Uruguay?": the named countries, side by side
        if operation == Operation.RANK or member_kind:
            return next((place for place in places if self.gazetteer.is_group(place)), None)
        if operation == Operation.AGGREGATE:
            return next((place for place in places if place.kind in GROUP_KINDS), None)
        return None

    def __call__(self, question: str, default_language: Language = "es") -> Understanding:
        words = lexicon()
        text = readable(question)  # cut before anything else reads it: no pattern ever sees more than the limit
        language = detect_language(text, default_language)
        if words.is_hostile(text):
            return Understanding(question=text, language=language, hostile=True)
        if len(question) > MAX_QUESTION_CHARS:
            return Understanding(question=text, language=language, too_long=True)
        folded = fold(words.spelled_out(text))
        cues, cue_phrases = _variant_cues(folded, words)
        period = find_period(folded)
        source_phrases = [p for p in cue_phrases if p in words.variant_cues["source"].get(cues.source or "", [])]
        threshold = THRESHOLD.search(folded)
        age_phrase = cues.age and next((p for p in cue_phrases if p in words.variant_cues["age"][cues.age]), None)
        if threshold and age_phrase and fold(age_phrase) in folded[threshold.start():threshold.end() + 8]:
            threshold = None  # "menos de 15 años" names an age group, not a value to compare with
        threshold_text = [folded[threshold.start(2):threshold.end()]] if threshold else []  # "30 millones" no Mejillones
        places = self.gazetteer.find(_blank(folded, cue_phrases + threshold_text))  # "banco mundial" no Mundo, "US$" no USA
        unsupported = _unsupported(folded, words, threshold is not None)
        unsupported = as_written(text, unsupported) if unsupported else None
        top_n = TOP_N.search(folded)
        top_value = next((group for group in top_n.groups() if group and (group.isdigit() or group in NUMBER_WORDS)), None) if top_n else None
        operation = _operation(_blank(folded, words.operation_exclusions), words, threshold is not None)
        if HOW_MUCH_GREW.search(folded) and period.period.start and period.period.end and period.period.start < period.period.end:
            # "¿cuánto creció la población entre 2002 y 2020?": the change over the years, not the yearly growth rates
            operation, cues = Operation.CHANGE, cues.model_copy(update={"transform": None})
        if top_value and operation is None:
            operation = Operation.RANK
        threshold_span = [threshold.span(1), (threshold.start(2), threshold.end())] if threshold else []
        without_entities = _remove(folded, period.spans + places.spans + threshold_span)
        source_words = {word for phrase in source_phrases for word in fold(phrase).split()}
        search_words = [self._spelled(word) for word in without_entities.split()
                        if word not in self.stopwords and word not in source_words and not word.isdigit()]
        cue_words = {word for phrase in cue_phrases for word in fold(phrase).split()} - set(words.topic_cues)
        topic_text = " ".join(word for word in search_words if word not in cue_words)
        group = self._group(places.places, operation, places.member_kind)
        if operation == Operation.FIRST_MEETING:
            order = "desc" if LAST_TIME.search(folded) else "asc"
        else:
            order = "asc" if words.has_phrase(folded, words.operations["ascending"]) else "desc"
        hits = self._search([" ".join(search_words), without_entities]) if topic_text else []
        marked = _remove(_mark(folded, places.spans), period.spans + threshold_span)  # "Brasil y México": places, not topics
        unsupported = unsupported or self._two_measures(marked, cue_words | source_words)
        return Understanding(
            question=text, language=language, places=[place for place in places.places if place is not group],
            group=group, period=period.period, cues=cues, member_kind=places.member_kind, operation=operation,
            top_n=int(top_value) if top_value and top_value.isdigit() else NUMBER_WORDS.get(top_value or ""),
            order=order, aggregate=_aggregate(folded, words),
            per_period=words.has_phrase(folded, words.operations["per_period"]) is not None,
            continues=CONTINUATION.match(folded) is not None,
            unknown_place=None if places.places else self._unknown_place(text),
            threshold=(">" if re.match(ABOVE, threshold[1]) else "<", number(text, threshold[2], threshold[3])) if threshold else None,
            topic_text=topic_text, unsupported=unsupported,
            candidates=[IndicatorCandidate(code=h.code, name_es=h.name_es, name_en=h.name_en, score=h.score) for h in hits],
        )  # fmt: skip
