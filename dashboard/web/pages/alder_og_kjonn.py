"""Alder og kjønn (/alder-og-kjonn): young suspects by age group and sex over the years."""

from __future__ import annotations

from dashboard.charts.alder_og_kjonn import AGE_PARAMS
from dashboard.web.layout.page import PageSpec

SPEC = PageSpec(name="alder_og_kjonn", params=AGE_PARAMS)
