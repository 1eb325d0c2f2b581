"""Text folding shared by loaders and the agent's gazetteer: case-, accent- and spacing-insensitive, and as it sounds."""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=1 << 16)  # the same phrases are folded for every question
def fold(text: str) -> str:
    """'Región de Ñuble ' -> 'region de nuble'."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", without_marks.lower())).strip()


SOUNDS = [(re.compile(pattern), said) for pattern, said in (
    (r"c(?=[ei])", "s"), (r"z", "s"), (r"v", "b"), (r"ll", "y"), (r"(?<!c)h", ""), (r"qu(?=[ei])", "k"), (r"c(?=[aou])", "k"), (r"g(?=[ei])", "j"))]


def sounded(folded: str) -> str:
    """How folded Spanish sounds in Chile, where spellings slip: 'senso' and 'censo', 'vitakura' and 'vitacura'
    (c before e/i, z and s alike; c before a/o/u and k; g before e/i and j; b and v; ll and y; a silent h)."""
    for written, said in SOUNDS:
        folded = written.sub(said, folded)
    return folded


def one_per_sound(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each sound with the one written form that makes it, from (sound, written) pairs; a sound several forms
    make says nothing about which was meant, so it is left out."""
    forms: dict[str, set[str]] = defaultdict(set)
    for sound, written in pairs:
        forms[sound].add(written)
    return {sound: next(iter(written)) for sound, written in forms.items() if len(written) == 1}
