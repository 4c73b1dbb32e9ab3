"""Shared fixtures: the repository's warehouse, fixture data, and the app's test client."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard.build import warehouse

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


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
    from dashboard.web.factory import create_app

    return create_app(Settings(warehouse=warehouse_path, auto_build=False))


@pytest.fixture
def client(app):
    return app.server.test_client()
