"""oEmbed: the embed code a publishing system gets is the chart menu's "Bygg inn" code."""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

import pytest

from dashboard.web.layout.page import layout_for
from dashboard.web.pages import geografi, trend


def find(component, component_id: str):
    """The component with `component_id` in a Dash layout tree (or None)."""
    if getattr(component, "id", None) == component_id:
        return component
    children = getattr(component, "children", None)
    if isinstance(children, (list, tuple)):
        for child in children:
            found = find(child, component_id)
            if found is not None:
                return found
    elif children is not None and not isinstance(children, str):
        return find(children, component_id)
    return None


def bygg_inn(app, spec, chart_id: str, query: dict[str, str]) -> str:
    """The code in the chart menu's "Bygg inn" panel for a page view."""
    with app.server.test_request_context(f"{spec.path}?{urlencode(query)}"):
        page = layout_for(spec)(**query)
    textarea = find(page, f"embed-code-{chart_id}")
    assert textarea is not None, "the chart menu has its embed panel"
    return textarea.children


def oembed(client, url: str, **limits):
    return client.get("/oembed?" + urlencode({"url": url, **limits}))


@pytest.mark.parametrize(
    ("spec", "chart_id", "query"),
    [
        (trend, "utvikling", {"kommune": "baerum", "maal": "personer", "fra": "2012"}),
        (geografi, "gjentatt", {"kommune": "baerum"}),
        (trend, "utvikling", {"kommune": "baerum", "lang": "en"}),
    ],
)
def test_an_embed_url_gives_the_same_iframe_as_bygg_inn(app, client, spec, chart_id, query):
    code = bygg_inn(app, spec.SPEC, chart_id, query)
    src = html.unescape(re.search(r'<iframe src="([^"]+)"', code).group(1))
    response = oembed(client, src)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["html"] == code
    assert body["version"] == "1.0" and body["type"] == "rich"
    assert body["provider_url"] == "http://localhost/"
    assert isinstance(body["width"], int) and body["height"] == 760
    # The page's own URL (the card's fragment names the chart) gives the same code.
    page_url = f"http://localhost{spec.SPEC.path}?{urlencode(query)}#card-{chart_id}"
    assert oembed(client, page_url).get_json()["html"] == code


def test_a_page_url_gives_its_main_chart_and_limits_are_kept(client):
    body = oembed(client, "http://localhost/trend?kommune=baerum").get_json()
    assert "/embed/utvikling?" in body["html"]
    small = oembed(client, "/trend?kommune=baerum", maxwidth=400, maxheight=500).get_json()
    assert small["width"] <= 400 and small["height"] <= 500
    assert 'height="500"' in small["html"] and 'width="100%"' in small["html"]
    assert "thumbnail_url" not in small  # the 1200x630 preview would exceed the limits
    assert body["thumbnail_url"].startswith("http://localhost/bilde/utvikling.og.png?")
    assert (body["thumbnail_width"], body["thumbnail_height"]) == (1200, 630)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"url": "https://example.org/embed/utvikling"}, 404),  # not this site
        ({"url": "http://localhost/finnes-ikke"}, 404),
        ({"url": "http://localhost/om-dataene"}, 404),  # a page without charts
        ({"url": "javascript:alert(1)"}, 404),
        ({"url": "/embed/utvikling", "format": "xml"}, 501),  # the spec's answer
        ({}, 400),
        ({"url": "/embed/utvikling", "maxwidth": "bred"}, 400),
    ],
)
def test_what_cannot_be_embedded_is_answered_as_the_spec_says(client, query, status):
    response = client.get("/oembed?" + urlencode(query))
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"


def test_embeds_and_chart_pages_announce_their_oembed(client):
    embed = client.get("/embed/utvikling?kommune=oslo").get_data(as_text=True)
    head = embed.split("</head>")[0]
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', head)
    assert link
    href = html.unescape(link.group(1)).removeprefix("http://localhost")
    assert client.get(href).get_json()["html"].startswith('<iframe src="http://localhost/embed/')
    page = client.get("/geografi?kommune=baerum").get_data(as_text=True).split("</head>")[0]
    assert "application/json+oembed" in page
    assert "application/json+oembed" not in client.get("/om-dataene").get_data(as_text=True)
