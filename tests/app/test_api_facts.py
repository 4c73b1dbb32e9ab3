"""The facts endpoint: JSON, CSV and JSON-stat give the same numbers, with provenance,
paged; errors are problem JSON in the reader's language; caching and CORS headers."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from pyjstat import pyjstat

from dashboard import export
from dashboard.build import warehouse
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.web.outputs.api import apidata, jsonstat

IDENTITY = list(jsonstat.DIMENSIONS)


def csv_rows(client, query: str) -> list[dict[str, str]]:
    response = client.get(f"/api/v1/fakta.csv?{query}")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv; charset=utf-8")
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_csv_has_the_exports_columns_and_rows(client, con):
    """`utgaver=alle` without filters is the export itself (codes), row for row."""
    rows, page = [], 1
    while page == 1 or len(rows) == (page - 1) * 10000:  # every page of the largest size
        rows += csv_rows(client, f"utgaver=alle&per_side=10000&side={page}")
        page += 1
    expected = export.all_facts(con.cursor(), codes=True)
    assert list(rows[0]) == list(expected.columns)
    as_text = expected.astype(object).where(expected.notna(), "").astype(str)
    assert [tuple(r.values()) for r in rows] == [tuple(r) for r in as_text.itertuples(index=False)]


def test_filters_select_what_they_say(client):
    rows = csv_rows(client, "kommune=baerum&maal=anmeldelser,personer&fra=2015&til=2019")
    assert rows
    assert {r["municipality"] for r in rows} == {"baerum"}
    assert {r["measure"] for r in rows} <= {"anmeldelser", "personer"}
    assert all(2015 <= int(r["year"]) <= 2019 for r in rows)
    assert {r["preferred"] for r in rows} == {"True"}  # the numbers shown, by default
    both = csv_rows(client, "kommune=baerum&maal=anmeldelser&maal=personer&aar=2015,2016")
    assert {int(r["year"]) for r in both} == {2015, 2016}


def test_missing_numbers_are_empty_with_their_symbol_never_zero(client):
    rows = csv_rows(client, "per_side=10000&utgaver=alle")
    missing = [r for r in rows if r["status"]]
    assert missing, "the data has missing cells"
    assert all(r["value"] == "" for r in missing)
    assert {r["status"] for r in missing} <= {"..", ":", ".", "-"}
    data = client.get("/api/v1/fakta?per_side=10000&utgaver=alle").get_json()["data"]
    assert all(d["value"] is None for d in data if d["status"])


def test_json_records_carry_value_symbol_unit_and_provenance(client):
    body = client.get("/api/v1/fakta?kommune=baerum&maal=anmeldelser&per_side=5").get_json()
    record = body["data"][0]
    for key in ("value", "status", "unit", "publication", "publisher", "section", "licence"):
        assert key in record
    assert record["source_id"] and record["publication"] and record["licence"]
    assert isinstance(record["value"], int)  # counts as whole numbers
    english = client.get("/api/v1/fakta?kommune=baerum&maal=anmeldelser&lang=en").get_json()
    assert english["data"][0]["unit"] == "reports"


def test_paging_walks_every_fact_once(client):
    first = client.get("/api/v1/fakta?kommune=oslo&per_side=25").get_json()
    assert first["page"] == 1 and first["page_size"] == 25
    assert first["pages"] == -(-first["total"] // 25) and first["pages"] > 1
    seen, page = [], first
    while True:
        seen += [(r["source_id"], r["year"], r["measure"]) for r in page["data"]]
        if "next" not in page["links"]:
            break
        page = client.get(page["links"]["next"].removeprefix("http://localhost")).get_json()
    everything = client.get("/api/v1/fakta?kommune=oslo&per_side=10000").get_json()
    assert len(seen) == first["total"] == len(everything["data"])
    assert seen == [(r["source_id"], r["year"], r["measure"]) for r in everything["data"]]
    beyond = client.get(f"/api/v1/fakta?kommune=oslo&per_side=25&side={first['pages'] + 1}")
    assert beyond.status_code == 200
    assert beyond.get_json()["data"] == [] and beyond.get_json()["total"] == first["total"]
    linked = client.get("/api/v1/fakta.csv?kommune=oslo&per_side=25").headers["Link"]
    assert 'rel="next"' in linked and "side=2" in linked


@pytest.mark.parametrize(
    "query", ["utgaver=alle&per_side=10000", "kommune=baerum&fra=2016", "maal=befolkning"]
)
def test_jsonstat_reads_back_with_pyjstat_to_the_numbers_of_the_csv(client, query):
    expected = {
        (*(r[c] for c in IDENTITY), r["source_id"]): (r["value"], r["status"])
        for r in csv_rows(client, query)
    }
    collection = client.get(f"/api/v1/fakta.jsonstat?{query}").get_json()
    assert collection["version"] == "2.0" and collection["class"] == "collection"
    got = {}
    for item in collection["link"]["item"]:
        dataset = pyjstat.Dataset.read(json.dumps(item))
        values = dataset.write("dataframe", naming="id")
        status = (
            dataset.write("dataframe", naming="id", value="status") if "status" in item else None
        )
        values["status"] = status["status"] if status is not None else None
        source_id = item["extension"]["source"]["source_id"]
        for row in values.itertuples(index=False):
            value = row.value
            symbol = row.status if isinstance(row.status, str) else ""
            if (value is None or pd.isna(value)) and not symbol:
                continue  # a cell the printed table does not have
            key = (*(str(getattr(row, c)) for c in IDENTITY), source_id)
            got[key] = (export.number_text(value), symbol)
    assert got == expected


def test_jsonstat_has_labels_in_the_language_and_the_source_in_extension(client):
    body = client.get("/api/v1/fakta.jsonstat?kommune=baerum&maal=anmeldelser&lang=en").get_json()
    item = body["link"]["item"][0]
    assert item["dimension"]["measure"]["category"]["label"]["anmeldelser"] == "Police reports"
    assert item["dimension"]["year"]["label"] == "Year"
    source = item["extension"]["source"]
    assert source["publication"] and source["licence"] and source["source_id"]
    own = client.get(item["href"].removeprefix("http://localhost")).get_json()["link"]["item"]
    assert len(own) == 1 and own[0]["value"] == item["value"]


def test_unknown_parameters_and_codes_are_a_400_problem_in_the_readers_language(client):
    response = client.get("/api/v1/fakta?kommune=atlantis&fylke=1")
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == 400 and problem["title"] == "Ugyldig forespørsel"
    assert problem["type"].endswith("/apne-data#feil-bad-parameters")
    errors = {e["parameter"]: e for e in problem["errors"]}
    assert "kommune" in errors["fylke"]["allowed"]
    assert "baerum" in errors["kommune"]["allowed"]
    english = client.get("/api/v1/fakta?fylke=1", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert english.get_json()["title"] == "Invalid request"
    assert english.headers["Content-Language"] == "en"
    assert "Accept-Language" in english.headers["Vary"]
    norwegian = client.get("/api/v1/fakta?fylke=1", headers={"Accept-Language": "nn-NO"})
    assert norwegian.get_json()["title"] == "Ugyldig forespørsel"
    assert client.get("/api/v1/fakta?fylke=1&lang=en").get_json()["title"] == "Invalid request"


def test_unknown_paths_and_methods_are_problems_too(client):
    missing = client.get("/api/v1/finnes-ikke")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"
    assert client.get("/api/v1/figurer/finnes-ikke").status_code == 404
    assert client.get("/api/v1/kilder/finnes-ikke").status_code == 404
    assert client.get("/api/v1/kommuner/norge").status_code == 404  # an area, not a kommune
    posted = client.post("/api/v1/fakta")
    assert posted.status_code == 405 and posted.mimetype == "application/problem+json"
    assert "GET" in posted.headers["Allow"]


def test_any_site_may_read_and_answers_are_cached_by_warehouse_and_url(client):
    response = client.get("/api/v1/fakta?kommune=asker")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cache-Control"] == "public, max-age=300"
    tag = response.headers["ETag"]
    again = client.get("/api/v1/fakta?kommune=asker", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    other = client.get("/api/v1/fakta?kommune=oslo")
    assert other.headers["ETag"] != tag
    preflight = client.options(
        "/api/v1/fakta",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in preflight.headers["Access-Control-Allow-Headers"]
    assert client.get("/api/v1/fakta?fylke=1").headers["Access-Control-Allow-Origin"] == "*"


def test_a_rebuilt_warehouse_changes_the_etag(fixture_data, tmp_path):
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    client = create_app(Settings(warehouse=target, auto_build=False)).server.test_client()
    before = client.get("/api/v1/fakta").headers["ETag"]
    (fixture_data / "reports.csv").write_text(
        (fixture_data / "reports.csv").read_text(encoding="utf-8").replace(",253,", ",254,"),
        encoding="utf-8",
    )
    warehouse.build(fixture_data, target)
    after = client.get("/api/v1/fakta", headers={"If-None-Match": before})
    assert after.status_code == 200 and after.headers["ETag"] != before
    assert 254 in [r["value"] for r in after.get_json()["data"]]


def test_what_is_kept_per_warehouse_stays_bounded_whatever_the_host(app):
    """Kept answers are keyed by name (the catalogue's includes the site's address, which
    a request's Host header sets): many names must not grow the memory without bound."""
    with app.server.test_request_context("/katalog.ttl", headers={"Host": "a.example"}):
        for n in range(3 * apidata.MAX_KEPT):
            assert apidata.per_warehouse(f"catalogue turtle h{n}", lambda _cur, n=n: n) == n
        kept = app.server.extensions[apidata.EXTENSION]
        assert len(kept) <= apidata.MAX_KEPT
        assert ("catalogue turtle h0", app.server.extensions["slt"].store.fingerprint) not in kept
