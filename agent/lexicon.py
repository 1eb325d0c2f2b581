"""Typed access to ``agent/lexicon.yaml``: language markers, stopwords, cue phrases, hostile patterns."""

import re
from functools import cache, cached_property
from pathlib import Path

import stopwordsiso
import yaml
from pydantic import BaseModel, field_validator

from catalog.text import fold

LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")


def _band_phrases(band: str) -> list[str]:
    """How an age band "15-29" is said, besides the phrases listed for it: "entre 15 y 29 años", "aged 15 to 29"."""
    bounds = re.fullmatch(r"(\d+)-(\d+)", band)
    if bounds is None:
        return []
    low, high = bounds.groups()
    return [f"entre {low} y {high} anos", f"entre {low} y {high}", f"de {low} a {high} anos", f"{low} y {high} anos",
            f"between {low} and {high}", f"aged {low} to {high}", f"ages {low} to {high}", f"{low} to {high} years"]


class Lexicon(BaseModel):
    language_markers: dict[str, list[str]]
    stopwords: list[str]
    variant_cues: dict[str, dict[str, list[str]]]
    operations: dict[str, list[str]]
    operation_exclusions: list[str]
    two_operand_operations: dict[str, list[str]]
    group_operations: dict[str, list[str]]
    sex_pairs: list[str]
    both_places: list[str]
    same_source: list[str]
    three_places: list[str]
    points_back: list[str]
    back_to_first: list[str]
    census_words: list[str]
    census_sources: list[str]
    qualifying_words: list[str]
    place_name_prefixes: list[str]
    foreign_units: list[str]
    hostile_patterns: list[str]
    topic_cues: list[str]
    generic_words: list[str]
    vague_words: list[str]
    vague_subjects: list[str]
    priced_goods: list[str]
    absent_topics: list[str]
    naming_cue_words: list[str]
    marked_words: list[str]
    abbreviations: dict[str, str]
    yearly_rule_phrases: list[str]
    implied_topics: dict[str, str]
    headcount_words: list[str]

    def spelled_out(self, text: str) -> str:
        """``text`` with each abbreviation ("I+D") replaced by its words and without the words that only restate a
        series' yearly rule ("sumando los trimestres"), case-insensitively."""
        for short in sorted(self.abbreviations, key=len, reverse=True):
            text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", self.abbreviations[short], text, flags=re.IGNORECASE)
        for phrase in self.yearly_rule_phrases:
            text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text, flags=re.IGNORECASE)
        return text

    @field_validator("operations", "two_operand_operations", "group_operations", mode="after")
    @classmethod
    def _longest_first(cls, groups: dict[str, list[str]]) -> dict[str, list[str]]:
        """Longer phrases are tried first, once sorted at load: "us dollars" before "dollars"."""
        return {name: sorted(phrases, key=len, reverse=True) for name, phrases in groups.items()}

    @field_validator("variant_cues", mode="after")
    @classmethod
    def _cues_longest_first(cls, cues: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, list[str]]]:
        cues["age"] = {band: phrases + _band_phrases(band) for band, phrases in cues.get("age", {}).items()}
        return {field: cls._longest_first(options) for field, options in cues.items()}

    def has_phrase(self, folded_text: str, phrases: list[str]) -> str | None:
        """The first of ``phrases`` (longest first, see the validators) in ``folded_text`` on word boundaries."""
        padded = f" {folded_text} "
        return next((phrase for phrase in phrases if f" {fold(phrase)} " in padded), None)

    def cue_words(self) -> set[str]:
        """Every word of every cue phrase: known concepts even when no indicator name uses them."""
        phrases = [p for options in self.variant_cues.values() for group in options.values() for p in group]
        return {word for phrase in phrases for word in fold(phrase).split()}

    def is_hostile(self, text: str) -> bool:
        """Asks to change data or instructions. Callers cut ``text`` to the question limit first, and the patterns
        use bounded gaps only (``.{0,80}``), so each runs in time linear in the text."""
        return any(pattern.search(text) for pattern in self._compiled_hostile)

    @cached_property
    def _compiled_hostile(self) -> list[re.Pattern]:
        return [re.compile(pattern, flags=re.IGNORECASE) for pattern in self.hostile_patterns]


@cache
def function_words() -> frozenset[str]:
    """Spanish and English words that carry no topic ("fueron", "came", "across"), from the stopwords-iso lists,
    folded. Callers keep the ones a measure's name uses ("men", "value")."""
    return frozenset(fold(word) for language in ("es", "en") for word in stopwordsiso.stopwords(language))


@cache
def lexicon() -> Lexicon:
    return Lexicon.model_validate(yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8")))
