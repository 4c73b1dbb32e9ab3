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
    """The default view and one view per choice each control offers."""
    return [{}] + [{p.name: c} for p in chart.params for c in p.options]


def test_the_editions_read_once_are_the_ones_each_chart_would_ask_for(app):
    """The menu reads each area's earlier editions once per warehouse and picks a chart's
    rows: the same rows, in the same order, as queries/editions.sql asked per chart (less
    the restatements of an unchanged number, which the menu never showed)."""
    import queries
    from dashboard.web.serving.context import coverage
    from dashboard.web.serving.lookups import EDITION_FIELDS, editions, editions_of

    compared = with_rows = 0
    with app.server.test_request_context("/"):
        cur = cursor()
        by_area: dict[str, list[dict]] = {}
        for chart_id, chart in REGISTRY.items():
            for query in _views(chart):
                data = render(chart_id, cur, parse(chart.params, query)).data
                if data.empty or "measure" not in data:
                    continue
                areas, measures = sorted(set(data["municipality"])), sorted(set(data["measure"]))
                fra, til = int(data["year"].min()), int(data["year"].max())
                frame = queries.run(
                    cur, "editions", municipalities=areas, measures=measures, fra=fra, til=til
                )
                frame = frame[~frame["same_as_shown"].astype(bool)][list(EDITION_FIELDS)]
                frame = frame.astype(object)
                asked = frame.where(frame.notna(), None).to_dict("records")
                for area in areas:
                    by_area.setdefault(area, editions(cur, area, coverage()))
                picked = editions_of({a: by_area[a] for a in areas}, set(measures), fra, til)
                assert [json.dumps(r, default=str) for r in picked] == [
                    json.dumps(r, default=str) for r in asked
                ], (chart_id, query)
                compared += 1
                with_rows += bool(asked)
    assert compared > 20 and with_rows > 0, (compared, with_rows)


def test_menus_ask_the_warehouse_once_per_area_and_file(app, monkeypatch):
    """Labels and editions depend only on the warehouse (editions per area): a menu runs
    one editions query per area no earlier menu had, and no other; another warehouse
    file starts afresh."""
    import queries

    asked: list[str] = []
    original = queries.run
    seen: set[str] = set()

    def counting(cur, name, **params):
        asked.append(name)
        return original(cur, name, **params)

    def menu(chart_id: str, query: dict) -> set[str]:
        """The menu's queries; returns the areas it had that no earlier menu had."""
        result = render(chart_id, cursor(), parse(REGISTRY[chart_id].params, query))
        asked.clear()
        monkeypatch.setattr(queries, "run", counting)
        chart_menu.menu(result, {}, "nb")
        monkeypatch.setattr(queries, "run", original)
        areas = set(result.data["municipality"]) if "municipality" in result.data else set()
        new = areas - seen
        seen.update(areas)
        return new

    store = type(app.server.extensions["slt"].store)
    # A file of its own: what other tests read into this session's app does not count.
    monkeypatch.setattr(store, "fingerprint", property(lambda s: "test-menus"))
    with app.server.test_request_context("/geografi"):
        new = menu("geografi-personer", {})
        assert new and asked.count("editions") == len(new) and "measures" in asked
        views = [
            ("geografi-anmeldelser", {}),
            ("utvikling", {"maal": "personer", "fra": "2012"}),
            ("utvikling", {"kommune": "oslo"}),
            ("alder-kjonn", {"kommune": "asker"}),
            ("alder-kjonn", {"kommune": "asker", "maal": "personer"}),
        ]
        for chart_id, query in views:
            new = menu(chart_id, query)
            assert asked == ["editions"] * len(new), (chart_id, query, asked, new)
        # A rebuilt warehouse is another file: what was read for the old one is not used.
        monkeypatch.setattr(store, "fingerprint", property(lambda s: "test-menus-rebuilt"))
        seen.clear()
        new = menu("geografi-personer", {})
        # labels, editions, and the coverage the editions are read over (also per file)
        assert sorted(set(asked)) == ["editions", "measures", "years"]
