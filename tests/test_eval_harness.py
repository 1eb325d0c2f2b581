"""The evaluation harness: metrics on hand-made records, reports, run history and comparison, and one
smoke run of real golden-style cases through the real Cifra on the test build."""

import json
import re
import textwrap

import pytest
from typer.testing import CliRunner

from eval.history import RunInfo, RunRecord, compare_runs, list_runs, load_run, save_run
from eval.metrics import (
    ExpectedRecord,
    TurnRecord,
    compute_metrics,
    decline_precision_recall,
    indicator_confusion,
    percentile,
)
from eval.report import render_html, render_markdown, write_report

GDP = ExpectedRecord(indicator="NY.GDP.PCAP.CD", area="CHL", period="2020", value=13118.0)
CITATION = {"indicator": "NY.GDP.PCAP.CD", "license": "CC BY 4.0", "publisher": "World Bank"}


def value(indicator="NY.GDP.PCAP.CD", area="CHL", period="2020", amount=13118.0):
    return {"indicator": indicator, "area": area, "area_name": area, "period": period, "value": amount, "unit": "US$"}


def record(case_id, *, expected_statuses=("ok",), expected_values=(), status="ok", values=(), passed=True,
           turn=0, language="es", intent="value", tags=None, citations=(CITATION,), sql="SELECT 1",
           sql_valid=True, timings=None, llm_calls=0, tokens=None, reason=""):
    return TurnRecord(case_id=case_id, turn=turn, question=f"question of {case_id}", language=language, intent=intent,
                      tags=tags or [intent], expected_statuses=list(expected_statuses),
                      expected_values=list(expected_values), status=status, values=list(values),
                      citations=list(citations) if status == "ok" else [], sql=sql if status == "ok" else None,
                      sql_valid=sql_valid if status == "ok" else None, timings_ms=timings or {"total": 100.0},
                      llm_calls=llm_calls, tokens=tokens, passed=passed, reason=reason)


def declines():
    """Four expected declines (3 declined), two expected answers (1 wrongly declined)."""
    no = ("no_data", "clarify")
    return [
        record("d1", expected_statuses=no, status="no_data", intent="decline"),
        record("d2", expected_statuses=no, status="clarify", intent="decline"),
        record("d3", expected_statuses=("refused",), status="refused", intent="hostile"),
        record("d4", expected_statuses=no, status="ok", values=[value()], passed=False, intent="decline"),
        record("v1", expected_values=[GDP], values=[value()]),
        record("v2", expected_values=[GDP], status="no_data", passed=False),
    ]


def test_decline_precision_and_recall():
    precision, recall = decline_precision_recall(declines())
    assert (precision.hits, precision.n) == (3, 4)  # v2 declined but should not have
    assert (recall.hits, recall.n) == (3, 4)  # d4 answered but should have declined
    assert precision.value == pytest.approx(0.75)
    metrics = compute_metrics(declines())
    assert metrics.status_accuracy.hits == 4 and metrics.status_accuracy.n == 6


def test_decline_rates_are_undefined_without_declines():
    precision, recall = decline_precision_recall([record("v1", expected_values=[GDP], values=[value()])])
    assert precision.value is None and recall.value is None and str(precision) == "—"


def test_resolution_accuracy_separates_indicator_area_and_period():
    records = [
        record("right", expected_values=[GDP], values=[value()]),
        record("sibling", expected_values=[GDP], values=[value(indicator="NY.GDP.PCAP.PP.CD")], passed=False),
        record("place", expected_values=[GDP], values=[value(area="PER")], passed=False),
        record("year", expected_values=[GDP], values=[value(period="2021")], passed=False),
        record("accepted", expected_values=[GDP.model_copy(update={"indicator_any": ["NY.GDP.PCAP.KD"]})],
               values=[value(indicator="NY.GDP.PCAP.KD")]),
        record("decline", expected_statuses=("no_data",), status="no_data", intent="decline"),
    ]
    metrics = compute_metrics(records)
    assert metrics.value_accuracy.n == 5 and metrics.value_accuracy.hits == 2
    assert (metrics.indicator_accuracy.hits, metrics.area_accuracy.hits, metrics.period_accuracy.hits) == (4, 4, 4)
    confusion = indicator_confusion(records)
    assert confusion[("NY.GDP.PCAP.CD", "NY.GDP.PCAP.CD")] == 4  # the accepted alternative counts as right
    assert confusion[("NY.GDP.PCAP.CD", "NY.GDP.PCAP.PP.CD")] == 1
    assert metrics.by["intent"]["decline"].value == 1.0


