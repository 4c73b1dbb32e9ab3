"""The chart contract: a chart honours every parameter of its page or says it ignores it.

Checked when a chart is declared (charts/contract.py) and, here, by behaviour: changing a
parameter a chart says it reads changes what the chart shows for some kommune.
"""

from __future__ import annotations

import json

import pytest

from dashboard.charts import contract
from dashboard.charts.listing import REGISTRY
from dashboard.charts.registry import NoData, Query, chart
from dashboard.state import KOMMUNE, LANG, Param, parse
from tests.results import everything

AAR = Param("aar", default=2020, year=True)
PAGE_PARAMS = (LANG, KOMMUNE, AAR)


def _declare(chart_id: str, **kwargs):
    """Declare a throwaway chart and remove it again whatever happens."""

    def shaper(result, state):  # reads the kommune only
        return NoData(f"{state['kommune']}", "")

    try:
        return chart(chart_id, "testside", PAGE_PARAMS, Query("years"), **kwargs)(shaper)
    finally:
        REGISTRY.pop(chart_id, None)


def test_a_chart_that_ignores_a_parameter_of_its_page_is_refused_when_declared():
    with pytest.raises(contract.ContractError, match=r"neither reads nor ignores \['aar'\]"):
        _declare("kontrakt-test-1")


def test_declaring_the_parameter_as_ignored_is_accepted():
    _declare("kontrakt-test-2", ignores=("aar",))


def test_ignoring_a_parameter_the_page_does_not_have_is_refused():
    with pytest.raises(contract.ContractError, match="not parameters of page"):
        _declare("kontrakt-test-3", ignores=("aar", "fargetema"))


def test_a_query_parameter_counts_as_read():
    """`queries/comparison.sql` names $fra and $til: a chart bound to it by default reads them."""
    assert {"fra", "til", "kommune", "offence_group"} <= contract.sql_parameters("comparison")


def test_reads_follows_the_module_functions_a_shaper_calls():
    """Ungdata reads `aar` only inside `_shown_years`, a helper its shaper calls."""
    assert "aar" in contract.reads([REGISTRY["ungdata"].shape])
    assert "aar" not in contract.reads([lambda state: state["kommune"]])


def _fingerprint(chart_id: str, cur, values: dict) -> str:
    """What the reader sees of the chart in a view: whether the page shows it, its title,
    message and rows."""
    spec = REGISTRY[chart_id]
    state = parse(spec.params, values)
    result = spec.build(cur, state)
    data = result.data.to_json(orient="records", date_format="iso") if not result.data.empty else ""
    shown = spec.shown(state)
    return json.dumps([shown, result.title, result.message, data, bool(result.figure)], default=str)


def _where_it_applies(spec, param: Param) -> list[dict]:
    """Views in which the control has an effect (e.g. offence group only for offences)."""
    if param.applies is None:
        return [{}]
    views = []
    for other in spec.params:
        for value in _alternatives(other):
            values = {other.name: value}
            if param.applies(parse(spec.params, values).values):
                views.append(values)
    return views


def _alternatives(param: Param) -> list[str]:
    if param.year:
        return ["2014", "2016", "2018", "2019", "2020", "2023"]
    choices = list(param.options)
    return [c if isinstance(c, str) else str(c) for c in choices]


@pytest.mark.parametrize("chart_id", sorted(REGISTRY))
def test_every_parameter_a_chart_reads_changes_what_it_shows(con, chart_id):
    spec = REGISTRY[chart_id]
    cur = con.cursor()
    ignored = set(spec.ignores)
    silent = []
    for param in spec.params:
        if param.name in ("lang", *ignored):
            continue
        changed = False
        for view in _where_it_applies(spec, param):
            for kommune in ("baerum", "oslo", "asker"):
                base_values = view if param.name == "kommune" else {**view, "kommune": kommune}
                base = _fingerprint(chart_id, cur, base_values)
                for value in _alternatives(param):
                    if _fingerprint(chart_id, cur, {**base_values, param.name: value}) != base:
                        changed = True
                        break
                if changed:
                    break
            if changed:
                break
        if not changed:
            silent.append(param.name)
    assert silent == [], f"{chart_id}: these parameters change nothing: {silent}"


def _everything(chart_id: str, cur, values: dict) -> str:
    """All of a chart's result in a view: figure, tables, words, source."""
    return everything(REGISTRY[chart_id].build(cur, parse(REGISTRY[chart_id].params, values)))


IGNORING = sorted(c for c, spec in REGISTRY.items() if set(spec.ignores) - spec.reads)


@pytest.mark.parametrize("chart_id", IGNORING)
def test_a_parameter_a_chart_ignores_changes_nothing_it_shows(con, chart_id):
    """The other half of the contract, which the page relies on: a chart's result is kept
    by `Chart.key`, without the parameters it ignores, so a change of one of them must
    leave the whole result (figure, table, rows, words) as it was, for every kommune."""
    spec = REGISTRY[chart_id]
    cur = con.cursor()
    ignored = [p for p in spec.params if p.name in set(spec.ignores) - spec.reads]
    assert ignored
    for param in ignored:
        for kommune in ("baerum", "oslo", "asker"):
            base_values = {"kommune": kommune}
            base = _everything(chart_id, cur, base_values)
            key = spec.key(parse(spec.params, base_values))
            for value in _alternatives(param):
                values = {**base_values, param.name: value}
                assert spec.key(parse(spec.params, values)) == key
                assert _everything(chart_id, cur, values) == base, (param.name, kommune, value)
