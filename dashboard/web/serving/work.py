"""Expensive work (drawing images, building ZIPs and Excel files) in bounded slots.

A page view costs milliseconds; a chart image costs a browser render (~0.2-2 s of a
core), a report ZIP a dozen of them. Anyone can ask for distinct views, so without a
bound ten clients asking for uncached images keep every core busy and ordinary page
views wait behind them (measured: p95 from 0.12 s to 4.75 s).

So expensive work takes a *slot*: at most `slots` jobs run at once on the whole machine
(all workers of a server share lock files, `fcntl.flock`, so two workers do not render
at the same time), and at most `queue` requests per worker wait for one. A request that
finds the queue full, or waits longer than `wait` seconds, gets `Busy`, which the routes
answer with 503 and `Retry-After`: a quick "try again" instead of a minute-long wait
that holds a worker thread. The browser that draws images runs at a lower CPU priority
(`lower_priority`), so ordinary requests win a contended core.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import flask
from dash import Dash

from dashboard.settings import Settings

log = logging.getLogger(__name__)

#: Niceness of expensive work (0 = normal, 19 = lowest): it gets a core only when
#: ordinary requests leave one.
NICENESS = 10
#: How often a waiting request looks for a free slot.
POLL = 0.05


class Busy(RuntimeError):
    """Every slot is taken and the queue is full (or the wait ran out): try again later."""

    def __init__(self, retry_after: int):
        super().__init__("expensive work is busy")
        self.retry_after = retry_after


def lower_priority() -> None:
    """Lower the CPU priority of the calling thread (Linux: niceness is per thread, and
    processes and threads it starts inherit it). Best effort: never raises."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux, or not allowed
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)


class Gate:
    """At most `slots` jobs at once across processes sharing `folder`; `queue` waiters."""

    def __init__(self, folder: Path | None, slots: int = 1, queue: int = 4, wait: float = 30):
        self.slots = max(1, slots)
        self.queue = max(0, queue)
        self.wait = wait
        self.folder = _lock_folder(folder)
        self._waiting = 0
        self._running = 0
        self._lock = threading.Lock()
        self._local = threading.Semaphore(self.slots)  # within this process
        self._held = threading.local()  # a job that holds a slot may nest (a ZIP's images)
        self.rejected = 0  # how many requests got Busy (for benchmarks and logs)
        self.rejected_at_once = 0  # of those: the queue was full, they did not wait

    @property
    def retry_after(self) -> int:
        """Seconds a refused client is asked to wait: about one job per waiting place."""
        return max(2, min(30, 2 * (self.queue + 1)))

    def _enter_queue(self) -> None:
        with self._lock:
            if self._running + self._waiting >= self.slots + self.queue:
                self.rejected += 1
                self.rejected_at_once += 1
                raise Busy(self.retry_after)
            self._waiting += 1

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one slot for the block; Busy when the queue is full or the wait runs out.
        Inside a block that holds one already (a report ZIP drawing its images), free."""
        if getattr(self._held, "depth", 0):
            self._held.depth += 1
            try:
                yield
            finally:
                self._held.depth -= 1
            return
        self._enter_queue()
        deadline = time.monotonic() + self.wait
        handle = None
        try:
            if not self._local.acquire(timeout=max(0.0, deadline - time.monotonic())):
                raise self._refuse()
            try:
                handle = self._machine_slot(deadline)
            except BaseException:
                self._local.release()
                raise
        finally:
            with self._lock:
                self._waiting -= 1
        with self._lock:
            self._running += 1
        self._held.depth = 1
        try:
            yield
        finally:
            self._held.depth = 0
            with self._lock:
                self._running -= 1
            if handle is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)
                os.close(handle)
            self._local.release()

    def _refuse(self) -> Busy:
        with self._lock:
            self.rejected += 1
        return Busy(self.retry_after)

    def _machine_slot(self, deadline: float) -> int | None:
        """A lock file of the shared folder (None without one: this process's slots only)."""
        if self.folder is None:
            return None
        while True:
            for index in range(self.slots):
                try:
                    handle = os.open(
                        self.folder / f"slot-{index}.lock",
                        os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0),
                        0o600,
                    )
                except OSError:
                    return None  # the folder went away or is read-only: local slots only
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return handle
                except OSError:
                    os.close(handle)
            if time.monotonic() >= deadline:
                raise self._refuse()
            time.sleep(POLL)


def _lock_folder(folder: Path | None) -> Path | None:
    """A private folder for the slot lock files: `folder` if it can be written, else one
    in the temporary folder named after it (a read-only data folder still shares slots)."""
    if folder is None:
        return None
    candidates = [folder]
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]
    candidates.append(Path(tempfile.gettempdir()) / f"slt-work-{os.getuid()}-{digest}")
    for candidate in candidates:
        try:
            candidate.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = candidate.lstat()
            if info.st_uid != os.getuid() or not candidate.is_dir() or candidate.is_symlink():
                continue  # someone else's folder (or a symlink planted in /tmp): not ours
            probe = candidate / f".probe-{os.getpid()}"
            probe.touch()
            probe.unlink()
            return candidate
        except OSError:
            continue
    log.warning("work_slots_local reason=no_writable_folder folder=%s", folder)
    return None


EXTENSION = "slt.work"


def install(app: Dash, settings: Settings) -> Gate:
    """The app's gate for expensive work (slot locks beside the image cache)."""
    found = Gate(
        settings.image_cache_path / ".slots",
        slots=settings.work_slots,
        queue=settings.work_queue,
        wait=settings.image_timeout,
    )
    app.server.extensions[EXTENSION] = found
    return found


def gate() -> Gate:
    """The current app's gate."""
    return flask.current_app.extensions[EXTENSION]


def busy(exc: Busy, body: str) -> flask.Response:
    """503 with Retry-After: the expensive work is full, try again in a moment."""
    return flask.Response(
        body,
        status=503,
        content_type="text/plain; charset=utf-8",
        headers={"Retry-After": str(exc.retry_after)},
    )
