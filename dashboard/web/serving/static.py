"""Static files served light: compressed once, fingerprinted by content, cached for a year.

Flask streams `/assets/` and Dash serves its component bundles uncompressed, with a
fingerprint that states the Dash version. Here both are served from memory: each file is
read once, compressed once (brotli and gzip, kept in a small disk cache keyed by content
so a restart does not pay brotli's highest level again), and answered by negotiation with
`Vary: Accept-Encoding`. The page's URLs carry a content hash instead of version numbers,
so a fingerprinted URL can be cached `immutable` for a year; an unfingerprinted one is
revalidated with its ETag.

The document itself is rewritten on the way out (`rewrite_index`): version numbers are
removed from Dash's config, and the hashes of its inline scripts are collected for the
Content-Security-Policy (`script_hashes`).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import logging
import mimetypes
import pkgutil
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import brotli
import flask
from dash import Dash
from dash import _callback as dash_callback
from dash.fingerprint import check_fingerprint

from dashboard.web.serving import bundles

log = logging.getLogger(__name__)

EXTENSION = "slt.static"  # key of the StaticFiles on the Flask app
SUITES = "/_dash-component-suites/"
#: The repository's assets/ folder (served by Dash under /assets/).
ASSETS_DIR = Path(__file__).resolve().parents[3] / "assets"
ASSETS = "/assets/"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
COMPRESSIBLE = (".js", ".css", ".json", ".svg", ".map", ".txt", ".html", ".mjs", ".ico")
FAVICON = "/_favicon.ico"
DAY = "public, max-age=86400"
#: Dynamic responses (the document, callback JSON, CSV) larger than this are compressed
#: per request at fast levels (~0.1 ms for a document); cached callback answers are
#: compressed once when they enter the cache (see `serving`).
DYNAMIC_TYPES = ("text/html", "application/json", "text/csv")
MIN_COMPRESS = 512  # bytes: smaller files are not worth a Content-Encoding
#: Files compressed at start at brotli's best level (~1.5 s per MB, then from the disk
#: cache). Larger ones are bundles the pages never load (full plotly.js, MathJax,
#: dash_table's 4 MB commons): if asked for, they are compressed at a fast level then.
BEST_MAX = 1_500_000
#: WSGI environ key of the document render that only discovers the static files.
DISCOVERY = "slt.static_discovery"
#: Keys of Dash's page config that state versions of Python, Dash or Plotly.
VERSION_KEYS = (
    "dash_version",
    "python_version",
    "plotly_version",
    "ddk_version",
    "dash_version_url",
)

#: Dash's fingerprinted URL: <package>/<dir/><name>.v<version>m<mtime>.<extension(s)>
_FINGERPRINT = re.compile(
    r"(/_dash-component-suites/([^/\"]+)/([^\"?]*/)?([^/.\"]+))\.v[\w-]+?m[0-9a-fA-F]+\.([^\"?]+)\""
)
#: An asset URL in the document, with Dash's modification-time query or none (links the
#: document writes itself, e.g. the SVG favicon): every one gets the content hash.
_ASSET_QUERY = re.compile(r"(/assets/([^\"?]+))(?:\?m=[0-9.]+)?\"")
_FAVICON = re.compile(r"(/_favicon\.ico)\?v=[^\"]+\"")
_CONFIG = re.compile(r'(<script id="_dash-config" type="application/json">)(.*?)(</script>)', re.S)
#: Inline scripts the browser runs (their hashes go into the CSP); JSON data blocks
#: (`application/json`, `application/ld+json`) are never run, so they need no hash.
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S
)


@dataclass(frozen=True)
class Entry:
    """One static file, ready to send in each encoding."""

    body: bytes
    br: bytes | None
    gz: bytes | None
    mimetype: str
    digest: str  # content hash (hex): fingerprint and ETag

    @property
    def fingerprint(self) -> str:
        return self.digest[:16]


def _compress(data: bytes, cache_dir: Path | None, best: bool) -> tuple[bytes, bytes]:
    """(brotli, gzip) of `data`, from the disk cache when this content was seen before."""
    digest = hashlib.sha256(data).hexdigest()
    level = "11" if best else "5"
    if cache_dir is not None:
        br_path, gz_path = cache_dir / f"{digest}.{level}.br", cache_dir / f"{digest}.{level}.gz"
        try:
            return br_path.read_bytes(), gz_path.read_bytes()
        except OSError:
            pass
    br = brotli.compress(data, quality=int(level))
    gz = gzip.compress(data, compresslevel=9 if best else 6, mtime=0)
    if cache_dir is not None:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            for path, blob in ((br_path, br), (gz_path, gz)):
                tmp = path.with_suffix(path.suffix + ".tmp")
                tmp.write_bytes(blob)
                tmp.replace(path)  # atomic: concurrent workers never read half a file
        except OSError as exc:  # a read-only disk only costs the next start time
            log.warning("static_cache_unwritable dir=%s error=%s", cache_dir, type(exc).__name__)
    return br, gz


def make_entry(name: str, data: bytes, cache_dir: Path | None, best: bool = True) -> Entry:
    mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if mimetype.startswith("text/") or mimetype.endswith(("javascript", "json")):
        mimetype += "; charset=utf-8"
    br = gz = None
    if name.endswith(COMPRESSIBLE) and len(data) >= MIN_COMPRESS:
        br, gz = _compress(data, cache_dir, best)
    return Entry(data, br, gz, mimetype, hashlib.sha256(data).hexdigest())


def accepted(header: str | None) -> set[str]:
    """Encodings a client accepts (q=0 means refused)."""
    out = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            if float(q) > 0:
                out.add(name.strip().lower())
        except ValueError:
            continue
    return out


def respond(entry: Entry, cache_control: str) -> flask.Response:
    """The entry in the best encoding the client accepts, with validators and caching."""
    encodings = accepted(flask.request.headers.get("Accept-Encoding"))
    body, encoding = entry.body, None
    if entry.br is not None and "br" in encodings:
        body, encoding = entry.br, "br"
    elif entry.gz is not None and ("gzip" in encodings or "*" in encodings):
        body, encoding = entry.gz, "gzip"
    etag = f'"{entry.fingerprint}-{encoding or "id"}"'
    headers = {"Cache-Control": cache_control, "ETag": etag}
    if entry.br is not None:
        headers["Vary"] = "Accept-Encoding"
    if holds_current(entry, flask.request.headers.get("If-None-Match")):
        return flask.Response(status=304, headers=headers)
    if encoding:
        headers["Content-Encoding"] = encoding
    return flask.Response(body, content_type=entry.mimetype, headers=headers)


def holds_current(entry: Entry, if_none_match: str | None) -> bool:
    """Whether the client's cached copy (named by `If-None-Match`) is this content, in any
    encoding: a copy fetched as br, gzip or identity is the same file, so a client that
    revalidates with any of the three tags (weak or strong, or `*`) gets a 304."""
    if not if_none_match:
        return False
    for tag in if_none_match.split(","):
        tag = tag.strip().removeprefix("W/")
        if tag == "*" or tag.strip('"').rpartition("-")[0] == entry.fingerprint:
            return True
    return False


class StaticFiles:
    """Assets and Dash's component bundles from memory, compressed once per content."""

    def __init__(self, app: Dash, assets_dir: Path, cache_dir: Path | None):
        self.app = app
        self.assets_dir = assets_dir.resolve()
        self.cache_dir = cache_dir
        self._entries: dict[tuple[str, str], Entry] = {}
        self._lock = threading.Lock()
        self.script_hashes: set[str] = set()

    # -- files -------------------------------------------------------------------------
    def suite(self, package: str, path: str, best: bool = False) -> Entry | None:
        """A registered component-suite file, or None (unknown paths are 404)."""
        if path not in self.app.registered_paths.get(package, ()):
            return None
        key = (package, path)
        entry = self._entries.get(key)
        if entry is None:
            try:
                data = pkgutil.get_data(package, path)
            except (OSError, ImportError, ValueError):
                return None
            if data is None:
                return None
            data = bundles.chunk_names(data, path, lambda rel: self._file(package, rel))
            entry = self._store(key, path, data, best or len(data) <= BEST_MAX)
        return entry

    def _file(self, package: str, path: str) -> bytes | None:
        """A registered file of a component suite as the package has it, or None."""
        if path not in self.app.registered_paths.get(package, ()):
            return None
        try:
            return pkgutil.get_data(package, path)
        except (OSError, ImportError, ValueError):
            return None

    def asset(self, rel: str) -> Entry | None:
        """A file inside the assets folder (never outside it), or None."""
        key = ("assets", rel)
        entry = self._entries.get(key)
        if entry is None:
            try:
                path = (self.assets_dir / rel).resolve()
                if not path.is_relative_to(self.assets_dir) or not path.is_file():
                    return None
                data = path.read_bytes()
            except (OSError, ValueError):
                return None
            entry = self._store(key, rel, data, True)
        return entry

    def _store(self, key: tuple[str, str], name: str, data: bytes, best: bool) -> Entry:
        entry = make_entry(name, data, self.cache_dir, best)
        with self._lock:
            self._entries[key] = entry
        return entry

    # -- serving -----------------------------------------------------------------------
    def serve(self) -> flask.Response | None:
        """`before_request`: answer static paths here; None lets Flask route the rest."""
        path = flask.request.path
        if flask.request.method not in ("GET", "HEAD"):
            return None
        if path.startswith(SUITES):
            package, _, rest = path[len(SUITES) :].partition("/")
            rel, fingerprinted = check_fingerprint(rest)
            entry = self.suite(package, rel)
            if entry is None:
                return flask.Response("not found\n", status=404, mimetype="text/plain")
            return respond(entry, IMMUTABLE if fingerprinted else REVALIDATE)
        if path == FAVICON:
            entry = self._entries.get(("dash", "favicon.ico")) or self._store(
                ("dash", "favicon.ico"),
                "favicon.ico",
                pkgutil.get_data("dash", "favicon.ico") or b"",
                True,
            )
            return respond(entry, DAY)
        if path.startswith(ASSETS):
            entry = self.asset(path[len(ASSETS) :])
            if entry is None:
                return flask.Response("not found\n", status=404, mimetype="text/plain")
            hashed = flask.request.args.get("v") == entry.fingerprint
            return respond(entry, IMMUTABLE if hashed else REVALIDATE)
        return None

    # -- the document ------------------------------------------------------------------
    def rewrite_index(self, html: str) -> str:
        """Content hashes instead of versions in URLs; no versions in the config."""

        def suite_url(m: re.Match) -> str:
            rel = f"{m.group(3) or ''}{m.group(4)}.{m.group(5)}"
            entry = self.suite(m.group(2), rel, best=True)
            tag = entry.fingerprint if entry is not None else "0"
            return f'{m.group(1)}.v{tag}m0.{m.group(5)}"'

        def asset_url(m: re.Match) -> str:
            entry = self.asset(m.group(2))
            return f'{m.group(1)}?v={entry.fingerprint}"' if entry else f'{m.group(1)}"'

        def config(m: re.Match) -> str:
            data = json.loads(m.group(2))
            for key in VERSION_KEYS:
                data.pop(key, None)
            text = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
            return m.group(1) + text + m.group(3)

        html = _FINGERPRINT.sub(suite_url, html)
        html = _ASSET_QUERY.sub(asset_url, html)
        html = _FAVICON.sub(r'\1"', html)
        html = _CONFIG.sub(config, html)
        hashes = {
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in _INLINE_SCRIPT.findall(html)
        }
        if not hashes <= self.script_hashes:
            with self._lock:
                self.script_hashes = self.script_hashes | hashes
        return html

    def warm(self) -> None:
        """Render the document once (registers Dash's paths), then load every file it names.

        Marked as a discovery render (`DISCOVERY`): it runs in gunicorn's master before the
        fork, where the document must not read the warehouse (a DuckDB connection used
        before a fork can hang the workers)."""
        with self.app.server.test_request_context("/", environ_base={DISCOVERY: True}):
            html = self.app.index()
        for package, rel in re.findall(r"/_dash-component-suites/([^/\"]+)/([^\"?]+)\"", html):
            self.suite(package, check_fingerprint(rel)[0], best=True)
        for package, paths in list(self.app.registered_paths.items()):
            for rel in sorted(paths):
                if rel.endswith((".js", ".css")) and "plotly.min.js" not in rel:
                    self.suite(package, rel)  # source maps and the full plotly.js: lazily
        for path in sorted(self.assets_dir.rglob("*")):
            if path.is_file():
                self.asset(path.relative_to(self.assets_dir).as_posix())


