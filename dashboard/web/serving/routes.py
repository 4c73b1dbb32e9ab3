"""Plain HTTP routes beside the Dash pages: health, headers, last-resort errors.

Every unknown path gets the site's own not-found page with status 404 (Flask's `/static/`
route and Werkzeug's HTML error pages included), other HTTP errors a short plain-text
answer, and Dash's development routes (`/_reload-hash`) answer only in debug mode.

(Downloads live in `downloads.py`, images in `images.py`, embeds in `embed.py`.)
"""

from __future__ import annotations

import logging

import flask
from dash import Dash
from werkzeug.exceptions import HTTPException

import queries
from dashboard.store import Refusal
from dashboard.web.serving import headers, static
from dashboard.web.serving.context import EXTENSION, context, cursor
from dashboard.words import t

log = logging.getLogger(__name__)


#: Routes Dash and Flask add that the site does not serve: Flask's static folder (the
#: site's files are under /assets/), and Dash's hot-reload poll (development only).
UNSERVED = ("static",)
DEVELOPMENT = ("/_reload-hash",)


def not_found_page(app: Dash) -> flask.Response:
    """The site's own not-found page (the app's document for an unknown path), 404."""
    response = flask.make_response(app.index())
    response.status_code = 404
    return response


def plain_error(exc: HTTPException) -> flask.Response:
    """A short plain-text answer for an HTTP error other than a page's 404 (e.g. a POST to
    a page: 405), instead of Werkzeug's HTML."""
    response = flask.Response(
        f"{exc.code} {exc.name}\n",
        status=exc.code or 500,
        content_type="text/plain; charset=utf-8",
    )
    allowed = getattr(exc, "valid_methods", None)  # MethodNotAllowed says which
    if exc.code == 405 and allowed:
        response.headers["Allow"] = ", ".join(sorted(allowed))
    return response


def register(app: Dash) -> None:
    """Add the routes and response hooks to the app's Flask server."""
    server = app.server
    debug = context_settings(app).debug
    for endpoint in UNSERVED + (() if debug else DEVELOPMENT):
        if endpoint in server.view_functions:
            server.view_functions[endpoint] = lambda *_a, **_k: not_found_page(app)

    @server.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        """The site's page for 404; a short plain-text answer for other HTTP errors (e.g. a
        POST to a page: 405), instead of Werkzeug's HTML."""
        if exc.code == 404 and flask.request.method in ("GET", "HEAD"):
            return not_found_page(app)
        return plain_error(exc)

    @server.route("/healthz")
    def healthz():
        # A real query on the table the pages read: a truncated or unreadable file fails here.
        refusal = refusal_text(context().store.refused)
        try:
            count = int(queries.run(cursor(), "health")["facts"].iloc[0])
        except Exception as exc:
            log.error("health_failed reason=query_error error=%s", type(exc).__name__)
            return flask.Response(
                "warehouse unavailable\n" + refusal, status=503, mimetype="text/plain"
            )
        if not count:
            log.error("health_failed reason=no_facts")
            return flask.Response("warehouse empty\n" + refusal, status=503, mimetype="text/plain")
        # Serving a previous (healthy) file while the new one is refused is still serving:
        # 200, so a load balancer keeps the worker; the body says why, the log has an error.
        return flask.Response("ok\n" + refusal, mimetype="text/plain")

    @server.after_request
    def security_headers(response: flask.Response) -> flask.Response:
        files = flask.current_app.extensions.get(static.EXTENSION)
        hashes = files.script_hashes if files is not None else ()
        return headers.apply(response, flask.request.path, context().settings, hashes)

    @server.errorhandler(500)
    def server_error(_exc):  # pragma: no cover - last resort
        return flask.Response(
            f"{t('error.title')}. {t('error.body')}\n",
            status=500,
            content_type="text/plain; charset=utf-8",
        )


def context_settings(app: Dash):
    """The settings of an app being assembled (before any request)."""
    return app.server.extensions[EXTENSION].settings


def refusal_text(refusal: Refusal | None) -> str:
    """What /healthz says about a warehouse file that was refused ("" when none was)."""
    if refusal is None:
        return ""
    serving = {
        "previous": "serving the previous warehouse",
        "last good": "serving the last good warehouse",
        "nothing": "no good warehouse to serve",
    }.get(refusal.serving, refusal.serving)
    return (
        f"warning: the warehouse file was replaced by one that fails the health query "
        f"({refusal.reason}) at {refusal.at}; {serving}. Rebuild it: slt-dashboard build\n"
    )
