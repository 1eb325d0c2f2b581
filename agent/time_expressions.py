"""Periods in a question: years, ranges, "desde 2015", "la última década", quarters, months, "último dato".

Works on folded text (lowercase, no accents) and returns the spans it used, so that what remains can
be searched as the topic.
"""

import calendar
import re
from datetime import date

from pydantic import BaseModel

from agent.models import PeriodSpec

YEAR = r"(1[5-9]\d\d|20\d\d)"  # 1500-2099: "PIB de 1850" or "población en 2070" must read as a year with no data
MONTHS = {
    "enero": 1, "january": 1, "jan": 1, "ene": 1, "febrero": 2, "february": 2, "feb": 2, "marzo": 3, "march": 3,
    "mar": 3, "abril": 4, "april": 4, "abr": 4, "apr": 4, "mayo": 5, "may": 5, "junio": 6, "june": 6, "jun": 6,
    "julio": 7, "july": 7, "jul": 7, "agosto": 8, "august": 8, "ago": 8, "aug": 8, "septiembre": 9, "setiembre": 9,
    "september": 9, "sep": 9, "sept": 9, "octubre": 10, "october": 10, "oct": 10, "noviembre": 11, "november": 11,
    "nov": 11, "diciembre": 12, "december": 12, "dic": 12, "dec": 12,
}  # fmt: skip
ORDINAL_QUARTERS = {"primer": 1, "first": 1, "segundo": 2, "second": 2, "tercer": 3, "third": 3, "cuarto": 4, "fourth": 4,
                    "1er": 1, "1ro": 1, "1o": 1, "1st": 1, "2do": 2, "2o": 2, "2nd": 2, "3er": 3, "3ro": 3, "3o": 3,
                    "3rd": 3, "4to": 4, "4o": 4, "4th": 4}  # "2do trimestre", "2º trimestre" (folded "2o")
# "el último trimestre de 2025": said of a year, its fourth quarter (alone, "el último trimestre" is the newest one)
QUARTERS_OF_A_YEAR = ORDINAL_QUARTERS | {"ultimo": 4, "last": 4, "final": 4}
NUMBER_WORDS = {"dos": 2, "two": 2, "tres": 3, "three": 3, "cuatro": 4, "four": 4, "cinco": 5, "five": 5, "seis": 6,
                "six": 6, "siete": 7, "seven": 7, "ocho": 8, "eight": 8, "nueve": 9, "nine": 9, "diez": 10, "ten": 10,
                "doce": 12, "twelve": 12, "quince": 15, "fifteen": 15, "dieciocho": 18, "eighteen": 18, "veinte": 20,
                "twenty": 20, "treinta": 30, "thirty": 30}  # fmt: skip
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
FULL_MONTH_NAMES = "|".join(month for month in MONTHS if len(month) > 4 or month in ("mayo", "june", "july"))
# Years said in words ("dos mil diecinueve", "twenty twenty-four"): the numbers after the thousands, folded
UNITS_ES = ["uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece",
            "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidos",
            "veintitres", "veinticuatro", "veinticinco", "veintiseis", "veintisiete", "veintiocho", "veintinueve"]
UNITS_EN = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
YEAR_WORDS = {**{word: number for number, word in enumerate(UNITS_ES, 1)}, "treinta": 30,
              **{f"treinta y {word}": 30 + number for number, word in enumerate(UNITS_ES[:9], 1)},
              **{word: number for number, word in enumerate(UNITS_EN, 1)}, "twenty": 20, "thirty": 30,
              **{f"{tens}{joint}{word}": base + number for tens, base in (("twenty", 20), ("thirty", 30))
                 for joint in (" ", "-") for number, word in enumerate(UNITS_EN[:9], 1)}}
SAID_YEAR = re.compile(r"\b(?:dos mil(?: y)?|two thousand(?: and)?)\s+("
                       + "|".join(sorted(map(re.escape, YEAR_WORDS), key=len, reverse=True)) + r")\b|\btwenty\s+("
                       + "|".join(sorted((re.escape(word) for word, number in YEAR_WORDS.items() if number >= 10),
                                         key=len, reverse=True)) + r")\b")  # "twenty five countries" is no year
MONTH_SLASH_YEAR = re.compile(r"\b(0?[1-9]|1[0-2])\s*[/-]\s*((?:19|20)\d\d)\b")  # "03/2024"
YEAR_DASH_MONTH = re.compile(r"\b((?:19|20)\d\d)(?:-(0[1-9])|/(0?[1-9]|1[0-2]))\b(?![/-]\d)")  # "2024-03", "2024/11";
# not "2024-03-15", nor "2010-12", which may be the years 2010 to 2012
WEEKDAY = re.compile(r"\b(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|"
                     r"friday|saturday|sunday)\s+(?=\d)")  # the day's name before its number says nothing more
# Shorthand of analysts and chats: "aug-26", "mar'24", "1T-26", "Q1-2026", "4Q25"
MONTH_SHORT_YEAR = re.compile(rf"(?i)\b({MONTH_NAMES})\s*[-/'’]\s*(\d\d)\b(?![-/]\d)")
QUARTER_SHORT = re.compile(r"(?i)\b(?:([1-4])\s?[TQ]|[TQ]([1-4]))\s*[-/'’]?\s*((?:19|20)?\d\d)\b(?![-/]\d)")
ISO_DAY = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")  # "2024-03-15"
# "en el 95", "desde el 90", "in '95": a year said by its last two digits; never "el 95 %", "el 20 de marzo"
SHORT_YEAR = re.compile(r"(?i)\b(el|del|in|since|from)\s+(?:(?<=el )|(?<=del )|['’])(\d\d)\b"
                        r"(?!\s*(?:%|por|percent|de\b|del\b|al\b|mil\b|millon|million|[.,]\d))")
MONTH_NUMBERS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                 "noviembre", "diciembre"]


def years_in_digits(folded: str) -> str:
    """"dos mil diecinueve" -> "2019", "twenty twenty-four" -> "2024": years as the period reader knows them."""
    return SAID_YEAR.sub(lambda found: str(2000 + YEAR_WORDS[found[1] or found[2]]), folded)


def months_in_words(text: str) -> str:
    """"03/2024", "2024-03" -> "marzo 2024", "2024-03-15" -> "15 de marzo de 2024", "aug-26" -> "aug 2026", "1T-26"
    -> "T1 2026", "el 95" -> "el 1995": before folding drops the punctuation and leaves a year alone."""
    text = MONTH_SHORT_YEAR.sub(lambda found: f"{found[1]} 20{found[2]}", text)
    text = SHORT_YEAR.sub(lambda found: f"{found[1]} {'20' if int(found[2]) < 30 else '19'}{found[2]}", text)
    text = QUARTER_SHORT.sub(lambda found: f"T{found[1] or found[2]} {found[3] if len(found[3]) == 4 else '20' + found[3]}",
                             text)
    text = ISO_DAY.sub(lambda found: f"{int(found[3])} de {MONTH_NUMBERS[int(found[2]) - 1]} de {found[1]}", text)
    text = YEAR_DASH_MONTH.sub(lambda found: f"{MONTH_NUMBERS[int(found[2] or found[3]) - 1]} {found[1]}", text)
    return MONTH_SLASH_YEAR.sub(lambda found: f"{MONTH_NUMBERS[int(found[1]) - 1]} {found[2]}", text)


class PeriodMatch(BaseModel):
    period: PeriodSpec
    spans: list[tuple[int, int]]


def _one_year(year: int) -> PeriodSpec:
    return PeriodSpec(start=year, end=year)


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _month_range(m: re.Match, today: date) -> PeriodSpec:
    """"entre febrero de 2021 y abril de 2022", "from January to June 2021": the first month takes the last's year,
    or the year before when it comes later in the year ("dic-feb 2020" begins in December 2019)."""
    end_year = int(m[4])
    start_year = int(m[2]) if m[2] else end_year - (MONTHS[m[1]] > MONTHS[m[3]])
    return PeriodSpec(start=start_year, end=end_year, month=MONTHS[m[1]], month_end=MONTHS[m[3]])


