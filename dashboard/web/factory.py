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
from dashboard.web import (
    document,
    downloads,
    embed,
    hardening,
    ids,
    report,
    routes,
    serving,
    share,
    shell,
    static,
)
from dashboard.web import images as chart_images
from dashboard.web.context import EXTENSION, AppContext
from dashboard.web.page import register as register_page
from dashboard.web.pages import EXTRA_PAGES, OTHER_PAGES, PAGES, not_found

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
        update_title=None,  # type: ignore[arg-type]  # Dash documents None: no "Updating…" title
        serve_locally=True,
        # The callback wiring is checked by tests (tests/app/test_headers.py), not by shipping
        # every page's layout in each document as Dash's validation layout (~300 KB).
        suppress_callback_exceptions=True,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
        ],
    )
    app.server.extensions[EXTENSION] = AppContext(settings, store)

    for order, spec in enumerate(PAGES + EXTRA_PAGES):
        register_page(app, spec, order)
    not_found.register(app, len(PAGES) + len(EXTRA_PAGES))
    for order, module in enumerate(OTHER_PAGES, start=len(PAGES) + len(EXTRA_PAGES) + 1):
        module.register(app, order, PAGES)  # outside the navigation (Møtemodus)
    # Per-request <head>, 404s, robots, sitemap: every page a path answers for.
    document.install(app, (*PAGES, *EXTRA_PAGES, *(m.SPEC for m in OTHER_PAGES)))
    # A function, so the frame is first drawn in the page's language (no re-wrap, no shift).
    app.layout = lambda: html.Div(
        [
            shell.shell(PAGES, document.layout_language()),
            dcc.Store(id=ids.LANG_STORE),
            dcc.Store(id=ids.HASH_STORE),
        ]
    )
    shell.register_callbacks(app, PAGES)
    routes.register(app)
    # Compression is an after-request hook: hooks registered after it (link previews)
    # run before it and see the document uncompressed.
    static.install(app, ASSETS, settings.static_cache_dir).warm()
    chart_images.register(app)
    downloads.register(app)
    report.register(app, PAGES)
    embed.register(app)
    share.register(app)
    hardening.register(app)
    serving.install_cache(app, store, settings.callback_cache_mb, settings.callback_cache_dir)
    serving.cache_downloads(app, store, ("download_chart", "download_all"))
    serving.install_pinning(app, store)
    return app
