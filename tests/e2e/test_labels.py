"""No two text labels of any chart overlap, on a phone, a laptop and a projector, and
none is turned on end: on the pages, in every chart's embed, and on every Møtemodus slide.

Measured with the labels' real bounding boxes in Chromium: the direct series labels
(annotations), the event numbers and break labels (shape labels), the years and names on
the category axis, and the values on the bars, of every chart on every chart page; on
embeds and slides every text of a chart against every other (tests/e2e/fitting.py).
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from dashboard.charts.listing import REGISTRY
from tests.e2e.browser import open_page, wait_dash_idle, wait_until
from tests.e2e.fitting import reset_viewport, text_problems, viewport, wait_fitted

pytestmark = pytest.mark.browser

PAGES = ("/trend", "/trend?maal=forhold", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet")
OVERLAPS = """
function boxes(gd, selector) {
  return Array.from(gd.querySelectorAll(selector))
    .filter(function (el) { return getComputedStyle(el).visibility !== 'hidden'; })
    .map(function (el) {
      var r = el.getBoundingClientRect();
      return {text: el.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom};
    })
    .filter(function (b) { return b.r > b.l && b.b > b.t; });
}
var out = [];
document.querySelectorAll('.js-plotly-plot').forEach(function (gd) {
  ['.annotation-text-g', '.shape-label', '.xtick text', '.ytick text', 'text.bartext'].forEach(function (selector) {
    var bs = boxes(gd, selector);
    for (var i = 0; i < bs.length; i++) {
      for (var j = i + 1; j < bs.length; j++) {
        var a = bs[i], b = bs[j];
        if (a.r > b.l + 0.5 && b.r > a.l + 0.5 && a.b > b.t + 0.5 && b.b > a.t + 0.5) {
          out.push(gd.id + ': "' + a.text + '" / "' + b.text + '"');
        }
      }
    }
  });
});
return out;
"""
TURNED = r"""
// Chart text drawn at an angle (the value axis title is the one upright text allowed).
var out = [];
document.querySelectorAll('#main .main-svg text').forEach(function (t) {
  if (t.closest('.g-ytitle, .g-y2title') || getComputedStyle(t).visibility === 'hidden') return;
  for (var e = t; e && e.tagName !== 'svg'; e = e.parentNode) {
    var m = /rotate\(\s*(-?[\d.]+)/.exec(e.getAttribute('transform') || '');
    if (m && Math.abs(parseFloat(m[1])) > 0.5) {
      out.push(t.textContent.trim().slice(0, 30) + ' ' + m[0]);
      return;
    }
  }
});
return out;
"""
COUNT = "return document.querySelectorAll('.js-plotly-plot .annotation-text-g').length;"


@pytest.mark.parametrize("width", [390, 1280, 1920])
@pytest.mark.parametrize("path", PAGES)
def test_no_two_labels_overlap(driver, live_server, path, width):
    driver.set_window_size(width, 1080 if width > 1000 else 844)
    open_page(driver, live_server.url(path))
    assert driver.execute_script(OVERLAPS) == []
    assert driver.execute_script(TURNED) == []
    # Every text of a chart against every other kind too (a label on a tick, a value on
    # a missing mark), and inside its drawing: the check the embeds and slides pass.
    wait_fitted(driver, "#main .js-plotly-plot", f"{path} at {width} px")
    problems, texts = text_problems(driver, "#main .js-plotly-plot")
    assert problems == [] and texts >= 10, (problems, texts)


def test_the_check_sees_labels(driver, live_server):
    """The measurement above is only as good as its selectors: they must find labels."""
    driver.set_window_size(390, 844)
    open_page(driver, live_server.url("/trend"))
    assert driver.execute_script(COUNT) >= 4  # four series labels and the event numbers


# ------------------------------------------------------------------ embeds and slides
# The same fitting on the other surfaces (assets/labels.js runs in embeds and on slides),
# measured with one check for every text of a chart against every other and against the
# edges of the drawing (tests/e2e/fitting.py).

EMBED_WIDTHS = (320, 390, 640, 900)
KOMMUNER = ("baerum", "oslo")


@pytest.mark.parametrize("chart_id", list(REGISTRY))
def test_embeds_fit_their_labels_at_phone_and_desktop_widths(driver, live_server, chart_id):
    """Each chart's embed, on a kommune website's phone and desktop widths (one load per
    kommune, resized: the embed's chart redraws and refits as a host's iframe would)."""
    try:
        for kommune in KOMMUNER:
            viewport(driver, EMBED_WIDTHS[0], 900)
            driver.get(live_server.url(f"/embed/{chart_id}?kommune={kommune}"))
            if not driver.find_elements(By.ID, "slt-figure"):
                # No figures for this kommune: the embed says so in words, and draws nothing.
                assert driver.find_elements(By.CSS_SELECTOR, ".no-data"), (chart_id, kommune)
                continue
            for width in EMBED_WIDTHS:
                viewport(driver, width, 900)
                wait_fitted(driver, "#graph", f"{chart_id} {kommune} {width}px")
                problems, texts = text_problems(driver, "#graph")
                assert problems == [], f"{chart_id} {kommune} at {width} px: {problems}"
                assert texts >= 3, f"{chart_id} {kommune} at {width} px: no texts measured"
    finally:
        reset_viewport(driver)


#: Laptop windows (the plot must get 45 % of the height) and a projector's.
SLIDE_WINDOWS = ((1280, 800), (1366, 768), (1920, 1080))
SLIDE = ".mote-slide:not([hidden])"
SLIDE_SIZES = """
var slide = document.querySelector(arguments[0]);
var plot = slide.querySelector('.draglayer .nsewdrag, .bglayer .bg');
return {
  number: slide.getAttribute('data-slide'),
  kind: slide.getAttribute('data-kind'),
  plot: plot ? plot.getBoundingClientRect().height : null,
  bottom: slide.getBoundingClientRect().bottom + window.scrollY,
  total: document.querySelectorAll('.mote-slide').length
};
"""


@pytest.mark.parametrize("kommune", KOMMUNER)
def test_every_slide_fits_a_laptop_window_and_a_projector(driver, live_server, kommune):
    """Without full screen: no slide runs past the bottom of the window (a chart slide at
    any of the sizes, the key figures in a 1080 px window), a chart's plot area is at least
    45 % of a laptop window's height, and no two labels of a slide's chart overlap."""
    try:
        for width, height in SLIDE_WINDOWS:
            viewport(driver, width, height)
            driver.get(live_server.url(f"/mote?kommune={kommune}"))
            wait_dash_idle(driver)
            number, total, seen = 1, 1, 0
            while number <= total:
                where = f"{kommune} slide {number} at {width}x{height}"
                sizes = driver.execute_script(SLIDE_SIZES, SLIDE)
                total = sizes["total"]
                if sizes["kind"] == "chart":
                    wait_fitted(driver, f"{SLIDE} .js-plotly-plot", where)
                    sizes = driver.execute_script(SLIDE_SIZES, SLIDE)
                    problems, texts = text_problems(driver, f"{SLIDE} .js-plotly-plot")
                    assert problems == [] and texts >= 3, (where, problems, texts)
                    assert sizes["bottom"] <= height, (where, sizes)
                    if height < 1000:
                        assert sizes["plot"] >= 0.45 * height, (where, sizes)
                    seen += 1
                elif height >= 1080:
                    assert sizes["bottom"] <= height, (where, sizes)
                number += 1
                if number <= total:
                    driver.execute_script(
                        "document.querySelector(arguments[0] + ' [data-mote=next]').click();"
                        "window.scrollTo(0, 0);",
                        SLIDE,
                    )
                    wait_until(
                        driver,
                        lambda d, n=number: (
                            d.execute_script(SLIDE_SIZES, SLIDE)["number"] == str(n)
                        ),
                        f"slide {number} shown",
                    )
            assert seen >= 2, f"{kommune}: only {seen} chart slides at {width}x{height}"
    finally:
        reset_viewport(driver)
