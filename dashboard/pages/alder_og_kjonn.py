"""Placeholder page (being built): alder_og_kjonn."""

from __future__ import annotations

from dash import Dash, html

from dashboard.page import PageSpec
from dashboard.page import register as register_page
from dashboard.state import LANG

SPEC = PageSpec(
    name="alder_og_kjonn",
    path="/alder-og-kjonn",
    nav_key="nav.alder",
    params=(LANG,),
    controls=(),
    content=lambda state: [html.P("…")],
)


def register(app: Dash, order: int) -> None:
    register_page(app, SPEC, order, __name__)
