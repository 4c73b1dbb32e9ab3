"""Pure: a chart's figure dict -> the figure of a standalone image (print or link preview).

A chart on a page gets its title, source and licence from the HTML around it; an image
pasted into a council paper or shown as a link preview has nothing around it, so they
are drawn in. Top to bottom: the title and "kommune · period", the plot, the legend, the
event key in rows, the other footnotes (missing values, breaks), the source and the
licence. Fixed width, white background, print type sizes.

There is no browser to fit the labels afterwards (on pages, embeds and slides
assets/labels.js does it), so the fitting is computed here for the size the image is
drawn at: every margin is set from measured text (no `automargin`), so each block has a
known place; direct labels are spread by their pixel heights, years thinned where they
would touch, names beside bars wrapped for the width, event numbers raised a line where
two would overlap, values above columns all shown or all left out. A print image is as
tall as its content needs (many bars, a long legend: never a flat plot); a link preview
keeps 1200x630 and leaves out the event key and notes, which its page has.

Text widths come from the advance widths of DejaVu Sans (the sans-serif the renderer's
Chromium uses on Debian; wider than most, so other fonts fit too), with a margin of error.
Also the dark-mode recolouring shared by embeds and images (`recolour`). No I/O; the
renderer is `dashboard.web.outputs.images`.
"""

from __future__ import annotations

import copy
import html
import math
import re
import textwrap
from dataclasses import dataclass
from typing import Any

from dashboard import figures as fig
from dashboard.words.numbers import format_number

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


#: `print`: reports and slides (1920 px wide PNG at scale 2; SVG at 960 px), at least 640
#: px high, taller where its content needs it (many bars, a long legend). `og`: link
#: previews (og:image, twitter:image), always 1200x630 as the platforms ask.
SIZES: dict[str, Size] = {
    "print": Size("print", 960, 640, 2, 20, 14, 12),
    "og": Size("og", 1200, 630, 1, 26, 16, 14),
}

#: The least height (px) of a line or column chart's plot; a long legend or key makes the
#: image taller rather than the plot flat.
MIN_PLOT = 280
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

# ------------------------------------------------------------------ measuring text

#: Advance widths (em) of DejaVu Sans, grouped; anything else counts as `_WIDE`.
_ADVANCE = {
    0.28: "'ijl",
    0.3: "IJ",
    0.32: " ,.·’",
    0.34: "/:;\\|",
    0.36: "f-",
    0.4: "()[]t!",
    0.42: "r",
    0.46: '"',
    0.5: "*_`–°",
    0.52: "“”s",
    0.53: "z?",
    0.55: "c",
    0.56: "L",
    0.58: "Fk",
    0.6: "vxyP",
    0.62: "TYoøö«»aåäeéè",
    0.64: "EÉhnuüSbdgpq$0123456789{}",
    0.66: "K",
    0.69: "AVÅXZBR",
    0.7: "C",
    0.74: "U",
    0.76: "NH",
    0.78: "DG&",
    0.79: "OQØ",
    0.82: "w",
    0.84: "#+<=>^~×−",
    0.87: "M",
    0.95: "%",
    0.99: "mÆæW",
    1.0: "@—…",
}
_WIDTH = {char: em for em, chars in _ADVANCE.items() for char in chars}
_WIDE = 0.7
#: Measured widths are estimates: this much room is added (kerning, another font).
_SAFETY = 1.06
#: Line height as a share of the font size (Plotly's multi-line text).
LINE = 1.3
_TAG = re.compile(r"<[^>]+>")
_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")


def plain_lines(text: str) -> list[str]:
    """The lines of Plotly text as a reader sees them: <br> splits, tags and entities gone."""
    return [html.unescape(_TAG.sub("", line)) for line in str(text).split("<br>")]


def text_px(text: str, size: float) -> float:
    """Estimated width (px) of the widest line of Plotly text at `size` px."""
    lines = plain_lines(text)
    widest = max((sum(_WIDTH.get(c, _WIDE) for c in line) for line in lines), default=0.0)
    return widest * size * _SAFETY


def line_count(text: str) -> int:
    return str(text).count("<br>") + 1


