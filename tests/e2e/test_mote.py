"""Møtemodus (/mote) in a real browser at 1920x1080, as in a meeting room.

Stepping with the keys a keyboard and a presenter's clicker send (the URL and the
heading follow), full screen on the deck, large type, the QR code of each view, and an
agenda built with "Legg til i møtet" that survives being opened in another browser.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.e2e.a11y import ace_violations, axe_violations
from tests.e2e.browser import (
    browser_log,
    open_page,
    severe,
    wait_charts,
    wait_dash_idle,
    wait_until,
    wait_url,
)

pytestmark = pytest.mark.browser

VISIBLE = ".mote-slide:not([hidden])"


def slide_no(url: str) -> int:
    return int(parse_qs(urlsplit(url).query).get("lysbilde", ["1"])[0])


def heading(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, f"{VISIBLE} h2").text


def press(driver, key) -> None:
    ActionChains(driver).send_keys(key).perform()


def step(driver, key, expected: int) -> str:
    """Press `key`; wait until the URL names slide `expected` and that slide is shown."""
    press(driver, key)
    wait_url(driver, lambda u: slide_no(u) == expected, f"lysbilde={expected}")
    wait_until(
        driver,
        lambda d: (
            d.find_element(By.CSS_SELECTOR, VISIBLE).get_attribute("data-slide") == str(expected)
        ),
        f"slide {expected} never shown",
    )
    return heading(driver)


def fullscreen_id(driver) -> str | None:
    return driver.execute_script(
        "return document.fullscreenElement ? document.fullscreenElement.id : null;"
    )


#: A projector's screen: headless Chromium's own screen is 800x600, and full screen takes
#: the screen's size, so the screen is set too (else "1920x1080" is true only until F).
PROJECTOR = {
    "width": 1920,
    "height": 1080,
    "deviceScaleFactor": 1,
    "mobile": False,
    "screenWidth": 1920,
    "screenHeight": 1080,
}


@pytest.fixture
def projector(driver):
    driver.set_window_size(1920, 1080)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PROJECTOR)
    yield driver
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_full_screen_slide_is_the_projectors_size_and_shows_only_the_slide(projector, live_server):
    open_page(projector, live_server.url("/mote?kommune=baerum"), expect_charts=False)
    press(projector, "f")
    wait_until(projector, lambda d: fullscreen_id(d) is not None, "full screen")
    size = projector.execute_script(
        "var r = document.fullscreenElement.getBoundingClientRect(); return [r.width, r.height];"
    )
    assert size == [1920, 1080]
    # the overview slide shows key figures only: the page's own links are not on it
    links = projector.find_elements(By.CSS_SELECTOR, f"{VISIBLE} .mote-link a")
    assert links and not any(link.is_displayed() for link in links)
    press(projector, Keys.ESCAPE)


def test_steps_with_arrow_keys_page_keys_home_end_and_back(projector, live_server):
    driver = projector
    open_page(driver, live_server.url("/mote?kommune=baerum"))
    total = len(driver.find_elements(By.CSS_SELECTOR, ".mote-slide"))
    assert total >= 5
    seen = [heading(driver)]
    assert seen[0] == "Nøkkeltall for Bærum"
    seen.append(step(driver, Keys.ARROW_RIGHT, 2))
    seen.append(step(driver, Keys.PAGE_DOWN, 3))  # a clicker's "next"
    seen.append(step(driver, Keys.SPACE, 4))
    assert len(set(seen)) == 4, seen  # the heading changed on every step
    assert driver.title.startswith(seen[3])
    switch = driver.find_element(By.ID, "lang-link").get_attribute("href")
    assert slide_no(switch) == 4 and "lang=en" in switch  # English opens the same slide
    assert step(driver, Keys.ARROW_LEFT, 3) == seen[2]
    assert step(driver, Keys.PAGE_UP, 2) == seen[1]  # a clicker's "back"
    last = step(driver, Keys.END, total)
    assert step(driver, Keys.HOME, 1) == seen[0]
    press(driver, Keys.ARROW_LEFT)  # nothing before the first slide: it stays
    wait_dash_idle(driver)
    assert slide_no(driver.current_url) == 1 and heading(driver) == seen[0]
    # the browser's back button walks the same way back: from Home to End
    driver.back()
    wait_url(driver, lambda u: slide_no(u) == total, "back to the last slide")
    wait_until(driver, lambda d: heading(d) == last, "back() did not show the last slide")
    # the live region announced the slide
    live = driver.find_element(By.ID, "mote-live").get_attribute("textContent")
    assert f"{total}" in live and last in live
    # a link to a slide opens that slide
    open_page(driver, live_server.url("/mote?kommune=baerum&lysbilde=3"))
    assert heading(driver) == seen[2]
    assert severe(browser_log(driver)) == []


def test_buttons_step_and_fullscreen_toggles(projector, live_server):
    driver = projector
    open_page(driver, live_server.url("/mote?kommune=baerum"))
    first = heading(driver)
    driver.find_element(By.CSS_SELECTOR, f"{VISIBLE} [data-mote=next]").click()
    wait_url(driver, lambda u: slide_no(u) == 2, "lysbilde=2 after Neste")
    assert heading(driver) != first
    assert fullscreen_id(driver) is None
    press(driver, "f")  # focus is on the Neste button: F still works there
    wait_until(driver, lambda d: fullscreen_id(d) == "mote-deck", "F did not go full screen")
    button = driver.find_element(By.CSS_SELECTOR, f"{VISIBLE} [data-mote=fullscreen]")
    assert button.get_attribute("aria-pressed") == "true"
    assert button.text == "Avslutt fullskjerm"
    # stepping in full screen keeps full screen (no re-render of the deck)
    step(driver, Keys.PAGE_DOWN, 3)
    assert fullscreen_id(driver) == "mote-deck"
    button = driver.find_element(By.CSS_SELECTOR, f"{VISIBLE} [data-mote=fullscreen]")
    assert button.get_attribute("aria-pressed") == "true"  # every slide's button says so
    press(driver, "f")
    wait_until(driver, lambda d: fullscreen_id(d) is None, "F did not leave full screen")
    button.click()
    wait_until(driver, lambda d: fullscreen_id(d) == "mote-deck", "the button did not")
    button.click()
    wait_until(driver, lambda d: fullscreen_id(d) is None, "the button did not leave")
    assert button.get_attribute("aria-pressed") == "false"


def test_large_type_and_a_qr_code_of_the_view(projector, live_server):
    driver = projector
    open_page(driver, live_server.url("/mote?kommune=baerum&lysbilde=2"))
    wait_charts(driver)
    sizes = driver.execute_script(
        """
        var slide = document.querySelector(arguments[0]);
        function px(el) { return parseFloat(getComputedStyle(el).fontSize); }
        return {
          body: Array.from(slide.querySelectorAll('.mote-slide-text p, .mote-slide-nav > a, .mote-slide-nav > span'))
            .map(px),
          heading: px(slide.querySelector('h2')),
          chart: Array.from(slide.querySelectorAll('.main-svg text')).filter(function (t) {
            return t.textContent.trim() && t.getBBox().width > 0;
          }).map(px)
        };
        """,
        VISIBLE,
    )
    assert sizes["body"] and min(sizes["body"]) >= 24, sizes
    assert sizes["heading"] >= 32, sizes
    assert sizes["chart"] and min(sizes["chart"]) >= 20, sorted(set(sizes["chart"]))
    # the overview slide: every sentence and source line of the key figures too
    open_page(driver, live_server.url("/mote?kommune=baerum"))
    texts = driver.execute_script(
        """
        return Array.from(document.querySelectorAll(arguments[0] + ' .key-figure p'))
          .filter(function (p) { return p.offsetParent !== null; })
          .map(function (p) { return parseFloat(getComputedStyle(p).fontSize); });
        """,
        VISIBLE,
    )
    assert len(texts) >= 8 and min(texts) >= 24, texts
    open_page(driver, live_server.url("/mote?kommune=baerum&lysbilde=2"))
    qr = driver.find_element(By.CSS_SELECTOR, f"{VISIBLE} img.mote-qr")
    wait_until(
        driver,
        lambda d: d.execute_script("return arguments[0].naturalWidth;", qr) > 0,
        "the QR code never loaded",
    )
    view = parse_qs(urlsplit(qr.get_attribute("src")).query)["url"][0]
    link = driver.find_element(By.CSS_SELECTOR, f"{VISIBLE} .mote-slide-text a")
    assert link.get_attribute("href") == live_server.url(view)  # the QR encodes the view
    assert urlsplit(view).path == "/trend" and "kommune=baerum" in view
    status, content_type, body = live_server.get(qr.get_attribute("src"))
    assert status == 200 and content_type.startswith("image/svg+xml")
    ET.fromstring(body)  # valid XML


def test_agenda_built_with_legg_til_i_motet_round_trips(driver, live_server, new_browser):
    driver.set_window_size(1920, 1080)
    open_page(driver, live_server.url("/trend?kommune=baerum&maal=personer"))
    driver.execute_script("localStorage.clear();")
    titles = []
    link = ""
    for path in ("/trend?kommune=baerum&maal=personer", "/geografi?kommune=baerum&visning=andel"):
        open_page(driver, live_server.url(path))
        card = driver.find_element(By.CSS_SELECTOR, ".chart-card:has(.mote-add)")
        titles.append(card.find_element(By.CSS_SELECTOR, "h2, h3").text)
        button = card.find_element(By.CSS_SELECTOR, "button.mote-add")
        assert button.text == "Legg til i møtet"
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
        button.click()
        status = card.find_element(By.CSS_SELECTOR, ".mote-add-status")
        wait_until(driver, lambda d, s=status: "Lagt til" in s.text, "no status after adding")
        link = status.find_element(By.TAG_NAME, "a").get_attribute("href")
    assert "agenda=" in link and len(titles) == 2
    # a fresh browser (no localStorage) gets both slides, in order, from the URL alone
    other = new_browser()
    other.set_window_size(1920, 1080)
    open_page(other, link)
    slides = other.find_elements(By.CSS_SELECTOR, ".mote-slide")
    assert [s.get_attribute("data-heading") for s in slides] == titles
    assert heading(other) == titles[0]
    assert step(other, Keys.ARROW_RIGHT, 2) == titles[1]
    # reorder with the keyboard: focus "Flytt opp" on the second item and press Enter
    up = other.find_element(By.ID, "mote-up-1")
    other.execute_script("arguments[0].focus();", up)
    press(other, Keys.ENTER)
    wait_until(
        other,
        lambda d: (
            [
                s.get_attribute("data-heading")
                for s in d.find_elements(By.CSS_SELECTOR, ".mote-slide")
            ]
            == titles[::-1]
        ),
        "moving up did not reorder the slides",
    )
    wait_dash_idle(other)
    # focus follows the moved item (its "Flytt opp" is now disabled: "Flytt ned" instead)
    wait_until(
        other,
        lambda d: d.switch_to.active_element.get_attribute("id") == "mote-down-0",
        "focus did not follow the moved item",
    )
    reordered = other.current_url
    # remove the (now) second item: one slide left, and the URL says so
    other.find_element(By.ID, "mote-remove-1").click()
    wait_until(
        other,
        lambda d: len(d.find_elements(By.CSS_SELECTOR, ".mote-slide")) == 1,
        "removing did not drop the slide",
    )
    assert other.current_url != reordered
    open_page(other, reordered)  # the reordered URL still opens both, in the new order
    assert [
        s.get_attribute("data-heading") for s in other.find_elements(By.CSS_SELECTOR, ".mote-slide")
    ] == titles[::-1]
    assert severe(browser_log(other)) == []


def test_english_and_no_wcag_violations(driver, live_server):
    open_page(driver, live_server.url("/mote?kommune=asker&lang=en"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Meeting mode"
    assert heading(driver) == "Key figures for Asker"
    names = [
        b.text for b in driver.find_elements(By.CSS_SELECTOR, f"{VISIBLE} .mote-toolbar button")
    ]
    assert names == ["Previous", "Next", "Full screen"]
    # Both engines, WCAG 2.1 A/AA and axe's best practices (tests/e2e/a11y.py).
    violations = axe_violations(driver) + ace_violations(driver)
    assert violations == [], "\n".join(violations)


def test_links_to_mote_from_the_shell_and_the_overview(driver, live_server):
    open_page(driver, live_server.url("/?kommune=oslo"), expect_charts=False)
    overview = driver.find_element(By.ID, "mote-link").get_attribute("href")
    assert urlsplit(overview).path == "/mote" and "kommune=oslo" in overview
    shell = driver.find_element(By.ID, "mote-shell-link")
    assert shell.text == "Møtemodus" and urlsplit(shell.get_attribute("href")).path == "/mote"
    # In the main navigation, after the pages, with the kommune chosen here.
    assert shell.find_element(By.XPATH, "..").get_attribute("id") == "site-nav"
    assert "kommune=oslo" in shell.get_attribute("href")


FETCH_ZIP = """
var done = arguments[arguments.length - 1];
fetch(arguments[0]).then(function (r) {
  return r.arrayBuffer().then(function (b) {
    var head = new Uint8Array(b.slice(0, 2));
    done([r.status, r.headers.get('content-type'), String.fromCharCode(head[0], head[1])]);
  });
}).catch(function (e) { done([0, String(e), '']); });
"""


@pytest.mark.parametrize(
    ("path", "link_id"),
    [("/?kommune=asker&aar=2020", "report-link"), ("/mote?kommune=asker&aar=2020", "mote-report")],
)
def test_report_figures_link_downloads_the_zip_of_the_view(driver, live_server, path, link_id):
    open_page(driver, live_server.url(path), expect_charts=False)
    link = driver.find_element(By.ID, link_id)
    href = link.get_attribute("href")
    assert "Asker 2020" in link.text and link.get_attribute("download") is not None
    assert urlsplit(href).path == "/last-ned/rapportfigurer.zip"
    assert "kommune=asker" in href and "aar=2020" in href
    driver.set_script_timeout(60)
    status, kind, magic = driver.execute_async_script(FETCH_ZIP, href)
    assert (status, kind, magic) == (200, "application/zip", "PK")
