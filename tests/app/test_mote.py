"""Møtemodus without a browser: the agenda in the URL, the deck a URL gives, the QR route,
and the figure scaling for a projector."""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import segno
from dash import html

from dashboard.charts.listing import REGISTRY, on_page, render
from dashboard.state import parse
from dashboard.web.factory import PAGES
from dashboard.web.layout.components import chart_card
from dashboard.web.layout.page import view_state
from dashboard.web.outputs.agenda import (
    AgendaError,
    AgendaItem,
    decode,
    encode,
    mote_href,
    moved,
    removed,
)
from dashboard.web.outputs.share import qr_svg
from dashboard.web.outputs.slides import MIN_SLIDE_FONT, slide_figure, slide_view, view_url_ok
from dashboard.web.pages import mote as mote_page
from dashboard.web.serving.context import cursor

TREND = AgendaItem(
    "/trend", {"kommune": "baerum", "maal": "personer", "fra": "2015", "til": "2019"}, "utvikling"
)
GEO = AgendaItem("/geografi", {"kommune": "baerum", "visning": "andel"}, "geografi-personer")
OVERVIEW = AgendaItem("/", {"kommune": "baerum"}, "")


# ------------------------------------------------------------------ agenda encoding


def test_agenda_round_trips():
    items = [TREND, GEO, OVERVIEW, AgendaItem("/x", {"æ": "ø–å"}, "")]
    text = encode(items)
    assert decode(text) == items
    assert all(c.isalnum() or c in "-_" for c in text)  # safe in a URL as it is


def test_agenda_in_a_url_round_trips_through_query_parsing():
    href = mote_href([TREND, GEO], "en", slide=2)
    query = parse_qs(urlsplit(href).query)
    assert query["lysbilde"] == ["2"] and query["lang"] == ["en"]
    assert decode(query["agenda"][0]) == [TREND, GEO]


def test_agenda_edits():
    items = [OVERVIEW, TREND, GEO]
    assert moved(items, 0, 1) == [TREND, OVERVIEW, GEO]
    assert moved(items, 2, -1) == [OVERVIEW, GEO, TREND]
    assert moved(items, 0, -1) == items  # clamped at the ends
    assert removed(items, 1) == [OVERVIEW, GEO]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "text",
    [
        "!!!",
        "not base64 at all ~~",
        _b64(b"\xff\xfe\x00"),
        _b64(b"{not json"),
        _b64(b'{"a": 1}'),
        _b64(b"[]"),
        _b64(b"[1, 2]"),
        _b64(json.dumps([["/trend", {"kommune": 1}, "utvikling"]]).encode()),
        _b64(json.dumps([["https://evil.example/", {}, ""]]).encode()),
        _b64(json.dumps([["//evil.example/x", {}, ""]]).encode()),
        _b64(json.dumps([["/trend", {}, "utvikling", "extra"]]).encode()),
        _b64(json.dumps([["/trend", {}, "x"]] * 41).encode()),
        "A" * 9000,
    ],
)
def test_garbage_agenda_raises_agenda_error_only(text):
    with pytest.raises(AgendaError):
        decode(text)


# ------------------------------------------------------------------ the deck a URL gives


def _deck(app, **query) -> dict:
    """The Møtemodus layout for a query, as JSON, rendered inside the app."""
    with app.server.test_request_context("/"):
        layout = mote_page.layout_for(PAGES)(**query)
    return json.loads(json.dumps(layout.to_plotly_json(), default=_plain))


def _plain(obj):
    return obj.to_plotly_json() if hasattr(obj, "to_plotly_json") else str(obj)


def _find(node, pred, out=None):
    out = [] if out is None else out
    if isinstance(node, dict):
        if pred(node):
            out.append(node)
        for value in node.values():
            _find(value, pred, out)
    elif isinstance(node, list):
        for value in node:
            _find(value, pred, out)
    return out


def _slides(deck: dict) -> list[dict]:
    return _find(deck, lambda n: n.get("props", {}).get("className") == "mote-slide")


def _notes(deck: dict) -> str:
    found = _find(deck, lambda n: n.get("props", {}).get("id") == "mote-notes")
    return json.dumps(found, ensure_ascii=False)


