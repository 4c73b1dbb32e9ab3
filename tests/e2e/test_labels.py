"""No two text labels of any chart overlap, on a phone, a laptop and a projector, and
none is turned on end.

Measured with the labels' real bounding boxes in Chromium: the direct series labels
(annotations), the event numbers and break labels (shape labels), the years and names on
the category axis, and the values on the bars, of every chart on every chart page.
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


def test_the_check_sees_labels(driver, live_server):
    """The measurement above is only as good as its selectors: they must find labels."""
    driver.set_window_size(390, 844)
    open_page(driver, live_server.url("/trend"))
    assert driver.execute_script(COUNT) >= 4  # four series labels and the event numbers
