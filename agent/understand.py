"""Stage 1, understand: read a question into an ``Understanding`` without choosing anything yet.

Language, places, period, the operation words, the variant cues ("per cápita", "en dólares") and
the indicator candidates from the retrieval index. Deterministic; the model is not involved.
"""

import functools
import itertools
import re

from rapidfuzz import fuzz, process

from agent.gazetteer import GROUP_KINDS, MEMBER_WORDS, SOVEREIGN, Gazetteer, PlaceMatch
from agent.indicators import STEM, IndicatorInfo
from agent.language import detect_language
from agent.lexicon import Lexicon, function_words, lexicon
from agent.models import (TWO_OPERANDS, IndicatorCandidate, Language, Operation, PeriodSpec, Place, Understanding,
                          VariantCues, VariantPair)
from agent.time_expressions import (DECADE, LATEST_SAID, MONTH_NAMES, MONTHS, NUMBER_WORDS, ONE_YEAR, QUARTER,
                                    QUARTER_BEFORE, SAME_PART_A_YEAR_BEFORE, THAT_TIME, THOSE_YEARS, UNIT_MONTHS, PeriodMatch,
                                    find_period, find_shift, months_in_words, quarter_of, years_in_digits)
from catalog.index import IndicatorHit, IndicatorIndex
from catalog.text import fold, one_per_sound, sounded

MAX_QUESTION_CHARS = 500
CANDIDATES = 6
TOP_N = re.compile(r"\b(?<!first )(?<!ever )top\s*(\d+)\b(?!\s?\d{3}\b)|\btop ([a-z]+)\b|\b(?:los|las|the)\s+(\d+|\w+)\s+(?:paises|countries|regiones|regions|comunas|"
                   r"provincias|mayores|menores|mas|primeros|primeras|highest|lowest|largest|first|most)\b|"
                   r"\b(\d{1,2}|\w+)\s+(?:[a-z]+\s+){0,2}?(?:paises|countries|regiones|regions|comunas|provincias|"
                   r"provinces|economias|economies)\b|\b(?:which|cuales)\s+(\d{1,2}|\w+)\b"  # "which two had…", never
                   r"(?!\s+(?:months|meses|years|anos|quarters|trimestres|days|dias)\b)|"  # "for which three months?"
                   # "ordénalos de menor a mayor, solo 3", "just the top 5": as many as said
                   r"\b(?:solo|solamente|nomas|only|just)\s+(?:los\s+|las\s+|the\s+)?(\d{1,2})\b(?!\s*(?:%|por ciento|percent|mil|"
                   r"millones|million|thousand|anos|years))|"
                   # "los 3 con la esperanza de vida más baja", "the three with the highest": the places ranked
                   r"\b(?:los|las|the)\s+(\d{1,2}|\w+)\s+(?:con|with)\s+(?:[a-z]+\s+){0,5}?(?:mayor|menor|mas|menos|highest|"
                   r"lowest|largest|smallest|most|least|biggest)\b|"
                   # "los 3 años con mayor inflación", "the five months with the lowest": the periods ranked
                   r"\b(?:los|las|the)\s+(\d{1,2}|\w+)\s+(?:anos|years|meses|months|trimestres(?: moviles)?|quarters|"
                   r"(?:rolling )?quarters|dias|days)\s+(?:con|with|de|en que|in which|when)\s+(?:el |la |the )?"
                   r"(?:mayor|menor|mas|menos|highest|lowest|largest|smallest|most|least|biggest|peor|peores|mejor|"
                   r"mejores|best|worst)\b|"
                   # "and the lowest five?", "the bottom 5", "los más bajos 3": the end named first
                   r"\b(?:the|los|las)\s+(?:highest|lowest|top|bottom|largest|smallest|mas altos|mas altas|mas bajos|"
                   r"mas bajas)\s+(\d{1,2}|\w+)\b(?!\s+(?:anos?|years?|mes|meses|months?|trimestres?|quarters?|dias?|"
                   r"days?)\b)")  # "the highest 12-month inflation" is one rate
SAME_AGAIN_SAID = (r"lo mismo|same thing|the same for|same for|same question|same calculation|misma pregunta|mismo calculo|"
                   r"misma cosa")
CONTINUATION = re.compile(r"^\s*(?:(?:ah|oh|uy)\s+)?(?:(?:muy bien|perfecto|gracias|entiendo|de acuerdo|great|thanks|"
                          r"perfect)\s+(?=(?:y|e|and)\b))?(?:y|e|and|so|entonces|tambien|also|ahora|now|what about|how about|que tal|"
                          r"que hay de|ok|okay|ok then|vale|bueno|ya|pero|but|es decir|that is|"
                          # a correction of the last question: "ah perdón, quise decir Lanco", "sorry, I meant Peru"
                          r"perdon|disculpa|disculpe|sorry|quise decir|me equivoque|mejor dicho|i meant|i mean|me referia|"
                          r"me refiero|i was referring|i was asking about|"
                          # a return to an earlier place: "volvamos a Argentina", "back to Peru"
                          r"volvamos al?|volviendo al?|regresando al?|volvamos a la|volviendo a la|"
                          r"(?:going |let's go |lets go )?back to|"
                          # the last answer set against another place: "vs chile", "versus Peru"
                          r"vs|versus|" + SAME_AGAIN_SAID + r")\b")
# "lo mismo para la UTM", "same thing for Peru": the last question again, of something else
SAME_AGAIN = re.compile(rf"\b(?:{SAME_AGAIN_SAID})\b")
# "broadband then", "¿y la inflación entonces?": said last, it follows the answer too
CONTINUATION_AT_END = re.compile(r"\b(?:then|entonces)\W*$")
# "in percent? and what share of the land…": a short question, then another that goes on from the last answer
AND_AFTER_A_QUESTION = re.compile(r"^\W*(?:[^\s?]+\s+){0,3}[^\s?]*\?\s*[¿]?\s*(?:y|and)\b", re.IGNORECASE)
# "how many people live there?", "¿cuántos hogares hay ahí?": the place of the last answer, wherever it is said
PLACE_OF_THE_LAST = re.compile(r"\bits\b|(?<!\bare )(?<!\bis )(?<!\bwas )(?<!\bwere )(?<!\bdejemoslo )(?<!\bdejemos )"
                               r"(?<!\bdejalo )(?<!\bhasta )(?<!\bpor )\b(?:there(?!\s+(?:is|are|was|were|be|been)\b)|"
                               r"ahi|alli|alla|that (?:same )?(?:place|country|region|comuna)|esa (?:misma )?(?:comuna|region)|la misma (?:comuna|region)|"
                               r"ese (?:mismo )?(?:pais|lugar)|esta (?:misma )?comuna|(?:de|en) la comuna|(?:of|in) the comuna)\b"
                               r"(?!\s+(?:de|of)\s)")  # "en la comuna de Santiago" names its own; "dejémoslo ahí",
# "hasta ahí", "por ahí" name no place
# What a country sells abroad or buys from abroad ("¿cuánto vendió Chile al exterior?") are its exports or imports,
# never a measure whose definition says "exterior"
TRADED_ABROAD = re.compile(r"\b(?:(?P<sold>vend\w*|sell|sells|sold|selling)|(?P<bought>compr\w*|buy|buys|bought|buying))"
                           r"\b(?P<between>(?:\s+\S+){0,4}?)\s+(?:(?:al|del|en el|desde el) (?:exterior|extranjero)|"
                           r"abroad|overseas|to other countries|from other countries)\b")
# "where does Temuco land?", "where would Chile rank?": its position, said as a place
WHERE_IT_RANKS = re.compile(r"\bwhere (?:does|do|did|would|will) ((?:\w+ ){1,4}?)(?:land|rank|stand|place|fall|come|sit|put)s?\b")
# "¿cuál de los dos países…?", "which of the two countries": the places just answered, never a top two
OF_THE_FEW = re.compile(r"\b((?:de|of)\s+(?:los|las|the)\s+(?:dos|two|tres|three|2|3)|(?:de\s+)?ambos|(?:of\s+)?both)\s+"
                        r"(?:pa[ií]ses|countries|regiones|regions|comunas|places|lugares)\b", re.IGNORECASE)
# "entre esas mismas dos comunas", "for those two countries": the last answer's places, neither a range nor a top two
THE_SAME_FEW = re.compile(r"\b(?:(?:entre|between|para|for|en|in|de|of)\s+)?(?:esos|esas|estos|estas|those|these|los mismos|"
                          r"las mismas|the same)\s+(?:mism[oa]s\s+)?(?:dos|two|2|tres|three|3)\s+(?:pa[ií]ses|countries|"
                          r"regiones|regions|comunas|provincias|provinces|lugares|places|tasas|rates|datos|cifras|figures|"
                          r"indicadores|indicators)\b", re.IGNORECASE)  # "las mismas dos tasas": the last measures
# "la región 5", "la 9na región": Chile's regions by number (their roman numerals are aliases); 13 is the capital's
REGION_NUMBER = re.compile(r"\b(?:regi[oó]n\s+(?:n(?:[uú]mero|°|º|o\.?)\s*)?(\d{1,2})|(\d{1,2})\s*(?:a|ra|da|era|ta|va|na|ma|"
                           r"o|°|º|ª)?\s+regi[oó]n)\b(?!\s+(?:m[aá]s|menos|con|que|de\s+m[ae]\w+|with|most|least))",
                           re.IGNORECASE)  # "la 2da región más poblada": a place in a ranking
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "Metropolitana", "XIV", "XV", "XVI"]
# Where people live: with a share and two places, one inside the other ("what share of the world's population
# lived in India?"), a share of the larger one; with a people named, a share of them ("¿qué % de los chilenos vive…?")
LIVES_IN = re.compile(r"\b(?:vive|viven|vivia|vivian|vivira|viviran|reside|residen|residia|live|lives|lived|living|"
                      r"resides|resided)\s+(?:en|in|there|ahi|alli|alla)\b")
PEOPLE_HAVE = re.compile(r"\b(?:had|have|has|tenia|tenian|tiene|tienen|tuvo|tuvieron|cuenta con|cuentan con)\b")
# "y su crecimiento": a second measure that is the first one again, with its own cue
POSSESSIVES = frozenset({"its", "their", "su", "sus"})
# Cues that say what kind of figure one measure is, so they belong to the measure they are said beside
OWN_CUES = ("transform", "measure")
# "X e Y como % del PIB": the whole both are a share of, said once after the second
SHARED_WHOLE = re.compile(r"\b(?:como|as|en|in)\s+(?:(?:un|una|a)\s+)?(?:porcentaje|percent|percentage|share|proporcion)\s+"
                          r"(?:del|de la|de|of|of the)\s+(\w+)")
# A follow-up that names only the urban or rural part: of the last measure ("what about the urban part?" after the
# poverty rate), never the urban population
URBAN_OR_RURAL_PART = re.compile(r"^(?:(?:part|parte|zona|zonas|area|areas|sector|sectores)\s+)?"
                                 r"(?:urban|urbana|urbano|urbanas|urbanos|rural|rurales)(?:\s+(?:part|parte|zona|zonas|area|areas))?$")
# A follow-up that names its measure by what qualifies the last one: "¿y la de ingresos?", "and the one for women"
# "multidimensional?", "mujeres?" after an answer: one or two words asked alone go on from it
TERSE_FOLLOW_UP = re.compile(r"^\s*¿?\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*\?\s*$")
ELLIPSIS = re.compile(r"^\s*(?:(?:y|e|and|ahora|now|pero|but)\s+)?(?:el|la|los|las|the one|the ones)\s+(?:de|del|por|of|for|by)\b")
ABOVE = (r"(?:supero|superan|supera|superaba|superaban|superaron|paso|pasaron|pasan de|pasan|pasa de|pasaba de|pasaban de|pasara|pasaria|pasa|superara|superaria|supere|mayor al|mayor a|mayor que|mas del|mas de|"
         r"superior al|superior a|por encima del|por encima de|sobre el|sobre|above|exceeded|exceeds|exceed|passed|pass|over|more than|"
         r"greater than|higher than|faster than|mas rapido que|topped|tops|(?<=first )top|(?<=ever )top|surpassed|crossed|went above|rose above)")
BELOW = (r"(?:bajo de|bajo del|bajo el|bajo la|bajo|cayo|menos del|menos de|menor al|menor a|menor que|inferior al|inferior a|por debajo del|"
         r"por debajo de|cayo bajo|below|under|less than|fewer than|smaller than|fell below|lower than|slower than|mas lento que|"
         r"dip under|dip below|dipped under|dipped below|dips under|dips below)")  # "first dip under 1.5 births"
SCALES = {"mil millones": 1e9, "billones": 1e12, "billion": 1e9, "billions": 1e9, "millones": 1e6, "millon": 1e6,
          "million": 1e6, "millions": 1e6, "mil": 1e3, "thousand": 1e3}
AT_LEAST = (r"(?:at least|al menos|por lo menos|a lo menos|como minimo|reach|reached|reaches|reaching|alcanzo|alcanzaron|"
            r"alcanza|alcanzan|alcanzaba|llego al?|llegaron al?|llega al?|llegan al?|llegaba al?|"
            r"(?:llego|llegaron|llega|llegan|llegaba) por primera vez al?|marco el|marco|toco el|toco|hit)")  # "first
# reached 80 years", "llegó al 100%", "marcó 0%"
AT_MOST = r"(?:at most|a lo mas|como maximo)"
EACH_OWN_LATEST = re.compile(r"\b(?:(?:el |su )?(?:ultimo dato|dato mas reciente|ultimo valor|ultimo ano)(?: disponible)? "
                             r"(?:de|para) cada (?:pais|region|comuna|uno|una)|each (?:country|one|member)(?: s|s)? (?:own )?"
                             r"(?:most recent|latest)|(?:most recent|latest) (?:figure|value|year|data) (?:for|of) each)\b")
PERIOD_AND_SHIFTED = re.compile(r"\b(?:that|this|ese|este|esa|esta) (?:year|ano|month|mes|quarter|trimestre) (?:and|y) "
                                r"(?:(?:the|el|la) )?(?:(?:year|ano|month|mes|quarter|trimestre) (?:after|before|siguiente|"
                                r"anterior|despues|antes)|(?:following|next|previous) (?:year|month|quarter))\b")
REACH_VERB = re.compile(r"reach\w*|alcanz\w*|lleg\w*(?: por primera vez)?(?: al?)?|marco(?: el)?|toco(?: el)?|hit")  # "llegó a": either way
THRESHOLD = re.compile(rf"\b({AT_LEAST}|{AT_MOST}|{ABOVE}|{BELOW})\s+(?:[a-z]+\s+){{0,4}}?(?!(?:19|20)\d\d\b)"
                       rf"(\d+(?: \d+)*)\s*({'|'.join(SCALES)})?\b\s*(%|por ciento|percent)?"  # folded: "10.000" is "10 000"
                       r"(?!\s*(?:mortality|mortalidad))"  # "under-5 mortality" names a measure
                       r"(?!\s*(?:months|meses|quarters|trimestres|weeks|semanas|days|dias)\b)")
# a count of periods is no threshold: "the average over the 12 months of 2025"
# "1990 vs ahora", "in 2000 vs now", "en 1990 y cuánto es ahora": the change from that year to the newest value
TO_NOW = re.compile(r"\b((?:19|20)\d\d)\b(?:\s+\w+){0,3}?\s+(?:vs|versus|contra|y|and|to|a|hasta|frente a|comparado con|"
                    r"compared (?:with|to))\s+(?:(?:cuanto|como|what|how)\s+(?:\w+\s+){0,2}?)?"
                    r"(?:ahora|now|hoy|today|actualmente|currently|la actualidad|el presente|the present|"
                    r"(?:the |el |lo |ese |esa |este |that |this )?(?:most recent|latest|ultimo dato|dato mas reciente|"
                    r"mas reciente|ultimo disponible|last figure))\b")  # "entre el 2000 y ese último dato"
# "¿cuánto creció en ese mismo periodo?": over the span of the last answer
SAME_SPAN = re.compile(r"\b(?:(?:mismo|same|ese|aquel|that|this|este) (?:periodo|period|lapso|span|tramo|timeframe|stretch|"
                       r"window|interval|intervalo)|(?:esa|aquella|misma|that|same) (?:decada|decade)|"
                       r"(?:mismos|same) (?:anos|years|meses|months)|"  # "for the same years"
                       r"(?:ano|mes|year|month) (?:de|of|among) (?:esos|esas|estos|estas|those|these)|"  # "¿en qué año de esos…?"
                       r"(?:de|of|among) (?:esos|estos|those|these) (?:anos|meses|years|months))\b")
QUARTER_NAME = re.compile(r"[qt][1-4]")
# "¿desde cuándo Chile tiene la mayor esperanza de vida?", "¿desde cuándo está sobre 8 %?": since a run began (not
# the first time), which no plan computes
SINCE_WHEN = re.compile(r"\b(?:since when|desde cuando)\b")
# "since which year has India been ahead?": with no condition said, a run that began, never the year it peaked ("¿desde
# qué año más de la mitad vive en ciudades?" names its condition: the first year it was met)
SINCE_WHICH = re.compile(r"\b(?:since (?:which|what) (?:year|month)|desde (?:que|cual) (?:ano|mes))\b")
# "Chile and its three neighbours", "Cañete y las comunas vecinas": a group no metadata lists, never the one place
# named nor every comuna (unless they are named too)
NEIGHBOURS = re.compile(r"\b(?:neighbou?rs|neighbou?ring (?:countries|comunas|regions)|vecin[oa]s(?!\s+del?\b)|limitrofes|"
                        r"colindantes|aledanas|aledanos)\b")  # not "los vecinos de La Pintana", its residents, nor a
# comuna "vecina", one named, which only says where it is
# "(1 = la más poblada)", "(1 = lowest)": how a position is counted, read as its order words alone; never a month
RANK_CONVENTION = re.compile(r"\(\s*(?:#\s*)?1\s*=\s*([^)]*)\)")
COMPOUND = re.compile(r"\b(?:compound|compounded|compuest[oa]|cagr)\b")  # a compound yearly rate: no plan computes one
SPREAD = re.compile(r"\b(?:el rango|the range|rango de|rango entre|amplitud de|recorrido de)\b")
DIVIDING = re.compile(r"\b(?:divido|dividir|dividiendo|dividimos|divides|dividing)\b")
# "calculadas con el total de emisiones y la población": a way to compute the figure, which the reading cannot follow
COMPUTED_FROM = re.compile(r"\b(?:calculad[oa]s?|computad[oa]s?|calculated|computed|derived)\s+(?:con|a partir de|usando|"
                           r"en base a|desde|from|with|using|by dividing|dividiendo)\b")
# "10 UTM", "50 UF": an amount of the unit, never the value of one
AMOUNT_OF_UNIT = re.compile(r"\b(?!1\b)(\d+(?: \d+)*)\s+(?:uf|ufs|utm|utms|unidades de fomento|unidades tributarias)\b")
# "¿cuántas UF son un millón de pesos?": pesos in the unit, a division no plan makes; never the unit's value alone
UNITS_IN_AMOUNT = re.compile(r"\b(?:cuant[oa]s|how many)\s+(?:uf|ufs|utm|utms|unidades de fomento|unidades tributarias)\s+"
                             r"(?:son|es|serian|equivalen|hay en|alcanzan|are|is|make|in)\b")
# "Germany's median age", "la varianza del desempleo": a statistic no plan computes and no series is
UNCOMPUTED = re.compile(r"\b(?:mediana|median|medians|varianza|variance|desviacion (?:estandar|tipica)|standard deviation|"
                        r"percentiles?|percentil)\b")
# "¿cómo cerró el IPSA ayer?": a day no series here reaches, never the newest figure instead
YESTERDAY = re.compile(r"\b(?:ayer|anteayer|antier|anoche|yesterday|last night)\b")
# "over the last 5 years", "sobre los últimos 10 años": a span of time, never a value to compare with
LAST_PERIODS = re.compile(r"\b(?:last|past|recent|ultimos|ultimas|pasados|pasadas|recientes)\b")
# "¿cuándo superó el PIB per cápita de Chile los 10.000 dólares?": the measure between the verb and the value
INCOME_GROUP = re.compile(r"\b\d+ (?:mas ric[oa]s?|mas pobres?)\b|\b(?:richest|poorest) \d+\b")
# a percentage said in a question, and the income groups a percentage names ("the richest 10 %")
PERCENT_SAID = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*%")
QUANTILE_SAID = re.compile(r"\b(?:mas ric|mas pobr|richest|poorest|highest|lowest|top|bottom|superior|inferior)")
VERB_THRESHOLD = re.compile(rf"\b(supero|superaron|supera|superan|superaba|paso|pasaron|pasan|pasaba|pasaban|topped|crossed|"
                            rf"surpassed|exceeded|bajo|bajaron|cayo|cayeron)\s+(?:[a-z]+\s+){{0,8}}?(?:los|las|el|la|the|del)\s+"
                            rf"(?!(?:19|20)\d\d\b)(\d+(?: \d+)*)\s*({'|'.join(SCALES)})?\b\s*(%|por ciento|percent)?"
                            r"(?!\s*(?:a|al|hasta|to)\s+\d)")  # "bajó por primera vez el desempleo del 10%"; "del 10% al 8%" is a span
YEARS_LIVED = re.compile(r"\b(?:cuant[oa]s anos (?:mas |menos )?(?:se )?(?:espera que )?viv\w*|viv\w* (?:mas|menos) anos|"
                         r"how (?:many (?:more |fewer )?years(?: longer)?|much longer) (?:do|does|did|will) (?:\w+ ){1,2}live|"
                         r"cuanto mas (?:tiempo )?(?:se )?viv\w*|"
                         r"lived? (?:longer|more years)|how long (?:\w+ ){1,10}?live|liv(?:e|es|ing) (?:the )?longest)\b")  # "¿cuál de los dos vivía más años?", "how long can a baby girl … live?"
# years as the amount of a measure counted in years, not periods counted ("¿cuántos años de esperanza de vida ganó?")
# "by how many years did life expectancy change?": a change measured in years, no years counted
BY_HOW_MANY_YEARS = re.compile(r"\bby how many years\b")
YEARS_OF_A_MEASURE = re.compile(r"\b(?:cuantos anos (?:de|en)|how many years (?:of|in)) (?:la )?"
                                r"(?:esperanza de vida|life expectancy|escolaridad|schooling)\b")
# A measure counted in years: "menor de 60 años" beside it is a number of years, no age group
MEASURED_IN_YEARS = re.compile(r"\b(?:esperanza de vida|life expectancy|edad mediana|median age|anos de escolaridad|"
                               r"years of schooling)\b")
AGE_COMPARED = re.compile(r"(?:mas|menos|menor|menores|mayor|mayores|over|under|above|below|sobre|bajo)\s+(?:de\s+)?\d")
# One measure from two sources: a census's count and the projection it replaced
SOURCE_WORD = re.compile(r"cens\w*|proyec\w*|project\w*|ine")
SOURCE_SAID = {"segun", "according", "acuerdo"}  # "según el censo": the words that say a source, not a measure
CENSUS_AND_PROJECTION = re.compile(r"\bcens\w*\b.*\b(?:proyec|project)\w*|\b(?:proyec|project)\w*\b.*\bcens\w*")
PLURAL_PERIODS = re.compile(r"\b(?:anos|meses|trimestres|years|months|quarters)\b")
# "¿en qué meses de 2023 el IPC fue negativo?": the periods that meet a condition, a sign among them
WHICH_PERIODS = re.compile(r"\b(?:que|cuales|which|what) (?:anos|meses|trimestres|years|months|quarters)\b")
# "how many EU member states…": a count of countries, of the group named with its members' word
MEMBER_STATES = re.compile(r"\b(how many|cuant[oa]s)\s+((?:[a-z]+\s+)?)(member states|member countries|estados miembros)\b")
# "Among South American countries…, how many ran a deficit?", "De los países de Sudamérica, ¿cuántos…?": a count of
# those countries, though none is said after it
AMONG_MEMBERS = re.compile(r"\b(?:among|of all|of the|de entre|entre|de los|de las)\s+(?:\S+\s+){0,4}?(countries|paises|regions|regiones|comunas)\b"
                           r"(?:(?!how many|cuant[oa]s).){0,80}?\b(?:how many|cuant[oa]s)\b(?!\s+(?:\S+\s+)?(?:countries|paises|"
                           r"regions|regiones|comunas|of them|de ellos|de ellas|times|veces|more|mas|less|menos|points|puntos)\b)")
COUNT_SPLIT = re.compile(r"\b(cuant[oa]s|how many)\s+((?:(?!de\b|of\b|in\b|en\b)[a-z]+\s+){1,2}?)(paises|countries|"
                         r"regiones|regions|comunas|provincias|provinces|economias|economies)\b")
OR_MORE = re.compile(rf"(?<![\w.])(?!(?:19|20)\d\d\b)(\d+(?: \d+)*)\s*({'|'.join(SCALES)})?\s*(?:%|por ciento|percent)?\s+"
                     r"((?:[a-z$]+\s+){0,2}?)(?:(o mas|o superior|or more|or higher|or above)|o menos|o inferior|or less|or fewer|or below)\b")
# "¿cuántos tuvieron…?", "how many of them had…": a count of the places just named
LISTED_COUNT = re.compile(r"\b(?:cuant[oa]s|how many)\s+(?:(?:de ellos|de ellas|of them|of these|de estos|de estas)\s+)?"
                          r"(?:tuvieron|tenian|tenia|tiene|tienen|estaban|estuvieron|superaron|supero|registraron|"
                          r"had|have|has|were|was|exceeded|registered|reported|recorded|showed)\b")
PERIOD_COUNT = re.compile(r"\b(?:cuant[oa]s|how many)\s+(?:(?:de|of)\s+(?:los|las|the)\s+)?(?:\d+\s+)?(?:rolling\s+|moving\s+)?(?:meses|anos|"
                          r"trimestres|dias|semanas|months|years|quarters|days|weeks)\b"  # "¿en cuántos de los 12 trimestres…?"
                          # but "¿cuántos años aumentó la esperanza de vida?", "how many more years…", "¿cuántos días se
                          # demoraba abrir una empresa?": years or days are its unit
                          r"(?!\s+(?:mas|more|(?:(?:se|te|me|le|les|nos)\s+)?(?:aument|sub|crec|baj|dismin|gan|perd|cay|increas|rose|risen|"
                          r"gain|grew|fell|drop|lost|los[et]|demor|tard|toma|tak|took|does it take|did it take)\w*)\b)")
