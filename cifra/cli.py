"""The ``cifra`` command."""

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from cifra.settings import Settings

app = typer.Typer(help="Cifra: official statistics, with the figure, its source and its SQL.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
catalog_app = typer.Typer(help="Build and inspect the statistics database.", no_args_is_help=True)
data_app = typer.Typer(help="Get the publishers' files.", no_args_is_help=True)
app.add_typer(catalog_app, name="catalog")
app.add_typer(data_app, name="data")
eval_app = typer.Typer(help="Evaluate on the golden questions: run, list and compare recorded runs.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
model_app = typer.Typer(help="The local model's server: check, serve, status.", no_args_is_help=True)
app.add_typer(model_app, name="model")
feedback_app = typer.Typer(help="Readers' feedback: review it, promote confirmed corrections.", no_args_is_help=True)
app.add_typer(feedback_app, name="feedback")
console = Console()


@catalog_app.command("build")
def catalog_build(
    wdi_scope: str = typer.Option(None, help="all 325 WDI indicators (default) or only curated ones."),
    with_age_sex: bool = typer.Option(None, "--with-age-sex/--without-age-sex", help="Load INE projections by age and sex."),
    index: bool = typer.Option(True, "--index/--no-index", help="Also (re)build the retrieval index."),
) -> None:
    """Create the database (and the retrieval index) from the mirror. Safe to run again."""
    from catalog.build import BuildError, LoadError, build
    from catalog.index import IndexUnusable, build_index

    overrides = {key: value for key, value in {"wdi_scope": wdi_scope, "with_age_sex": with_age_sex}.items() if value is not None}
    settings = Settings(**overrides)
    try:
        report = build(settings, progress=True)
    except (BuildError, LoadError) as error:
        console.print(f"[red]Build failed, database unchanged:[/red] {error}")
        raise typer.Exit(1) from None
    table = Table(title=f"Built {report.database_url} in {report.seconds:.1f} s")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in report.counts.items():
        table.add_row(name, f"{count:,}")
    console.print(table)
    for source, vintage in report.vintages.items():
        count = report.observations_by_source.get(source, 0)
        console.print(f"  {source}: {count:,} values" + (f", vintage {vintage or 'not stated'}" if count else " (names and codes only)"))
    if report.rejected_values:
        console.print(f"  {len(report.rejected_values)} implausible values left out, e.g. {report.rejected_values[0]}")
    for skipped in report.sdmx_skipped:
        console.print(f"  SDMX: {skipped}")
    if report.skipped_series_labels:
        console.print(f"  series labels without an area, not loaded: {', '.join(report.skipped_series_labels)}")
    if index:
        try:
            summary = build_index(settings, progress=True)
        except IndexUnusable as error:  # the new index failed its checks and was not switched to
            console.print(f"[red]Index build failed, previous index unchanged:[/red] {error}")
            raise typer.Exit(1) from None
        console.print(f"Index: {summary.cards} indicator cards in {summary.collection} ({summary.seconds:.1f} s)")


@catalog_app.command("summary")
def catalog_summary(as_json: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """What the built database holds: counts, vintages, when it was built."""
    from agent.executor import read_only_engine
    from catalog.summary import read_summary

    settings = Settings()
    engine = read_only_engine(settings)
    try:
        summary = read_summary(engine, settings.resolved_database_url)
    except Exception:  # no database yet, or an unreadable one
        console.print(f"[red]No built database at {settings.resolved_database_url}[/red]: run `cifra catalog build`.")
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
    if as_json:
        print(summary.model_dump_json())
        return
    size = Path(summary.database_url.removeprefix("duckdb:///"))
    size_text = f", {size.stat().st_size / 2**20:,.0f} MiB" if summary.database_url.startswith("duckdb:///") and size.exists() else ""
    console.print(f"Database: {summary.database_url} (built {summary.built_at}{size_text})")
    for name, count in summary.counts.items():
        console.print(f"  {name}: {count:,}")
    for kind, count in summary.cards.items():
        console.print(f"  {kind} indicator cards: {count:,}" if kind == "curated" else f"  {kind} measures: {count:,}")
    for source, vintage in summary.vintages.items():
        console.print(f"  vintage of {source}: {vintage or 'not stated'}")


@catalog_app.command("search")
def catalog_search(query: str, limit: int = typer.Option(5, help="How many indicators to show.")) -> None:
    """Find indicators by meaning, in Spanish or English."""
    from catalog.index import IndicatorIndex

    for hit in IndicatorIndex.open(Settings()).search(query, limit=limit):
        console.print(f"{hit.score:.3f}  {hit.code}  {hit.name_es} / {hit.name_en}")


def _print_answer(answer) -> None:
    """Readable output: the sentence, the figure, notes, sources and the SQL."""
    style = {"ok": "green", "no_data": "yellow", "clarify": "yellow", "refused": "red", "error": "red"}[answer.status]
    if answer.understood:
        console.print(f"[cyan]{answer.understood.text}[/cyan]")
    if answer.headline:
        exact = f"  [dim]({answer.headline_exact})[/dim]" if answer.headline_exact != answer.headline else ""
        console.print(f"[bold]{answer.headline}[/bold]{exact}")
    console.print(f"[{style}]{answer.answer}[/{style}]")
    for note in answer.notes:
        console.print(f"  · {note}")
    for citation in answer.citations:
        console.print(f"  [dim]{citation.publisher}, {citation.dataset} ({citation.indicator}), {citation.license}, "
                      f"vintage {citation.vintage or '—'}, {citation.url}[/dim]")
    if answer.sql:
        console.print(f"[dim]{answer.sql}[/dim]")


# Exit codes of `cifra ask` and `cifra chat` (README): every question got an answer (ok, no_data, clarify or
# refused); at least one answer was an error; Cifra could not open its database or index.
EXIT_ANSWERED, EXIT_ANSWER_ERROR, EXIT_UNAVAILABLE = 0, 1, 3


def _answerer():
    """``ask(question, conversation)`` on the configured Cifra, or an ``error`` answer saying what to build."""
    from agent.language import detect_language
    from agent.pipeline import CifraUnavailable, default_cifra
    from agent.understand import readable

    try:
        return default_cifra().ask, False
    except CifraUnavailable as error:
        unavailable = error

    def explain(question: str, conversation=None):
        return unavailable.answer(detect_language(readable(question), "es"))

    return explain, True


def _show(answer, as_json: bool) -> None:
    if as_json:
        print(answer.model_dump_json(), flush=True)
    else:
        _print_answer(answer)


def _exit_code(statuses: list[str], unavailable: bool) -> int:
    if unavailable:
        return EXIT_UNAVAILABLE
    return EXIT_ANSWER_ERROR if "error" in statuses else EXIT_ANSWERED


def _questions(stream) -> Iterator[str]:
    """Non-empty lines of a byte stream; bytes that are not UTF-8 become U+FFFD, which the agent then ignores."""
    for raw in stream:
        question = raw.decode("utf-8", errors="replace").strip()
        if question:
            yield question


@app.command("ask")
def ask_command(
    question: str,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (for evaluators and integrations)."),
) -> None:
    """Answer one question: the figure, its source and the SQL that produced it.

    Exit codes: 0 answered (ok, no_data, clarify or refused), 1 the answer is an error, 3 Cifra could not open its
    database or index (the answer says what to run)."""
    ask, unavailable = _answerer()
    answer = ask(question)
    _show(answer, as_json)
    raise typer.Exit(_exit_code([answer.status], unavailable))


@app.command("chat")
def chat_command(
    jsonl: bool = typer.Option(False, "--jsonl", help="Read one question per line, print one JSON object per line."),
) -> None:
    """A conversation on standard input: follow-up questions use the previous turns. Exit codes as for `ask`."""
    from agent.models import Conversation

    ask, unavailable = _answerer()
    conversation, statuses = Conversation(), []
    for question in _questions(sys.stdin.buffer):
        answer = ask(question, conversation)
        statuses.append(answer.status)
        _show(answer, jsonl)
    raise typer.Exit(_exit_code(statuses, unavailable))


@model_app.command("check")
def model_check() -> None:
    """Start the model server and have the model write one token; says what failed (e.g. SIGILL) if it cannot."""
    from agent.model_files import ModelUnavailable
    from agent.model_server import shared_server, smoke_check

    settings = Settings()
    try:
        token = smoke_check(settings)
    except ModelUnavailable as error:
        console.print(f"[red]The model cannot run on this machine:[/red] {error}")
        raise typer.Exit(1) from None
    finally:
        shared_server(settings).stop()
    console.print(f"Model {settings.model!r} answered {token!r} from its own process.")


@model_app.command("serve")
def model_serve() -> None:
    """Run the model server in the foreground (Ctrl+C stops it); the chat, the CLI and evaluations use it."""
    import threading

    from agent.model_files import ModelUnavailable
    from agent.model_server import STARTUP_SECONDS, shared_server

    settings = Settings()
    server = shared_server(settings)
    try:
        url = server.endpoint(wait=STARTUP_SECONDS)
    except ModelUnavailable as error:
        console.print(f"[red]No model server:[/red] {error}")
        raise typer.Exit(1) from None
    console.print(f"Model {settings.model!r} served at {url} for {settings.home}; Ctrl+C stops it.")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


@model_app.command("status")
def model_status() -> None:
    """The model setup's progress and the server's state, as one JSON object."""
    from agent.model_server import status_json

    print(status_json(Settings()))


@data_app.command("fetch")
def data_fetch(
    base_url: str = typer.Option(None, help="Mirror to download from instead of the publishers."),
    force: bool = typer.Option(False, help="Download files that are already present."),
) -> None:
    """Download the publishers' files into CIFRA_DATA_DIR (needs a network)."""
    from catalog.fetch import FetchError, fetch_all

    settings = Settings()
    try:
        result = fetch_all(settings.data_dir, base_url=base_url, force=force, progress=True)
    except FetchError as error:
        console.print(f"[red]Fetch failed:[/red] {error}")
        raise typer.Exit(1) from None
    console.print(json.dumps(result.model_dump(), indent=2))


def _pct(value: float | None, metric: str) -> str:
    if value is None:
        return "—"
    if metric == "llm_calls_per_turn":
        return f"{value:.2f}"
    return f"{value:.1f}" if metric.endswith("_ms") or metric == "errors" else f"{100 * value:.1f} %"


@eval_app.command("run")
def eval_run(
    suite: str = typer.Option(None, help="Golden-question file (default: eval/questions.yaml)."),
    split: str = typer.Option(None, help="dev or test (default: every case)."),
    model: str = typer.Option(None, help="Model name, overriding CIFRA_MODEL for this run."),
    system: str = typer.Option("cifra", help="cifra or baseline (eval/baseline.py, a LangChain SQL agent)."),
    limit: int = typer.Option(None, help="Run only the first N selected cases."),
    tag: str = typer.Option(None, help="Run only cases with this tag."),
    ratchet: bool = typer.Option(False, help="Add newly passing turns to eval/passing.txt (a full run of Cifra on "
                                             "the golden set, with no listed turn failing)."),
) -> None:
    """Run every selected case (one conversation each), score it, record the run and write its report."""
    from agent.pipeline import CifraUnavailable
    from eval.run import SystemUnavailable, run_eval
    from eval.score import DEFAULT_CASES

    if split not in (None, "dev", "test"):
        console.print(f"[red]--split must be dev or test, not {split!r}[/red]")
        raise typer.Exit(2)
    try:
        directory, run = run_eval(Settings(), suite or DEFAULT_CASES, split=split, system=system, model=model,
                                  limit=limit, tag=tag, progress=True)
    except (SystemUnavailable, ValueError, FileNotFoundError) as error:
        console.print(f"[red]Evaluation not run:[/red] {error}")
        raise typer.Exit(1) from None
    except CifraUnavailable as unavailable:
        console.print(f"[red]Evaluation not run:[/red] {unavailable.answer('en').answer}")
        raise typer.Exit(EXIT_UNAVAILABLE) from None
    from eval.report import headline_rows

    table = Table(title=f"Run {run.info.run_id}: {run.metrics.cases} cases, {run.metrics.turns} turns")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for label, value in headline_rows(run.metrics):
        table.add_row(label, value)
    console.print(table)
    console.print(f"Report: {directory / 'report.html'} (and report.md, run.json)")
    _gate(run.records, full=suite is None and not (split or tag or limit) and system == "cifra", ratchet=ratchet)


def _gate(records, full: bool, ratchet: bool) -> None:
    """Say how the run stands against eval/passing.txt; with ``ratchet``, add the turns that newly pass."""
    from eval import gate

    passing = gate.load_passing()
    failed = [problem for problem in gate.regressions(records, passing) if full or "not in the suite" not in problem]
    console.print(f"Gate (eval/passing.txt): {len(passing)} listed turns, {len(failed)} failing, "
                  f"{len(gate.newly_passing(records, passing))} newly passing")
    for problem in failed:
        console.print(f"  [red]regressed[/red] {problem}")
    if ratchet:
        if not full:
            console.print("[red]--ratchet needs a full run of Cifra on eval/questions.yaml (no --split, --tag, --limit)[/red]")
            raise typer.Exit(2)
        try:
            added = gate.ratchet(records)
        except ValueError as error:
            console.print(f"[red]Not ratcheted:[/red] {error}")
            raise typer.Exit(1) from None
        console.print(f"Added {len(added)} turns to eval/passing.txt")


@eval_app.command("retrieval")
def eval_retrieval(
    suite: str = typer.Option(None, help="Retrieval questions (default: eval/retrieval/uncurated.yaml)."),
    misses: bool = typer.Option(False, help="Also list the questions whose indicator was not in the first three."),
) -> None:
    """Top-1 and top-3 indicator retrieval, by language, as the chat searches."""
    from agent.pipeline import Cifra, CifraUnavailable
    from eval.retrieval import DEFAULT_SUITE, load_suite, run_suite, score

    try:
        cifra = Cifra(Settings(), chooser=None)
    except CifraUnavailable as unavailable:
        console.print(f"[red]Not run:[/red] {unavailable.answer('en').answer}")
        raise typer.Exit(EXIT_UNAVAILABLE) from None
    results = run_suite(cifra.understand, load_suite(Path(suite) if suite else DEFAULT_SUITE))
    table = Table(title="Indicator retrieval")
    for column in ("language", "questions", "top-1", "top-3"):
        table.add_column(column, justify="right")
    for row in score(results):
        table.add_row(row.language, str(row.cases), f"{100 * row.top1:.1f} %", f"{100 * row.top3:.1f} %")
    console.print(table)
    for result in results if misses else []:
        if result.rank is None or result.rank > 3:
            console.print(f"{result.case.id} {result.case.expected} ← {result.case.question!r}: {result.ranked[:3]}")


@eval_app.command("list")
def eval_list() -> None:
    """The recorded evaluation runs, oldest first."""
    from eval.history import list_runs

    runs = list_runs(Settings().home)
    if not runs:
        console.print("No recorded runs: `cifra eval run` records one.")
        return
    table = Table(title="Evaluation runs")
    for column in ("run", "when", "system", "model", "split", "commit", "turn acc.", "value acc.", "p50 ms"):
        table.add_column(column, no_wrap=column == "run")
    for line in runs:
        info, head = line.info, line.headline
        table.add_row(info.run_id, info.timestamp, info.system, info.model or "—", info.split or "all",
                      info.git_commit[:10], _pct(head.get("turn_accuracy"), ""), _pct(head.get("value_accuracy"), ""),
                      _pct(head.get("latency_p50_ms"), "latency_p50_ms"))
    console.print(table)


@eval_app.command("compare")
def eval_compare(
    run_a: str = typer.Argument(..., help="Run id (or unique prefix, 'previous', or a run folder): the reference."),
    run_b: str = typer.Argument(..., help="Run id (or unique prefix, 'latest', or a run folder): the candidate."),
) -> None:
    """Metric deltas from RUN_A to RUN_B, and the turns that flipped between passing and failing."""
    from eval.history import compare_runs, load_run

    home = Settings().home
    try:
        a, b = load_run(home, run_a), load_run(home, run_b)
    except (FileNotFoundError, ValueError) as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    comparison = compare_runs(a, b)
    if a.info.suite_sha256 != b.info.suite_sha256 or a.info.split != b.info.split:
        console.print("[yellow]The runs used different suites or splits: compare with care.[/yellow]")
    table = Table(title=f"{a.info.run_id} → {b.info.run_id}")
    for column in ("metric", "A", "B", "delta", ""):
        table.add_column(column, justify="right")
    style = {"improved": "green", "regressed": "red"}
    for d in comparison.deltas:
        if d.delta is None:
            delta = "—"
        elif d.metric == "llm_calls_per_turn":
            delta = f"{d.delta:+.2f}"
        else:
            delta = f"{d.delta:+.1f}" if d.metric.endswith("_ms") or d.metric == "errors" else f"{100 * d.delta:+.1f} pt"
        verdict = f"[{style[d.verdict]}]{d.verdict}[/{style[d.verdict]}]" if d.verdict in style else d.verdict
        table.add_row(d.metric, _pct(d.a, d.metric), _pct(d.b, d.metric), delta, verdict)
    console.print(table)
    console.print(f"[red]passed → failed ({len(comparison.broken)})[/red]")
    for flip in comparison.broken:
        console.print(f"  {flip.key}  {flip.question!r}: {flip.reason_b}")
    console.print(f"[green]failed → passed ({len(comparison.fixed)})[/green]")
    for flip in comparison.fixed:
        console.print(f"  {flip.key}  {flip.question!r}")
    if comparison.only_a or comparison.only_b:
        console.print(f"turns only in A: {len(comparison.only_a)}, only in B: {len(comparison.only_b)}")



@feedback_app.command("review")
def feedback_review() -> None:
    """Every piece of feedback: question, reading, the reading chosen instead, rating and comment, with counts."""
    from eval.feedback import review
    from agent.feedback_log import FILE_NAME

    items = review(Settings().home / FILE_NAME)
    table = Table(title=f"Feedback ({len(items)})")
    for column in ("id", "rating", "question", "reading", "chosen instead", "comment"):
        table.add_column(column)

    def reading(plan) -> str:
        return f"{plan.indicator_code} · {' '.join(plan.area_codes)} · {plan.operation}" if plan else "—"

    for item in items:
        record = item.record
        table.add_row(str(item.id), record.rating, record.question, reading(record.plan), reading(record.correction),
                      record.comment)
    console.print(table)
    ups = sum(item.record.rating == "up" for item in items)
    corrections = sum(item.record.correction is not None for item in items)
    console.print(f"up {ups}, down {len(items) - ups}, with a chosen reading {corrections}")


@feedback_app.command("promote")
def feedback_promote(
    ids: list[int] = typer.Argument(..., help="Feedback ids, as `cifra feedback review` numbers them."),
    confirmed_by: str = typer.Option(..., help="Who checked that the chosen reading is right (kept in the case)."),
    suite: str = typer.Option(None, help="Golden-question file to append to (default: eval/questions.yaml)."),
    split: str = typer.Option("dev", help="dev or test."),
) -> None:
    """Confirmed corrections become golden cases tagged `feedback` and readings Cifra uses for those questions."""
    from agent.pipeline import Cifra
    from eval.feedback import NotPromotable, promote, review
    from eval.score import DEFAULT_CASES
    from agent.feedback_log import FILE_NAME

    settings = Settings()
    items = {item.id: item for item in review(settings.home / FILE_NAME)}
    cifra = Cifra(settings)
    failed = False
    for feedback_id in ids:
        if feedback_id not in items:
            console.print(f"[red]#{feedback_id}: no such feedback[/red]")
            failed = True
            continue
        try:
            case_id = promote(cifra, items[feedback_id], confirmed_by, Path(suite) if suite else DEFAULT_CASES, split)
        except NotPromotable as reason:
            console.print(f"[red]#{feedback_id} not promoted:[/red] {reason}")
            failed = True
            continue
        console.print(f"#{feedback_id} → golden case {case_id}; Cifra now reads {items[feedback_id].record.question!r} so")
    raise typer.Exit(1 if failed else 0)


if __name__ == "__main__":
    app()
