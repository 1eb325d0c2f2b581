"""Stage 2, plan: turn an ``Understanding`` (and the conversation so far) into a ``QueryPlan``.

Choices are made in code wherever the metadata decides them: the indicator family (agent.family), the family
member from the question's variant cues, national vs international source from the places, the operation's
operands, and what a follow-up inherits from the previous turn. A reading that leaves topic words unexplained,
or a question that asks several things at once, is asked back with what can be answered as options.
"""

import math
import re
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

from agent.family import DEFAULT_AREA, FAMILY_MARGIN, FamilyChooser
from agent.gazetteer import GROUP_KINDS
from agent.indicators import SOFT_MEASURES, STEM, VARIANT_FIELDS, IndicatorCatalog, IndicatorInfo, matches
from agent.lexicon import function_words, lexicon
from agent.llm import Chooser
from agent.model_parser import ModelParser, applied
from agent.models import (TWO_OPERANDS, Conversation, Note, Operation, PeriodSpec, Place, PlanOutcome, QueryPlan, Turn, Understanding,
                          VariantCues, VariantPair)
from agent.time_expressions import FULL_MONTH_NAMES, HALF_YEAR, LATEST_SAID, NUMBER_WORDS, PROJECTED, shifted
from agent.understand import (ABOVE_THE_OTHER, ANNUAL_AVERAGE, AVERAGE_WORD, COMPARED_WITH, EACH_YEAR, EACH_YEARS_MEAN,
                              ELLIPSIS, FITS_IN, HOW_MANY_PEOPLE, IN_TOTAL, LIVES_IN, MAX_QUESTION_CHARS, NATIONAL,
                              OPENS_AGAINST, SAME_AGAIN, SAME_SPAN, SOURCE_WORD, THOSE_FEW, UNITED_STATES, as_written,
                              percent_spelled)
from catalog.text import fold

POLARITY_FILE = Path(__file__).with_name("polarity.yaml")
SORTED_IN_FULL = 60  # a group of at most this many members is sorted whole when asked ("ordénalos")
NEAR_FAMILY = 0.03  # another family may stand in for the retrieved one only this close: never a different topic
# Values a member of a family is expected to have when the question does not say otherwise.
CANONICAL = {"measure": "total", "price_basis": "current", "transform": "level", "sex": "total", "age": None,
             "adjustment": "original"}
UNSTATED_IS_CANONICAL = {"price_basis", "adjustment"}  # a series that does not say (WDI) is not further from the usual
ALSO_CANONICAL = {"age": {"15+"}, "transform": {"index"}}  # "tasa de alfabetización": of all adults, never the
# youth's alone; "real wages index": an index is the level of what it measures, never its growth rate
CHANGE_PRICES = {"constant": 0.0, "chained": 0.0, "ppp_constant": 0.0, None: 0.0, "current": 0.5}  # how far from a real change
# What a follow-up naming another measure keeps from the previous one ("¿y las importaciones?" after exports as a
# share of GDP). Not the transform: "¿y la población?" after GDP growth is the population itself.
CHANGES = ("growth", "period_change", "year_to_date")  # members that are a rate of change of the family's level
CARRIED_FIELDS = ("measure", "price_basis", "currency", "sex", "age", "adjustment")
CARRIED_MEASURES = {"share", "per_capita"}  # qualifiers of an amount ("% del PIB", "per cápita"), not what is counted
KEPT_BY_FOLLOW_UPS = (*TWO_OPERANDS, Operation.POSITION, Operation.COUNT, Operation.PERIOD_COUNT, Operation.WHICH_PERIOD,
                      Operation.FIRST_MEETING)
WHY = re.compile(r"^\W*(?:por que|why|how come|a que se debe|que explica|what explains)\b")
# "and the region average?" after a country: Latin America and the Caribbean, South America? Asked back
REGION_AVERAGE = re.compile(rf"\b(?:region(?:al)? {AVERAGE_WORD}|{AVERAGE_WORD} (?:regional|(?:de|of|for|in) (?:la|the) region))\b")
# "¿cuánto cobre exportó el Perú a China?": trade between two places, which no series breaks down
NOT_COMPARED = "".join(rf"(?<!{word} )" for word in ("compared", "comparado", "comparada", "relative", "respecto", "frente",
                                                      "similar", "igual", "close", "cerca"))  # "compared to", no partner
TRADED = re.compile(r"\b(?:export\w*|import\w*|vendi\w*|vendio|sold|sells|compr[oa]\w*|bought|buys|envi[oa]\w*|shipped)\b")
# "¿cuál es la región más envejecida con ese mismo indicador?": the last measure, whatever other words retrieve
SAME_MEASURE = re.compile(r"\b(?:(?:ese|este|el|esa|la|those|that|the|this) mism[oa]s? (?:indicador|medida|serie|variable|dato|"
                          r"indice)|same (?:indicator|measure|metric|series|variable|index))\b")
# "¿cuál es mejor país para invertir?", "should I buy dollars?": advice, which no figure gives
ADVICE = re.compile(r"\b(?:mejor(?:es)? (?:pais|paises|lugar|lugares|opcion|ciudad|comuna|region|momento) para|"
                    r"(?:better|best) (?:country|countries|place|places|option|city|time) (?:to|for)|me conviene|"
                    r"conviene (?:invertir|comprar|vender|mudarse|vivir|ahorrar)|vale la pena|recomiendas|me recomienda|"
                    r"aconsejas|me aconseja|should i|should we|deberia (?:invertir|comprar|vender|mudarme|vivir|ahorrar)|"
                    r"is it (?:a )?good (?:idea|time)|es buena idea|es buen momento)\b")
MODEL_READS = {"unsupported", "two_operands", "not_sure"}  # the rules could not account for the question
# "¿cuántos turistas llegaron?" counts something: a percentage answers another question, unless one is asked for
HOW_MANY = re.compile(r"\b(?:cuant[oa]s|how many)\s+(?!puntos|points|por ciento|percent|veces|times|mas|more)\w+")
PERCENT_ASKED = re.compile(r"%|\b(?:porcentaje|porcentual|por ciento|percent|percentage|share|proporcion|tasa|rate|fraccion)\b")
NOT_COUNTS = (*TWO_OPERANDS, Operation.COUNT, Operation.PERIOD_COUNT, Operation.POSITION)
MEMBERS_COMPARED = (Operation.RANK, Operation.COUNT, Operation.POSITION)  # operations over a group's members
AVERAGE_OF = rf"\b{AVERAGE_WORD}\s+(?:(?:de|for|of)\s+(?:la\s+|las\s+|los\s+|el\s+|the\s+)?|del\s+)?"
SAME_CALCULATION = re.compile(r"\b(?:mismo calculo|misma operacion|mismo metodo|same calculation|same operation|"
                              r"same method|calculated the same way|calculado igual)\b")
EXTREME_ORDER = {"min": "asc", "max": "desc"}  # "¿cuál fue el mínimo de ese año, en qué trimestre móvil?": its lowest
MEAN_OF_PLACES = re.compile(r"\b(?:average of|mean of|simple average|promedio (?:simple )?(?:de|del)|media (?:de|del)|across|"
                            r"en conjunto|as a group)\b")  # "average unemployment across Chile, Colombia and Peru"
# "¿y en las zonas rurales?": a setting alone, of the last measure
AREA_SETTING_ONLY = re.compile(r"(?:(?:zonas?|areas?|sectores?|sector|population|poblacion)\s+)?(rural(?:es)?|urban[oa]?s?)"
                               r"(?:\s+(?:areas?|zonas?|population|poblacion))?")
# Name words that make no two measures kin: the setting asked about, and words any share of people has
NO_KINSHIP_WORDS = {"rural", "rurales", "urbana", "urbano", "urbanas", "urbanos", "poblacion", "population", "porcentaje",
                    "percent", "actuales", "current"}
LAST_UNIT = re.compile(r"\b(?:el|the) (?:ultimo|last) (mes|trimestre|month|quarter)\b")  # "¿cuánto varió en el último mes?"
# A threshold of zero said as such ("negative growth", "déficit"), not a fall said with no figure
ZERO_SAID = re.compile(r"\b(?:0|cero|zero|negativ\w*|positiv\w*|deficit\w*|superavit\w*|surplus\w*)\b")
# The index itself named, not a price index's name ("la variación del índice entre diciembre y diciembre")
INDEX_NAMED = re.compile(r"\b(?:indice|index)\b(?! de precios| of prices| de precio)")
# "¿qué porcentaje del país representa?" after a region's figure, "in the whole country" after a comuna's
WHOLE_COUNTRY = re.compile(r"\b(?:del|todo el|of the|of the whole|in the whole|the whole|the entire)\s+"
                           r"(?:pais|country)\b|\b(?:el|del) pais (?:completo|entero)\b|\b(?:total|nivel) nacional\b|"
                           rf"\bnational (?:total|level)\b|\bnivel pais\b|{NATIONAL.pattern}")
TOTAL_OF_MEMBERS = re.compile(r"\btotal (?:de|of) (?:las|los|the|all the|todas las|todos los) ")  # "del total de las regiones"
REGIONAL = re.compile(r"\bregional\b")  # "la población regional"
WHOLE_REGION = re.compile(r"\b(?:de|of|in)\s+(?:la|su|the|its)\s+region\b(?!\s+(?:de|del|of)\b)"  # named: a place
                          r"|\b(?:total|nivel) regional\b|\bregional total\b")
# "¿qué porcentaje de los bosques del mundo está en Brasil?": where a part of a total lies
LOCATED_IN = re.compile(r"\b(?:esta|estaba|estan|estaban|se encuentra|se encontraba|se encuentran|queda|quedaba|hay|habia|"
                        r"is|was|are|were|lies|lay|located|found)\s+(?:en|in)\b")
OF_A_TOTAL = re.compile(r"\b(?:del total|of the total|of all)\b")
# "what share of the Magallanes region's women", "qué porcentaje de las mujeres de la región": the larger area's people
WHOLES_PEOPLE = re.compile(r"\b(?:region|country|comuna|province|world) s (?:women|men|people|elderly)\b"
                           r"|\b(?:de las mujeres|de los hombres|of the women|of the men) (?:de|del|of)\b")
# "in which year did the economy shrink the most?": the steepest fall, which only a growth series ranks lowest first
FELL_MOST = re.compile(r"\b(?:shr[iu]nk|shrank|contract(?:ed)?|se contrajo|contrajo|cayo|cayeron|fell|dropped|declined|"
                       r"decrecio|bajo|bajaron)\b(?:\s+\w+){0,3}?\s+(?:the most|most|mas|the furthest|the hardest)\b|"
                       r"\b(?:mayor|biggest|largest|steepest|sharpest|deepest) (?:baja|caida|descenso|disminucion|contraccion|drop|"
                       r"fall|decline|contraction)\b")
SHRANK = re.compile(r"\b(?:shr[iu]nk|shrank|contract(?:ed)?|se contrajo|contrajo|decrecio|contraccion|contraction)\b")  # the economy did
ROSE_MOST = re.compile(r"\b(?:subio|subieron|aumento|aumentaron|crecio|crecieron|rose|grew|increased|jumped|went up|"
                       r"crecera|creceria|creceran|crecerian|aumentara|aumentaria|subira|subiria|will grow|would grow)\b"
                       r"(?:\s+\w+){0,3}?\s+(?:the most|most|mas|the fastest|fastest|faster|menos|the least|least|"
                       r"the slowest|slowest)\b"
                       r"|\b(?:menos|least|the least)\s+(?:crecio|crecieron|crecera|creceria|creceran|crecerian|aumento|"
                       r"aumentaron|aumentaria|subio|subieron|grew|grown|rose|increased)\b")  # "la región que menos crecería"
WHICH_MEMBER = re.compile(r"\b(?:que|cual|cuales|which|what)\s+(?:(?:\w+\s+){0,2}?(?:region|regiones|pais|paises|comuna|comunas|"
                          r"provincia|provincias|country|countries|region|regions)|of them|one|of (?:the|those|these) (?:two|three|four|five)|"
                          r"de (?:ellos|ellas|los dos|las dos|los tres|las tres|esos (?:dos|tres|cuatro|cinco)|esas (?:dos|tres)))\b")  # "which of them rose the most?"
TODAY = re.compile(r"\b(?:hoy|today|right now|ahora mismo|ahorita|a cuanto esta|a cuanto estan|a como esta|ayer|yesterday|"
                   r"esta semana|this week|esta manana|this morning)\b")
MONTHS_ASKED = re.compile(r"\b(?:mes|meses|month|months)\b")
SPAN_WORDS = {"desde", "since", "entre", "between"}  # words of a span that name no series of their own
PLACES_ALONE = ("country", "cl_region", "cl_province", "cl_comuna")  # no average of members stands in for them
ONE_AGAINST_OTHER = re.compile(r"\b(?:mas|menos|more|less|fewer|mayor|menor|higher|lower|faster|slower|bigger|smaller)\b"
                               r"(?:\s+\w+){0,5}?\s+(?:que|than)\b")
YEAR_ASKED = re.compile(r"\b(?:en que|in which|in what|which|what|que|cual) (?:ano|year)\b")
YEARLY = re.compile(f"{EACH_YEAR.pattern}|{EACH_YEARS_MEAN.pattern}|{ANNUAL_AVERAGE.pattern}")  # "y el promedio anual"
# after a month: years
YEARS_SAID = re.compile(r"\b(?:ano|anos|anual|anuales|year|years|yearly|annual)\b")
SHARE_DENOMINATOR = re.compile(r"\b(?:porcentaje|percentage|percent|share|proporcion|proportion) (?:del?|of)(?: the)? (\w+)")
SHARE_OF_WHAT = r"(?:as an? (?:share|percentage|percent|%) of|como (?:porcentaje|proporcion|%|parte) del?|en % del?|as % of)"
AS_SHARE_OF = re.compile(rf"\b(?:that|this|it|eso|esto|esa cifra|ese monto)\b.*\b{SHARE_OF_WHAT}\b")
SHARE_IS_THAT = re.compile(r"\b(?:que porcentaje|que proporcion|que parte|what percentage|what share|what proportion|what part)"
                           r"\b.*\b(?:representa|representaba|es|era|fue|is|was|represents|makes up|made up)\s+"
                           r"(?:eso|esto|esa cifra|that|this|it)\b|"  # "¿Qué porcentaje del PIB nacional representa eso?"
                           r"\b(?:que porcentaje|que proporcion|what percentage|what share)\b.*\b(?:representa|representaba|"
                           r"represents)\W*$|"  # "…del PIB nacional de esa misma serie representa?": the last answer
                           r"\b(?:que porcentaje|que proporcion|what percentage|what share)\s+(?:es|era|representa|"
                           r"representaba|is it|was it)\s+(?:del?|of)(?: the)? total\b")  # "q porcentaje es del total de las
# regiones": the last answer's share of a whole, never a ranking of the regions
THAT_AS_WHAT_SHARE = re.compile(r"\b(?:eso|esto|esa cifra|that|this)\s+(?:en\s+)?(?:que|what)\s+(?:porcentaje|proporcion|"
                                r"percentage|share|proportion)\b")  # "¿y eso qué porcentaje de la población era?"
# "% del pib total?" after a region's GDP: the last answer as a share of that, said with nothing else
BARE_SHARE_OF = re.compile(r"^\W*(?:(?:y|and)\s+)?(?:en\s+|as\s+(?:a\s+)?)?(?:porcentaje|por ciento|percent|percentage|share)\s+"
                           r"(?:del|de la|de|of the|of)\b")
AND_AS_SHARE_OF = re.compile(rf"^\W*(?:y|and)\b.*\b({SHARE_OF_WHAT})\b")  # "¿y medido como porcentaje del gasto público?"
ONE_PLACE_POINTED = re.compile(r"\b(?:ese (?:mismo )?(?:pais|lugar)|esa (?:misma )?(?:comuna|region)|esta (?:misma )?comuna|"
                               r"that (?:same )?(?:country|region|comuna|place)|its)\b")
BASE_PERIOD = re.compile(r"=\s*100\b")  # "index (2018 = 100)"
WHEN_ASKED = re.compile(r"\b(?:when|cuando)\b|\b(?:en que|in which|in what|which|what) (?:ano|mes|trimestre|year|month|quarter)\b|"
                        r"\b(?:dime|di|tell me|give me|dame) (?:el|la|the) (?:ano|mes|trimestre|year|month|quarter)\b|"
                        r"\b(?:toda la serie|la serie completa|whole series|entire series|full series|all time|de todos los "
                        r"tiempos|de la historia|historic[oa]|on record|ever)\b")  # also "over the whole series"
GROUP_OPERATIONS = (Operation.RANK, Operation.POSITION, Operation.COUNT, Operation.AGGREGATE)  # a place holds members
# "esos cinco países" after a ranking: the members it showed
THOSE_SHOWN = re.compile(r"\b(?:esos|esas|estos|estas|those|these)\s+(?:(?:same|mismos|mismas)\s+)?(?:(\d+|[a-z]+)\s+)?"
                         r"(?:paises|countries|regiones|"
                         r"regions|comunas|provincias|provinces)\b")
# "¿y cuánto suman entre las tres?" after a top three: the members it showed, as many as it showed
AMONG_SHOWN = re.compile(r"\b(?:entre|between|among|de|of)\s+(?:los|las|the|those|these|esos|esas|estos|estas)\s+"
                         r"(\d+|dos|tres|cuatro|cinco|two|three|four|five)\b(?!\s+(?:anos|years|meses|months|trimestres|"
                         r"quarters|dias|days|ultimos|last|primeros|first)\b)|"
                         r"\b(?:entre|among|de|of)\s+(?:todas|todos|all(?: of)?)\s+(?:esas|esos|estas|estos|ellas|ellos|"
                         r"those|these|them)\b")  # "¿y cuánto sumaban entre todas esas?" after a count: those counted
# "¿cuántos puntos por sobre ese promedio?": a value against the last answer's average
AGAINST_THAT_AVERAGE = re.compile(r"\b(?:(?:sobre|bajo|encima de|debajo de|above|below|over|under|than|que|vs|"
                                  r"versus|contra|against|respecto a|respecto de|frente a|compared (?:with|to)) )"
                                  rf"(?:ese|este|el|del|al|that|this|the) {AVERAGE_WORD}\b")
THAN_THE_LAST = re.compile(r"\b(?:was it|is it|fue|era|es|estaba|esta) (?:\w+ )?(?:higher|lower|more|less|mayor|menor|mas alt[oa]|"
                           r"mas baj[oa])\b")  # a figure against the last answer's
# "¿qué mes…?", "the month with…": a month asked for; "anual", "en el año": a change over a year said
MONTH_ASKED = re.compile(r"\b(?:mes|month)\b")
YEARLY_CHANGE = re.compile(r"\b(?:anual|annual|yearly|a un ano|over a year)\b")
THAT_INDEX = re.compile(r"\b(?:ese|este|el|del|de ese|that|the|this) (?:indice|index)\b")  # an index pointed at
FIRST_YEAR = re.compile(r"\b(?:primer|first|earliest|oldest) (?:ano|year)\b")
TWELVE_MONTHS = re.compile(r"\b(?:12|doce|twelve)\s+(?:meses|months?)\b|\b12m\b|\binteranual\b|\byear on year\b")
HIGH = (r"(?:mas alt[oa]s?|mas larg[oa]s?|mayor(?:es)?|maxim[oa]s?|highest|largest|longest|maximum|max|mas grandes?|"
        r"mas poblad[oa]s?|most populous|most populated|biggest)")
LOW = (r"(?:mas baj[oa]s?|mas cort[oa]s?|menor(?:es)?|minim[oa]s?|lowest|smallest|shortest|minimum|min|mas chic[oa]s?|"
       r"mas pequen[oa]s?|menos poblad[oa]s?|least populous|least populated)")
BETWEEN_ENDS = re.compile(r"\b(?:entre|between|diferencia|difference|distancia|distance|gap|brecha)\b")
POPULOUS = re.compile(r"\b(?:mas|menos|most|least) (?:poblad[oa]s?|populous|populated)\b")
HIGH_END, LOW_END = re.compile(rf"\b{HIGH}\b"), re.compile(rf"\b{LOW}\b")
ENDS = rf"(?:(?:el |la |los |las |the )?(?:{HIGH}|{LOW})(?: values?| valor(?:es)?)?)"
BOTH_ENDS = re.compile(rf"\b{ENDS}\b(?:\s+\S+){{0,8}}?\s+(?:y|and|e|&)\s+(?:\S+\s+){{0,3}}?{ENDS}\b")  # "el máximo y el
# mínimo", "which had the highest rate in 2022 and which had the lowest"
AND_THE_OTHER_OPERAND_OPERATION = {
    Operation.RATIO: re.compile(r"\b(?:diferencia|difference|brecha|gap)\b|\b(?:y|and|e)\b.{0,30}\b(?:by how much|"
                                r"por cuanto)\b"),
    Operation.DIFFERENCE: re.compile(r"\b(?:y|and|e)\b.{0,30}\b(?:cuantas veces|how many times)\b"),
}
FROM_THERE = re.compile(r"\b(?:desde ahi|desde alli|desde ese punto|de ahi|from there|from that point|"
                        r"(?:hasta|until|till|up to)(?= \w))\b")  # "¿y cuánto ha subido de ahí hasta julio?"; "¿y en el
# mismo trimestre de 2022? ¿cuántos puntos subió desde ahí?": from the period named to the last answer's
FIGURE_WORDS = {"numero", "numeros", "number", "numbers", "figure", "figures", "cifra", "cifras", "dato", "datos",
                "valor", "valores", "value", "values"}  # words for any figure, which name no measure
GREW_BY_HOW_MUCH = re.compile(r"\b(?:cuanto|how much)\s+(?:\w+\s+)?(?:crecio|crecieron|grew|has grown|did \w+ grow)\b")
ONLY_THE_MONTH = re.compile(r"\b(?:solo|solamente|only|just)\s+(?:en\s+|in\s+)?(?:el mes|the month|ese mes|that month)\b")
AGE_BAND = re.compile(r"\b(?:aged|ages)\s+(\d{1,2})\s+(?:to\s+|and\s+)?(\d{1,2})\b")  # "women aged 25-54"
POINTS_ASKED = re.compile(r"\b(?:how many (?:percentage )?points|cuant[oa]s puntos(?: porcentuales)?)\b")
THAT_FIGURE = re.compile(r"\b(?:eso|esa cifra|ese dato|ese numero|ese valor|that figure|that number|that value)\b")
# "dame la del IPC general", "and the one for the CPI": a figure named by what the last question asked for
ELIDED_FIGURE = re.compile(r"(?:^|\b(?:dame|muestrame|dime|y|ok|entonces|give me|show me|and)\s+)(?:la|el|las|los|the one|"
                           r"the ones|that|those)\s+(?:del|de la|de los|de|for|of)\s+(?:(?:la|el|los|las|the)\s+)?(\w+)")
THEN_SAID = re.compile(r"\b(?:then|entonces|at that time|en ese momento)\W*$")  # "What was the rate then?"
RATE_WORDS = {"tasa", "rate"}  # after the month a rate peaked, "the rate that month" is that rate
# "el peak del año", "the year's high": a highest value within one year, which a yearly series does not have
PEAK_OF_A_YEAR = re.compile(r"\b(?:peak|pick|maximo del ano|minimo del ano|(?:the )?year s (?:high|low|peak)|"
                            r"(?:mas alto|mas bajo|highest|lowest) (?:del|de|of|in) (?:ano|year|(?:19|20)\d\d))\b")
THOSE_TWO = re.compile(r"\b(?:esas dos|esos dos|estas dos|estos dos|las dos|los dos|ambas|ambos|those two|these two|the two|both)\b")
DAY_SAID = re.compile(rf"\b(?:[1-9]|[12]\d|3[01])(?:\s+de)?\s+(?:{FULL_MONTH_NAMES})\b|\b(?:{FULL_MONTH_NAMES})\s+(?:[1-9]|[12]\d|3[01])\b")
INDEX_SAID = re.compile(r"\b(?:indice|index|nivel|level)\b")  # "índice del IPC de junio": the level alone
COUNT_OF_THOSE = re.compile(r"\b(?:how many|which|cuant[oa]s|cuales|que) (?:of )?(?:those|these|esos|esas|estos|estas)\b")
OF_THEM = re.compile(r"\b(?:de ellos|de ellas|entre ellos|entre ellas|of them|among them|de esos paises|of those countries)\b")
PERCENT_OF = re.compile(r"%\s*(?:del|de la|de los|de las|de|of the|of)\b")
THAT_MONTH = re.compile(r"\b(?:es[ea]|that|this|same|mismo) (?:mes|month)\b")
# "Is that higher or lower than the euro area?", "¿es eso mayor que lo de Perú?": the last answer's figure against
# another place's
COMPARATIVE = r"(?:higher|lower|more|less|bigger|smaller|above|below|mayor|menor|superior|inferior|mas alt[oa]|mas baj[oa])"
THAT_AGAINST = re.compile(rf"\b(?:that|this|it|eso|esto|esa cifra|ese dato|ese valor)\b.*\b{COMPARATIVE}\b.*\b(?:than|que)\b|"
                          rf"\b{COMPARATIVE}\b.*\b(?:than|que)\b.*\b(?:that|this|eso|esto)\s*$|"
                          rf"\bhow (?:far|much|many \w+)\s+(?:is|was)\s+(?:that|this|it)\s+{COMPARATIVE}\b|"  # "how far is
                          rf"\b{COMPARATIVE}\s+(?:is|was)\s+(?:that|this|it)\s+than\b|"  # that below…", "how much lower is
                          # that than…": the last answer against another place
                          rf"^\s*(?:(?:y|and|pero|but|so|entonces)\s+)?(?:es|fue|era|esta|estaba|is|was)\s+"
                          rf"(?:(?:it|eso|esto|that|this)\s+)?(?:\w+\s+)?{COMPARATIVE}\b.*\b(?:than|que)\b|"
                          # "how does that compare with the OECD?", "¿cómo se compara eso con Perú?", "¿está sobre el
                          # promedio mundial?": the last answer's figure beside another place's
                          rf"\b(?:that|this|it|eso|esto)\s+(?:compare|compares|stack up|stacks up)\b|"
                          rf"\bse compara (?:eso|esto)\b|\bcompara(?:r)? (?:eso|esto)\b|\bcompar(?:alo|ala|alos|alas)\b|"
                          rf"\bcompare (?:it|that|this|them)\b|"
                          rf"^\W*(?:(?:y|and|pero|but|so|entonces)\s+)?(?:es|fue|era|esta|estaba|is it|was it|is that|was that|is this)\s+"
                          rf"(?:sobre|bajo|(?:por )?encima|(?:por )?debajo|(?:mayor|menor|superior|inferior) al?|above|below)\b|"
                          + ABOVE_THE_OTHER)
BY_THEN = re.compile(r"\b(?:by|para|hasta)\s+(?:(?:el|la|the|fines de|end of)\s+)?(?:[a-z]+\s+){0,5}?(?:19|20)\d\d\b")  # "had it
# fallen by May 2020?": from the last answer's period to the one named
# "together, what share do those three represent?": a share of their sum
TOGETHER = re.compile(r"\b(?:together|combined|in total|juntos|juntas|en conjunto|sumad[oa]s|entre (?:los|las) (?:tres|cuatro|"
                      r"cinco|\d+)|(?:la )?suma de (?:ambas|ambos|las dos|los dos|las tres|los tres)|(?:the )?sum of (?:both|the two|"
                      r"the three)|(?:el )?total de (?:ambas|ambos|las dos|los dos))\b")  # "¿qué porcentaje de la suma de ambas…?"
PERCENT_WORDS = {"porcentaje", "percentage", "share", "proporcion", "proportion", "percent"}  # "ese porcentaje"
LEVEL_NAMED = r"(?:comuna|provincia|province|region|commune|ciudad|city)"  # "la comuna de Santiago": the level said
PRICE_FAMILIES = {"consumer_prices", "uf"}  # what "¿y la comida?" after them asks the price of
# "esa comuna", "that country": the last place of that kind answered
POINTED_KIND = re.compile(r"\b(?:ese|esa|este|esta|that|this) (?:mism[oa] |same )?(pais|country|comuna|region)\b")
POINTED_KINDS = {"pais": "country", "country": "country", "comuna": "cl_comuna", "region": "cl_region"}
# a verb whose subject is the place just talked about: "¿qué tasa de pobreza tiene?", "cuántos hombres hay por cada…"
HAS_IT = re.compile(r"\b(?:tiene|tenia|tuvo|has|had)\W*$|\b(?:hay|habia|hubo)\b|\b(?:of|in) it\b")  # "what share of
# it lives in cities?" after a country's population: of that country
FEWER_THAN = re.compile(r"\b(?:how (?:many|much) (?:\w+ )?(?:fewer|less|lower|smaller|shorter)|cuant[oa]s? (?:\w+ )?menos|"
                        r"cuant[oa]s? (?:\w+ )?mas (?:baj[oa]s?|chic[oa]s?|pequen[oa]s?|cort[oa]s?))\b")  # "¿cuánto más baja…?"
RATIO_WORDS = re.compile(r"\b(?:cuantas veces|how many times|ratio of|razon de|cociente de)\b")  # "the ratio of Vietnam's
# figure to the Philippines'": the place right after it over the other
OF_THE_DECADE = re.compile(r"\b(?:la|el) (?:de|del) (?:los )?\d{3}0\b")  # "¿y en la del 2000?": the decade's, said short
WHOLE_YEAR = re.compile(r"\b(?:ano (?:pasado |anterior )?(?:completo|entero)|todo (?:el )?(?:ano|(?:19|20)\d\d)|whole year|full year|"
                        r"all of (?:19|20)\d\d|"
                        r"entire year)\b")
AGO = re.compile(r"\b(?:hace|ago)\b")
THAT_LIST = re.compile(r"\b(?:in|on) (?:that|the) (?:list|ranking)\b|\ben (?:esa|la) lista\b|\ben (?:ese|el) ranking\b")
ABOVE_OR_BELOW = re.compile(r"\b(?:(?:por )?encima o (?:por )?debajo|above or below|over or under|higher or lower|"
                            r"mas alt[oa] o mas baj[oa]|mayor o menor|sobre o bajo)\b")
RELATIVE_YEAR = re.compile(r"\b(?:hace|ago|ano pasado|last year|este ano|this year|ano antepasado|year before last)\b")
OF_ANOTHER = re.compile(r"^\W*(?:and|y)\s+(?:of|de|del)\s")  # "and of its population?": the same, of another measure
WHICH_ONES = re.compile(r"\b(?:cuales(?: son| fueron| eran)?|which ones|which are they|which were they|name them|nombralos|"
                        r"nombralas|dime cuales|which of (?:those|them|these)|cual de (?:esos|esas|ellos|ellas))\b")
# "¿cuánto creció?", "how much did it grow?": a change asked, not a growth rate named ("el crecimiento de ese mes")
HOW_MUCH_GREW = re.compile(r"\b(?:cuanto|how much)\s+(?:\w+\s+){0,2}?(?:crecio|crecieron|ha crecido|subio|subieron|"
                           r"grew|grow|rose|increased)\b")
PRICE_OF = re.compile(r"\b(?:precio|price)\s+(?:de la|del|de los|de las|de|of the|of)\s+(\w+)")  # "el precio de la plata"
IN_PERCENT = re.compile(r"\b(?:in|en) (?:percent|percentage|porcentaje|por ciento)\b(?! points)|\ben %")  # never "in points"
THING_ASKED = re.compile(r"^\W*(?:y|and|what about|how about|y que tal|que tal|y que hay de)\s+"
                         r"(?:(?:el|la|los|las|the)\s+)?(?:(?:average|mean|total|promedio|media)\s+)?([a-z]+)")
