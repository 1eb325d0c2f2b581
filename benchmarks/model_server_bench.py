"""The model server under load: prompt-prefix reuse, and many chat sessions sharing one server.

    .venv/bin/python benchmarks/model_server_bench.py [--sessions 20] [--calls 8]

1. Model calls with the fixed prompt prefix (system text and examples) reused from the previous call,
   against calls whose prefix differs every time (a number put before the system text): p50 latency,
   prompt and output tokens per call.
2. ``--sessions`` concurrent chat sessions on one ``Cifra`` (as the web app runs them), each asking two
   questions the rules settle and one that goes to the model: errors, p50/p95 per kind (rules; model;
   model busy, when CIFRA_LLM_QUEUE calls were already waiting; model timed out), and the peak memory
   of this process plus the model server.

Uses the built catalog in CIFRA_HOME and the local model (scripts/setup_model.sh).
"""

import argparse
import statistics
import threading
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from agent.llm import Candidate, LocalModelChooser, choice_schema, numbered
from agent.model_server import shared_server
from agent.models import Conversation
from agent.pipeline import Cifra
from agent.prompts import load_prompt
from cifra.settings import get_settings

console = Console()
RULE_QUESTIONS = ["PIB per cápita de Chile 2020", "población de Perú en 2015", "desempleo en Chile 2023",
                  "life expectancy in Uruguay 2019", "inflación en Argentina 2018"]
MODEL_QUESTIONS = ["mortalidad en Chile", "mortalidad en Perú", "mortalidad en Bolivia", "mortalidad en Uruguay",
                   "mortality in Argentina"]
CANDIDATES = [Candidate(code="SP.DYN.IMRT.IN", name_es="Tasa de mortalidad infantil", name_en="Infant mortality rate"),
              Candidate(code="SH.STA.MMRT", name_es="Mortalidad materna", name_en="Maternal mortality ratio"),
              Candidate(code="SP.POP.TOTL", name_es="Población total", name_en="Population, total")]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def prefix_cache(chooser: LocalModelChooser, calls: int) -> None:
    prompt, schema = load_prompt("choose_indicator"), choice_schema([c.code for c in CANDIDATES])
    candidates = numbered(CANDIDATES)
    questions = [f"{topic} en {place}" for topic in ("mortalidad", "muertes de bebés")
                 for place in ("Chile", "Perú", "Bolivia", "Uruguay")]
    chooser.choose(prompt, {"question": "warm-up", "candidates": candidates}, schema)
    table = Table(title="Model calls (choose_indicator), 2 cores")
    for column in ("prefix", "calls", "p50 ms", "prompt tokens", "output tokens"):
        table.add_column(column, justify="right")
    for label in ("reused", "new each call"):
        elapsed, prompt_tokens, output_tokens = [], [], []
        for number in range(calls):
            asked = prompt if label == "reused" else prompt.model_copy(update={"system": f"[{number}] {prompt.system}"})
            choice = chooser.choose(asked, {"question": questions[number % len(questions)],
                                            "candidates": candidates}, schema)
            elapsed.append(choice.elapsed_ms)
            prompt_tokens.append(choice.prompt_tokens)
            output_tokens.append(choice.completion_tokens)
        table.add_row(label, str(calls), f"{statistics.median(elapsed):,.0f}",
                      f"{statistics.median(prompt_tokens):.0f}", f"{statistics.median(output_tokens):.0f}")
    console.print(table)


def answer_kind(answer) -> str:
    """rules, model, or the model's call turned into a rules-only answer (busy, timed out)."""
    if not answer.llm_calls:
        return "rules"
    notes = " ".join(answer.notes)
    if "ocupado" in notes:
        return "model busy"
    return "model timed out" if "no está disponible" in notes else "model"


def sessions(cifra: Cifra, count: int, server_pid: int) -> None:
    latencies: dict[str, list[float]] = {"rules": [], "model": [], "model busy": [], "model timed out": []}
    errors, peak = [], [0.0]
    lock, done = threading.Lock(), threading.Event()

    def session(number: int) -> None:
        conversation = Conversation()
        asked = [RULE_QUESTIONS[number % 5], MODEL_QUESTIONS[number % 5], RULE_QUESTIONS[(number + 2) % 5]]
        for question in asked:
            started = time.perf_counter()
            try:
                answer = cifra.ask(question, conversation)
            except Exception as error:  # noqa: BLE001 - counted, the figure this benchmark exists for
                errors.append(repr(error))
                continue
            ms = (time.perf_counter() - started) * 1000
            with lock:
                if answer.status == "error":
                    errors.append(answer.answer)
                latencies[answer_kind(answer)].append(ms)

    def sample_memory() -> None:
        import os

        while not done.wait(0.5):
            peak[0] = max(peak[0], rss_mb(os.getpid()) + rss_mb(server_pid))

    sampler = threading.Thread(target=sample_memory, daemon=True)
    sampler.start()
    started = time.perf_counter()
    threads = [threading.Thread(target=session, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    done.set()
    table = Table(title=f"{count} concurrent sessions, one Cifra, one model server ({wall:.0f} s wall)")
    for column in ("kind", "answers", "p50 ms", "p95 ms"):
        table.add_column(column, justify="right")
    for kind, values in latencies.items():
        table.add_row(kind, str(len(values)), f"{percentile(values, 0.5):,.0f}", f"{percentile(values, 0.95):,.0f}")
    console.print(table)
    console.print(f"errors: {len(errors)}; peak memory, app + model server: {peak[0]:,.0f} MB "
                  "(model busy / timed out: answered with rules only, with a note)")
    for error in errors[:5]:
        console.print(f"  {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--calls", type=int, default=8)
    args = parser.parse_args()
    settings = get_settings()
    server = shared_server(settings)
    chooser = LocalModelChooser(settings.model_copy(update={"llm_timeout": 300.0}), server)
    load_started = time.perf_counter()
    server.endpoint(wait=300)
    console.print(f"model server ready in {time.perf_counter() - load_started:.1f} s "
                  f"(pid {server.status().pid}, RSS {rss_mb(server.status().pid):,.0f} MB)")
    if args.calls:
        prefix_cache(chooser, args.calls)
    sessions(Cifra(settings, chooser=LocalModelChooser(settings, server)), args.sessions, server.status().pid)
    server.stop()


if __name__ == "__main__":
    main()
