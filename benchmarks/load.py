"""Concurrent load from several client processes (threads inside each), time-bounded."""

from __future__ import annotations

import multiprocessing as mp
import random
import threading
import time
from collections.abc import Callable

from benchmarks.client import Conn

#: A job does one unit of work on a connection and returns (kind, ok, seconds).
Job = Callable[[Conn, random.Random], tuple[str, bool, float]]


def _process(base: str, job: Job, threads: int, duration: float, seed: int, queue) -> None:
    results: list[tuple[str, bool, float]] = []
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
                local.append(("error", False, 0.0))
        with lock:
            results.extend(local)

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    queue.put(results)


def run(
    base: str, job: Job, clients: int, duration: float
) -> tuple[list[tuple[str, bool, float]], float]:
    """`clients` concurrent clients for `duration` seconds; (results, wall seconds)."""
    processes = min(4, max(1, clients // 10))
    per = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    started = time.perf_counter()
    procs = [
        ctx.Process(target=_process, args=(base, job, n, duration, i + 1, queue))
        for i, n in enumerate(per)
    ]
    for p in procs:
        p.start()
    results = []
    for _ in procs:
        results.extend(queue.get())
    for p in procs:
        p.join()
    return results, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]
