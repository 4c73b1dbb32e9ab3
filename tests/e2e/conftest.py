"""End-to-end fixtures: the real app on a free port, one headless Chromium, fresh browsers.

The browser tests drive the pages as a visitor does (clicks, back button, copied URLs)
and compare what is rendered with the warehouse the server reads. Nothing is
downloaded: they use the system's Chromium and chromedriver (Debian packages). When
those are missing the tests are skipped with a reason on a developer machine and fail
loudly when the environment variable CI is set, so a CI run can never pass by skipping.

Run them with ``python -m pytest tests/e2e -q`` (or ``-m browser``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from dashboard.build import warehouse
from tests.e2e.browser import HEIGHT, WIDTH, LiveServer, browser_log, make_driver, quit_driver
from tests.paths import DATA_DIR


@pytest.fixture(scope="session")
def e2e_warehouse(tmp_path_factory) -> Path:
    """A warehouse built from the repository's data/ into a temporary folder."""
    path = tmp_path_factory.mktemp("e2e-warehouse") / "warehouse.duckdb"
    warehouse.build(DATA_DIR, path)
    return path


@pytest.fixture(scope="session")
def facts_db(e2e_warehouse) -> Iterator[duckdb.DuckDBPyConnection]:
    """Read-only connection to the very warehouse the server reads (expected values)."""
    connection = duckdb.connect(str(e2e_warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def live_server(e2e_warehouse) -> Iterator[LiveServer]:
    """The real app (create_app) served by werkzeug on a free port in a background thread."""
    from werkzeug.serving import make_server

    from dashboard.settings import Settings
    from dashboard.startup import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    app = create_app(Settings(warehouse=e2e_warehouse))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(f"http://127.0.0.1:{server.server_port}", e2e_warehouse)
    finally:
        server.shutdown()
        thread.join(timeout=5)
        with contextlib.suppress(Exception):
            app.server.extensions["slt"].store.close()


# ------------------------------------------------------------------ browsers


@pytest.fixture(scope="session")
def _session_driver():
    driver = make_driver()
    yield driver
    quit_driver(driver)


@pytest.fixture
def driver(_session_driver, live_server):
    """The shared Chromium at 1280x800, with the browser log emptied before the test."""
    _session_driver.set_window_size(WIDTH, HEIGHT)
    browser_log(_session_driver)  # discard what earlier tests left
    yield _session_driver
    _session_driver.set_window_size(WIDTH, HEIGHT)


@pytest.fixture
def new_browser() -> Iterator[Callable[[], object]]:
    """Factory for extra, completely fresh Chromium instances (quit after the test)."""
    started: list = []

    def start():
        started.append(make_driver())
        return started[-1]

    yield start
    for extra in started:
        quit_driver(extra)
