"""The servers under test: gunicorn processes on loopback, their start time, their workers'
CPU time and memory, and the machine's load average (printed beside every figure: the
machine is shared, so a figure without its load is not a figure)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load() -> tuple[float, float, float]:
    return os.getloadavg()


def load_text(before: tuple[float, ...] | None = None) -> str:
    """`load 3.1` (1-minute average now), or `load 2.0→3.1` across a measurement."""
    now = load()[0]
    return f"load {before[0]:.1f}→{now:.1f}" if before else f"load {now:.1f}"


def project_argv(port: int) -> tuple[list[str], dict[str, str]]:
    """The project as production runs it (Procfile: gunicorn -c gunicorn.conf.py app:server)."""
    env = {"PORT": str(port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": "2"}
    return [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:server"], env


def textbook_argv(port: int) -> tuple[list[str], dict[str, str]]:
    """The textbook app as a tutorial deploys it: `gunicorn -w 2 module:server`."""
    argv = [sys.executable, "-m", "gunicorn", "-w", "2", "--no-control-socket"]
    return [*argv, "-b", f"127.0.0.1:{port}", "benchmarks.textbook:server"], {}


class Server:
    """A gunicorn process on loopback; `start_seconds` is launch -> first 200 on `/`."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str], port: int):
        self.name, self.port = name, port
        self.base = f"http://127.0.0.1:{port}"
        log_path = Path(tempfile.gettempdir()) / f"bench-{name}-{port}.log"
        self.log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, env={**os.environ, **env}, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 300
        while True:
            try:
                with urllib.request.urlopen(self.base + "/", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()  # never leave a half-started server behind
                raise RuntimeError(f"{name} did not start (see {log_path})")
            time.sleep(0.01)
        self.start_seconds = time.perf_counter() - started

    def workers(self) -> list[int]:
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        try:
            return [int(p) for p in path.read_text().split()]
        except OSError:
            return []

    def cpu_seconds(self) -> float:
        """User + system CPU time of the workers so far (the master only waits)."""
        total = 0
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
        return total / TICK

    def memory_mb(self) -> list[dict[str, float]]:
        """Per worker: RSS (pages shared with the master counted in full) and PSS (shared
        pages divided among the processes sharing them: what a worker really adds)."""
        out = []
        for pid in self.workers():
            try:
                text = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:
                continue
            rss = int(re.search(r"^Rss:\s+(\d+)", text, re.M).group(1))  # type: ignore[union-attr]
            pss = int(re.search(r"^Pss:\s+(\d+)", text, re.M).group(1))  # type: ignore[union-attr]
            out.append({"rss": rss / 1024, "pss": pss / 1024})
        return out

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
