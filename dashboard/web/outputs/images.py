"""Chart images: `/bilde/<chart>.png|.svg` (+ 1200x630 link previews), rendered once, cached.

Rendered with the plotly package's own exporter (kaleido 1.x driving the system
Chromium). One browser is kept per process (`kaleido.start_sync_server`, started on the
first image, not at import, at a lower CPU priority): ~0.2 s per image instead of ~2 s
for a browser per image. Rendering is expensive work (`serving/work`): it takes one of
the server's few slots, a bounded number of requests wait for one, and the rest get a
503 with Retry-After and the chart in words at once.

A render that takes longer than `image_timeout` restarts the kept browser and is tried
once more; twice too slow gives an honest 503 ("took longer than N s twice; restarted"),
and the next image is drawn by the fresh browser (one slow render never disables images).

Images are cached on disk by chart, normalised view state, variant and the warehouse
fingerprint (the hash of its inputs): a rebuild with new data never serves an old
image. The cache is bounded in bytes (`SLT_IMAGE_CACHE_MB`, least recently used out
first); a cache that cannot be written (a read-only or full disk) costs a render per
request, never the image: the rendered bytes are served anyway. `slt-dashboard
render-images` fills the cache for the default view of every chart × kommune. Where no
browser is installed, image URLs answer 503 with the chart's text (title, summary
sentence, source) and a link to its data instead.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import html
import json
import logging
import os
import re
import signal
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Mapping
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
from dashboard.bounded import ByteBound
from dashboard.charts.listing import REGISTRY, ChartResult, on_page
from dashboard.dimensions import kommune_name
from dashboard.settings import Settings
from dashboard.state import parse, to_query
from dashboard.store import log_failure
from dashboard.web.outputs.links import IMAGE_PARAMS, PAGE_PATHS, image_url
from dashboard.web.serving import work
from dashboard.web.serving.context import EXTENSION as CONTEXT
from dashboard.web.serving.context import cursor, site_root, view
from dashboard.words import t

log = logging.getLogger(__name__)

EXTENSION = "slt-images"
#: Bump when the drawing changes, so cached images are drawn again.
RENDER_VERSION = "4"
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


class ImagesUnavailable(RuntimeError):
    """Images cannot be rendered now: `reason` is a catalog key saying why, `retry`
    whether asking again later can help (a Retry-After)."""

    def __init__(self, message: str, reason: str = "image.reason.no_browser", retry=False):
        super().__init__(message)
        self.reason = reason
        self.retry = retry
        self.values: dict[str, object] = {}


class ImagesBusy(ImagesUnavailable):
    """Every slot for expensive work is taken and the queue is full: try again soon."""

    def __init__(self, message: str = "the image renderer is busy", retry_after: int = 5):
        super().__init__(message, "image.reason.busy", retry=True)
        self.retry_after = retry_after


class ImagesTimeout(ImagesUnavailable):
    """A render took longer than the timeout twice (the browser was restarted each time)."""

    def __init__(self, seconds: float):
        super().__init__(f"rendering took longer than {seconds:g} s twice", "image.reason.timeout")
        self.retry = True
        self.values = {"seconds": f"{seconds:g}"}


def find_browser() -> str | None:
    """The Chromium kaleido would use, or None (checked before starting: a kaleido server
    whose browser fails to start leaves its callers waiting forever)."""
    try:
        return Chromium.find_browser(skip_local=False)  # kaleido's own browser finder
    except Exception:  # pragma: no cover - an unusual installation: treat as no browser
        log.exception("looking for a browser failed")
        return None


class _KeptBrowser:
    """The one kaleido server (and Chromium) of this process: kaleido keeps it as a
    module-level singleton, so starting, restarting and the one-render-at-a-time lock
    are per process too, whichever app (or test) renders."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # one render at a time in the kept browser
        self.started = False
        self.pool: concurrent.futures.ThreadPoolExecutor | None = None
        self.stopping: threading.Thread | None = None  # a stop that has not finished
        self.restarts = 0

    def start(self, timeout: float) -> None:
        if self.started:
            return
        if self.stopping is not None:
            if self.stopping.is_alive():
                raise ImagesUnavailable("the renderer is restarting", "image.reason.failed", True)
            self.stopping = None
        # plotly passes its (empty) kaleido options on every call; with a kept server
        # kaleido warns that they are ignored. They are empty: nothing is lost.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        failure: list[BaseException] = []

        def start_niced() -> None:
            # Chromium is started by kaleido's thread, which inherits this thread's lower
            # priority: drawing yields the CPU to ordinary requests.
            work.lower_priority()
            try:
                kaleido.start_sync_server(
                    mathjax=False, timeout=timeout, silence_warnings=True
                )  # no MathJax: it would be fetched from a CDN
            except BaseException as exc:  # reported in the caller's thread
                failure.append(exc)

        starter = threading.Thread(target=start_niced, name="kaleido-start", daemon=True)
        starter.start()
        starter.join()
        if failure:
            raise failure[0]
        self.pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="kaleido")
        self.started = True
        # The browser starts in the background (seconds on a busy machine): draw a blank
        # figure first, so a render's timeout measures the render, not the start.
        try:
            self.pool.submit(_blank_image).result(timeout=max(START_TIMEOUT, timeout))
        except Exception as exc:
            self.restart(f"start_failed error={type(exc).__name__}")
            raise ImagesUnavailable(
                "the renderer did not start", "image.reason.failed", retry=True
            ) from None

    def restart(self, reason: str) -> None:
        """Abandon the render in progress, kill the kept browser and stop its server; the
        next render starts a fresh one."""
        self.restarts += 1
        log.warning("renderer_restarted reason=%s restarts=%s", reason, self.restarts)
        pool, self.pool, self.started = self.pool, None, False
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        _kill_browsers()
        stopper = threading.Thread(
            target=kaleido.stop_sync_server,
            kwargs={"silence_warnings": True},
            name="kaleido-stop",
            daemon=True,
        )
        stopper.start()
        stopper.join(timeout=10)
        self.stopping = stopper if stopper.is_alive() else None


