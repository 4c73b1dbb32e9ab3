"""No two text labels of any chart overlap, on a phone, a laptop and a projector.

Measured with the labels' real bounding boxes in Chromium: the direct series labels and
event numbers (annotations) and the years on the time axis, of every chart on every
chart page.
"""

from __future__ import annotations

import pytest

from tests.e2e.browser import open_page

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
  ['.annotation-text-g', '.xtick text'].forEach(function (selector) {
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
COUNT = "return document.querySelectorAll('.js-plotly-plot .annotation-text-g').length;"


@pytest.mark.parametrize("width", [390, 1280, 1920])
@pytest.mark.parametrize("path", PAGES)
def test_no_two_labels_overlap(driver, live_server, path, width):
    driver.set_window_size(width, 1080 if width > 1000 else 844)
    open_page(driver, live_server.url(path))
    assert driver.execute_script(OVERLAPS) == []


def test_the_check_sees_labels(driver, live_server):
    """The measurement above is only as good as its selectors: they must find labels."""
    driver.set_window_size(390, 844)
    open_page(driver, live_server.url("/trend"))
    assert driver.execute_script(COUNT) >= 4  # four series labels and the event numbers
