"""Measuring drawn charts in Chromium: text boxes that overlap or leave the drawing.

One check for every surface a chart is drawn on (pages, embeds, slides, standalone SVG
images), so "no two labels overlap" means the same everywhere: every visible text of a
chart (tick labels, direct labels, event numbers, break labels, values on bars, missing
marks, legend entries, axis titles, the texts an image has drawn in) against every other,
and against the edges of its drawing.
"""

from __future__ import annotations

import time

from tests.e2e.browser import TIMEOUT, wait_until

#: JavaScript: problems of the charts matching `arguments[0]` (a CSS selector of Plotly
#: divs, or null for a standalone SVG document), and how many texts were measured.
TEXT_BOXES = r"""
var scope = arguments[0];
function shown(el, stop) {
  for (var e = el; e && e !== stop && e.nodeType === 1; e = e.parentNode) {
    var s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
  }
  return true;
}
function check(root, svg, name, out) {
  var frame = svg.getBoundingClientRect();
  var items = [];
  root.querySelectorAll('text').forEach(function (el) {
    if (el.closest('.hoverlayer') || !el.textContent.trim() || !shown(el, root)) return;
    var r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return;
    var group = el.closest('.annotation, .shape-label, .legend .traces, .xtick, .ytick') || el;
    items.push({group: group, text: el.textContent.trim().slice(0, 40), r: r});
    if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5 ||
        r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5) {
      out.push(name + ': "' + el.textContent.trim().slice(0, 40) + '" leaves the drawing');
    }
  });
  root.querySelectorAll('.point, .legendpoints path').forEach(function (el) {
    if (!shown(el, root)) return;
    var r = el.getBoundingClientRect();
    if (!(r.width > 0 || r.height > 0)) return;
    if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5 ||
        r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5) {
      out.push(name + ': a marker leaves the drawing');
    }
  });
  for (var i = 0; i < items.length; i++) {
    for (var j = i + 1; j < items.length; j++) {
      var a = items[i], b = items[j];
      if (a.group === b.group) continue;  // the lines of one label
      if (a.r.right > b.r.left + 1 && b.r.right > a.r.left + 1 &&
          a.r.bottom > b.r.top + 1 && b.r.bottom > a.r.top + 1) {
        out.push(name + ': "' + a.text + '" overlaps "' + b.text + '"');
      }
    }
  }
  return items.length;
}
var out = [], count = 0;
if (scope === null) {
  count += check(document.documentElement, document.documentElement, 'image', out);
} else {
  document.querySelectorAll(scope).forEach(function (gd) {
    var svg = gd.querySelector('.main-svg');
    if (!svg || !gd.getBoundingClientRect().width) return;
    count += check(gd, svg, gd.id || 'chart', out);
  });
}
return {problems: out, texts: count};
"""

#: Whether every chart matching `arguments[0]` has had its labels fitted at its drawn size
#: (assets/labels.js writes the size into data-fitted after each fitting).
FITTED = r"""
var graphs = Array.from(document.querySelectorAll(arguments[0]))
  .filter(function (gd) { return gd.getBoundingClientRect().width > 0; });
return graphs.length > 0 && graphs.every(function (gd) {
  var r = gd.getBoundingClientRect();
  return gd.querySelector('.main-svg .trace') &&
    gd.getAttribute('data-fitted') === Math.round(r.width) + 'x' + Math.round(r.height);
});
"""


def viewport(driver, width: int, height: int) -> None:
    """An exact window (CSS px) of `width` x `height`, as a laptop's or phone's browser has."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def reset_viewport(driver) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def wait_fitted(driver, selector: str, what: str) -> None:
    """Wait until the charts are drawn at their size and their labels fitted, twice in a row
    (a fitting that moves labels redraws the chart, which fits them again)."""
    wait_until(driver, lambda d: d.execute_script(FITTED, selector), f"{what}: labels fitted")
    time.sleep(0.2)
    wait_until(
        driver, lambda d: d.execute_script(FITTED, selector), f"{what}: labels fitted", TIMEOUT
    )


def text_problems(driver, selector: str | None) -> tuple[list[str], int]:
    """(problems, texts measured) of the charts matching `selector` (None: an SVG image)."""
    result = driver.execute_script(TEXT_BOXES, selector)
    return result["problems"], result["texts"]
