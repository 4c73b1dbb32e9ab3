"""Benchmarks: the project under gunicorn beside the textbook reference, in the same run.

    python -m benchmarks            # full run (~6 minutes)
    python -m benchmarks --quick    # short run (~2 minutes)

Loopback only, bounded loops. Prints a table and writes benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from benchmarks import load, synthetic
from benchmarks.client import Conn, bodies, discover, record_walk
from dashboard.charts import listing as catalog
from dashboard.settings import Settings
from dashboard.startup import create_app

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A gunicorn process on loopback; start time is launch -> first 200 on `/`."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str], port: int):
        self.name, self.port = name, port
        self.base = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        self.log = open(Path(tempfile.gettempdir()) / f"bench-{name}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            argv, env={**os.environ, **env}, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(self.base + "/", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()  # never leave a half-started server behind
                raise RuntimeError(f"{name} did not start (see {self.log.name})")
            time.sleep(0.01)
        self.start_seconds = time.perf_counter() - started

    def worker_rss_mb(self) -> list[float]:
        out = []
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        for pid in children.read_text().split() if children.exists() else []:
            status = Path(f"/proc/{pid}/status").read_text()
            kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            out.append(kb / 1024)
        return out

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


# ---------------------------------------------------------------- filter changes
def cold_walks(
    base: str, steps: int, clients: int
) -> tuple[list[list[bytes]], list[float], list[float], int]:
    """Random walks over every page's controls, `clients` at once (first visits: uncached).
    Returns (sequences, change seconds, first-POST seconds, distinct views)."""
    models = [m for m in (discover(Conn(base), p) for p in PAGES) if m is not None]
    results: list = []
    lock = threading.Lock()

    def client(index: int) -> None:
        rng = random.Random(index)
        model = models[index % len(models)]
        out = record_walk(Conn(base), model, steps, rng)
        with lock:
            results.append(out)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sequences = [s for r in results for s in r[0]]
    distinct = len({s[0] for s in sequences})
    return (
        sequences,
        [x for r in results for x in r[1]],
        [x for r in results for x in r[2]],
        distinct,
    )


def replay(base: str, sequences: list[list[bytes]], clients: int, duration: float) -> dict:
    """Replay recorded changes (each: its POSTs in order) at random, `clients` at once."""

    def job(conn: Conn, rng: random.Random):
        seq = rng.choice(sequences)
        started = time.perf_counter()
        ok = True
        for body in seq:
            status, _ = conn.post(body)
            ok &= status in (200, 204)
        return "change", ok, time.perf_counter() - started

    results, wall = load.run(base, job, clients, duration)
    return summarise(results, wall)


def textbook_changes(base: str, clients: int, duration: float) -> dict:
    """The textbook app's changes: random walks, live (it has no cache to warm)."""
    models = [m for m in (discover(Conn(base), p) for p in PAGES) if m is not None]

    def job(conn: Conn, rng: random.Random):
        model = rng.choice(models)
        values = dict(model.values)
        for control in model.controls:
            values[control.key] = control.draw(rng, values[control.key])
        body = bodies(model, values, None)[0]
        started = time.perf_counter()
        status, _ = conn.post(body)
        return "change", status == 200, time.perf_counter() - started

    results, wall = load.run(base, job, clients, duration)
    return summarise(results, wall)


def summarise(results: list[tuple[str, bool, float]], wall: float) -> dict:
    times = [t for _, ok, t in results if ok]
    return {
        "n": len(results),
        "errors": sum(1 for _, ok, _ in results if not ok),
        "p50": load.percentile(times, 50) * 1000,
        "p95": load.percentile(times, 95) * 1000,
        "p99": load.percentile(times, 99) * 1000,
        "per_s": len(times) / wall if wall else 0.0,
    }


# ---------------------------------------------------------------- load mix
def embed_paths(warehouse_path: Path) -> list[str]:
    """`/embed/<chart>` URLs if this version of the app has the embed route (else none)."""
    app = create_app(Settings(warehouse=warehouse_path, auto_build=False))
    if not any(r.rule.startswith("/embed/") for r in app.server.url_map.iter_rules()):
        return []
    return [f"/embed/{chart}" for chart in sorted(catalog.REGISTRY)]


