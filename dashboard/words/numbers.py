"""Numbers and missing-value symbols as Norwegian (bokmål) and English readers expect them.

Everything the dashboard prints goes through here, so a number looks the same in a
chart label, a hover box, a table cell and a sentence. Norwegian style (Språkrådet,
SSB): thousands grouped with a no-break space, decimal comma, a space before "%",
and the real minus sign. Rounding is half away from zero on the decimal value as
published (2.5 -> 3, 0.125 -> 0.13), not Python's banker's rounding on a binary
float, because readers compare our numbers with the printed report.

A missing value is never formatted as 0: the number formatters return "" and the
caller shows the SSB status symbol (see `missing_symbol` and `format_cell`).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

import pandas as pd

from dashboard import dimensions as dims

Lang = Literal["nb", "en"]

#: NO-BREAK SPACE: groups thousands in bokmål and keeps "12,5 %" on one line.
NBSP = "\u00a0"
#: MINUS SIGN (U+2212): typographic minus, as Plotly also draws on its axes.
MINUS = "\u2212"
#: Symbol used when a value is missing but the data gave no status.
DEFAULT_MISSING_SYMBOL = ".."

LANGS: tuple[str, ...] = ("nb", "en")


def check_lang(lang: str) -> Lang:
    """Return `lang` if supported, else raise: a typo must not silently give English."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang  # type: ignore[return-value]


