"""The chart an answer asks for (``Answer.chart``), drawn with Altair from the answer's own rows."""

import altair as alt
import pandas as pd

from agent.models import Answer


def answer_chart(answer: Answer) -> alt.Chart | None:
    """Lines over periods for series, horizontal bars for rankings; None when there is nothing to draw."""
    spec = answer.chart
    if spec is None or not answer.rows:
        return None
    data = pd.DataFrame(answer.rows, columns=answer.columns)
    fields = [name for name in (spec.x, spec.y, spec.color) if name]
    if any(name not in data.columns for name in fields):
        return None
    unit = answer.values[0].unit if answer.values else spec.y
    if spec.kind == "line":  # periods as ordinals: "2020-Q3" and "2023-12" are not dates Vega can parse
        chart = alt.Chart(data).mark_line(point=True).encode(
            x=alt.X(f"{spec.x}:O", title=None), y=alt.Y(f"{spec.y}:Q", title=unit))
    else:
        chart = alt.Chart(data).mark_bar().encode(
            y=alt.Y(f"{spec.x}:N", sort="-x", title=None), x=alt.X(f"{spec.y}:Q", title=unit))
    if spec.color:
        chart = chart.encode(color=alt.Color(f"{spec.color}:N", title=None, legend=alt.Legend(orient="bottom")))
    return chart.encode(tooltip=fields)