# "¿y el litio…?", "what about lithium that year?", "what about average lithium output there?"
HOW_MUCH_WAS = re.compile(r"\W*(?:(?:y|and|ok|ya|so)\W+)?(?:(?:de|en|a)\s+)?(?:(?:cuanto|how much|how high|how low|what)\s+"
                          r"(?:fue|era|es|dio|llego|marco|was|is|did it reach)(?:\s+(?:it|that|eso|the value|the figure))?|"
                          r"how (?:low|high) did it (?:get|go)|how big (?:was|is) (?:it|that|that jump|the jump)|"
                          r"(?:que tan|cuan) (?:baj|alt)[oa] (?:llego|fue|estuvo)|hasta donde (?:bajo|llego|subio))\W*$")
# ("How low did it get?", "¿y qué tan baja llegó?": how far a peak or a trough reached)
POINTED_AVERAGE = re.compile(r"\b(?:ese|este|that|this) (?:promedio|average|mean)\b")  # the last answer, a mean
LAST_ANSWER = re.compile(r"\b(?:eso|esto|esa cifra|that|this|that figure|representan|representaban|"
                         r"they represent|they make up)\b")  # "¿qué porcentaje de la comuna representan?": those counted
ARTICLES = ("el", "la", "los", "las", "lo", "de", "del", "en", "the", "of", "in", "for", "that", "those")
WHICH_HIGHER = re.compile(r"\b(?:cual|quien|donde|which|who|where)\b(?: \w+){0,5}? (?:mayor|menor|mas alt[oa]|mas baj[oa]|higher|"
                          r"lower|highest|lowest|bigger|smaller|larger|greater)\b")  # "¿cuál tuvo el desempleo más alto, Chile o Perú?"
WHICH_MORE = re.compile(r"\b(?:cual|quien|which(?: one)?|who)(?: de (?:los|las) dos)? \w+ (?:mas|menos|more|less)\b")
POPULATION_WORDS = {"poblacion", "population", *lexicon().headcount_words}  # "what share of the population"
# "2015-2019", "entre 2015 y 2019", "from 2010 to 2014": one span of years, of two a question may compare
YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|/|\ba\b|\bal\b|\bto\b|through|hasta|\by\b|\band\b)\s*(?:el\s+|the\s+)?"
                       r"((?:19|20)\d\d)\b")
YEARS_AGAINST = re.compile(r"\b((?:19|20)\d\d)\b(?:[\s,]+\w+){0,8}?[\s,]+(?:con|vs\.?|versus|frente a|contra|compared (?:with|to)|"
                           r"against|with|respecto (?:a|al|de|del)|en relacion (?:a|al|con))\s+(?:\w+\s+){0,4}?((?:19|20)\d\d)\b")
YEAR_WITHIN = r"\b(?:en|in|durante|during|de|del|of|for|para|over)\s+(?:(?:el|la|the)\s+)?(?:(?:ano|year)\s+)?"  # + a year
TOTAL_SAID = re.compile(r"\b(?:total|totales)\b")  # "now the total GDP growth" after per capita growth: the whole
COMPARE_WORDS = {"compara", "comparalo", "comparala", "compare", "comparar", "comparado", "comparada", "compared",
                 "comparing", "against", "vs", "versus", "frente", "tambien", "also"}
NOT_A_COUNT = re.compile(r"\b(?:base|based on|basadas? en|proyecc\w*|project\w*|estimad\w*|estimat\w*)\b")


def _period_of(label: str) -> PeriodSpec:
    """A period label ("2020", "2020-07", "2024-Q2", "2025-01-02") as the period it names."""
    year, _, part = label.partition("-")
    if part.startswith("Q"):
        return PeriodSpec(start=int(year), end=int(year), quarter=int(part[1:]))
    return PeriodSpec(start=int(year), end=int(year), month=int(part[:2]) if part else None,
                      day=int(part[3:5]) if len(part) == 5 else None)  # a daily series' day


def _band_known(low: str, high: str) -> bool:
    """Is the age band one a variant cue names ("0-14", "15-24"), read as that group of people?"""
    return f"{low} {high}" in {fold(phrase) for phrases in lexicon().variant_cues["age"].values() for phrase in phrases}


def _no_span(period: PeriodSpec) -> bool:
    """One year, month, quarter or day, from which no change can run."""
    return period.start is not None and period.end == period.start and period.month_end in (None, period.month) \
        and period.quarter_end in (None, period.quarter) and period.day_end in (None, period.day)


def _a_year_apart(span: PeriodSpec) -> bool:
    """Do the two ends of a span lie a year apart, month to month or quarter to quarter (a 12-month change's ends)?"""
    return span.end == (span.start or 0) + 1 and span.month == span.month_end and span.quarter == span.quarter_end


ON_THE_QUARTER_BEFORE = re.compile(r"\b(?:trimestre anterior|previous quarter|prior quarter|quarter before|q q|qoq|"
                                   r"quarter on quarter|quarter over quarter|trimestre contra trimestre)\b")


def _a_quarter_apart(span: PeriodSpec) -> bool:
    """Are the two ends of a span consecutive quarters (a quarter-on-quarter change's ends)?"""
    return bool(span.quarter and span.quarter_end) and span.start is not None and span.end is not None \
        and span.end * 4 + span.quarter_end - span.start * 4 - span.quarter == 1


def _names_census(topic: str) -> bool:
    """Does the topic name a census ("según el censo", "census count"), not projections "base Censo 2017"?"""
    words = lexicon()
    return words.has_phrase(topic, words.census_words) is not None and not NOT_A_COUNT.search(topic)


def _canonical_distance(info: IndicatorInfo, specified: set[str], change: bool = False) -> float:
    """How many unasked attributes differ from the usual. A change over years is usually a real one of a level:
    "¿cuánto creció el PIB entre 2022 y 2023?" is the chained volume where the family has it, then current
    prices, then PPP dollars; never the change of the growth rate."""
    if change and "price_basis" not in specified:
        specified = specified | {"price_basis"}
        distance = CHANGE_PRICES.get(info.price_basis, 1.0)
    else:
        distance = 0.0
    distance += sum(getattr(info, field) not in (CANONICAL[field], None) if field in UNSTATED_IS_CANONICAL
                    else getattr(info, field) not in {CANONICAL[field], *ALSO_CANONICAL.get(field, ())}
                    for field in CANONICAL if field not in specified)  # fmt: skip
    if change and "transform" not in specified and info.transform == "growth":
        distance += 1
    return distance


def _named_in_full(info: IndicatorInfo, question: str) -> bool:
    """Does the question write out the measure's whole name ("and which posted the highest GDP growth (annual %)?"
    after GDP per capita)? Then it is that measure, whatever the last answer's variant was."""
    asked = {word[:STEM] for word in fold(question).split()}
    names = [{word[:STEM] for word in fold(name).split() if word not in function_words() and not word.isdigit()}
             for name in (info.name_es, info.name_en)]
    return any(len(stems) > 2 and stems <= asked for stems in names)  # "población" alone names no one series


def _decade(period: PeriodSpec) -> bool:
    return period.start is not None and period.start % 10 == 0 and period.end == period.start + 9


def _year_on_year(plan: QueryPlan | None) -> bool:
    """A change between one month of two years (May 2025 to May 2026)."""
    return plan is not None and plan.operation == Operation.CHANGE and plan.period.month is not None \
        and plan.period.month == plan.period.month_end and plan.period.start != plan.period.end


def _carried_values(previous: IndicatorInfo | None) -> dict[str, str]:
    """What a follow-up naming another measure keeps from ``previous``: its attributes that are not the usual ones."""
    if previous is None:
        return {}
    values = {field: getattr(previous, field) for field in CARRIED_FIELDS}
    if previous.transform == "growth":  # a growth rate's constant prices say how it is computed, not what was asked
        values.pop("price_basis")
    return {field: value for field, value in values.items() if value not in (None, CANONICAL.get(field))
            and (field != "measure" or value in CARRIED_MEASURES)}


