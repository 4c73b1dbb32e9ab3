"""Pure chart builders: a tidy DataFrame and a `ChartMeta` in, a Plotly figure dict out.

Why plain dicts: a dict costs nothing to build, cache or send (no validation, ~20 ms
saved per figure compared with plotly.express), and `dcc.Graph(figure=...)` takes it
as is. No I/O and no Dash here, so every rule below is testable on the JSON.

Rules every builder keeps:
- Missing is never 0. A missing value is `None` in the trace (a gap; lines never
  connect across it) and its SSB symbol (`..` `:` `.` `-`) is printed: for bars at
  the baseline where the bar would be, for lines in a "Mangler: ..." line under the
  chart (nothing is drawn at y = 0).
- Colour is never the only carrier: lines differ in dash, marker symbol and a direct
  label at their last point; bars differ in fill pattern and carry value labels.
- Colours have >= 3:1 contrast against white (WCAG non-text), text >= 4.5:1.
- Works from 320 px wide to a 1920x1080 projector: no fixed width, compact margins
  with `automargin`, the legend horizontal under the plot, wrapped titles and
  footer, fonts scaled x1.6 with `ChartMeta.large`.
- Numbers are pre-formatted in Python (`formatting.py`), so hover and labels show
  "1 234,5" exactly as tables and sentences do.

- No text is rotated: tick labels, value labels and line labels are horizontal
  (assets/labels.js thins or hides what would overlap in the browser).

Layout of every chart, top to bottom: title and subtitle (left-aligned), the plot,
the footer (missing values, breaks in the series, notes, source) as the x-axis title
so `automargin` keeps it clear of the tick labels, and the legend at the bottom edge.
A page draws `page_figure(figure)`: the footer leaves the drawing for HTML under the
chart (it reflows at any width) and phone-sized wraps apply; images, embeds and
slides draw the figure as built.
"""

from __future__ import annotations

import calendar
import math
import textwrap
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import pandas as pd

from dashboard import dimensions as dims
from dashboard.words.numbers import (
    check_lang,
    format_number,
    is_missing,
    missing_symbol,
    plotly_separators,
    status_label,
)

__all__ = [
    "DARK_PALETTE",
    "DASHES",
    "PALETTE",
    "PATTERNS",
    "SYMBOLS",
    "TEXT_PALETTE",
    "ChartMeta",
    "bar_chart",
    "contrast_ratio",
    "empty_figure",
    "funnel_chart",
    "line_chart",
    "sparkline_svg",
    "text_color_on",
]

Figure = dict[str, Any]

# --- Visual vocabulary --------------------------------------------------------

#: Series colours: Okabe-Ito (colour-blind safe), orange / sky blue / purple darkened
#: until each has >= 3:1 contrast against white; yellow dropped (it cannot reach 3:1
#: without turning olive). Most distinct first, since most charts have 2-3 series.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue            5.2:1
    "#D55E00",  # vermillion      3.9:1
    "#009E73",  # bluish green    3.4:1
    "#C66A9D",  # reddish purple  3.5:1 (Okabe-Ito #CC79A7 is 3.06:1, too close)
    "#BD8300",  # orange          3.3:1 (Okabe-Ito #E69F00 is 2.2:1)
    "#1D96DB",  # sky blue        3.3:1 (Okabe-Ito #56B4E9 is 2.3:1)
    "#555555",  # dark grey       7.5:1
)
#: The same hues darkened to >= 4.5:1 against white, for text in a series' colour
#: (the direct line labels).
TEXT_PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#BE5400",
    "#008460",
    "#BB4D8A",
    "#9C6C00",
    "#177AB2",
    "#555555",
)
#: Line dash per series (Plotly's named dashes).
DASHES: tuple[str, ...] = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
#: Marker symbol per series: filled shapes that stay distinct when small.
SYMBOLS: tuple[str, ...] = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "x",
    "triangle-down",
    "star",
    "cross",
)
#: Bar fill pattern per series (`marker.pattern.shape`); the first is solid.
PATTERNS: tuple[str, ...] = ("", "/", ".", "x", "\\", "+", "-", "|")

TEXT_COLOR = "#1a1a1a"  # 17:1 on white
MUTED_TEXT_COLOR = "#4d4d4d"  # 8.5:1 on white: source line, subtitle, event labels
AXIS_COLOR = "#767676"  # 4.5:1: axis line, zero line, event and break lines
GRID_COLOR = "#e6e6e6"  # decorative only
BACKGROUND = "#ffffff"
FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

#: Dark mode (embeds and pages under `prefers-color-scheme: dark`): the same hues in the
#: same order, lightened until each has >= 4.5:1 against DARK_BACKGROUND, so one palette
#: serves both marks (>= 3:1) and direct labels. `dashboard.printing.recolour` maps each
#: light colour above to its dark counterpart by position.
DARK_BACKGROUND = "#15181c"
DARK_PALETTE: tuple[str, ...] = (
    "#4DA3E0",  # blue            6.5:1 on DARK_BACKGROUND
    "#F07E3C",  # vermillion      6.6:1
    "#2FBF8F",  # bluish green    7.6:1
    "#E08BC0",  # reddish purple  7.3:1
    "#E6B23A",  # orange          9.2:1
    "#7CC7F2",  # sky blue        9.6:1
    "#B8B8B8",  # grey            9.0:1
)
DARK_TEXT_PALETTE: tuple[str, ...] = DARK_PALETTE
DARK_TEXT_COLOR = "#e8e8e8"  # 14.5:1
DARK_MUTED_TEXT_COLOR = "#b8b8b8"  # 9.0:1
DARK_AXIS_COLOR = "#8a8f96"  # 5.5:1
DARK_GRID_COLOR = "#2e3238"  # decorative only

BASE_FONT_SIZE = 14
LARGE_SCALE = 1.6
#: Characters per line before wrapping with <br>: measured to fit a 320 px wide screen
#: (the footer is centred under the plot area, which starts after the y-axis labels).
TITLE_WRAP = 30
SUBTITLE_WRAP = 38
FOOTER_WRAP = 40
LABEL_WRAP = 14  # direct labels of lines, in the right margin
LEGEND_WRAP = 24  # legend entries (series names) under the plot
CATEGORY_WRAP = 18  # category names beside horizontal bars on a page (a phone)
WIDE_CATEGORY_WRAP = 36  # the same in images, embeds and slides (at least 640 px wide)
#: Plot widths (px) text is fitted to: a 320 px phone's, and a laptop's or a 960 px print
#: image's (value labels of grouped columns must fit there to be drawn at all).
PHONE_PLOT_PX = 240
WIDE_PLOT_PX = 880
#: Plotly's height of a chart that sets none (the page reserves it before drawing).
DEFAULT_HEIGHT = 450
#: Average glyph width as a share of the font size, to reserve margin for labels.
GLYPH_WIDTH = 0.6

