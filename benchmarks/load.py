"""Concurrent clients from a few processes (threads inside each): time-bounded loops, or
fixed work lists (one list per client), with per-request timings kept."""

from __future__ import annotations

import multiprocessing as mp
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from benchmarks.client import Conn


@dataclass
class Result:
    """One unit of work: a whole change, a page load, a download …"""

    kind: str
    ok: bool
    seconds: float
    posts: list[float] = field(default_factory=list)  # seconds per callback POST in it
    first_post: float | None = None  # the content POST of a change
    extra: object = None  # what a worker hands back to the parent process


#: A job does one unit of work on a connection (time-bounded runs).
Job = Callable[[Conn, random.Random], Result]
#: A worker does its whole list of work on a connection (fixed-work runs).
Worker = Callable[[Conn, object], list[Result]]


def _timed(base: str, job: Job, threads: int, duration: float, seed: int, queue) -> None:
    results: list[Result] = []
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        conn = Conn(base)
        local = []
        while time.monotonic() < deadline:
            try:
                local.append(job(conn, rng))
            except Exception:
                local.append(Result("error", False, 0.0))
        with lock:
            results.extend(local)

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    queue.put(results)


def _split(clients: int) -> list[int]:
    processes = min(4, max(1, clients // 10))
    return [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]


def run(base: str, job: Job, clients: int, duration: float) -> tuple[list[Result], float]:
    """`clients` concurrent clients for `duration` seconds; (results, wall seconds)."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    started = time.perf_counter()
    procs = [
        ctx.Process(target=_timed, args=(base, job, n, duration, i + 1, queue))
        for i, n in enumerate(_split(clients))
    ]
    for p in procs:
        p.start()
    results: list[Result] = []
    for _ in procs:
        results.extend(queue.get())
    for p in procs:
        p.join()
    return results, time.perf_counter() - started


def _fixed(base: str, worker: Worker, works: Sequence[object], queue) -> None:
    results: list[Result] = []
    lock = threading.Lock()

    def one(work: object) -> None:
        try:
            local = worker(Conn(base), work)
        except Exception:
            local = [Result("error", False, 0.0)]
        with lock:
            results.extend(local)

    pool = [threading.Thread(target=one, args=(w,)) for w in works]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    queue.put(results)


def run_fixed(base: str, worker: Worker, works: Sequence[object]) -> tuple[list[Result], float]:
    """One client per item of `works`, all at once, each doing its whole list."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    sizes = _split(len(works))
    chunks, start = [], 0
    for n in sizes:
        chunks.append(works[start : start + n])
        start += n
    started = time.perf_counter()
    procs = [ctx.Process(target=_fixed, args=(base, worker, c, queue)) for c in chunks]
    for p in procs:
        p.start()
    results: list[Result] = []
    for _ in procs:
        results.extend(queue.get())
    for p in procs:
        p.join()
    return results, time.perf_counter() - started


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summarise(results: Sequence[Result], wall: float) -> dict:
    """Rates and percentiles (ms) of a run: per unit, per POST, per content POST."""
    good = [r for r in results if r.ok]
    times = [r.seconds for r in good]
    posts = [p for r in good for p in r.posts]
    firsts = [r.first_post for r in good if r.first_post is not None]
    return {
        "n": len(results),
        "errors": sum(1 for r in results if not r.ok),
        "per_s": len(good) / wall if wall else 0.0,
        "wall_s": wall,
        "p50": percentile(times, 50) * 1000,
        "p95": percentile(times, 95) * 1000,
        "p99": percentile(times, 99) * 1000,
        "posts": len(posts),
        "post_p50": percentile(posts, 50) * 1000,
        "post_p95": percentile(posts, 95) * 1000,
        "first_p50": percentile(firsts, 50) * 1000,
        "first_p95": percentile(firsts, 95) * 1000,
    }
