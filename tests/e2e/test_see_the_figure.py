"""'Se figuren' under every key figure lands on a drawn chart (issue 17): for Bærum, Asker
and Oslo, each link opens its page and the card it names holds a drawn Plotly chart, not a
'not published' line."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.e2e.browser import open_page, wait_until

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kommune", ["baerum", "asker", "oslo"])
def test_every_see_the_figure_link_lands_on_a_drawn_chart(driver, live_server, kommune):
    open_page(driver, live_server.url(f"/?kommune={kommune}"), expect_charts=False)
    links = [
        a.get_attribute("href")
        for a in driver.find_elements(By.TAG_NAME, "a")
        if a.text.strip() in ("Se figuren", "See the chart")
    ]
    assert links, f"no 'Se figuren' link for {kommune}"
    for href in links:
        assert "#card-" in href, href
        card_id = href.split("#", 1)[1]
        open_page(driver, href)
        wait_until(
            driver,
            lambda d, c=card_id: d.find_elements(By.CSS_SELECTOR, f"#{c} .js-plotly-plot"),
            f"{href}: no drawn chart in #{card_id}",
        )
        card = driver.find_element(By.ID, card_id)
        assert card.tag_name != "li", f"{href} lands in the 'not published' list"