_KEPT = _KeptBrowser()


def _kill_browsers() -> None:
    """Kill the Chromium processes this process started (the kept browser: its renderer
    processes end with it), never a chromedriver (a process that also drives a browser
    through selenium keeps it). Linux /proc; elsewhere nothing is killed."""
    me = os.getpid()
    with contextlib.suppress(OSError), os.scandir("/proc") as entries:
        for entry in entries:
            if not entry.name.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                name = stat[stat.index("(") + 1 : stat.rindex(")")]
            except (OSError, ValueError, IndexError):
                continue
            if parent == me and "chrom" in name.lower() and "driver" not in name.lower():
                with contextlib.suppress(OSError):
                    os.kill(int(entry.name), signal.SIGKILL)


class Renderer:
    """Draws figures with the process's kept browser, in a slot of the app's `gate`."""

    def __init__(
        self,
        timeout: float = 30,
        browser: Callable[[], str | None] = find_browser,
        gate: work.Gate | None = None,
    ):
        self.timeout = timeout
        self._browser = browser
        self._gate = gate
        self._missing: str | None = None  # no browser on this host: that does not change

    def available(self) -> bool:
        return self._missing is None and (_KEPT.started or self._browser() is not None)

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        """A slot for expensive work (ImagesBusy when none is free): taken before a chart
        is even built, so a request that is turned away costs next to nothing."""
        if self._gate is None:
            yield
            return
        try:
            context = self._gate.slot()
            context.__enter__()
        except work.Busy as exc:
            raise ImagesBusy(retry_after=exc.retry_after) from None
        try:
            yield
        except BaseException as exc:
            if not context.__exit__(type(exc), exc, exc.__traceback__):
                raise
        else:
            context.__exit__(None, None, None)

    def render(self, figure: dict, fmt: str, size: images.Size) -> bytes:
        """PNG or SVG bytes of a (print-styled) figure dict."""
        if self._missing is not None:
            raise ImagesUnavailable(self._missing)
        with self.slot():
            if not _KEPT.lock.acquire(timeout=self.timeout):
                raise ImagesBusy()
            try:
                return self._render(figure, fmt, size)
            finally:
                _KEPT.lock.release()

    def _render(self, figure: dict, fmt: str, size: images.Size) -> bytes:
        for attempt in (1, 2):
            if not _KEPT.started and self._browser() is None:
                self._missing = "no Chromium/Chrome found (install chromium, or set BROWSER_PATH)"
                raise ImagesUnavailable(self._missing)
            _KEPT.start(self.timeout)
            assert _KEPT.pool is not None
            started = time.monotonic()
            future = _KEPT.pool.submit(_to_image, figure, fmt, size)
            try:
                return future.result(timeout=self.timeout)
            except concurrent.futures.TimeoutError:
                _KEPT.restart(f"timeout seconds={self.timeout:g} attempt={attempt}")
            except Exception as exc:  # the browser died or choked: a fresh one, once more
                if attempt == 2:
                    raise ImagesUnavailable(
                        f"rendering failed: {type(exc).__name__}", "image.reason.failed", True
                    ) from None
                _KEPT.restart(
                    f"error error={type(exc).__name__} ms={(time.monotonic() - started) * 1000:.0f}"
                )
        raise ImagesTimeout(self.timeout)


