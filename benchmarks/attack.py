"""The cost attack: ordinary requests' latency while clients ask for expensive work.

    python -m benchmarks.attack            # 60 s idle, attack, flood (~5 minutes)
    python -m benchmarks.attack --quick    # 20 s each

Serves the real data under gunicorn (gunicorn.conf.py, one worker per core) with an
empty image cache, then measures ordinary traffic (page documents and pages-router
callbacks over 36 views a visitor opens: six pages x three kommuner x two languages)
first alone ("idle"), then while `--attackers` clients (default 10) each ask, one
request after the other, for *distinct uncached* expensive files: chart images (PNG/SVG
of random views), report ZIPs, Excel files and the all-data ZIP (URLs with junk
parameters too). Two attack phases: clients that wait as a 503's `Retry-After` asks
("attack"), and clients that ignore it and ask again at once ("flood": then the cost is
that of hundreds of cheap refusals a second, which a rate limit in front of the site
(e.g. nginx `limit_req`) is for). It reports p50/p95 of the ordinary requests in each
phase, what the attackers got (200, 503 + Retry-After), and the caches' sizes
afterwards, with the load average of the machine beside every figure (a shared machine
is noisy: read the figures with it). Writes benchmarks/attack-results.md. Loopback only,
bounded in time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
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

from dashboard.build import warehouse
from dashboard.charts import listing as catalog
from dashboard.web.serving.hardening import callback_body

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).with_name("attack-results.md")
PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]
KOMMUNER = ("baerum", "asker", "oslo")
HEADERS = {"Content-Type": "application/json", "Accept-Encoding": "br, gzip"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_average() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"{one:.2f}/{five:.2f} (1/5 min, {os.cpu_count()} cores)"


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


class Conn:
    """One keep-alive connection (one per client thread)."""

    def __init__(self, base: str):
        host, port = base.removeprefix("http://").split(":")
        self.host, self.port = host, int(port)
        self._conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, bytes, dict]:
        for attempt in (0, 1):
            try:
                self._conn.request(method, path, body=body, headers=headers or HEADERS)
                response = self._conn.getresponse()
                return response.status, response.read(), dict(response.getheaders())
            except (http.client.HTTPException, OSError):
                self._conn.close()
                self._conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
                if attempt:
                    raise
        raise AssertionError("unreachable")


class Server:
    """gunicorn on loopback with this repository's gunicorn.conf.py."""

    def __init__(self, env: dict[str, str], folder: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / "gunicorn.log"
        clean = {k: v for k, v in os.environ.items() if k != "SLT_CALLBACK_CACHE_DIR"}
        with self.log_path.open("w") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:server"],
                cwd=ROOT,
                env={**clean, **env, "PORT": str(self.port), "HOST": "127.0.0.1"},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited (see {self.log_path})")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start (see {self.log_path})")

    def shared_folder(self) -> Path | None:
        found = sorted(Path("/dev/shm").glob(f"slt-callbacks-{self.proc.pid}-*"))
        return found[0] if found else None

    def worker_rss_mb(self) -> list[float]:
        out = []
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        for pid in children.read_text().split() if children.exists() else []:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    out.append(int(line.split()[1]) / 1024)
        return out

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def folder_bytes(folder: Path | None) -> int:
    if folder is None or not folder.exists():
        return 0
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# ------------------------------------------------------------------------ traffic


def ordinary_views() -> list[tuple[str, str]]:
    return [
        (page, f"?kommune={k}" + ("&lang=en" if lang == "en" else ""))
        for page in PAGES
        for k in KOMMUNER
        for lang in ("nb", "en")
    ]


def ordinary_client(base: str, router: dict, stop: threading.Event, out: list, seed: int):
    """A visitor: opens a page (the document), then its content (the router callback)."""
    conn, rng = Conn(base), random.Random(seed)
    views = ordinary_views()
    while not stop.is_set():
        page, search = rng.choice(views)
        started = time.perf_counter()
        status, _body, _h = conn.request("GET", page + search)
        out.append(("document", status, time.perf_counter() - started))
        body = json.dumps(callback_body(router, [page, search], [])).encode()
        started = time.perf_counter()
        status, _body, _h = conn.request("POST", "/_dash-update-component", body)
        out.append(("callback", status, time.perf_counter() - started))


