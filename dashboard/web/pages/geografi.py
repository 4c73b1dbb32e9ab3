"""Geografi (/geografi): where the young suspects of offences committed in a kommune live."""

from __future__ import annotations

from dashboard.charts.geografi import GEO_PARAMS
from dashboard.web.layout.page import PageSpec

SPEC = PageSpec(name="geografi", params=GEO_PARAMS)
