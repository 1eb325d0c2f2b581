"""Reports of one evaluation run: ``report.md`` and a self-contained ``report.html``.

The HTML embeds its plots as base64 PNG (matplotlib, Agg backend) and its style inline: no scripts,
no external files, so it can be mailed or archived as it is. Both show the headline table, accuracy
by language, intent, tag and split, latency per stage, the confusion of indicator resolution
(expected vs resolved) and every failed turn with its question, expectation, answer and SQL.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

from eval.history import RunRecord
from eval.metrics import Metrics, TurnRecord, indicator_confusion, latencies

HEADLINE = [
    ("turn_accuracy", "Turn accuracy (all checks pass)"),
    ("case_accuracy", "Case accuracy (every turn passes)"),
    ("value_accuracy", "Value accuracy (within tolerance)"),
    ("indicator_accuracy", "Indicator resolution"),
    ("area_accuracy", "Area resolution"),
    ("period_accuracy", "Period resolution"),
    ("status_accuracy", "Status accuracy"),
    ("decline_precision", "Declining: precision"),
    ("decline_recall", "Declining: recall"),
    ("citation_correctness", "Citation correctness (ok answers)"),
    ("sql_validity", "SQL validity (ok answers, vetted)"),
]


def headline_rows(metrics: Metrics) -> list[tuple[str, str]]:
    rows = [(label, str(getattr(metrics, name))) for name, label in HEADLINE]
    total = metrics.latency_ms.get("total")
    if total:
        rows.append(("Latency total p50 / p95 (ms)", f"{total.p50:.0f} / {total.p95:.0f}"))
    rows.append(("LLM calls (per turn)", f"{metrics.llm_calls} ({metrics.llm_calls_per_turn:.2f})"))
    if metrics.tokens is not None:
        rows.append(("LLM tokens", f"{metrics.tokens:,}"))
    rows.append(("Errors", str(metrics.errors)))
    return rows


def expected_text(record: TurnRecord) -> str:
    if not record.expected_values:
        return " or ".join(record.expected_statuses)
    return "; ".join(f"{e.indicator} {e.area} {e.period} = {e.value:.6g}" for e in record.expected_values)


def got_text(record: TurnRecord, limit: int = 6) -> str:
    values = [v for v in record.values if isinstance(v, dict)]
    shown = "; ".join(f"{v.get('indicator')} {v.get('area')} {v.get('period')} = {v.get('value')}" for v in values[:limit])
    more = f" (+{len(values) - limit} more)" if len(values) > limit else ""
    return f"{record.status}: {shown}{more}" if shown else record.status


# ----------------------------------------------------------------------------- plots


def _png(figure) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def accuracy_plot(metrics: Metrics) -> str:
    plt = _pyplot()
    dimensions = [d for d in ("language", "split", "intent", "tag") if metrics.by.get(d)]
    heights = [max(1.6, 0.28 * len(metrics.by[d]) + 0.8) for d in dimensions] or [1.6]
    figure, axes = plt.subplots(len(dimensions) or 1, 1, figsize=(8, sum(heights)),
                                gridspec_kw={"height_ratios": heights}, squeeze=False)
    for axis, dimension in zip(axes[:, 0], dimensions, strict=False):
        groups = metrics.by[dimension]
        names = list(groups)
        shares = [100 * (groups[n].value or 0) for n in names]
        axis.barh(names, shares, color=["#2a9d8f" if s >= 80 else "#e9c46a" if s >= 50 else "#e76f51" for s in shares])
        for y, (name, share) in enumerate(zip(names, shares, strict=True)):
            axis.text(101, y, f"{share:.0f} % (n={groups[name].n})", va="center", fontsize=7)
        axis.set_xlim(0, 100)
        axis.invert_yaxis()
        axis.set_title(f"Turn accuracy by {dimension}", fontsize=9, loc="left")
        axis.tick_params(labelsize=7)
    return _png(figure)


def latency_plot(records: list[TurnRecord]) -> str:
    plt = _pyplot()
    stages = latencies(records)
    names = sorted(stages, key=lambda s: (s == "total", s))
    columns = 3
    rows = max(1, -(-len(names) // columns))
    figure, axes = plt.subplots(rows, columns, figsize=(9, 2.3 * rows), squeeze=False)
    for axis in axes.flat:
        axis.set_visible(False)
    for axis, stage in zip(axes.flat, names, strict=False):
        axis.set_visible(True)
        samples = [max(x, 0.01) for x in stages[stage]]
        low, high = min(samples), max(samples)
        skewed = high / low > 100  # the model's first load or an LLM call: log-spaced bins keep the rest visible
        bins = [low * (high / low) ** (i / 20) for i in range(21)] if skewed else 20
        axis.hist(samples, bins=bins, color="#264653" if stage == "total" else "#8ab17d")
        if skewed:
            axis.set_xscale("log")
        axis.set_title(f"{stage} (ms)", fontsize=9)
        axis.tick_params(labelsize=7)
    figure.tight_layout()
    return _png(figure)


def confusion_plot(confusion: dict[tuple[str, str], int], max_labels: int = 40) -> str | None:
    """Heatmap of expected (rows) vs resolved (columns) for the expected indicators that were ever missed
    (with their correct resolutions too); None when there is nothing or too much to draw."""
    missed = {e for e, g in confusion if e != g}
    confusion = {(e, g): n for (e, g), n in confusion.items() if e in missed}
    if not confusion:
        return None
    expected = sorted(missed)
    got = sorted({g for _, g in confusion}, key=lambda g: (g.startswith("("), g))
    if len(expected) > max_labels or len(got) > max_labels:
        return None
    plt = _pyplot()
    grid = [[confusion.get((e, g), 0) for g in got] for e in expected]
    figure, axis = plt.subplots(figsize=(max(4, 0.35 * len(got) + 3), max(3, 0.3 * len(expected) + 1.5)))
    axis.imshow(grid, cmap="Blues", aspect="auto")
    axis.set_xticks(range(len(got)), got, rotation=90, fontsize=6)
    axis.set_yticks(range(len(expected)), expected, fontsize=6)
    for i, row in enumerate(grid):
        for j, count in enumerate(row):
            if count:
                axis.text(j, i, str(count), ha="center", va="center", fontsize=6,
                          color="white" if count > max(map(max, grid)) / 2 else "black")
    axis.set_title("Indicators resolved wrongly at least once: expected vs resolved", fontsize=9, loc="left")
    axis.set_xlabel("resolved (or status)")
    axis.set_ylabel("expected indicator")
    return _png(figure)


# ----------------------------------------------------------------------------- markdown


def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _confusion_rows(confusion: dict[tuple[str, str], int]) -> list[list[object]]:
    return [[e, g, n, "✓" if e == g else "✗"] for (e, g), n in
            sorted(confusion.items(), key=lambda item: (item[0][0] == item[0][1], item[0]))]


def _info_rows(run: RunRecord) -> list[list[object]]:
    info = run.info
    return [["run", info.run_id], ["when", info.timestamp], ["commit", info.git_commit], ["system", info.system],
            ["model", info.model or "—"], ["suite", f"{info.suite} (sha256 {info.suite_sha256[:12]})"],
            ["split", info.split or "all"], ["tag", info.tag or "—"], ["limit", info.limit or "—"],
            ["duration", f"{info.seconds:.1f} s"]]


def render_markdown(run: RunRecord) -> str:
    metrics, records = run.metrics, run.records
    parts = [f"# Evaluation run {run.info.run_id}", "", _md_table(["", ""], _info_rows(run)), "",
             "## Headline", "", _md_table(["metric", "value"], [list(r) for r in headline_rows(metrics)]), ""]
    parts += ["## Accuracy by category", ""]
    for dimension, groups in metrics.by.items():
        parts += [f"### {dimension}", "", _md_table([dimension, "turns", "passed", "accuracy"],
                  [[k, r.n, r.hits, f"{100 * (r.value or 0):.1f} %"] for k, r in groups.items()]), ""]
    parts += ["## Latency (ms)", "", _md_table(["stage", "n", "p50", "p95", "max", "mean"],
              [[s, v.n, f"{v.p50:.1f}", f"{v.p95:.1f}", f"{v.max:.1f}", f"{v.mean:.1f}"]
               for s, v in sorted(metrics.latency_ms.items(), key=lambda i: (i[0] == "total", i[0]))]), ""]
    confusion = indicator_confusion(records)
    parts += ["## Indicator resolution (expected vs resolved)", "",
              _md_table(["expected", "resolved", "turns", ""], _confusion_rows(confusion)) if confusion else "_no turn expected values_", ""]
    failures = [r for r in records if not r.passed]
    parts += [f"## Failures ({len(failures)})", ""]
    for r in failures:
        parts += [f"### {r.key} ({r.language}, {', '.join(r.tags)})", "", f"- **question**: {r.question}",
                  f"- **expected**: {expected_text(r)}", f"- **got**: {got_text(r)}", f"- **why**: {r.reason}",
                  f"- **answer**: {r.answer[:300]}"]
        parts += ["", "```sql", r.sql, "```", ""] if r.sql else [""]
    return "\n".join(parts) + "\n"


# ----------------------------------------------------------------------------- html

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ddd;padding:3px 8px;font-size:13px;text-align:left}
th{background:#f3f3f3}pre{background:#f7f7f7;padding:6px;white-space:pre-wrap;font-size:12px}
.fail{border-left:4px solid #e76f51;padding-left:10px;margin-bottom:1em}.ok{color:#2a9d8f}.bad{color:#c0392b}
img{max-width:100%}h2{border-bottom:1px solid #ddd}
"""


