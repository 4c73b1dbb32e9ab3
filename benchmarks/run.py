"""Benchmarks: the project under gunicorn beside the textbook Dash app, in the same run,
measured the way a user meets the site.

    python -m benchmarks                          # everything (~25 minutes)
    python -m benchmarks --quick                  # shorter runs (~10 minutes)
    python -m benchmarks --only lighthouse,bytes  # some parts (see PARTS)

Loopback only, bounded loops; the load is generated on the same cores as the servers.
Every figure carries the machine's load average (1-minute, before→after): on a shared
machine a figure without its load cannot be compared. Prints the table of issue 19
(project, textbook, goal) and writes benchmarks/results.md (+ .json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from benchmarks import changes, devtools, lighthouse, mix, synthetic
from benchmarks.client import Conn
from benchmarks.servers import (
    Server,
    free_port,
    load,
    load_text,
    project_argv,
    textbook_argv,
)

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/",
    "/trend",
    "/geografi",
    "/alder-og-kjonn",
    "/trygghetsprogrammet",
    "/om-dataene",
    "/tilgjengelighet",
]
#: Pages that draw no chart (their first visit has the smaller budget).
PLAIN = ("/om-dataene", "/tilgjengelighet")
EMBEDS = [
    "/embed/utvikling?kommune=baerum",
    "/embed/geografi-personer?kommune=baerum",
    "/embed/trygghet-trakt?kommune=baerum",
]
PARTS = ("check", "bytes", "lighthouse", "changes", "mix", "synthetic", "paint")


@dataclass(frozen=True)
class Sizes:
    """How long each part runs (full run, or --quick)."""

    steps: int  # first-time changes per client (10 clients)
    replay_s: float  # each seen-before replay
    mix_s: float
    lighthouse_runs: int
    textbook_lighthouse: tuple[str, ...]
    synthetic_steps: int


FULL = Sizes(40, 20.0, 60.0, 3, tuple(p for p in PAGES if p != "/tilgjengelighet"), 15)
QUICK = Sizes(12, 6.0, 15.0, 1, ("/trend",), 5)


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


def chart_ids() -> list[str]:
    from dashboard.charts import listing

    return sorted(listing.REGISTRY)


# ------------------------------------------------------------------ the parts


def part_check(r: dict, project: Server, textbook: Server, models: dict, tmodels: dict) -> None:
    """The POSTs of one change and of each page load, recorded in Chromium, against the
    bodies the load runs derive and send."""
    from benchmarks.client import dependencies

    out = {"changes": [], "page_loads": {}}
    for model in models.values():
        out["changes"].append(devtools.check_change(project.base, model))
    if "/trend" in tmodels:
        out["textbook_change"] = devtools.check_change(textbook.base, tmodels["/trend"])
    deps = dependencies(Conn(project.base))
    for path in PAGES:
        visit = devtools.first_visit(project.base, path)
        derived = devtools.page_load_bodies(deps, models.get(path), path)
        out["page_loads"][path] = devtools.same_bodies(visit["load_posts"], derived, False)
    r["check"] = out


def part_bytes(r: dict, project: Server, textbook: Server) -> None:
    """First visits in a fresh Chromium profile: bytes on the wire and time to drawn."""
    out: dict = {"project": {}, "textbook": {}}
    for path in [*PAGES, *EMBEDS]:
        before = load()
        visit = devtools.first_visit(project.base, path)
        visit["load"] = load_text(before)
        visit.pop("load_posts")
        out["project"][path] = visit
    for path in PAGES[:-1]:
        before = load()
        visit = devtools.first_visit(textbook.base, path)
        visit["load"] = load_text(before)
        visit.pop("load_posts")
        out["textbook"][path] = visit
    r["bytes"] = out


def part_lighthouse(r: dict, project: Server, textbook: Server, sizes: Sizes) -> None:
    out: dict = {"project": {}, "textbook": {}}
    if lighthouse.executable() is None:
        r["lighthouse"] = {"skipped": "no Lighthouse: `npm ci` in benchmarks/"}
        return
    r["lighthouse"] = out  # filled page by page: what was measured stays if a page fails
    for path in [*PAGES, *EMBEDS]:
        print(f"  lighthouse {path}", flush=True)
        out["project"][path] = lighthouse.measure(project.base + path, sizes.lighthouse_runs)
    for path in sizes.textbook_lighthouse:
        print(f"  lighthouse textbook {path}", flush=True)
        out["textbook"][path] = lighthouse.measure(textbook.base + path, sizes.lighthouse_runs)


def part_changes(
    r: dict, project: Server, textbook: Server, models: dict, tmodels: dict, sizes: Sizes
) -> list:
    """First-time, seen-new-path and seen-before changes; returns the recorded sequences."""
    out: dict = {}
    print("  first-time views, project", flush=True)
    first, walks = changes.first_time(project, models, 10, sizes.steps)
    out["project_first"] = first
    print("  seen views from another previous URL, project", flush=True)
    out["project_new_path"] = changes.new_path(project, models, walks)
    print("  first-time views, textbook", flush=True)
    tfirst, twalks = changes.first_time(textbook, tmodels, 10, sizes.steps)
    out["textbook_first"] = tfirst
    seqs, tseqs = changes.sequences(walks), changes.sequences(twalks)
    for clients in (10, 50):
        print(f"  seen before, {clients} clients", flush=True)
        out[f"project_seen_{clients}"] = changes.replay(project, seqs, clients, sizes.replay_s)
        out[f"textbook_seen_{clients}"] = changes.replay(textbook, tseqs, clients, sizes.replay_s)
    out["distinct_content_bodies"] = changes.distinct_content_bodies(walks)
    r["changes"] = out
    return seqs


def part_mix(r: dict, project: Server, models: dict, seqs: list, sizes: Sizes) -> None:
    if not seqs:
        _, walks = changes.first_time(project, models, 5, 6)
        seqs = changes.sequences(walks)
    r["mix"] = mix.run(project, models, seqs, chart_ids(), 50, sizes.mix_s)


def part_synthetic(r: dict, tmp: Path, env: dict, sizes: Sizes) -> None:
    """National scale: build (time, peak memory), serve (memory per worker, first-time
    change cost), beside the same first-time walks on today's data."""
    folder = tmp / "synthetic"
    out = synthetic.write(folder / "data")
    before = load()
    out.update(synthetic.build(folder / "data", folder / "warehouse.duckdb"))
    out["build_load"] = load_text(before)
    out["facts"] = synthetic.facts(folder / "warehouse.duckdb")
    for name, warehouse in (
        ("today", env["SLT_WAREHOUSE"]),
        ("national", str(folder / "warehouse.duckdb")),
    ):
        port = free_port()
        argv, extra = project_argv(port)
        with Server(f"{name}-scale", argv, {**env, **extra, "SLT_WAREHOUSE": warehouse}, port) as s:
            models = changes.models(s.base)
            first, _ = changes.first_time(s, models, 4, sizes.synthetic_steps)
            out[name] = {"first": first, "memory": s.memory_mb(), "start_s": s.start_seconds}
    r["synthetic"] = out


