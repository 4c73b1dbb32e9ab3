"""Bundle budget: bytes a first visit of each page transfers, as served, must stay small.

Measured through the app (as served to a client that sends `Accept-Encoding: br`, and
to one that sends only gzip): the document, every script and stylesheet it names, the
favicon, Dash's layout and dependency documents and the dcc chunks the page's
components load. The budget is an assert (a size, not a time).
"""

from __future__ import annotations

import re

import dash
import pytest
from dash import dcc
from dash.development.base_component import Component

from dashboard.charts import listing as charts
from dashboard.state import parse
from tests.paths import ROOT

PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]
#: Pages that draw charts (plotly.js is ~324 KB of their first visit) and pages without.
CHART_PAGES = ("/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet")
BUDGET = 800_000
PLAIN_BUDGET = 330_000
EMBED_BUDGET = 250_000
#: The chunk dcc loads for each of its components (dash/dcc/async-*.js).
CHUNKS = {
    dcc.Graph: "async-graph.js",
    dcc.Dropdown: "async-dropdown.js",
    dcc.Slider: "async-slider.js",
    dcc.RangeSlider: "async-slider.js",
    dcc.Markdown: "async-markdown.js",
    dcc.Upload: "async-upload.js",
}
BUNDLE = "assets/plotly-custom-4.1.1.min.js"


def components(node) -> list[Component]:
    out, stack = [], [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, Component):
            out.append(item)
            stack.append(getattr(item, "children", None))
    return out


def first_visit(client, app, path: str, accept: str) -> dict[str, int]:
    """Bytes on the wire (bodies as served) per URL of a first visit."""
    sizes = {}
    page = client.get(path, headers={"Accept-Encoding": accept})
    assert page.status_code == 200
    sizes[path] = len(page.data)
    html = client.get(path).get_data(as_text=True)
    # Without the custom bundle in a chart page, dcc.Graph would load the 4.8 MB plotly.js.
    named = '<script src="/assets/plotly-custom-' in html
    assert named == (path in CHART_PAGES), f"plotly.js in {path}: {named}"
    # What the browser loads by itself: scripts, stylesheets and icons (not links to follow).
    loaded = re.findall(r'<(?:script|link)\b[^>]*?\b(?:src|href)="(/[^"]+)"', html)
    urls = [*loaded, "/_dash-layout", "/_dash-dependencies"]
    spec = next(p for p in dash.page_registry.values() if p["path"] == path)
    with app.server.test_request_context(path):
        kinds = {type(c) for c in components([app.layout, spec["layout"]()])}
    urls += sorted({f"/_dash-component-suites/dash/dcc/{CHUNKS[k]}" for k in kinds if k in CHUNKS})
    for url in urls:
        response = client.get(url, headers={"Accept-Encoding": accept})
        assert response.status_code == 200, url
        sizes[url] = len(response.data)
    return sizes


@pytest.mark.parametrize("accept", ["br", "gzip"])
def test_first_visit_of_every_page_within_budget(client, app, accept):
    totals = {}
    for path in PAGES:
        sizes = first_visit(client, app, path, accept)
        totals[path] = sum(sizes.values())
        print(f"{accept:5} {path:22} {totals[path]:>9,} bytes in {len(sizes)} responses")
    assert max(totals.values()) <= BUDGET, totals
    plain = {p: n for p, n in totals.items() if p not in CHART_PAGES}
    assert max(plain.values()) <= PLAIN_BUDGET, plain


def test_embed_within_budget(client, app):
    routes = [r.rule for r in app.server.url_map.iter_rules() if r.rule.startswith("/embed/")]
    if not routes:
        pytest.skip("no /embed/ route in this app yet (budget 250 KB applies once it exists)")
    response = client.get(routes[0].split("<")[0], headers={"Accept-Encoding": "br"})
    html = client.get(routes[0].split("<")[0]).get_data(as_text=True)
    total = len(response.data) + sum(
        len(client.get(u, headers={"Accept-Encoding": "br"}).data)
        for u in re.findall(r'(?:src|href)="(/[^"]+)"', html)
    )
    assert total <= EMBED_BUDGET, total


def test_the_plotly_bundle_has_every_trace_type_the_charts_draw(con):
    text = (ROOT / BUNDLE).read_text(encoding="utf-8")
    in_bundle = set(re.findall(r'moduleType:"trace",name:"(\w+)"', text))
    import plotly

    assert f"v{plotly.offline.get_plotlyjs_version()}" in text[:200], "same plotly.js version"
    drawn = set()
    cur = con.cursor()
    for chart in charts.REGISTRY.values():
        # Every choice a control offers (the kommune picker: the featured kommuner).
        variants = [{}] + [{p.name: c} for p in chart.params for c in p.options]
        for query in variants:
            figure = chart.build(cur, parse(chart.params, query)).figure
            for trace in (figure or {}).get("data", []):
                drawn.add(trace.get("type", "scatter"))
    assert drawn, "the charts draw traces"
    assert drawn <= in_bundle, drawn - in_bundle
