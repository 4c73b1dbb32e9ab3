"""Plain HTTP routes beside the Dash pages: health, headers, last-resort errors.

(Downloads live in `downloads.py`, images in `images.py`, embeds in `embed.py`.)
"""

from __future__ import annotations

import logging

import flask
from dash import Dash

import queries
from dashboard.web.serving import headers, static
from dashboard.web.serving.context import context, cursor
from dashboard.words import t

log = logging.getLogger(__name__)


def register(app: Dash) -> None:
    """Add the routes and response hooks to the app's Flask server."""
    server = app.server

    @server.route("/healthz")
    def healthz():
        # A real query on the table the pages read: a truncated or unreadable file fails here.
        try:
            count = int(queries.run(cursor(), "health")["facts"].iloc[0])
        except Exception as exc:
            log.error("health_failed reason=query_error error=%s", type(exc).__name__)
            return flask.Response("warehouse unavailable\n", status=503, mimetype="text/plain")
        if not count:
            log.error("health_failed reason=no_facts")
            return flask.Response("warehouse empty\n", status=503, mimetype="text/plain")
        return flask.Response("ok\n", mimetype="text/plain")

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
            mimetype="text/plain; charset=utf-8",
        )