def _month_range_from_year(m: re.Match, today: date) -> PeriodSpec:
    """"desde enero de 2026 hasta agosto": the last month in the first's year, or the next year's when it comes
    earlier in the year ("de noviembre de 2024 a febrero")."""
    start_year = int(m[2])
    end_year = start_year + (MONTHS[m[3]] < MONTHS[m[1]])
    return PeriodSpec(start=start_year, end=end_year, month=MONTHS[m[1]], month_end=MONTHS[m[3]])


def _month_list(m: re.Match, today: date) -> PeriodSpec | None:
    """"enero, febrero y marzo de 2025", "ago-sep-oct 2015", "nov-dic-ene 2016": consecutive months named one by one
    are the range they make (from the year before when it crosses December)."""
    months = [MONTHS[name] for name in re.findall(rf"\b(?:{MONTH_NAMES})\b", m[1])]
    if any((later - earlier) % 12 != 1 for earlier, later in zip(months, months[1:])):
        return None
    return PeriodSpec(start=int(m[2]) - (months[0] > months[-1]), end=int(m[2]), month=months[0], month_end=months[-1])


UNIT_MONTHS = {"mes": 1, "meses": 1, "month": 1, "months": 1, "trimestre": 3, "trimestres": 3, "quarter": 3,
               "quarters": 3, "ano": 12, "anos": 12, "year": 12, "years": 12, "decada": 120, "decadas": 120,
               "decade": 120, "decades": 120}
UNITS = "|".join(UNIT_MONTHS)
BACK = "anterior|previo|antes|atras|previous|prior|preceding|before|earlier|ago"
AHEAD = "siguiente|posterior|despues|mas tarde|following|next|after|later"
WAY = rf"(?:(?P<back>{BACK})|{AHEAD})"
SHIFTS = [  # "dos años antes", "el mes anterior", "the previous quarter", "hace un año"
    re.compile(rf"\b(?P<count>un|una|one|a|\d+|{'|'.join(NUMBER_WORDS)}) (?P<unit>{UNITS}) {WAY}\b"),
    re.compile(rf"\b(?P<back>hace) (?P<count>un|una|\d+|{'|'.join(NUMBER_WORDS)}) (?P<unit>{UNITS})\b"),
    re.compile(rf"\b(?:el |la |the )?(?P<unit>{UNITS}) {WAY}\b"),
    re.compile(rf"\b(?:the )?(?:(?P<back>previous|prior|preceding)|following|next) (?P<unit>{UNITS})\b"),
]
# "¿subió respecto al mes pasado?", "¿y el mes pasado?" after the newest month: the month before it
PAST_COMPARED = re.compile(r"\b(?:el |la |the )?(?P<unit>mes|trimestre|ano) (?P<back>pasado)\b|"
                           r"\b(?P<back2>last) (?P<unit2>month|quarter|year)\b")
# "¿y el día anterior?", "and the next day?", "dos días después": days from the previous answer's day
DAY_SHIFT = re.compile(rf"\b(?:(?P<count>un|one|a|\d+|{'|'.join(NUMBER_WORDS)}) (?:dia|dias|day|days)|(?:el |the )?(?:dia|day)) "
                       rf"{WAY}\b|\b(?:the )?(?:(?P<before>previous|prior|preceding)|following|next) day\b")
COMPARED = re.compile(r"\b(?:respecto|comparad[oa]|frente|versus|vs|compared|over|relative|than|que|contra|against|"
                      r"(?:up|down|higher|lower|changed?|rose|fell|grew|risen|fallen) from)"  # "up or down from the month before"
                      r"(?: a| al| del| de| con| to| with| the| el| la)?\s*$")


def find_shift(folded: str, compared: bool = False) -> tuple[int, tuple[int, int]] | None:
    """"¿y el mes anterior?", "and two years earlier?": months from the previous answer's period, and the span.
    "respecto al mes anterior" compares with a period, and names none (with ``compared``, only such a period)."""
    for pattern in SHIFTS:
        for found in pattern.finditer(folded):
            if bool(COMPARED.search(folded[:found.start()])) != compared:
                continue
            count = found.groupdict().get("count")
            steps = 1 if count in (None, "un", "una", "one", "a") else _count(count)
            return (-1 if found["back"] else 1) * steps * UNIT_MONTHS[found["unit"]], found.span()
    for found in PAST_COMPARED.finditer(folded):
        unit = found["unit"] or found["unit2"]
        if bool(COMPARED.search(folded[:found.start()])) == compared and (compared or UNIT_MONTHS[unit] < 12):
            return -UNIT_MONTHS[unit], found.span()  # "¿y el mes pasado?" after a month: the one before it ("el año
            # pasado" is the calendar's)
    return None


OF_YEAR = r"(?: de| del| of)?(?: este)?"  # "abril-junio de este 2026"
ANY_YEAR = YEAR.replace("(", "(?:", 1)
QUARTER = (rf"(?:(?:q|t)[1-4]\s*(?:de |of )?{ANY_YEAR}|[1-4]\s*(?:q|t)\s*(?:de |of )?{ANY_YEAR}|{ANY_YEAR}\s*-?\s*(?:q|t)[1-4]|"
           rf"(?:{'|'.join(QUARTERS_OF_A_YEAR)}) (?:trimestre|quarter)(?: de| of)?(?: del?)? {ANY_YEAR})")
SAME_QUARTER = rf"(?:(?:el |la |the )?(?:mismo |same )?(?:trimestre |quarter )?(?:de |del |of |in )?{ANY_YEAR})"


def quarter_of(text: str) -> tuple[int, int | None]:
    """The year and quarter of one end of a quarter range ("T2 2019", "second quarter of 2019"; "el de 2024": none)."""
    year = int(re.search(ANY_YEAR, text)[0])
    number = re.search(r"\b(?:q|t)\s*([1-4])\b|(?<=\d)\s*-?\s*(?:q|t)([1-4])\b|\b([1-4])\s*(?:q|t)\b", text)  # "T2", "2T"
    ordinal = next((value for word, value in QUARTERS_OF_A_YEAR.items() if re.search(rf"\b{word}\b", text)), None)
    return year, int(number[1] or number[2] or number[3]) if number else ordinal


