"""Text folding shared by loaders and the agent's gazetteer: case-, accent- and spacing-insensitive."""

import re
import unicodedata


def fold(text: str) -> str:
    """'Región de Ñuble ' -> 'region de nuble'."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", without_marks.lower())).strip()
