"""What headless Chromium does on a first visit, recorded from its DevTools performance
log: every request with its bytes on the wire (br, as Chromium negotiates on loopback),
the time until the text and the charts are drawn, and the POST bodies the renderer sends
on a page load and on one filter change — compared, body for body, with what `client.py`
derives from the callback map, so the load runs replay what a browser really sends.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.client import Conn, PageModel, body, first_body, follow_bodies, new_search

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
#: The project's browser flags (tests/e2e/browser.py), plus a fresh profile per visit.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CALLBACK = "/_dash-update-component"
#: Done when every chart has a trace, or a no-data note replaced it, and the h1 is there.
DRAWN = """
const h1 = document.querySelector('h1');
const graphs = [...document.querySelectorAll('.dash-graph, .js-plotly-plot, .embed-graph')];
const drawn = graphs.every(g => g.querySelector('.main-svg .trace, .main-svg .bars') ||
                                 !g.offsetParent);
return Boolean(h1) && drawn && !document.querySelector('._dash-loading');
"""


def available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


@contextlib.contextmanager
def chromium(width: int = 1280, height: int = 800, javascript: bool = True):
    """A fresh headless Chromium with the performance log on (profile removed after)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


class Network:
    """Requests seen in the performance log, by request id (only those to `base`)."""

    def __init__(self, driver, base: str):
        self.driver, self.base = driver, base
        self.requests: dict[str, dict] = {}
        self.last_event = time.monotonic()

    def poll(self) -> None:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message["method"], message.get("params", {})
            rid = params.get("requestId")
            if method == "Network.requestWillBeSent":
                request = params["request"]
                if not request["url"].startswith(self.base):
                    continue
                self.requests[rid] = {
                    "method": request["method"],
                    "url": request["url"][len(self.base) :],
                    "post": request.get("postData"),
                    "status": None,
                    "bytes": 0,
                    "done": False,
                }
                self.last_event = time.monotonic()
            elif rid in self.requests:
                item = self.requests[rid]
                if method == "Network.responseReceived":
                    item["status"] = params["response"]["status"]
                    headers = {k.lower(): v for k, v in params["response"]["headers"].items()}
                    item["cache"] = headers.get("cache-control", "")
                    item["encoding"] = headers.get("content-encoding", "")
                elif method == "Network.loadingFinished":
                    item["bytes"] = int(params.get("encodedDataLength") or 0)
                    item["done"] = True
                elif method == "Network.loadingFailed":
                    item["done"] = True
                self.last_event = time.monotonic()

    def settle(self, quiet: float = 1.2, limit: float = 40.0, until=None) -> float:
        """Poll until `until()` holds, nothing is pending and the log was quiet for
        `quiet` s. Returns the seconds it took for `until()` to hold first."""
        started = time.monotonic()
        held_at = None
        while time.monotonic() - started < limit:
            self.poll()
            if held_at is None and (until is None or until()):
                held_at = time.monotonic() - started
            pending = any(not r["done"] for r in self.requests.values())
            if held_at is not None and not pending and time.monotonic() - self.last_event > quiet:
                break
            time.sleep(0.05)
        return held_at if held_at is not None else float("nan")

    def posts(self) -> list[str]:
        return [r["post"] or "" for r in self.requests.values() if r["method"] == "POST"]


def first_visit(base: str, path: str) -> dict:
    """A first visit in a fresh profile: requests, bytes on the wire, time to drawn, the
    navigation timing, and the POST bodies of the page load."""
    with chromium() as driver:
        net = Network(driver, base)
        driver.get(base + path)
        drawn = net.settle(until=lambda: driver.execute_script(DRAWN))
        timing = driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0];"
            "const p = performance.getEntriesByName('first-contentful-paint')[0];"
            "return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,"
            " fcp: p ? p.startTime : null};"
        )
        requests = list(net.requests.values())
    return {
        "path": path,
        "drawn_ms": drawn * 1000,
        "timing": timing,
        "requests": [
            {k: r.get(k) for k in ("method", "url", "status", "bytes", "cache", "encoding")}
            for r in requests
        ],
        "bytes": sum(r["bytes"] for r in requests),
        "load_posts": [r["post"] for r in requests if r["method"] == "POST"],
    }


