"""Moving between pages keeps the kommune and the years (and the language); choices that
belong to one page stay behind."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.e2e.browser import (
    checked_values,
    open_page,
    wait_charts,
    wait_dash_idle,
    wait_url,
)

pytestmark = pytest.mark.browser


def test_kommune_and_years_follow_the_visitor_to_the_next_page(driver, live_server):
    open_page(driver, live_server.url("/trend?kommune=baerum&fra=2013&til=2020&lang=en"))
    driver.find_element(
        By.XPATH, "//*[@id='trend-kommune']//label[normalize-space()='Asker']"
    ).click()
    wait_url(driver, lambda u: "kommune=asker" in u, "kommune=asker in the URL")
    driver.find_element(
        By.XPATH, "//*[@id='trend-sted']//label[normalize-space()='Residence']"
    ).click()
    wait_url(driver, lambda u: "sted=bosted" in u, "sted=bosted in the URL")
    wait_dash_idle(driver)

    link = driver.find_element(By.CSS_SELECTOR, "nav.site-nav a[href^='/alder-og-kjonn']")
    href = link.get_attribute("href")
    assert "kommune=asker" in href and "fra=2013" in href and "til=2020" in href
    assert "lang=en" in href
    assert "sted=" not in href  # a choice of the trend page stays there
    link.click()
    wait_url(driver, lambda u: "/alder-og-kjonn" in u, "on the age and sex page")
    wait_dash_idle(driver)
    wait_charts(driver)
    checked = checked_values(driver)
    assert checked["alder_og_kjonn-kommune"] == ["asker"]
    assert checked["alder_og_kjonn-fra"] == ["2013"] and checked["alder_og_kjonn-til"] == ["2020"]
    assert driver.find_element(By.TAG_NAME, "h1").text == "Age and sex"


def test_the_overview_link_keeps_the_kommune_but_not_the_years(driver, live_server):
    open_page(driver, live_server.url("/geografi?kommune=oslo&fra=2016&til=2020"))
    href = driver.find_element(
        By.CSS_SELECTOR, "nav.site-nav a[href^='/?'], nav.site-nav a[href='/']"
    )
    assert href.get_attribute("href").endswith("/?kommune=oslo")  # the overview has no fra/til
