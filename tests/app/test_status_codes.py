"""Honest status codes and headers: what a client did wrong is a 4xx with one log line,
what the server did wrong a 5xx (so alerts see a broken warehouse), and no response
says which software serves it.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import urllib.request

import duckdb
import pytest
from werkzeug.serving import make_server

from dashboard.charts import registry
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.web.serving import hardening
from dashboard.web.serving.headers import QuietRequestHandler
from dashboard.words import t

PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]


def router(client) -> dict:
    deps = client.get("/_dash-dependencies").get_json()
    return next(d for d in deps if d["output"].startswith(".._pages_content"))


@pytest.mark.parametrize(
    "body",
    [
        "[" * 1000 + "]" * 1000,  # Python's parser gives up (RecursionError)
        '{"output": ' + "[" * 100 + "]" * 100 + "}",  # parses, but no renderer nests so
        '{"output": "x", "inputs": ' + '{"a":' * 50 + "1" + "}" * 50 + "}",
    ],
    ids=["1000 levels", "100 levels", "50 objects"],
)
def test_deeply_nested_json_is_a_400_with_one_log_line(client, body, caplog):
    with caplog.at_level(logging.INFO):
        response = client.post(
            "/_dash-update-component", data=body, content_type="application/json"
        )
    assert response.status_code == 400 and response.data == b"bad request\n"
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("dashboard")]
    assert len(lines) == 1 and lines[0].startswith("callback_rejected reason=")
    assert "Traceback" not in caplog.text


def test_a_deep_agenda_in_the_url_gives_the_polite_note(client):
    deep = base64.urlsafe_b64encode(("[" * 1000 + "]" * 1000).encode()).decode().rstrip("=")
    body = hardening.callback_body(router(client), ["/mote", f"?agenda={deep}"], [])
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    text = json.dumps(response.get_json(), ensure_ascii=False)
    assert t("mote.note.bad_agenda", "nb") in text  # the note, and the default sequence
    assert t("error.title", "nb") not in text


@pytest.fixture
def fresh_client(warehouse_path):
    """An app of its own (no cached answers shared with other tests)."""
    app = create_app(Settings(warehouse=warehouse_path, auto_build=False, callback_cache_mb=0))
    return app.server.test_client()


@pytest.mark.parametrize(
    ("fault", "status"),
    [(duckdb.IOException("disk gone"), 503), (OSError(5, "I/O error"), 500)],
    ids=["warehouse", "disk"],
)
def test_a_server_fault_inside_a_callback_is_a_5xx(
    fresh_client, monkeypatch, caplog, fault, status
):
    def broken(*_args, **_kwargs):
        raise fault

    body = hardening.callback_body(router(fresh_client), ["/trend", "?kommune=asker"], [])
    assert fresh_client.get("/healthz").status_code == 200  # the file is open and healthy
    monkeypatch.setattr(registry.queries, "run", broken)  # then the warehouse breaks
    with caplog.at_level(logging.INFO):
        response = fresh_client.post("/_dash-update-component", json=body)
    assert response.status_code == status
    assert ("Retry-After" in response.headers) == (status == 503)
    failed = [r.getMessage() for r in caplog.records if "callback_failed" in r.getMessage()]
    assert len(failed) == 1 and type(fault).__name__ in failed[0]
    assert "Traceback" not in caplog.text


def test_unknown_paths_get_the_sites_own_404_page(client):
    for path in ("/static/x", "/static/../../etc/passwd", "/finnes-ikke", "/trend/x/y"):
        response = client.get(path)
        assert response.status_code == 404, path
        text = response.get_data(as_text=True)
        assert '<html lang="nb">' in text and "SLT-statistikk" in text, path
        assert "Werkzeug" not in text and "<title>404 Not Found</title>" not in text


def test_other_http_errors_are_short_plain_text(client):
    response = client.post("/trend")
    assert response.status_code == 405
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.data == b"405 Method Not Allowed\n" and "GET" in response.headers["Allow"]


def test_development_routes_answer_only_in_debug(warehouse_path, client):
    assert client.get("/_reload-hash").status_code == 404
    debug = create_app(Settings(warehouse=warehouse_path, auto_build=False, debug=True))
    assert debug.server.test_client().get("/_reload-hash").status_code == 200


def test_every_response_states_one_charset(client):
    deps = client.get("/_dash-dependencies").get_json()
    assets = [
        "/assets/style.css",
        "/assets/mote.js",
        "/robots.txt",
        "/sitemap.xml",
        "/healthz",
        "/embed/host.js",
        "/last-ned/utvikling.csv",
        "/last-ned/utvikling.pdf",
        "/last-ned/alle-data.csv",
        "/qr.svg?url=/trend",
        "/qr.svg?url=http://evil.example",
        "/mote/qr.svg?url=http://evil.example",
        "/embed/utvikling",
        "/finnes-ikke",
        "/_dash-layout",
        *PAGES,
    ]
    seen = 0
    for path in assets:
        for accept in ("", "br", "gzip"):
            response = client.get(path, headers={"Accept-Encoding": accept})
            content_type = response.headers.get("Content-Type", "")
            assert content_type.count("charset") <= 1, (path, content_type)
            seen += 1
    body = hardening.callback_body(router(client), ["/trend", ""], [])
    response = client.post("/_dash-update-component", json=body)
    assert response.headers["Content-Type"].count("charset") <= 1
    assert seen == len(assets) * 3 and deps


def test_the_development_server_sends_no_server_header(app):
    server = make_server("127.0.0.1", 0, app.server, request_handler=QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/healthz") as response:
            assert response.status == 200
            assert response.headers.get("Server") is None
            assert response.headers.get("Date")  # the rest of the status line is there
    finally:
        server.shutdown()
