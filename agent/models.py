"""The typed values passed between the agent's stages (see agent/pipeline.py for the flow)."""

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

Language = Literal["es", "en"]
Status = Literal["ok", "no_data", "clarify", "refused", "error"]


class Operation(StrEnum):
    VALUE = "value"  # one figure per place and period
    SERIES = "series"  # values over a range of periods
    RANK = "rank"  # top-N members of a group
    CHANGE = "change"  # between two periods, absolute and %
    AGGREGATE = "aggregate"  # average / min / max / sum over periods or over places
    FIRST_MEETING = "first_meeting"  # first or last period where a condition holds
    LATEST = "latest"  # most recent available value
    WHICH_PERIOD = "which_period"  # the period where a series is highest (order desc) or lowest (asc)
    POSITION = "position"  # a place's position when its group's members are ranked
    COUNT = "count"  # how many members of a group meet a threshold
    PERIOD_COUNT = "period_count"  # how many periods of a place's series meet a threshold
    DIFFERENCE = "difference"  # first operand minus the second: two places, two measures, or women and men
    RATIO = "ratio"  # first operand divided by the second
    SHARE = "share"  # the first place's value as a percent of the second's, an area containing it


TWO_OPERANDS = (Operation.DIFFERENCE, Operation.RATIO, Operation.SHARE)
PLANNED_ONLY = (Operation.SHARE,)  # chosen in code from the places and the metadata, never read from the words


class PeriodSpec(BaseModel):
    """What the question says about time; years are inclusive bounds."""

    start: int | None = None
    end: int | None = None
    latest: bool = False
    earliest: bool = Field(False, description="'the earliest year you have', 'el dato más antiguo': the series' first "
                                              "value.")
    last_n_years: int | None = Field(None, description="'la última década': resolved against the data's last year.")
    last_n_months: int | None = Field(None, description="'los últimos 12 meses': the months up to the series' newest "
                                                        "period (its quarters or year, for a quarterly or yearly one).")
    month: int | None = None
    month_end: int | None = Field(None, description="A month range: from ``month`` of ``start`` to this month of ``end``.")
    quarter: int | None = None
    year_end: bool = Field(False, description="'a fines de 2024': December of a monthly series, the fourth quarter of "
                                              "a quarterly one, the year of a yearly one.")
    quarter_end: int | None = Field(None, description="A quarter range: from ``quarter`` of ``start`` to this quarter "
                                                      "of ``end``.")
    day: int | None = Field(None, description="A day of ``month``: one value of a daily series (the copper price).")
    day_end: int | None = Field(None, description="A change between two days of a daily series: from ``day`` of "
                                                  "``month`` of ``start`` to this day of ``month_end`` of ``end``.")
    projected: bool = Field(False, description="Asks for projections: the latest is the current year's projection.")
    shift_months: int | None = Field(None, description="A follow-up's period relative to the previous one's, in months: "
                                                       "-1 'el mes anterior', 12 'un año después'.")
    shift_own: bool = Field(False, description="'¿y el anterior?', 'the one before that': ``shift_months`` counts "
                                               "periods of the answered series (years of a yearly one), not months.")
    shift_days: int | None = Field(None, description="A follow-up's day relative to the previous answer's day: -1 'el "
                                                     "día anterior', 1 'the next day'.")
    same_part: bool = Field(False, description="'el mismo trimestre de 2021': the previous period's month or quarter, "
                                               "in the years named.")
    since_previous: bool = Field(False, description="'¿cuánto cambió desde entonces?': from the previous answer's "
                                                    "period to the newest value.")
    until_previous: bool = Field(False, description="'entre 2017 y ese año': from ``start`` to the previous answer's "
                                                    "period.")

    @property
    def unstated(self) -> bool:
        """Names no period (asking for projections aside): the operation is "the latest"."""
        return self.model_copy(update={"projected": False}) == PeriodSpec()

    @property
    def refers_back(self) -> bool:
        """Named from the previous answer's period ("desde entonces", "entre 2017 y ese año", "el mes anterior"): the
        question follows that answer."""
        return self.since_previous or self.until_previous or self.shift_months is not None or self.shift_days is not None \
            or self.same_part

    @property
    def later_end(self) -> "PeriodSpec":
        """The period's later end alone: April 2024 of "abril de 2023–abril de 2024", 2020 of 2020."""
        year = self.end or self.start
        return PeriodSpec(start=year, end=year, month=self.month_end or self.month,
                          quarter=self.quarter_end or self.quarter)

    @property
    def is_single_year(self) -> bool:
        return self.start is not None and self.start == self.end

    @property
    def is_two_years(self) -> bool:
        """Two whole years one after the other ("¿más caro el 2023 o el 2024?")."""
        return self.start is not None and self.end == self.start + 1 and not (
            self.month or self.quarter or self.day or self.latest or self.last_n_years)


