"""Response headers for every kind of response: security policy and caching.

`content_security_policy(path, …)` is the one place the policy is computed for a request
path, so a route with different needs (e.g. `/embed/*`, framed by other sites) changes
only its own branch here.

Why the policy says what it says:
- scripts: only files from this site plus Dash's inline scripts by their SHA-256 hashes
  (the renderer start-up line and the clientside callbacks; collected from the document
  by `static.StaticFiles.rewrite_index`). No 'unsafe-inline', no 'unsafe-eval': Dash 4,
  dcc and plotly.js's basic bundle run without them (checked in headless Chromium).
- styles: 'unsafe-inline' is needed, for styles only: plotly.js injects its rules as a
  `<style>` element at run time (`Lib.addStyleRule`) and sets `style` attributes on SVG
  nodes, and React sets inline `style` attributes on Dash components. Inline styles cannot
  run code; scripts stay locked down.
- images/fonts: 'self' plus data: and blob: (plotly's icons and image export).
"""

from __future__ import annotations

from collections.abc import Iterable

import flask
from werkzeug.serving import WSGIRequestHandler

from dashboard.settings import Settings

#: Cache-Control by kind of response (static files set their own in `static`).
NO_STORE = "no-store"
HTML = "no-cache"  # revalidate every time: each document carries a per-load token
CSV = "public, max-age=300"  # changes only with a rebuild; five minutes is harmless
DEFAULT = "no-cache"
PERMISSIONS = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "accelerometer=(), gyroscope=(), magnetometer=()"
)


def content_security_policy(path: str, settings: Settings, script_hashes: Iterable[str]) -> str:
    """The CSP for a request path: embeds may be framed by the sites the settings name
    (default any), the full pages only by the site itself."""
    embed = path.startswith("/embed/")
    frame_ancestors = settings.embed_frame_ancestors if embed else settings.frame_ancestors
    scripts = " ".join(["'self'", *sorted(script_hashes)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def cache_control(path: str, response: flask.Response) -> str:
    """Cache-Control for a response that has none yet."""
    if path == "/_dash-update-component" or path == "/healthz" or response.status_code >= 400:
        return NO_STORE
    if response.mimetype == "text/csv":
        return CSV
    if response.mimetype == "text/html":
        return HTML
    return DEFAULT


def apply(
    response: flask.Response, path: str, settings: Settings, script_hashes: Iterable[str]
) -> flask.Response:
    """Set the security and caching headers a response does not set itself."""
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("Permissions-Policy", PERMISSIONS)
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault(
        "Content-Security-Policy", content_security_policy(path, settings, script_hashes)
    )
    if settings.hsts_max_age > 0:
        headers.setdefault(
            "Strict-Transport-Security", f"max-age={settings.hsts_max_age}; includeSubDomains"
        )
    if "Cache-Control" not in headers:
        headers["Cache-Control"] = cache_control(path, response)
    headers.pop("Server", None)  # no software or version names in responses
    return response


class QuietRequestHandler(WSGIRequestHandler):
    """The development server's handler without its `Server: Werkzeug/… Python/…`
    header (`slt-dashboard serve`; gunicorn.conf.py drops gunicorn's)."""

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() != "server":
            super().send_header(keyword, value)
