"""Browser plumbing for the end-to-end tests: Chromium, waits, reading rendered tables.

Kept apart from the fixtures so tests can import the helpers by name.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import shutil
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

#: System browser and driver (override for another machine; never downloaded).
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("E2E_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
WIDTH, HEIGHT = 1280, 800
TIMEOUT = 15  # seconds for any single wait; a healthy page needs well under 2

#: Every drawn Plotly trace, and the no-data message that replaces a chart.
TRACE = ".js-plotly-plot .main-svg .trace"
NO_DATA = ".no-data"

#: Counts Dash's requests in flight (installed before any page script runs), so a test
#: can wait until the renderer has nothing pending instead of sleeping.
FETCH_COUNTER = """
(function () {
  if (window.__e2ePending !== undefined) return;
  window.__e2ePending = 0;
  var original = window.fetch;
  window.fetch = function () {
    window.__e2ePending += 1;
    return original.apply(this, arguments).finally(function () {
      window.__e2ePending -= 1;
    });
  };
})();
"""


# ------------------------------------------------------------------ browser discovery


def _browser_problem() -> str | None:
    """Why the browser tests cannot run here, or None."""
    missing = [
        p for p in (CHROMIUM, CHROMEDRIVER) if not (Path(p).is_file() and os.access(p, os.X_OK))
    ]
    if missing:
        return (
            "headless browser tests need Chromium and chromedriver; missing: "
            + ", ".join(missing)
            + " (Debian: apt-get install chromium chromium-driver; or set E2E_CHROMIUM / "
            "E2E_CHROMEDRIVER)"
        )
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "headless browser tests need selenium 4 (pip install -e '.[test]')"
    return None


def require_browser() -> None:
    """Skip (developer machine) or fail (CI set) when no browser is available."""
    problem = _browser_problem()
    if problem is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but the browser tests cannot run: {problem}", pytrace=False)
    pytest.skip(problem)


def make_driver(width: int = WIDTH, height: int = HEIGHT):
    """A fresh headless Chromium with its own empty profile (no shared cookies or cache)."""
    require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="e2e-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(TIMEOUT * 2)
    driver.set_window_size(width, height)  # the flag alone gives at least 500 px
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FETCH_COUNTER})
    driver._e2e_profile = profile  # removed in quit_driver
    return driver


def quit_driver(driver) -> None:
    with contextlib.suppress(Exception):
        driver.quit()
    shutil.rmtree(getattr(driver, "_e2e_profile", ""), ignore_errors=True)


# ------------------------------------------------------------------ server


@dataclass
class LiveServer:
    base_url: str
    warehouse: Path

    def url(self, path: str) -> str:
        return self.base_url + path

    def get(self, path_or_url: str) -> tuple[int, str, bytes]:
        """GET from the server (urllib, no browser): status, content type, body."""
        url = path_or_url if path_or_url.startswith("http") else self.url(path_or_url)
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()

    def get_csv(self, path_or_url: str) -> list[dict[str, str]]:
        status, content_type, body = self.get(path_or_url)
        assert status == 200 and content_type.startswith("text/csv"), (status, content_type)
        return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


# ------------------------------------------------------------------ wait helpers


def browser_log(driver) -> list[dict]:
    """Browser console entries since the last call (reading them empties the buffer)."""
    return driver.get_log("browser")


def severe(entries: list[dict]) -> list[str]:
    return [e["message"] for e in entries if e.get("level") == "SEVERE"]


def wait_until(driver, condition: Callable, message: str, timeout: float = TIMEOUT):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(
        driver, timeout, poll_frequency=0.05, ignored_exceptions=(StaleElementReferenceException,)
    ).until(condition, message)


def dash_idle(driver) -> bool:
    """True when the Dash app has rendered and has no callback or request in flight."""
    return bool(
        driver.execute_script(
            "return !!document.querySelector('#react-entry-point #_pages_content')"
            " && !document.querySelector('._dash-loading, ._dash-loading-callback')"
            " && (window.__e2ePending || 0) === 0;"
        )
    )


def wait_dash_idle(driver, settle: float = 0.15, timeout: float = TIMEOUT) -> None:
    """Wait until Dash is idle and stays idle for `settle` seconds (chained callbacks)."""
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        if dash_idle(driver):
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= settle:
                return
        else:
            quiet_since = None
        time.sleep(0.03)
    raise AssertionError(f"Dash still busy after {timeout} s on {driver.current_url}")


def charts_ready(driver) -> bool:
    """Every graph on the page is drawn (Plotly traces) and there is at least one drawn
    chart or no-data message. A graph without traces (empty axes) never counts as ready."""
    return bool(
        driver.execute_script(
            """
            var graphs = document.querySelectorAll('#main .dash-graph, #main .js-plotly-plot');
            for (var g of graphs) { if (!g.querySelector('.main-svg .trace')) return false; }
            return !!document.querySelector(
              '#main ' + arguments[0] + ', #main ' + arguments[1]);
            """,
            TRACE,
            NO_DATA,
        )
    )


def graphs_drawn(driver) -> bool:
    """No graph on the page is empty or still waiting for Plotly (pages without charts pass)."""
    return bool(
        driver.execute_script(
            """
            var graphs = document.querySelectorAll('#main .dash-graph, #main .js-plotly-plot');
            for (var g of graphs) { if (!g.querySelector('.main-svg .trace')) return false; }
            return true;
            """
        )
    )


def wait_charts(driver, timeout: float = TIMEOUT) -> None:
    """Wait until the page's charts are drawn or replaced by a no-data message."""
    wait_until(
        driver,
        lambda d: charts_ready(d),
        f"no drawn chart and no no-data message (or an empty graph) on {driver.current_url}",
        timeout,
    )


