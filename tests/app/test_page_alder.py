"""The alder og kjønn page: young suspects by age group and sex, year by year.

Expected numbers are the printed rows of table A and B (SLT annual report 2020,
"Kriminalitet fordelt på alder og kjønn", 2013–2020) and table I (SLT annual report
2019, "Personer 10-17 år, gj.sted Bærum", 2010–2019), typed in from the reports.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest

from dashboard.charts import listing as charts
from dashboard.charts.alder_og_kjonn import AGE_PARAMS, CHART_ID
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.state import parse
from dashboard.web.layout.page import layout_for
from dashboard.web.pages import alder_og_kjonn

SERIES = ("Jenter 10–14", "Gutter 10–14", "Jenter 15–17", "Gutter 15–17")
PRINTED = {
    # table A: reports, scene of crime Bærum, 2013-2020
    ("anmeldelser", "gjerningssted"): (
        range(2013, 2021),
        {
            "Jenter 10–14": "19 38 20 9 18 46 56 70",
            "Gutter 10–14": "14 25 24 27 48 39 56 59",
            "Jenter 15–17": "44 40 54 75 28 24 67 59",
            "Gutter 15–17": "133 153 130 64 83 131 207 114",
        },
    ),
    # table B: reports, suspects resident in Bærum, 2013-2020
    ("anmeldelser", "bosted"): (
        range(2013, 2021),
        {
            "Jenter 10–14": "11 35 16 7 13 32 37 26",
            "Gutter 10–14": "13 31 29 22 42 38 47 43",
            "Jenter 15–17": "40 27 27 58 34 17 58 37",
            "Gutter 15–17": "137 145 125 79 102 109 190 88",
        },
    ),
    # table I: persons, scene of crime Bærum, 2010-2019
    ("personer", "gjerningssted"): (
        range(2010, 2020),
        {
            "Jenter 10–14": "15 11 17 15 15 13 10 15 21 36",
            "Gutter 10–14": "43 27 23 15 27 27 18 41 42 52",
            "Jenter 15–17": "41 39 28 33 27 37 41 21 22 46",
            "Gutter 15–17": "95 105 110 91 105 77 59 71 99 125",
        },
    ),
}


def printed(maal: str, sted: str) -> dict[str, dict[int, float]]:
    years, rows = PRINTED[(maal, sted)]
    return {
        name: dict(zip(years, (float(n) for n in line.split()), strict=True))
        for name, line in rows.items()
    }


def state(**query: str):
    return parse(AGE_PARAMS, query)


def lines(result) -> dict[str, dict[int, float | None]]:
    return {
        trace["name"]: dict(zip(trace["x"], trace["y"], strict=True))
        for trace in result.figure["data"]
    }


def texts(component) -> Iterator[str]:
    if isinstance(component, str):
        yield component
    elif isinstance(component, (list, tuple)):
        for child in component:
            yield from texts(child)
    elif component is not None and hasattr(component, "children"):
        yield from texts(component.children)


@pytest.mark.parametrize("maal,sted", list(PRINTED))
def test_lines_are_the_printed_tables(con, maal, sted):
    result = charts.render(CHART_ID, con.cursor(), state(maal=maal, sted=sted))
    assert result.figure["data"][0]["type"] == "scatter"
    assert lines(result) == printed(maal, sted)
    years = sorted(next(iter(printed(maal, sted).values())))
    assert result.title.endswith(f"{years[0]}–{years[-1]}")


@pytest.mark.parametrize("maal,sted", list(PRINTED))
def test_lines_match_the_preferred_facts(con, maal, sted):
    facts = con.execute(
        "SELECT sex_nb || ' ' || replace(age_group, '-', '–'), year, value FROM facts_labelled "
        "WHERE preferred AND municipality = 'baerum' AND measure = ? AND place_role = ? "
        "AND age_group IN ('10-14', '15-17') AND sex IN ('jenter', 'gutter') "
        "AND category = 'alle' "
        "AND (residence = 'alle' OR (place_role = 'bosted' AND residence = municipality))",
        [maal, sted],
    ).fetchall()
    drawn = lines(charts.render(CHART_ID, con.cursor(), state(maal=maal, sted=sted)))
    assert len(facts) == sum(len(v) for v in drawn.values())
    for series, year, value in facts:
        assert drawn[series][year] == value


def test_share_is_of_the_four_groups_and_labelled_computed(con):
    result = charts.render(CHART_ID, con.cursor(), state(visning="andel"))
    assert "beregnet andel av summen av de fire gruppene" in result.title
    assert result.figure["layout"]["barmode"] == "stack"
    table = printed("anmeldelser", "gjerningssted")
    total_2020 = sum(table[s][2020] for s in SERIES)  # 70 + 59 + 59 + 114 = 302
    drawn = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in result.figure["data"]}
    for series in SERIES:
        assert drawn[series]["2020"] == pytest.approx(table[series][2020] / total_2020 * 100)
    assert sum(drawn[s]["2016"] for s in SERIES) == pytest.approx(100)
    shown = result.table.set_index(result.table.columns[0])
    assert shown.loc["Jenter 10–14", "2020"] == "23,2\u00a0% (70 av 302)"
    assert shown.loc["Sum av de fire gruppene (beregnet)", "2020"] == "302"
    row = result.data[
        (result.data["year"] == 2020)
        & (result.data["age_group"] == "10-14")
        & (result.data["sex"] == "jenter")
    ].iloc[0]
    assert (row["numerator"], row["denominator"]) == (70, 302)
    assert any("beregnet" in n and "ingen totalsum" in n for n in result.notes)


def test_counts_table_sums_are_labelled_computed(con):
    result = charts.render(CHART_ID, con.cursor(), state(maal="personer"))
    shown = result.table.set_index(result.table.columns[0])
    table = printed("personer", "gjerningssted")
    assert shown.loc["Sum av de fire gruppene (beregnet)", "2019"] == str(
        int(sum(table[s][2019] for s in SERIES))
    )
    assert shown.loc["Gutter 15–17", "2010"] == "95"


def test_small_numbers_note(con):
    result = charts.render(CHART_ID, con.cursor(), state())
    assert t_small() in result.notes


def t_small() -> str:
    from dashboard.words import t

    return t("chart.small_numbers", "nb")


def test_persons_by_residence_do_not_exist(con):
    result = charts.render(CHART_ID, con.cursor(), state(maal="personer", sted="bosted"))
    assert result.figure is None
    assert "finnes ikke etter bosted" in result.message
    assert "mistenkte personer, gjerningssted 2010–2019" in result.message
    assert "importmalen" in result.message


@pytest.mark.parametrize("kommune", ["asker", "oslo"])
def test_other_kommuner_get_a_message(con, kommune):
    result = charts.render(CHART_ID, con.cursor(), state(kommune=kommune))
    assert result.figure is None
    assert "Bærum: anmeldelser, gjerningssted 2013–2020" in result.message
    assert result.data.empty


def test_years_outside_the_tables(con):
    result = charts.render(CHART_ID, con.cursor(), state(fra="2000", til="2009"))
    assert result.figure is None and "2000–2009" in result.message


def test_english_labels(con):
    result = charts.render(CHART_ID, con.cursor(), state(lang="en", sted="bosted"))
    assert set(lines(result)) == {"Girls 10–14", "Boys 10–14", "Girls 15–17", "Boys 15–17"}
    assert "living in Bærum" in result.title


# ------------------------------------------------------------------------------ page


@pytest.fixture(scope="module")
def app(warehouse_path):
    return create_app(Settings(warehouse=warehouse_path, auto_build=False))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def read_csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_page_answers(client):
    assert client.get("/alder-og-kjonn").status_code == 200
    assert client.get("/alder-og-kjonn?maal=%00&fra=99999").status_code == 200


def test_csv_download_has_the_rows_behind_the_chart(client):
    rows = read_csv(client.get("/last-ned/alder-kjonn.csv?maal=personer&fra=2019&til=2019"))
    got = {(r["age_group"], r["sex"]): r["personer"] for r in rows}
    assert got == {
        ("10-14", "jenter"): "36",
        ("10-14", "gutter"): "52",
        ("15-17", "jenter"): "46",
        ("15-17", "gutter"): "125",
    }
    assert all(r["publication"].startswith("SLT årsrapport 2019") for r in rows)


def test_csv_download_of_shares(client):
    rows = read_csv(
        client.get("/last-ned/alder-kjonn.csv?visning=andel&sted=bosted&fra=2020&til=2020")
    )
    assert len(rows) == 4
    assert {float(r["denominator"]) for r in rows} == {194}  # 26 + 43 + 37 + 88, computed
    boys = next(r for r in rows if r["age_group"] == "15-17" and r["sex"] == "gutter")
    assert boys["share_computed_percent"] == f"{88 / 194 * 100:.1f}"  # computed: one decimal


def test_csv_for_a_choice_without_data_is_empty_not_zero(client):
    response = client.get("/last-ned/alder-kjonn.csv?maal=personer&sted=bosted")
    assert response.status_code == 200 and read_csv(response) == []


def test_layout_with_garbage_parameters_shows_a_polite_note(app):
    with app.server.test_request_context("/alder-og-kjonn"):
        page = layout_for(alder_og_kjonn.SPEC)(maal="alle", sted="x" * 500, til="2O20")
    words = " ".join(texts(page))
    assert "«alle» er ikke et gyldig valg for «maal»" in words
    assert "«2O20» er ikke et gyldig år" in words
    assert "Noe gikk galt" not in words
    assert "Jenter 10–14" in words  # the default chart is there


def test_layout_without_parameters(app):
    with app.server.test_request_context("/alder-og-kjonn"):
        page = layout_for(alder_og_kjonn.SPEC)()
    words = " ".join(texts(page))
    assert "Anmeldelser for mistenkte 10–17 år med gjerningssted i Bærum" in words
