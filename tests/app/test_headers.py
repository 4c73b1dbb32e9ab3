"""Headers on every kind of response, no version strings, and the callback wiring.

The app ships no validation layout (suppress_callback_exceptions): instead this test
checks what Dash's renderer would have checked, that every id a callback names exists in
the shell or in the page whose callback it is.
"""

from __future__ import annotations

import re

import dash
import plotly
import pytest
from dash.development.base_component import Component

from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.web.serving import headers

PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]


def script_src(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/[^"]+)"', html)


@pytest.mark.parametrize("path", PAGES)
def test_page_policy(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["frame-ancestors"] == "'self'"
    # Every inline script of the document is allowed by its hash, and only those (JSON and
    # JSON-LD data blocks are not scripts: the browser never runs them).
    import base64
    import hashlib

    html = response.get_data(as_text=True)
    inline = re.findall(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", html, re.S
    )
    assert inline, "Dash's renderer start-up script is inline"
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in directives["script-src"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cache-Control"] == "no-cache"
    assert "Strict-Transport-Security" not in response.headers  # off by default


def test_frame_ancestors_and_hsts_from_settings(warehouse_path):
    app = create_app(
        Settings(
            warehouse=warehouse_path,
            auto_build=False,
            frame_ancestors="https://www.baerum.kommune.no",
            hsts_max_age=31536000,
        )
    )
    response = app.server.test_client().get("/trend")
    assert (
        "frame-ancestors https://www.baerum.kommune.no"
        in response.headers["Content-Security-Policy"]
    )
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_policy_is_computed_per_path():
    csp = headers.content_security_policy(
        "/embed/trend", Settings(frame_ancestors="*"), ["'sha256-x'"]
    )
    assert "frame-ancestors *" in csp and "script-src 'self' 'sha256-x'" in csp


@pytest.mark.parametrize("path", PAGES)
def test_no_versions_in_pages_or_headers(client, path):
    response = client.get(path)
    text = response.get_data(as_text=True)
    for version in {dash.__version__, plotly.__version__}:
        assert version not in text and version.replace(".", "_") not in text, version
    assert "python_version" not in text and "dash_version" not in text
    for value in response.headers.values():
        assert dash.__version__ not in value and "Python" not in value and "Werkzeug" not in value


def test_cache_control_by_kind(client):
    html = client.get("/trend").get_data(as_text=True)
    for url in script_src(html):
        if url.startswith(("/_dash-component-suites/", "/assets/")):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable", url
    csv = client.get("/last-ned/utvikling.csv")
    assert csv.headers["Cache-Control"] == "public, max-age=300"
    callback = client.post("/_dash-update-component", data=b"{}", content_type="application/json")
    assert callback.headers["Cache-Control"] == "no-store"
    assert client.get("/healthz").headers["Cache-Control"] == "no-store"
    assert client.get("/_dash-layout").headers["Cache-Control"] == "no-cache"
    # Without the content hash the same file is revalidated, not cached for a year.
    unhashed = client.get("/assets/style.css")
    assert unhashed.headers["Cache-Control"] == "no-cache" and unhashed.headers["ETag"]
    again = client.get("/assets/style.css", headers={"If-None-Match": unhashed.headers["ETag"]})
    assert again.status_code == 304


def test_static_files_negotiate_encoding(client):
    html = client.get("/trend").get_data(as_text=True)
    dcc_url = next(u for u in script_src(html) if "dash_core_components." in u)
    plain = client.get(dcc_url).data
    for accept, encoding in (
        ("br", "br"),
        ("gzip", "gzip"),
        ("gzip, deflate, br", "br"),
        ("br;q=0, gzip", "gzip"),
        ("", None),
    ):
        response = client.get(dcc_url, headers={"Accept-Encoding": accept})
        assert response.headers.get("Content-Encoding") == encoding, accept
        assert response.headers["Vary"] == "Accept-Encoding"
        if encoding:
            assert len(response.data) < len(plain) / 3
    page = client.get("/trend", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip"


def ids_in(component) -> set[str]:
    found = set()
    stack = [component]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(node)
        elif isinstance(node, Component):
            if isinstance(getattr(node, "id", None), str):
                found.add(node.id)
            stack.append(getattr(node, "children", None))
    return found


def test_every_callback_id_exists_in_the_shell_or_its_page(app):
    with app.server.test_request_context("/"):
        # The layout is a function (the frame is drawn in the page's language).
        shell_ids = ids_in(app.layout() if callable(app.layout) else app.layout)
        page_ids = {page["path"]: ids_in(page["layout"]()) for page in dash.page_registry.values()}
    deps = app.server.test_client().get("/_dash-dependencies").get_json()
    for dep in deps:
        named = {i["id"] for i in dep["inputs"] + dep["state"]}
        named |= {o.rsplit(".", 1)[0] for o in dep["output"].strip(".").split("...")}
        named = {n for n in named if not n.startswith("_pages_")}
        assert any(named <= shell_ids | ids for ids in page_ids.values()), (dep["output"], named)


def test_every_clientside_function_is_defined_in_the_document(client):
    """The scripts of the document are built once per process: none may go missing."""
    client.get("/")
    html = client.get("/trend").get_data(as_text=True)
    deps = client.get("/_dash-dependencies").get_json()
    names = [d["clientside_function"]["function_name"] for d in deps if d["clientside_function"]]
    assert names
    for name in names:
        assert name in html, name