def encode(body: bytes, accept: str | None) -> tuple[bytes, str | None]:
    """A dynamic body in the best encoding the client accepts (fast levels)."""
    encodings = accepted(accept)
    if "br" in encodings:
        return brotli.compress(body, quality=2), "br"
    if "gzip" in encodings:
        return gzip.compress(body, compresslevel=5, mtime=0), "gzip"
    return body, None


def compress_dynamic(response: flask.Response) -> flask.Response:
    """`after_request`: compress documents, JSON and CSV answers that are not yet encoded."""
    if (
        response.direct_passthrough
        or response.status_code != 200
        or "Content-Encoding" in response.headers
        or response.mimetype not in DYNAMIC_TYPES
    ):
        return response
    body = response.get_data()
    response.vary.add("Accept-Encoding")
    if len(body) < MIN_COMPRESS:
        return response
    data, encoding = encode(body, flask.request.headers.get("Accept-Encoding"))
    if encoding:
        response.set_data(data)
        response.headers["Content-Encoding"] = encoding
    return response


def _once_set_up(app: Dash, build: Callable[[], str]) -> Callable[[], str]:
    """`build()` until Dash's first-request setup is done, then its result kept — built
    again whenever a callback registered since has an inline (clientside) script pending."""
    kept: list[str] = []

    def cached() -> str:
        if kept and not dash_callback.GLOBAL_INLINE_SCRIPTS:
            return kept[0]
        value = build()
        kept[:] = [value] if all(app._got_first_request.values()) else []
        return value

    return cached


