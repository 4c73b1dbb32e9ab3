"""What request handlers share: the settings and the read-only store of this app.

Both are put on the Flask app by `create_app`, so tests can create as many apps as they
like with different settings; nothing here is global.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import flask

from dashboard.settings import Settings
from dashboard.store import Warehouse

EXTENSION = "slt"


@dataclass
class AppContext:
    """What request handlers need: settings and the read-only warehouse."""

    settings: Settings
    store: Warehouse


def context() -> AppContext:
    """The current app's context (inside a request or app context)."""
    return flask.current_app.extensions[EXTENSION]


def cursor() -> duckdb.DuckDBPyConnection:
    """This thread's read-only cursor on the warehouse."""
    return context().store.cursor()


def default_language() -> str:
    """The settings' language, or bokmål outside an app context (Dash's layout check)."""
    if not flask.has_app_context():
        return "nb"
    return context().settings.default_language
