"""Embeds, the chart menu and dark mode, in headless Chromium.

The embed is framed by a host page served from another origin (a second local port),
as a kommune website would; with the host script the iframe takes the embed's height,
without it the iframe keeps its default height and the chart still fits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard import figures as fig
from dashboard.web.outputs.links import EMBED_HEIGHT as DEFAULT_HEIGHT
from tests.e2e.browser import (
    TRACE,
    browser_log,
    make_driver,
    open_page,
    quit_driver,
    severe,
    wait_until,
)
from tests.e2e.test_a11y_layout import OBSERVE, cls

pytestmark = pytest.mark.browser

PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]
SHOTS = Path("/tmp/embed-screenshots")


@pytest.fixture(scope="module")
def host(live_server) -> Iterator[str]:
    """A static 'kommune website' on another port (another origin) framing two embeds."""
    embed = live_server.url("/embed/utvikling?kommune=baerum")
    frame = (
        f'<iframe id="frame" src="{embed}" title="Figur" width="100%" '
        f'height="{DEFAULT_HEIGHT}" style="border:0;width:100%"></iframe>'
    )
    pages = {
        "/with-script.html": f"<h1>Kommunen</h1>{frame}"
        f'<script src="{live_server.url("/embed/host.js")}"></script>',
        "/plain.html": f"<h1>Kommunen</h1>{frame}",
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(
                f'<!doctype html><html lang="nb"><body style="margin:0">{body or ""}</body></html>'.encode()
            )

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def frame_content_height(driver) -> float:
    frame = driver.find_element(By.ID, "frame")
    driver.switch_to.frame(frame)
    try:
        wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, TRACE), "chart in embed")
        return driver.execute_script(
            "var m=document.getElementById('slt-embed');"
            "return m.getBoundingClientRect().bottom + window.scrollY"
            " + parseFloat(getComputedStyle(document.body).marginBottom||0);"
        )
    finally:
        driver.switch_to.default_content()


def iframe_height(driver) -> float:
    return driver.execute_script(
        "return document.getElementById('frame').getBoundingClientRect().height;"
    )


def test_embed_on_another_origin_sizes_itself_to_its_content(driver, host):
    driver.get(host + "/with-script.html")
    content = frame_content_height(driver)
    wait_until(
        driver, lambda d: abs(iframe_height(d) - content) <= 2, "iframe sized to its content"
    )
    assert abs(iframe_height(driver) - DEFAULT_HEIGHT) > 2  # it really changed
    # Opening "Vis som tabell" inside the embed grows the iframe with it.
    driver.switch_to.frame(driver.find_element(By.ID, "frame"))
    driver.find_element(By.CSS_SELECTOR, "details.chart-table summary").click()
    driver.switch_to.default_content()
    wait_until(driver, lambda d: iframe_height(d) > content + 100, "iframe grew with the table")
    SHOTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(SHOTS / "host-with-script.png"))


def test_embed_without_host_script_keeps_its_height_and_fits(driver, host):
    driver.get(host + "/plain.html")
    content = frame_content_height(driver)
    assert iframe_height(driver) == DEFAULT_HEIGHT
    assert content <= DEFAULT_HEIGHT, f"embed needs {content} px, the default is {DEFAULT_HEIGHT}"
    driver.switch_to.frame(driver.find_element(By.ID, "frame"))
    try:
        title = driver.find_element(By.CSS_SELECTOR, "h1.embed-title")
        assert title.is_displayed() and "Anmeldelser" in title.text
        links = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".embed-links a")]
        assert links == [
            "Last ned data (CSV)",
            "Last ned data (Excel)",
            "Se hele visningen",
            "Tilgjengelighetserklæring",  # every embed links the accessibility statement
        ]
        assert "Kilde: SLT årsrapport" in driver.find_element(By.CSS_SELECTOR, ".source").text
        assert "Lisens:" in driver.find_element(By.CSS_SELECTOR, ".licence").text
        assert not driver.find_elements(By.CSS_SELECTOR, "nav, .modebar")
    finally:
        driver.switch_to.default_content()


def test_embed_without_javascript_shows_image_with_alt_and_table(new_browser, live_server):
    browser = new_browser()
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    browser.get(live_server.url("/embed/gjentatt?kommune=baerum"))
    image = browser.find_element(By.CSS_SELECTOR, ".embed-static img")
    wait_until(
        browser,
        lambda d: d.execute_script("return arguments[0].complete", image),
        "static image loaded",
    )
    assert image.is_displayed()
    assert browser.execute_script("return arguments[0].naturalWidth", image) == 1920
    alt = image.get_attribute("alt")
    assert alt.startswith("Gjentatt kriminalitet") and "31" in alt  # the summary sentence
    assert not browser.find_elements(By.CSS_SELECTOR, TRACE)  # no Plotly without JS
    browser.find_element(By.CSS_SELECTOR, "details.chart-table summary").click()
    cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, ".data-table td")]
    assert {"8", "7", "31", "23"} <= set(cells)
    SHOTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(SHOTS / "embed-no-js.png"))


def test_plotly_toolbar_is_gone_from_every_page(driver, live_server):
    for path in PAGES:
        open_page(driver, live_server.url(path), expect_charts=path not in ("/", "/om-dataene"))
        # plotly.js leaves an empty container; no toolbar and no button is in it
        assert driver.find_elements(By.CSS_SELECTOR, ".modebar, .modebar-btn") == [], path
        assert severe(browser_log(driver)) == [], path


def test_chart_menu_works_by_keyboard(driver, live_server):
    open_page(driver, live_server.url("/trend?kommune=baerum"))
    button = driver.find_element(By.CSS_SELECTOR, "#card-utvikling .chart-menu-button")
    assert button.get_attribute("aria-expanded") == "false"
    driver.execute_script("arguments[0].focus()", button)
    keys = ActionChains(driver)
    keys.send_keys(Keys.ENTER).perform()
    menu = driver.find_element(By.ID, "menu-utvikling")
    wait_until(driver, lambda d: menu.is_displayed(), "menu open")
    assert button.get_attribute("aria-expanded") == "true"
    items = [i.text for i in menu.find_elements(By.CSS_SELECTOR, ".chart-menu-item")]
    assert items == [
        "Full skjerm",
        "Om tallene",
        "Last ned bilde (PNG)",
        "Last ned bilde (SVG)",
        "Last ned data (CSV)",
        "Last ned data (Excel)",
        "Se API-kallet",
        "Bygg inn",
        "Del",
    ]
    active = lambda: driver.switch_to.active_element.text  # noqa: E731
    assert active() == "Full skjerm"
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    assert active() == "Om tallene"
    ActionChains(driver).send_keys(Keys.END).perform()
    assert active() == "Del"
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert not menu.is_displayed() and driver.switch_to.active_element == button
    # Bygg inn opens the embed code; Esc closes it and focus returns to the button.
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    for _ in range(7):
        ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    assert active() == "Bygg inn"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    panel = driver.find_element(By.ID, "embed-utvikling")
    wait_until(driver, lambda d: panel.is_displayed(), "embed panel open")
    code = driver.find_element(By.ID, "embed-code-utvikling").get_attribute("value")
    assert "<iframe src=" in code and "/embed/utvikling?" in code and "/embed/host.js" in code
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert not panel.is_displayed() and driver.switch_to.active_element == button
    # Full skjerm puts the chart card in full screen; Esc (browser) leaves it.
    ActionChains(driver).send_keys(Keys.ENTER, Keys.HOME, Keys.ENTER).perform()
    wait_until(
        driver,
        lambda d: (
            d.execute_script("return document.fullscreenElement && document.fullscreenElement.id")
            == "card-utvikling"
        ),
        "card in full screen",
    )
    driver.execute_script("return document.exitFullscreen()")
    wait_until(driver, lambda d: not d.execute_script("return document.fullscreenElement"), "left")
    driver.execute_script("arguments[0].focus()", button)
    # Del shows the page's URL and a QR code drawn by the server.
    ActionChains(driver).send_keys(Keys.ENTER, Keys.END, Keys.ENTER).perform()
    share = driver.find_element(By.ID, "share-utvikling")
    wait_until(driver, lambda d: share.is_displayed(), "share panel open")
    url = driver.find_element(By.ID, "share-url-utvikling").get_attribute("value")
    assert url == driver.current_url
    qr = share.find_element(By.CSS_SELECTOR, "img.share-qr")
    wait_until(driver, lambda d: d.execute_script("return arguments[0].naturalWidth", qr) > 0, "QR")
    assert qr.get_attribute("alt") and qr.get_attribute("width") == "160"
    assert qr.get_attribute("src").endswith(
        "/qr.svg?url="
        + quote(driver.execute_script("return location.pathname + location.search"), safe="")
    )


def test_focus_returns_to_the_menu_button_after_every_menu_action(driver, live_server):
    """A download, full screen (and leaving it), and closing a panel: focus comes back to
    the menu button, never to the page's body."""
    open_page(driver, live_server.url("/trend?kommune=baerum"))
    button = driver.find_element(By.CSS_SELECTOR, "#card-utvikling .chart-menu-button")
    # No QR code is fetched for a share panel nobody opened (nor an <img> without src).
    assert not driver.find_elements(By.CSS_SELECTOR, "img.share-qr")
    fetched = "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
    assert not [u for u in driver.execute_script(fetched) if "/qr.svg" in u]
    # Downloads are links: keep the browser from saving while the key presses are real.
    driver.execute_script(
        "document.querySelectorAll('#menu-utvikling a').forEach(function (a) {"
        "  a.addEventListener('click', function (e) { e.preventDefault(); }); });"
    )
    active = lambda: driver.switch_to.active_element  # noqa: E731
    for name in (
        "Last ned bilde (PNG)",
        "Last ned bilde (SVG)",
        "Last ned data (CSV)",
        "Last ned data (Excel)",
    ):
        driver.execute_script("arguments[0].focus()", button)
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        menu = driver.find_element(By.ID, "menu-utvikling")
        wait_until(driver, lambda d, m=menu: m.is_displayed(), "menu open")
        while active().text != name:
            ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        wait_until(driver, lambda d: active() == button, f"focus back after {name}")
        assert not menu.is_displayed()
    # Full skjerm: focus stays on the button in full screen, and comes back after.
    driver.execute_script("arguments[0].focus()", button)
    ActionChains(driver).send_keys(Keys.ENTER, Keys.HOME, Keys.ENTER).perform()
    wait_until(
        driver,
        lambda d: d.execute_script("return !!document.fullscreenElement"),
        "card in full screen",
    )
    assert active() == button
    driver.execute_script("document.exitFullscreen()")
    wait_until(driver, lambda d: not d.execute_script("return document.fullscreenElement"), "left")
    wait_until(driver, lambda d: active() == button, "focus back after leaving full screen")


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_embed_follows_the_colour_scheme(driver, live_server, theme):
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": theme}]},
    )
    try:
        driver.get(live_server.url("/embed/utvikling?kommune=baerum"))
        wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, TRACE), "chart drawn")
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        paper = driver.execute_script("return document.querySelector('.main-svg').style.background")
        SHOTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(SHOTS / f"embed-{theme}.png"))
        if theme == "dark":
            assert background == "rgb(21, 24, 28)"
            assert "21, 24, 28" in paper
            # ?tema=lys forces light even when the reader prefers dark
            driver.get(live_server.url("/embed/utvikling?kommune=baerum&tema=lys"))
            wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, TRACE), "chart drawn")
            forced = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
            assert forced == "rgb(255, 255, 255)"
            open_page(driver, live_server.url("/trend"))
            page_bg = driver.execute_script(
                "return getComputedStyle(document.body).backgroundColor"
            )
            assert page_bg == "rgb(21, 24, 28)"
            # The page's charts are redrawn in the dark palette (>= 3:1 on the background).
            wait_until(
                driver,
                lambda d: d.execute_script(
                    "var s=document.querySelectorAll('#card-utvikling .main-svg');"
                    "return s.length && s[0].style.background === 'rgb(21, 24, 28)';"
                ),
                "page chart redrawn dark",
            )
            strokes = driver.execute_script(
                "return Array.from(document.querySelectorAll('#card-utvikling .trace path.js-line'))"
                ".map(function (p) { return p.style.stroke; });"
            )
            dark_rgb = {
                "rgb({}, {}, {})".format(*(int(c[i : i + 2], 16) for i in (1, 3, 5)))
                for c in fig.DARK_PALETTE
            }
            assert strokes and set(strokes) <= dark_rgb, strokes
            driver.execute_script(
                "window.scrollTo(0, document.getElementById('card-utvikling').offsetTop)"
            )
            driver.save_screenshot(str(SHOTS / "page-dark.png"))
        else:
            assert background == "rgb(255, 255, 255)"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("width", [412, 1100])
def test_embed_does_not_move_while_its_chart_is_drawn(live_server, width):
    # The chart's box is reserved from the first paint (CSS `scripting: enabled`); before,
    # the source and links jumped 440 px down when Plotly drew (Lighthouse CLS 0.22).
    driver = make_driver(width, 800)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVE})
        driver.get(live_server.url("/embed/trygghet-trakt?kommune=baerum"))
        wait_until(
            driver,
            lambda d: d.execute_script("return !!document.querySelector('#graph .main-svg')"),
            "the embed's chart is drawn",
        )
        time.sleep(0.5)
        shifts = driver.execute_script("return window.__layoutShifts;")
        assert shifts is not None and cls(shifts) <= 0.01, shifts
    finally:
        quit_driver(driver)
