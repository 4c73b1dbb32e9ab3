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
