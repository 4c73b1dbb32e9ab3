"""Plain HTTP routes beside the Dash pages: health, headers, last-resort errors.

(Downloads live in `downloads.py`, images in `images.py`, embeds in `embed.py`.)
"""

from __future__ import annotations

import logging

import flask
from dash import Dash

from dashboard.web import embed
from dashboard.web.context import context, cursor
from dashboard.words import t

log = logging.getLogger(__name__)


def register(app: Dash) -> None:
    """Add the routes and response hooks to the app's Flask server."""
    server = app.server

    @server.route("/healthz")
    def healthz():
        try:
            cursor().execute("SELECT count(*) FROM fact").fetchall()
        except Exception:  # pragma: no cover - reported, not raised
            log.exception("health check failed")
            return flask.Response("warehouse unavailable\n", status=503, mimetype="text/plain")
        return flask.Response("ok\n", mimetype="text/plain")

    @server.after_request
    def security_headers(response: flask.Response) -> flask.Response:
        settings = context().settings
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        response.headers.setdefault(
            "Content-Security-Policy",
            embed.frame_policy(flask.request.path, settings)
            or f"frame-ancestors {settings.frame_ancestors}",
        )
        return response

    @server.errorhandler(500)
    def server_error(_exc):  # pragma: no cover - last resort
        return flask.Response(
            f"{t('error.title')}. {t('error.body')}\n",
            status=500,
            mimetype="text/plain; charset=utf-8",
        )
