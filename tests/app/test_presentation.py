"""The Møtemodus deck as PowerPoint (`/mote/presentasjon.pptx`), read back with python-pptx:
one slide per agenda item, with the chart's image and alt text, the source line, the QR
code of the live view and the key sentence in the speaker notes; and the links to it and
to the Word report from the overview and Møtemodus.
"""

from __future__ import annotations

import io
import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from PIL import Image
from plotly.utils import PlotlyJSONEncoder
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from dashboard.charts.listing import render
from dashboard.web.factory import PAGES
from dashboard.web.layout.page import layout_for
from dashboard.web.outputs import links, office
from dashboard.web.outputs.agenda import AgendaItem, encode
from dashboard.web.outputs.share import qr_png
from dashboard.web.pages import mote, oversikt
from dashboard.web.serving.context import cursor

DECK = "/mote/presentasjon.pptx?kommune=baerum&aar=2020"
TREND = AgendaItem("/trend", {"kommune": "baerum", "fra": "2015", "til": "2019"}, "utvikling")
GEO = AgendaItem("/geografi", {"kommune": "baerum"}, "gjentatt")


def slides_of(app, query: dict):
    """The slides Møtemodus resolves for a deck's parameters (as the live page does)."""
    with app.server.test_request_context("/"):
        state, items, _own, _slide, _notes = mote.deck_state(PAGES, query)
        slides, skipped = mote.resolve(PAGES, items, state.lang)
        assert skipped == []
        results = [
            render(s.item.chart, cursor(), s.state) if s.item.chart else None for s in slides
        ]
    return slides, results


def pictures(slide):
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def words(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


@pytest.fixture(scope="module")
def deck(app):
    response = app.server.test_client().get(DECK)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == office.PPTX_TYPE
    assert (
        "SLT-m%C3%B8te%20%E2%80%93%20B%C3%A6rum%202020.pptx"
        in (response.headers["Content-Disposition"])
    )
    return Presentation(io.BytesIO(response.data))


@pytest.mark.render
def test_one_slide_per_agenda_item_with_image_source_and_qr_code(app, deck):
    slides, results = slides_of(app, {"kommune": "baerum", "aar": "2020"})
    assert len(deck.slides) == len(slides) >= 4
    assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))  # 16:9
    for page, view, result in zip(deck.slides, slides, results, strict=True):
        shown = pictures(page)
        qr = [p for p in shown if p.image.blob == qr_png("http://localhost" + view.href)]
        assert len(qr) == 1, view.href  # the live view's QR code, drawn from its address
        assert qr[0]._element.nvPicPr.cNvPr.get("descr").startswith("QR-kode som åpner")
        notes = page.notes_slide.notes_text_frame.text
        if result is None:  # the overview's key figures
            assert page.shapes.title.text == "Nøkkeltall for Bærum"
            assert "288 i 2020, ned 25\u00a0% fra 382 i 2019" in words(page)
            assert "Kilde: SLT årsrapport 2020 – Bærum kommune" in words(page)
            assert "Kilde: " in notes
            continue
        assert page.shapes.title.text == result.title
        charts = [p for p in shown if p not in qr]
        assert len(charts) == 1
        image = Image.open(io.BytesIO(charts[0].image.blob))
        assert image.size == (1920, 1280)
        alt = charts[0]._element.nvPicPr.cNvPr.get("descr")
        assert alt.startswith(("Linjediagram", "Stolpediagram")) and result.title in alt
        assert result.source in words(page)
        assert notes.startswith(f"Nøkkelsetning: {result.summary}")


@pytest.mark.render
def test_a_users_agenda_gives_its_slides_in_order_and_every_slide(app, client):
    query = {"agenda": encode([GEO, TREND]), "lysbilde": "2"}
    href = links.presentation_href(query)
    assert "lysbilde" not in href  # the file holds every slide
    response = client.get(href + "&lysbilde=2")
    assert response.status_code == 200
    assert "agenda.pptx" in response.headers["Content-Disposition"]
    deck = Presentation(io.BytesIO(response.data))
    _slides, results = slides_of(app, {"agenda": query["agenda"]})
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles == [r.title for r in results] and len(titles) == 2
    assert "2015–2019" in titles[1]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("agenda=zzz", "Agendaen i lenken kunne ikke leses."),
        (f"agenda={encode([AgendaItem('/nope', {}, 'x')])}", "Lysbilde 1"),
        ("kommune=nope", "«nope» kan ikke brukes for «kommune»"),
        ("kommune=baerum&aar=1900", "«1900» kan ikke brukes for «aar»"),
    ],
)
def test_a_deck_that_cannot_be_made_as_asked_is_a_polite_400(client, query, words):
    response = client.get(f"{links.PRESENTATION_PATH}?{query}")
    assert response.status_code == 400 and response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert words in text and "/mote/presentasjon.pptx?kommune=baerum&aar=2020" in text


def _tree(layout) -> str:
    return json.dumps(layout, cls=PlotlyJSONEncoder)


def _href(tree: str, link_id: str) -> str:
    data = json.loads(tree)
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            props = node.get("props", {})
            if isinstance(props, dict) and props.get("id") == link_id:
                found.append(props["href"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    assert len(found) == 1, link_id
    return found[0]


def test_mote_offers_the_deck_as_pptx_beside_its_link_and_the_word_report(app):
    with app.server.test_request_context("/"):
        tree = _tree(mote.layout_for(PAGES)(kommune="oslo", aar="2020"))
    share = _href(tree, "mote-share")
    pptx = _href(tree, "mote-presentation")
    assert urlsplit(pptx).path == links.PRESENTATION_PATH
    assert dict(parse_qsl(urlsplit(pptx).query)) == dict(parse_qsl(urlsplit(share).query))
    assert _href(tree, "mote-wordreport") == links.wordreport_href("oslo", 2020)
    assert json.dumps("Last ned møtet som PowerPoint (virker uten nett)") in tree
    with app.server.test_request_context("/"):
        own = _tree(mote.layout_for(PAGES)(agenda=encode([TREND])))
    assert f"agenda={encode([TREND])}" in _href(own, "mote-presentation")


def test_overview_offers_the_word_report_and_the_deck_for_its_kommune_and_year(app):
    with app.server.test_request_context("/"):
        tree = _tree(layout_for(oversikt.SPEC)(kommune="oslo", aar="2020"))
    assert _href(tree, "wordreport-link") == links.wordreport_href("oslo", 2020)
    assert json.dumps("Last ned utfordringsbildet (Oslo 2020) som Word-dokument") in tree
    deck = _href(tree, "presentation-link")
    assert urlsplit(deck).path == links.PRESENTATION_PATH
    assert dict(parse_qsl(urlsplit(deck).query)) == {"aar": "2020", "kommune": "oslo"}
