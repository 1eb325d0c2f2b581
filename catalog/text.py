"""Text folding shared by loaders and the agent's gazetteer: case-, accent- and spacing-insensitive."""

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1 << 16)  # the same phrases are folded for every question
def fold(text: str) -> str:
    """'Región de Ñuble ' -> 'region de nuble'."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", without_marks.lower())).strip()
