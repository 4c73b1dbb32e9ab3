"""Møtemodus helpers without Dash: figure scaling for a projector, and which URLs a
slide's QR code may encode (the drawing is `share.qr_svg`, shared with the share dialog).

Pure functions, so they are tested without a browser: `slide_view` makes a chart's figure
dict readable from the back of a meeting room (and gives its footnotes for the slide's
HTML), `view_url_ok` accepts only views of this site.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from dashboard.figures import LARGE_SCALE, page_figure
from dashboard.printing import rewrap
from dashboard.web.outputs.agenda import MAX_ENCODED, is_site_path

#: Chart text on a slide is at least this large (px) at 1920x1080.
MIN_SLIDE_FONT = 20
#: Characters per line of a series name in a slide's legend (a card's is 24).
SLIDE_LEGEND_WRAP = 40
#: Keys of a Plotly figure whose dict value carries a font `size`.
_FONT_KEYS = frozenset(
    {"font", "tickfont", "textfont", "titlefont", "insidetextfont", "outsidetextfont"}
)
_INLINE_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")
#: Longest URL a QR code is drawn for (an agenda link is not a view; views are short).
MAX_QR_URL = 2000


def _scaled(size: float, scale: float, minimum: int) -> int:
    return max(round(size * scale), minimum)


def slide_figure(
    figure: dict[str, Any], scale: float = LARGE_SCALE, minimum: int = MIN_SLIDE_FONT
) -> dict[str, Any]:
    """A copy of `figure` with every font size scaled (and at least `minimum` px).

    Walks the whole dict: layout and axis fonts, tick fonts, legend, annotations (also
    `font-size:Npx` written inside their text), shape labels, trace text fonts. The copy
    is rebuilt node by node, so a font dict the builder shares between two places is
    scaled once in each. Direct line labels stay: on the slide, as on the page,
    assets/labels.js spreads them for the drawn size and hides one that would still
    overlap (the legend names every series). Margins grow by the same factor. The input
    is not changed.
    """

    def walk(node: Any, key: str = "") -> Any:
        if isinstance(node, dict):
            out = {k: walk(v, k) for k, v in node.items()}
            if key in _FONT_KEYS and isinstance(out.get("size"), (int, float)):
                out["size"] = _scaled(out["size"], scale, minimum)
            return out
        if isinstance(node, list):
            return [walk(v, key) for v in node]
        if isinstance(node, str) and "font-size" in node:
            return _INLINE_SIZE.sub(
                lambda m: f"font-size:{_scaled(float(m.group(1)), scale, minimum)}px", node
            )
        return node

    out = walk(figure)
    layout = out.get("layout")
    if not isinstance(layout, dict):
        return out
    margin = layout.get("margin")
    if isinstance(margin, dict):
        for side in ("l", "r", "t", "b"):
            if isinstance(margin.get(side), (int, float)):
                margin[side] = round(margin[side] * scale)
    layout["autosize"] = True
    layout.pop("height", None)  # the slide's height, not the card's
    layout.pop("width", None)
    return out


def slide_view(figure: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """What a slide draws: the chart in projector type, and its footnotes for the slide's HTML.

    The footnotes (missing values, events, breaks) leave the drawing as on a page: drawn
    in at projector size they took a third of a laptop's slide; as HTML beside the chart
    they reflow. A page's phone-sized wraps (`layout.meta["page"]`) are not applied: a
    slide with a chart is at least 700 px wide. The input is not changed.
    """
    layout = figure.get("layout")
    if isinstance(layout, dict) and isinstance(layout.get("meta"), dict):
        meta = {k: v for k, v in layout["meta"].items() if k != "page"}
        figure = {**figure, "layout": {**layout, "meta": meta}}
    drawn, footnotes = page_figure(figure)
    out = slide_figure(drawn)
    # A slide is wide: series names in the legend on one line where they fit (fewer rows).
    for trace in out.get("data") or []:
        if isinstance(trace, dict) and isinstance(trace.get("name"), str):
            trace["name"] = rewrap(trace["name"], SLIDE_LEGEND_WRAP)
    layout = out.get("layout") or {}
    # ... and the names of a horizontal chart's rows (a comparison of 13 kommuner: wrapped
    # for a phone, their two-line names overlapped at projector size).
    yaxis = layout.get("yaxis")
    if isinstance(yaxis, dict) and isinstance(yaxis.get("categoryarray"), list):
        yaxis["categoryarray"] = [
            rewrap(c, SLIDE_LEGEND_WRAP) if isinstance(c, str) else c
            for c in yaxis["categoryarray"]
        ]
        for trace in out.get("data") or []:
            if isinstance(trace, dict) and isinstance(trace.get("y"), list):
                trace["y"] = [
                    rewrap(c, SLIDE_LEGEND_WRAP) if isinstance(c, str) else c for c in trace["y"]
                ]
    margin = layout.get("margin")
    if (
        isinstance(margin, dict)
        and not layout.get("shapes")
        and not layout.get("title", {}).get("text")
    ):
        # The room a card keeps above the plot for event numbers: none to show here.
        margin["t"] = margin.get("l", 0)
    return out, footnotes


def view_url_ok(url: str) -> bool:
    """Whether `url` is a path (+ query) of this site: no scheme, no host, not too long."""
    if not url or len(url) > MAX_QR_URL + MAX_ENCODED:
        return False
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and is_site_path(parts.path)
