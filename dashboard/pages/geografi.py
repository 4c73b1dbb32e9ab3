"""Placeholder page (being built): geografi."""

from __future__ import annotations

from dash import Dash, html

from dashboard.page import PageSpec
from dashboard.page import register as register_page
from dashboard.state import LANG

SPEC = PageSpec(
    name="geografi",
    path="/geografi",
    nav_key="nav.geografi",
    params=(LANG,),
    controls=(),
    content=lambda state: [html.P("…")],
)


def register(app: Dash, order: int) -> None:
    register_page(app, SPEC, order, __name__)
