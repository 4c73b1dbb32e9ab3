"""`/qr.svg?url=<path+query>`: a QR code of a link to this site, drawn here as SVG.

segno (pure Python, no dependencies) encodes it; no third-party QR service sees which
views people share. Only this site's own paths are encoded: the parameter must be a
path (`/…`), not a URL to elsewhere, so the endpoint cannot be used to make QR codes
that point off-site.
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import flask
import segno
from dash import Dash

from dashboard.web.serving.context import site_root

MAX_LENGTH = 1500


def safe_path(raw: str) -> str | None:
    """`raw` if it is a path on this site (`/…`, no scheme, no host), else None."""
    if not raw or len(raw) > MAX_LENGTH or not raw.startswith("/") or raw.startswith("//"):
        return None
    if "\\" in raw or any(ord(c) < 32 for c in raw):
        return None
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc:
        return None
    return raw


def qr_svg(url: str, title: str = "", scale: int = 4) -> bytes:
    """The QR code of `url` as a standalone SVG: error correction M, never a Micro QR
    (phone cameras often cannot read those), black on white, quiet zone kept. The share
    dialog and Møtemodus's slides (`scale=8`, read across a room) both draw with this."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer,
        kind="svg",
        scale=scale,
        border=4,
        dark="#000000",
        light="#ffffff",
        title=title or None,
        xmldecl=True,
        svgns=True,
    )
    return buffer.getvalue()


def qr_png(url: str, scale: int = 10) -> bytes:
    """The same QR code as `qr_svg` as a PNG, for documents that cannot hold SVG
    (PowerPoint slides made by python-pptx). segno writes PNG itself (no Pillow)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="png", scale=scale, border=4, dark="#000000", light="#ffffff"
    )
    return buffer.getvalue()


def register(app: Dash) -> None:
    @app.server.route("/qr.svg")
    def qr_code():
        path = safe_path(flask.request.args.get("url", ""))
        if path is None:
            return flask.Response(
                "url må være en sti på dette nettstedet, f.eks. /trend?kommune=asker\n",
                status=400,
                mimetype="text/plain",
            )
        url = site_root() + path
        response = flask.Response(qr_svg(url, url), mimetype="image/svg+xml")
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response
