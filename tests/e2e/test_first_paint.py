"""Text before the JavaScript, in a real browser: the first paint shows the view without
any script, and the live page takes its place without moving anything."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.e2e.browser import graphs_drawn, wait_dash_idle, wait_until

pytestmark = pytest.mark.browser

#: What is measured in both: the page's heading, every card's heading and chart box, the
#: accessibility statement's headings, the footer (everything above it must have kept its
#: size).
SELECTORS = "h1, .chart-card h2, .chart-card h3, .dash-graph, .prose h2, footer"
RECTS = """
return [...document.querySelectorAll(arguments[0])].map(e => {
  const r = e.getBoundingClientRect();
  return [e.id || e.tagName + ':' + e.textContent.trim().slice(0, 40),
          Math.round(r.top + window.scrollY), Math.round(r.left), Math.round(r.width),
          Math.round(r.height)];
});"""
#: Recorded when the document has been parsed, before Dash has rendered anything.
AT_PARSE = (
    "document.addEventListener('DOMContentLoaded', () => {"
    "  const first = document.getElementById('slt-first-paint');"
    "  window.__firstPaint = first ? (function () {"
    + RECTS.replace(
        "document.querySelectorAll(arguments[0])", "first.querySelectorAll(" + repr(SELECTORS) + ")"
    )
    + "})() : null;});"
)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    "path", ["/trend?kommune=baerum", "/", "/geografi", "/om-dataene", "/tilgjengelighet"]
)
def test_the_live_page_takes_the_first_paints_place_without_moving_anything(
    driver, live_server, path, width
):
    driver.set_window_size(width, 900)
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": AT_PARSE})
    try:
        driver.get(live_server.url(path))
        wait_until(
            driver,
            lambda d: d.execute_script("return !document.getElementById('slt-first-paint')"),
            "the first paint gives way to the live page",
        )
        wait_dash_idle(driver)
        wait_until(driver, graphs_drawn, "charts drawn")
        first = {key: rect for key, *rect in driver.execute_script("return window.__firstPaint")}
        live = {key: rect for key, *rect in driver.execute_script(RECTS, SELECTORS)}
    finally:
        driver.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]}
        )
    assert first, "the document had a first paint"
    common = sorted(set(first) & set(live))
    assert any(k.startswith("H1:") for k in common), (first, live)
    assert any(k.startswith("FOOTER:") for k in common), (first, live)
    moved = {
        k: (first[k], live[k])
        for k in common
        if any(abs(a - b) > 1 for a, b in zip(first[k], live[k], strict=True))
    }
    assert moved == {}, moved
    assert len(driver.find_elements(By.CSS_SELECTOR, "h1")) == 1


def test_without_javascript_the_view_is_readable(driver, live_server):
    driver.set_window_size(390, 844)
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(live_server.url("/trend?kommune=asker"))
        h1 = driver.find_element(By.CSS_SELECTOR, "h1")
        assert h1.is_displayed() and h1.text
        headings = driver.find_elements(By.CSS_SELECTOR, ".chart-card > h2, .chart-card > h3")
        assert headings and all(h.is_displayed() and h.text for h in headings)
        assert driver.find_elements(By.CSS_SELECTOR, ".chart-card table.data-table caption")
        assert driver.find_element(By.CSS_SELECTOR, ".chart-card .source").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