def is_missing(value: Any) -> bool:
    """True for None, NaN, pandas NA/NaT: the cell has no number (it is not 0)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return math.isnan(value)
    except TypeError:
        # pandas.NA and NaT refuse float conversion; pandas knows them as missing.
        return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def normalise_status(status: Any) -> str | None:
    """The SSB symbol in a status cell, or None for an empty cell (None, NaN, "")."""
    if is_missing(status):
        return None
    text = str(status).strip()
    return text or None


def missing_symbol(value: Any, status: Any = None) -> str | None:
    """The symbol to show instead of a number, or None when there is a number to show.

    The status wins over a value (the build never stores both); a missing value with
    no status is shown as ".." (not available) rather than as a blank.
    """
    symbol = normalise_status(status)
    if symbol is not None:
        return symbol
    return DEFAULT_MISSING_SYMBOL if is_missing(value) else None


def status_label(symbol: str, lang: str = "nb") -> str:
    """Reader-facing meaning of an SSB symbol ("tall mangler"), lower-case for mid-sentence use."""
    lang = check_lang(lang)
    code = dims.STATUSES.get(symbol)
    if code is None:
        return symbol
    text = code.nb if lang == "nb" else code.en
    return text[:1].lower() + text[1:]


def _round_half_away(value: Any, decimals: int) -> Decimal:
    """Round the decimal value as written (repr of the float), half away from zero."""
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    exact = Decimal(repr(float(value))) if not isinstance(value, Decimal) else value
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


#: Decimals of a share in percent this site computes (page, hover, image and download).
SHARE_DECIMALS = 1


def rounded(value: Any, decimals: int) -> float | None:
    """The number a reader sees with `decimals` decimals, as a number (None if missing).

    The one rounding every output shares (half away from zero on the decimal value, as
    `format_number` prints it), so a download never rounds a rounded value again and the
    CSV says 9.0 where the page says 9,0 (9.0476 -> 9.05 -> 9.1 was the old double
    rounding)."""
    if is_missing(value):
        return None
    return float(_round_half_away(value, decimals))


def format_number(value: Any, decimals: int = 0, lang: str = "nb") -> str:
    """`1234.5` -> "1 234,5" (nb, no-break space) / "1,234.5" (en); missing -> "".

    Every number is grouped, also four-digit ones, so columns of numbers line up.
    """
    lang = check_lang(lang)
    if is_missing(value):
        return ""
    rounded = _round_half_away(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0" after rounding -0.4
    text = f"{abs(rounded):,.{decimals}f}"
    if lang == "nb":
        text = text.replace(",", NBSP).replace(".", ",")
    return (MINUS + text) if rounded < 0 else text


def format_percent(value: Any, decimals: int = 0, lang: str = "nb") -> str:
    """A value already in percent: `12.5` -> "12,5 %" (nb, no-break space) / "12.5%" (en)."""
    number = format_number(value, decimals, lang)
    if not number:
        return ""
    return f"{number}{NBSP}%" if lang == "nb" else f"{number}%"


def percent_change(now: Any, prev: Any) -> Decimal | None:
    """Exact change from `prev` to `now` in percent, or None when it means nothing.

    None when either value is missing, `prev` is 0, or either is negative (a
    percentage change of a signed difference misleads).
    """
    if is_missing(now) or is_missing(prev):
        return None
    now_d, prev_d = Decimal(repr(float(now))), Decimal(repr(float(prev)))
    if prev_d <= 0 or now_d < 0:
        return None
    return (now_d - prev_d) / prev_d * 100


def format_change(now: Any, prev: Any, lang: str = "nb", decimals: int = 0) -> str | None:
    """Direction and size of the change: "ned 25 %", "opp 3 %", "uendret" (nb) /
    "down 25%", "up 3%", "unchanged" (en); None when there is no meaningful change.

    A change that rounds to 0 but is not 0 is "nesten uendret" / "almost unchanged",
    never "opp 0 %".
    """
    lang = check_lang(lang)
    change = percent_change(now, prev)
    if change is None:
        return None
    if change == 0:
        return "uendret" if lang == "nb" else "unchanged"
    size = _round_half_away(abs(change), decimals)
    if size == 0:
        return "nesten uendret" if lang == "nb" else "almost unchanged"
    words = {"nb": ("opp", "ned"), "en": ("up", "down")}[lang]
    word = words[0] if change > 0 else words[1]
    return f"{word} {format_percent(size, decimals, lang)}"


def format_cell(value: Any, status: Any = None, decimals: int = 0, lang: str = "nb") -> str:
    """What a table cell shows: the formatted number, or the SSB symbol when there is none."""
    symbol = missing_symbol(value, status)
    if symbol is not None:
        return symbol
    return format_number(value, decimals, lang)


def plotly_separators(lang: str = "nb") -> str:
    """Plotly's `layout.separators`: decimal character, then thousands character.

    plotly.js reads `separators.charAt(0)` and `charAt(1)` (axes and its d3 locale),
    so a no-break space works as the thousands separator and keeps tick labels whole.
    """
    lang = check_lang(lang)
    return "," + NBSP if lang == "nb" else ".,"


# ------------------------------------------------------------ years, lists, small numbers

#: Counts below this are "small": a few cases make a large change (the SLT reports use 20).
SMALL = 20


def is_small(value: Any, threshold: float = SMALL) -> bool:
    """True for a number below `threshold` in size; a missing value is not small."""
    if is_missing(value):
        return False
    return abs(float(value)) < threshold


def any_small(values: Any) -> bool:
    """True when any count in `values` (a Series or any iterable) is small."""
    return any(is_small(v) for v in list(values))


def years_text(years: Any) -> str:
    """First–last of the years: [2013, …, 2020] -> "2013–2020"; [2019] -> "2019"."""
    ys = sorted({int(y) for y in years})
    if not ys:
        return ""
    return f"{ys[0]}–{ys[-1]}" if len(ys) > 1 else str(ys[0])


def year_ranges(years: Any) -> str:
    """Years as runs: [2013..2020] -> "2013–2020"; [2012, 2018] -> "2012, 2018"."""
    ys = sorted({int(y) for y in years})
    runs: list[list[int]] = []
    for y in ys:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def list_text(items: Any, lang: str = "nb") -> str:
    """'A, B og C' / 'A, B and C'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    word = " og " if check_lang(lang) == "nb" else " and "
    return ", ".join(items[:-1]) + word + items[-1]
