"""Operations: a rebuilt warehouse is picked up while serving; health means a real answer.

A server thread serves the app while the warehouse is rebuilt under it (the same atomic
build `slt-dashboard build` runs). Every response must be the old answer or the new one
in full (one request never reads two files), none may fail, and the new answer must
appear without a restart.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
import urllib.request

import pytest
from werkzeug.serving import make_server

from dashboard.build import warehouse
from dashboard.settings import Settings
from dashboard.startup import create_app


def settings_for(path) -> Settings:
    return Settings(warehouse=path, auto_build=False, callback_cache_mb=0)


@pytest.fixture
def served(fixture_data, tmp_path):
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    app = create_app(settings_for(target))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", target, fixture_data
    server.shutdown()
    thread.join(timeout=5)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_rebuild_while_serving_is_picked_up_whole(served, tmp_path):
    base, target, data = served
    url = base + "/last-ned/alle-data.csv"
    status, old = fetch(url)
    assert status == 200 and b"275" in old
    groups = data / "groups.csv"
    groups.write_text(
        groups.read_text(encoding="utf-8").replace(",275,", ",276,"), encoding="utf-8"
    )
    # The new answer, as a fresh process on the new data would give it.
    expected_new_path = tmp_path / "expected.duckdb"
    warehouse.build(data, expected_new_path)
    new = (
        create_app(settings_for(expected_new_path))
        .server.test_client()
        .get("/last-ned/alle-data.csv")
        .data
    )
    assert new != old

    seen: list[tuple[int, bytes]] = []
    stop = threading.Event()

    def hammer():
        while not stop.is_set():
            seen.append(fetch(url))

    clients = [threading.Thread(target=hammer) for _ in range(3)]
    for c in clients:
        c.start()
    time.sleep(0.3)
    warehouse.build(data, target)  # atomic rename over the served file
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(body == new for _, body in seen[-3:]):
        time.sleep(0.05)
    time.sleep(0.2)
    stop.set()
    for c in clients:
        c.join()
    assert seen and all(status == 200 for status, _ in seen)
    assert {body for _, body in seen} <= {old, new}, "a response mixed or broke files"
    assert seen[-1][1] == new, "the rebuilt warehouse was not picked up without a restart"


def test_health_needs_a_real_answer(served, tmp_path):
    base, target, _ = served
    assert fetch(base + "/healthz") == (200, b"ok\n")

    truncated = tmp_path / "truncated.duckdb"
    shutil.copyfile(target, truncated)
    with open(truncated, "r+b") as handle:
        handle.truncate(truncated.stat().st_size // 3)
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"not a database" * 1000)
    for broken in (truncated, garbage):
        client = create_app(settings_for(broken)).server.test_client()
        response = client.get("/healthz")
        assert response.status_code == 503, broken
        assert b"Traceback" not in response.data


def test_a_broken_replacement_keeps_the_previous_file_serving(served, tmp_path, caplog):
    base, target, _ = served
    status, before = fetch(base + "/last-ned/alle-data.csv")
    assert status == 200
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"\0" * 4096)
    broken.replace(target)
    with caplog.at_level(logging.INFO):
        assert fetch(base + "/last-ned/alle-data.csv") == (200, before)
        assert fetch(base + "/healthz")[0] == 200
    assert "warehouse_reopen_failed action=serving_previous" in caplog.text
