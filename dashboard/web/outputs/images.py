"""Chart images: `/bilde/<chart>.png|.svg` (+ 1200x630 link previews), rendered once, cached.

Rendered with the plotly package's own exporter (kaleido 1.x driving the system
Chromium). One browser is kept per process (`kaleido.start_sync_server`, started on the
first image, not at import): ~0.2 s per image instead of ~2 s for a browser per image.
The kept browser renders one image at a time, so a lock bounds the work: a request
waits at most `image_timeout` seconds for its turn and for its render, then gets a 503.

Images are cached on disk by chart, normalised view state, variant and the warehouse
fingerprint (the hash of its inputs): a rebuild with new data never serves an old
image. `slt-dashboard render-images` fills the cache for the default view of every
chart × kommune. Where no browser is installed, image URLs answer 503 with the
chart's text (title, summary sentence, source) and a link to its data instead.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import html
import json
import logging
import os
import re
import tempfile
import threading
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import duckdb
import flask
import kaleido
import pandas as pd
import plotly.io as pio
from choreographer.browsers.chromium import Chromium
from dash import Dash

import queries
from dashboard import dimensions as dims
from dashboard import printing as images
from dashboard.charts.listing import REGISTRY, ChartResult, on_page
from dashboard.dimensions import kommune_name
from dashboard.settings import Settings
from dashboard.state import parse, to_query
from dashboard.web.outputs.links import IMAGE_PARAMS, PAGE_PATHS, image_url
from dashboard.web.serving.context import EXTENSION as CONTEXT
from dashboard.web.serving.context import cursor, site_root, view

log = logging.getLogger(__name__)

EXTENSION = "slt-images"
#: Bump when the drawing changes, so cached images are drawn again.
RENDER_VERSION = "4"
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


class ImagesUnavailable(RuntimeError):
    """No browser on this host (or it failed): images cannot be rendered."""


class ImagesBusy(RuntimeError):
    """The renderer stayed busy longer than the timeout."""


def find_browser() -> str | None:
    """The Chromium kaleido would use, or None (checked before starting: a kaleido server
    whose browser fails to start leaves its callers waiting forever)."""
    try:
        return Chromium.find_browser(skip_local=False)  # kaleido's own browser finder
    except Exception:  # pragma: no cover - an unusual installation: treat as no browser
        log.exception("looking for a browser failed")
        return None


class Renderer:
    """One kept browser, started lazily, used by one request at a time."""

    def __init__(self, timeout: float = 30, browser: Callable[[], str | None] = find_browser):
        self.timeout = timeout
        self._browser = browser
        self._lock = threading.Lock()
        self._started = False
        self._failed: str | None = None
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None

    def available(self) -> bool:
        return self._failed is None and (self._started or self._browser() is not None)

    def _start(self) -> None:
        if self._started:
            return
        if self._browser() is None:
            self._failed = "no Chromium/Chrome found (install chromium, or set BROWSER_PATH)"
            raise ImagesUnavailable(self._failed)
        # plotly passes its (empty) kaleido options on every call; with a kept server
        # kaleido warns that they are ignored. They are empty: nothing is lost.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        kaleido.start_sync_server(
            mathjax=False, timeout=self.timeout, silence_warnings=True
        )  # no MathJax: it would be fetched from a CDN
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="kaleido")
        self._started = True

    def render(self, figure: dict, fmt: str, size: images.Size) -> bytes:
        """PNG or SVG bytes of a (print-styled) figure dict."""
        if self._failed is not None:
            raise ImagesUnavailable(self._failed)
        if not self._lock.acquire(timeout=self.timeout):
            raise ImagesBusy("the image renderer is busy")
        try:
            self._start()
            assert self._pool is not None
            future = self._pool.submit(_to_image, figure, fmt, size)
            try:
                return future.result(timeout=self.timeout)
            except concurrent.futures.TimeoutError:
                self._failed = f"rendering took longer than {self.timeout} s"
                raise ImagesUnavailable(self._failed) from None
        finally:
            self._lock.release()


def _to_image(figure: dict, fmt: str, size: images.Size) -> bytes:
    scale = size.scale if fmt == "png" else 1
    # A print image is as tall as its layout says (printing.py: many bars need more).
    height = (figure.get("layout") or {}).get("height") or size.height
    return pio.to_image(
        figure, format=fmt, width=size.width, height=height, scale=scale, validate=False
    )


# ------------------------------------------------------------------------ what is drawn


@dataclass(frozen=True)
class ImageRequest:
    """One image: chart, view (normalised query), format, size variant and theme."""

    chart_id: str
    query: tuple[tuple[str, str], ...]
    fmt: str = "png"
    variant: str = "print"
    dark: bool = False

    @classmethod
    def make(
        cls,
        chart_id: str,
        query: Mapping[str, object],
        fmt: str = "png",
        variant: str = "print",
        dark: bool = False,
    ) -> ImageRequest:
        """Normalise: the same view by any spelling of its URL is the same image."""
        chart = REGISTRY[chart_id]
        raw = {k: v for k, v in query.items() if k not in IMAGE_PARAMS}
        state = parse(chart.params, raw)
        normal = to_query(chart.params, state.values)
        return cls(chart_id, tuple(sorted(normal.items())), fmt, variant, dark)

    def key(self, fingerprint: str) -> str:
        text = json.dumps(
            [RENDER_VERSION, fingerprint, self.chart_id, self.query, self.variant, self.dark]
        )
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def state(self):
        chart = REGISTRY[self.chart_id]
        return parse(chart.params, dict(self.query))


def fingerprint(cur: duckdb.DuckDBPyConnection) -> str:
    frame = queries.run(cur, "build_fingerprint")
    return str(frame["fingerprint"].iloc[0]) if not frame.empty else "unknown"


def licence_line(cur: duckdb.DuckDBPyConnection, data: pd.DataFrame) -> str:
    """The distinct licences of the sources behind a chart's rows."""
    if data.empty or "source_id" not in data.columns:
        return ""
    sources = queries.run(cur, "sources")
    used = sources[sources["source_id"].isin(set(data["source_id"]))]
    return "; ".join(dict.fromkeys(str(x) for x in used["licence"] if x))