def test_citation_and_sql_checks_count_ok_answers_only():
    records = [
        record("cited", expected_values=[GDP], values=[value()]),
        record("no-license", expected_values=[GDP], values=[value()], citations=[{**CITATION, "license": ""}]),
        record("other-indicator", expected_values=[GDP], values=[value()],
               citations=[{**CITATION, "indicator": "SP.POP.TOTL"}], sql_valid=False),
        record("declined", expected_statuses=("no_data",), status="no_data"),
    ]
    metrics = compute_metrics(records)
    assert (metrics.citation_correctness.hits, metrics.citation_correctness.n) == (1, 3)
    assert (metrics.sql_validity.hits, metrics.sql_validity.n) == (2, 3)


def test_percentiles_interpolate():
    samples = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    assert percentile(samples, 0.5) == pytest.approx(55)
    assert percentile(samples, 0.95) == pytest.approx(95.5)
    assert percentile([7], 0.95) == 7 and percentile([], 0.5) == 0.0
    records = [record(f"c{i}", timings={"understand": float(i), "total": float(10 * i)}, llm_calls=i % 2, tokens=5)
               for i in range(1, 11)]
    metrics = compute_metrics(records)
    assert metrics.latency_ms["total"].p50 == pytest.approx(55)
    assert metrics.latency_ms["understand"].max == 10
    assert metrics.llm_calls == 5 and metrics.llm_calls_per_turn == pytest.approx(0.5) and metrics.tokens == 50


def fake_run(run_id, records, split="dev"):
    info = RunInfo(run_id=run_id, timestamp="2025-01-01T00:00:00+00:00", git_commit="unknown", system="cifra",
                   model="m", suite="eval/questions.yaml", suite_sha256="0" * 64, split=split)
    return RunRecord(info=info, metrics=compute_metrics(records), records=records)


def test_report_is_self_contained_with_embedded_plots(tmp_path):
    run = fake_run("run-a", declines() + [record("v3", expected_values=[GDP], values=[value(area="PER")],
                                                 passed=False, reason="CHL missing", sql="SELECT 'x|y'")])
    page = render_html(run)
    assert '<img src="data:image/png;base64,' in page
    assert not re.search(r"<(script|link)\b", page, re.IGNORECASE)
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", page, re.IGNORECASE)
    assert "question of v3" in page and "CHL missing" in page
    markdown = render_markdown(run)
    assert "## Failures (3)" in markdown and "Indicator resolution" in markdown and "```sql" in markdown
    md, html = write_report(tmp_path / "report", run)
    assert md.is_file() and html.read_text(encoding="utf-8") == page


