"""Numbers for people: es "13.118 US$", "9,0 %"; en "US$13,118", "9.0%" (CLDR rules through Babel).

Millions and more are said in words, as people and statistics offices say them: es "254.104 millones de
US$", "19,5 millones de personas" (Spanish counts millions up to a billón, 10**12); en "US$254.1 billion",
"19.5 million people". The exact value stays in the answer's rows, table, CSV and JSON.
"""

from babel.numbers import format_decimal

from agent.indicators import IndicatorInfo
from agent.models import Language

LOCALES = {"es": "es_CL", "en": "en_US"}


def number(value: float, decimals: int, language: Language) -> str:
    """A value rounded to ``decimals``; one too small for them keeps its first significant digit ("-0,02", never
    "-0,0")."""
    if decimals and value and round(value, decimals) == 0:
        decimals = next((places for places in range(decimals + 1, decimals + 4) if round(value, places) != 0), decimals)
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(round(value, decimals), format=pattern, locale=LOCALES[language])


# (size, name) from the largest; Spanish says "mil millones" as millones: 254.104 millones.
SCALES = {"es": ((10**12, "billones"), (10**6, "millones")),
          "en": ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))}


def in_words(value: float, language: Language) -> tuple[str, str] | None:
    """("254.104", "millones") for values of a million or more; None below."""
    for size, name in SCALES[language]:
        if abs(value) >= size:
            scaled = value / size
            decimals = 0 if abs(scaled) >= 1000 else 1
            return number(scaled, decimals, language), name
    return None


def _prefixed(symbol: str, amount: str) -> str:
    """English puts the sign before the currency and the quantity after the figure: -US$10.4 billion, US$3.81/lb."""
    currency, per = (symbol.split("/", 1) + [""])[:2]
    per = f"/{per}" if per else ""
    return f"-{currency}{amount[1:]}{per}" if amount.startswith("-") else f"{currency}{amount}{per}"


def figure(value: float, info: IndicatorInfo, language: Language, words: bool = True) -> str:
    """A value with its unit as a person writes it in ``language``: millions and more in words unless ``words``
    is false (the exact figure, every digit)."""
    words = in_words(value, language) if words and not info.unit_multiplier and info.unit_kind not in ("percent", "index") else None
    if words:
        amount, scale = words
        if info.unit_kind == "currency" and info.unit_symbol:
            return f"{amount} {scale} de {info.unit_symbol}" if language == "es" else _prefixed(info.unit_symbol, f"{amount} {scale}")
        unit = info.unit(language)
        if not unit:
            return f"{amount} {scale}"
        return f"{amount} {scale} de {unit}" if language == "es" else f"{amount} {scale} {unit}"
    text = number(value, info.decimals, language)
    if info.unit_kind == "percent":
        return f"{text} %" if language == "es" else f"{text}%"
    if info.unit_kind == "currency" and info.unit_symbol and not info.unit_multiplier:  # "miles de millones" needs words
        return f"{text} {info.unit_symbol}" if language == "es" else _prefixed(info.unit_symbol, text)
    unit = info.unit(language)
    return " ".join(part for part in (text, unit) if part)


def difference(value: float, info: IndicatorInfo, language: Language, words: bool = True) -> str:
    """A difference of two values of ``info``: of two percentages, in percentage points."""
    if info.unit_kind == "percent":
        text = number(value, info.decimals, language)
        return f"{text} puntos porcentuales" if language == "es" else f"{text} percentage points"
    return figure(value, info, language, words)


def percent(value: float, language: Language, decimals: int = 1) -> str:
    text = number(value, decimals, language)
    return f"{text} %" if language == "es" else f"{text}%"


def change_percent(value: float, language: Language) -> str:
    """"+2,4 %", "-0,03 %"."""
    return ("+" if value > 0 else "") + percent(value, language)