class Place(BaseModel):
    code: str
    name_es: str
    name_en: str
    kind: str
    matched: str = Field(description="The words of the question that named it.")
    said_again: list[str] = Field(default_factory=list, description="Other words naming it later in the question "
                                                                    "('Estados Unidos … EE.UU.').")
    alternatives: list[str] = Field(default_factory=list, description="Other areas with the same name, by priority.")
    namesakes: list[str] = Field(default_factory=list, description="Those of them of the same kind ('Congo': two "
                                                                   "countries): which one is meant is asked.")
    level_asked: str | None = Field(None, description="'la comuna de Ñuble': the kind the words before the name ask "
                                                     "for, where no area of that name is of it.")
    in_context: bool = Field(False, description="Named only in a sentence before the question ('Soy profe en Puente "
                                                "Alto. ¿Cuánto fue el desempleo?'): where the series has no data "
                                                "for it, the country's figure is asked.")


class IndicatorCandidate(BaseModel):
    code: str
    name_es: str
    name_en: str
    score: float


class VariantCues(BaseModel):
    """Attributes the question asks for explicitly ("per cápita", "en dólares", "según el INE")."""

    measure: str | None = None
    price_basis: str | None = None
    currency: str | None = None
    transform: str | None = None
    sex: str | None = None
    age: str | None = None
    adjustment: Literal["original", "seasonally_adjusted"] | None = None
    source: Literal["national", "international"] | None = None


class VariantPair(BaseModel):
    """Two values of one variant named as a difference's or ratio's operands, in the order they divide or subtract
    ("mujeres y hombres"; "mayores de 65 por cada niño": the aged over the children; "original series vs seasonally
    adjusted")."""

    field: Literal["sex", "age", "adjustment"]
    values: tuple[str, str]


class Understanding(BaseModel):
    """Everything read from one question, before any choice is made."""

    question: str
    language: Language
    places: list[Place] = []
    group: Place | None = None
    excluded: list[Place] = Field([], description="Places left out of a group ('sin contar la Región Metropolitana').")
    included: list[Place] = Field([], description="Members a parenthesis says the group includes ('que incluye a "
                                                  "México'): they say which group, and are no places asked.")
    among: list[Place] = Field([], description="Places named one by one that a position is counted among "
                                               "('ordenando España, Portugal e Italia, ¿en qué lugar queda Italia?').")
    period: PeriodSpec = PeriodSpec()
    cues: VariantCues = VariantCues()
    operation: Operation | None = None
    member_kind: str | None = None
    top_n: int | None = None
    order: Literal["desc", "asc"] | None = Field(None, description="The end named ('la más baja'), if any.")
    aggregate: Literal["avg", "min", "max", "sum"] | None = None
    threshold: tuple[Literal[">", "<", ">=", "<="], float] | None = None
    number_alone: float | None = Field(None, description="'¿y los 40 mil?': a number said alone in a follow-up, the last "
                                                         "condition's new value.")
    threshold_percent: bool = Field(False, description="'sobre 5 %': the condition is a percentage.")
    threshold_reached: bool = Field(False, description="'¿en qué año llegó a 0 %?': a line reached, from either side.")
    per_period: bool = Field(False, description="'mes a mes': each month or quarter, not yearly figures.")
    per: int | None = Field(None, description="'¿cuántos de 65 o más hay por cada 100 menores de 15?': a ratio per "
                                              "that many of its second operand.")
    rate_changed: bool = Field(False, description="'¿cuánto bajó la inflación entre diciembre de 2022 y diciembre de "
                                                  "2023?': the change of a rate the topic names, never the later rate.")
    unknown_place: str | None = Field(None, description="A name used as a place that no area has ('Marte').")
    continues: bool = Field(False, description="Starts like a follow-up ('¿y …?', 'and …').")
    names_last_place: bool = Field(False, description="'there', 'ahí', 'esa comuna': the place the last answer showed.")
    whole_group: bool = Field(False, description="'¿y la región completa?' after a ranking: the group itself, not its members.")
    topic_text: str = Field("", description="What is left once places, periods and cues are removed.")
    unsupported: str | None = Field(None, description="Words of an operation no plan can express ('cuántos países' without a threshold).")
    several: bool = Field(False, description="The unsupported words are only measures (or two sexes or age groups) "
                                             "listed side by side: 'población y esperanza de vida': each is answered.")
    judgement: Literal["best", "worst"] | None = Field(None, description="'el peor año', 'the best countries': an "
                                                                          "order that depends on the measure's polarity.")
    judgement_words: str | None = None
    beyond_algebra: bool = Field(False, description="The unsupported words ask for an operation the algebra lacks "
                                                    "('¿en cuántos meses…?') or an age no series has ('at age 65'): "
                                                    "no parser can read it.")
    named_operation: Operation | None = Field(
        None, description="The operation its words name ('cuántas veces': ratio), even when the question lacks what it needs.")
    operation_words: str | None = Field(None, description="The words that named a two-operand operation ('brecha entre').")
    pair: VariantPair | None = Field(None, description="Two sexes or age groups as the operands ('mujeres y hombres').")
    rate_of: VariantPair | None = Field(
        None, description="Two groups a measure's name divides ('hombres por cada 100 mujeres'), not two operands.")
    second_topic: str = Field("", description="A second measure named ('importaciones y exportaciones').")
    second_candidates: list[IndicatorCandidate] = []
    second_cues: VariantCues | None = Field(
        None, description="The second measure's own cues where they differ ('el PIB y su crecimiento': growth).")
    candidates: list[IndicatorCandidate] = []
    named_amounts: list[float] = Field([], description="Amounts that name the measure ('US$3,00 diarios', 'PPA 2021').")
    units_asked: float | None = Field(None, description="'¿cuánto son 50 UF en pesos?': that many of the unit the "
                                                        "measure values, converted.")
    model_codes: list[str] = Field([], description="The indicators the model read the question as naming, in their roles.")
    hostile: bool = False
    too_long: bool = False

    @property
    def sexes(self) -> tuple[str, str] | None:
        return self.pair.values if self.pair and self.pair.field == "sex" else None

    @property
    def says_something(self) -> bool:
        """A follow-up without a topic must still change something: a place, a period, a cue, an operation."""
        return bool(self.places or self.group or self.excluded or self.period != PeriodSpec() or self.cues != VariantCues()
                    or self.operation or self.top_n or self.aggregate or self.threshold or self.per_period
                    or self.member_kind or self.order is not None or self.judgement is not None or self.whole_group
                    or self.number_alone is not None)


