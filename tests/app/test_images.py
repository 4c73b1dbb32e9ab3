"""Chart images: the pure print figure, the dark palette, and `/bilde/` through the app.

The route tests draw real images with the system Chromium (kaleido) and open them with
Pillow / an XML parser; the 503 test swaps in a renderer that finds no browser.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from dashboard import figures as fig
from dashboard import printing as images
from dashboard.charts import listing as charts
from dashboard.state import parse
from dashboard.web.outputs import images as web_images
from dashboard.web.serving.context import cursor

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_print_figure_draws_title_view_source_and_licence_without_touching_input(con):
    chart = charts.REGISTRY["utvikling"]
    result = chart.build(con.cursor(), parse(chart.params, {}))
    before = repr(result.figure)
    out = images.print_figure(
        result.figure,
        title=result.title,
        view="Bærum · 2013–2020",
        source=result.source,
        licence="CC BY 4.0",
        size="og",
    )
    assert repr(result.figure) == before
    layout = out["layout"]
    assert (layout["width"], layout["height"], layout["autosize"]) == (1200, 630, False)
    assert "Anmeldelser for mistenkte" in layout["title"]["text"]
    assert "Bærum · 2013–2020" in layout["title"]["text"]
    footer = layout["xaxis"]["title"]["text"]
    assert "Kilde: SLT årsrapport 2020" in footer and "Lisens: CC BY 4.0" in footer
    # the figure's own footer (events) stays, before the source
    assert footer.index("Ny straffelov") < footer.index("Kilde:")
    assert out["data"] == result.figure["data"]


@pytest.mark.parametrize("color", fig.DARK_PALETTE)
def test_dark_palette_has_3_to_1_contrast_for_marks(color):
    assert fig.contrast_ratio(color, fig.DARK_BACKGROUND) >= 3.0


@pytest.mark.parametrize(
    "color",
    [*fig.DARK_TEXT_PALETTE, fig.DARK_TEXT_COLOR, fig.DARK_MUTED_TEXT_COLOR],
)
def test_dark_text_colours_have_4_5_to_1_contrast(color):
    assert fig.contrast_ratio(color, fig.DARK_BACKGROUND) >= 4.5


def test_dark_palette_matches_the_light_one_position_by_position():
    assert len(fig.DARK_PALETTE) == len(fig.PALETTE) == len(fig.DARK_TEXT_PALETTE)
    assert len(set(fig.DARK_PALETTE)) == len(fig.DARK_PALETTE)
    assert fig.contrast_ratio(fig.DARK_AXIS_COLOR, fig.DARK_BACKGROUND) >= 3.0


def test_recolour_leaves_no_light_colour_in_a_real_chart(con):
    chart = charts.REGISTRY["utvikling"]
    figure = chart.build(con.cursor(), parse(chart.params, {})).figure
    dark = images.recolour(figure)
    text = repr(dark).lower()
    for light in (*fig.PALETTE, fig.TEXT_COLOR, fig.BACKGROUND, fig.MUTED_TEXT_COLOR):
        assert light.lower() not in text
    assert dark["layout"]["paper_bgcolor"] == fig.DARK_BACKGROUND
    assert dark["data"][0]["line"]["color"] == fig.DARK_PALETTE[0]
    assert repr(figure).lower().count(fig.PALETTE[0].lower()) > 0  # input untouched


def test_og_image_url_points_at_the_pages_main_chart_in_that_view():
    url = web_images.og_image_url("/trend", {"kommune": "asker", "fra": "2015", "x": "1"})
    assert url == "/bilde/utvikling.og.png?kommune=asker&fra=2015"
    assert web_images.og_image_url("/geografi", {}) == "/bilde/geografi-personer.og.png"
    for chart_id in web_images.PAGE_CHARTS.values():
        assert chart_id in charts.REGISTRY


@pytest.mark.render
def test_png_is_a_real_image_with_print_size_and_is_cached(client, app):
    response = client.get("/bilde/utvikling.png?kommune=baerum&fra=2014&til=2020")
    assert response.status_code == 200 and response.mimetype == "image/png"
    image = Image.open(io.BytesIO(response.data))
    image.verify()
    assert image.size == (1920, 1280)
    service = app.server.extensions[web_images.EXTENSION]
    # the same view by another spelling of its URL is the same cached file
    request = web_images.ImageRequest.make(
        "utvikling", {"til": "2020", "lang": "nb", "fra": ["2014"], "kommune": "baerum"}
    )
    with app.server.app_context():
        assert service.cached(cursor(), request) == response.data


@pytest.mark.render
def test_og_variant_is_1200_by_630(client):
    for url in ("/bilde/sammenligning.og.png", "/bilde/sammenligning.png?format=og"):
        response = client.get(url)
        assert response.status_code == 200
        assert Image.open(io.BytesIO(response.data)).size == (1200, 630)


@pytest.mark.render
def test_svg_carries_title_source_licence_and_the_warehouse_numbers(client, con):
    response = client.get("/bilde/gjentatt.svg?kommune=baerum")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    words = " ".join(svg_texts(response.data))
    assert "Gjentatt kriminalitet" in words and "Bærum · 2020" in words
    assert "Kilde: SLT årsrapport 2020" in words and "Lisens: Offentlig dokument" in words
    values = con.execute(
        "SELECT value FROM facts WHERE source_id = 'slt2020-gjentatt-kriminalitet' AND preferred"
    ).fetchall()
    labels = set(svg_texts(response.data))
    assert values and all(f"{v:.0f}" in labels for (v,) in values)


def test_unknown_chart_and_view_without_figure_are_404_with_text(client):
    assert client.get("/bilde/finnes-ikke.png").status_code == 404
    assert client.get("/bilde/utvikling.gif").status_code == 404
    response = client.get("/bilde/geografi-anmeldelser.png?kommune=asker")
    assert response.status_code == 404 and "importmalen" in response.get_data(as_text=True)


def test_without_a_browser_images_are_503_with_the_chart_in_words(app, client, tmp_path):
    keep = app.server.extensions[web_images.EXTENSION]
    app.server.extensions[web_images.EXTENSION] = web_images.ImageService(
        tmp_path, web_images.Renderer(timeout=1, browser=lambda: None)
    )
    try:
        response = client.get("/bilde/utvikling.png?fra=2016")
    finally:
        app.server.extensions[web_images.EXTENSION] = keep
    text = response.get_data(as_text=True)
    assert response.status_code == 503 and response.mimetype == "text/plain"
    assert "ingen nettleser" in text and "Kilde:" in text and "Bærum" in text
    assert "/last-ned/utvikling.csv?" in text


@pytest.mark.render
def test_a_page_view_previews_its_own_chart(client):
    page = client.get("/trend?kommune=baerum&fra=2015").get_data(as_text=True)
    head = page.split("</head>", 1)[0]
    assert '<meta property="og:image" content="http://localhost/bilde/utvikling.og.png?' in head
    image = head.split('property="og:image" content="', 1)[1].split('"', 1)[0]
    assert "kommune=baerum" in image and "fra=2015" in image
    description = head.split('property="og:description" content="', 1)[1].split('"', 1)[0]
    assert description  # the summary sentence, not empty
    assert 'name="twitter:card" content="summary_large_image"' in head
    response = client.get(image.replace("http://localhost", "").replace("&amp;", "&"))
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.data)).size == (1200, 630)


def test_comparison_image_names_the_kommune_and_its_periods(con):
    chart = charts.REGISTRY["sammenligning"]
    state = parse(chart.params, {"kommune": "asker"})
    result = chart.build(con.cursor(), state)
    assert web_images.view_line(result, state.values, "nb").startswith("Asker · 2021–")


def test_prune_keeps_only_this_warehouses_images(app, tmp_path):
    service = web_images.ImageService(tmp_path, web_images.Renderer(browser=lambda: None))
    with app.server.app_context():
        current = web_images.fingerprint(cursor())[:16]
        for folder in (current, "0123456789abcdef"):
            (tmp_path / folder).mkdir()
            (tmp_path / folder / "x.png").write_bytes(b"png")
        assert web_images.prune(cursor(), service) == 1
    assert [p.name for p in tmp_path.iterdir()] == [current]


def test_print_figure_leaves_out_direct_labels_where_a_legend_names_the_series(con):
    chart = charts.REGISTRY["utvikling"]
    result = chart.build(con.cursor(), parse(chart.params, {"kommune": "baerum"}))
    names = [a.get("name") for a in result.figure["layout"]["annotations"]]
    assert "series-label" in names  # the page's figure has them (labels.js spaces them)
    out = images.print_figure(result.figure, title="t", view="", source="s", licence="")
    assert "series-label" not in [a.get("name") for a in out["layout"]["annotations"]]
    assert images.has_legend(out) and out["layout"]["margin"]["r"] == 16
    single = {"data": [{"name": "a"}], "layout": {"annotations": [{"name": "series-label"}]}}
    assert not images.drop_series_labels(single)  # no legend: the label names the line


def test_footer_beside_wide_bar_names_is_wrapped_to_the_plot_width(con):
    # The footer is centred under the plot: beside long bar names it must be narrower than
    # the plot (Ungdata's long source line ran off the image's right edge).
    chart = charts.REGISTRY["ungdata"]
    result = chart.build(con.cursor(), parse(chart.params, {"kommune": "baerum", "aar": "2019"}))
    spec = images.SIZES["print"]
    names_px = images.category_label_px(result.figure, spec.text_size)
    assert names_px > 200
    out = images.print_figure(result.figure, title="t", view="", source=result.source, licence="")
    footer = out["layout"]["xaxis"]["title"]["text"].split("Kilde:", 1)[1]
    lines = [re.sub(r"<[^>]+>", "", part) for part in footer.split("<br>")]
    assert len(lines) > 2
    width = images.chars_per_line(spec.width - 40 - names_px, spec.small_size)
    assert max(len(line) for line in lines) <= width
    assert images.category_label_px({"data": [{"type": "scatter"}]}, 14) == 0