def install(app: Dash, assets_dir: Path, cache_dir: Path | None) -> StaticFiles:
    """Serve static files from memory and rewrite the document; returns the file store."""
    files = StaticFiles(app, assets_dir, cache_dir)
    original = app.interpolate_index

    def interpolate_index(**kwargs) -> str:
        return files.rewrite_index(original(**kwargs))

    app.interpolate_index = interpolate_index  # type: ignore[method-assign, assignment]
    # Dash stats and imports every bundle on each document it renders (~3 ms); the lists of
    # scripts and stylesheets do not change once Dash has set up its server (the assets
    # folder is read on the first request): from then on, build them once.
    app._generate_scripts_html = _once_set_up(  # type: ignore[method-assign]
        app, bundles.without_unused(app._generate_scripts_html)
    )
    # The plotly.js bundle goes only into pages that draw charts (see `bundles`).
    app.config.assets_ignore = bundles.ASSETS_IGNORE
    app._generate_css_dist_html = _once_set_up(app, app._generate_css_dist_html)  # type: ignore[method-assign]
    # Run before Dash's own hooks would route the request to its (uncompressed) views.
    app.server.before_request_funcs.setdefault(None, []).insert(0, files.serve)
    app.server.after_request(compress_dynamic)
    app.server.extensions[EXTENSION] = files
    return files