def open_page(driver, url: str, expect_charts: bool = True) -> None:
    """Load a page and wait until Dash has settled (and, by default, charts are drawn)."""
    driver.get(url)
    wait_dash_idle(driver)
    if expect_charts:
        wait_charts(driver)
        wait_dash_idle(driver)


def wait_stale(driver, element, what: str) -> None:
    """Wait until `element` has been replaced (a re-render after a callback)."""
    from selenium.webdriver.support import expected_conditions as ec

    wait_until(driver, ec.staleness_of(element), f"{what} was not re-rendered")


def wait_url(driver, predicate: Callable[[str], bool], what: str) -> str:
    wait_until(
        driver, lambda d: predicate(d.current_url), f"URL never {what}: {driver.current_url}"
    )
    return driver.current_url


# ------------------------------------------------------------------ reading what is shown

NBSP = "\u00a0"


@dataclass
class RenderedTable:
    """A rendered <table>: caption, column headers and rows (row header + cells), as text."""

    caption: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]

    def as_text(self) -> str:
        lines = [self.caption, " | ".join(self.columns)]
        lines += [" | ".join([h, *cells]) for h, cells in self.rows]
        return "\n".join(lines)


READ_TABLES = """
var root = arguments[0] || document.querySelector('#main');
return Array.from(root.querySelectorAll('table')).map(function (t) {
  var cap = t.querySelector('caption');
  var head = t.querySelector('thead tr');
  var bodyRows = t.tBodies.length ? Array.from(t.tBodies).flatMap(function (b) {
    return Array.from(b.rows); }) : Array.from(t.rows).slice(head ? 1 : 0);
  return {
    caption: cap ? cap.textContent.trim() : '',
    columns: head ? Array.from(head.cells).map(function (c) { return c.textContent.trim(); }) : [],
    rows: bodyRows.map(function (r) {
      var cells = Array.from(r.cells).map(function (c) { return c.textContent.trim(); });
      return [cells[0], cells.slice(1)];
    })
  };
});
"""


def read_tables(driver, root=None) -> list[RenderedTable]:
    """Every table under `root` (an element; default #main), read from the DOM."""
    raw = driver.execute_script(READ_TABLES, root)
    return [RenderedTable(t["caption"], t["columns"], [(h, c) for h, c in t["rows"]]) for t in raw]


def open_chart_table(driver, card) -> RenderedTable:
    """Click the card's "Vis som tabell" summary and read the table it reveals."""
    from selenium.webdriver.common.by import By

    details = card.find_element(By.CSS_SELECTOR, "details")
    if details.get_attribute("open") is None:
        details.find_element(By.TAG_NAME, "summary").click()
    table = details.find_element(By.TAG_NAME, "table")
    wait_until(driver, lambda d: table.is_displayed(), "the table did not open")
    (rendered,) = read_tables(driver, details)
    return rendered


def nb_number(value: float, decimals: int = 0) -> str:
    """A number as bokmål prints it: `1 234` / `12,5` with a no-break space (independent of
    dashboard.words.numbers, so the test checks the app's formatting rather than reusing it)."""
    text = f"{abs(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return ("\u2212" + text) if round(value, decimals) < 0 else text


def expected_cell(value, status) -> str:
    """What a table cell must show for a fact: its number, or its SSB symbol (never 0)."""
    if value is None:
        return status or ".."
    return nb_number(value)


YEAR = re.compile(r"\b(19|20)\d{2}\b")


def parse_nb_int(text: str) -> int | None:
    """`1 234` -> 1234; None for symbols, decimals or anything else."""
    compact = text.replace(NBSP, "").replace(" ", "").replace("\u202f", "")
    if compact.startswith("\u2212"):
        compact = "-" + compact[1:]
    return int(compact) if re.fullmatch(r"-?\d+", compact) else None


def checked_values(driver) -> dict[str, list[str]]:
    """Checked radio/checkbox values and number inputs of the page's controls, by control id."""
    return driver.execute_script(
        """
        var out = {};
        document.querySelectorAll('#main .controls [id]').forEach(function (el) {
          var inputs = el.matches('input') ? [el] : Array.from(el.querySelectorAll('input'));
          if (!inputs.length) return;
          out[el.id] = inputs.filter(function (i) {
            return (i.type !== 'radio' && i.type !== 'checkbox') || i.checked;
          }).map(function (i) { return String(i.value); });
        });
        return out;
        """
    )


def no_horizontal_scroll(driver) -> tuple[bool, int, int]:
    width, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth];"
    )
    return width <= inner + 1, width, inner