def view_line(result: ChartResult, values: Mapping[str, object], lang: str) -> str:
    """`Bærum · 2013–2020`: the kommune chosen and the years actually shown."""
    parts: list[str] = []
    chosen = values.get("kommune")
    codes = [chosen] if chosen else []
    names = [kommune_name(str(c), lang) for c in codes if c in dims.MUNICIPALITIES]
    if names:
        parts.append(", ".join(names))
    if "year" in result.data.columns and not result.data.empty:
        years = sorted({int(y) for y in result.data["year"].dropna()})
        if years:
            parts.append(f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]))
    return " · ".join(parts)


def image_figure(
    cur: duckdb.DuckDBPyConnection, request: ImageRequest
) -> tuple[ChartResult, dict | None]:
    """The chart's result and the figure of its image (None: nothing to draw)."""
    state = request.state()
    result = REGISTRY[request.chart_id].build(cur, state)
    if result.figure is None:
        return result, None
    figure = images.print_figure(
        result.figure,
        title=result.title,
        view=view_line(result, state.values, state.lang),
        source=result.source,
        licence=licence_line(cur, result.data),
        lang=state.lang,
        size=request.variant,
        dark=request.dark,
    )
    return result, figure


class ImageService:
    """The renderer and the disk cache of one app (or of the CLI's pre-render run)."""

    def __init__(self, cache_dir: Path, renderer: Renderer):
        self.cache_dir = cache_dir
        self.renderer = renderer

    def path(self, request: ImageRequest, fp: str) -> Path:
        name = f"{request.chart_id}-{request.key(fp)}.{request.fmt}"
        return self.cache_dir / fp[:16] / name

    def cached(self, cur: duckdb.DuckDBPyConnection, request: ImageRequest) -> bytes | None:
        path = self.path(request, fingerprint(cur))
        return path.read_bytes() if path.exists() else None

    def get(
        self, cur: duckdb.DuckDBPyConnection, request: ImageRequest
    ) -> tuple[bytes | None, ChartResult | None]:
        """(image bytes, result) from the cache or freshly drawn; bytes None = no figure."""
        path = self.path(request, fingerprint(cur))
        if path.exists():
            return path.read_bytes(), None
        result, figure = image_figure(cur, request)
        if figure is None:
            return None, result
        data = self.renderer.render(figure, request.fmt, images.SIZES[request.variant])
        _write_atomic(path, data)
        return data, result


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a web server may serve the cache
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def prune(cur: duckdb.DuckDBPyConnection, service: ImageService) -> int:
    """Delete images drawn from other warehouse builds (they are never served again)."""
    keep = fingerprint(cur)[:16]
    removed = 0
    if service.cache_dir.is_dir():
        for folder in service.cache_dir.iterdir():
            if folder.is_dir() and folder.name != keep:
                for file in folder.iterdir():
                    file.unlink(missing_ok=True)
                    removed += 1
                folder.rmdir()
    return removed


