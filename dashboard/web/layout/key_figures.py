"""The overview's key figures as page content, shared by the Oversikt page and Møtemodus's
first slide: one card per figure (number, sparkline, direction, change in words, sources),
grouped by theme, and the links for the meeting and the yearly report."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from dash import html

from dashboard import figures
from dashboard.charts.oversikt import KEY_SPECS, KeyFigure, key_figures
from dashboard.dimensions import kommune_name
from dashboard.state import KOMMUNE, ViewState
from dashboard.web.layout.components import attrs, report_link, wordreport_link
from dashboard.web.outputs.links import MOTE_PATH, PRESENTATION_PATH
from dashboard.web.serving.context import coverage, cursor
from dashboard.words import t
from dashboard.words.numbers import list_text

MARKERS = {"up": "▲", "down": "▼", "flat": "▶"}


def _link(path: str, state: ViewState) -> str:
    path, _, fragment = path.partition("#")
    base, _, query = path.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&") if p)
    params["kommune"] = state["kommune"]
    if state.lang != "nb":
        params["lang"] = state.lang
    return f"{base}?{urlencode(params)}" + (f"#{fragment}" if fragment else "")


def _year_query(state: ViewState) -> str:
    """`?aar=2020` when a year is chosen (the default sequence of that year), else ''."""
    return f"?aar={state['aar']}" if str(state["aar"]).isdigit() else ""


def _card(fig: KeyFigure, state: ViewState) -> html.Li:
    """One key figure: number, sparkline, direction, the change in words, sources."""
    lang = state.lang
    svg = figures.sparkline_svg(fig.points)
    head: list = [html.Span(fig.value_text, className="value")]
    if fig.direction:
        head.append(
            html.Span(
                [
                    html.Span(MARKERS[fig.direction], **attrs(aria_hidden="true")),
                    html.Span(t(f"oversikt.{fig.direction}", lang), className="visually-hidden"),
                ],
                className=f"direction direction-{fig.direction}",
            )
        )
    if svg:
        head.append(
            html.Img(
                src="data:image/svg+xml;charset=utf-8," + quote(svg),
                alt="",  # decorative: the sentence says the numbers
                className="sparkline",
                width=120,
                height=36,
            )
        )
    body = [
        html.Div(head, className="key-head"),
        html.Span(fig.year_label, className="visually-hidden"),
        html.P(fig.sentence, className="sentence"),
    ]
    if fig.small:
        body.append(html.P(t("oversikt.small", lang), className="uncertain"))
    body += [
        html.P(html.A(t("oversikt.see", lang), href=_link(fig.link, state))),
        html.P(f"{t('chart.source', lang)}: {fig.publications}", className="source"),
        html.Details(
            [html.Summary(t("oversikt.about", lang)), html.P(fig.source, className="source")],
            className="key-about",
        ),
    ]
    return html.Li(body, className="key-figure", **attrs(data_key=fig.key))


def _other_areas(state: ViewState, shown: list[KeyFigure]) -> list:
    """When a kommune lacks key figures another has, say where more exist (from the data)."""
    if len(shown) == len(KEY_SPECS):
        return []
    have = coverage()
    missing = {s.filters["measure"] for s in KEY_SPECS} - {f.rows["measure"].iloc[0] for f in shown}
    others = [
        kommune_name(code, state.lang)
        for code in KOMMUNE.allowed
        if code != state["kommune"] and any(have.years([m], code) for m in missing)
    ]
    if not others:
        return []
    text = t(
        "oversikt.other_areas",
        state.lang,
        k=kommune_name(state["kommune"], state.lang),
        others=list_text(others, state.lang),
    )
    return [html.P(text, className="note", role="note")]


def content(state: ViewState) -> list:
    """The key figures of the kommune, one section per theme."""
    lang = state.lang
    shown = key_figures(cursor(), state)
    children: list = _other_areas(state, shown)
    for theme in dict.fromkeys(spec.theme for spec in KEY_SPECS):
        cards = [_card(f, state) for f in shown if f.theme == theme]
        if not cards:
            continue
        heading_id = f"oversikt-{theme}-h2"
        children.append(
            html.Section(
                [
                    html.H2(t(f"oversikt.theme.{theme}", lang), id=heading_id),
                    html.Ul(cards, className="key-figures"),
                ],
                className="page-section",
                **attrs(aria_labelledby=heading_id),
            )
        )
    # For the meeting and the yearly report (hidden on Møtemodus's overview slide).
    mote = html.A(t("mote.overview_link", lang), href=_link(MOTE_PATH, state), id="mote-link")
    deck_file = html.A(
        t("presentation.button", lang),
        href=_link(PRESENTATION_PATH + _year_query(state), state),
        id="presentation-link",
        download="",
    )
    figures_zip = report_link(state["kommune"], state["aar"], lang, "report-link")
    document = wordreport_link(state["kommune"], state["aar"], lang, "wordreport-link")
    children.append(
        html.Section(
            [
                html.H2(t("oversikt.use.h2", lang), id="oversikt-use-h2"),
                html.Ul(
                    [html.Li(mote), html.Li(deck_file), html.Li(document), html.Li(figures_zip)]
                ),
            ],
            className="page-section mote-link",
            **attrs(aria_labelledby="oversikt-use-h2"),
        )
    )
    return children
