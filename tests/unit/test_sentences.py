"""Change sentences: exact wording in bokmål and English, missing and small numbers."""

from __future__ import annotations

import pytest

from dashboard.words.sentences import (
    SMALL_THRESHOLD,
    breakdown_sentence,
    change_sentence,
    is_small,
    period_change_sentence,
    shared_years,
)

SUBJECT = "Anmeldelser med gjerningssted Bærum, 10–17 år"


def test_example_from_the_brief_nb():
    assert (
        change_sentence(SUBJECT, 288, 2020, 382, 2019)
        == "Anmeldelser med gjerningssted Bærum, 10–17 år: 288 i 2020, ned 25\u00a0% fra 382 i 2019."
    )


def test_example_from_the_brief_en():
    assert (
        change_sentence("Reports, scene of crime Bærum, age 10–17", 288, 2020, 382, 2019, lang="en")
        == "Reports, scene of crime Bærum, age 10–17: 288 in 2020, down 25% from 382 in 2019."
    )


def test_increase_and_thousands():
    assert (
        change_sentence("Anmeldte lovbrudd", 1250, 2020, 1000, 2019)
        == "Anmeldte lovbrudd: 1\u00a0250 i 2020, opp 25\u00a0% fra 1\u00a0000 i 2019."
    )
    assert (
        change_sentence("Reported offences", 1250, 2020, 1000, 2019, "en")
        == "Reported offences: 1,250 in 2020, up 25% from 1,000 in 2019."
    )


def test_percent_rounds_half_away_from_zero():
    # 40 -> 45 is exactly +12.5 %, 40 -> 35 exactly -12.5 %: both round to 13 %
    assert change_sentence("X", 45, 2020, 40, 2019) == "X: 45 i 2020, opp 13\u00a0% fra 40 i 2019."
    assert change_sentence("X", 35, 2020, 40, 2019) == "X: 35 i 2020, ned 13\u00a0% fra 40 i 2019."


def test_previous_missing():
    assert change_sentence(SUBJECT, 288, 2020, None, 2019) == (
        "Anmeldelser med gjerningssted Bærum, 10–17 år: 288 i 2020 (ingen tall for 2019)."
    )
    assert change_sentence("Reports", 288, 2020, float("nan"), 2019, "en") == (
        "Reports: 288 in 2020 (no figure for 2019)."
    )


def test_current_missing():
    assert change_sentence(SUBJECT, None, 2020, 382, 2019) == (
        "Anmeldelser med gjerningssted Bærum, 10–17 år: ingen tall for 2020 (382 i 2019)."
    )
    assert change_sentence("Reports", float("nan"), 2020, 382, 2019, "en") == (
        "Reports: no figure for 2020 (382 in 2019)."
    )


def test_both_missing():
    assert change_sentence("X", None, 2020, None, 2019) == "X: ingen tall for 2020 eller 2019."
    assert change_sentence("X", None, 2020, None, 2019, "en") == "X: no figures for 2020 or 2019."


def test_unchanged():
    assert change_sentence("X", 300, 2020, 300, 2019) == "X: 300 i 2020, det samme som i 2019."
    assert (
        change_sentence("X", 300, 2020, 300, 2019, "en") == "X: 300 in 2020, the same as in 2019."
    )


def test_almost_unchanged():
    assert change_sentence("X", 1001, 2020, 1000, 2019) == (
        "X: 1\u00a0001 i 2020, nesten uendret fra 1\u00a0000 i 2019."
    )


def test_from_zero_gives_no_percentage():
    # (0 is a small number, so the warning follows)
    assert change_sentence("X", 25, 2020, 0, 2019) == (
        "X: 25 i 2020, mot 0 i 2019. Tallene er små, og endringer er usikre."
    )
    assert change_sentence("X", 25, 2020, 0, 2019, "en").startswith(
        "X: 25 in 2020, compared with 0 in 2019."
    )


def test_small_numbers_warning():
    assert change_sentence("Ran", 4, 2020, 8, 2019) == (
        "Ran: 4 i 2020, ned 50\u00a0% fra 8 i 2019. Tallene er små, og endringer er usikre."
    )
    assert change_sentence("Robbery", 4, 2020, 8, 2019, "en") == (
        "Robbery: 4 in 2020, down 50% from 8 in 2019. "
        "The numbers are small, so changes are uncertain."
    )


