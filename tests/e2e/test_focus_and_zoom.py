"""Focus rings, target sizes, 400 % zoom and Norwegian names in English text, in Chromium.

WCAG 2.2: a focus indicator of 3:1 against what is around it (2.4.13 / 1.4.11), targets of
at least 24 x 24 px (2.5.8), reflow at 320 x 256 px (1.4.10: a laptop at 400 %), and the
language of parts (3.1.2).
"""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By

from dashboard.figures import contrast_ratio
from tests.e2e.browser import open_page
from tests.e2e.fitting import reset_viewport, viewport

pytestmark = pytest.mark.browser


def hex_colour(css: str) -> str:
    r, g, b = (int(v) for v in re.findall(r"\d+", css)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


RING = """
var box = arguments[0].closest('.year-input') || arguments[0];
var s = getComputedStyle(box);
return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor,
        page: getComputedStyle(document.body).backgroundColor};
"""


def test_the_year_fields_have_a_focus_ring_of_3_to_1(driver, live_server):
    open_page(driver, live_server.url("/trend?kommune=baerum"))
    for field in driver.find_elements(By.CSS_SELECTOR, ".year-input input"):
        driver.execute_script("arguments[0].focus()", field)
        ring = driver.execute_script(RING, field)
        assert ring["style"] == "solid" and ring["width"] >= 2, ring
        ratio = contrast_ratio(hex_colour(ring["colour"]), hex_colour(ring["page"]))
        assert ratio >= 3, ring


TARGETS = """
return Array.from(document.querySelectorAll(
  '#main summary, #main button, #main input[type=radio], #main input[type=checkbox]'
)).filter(function (el) { return el.offsetParent !== null; }).map(function (el) {
  var target = el.closest('label') || el;
  var r = target.getBoundingClientRect();
  return [el.textContent.trim().slice(0, 30) || el.outerHTML.slice(0, 60), r.width, r.height];
});
"""


@pytest.mark.parametrize("path", ["/?kommune=baerum", "/trend?kommune=baerum"])
def test_controls_are_at_least_24_px(driver, live_server, path):
    open_page(driver, live_server.url(path), expect_charts=path != "/?kommune=baerum")
    targets = driver.execute_script(TARGETS)
    assert len(targets) >= 5
    small = [t for t in targets if t[1] < 24 or t[2] < 24]
    assert small == [], small


def test_at_400_percent_zoom_the_heading_is_on_the_first_screen(driver, live_server):
    """A 1280x800 laptop at 400 % is a 320x200 window: the header compacts."""
    try:
        viewport(driver, 320, 200)
        open_page(driver, live_server.url("/trend?kommune=baerum"))
        top = driver.execute_script(
            "window.scrollTo(0, 0); return document.querySelector('#main h1')"
            ".getBoundingClientRect().top;"
        )
        assert top < 200, f"the heading starts {top} px down a 200 px window"
    finally:
        reset_viewport(driver)


def test_norwegian_publication_names_in_english_text_are_marked_nb(driver, live_server):
    open_page(driver, live_server.url("/trend?kommune=baerum&lang=en"))
    sources = driver.find_elements(By.CSS_SELECTOR, "#main .chart-card .source")
    assert sources
    for source in sources:
        assert source.text.startswith("Source")
        names = source.find_element(By.CSS_SELECTOR, "span[lang=nb]")
        assert names.text and names.text in source.text
    assert any("årsrapport" in s.text for s in sources)
