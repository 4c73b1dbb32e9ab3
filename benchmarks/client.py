"""An HTTP client that behaves like the browser: it reads br/gzip answers, discovers each
page's callbacks from `/_dash-dependencies` and the page layout, and sends, for one filter
change, every POST Dash's renderer sends — byte-compatible bodies (`changedPropIds` names
the control that changed, `parsedChangedPropsIds` as Dash 4 sends it), then every
server-side callback that listens to the URL the change pushed. `devtools.py` records the
same change in headless Chromium and checks the bodies match.
"""

from __future__ import annotations

import gzip
import http.client
import json
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import brotli

#: What Chromium sends (it advertises br on http://127.0.0.1, a potentially trustworthy origin).
ACCEPT = "gzip, deflate, br, zstd"
HEADERS = {"Content-Type": "application/json", "Accept-Encoding": ACCEPT}
CALLBACK = "/_dash-update-component"
#: Years a visitor types into a year field (the pages' data span about these).
YEARS = (2008, 2024)


def decode(data: bytes, encoding: str | None) -> bytes:
    """A response body as the browser reads it."""
    if encoding == "br":
        return brotli.decompress(data)
    if encoding == "gzip":
        return gzip.decompress(data)
    return data


class Conn:
    """One keep-alive connection (one per client thread), like one browser tab."""

    def __init__(self, base: str):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self._conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.last_seconds = 0.0  # the last request, from sending to the last byte read

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        """(status, body as sent on the wire, headers with lower-case names)."""
        for attempt in (0, 1):
            try:
                started = time.perf_counter()
                self._conn.request(method, path, body=body, headers=headers or HEADERS)
                response = self._conn.getresponse()
                data = response.read()
                self.last_seconds = time.perf_counter() - started
                return response.status, data, {k.lower(): v for k, v in response.getheaders()}
            except (http.client.HTTPException, ConnectionError, OSError):
                self._conn.close()
                self._conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def get(self, path: str, accept: str = ACCEPT) -> tuple[int, bytes, dict[str, str]]:
        return self.request("GET", path, headers={"Accept-Encoding": accept})

    def post(self, body: bytes) -> tuple[int, bytes, dict[str, str]]:
        """A callback POST; the answer as sent (compressed)."""
        return self.request("POST", CALLBACK, body, HEADERS)

    def json(self, method: str, path: str, body: dict | None = None) -> tuple[int, object]:
        data = json.dumps(body).encode() if body is not None else None
        status, raw, headers = self.request(method, path, data, HEADERS)
        text = decode(raw, headers.get("content-encoding"))
        return status, (json.loads(text) if text and status == 200 else None)


# ------------------------------------------------------------------ the callback map


def parse_output(output: str) -> list[dict[str, str]]:
    """`..a.children...b.href..` (or `a.children`) -> [{id, property}, …] as Dash sends it."""
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    out = []
    for part in parts:
        ident, _, prop = part.rpartition(".")
        out.append({"id": ident, "property": prop})
    return out


