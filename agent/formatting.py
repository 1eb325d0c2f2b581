"""Numbers for people: es "13.118 US$", "9,0 %"; en "US$13,118", "9.0%" (CLDR rules through Babel)."""

from babel.numbers import format_decimal

from agent.indicators import IndicatorInfo
from agent.models import Language

LOCALES = {"es": "es_CL", "en": "en_US"}


def number(value: float, decimals: int, language: Language) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(round(value, decimals), format=pattern, locale=LOCALES[language])


def figure(value: float, info: IndicatorInfo, language: Language) -> str:
    """A value with its unit as a person writes it in ``language``."""
    text = number(value, info.decimals, language)
    if info.unit_kind == "percent":
        return f"{text} %" if language == "es" else f"{text}%"
    if info.unit_kind == "currency" and info.unit_symbol and not info.unit_multiplier:  # "miles de millones" needs words
        return f"{text} {info.unit_symbol}" if language == "es" else f"{info.unit_symbol}{text}"
    unit = info.unit(language)
    return " ".join(part for part in (text, unit) if part)


def change_percent(value: float, language: Language) -> str:
    sign = "+" if value > 0 else ""
    text = number(value, 1, language)
    return f"{sign}{text} %" if language == "es" else f"{sign}{text}%"