def test_small_warning_when_either_value_is_small():
    # 4 -> 30 is "up 650 %" on the strength of four cases: one small figure is enough.
    assert change_sentence("X", 30, 2020, 4, 2019) == (
        "X: 30 i 2020, opp 650\u00a0% fra 4 i 2019. Tallene er små, og endringer er usikre."
    )
    assert "små" in change_sentence("X", 4, 2020, 30, 2019)
    assert "small" in change_sentence("X", 4, 2020, 30, 2019, "en")
    assert "små" not in change_sentence("X", 25, 2020, 30, 2019)
    assert "små" not in change_sentence("X", 4, 2020, None, 2019)  # no change is stated


def test_small_threshold_is_a_parameter():
    assert "små" in change_sentence("X", 40, 2020, 45, 2019, small_threshold=50)
    assert "små" not in change_sentence("X", 19, 2020, 18, 2019, small_threshold=10)


def test_decimals():
    assert change_sentence("Andel", 12.5, 2020, 10.0, 2019, decimals=1) == (
        "Andel: 12,5 i 2020, opp 25\u00a0% fra 10,0 i 2019. Tallene er små, og endringer er usikre."
    )


@pytest.mark.parametrize(
    ("value", "threshold", "expected"),
    [
        (19, 20, True),
        (20, 20, False),
        (0, 20, True),
        (-5, 20, True),
        (19.9, 20, True),
        (None, 20, False),
        (float("nan"), 20, False),
        (150, 200, True),
    ],
)
def test_is_small(value, threshold, expected):
    assert is_small(value, threshold) is expected


def test_default_threshold():
    assert SMALL_THRESHOLD == 20
    assert is_small(19) and not is_small(20)


def test_unknown_language():
    with pytest.raises(ValueError):
        change_sentence("X", 1, 2020, 2, 2019, lang="sv")


def test_overlapping_two_year_averages_are_named():
    assert period_change_sentence("Lovbrudd", 3621, "2021-2022", 3644, "2020-2021") == (
        "Lovbrudd: 3\u00a0621 i 2021-2022, ned 1\u00a0% fra 3\u00a0644 i 2020-2021. "
        "Begge er toårssnitt som deler ett år (2021)."
    )
    assert period_change_sentence("Offences", 4031, "2022-2023", 3621, "2021-2022", "en") == (
        "Offences: 4,031 in 2022-2023, up 11% from 3,621 in 2021-2022. "
        "Both are two-year averages that share a year (2022)."
    )


def test_periods_without_a_shared_year_get_no_overlap_note():
    text = period_change_sentence("Lovbrudd", 4372, "2023-2024", 3644, "2020-2021")
    assert "deler" not in text and text.endswith("fra 3\u00a0644 i 2020-2021.")
    assert "deler" not in period_change_sentence("X", None, "2021-2022", 3644, "2020-2021")


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        ("2021-2022", "2020-2021", [2021]),
        ("2020-2023", "2021-2022", [2021, 2022]),
        ("2021-2022", "2021-2022", []),  # the same period: no comparison between periods
        ("2022", "2021", []),
        ("2021", "2020-2021", [2021]),
        ("1.1.2020", "2020", []),
    ],
)
def test_shared_years(a, b, shared):
    assert shared_years(a, b) == shared


def test_breakdown_names_a_missing_part():
    assert breakdown_sentence(
        "Forhold 10–17 år, 2019", 488, [("Vinning", 275), ("Vold", 37), ("Skadeverk", None)]
    ) == (
        "Forhold 10–17 år, 2019: 488 i alt. Vinning 275; Vold 37; tall mangler for skadeverk, "
        "så delene kan ikke summeres til totalen."
    )
    assert breakdown_sentence(
        "Offences 2019", 488, [("Property", 275), ("Damage", None), ("Traffic", None)], "en"
    ) == (
        "Offences 2019: 488 in total. Property 275; no figure for Damage and Traffic, so the "
        "parts cannot be summed to the total."
    )


def test_breakdown_says_when_complete_parts_do_not_add_up():
    assert breakdown_sentence("Anmeldelser 2020", 288, [("Bærum", 150), ("Andre", 160)]) == (
        "Anmeldelser 2020: 288 i alt. Bærum 150; Andre 160. "
        "Delene summerer til 310, ikke til den publiserte totalen."
    )
    assert breakdown_sentence("X", 10, [("A", 4), ("B", 6)]) == "X: 10 i alt. A 4; B 6."


def test_breakdown_with_every_part_missing():
    assert breakdown_sentence("X", 10, [("A", None)]) == (
        "X: 10 i alt. Tall mangler for a, så delene kan ikke summeres til totalen."
    )
