"""Pure: a chart's figure dict -> the figure of a standalone image (print or link preview).

A chart on a page gets its title, source and licence from the HTML around it; an image
pasted into a council paper or shown as a link preview has nothing around it, so they
are drawn in: the title and "kommune · period" on top, the source and licence under
the plot (in the footer the figure builders already put there). Fixed size, white
background, print type sizes. Also the dark-mode recolouring shared by embeds and
images (`recolour`). No I/O; the renderer is `dashboard.web.outputs.images`.
"""

from __future__ import annotations

import copy
import textwrap
from dataclasses import dataclass
from typing import Any

from dashboard import figures as fig

Figure = dict[str, Any]


@dataclass(frozen=True)
class Size:
    """Pixel size of an image and the device scale it is rendered at."""

    name: str
    width: int
    height: int
    scale: float
    title_size: int
    text_size: int
    small_size: int


#: `print`: reports and slides (1920x1280 px PNG at scale 2; SVG at 960x640).
#: `og`: link previews (og:image, twitter:image), 1200x630 as the platforms ask.
SIZES: dict[str, Size] = {
    "print": Size("print", 960, 640, 2, 20, 14, 12),
    "og": Size("og", 1200, 630, 1, 26, 16, 14),
}

_LABELS = {
    "licence": {"nb": "Lisens", "en": "Licence"},
}

#: Light colour -> dark colour, by position in the palettes of `dashboard.figures`.
DARK_COLOURS: dict[str, str] = {
    **{light.lower(): dark for light, dark in zip(fig.PALETTE, fig.DARK_PALETTE, strict=True)},
    **{
        light.lower(): dark
        for light, dark in zip(fig.TEXT_PALETTE, fig.DARK_TEXT_PALETTE, strict=True)
    },
    fig.TEXT_COLOR.lower(): fig.DARK_TEXT_COLOR,
    fig.MUTED_TEXT_COLOR.lower(): fig.DARK_MUTED_TEXT_COLOR,
    fig.AXIS_COLOR.lower(): fig.DARK_AXIS_COLOR,
    fig.GRID_COLOR.lower(): fig.DARK_GRID_COLOR,
    fig.BACKGROUND.lower(): fig.DARK_BACKGROUND,
    "#000000": fig.DARK_TEXT_COLOR,
}


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in str(text).splitlines():
        lines += textwrap.wrap(paragraph, width, break_long_words=False) or [""]
    return lines


def rewrap(text: str, width: int) -> str:
    """Plotly text wrapped with <br> (already escaped) wrapped again to `width` characters."""
    words = " ".join(str(text).split("<br>"))
    return "<br>".join(textwrap.wrap(words, width, break_long_words=False) or [""])


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lines(text: str, width: int, size: int, color: str) -> str:
    style = f"font-size:{size}px;color:{color}"
    return "<br>".join(f"<span style='{style}'>{_esc(line)}</span>" for line in _wrap(text, width))


def chars_per_line(width_px: float, font_px: float) -> int:
    """How many characters of text fit in `width_px` (average glyph ~0.55 em)."""
    return max(20, int(width_px / (font_px * 0.55)))


def category_label_px(figure: Figure, font_px: float) -> float:
    """Estimated width of the longest category name beside horizontal bars (0 for other
    charts): the left margin Plotly's automargin will give them. Generous (0.62 em per
    character), since it only narrows the footer."""
    traces = [t for t in figure.get("data") or [] if isinstance(t, dict)]
    if not any(t.get("type") == "bar" and t.get("orientation") == "h" for t in traces):
        return 0.0
    yaxis = (figure.get("layout") or {}).get("yaxis") or {}
    labels = yaxis.get("ticktext") or [y for t in traces for y in (t.get("y") or [])]
    lines = [line for label in labels for line in str(label).split("<br>")]
    return max((len(line) for line in lines), default=0) * font_px * 0.62