def _spans_as_quarters(m: re.Match, today: date) -> PeriodSpec | None:
    """"between the April-June 2019 quarter and the April-June 2020 quarter": two calendar quarters named by their
    months; "entre el trimestre mayo-julio 2020 y mayo-julio 2022": two rolling quarters, each the month it ends in
    (the INE's moving quarters are dated so)."""
    spans = ((MONTHS[m[1]], MONTHS[m[2]], int(m[3])), (MONTHS[m[4]], MONTHS[m[5]], int(m[6])))
    if any((last - first) % 12 != 2 for first, last, _ in spans):
        return None
    if any(first % 3 != 1 for first, _, _ in spans):
        (_, month, start), (_, month_end, end) = spans
        return PeriodSpec(start=start, end=end, month=month, month_end=month_end)
    (start, quarter), (end, quarter_end) = ((year, last // 3) for _, last, year in spans)
    return PeriodSpec(start=start, end=end, quarter=quarter, quarter_end=quarter_end)


def _quarter_range(m: re.Match, today: date) -> PeriodSpec:
    """"entre el T2 2019 y el T2 2024", "from Q1 2020 to the same quarter of 2023": a quarter without its own number
    is the first's."""
    (start, quarter), (end, quarter_end) = quarter_of(m[1]), quarter_of(m[2])
    quarter_end = quarter_end or quarter
    if (end, quarter_end) < (start, quarter):  # "del 1T 2026 versus el 1T 2025": from the earlier one
        (start, quarter), (end, quarter_end) = (end, quarter_end), (start, quarter)
    return PeriodSpec(start=start, end=end, quarter=quarter, quarter_end=quarter_end)


def _quarters_compared(m: re.Match, today: date) -> PeriodSpec:
    """"T1 2020 respecto al T1 2019", "Q1 2020 versus Q4 2019": the range between them, earlier first."""
    (start, quarter), (end, quarter_end) = sorted([quarter_of(m[1]), quarter_of(m[2])])
    return PeriodSpec(start=start, end=end, quarter=quarter, quarter_end=quarter_end)


def _day_range(first_day: str, first_month: str, first_year: str | None, last_day: str, last_month: str,
               last_year: str) -> PeriodSpec | None:
    """"entre el 3 de enero y el 29 de diciembre de 2023": from one day to another, the first in the last's year
    unless it falls later in the year."""
    first, last = _day(first_year or last_year, MONTHS[first_month], first_day), _day(last_year, MONTHS[last_month], last_day)
    if first is None or last is None:
        return None
    if first_year is None and (first.month, first.day) > (last.month, last.day):
        first = _day(str(int(last_year) - 1), first.month, first_day)
    return PeriodSpec(start=first.start, end=last.start, month=first.month, month_end=last.month, day=first.day,
                      day_end=last.day) if first and (first.start, first.month, first.day) < (last.start, last.month, last.day) \
        else None


def _day(year: str, month: int, day: str) -> PeriodSpec | None:
    """One day, if it exists ("31 de febrero" names none)."""
    try:
        date(int(year), month, int(day))
    except ValueError:
        return None
    return PeriodSpec(start=int(year), end=int(year), month=month, day=int(day))


# "the earliest year you've got", "el dato más antiguo": the series' first value (never "the earliest year it passed
# 10 %", a first crossing read from its condition)
EARLIEST_SAID = re.compile(r"\bearliest\b|\b(?:first|oldest) (?:year|data|figure|value|observation|record)s? (?:with data|of "
                           r"data|available|on record|in the (?:data|series|file)|you (?:ve got|have|got|do have))\b|"
                           r"\boldest (?:data|figure|value|observation|record)s?\b|\bhow far back\b|"
                           r"\b(?:primer|primeros) (?:ano|dato|valor|registro)s? (?:con datos|disponibles?|registrad\w+|de la "
                           r"serie|que (?:tienes|tiene|tengan|tenga|tienen|tengas|hay|haya|existe))\b|\b(?:dato|valor|registro|cifra|ano)s? mas antigu[oa]s?\b|"
                           r"\bdesde cuando hay (?:datos|cifras|registros)\b|\bhasta (?:que|cuando) (?:ano )?(?:hacia atras )?"
                           r"(?:hay|llegan|llega|tienes) (?:datos|cifras)\b")
# "¿cuántos ocupados hay ahora?", "and now?", "what about Peru now?", not "¿y ahora Perú?"
LATEST_SAID = re.compile(r"\b(?:ultimo dato|ultimo valor|dato mas reciente|mas reciente|mas nuevo|newest|latest|most recent|"
                         r"last available|ultimo disponible|actualmente|currently|hoy en dia|hoy|today|these days|nowadays|"
                         r"right now|as of now|ahora mismo|a la fecha|(?:hay|es|esta|estan|tiene|tienen|son|vive|viven|gana|"
                         r"ganan) ahora)\b|\b(?:now|ahora)\W*$"
                         r"|\b(?:ultim[oa]|last) (?:ano|mes|trimestre|dato|fecha|periodo|year|month|quarter|date|period) "
                         r"(?:(?:que|q) (?:hay|haya|tienes|tengas|tiene|tenga|tienen|tengan|existe)|con datos|with data|"
                         r"there is|you have|you ve got|on record)\b"  # "¿y cuál es el último año que hay?"
                         r"|\b(?:el|the) (?:ultimo|last) (?:mes|trimestre|month|quarter)\b(?! (?:de|del|of|in|en) )"  # "en
                         # el último trimestre que tengas", never "el último trimestre de 2025"
                         r"|(?<=\w )(?<!\by )(?<!\bya )(?<!\band )(?:ahora|now)(?= (?:en|in) [\w ]{1,30}\W*$)")  # "cuánta
# gente tiene trabajo ahora en Chile", never "¿y ahora en Perú?"


DECADE_WORDS = {"cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "fifties": 50,
                "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
# A decade, never "los 90 países" nor "los 2000 dólares": what follows it is a pause, a link word or nothing
DECADE_NUMBER = rf"(?:(1[5-9]\d0|20\d0)s?|'?([5-9]0)s?|({'|'.join(DECADE_WORDS)}))"
# A decade, never "los 90 países" nor "los 2000 dólares": said as one ("la década de los 2000", "the 1990s"), or else
# followed by a pause, a link word or nothing
DECADE = re.compile(rf"\b(?:la |the )?(?:decada|decade)(?: de| del| of)?(?: los| the)?\s+{DECADE_NUMBER}"
                    rf"|\b(?:the )?(1[5-9]\d0|20\d0)s\b"
                    rf"|\b(?:los|the|las)(?: anos| ano)?\s+{DECADE_NUMBER}"
                    r"(?=\s*(?:$|[?,.;:!)]|(?:y|e|o|and|or|vs|versus|contra|frente|compar\w*|en|in|de|del|of|para|for|cual|que|"
                    r"which|what|how|como|cuando|when|fue|was|were|fueron)\b)|\s{2,})")  # (words read away: "en los 90
# ¿qué año tuvo…?")


def _decade(m: re.Match) -> PeriodSpec:
    """"los 80": 1980 to 1989; a decade of two digits is of the 1900s."""
    century, short, word = (m[1] or m[4] or m[5]), (m[2] or m[6]), (m[3] or m[7])
    first = int(century) if century else 1900 + int(short) if short else 1900 + DECADE_WORDS[word]
    return PeriodSpec(start=first, end=first + 9)


# "el primer semestre de 2023", "the second half of 2024", "H1 2025": six months of one year
HALF_YEAR = re.compile(rf"\b(?:(?:el |la |the )?(?P<first>primer|1er|1o|first|1st)|(?P<second>segundo|2do|2o|second|2nd))"
                       rf" (?:semestre|half)(?: de| del| of)?(?: ano| year)? {YEAR}\b|\b(?P<half>h|s)(?P<number>[12]) ?{YEAR}\b")


def _half_year(m: re.Match, today: date) -> PeriodSpec:
    year = int(m[3] or m[6])
    first_half = bool(m["first"]) or m["number"] == "1"
    return PeriodSpec(start=year, end=year, month=1 if first_half else 7, month_end=6 if first_half else 12)


RULES: list[tuple[re.Pattern, callable]] = [
    # Ranges first: they contain single years, quarters and months.
    (HALF_YEAR, _half_year),
    (re.compile(rf"\b(?:entre|between|from|del?|desde)(?: el| la| the)?(?: trimestre| quarter)?(?: movil| moving| rolling)?(?: de| of)?\s+({MONTH_NAMES})\s+"
                rf"({MONTH_NAMES}){OF_YEAR} {YEAR}(?: quarter| trimestre)?\s+(?:y|and|a|al|to|hasta|vs|versus)(?: el| la| the)?"
                rf"(?: trimestre| quarter)?(?: movil| moving| rolling)?(?: de| of)?\s+({MONTH_NAMES})\s+({MONTH_NAMES}){OF_YEAR} {YEAR}(?: quarter| trimestre)?\b"),
     _spans_as_quarters),
    (re.compile(rf"\b(?:entre|between|from|del?|desde)(?: el| la| the)?\s+({QUARTER})\s+"
                rf"(?:y|and|a|al|to|hasta|through|vs|versus)(?: el| la| the)?\s+({QUARTER}|{SAME_QUARTER})\b"), _quarter_range),
    (re.compile(rf"\b({QUARTER})\s+(?:respecto (?:a|al|de|del)|compared (?:with|to)|comparado con|frente (?:a|al)|versus|vs|"
                rf"against|over)(?: el| la| the)?\s+({QUARTER})\b"), _quarters_compared),
    (re.compile(rf"\b(?:entre(?: el mes de)?|between|from|de|desde)(?: its| their| the| su| sus)?\s+({MONTH_NAMES})"
                rf"(?:{OF_YEAR} {YEAR})?\s+(?:y|and|a|al|to|hasta|through)\s+({MONTH_NAMES}){OF_YEAR} {YEAR}\b"), _month_range),
    (re.compile(rf"\b({MONTH_NAMES}){OF_YEAR} {YEAR}\s+(?:a|al|to|hasta|through)\s+({MONTH_NAMES}){OF_YEAR} {YEAR}\b"),
     _month_range),  # "solo dic 2023 a dic 2024"
    (re.compile(rf"\b(?:entre(?: el mes de)?|between|from|de|desde)\s+({MONTH_NAMES}){OF_YEAR} {YEAR}\s+"
                rf"(?:y|and|a|al|to|hasta|through)\s+(?:el mes de\s+)?({MONTH_NAMES}) (?:de |del |of )?(?:(?:el )?"
                rf"(ano pasado|last year)|(?:este ano|this year))\b"),  # "entre julio 2020 y julio del año pasado"
     lambda m, today: PeriodSpec(start=int(m[2]), end=today.year - bool(m[4]), month=MONTHS[m[1]],
                                 month_end=MONTHS[m[3]])),
    (re.compile(rf"\b(?:entre(?: el mes de)?|between|from|desde)\s+({FULL_MONTH_NAMES}){OF_YEAR} {YEAR}\s+"
                rf"(?:y|and|a|al|to|hasta|through)\s+(?:el mes de\s+)?({FULL_MONTH_NAMES})\b(?!{OF_YEAR} \d)"),
     _month_range_from_year),
    (re.compile(rf"\b((?:{MONTH_NAMES})(?:\s+(?:{MONTH_NAMES}))*\s+(?:y|and)\s+(?:{MONTH_NAMES})|(?:{MONTH_NAMES})\s+"
                rf"(?:{MONTH_NAMES})\s+(?:{MONTH_NAMES})){OF_YEAR} {YEAR}\b"),
     _month_list),
    (re.compile(rf"\b({MONTH_NAMES})(?:{OF_YEAR} {YEAR})? ({MONTH_NAMES})(?: quarter| trimestre)?{OF_YEAR} {YEAR}\b"),
     _month_range),  # "abr-jun 2025", "the April-June quarter of 2016"
    (re.compile(rf"\b{YEAR}\s*,?\s*\(?(?:en |in )?(?:el |the )?(?:trimestre |quarter )?({MONTH_NAMES}) (?:a |al |to )?"
                rf"({MONTH_NAMES})\b(?!{OF_YEAR} \d)"),
     lambda m, today: PeriodSpec(start=int(m[1]) - (MONTHS[m[2]] > MONTHS[m[3]]), end=int(m[1]), month=MONTHS[m[2]],
                                 month_end=MONTHS[m[3]])),  # "el mismo trimestre del 2025, enero marzo"
    (re.compile(rf"\b(?:entre(?: el)?|between|de|del|desde(?: el)?|from|since)(?: (?:ano|year))?\s+{YEAR}\s+(?:y|and|a|al|to|hasta|until|through)"
                rf"(?: el)?(?: (?:ano|year))?\s+{YEAR}\b"),
     lambda m, today: PeriodSpec(start=int(m[1]), end=int(m[2]))),
    (re.compile(rf"\b{YEAR}\s*(?:-|–|a|to|through|thru|hasta|al)\s*{YEAR}\b"), lambda m, today: PeriodSpec(start=int(m[1]), end=int(m[2]))),
    (re.compile(rf"\b(?:desde(?: el)?|since(?: the)?|a partir de(?:l)?|from)(?: (?:ano|year|censo|census)(?: de)?)?\s+{YEAR}\b"
                rf"|\bsince the {YEAR} census\b"),
     lambda m, today: PeriodSpec(start=int(m[1] or m[2]))),  # "desde el año 2000", "since the 2017 census"
    (re.compile(rf"\b(?:desde que (?:parte|partio|empieza|empezo|comienza|comenzo|arranca|arranco|inicia|inicio|hay datos"
                rf"|hay registros)(?: la serie| el registro| los datos| los registros)?|since (?:the series|records|the data|data)"
                rf" (?:began|begins|started|starts))(?: (?:del|de la|de|of the|from the)(?: [a-z]+){{1,4}}?)?"
                rf"(?:,? (?:(?:en|in) )?(?:(?:el|the) )?(?:(?:ano|year) )?|\W+){YEAR}\b"),
     lambda m, today: PeriodSpec(start=int(m[1]))),  # "desde que parte la serie en 2010", "…, el 2010", "… la serie del
    # Banco Central (2010)": the whole series from then
    (DECADE, lambda m, today: _decade(m)),  # "los años 80", "los 90", "the 1990s", "la década de 2010"
    (re.compile(r"\b(?:(?:en )?lo que va del siglo|(?:en )?este siglo|(?:in |so far )?this century|(?:en el |in the )?siglo xxi"
                r"|(?:in the )?21st century)\b"),
     lambda m, today: PeriodSpec(start=2001)),  # "en lo que va del siglo": from 2001 to the latest
    (re.compile(rf"\b{YEAR}\s+(?:onwards?|en adelante|and after|or later|y despues|hacia adelante)\b"),
     lambda m, today: PeriodSpec(start=int(m[1]))),
    (re.compile(rf"\b(?:hasta(?: el)?|until|up to|through)\s+{YEAR}\b"), lambda m, today: PeriodSpec(end=int(m[1]))),
    # "the year after 2030", "el año antes de 2000": one year beside the year named (never "the first year after 2010")
    (re.compile(rf"\b(?:the |el )?(?<!first )(?<!primer )(?<!last )(?<!ultimo )(?:year|ano) (after|despues de(?:l)?|before|"
                rf"antes de(?:l)?)(?: (?:ano|year))?\s+{YEAR}\b"),
     lambda m, today: _one_year(int(m[2]) + (1 if m[1].startswith(("after", "despues")) else -1))),
    # "antes de 2000", "after 2010": the years on the other side, never the year named
    (re.compile(rf"\b(?:antes de(?:l)?|before|prior to)(?: (?:ano|year))?\s+{YEAR}\b"),
     lambda m, today: PeriodSpec(end=int(m[1]) - 1)),
    (re.compile(rf"\b(?:despues de(?:l)?|after)(?: (?:ano|year))?\s+{YEAR}\b"),
     lambda m, today: PeriodSpec(start=int(m[1]) + 1)),
    (re.compile(rf"\b(?:change|changed|grow|grew|fall|fell|rise|rose|drop|dropped|decline|declined|increase|increased)"
                rf"(?: \w+){{0,2}} by\s+{YEAR}\b"), lambda m, today: PeriodSpec(end=int(m[1]))),  # "how much did it grow by 2020"
    (re.compile(r"\b(?:la |the )?(?:ultima|last|past) (?:decada|decade)\b"), lambda m, today: PeriodSpec(last_n_years=10)),
    # "los últimos 3 años", "los 3 últimos años", "the past five years"
    (re.compile(r"\b(?:los |the )?(?:ultimos|last|past) (\d+|\w+) (?:anos|years)\b|\blos (\d+|\w+) ultimos anos\b"),
     lambda m, today: PeriodSpec(last_n_years=_count(m[1] or m[2])) if _count(m[1] or m[2]) else None),
    (re.compile(r"\b(?:los |the )?(?:ultimos|last|past) (\d+|\w+) (?:meses|months)\b|\blos (\d+|\w+) ultimos meses\b"),
     lambda m, today: PeriodSpec(last_n_months=_count(m[1] or m[2])) if _count(m[1] or m[2]) else None),
    # "¿cuánto va a estar el desempleo a fin de año?": this year's end
    (re.compile(r"\b(?:a |at )?(?:fines|finales|fin|the end|end)(?: de| del| of)(?: este| this| the)? (?:ano|year)\b"
                r"(?! (?:19|20)\d\d)"),
     lambda m, today: PeriodSpec(start=today.year, end=today.year, month=12, year_end=True)),
    (re.compile(rf"\b(?:a |at )?(?:fines|finales|fin|the end|end|(?:al )?cierre|close)(?: de| del| of)(?: ano| year)? {YEAR}\b"),
     lambda m, today: PeriodSpec(start=int(m[1]), end=int(m[1]), month=12, year_end=True)),  # "a fines de 2024"
    (re.compile(rf"\b({'|'.join(QUARTERS_OF_A_YEAR)}) (?:trimestre|quarter)(?: de| of)?(?: del?)? {YEAR}\b"),
     lambda m, today: PeriodSpec(start=int(m[2]), end=int(m[2]), quarter=QUARTERS_OF_A_YEAR[m[1]])),
    (re.compile(rf"\b(?:q|t)([1-4])\s*(?:de |of )?{YEAR}\b|\b{YEAR}\s*-?\s*(?:q|t)([1-4])\b|\b([1-4])\s*(?:q|t)\s*(?:de |of )?{YEAR}\b"),
     lambda m, today: PeriodSpec(start=int(m[2] or m[3] or m[6]), end=int(m[2] or m[3] or m[6]),
                                 quarter=int(m[1] or m[4] or m[5]))),  # "T2 2020", "2020-Q2", "2T 2020"
    # Days: "15 de marzo de 2024", "March 15th, 2024", "2024-03-15", "15/03/2024" (day first, as written in Chile)
    (re.compile(rf"\b(?:entre|between|from|desde|del?)(?: el| the)? (\d{{1,2}})(?: de)? ({MONTH_NAMES})(?:{OF_YEAR} {YEAR})? "
                rf"(?:y|and|to|hasta|al|a)(?: el| the)? (\d{{1,2}})(?: de)? ({MONTH_NAMES}){OF_YEAR} {YEAR}\b"),
     lambda m, today: _day_range(m[1], m[2], m[3], m[4], m[5], m[6])),  # "entre el 3 de enero y el 29 de diciembre de 2023"
    (re.compile(rf"\b(?:entre|between|from|desde|del?)(?:\s+el|\s+the)?\s+(\d{{1,2}})\s+(?:y|and|to|hasta|al|a)(?:\s+el|"
                rf"\s+the)?\s+(\d{{1,2}})(?: de)? ({MONTH_NAMES}){OF_YEAR} {YEAR}\b"),  # weekdays blanked between
     lambda m, today: _day_range(m[1], m[3], None, m[2], m[3], m[4])),  # "entre el 6 y el 10 de marzo de 2023"
    (re.compile(rf"\b(?:entre|between|from|desde)(?: el| the)? ({MONTH_NAMES}) (\d{{1,2}})(?:st|nd|rd|th)?(?:{OF_YEAR} {YEAR})? "
                rf"(?:y|and|to|hasta)(?: el| the)? ({MONTH_NAMES}) (\d{{1,2}})(?:st|nd|rd|th)?{OF_YEAR} {YEAR}\b"),
     lambda m, today: _day_range(m[2], m[1], m[3], m[5], m[4], m[6])),  # "between January 3 and December 29, 2023"
    (re.compile(rf"\b(\d{{1,2}})(?: de)? ({MONTH_NAMES}){OF_YEAR} {YEAR}\b"), lambda m, today: _day(m[3], MONTHS[m[2]], m[1])),
    (re.compile(rf"\b({MONTH_NAMES}) (\d{{1,2}})(?:st|nd|rd|th)?{OF_YEAR} {YEAR}\b"), lambda m, today: _day(m[3], MONTHS[m[1]], m[2])),
    (re.compile(rf"\b{YEAR} (\d{{1,2}}) (\d{{1,2}})\b"), lambda m, today: _day(m[1], int(m[2]), m[3]) if 1 <= int(m[2]) <= 12 else None),
    (re.compile(rf"\b(\d{{1,2}}) (\d{{1,2}}) {YEAR}\b"), lambda m, today: _day(m[3], int(m[2]), m[1]) if 1 <= int(m[2]) <= 12 else None),
    (re.compile(rf"\b(?:desde(?: el mes de)?|since|a partir de|from|starting in)\s+({MONTH_NAMES}){OF_YEAR} {YEAR}\b"),
     lambda m, today: PeriodSpec(start=int(m[2]), month=MONTHS[m[1]])),  # to the latest month
    (re.compile(rf"\b({MONTH_NAMES}){OF_YEAR} {YEAR}\b"),
     lambda m, today: PeriodSpec(start=int(m[2]), end=int(m[2]), month=MONTHS[m[1]])),
    (re.compile(rf"\b{YEAR} (\d{{1,2}})\b"),
     lambda m, today: PeriodSpec(start=int(m[1]), end=int(m[1]), month=int(m[2])) if 1 <= int(m[2]) <= 12 else None),
    # "mayo de este año respecto a mayo del año pasado": from that month a year before to this year's
    (re.compile(rf"\b({MONTH_NAMES}) (?:de |del |of )?(?:este ano|this year)\b.{{0,80}}?\b(?:({MONTH_NAMES}) (?:de |del |of )?)?"
                r"(?:el |the )?(?:ano pasado|last year|ano anterior|previous year)\b"),
     lambda m, today: PeriodSpec(start=today.year - 1, end=today.year, month=MONTHS[m[2] or m[1]], month_end=MONTHS[m[1]])),
    (re.compile(rf"\b({MONTH_NAMES}) (?:del|de) ano pasado\b|\b({MONTH_NAMES}) (?:of )?last year\b"),
     lambda m, today: PeriodSpec(start=today.year - 1, end=today.year - 1, month=MONTHS[m[1] or m[2]])),
    (re.compile(r"\b(?:el )?ano antepasado\b|\bthe year before last\b"),
     lambda m, today: PeriodSpec(start=today.year - 2, end=today.year - 2)),
    # "last year", not "over the last year" (the 12 months to now)
    (re.compile(r"\b(?:el )?ano pasado\b|(?<!the )\blast year\b"),
     lambda m, today: PeriodSpec(start=today.year - 1, end=today.year - 1)),
    (re.compile(rf"\b({MONTH_NAMES}) (?:de |del |of )?(?:este ano|this year)\b"),  # "diciembre de este año": a month
     lambda m, today: PeriodSpec(start=today.year, end=today.year, month=MONTHS[m[1]])),
    (re.compile(r"\b(?:este ano|this year)\b"), lambda m, today: PeriodSpec(start=today.year, end=today.year)),
    # "el próximo mes", "next year": periods still to come, which only a projection can answer
    (re.compile(r"\b(?:proximo|siguiente) ano\b|\bano que viene\b|\bnext year\b"),
     lambda m, today: PeriodSpec(start=today.year + 1, end=today.year + 1)),
    (re.compile(r"\b(?:proximo|siguiente) mes\b|\bmes que viene\b|\bnext month\b"),
     lambda m, today: PeriodSpec(start=today.year + today.month // 12, end=today.year + today.month // 12,
                                 month=today.month % 12 + 1)),
    (EARLIEST_SAID, lambda m, today: None if ONE_YEAR.search(m.string) else PeriodSpec(earliest=True)),
    # "¿cuántos hijos por mujer tiene Chile hoy? Tasa de 2024": the year named, not the newest
    (LATEST_SAID, lambda m, today: None if ONE_YEAR.search(m.string) or SINCE_THEN.search(m.string)
     else PeriodSpec(latest=True)),  # "desde entonces hasta el último dato": from the last answer's period
]
ONE_YEAR = re.compile(rf"\b{YEAR}\b")
# Asks for projected figures: "the latest" is then the current year's projection, not the last observed value.
PROJECTED = re.compile(r"\b(?:proyeccion(?:es)?|proyectad[oa]s?|proyect(?:aba|aban|a|an|aron|ara|aria)|projections?|"
                       r"projected|projects|forecasts?|forecasted)\b")  # "la que proyectaba el INE"


# "desde el trimestre octubre-diciembre de 2025": a month or three named after it start a period that runs to the latest
OPEN_START = re.compile(r"\b(?:desde|since|a partir de)(?: el| la| the)?(?: trimestre| mes| quarter| month)?(?: de| of)?\s*$")
RESTATING = re.compile(r"[\s,:;(]*(?:(?:o sea|es decir|i e|that is|osea)[\s,:;]*)?(?:(?:de|del|from|entre|between)\s+)?")
# "¿cuánto cambió desde entonces?": from the previous answer's period to the newest value
SINCE_THEN = re.compile(r"\b(?:desde entonces|desde ahi|desde ese (?:ano|mes|trimestre|momento)|desde esa fecha|since then|"
                        r"since that (?:year|month|quarter|time|date)|after that(?: year| month| date)?|"
                        r"(?:despues|luego) de (?:eso|ese ano|esa fecha))\b")  # "in which year after that did it fall back?"
THEN = r"(?:entonces|ese ano|esa fecha|then|that year|that date)"
# "between then and 2020", "desde ese año hasta 2022": from the previous answer's period to the year named
THEN_TO_YEAR = re.compile(rf"\b(?:entre|between|desde|from|since)\s+{THEN}\s+(?:y|and|hasta|a|al|to|until|through)"
                          rf"(?: el| the)?(?: (?:ano|year))?\s+{YEAR}\b")
# "¿y en octubre?", "¿y en octubre del mismo año?": a month of the previous answer's year ("may" is no month alone)
MONTH_OF_THAT_YEAR = re.compile(rf"\b(?:(?:en|in|de|of|for|a|to) )?({FULL_MONTH_NAMES})(?: (?:del|de|of)(?: the)? "
                                rf"(?:mismo ano|same year|ese ano|that year|ano))?\b")
# "del 2000 para acá", "de 2015 a la fecha": from that year to the newest
UP_TO_NOW = re.compile(rf"\b({YEAR})\s+(?:para aca|pa aca|para adelante|pa adelante|en adelante|hasta ahora|hasta hoy|"
                       r"a la fecha|a hoy|to date|to now|until now|onwards?)\b")
# "de enero a diciembre" with no year of their own: a range of months of the one year said elsewhere
MONTHS_OF_THE_YEAR = re.compile(rf"\b(?:de|desde|entre|from|between)\s+({FULL_MONTH_NAMES})\s+(?:a|al|hasta|y|to|and|until|through)"
                                rf"\s+({FULL_MONTH_NAMES})\b(?!\s+(?:de |del |of )?(?:19|20)\d\d)")
# "¿y en el primer trimestre?", "and in the first quarter of that year?", "¿y el T1?": a quarter of the previous
# answer's year
QUARTER_OF_THAT_YEAR = re.compile(rf"\b(?:(?:en|in|de|of|for) )?(?:(?:el|the) )?(?:({'|'.join(ORDINAL_QUARTERS)}) "
                                  rf"(?:trimestre|quarter)|(?:q|t)([1-4]))(?: (?:del|de|of)(?: the)? "
                                  rf"(?:mismo ano|same year|ese ano|that year|ano))?\b"
                                  r"(?!\s+(?:movil|con|with|que|en que|in which|when|cuando))")  # "el primer trimestre con…"
# "entre 2017 y ese año", "from 2000 to then": from the year named to the previous answer's period
YEAR_TO_THEN = re.compile(rf"\b(?:entre|between|desde|from|since)(?: el| the)?(?: (?:ano|year))?\s+{YEAR}\s+"
                          rf"(?:y|and|hasta|a|al|to|until|through)\s+{THEN}\b")
MONTH_TO_THEN = re.compile(rf"\b(?:entre|between|desde|from|since)(?: el| the)?\s+({MONTH_NAMES}){OF_YEAR} {YEAR}\s+"
                           rf"(?:y|and|hasta|a|al|to|until|through)\s+(?:ese|esa|that|the|el|la)\s+(?:minimo|maximo|peak|"
                           rf"punto|mes|low|high|point|month|trough|fecha|date|piso|techo|valor)\b")
# "¿y el anterior?", "and the one before that": the answered series' period before, a year of a yearly one
PREVIOUS_ONE = re.compile(r"\b(?:the one before(?: that| it)?|the previous one|(?:el|la) (?:dato |valor |cifra )?anterior|"
                          r"el de antes|la de antes)\b(?! (?:de|del|a|al|to|of)\b)")
# "over those five years", "en esos dos años": the span of the previous answers, which a change then runs over
THOSE_YEARS = re.compile(r"\b(?:(?:over|in|during|across|en|durante|between|entre) )?(?:those|these|esos|estos|esas|estas) "
                         r"(?:\d+|\w+) (?:years|anos|months|meses|quarters|trimestres|days|dias|dates|fechas)\b"
                         r"|\b(?:entre|between) (?:ambos|ambas|both) (?:anos|meses|trimestres|fechas|periodos|years|months|quarters|dates|periods)\b"
                         r"|\b(?:entre uno y otro|entre una y otra|between the two|between them|between one and the other)\b")
# "¿Qué región tendría más habitantes ese año?": the year the previous answer ends in
THAT_YEAR = re.compile(r"\b(?:(?:en|in|para|for|de|of) )?(?:(?:ese|aquel|el) (?:mismo )?ano|(?:that|the) (?:same )?year|"
                       r"mismo ano|same year)\b(?! (?:on|over|to) |(?: (?:anterior|pasado|previo|siguiente|proximo|que viene|con|with|"
                       r"en que|in which|when|de mayor|de menor)\b))")
# never "the year-on-year change", nor "el año anterior", nor "el año con el dólar más caro"
# "¿cuántos ocupados había en ese entonces?": the previous answer's period, its month or quarter too
THAT_TIME = re.compile(r"\b(?:back then|at that time|at the time|at that point|(?:en|por) (?:ese|aquel) entonces|en (?:esa|aquella) epoca|"
                       r"en ese momento|"
                       r"(?:ano|mes|year|month) (?:de|of|among) (?:esos|esas|estos|estas|those|these)|"  # "¿en qué año de
                       r"(?:de|of|among) (?:esos|estos|those|these) (?:anos|meses|years|months))\b")  # esos…?": those
# "¿y en el mismo trimestre de 2021?", "ese trimestre de 2018", "same month a year earlier": the previous answer's
# month or quarter
SAME_PART = re.compile(r"\b(?:el |la |the )?(?:(?:(?:es[ea]|that) )?(?:mismo|misma|same) (?:mes|trimestre|periodo|dia|month|"
                       r"quarter|period|day|decada|decade)|igual (?:mes|trimestre|periodo)|(?:es[ea]|that) (?:mes|trimestre|month|"
                       r"quarter)|(?:esa|aquella|that) (?:decada|decade))"
                       r"(?: de| del| of| in)?\b")
QUARTER_AGAINST = re.compile(rf"\b(?:respecto (?:a|al|de|del)|compared (?:with|to)|comparado con|frente (?:a|al)|versus|vs|"
                             rf"against|over|above|below|than|contra)(?: el| la| the)?\s+({QUARTER})\b")  # a second quarter
SAME_PART_YEAR = re.compile(SAME_PART.pattern + r"\s+((?:19|20)\d\d)\b")  # "…el mismo trimestre de 2025"
# "respecto al trimestre anterior", "quarter on quarter" said of one quarter: from the quarter before it
QUARTER_BEFORE = re.compile(r"\b(?:(?:respecto|con respecto|en relacion) (?:al|del)|frente al|contra el|versus el|vs el|"
                            r"comparado con el|against the|compared (?:with|to) the|over the|from the|vs the|versus the) "
                            r"(?:trimestre|quarter) (?:anterior|previo|previous|prior|before)\b|"
                            r"\b(?:quarter on quarter|quarter over quarter)\b")
SAME_PART_A_YEAR_BEFORE = re.compile(SAME_PART.pattern + r"\s*(?:(?:del|de|el|of) )?(?:(?:el |the )?ano (?:pasado|anterior)|"
                                     r"last year|(?:the )?(?:previous|prior|preceding) year|the year before|a year "
                                     r"(?:earlier|before|ago)|un ano antes)\b")  # "…vs the same quarter last year"


# "antes de la pandemia": the last whole year before COVID-19 was declared a pandemic (March 2020), unless a year is
# also named ("¿y en 2019, antes de la pandemia?"), when the words only explain it
BEFORE_PANDEMIC = re.compile(r"\b(?:antes de la pandemia|antes del covid(?: ?19)?|before the pandemic|"
                             r"before covid(?: ?19)?|pre ?pandemi[ac]a?)\b")
LAST_YEAR_BEFORE_PANDEMIC = 2019
# "sin contar la pandemia, o sea solo entre 1990 y 2019": the years said, never past 2019; alone, up to 2019
EXCLUDING_PANDEMIC = re.compile(r"\b(?:sin (?:contar|incluir|considerar) (?:la pandemia|el covid(?: ?19)?)|"
                                r"sin la pandemia|excluding (?:the )?(?:pandemic|covid(?: ?19)?)(?: years?)?|"
                                r"(?:not counting|leaving out|without) the pandemic)\b")


# "¿y el año pasado, a junio?", "and last year, in June?": that month of that year, said the other way round
MONTH_AFTER_ITS_YEAR = re.compile(rf"\b(el ano pasado|el ano anterior|este ano|last year|this year)\s*,?\s*"
                                  rf"(?:a|en|in|al|hasta)\s+({MONTH_NAMES})\b(?!\s*(?:de |del |of )?(?:19|20)\d\d)")
# ("vs same month last year in may 2026": the month has its own year)


def _month_first(found: re.Match) -> str:
    """The month before its year ("junio del año pasado"), right-aligned in the span it replaces (left as said where
    it would not fit)."""
    year = found[1].removeprefix("el ")
    joined = f"{found[2]} {'of' if year.endswith('year') else 'del' if year != found[1] else 'de'} {year}"
    return joined.rjust(len(found[0])) if len(joined) <= len(found[0]) else found[0]


# "Viña del Mar, 2024 census": a place's name, never March
NOT_A_MONTH = re.compile(r"(?<=\bdel )mar\b")


# Years a span of "the last N years" is said as beside it
YEARS_RESTATED = re.compile(rf"\b{YEAR}\s*(?:-|–|a |al |to )?\s*{YEAR}\b")


def _named_decade(match: PeriodMatch, folded: str) -> bool:
    """Is the one period found a decade said as one ("los años 70"), not a range of years?"""
    return len(match.spans) == 1 and DECADE.search(folded[slice(*match.spans[0])]) is not None \
        and not (match.period.month or match.period.quarter)


def find_period(folded: str, today: date | None = None) -> PeriodMatch:
    """The period a folded question names; an empty PeriodSpec when it names none."""
    folded = NOT_A_MONTH.sub("   ", folded)  # blanked to its length: the spans found stay those of the question
    folded = MONTH_AFTER_ITS_YEAR.sub(_month_first, folded)
    folded = WEEKDAY.sub(lambda found: " " * len(found[0]), folded)  # "entre el lunes 6 y el viernes 10 de marzo"
    match = _find_period(folded, today)
    inside = [found for found in ONE_YEAR.finditer(folded)
              if not match.spans[0][0] <= found.start() < match.spans[0][1]] if _named_decade(match, folded) else []
    if len(inside) == 1 and match.period.start <= int(inside[0][1]) <= match.period.end:
        # "una charla sobre los años 70. ¿Cuál era la esperanza de vida en 1970?": the year asked, within the decade
        year = int(inside[0][1])
        match = PeriodMatch(period=PeriodSpec(start=year, end=year), spans=match.spans + [inside[0].span()])
    before = BEFORE_PANDEMIC.search(folded)
    if before:
        period = match.period if match.spans else PeriodSpec(start=LAST_YEAR_BEFORE_PANDEMIC, end=LAST_YEAR_BEFORE_PANDEMIC)
        match = PeriodMatch(period=period, spans=match.spans + [before.span()])
    excluded = EXCLUDING_PANDEMIC.search(folded)
    if excluded and (match.period.start or 0) <= LAST_YEAR_BEFORE_PANDEMIC and not (
            match.period.latest or match.period.last_n_years or match.period.last_n_months):
        end = min(match.period.end or LAST_YEAR_BEFORE_PANDEMIC, LAST_YEAR_BEFORE_PANDEMIC)
        match = PeriodMatch(period=match.period.model_copy(update={"end": end}), spans=match.spans + [excluded.span()])
    period = match.period
    years_said = YEARS_RESTATED.search(folded) if period.last_n_years and match.spans else None
    if years_said and int(years_said[2]) - int(years_said[1]) + 1 == period.last_n_years:
        # "the last decade, 2016-2025", "los últimos 5 años (2021-2025)": the years say which ones
        return PeriodMatch(period=PeriodSpec(start=int(years_said[1]), end=int(years_said[2])),
                           spans=match.spans + [years_said.span()])
    restated = find_shift(folded) if period.start is not None and match.spans else None
    if restated and restated[1][1] <= min(start for start, _ in match.spans) and RESTATING.fullmatch(
            folded[restated[1][1]:min(start for start, _ in match.spans)]):
        # "y el año anterior, dic 2023 a dic 2024?": the dates say where the shift lands
        match = PeriodMatch(period=period, spans=match.spans + [restated[1]])
    if period.month and period.start == period.end and period.day is None and match.spans and OPEN_START.search(
            folded[:match.spans[0][0]]):  # "desde el trimestre octubre-diciembre de 2025": from its last month on
        match = PeriodMatch(period=period.model_copy(update={"end": None, "month": period.month_end or period.month,
                                                             "month_end": None}), spans=match.spans)
    to_now = UP_TO_NOW.search(folded)
    if to_now and period.is_single_year and not (period.month or period.quarter or period.day) \
            and int(to_now[1]) == period.start:  # "del 2000 para acá": since then
        return PeriodMatch(period=period.model_copy(update={"end": None}), spans=match.spans + [to_now.span()])
    months = MONTHS_OF_THE_YEAR.search(folded)
    if months and period.is_single_year and not (period.month or period.quarter or period.day) \
            and MONTHS[months[1]] < MONTHS[months[2]]:
        # "¿cuánto subió la UF en el 2023? de enero a diciembre": those months of the year said
        return PeriodMatch(period=period.model_copy(update={"month": MONTHS[months[1]], "month_end": MONTHS[months[2]]}),
                           spans=match.spans + [months.span()])
    against = SAME_PART_YEAR.search(folded)
    if against and period.is_single_year and (period.month or period.quarter) and not (
            period.month_end or period.quarter_end or period.day) and int(against[1]) != period.start:
        # "el primer trimestre de 2026 comparado con el mismo trimestre de 2025": from the earlier to the later
        first, last = sorted((period.start, int(against[1])))
        return PeriodMatch(period=period.model_copy(update={
            "start": first, "end": last, "month_end": period.month, "quarter_end": period.quarter}),
            spans=match.spans + [against.span()])
    other = QUARTER_AGAINST.search(folded)
    if other and period.is_single_year and period.quarter and not (period.quarter_end or period.month) \
            and quarter_of(other[1]) != (period.start, period.quarter):
        # "En el 2T 2020, el peor trimestre…, ¿cuánto cayó… respecto del 2T 2019?": from the earlier to the later
        (start, quarter), (end, quarter_end) = sorted([(period.start, period.quarter), quarter_of(other[1])])
        return PeriodMatch(period=period.model_copy(update={"start": start, "end": end, "quarter": quarter,
                                                             "quarter_end": quarter_end}),
                           spans=match.spans + [other.span()])
    quarter_before = QUARTER_BEFORE.search(folded)
    if quarter_before and period.is_single_year and period.quarter and not (period.quarter_end or period.month):
        # "el PIB del primer trimestre de 2026 respecto al trimestre anterior", "Q1-26 GDP, q/q": from the quarter
        # before, Q4 2025, to it
        start, quarter = (period.start - 1, 4) if period.quarter == 1 else (period.start, period.quarter - 1)
        return PeriodMatch(period=period.model_copy(update={"start": start, "quarter": quarter,
                                                             "quarter_end": period.quarter}),
                           spans=match.spans + [quarter_before.span()])
    a_year_before = SAME_PART_A_YEAR_BEFORE.search(folded)
    if a_year_before and period.is_single_year and (period.month or period.quarter) and not (
            period.month_end or period.quarter_end or period.day):
        # "el primer trimestre de 2026 frente al mismo trimestre del año anterior": that part of the year before, to it
        return PeriodMatch(period=period.model_copy(update={
            "start": period.start - 1, "month_end": period.month, "quarter_end": period.quarter}),
            spans=match.spans + [a_year_before.span()])
    same = SAME_PART.search(folded)
    if same:
        match = PeriodMatch(period=match.period.model_copy(update={"same_part": True}), spans=match.spans + [same.span()])
    said_latest = LATEST_SAID.search(folded)
    if said_latest and match.spans and not match.period.latest:  # "¿cuánta gente vive hoy en día? dato 2025": the year
        match = PeriodMatch(period=match.period, spans=match.spans + [said_latest.span()])  # says which "today"
    if PROJECTED.search(folded):
        return PeriodMatch(period=match.period.model_copy(update={"projected": True}), spans=match.spans)
    return match


def _find_period(folded: str, today: date | None) -> PeriodMatch:
    today = today or date.today()
    then = THEN_TO_YEAR.search(folded)
    if then:
        return PeriodMatch(period=PeriodSpec(end=int(then[1]), since_previous=True), spans=[then.span()])
    month_to_then = MONTH_TO_THEN.search(folded)
    if month_to_then:  # "desde febrero de 2020 hasta ese mínimo": from that month to the month the last answer found
        return PeriodMatch(period=PeriodSpec(start=int(month_to_then[2]), month=MONTHS[month_to_then[1]],
                                             until_previous=True), spans=[month_to_then.span()])
    to_then = YEAR_TO_THEN.search(folded)
    if to_then:
        return PeriodMatch(period=PeriodSpec(start=int(to_then[1]), until_previous=True), spans=[to_then.span()])
    for pattern, build in RULES:
        match = pattern.search(folded)
        if match:
            period = build(match, today)
            if period is not None:
                return PeriodMatch(period=period, spans=[match.span()])
    years = [(int(m[1]), m.span()) for m in ONE_YEAR.finditer(folded)]
    if len(years) >= 2:
        return PeriodMatch(period=PeriodSpec(start=min(y for y, _ in years), end=max(y for y, _ in years)),
                           spans=[span for _, span in years])
    if years:
        year, span = years[0]
        same_part = SAME_PART_YEAR.search(folded)
        restated = find_shift(folded)  # "¿y diez años antes, en 2014?": the year says where the shift lands; "el
        # trimestre anterior, comparado con igual trimestre de 2023" names two periods, "hace diez años, en el mismo
        # trimestre de 2014" one
        if restated and same_part and not re.fullmatch(r"[\s,:;(]*(?:en|in)?\s*(?:el|la|the)?\s*",
                                                        folded[restated[1][1]:same_part.start()]):
            restated = None
        return PeriodMatch(period=PeriodSpec(start=year, end=year), spans=[span] + ([restated[1]] if restated else []))
    day_shift = DAY_SHIFT.search(folded)
    if day_shift:
        count = day_shift["count"]
        days = 1 if count in (None, "un", "one", "a") else _count(count)
        back = day_shift["back"] or day_shift["before"]
        return PeriodMatch(period=PeriodSpec(shift_days=-days if back else days), spans=[day_shift.span()])
    shift = find_shift(folded)
    if shift:
        month = MONTH_OF_THAT_YEAR.search(folded) if shift[0] % 12 == 0 else None  # "¿y en marzo del año anterior?":
        return PeriodMatch(period=PeriodSpec(shift_months=shift[0], month=MONTHS[month[1]] if month else None),  # that
                           spans=[shift[1]] + ([month.span()] if month else []))  # month, a year before the last answer
    previous_one = PREVIOUS_ONE.search(folded)
    if previous_one:
        return PeriodMatch(period=PeriodSpec(shift_months=-1, shift_own=True), spans=[previous_one.span()])
    since = SINCE_THEN.search(folded)
    if since:
        return PeriodMatch(period=PeriodSpec(since_previous=True), spans=[since.span()])
    quarter = QUARTER_OF_THAT_YEAR.search(folded)
    if quarter:  # "¿y en el primer trimestre de ese año?": of the previous answer's year
        return PeriodMatch(period=PeriodSpec(quarter=ORDINAL_QUARTERS.get(quarter[1]) or int(quarter[2])),
                           spans=[quarter.span()])
    month = MONTH_OF_THAT_YEAR.search(folded)
    if month:  # "¿y en octubre?": of the previous answer's year
        return PeriodMatch(period=PeriodSpec(month=MONTHS[month[1]]), spans=[month.span()])
    that_year = THAT_YEAR.search(folded)
    if that_year:
        return PeriodMatch(period=PeriodSpec(shift_months=0), spans=[that_year.span()])
    that_time = THAT_TIME.search(folded)
    if that_time:
        return PeriodMatch(period=PeriodSpec(shift_months=0, same_part=True), spans=[that_time.span()])
    those = THOSE_YEARS.search(folded)
    if those:  # named by the answers before: no period of its own
        return PeriodMatch(period=PeriodSpec(), spans=[those.span()])
    return PeriodMatch(period=PeriodSpec(), spans=[])


def shifted(period: PeriodSpec, months: int) -> PeriodSpec | None:
    """``period`` moved by ``months`` (a month, a quarter or whole years), or None when the step does not fit the
    period: a month before a year, or before "the latest", is no period Cifra can name."""
    def moved(year: int, month: int) -> tuple[int, int]:
        index = year * 12 + month - 1 + months
        return index // 12, index % 12 + 1

    if period.month and period.start is not None:
        (start, month), end = moved(period.start, period.month), None
        if period.month_end and period.end is not None:
            end, month_end = moved(period.end, period.month_end)
            return PeriodSpec(start=start, end=end, month=month, month_end=month_end)
        if period.day:  # "¿y hace un año?" after a day's copper price: that day a year before, never its month
            return PeriodSpec(start=start, end=start, month=month, day=period.day) \
                if period.day <= calendar.monthrange(start, month)[1] else None
        return PeriodSpec(start=start, end=start, month=month)
    if period.quarter and period.start is not None and months % 3 == 0:
        year, month = moved(period.start, 3 * period.quarter - 2)
        if period.quarter_end and period.end is not None:  # "and the quarter before that?" after Q1 2025–Q1 2026
            end, month_end = moved(period.end, 3 * period.quarter_end - 2)
            return PeriodSpec(start=year, end=end, quarter=(month + 2) // 3, quarter_end=(month_end + 2) // 3)
        return PeriodSpec(start=year, end=year, quarter=(month + 2) // 3)
    if period.start is not None and not period.month and not period.quarter and months % 12 == 0:
        return PeriodSpec(start=period.start + months // 12, end=(period.end or period.start) + months // 12)
    return None