#: Seconds a (re)started browser may take to draw its first, blank figure.
START_TIMEOUT = 90


def _blank_image() -> bytes:
    return pio.to_image({"data": [], "layout": {}}, format="png", width=10, height=10)


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


#: The build fingerprint of each warehouse file a request read (by the file's identity):
#: asked once per file, not on every image request (half the cost of a refused one).
_FINGERPRINTS: dict[str, str] = {}


def fingerprint(cur: duckdb.DuckDBPyConnection) -> str:
    """The hash of the inputs the warehouse was built from (images of another build are
    never served)."""
    file = _pinned_file()
    if file is not None and file in _FINGERPRINTS:
        return _FINGERPRINTS[file]
    frame = queries.run(cur, "build_fingerprint")
    found = str(frame["fingerprint"].iloc[0]) if not frame.empty else "unknown"
    if file is not None:
        if len(_FINGERPRINTS) > 16:
            _FINGERPRINTS.clear()
        _FINGERPRINTS[file] = found
    return found


def _pinned_file() -> str | None:
    """The identity of the warehouse file this request reads (None outside a request)."""
    if not flask.has_request_context():
        return None
    store = flask.current_app.extensions[CONTEXT].store
    return f"{store.path}:{store.fingerprint}"


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
    data = result.data
    if chosen and "municipality" in data.columns and (data["municipality"] == chosen).any():
        # A chart beside peers and Norway: the chosen kommune's own years (Asker's rates
        # begin with its new territory in 2020, though its peers' go further back).
        data = data[data["municipality"] == chosen]
    if "year" in data.columns and not data.empty:
        years = sorted({int(y) for y in data["year"].dropna()})
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


class DiskCache:
    """Files under a folder, bounded in bytes: after every `max_bytes / 8` written, the
    least recently used files (a hit refreshes a file's time) are removed down to 3/4 of
    the bound. Shared by the workers of a server and by `render-images`. A folder that
    cannot be written is logged once and costs only the caching."""

    def __init__(self, folder: Path, max_bytes: int):
        self.folder = folder
        self.max_bytes = max_bytes
        self.bound = ByteBound(max_bytes)
        self._warned = False

    def read(self, path: Path) -> bytes | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: removed last
        return data

    def write(self, path: Path, data: bytes) -> bool:
        """Keep `data` at `path`; False (logged once) when the disk refuses."""
        try:
            _write_atomic(path, data)
        except OSError as exc:
            if not self._warned:
                self._warned = True
                log.warning(
                    "image_cache_unwritable action=serving_uncached path=%s error=%s",
                    self.folder,
                    exc.strerror or type(exc).__name__,
                )
            return False
        if self.bound.wrote(len(data)):
            self.trim()
        return True

    def files(self) -> list[tuple[float, int, Path]]:
        """(last used, bytes, path) of every cached file."""
        out = []
        if self.folder.is_dir():
            for path in self.folder.rglob("*"):
                with contextlib.suppress(OSError):
                    info = path.lstat()
                    if path.is_file() and not path.name.startswith(".") and path.suffix != ".lock":
                        out.append((info.st_mtime, info.st_size, path))
        return out

    def size(self) -> int:
        return sum(size for _t, size, _p in self.files())

    def trim(self) -> int:
        """Remove the least recently used files until at most 3/4 of the bound is used."""
        removed, total = self.bound.trim(self.files())
        if removed:
            log.info("image_cache_trimmed removed=%s bytes=%s", removed, total)
        return removed