def test_default_sequence_is_the_overview_then_each_pages_main_chart(app):
    with app.server.test_request_context("/"):
        items = mote_page.default_sequence(PAGES, "baerum", "siste")
        expected = []
        for spec in PAGES:
            if on_page(spec.name):
                state = view_state(spec, {"kommune": "baerum"})
                expected.append(next(c for c in on_page(spec.name) if c.shown(state)).chart_id)
    assert items[0].path == "/" and items[0].chart == ""
    assert [i.chart for i in items[1:]] == expected
    assert len(expected) >= 4
    assert all(i.query["kommune"] == "baerum" for i in items)


@pytest.mark.parametrize("kommune", ["asker", "oslo"])
def test_default_sequence_has_no_slide_without_figures(app, kommune):
    # Oslo has no youth reports by age or residence in the warehouse: its slides are the
    # charts that have figures for Oslo (the SSB comparison, population), not "no figures".
    with app.server.test_request_context("/"):
        items = mote_page.default_sequence(PAGES, kommune, "siste")
        for item in items[1:]:
            spec = next(s for s in PAGES if s.path == item.path)
            assert render(item.chart, cursor(), view_state(spec, item.query)).figure is not None
    assert len(items) >= 3


def test_default_sequence_for_a_year_narrows_the_pages_with_a_year(app):
    with app.server.test_request_context("/"):
        items = mote_page.default_sequence(PAGES, "baerum", 2019)
    by_path = {i.path: i.query for i in items}
    assert by_path["/"]["aar"] == "2019"
    assert by_path["/trend"]["til"] == "2019"
    assert by_path["/trygghetsprogrammet"]["aar"] == "2019"


def test_default_deck_renders_every_slide_with_the_current_one_visible(app):
    deck = _deck(app, kommune="baerum", lysbilde="2")
    slides = _slides(deck)
    with app.server.test_request_context("/"):
        items = mote_page.default_sequence(PAGES, "baerum", "siste")
        titles = []
        for item in items[1:]:
            spec = next(s for s in PAGES if s.path == item.path)
            titles.append(render(item.chart, cursor(), view_state(spec, item.query)).title)
    assert len(slides) == len(items)
    visible = [s for s in slides if not s["props"].get("hidden")]
    assert [s["props"]["data-slide"] for s in visible] == ["2"]
    assert [s["props"]["data-heading"] for s in slides] == ["Nøkkeltall for Bærum", *titles]
    # every slide carries a QR code of its view; chart slides their chart and source line
    for slide in slides:
        images = _find(slide, lambda n: n.get("props", {}).get("className") == "mote-qr")
        assert len(images) == 1
        url = parse_qs(urlsplit(images[0]["props"]["src"]).query)["url"][0]
        assert view_url_ok(url)
        assert urlsplit(url).path in {s.path for s in PAGES}
    for slide in slides[1:]:
        drawn = _find(slide, lambda n: n.get("type") == "Graph")
        message = _find(slide, lambda n: n.get("props", {}).get("className") == "no-data")
        assert drawn or message
        if drawn:
            assert _find(slide, lambda n: n.get("props", {}).get("className") == "source")


def test_user_agenda_gives_exactly_its_slides_in_order(app):
    deck = _deck(app, agenda=encode([GEO, TREND]))
    slides = _slides(deck)
    graphs = [_find(s, lambda n: n.get("type") == "Graph")[0]["props"]["figure"] for s in slides]
    assert len(slides) == 2
    # the view's own choices are used: Geografi as shares, Utvikling for persons 2015-2019
    assert "andel" in slides[0]["props"]["data-heading"]
    assert "2015–2019" in slides[1]["props"]["data-heading"]
    assert graphs[0]["layout"]["font"]["size"] >= MIN_SLIDE_FONT
    link = _find(deck, lambda n: n.get("props", {}).get("id") == "mote-share")[0]
    assert decode(parse_qs(urlsplit(link["props"]["href"]).query)["agenda"][0]) == [GEO, TREND]
    up = _find(deck, lambda n: n.get("props", {}).get("id") == "mote-up-1")[0]["props"]
    assert decode(parse_qs(urlsplit(up["data-href"]).query)["agenda"][0]) == [TREND, GEO]
    assert up["aria-label"] == "Flytt opp: " + slides[1]["props"]["data-heading"]


