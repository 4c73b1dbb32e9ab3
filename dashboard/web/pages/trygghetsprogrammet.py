"""Oppfølging (/trygghetsprogrammet): Trygghetsprogrammet, the police's concern talks and
follow-up of young people, extremism concerns and Ungdata (the SLT reports)."""

from __future__ import annotations

from dash import html

from dashboard.charts.listing import ChartResult
from dashboard.charts.trygghetsprogrammet import PARAMS, key_figures
from dashboard.web.layout.components import attrs
from dashboard.web.layout.markup import cited
from dashboard.web.layout.page import PageSpec
from dashboard.words import t


def key_figure_list(result: ChartResult, lang: str) -> list:
    """The extremism card's count and shares, shown large above the card."""
    figures = key_figures(result, lang)
    if not figures:
        return []
    items = [
        html.Li(
            [
                html.Span(f.text, className="value"),
                html.Div(f"{f.label}, {f.year}", className="label"),
                html.Div(cited(f.source, lang), className="source"),
            ],
            className="key-figure",
        )
        for f in figures
    ]
    label = t("trygghetsprogrammet.key_figures", lang)
    return [html.Ul(items, className="key-figures", **attrs(aria_label=label))]


SPEC = PageSpec(
    name="trygghetsprogrammet",
    params=PARAMS,
    before_card=key_figure_list,
)