def text_height(text: str, size: float) -> float:
    """Height (px) of Plotly text at `size` px; a line with a larger inline size counts so."""
    total = 0.0
    for line in str(text).split("<br>"):
        sizes = [float(s) for s in _SIZE.findall(line)]
        total += max([size, *sizes]) * LINE
    return total


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in str(text).splitlines():
        lines += textwrap.wrap(paragraph, width, break_long_words=False) or [""]
    return lines


def wrap_px(text: str, width_px: float, size: float) -> list[str]:
    """Plain text wrapped into lines that each fit `width_px` at `size` px."""
    chars = max(8, int(width_px / (size * 0.45)))
    while True:
        lines = _wrap(text, chars)
        if chars <= 8 or all(text_px(_esc(line), size) <= width_px for line in lines):
            return lines
        chars -= 1


def rewrap(text: str, width: int) -> str:
    """Plotly text wrapped with <br> (already escaped) wrapped again to `width` characters."""
    words = " ".join(str(text).split("<br>"))
    return "<br>".join(textwrap.wrap(words, width, break_long_words=False) or [""])


def rewrap_px(text: str, width_px: float, size: float) -> str:
    """Plotly text (escaped, with <br>) wrapped again so each line fits `width_px`."""
    plain = " ".join(plain_lines(text))
    return "<br>".join(_esc(line) for line in wrap_px(plain, width_px, size))


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _styled(lines: list[str], size: int, color: str) -> str:
    style = f"font-size:{size}px;color:{color}"
    return "<br>".join(f"<span style='{style}'>{_esc(line)}</span>" for line in lines)


# ------------------------------------------------------------------ the figure's parts

#: An event's footnote as the figure builders write it: "3: Terrorangrep i Bærum (august 2019)".
_EVENT_NOTE = re.compile(r"^(\d+): ")


def has_legend(figure: Figure) -> bool:
    """Whether the figure shows a legend naming at least two traces."""
    if (figure.get("layout") or {}).get("showlegend", True) is False:
        return False
    return len(_legend_traces(figure)) >= 2


def _legend_traces(figure: Figure) -> list[dict]:
    return [
        t
        for t in figure.get("data") or []
        if isinstance(t, dict) and t.get("name") and t.get("showlegend", True) is not False
    ]


def _kind(figure: Figure) -> str:
    """'line', 'columns' (vertical bars), 'bars' (horizontal bars) or 'dots' (markers on
    named rows)."""
    traces = [t for t in figure.get("data") or [] if isinstance(t, dict)]
    if any(t.get("type") == "bar" and t.get("orientation") == "h" for t in traces):
        return "bars"
    if any(
        t.get("orientation") == "h" or any(isinstance(v, str) for v in t.get("y") or [])
        for t in traces
    ):
        return "dots"  # markers on named rows (a rate with its interval, per area)
    if any(t.get("type") == "bar" for t in traces):
        return "columns"
    return "line"


def _values(traces: list[dict], key: str) -> list[float]:
    return [float(v) for t in traces for v in t.get(key) or [] if isinstance(v, (int, float))]


def _split_footnotes(layout: dict, shapes: list[dict]) -> tuple[list[str], list[str], str]:
    """(event key lines, other footnotes, bottom-axis title) recorded by the builder."""
    info = layout.pop("meta", None)
    if not isinstance(info, dict):
        return [], [], ""
    numbers = {
        str((s.get("label") or {}).get("text"))
        for s in shapes
        if isinstance(s, dict) and s.get("name") == "event"
    }
    events: list[str] = []
    others: list[str] = []
    for note in info.get("footnotes") or []:
        match = _EVENT_NOTE.match(str(note))
        (events if match and match.group(1) in numbers else others).append(str(note))
    return events, others, str(info.get("axis_title") or "")


@dataclass
class _Box:
    """A text block placed in pixels (left, top from the image's top-left corner)."""

    left: float
    top: float
    width: float
    height: float

    def overlaps(self, other: _Box, gap: float = 1.0) -> bool:
        return not (
            self.left + self.width + gap <= other.left
            or other.left + other.width + gap <= self.left
            or self.top + self.height + gap <= other.top
            or other.top + other.height + gap <= self.top
        )


