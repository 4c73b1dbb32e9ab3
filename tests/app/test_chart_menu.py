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


def test_an_age_chart_does_not_list_the_total_it_never_shows(app):
    """Bærum's persons 10-17 in 2018 (182 in the 2019 report, 183 in the 2020 one) is the
    total of all residences and ages: the age × sex chart of persons draws 10-14 and
    15-17 by sex and never 183, so its "Om tallene" lists no earlier edition of it."""
    chart = REGISTRY["alder-kjonn"]
    query = {"kommune": "baerum", "maal": "personer"}
    with app.server.test_request_context("/alder-og-kjonn"):
        result = render("alder-kjonn", cursor(), parse(chart.params, query))
        assert {2018} <= set(result.data["year"]) and "personer" in set(result.data["measure"])
        menu = chart_menu.menu(result, query, "nb")
    text = json.dumps(menu, cls=PlotlyJSONEncoder, ensure_ascii=False)
    assert "182" not in text and "183" not in text


def _views(chart) -> list[dict]:
    """The default view and one view per choice of each parameter (but the kommune)."""
    return [{}] + [
        {p.name: c}
        for p in chart.params
        if p.name != "kommune"
        for c in (p.choices() if callable(p.choices) else p.choices)
    ]


def test_every_listed_edition_is_of_a_number_the_chart_shows(app):
    """For every chart and view (Bærum's, and Asker's and Oslo's default): the menu's earlier editions are
    exactly the rows of queries/editions.sql (asked for the chart's areas, measures and
    years) whose key (year, area, measure and every breakdown) is a row of the chart, in
    the order the query gives; some views list editions, and some views had rows of
    their measures and years that they now leave out."""
    import queries
    from dashboard.web.serving.context import coverage
    from dashboard.web.serving.lookups import EDITION_FIELDS, EDITION_KEY, editions, editions_of

    compared = with_rows = narrowed = 0
    with app.server.test_request_context("/"):
        cur = cursor()
        by_area: dict[str, list[dict]] = {}
        for chart_id, chart in REGISTRY.items():
            for view in [{"kommune": k} for k in ("asker", "oslo")] + _views(chart):
                data = render(chart_id, cur, parse(chart.params, view)).data
                if data.empty or "measure" not in data:
                    continue
                areas = sorted(set(data["municipality"]))
                measures = sorted(set(data["measure"]))
                fra, til = int(data["year"].min()), int(data["year"].max())
                frame = queries.run(
                    cur, "editions", municipalities=areas, measures=measures, fra=fra, til=til
                )
                frame = frame[~frame["same_as_shown"].astype(bool)][list(EDITION_FIELDS)]
                frame = frame.astype(object)
                asked = frame.where(frame.notna(), None).to_dict("records")
                shown = {
                    tuple(str(r[c]) for c in EDITION_KEY)
                    for r in data.astype({"year": int}).to_dict("records")
                }
                mine = [r for r in asked if tuple(str(r[c]) for c in EDITION_KEY) in shown]
                for area in areas:
                    by_area.setdefault(area, editions(cur, area, coverage()))
                picked = editions_of({a: by_area[a] for a in areas}, data)
                assert [json.dumps(r, default=str) for r in picked] == [
                    json.dumps(r, default=str) for r in mine
                ], (chart_id, view)
                compared += 1
                with_rows += bool(mine)
                narrowed += len(mine) < len(asked)
    assert compared > 40 and with_rows > 0 and narrowed > 0, (compared, with_rows, narrowed)


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
