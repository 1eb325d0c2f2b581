"""Run history: every evaluation run is recorded, and any two runs can be compared.

A run lives in ``$CIFRA_HOME/eval/runs/<run-id>/``: ``run.json`` (a :class:`RunRecord`: who, what,
when, the metrics and every turn's record) beside the report; ``$CIFRA_HOME/eval/runs/index.jsonl``
gets one line per run (the same, without the turns and the breakdowns).
"""

from __future__ import annotations

import hashlib
import secrets
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from eval.metrics import LOWER_IS_BETTER, Metrics, TurnRecord

REPO_ROOT = Path(__file__).resolve().parent.parent


class RunInfo(BaseModel):
    run_id: str
    timestamp: str
    git_commit: str
    system: str
    model: str | None
    suite: str
    suite_sha256: str
    split: str | None
    tag: str | None = None
    limit: int | None = None
    seconds: float = 0.0


class RunRecord(BaseModel):
    info: RunInfo
    metrics: Metrics
    records: list[TurnRecord]


class IndexLine(BaseModel):
    info: RunInfo
    headline: dict[str, float | None]
    path: str


def runs_dir(home: Path) -> Path:
    return Path(home) / "eval" / "runs"


def git_commit(cwd: Path = REPO_ROOT) -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=cwd, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "unknown"


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def new_run_id(system: str, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%d-%H%M%S}-{system}-{secrets.token_hex(2)}"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def save_run(home: Path, run: RunRecord) -> Path:
    """Write ``run.json`` into the run's folder and append the index line; returns the folder."""
    directory = runs_dir(home) / run.info.run_id
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "run.json").write_text(run.model_dump_json(indent=1), encoding="utf-8")
    line = IndexLine(info=run.info, headline=run.metrics.headline(), path=str(directory))
    with (runs_dir(home) / "index.jsonl").open("a", encoding="utf-8") as index:
        index.write(line.model_dump_json() + "\n")
    return directory


def list_runs(home: Path) -> list[IndexLine]:
    """The recorded runs, oldest first (lines that do not parse are skipped)."""
    index = runs_dir(home) / "index.jsonl"
    if not index.is_file():
        return []
    out: list[IndexLine] = []
    for text in index.read_text(encoding="utf-8").splitlines():
        if text.strip():
            try:
                out.append(IndexLine.model_validate_json(text))
            except ValueError:
                continue
    return out


def load_run(home: Path, run: str) -> RunRecord:
    """A run by id, by a unique id prefix, by ``latest``/``previous``, or by the path of its folder or run.json."""
    candidate = Path(run)
    if candidate.is_file():
        return RunRecord.model_validate_json(candidate.read_text(encoding="utf-8"))
    if (candidate / "run.json").is_file():
        return RunRecord.model_validate_json((candidate / "run.json").read_text(encoding="utf-8"))
    root = runs_dir(home)
    ids = [line.info.run_id for line in list_runs(home)]
    if run in ("latest", "previous") and len(ids) >= (1 if run == "latest" else 2):
        run = ids[-1] if run == "latest" else ids[-2]
    if not (root / run / "run.json").is_file():
        matches = sorted(p.name for p in root.glob(f"{run}*") if (p / "run.json").is_file()) if root.is_dir() else []
        if len(matches) != 1:
            raise FileNotFoundError(f"no single recorded run matches {run!r} in {root}"
                                    + (f" (candidates: {', '.join(matches)})" if matches else ""))
        run = matches[0]
    return RunRecord.model_validate_json((root / run / "run.json").read_text(encoding="utf-8"))


class Delta(BaseModel):
    metric: str
    a: float | None
    b: float | None
    delta: float | None
    verdict: str  # improved, regressed, same, n/a


class Flip(BaseModel):
    key: str
    question: str
    reason_a: str
    reason_b: str


class Comparison(BaseModel):
    a: RunInfo
    b: RunInfo
    deltas: list[Delta]
    fixed: list[Flip]  # failed in A, passed in B
    broken: list[Flip]  # passed in A, failed in B
    only_a: list[str]
    only_b: list[str]


def compare_runs(a: RunRecord, b: RunRecord, epsilon: float = 1e-9) -> Comparison:
    """Metric deltas from A to B and the turns whose verdict flipped."""
    head_a, head_b = a.metrics.headline(), b.metrics.headline()
    deltas = []
    for metric in head_a.keys() | head_b.keys():
        va, vb = head_a.get(metric), head_b.get(metric)
        if va is None or vb is None:
            deltas.append(Delta(metric=metric, a=va, b=vb, delta=None, verdict="n/a"))
            continue
        change = vb - va
        better = -change if metric in LOWER_IS_BETTER else change
        verdict = "same" if abs(change) <= epsilon else "improved" if better > 0 else "regressed"
        deltas.append(Delta(metric=metric, a=va, b=vb, delta=change, verdict=verdict))
    order = list(head_a) + [m for m in head_b if m not in head_a]
    deltas.sort(key=lambda d: order.index(d.metric))
    turns_a = {r.key: r for r in a.records}
    turns_b = {r.key: r for r in b.records}
    fixed, broken = [], []
    for key in turns_a.keys() & turns_b.keys():
        ra, rb = turns_a[key], turns_b[key]
        if ra.passed != rb.passed:
            flip = Flip(key=key, question=rb.question, reason_a=ra.reason, reason_b=rb.reason)
            (fixed if rb.passed else broken).append(flip)
    return Comparison(a=a.info, b=b.info, deltas=deltas, fixed=sorted(fixed, key=lambda f: f.key),
                      broken=sorted(broken, key=lambda f: f.key),
                      only_a=sorted(turns_a.keys() - turns_b.keys()), only_b=sorted(turns_b.keys() - turns_a.keys()))

