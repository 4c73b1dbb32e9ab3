"""The trend page's charts: titles read as sentences, controls say what they apply to."""

from __future__ import annotations

import pytest

from dashboard.charts import listing as charts
from dashboard.charts.trend import TREND_PARAMS
from dashboard.state import parse


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ({"maal": "personer"}, "Mistenkte personer 10–17 år med gjerningssted Bærum, 2010–2019"),
        (
            {"maal": "anmeldelser", "sted": "bosted"},
            "Anmeldelser for mistenkte 10–17 år bosatt i Bærum, 2013–2020",
        ),
        (
            {"maal": "personer", "lang": "en"},
            "Suspected persons aged 10–17 with the scene of crime in Bærum, 2010–2019",
        ),
    ],
)
def test_youth_titles_are_sentences(con, query, title):
    result = charts.render("utvikling", con.cursor(), parse(TREND_PARAMS, query))
    assert result.title == title  # table I (persons) ends in 2019, table B in 2020


def _walk(node):
    yield node
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            yield from _walk(child)


def _fields(app, **query) -> dict[str, object]:
    from dashboard.web.layout.page import layout_for
    from dashboard.web.pages import trend

    with app.server.test_request_context("/trend"):
        tree = layout_for(trend.SPEC)(**query)
    return {
        n.id: n
        for n in _walk(tree)
        if isinstance(getattr(n, "id", None), str) and n.id.endswith(("-felt", "-hint"))
    }


def test_a_control_without_effect_is_disabled_and_says_why(app):
    counts = _fields(app, maal="anmeldelser")
    assert counts["trend-lovbrudd-felt"].disabled is True
    assert "bare straffbare forhold" in counts["trend-lovbrudd-hint"].children
    assert counts["trend-kjonn-felt"].disabled is False
    assert counts["trend-kjonn-hint"].children == ""

    offences = _fields(app, maal="forhold", lang="en")
    assert offences["trend-lovbrudd-felt"].disabled is False
    assert offences["trend-kjonn-felt"].disabled is True
    assert "not published by sex" in offences["trend-kjonn-hint"].children


def test_no_comparison_before_the_kommune_has_a_rate_says_what_exists(con):
    # Up to 2020 the warehouse has no two-year average for Bærum: no chart, what exists said.
    state = parse(TREND_PARAMS, {"kommune": "baerum", "til": "2020"})
    result = charts.render("sammenligning", con.cursor(), state)
    assert result.figure is None
    assert "Bærum 2021–2024" in result.message


def test_comparison_draws_the_kommune_its_peers_and_names_them_in_the_sentence(con):
    state = parse(TREND_PARAMS, {"kommune": "oslo"})
    result = charts.render("sammenligning", con.cursor(), state)
    drawn = [name for trace in result.figure["data"] for name in trace["y"]]
    assert drawn[0].startswith("Oslo")
    peers = [
        name
        for trace in result.figure["data"]
        if trace["name"] == "sammenligning"
        for name in trace["y"]
    ]
    names = [p.replace("<br>", " ").split(" (")[0] for p in peers]  # "Bergen (høyere)"
    assert names and all(name in result.summary for name in names)
    assert result.summary.startswith("Oslo: ") and "per 1 000 innbyggere" in result.summary


def test_oslo_2016_offences_two_sources_disagree_on_are_one_series_and_a_note(con):
    """2 186 (under 18, police figures via Aftenposten) and 2 200 (10-17, the SaLTo
    series) are one 2016 number two sources give differently: the chart draws the SaLTo
    line only, a note names both, and the table and the download keep both numbers."""
    result = charts.render("ungdomsserier", con.cursor(), parse(TREND_PARAMS, {"kommune": "oslo"}))
    drawn = {
        trace["name"].replace("<br>", " "): dict(zip(trace["x"], trace["y"], strict=True))
        for trace in result.figure["data"]
        if trace.get("name")
    }
    assert drawn["Straffbare forhold 10–17 år"][2016] == 2200
    assert not any(2186 in points.values() for points in drawn.values())
    note = next(n for n in result.notes if n.startswith("2016:"))
    assert "2\u00a0186" in note and "2\u00a0200" in note
    table = result.table.set_index(result.table.columns[0])
    assert table.loc["Straffbare forhold under 18 år", "2016"] == "2\u00a0186"
    data = result.data
    assert {2186, 2200} <= set(data.loc[data["measure"] == "forhold", "value"])
    # Bærum's series are all drawn: none is one number beside another source's.
    baerum = charts.render("ungdomsserier", con.cursor(), parse(TREND_PARAMS, {}))
    assert len([tr for tr in baerum.figure["data"] if tr.get("name")]) == len(baerum.table)
    assert not any(n.startswith("20") and "uenige" in n for n in baerum.notes)
