"""`create_app(settings)`: the Dash app, its pages, downloads and HTTP hygiene.

Nothing happens at import time: the warehouse is built (if stale) and opened
read-only here, and handed to pages through the Flask app's extensions, so tests can
create as many apps as they like with different settings.
"""

from __future__ import annotations

import io
import logging
import traceback
from dataclasses import dataclass
from pathlib import Path

import dash
import flask
from dash import Dash, Input, Output, dcc, html

from dashboard import charts, ids, warehouse
from dashboard.datafiles import DataError
from dashboard.i18n import t
from dashboard.settings import Settings
from dashboard.state import parse

log = logging.getLogger(__name__)
ASSETS = Path(__file__).resolve().parent.parent / "assets"

INDEX = """<!DOCTYPE html>
<html lang="nb">
<head>
{%metas%}
<title>{%title%}</title>
{%favicon%}
{%css%}
</head>
<body>
{%app_entry%}
<footer>{%config%}{%scripts%}{%renderer%}</footer>
</body>
</html>"""


@dataclass
class AppContext:
    """What request handlers need: settings and the read-only warehouse."""

    settings: Settings
    store: warehouse.Warehouse


def context() -> AppContext:
    return flask.current_app.extensions["slt"]


def cursor():
    """This thread's read-only cursor on the warehouse."""
    return context().store.cursor()


def _pages():
    from dashboard.pages import (
        alder_og_kjonn,
        geografi,
        not_found,
        om_dataene,
        oversikt,
        trend,
        trygghetsprogrammet,
    )

    return [oversikt, trend, geografi, alder_og_kjonn, trygghetsprogrammet, om_dataene, not_found]


NAV = (
    ("/", "nav.oversikt"),
    ("/trend", "nav.trend"),
    ("/geografi", "nav.geografi"),
    ("/alder-og-kjonn", "nav.alder"),
    ("/trygghetsprogrammet", "nav.trygghet"),
    ("/om-dataene", "nav.om"),
)


def nav_links(pathname: str, lang: str) -> list:
    suffix = "" if lang == "nb" else f"?lang={lang}"
    # Plain links (full navigation): they work without JavaScript and can carry aria-current.
    return [
        html.A(
            t(key, lang),
            href=path + suffix,
            className="nav-link active" if pathname == path else "nav-link",
            **({"aria-current": "page"} if pathname == path else {}),
        )
        for path, key in NAV
    ]


def shell() -> html.Div:
    lang = "nb"
    return html.Div(
        [
            html.A(t("skip", lang), href="#main", className="skip-link", id=ids.SKIP),
            dcc.Location(id=ids.URL, refresh=False),
            html.Header(
                [
                    html.Div(
                        [
                            dcc.Link(
                                t("site.title", lang),
                                href="/",
                                className="site-title",
                                id=ids.SITE_TITLE,
                            ),
                            html.P(t("site.tagline", lang), className="tagline", id=ids.TAGLINE),
                        ],
                        className="brand",
                    ),
                    html.A(
                        t("lang.switch", lang),
                        href="/?lang=en",
                        id=ids.LANG_LINK,
                        className="lang-switch",
                        lang="en",
                        title=t("lang.switch.label", lang),
                    ),
                    html.Nav(
                        nav_links("/", lang),
                        id=ids.NAV,
                        className="site-nav",
                        **{"aria-label": t("nav.label", lang)},
                    ),
                ],
                className="site-header",
            ),
            html.Main(dash.page_container, id="main", tabIndex="-1"),
            html.Footer(
                [
                    html.P(t("footer.about", lang), id=ids.FOOTER_TEXT),
                    html.P(
                        html.A(
                            t("download.all", lang),
                            href="/last-ned/alle-data.csv",
                            id=ids.DOWNLOAD_ALL,
                            download="slt-statistikk-alle-data.csv",
                        )
                    ),
                ],
                className="site-footer",
            ),
        ],
        className="shell",
    )


def _lang_of(search: str | None) -> str:
    from urllib.parse import parse_qs

    values = parse_qs((search or "").lstrip("?")).get("lang", [])
    return values[0] if values and values[0] in ("nb", "en") else "nb"


