"""Each indicator's coverage in one line (how many areas, first and last period) for the catalog cards."""

from typing import NamedTuple

from agent.indicators import IndicatorCatalog


class Coverage(NamedTuple):
    areas: int
    first: str
    last: str


def coverage_by_indicator(catalog: IndicatorCatalog) -> dict[str, Coverage]:
    """Folds the per-area spans once, so a search does not walk every (indicator, area) pair."""
    spans: dict[str, list[tuple[str, str]]] = {}
    for (code, _), span in catalog.coverage.items():
        spans.setdefault(code, []).append(span)
    return {code: Coverage(len(pairs), min(first for first, _ in pairs), max(last for _, last in pairs))
            for code, pairs in spans.items()}  # fmt: skip
