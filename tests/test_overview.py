"""The overview's key figures: published series, correct change, honest flags."""

from __future__ import annotations

from dashboard.charts.oversikt import OVERVIEW_PARAMS, key_figures
from dashboard.state import parse


def figures_by_key(con, **query):
    state = parse(OVERVIEW_PARAMS, query)
    return {f.key: f for f in key_figures(con.cursor(), state)}


def test_issue_example_sentence(con):
    fig = figures_by_key(con)["anmeldelser-gjerningssted"]
    assert (
        fig.sentence
        == "Anmeldelser med gjerningssted Bærum, 10–17 år: 288 i 2020, ned 25\u00a0% fra 382 i 2019."
    )
    assert fig.value_text == "288" and not fig.small
    assert "SLT årsrapport 2020" in fig.source


def test_english(con):
    fig = figures_by_key(con, lang="en")["anmeldelser-gjerningssted"]
    assert (
        fig.sentence
        == "Reports with the scene of crime in Bærum, ages 10–17: 288 in 2020, down 25% from 382 in 2019."
    )


def test_small_numbers_are_flagged(con):
    fig = figures_by_key(con)["gjentatt"]
    assert fig.small and fig.value_text == "8"
    assert "ingen tall for 2019" in fig.sentence


def test_year_choice_moves_the_comparison(con):
    fig = figures_by_key(con, aar="2019")["anmeldelser-gjerningssted"]
    assert fig.sentence.endswith("382 i 2019, opp 63\u00a0% fra 235 i 2018.")


def test_two_year_averages_are_named_as_periods(con):
    fig = figures_by_key(con)["anmeldte-lovbrudd"]
    assert "i 2023-2024" in fig.sentence and "fra 6\u00a0214 i 2022-2023" in fig.sentence


def test_other_kommune_shows_only_what_exists(con):
    figs = figures_by_key(con, kommune="asker")
    assert set(figs) == {"anmeldte-lovbrudd"}


def test_repeat_offending_chart_shows_the_overview_figure(con, client):
    from dashboard.charts import catalog as charts
    from dashboard.charts.geografi import GEO_PARAMS

    result = charts.render("gjentatt", con.cursor(), parse(GEO_PARAMS, {}))
    values = sorted(int(v) for v in result.data["value"])
    assert values == [7, 8, 23, 31]  # as printed in the SLT report 2020, 2.1.1
    assert "8" in result.table.to_string() and "Gjentatt kriminalitet" in result.title
    assert figures_by_key(con)["gjentatt"].link == "/geografi#card-gjentatt"
    rows = client.get("/last-ned/gjentatt.csv?kommune=baerum").data.decode("utf-8-sig").splitlines()
    assert len(rows) == 5  # header + the four published numbers
    asker = charts.render("gjentatt", con.cursor(), parse(GEO_PARAMS, {"kommune": "asker"}))
    assert asker.figure is None and "bare for Bærum" in asker.message
