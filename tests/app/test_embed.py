"""The embed document, its frame policy, the chart menu's markup and the QR code route."""

from __future__ import annotations

import html
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from plotly.utils import PlotlyJSONEncoder

from dashboard.settings import Settings
from dashboard.web.layout.page import layout_for
from dashboard.web.outputs import links
from dashboard.web.outputs.share import safe_path
from dashboard.web.pages import trend
from dashboard.web.serving import headers


def test_embeds_may_be_framed_by_the_configured_sites_pages_only_by_self(client):
    def ancestors(policy: str) -> str:
        return next(p for p in policy.split("; ") if p.startswith("frame-ancestors"))

    assert ancestors(client.get("/embed/utvikling").headers["Content-Security-Policy"]) == (
        "frame-ancestors *"
    )
    assert ancestors(client.get("/trend").headers["Content-Security-Policy"]) == (
        "frame-ancestors 'self'"
    )
    settings = Settings(embed_frame_ancestors="https://www.baerum.kommune.no")
    assert ancestors(headers.content_security_policy("/embed/x", settings, ())) == (
        "frame-ancestors https://www.baerum.kommune.no"
    )
    assert ancestors(headers.content_security_policy("/trend", settings, ())) == (
        "frame-ancestors 'self'"
    )


def test_embed_document_without_javascript_has_image_alt_table_links_source_licence(client):
    response = client.get("/embed/gjentatt?kommune=baerum")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<html lang="nb" data-theme="auto">' in page
    assert "<nav" not in page and "_dash-" not in page.split("<script", 1)[0]
    noscript = page.split("<noscript>", 1)[1].split("</noscript>", 1)[0]
    image = re.search(r'<img src="([^"]+)" alt="([^"]+)"', noscript)
    assert image and image.group(1).startswith("/bilde/gjentatt.png?")
    assert html.unescape(image.group(2)).startswith("Gjentatt kriminalitet")
    # a dark image for readers in dark mode
    assert 'media="(prefers-color-scheme: dark)"' in noscript and "tema=mork" in noscript
    table = page.split("<table", 1)[1].split("</table>", 1)[0]
    assert all(f">{n}<" in table for n in ("8", "7", "31", "23"))
    assert "/last-ned/gjentatt.csv?" in page and "/last-ned/gjentatt.xlsx?" in page
    assert "/geografi?" in page and "#card-gjentatt" in page  # the full view
    assert "Kilde: SLT årsrapport 2020" in page and "Lisens: Offentlig dokument" in page
    assert '<script id="slt-figure" type="application/json">' in page
    description = re.search(r'<meta name="description" content="([^"]+)">', page)
    assert description and html.unescape(description.group(1)).startswith("Gjentatt kriminalitet")


@pytest.mark.render
def test_embed_image_link_renders(client):
    page = client.get("/embed/gjentatt?kommune=baerum").get_data(as_text=True)
    noscript = page.split("<noscript>", 1)[1]
    src = html.unescape(re.search(r'<img src="([^"]+)"', noscript).group(1))
    image = client.get(src)
    assert image.status_code == 200 and Image.open(io.BytesIO(image.data)).size == (1920, 1280)


@pytest.mark.parametrize(("tema", "theme"), [("lys", "light"), ("mork", "dark"), ("x", "auto")])
def test_tema_forces_a_theme(client, tema, theme):
    page = client.get(f"/embed/utvikling?tema={tema}").get_data(as_text=True)
    assert f'data-theme="{theme}"' in page
    assert "«tema»" not in page  # not reported as an unknown parameter


def test_embed_of_a_view_without_figures_says_so(client):
    page = client.get("/embed/geografi-anmeldelser?kommune=asker").get_data(as_text=True)
    assert "Ingen tall for dette valget" in page and "<noscript>" not in page
    assert client.get("/embed/finnes-ikke").status_code == 404


