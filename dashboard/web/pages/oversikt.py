"""Oversikt (/): "Utfordringsbildet" — the key figures of the latest year, in words."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import html

from dashboard.charts.oversikt import OVERVIEW_PARAMS, key_figures
from dashboard.dimensions import kommune_name
from dashboard.state import ViewState
from dashboard.web.agenda import PATH as MOTE_PATH
from dashboard.web.components import attrs
from dashboard.web.context import cursor
from dashboard.web.page import PageSpec
from dashboard.words import t


def _link(path: str, state: ViewState) -> str:
    path, _, fragment = path.partition("#")
    base, _, query = path.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&") if p)
    params["kommune"] = state["kommune"]
    if state.lang != "nb":
        params["lang"] = state.lang
    return f"{base}?{urlencode(params)}" + (f"#{fragment}" if fragment else "")


def content(state: ViewState) -> list:
    lang = state.lang
    figures = key_figures(cursor(), state)
    children: list = []
    if state["kommune"] != "baerum":
        children.append(
            html.P(
                t("oversikt.only_baerum", lang).format(k=kommune_name(state["kommune"], lang)),
                className="no-data",
                role="note",
            )
        )
    items = []
    for fig in figures:
        body = [
            html.Span(fig.value_text, className="value"),
            html.Span(fig.year_label, className="visually-hidden"),
            html.P(fig.sentence, className="sentence"),
        ]
        if fig.small:
            body.append(html.P(t("oversikt.small", lang), className="uncertain"))
        body += [
            html.P(html.A(t("oversikt.see", lang), href=_link(fig.link, state))),
            html.P(f"{t('chart.source', lang)}: {fig.source}", className="source"),
        ]
        items.append(html.Li(body, className="key-figure", **attrs(data_key=fig.key)))
    children.append(html.Ul(items, className="key-figures"))
    mote = html.A(t("mote.overview_link", lang), href=_link(MOTE_PATH, state), id="mote-link")
    children.append(html.P(mote, className="mote-link"))
    return children


SPEC = PageSpec(name="oversikt", path="/", params=OVERVIEW_PARAMS, content=content)
