"""The analyst's SQL runs exactly like the chat's: through vet() and the read-only executor, nothing else."""

from pydantic import BaseModel
from sqlalchemy import Engine

from agent.executor import QueryFailed, QueryResult, run_query
from agent.models import Language
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