# Years that are part of a unit's name ("precios constantes de 2015", "índice 2018=100"), not periods ("PPP 2021"
# may be either: it stays a period)
UNIT_YEAR = re.compile(r"\b(?:precios|prices|constantes|constant|base|referencia|reference)"
                       r"(?: de| del| of)?\s+(?:1[5-9]\d\d|20\d\d)\b|\b(?:1[5-9]\d\d|20\d\d)(?:\s+(?:1[5-9]\d\d|20\d\d))?"
                       r"\s+(?:100|prices)\b|\b(?:precios|prices) del? (?:ano|year) anterior\b|\bprevious year s? prices\b")
# "(2014-2016 = 100)": an index's base, never the period; "a precios del año anterior": chained volumes, no shift
# "(PPA 2021)" names the dollars of a poverty line when another year is the period; alone ("GDP per capita PPP
# 2021") the year is the period.
PPP_YEAR = re.compile(r"\b(?:(?:ppa|ppp)(?: de| of)?\s+(?:19\d\d|20\d\d)|(?:19\d\d|20\d\d)\s+(?:ppa|ppp))\b")
# "under $3.00 a day", "3 dólares diarios": a poverty line's amount names the measure, it is no condition
A_DAY = re.compile(r"\s*(?:\d+\s+)?(?:(?:us\s+)?(?:dolares|dollars|usd)\s+)?(?:(?:a|al|por|per)\s+(?:dia|day)|diarios?|"
                   r"diarias?|daily)\b")
# "la línea de 3 dólares al día": a poverty line's amount, no currency the figure is in
LINE_A_DAY = re.compile(r"(?:us\$|\$|usd)?\s?\d+(?:[.,]\d{1,2})?" + A_DAY.pattern)
# "¿cuál fue el primer año después de 2010 en que el PIB cayó?": a first crossing below zero of its growth
FELL = (r"\b(cayo|cayeron|se contrajo|contrajo|se contrajeron|decrecio|decrecieron|shrank|shrunk|shrink|contracted|fell|"
        r"declined)\b(?!\s+(?:below|under|bajo|por debajo|a |to |de |del |from |mas |more |the most )\b)")
FELL_FIRST = re.compile(r"\b(?:primer(?:a)? (?:ano|mes|trimestre|vez)|first (?:year|month|quarter|time)|por primera vez)\b"
                        r"(?:\s+\S+){0,10}?\s+" + FELL)
# "¿en qué años cayó el PIB?", "in which years did the economy shrink?": each period it did
FELL_IN = re.compile(FELL)
SIGN = re.compile(r"\b(?:(positiv[oa]s?|positive|surplus|surpluses|superavit)|negativ[oa]s?|negative|deficit|deficits|"
                  r"shr[iau]nk|shrunken|contracted|"
                  r"(?:se )?contrajo|(?:se )?contrajeron|decrecio|decrecieron)\b")  # "how many … saw their GDP shrink"
DEFICIT = re.compile(r"\b(?:deficit|deficits|deficitario|deficitaria)\b")
HOW_MUCH_GREW = re.compile(r"\b(?:cuant[oa]s?|how much|how many|en cuanto|by what percent(?:age)?|en que porcentaje)\b.{0,60}\b"
                           r"(?:crecio|crecieron|crece|crecen|grew|grow|cayo|"
                           r"cayeron|bajo|bajaron|subio|subieron|aumento|aumentaron|disminuyo|disminuyeron|subido|crecido|aumentado|"
                           r"bajado|caido|disminuido|fell|grown|fallen|risen|"
                           r"dropped|rose|increased|decreased|"
                           r"crecer|crecera|creceran|aumentar|aumentara|aumentaran|subir|subira|subiran|bajar|bajara|"
                           r"caer|caera|disminuir|disminuira|creceria|crecerian|aumentaria|aumentarian|subiria|bajaria|caeria|"
                           r"increase|decrease|rise|fall|drop|alza|baja)\b"  # "va a crecer", "will grow", "¿cuánto crecería?",
                           # "¿cuánto es en porcentaje de alza?"
                           r"|\b(?:percent(?:age)? (?:growth|increase|change)|(?:crecimiento|aumento|variacion) porcentual)\b"
                           r"|\b(?:how much|how many)\b.{0,30}\b(?:up|down) (?:from|since|on)\b"  # "how much is that up from 2025?"
                           r"|\b(?:how (?:big|large) (?:was|is|were) the|(?:de )?cuanto (?:fue|es) (?:el|la)) (?:increase|rise|drop|"
                           r"fall|decline|gain|aumento|alza|caida|baja|incremento|disminucion)\b"  # "How big was the increase?"
                           # "whose population grew faster from 2010 to 2024": each one's change over those years
                           r"|\b(?:grew|rose|increased|crecio|crecieron|aumento|aumentaron|subio|subieron)\s+(?:faster|"
                           r"mas rapido)\b"
                           # "crecimiento % entre esos dos años": the change between the two answered
                           r"|\b(?:crecimiento|variacion|cambio|growth|change)\b(?=.{0,30}\b(?:entre|between) (?:esos|estos|"
                           r"these|those|ambos|both)\b)"
                           # "grew by what percent between 2000 and 2020": the question after the verb
                           r"|\b(?:grew|grown|rose|risen|fell|fallen|dropped|increased|decreased|declined|crecio|crecieron|"
                           r"subio|subieron|bajo|bajaron|cayo|cayeron|aumento|aumentaron|disminuyo|disminuyeron)\s+"
                           r"(?:by\s+)?(?:what percent(?:age)?|how much|en cuanto|en que porcentaje|cuanto)\b")
# An amount of money that names the measure ("la línea de US$3,00 diarios", "$6.85 a day"), never a thousands figure.
MONEY_AMOUNT = re.compile(r"(?:us\$|\$|usd)\s?(?!(?:19|20)\d\d\b(?![.,]\d))(\d+(?:[.,]\d{1,2})?)(?!\d|[.,]\d)"  # never "en US$ 2020"
                          r"|(?<![\d.,])(\d+(?:[.,]\d{1,2})?)\s?(?:dolares|dólares|dollars|usd)\b"
                          r"|\b(mil|cien|(?:a |one )?(?:thousand|hundred))\s(?:dolares|dólares|dollars)\b")  # "mil dólares"
# "¿y en lo que va del año?": the year so far, a period as much as a measure
YEAR_SO_FAR = re.compile(r"\b(?:en lo que va del ano|lo que va del ano|year to date|so far this year|this year so far)\b")
# "pásamelo a pesos", "convert it to dollars": a figure times an exchange rate, which no plan makes
CONVERTED = re.compile(r"\b(?:pasa(?:lo|melo|rlo|la|mela)?|convierte(?:lo|melo)?|convertir(?:lo)?|transforma(?:lo|melo)?|"
                       r"convert(?:ed)?(?: it| that)?)\s+(?:a|en|to|into)\s+(?:pesos|dolares|dollars|clp|usd|uf)\b")
# "¿está en su nivel más alto desde 2021?": the newest set against every value since, which no plan makes
AT_ITS_EXTREME = re.compile(r"\b(?:esta|estan|is|are|anda|andan) (?:en|at) (?:su|sus|its|their) (?:nivel(?:es)? |level |"
                            r"punto )?(?:mas alt[oa]|mas baj[oa]|maximo|minimo|highest|lowest)\b")
# "en los últimos 12 meses": a span of months when a monthly change is asked, never the 12-month rate
LAST_TWELVE_MONTHS = re.compile(r"\b(?:ultimos|last|past) (?:12|doce|twelve) (?:meses|months)\b")
COUNTED_BEFORE = re.compile(rf"(?:\d|\b(?:{'|'.join(NUMBER_WORDS)}))\s*$")  # "10 mil dólares", a number of thousands
# The denominator of a rate ("por cada 1.000 habitantes", "por cada mil habitantes"): the series must say it.
PER_AMOUNT = re.compile(r"\b(?:por cada|por|per|for every)\s+(?:(\d+(?: \d{3})*)\s*(mil|thousand)?|(mil|cien|(?:a |one )?thousand|"
                        r"(?:a |one )?hundred))\s+(?:habitantes|personas|"
                        r"people|population|inhabitants|residents|nacidos|nacimientos|live|births|mujeres|women|ninos|"
                        r"children|adultos|adults|hombres|men|males|females)\b")
# "¿cuántas personas de 65 o más hay por cada 100 menores de 15 años?": a ratio per 100 of the second operand
PER_HUNDREDS = re.compile(r"\b(?:por cada|for every|for each|per)\s+(100|1 000|1000|cien|mil|hundred|a hundred|one hundred|"
                          r"thousand|a thousand|one thousand)\b")
# "for every X, how many Y?": Y divided by X
FOR_EVERY = re.compile(r"\b(for every|for each|por cada)\s+(?!\d|(?:un[oa]? |an? |one )?(?:mujer|wom[ae]n|persona|person|"
                       r"habitante|inhabitant|resident|nacido|birth|adult|nin[oa]|child))\D{0,80}?\b(?:how many|how much|cuant[oa]s?)\b")
SIDE_BY_SIDE_KINDS = ("country", "cl_region", "cl_province", "cl_comuna")  # two of a kind are compared, never ranked within
# "mayores de 65 por cada niño": of two groups named, the one after it divides
PER_EACH = re.compile(r"\b(?:por cada|for every|for each|per)\b")
# "el 20 % más rico", "the poorest 40%": a share of the people the series must name (not the richest 10 %)
PEOPLE_SHARE = re.compile(r"(\d{1,2})\s*%\s*(?:más|mas|de la población|de los hogares)?\s*(?:ric|pobr|richest|poorest|wealthiest|"
                          r"superior|inferior)|(?:richest|poorest|wealthiest|top|bottom|highest|lowest)\s+(\d{1,2})\s*%")
# "pesos por dólar" is the unit of an exchange rate, not a currency asked for.
PER_DOLLAR = re.compile(r"\b(?:pesos?(?: chilenos)?|moneda local|local currency(?: units?)?)\s+(?:por|per)\s+"
                        r"(?:dolar|dolares|dollar|us)\b")
# a period set against another: "marzo de 2025 respecto a marzo de 2024", "compared with June 2023"
COMPARED_WITH = (r"(?:respecto\s+(?:a|al|de|del)|en comparacion con|comparado con|frente (?:a|al)|versus|vs|"
                 r"compared (?:with|to)|against|contra)")
HOW_MANY_MORE = re.compile(r"\b(?:cuant[oa]s?|how many|how much)\s+(?:\w+\s+){0,4}?(?:mas|menos|more|fewer|less|higher|lower|longer|shorter)\b"
                           r"(?!\s+(?:than|que|de)\s+(?:\d|(?:un|una|a|an|one|uno|half|medio)\s))"  # a threshold: a count
                           rf".{{0,80}}\b(?:que|than|{COMPARED_WITH})\b")  # "cuánta gente más vive… el 2024 comparado con el 2017"
# "¿hay más hombres que mujeres en Santiago?", "are there more women than men?": a yes-or-no the difference settles;
# never "¿qué país tiene más habitantes que Chile?", which asks for members
MORE_THAN_SAID = re.compile(r"\b(?:hay|habia|hubo|habra|are there|were there|is there|was there)\s+(?P<more>mas|menos|more|fewer|less)"
                            r"\s+\w+(?:\s+\w+){0,4}?\s+(?:que|than)\b")
WHICH_MEMBER_BEFORE = re.compile(r"\b(?:que|qu[eé]|cual|cuales|which|what|donde|where|cuant[oa]s?|how many)"
                                 r"(?:\s+\w+){0,2}\s*$")
# "How many micrograms per cubic meter above the world average was that?": a difference in the measure's unit, never
# a count of members ("how many countries are above the average")
HOW_MANY_ABOVE = re.compile(r"\b(?:cuant[oa]s?|how many|how much)\s+(?!(?:\w+\s+){0,5}?(?:paises|countries|comunas|regiones|"
                            r"regions|anos|years|meses|months|trimestres|quarters|dias|days)\b)(?:\w+\s+){0,5}?"
                            r"(?:above|below|por encima del?|por debajo del?|sobre|bajo)\s+(?:the|el|la|lo)\b")
# "¿cuántas personas más tiene Perú?" after Chile's, then Peru's: the difference of the last two, never Peru's figure
HOW_MANY_MORE_SAID = re.compile(r"\b(?:cuant[oa]s?|how many|how much)\s+(?:\w+\s+){0,3}?(?:mas|more|fewer|menos)\b"
                                r"(?!\s+(?:than|que|de|of)\b)(?!\s+\w+\s+(?:than|que)\b)")
# "the index itself, not the inflation rate", "el índice y no la variación": what is set aside is no topic or cue
# Read before folding, which drops the punctuation that ends what is set aside (never more than a few words).
NEGATED = re.compile(r"\b(?:not|rather than|instead of|as opposed to|(?:y |pero )?no(?: quiero| necesito| busco)?|"
                     r"(?:i )?don'?t want|(?:i )?do not want|en vez de|en lugar de)\s+"
                     r"(?:(?:todo|toda|todos|todas|all(?: of)?)\s+)?(?:the|a|an|its|el|la|los|las|su|sus|del|de la)\s+[^,;.:()?!¿¡]{1,40}?"
                     r"(?=\s*(?:[,;.:()?!¿¡]|\bsino\b|\bbut\b|$))", re.IGNORECASE)
# "No per cápita, el total": a word or two set aside, closed by a comma or a full stop (never "¿no hay datos…?")
# or a parenthesis ("(el total, no per cápita)")
NEGATED_BARE = re.compile(r"(?:^|(?<=[\s¿¡,.;(]))(?:not|no)\s+(?!counting\b|including\b|contando\b|incluyendo\b)(?:\w+|%)"
                          r"(?:\s+(?:\w+|%))?(?=\s*(?:[,;.)?]|$))", re.IGNORECASE)  # "not counting Brazil" leaves a member
# out; "en puntos, no en %" sets the percentage aside
NEGATED_WORD = re.compile(r"\b(?:no|non|not)\s+(\w+)")  # "población no urbana", "non-urban population"
# "life expectancy at age 60": an age no cue names, so a series for another age (at birth) answers another question
UNNAMED_AGE = re.compile(r"\b(?:(?:at age|at the age of|aged|(?<!\bllego )(?<!\bllega )(?<!\bllegaron )(?<!\bllegan )(?<!\bvez )"
                         r"a los|a la edad de|con edad de)\s+\d{1,3}\b"  # "llegó a los 80 años": a threshold
                         r"(?!\s*(?:-|a|al|to|y|and)?\s*\d)|"  # "aged 15-19": a band, which names the series
                         r"(?:personas|gente|poblacion|habitantes|people|population|persons|residents)\s+(?:de|aged|ages|of)\s+"
                         r"\d{1,3}(?:\s+(?:anos|years))?\s+(?:o|y|or|and)\s+(?:mas|older|over|above))|"  # "personas de 80 años o más"
                         r"\b(?:de|entre)\s+\d{1,2}\s+(?:a|y)\s+\d{1,2}\s+anos\b|"  # "niños de 5 a 9 años": no band of ours
                         r"\b\d{1,3}\s+(?:or older|and older|or over|years or older|years and older|anos o mas|anos y mas)\b")
# "80 or older": an age no series' band names (those that one names are read, and blanked, first)
PART_OF_YEAR = re.compile(rf"\b(?:{'|'.join(MONTHS)}|trimestre|quarter|semestre|[qt][1-4])(?: de| del| of)?\s*$")
THOUSANDS = re.compile(r"\b(\d+)\s?k\b", re.IGNORECASE)  # "per 100k live births"
# "menos de mil habitantes": a thousand said in words, where a value goes (not "dos mil", "mil millones")
# "más de la mitad de los chinos", "more than half of Brazilians": a share, over 50 %
# "double-digit inflation", "inflación de dos dígitos": 10 % or more
DOUBLE_DIGIT = re.compile(r"\b(?:double[- ]digits?|two[- ]digits?|de dos d[ií]gitos)\b", re.IGNORECASE)
HALF_ES = re.compile(r"\b(m[aá]s|menos) de la mitad\b", re.IGNORECASE)
HALF_PASSED_ES = re.compile(r"\b(super[oó]|supera|superaba|pas[oó]|sobrepas[oó]) la mitad\b", re.IGNORECASE)  # "superó la mitad"
HALF_EN = re.compile(r"\b(?:(more than|over|past|above|exceeds?|exceeded|surpass(?:es|ed)?|passed)|less than|under|below) half\b(?! (?:a|one) (?:percent|per cent))",
                     re.IGNORECASE)
# "¿es cierto que…?", "true?": a claim to check against the figure, whose number is no condition to meet
CLAIM_CHECKED = re.compile(r"\b(?:es cierto|es verdad|sera cierto|sera verdad|is it true|is that true|is this true|"
                           r"true or false|verdadero o falso|fact check|true|correct)\b")
# "Is unemployment in Spain still over 10%?", "¿la esperanza de vida en Chile ya pasa los 80?": the newest figure settles it
STILL_CHECKED = re.compile(r"\b(?:still|todavia|aun|sigue|siguen|ya)\b")
# "less than half a percent of GDP", "menos de medio punto porcentual": half of one percent
# "¿quién sumó más habitantes entre 2000 y 2020?": gained, never a sum of every year's figure
GAINED_MORE = re.compile(r"\bsum(?:ó|o|aron|aba|aban)\s+(m[aá]s|menos)\b", re.IGNORECASE)
# "esperanza vida >75", "comunas +300 mil hab": a comparison written as a sign before a number ("+2,5 %" is a signed
# value, no condition)
COMPARISON_SIGN = re.compile(r"(?:(?<=\s)|^)(>=|≥|=>|<=|≤|=<|>|<|\+)\s*(?=\d)(?![\d.,]*\s*%)")
SIGN_WORDS = {"es": {">": "más de", "+": "más de", "<": "menos de", ">=": "al menos", "≥": "al menos", "=>": "al menos",
                     "<=": "como máximo", "≤": "como máximo", "=<": "como máximo"},
              "en": {">": "more than", "+": "more than", "<": "less than", ">=": "at least", "≥": "at least",
                     "=>": "at least", "<=": "at most", "≤": "at most", "=<": "at most"}}
# "above half the population", "más de la mitad de la población": the whole the half is of, no measure of its own
HALF_OF_EVERYONE = re.compile(r"\b(mitad|half)(?: de la poblaci[oó]n| de los habitantes| of the population| the population|"
                              r" of (?:the )?people| the people)\b", re.IGNORECASE)
HALF_A_PERCENT = re.compile(r"\bhalf (?:a|one) (?:percent|per cent)\b|\bmedio (?:por ciento|punto porcentual)\b", re.IGNORECASE)
THOUSAND_WORD = re.compile(r"\b(de|del|los|las|a|al|than|over|under|sobre|bajo)\s+(?:mil|a thousand|one thousand)\b(?!\s+millones)",
                           re.IGNORECASE)
# "¿cuántos hogares más que Talcahuano tiene Concepción?": the place right after "que"/"than" is the one compared with
AFTER_THAN = re.compile(r"\b(?:que|than|ahead of|(?:le|les) falta(?:n|ba|ban)? a)(?:\s+(?:el|la|los|las|lo|en|de|del|the|in|of|that|those|comuna|region|pais|country))*\s*$")
# ("¿cuántos habitantes le faltan a Santiago para alcanzar a Puente Alto?": what Puente Alto has more)
# "cuántas personas viven por casa", "how many people per household": the household size, never the population
PEOPLE_PER_HOME = re.compile(r"\b(?:personas|gente|people|persons)\b(?:\s+\w+){0,3}?\s+(?:por|per|en cada|in each|in a|in every)\s+"
                             r"(?:casa|hogar|vivienda|household|home|house|dwelling)\b")
# "how many kids does a woman have?", "¿cuántos hijos tiene cada mujer?": the fertility rate, of no age group or sex
CHILDREN_PER_WOMAN = re.compile(r"\b(?:how many (?:kids|children|babies)|cuant[oa]s (?:hijos|ninos|guaguas|bebes|wawas))"
                                r"\b(?:\s+\w+){0,6}?\s+(?:woman|women|mujer|mujeres)\b")
CHILDREN_PER_WOMAN_WORDS = re.compile(r"kids|children|babies|hijos|ninos|guaguas|bebes|wawas|woman|women|mujer|mujeres|per|por|"
                                      r"cada|each|every|tiene|tienen|tenia|tenian|have|has|had|average|promedio")
# one person of a sex, where the years lived are asked ("cada mujer" of a fertility rate is no sex)
ONE_OF_A_SEX = re.compile(r"\b(?:una|la|un|el|a|the) (?:(mujer|woman)|hombre|man)\b")
# "¿y una mujer?", "and a man?": the last answer's measure for one sex
AND_ONE_OF_A_SEX = re.compile(r"^(?:y|and|what about|how about)\s+(?:para |for )?(?:una|un|a) (?:(mujer|woman)|hombre|man)\W*$")
# "¿en cuáles 3 una mujer tiene más hijos en promedio?": the measure is an average, the question a ranking
ON_AVERAGE = re.compile(r"\b(?:en promedio|on average)\b")
AS_A_WHOLE = re.compile(r"\b(?:en conjunto|as a whole|como un todo|como bloque|as a bloc)\b")
# "2025 respecto de 2024", "urban share in 1960 versus 1990": one year set against the other
YEAR_AGAINST_YEAR = re.compile(r"\b(?:19|20)\d\d\s+(?:respecto (?:de|a|al|del)(?: ano)?|comparad[oa] con|frente a|versus|vs|"
                               r"contra|compared (?:with|to)|against|over)\s+(?:el |the |en |in )?(?:19|20)\d\d\b")
# "the average exchange rate in 2020 and in 2021": each year's, the preposition said again, never one mean of both
EACH_OF_TWO_YEARS = re.compile(r"\b(?:in|en|for|para|del?) ((?:19|20)\d\d),? (?:and|y|e) (?:in|en|for|para|del?) "
                               r"((?:19|20)\d\d)\b")
# "¿cuántas veces mayor es…?", "how many times larger is…": the comparative belongs to the ratio, it ranks nothing
TIMES_COMPARED = re.compile(r"(?<=\bveces |\btimes )(?:es |son |is |are )?(?:mas |more )?"
                            r"(?:mayor(?:es)?|menor(?:es)?|grandes?|chic[oa]s?|alt[oa]s?|baj[oa]s?|ric[oa]s?|pobres?|"
                            r"car[oa]s?|larger|bigger|higher|smaller|lower|greater|richer|poorer)\b")
BY_HOW_MUCH_MORE = re.compile(r"\b(?:cuant[oa]s?|how many|how much)\s+(?:\w+\s+){0,14}?(?P<verb>(?:supera|superaba|supero|"
                              r"superan|superaron|superaban|se paso|se pasaba|exceeds?|exceeded|outnumbers?|outnumbered)"
                              r"(?: al?\b)?)\b(?!\s+(?:(?:el|la|los|las|the|a|al)\s+)?\d)")  # "¿por cuántas personas supera A a B?"; not "superaba el 15 %",
# a count's condition
# "¿cuál fue el país sudamericano con menos homicidios?": the one member at the top or bottom of its group
ONE_MEMBER_SAID = (r"(pais|country|region|comuna|economia|economy)\b(?:\s+\w+){0,7}?"  # "qué comuna de la región de
                   # Los Lagos tiene más…"
                   r"\s+(?:con|with|que tiene|que tuvo|que tenia|tiene|tuvo|tenia|hay|hubo|habia|that had|that has|had|"
                   r"has|spent|spending|spends|grew|grows|fell|falls|rises|lost|paid|was|were|is|are|will be|would be|fue|era|es|sera|seria|estara|tendra|\w+(?:ed|o|io|ia|aba)|"
                   r"(?:us|gast|emit|produc|consum|export|import|recib|invierte|pag|crec|viv|muer|aport|contribuy)(?:e|a|en|an)|"
                   r"contributes?)\s+"
                   # or a verb of its own: "which country emitted the most", "qué país usa más energía renovable"
                   r"(?:(?:el|la|los|las|the)\s+)?(?:[a-z]+\s+){0,6}?(?:mas|menos|"
                   r"mayor|menor|mayores|menores|mayoria|most|fewest|least|highest|lowest|largest|biggest|greatest|smallest|fastest|slowest|longest|shortest|"
                   r"more|less|top|"  # "which country was top that year?"
                   r"mejor|peor|best|worst|richest|wealthiest|poorest)\b")  # better or worse: agent/polarity.yaml
ONE_MEMBER = re.compile(r"(?:\b(?:el|la|que|cual|which|what|the)(?:\s+\w+){0,2}?\s+|^\W*)" + ONE_MEMBER_SAID)
# "la comuna más pobre de Chile", "el país más poblado": the member with most (or least) of what the adjective names
# ("el país más rico" names no measure: asked which; "richest country … by GDP per capita" ranks by it)
ASKED_ONE_MEMBER = re.compile(r"\b(?:que|cual|which|what)\s+" + ONE_MEMBER_SAID)  # "which comuna had…", the kind asked
ONE_MEMBER_ADJECTIVE = re.compile(r"(?:\b(?:el|la|the|su|its)\s+(?:(?:segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|second|third|"
                                  r"fourth|fifth)\s+)?|^\W*)(pais|country|region|comuna|economia)\s+(?:mas|menos|most|least)\s+"
                                  r"(?!\d|ric|rich|wealth)\w+"
                                  r"|\b(?:the\s+)?(?:most|least)\s+(?!rich|wealth)\w+\s+(country|region|comuna)\b"
                                  r"|\b(?:richest|wealthiest|poorest|most populous|least populous|most populated|"
                                  r"least populated|biggest|largest|smallest)\s+(?:[a-z]+\s+){0,2}?(country|region|comuna|economy)\b"
                                  r"|^\W*(?:(?:and|so)\s+)?(?:the\s+)?(?:highest|lowest|top)\s+(country|region|comuna)\W*$")