def load_mix(
    base: str, sequences: list[list[bytes]], clients: int, duration: float, embeds: list[str]
) -> dict:
    """Page loads, filter changes and CSV downloads (and embeds if the route exists)."""
    conn = Conn(base)
    _, deps = conn.json("GET", "/_dash-dependencies")
    router = next(d for d in deps if d["output"].startswith(".._pages_content"))
    charts = sorted(catalog.REGISTRY)

    def job(c: Conn, rng: random.Random):
        kind = rng.choices(["page", "change", "csv", "embed"], [3, 5, 2, 2 if embeds else 0])[0]
        started = time.perf_counter()
        if kind == "page":
            path = rng.choice(PAGES)
            s1, _, _ = c.request("GET", path)
            s2, _ = c.post(
                json.dumps(
                    __import__("dashboard.web.serving.hardening", fromlist=["x"]).callback_body(
                        router, [path, ""], []
                    )
                ).encode()
            )
            ok = s1 == 200 and s2 == 200
        elif kind == "change":
            ok = all(c.post(b)[0] in (200, 204) for b in rng.choice(sequences))
        elif kind == "csv":
            year = rng.randint(2010, 2024)
            s, _, _ = c.request(
                "GET",
                f"/last-ned/{rng.choice(charts)}.csv?fra={year}&kommune={rng.choice(['baerum', 'asker', 'oslo'])}",
            )
            ok = s == 200
        else:
            s, _, _ = c.request("GET", rng.choice(embeds))
            ok = s == 200
        return kind, ok, time.perf_counter() - started

    results, wall = load.run(base, job, clients, duration)
    out = summarise(results, wall)
    out["kinds"] = {
        k: sum(1 for r in results if r[0] == k) for k in ("page", "change", "csv", "embed")
    }
    return out