def attack_url(rng: random.Random) -> tuple[str, str]:
    """A distinct, uncached, expensive URL (and its kind)."""
    kind = rng.choices(["image", "report", "xlsx", "zip"], [6, 2, 3, 1])[0]
    junk = f"x{rng.randrange(10**9)}={rng.randrange(10**9)}"
    fra = rng.randint(2000, 2023)
    til = rng.randint(fra, 2024)
    kommune = rng.choice(KOMMUNER)
    chart = rng.choice(sorted(catalog.REGISTRY))
    if kind == "image":
        fmt = rng.choice(["png", "svg", "og.png"])
        return kind, f"/bilde/{chart}.{fmt}?kommune={kommune}&fra={fra}&til={til}&{junk}"
    if kind == "report":
        lang = rng.choice(["nb", "en"])
        return kind, f"/last-ned/rapportfigurer.zip?kommune={kommune}&aar={til}&lang={lang}&{junk}"
    if kind == "xlsx":
        return kind, f"/last-ned/{chart}.xlsx?kommune={kommune}&fra={fra}&til={til}&{junk}"
    return kind, f"/last-ned/alle-data.zip?lang={rng.choice(['nb', 'en'])}&{junk}"


def attacker(base: str, stop: threading.Event, out: list, seed: int, patient: bool) -> None:
    conn, rng = Conn(base), random.Random(1000 + seed)
    while not stop.is_set():
        kind, url = attack_url(rng)
        started = time.perf_counter()
        try:
            status, _body, headers = conn.request("GET", url)
        except OSError:
            status, headers = 0, {}
        out.append((kind, status, time.perf_counter() - started, "Retry-After" in headers))
        if patient and status == 503 and "Retry-After" in headers:
            stop.wait(float(headers["Retry-After"]))


def phase(
    base: str, router: dict, seconds: float, clients: int, attackers: int, patient: bool = True
) -> dict:
    ordinary: list = []
    attacks: list = []
    stop = threading.Event()
    threads = [
        threading.Thread(target=ordinary_client, args=(base, router, stop, ordinary, i))
        for i in range(clients)
    ] + [
        threading.Thread(target=attacker, args=(base, stop, attacks, i, patient))
        for i in range(attackers)
    ]
    load_before = load_average()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=180)
    result: dict = {"load_before": load_before, "load_after": load_average(), "ordinary": {}}
    for kind in ("document", "callback"):
        times = [t for k, s, t in ordinary if k == kind and s == 200]
        result["ordinary"][kind] = {
            "n": sum(1 for k, _s, _t in ordinary if k == kind),
            "errors": sum(1 for k, s, _t in ordinary if k == kind and s != 200),
            "p50_ms": percentile(times, 50) * 1000,
            "p95_ms": percentile(times, 95) * 1000,
        }
    result["attack"] = {}
    for kind in ("image", "report", "xlsx", "zip"):
        mine = [a for a in attacks if a[0] == kind]
        result["attack"][kind] = {
            "n": len(mine),
            "ok": sum(1 for a in mine if a[1] == 200),
            "busy_503": sum(1 for a in mine if a[1] == 503 and a[3]),
            "other": sum(1 for a in mine if a[1] not in (200, 503, 404)),
            "p95_ms": percentile([a[2] for a in mine], 95) * 1000,
        }
    return result


