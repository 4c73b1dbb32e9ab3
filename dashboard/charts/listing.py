"""The explicit list of chart modules: importing this registers every chart.

The registry itself imports no definition (no cycle); whoever needs every chart (the
web layer, the CLI, tests) imports this module.
"""

from __future__ import annotations

from dashboard.charts import alder_og_kjonn, geografi, oversikt, trend, trygghetsprogrammet
from dashboard.charts.registry import REGISTRY, Chart, ChartResult, on_page, render

#: Chart modules in page order; each registers its charts when imported.
MODULES = (oversikt, trend, geografi, alder_og_kjonn, trygghetsprogrammet)

__all__ = ["MODULES", "REGISTRY", "Chart", "ChartResult", "on_page", "render"]