class ImageService:
    """The renderer and the disk cache of one app (or of the CLI's pre-render run).

    Public API (the report ZIP, slides and documents use it): `get` (cached or drawn)
    and `cached` (cached only); `store` keeps other finished files (report ZIPs) in the
    same bounded cache.
    """

    def __init__(self, cache_dir: Path, renderer: Renderer, max_bytes: int = 512 * 1024 * 1024):
        self.cache_dir = cache_dir
        self.renderer = renderer
        self.store = DiskCache(cache_dir, max_bytes)

    def path(self, request: ImageRequest, fp: str) -> Path:
        name = f"{request.chart_id}-{request.key(fp)}.{request.fmt}"
        return self.cache_dir / fp[:16] / name

    def cached(self, cur: duckdb.DuckDBPyConnection, request: ImageRequest) -> bytes | None:
        return self.store.read(self.path(request, fingerprint(cur)))

    def get(
        self, cur: duckdb.DuckDBPyConnection, request: ImageRequest
    ) -> tuple[bytes | None, ChartResult | None]:
        """(image bytes, result) from the cache or freshly drawn; bytes None = no figure.

        A cache that cannot be written still gets the drawn image served."""
        path = self.path(request, fingerprint(cur))
        data = self.store.read(path)
        if data is not None:
            return data, None
        with self.renderer.slot():  # before the chart is built: a refusal costs nothing
            result, figure = image_figure(cur, request)
            if figure is None:
                return None, result
            data = self.renderer.render(figure, request.fmt, images.SIZES[request.variant])
        self.store.write(path, data)
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
            # Dot-folders are not images (`.slots`: the lock files of expensive work).
            if folder.is_dir() and folder.name != keep and not folder.name.startswith("."):
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
        body, status=status, content_type="text/plain; charset=utf-8", headers=headers or None
    )


def _fallback(request: ImageRequest, problem: ImagesUnavailable) -> flask.Response:
    """503 with the chart in words: what a reader of the image would have learnt, and why
    there is no image (in both languages: an image URL has no page language). When the
    server is busy the chart is not built for the words (that is the work being refused):
    the answer says why and where the numbers are."""
    lines: list[str] = []
    if not isinstance(problem, ImagesBusy):
        try:
            result = REGISTRY[request.chart_id].build(cursor(), request.state())
            lines = [result.title, "", result.summary, "", result.source]
        except Exception:  # pragma: no cover - the text fallback must not fail itself
            log_failure(log, "text_fallback_failed")
    reason = " / ".join(t(problem.reason, lang, **problem.values) for lang in ("nb", "en"))
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
    retry = getattr(problem, "retry_after", 5) if problem.retry else None
    headers = {"Retry-After": str(retry)} if retry else {}
    return plain_text(body + "\n", 503, **headers)


def register(app: Dash) -> None:
    """The image routes, and the app's image service (its browser starts on first use)."""
    server = app.server
    settings = context_settings(app)
    gate = server.extensions.get(work.EXTENSION)
    server.extensions[EXTENSION] = ImageService(
        settings.image_cache_path,
        Renderer(timeout=settings.image_timeout, gate=gate),
        settings.image_cache_mb * 1024 * 1024,
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
        log_failure(log, "link_preview_tags_failed")
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
    except ImagesBusy as exc:
        return _fallback(request, exc)
    except ImagesUnavailable as exc:
        log.warning("image_unavailable chart=%s reason=%s", chart_id, exc)
        return _fallback(request, exc)
    if data is None:
        message = result.message if result is not None else ""
        return plain_text(f"{result.title if result else chart_id}\n\n{message}\n", 404)
    name = f"{chart_id}{'-deling' if variant == 'og' else ''}.{fmt}"
    response = flask.Response(data, mimetype=FORMATS[fmt])
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
