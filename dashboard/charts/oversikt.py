"""Key figures for the overview: the latest year, its change, as Norwegian sentences.

Each key figure is one published series (never a sum); the sentence says the value of
the latest year and the change from the year before, flags small numbers, and links to
the page whose chart shows the series.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

import queries
from dashboard.dimensions import kommune_name
from dashboard.state import KOMMUNE, LANG, Param, ViewState, max_year
from dashboard.words import pick, t
from dashboard.words.numbers import format_change, format_number
from dashboard.words.sentences import change_sentence, is_small


@dataclass(frozen=True)
class KeySpec:
    """Which series a key figure shows and where its chart lives."""

    key: str
    subject: dict[str, str]  # {k} = the kommune's name
    filters: dict[str, str]
    link: str  # path + query (without lang)


@dataclass(frozen=True)
class KeyFigure:
    key: str
    sentence: str
    value_text: str
    year_label: str
    small: bool
    link: str
    source: str
    rows: pd.DataFrame


OVERVIEW_PARAMS = (
    LANG,
    KOMMUNE,
    Param(
        "aar",
        ("siste",),
        "siste",
        year=True,
        sentinel="siste",
        years_of=(
            "anmeldelser",
            "personer",
            "tp_saker",
            "bekymringssamtaler",
            "anmeldte_lovbrudd_snitt",
        ),
        label="oversikt.aar",
        option=lambda code, lang: t("oversikt.siste", lang),
    ),
)

_BASE = {
    "place_role": "alle",
    "residence": "alle",
    "age_group": "alle",
    "sex": "alle",
    "offence_group": "alle",
    "category": "alle",
}

KEY_SPECS = (
    KeySpec(
        "anmeldelser-gjerningssted",
        {
            "nb": "Anmeldelser med gjerningssted {k}, 10–17 år",
            "en": "Reports with the scene of crime in {k}, ages 10–17",
        },
        {"measure": "anmeldelser", "place_role": "gjerningssted", "age_group": "10-17"},
        "/geografi?maal=anmeldelser",
    ),
    KeySpec(
        "personer-gjerningssted",
        {
            "nb": "Mistenkte personer 10–17 år, gjerningssted {k}",
            "en": "Suspected persons aged 10–17, scene of crime {k}",
        },
        {"measure": "personer", "place_role": "gjerningssted", "age_group": "10-17"},
        "/geografi?maal=personer",
    ),
    KeySpec(
        "gutter-15-17-bosted",
        {
            "nb": "Anmeldelser av gutter 15–17 år bosatt i {k}",
            "en": "Reports of boys aged 15–17 living in {k}",
        },
        {"measure": "anmeldelser", "place_role": "bosted", "age_group": "15-17", "sex": "gutter"},
        "/alder-og-kjonn?maal=anmeldelser&sted=bosted",
    ),
    KeySpec(
        "jenter-10-14-gjerningssted",
        {
            "nb": "Anmeldelser av jenter 10–14 år, gjerningssted {k}",
            "en": "Reports of girls aged 10–14, scene of crime {k}",
        },
        {
            "measure": "anmeldelser",
            "place_role": "gjerningssted",
            "age_group": "10-14",
            "sex": "jenter",
        },
        "/alder-og-kjonn?maal=anmeldelser&sted=gjerningssted",
    ),
    KeySpec(
        "gjentatt",
        {
            "nb": "Unge bosatt i {k} med fire eller flere anmeldelser",
            "en": "Young people living in {k} with four or more reports",
        },
        {"measure": "personer", "place_role": "bosted", "category": "gjentatt_4pluss"},
        "/geografi#card-gjentatt",
    ),
    KeySpec(
        "trygghetsprogrammet",
        {
            "nb": "Saker registrert i Trygghetsprogrammet ({k}, enhet Vest)",
            "en": "Cases registered in the Safety Programme ({k}, unit West)",
        },
        {"measure": "tp_saker", "category": "registrert"},
        "/trygghetsprogrammet",
    ),
    KeySpec(
        "bekymringssamtaler",
        {"nb": "Politiets bekymringssamtaler i {k}", "en": "Police concern talks in {k}"},
        {"measure": "bekymringssamtaler"},
        "/trygghetsprogrammet",
    ),
    KeySpec(
        "anmeldte-lovbrudd",
        {
            "nb": "Anmeldte lovbrudd med gjerningssted {k} (SSB, toårssnitt)",
            "en": "Reported offences with the scene of crime in {k} (Statistics Norway, two-year average)",
        },
        {"measure": "anmeldte_lovbrudd_snitt", "place_role": "gjerningssted"},
        "/trend?visning=antall",
    ),
)


def key_figure(
    cursor: duckdb.DuckDBPyConnection, spec: KeySpec, kommune: str, til: int, lang: str
) -> KeyFigure | None:
    """The figure for one spec, or None when the kommune has no such series."""
    params = {**_BASE, **spec.filters, "municipality": kommune, "til": til}
    rows = queries.run(cursor, "key_series", **params)
    if rows.empty:
        return None
    subject = pick(spec.subject, lang).format(k=kommune_name(kommune, lang))
    latest = rows.iloc[0]
    previous = rows.iloc[1] if len(rows) > 1 else None
    now = None if pd.isna(latest["value"]) else float(latest["value"])
    prev = None if previous is None or pd.isna(previous["value"]) else float(previous["value"])
    period = str(latest["period"])
    if period != str(int(latest["year"])):
        # Periods that are not single years (two-year averages) are named as printed.
        prev_period = None if previous is None else str(previous["period"])
        sentence = _period_sentence(subject, now, period, prev, prev_period, lang)
    else:
        year_prev = int(previous["year"]) if previous is not None else int(latest["year"]) - 1
        sentence = change_sentence(subject, now, int(latest["year"]), prev, year_prev, lang)
    small = is_small(now) and (prev is None or is_small(prev))
    used = rows.iloc[: 2 if previous is not None else 1]
    source = "; ".join(
        dict.fromkeys(
            f"{p}, {s}" for p, s in zip(used["publication"], used["section"], strict=True)
        )
    )
    return KeyFigure(
        key=spec.key,
        sentence=sentence,
        value_text=format_number(now, 0, lang) if now is not None else str(latest["status"]),
        year_label=period,
        small=small,
        link=spec.link,
        source=source,
        rows=used,
    )


def _period_sentence(
    subject: str,
    now: float | None,
    period: str,
    prev: float | None,
    prev_period: str | None,
    lang: str,
) -> str:
    if now is None:
        return f"{subject}: " + pick(
            {"nb": f"tall mangler for {period}.", "en": f"no figure for {period}."}, lang
        )
    text = f"{subject}: {format_number(now, 0, lang)} " + t("oversikt.in", lang) + f" {period}"
    change = format_change(now, prev, lang) if prev is not None else None
    if change and prev_period:
        text += (
            f", {change} "
            + t("oversikt.from", lang)
            + f" {format_number(prev, 0, lang)} "
            + t("oversikt.in", lang)
            + f" {prev_period}"
        )
    return text + "."


def key_figures(cursor: duckdb.DuckDBPyConnection, state: ViewState) -> list[KeyFigure]:
    til = max_year() if state["aar"] == "siste" else int(state["aar"])
    out = []
    for spec in KEY_SPECS:
        figure = key_figure(cursor, spec, state["kommune"], til, state.lang)
        if figure is not None:
            out.append(figure)
    return out