def part_paint(r: dict, project: Server, out_dir: Path) -> None:
    """Phone-width screenshots of a page without JavaScript (what is painted before the
    scripts run) and with it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = []
    for path, name in (("/trend?kommune=baerum", "trend"), ("/", "oversikt")):
        for js in (False, True):
            file = out_dir / f"{name}-{'js' if js else 'nojs'}.png"
            shots.append(devtools.screenshot(project.base, path, file, js))
    r["paint"] = shots


# ------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs")
    parser.add_argument(
        "--only", default="", help=f"comma-separated parts of {', '.join(PARTS)} (default: all)"
    )
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results.md"))
    parser.add_argument(
        "--screens", default=str(ROOT / "benchmarks" / "screens"), help="paint part: PNGs"
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="with --only: leave out the other parts (default: keep them from the last results)",
    )
    args = parser.parse_args(argv)
    parts = [p for p in args.only.split(",") if p] or list(PARTS)
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}; parts: {', '.join(PARTS)}")
    sizes = QUICK if args.quick else FULL
    in_browser = ("bytes", "check", "paint", "lighthouse")
    if any(p in parts for p in in_browser) and not devtools.available():
        print("no Chromium: browser parts skipped", file=sys.stderr)
        parts = [p for p in parts if p not in in_browser]

    from dashboard.build import warehouse

    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    wh = tmp / "warehouse.duckdb"
    warehouse.build(ROOT / "data", wh)
    env = {
        "SLT_WAREHOUSE": str(wh),
        "SLT_AUTO_BUILD": "false",
        "SLT_STATIC_CACHE": str(tmp / "static-cache"),
        "SLT_IMAGE_CACHE": str(tmp / "image-cache"),
    }
    r: dict = {
        "versions": versions(),
        "quick": args.quick,
        "parts": parts,
        "cores": os.cpu_count(),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="minutes"),
        "load_start": load(),
    }
    t0 = time.perf_counter()
    try:
        _serve_and_measure(r, parts, env, sizes, tmp, Path(args.screens))
        if "synthetic" in parts:
            print("synthetic national-scale warehouse …", flush=True)
            _guard(r, "synthetic", lambda: part_synthetic(r, tmp, env, sizes))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    r["seconds"] = time.perf_counter() - t0
    r["load_end"] = load()
    previous = Path(args.out).with_suffix(".json")
    if args.only and not args.fresh and previous.exists():
        _keep_other_parts(r, json.loads(previous.read_text(encoding="utf-8")))
    text = render(r)
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    Path(args.out).with_suffix(".json").write_text(
        json.dumps(r, indent=1, default=str), encoding="utf-8"
    )
    return 0


#: The keys of the results each part writes.
PART_KEYS = {part: part for part in PARTS}


def _keep_other_parts(r: dict, previous: dict) -> None:
    """A run of some parts keeps the other parts' figures from the last results (each
    labelled with the run it comes from), so one part can be measured again alone."""
    kept = {}
    for part in PARTS:
        key = PART_KEYS[part]
        if part not in r["parts"] and key in previous:
            r[key] = previous[key]
            kept[part] = previous.get("kept", {}).get(part) or previous.get("started")
    r["kept"] = kept


def _guard(r: dict, name: str, fn) -> None:
    """A part that fails is reported as failed; the others still run."""
    try:
        fn()
    except Exception as exc:
        traceback.print_exc()
        r.setdefault("failed", {})[name] = f"{type(exc).__name__}: {exc}"


def _serve_and_measure(
    r: dict, parts: list[str], env: dict, sizes: Sizes, tmp: Path, screens: Path
) -> None:
    serving = [p for p in parts if p != "synthetic"]
    if not serving:
        return
    # The first start compresses every static file at brotli's best level into the static
    # cache (once per content); the second start is what a restart or a deploy costs.
    port = free_port()
    argv, extra = project_argv(port)
    before = load()
    first = Server("project-first", argv, {**env, **extra}, port)
    first.stop()
    r["start"] = {"project_first_ever": first.start_seconds}
    project = Server("project", argv, {**env, **extra}, port)
    tport = free_port()
    targv, textra = textbook_argv(tport)
    textbook = Server("textbook", targv, {**env, **textra}, tport)
    r["start"].update(
        project=project.start_seconds, textbook=textbook.start_seconds, load=load_text(before)
    )
    try:
        r["memory_after_start"] = {"project": project.memory_mb(), "textbook": textbook.memory_mb()}
        models = changes.models(project.base)
        tmodels = changes.models(textbook.base)
        seqs: list = []
        if "check" in parts:
            print("check: the browser's POSTs against the replayed ones …", flush=True)
            _guard(r, "check", lambda: part_check(r, project, textbook, models, tmodels))
        if "bytes" in parts:
            print("bytes: first visits in Chromium …", flush=True)
            _guard(r, "bytes", lambda: part_bytes(r, project, textbook))
        if "paint" in parts:
            print("paint: screenshots without JavaScript …", flush=True)
            _guard(r, "paint", lambda: part_paint(r, project, screens))
        if "lighthouse" in parts:
            print("lighthouse: phone scores …", flush=True)
            _guard(r, "lighthouse", lambda: part_lighthouse(r, project, textbook, sizes))
        if "changes" in parts:
            print("changes: first-time, new path, seen before …", flush=True)

            def run_changes() -> None:
                seqs.extend(part_changes(r, project, textbook, models, tmodels, sizes))

            _guard(r, "changes", run_changes)
        if "mix" in parts:
            print("mix: 50 clients …", flush=True)
            _guard(r, "mix", lambda: part_mix(r, project, models, seqs, sizes))
        r["memory"] = {"project": project.memory_mb(), "textbook": textbook.memory_mb()}
    finally:
        project.stop()
        textbook.stop()


# ------------------------------------------------------------------ the report


def _ms(x: float | None) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:,.0f} ms" if x >= 100 else f"{x:.1f} ms"


def _kb(n: float | None) -> str:
    return "–" if n is None else f"{n / 1024:,.0f} KB"


def _rate(s: dict | None) -> str:
    return "–" if not s else f"{s['per_s']:,.1f}/s"


def _worker_mb(mem: list[dict] | None) -> str:
    if not mem:
        return "–"
    return ", ".join(f"{m['rss']:.0f} ({m['pss']:.0f})" for m in mem) + " MB"


def table(r: dict) -> list[str]:
    """The issue's table: what is measured, project, textbook, goal, load."""
    rows: list[tuple[str, str, str, str, str]] = []
    c = r.get("changes", {})
    pf, tf = c.get("project_first"), c.get("textbook_first")
    if pf and tf:
        ratio = pf["per_s"] / tf["per_s"] if tf["per_s"] else float("nan")
        rows += [
            (
                "First-time views: server CPU per change",
                _ms(pf["cpu_ms"]),
                _ms(tf["cpu_ms"]),
                "≤ 10 ms",
                pf["load"],
            ),
            (
                "First-time views: p95 per POST, 10 clients (content POST p95)",
                f"{_ms(pf['post_p95'])} ({_ms(pf['first_p95'])})",
                _ms(tf["post_p95"]),
                "≤ 50 ms",
                pf["load"],
            ),
            (
                "First-time views: whole changes/s, 10 clients",
                f"{_rate(pf)} ({ratio:.1f}× textbook)",
                _rate(tf),
                "≥ 10× textbook",
                f"{pf['load']} / {tf['load']}",
            ),
        ]
    np_ = c.get("project_new_path")
    if np_:
        rows.append(
            (
                "Seen views from another previous URL: CPU per change, p95 per POST",
                f"{_ms(np_['cpu_ms'])}, {_ms(np_['post_p95'])}",
                "(no cache)",
                "as seen before (normalised key)",
                np_["load"],
            )
        )
    for clients, goal in ((10, "≥ 500/s, p95 ≤ 15 ms per POST"), (50, "≥ 1 000/s")):
        p, t = c.get(f"project_seen_{clients}"), c.get(f"textbook_seen_{clients}")
        if p and t:
            rows.append(
                (
                    f"Seen before: whole changes/s, {clients} clients (p95 per POST)",
                    f"{_rate(p)} ({_ms(p['post_p95'])})",
                    f"{_rate(t)} ({_ms(t['post_p95'])})",
                    goal,
                    f"{p['load']} / {t['load']}",
                )
            )
    lh = r.get("lighthouse", {})
    if lh.get("project"):
        scored = {k: v for k, v in lh["project"].items() if "score" in v}
        pages = {k: v for k, v in scored.items() if not k.startswith("/embed/")}
        embeds = {k: v for k, v in scored.items() if k.startswith("/embed/")}
        tb = {k: v for k, v in lh.get("textbook", {}).items() if "score" in v}
        for label, group, goal in (
            ("Lighthouse mobile performance, pages (min–max)", pages, "≥ 90"),
            ("Lighthouse mobile performance, embeds (min–max)", embeds, "≥ 95"),
        ):
            if group:
                scores = [v["score"] for v in group.values()]
                tscores = [v["score"] for v in tb.values()] if "pages" in label and tb else []
                rows.append(
                    (
                        label,
                        f"{min(scores)}–{max(scores)}",
                        f"{min(tscores)}–{max(tscores)}" if tscores else "–",
                        goal,
                        next(iter(group.values()))["load"],
                    )
                )
        every = list(scored.values())
        rows.append(
            (
                "Simulated LCP / TBT / CLS, worst page or embed",
                f"{max(v['lcp'] for v in every) / 1000:.1f} s / "
                f"{max(v['tbt'] for v in every):,.0f} ms / {max(v['cls'] for v in every):.2f}",
                "–",
                "≤ 2.5 s / ≤ 200 ms / 0",
                every[-1]["load"],
            )
        )
    b = r.get("bytes", {})
    if b.get("project"):
        p = b["project"]
        chart = [p[k]["bytes"] for k in p if k in PAGES and k not in PLAIN]
        plain = [p[k]["bytes"] for k in p if k in PLAIN]
        embeds_ = [p[k]["bytes"] for k in p if k.startswith("/embed/")]
        tb = b.get("textbook", {})
        tchart = [tb[k]["bytes"] for k in tb if k not in PLAIN]
        for label, group, tgroup, goal in (
            ("First visit (br, on the wire), chart pages", chart, tchart, "≤ 400 KB"),
            ("First visit (br), pages without charts", plain, [], "≤ 150 KB"),
            ("First visit (br), embeds", embeds_, [], "≤ 150 KB"),
        ):
            if group:
                rows.append(
                    (
                        label,
                        f"{_kb(min(group))}–{_kb(max(group))}",
                        f"{_kb(min(tgroup))}–{_kb(max(tgroup))}" if tgroup else "–",
                        goal,
                        next(iter(p.values()))["load"],
                    )
                )
    s = r.get("start")
    if s:
        rows.append(
            (
                "Start → first 200 (static cache warm)",
                f"{s['project']:.2f} s",
                f"{s['textbook']:.2f} s",
                "≤ 1 s",
                s["load"],
            )
        )
    m = r.get("memory")
    if m:
        rows.append(
            (
                "Memory per worker after the runs, RSS (PSS)",
                _worker_mb(m["project"]),
                _worker_mb(m["textbook"]),
                "≤ 300 MB (at national scale)",
                load_text(),
            )
        )
    mx = r.get("mix")
    if mx:
        rows.append(
            (
                "Mix of 50 clients (pages, changes, CSV, embeds, images): p99 per request",
                f"{_ms(mx['request_p99'])} ({mx['requests_per_s']:,.0f} req/s)",
                "–",
                "≤ 250 ms",
                mx["load"],
            )
        )
    sy = r.get("synthetic")
    if sy:
        today, national = sy.get("today", {}), sy.get("national", {})
        ratio = (
            national["first"]["cpu_ms"] / today["first"]["cpu_ms"]
            if today and national
            else float("nan")
        )
        rows += [
            (
                f"National scale ({sy['facts']:,} facts): build time, peak memory",
                f"{sy['build_s']:.0f} s, {sy['build_peak_mb']:,.0f} MB",
                "–",
                "≤ 30 s, ≤ 1 GB",
                sy["build_load"],
            ),
            (
                "National scale: memory per worker after changes, RSS (PSS)",
                _worker_mb(national.get("memory")),
                "–",
                "≤ 300 MB",
                national.get("first", {}).get("load", "–"),
            ),
            (
                "National scale: server CPU per first-time change (× today's data)",
                f"{_ms(national.get('first', {}).get('cpu_ms'))} ({ratio:.1f}×)",
                "–",
                "≤ 1.5× today",
                f"{today.get('first', {}).get('load', '–')} / "
                f"{national.get('first', {}).get('load', '–')}",
            ),
        ]
    out = ["| | project | textbook | goal | load (1 min) |", "|---|---|---|---|---|"]
    out += [f"| {a} | {b_} | {c_} | {d} | {e} |" for a, b_, c_, d, e in rows]
    return out


