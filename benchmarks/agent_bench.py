"""Agent benchmark: accuracy, latency per stage (p50, p95), LLM calls per question and peak memory.

Not a test: it prints figures. It runs the golden set through the evaluation runner (eval/run.py) on
the configured database (``CIFRA_HOME``), one conversation per case, and adds what a speed budget
needs: end-to-end latency of the questions answered without the model, and the process's peak memory::

    .venv/bin/python benchmarks/agent_bench.py [--split dev|test] [--failures]
"""

import argparse
import resource
import time

from rich.console import Console
from rich.table import Table

from cifra.settings import get_settings
from eval.metrics import compute_metrics, latency
from eval.run import CifraSystem, run_suite
from eval.score import load_cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"])
    parser.add_argument("--failures", action="store_true", help="List every failed turn.")
    args = parser.parse_args()
    console = Console(width=160)
    started = time.perf_counter()
    system = CifraSystem(get_settings())
    console.print(f"resources loaded in {time.perf_counter() - started:.1f} s")
    cases = [case for case in load_cases() if args.split in (None, case.split)]
    records = run_suite(system, cases, system.dialect)
    metrics = compute_metrics(records)

    accuracy = Table(title=f"Turn accuracy over {metrics.turns} turns in {metrics.cases} cases")
    for column in ("group", "accuracy"):
        accuracy.add_column(column, justify="right")
    accuracy.add_row("all", str(metrics.turn_accuracy))
    accuracy.add_row("values within tolerance", str(metrics.value_accuracy))
    for dimension, rates in metrics.by.items():
        for key, value in sorted(rates.items()):
            accuracy.add_row(f"{dimension}:{key}", str(value))
    console.print(accuracy)

    without_model = latency([r.timings_ms["total"] for r in records if r.llm_calls == 0 and "total" in r.timings_ms])
    table = Table(title="Latency per stage (ms)")
    for column in ("stage", "p50", "p95", "max"):
        table.add_column(column, justify="right")
    for stage, figures in [*metrics.latency_ms.items(), ("total, no LLM call", without_model)]:
        table.add_row(stage, f"{figures.p50:.1f}", f"{figures.p95:.1f}", f"{figures.max:.1f}")
    console.print(table)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    console.print(f"LLM calls: {metrics.llm_calls} in {metrics.turns} turns ({metrics.llm_calls_per_turn:.2f} per turn); "
                  f"peak memory {peak_mb:.0f} MB")
    if args.failures:
        for record in records:
            if not record.passed:
                console.print(f"[red]{record.case_id}[/red] {record.question!r}: {record.reason} | said: {record.answer[:120]}")


if __name__ == "__main__":
    main()
