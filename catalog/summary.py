"""What a built database holds, read from its ``build_info`` table."""

import json

from pydantic import BaseModel
from sqlalchemy import select

from catalog.schema import BuildInfo
from cifra.settings import Settings


class CatalogSummary(BaseModel):
    database_url: str
    built_at: str
    wdi_scope: str
    counts: dict[str, int]
    vintages: dict[str, str | None]


def read_summary(settings: Settings) -> CatalogSummary:
    from catalog.build import make_engine

    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            info = dict(connection.execute(select(BuildInfo.key, BuildInfo.value)).all())
    finally:
        engine.dispose()
    return CatalogSummary(
        database_url=settings.resolved_database_url, built_at=info["built_at"], wdi_scope=info["wdi_scope"],
        counts=json.loads(info["counts"]), vintages=json.loads(info["vintages"]),
    )  # fmt: skip
