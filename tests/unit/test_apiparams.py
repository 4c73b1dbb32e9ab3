"""The open-data parameters: strict checks, one problem listing every fault, and the same
rule as an OpenAPI parameter."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from dashboard.state import KOMMUNE, max_year, years
from dashboard.web.outputs.api.apiparams import (
    FACT_PARAMS,
    OEMBED_PARAMS,
    validate,
    view_errors,
)
from dashboard.web.outputs.api.problems import Problem

CODES = {
    "kommune": ["baerum", "asker", "oslo", "norge"],
    "maal": ["anmeldelser", "personer"],
    "kilde": ["a", "b"],
}


def check(query, params=FACT_PARAMS, lang="nb"):
    return validate(MultiDict(query), params, CODES, lang)


def test_defaults_and_several_values_repeated_or_comma_separated():
    values = check([("kommune", "baerum,oslo"), ("kommune", "asker"), ("aar", "2019,2020")])
    assert values["kommune"] == ["baerum", "oslo", "asker"]
    assert values["aar"] == [2019, 2020]
    assert values["utgaver"] == "gjeldende" and values["side"] == 1 and values["per_side"] == 1000
    assert values["maal"] is None and values["fra"] is None


def test_every_fault_is_listed_with_what_is_allowed():
    with pytest.raises(Problem) as caught:
        check(
            [
                ("kommne", "baerum"),  # a typo must not widen the answer silently
                ("kommune", "baerum,atlantis"),
                ("fra", "²⁰²⁰"),
                ("per_side", "0"),
                ("utgaver", "noen"),
            ]
        )
    problem = caught.value
    assert problem.status == 400 and problem.key == "bad_parameters"
    by_name = {e["parameter"]: e for e in problem.errors}
    assert set(by_name) == {"kommne", "kommune", "fra", "per_side", "utgaver"}
    assert "kommune" in by_name["kommne"]["allowed"]
    assert by_name["kommune"]["value"] == "atlantis"
    assert by_name["kommune"]["allowed"] == CODES["kommune"]
    assert by_name["utgaver"]["allowed"] == ["gjeldende", "alle"]
    assert problem.params == {"n": 5}


def test_reasons_follow_the_language():
    with pytest.raises(Problem) as nb:
        check([("x", "1")], lang="nb")
    with pytest.raises(Problem) as en:
        check([("x", "1")], lang="en")
    assert nb.value.errors[0]["reason"] == "ukjent parameter"
    assert en.value.errors[0]["reason"] == "unknown parameter"


def test_years_are_ascii_four_digit_years_in_range():
    assert check([("til", str(max_year()))])["til"] == max_year()
    for bad in (str(max_year() + 1), "1989", "20a0", "٢٠٢٠", "²⁰²⁰", "02020"):
        with pytest.raises(Problem):
            check([("aar", bad)])
        with pytest.raises(Problem):
            check([("fra", bad)])


def test_a_single_value_parameter_given_twice_is_refused():
    with pytest.raises(Problem) as caught:
        check([("fra", "2019"), ("fra", "2020")])
    assert caught.value.errors[0]["parameter"] == "fra"


def test_oembed_needs_a_url():
    with pytest.raises(Problem) as caught:
        check([], OEMBED_PARAMS)
    assert caught.value.errors[0]["parameter"] == "url"
    assert check([("url", "/trend")], OEMBED_PARAMS)["format"] == "json"


def test_the_openapi_schema_states_the_same_rule():
    codes = {p.name: p.schema(CODES) for p in FACT_PARAMS}
    assert codes["kommune"]["schema"]["items"]["enum"] == CODES["kommune"]
    assert codes["kommune"]["explode"] is False  # comma-separated, like the pages
    assert codes["per_side"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 10_000,
        "default": 1000,
    }
    assert codes["fra"]["schema"]["maximum"] == max_year()


def test_a_chart_view_is_checked_strictly():
    fra, til = years(fra=2013, til=2020)
    params = (KOMMUNE, fra, til)
    assert view_errors(params, MultiDict([("kommune", "oslo"), ("fra", "2014")]), "nb") == []
    errors = view_errors(
        params, MultiDict([("kommune", "gotham"), ("til", "1999"), ("extra", "1")]), "en"
    )
    assert {e["parameter"] for e in errors} == {"kommune", "til", "extra"}
