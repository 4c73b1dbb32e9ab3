"""`create_app(settings)`: build (if stale) and open the warehouse, then assemble the app.

Nothing happens at import time, so tests can create as many apps as they like with
different settings.
"""

from __future__ import annotations

import logging
from pathlib import Path

from dash import Dash, dcc, html

from dashboard.build import warehouse
from dashboard.build.datafiles import DataError
from dashboard.settings import Settings
from dashboard.store import Warehouse
from dashboard.web import hardening, ids, routes, serving, shell, static
from dashboard.web.context import EXTENSION, AppContext
from dashboard.web.page import register as register_page
from dashboard.web.pages import PAGES, not_found

log = logging.getLogger(__name__)
ASSETS = Path(__file__).resolve().parents[2] / "assets"


def create_app(settings: Settings | None = None) -> Dash:
    """Build (if needed) and open the warehouse, then assemble the Dash app."""
    settings = settings or Settings()
    if settings.auto_build:
        try:
            warehouse.ensure_built(settings.data_dir, settings.warehouse_path)
        except DataError as exc:
            if not settings.warehouse_path.exists():
                raise
            # Bad new data must not take the site down: serve the last good warehouse.
            log.error(
                "data_invalid action=serving the previous warehouse path=%s errors=%s",
                settings.warehouse_path,
                " | ".join(str(exc).splitlines()),
            )
    store = Warehouse(settings.warehouse_path)

    app = Dash(
        __name__,
        use_pages=True,
        pages_folder="",
        assets_folder=str(ASSETS),
        title="SLT-statistikk",
        update_title=None,
        serve_locally=True,
        # The callback wiring is checked by tests (tests/test_headers.py), not by shipping
        # every page's layout in each document as Dash's validation layout (~300 KB).
        suppress_callback_exceptions=True,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {
                "name": "description",
                "content": "Statistikk om barne- og ungdomskriminalitet og forebygging (SLT) "
                "i Bærum, Asker og Oslo.",
            },
        ],
    )
    app.index_string = shell.INDEX
    app.server.extensions[EXTENSION] = AppContext(settings, store)

    for order, spec in enumerate(PAGES):
        register_page(app, spec, order)
    not_found.register(app, len(PAGES))
    app.layout = html.Div(
        [shell.shell(PAGES), dcc.Store(id=ids.LANG_STORE), dcc.Store(id=ids.HASH_STORE)]
    )
    shell.register_callbacks(app, PAGES)
    routes.register(app)
    hardening.register(app)
    serving.install_cache(app, store, settings.callback_cache_mb, settings.callback_cache_dir)
    serving.cache_downloads(app, store, ("download_chart", "download_all"))
    serving.install_pinning(app, store)
    static.install(app, ASSETS, settings.static_cache_dir).warm()
    return app
