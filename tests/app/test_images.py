"""Chart images: the pure print figure, the dark palette, and `/bilde/` through the app.

The route tests draw real images with the system Chromium (kaleido) and open them with
Pillow / an XML parser; the 503 test swaps in a renderer that finds no browser.
"""

from __future__ import annotations

import io
import itertools
import re
import xml.etree.ElementTree as ET

import pandas as pd
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


def _texts(layout: dict) -> list[str]:
    """The placed text blocks of a print figure (title, legend aside), plain, top to bottom."""
    notes = [a for a in layout["annotations"] if a.get("name") == "print-text"]
    notes.sort(key=lambda a: -a["y"])
    return [" ".join(images.plain_lines(a["text"])) for a in notes]


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
    )
    assert repr(result.figure) == before
    layout = out["layout"]
    assert (layout["width"], layout["height"], layout["autosize"]) == (960, 640, False)
    texts = _texts(layout)
    # Top to bottom: title and view, the event key in rows, the source, the licence last.
    assert texts[0] == f"{result.title} Bærum · 2013–2020"
    assert texts[1:5] == [
        "1: Ny straffelov (oktober 2015)",
        "2: Politidistrikt slått sammen (mai 2017)",
        "3: Terrorangrep i Bærum (august 2019)",
        "4: Kommunereform (januar 2020)",
    ]  # each event whole, never "(mai / 2017)"
    assert texts[-2].startswith("Kilde: SLT årsrapport 2020") and texts[-1] == "Lisens: CC BY 4.0"
    # Three events side by side in the first row: rows, not a narrow centred column.
    key = [
        a
        for a in layout["annotations"]
        if a.get("name") == "print-text" and re.match(r"\d: ", images.plain_lines(a["text"])[0])
    ]
    key.sort(key=lambda a: (-a["y"], a["x"]))
    assert len({round(a["y"], 6) for a in key[:3]}) == 1 and len({a["x"] for a in key[:3]}) == 3
    # The legend lies above the event key and the source (in the image's pixels).
    height = layout["height"]
    legend_bottom = height * (1 - layout["legend"]["y"])
    event_top = layout["margin"]["t"] + (1 - key[0]["y"]) * (
        height - layout["margin"]["t"] - layout["margin"]["b"]
    )
    assert layout["legend"]["yanchor"] == "bottom" and legend_bottom <= event_top
    # The first legend marker is not against the image's edge (it was clipped).
    assert layout["legend"]["x"] * layout["width"] >= 16
    assert layout["xaxis"]["title"]["text"] == ""  # the footer is no longer the axis title
    assert out["data"][0]["x"] == result.figure["data"][0]["x"]


def test_print_figure_spreads_direct_labels_for_the_image_height(con):
    chart = charts.REGISTRY["utvikling"]
    result = chart.build(con.cursor(), parse(chart.params, {"kommune": "baerum"}))
    out = images.print_figure(result.figure, title="t", view="", source="s", licence="")
    layout = out["layout"]
    labels = [a for a in layout["annotations"] if a.get("name") == "series-label"]
    assert len(labels) == 4 and images.has_legend(out)  # labels and legend, as on a page
    lo, hi = layout["yaxis"]["range"]
    plot_h = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    boxes = sorted(
        (
            (hi - a["y"]) / (hi - lo) * plot_h,
            images.text_height(a["text"], a["font"]["size"]),
        )
        for a in labels
    )
    for (centre, height), (next_centre, next_height) in itertools.pairwise(boxes):
        assert next_centre - next_height / 2 >= centre + height / 2 - 0.01  # no overlap
    widest = max(images.text_px(a["text"], a["font"]["size"]) for a in labels)
    assert layout["margin"]["r"] >= widest + 8  # inside the image


def test_years_that_would_touch_are_thinned_for_the_width(con):
    chart = charts.REGISTRY["befolkning-alder"]
    result = chart.build(con.cursor(), parse(chart.params, {"kommune": "baerum"}))
    wide = images.print_figure(result.figure, title="t", view="", source="s", licence="")
    assert wide["layout"]["xaxis"]["tickvals"] == result.figure["layout"]["xaxis"]["tickvals"]
    years = list(range(1960, 2021))  # 61 years do not fit side by side in 960 px
    frame = pd.DataFrame({"x": years, "series": "a", "value": [float(y % 7) for y in years]})
    many = fig.line_chart(frame, fig.ChartMeta(title="", lang="nb"))
    out = images.print_figure(many, title="t", view="", source="s", licence="")
    kept = out["layout"]["xaxis"]["tickvals"]
    assert kept[0] == 1960 and 5 < len(kept) < len(years)
    left, width = (
        out["layout"]["margin"]["l"],
        960 - out["layout"]["margin"]["l"] - out["layout"]["margin"]["r"],
    )
    lo, hi = out["layout"]["xaxis"]["range"]
    centres = [left + (y - lo) / (hi - lo) * width for y in kept]
    assert min(b - a for a, b in itertools.pairwise(centres)) > images.text_px("2020", 14)


def test_ungdata_image_is_laid_out_for_its_width_one_mark_per_missing_cell(con):
    chart = charts.REGISTRY["ungdata"]
    result = chart.build(con.cursor(), parse(chart.params, {"kommune": "baerum"}))
    out = images.print_figure(
        result.figure, title=result.title, view="", source=result.source, licence=""
    )
    layout = out["layout"]
    names = layout["yaxis"]["ticktext"]
    assert max(images.line_count(n) for n in names) <= 2  # a page's phone wrap has 4-5
    assert max(images.text_px(n, 14) for n in names) <= 0.4 * layout["width"]
    # Tall enough that every bar has a line of its own for its value or its "..".
    series = len(out["data"])
    plot_h = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    bar = plot_h / len(names) * (1 - layout["bargap"]) / series
    assert layout["height"] > 640 and bar >= 12 * images.LINE
    # One ".." per missing cell: the table's ".." cells, counted.
    missing = [a for a in layout["annotations"] if a.get("name") == "missing"]
    cells = [c for row in result.table.itertuples(index=False) for c in row[1:]]
    assert len(missing) == cells.count("..") and {a["text"] for a in missing} == {".."}


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


def test_og_image_url_keeps_the_charts_own_parameters():
    url = web_images.og_image_url("utvikling", {"kommune": "asker", "fra": "2015", "x": "1"})
    assert url == "/bilde/utvikling.og.png?kommune=asker&fra=2015"


@pytest.mark.parametrize(
    ("path", "kommune", "chart_id"),
    [
        ("/trend", "baerum", "utvikling"),
        ("/trend", "oslo", "sammenligning"),  # Oslo has no police table: the comparison
        ("/geografi", "baerum", "geografi-personer"),
        ("/geografi", "asker", "lovbruddsprofil"),
        ("/trygghetsprogrammet", "oslo", "gjengangere"),
        ("/", "asker", "sammenligning"),
    ],
)
def test_a_page_view_previews_the_chart_it_opens_on(app, path, kommune, chart_id):
    with app.server.test_request_context(path):
        found = web_images.main_chart(path, {"kommune": kommune})
        tags = web_images.preview_tags(path, {"kommune": kommune})
    assert found is not None and found[0] == chart_id and found[1].figure is not None
    assert f"/bilde/{chart_id}.og.png?kommune={kommune}" in tags
    assert 'property="og:image:alt"' in tags


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
