"""Placeholder page (being built): om_dataene."""

from __future__ import annotations

from dash import Dash, html

from dashboard.page import PageSpec
from dashboard.page import register as register_page
from dashboard.state import LANG

SPEC = PageSpec(
    name="om_dataene",
    path="/om-dataene",
    nav_key="nav.om",
    params=(LANG,),
    controls=(),
    content=lambda state: [html.P("…")],
)


def register(app: Dash, order: int) -> None:
    register_page(app, SPEC, order, __name__)
