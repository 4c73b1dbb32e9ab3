"""Serving many visitors on few cores: per-request warehouse pinning, a response cache for
callbacks and downloads, and the warm-up a worker does before it takes traffic.

Every callback and download is a pure function of the *view* it answers for and the
warehouse (the view state lives in the URL and the controls; nothing is per-user). So a
finished answer can be kept, keyed by the normalised view, never by the raw request:

    key = blake2b(what, view, warehouse fingerprint)        (`Keys.key`, the one place)

`what` names the callback (its output) or route; `view` is what the answer depends on,
computed by a *view function* the module that owns the callback or route registers
beside it (`keyed_since`, `page_view`, `route_view`): for a page, the page's parameters
parsed and written back (`state.parse` -> `to_query`) plus the notes the answer shows;
for a download, the chart's canonical query, the format, and the date it is stamped
with. So junk parameters (`&x=1`, `&x=2`, …), the order of parameters, repeated ones,
other spellings of a value and the previous URL make no new keys. (A new unknown
parameter *name* is named in the page's note, so it is another answer with another
key; it costs one ordinary view.) The warehouse fingerprint makes a rebuild start a
fresh cache by itself.

A callback without a view function (cheap ones: the shell) is kept by its raw inputs in
a small separate memory cache, so junk sent to it can never push page answers out.

Where answers are kept: each worker's memory (`SLT_CALLBACK_CACHE_MB`, least recently
used out first), and a folder the workers of one server share (`SLT_CALLBACK_CACHE_DIR`,
a fresh one in /dev/shm from gunicorn.conf.py), bounded in bytes
(`SLT_CALLBACK_SHARED_MB`, oldest out first). A hit is answered before Dash's dispatch,
already compressed, in well under a millisecond.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import json
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import brotli
import dash
import duckdb
import flask
from dash import Dash
from dash import _pages as dash_pages
from dash.exceptions import PreventUpdate

from dashboard.bounded import ByteBound
from dashboard.store import Refused, Warehouse
from dashboard.web.serving import hardening, static
from dashboard.web.serving.context import default_language

log = logging.getLogger(__name__)

CACHE_EXTENSION = "slt.callback_cache"
KEYS_EXTENSION = "slt.cache_keys"
#: The pages router's output (Dash Pages registers it on the first request).
ROUTER_OUTPUT = f"..{dash.dash._ID_CONTENT}.children...{dash.dash._ID_STORE}.data.."
#: Share of the memory budget for callbacks kept by their raw inputs (no view function).
RAW_SHARE = 8

#: A view function: the parsed callback body (or the request, for routes) -> the view
#: the answer depends on (JSON-able), or None when this request is not to be cached.
BodyView = Callable[[dict], object]
QueryView = Callable[[Mapping[str, object]], object]
RouteView = Callable[[flask.Request], object]


@dataclass(frozen=True)
class Cached:
    status: int
    body: bytes
    br: bytes | None
    gz: bytes | None
    mimetype: str
    headers: dict | None = None  # e.g. Content-Disposition of a download


class ResponseCache:
    """An LRU of finished answers, bounded in bytes (thread-safe)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._items: OrderedDict[bytes, Cached] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: bytes) -> Cached | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item

    def put(self, key: bytes, item: Cached) -> None:
        cost = _cost(item)
        if cost > self.max_bytes // 4:
            return  # one huge answer must not flush the cache
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.size -= _cost(old)
            self._items[key] = item
            self.size += cost
            while self.size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self.size -= _cost(dropped)

    def __len__(self) -> int:
        return len(self._items)


