"""Each chart's rows from the API are the rows the chart and its CSV were drawn from; the
chart menu and "Om tallene" offer the call; the readable API page, the footer links and
the schema.org Dataset in every page's head."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re

import pytest

from dashboard.charts.listing import REGISTRY
from dashboard.web.layout import shell
from dashboard.web.layout.page import layout_for
from dashboard.web.pages import apne_data, trend


def api_rows(client, chart_id: str, query: str) -> dict:
    response = client.get(f"/api/v1/figurer/{chart_id}?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)[:400]
    return response.get_json()


@pytest.mark.parametrize("chart_id", sorted(REGISTRY))
@pytest.mark.parametrize("query", ["kommune=baerum", "kommune=oslo&lang=en"])
def test_a_charts_rows_are_its_csvs_rows(client, chart_id, query):
    names = {p.name for p in REGISTRY[chart_id].params}
    query = "&".join(q for q in query.split("&") if q.split("=")[0] in names)
    body = api_rows(client, chart_id, query)
    link = body["links"]["csv"].removeprefix("http://localhost")
    text = client.get(link).get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(body["data"])
    keys = [
        c for c in ("year", "municipality", "age_group", "sex", "status") if c in body["columns"]
    ]
    for row, record in zip(rows, body["data"], strict=True):
        for key in keys:
            assert (row.get(key) or "") == ("" if record[key] is None else str(record[key]))
        if record.get("value") is not None:
            measure = record["measure"]
            assert float(row[measure]) == pytest.approx(float(record["value"]))
    assert body["title"] and body["view"]["kommune"] in ("baerum", "oslo")


def test_the_view_is_the_pages_view_with_its_defaults(client):
    body = api_rows(client, "utvikling", "kommune=baerum")
    assert body["view"]["fra"] and body["view"]["til"]  # year defaults from the warehouse
    assert body["links"]["view"].startswith("http://localhost/trend?")
    assert body["links"]["self"].startswith("http://localhost/api/v1/figurer/utvikling?")
    assert api_rows(client, "utvikling", "kommune=baerum&fra=2019&til=2015")["view_notes"]


def test_a_chart_view_with_an_unknown_parameter_or_value_is_a_400(client):
    response = client.get("/api/v1/figurer/utvikling?kommune=gotham&farge=rosa")
    assert response.status_code == 400
    assert {e["parameter"] for e in response.get_json()["errors"]} == {"kommune", "farge"}


def test_the_chart_menu_and_om_tallene_offer_the_api_call(app, client):
    query = {"kommune": "baerum"}
    with app.server.test_request_context("/trend?kommune=baerum"):
        page = str(layout_for(trend.SPEC)(**query))
    calls = re.findall(r"href='(/api/v1/figurer/utvikling\?[^']+)'", page)
    assert len(calls) >= 2  # the menu item and the link in "Om tallene"
    assert "Se API-kallet" in page
    assert client.get(calls[0]).status_code == 200


def test_the_readable_api_page_lists_the_endpoints_with_working_examples(app, client):
    with app.server.test_request_context("/apne-data"):
        page = str(layout_for(apne_data.SPEC)())
        rows = apne_data.endpoint_rows("nb")
        curls = apne_data.curl_examples("nb")
    assert "Endepunkter" in page and "feil-bad-parameters" in page
    assert any(path == "/api/v1/figurer/{figur}" for path, _, _ in rows)
    for _path, _summary, example in rows:
        assert example in page
        assert client.get(example).status_code == 200, example
    assert [c.split("'")[1].split("?")[0].rsplit("/", 1)[1] for c in curls] == [
        "fakta",
        "fakta.csv",
        "fakta.jsonstat",
        "endringer.atom",
        "katalog.ttl",
    ]


def test_every_page_has_a_schema_org_dataset_that_the_csp_need_not_allow(client):
    response = client.get("/alder-og-kjonn?lang=en")
    head = response.get_data(as_text=True).split("</head>")[0]
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    data = json.loads(block)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Dataset"
    assert data["name"].startswith("SLT statistics") and data["inLanguage"] == "en"
    assert {p["name"] for p in data["spatialCoverage"]} >= {"Bærum", "Oslo"}
    assert re.fullmatch(r"\d{4}/\d{4}", data["temporalCoverage"])
    assert data["includedInDataCatalog"]["url"] == "http://localhost/katalog.ttl"
    assert "text/csv" in {d["encodingFormat"] for d in data["distribution"]}
    assert data["publisher"]["name"] == "Bærum kommune"
    # a data block, never run: its hash is not among the scripts the policy allows
    digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
    assert digest not in response.headers["Content-Security-Policy"]


def test_the_footer_links_what_changed_and_the_open_data(app):
    frame = str(shell.shell((), "en"))
    assert "/hva-er-nytt?lang=en" in frame and "/apne-data?lang=en" in frame
    assert "What's new" in frame and "Open data and API" in frame
