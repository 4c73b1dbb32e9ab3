"""The app through Flask's test client: pages, downloads, headers, bad input."""

from __future__ import annotations

import csv
import io

import pytest

import queries
from dashboard import dimensions
from dashboard.charts import listing as charts
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.state import parse
from tests.facts import stored

PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_serve_with_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b'<html lang="nb">' in response.data
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_layout_validates_every_page(client):
    # Dash calls each page layout without arguments to validate callbacks.
    response = client.get("/_dash-layout")
    assert response.status_code == 200
    assert b"skip-link" in response.data


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.data == b"ok\n"


def read_csv(response) -> list[dict]:
    text = response.data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_chart_csv_has_exactly_the_rows_behind_the_chart(client, con):
    response = client.get("/last-ned/utvikling.csv?kommune=baerum&sted=bosted&fra=2015&til=2018")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"  # charset once
    rows = read_csv(response)
    expected = con.execute(
        "SELECT count(*) FROM facts WHERE preferred AND measure='anmeldelser' AND place_role='bosted' "
        "AND municipality='baerum' AND age_group IN ('10-14','15-17') AND sex IN ('jenter','gutter') "
        "AND residence='baerum' AND category='alle' AND year BETWEEN 2015 AND 2018"
    ).fetchall()[0][0]
    assert len(rows) == expected == 16
    assert {r["place_role"] for r in rows} == {"bosted"}
    one = next(
        r
        for r in rows
        if r["year"] == "2016" and r["age_group"] == "15-17" and r["sex"] == "gutter"
    )
    assert one["measure"] == "anmeldelser" and one["anmeldelser"] == "79"
    assert (
        "2020" in one["publication"]
        and one["section"]
        and one["source"].startswith(one["publication"])
    )
    assert one["licence"].startswith("Offentlig dokument")
    assert "value" not in one  # each measure has its own column


def test_chart_csv_keeps_missing_cells_missing(client):
    rows = read_csv(
        client.get("/last-ned/utvikling.csv?maal=forhold&lovbrudd=skadeverk&alder=10-17")
    )
    assert rows, "skadeverk rows expected"
    skadeverk = [
        r for r in rows if r["offence_subgroup"] == "alle" and r["offence_group"] == "skadeverk"
    ]
    assert skadeverk
    assert all(r["forhold"] == "" and r["status"] == ".." for r in skadeverk)


def test_computed_rate_csv_shows_numerator_and_denominator(client, con):
    rows = read_csv(client.get("/last-ned/sammenligning.csv?kommune=baerum"))
    first = next(r for r in rows if r["period"] == "2020-2021" and r["municipality"] == "baerum")
    population = con.execute(
        "SELECT value FROM facts WHERE preferred AND measure='befolkning' AND age_group='alle' "
        "AND municipality='baerum' AND year=2021"
    ).fetchall()[0][0]
    assert first["anmeldte_lovbrudd_snitt"] == "5759"  # SSB's published two-year average
    assert "value" not in first  # counts and rates never share a column
    assert float(first["population"]) == population  # denominator: 1 January of the last year
    assert first["population_period"] == "1.1.2021"
    computed = float(first["anmeldte_lovbrudd_snitt"]) / float(first["population"]) * 1000
    assert first["rate"] == f"{computed:.1f}"  # computed rates: one decimal
    assert first["role"] == "kommune" and float(first["lower"]) < float(first["rate"])


def test_unknown_chart_is_404_not_500(client):
    response = client.get("/last-ned/finnes-ikke.csv")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "kommune=xyz&fra=abc",
        "fra=9999999999999999999999",
        "gruppe=,,,",
        "lang=<script>",
        "maal[]=1",
        "til=" + "9" * 500,
    ],
)
def test_garbage_parameters_never_fail(client, query):
    assert client.get(f"/last-ned/utvikling.csv?{query}").status_code == 200
    assert client.get(f"/trend?{query}").status_code == 200


def test_layout_with_bad_params_shows_polite_note(app):
    from dashboard.web.pages import trend

    layout = trend.SPEC
    from dashboard.web.layout.page import layout_for

    with app.server.test_request_context("/trend"):
        page = layout_for(layout)(kommune="xyz", foo="1")
    text = str(page)
    assert "«xyz» er ikke et gyldig valg" in text and "«foo»" in text
    assert "Traceback" not in text