def _h(text: object) -> str:
    return html.escape(str(text))


def _html_table(header: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{_h(c)}</th>" for c in header)
    body = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _img(data: str | None, alt: str) -> str:
    return f'<img src="data:image/png;base64,{data}" alt="{_h(alt)}">' if data else ""


def render_html(run: RunRecord) -> str:
    metrics, records = run.metrics, run.records
    confusion = indicator_confusion(records)
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cifra evaluation {_h(run.info.run_id)}"
             f"</title><style>{STYLE}</style></head><body>", f"<h1>Evaluation run {_h(run.info.run_id)}</h1>",
             _html_table(["", ""], _info_rows(run)), "<h2>Headline</h2>",
             _html_table(["metric", "value"], [list(r) for r in headline_rows(metrics)]),
             "<h2>Accuracy by category</h2>", _img(accuracy_plot(metrics), "accuracy by category")]
    for dimension, groups in metrics.by.items():
        parts += [f"<h3>{_h(dimension)}</h3>", _html_table([dimension, "turns", "passed", "accuracy"],
                  [[k, r.n, r.hits, f"{100 * (r.value or 0):.1f} %"] for k, r in groups.items()])]
    parts += ["<h2>Latency</h2>", _img(latency_plot(records), "latency histograms"),
              _html_table(["stage", "n", "p50 ms", "p95 ms", "max ms", "mean ms"],
                          [[s, v.n, f"{v.p50:.1f}", f"{v.p95:.1f}", f"{v.max:.1f}", f"{v.mean:.1f}"]
                           for s, v in sorted(metrics.latency_ms.items(), key=lambda i: (i[0] == "total", i[0]))])]
    parts += ["<h2>Indicator resolution (expected vs resolved)</h2>", _img(confusion_plot(confusion), "confusion"),
              _html_table(["expected", "resolved", "turns", ""], _confusion_rows(confusion)) if confusion else "<p>No turn expected values.</p>"]
    failures = [r for r in records if not r.passed]
    parts.append(f"<h2>Failures ({len(failures)})</h2>")
    for r in failures:
        parts.append(f"<div class=\"fail\"><h3>{_h(r.key)} <small>({_h(r.language)}, {_h(', '.join(r.tags))})</small></h3>"
                     f"<p><b>question</b>: {_h(r.question)}<br><b>expected</b>: {_h(expected_text(r))}<br>"
                     f"<b>got</b>: {_h(got_text(r))}<br><b>why</b>: <span class=\"bad\">{_h(r.reason)}</span><br>"
                     f"<b>answer</b>: {_h(r.answer[:400])}</p>" + (f"<pre>{_h(r.sql)}</pre>" if r.sql else "") + "</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(directory: Path, run: RunRecord) -> tuple[Path, Path]:
    """Write ``report.md`` and ``report.html`` into ``directory``; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    md, page = directory / "report.md", directory / "report.html"
    md.write_text(render_markdown(run), encoding="utf-8")
    page.write_text(render_html(run), encoding="utf-8")
    return md, page

