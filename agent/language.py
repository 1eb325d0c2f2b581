"""Is a question Spanish or English? Marker words and accents decide; Spanish wins ties (most users)."""

import re

from agent.lexicon import lexicon
from agent.models import Language
from catalog.text import fold

SPANISH_PUNCTUATION = re.compile(r"[¿¡]")
SPANISH_LETTERS = re.compile(r"[áéíóúñ]", re.IGNORECASE)
CLEARLY = 2  # more English marker words than Spanish ones by this many outweigh accents, which place names carry


def detect_language(question: str, default: Language = "es") -> Language:
    """Accents alone do not make a question Spanish: "what share of the Biobío region lives in Concepción?" is
    English, its accents are the places'."""
    if SPANISH_PUNCTUATION.search(question):
        return "es"
    words = fold(question).split()
    markers = lexicon().language_markers
    spanish = sum(word in markers["es"] for word in words)
    english = sum(word in markers["en"] for word in words)
    if english >= spanish + CLEARLY:
        return "en"
    if english == spanish > 0:  # "and viña del mar?": as the conversation goes, whatever the place's letters
        return default
    if any(SPANISH_LETTERS.search(word) for word in _not_names(question)):
        return "es"
    if english > spanish:
        return "en"
    if spanish > english:
        return "es"
    return default


def _not_names(question: str) -> list[str]:
    """The words that are no proper names: the first word and those in lower case ("older people in Ñuble" has
    none with an accent)."""
    words = question.split()
    return words[:1] + [word for word in words[1:] if not word[:1].isupper()]
