"""Untrusted input stops here: callback bodies are checked before Dash dispatches them.

Dash trusts the body of `POST /_dash-update-component`: a body that is not the shape its
renderer sends (not JSON, not an object, an unknown output, inputs that do not match
the callback) raised deep inside Dash and answered 500 with a full traceback in the log.
Here each body is checked against the callback map first; what does not fit answers 400
with one short, structured log line (no body content, no client address): not JSON, or
nested deeper than a renderer ever sends (`MAX_DEPTH`; 1 000 levels of `[` made Python's
parser raise RecursionError, a 500 with a traceback).
A callback that still fails on a well-formed body is answered 400 too (its input came
from the client), except a fault of the server itself (`SERVER_FAULTS`: the warehouse,
the disk, memory): that is a 503 (warehouse) or 500, logged as `callback_failed`, so
5xx alerts see a broken warehouse. Unknown `/_dash-component-suites/` paths answer 404
instead of Dash's 500.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence

import duckdb
import flask
from dash import Dash
from dash.exceptions import DependencyException, PreventUpdate

log = logging.getLogger(__name__)

CALLBACK_ENDPOINT = "/_dash-update-component"
SUITES_ENDPOINT = "/_dash-component-suites/<string:package_name>/<path:fingerprinted_path>"
MAX_BODY = 64 * 1024  # the largest real body is ~2 KB (a page's controls and the URL)
#: Properties that are strings (or missing) in every browser: the URL parts.
STRING_PROPS = frozenset({"pathname", "search", "hash", "href"})
#: The deepest nesting of a body Dash's renderer sends is 4 (body, inputs, item, a list
#: value); anything much deeper is not a browser.
MAX_DEPTH = 12
#: Faults of the server, not of the request: pages and callbacks let these through (they
#: show a friendly note for anything else), and the guard answers 503/500 for them.
SERVER_FAULTS: tuple[type[BaseException], ...] = (duckdb.Error, OSError, MemoryError)


class BadCallback(ValueError):
    """A callback body that is not what Dash's renderer sends."""


def parse_output(text: str) -> list[dict] | dict:
    """Dash's output key (`..a.b...c.d..` or `a.b`) as the `outputs` field of a body."""
    parts = text.strip(".").split("...")  # a duplicate output keeps its "@hash" suffix
    outs = [dict(zip(("id", "property"), p.rsplit(".", 1), strict=True)) for p in parts]
    return outs if text.startswith("..") else outs[0]


def callback_body(dep: dict, inputs: Sequence[object], state: Sequence[object]) -> dict:
    """The body the browser POSTs for one callback of `/_dash-dependencies`, given values."""
    return {
        "output": dep["output"],
        "outputs": parse_output(dep["output"]),
        "inputs": [
            {"id": i["id"], "property": i["property"], "value": v}
            for i, v in zip(dep["inputs"], inputs, strict=True)
        ],
        "state": [
            {"id": s["id"], "property": s["property"], "value": v}
            for s, v in zip(dep["state"], state, strict=True)
        ],
        "changedPropIds": [f"{i['id']}.{i['property']}" for i in dep["inputs"][:1]],
    }


def _check_items(given: object, declared: Sequence[dict], what: str) -> None:
    if not isinstance(given, list) or len(given) != len(declared):
        raise BadCallback(f"{what}_count")
    for item, want in zip(given, declared, strict=True):
        if not isinstance(item, dict):
            raise BadCallback(f"{what}_shape")
        if item.get("id") != want["id"] or item.get("property") != want["property"]:
            raise BadCallback(f"{what}_mismatch")
        value = item.get("value")
        if want["property"] in STRING_PROPS and not (value is None or isinstance(value, str)):
            raise BadCallback(f"{what}_type")


def _depth(value: object) -> int:
    """How deeply lists and objects nest in a parsed body (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def validate(app: Dash, raw: bytes) -> dict:
    """The parsed body if it is a well-formed call of a registered callback, else BadCallback."""
    if len(raw) > MAX_BODY:
        raise BadCallback("too_large")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise BadCallback("not_json") from None
    except RecursionError:  # deeper than Python's parser goes: not a browser's body
        raise BadCallback("too_deep") from None
    if not isinstance(body, dict):
        raise BadCallback("not_object")
    if _depth(body) > MAX_DEPTH:
        raise BadCallback("too_deep")
    output = body.get("output")
    spec = app.callback_map.get(output) if isinstance(output, str) else None
    if spec is None:
        raise BadCallback("unknown_output")
    if body.get("outputs") != parse_output(str(output)):
        raise BadCallback("outputs_mismatch")
    _check_items(body.get("inputs"), spec["inputs"], "inputs")
    _check_items(body.get("state", []), spec["state"], "state")
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        raise BadCallback("changed_shape")
    return body


def _reject(reason: str, status: int = 400) -> flask.Response:
    log.warning("callback_rejected reason=%s bytes=%s", reason, flask.request.content_length or 0)
    return flask.Response("bad request\n", status=status, mimetype="text/plain")


def _where(exc: BaseException) -> str:
    """`file.py:line` of the innermost frame: where a callback failed, in one word."""
    frame = exc.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    if frame is None:
        return "?"
    return f"{frame.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.tb_lineno}"


def server_fault(exc: BaseException) -> flask.Response:
    """503 for a warehouse that cannot answer, 500 for the disk or memory; one log line."""
    warehouse = isinstance(exc, duckdb.Error)
    log.error(
        "callback_failed reason=%s error=%s at=%s",
        "warehouse" if warehouse else "server",
        type(exc).__name__,
        _where(exc),
    )
    if warehouse:
        return flask.Response(
            "warehouse unavailable\n",
            status=503,
            mimetype="text/plain",
            headers={"Retry-After": "30"},
        )
    return flask.Response("server error\n", status=500, mimetype="text/plain")


def guard_callbacks(app: Dash) -> Callable:
    """Wrap Dash's callback view: validate first; a failure is a 400 with one log line."""
    server = app.server
    dispatch = server.view_functions[CALLBACK_ENDPOINT]

    def guarded(*args, **kwargs):
        try:
            validate(app, flask.request.get_data(cache=True))
        except BadCallback as exc:
            return _reject(str(exc))
        try:
            return dispatch(*args, **kwargs)
        except PreventUpdate:
            raise  # Dash's own handler answers 204
        except SERVER_FAULTS as exc:
            return server_fault(exc)
        except Exception as exc:
            return _reject(f"callback_error error={type(exc).__name__} at={_where(exc)}")

    server.view_functions[CALLBACK_ENDPOINT] = guarded
    return guarded


def guard_component_suites(app: Dash) -> None:
    """Unknown component-suite paths are 404 (Dash raises DependencyException: 500)."""
    server = app.server
    serve = server.view_functions[SUITES_ENDPOINT]

    def guarded(package_name: str, fingerprinted_path: str):
        try:
            return serve(package_name, fingerprinted_path)
        except (DependencyException, OSError, KeyError):
            return flask.Response("not found\n", status=404, mimetype="text/plain")

    server.view_functions[SUITES_ENDPOINT] = guarded


def register(app: Dash) -> None:
    """Install the guards on the app's Flask server (after Dash set up its routes)."""
    guard_callbacks(app)
    guard_component_suites(app)