class QueryPlan(BaseModel):
    """A question fully resolved: compiled to SQL in code, never written by the model."""

    operation: Operation
    indicator_code: str
    area_codes: list[str] = []
    group_code: str | None = None
    member_kind: str | None = Field(None, description="Kind of area ranked within the group: country, cl_region, …")
    excluded_codes: list[str] = Field([], description="Members left out of the group ('excluding Chile').")
    member_codes: list[str] = Field([], description="Members named one by one, in place of a group ('of Spain, "
                                                    "Portugal and Italy').")
    period: PeriodSpec = PeriodSpec()
    top_n: int | None = None
    order: Literal["desc", "asc"] = "desc"
    aggregate: Literal["avg", "min", "max", "sum"] | None = None
    threshold: tuple[Literal[">", "<", ">=", "<="], float] | None = None
    crossing: bool = Field(False, description="'¿en qué año llegó la pobreza a 0 %?': the first period the value "
                                              "reaches the threshold from the side its first value is on.")
    per_period: bool = Field(False, description="Show each month or quarter rather than yearly figures.")
    alternatives: list[str] = Field(default_factory=list, description="Sibling or other-source indicators worth naming.")
    second_indicator_code: str | None = Field(
        None, description="A difference's or ratio's second measure; without it, the two operands are two places.")
    per: int | None = Field(None, description="A ratio per that many of the second operand ('por cada 100'): the "
                                              "quotient is multiplied by it.")
    times: float | None = Field(None, description="How many of a unit of account (UF, UTM) are converted: each value "
                                                  "is multiplied by it.")
    verdict: bool = Field(False, description="'¿cuál es mayor?' of two places or two measures: the answer says which one is higher.")

    @property
    def over_years(self) -> bool:
        """Members compared by their average (sum, min, max) over a span of years, not by one year's value: "the
        highest average growth from 2015 to 2024"."""
        return self.aggregate is not None and self.operation in (Operation.RANK, Operation.POSITION, Operation.COUNT) \
            and self.period.start is not None and (self.period.end or self.period.start) > self.period.start

    @property
    def indicator_codes(self) -> list[str]:
        return [self.indicator_code] + ([self.second_indicator_code] if self.second_indicator_code else [])


class Value(BaseModel):
    indicator: str
    area: str
    area_name: str
    period: str
    value: float
    unit: str


class Citation(BaseModel):
    publisher: str
    dataset: str
    indicator: str
    indicator_name: str
    license: str
    vintage: str | None
    url: str


