"""Is a question Spanish or English? Accents and marker words decide; Spanish wins ties (most users)."""

import re

from agent.lexicon import lexicon
from agent.models import Language
from catalog.text import fold

SPANISH_CHARACTERS = re.compile(r"[áéíóúñ¿¡]", re.IGNORECASE)


def detect_language(question: str, default: Language = "es") -> Language:
    if SPANISH_CHARACTERS.search(question):
        return "es"
    words = fold(question).split()
    markers = lexicon().language_markers
    spanish = sum(word in markers["es"] for word in words)
    english = sum(word in markers["en"] for word in words)
    if english > spanish:
        return "en"
    if spanish > english:
        return "es"
    return default
