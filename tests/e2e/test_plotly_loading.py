"""plotly.js in a real browser: a page without charts loads none, a chart page loads the
custom bundle, and a chart reached by an in-app navigation from a page without charts
loads the same small bundle (dcc.Graph's fallback, pinned) — never the 4.8 MB plotly.js."""

from __future__ import annotations

import pytest

from tests.e2e.browser import open_page, wait_charts, wait_dash_idle, wait_until

pytestmark = pytest.mark.browser

SCRIPTS = "return performance.getEntriesByType('resource').map(e => e.name)"


def plotly_loaded(driver) -> list[str]:
    return [u for u in driver.execute_script(SCRIPTS) if "plotly" in u]


def test_no_plotly_without_charts_and_the_small_bundle_after_an_in_app_navigation(
    driver, live_server
):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    open_page(driver, live_server.url("/om-dataene"), expect_charts=False)
    assert plotly_loaded(driver) == []
    assert driver.execute_script("return typeof window.Plotly") == "undefined"
    # The site title is an in-app link (dcc.Link): the page changes without a reload.
    driver.execute_script("window.__sameDocument = true")
    driver.execute_script(
        "window.history.pushState({}, '', '/trend');"
        "window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));"
    )
    wait_until(driver, lambda d: d.execute_script("return location.pathname") == "/trend", "/trend")
    wait_charts(driver)
    wait_dash_idle(driver)
    assert driver.execute_script("return window.__sameDocument") is True  # no reload
    loaded = plotly_loaded(driver)
    assert len(loaded) == 1 and "/assets/plotly-custom-" in loaded[0], loaded
    assert driver.execute_script("return typeof window.Plotly") == "object"


def test_a_chart_page_loads_the_custom_bundle_once(driver, live_server):
    open_page(driver, live_server.url("/trend"))
    loaded = plotly_loaded(driver)
    assert len(loaded) == 1 and "/assets/plotly-custom-" in loaded[0], loaded
    assert not any("dash_table" in u for u in driver.execute_script(SCRIPTS))
