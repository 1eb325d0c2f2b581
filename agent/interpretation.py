"""What Cifra understood, from the plan: shown above every answer ("Entendí: …") and kept in the JSON
(``Answer.understood``), so a misreading is visible before anyone trusts the figure."""

from agent.answer import condition_said, message, period_label, times_named
from agent.formatting import number
from agent.indicators import IndicatorCatalog
from agent.models import TWO_OPERANDS, Language, Operation, PeriodSpec, QueryPlan, ReadingOption, Understanding, Understood

MAX_OPTIONS = 4


READ_AT_THE_LATEST = (Operation.LATEST, Operation.POSITION, Operation.COUNT, Operation.RANK, *TWO_OPERANDS)


def _period(period: PeriodSpec, operation: Operation, language: Language) -> str:
    if period.earliest and operation == Operation.LATEST:
        return message("understood_earliest", language)
    if period.latest or (operation in READ_AT_THE_LATEST and period.unstated):
        return message("understood_latest_projected" if period.projected else "understood_latest", language)
    if period.start is None and period.end is None:
        return message("understood_last_years", language, years=period.last_n_years) if period.last_n_years \
            else message("understood_last_months", language, months=period.last_n_months) if period.last_n_months \
            else message("understood_all_periods", language)
    if period.day and period.day_end and period.month and period.month_end and period.start and period.end:
        first = period_label(f"{period.start:04d}-{period.month:02d}-{period.day:02d}", language)
        return f"{first}–{period_label(f'{period.end:04d}-{period.month_end:02d}-{period.day_end:02d}', language)}"
    if period.month and period.month_end and period.start and period.end:
        first = period_label(f"{period.start:04d}-{period.month:02d}", language)
        return f"{first}–{period_label(f'{period.end:04d}-{period.month_end:02d}', language)}"
    if period.day and period.month and period.start:
        return period_label(f"{period.start:04d}-{period.month:02d}-{period.day:02d}", language)
    if period.month and period.start:
        month = period_label(f"{period.start:04d}-{period.month:02d}", language)
        return month if period.end else message("span_from", language, start=month)
    if period.quarter and period.quarter_end and period.start and period.end:
        first = period_label(f"{period.start:04d}-Q{period.quarter}", language)
        return f"{first}–{period_label(f'{period.end:04d}-Q{period.quarter_end}', language)}"
    if period.quarter and period.start:
        return period_label(f"{period.start:04d}-Q{period.quarter}", language)
    if period.start == period.end:
        return str(period.start)
    return f"{period.start or '…'}–{period.end or '…'}"


def understood(plan: QueryPlan, catalog: IndicatorCatalog, area_names: dict[str, str], language: Language,
               parser: str) -> Understood:
    info = catalog.get(plan.indicator_code)
    places = [area_names.get(code, code) for code in plan.area_codes]
    if plan.group_code:
        places.append(area_names.get(plan.group_code, plan.group_code))
    if plan.member_codes:
        places.append(message("understood_among", language,
                              places=", ".join(area_names.get(code, code) for code in plan.member_codes)))
    if plan.excluded_codes:
        places.append(message("understood_excluding", language,
                              places=", ".join(area_names.get(code, code) for code in plan.excluded_codes)))
    derived = catalog.get(info.derived_from).name(language) if info.derived_from else None
    second = catalog.get(plan.second_indicator_code) if plan.second_indicator_code else None
    measure = times_named(plan, info.name(language), language) + (f"; {second.name(language)}" if second else "")
    # what the operation's words need: the two operands in order, the condition counted
    terms = (info.name(language), second.name(language)) if second else (places + ["…", "…"])[:2]
    condition = condition_said(plan, number(plan.threshold[1], 0 if plan.threshold[1] == int(plan.threshold[1]) else 2,
                                            language), language) if plan.threshold else ""
    operation = plan.operation.value
    if plan.operation == Operation.AGGREGATE:
        operation = f"aggregate_{plan.aggregate or 'avg'}"
    elif plan.operation == Operation.WHICH_PERIOD and (plan.top_n or 1) > 1:
        operation = f"which_periods_{plan.order}"
    elif plan.operation in (Operation.RANK, Operation.POSITION, Operation.WHICH_PERIOD):
        operation = f"{operation}_{plan.order}"
    said = message(f"understood_op_{operation}", language, first=terms[0], second=terms[1], condition=condition,
                   count=plan.top_n)
    if plan.per:  # "por cada 100 menores de 15": the quotient times 100
        said = f"{said} × {plan.per}"
    if plan.over_years:  # "ranking de mayor a menor · promedio": by each member's average over the years
        said = f"{said} · {message(f'understood_op_aggregate_{plan.aggregate}', language)}"
    text = message("understood", language, measure=measure, places=", ".join(places) or "—",
                   period=_period(plan.period, plan.operation, language),
                   operation=said, parser=message(f"parser_{parser}", language))  # fmt: skip
    return Understood(operation=operation, indicator=info.code, indicator_name=info.name(language),
                      derived_from=info.derived_from, derived_from_name=derived, places=plan.area_codes,
                      second_indicator=second.code if second else None,
                      second_indicator_name=second.name(language) if second else None,
                      group=plan.group_code, period=plan.period, parser=parser, text=text)  # fmt: skip


def reading_options(plan: QueryPlan, understanding: Understanding, catalog: IndicatorCatalog,
                    area_names: dict[str, str], language: Language) -> list[ReadingOption]:
    """The other plausible readings, each a complete plan: the measures the planner ranked next (the other
    source, a sibling: per cápita, PPA, en dólares) and, for a place named like others ("Santiago": comuna,
    región, provincia), each of them with data."""
    measures = [ReadingOption(kind="indicator", label=catalog.get(code).name(language),
                              plan=plan.model_copy(update={"indicator_code": code, "alternatives": []}))
                for code in plan.alternatives if catalog.covers(code, plan.area_codes, plan.period)
                and not plan.second_indicator_code]  # a sibling of one operand is not a reading of two
    options = []  # other places first: a place misread changes every figure
    for place in understanding.places:
        if place.code not in plan.area_codes:
            continue
        for other in place.alternatives:
            if (plan.indicator_code, other) in catalog.coverage:
                areas = [other if code == place.code else code for code in plan.area_codes]
                options.append(ReadingOption(kind="place", label=area_names.get(other, other),
                                             plan=plan.model_copy(update={"area_codes": areas, "alternatives": []})))
    return (options + measures)[:MAX_OPTIONS]


def option_label(plan: QueryPlan, catalog: IndicatorCatalog, area_names: dict[str, str], language: Language) -> str:
    """A reading offered when Cifra asks back, in a few words: the measure, or the operation and its operands."""
    info = catalog.get(plan.indicator_code)
    if plan.operation in TWO_OPERANDS:
        second = catalog.get(plan.second_indicator_code) if plan.second_indicator_code else None
        terms = (info.name(language), second.name(language)) if second else [area_names.get(c, c) for c in plan.area_codes[:2]]
        label = message(f"understood_op_{plan.operation.value}", language, first=terms[0], second=terms[1], condition="")
        return label if second else f"{info.name(language)} · {label}"
    if plan.operation == Operation.CHANGE:  # two changes offered differ only in their span
        return f"{info.name(language)} · {_period(plan.period, plan.operation, language)}"
    return info.name(language)