# ---------------------------------------------------------------- browser
def browser(base: str, check_sequence: bool) -> dict:
    """Cold navigation -> charts drawn (fresh profile per page), resources a first visit
    loads, and (project) the POSTs one filter change sends, recorded from Chromium."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        return {"skipped": "no chromium"}
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    out: dict = {"pages": {}}
    for path in PAGES:
        profile = tempfile.mkdtemp(prefix="bench-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in (
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--window-size=1280,800",
        ):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            driver.set_script_timeout(20)
            driver.get(base + path)
            drawn = driver.execute_async_script(
                """const done = arguments[0];
                const t = setInterval(() => {
                  const h1 = document.querySelector('h1');
                  const graphs = [...document.querySelectorAll('.dash-graph')];
                  const drawn = graphs.every(g => g.querySelector('.main-svg .trace'));
                  if (h1 && drawn) {
                    clearInterval(t); done(performance.now()); }
                }, 10);"""
            )
            resources = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
            )
            out["pages"][path] = {
                "drawn_ms": drawn,
                "resources": [r for r in resources if "_dash-update-component" not in r],
            }
            if check_sequence and path == "/trend":
                driver.get_log("performance")
                radio = driver.find_elements("css selector", "input[type=radio]:not(:checked)")[0]
                radio.click()
                time.sleep(1.5)
                outputs = []
                for entry in driver.get_log("performance"):
                    message = json.loads(entry["message"])["message"]
                    if message["method"] == "Network.requestWillBeSent":
                        request = message["params"]["request"]
                        if "_dash-update-component" in request["url"]:
                            outputs.append(
                                json.loads(request.get("postData") or "{}").get("output")
                            )
                out["sequence"] = outputs
        finally:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)
    return out


def first_visit_bytes(base: str, resources: list[str], path: str) -> dict[str, int]:
    """Bytes of the bodies a first visit transfers, as served per Accept-Encoding."""
    conn = Conn(base)
    out = {}
    for accept in ("br", "gzip"):
        total = 0
        for url in [base + path, *resources]:
            target = url.removeprefix(base)
            status, data, _ = conn.request("GET", target, headers={"Accept-Encoding": accept})
            total += len(data) if status == 200 else 0
        out[accept] = total
    return out


# ---------------------------------------------------------------- main
def versions() -> dict[str, str]:
    import dash
    import duckdb
    import gunicorn
    import pandas
    import plotly

    return {
        "python": platform.python_version(),
        "dash": dash.__version__,
        "plotly": plotly.__version__,
        "pandas": pandas.__version__,
        "duckdb": duckdb.__version__,
        "gunicorn": gunicorn.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="short run (fewer steps, shorter loads)"
    )
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results.md"))
    args = parser.parse_args(argv)
    quick = args.quick
    steps, duration, mix_seconds = (40, 6.0, 10.0) if quick else (250, 15.0, 60.0)
    from dashboard.build import warehouse

    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    wh = tmp / "warehouse.duckdb"
    warehouse.build(ROOT / "data", wh)
    cache = tmp / "static-cache"
    env = {
        "SLT_WAREHOUSE": str(wh),
        "SLT_AUTO_BUILD": "false",
        "WEB_CONCURRENCY": "2",
        "SLT_STATIC_CACHE": str(cache),
    }
    gunicorn = [sys.executable, "-m", "gunicorn"]
    report: dict = {"versions": versions(), "quick": quick, "cores": os.cpu_count()}

    # Start: the first start fills the static cache (brotli's best level); measure the second.
    port = free_port()
    first = Server(
        "project",
        [*gunicorn, "-c", "gunicorn.conf.py", "app:server"],
        {**env, "PORT": str(port), "HOST": "127.0.0.1"},
        port,
    )
    report["start_first_ever"] = first.start_seconds
    first.stop()
    project = Server(
        "project",
        [*gunicorn, "-c", "gunicorn.conf.py", "app:server"],
        {**env, "PORT": str(port), "HOST": "127.0.0.1"},
        port,
    )
    tport = free_port()
    textbook = Server(
        "textbook",
        [
            *gunicorn,
            "-w",
            "2",
            "--no-control-socket",
            "-b",
            f"127.0.0.1:{tport}",
            "benchmarks.textbook:server",
        ],
        env,
        tport,
    )
    report["start"] = {"project": project.start_seconds, "textbook": textbook.start_seconds}
    try:
        print("browser: cold navigation …", flush=True)
        report["browser"] = {
            "project": browser(project.base, True),
            "textbook": browser(textbook.base, False),
        }
        model = discover(Conn(project.base), "/trend")
        expected = [model.change["output"], *[d["output"] for d in model.triggered]]
        recorded = report["browser"]["project"].get("sequence")
        report["sequence_check"] = (
            "matches"
            if recorded == expected
            else f"differs: browser {recorded} vs replay {expected}"
        )
        report["first_visit"] = {
            name: {
                p: first_visit_bytes(
                    srv.base, [r for r in report["browser"][name]["pages"][p]["resources"]], p
                )
                for p in PAGES
            }
            for name, srv in (("project", project), ("textbook", textbook))
            if "pages" in report["browser"][name]
        }
        print("filter changes: cold random walks …", flush=True)
        sequences, cold, cold_first, distinct = cold_walks(project.base, steps, 10)
        report["cold"] = {
            "changes": len(cold),
            "distinct_views": distinct,
            "p50": load.percentile(cold, 50) * 1000,
            "p95": load.percentile(cold, 95) * 1000,
            "first_post_p50": load.percentile(cold_first, 50) * 1000,
        }
        for clients in (10, 50):
            print(f"filter changes: {clients} clients …", flush=True)
            report[f"project_{clients}"] = replay(project.base, sequences, clients, duration)
            report[f"textbook_{clients}"] = textbook_changes(textbook.base, clients, duration)
        print(f"load mix: 50 clients, {mix_seconds:.0f} s …", flush=True)
        report["mix"] = load_mix(project.base, sequences, 50, mix_seconds, embed_paths(wh))
        report["rss_mb"] = {
            "project": project.worker_rss_mb(),
            "textbook": textbook.worker_rss_mb(),
        }
    finally:
        project.stop()
        textbook.stop()
    print("synthetic warehouse: 356 kommuner x 20 years …", flush=True)
    report["synthetic"] = synthetic.measure(tmp / "synthetic", quick)
    shutil.rmtree(tmp, ignore_errors=True)
    text = render(report)
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    (Path(args.out).with_suffix(".json")).write_text(
        json.dumps(report, indent=1, default=str), encoding="utf-8"
    )
    return 0


def render(r: dict) -> str:
    v = r["versions"]
    lines = [
        "# Benchmark results",
        "",
        f"Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC · machine: {platform.machine()}, {r['cores']} cores, "
        f"{platform.platform()} · {'quick run' if r['quick'] else 'full run'}",
        f"Versions: Python {v['python']}, Dash {v['dash']}, Plotly {v['plotly']}, pandas {v['pandas']}, "
        f"DuckDB {v['duckdb']}, gunicorn {v['gunicorn']}.",
        "Both apps under gunicorn with 2 workers on loopback, load generated on the same 2 cores "
        "(the client competes with the servers for CPU). Project: gunicorn.conf.py (gthread, 2×4). "
        "Textbook: `gunicorn -w 2` (sync), benchmarks/textbook.py.",
        "",
        "## Filter changes (the browser's POST sequence, random walks over every page's controls)",
        "",
        "| | clients | changes/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for clients in (10, 50):
        for name in ("project", "textbook"):
            s = r.get(f"{name}_{clients}")
            if s:
                lines.append(
                    f"| {name} | {clients} | {s['per_s']:.0f} | {s['p50']:.1f} | {s['p95']:.1f} | {s['p99']:.1f} | {s['errors']} |"
                )
    c = r.get("cold", {})
    if c:
        lines += [
            "",
            f"Project rows replay {c['changes']} recorded changes ({c['distinct_views']} distinct views, "
            "each change = its full POST sequence) after they were seen once, so they are answered from the "
            "response cache. The textbook app has no cache: every change is computed.",
            f"Cold (first time each view, 10 clients walking at once): p50 {c['p50']:.0f} ms, p95 {c['p95']:.0f} ms "
            f"per change (content POST alone: p50 {c['first_post_p50']:.0f} ms).",
            f"Sequence check against headless Chromium: {r.get('sequence_check')}.",
        ]
        for clients in (10, 50):
            p, t = r.get(f"project_{clients}"), r.get(f"textbook_{clients}")
            if p and t and t["per_s"]:
                lines.append(
                    f"Throughput ratio at {clients} clients: {p['per_s'] / t['per_s']:.1f}× the textbook app."
                )
    lines += [
        "",
        "## First visit and start",
        "",
        "| page | project br | project gzip | textbook br | textbook gzip | project drawn ms | textbook drawn ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    fv = r.get("first_visit", {})
    for p in PAGES:
        pb = fv.get("project", {}).get(p, {})
        tb = fv.get("textbook", {}).get(p, {})
        pd_ = r["browser"].get("project", {}).get("pages", {}).get(p, {}).get("drawn_ms")
        td = r["browser"].get("textbook", {}).get("pages", {}).get(p, {}).get("drawn_ms")
        lines.append(
            f"| {p} | {pb.get('br', 0) / 1024:.0f} KB | {pb.get('gzip', 0) / 1024:.0f} KB | {tb.get('br', 0) / 1024:.0f} KB | "
            f"{tb.get('gzip', 0) / 1024:.0f} KB | {pd_ or float('nan'):.0f} | {td or float('nan'):.0f} |"
        )
    s = r["start"]
    lines += [
        "",
        f"Start, launch → first 200: project {s['project']:.2f} s (static cache warm; the very first start, "
        f"compressing everything at brotli's best level: {r['start_first_ever']:.2f} s), textbook {s['textbook']:.2f} s.",
        f"RSS per worker after the run: project {', '.join(f'{x:.0f}' for x in r.get('rss_mb', {}).get('project', []))} MB; "
        f"textbook {', '.join(f'{x:.0f}' for x in r.get('rss_mb', {}).get('textbook', []))} MB.",
    ]
    m = r.get("mix")
    if m:
        lines += [
            "",
            "## Load mix (project, 50 clients)",
            "",
            f"{m['n']} requests ({m['kinds']}), {m['per_s']:.0f}/s, errors {m['errors']}, "
            f"p50 {m['p50']:.1f} ms, p95 {m['p95']:.1f} ms, p99 {m['p99']:.1f} ms.",
        ]
    sy = r.get("synthetic")
    if sy:
        lines += [
            "",
            "## Synthetic warehouse (356 kommuner × 20 years, the project's own CSV + sidecar format)",
            "",
            f"{sy['rows']:,} facts in {sy['files']} files: build {sy['build_s']:.1f} s, warehouse {sy['size_mb']:.1f} MB, "
            f"peak RSS of the build {sy['build_rss_mb']:.0f} MB; query ({sy['query']}) p50 {sy['p50']:.1f} ms, "
            f"p95 {sy['p95']:.1f} ms over {sy['n']} random kommuner.",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
