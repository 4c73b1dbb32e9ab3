"""One menu per chart card, in the page's language, replacing Plotly's toolbar.

A disclosure button opens a list: Full skjerm, Om tallene, Last ned bilde (PNG, SVG),
Last ned data (CSV, Excel), Bygg inn, Del. Links work without JavaScript (the list is
a plain list of links in the document); `assets/chart-menu.js` makes the button a
disclosure (arrow keys, Esc closes and returns focus) and opens the panels (about,
embed code, share with QR code) that are rendered here, hidden.
"""

from __future__ import annotations

import logging
from functools import partial

import duckdb
from dash import html

from dashboard.charts.registry import ChartResult, measure_columns
from dashboard.store import log_failure
from dashboard.web.layout.markup import attrs
from dashboard.web.outputs.links import (
    chart_api_href,
    download_href,
    embed_code,
    embed_path,
    full_view_path,
    image_url,
)
from dashboard.web.serving.context import context, coverage, site_root
from dashboard.web.serving.lookups import editions, editions_of, measure_labels
from dashboard.words import t
from dashboard.words.numbers import format_cell

log = logging.getLogger(__name__)


def _base_url() -> str:
    return site_root()


def _definitions(result: ChartResult, lang: str) -> list[html.Li]:
    try:
        labels = context().once(("measure_labels", lang), lambda cur: measure_labels(cur, lang))
    except Exception:  # pragma: no cover - the menu never breaks a page
        log_failure(log, "measure_definitions_unavailable")
        return []
    items = []
    for measure in measure_columns(result.data):
        label, description = labels.get(measure, (measure, ""))
        items.append(html.Li([html.Strong(label), f" – {description}" if description else ""]))
    return items


def _area_editions(area: str, cur: duckdb.DuckDBPyConnection) -> list[dict]:
    return editions(cur, area, coverage())


def _editions(result: ChartResult, lang: str) -> list[html.Li]:
    """Numbers behind the chart that an earlier publication gave otherwise: the earlier
    value and publication beside the one shown (queries/editions.sql, read once per area
    and warehouse file; only the numbers this chart shows are picked here). A restated
    number that did not change is no news (`lookups.editions` leaves it out)."""
    data = result.data
    if data.empty or "measure" not in data:
        return []
    try:
        by_area = {
            area: context().once(("editions", area), partial(_area_editions, area))
            for area in sorted(set(data["municipality"]))
        }
        rows = editions_of(by_area, data)
    except Exception:  # pragma: no cover - the menu never breaks a page
        log_failure(log, "earlier_editions_unavailable")
        return []
    suffix = "en" if lang == "en" else "nb"
    return [
        html.Li(
            t(
                "about.edition",
                lang,
                year=r["year"],
                what=r[f"measure_{suffix}"],
                value=format_cell(r["value"], r["status"], 0, lang),
                publication=r["publication"],
                shown=format_cell(r["shown_value"], r["shown_status"], 0, lang),
                shown_publication=r["shown_publication"],
            )
        )
        for r in rows
    ]


def _panel(chart_id: str, kind: str, title: str, body: list, lang: str) -> html.Div:
    return html.Div(
        [
            html.H3(title, id=f"{kind}-{chart_id}-title", className="chart-panel-title"),
            *body,
            html.Button(
                t("dialog.close", lang),
                type="button",
                className="chart-panel-close",
                **attrs(data_action="close"),
            ),
        ],
        id=f"{kind}-{chart_id}",
        className=f"chart-panel chart-panel-{kind}",
        role="region",
        hidden=True,
        tabIndex=-1,
        **attrs(aria_labelledby=f"{kind}-{chart_id}-title"),
    )


