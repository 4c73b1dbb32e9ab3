"""The explicit list of chart modules: importing this registers every chart.

The registry itself imports no definition (no cycle); whoever needs every chart (the
web layer, the CLI, tests) imports this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import duckdb

from dashboard.charts import alder_og_kjonn, geografi, oversikt, trend, trygghetsprogrammet
from dashboard.charts.registry import REGISTRY, Chart, ChartResult, on_page, render
from dashboard.state import parse

#: Chart modules in page order; each registers its charts when imported.
MODULES = (oversikt, trend, geografi, alder_og_kjonn, trygghetsprogrammet)

__all__ = ["MODULES", "REGISTRY", "Chart", "ChartResult", "chart_that_draws", "on_page", "render"]


def chart_that_draws(
    cursor: duckdb.DuckDBPyConnection,
    candidates: Sequence[tuple[str, dict[str, str]]],
    result: Callable[[Chart, dict[str, str]], ChartResult] | None = None,
) -> tuple[str, dict[str, str]] | None:
    """The first (chart, page query) whose chart has a figure in that view: where a key
    figure's "Se figuren" goes (never to a chart that says "no figures").

    `result` gives a chart's result for a query (the web layer passes its kept results,
    for the view the page will open); by default the chart is built here.
    """
    for chart_id, query in candidates:
        chart = REGISTRY[chart_id]
        found = (
            result(chart, query)
            if result is not None
            else chart.build(cursor, parse(chart.params, query))
        )
        if found.figure is not None:
            return chart_id, query
    return None
