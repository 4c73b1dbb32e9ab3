"""Every chart image is laid out inside itself: drawn by the real renderer, measured in Chromium.

Each chart's print SVG (`/bilde/<chart>.svg`, what the report ZIP and the embed's image
hold) and its 1200x630 link preview (drawn as SVG here, so its boxes can be measured) is opened as a document in Chromium; every text and marker must lie inside the image and no
two texts may overlap (tests/e2e/fitting.py). For Bærum and Oslo, in both languages.
"""

from __future__ import annotations

import urllib.error
from pathlib import Path

import pytest

from dashboard import printing
from dashboard.charts.listing import REGISTRY
from dashboard.web.outputs.images import ImageRequest, Renderer, image_figure
from tests.e2e.fitting import text_problems

pytestmark = [pytest.mark.browser, pytest.mark.render]

SIZES_SEEN = """
var svg = document.documentElement;
return [parseFloat(svg.getAttribute('width')), parseFloat(svg.getAttribute('height'))];
"""


def measure(driver, path: Path) -> tuple[list[str], int, list[float]]:
    driver.get(path.as_uri())
    problems, texts = text_problems(driver, None)
    return problems, texts, driver.execute_script(SIZES_SEEN)


@pytest.mark.parametrize(("kommune", "lang"), [("baerum", "nb"), ("oslo", "nb"), ("baerum", "en")])
def test_every_chart_image_lies_inside_itself(
    driver, live_server, facts_db, tmp_path, kommune, lang
):
    found: list[str] = []
    drawn = 0
    renderer = Renderer(timeout=60)
    for chart_id in REGISTRY:
        query = f"kommune={kommune}" + ("&lang=en" if lang == "en" else "")
        # The route draws the print SVG, as the report ZIP and a reader get it.
        status, kind, body = _get(live_server, f"/bilde/{chart_id}.svg?{query}")
        if status == 404:
            continue  # no figures for this kommune: the route says so in words
        assert status == 200 and kind.startswith("image/svg+xml"), (chart_id, status)
        drawn += 1
        svg = tmp_path / f"{chart_id}.svg"
        svg.write_bytes(body)
        problems, texts, (width, height) = measure(driver, svg)
        assert width == 960 and height >= 640, (chart_id, width, height)
        assert texts >= 5, (chart_id, texts)
        found += [f"{chart_id} (print): {p}" for p in problems]
        # The link preview at its fixed 1200x630, drawn as SVG to measure it.
        preview = _preview_svg(facts_db, renderer, chart_id, kommune, lang)
        svg = tmp_path / f"{chart_id}.og.svg"
        svg.write_bytes(preview)
        problems, texts, (width, height) = measure(driver, svg)
        assert (width, height) == (1200, 630), chart_id  # what the og:image tags say
        found += [f"{chart_id} (og): {p}" for p in problems]
    assert drawn >= 3, f"only {drawn} charts drawn for {kommune}"
    assert found == [], "\n".join(found)


def _get(server, path: str) -> tuple[int, str, bytes]:
    try:
        return server.get(path)
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def _preview_svg(facts_db, renderer: Renderer, chart_id: str, kommune: str, lang: str) -> bytes:
    """The og variant's figure drawn as SVG (the route serves it as PNG only)."""
    request = ImageRequest.make(chart_id, {"kommune": kommune, "lang": lang}, "svg", "og")
    _result, figure = image_figure(facts_db.cursor(), request)
    assert figure is not None, chart_id
    return renderer.render(figure, "svg", printing.SIZES["og"])
