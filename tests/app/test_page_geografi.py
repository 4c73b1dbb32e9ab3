"""The geografi page: where the young suspects of offences committed in Bærum live.

Chart functions run on the real warehouse (`con`) and are checked against table C of
the SLT annual report 2020 as printed ("Gjerningssted Bærum 10-17 år", rows Bærum …
Totalsum, Personer 2016–2020 then Anmeldelser 2016–2020) and against the facts table;
the page is checked through Flask's test client and its layout function.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import duckdb
import pytest

from dashboard.build import warehouse
from dashboard.charts import listing as charts
from dashboard.charts.geografi import COMPARISON_ID, GEO_PARAMS
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.state import parse
from dashboard.web.layout.page import layout_for
from dashboard.web.pages import geografi

# Table C as printed in the 2020 report (one line per residence: persons 2016-2020,
# then reports 2016-2020).
PRINTED = {
    "baerum": "72 102 116 145 154 110 106 145 253 150",
    "asker": "18 22 27 46 53 26 32 36 59 70",
    "oslo": "24 13 27 32 39 18 21 31 48 43",
    "utenfor_opd": "8 11 13 35 31 14 19 24 38 44",
    "ikke_plassert": "3 1 1 1 3 5 1 1 1 3",
    "alle": "124 147 183 258 279 172 174 235 382 288",
}
YEARS = (2016, 2017, 2018, 2019, 2020)
LABELS_NB = {
    "baerum": "Bærum",
    "asker": "Asker",
    "oslo": "Oslo",
    "utenfor_opd": "Utenfor Oslo politidistrikt",
    "ikke_plassert": "Ikke plassert / utland",
}


def printed(measure: str, residence: str) -> dict[int, float]:
    numbers = [float(n) for n in PRINTED[residence].split()]
    part = numbers[:5] if measure == "personer" else numbers[5:]
    return dict(zip(YEARS, part, strict=True))


def state(**query: str):
    return parse(GEO_PARAMS, query)


def bars(result) -> dict[str, dict[str, float | None]]:
    """Trace name (as one line; the legend wraps long names) -> {category: y}."""
    return {
        trace["name"].replace("<br>", " "): dict(zip(trace["x"], trace["y"], strict=True))
        for trace in result.figure["data"]
    }


def texts(component) -> Iterator[str]:
    """Every string in a Dash component tree (what a reader or screen reader gets)."""
    if isinstance(component, str):
        yield component
    elif isinstance(component, (list, tuple)):
        for child in component:
            yield from texts(child)
    elif component is not None and hasattr(component, "children"):
        yield from texts(component.children)


# ----------------------------------------------------------------------------- charts


@pytest.mark.parametrize("measure", ["personer", "anmeldelser"])
def test_bars_are_the_printed_numbers_by_residence(con, measure):
    result = charts.render(f"geografi-{measure}", con.cursor(), state())
    drawn = bars(result)
    assert list(drawn) == list(LABELS_NB.values())  # the five places; the total is not a bar
    for code, label in LABELS_NB.items():
        assert drawn[label] == {str(y): v for y, v in printed(measure, code).items()}


@pytest.mark.parametrize("measure", ["personer", "anmeldelser"])
def test_bars_match_the_preferred_facts(con, measure):
    facts = con.execute(
        "SELECT residence_nb, year, value FROM facts_labelled WHERE preferred "
        "AND source_id = 'slt2020-geografisk-fordeling-10-17' AND measure = ? "
        "AND residence <> 'alle'",
        [measure],
    ).fetchall()
    drawn = bars(charts.render(f"geografi-{measure}", con.cursor(), state()))
    assert len(facts) == 25
    for residence, year, value in facts:
        assert drawn[residence][str(year)] == value


def test_table_shows_published_total_beside_computed_sum(con):
    result = charts.render("geografi-anmeldelser", con.cursor(), state())
    table = result.table.set_index("Bosted")
    assert table.loc["Totalsum (publisert)", "2020"] == "288"
    assert table.loc["Sum av radene (beregnet)", "2020"] == "310"
    for year in YEARS:
        total = printed("anmeldelser", "alle")[year]
        rows = sum(printed("anmeldelser", code)[year] for code in LABELS_NB)
        assert table.loc["Totalsum (publisert)", str(year)] == f"{total:.0f}"
        assert table.loc["Sum av radene (beregnet)", str(year)] == f"{rows:.0f}"
    # The explanation names the numbers of the latest year that differs.
    why = [n for n in result.notes if "flere steder" in n]
    assert why and "310" in why[0] and "288" in why[0]
    assert "288" in result.summary and "310" in result.summary


def test_share_is_computed_against_the_published_total(con):
    result = charts.render("geografi-anmeldelser", con.cursor(), state(visning="andel"))
    assert "beregnet" in result.title
    assert bars(result)["Bærum"]["2020"] == pytest.approx(150 / 288 * 100)
    table = result.table.set_index("Bosted")
    assert table.loc["Bærum", "2020"] == "52,1\u00a0% (150 av 288)"
    assert table.loc["Sum av radene (beregnet)", "2020"].startswith("107,6\u00a0%")
    data = result.data
    baerum = data[(data["residence"] == "baerum") & (data["year"] == 2020)].iloc[0]
    assert (baerum["numerator"], baerum["denominator"]) == (150, 288)
    # The download's share is the one the table shows (52,1 %), rounded once.
    assert baerum["share_computed_percent"] == 52.1
    assert any("beregnet" in n for n in result.notes)


def test_persons_show_the_newest_edition_and_mention_the_older_one(con):
    result = charts.render("geografi-personer", con.cursor(), state())
    table = result.table.set_index("Bosted")
    assert table.loc["Totalsum (publisert)", "2018"] == "183"  # 2020 report; 2019 printed 182
    older = [n for n in result.notes if "182" in n]
    assert older and "2019" in older[0] and "183" in older[0]
    assert set(result.data["source_id"]) == {"slt2020-geografisk-fordeling-10-17"}


def test_csv_rows_are_the_published_rows_with_provenance(con):
    result = charts.render("geografi-personer", con.cursor(), state(fra="2020", til="2020"))
    got = {r.residence: r.value for r in result.data.itertuples(index=False)}
    assert got == {code: printed("personer", code)[2020] for code in PRINTED}
    assert result.data["publication"].str.contains("SLT årsrapport 2020").all()
    assert "SLT årsrapport 2020" in result.source


def test_small_numbers_and_definitions_are_noted(con):
    result = charts.render("geografi-personer", con.cursor(), state())
    assert any(n.startswith("Tallene er små") for n in result.notes)
    assert any("Utenfor Oslo politidistrikt" in n for n in result.notes)


@pytest.mark.parametrize("kommune", ["asker", "oslo"])
def test_other_kommuner_get_a_message_not_an_empty_chart(con, kommune):
    result = charts.render("geografi-anmeldelser", con.cursor(), state(kommune=kommune))
    assert result.figure is None
    assert "Bærum 2016–2020" in result.message
    assert "SLT årsrapport 2020" in result.message
    assert "importmalen" in result.message
    assert result.data.empty


def test_years_without_figures_say_what_exists(con):
    result = charts.render("geografi-personer", con.cursor(), state(fra="2010", til="2015"))
    assert result.figure is None and "2016–2020" in result.message


def test_partial_period_is_noted(con):
    # The page's default period now reaches Statistics Norway's offences (to 2023).
    result = charts.render("geografi-personer", con.cursor(), state(fra="2010", til="2023"))
    assert result.title.endswith("2016–2020")
    assert any("2010–2023" in n and "2016–2020" in n for n in result.notes)


def test_english(con):
    result = charts.render("geografi-anmeldelser", con.cursor(), state(lang="en"))
    table = result.table.set_index("Residence")
    assert table.loc["Total (published)", "2020"] == "288"
    assert table.loc["Sum of the rows (computed)", "2020"] == "310"
    assert "Outside Oslo police district" in bars(result)


def test_no_fake_comparison_with_only_baerum(con):
    result = charts.render(COMPARISON_ID, con.cursor(), state())
    assert result.figure is None
    assert "Asker og Oslo" in result.message and "Bærum 2016–2020" in result.message


# --------------------------------------------------- fixture warehouse: missing cells


@pytest.fixture
def fixture_con(fixture_data, tmp_path):
    """The small fixture warehouse (tests/fixtures/data) plus an Asker breakdown."""
    (fixture_data / "asker.csv").write_text(
        "year,municipality,municipality_code,measure,place_role,age_group,residence,value\n"
        "2020,asker,3025,anmeldelser,gjerningssted,10-17,asker,30\n"
        "2020,asker,3025,anmeldelser,gjerningssted,10-17,baerum,12\n"
        "2020,asker,3025,anmeldelser,gjerningssted,10-17,alle,40\n",
        encoding="utf-8",
    )
    (fixture_data / "asker.meta.yml").write_text(
        'title: "Fixture: Asker etter bosted"\npublisher: "Test"\npublication: "Fixture Asker 2020"\n'
        'published: "2021"\nsection: "1"\nunit: "anmeldelser"\ncounts: "anmeldelser; gjerningssted"\n'
        'licence: "CC0 (test fixture)"\n',
        encoding="utf-8",
    )
    path = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, path)
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def test_missing_cell_is_a_symbol_never_zero(fixture_con):
    result = charts.render("geografi-anmeldelser", fixture_con.cursor(), state(maal="anmeldelser"))
    assert bars(result)["Asker"]["2020"] is None
    table = result.table.set_index("Bosted")
    assert table.loc["Asker", "2020"] == ".."
    assert table.loc["Sum av radene (beregnet)", "2020"] == ".."  # no sum with a missing part
    assert table.loc["Totalsum (publisert)", "2020"] == "288"
    shares = charts.render("geografi-anmeldelser", fixture_con.cursor(), state(visning="andel"))
    assert bars(shares)["Asker"]["2020"] is None
    assert shares.table.set_index("Bosted").loc["Asker", "2020"] == ".."


def test_comparison_appears_when_two_kommuner_have_figures(fixture_con):
    result = charts.render(COMPARISON_ID, fixture_con.cursor(), state(maal="anmeldelser"))
    assert result.figure is not None
    lines = {
        trace["name"]: dict(zip(trace["x"], trace["y"], strict=True))
        for trace in result.figure["data"]
    }
    assert lines["Asker"][2020] == pytest.approx(30 / 40 * 100)
    assert lines["Bærum"][2020] == pytest.approx(150 / 288 * 100)
    assert lines["Bærum"][2019] == pytest.approx(253 / 300 * 100)
    asker = result.data[
        (result.data["municipality"] == "asker") & (result.data["residence"] == "asker")
    ]
    assert (asker.iloc[0]["numerator"], asker.iloc[0]["denominator"]) == (30, 40)
    assert any("Røyken og Hurum" in n for n in result.notes)  # Asker's new territory in 2020


def test_no_sum_of_rows_over_an_incomplete_breakdown(fixture_con):
    result = charts.render(
        "geografi-anmeldelser", fixture_con.cursor(), state(kommune="asker", fra="2020")
    )
    table = result.table.set_index("Bosted")
    assert list(table.index) == [
        "Bærum",
        "Asker",
        "Sum av radene (beregnet)",
        "Totalsum (publisert)",
    ]
    assert table.loc["Sum av radene (beregnet)", "2020"] == ".."  # two of five places
    assert table.loc["Totalsum (publisert)", "2020"] == "40"
    assert not any("ikke lik totalsummen" in n for n in result.notes)


# ------------------------------------------------------------------------------ page


@pytest.fixture(scope="module")
def app(warehouse_path):
    return create_app(Settings(warehouse=warehouse_path, auto_build=False))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def read_csv(response) -> list[dict[str, str]]:
    text = response.get_data(as_text=True).lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_page_answers(client):
    assert client.get("/geografi").status_code == 200
    assert client.get("/geografi?kommune=asker&lang=en&maal=nonsense").status_code == 200


def test_csv_download_has_exactly_the_rows_behind_the_chart(client):
    response = client.get("/last-ned/geografi-anmeldelser.csv?fra=2020&til=2020")
    assert response.status_code == 200
    rows = read_csv(response)
    assert {r["residence"]: r["anmeldelser"] for r in rows} == {
        code: f"{printed('anmeldelser', code)[2020]:.0f}" for code in PRINTED
    }
    assert all(r["publication"].startswith("SLT årsrapport 2020") for r in rows)


def test_csv_download_of_shares_has_numerator_and_denominator(client):
    rows = read_csv(client.get("/last-ned/geografi-personer.csv?visning=andel&fra=2020&til=2020"))
    baerum = next(r for r in rows if r["residence"] == "baerum")
    assert (float(baerum["numerator"]), float(baerum["denominator"])) == (154, 279)
    assert baerum["share_computed_percent"] == f"{154 / 279 * 100:.1f}"  # computed: one decimal


def test_csv_download_with_garbage_parameters_falls_back(client):
    response = client.get("/last-ned/geografi-personer.csv?fra=abc&visning=%3Cscript%3E&x=1")
    assert response.status_code == 200
    assert len(read_csv(response)) == 30  # 2016-2020, five places and the total


def test_layout_with_garbage_parameters_shows_a_polite_note(app):
    layout = layout_for(geografi.SPEC)
    with app.server.test_request_context("/geografi"):
        page = layout(kommune="atlantis", visning="<b>", fra="19x9", ukjent="1")
    words = " ".join(texts(page))
    assert "«atlantis» er ikke et gyldig valg" in words
    assert "«19x9» er ikke et gyldig år" in words
    assert "ukjent valg («ukjent»)" in words
    assert "Noe gikk galt" not in words
    assert "Totalsum (publisert)" in words  # defaults were used: the Bærum charts are there


def test_layout_without_parameters_has_both_measures_and_the_comparison(app):
    with app.server.test_request_context("/geografi"):
        page = layout_for(geografi.SPEC)()
    words = " ".join(texts(page))
    assert "Mistenkte personer 10–17 år med gjerningssted i Bærum" in words
    assert "Anmeldelser med mistenkte 10–17 år" in words
    assert "En sammenligning mellom kommuner krever" in words


def test_layout_with_one_measure(app):
    with app.server.test_request_context("/geografi"):
        page = layout_for(geografi.SPEC)(maal="personer", lang="en")
    words = " ".join(texts(page))
    assert "Suspected persons aged 10–17" in words
    assert "Police reports with suspects" not in words