# ("highest country?" after a world figure: which country is highest)
AGAINST_MONTH = re.compile(rf"\b({MONTH_NAMES})\s+(?:de\s+|del\s+)?((?:19|20)\d\d)\s+((?:[^\s\d]+\s+){{0,6}}?)(?:{COMPARED_WITH}|with|con)\s+"
                           rf"(?:el\s+mes\s+de\s+)?({MONTH_NAMES})\b(?!\s+(?:{MONTH_NAMES})\b)"  # "mar-may 2020 vs mar-may 2025"
                           rf"(?:\s+(?:de\s+|del\s+)?((?:19|20)\d\d)\b)?")  # are two rolling quarters, not two months
# "el primer trimestre 2026 contra el primer trimestre 2025", "Q4 2025 vs Q4 2024": a change between two quarters
QUARTER_NUMBERS = {"primer": 1, "1er": 1, "1o": 1, "first": 1, "1st": 1, "segundo": 2, "2do": 2, "2o": 2, "second": 2,
                   "2nd": 2, "tercer": 3, "3er": 3, "3o": 3, "third": 3, "3rd": 3, "cuarto": 4, "4to": 4, "4o": 4,
                   "fourth": 4, "4th": 4}
QUARTER_SAID = (rf"(?:(?:el|the)\s+)?(?:({'|'.join(QUARTER_NUMBERS)})(?:\s+(?:trimestre|quarter))?|t([1-4])|([1-4])t|q([1-4]))"
                r"\s+(?:de\s+|del\s+|of\s+)?((?:19|20)\d\d)")
AGAINST_QUARTER = re.compile(rf"\b{QUARTER_SAID}\s+((?:[^\s\d]+\s+){{0,6}}?)(?:{COMPARED_WITH}|with|con)\s+{QUARTER_SAID}\b")
# "¿y contra abril?", "how much did it change from March?": one month, of no year, against the last answer's
AGAINST_ONE_MONTH = re.compile(rf"\b(?:{COMPARED_WITH}|from|desde)\s+(?:el\s+mes\s+de\s+)?({MONTH_NAMES})\b(?!\s+(?:de\s+|del\s+)?\d)")
# "¿vs mayo del año pasado?", "compared with 2020?" after an answer: from that period to the answer's; "and against the
# Latin America & Caribbean average?" after two places: the first one against that place
# "¿y sobre el de América Latina?", "and above the world's?": the same figure of another place, set against it
ABOVE_THE_OTHER = r"^\W*(?:y|and)\s+(?:(?:sobre|bajo)\s+(?:el|la)\s+(?:de|del|promedio)|(?:above|below|over|under)\s+the)\b"
OPENS_AGAINST = re.compile(rf"^\W*(?:(?:y|and)\s+)?(?:(?:eso|esto|that|this)\s+(?:\w+\s+){{0,3}}?)?(?:{COMPARED_WITH})\s|"
                           rf"^\W*(?:(?:y|and)\s+)?(?:how does (?:it|that|this) compare|como se compara(?: eso| esto)?)\s+"
                           rf"(?:with|to|con)\s|{ABOVE_THE_OTHER}")  # "¿y eso cuánto es vs mayo del año pasado?", "how does
# that compare with Q1 2025?"
RANGE_END = re.compile(rf"\b(?:{MONTH_NAMES})\s+$")  # what precedes the last month of a range ("mar may")
MONTH_SPAN = re.compile(rf"\b(?:{MONTH_NAMES})\s+({MONTH_NAMES})\b")  # "jan-mar", folded: a rolling quarter, named by
# its last month
FULL_MONTH = re.compile(rf"\b(?:{'|'.join(month for month in MONTHS if len(month) > 4 or month in ('mayo', 'june', 'july'))})\b")
# "¿qué región tuvo el PIB más grande? ¿Y la segunda?": the top two
# "the second most populous region", "el tercer país con más emisiones": the top three, the one asked last
ORDINAL_RANK = re.compile(r"\b(segund[oa]|second|2nd|tercer[oa]?|third|3rd|cuart[oa]|fourth|4th|quint[oa]|fifth|5th)"
                          r"(?:\s+|-)(?:\w+\s+){0,3}?(?:mas|mayor|menor|menos|most|largest|highest|biggest|lowest|"
                          r"smallest|least|fewest|richest|poorest)\b")
# "¿qué país quedó 3° en PIB per cápita?", "which country came third", "en el puesto 2": the top N, highest first
PLACE_WORD = r"(?:lugar|puesto|posicion|place|position)"
NTH = r"(?:primer[oa]?|first|1st|segund[oa]|second|2nd|tercer[oa]?|third|3rd|cuart[oa]|fourth|4th|quint[oa]|fifth|5th)"
PLACED_NTH = re.compile(rf"\b(?:(?:qued\w*|ocup\w*|salio|came|rank|ranked|ranks|finished|placed)\s+(?:en\s+|in\s+)?(?:el\s+|the\s+)?"
                        rf"(?:{PLACE_WORD}\s+(?:n\s+|numero\s+|number\s+)?)?(?P<after_verb>{NTH}|[1-9]o?)\b"
                        rf"|{PLACE_WORD}\s+(?:n\s+|numero\s+|number\s+)?(?P<after_place>[1-9])\b"
                        rf"|(?P<before_place>{NTH}|[1-9]o)\s+{PLACE_WORD}\b)")
# "the five biggest CO2 emitters", "los principales exportadores": countries, named by what they do
AGENTS_RANKED = re.compile(rf"\b(?:(\d+|{'|'.join(NUMBER_WORDS)})\s+)?(?:biggest|largest|top|main|leading|mayores|principales|"
                           r"mas grandes)\s+(?:\w+\s+){0,2}?(?:emitters|emisores|producers|productores|exporters|exportadores|"
                           r"importers|importadores|polluters|contaminadores|consumers|consumidores)\b")
ASKED_MEMBER = re.compile(r"\b(?:que|cual|which|what)\s+(pais|country|region|comuna)\b")  # "which comuna came second"
ORDINALS = {"primer": 1, "primero": 1, "primera": 1, "first": 1, "1st": 1, "segundo": 2, "segunda": 2, "second": 2, "2nd": 2, "tercer": 3, "tercero": 3, "tercera": 3, "third": 3,
            "3rd": 3, "cuarto": 4, "cuarta": 4, "fourth": 4, "4th": 4, "quinto": 5, "quinta": 5, "fifth": 5, "5th": 5}
AND_THE_NEXT = re.compile(r"\b(?:y|and)\s+(?:(?:la|el|the)\s+(?:(segund[oa]|second)|(tercer[oa]?|third))\b|"
                          r"(?:(segund[oa]|second|2nd)|(tercer[oa]?|third|3rd))(?:\s+(?:one|place|lugar|puesto))?\W*$)")
# ("and second?": said alone)
ECONOMIES = {"economia", "economias", "economy", "economies"}  # countries, said as their economies
# "las 3 economías más grandes", "the five largest economies": countries ranked, never "Latin American economies" said
# in passing
ECONOMIES_RANKED = re.compile(r"\b(?:las|the|\d{1,2}|top)\s+(?:[a-z]+\s+)?economias\b|\beconomias\s+(?:mas|menos)\b|"
                              r"\b(?:largest|biggest|smallest|richest|poorest|top|\d{1,2})\s+economies\b")
ONE_MEMBER_KINDS = {"pais": "country", "country": "country", "region": "cl_region", "comuna": "cl_comuna",
                    "economia": "country", "economy": "country"}  # "la economía más grande": a country
# "where do most people live in Chile?", "¿dónde hay más pobreza?": the member of the place (Chile's regions) where the
# measure is highest, never the place's own figure
WHERE_MOST = re.compile(r"^\W*(?:y\s+|and\s+)?(?:where|en donde|donde)\b\D{0,50}?"
                        r"\b(?:most|mas|mayoria|mayor parte|highest|lowest|largest|fewest|least|menos)\b")
# "¿y cuál queda último en Sudamérica?", "which one came last?", "who was first?": one member, at an end
ONE_AT_AN_END = re.compile(r"\b(?:qued[oa]|queda|esta|estuvo|fue|es|va|iba)\s+(?:en\s+)?(?:el\s+)?ultim[oa]\b|"
                           r"\ben (?:el )?ultimo lugar\b|\b(?:came|comes|ranked|finished|is|was) last\b|\blast place\b|"
                           r"^\W*(?:which was highest|cual fue el mas alto)\W*$")
MEMBERS_WITHIN = {"country": "cl_region", "cl_region": "cl_comuna", "cl_province": "cl_comuna", "group": "country",
                  "un_region": "country", "aggregate": "country"}
# "niños menores de 5 años", "mayores de 18 años": an age the measure is of, never a ranking
AGE_BOUND = re.compile(r"\b(?:menores|mayores) de (?:\d+|[a-z]+) anos?\b")  # "menores de un año": infants
# "desempleo por región", "Gini for each Chilean region", "población de cada comuna": every member, not the whole
BREAKDOWN = re.compile(r"\b(?:por|cada|each|every|by|per|de todas las|de todos los|all(?: the)?)\s+(?:\w+\s+)?"
                       r"(pais|paises|country|countries|region|regiones|regions|comuna|comunas|provincia|provincias|"
                       r"province|provinces)\b")
BREAKDOWN_KINDS = {**MEMBER_WORDS, **ONE_MEMBER_KINDS, "regions": "cl_region", "provincia": "cl_province",
                   "province": "cl_province"}
INCLUDED = re.compile(r"\b(?:incluye|incluyendo|incluidos?|incluidas?|including|includes|included)\b")
# "Sin contar la Región Metropolitana, ¿qué región…?", "excluding Chile": a member left out, not a place asked
EXCLUDING = re.compile(r"\b(?:sin contar|sin considerar|dejando fuera|dejando afuera|excluyendo|excluido|excluida|excepto|"
                       r"salvo|aparte de|fuera de|descontando|despues de|after|excluding|except for|except|other than|apart from|"
                       r"not counting|leaving out|leaving aside|leaving|leave out|leave aside|leave|dejando de lado|sacando|sacas|"
                       r"sacamos|quitando|quitas|sin|without)\s+((?:a|al|la|el|los|las|the)\s+)?"
                       r"(?P<named>)(?:(?:comuna|region|pais|country)\s+(?:de\s+|del\s+|of\s+)?)?")  # "the comuna of Santiago"
# "if you take Argentina out", "si dejas a Perú fuera": a member left out, said around its name
TAKEN_OUT = re.compile(r"\b(?:take|takes|taking|leave|leaving|dejas|dejamos|dejando)\s+(?:a\s+)?([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+"
                       r"(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)?)\s+(?:out|fuera|afuera)\b")
# "los países de Sudamérica menos Perú", "todas las regiones menos la RM": members of a group but one, not a
# difference of two figures
MEMBERS_BUT = re.compile(r"\b(?:paises|regiones|comunas|economias|todos|todas)\b(?:\s+\w+){0,4}?\s+(menos)\s+"
                         r"((?:a|al|la|el|los|las)\s+)?")
# Who asks and why, before the question ("Para un trabajo del colegio:", "Journalist here."): never a place, a
# period or a name (no digit, no capital after its first word), so nothing of the question goes with it.
# Who asks and why, before the question: up to a colon, a full stop, a dash, a comma before a question word or "y
# necesito (saber)" ("Soy periodista y necesito…", "student here - how many…", "Estoy haciendo un trabajo para el
# colegio y necesito saber…", "Estoy armando el presupuesto, cuál fue…")
PREAMBLE = re.compile(r"^\s*(?i:(?:hola|hi|hello|buenas tardes|buenas noches|buenos d[ií]as|buenas|wena|oye|good morning|"
                      r"good afternoon)\s*[!,.]?\s*)?(?i:pa(?:ra)? (?:un|una|mi)|for (?:a|an|my)|estoy|i'?m|i am|"
                      r"working on|trabajo en|soy|journalist|periodista|una consulta|consulta|quick (?:one|question)|"
                      r"pregunta|question|\w+ here)\b[^:.?¿!A-ZÁÉÍÓÚÑ\d]{0,80}?(?:[:.]|\s[-–]|,(?=\s+¿?(?i:cu[aá]l|cu[aá]nt[oa]s?|"
                      r"qu[eé]|c[oó]mo|cu[aá]ndo|d[oó]nde|what|how|which|when|where)\b)|(?i:\s(?:(?:y|and)\s+)?(?:necesito|"
                      r"quiero|me gustaria|me gustaría|i need|i want|i'd like)\b(?:\s+(?:saber|to know))?))\s+(?=\S)")
# Context around the question: a lead-in before a colon ("cacho una duda:", "For a piece on Ecuador's dollarized
# economy:") or a parenthesis ("Colina (Santiago's northern suburbs)")
ASIDE = re.compile(r"^[^:?¿]{0,120}:(?!\d)|\([^()]{0,120}\)"
                   r"|(?<=\?)[^?¿]{3,120}$")  # "…in March 2021? Pandemic year, I'm writing a piece on it": said after
# A lead-in that says what the answer is for ("For a piece on water stress in the Andes:") or who asks ("fui
# profesor de historia y me interesa Cuba:"): context, every word
ASKER_CONTEXT = re.compile(r"\b(?:for|para|pa|duda de|pregunta de|consulta de)\s+(?:(?:a|an|my|our|un|una|mi|nuestro|nuestra)\s+)?"
                           r"(?:piece|story|article|report|paper|thesis|class|project|tesis|reportaje|articulo|artículo|nota|"
                           r"informe|trabajo|tarea|clase|proyecto)\b|"
                           r"\b(?:soy|fui|trabajo como|trabajé como|trabaje como|i am an?|i'm an?|i was an?|i work as an?)\s+"
                           r"(?:un |una )?(?:profesor|profesora|periodista|estudiante|enfermera|enfermero|economista|"
                           r"ingeniero|ingeniera|funcionario|funcionaria|jubilado|jubilada|teacher|journalist|student|"
                           r"nurse|economist|engineer|official|retiree|analyst|analista)\b", re.IGNORECASE)
# A lead-in before the question proper, up to a colon or before "y necesito" ("Hola, trabajo en la Dirección de
# Planificación … y necesito la población…", "Necesito el PIB trimestral para una guía: ¿cuánto fue…?")
LEAD_IN = re.compile(r"^(?P<lead>[^?¿:]{8,200}?)(?::\s*|\s+(?:(?:y|and)\s+)?(?=(?:necesito|requiero|solicito|quiero saber|"
                     r"quisiera saber|quisiera conocer|me gustar[ií]a saber|i need|i'd like to know|i want to know|"
                     r"i would like to know)\b))(?P<rest>\S.{8,})$",
                     re.IGNORECASE | re.DOTALL)
SPAN_SAID = {"entre", "between"}  # a series' words that may join two places instead
BETWEEN_PLACES = re.compile(r"\b(?:entre|between)\s+(?:\w+\s+){1,4}?(?:y|and)\b")
# "¿…desde el 2000? tengo q armar una presentación": a sentence after the question that asks nothing
AFTERWORD = re.compile(r"^(?P<question>.*\?)\s*(?P<after>[^?¿]{3,200})$", re.DOTALL)
# "¿la comuna tiene más adultos mayores que la región?": two places compared, never one's place in a ranking
MORE_THAN_THE_OTHER = re.compile(r"\b(?:mas|menos|more|less|fewer|mayor|menor|higher|lower)\b(?:\s+\w+){0,5}?\s+(?:que|than)\s+"
                                 r"(?:el|la|los|las|the)\b")
AVERAGE_WORD = r"(?:promedio|media|average|mean)"
# "mayor que el promedio de América Latina", "above the world average": a figure against an average
AGAINST_AN_AVERAGE = re.compile(r"\b(?:mayor|menor|mas alt[oa]|mas baj[oa]|superior|inferior|higher|lower|above|below|"
                                r"sobre|bajo|encima|debajo|versus|vs)\s+(?:(?:que|than|de|del|a|al)\s+)?(?:el |la |the )?"
                                rf"{AVERAGE_WORD}\b")
# "¿el desempleo de Chile fue mayor (o menor) que el del mundo?": one place's figure against another's
AGAINST_A_PLACE = re.compile(r"\b(?:mayor|menor|mas alt[oa]|mas baj[oa]|superior|inferior)\s+(?:o\s+(?:mayor|menor|mas alt[oa]|"
                             r"mas baj[oa]|superior|inferior)\s+)?(?:que|a|al)\s+(?:(?:el|la|los|las)\s+)?(?:de|del)\b")
# "¿es mayor al promedio mundial?", "was it higher…": a yes-or-no question about a figure
IS_IT = re.compile(r"^\W*(?:(?:y|and|pero|but|so|entonces)\s+)?(?:es|esta|fue|era|estaba|is|was)\b")
# "dame el nacional no más", "the national one then": the whole country, said of the last answer's measure
COUNTRY_TOTAL = re.compile(r"\b(?:el total del pais|la poblacion (?:censada )?total del pais|the (?:country's|country s) total|"
                           r"the total for the country)\b")
NATIONAL = re.compile(r"\b(?:(?:el|la) (?:dato |cifra |tasa |total |promedio )?nacional|the national (?:total|average)|the national (?:one|figure|rate|number|data)|"
                      r"a nivel (?:pais|nacional)|nationwide|at (?:the )?national level)\b|" + COUNTRY_TOTAL.pattern + "|"
                      r"(?:(?<=\bpib )|(?<=\bdesempleo )|(?<=\bdesocupacion )|(?<=\bpoblacion ))nacional\b|"  # "¿y el PIB
                      # nacional?", "la tasa de desocupación nacional"
                      r"\bnational(?= (?:gdp|unemployment|population)\b)")
# "¿y cuánta gente tiene la región completa?" after the region's top comuna: the region itself
WHOLE_GROUP = re.compile(r"\b(?:(?:la|the) (?:region|country|comuna|provincia|province) (?:completa|entera|as a whole)|"
                         r"toda la region|toda la provincia|todo el pais|"
                         r"the (?:whole|entire) (?:region|country)|(?:el )?total de la region|the region's total|as a whole|"
                         rf"en su conjunto|(?:el|del) pais (?:completo|entero))\b|{NATIONAL.pattern}|"
                         # "la región, según la proyección del INE" after Valparaíso: the region, not the comuna
                         r"^\W*(?:(?:no|ya|y|and|i mean|me refiero a)\W+)*(?:la|the) (?:region|provincia|province|comuna)"
                         r"(?=\s*$|\s+(?:segun|according|nomas|no|mejor|instead|entonces|then|por favor|porfa|please)\b)")
# "o sea, ¿cuántas veces más?" opens a follow-up; said after a measure, "o sea" explains it (EXPLANATION)
OPENING_SO = re.compile(r"^\W*(?:o sea|osea|es decir)\b\W*", re.IGNORECASE)
# "¿qué año creció más?": the period with most of what the verb says, asked without "en"
WHICH_PERIOD_MOST = re.compile(r"\b(?:que|cual|which|what) (?:ano|mes|trimestre|year|month|quarter) (?:\w+ ){1,2}?"
                               r"(mas|menos|most|least|less|more)\b")
# "total population (men and women)": both sexes, explained, never a comparison of the two
BOTH_SEXES_SAID = re.compile(r"\(\s*(?:men and women|women and men|hombres y mujeres|mujeres y hombres)\s*\)", re.IGNORECASE)
# "la total (pública + privada)": the parts a total adds up, which name no part alone
TOTAL_OF_PARTS = re.compile(r"\btotal\s*\([^()]*(?:\+|\by\b|\band\b|\bm[aá]s\b)[^()]*\)", re.IGNORECASE)
# What explains a measure: a parenthesis, or what follows "o sea" / "i.e." up to the end of the sentence
EXPLANATION = re.compile(r"\([^()]*\)|\b(?:o sea|es decir|vale decir|i\.e\.|that is,|i mean)[^?.;]*", re.IGNORECASE)
# A sentence said before the question ("Voy a abrir un negocio en Pucón. ¿Cuánta gente vive allá?")
# ("Me interesa el PIB de Concepción en 2023. ¿Lo tiene?" asks in its first sentence: no context)
CONTEXT_SENTENCE = re.compile(r"^(?!\s*(?:me interesa|quiero saber|quisiera saber|necesito|busco|i(?:'m| am) interested in|"
                              r"i (?:want|need|would like|'d like)(?: to know)?)\b)[^?¿]{0,160}[.!]\s*(?=¿|(?:what|how|which|when|where|who|is|are|was|were|do|does|did|"
                              r"in which|in what|by what|by how|on which|during which|for which|could|can|would|please|"
                              r"tell me|show me|give me|list|(?:me )?podr[ií]as|(?:me )?puedes|dame|dime|mu[eé]strame|"
                              r"necesito|quisiera|me gustar[ií]a|"
                              r"according to|seg[uú]n|de acuerdo (?:con|a)|using|con datos)\b)",
                              re.IGNORECASE)
# "los promedios anuales de 2019 a 2021", "yearly averages": each year's figure (a year of a monthly series is its
# mean), never one mean over every month; "crecimiento promedio anual 2010-2020" is one mean of the years
EACH_YEARS_MEAN = re.compile(r"\b(?:promedios? anuales|promedios? de cada ano|promedios? por ano|(?:annual|yearly) averages|"
                             r"averages? (?:of|for) each year|each year'?s average)\b")
# "Luxembourg vs France - ratio?", "and the ratio?": the two places' ratio, said alone at the end, never a measure named
# "ratio" ("the dependency ratio?")
LONE_RATIO = re.compile(r"(?:[-–—,:]|\b(?:and|y|the|el|la|their|su)\b)\s*(ratio|cociente|raz[oó]n)\s*[?.!]*\s*$", re.IGNORECASE)
# "¿y los 40 mil?" after the first month above 30 mil: the same condition with that number
NUMBER_ALONE = re.compile(r"^\W*(?:y|and|what about|how about|qu[eé] tal)[\s,]+(?:(?:del|de los|de las|de la|de|al|a los|a las|"
                          r"los|las|el|la|the|of|at|to)\s+)?(\d+(?:[.,]\d+)*)\s*"
                          r"(mil millones|billones|billions?|mil|millones|thousand|millions?)?\s*(%|por ciento|percent)?\s*(?:pesos|d[oó]lares|dollars)?"
                          r"(?:\W*(?:cu[aá]ndo|when|en qu[eé] (?:a[nñ]o|mes))(?: fue| pas[oó]| was (?:it|that)| did it)?)?\W*$")
# ("y los 30 mil cuando fue?": the same, asked again; "y Indonesia, del 40%?": another place, with that number)
# "¿y con un umbral de 15?", "but with an 80% threshold": a new line for the last condition
AMOUNT = r"(\d+(?:[.,]\d+)*)\s*(mil|millones|thousand|million)?\s*(%|por ciento|percent)?"
NEW_THRESHOLD = (re.compile(rf"\b(?:umbral|threshold|cutoff)\s+(?:de|of|at)\s+{AMOUNT}"),
                 re.compile(rf"(?<![\w.,]){AMOUNT}\s+(?:threshold|cutoff|umbral)\b"))
# "y muéstrame el promedio anual 2019, 2020 y 2021": "anual" says how the average is taken, no measure of its own
ANNUAL_AVERAGE = re.compile(r"\b(?:promedio|average) (anual|annual)\b|\b(annual|yearly)(?= average\b)")
# "2019, 2020 y 2021": years named one by one, never a span ("entre 2019 y 2021")
YEARS_LISTED = re.compile(r"(?<!\bentre )(?<!\bbetween )\b(?:19|20)\d\d(?:\s*,\s*(?:19|20)\d\d)*\s*(?:,|\by\b|\band\b|\be\b)\s*"
                          r"(?:19|20)\d\d\b")
# A question word: a remark holding none asks nothing ("esa fue harto más alta"); "which year was higher" asks
QUESTION_WORD = re.compile(r"\b(?:que|cual|cuales|cuanto|cuanta|cuantos|cuantas|cuando|donde|como|quien|which|what|how|when|where|"
                    r"who|why|por que)\b")
# "¿y el 2022? ese año los precios estaban por las nubes": a remark on what was asked, after a follow-up, names nothing
TRAILING_REMARK = re.compile(r"\?\s*([^?¿]*\b(?:estaba|estaban|era|eran|fue|fueron|estuvo|estuvieron|was|were)\b[^?¿]*)$",
                             re.IGNORECASE)
# "¿En qué año…superó…? Mi profe dijo que fue en 2011 pero creo que fue antes": a claim after the question, to be
# checked by the answer, never part of what is asked
TRAILING_CLAIM = re.compile(r"[?.!]\s*([^?¿.!]*\b(?:dijo|dice|dicen|dijeron|decia|creo que|pienso que|pensaba que|pense que|me parece que|"
                            r"no estoy segur[oa]|supuestamente|said|says|"
                            r"told me|i think|i believe|i thought|i'd guess|i guess|apparently)\b[^?¿]*)$",
                            re.IGNORECASE)
# "Low?", "¿y el mínimo?": one end named alone, after an answer
BARE_END = re.compile(r"^\W*(?:(?:and|y)\s+)?(?:(?:the|el|la)\s+)?(low|high|min|max|bajo|alto|minimo|maximo)\W*$")
HOW_MUCH_ASKED = re.compile(r"\b(?:cuant[oa]s?|how (?:much|many))\b")
MIN_TOPIC_OUTSIDE_SENTENCE = 2  # known words the question must name for the sentence before it to be context
# ... or one word that names a measure on its own ("¿Cuánto fue la inflación…?"), after a story this long: never a
# topic said alone before a question ("Desempleo juvenil. ¿Cuál es la tasa?")
STORY_WORDS = 8
# Why it is asked, after the question ("… para una rendición de cuentas", "es pa calcular una multa antigua"): never
# a place, a period or a name (no digit, no capital), so nothing of the question goes with it
PURPOSE = re.compile(r"[,;]?\s*\b(?:es |is )?(?:pa|para|for)\s+(?:(?:un|una|mi|my|a|an|el|la|the)\s+(?:trabajo|informe|tarea|"
                     r"tesis|reportaje|articulo|artículo|nota|presentaci[oó]n|rendici[oó]n|clase|curso|proyecto|report|"
                     r"paper|essay|article|piece|story|class|project|presentation|assignment|homework)|calcular|"
                     r"compute|calculate)\b[^?¿.:\dA-ZÁÉÍÓÚÑ]{0,60}[?.!]*\s*$")
