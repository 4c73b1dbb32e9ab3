"""An HTTP client that behaves like the browser: discovers each page's callbacks from
`/_dash-dependencies` and the page layout, walks the controls at random, and sends the
same POST sequence the renderer sends for a change (the change callback, then every
server-side callback that listens to the URL it pushed). `run.py` checks this sequence
against one recorded in headless Chromium.
"""

from __future__ import annotations

import http.client
import json
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from dashboard.web.serving.hardening import callback_body

HEADERS = {"Content-Type": "application/json", "Accept-Encoding": "br, gzip"}


class Conn:
    """One keep-alive connection (one per client thread)."""

    def __init__(self, base: str):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self._conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def request(
        self, method: str, path: str, body: bytes | None = None, headers=None
    ) -> tuple[int, bytes, dict]:
        for attempt in (0, 1):
            try:
                self._conn.request(method, path, body=body, headers=headers or HEADERS)
                response = self._conn.getresponse()
                data = response.read()
                return response.status, data, dict(response.getheaders())
            except (http.client.HTTPException, ConnectionError, OSError):
                self._conn.close()
                self._conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def post(self, body: bytes) -> tuple[int, bytes]:
        status, data, _ = self.request("POST", "/_dash-update-component", body, HEADERS)
        return status, data

    def json(self, method: str, path: str, body: dict | None = None) -> tuple[int, object]:
        plain = {"Content-Type": "application/json"}
        status, data, _ = self.request(
            method, path, json.dumps(body).encode() if body else None, plain
        )
        return status, (json.loads(data) if data and status == 200 else None)


@dataclass
class Control:
    key: tuple[str, str]  # (component id, property)
    kind: str  # one | many | number
    options: list = field(default_factory=list)
    lo: int = 0
    hi: int = 0

    def draw(self, rng: random.Random, current):
        if self.kind == "number":
            return rng.randint(self.lo, self.hi)
        if self.kind == "many":
            k = rng.randint(1, len(self.options))
            return rng.sample(self.options, k)
        choices = [o for o in self.options if o != current] or self.options
        return rng.choice(choices)


@dataclass
class PageModel:
    path: str
    change: dict  # the dependency fired by a control
    triggered: list[dict]  # server-side dependencies fired by the URL the change pushes
    controls: list[Control]
    values: dict  # (id, prop) -> current value


def _walk_components(node, found: dict):
    if isinstance(node, list):
        for item in node:
            _walk_components(item, found)
    elif isinstance(node, dict) and "props" in node:
        props = node["props"]
        if isinstance(props.get("id"), str):
            found[props["id"]] = (node.get("type"), props)
        _walk_components(props.get("children"), found)


def _options(props) -> list:
    out = []
    for option in props.get("options") or []:
        out.append(option["value"] if isinstance(option, dict) else option)
    return out


def discover(conn: Conn, path: str) -> PageModel | None:
    """The page's controls and the callbacks a change fires, read from the running app."""
    _, deps = conn.json("GET", "/_dash-dependencies")
    router = next(d for d in deps if d["output"].startswith(".._pages_content"))
    _, rendered = conn.json(
        "POST", "/_dash-update-component", callback_body(router, [path, ""], [])
    )
    components: dict = {}
    _walk_components(rendered["response"]["_pages_content"]["children"], components)
    server_deps = [d for d in deps if not d.get("clientside_function")]
    change = next(
        (
            d
            for d in server_deps
            if d["inputs"]
            and all(i["id"] in components for i in d["inputs"])
            and len(d["inputs"]) > 1
        ),
        None,
    )
    if change is None:
        return None
    triggered = [
        d
        for d in server_deps
        if d is not change
        and any(i["id"] == "url" and i["property"] == "search" for i in d["inputs"])
        and all(i["id"] in components or i["id"] == "url" for i in d["inputs"] + d["state"])
    ]
    controls, values = [], {}
    for item in change["inputs"]:
        kind_name, props = components[item["id"]]
        key = (item["id"], item["property"])
        values[key] = props.get(item["property"])
        if kind_name == "Input":
            controls.append(
                Control(
                    key,
                    "number",
                    lo=int(props.get("min") or 2000),
                    hi=int(props.get("max") or 2024),
                )
            )
        elif kind_name == "Checklist":
            controls.append(Control(key, "many", _options(props)))
        else:
            controls.append(Control(key, "one", _options(props)))
    values[("url", "search")] = ""
    values[("url", "pathname")] = path
    return PageModel(path, change, triggered, controls, values)


def bodies(model: PageModel, values: dict, search_after: str | None) -> list[bytes]:
    """The POST bodies of one change: the change, then what listens to the new URL."""

    def val(item):
        return values.get((item["id"], item["property"]))

    first = callback_body(
        model.change,
        [val(i) for i in model.change["inputs"]],
        [val(s) for s in model.change["state"]],
    )
    out = [json.dumps(first).encode()]
    if search_after is None:
        return out
    after = dict(values)
    after[("url", "search")] = search_after
    for dep in model.triggered:
        body = callback_body(
            dep,
            [after.get((i["id"], i["property"])) for i in dep["inputs"]],
            [after.get((s["id"], s["property"])) for s in dep["state"]],
        )
        out.append(json.dumps(body).encode())
    return out


def new_search(data: bytes) -> str | None:
    try:
        response = json.loads(data)["response"]
    except (ValueError, KeyError):
        return None
    return (response.get("url") or {}).get("search")


def record_walk(
    conn: Conn, model: PageModel, steps: int, rng: random.Random
) -> tuple[list[list[bytes]], list[float], list[float]]:
    """Walk the controls at random against the server (first visits of each view: the cold
    cost). Returns the POST sequences sent (for replay), per-change and first-POST times (s)."""
    values = dict(model.values)
    sequences, change_times, first_times = [], [], []
    for _ in range(steps):
        control = rng.choice(model.controls)
        values[control.key] = control.draw(rng, values[control.key])
        seq = bodies(model, values, None)
        started = time.perf_counter()
        status, data = conn.post(seq[0])
        first_times.append(time.perf_counter() - started)
        search = new_search(data) if status == 200 else None
        if search is not None and model.triggered:
            rest = bodies(model, values, search)[1:]
            for body in rest:
                conn.post(body)
            seq += rest
            values[("url", "search")] = search
        change_times.append(time.perf_counter() - started)
        sequences.append(seq)
    return sequences, change_times, first_times