class SharedCache:
    """Finished answers as files in a folder all workers share (e.g. on /dev/shm), so a
    view computed by one worker is a hit in the others.

    Written atomically (rename); the folder is created on the first write (a server that
    fails to start leaves nothing behind), private to this user. Bounded in bytes: after
    every `max_bytes / 8` written, the folder is measured and the oldest answers removed
    down to 3/4 of the bound (a hit refreshes an answer's age), so it never holds much
    more than `max_bytes`.
    """

    def __init__(self, folder: Path, max_bytes: int):
        self.folder = folder
        self.max_bytes = max_bytes
        self.bound = ByteBound(max_bytes)
        self._ready = False

    def get(self, key: bytes) -> Cached | None:
        path = self.folder / key.hex()
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            head, _, rest = data.partition(b"\n")
            status, mimetype, n_body, n_br, n_gz = head.decode().split(" ")
            a, b = int(n_body), int(n_body) + int(n_br)
            body, br, gz = rest[:a], rest[a:b], rest[b : b + int(n_gz)]
            item = Cached(int(status), body, br or None, gz or None, mimetype)
        except ValueError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: trimmed last
        return item

    def _prepare(self) -> bool:
        if self._ready:
            return True
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = self.folder.lstat()
        except OSError:
            return False
        if self.folder.is_symlink() or info.st_uid != os.getuid():
            log.error("callback_cache_refused reason=not_owned path=%s", self.folder)
            return False
        self._ready = True
        return True

    def put(self, key: bytes, item: Cached) -> None:
        br, gz = item.br or b"", item.gz or b""
        kind = item.mimetype.replace(" ", "")  # "text/csv;charset=utf-8": one field
        head = f"{item.status} {kind} {len(item.body)} {len(br)} {len(gz)}\n".encode()
        data = head + item.body + br + gz
        if len(data) > self.max_bytes // 4 or not self._prepare():
            return
        tmp = self.folder / f".{key.hex()}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            tmp.write_bytes(data)
            tmp.replace(self.folder / key.hex())
        except OSError:
            tmp.unlink(missing_ok=True)
            return
        if self.bound.wrote(len(data)):
            self.trim()

    def size(self) -> int:
        """Bytes the folder holds now."""
        total = 0
        with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    total += entry.stat(follow_symlinks=False).st_size
        return total

    def trim(self) -> int:
        """Remove the oldest answers until the folder holds at most 3/4 of the bound."""
        files = []
        with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    files.append((info.st_mtime_ns, info.st_size, entry.path))
        return self.bound.trim(files)[0]


def _cost(item: Cached) -> int:
    return len(item.body) + len(item.br or b"") + len(item.gz or b"") + 200


# ------------------------------------------------------------------------------- keys


class Keys:
    """How each answer is keyed: the view functions, and `key` (the one key function)."""

    def __init__(self, app: Dash) -> None:
        self.app = app
        self.bodies: dict[str, BodyView] = {}  # callback output -> view of its body
        self.pages: dict[str, QueryView] = {}  # page path -> view of its query (router)
        self.routes: dict[str, RouteView] = {}  # Flask endpoint -> view of its request

    def key(self, store: Warehouse, what: str, view: object) -> bytes:
        """The cache key of an answer: what answers, for which view, from which warehouse."""
        text = json.dumps([what, view], sort_keys=True, ensure_ascii=False, default=str)
        digest = hashlib.blake2b(text.encode(), digest_size=20)
        digest.update(store.fingerprint.encode())
        return digest.digest()

    def body_view(self, body: dict) -> object:
        """The view a callback body answers for (None: not keyed by view)."""
        output = str(body.get("output"))
        if output == ROUTER_OUTPUT:
            return self.router_view(body)
        view = self.bodies.get(output)
        return None if view is None else view(body)

    def router_view(self, body: dict) -> object:
        """The pages router: which page (as Dash Pages finds it) and the view of its query,
        plus the language of the title Dash sets (the URL's last `lang`)."""
        pathname, search = (item.get("value") for item in body["inputs"][:2])
        if not isinstance(pathname, str) or not isinstance(search, str | None):
            return None
        query = dash_pages._parse_query_string(search)
        page, variables = dash_pages._path_to_page(self.app.strip_relative_path(pathname))
        path = "404" if not page else page.get("path")
        view = self.pages.get(str(path))
        if view is None or variables:
            return None
        title_lang = parse_qs((search or "").lstrip("?")).get("lang", [""])[-1]
        return [path, view(query), title_lang if title_lang in ("nb", "en") else None]


def keys(app: Dash) -> Keys:
    """The app's view functions (created on first use, before the cache is installed)."""
    found = app.server.extensions.get(KEYS_EXTENSION)
    if found is None:
        found = app.server.extensions[KEYS_EXTENSION] = Keys(app)
    return found