def test_embed_code_has_iframe_default_height_and_host_script():
    code = links.embed_code("https://slt.example.no/", "utvikling", {"kommune": "asker"}, "T")
    assert code.startswith('<iframe src="https://slt.example.no/embed/utvikling?kommune=asker"')
    assert f'height="{links.EMBED_HEIGHT}"' in code and 'title="T"' in code
    assert '<script src="https://slt.example.no/embed/host.js" async></script>' in code


def test_host_script_and_dark_colours_are_served(client):
    script = client.get("/embed/host.js")
    assert script.mimetype == "text/javascript" and b"slt-height" in script.data
    colours = client.get("/farger.json").get_json()["dark"]
    assert colours["#0072b2"] == "#4DA3E0" and colours["#ffffff"] == "#15181c"


def test_chart_cards_have_the_menu_and_no_plotly_toolbar(app):
    with app.server.test_request_context("/trend"):
        tree = layout_for(trend.SPEC)(kommune="baerum")
    page = json.dumps(tree, cls=PlotlyJSONEncoder)
    configs = re.findall(r'"config": \{[^}]*\}', page)
    # Every drawn chart of the page (trend, comparison, every published series).
    assert len(configs) == 3 and all('"displayModeBar": false' in c for c in configs)
    assert "chart-menu-button" in page and "Bygg inn" in page and "Om tallene" in page
    assert "/bilde/utvikling.svg?" in page and "/last-ned/utvikling.xlsx?" in page


@pytest.mark.parametrize(
    "raw",
    [
        "https://evil.example/x",
        "//evil.example/x",
        "javascript:alert(1)",
        "",
        "x",
        "/a\\b",
        "/" * 2000,
    ],
)
def test_qr_code_only_for_this_sites_paths(client, raw):
    assert safe_path(raw) is None
    assert client.get("/qr.svg", query_string={"url": raw}).status_code == 400


def test_qr_code_is_an_svg_of_the_full_link(client):
    response = client.get("/qr.svg", query_string={"url": "/trend?kommune=asker&fra=2015"})
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    root = ET.fromstring(response.data)
    assert root.tag.endswith("svg")
    title = "".join(root.find("{http://www.w3.org/2000/svg}title").itertext())
    assert title == "http://localhost/trend?kommune=asker&fra=2015"


def test_menu_speaks_english_on_english_pages(app):
    with app.server.test_request_context("/trend?lang=en"):
        tree = layout_for(trend.SPEC)(kommune="baerum", lang="en")
    page = json.dumps(tree, cls=PlotlyJSONEncoder)
    for text in ("Full screen", "About the figures", "Download image (PNG)", "Embed", "Share"):
        assert text in page
    assert "Bygg inn" not in page and "Last ned bilde" not in page


@pytest.mark.parametrize("kommune", ["baerum", "asker", "oslo"])
def test_an_embed_opens_on_the_view_its_page_opens_on(app, client, kommune):
    """An embed without years (and its oEmbed title) shows the years the page shows for
    the kommune (the years the warehouse holds for it), not the widest range the controls
    allow."""
    from dashboard.charts.listing import REGISTRY
    from dashboard.web.serving.context import chart_result, view

    differ = []
    for chart_id, chart in REGISTRY.items():
        page = client.get(f"/embed/{chart_id}?kommune={kommune}").get_data(as_text=True)
        shown = html.unescape(re.search(r"<title>([^<]*)</title>", page).group(1))
        with app.server.test_request_context(f"/?kommune={kommune}"):
            names = {p.name for p in chart.params}
            state = view(chart.params, {"kommune": kommune} if "kommune" in names else {})
            title = chart_result(chart, state).title
        described = client.get(
            f"/oembed?url=http://localhost/embed/{chart_id}?kommune={kommune}"
        ).get_json()["title"]
        if title not in shown or described != title:
            differ.append((chart_id, shown, described, title))
    assert differ == []
