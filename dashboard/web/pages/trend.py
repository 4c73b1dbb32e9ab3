"""Utvikling (/trend): youth crime over time, and the cross-kommune comparison."""

from __future__ import annotations

from dashboard.charts.trend import TREND_PARAMS
from dashboard.web.layout.page import PageSpec

SPEC = PageSpec(name="trend", params=TREND_PARAMS)