def page_load_bodies(deps: list[dict], model: PageModel | None, path: str) -> list[bytes]:
    """The POSTs the renderer sends when it loads `path` (derived from the callback map):
    the shell, the Møtemodus link, the pages router, then (pages with controls) the
    change callback once as the controls mount (Dash answers 204)."""
    values = {
        ("url", "pathname"): path,
        ("url", "search"): "",
        ("_pages_location", "pathname"): path,
        ("_pages_location", "search"): "",
    }
    out = []
    for dep in deps:
        if dep.get("clientside_function") or dep.get("prevent_initial_call"):
            continue
        ids = [f"{i['id']}.{i['property']}" for i in dep["inputs"]]
        if all(i["id"] == "url" for i in dep["inputs"]):
            out.append(body(dep, values, ids))
    router = next(d for d in deps if d["output"].startswith(".._pages_content"))
    out.append(body(router, values, ["_pages_location.pathname", "_pages_location.search"]))
    if model is not None:
        ids = [c.prop_id for c in model.controls]
        out.append(body(model.change, model.values, ids))
    return out


def same_bodies(recorded: list[str], derived: list[bytes], ordered: bool = True) -> str:
    """'matches', or what differs (as JSON objects; in order, or as sets of bodies)."""
    got = [json.loads(r) for r in recorded]
    want = [json.loads(d) for d in derived]
    if not ordered:
        got.sort(key=lambda b: b.get("output", ""))
        want.sort(key=lambda b: b.get("output", ""))
    if got == want:
        return "matches"
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        if g != w:
            diff = {k: (g.get(k), w.get(k)) for k in set(g) | set(w) if g.get(k) != w.get(k)}
            return f"POST {i + 1} differs: {json.dumps(diff)[:400]}"
    return f"{len(got)} POSTs recorded, {len(want)} derived"


def check_change(base: str, model: PageModel) -> dict:
    """Load the page in Chromium, click one radio option, and compare the POSTs the
    renderer sends with the ones `client.py` derives for the same change."""
    from selenium.webdriver.common.by import By

    index = next(i for i, c in enumerate(model.controls) if c.kind == "one")
    control = model.controls[index]
    value = next(o for o in control.options if o != model.values[control.key])
    with chromium() as driver:
        net = Network(driver, base)
        driver.get(base + model.path)
        net.settle(until=lambda: driver.execute_script(DRAWN))
        net.requests.clear()
        radios = driver.find_elements(By.CSS_SELECTOR, f"#{control.key[0]} input[type=radio]")
        target = next(r for r in radios if r.get_attribute("value") == str(value))
        driver.execute_script("arguments[0].click()", target)
        net.settle(until=lambda: len(net.posts()) >= 1 + len(model.triggered))
        recorded = net.posts()
    values = {**model.values, control.key: value}
    first = first_body(model, values, control)
    status, raw, headers = Conn(base).post(first)
    search = new_search(raw, headers) if status == 200 else None
    derived = [first, *(follow_bodies(model, values, search) if search is not None else [])]
    return {
        "page": model.path,
        "control": control.prop_id,
        "posts_recorded": len(recorded),
        "posts_derived": len(derived),
        "outputs": [json.loads(r).get("output", "")[:40] for r in recorded],
        "result": same_bodies(recorded, derived),
    }


def screenshot(
    base: str, path: str, out: Path, javascript: bool, width: int = 390, height: int = 2400
) -> dict:
    """A phone-width screenshot (the top `height` px of the page) with or without
    JavaScript."""
    with chromium(width, height, javascript=javascript) as driver:
        driver.get(base + path)
        time.sleep(1.5 if javascript else 0.3)
        driver.save_screenshot(str(out))
        text = driver.execute_script("return document.body.innerText.slice(0, 400)")
    return {"path": path, "file": str(out), "javascript": javascript, "text": text}
