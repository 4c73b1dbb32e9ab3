"""Plain HTTP routes beside the Dash pages: downloads, health, headers, last-resort errors."""

from __future__ import annotations

import io
import logging

import flask
import pandas as pd
from dash import Dash

import queries
from dashboard import export
from dashboard.charts.catalog import REGISTRY
from dashboard.state import parse
from dashboard.web import headers, static
from dashboard.web.context import context, cursor
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

    @server.route("/last-ned/alle-data.csv")
    def download_all():
        lang = flask.request.args.get("lang", "nb")
        lang = lang if lang in ("nb", "en") else "nb"
        frame = export.all_facts(cursor(), lang=lang)
        return csv_response(frame, "slt-statistikk-alle-data.csv")

    @server.route("/last-ned/<chart_id>.csv")
    def download_chart(chart_id: str):
        chart = REGISTRY.get(chart_id)
        if chart is None:
            return flask.Response(
                "Ukjent figur / unknown chart\n", status=404, mimetype="text/plain; charset=utf-8"
            )
        state = parse(chart.params, flask.request.args.to_dict(flat=False))
        result = chart.build(cursor(), state)
        frame = result.data.copy()
        if "value" in frame.columns:
            frame["value"] = frame["value"].map(export.number_text)
        return csv_response(frame, f"{chart_id}.csv")

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


def csv_response(frame: pd.DataFrame, filename: str) -> flask.Response:
    """A CSV attachment with a BOM, so Excel opens Norwegian letters correctly."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return flask.Response(
        "\ufeff" + buffer.getvalue(),
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