def body(dep: dict, values: dict, changed: list[str]) -> bytes:
    """The POST body Dash's renderer sends for `dep`, given (id, prop) -> value."""
    out: dict = {"output": dep["output"]}
    outputs = parse_output(dep["output"])
    out["outputs"] = outputs if len(outputs) > 1 or dep["output"].startswith("..") else outputs[0]
    out["inputs"] = [
        {"id": i["id"], "property": i["property"], "value": values.get((i["id"], i["property"]))}
        for i in dep["inputs"]
    ]
    out["changedPropIds"] = changed
    out["parsedChangedPropsIds"] = changed
    if dep["state"]:
        out["state"] = [
            {
                "id": s["id"],
                "property": s["property"],
                "value": values.get((s["id"], s["property"])),
            }
            for s in dep["state"]
        ]
    return json.dumps(out, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass
class Control:
    key: tuple[str, str]  # (component id, property)
    kind: str  # one | many | number
    options: list = field(default_factory=list)
    lo: int = YEARS[0]
    hi: int = YEARS[1]

    def draw(self, rng: random.Random, current):
        if self.kind == "number":
            choices = [y for y in range(self.lo, self.hi + 1) if y != current]
            return rng.choice(choices)
        if self.kind == "many":
            while True:
                k = rng.randint(1, len(self.options))
                value = sorted(rng.sample(self.options, k), key=self.options.index)
                if value != current or len(self.options) == 1:
                    return value
        choices = [o for o in self.options if o != current] or self.options
        return rng.choice(choices)

    @property
    def prop_id(self) -> str:
        return f"{self.key[0]}.{self.key[1]}"


@dataclass
class PageModel:
    """One page as the renderer sees it after the page has loaded."""

    path: str
    change: dict  # the server callback a control fires
    triggered: list[dict]  # server callbacks that listen to the URL the change pushes
    controls: list[Control]
    values: dict  # (id, prop) -> value after load (url.search "" = the bare path)

    def view(self, values: dict) -> tuple:
        """The view the controls show (what a normalised cache key would be)."""
        return tuple(json.dumps(values[c.key]) for c in self.controls)


def _walk_components(node, found: dict) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_components(item, found)
    elif isinstance(node, dict) and "props" in node:
        props = node["props"]
        if isinstance(props.get("id"), str):
            found[props["id"]] = (node.get("type"), props)
        for value in props.values():
            if isinstance(value, (list, dict)):
                _walk_components(value, found)


def _options(props) -> list:
    return [o["value"] if isinstance(o, dict) else o for o in props.get("options") or []]


def dependencies(conn: Conn) -> list[dict]:
    _, deps = conn.json("GET", "/_dash-dependencies")
    return deps  # type: ignore[return-value]


def router_body(deps: list[dict], path: str, search: str = "") -> bytes:
    """The pages router's POST for `path` (what the renderer sends on a page load)."""
    router = next(d for d in deps if d["output"].startswith(".._pages_content"))
    values = {("_pages_location", "pathname"): path, ("_pages_location", "search"): search}
    changed = ["_pages_location.pathname", "_pages_location.search"]
    return body(router, values, changed)


def discover(conn: Conn, path: str, deps: list[dict] | None = None) -> PageModel | None:
    """The page's controls and the callbacks a change fires, read from the running app."""
    deps = deps if deps is not None else dependencies(conn)
    status, rendered = conn.json("POST", CALLBACK, json.loads(router_body(deps, path)))
    if status != 200 or not isinstance(rendered, dict):
        return None
    components: dict = {}
    _walk_components(rendered["response"]["_pages_content"]["children"], components)
    server = [d for d in deps if not d.get("clientside_function")]
    change = next(
        (
            d
            for d in server
            if len(d["inputs"]) > 1
            and all(i["id"] in components for i in d["inputs"])
            and not d["output"].startswith(".._pages")
        ),
        None,
    )
    if change is None:
        return None
    url = ("url", "search")
    triggered = [
        d
        for d in server
        if d is not change
        and any((i["id"], i["property"]) == url for i in d["inputs"])
        and all(i["id"] in components or i["id"] == "url" for i in d["inputs"] + d["state"])
    ]
    controls, values = [], {}
    for item in change["inputs"]:
        kind, props = components[item["id"]]
        key = (item["id"], item["property"])
        values[key] = props.get(item["property"])
        if kind == "Input":
            lo = max(int(props.get("min") or YEARS[0]), YEARS[0])
            hi = min(int(props.get("max") or YEARS[1]), YEARS[1])
            controls.append(Control(key, "number", lo=lo, hi=hi))
        elif kind == "Checklist":
            controls.append(Control(key, "many", _options(props)))
        else:
            controls.append(Control(key, "one", _options(props)))
    for item in change["state"]:
        key = (item["id"], item["property"])
        if key not in values and item["id"] in components:
            values[key] = components[item["id"]][1].get(item["property"])
    values[url] = ""
    values[("url", "pathname")] = path
    return PageModel(path, change, triggered, controls, values)


def first_body(model: PageModel, values: dict, changed: Control) -> bytes:
    """The POST a control change sends (its inputs; the URL before the change as state)."""
    return body(model.change, values, [changed.prop_id])


def follow_bodies(model: PageModel, values: dict, search: str) -> list[bytes]:
    """The POSTs the renderer sends once the change has pushed `search` onto the URL."""
    after = {**values, ("url", "search"): search}
    return [body(dep, after, ["url.search"]) for dep in model.triggered]


def new_search(raw: bytes, headers: dict[str, str]) -> str | None:
    """The URL query a change answer pushes (None: the answer pushes none)."""
    try:
        response = json.loads(decode(raw, headers.get("content-encoding")))["response"]
    except (ValueError, KeyError, OSError):
        return None
    return (response.get("url") or {}).get("search")
