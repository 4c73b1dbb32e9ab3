"""Benchmark: an embed's first load beside a full page's, and chart image render times.

    python benchmarks/embeds.py

Serves the app (werkzeug, in-process, warehouse of the repository's data) and loads
`/embed/utvikling` and `/trend` in a fresh headless Chromium: bytes of every resource
(as served, and gzip-compressed), and the time from navigation to a drawn trace. Then
renders chart images with a fresh renderer and an empty cache: the first image (starts
the kept browser), the next images (browser kept), and a cached image.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from dashboard.build import warehouse  # noqa: E402
from dashboard.settings import Settings  # noqa: E402
from dashboard.startup import create_app  # noqa: E402
from dashboard.web.outputs import images  # noqa: E402
from tests.e2e.browser import TRACE, make_driver, quit_driver  # noqa: E402


def first_load(driver, url: str) -> tuple[int, int, float]:
    """(bytes, gzip bytes, seconds to a drawn trace) of a fresh load of `url`."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    start = time.perf_counter()
    driver.get(url)
    while not driver.find_elements(By.CSS_SELECTOR, TRACE):
        if time.perf_counter() - start > 30:
            raise RuntimeError(f"no chart drawn on {url}")
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    time.sleep(0.5)  # let late resources finish
    urls = driver.execute_script(
        "return [location.href].concat(performance.getEntriesByType('resource')"
        ".map(function (e) { return e.name; }))"
    )
    raw = packed = 0
    for resource in dict.fromkeys(urls):
        with urllib.request.urlopen(resource, timeout=30) as response:
            body = response.read()
        raw += len(body)
        packed += len(gzip.compress(body, 6))
    return raw, packed, seconds


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-embeds-"))
    wh = tmp / "warehouse.duckdb"
    warehouse.build(ROOT / "data", wh)
    app = create_app(Settings(warehouse=wh, auto_build=False, image_cache=tmp / "img"))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    driver = make_driver()
    try:
        print("First load (fresh browser cache), 3 runs each, median:")
        for label, path in (
            ("embed /embed/utvikling", "/embed/utvikling?kommune=baerum"),
            ("page  /trend         ", "/trend?kommune=baerum"),
        ):
            runs = [first_load(driver, base + path) for _ in range(3)]
            raw = statistics.median(r[0] for r in runs)
            packed = statistics.median(r[1] for r in runs)
            seconds = statistics.median(r[2] for r in runs)
            print(
                f"  {label}  {raw / 1024:8.0f} KB  gzip {packed / 1024:6.0f} KB  "
                f"chart drawn in {seconds:.2f} s"
            )
    finally:
        quit_driver(driver)
        server.shutdown()

    service = images.ImageService(tmp / "img-cold", images.Renderer(timeout=60))
    with app.server.app_context():
        from dashboard.web.serving.context import cursor  # needs the app context made above

        cur = cursor()
        charts = ["utvikling", "alder-kjonn", "gjentatt", "sammenligning", "ekstremisme"]
        times = []
        for chart_id in charts:
            request = images.ImageRequest.make(chart_id, {"kommune": "baerum"}, "png")
            start = time.perf_counter()
            service.get(cur, request)
            times.append(time.perf_counter() - start)
        request = images.ImageRequest.make("utvikling", {"kommune": "baerum"}, "png")
        start = time.perf_counter()
        for _ in range(20):
            service.get(cur, request)
        cached = (time.perf_counter() - start) / 20
        svg = images.ImageRequest.make("trygghet-trakt", {"kommune": "baerum"}, "svg")
        start = time.perf_counter()
        service.get(cur, svg)
        svg_time = time.perf_counter() - start
    print("Chart images (PNG 1920x1280 unless noted):")
    print(f"  cold, first image (starts the kept browser): {times[0]:.2f} s")
    print(
        f"  not cached, browser kept (median of {len(times) - 1}): "
        f"{statistics.median(times[1:]):.2f} s"
    )
    print(f"  not cached, SVG:                             {svg_time:.2f} s")
    print(f"  cached (disk, incl. chart key + fingerprint): {cached * 1000:.1f} ms")


if __name__ == "__main__":
    main()