# "Countries only, not regional groupings.", "Leave out regional aggregates": what every ranking of countries does
COUNTRIES_ONLY = re.compile(r"[,;.]?\s*\b(?:(?:countries|territories|countries or territories|pa[ií]ses) only|only "
                            r"(?:countries|pa[ií]ses)|s[oó]lo pa[ií]ses)\b[,;]?(?:\s*(?:not|no|sin)\s+(?:the\s+|los\s+)?(?:regional\s+)?"
                            r"(?:groupings|groups|aggregates|agregados|regiones)(?:\s+regionales)?)?|[,;.]?\s*\b(?:leave out|leaving out|"
                            r"excluding|exclude|without|sin contar|sin|excluye|excluyendo|deja fuera)\s+(?:the\s+|los\s+)?"
                            r"(?:regional\s+)?(?:aggregates|groupings|agregados)(?:\s+regionales)?\b", re.IGNORECASE)
# "…, y cuánta gente tiene cada una?": the figures of the places answered, which every answer gives ("¿y cuántos
# hogares hay en cada una?" names another measure)
EACH_ONES_FIGURE = re.compile(r"[,;]?\s*\b(?:y |and )?(?:cu[aá]nt[oa]s?|how (?:much|many))\s+"
                              r"(?:(?:gente|personas|habitantes|poblaci[oó]n|people|inhabitants|population)\s+)?(?:tiene|tienen|"
                              r"ten[ií]a|ten[ií]an|fue|fueron|es|son|hay|has|had|have|was|were|is|are)\s+(?:en |in )?"
                              r"(?:cada una?|cada uno|each(?: one| of them)?)\b", re.IGNORECASE)
# "dime el año y la tasa", "dame el ratio", "tell me the year and the rate": what every answer shows, asked of its form
# "¿y en la del 2000? ¿era más alto o más bajo?": set against the last answer, which showing both figures does; no ranking
HIGHER_OR_LOWER = re.compile(r"[¿?,;.]*\s*\b(?:(?:era|fue|es|sera|was|is|were)\s+)?(?:m[aá]s alt[oa]s?\s+o\s+m[aá]s baj[oa]s?|"
                             r"m[aá]s baj[oa]s?\s+o\s+m[aá]s alt[oa]s?|mayor\s+o\s+menor|higher\s+or\s+lower|"
                             r"lower\s+or\s+higher)\b\s*\??", re.IGNORECASE)
SINCE_A_DECADE = re.compile(r"\b(?:desde|since|from) (?:los|las|the)(?: anos)? (?:[5-9]0|19[5-9]0|20[0-2]0)s?\b")  # "desde los 90"
GREW_MORE = re.compile(r"\b(?:grew|grow|grows|rose|increased|added|gained|climbed|crecio|crecieron|crecer|subio|subieron|aumento|aumentaron|"
                       r"sumo|sumaron|gano|ganaron|aged|envejecio|envejecieron|fell|dropped|declined|cayo|cayeron|bajo|"
                       r"bajaron)\b(?:\s+\w+){0,4}?\s+(?:more|faster|mas|the most|most|fastest)\b")