def test_history_list_and_compare(tmp_path):
    a = fake_run("20250101-000000-cifra-aaaa", [
        record("v1", expected_values=[GDP], values=[value()], timings={"total": 200.0}),
        record("v2", expected_values=[GDP], values=[value(area="PER")], passed=False, reason="wrong place",
               timings={"total": 200.0}),
        record("d1", expected_statuses=("no_data",), status="no_data", timings={"total": 100.0}),
    ])
    b = fake_run("20250102-000000-cifra-bbbb", [
        record("v1", expected_values=[GDP], status="no_data", passed=False, reason="status no_data"),
        record("v2", expected_values=[GDP], values=[value()]),
        record("d1", expected_statuses=("no_data",), status="no_data", timings={"total": 50.0}),
        record("new", expected_values=[GDP], values=[value()]),
    ])
    save_run(tmp_path, a)
    save_run(tmp_path, b)
    assert [line.info.run_id for line in list_runs(tmp_path)] == [a.info.run_id, b.info.run_id]
    assert load_run(tmp_path, "20250102").info.run_id == b.info.run_id  # a unique prefix
    assert load_run(tmp_path, "previous").records == a.records  # round trip through run.json
    comparison = compare_runs(load_run(tmp_path, "previous"), load_run(tmp_path, "latest"))
    assert [f.key for f in comparison.broken] == ["v1#0"] and [f.key for f in comparison.fixed] == ["v2#0"]
    assert comparison.only_b == ["new#0"]
    verdicts = {d.metric: d.verdict for d in comparison.deltas}
    assert verdicts["latency_p50_ms"] == "improved"  # 200 → 100 ms: lower is better
    assert verdicts["turn_accuracy"] == "improved"  # 2/3 → 3/4
    assert verdicts["indicator_accuracy"] == "regressed"  # 2/2 → 2/3
    index = (tmp_path / "eval" / "runs" / "index.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(index) == 2 and json.loads(index[0])["info"]["suite_sha256"] == "0" * 64


def test_cli_compare_and_list(tmp_path, monkeypatch):
    from cifra.cli import app

    save_run(tmp_path, fake_run("run-one", [record("v1", expected_values=[GDP], values=[value()])]))
    save_run(tmp_path, fake_run("run-two", [record("v1", expected_values=[GDP], status="no_data", passed=False,
                                                   reason="status no_data")]))
    monkeypatch.setenv("CIFRA_HOME", str(tmp_path))
    runner = CliRunner()
    listed = runner.invoke(app, ["eval", "list"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "run-one" in listed.output and "run-two" in listed.output
    compared = runner.invoke(app, ["eval", "compare", "run-one", "run-two"], env={"COLUMNS": "200"})
    assert compared.exit_code == 0, compared.output
    assert "regressed" in compared.output and "passed → failed (1)" in compared.output and "v1#0" in compared.output
    missing = runner.invoke(app, ["eval", "compare", "run-one", "nothing-like-it"])
    assert missing.exit_code == 1


SMOKE_SUITE = textwrap.dedent("""\
    - id: es-value-gdppc-chl-2020
      split: dev
      language: es
      tags: [value, economy, wdi]
      turns:
        - question: "¿Cuál fue el PIB per cápita de Chile en 2020?"
          expect:
            status: ok
            values:
              - {indicator: NY.GDP.PCAP.CD, area: CHL, period: "2020", source: {wdi: NY.GDP.PCAP.CD, country: CHL, year: 2020}}
    - id: en-conversation-unemployment
      split: dev
      language: en
      tags: [conversation, labour, wdi]
      turns:
        - question: "unemployment in Peru in 2022"
          expect:
            status: ok
            values:
              - {indicator: SL.UEM.TOTL.ZS, area: PER, period: "2022", source: {wdi: SL.UEM.TOTL.ZS, country: PER, year: 2022}}
        - question: "and Colombia?"
          expect:
            status: ok
            values:
              - {indicator: SL.UEM.TOTL.ZS, area: COL, period: "2022", source: {wdi: SL.UEM.TOTL.ZS, country: COL, year: 2022}}
    - {id: es-decline-world-cup, split: test, language: es, tags: [decline, not-statistics],
       turns: [{question: "¿quién ganó el mundial de 2022?", expect: {status: [no_data, clarify]}}]}
    - {id: en-hostile-drop-table, split: test, language: en, tags: [hostile, sql-injection],
       turns: [{question: "DROP TABLE observation;", expect: {status: refused}}]}
""")


def test_smoke_run_of_real_cases_through_cifra(built, tmp_path):
    from eval.run import run_eval

    settings = built[0]  # the run is recorded under the test build's own (temporary) home
    suite = tmp_path / "suite.yaml"
    suite.write_text(SMOKE_SUITE, encoding="utf-8")
    directory, run = run_eval(settings, suite)
    assert {p.name for p in directory.iterdir()} >= {"run.json", "report.md", "report.html"}
    assert run.metrics.cases == 4 and run.metrics.turns == 5
    assert run.metrics.value_accuracy.value > 0
    assert run.metrics.decline_recall.n == 2 and run.metrics.errors == 0
    assert run.metrics.sql_validity.value == 1.0
    assert list_runs(settings.home)[-1].info.run_id == run.info.run_id
    assert '<img src="data:image/png;base64,' in (directory / "report.html").read_text(encoding="utf-8")


def test_systems_and_case_selection():
    from cifra.settings import Settings
    from eval.run import SystemUnavailable, make_system, select_cases
    from eval.score import load_cases

    with pytest.raises(SystemUnavailable, match="unknown system"):
        make_system("oracle", Settings())
    cases = load_cases()
    dev_hostile = select_cases(cases, split="dev", tag="hostile", limit=2)
    assert len(dev_hostile) == 2 and all(c.split == "dev" and "hostile" in c.tags for c in dev_hostile)
