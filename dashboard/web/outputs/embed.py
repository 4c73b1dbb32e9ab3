"""Embeds: `/embed/<chart>?<same query as the page>` for kommune websites and intranets.

A plain Flask route that writes the whole document itself (no Dash, no navigation):
the chart's title, the static image (`<img alt>` = the chart's summary sentence), the
data table, the data links, the source, the licence and a link to the full view. That
is what a reader sees without JavaScript. With JavaScript, `embed.js` replaces the
image by the interactive chart (Plotly, loaded only here) and tells the host page its
height by `postMessage` — `{"slt-height": {"<chart>": <px>}}`, after Datawrapper's
responsive-iframe protocol — which `/embed/host.js` on the host page applies to the
iframe. Without the host script the iframe keeps its `height` attribute
(links.EMBED_HEIGHT), which fits the chart with the table closed.

The embed follows the reader's `prefers-color-scheme`; `?tema=lys|mork` forces one.
Which sites may frame it is `Settings.embed_frame_ancestors` (applied in `headers.py`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

import flask
import pandas as pd
from dash import Dash

from dashboard import printing as images
from dashboard.charts.listing import REGISTRY, ChartResult
from dashboard.figures import page_figure
from dashboard.state import to_query
from dashboard.web.outputs.images import licence_line
from dashboard.web.outputs.links import (
    download_href,
    full_view_path,
    image_url,
    statement_href,
)
from dashboard.web.serving.bundles import plotly_url
from dashboard.web.serving.context import chart_result, cursor, view
from dashboard.web.serving.static import ASSETS_DIR
from dashboard.words import t

STATIC = Path(__file__).resolve().parent / "static"
#: The pages' label fitting (direct labels spread, ticks thinned, values all-or-none):
#: the embed draws the page's figure, so the same script keeps its labels apart.
LABELS_JS = "/assets/labels.js"


def plotly_js() -> str:
    """The smallest plotly.js the site serves (a bundle in assets/ if there is one), under
    its content-hash URL (cacheable for a year, shared with the pages)."""
    return plotly_url(ASSETS_DIR)


THEMES = {"lys": "light", "mork": "dark"}


@cache
def _static(name: str) -> str:
    """An embed asset's text (read once per process, on first use)."""
    return (STATIC / name).read_text(encoding="utf-8")


