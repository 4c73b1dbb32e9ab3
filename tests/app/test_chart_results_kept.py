"""A change of one control recomputes only the charts that control changes.

A page's content is the cards of its charts; each chart's result is kept by its key
(`Chart.key`: the values of the parameters it honours, and the language), so choosing
another offence group on /trend rebuilds the comparison chart, not the youth charts
beside it. That the key leaves nothing out is `test_chart_contract.py`'s job.
"""

from __future__ import annotations

import pytest

from dashboard.bounded import Recent
from dashboard.charts import registry
from dashboard.web.layout import page
from dashboard.web.pages import trend
from dashboard.web.serving import context
from tests.results import everything


@pytest.fixture
def built(monkeypatch):
    """The ids of the charts built, in order (every call of `Chart.build`)."""
    seen: list[str] = []
    original = registry.Chart.build

    def counting(self, cursor, state):
        seen.append(self.chart_id)
        return original(self, cursor, state)

    monkeypatch.setattr(registry.Chart, "build", counting)
    return seen


def test_a_change_rebuilds_only_the_charts_it_changes(app, built, monkeypatch):
    with app.server.test_request_context("/trend"):
        # Nothing kept from the other tests of this session (the app is shared).
        monkeypatch.setattr(context.context(), "_recent", Recent(context.RECENT))
        first = page.view_state(trend.SPEC, {"kommune": "oslo"})
        page.chart_cards(trend.SPEC, first)
        on_page = sorted({c.chart_id for c in registry.on_page("trend") if c.shown(first)})
        assert sorted(built) == on_page  # a first view builds every chart it shows
        assert len(on_page) > 1

        built.clear()
        other_group = page.view_state(trend.SPEC, {"kommune": "oslo", "gruppe": "ssb_vold"})
        assert other_group["gruppe"] == "ssb_vold"
        page.chart_cards(trend.SPEC, other_group)
        assert built == ["sammenligning"]  # the only chart on the page that reads `gruppe`

        built.clear()
        page.chart_cards(trend.SPEC, first)  # back: every result is still kept
        assert built == []


def test_the_kept_results_are_the_ones_a_fresh_build_gives(app):
    """After views that share charts were shown, each kept result is what building the
    chart afresh gives (no result of another view or language served in its place)."""
    views = [
        {"kommune": k, "gruppe": g, "lang": lang}
        for k in ("oslo", "baerum")
        for g in ("alle", "ssb_vold")
        for lang in ("nb", "en")
    ]
    with app.server.test_request_context("/trend"):
        states = [page.view_state(trend.SPEC, v) for v in views]
        for state in states:
            page.chart_cards(trend.SPEC, state)
        compared = 0
        for state in states:
            for chart in registry.on_page("trend"):
                if chart.shown(state):
                    kept = context.chart_result(chart, state)
                    fresh = chart.build(context.cursor(), state)
                    assert everything(kept) == everything(fresh), (chart.chart_id, state)
                    compared += 1
        assert compared >= len(states) * 2