_TEXT = {
    "missing": {"nb": "Mangler", "en": "Missing"},
    "break": {"nb": "Brudd i serien", "en": "Break in series"},
    "break_between": {
        "nb": "Brudd i serien mellom {a} og {b}",
        "en": "Break in series between {a} and {b}",
    },
    "no_data": {"nb": "Ingen tall å vise", "en": "No figures to show"},
}
#: Month names for event dates (shared with the Om dataene page).
MONTHS = {
    "nb": (
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

# --- Colour arithmetic (WCAG 2.x) ---------------------------------------------


def _relative_luminance(hex_color: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    h = hex_color.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"expected #rrggbb, got {hex_color!r}")

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(h[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str = BACKGROUND) -> float:
    """WCAG contrast ratio (1-21) between two "#rrggbb" colours."""
    a, b = _relative_luminance(foreground), _relative_luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def text_color_on(background: str) -> str:
    """Black or white, whichever reads better on `background` (text inside a bar)."""
    black, white = "#000000", "#ffffff"
    on_black, on_white = contrast_ratio(black, background), contrast_ratio(white, background)
    return black if on_black >= on_white else white


# --- Chart metadata -----------------------------------------------------------


@dataclass(frozen=True)
class ChartMeta:
    """Everything a chart says besides its numbers.

    `title` says what, where and when; `y_title` names the unit; `source` is the
    full source line as printed ("Kilde: ..."); `events` are dated happenings drawn
    as dotted lines ((ISO date, label)); `breaks` are breaks in the series drawn as
    dashed lines between two x values ((x between, e.g. 2019.5, label)).
    """

    title: str
    subtitle: str = ""
    y_title: str = ""
    source: str = ""
    notes: tuple[str, ...] = ()
    lang: str = "nb"
    decimals: int = 0
    large: bool = False
    events: tuple[tuple[str, str], ...] = ()
    breaks: tuple[tuple[float, str], ...] = ()

    def __post_init__(self) -> None:
        check_lang(self.lang)
        if self.decimals < 0:
            raise ValueError("decimals must be >= 0")
        for iso, _label in self.events:
            date.fromisoformat(iso)  # fail at construction, not at draw time


# --- Small helpers ------------------------------------------------------------


def _esc(text: str) -> str:
    """Escape Plotly's pseudo-HTML so "<5" in a label is shown, not parsed as a tag."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _wrap(text: str, width: int) -> str:
    """Escape and wrap plain text into <br>-separated lines (Plotly never wraps)."""
    lines: list[str] = []
    for paragraph in str(text).splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=False) or [""])
    return "<br>".join(_esc(line) for line in lines)


def _t(key: str, lang: str) -> str:
    return _TEXT[key][lang]


def _cycle(values: tuple[str, ...], i: int) -> str:
    return values[i % len(values)]


def _num(value: Any) -> float | None:
    """A JSON-safe float, or None for a missing value (never 0)."""
    if is_missing(value):
        return None
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"value {value!r} is not a finite number")
    return number


def _x(value: Any) -> int | float:
    """An x position as a plain int when whole (years), else float."""
    if is_missing(value):
        raise ValueError("line_chart: a row has no x (year)")
    number = float(value)
    return int(number) if number.is_integer() else number


def _year_fraction(iso: str) -> float:
    """ "2015-10-01" -> 2015.75: the year plus elapsed months (and days within the month)."""
    d = date.fromisoformat(iso)
    days = calendar.monthrange(d.year, d.month)[1]
    return d.year + (d.month - 1 + (d.day - 1) / days) / 12


def _width(meta: ChartMeta, chars: int) -> int:
    """Wrap width in characters: the 320 px budget, doubled on a projector (`large`)."""
    return chars * 2 if meta.large else chars


def _sizes(meta: ChartMeta) -> dict[str, Any]:
    """Font and mark sizes, scaled for a projector when `meta.large`."""
    s = LARGE_SCALE if meta.large else 1.0
    return {
        "base": round(BASE_FONT_SIZE * s),
        "title": round(18 * s),
        "subtitle": round(14 * s),
        "small": round(12 * s),
        "marker": round(8 * s),
        "line": round(2.5 * s, 1),
        "margin": round(8 * s),
    }


def _records(df: pd.DataFrame, required: tuple[str, ...], builder: str) -> list[dict[str, Any]]:
    """Rows as plain dicts (Python scalars), after checking the columns a builder needs."""
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ValueError(f"{builder} needs columns {missing}; got {list(df.columns)}")
    return df.to_dict("records")


def _series_order(rows: list[dict[str, Any]]) -> list[str]:
    """Series names in order of first appearance (colours follow this order)."""
    order: dict[str, None] = {}
    for row in rows:
        order.setdefault(_series_name(row), None)
    return list(order)


def _series_name(row: dict[str, Any]) -> str:
    name = row.get("series")
    return "" if is_missing(name) else str(name)


def _symbol_key(symbols: list[str], lang: str) -> str:
    """ ".. = tall mangler, : = skjult (konfidensielt)" for the symbols used."""
    order = {code: k for k, code in enumerate(dims.STATUSES)}
    seen = sorted(set(symbols), key=lambda s: (order.get(s, len(order)), s))
    return ", ".join(f"{s} = {status_label(s, lang)}" for s in seen)


def _footer(meta: ChartMeta, extra: list[str], first_line: str = "") -> str:
    """The text under the plot: data caveats first, then notes, then the source last.

    `first_line` (already HTML) goes on top in normal text size, for a value-axis
    title that has to share the bottom axis with the footer (horizontal bars).
    """
    size = _sizes(meta)["small"]
    lines = [_wrap(p, _width(meta, FOOTER_WRAP)) for p in _footer_parts(meta, extra)]
    body = "<br>".join(lines)
    if not first_line:
        return body
    styled = _styled_lines(body, size, MUTED_TEXT_COLOR) if body else ""
    return first_line + ("<br>" + styled if styled else "")


def _footer_parts(meta: ChartMeta, extra: list[str]) -> list[str]:
    """The footer's paragraphs as plain text: caveats, notes, source (empty ones left out)."""
    return [p for p in (*extra, *meta.notes, meta.source) if p]


def _keep_footnotes(
    layout: dict[str, Any], meta: ChartMeta, extra: list[str], axis_title: str = ""
) -> None:
    """Record the footer's paragraphs as text in `layout.meta`, for `page_figure`.

    `axis_title` is what the bottom axis title says without the footer (the value axis
    title of horizontal bars, else nothing).
    """
    parts = _footer_parts(meta, extra)
    if parts:
        layout.setdefault("meta", {}).update({"footnotes": parts, "axis_title": axis_title})


def page_figure(figure: Figure) -> tuple[Figure, list[str]]:
    """The figure as a page draws it, and the footnotes the page shows under it as HTML.

    The figure is built without knowing the viewport, and Plotly never wraps SVG text:
    at 320 px a long footer line ran past the chart's edge. So on a page
    - the footer (missing values, symbol key, events, breaks, notes) is taken out of the
      drawing and returned as paragraphs, for HTML that reflows at any width;
    - the layout changes a builder recorded for a phone (`layout.meta["page"]`: names
      beside horizontal bars wrapped narrower, and the height they then need) apply.
    Images, embeds and slides use the figure as built (footer drawn in, wrapped for
    640 px and wider). The input is not changed.
    """
    layout = figure.get("layout") or {}
    info = layout.get("meta")
    if not isinstance(info, dict):
        return figure, []
    out = {key: value for key, value in layout.items() if key != "meta"}
    footnotes = [str(p) for p in info.get("footnotes") or []]
    if footnotes:
        xaxis = out.get("xaxis")
        if isinstance(xaxis, dict) and isinstance(xaxis.get("title"), dict):
            title = {**xaxis["title"], "text": info.get("axis_title", "")}
            out["xaxis"] = {**xaxis, "title": title}
        notes = out.get("annotations")
        if isinstance(notes, list):
            out["annotations"] = [
                a for a in notes if not (isinstance(a, dict) and a.get("name") == "footer")
            ]
    for key, change in (info.get("page") or {}).items():
        out[key] = {**out[key], **change} if isinstance(change, dict) else change
    return {**figure, "layout": out}, footnotes


def _styled_lines(html: str, size: int, color: str) -> str:
    """Wrap each <br>-separated line in a sized, coloured span (a span does not cross <br>)."""
    style = f"font-size:{size}px;color:{color}"
    return "<br>".join(f"<span style='{style}'>{line}</span>" for line in html.split("<br>"))


def _title(meta: ChartMeta) -> dict[str, Any]:
    """Left-aligned title with the subtitle as smaller, muted lines of the same text.

    Not `title.subtitle` and not `<sup>`: measured in Chromium, plotly.js 4.1 clips the
    first line of a multi-line title anchored to the container top, leaves a native
    subtitle out of the automargin (it overlaps the plot), and `<sup>` lifts the line.
    One text block above the plot area (yref paper, anchored at its bottom) is
    measured whole by `automargin`.
    """
    sizes = _sizes(meta)
    text = _wrap(meta.title, _width(meta, TITLE_WRAP))
    if meta.subtitle:
        subtitle = _wrap(meta.subtitle, _width(meta, SUBTITLE_WRAP))
        text += "<br>" + _styled_lines(subtitle, sizes["subtitle"], MUTED_TEXT_COLOR)
    return {
        "text": text,
        "x": 0,
        "xanchor": "left",
        "xref": "container",
        "y": 1,
        "yanchor": "bottom",
        "yref": "paper",
        "automargin": True,
        "pad": {"l": sizes["margin"], "t": 0, "b": sizes["margin"] + sizes["small"]},
        "font": {"size": sizes["title"], "color": TEXT_COLOR, "family": FONT_FAMILY},
    }


def _base_layout(meta: ChartMeta, hovermode: str | bool, footer: str) -> dict[str, Any]:
    """Shared layout: plain white, light grid, legend under the plot, compact margins."""
    sizes = _sizes(meta)
    m = sizes["margin"]
    font = {"family": FONT_FAMILY, "size": sizes["base"], "color": TEXT_COLOR}
    axis_common = {
        "automargin": True,
        "fixedrange": True,  # no accidental zoom when scrolling on a phone
        "color": TEXT_COLOR,
        "tickfont": {"size": sizes["base"], "color": TEXT_COLOR},
        "linecolor": AXIS_COLOR,
        "gridcolor": GRID_COLOR,
        "zerolinecolor": AXIS_COLOR,
        "separatethousands": True,
        # Never rotated (Plotly turns tick labels on end when they do not fit side by
        # side): the browser thins overlapping ones instead (assets/labels.js).
        "tickangle": 0,
    }
    return {
        "template": {"data": {}, "layout": {}},  # no plotly.py default template
        "separators": plotly_separators(meta.lang),
        "font": font,
        "title": _title(meta),
        "paper_bgcolor": BACKGROUND,
        "plot_bgcolor": BACKGROUND,
        "autosize": True,
        # Without a title (the page shows it in HTML) keep room for event numbers on top.
        "margin": {
            "l": m,
            "r": m,
            "t": m if meta.title else m + 2 * sizes["small"],
            "b": m,
            "pad": 0,
            "autoexpand": True,
        },
        "hovermode": hovermode,
        "hoverlabel": {
            "bgcolor": BACKGROUND,
            "bordercolor": MUTED_TEXT_COLOR,
            "font": {"family": FONT_FAMILY, "size": sizes["base"], "color": TEXT_COLOR},
            "namelength": -1,
        },
        "legend": {
            "orientation": "h",
            "xref": "container",
            "yref": "container",
            "x": 0,
            "xanchor": "left",
            "y": 0,
            "yanchor": "bottom",
            "font": {"size": sizes["base"], "color": TEXT_COLOR},
            "itemsizing": "constant",
            "itemwidth": 40,
            "bgcolor": "rgba(255,255,255,0)",
        },
        "xaxis": {
            **axis_common,
            "showgrid": False,
            "showline": True,
            "ticks": "outside",
            "tickcolor": AXIS_COLOR,
            "title": {
                "text": footer,
                "standoff": m,
                "font": {"size": sizes["small"], "color": MUTED_TEXT_COLOR},
            },
        },
        "yaxis": {
            **axis_common,
            "showgrid": True,
            "zeroline": True,
            "rangemode": "tozero",
            # Whole numbers with the locale's thousands separator ("50 000", not "50k"),
            # decimals only where the value has them ("2,5").
            "tickformat": ",~f",
            "title": {
                "text": _esc(meta.y_title),
                "font": {"size": sizes["base"], "color": TEXT_COLOR},
            },
        },
        "annotations": [],
        "shapes": [],
    }


def _marker_lines(
    meta: ChartMeta, x_min: float, x_max: float, x_labels: dict[float, str]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Event (dotted) and break (dashed) lines within [x_min, x_max]; footer text for both.

    An event line carries only its number at the top; the footer says what and when.
    Full labels on the lines collide with each other and with the data at 320 px.
    """
    sizes = _sizes(meta)
    label_font = {"size": sizes["small"], "color": MUTED_TEXT_COLOR, "family": FONT_FAMILY}
    shapes: list[dict[str, Any]] = []
    footer: list[str] = []

    def vline(x: float, dash: str, name: str, label: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "line",
            "name": name,
            "xref": "x",
            "yref": "paper",
            "x0": x,
            "x1": x,
            "y0": 0,
            "y1": 1,
            "layer": "below",
            "line": {"color": AXIS_COLOR, "width": 1.5, "dash": dash},
            "label": {**label, "font": label_font},
        }

    # Events keep their number in the full list (1 = the first event the dashboard marks),
    # so two charts of one page that show different years never number one event twice.
    events = sorted((_year_fraction(iso), iso, label) for iso, label in meta.events)
    for number, (x, iso, label) in enumerate(events, start=1):
        if not x_min <= x <= x_max:
            continue
        shapes.append(
            vline(x, "dot", "event", {"text": str(number), "textposition": "end", "textangle": 0})
        )
        d = date.fromisoformat(iso)
        footer.append(f"{number}: {label} ({MONTHS[meta.lang][d.month - 1]} {d.year})")
    for x_between, label in meta.breaks:
        xb = float(x_between)
        if not x_min < xb < x_max:
            continue
        # Horizontal, on the side of the line that faces the middle of the plot (so it
        # does not run past the plot's edge); the browser hides it where it would
        # overlap an event number or a series label (assets/labels.js). The footnote
        # under the chart says between which years the series breaks, and why.
        side = "left" if xb < (x_min + x_max) / 2 else "right"
        text = {"text": _esc(_t("break", meta.lang)), "textposition": "end", "textangle": 0}
        shapes.append(vline(xb, "dash", "break", {**text, "xanchor": side}))
        before = max(x for x in x_labels if x < xb)
        after = min(x for x in x_labels if x > xb)
        head = _t("break_between", meta.lang).format(a=x_labels[before], b=x_labels[after])
        footer.append(f"{head}: {label}" if label else head)
    return shapes, footer


def _spread(positions: list[float], gap: float) -> list[float]:
    """Move sorted label positions (0-1) apart by at least `gap`, staying within 0-1."""
    if not positions:
        return []
    order = sorted(range(len(positions)), key=lambda k: positions[k])
    placed = [positions[k] for k in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    overflow = placed[-1] - 1
    if overflow > 0:
        placed = [p - overflow for p in placed]
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
    result = [0.0] * len(positions)
    for k, p in zip(order, placed, strict=True):
        result[k] = p
    return result


# --- Line chart -----------------------------------------------------------------


def _line_labels(
    meta: ChartMeta, last_points: list[tuple[int, str, int | float, float]], x_end: float
) -> tuple[list[dict[str, Any]], int]:
    """Direct labels: the series name in its text colour next to its last value.

    Series that reach the last x are labelled in the right margin, pushed apart so
    they do not overlap (positions estimated for a ~240 px high plot, 560 px when
    `large`); a series that ends earlier is labelled just right of its last point.
    Returns the annotations and the right margin (px) the margin labels need.
    """
    sizes = _sizes(meta)
    if not last_points:
        return [], 0
    values = [p[3] for p in last_points]
    lo, hi = min(0.0, *values), max(0.0, *values) * 1.05 or 1.0
    at_end = [p for p in last_points if p[2] == x_end]
    plot_px = 560 if meta.large else 240
    line_px = sizes["small"] * 1.25
    texts = {p[0]: _wrap(p[1], LABEL_WRAP) for p in last_points}
    heights = [texts[p[0]].count("<br>") + 1 for p in at_end]
    gap = max(heights, default=1) * line_px / plot_px
    spread = _spread([(p[3] - lo) / (hi - lo) for p in at_end], gap)
    placed = {p[0]: lo + f * (hi - lo) for p, f in zip(at_end, spread, strict=True)}

    annotations: list[dict[str, Any]] = []
    for i, _name, x, y in last_points:
        label: dict[str, Any] = {
            "name": "series-label",
            "text": texts[i],
            "yref": "y",
            "xanchor": "left",
            "yanchor": "middle",
            "align": "left",
            "showarrow": False,
            "font": {"size": sizes["small"], "color": _cycle(TEXT_PALETTE, i)},
        }
        if i in placed:
            label.update({"xref": "paper", "x": 1, "y": placed[i], "xshift": sizes["margin"]})
        else:
            label.update({"xref": "x", "x": x, "y": y, "xshift": sizes["marker"]})
            label["bgcolor"] = "rgba(255,255,255,0.85)"
        annotations.append(label)
    longest = max(
        (len(line) for i in placed for line in texts[i].split("<br>")),
        default=0,
    )
    right = round(longest * sizes["small"] * GLYPH_WIDTH) + 2 * sizes["margin"] if placed else 0
    return annotations, right


def line_chart(df: pd.DataFrame, meta: ChartMeta) -> Figure:
    """Lines over time, one per series (order of first appearance).

    df columns: `x` (year as int, or float), `series`, `value` (NaN when missing),
    and optionally `x_label` (tick text such as "2020-2021"; default the year) and
    `status` (SSB symbol of a missing value). A missing value is a gap in the line
    and is listed under the chart with its symbol, e.g. "Mangler: 2016 (..)".
    """
    rows = _records(df, ("x", "series", "value"), "line_chart")
    if not rows:
        return empty_figure(_t("no_data", meta.lang), meta)
    lang, sizes = meta.lang, _sizes(meta)

    x_labels: dict[float, str] = {}
    by_series: dict[str, dict[float, dict[str, Any]]] = {name: {} for name in _series_order(rows)}
    for row in rows:
        x = _x(row["x"])
        label = row.get("x_label")
        x_labels.setdefault(x, str(x) if is_missing(label) else str(label))
        points = by_series[_series_name(row)]
        if x in points:
            raise ValueError(f"line_chart: two rows for series {_series_name(row)!r} at x={x}")
        points[x] = row

    traces: list[dict[str, Any]] = []
    missing_parts: list[str] = []
    symbols_used: list[str] = []
    last_points: list[tuple[int, str, int | float, float]] = []
    many = len(by_series) > 1

    for i, (name, points) in enumerate(by_series.items()):
        xs = sorted(points)
        ys: list[float | None] = []
        texts: list[str] = []
        gaps: list[str] = []
        for x in xs:
            row = points[x]
            symbol = missing_symbol(row["value"], row.get("status"))
            if symbol is None:
                ys.append(_num(row["value"]))
                texts.append(format_number(row["value"], meta.decimals, lang))
            else:
                ys.append(None)
                texts.append(f"{symbol} ({status_label(symbol, lang)})")
                gaps.append(f"{x_labels[x]} ({symbol})")
                symbols_used.append(symbol)
        if gaps:
            missing_parts.append((f"{name} " if many and name else "") + ", ".join(gaps))
        present = [(x, y) for x, y in zip(xs, ys, strict=True) if y is not None]
        if present and name:
            last_points.append((i, name, *present[-1]))
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": _wrap(name, _width(meta, LEGEND_WRAP)),
                "x": xs,
                "y": ys,
                "text": texts,
                "hovertemplate": "%{text}",
                "connectgaps": False,
                "cliponaxis": False,
                "line": {
                    "color": _cycle(PALETTE, i),
                    "dash": _cycle(DASHES, i),
                    "width": sizes["line"],
                },
                "marker": {
                    "color": _cycle(PALETTE, i),
                    "symbol": _cycle(SYMBOLS, i),
                    "size": sizes["marker"],
                    "line": {"color": BACKGROUND, "width": 1},
                },
                "showlegend": many,
            }
        )

    all_x = sorted(x_labels)
    annotations, right_margin = _line_labels(meta, last_points, all_x[-1])

    shapes, break_lines = _marker_lines(meta, all_x[0], all_x[-1], x_labels)
    caveats: list[str] = []
    if missing_parts:
        caveats.append(f"{_t('missing', lang)}: " + "; ".join(missing_parts))
        caveats.append(_symbol_key(symbols_used, lang))
    caveats.extend(break_lines)

    layout = _base_layout(meta, "x unified", _footer(meta, caveats))
    _keep_footnotes(layout, meta, caveats)
    layout["xaxis"].update(
        {
            "type": "linear",
            "tickmode": "array",
            "tickvals": all_x,
            "ticktext": [_esc(x_labels[x]) for x in all_x],
            # Never rotated: where years do not fit side by side (a phone), the browser
            # thins them (assets/labels.js) instead of turning them on end.
            "tickangle": 0,
        }
    )
    layout["showlegend"] = many
    layout["margin"]["r"] = max(layout["margin"]["r"], right_margin)
    layout["annotations"] = annotations
    layout["shapes"] = shapes
    if shapes and not meta.title:
        # A second line above the plot, where the browser raises an event number or a
        # break label that would overlap its neighbour (assets/labels.js).
        layout["margin"]["t"] += sizes["small"] + 2
    return {"data": traces, "layout": layout}


# --- Bar charts -----------------------------------------------------------------


@dataclass
class _Bars:
    """What the steps of `bar_chart` share: the cells and what drawing them found."""

    categories: list[str]
    series: list[str]
    cells: dict[tuple[str, str], dict[str, Any]]
    bargap: float = 0.25
    symbols_used: list[str] = field(default_factory=list)
    #: category index -> [(series index, series name, symbol)] of the missing values
    gaps: dict[int, list[tuple[int, str, str]]] = field(default_factory=dict)
    #: category index -> the height drawn so far (stacked)
    stack_top: dict[int, float] = field(default_factory=dict)

    @property
    def positions(self) -> list[str]:
        return [_esc(c) for c in self.categories]


def _bar_cells(rows: list[dict[str, Any]]) -> _Bars:
    """Categories and series in order of first appearance, one cell per pair."""
    categories = list(dict.fromkeys(str(r["category"]) for r in rows))
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (_series_name(row), str(row["category"]))
        if key in cells:
            raise ValueError(f"bar_chart: two rows for series {key[0]!r}, category {key[1]!r}")
        cells[key] = row
    return _Bars(categories, _series_order(rows), cells)


def _bar_trace(
    bars: _Bars, i: int, name: str, meta: ChartMeta, barmode: str, horizontal: bool
) -> dict[str, Any]:
    """One series' bars, their value labels and hover texts; records its missing cells."""
    lang, sizes = meta.lang, _sizes(meta)
    color = _cycle(PALETTE, i)
    ink = text_color_on(color)
    values: list[float | None] = []
    labels: list[str] = []
    hovers: list[str] = []
    for j, category in enumerate(bars.categories):
        row = bars.cells.get((name, category), {"value": None, "status": None})
        symbol = missing_symbol(row["value"], row.get("status"))
        if symbol is None:
            value = _num(row["value"])
            values.append(value)
            text = format_number(row["value"], meta.decimals, lang)
            labels.append(text)
            who = f"{name}, {category}" if name else category
            hovers.append(_esc(f"{who}: {text}"))
            bars.stack_top[j] = bars.stack_top.get(j, 0.0) + max(value or 0.0, 0.0)
        else:
            values.append(None)
            labels.append("")
            hovers.append("")
            bars.symbols_used.append(symbol)
            bars.gaps.setdefault(j, []).append((i, name, symbol))
    positions = bars.positions
    return {
        "type": "bar",
        "name": _wrap(name, _width(meta, LEGEND_WRAP)),
        "orientation": "h" if horizontal else "v",
        "x": values if horizontal else positions,
        "y": positions if horizontal else values,
        "text": labels,
        "hovertext": hovers,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "textposition": "outside" if barmode == "group" else "inside",
        "textangle": 0,  # never rotated (Plotly's "auto" turns text on end)
        "insidetextanchor": "middle",
        "cliponaxis": False,
        "textfont": {
            "size": sizes["small"],
            "color": TEXT_COLOR if barmode == "group" else ink,
        },
        "marker": {
            "color": color,
            "line": {"color": BACKGROUND, "width": 1},
            "pattern": {
                "shape": _cycle(PATTERNS, i),
                "fillmode": "overlay",
                "fgcolor": ink,
                "fgopacity": 0.45,
                "size": round(8 * (LARGE_SCALE if meta.large else 1)),
                "solidity": 0.3,
            },
        },
        "showlegend": len(bars.series) > 1,
    }


def _missing_marks(
    bars: _Bars, meta: ChartMeta, barmode: str, horizontal: bool
) -> list[dict[str, Any]]:
    """Missing values: the symbol where the bar would stand. Grouped: in the series' slot
    at the baseline. Stacked: one mark per category on top of what is drawn, since a
    stack with a missing part is shorter than the true total."""
    lang, sizes = meta.lang, _sizes(meta)
    slot = (1 - bars.bargap) / len(bars.series)
    annotations: list[dict[str, Any]] = []
    for j, missing in bars.gaps.items():
        category = bars.categories[j]
        if barmode == "group":
            marks = [
                (j - (1 - bars.bargap) / 2 + (i + 0.5) * slot, 0.0, [(name, symbol)])
                for i, name, symbol in missing
            ]
        else:
            top = bars.stack_top.get(j, 0.0)
            marks = [(float(j), top, [(nm, sym) for _i, nm, sym in missing])]
        for position, base, items in marks:
            text = " ".join(dict.fromkeys(symbol for _name, symbol in items))
            notes = [
                f"{name + ', ' if name else ''}{category}: {symbol} ({status_label(symbol, lang)})"
                for name, symbol in items
            ]
            annotation: dict[str, Any] = {
                "name": "missing",
                "text": _esc(text),
                "hovertext": "<br>".join(_esc(note) for note in notes),
                "showarrow": False,
                "xref": "x",
                "yref": "y",
                "font": {"size": sizes["base"], "color": TEXT_COLOR},
            }
            if horizontal:
                place = {"x": base, "y": position, "xanchor": "left", "xshift": 4}
            else:
                place = {"x": position, "y": base, "yanchor": "bottom", "yshift": 2}
            annotation.update(place)
            annotations.append(annotation)
    return annotations


def _horizontal_axes(
    layout: dict[str, Any], bars: _Bars, meta: ChartMeta, category_axis: dict[str, Any]
) -> None:
    """Bars lying down: values along the bottom, names beside the bars (wrapped)."""
    value_axis: dict[str, Any] = {
        **layout["yaxis"],
        "showgrid": True,
        "zeroline": True,
        "rangemode": "tozero",
    }
    value_axis["title"] = layout["xaxis"]["title"]
    value_axis["showline"] = False
    category_side: dict[str, Any] = {
        **layout["xaxis"],
        **category_axis,
        "autorange": "reversed",
        "ticks": "",
        "title": {"text": ""},
        # Long names wrapped (narrower on a page: `page_figure`).
        "tickmode": "array",
        "tickvals": bars.positions,
        "ticktext": [_wrap(c, _width(meta, WIDE_CATEGORY_WRAP)) for c in bars.categories],
    }
    layout["xaxis"], layout["yaxis"] = value_axis, category_side


def _column_axis(
    layout: dict[str, Any], bars: _Bars, meta: ChartMeta, category_axis: dict[str, Any]
) -> None:
    """Names under columns share a phone's plot width: wrapped to their share of it (never
    turned on end; years stay whole, and the browser thins what still overlaps)."""
    sizes = _sizes(meta)
    share = PHONE_PLOT_PX / len(bars.categories) / (sizes["base"] * GLYPH_WIDTH)
    wrap = _width(meta, max(8, int(share)))
    category_axis.update(
        {
            "tickmode": "array",
            "tickvals": bars.positions,
            "ticktext": [_wrap(c, wrap) for c in bars.categories],
        }
    )
    layout["xaxis"].update(category_axis)


def _horizontal_room(
    layout: dict[str, Any],
    bars: _Bars,
    meta: ChartMeta,
    traces: list[dict[str, Any]],
    value_title: str,
) -> None:
    """Outside labels spill to the right of the plot: reserve room for the longest; on a
    page (a phone) the names wrap onto two or three lines and need the height for it."""
    sizes = _sizes(meta)
    longest = max((len(t) for trace in traces for t in trace["text"]), default=0)
    needed = round(longest * sizes["small"] * GLYPH_WIDTH) + 2 * sizes["margin"]
    layout["margin"]["r"] = max(layout["margin"]["r"], needed)
    narrow = [_wrap(c, _width(meta, CATEGORY_WRAP)) for c in bars.categories]
    page: dict[str, Any] = {"yaxis": {"ticktext": narrow}}
    height = _bars_height(meta, narrow, len(bars.series), value_title)
    if height > DEFAULT_HEIGHT:
        page["height"] = height
    layout.setdefault("meta", {})["page"] = page


def bar_chart(
    df: pd.DataFrame,
    meta: ChartMeta,
    barmode: Literal["group", "stack"] = "group",
    horizontal: bool = False,
) -> Figure:
    """Bars per category, one trace (and fill pattern) per series, each bar labelled.

    df columns: `category` (label), `value`, and optionally `series` and `status`.
    Categories keep their order of first appearance (top to bottom when horizontal).
    A missing value draws no bar; its symbol is written at the baseline where the bar
    would stand (also for a series with no row for a category: shown as "..").
    """
    if barmode not in ("group", "stack"):
        raise ValueError("barmode must be 'group' or 'stack'")
    rows = _records(df, ("category", "value"), "bar_chart")
    if not rows:
        return empty_figure(_t("no_data", meta.lang), meta)
    sizes = _sizes(meta)
    bars = _bar_cells(rows)
    traces = [
        _bar_trace(bars, i, name, meta, barmode, horizontal) for i, name in enumerate(bars.series)
    ]
    annotations = _missing_marks(bars, meta, barmode, horizontal)
    caveats = [_symbol_key(bars.symbols_used, meta.lang)] if bars.symbols_used else []

    value_title = ""
    if horizontal:
        # Under the plot, centred on it: wrapped, since the names beside the bars take
        # half of a phone's width.
        value_title = _wrap(meta.y_title, _width(meta, CATEGORY_WRAP)) if meta.y_title else ""
    first = _styled_lines(value_title, sizes["base"], TEXT_COLOR) if value_title else ""
    footer = _footer(meta, caveats, first_line=first)
    layout = _base_layout(meta, "closest", footer)
    _keep_footnotes(layout, meta, caveats, axis_title=first)
    many = len(bars.series) > 1
    layout.update(
        {"barmode": barmode, "bargap": bars.bargap, "bargroupgap": 0.05, "showlegend": many}
    )
    category_axis = {
        "type": "category",
        "categoryorder": "array",
        "categoryarray": bars.positions,
        "showgrid": False,
        "zeroline": False,
        "rangemode": "normal",
    }
    if horizontal:
        _horizontal_axes(layout, bars, meta, category_axis)
    else:
        _column_axis(layout, bars, meta, category_axis)
    if barmode == "stack":
        layout["uniformtext"] = {"minsize": sizes["small"], "mode": "hide"}
        layout["legend"]["traceorder"] = "normal"  # series order, not stacking order
    elif not horizontal:
        _fit_column_labels(meta, traces, layout, len(bars.categories))
    else:
        _horizontal_room(layout, bars, meta, traces, value_title)
    layout["annotations"] = annotations
    return {"data": traces, "layout": layout}


def _reach(low: float | None, high: float | None) -> float:
    """How far an interval reaches from its dot (0 where there is no dot or interval)."""
    return high - low if low is not None and high is not None else 0.0


def rate_chart(df: pd.DataFrame, meta: ChartMeta) -> Figure:
    """Rates of several areas side by side, each with its 95 % interval, the benchmark
    (Norway) as a dashed line: who is above or below, and whether by more than chance.

    df columns: `category` (the area's label, verdict included), `value` (the rate),
    `lower`, `upper` (the interval; missing for a published rate), `role` ("kommune", the
    area the view is about; "land", the benchmark; anything else: a peer), `status`.
    Rows keep their order, top to bottom. A missing rate draws no dot; its symbol stands
    at the axis where the dot would be.
    """
    rows = _records(df, ("category", "value", "role"), "rate_chart")
    if not rows:
        return empty_figure(_t("no_data", meta.lang), meta)
    lang, sizes = meta.lang, _sizes(meta)
    names = [_wrap(str(r["category"]), _width(meta, CATEGORY_WRAP)) for r in rows]
    values = [_num(r["value"]) for r in rows]
    lows = [_num(r.get("lower")) for r in rows]
    highs = [_num(r.get("upper")) for r in rows]
    decimals = meta.decimals

    def text(value: float | None, status: object) -> str:
        if value is None:
            return str(status or "..")
        return format_number(value, decimals, lang)

    traces: list[dict[str, Any]] = []
    styles = {
        "kommune": (PALETTE[0], "circle", 14),
        "land": (TEXT_COLOR, "diamond", 12),
    }
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        role = str(row["role"]) if row["role"] in styles else "sammenligning"
        groups.setdefault(role, []).append(i)
    for role, members in groups.items():
        color, symbol, size = styles.get(role, (AXIS_COLOR, "circle", 10))
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "orientation": "h",
                "name": role,
                "showlegend": False,
                "x": [values[i] if values[i] is not None else 0 for i in members],
                "y": [names[i] for i in members],
                "text": [text(values[i], rows[i].get("status")) for i in members],
                "marker": {
                    "color": color,
                    "symbol": symbol,
                    "size": [size if values[i] is not None else 0 for i in members],
                    "line": {"width": 0},
                },
                "error_x": {
                    "type": "data",
                    "symmetric": False,
                    "array": [_reach(values[i], highs[i]) for i in members],
                    "arrayminus": [_reach(lows[i], values[i]) for i in members],
                    "color": color,
                    "thickness": 2,
                    "width": 6,
                },
                "cliponaxis": False,
                "hovertemplate": "%{y}: %{text}<extra></extra>",
            }
        )
    # The value beside each dot, past the end of its interval so the two never overlap.
    traces.append(
        {
            "type": "scatter",
            "mode": "text",
            "name": "verdi",
            "showlegend": False,
            "x": [
                (highs[i] if highs[i] is not None else values[i]) if values[i] is not None else 0
                for i in range(len(rows))
            ],
            "y": names,
            # A row shared with Norway (a group beside the land's rate) labels only the
            # kommune's value: the two would overlap; Norway's is in the hover and table.
            "text": [
                ""
                if rows[i]["role"] == "land" and names.count(names[i]) > 1
                else text(values[i], rows[i].get("status"))
                for i in range(len(rows))
            ],
            "textposition": "middle right",
            "textfont": {"size": sizes["small"], "color": TEXT_COLOR},
            "cliponaxis": False,
            "hoverinfo": "skip",
        }
    )
    # Under the plot, wrapped for a phone (the names beside the dots take half its width).
    value_title = _wrap(meta.y_title, _width(meta, CATEGORY_WRAP)) if meta.y_title else ""
    first = _styled_lines(value_title, sizes["base"], TEXT_COLOR) if value_title else ""
    footer = _footer(meta, [], first_line=first)
    layout = _base_layout(meta, "closest", footer)
    _keep_footnotes(layout, meta, [], axis_title=first)
    layout["xaxis"].update(
        {"showgrid": True, "rangemode": "tozero", "tickformat": ",~f", "zeroline": True}
    )
    layout["yaxis"].update(
        {
            "autorange": "reversed",
            "showgrid": False,
            "zeroline": False,
            "ticks": "",
            "title": {"text": ""},
            "categoryorder": "array",
            "categoryarray": names,
        }
    )
    benchmark = next(
        (values[i] for i, r in enumerate(rows) if r["role"] == "land" and values[i] is not None),
        None,
    )
    if benchmark is not None:
        layout["shapes"].append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": benchmark,
                "x1": benchmark,
                "y0": 0,
                "y1": 1,
                "line": {"color": AXIS_COLOR, "width": 1.5, "dash": "dash"},
                "layer": "below",
            }
        )
    top = max((v for v in [*values, *highs] if v is not None), default=1.0)
    layout["xaxis"]["range"] = [0, top * 1.3]  # room for the value labels right of the dots
    layout["height"] = max(DEFAULT_HEIGHT // 2, _bars_height(meta, names, 1, value_title))
    return {"data": traces, "layout": layout}


def _bars_height(meta: ChartMeta, names: list[str], n_series: int, value_title: str) -> int:
    """Height (px) a horizontal bar chart needs on a phone, where every name is wrapped.

    Every category gets the same room: enough for the longest wrapped name and for its bars
    with their value labels; under the plot are the tick labels, the value axis title and
    a legend of one series a row. Compared with Plotly's default height by the caller.
    """
    sizes = _sizes(meta)
    line_px = sizes["base"] * 1.3
    bar_px = sizes["small"] * 1.4
    lines = max((name.count("<br>") + 1 for name in names), default=1)
    plot = len(names) * (max(lines * line_px, n_series * bar_px) + 8)  # equal slots
    title_lines = value_title.count("<br>") + 1 if value_title else 0
    legend = n_series * line_px * 1.2 if n_series > 1 else 0
    below = 2 * line_px + title_lines * line_px + legend + 3 * sizes["margin"]
    return math.ceil(plot + below + sizes["margin"])


def _fit_column_labels(
    meta: ChartMeta, traces: list[dict[str, Any]], layout: dict[str, Any], n_categories: int
) -> None:
    """Value labels above grouped columns: horizontal, full size, or not on the bars at all.

    Plotly shrinks an outside label to the bar's width (unreadable "1 235" on a phone),
    and text turned on end is hard to read. So labels are never shrunk nor rotated:
    - a label as narrow as a bar in a phone's ~240 px plot is always shown;
    - one that fits a bar only in a wider plot (a laptop, a 960 px print image) is
      drawn, and the browser hides all of that chart's value labels while any label is
      wider than its bar (assets/labels.js), e.g. on a phone;
    - one wider than a bar even in a wide plot is not drawn.
    Where labels are hidden, each value is in the hover text and in the table under the
    chart ("Vis som tabell"). The value axis gets headroom for the labels, since
    autorange ignores text.
    """
    sizes = _sizes(meta)
    longest = max((len(t) for trace in traces for t in trace["text"]), default=0)
    label_px = longest * sizes["small"] * GLYPH_WIDTH

    def bar_px(plot_px: float) -> float:
        return plot_px / max(n_categories, 1) * 0.75 / max(len(traces), 1)

    wide = 1200 if meta.large else WIDE_PLOT_PX
    shown = label_px <= bar_px(wide)
    for trace in traces:  # (never rotated: `bar_chart` sets textangle 0 on every trace)
        trace["constraintext"] = "none"
        if not shown:
            trace["textposition"] = "none"
    values = [v for trace in traces for v in trace["y"] if v is not None]
    if not values or not shown:
        return
    lo, hi = min(0.0, *values), max(0.0, *values)
    height_px = 560 if meta.large else 240
    text_px = sizes["small"] * 1.3 + 6
    headroom = (hi - lo) * text_px / max(height_px - text_px, 1)
    layout["yaxis"]["range"] = [lo, hi + headroom if hi > 0 else hi]


def funnel_chart(df: pd.DataFrame, meta: ChartMeta) -> Figure:
    """Stages of a process as horizontal bars, top to bottom in the given order.

    df columns: `stage`, `value`, optionally `status` and `series` (e.g. two years side
    by side as grouped bars). Plain bars with counts rather than a Plotly funnel: the
    funnel's automatic percentages suggest a cohort flowing through, which published
    stage counts do not show.
    """
    _records(df, ("stage", "value"), "funnel_chart")
    stages = df.rename(columns={"stage": "category"})
    return bar_chart(stages, meta, barmode="group", horizontal=True)


def empty_figure(message: str, meta: ChartMeta) -> Figure:
    """No traces, the message in the middle: for a filter that leaves nothing to show.

    The page also shows the message as HTML (a figure is not read by screen readers).
    """
    sizes = _sizes(meta)
    layout = _base_layout(meta, False, "")
    hidden = {"visible": False, "fixedrange": True}
    layout["xaxis"] = {**hidden}
    layout["yaxis"] = {**hidden}
    layout["showlegend"] = False
    layout["annotations"] = [
        {
            "name": "message",
            "text": _wrap(message, _width(meta, FOOTER_WRAP)),
            "xref": "paper",
            "yref": "paper",
            "x": 0.5,
            "y": 0.5,
            "xanchor": "center",
            "yanchor": "middle",
            "showarrow": False,
            "font": {"size": sizes["base"], "color": TEXT_COLOR},
        }
    ]
    footer = _footer(meta, [])
    _keep_footnotes(layout, meta, [])
    if footer:
        layout["annotations"].append(
            {
                "name": "footer",
                "text": footer,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "bottom",
                "align": "left",
                "showarrow": False,
                "font": {"size": sizes["small"], "color": MUTED_TEXT_COLOR},
            }
        )
    return {"data": [], "layout": layout}


def sparkline_svg(
    points: list[tuple[int, float | None]],
    width: int = 120,
    height: int = 36,
    color: str = PALETTE[0],
) -> str:
    """A series as a small line (SVG text): gaps where a year is missing, a dot at the end.

    `points` are (year, value) pairs; a value of None, or a year skipped, breaks the line,
    so a missing year is never bridged (nor drawn as 0). Decorative: the card says the
    numbers in words, so the SVG is hidden from assistive technology.
    """
    known = [(x, v) for x, v in sorted(points) if v is not None]
    if not known:
        return ""
    xs = [x for x, _ in sorted(points)]
    lo_x, hi_x = min(xs), max(xs)
    lo_y, hi_y = min(v for _, v in known), max(v for _, v in known)
    pad = 4

    def sx(x: float) -> float:
        return pad if hi_x == lo_x else pad + (x - lo_x) / (hi_x - lo_x) * (width - 2 * pad)

    def sy(v: float) -> float:
        if hi_y == lo_y:
            return height / 2
        return height - pad - (v - lo_y) / (hi_y - lo_y) * (height - 2 * pad)

    segments: list[list[tuple[int, float]]] = []
    previous: int | None = None
    for x, v in sorted(points):
        if v is None:
            previous = None
            continue
        if previous is None or x - previous > 1:
            segments.append([])
        segments[-1].append((x, v))
        previous = x
    paths = []
    for segment in segments:
        if len(segment) == 1:
            x, v = segment[0]
            paths.append(f'<circle cx="{sx(x):.1f}" cy="{sy(v):.1f}" r="1.5" fill="{color}"/>')
            continue
        d = " ".join(
            f"{'M' if i == 0 else 'L'}{sx(x):.1f},{sy(v):.1f}" for i, (x, v) in enumerate(segment)
        )
        paths.append(
            f'<path d="{d}" fill="none" stroke="{color}" stroke-width="2" '
            'stroke-linejoin="round" stroke-linecap="round"/>'
        )
    last_x, last_v = known[-1]
    paths.append(f'<circle cx="{sx(last_x):.1f}" cy="{sy(last_v):.1f}" r="3" fill="{color}"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-hidden="true">' + "".join(paths) + "</svg>"
    )
