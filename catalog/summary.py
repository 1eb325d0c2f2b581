"""What a built database holds, read from its ``build_info`` table."""

import json

from pydantic import BaseModel
from sqlalchemy import Engine, select

from catalog.schema import BuildInfo


class CatalogSummary(BaseModel):
    database_url: str
    built_at: str
    wdi_scope: str
    counts: dict[str, int]
    cards: dict[str, int] = {}  # curated indicator cards, derived measures
    vintages: dict[str, str | None]


def read_summary(engine: Engine, database_url: str) -> CatalogSummary:
    """Takes the caller's engine: a DuckDB file held read-only (by the web app) cannot be reopened read-write."""
    with engine.connect() as connection:
        info = dict(connection.execute(select(BuildInfo.key, BuildInfo.value)).all())
    return CatalogSummary(
        database_url=database_url, built_at=info["built_at"], wdi_scope=info["wdi_scope"],
        counts=json.loads(info["counts"]), cards=json.loads(info.get("cards", "{}")), vintages=json.loads(info["vintages"]),
    )  # fmt: skip
