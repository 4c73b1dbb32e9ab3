"""Serving many visitors on few cores: per-request warehouse pinning, a response cache for
callbacks, and the warm-up a worker does before it takes traffic.

Every callback is a pure function of its request body and the warehouse (the view state
lives in the URL and the controls; nothing is per-user). So the answer to a callback body
can be kept: the cache key is the body bytes plus the warehouse file's identity, so a
rebuilt warehouse starts a fresh cache by itself. A hit is answered before Dash's
dispatch (and before the body is even parsed), already compressed, in well under a
millisecond; a miss goes through validation and Dash as usual and fills the cache.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import brotli
import dash
import duckdb
import flask
from dash import Dash
from dash.exceptions import PreventUpdate

from dashboard.store import Warehouse
from dashboard.web.serving import hardening, static

log = logging.getLogger(__name__)

CACHE_EXTENSION = "slt.callback_cache"


@dataclass(frozen=True)
class Cached:
    status: int
    body: bytes
    br: bytes | None
    gz: bytes | None
    mimetype: str
    headers: dict | None = None  # e.g. Content-Disposition of a download


class ResponseCache:
    """An LRU of finished callback answers, bounded in bytes (thread-safe)."""

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
    view computed by one worker is a hit in the others. Written atomically (rename);
    bounded by a file count, oldest removed first."""

    def __init__(self, folder: Path, max_files: int):
        self.folder = folder
        self.max_files = max_files
        self._puts = 0
        folder.mkdir(parents=True, exist_ok=True)

    def get(self, key: bytes) -> Cached | None:
        try:
            data = (self.folder / key.hex()).read_bytes()
        except OSError:
            return None
        try:
            head, _, rest = data.partition(b"\n")
            status, mimetype, n_body, n_br, n_gz = head.decode().split(" ")
            a, b = int(n_body), int(n_body) + int(n_br)
            body, br, gz = rest[:a], rest[a:b], rest[b : b + int(n_gz)]
            return Cached(int(status), body, br or None, gz or None, mimetype)
        except ValueError:
            return None

    def put(self, key: bytes, item: Cached) -> None:
        br, gz = item.br or b"", item.gz or b""
        head = f"{item.status} {item.mimetype} {len(item.body)} {len(br)} {len(gz)}\n".encode()
        tmp = self.folder / f".{key.hex()}.{os.getpid()}.tmp"
        try:
            tmp.write_bytes(head + item.body + br + gz)
            tmp.replace(self.folder / key.hex())
        except OSError:
            return
        self._puts += 1
        if self._puts % 256 == 0:
            self._trim()

    def _trim(self) -> None:
        try:
            files = sorted(self.folder.iterdir(), key=lambda p: p.stat().st_mtime)
        except OSError:
            return
        for path in files[: max(0, len(files) - self.max_files)]:
            path.unlink(missing_ok=True)


def _cost(item: Cached) -> int:
    return len(item.body) + len(item.br or b"") + len(item.gz or b"") + 200


def _key(store: Warehouse, body: bytes) -> bytes:
    digest = hashlib.blake2b(body, digest_size=20)
    digest.update(store.fingerprint.encode())
    return digest.digest()


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
    return flask.Response(body, status=item.status, mimetype=item.mimetype, headers=headers)


def install_cache(
    app: Dash, store: Warehouse, max_mb: int, shared_dir: Path | None = None
) -> ResponseCache | None:
    """Answer repeated callback bodies from memory, then from the folder the workers share
    (0 MB turns both off)."""
    if max_mb <= 0:
        return None
    cache = ResponseCache(max_mb * 1024 * 1024)
    shared = SharedCache(shared_dir, max_files=20_000) if shared_dir is not None else None
    server = app.server
    dispatch = server.view_functions[hardening.CALLBACK_ENDPOINT]

    def cached(*args, **kwargs):
        body = flask.request.get_data(cache=True)
        key = _key(store, body)
        item = cache.get(key)
        if item is None and shared is not None:
            item = shared.get(key)
            if item is not None:
                cache.put(key, item)
        if item is not None:
            return _answer(item)
        try:
            response = server.make_response(dispatch(*args, **kwargs))
        except PreventUpdate:  # "nothing to do" is an answer too (the URL echo of a change)
            response = flask.Response(status=204)
        if response.status_code in (200, 204) and not response.direct_passthrough:
            data = response.get_data()
            big = len(data) >= static.MIN_COMPRESS
            item = Cached(
                response.status_code,
                data,
                brotli.compress(data, quality=5) if big else None,
                gzip.compress(data, compresslevel=6, mtime=0) if big else None,
                response.mimetype or "application/json",
            )
            cache.put(key, item)
            if shared is not None:
                shared.put(key, item)
            return _answer(item)
        return response

    server.view_functions[hardening.CALLBACK_ENDPOINT] = cached
    server.extensions[CACHE_EXTENSION] = cache
    return cache


def cache_downloads(app: Dash, store: Warehouse, endpoints: tuple[str, ...]) -> None:
    """CSV downloads are functions of their URL and the warehouse too: keep the finished
    file (per worker, in the callback cache's memory budget)."""
    cache = app.server.extensions.get(CACHE_EXTENSION)
    if cache is None:
        return
    server = app.server
    for endpoint in endpoints:
        view = server.view_functions[endpoint]

        def cached(*args, _view=view, **kwargs):
            key = _key(store, flask.request.full_path.encode())
            item = cache.get(key)
            if item is None:
                response = server.make_response(_view(*args, **kwargs))
                if response.status_code != 200 or response.direct_passthrough:
                    return response
                data = response.get_data()
                item = Cached(
                    200,
                    data,
                    brotli.compress(data, quality=5),
                    gzip.compress(data, compresslevel=6, mtime=0),
                    response.mimetype,
                    dict(response.headers),
                )
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
        except (duckdb.Error, OSError) as exc:
            log.error("warehouse_unavailable path=%s error=%s", store.path, type(exc).__name__)
            return flask.Response("warehouse unavailable\n", status=503, mimetype="text/plain")
        return None

    app.server.before_request_funcs.setdefault(None, []).insert(0, pin)


def warm_up(server: flask.Flask, paths: list[str] | None = None) -> dict[str, int]:
    """Serve pages once in-process (document, layout, the page's first callbacks), so a new
    worker pays Dash's lazy initialisation and fills its caches before a visitor does.
    `paths`: the pages to warm (default: every page). Returns status codes by request."""
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
        statuses[f"GET {path}"] = client.get(path).status_code
        for dep in (router, shell):
            if dep is not None:
                body = hardening.callback_body(dep, [path, ""], [])
                statuses[f"POST {path} {dep['output'][:20]}"] = client.post(
                    hardening.CALLBACK_ENDPOINT, json=body
                ).status_code
    return statuses