class Chart(BaseModel):
    kind: Literal["line", "bar"]
    x: str
    y: str
    color: str | None = None


class Turn(BaseModel):
    question: str
    plan: QueryPlan | None = None
    also: list[QueryPlan] = Field(default_factory=list, description="The further measures answered beside ``plan``.")
    shown_areas: list[str] = Field(default_factory=list, description="The places an answer showed values for (a "
                                   "ranking's top member): what 'there' names next.")
    shown_periods: list[str] = Field(default_factory=list, description="The periods an answer showed values for (the "
                                     "year a highest value fell in): what 'ese año' names next.")
    tried: QueryPlan | None = Field(None, description="The plan of a question read but with no data (2040 of a "
                                    "projection to 2035): what a follow-up of it may keep.")
    named_areas: list[str] = Field(default_factory=list, description="The places the question named, answered or "
                                   "not: a follow-up to one not answered may not leave them out.")
    namesakes: list[str] = Field(default_factory=list, description="Other areas of a named place's name (the comuna "
                                 "of Coquimbo, after its region): what 'la comuna' names next.")
    language: Language = "es"


class Conversation(BaseModel):
    turns: list[Turn] = []

    @property
    def last_plan(self) -> QueryPlan | None:
        return next((turn.plan for turn in reversed(self.turns) if turn.plan), None)

    def up_to_first_answer(self) -> "Conversation":
        """The conversation as it stood after its first answer: "volviendo a la primera cifra…" continues from there."""
        first = next((number for number, turn in enumerate(self.turns) if turn.plan), len(self.turns))
        return Conversation(turns=self.turns[:first + 1])

    @property
    def last_two_plans(self) -> list[QueryPlan]:
        """The plans of the last two answers, oldest first (fewer if fewer were answered): a turn that answered two
        measures at once (women's and men's unemployment) gives both."""
        return [plan for turn in self.turns if turn.plan for plan in (turn.plan, *turn.also)][-2:]


class Understood(BaseModel):
    """What was computed, in words a reader can check: the operation, the measure (and the series it is
    derived from), the places, the period, and who read the question (rules or the model)."""

    operation: str
    indicator: str
    indicator_name: str
    derived_from: str | None = None
    derived_from_name: str | None = None
    second_indicator: str | None = Field(None, description="A difference's or ratio's second measure.")
    second_indicator_name: str | None = None
    places: list[str] = []
    group: str | None = None
    period: PeriodSpec = PeriodSpec()
    parser: Literal["rules", "model", "correction", "confirmed", "sql_fallback"] = "rules"
    text: str = Field("", description="'Entendí: …' in the user's language.")


class ReadingOption(BaseModel):
    """Another plausible reading of the question, offered as one click: the other source, a sibling measure,
    another place with the same name; or, when Cifra asks back, each thing it can answer instead (each measure
    separately, their difference). Choosing it runs ``plan`` as it is."""

    kind: Literal["indicator", "place", "operation"]
    label: str
    plan: QueryPlan


class Answer(BaseModel):
    status: Status
    language: Language
    answer: str
    headline: str | None = Field(None, description="The main figure, formatted for the locale, millions in words.")
    headline_exact: str | None = Field(None, description="The main figure with every digit.")
    values: list[Value] = []
    sql: str | None = None
    columns: list[str] = []
    rows: list[list] = []
    citations: list[Citation] = []
    plan: QueryPlan | None = None
    understood: Understood | None = None
    options: list[ReadingOption] = []
    chart: Chart | None = None
    notes: list[str] = []
    timings_ms: dict[str, float] = {}
    llm_calls: int = 0
    parts: list["Answer"] = Field(default_factory=list, description="A question asking for several measures: each one's "
                                                                    "answer, with its own SQL, rows and source; the "
                                                                    "fields above join them.")


class Note(BaseModel):
    """Something the answer must tell the user, rendered from agent/messages.yaml in their language."""

    key: str
    params: dict[str, str] = {}


class PlanOutcome(BaseModel):
    status: Status = "ok"
    plan: QueryPlan | None = None
    reason: str | None = None
    params: dict[str, str] = {}
    suggestions: list[str] = []
    notes: list[Note] = []
    llm_calls: int = 0
    parser: Literal["rules", "model"] = "rules"
    contested: str | None = Field(None, description="The family the rules would have read where the model chose "
                                                    "another: both readings are asked back, neither is answered.")
    options: list[QueryPlan] = Field(default_factory=list, description="When asking back: what can be answered instead.")
    also: list[QueryPlan] = Field(default_factory=list, description="Further measures asked in the same question "
                                                                   "('población y esperanza de vida'), answered after ``plan``.")