# ------------------------------------------------------------------ the layout


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
    """`figure` laid out as a standalone image of `size` (see the module docstring).

    The input is not modified. The result has `width`, `height` and `autosize: False`;
    every text lies inside the image and no two texts overlap (the render test checks
    both in Chromium).
    """
    spec = SIZES[size]
    preview = spec.name == "og"
    out = copy.deepcopy(figure)
    layout = out.setdefault("layout", {})
    traces = [t for t in out.get("data") or [] if isinstance(t, dict)]
    shapes = [s for s in layout.get("shapes") or [] if isinstance(s, dict)]
    events, notes, axis_title = _split_footnotes(layout, shapes)
    kind = _kind(out)
    if preview:
        # A link preview is a glimpse: the numbered event lines need their key, which
        # does not fit; the page it links to has both.
        shapes = [s for s in shapes if s.get("name") != "event"]
        events, notes = [], []
    layout["shapes"] = shapes
    annotations = [
        a
        for a in layout.get("annotations") or []
        if isinstance(a, dict) and a.get("name") != "footer"
    ]

    W = spec.width
    pad = 16.0
    inner = W - 2 * pad
    base = float(((layout.get("xaxis") or {}).get("tickfont") or {}).get("size", 14))
    small = float(spec.small_size)
    text = float(spec.text_size)
    muted = fig.MUTED_TEXT_COLOR

    # -- top: title and view line
    title_lines = wrap_px(title, inner, spec.title_size) if title else []
    view_lines = wrap_px(view, inner, text) if view else []
    head = _styled(title_lines, spec.title_size, fig.TEXT_COLOR)
    if view_lines:
        head += ("<br>" if head else "") + _styled(view_lines, spec.text_size, muted)
    head_h = len(title_lines) * spec.title_size * LINE + len(view_lines) * text * LINE
    labels_on_top = [s for s in shapes if (s.get("label") or {}).get("text")]
    top_room = 2 * (small * LINE + 2) + 4 if labels_on_top else 8.0
    t = pad + head_h + 10 + top_room

    # -- bottom, from the image's bottom edge up: licence, source, notes, events, legend
    footer: list[tuple[str, float]] = []  # (html, height) top to bottom
    rows_chars = inner
    if preview:
        parts = [(source, 2), (_licence(licence, lang), 1)]
        for part, most in parts:
            if part:
                lines = wrap_px(part, rows_chars, small)
                if len(lines) > most:
                    lines = [
                        *lines[: most - 1],
                        _ellipsis(" ".join(lines[most - 1 :]), inner, small),
                    ]
                footer.append((_styled(lines, spec.small_size, muted), len(lines) * small * LINE))
    else:
        for part in (*notes, source, _licence(licence, lang)):
            if part:
                lines = wrap_px(part, rows_chars, small)
                footer.append((_styled(lines, spec.small_size, muted), len(lines) * small * LINE))
    event_cells, event_h = _event_grid(events, inner, small)
    footer_h = sum(h for _html, h in footer) + 4 * len(footer)
    gap = 10.0
    below = pad + footer_h + (event_h + gap if event_h else 0)

    # -- the axes: category names, tick labels, axis titles
    xaxis = layout.setdefault("xaxis", {})
    yaxis = layout.setdefault("yaxis", {})
    for axis in (xaxis, yaxis):
        axis["automargin"] = False
    xaxis["title"] = {**(xaxis.get("title") or {}), "text": axis_title, "standoff": 6}
    y_title = (
        (yaxis.get("title") or {}).get("text", "") if isinstance(yaxis.get("title"), dict) else ""
    )
    y_title_w = base * LINE + 8 if y_title else 0.0

    right = pad
    if kind in ("bars", "dots"):
        names_w_max = (0.45 if preview else 0.38) * W
        ticktext = yaxis.get("ticktext") or []
        if ticktext:
            ticktext = [rewrap_px(name, names_w_max, base) for name in ticktext]
            yaxis["ticktext"] = ticktext
        else:  # rows named by the categories themselves
            ticktext = [str(c) for c in yaxis.get("categoryarray") or []] or [
                str(v) for tr in traces for v in tr.get("y") or []
            ]
        names_w = max((text_px(n, base) for n in ticktext), default=0.0)
        left = pad + names_w + 8
        values = [str(v) for tr in traces for v in tr.get("text") or []]
        value_w = max((text_px(_esc(v), small) for v in values), default=0.0)
        right = max(pad, value_w + 10 + pad)
        x_tick_h = base * LINE + 6
        axis_title_h = text_height(axis_title, base) + 6 if axis_title else 0.0
        legend_h, legend_layout = _legend(out, layout, W - left - right, base)
        bottom = below + legend_h + x_tick_h + axis_title_h + 6
        n_cat = max(len(ticktext), 1)
        n_series = (
            max(len(traces), 1)
            if kind == "bars" and layout.get("barmode", "group") == "group"
            else 1
        )
        bargap = float(layout.get("bargap", 0.25))
        name_lines = max((line_count(n) for n in ticktext), default=1)
        slot = max(name_lines * base * LINE + 6, n_series * (small * LINE + 1) / (1 - bargap))
        needed = math.ceil(t + bottom + n_cat * slot)
        H = spec.height if preview else max(spec.height, needed)
        if needed > H:
            # A link preview keeps 1200x630 (its og:image tags say so): without room for a
            # line per bar, the values are left out (the page has them) and a category's
            # missing marks stand side by side instead of on top of each other.
            for trace in traces:
                trace["textposition"] = "none"
            _side_by_side(annotations, base)
    else:
        y_values = _values(traces, "y")
        hi = max([0.0, *y_values])
        lo = min([0.0, *y_values])
        widest = format_number(max(abs(hi), abs(lo)) * 1.25, 0, lang)
        tick_w = text_px(widest, base)
        left = pad + y_title_w + tick_w + 8
        x_lines = 1
        if kind == "columns":
            ticktext = xaxis.get("ticktext") or []
            plot_w_guess = W - left - pad
            slot_w = plot_w_guess / max(len(ticktext), 1)
            ticktext = [rewrap_px(name, max(slot_w - 8, 40), base) for name in ticktext]
            xaxis["ticktext"] = ticktext
            x_lines = max((line_count(n) for n in ticktext), default=1)
        x_tick_h = x_lines * base * LINE + 8
        axis_title_h = text_height(axis_title, base) + 6 if axis_title else 0.0
        # direct labels beside lines: their width decides the right margin
        labels = [a for a in annotations if a.get("name") == "series-label"]
        label_w = max(
            (text_px(a.get("text", ""), small) for a in labels if a.get("xref") == "paper"),
            default=0.0,
        )
        if label_w:
            right = max(right, label_w + 8 + pad)
        legend_h, legend_layout = _legend(out, layout, W - left - right, base)
        bottom = below + legend_h + x_tick_h + axis_title_h + 4
        H = spec.height if preview else max(spec.height, math.ceil(t + bottom + MIN_PLOT))
    yaxis["title"] = (
        {**(yaxis.get("title") or {}), "standoff": 4} if y_title else yaxis.get("title", {})
    )

    plot_w = W - left - right
    plot_h = H - t - bottom
    size_px = (left, right, t, bottom, plot_w, plot_h, W, H)

    def px_to_paper_x(x_px: float) -> float:
        return (x_px - left) / plot_w

    def px_to_paper_y(y_from_top: float) -> float:
        return (H - bottom - y_from_top) / plot_h

    # -- line charts: explicit ranges, so label positions and tick spacing are known
    placed: list[_Box] = []
    if kind == "line":
        xs = _values(traces, "x")
        x0, x1 = (min(xs), max(xs)) if xs else (0.0, 1.0)
        span = max(x1 - x0, 1.0)
        x_pad = span * 0.03 + 0.2
        xaxis["range"] = [x0 - x_pad, x1 + x_pad]
        xaxis["autorange"] = False
        y_pad = (hi - lo) * 0.06 or 1.0
        yaxis["range"] = [lo, hi + y_pad]
        yaxis["autorange"] = False
        _thin_ticks(xaxis, base, left, plot_w)
        annotations = _place_line_labels(
            annotations, yaxis["range"], xaxis["range"], size_px, small, placed
        )
    elif kind == "columns":
        _fit_column_values(traces, layout, plot_w, small)
    # event numbers and break labels: annotations, raised a line where two would overlap
    annotations += _shape_labels(shapes, xaxis, size_px, small, placed)

    # -- place the blocks: title on top; legend, events, notes, source, licence below
    items: list[dict] = []
    if head:
        items.append(_note(head, px_to_paper_x(pad), px_to_paper_y(pad), "top", spec.title_size))
    y = H - pad
    for block, h in reversed(footer):
        items.append(_note(block, px_to_paper_x(pad), px_to_paper_y(y), "bottom", small))
        y -= h + 4
    if event_h:
        y -= gap - 4
        for text_html, col_x, row_top in event_cells:
            top_px = y - event_h + row_top
            items.append(
                _note(
                    _styled(text_html, spec.small_size, muted),
                    px_to_paper_x(pad + col_x),
                    px_to_paper_y(top_px),
                    "top",
                    small,
                )
            )
        y -= event_h
    if legend_layout is not None:
        y -= gap
        legend_layout.update(
            {"x": pad / W, "xanchor": "left", "y": (H - y) / H, "yanchor": "bottom"}
        )
        layout["legend"] = legend_layout
    layout["showlegend"] = legend_layout is not None
    layout["annotations"] = annotations + items
    layout["title"] = {"text": ""}
    layout["margin"] = {
        "l": round(left),
        "r": round(right),
        "t": round(t),
        "b": round(bottom),
        "pad": 0,
        "autoexpand": False,
    }
    layout.update(
        {
            "width": W,
            "height": H,
            "autosize": False,
            "paper_bgcolor": fig.BACKGROUND,
            "plot_bgcolor": fig.BACKGROUND,
        }
    )
    font = dict(layout.get("font") or {})
    font.update({"family": fig.FONT_FAMILY})
    font.setdefault("color", fig.TEXT_COLOR)
    layout["font"] = font
    return recolour(out) if dark else out