def run(quick: bool, attackers: int, clients: int) -> dict:
    seconds = 20 if quick else 60
    folder = Path(tempfile.mkdtemp(prefix="slt-attack-"))
    try:
        data = folder / "data"
        shutil.copytree(
            ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "image-cache")
        )
        warehouse.build(data, data / "warehouse.duckdb")
        images = folder / "images"
        env = {
            "SLT_DATA_DIR": str(data),
            "SLT_AUTO_BUILD": "false",
            "SLT_IMAGE_CACHE": str(images),
            "SLT_PUBLIC_URL": "http://127.0.0.1",
        }
        server = Server(env, folder)
        try:
            conn = Conn(server.base)
            plain = {"Accept-Encoding": "identity"}
            _s, deps_body, _h = conn.request("GET", "/_dash-dependencies", headers=plain)
            deps = json.loads(deps_body)
            router = next(d for d in deps if d["output"].startswith(".._pages_content"))
            for page, search in ordinary_views():  # a visitor's views are warm, as in use
                conn.request("GET", page + search)
                conn.request(
                    "POST",
                    "/_dash-update-component",
                    json.dumps(callback_body(router, [page, search], [])).encode(),
                )
            idle = phase(server.base, router, seconds, clients, 0)
            attacked = phase(server.base, router, seconds, clients, attackers, patient=True)
            flooded = phase(server.base, router, seconds, clients, attackers, patient=False)
            after = {
                "image_cache_mb": folder_bytes(images) / 1e6,
                "shared_callback_cache_mb": folder_bytes(server.shared_folder()) / 1e6,
                "worker_rss_mb": [round(x, 1) for x in server.worker_rss_mb()],
                "load": load_average(),
            }
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "seconds_per_phase": seconds,
        "ordinary_clients": clients,
        "attackers": attackers,
        "idle": idle,
        "attack": attacked,
        "flood": flooded,
        "after": after,
    }


def report(result: dict) -> str:
    idle = result["idle"]
    lines = [
        "# Cost attack: ordinary requests while clients ask for expensive work",
        "",
        f"Run {result['when']} with `python -m benchmarks.attack`: "
        f"{result['ordinary_clients']} ordinary clients, {result['attackers']} attackers, "
        f"{result['seconds_per_phase']} s per phase, gunicorn.conf.py (one worker per core). "
        "*attack*: the attackers wait as a 503's Retry-After asks; *flood*: they ask again "
        "at once. A shared machine: the load average is printed beside each phase.",
        "",
        "| Ordinary requests | idle p50 | idle p95 | phase | p50 | p95 | p95 / idle p95 |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in ("document", "callback"):
        a = idle["ordinary"][kind]
        for name in ("attack", "flood"):
            b = result[name]["ordinary"][kind]
            ratio = b["p95_ms"] / a["p95_ms"] if a["p95_ms"] else float("nan")
            lines.append(
                f"| {kind} (n {a['n']} / {b['n']}, errors {a['errors']} / {b['errors']}) | "
                f"{a['p50_ms']:.1f} ms | {a['p95_ms']:.1f} ms | {name} | {b['p50_ms']:.1f} ms | "
                f"{b['p95_ms']:.1f} ms | ×{ratio:.2f} |"
            )
    lines += ["", "Load average (1/5 min) at the start and end of each phase:"]
    for name in ("idle", "attack", "flood"):
        lines.append(f"- {name}: {result[name]['load_before']} → {result[name]['load_after']}")
    lines += [
        "",
        "| Attack requests | phase | n | 200 | 503 + Retry-After | other errors | p95 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ("attack", "flood"):
        for kind, row in result[name]["attack"].items():
            lines.append(
                f"| {kind} | {name} | {row['n']} | {row['ok']} | {row['busy_503']} | "
                f"{row['other']} | {row['p95_ms']:.0f} ms |"
            )
    after = result["after"]
    lines += [
        "",
        f"After the attack: image cache {after['image_cache_mb']:.1f} MB "
        f"(bound SLT_IMAGE_CACHE_MB), shared callback folder "
        f"{after['shared_callback_cache_mb']:.1f} MB (bound SLT_CALLBACK_SHARED_MB), "
        f"worker RSS {after['worker_rss_mb']} MB; load average {after['load']}.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.attack", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20 s per phase instead of 60")
    parser.add_argument("--attackers", type=int, default=10)
    parser.add_argument("--clients", type=int, default=4, help="ordinary clients")
    args = parser.parse_args(argv)
    result = run(args.quick, args.attackers, args.clients)
    text = report(result)
    print(text)
    RESULTS.write_text(text, encoding="utf-8")
    RESULTS.with_suffix(".json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