def menu(result: ChartResult, query: dict[str, str], lang: str) -> html.Div:
    """The menu button, its list, and the hidden panels it opens."""
    chart_id = result.chart_id
    list_id = f"menu-{chart_id}"
    base = _base_url()
    full = full_view_path(chart_id, query)

    def link(key: str, href: str, download: bool = True) -> html.Li:
        props = attrs(download="") if download else {}
        return html.Li(html.A(t(key, lang), href=href, className="chart-menu-item", **props))

    def action(key: str, name: str) -> html.Li:
        return html.Li(
            html.Button(
                t(key, lang), type="button", className="chart-menu-item", **attrs(data_action=name)
            )
        )

    items = html.Ul(
        [
            action("menu.fullscreen", "fullscreen"),
            action("menu.about", "about"),
            link("menu.png", image_url(chart_id, query, "png")),
            link("menu.svg", image_url(chart_id, query, "svg")),
            link("menu.csv", download_href(chart_id, query, "csv")),
            link("menu.xlsx", download_href(chart_id, query, "xlsx")),
            link("menu.api", chart_api_href(chart_id, query), download=False),
            action("menu.embed", "embed"),
            action("menu.share", "share"),
        ],
        id=list_id,
        className="chart-menu-list",
        hidden=True,
    )
    button = html.Button(
        [html.Span(t("menu.button", lang)), html.Span("▾", **attrs(aria_hidden="true"))],
        type="button",
        className="chart-menu-button",
        **attrs(
            aria_expanded="false",
            aria_controls=list_id,
            aria_label=t("menu.label", lang, title=result.title),
        ),
    )
    definitions = _definitions(result, lang)
    editions = _editions(result, lang)
    about = _panel(
        chart_id,
        "about",
        t("menu.about", lang),
        [
            *([html.H4(t("about.definitions", lang)), html.Ul(definitions)] if definitions else []),
            html.H4(t("about.source", lang)),
            html.P(result.source),
            *(
                [html.H4(t("chart.notes", lang)), html.Ul([html.Li(n) for n in result.notes])]
                if result.notes
                else []
            ),
            *([html.H4(t("about.editions", lang)), html.Ul(editions)] if editions else []),
            html.P(
                [
                    t("about.api", lang),
                    " ",
                    html.A(
                        html.Code(chart_api_href(chart_id, query)),
                        href=chart_api_href(chart_id, query),
                    ),
                ],
                className="about-api",
            ),
            html.P(html.A(t("about.more", lang), href="/om-dataene")),
        ],
        lang,
    )
    code = embed_code(base, chart_id, query, result.title)
    embed = _panel(
        chart_id,
        "embed",
        t("embed.title", lang),
        [
            html.P(t("embed.help", lang)),
            html.Label(t("embed.code_label", lang), htmlFor=f"embed-code-{chart_id}"),
            html.Textarea(
                code,
                id=f"embed-code-{chart_id}",
                readOnly="readOnly",  # the HTML boolean attribute (Dash types it as text)
                rows=4,
                className="embed-code",
            ),
            html.Button(
                t("embed.copy", lang),
                type="button",
                className="copy-button",
                **attrs(data_copy=f"embed-code-{chart_id}", data_done=t("embed.copied", lang)),
            ),
            html.A(
                t("embed.preview", lang),
                href=embed_path(chart_id, query),
                target="_blank",
                rel="noopener",
            ),
        ],
        lang,
    )
    share_url = base + full
    share = _panel(
        chart_id,
        "share",
        t("share.title", lang),
        [
            html.Label(t("share.link_label", lang), htmlFor=f"share-url-{chart_id}"),
            html.Textarea(
                share_url,
                id=f"share-url-{chart_id}",
                readOnly="readOnly",  # the HTML boolean attribute (Dash types it as text)
                rows=2,
                className="share-url",
            ),
            html.Button(
                t("share.copy", lang),
                type="button",
                className="copy-button",
                **attrs(data_copy=f"share-url-{chart_id}", data_done=t("share.copied", lang)),
            ),
            html.Button(
                t("share.system", lang),
                type="button",
                className="share-system",
                hidden=True,
                **attrs(data_action="system-share"),
            ),
            # Where chart-menu.js puts the QR code of the address of the moment when the
            # panel opens (an <img> here would be fetched on every page load, once per
            # chart, for a panel most visitors never open; and an <img> without src is
            # not valid HTML).
            html.Div(className="share-qr-slot", **attrs(data_alt=t("share.qr", lang))),
        ],
        lang,
    )
    status = html.P(className="chart-menu-status", role="status", **attrs(aria_live="polite"))
    return html.Div([button, items, about, embed, share, status], className="chart-menu")
