"""Stage 6, answer: text, values, citations and a chart spec rendered from the result rows only.

No number reaches the user unless it is in a result row; the templates live in agent/messages.yaml.
"""

import re
from functools import cache
from pathlib import Path

import yaml
from babel.lists import format_list

from agent.compile import members_per_year, uses_annual_average
from agent.formatting import change_percent, difference, figure, number, percent
from agent.indicators import IndicatorCatalog, IndicatorInfo
from agent.models import TWO_OPERANDS, Answer, Chart, Citation, Language, Note, Operation, QueryPlan, Value

MESSAGES_FILE = Path(__file__).with_name("messages.yaml")
MONTHS = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}  # fmt: skip


@cache
def _messages() -> dict[str, dict[str, str]]:
    return yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))


# "en 15 de marzo de 2024", "in March 14, 2024": a day takes its own preposition
IN_A_DAY = {"es": (re.compile(rf"\ben (\d{{1,2}} de (?:{'|'.join(MONTHS['es'])}) de \d{{4}})"), r"el \1"),
            "en": (re.compile(rf"\bin ((?:{'|'.join(MONTHS['en'])}) \d{{1,2}}, \d{{4}})"), r"on \1")}


def message(key: str, language: Language, **params: object) -> str:
    text = _messages()[key][language].format(**params)
    text = IN_A_DAY[language][0].sub(IN_A_DAY[language][1], text)
    return re.sub(r"\.\.(?=\s|$)", ".", text)  # a unit ending in "." ("$ int.") before the sentence's own


def period_label(period: str, language: Language) -> str:
    """'2023-12' -> 'diciembre de 2023'; '2020-Q3' -> 'T3 2020'; '2024-03-15' -> '15 de marzo de 2024';
    '2015..2022' -> '2015–2022'."""
    if ".." in period:
        first, last = (period_label(end, language) for end in period.split("..", 1))
        return first if first == last else f"{first}–{last}"
    parts = period.split("-")
    if len(parts) == 2 and parts[1].startswith("Q"):
        return f"{'T' if language == 'es' else 'Q'}{parts[1][1]} {parts[0]}"
    if len(parts) == 2:
        month = MONTHS[language][int(parts[1]) - 1]
        return f"{month} de {parts[0]}" if language == "es" else f"{month} {parts[0]}"
    if len(parts) == 3 and all(part.isdigit() for part in parts):
        month = MONTHS[language][int(parts[1]) - 1]
        day = int(parts[2])
        return f"{day} de {month} de {parts[0]}" if language == "es" else f"{month} {day}, {parts[0]}"
    return period


def times_named(plan: QueryPlan, name: str, language: Language) -> str:
    """"10 × Unidad tributaria mensual (UTM)": a converted amount of a unit of account, named with its multiple."""
    if not plan.times:
        return name
    return f"{number(plan.times, 0 if plan.times == int(plan.times) else 2, language)} × {name}"


def citation(info: IndicatorInfo, catalog: IndicatorCatalog, language: Language) -> Citation:
    source = catalog.sources[info.source_id]
    return Citation(
        publisher=source.publisher, dataset=source.title_es if language == "es" else source.title_en,
        indicator=info.code, indicator_name=info.name(language), license=source.license, vintage=source.vintage or source.release,
        url=source.url,
    )  # fmt: skip


def gap_of(info: IndicatorInfo, second: IndicatorInfo) -> IndicatorInfo:
    """One measure minus another, named so ("…, mujeres menos …, varones"), as members ranked by it read it."""
    return info.model_copy(update={"code": Operation.DIFFERENCE.value, "name_es": f"{info.name_es} menos {second.name_es}",
                                   "name_en": f"{info.name_en} minus {second.name_en}", "derived_from": None})


def condition_said(plan: QueryPlan, line: str, language: Language) -> str:
    """"> 30.000.000", or "llega a 0,0" where the line is reached from either side."""
    return message("reaches", language, line=line) if plan.crossing else f"{plan.threshold[0]} {line}"


def note_text(note: Note, language: Language) -> str:
    return message(note.key, language, **note.params)