# "¿cómo cerró el cobre el 2024?", "how did copper close in 2024?": its value at the end of that year (never "Cerro
# Navia en 2024", a comuna)
CLOSED_IN = re.compile(r"\b(?:cerr[oó]|closed?)\s+(?:((?:el|la|los|las|the|it)\b.{0,20}?)\s+)?(?:el|en|in)\s+"
                       r"(?:(?:año|ano|year)\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
HOW_MUCH_CHANGED = re.compile(r"\b(?:cuanto|how much|by how much|by what percent(?:age)?)\s+(?:\w+\s+)?(?:cayo|crecio|subio|"
                              r"bajo|vario|aumento|disminuyo|cambio|fell|grew|rose|dropped|changed|declined|increased|"
                              r"decreased|did it (?:fall|grow|rise|drop|change))\b")
PARTS_ADDED = re.compile(r"\b(?:sumando|sumados|sumadas|suma de|summing|sum of|adding up|added up)\s+(?:los |las |the )?"
                         r"(?:\w+ )?(?:trimestres|meses|quarters|months)\b")  # "sumando los cuatro trimestres"
IN_TOTAL = re.compile(r"\b(?:en total|in total|en conjunto|acumulad[oa]|cumulative|overall)\b")
# "¿está más alto o más bajo que hace un año?": a question of the last answer's figure, opened by its verb
ABOUT_THE_LAST = re.compile(r"^\W*(?:esta|estaba|es|era|fue|is|was|is it|was it)\s+(?:mas|mayor|menor|higher|lower)\b")
SHOW_ME_BOTH = re.compile(r"[,;.]?\s*\b(?:y |and )?(?:dime|dame|muestrame|muéstrame|indica|ind[ií]came|tell me|give me|show me)\s+"
                          r"(?:(?:el|la|the)\s+(?:a[nñ]o|year|mes|month|fecha|date|per[ií]odo|period)\s+(?:y|and)\s+)?"
                          r"(?:el|la|the)\s+(?:tasa|valor|cifra|dato|n[uú]mero|ratio|cociente|rate|value|figure|number)"
                          r"\s*[?.!]*\s*$", re.IGNORECASE)
# "subtract imports from exports", "réstale las importaciones a las exportaciones": the second named minus the first
SUBTRACT_FROM = re.compile(r"\b(?:subtract|subtracting|deduct|deducting)\s+(?P<minus>[^?.!;]+?)\s+from\s+(?P<whole>[^?.!;]+)"
                           r"|\b(?:restar|restando|r[eé]stale|restarle|restandole|rest[aá]ndole)\s+(?P<minus_es>[^?.!;]+?)"
                           r"\s+a\s+(?P<whole_es>[^?.!;]+)", re.IGNORECASE)
# "In which year was inflation the highest, and what was the rate?": the figure every period or ranking answer gives
AND_ITS_FIGURE = re.compile(r"[,;]?\s*\b(?:y|and)\s+(?:what|which|cu[aá]l|cu[aá]nto)\s+(?:was|is|fue|era|es)\s+(?:(?:the|its|el|la|"
                            r"su)\s+(?:rate|value|figure|level|number|price|amount|tasa|valor|cifra|nivel|dato|precio|monto)|"
                            r"(?:it\s+)?(?:that year|in that year|then|ese a[nñ]o|en ese a[nñ]o|entonces))\s*[?.!]*\s*$",
                            re.IGNORECASE)  # "…, and what was it that year?"
# "In which year did the economy grow the most, and by how much?": the period's figure, which its answer gives
AND_HOW_MUCH = re.compile(r"[,;]?\s*\b(?:y|and)\s+(?:by how much|how much|por cu[aá]nto|en cu[aá]nto|a cu[aá]nto lleg[oó])"
                          r"\s*[?.!]*\s*$", re.IGNORECASE)
# "What's the most recent Gini index…, and for which year?": the period every answer of the latest value gives
AND_ITS_PERIOD = re.compile(r"[,;]?\s*\b(?:y|and)\s+(?:for |from |of |in |de |del |en )?(?:which|what|qu[eé]|cu[aá]l)\s+"
                            r"(?:year|a[nñ]o|month|mes|date|fecha|period|per[ií]odo)(?: is it| es| fue| was it| corresponde)?"
                            r"\s*[?.!]*\s*$", re.IGNORECASE)
WHICH_PERIOD_ASKED = re.compile(r"\b(?:en que|in which|in what|which|what|que|cual)\s+(?:\w+\s+)?(?:ano|mes|year|month|"
                                r"trimestre|quarter|dia|day|fecha|date)\b|\b(?:cuando|when)\b")
WHICH_ONE = re.compile(r"\b(?:en que|in which|in what|which|what|que|cual)\s+(?:\w+\s+){0,2}(?:ano|anos|mes|year|month|pais|country|"
                       r"region|comuna|trimestre|quarter|dia|day|fecha|date)\b|\b(?:cuando|when)\b")
# "US GDP per capita", "the U.S.": the country, which folding would make the pronoun "us" (not "US$", "US dollars")
UNITED_STATES = re.compile(r"\bU\.?S\.?(?=[\s'’,?]|$)(?!\s+dollars?\b)")
# "de mayor a menor", "de la tasa más alta a la más baja", "from the highest rate to the lowest": the end said first
SAID_BY = r"(?:(?:la|el|los|las|the) )?(?:(?!a |al |to )\w+ )?"  # "de la tasa más alta", "from the highest rate"
DESCENDING = re.compile(rf"\b(?:(?:de|del) )?{SAID_BY}(?:mayor|mas alt[oa]s?) al? {SAID_BY}(?:menor|mas baj[oa]s?)\b|"
                        r"\blower (?:middle|secondary)\b|"  # "lower middle income", "lower secondary": names, no order
                        rf"\b(?:from )?{SAID_BY}(?:highest|largest|biggest|most|high|longest)(?: \w+)? (?:to|-) ?(?:the )?"
                        r"(?:lowest|smallest|least|low|shortest)\b")
# "de mayor a menor, los 3 primeros", "from lowest to highest": an order, never a condition on a number after it
ORDER_PHRASE = re.compile(rf"\b(?:(?:de|del) )?{SAID_BY}(?:mayor|menor|mas alt[oa]s?|mas baj[oa]s?) al? {SAID_BY}(?:mayor|menor|"
                          r"mas alt[oa]s?|mas baj[oa]s?)\b|"
                          rf"\b(?:from )?{SAID_BY}(?:highest|lowest|largest|smallest|most|least)(?: \w+)? (?:to|-) ?(?:the )?"
                          r"(?:highest|lowest|largest|smallest|most|least)\b")
# An age and up said with a plus sign ("ppl 65+"): folding would drop the sign
AND_OVER = re.compile(r"\b(\d{1,3})\+(?![\d+])")
# Words a percent sign said as a word follows ("qué % de", "como % del PIB"); after others it says "in percent"
WORDS_BEFORE_PERCENT = {"que", "what", "como", "as", "en", "in", "un", "el", "the", "a", "cuanto", "how", "much", "del", "of",
                        "de", "por", "by", "q"}  # "q %": chat shorthand for "qué %"
RATE_PERIODS = {"annual", "anual", "yearly", "anuales"}  # "(annual %)", "(% anual)" read as "anual %" too
NEGATIONS = {"no", "not", "ni", "sin"}
# A percent sign that is no number's ("¿qué % de sus exportaciones…?"), said as the word
CHANGE_NOUNS = {"cambio", "variacion", "var", "change", "chg", "aumento", "alza", "subida", "caida", "baja", "reduccion",
                "increase", "decrease", "rise", "drop", "fall"}  # "cambio %": a change asked in percent
PERCENT_SIGN = re.compile(r"(?<![\d.,])(?<![\d.,] )%|(?<=\b(?:19|20)\d\d )%")  # "antofagasta 2024 % del pib": a year's
LAST_TIME = re.compile(r"\b(?:ultima vez|last time|ultimo ano en (?:el )?que|ultimo mes en (?:el )?que|"
                       r"last year (?:in which|when|that)|last month (?:in which|when|that)|"
                       r"(?:when|what|which) (?:was|is) the last (?:year|month|quarter|time))\b")  # "when was the last year…"
ARTICLED_NAME = re.compile(r"(?<=\b(?:de|en|in|of) )(?:El|La|Los|Las)\s+([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)")
PLACE_LIKE = re.compile(r"\b(?:de|del|en|of|in|for)\s+([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)")
# "the state of São Paulo": a name of several capitalised words, one of them no known word
NAME_OF_WORDS = re.compile(r"\b(?:de|del|en|of|in|for)\s+([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+){1,2})")
GROWTH_VERB = re.compile(r"\b(?:grow|grows|grew|grown|growing|crec\w*|expand(?:ed|s)?|contract(?:ed|s)?|shr[ai]nk|shrank)\b")
SEX_COUNTED = re.compile(r"\b(?:cuant[oa]s (?:mujeres|hombres|varones)|how many (?:women|men|females|males)|"
                         r"(?:porcentaje|proporcion|percentage|share|percent) (?:de|of) (?:mujeres|hombres|women|men))\b")
HOW_MANY_PEOPLE = re.compile(r"\b(?:cuant[oa]s (?:habitantes|personas)|cuanta gente|how many (?:people|inhabitants|residents))\b")
IN_POINTS = re.compile(r"\b(?:percentage points|puntos porcentuales|points|puntos|pp)\b")
FITS_IN = re.compile(r"\b(?:cabe|caben|cabria|fits?|goes) (?:\w+ ){0,6}?(?:en|into|in)\b")
BOTH_WORDS = {"both", "ambos", "ambas", "two", "dos", "each", "cada"}
BARE_ARTICLES = {"el", "la", "los", "las", "del", "the", "in", "en"}  # left of a period read and taken out
BETWEEN_THE_TWO = re.compile(r"\b(?:entre|between) (?:los dos|las dos|ambos|ambas|the two|both)\b|\bboth together\b|"
                             r"\b(?:los|las) dos (?:juntos|juntas)\b")
CENSUS_SHORT_YEAR = re.compile(r"\b(censo|census)\s*'?(\d\d)\b(?!\s*(?:%|por ciento|percent))", re.IGNORECASE)  # "censo 24"
OVER_ONE_PERIOD = re.compile(r"\b(?:en|in|over|durante|within)\s+(?:un|una|1|one|a|el ultimo|the last|the past)\s+"
                             r"(ano|year|mes|month|trimestre|quarter)\b")
# "how much of New Zealand is covered by forest?", "how much of GDP goes to health?": a share, never an amount
HOW_MUCH_OF = re.compile(r"\bhow much of\b(?!\s+(?:a|an)\b)", re.IGNORECASE)
# "and the year after, 2024?": the year after the comma restates where the shift lands, never "after 2024"
SHIFT_RESTATED = re.compile(r"\b(after|before|later|earlier|antes|despu[eé]s|siguiente|anterior)\s*,\s*(?=(?:19|20)\d\d\b)",
                            re.IGNORECASE)
# "¿de cuántos años es la brecha?", "how many points is the gap?": the unit of one figure, no count of years
HOW_MANY_UNITS_ES = r"cu[aá]nt[oa]s\s+(a[ñn]os|puntos(?: porcentuales)?|personas)"
GAP_IN_UNITS_ES = re.compile(rf"\bde\s+{HOW_MANY_UNITS_ES}\s+(es|fue|era)\b", re.IGNORECASE)
AHEAD_IN_UNITS_ES = re.compile(rf"\b{HOW_MANY_UNITS_ES}\s+(le|les)\s+(saca|sacaba|lleva|llevaba)\b",
                               re.IGNORECASE)  # "¿cuántos años le saca eso a Brasil?"
DIFFERENCE_IN_UNITS_ES = re.compile(rf"\b{HOW_MANY_UNITS_ES}\s+de\s+diferencia\b",
                                    re.IGNORECASE)  # "¿cuántos años de diferencia hay?"
GAP_IN_UNITS_EN = re.compile(r"\bhow\s+many\s+(years|points|percentage\s+points|people)\s+(is|was)\s+the\s+"
                             r"(gap|difference)\b", re.IGNORECASE)
# "la brecha entre ambos sexos", "the gender gap": women against men, never one sex against both
BETWEEN_THE_SEXES = re.compile(r"\b(?:brecha|diferencia|gap|difference)\s+(?:entre|between)\s+(?:(?:ambos|los|the|both)\s+)?"
                               r"sex(?:os|es)\b|\bbrecha\s+de\s+g[eé]nero\b|\bgender\s+gap\b", re.IGNORECASE)
# "the 2023 low", "its high for the year": a series' lowest or highest point, as markets say it
HIGH_OR_LOW_SAID = re.compile(r"\b(?:the|its)\s+(?:(?:19|20)\d\d\s+|daily\s+|yearly\s+|annual\s+)?(?:low|high)"
                              r"(?=\s*(?:[?.!,]|$|\bof\b|\bin\b|\bfor\b))", re.IGNORECASE)
PREFIXED_NAME = re.compile(rf"\b({'|'.join(lexicon().place_name_prefixes)})\s+([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)")
# "Santa Cruz de la Sierra": a known place's name with more name after it
SUFFIXED_NAME = re.compile(r"\b([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)*)\s+(?:de la|del|de los|de las|de)\s+"
                           r"([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)")
# "el gran Santiago", "greater London": a metropolitan area, in any case, is not the place it is named after
METRO_NAME = re.compile(r"\b(gran|greater)\s+([a-záéíóúñ][\wáéíóúñ]+)", flags=re.IGNORECASE)
ONE_OF_A_NAME = re.compile(r"^\W*(?:y |and )?(?:la|el|los|las|the one) (?:de|del|of|in) (?:(?:la|el|los|las|the) )?"
                           r"([a-zñ]{3,})(?: ([a-zñ]{3,}))?(?:\s+(?:en|in|segun|according)\b|\W*$)")
PAIRED_NAME = re.compile(r"\b(?:vs\.?|versus|frente a|or|o|and|y|e)\s+([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)")
TYPO_CUTOFF = 85
SWAPPED_CUTOFF = 80  # a word with two letters swapped is taken from further
# "¿y el promedio de esos cinco?", "and the average of the five?" after a top five: the places shown, said by their
# number alone
THOSE_FEW = re.compile(rf"\b(?:esos|esas|estos|estas|aquellos|aquellas|those|these|(?:of|de|among|entre) (?:the|los|las))"
                       rf"\s+(\d+|{'|'.join(NUMBER_WORDS)})\s*$")
EACH_YEAR = re.compile(r"\b(?:each year|every year|year by year|per year|yearly|ano a ano|cada ano|por ano)\b")
CHANGE_VERB = re.compile(r"\b(?:grow|grew|grown|rise|rose|risen|fall|fell|fallen|increase|increased|decrease|decreased|"
                         r"drop|dropped|crec\w*|sub\w*|baj\w*|aument\w*|disminu\w*|cay\w*|cae\w*)\b")
CHANGED_AT_THE_END = re.compile(r"\b(?:bajo|subio|cayo|aumento|disminuyo|mejoro|empeoro|rose|fell|increased|decreased|"
                                r"dropped|went up|went down|improved|worsened)\s*$")  # "…2019 y 2022, ¿bajó?"
BY_HOW_MUCH = re.compile(r"\bby how much\b|\bpor cuant[oa]s?\b(?!\s+(?:personas|habitantes|gente|dolares|pesos))")
AMOUNT_AND_PART = re.compile(r"\b(?:y|and)\s+(?:how many|cuant[oa]s)\s+(?:(?:of them|of those|de ellos|de ellas|de esos|de esas)\s+)?"
                             r"(?:(?:are|were|son|eran|fueron)\s+)?(women|men|mujeres|hombres|females|males)\b")
AMOUNT_AND_SHARE = re.compile(r"\b(?:cuant[oa]s?|how many|how much|what (?:was|is|were|are)|cual (?:fue|es|era))\b.*"
                              r"\b(?:y|and)\s+((?:en )?(?:que|what) "
                              r"(?:porcentaje|proporcion|parte|share|percentage|percent|proportion|fraction))\b|"
                              r"\b(?:(?:en )?(?:cantidad|numero)|(?:in )?(?:number|count)) (?:y|and) "
                              r"((?:en |como |as a |in )?(?:porcentaje|share|percentage|percent|proporcion))\b")  # "lo mismo,
# cantidad y %"
SOUNDED_LENGTH = 5  # shorter words sound like too many others
OPERATION_TYPO_LENGTH, OPERATION_TYPO_CUTOFF = 7, 88  # long words only: short ones match too much
BARE_MINUS = re.compile(r"\b(\w+) menos (?:(?:la|el|los|las) )?(\w+)")  # "el censo menos la proyección"
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


def _number_alone(text: str) -> float | None:
    """The number a follow-up says alone ("¿y los 40 mil?", "and 50%?") or as a new line to cross ("but with an 80%
    threshold", "¿y con un umbral de 15?"), never a year ("¿y 2015?")."""
    found = NUMBER_ALONE.match(text.lower()) or next(filter(None, (said.search(text.lower()) for said in NEW_THRESHOLD)), None)
    if found is None:
        return None
    value = number(found[1], re.sub(r"[.,]", " ", found[1]), found[2])
    return None if found[2] is None and not found[3] and 1900 <= value <= 2100 else value


def _without_places(text: str, places: list[Place]) -> str:
    """``text`` without the places it names: "¿y Antofagasta los 700 mil?" says a number alone, for another place."""
    for place in places:
        text = text.replace(as_written(text, place.matched), " ", 1)
    return text


def as_written(text: str, folded_phrase: str) -> str:
    """The words of ``text`` that fold to ``folded_phrase``, accents and capitals as the user wrote them."""
    letters = "".join(ACCENTED.get(character, re.escape(character)) for character in folded_phrase)
    found = re.search(letters.replace(r"\ ", r"[\s\-–]+"), text, flags=re.IGNORECASE)  # "25-54" folds to "25 54"
    return found[0] if found else folded_phrase


def readable(question: str) -> str:
    """The question cut to the limit, without control or invisible characters (NUL, escapes, zero-width spaces,
    direction overrides) or undecodable bytes (U+FFFD)."""
    return CONTROL.sub(" ", question[:MAX_QUESTION_CHARS]).strip()


def _decimal_after(folded: str, phrase: str) -> bool:
    """"how many under 1.5?" (folded "under 1 5"): the phrase "under 1" is the start of a number, no age group."""
    return phrase[-1:].isdigit() and re.search(rf"(?:^|\s){re.escape(phrase)} \d", folded) is not None


def _variant_cues(folded: str, words: Lexicon, dollar_sign: bool = True) -> tuple[VariantCues, list[str]]:
    """Each attribute's value from the longest phrase that names one ("según el Banco Mundial" over the "oficial" of
    "tipo de cambio oficial"); every phrase found is used up, chosen or not. Folded, "US$" is "us": without
    ``dollar_sign`` written, "us" is the pronoun ("how many of us are there")."""
    found = {field: [(phrase, value) for value, phrases in options.items() for phrase in phrases  # "paridad de poder
                     if words.has_phrase(folded, [phrase])  # adquisitivo (PPA)": both names of one value used up
                     and not _decimal_after(folded, phrase) and (dollar_sign or phrase != "us$")]
             for field, options in words.variant_cues.items()}
    every = [phrase for pairs in found.values() for phrase, _ in pairs]
    values: dict[str, object] = {}
    used: list[str] = []
    for field, pairs in found.items():
        # "inflation-adjusted" names a price basis: its "inflation" names no transform
        pairs = [(phrase, value) for phrase, value in pairs
                 if phrase not in words.topic_cues or not any(
                     len(longer) > len(phrase) and f" {phrase} " in f" {fold(longer)} " for longer in every)]
        if field == "transform" and any(value == "period_change" for _, value in pairs):
            # "la mayor alza mensual en los últimos 12 meses": those months are the period, each month's rise the measure
            pairs = [(phrase, value) for phrase, value in pairs if not LAST_TWELVE_MONTHS.search(phrase)] or pairs
        if pairs:
            values[field] = max(pairs, key=lambda pair: len(pair[0]))[1]
            if field == "measure" and "share" in {value for _, value in pairs} and words.has_phrase(
                    folded, words.operations["share_of"]):
                values[field] = "share"  # "¿qué porcentaje es del total del país?": a share, of a total
            used += [phrase for phrase, _ in pairs]
    return VariantCues(**values), used


def _operation(folded: str, words: Lexicon, has_threshold: bool) -> Operation | None:
    if has_threshold or words.has_phrase(folded, words.operations["first_meeting"]) and not \
            words.has_phrase(folded, words.operations["rank"]):  # "when did copper prices peak?": no first time
        return Operation.FIRST_MEETING
    for name, operation in (("rank", Operation.RANK), ("over_time", Operation.SERIES), ("change", Operation.CHANGE)):
        if words.has_phrase(folded, words.operations[name]):
            return operation
    if _aggregate(folded, words) and not (_aggregate(folded, words) == "sum" and words.has_phrase(
            folded, words.both_places) and not BETWEEN_THE_TWO.search(folded)):
        return Operation.AGGREGATE  # "which one emitted more CO2 in total, and how much did each emit?" sums nothing;
        # "¿cuánto suman entre los dos?" sums them
    if words.has_phrase(_blank(folded, words.operations["whole_series"]), words.operations["series"]):
        return Operation.SERIES  # "el último dato de la serie" asks for no series
    return None


def _found(folded: str, words: Lexicon, groups: dict[str, list[str]]) -> tuple[str, str] | tuple[None, None]:
    """The first kind of ``groups`` whose phrases occur in the text, with the phrase found."""
    for kind, phrases in groups.items():
        phrase = words.has_phrase(folded, phrases)
        if phrase:
            return kind, phrase
    return None, None


def _pair(folded: str, words: Lexicon) -> tuple[VariantPair, list[str]] | None:
    """Two sexes, two age groups or two adjustments named apart ("mujeres y hombres", "mayores de 65 por cada niño",
    "original vs desestacionalizado"), with the phrases used: in the order written, but what follows "por cada" or
    "for every" divides."""
    padded = f" {folded} "
    for field in ("sex", "age", "adjustment"):
        found = []
        for value, phrases in words.variant_cues[field].items():
            phrase = words.has_phrase(folded, phrases)
            if phrase:
                start = padded.index(f" {fold(phrase)} ") + 1
                found.append((start, start + len(fold(phrase)), value, phrase))
        found.sort()
        if len(found) == 2 and found[0][1] <= found[1][0] and not _one_group(folded, found[0][:2], found[1][:2]) \
                and not (field == "age" and _nested(found[0][2], found[1][2])):
            per_each = PER_EACH.search(folded)
            if per_each and found[0][0] > per_each.start():  # "for every child, how many elderly people?"
                found.reverse()
            return VariantPair(field=field, values=(found[0][2], found[1][2])), [phrase for *_, phrase in found]
    return None


ASKING = {"cual", "cuales", "cuanto", "cuanta", "cuantos", "cuantas", "what", "which", "how"}  # a second question begins


def _nested(first: str, second: str) -> bool:
    """Is one age band within the other ("child mortality, under-5": children under five, one group)?"""
    def bounds(band: str) -> tuple[int, int] | None:
        found = re.fullmatch(r"(\d+)(?:-(\d+)|(\+))", band)
        return (int(found[1]), 200 if found[3] else int(found[2])) if found else None
    one, other = bounds(first), bounds(second)
    return bool(one and other) and (one[0] <= other[0] <= other[1] <= one[1] or other[0] <= one[0] <= one[1] <= other[1])


def _one_group(folded: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """"jóvenes de 15 a 29 años", "adultos mayores (65+)": a word for a group beside the ages that say which."""
    padded = f" {folded} "
    between = padded[first[1]:second[0]].split()
    return len(between) <= 2 and sum(any(word.isdigit() or word in NUMBER_WORDS for word in padded[start:end].split())
                                     for start, end in (first, second)) == 1  # "menores de 5" is spelled "de cinco"


def percent_spelled(text: str, language: Language) -> str:
    """"¿qué % de…?", "como % del PIB": the sign as a word, which folding would drop; after a measure's name
    ("urban population %"), the measure in percent."""
    def spelled(found: re.Match) -> str:
        said_before = fold(text[:found.start()]).split()
        before = said_before[-1:]
        if before and before[0] in RATE_PERIODS | NEGATIONS:  # "growth (annual %)": a yearly rate's unit, no share;
            return " "  # "(diferencia, no %)": what is not asked
        if IN_TOTAL.search(" ".join(said_before[-2:])) or before and before[0] in CHANGE_NOUNS:  # "¿cuánto creció en
            # total (%)…?", "2000 vs 2020 cambio %": the change, in percent
            return " in percent " if language == "en" else " en porcentaje "
        if before and before[0] not in WORDS_BEFORE_PERCENT and not before[0].isdigit():
            return " as a percentage " if language == "en" else " como porcentaje "
        if before == ["as"]:  # "as %", in a Spanish chat too
            return " a percentage "
        return " percentage " if language == "en" else " porcentaje "
    return PERCENT_SIGN.sub(spelled, text)


def _quarter_said_again(before: str, said: PeriodSpec) -> bool:
    """Whether the quarter ending ``before`` is one the period already holds ("del primer trimestre de 2026: … del 1T
    2026 versus el 1T 2025")."""
    named = re.search(rf"{QUARTER}$", before)
    return named is not None and quarter_of(named[0]) in {(said.start, said.quarter), (said.end, said.quarter_end)}


def _aggregate(folded: str, words: Lexicon) -> str | None:
    kinds = ("avg", "max", "min", "sum")
    return next((kind for kind in kinds if words.has_phrase(folded, words.operations[f"aggregate_{kind}"])), None)


def _blank(text: str, phrases: list[str], filler: str = "") -> str:
    """Spaces (after ``filler``) instead of ``phrases``, keeping every other character where it was (spans stay
    valid)."""
    for phrase in phrases:
        text = text.replace(fold(phrase), filler.ljust(len(fold(phrase))))
    return text


def _as_word(phrase: str) -> str:
    """A pattern for ``phrase`` on word boundaries ("gap" is not in "singapore")."""
    return rf"(?<!\w){re.escape(fold(phrase))}(?!\w)"


def _blank_words(text: str, phrase: str | None, filler: str = "") -> str:
    """``_blank`` for one phrase on word boundaries."""
    if not phrase:
        return text
    return re.sub(_as_word(phrase), lambda found: filler.ljust(len(found[0])), text)


def _than_as_and(text: str, phrase: str | None) -> str:
    """In a comparison ("cuántas veces más grandes son las exportaciones que las importaciones", "how much higher
    was X than Y"), the first "que"/"than" after the operation's words joins its two terms, like "y"."""
    found = re.search(_as_word(phrase), text) if phrase else None
    if found is None:
        return text
    rest = re.sub(r"\b(?:que|than)\b", lambda word: "y".ljust(len(word[0])), text[found.end():], count=1)
    return text[:found.end()] + rest


PLACE_MARK = "§"


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    """``PLACE_MARK`` (padded to the same length, so other spans stay valid) where each span was."""
    for start, end in spans:
        text = text[:start] + PLACE_MARK.ljust(end - start) + text[end:]
    return text


def _spaces(found: re.Match) -> str:
    return " " * len(found[0])


def _without_unit_years(folded: str) -> str:
    """The question with the years that belong to a unit blanked out, keeping every other character in place; the
    year of PPP dollars only when another period is said ("pobreza PPA 2021" alone is of 2021)."""
    folded = UNIT_YEAR.sub(_spaces, folded)
    ppp_free = PPP_YEAR.sub(_spaces, folded)
    return ppp_free if ONE_YEAR.search(ppp_free) or LATEST_SAID.search(ppp_free) else folded


def _named_twice(places: PlaceMatch, folded: str) -> Place | None:
    """"ordenando España, Portugal, Grecia e Italia…, ¿en qué lugar queda Italia?": of three places or more, the one
    named again, whose position among them all is asked."""
    if len(places.places) < 3:
        return None
    return next((place for place in places.places
                 if len(re.findall(rf"\b{re.escape(place.matched)}\b", folded)) > 1), None)


# "¿en qué puesto queda Chile frente a Argentina, Perú, Bolivia y Uruguay?": the first place, among all of them
RANKED_AGAINST = re.compile(r"\b(?:frente a|comparad[oa] con|compared (?:with|to)|versus|vs|against|respecto a|respecto de|"
                            r"entre|among)\b")


def _ranked_against(places: PlaceMatch, folded: str) -> Place | None:
    """Of three places or more of one kind, the first, when the others follow "frente a" or "among" after it."""
    if len(places.places) < 3 or not _side_by_side(places.places):
        return None
    against = RANKED_AGAINST.search(folded, places.spans[0][1])
    return places.places[0] if against and against.end() <= places.spans[1][0] else None


def _side_by_side(places: list[Place]) -> bool:
    """Two places of one kind: compared, counted or ranked among themselves, never within one another."""
    return any(sum(place.kind == kind for place in places) >= 2 for kind in SIDE_BY_SIDE_KINDS)


# "more than four times Bolivia's", "el doble que", "más de tres veces": a claim about the ratio of two figures
SO_MANY_TIMES = re.compile(r"\b(?:(?:more|less|fewer) than |mas de |menos de |at least |al menos |about |unas |casi |almost |"
                           r"nearly )?(?:\d+(?: \d+)?|two|three|four|five|six|seven|eight|nine|ten|dos|tres|cuatro|cinco|seis|"
                           r"siete|ocho|nueve|diez) (?:times|veces)\b")
# "¿… y cómo se compara con América Latina?": a second place set beside one the question leaves to its context
COMPARED_WITH_ONE = re.compile(r"\b(?:como se compara|how does (?:it|that) compare|how (?:it|that) compares|"
                               r"compared (?:with|to)|comparad[oa] con|frente a|versus|vs)\b")
# Chile named as a source's country ("Chile's 2024 census", "el censo de Chile"): which source, not a place asked
SHARE_OF_CHILE = re.compile(r"\b(?:share|percentage|percent|proportion|part|porcentaje|proporcion|parte)\s+(?:of|de|del)\s+"
                            r"(?:the\s+|la\s+)?chile\b")
CHILES_SOURCE = re.compile(r"\bchile s? (?:20\d\d )?(?:census|censo|ine|central bank|national statistics)\b|"
                           r"\b(?:censo|ine|banco central|census|central bank)(?: 20\d\d)? (?:de|of) chile\b")


def _occurrences(places: PlaceMatch, folded: str) -> list[tuple[Place, tuple[int, int]]]:
    """Each place named with where, in order: a place named twice ("in La Serena… La Serena's population", "in South
    America… which South American country") twice."""
    found = [(next((place for place in places.places if folded[start:end] in (place.matched, *place.said_again)), None),
              (start, end)) for start, end in places.spans]
    return [(place, span) for place, span in found if place is not None]


def _beyond_context(places: PlaceMatch, folded: str, context_end: int) -> PlaceMatch:
    """"I'm a student from Argentina doing an exchange in La Serena. What was La Serena's population…?": when the
    question after a sentence of context names places, those named only in the context are not asked (their words
    stay read); when it names none ("¿Cuánta gente vive allá?"), the context's are, marked as such."""
    named = _occurrences(places, folded)
    asked = {place.code for place, (start, _) in named if start >= context_end}
    if PLACE_OF_THE_LAST.search(folded[context_end:]):  # "Puente Alto es enorme... ¿qué porcentaje de la región
        return places  # vive ahí?": the context's place is pointed at
    if len(asked) == 1 and COMPARED_WITH_ONE.search(folded[context_end:]):  # "Leí que en Chile la fecundidad… ¿cuál es
        return places  # la tasa… y cómo se compara con América Latina?": the context's place is the one compared
    if not asked:
        return places.model_copy(update={"places": [place.model_copy(update={"in_context": True})
                                                    for place in places.places]})
    return places.model_copy(update={"places": [place for place in places.places if place.code in asked]})


def _parenthesised(text: str, folded: str) -> list[tuple[int, int]]:
    """Where the parentheses of ``text`` lie in its folded form (folding drops the brackets)."""
    spans = []
    for content in (fold(found[1]) for found in re.finditer(r"\(([^()]*)\)", text)):
        start = folded.find(content) if content else -1
        if start >= 0:
            spans.append((start, start + len(content)))
    return spans


def _without_qualifiers(places: PlaceMatch, folded: str, parenthesised: list[tuple[int, int]]) -> PlaceMatch:
    """"Los Ángeles, Región del Biobío": a Chilean area named right after a place inside it says which place is
    meant and is no second place (CUT codes nest: CL-08 holds CL-08301); in a parenthesis after it, any area its
    name can mean counts, and so does its region: "Buin (Santiago metro area)" is Buin, of Santiago's region; the
    countries listed in a parenthesis right after a group say what the group is.
    Chile named as a source's country beside a place in it says whose source it is, and "independent countries" beside
    a group which of its members count. Their words stay read."""
    named = _occurrences(places, folded)
    def holds(inner: Place, codes: list[str]) -> bool:
        return any(code.startswith("CL-") and inner.code.startswith(code) and inner.code != code for code in codes)

    def in_parenthesis(inner_span: tuple[int, int], outer_span: tuple[int, int]) -> bool:
        return any(inner_span[1] <= start <= outer_span[0] and outer_span[1] <= end for start, end in parenthesised)

    def listed_on(index: int) -> bool:  # "Viña del Mar, Valparaíso y Quilpué": a list goes on after it, same kind
        return index + 2 < len(named) and named[index + 2][0].kind == named[index][0].kind and re.fullmatch(
            r"\s*(?:y|e|and|,)?\s*", folded[named[index + 1][1][1]:named[index + 2][1][0]]) is not None

    qualifiers = [outer for index, ((inner, inner_span), (outer, outer_span)) in enumerate(zip(named, named[1:]))
                  if (holds(inner, [outer.code]) and not folded[inner_span[1]:outer_span[0]].strip()
                      and not listed_on(index))
                  or (in_parenthesis(inner_span, outer_span)  # "Colina (zona norte de Santiago)": any Santiago
                      and holds(inner, [outer.code, *outer.alternatives, outer.code[:5]]))]
    listed = [(start, end) for group, group_span in named if group.kind in GROUP_KINDS for start, end in parenthesised
              if not folded[group_span[1]:start].strip()]  # "Southern Africa (the UN subregion: South Africa, …)"
    qualifiers += [place for place, (start, end) in named if place.kind not in GROUP_KINDS
                   and any(inside <= start and end <= outside for inside, outside in listed)]  # members explaining it
    qualifiers += [group for group, (start, end) in named if group.kind in GROUP_KINDS and any(  # "Africa Subsahariana
        inside <= start and end <= outside and len({other.code for other, (_, other_end) in named  # vs Asia del Sur
                                                    if other_end <= inside and other.code != group.code}) >= 2
        for inside, outside in parenthesised)]  # (regiones del Banco Mundial)": what kind of places those two are
    if any(place.kind in GROUP_KINDS and place.code != SOVEREIGN for place in places.places):
        qualifiers += [place for place in places.places if place.code == SOVEREIGN]  # "países independientes de…"
    in_chile = any(place.code.startswith("CL-") for place in places.places)  # "Maipú in Chile's 2024 census"
    qualifiers += [place for place, (start, end) in named if place.code == "CHL" and in_chile
                   and any(found.start() <= start and end <= found.end() for found in CHILES_SOURCE.finditer(folded))
                   and not SHARE_OF_CHILE.search(folded)]  # "what share of Chile's census population": the whole
    return places.model_copy(update={"places": [place for place in places.places if place not in qualifiers]})


def _remove(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


class Understander:
    def __init__(self, gazetteer: Gazetteer, index: IndicatorIndex, vocabulary: set[str],
                 joined_words: set[tuple[str, str]] = frozenset(), named_words: set[str] = frozenset(),
                 named_operations: set[str] = frozenset(), negated_words: set[str] = frozenset()):
        """``joined_words``: word pairs the metadata joins with y/and ("bienes y servicios"): one topic, not two.
        ``named_words``: the words of indicator names, phrasings and units; other function words are no topic.
        ``named_operations``: operation words inside names ("turnover ratio of"), read as the names.
        ``negated_words``: words a name says after "no", "non" ("ingresos no tributarios")."""
        self.gazetteer = gazetteer
        self.index = index
        self.vocabulary = vocabulary
        self.vocabulary_stems = {word[:STEM] for word in vocabulary if len(word) >= STEM}
        self.negated_words = negated_words
        self.spelling_targets = sorted(vocabulary)  # in one order, so ties are broken alike in every process
        # "GDP and its …" in a definition joins no two words into one name
        self.joined_words = {pair for pair in joined_words if not set(pair) & (function_words() - set(lexicon().qualifying_words))}
        words = lexicon()
        self.exclusions = words.operation_exclusions + sorted(named_operations, key=len, reverse=True)
        self.measure_changes = sorted(words.variant_cues["transform"]["period_change"] +  # "ipc acumulado": a measure
                                      words.variant_cues["transform"]["year_to_date"], key=len, reverse=True)  # no sum
        self.typo_targets = sorted({word for groups in (words.operations, words.two_operand_operations, words.group_operations)
                                for phrases in groups.values() for phrase in phrases for word in fold(phrase).split()
                                if len(word) >= OPERATION_TYPO_LENGTH} | {
            word for word in words.cue_words() if len(word) >= OPERATION_TYPO_LENGTH})  # "desestacionalisado"; sorted,
        # so that of equally close words the same one is taken in every process
        self.series_phrases = [fold(phrase) for kind in ("over_time", "series", "whole_series") for phrase in words.operations[kind]
                               if " " in phrase]
        self.stopwords = (set(words.stopwords) | {fold(p) for phrases in words.operations.values() for p in phrases}
                          | set(MONTHS)  # a month without a year ("en febrero") is no topic
                          | (function_words() - named_words - words.cue_words()))
        place_words = {word for name in gazetteer.names() for word in name.split()}
        self.place_name_words = place_words  # "Lagos" is a word of "Los Lagos", and alone no place Cifra knows
        self.sounds = one_per_sound((sounded(word), word) for word in vocabulary | words.cue_words() | set(self.typo_targets)
                                    if len(word) >= SOUNDED_LENGTH)
        self.sounded_stems = one_per_sound(  # "sensaron": a form no name uses, of a stem that sounds like one ("censados")
            (sounded(word)[:STEM], word[:STEM]) for word in vocabulary
            if len(word) >= SOUNDED_LENGTH and len(sounded(word)) == len(word))
        self.known_words = vocabulary | words.cue_words() | self.stopwords | place_words
        # words that name no measure alone: "la tasa", "las mujeres" (a qualifier of one), never "la inflación"
        self.unnaming_words = set(words.vague_words) | (words.cue_words() - set(words.topic_cues))

    def after_lead_in(self, question: str) -> str | None:
        """The question without a lead-in that names no place and no period, to read again when the whole was not
        understood ("…de una municipalidad y necesito la población censada de Maipú"); None when it has none."""
        found = LEAD_IN.match(readable(question))
        if found is None:
            return None
        return found["rest"] if self._adds_nothing(found["lead"], found["rest"]) else None

    def before_afterword(self, question: str) -> str | None:
        """The question without a sentence after it that names no place and no period of its own ("¿ha bajado la
        mortalidad infantil desde el 2000? tengo que armar una presentación"); None when it has none."""
        found = AFTERWORD.match(readable(question))
        return found["question"] if found and self._adds_nothing(found["after"], found["question"]) else None

    def _adds_nothing(self, aside: str, rest: str) -> bool:
        """Does ``aside`` name no period, and no place that ``rest`` does not name too ("Trabajo en el hospital de
        Temuco y necesito la población de Temuco")?"""
        named = {place.code for place in self.gazetteer.find(fold(rest)).places}
        return not find_period(fold(aside)).spans and all(
            place.code in named for place in self.gazetteer.find(fold(aside)).places)

    def _known(self, word: str) -> bool:
        return word in self.vocabulary or word[:STEM] in self.vocabulary_stems

    def _aside(self, text: str, stopwords: set[str], places: list[Place]) -> set[str]:
        """The context of a question, not its topic, when the rest of it names a measure: words no measure uses
        said in a lead-in or a parenthesis ("cacho una duda:", "(Santiago's northern suburbs)"), and every word of
        a sentence before the question ("Voy a abrir un negocio en Pucón. ¿Cuánta gente vive allá?"). Known words
        of a lead-in stay topic words ("Copper on Monday…: what was the daily price?"); places and periods stay
        places and periods."""
        remark = TRAILING_REMARK.search(text)
        remarked = set(fold(remark[1]).split()) - {
            word for place in places for word in place.matched.split()} if remark and CONTINUATION.match(
            fold(text[:remark.start()])) else set()  # "¿y el 2022? ese año los precios estaban por las nubes"
        spans = [found.span() for found in ASIDE.finditer(text)]
        sentence = CONTEXT_SENTENCE.search(text)
        if not spans and not sentence:
            return remarked
        place_words = {word for place in places for word in [*place.matched.split(), place.matched.replace(" ", "")]}
        outside = fold(_remove(text, spans + ([sentence.span()] if sentence else []))).split()
        known = [word for word in outside if word not in stopwords and word not in place_words and len(word) > 2
                 and self._known(word)]
        aside = {word for start, end in spans for word in fold(text[start:end]).split()
                 if not self._known(word) or ASKER_CONTEXT.search(text[start:end])} - set(outside)  # "For a piece on
        # water stress…:"; a word the question says again stays ("comparando Arica con Tacna: ¿… la región de Tacna?")
        naming = [word for word in known if word not in self.unnaming_words]
        if sentence and (len(naming) >= MIN_TOPIC_OUTSIDE_SENTENCE or naming and len(sentence[0].split()) >= STORY_WORDS):
            # "A politician said Chile's GDP per head was… What's the exact World Bank figure?": a source and a
            # figure name no measure, and the sentence before says which
            said = fold(sentence[0])  # each word as read, and as mended ("siento", never "ciento")
            aside |= (set(said.split()) | set(self._operation_spelled(said).split())) - place_words - set(outside)
            # what the question says again stays
        return (aside if known else set()) | remarked

    def _without_series_phrases(self, text: str) -> str:
        """"a lo largo del tiempo", "cómo ha estado": words of an evolution asked, none of them a measure's."""
        for phrase in self.series_phrases:
            text = _blank_words(text, phrase)
        return text

    def _search(self, texts: list[str]) -> list[IndicatorHit]:
        """Best hits for the topic words alone and for the whole question (less places and dates):
        the first is sharp ("desempleo"), the second keeps phrasing ("cuánta gente vive en")."""
        best: dict[str, IndicatorHit] = {}
        for hits in self.index.search_many(list(dict.fromkeys(texts)), limit=CANDIDATES):
            for hit in hits:
                if hit.code not in best or hit.score > best[hit.code].score:
                    best[hit.code] = hit
        return sorted(best.values(), key=lambda hit: hit.score, reverse=True)[:CANDIDATES]

    def _operation_spelled(self, folded: str) -> str:
        """'difrencia' -> 'diferencia': a long word no name or phrasing uses, close to a word of an operation or
        of a cue; 'senso' -> 'censo': an unknown word that sounds like exactly one known word."""
        def mended(word: str) -> str:
            if len(word) >= SOUNDED_LENGTH and word not in self.known_words:
                said = sounded(word)  # "senso", "porcentage": a known word, spelled as it sounds
                if said in self.sounds:
                    return self.sounds[said]
                if not self._known(word) and len(said) == len(word) and said[:STEM] in self.sounded_stems:
                    return self.sounded_stems[said[:STEM]] + word[STEM:]
            if len(word) < OPERATION_TYPO_LENGTH - 1 or word in self.known_words:  # "chileno" is no misspelt "chilenos"
                return word
            if len(word) < OPERATION_TYPO_LENGTH:  # "averge": a short word, only with one letter left out
                return next((target for target in self.typo_targets if len(target) == len(word) + 1 and any(
                    target[:cut] + target[cut + 1:] == word for cut in range(len(target)))), word)
            match = process.extractOne(word, self.typo_targets, scorer=fuzz.ratio, score_cutoff=OPERATION_TYPO_CUTOFF)
            return match[0] if match else word

        return " ".join(mended(word) for word in folded.split(" "))

    def _spelled(self, word: str) -> str:
        """'desempelo' -> 'desempleo': a word the metadata never uses, replaced by its closest known word."""
        if len(word) < 5 or word in self.vocabulary:
            return word
        matches = process.extract(word, self.spelling_targets, scorer=fuzz.ratio, score_cutoff=SWAPPED_CUTOFF, limit=5)
        if not matches or matches[0][1] < TYPO_CUTOFF:  # "poeple": two letters swapped, farther by ratio
            return next((found for found, *_ in matches if sorted(found) == sorted(word)), word)
        tied = [found for found, score, _ in matches if score == matches[0][1]]
        # "desempelo" is as near "desempeño" as "desempleo": two letters swapped are the likelier slip
        return next((found for found in tied if sorted(found) == sorted(word)), tied[0])

    def _measures(self, text: str, cue_words: set[str], stopwords: set[str]) -> list[str]:
        """'esperanza de vida y mortalidad infantil': the topics joined by y/and when each retrieves its own series;
        [] for one topic. A name with "y" in it ("bienes y servicios", "research and development") is one topic."""
        headcount = set(lexicon().headcount_words)
        halves, searched = [], {}  # each half, and what retrieves it: with its cues ("pib per capita")
        topics = self._topics(text.split())
        for words in topics:
            said = [word for word in words if word not in stopwords and not word.isdigit() and word != PLACE_MARK]
            half = " ".join(word for word in said if word not in cue_words)
            if headcount & set(words) and not any(self._known(word) for word in half.split() if word not in headcount):
                half = "poblacion"  # "cuánta gente vivía … y cuál era la esperanza de vida": the population is one
            halves.append(half)
            searched[half] = " ".join(said) if half != "poblacion" else half
        if len(halves) == 2 and halves[0] and (whole := SHARED_WHOLE.search(" ".join(topics[1]))) \
                and not SHARED_WHOLE.search(" ".join(topics[0])) \
                and self._named_as(shared := f"{searched[halves[0]]} {whole[1]}", [*halves[0].split(), whole[1]]):
            # "exportaciones e importaciones como % del PIB": both as a share of GDP, never exports in dollars (but
            # "desempleo juvenil y exportaciones como % del PIB": no unemployment is a share of GDP)
            searched[shared], halves[0] = shared, shared
        if len(halves) == 2 and halves[0] and (
                halves[1] == halves[0] and self._own_cues(topics[0]) != self._own_cues(topics[1])
                or not halves[1] and POSSESSIVES & set(topics[1]) and cue_words & set(topics[1])):
            return [halves[0]] * 2  # "el PIB y su crecimiento", "GDP and GDP growth": one measure twice, with own cues
        measured = {" ".join(word for word in half.split() if not SOURCE_WORD.fullmatch(word)) for half in halves} - {""}
        if len(measured) == 1 and CENSUS_AND_PROJECTION.search(text):
            return [*measured] * 2  # "la población que contó el censo y la que proyectaba el INE": one measure, twice
        # "…y cuál la más chica, según el censo": a source said of the whole question names no measure of its own
        unsourced = [" ".join(word for word in half.split() if not SOURCE_WORD.fullmatch(word))
                     if SOURCE_SAID & set(topic) else half for half, topic in zip(halves, topics)]
        halves, unsourced = [half for half in halves if half], [bare for half, bare in zip(halves, unsourced) if half]
        if len(halves) < 2 or not all(any(self._known(word) for word in bare.split() if word not in headcount)
                                      or half == "poblacion" or bare and set(bare.split()) <= headcount
                                      for half, bare in zip(halves, unsourced)):
            return []  # "what share of people lived in towns and cities": a part no measure names is no measure
        best = self.index.search_many([searched[half] for half in halves], limit=1)
        codes = {hits[0].code for half, hits in zip(halves, best) if hits and (
            hits[0].score >= TOPIC_SCORE or set(searched[half].split()) <= set(fold(hits[0].name_es).split()))}
        return halves if len(codes) > 1 else []

    def _named_as(self, text: str, said: list[str]) -> bool:
        """Does the series ``text`` retrieves first name every word said (by its first five letters)?"""
        hits = self.index.search_many([text], limit=1)[0]
        name = fold(f"{hits[0].name_es} {hits[0].name_en}").split() if hits else []
        return bool(hits) and all(any(word[:5] == named[:5] for named in name) for word in said)

    @staticmethod
    def _own_cues(words: list[str]) -> tuple:
        said = _variant_cues(" ".join(words), lexicon())[0]
        return tuple(getattr(said, field) for field in OWN_CUES)

    def _cues_of_each(self, text: str, measures: list[str], cues: VariantCues,
                      words: Lexicon) -> tuple[VariantCues, VariantCues | None]:
        """"PIB per cápita y población", "el PIB y su crecimiento": a cue of what kind of figure (a rate of change, per
        capita, a share) said beside one of two measures is that measure's alone, unless it leads the first one
        ("crecimiento del PIB y de la población": of both). The second one's cues when they differ."""
        halves = self._topics(text.split())
        if len(halves) != 2:
            return cues, None
        first_topic = set(measures[0].split())
        leading = list(itertools.takewhile(lambda word: word not in first_topic, halves[0]))
        said = [_variant_cues(" ".join(half), words)[0] for half in halves]
        shared = _variant_cues(" ".join(leading), words)[0]

        def without(other: VariantCues, own: VariantCues) -> VariantCues:
            return cues.model_copy(update={field: None for field in OWN_CUES
                                           if getattr(other, field) and not getattr(own, field)
                                           and not getattr(shared, field)})
        first, second = without(said[1], said[0]), without(said[0], said[1])
        return first, second if second != first else None

    def _topics(self, words: list[str]) -> list[list[str]]:
        """Words split at each y/and, except where the metadata itself joins the two words or a place stands on
        either side ("Brasil y México", "de Los Ángeles y de la región"), unless a question begins after it ("…en el
        Perú y cuál era la esperanza de vida")."""
        topics: list[list[str]] = [[]]
        for position, word in enumerate(words):
            joined = 0 < position < len(words) - 1 and (
                (words[position - 1], words[position + 1]) in self.joined_words
                or (PLACE_MARK in (words[position - 1], words[position + 1])
                    and words[position + 1] not in ASKING | POSSESSIVES)
                or {words[position - 1], words[position + 1]} <= BARE_ARTICLES)  # "el 2000 y el 2023": two periods
            if CONJUNCTION.fullmatch(word) and not joined:
                topics.append([])
            else:
                topics[-1].append(word)
        return topics

    def _places(self, folded: str, cue_phrases: list[str], threshold_text: list[str],
                parenthesised: list[tuple[int, int]], context_end: int) -> PlaceMatch:
        """Places named, without the words of cues and thresholds ("banco mundial" is no Mundo, "US$" no USA),
        unless a longer name holds the cue ("las regiones del Banco Mundial")."""
        without_numbers = functools.reduce(_blank_words, threshold_text, folded)  # "G7": a name, no threshold's 7
        places = self.gazetteer.find(_blank(without_numbers, cue_phrases))
        if cue_phrases:
            whole = self.gazetteer.find(without_numbers)
            names = [folded[start:end] for start, end in whole.spans]
            if any(phrase in name and phrase != name for phrase in cue_phrases for name in names):
                places = whole
        places = _without_qualifiers(places, folded, parenthesised)
        ranked = [index for index, (start, _) in enumerate(places.spans) if ORDINAL_RANK.match(folded, start)]
        if ranked:  # "la segunda región más poblada": a place in a ranking, never the Segunda Región (Antofagasta)
            places = places.model_copy(update={
                "places": [place for index, place in enumerate(places.places) if index not in ranked],
                "spans": [span for index, span in enumerate(places.spans) if index not in ranked]})
        if context_end:
            places = _beyond_context(places, folded, context_end)
        included = INCLUDED.search(folded)
        if included and any(self.gazetteer.is_group(place) for place in places.places):
            # "el país de Centroamérica con más…? (incluye Panamá y Belice)": members of the group, not places asked
            named = [place for place, span in zip(places.places, places.spans) if span[0] < included.start()]
            said = [place for place in self.gazetteer.find(folded[included.end():]).places if not self.gazetteer.is_group(place)]
            places = places.model_copy(update={"places": named, "included": said})  # their words stay read, as places
        return places

    def _unknown_place(self, text: str, places: list[Place]) -> str | None:
        """A capitalised name after 'de'/'of' that is neither a known place nor a known word ('Marte'); where places
        were found, one paired with them ("Mauricio vs Fiyi"): never answered for the one place known."""
        if name := self._inside_other_name(text, places):
            return name
        place_words = {word for place in places for word in [*place.matched.split(), place.matched.replace(" ", "")]}
        for name in (PAIRED_NAME if places else PLACE_LIKE).findall(text):
            word = fold(name)
            if (word not in self.vocabulary or word in self.place_name_words and not places and not self.gazetteer.knows(word)
                and re.fullmatch(rf"\W*(?:y|and|what about|how about)\s+(?:en|in)\s+{re.escape(name)}\W*", text,
                                 re.IGNORECASE)) \
                    and word not in self.stopwords and word not in MONTHS and word not in place_words \
                    and not QUARTER_NAME.fullmatch(word):  # "in Q4 2025": a quarter, no place
                return name
        for name in [] if places else NAME_OF_WORDS.findall(text):
            words = fold(name).split()
            if not self.gazetteer.knows(" ".join(words)) and any(
                    word not in self.vocabulary and word not in self.stopwords and word not in MONTHS for word in words):
                return name
        for found in ARTICLED_NAME.finditer(text):  # "en El Alto": an article in capitals names a place, whatever the
            if not self.gazetteer.knows(fold(found[0])) and fold(found[1]) not in place_words:  # word after it means
                return found[0]
        named = ONE_OF_A_NAME.match(fold(text))  # "la de la paz": a follow-up naming a place, in lower case
        if not places and named and not {named[1], named[2]} & (self.vocabulary | self.stopwords | set(MONTHS)):
            return named[1]
        return None

    @staticmethod
    def _counts_people(topic_text: str, cues: VariantCues, folded: str) -> bool:
        """Does the topic name only people ("personas", "gente"), or people a census counted ("gente según el censo",
        never "personas de 65 o más por cada 100 niños según el censo", an age group's ratio)?"""
        words = lexicon()
        said = set(topic_text.split())
        census = said & set(words.census_words)
        counted = said - census
        return counted <= set(words.headcount_words) and (not census or (
            bool(counted) and not cues.age and not PER_EACH.search(folded)))

    def _inside_other_name(self, text: str, places: list[Place]) -> str | None:
        """"Nueva Valdivia", "San Chile": a known place's name after a word that begins many place names, where the
        two together name no place Cifra knows."""
        for found in [*PREFIXED_NAME.finditer(text), *METRO_NAME.finditer(text)]:
            whole, named = fold(found[0]), fold(found[2])
            if not self.gazetteer.knows(whole) and any(named.startswith(place.matched) or place.matched.startswith(named)
                                          for place in places):
                return found[0]
        for found in SUFFIXED_NAME.finditer(text):  # "Santa Cruz de la Sierra" is no Santa Cruz; "Santiago de Chile" is
            whole, named, tail = fold(found[0]), fold(found[1]), fold(found[2])
            if not self.gazetteer.knows(whole) and not self.gazetteer.knows(tail) and tail not in self.vocabulary \
                    and any(named.endswith(place.matched) for place in places):
                return found[0]
        return None

    def _member_and_whole(self, places: list[Place], member_kind: str) -> bool:
        """Are the two places one member of ``member_kind`` and an area holding such members?"""
        kinds = {place.kind for place in places}
        return member_kind in kinds and any(place.kind != member_kind and (self.gazetteer.is_group(place) or place.kind in (
            "cl_region", "cl_province")) for place in places)

    def _group(self, places: list[Place], operation: Operation | None, member_kind: str | None) -> Place | None:
        """The area whose members are ranked or aggregated: "Sudamérica", "regiones de Chile"."""
        if operation in (Operation.RANK, Operation.COUNT) and not member_kind and _side_by_side(places):
            return None  # "¿quién tenía mayor esperanza de vida, Chile o Uruguay?": the named places, side by side
        if operation == Operation.POSITION and len(places) >= 3 and len({place.kind for place in places}) == 1:
            return None  # "where does Peru rank among Chile, Colombia and Ecuador?": among them, no country holds them
        if operation == Operation.POSITION:  # "¿qué puesto ocupa Chile en el mundo?": the place first, then its group,
            named = [place for place in places if place.kind in GROUP_KINDS]  # unless only the other is a group by
            if len(places) == 2 and len(named) == 1:  # kind ("Entre los países de Sudamérica, ¿en qué lugar está Chile?")
                return named[0]
            return next((place for place in places[1:] if self.gazetteer.is_group(place)), None)
        if operation in (Operation.RANK, Operation.COUNT) or (member_kind and operation not in TWO_OPERANDS):
            return next((place for index, place in enumerate(places) if self.gazetteer.is_group(place) and not (
                member_kind == "country" and place.kind not in GROUP_KINDS)  # Chile holds no countries
                and not (0 < index < len(places) - 1 and places[index - 1].kind == places[index + 1].kind != place.kind)),
                None)  # "Viña del Mar, Valparaíso y Quilpué": one of a list, never the area holding it
        if operation == Operation.AGGREGATE:
            return next((place for place in places if place.kind in GROUP_KINDS), None)
        return None

    def __call__(self, question: str, default_language: Language = "es",
                 previous_measure: IndicatorInfo | None = None) -> Understanding:
        """``previous_measure``: the measure the conversation's last answer gave, which "¿y la de ingresos?"
        qualifies into another."""
        words = lexicon()
        text = readable(question)  # cut before anything else reads it: no pattern ever sees more than the limit
        language = detect_language(text, default_language)
        if words.is_hostile(text):
            return Understanding(question=text, language=language, hostile=True)
        if len(question) > MAX_QUESTION_CHARS:
            return Understanding(question=text, language=language, too_long=True)
        text = self.gazetteer.with_codes_named(text, language)  # "desempleo CHL PER COL 2019"
        kept = NEGATED_BARE.sub(" ", NEGATED.sub(" ", THOUSANDS.sub(r"\g<1>000", PURPOSE.sub("", PREAMBLE.sub("", EACH_ONES_FIGURE.sub("", COUNTRIES_ONLY.sub(
            "", _without_its_figure(OPENING_SO.sub("entonces ", RANK_CONVENTION.sub(r" \g<1> ", text))))))))))
        kept = OF_THE_FEW.sub(r"\g<1>", THE_SAME_FEW.sub(" ", SUBTRACT_FROM.sub(_minus_spelled, SHOW_ME_BOTH.sub("", kept))))
        if bare_end := BARE_END.match(fold(kept)):  # "Low?" after the high: the other end, never a measure of "low"
            kept = "and the lowest?" if bare_end[1] in ("low", "min", "bajo", "minimo") else "and the highest?"
        if (claim := TRAILING_CLAIM.search(kept)) and not HOW_MUCH_ASKED.search(fold(claim[1])):
            kept = kept[:claim.start() + 1]  # "…¿y la proyección del INE cuánto decía?" asks again: never a claim
        if CONTINUATION.match(fold(kept)) or ABOUT_THE_LAST.match(fold(kept)):
            kept = HIGHER_OR_LOWER.sub(" ", kept)
            if (remark := TRAILING_REMARK.search(kept)) and not QUESTION_WORD.search(fold(remark[1])):
                kept = kept[:remark.start() + 1]  # "¿y la del 2022? esa fue harto más alta": a remark, not the question
        unnumbered = next((found[0] for found in REGION_NUMBER.finditer(kept)
                           if not 1 <= int(found[1] or found[2]) <= len(ROMAN)), None)  # "la región 17": none
        kept = TAKEN_OUT.sub(lambda found: f"excluding {found[1]}" if language == "en" else f"excluyendo a {found[1]}",
                             REGION_NUMBER.sub(_region_named, kept))
        kept = OF_THE_FEW.sub(r"\g<1>", UNITED_STATES.sub("United States", THOUSAND_WORD.sub(r"\g<1> 1000",
                                                                                         months_in_words(kept))))
        kept = GAINED_MORE.sub(r"ganó \g<1>", COMPARISON_SIGN.sub(lambda found: f"{SIGN_WORDS[language][found[1]]} ", kept))
        kept = HALF_EN.sub(lambda found: f"{'more' if found[1] else 'less'} than 50 percent",
                           HALF_PASSED_ES.sub(r"\g<1> el 50 por ciento", HALF_ES.sub(r"\g<1> del 50 por ciento",
                                                                                    HALF_OF_EVERYONE.sub(r"\g<1>", kept))))
        kept = HALF_A_PERCENT.sub("0.5 percent" if language == "en" else "0,5 por ciento", kept)
        kept = HIGH_OR_LOW_SAID.sub(r"\g<0> point", TOTAL_OF_PARTS.sub("total", BOTH_SEXES_SAID.sub(
            " both sexes " if language == "en" else " ambos sexos ", kept)))
        kept = HOW_MUCH_OF.sub("what share of", kept)
        kept = SHIFT_RESTATED.sub(r"\g<1> in " if language == "en" else r"\g<1> en ", kept)
        kept = CENSUS_SHORT_YEAR.sub(lambda found: f"{found[1]} {'20' if int(found[2]) <= 30 else '19'}{found[2]}", kept)
        kept = GAP_IN_UNITS_ES.sub(r"cuál \2 en \1", GAP_IN_UNITS_EN.sub(r"what \2 the \3 in \1", kept))
        kept = DIFFERENCE_IN_UNITS_ES.sub(r"diferencia en \1", AHEAD_IN_UNITS_ES.sub(r"cuánto \2 \3 en \1", kept))
        kept = BETWEEN_THE_SEXES.sub("gap between women and men" if language == "en" else "brecha entre mujeres y hombres",
                                     kept)
        kept = DOUBLE_DIGIT.sub(" of 10 percent or more " if language == "en" else " de 10 por ciento o más ", kept)
        kept = AND_OVER.sub(r"\g<1> or older" if language == "en" else r"\g<1> o mas", kept)
        kept = percent_spelled(kept, language)
        kept = CLOSED_IN.sub(lambda found: f"{found[1] or ''} {'at the end of' if language == 'en' else 'a fines de'} "
                                           f"{found[2]}", kept)
        folded = WHERE_IT_RANKS.sub(r"what position \g<1>", TRADED_ABROAD.sub(
            _as_trade, self._operation_spelled(years_in_digits(fold(words.spelled_out(kept))))))
        two_months = AGAINST_MONTH.search(folded)  # "marzo de 2025 respecto a marzo de 2024": a change between them
        two_quarters = AGAINST_QUARTER.search(folded)  # "1T 2026 vs 4T 2025" too
        folded = _earlier_quarter_first(_earlier_month_first(folded))
        # "interest rate spread (lending minus deposit rate)", "o sea tasa de préstamos menos tasa de depósitos":
        # an explanation of the measure, not a difference asked
        explained = _blank(self._operation_spelled(fold(words.spelled_out(EXPLANATION.sub(" ", kept)))),
                           self.exclusions)  # "brecha de pobreza": a name, not a difference
        two_kind, two_phrase = _found(explained, words, words.two_operand_operations)
        if two_kind == "ratio":
            folded = TIMES_COMPARED.sub(_spaces, folded)
        more_than = HOW_MANY_MORE.search(folded) or BY_HOW_MUCH_MORE.search(folded) or HOW_MANY_MORE_SAID.search(folded) \
            or HOW_MANY_ABOVE.search(folded)
        if two_kind is None and more_than:  # "¿cuántos habitantes más tiene A que B?"
            two_kind = "difference"
        more_said = MORE_THAN_SAID.search(folded) if two_kind is None else None
        if more_said and not WHICH_MEMBER_BEFORE.search(folded[:more_said.start()]):  # "¿hay más hombres que
            two_kind, two_phrase = "difference", more_said["more"]  # mujeres en Santiago?": both, and which is more
        if two_kind is None and (lone_ratio := LONE_RATIO.search(kept)):  # "Luxembourg vs France - ratio?"
            two_kind, two_phrase = "ratio", fold(lone_ratio[1])
        if two_kind is None and (so_many := SO_MANY_TIMES.search(folded)):  # "is Chile's GDP per capita more than
            two_kind, two_phrase = "ratio", so_many[0]  # four times Bolivia's?": the ratio that settles it
            folded = _blank_words(folded, so_many[0])
        if two_kind is None:  # "exportaciones menos importaciones"; not "menos de 15 años", "el que tiene menos"
            between = BARE_MINUS.search(explained)  # "¿en qué país mueren menos bebés?": the member with fewest
            if between and not {between[1], between[2]} & self.stopwords and not ONE_MEMBER.search(explained) \
                    and not MEMBERS_BUT.search(explained):
                two_kind, two_phrase = "difference", "menos"
        folded = AMONG_MEMBERS.sub(lambda found: f"{found[0]} {found[1]}", folded)
        folded = MEMBER_STATES.sub(lambda found: f"{found[1]} {'countries' if found[1] == 'how many' else 'paises'} "
                                                 f"{found[2]}{found[3]}", folded)
        folded = COUNT_SPLIT.sub(lambda found: f"{found[1]} {found[3]} {found[2].strip()}", folded)  # "how many South
        # American countries": a count of countries, of South America
        group_kind, group_phrase = _found(folded, words, words.group_operations)
        if group_kind == "count" and PERIOD_COUNT.search(folded):  # "¿en cuántos de los 12 trimestres…?": periods
            group_kind, group_phrase = None, None
        compared = folded  # before "que" becomes "y": which place follows it, how much longer people live
        # Operation words are no topic; a two-operand one becomes "y", so "importaciones menos exportaciones" is
        # two measures like "cociente entre importaciones y exportaciones".
        folded = _blank_words(_blank_words(_than_as_and(folded, two_phrase), two_phrase, "y"), group_phrase)
        if two_kind == "difference" and more_than is not None and more_than.re is BY_HOW_MUCH_MORE:
            folded = _blank_words(folded, more_than["verb"], "y")  # "did its exports exceed its imports": the verb
            # joins the two measures
        if two_kind == "ratio":  # "ratio of exports to imports"; "from 2010 to 2020" stays a period
            folded = re.sub(r"\bto\b(?!\s+\d)", "y ", folded)
        cues, cue_phrases = _variant_cues(COUNTRY_TOTAL.sub(_spaces, LINE_A_DAY.sub(_spaces, PER_DOLLAR.sub(_spaces, folded))),
                                          words, "us$" in text.lower())  # "el total del país" names the country, never
        # a total measure
        sources_named = [phrase for phrases in words.variant_cues["source"].values()  # "¿cuánto da el Banco Mundial y
                         if (phrase := words.has_phrase(folded, phrases))]  # cuánto el INE?": never one of the two
        if cues.price_basis in ("ppp", "ppp_constant") and cues.currency == "USD":  # "dólares internacionales": PPP dollars
            cues = cues.model_copy(update={"currency": None})
        if more_than is not None and cues.currency and words.has_phrase(more_than[0], words.variant_cues["currency"][cues.currency]):
            # "¿cuántos dólares sobre el promedio estaba?" after PPP dollars: the unit of the gap, not another series
            cues = cues.model_copy(update={"currency": None})
        pair, pair_phrases = _pair(folded, words) or (None, [])
        rate_of = pair if pair and PER_AMOUNT.search(folded) else None
        rate_phrases = pair_phrases if rate_of else []
        if rate_of:  # "hombres por cada 100 mujeres": a measure's name (a rate per 100), neither operands nor a cue
            cues, pair = cues.model_copy(update={rate_of.field: None}), None
            cue_phrases = [phrase for phrase in cue_phrases if phrase not in rate_phrases]  # its words name it
        if pair:  # "mujeres y hombres": two operands, not a cue for one of them
            cues, cue_phrases = cues.model_copy(update={pair.field: None}), cue_phrases + pair_phrases
            if two_kind is None and PER_EACH.search(folded):  # "¿cuántos mayores de 65 hay por cada niño?"
                two_kind = "ratio"
        without_unit_years = _without_unit_years(folded)
        period = find_period(without_unit_years)
        if period.period == PeriodSpec() and THAT_TIME.search(compared):  # "¿en qué año de esos…?": the operation's
            period = PeriodMatch(period=PeriodSpec(shift_months=0, same_part=True), spans=[])  # words held the span
        to_now = TO_NOW.search(without_unit_years)
        against = AGAINST_ONE_MONTH.search(without_unit_years)
        if against and period.period == PeriodSpec(month=MONTHS[against[1]]):
            # "¿y desestacionalizado contra abril?": from that month to the last answer's
            period = period.model_copy(update={"period": PeriodSpec(month=MONTHS[against[1]], until_previous=True),
                                               "spans": [*period.spans, against.span()]})
        elif OPENS_AGAINST.search(without_unit_years) and period.period.is_single_year and not (
                period.period.month_end or period.period.quarter_end or period.period.unstated):
            period = period.model_copy(update={"period": period.period.model_copy(update={"until_previous": True})})
        if to_now and period.period.is_single_year and period.period.start == int(to_now[1]):
            period = period.model_copy(update={"period": period.period.model_copy(update={"end": None})})
        source_phrases = [p for p in cue_phrases if p in words.variant_cues["source"].get(cues.source or "", [])]
        age_phrases = [phrase for phrase in cue_phrases + rate_phrases if any(phrase in said for said in words.variant_cues["age"].values())]
        if MEASURED_IN_YEARS.search(folded) and any(AGE_COMPARED.match(phrase) for phrase in age_phrases):
            # "¿cuántos países tienen más de 65 años de esperanza de vida?": a condition on the years, not over-65s
            age_phrases = [phrase for phrase in age_phrases if not AGE_COMPARED.match(phrase)]
            cues = cues if age_phrases else cues.model_copy(update={"age": None})
        counted_periods = None if YEARS_LIVED.search(compared) or YEARS_OF_A_MEASURE.search(folded) \
            or BY_HOW_MANY_YEARS.search(folded) else \
            PERIOD_COUNT.search(folded)  # "¿en cuántos meses…?"
        periods_listed = WHICH_PERIODS.search(fold(kept)) is not None  # "¿en qué meses…?": counted periods, listed
        threshold, threshold_span, percent = _threshold(kept, folded, age_phrases,  # "half a percent": 0.5
                                                        counting=group_kind == "count" or counted_periods is not None
                                                        or periods_listed or LAST_TIME.search(folded) is not None)
        # ("when was the last year Spain had negative CPI inflation?": a sign, the condition last met)
        fell_first = FELL_FIRST.search(folded) if threshold is None and group_kind is None else \
            FELL_IN.search(folded) if threshold in (None, ("<", 0.0)) and periods_listed else None
        if fell_first:  # "the first year after 2010 in which Chile's GDP shrank": its growth below zero, first met
            threshold, threshold_span, percent = ("<", 0.0), [fell_first.span(1)], True
            cues = cues.model_copy(update={"transform": cues.transform or "growth"})
        context = CONTEXT_SENTENCE.search(kept)  # where, in the folded text, a sentence of context ends
        context_end = len(fold(context[0])) if context else 0
        if threshold and context and threshold_span[-1][0] < context_end:
            # "Un senador dijo que el desempleo ya pasa el 10 %. ¿Cuál es la tasa más reciente?": a claim, not asked;
            # the question's own condition, if it says one ("… above 50 grand. How many countries had … above
            # US$50,000?")
            asked = _threshold(kept, " " * context_end + folded[context_end:], age_phrases,
                               counting=group_kind == "count" or counted_periods is not None)
            if asked[0] is not None or not words.has_phrase(
                    folded[context_end:], words.operations["first_meeting"] + words.group_operations["count"]):
                threshold, threshold_span, percent = asked
        if threshold and group_kind is None and (CLAIM_CHECKED.search(folded) or STILL_CHECKED.search(folded) or (
                period.period.latest)) and not words.has_phrase(folded, words.operations["first_meeting"]):
            # "Chile spends less than half a percent of GDP on R&D - true?", "is it still over 10%?": the figure that
            # settles it, never the first year it did; its words stay read
            threshold, percent = None, False
        threshold_text = [folded[start:end] for start, end in threshold_span]  # "30 millones" no Mejillones
        places = self._places(folded, cue_phrases, threshold_text, _parenthesised(kept, folded), context_end)
        places = _without_neighbours(places, folded)
        places, excluded, folded = _left_out(places, folded)
        if cues.measure is None and any(re.search(rf"\b(?:cada|each|every) {re.escape(place.matched)}\b", folded)
                                        for place in places.places):  # "¿cuántas toneladas emitía cada mexicano?"
            cues = cues.model_copy(update={"measure": "per_capita"})
        if two_kind and len(places.places) == len(places.spans) == 2 and (AFTER_THAN.search(
                compared[:places.spans[0][0]]) or two_kind == "ratio" and FITS_IN.search(compared)):
            # "¿cuántas veces cabe la población de Argentina en la de Brasil?": Brazil's over Argentina's
            places = places.model_copy(update={"places": places.places[::-1], "spans": places.spans[::-1]})
        member_kind = places.member_kind or next(  # "¿cuántos países…?": the operation's words name the members
            (MEMBER_WORDS[word] for word in fold(group_phrase or "").split() if word in MEMBER_WORDS), None) or (
            "country" if ECONOMIES_RANKED.search(folded) else None)
        # "las siete regiones del Banco Mundial, ¿cuáles dos…?": the number in a group's name is not the top-N
        next_ones = AND_THE_NEXT.search(folded)
        ordinal = ORDINAL_RANK.search(folded)
        placed = PLACED_NTH.search(folded)
        top_n = _top_n(_remove(folded, places.spans)) or _top_n(folded) or (
            next_ones and (3 if next_ones[2] or next_ones[4] else 2)) \
            or (ordinal and ORDINALS[ordinal[1]]) or (placed and _place_number(placed))
        # "el promedio de la variación mensual del IPC": a measure's name ("variación mensual") changes nothing
        operation = _operation(_blank(AGE_BOUND.sub(_spaces, folded), self.exclusions + age_phrases + self.measure_changes),
                               words, threshold is not None)
        if placed and operation in (None, Operation.RANK):  # "¿es cierto que Chile quedó primero en Sudamérica?":
            groups_named = sum(place.kind in GROUP_KINDS for place in places.places)  # Chile's place in it
            operation = Operation.POSITION if len(places.places) == 2 and groups_named == 1 else (
                None if len(places.places) > 1 else Operation.RANK)  # "Chile vs Peru, who came first?": both values
        said = period.period
        if operation == Operation.SERIES and said.unstated and len(places.places) == 2 and BETWEEN_PLACES.search(folded) \
                and not words.has_phrase(folded, [phrase for phrase in words.operations["series"] if phrase not in SPAN_SAID]):
            operation = None  # "¿y entre Los Ángeles y Chillán?" after a difference: two places, no span of time
        rate_changed = False
        rate_named = bool(words.has_phrase(folded, [  # "inflación", "GDP growth": a rate named as the topic
            cue for cue in words.topic_cues if cue in words.variant_cues["transform"]["growth"]]))
        over_the_last = said.last_n_years and not (rate_named or EACH_YEAR.search(folded))  # "growth each year": a series
        in_percent = words.has_phrase(folded, words.operations["percent_change"])
        shares_said = [fold(phrase) for phrase in cue_phrases if phrase in words.variant_cues["measure"]["share"]]
        if HOW_MUCH_GREW.search(folded) and cues.measure == "share" and in_percent \
                and not re.search(rf"\b{in_percent} (?:de|del|of)\b", folded) \
                and all(phrase in map(fold, words.operations["percent_change"]) for phrase in shares_said) \
                and not words.has_phrase(folded, words.variant_cues["measure"]["per_capita"]):
            cues = cues.model_copy(update={"measure": None})  # "so how much did it grow, in %?": a change in percent,
            # never a share ("en porcentaje de la población", "(como % del territorio)" name one)
        if HOW_MUCH_GREW.search(folded) and not _aggregate(folded, words) and (
                said.since_previous or over_the_last or THOSE_YEARS.search(folded) or SAME_SPAN.search(folded) or said.start and (
                    said.end is None or said.start < said.end or said.month_end)
                or said.end and said.start is None and CONTINUATION.match(folded)):  # "¿y cuánto va a crecer hasta 2035?"
            # "¿cuánto creció la población entre 2002 y 2020?", "¿cuánto crece entre ambas fechas?", "desde 2020" (to the
            # latest), "en los últimos 10 años": the change over
            # the years, not the yearly growth rates; but a rate named as the topic ("¿cuánto bajó la inflación entre
            # diciembre de 2022 y diciembre de 2023?") is that rate's change, never its index's
            rate_changed = cues.transform == "growth" and rate_named  # "inflación": a topic and a growth cue
            operation, cues = Operation.CHANGE, cues if rate_changed else cues.model_copy(update={"transform": None})
        if operation in (None, Operation.RANK, Operation.SERIES) and GREW_MORE.search(folded) and (
                said.same_part or said.last_n_years or said.start is not None and (said.end is None or said.start < said.end)) \
                and not _aggregate(folded, words) and (
                len(places.places) == 2 or words.has_phrase(folded, words.both_places)):
            # "which of the two added more subscriptions since 2013?", "¿cuál de los dos creció más entre 2010 y 2020?":
            # each one's change over the span, never their yearly series or growth rates; the verb is the last
            # measure's, no measure of its own ("envejeció": no ageing index)
            operation = Operation.CHANGE
            cues = cues if rate_named else cues.model_copy(update={"transform": None})
        grew_more = [found.span()] if operation == Operation.CHANGE and (found := GREW_MORE.search(folded)) else []
        if operation in (None, Operation.CHANGE) and said in (PeriodSpec(), PeriodSpec(shift_months=said.shift_months)) and (
                against := find_shift(without_unit_years, compared=True)):
            # "¿cuánto cambió respecto al trimestre anterior?", "and compared with the previous quarter?": from the
            # period before the last answer's to it
            period = PeriodMatch(period=PeriodSpec(shift_months=against[0]), spans=[against[1]])
            operation, said = Operation.CHANGE, period.period
        elif operation == Operation.CHANGE and said == PeriodSpec() and (over := OVER_ONE_PERIOD.search(folded)):
            # "¿y cuánto ha subido en un año?" after July's UF: from a year before the last answer's period to it
            period = PeriodMatch(period=PeriodSpec(shift_months=-UNIT_MONTHS[over[1]]), spans=[over.span()])
            said = period.period
        if operation == Operation.CHANGE and cues.transform == "growth" and IN_POINTS.search(folded) and words.has_phrase(
                folded, [cue for cue in words.topic_cues if cue in words.variant_cues["transform"]["growth"]]):
            rate_changed = True  # "the change, in percentage points, of 12-month inflation": the rate's own change
        if to_now and operation in (None, Operation.SERIES) and said.start is not None and said.end is None:
            operation = Operation.CHANGE
        if operation in (None, Operation.SERIES) and (two_months and said.month_end or two_quarters and said.quarter_end
                                                      or said.start != said.end and (
                said.month and said.month == said.month_end or said.quarter and said.quarter == said.quarter_end)):
            operation = Operation.CHANGE  # a month or quarter against the same one of another year
        one_member = ASKED_ONE_MEMBER.search(folded) or ONE_MEMBER.search(folded) or ONE_MEMBER_ADJECTIVE.search(folded) \
            or ONE_MEMBER.search(explained)  # "in the Magallanes region, which comuna had…": the kind asked
        member_at = next((one_member.start(index) for index in range(1, one_member.re.groups + 1) if one_member[index]),
                         None) if one_member else None
        if member_at is not None and one_member.string == folded and any(start <= member_at < end
                                                                          for start, end in places.spans):
            one_member = None  # "¿es cierto que en la región Metropolitana viven…?": the word is the place's name
        # "¿qué país de Sudamérica (según la ONU) tuvo…?": a parenthesis between the member and its verb
        averaged = operation == Operation.AGGREGATE and (one_member or top_n) and ON_AVERAGE.search(folded) is not None
        if operation == Operation.AGGREGATE and ON_AVERAGE.search(folded) and (YEARS_LIVED.search(compared) or (
                said.unstated and not places.member_kind and not any(place.kind in GROUP_KINDS for place in places.places))):
            operation, averaged = None, True  # "¿cuántos años vive en promedio un japonés?": the measure is an average,
            # of no years nor places
        if operation == Operation.AGGREGATE and EACH_OF_TWO_YEARS.search(folded):
            operation = None
        if operation == Operation.AGGREGATE and (whole := AS_A_WHOLE.search(folded)) and len(places.places) == 1 \
                and places.places[0].kind == "aggregate" and not member_kind:
            operation, folded = None, _blank(folded, [whole[0]])  # "¿y para la Unión Europea en conjunto?": its own
            # published figure, never a sum of its members
        if operation == Operation.AGGREGATE and (one_member or averaged):
            operation = None  # "¿qué país tuvo la inflación promedio más baja entre 2010 y 2019?": ranked by it
        if one_member and operation in (None, Operation.RANK) and group_kind is None and len(places.places) < 2:
            operation, top_n = Operation.RANK, top_n or 1
            member_kind = member_kind or ONE_MEMBER_KINDS[next(kind for kind in one_member.groups() if kind)]
        elif one_member and operation in (None, Operation.RANK) and not top_n and group_kind is None and len(places.places) == 2 and \
                self._member_and_whole(places.places, ONE_MEMBER_KINDS[next(kind for kind in one_member.groups() if kind)]) \
                and not MORE_THAN_THE_OTHER.search(folded):  # "¿la comuna tiene más adultos mayores que la región?":
            # the two side by side
            # "¿es verdad que La Pintana es la comuna con más pobreza de la RM?": where it stands there, never its
            # figure alone
            operation = Operation.POSITION
        if placed and (asked_member := ASKED_MEMBER.search(folded)) and operation in (None, Operation.RANK) \
                and group_kind is None and len(places.places) < 2:
            member_kind = member_kind or ONE_MEMBER_KINDS[asked_member[1]]
        if WHERE_MOST.search(folded) and operation in (None, Operation.RANK) and group_kind is None \
                and two_kind is None and len(places.places) < 2:  # "where is it highest, Chile or Peru?": both values
            place_kind = places.places[0].kind if places.places else "country"  # Chile by default
            operation, top_n = Operation.RANK, top_n or 1
            member_kind = member_kind or MEMBERS_WITHIN.get(place_kind)
        if operation == Operation.RANK and not top_n and ONE_AT_AN_END.search(folded):
            top_n = 1
        agents = AGENTS_RANKED.search(folded) if not places.places and group_kind is None and two_kind is None else None
        if agents and operation in (None, Operation.RANK):  # "Who were the five biggest CO2 emitters in 2014?": the
            # countries that emitted most, never Chile's emissions
            operation, member_kind = Operation.RANK, member_kind or "country"
            top_n = top_n or (int(agents[1]) if agents[1] and agents[1].isdigit() else NUMBER_WORDS.get(agents[1] or "", 1))
        breakdown = BREAKDOWN.search(explained)  # "(población refugiada por país de asilo)": a name explained
        if breakdown and operation is None and two_kind is None and group_kind is None and len(places.places) < 2 and \
                BREAKDOWN_KINDS[breakdown[1]] not in {place.kind for place in places.places}:  # Ecuador has no countries
            operation, member_kind = Operation.RANK, member_kind or BREAKDOWN_KINDS[breakdown[1]]
        elif breakdown and operation == Operation.AGGREGATE and not member_kind and group_kind is None \
                and len(places.places) == 1 and BREAKDOWN_KINDS[breakdown[1]] != places.places[0].kind:
            member_kind = BREAKDOWN_KINDS[breakdown[1]]  # "¿en promedio cuántos habitantes tiene cada comuna de Los
            # Ríos?": of its comunas, never the region's own figure
        if member_kind and operation is None and not top_n and group_kind is None and WHOLE_GROUP.search(folded):
            member_kind = None  # "the Antofagasta region as a whole (all its comunas…)": the region's own figure
        if top_n and operation is None:
            operation = Operation.RANK
        summed = operation is None and member_kind == "country" and group_kind is None and two_kind is None \
            and HOW_MANY_PEOPLE.search(folded) is not None  # "how many people lived in the Pacific Alliance
        if summed:  # countries?": all of them together, never each one's figure
            operation = Operation.AGGREGATE
        if operation in (None, Operation.FIRST_MEETING) and threshold is not None and member_kind and group_kind is None \
                and not words.has_phrase(folded, words.operations["first_meeting"]):
            operation = Operation.COUNT  # "países de Sudamérica con más de 50 millones": those that meet it, and how many
        if operation in (None, Operation.FIRST_MEETING) and threshold is not None and group_kind is None \
                and _side_by_side(places.places) and LISTED_COUNT.search(folded):
            operation = Operation.COUNT  # "Of Chile, Argentina and Uruguay, how many had…above 78?": of those named
        percent_change = words.has_phrase(folded, words.operations["percent_change"])
        beside = _variant_cues(_blank_words(folded, percent_change), words)[0].measure if percent_change else None
        if (operation == Operation.CHANGE or two_kind == "difference" or cues.transform == "growth" and beside) \
                and cues.measure == "share" and percent_change:
            # "¿en qué porcentaje subió?", "¿cuánto más alto…, en porcentaje?", "¿cuánto creció el PIB per cápita…?
            # en %": a % change (or difference, or growth rate), of the measure named besides it, if any
            cues = cues.model_copy(update={"measure": beside})
        if percent and threshold and cues.transform is None and GROWTH_VERB.search(folded):
            cues = cues.model_copy(update={"transform": "growth"})  # "how many years did Chile grow above 5 %?"
        elif percent and cues.measure is None:  # "superó el 80 %": a share, where the family has one
            cues = cues.model_copy(update={"measure": "share"})
        source_words = {word for phrase in source_phrases for word in fold(phrase).split()}
        priced = {word for phrase in cue_phrases if any(phrase in said for said in words.variant_cues["price_basis"].values())
                  for word in fold(phrase).split()}  # "descontando la inflación" is how wages are priced, no inflation
        cue_words = {word for phrase in cue_phrases for word in fold(phrase).split()} - (set(words.topic_cues) - priced)
        marked = _remove(_mark(folded, places.spans), period.spans + threshold_span)  # "Brasil y México": places, not topics
        asked_how = percent_change if operation == Operation.CHANGE or two_kind == "difference" else None
        marked = _blank_words(marked, asked_how)  # "by what percent did it go up": how it is asked, no measure
        marked = _blank(marked, [phrase for phrase in cue_phrases  # "entre 15 y 29 años" joins no two measures
                                 if any(CONJUNCTION.fullmatch(word) for word in phrase.split())])
        named = {word for phrase in self.exclusions if words.has_phrase(folded, [phrase])
                 for word in fold(phrase).split()}  # "sueldo mínimo": a name, not a minimum
        stopwords = self.stopwords - (named - function_words())
        stopwords = stopwords | self._aside(kept, stopwords, places.places)
        if top_n:  # "which five countries": the number of a top-N is no topic, nor "¿y el segundo?" of the one before
            stopwords = stopwords | {word for word, value in NUMBER_WORDS.items() if value == top_n} | (
                {next(word for word in next_ones.groups() if word)} if next_ones else set()) | (
                {ordinal[1]} if ordinal else set()) | (
                set(placed[0].split()) if placed else set())
        measures = self._measures(marked, cue_words | source_words, stopwords)
        if len(measures) > 1:  # "I need both rates": words for any figure name no second measure
            measures = [measure for measure in measures if not set(measure.split()) - stopwords - BOTH_WORDS
                        <= set(words.vague_words)] or measures
            measures = measures if len(measures) > 1 else []
        operation, unsupported = _operation_reading(
            operation, two_kind, group_kind, pair=pair is not None, measures=len(measures), places=len(places.places),
            threshold=threshold is not None, years=(period.period.start, period.period.end))
        if operation == Operation.POSITION and not places.places and ONE_AT_AN_END.search(folded):
            operation = Operation.RANK  # "and who's last on that list?": which one, never where one stands
        listed = not unsupported and len(measures) > 1 and operation not in TWO_OPERANDS  # "X y Y": each of them
        cues, second_cues = self._cues_of_each(marked, measures, cues, words) if listed and len(measures) == 2 else (cues, None)
        unsupported = as_written(text, two_phrase or group_phrase or more_than[0]) if unsupported else (
            " / ".join(dict.fromkeys(measures)) if listed else None)
        per_each = FOR_EVERY.search(folded)
        if per_each and not unsupported:  # "for every patent filed by a resident, how many by non-residents?"
            unsupported = as_written(text, per_each[1])  # a ratio the other way round: never one of its two series
        judgement, judged = next(((kind, phrase) for kind in ("worst", "best")  # before "el peor año" is blanked
                                  if (phrase := words.has_phrase(INCOME_GROUP.sub(" ", compared), words.operations[kind]))),
                                 (None, None))  # "el 10% más rico" names an income group, no judgement
        unread = _remove(without_unit_years, period.spans + threshold_span)
        unread_year = next((year for year in ONE_YEAR.finditer(unread) if PART_OF_YEAR.search(unread[:year.start()])
                            and not _quarter_said_again(unread[:year.end()], said) or not (
            said.start is not None and said.start <= int(year[0]) <= (said.end or said.start))), None)
        # a year the period already holds is said twice ("el promedio del 2024 … entre enero y diciembre de 2024"),
        # unless a month or quarter of it went unread ("y el de jun-ago 2020")
        if unread_year and not unsupported:  # "entre el trimestre dic-feb 2020 y el de jun-ago 2020": a second period
            unsupported = as_written(text, unread_year[0])  # the reading missed, never answered with the first alone
        unread_decade = (DECADE.search(unread) or SINCE_A_DECADE.search(unread)) if (said.start or said.end) else None
        if unread_decade and said.start and said.end == said.start + 9 and said.start % 10 == 0 \
                and str(said.start)[2:] in unread_decade[0]:  # "la década del 2010 (2010 a 2019)": the same years
            unread_decade = None
        if unread_decade and not unsupported:  # "¿la inflación de 2022 fue la más alta desde los 90?": a second period
            unsupported = as_written(text, unread_decade[0].strip())
        unread_shift = find_shift(_blank(unread, cue_phrases), compared=True) if said.start is not None else None
        shift_said = unread[unread_shift[1][0]:unread_shift[1][1]] if unread_shift else ""
        if (said.same_part and said.start is not None or said.latest) and not unsupported and (
                shifted := find_shift(_blank(unread, cue_phrases))):
            # "¿y el trimestre anterior, comparado con igual trimestre de 2023?", "Latest real wage index, and what was
            # it a year earlier?": two periods, one of them shifted, which no reading holds
            unsupported = as_written(text, unread[shifted[1][0]:shifted[1][1]])
        if (own_latest := EACH_OWN_LATEST.search(folded)) and operation in (Operation.RANK, Operation.COUNT, Operation.POSITION) \
                and not unsupported:
            unsupported = as_written(text, own_latest[0])  # "tomando el último dato de cada país": members compared in
            # years of their own, which no ranking here does (it compares one year)
        if (both := PERIOD_AND_SHIFTED.search(folded)) and not unsupported:  # "that year and the year after": two
            unsupported = as_written(text, both[0])  # periods, one shifted, which no reading holds
        if re.search(r"\b(?:ago|hace)\b", shift_said) and not unsupported:
            # "Germany's GDP last year vs five years ago": a second period, counted from today; never "compared to a
            # year earlier", the period before the one said, nor the measure's own "respecto al mes anterior"
            unsupported = as_written(text, shift_said)
        unread_percent = next((found for found in PERCENT_SAID.finditer(text) if (at := re.search(
            rf"\b{re.sub(r'[.,]', ' ', found[1])}\b", unread)) and not QUANTILE_SAID.search(unread[max(at.start() - 12, 0):at.end() + 16])),
            None) if operation in (Operation.WHICH_PERIOD, Operation.RANK, Operation.POSITION) and threshold is None else None
        if unread_percent and not unsupported:  # "¿en qué año bajó … el desempleo de Colombia del 10 %?": a figure
            unsupported = unread_percent[0]  # said that no reading used, never the highest year instead
        uncued = _blank(unread, cue_phrases)  # "2023, de diciembre a diciembre" is a cue, not a month
        spans = list(MONTH_SPAN.finditer(uncued))  # "diciembre (trimestre octubre-diciembre)": December's quarter
        unread_month = next((month for month in [*FULL_MONTH.finditer(uncued), *spans]
                             if MONTHS[month.group(month.re.groups)] not in (said.month, said.month_end) and not any(
                                 span.start() <= month.start() < span.end() and span != month for span in spans)),
                            None) if said.month or said.start is not None and (
            said.end != said.start or said.quarter is None) else None  # "la UTM de enero, del 2021 al 2024": each
        # year's January, "(Jan-Mar rolling quarter): change from 2021 to 2024", which no plan says: never the yearly
        # figures
        if unread_month and not unsupported:  # "en mayo de 2026 respecto de abril": a second month, never ignored
            unsupported = as_written(text, unread_month[0])
        foreigners = self.gazetteer.people_elsewhere(folded, places.places)
        if foreigners and not unsupported:  # "¿cuántos venezolanos viven en Ñuble?": never Venezuela's own figure
            unsupported = as_written(text, foreigners.matched)
        amount_of_unit = AMOUNT_OF_UNIT.search(folded)  # "¿cuánto son 10 UTM en pesos?": that many of the unit
        beyond_reach = UNITS_IN_AMOUNT.search(folded) or YESTERDAY.search(folded) or UNCOMPUTED.search(folded)
        if beyond_reach and not unsupported:
            unsupported = as_written(text, beyond_reach[0])
        spread = SPREAD.search(folded) or COMPOUND.search(folded)  # "el rango (máximo menos mínimo)": no plan
        # subtracts a series' ends; "per year on average (compound)": none gives a compound rate
        if spread and not unsupported:
            unsupported = as_written(text, spread[0])
        neighbours = NEIGHBOURS.search(folded)
        if neighbours and not unsupported and len(places.places) < 3:  # "Chile's neighbours (Argentina, Peru or
            # Bolivia)": named one by one
            unsupported = as_written(text, neighbours[0])
        since_when = SINCE_WHEN.search(folded) or (SINCE_WHICH.search(compared) if operation == Operation.WHICH_PERIOD
                                                   else None)  # before "which year" is blanked
        if since_when and (threshold is not None or words.has_phrase(folded, words.operations["rank"])
                           or operation == Operation.WHICH_PERIOD) and not unsupported:
            unsupported = as_written(text, since_when[0])
        newest_against = LATEST_SAID.search(folded) if SAME_PART_A_YEAR_BEFORE.search(folded) and not (
            said.month or said.quarter) else None
        if newest_against and not unsupported:  # "el último dato, ¿subió comparado con el mismo mes del año pasado?":
            unsupported = as_written(text, newest_against[0])  # the newest month against a year before, not yet read
        divided = DIVIDING.search(folded) if two_kind is None else None  # "si divido la población por los hogares":
        if divided and not unsupported:  # a ratio said around its measures, which the reading cannot split
            unsupported = as_written(text, divided[0])
        unnamed_age = UNNAMED_AGE.search(_blank(folded, age_phrases))  # "aged 65" names a group, "at age 60" none
        if unnamed_age and not unsupported:
            unsupported = as_written(text, unnamed_age[0])
        if (converted := CONVERTED.search(folded)) and not unsupported:  # "pásamelo a pesos con el dólar de ese año":
            unsupported = as_written(text, converted[0])  # a figure times a rate, never the rate alone
        if (at_extreme := AT_ITS_EXTREME.search(folded)) and not unsupported:  # "¿es verdad que el desempleo está en
            unsupported = as_written(text, at_extreme[0])  # su nivel más alto desde 2021?": the newest against every
            # value since, which no plan says; never the highest since then alone
        if counted_periods and threshold is not None:  # "¿en cuántos meses de 2023 el desempleo estuvo sobre 8 %?"
            operation = Operation.PERIOD_COUNT
        elif operation == Operation.FIRST_MEETING and PLURAL_PERIODS.search(group_phrase or ""):
            # "¿en qué años superó el 10 %?": each of them, not the first
            operation, counted_periods = Operation.PERIOD_COUNT, PLURAL_PERIODS.search(group_phrase)
        elif counted_periods:  # "¿cuántos años de datos hay?": no condition to count by
            unsupported = as_written(text, counted_periods[0])
        by_how_much = BY_HOW_MUCH.search(folded)
        if by_how_much and operation in (None, Operation.VALUE, Operation.LATEST) and not unsupported \
                and not (cues.transform or HOW_MUCH_GREW.search(folded) or CHANGE_VERB.search(folded)):
            # "INE's projection was higher, wasn't it? by how much?": a gap no reading found, never the figure alone
            unsupported = as_written(text, by_how_much[0])
        if operation in (None, Operation.SERIES) and not unsupported and (
                CHANGED_AT_THE_END.search(folded) or YEAR_AGAINST_YEAR.search(folded) and not places.places[1:]) \
                and len(set(re.findall(r"\b(?:19|20)\d\d\b", folded))) == 2:
            operation = Operation.CHANGE  # "Gini de Mozambique en 2019 y 2022, ¿bajó?": from one year to the other;
            # "urban share in 1960 versus 1990" too (of one place: two places side by side are each one's values)
        amount_and_share = AMOUNT_AND_SHARE.search(folded)
        if amount_and_share and cues.measure == "share" and operation is None and not unsupported:
            # "¿cuántos niños había en Coquimbo, y qué porcentaje de la población eran?": the amount, then its share
            listed, unsupported = True, as_written(text, amount_and_share[1] or amount_and_share[2])
        part_of_amount = AMOUNT_AND_PART.search(folded) if pair is None and operation is None else None
        if part_of_amount and not unsupported:  # "How many people were counted in Providencia, and how many of them
            # are women?": the amount, then its women
            female = part_of_amount[1] in ("women", "mujeres", "female", "females")
            pair = VariantPair(field="sex", values=("total", "female" if female else "male"))
            listed, unsupported = True, as_written(text, part_of_amount[0])
            cues = cues.model_copy(update={"sex": None})
        if len(sources_named) > 1 and not unsupported:
            unsupported = " / ".join(as_written(text, phrase) for phrase in sources_named)
        if pair and operation not in TWO_OPERANDS:  # "población de 0 a 14 y de 65 y más": which one?
            listed = listed or not unsupported
            unsupported = unsupported or " / ".join(as_written(text, phrase) for phrase in pair_phrases)
        several = listed and not (per_each or unread_year or unread_month or counted_periods or len(period.spans) > 1)
        if computed_from := COMPUTED_FROM.search(folded):  # the measures named after it are a method, not a list
            unsupported, several, listed = as_written(text, computed_from[0]), False, False
        those_few = [found.span() for found in THOSE_FEW.finditer(folded)]  # "the average of those five": the places
        each_years_mean = [found.span() for found in EACH_YEARS_MEAN.finditer(folded)]
        annual_average = [found.span(1) for found in ANNUAL_AVERAGE.finditer(folded)]  # "el promedio anual": no topic
        if (each_years_mean or annual_average and YEARS_LISTED.search(folded)) and operation == Operation.AGGREGATE \
                and period.period.start and period.period.end and period.period.end > period.period.start:
            operation, averaged = Operation.SERIES, True  # "los promedios anuales": each year's figure, a year's mean
        without_entities = PLACE_OF_THE_LAST.sub(" ", _blank_words(  # "en esa comuna" names a place, not the measure
            self._without_series_phrases(_remove(folded, period.spans + places.spans + threshold_span + those_few + [
                found.span() for found in NATIONAL.finditer(folded)] + [  # "el nacional": a place, not the measure
                found.span() for found in AGAINST_AN_AVERAGE.finditer(folded)] + grew_more + each_years_mean + annual_average)),  # "superior a la media": no education
            asked_how))
        search_words = [self._spelled(word) for word in without_entities.split()
                        if word not in stopwords and word not in source_words and not word.isdigit()]
        topic_text = " ".join(word for word in search_words if word not in cue_words)
        second_topic, second_hits = "", []
        if len(measures) == 2 and not pair and len(places.places) < 2 and (operation in TWO_OPERANDS or unsupported):
            measures = _shared_modifiers(measures, self.joined_words)
            (topic_text, second_topic), search_words = measures, measures[:1]
            without_entities, second_hits = measures[0], self._search([measures[1]])
        elliptical = False
        if YEARS_LIVED.search(compared):  # "¿cuántos años vive la gente en Uruguay?": the life expectancy, not people
            topic_text = without_entities = "esperanza de vida"
            search_words = [topic_text]
            one = ONE_OF_A_SEX.search(compared)  # "¿cuántos años vive una mujer en Chile?": hers
            if one and cues.sex is None:
                cues = cues.model_copy(update={"sex": "female" if one[1] else "male"})
        elif PEOPLE_PER_HOME.search(compared):  # "¿cuántas personas viven por casa en promedio?": the household size
            topic_text = without_entities = "personas por hogar"
            search_words = [topic_text]
        elif CHILDREN_PER_WOMAN.search(compared):  # "how many babies per woman did Korean women have": "korean" stays
            topic_text = without_entities = " ".join(["tasa de fertilidad", *(
                word for word in topic_text.split() if not CHILDREN_PER_WOMAN_WORDS.fullmatch(word))])
            search_words = [topic_text]
            cues = cues.model_copy(update={"age": None, "sex": None})
        elif (one := AND_ONE_OF_A_SEX.match(compared)) and cues.sex is None:
            cues = cues.model_copy(update={"sex": "female" if one[1] else "male"})
        elif self._counts_people(topic_text, cues, folded) and (topic_text or (places.by_people and not group_phrase and not (
                previous_measure and cues.sex and CONTINUATION.match(folded))) or (  # "¿y los hombres uruguayos?": the
                cues.age and not CONTINUATION.match(folded)) or (  # last measure's men; "¿y las mujeres jóvenes, de 15 a 24?": the last measure's
                cues.sex and places.places and not CONTINUATION.match(folded) and SEX_COUNTED.search(folded))):
            # "¿cuántas mujeres hay en Punta Arenas?", "what percentage of Peru's people are men?": its people
            # "¿cuántos puntos subió el porcentaje de mayores de 65 en Japón?": an age group's share of the people
            # "¿cuántas personas tiene Paraguay?", "¿cuántos chilenos hay?": the population
            # "¿qué porcentaje del total tiene 65 o más?" names an age alone: of the people last asked about
            elliptical = not topic_text and not places.places
            said_census = sorted(set(topic_text.split()) & set(words.census_words))  # "gente según el censo"
            topic_text = without_entities = " ".join(["poblacion", *said_census])
            search_words = [topic_text]
        elif cues.measure == "share" and "poblacion" not in topic_text and (
                places.by_people and (LIVES_IN.search(folded) or PEOPLE_HAVE.search(folded))
                or LIVES_IN.search(folded) and topic_text and set(topic_text.split()) <= set(words.census_words)):
            # "¿qué % de los chilenos vive en zonas urbanas?", "what share of Nigerians had electricity?": a share of
            # the people, never a rate among those there nor a share of something else; "q % de todo chile vive en la
            # RM según el censo": of its people, never of its empty homes
            topic_text = without_entities = f"poblacion {topic_text}"
            search_words = topic_text.split()
        implied = next((topic for verb, topic in words.implied_topics.items() if words.has_phrase(folded, [verb])), None)
        of_countries = operation != Operation.CHANGE and not CONTINUATION.match(folded) and (
            places.places or previous_measure is None) and all(place.kind in ("country", *GROUP_KINDS) for place in places.places)
        if implied and set(topic_text.split()) <= set(words.implied_topics) | set(words.vague_words) \
                and (member_kind or of_countries) \
                and not unsupported and not (grew_more and previous_measure is not None):
            # "which country grows the most": the verb is no topic of its own; "which one grew more, Peru or
            # Colombia?" after GDP per head: the last measure's change
            # "¿cuántos países crecieron más de 10 %?", "el peor año de crecimiento de México", "crecimiento promedio
            # de El Salvador, promedio de las tasas anuales": the economy's growth
            topic_text = without_entities = implied
            search_words = implied.split()
            cues = cues.model_copy(update={"transform": "growth", "measure": None})
        elif implied and not topic_text and period.period.projected and places.places and not unsupported and all(
                place.kind.startswith("cl_") for place in places.places):
            # "¿cuánto crece la región de Valparaíso entre 2025 y 2035 según las proyecciones del INE?": the people
            # the projections count, never its economy
            topic_text = without_entities = "poblacion"
            search_words = [topic_text]
        elif implied and not topic_text and places.places and not unsupported and previous_measure is None and all(
                place.kind == "cl_region" for place in places.places):
            # "¿cuánto creció la Región de Atacama en el 4T 2025 respecto al 4T 2024?": its economy, the regional GDP
            topic_text = without_entities = "pib"
            search_words = [topic_text]
        elif (member_kind == "country" or operation in TWO_OPERANDS and places.places and all(
                place.kind == "country" for place in places.places)) and topic_text \
                and set(topic_text.split()) <= ECONOMIES and not cues.transform:
            # "la economía más grande de Sudamérica", "the five largest economies": countries ranked by their GDP;
            # "¿cuántas veces más grande es la economía de España que la de México?": their GDPs
            topic_text = without_entities = "pib"
            search_words = [topic_text]
        if operation in (Operation.RANK, Operation.WHICH_PERIOD) and (len(places.places) >= 2 or IS_IT.match(folded)) \
                and AGAINST_AN_AVERAGE.search(folded):
            # "¿el desempleo en Chile fue mayor que el promedio de América Latina?", "¿es mayor al promedio mundial?"
            # after a figure: a place beside a group's average, never the highest of anything
            operation, order, member_kind = None, None, None
        if operation in (Operation.RANK, Operation.WHICH_PERIOD) and len(places.places) >= 2 and not member_kind \
                and AGAINST_A_PLACE.search(folded):  # the two places side by side, never one ranked within the other
            operation, order = None, None
        if operation is None and member_kind and OPENS_AGAINST.search(folded) and places.places \
                and all(place.kind == "aggregate" for place in places.places):
            member_kind = None  # "and versus high-income countries?": the published aggregate, against the last answer
        group = self._group(places.places, operation, member_kind)
        if group is not None and group.kind == "aggregate" and member_kind == "country":
            # "¿cuántos países de la Unión Europea…?": its member states, in place of its published figure
            places = places.model_copy(update={"places": [
                place for place in places.places if place is not group]})
            group = self.gazetteer.member_states(group)
        asked_among = (_named_twice(places, folded) or _ranked_against(places, folded)) \
            if operation == Operation.POSITION and group is None else None
        among = places.places if asked_among else []
        if asked_among:
            index = places.places.index(asked_among)
            places = places.model_copy(update={"places": [asked_among], "spans": places.spans[index:index + 1]})
        if operation == Operation.FIRST_MEETING:
            order = "desc" if LAST_TIME.search(folded) else "asc"
        else:
            # "(tasa activa menos tasa de letras del tesoro)" explains the measure: its "menos" orders nothing;
            # "de mayor a menor" names both ends, the first one first; "menores de 5 años" is an age, not an end, and
            # "los países… menos Perú" leaves one out
            ordering = LATEST_SAID.sub(_spaces, _blank(AGE_BOUND.sub(_spaces, _without_but(explained, excluded)), age_phrases))
            order = "asc" if words.has_phrase(DESCENDING.sub(" ", ordering), words.operations["ascending"]) else \
                "desc" if words.has_phrase(ordering, words.operations["descending"]) else None
        if operation is None and (most := WHICH_PERIOD_MOST.search(folded)):  # "en ese periodo, ¿qué año creció más?"
            operation, order = Operation.WHICH_PERIOD, "asc" if most[1] in ("menos", "least", "less") else "desc"
            group_phrase = most[0]  # "qué año": of yearly figures
        deficit = DEFICIT.search(folded) if order else None
        if deficit and order == "desc":  # "the largest deficit": a balance's lowest value, below zero
            order = "asc"
        elif deficit and not unsupported:  # "el menor déficit" ranks only the members below zero, which no plan does:
            unsupported = as_written(text, deficit[0])  # never the largest surplus
        if operation == Operation.WHICH_PERIOD and HOW_MUCH_CHANGED.search(folded) and period.period.start is not None \
                and period.period.end != period.period.start and (period.period.quarter_end or period.period.month_end):
            # "En el 2T 2020, el peor trimestre de la pandemia, ¿cuánto cayó… respecto del 2T 2019?": the change
            # between the two quarters named; "the worst quarter" says what the first one was
            operation, order = Operation.CHANGE, None
        if operation == Operation.WHICH_PERIOD and order is None and period.period.latest:
            operation = Operation.LATEST  # "the latest rate, and which month does it end in?": the newest period, shown
        if judged and previous_measure and (CONTINUATION.match(folded) or not places.places) \
                and set(topic_text.split()) <= set(fold(judged).split()):
            topic_text = ""  # "¿y la más rica?" after the poorest comuna, "¿cuál es más rico?": the last measure
        hits = self._search([" ".join(search_words), without_entities]) if topic_text else []
        if topic_text and previous_measure and (ELLIPSIS.match(folded) or (  # "ahora la de ingresos": poverty by income
                CONTINUATION.match(folded) and URBAN_OR_RURAL_PART.match(topic_text))):
            hits = [hit for hit in self._search([f"{topic_text} {fold(previous_measure.name(language))}"])
                    if hit.code != previous_measure.code]
            # "crecimiento del PIB… ¿y el de las exportaciones?": their growth, never their level
            cues = cues.model_copy(update={"transform": cues.transform or previous_measure.transform})
        if operation is None and period.period.quarter_end and QUARTER_BEFORE.search(folded):
            operation = Operation.CHANGE  # "Q1 2026 GDP, q/q": its change on the quarter before
        per_period = words.has_phrase(folded, words.operations["per_period"]) is not None or (
            operation == Operation.WHICH_PERIOD and not re.search(r"\b(?:anos?|years?)\b", fold(group_phrase or ""))) or (
            operation == Operation.PERIOD_COUNT and not re.search(r"\b(?:anos|years)\b", counted_periods[0]))
        if operation == Operation.AGGREGATE and cues.transform == "growth" and GROWTH_VERB.search(folded) \
                and (IN_TOTAL.search(folded) or YEAR_AGAINST_YEAR.search(folded)) and not (summed or member_kind) \
                and period.period.start is not None and period.period.end not in (None, period.period.start):
            # "¿cuánto creció en total el PIB per cápita entre 2000 y 2024?": the change over the span, never a sum of
            # yearly growth rates; "si promedio los 12 meses…, ¿cuánto creció 2025 respecto de 2024?": between the
            # two yearly means, never a mean of monthly rates
            operation, cues = Operation.CHANGE, cues.model_copy(update={"transform": None})
        if operation is None and cues.transform == "growth" and GROWTH_VERB.search(folded) \
                and PARTS_ADDED.search(fold(text)) and period.period.is_single_year and not period.period.month \
                and not period.period.quarter:
            # "Sumando los cuatro trimestres, ¿cuánto creció la economía en 2025?": the year's total against the
            # year before's, never each quarter's own growth
            year = period.period.start
            operation, cues, per_period = Operation.CHANGE, cues.model_copy(update={"transform": None}), False
            period = period.model_copy(update={"period": PeriodSpec(start=year - 1, end=year)})
        cumulative = operation == Operation.CHANGE and IN_TOTAL.search(folded) is not None
        if cumulative and cues.measure == "total":  # "¿cuánto han subido los precios en total desde…?": the whole
            cues = cues.model_copy(update={"measure": None})  # change, of no total measure and no sum
        last_place = PLACE_OF_THE_LAST.search(folded)
        # "Chile's GDP and its growth": "its" after a place the question names is that place, not the last answer's
        names_last_place = last_place is not None and not (
            last_place[0] == "its" and places.spans and places.spans[0][0] < last_place.start()) and not (
            last_place[0] == "its" and re.search(r"\b(?:which|cual)\b", folded[:last_place.start()]))  # "which one was
        # the worst, and what was its rate?": its, of the one asked for
        negated = next((found for found in NEGATED_WORD.finditer(folded) if found[1] in topic_text.split()
                        and found[1] not in self.negated_words), None)
        if negated and not unsupported:  # "población no urbana": the opposite of a measure, never the measure itself
            unsupported = as_written(text, negated[0])
        number_alone = _number_alone(_without_places(text, places.places)) if threshold is None else None
        if number_alone is not None and set(topic_text.split()) <= set(SCALES):
            topic_text = ""  # "¿y los 700 mil?": a number's scale, no measure
        if cues.transform == "year_to_date" and operation is None and period.period.unstated \
                and YEAR_SO_FAR.search(folded):  # "¿y en lo que va del año?" after a change since 2020: this year's
            period = period.model_copy(update={"period": PeriodSpec(latest=True)})  # rate so far, never its change
        return Understanding(
            question=text, language=language, places=[place for place in places.places if place is not group],
            group=group, excluded=excluded, among=among, included=places.included, period=period.period, cues=cues, member_kind=member_kind, operation=operation,
            top_n=top_n,
            order=order, aggregate="sum" if summed else None if averaged or cumulative else _aggregate(
                _blank(folded, self.exclusions + self.measure_changes), words),
            number_alone=number_alone,
            per_period=per_period, rate_changed=rate_changed, per=_per(folded) if two_kind == "ratio" else None,
            continues=CONTINUATION.match(folded) is not None or CONTINUATION_AT_END.search(folded) is not None
            or AND_AFTER_A_QUESTION.search(text) is not None
            or names_last_place or elliptical or WHOLE_GROUP.search(folded) is not None or (
                previous_measure is not None and not places.places and TERSE_FOLLOW_UP.match(text) is not None),
            names_last_place=names_last_place,
            whole_group=WHOLE_GROUP.search(folded) is not None,
            unknown_place=unnumbered or self._unknown_place(words.spelled_out(text), places.places),
            threshold=threshold, threshold_percent=bool(threshold and percent),
            threshold_reached=bool(threshold and REACH_VERB.fullmatch(folded[threshold_span[0][0]:threshold_span[0][1]])),
            beyond_algebra=(counted_periods is not None and threshold is None) or unread_year is not None or beyond_reach is not None
            or unread_month is not None or unnamed_age is not None  # "life expectancy at age 65": no series has it
            or at_extreme is not None or converted is not None,
            judgement=judgement, judgement_words=as_written(text, judged) if judged else None,
            topic_text=topic_text, unsupported=unsupported, several=several, pair=pair, rate_of=rate_of, second_topic=second_topic, second_cues=second_cues,
            named_amounts=_named_amounts(NEGATED.sub(" ", text), folded, without_unit_years, threshold),
            units_asked=number(text, amount_of_unit[1], None) if amount_of_unit else None,
            operation_words=as_written(text, two_phrase) if two_phrase and operation in TWO_OPERANDS else None,
            named_operation=Operation(two_kind or group_kind) if two_kind or group_kind else None,
            candidates=_candidates(hits), second_candidates=_candidates(second_hits),
        )  # fmt: skip


def _per(folded: str) -> int | None:
    """How many of the second operand a ratio is said per ("por cada 100 menores"), if said."""
    found = PER_HUNDREDS.search(folded)
    return None if found is None else 1000 if re.search(r"1 ?000|mil|thousand", found[1]) else 100


def _named_amounts(text: str, folded: str, without_unit_years: str, threshold: tuple[str, float] | None) -> list[float]:
    """Amounts the series must say in its name (never in what ``text`` sets aside: "no la de 3 dólares"): a poverty
    line's dollars a day, a rate's denominator ("por cada 1.000 habitantes"), the share of people ("el 20 % más
    rico"), the year of its PPP dollars when another year is the period. A threshold is a condition, not part of
    the measure."""
    amounts = [float((found[1] or found[2]).replace(",", ".")) if found[3] is None else
               100.0 if found[3].endswith(("cien", "hundred")) else 1000.0 for found in MONEY_AMOUNT.finditer(text.lower())
               if found[3] is None or not COUNTED_BEFORE.search(text.lower()[:found.start()])]
    amounts += [number(text, found[1], found[2]) if found[1] else 100.0 if found[3].endswith(("cien", "hundred")) else 1000.0
                for found in PER_AMOUNT.finditer(folded)]
    amounts += [float(found[1] or found[2]) for found in PEOPLE_SHARE.finditer(text.lower())]
    years = [float(year[0]) for match in PPP_YEAR.finditer(folded) if not without_unit_years[match.start():match.end()].strip()
             for year in ONE_YEAR.finditer(match[0])]
    return [amount for amount in amounts + years if threshold is None or amount != threshold[1]]


def _beyond_ages(folded: str, age_phrases: list[str]) -> re.Match | None:
    """The first comparison with a number that is not an age group's bound ("under-5 mortality below 20": below 20)."""
    folded = ORDER_PHRASE.sub(_spaces, folded)
    for pattern in (THRESHOLD, VERB_THRESHOLD):
        start = 0
        while found := pattern.search(folded, start):
            if not any(fold(phrase) in folded[found.start():found.end() + 8] for phrase in age_phrases) \
                    and not A_DAY.match(folded, found.end()) and not LAST_PERIODS.search(folded[found.end(1):found.start(2)]):
                return found
            start = found.start() + 1
    return None


def _threshold(text: str, folded: str, age_phrases: list[str], counting: bool
               ) -> tuple[tuple[str, float] | None, list[tuple[int, int]], bool]:
    """The condition a count or a first crossing compares with, where the question says it, and whether it is a
    percentage. "menos de 15 años" names an age group, not a value; in a count, "crecimiento negativo" is a value
    below zero."""
    found = _beyond_ages(folded, age_phrases)
    if found:
        digits = _written_groups(text, found[2])
        whole = digits == found[2]  # else the scale and "%" matched belong to the number folding joined it to
        comparator = ">=" if re.fullmatch(AT_LEAST, found[1]) else "<=" if re.fullmatch(AT_MOST, found[1]) else \
            ">" if re.match(ABOVE, found[1]) or found[1] == "top" else "<"  # "first top": said after "first"
        condition = (comparator, number(text, digits, found[3] if whole else None))
        percent = (whole and found[4] is not None) or any(  # folding drops "%": "el 80% del total"
            re.sub(r"[.,]", " ", written) == digits for written in re.findall(r"(\d+(?:[.,]\d+)*)\s*%", text))
        return condition, [found.span(1), (found.start(2), found.end() if whole else found.start(2) + len(digits))], percent
    trailing = next((found for found in OR_MORE.finditer(folded)  # "de 10 % o más", "of 75 years or more"
                     if not any(fold(phrase) in folded[max(found.start() - 8, 0):found.end() + 8] for phrase in age_phrases)),
                    None)  # "de 65 años o más" is an age group
    if trailing and _written_groups(text, trailing[1]) == trailing[1]:
        condition = (">=" if trailing[4] else "<=", number(text, trailing[1], trailing[2]))
        percent = "%" in text or "por ciento" in folded or "percent" in folded
        return condition, [(trailing.start(), trailing.start(3)), (trailing.end(3), trailing.end())], percent  # "habitantes" stays
    sign = SIGN.search(folded) if counting else None
    if sign:
        return (">" if sign[1] else "<", 0.0), [sign.span()], False
    return None, [], False


def _written_groups(text: str, digits: str) -> str:
    """The leading digit groups of ``digits`` that ``text`` writes as one number: folding makes "10.000" "10 000"
    but also "7% (2022" "7 2022", which is two numbers."""
    written = {re.sub(r"[.,]", " ", found) for found in re.findall(r"\d+(?:[.,]\d+)*", text)}
    groups = digits.split()
    return next((" ".join(groups[:count]) for count in range(len(groups), 0, -1) if " ".join(groups[:count]) in written),
                groups[0])


def _as_trade(found: re.Match) -> str:
    """"vendió Chile al exterior" -> "exporto Chile"; "bought from abroad" -> "imports"."""
    spanish = (found["sold"] or found["bought"]).startswith(("vend", "compr"))
    verb = {(True, True): "exporto", (True, False): "exports", (False, True): "importo", (False, False): "imports"}
    return verb[(found["sold"] is not None, spanish)] + found["between"]


def _shared_modifiers(measures: list[str], joined_words: set[tuple[str, str]]) -> list[str]:
    """"exportaciones menos importaciones de bienes y servicios en % del PIB": a one-word first measure shares the
    second's qualifiers when they are a pair the metadata joins ("bienes y servicios"), not when the second is a
    name of its own ("labour force", "desempleo juvenil")."""
    first, (_, *rest) = measures[0], measures[1].split()
    if len(first.split()) == 1 and any(pair in joined_words for pair in zip(rest, rest[1:])):
        return [" ".join([first, *rest]), measures[1]]
    return measures


def _earlier_quarter_first(folded: str) -> str:
    """"el primer trimestre 2026 contra el primer trimestre 2025": the change between the two quarters, written as the
    range the period reader knows, earlier first; the words between them stay."""
    def between(found: re.Match) -> str:
        said = found.groups()
        first = (int(said[4]), QUARTER_NUMBERS.get(said[0]) or int(said[1] or said[2] or said[3]))
        second = (int(said[10]), QUARTER_NUMBERS.get(said[6]) or int(said[7] or said[8] or said[9]))
        if first == second:
            return found[0]
        (year, quarter), (last_year, last_quarter) = sorted([first, second])
        ordinal = {1: "primer", 2: "segundo", 3: "tercer", 4: "cuarto"}
        return f"{said[5]}entre el {ordinal[quarter]} trimestre de {year} y el {ordinal[last_quarter]} trimestre de {last_year}"

    return AGAINST_QUARTER.sub(between, folded)


def _earlier_month_first(folded: str) -> str:
    """"marzo de 2025 respecto a marzo de 2024", "May 2026 vs April": the change between the two months, written as
    the range the period reader knows; a second month without a year is the latest one before the first."""
    def between(found: re.Match) -> str:
        if RANGE_END.search(found.string[:found.start()]):  # "mar-may 2020 vs mar-may 2025": two rolling quarters
            return found[0]
        month, year, other = MONTHS[found[1]], int(found[2]), MONTHS[found[4]]
        other_year = int(found[5]) if found[5] else year - (other >= month)
        if (other_year, other) == (year, month):
            return found[0]
        (first, first_year), (last, last_year) = sorted([(found[4], other_year), (found[1], year)],
                                                        key=lambda pair: (pair[1], MONTHS[pair[0]]))
        return f"{found[3]}entre {first} de {first_year} y {last} de {last_year}"  # "¿cuánto subió en %?" kept

    return AGAINST_MONTH.sub(between, folded)


def _region_named(found: re.Match) -> str:
    """"región 5" as "V Región"; a number no region has stays as written, a place Cifra does not know."""
    number = int(found[1] or found[2])
    if not 1 <= number <= len(ROMAN):
        return found[0]
    return "Región Metropolitana" if ROMAN[number - 1] == "Metropolitana" else f"{ROMAN[number - 1]} Región"


def _minus_spelled(found: re.Match) -> str:
    """"subtract A from B" as "B minus A", the way a difference is read."""
    if found["minus"]:
        return f"{found['whole']} minus {found['minus']}"
    return f"{found['whole_es']} menos {found['minus_es']}"


def _without_its_figure(text: str) -> str:
    """The question without "and what was the rate?" after asking which period or which place, "and by how much?"
    after asking which period, or "and for which year?" after asking the latest: its answer gives them; after any
    other question it is a second figure asked (two places' difference), and stays."""
    found = AND_ITS_FIGURE.search(text)
    if found and WHICH_ONE.search(fold(text[:found.start()])):
        return text[:found.start()] + "?"
    found = AND_HOW_MUCH.search(text)
    if found and WHICH_PERIOD_ASKED.search(fold(text[:found.start()])):
        return text[:found.start()] + "?"
    found = AND_ITS_PERIOD.search(text)
    if found and LATEST_SAID.search(fold(text[:found.start()])):
        return text[:found.start()] + "?"
    return text


def _without_but(folded: str, excluded: list[Place]) -> str:
    """"los países de Sudamérica menos Perú" without its "menos", which names no end of a ranking (unlike "las
    regiones con menos habitantes")."""
    def blanked(found: re.Match) -> str:
        if not any(folded[start:].startswith(place.matched) for place in excluded  # "la RM": a name with its article
                   for start in (found.end(), found.start(2) if found[2] else found.end())):
            return found[0]
        start, end = found.start(1) - found.start(), found.end(1) - found.start()
        return found[0][:start] + " " * (end - start) + found[0][end:]
    return MEMBERS_BUT.sub(blanked, folded)


BORDERING = re.compile(r"\b(?:(?:en )?la frontera con|frontera con|limita con|limitrofe con|(?:on )?the border with|"
                       r"border with|bordering)\s+(?:(?:el|la|the)\s+)?")  # never "junto a": also "together with"


def _left_out(places: PlaceMatch, folded: str) -> tuple[PlaceMatch, list[Place], str]:
    """The places named right after "sin contar", "excluding" or "los países de… menos", taken out of the places asked (their words stay
    read), and the text without those words."""
    excluded = []
    for found in [*EXCLUDING.finditer(folded), *MEMBERS_BUT.finditer(folded)]:
        but = found.re is MEMBERS_BUT  # only its "menos": the members' words stay
        named = [place for place, span in zip(places.places, places.spans)
                 if span[0] in (found.end(), found.start(2 if but else 1), found.start(),  # "la RM": with its article
                                found.start(0 if but else "named"))]  # "la región metropolitana": named with its kind
        if named:
            excluded += named
            start = found.start(1) if but else found.start()
            folded = folded[:start] + " " * (found.end() - start) + folded[found.end():]
    kept = [place for place in places.places if place not in excluded]
    return places.model_copy(update={"places": kept}), excluded, folded


def _without_neighbours(places: PlaceMatch, folded: str) -> PlaceMatch:
    """Places named only as a neighbour of another ("en Colchane, en la frontera con Bolivia") are where it lies,
    not places asked about."""
    ends = {found.end() for found in BORDERING.finditer(folded)}
    kept = [(place, span) for place, span in zip(places.places, places.spans) if span[0] not in ends]
    if not kept or len(kept) == len(places.places):
        return places
    return places.model_copy(update={"places": [place for place, _ in kept], "spans": [span for _, span in kept]})


def _place_number(placed: re.Match) -> int:
    """The place a member came in: "3", "3o" (3°) or an ordinal word."""
    said = placed["after_verb"] or placed["after_place"] or placed["before_place"]
    return ORDINALS.get(said) or int(said.rstrip("o"))


def _top_n(folded: str) -> int | None:
    """The number of a top-N ("top 5", "los 3 países", "which five regions"): tried from every word, since the
    pattern would otherwise take "which" for the number and stop."""
    for start in (word.start() for word in re.finditer(r"\b\w", folded)):
        found = TOP_N.match(folded, start)
        for group in found.groups() if found else ():
            if group and group.isdigit() and not 1900 <= int(group) <= 2100:  # "2023: países de…" is a year
                return int(group)
            if group in NUMBER_WORDS:
                return NUMBER_WORDS[group]
    return None


def _candidates(hits: list[IndicatorHit]) -> list[IndicatorCandidate]:
    return [IndicatorCandidate(code=h.code, name_es=h.name_es, name_en=h.name_en, score=h.score) for h in hits]


def _operation_reading(operation: Operation | None, two_kind: str | None, group_kind: str | None, *, pair: bool,
                       measures: int, places: int, threshold: bool, years: tuple[int | None, int | None]
                       ) -> tuple[Operation | None, bool]:
    """The operation, once the words of the operations that need more than one series, place or member are weighed
    against what the question gives them; and whether those words are left without it (the question is declined).

    A difference or a ratio needs two operands: two sexes or age groups, two measures or two places ("diferencia entre 2010 y
    2020" is a change); a count needs a threshold to count by; "¿en qué año superó…?" is a first crossing."""
    if two_kind:
        if pair or measures == 2 or places >= 2:
            return Operation(two_kind), False
        if two_kind == "difference" and years[0] and years[1] and years[0] < years[1]:
            return Operation.CHANGE, False
        if group_kind is None:
            return operation, True
    # "how many South American countries exceeded 8 %?": without two operands, "exceeded" is the count's condition
    if group_kind == "position":
        return Operation.POSITION, False
    if group_kind == "count":
        return (Operation.COUNT, False) if threshold else (operation, True)
    if group_kind == "which_period":
        return (Operation.FIRST_MEETING if threshold else Operation.WHICH_PERIOD), False
    return operation, False