def details(r: dict) -> list[str]:
    out: list[str] = []
    c = r.get("changes")
    if c:
        out += [
            "## Filter changes",
            "",
            "Each change is every POST the browser sends for it (the content callback, then the "
            "callbacks that listen to the URL it pushed: 4 for the project, 1 for the textbook); "
            "answers are read as sent (br). CPU is the server workers' user+system time over the "
            "run divided by the changes.",
            "",
            "| run | clients | changes | changes/s | p50 / p95 per change | p95 per POST | "
            "content POST p50 / p95 | CPU per change | load |",
            "|---|---:|---:|---:|---|---:|---|---:|---|",
        ]
        labels = {
            "project_first": ("project, first-time views", 10),
            "project_new_path": ("project, seen views via another previous URL", 10),
            "textbook_first": ("textbook, first-time views", 10),
            "project_seen_10": ("project, seen before", 10),
            "textbook_seen_10": ("textbook, seen before", 10),
            "project_seen_50": ("project, seen before", 50),
            "textbook_seen_50": ("textbook, seen before", 50),
        }
        for key, (label, clients) in labels.items():
            s = c.get(key)
            if s:
                out.append(
                    f"| {label} | {clients} | {s['n']:,} | {s['per_s']:,.1f} | "
                    f"{_ms(s['p50'])} / {_ms(s['p95'])} | {_ms(s['post_p95'])} | "
                    f"{_ms(s['first_p50'])} / {_ms(s['first_p95'])} | {_ms(s['cpu_ms'])} | "
                    f"{s['load']} |"
                )
        pf = c.get("project_first", {})
        out += [
            "",
            f"First-time runs: {pf.get('views', 0)} changes to views no one had asked for since "
            f"the server started ({c.get('distinct_content_bodies', 0)} distinct content POST "
            "bodies). The seen-before runs replay those changes' POSTs byte for byte. The "
            "new-path run walks the same views backwards: same views, other previous URLs — a "
            "cache keyed by the request body computes them again, one keyed by the view does not.",
            "",
        ]
    ch = r.get("check")
    if ch:
        out += ["## The browser's POSTs (Chromium, DevTools performance log)", ""]
        for item in ch["changes"]:
            out.append(
                f"- change on {item['page']} ({item['control']}): {item['posts_recorded']} POSTs "
                f"recorded, {item['posts_derived']} derived — {item['result']}"
            )
        if "textbook_change" in ch:
            t = ch["textbook_change"]
            out.append(
                f"- textbook change on {t['page']}: {t['posts_recorded']} POST(s) — {t['result']}"
            )
        for path, result in ch["page_loads"].items():
            out.append(f"- page load {path}: {result}")
        out.append("")
    b = r.get("bytes")
    if b:
        out += [
            "## First visit (fresh Chromium profile)",
            "",
            "Bytes on the wire as Chromium received them (it negotiates br on loopback), every "
            "request of the visit: document, scripts, styles, layout, callbacks, chunks, images.",
            "",
            "| page | requests | bytes | first contentful paint | text and charts drawn | load |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for who in ("project", "textbook"):
            for path, v in b.get(who, {}).items():
                fcp = (v.get("timing") or {}).get("fcp")
                out.append(
                    f"| {who} {path} | {len(v['requests'])} | {_kb(v['bytes'])} | {_ms(fcp)} | "
                    f"{_ms(v['drawn_ms'])} | {v['load']} |"
                )
        trend = b.get("project", {}).get("/trend")
        if trend:
            out += ["", "What /trend loads (project):", ""]
            out += [
                f"- {q['bytes'] / 1024:,.1f} KB {q['method']} {q['url'][:90]} "
                f"({q.get('encoding') or 'identity'}; {q.get('cache') or '–'})"
                for q in sorted(trend["requests"], key=lambda q: -q["bytes"])
            ]
        out.append("")
    lh = r.get("lighthouse")
    if lh and lh.get("project"):
        out += [
            "## Lighthouse, mobile preset (simulated mid-range phone, slow 4G, 4× CPU)",
            "",
            "| page | score (runs) | FCP | LCP | TBT | CLS | speed index | load |",
            "|---|---|---:|---:|---:|---:|---:|---|",
        ]
        for who in ("project", "textbook"):
            for path, v in lh.get(who, {}).items():
                if "score" not in v:
                    out.append(
                        f"| {who} {path} | failed: {v['error'][:120]} | | | | | | {v['load']} |"
                    )
                    continue
                out.append(
                    f"| {who} {path} | {v['score']} ({', '.join(map(str, v['scores']))}) | "
                    f"{v['fcp'] / 1000:.1f} s | {v['lcp'] / 1000:.1f} s | {v['tbt']:,.0f} ms | "
                    f"{v['cls']:.3f} | {v['si'] / 1000:.1f} s | {v['load']} |"
                )
        out.append("")
    mx = r.get("mix")
    if mx:
        kinds = ", ".join(f"{k} {v['n']:,} (p99 {_ms(v['p99'])})" for k, v in mx["kinds"].items())
        out += [
            "## Load mix, 50 clients",
            "",
            f"{mx['n']:,} units in {mx['wall_s']:.0f} s: {kinds}. {mx['requests']:,} requests, "
            f"{mx['requests_per_s']:,.0f}/s, errors {mx['errors']} ({mx.get('exceptions', 0)} "
            "without an answer); per request p50 "
            f"{_ms(mx['request_p50'])}, p95 {_ms(mx['request_p95'])}, p99 "
            f"{_ms(mx['request_p99'])}; server CPU per unit {_ms(mx['cpu_ms'])}; {mx['load']}. "
            f"A page is the document, layout, dependencies and the POSTs of a page load (static "
            f"files cached by the browser); images: {mx['images_warmed']} default views drawn "
            "before the run.",
            "",
        ]
    sy = r.get("synthetic")
    if sy:
        out += [
            "## National scale (every kommune × 20 years)",
            "",
            f"{sy['rows']:,} synthetic rows in {sy['files']} files (each Bærum file repeated per "
            f"kommune and year) + today's data: {sy['facts']:,} facts, warehouse "
            f"{sy['size_mb']:.0f} MB, built in {sy['build_s']:.0f} s with a peak RSS of "
            f"{sy['build_peak_mb']:,.0f} MB ({sy['build_load']}).",
            "",
        ]
        for name in ("today", "national"):
            v = sy.get(name)
            if v:
                f = v["first"]
                out.append(
                    f"- {name}: start {v['start_s']:.2f} s; first-time changes at 4 clients: "
                    f"{f['n']} changes, {f['per_s']:.1f}/s, CPU {_ms(f['cpu_ms'])} per change, "
                    f"content POST p50 {_ms(f['first_p50'])}; workers RSS (PSS) "
                    f"{_worker_mb(v['memory'])}; {f['load']}"
                )
        out.append("")
    paint = r.get("paint")
    if paint:
        out += ["## Painted before the scripts run (390 px wide, JavaScript off)", ""]
        for shot in paint:
            text = " ".join(shot["text"].split())[:200]
            out.append(
                f"- {shot['path']} ({'with' if shot['javascript'] else 'without'} JavaScript): "
                f"`{Path(shot['file']).name}` — text: “{text}”"
            )
        out.append("")
    if r.get("failed"):
        out += ["## Parts that failed", ""]
        out += [f"- {k}: {v}" for k, v in r["failed"].items()]
        out.append("")
    return out


def render(r: dict) -> str:
    v = r["versions"]
    start_load = ", ".join(f"{x:.1f}" for x in r["load_start"])
    end_load = ", ".join(f"{x:.1f}" for x in r["load_end"])
    lines = [
        "# Benchmark results",
        "",
        f"Run {r['started']} UTC, {r['seconds'] / 60:.0f} min, "
        f"{'quick' if r['quick'] else 'full'} run of parts: {', '.join(r['parts'])}. "
        f"Machine: {platform.machine()}, {r['cores']} cores; load average (1, 5, 15 min) "
        f"{start_load} at the start, {end_load} at the end.",
        *(
            [
                "Kept from earlier runs (not measured in this one): "
                + ", ".join(f"{part} ({when} UTC)" for part, when in r["kept"].items())
                + "."
            ]
            if r.get("kept")
            else []
        ),
        f"Python {v['python']}, Dash {v['dash']}, Plotly {v['plotly']}, pandas {v['pandas']}, "
        f"DuckDB {v['duckdb']}, gunicorn {v['gunicorn']}.",
        "Both apps under gunicorn with 2 workers on loopback; the load is generated on the "
        "same cores (the clients compete with the servers for CPU). Project: "
        "`gunicorn -c gunicorn.conf.py app:server` (gthread, 2 × 4 threads). Textbook: "
        "`gunicorn -w 2 benchmarks.textbook:server` (sync; one plotly.express figure per chart "
        "per request, no cache).",
        "",
        *table(r),
        "",
        *details(r),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
