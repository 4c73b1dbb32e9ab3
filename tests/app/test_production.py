"""The production server as it runs (`gunicorn -c gunicorn.conf.py app:server`, two
workers): no `Server` header, the shared callback folder made on use and removed on
exit (and never left behind by a server that fails to start), and workers that agree
on which warehouse to serve after a bad file was renamed in and one worker restarted.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dashboard.build import warehouse
from tests.paths import ROOT

SHM = Path("/dev/shm") if Path("/dev/shm").is_dir() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, data: bytes | None = None) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), dict(exc.headers)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def gunicorn(env: dict[str, str], log: Path) -> subprocess.Popen:
    # SLT_CALLBACK_CACHE_DIR unset: gunicorn.conf.py names its own folder
    clean = {k: v for k, v in os.environ.items() if k != "SLT_CALLBACK_CACHE_DIR"}
    with log.open("w") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:server"],
            cwd=ROOT,
            env={**clean, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def own_folders(pid: int) -> list[Path]:
    return sorted(SHM.glob(f"slt-callbacks-{pid}-*")) if SHM else []


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from tests.paths import FIXTURE_DATA

    folder = tmp_path_factory.mktemp("prod")
    data = folder / "data"
    shutil.copytree(FIXTURE_DATA, data)
    target = data / "warehouse.duckdb"
    warehouse.build(data, target)
    port = free_port()
    log = folder / "gunicorn.log"
    env = {
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "2",
        "SLT_DATA_DIR": str(data),
        "SLT_AUTO_BUILD": "false",
        "SLT_PUBLIC_URL": "https://slt.example.no",
        "SLT_IMAGE_CACHE": str(folder / "images"),
    }
    proc = gunicorn(env, log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"gunicorn exited: {log.read_text()[-2000:]}")
        try:
            if fetch(base + "/healthz")[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.2)
    else:  # pragma: no cover - a start that hangs
        proc.kill()
        pytest.fail(f"gunicorn did not start: {log.read_text()[-2000:]}")
    yield base, proc, target, log
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)


def test_no_response_names_the_server_software(server):
    base, _proc, _target, _log = server
    for path in ("/", "/healthz", "/assets/style.css", "/finnes-ikke", "/last-ned/alle-data.csv"):
        status, _body, headers = fetch(base + path)
        assert status in (200, 404)
        assert "Server" not in headers, (path, headers.get("Server"))
        assert "gunicorn" not in repr(headers).lower() and "werkzeug" not in repr(headers).lower()


def test_workers_agree_after_a_bad_file_and_a_restarted_worker(server):
    base, proc, target, log = server
    status, before, _headers = fetch(base + "/last-ned/alle-data.csv")
    assert status == 200
    for _ in range(6):  # every worker has the good file open
        assert fetch(base + "/last-ned/alle-data.csv")[1] == before
    good = target.read_bytes()
    incoming = target.with_name("incoming.duckdb")
    incoming.write_bytes(good[: len(good) // 3])
    incoming.replace(target)
    workers = children(proc.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGTERM)  # one worker restarts (as after a crash or a deploy)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        now = children(proc.pid)
        if len(now) == 2 and workers[0] not in now:
            break
        time.sleep(0.2)
    time.sleep(1)  # the new worker warms up before it takes traffic
    answers = [fetch(base + "/last-ned/alle-data.csv") for _ in range(20)]
    assert [a[0] for a in answers] == [200] * 20
    assert all(a[1] == before for a in answers)  # the same numbers from both workers
    health = [fetch(base + "/healthz") for _ in range(10)]
    assert all(h[0] == 200 and b"fails the health query" in h[1] for h in health)
    text = log.read_text()
    assert "warehouse_reopen_failed action=serving_previous" in text
    assert "warehouse_reopen_failed action=serving_last_good" in text
    assert "Traceback" not in text


@pytest.mark.skipif(SHM is None, reason="no /dev/shm on this system")
def test_the_shared_folder_is_made_on_use_and_removed_on_exit(server):
    base, proc, _target, log = server
    deps = fetch(base + "/_dash-dependencies")
    assert deps[0] == 200
    folders = own_folders(proc.pid)
    assert len(folders) == 1  # the workers' warm-up answered callbacks: made on use
    assert folders[0].stat().st_mode & 0o777 == 0o700
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(60) == 0
    assert own_folders(proc.pid) == []
    assert "public_url_unset" not in log.read_text()  # it was set


@pytest.mark.skipif(SHM is None, reason="no /dev/shm on this system")
def test_a_server_that_fails_to_start_leaves_nothing_in_dev_shm(fixture_data, tmp_path):
    (fixture_data / "groups.meta.yml").unlink()  # invalid data and no warehouse: no start
    log = tmp_path / "gunicorn.log"
    proc = gunicorn(
        {
            "PORT": str(free_port()),
            "HOST": "127.0.0.1",
            "WEB_CONCURRENCY": "1",
            "SLT_DATA_DIR": str(fixture_data),
            "SLT_AUTO_BUILD": "true",
        },
        log,
    )
    assert proc.wait(120) != 0
    assert "sidecar is missing" in log.read_text()
    assert own_folders(proc.pid) == []
