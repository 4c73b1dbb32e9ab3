"""The load mix: many visitors at once, each doing one of the things visitors do.

- **page**: a page load as a browser with the site's static files cached does it: the
  document, `/_dash-layout`, `/_dash-dependencies` and the POSTs the renderer sends on
  load (derived from the callback map; `devtools.py` checks them against Chromium).
- **change**: a filter change replayed from the first-time walks (views seen before).
- **csv**: a chart's CSV for a random kommune and start year.
- **embed**: `/embed/<chart>` for a random kommune.
- **image**: a chart's PNG for a kommune's default view (drawn once before the run, as
  `slt-dashboard render-images` does after a build; views without figures left out).
"""

from __future__ import annotations

import random

from benchmarks import load
from benchmarks.client import Conn, PageModel, dependencies
from benchmarks.devtools import page_load_bodies
from benchmarks.load import Result
from benchmarks.servers import Server

KOMMUNER = ("baerum", "asker", "oslo")
WEIGHTS = {"page": 3, "change": 5, "csv": 2, "embed": 2, "image": 1}
ALL_PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]


def image_urls(charts: list[str]) -> list[str]:
    return [f"/bilde/{c}.png?kommune={k}" for c in charts[:5] for k in KOMMUNER]


def warm_images(base: str, urls: list[str]) -> dict[str, int]:
    conn = Conn(base)
    return {u: conn.get(u)[0] for u in urls}


def run(
    server: Server,
    models: dict[str, PageModel],
    seqs: list[list[bytes]],
    charts: list[str],
    clients: int,
    duration: float,
) -> dict:
    base = server.base
    deps = dependencies(Conn(base))
    loads = {p: page_load_bodies(deps, models.get(p), p) for p in ALL_PAGES}
    warmed = warm_images(base, image_urls(charts))
    # Only images that exist (a view without figures has no image: 404, not a load error).
    images = [url for url, status in warmed.items() if status == 200] or list(warmed)
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())

    def job(conn: Conn, rng: random.Random) -> Result:
        kind = rng.choices(kinds, weights)[0]
        times, ok = [], True

        def get(path: str) -> None:
            nonlocal ok
            status, _, _ = conn.get(path)
            times.append(conn.last_seconds)
            ok &= status == 200

        def post(b: bytes) -> None:
            nonlocal ok
            status, _, _ = conn.post(b)
            times.append(conn.last_seconds)
            ok &= status in (200, 204)

        if kind == "page":
            path = rng.choice(ALL_PAGES)
            for p in (path, "/_dash-layout", "/_dash-dependencies"):
                get(p)
            for b in loads[path]:
                post(b)
        elif kind == "change":
            for b in rng.choice(seqs):
                post(b)
        elif kind == "csv":
            year = rng.randint(2010, 2024)
            get(f"/last-ned/{rng.choice(charts)}.csv?kommune={rng.choice(KOMMUNER)}&fra={year}")
        elif kind == "embed":
            get(f"/embed/{rng.choice(charts)}?kommune={rng.choice(KOMMUNER)}")
        else:
            get(rng.choice(images))
        return Result(kind, ok, sum(times), times)

    from benchmarks.changes import measured

    kept: list[Result] = []

    def go():
        results, wall = load.run(base, job, clients, duration)
        kept.extend(results)
        return results, wall

    summary = measured(server, go)
    requests = [t for r in kept if r.ok for t in r.posts]
    summary.pop("posts"), summary.pop("post_p50"), summary.pop("post_p95")
    summary.pop("first_p50"), summary.pop("first_p95")
    summary["requests"] = len(requests)
    summary["requests_per_s"] = len(requests) / summary["wall_s"]
    for q in (50, 95, 99):
        summary[f"request_p{q}"] = load.percentile(requests, q) * 1000
    summary["kinds"] = {
        k: {
            "n": sum(1 for r in kept if r.kind == k),
            "errors": sum(1 for r in kept if r.kind == k and not r.ok),
            "p99": load.percentile([r.seconds for r in kept if r.kind == k and r.ok], 99) * 1000,
        }
        for k in WEIGHTS
    }
    summary["exceptions"] = sum(1 for r in kept if r.kind == "error")  # e.g. timeouts
    summary["images_warmed"] = sum(1 for s in warmed.values() if s == 200)
    return summary
