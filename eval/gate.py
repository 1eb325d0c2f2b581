"""The golden gate: a turn that passed once keeps passing.

``eval/passing.txt`` lists the golden turns that pass (``case-id#turn``, one per line). A run fails the gate
when a listed turn fails or is gone; ``cifra eval run --ratchet`` adds the turns that newly pass, and the list
only grows. A case that is rightly changed is taken off the list by hand, in the same commit, with the reason.
"""

from pathlib import Path

from eval.metrics import TurnRecord

PASSING_FILE = Path(__file__).with_name("passing.txt")


def turn_id(record: TurnRecord) -> str:
    return f"{record.case_id}#{record.turn}"


def load_passing(path: Path = PASSING_FILE) -> set[str]:
    if not path.is_file():
        return set()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line and not line.startswith("#")}


def regressions(records: list[TurnRecord], passing: set[str]) -> list[str]:
    """Listed turns that failed, each with why, and listed turns the run did not have."""
    seen = {turn_id(record): record for record in records}
    failed = [f"{key}: {seen[key].reason}" for key in sorted(passing & seen.keys()) if not seen[key].passed]
    return failed + [f"{key}: not in the suite" for key in sorted(passing - seen.keys())]


def newly_passing(records: list[TurnRecord], passing: set[str]) -> list[str]:
    return sorted(turn_id(record) for record in records if record.passed and turn_id(record) not in passing)


def ratchet(records: list[TurnRecord], path: Path = PASSING_FILE) -> list[str]:
    """Add the turns that newly pass to the list; refuses while a listed turn fails (the list never shrinks here)."""
    passing = load_passing(path)
    failed = [problem for problem in regressions(records, passing) if not problem.endswith("not in the suite")]
    if failed:
        raise ValueError("listed turns fail, fix them first: " + "; ".join(failed))
    added = newly_passing(records, passing)
    header = "# Golden turns that pass: the gate fails when one of them fails (eval/gate.py).\n"
    path.write_text(header + "".join(f"{key}\n" for key in sorted(passing | set(added))), encoding="utf-8")
    return added
