"""What request handlers share: the settings and the read-only store of this app.

Both are put on the Flask app by `create_app`, so tests can create as many apps as they
like with different settings; nothing here is global.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import duckdb
import flask

from dashboard.bounded import Recent
from dashboard.charts.registry import Chart, ChartResult
from dashboard.coverage import Coverage
from dashboard.settings import Settings
from dashboard.state import Param, ViewState, parse
from dashboard.store import Warehouse

EXTENSION = "slt"
T = TypeVar("T")


@dataclass
class AppContext:
    """What request handlers need: settings and the read-only warehouse."""

    settings: Settings
    store: Warehouse
    _coverage: dict[str, Coverage] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _once: dict[Hashable, Any] = field(default_factory=dict)
    _once_file: str = ""
    _recent: Recent[Any] = field(default_factory=lambda: Recent(RECENT))

    def coverage(self) -> Coverage:
        """What the warehouse holds, read once per warehouse file (a rebuild is a new file).

        Keyed by the identity of the file this request reads (the store pins it), so the
        coverage always describes the same file as the request's queries.
        """
        key = self.store.fingerprint
        found = self._coverage.get(key)
        if found is None:
            found = Coverage.read(self.store.cursor())
            with self._lock:
                self._coverage.clear()
                self._coverage[key] = found
        return found

    def once(self, name: Hashable, compute: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """A value that depends only on the warehouse (a menu's measure labels, the earlier
        editions of every number), computed once per warehouse file instead of per request.

        Like `coverage`, keyed by the file this request reads: a rebuild starts afresh.
        """
        key = self.store.fingerprint
        with self._lock:
            if self._once_file != key:
                self._once, self._once_file = {}, key
            if name in self._once:
                return self._once[name]
        value = compute(self.store.cursor())
        with self._lock:
            if self._once_file == key:
                self._once[name] = value
        return value

    def recent(self, key: Hashable, compute: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """A value computed for one view (a chart's result), kept for the `RECENT` views
        asked for last, keyed with the warehouse file: a change of one control then
        recomputes only what that control changes (`Chart.key`), and a rebuild starts
        afresh."""
        full = (self.store.fingerprint, key)
        found = self._recent.get(full)
        if found is None:
            found = compute(self.store.cursor())
            self._recent.put(full, found)
        return found


#: How many chart results a worker keeps (a few dozen KB each: ~10 MB at most).
RECENT = 256


def context() -> AppContext:
    """The current app's context (inside a request or app context)."""
    return flask.current_app.extensions[EXTENSION]


def cursor() -> duckdb.DuckDBPyConnection:
    """This thread's read-only cursor on the warehouse."""
    return context().store.cursor()


def default_language() -> str:
    """The settings' language, or bokmål outside an app context (Dash's layout check)."""
    if not flask.has_app_context():
        return "nb"
    return context().settings.default_language


def coverage() -> Coverage:
    """What the current app's warehouse holds (cached per warehouse file)."""
    return context().coverage()


def chart_result(chart: Chart, state: ViewState) -> ChartResult:
    """The chart in this view, computed once for as long as it is among the recent ones
    (a page's content and its first paint read the same results)."""
    return context().recent(chart.key(state), lambda cur: chart.build(cur, state))


def site_root() -> str:
    """The site's public address without a trailing slash (`https://slt.example.no`), for
    absolute links: canonical and `og:` tags, sitemap, embed codes, QR codes, ZIP READMEs.

    Every absolute URL the site writes is built from this one function, and it comes from
    the settings (`SLT_PUBLIC_URL`, see `Settings.site_url`), never from the request: a
    request with `Host: evil.example` must not get links, QR codes or cached pages that
    point there. Outside a request (tests building a layout) it is empty, and links stay
    relative.
    """
    if not flask.has_request_context():
        return ""
    return context().settings.site_url


def view(params: Sequence[Param], query: Mapping[str, object] | None) -> ViewState:
    """The validated view of `query`, its year defaults read from what the warehouse holds
    for the chosen kommune (a page, its preview, an embed and a slide open alike)."""
    lang = default_language()
    context().store.begin()  # the code lists (and choices) of the warehouse this reads
    first = parse(params, query, lang_default=lang)
    defaults = coverage().defaults(params, first.values)
    return parse(params, query, lang_default=lang, defaults=defaults) if defaults else first