def _register_shell_callbacks(app: Dash) -> None:
    @app.callback(
        Output(ids.NAV, "children"),
        Output(ids.LANG_LINK, "href"),
        Output(ids.LANG_LINK, "children"),
        Output(ids.LANG_LINK, "lang"),
        Output(ids.LANG_LINK, "title"),
        Output(ids.SKIP, "children"),
        Output(ids.SITE_TITLE, "children"),
        Output(ids.SITE_TITLE, "href"),
        Output(ids.TAGLINE, "children"),
        Output(ids.FOOTER_TEXT, "children"),
        Output(ids.DOWNLOAD_ALL, "children"),
        Output(ids.DOWNLOAD_ALL, "href"),
        Output(ids.NAV, "aria-label"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
    )
    def update_shell(pathname, search):
        from urllib.parse import parse_qsl, urlencode

        lang = _lang_of(search)
        other = "en" if lang == "nb" else "nb"
        query = [(k, v) for k, v in parse_qsl((search or "").lstrip("?")) if k != "lang"]
        if other != "nb":
            query.append(("lang", other))
        switch = (pathname or "/") + ("?" + urlencode(query, safe=",") if query else "")
        home = "/" if lang == "nb" else f"/?lang={lang}"
        return (
            nav_links(pathname or "/", lang),
            switch,
            t("lang.switch", lang),
            other,
            t("lang.switch.label", lang),
            t("skip", lang),
            t("site.title", lang),
            home,
            t("site.tagline", lang),
            t("footer.about", lang),
            t("download.all", lang),
            "/last-ned/alle-data.csv" + ("" if lang == "nb" else "?lang=en"),
            t("nav.label", lang),
        )

    # Pages render after the browser has looked for `#fragment`: scroll to it once it exists.
    app.clientside_callback(
        """function(hash) {
            if (!hash || hash.length < 2) { return window.dash_clientside.no_update; }
            var id = decodeURIComponent(hash.slice(1)), tries = 0;
            (function look() {
                var el = document.getElementById(id);
                if (el) {
                    el.scrollIntoView();
                    if (!el.hasAttribute("tabindex")) { el.setAttribute("tabindex", "-1"); }
                    el.focus({preventScroll: true});
                } else if (tries++ < 50) { setTimeout(look, 100); }
            })();
            return window.dash_clientside.no_update;
        }""",
        Output(ids.HASH_STORE, "data"),
        Input(ids.URL, "hash"),
    )

    # The document language follows the view (screen readers pronounce by it).
    app.clientside_callback(
        """function(search) {
            var m = /[?&]lang=(en|nb)(&|$)/.exec(search || "");
            document.documentElement.lang = m ? m[1] : "nb";
            return window.dash_clientside.no_update;
        }""",
        Output(ids.LANG_STORE, "data"),
        Input(ids.URL, "search"),
    )


def _register_routes(app: Dash) -> None:
    server = app.server

    @server.route("/healthz")
    def healthz():
        try:
            cursor().execute("SELECT count(*) FROM fact").fetchall()
        except Exception:  # pragma: no cover - reported, not raised
            log.exception("health check failed")
            return flask.Response("warehouse unavailable\n", status=503, mimetype="text/plain")
        return flask.Response("ok\n", mimetype="text/plain")

    @server.route("/last-ned/alle-data.csv")
    def download_all():
        from dashboard import export

        lang = flask.request.args.get("lang", "nb")
        lang = lang if lang in ("nb", "en") else "nb"
        frame = export.all_facts(cursor(), lang=lang)
        return _csv_response(frame, "slt-statistikk-alle-data.csv")

    @server.route("/last-ned/<chart_id>.csv")
    def download_chart(chart_id: str):
        chart = charts.REGISTRY.get(chart_id)
        if chart is None:
            return flask.Response(
                "Ukjent figur / unknown chart\n", status=404, mimetype="text/plain; charset=utf-8"
            )
        state = parse(chart.params, flask.request.args.to_dict(flat=False))
        result = chart.build(cursor(), state)
        from dashboard.export import number_text

        frame = result.data.copy()
        if "value" in frame.columns:
            frame["value"] = frame["value"].map(number_text)
        return _csv_response(frame, f"{chart_id}.csv")

    @server.after_request
    def security_headers(response: flask.Response) -> flask.Response:
        settings = context().settings
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        response.headers.setdefault(
            "Content-Security-Policy", f"frame-ancestors {settings.frame_ancestors}"
        )
        return response

    @server.errorhandler(500)
    def server_error(_exc):  # pragma: no cover - last resort
        return flask.Response(
            f"{t('error.title')}. {t('error.body')}\n",
            status=500,
            mimetype="text/plain; charset=utf-8",
        )


def _csv_response(frame, filename: str) -> flask.Response:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return flask.Response(
        "\ufeff" + buffer.getvalue(),  # BOM: Excel opens Norwegian letters correctly
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def error_content(lang: str, exc: BaseException | None = None) -> html.Div:
    """What a visitor sees when a view fails: a friendly message, never a traceback."""
    if exc is not None:
        log.error("view failed: %s", "".join(traceback.format_exception(exc)))
    return html.Div(
        [html.H2(t("error.title", lang)), html.P(t("error.body", lang))],
        className="error-message",
        role="alert",
    )


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
                "data/ is invalid; serving the previous warehouse %s unchanged:\n%s",
                settings.warehouse_path,
                exc,
            )
    store = warehouse.Warehouse(settings.warehouse_path)

    app = Dash(
        __name__,
        use_pages=True,
        pages_folder="",
        assets_folder=str(ASSETS),
        title="SLT-statistikk",
        update_title=None,
        serve_locally=True,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {
                "name": "description",
                "content": "Statistikk om barne- og ungdomskriminalitet og forebygging (SLT) "
                "i Bærum, Asker og Oslo.",
            },
        ],
    )
    app.index_string = INDEX
    app.server.extensions["slt"] = AppContext(settings, store)

    from dashboard.page import register as register_page

    for order, page in enumerate(_pages()):
        if hasattr(page, "SPEC"):
            register_page(app, page.SPEC, order, page.__name__)
        else:  # the 404 page has no spec
            page.register(app, order)
    app.layout = html.Div([shell(), dcc.Store(id=ids.LANG_STORE), dcc.Store(id=ids.HASH_STORE)])
    _register_shell_callbacks(app)
    _register_routes(app)
    return app