def prerender(
    cur: duckdb.DuckDBPyConnection,
    service: ImageService,
    kommuner: tuple[str, ...] | None = None,
    formats: tuple[tuple[str, str], ...] = (("png", "print"), ("svg", "print"), ("png", "og")),
    progress: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Draw the default view of every chart × kommune into the cache: (drawn, skipped)."""
    drawn = skipped = 0
    prune(cur, service)
    for chart_id in REGISTRY:
        for kommune in kommuner or dims.KOMMUNER:
            for fmt, variant in formats:
                request = ImageRequest.make(chart_id, {"kommune": kommune}, fmt, variant)
                data, _result = service.get(cur, request)
                if data is None:
                    skipped += 1
                    continue
                drawn += 1
                if progress:
                    progress(f"{chart_id} {kommune} {variant}.{fmt}")
    return drawn, skipped


# ---------------------------------------------------------------------------- web


def service() -> ImageService:
    return flask.current_app.extensions[EXTENSION]


#: Pages whose views have a link preview (a chart page, or the overview, which previews
#: the first page's chart), by path.
PREVIEWED = {path: page for page, path in PAGE_PATHS.items() if page not in ("om_dataene",)}


def main_chart(path: str, query: Mapping[str, str]) -> tuple[str, ChartResult] | None:
    """The chart a page view opens on: its first chart with a figure for the view (the
    overview: the first such chart of the pages in navigation order), and its result."""
    page = PREVIEWED.get(path.rstrip("/") or "/")
    if page is None:
        return None
    pages = [page] if page != "oversikt" else [p for p in PAGE_PATHS if p != "oversikt"]
    cur = cursor()
    for name in pages:
        for chart in on_page(name):
            names = {p.name for p in chart.params}
            state = view(chart.params, {k: v for k, v in query.items() if k in names})
            if not chart.shown(state):
                continue
            result = chart.build(cur, state)
            if result.figure is not None:
                return chart.chart_id, result
    return None


def og_image_url(chart_id: str, query: Mapping[str, str]) -> str:
    """The link-preview image (1200x630 PNG) of a chart in a view; for `og:image`.

    Relative to the site; make it absolute with `site_root()`.
    """
    names = {p.name for p in REGISTRY[chart_id].params}
    return image_url(chart_id, {k: v for k, v in query.items() if k in names}, og=True)


def plain_text(body: str, status: int, **headers: str) -> flask.Response:
    """A text/plain answer (the fallbacks of images and report figures)."""
    return flask.Response(
        body, status=status, mimetype="text/plain; charset=utf-8", headers=headers or None
    )


def _fallback(request: ImageRequest, reason: str, retry: bool) -> flask.Response:
    """503 with the chart in words: what a reader of the image would have learnt."""
    try:
        result = REGISTRY[request.chart_id].build(cursor(), request.state())
        lines = [result.title, "", result.summary, "", result.source]
    except Exception:  # pragma: no cover - the text fallback must not fail itself
        log.exception("text fallback failed")
        lines = []
    query = urlencode(dict(request.query), safe=",")
    body = "\n".join(
        [
            f"Bildet kan ikke lages akkurat nå / the image cannot be drawn right now ({reason}).",
            "",
            *lines,
            "",
            f"Tallene / the figures: /last-ned/{request.chart_id}.csv"
            + (f"?{query}" if query else ""),
        ]
    )
    headers = {"Retry-After": "5"} if retry else {}
    return plain_text(body + "\n", 503, **headers)


def register(app: Dash) -> None:
    """The image routes, and the app's image service (its browser starts on first use)."""
    server = app.server
    settings = context_settings(app)
    server.extensions[EXTENSION] = ImageService(
        settings.image_cache_path, Renderer(timeout=settings.image_timeout)
    )

    @server.after_request
    def link_preview_tags(response: flask.Response) -> flask.Response:
        return add_preview_tags(response)

    @server.route("/bilde/<chart_id>.og.png")
    def chart_image_og(chart_id: str):
        return _serve(chart_id, "png", "og")

    @server.route("/bilde/<chart_id>.<fmt>")
    def chart_image(chart_id: str, fmt: str):
        variant = "og" if flask.request.args.get("format") == "og" and fmt == "png" else "print"
        return _serve(chart_id, fmt, variant)


def preview_tags(path: str, query: Mapping[str, str]) -> str:
    """og:/twitter: tags of a page view: the title, summary and 1200x630 image of the chart
    the view opens on (for Oslo's /trend that is the comparison, not an empty chart)."""
    found = main_chart(path, query)
    if found is None:  # nothing drawn in this view: the document's own tags stand
        return ""
    base = site_root()
    page_url = base + path + ("?" + urlencode(dict(query), safe=",") if query else "")
    tags = {"og:type": "website", "og:site_name": "SLT-statistikk", "og:url": page_url}
    chart_id, result = found
    image = base + og_image_url(chart_id, query)
    tags |= {
        "og:title": result.title,
        "og:description": result.summary or result.title,
        "og:image": image,
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:alt": result.summary or result.title,
    }
    meta = [f'<meta property="{k}" content="{html.escape(v)}">' for k, v in tags.items()]
    meta += [
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:image" content="{html.escape(image)}">',
    ]
    return "".join(meta)


def add_preview_tags(response: flask.Response) -> flask.Response:
    """Put link-preview tags in a page's <head> unless the document already has them
    (`dashboard/web/document.py` may write the head itself; then this does nothing)."""
    request = flask.request
    if (
        request.method != "GET"
        or response.status_code != 200
        or response.mimetype != "text/html"
        or response.direct_passthrough
        or response.headers.get("Content-Encoding")  # already compressed: not ours to edit
        or (request.path.rstrip("/") or "/") not in PREVIEWED
    ):
        return response
    body = response.get_data(as_text=True)
    head, marker, rest = body.partition("</head>")
    if not marker or re.search(r'property="og:image" content="[^"]', head):
        return response  # the head already previews something
    try:
        flat = {k: v for k, v in request.args.items()}
        tags = preview_tags(request.path, flat)
    except Exception:  # pragma: no cover - a preview must never break the page
        log.exception("link preview tags failed")
        return response
    if not tags:
        return response
    # Dash Pages writes empty og:/twitter: tags; they are replaced by the view's own.
    head = re.sub(r'\s*<meta property="(?:og|twitter):[^"]*" content="[^"]*">', "", head)
    response.set_data(head + tags + marker + rest)
    return response


def context_settings(app: Dash) -> Settings:
    return app.server.extensions[CONTEXT].settings


def _serve(chart_id: str, fmt: str, variant: str) -> flask.Response:
    if chart_id not in REGISTRY or fmt not in FORMATS:
        return plain_text("Ukjent figur / unknown chart\n", 404)
    args = flask.request.args.to_dict(flat=False)
    dark = flask.request.args.get("tema") == "mork"
    request = ImageRequest.make(chart_id, args, fmt, variant, dark)
    try:
        data, result = service().get(cursor(), request)
    except ImagesBusy:
        return _fallback(request, "opptatt / busy", retry=True)
    except ImagesUnavailable as exc:
        log.warning("chart image unavailable: %s", exc)
        return _fallback(request, "ingen nettleser på serveren / no browser on the server", False)
    if data is None:
        message = result.message if result is not None else ""
        return plain_text(f"{result.title if result else chart_id}\n\n{message}\n", 404)
    name = f"{chart_id}{'-deling' if variant == 'og' else ''}.{fmt}"
    response = flask.Response(data, mimetype=FORMATS[fmt])
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
