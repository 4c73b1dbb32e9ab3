"""Oslo and Asker: every page draws what the public figures hold for them, or says in one
box why not and links to where the figures exist (issue: no walls of "Ingen tall")."""

from __future__ import annotations

import pytest

from dashboard.charts import listing as charts
from dashboard.state import parse
from dashboard.web.layout.page import layout_for
from dashboard.web.pages import alder_og_kjonn, geografi, oversikt, trend, trygghetsprogrammet


def _walk(node):
    yield node
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            yield from _walk(child)


def _layout(app, spec, **query):
    with app.server.test_request_context(spec.path):
        return layout_for(spec)(**query)


def drawn(tree) -> list[str]:
    """Ids of the chart cards that draw a figure."""
    return [
        n.id
        for n in _walk(tree)
        if type(n).__name__ == "Graph" and isinstance(getattr(n, "figure", None), dict)
    ]


@pytest.mark.parametrize("kommune", ["oslo", "asker", "baerum"])
@pytest.mark.parametrize(
    "spec",
    [trend.SPEC, geografi.SPEC, alder_og_kjonn.SPEC, trygghetsprogrammet.SPEC],
    ids=lambda s: s.name,
)
def test_every_page_opens_on_a_drawn_chart_above_what_is_not_published(app, spec, kommune):
    tree = _layout(app, spec, kommune=kommune)
    assert drawn(tree), (spec.name, kommune)
    order = [
        "chart" if type(n).__name__ == "Graph" else "fold"
        for n in _walk(tree)
        if type(n).__name__ == "Graph" or "not-published" in str(getattr(n, "className", ""))
    ]
    # Every drawn chart comes before the one line that names what is not published.
    assert order.count("fold") <= 1 and (not order.count("fold") or order[-1] == "fold")


@pytest.mark.parametrize("kommune", ["oslo", "asker"])
def test_geografi_folds_the_police_tables_into_one_line_that_says_what_exists(app, kommune):
    tree = _layout(app, geografi.SPEC, kommune=kommune)
    folds = [n for n in _walk(tree) if "not-published" in str(getattr(n, "className", ""))]
    assert len(folds) == 1 and drawn(tree)
    summary = next(n for n in _walk(folds[0]) if type(n).__name__ == "Summary")
    assert summary.children.startswith("Ikke publisert for ")
    assert "Bærum" in str(folds[0])  # what exists instead: the kommune that has them


@pytest.mark.parametrize("kommune", ["oslo", "asker"])
def test_the_overview_has_key_figures(app, kommune):
    tree = _layout(app, oversikt.SPEC, kommune=kommune)
    cards = [n for n in _walk(tree) if getattr(n, "className", "") == "key-figure"]
    assert cards


def test_oslo_youth_series_are_the_salto_figures(con):
    chart = charts.REGISTRY["ungdomsserier"]
    result = charts.render("ungdomsserier", con.cursor(), parse(chart.params, {"kommune": "oslo"}))
    data = result.data
    repeat = data[
        (data["category"] == "gjengangere_4pluss_forhold") & (data["measure"] == "personer")
    ]
    # SaLTo: repeat offenders under 18 with four or more offences, as quoted (youth-figures.csv)
    by_year = dict(zip(repeat["year"], repeat["value"], strict=True))
    assert by_year[2013] == 120 and by_year[2019] == 188
    assert set(data["municipality"]) == {"oslo"}  # never the police district's figures
    assert "SaLTo" in result.subtitle


def test_population_by_age_is_ssb_07459(con):
    chart = charts.REGISTRY["befolkning-alder"]
    result = charts.render(
        "befolkning-alder",
        con.cursor(),
        parse(chart.params, {"kommune": "oslo", "fra": "2013", "til": "2013"}),
    )
    values = dict(zip(result.data["age_group"], result.data["value"], strict=True))
    expected = con.execute(
        "SELECT age_group, value FROM facts WHERE preferred AND measure = 'befolkning' "
        "AND municipality = 'oslo' AND year = 2013 AND age_group IN ('10-17', '15-17')"
    ).fetchall()
    assert values == dict(expected) and len(values) == 2