@pytest.mark.parametrize("garbage", ["!!!", "%%%", "e30", "W1td", "A" * 9000, encode([])])
def test_garbage_agenda_gives_a_note_and_the_default_sequence(app, garbage):
    deck = _deck(app, agenda=garbage, kommune="baerum")
    slides = _slides(deck)
    assert slides[0]["props"]["data-heading"] == "Nøkkeltall for Bærum"
    assert len(slides) == 1 + sum(1 for s in PAGES if on_page(s.name))
    if garbage != encode([]):
        assert "Agendaen i lenken kunne ikke leses" in _notes(deck)


def test_unknown_views_are_skipped_with_a_note(app):
    bad = [AgendaItem("/finnes-ikke", {}, "utvikling"), AgendaItem("/trend", {}, "ekstremisme")]
    deck = _deck(app, agenda=encode([bad[0], GEO, bad[1]]))
    assert len(_slides(deck)) == 1
    assert "Lysbilde 1 i agendaen" in _notes(deck) and "Lysbilde 3 i agendaen" in _notes(deck)
    only_bad = _deck(app, agenda=encode(bad), lang="en")
    assert _slides(only_bad)[0]["props"]["data-heading"] == "Key figures for Bærum"


def test_slide_number_out_of_range_or_not_a_number_is_a_note(app):
    deck = _deck(app, kommune="baerum", lysbilde="99")
    visible = [s for s in _slides(deck) if not s["props"].get("hidden")]
    assert visible[0]["props"]["data-slide"] == str(len(_slides(deck)))
    assert "ikke 99" in _notes(deck)
    deck = _deck(app, kommune="baerum", lysbilde="<script>")
    visible = [s for s in _slides(deck) if not s["props"].get("hidden")]
    assert visible[0]["props"]["data-slide"] == "1"
    assert "ikke et lysbildenummer" in _notes(deck)


def test_mote_page_answers_through_the_app(client):
    for query in ("", "?kommune=oslo&lang=en", "?agenda=%00%ff", "?lysbilde=-1&aar=1999"):
        assert client.get("/mote" + query).status_code == 200


# ------------------------------------------------------------------ QR route


def test_qr_route_draws_the_full_view_url(client):
    view = "/trend?" + urlencode({"kommune": "asker", "maal": "personer"})
    response = client.get("/mote/qr.svg", query_string={"url": view})
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    root = ET.fromstring(response.data)  # valid XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    expected_text = "http://localhost" + view
    # the same text through segno's own API gives the very same drawing
    assert response.data == qr_svg(expected_text, title=expected_text, scale=8)
    assert segno.make(expected_text, error="m", micro=False).designator  # encodable
    other = qr_svg("http://localhost/trend?kommune=baerum&maal=personer", scale=8)
    assert response.data != other


@pytest.mark.parametrize(
    "url",
    ["", "https://evil.example/", "//evil.example/x", "javascript:alert(1)", "trend", "/a b"],
)
def test_qr_route_refuses_anything_but_this_sites_paths(client, url):
    assert client.get("/mote/qr.svg", query_string={"url": url}).status_code == 400


# ------------------------------------------------------------------ figure scaling


