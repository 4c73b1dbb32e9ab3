"""Numbers, percentages, changes and status symbols, exactly as readers see them."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.words.numbers import (
    MINUS,
    NBSP,
    check_lang,
    format_cell,
    format_change,
    format_number,
    format_percent,
    is_missing,
    missing_symbol,
    normalise_status,
    percent_change,
    plotly_separators,
    status_label,
)


@pytest.mark.parametrize(
    ("value", "decimals", "nb", "en"),
    [
        (1234.5, 1, "1\u00a0234,5", "1,234.5"),
        (1234.5, 0, "1\u00a0235", "1,235"),  # half away from zero
        (1234, 0, "1\u00a0234", "1,234"),  # four digits are grouped too
        (1234567, 0, "1\u00a0234\u00a0567", "1,234,567"),
        (288, 0, "288", "288"),
        (0, 0, "0", "0"),
        (0.5, 0, "1", "1"),
        (2.5, 0, "3", "3"),  # not banker's rounding (which gives 2)
        (0.125, 2, "0,13", "0.13"),
        (2.675, 2, "2,68", "2.68"),  # the decimal as written, not the binary float
        (12, 2, "12,00", "12.00"),
        (-1234.5, 1, "\u22121\u00a0234,5", "\u22121,234.5"),
        (-0.4, 0, "0", "0"),  # no "-0"
        (np.int64(4321), 0, "4\u00a0321", "4,321"),
        (np.float64(99.95), 1, "100,0", "100.0"),
    ],
)
def test_format_number(value, decimals, nb, en):
    assert format_number(value, decimals, "nb") == nb
    assert format_number(value, decimals, lang="en") == en


def test_format_number_uses_no_break_space_and_decimal_comma():
    text = format_number(1234.5, 1)
    assert text[1] == NBSP == "\u00a0"
    assert "," in text and "." not in text and " " not in text


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT, ""])
def test_missing_is_empty_text_never_zero(missing):
    assert is_missing(missing)
    assert format_number(missing) == ""
    assert format_number(missing, 2, "en") == ""
    assert format_percent(missing) == ""


def test_is_missing_false_for_numbers_including_zero():
    for value in (0, 0.0, -1, np.int64(0), np.float64(3.5), 10**12):
        assert not is_missing(value)


def test_negative_decimals_rejected():
    with pytest.raises(ValueError):
        format_number(1.5, -1)


@pytest.mark.parametrize(
    ("value", "decimals", "nb", "en"),
    [
        (12.5, 1, "12,5\u00a0%", "12.5%"),
        (12.5, 0, "13\u00a0%", "13%"),
        (100, 0, "100\u00a0%", "100%"),
        (0.04, 1, "0,0\u00a0%", "0.0%"),
        (1234.56, 1, "1\u00a0234,6\u00a0%", "1,234.6%"),
    ],
)
def test_format_percent(value, decimals, nb, en):
    assert format_percent(value, decimals, "nb") == nb
    assert format_percent(value, decimals, "en") == en


@pytest.mark.parametrize(
    ("now", "prev", "nb", "en"),
    [
        (288, 382, "ned 25\u00a0%", "down 25%"),  # -24.6 %
        (103, 100, "opp 3\u00a0%", "up 3%"),
        (9, 8, "opp 13\u00a0%", "up 13%"),  # exactly 12.5 % rounds away from zero
        (7, 8, "ned 13\u00a0%", "down 13%"),  # exactly -12.5 %
        (5, 5, "uendret", "unchanged"),
        (1001, 1000, "nesten uendret", "almost unchanged"),  # +0.1 % is not "opp 0 %"
        (0, 10, "ned 100\u00a0%", "down 100%"),
        (30, 10, "opp 200\u00a0%", "up 200%"),
    ],
)
def test_format_change(now, prev, nb, en):
    assert format_change(now, prev, "nb") == nb
    assert format_change(now, prev, lang="en") == en


def test_format_change_with_decimals():
    assert format_change(288, 382, "nb", decimals=1) == "ned 24,6\u00a0%"
    assert format_change(288, 382, "en", decimals=1) == "down 24.6%"


@pytest.mark.parametrize(
    ("now", "prev"),
    [
        (5, 0),
        (5, None),
        (None, 5),
        (float("nan"), 5),
        (5, float("nan")),
        (None, None),
        (-3, 5),
        (3, -5),
    ],
)
def test_format_change_none_when_meaningless(now, prev):
    assert format_change(now, prev) is None
    assert format_change(now, prev, "en") is None
    assert percent_change(now, prev) is None


def test_percent_change_is_exact():
    assert float(percent_change(9, 8)) == 12.5
    assert math.isclose(float(percent_change(288, 382)), -24.607329842931936)


def test_status_normalisation_and_symbols():
    assert normalise_status(None) is None
    assert normalise_status(float("nan")) is None
    assert normalise_status("  ") is None
    assert normalise_status(" : ") == ":"
    assert missing_symbol(12, None) is None
    assert missing_symbol(0, None) is None  # 0 is a number
    assert missing_symbol(None, ":") == ":"
    assert missing_symbol(float("nan"), None) == ".."  # no status given: not available
    assert missing_symbol(None, "-") == "-"


def test_status_labels_come_from_the_vocabulary():
    assert status_label("..") == "tall mangler"
    assert status_label(":", "nb") == "skjult (konfidensielt)"
    assert status_label(".", "en") == "not applicable"
    assert status_label("-", "en") == "nil / nothing"
    assert status_label("?") == "?"  # unknown symbols are shown as they are


@pytest.mark.parametrize(
    ("value", "status", "decimals", "lang", "expected"),
    [
        (1234.5, None, 1, "nb", "1\u00a0234,5"),
        (1234.5, None, 1, "en", "1,234.5"),
        (None, "..", 0, "nb", ".."),
        (None, ":", 0, "en", ":"),
        (float("nan"), ".", 0, "nb", "."),
        (None, "-", 0, "nb", "-"),
        (float("nan"), None, 0, "nb", ".."),
        (float("nan"), float("nan"), 0, "nb", ".."),  # empty status cell read by pandas
        (0, None, 0, "nb", "0"),
    ],
)
def test_format_cell(value, status, decimals, lang, expected):
    assert format_cell(value, status, decimals, lang) == expected


def test_plotly_separators():
    assert plotly_separators("nb") == ",\u00a0"
    assert plotly_separators() == "," + NBSP
    assert plotly_separators("en") == ".,"
    assert len(plotly_separators("nb")) == len(plotly_separators("en")) == 2


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_plotly_accepts_the_separators(lang):
    fig = go.Figure({"data": [], "layout": {"separators": plotly_separators(lang)}})
    assert fig.layout.separators == plotly_separators(lang)


def test_unknown_language_is_an_error():
    assert check_lang("nb") == "nb"
    with pytest.raises(ValueError):
        format_number(1, lang="nn")
    with pytest.raises(ValueError):
        format_percent(1, lang="no")
    with pytest.raises(ValueError):
        format_change(1, 2, "de")
    with pytest.raises(ValueError):
        plotly_separators("no")


def test_minus_sign_is_typographic():
    assert MINUS == "\u2212"
    assert format_number(-5) == "\u22125"
