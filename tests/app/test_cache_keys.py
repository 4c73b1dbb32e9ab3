"""Cheap URLs cannot force expensive work: answers are kept by the view they answer for.

A junk parameter (`&x=1`, `&x=2`, …), the order of parameters, a repeated one and the
previous URL make no new cache entry: the second request is a hit, answered without
running the callback again. A different view is a different entry. The caches are
bounded in bytes, and junk sent to an uncached-by-view callback cannot evict pages.
"""

from __future__ import annotations

import pytest

from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.web.serving import cache, hardening


@pytest.fixture
def app(warehouse_path):
    """An app of its own: the counts below are this test's requests only."""
    return create_app(Settings(warehouse=warehouse_path, auto_build=False))


def deps(client) -> list[dict]:
    return client.get("/_dash-dependencies").get_json()


def router(client) -> dict:
    return next(d for d in deps(client) if d["output"] == cache.ROUTER_OUTPUT)


def counts(app) -> tuple[int, int]:
    found = app.server.extensions[cache.CACHE_EXTENSION]
    return found.misses, len(found)


def post(client, dep, inputs, state=()):
    response = client.post(
        "/_dash-update-component", json=hardening.callback_body(dep, inputs, list(state))
    )
    assert response.status_code in (200, 204), response.data[:200]
    return response


@pytest.mark.parametrize("path", ["/trend", "/mote", "/finnes-ikke"])
def test_junk_values_and_order_make_no_new_key(app, path):
    client = app.server.test_client()
    dep = router(client)
    first = post(client, dep, [path, "?kommune=asker&x=1"])
    _misses, entries = counts(app)
    for search in (
        "?x=2&kommune=asker",
        "?kommune=asker&x=3&x=4",
        "?x=&kommune=asker&kommune=asker",
    ):
        again = post(client, dep, [path, search])
        assert again.data == first.data, search
    assert counts(app)[1] == entries  # nothing new was kept
    # Another view is another entry (on the not-found page only the language is a view).
    other = post(client, dep, [path, "?lang=en&x=1" if path == "/finnes-ikke" else "?kommune=oslo"])
    assert counts(app)[1] == entries + 1 and other.data != first.data


def test_the_previous_url_makes_no_new_key_for_a_control_change(app):
    client = app.server.test_client()
    dep = next(
        d for d in deps(client) if d["output"].startswith("..geografi-content.children...url")
    )
    values = ["oslo", "personer", "antall", 2016, 2019]
    first = post(client, dep, values, ["?kommune=baerum"])
    _misses, entries = counts(app)
    for previous in ("?kommune=asker", "?kommune=baerum&maal=forhold&x=9", "", None):
        assert post(client, dep, values, [previous]).data == first.data
    assert counts(app)[1] == entries


def test_the_ordinary_view_is_answered_from_the_cache(app):
    """What a warm-up and a first visitor fill is what a junk URL gets: one computation."""
    client = app.server.test_client()
    dep = router(client)
    post(client, dep, ["/geografi", ""])
    misses, _entries = counts(app)
    post(client, dep, ["/geografi", "?utm_source=x"])  # its note names utm_source: new entry
    post(client, dep, ["/geografi", "?utm_source=y"])
    post(client, dep, ["/geografi/", "?utm_source=z"])  # a trailing slash is the same page
    assert counts(app)[0] == misses + 1


def test_downloads_are_kept_by_their_view(app):
    client = app.server.test_client()
    first = client.get("/last-ned/utvikling.xlsx?kommune=asker&fra=2014&x=1")
    assert first.status_code == 200
    _misses, entries = counts(app)
    for url in (
        "/last-ned/utvikling.xlsx?fra=2014&kommune=asker&x=2",
        "/last-ned/utvikling.xlsx?kommune=asker&kommune=asker&fra=2014",
    ):
        again = client.get(url)
        assert again.data == first.data, url
    assert counts(app)[1] == entries
    client.get("/last-ned/utvikling.csv?kommune=asker&fra=2014")
    assert counts(app)[1] == entries + 1  # another format is another file


def test_junk_to_a_callback_without_a_view_cannot_evict_pages(warehouse_path):
    app = create_app(Settings(warehouse=warehouse_path, auto_build=False, callback_cache_mb=1))
    client = app.server.test_client()
    pages = app.server.extensions[cache.CACHE_EXTENSION]
    raw = app.server.extensions[cache.CACHE_EXTENSION + ".raw"]
    post(client, router(client), ["/alder-og-kjonn", ""])
    kept = len(pages)
    shell = next(d for d in deps(client) if "site-nav.children" in d["output"])
    for i in range(300):
        post(client, shell, ["/trend", f"?junk={'x' * 500}{i}"])
    assert raw.size <= raw.max_bytes and len(raw) < 300
    assert len(pages) == kept  # the page answer is still there
    misses = pages.misses
    post(client, router(client), ["/alder-og-kjonn", ""])
    assert pages.misses == misses


def test_the_shared_folder_is_bounded_in_bytes(tmp_path):
    folder = tmp_path / "shared"
    shared = cache.SharedCache(folder, max_bytes=40_000)
    assert not folder.exists()  # made on the first answer, not before
    for i in range(200):
        body = bytes([i % 256]) * 1000
        shared.put(i.to_bytes(4, "big"), cache.Cached(200, body, None, None, "application/json"))
    assert folder.stat().st_mode & 0o777 == 0o700
    assert shared.size() <= 40_000 + 40_000 // 8 + 2_000
    newest = shared.get((199).to_bytes(4, "big"))
    assert newest is not None and newest.body == bytes([199]) * 1000
    assert shared.get((0).to_bytes(4, "big")) is None  # the oldest went first
    csv = cache.Cached(200, b"a,b\n", None, None, "text/csv; charset=utf-8")
    shared.put(b"csv", csv)
    back = shared.get(b"csv")
    assert back is not None and back.body == csv.body and back.mimetype == "text/csv;charset=utf-8"


def test_the_key_is_the_view_and_the_warehouse(app):
    keys = cache.keys(app)
    with app.server.test_request_context("/"):
        store = app.server.extensions["slt"].store
        store.begin()
        a = keys.key(store, "x", [{"kommune": "asker"}, []])
        b = keys.key(store, "x", [{"kommune": "asker"}, []])
        c = keys.key(store, "x", [{"kommune": "oslo"}, []])
        d = keys.key(store, "y", [{"kommune": "asker"}, []])
    assert a == b and len({a, c, d}) == 3