def _side_by_side(annotations: list[dict], size: float) -> None:
    """Missing marks beside horizontal bars of one category, moved apart sideways."""
    marks = [a for a in annotations if a.get("name") == "missing"]
    by_category: dict[int, list[dict]] = {}
    for mark in marks:
        by_category.setdefault(round(float(mark.get("y", 0))), []).append(mark)
    for group in by_category.values():
        group.sort(key=lambda a: float(a.get("y", 0)))
        shift = 4.0
        for mark in group:
            mark["xshift"] = shift
            mark["yshift"] = 0
            shift += text_px(_esc(str(mark.get("text", ""))), size) + 8


def _licence(licence: str, lang: str) -> str:
    if not licence:
        return ""
    return f"{_LABELS['licence'][lang if lang in ('nb', 'en') else 'nb']}: {licence}"


def _ellipsis(text: str, width_px: float, size: float) -> str:
    """`text` cut at a word so that it and "…" fit one line of `width_px`."""
    words = text.split()
    while words and text_px(_esc(" ".join(words) + " …"), size) > width_px:
        words.pop()
    return " ".join(words) + " …"


def _note(text: str, x: float, y: float, anchor: str, size: float) -> dict:
    """A left-aligned block of text at paper coordinates (placed from pixels)."""
    return {
        "name": "print-text",
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": x,
        "y": y,
        "xanchor": "left",
        "yanchor": anchor,
        "align": "left",
        "showarrow": False,
        "borderpad": 0,
        "font": {"size": size, "color": fig.MUTED_TEXT_COLOR, "family": fig.FONT_FAMILY},
    }


