"""Placeholder page (being built): trygghetsprogrammet."""

from __future__ import annotations

from dash import Dash, html

from dashboard.page import PageSpec
from dashboard.page import register as register_page
from dashboard.state import LANG

SPEC = PageSpec(
    name="trygghetsprogrammet",
    path="/trygghetsprogrammet",
    nav_key="nav.trygghet",
    params=(LANG,),
    controls=(),
    content=lambda state: [html.P("…")],
)


def register(app: Dash, order: int) -> None:
    register_page(app, SPEC, order, __name__)
