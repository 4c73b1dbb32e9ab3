"""`assemble(settings)`: open the built warehouse and assemble the app (`dashboard.startup`
builds it first when it is stale).

Nothing happens at import time, so tests can create as many apps as they like with
different settings.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import Dash, dcc, html

from dashboard.settings import Settings
from dashboard.store import Warehouse
from dashboard.web.layout import document, ids, shell
from dashboard.web.layout.first_paint import FirstPaint
from dashboard.web.layout.page import register as register_page
from dashboard.web.outputs import api, downloads, embed, report, share
from dashboard.web.outputs import images as chart_images
from dashboard.web.pages import (
    alder_og_kjonn,
    apne_data,
    geografi,
    hva_er_nytt,
    kommuner,
    mote,
    not_found,
    om_dataene,
    oversikt,
    tilgjengelighet,
    trend,
    trygghetsprogrammet,
)
from dashboard.web.serving import cache as serving
from dashboard.web.serving import hardening, routes, static, work
from dashboard.web.serving.context import EXTENSION, AppContext
from dashboard.web.serving.static import ASSETS_DIR

#: Page specs in navigation order (the 404 page is not in the navigation).
PAGES = tuple(
    module.SPEC
    for module in (oversikt, trend, geografi, alder_og_kjonn, trygghetsprogrammet, om_dataene)
)
#: Pages outside the main navigation (linked from the footer), after PAGES in Dash's order.
EXTRA_PAGES = (tilgjengelighet.SPEC, hva_er_nytt.SPEC, apne_data.SPEC, kommuner.SPEC)
#: Pages with a register(app, order, pages) of their own, outside the navigation.
OTHER_PAGES = (mote,)


def _frame(path: str, lang: str, query: Mapping[str, object]) -> tuple[html.Div, dict]:
    """The frame of a view's first paint, its navigation as the shell callback sets it."""
    shared = {k: str(v) for k, v in query.items() if k in shell.SHARED}
    return shell.shell(PAGES, lang), {ids.NAV: shell.nav_links(PAGES, path, lang, shared)}


def assemble(settings: Settings) -> Dash:
    """Open the (built) warehouse read-only and assemble the Dash app around it."""
    store = Warehouse(settings.warehouse_path)

    app = Dash(
        __name__,
        use_pages=True,
        pages_folder="",
        assets_folder=str(ASSETS_DIR),
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
    document.install(
        app,
        (*PAGES, *EXTRA_PAGES, *(m.SPEC for m in OTHER_PAGES)),
        extra=api.head_tags,
        # The view as HTML in the document, before the scripts run (not Møtemodus, and not
        # the list of every kommune: its live columns are laid out otherwise, and the
        # swap moved the list on a desktop, CLS 0.1).
        first_paint=FirstPaint(
            [spec.path for spec in (*PAGES, *EXTRA_PAGES) if spec is not kommuner.SPEC], _frame
        ),
    )
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
    work.install(app, settings)  # slots for images, ZIPs and Excel files (before them)
    # Compression is an after-request hook: hooks registered after it (link previews)
    # run before it and see the document uncompressed.
    static.install(app, ASSETS_DIR, settings.static_cache_dir).warm()
    chart_images.register(app)
    downloads.register(app)
    report.register(app, PAGES)
    embed.register(app, head=api.embed_head)
    api.register(app)  # open data: /api/v1/, /katalog, /endringer.atom, /oembed
    share.register(app)
    hardening.register(app)
    serving.install_cache(
        app,
        store,
        settings.callback_cache_mb,
        settings.callback_cache_dir,
        settings.callback_shared_mb,
    )
    serving.cache_routes(app, store)  # downloads, by the views their routes registered
    serving.install_pinning(app, store)
    return app
