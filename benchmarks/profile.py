"""Where a first-time change spends its time: the same first-time walks as the benchmark,
in-process (Flask's test client, callback cache off), under cProfile, with every named
query counted and timed.

    python -m benchmarks.profile [--changes 150] [--top 25] [--warehouse PATH]

Prints: changes, wall time per change, queries per change with the time of each query
file, and the functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import queries
from benchmarks import changes
from benchmarks.client import CALLBACK, decode, first_body, follow_bodies, new_search

ROOT = Path(__file__).resolve().parent.parent


class InProcess:
    """The benchmark client's connection interface over Flask's test client."""

    def __init__(self, client):
        self.client = client
        self.last_seconds = 0.0

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        started = time.perf_counter()
        response = self.client.open(
            path, method=method, data=body, headers=headers or {"Accept-Encoding": "br"}
        )
        self.last_seconds = time.perf_counter() - started
        return response.status_code, response.data, {k.lower(): v for k, v in response.headers}

    def post(self, body: bytes):
        return self.request("POST", CALLBACK, body, {"Content-Type": "application/json"})

    def json(self, method: str, path: str, body: dict | None = None):
        import json

        data = json.dumps(body).encode() if body is not None else None
        status, raw, headers = self.request(
            method, path, data, {"Content-Type": "application/json"}
        )
        text = decode(raw, headers.get("content-encoding"))
        return status, (json.loads(text) if text and status == 200 else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=150)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--warehouse", default="", help="default: built from data/")
    args = parser.parse_args(argv)

    from benchmarks.client import dependencies, discover
    from dashboard.settings import Settings
    from dashboard.startup import create_app

    if args.warehouse:
        wh = Path(args.warehouse)
    else:
        from dashboard.build import warehouse

        wh = Path(tempfile.mkdtemp(prefix="bench-profile-")) / "warehouse.duckdb"
        warehouse.build(ROOT / "data", wh)
    app = create_app(Settings(warehouse=wh, auto_build=False, callback_cache_mb=0))
    conn = InProcess(app.server.test_client())
    deps = dependencies(conn)  # type: ignore[arg-type]
    models = {p: discover(conn, p, deps) for p in changes.PAGES}  # type: ignore[arg-type]
    pages = {p: m for p, m in models.items() if m is not None}
    walks = changes.plan(pages, 1, args.changes)[0]

    counts: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    original = queries.run

    def counted(cursor, name, **params):
        started = time.perf_counter()
        try:
            return original(cursor, name, **params)
        finally:
            counts[name] += 1
            seconds[name] += time.perf_counter() - started

    queries.run = counted  # type: ignore[assignment]
    profiler = cProfile.Profile()
    done = 0
    started, cpu = time.perf_counter(), time.process_time()
    profiler.enable()
    try:
        for walk in walks:
            model = pages[walk.page]
            values = dict(model.values)
            for step in walk.steps:
                values[model.controls[step.control].key] = step.value
                status, raw, headers = conn.post(
                    first_body(model, values, model.controls[step.control])
                )
                search = new_search(raw, headers) if status == 200 else None
                if search is not None:
                    for b in follow_bodies(model, values, search):
                        conn.post(b)
                    values[("url", "search")] = search
                done += 1
    finally:
        profiler.disable()
        queries.run = original  # type: ignore[assignment]
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    total_queries = sum(counts.values())
    calls = sum(n for n, *_ in pstats.Stats(profiler).stats.values())  # type: ignore[attr-defined]
    print(
        f"{done} first-time changes (profiled, in-process): {wall / done * 1000:.1f} ms wall, "
        f"{cpu / done * 1000:.1f} ms CPU, {calls / done:,.0f} Python calls each; "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{total_queries / done:.1f} queries per change, "
        f"{sum(seconds.values()) / done * 1000:.1f} ms per change in queries.run:"
    )
    for name in sorted(seconds, key=seconds.get, reverse=True):  # type: ignore[arg-type]
        print(
            f"  {name:22} {counts[name] / done:5.2f} per change  "
            f"{seconds[name] / done * 1000:6.2f} ms per change  "
            f"{seconds[name] / counts[name] * 1000:6.2f} ms each"
        )
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
