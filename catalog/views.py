"""Views that make common questions one-table reads."""

from sqlalchemy import Connection

VIEWS = {
    # Every total (not broken down by age or sex) value with the labels and citation it is shown with.
    "observation_cited": """
        SELECT o.indicator_code, i.name_es AS indicator_name_es, i.name_en AS indicator_name_en,
               i.unit_es, i.unit_en, i.family, o.area_code, a.name_es AS area_name_es,
               a.name_en AS area_name_en, a.kind AS area_kind, o.period, o.year, o.period_start,
               o.value, o.status, o.source_id, s.publisher, s.license, o.vintage
        FROM observation o
        JOIN indicator i ON i.code = o.indicator_code
        JOIN area a ON a.code = o.area_code
        JOIN source s ON s.id = o.source_id
        WHERE o.sex = '_T' AND o.age = '_T'
    """,
    # What exists: each indicator's coverage per area, for "no data" answers and the catalog browser.
    "coverage": """
        SELECT indicator_code, area_code, MIN(period) AS first_period, MAX(period) AS last_period,
               MAX(CASE WHEN status <> 'projection' THEN period END) AS last_observed, COUNT(*) AS observations
        FROM observation
        WHERE sex = '_T' AND age = '_T'
        GROUP BY indicator_code, area_code
    """,
}


def drop_views(connection: Connection) -> None:
    for name in VIEWS:
        connection.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")


def create_views(connection: Connection) -> None:
    for name, query in VIEWS.items():
        connection.exec_driver_sql(f"CREATE VIEW {name} AS {query}")
