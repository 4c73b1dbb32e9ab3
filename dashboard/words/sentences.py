"""Plain-language sentences that say what a chart shows (its text alternative, too).

A sentence names the subject, both figures with their years, and the change in
percent, formatted exactly as the tables and charts format numbers. It never
invents a change: a missing figure or a zero baseline is said in words. Small
counts carry a warning, since one or two cases make a large percentage change.
"""

from __future__ import annotations

from typing import Any

from dashboard.words.numbers import check_lang, format_change, format_number, is_missing

#: Counts below this are "small": their changes are uncertain (SLT reports use 20).
SMALL_THRESHOLD = 20

_SMALL_NOTE = {
    "nb": " Tallene er små, og endringer er usikre.",
    "en": " The numbers are small, so changes are uncertain.",
}


def is_small(value: Any, threshold: float = SMALL_THRESHOLD) -> bool:
    """True for a number below `threshold` in size; a missing value is not small."""
    if is_missing(value):
        return False
    return abs(float(value)) < threshold


def change_sentence(
    subject: str,
    now: float | None,
    year_now: int,
    prev: float | None,
    year_prev: int,
    lang: str = "nb",
    small_threshold: float = SMALL_THRESHOLD,
    decimals: int = 0,
) -> str:
    """One sentence comparing a figure with an earlier one.

    >>> change_sentence("Anmeldelser", 288, 2020, 382, 2019)
    'Anmeldelser: 288 i 2020, ned 25\\xa0% fra 382 i 2019.'

    Missing figures are said, never treated as 0; a change from 0 (or between signed
    values) is given as both figures without a percentage.
    """
    lang = check_lang(lang)
    nb = lang == "nb"
    in_ = "i" if nb else "in"
    fmt_now = format_number(now, decimals, lang)
    fmt_prev = format_number(prev, decimals, lang)
    now_missing, prev_missing = is_missing(now), is_missing(prev)

    if now_missing and prev_missing:
        body = (
            f"ingen tall for {year_now} eller {year_prev}"
            if nb
            else f"no figures for {year_now} or {year_prev}"
        )
    elif now_missing:
        body = (
            f"ingen tall for {year_now} ({fmt_prev} i {year_prev})"
            if nb
            else f"no figure for {year_now} ({fmt_prev} in {year_prev})"
        )
    elif prev_missing:
        body = (
            f"{fmt_now} i {year_now} (ingen tall for {year_prev})"
            if nb
            else f"{fmt_now} in {year_now} (no figure for {year_prev})"
        )
    else:
        change = format_change(now, prev, lang)
        if change is None:  # previous figure 0, or signed values: no percentage
            against = "mot" if nb else "compared with"
            body = f"{fmt_now} {in_} {year_now}, {against} {fmt_prev} {in_} {year_prev}"
        elif change in ("uendret", "unchanged"):
            same = "det samme som i" if nb else "the same as in"
            body = f"{fmt_now} {in_} {year_now}, {same} {year_prev}"
        else:
            from_ = "fra" if nb else "from"
            body = f"{fmt_now} {in_} {year_now}, {change} {from_} {fmt_prev} {in_} {year_prev}"

    sentence = f"{subject}: {body}."
    both_present = not now_missing and not prev_missing
    if both_present and is_small(now, small_threshold) and is_small(prev, small_threshold):
        sentence += _SMALL_NOTE[lang]
    return sentence
