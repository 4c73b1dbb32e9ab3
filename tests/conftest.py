"""Shared fixtures: the repository's warehouse, fixture data, and the app's test client."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import kaleido
import plotly.io
import pytest
from hypothesis import HealthCheck, settings

from dashboard import dimensions as dims
from dashboard.build import warehouse
from dashboard.store import read_vocabulary
from tests.paths import DATA_DIR, FIXTURE_DATA

# Property tests: a short run on a developer's machine, a long one in CI (`CI` set), or
# choose with HYPOTHESIS_PROFILE=dev|ci. Tests set no example counts of their own.
settings.register_profile(
    "dev",
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile("ci", parent=settings.get_profile("dev"), max_examples=150)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
# The API's property run (tests/app/test_api_openapi.py) walks every operation of its
# OpenAPI description (~30, a chart each among them) in two modes: fewer requests per
# operation, from the same choice of short (local) or long (CI) run.
settings.register_profile("api-dev", parent=settings.get_profile("dev"), max_examples=5)
settings.register_profile("api-ci", parent=settings.get_profile("ci"), max_examples=30)
API_PROFILE = "api-ci" if settings.default.max_examples >= 150 else "api-dev"

#: Whether the test being set up may start Chromium (its `render` or `browser` marker).
_chromium_allowed = {"now": False}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Decided before any fixture of the test runs (module fixtures draw images too)."""
    _chromium_allowed["now"] = any(item.get_closest_marker(m) for m in ("render", "browser"))


def _guarded(original):
    def guard(*args, **kwargs):
        if not _chromium_allowed["now"]:
            raise AssertionError(
                "this test draws an image with Chromium: mark it @pytest.mark.render"
            )
        return original(*args, **kwargs)

    return guard


def pytest_configure(config):
    """The quick command (`-m "not browser and not render"`) must start no Chromium.

    A test that draws an image (kaleido drives the system Chromium) carries the `render`
    marker; an unmarked test that tries fails with the reason, so the marker cannot
    silently go missing.
    """
    kaleido.start_sync_server = _guarded(kaleido.start_sync_server)
    plotly.io.to_image = _guarded(plotly.io.to_image)


@pytest.fixture(scope="session")
def warehouse_path(tmp_path_factory) -> Path:
    """A warehouse built from the repository's real data/ (once per test session)."""
    path = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    warehouse.build(DATA_DIR, path)
    return path


@pytest.fixture(scope="session")
def con(warehouse_path):
    """Read-only connection to the real warehouse."""
    connection = duckdb.connect(str(warehouse_path), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session", autouse=True)
def vocabulary(warehouse_path):
    """The code lists of the real warehouse, in force for every test (as the store makes
    them for each request), so pure functions that name a code can be tested alone."""
    connection = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        found = read_vocabulary(connection.cursor())
    finally:
        connection.close()
    dims.set_default(found)
    return found


@pytest.fixture(autouse=True)
def _default_vocabulary_after_each_test():
    """A test that served its own warehouse leaves its code lists active in this thread
    (the store activates them per request); the next test starts from the real ones."""
    yield
    dims.release()


@pytest.fixture
def fixture_data(tmp_path) -> Path:
    """A writable copy of the small fixture data folder."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def app(warehouse_path):
    """The Dash app on a warehouse built from the real data (auto-build off: it exists)."""
    from dashboard.settings import Settings
    from dashboard.startup import create_app

    # The public address is a setting (never the request's Host): the test client's.
    return create_app(
        Settings(warehouse=warehouse_path, auto_build=False, public_url="http://localhost")
    )


@pytest.fixture
def client(app):
    return app.server.test_client()
