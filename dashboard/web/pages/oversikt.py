"""Oversikt (/): "Utfordringsbildet" — the key figures, grouped by theme, at a glance."""

from __future__ import annotations

from dashboard.charts.oversikt import OVERVIEW_PARAMS
from dashboard.web.layout.key_figures import content
from dashboard.web.layout.page import PageSpec

SPEC = PageSpec(name="oversikt", params=OVERVIEW_PARAMS, content=content, draws_charts=False)
