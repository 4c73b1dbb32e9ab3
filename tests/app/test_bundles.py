"""Which scripts a page loads (dashboard/web/serving/bundles.py): plotly.js only where a
chart is drawn, the custom plotly.js bundle beside its licence, no unused component
suite, dcc's lazy chunks under content-hash names, and revalidation answered 304 with
the tag of any encoding of the same file."""

from __future__ import annotations

import re

import dash
import pytest
from dash import dash_table, dcc
from dash.development.base_component import Component

from dashboard.web.factory import EXTRA_PAGES, PAGES
from dashboard.web.serving import bundles
from dashboard.web.serving.static import ASSETS_DIR

SCRIPTS = re.compile(r'<script src="([^"]+)"')


def components(node) -> list[Component]:
    out, stack = [], [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, Component):
            out.append(item)
            for value in vars(item).values():
                if isinstance(value, (Component, list, tuple)):
                    stack.append(value)
    return out


def default_view(app, path: str) -> list[Component]:
    spec = next(p for p in dash.page_registry.values() if p["path"] == path)
    with app.server.test_request_context(path):
        return components(spec["layout"]())


def test_the_plotly_bundle_is_the_only_one_and_has_its_licence_beside_it():
    found = sorted(p.name for p in ASSETS_DIR.glob("plotly-*.js"))
    assert found == ["plotly-custom-4.1.1.min.js"], found
    licence = (ASSETS_DIR / "plotly-custom.LICENSE.txt").read_text(encoding="utf-8")
    assert "plotly.js v4.1.1" in licence and "--- plotly.js 4.1.1 (MIT) ---" in licence
    # every package with code in the bundle is named with its licence (d3 is one of them)
    assert "--- @plotly/d3 " in licence and "BSD-3-Clause" in licence


@pytest.mark.parametrize("spec", [*PAGES, *EXTRA_PAGES], ids=lambda s: s.name)
def test_plotly_js_is_in_the_document_exactly_where_charts_are_drawn(client, app, spec):
    html = client.get(spec.path).get_data(as_text=True)
    plotly = [u for u in SCRIPTS.findall(html) if "/plotly-" in u or "plotly.min.js" in u]
    graphs = [c for c in default_view(app, spec.path) if isinstance(c, dcc.Graph)]
    if spec.draws_charts:
        assert graphs, f"{spec.name} declares charts but its default view draws none"
        assert plotly == [bundles.plotly_url(ASSETS_DIR)], plotly
        assert re.search(r'<script src="/assets/plotly-custom-[^"]+\?v=[0-9a-f]{16}" defer>', html)
    else:
        assert not graphs, f"{spec.name} draws charts: set draws_charts=True"
        assert plotly == [], plotly
    # Every page pins dcc.Graph's fallback to the small bundle (not the 4.8 MB plotly.js).
    assert '"_dashPlotlyJSURL"' in html and bundles.plotly_url(ASSETS_DIR) in html


def test_no_page_loads_a_component_suite_it_does_not_use(client, app):
    for spec in [*PAGES, *EXTRA_PAGES]:
        html = client.get(spec.path).get_data(as_text=True)
        assert "dash_table" not in " ".join(SCRIPTS.findall(html)), spec.name
        used = default_view(app, spec.path)
        assert not any(isinstance(c, dash_table.DataTable) for c in used), spec.name


def test_dcc_chunks_are_named_by_content_and_cached_for_a_year(client):
    html = client.get("/trend").get_data(as_text=True)
    dcc_url = next(u for u in SCRIPTS.findall(html) if "/dcc/dash_core_components." in u)
    bundle = client.get(dcc_url).get_data(as_text=True)
    names = dict(re.findall(r'\d+:"(async-[\w-]+)\.v([0-9a-f]{16})m0"', bundle))
    assert {"async-graph", "async-dropdown", "async-markdown"} <= set(names), names
    plain = client.get("/_dash-component-suites/dash/dcc/async-graph.js")
    assert plain.headers["Cache-Control"] == "no-cache"  # without the hash: revalidated
    assert names["async-graph"] == bundles.fingerprint(plain.data)
    hashed = client.get(
        f"/_dash-component-suites/dash/dcc/async-graph.v{names['async-graph']}m0.js"
    )
    assert hashed.status_code == 200 and hashed.data == plain.data
    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_revalidation_with_the_tag_of_any_encoding_is_answered_304(client):
    url = "/_dash-component-suites/dash/dcc/async-graph.js"
    br = client.get(url, headers={"Accept-Encoding": "br"})
    identity = client.get(url, headers={"Accept-Encoding": "identity"})
    assert br.headers["ETag"] != identity.headers["ETag"]  # one tag per encoding
    for tag, accept in (
        (br.headers["ETag"], "br"),
        (identity.headers["ETag"], "br"),  # cached uncompressed, now asking with br
        (br.headers["ETag"], "gzip"),
        ("W/" + br.headers["ETag"], "gzip, deflate, br"),
        (f'"0123456789abcdef-br", {identity.headers["ETag"]}', "br"),
    ):
        again = client.get(url, headers={"Accept-Encoding": accept, "If-None-Match": tag})
        assert again.status_code == 304, (tag, accept)
        assert again.data == b""
    other = client.get(
        url, headers={"Accept-Encoding": "br", "If-None-Match": '"0123456789abcdef-br"'}
    )
    assert other.status_code == 200 and other.data == br.data


def test_chunk_names_rewrites_only_chunks_that_exist():
    bundle = b'a.u=function(t){return{81:"async-mathjax",746:"async-graph",9:"gone"}[t]+".js"};'
    files = {"dcc/async-graph.js": b"graph", "dcc/async-mathjax.js": b"maths"}
    out = bundles.chunk_names(bundle, "dcc/main.js", files.get).decode()
    assert f'746:"async-graph.v{bundles.fingerprint(b"graph")}m0"' in out
    assert f'81:"async-mathjax.v{bundles.fingerprint(b"maths")}m0"' in out
    assert '9:"gone"' in out  # not a file of the package: left alone
    untouched = b'var x={1:"a"}; // no chunk map'
    assert bundles.chunk_names(untouched, "dcc/main.js", files.get) is untouched
    assert bundles.chunk_names(bundle, "dcc/main.css", files.get) is bundle


def test_embeds_load_the_same_fingerprinted_plotly(client):
    html = client.get("/embed/utvikling?kommune=baerum").get_data(as_text=True)
    assert f'<script src="{bundles.plotly_url(ASSETS_DIR)}" defer>' in html
    response = client.get(bundles.plotly_url(ASSETS_DIR))
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
