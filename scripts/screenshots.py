"""Save PNG screenshots of every page, on a desktop and a phone, for humans to look at.

Not a regression test (pixels vary between machines; the e2e tests compare DOM text
with the warehouse instead). It builds a warehouse from data/ into a temporary folder,
serves the real app on a free local port, and saves the full height of each page at
1280x800, 390x844 and 1920x1080 with the system's headless Chromium (nothing is
downloaded).

    python scripts/screenshots.py [--out screenshots] [--page /trend?kommune=asker ...]
                                  [--size 1920x1080 ...]
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import logging
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from tests.e2e.browser import CHROME_FLAGS, CHROMEDRIVER, CHROMIUM  # noqa: E402

PAGES = (
    "/",
    "/trend",
    "/geografi",
    "/alder-og-kjonn",
    "/trygghetsprogrammet",
    "/om-dataene",
    "/tilgjengelighet",
    "/mote",
)
#: A desktop, a phone and a projector (Møtemodus's target).
SIZES = ((1280, 800), (390, 844), (1920, 1080))
# One list of Chromium flags for the tests, the benchmarks and this script.
FLAGS = (*CHROME_FLAGS, "--hide-scrollbars")
MAX_HEIGHT = 16000  # px; longer pages are cut (Chromium's texture limit)
READY = """
var graphs = document.querySelectorAll('#main .dash-graph, #main .js-plotly-plot');
for (var g of graphs) { if (!g.querySelector('.main-svg .trace')) return false; }
return !!document.querySelector('#main h1')
  && !document.querySelector('._dash-loading, ._dash-loading-callback');
"""


def serve(warehouse_path: Path):
    """Start the real app on a free port in a background thread: (server, base URL, app)."""
    from werkzeug.serving import make_server

    from dashboard.settings import Settings
    from dashboard.startup import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app(Settings(warehouse=warehouse_path))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}", app


def browser(profile: str, width: int, height: int):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def wait_ready(driver, timeout: float = 15) -> bool:
    """Until charts are drawn and Dash is idle (twice in a row); False on timeout."""
    deadline, streak = time.monotonic() + timeout, 0
    while time.monotonic() < deadline:
        streak = streak + 1 if driver.execute_script(READY) else 0
        if streak >= 4:
            return True
        time.sleep(0.1)
    return False


def file_name(path: str, width: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "oversikt"
    slug = slug[:80]
    return f"{slug}-{width}.png"


def shoot(driver, url: str, width: int, height: int, target: Path) -> str:
    """Load `url` in a `width` x `height` window and save the page's full height as PNG.

    Chromium's DevTools capture beyond the viewport (`captureBeyondViewport`) keeps the
    window size, so the page is laid out as a visitor sees it (growing the window to the
    page's height instead re-lays out tall pages and left the footer unpainted).
    """
    driver.set_window_size(width, height)
    driver.get(url)
    ready = wait_ready(driver)
    time.sleep(0.3)  # late label placement (assets/labels.js) and fonts
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    full = int(size["height"])
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(full, MAX_HEIGHT), "scale": 1},
        },
    )
    target.write_bytes(base64.b64decode(shot["data"]))
    notes = []
    if not ready:
        notes.append("not ready after 15 s: charts missing or still loading")
    if full > MAX_HEIGHT:
        notes.append(f"cut at {MAX_HEIGHT} of {full} px")
    return f" ({'; '.join(notes)})" if notes else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="output folder")
    parser.add_argument(
        "--page", action="append", help="path (with query) to shoot; repeatable; default: all pages"
    )
    parser.add_argument(
        "--size",
        action="append",
        help="WIDTHxHEIGHT; repeatable; default: 1280x800 390x844 1920x1080",
    )
    args = parser.parse_args(argv)
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.size] if args.size else SIZES
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not Path(tool).exists():
            print(
                f"error: {tool} not found (apt-get install chromium chromium-driver)",
                file=sys.stderr,
            )
            return 2

    from dashboard.build import warehouse

    tmp = Path(tempfile.mkdtemp(prefix="slt-screenshots-"))
    args.out.mkdir(parents=True, exist_ok=True)
    server = app = driver = None
    try:
        warehouse_path = tmp / "warehouse.duckdb"
        warehouse.build(ROOT / "data", warehouse_path)
        server, base, app = serve(warehouse_path)
        driver = browser(str(tmp / "profile"), *sizes[0])
        for path in args.page or PAGES:
            for width, height in sizes:
                target = args.out / file_name(path, width)
                problem = shoot(driver, base + path, width, height, target)
                print(f"{target}{problem}")
    finally:
        if driver is not None:
            with contextlib.suppress(Exception):
                driver.quit()
        if server is not None:
            server.shutdown()
        if app is not None:
            app.server.extensions["slt"].store.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
