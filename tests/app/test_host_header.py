"""`Host: evil.example` changes nothing in any response.

Absolute links (canonical, og:, hreflang, sitemap, robots, QR codes, embed code, the
Excel file's view link) come from `SLT_PUBLIC_URL`, never from the request. Each request
is sent twice, with the ordinary Host and with an attacker's, to an app whose caches are
off (a cached first answer would hide a difference), and the answers are compared.
"""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from dashboard.charts import listing as charts
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.web.serving import cache, hardening

PUBLIC = "https://slt.example.no"
EVIL = "evil.example"
PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]
URLS = [
    *PAGES,
    *(p + "?lang=en&kommune=oslo" for p in PAGES),
    "/mote",
    "/mote?kommune=asker",
    "/tilgjengelighet",
    "/finnes-ikke",
    "/robots.txt",
    "/sitemap.xml",
    "/qr.svg?url=/trend%3Fkommune%3Dasker",
    "/mote/qr.svg?url=/trend",
    "/_dash-layout",
    "/_dash-dependencies",
    "/healthz",
    "/embed/host.js",
    "/last-ned/alle-data.csv",
    *(f"/embed/{c}?kommune=oslo" for c in charts.REGISTRY),
    *(f"/last-ned/{c}.csv" for c in charts.REGISTRY),
]
#: Headers that differ between any two responses.
VARYING = {"Date"}
#: Dash's per-load token in each document (differs between any two loads).
TOKEN = re.compile(rb'"end_id":"[^"]*"')


def body(response) -> bytes:
    return TOKEN.sub(b'"end_id":"-"', response.data)


@pytest.fixture(scope="module")
def uncached(warehouse_path):
    app = create_app(
        Settings(
            warehouse=warehouse_path,
            auto_build=False,
            public_url=PUBLIC,
            callback_cache_mb=0,
        )
    )
    return app.server.test_client()


def both(client, method: str, url: str, **kwargs):
    plain = client.open(url, method=method, **kwargs)
    evil = client.open(url, method=method, headers={"Host": EVIL}, **kwargs)
    return plain, evil


def same_headers(a, b) -> None:
    first = {k: v for k, v in a.headers.items() if k not in VARYING}
    second = {k: v for k, v in b.headers.items() if k not in VARYING}
    assert first == second
    assert EVIL not in repr(second)


@pytest.mark.parametrize("url", URLS)
def test_a_foreign_host_changes_no_get_response(uncached, url):
    plain, evil = both(uncached, "GET", url)
    assert plain.status_code == evil.status_code
    assert body(plain) == body(evil), url
    assert EVIL.encode() not in evil.data
    same_headers(plain, evil)


def test_the_links_are_the_configured_address(uncached):
    page = uncached.get("/trend?kommune=baerum", headers={"Host": EVIL}).get_data(as_text=True)
    assert f'<link rel="canonical" href="{PUBLIC}/trend">' in page
    assert f'<meta property="og:url" content="{PUBLIC}/trend' in page
    assert f'content="{PUBLIC}/bilde/utvikling.og.png?kommune=baerum' in page
    robots = uncached.get("/robots.txt", headers={"Host": EVIL}).get_data(as_text=True)
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
    qr = uncached.get("/qr.svg?url=/trend", headers={"Host": EVIL}).get_data(as_text=True)
    assert f"<title>{PUBLIC}/trend</title>" in qr


def test_a_foreign_host_changes_no_callback(uncached):
    deps = uncached.get("/_dash-dependencies").get_json()
    router = next(d for d in deps if d["output"] == cache.ROUTER_OUTPUT)
    shell = next(d for d in deps if "site-nav.children" in d["output"])
    for path in [*PAGES, "/mote", "/nope"]:
        for dep in (router, shell):
            body = hardening.callback_body(dep, [path, "?kommune=oslo"], [])
            plain, evil = both(uncached, "POST", "/_dash-update-component", json=body)
            assert plain.status_code == evil.status_code == 200
            assert plain.data == evil.data, path
            assert EVIL.encode() not in evil.data


def cells(data: bytes) -> list:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [[c.value for c in row] for sheet in book for row in sheet.iter_rows()]


def test_a_foreign_host_changes_no_excel_or_zip(uncached):
    """The files carry their creation time; their contents are compared."""
    for chart_id in ("utvikling", "sammenligning"):
        plain, evil = both(uncached, "GET", f"/last-ned/{chart_id}.xlsx?kommune=asker")
        assert plain.status_code == evil.status_code == 200
        values = cells(evil.data)
        assert cells(plain.data) == values
        view = next(row[1] for row in values if row and row[0] == "Visning")
        assert view.startswith(f"{PUBLIC}/embed/{chart_id}?")
    plain, evil = both(uncached, "GET", "/last-ned/alle-data.zip")
    a, b = zipfile.ZipFile(io.BytesIO(plain.data)), zipfile.ZipFile(io.BytesIO(evil.data))
    assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}


def test_the_public_url_setting_is_checked():
    assert Settings().site_url == "http://127.0.0.1:8050"  # what `serve` listens on
    assert Settings(host="0.0.0.0", port=9000).site_url == "http://127.0.0.1:9000"
    assert Settings(host="::1").site_url == "http://[::1]:8050"
    assert Settings(public_url="https://slt.example.no/").site_url == PUBLIC
    for bad in ("slt.example.no", "javascript:alert(1)", "https://x/?q=1", "ftp://x"):
        with pytest.raises(ValueError, match="public_url"):
            Settings(public_url=bad)
    assert Settings.from_env({"SLT_PUBLIC_URL": PUBLIC}).site_url == PUBLIC