def keyed_since(app: Dash, before: set[str], view: BodyView) -> None:
    """The callbacks registered since `before = set(app.callback_map)` are cached by
    `view(body)` (registered right after them, beside the code they mirror)."""
    for output in set(app.callback_map) - before:
        keys(app).bodies[output] = view


def page_view(app: Dash, path: str, view: QueryView) -> None:
    """The pages router's answer for `path` is cached by `view(query)` (its layout's
    query arguments as Dash Pages passes them). `path` "404" is the not-found page."""
    keys(app).pages[path] = view


def route_view(app: Dash, endpoint: str, view: RouteView) -> None:
    """A Flask route's answer is cached (per worker) by `view(request)`."""
    keys(app).routes[endpoint] = view


def inputs(body: dict) -> list[object]:
    """The values of a callback body's inputs, in order."""
    return [item.get("value") for item in body.get("inputs", [])]


def states(body: dict) -> list[object]:
    """The values of a callback body's state, in order."""
    return [item.get("value") for item in body.get("state", [])]


def today() -> str:
    """The date an answer is stamped with (downloads say when they were made)."""
    return dt.date.today().isoformat()


def lang_of(query: Mapping[str, object]) -> str:
    """The language a query asks for (first value), else the site's default."""
    raw = query.get("lang")
    value = raw[0] if isinstance(raw, list | tuple) and raw else raw
    return value if value in ("nb", "en") else default_language()


# ---------------------------------------------------------------------------- serving


def _answer(item: Cached) -> flask.Response:
    encodings = static.accepted(flask.request.headers.get("Accept-Encoding"))
    headers = {k: v for k, v in (item.headers or {}).items() if k == "Content-Disposition"}
    if item.br is not None:
        headers["Vary"] = "Accept-Encoding"
    body = item.body
    if item.br is not None and "br" in encodings:
        body, headers["Content-Encoding"] = item.br, "br"
    elif item.gz is not None and "gzip" in encodings:
        body, headers["Content-Encoding"] = item.gz, "gzip"
    return flask.Response(body, status=item.status, content_type=item.mimetype, headers=headers)


def _finished(response: flask.Response, headers: dict | None = None) -> Cached:
    data = response.get_data()
    big = len(data) >= static.MIN_COMPRESS
    return Cached(
        response.status_code,
        data,
        brotli.compress(data, quality=5) if big else None,
        gzip.compress(data, compresslevel=6, mtime=0) if big else None,
        response.content_type or "application/json",
        headers,
    )


