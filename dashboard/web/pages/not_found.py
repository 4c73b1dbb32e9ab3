"""The 404 page (Dash Pages uses the module registered as `not_found_404`)."""

from __future__ import annotations

from collections.abc import Mapping

import dash
from dash import Dash, dcc, html

from dashboard.web.serving import cache
from dashboard.words import t


def language(query: Mapping[str, object]) -> str:
    return "en" if query.get("lang") == "en" else "nb"


def layout(**query) -> html.Div:
    lang = language(query)
    return html.Div(
        [
            html.H1(t("notfound.title", lang)),
            html.P(dcc.Link(t("notfound.body", lang), href="/" if lang == "nb" else "/?lang=en")),
        ],
        className="page page-404",
    )


def register(app: Dash, order: int) -> None:
    dash.register_page("not_found_404", path="/404", layout=layout, order=order)
    for path in ("404", "/404"):  # an unknown path, and the page's own
        cache.page_view(app, path, lambda query: [language(query)])
