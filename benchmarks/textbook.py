"""The textbook reference: the same pages, controls and charts written the way a Dash
tutorial does it — one callback per page, one SQL query and one `plotly.express` figure per
chart on every request, Dash Pages with its default validation layout, no caching.

Reads the same warehouse (`SLT_WAREHOUSE`). Served by `gunicorn benchmarks.textbook:server`
beside the project in `benchmarks/run.py`, so both are measured in the same run.
"""

from __future__ import annotations

import os
import threading

import dash
import duckdb
import plotly.express as px
from dash import Dash, Input, Output, dcc, html

from dashboard import dimensions, store
from dashboard.charts import listing as catalog
from dashboard.web.factory import PAGES

_local = threading.local()

SQL = """
SELECT year, municipality, age_group, sex, category, offence_group, measure, value
FROM facts_labelled
WHERE preferred AND list_contains($municipalities, municipality)
  AND year BETWEEN $fra AND $til AND list_contains($measures, measure)
ORDER BY year
"""
MEASURES = {
    "oversikt": ["anmeldelser", "personer", "forhold"],
    "geografi": ["personer", "anmeldelser"],
    "trygghetsprogrammet": ["tp_saker", "bekymringssamtaler", "ungdom_oppfolging"],
}


def cursor():
    if getattr(_local, "pid", None) != os.getpid():
        _local.con = duckdb.connect(os.environ["SLT_WAREHOUSE"], read_only=True)
        _local.pid = os.getpid()
    return _local.con


def control(spec, param):
    param = param.resolved()  # choices and defaults read from the warehouse's vocabulary
    cid = f"tb-{spec.name}-{param.name}"
    if param.year:
        return dcc.Input(id=cid, type="number", min=2000, max=2025, value=param.default)
    options = [{"label": c, "value": c} for c in param.options]  # as the project offers
    if param.multi:
        return dcc.Checklist(id=cid, options=options, value=list(param.default))
    return dcc.RadioItems(id=cid, options=options, value=param.default)


def figure(chart_id: str, page: str, values: dict):
    kommune = values.get("kommune") or "baerum"
    compare = values.get("sammenlign") or [kommune]
    fra = int(values.get("fra") or 2010)
    til = int(values.get("til") or 2024)
    measures = (
        [values["maal"]]
        if values.get("maal") in ("anmeldelser", "personer", "forhold")
        else MEASURES.get(page, ["anmeldelser", "personer"])
    )
    frame = (
        cursor()
        .execute(
            SQL,
            {
                "municipalities": [kommune, *compare],
                "fra": min(fra, til),
                "til": max(fra, til),
                "measures": measures,
            },
        )
        .df()
    )
    title = f"{chart_id} – {kommune}"
    if page in ("trend", "alder_og_kjonn"):
        return px.line(
            frame, x="year", y="value", color="municipality", line_dash="sex", title=title
        )
    return px.bar(
        frame, x="municipality", y="value", color="age_group", barmode="group", title=title
    )


def register(app: Dash, spec) -> None:
    params = [p for p in spec.params if p.name != "lang"]
    charts = [
        cid for cid, c in catalog.REGISTRY.items() if c.page in (spec.name, spec.name.split("_")[0])
    ]
    if not charts and params:
        charts = [f"{spec.name}-overview"]
    layout = html.Div(
        [html.H1(spec.name), *[control(spec, p) for p in params]]
        + [dcc.Graph(id=f"tb-{spec.name}-graph-{i}") for i in range(len(charts))]
    )
    dash.register_page(spec.name, path=spec.path, layout=layout)
    if not params:
        return

    @app.callback(
        [Output(f"tb-{spec.name}-graph-{i}", "figure") for i in range(len(charts))],
        [Input(f"tb-{spec.name}-{p.name}", "value") for p in params],
    )
    def update(*args):
        values = dict(zip([p.name for p in params], args, strict=True))
        return [figure(cid, spec.name, values) for cid in charts]


def create() -> Dash:
    # The controls' choices (kommuner, measures) are data: read the warehouse's vocabulary
    # once, and close the connection before gunicorn forks its workers.
    with duckdb.connect(os.environ["SLT_WAREHOUSE"], read_only=True) as con:
        dimensions.set_default(store.read_vocabulary(con))
    app = Dash(__name__, use_pages=True, pages_folder="")
    for spec in PAGES:
        register(app, spec)
    app.layout = html.Div([dcc.Location(id="url"), dash.page_container])
    return app


app = create()
server = app.server