def test_all_data_download_matches_export(client, con):
    rows = read_csv(client.get("/last-ned/alle-data.csv"))
    assert len(rows) == con.execute("SELECT count(*) FROM fact").fetchall()[0][0]
    english = read_csv(client.get("/last-ned/alle-data.csv?lang=en"))
    assert english[0]["municipality"] in {
        "Bærum",
        "Asker",
        "Oslo",
        "Norway",
        "Oslo police district",
    }


def test_every_registered_chart_renders_with_defaults(con):
    cur = con.cursor()
    for chart_id, chart in charts.REGISTRY.items():
        result = chart.build(cur, parse(chart.params, {}))
        assert result.title, chart_id
        assert result.message or (result.figure and not result.table.empty), chart_id
        if result.message is None:
            assert result.source.startswith("Kilde:"), chart_id
            assert len(result.data) > 0, chart_id


def test_create_app_builds_missing_warehouse(tmp_path):
    from tests.conftest import FIXTURE_DATA

    target = tmp_path / "wh.duckdb"
    app = create_app(Settings(data_dir=FIXTURE_DATA, warehouse=target))
    assert target.exists()
    assert app.server.test_client().get("/healthz").status_code == 200
    assert queries.names()


@pytest.mark.parametrize("kommune", ["baerum", "asker", "oslo"])
def test_every_chart_csv_row_is_a_warehouse_fact(con, kommune):
    """The rows behind each chart are facts as stored: no dimension overwritten on the way."""

    cur = con.cursor()
    for chart_id, chart in charts.REGISTRY.items():
        data = chart.build(cur, parse(chart.params, {"kommune": kommune})).data
        for row in data.to_dict("records"):
            for column in dimensions.DIMENSION_COLUMNS:
                assert row[column] in dimensions.DIMENSIONS[column], (chart_id, column, row)
            value = (
                None
                if row["value"] is None or row["value"] != row["value"]
                else float(row["value"])
            )
            status = row["status"] if isinstance(row["status"], str) else None
            assert stored(con, row) == (value, status), (chart_id, row)


def test_rate_table_shows_numerator_denominator_and_the_verdict_row(con):
    state = parse(charts.REGISTRY["sammenligning"].params, {"kommune": "baerum"})
    table = charts.render("sammenligning", con.cursor(), state).table
    rows = {r[0]: list(r[1:]) for r in table.itertuples(index=False)}
    assert list(table.columns[1:]) == sorted(table.columns[1:])
    rate = rows["Bærum"]
    numerator = rows["Bærum: anmeldte lovbrudd, toårssnitt (teller)"]
    denominator = rows["Bærum: befolkning 1. januar i periodens siste år (nevner)"]
    assert "Bærum: vurdering mot landet" in rows
    i = list(table.columns[1:]).index("2020–2021")
    assert (numerator[i], denominator[i], rate[i]) == ("5\u00a0759", "128\u00a0233", "44,9")
    assert round(5759 / 128233 * 1000, 1) == 44.9
    j = list(table.columns[1:]).index("2023–2024")  # Bærum's 1 January 2024 is in the data
    assert (numerator[j], denominator[j], rate[j]) == ("6\u00a0509", "130\u00a0921", "49,7")
    assert round(6509 / 130921 * 1000, 1) == 49.7


def test_invalid_data_at_start_serves_the_previous_warehouse(fixture_data, tmp_path, caplog):
    import hashlib

    target = tmp_path / "wh.duckdb"
    create_app(Settings(data_dir=fixture_data, warehouse=target))
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    with open(fixture_data / "groups.csv", "a", encoding="utf-8") as handle:
        handle.write("2017,baerum,forhold,gjerningssted,10-17,vinning,alle,-5,\n")
    app = create_app(Settings(data_dir=fixture_data, warehouse=target))
    assert "action=serving_previous" in caplog.text and "-5 is negative" in caplog.text
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert app.server.test_client().get("/healthz").status_code == 200


def test_invalid_data_without_previous_warehouse_refuses_to_start(fixture_data, tmp_path):
    from dashboard.build.datafiles import DataError

    (fixture_data / "groups.meta.yml").unlink()
    with pytest.raises(DataError, match="sidecar is missing"):
        create_app(Settings(data_dir=fixture_data, warehouse=tmp_path / "none.duckdb"))
