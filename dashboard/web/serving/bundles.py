"""Which scripts a page loads: plotly.js only where a chart is drawn, no unused bundles,
and every script cacheable for a year.

- **plotly.js**: `assets/plotly-custom-<version>.min.js` holds exactly the trace types the
  charts draw (built by `scripts/plotly-bundle` from the npm package of the version plotly
  ships). Dash would put every `assets/*.js` into every page, so the bundle is kept out of
  that list (`ASSETS_IGNORE`) and named by the document of a page that draws charts
  (`plotly_tags`). Every page also pins dcc.Graph's own fallback URL
  (`window._dashPlotlyJSURL`, which Dash points at the full 4.8 MB plotly.js) to the same
  bundle, so a chart drawn after an in-app navigation loads the small one.
- **No unused component suites**: Dash lists `dash_table/bundle.js` on every page because
  the package is imported; no page draws a DataTable (a test checks every layout).
- **Lazy chunks by content**: dcc loads `async-graph.js` and its siblings by names without
  a version, which can only be revalidated on each visit. The chunk names inside dcc's
  bundle are rewritten to carry each chunk's content hash (`chunk_names`), so the chunks
  are served `immutable` like every other fingerprinted file.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

#: The assets Dash must not add to every page (the plotly.js bundles: see plotly_tags).
ASSETS_IGNORE = r"^plotly-.*\.js$"
#: Component suites no page uses (their scripts are left out of the document).
UNUSED_SUITES = ("dash_table",)
#: Dash's own plotly.js (the whole library), used when assets/ has no bundle.
FULL_PLOTLY = "/_dash-component-suites/plotly/package_data/plotly.min.js"

#: webpack's chunk-name map in a minified bundle: `{81:"async-mathjax",…}[t]+".js"`.
_CHUNK_MAP = re.compile(r'\{((?:\d+:"[\w.-]+",?)+)\}\[(\w+)\]\+"\.js"')
_CHUNK = re.compile(r'(\d+):"([\w.-]+)"')
_UNUSED = re.compile(
    r'<script src="[^"]*/_dash-component-suites/(?:[^/"]+/)?(?:'
    + "|".join(re.escape(s) for s in UNUSED_SUITES)
    + r')/[^"]*"></script>\s*'
)


def fingerprint(data: bytes) -> str:
    """The content hash the static files use in URLs (`static.Entry.fingerprint`)."""
    return hashlib.sha256(data).hexdigest()[:16]


@cache
def _plotly(assets_dir: Path) -> tuple[str, str]:
    """(file name, fingerprint) of the smallest plotly.js bundle in assets/, or ("", "")."""
    bundles = sorted(assets_dir.glob("plotly-*.js"), key=lambda p: p.stat().st_size)
    if not bundles:
        return "", ""
    return bundles[0].name, fingerprint(bundles[0].read_bytes())


def plotly_url(assets_dir: Path) -> str:
    """The plotly.js a chart loads, with its content hash (cacheable for a year)."""
    name, digest = _plotly(assets_dir)
    return f"/assets/{name}?v={digest}" if name else FULL_PLOTLY


def plotly_tags(assets_dir: Path, draws_charts: bool) -> str:
    """The document's plotly.js: the pinned fallback URL on every page, the script itself
    (deferred: Dash's renderer starts fetching the layout first) where charts are drawn."""
    url = plotly_url(assets_dir)
    # An accessor whose setter ignores Dash's assignment (a plain read-only property
    # would make the renderer's strict-mode assignment throw).
    pin = (
        '<script>Object.defineProperty(window,"_dashPlotlyJSURL",'
        f"{{configurable:true,get:function(){{return {json.dumps(url)}}},set:function(){{}}}})"
        "</script>"
    )
    return pin + (f'\n<script src="{url}" defer></script>' if draws_charts else "")


def without_unused(scripts: Callable[[], str]) -> Callable[[], str]:
    """Dash's script list without the suites no page uses."""

    def filtered() -> str:
        return _UNUSED.sub("", scripts())

    return filtered


def chunk_names(data: bytes, path: str, chunk: Callable[[str], bytes | None]) -> bytes:
    """A webpack bundle whose lazy chunk names carry their content hash.

    `chunk(rel)` returns the bytes of a file of the same package (None if it is not
    one), e.g. `dcc/async-graph.js`. Names become `async-graph.v<hash>m0`, the shape
    Dash's fingerprint check accepts, so `/…/async-graph.v<hash>m0.js` is served
    `immutable`. A bundle without a chunk map is returned unchanged.
    """
    if not path.endswith(".js") or b"}[" not in data:
        return data
    text = data.decode("utf-8", errors="surrogateescape")
    folder = path.rpartition("/")[0]

    def names(m: re.Match) -> str:
        def one(c: re.Match) -> str:
            body = chunk(f"{folder}/{c.group(2)}.js" if folder else f"{c.group(2)}.js")
            if body is None:
                return c.group(0)
            return f'{c.group(1)}:"{c.group(2)}.v{fingerprint(body)}m0"'

        return "{" + _CHUNK.sub(one, m.group(1)) + "}[" + m.group(2) + ']+".js"'

    rewritten = _CHUNK_MAP.sub(names, text)
    if rewritten == text:
        return data
    return rewritten.encode("utf-8", errors="surrogateescape")