def _event_grid(
    events: list[str], width: float, size: float
) -> tuple[list[tuple[list[str], float, float]], float]:
    """The event key in rows of equal columns: [(lines, x, top)] and the grid's height.

    "1: Ny straffelov (oktober 2015)" stays on one line where a column fits it; a long
    one wraps within its column (never "(mai / 2017)" in a narrow centred line).
    """
    if not events:
        return [], 0.0
    widest = max(text_px(_esc(e), size) for e in events)
    gap = 24.0
    columns = max(1, min(len(events), int((width + gap) // (widest + gap))))
    column_w = (width - gap * (columns - 1)) / columns
    cells: list[tuple[list[str], float, float]] = []
    top = 0.0
    for start in range(0, len(events), columns):
        row = [wrap_px(e, column_w, size) for e in events[start : start + columns]]
        for k, lines in enumerate(row):
            cells.append((lines, k * (column_w + gap), top))
        top += max(len(lines) for lines in row) * size * LINE + 2
    return cells, top


def _legend(out: Figure, layout: dict, plot_w: float, size: float) -> tuple[float, dict | None]:
    """The legend in equal columns under the plot: its height (px, with the gap above it)
    and layout; (0, None) without one. Plotly wraps a horizontal legend at the plot's
    width, so the columns are counted against that."""
    if not has_legend(out):
        return 0.0, None
    traces = _legend_traces(out)
    for trace in traces:
        trace["name"] = rewrap_px(trace["name"], min(plot_w / 2 - 80, 320), size)
    text_w = max(text_px(t["name"], size) for t in traces) + 8
    # plotly.js 4 (legend/draw.js): an entry is entrywidth + itemwidth (40) + 2 x itemGap
    # (5) wide, plus itemGap between entries; a row wraps at the plot area's width.
    entry = text_w + 55
    columns = max(1, min(len(traces), int((plot_w + 4) // entry)))
    rows = [traces[i : i + columns] for i in range(0, len(traces), columns)]
    height = sum(max(max(line_count(t["name"]) for t in row) * size * LINE, 16) + 3 for row in rows)
    legend = dict(layout.get("legend") or {})
    legend.update(
        {
            "orientation": "h",
            "xref": "container",
            "yref": "container",
            "entrywidth": math.ceil(text_w),
            "entrywidthmode": "pixels",
            "itemwidth": 40,
            "tracegroupgap": 0,
            "font": {**(legend.get("font") or {}), "size": size},
            "bgcolor": "rgba(255,255,255,0)",
        }
    )
    return height + 14, legend


def _thin_ticks(axis: dict, size: float, left: float, plot_w: float) -> None:
    """Leave out years that would touch their neighbour (the first is always kept)."""
    values = axis.get("tickvals") or []
    labels = axis.get("ticktext") or [str(v) for v in values]
    lo, hi = axis["range"]
    if len(values) < 2 or hi <= lo:
        return
    kept_v, kept_t = [], []
    last_right = -math.inf
    for value, label in zip(values, labels, strict=False):
        centre = left + (float(value) - lo) / (hi - lo) * plot_w
        width = text_px(label, size)
        if centre - width / 2 >= last_right + 6:
            kept_v.append(value)
            kept_t.append(label)
            last_right = centre + width / 2
    axis["tickvals"], axis["ticktext"] = kept_v, kept_t


def _place_line_labels(
    annotations: list[dict],
    y_range: list[float],
    x_range: list[float],
    size_px: tuple[float, ...],
    small: float,
    placed: list[_Box],
) -> list[dict]:
    """Direct labels of lines for the image's plot: the ones in the right margin spread
    by their real heights, one beside a line that ends early kept only where it is clear
    of the others and inside the plot (the legend names every series)."""
    left, _right, t, _bottom, plot_w, plot_h, _w, _h = size_px
    lo, hi = y_range
    x0, x1 = x_range

    def y_px(value: float) -> float:  # from the image's top
        return t + plot_h - (value - lo) / (hi - lo) * plot_h

    out = [a for a in annotations if a.get("name") != "series-label"]
    margin = [
        a for a in annotations if a.get("name") == "series-label" and a.get("xref") == "paper"
    ]
    inside = [
        a for a in annotations if a.get("name") == "series-label" and a.get("xref") != "paper"
    ]
    heights = [text_height(a.get("text", ""), small) + 2 for a in margin]
    centres = [y_px(float(a.get("y", 0))) for a in margin]
    order = sorted(range(len(margin)), key=lambda k: centres[k])
    tops = {k: centres[k] - heights[k] / 2 for k in order}
    floor = t - small * LINE  # the labels may use the line above the plot
    for k in order:  # top to bottom: push down
        tops[k] = max(tops[k], floor)
        floor = tops[k] + heights[k]
    ceiling = t + plot_h + small  # ... and stay above the tick labels: push back up
    for k in reversed(order):
        tops[k] = min(tops[k], ceiling - heights[k])
        ceiling = tops[k]
    for k in order:
        note = margin[k]
        centre = tops[k] + heights[k] / 2
        value = lo + (t + plot_h - centre) / plot_h * (hi - lo)
        note.update({"y": value, "yanchor": "middle", "xshift": 8})
        width = text_px(note.get("text", ""), small)
        placed.append(_Box(left + plot_w + 8, tops[k], width, heights[k]))
        out.append(note)
    for note in inside:
        width = text_px(note.get("text", ""), small)
        height = text_height(note.get("text", ""), small) + 2
        x = (
            left
            + (float(note.get("x", x0)) - x0) / (x1 - x0) * plot_w
            + float(note.get("xshift", 0))
        )
        box = _Box(x, y_px(float(note.get("y", lo))) - height / 2, width, height)
        fits = (
            box.left + box.width <= left + plot_w
            and box.top >= t
            and box.top + box.height <= t + plot_h
        )
        if fits and not any(box.overlaps(other) for other in placed):
            placed.append(box)
            out.append(note)
    return out


def _shape_labels(
    shapes: list[dict], xaxis: dict, size_px: tuple[float, ...], small: float, placed: list[_Box]
) -> list[dict]:
    """Event numbers and "break in series" labels over the plot, as annotations: one that
    would overlap a label already placed is raised a line, or left out where that does
    not help (its line stays, and the key under the chart says what it marks)."""
    left, _right, t, _bottom, plot_w, _plot_h, _w, _h = size_px
    if "range" not in xaxis:
        return []
    x0, x1 = xaxis["range"]
    line_h = small * LINE + 2
    notes: list[dict] = []
    ordered = sorted(shapes, key=lambda s: s.get("name") == "break")  # events first
    for shape in ordered:
        label = shape.pop("label", None) or {}
        text = str(label.get("text") or "")
        if not text or shape.get("xref") != "x":
            continue
        x = float(shape.get("x0", 0))
        x_px = left + (x - x0) / (x1 - x0) * plot_w
        width = text_px(text, small) + 4
        anchor = label.get("xanchor", "center")
        start = {"left": x_px + 2, "right": x_px - width - 2}.get(anchor, x_px - width / 2)
        for raise_by in (0, 1):
            box = _Box(start, t - line_h * (raise_by + 1) - 2, width, line_h)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                notes.append(
                    {
                        "name": f"{shape.get('name', 'shape')}-label",
                        "text": text,
                        "xref": "x",
                        "yref": "paper",
                        "x": x,
                        "y": 1,
                        "xanchor": {"left": "left", "right": "right"}.get(anchor, "center"),
                        "xshift": {"left": 2, "right": -2}.get(anchor, 0),
                        "yanchor": "bottom",
                        "yshift": 2 + raise_by * line_h,
                        "showarrow": False,
                        "borderpad": 0,
                        "font": {
                            "size": small,
                            "color": fig.MUTED_TEXT_COLOR,
                            "family": fig.FONT_FAMILY,
                        },
                    }
                )
                break
    return notes


def _fit_column_values(traces: list[dict], layout: dict, plot_w: float, small: float) -> None:
    """Values above grouped columns: all shown where each fits its column, else none
    (a few values among gaps read as the whole story; the CSV has every value)."""
    shown = [tr for tr in traces if tr.get("textposition") == "outside"]
    if not shown:
        return
    categories = max(len(tr.get("x") or []) for tr in traces) or 1
    bargap = float(layout.get("bargap", 0.25))
    bar = plot_w / categories * (1 - bargap) / max(len(traces), 1)
    widest = max(
        (text_px(_esc(str(v)), small) for tr in shown for v in tr.get("text") or []), default=0
    )
    if widest > bar + 1:
        for trace in shown:
            trace["textposition"] = "none"


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
