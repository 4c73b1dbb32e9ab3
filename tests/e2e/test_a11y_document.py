"""After JavaScript: the title follows the language and the page, one main and one footer."""

from __future__ import annotations

import pytest

from tests.e2e.browser import open_page, wait_dash_idle, wait_until

pytestmark = pytest.mark.browser


def test_title_and_landmarks_follow_the_language(driver, live_server):
    open_page(driver, live_server.url("/trend?lang=en"))
    assert driver.title == "Trends – SLT statistics"
    assert driver.execute_script("return document.documentElement.lang") == "en"
    counts = driver.execute_script(
        "return ['main', 'footer', 'header', 'nav'].map(function (t) {"
        " return document.querySelectorAll(t).length; });"
    )
    assert counts == [1, 1, 1, 1]
    driver.find_element("id", "lang-link").click()  # to bokmål, inside the app
    wait_until(driver, lambda d: d.title == "Utvikling – SLT-statistikk", "title stayed English")
    wait_dash_idle(driver)
    driver.find_element("id", "a11y-link").click()
    wait_until(
        driver,
        lambda d: (
            d.title == "Tilgjengelighetserklæring – SLT-statistikk"
            or d.title == "Tilgjengelighet – SLT-statistikk"
        ),
        f"statement title wrong: {driver.title}",
    )
    assert "/tilgjengelighet" in driver.current_url


def test_unknown_path_shows_the_friendly_page(driver, live_server):
    open_page(driver, live_server.url("/finnes-ikke?lang=en"), expect_charts=False)
    assert driver.title == "Page not found – SLT statistics"
    assert driver.find_element("css selector", "#main h1").text == "Page not found"
