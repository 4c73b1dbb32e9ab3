"""Every route, any input: nested, huge and malformed bodies and URLs give no 5xx and
no traceback, in the answer or in the log.

Hypothesis draws a route of the app's URL map (its variables filled with any text),
a query (repeated keys, Unicode, values of kilobytes, `[[[…` nesting, percent escapes),
a method and a body (binary, JSON nested a thousand levels, JSON of 100 KB). Routes
that draw images are fuzzed in the `render` test at the end (they need Chromium).
"""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.charts import listing as charts
from dashboard.web.outputs.links import PRESENTATION_PATH, WORDREPORT_PATH
from dashboard.web.serving import hardening

#: Routes that draw chart images with Chromium (the render test below covers them).
#: The Word report and the PowerPoint deck draw their charts as images too.
DRAWING = ("/bilde/", "/last-ned/rapportfigurer.zip", WORDREPORT_PATH, PRESENTATION_PATH)

#: Values the parameters accept (kommune codes come from the warehouse: these stand in).
CHOICES = sorted(
    {
        c
        for ch in charts.REGISTRY.values()
        for p in ch.params
        if not callable(p.choices)
        for c in p.choices
    }
    | {"baerum", "asker", "oslo", "lillestrom", "norge", "alle"}
)
deep = st.integers(1, 3000).map(lambda n: "[" * n + "]" * n)
huge = st.integers(10_000, 100_000).map(lambda n: "9" * n)
values = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(categories=["Nd", "No", "Zs", "Cc"]), max_size=10),
    deep,
    st.integers(2000, 12_000).map(lambda n: "x" * n),
    st.sampled_from(CHOICES),
    st.just("%00%ff%2e%2e%2f"),
)
names = st.one_of(
    st.sampled_from(sorted({p.name for ch in charts.REGISTRY.values() for p in ch.params})),
    st.sampled_from(["lang", "agenda", "lysbilde", "url", "format", "tema"]),
    st.text(max_size=12),
)
queries = st.lists(st.tuples(names, values), max_size=8)
bodies = st.one_of(
    st.none(),
    st.binary(max_size=300),
    deep.map(str.encode),
    huge.map(lambda s: ('{"output": "' + s + '"}').encode()),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=30,
    ).map(lambda v: json.dumps(v).encode()),
)


def route_paths(app) -> list[str]:
    """Every rule of the URL map, its variables as `{name}` placeholders."""
    out = []
    for rule in app.server.url_map.iter_rules():
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        out.append(path)
    return sorted(set(out))


def fill(path: str, text: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda _m: quote(text, safe="/.") or "x", path)


def assert_clean(response, caplog, what) -> None:
    assert response.status_code < 500, (what, response.status_code, response.data[:300])
    data = response.get_data()
    assert b"Traceback" not in data and b'File "' not in data, what
    assert "Traceback" not in caplog.text, what


@given(data=st.data())
def test_any_input_at_any_route(app, client, caplog, data):
    paths = [p for p in route_paths(app) if not p.startswith(DRAWING)]
    path = fill(data.draw(st.sampled_from(paths)), data.draw(st.one_of(st.text(max_size=40), deep)))
    if path.startswith(DRAWING):  # a variable filled so that it names a drawing route
        return
    query = data.draw(queries)
    method = data.draw(st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"]))
    body = data.draw(bodies) if method in ("POST", "PUT") else None
    with caplog.at_level(logging.INFO):
        response = client.open(
            path,
            method=method,
            query_string=query,
            data=body,
            content_type="application/json" if body is not None else None,
        )
    assert_clean(response, caplog, (method, path))


@given(body=bodies, output=st.sampled_from(["", "..x..", hardening.CALLBACK_ENDPOINT]))
def test_any_body_at_the_callback_route(client, caplog, body, output):
    with caplog.at_level(logging.INFO):
        response = client.post(
            hardening.CALLBACK_ENDPOINT, data=body or b"", content_type="application/json"
        )
    assert_clean(response, caplog, output)
    assert response.status_code in (200, 204, 400)


@given(
    search=st.lists(st.tuples(names, values), max_size=6),
    path=st.sampled_from(
        [
            "/",
            "/trend",
            "/geografi",
            "/alder-og-kjonn",
            "/trygghetsprogrammet",
            "/om-dataene",
            "/mote",
            "/tilgjengelighet",
            "/finnes-ikke",
        ]
    ),
)
def test_any_url_through_the_pages_router(client, caplog, search, path):
    from urllib.parse import urlencode

    deps = client.get("/_dash-dependencies").get_json()
    router = next(d for d in deps if d["output"].startswith(".._pages_content"))
    body = hardening.callback_body(router, [path, "?" + urlencode(search)], [])
    with caplog.at_level(logging.INFO):
        response = client.post(hardening.CALLBACK_ENDPOINT, json=body)
    assert_clean(response, caplog, (path, search))
    assert response.status_code in (200, 400)  # 400: a body above the size limit


@pytest.mark.render
@given(data=st.data())
def test_any_query_at_the_drawing_routes(client, caplog, data):
    chart = data.draw(st.sampled_from(sorted(charts.REGISTRY)))
    path = data.draw(
        st.sampled_from(
            [
                f"/bilde/{chart}.png",
                f"/bilde/{chart}.svg",
                f"/bilde/{chart}.og.png",
                "/last-ned/rapportfigurer.zip",
                WORDREPORT_PATH,
                PRESENTATION_PATH,
            ]
        )
    )
    with caplog.at_level(logging.INFO):
        response = client.get(path, query_string=data.draw(queries))
    assert_clean(response, caplog, path)