def _in_scale_of(said: float, last: float) -> float:
    """A number said alone after a line of millions or billions, in that scale when it then lies near it ("and 7?"
    after "pass 8 billion": 7 billion); otherwise as said."""
    if abs(said) >= 1000 or abs(last) < 1e6:
        return said
    scaled = said * 1000 ** int(math.log10(abs(last)) // 3)
    return scaled if abs(last) / 10 <= abs(scaled) <= abs(last) * 10 else said


def _us_named(question: str) -> str:
    """"the US" named as the places are ("exports to the US")."""
    return UNITED_STATES.sub("United States", question)


def _spelled(understanding: Understanding) -> str:
    """The question folded with its percent sign said as a word ("what % of its population is that?"), its chat
    shorthand spelled out ("y eso q porcentaje es") and "the US" named as the places are."""
    return fold(lexicon().spelled_out(percent_spelled(_us_named(understanding.question), understanding.language)))


def _average_of(place: Place, asked: str) -> bool:
    """Whether the question asks for ``place``'s average by name ("el promedio de América Latina y el Caribe")."""
    return re.search(AVERAGE_OF + re.escape(fold(place.matched)), asked) is not None


def _averaged_beside(understanding: Understanding, asked: str) -> bool:
    """Whether an average is asked besides one naming a place ("average … vs the world average")."""
    for place in [understanding.group, *understanding.places]:
        asked = asked.replace(fold(place.matched), " ") if place else asked
    return re.search(rf"\b{AVERAGE_WORD}\b", asked) is not None


def _that_as_share(asked: str) -> bool:
    """Does ``asked`` point at the last answer as a share of something ("¿qué porcentaje del PIB representa eso?")?"""
    return any(pattern.search(asked) for pattern in (AS_SHARE_OF, SHARE_IS_THAT, THAT_AS_WHAT_SHARE))


def _gap_over_members(gap: QueryPlan, understanding: Understanding, group: str, member_kind: str | None,
                      top_n: int | None) -> QueryPlan:
    """A gap between two measures, over a group's members: ranked by it, or their mean of it ("average gap between
    female and male life expectancy across the 8 UN Central America countries")."""
    over_members = {"group_code": group, "area_codes": [], "member_kind": member_kind, "alternatives": []}
    if understanding.aggregate:
        return gap.model_copy(update={**over_members, "operation": Operation.AGGREGATE, "aggregate": understanding.aggregate,
                                      "top_n": None})
    return gap.model_copy(update={**over_members, "operation": Operation.RANK, "top_n": top_n,
                                  "order": understanding.order or "desc"})


def _same_unit(first: IndicatorInfo, second: IndicatorInfo) -> bool:
    """Measured alike, so a difference means something: percentages (of men's and of women's labour force), one
    currency at one scale, or the same unit written the same way."""
    if first.unit_kind and (first.unit_kind, first.unit_symbol, first.unit_multiplier) == (
            second.unit_kind, second.unit_symbol, second.unit_multiplier):
        return True
    return first.unit_en == second.unit_en


def _long_name_words(info: IndicatorInfo) -> set[str]:
    """The words of six letters or more in a measure's names: what two measures of one subject share."""
    return {word for word in fold(f"{info.name_es} {info.name_en}").split() if len(word) >= 6}


def _comparable(operation: Operation, first: IndicatorInfo, second: IndicatorInfo) -> bool:
    """A difference needs one unit; a ratio divides any two amounts, but a percentage only by another percentage
    (exports over trade as a share of GDP means nothing)."""
    if operation == Operation.DIFFERENCE:
        return _same_unit(first, second)
    return (first.unit_kind == "percent") == (second.unit_kind == "percent")


@cache
def _polarity_file() -> dict:
    return yaml.safe_load(POLARITY_FILE.read_text(encoding="utf-8"))


@cache
def polarity() -> dict[str, str]:
    """Indicator family -> the better direction, "higher" or "lower" (agent/polarity.yaml)."""
    return {family: side for side in ("higher", "lower") for family in _polarity_file()[side]}


@cache
def older_side() -> dict[str, str]:
    """Age group or family -> the end of its measure that is the older population (agent/polarity.yaml)."""
    return {key: side for side, keys in _polarity_file()["older"].items() for key in keys}


def _what_it_reads(plan: QueryPlan) -> tuple:
    """The measure, places and period a plan reads, and the end a ranking starts from: two plans alike in these give
    the same figures."""
    ranked = plan.operation in (Operation.RANK, Operation.WHICH_PERIOD)
    return plan.indicator_code, plan.area_codes, plan.group_code, plan.period, plan.order if ranked else None


class Planner:
    def __init__(self, catalog: IndicatorCatalog, chooser: Chooser | None):
        self.catalog = catalog
        self.coverage = catalog.coverage
        covered = Counter(code for code, _ in catalog.coverage)
        self.only_place = {code: area for code, area in catalog.coverage if covered[code] == 1}  # a series of one place
        # needs none named
        self.family = FamilyChooser(catalog, chooser)
        self.model_parser = ModelParser(catalog, chooser)
        self.vocabulary = self.family.vocabulary
        self.cue_words = lexicon().cue_words() | set(NUMBER_WORDS)

    def _fit(self, base: str, understanding: Understanding, areas: list[str], period: PeriodSpec,
             retrieved: list[str], follow_up: bool, member_kind: str | None,
             carried_from: IndicatorInfo | None = None, census_named: bool = False) -> list[IndicatorInfo]:
        """Family members of ``base`` that have what the question asks for, best first.

        Unstated attributes stay as they were in a follow-up ("¿y en 2021?" keeps "per cápita"; "¿y las
        importaciones?" after exports as a share of GDP keeps "% del PIB" where the new family has it, from
        ``carried_from``) and take their usual value in a new question ("PIB" means total, current prices,
        level). For places in Chile the national official series is preferred where it gives yearly figures.
        """
        cues = understanding.cues
        specified = {field for field in VARIANT_FIELDS if getattr(cues, field)}
        current = self.catalog.get(base)
        family = self.catalog.family_of(base)
        def fitting_members() -> list[IndicatorInfo]:
            return [info for info in family if all(matches(info, field, getattr(cues, field)) for field in specified)]

        fitting = fitting_members()
        if not fitting and cues.measure in SOFT_MEASURES:  # "porcentaje de desempleo": a rate, and no member is a share
            specified.discard("measure")  # but a group's count is never its share ("the share of people aged 15 to 29")
            fitting = [info for info in fitting_members() if info.unit_kind != "count" or not (cues.age or cues.sex)]
        in_chile = (bool(areas) and all(area == "CHL" or area.startswith("CL-") for area in areas)) or (
            member_kind or "").startswith("cl_")

        kept = {field: getattr(current, field) for field in VARIANT_FIELDS} if follow_up else _carried_values(carried_from)
        if carried_from is not None and carried_from.family == current.family and specified \
                and not specified & {"measure", "transform"}:
            # "and nominal wages?" after real wage growth: the same measure at other prices, its growth too (never "¿y el
            # PIB per cápita?" after GDP growth, another measure)
            kept = {field: getattr(carried_from, field) for field in VARIANT_FIELDS}
        if TOTAL_SAID.search(fold(understanding.question)):
            kept.pop("measure", None)
        if not follow_up and "transform" not in specified and self._index_growth_carried(carried_from, current):
            kept["transform"] = "growth"
        answered_before = current if follow_up else carried_from
        if "transform" not in specified and understanding.operation is None and understanding.threshold is None and not (
                answered_before and answered_before.transform in CHANGES) and any(info.transform not in CHANGES for info in family):
            # "PIB per cápita de Nigeria a precios constantes": the level at those prices, never its growth rate
            fitting = [info for info in fitting if info.transform not in CHANGES]
        if follow_up and understanding.operation == Operation.CHANGE and understanding.period.start is not None \
                and understanding.period.end is None and not (understanding.rate_changed or understanding.topic_text) \
                and "transform" not in specified and current.transform in CHANGES and current.derived_from \
                and self.catalog.get(current.derived_from).unit_kind == "index":
            # "¿y desde la pandemia?" after 12-month inflation: how much prices rose since then, the index's change
            fitting = [info for info in fitting if info.code == current.derived_from] or fitting
        if "transform" not in specified and THAT_INDEX.search(fold(understanding.question)) \
                and (indices := [info for info in fitting if info.unit_kind == "index"]):
            fitting = indices  # "¿el promedio de ese índice real?" after its 12-month rise: the index itself
        everyone = bool(understanding.topic_text) and set(understanding.topic_text.split()) <= POPULATION_WORDS
        carried = {field for field, value in kept.items()  # "la comuna más poblada" after men's figures: of everyone
                   if field not in specified and not (everyone and field in ("sex", "age"))
                   and any(getattr(info, field) == value for info in family)}

        def unstated_distance(info: IndicatorInfo) -> tuple[int, int]:
            return (sum(getattr(info, field) != kept[field] for field in carried),
                    _canonical_distance(info, specified | carried, understanding.operation == Operation.CHANGE))

        topic = [word[:STEM] for word in understanding.topic_text.split() if len(word) >= 3]

        of_what = SHARE_DENOMINATOR.search(fold(percent_spelled(understanding.question, understanding.language)))

        def unnamed(info: IndicatorInfo) -> int:
            """Topic words the member's name lacks: "gasto en educación como porcentaje del PIB" is the share of
            GDP, not of government spending; the whole a share is said of counts most ("¿cuánto gastó el gobierno en
            educación como % del PIB?")."""
            named = {word[:STEM] for word in fold(f"{info.name_es} {info.name_en}").split()}
            return sum(stem not in named for stem in topic) + (
                len(topic) if of_what and of_what[1][:STEM] in topic and of_what[1][:STEM] not in named else 0)

        census_wanted = not understanding.period.projected and (census_named or _names_census(understanding.topic_text))
        last = current if follow_up else carried_from
        last_source = last.source_id if last and last.family == current.family else None  # of the same measure only
        over_time = understanding.operation in (Operation.SERIES, Operation.CHANGE, Operation.FIRST_MEETING,
                                                Operation.WHICH_PERIOD)  # "evolución de la población", "¿cuándo
        # superó los 19 millones?": never the one census count

        part_of_year = bool(period.month or period.quarter or period.day)  # "en el segundo trimestre": no yearly series
        parts = [area for area in areas if in_chile and any(self.catalog.contains(whole, area) for whole in areas
                                                            if whole != area)]  # a region and Chile: series differ

        def preference(info: IndicatorInfo) -> tuple:
            not_census = census_wanted and info.source_id not in lexicon().census_sources
            national_wanted = cues.source == "national" or (cues.source is None and in_chile and info.yearly_comparable)
            source_rank = not info.official_for if national_wanted else bool(info.official_for)
            if follow_up and cues.source is None:
                source_rank = bool(info.official_for) != bool(current.official_for)
            position = retrieved.index(info.code) if info.code in retrieved else len(retrieved)
            covered = self.catalog.covers(info.code, areas, period, understanding.operation == Operation.CHANGE) and (
                member_kind is None or self.catalog.kind_counts.get(info.code, {}).get(member_kind, 0) > 1) and not (
                part_of_year and info.frequency == "A")  # compared
            unprojected = period.projected and info.code not in self.catalog.projecting  # "según las proyecciones"
            parts_covered = self.catalog.covers(info.code, parts, period) if parts else True  # "cuánto aporta
            # Antofagasta al PIB de Chile", where no series has both: the region's, the part being what is asked about
            other_source = cues.source is None and info.source_id != last_source  # "la comuna más poblada" after the
            # census's men: the census's people, never another source's
            # "según la serie del Banco Central": a source named for Chile is kept where its series lacks the period,
            # never replaced by another source's figure
            other_than_named = in_chile and cues.source is not None and bool(info.official_for) != (cues.source == "national")
            areas_covered = covered or self.catalog.covers(info.code, areas, PeriodSpec())  # "PIB regional del Maule
            # en 2012", before the regional series begins: said of the series that has the region
            return (not_census, other_than_named, not covered, not areas_covered, not parts_covered, unprojected, over_time and self._one_period(info.code, areas),
                    other_source, bool(last) and not _named_in_full(info, understanding.question), unstated_distance(info), source_rank, unnamed(info),
                    -self._newest_observed(info.code, areas, period), info.code != base, position)

        return sorted(fitting, key=preference)

    def _lacks_only_transform(self, base: str, cues: VariantCues) -> bool:
        """Is the transform ("crecimiento") the one attribute asked that no member of ``base``'s family has?"""
        lacking = {field for field in VARIANT_FIELDS
                   if getattr(cues, field) and not self.catalog.has_member(base, {field: getattr(cues, field)})}
        return lacking == {"transform"}

    def _carried(self, understanding: Understanding, context: QueryPlan | None) -> Understanding:
        """A follow-up naming another measure, with what it leaves unsaid taken from the previous answer's measure
        where that is not the usual value ("¿y las importaciones?" after exports in % of GDP: imports in % of GDP),
        and of the families retrieved about as well, only those that have it."""
        if context is None or any(_named_in_full(self.catalog.get(candidate.code), understanding.question)
                                  for candidate in understanding.candidates[:2]):
            return understanding
        cues, siblings = understanding.cues, self.catalog.siblings(context.indicator_code)
        kept = {field: value for field, value in _carried_values(self.catalog.get(context.indicator_code)).items()
                if getattr(cues, field) is None and (field not in ("sex", "age") or any(
                    getattr(info, field) != value for info in siblings))}
        # a group the last measure was chosen for (women's unemployment), never what it is (births per woman)
        if TOTAL_SAID.search(fold(understanding.question)):
            kept.pop("measure", None)
        if not kept:
            return understanding
        carried = understanding.model_copy(update={"cues": cues.model_copy(update=kept)})
        top = max((candidate.score for candidate in understanding.candidates), default=0.0)
        candidates = [candidate for candidate in understanding.candidates
                      if top - candidate.score >= NEAR_FAMILY or self.catalog.has_member(candidate.code, kept)]
        if candidates and top - candidates[0].score < NEAR_FAMILY:
            carried.candidates = candidates
        return carried

    def _index_growth_carried(self, previous: IndicatorInfo | None, current: IndicatorInfo) -> bool:
        """"¿y el costo laboral?" after the 12-month rise of wages: another index's rise, since an index's level
        answers nothing a rise asked; never after a rate no index gives ("¿y la población?" after GDP growth)."""
        return previous is not None and previous.transform == "growth" and previous.derived_from is not None \
            and self.catalog.get(previous.derived_from).unit_kind == "index" and current.unit_kind == "index" \
            and self.catalog.has_member(current.code, {"transform": "growth"})

    @staticmethod
    def _spans_shown(context: QueryPlan, conversation: Conversation) -> PeriodSpec:
        """The years the last answer covered: "todo ese período" after two spans' averages is both spans."""
        turn = conversation.turns[-1] if conversation.turns else None
        spans = [plan.period for plan in [context, *(turn.also if turn and turn.plan == context else [])]
                 if plan.indicator_code == context.indicator_code and plan.period.start is not None
                 and not (plan.period.month or plan.period.quarter)]
        if len(spans) < 2:
            return context.period
        return PeriodSpec(start=min(span.start for span in spans), end=max(span.end or span.start for span in spans))

    def _index_rise_beside(self, previous: QueryPlan, plan: QueryPlan) -> QueryPlan | None:
        """The 12-month rise of an index named by its name after another index's rise, to show beside its level."""
        current, before = self.catalog.get(plan.indicator_code), self.catalog.get(previous.indicator_code)
        if plan.operation not in (Operation.VALUE, Operation.LATEST) or not self._index_growth_carried(before, current):
            return None
        rise = self._derived_beside(current, before.derivation)
        return plan.model_copy(update={"indicator_code": rise.code, "alternatives": []}) if rise else None

    def _one_period(self, code: str, areas: list[str]) -> bool:
        """Has the series one period only for these places (a census count), so that it has no evolution?"""
        spans = [self.catalog.coverage.get((code, area)) for area in areas]
        return bool(spans) and all(span is not None and span[0] == span[1] for span in spans)

    def _newest_observed(self, code: str, areas: list[str], period: PeriodSpec) -> int:
        """For a question without a period, the year of the series' newest value that is not a projection: "población
        de Puente Alto" is the 2024 census count, not a 2017 estimate nor a projection."""
        if period.projected or not (period.unstated or period.latest):
            return 0
        return min((int(self.catalog.last_observed.get((code, area), "0")[:4]) for area in areas), default=0)

    # Plan --------------------------------------------------------------------------------------

    def __call__(self, understanding: Understanding, conversation: Conversation,
                 on_model: Callable[[], None] = lambda: None, ask_model: bool = True) -> PlanOutcome:
        """``on_model`` is called before the model is asked (never for questions the rules read alone, nor
        without ``ask_model``)."""
        conversation = self._the_part_asked(understanding, conversation)
        understanding = self._alike(self._as_answered(understanding, conversation))
        outcome = self._read(understanding, conversation, on_model, ask_model)
        asked = fold(understanding.question)
        if outcome.status == "ok" and outcome.plan.operation == Operation.CHANGE and _no_span(outcome.plan.period):
            # "¿y cómo se compara con el promedio de América Latina ese año?" after a change to 2025: 2025's figures,
            # never a change from 2025 to 2025
            outcome.plan = outcome.plan.model_copy(update={"operation": Operation.VALUE})
        if outcome.status == "ok" and WHY.match(asked):  # a cause is no figure: offered, not told
            return PlanOutcome(status="clarify", reason="why", options=[outcome.plan])
        if outcome.status == "ok" and outcome.plan.operation in (Operation.RANK, Operation.WHICH_PERIOD) \
                and (age_end := next((end for end in ("oldest", "youngest")
                                      if lexicon().has_phrase(asked, lexicon().operations[end])), None)):
            # "which one is the youngest by that measure?" of the share aged 65+: its lowest
            measure = self.catalog.get(outcome.plan.indicator_code)
            if (side := older_side().get(measure.age or measure.family)) is None:
                return PlanOutcome(status="clarify", reason="no_polarity", params={"indicator": measure.code})
            order = "desc" if (age_end == "oldest") == (side == "higher") else "asc"
            outcome.plan = outcome.plan.model_copy(update={"order": order})
        if outcome.status == "ok" and REGION_AVERAGE.search(asked) and not (understanding.places or understanding.group) \
                and outcome.plan.area_codes and not outcome.plan.group_code \
                and all(self.catalog.area_kinds.get(code) == "country" for code in outcome.plan.area_codes):
            return PlanOutcome(status="clarify", reason="which_region")
        if outcome.status == "ok" and TRADED.search(asked) and (partner := next((
                found for place in understanding.places if len(understanding.places) > 1 and (found := re.search(
                    rf"{NOT_COMPARED}\b(?:a|al|to|hacia|desde|from)\s+(?:(?:el|la|los|the)\s+)?{re.escape(fold(place.matched))}\b",
                    _spelled(understanding)))), None)):
            return PlanOutcome(status="no_data", reason="trade_partner",
                               params={"partner": as_written(_us_named(understanding.question), partner[0])})
        if outcome.status == "ok" and ADVICE.search(asked):  # neither is advice
            return PlanOutcome(status="clarify", reason="advice", options=[outcome.plan])
        if outcome.status == "ok" and (unit := lexicon().has_phrase(asked, lexicon().foreign_units)) \
                and unit not in fold(f"{(chosen := self.catalog.get(outcome.plan.indicator_code)).unit_en} {chosen.unit_es}"):
            # "more than 100 people per square mile": the series counts per km², and is never compared in another unit
            return PlanOutcome(status="no_data", reason="unknown_topic", params={"topic": unit})
        if outcome.status == "ok" and (band := AGE_BAND.search(asked)) and not _band_known(*band.groups()) \
                and not set(band.groups()) <= set(
                fold(f"{(chosen := self.catalog.get(outcome.plan.indicator_code)).name_en} {chosen.name_es}").split()):
            # "female labour force participation for women aged 25-54": a band the series' name does not say (it
            # counts ages 15+), never that series
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": as_written(understanding.question,
                                                                                                   band[0])})
        if outcome.status == "ok" and understanding.threshold_percent and outcome.plan.threshold \
                and self.catalog.get(outcome.plan.indicator_code).unit_kind not in ("percent", "index"):
            # "¿cuántos años creció sobre 5 %?" read as GDP in pesos: a percentage is never compared with an amount
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": outcome.plan.indicator_code})
        if outcome.status == "ok" and outcome.plan.operation in TWO_OPERANDS and understanding.aggregate \
                and (span := outcome.plan.period).start is not None and span.end not in (None, span.start):
            # "promedio 2015-2024 de Perú, y cuántos puntos más que el de Chile": a difference of two averages, which
            # no plan computes; never each end year's difference
            said = lexicon().has_phrase(asked, lexicon().operations[f"aggregate_{understanding.aggregate}"])
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": said or understanding.aggregate})
        if outcome.status == "ok" and outcome.plan.operation == Operation.CHANGE and understanding.aggregate == "avg" \
                and not (outcome.plan.period.month or outcome.plan.period.quarter) \
                and self.catalog.get(outcome.plan.indicator_code).annual_aggregation == "last":
            # "la variación del IPC promedio de 2024 respecto al de 2023" read as 12-month inflation: its year is
            # December's, so a change between two years' averages is none it computes; never December's against December's
            said = lexicon().has_phrase(asked, lexicon().operations["aggregate_avg"])
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": said or "promedio"})
        relative = lexicon().has_phrase(asked, lexicon().operations["percent_change"])
        if outcome.status == "ok" and relative and outcome.plan.operation == Operation.DIFFERENCE and (
                self.catalog.get(outcome.plan.indicator_code).unit_kind != "percent" or IN_PERCENT.search(asked)):
            # "Which of the two is bigger, and by how much in percent?": no difference in the measure's unit instead;
            # "what's that gap in percent?" of two rates: in points, or relative? asked back
            ratio = outcome.plan.model_copy(update={"operation": Operation.RATIO})
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": relative},
                               options=[outcome.plan, ratio])
        if outcome.status == "ok" and (ranked := self._members_by_gap(understanding, outcome.plan)) is not None:
            outcome.plan = ranked
        if outcome.status == "ok" and (readings := self._change_from_which(understanding, conversation, outcome.plan)):
            return PlanOutcome(status="clarify", reason="change_from_which", options=readings,
                               params={"start": str(readings[0].period.start), "end": str(readings[0].period.end)})
        if outcome.status == "ok" and outcome.plan.operation == Operation.RATIO and len(outcome.plan.area_codes) == 2 \
                and (subject := self._ratio_subject(understanding, asked)) and (
                    subject == outcome.plan.area_codes[1] or subject == understanding.places[1].code
                    and outcome.plan.area_codes[0] == understanding.places[0].code):
            # "¿cuánto emitía América Latina comparado con Estados Unidos? ¿cuántas veces más emitía EE.UU.?": that
            # place over the other ("cuántas veces más tiene la OCDE": over its published aggregate too)
            outcome.plan = outcome.plan.model_copy(update={"area_codes": outcome.plan.area_codes[::-1]})
        if outcome.status == "ok" and outcome.plan.operation == Operation.RANK and outcome.plan.member_kind \
                and outcome.plan.area_codes and not outcome.plan.group_code and not any(
                    self.catalog.area_kinds.get(code) == outcome.plan.member_kind
                    or self.catalog.holds(code, outcome.plan.member_kind) for code in outcome.plan.area_codes):
            # "¿es la más poblada de la región o La Serena tiene más?": a comuna among regions is no ranking asked
            return PlanOutcome(status="clarify", reason="which_members")
        if outcome.status == "ok" and outcome.plan.operation == Operation.RANK and outcome.plan.top_n == 1 \
                and len(outcome.plan.area_codes) == 2 and not outcome.plan.group_code and outcome.plan.period.is_single_year:
            # "y La Florida, en 2025? ¿cuál tiene más gente?" after Puente Alto: both figures, and which is higher
            outcome.plan = outcome.plan.model_copy(update={"operation": Operation.VALUE, "top_n": None,
                                                           "member_kind": None, "verdict": True})
        if outcome.status == "ok" and outcome.plan.operation in (Operation.VALUE, Operation.LATEST) \
                and len(outcome.plan.area_codes) == 2 and WHICH_HIGHER.search(asked):
            outcome.plan = outcome.plan.model_copy(update={"verdict": True})  # "¿cuál es mayor?": said, not only shown
        if outcome.status == "ok" and outcome.plan.second_indicator_code and not (understanding.places or understanding.group) \
                and (pair := self._between_last_two(outcome.plan.operation, conversation, understanding.question)) \
                and {pair.indicator_code, pair.second_indicator_code} == {outcome.plan.indicator_code,
                                                                         outcome.plan.second_indicator_code}:
            # "¿cuál es la diferencia entre la proyección y el censo?" after Temuco's projection, then its census count:
            # of Temuco and that year, in the order the question names them, never Chile's
            outcome.plan = outcome.plan.model_copy(update={"area_codes": pair.area_codes, "period": pair.period})
            outcome.notes = [note for note in outcome.notes if note.key != "assumed_chile"]
        if outcome.status == "ok" and (measures := self._measures_compared(understanding, conversation, outcome.plan)):
            outcome.plan = measures  # "which one was higher?" after women's, then men's rate: both, and which is higher
        if outcome.status == "ok" and outcome.plan.operation == Operation.RATIO and understanding.per:
            outcome.plan = outcome.plan.model_copy(update={"per": understanding.per})  # "por cada 100 menores"
        against = conversation.last_plan if THAT_AGAINST.search(asked) else None
        if outcome.status == "ok" and against is not None and against.operation in TWO_OPERANDS \
                and against.second_indicator_code and len(against.area_codes) == 1 \
                and (others := [code for code in outcome.plan.area_codes if code not in against.area_codes]) \
                and len(others) == 1 and len(outcome.plan.area_codes) <= 2:
            # "how does that compare with the world?", "compáralo con el promedio de la OCDE" after the gap between
            # women and men in Japan: the same gap there, beside Japan's
            outcome.plan, outcome.also = against, [against.model_copy(update={"area_codes": others})]
        last_average = conversation.last_plan if THAT_AGAINST.search(asked) or ABOVE_OR_BELOW.search(asked) else None
        if outcome.status == "ok" and not outcome.also and (beside := self._group_beside_places(
                outcome.plan, against, last_average, not understanding.period.unstated)):
            outcome.plan, outcome.also = beside[0], beside[1:]
        if outcome.status == "ok" and outcome.plan.operation in (Operation.VALUE, Operation.LATEST):
            outcome.plan, outcome.also = self._aggregates_alike(outcome.plan, outcome.also, understanding)
        if outcome.status == "ok" and not outcome.also:
            outcome.plan, outcome.also = self._both_asked(outcome.plan, asked, bool(understanding.second_topic))
        if outcome.status == "ok" and not outcome.also:
            outcome.plan, outcome.also = self._spans_apart(outcome.plan, understanding.question)
        if outcome.status == "ok" and not outcome.also and not understanding.cues.transform \
                and not INDEX_SAID.search(asked) and not understanding.continues \
                and (monthly := self._month_change_of_index(outcome.plan)):
            outcome.also = [monthly]  # "¿cuánto dio el IPC de abril?": the index, and its monthly change as headed
        if outcome.status == "ok" and not outcome.also and understanding.continues and understanding.operation is None \
                and conversation.last_plan is not None and (rise := self._index_rise_beside(conversation.last_plan, outcome.plan)):
            outcome.also = [rise]  # "¿y el índice de costos laborales?" after the 12-month rise of wages: the index
            # named, and its rise as asked of the last
        last = conversation.turns[-1] if conversation.turns else None
        each_measure = last is not None and last.plan is not None and (understanding.operation is None or any(
            plan.indicator_code != last.plan.indicator_code for plan in last.also))
        if outcome.status == "ok" and not (understanding.topic_text or understanding.pair) and \
                understanding.operation not in TWO_OPERANDS and last is not None and last.also and each_measure \
                and not outcome.plan.second_indicator_code and not THAT_AGAINST.search(asked) \
                and not OPENS_AGAINST.search(asked):
            # "¿y en 2020?" after two measures (or a place beside a group's average): each again, unless the plan
            # holds both (as a gap between them); never after "and above the world's?", "¿y comparado con el mundo?"
            # (the first answer against another place), nor "¿y en qué lugar queda La Pintana?" after its rate beside
            # the region's average (its place alone)
            outcome.also = [plan for plan in self._each_also(understanding, conversation)
                            if _what_it_reads(plan) != _what_it_reads(outcome.plan)]
            # "y hace cinco años, ¿Uruguay cuánto tenía?" after Uruguay beside the average: Uruguay once
        if not ask_model or outcome.reason not in MODEL_READS or understanding.beyond_algebra:
            return outcome
        return self._model_read(understanding, conversation, outcome, on_model)

    def _change_from_which(self, understanding: Understanding, conversation: Conversation, plan: QueryPlan
                           ) -> list[QueryPlan]:
        """"2021 then? change in pp" after 2010's figure: from 2010 to 2021, or 2021's own change on 2020? Both
        are read; a year said with "en" ("¿cuánto cambió en 2021?") is that year's own change."""
        last, named = conversation.last_plan, understanding.period
        if plan.operation != Operation.CHANGE or last is None or last.operation != Operation.VALUE \
                or last.area_codes != plan.area_codes or not named.is_single_year or named.month or named.quarter \
                or plan.period.end != named.start or re.search(YEAR_WITHIN + str(named.start), fold(understanding.question)):
            return []
        shown = self._said_period(last)
        if not shown.is_single_year or shown.month or shown.quarter or shown.start == named.start:
            return []
        span = PeriodSpec(start=min(shown.start, named.start), end=max(shown.start, named.start))
        return [last.model_copy(update={"operation": Operation.CHANGE, "period": span, "alternatives": []}), plan]

    def _as_answered(self, understanding: Understanding, conversation: Conversation) -> Understanding:
        """A name several areas share, read as the one the last answers were about: "¿y por cuántos puntos lo supera
        Valparaíso?" after the comuna of Valparaíso is that comuna, not the region; "¿y la de Osorno?" after a
        province is the province."""
        answered = [code for plan in conversation.last_two_plans for code in plan.area_codes]
        kinds = {self.catalog.area_kinds.get(code) for code in conversation.last_plan.area_codes} \
            if conversation.last_plan and understanding.cues.measure != "share" else set()
        asked = fold(understanding.question)

        def as_answered(place: Place) -> str | None:
            """The same area, or ("¿y la de Osorno?" after the province of Llanquihue) the one of the same kind."""
            return next((code for code in place.alternatives if code in answered), None) or (next(
                (code for code in place.alternatives if {self.catalog.area_kinds.get(code)} == kinds), None)
                if len(kinds) == 1 and place.kind not in kinds and len(understanding.places) == 1 else None)

        places = [place.model_copy(update={"code": other, "kind": self.catalog.area_kinds.get(other, place.kind),
                                           "alternatives": [place.code]})
                  if place.code not in answered and not re.search(rf"\b{LEVEL_NAMED}\s+(?:de |del |of )?{re.escape(place.matched)}",
                                                                  asked)  # "la comuna de Santiago": as said
                  and (other := as_answered(place)) else place
                  for place in understanding.places]
        return understanding.model_copy(update={"places": places}) if places != understanding.places else understanding

    def _aggregates_alike(self, plan: QueryPlan, also: list[QueryPlan], understanding: Understanding
                          ) -> tuple[QueryPlan, list[QueryPlan]]:
        """A group's members' average shown beside a publisher's aggregate is the publisher's aggregate of that group
        too, where one has its name ("¿quién creció más, América Latina y el Caribe o los miembros de la OCDE?": the
        World Bank's "OECD members", weighted as the other is, never a plain mean of the 38 members)."""
        if not any(self.catalog.area_kinds.get(area) == "aggregate" for area in plan.area_codes):
            return plan, also
        named = {place.code: place for place in [understanding.group, *understanding.places] if place}
        published = {code: aggregate for code, place in named.items()
                     if (aggregate := self._published_aggregate(place, plan.indicator_code)) and aggregate != code}
        averaged = [other for other in also if other.operation == Operation.AGGREGATE and other.group_code in published
                    and other.indicator_code == plan.indicator_code and other.period == plan.period]
        if not averaged:
            return plan, also
        swapped = [published[other.group_code] for other in averaged]
        return plan.model_copy(update={"area_codes": list(dict.fromkeys(plan.area_codes + swapped))}), \
            [other for other in also if other not in averaged]

    def _group_beside_places(self, plan: QueryPlan, against: QueryPlan | None,
                             last_average: QueryPlan | None = None, period_said: bool = True) -> list[QueryPlan]:
        """"Chile vs el promedio de Sudamérica", "esperanza de vida de Chile y América Latina": a group with no figures
        of its own, asked beside places, is its members' figure in that year (their sum for an amount, else their
        mean), answered after the places' own values; never the places alone, nor the group alone. ``against``: the
        last answer, when the question sets it against the group ("is that above the South American average?");
        ``last_average``: the last answer, a group's average that a place named now is set against ("y Filipinas,
        ¿está por encima o por debajo?", "how does that compare with the world number?")."""
        chosen = self.catalog.get(plan.indicator_code)
        if plan.operation == Operation.AGGREGATE and plan.group_code and plan.area_codes:
            group, places = plan.group_code, plan.area_codes  # "desempleo de Chile vs promedio de Sudamérica"
        elif plan.operation == Operation.AGGREGATE and plan.group_code and against is not None \
                and against.operation in (Operation.VALUE, Operation.LATEST) and len(against.area_codes) == 1 \
                and against.indicator_code == plan.indicator_code and plan.period.is_single_year:
            group, places = plan.group_code, against.area_codes
        elif plan.operation in (Operation.VALUE, Operation.LATEST) and len(plan.area_codes) == 1 and last_average \
                and last_average.operation == Operation.AGGREGATE and last_average.group_code \
                and not last_average.area_codes and last_average.indicator_code == plan.indicator_code \
                and last_average.period.is_single_year:
            group, places = last_average.group_code, plan.area_codes
            plan = plan.model_copy(update={"period": last_average.period, "aggregate": last_average.aggregate})
        elif plan.operation in (Operation.VALUE, Operation.LATEST, Operation.AGGREGATE) and not plan.group_code \
                and len(plan.area_codes) > 1 and plan.aggregate in (None, "avg", "sum"):
            groups = [area for area in plan.area_codes if self.catalog.lists_members(area)
                      and not self.catalog.covers(plan.indicator_code, [area], PeriodSpec())]
            if len(groups) != 1:
                return []
            group, places = groups[0], [area for area in plan.area_codes if area != groups[0]]
        else:
            return []
        answered = not period_said and against is not None and against.area_codes == places \
            and against.operation in (Operation.VALUE, Operation.LATEST) and against.indicator_code == plan.indicator_code
        if answered:
            plan = plan.model_copy(update={"period": PeriodSpec(start=(said := self._said_period(against)).start,
                                                                end=said.start)})
        year = plan.period.start if plan.period.is_single_year and not (plan.period.month or plan.period.quarter) \
            else self._members_newest(plan.indicator_code, group) if plan.period.unstated or plan.period.latest else None
        # "is that above the Latin American average?" after the newest figure: that figure's year, of the members
        # with values then (said in the answer), never an older year every member has
        if year is None or chosen.frequency != "A":
            return []
        amount = chosen.unit_kind in ("count", "currency") and chosen.measure in ("total", "count") \
            and chosen.derivation is None
        own = plan.model_copy(update={"operation": plan.operation if plan.operation != Operation.AGGREGATE else (
            Operation.VALUE if plan.period.is_single_year else Operation.LATEST), "area_codes": places,
            "group_code": None, "member_kind": None, "aggregate": None})
        members = plan.model_copy(update={
            "operation": Operation.AGGREGATE, "area_codes": [], "group_code": group,
            "member_kind": self._members_kind(group),
            "aggregate": plan.aggregate or ("sum" if amount else "avg"), "period": PeriodSpec(start=year, end=year)})
        return [own, members]

    def _spans_apart(self, plan: QueryPlan, question: str) -> tuple[QueryPlan, list[QueryPlan]]:
        """"desempleo promedio 2015-2019 vs 2020-2024", "el promedio de 2019 con el de 2025": each span's own average,
        never one over both. Two single years of a series whose year is its months' mean ("IPC promedio de 2024
        respecto al de 2023") are its change between them, which shows both averages and how far apart they are."""
        spans = [(int(start), int(end)) for start, end in YEAR_SPAN.findall(question.lower())]
        if len(spans) != 2 and (years := YEARS_AGAINST.search(fold(question))):  # "los ocupados promedio de 2019
            spans = [(int(years[1]), int(years[1])), (int(years[2]), int(years[2]))]  # con los de 2025"
        if plan.operation != Operation.AGGREGATE or len(spans) != 2 or spans[0] == spans[1] or plan.period.month \
                or (plan.period.start, plan.period.end) != (min(spans)[0], max(spans)[1]):
            return plan, []
        if plan.aggregate == "avg" and all(start == end for start, end in spans) \
                and self.catalog.get(plan.indicator_code).annual_aggregation == "mean":
            return plan.model_copy(update={"operation": Operation.CHANGE, "aggregate": None}), []
        first, second = (plan.model_copy(update={"period": PeriodSpec(start=start, end=end)}) for start, end in spans)
        return first, [second]

    @staticmethod
    def _both_asked(plan: QueryPlan, asked: str, two_measures: bool) -> tuple[QueryPlan, list[QueryPlan]]:
        """Two answers one question asks for together: both ends of one measure ("the highest and the lowest
        values"), each the one at its end of a ranking; a ratio and its difference ("cuántas veces más alto…, y cuál
        era la diferencia")."""
        if plan.operation in (Operation.WHICH_PERIOD, Operation.RANK) and not two_measures and (ends := BOTH_ENDS.search(asked)) \
                and HIGH_END.search(ends[0]) and LOW_END.search(ends[0]):
            if plan.operation == Operation.RANK and plan.top_n is None:
                plan = plan.model_copy(update={"top_n": 1})
            return plan, [plan.model_copy(update={"order": "asc" if plan.order == "desc" else "desc"})]
        if plan.operation in (Operation.RATIO, Operation.DIFFERENCE) and \
                AND_THE_OTHER_OPERAND_OPERATION[plan.operation].search(asked):
            other = Operation.DIFFERENCE if plan.operation == Operation.RATIO else Operation.RATIO
            return plan, [plan.model_copy(update={"operation": other})]
        return plan, []

    def _alike(self, understanding: Understanding) -> Understanding:
        """A name several areas share, listed with places of one other kind, read as that kind: "Viña del Mar,
        Valparaíso y Quilpué" are three comunas, never two comunas and a region; so are "Viña del Mar y Valparaíso",
        where the region would hold the other comuna (a share of the region is asked as one)."""
        kinds = [place.kind for place in understanding.places]
        places = []
        for place in understanding.places:
            others = {kind for other, kind in zip(understanding.places, kinds) if other is not place}
            alike = next((code for code in place.alternatives if {self.catalog.area_kinds.get(code)} == others), None)
            holding = len(understanding.places) == 2 and understanding.cues.measure != "share" and any(
                other is not place and self.catalog.contains(place.code, other.code) for other in understanding.places)
            places.append(place.model_copy(update={"code": alike, "kind": next(iter(others)), "alternatives": [place.code]})
                          if (len(understanding.places) >= 3 or holding) and len(others) == 1 and place.kind not in others
                          and alike else place)
        return understanding.model_copy(update={"places": places}) if places != understanding.places else understanding

    def _the_part_asked(self, understanding: Understanding, conversation: Conversation) -> Conversation:
        """"¿y ese porcentaje para todo Chile?" after a count and its share answered at once: a follow-up of the one
        percentage alone; an operation asked after a monthly index shown with its monthly change, of the index."""
        last = conversation.turns[-1] if conversation.turns else None
        if understanding.operation is not None or understanding.topic_text or understanding.cues != VariantCues():
            # "¿y cuánto ha subido desde entonces?", "¿y la inflación en 12 meses?" after April's CPI and its monthly
            # change shown beside it: of the index asked ("¿y en marzo?" asks both again)
            turns = [turn.model_copy(update={"also": []}) if self._change_shown_beside(turn) else turn
                     for turn in conversation.turns]
            if turns != conversation.turns:
                return conversation.model_copy(update={"turns": turns})
        named = set(understanding.topic_text.split())
        if last is None or not last.also or not (understanding.cues.measure == "share" or named and named <= PERCENT_WORDS):
            return conversation
        shares = [plan for plan in [last.plan, *last.also] if plan and self.catalog.get(plan.indicator_code).unit_kind == "percent"]
        if len(shares) != 1 or shares[0] == last.plan:
            return conversation
        return conversation.model_copy(update={"turns": conversation.turns[:-1] + [last.model_copy(
            update={"plan": shares[0], "also": []})]})

    def _each_also(self, understanding: Understanding, conversation: Conversation) -> list[QueryPlan]:
        """"¿y en 2020?" after several measures answered at once: the same follow-up for each of the others."""
        last = conversation.turns[-1]
        plans = []
        for plan in last.also:
            alone = conversation.model_copy(update={"turns": conversation.turns[:-1] + [last.model_copy(
                update={"plan": plan, "also": []})]})
            outcome = self._read(understanding, alone, lambda: None, ask_model=False)
            if outcome.status == "ok":
                plans.append(outcome.plan)
        return plans

    def _model_read(self, understanding: Understanding, conversation: Conversation, rules: PlanOutcome,
                    on_model: Callable[[], None]) -> PlanOutcome:
        """The rules could not account for the question: the model reads its operation and the indicators' roles,
        and the plan is built from that reading by the same code. An operation words alone could not express is
        answered as the model read it; a reading that leaves words unexplained, or a question the rules read
        otherwise, is asked back with the model's reading first among the options."""
        asked = PlanOutcome()
        reading = self.model_parser(understanding, asked, on_model)
        filled = applied(understanding, reading) if reading else None
        model = self._read(filled, conversation, on_model, ask_model=False) if filled else None
        update = {"llm_calls": rules.llm_calls + asked.llm_calls,
                  "notes": rules.notes + [note for note in asked.notes if note not in rules.notes]}
        plans = ([model.plan] if model and model.status == "ok" else model.options[:1] if model else [])
        plan = next((plan for plan in plans if plan.operation == reading.operation), None)
        if plan is None:
            return rules.model_copy(update=update)
        if model.status == "ok" and rules.reason != "not_sure":
            return model.model_copy(update={**update, "parser": "model"})
        options = [plan] + [option for option in rules.options if option.indicator_codes != plan.indicator_codes
                            or option.operation != plan.operation]
        return rules.model_copy(update={**update, "status": "clarify", "reason": "not_sure", "options": options,
                                        "params": rules.params if rules.reason == "not_sure" else model.params})

    def _read(self, understanding: Understanding, conversation: Conversation, on_model: Callable[[], None],
              ask_model: bool) -> PlanOutcome:
        outcome = PlanOutcome()
        if understanding.hostile:
            return PlanOutcome(status="refused", reason="hostile")
        if understanding.too_long:
            return PlanOutcome(status="clarify", reason="too_long", params={"limit": str(MAX_QUESTION_CHARS)})
        asked = fold(understanding.question)
        if absent := lexicon().has_phrase(asked, lexicon().absent_topics):  # "¿a cuánto está el riesgo país?"
            return PlanOutcome(status="no_data", reason="unknown_topic", params={"topic": as_written(understanding.question,
                                                                                                      absent)})
        last = conversation.last_plan
        if last is not None and understanding.continues and not understanding.places \
                and (setting := AREA_SETTING_ONLY.fullmatch(understanding.topic_text)) \
                and not re.search(r"\b(?:urban|rural)", self.catalog.get(last.indicator_code).name_en.lower()) \
                and not any(setting[1][:5] in fold(f"{info.name_es} {info.name_en}")
                            for info in self._kin(last.indicator_code, understanding)):
            # "¿y en las zonas rurales?" after access to electricity, which has no rural series: never the rural population
            # ("¿y la rural?" after the urban population is the rural one)
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": last.indicator_code})
        if last is not None and understanding.cues.source is None and lexicon().has_phrase(asked, lexicon().same_source):
            # "and unemployment that year, same source?": the last answer's publisher, national or international
            source = "national" if self.catalog.get(last.indicator_code).official_for else "international"
            understanding = understanding.model_copy(update={"cues": understanding.cues.model_copy(update={"source": source})})
        several = bool(conversation.turns and conversation.turns[-1].also) and not (  # of which measure? asked back,
            understanding.named_operation in TWO_OPERANDS and not understanding.topic_text  # unless the two answered
            and self._between_last_two(understanding.named_operation, conversation))  # are its operands (women, men)
        answered_places = {code for plan in conversation.last_two_plans for code in plan.area_codes}
        if (pair_period := self._period_of_pair_answered(understanding, conversation)) is not None:
            understanding = understanding.model_copy(update={"period": pair_period})
        if conversation.turns and conversation.turns[-1].plan is None and understanding.named_operation in TWO_OPERANDS \
                and (THAT_AGAINST.search(asked) or LAST_ANSWER.search(asked)):
            # "How many micrograms above the world average was that?" after a question not answered: no figure was
            # shown to set against the world's
            return PlanOutcome(status="clarify", reason="follows_unanswered")
        if conversation.turns and conversation.turns[-1].plan is None and (OF_THEM.search(asked) or COUNT_OF_THOSE.search(asked)):
            # "how many of those are in the Magallanes region?" after a count not answered: no members were shown
            return PlanOutcome(status="clarify", reason="follows_unanswered")
        if conversation.turns and conversation.turns[-1].plan is None and conversation.turns[-1].tried is None \
                and (THAT_FIGURE.search(asked) or (elided := ELIDED_FIGURE.search(asked))
                     and self.catalog.names_a_measure([elided[1]])):
            # "¿Y qué porcentaje es eso de toda la Región Metropolitana?" after a question not answered: no figure;
            # "dame la del IPC general" after the 12-month rise of a series not held: the rise of what was never read
            return PlanOutcome(status="clarify", reason="follows_unanswered")
        if (ranked := self._members_by_last_gap(understanding, last)) is not None:
            return PlanOutcome(plan=ranked)
        if understanding.unsupported and understanding.named_operation in TWO_OPERANDS and (
                understanding.continues or lexicon().has_phrase(asked, lexicon().both_places) or THAT_AGAINST.search(asked)
                or LAST_ANSWER.search(asked) or not (  # "¿es mayor que la de Puente Alto? ¿por cuántos puntos?"
                    understanding.topic_text or understanding.places) or (  # "¿cuántas veces más grande es la de
                    # Vitacura?" after Vitacura's, then La Pintana's: a place of the last answers is one of the operands
                    understanding.places and {place.code for place in understanding.places} <= answered_places)) \
                and last is not None \
                and not several \
                and not understanding.pair and len(understanding.places) <= 1 and (
                    not understanding.topic_text or self.family.restates(understanding, last.indicator_code)):
            # "¿y la diferencia?" after women's, then men's; "¿cuál de los dos…, y por cuánto?"; "¿y en Perú? ¿cuántas
            # veces más se demoraba allá?"; "¿y el mismo trimestre un año antes? ¿cuántos puntos de diferencia?"
            if last.operation == understanding.named_operation and understanding.operation is None and not (
                    understanding.places or understanding.topic_text) and understanding.period.is_single_year:
                return PlanOutcome(plan=last.model_copy(update={"period": understanding.period}))  # "¿y cómo era esa
                # brecha en 2000?" after the gap in 2022: the same gap, that year
            between = self._against_other_sex(understanding, last) if understanding.cues.sex and not understanding.places \
                else self._against_place(understanding, last, conversation) if understanding.places else \
                (self._on_last_operands(understanding.named_operation, last)
                 or self._between_last_two(understanding.named_operation, conversation, asked)) if understanding.period.unstated \
                else self._against_last(understanding, last, conversation)
            if between is not None and (qualified := self._as_qualified(between, understanding)) is not None:
                return PlanOutcome(plan=qualified)
        if understanding.unsupported:
            options = self._separately(understanding, conversation)
            each = [option for option in options if option.operation not in TWO_OPERANDS]
            if understanding.several and understanding.named_operation is None and len(each) == 2 and \
                    len({option.indicator_code for option in each}) == 2:  # "población y esperanza de vida": both
                return PlanOutcome(plan=each[0], also=each[1:])
            return PlanOutcome(status="clarify", reason="several" if options else "unsupported",
                               params={"words": understanding.unsupported}, options=options)
        unanswered = conversation.turns[-1] if conversation.turns and conversation.turns[-1].plan is None else None
        if unanswered and unanswered.tried:  # read, but with no data there ("¿y en 2040?" of a projection to 2035,
            # urban poverty in 2020): a follow-up ("¿y en 2013?") continues from what was read
            last, unanswered = unanswered.tried, None
        only = self.only_place.get(understanding.candidates[0].code) if understanding.candidates else None
        one_place = only is not None and not understanding.period.unstated and not (
            unanswered and set(unanswered.named_areas) - {only})  # after "…en Chile?", Chile's series still fits
        # "ya y la UTM de agosto": a whole question, never "¿y cuántas ocupadas?", nor "sorry, inflation, for 2024"
        # after "what's the rate in Peru", whose place Chile's series would leave out
        if unanswered and (SAME_AGAIN.search(asked) or lexicon().has_phrase(asked, lexicon().operations["sort_all"])
                           or understanding.continues and not (
                understanding.topic_text and (understanding.places or understanding.group or one_place))):
            # "¿y cuántas ocupadas?" after a question not answered: of what, where? "y lo mismo pa Salamanca", "same
            # thing for the UTM": the same as what was not answered, never an older answer's measure ("ya y la UTM de
            # agosto" names one: the UTM is only Chile's)
            return PlanOutcome(status="clarify", reason="follows_unanswered")
        named_unanswered = next((turn.named_areas for turn in reversed(conversation.turns) if turn.plan is None
                                 and turn.named_areas), []) if unanswered else []  # "¿cuánto baja entre 2030 y 2035?"
        # after Empedrado's question, then "¿y al 2035?", neither answered: still of Empedrado
        in_force = set(named_unanswered or (last.area_codes if last is not None else [])) if unanswered else set()
        if unanswered and in_force - {DEFAULT_AREA} and not (
                understanding.places or understanding.group or understanding.member_kind or one_place
                or understanding.unknown_place):
            # "Between 2010 and 2024, which year had the largest deficit?" after Brazil's balance was not answered: of
            # Brazil, most likely, never of Chile, where a question naming no place is read (nor after Peru's ratio,
            # then a question about it not answered: "same surplus number for 2025 pls")
            return PlanOutcome(status="clarify", reason="follows_unanswered")
        if last is not None and understanding.operation == Operation.WHICH_PERIOD and understanding.period.is_single_year \
                and not (understanding.period.month or understanding.period.quarter) and last.period.is_single_year \
                and last.period.start != understanding.period.start and (which_year := YEAR_ASKED.search(asked)):
            # "and 2023? which year was higher" after 2024's figure: the two years side by side, which no plan
            # answers in one; never the highest day of 2023
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": which_year[0]})
        if last is not None and understanding.operation == Operation.AGGREGATE and understanding.aggregate == "avg" \
                and not (understanding.places or understanding.group or understanding.topic_text) \
                and understanding.period.unstated and last.operation in (Operation.VALUE, Operation.LATEST) \
                and len(last.area_codes) == 1 and not (WHOLE_REGION.search(asked)
                                                       and self._region_of(last.area_codes[0]) != last.area_codes[0]):
            # "is that above average?", "¿y eso está sobre el promedio de la región?" after Chile's growth: the
            # average of which places? Never the place's own average over its years
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": understanding.question.strip(" ¿?")})
        if last is None and not (understanding.places or understanding.group or understanding.member_kind) \
                and lexicon().has_phrase(asked, lexicon().operations["sort_all"]):
            return PlanOutcome(status="clarify", reason="no_list")  # "ordénalos por crecimiento" with nothing to sort
        if last is not None and last.operation == Operation.DIFFERENCE and understanding.continues and \
                understanding.cues.measure == "share" and not understanding.topic_text:
            # "¿y en porcentaje?" after Puente Alto minus Maipú: a relative difference no plan computes, never the
            # difference of two shares of another whole
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": understanding.question.strip(" ¿?")})
        if understanding.cues.measure == "share" and (together := TOGETHER.search(asked)) and (
                len(understanding.places) >= 2 or last is not None and (last.operation == Operation.RANK
                                                                         or len(last.area_codes) >= 2)
                or len(conversation.last_two_plans) == 2 and THOSE_TWO.search(asked)):  # "esas dos regiones"
            # "together, what share of the region do those three represent?", "what percent of that lives in Iquique
            # and Alto Hospicio together?": a share of their sum, which no plan computes; never each one's share
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": together[0]})
        if last is not None and last.operation == Operation.AGGREGATE and (against := AGAINST_THAT_AVERAGE.search(asked)):
            # "¿cuántos puntos por sobre ese promedio quedó el 2022?": a value against an average, which no plan
            # computes; never the value alone
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": against[0]})
        if last is not None and last.operation == Operation.CHANGE and understanding.group and not understanding.places \
                and understanding.period.unstated and (against := THAT_AGAINST.search(asked) or ABOVE_OR_BELOW.search(asked)):
            # "¿está por encima del promedio de América Latina?" after a change since 2000: the change or the level set
            # against the group's? Asked back, never the group's average over the change's years alone
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": against[0]})
        previous = last
        # "¿y en 2021?" keeps the indicator; "¿y la multidimensional?" changes it but keeps places and period.
        if previous is not None and previous.operation == Operation.CHANGE and not understanding.topic_text \
                and understanding.cues.measure == "share" and understanding.period.unstated \
                and lexicon().has_phrase(asked, lexicon().operations["percent_change"]):
            # "¿y en porcentaje?" after a change: that change, whose percentage it gives, never a share
            understanding = understanding.model_copy(update={"operation": Operation.CHANGE,
                                                             "cues": understanding.cues.model_copy(update={"measure": None})})
        if (part_of_last := self._part_of_last(understanding, previous)) is not None:
            return PlanOutcome(plan=part_of_last)
        share_named = self._as_share_of(understanding, previous) if previous is not None else None
        if share_named and understanding.member_kind and TOTAL_OF_MEMBERS.search(asked):
            understanding = understanding.model_copy(update={"member_kind": None})  # their total is the whole
        if previous is not None and share_named is None and self._share_of_last(understanding):
            # "¿y eso como porcentaje del PIB?" where the family has no such share: never the PIB itself
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": previous.indicator_code})
        member_named = share_named or (self._count_of_last(understanding, previous)
                                       or self._share_of_last_part(understanding, previous) if previous is not None else None)
        if member_named is None and previous is not None and self._asks_count_of_last(understanding, previous):
            # "¿y eso cuántas personas son?" after a poverty rate no count is published for: never the population
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": previous.indicator_code})
        topic_words = set(understanding.topic_text.split())
        thing = THING_ASKED.match(asked)  # "¿y el litio ese mismo día?": a word no metadata knows, asked for in the
        names_nothing = not self.catalog.names_a_measure(list(topic_words)) and not (  # last one's place, names
            thing and thing[1] in topic_words and self.family.unknown_words(thing[1]))  # another measure; "whole",
        # "sea": retrieved by meaning
        vague = bool(topic_words) and (topic_words <= set(lexicon().vague_words) or (  # "la tasa", "the rate"
            topic_words <= set(lexicon().vague_words) | set(lexicon().vague_subjects)
            and understanding.operation in (None, Operation.VALUE, Operation.LATEST, Operation.RANK)
            and not understanding.cues.transform))
        at_that_time = understanding.period == PeriodSpec(same_part=True) or bool(  # "that month", "then": the
            understanding.period.unstated and THEN_SAID.search(asked))  # period the last answer named
        same_measure = previous is not None and (not topic_words or member_named is not None or SAME_MEASURE.search(asked) or (
            previous.operation in (Operation.WHICH_PERIOD, Operation.FIRST_MEETING)  # "What was the rate that month?"
            and at_that_time and topic_words <= FIGURE_WORDS | RATE_WORDS) or (
            understanding.continues and (names_nothing or topic_words <= FIGURE_WORDS or (
                (understanding.pair or understanding.cues.sex or understanding.cues.source)
                and topic_words <= set(lexicon().vague_words)))))  # "ok then, for 2020 as a
        # whole?", "¿y con los números del Banco Mundial?", "now the men's rate… above the women's?": the last measure
        context = previous if same_measure or (previous is not None and (
            understanding.continues or understanding.period.refers_back or vague or SAME_SPAN.search(asked)
            or THAT_AGAINST.search(asked)
            or self.family.points_back(understanding, self.catalog.get(previous.indicator_code).family) or (
                not understanding.places and any(lexicon().has_phrase(asked, phrases) for phrases in (
                    lexicon().points_back, lexicon().both_places, lexicon().three_places)))
        )) else None  # "¿Qué región… ese año?", "which comuna has the highest rate…?" after a rate, "esos adultos mayores"
        both = lexicon().has_phrase(asked, lexicon().both_places)  # "which is higher?"
        if same_measure and (yearly := self._twelve_months_to(previous, understanding, asked)) is not None:
            return PlanOutcome(plan=yearly)
        if previous is not None and (span := self._between_ends(understanding, conversation, asked)) is not None:
            return PlanOutcome(plan=span)
        if previous is not None and not same_measure and understanding.topic_text \
                and (against := THAT_AGAINST.search(asked)) \
                and {place.code for place in understanding.places} <= set(previous.area_codes) \
                and (understanding.cues.source or not self.family.restates(understanding, previous.indicator_code)):
            # "How does that stack up against the World Bank's annual inflation for Chile?" after the 12-month rate:
            # two measures (or two publishers' figures) side by side, which no plan shows; never the second one alone.
            # Of one unit, place and period ("How does that compare with INE's projection for the same comuna in
            # 2024?" after its census count), their difference shows both
            other = self._read(understanding.model_copy(update={
                "question": THAT_AGAINST.sub(" ", asked), "period": understanding.period.model_copy(
                    update={"until_previous": False})}), conversation, lambda: None, ask_model=False)
            if other.status == "ok" and (measures := self._other_measure_then(previous, other.plan)) is not None:
                return PlanOutcome(plan=measures)
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": against[0]})
        if previous is not None and previous.operation == Operation.COUNT and WHICH_ONES.search(asked) and (
                same_measure or topic_words <= set(lexicon().vague_words) | FIGURE_WORDS) and not (
                understanding.model_copy(update={"operation": None, "order": None, "topic_text": "", "cues": (
                    VariantCues() if understanding.cues == VariantCues(measure="share") else understanding.cues)}).says_something
                or understanding.operation not in (None, Operation.RANK)):  # ("and at what share?": the rates shown)
            # "which ones, and what were the rates?": the rates are those counted
            # "¿cuáles son?", "which ones? lowest first" after a count: the count names them, in the order asked
            return PlanOutcome(plan=previous.model_copy(update={"order": understanding.order or previous.order}))
        if previous is not None and previous.operation == Operation.CHANGE and understanding.cues.transform == "growth" \
                and understanding.topic_text and understanding.period.unstated and understanding.operation is None \
                and not understanding.places and GREW_BY_HOW_MUCH.search(asked) \
                and not set(understanding.topic_text.split()) & set(lexicon().generic_words):
            # "¿y cuánto creció el PIB?" after a change between two years: the GDP's change over them, as "¿cuánto
            # creció el PIB entre 2021 y 2023?" is, never the change of its growth rate ("la población", a word every
            # per-person measure shares, is read as before)
            understanding = understanding.model_copy(update={
                "operation": Operation.CHANGE, "cues": understanding.cues.model_copy(update={"transform": None})})
        reversed_said = lexicon().has_phrase(asked, lexicon().operations["reversed_order"])
        if previous is not None and previous.operation == Operation.RANK and reversed_said and not (
                set(understanding.topic_text.split()) - set(reversed_said.split()) or understanding.places):
            # "now the other way round", "¿y al revés?" after a ranking: the same members from the other end
            return PlanOutcome(plan=previous.model_copy(update={"order": "asc" if previous.order == "desc" else "desc"}))
        last_measure = self.catalog.get(previous.indicator_code) if previous is not None else None
        if last_measure is not None and (priced := PRICE_OF.search(asked)) \
                and priced[1] not in fold(f"{last_measure.name_es} {last_measure.name_en}") \
                and priced[1] not in understanding.topic_text.split():
            # "¿y el precio de la plata ese día?" after copper's: a price of something the reading set aside (silver,
            # said like money), never copper's again
            return PlanOutcome(status="no_data", reason="unknown_topic", params={"topic": priced[1]})
        prices_talked = any(self.catalog.get(turn.plan.indicator_code).family in PRICE_FAMILIES
                            for turn in conversation.turns[-3:] if turn.plan)
        if prices_talked and understanding.continues and topic_words and topic_words <= set(lexicon().priced_goods):
            # "¿y cuánto subió la comida? los alimentos digo" after inflation (or the UF, which follows it): a part
            # of the CPI, which no series has, never the food production index
            return PlanOutcome(status="no_data", reason="unknown_topic", params={"topic": understanding.topic_text})
        if previous is not None and len(unknown := self.family.unknown_words(understanding.topic_text)) >= 2 \
                and not self.catalog.names_a_measure(list(topic_words)):
            # "Cool, can you book me a bus ticket from there to Santiago?": words no measure uses, never the last
            # measure asked again of the place they name
            return PlanOutcome(status="no_data", reason="unknown_topic", params={"topic": " ".join(unknown)})
        if understanding.unknown_place and not understanding.group:
            # "¿y el de Narnia?": a place no area has, never the last answer's place again (nor "¿y cuántos viven en
            # Santa Cruz de la Sierra?" the comuna Santa Cruz)
            return PlanOutcome(status="no_data", reason="unknown_place", params={"place": understanding.unknown_place})
        if understanding.number_alone is not None and not understanding.topic_text and not (
                previous is not None and previous.threshold):  # "¿y 5%?" after a value: a number with nothing to compare
            return PlanOutcome(status="clarify", reason="no_topic")
        if previous is not None and previous.operation in (Operation.WHICH_PERIOD, Operation.FIRST_MEETING) and (
                same_measure and not understanding.says_something and HOW_MUCH_WAS.match(asked)
                or (same_measure or vague) and at_that_time
                and understanding.operation is None and understanding.order is None and not understanding.places):
            # "¿y de cuánto fue?", "What was the rate that month?" after the year inflation peaked: that year's figure
            # (the month's, after a month)
            understanding = understanding.model_copy(update={"period": PeriodSpec(shift_months=0, same_part=True)})
        if previous is not None and previous.operation == Operation.CHANGE and understanding.cues == VariantCues(
                transform="growth") and not (understanding.topic_text or understanding.places or understanding.group) \
                and understanding.period.unstated and understanding.operation is None:
            # "¿y cuánto creció?", "¿y cuál creció menos?" after a change between two years: that change, said again
            return PlanOutcome(plan=previous.model_copy(update={"order": understanding.order or previous.order}))
        if same_measure and not understanding.says_something and not both:  # "?", a stray byte: not "the same again"
            return PlanOutcome(status="clarify", reason="no_topic")
        if (misnamed := next((place for place in understanding.places if place.level_asked), None)) \
                and not understanding.member_kind and understanding.operation not in GROUP_OPERATIONS:
            # "¿cuántas personas censó el censo en la comuna de Ñuble?", "¿y la de la Ciudad de México?": no comuna has
            # that name; the region is another question ("la comuna de Ñuble con más pobreza" ranks the region's)
            language = understanding.language
            return PlanOutcome(status="no_data", reason=f"no_such_{misnamed.level_asked}", params={
                "place": as_written(understanding.question, misnamed.matched),
                "name": misnamed.name_es if language == "es" else misnamed.name_en})
        carried = understanding if same_measure else self._carried(understanding, context)
        if same_measure:
            base = previous.indicator_code
        elif not topic_words or names_nothing or (context is None and vague and not understanding.cues.model_dump(
                exclude_defaults=True, exclude={"source"})):  # "Desempleo juvenil. ¿Cuál es la tasa…?": the cue says which
            return PlanOutcome(status="clarify", reason="no_topic")  # what "sea", "whole" or "la tasa" retrieves is no measure
        elif understanding.unknown_place and not understanding.group:  # "Marte", or "Fiyi" beside Mauricio
            return PlanOutcome(status="no_data", reason="unknown_place", params={"place": understanding.unknown_place})
        elif context is not None and self.family.restates(understanding, context.indicator_code) and not (
                understanding.rate_of and not self._divides(self.catalog.get(context.indicator_code), understanding.rate_of)):
            base = context.indicator_code  # "Which one spends more?" after military spending: its family, reworded;
            # "adultos mayores por cada 100 niños" after the population is another measure
        elif understanding.rate_of and (dividing := sorted(
                (info.code for info in self.catalog.indicators.values() if self._divides(info, understanding.rate_of)),
                key=lambda code: code not in {candidate.code for candidate in understanding.candidates})):
            base = dividing[0]  # "¿cuántas personas de 65 o más hay por cada 100 niños?": the measure its two groups
            # name, retrieved or not
        else:
            base = self.family(self._without_unlike(carried, asked), outcome, on_model, ask_model)
            if base is None:
                return outcome
        if previous is not None and topic_words and all(PROJECTED.fullmatch(word) for word in topic_words) \
                and self.catalog.get(base).family != self.catalog.get(previous.indicator_code).family:
            # "¿y la proyección para 2030?" after GDP per capita: a projection of that measure, which no one
            # publishes, never the only projected series there is (the population)
            return PlanOutcome(status="no_data", reason="no_projection", params={"indicator": previous.indicator_code})
        if unlike := self.catalog.unlike_named(base, asked):  # "internet users" are no broadband subscriptions,
            return PlanOutcome(status="no_data", reason="unknown_topic", params={"topic": unlike},  # however close
                               suggestions=[base])
        named = understanding.period
        month_of_last_year = False  # "¿y en febrero?": of the year the last answer named
        if (named.month or named.quarter) and named.start is None and named.shift_months is None and context is not None \
                and (year := self._said_period(context).end or self._said_period(context).start):
            month_of_last_year = True
            named = named.model_copy(update={"start": year, "end": year})  # "hasta julio": of the last answer's year
        grew = (understanding.operation is None or understanding.aggregate == "avg" and POINTED_AVERAGE.search(asked)) and (
            understanding.cues.transform == "growth" or (  # "¿y cuánto creció…?", "¿y cuánto creció ese promedio…?",
            context is not None and context.operation == Operation.CHANGE and not understanding.topic_text))  # "¿y
        # desestacionalizado, comparado con marzo?" after a change: another change, to the last answer's period
        if (understanding.operation == Operation.CHANGE or grew) and context is not None and named.is_single_year and \
                not named.month_end and (re.search(rf"\b{COMPARED_WITH}\b", asked) or FROM_THERE.search(asked)
                                         or lexicon().has_phrase(asked, lexicon().operations["between_those"]) or (
                    not understanding.topic_text and (THAN_THE_LAST.search(asked) or BY_THEN.search(asked)))):
            # "How much did it change compared with June 2023?" after June 2024: from the period named to the last
            # one; "By what percent was it higher in Q1 2026?" after Q1 2025, from the last one to the period named
            last = context
            if context.operation == Operation.CHANGE:  # a change's own period is its later end
                last = context.model_copy(update={"period": context.period.later_end})
            if named.same_part:  # "¿y cuánto creció el PIB real respecto al mismo trimestre de 2022?" (of the latest
                said = self._said_period(last)  # value, the month it was)
                named = named.model_copy(update={"month": said.month, "quarter": said.quarter})
            spanned = self._spanned_from(last, named)
            if spanned:
                understanding = understanding.model_copy(update={
                    "period": spanned, "operation": Operation.CHANGE,
                    "cues": understanding.cues.model_copy(update={"transform": None if grew else understanding.cues.transform})})
        if understanding.operation == Operation.CHANGE and named is not understanding.period and not named.month_end \
                and understanding.period.start is None and not (named.until_previous or named.since_previous):
            understanding = understanding.model_copy(update={"period": named})  # "¿en cuánto bajó en febrero?" after
            # January's: February of that year
        if understanding.cues.transform == "growth" and understanding.period.last_n_months == 12:
            # "¿cuánto subieron los sueldos en los últimos 12 meses?": the newest 12-month change, not each month's
            understanding = understanding.model_copy(update={"period": PeriodSpec()})
        if understanding.operation == Operation.CHANGE and context is not None \
                and understanding.period == PeriodSpec(shift_months=0) and len(conversation.last_two_plans) == 2 \
                and (spanned := self._spanned(*conversation.last_two_plans)) and _a_year_apart(spanned):
            # "¿cuántos puntos subió en ese año?" after May 2026, then May 2025: over that year
            understanding = understanding.model_copy(update={"period": spanned})
        if understanding.operation == Operation.CHANGE and context is not None and (
                understanding.period.shift_months == 0 or understanding.period == PeriodSpec(same_part=True)) \
                and context.operation != Operation.CHANGE and (said := self._answered_period(context, conversation)).start \
                is not None:  # "¿y cuánto varió el PIB per cápita ese año?", "¿cuánto subió ese mes?", "how deep was the
            # drop that year?" after the year growth was lowest: a change within that one period
            understanding = understanding.model_copy(update={"period": said.later_end.model_copy(
                update={"projected": said.projected})})
        over_the_year = understanding.operation == Operation.CHANGE and lexicon().has_phrase(
            asked, lexicon().operations["over_the_last_year"])  # "¿cuánto han crecido los sueldos en el último año?"
        if over_the_year and (understanding.period == PeriodSpec(latest=True) or understanding.period == PeriodSpec(
                shift_months=-12) and context is None):
            # "compared with a year ago", "dame el último dato": the newest 12-month change, no other period (after
            # an answer, from a year before it)
            understanding = understanding.model_copy(update={"period": PeriodSpec()})
        if understanding.operation == Operation.CHANGE and understanding.cues.transform == "growth" and context is not None \
                and understanding.period.unstated and not self.catalog.has_member(base, {"transform": "growth"}) \
                and (said := self._answered_period(context, conversation)).is_single_year and (said.month or said.quarter) \
                and not (said.month_end or said.quarter_end):
            # "¿cuánto subió en 12 meses, en %?" after July's UF, which has no growth series: from July a year before
            understanding = understanding.model_copy(update={
                "period": PeriodSpec(start=said.start - 1, end=said.start, month=said.month, month_end=said.month,
                                     quarter=said.quarter, quarter_end=said.quarter),
                "cues": understanding.cues.model_copy(update={"transform": None})})
        rate_kept = same_measure and understanding.named_operation is None and previous is not None \
            and self.catalog.get(previous.indicator_code).transform == "growth"  # "y el año anterior, dic 2023 a dic 2024?"
        if understanding.operation == Operation.CHANGE and (understanding.cues.transform == "growth" or rate_kept) and \
                _a_year_apart(understanding.period) and (understanding.period.month or understanding.period.quarter) \
                and not INDEX_NAMED.search(asked) and not understanding.rate_changed:
            # "crecimiento del PIB en el T1 2020 respecto al mismo trimestre de 2019": that growth, the later
            # period's, never the change between two growth rates
            understanding = understanding.model_copy(update={"operation": None,
                                                             "period": understanding.period.later_end})
        if understanding.operation == Operation.CHANGE and understanding.cues.transform == "growth" and \
                lexicon().has_phrase(asked, lexicon().operations["between_those"]):
            # "the year-on-year percent change between those two readings": the change from one to the other
            understanding = understanding.model_copy(update={"cues": understanding.cues.model_copy(
                update={"transform": None})})
        if understanding.operation == Operation.CHANGE and understanding.period.month_end and HALF_YEAR.search(asked) \
                and self.catalog.get(base).frequency == "M":
            # "¿cuánto subió el IPC en el primer semestre?": from the month before the half year (December) to its
            # last, never from its first month
            half = understanding.period
            understanding = understanding.model_copy(update={"period": half.model_copy(update={
                "start": half.start - (half.month == 1), "month": (half.month - 2) % 12 + 1})})
        if understanding.operation == Operation.CHANGE and understanding.cues.transform == "year_to_date" \
                and (within := self._within_year_to_date(base, understanding.period)) is not None:
            # "so far in 2026 (Dec to the latest month)": the year's cumulative rate at the later month, never a
            # change of that rate
            understanding = understanding.model_copy(update={"operation": None, "period": within})
        growth_asked = (understanding.cues.transform == "growth" or over_the_year) and understanding.period.unstated \
            and self.catalog.has_member(base, {"transform": "growth"})  # "variación en 12 meses de los sueldos": the newest
        if understanding.operation == Operation.CHANGE and (understanding.period.is_single_year or growth_asked) and \
                understanding.cues.transform != "level" and not understanding.period.month_end:
            # "¿cuánto subió el IPC en 2023?", "variación en 12 meses del IPC a diciembre": a change within one period
            # is that period's growth (inflation for a price index), or its change on the period before if so asked
            month_asked = understanding.period.month and understanding.cues.transform is None and \
                self.catalog.has_member(base, {"transform": "period_change"}) and not TWELVE_MONTHS.search(asked)
            # "¿cuánto subió el IPC en abril?" (but not "en los 12 meses hasta junio"):
            # the month's own rise, as the publisher heads it, unless "en 12 meses" is said
            each_month = understanding.per_period and understanding.cues.transform in (None, "period_change") and \
                self.catalog.has_member(base, {"transform": "period_change"})  # "¿cuánto subió el IPC cada mes?"
            transform = "period_change" if understanding.cues.transform == "period_change" or month_asked or each_month \
                else "year_to_date" if understanding.cues.transform == "year_to_date" and self.catalog.has_member(
                    base, {"transform": "year_to_date"}) else "growth"  # "¿cuánto han subido en lo que va de 2026?"
            year, period = understanding.period.start, understanding.period
            if transform == "growth" and not (period.month or period.quarter) and \
                    not self.catalog.has_member(base, {"transform": "growth"}):
                # "the drop in Peru's unemployment in 2022": a rate has no growth series; its change on the year before
                understanding = understanding.model_copy(update={"period": period.model_copy(update={"start": year - 1})})
            elif transform == "growth" and period.month and not period.day and not LATEST_SAID.search(asked) \
                    and (context is None or month_of_last_year) and not DAY_SAID.search(asked) \
                    and not self.catalog.has_member(base, {"transform": "growth"}) \
                    and not self.catalog.has_member(base, {"transform": "period_change"}):
                # "¿en cuánto bajó la UF en febrero?": a monthly series with no rate published; its change on the
                # month before (never "in January 2020 … by the latest figure", a change to now, nor "y en enero 2020
                # cuánto era? cuántas lucas subió" after July 2026's, a change since then)
                understanding = understanding.model_copy(update={"period": period.model_copy(update={
                    "start": year - 1, "month_end": period.month} if TWELVE_MONTHS.search(asked) else {  # "variación 12
                    "start": year if period.month > 1 else year - 1, "month": period.month - 1 or 12,  # meses a abril"
                    "month_end": period.month})})
            else:
                understanding = understanding.model_copy(update={  # "… cada mes, en promedio": those rises' mean
                    "operation": Operation.AGGREGATE if each_month and understanding.aggregate else None,
                    "cues": understanding.cues.model_copy(update={"transform": transform})})
        if understanding.operation == Operation.CHANGE and understanding.cues.transform == "period_change" \
                and understanding.period.shift_months and context is not None:
            if self.catalog.has_member(base, {"transform": "period_change"}):
                # "¿y cuánto cambió respecto al mes anterior?" after March's CPI: March's own change, as published,
                # never the change of the monthly change (after a change, its later month's)
                understanding = understanding.model_copy(update={"operation": None, "period": context.period.later_end
                                                                 if context.operation == Operation.CHANGE else PeriodSpec()})
            else:  # after the seasonally adjusted Imacec, which has none published: from the month before to the one
                understanding = understanding.model_copy(update={  # answered
                    "cues": understanding.cues.model_copy(update={"transform": None})})
        areas, group = self._areas(understanding, context, outcome, conversation)
        if group:
            areas, group = self._group_holding(understanding, areas, group)
        if group and not self.catalog.lists_members(group):  # "high income countries": the World Bank publishes the
            if understanding.operation in MEMBERS_COMPARED:  # group's figure, and
                return PlanOutcome(status="no_data", reason="no_members")  # Cifra has no list of its members
            areas, group = [*areas, group], None
            understanding = understanding.model_copy(update={"member_kind": None})  # its countries are no ranking
        if not areas and not group and (understanding.names_last_place or understanding.whole_group):
            # "there" after a ranking of several, "la comuna" after a region
            return PlanOutcome(status="clarify", reason="which_place")
        period = understanding.period.model_copy(update={"same_part": False})
        if context is not None and period.unstated and not lexicon().has_phrase(asked, lexicon().operations["whole_series"]):
            # "¿y según las proyecciones?": of the same year, projected; "¿en qué año de toda la serie…?", every year
            period = context.period.model_copy(update={"projected": period.projected or context.period.projected})
            if understanding.period.same_part and period.day and THAT_MONTH.search(asked):
                period = period.model_copy(update={"day": None, "day_end": None})  # "that month's average" after a day
            plans = conversation.last_two_plans
            if understanding.operation == Operation.CHANGE and len(plans) == 2:
                # "¿cuánto cayó entre esos dos años?", "So how many percentage points did it change?" after 2021, then 2000
                period = self._spanned(*plans) or period
            elif understanding.operation in (Operation.RANK, None) and both and not understanding.places \
                    and len(plans) == 2 and (spanned := self._spanned(*plans)):
                # "¿cuál de los dos fue mayor?" after March 2023, then March 2022: the change between them says it
                period, understanding = spanned, understanding.model_copy(update={"operation": Operation.CHANGE})
            elif grew and len(plans) == 2 and (spanned := self._spanned(*plans)):
                if not self.catalog.has_member(base, understanding.cues.model_dump(include=set(VARIANT_FIELDS),
                                                                                    exclude_none=True)):
                    # "¿cuánto creció?" after two quarters of a level no growth rate is published for: from one to
                    period = spanned  # the other
                    understanding = understanding.model_copy(update={"operation": Operation.CHANGE, "cues":
                                                                     understanding.cues.model_copy(update={"transform": None})})
                elif _a_year_apart(spanned) and self._growth_there(base, plans[-1].area_codes):  # "¿cuál fue la
                    # inflación en 12 meses?" after June 2026, then June 2025:
                    period = PeriodSpec(start=spanned.end, end=spanned.end, month=spanned.month_end,  # the later one's
                                        quarter=spanned.quarter_end)
                elif HOW_MUCH_GREW.search(asked) and not understanding.topic_text:  # "so how much did it grow?" after
                    period = spanned  # 2025's world population, then 2000's: from one to the other, never 2000's rate
                    # (nor, of Biobío's GDP a year apart, a growth rate only the country has)
                    understanding = understanding.model_copy(update={"operation": Operation.CHANGE, "cues":
                                                                     understanding.cues.model_copy(update={"transform": None})})
        if understanding.operation == Operation.CHANGE and context is not None and period.start and period.end \
                and not (period.month or period.quarter or period.day) and len(conversation.last_two_plans) == 2 \
                and (spanned := self._spanned(*conversation.last_two_plans)) and (spanned.month or spanned.quarter) \
                and (spanned.start, spanned.end) == (period.start, period.end):
            period = spanned  # "how much did it change from 2023 to 2024?" after 14 March of each: between those two
        if understanding.period.same_part and context is not None and period.is_single_year and not (
                period.month or period.quarter):  # "¿y en el mismo trimestre de 2021?"; after the latest figure, the
            said = self._answered_period(context, conversation)  # month it named ("and the same month in 2023?")
            period = period.model_copy(update={"month": said.month, "quarter": said.quarter,
                                               "day": said.day})  # "the same day in 2023": its day too
        if understanding.period == PeriodSpec(same_part=True) and context is not None and context.operation == Operation.LATEST \
                and (said := self._said_period(context)).start is not None:
            # "¿y la inflación en ese mismo periodo?" after May's wage growth, the newest: May's, never the newest of
            # the other measure
            period = said.model_copy(update={"end": said.start}) if said.end is None else said
        if understanding.period.same_part and context is None and understanding.operation != Operation.WHICH_PERIOD:
            return PlanOutcome(status="clarify", reason="no_shift")  # "ese mismo trimestre" after no answer: which
            # one? ("¿cuál fue la más alta y en qué mes terminó ese trimestre?" asks the answer's own)
        plans = conversation.last_two_plans
        spanned = self._spanned(*plans) if period.since_previous and len(plans) == 2 and (
            (self._said_period(plans[0]).start or 0) < (self._said_period(plans[1]).start or 0)
            or any(plan.period.projected for plan in plans)) else None  # "the projection for 2026?", "and ten years
        # earlier?", "what's the % growth since then?": between the two, never to the newest observed year
        if spanned and understanding.operation == Operation.CHANGE:  # "how much did it grow since then?" after 2000,
            period = spanned  # then 2020: from the first to the second
        elif period.since_previous:  # "¿cuánto cambió desde entonces?": from the previous answer's last period on
            if context is None:
                return PlanOutcome(status="clarify", reason="no_shift")
            last = self._answered_period(context, conversation)  # after a first crossing, the period it found
            period = last.model_copy(update={"start": last.end or last.start, "end": period.end, "since_previous": False,
                                             "month": last.month_end or last.month, "month_end": None,
                                             "quarter": last.quarter_end or last.quarter, "quarter_end": None})
        if understanding.operation == Operation.CHANGE and period.start is not None and period.end is None \
                and context is not None and context.operation == Operation.VALUE and not understanding.topic_text \
                and (said := self._said_period(context)).is_single_year and said.start is not None \
                and (said.start, said.month or 0, said.quarter or 0) > (period.start, period.month or 0, period.quarter or 0) \
                and bool(said.month) == bool(period.month) and bool(said.quarter) == bool(period.quarter):
            # "¿cuántos pesos subió desde junio del año pasado?" after June 2026's UTM: to the month answered, never past
            period = period.model_copy(update={"end": said.start, "month_end": said.month, "quarter_end": said.quarter})
        if period.start is None and period.end and context is not None and context.operation == Operation.CHANGE \
                and understanding.operation is None and not understanding.topic_text \
                and (context.period.start or period.end) < period.end:
            # "and up to 2050?" after the growth from 2017 to 2035: from 2017 to 2050
            understanding = understanding.model_copy(update={"operation": Operation.CHANGE})
            period = period.model_copy(update={"start": context.period.start})
        elif understanding.operation == Operation.CHANGE and period.start is None and period.end and context is not None \
                and context.period.is_single_year and context.period.start < period.end:
            # "how many percentage points did that change by 2020?" after 2000: from the previous answer's year
            period = period.model_copy(update={"start": context.period.start})
        if period.until_previous and understanding.places and OPENS_AGAINST.search(asked) and period.start is not None:
            # "and against the euro area back in 2015?": the places side by side that year, never a change to it
            period = PeriodSpec(start=period.start, end=period.start)
        if period.until_previous:  # "entre 2017 y ese año": to the year the previous answer ends in (or found: "hasta
            # ese mínimo")
            said = self._answered_period(context, conversation) if context is not None else None
            if said is None or said.start is None or (period.month and not (said.month_end or said.month)):
                return PlanOutcome(status="clarify", reason="no_shift")
            if period.month:  # "¿y contra abril?" after May 2026: April 2026 to May 2026
                month, end = said.month_end or said.month, said.end or said.start
                start = period.start if period.start is not None else end - (period.month > month)
                period = PeriodSpec(start=start, month=period.month, end=end, month_end=month)
                understanding = understanding.model_copy(update={"operation": Operation.CHANGE})
            elif period.quarter and (said.quarter_end or said.quarter):  # "vs Q1 2025" after Q1 2026
                period = PeriodSpec(start=period.start, quarter=period.quarter, end=said.end or said.start,
                                    quarter_end=said.quarter_end or said.quarter)
                understanding = understanding.model_copy(update={"operation": Operation.CHANGE})
            elif period.start is not None and period.end == period.start and (understanding.operation is None or (
                    understanding.aggregate == "avg" and OPENS_AGAINST.search(asked))):
                # "compared with 2020?"; "comparado con 2019, ¿cuánto era el promedio?" after a year's average: that
                # year's against the last, never one mean over the years between
                period = PeriodSpec(start=period.start, end=said.end or said.start, projected=said.projected)
                understanding = understanding.model_copy(update={"operation": Operation.CHANGE, "aggregate": None})
            elif period.start is not None and period.end == period.start and (
                    understanding.operation in (Operation.WHICH_PERIOD, Operation.RANK)
                    or understanding.aggregate in ("max", "min")):
                period = PeriodSpec(start=period.start, end=period.start)  # "how does that compare with the 2023
                # peak?" after 2024's high: 2023's, never the highest over both years
            else:
                period = PeriodSpec(start=period.start, end=said.end or said.start, projected=said.projected)
        elif context is not None and (period.shift_months == 0 or (  # "ese año": that year alone; "back then": its
                understanding.period == PeriodSpec(same_part=True) and context.operation == Operation.WHICH_PERIOD)):
            # month too, and so is "en ese mismo trimestre" after the month a rate peaked; "en ese mismo periodo" after
            # the best year of 2000-2025 is those years again
            spanned = SAME_SPAN.search(fold(understanding.question)) and (
                context.period.end not in (None, context.period.start) or context.operation == Operation.WHICH_PERIOD
                or context.period.last_n_years or context.period.last_n_months
                or context.period.start is not None and context.period.end is None)
            # ("desde 2021" is the years from it to the newest)
            said = self._spans_shown(context, conversation) if spanned else self._answered_period(context, conversation)
            if spanned and context.period.last_n_years and (years := self._shown_years(conversation)):
                said = PeriodSpec(start=years[0], end=years[-1])  # "¿en cuál de esos años…?" after the last five
            period = said if spanned else PeriodSpec(start=said.end or said.start, end=said.end or said.start,
                                projected=said.projected or period.projected,
                                **({"month": said.month_end or said.month, "quarter": said.quarter_end or said.quarter}
                                   if understanding.period.same_part else {}))
        if understanding.operation == Operation.WHICH_PERIOD and understanding.period.unstated and context is not None \
                and SAME_SPAN.search(asked) and context.period.end not in (None, context.period.start):
            period = self._spans_shown(context, conversation)  # "¿Qué año de ese período tuvo la inflación más baja?"
            # after an average over years
        if (period.month or period.quarter) and period.start is None:  # "¿y en octubre?", "¿y el primer trimestre?":
            # of the previous answer's (last) year
            said = self._said_period(context) if context is not None and context.period.latest else \
                context.period if context is not None else None  # after "el último dato", the year it named
            year = said.end or said.start if said is not None else None
            if year is None:
                return PlanOutcome(status="clarify", reason="month_without_year")
            period = period.model_copy(update={"start": year, "end": year})
            if _year_on_year(context) and period.month and not period.month_end and understanding.operation is None:
                # "¿y en abril?" after May against May a year before: April against April
                period = period.model_copy(update={"start": context.period.start, "month_end": period.month})
        if context is not None and _decade(context.period) and period.is_single_year and period.start % 10 == 0 \
                and OF_THE_DECADE.search(asked):  # "¿y en la del 2000?" after the 2010s: that decade
            period = PeriodSpec(start=period.start, end=period.start + 9)
        if period.shift_months is not None and period.shift_months < 0 and period.shift_months % 12 == 0 \
                and AGO.search(asked) and not period.month and (context is None or (
                    context.period.is_single_year and not (context.period.month or context.period.quarter)
                    and RELATIVE_YEAR.search(fold(conversation.turns[-1].question)))):
            # "¿y hace diez años?" after "hace dos años" or "el año pasado": also from now
            year = date.today().year + period.shift_months // 12  # "¿cuál fue el precio del cobre hace tres años?": from
            period = PeriodSpec(start=year, end=year)  # now, when no answer came before
        if period.shift_days is not None:  # "¿y el día anterior?" after a day's copper price: that day, moved
            said = self._answered_period(context, conversation) if context is not None else None
            if said is None or said.day is None or said.day_end is not None:
                return PlanOutcome(status="clarify", reason="no_shift")
            day = date(said.start, said.month, said.day) + timedelta(days=period.shift_days)
            period = PeriodSpec(start=day.year, end=day.year, month=day.month, day=day.day)
        if period.shift_own and context is not None:  # "and the one before that": a period of the series answered
            steps = 12 if context.period.is_single_year and not (context.period.month or context.period.quarter) else {
                "A": 12, "Q": 3, "M": 1}.get(self.catalog.get(context.indicator_code).frequency)  # a year answered: a year
            period = period.model_copy(update={"shift_months": period.shift_months * steps, "shift_own": False}) \
                if steps else PeriodSpec()
        if period.shift_months is not None:  # "¿y el mes anterior?": the previous answer's period, moved; "¿y en marzo
            said = self._answered_period(context, conversation) if context is not None else None  # del año
            # anterior?": that month of it; "and the year before that?" after the highest day of 2024: 2023's highest
            if context is not None and context.operation == Operation.WHICH_PERIOD and context.period.is_single_year \
                    and not understanding.period.month and period.shift_months % 12 == 0:
                said = context.period
            if said is not None and understanding.period.month and said.start is not None:
                said = PeriodSpec(start=said.end or said.start, end=said.end or said.start, month=understanding.period.month)
            against_change = understanding.operation == Operation.CHANGE and context is not None \
                and context.operation == Operation.CHANGE and said is not None
            if against_change:  # "¿y contra el trimestre anterior?" after Q1 2025–Q1 2026: Q4 2025 to Q1 2026, never
                said = said.later_end  # the whole span moved a quarter
                context = context.model_copy(update={"period": said})
            period = shifted(said, period.shift_months) if said is not None else None
            if said is not None and said.start != said.end and not (said.month or said.quarter) and AGO.search(asked):
                period = None  # "¿y hace cinco años?" after 2015–2024: five years before now, or before those years?
            if period is None:
                return PlanOutcome(status="clarify", reason="no_shift")
            if understanding.operation == Operation.CHANGE:  # "¿y cuánto subió respecto a marzo del año anterior?"
                period = self._spanned_from(context, period) or period
        if understanding.operation is None and (HOW_MUCH_GREW.search(asked) or OPENS_AGAINST.search(asked) and not (
                understanding.places or understanding.group)) and understanding.continues \
                and not understanding.topic_text and context is not None \
                and context.operation in (Operation.VALUE, Operation.LATEST) \
                and self.catalog.get(context.indicator_code).transform != "growth" \
                and (spanned := self._spanned_from(context, period)) and spanned.end == self._said_period(context).start:
            # "¿y el mismo mes del año pasado? ¿cuánto creció?" after April's Imacec: from then to April, never the
            # growth rate a year earlier; "¿y respecto del mismo mes del año anterior?" after the newest rate: from
            # then to it
            period = spanned
            understanding = understanding.model_copy(update={
                "operation": Operation.CHANGE, "cues": understanding.cues.model_copy(update={"transform": None})})
        retrieved = [candidate.code for candidate in understanding.candidates]
        member_kind = understanding.member_kind or (context.member_kind if context else None)
        if group and (group in self.catalog.member_kinds or not member_kind):
            member_kind = self._members_kind(group)
        compared = member_kind if group or understanding.operation in (Operation.COUNT, Operation.POSITION) else None
        carried_from = self.catalog.get(context.indicator_code) if context is not None and not same_measure else None
        census_named = same_measure and understanding.cues.source is None and bool(conversation.turns) and _names_census(
            fold(conversation.turns[-1].question))  # "¿y en 2017?" after "según el censo": that census, never a projection
        answered = conversation.turns[-1].plan if conversation.turns else None
        census_named = census_named or (
            context is None and answered is not None and understanding.cues.source is None and period.unstated
            and self.catalog.get(answered.indicator_code).family == self.catalog.get(base).family
            and self.catalog.get(answered.indicator_code).source_id in lexicon().census_sources)
        # "¿cuántas comunas pasan los 200 mil habitantes?" after the census's most populous comuna: still the census
        fitting = self._fit(base, understanding, areas, period, retrieved, same_measure, compared, carried_from,
                            census_named)
        if not fitting and not same_measure and self._lacks_only_transform(base, understanding.cues):
            # "¿cuánto creció la economía?": an as-close family that has a growth series; never another family for a
            # currency ("el dólar en pesos por dólar" is no GDP in pesos)
            top = understanding.candidates[0].score if understanding.candidates else 0.0
            for code in [c.code for c in understanding.candidates if top - c.score < NEAR_FAMILY]:
                fitting = self._fit(code, understanding, areas, period, retrieved, False, compared)
                if fitting:
                    break
        if not fitting and understanding.operation == Operation.CHANGE and understanding.cues.transform == "growth" \
                and TWELVE_MONTHS.search(asked):  # "¿cuánto subió la UF en los últimos doce meses?", of a measure with
            # no 12-month rate: its change over those months
            understanding = understanding.model_copy(update={"cues": understanding.cues.model_copy(update={"transform": None})})
            fitting = self._fit(base, understanding, areas, period, retrieved, same_measure, compared, carried_from,
                                census_named)
        if member_named:  # "¿y como porcentaje del gasto del gobierno?", "¿cuántas personas son eso?": that member;
            # the last measure itself where its share of a larger area is computed ("¿qué porcentaje del país es eso?")
            fitting = [info for info in fitting if info.code == member_named] or (
                [self.catalog.get(member_named)] if member_named == base else [])
        if understanding.named_amounts:  # "la línea de 2,15 dólares": never the series of another line
            fitting = [info for info in fitting if info.names_amounts(understanding.named_amounts)]
        if understanding.rate_of:  # "mujeres por cada 100 hombres" is no masculinity index: its two terms, in order
            fitting = [info for info in fitting if self._divides(info, understanding.rate_of)]
        if understanding.model_codes:  # the member the model chose, if it has what the question's words ask for
            fitting = [info for info in fitting if info.code == understanding.model_codes[0]]
        sexes_only = not same_measure and carried.cues.sex is None and not understanding.sexes and len(
            {info.sex for info in fitting}) > 1 and "total" not in {info.sex for info in fitting}
        if not fitting or sexes_only:  # "desempleo juvenil" with women's and men's series only: neither is the total
            outcome.status, outcome.reason = "no_data", "sexes_only" if sexes_only else "no_variant"
            outcome.params = {} if sexes_only else {"indicator": base}
            outcome.suggestions = [info.code for info in (fitting if sexes_only else self.catalog.siblings(base))][:4]
            return outcome
        if understanding.operation == Operation.WHICH_PERIOD and not understanding.per_period \
                and YEAR_ASKED.search(asked) and not fitting[0].yearly_comparable:
            # "¿en qué año creció más el PIB?": a member that has years, never the quarter of a quarterly growth rate
            fitting = [info for info in fitting if info.yearly_comparable]
            if not fitting:
                return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": base})
        chosen = fitting[0]
        if understanding.threshold and understanding.threshold[1] == 0 and not ZERO_SAID.search(asked) \
                and chosen.transform not in CHANGES and chosen.unit_kind != "percent":
            # "in how many quarters did GDP shrink?": a fall, said with no figure, is of its change, never of the level
            # below zero
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": chosen.code})
        if len(areas) == 2 and group is None and ONE_AGAINST_OTHER.search(asked) and any(
                place.code in areas and place.kind in PLACES_ALONE and not self.catalog.covers(chosen.code, [place.code],
                                                                                          PeriodSpec())
                for place in understanding.places):
            # "did the Antofagasta region's economy grow faster than Chile as a whole?" with no regional growth: one
            # side alone answers no comparison (a group's average is computed from its members instead)
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": chosen.code})
        if same_measure and not (understanding.cues.age or understanding.cues.sex or understanding.pair) and (
                chosen.age, chosen.sex) != (self.catalog.get(base).age, self.catalog.get(base).sex):
            # "what share of Chile's total is that?" after a region's population: never the share aged 65 and over
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": base})
        said_change = self.catalog.get(base).transform
        if same_measure and not understanding.topic_text and understanding.cues.transform is None and \
                said_change in ("growth", "period_change") and chosen.transform != said_change and not (
                    understanding.operation == Operation.CHANGE and chosen.code == self.catalog.get(base).derived_from):
            # "¿y en la región de Valparaíso?" after GDP growth: the region's GDP level is another measure
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": base})
        if same_measure and not understanding.topic_text and understanding.cues.measure is None and \
                self.catalog.get(base).measure == "per_capita" and chosen.measure != "per_capita":
            # "¿y el de la Región Metropolitana?" after GDP per capita of a region: its total GDP is another measure
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": base})
        if same_measure and not understanding.topic_text and understanding.cues.price_basis is None \
                and understanding.cues.currency is None and (chosen.price_basis, chosen.currency) != (
                    self.catalog.get(base).price_basis, self.catalog.get(base).currency):
            # "y Venezuela? cuánto creció en esos mismos años" after GDP per capita in PPP, which Venezuela lacks:
            # never its GDP per capita in current dollars
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": base})
        if same_measure and understanding.cues.source is None and (understanding.cues.sex or understanding.cues.age) and \
                base in self.catalog.projecting and chosen.code not in self.catalog.projecting:
            # "¿y cuántos son hombres?" after a projection with no men's: never the census count instead
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": base})
        if same_measure and understanding.cues.source is None and (understanding.cues.sex or understanding.cues.age) and \
                chosen.source_id != self.catalog.get(base).source_id:
            # "¿y el de las mujeres?" after INE's unemployment, which has no women's: another publisher's series is
            # offered, never answered in its place
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": base},
                               suggestions=[chosen.code])
        areas = [self._with_data(code, chosen.code, understanding) for code in areas]
        newest_instead = not same_measure and context is not None and understanding.period.unstated \
            and period == context.period and period.start is not None and bool(areas) \
            and (len(set(self.catalog.years.get(context.indicator_code, ()))) == 1
                 or chosen.source_id != self.catalog.get(context.indicator_code).source_id) \
            and not (self.catalog.covers(chosen.code, areas, period) and (chosen.frequency != "A" or not period.month))
        if newest_instead:  # "¿y su pobreza multidimensional?" after a comuna's 2024 census count, "¿y la pobreza de La
            # Pintana?" after September's inflation: the period was a one-year measure's or another publisher's, which
            period = PeriodSpec()  # this one lacks: never asked of it, it says its newest
        outcome.notes += self._source_notes(chosen, fitting, areas)
        if period.day and period.day != 1 and chosen.frequency in ("M", "Q"):
            # "valor de la UF el 15 de mayo de 2024": a row dated the 1st is no figure of another day
            return PlanOutcome(status="no_data", reason="no_daily_value", params={"indicator": chosen.code})
        period = self._so_far(chosen, areas, self._in_series_periods(chosen, period, outcome))
        operation = self._operation(understanding, context, period, group)
        if operation == Operation.POSITION and group is None and THAT_LIST.search(asked) and not (
                context is not None and context.operation in MEMBERS_COMPARED):
            return PlanOutcome(status="clarify", reason="no_list")  # "where's China in that list?" with no list shown
        if operation in MEMBERS_COMPARED and context is not None and context.operation in TWO_OPERANDS \
                and context.second_indicator_code and not understanding.topic_text:
            # "¿es la mayor de Europa?" after women's life expectancy less men's: no plan ranks a difference of two
            # measures, and either measure ranked alone is another question
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": understanding.question.strip(" ¿?")})
        if operation == Operation.RANK and group is None and not understanding.places and context is not None \
                and context.operation == Operation.COUNT and context.group_code:
            group = context.group_code  # "which one was on top?" after a count in South America: of its members
        if newest_instead and operation == Operation.VALUE:
            operation = Operation.LATEST
        named_group = group or next((code for code in areas if self.catalog.area_kinds.get(code) == "group"), None)
        members_named = [code for code in areas if code != named_group]
        if operation == Operation.AGGREGATE and named_group and len(members_named) >= 2 \
                and all(self.catalog.contains(named_group, code) for code in members_named) \
                and {code for code in members_named} <= {place.code for place in understanding.places} \
                and not (understanding.group and _average_of(understanding.group, asked)):
            # "the four founding Mercosur members (Argentina, Brazil, Paraguay, Uruguay)": the members named, never
            # the last answer's place beside them ("compara Perú con el promedio de Sudamérica" after Chile); "Chile,
            # Perú y el promedio de América Latina": the group's own average beside two of its members
            areas, group, member_kind = members_named, None, None
        named_here = next((place for place in understanding.places if place.kind in GROUP_KINDS and areas
                           and areas[0] in (place.code, *place.alternatives)), None)
        if operation == Operation.COUNT and not group and len(areas) == 1 and (
                named_here or self.catalog.area_kinds.get(areas[0]) == "aggregate"):
            # "and in Central America?" after a count: of that group's members; "and in Sub-Saharan Africa?", of the
            # UN's subregion, whose members are listed, never of the World Bank's aggregate (whose are not) nor the world
            listing = [code for code in ([named_here.code, *named_here.alternatives] if named_here else areas)
                       if self.catalog.lists_members(code)]
            if not listing:
                return PlanOutcome(status="no_data", reason="no_members")
            areas, group = [], listing[0]
        if operation == Operation.AGGREGATE and not group and len(areas) == 1 and any(
                place.code == areas[0] and place.kind in ("group", "un_region") for place in understanding.places):
            # "¿y en el Mercosur?" after the G7's average: the mean of Mercosur's members, which publish no average
            areas, group, member_kind = [], areas[0], "country"
        if understanding.excluded and operation in (Operation.VALUE, Operation.LATEST) and len(areas) == 1 \
                and len(understanding.excluded) == 1 and chosen.measure in ("total", "count") \
                and self.catalog.contains(areas[0], part := understanding.excluded[0].code) \
                and self.catalog.covers(chosen.code, [areas[0], part], PeriodSpec()):
            # "la población de la RM sin contar la comuna de Santiago": the whole less its part
            operation, areas = Operation.DIFFERENCE, [areas[0], part]
        if operation == Operation.AGGREGATE and understanding.cues.measure == "share" and chosen.measure != "share" \
                and chosen.unit_kind != "percent":  # "sumando los trimestres, ¿qué porcentaje del PIB…?": no sum of amounts
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": chosen.code})
        if period.earliest and operation in (Operation.VALUE, Operation.LATEST) and chosen.frequency in ("Q", "M") \
                and len(areas) == 1 and FIRST_YEAR.search(asked) \
                and (first := self.catalog.coverage.get((chosen.code, areas[0]))):
            # "¿y el primer año que tengan?" of a quarterly series: its first whole year, never its first quarter
            year = int(first[0][:4]) + (first[0][5:] not in ("Q1", "01"))
            period, operation = PeriodSpec(start=year, end=year), Operation.VALUE
        per_period = understanding.per_period or (context.per_period and not YEARLY.search(asked) if context else False) or bool(
            period.last_n_months) or (  # months, not years; "¿cómo ha estado el desempleo este año?": its months
            operation == Operation.SERIES and period.is_single_year and chosen.frequency in ("M", "Q")) or (
            operation == Operation.WHICH_PERIOD and period.is_single_year and chosen.frequency != "A"
            and not YEAR_ASKED.search(asked))
        # "¿cuándo estuvo más caro ese año?": a day, month or quarter of that year, never the year itself ("¿en qué
        # año fue más alto?" after 2020's figure asks for years)
        if operation == Operation.CHANGE and period.last_n_years and period.start is None and not EACH_YEAR.search(asked) \
                and (chosen.transform != "growth" or understanding.rate_changed):
            # "¿cuánto creció en los últimos 10 años?": from ten years before the newest observed period to it
            newest = self._to_latest(chosen, areas, PeriodSpec(start=0))
            if context is not None and context.indicator_code == chosen.code and context.period.projected \
                    and context.period.is_single_year:  # after a projection (2024's): the decade up to it
                newest = PeriodSpec(start=0, end=context.period.start)
            if newest.end is not None:
                period = PeriodSpec(start=newest.end - period.last_n_years, end=newest.end, month=newest.month_end,
                                    month_end=newest.month_end)
        last_unit = LAST_UNIT.search(asked) if period.latest else None  # "¿cuánto varió el IPC en el último mes?"
        months_back = period.last_n_months or (12 if TWELVE_MONTHS.search(asked) else None) or (
            (1 if last_unit[1] in ("mes", "month") else 3) if last_unit else None)
        if operation == Operation.CHANGE and period.start is None and period.end is None and not period.month \
                and chosen.frequency == "M" and months_back \
                and (newest := self._to_latest(chosen, areas, PeriodSpec(start=0))).end is not None:
            # "¿cuánto varió el índice real de remuneraciones en 12 meses, con el último dato?", "¿cuánto subió la UF
            # en los últimos 6 meses?": from that many months before the newest to it
            start_year, start_month = divmod(newest.end * 12 + newest.month_end - 1 - months_back, 12)
            period = PeriodSpec(start=start_year, end=newest.end, month=start_month + 1, month_end=newest.month_end)
        if operation == Operation.CHANGE and period == PeriodSpec() and context is not None \
                and context.operation == Operation.SERIES and context.indicator_code == chosen.code \
                and chosen.frequency == "A" and len(years := self._shown_years(conversation)) >= 2:
            period = PeriodSpec(start=years[0], end=years[-1])  # "how many points is that increase?" after a whole
            # yearly series: from its first year shown to its last
        if operation == Operation.CHANGE and period.start is None and period.end is None and not period.month:
            return PlanOutcome(status="clarify", reason="change_without_period")  # "¿cuánto ha subido la UF?": since when?
        if operation == Operation.CHANGE and period.start is not None and period.end is None:
            period = self._to_latest(chosen, areas, period)
            shown = self._said_period(context) if context is not None and context.indicator_code == chosen.code else None
            if shown is not None and shown.is_single_year and period.end is not None and period.start < shown.start \
                    and (shown.start > period.end or LAST_ANSWER.search(asked)) and not shown.month \
                    and chosen.frequency == "A":
                # "¿y cuánto creció desde 2010?" after a projected 2020: to the year just shown, never back to the
                # last census-based one; "¿en qué porcentaje aumentó eso desde 2013?" after 2023: to that figure
                period = period.model_copy(update={"end": shown.start})
            if period.end is None:  # no values there to end the change with
                return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": chosen.code})
            if period.end < period.start:  # "¿y hace 5 años?" of a projection, then "¿cuánto creció desde entonces?":
                plans = conversation.last_two_plans  # to the year asked before, never back to the last observed one
                spanned = self._spanned(*plans) if understanding.period.since_previous and len(plans) == 2 else None
                if spanned is None:
                    return PlanOutcome(status="clarify", reason="no_shift")
                period = spanned
        if operation == Operation.CHANGE and understanding.period.unstated and period.is_single_year and not (
                period.month_end or period.quarter_end):  # "¿cuánto cambió?" after one year alone: since when?
            return PlanOutcome(status="clarify", reason="no_shift")
        if operation == Operation.CHANGE and period.is_single_year and (
                period.month_end or period.month) == period.month and (period.quarter_end or period.quarter) == period.quarter:
            # a change from a period to itself ("desde 2017" when 2017 is the newest value): since when?
            return PlanOutcome(status="clarify", reason="no_shift")
        if (half := HALF_YEAR.search(asked)) and period.month_end and chosen.frequency not in ("M", "D"):
            # "¿cuánto creció el PIB en el primer semestre?" of a quarterly or yearly series: no half year is summed
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": as_written(understanding.question, half[0])})
        if operation == Operation.WHICH_PERIOD and period.end and not period.projected and any(
                int(self.catalog.last_observed.get((chosen.code, area), "9999")[:4]) < period.end for area in areas):
            # "In INE's 2002-2035 series, which year is highest?": the years named, projections included
            period = period.model_copy(update={"projected": True})
        if context is not None and operation in (Operation.SERIES, Operation.FIRST_MEETING, Operation.WHICH_PERIOD) \
                and period.is_single_year and not period.month_end and understanding.period == PeriodSpec() \
                and context.operation != operation:
            # "muéstrame la serie", "when did it first go past half?", "¿en qué año fue más alto?" after a single
            # year: over the whole series (after the months of one year, "¿cuál fue el mes más alto?" is of those)
            period = PeriodSpec()
        if operation == Operation.FIRST_MEETING and not (understanding.threshold or (context and context.threshold)):
            operation = Operation.SERIES  # "¿cuándo fue la primera vez…?" without a number to compare with
        if operation == Operation.FIRST_MEETING and areas and self._one_period(chosen.code, areas):
            # "y de esas, ¿cuántas tienen más de 65?" of a census count: one count has no first time past a number
            sign, number = understanding.threshold or context.threshold
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": f"{sign} {number:g}"})
        if operation == Operation.RANK and not group and len(areas) > 1 and (
                not understanding.member_kind or THOSE_SHOWN.search(asked)):
            # places named side by side, or "those same two comunas" the last answer showed: each one's figure, the
            # latest unless a range of years is asked
            operation = Operation.VALUE if period.is_single_year else Operation.LATEST if period.unstated else \
                Operation.SERIES
            member_kind = None
        elif operation == Operation.RANK and not (understanding.member_kind or context and context.member_kind) and not (
                group and self.catalog.kind_counts.get(chosen.code, {}).get(member_kind, 0) > 1):
            # "¿cuál ha sido el valor más alto del Imacec?", "the highest unemployment rate in Chile since 2015": no
            # members to rank, so the period with the highest value (of a yearly series in one year, its value)
            areas = [group] if group else areas
            if not understanding.places and not understanding.group and (self._one_period(chosen.code, areas) or (
                    understanding.period.latest or WHICH_MEMBER.search(asked)) and context is None):
                # "fastest growing population right now?": the highest now of which places? never Chile's best year
                # "¿la más poblada según el censo 2024?": the census has one period to rank; the most populous what?
                # "of the three, which one had the highest?" with none answered: of which three?
                return PlanOutcome(status="clarify", reason="which_members")
            if understanding.period.unstated and (WHEN_ASKED.search(asked) or period.start == period.end and (
                    period.month and not period.month_end or period.quarter and not period.quarter_end)):
                period = PeriodSpec()  # "when was inequality there at its worst?" after one year's figure, "¿y cuál ha
                # sido el mes más alto?" after one month's: over the whole series, never that period's value
            if period.is_single_year and chosen.frequency == "A" and (peak := PEAK_OF_A_YEAR.search(asked)):
                # "cual fue el dolar mas alto del 2024?? el peak del año" of a yearly series: one value a year, no
                # peak within it to find
                return PlanOutcome(status="clarify", reason="unsupported",
                                   params={"words": as_written(understanding.question, peak[0])})
            operation = Operation.VALUE if period.is_single_year and chosen.frequency == "A" else Operation.WHICH_PERIOD
            group, member_kind = None, None
            per_period = per_period or not YEARS_SAID.search(asked) or period.is_single_year  # the highest month,
            # unless years are said of a span of them
        aggregate = understanding.aggregate or (context.aggregate if context else None)
        average_named = next((  # "el promedio de la OCDE": the publisher's aggregate, named by its average
            place.code for place in [understanding.group, *understanding.places] if place and place.code in areas and re.search(
                rf"\b{AVERAGE_WORD}\b", place.matched)
            and self._published_aggregate(place, chosen.code) == place.code), None)
        published = self._published_aggregate(understanding.group, chosen.code) if group else \
            average_named if period.end in (None, period.start) else None
        # "Chile vs el promedio de la OCDE": its figure beside the OECD's (over years, each one's average)
        if operation == Operation.AGGREGATE and (average_named or published) and context is not None \
                and context.operation in (Operation.CHANGE, Operation.SERIES) and understanding.continues:
            # "¿y para el promedio de América Latina en esos mismos años?" after a change: its change; after a series,
            # its series
            operation = context.operation
            areas, group, member_kind = list(dict.fromkeys(areas + [published or average_named])), None, None
        if operation == Operation.AGGREGATE and aggregate in (None, "avg") and published:
            # "promedio de la OCDE", "el promedio de América Latina y el Caribe" (a UN region too): the publisher's own
            # aggregate (weighted as it publishes it), not a mean of members, beside the places named ("Chile's
            # diabetes prevalence compared with the global average")
            spans_years = period.start is not None and period.end != period.start or bool(period.last_n_years)
            # "promedio del crecimiento del PIB mundial entre 2015 y 2019": the published aggregate's average over
            # those years; "average … in Sub-Saharan Africa over the last 5 years vs the world average": each one's
            operation = Operation.AGGREGATE if spans_years and (not areas or _averaged_beside(understanding, asked)) else \
                Operation.VALUE if period.start else Operation.LATEST
            areas, group, member_kind = list(dict.fromkeys(areas + [published])), None, None
        named_average = lexicon().has_phrase(fold(f"{chosen.name_es} {chosen.name_en}"),
                                             lexicon().operations["aggregate_avg"])
        if operation == Operation.AGGREGATE and aggregate in (None, "avg") and not group and (
                period.latest or period.unstated and named_average):
            # "promedio de personas por hogar", "¿cuántos hijos tiene en promedio cada mujer? el último dato": the
            # measure is an average, not asked of years (which have no latest figure)
            operation, period = Operation.LATEST, period.model_copy(update={"latest": False})
        kept_mean = context is not None and context.operation == Operation.AGGREGATE and len(areas) >= 2 \
            and set(context.area_codes) == set(areas) and context.period.is_single_year  # "And in 2025?" after the
        # mean of five countries in 2024: their mean (after each one's mean over years, each one's figure)
        if operation == Operation.AGGREGATE and aggregate in (None, "avg") and period.is_single_year and not group \
                and not kept_mean and (len(areas) < 2 or named_average or not MEAN_OF_PLACES.search(asked)
                     or any(self.catalog.area_kinds.get(area) == "aggregate" for area in areas)) and not period.month_end \
                and not (period.month and chosen.frequency == "D") \
                and (chosen.frequency == "A" or chosen.annual_aggregation == "mean"):
            # "promedio de la UF en 2023" is the yearly figure itself, "IVP promedio de diciembre" the month's;
            # a month of a daily series (copper) is an average of its days. "El promedio de los 12 datos mensuales"
            # names what is averaged: the months are not shown instead of their mean; of places named, their mean when
            # asked as one ("the average of the unemployment rates of…"), never of a measure that is itself an
            # average ("average household size in Alto Hospicio and Providencia", "average number of children per
            # woman, Japan vs South Korea") or beside a published average ("Chile al lado del promedio de la OCDE")
            operation, per_period = Operation.VALUE, False
        if operation == Operation.AGGREGATE and aggregate == "sum" and period.unstated and not group \
                and chosen.frequency == "A" and (newest := self._newest_observed(chosen.code, areas, period)):
            period = PeriodSpec(start=newest, end=newest)  # "¿cuánta gente vive en total en…?": now, never every year
        if operation == Operation.AGGREGATE and aggregate == "sum" and period.is_single_year and not group \
                and chosen.frequency == "A" and len(areas) == 1:  # "withdrew in total in 2021": one yearly figure
            operation = Operation.VALUE
        if operation in (Operation.VALUE, Operation.LATEST, Operation.SERIES, Operation.CHANGE) and not group:
            # "PIB per cápita de la OCDE", "how does that compare with the OECD members average?": the publisher's own
            # aggregate of that name, for a group with no figures of its own
            named = [*understanding.places, *([understanding.group] if understanding.group else [])]
            areas = [next((published for place in named if place.code == area and place.kind in GROUP_KINDS
                           and (published := self._published_aggregate(place, chosen.code))), area)
                     if not self.catalog.covers(chosen.code, [area], PeriodSpec()) else area for area in areas]
        if operation in (Operation.VALUE, Operation.LATEST) and len(areas) == 1 and not group \
                and any(place.code == areas[0] and place.kind in GROUP_KINDS and not any(
                    (chosen.code, other) in self.catalog.coverage for other in place.alternatives)
                        for place in understanding.places) and chosen.frequency == "A" \
                and chosen.unit_kind in ("count", "currency") and chosen.measure in ("total", "count") \
                and chosen.derivation is None and not self.catalog.covers(chosen.code, areas, PeriodSpec()) \
                and (year := period.start if period.is_single_year else self._members_newest(chosen.code, areas[0])):
            # "total population of Southern Africa in 2023": a group no publisher gives figures for is its members'
            # sum, in the year asked or the newest one every member with values has (never a sum of amounts per person)
            operation, aggregate, group, member_kind, areas = Operation.AGGREGATE, "sum", areas[0], "country", []
            period = PeriodSpec(start=year, end=year)
        if operation == Operation.AGGREGATE and group and (period.unstated or period.latest) and chosen.frequency == "A" \
                and (year := self._members_newest(chosen.code, group)):
            # "average life expectancy of South American countries": across its members in the newest year all of
            # them have, never over every year of the series
            period = PeriodSpec(start=year, end=year)
        if operation == Operation.AGGREGATE and aggregate == "sum" and chosen.unit_kind in ("percent", "index", "ratio"):
            # "¿cuánto va acumulado en el año?" of a 12-month rate: rates and indices add up to nothing asked
            said = lexicon().has_phrase(asked, lexicon().operations["aggregate_sum"]) or "suma"
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": said})
        second = None
        if operation == Operation.SHARE and context is not None and context.operation == Operation.SHARE \
                and not understanding.topic_text and chosen.code != context.indicator_code \
                and self.catalog.covers(context.indicator_code, areas, period):
            chosen = self.catalog.get(context.indicator_code)  # "¿y Puente Alto, qué peso tiene dentro de la RM?" after
            # the region's share of the country by the projections: the same projections, never the census
        if operation in TWO_OPERANDS and not (operation == Operation.SHARE and group):  # a group's sum is the whole
            chosen, second = self._operands(understanding, operation, context, chosen, base, areas, period, retrieved, outcome)
            if outcome.status != "ok":
                return outcome
        if understanding.threshold and understanding.threshold[1] == 0 and chosen.unit_kind == "index" and (
                change := self._derived_beside(chosen, "percent_change_period")):
            chosen = change  # "¿cuántos meses del 2024 el IPC salió negativo?": no index is below zero, its monthly change is
        quarterly = next((info for info in self.catalog.family_of(chosen.code)
                          if info.derivation == "percent_change_period" and info.frequency == "Q"), None) \
            if operation == Operation.CHANGE and not second and _a_quarter_apart(period) else None
        if quarterly is not None and (
                chosen.code == quarterly.code or not chosen.derivation and understanding.cues.adjustment is None
                and chosen.transform == "level" and ON_THE_QUARTER_BEFORE.search(asked)):
            # "GDP Q1 2026 q/q SA?", "¿cuánto creció el PIB respecto al trimestre anterior en el 1T 2026?": the later
            # quarter's change on the one before, of the seasonally adjusted series as published; never the original
            # series' seasonal swing, nor the change between two quarters' rates
            chosen, operation, period = quarterly, Operation.VALUE, period.later_end
        if operation == Operation.CHANGE and chosen.derivation == "percent_change_year" and INDEX_NAMED.search(asked):
            chosen = self.catalog.get(chosen.derived_from)  # "la variación del índice": the index's change, in % too
        if operation in (Operation.VALUE, Operation.SERIES) and chosen.derivation == "percent_change_year" \
                and chosen.annual_aggregation == "none" and period.is_single_year and not (period.month or period.quarter) \
                and WHOLE_YEAR.search(asked) and self.catalog.get(chosen.derived_from).annual_aggregation != "none":
            # "¿y el año pasado completo cuánto creció el PIB?" after a quarter's growth: the year's total against the
            # year before's, never its four quarterly rates
            chosen, operation = self.catalog.get(chosen.derived_from), Operation.CHANGE
            period = PeriodSpec(start=period.start - 1, end=period.start)
        elif operation == Operation.VALUE and context is not None and context.operation == Operation.CHANGE \
                and chosen.frequency in ("Q", "M") and chosen.annual_aggregation != "none" and period.is_single_year \
                and not (period.month or period.quarter) and WHOLE_YEAR.search(asked):
            # "¿y en todo el año 2025?" after a quarter's change on the year before's: the year's against the year before's
            operation, period = Operation.CHANGE, PeriodSpec(start=period.start - 1, end=period.start)
        share_asked = understanding.cues.measure == "share" and (  # "¿qué porcentaje son del total de mayores de 65 de
            not (understanding.cues.age or understanding.cues.sex) or OF_A_TOTAL.search(asked)  # la región?": of theirs
            or WHOLES_PEOPLE.search(asked) and LIVES_IN.search(asked))  # "what share of the region's women live there"
        last_share = context is not None and self.catalog.get(context.indicator_code).derivation == "share_of_parent"
        if last_share and chosen.code in self.catalog.projecting and len(areas) == 1 and areas[0] in self.catalog.parents \
                and operation in (Operation.VALUE, Operation.LATEST):
            # "¿y según la proyección del INE?" after the census share of the country: the projections' share of it
            share_asked, areas = True, areas + [self.catalog.parents[areas[0]]]
        if chosen.derivation == "share_of_parent" and operation in GROUP_OPERATIONS and member_kind == "cl_comuna" \
                and (WHOLE_REGION.search(asked) or REGIONAL.search(asked)):
            # "¿qué porcentaje de la población regional concentra la más poblada?": a comuna's share is of its province
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": chosen.code})
        elif chosen.derivation == "share_of_parent" and len(areas) == 1 and WHOLE_REGION.search(asked):
            areas = list(dict.fromkeys(areas + [self._region_of(areas[0])]))  # "¿y qué porcentaje es de la región?"
        elif share_asked and len(areas) == 1 and areas[0].startswith("CL-") and WHOLE_COUNTRY.search(asked):
            areas = areas + [DEFAULT_AREA]  # "¿qué porcentaje del total nacional representa?"
        elif share_asked and len(areas) == 1 and areas[0].startswith("CL-") and WHOLE_REGION.search(asked) \
                and self._region_of(areas[0]) != areas[0]:
            areas = areas + [self._region_of(areas[0])]  # "¿qué parte de la región representa eso?" after a comuna's
        with_group = areas + [group] if group and len(areas) == 1 else areas  # "la población de Sudamérica… en Brasil"
        if share_asked and chosen.measure == "share" and len(with_group) == 2 and LOCATED_IN.search(asked) and (
                self.catalog.part_of(with_group[0], with_group[1]) or self.catalog.part_of(with_group[1], with_group[0])) \
                and (total := next((info for info in self.catalog.family_of(chosen.code) if info.measure == "total"
                                    and info.unit_kind in ("count", "currency", "other")), None)):
            chosen = total  # "what share of the world's forest area was in Brazil?": of the world's km², never the
            # two places' own shares of their land
        if operation in (Operation.VALUE, Operation.LATEST) and len(with_group) == 2 and (
                chosen.derivation == "share_of_parent" or share_asked and (
                    LIVES_IN.search(asked) and (chosen.unit_kind != "percent" or self._nested(with_group)
                                                or set(understanding.topic_text.split()) <= set(lexicon().generic_words))
                    # ("what share of them live in urban areas, and how does that compare with Latin America?" after
                    # Peru: each one's urban share, no part of a whole)
                    or OF_A_TOTAL.search(asked) or chosen.unit_kind in ("count", "currency")
                    or chosen.measure == "total" and chosen.unit_kind == "other"  # "¿qué parte de las emisiones del
                    and lexicon().has_phrase(asked, lexicon().operations["share_of"]))):  # mundo era Brasil?": in kt
            # "del total de hogares del Maule, ¿qué porcentaje corresponde a Talca?": a count is no share itself
            after_projection = context is not None and context.indicator_code in self.catalog.projecting
            operation, chosen, areas, whole = self._share_of_ancestor(  # after a projected figure: its share, not the census'
                operation, chosen, with_group, understanding, period.model_copy(update={"projected": True}) if after_projection
                else period)
            if whole:  # "what share of South America's GDP did Chile have": of the sum of its members
                group = whole
                member_kind = next((place.kind for place in understanding.places if place.code == areas[0]), "country")
            elif operation != Operation.SHARE and chosen.derivation != "share_of_parent" and (
                    lived := LIVES_IN.search(asked)):
                # "what share of the Latin America & Caribbean population lived in Brazil": an aggregate whose
                # members are unknown holds no part, and another share measure (aged 65+) is no answer
                return PlanOutcome(status="clarify", reason="unsupported", params={"words": lived[0]})
        if share_asked and operation in (Operation.VALUE, Operation.LATEST, Operation.RANK) \
                and chosen.unit_kind in ("count", "currency", "other") \
                and (lexicon().has_phrase(asked, lexicon().operations["share_of"]) or PERCENT_OF.search(understanding.question)):
            # "qué porcentaje aportó", "q % del subtotal es la RM", "¿y cuánto representa del total?" after the top
            # region: no amount, nor the ranking again
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": chosen.code})
        if operation in (Operation.POSITION, Operation.COUNT) and not group and not member_kind:
            member_kind = next((place.kind for place in understanding.places), None) or "country"
        if operation in (Operation.COUNT, Operation.RANK) and not group and member_kind and len(areas) == 1 \
                and self.catalog.holds(areas[0], member_kind):
            # "¿y cuántas de esas son de La Araucanía?" after a count of Chile's comunas: of the region's comunas
            areas, group = [], areas[0]
        threshold = understanding.threshold or (context.threshold if context and operation != Operation.RANK else None)
        if understanding.number_alone is not None and context is not None and context.threshold:
            threshold = (context.threshold[0], _in_scale_of(understanding.number_alone, context.threshold[1]))
            # "¿y los 40 mil?": the last condition, anew ("and 7?" after 8 billion: 7 billion)
        if threshold and chosen.unit_multiplier >= 6 and abs(threshold[1]) >= 10 ** chosen.unit_multiplier:
            # "above 80,000 billion pesos" of a series in thousands of millions: said in pesos, compared in its unit
            threshold = (threshold[0], threshold[1] / 10 ** chosen.unit_multiplier)
        order = understanding.order or (EXTREME_ORDER.get(understanding.aggregate or "")
                                        if operation == Operation.WHICH_PERIOD else None) or ("desc" if context is None or understanding.operation == operation
                                        or operation != context.operation else context.order)  # "¿y en 2010?", "¿y
        # Colombia, solo entre 1990 y 2019?" after the lowest year: the lowest again
        people, counted = HOW_MANY_PEOPLE.search(asked), HOW_MANY.search(asked)
        counted = counted if chosen.unit_kind == "percent" and not PERCENT_ASKED.search(asked) else None
        if operation not in NOT_COUNTS and (counted or people and chosen.unit_kind in ("index", "currency")):
            # "¿cuántos habitantes tenía el Imacec?": people are not counted in an index or in money
            return PlanOutcome(status="no_data", reason="unknown_topic", params={"topic": (counted or people)[0]},
                               suggestions=[c.code for c in understanding.candidates[:3]])
        if TODAY.search(asked) and chosen.frequency == "A" and chosen.currency == "any":
            # "¿a cuánto está el dólar hoy?": a yearly average exchange rate is no rate of today
            return PlanOutcome(status="no_data", reason="annual_only", params={"indicator": chosen.code})
        if understanding.per_period and chosen.frequency == "A" and operation in (Operation.WHICH_PERIOD,
                                                                                   Operation.PERIOD_COUNT):
            # "¿qué día de 2023 estuvo más barato el dólar?" of a yearly series: never the year itself
            return PlanOutcome(status="no_data", reason="annual_only", params={"indicator": chosen.code},
                               suggestions=[c.code for c in understanding.candidates[:3]])
        if chosen.frequency == "A" and not period.year_end and (
                period.month and period.month_end and (period.end or period.start) == period.start
                or (period.month or period.quarter or period.day) and period.start is not None and period.end == period.start):
            # "… for women in the Jan-Mar 2024 rolling quarter", "the dollar on January 2, 2025" of a yearly series:
            # never the year's figure (its row starts on January 1st)
            return PlanOutcome(status="no_data", reason="annual_only", params={"indicator": chosen.code})
        if chosen.frequency == "D" and operation in (Operation.WHICH_PERIOD, Operation.PERIOD_COUNT) and \
                MONTHS_ASKED.search(asked):  # "which month had the highest copper price?": a month's average no
            return PlanOutcome(status="no_data", reason="daily_only", params={"indicator": chosen.code})  # a day answers
        compared_places = len(areas) > 1 and operation in (Operation.VALUE, Operation.LATEST, Operation.DIFFERENCE)
        # "En el 2T 2020, el peor trimestre de la pandemia, ¿cuánto cayó … respecto del 2T 2019?": a change between two
        # periods said is one figure, whatever the judgement says of them
        two_periods = period.start is not None and not (period.is_single_year and not (period.quarter_end or period.month_end))
        judged = understanding.judgement and not (operation == Operation.CHANGE and two_periods)
        if judged and operation not in (Operation.RANK, Operation.WHICH_PERIOD) and not compared_places:
            # "the best stock to buy": better or worse than what? No measure of ours says; "was it worse in India or
            # in Bangladesh?" is answered with both figures
            return PlanOutcome(status="no_data", reason="unknown_topic", params={"topic": understanding.judgement_words},
                               suggestions=[c.code for c in understanding.candidates[:3]])
        if judged and compared_places and polarity().get(chosen.family) is None:
            # "entre Copiapó y Caldera, ¿cuál es mejor pa irse a vivir?": no measure of ours says which is better
            return PlanOutcome(status="clarify", reason="no_polarity", params={"indicator": chosen.code})
        if judged and not compared_places:
            better = polarity().get(chosen.family)  # "el peor año del desempleo" is its highest
            if operation == Operation.WHICH_PERIOD and chosen.unit_kind == "index" and chosen.transform != "growth" \
                    and BASE_PERIOD.search(chosen.unit_en):  # "el peor año del Imacec": an index on a base period
                better = None  # grows over time, its lowest year is no worst year; a scale (Gini, 0 to 100) does not
            if better is None:
                return PlanOutcome(status="clarify", reason="no_polarity", params={"indicator": chosen.code})
            order = "desc" if (understanding.judgement == "best") == (better == "higher") else "asc"
        moved_most = ROSE_MOST.search(asked) or FELL_MOST.search(asked)
        if moved_most and operation not in (Operation.WHICH_PERIOD, Operation.RANK) and WHICH_MEMBER.search(asked) \
                and not (operation == Operation.CHANGE and 2 <= len(areas) <= 3 and group is None):
            # "¿qué región creció más en población entre 2002 y 2020?": a ranking of changes, never one series; "cuál de
            # los dos creció más desde el 2000" after two countries: each one's change, side by side
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": moved_most[0]})
        if operation in (Operation.WHICH_PERIOD, Operation.RANK) and (fell := FELL_MOST.search(asked)):
            if chosen.transform != "growth" and SHRANK.search(asked):  # "¿en qué año se contrajo más la economía?":
                chosen = next((info for info in self.catalog.siblings(chosen.code)  # its growth rate's lowest year, as
                               if info.transform == "growth" and info.measure == chosen.measure), chosen)  # a shrinking
                # economy is one that grew less than nothing
            if chosen.transform != "growth":  # the biggest fall of a level is a change no plan ranks: never its peak
                return PlanOutcome(status="clarify", reason="unsupported", params={"words": fell[0]})
            order = "asc"
        elif operation == Operation.RANK and (rose := ROSE_MOST.search(asked)) and period.start and period.end \
                and period.start < period.end and not understanding.aggregate:
            # "which of them grew fastest between 2014 and 2024?": each member's change over the span, which no plan
            # ranks; never the growth of its last year
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": rose[0]})
        elif operation in (Operation.WHICH_PERIOD, Operation.RANK) and (rose := ROSE_MOST.search(asked)) and \
                chosen.transform not in ("growth", "period_change"):  # "¿en qué año subió más el desempleo?": its
            # biggest rise, never its peak; a change on the month before is the rise itself
            return PlanOutcome(status="clarify", reason="unsupported", params={"words": rose[0]})
        if operation == Operation.WHICH_PERIOD and period.day and understanding.operation is None:
            operation = Operation.VALUE  # "¿y el 15 de junio del 2023?" after the day it peaked: that day's value
        elif operation == Operation.WHICH_PERIOD and period.day:  # "el 20 de mayo, ¿y qué día fue el más alto?": two
            return PlanOutcome(status="clarify", reason="one_period_only",  # questions, never "the highest" of one day
                               params={"period": f"{period.start}-{period.month:02d}-{period.day:02d}"})
        members_read = operation in MEMBERS_COMPARED or (
            operation == Operation.AGGREGATE and group is not None)
        if understanding.excluded and not members_read and operation != Operation.DIFFERENCE:
            # "el PIB de Chile sin contar Santiago": no members to leave out
            return PlanOutcome(status="clarify", reason="unsupported",
                               params={"words": ", ".join(place.matched for place in understanding.excluded)})
        if understanding.units_asked and not (chosen.unit_kind == "currency" and operation in (
                Operation.VALUE, Operation.LATEST, Operation.SERIES)):  # "10 UTM" of a measure that values no unit
            return PlanOutcome(status="clarify", reason="unsupported",
                               params={"words": f"{understanding.units_asked:g}"})
        if operation == Operation.SHARE and chosen.unit_kind == "percent" and not second:
            # "¿y los de Viña del Mar, qué porcentaje representan?" after a share of the region's 65+: of the count
            # the rate is made from, never a rate as a share of another rate
            if not chosen.derived_from or self.catalog.get(chosen.derived_from).unit_kind != "count":
                return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": chosen.code})
            chosen = self.catalog.get(chosen.derived_from)
        if operation == Operation.RANK and chosen.derivation == "share_of_parent" and POPULOUS.search(asked) \
                and chosen.derived_from and self.catalog.get(chosen.derived_from).unit_kind == "count":
            chosen = self.catalog.get(chosen.derived_from)  # "the three most populous regions in that census" after a
            # region's share of the country: ranked by their people, never by that share
        if operation == Operation.DIFFERENCE and not second and len(areas) == 2 and FEWER_THAN.search(asked):
            areas = areas[::-1]  # "how much lower was Chile's fertility than Argentina's?": the larger first, positive
        if chosen.derivation == "percent_change_year" and ONLY_THE_MONTH.search(asked) \
                and (monthly := self._derived_beside(chosen, "percent_change_period")):
            chosen = monthly  # "¿y solamente en el mes de junio?" after the 12-month rise to June: June's own change
        if operation == Operation.CHANGE and not second and (chosen.derivation or "").startswith("percent_change") \
                and IN_TOTAL.search(asked) and period.start is not None and period.end not in (None, period.start):
            # "inflación acumulada entre diciembre de 2019 y diciembre de 2025": the change of the index it is
            # computed from, whose percentage is the answer; never the rate's own change between the two ends
            chosen = self.catalog.get(chosen.derived_from)
        elif operation == Operation.CHANGE and not second and chosen.transform == "growth" and not chosen.derived_from \
                and (total := IN_TOTAL.search(asked)) and period.start is not None and period.end not in (None, period.start):
            # "crecimiento acumulado del PIB real de Colombia entre 2015 y 2024" of a growth rate published with no level
            # here to compute it from: the rates chained, which no plan computes, never the change of the rate
            return PlanOutcome(status="clarify", reason="unsupported", params={
                "words": as_written(understanding.question, total[0])})
        if not same_measure and not second and chosen.sex in ("female", "male") and not (
                understanding.cues.sex or understanding.sexes or understanding.pair) and any(
                info.sex in (None, "total") for info in self.catalog.family_of(chosen.code)):
            # "¿qué porcentaje de la población de Uruguay sería eso?": no sex asked is never women's share instead
            return PlanOutcome(status="no_data", reason="no_variant", params={"indicator": base})
        if understanding.period.projected and not {chosen.code, second} & self.catalog.projecting:
            # "¿y cuánto decía la proyección del INE?" after a census share, "and according to the INE projections?"
            # after two comunas' census difference: a measure no one projects, never the census figure again
            return PlanOutcome(status="no_data", reason="no_projection", params={"indicator": chosen.code})
        outcome.plan = QueryPlan(
            operation=operation, indicator_code=chosen.code, second_indicator_code=second, area_codes=areas, group_code=group,
            member_kind=member_kind, excluded_codes=[self._as_member(place, member_kind) for place in understanding.excluded],
            period=period,
            member_codes=[place.code for place in understanding.among] or (  # "and Bolivia?": among the same ones
                context.member_codes if context and operation == Operation.POSITION and not group
                and set(areas) <= set(context.member_codes) else []) or (  # "and if I add Uruguay, where does it land?"
                list(dict.fromkeys(context.area_codes + areas)) if context and operation == Operation.POSITION and not group
                and len(context.area_codes) >= 2 and not context.group_code and not context.member_codes else []),
            top_n=understanding.top_n or (context.top_n if context and not lexicon().has_phrase(
                asked, lexicon().operations["sort_all"]) and (operation != Operation.WHICH_PERIOD or
                                                             context.operation == operation) else None) or (
                1 if context and context.operation == Operation.COUNT and operation == Operation.RANK else None) or (
                self._all_members(group) if operation == Operation.RANK and lexicon().has_phrase(
                    asked, lexicon().operations["sort_all"]) else None),  # "ordénalos" after the top one: all of them
            order=order, aggregate=aggregate,
            threshold=threshold, crossing=operation == Operation.FIRST_MEETING and understanding.threshold_reached
            and threshold == understanding.threshold,
            per_period=per_period, times=understanding.units_asked or (  # "¿y con la de julio del año pasado?" after
                context.times if same_measure and context and context.indicator_code == chosen.code  # "10 UF en pesos"
                and operation in (Operation.VALUE, Operation.LATEST, Operation.SERIES) else None),
            alternatives=[info.code for info in fitting[1:] if (info.sex, info.age) == (chosen.sex, chosen.age)][:2],
        )  # fmt: skip
        if operation == Operation.WHICH_PERIOD and outcome.plan.top_n is None and period.is_two_years \
                and chosen.frequency == "A":  # "¿estaba más caro el dólar el 2023 o el 2024?": both figures
            outcome.plan.top_n = 2
        leftover = [] if same_measure else self._unaccounted(understanding, outcome.plan)
        if leftover:
            return self._checked(understanding, outcome, leftover)
        if not same_measure and (in_a_month := self._change_in_a_month(outcome.plan, asked)) is not None:
            # "¿cuál fue el mes con más inflación del 2022?": the month prices rose most, or the 12-month rate's peak
            # ("which month was the peak?" after the 12-month rate names no measure: that rate's)
            return outcome.model_copy(update={"status": "clarify", "reason": "two_readings", "plan": None,
                                              "options": [outcome.plan, in_a_month]})
        if (published := self._published_figure(understanding, outcome.plan)) is not None:
            # "gasto en I+D de los países miembros de la OCDE": the publisher's figure for its members, or each one?
            return outcome.model_copy(update={"status": "clarify", "reason": "two_readings", "plan": None,
                                              "options": [published, outcome.plan]})
        rival = self._fit(outcome.contested, understanding, areas, period, retrieved, False, compared, carried_from) \
            if outcome.contested and not second else []
        if rival:  # the model and the rules read two measures: both are offered, neither is answered
            options = [outcome.plan, outcome.plan.model_copy(update={"indicator_code": rival[0].code, "alternatives": []})]
            return outcome.model_copy(update={"status": "clarify", "reason": "two_readings", "plan": None,
                                              "options": options})
        namesake = next((place for place in understanding.places if place.namesakes and place.code in areas), None)
        if namesake:  # "población del Congo": two countries by that name, each offered, neither answered
            options = [outcome.plan.model_copy(update={
                "area_codes": [code if area == namesake.code else area for area in areas], "alternatives": []})
                for code in (namesake.code, *namesake.namesakes)]
            return outcome.model_copy(update={"status": "clarify", "reason": "namesakes", "plan": None, "options": options,
                                              "params": {"place": namesake.matched.capitalize()}})
        return outcome

    def _without_unlike(self, understanding: Understanding, asked: str) -> Understanding:
        """The candidates without the measures the question names as what they are not, where a near one left names
        the topic: "¿qué porcentaje vivía bajo la línea de pobreza?" is the headcount, never its gap. Else they stay,
        and the measure chosen is declined as such."""
        liked = [candidate for candidate in understanding.candidates if not self.catalog.unlike_named(candidate.code, asked)]
        top = understanding.candidates[0].score if understanding.candidates else 0.0
        if len(liked) < len(understanding.candidates) and any(
                top - candidate.score < FAMILY_MARGIN and self.family.accounts(understanding.topic_text, candidate.code)
                for candidate in liked):
            return understanding.model_copy(update={"candidates": liked})
        return understanding

    def _change_in_a_month(self, plan: QueryPlan, asked: str) -> QueryPlan | None:
        """The month-on-month reading of a month with the most or least 12-month change, when the question says no
        span: the month with the most inflation may be the one prices rose most in."""
        chosen = self.catalog.get(plan.indicator_code)
        if plan.operation != Operation.WHICH_PERIOD or chosen.derivation != "percent_change_year" \
                or chosen.frequency != "M" or not MONTH_ASKED.search(asked) or TWELVE_MONTHS.search(asked) \
                or YEARLY_CHANGE.search(asked):
            return None
        monthly = self._derived_beside(chosen, "percent_change_period")
        return plan.model_copy(update={"indicator_code": monthly.code, "alternatives": []}) if monthly else None

    def _growth_there(self, base: str, areas: list[str]) -> bool:
        """Has ``base``'s family a growth rate with values for ``areas``?"""
        return any(info.transform == "growth" and self.catalog.covers(info.code, areas, PeriodSpec())
                   for info in self.catalog.family_of(base))

    def _change_shown_beside(self, turn: Turn) -> bool:
        """Did ``turn`` show a monthly index with its monthly change beside it, unasked?"""
        beside = self._month_change_of_index(turn.plan) if turn.plan is not None and len(turn.also) == 1 else None
        return beside is not None and (turn.also[0].indicator_code, turn.also[0].area_codes, turn.also[0].period) == (
            beside.indicator_code, beside.area_codes, beside.period)

    def _month_change_of_index(self, plan: QueryPlan) -> QueryPlan | None:
        """A monthly index's value in one month beside that month's own change, where one is computed from it: "el
        IPC de abril" is its level to some and its monthly change to others, so both are shown."""
        chosen, period = self.catalog.get(plan.indicator_code), plan.period
        if plan.operation != Operation.VALUE or chosen.unit_kind != "index" or chosen.frequency != "M" \
                or not period.month or period.month_end or not period.is_single_year or len(plan.area_codes) != 1:
            return None
        monthly = self._derived_beside(chosen, "percent_change_period")
        return plan.model_copy(update={"indicator_code": monthly.code, "alternatives": []}) if monthly else None

    @staticmethod
    def _between_ends(understanding: Understanding, conversation: Conversation, asked: str) -> QueryPlan | None:
        """"¿cuántos puntos hay entre ese mínimo y el máximo?" after one series' highest and lowest, each in one
        period: the change from the earlier of the two periods to the later, never either end again."""
        ends = BOTH_ENDS.search(asked)
        if not ends or not HIGH_END.search(ends[0]) or not LOW_END.search(ends[0]) or not BETWEEN_ENDS.search(asked) \
                or understanding.places:
            return None
        turns = [turn for turn in conversation.turns if turn.plan][-2:]
        if len(turns) < 2 or any(turn.plan.operation not in (Operation.WHICH_PERIOD, Operation.AGGREGATE)
                                 or len(turn.shown_periods) != 1 or len(turn.plan.area_codes) != 1 for turn in turns):
            return None
        first, second = (turn.plan for turn in turns)
        highs = {plan.aggregate == "max" or plan.operation == Operation.WHICH_PERIOD and plan.order == "desc"
                 for plan in (first, second)}
        if (first.indicator_code, first.area_codes) != (second.indicator_code, second.area_codes) or len(highs) != 2:
            return None
        start, end = (_period_of(label) for label in sorted(turn.shown_periods[0] for turn in turns))
        if start.quarter or start.day or end.day or bool(start.month) != bool(end.month):
            return None
        return second.model_copy(update={
            "operation": Operation.CHANGE, "aggregate": None, "top_n": None, "per_period": False, "alternatives": [],
            "period": PeriodSpec(start=start.start, end=end.start, month=start.month, month_end=end.month)})

    def _twelve_months_to(self, previous: QueryPlan, understanding: Understanding, asked: str) -> QueryPlan | None:
        """"¿y en 12 meses?" after a change from one month to the next: the 12-month change to that last month, never
        the same two months again."""
        period = previous.period
        if previous.operation != Operation.CHANGE or not TWELVE_MONTHS.search(asked) or understanding.places \
                or not understanding.period.unstated or not period.month or not period.month_end:
            return None
        yearly = self._derived_beside(self.catalog.get(previous.indicator_code), "percent_change_year")
        return None if yearly is None else previous.model_copy(update={
            "operation": Operation.VALUE, "indicator_code": yearly.code, "alternatives": [],
            "period": PeriodSpec(start=period.end, end=period.end, month=period.month_end)})

    def _derived_beside(self, chosen: IndicatorInfo, derivation: str) -> IndicatorInfo | None:
        """The measure ``derivation`` computes from the series ``chosen`` is or is computed from (a 12-month rate's
        month-on-month change, a monthly change's 12-month rate), if any."""
        source = chosen.derived_from or chosen.code
        return next((info for info in self.catalog.family_of(chosen.code)
                     if info.derivation == derivation and info.derived_from == source), None)

    def _unaccounted(self, understanding: Understanding, plan: QueryPlan) -> list[str]:
        """Topic words the chosen measures do not explain: the rules may have answered a nearby question."""
        words = [word for word in understanding.topic_text.split() if word not in self.cue_words]
        named = [word for word in understanding.topic_text.split()  # "población urbana": a cue that names the topic
                 if word not in self.cue_words or word in lexicon().topic_cues  # is explained by the measure too
                 or word in lexicon().naming_cue_words]  # "agricultural land", "house price": a measure of its own
        leftover = self.catalog.unaccounted(named, plan.indicator_code) + self.catalog.unnamed_kinds(
            words, plan.indicator_code, understanding.language)
        if plan.second_indicator_code:  # a word of either measure ("exportaciones que las importaciones")
            leftover = [word for word in leftover if word in self.catalog.unaccounted(words, plan.second_indicator_code)]
            if understanding.second_topic:
                leftover += self.catalog.unaccounted(understanding.second_topic.split(), plan.second_indicator_code)
        return leftover

    def _checked(self, understanding: Understanding, outcome: PlanOutcome, leftover: list[str]) -> PlanOutcome:
        """The rules' reading leaves words of the question unexplained, so it is offered, not answered, beside the
        next retrieved measure of another family. (Asked to confirm such readings, the local model confirmed
        unrelated series: its yes is not enough to show a figure.)"""
        plan, family = outcome.plan, self.catalog.get(outcome.plan.indicator_code).family
        options = [plan]
        others = [c.code for c in understanding.candidates if self.catalog.get(c.code).family != family
                  and self.catalog.covers(c.code, plan.area_codes, plan.period)]
        other = next((code for code in others if not self.catalog.unaccounted(leftover, code)),  # "agricultural land"
                     others[0] if others else None)  # after value added: the measure that explains "land"
        if other and not plan.second_indicator_code:
            options.append(plan.model_copy(update={"indicator_code": other, "alternatives": []}))
        return outcome.model_copy(update={"status": "clarify", "reason": "not_sure", "plan": None, "options": options,
                                          "params": {"words": " ".join(leftover)}})

    def _answered_period(self, plan: QueryPlan, conversation: Conversation) -> PeriodSpec:
        """The period the last answer named: for the highest or lowest one, the period it found ("¿y en España ese
        año?" after the month unemployment peaked, July 2020), else the one it was asked for."""
        shown = next((turn.shown_periods for turn in reversed(conversation.turns) if turn.plan), [])
        found = plan.operation in (Operation.WHICH_PERIOD, Operation.FIRST_MEETING) or (
            plan.operation == Operation.AGGREGATE and plan.aggregate in ("max", "min"))  # "el mínimo de toda la serie"
        if found and len(shown) == 1 and ".." not in shown[0]:
            return _period_of(shown[0])
        return self._said_period(plan)

    @staticmethod
    def _shown_years(conversation: Conversation) -> list[int]:
        """The years the last answer showed, in order ("de esos años" after "los últimos 5 años": 2021 to 2025)."""
        shown = next((turn.shown_periods for turn in reversed(conversation.turns) if turn.plan), [])
        return sorted({int(period[:4]) for period in shown if period[:4].isdigit()})

    def _said_period(self, plan: QueryPlan) -> PeriodSpec:
        """The period a plan's answer named: its own, or for "the latest" of one place, the newest observed period
        ("¿y hace 10 años?" after the latest unemployment rate, May 2026, is May 2016)."""
        newest = self.catalog.last_observed.get((plan.indicator_code, plan.area_codes[0])) if (
            (plan.period.unstated or plan.period.latest) and len(plan.area_codes) == 1) else None
        return _period_of(newest) if newest else plan.period

    def _published_figure(self, understanding: Understanding, plan: QueryPlan) -> QueryPlan | None:
        """A group's members ranked though no end, number or order was asked, where the publisher also gives the
        group's own figure by the very name said ("los países miembros de la OCDE" are the World Bank's "OECD
        members"): that figure, offered beside the ranking."""
        group = understanding.group
        if plan.operation != Operation.RANK or understanding.operation is not None or understanding.top_n \
                or understanding.order is not None or group is None or plan.group_code != group.code:
            return None
        aggregate = next((code for code in group.alternatives if self.catalog.area_kinds.get(code) == "aggregate"), None)
        return plan.model_copy(update={"operation": Operation.VALUE if plan.period.start else Operation.LATEST,
                                       "area_codes": [aggregate], "group_code": None, "member_kind": None,
                                       "top_n": None, "alternatives": []}) if aggregate else None

    def _measures_compared(self, understanding: Understanding, conversation: Conversation, plan: QueryPlan
                           ) -> QueryPlan | None:
        """"Which one was higher?" naming nothing, after two measures of one place and period (women's, then men's
        unemployment): their difference, which shows both figures and says which is higher; never the last one
        again."""
        if plan.operation not in (Operation.VALUE, Operation.LATEST) or len(plan.area_codes) != 1 \
                or understanding.places or understanding.topic_text or not WHICH_HIGHER.search(fold(understanding.question)):
            return None
        pair = self._between_last_two(Operation.DIFFERENCE, conversation, understanding.question)
        if pair is None or not pair.second_indicator_code or pair.area_codes != plan.area_codes \
                or plan.indicator_code not in (pair.indicator_code, pair.second_indicator_code):
            return None
        return pair.model_copy(update={"verdict": True})

    def _period_of_pair_answered(self, understanding: Understanding, conversation: Conversation) -> PeriodSpec | None:
        """"¿cuántas veces más grande es el PBI mexicano que el colombiano?" after Mexico's, then Colombia's GDP in
        2024: the two figures just answered, in their period, never the newest."""
        plans = conversation.last_two_plans
        if understanding.operation not in (Operation.RATIO, Operation.DIFFERENCE) or not understanding.period.unstated \
                or len(plans) < 2 or len(understanding.places) != 2:
            return None
        first, second = plans
        if first.indicator_code != second.indicator_code or [len(plan.area_codes) for plan in plans] != [1, 1] \
                or {place.code for place in understanding.places} != {first.area_codes[0], second.area_codes[0]} \
                or understanding.topic_text and not self.family.restates(understanding, first.indicator_code):
            return None
        said = self._said_period(first)
        return said if said == self._said_period(second) and said.is_single_year else None

    def _kin(self, code: str, understanding: Understanding) -> list[IndicatorInfo]:
        """``code``'s family, and the measures retrieved whose names share a long word with it (rural poverty is
        national poverty's kin, the rural population is not access to electricity's)."""
        words = _long_name_words(self.catalog.get(code)) - NO_KINSHIP_WORDS
        retrieved = [self.catalog.get(candidate.code) for candidate in understanding.candidates]
        return self.catalog.siblings(code) + [info for info in retrieved if _long_name_words(info) & words]

    def _on_last_operands(self, operation: Operation, last: QueryPlan) -> QueryPlan | None:
        """A difference or ratio asked after the other one ("¿y la diferencia?" after how many times Brazil's
        population is Argentina's): the same two operands; a difference after a change is that change."""
        if {last.operation, operation} <= {Operation.RATIO, Operation.DIFFERENCE} and (
                not last.second_indicator_code or _comparable(operation, self.catalog.get(last.indicator_code),
                                                              self.catalog.get(last.second_indicator_code))):
            return last.model_copy(update={"operation": operation, "alternatives": []})
        if last.operation == Operation.CHANGE and operation == Operation.DIFFERENCE:
            return last.model_copy(update={"alternatives": []})  # "y en pesos, ¿cuánto es la diferencia?"
        return None

    def _between_last_two(self, operation: Operation, conversation: Conversation, asked: str | None = None
                          ) -> QueryPlan | None:
        """A difference or ratio of the two places of the last answer ("¿Brasil o Chile?"), or of the last two
        answers when they differ in one thing only: two places of one measure ("¿y la de Vitacura?" after La
        Pintana), two measures of one place and period (women's, then men's), or, for a difference, two periods of
        one measure and place (their change). Two places come in the order answered, unless ``asked`` points at the
        last answer ("how many times more is that?")."""
        plans = conversation.last_two_plans
        last = plans[-1] if plans else None
        if last is not None and (last.operation in (Operation.VALUE, Operation.LATEST) or last.operation == Operation.SERIES
                                 and last.period.is_single_year) and len(last.area_codes) == 2 \
                and not last.second_indicator_code:  # "¿y la diferencia entre ambos?" after Brasil o Chile (in one year)
            return last.model_copy(update={"operation": operation, "alternatives": []})
        if len(plans) < 2 or any(plan.operation not in (Operation.VALUE, Operation.LATEST) for plan in plans):
            return None
        first, second = plans
        said = self._said_period(first)  # "the latest" is the year its answer named ("¿y la proyección para ese año?")
        if said.model_copy(update={"projected": False}) != self._said_period(second).model_copy(update={"projected": False}):
            # one measure of one place in two periods: a difference is its change (a census and a projection of one
            # year are one period)
            spanned = self._spanned(first, second) if operation == Operation.DIFFERENCE else None
            return second.model_copy(update={"operation": Operation.CHANGE, "period": spanned, "alternatives": []}) \
                if spanned else None
        if first.indicator_code == second.indicator_code and len(first.area_codes) == len(second.area_codes) == 1 \
                and first.area_codes != second.area_codes:
            pair = first.area_codes + second.area_codes  # "how many times more is that?": the last answer first
            return first.model_copy(update={"operation": operation, "alternatives": [],
                                            "area_codes": pair[::-1] if LAST_ANSWER.search(asked or "") else pair})
        measures = self.catalog.get(first.indicator_code), self.catalog.get(second.indicator_code)
        if first.indicator_code != second.indicator_code and first.area_codes == second.area_codes and (
                _comparable(operation, *measures)):  # never GDP minus population
            projected = first.period.projected or second.period.projected  # a census against a projection
            if self.family.named_first(asked or "", first.indicator_code, second.indicator_code):
                first, second = second, first  # "how much higher was the projection than the census?": in its order
            if operation == Operation.DIFFERENCE and FEWER_THAN.search(asked or ""):
                first, second = second, first  # "how many fewer…than…?": the larger one first, so it is positive
            return first.model_copy(update={"operation": operation, "second_indicator_code": second.indicator_code,
                                            "period": said.model_copy(update={"projected": projected}),
                                            "alternatives": []})
        return None

    def _as_share_of(self, understanding: Understanding, previous: QueryPlan) -> str | None:
        """The member of the last measure's family a follow-up asks for as a share of what it names ("What is that
        as a share of Mexico's GDP?" after remittances, "¿y medido como porcentaje del gasto del gobierno?" after
        military spending in % of GDP), if its family has one."""
        asked = _spelled(understanding)
        if not (AND_AS_SHARE_OF.search(asked) or _that_as_share(asked)):
            return None
        wholes = " ".join(found.group(0) for pattern in (WHOLE_COUNTRY, WHOLE_REGION) for found in pattern.finditer(asked))
        last = self.catalog.get(previous.indicator_code)
        topic = set(understanding.topic_text.split()) - set(wholes.split()) - set(lexicon().census_words) - {
            "total", *fold(f"{last.name_es} {last.name_en}").split()}  # "del total nacional", "del total censado en
        # la región": the whole, of the measure answered
        shares = [info for info in self.catalog.family_of(last.code) if info.measure == "share"
                  and topic <= set(re.findall(r"\w+", fold(f"{info.name_es} {info.name_en}")))]
        # the share of the same people: of those 65 and over, their share; never another age group's or sex's
        share = next((info for info in shares if info.derived_from == last.code), None) or next(
            (info for info in shares if (info.sex or "total", info.age) == (last.sex or "total", last.age)), None)
        if share is not None and share.derived_from not in (None, previous.indicator_code):
            # the census share after a projection is another count's: the projection's own share of the country,
            # computed, where the country is named; none otherwise
            return previous.indicator_code if WHOLE_COUNTRY.search(asked) or WHOLE_REGION.search(asked) else None
        return share.code if share is not None else None

    def _all_members(self, group: str | None) -> int | None:
        """How many members a group of a few has ("ordénalos" after South America's top: all twelve); a larger one
        (the world) keeps its top ten."""
        members = sum(whole == group for whole, _ in self.catalog.memberships) if group else 0
        return members if 0 < members <= SORTED_IN_FULL else None

    def _members_kind(self, group: str) -> str:
        """What a group is made of: one kind where the catalog says so ("las regiones del Banco Mundial" are
        aggregates); Chile of regions, a region of comunas, others of countries."""
        if group in self.catalog.member_kinds:
            return self.catalog.member_kinds[group]
        return "cl_comuna" if group.startswith("CL-") else "cl_region" if group == "CHL" else "country"

    def _members_newest(self, code: str, group: str) -> int | None:
        """The newest year every member of ``group`` with values of ``code`` has, never a future projection."""
        lasts = [int(str(self.catalog.last_observed.get((code, member)) or self.catalog.coverage[(code, member)][1])[:4])
                 for whole, member in self.catalog.memberships if whole == group and (code, member) in self.catalog.coverage]
        return min(lasts) if lasts else None

    def _published_aggregate(self, group: Place | None, code: str) -> str | None:
        """The publisher's own aggregate the group names (itself, or an area sharing its name: "América Latina y el
        Caribe" is a UN region and a World Bank aggregate), where it has values of ``code``."""
        named = [group.code, *group.alternatives] if group else []
        return next((area for area in named if self.catalog.area_kinds.get(area) == "aggregate"
                     and (code, area) in self.coverage), None)

    def _count_of_last(self, understanding: Understanding, previous: QueryPlan) -> str | None:
        """The count of the last answer's share, where a follow-up pointing at it asks how many people that is ("¿y
        cuántas personas son eso en total?" after the rural share): its family's count, if it has one."""
        if not self._asks_count_of_last(understanding, previous):
            return None
        return next((info.code for info in self.catalog.family_of(previous.indicator_code)
                     if info.measure == "count" and info.unit_kind == "count"), None)

    def _members_by_gap(self, understanding: Understanding, plan: QueryPlan) -> QueryPlan | None:
        """"¿qué país de Centroamérica tiene la mayor brecha entre la esperanza de vida de mujeres y hombres?": the
        group's members ranked by one measure minus the other, never the group's own gap."""
        if plan.operation != Operation.DIFFERENCE or not plan.second_indicator_code or not understanding.member_kind \
                or not (understanding.order or understanding.top_n or understanding.aggregate) or len(plan.area_codes) != 1 \
                or not self.catalog.lists_members(plan.area_codes[0]):
            return None
        return _gap_over_members(plan, understanding, plan.area_codes[0], plan.member_kind, understanding.top_n)

    def _members_by_last_gap(self, understanding: Understanding, last: QueryPlan | None) -> QueryPlan | None:
        """"De todos los países de Centroamérica, ¿cuál tiene la brecha más grande ese año?" after women's against men's
        life expectancy in one country: the group's members ranked by that gap."""
        group = understanding.group
        if last is None or last.operation != Operation.DIFFERENCE or not last.second_indicator_code \
                or understanding.named_operation != Operation.DIFFERENCE or group is None or not understanding.member_kind \
                or understanding.topic_text or understanding.places or not self.catalog.lists_members(group.code) \
                or understanding.period not in (PeriodSpec(), PeriodSpec(shift_months=0), PeriodSpec(same_part=True)):
            return None
        return _gap_over_members(last, understanding, group.code, understanding.member_kind, understanding.top_n or 1)

    def _part_of_last(self, understanding: Understanding, previous: QueryPlan | None) -> QueryPlan | None:
        """"What share of that was Chile?" after the world's population: the place named as a part of the last
        answer's total (or the last answer as a part of the place named), of the same measure and period."""
        if previous is None or previous.operation not in (Operation.VALUE, Operation.LATEST) \
                or len(previous.area_codes) != 1 or len(understanding.places) != 1 or understanding.cues.measure != "share" \
                or understanding.topic_text and not self.family.restates(understanding, previous.indicator_code) \
                or not LAST_ANSWER.search(fold(understanding.question)):
            return None
        named, answered = understanding.places[0].code, previous.area_codes[0]
        part, whole = (named, answered) if self.catalog.part_of(answered, named) else (answered, named)
        # ("what share of the world's population is that?" after Europe & Central Asia's: that, of the world's)
        if self.catalog.get(previous.indicator_code).unit_kind not in ("count", "currency") \
                or not self.catalog.part_of(whole, part) or not understanding.period.unstated:
            return None
        return previous.model_copy(update={"operation": Operation.SHARE, "area_codes": [part, whole],
                                           "period": self._said_period(previous), "alternatives": []})

    def _share_of_last_part(self, understanding: Understanding, previous: QueryPlan) -> str | None:
        """The share of the last answer's people ("¿y eso cuánto es en porcentaje de la población de la región?" after
        the region's people aged 65+): its family's share of that age group or sex, never another whole's share."""
        last = self.catalog.get(previous.indicator_code)
        if not (understanding.cues.measure == "share" and LAST_ANSWER.search(fold(understanding.question))
                and set(understanding.topic_text.split()) <= POPULATION_WORDS and last.unit_kind == "count"
                and (last.age or last.sex in ("female", "male"))):
            return None
        shares = [info for info in self.catalog.family_of(previous.indicator_code)
                  if info.measure == "share" and (info.age, info.sex) == (last.age, last.sex)]
        return next((info.code for info in sorted(shares, key=lambda info: info.source_id != last.source_id)), None)

    def _asks_count_of_last(self, understanding: Understanding, previous: QueryPlan) -> bool:
        """Does a follow-up ask how many people the last answer's percentage is ("¿y eso cuántas personas son?")?"""
        last = self.catalog.get(previous.indicator_code)
        return understanding.topic_text == "poblacion" and LAST_ANSWER.search(fold(understanding.question)) is not None \
            and (last.measure == "share" or last.unit_kind == "percent")

    @staticmethod
    def _share_of_last(understanding: Understanding) -> bool:
        """Does a follow-up ask for the last answer's measure as a share of another, naming no measure of its own
        ("¿y eso como porcentaje del PIB?", "and as a share of GDP?")?"""
        asked = _spelled(understanding)
        if _that_as_share(asked) or (BARE_SHARE_OF.match(asked) and not (
                understanding.places or understanding.group or understanding.cues.sex or understanding.cues.age)
                and lexicon().has_phrase(asked, ["pib", "gdp", "total"])):  # "% del pib total?", never "share of women?"
            return True
        share = AND_AS_SHARE_OF.search(asked)
        before = set(asked[:share.start(1)].split()) if share else set()
        return share is not None and not before & set(understanding.topic_text.split())

    @staticmethod
    def _ratio_subject(understanding: Understanding, asked: str) -> str | None:
        """The place named right after "cuántas veces más (verbo)", "how many times more", if any."""
        after = RATIO_WORDS.search(asked)
        if after is None or len(understanding.places) != 2 or FITS_IN.search(asked):  # "¿cuántas veces cabe A en B?": B/A
            return None
        tail = " ".join(asked[after.end():].split()[:10])
        names = {place.code: {place.matched, *place.said_again, fold(place.name_es), fold(place.name_en)}
                 for place in understanding.places}
        asked_of = [code for code, said in names.items() if any(  # "how many times the world average does the
            re.search(rf"\b(?:does|do|did|is|are|was|were)\s+(?:the\s+)?(?:average\s+)?{re.escape(name)}\b", tail)
            for name in said)]  # average American emit?": the American over the world
        measured_by = [code for code, said in names.items() if any(
            re.match(rf"(?:(?:es|son|era|eran|fue|is|are|was|were)\s+)?(?:(?:la|el|lo|los|las|the|de|del|of)\s+){{0,2}}"
                     rf"{re.escape(name)}\b", tail) for name in said)]  # "de Chad, ¿cuántas veces es la del mundo?"
        said_before = [code for code, said in names.items() if code not in measured_by and any(
            re.search(rf"\b{re.escape(name)}\b", asked[:after.start()]) for name in said)]
        if measured_by and after[0] in ("ratio of", "razon de", "cociente de") and len(said_before) == 1 and any(
                re.search(rf"\b(?:to|over|a|al|sobre|y|and)\s+(?:(?:la|el|lo|los|las|the|de|del|of)\s+){{0,2}}"
                          rf"{re.escape(name)}\b", tail) for name in names[said_before[0]]):
            return measured_by[0]  # "Argentina? and the ratio of Chile's figure to Argentina's?": both in its words
        if not asked_of and len(measured_by) == 1 and said_before:  # "y la argentina, ¿cuántas veces la chilena?":
            return said_before[0]  # the place named first, in times the one right after "cuántas veces"
        named = asked_of or [code for code, said in names.items() if any(  # never the place after "que", "than", "to"
            re.match(rf"(?:(?!que |q |than |to )\w+ ){{0,5}}{re.escape(name)}\b", tail) for name in said)]
        return named[0] if len(named) == 1 else None

    def _against_place(self, understanding: Understanding, last: QueryPlan, conversation: Conversation) -> QueryPlan | None:
        """The place a follow-up names against the last answer's other place, of the same measure and period: the
        place asked about first ("¿y en Perú? ¿cuántas veces más se demoraba allá?", "So how many times higher is the
        US figure?"), unless it is what the other is compared with ("¿cuántas veces más alta es que la de Vitacura?").
        Named after two answers of one place each, it is one of them against the other ("¿cuántas veces mayor es el
        de la RM?" after Antofagasta, then the RM)."""
        place = understanding.places[0]
        if (gap := self._gap_beside(understanding, last, conversation)) is not None:
            return gap
        shown = conversation.turns[-1].shown_areas if conversation.turns else []
        if last.operation == Operation.RANK and len(shown) == 1 and last.period.is_single_year:
            last = QueryPlan(operation=Operation.VALUE, indicator_code=last.indicator_code, area_codes=shown,
                             period=last.period)  # "how far is that below Latin America?" after the lowest: that one
        if last.second_indicator_code and len(last.area_codes) == 1 and last.operation == understanding.named_operation \
                and understanding.period.unstated:  # "¿y esa misma brecha en Paraguay?" after women's against men's
            return last.model_copy(update={"area_codes": [place.code], "alternatives": []})  # in Uruguay: Paraguay's
        others = [code for code in last.area_codes if code != place.code]
        if not others and last.area_codes == [place.code]:
            both = self._between_last_two(understanding.named_operation, conversation)
            if both is None or place.code not in both.area_codes or len(both.area_codes) != 2:
                return None
            last, others = both, [code for code in both.area_codes if code != place.code]
        if last.operation not in (Operation.VALUE, Operation.LATEST, understanding.named_operation) \
                or len(others) != 1 or len(last.area_codes) > 2 or not (
                    understanding.period.unstated or understanding.period == PeriodSpec(shift_months=0)):  # "ese año"
            return None
        asked = fold(understanding.question)
        compared_with = re.search(rf"\b(?:que|q|than)(?: (?:{'|'.join(ARTICLES)}))* {re.escape(place.matched)}\b", asked) \
            or re.search(rf"\b(?:cuantas veces (?:el|la|los|las|lo) de|how many times) {re.escape(place.matched)}\b", asked) \
            or LAST_ANSWER.search(asked)  # "¿y eso cuántas veces es la de Vitacura?": the last answer over Vitacura; "¿y
        # cuántas veces el de Nicaragua?" after Panama's: Panama's over Nicaragua's
        pair = [others[0], place.code] if compared_with else [place.code, others[0]]
        return last.model_copy(update={"operation": understanding.named_operation, "period": self._said_period(last),
                                       "area_codes": pair, "alternatives": []})

    def _gap_beside(self, understanding: Understanding, last: QueryPlan, conversation: Conversation) -> QueryPlan | None:
        """"How big is that gap compared to Sub-Saharan Africa?" after women's and men's rates of one place, shown
        together: the gap between the two measures, there and in the place named; never each measure's gap between
        the two places."""
        turn, place = conversation.turns[-1], understanding.places[0]
        other = turn.also[0] if turn.plan == last and len(turn.also) == 1 else None
        if understanding.named_operation != Operation.DIFFERENCE or other is None or len(last.area_codes) != 1 \
                or (other.area_codes, other.period) != (last.area_codes, last.period) or place.code in last.area_codes \
                or other.indicator_code == last.indicator_code or not understanding.period.unstated \
                or not _comparable(Operation.DIFFERENCE, self.catalog.get(last.indicator_code),
                                   self.catalog.get(other.indicator_code)):
            return None
        return last.model_copy(update={"operation": Operation.DIFFERENCE, "second_indicator_code": other.indicator_code,
                                       "area_codes": [*last.area_codes, place.code], "period": self._said_period(last),
                                       "alternatives": []})

    def _as_qualified(self, plan: QueryPlan, understanding: Understanding) -> QueryPlan | None:
        """The plan's measure as the follow-up qualifies it ("ah y por persona? ¿cuántas veces más tiene España?" after
        GDP: GDP per capita); None where its family has no such member."""
        said = {field: value for field, value in understanding.cues.model_dump(include=set(VARIANT_FIELDS)).items()
                if value is not None and field not in ("sex", "age")}
        answered = self.catalog.get(plan.indicator_code)
        if said.get("measure") == "share" and answered.unit_kind == "percent" and plan.operation == Operation.DIFFERENCE:
            del said["measure"]  # "¿cuántos puntos porcentuales las separan?": the unit of a gap of two percentages
        if plan.second_indicator_code or all(matches(answered, field, value) for field, value in said.items()):
            return plan
        other = next((info for info in self.catalog.siblings(answered.code) if info.derivation != "share_of_parent"
                      and all(matches(info, field, value) for field, value in said.items())), None)
        return plan.model_copy(update={"indicator_code": other.code}) if other else None

    def _against_other_sex(self, understanding: Understanding, last: QueryPlan) -> QueryPlan | None:
        """"how many more years than men is that?" after women's life expectancy: the last answer against the same
        measure for the sex named, when its family has it."""
        if last.operation not in (Operation.VALUE, Operation.LATEST) or last.second_indicator_code:
            return None
        answered = self.catalog.get(last.indicator_code)
        other = next((info for info in self.catalog.siblings(answered.code) if matches(info, "sex", understanding.cues.sex)
                      and all(getattr(info, field) == getattr(answered, field) for field in VARIANT_FIELDS if field != "sex")
                      ), None)
        if other is None or answered.sex in (None, "total"):
            return None
        return last.model_copy(update={"operation": understanding.named_operation, "second_indicator_code": other.code,
                                       "alternatives": []})

    def _against_last(self, understanding: Understanding, last: QueryPlan, conversation: Conversation) -> QueryPlan | None:
        """The change from another period to the last answer's ("¿y en el mismo trimestre del año anterior?
        ¿cuántos puntos de diferencia hay?"): the period the follow-up names, then the difference between the two."""
        if understanding.named_operation != Operation.DIFFERENCE or last.operation in TWO_OPERANDS:
            return None  # a difference's change is no one series' change
        other = self._read(understanding.model_copy(update={"unsupported": None, "named_operation": None}),
                           conversation, lambda: None, ask_model=False)
        if other.status == "ok" and (measures := self._other_measure_then(last, other.plan)) is not None:
            return measures  # "¿cuál es la diferencia con la proyección del INE para esa región en 2024?" after the census
        spanned = self._spanned(last, other.plan) if other.status == "ok" else None
        return last.model_copy(update={"operation": Operation.CHANGE, "period": spanned, "alternatives": []}) \
            if spanned else None

    def _other_measure_then(self, last: QueryPlan, other: QueryPlan) -> QueryPlan | None:
        """The difference between the last answer's measure and another one of the same place and period, of one
        unit: the last answer first."""
        said, other_said = self._said_period(last), self._said_period(other)
        if {last.operation, other.operation} - {Operation.VALUE, Operation.LATEST} or last.second_indicator_code \
                or other.area_codes != last.area_codes or other.indicator_code == last.indicator_code \
                or said.model_copy(update={"projected": False}) != other_said.model_copy(update={"projected": False}) \
                or not _comparable(Operation.DIFFERENCE, self.catalog.get(last.indicator_code),
                                   self.catalog.get(other.indicator_code)):
            return None
        return last.model_copy(update={"operation": Operation.DIFFERENCE, "second_indicator_code": other.indicator_code,
                                       "period": said.model_copy(update={"projected": said.projected or other_said.projected}),
                                       "alternatives": []})

    def _spanned_from(self, last: QueryPlan, period: PeriodSpec) -> PeriodSpec | None:
        """From a period a follow-up names to the last answer's, of its measure and place ("¿y cuánto subió respecto a
        marzo del año anterior?")."""
        return self._spanned(last, last.model_copy(update={"period": period}))

    def _spanned(self, first: QueryPlan, second: QueryPlan) -> PeriodSpec | None:
        """From the earlier to the later period of two answers of one measure and place, each a single year, month
        or quarter ("¿y hace diez años?" after the latest, then "¿en qué porcentaje cayó entre esos dos años?")."""
        if (first.indicator_code, first.area_codes) != (second.indicator_code, second.area_codes) \
                or len(first.area_codes) != 1:
            return None
        periods = sorted((self._said_period(plan) for plan in (first, second)),
                         key=lambda period: (period.start or 0, period.month or 0, period.quarter or 0, period.day or 0))
        earlier, later = periods
        single = all(period.is_single_year and not (period.month_end or period.quarter_end or period.day_end)
                     for period in periods)
        if not single or (earlier.month is None) != (later.month is None) or (earlier.day is None) != (later.day is None) \
                or (earlier.quarter is None) != (later.quarter is None) or earlier == later:
            return None  # "¿cuánto subió?" after the copper price of two days: from one day to the other
        return PeriodSpec(start=earlier.start, end=later.start, month=earlier.month, month_end=later.month,
                          quarter=earlier.quarter, quarter_end=later.quarter, day=earlier.day, day_end=later.day)

    def _separately(self, understanding: Understanding, conversation: Conversation) -> list[QueryPlan]:
        """What can be answered of a question asked back: each sex (or age group) or each measure on its own, and
        their difference ("desempleo de hombres y mujeres": men's, women's, the gap)."""
        plain = {"unsupported": None, "pair": None, "second_topic": "", "second_candidates": [],
                 "operation": None if understanding.operation in TWO_OPERANDS else understanding.operation}
        readings, amount_then_share = [], False
        if pair := understanding.pair:
            readings = [understanding.model_copy(update={**plain, "cues": understanding.cues.model_copy(update={pair.field: value})})
                        for value in pair.values]
            readings.append(understanding.model_copy(update={"unsupported": None, "operation": Operation.DIFFERENCE}))
        elif (understanding.second_cues or understanding.cues).measure == "share" \
                and set(understanding.second_topic.split()) <= POPULATION_WORDS:
            # "how many people lived in urban areas, and what share of the population is that?": the amount, its share
            readings = [understanding.model_copy(update={**plain, "cues": understanding.cues.model_copy(update={"measure": measure})})
                        for measure in (None, "share")]
            amount_then_share = True
        elif understanding.second_topic:
            readings = [understanding.model_copy(update={**plain, "topic_text": topic, "candidates": candidates, "cues": cues})
                        for topic, candidates, cues in (
                            (understanding.topic_text, understanding.candidates, understanding.cues),
                            (understanding.second_topic, understanding.second_candidates,
                             understanding.second_cues or understanding.cues))]
        outcomes = [self._read(reading, conversation, lambda: None, ask_model=False) for reading in readings]
        if amount_then_share and all(outcome.status == "ok" and self.catalog.get(
                outcome.plan.indicator_code).measure == "share" for outcome in outcomes):  # "lo mismo, cantidad y %"
            # after a share: the share was carried
            amount = readings[0].model_copy(update={"cues": readings[0].cues.model_copy(update={"measure": "count"})})
            outcomes[0] = self._read(amount, conversation, lambda: None, ask_model=False)
        plans = [outcome.plan for outcome in outcomes if outcome.status == "ok"]
        shares = [index for index, plan in enumerate(plans) if self.catalog.get(plan.indicator_code).measure == "share"]
        if len(plans) == 2 and len(shares) == 1:
            amount = 1 - shares[0]
            plans[amount] = self._amount_beside(plans[amount], plans[shares[0]])
        return plans

    def _amount_beside(self, amount: QueryPlan, share: QueryPlan) -> QueryPlan:
        """"What percentage lived in the RM, and how many people is that?": the amount from the share's own source
        (the census count beside the census share), never another source's figure for it."""
        if self.catalog.get(amount.indicator_code).unit_kind != "count":
            return amount
        of_share = self.catalog.get(share.indicator_code)
        same = next((info for info in self.catalog.family_of(share.indicator_code)
                     if info.measure != "share" and info.unit_kind == "count" and info.source_id == of_share.source_id
                     and (info.age, info.sex) == (of_share.age, of_share.sex)), None)
        return amount.model_copy(update={"indicator_code": same.code, "alternatives": []}) if same else amount

    def _operands(self, understanding: Understanding, operation: Operation, context: QueryPlan | None,
                  chosen: IndicatorInfo, base: str,
                  areas: list[str], period: PeriodSpec, retrieved: list[str], outcome: PlanOutcome
                  ) -> tuple[IndicatorInfo, str | None]:
        """A difference's or ratio's two operands: two sexes or age groups of one measure, two measures, or two places
        (then the second measure is None). The status on ``outcome`` says when the question does not give two."""
        pair = understanding.pair
        if pair or understanding.second_topic:
            if pair:
                cues = [understanding.cues.model_copy(update={pair.field: value}) for value in pair.values]
                first = self._fit(base, understanding.model_copy(update={"cues": cues[0]}), areas, period, retrieved, False, None)
                second = self._fit(base, understanding.model_copy(update={"cues": cues[1]}), areas, period, retrieved, False, None)
            else:
                first = [chosen]
                other = understanding.model_copy(update={"candidates": understanding.second_candidates,
                                                         "topic_text": understanding.second_topic})
                second_base = self.family(other, outcome, lambda: None)
                if second_base is None:
                    return chosen, None
                second = self._fit(second_base, other, areas, period, [c.code for c in other.candidates], False, None)
                if understanding.model_codes[1:]:
                    second = [info for info in second if info.code == understanding.model_codes[1]]
                if second and second[0].code == chosen.code and period.projected:
                    # "la que contó el censo y la que proyectaba el INE": the projection is the second one's
                    first = [info for info in self._fit(base, understanding, areas, period.model_copy(update={
                        "projected": False}), retrieved, False, None) if info.code not in self.catalog.projecting]
                    if first and self.family.named_first(understanding.question, first[0].code, second[0].code):
                        first, second = second, first  # "projection minus census", "how much higher was the projection"
            if not first or not second or first[0].code == second[0].code:
                outcome.status, outcome.reason, outcome.params = "no_data", "no_variant", {"indicator": base}
                return chosen, None
            if operation == Operation.DIFFERENCE and not pair and FEWER_THAN.search(fold(understanding.question)):
                first, second = second, first  # "how many fewer did the census count than the projection?": positive
            if not _comparable(operation, first[0], second[0]):
                difference = operation == Operation.DIFFERENCE
                outcome.status, outcome.reason = "clarify", "units_differ" if difference else "ratio_units_differ"
                outcome.params = {"first": first[0].code, "second": second[0].code}
                ratio = QueryPlan(operation=Operation.RATIO, indicator_code=first[0].code, period=period,
                                  second_indicator_code=second[0].code, area_codes=areas)
                single = (Operation.LATEST if period.unstated or period.latest
                          else Operation.VALUE if period.is_single_year else Operation.SERIES)
                outcome.options = [ratio.model_copy(update={"operation": single, "indicator_code": info.code,
                                                            "second_indicator_code": None})
                                   for info in (first[0], second[0])]
                if _comparable(Operation.RATIO, first[0], second[0]):
                    outcome.options.append(ratio)
                return chosen, None
            return first[0], second[0].code
        if context is not None and context.second_indicator_code and not understanding.topic_text:
            # "¿y para todo Chile?" after the census against the projection: the same two measures, never one twice
            first = self.catalog.get(context.indicator_code) if chosen.code == context.second_indicator_code else chosen
            return first, context.second_indicator_code
        if len(areas) != 2 and operation == Operation.SHARE:  # "¿y en Maipú?" after Viña del Mar's share of its region
            outcome.status, outcome.reason = "clarify", "share_whole"
        elif len(areas) != 2:
            outcome.status, outcome.reason = "clarify", "two_operands"
            outcome.params = {"words": understanding.operation_words or operation.value}
        return chosen, None

    def _divides(self, info: IndicatorInfo, pair: VariantPair) -> bool:
        """Is ``info`` declared as the pair's first group per its second (the ageing index: 65+ per 0-14)?"""
        if info.derivation != "per_capita" or not info.derived_from or not info.derived_other:
            return False
        terms = self.catalog.get(info.derived_from), self.catalog.get(info.derived_other)
        return tuple(getattr(term, pair.field) for term in terms) == pair.values

    def _nested(self, areas: list[str]) -> bool:
        """Is one of two places part of the other, so that a share asked of them is a part of a whole?"""
        return self.catalog.part_of(areas[0], areas[1]) or self.catalog.part_of(areas[1], areas[0])

    def _region_of(self, area: str) -> str:
        """The region of Chile containing ``area`` (a comuna's, through its province), or the area itself."""
        return next((above for above in [area, *self.catalog.ancestors(area)]
                     if self.catalog.parents.get(above) == DEFAULT_AREA), area)

    def _share_of_ancestor(self, operation: Operation, chosen: IndicatorInfo, areas: list[str],
                           understanding: Understanding, period: PeriodSpec
                           ) -> tuple[Operation, IndicatorInfo, list[str], str | None]:
        """A share of the area above asked with both places ("¿qué porcentaje de la población de la Región de
        Antofagasta vive en Calama?"): the part's share of its parent where the family has it, else the part as a
        percent of the larger area named, from a total of the family that has both ("what share of the world's
        population lived in India?": not India's share of people aged 65 and over), a projected one first when
        projections are asked; of a group with no figures of its own (South America), its members' sum, returned as
        the group, for counts and amounts of money a yearly series has. Neither containing the other: each place's
        own figure."""
        projections_asked = period.projected and chosen.derived_from not in self.catalog.projecting
        said = [place for place in [*understanding.places, understanding.group] if place]
        for part, whole in (areas, areas[::-1]):
            if whole == self.catalog.parents.get(part) and chosen.derivation == "share_of_parent" and not projections_asked \
                    and self.catalog.covers(chosen.code, [part], period) and not (  # Chile's areas, not Brazil in
                        chosen.derived_from and not self.catalog.covers(chosen.derived_from, [whole], period)):  # South America
                return operation, chosen, [part], None
            holds = self.catalog.part_of(whole, part) or any(  # the World Bank's "Latin America & Caribbean", named
                whole in place.alternatives and self.catalog.part_of(place.code, part) for place in said)  # as the UN's
            if holds and chosen.measure == "per_capita":
                return Operation.SHARE, chosen, [part, whole], None  # "South Asia's level as a percent of the
                # world's" GDP per head: that level against the other, never a share of another measure's total
            if holds:
                place = next((place for place in said if place.code == whole), None)
                wholes = [whole, *(place.alternatives if place else [])]  # the UN region, or the World Bank's
                totals = [self.catalog.get(code) for code in [chosen.derived_from] if code] + [
                    info for info in self.catalog.family_of(chosen.code) if info.derivation is None
                    and info.measure not in CARRIED_MEASURES and (info.transform, info.sex, info.age) == ("level", "total", None)]
                if period.projected:  # "según las proyecciones del INE": the census is no projection
                    totals.sort(key=lambda info: info.code not in self.catalog.projecting)
                for info in totals:
                    named = next((code for code in wholes if self.catalog.covers(info.code, [part, code], period)), None)
                    if named:
                        return Operation.SHARE, info, [part, named], None
                members = [member for group, member in self.catalog.memberships if group == whole]
                summed = [info for info in totals if info.unit_kind in ("count", "currency") and info.frequency == "A"
                          and part in members and self.catalog.covers(info.code, [part], period)
                          and sum(self.catalog.covers(info.code, [member], period) for member in members) > 1]
                # a sum of one member (Chile's census "in South America") is no whole
                if summed:
                    return Operation.SHARE, summed[0], [part], whole
        return operation, chosen, areas, None

    def _group_holding(self, understanding: Understanding, areas: list[str], group: str) -> tuple[list[str], str]:
        """"Central America, counting Mexico", "Mexico's rank among Central American countries": of the groups a
        name means (Centroamérica without Mexico, the UN's with it), the one holding the members named beside it."""
        place = next((place for place in [understanding.group, *understanding.places] if place and place.code == group),
                     None)
        said = [member.code for member in understanding.included]  # "(que incluye a México)"
        outside = [area for area in areas + said if not self.catalog.contains(group, area)]
        if not place or not outside or understanding.operation not in MEMBERS_COMPARED:
            return areas, group
        holding = next((other for other in place.alternatives
                        if all(self.catalog.contains(other, area) for area in outside)), None)
        if holding is None:
            return areas, group
        kept = [area for area in areas if area not in outside] if understanding.operation == Operation.COUNT else areas
        return kept, holding

    def _as_member(self, place: Place, member_kind: str | None) -> str:
        """The area of the members' kind a name means, or the one holding it: "leaving Santiago aside" among regions
        is the Metropolitan Region, never the comuna, which no ranking of regions holds."""
        if member_kind is None or self.catalog.area_kinds.get(place.code) == member_kind:
            return place.code
        return next((code for code in [*place.alternatives, *self.catalog.ancestors(place.code)]
                     if self.catalog.area_kinds.get(code) == member_kind), place.code)

    def _with_data(self, area: str, code: str, understanding: Understanding) -> str:
        """Of the areas sharing a name ("América Latina y el Caribe": UN region or World Bank aggregate),
        the first that has values for the indicator. A Chilean place named only as context ("Soy profe en Puente
        Alto. ¿Cuánto fue el desempleo?") of a series only the country has: the country's."""
        place = next((place for place in understanding.places if place.code == area), None)
        options = [area, *(place.alternatives if place else [])]
        if place and place.in_context and area.startswith("CL-") and (code, DEFAULT_AREA) in self.coverage:
            options.append(DEFAULT_AREA)
        return next((option for option in options if (code, option) in self.coverage), area)

    def _regrouped(self, understanding: Understanding, previous: QueryPlan) -> str | None:
        """The one place a follow-up names after a ranking of members, when it holds members of that kind."""
        if previous.operation != Operation.RANK or not previous.member_kind or understanding.topic_text \
                or understanding.group or len(understanding.places) != 1 or understanding.operation is not None:
            return None
        place = understanding.places[0].code
        return place if self.catalog.holds(place, previous.member_kind) else None

    def _areas(self, understanding: Understanding, previous: QueryPlan | None, outcome: PlanOutcome,
               conversation: Conversation) -> tuple[list[str], str | None]:
        new_areas = [place.code for place in understanding.places]
        group = understanding.group.code if understanding.group else None
        beside = next((plan.group_code for plan in conversation.turns[-1].also if plan.operation == Operation.AGGREGATE
                       and plan.group_code), None) if conversation.turns else None
        if beside and not group and understanding.operation in MEMBERS_COMPARED and not any(
                place.kind in GROUP_KINDS for place in understanding.places):  # "where does it rank in South America?"
            group = beside  # "where does Chile rank among them?", "ordénalos, ¿en qué lugar queda Chile?" after Chile
            # beside South America's average: within South America
        if previous is not None and previous.operation in (Operation.AGGREGATE, Operation.COUNT) and previous.group_code \
                and not new_areas and not group and OF_THEM.search(fold(understanding.question)):
            return [], previous.group_code  # "¿cuál de ellos era el más poblado?" after the sum of a group's members,
            # "which one of them was highest?" after a count of them
        if previous is not None and not new_areas and not group:  # "en cada uno": the last two answers' places,
            asked = fold(understanding.question)  # "the three": the last three's
            answers = 3 if lexicon().has_phrase(asked, lexicon().three_places) else \
                2 if lexicon().has_phrase(asked, lexicon().both_places) else 0
            plans = [turn.plan for turn in conversation.turns if turn.plan][-answers:] if answers else []
            if plans and all(plan.operation != Operation.RANK for plan in plans):  # "los tres con la más baja" after
                return list(dict.fromkeys(code for plan in plans for code in plan.area_codes)), None  # a top three: its group
            if lexicon().has_phrase(asked, lexicon().operations["sort_all"]) \
                    and previous.operation in (Operation.VALUE, Operation.LATEST):
                # "ordénalos" after Chile's figure, then Argentina's and Peru's: every place given that figure in a row
                alike = []
                for plan in reversed([turn.plan for turn in conversation.turns if turn.plan]):
                    if (plan.operation, plan.indicator_code, plan.period) != (previous.operation, previous.indicator_code,
                                                                             previous.period):
                        break
                    alike = plan.area_codes + alike
                return list(dict.fromkeys(alike)), None
        if previous is not None and previous.operation == Operation.RANK and previous.group_code and not previous.top_n \
                and understanding.operation == Operation.COUNT and not new_areas and not group:
            return [], previous.group_code  # "¿cuántos de esos países…?" after a whole group ranked: all its members,
            # never only those a long answer showed
        if previous is not None and previous.operation in (Operation.RANK, Operation.COUNT) and not new_areas \
                and not group and (shown := self._those_shown(understanding, conversation)):
            return shown, None  # "¿y el promedio simple de esos cinco países?" after a top five: of those five
        if previous is not None:
            asked = fold(understanding.question)  # "And Brazil? Which one spends more?", "¿y Uruguay? ¿cuál gasta más?"
            compare = bool(COMPARE_WORDS.intersection(asked.split())) or lexicon().has_phrase(
                asked, lexicon().both_places) or bool(WHICH_MORE.search(asked))
            if understanding.operation == Operation.AGGREGATE and not (new_areas or group) and len(previous.area_codes) == 1 \
                    and WHOLE_REGION.search(asked) and (region := self._region_of(previous.area_codes[0])) \
                    != previous.area_codes[0] and previous.operation in (Operation.VALUE, Operation.LATEST):
                return previous.area_codes, region  # "¿está sobre el promedio de la región?" after a comuna's figure
            if understanding.operation == Operation.POSITION and len(new_areas) == 1 and len(previous.area_codes) == 1 \
                    and not group and understanding.places[0].kind in GROUP_KINDS:
                return previous.area_codes, new_areas[0]  # "compared with the region? where does it rank in South America"
            shown = conversation.turns[-1].shown_areas if conversation.turns else []
            if THAT_AGAINST.search(asked) and previous.operation == Operation.RANK and len(shown) == 1 \
                    and (new_areas or group) and len(new_areas or [group]) == 1:
                return [*shown, *(new_areas or [group])], None  # "how does that compare with the LAC aggregate?" after
                # the Caribbean's lowest: that member beside it
            if (THAT_AGAINST.search(asked) or compare and not new_areas) and len(previous.area_codes) == 1 \
                    and (new_areas or group) and len(new_areas or [group]) == 1 \
                    and previous.operation in (Operation.VALUE, Operation.LATEST, Operation.AGGREGATE, Operation.SERIES,
                                               Operation.CHANGE):
                # "compáralo con el promedio de América Latina en el mismo periodo" after Peru's average: both; "compare
                # that with the LAC average in 2025" after Chile's last five years: Chile's too
                if group and understanding.operation == Operation.AGGREGATE:
                    return previous.area_codes, group  # "is it above the world average?", "compare with the world
                    # average": that average beside it
                return list(dict.fromkeys(previous.area_codes + (new_areas or [group]))), None
            if len(new_areas) == 1 and len(previous.area_codes) == 2 and compare and previous.operation in TWO_OPERANDS:
                return [previous.area_codes[0], *new_areas], None  # "and compared with Argentina?" after Brazil/Chile
            if (new_areas or group) and len(new_areas or [group]) == 1 and len(previous.area_codes) == 2 \
                    and OPENS_AGAINST.search(asked) \
                    and previous.operation in (Operation.VALUE, Operation.LATEST):
                return [previous.area_codes[0], *(new_areas or [group])], None  # "and against the LAC average?"
            if new_areas and compare:  # "How does Australia compare with the world average?": beside that average too
                return list(dict.fromkeys(previous.area_codes + new_areas)), \
                    group if understanding.operation == Operation.AGGREGATE else None
            if len(new_areas) == 1 and not group and understanding.cues.measure == "share" \
                    and previous.operation in (Operation.VALUE, Operation.LATEST) and len(previous.area_codes) == 1 \
                    and self.catalog.contains(previous.area_codes[0], new_areas[0]):
                return new_areas + previous.area_codes, None  # "¿y qué porcentaje de esa gente vive en Coyhaique?"
            answered = previous.area_codes if previous.operation in (Operation.VALUE, Operation.LATEST) else \
                shown if previous.operation == Operation.RANK and previous.top_n == 1 else []
            if len(new_areas) == 1 and not group and understanding.cues.measure == "share" and len(answered) == 1 \
                    and self.catalog.part_of(new_areas[0], answered[0]):
                return answered + new_areas, None  # "what % of the whole Valparaíso region is that?"; after the most
                # populous comuna, of that comuna
            if len(new_areas) == 1 and not group and previous.operation == Operation.SHARE \
                    and understanding.operation in (None, Operation.SHARE):
                # "and Peru?" after Chile's share of South America's GDP, "¿y Quilpué?" after Viña del Mar's of its region
                # ("¿cuántos son en total en Puente Alto?" asks no share again)
                if previous.group_code:
                    return new_areas, previous.group_code
                if len(previous.area_codes) == 2 and self.catalog.contains(previous.area_codes[1], new_areas[0]):
                    return new_areas + previous.area_codes[1:], None
            within = group or (new_areas[0] if len(understanding.places) == 1 and
                               understanding.places[0].kind in GROUP_KINDS else None)
            asks_position = understanding.operation == Operation.POSITION or (  # "¿y Chile?" after a position too
                understanding.operation is None and previous.operation == Operation.POSITION and not understanding.topic_text)
            if asks_position and understanding.member_kind and not (new_areas or group) and len(previous.area_codes) == 2:
                part, whole = previous.area_codes
                if self.catalog.contains(part, whole):
                    part, whole = whole, part
                if self.catalog.contains(whole, part) and self.catalog.holds(whole, understanding.member_kind):
                    return [part], whole  # "¿y en qué lugar queda entre las regiones?" after Antofagasta's part of Chile
            if within and new_areas in ([], [within]) and len(previous.area_codes) == 1 and asks_position:
                return previous.area_codes, within  # "how does that rank in South America?" after Chile's figure, "¿y
                # dentro de Sudamérica?" after its place in the world
            if len(new_areas) == 1 and not group and previous.group_code and asks_position:
                # "¿y en qué lugar queda Chile?" after South America's top, "¿y Chile?" after Peru's place there: in that group
                return new_areas, previous.group_code
            if regrouped := self._regrouped(understanding, previous):  # "¿y en la región de Coquimbo?" after the top
                return [], regrouped  # comunas of another region: the same ranking there, never the region's figure
            if new_areas or group:
                return new_areas, group
            if understanding.whole_group and previous.group_code:  # "¿y la región completa?" after its top comuna
                return [previous.group_code], None
            beside = previous.area_codes if compare or THAT_AGAINST.search(asked) or (  # "how does that compare
                understanding.cues.measure == "share" and lexicon().has_phrase(asked, lexicon().operations["share_of"])
            ) else []  # with the whole country?", "¿qué porcentaje es eso del total de la región?": the last answer's
            # places beside the whole
            if understanding.whole_group and re.search(r"\bregion\b", fold(understanding.question)) \
                    and len(previous.area_codes) == 1 and (region := self._region_of(previous.area_codes[0])) \
                    != previous.area_codes[0]:
                return [*beside, region], None  # "lo que necesito es la región entera, no solo la comuna": its region
            if understanding.whole_group and re.search(r"\bcomuna\b", fold(understanding.question)):
                # "la comuna, según el censo" after Santiago's comuna: that comuna again; after the region of Coquimbo,
                # the comuna of that name; after another region, which one?
                namesakes = next((turn.namesakes for turn in reversed(conversation.turns) if turn.plan), [])
                comunas = [code for code in previous.area_codes if self.catalog.area_kinds.get(code) == "cl_comuna"] or [
                    code for code in namesakes if self.catalog.area_kinds.get(code) == "cl_comuna"]
                return (comunas, None) if len(comunas) == 1 else ([], None)
            if understanding.whole_group and re.search(r"\b(?:provincia|province)\b", fold(understanding.question)) \
                    and len(previous.area_codes) == 1 and self.catalog.area_kinds.get(previous.area_codes[0]) == "cl_comuna" \
                    and (province := self.catalog.parents.get(previous.area_codes[0])):
                return [*beside, province], None  # "¿y la provincia completa?" after a comuna: its province
            if understanding.whole_group and WHOLE_COUNTRY.search(fold(understanding.question)) and previous.area_codes \
                    and all(code.startswith("CL-") for code in previous.area_codes):
                return [*beside, DEFAULT_AREA], None  # "¿y el PIB del país completo?" after a region's: Chile's
            answered = previous.area_codes[:1] if previous.operation == Operation.SHARE else previous.area_codes
            if understanding.member_kind and len(answered) == 1 and self.catalog.holds(
                    answered[0], understanding.member_kind):  # "¿y cuál es su comuna más poblada?" after
                return [], answered[0]  # a region's figure (or share): of its comunas, never the whole country's
            if understanding.names_last_place and len(previous.area_codes) > 1 and ONE_PLACE_POINTED.search(
                    fold(understanding.question)):  # "¿y la de ese país?" after two countries: which one?
                return [], None
            if understanding.names_last_place and (pointed := self._pointed_place(understanding, conversation)):
                members = understanding.member_kind or (previous.member_kind if understanding.operation in (
                    Operation.RANK, Operation.COUNT) else None)
                if members and self.catalog.holds(pointed, members):
                    return [], pointed  # "dame las cinco más grandes de esa región" after its top comuna: its comunas
                return [pointed], None  # "¿qué porcentaje de la región vive en esa comuna?" after the region: the comuna
            if understanding.names_last_place and understanding.member_kind and previous.group_code \
                    and self.catalog.holds(previous.group_code, understanding.member_kind):
                return [], previous.group_code  # "¿y cuántos países de esa región superan los 4 hijos?" after its top 3
            if understanding.names_last_place and previous.operation == Operation.RANK:  # "how many people live there?"
                shown = next((turn.shown_areas for turn in reversed(conversation.turns) if turn.plan), [])
                return (shown, None) if len(shown) == 1 else ([], None)  # after the top comuna: that comuna
            return previous.area_codes, previous.group_code
        talked_about = next((turn.shown_areas if turn.plan.operation == Operation.RANK else turn.plan.area_codes
                             for turn in reversed(conversation.turns) if turn.plan), [])
        last_plan = next((turn.plan for turn in reversed(conversation.turns) if turn.plan), None)
        if not new_areas and not group and not understanding.member_kind and len(talked_about) == 1 and (
                HAS_IT.search(fold(understanding.question)) or understanding.topic_text
                and self.family.restates(understanding, last_plan.indicator_code)):
            # "¿qué tasa de pobreza por ingresos tiene?" after a comuna (or the top comuna): that comuna's; "¿en qué año
            # alcanzó la DPT su máximo?" after Latin America's DPT coverage: the same measure, of the same place
            return talked_about, None
        if not new_areas and not group and not understanding.member_kind:
            outcome.notes.append(Note(key="assumed_chile"))
            return [DEFAULT_AREA], None
        if understanding.member_kind and not group:  # "las comunas de Valparaíso"; never a region "among regions"
            group = next((code for code in new_areas if (code == "CHL" or code.startswith("CL-"))
                          and self.catalog.area_kinds.get(code) != understanding.member_kind), None)
            new_areas = [code for code in new_areas if code != group]
            said_region = understanding.member_kind == "cl_comuna" and WHOLE_REGION.search(fold(understanding.question))
            if group is None and not new_areas and said_region and talked_about:
                group = self._region_of(talked_about[0])  # "¿cuántas comunas de la región…?" after one of its comunas
            if group is None and understanding.member_kind.startswith("cl_") and not new_areas:
                group = DEFAULT_AREA  # "las 3 regiones con más habitantes": Chile's
        return new_areas, group

    @staticmethod
    def _those_shown(understanding: Understanding, conversation: Conversation) -> list[str]:
        """The places of the last ranking that "esos cinco países", "those countries" point at: all it showed, when
        the number said (if any) is how many it showed."""
        asked = fold(understanding.question)
        pointed = THOSE_SHOWN.search(asked) or AMONG_SHOWN.search(asked) or THOSE_FEW.search(asked)
        shown = next((turn.shown_areas for turn in reversed(conversation.turns) if turn.plan), [])
        if pointed is None or len(shown) < 2:
            return []
        said = pointed[1] and (int(pointed[1]) if pointed[1].isdigit() else NUMBER_WORDS.get(pointed[1]))
        return shown if said in (None, len(shown)) else []

    def _pointed_place(self, understanding: Understanding, conversation: Conversation) -> str | None:
        """The place "esa comuna", "that country" points at when the last answer was about a place of another kind:
        the latest one of that kind the conversation answered about."""
        pointed = POINTED_KIND.search(fold(understanding.question))
        if pointed is None:
            return None
        kind = POINTED_KINDS[pointed[1]]
        last = conversation.turns[-1].plan.area_codes if conversation.turns[-1].plan else []
        if any(self.catalog.area_kinds.get(code) == kind for code in last):
            return None
        for turn in reversed(conversation.turns):
            codes = [*turn.plan.area_codes, *filter(None, [turn.plan.group_code])] if turn.plan else []
            of_kind = [code for code in codes if self.catalog.area_kinds.get(code) == kind]
            if len(of_kind) == 1:  # a ranking's group too: "esa región" after the top comuna of one
                return of_kind[0]
        return None

    def _operation(self, understanding: Understanding, previous: QueryPlan | None, period: PeriodSpec,
                   group: str | None) -> Operation:
        counted_again = previous is not None and (previous.operation == Operation.COUNT or (
            previous.operation == Operation.RANK and previous.member_kind and HOW_MANY.search(fold(understanding.question))))
        if counted_again and understanding.threshold is not None \
                and understanding.operation in (None, Operation.FIRST_MEETING, Operation.COUNT) \
                and not (understanding.topic_text or understanding.places) and not lexicon().has_phrase(
                    fold(understanding.question), lexicon().operations["first_meeting"]):
            return Operation.COUNT  # "¿y sobre 15 %?", "and how many were under 3%?" after a count (or a ranking
            # of members): counted anew
        if understanding.operation == Operation.CHANGE and previous is not None and previous.operation == Operation.AGGREGATE \
                and previous.group_code is None and understanding.continues and not understanding.topic_text \
                and understanding.period.end is None and not lexicon().has_phrase(
                    fold(understanding.question), lexicon().operations["change"]):
            return Operation.AGGREGATE  # "¿y desde 2010 hasta el último dato?" after an average: that average, longer
        if understanding.operation == Operation.SERIES and previous is not None \
                and (previous.operation in (Operation.AGGREGATE, Operation.CHANGE) or previous.operation ==
                     Operation.WHICH_PERIOD and lexicon().has_phrase(fold(understanding.question), list(SPAN_WORDS))) \
                and previous.group_code is None \
                and understanding.continues and not understanding.topic_text and not lexicon().has_phrase(
                    fold(understanding.question), [phrase for phrase in lexicon().operations["series"]
                                                   if phrase not in SPAN_WORDS]):
            return previous.operation  # "¿y entre 2020 y 2024?" after an average (a change, a highest year): that
            # average over those years
        if understanding.operation is not None:
            return understanding.operation
        if previous is not None and previous.operation == Operation.SERIES and not (
                understanding.topic_text or understanding.places) and POINTS_ASKED.search(fold(understanding.question)):
            return Operation.CHANGE  # "so how many percentage points is that?" after a span's figures: from its first
            # to its last
        if previous is not None and not understanding.topic_text and SAME_CALCULATION.search(fold(understanding.question)):
            return previous.operation  # "compáralo con América Latina, mismo cálculo" after an average: that average
        if previous is not None and previous.operation in (Operation.CHANGE, Operation.AGGREGATE) \
                and understanding.period in (PeriodSpec(), PeriodSpec(same_part=True)) \
                and SAME_SPAN.search(fold(understanding.question)):
            return previous.operation  # "¿y el del país en el mismo período?" after a change: that change
        if previous is not None and previous.operation == Operation.COUNT and understanding.order \
                and not understanding.topic_text and re.search(r"\b(?:cual|quien|which|who)\b", fold(understanding.question)):
            return Operation.RANK  # "¿y de los siete cuál tuvo la más baja?" after a count: the lowest of them
        if previous is not None and previous.operation in (Operation.WHICH_PERIOD, Operation.FIRST_MEETING) \
                and understanding.period.shift_months == 0:
            return Operation.VALUE  # "¿y la de Perú ese año?" after the year Chile's peaked: Peru's figure that year
        if previous is not None and previous.operation == Operation.WHICH_PERIOD and understanding.period.latest:
            return Operation.LATEST  # "¿y cuánto tiene ahora?" after the year it peaked: the newest figure
        two_measures_there = previous is not None and previous.second_indicator_code is not None \
            and len(previous.area_codes) == 1 and len(understanding.places) == 1  # "And for Latin America & Caribbean
        # as a whole?" after women's minus men's life expectancy in Chile: that gap there
        if (understanding.whole_group and previous is not None and previous.operation in (*MEMBERS_COMPARED, *TWO_OPERANDS)
                and not two_measures_there) or (
                understanding.names_last_place and previous is not None and previous.operation == Operation.RANK):
            previous = None  # "¿y la región completa?", "how many live there?" after its top comuna: one place's figure
            # ("and the world as a whole?" after a change: that change)
        if previous is not None and previous.operation in (Operation.RATIO, Operation.DIFFERENCE) \
                and len(understanding.places) == 2 and understanding.cues.measure == "share" \
                and lexicon().has_phrase(fold(understanding.question), lexicon().operations["share_of"]):
            previous = None  # "what share of the region's total is Brazil?" after a ratio: a part of a whole, read anew
        if previous is not None and previous.operation in (Operation.DIFFERENCE, Operation.RATIO) \
                and len(previous.area_codes) == 2 and previous.second_indicator_code is None \
                and len(understanding.places) == 1 and understanding.places[0].code not in previous.area_codes \
                and ELLIPSIS.match(fold(understanding.question)) and understanding.operation is None:
            previous = None  # "¿y la de Argentina en 2022?" after Uruguay's inflation minus Chile's: Argentina's own
        if previous is not None and previous.operation == Operation.COUNT and understanding.places and not any(
                self.catalog.holds(place.code, previous.member_kind) for place in understanding.places):
            previous = None  # "¿y Chile cuánto tuvo?" after a count of countries: Chile's own figure
        if previous is not None and previous.operation in KEPT_BY_FOLLOW_UPS and not understanding.topic_text and not (
                previous.operation == Operation.FIRST_MEETING and not understanding.period.unstated):
            return previous.operation  # "¿y en 2015?" after a difference: the same difference, another year (after
            # a first crossing, that year's figure)
        if previous is not None and previous.operation in (Operation.POSITION, Operation.WHICH_PERIOD) \
                and understanding.continues and not understanding.places and understanding.period.unstated:
            return previous.operation  # "¿y en esperanza de vida?" after Chile's place in GDP: its place in that
        if previous is not None and previous.operation == Operation.AGGREGATE and previous.group_code is None \
                and not understanding.topic_text and not group and (not understanding.places or (
                    len(previous.area_codes) <= 1 and understanding.continues and (
                        understanding.period.unstated or understanding.period == PeriodSpec(same_part=True)
                        or understanding.period.end not in (None, understanding.period.start)))):
            # "¿y en octubre?" after March's average copper price: October's average; "¿y el de Colombia en el
            # mismo periodo?" after Peru's average over ten years: Colombia's over those years, "and Brazil
            # 2000-2009?" over those
            return Operation.AGGREGATE
        if previous is not None and previous.operation == Operation.CHANGE and (
                understanding.period.unstated or understanding.period == PeriodSpec(same_part=True) or _year_on_year(
                    previous) and understanding.period == PeriodSpec(month=understanding.period.month) or (
                    understanding.continues and understanding.period.start is not None
                    and understanding.period.end not in (None, understanding.period.start))) \
                and not understanding.topic_text:
            return Operation.CHANGE  # "¿y en Grecia?" after a fall between two years: its fall, those years; "what
            # about from 2022 to 2023?": the change over those
        if previous is not None and previous.operation == Operation.SHARE and not understanding.member_kind and (
                understanding.cues.measure == "share" or OF_ANOTHER.match(fold(understanding.question))
                or not understanding.places and all(SOURCE_WORD.fullmatch(word) for word in understanding.topic_text.split())):
            # ("¿y con la proyección del INE del año pasado?" after the census share: the projections' share)
            return Operation.SHARE  # "and its share of the region's GDP?", "and of its population?" after a share
        if previous is not None and previous.operation == Operation.AGGREGATE and previous.group_code is not None \
                and not (understanding.member_kind or understanding.order) and all(
                    PROJECTED.fullmatch(word) or SOURCE_WORD.fullmatch(word) for word in understanding.topic_text.split()) \
                and all(place.kind in GROUP_KINDS for place in understanding.places):
            return Operation.AGGREGATE  # "what about in 2019?", "¿y en el Mercosur?" after the G7's average: an average
            # ("¿y cuánto proyecta el INE para la región en 2030?" after its comunas' sum: that sum, projected)
        if group or understanding.member_kind or (previous is not None and previous.operation == Operation.RANK
                                                  and previous.member_kind and not understanding.places):
            return Operation.RANK  # "and in 2000?" after the world's top five: the world's, then
        if previous is not None and not understanding.places and (understanding.period == PeriodSpec() or (
                understanding.period.shift_months is not None and previous.operation != Operation.LATEST)):
            return previous.operation  # "and the same month a year earlier?" after a change: that change, moved
        if period.latest or period.earliest or period.unstated:
            return Operation.LATEST
        if period.is_single_year:
            return Operation.VALUE
        return Operation.SERIES

    def _to_latest(self, chosen: IndicatorInfo, areas: list[str], period: PeriodSpec) -> PeriodSpec:
        """A change "desde 2020" ends at the newest observed period all places have (never a projection): that
        month of a sub-annual series, from the first month asked (January when only a year is)."""
        lasts = [self.catalog.last_observed.get((chosen.code, area)) or self.catalog.coverage.get((chosen.code, area), ("", None))[1]
                 for area in areas]
        if not lasts or None in lasts:
            return period
        last = min(lasts)
        if chosen.frequency in ("M", "D") and len(last) >= 7:
            return period.model_copy(update={"end": int(last[:4]), "month": period.month or 1, "month_end": int(last[5:7])})
        if chosen.annual_aggregation == "sum" and chosen.frequency == "Q" and not last.endswith("Q4"):
            return period.model_copy(update={"end": int(last[:4]) - 1})  # a yearly sum needs the whole year
        return period.model_copy(update={"end": int(last[:4])})

    def _within_year_to_date(self, base: str, period: PeriodSpec) -> PeriodSpec | None:
        """The one period whose year-to-date rate a change within a year asks for: the later month of two in one
        year, or the year still under way ("so far in 2026"); None when the change spans years."""
        member = next((info for info in self.catalog.family_of(base) if info.transform == "year_to_date"), None)
        if member is None or period.start is None:
            return None
        if period.end == period.start and period.month_end:
            return period.later_end
        newest = max((last for (code, _), last in self.catalog.last_observed.items() if code == member.code), default="")
        if period.end is None and not period.month and newest[:4] == str(period.start):
            return PeriodSpec(start=period.start, end=period.start)
        return None

    def _so_far(self, chosen: IndicatorInfo, areas: list[str], period: PeriodSpec) -> PeriodSpec:
        """"Inflación acumulada en lo que va de 2026": a year-to-date measure of a year still under way is its newest
        month, the change so far (a whole year is December's); from January to a later month of one year ("el
        primer semestre"), that month's."""
        if chosen.transform == "year_to_date" and period.is_single_year and period.month == 1 and period.month_end:
            return period.later_end
        if chosen.transform != "year_to_date" or not period.is_single_year or period.month or len(areas) != 1:
            return period
        last = self.catalog.last_observed.get((chosen.code, areas[0])) or ""
        if last[:4] != str(period.start) or len(last) < 7:
            return period
        return period.model_copy(update={"month": int(last[5:7])})

    @staticmethod
    def _in_series_periods(chosen: IndicatorInfo, period: PeriodSpec, outcome: PlanOutcome) -> PeriodSpec:
        """Quarters as the series publishes them: INE's rolling quarter July–September is September's value ("desempleo
        del tercer trimestre", "sep-nov 2022"); April–June of a quarterly series is its second quarter; the 1st of a month,
        the row a monthly series dates that day."""
        three_months = period.month and period.month_end and period.start is not None and period.end is not None and (
            (period.end * 12 + period.month_end) - (period.start * 12 + period.month) == 2)
        if chosen.rolling_quarter and period.quarter and period.start is not None:
            outcome.notes.append(Note(key="rolling_quarter"))
            return period.model_copy(update={"month": 3 * period.quarter, "quarter": None, "quarter_end": None,
                                             "month_end": 3 * period.quarter_end if period.quarter_end else None})
        if chosen.rolling_quarter and three_months:
            outcome.notes.append(Note(key="rolling_quarter"))
            return PeriodSpec(start=period.end, end=period.end, month=period.month_end)
        if period.year_end and chosen.frequency in ("A", "Q"):  # "a fines de 2024": its year, or its last quarter
            return period.model_copy(update={"month": None, "year_end": False,
                                             "quarter": 4 if chosen.frequency == "Q" else None})
        if chosen.frequency == "Q" and three_months and period.month % 3 == 1:
            return PeriodSpec(start=period.start, end=period.start, quarter=(period.month + 2) // 3)
        if period.day and chosen.frequency != "D":  # "la UF del 1 de marzo": the row dated that day, said so
            outcome.notes.append(Note(key="first_of_month"))
            return period.model_copy(update={"day": None})
        return period

    def _source_notes(self, chosen: IndicatorInfo, fitting: list[IndicatorInfo], areas: list[str]) -> list[Note]:
        """Name the other source when two measure the same thing (INE vs ILO-modelled unemployment)."""
        if not areas:  # a group's members: the note would name one place's series
            return []
        same_measure = ("measure", "transform", "sex", "age")
        other = next((info for info in fitting[1:] if bool(info.official_for) != bool(chosen.official_for)
                      and all(getattr(info, f) == getattr(chosen, f) for f in same_measure)
                      and self.catalog.covers(info.code, areas, PeriodSpec())), None)  # fmt: skip
        if other is None:
            return []
        return [Note(key="other_source", params={"code": other.code, "name_es": other.name_es, "name_en": other.name_en})]
