"""Agent benchmark: value accuracy, latency per stage (p50, p95), LLM calls and peak memory.

Not a test: it prints figures. Runs every case of the golden set (eval/questions.yaml) through the
pipeline on the configured database (``CIFRA_HOME``), one conversation per case::

    .venv/bin/python benchmarks/agent_bench.py [--split dev|test] [--failures]
"""

import argparse
import resource
import statistics
import time
from collections import defaultdict

from rich.console import Console
from rich.table import Table

from agent.models import Conversation
from agent.pipeline import Cifra
from cifra.settings import get_settings
from eval.score import load_cases, score_turn


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"])
    parser.add_argument("--failures", action="store_true", help="List every failed turn.")
    args = parser.parse_args()
    console = Console(width=160)
    started = time.perf_counter()
    cifra = Cifra(get_settings())
    console.print(f"resources loaded in {time.perf_counter() - started:.1f} s")
    cases = [case for case in load_cases() if args.split in (None, case.split)]
    stage_times: dict[str, list[float]] = defaultdict(list)
    totals, deterministic, llm_calls, failures = [], [], [], []
    correct: dict[str, list[bool]] = defaultdict(list)
    for case in cases:
        conversation = Conversation()
        for turn in case.turns:
            clock = time.perf_counter()
            answer = cifra.ask(turn.question, conversation)
            elapsed = (time.perf_counter() - clock) * 1000
            totals.append(elapsed)
            (deterministic if answer.llm_calls == 0 else []).append(elapsed)
            llm_calls.append(answer.llm_calls)
            for stage, ms in answer.timings_ms.items():
                stage_times[stage].append(ms)
            score = score_turn(turn.expect, answer.model_dump(mode="json"))
            for key in ("all", f"lang:{case.language}", f"split:{case.split}", f"intent:{case.intent}",
                        "multi-turn" if case.multi_turn else "single-turn"):
                correct[key].append(score.ok)
            if not score.ok:
                failures.append((case.id, turn.question, score.reason, answer.answer[:120]))
    accuracy = Table(title=f"Accuracy over {len(totals)} turns in {len(cases)} cases")
    for column in ("group", "turns", "correct", "accuracy"):
        accuracy.add_column(column, justify="right")
    for key in sorted(correct, key=lambda k: (k != "all", k)):
        hits = correct[key]
        accuracy.add_row(key, str(len(hits)), str(sum(hits)), f"{100 * sum(hits) / len(hits):.1f} %")
    console.print(accuracy)
    latency = Table(title="Latency per stage (ms)")
    for column in ("stage", "p50", "p95", "max"):
        latency.add_column(column, justify="right")
    for stage, samples in [*stage_times.items(), ("total", totals), ("total, no LLM call", deterministic)]:
        latency.add_row(stage, f"{percentile(samples, 0.5):.1f}", f"{percentile(samples, 0.95):.1f}", f"{max(samples, default=0):.1f}")
    console.print(latency)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    console.print(f"LLM calls: {sum(llm_calls)} in {len(llm_calls)} turns ({statistics.mean(llm_calls):.2f} per turn); "
                  f"peak memory {peak_mb:.0f} MB")
    if args.failures:
        for case_id, question, reason, said in failures:
            console.print(f"[red]{case_id}[/red] {question!r}: {reason} | said: {said}")


if __name__ == "__main__":
    main()
