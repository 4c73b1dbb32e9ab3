"""A kommune imports a new year through the documented template: every page where the
figures apply offers that year and shows it by default, with no code change.

The rows are the README's import template (Asker 2021), imported with the CLI into a
copy of the real data folder; the app is then created on that folder.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dashboard import cli
from dashboard.charts.listing import REGISTRY, render
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.web.layout.page import layout_for, view_state
from dashboard.web.pages import alder_og_kjonn, oversikt, trend
from dashboard.web.serving.context import cursor
from tests.paths import ROOT

META = """title: "Anmeldelser for mistenkte 10-17 år med gjerningssted i Asker"
publisher: "Oslo politidistrikt"
publication: "SLT-rapport Asker 2021 (test)"
published: "2022"
section: "2.1"
unit: "anmeldelser"
counts: "anmeldelser; gjerningssted"
licence: "CC BY 4.0"
"""


def readme_template() -> str:
    """The CSV of the README's import template, exactly as documented."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### Import template.*?```csv\n(.*?)```", readme, flags=re.S)
    assert block, "the README has no import template"
    return block.group(1)


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of data/ with the template imported, and its warehouse."""
    base = tmp_path_factory.mktemp("new-year")
    data = base / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    incoming = base / "incoming"
    incoming.mkdir()
    (incoming / "asker-politiet-2021.csv").write_text(readme_template(), encoding="utf-8")
    (incoming / "asker-politiet-2021.meta.yml").write_text(META, encoding="utf-8")
    wh = base / "warehouse.duckdb"
    argv = ["--data-dir", str(data), "--warehouse", str(wh)]
    assert cli.main(["import", str(incoming / "asker-politiet-2021.csv"), *argv]) == 0
    return data, wh


def controls_of(tree) -> dict[str, object]:
    """Control id -> value in a rendered layout."""
    found: dict[str, object] = {}

    def walk(node) -> None:
        if hasattr(node, "id") and hasattr(node, "value"):
            found[node.id] = node.value
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list) else [children]:
            if child is not None and not isinstance(child, str):
                walk(child)

    walk(tree)
    return found


def options_of(tree, control_id: str) -> list[str]:
    def walk(node):
        if getattr(node, "id", None) == control_id:
            return [o["value"] for o in node.options]
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list) else [children]:
            if child is not None and not isinstance(child, str):
                hit = walk(child)
                if hit is not None:
                    return hit
        return None

    return walk(tree) or []


def test_the_year_is_the_default_on_the_age_and_sex_page(imported, warehouse_path):
    data, wh = imported
    before = create_app(Settings(warehouse=warehouse_path, auto_build=False))
    after = create_app(Settings(data_dir=data, warehouse=wh, auto_build=False))
    spec = alder_og_kjonn.SPEC
    with before.server.test_request_context("/alder-og-kjonn"):
        old = controls_of(layout_for(spec)(kommune="asker"))
    with after.server.test_request_context("/alder-og-kjonn"):
        new = controls_of(layout_for(spec)(kommune="asker"))
        state = view_state(spec, {"kommune": "asker"})
        result = render("alder-kjonn", cursor(), state)
    assert (old["alder_og_kjonn-fra"], old["alder_og_kjonn-til"]) != (2021, 2021)
    assert (new["alder_og_kjonn-fra"], new["alder_og_kjonn-til"]) == (2021, 2021)
    assert result.figure is not None
    assert set(result.data["year"]) == {2021}
    suppressed = result.data[result.data["sex"] == "gutter"]
    assert suppressed["status"].tolist() == [":"]  # the template's suppressed cell stays ":"


def test_the_year_is_drawn_on_the_trend_page(imported):
    data, wh = imported
    app = create_app(Settings(data_dir=data, warehouse=wh, auto_build=False))
    with app.server.test_request_context("/trend"):
        state = view_state(trend.SPEC, {"kommune": "asker"})
        result = render("utvikling", cursor(), state)
        tree = layout_for(trend.SPEC)(kommune="asker")
    assert state["fra"] <= 2021 <= state["til"]
    assert 2021 in set(result.data["year"])
    assert controls_of(tree)["trend-til"] >= 2021


def test_the_year_is_offered_on_the_overview(imported):
    data, wh = imported
    app = create_app(Settings(data_dir=data, warehouse=wh, auto_build=False))
    with app.server.test_request_context("/"):
        tree = layout_for(oversikt.SPEC)(kommune="asker")
    assert "2021" in options_of(tree, "oversikt-aar")


def test_every_year_control_follows_the_data():
    """No chart parameter types its default period in without a source in the data."""
    for chart in REGISTRY.values():
        for param in chart.params:
            if param.year and not param.sentinel:
                assert param.years_of, f"{chart.chart_id}: {param.name} has no years_of"
