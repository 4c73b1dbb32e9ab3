"""URL state: validation with polite notes; any input parses without an exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dashboard.charts.trend import TREND_PARAMS
from dashboard.state import MIN_YEAR, parse, to_query


def test_defaults_without_parameters():
    state = parse(TREND_PARAMS, {})
    assert state.notes == ()
    assert state["kommune"] == "baerum" and state["maal"] == "anmeldelser"
    assert state.lang == "nb"


def test_bad_values_fall_back_with_notes():
    state = parse(TREND_PARAMS, {"kommune": "xyz", "fra": "abc", "foo": "1", "lang": "de"})
    # Without the warehouse's coverage (pages add it), the period falls back to every year.
    assert state["kommune"] == "baerum" and state["fra"] == MIN_YEAR and state.lang == "nb"
    text = " ".join(state.notes)
    assert "«xyz»" in text and "«abc»" in text and "«foo»" in text and "«de»" in text


def test_english_notes():
    state = parse(TREND_PARAMS, {"kommune": "xyz", "lang": "en"})
    assert state.lang == "en" and "“xyz” is not a valid choice" in state.notes[0]


def test_years_swapped_and_multi_values():
    state = parse(TREND_PARAMS, {"fra": "2020", "til": "2014", "gruppe": ["mars", "ssb_vold"]})
    assert (state["fra"], state["til"]) == (2014, 2020)
    assert state["gruppe"] == "alle"  # one value: the first given, and it is not a group
    assert any("2014–2020" in n for n in state.notes) and any("mars" in n for n in state.notes)


def test_round_trip_through_query():
    state = parse(
        TREND_PARAMS,
        {"kommune": "oslo", "maal": "forhold", "gruppe": "ssb_vold", "lang": "en"},
    )
    again = parse(TREND_PARAMS, to_query(TREND_PARAMS, state.values))
    assert again.values == state.values and again.notes == ()


@given(
    st.dictionaries(
        st.text(max_size=20),
        st.one_of(st.text(max_size=300), st.lists(st.text(max_size=30), max_size=4)),
        max_size=8,
    )
)
def test_any_query_parses_to_allowed_values(query):
    state = parse(TREND_PARAMS, query)
    for param in TREND_PARAMS:
        value = state[param.name]
        if param.multi:
            assert set(value) <= set(param.allowed) and value
        elif param.year:
            assert isinstance(value, int) and value >= 2000
        elif param.allowed:
            assert value in param.allowed
