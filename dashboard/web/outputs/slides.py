"""Møtemodus helpers without Dash: figure scaling for a projector, and which URLs a
slide's QR code may encode (the drawing is `share.qr_svg`, shared with the share dialog).

Pure functions, so they are tested without a browser: `slide_figure` makes a chart's
figure dict readable from the back of a meeting room, `view_url_ok` accepts only views of
this site.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from dashboard.figures import LARGE_SCALE
from dashboard.printing import drop_series_labels
from dashboard.web.outputs.agenda import MAX_ENCODED, is_site_path

#: Chart text on a slide is at least this large (px) at 1920x1080.
MIN_SLIDE_FONT = 20
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
    scaled once in each. Direct line labels (annotations named "series-label") are
    dropped when the figure has a legend: spaced for the card's small type, they would
    overlap at projector size, and the legend names the same series. Margins grow by the
    same factor. The input is not changed.
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
    labels_dropped = drop_series_labels(out)
    margin = layout.get("margin")
    if isinstance(margin, dict):
        for side in ("l", "r", "t", "b"):
            if isinstance(margin.get(side), (int, float)):
                margin[side] = round(margin[side] * scale)
        if labels_dropped and isinstance(margin.get("t"), (int, float)):
            margin["r"] = margin["t"]  # the room reserved for the labels is not needed
    layout["autosize"] = True
    layout.pop("height", None)  # the slide's height, not the card's
    layout.pop("width", None)
    return out


def view_url_ok(url: str) -> bool:
    """Whether `url` is a path (+ query) of this site: no scheme, no host, not too long."""
    if not url or len(url) > MAX_QR_URL + MAX_ENCODED:
        return False
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and is_site_path(parts.path)