def print_figure(
    figure: Figure,
    *,
    title: str,
    view: str,
    source: str,
    licence: str,
    lang: str = "nb",
    size: str = "print",
    dark: bool = False,
) -> Figure:
    """`figure` with title, view (kommune · period), source and licence drawn in.

    The figure's own footer (missing-value key, breaks, events) stays under the plot;
    the source and licence are added after it, so `automargin` keeps all of it clear
    of the tick labels. The input is not modified.
    """
    spec = SIZES[size]
    out = copy.deepcopy(figure)
    labels_dropped = drop_series_labels(out)
    layout = out.setdefault("layout", {})
    muted = fig.MUTED_TEXT_COLOR
    heading_chars = chars_per_line(spec.width - 40, spec.title_size)
    text_chars = chars_per_line(spec.width - 40, spec.small_size)
    # The footer is centred under the plot area: beside wide bar names it must be
    # narrower than the plot, or it runs off the image's right edge.
    footer_chars = chars_per_line(
        spec.width - 40 - category_label_px(out, spec.text_size), spec.small_size
    )

    top = _lines(title, heading_chars, spec.title_size, fig.TEXT_COLOR)
    if view:
        top += "<br>" + _lines(view, text_chars, spec.text_size, muted)
    layout["title"] = {
        "text": top,
        "x": 0,
        "xanchor": "left",
        "xref": "container",
        "y": 1,
        "yanchor": "bottom",
        "yref": "paper",
        "automargin": True,
        "pad": {"l": 16, "t": 0, "b": 28},
        "font": {"size": spec.title_size, "color": fig.TEXT_COLOR, "family": fig.FONT_FAMILY},
    }

    footer_parts = [source]
    if licence:
        footer_parts.append(
            f"{_LABELS['licence'][lang if lang in ('nb', 'en') else 'nb']}: {licence}"
        )
    footer = "<br>".join(_lines(p, footer_chars, spec.small_size, muted) for p in footer_parts if p)
    xaxis = layout.setdefault("xaxis", {})
    axis_title = xaxis.get("title")
    if not isinstance(axis_title, dict):
        axis_title = {"text": axis_title or ""}
    existing = axis_title.get("text") or ""
    axis_title["text"] = f"{existing}<br>{footer}" if existing else footer
    axis_title.setdefault("font", {"size": spec.small_size, "color": muted})
    xaxis["title"] = axis_title

    margin = layout.setdefault("margin", {})
    right = 16 if labels_dropped else max(int(margin.get("r", 16)), 16)
    margin.update({"l": 16, "r": right, "b": 16})
    margin["t"] = max(int(margin.get("t", 16)), 16)
    layout.update(
        {
            "width": spec.width,
            "height": spec.height,
            "autosize": False,
            "paper_bgcolor": fig.BACKGROUND,
            "plot_bgcolor": fig.BACKGROUND,
        }
    )
    font = dict(layout.get("font") or {})
    font.update({"family": fig.FONT_FAMILY, "size": spec.text_size})
    font.setdefault("color", fig.TEXT_COLOR)
    layout["font"] = font
    return recolour(out) if dark else out


def has_legend(figure: Figure) -> bool:
    """Whether the figure shows a legend naming at least two traces."""
    if (figure.get("layout") or {}).get("showlegend", True) is False:
        return False
    traces = figure.get("data") or []
    named = [
        t
        for t in traces
        if isinstance(t, dict) and t.get("name") and t.get("showlegend", True) is not False
    ]
    return len(named) >= 2


def drop_series_labels(figure: Figure) -> bool:
    """Remove the direct line labels (annotations named "series-label") of a figure that
    has a legend; True if any were removed. Changes `figure` in place (pass a copy).

    On a page, the browser moves or thins these labels so they never overlap
    (assets/labels.js); an image or a slide has no browser to do that, and the legend
    names the same series, so they are left out there.
    """
    layout = figure.get("layout")
    if not isinstance(layout, dict) or not has_legend(figure):
        return False
    notes = layout.get("annotations") or []
    kept = [a for a in notes if not (isinstance(a, dict) and a.get("name") == "series-label")]
    layout["annotations"] = kept
    return len(kept) < len(notes)


def recolour(figure: Figure, colours: dict[str, str] | None = None) -> Figure:
    """A copy of `figure` with every light-palette colour replaced by its dark counterpart.

    Colours appear as plain strings anywhere in a figure (marker, line, font, inline
    `<span style='color:…'>` in texts), so every string is rewritten.
    """
    mapping = DARK_COLOURS if colours is None else colours

    def swap(text: str) -> str:
        lowered = text.lower()
        if lowered in mapping:
            return mapping[lowered]
        if "color:" in lowered:
            for light, dark in mapping.items():
                text = text.replace(f"color:{light}", f"color:{dark}")
                text = text.replace(f"color:{light.upper()}", f"color:{dark}")
        return text

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value) for value in node]
        if isinstance(node, str):
            return swap(node)
        return node

    out = walk(figure)
    legend = out.get("layout", {}).get("legend")
    if isinstance(legend, dict) and legend.get("bgcolor") == "rgba(255,255,255,0)":
        legend["bgcolor"] = "rgba(0,0,0,0)"
    return out
