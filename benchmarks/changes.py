"""Filter changes as a user meets them: first-time views, seen views reached from another
previous URL, and views seen before — each change is every POST the browser sends.

- **first time**: walks over every page's controls in which each change shows a view no
  client has asked for since the server started (planned ahead, so no two clients share
  one); each client walks its own pages at once.
- **seen, new path**: the same views again, each reached from another previous view (the
  walks backwards). Dash sends the previous URL as state, so a cache keyed by the request
  body computes them again; a cache keyed by the normalised view answers them from memory.
- **seen before**: the recorded POST bodies replayed at random, byte for byte.

The server's CPU time per change comes from its workers' /proc counters, so it does not
depend on how many clients wait.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field

from benchmarks import load
from benchmarks.client import (
    Conn,
    PageModel,
    dependencies,
    discover,
    first_body,
    follow_bodies,
    new_search,
)
from benchmarks.load import Result
from benchmarks.servers import Server, load_text

PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet"]
URL = ("url", "search")


@dataclass
class Step:
    control: int  # index into the model's controls
    value: object


@dataclass
class Walk:
    """A page load followed by changes; `record` holds what the server answered."""

    page: str
    steps: list[Step]
    id: int = 0
    # filled while walking: per step, (values after, search after, POST bodies sent)
    record: list[tuple[dict, str, list[bytes]]] = field(default_factory=list)


def models(base: str, pages: list[str] = PAGES) -> dict[str, PageModel]:
    conn = Conn(base)
    deps = dependencies(conn)
    found = {p: discover(conn, p, deps) for p in pages}
    return {p: m for p, m in found.items() if m is not None}


def plan(pages: dict[str, PageModel], clients: int, steps: int, seed: int = 7) -> list[list[Walk]]:
    """Per client, walks totalling `steps` changes, each change to a view never planned
    before (the pages' default views count as seen: the page load computes them)."""
    rng = random.Random(seed)
    seen = {p: {m.view(m.values)} for p, m in pages.items()}
    order = list(pages)
    out: list[list[Walk]] = []
    for client in range(clients):
        walks: list[Walk] = []
        left, turn, stuck = steps, client, 0
        while left > 0 and stuck < len(order):
            page = order[turn % len(order)]
            turn += 1
            model = pages[page]
            values = dict(model.values)
            walk = Walk(page, [], id=sum(len(w) for w in out) + len(walks))
            while left > 0:
                for _ in range(80):
                    index = rng.randrange(len(model.controls))
                    control = model.controls[index]
                    value = control.draw(rng, values[control.key])
                    view = model.view({**values, control.key: value})
                    if view not in seen[page]:
                        break
                else:
                    break  # nothing new one change away: load another page
                seen[page].add(view)
                values[control.key] = value
                walk.steps.append(Step(index, value))
                left -= 1
            stuck = 0 if walk.steps else stuck + 1
            if walk.steps:
                walks.append(walk)
        out.append(walks)
    return out


def _change(conn: Conn, model: PageModel, values: dict, index: int) -> tuple[Result, str, list]:
    """One change: the content POST, then what listens to the URL it pushed."""
    control = model.controls[index]
    sent = [first_body(model, values, control)]
    times = []
    status, raw, headers = conn.post(sent[0])
    times.append(conn.last_seconds)
    ok = status in (200, 204)
    search = new_search(raw, headers) if status == 200 else None
    if search is not None:
        for b in follow_bodies(model, values, search):
            sent.append(b)
            s, _, _ = conn.post(b)
            times.append(conn.last_seconds)
            ok &= s in (200, 204)
    result = Result("change", ok, sum(times), times, times[0])
    return result, search if search is not None else values[URL], sent


def walk_forward(pages: dict[str, PageModel]):
    """A worker that walks its planned walks (first-time views)."""

    def worker(conn: Conn, walks) -> list[Result]:
        out = []
        for walk in walks:
            model = pages[walk.page]
            values = dict(model.values)
            for step in walk.steps:
                values[model.controls[step.control].key] = step.value
                result, search, sent = _change(conn, model, values, step.control)
                values[URL] = search
                result.extra = (walk.id, dict(values), search, sent)
                out.append(result)
        return out

    return worker


def backwards(pages: dict[str, PageModel], walks: list[Walk]) -> list[Walk]:
    """The walks backwards: each view again, reached from the view after it (skips the
    page's default view, which the page load computed, not a change)."""
    out = []
    for walk in walks:
        if len(walk.record) < 2:
            continue
        model = pages[walk.page]
        back = Walk(walk.page, [])
        back.record = walk.record  # the start: the walk's last view and its URL
        for k in range(len(walk.record) - 2, -1, -1):
            changed = walk.steps[k + 1].control
            key = model.controls[changed].key
            back.steps.append(Step(changed, walk.record[k][0][key]))
        out.append(back)
    return out


def walk_backward(pages: dict[str, PageModel]):
    def worker(conn: Conn, walks) -> list[Result]:
        out = []
        for walk in walks:
            model = pages[walk.page]
            values, search, _ = walk.record[-1]
            values = {**values, URL: search}
            for step in walk.steps:
                values[model.controls[step.control].key] = step.value
                result, search, _ = _change(conn, model, values, step.control)
                out.append(result)
                values[URL] = search
        return out

    return worker


def measured(server: Server, fn) -> dict:
    """Run `fn()` -> (results, wall); add the server's CPU per unit and the load."""
    from benchmarks.servers import load as loadavg

    before_load, cpu0 = loadavg(), server.cpu_seconds()
    results, wall = fn()
    cpu = server.cpu_seconds() - cpu0
    out = load.summarise(results, wall)
    good = max(1, out["n"] - out["errors"])
    out["cpu_ms"] = cpu / good * 1000
    out["cpu_s"] = cpu
    out["load"] = load_text(before_load)
    return out


def first_time(server: Server, pages: dict[str, PageModel], clients: int, steps: int):
    """(summary, walks): first-time views, `clients` at once."""
    walks = plan(pages, clients, steps)
    kept: list[Result] = []

    def run():
        results, wall = load.run_fixed(server.base, walk_forward(pages), walks)
        kept.extend(results)
        return results, wall

    summary = measured(server, run)
    by_id = {w.id: w for ws in walks for w in ws}
    for r in kept:  # the records come back from the client processes
        if r.extra is not None:
            walk_id, values, search, sent = r.extra  # type: ignore[misc]
            by_id[walk_id].record.append((values, search, sent))
    views = sum(len(w.steps) for ws in walks for w in ws)
    summary["views"] = views
    return summary, walks


def new_path(server: Server, pages: dict[str, PageModel], walks: list[list[Walk]]) -> dict:
    """Seen views, each reached from another previous URL (the walks backwards)."""
    back = [backwards(pages, ws) for ws in walks]
    summary = measured(server, lambda: load.run_fixed(server.base, walk_backward(pages), back))
    summary["views"] = sum(len(w.steps) for ws in back for w in ws)
    return summary


def sequences(walks: list[list[Walk]]) -> list[list[bytes]]:
    """Every change's POST bodies as sent (for replays)."""
    return [sent for ws in walks for w in ws for _, _, sent in w.record]


def replay(server: Server, seqs: list[list[bytes]], clients: int, duration: float) -> dict:
    """Recorded changes replayed at random, byte for byte (views seen before)."""

    def job(conn: Conn, rng: random.Random) -> Result:
        seq = rng.choice(seqs)
        times, ok = [], True
        for b in seq:
            status, _, _ = conn.post(b)
            times.append(conn.last_seconds)
            ok &= status in (200, 204)
        return Result("change", ok, sum(times), times, times[0])

    summary = measured(server, lambda: load.run(server.base, job, clients, duration))
    summary["bodies"] = len({b for s in seqs for b in s})
    summary["changes_replayed"] = len(seqs)
    return summary


def distinct_content_bodies(walks: list[list[Walk]]) -> int:
    return len(
        {json.dumps(sent[0].decode()) for ws in walks for w in ws for _, _, sent in w.record}
    )
