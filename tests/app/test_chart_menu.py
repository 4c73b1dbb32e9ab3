"""The chart menu's "Om tallene": earlier editions of the numbers behind the chart."""

from __future__ import annotations

import json

from plotly.utils import PlotlyJSONEncoder

from dashboard.charts.listing import REGISTRY, render
from dashboard.state import parse
from dashboard.web.layout import chart_menu
from dashboard.web.serving.context import cursor


def test_about_lists_an_earlier_edition_beside_the_number_shown(app):
    """Persons 2018: the 2019 report printed 182, the 2020 report 183 (both kept)."""
    chart = REGISTRY["geografi-personer"]
    with app.server.test_request_context("/geografi"):
        result = render("geografi-personer", cursor(), parse(chart.params, {}))
        menu = chart_menu.menu(result, {"kommune": "baerum"}, "nb")
    text = json.dumps(menu, cls=PlotlyJSONEncoder, ensure_ascii=False)
    assert "Tidligere utgaver" in text
    assert "2018, Mistenkte personer: 182 i SLT årsrapport 2019" in text
    assert "vist: 183 fra SLT årsrapport 2020" in text


def test_no_earlier_editions_no_heading(app):
    chart = REGISTRY["ungdata"]
    with app.server.test_request_context("/trygghetsprogrammet"):
        result = render("ungdata", cursor(), parse(chart.params, {"aar": "2014"}))
        menu = chart_menu.menu(result, {}, "nb")
    assert "Tidligere utgaver" not in json.dumps(menu, cls=PlotlyJSONEncoder, ensure_ascii=False)


def _views(chart) -> list[dict]:
    """The default view and one view per choice of each parameter."""
    return [{}] + [{p.name: c} for p in chart.params for c in p.choices]


def test_the_editions_read_once_are_the_ones_each_chart_would_ask_for(app):
    """The menu reads every earlier edition once per warehouse and picks a chart's rows:
    the same rows, in the same order, as queries/editions.sql asked per chart."""
    import queries
    from dashboard.web.serving.context import coverage
    from dashboard.web.serving.lookups import editions, editions_of

    compared = with_rows = 0
    with app.server.test_request_context("/"):
        cur = cursor()
        every = editions(cur, coverage())
        for chart_id, chart in REGISTRY.items():
            for query in _views(chart):
                data = render(chart_id, cur, parse(chart.params, query)).data
                if data.empty or "measure" not in data:
                    continue
                areas, measures = sorted(set(data["municipality"])), sorted(set(data["measure"]))
                fra, til = int(data["year"].min()), int(data["year"].max())
                frame = queries.run(
                    cur, "editions", municipalities=areas, measures=measures, fra=fra, til=til
                ).astype(object)
                asked = frame.where(frame.notna(), None).to_dict("records")
                picked = editions_of(every, set(areas), set(measures), fra, til)
                assert [json.dumps(r, default=str) for r in picked] == [
                    json.dumps(r, default=str) for r in asked
                ], (chart_id, query)
                compared += 1
                with_rows += bool(asked)
    assert compared > 20 and with_rows > 0, (compared, with_rows)


def test_menus_ask_the_warehouse_once_per_file(app, monkeypatch):
    """Labels and editions depend only on the warehouse: a second menu (another chart,
    another view) runs no query for them; another warehouse file starts afresh."""
    import queries
    from dashboard.web.serving.context import context

    asked: list[str] = []
    original = queries.run

    def counting(cur, name, **params):
        asked.append(name)
        return original(cur, name, **params)

    chart = REGISTRY["geografi-personer"]
    with app.server.test_request_context("/geografi"):
        results = [
            render(chart_id, cursor(), parse(REGISTRY[chart_id].params, query))
            for chart_id, query in (
                ("geografi-personer", {}),
                ("geografi-anmeldelser", {"kommune": "oslo"}),
                ("utvikling", {"maal": "personer"}),
            )
        ]
        monkeypatch.setattr(queries, "run", counting)
        chart_menu.menu(results[0], {}, "nb")  # may fill the per-warehouse values
        asked.clear()
        for result in results[1:]:
            chart_menu.menu(result, {}, "nb")
        assert asked == []
        # A rebuilt warehouse is another file: what was read for the old one is not used.
        monkeypatch.setattr(type(context().store), "fingerprint", property(lambda s: "new"))
        chart_menu.menu(results[0], {}, "nb")
        # labels, editions, and the coverage the editions are read over (also per file)
        assert sorted(set(asked)) == ["editions", "measures", "years"]
    assert chart.chart_id == "geografi-personer"
