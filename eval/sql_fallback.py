"""How often the SQL fallback's answers are right: ``python -m eval.sql_fallback``.

Every dev-split case of an operation beyond a single value (the long tail the fallback is for) is given to the
fallback directly, as if the plan could not express it. An answer is right when the figure the case computes —
a difference's or ratio's result, every member of a ranking, a count, a position, an extreme — is among the
numbers of its rows. The fallback stays off by default unless at least 80 % of its answers are right.
"""

import sys
from collections import Counter

from agent.models import PlanOutcome
from agent.pipeline import default_cifra
from agent.sql_fallback import SqlFallback
from eval.expected import expected_values
from eval.score import load_cases

LONG_TAIL = {"difference", "ratio", "count", "position", "which-period", "rank", "change", "average"}
RESULTS = {"difference", "ratio"}
BAR = 0.8


def _numbers(rows: list[list]) -> list[float]:
    return [float(cell) for row in rows for cell in row if isinstance(cell, int | float) and not isinstance(cell, bool)]


def _close(expected: float, found: float, tolerance: float) -> bool:
    return abs(found - expected) <= max(abs(expected) * max(tolerance, 0.001), 0.01)


def main() -> int:
    cifra = default_cifra()
    fallback = cifra.fallback or SqlFallback(cifra.catalog, cifra.plan.model_parser.chooser, cifra.engine)
    verdicts: Counter[str] = Counter()
    for case in load_cases():
        if case.split != "dev" or case.intent not in LONG_TAIL:
            continue
        turn = case.turns[0]
        expected = expected_values(turn.expect)
        wanted = [value for value in expected if value.indicator in RESULTS] or expected
        answer = fallback(cifra.understand(turn.question, case.language), PlanOutcome(), lambda: None)
        if answer is None:
            verdict = "declined"
        else:
            numbers = _numbers(answer.rows)
            right = all(any(_close(value.value, found, value.tolerance) for found in numbers) for value in wanted)
            verdict = "right" if right else "wrong"
        verdicts[verdict] += 1
        print(f"{verdict:9} {case.id}: {turn.question}\n          {answer.sql if answer else ''}", flush=True)
    answered = verdicts["right"] + verdicts["wrong"]
    share = verdicts["right"] / answered if answered else 0.0
    print(f"\n{sum(verdicts.values())} cases: {verdicts['right']} right, {verdicts['wrong']} wrong, "
          f"{verdicts['declined']} declined; right when it answers: {share:.0%} (bar {BAR:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