def test_slide_figure_scales_every_font_once_and_keeps_the_input():
    shared = {"size": 14, "color": "#000"}
    figure = {
        "data": [
            {"type": "bar", "name": "A", "textfont": {"size": 12}},
            {"type": "bar", "name": "B"},
        ],
        "layout": {
            "font": {"size": 14},
            "xaxis": {"tickfont": shared},
            "yaxis": {"tickfont": shared, "title": {"font": {"size": 18}}},
            "margin": {"l": 8, "r": 100, "t": 32, "b": 8},
            "height": 400,
            "annotations": [
                {"text": '<span style="font-size:12px">Kilde</span>', "font": {"size": 10}},
                {"name": "series-label", "text": "A", "font": {"size": 12}},
            ],
            "shapes": [{"label": {"font": shared}}],
        },
    }
    before = json.dumps(figure, sort_keys=True)
    out = slide_figure(figure, scale=1.6, minimum=20)
    assert json.dumps(figure, sort_keys=True) == before  # input untouched
    layout = out["layout"]
    assert layout["font"]["size"] == 22
    assert layout["xaxis"]["tickfont"]["size"] == 22  # shared dict: scaled once per place
    assert layout["yaxis"]["tickfont"]["size"] == 22
    assert layout["shapes"][0]["label"]["font"]["size"] == 22
    assert layout["yaxis"]["title"]["font"]["size"] == 29
    assert out["data"][0]["textfont"]["size"] == 20  # 12 * 1.6 = 19 -> the minimum
    # The direct label stays (assets/labels.js spreads it on the slide, as on a page).
    assert layout["annotations"] == [
        {"text": '<span style="font-size:20px">Kilde</span>', "font": {"size": 20}},
        {"name": "series-label", "text": "A", "font": {"size": 20}},
    ]
    assert layout["margin"] == {"l": 13, "r": 160, "t": 51, "b": 13}
    assert "height" not in layout


def test_slide_view_takes_the_footnotes_out_of_the_drawing(con):
    chart = REGISTRY["utvikling"]
    result = render("utvikling", con, parse(chart.params, {"kommune": "baerum"}))
    figure, footnotes = slide_view(result.figure)
    # The event key is the slide's text (HTML beside the chart), not drawn under the plot.
    assert footnotes and footnotes[0].startswith("1: ")
    assert figure["layout"]["xaxis"]["title"]["text"] == ""
    assert "meta" not in figure["layout"]
    names = [a.get("name") for a in figure["layout"]["annotations"]]
    assert names.count("series-label") == 4  # every series keeps its direct label
    # Legend names on one line where a card wraps them at 24 characters.
    long = "Utenfor Oslo politidistrikt"
    wrapped = {"data": [{"type": "bar", "name": "Utenfor Oslo<br>politidistrikt"}], "layout": {}}
    assert slide_view(wrapped)[0]["data"][0]["name"] == long
    # Without event numbers over the plot, no room is kept for them.
    bars = render("gjentatt", con, parse(REGISTRY["gjentatt"].params, {"kommune": "baerum"}))
    margin = slide_view(bars.figure)[0]["layout"]["margin"]
    assert margin["t"] == margin["l"]


def _font_sizes(node, key=""):
    if isinstance(node, dict):
        if key.endswith("font") and isinstance(node.get("size"), (int, float)):
            yield node["size"]
        for k, v in node.items():
            yield from _font_sizes(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _font_sizes(v, key)


def test_every_chart_on_a_slide_has_text_of_at_least_20_px(con):
    checked = 0
    for chart_id, chart in REGISTRY.items():
        result = render(chart_id, con, parse(chart.params, {"kommune": "baerum"}))
        if result.figure is None:
            continue
        sizes = list(_font_sizes(slide_figure(result.figure)))
        assert sizes and min(sizes) >= MIN_SLIDE_FONT, (chart_id, sorted(set(sizes)))
        checked += 1
    assert checked >= 5


# ------------------------------------------------------------------ the button on chart cards


def test_every_chart_card_has_an_add_to_meeting_button(con):
    result = render("utvikling", con, parse(REGISTRY["utvikling"].params, {"lang": "en"}))
    query = {"kommune": "baerum", "maal": "anmeldelser", "lang": "en"}
    card = chart_card(result, query, "en")
    buttons = _find(
        json.loads(json.dumps(card.to_plotly_json(), default=_plain)),
        lambda n: n.get("props", {}).get("className") == "mote-add",
    )
    assert len(buttons) == 1
    props = buttons[0]["props"]
    assert props["children"] == "Add to the meeting"
    assert props["data-chart"] == "utvikling"
    assert parse_qs(props["data-query"]) == {
        "kommune": ["baerum"],
        "maal": ["anmeldelser"],
        "lang": ["en"],
    }
    assert isinstance(card, html.Section)
