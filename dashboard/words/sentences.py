"""Plain-language sentences that say what a chart shows (its text alternative, too).

A sentence names the subject, both figures with their years, and the change in
percent, formatted exactly as the tables and charts format numbers. It never
invents a change: a missing figure or a zero baseline is said in words. A change
carries a warning when either figure is small, since one or two cases make a large
percentage change; a change between periods that share a year (overlapping two-year
averages) says so; a breakdown names the parts that are missing instead of quietly
leaving them out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dashboard.words.numbers import (
    SMALL,
    check_lang,
    format_change,
    format_number,
    is_missing,
    is_small,
)

#: Counts below this are "small": their changes are uncertain (one threshold: numbers.SMALL).
SMALL_THRESHOLD = SMALL

_SMALL_NOTE = {
    "nb": " Tallene er små, og endringer er usikre.",
    "en": " The numbers are small, so changes are uncertain.",
}


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
    return _compare(
        subject, now, str(year_now), prev, str(year_prev), lang, small_threshold, decimals
    )


def period_change_sentence(
    subject: str,
    now: float | None,
    period_now: str,
    prev: float | None,
    period_prev: str,
    lang: str = "nb",
    small_threshold: float = SMALL_THRESHOLD,
    decimals: int = 0,
) -> str:
    """Like change_sentence, for periods as printed (e.g. two-year averages "2022-2023").

    Where the two periods share a year the sentence says so, since the change between
    overlapping averages is not a change between separate years:

    >>> sentence = period_change_sentence("Lovbrudd", 3621, "2021-2022", 3644, "2020-2021")
    >>> sentence.endswith("fra 3\\xa0644 i 2020-2021. Begge er toårssnitt som deler ett år (2021).")
    True
    """
    sentence = _compare(
        subject, now, period_now, prev, period_prev, lang, small_threshold, decimals
    )
    shared = shared_years(period_now, period_prev)
    if shared and not is_missing(now) and not is_missing(prev):
        sentence += overlap_note(shared, lang)
    return sentence


def shared_years(period_a: str, period_b: str) -> list[int]:
    """Years two periods ("2020-2021", "2021", ...) have in common, in order."""
    a, b = _years_of(period_a), _years_of(period_b)
    return sorted(a & b) if a and b and a != b else []


def _years_of(period: str) -> set[int]:
    match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", str(period))
    if match:
        first, last = int(match.group(1)), int(match.group(2))
        return set(range(first, last + 1)) if first <= last else set()
    match = re.fullmatch(r"\s*(\d{4})\s*", str(period))
    return {int(match.group(1))} if match else set()


def overlap_note(shared: list[int], lang: str = "nb") -> str:
    """' Begge er toårssnitt som deler ett år (2021).' - named, so no one reads the
    change as one between separate years."""
    lang = check_lang(lang)
    years = ", ".join(str(y) for y in shared)
    if len(shared) == 1:
        return (
            f" Begge er toårssnitt som deler ett år ({years})."
            if lang == "nb"
            else f" Both are two-year averages that share a year ({years})."
        )
    return (
        f" Periodene deler {len(shared)} år ({years})."
        if lang == "nb"
        else f" The periods share {len(shared)} years ({years})."
    )


def _compare(
    subject: str,
    now: float | None,
    year_now: str,
    prev: float | None,
    year_prev: str,
    lang: str,
    small_threshold: float,
    decimals: int,
) -> str:
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
    # One small figure is enough: 4 -> 30 is "up 650 %" on the strength of four cases.
    if both_present and (is_small(now, small_threshold) or is_small(prev, small_threshold)):
        sentence += _SMALL_NOTE[lang]
    return sentence


def breakdown_sentence(
    subject: str,
    total: float | None,
    parts: Sequence[tuple[str, float | None]],
    lang: str = "nb",
    decimals: int = 0,
) -> str:
    """A published total and its parts in one sentence, naming every missing part.

    A part without a figure is never dropped silently (the rest would then seem to add
    up to the total); when the parts are all there but do not add up, that is said too.

    >>> breakdown_sentence("Forhold 2019", 488, [("Vinning", 275), ("Skadeverk", None)])
    'Forhold 2019: 488 i alt. Vinning 275; tall mangler for skadeverk, så delene kan ikke summeres til totalen.'
    """
    lang = check_lang(lang)
    nb = lang == "nb"
    head = (
        f"{subject}: {format_number(total, decimals, lang)} {'i alt' if nb else 'in total'}."
        if not is_missing(total)
        else f"{subject}: {'ingen tall for totalen' if nb else 'no figure for the total'}."
    )
    present = [
        (name, float(value)) for name, value in parts if value is not None and not is_missing(value)
    ]
    missing = [name for name, value in parts if is_missing(value)]
    listed = "; ".join(f"{n} {format_number(v, decimals, lang)}" for n, v in present)
    if missing:
        names = _join([m.lower() if nb else m for m in missing], lang)
        said = (
            f"tall mangler for {names}, så delene kan ikke summeres til totalen."
            if nb
            else f"no figure for {names}, so the parts cannot be summed to the total."
        )
        return f"{head} {listed}; {said}" if listed else f"{head} {said[0].upper()}{said[1:]}"
    if not listed:
        return head
    text = f"{head} {listed}."
    if not is_missing(total):
        computed = sum(v for _n, v in present)
        if total is not None and abs(computed - float(total)) > 0.5 * 10**-decimals:
            added = format_number(computed, decimals, lang)
            text += (
                f" Delene summerer til {added}, ikke til den publiserte totalen."
                if nb
                else f" The parts add up to {added}, not to the published total."
            )
    return text


def _join(names: list[str], lang: str) -> str:
    if len(names) < 2:
        return "".join(names)
    word = " og " if lang == "nb" else " and "
    return ", ".join(names[:-1]) + word + names[-1]
