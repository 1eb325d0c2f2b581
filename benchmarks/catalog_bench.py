"""Catalog benchmark: build time, database size and query latency per engine and build scale.

Not a test: it prints figures. Usage::

    .venv/bin/python benchmarks/catalog_bench.py [--engines duckdb sqlite] [--scales default scale]
        [--postgres-url postgresql+psycopg://user@127.0.0.1:5432/db] [--repeat 20]

"default" is the default build (every WDI indicator, ~2.1 M rows); "scale" adds the INE projections by
single age and sex (~1.9 M rows).
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import text

from catalog.build import build, make_engine
from cifra.settings import Settings

# The agent's typical reads: one value, a series, a ranking within a group, a breakdown aggregate.
QUERIES = {
    "value": "SELECT value FROM observation WHERE indicator_code = 'NY.GDP.PCAP.CD' AND area_code = 'CHL' "
             "AND period = '2020' AND sex = '_T' AND age = '_T'",
    "series": "SELECT period, value FROM observation_cited WHERE indicator_code = 'SL.UEM.TOTL.ZS' "
              "AND area_code = 'CHL' AND year BETWEEN 2000 AND 2023 ORDER BY period",
    "ranking": "SELECT o.area_code, o.value FROM observation o JOIN area_membership m ON m.member_code = o.area_code "
               "WHERE m.group_code = 'M49-005' AND o.indicator_code = 'SP.DYN.LE00.IN' AND o.period = '2019' "
               "AND o.sex = '_T' AND o.age = '_T' ORDER BY o.value DESC LIMIT 5",
    "region_sum": "SELECT SUM(value) FROM observation WHERE indicator_code = 'CHL.POPULATION.PROJ' "
                  "AND area_code LIKE 'CL-05___' AND period = '2020' AND sex = '_T' AND age = '_T'",
    "age_sex": "SELECT sex, SUM(value) FROM observation WHERE indicator_code = 'CHL.POPULATION.PROJ' "
               "AND area_code = 'CHL' AND period = '2024' AND age <> '_T' GROUP BY sex",
}
SCALES = {"default": {}, "scale": {"with_age_sex": True}}


def database_size(settings: Settings) -> int:
    url = settings.resolved_database_url
    if url.startswith(("duckdb:///", "sqlite:///")):
        return Path(url.split(":///", 1)[1]).stat().st_size
    engine = make_engine(settings)
    with engine.connect() as connection:
        size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    engine.dispose()
    return size


def query_latencies(settings: Settings, repeat: int) -> dict[str, float]:
    """Median milliseconds per query, on a warm connection."""
    engine = make_engine(settings)
    medians = {}
    with engine.connect() as connection:
        for name, sql in QUERIES.items():
            connection.execute(text(sql)).all()
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                connection.execute(text(sql)).all()
                samples.append((time.perf_counter() - started) * 1000)
            medians[name] = statistics.median(samples)
    engine.dispose()
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", nargs="+", default=["duckdb", "sqlite"])
    parser.add_argument("--scales", nargs="+", default=list(SCALES), choices=list(SCALES))
    parser.add_argument("--postgres-url", help="Also measure this PostgreSQL database (it is overwritten).")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    engines = list(args.engines) + (["postgresql"] if args.postgres_url else [])
    console = Console(width=160)
    table = Table(title="Catalog build and query benchmark")
    for column in ["engine", "scale", "rows", "build s", "size MB", *[f"{name} ms" for name in QUERIES]]:
        table.add_column(column, justify="right")
    with tempfile.TemporaryDirectory(prefix="cifra-bench-") as home:
        for scale in args.scales:
            for engine_name in engines:
                urls = {"duckdb": f"duckdb:///{home}/{scale}.duckdb", "sqlite": f"sqlite:///{home}/{scale}.sqlite",
                        "postgresql": args.postgres_url}
                settings = Settings(home=Path(home), database_url=urls[engine_name], **SCALES[scale])
                console.print(f"building {scale} on {engine_name} …")
                report = build(settings)
                latencies = query_latencies(settings, args.repeat)
                table.add_row(engine_name, scale, f"{report.counts['observation']:,}", f"{report.seconds:.1f}",
                              f"{database_size(settings) / 1e6:.1f}", *[f"{latencies[name]:.2f}" for name in QUERIES])
    console.print(table)


if __name__ == "__main__":
    main()
