"""Faults an unlucky operator causes, and how the site heals: a warehouse file replaced by
a truncated copy, a worker that starts after that, a read-only data folder.

A truncated DuckDB file opens fine and breaks every view; it must not be adopted. The
previous file keeps serving, `/healthz` says why, and a worker that starts afterwards
(it has no previous file open) serves the same last good file as the others.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dashboard.build import warehouse
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.store import Warehouse


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rename_in(target: Path, data: bytes) -> None:
    """What an operator does: write a file beside the warehouse, rename it over it."""
    incoming = target.with_name("incoming.duckdb")
    incoming.write_bytes(data)
    incoming.replace(target)


@pytest.fixture
def served(fixture_data, tmp_path):
    target = tmp_path / "wh" / "warehouse.duckdb"
    warehouse.build(fixture_data, target)
    settings = Settings(data_dir=fixture_data, warehouse=target, auto_build=False)
    app = create_app(settings)
    return app, target, settings


def test_a_truncated_warehouse_renamed_in_is_not_adopted(served, caplog):
    app, target, settings = served
    client = app.server.test_client()
    before = client.get("/last-ned/alle-data.csv?lang=en")
    assert before.status_code == 200 and client.get("/healthz").data == b"ok\n"
    good = target.read_bytes()
    rename_in(target, good[: len(good) // 2])
    with caplog.at_level(logging.INFO):
        after = client.get("/last-ned/alle-data.csv")
        health = client.get("/healthz")
        page = client.get("/geografi")
    assert after.status_code == 200 and after.data.count(b"\n") == before.data.count(b"\n")
    assert page.status_code == 200
    assert health.status_code == 200  # serving (the previous, healthy file)
    text = health.get_data(as_text=True)
    assert text.startswith("ok\n") and "fails the health query (IOException)" in text
    assert "serving the previous warehouse" in text and "slt-dashboard build" in text
    assert "warehouse_reopen_failed action=serving_previous reason=IOException" in caplog.text
    # A worker that starts now (no file open yet) serves the same last good file.
    fresh = Warehouse(target)
    generation = fresh.current()
    assert fresh.refused is not None and fresh.refused.serving == "last good"
    count = generation.connection.execute("SELECT count(*) FROM fact").fetchall()[0][0]
    assert count == before.data.decode("utf-8-sig").count("\n") - 1
    fresh_app = create_app(settings)
    fresh_client = fresh_app.server.test_client()
    assert fresh_client.get("/last-ned/alle-data.csv").data == after.data
    assert "serving the last good warehouse" in fresh_client.get("/healthz").get_data(as_text=True)
    # A good rebuild is adopted again, and the warning goes.
    warehouse.build(settings.data_dir, target)
    assert client.get("/healthz").data == b"ok\n"
    assert fresh_client.get("/healthz").data == b"ok\n"


def test_a_garbage_file_in_a_fresh_worker_without_a_good_one_says_why(fixture_data, tmp_path):
    target = tmp_path / "warehouse.duckdb"
    target.write_bytes(b"\0" * 8192)
    app = create_app(Settings(data_dir=fixture_data, warehouse=target, auto_build=False))
    health = app.server.test_client().get("/healthz")
    assert health.status_code == 503
    assert health.headers["Retry-After"] == "30"
    assert health.get_data(as_text=True).startswith("warehouse unavailable")


@contextlib.contextmanager
def read_only(folder: Path):
    """The folder cannot be written: immutable for root (chattr +i), mode 555 otherwise."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: a folder cannot be made read-only")
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(mode)


def test_a_read_only_data_folder_with_a_changed_csv_keeps_serving(fixture_data, tmp_path, caplog):
    """SLT_AUTO_BUILD=true, a changed CSV, and a data folder that cannot be written: the
    build fails (its lock file cannot be made), the previous warehouse is served."""
    target = fixture_data / "warehouse.duckdb"
    warehouse.build(fixture_data, target)
    before = digest(target)
    with open(fixture_data / "groups.csv", "a", encoding="utf-8") as handle:
        handle.write("2018,baerum,forhold,gjerningssted,10-17,vold,alle,40,\n")
    with read_only(fixture_data), caplog.at_level(logging.INFO):
        with pytest.raises(OSError):  # the folder really cannot be written
            (fixture_data / "probe").write_text("x")
        app = create_app(Settings(data_dir=fixture_data, auto_build=True))
        client = app.server.test_client()
        assert client.get("/healthz").data == b"ok\n"
        assert client.get("/last-ned/alle-data.csv").status_code == 200
        assert client.get("/last-ned/geografi-anmeldelser.xlsx?kommune=baerum").status_code == 200
    assert "data_invalid action=serving_previous" in caplog.text
    assert digest(target) == before


def test_creating_the_app_reads_no_warehouse(fixture_data, monkeypatch):
    """gunicorn builds the app in its master and forks the workers (preload_app): a DuckDB
    database opened before the fork hangs every worker at its first query (DuckDB's
    thread pool is not fork-safe), so creating the app must not open the warehouse."""
    import dashboard.store as store

    warehouse.build(fixture_data, fixture_data / "warehouse.duckdb")
    opened: list[str] = []
    real = store.duckdb.connect

    def spy(path, *args, **kwargs):
        opened.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(store.duckdb, "connect", spy)
    app = create_app(Settings(data_dir=fixture_data, auto_build=False))
    assert opened == [], "the app opened the warehouse while being created"
    # ... and the first request does (so the spy sees real opens).
    assert app.server.test_client().get("/healthz").status_code == 200
    assert opened
