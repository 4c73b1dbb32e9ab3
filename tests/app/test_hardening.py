"""Any input, no 5xx and no traceback: property-based tests over every route and callback.

Hypothesis throws random and Unicode text (including Unicode "digits" such as
superscripts, which `str.isdigit()` accepts and `int()` refuses) at every chart CSV,
every page's URL (through the pages router callback, which renders the layout), every
registered callback and Dash's own routes. Each response must be below 500 and must not
contain traceback text.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.charts import listing as charts
from dashboard.web.serving import hardening

PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]
PARAM_NAMES = sorted({p.name for chart in charts.REGISTRY.values() for p in chart.params})
# Kommune codes come from the warehouse's code list (read per request); these stand in.
KOMMUNER = ("baerum", "asker", "oslo", "lillestrom", "norge")
CHOICES = sorted(
    {
        c
        for chart in charts.REGISTRY.values()
        for p in chart.params
        if not callable(p.choices)
        for c in p.choices
    }
    | set(KOMMUNER)
)

#: Text a visitor or a bot may type, weighted towards what parsers get wrong.
unicode_digits = st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=6)
texts = st.one_of(
    st.text(max_size=40),
    unicode_digits,
    st.sampled_from(CHOICES),
    st.integers(1990, 2040).map(str),
    st.just("²⁰²⁰"),  # the case that gave 500s: kept as an explicit example
)


def queries_for(names: list[str]) -> st.SearchStrategy[dict]:
    """Queries over a page's or chart's own parameters (mostly) and unknown ones."""
    return st.dictionaries(
        st.one_of(st.sampled_from([*names, "lang"]), st.text(max_size=10)),
        st.one_of(texts, st.lists(texts, max_size=3)),
        max_size=6,
    )


queries = queries_for(PARAM_NAMES)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def assert_clean(response) -> None:
    """No server error and no traceback text, whatever the input."""
    assert response.status_code < 500, response.data[:500]
    body = response.get_data()
    assert b"Traceback" not in body and b'File "' not in body, body[:500]


def url_query(query: dict) -> list[tuple[str, str]]:
    pairs = []
    for key, value in query.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((key, item))
    return pairs


@given(data=st.data())
def test_any_query_on_any_chart_csv(client, data):
    chart_id = data.draw(st.sampled_from(sorted(charts.REGISTRY)))
    query = data.draw(queries_for([p.name for p in charts.REGISTRY[chart_id].params]))
    response = client.get(f"/last-ned/{chart_id}.csv", query_string=url_query(query))
    assert_clean(response)
    assert response.status_code == 200


def router_body(deps: list[dict], pathname: str, search: str) -> dict:
    """The pages router's request, as the browser sends it when a URL is opened."""
    dep = next(d for d in deps if d["output"].startswith(".._pages_content"))
    return hardening.callback_body(dep, [pathname, search], [])


@given(path=st.sampled_from(PAGES), query=queries)
def test_any_query_on_any_page(client, path, query):
    deps = client.get("/_dash-dependencies").get_json()
    body = router_body(deps, path, "?" + urlencode(url_query(query)))
    response = client.post("/_dash-update-component", json=body)
    assert_clean(response)
    assert response.status_code in (200, 204)


@given(data=st.data())
def test_any_values_on_any_callback(client, data):
    deps = [d for d in client.get("/_dash-dependencies").get_json() if not d["clientside_function"]]
    dep = data.draw(st.sampled_from(deps))
    inputs = [data.draw(json_values) for _ in dep["inputs"]]
    state = [data.draw(json_values) for _ in dep["state"]]
    response = client.post(
        "/_dash-update-component", json=hardening.callback_body(dep, inputs, state)
    )
    assert_clean(response)


@given(body=st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode())))
def test_malformed_callback_bodies_answer_400(client, body, caplog):
    caplog.clear()
    with caplog.at_level(logging.INFO):
        response = client.post(
            "/_dash-update-component", data=body, content_type="application/json"
        )
    assert_clean(response)
    assert response.status_code == 400
    assert "Traceback" not in caplog.text
    assert all("\n" not in r.getMessage() for r in caplog.records)


@given(
    path=st.one_of(
        st.text(max_size=30).map(lambda s: "/_dash-component-suites/" + s),
        st.text(max_size=30).map(lambda s: "/_dash-component-suites/dash/" + s),
        st.text(max_size=30).map(lambda s: "/assets/" + s),
        st.text(max_size=30).map(lambda s: "/last-ned/" + s),
        st.text(max_size=30).map(lambda s: "/" + s),
    ),
    query=queries,
)
def test_any_path(client, path, query):
    assert_clean(client.get(quote(path), query_string=url_query(query)))


def test_unicode_year_gives_the_polite_note(client):
    deps = client.get("/_dash-dependencies").get_json()
    response = client.post("/_dash-update-component", json=router_body(deps, "/trend", "?fra=²⁰²⁰"))
    assert response.status_code == 200
    text = json.dumps(response.get_json(), ensure_ascii=False)
    assert "«²⁰²⁰»" in text and "2010" in text  # the note names the value and the default
    for chart_id in charts.REGISTRY:
        assert client.get(f"/last-ned/{chart_id}.csv?fra=²⁰²⁰&til=²⁰²¹").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/nope/x.js",
        "/_dash-component-suites/dash/nope.v1m1.js",
        "/_dash-component-suites/dash/../../etc/passwd",
    ],
)
def test_unknown_component_suite_path_is_404(client, path):
    assert client.get(path).status_code == 404