def table_html(table: pd.DataFrame, caption: str) -> str:
    """The display table as HTML: caption, column headers, a row header per row."""
    if table.empty:
        return ""
    columns = [str(c) for c in table.columns]
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in columns)
    rows = []
    for row in table.itertuples(index=False):
        cells = [f'<th scope="row">{html.escape(str(row[0]))}</th>']
        cells += [f'<td class="num">{html.escape(str(v))}</td>' for v in row[1:]]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table class="data-table"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def page(
    result: ChartResult,
    query: Mapping[str, str],
    lang: str,
    theme: str,
    licence: str,
    head: str = "",
) -> str:
    """The embed document (`head`: more for its <head>, e.g. the oEmbed discovery link)."""
    esc = html.escape
    chart_id = result.chart_id
    theme_attr = THEMES.get(theme, "auto")
    parts = [f'<h1 class="embed-title" id="title">{esc(result.title)}</h1>']
    if result.subtitle:
        parts.append(f'<p class="subtitle">{esc(result.subtitle)}</p>')
    data_json = ""
    if result.figure is None:
        parts.append(
            f'<div class="no-data" role="note"><p><strong>{esc(t("nodata.title", lang))}'
            f"</strong></p><p>{esc(result.message or '')}</p></div>"
        )
    else:
        png = image_url(chart_id, query)
        dark_png = png + ("&" if "?" in png else "?") + "tema=mork"
        light_png = png
        if theme_attr == "dark":
            light_png = dark_png
        source_dark = (
            f'<source media="(prefers-color-scheme: dark)" srcset="{esc(dark_png)}">'
            if theme_attr == "auto"
            else ""
        )
        # The page's figure: its footnotes (missing values, events, breaks) as HTML under
        # the chart, where they reflow at any width, and the phone-sized wraps.
        figure, footnotes = page_figure(dict(result.figure))
        height = (figure.get("layout") or {}).get("height")
        reserved = f' style="height:{height}px"' if isinstance(height, int) else ""
        notes = (
            '<ul class="chart-footnotes">'
            + "".join(f"<li>{esc(note)}</li>" for note in footnotes)
            + "</ul>"
            if footnotes
            else ""
        )
        parts.append(
            '<figure class="embed-figure">'
            f'<div class="embed-graph" id="graph" aria-hidden="true"{reserved}></div>'
            # In <noscript>: with JavaScript the chart is drawn and the image never fetched.
            f'<noscript><picture class="embed-static">{source_dark}'
            f'<img src="{esc(light_png)}" alt="{esc(result.summary)}" width="960" height="640">'
            f"</picture></noscript>{notes}"
            f'<figcaption class="summary">{esc(result.summary)}</figcaption></figure>'
        )
        figures = {
            "light": figure,
            "dark": images.recolour(figure),
        }
        data_json = json.dumps(figures, separators=(",", ":")).replace("</", "<\\/")
        parts.append(
            f'<details class="chart-table"><summary>{esc(t("chart.table", lang))}</summary>'
            f"{table_html(result.table, result.title)}"
            f'<p class="legend-symbols">{esc(t("chart.missing_legend", lang))}</p></details>'
        )
    csv = download_href(chart_id, query, "csv")
    xlsx = download_href(chart_id, query, "xlsx")
    full = full_view_path(chart_id, query)
    parts.append(
        '<p class="embed-links">'
        f'<a href="{esc(csv)}" download>{esc(t("menu.csv", lang))}</a> · '
        f'<a href="{esc(xlsx)}" download>{esc(t("menu.xlsx", lang))}</a> · '
        f'<a href="{esc(full)}" target="_blank" rel="noopener">{esc(t("embed.full_view", lang))}</a>'
        # The accessibility statement, linked from every embed as from every page (issue 11).
        f' · <a href="{esc(statement_href(lang))}" target="_blank" rel="noopener">'
        f"{esc(t('footer.a11y', lang))}</a>"
        "</p>"
    )
    if result.source:
        label, sep, names = result.source.partition(": ")
        if lang == "en" and sep:  # the Norwegian titles it cites, read in Norwegian
            cite = f'{esc(label)}: <span lang="nb">{esc(names)}</span>'
        else:
            cite = esc(result.source)
        parts.append(f'<p class="source">{cite}</p>')
    if licence:
        parts.append(f'<p class="licence">{esc(t("embed.licence", lang))}: {esc(licence)}</p>')
    scripts = ""
    if data_json:
        scripts = (
            f'<script id="slt-figure" type="application/json">{data_json}</script>'
            f'<script src="{plotly_js()}" defer></script>'
            f'<script src="{LABELS_JS}" defer></script>'
            '<script src="/embed/embed.js" defer></script>'
        )
    else:
        # A file, not inline: the site's CSP allows scripts from 'self' and known hashes only.
        scripts = '<script src="/embed/embed.js" defer></script>'
    return (
        f'<!doctype html><html lang="{esc(lang)}" data-theme="{theme_attr}">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>{esc(result.title)} – SLT-statistikk</title>"
        # What the chart shows, for search results and link previews of the embed itself.
        f'<meta name="description" content="{esc(result.summary or result.message or result.title)}">'
        f"<style>{_static('embed.css')}</style>{head}</head>"
        f'<body><main class="embed" id="slt-embed" data-chart="{esc(chart_id)}">'
        + "".join(parts)
        + f"</main>{scripts}</body></html>"
    )


#: More of an embed's <head>: (chart id, normalised query, title) -> HTML.
HeadHook = Callable[[str, Mapping[str, str], str], str]


def register(app: Dash, head: HeadHook | None = None) -> None:
    """`/embed/<chart>` and the host-page script `/embed/host.js` (`head`: adds to each
    embed's <head>; the open data plugs in its oEmbed discovery link)."""
    server = app.server

    @server.route("/embed/host.js")
    def embed_host_script():
        response = flask.Response(_static("host.js"), mimetype="text/javascript")
        response.headers["Cache-Control"] = "public, max-age=3600"
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response

    @server.route("/embed/embed.js")
    def embed_script():
        response = flask.Response(_static("embed.js"), mimetype="text/javascript")
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response

    @server.route("/farger.json")
    def dark_colours():
        """Light -> dark chart colours, for the pages' dark mode (assets/dark-charts.js)."""
        response = flask.jsonify({"dark": images.DARK_COLOURS})
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response

    @server.route("/embed/<chart_id>")
    def embed_chart(chart_id: str):
        if chart_id not in REGISTRY:
            return flask.Response(
                "Ukjent figur / unknown chart\n", status=404, mimetype="text/plain"
            )
        chart = REGISTRY[chart_id]
        args = flask.request.args.to_dict(flat=False)
        theme = flask.request.args.get("tema", "")
        # the view its page opens on: year defaults from what the kommune has
        state = view(chart.params, {k: v for k, v in args.items() if k != "tema"})
        cur = cursor()
        result = chart_result(chart, state)
        query = to_query(chart.params, state.values)
        extra = head(chart_id, query, result.title) if head else ""
        body = page(result, query, state.lang, theme, licence_line(cur, result.data), extra)
        response = flask.Response(body, mimetype="text/html")
        response.headers["Cache-Control"] = "public, max-age=300"
        return response