def _grouped(records: list[dict], key: str) -> dict[str, list[dict]]:
    """The records of each value of ``key``, in the order they first appear."""
    groups: dict[str, list[dict]] = {}
    for record in records:
        groups.setdefault(record[key], []).append(record)
    return groups


class AnswerWriter:
    def __init__(self, catalog: IndicatorCatalog):
        self.catalog = catalog
        self.coverage = catalog.coverage

    def __call__(self, plan: QueryPlan, language: Language, columns: list[str], rows: list[list],
                 notes: list[Note], area_names: dict[str, str]) -> Answer:
        info = self.catalog.get(plan.indicator_code)
        second = self.catalog.get(plan.second_indicator_code) if plan.second_indicator_code else None
        if second is not None and plan.operation not in TWO_OPERANDS:  # members ranked by one measure minus another
            info = gap_of(info, second)
        records = [record for record in self._without_gapped_sums(plan, info, [dict(zip(columns, row)) for row in rows])
                   if not (plan.operation == Operation.AGGREGATE and record.get("value") is None)]  # nothing aggregated
        texts = [note_text(note, language) for note in notes]
        base = Answer(status="ok", language=language, answer="", plan=plan, columns=columns, rows=rows,
                      citations=[citation(self.catalog.get(code), self.catalog, language) for code in plan.indicator_codes])
        if not records:
            return base.model_copy(update={"status": "no_data", "answer": self._no_rows(plan, info, language, area_names),
                                           "notes": texts})
        values = self._values(plan, info, second or info, language, records)
        sentence = self._sentence(plan, info, language, records, area_names)
        if uses_annual_average(plan, info) and ("observations" in records[0] or info.annual_aggregation == "last"):
            texts.insert(0, message(f"annual_{info.annual_aggregation}", language, count=records[-1].get("observations", 1),
                                    frequency=message(f"frequency_{info.frequency}", language)))
        if info.derived_from:
            base_info = self.catalog.get(info.derived_from)
            other = self.catalog.get(info.derived_other).name(language) if info.derived_other else ""
            texts.insert(0, message(f"derived_{info.derivation}", language, measure=info.name(language),
                                    series=base_info.name(language), code=base_info.code, other=other))
        texts += self._beyond_data(plan, language, records)
        texts += self._places_without_rows(plan, info, language, records, area_names)
        texts += self._members_withheld(plan, info, language, area_names)
        statuses = {r.get("status") for r in records}
        texts += [message(status, language) for status in ("estimate", "provisional", "projection") if status in statuses]
        headline, exact = self._headline(plan, info, language, records, values)
        return base.model_copy(update={
            "answer": sentence, "headline": headline, "headline_exact": exact, "values": values, "notes": texts,
            "chart": self._chart(plan, records),
        })  # fmt: skip

    def _without_gapped_sums(self, plan: QueryPlan, info: IndicatorInfo, records: list[dict]) -> list[dict]:
        """"sumando los cuatro trimestres de 2024": a sum over periods one of which was withheld as implausible is no
        total of the span asked; that place is answered as having no figure, with the value left out named."""
        if plan.operation != Operation.AGGREGATE or plan.aggregate != "sum":
            return records
        start, end = plan.period.start, plan.period.end
        return [record for record in records
                if not any((start is None or year >= start) and (end is None or year <= end)
                           for _, year, _ in self.catalog.withheld.get((info.code, str(record.get("area"))), []))]

    @staticmethod
    def _operands(record: dict, fig) -> str:
        """" (76,5 − 67,8)": the two values a member's gap is computed from, when the ranking is of a gap."""
        return f" ({fig(record['first_value'])} − {fig(record['second_value'])})" if "first_value" in record else ""

    def _members_withheld(self, plan: QueryPlan, info: IndicatorInfo, language: Language,
                          area_names: dict[str, str]) -> list[str]:
        """"las tres regiones con mayor PIB sumando los trimestres de 2025": a member whose total needs a value left
        out as implausible is missing from the ranking, and the answer says which one and why."""
        summed = plan.aggregate == "sum" or members_per_year(plan, info) and info.annual_aggregation == "sum"
        if plan.operation != Operation.RANK or not summed:  # "top 3 regiones" by yearly GDP too
            return []
        start, end = plan.period.start, plan.period.end
        left_out = {area: [f"{value:g} ({period_label(code, language)})" for code, year, value in values
                           if (start is None or year >= start) and (end is None or year <= end)]
                    for (indicator, area), values in sorted(self.catalog.withheld.items())
                    if indicator == info.code and (self.catalog.contains(plan.group_code, area) if plan.group_code
                                                   else self.catalog.area_kinds.get(area) == plan.member_kind)}
        return [message("withheld_member", language, area=area_names.get(area, area), values=", ".join(values))
                for area, values in left_out.items() if values]

    @staticmethod
    def _beyond_data(plan: QueryPlan, language: Language, records: list[dict]) -> list[str]:
        """"población de Chile de 2020 a 2050": a series answered only up to 2035 says where its data stop."""
        if plan.operation != Operation.SERIES:
            return []
        years = [int(str(record["period"])[:4]) for record in records]
        asked, shown = (plan.period.start, plan.period.end), (min(years), max(years))
        return [message(f"data_{side}", language, asked=year, shown=edge)
                for side, year, edge, beyond in (("from", asked[0], shown[0], lambda a, b: a < b),
                                                 ("until", asked[1], shown[1], lambda a, b: a > b))
                if year is not None and beyond(year, edge)]

    @staticmethod
    def _values(plan: QueryPlan, info: IndicatorInfo, second: IndicatorInfo, language: Language,
                records: list[dict]) -> list[Value]:
        """Every figure the answer shows. A difference, ratio, share, count or position gives its operands' values
        and its result as a value of its own (indicator "difference", "ratio", "share", "count", "rank"); a change,
        the values at its two ends and its percent change too (indicator "percent_change")."""
        def value(code: str, area: object, name: object, period: object, number: float, unit: str) -> Value:
            return Value(indicator=code, area=str(area), area_name=str(name), period=str(period), value=float(number), unit=unit)

        unit = info.unit(language)
        values = []
        for r in records:
            if plan.operation in TWO_OPERANDS:
                values += [value(info.code, r["first_area"], r["first_area_name"], r["period"], r["first_value"], unit),
                           value(second.code, r["second_area"], r["second_area_name"], r["period"], r["second_value"],
                                 second.unit(language))]
                if r["value"] is not None:
                    result_unit = {Operation.DIFFERENCE: unit, Operation.SHARE: "%"}.get(plan.operation, "")
                    values.append(value(plan.operation.value, r["area"], r["area_name"], r["period"], r["value"], result_unit))
            elif plan.operation == Operation.COUNT:
                if r["meets"]:
                    values.append(value(info.code, r["area"], r["area_name"], r["period"], r["value"], unit))
            elif r["value"] is not None:
                values.append(value(info.code, r["area"], r["area_name"], r["period"], r["value"], unit))
                if "first_value" in r:  # a member's gap: the two values it is computed from
                    values += [value(plan.indicator_code, r["area"], r["area_name"], r["period"], r["first_value"], unit),
                               value(second.code, r["area"], r["area_name"], r["period"], r["second_value"],
                                     second.unit(language))]
                if plan.operation == Operation.CHANGE:  # the two ends it went from and to, each with its period
                    values += [value(info.code, r["area"], r["area_name"], end, r[key], unit) for end, key in
                               zip(str(r["period"]).split(".."), ("start_value", "end_value")) if r[key] is not None]
                if plan.operation == Operation.CHANGE and r["change_pct"] is not None:
                    values.append(value("percent_change", r["area"], r["area_name"], r["period"], r["change_pct"], "%"))
                if plan.operation == Operation.POSITION:
                    values.append(value("rank", r["area"], r["area_name"], r["period"], r["position"], ""))
        if plan.operation == Operation.COUNT:
            first = records[0]
            values.append(value("count", plan.group_code or plan.member_kind, "", first["period"], first["count"], ""))
        if plan.operation == Operation.PERIOD_COUNT:  # the periods that meet the condition, and how many per place
            values = [figure for figure, r in zip(values, records) if r["meets"]]
            for area in dict.fromkeys(r["area"] for r in records):
                rows = [r for r in records if r["area"] == area]
                values.append(value("count", area, rows[0]["area_name"], f"{rows[0]['period']}..{rows[-1]['period']}",
                                    rows[0]["count"], ""))
        return values

    @staticmethod
    def _headline(plan: QueryPlan, info: IndicatorInfo, language: Language, records: list[dict],
                  values: list[Value]) -> tuple[str | None, str | None]:
        """The main figure, said for people and with every digit; None when there is no single one."""
        if plan.operation == Operation.COUNT or (
                plan.operation == Operation.PERIOD_COUNT and len({r["area"] for r in records}) == 1):
            return (str(records[0]["count"]),) * 2
        if plan.operation == Operation.POSITION and len(asked := [r for r in records if r["asked"]]) == 1:
            return (message("position_headline", language, **asked[0]),) * 2
        if plan.operation == Operation.RATIO and len(records) == 1 and records[0]["value"] is not None:
            headline = "ratio_per_headline" if plan.per else "ratio_headline"
            return (message(headline, language, figure=number(records[0]["value"], 2, language), per=plan.per),) * 2
        if plan.operation == Operation.SHARE and len(records) == 1 and records[0]["value"] is not None:
            return (percent(records[0]["value"], language),) * 2
        if plan.operation == Operation.DIFFERENCE and len(records) == 1 and records[0]["value"] is not None:
            return difference(records[0]["value"], info, language), difference(records[0]["value"], info, language, words=False)
        if len(values) == 1:
            return figure(values[0].value, info, language), figure(values[0].value, info, language, words=False)
        return None, None

    @staticmethod
    def _period_count(plan: QueryPlan, info: IndicatorInfo, language: Language, records: list[dict], fig, name: str) -> str:
        """A sentence per place: in how many of its periods the condition held, naming each of them."""
        comparator, threshold = plan.threshold
        unit = message(f"periods_{'A' if uses_annual_average(plan, info) or info.frequency == 'A' else info.frequency}", language)
        sentences = []
        for area in dict.fromkeys(r["area"] for r in records):
            rows = [r for r in records if r["area"] == area]
            meeting = [r for r in rows if r["meets"]]
            sentences.append(message(
                "period_count" if meeting else "period_count_none", language, area=rows[0]["area_name"], indicator=name,
                condition=f"{comparator} {fig(threshold)}", count=rows[0]["count"], periods=rows[0]["periods"],
                periods_label=unit,
                span=f"{period_label(str(rows[0]['period']), language)}–{period_label(str(rows[-1]['period']), language)}",
                items="; ".join(f"{period_label(str(r['period']), language)} ({fig(r['value'])})" for r in meeting)))
        return " ".join(sentences)

    def _members_label(self, plan: QueryPlan, language: Language, area_names: dict[str, str]) -> str:
        kind = message(f"members_{plan.member_kind or 'country'}", language)
        if plan.member_codes:
            return message("members_named", language, kind=kind,
                           names=", ".join(area_names.get(code, code) for code in plan.member_codes))
        if not plan.group_code:
            return kind
        groups = [plan.group_code, *plan.area_codes] if plan.operation == Operation.COUNT else [plan.group_code]
        return message("members_of", language, kind=kind,
                       group=format_list([area_names.get(code, code) for code in groups], locale=language))

    def _span(self, plan: QueryPlan, language: Language) -> str:
        start, end = plan.period.start, plan.period.end
        if plan.period.month and start:
            start = period_label(f"{start:04d}-{plan.period.month:02d}", language)
            end = end and period_label(f"{end:04d}-{plan.period.month_end or plan.period.month:02d}", language)
        elif plan.period.quarter and start:
            start = period_label(f"{start:04d}-Q{plan.period.quarter}", language)
            end = end and period_label(f"{end:04d}-Q{plan.period.quarter_end or plan.period.quarter}", language)
        if start and end:
            return str(start) if start == end else message("span_between", language, start=start, end=end)
        if start or end:
            return message("span_from" if start else "span_to", language, start=start, end=end)
        if plan.period.last_n_years or plan.period.last_n_months:  # "en los últimos 12 meses", never the whole series
            return message("understood_last_years", language, years=plan.period.last_n_years) \
                if plan.period.last_n_years else message("understood_last_months", language, months=plan.period.last_n_months)
        return message("span_all", language)

    def _two_operands(self, plan: QueryPlan, info: IndicatorInfo, language: Language, records: list[dict]) -> str:
        second = self.catalog.get(plan.second_indicator_code) if plan.second_indicator_code else info
        shown = records if len(records) <= 3 else [records[0], records[-1]]
        sentences = []
        for r in shown:
            period = period_label(str(r["period"]), language)
            if plan.second_indicator_code:
                lead, labels = f"{r['first_area_name']}, {period}", (info.name(language), second.name(language))
            else:
                lead, labels = f"{info.name(language)}, {period}", (r["first_area_name"], r["second_area_name"])
            result = r["value"]
            shown_result = "—" if result is None else (
                difference(result, info, language) if plan.operation == Operation.DIFFERENCE
                else percent(result, language) if plan.operation == Operation.SHARE else number(result, 2, language))
            said = "ratio_per" if plan.operation == Operation.RATIO and plan.per else plan.operation.value
            sentences.append(message(said, language, lead=lead, first_label=labels[0], per=plan.per,
                                     second_label=labels[1], first_figure=figure(r["first_value"], info, language),
                                     second_figure=figure(r["second_value"], second, language), figure=shown_result))
            if plan.operation == Operation.DIFFERENCE and result is not None and (result < 0 or plan.verdict):
                # "Maipú menos Puente Alto: −64.451": which is larger, in words, so the sign is never misread;
                # "which one was higher?": said also when the first is
                larger, smaller = (labels[1], labels[0]) if result < 0 else labels
                sentences.append(message("verdict_tie", language) if result == 0 else message(
                    "difference_larger", language, larger=larger, smaller=smaller, figure=difference(abs(result), info, language)))
        return " ".join(sentences)

    def _sentence(self, plan: QueryPlan, info: IndicatorInfo, language: Language, records: list[dict],
                  area_names: dict[str, str]) -> str:
        name = times_named(plan, info.name(language), language)
        fig = lambda value: figure(value, info, language)  # noqa: E731
        if plan.operation in TWO_OPERANDS:
            return self._two_operands(plan, info, language, records)
        if plan.operation == Operation.WHICH_PERIOD and plan.period.is_two_years and plan.top_n == 2:
            return " ".join(message(f"which_period_of_two_{plan.order}", language, indicator=name, area=rows[0]["area_name"],
                                    period=period_label(str(rows[0]["period"]), language), figure=fig(rows[0]["value"]),
                                    other_period=period_label(str(rows[-1]["period"]), language),
                                    other_figure=fig(rows[-1]["value"]))
                            for rows in _grouped(records, "area").values())  # fmt: skip
        if plan.operation == Operation.WHICH_PERIOD and (plan.top_n or 1) > 1:
            return " ".join(message(f"which_periods_{plan.order}", language, indicator=name, area=rows[0]["area_name"],
                                    count=len(rows), span=self._span(plan, language), periods=format_list(
                                        [f"{period_label(str(r['period']), language)} ({fig(r['value'])})" for r in rows],
                                        locale=language))
                            for rows in _grouped(records, "area").values())  # fmt: skip
        if plan.operation == Operation.WHICH_PERIOD:  # periods that tie are all named
            return " ".join(message(f"which_period_{plan.order}", language, indicator=name, area=tied[0]["area_name"],
                                    period=format_list([period_label(str(r["period"]), language) for r in tied],
                                                       locale=language),
                                    figure=fig(tied[0]["value"]), span=self._span(plan, language))
                            for tied in _grouped(records, "area").values())  # fmt: skip
        if plan.operation == Operation.POSITION:  # where each place asked stands, then who is first if none is
            return " ".join(message("position", language, area=r["area_name"], position=r["position"],
                                    members=r["members"], members_label=self._members_label(plan, language, area_names),
                                    indicator=name, period=period_label(str(r["period"]), language),
                                    order=message(f"order_{plan.order}", language), figure=fig(r["value"]))
                            if r["asked"] else message("position_first", language, area=r["area_name"], figure=fig(r["value"]))
                            for r in records)  # fmt: skip
        if plan.operation == Operation.COUNT:
            comparator, threshold = plan.threshold
            meeting = [r for r in records if r["meets"]]
            params = dict(count=records[0]["count"], members=records[0]["members"], indicator=name,
                          members_label=self._members_label(plan, language, area_names),
                          period=period_label(str(records[0]["period"]), language),
                          condition=f"{comparator} {fig(threshold)}", items="; ".join(f"{r['area_name']} ({fig(r['value'])})" for r in meeting))
            return message("count" if meeting else "count_none", language, **params)
        if plan.operation == Operation.PERIOD_COUNT:
            return self._period_count(plan, info, language, records, fig, name)
        if plan.operation == Operation.RANK:
            group = area_names.get(plan.group_code or "") or self._members_label(plan, language, area_names)
            places = [next(i for i, each in enumerate(records, 1) if each["value"] == r["value"]) for r in records]
            items = "; ".join(f"{place}) {r['area_name']}: {fig(r['value'])}{self._operands(r, fig)}"
                              for place, r in zip(places, records))  # ties share
            title = message(f"rank_title_{plan.order}", language, group=group)
            period = period_label(records[0]["period"], language)
            if plan.over_years:  # "Crecimiento del PIB, promedio 2015–2024": each member's average, not a year's
                period = message(f"over_years_{plan.aggregate}", language, period=period)
            return message("rank", language, indicator=name, period=period, title=title, items=items)
        if plan.operation == Operation.CHANGE:
            first, last = (period_label(end, language) for end in str(records[0]["period"]).split(".."))
            return " ".join(message(
                "change", language, indicator=name, area=r["area_name"], first=first, last=last,
                start_figure=fig(r["start_value"]), end_figure=fig(r["end_value"]), change_figure=difference(r["value"], info, language),
                change_pct=change_percent(r["change_pct"], language) if r["change_pct"] is not None else "—",
            ) + (f" {message('change_fall', language, figure=difference(-r['value'], info, language))}"  # the size of a
                 if r["value"] is not None and r["value"] < 0 else "")  # fall in words, so its sign is never misread
                for r in records)  # fmt: skip
        if plan.operation == Operation.AGGREGATE:
            key = f"aggregate_{plan.aggregate or 'avg'}"
            return " ".join(message(key, language, indicator=name, area=area_names.get(str(r["area"]), r["area_name"]),
                                    period=period_label(str(r["period"]), language), figure=fig(r["value"]),
                                    count=r.get("observations", 1)) for r in records)  # fmt: skip
        if plan.operation == Operation.FIRST_MEETING:
            condition = condition_said(plan, number(plan.threshold[1], info.decimals, language), language)
            return " ".join(message(f"first_meeting_{plan.order}", language, indicator=name, area=r["area_name"],
                                    condition=condition, period=period_label(r["period"], language),
                                    figure=fig(r["value"])) for r in records)  # fmt: skip
        sentences = []
        for area, rows in _grouped(records, "area_name").items():
            first, last = rows[0], rows[-1]
            if len(rows) == 1:
                key = "value" if plan.operation != Operation.LATEST else "earliest" if plan.period.earliest else "latest"
                sentences.append(message(key, language, indicator=name, area=area,
                                         period=period_label(str(first["period"]), language), figure=fig(first["value"])))
            else:
                sentences.append(message(
                    "series", language, indicator=name, area=area, count=len(rows),
                    first=period_label(str(first["period"]), language), last=period_label(str(last["period"]), language),
                    first_figure=fig(first["value"]), last_figure=fig(last["value"])))  # fmt: skip
        if plan.verdict and len(records) == 2 and records[0]["period"] == records[1]["period"]:
            low, high = sorted(records, key=lambda r: r["value"])  # "¿cuál es mayor?": said in words, not left to the eye
            sentences.append(message("verdict_tie", language) if low["value"] == high["value"] else  # "¿cuál tiene
                             message("verdict_lower", language, area=low["area_name"]) if plan.order == "asc"  # menos?"
                             else message("verdict_higher", language, area=high["area_name"]))
        return " ".join(sentences)

    @staticmethod
    def _asked_label(plan: QueryPlan, language: Language) -> str:
        period = plan.period
        if period.is_single_year and period.month and not period.month_end:  # "el 31 de diciembre de 2024", not 2024
            return period_label(f"{period.start:04d}-{period.month:02d}" + (f"-{period.day:02d}" if period.day else ""),
                                language)
        return f"{period.start}" if period.is_single_year else f"{period.start or '…'}–{period.end or '…'}"

    def _no_rows(self, plan: QueryPlan, info: IndicatorInfo, language: Language, area_names: dict[str, str]) -> str:
        period, asked = plan.period, self._asked_label(plan, language)
        if plan.member_kind and not plan.area_codes:  # "Gini por región": the members lack it, not the group
            members = self._members_label(plan, language, area_names)
            return " ".join([message("no_rows" if period.start or period.end else "no_rows_any", language,
                                     indicator=info.name(language), area=members, period=asked),
                             message("no_member_data", language, kind=message(f"members_{plan.member_kind}", language))])
        if plan.operation == Operation.FIRST_MEETING and plan.threshold and any(
                (info.code, area) in self.coverage for area in plan.area_codes):  # "¿cuándo superó Chile los 30
            # millones?": it has figures, none beyond the number
            condition = condition_said(plan, number(plan.threshold[1], info.decimals, language), language)
            return " ".join(message("never_met", language, indicator=info.name(language), condition=condition,
                                    area=area_names.get(area, area), span=self._covered_span(info, area, language))
                            for area in plan.area_codes)
        if plan.operation == Operation.POSITION:  # Peru in the OECD: not a member, so it has no place there
            return " ".join(message("not_ranked", language, area=area_names.get(area, area), indicator=info.name(language),
                                    members_label=self._members_label(plan, language, area_names)) for area in plan.area_codes)
        return " ".join(self._area_without_rows(plan, info, language, area, area_names, asked)
                        for area in plan.area_codes or [plan.group_code])

    def _covered_span(self, info: IndicatorInfo, area: str, language: Language) -> str:
        first, last = self.coverage.get((info.code, area), ("", ""))
        return f"{period_label(first, language)}–{period_label(last, language)}" if first else ""

    def _area_without_rows(self, plan: QueryPlan, info: IndicatorInfo, language: Language, area: str | None,
                           area_names: dict[str, str], asked: str) -> str:
        period = plan.period
        name = area_names.get(area or "", area or "")
        texts = [message("no_rows" if period.start or period.end else "no_rows_any", language,
                         indicator=info.name(language), area=name, period=asked)]
        covered = self.coverage.get((info.code, area))
        texts.append(message("coverage", language, area=name, first=period_label(covered[0], language),
                             last=period_label(covered[1], language)) if covered
                     else message("no_coverage", language, area=name))  # fmt: skip
        texts += [message("withheld", language, period=period_label(code, language), value=f"{value:g}")
                  for code, year, value in self.catalog.withheld.get((info.code, area or ""), [])
                  if (period.start is None or year >= period.start) and (period.end is None or year <= period.end)]
        return " ".join(texts)

    def _places_without_rows(self, plan: QueryPlan, info: IndicatorInfo, language: Language, records: list[dict],
                             area_names: dict[str, str]) -> list[str]:
        """"desempleo de Chile y del Biobío": a place asked for and left without figures is said, never dropped."""
        answered = {record.get("area") for record in records}
        if plan.group_code or plan.operation in TWO_OPERANDS or not answered <= set(plan.area_codes):
            return []
        asked = self._asked_label(plan, language)
        return [self._area_without_rows(plan, info, language, area, area_names, asked)
                for area in plan.area_codes if area not in answered]

    @staticmethod
    def _chart(plan: QueryPlan, records: list[dict]) -> Chart | None:
        if plan.operation == Operation.RANK or (len({r["area"] for r in records}) > 1 and len({r["period"] for r in records}) == 1):
            return Chart(kind="bar", x="area_name", y="value")
        if len({r["period"] for r in records}) > 1:
            return Chart(kind="line", x="period", y="value", color="area_name")
        return None
