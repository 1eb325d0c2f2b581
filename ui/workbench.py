"""The analyst's SQL and plans run exactly like the chat's: through the same compiler, vet() and the read-only
executor, nothing else."""

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine

from agent.executor import QueryFailed, QueryResult, run_query
from agent.models import Answer, Conversation, Language, QueryPlan
from agent.pipeline import Cifra
from agent.vetting import SqlRefused, vet

EXAMPLE_SQL = """SELECT area_name_es, period, value, unit_es, publisher, license, vintage
FROM observation_cited
WHERE indicator_code = 'NY.GDP.PCAP.CD' AND area_code = 'CHL'
ORDER BY period DESC
LIMIT 10"""


class WorkbenchOutcome(BaseModel):
    result: QueryResult | None = None
    reason: str | None = None  # why the query was refused or failed, in the reader's language


def run_sql(engine: Engine, sql: str, language: Language) -> WorkbenchOutcome:
    try:
        return WorkbenchOutcome(result=run_query(engine, vet(sql, engine.dialect.name)))
    except (SqlRefused, QueryFailed) as error:
        return WorkbenchOutcome(reason=error.reason_es if language == "es" else error.reason_en)


class PlanOutcome(BaseModel):
    answer: Answer | None = None
    reason: str | None = None  # why the plan cannot run, in the reader's language


PLAN_PROBLEMS = {
    "json": {"es": "El plan no es un JSON válido de QueryPlan: {detail}", "en": "The plan is not a valid QueryPlan JSON: {detail}"},
    "indicator": {"es": "No hay un indicador con el código {code}.", "en": "There is no indicator with code {code}."},
}


def run_plan(cifra: Cifra, plan_json: str, language: Language) -> PlanOutcome:
    """An edited plan, validated, then compiled, vetted and run as the chat runs its own (a scratch conversation)."""
    try:
        plan = QueryPlan.model_validate_json(plan_json)
    except ValidationError as error:
        detail = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'plan'}: {e['msg']}" for e in error.errors()[:3])
        return PlanOutcome(reason=PLAN_PROBLEMS["json"][language].format(detail=detail))
    if plan.indicator_code not in cifra.catalog.indicators:
        return PlanOutcome(reason=PLAN_PROBLEMS["indicator"][language].format(code=plan.indicator_code))
    return PlanOutcome(answer=cifra.answer_plan(plan, language, Conversation(), "plan"))