def install_cache(
    app: Dash,
    store: Warehouse,
    max_mb: int,
    shared_dir: Path | None = None,
    shared_mb: int = 256,
) -> ResponseCache | None:
    """Answer repeated views from memory, then from the folder the workers share
    (0 MB turns both off)."""
    if max_mb <= 0:
        return None
    budget = max_mb * 1024 * 1024
    cache = ResponseCache(budget - budget // RAW_SHARE)
    raw_cache = ResponseCache(budget // RAW_SHARE)
    shared = (
        SharedCache(shared_dir, shared_mb * 1024 * 1024)
        if shared_dir is not None and shared_mb > 0
        else None
    )
    server = app.server
    dispatch = server.view_functions[hardening.CALLBACK_ENDPOINT]
    known = keys(app)

    def lookup(raw: bytes) -> tuple[bytes, ResponseCache, bool] | None:
        """(key, the cache it lives in, whether the folder is shared) or None (uncached)."""
        try:
            body = hardening.validate(app, raw)
        except hardening.BadCallback:
            return None  # the guard answers 400
        try:
            view = known.body_view(body)
        except hardening.SERVER_FAULTS:
            raise
        except Exception:  # a view function that cannot read this body: no caching
            log.warning("cache_key_failed output=%s", str(body.get("output"))[:60])
            return None
        if view is not None:
            return known.key(store, str(body["output"]), view), cache, True
        values = [str(body["output"]), inputs(body), states(body)]
        return known.key(store, "raw", values), raw_cache, False

    def cached(*args, **kwargs):
        raw = flask.request.get_data(cache=True)
        try:
            found = lookup(raw)
        except hardening.SERVER_FAULTS as exc:
            return hardening.server_fault(exc)
        if found is None:
            return dispatch(*args, **kwargs)
        key, memory, use_shared = found
        item = memory.get(key)
        if item is None and use_shared and shared is not None:
            item = shared.get(key)
            if item is not None:
                memory.put(key, item)
        if item is not None:
            return _answer(item)
        try:
            response = server.make_response(dispatch(*args, **kwargs))
        except PreventUpdate:  # "nothing to do" is an answer too (the URL echo of a change)
            response = flask.Response(status=204)
        if response.status_code in (200, 204) and not response.direct_passthrough:
            item = _finished(response)
            memory.put(key, item)
            if use_shared and shared is not None:
                shared.put(key, item)
            return _answer(item)
        return response

    server.view_functions[hardening.CALLBACK_ENDPOINT] = cached
    server.extensions[CACHE_EXTENSION] = cache
    server.extensions[CACHE_EXTENSION + ".raw"] = raw_cache
    server.extensions[CACHE_EXTENSION + ".shared"] = shared
    return cache


def cache_routes(app: Dash, store: Warehouse) -> None:
    """Downloads are functions of their view and the warehouse too: keep the finished
    file (per worker, in the callback cache's memory budget), keyed by the view function
    the route registered (`route_view`)."""
    cache = app.server.extensions.get(CACHE_EXTENSION)
    if cache is None:
        return
    server = app.server
    known = keys(app)
    for endpoint, view_of in known.routes.items():
        view = server.view_functions[endpoint]

        def cached(*args, _view=view, _of=view_of, _endpoint=endpoint, **kwargs):
            what = _of(flask.request)
            if what is None:
                return _view(*args, **kwargs)
            key = known.key(store, _endpoint, what)
            item = cache.get(key)
            if item is None:
                response = server.make_response(_view(*args, **kwargs))
                if response.status_code != 200 or response.direct_passthrough:
                    return response
                item = _finished(response, dict(response.headers))
                cache.put(key, item)
            return _answer(item)

        server.view_functions[endpoint] = cached


def install_pinning(app: Dash, store: Warehouse) -> None:
    """Each request reads one warehouse file from start to end (see `store.Warehouse.begin`)."""

    def pin() -> flask.Response | None:
        if flask.request.path.startswith(("/assets/", "/_dash-component-suites/")):
            return None
        try:
            store.begin()
        except (duckdb.Error, OSError, Refused) as exc:
            log.error("warehouse_unavailable path=%s error=%s", store.path, type(exc).__name__)
            why = f" ({store.refused.reason})" if store.refused is not None else ""
            return flask.Response(
                f"warehouse unavailable{why}\n",
                status=503,
                mimetype="text/plain",
                headers={"Retry-After": "30"},
            )
        return None

    app.server.before_request_funcs.setdefault(None, []).insert(0, pin)


def warm_up(
    server: flask.Flask, paths: list[str] | None = None, stop: threading.Event | None = None
) -> dict[str, int]:
    """Serve pages once in-process (document, layout, the page's first callbacks), so a new
    worker pays Dash's lazy initialisation and fills its caches before a visitor does.
    `paths`: the pages to warm (default: every page). `stop`: set when the worker is
    stopping; the warm-up ends after the page it is on (a query cut off by the process's
    exit would otherwise end in an error). Returns status codes by request."""
    client = server.test_client()
    statuses: dict[str, int] = {}
    for path in ("/_dash-layout", "/_dash-dependencies", "/healthz"):
        statuses[path] = client.get(path).status_code
    deps = client.get("/_dash-dependencies").get_json() or []
    router = next((d for d in deps if d["output"].startswith(".._pages_content")), None)
    shell = next((d for d in deps if "site-nav.children" in d["output"]), None)
    if paths is None:
        paths = sorted({p["path"] for p in dash.page_registry.values()})
    for path in paths:
        if stop is not None and stop.is_set():
            break
        statuses[f"GET {path}"] = client.get(path).status_code
        for dep in (router, shell):
            if dep is not None:
                body = hardening.callback_body(dep, [path, ""], [])
                statuses[f"POST {path} {dep['output'][:20]}"] = client.post(
                    hardening.CALLBACK_ENDPOINT, json=body
                ).status_code
    return statuses
