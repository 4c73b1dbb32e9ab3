"""Oversikt (/): "Utfordringsbildet" — the key figures of the latest year, in words."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import html

from dashboard.charts.oversikt import OVERVIEW_PARAMS, key_figures
from dashboard.dimensions import kommune_name, kommune_options
from dashboard.state import ViewState
from dashboard.web import ids
from dashboard.web.components import radio
from dashboard.web.context import cursor
from dashboard.web.page import Control, PageSpec, headings
from dashboard.words import pick, t

NAME = "oversikt"
KOMMUNE = ids.page(NAME, "kommune")
AAR = ids.page(NAME, "aar")

TEXT = {
    "h1": {"nb": "Utfordringsbildet", "en": "The current picture"},
    "intro": {
        "nb": "De viktigste tallene for siste år med tall, og endringen fra året før. Hver setning "
        "lenker til figuren som viser tallene, med kilde og nedlasting.",
        "en": "The key figures for the latest year with data, and the change from the year before. "
        "Each sentence links to the chart that shows the figures, with source and download.",
    },
    "aar": {"nb": "År", "en": "Year"},
    "siste": {"nb": "Siste år med tall", "en": "Latest year with data"},
    "see": {"nb": "Se figuren", "en": "See the chart"},
    "small": {"nb": "Små tall – usikker endring", "en": "Small numbers – uncertain change"},
    "only_baerum": {
        "nb": "SLT-tallene (anmeldelser, personer, Trygghetsprogrammet, bekymringssamtaler) finnes "
        "foreløpig bare for Bærum (SLT-årsrapportene 2019 og 2020). For {k} vises tallene som finnes.",
        "en": "The SLT figures (reports, persons, the Safety Programme, concern talks) exist so far "
        "only for Bærum (SLT annual reports 2019 and 2020). For {k} the figures that exist are shown.",
    },
}


def controls(state: ViewState) -> list:
    lang = state.lang
    kommuner = kommune_options(("baerum", "asker", "oslo"), lang)
    years = [("siste", pick(TEXT["siste"], lang))] + [
        (str(y), str(y)) for y in range(2020, 2014, -1)
    ]
    value = state["aar"] if any(code == state["aar"] for code, _ in years) else "siste"
    return [
        radio(KOMMUNE, t("filter.kommune", lang), kommuner, state["kommune"]),
        radio(AAR, pick(TEXT["aar"], lang), years, value),
    ]


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
                pick(TEXT["only_baerum"], lang).format(k=kommune_name(state["kommune"], lang)),
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
            body.append(html.P(pick(TEXT["small"], lang), className="uncertain"))
        body += [
            html.P(html.A(pick(TEXT["see"], lang), href=_link(fig.link, state))),
            html.P(f"{t('chart.source', lang)}: {fig.source}", className="source"),
        ]
        items.append(html.Li(body, className="key-figure", **{"data-key": fig.key}))
    children.append(html.Ul(items, className="key-figures"))
    return children


SPEC = PageSpec(
    name=NAME,
    path="/",
    params=OVERVIEW_PARAMS,
    controls=(Control(KOMMUNE, "kommune"), Control(AAR, "aar")),
    content=content,
    controls_layout=controls,
    heading=headings(TEXT),
)
