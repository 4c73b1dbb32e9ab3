"""Key figures for the overview: the message in ten seconds.

Each key figure is one published series (never a sum): its latest value, a sparkline of
the series with missing years as gaps, a marker for the direction, the change in words
(flagged when either value is small), a short source line and the full one, and a link
to the page whose chart shows it. Figures are grouped by theme; a kommune gets every
key figure its data has.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

import queries
from dashboard.dimensions import kommune_name
from dashboard.state import KOMMUNE, LANG, Param, ViewState, max_year
from dashboard.words import t
from dashboard.words.numbers import format_change, format_number, format_percent
from dashboard.words.sentences import change_sentence, is_small


@dataclass(frozen=True)
class KeySpec:
    """Which series a key figure shows, its theme and where its chart lives.

    Its subject is the catalog's `oversikt.key.<key>` ({k} = the kommune's name).
    """

    key: str
    theme: str  # heading: oversikt.theme.<theme>
    filters: dict[str, str]
    #: The charts that show this series, in order of preference, each with the query its
    #: page needs to show it: "Se figuren" opens the first that draws for the kommune.
    charts: tuple[tuple[str, dict[str, str]], ...]


@dataclass(frozen=True)
class KeyFigure:
    key: str
    theme: str
    sentence: str
    value_text: str
    year_label: str
    small: bool  # the latest or the previous value is small: the change is uncertain
    direction: str | None  # "up" | "down" | "flat"; None without two values
    points: list[tuple[int, float | None]]  # the whole series up to the year shown
    #: The charts that show the series, each with its page's query for this kommune, in
    #: order of preference (`listing.chart_that_draws` picks the first with a figure).
    charts: tuple[tuple[str, dict[str, str]], ...]
    publications: str  # the short source line
    source: str  # publication and section of the two values used
    rows: pd.DataFrame


#: The measures whose years the overview's year choice offers.
OVERVIEW_YEARS = (
    "anmeldelser",
    "personer",
    "tp_saker",
    "bekymringssamtaler",
    "anmeldte_lovbrudd_snitt",
)
OVERVIEW_PARAMS = (
    LANG,
    KOMMUNE,
    Param(
        "aar",
        ("siste",),
        "siste",
        year=True,
        sentinel="siste",
        years_of=OVERVIEW_YEARS,
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
        "ungdom",
        {"measure": "anmeldelser", "place_role": "gjerningssted", "age_group": "10-17"},
        (("geografi-anmeldelser", {"maal": "anmeldelser"}), ("ungdomsserier", {})),
    ),
    KeySpec(
        "personer-gjerningssted",
        "ungdom",
        {"measure": "personer", "place_role": "gjerningssted", "age_group": "10-17"},
        (("geografi-personer", {"maal": "personer"}), ("ungdomsserier", {})),
    ),
    KeySpec(
        "gutter-15-17-bosted",
        "ungdom",
        {"measure": "anmeldelser", "place_role": "bosted", "age_group": "15-17", "sex": "gutter"},
        (("alder-kjonn", {"maal": "anmeldelser", "sted": "bosted"}),),
    ),
    KeySpec(
        "jenter-10-14-gjerningssted",
        "ungdom",
        {
            "measure": "anmeldelser",
            "place_role": "gjerningssted",
            "age_group": "10-14",
            "sex": "jenter",
        },
        (("alder-kjonn", {"maal": "anmeldelser", "sted": "gjerningssted"}),),
    ),
    KeySpec(
        "gjentatt",
        "ungdom",
        {"measure": "personer", "place_role": "bosted", "category": "gjentatt_4pluss"},
        (("gjentatt", {}), ("gjengangere", {})),
    ),
    KeySpec(
        "gjengangere",
        "ungdom",
        {
            "measure": "personer",
            "place_role": "gjerningssted",
            "age_group": "under-18",
            "category": "gjengangere_4pluss_forhold",
        },
        (("gjengangere", {}), ("ungdomsserier", {})),
    ),
    KeySpec(
        "trygghetsprogrammet",
        "oppfolging",
        {"measure": "tp_saker", "category": "registrert"},
        (("trygghet-trakt", {}),),
    ),
    KeySpec(
        "bekymringssamtaler",
        "oppfolging",
        {"measure": "bekymringssamtaler"},
        (("oppfolging-samtaler", {}),),
    ),
    KeySpec(
        "anmeldte-lovbrudd",
        "lovbrudd",
        {"measure": "anmeldte_lovbrudd_snitt", "place_role": "gjerningssted"},
        (("sammenligning", {}),),
    ),
)


def key_figure(
    spec: KeySpec, rows: pd.DataFrame, changes: pd.DataFrame, kommune: str, lang: str
) -> KeyFigure | None:
    """The figure for one spec from its series (newest year first) and the changes its
    sources state (`STATED_CHANGE`), or None when the kommune has no such series."""
    if rows.empty:
        return None
    subject = t(f"oversikt.key.{spec.key}", lang).format(k=kommune_name(kommune, lang))
    latest = rows.iloc[0]
    previous = rows.iloc[1] if len(rows) > 1 else None
    now = None if pd.isna(latest["value"]) else float(latest["value"])
    prev = None if previous is None or pd.isna(previous["value"]) else float(previous["value"])
    period = str(latest["period"])
    stated = _stated_change(changes, latest)
    if stated is not None and now is not None:
        # The latest number's own publication says how much it changed: its words, not a
        # comparison with an earlier number from another publication (Oslo 2019: 1 517,
        # "en økning på 14 prosent", not "opp 13 % fra 1 337" of the 2018 report).
        pct = float(stated["value"])
        sentence = t(
            "oversikt.stated_change",
            lang,
            subject=subject,
            value=format_number(now, 0, lang),
            year=int(latest["year"]),
            change=_signed_percent(pct, lang),
            year_prev=int(latest["year"]) - 1,
        )
        used = pd.DataFrame([latest, stated])
        return _figure(spec, kommune, lang, rows, used, sentence, now, None, _sign(pct))
    if period != str(int(latest["year"])):
        # Periods that are not single years (two-year averages) are named as printed.
        prev_period = None if previous is None else str(previous["period"])
        sentence = _period_sentence(subject, now, period, prev, prev_period, lang)
    else:
        year_prev = int(previous["year"]) if previous is not None else int(latest["year"]) - 1
        sentence = change_sentence(subject, now, int(latest["year"]), prev, year_prev, lang)
    used = rows.iloc[: 2 if previous is not None else 1]
    return _figure(spec, kommune, lang, rows, used, sentence, now, prev, _direction(now, prev))


def _figure(
    spec: KeySpec,
    kommune: str,
    lang: str,
    rows: pd.DataFrame,
    used: pd.DataFrame,
    sentence: str,
    now: float | None,
    prev: float | None,
    direction: str | None,
) -> KeyFigure:
    """The card: `used` are the rows its sentence rests on (their sources are named)."""
    latest = rows.iloc[0]
    # Either value small makes the change uncertain ("46 i 2018, opp 156 % fra 18").
    small = is_small(now) or (prev is not None and is_small(prev))
    source = "; ".join(
        dict.fromkeys(
            f"{p}, {s}" for p, s in zip(used["publication"], used["section"], strict=True)
        )
    )
    return KeyFigure(
        key=spec.key,
        theme=spec.theme,
        sentence=sentence,
        value_text=format_number(now, 0, lang) if now is not None else str(latest["status"]),
        year_label=str(latest["period"]),
        small=small,
        direction=direction,
        points=[
            (int(y), None if pd.isna(v) else float(v))
            for y, v in zip(rows["year"], rows["value"], strict=True)
        ],
        charts=tuple(
            (chart_id, {**query, "kommune": kommune, **({"lang": lang} if lang != "nb" else {})})
            for chart_id, query in spec.charts
        ),
        publications="; ".join(dict.fromkeys(used["publication"])),
        source=source,
        rows=used,
    )


#: A measure's change from the year before as its source states it (data/vocab/measures).
STATED_CHANGE = "{measure}_endring_prosent"


def _stated_change(found: pd.DataFrame, latest: pd.Series) -> pd.Series | None:
    """The change in percent the latest number's own publication states for it (same
    series, year and source), or None (most sources state none: the card compares)."""
    if pd.isna(latest["value"]) or found.empty:
        return None
    mine = found[
        (found["year"] == latest["year"])
        & (found["source_id"] == latest["source_id"])
        & found["value"].notna()
    ]
    return None if mine.empty else mine.iloc[0]


def _signed_percent(pct: float, lang: str) -> str:
    """14.0 -> "opp 14 %", -13.5 -> "ned 13,5 %" (as stated: its own decimals)."""
    decimals = 0 if float(pct).is_integer() else 1
    if pct == 0:
        return t("oversikt.stated.flat", lang)
    word = t("oversikt.stated.up" if pct > 0 else "oversikt.stated.down", lang)
    return f"{word} {format_percent(abs(pct), decimals, lang)}"


def _sign(pct: float) -> str:
    return "up" if pct > 0 else "down" if pct < 0 else "flat"


def _direction(now: float | None, prev: float | None) -> str | None:
    if now is None or prev is None:
        return None
    return "up" if now > prev else "down" if now < prev else "flat"


def _period_sentence(
    subject: str,
    now: float | None,
    period: str,
    prev: float | None,
    prev_period: str | None,
    lang: str,
) -> str:
    if now is None:
        return f"{subject}: " + t("oversikt.missing_for", lang, period=period)
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


def _series(spec: KeySpec, measure: str = "") -> dict[str, str]:
    """A spec's series as `queries/key_series.sql` asks for it (every dimension given)."""
    filters = {**_BASE, **spec.filters}
    name = spec.key
    if measure:
        filters["measure"], name = measure, f"{spec.key} {measure}"
    return {"series": name, **{d: filters[d] for d in (*_BASE, "measure")}}


#: Per key figure: its series, and the change in percent its source may state for it.
PAIRS = tuple(
    (spec, _series(spec), _series(spec, STATED_CHANGE.format(measure=spec.filters["measure"])))
    for spec in KEY_SPECS
)
#: Every series the key figures read.
SERIES = tuple(series for _spec, *both in PAIRS for series in both)


def key_figures(cursor: duckdb.DuckDBPyConnection, state: ViewState) -> list[KeyFigure]:
    """The kommune's key figures as of the chosen year, read in one query."""
    til = max_year() if state["aar"] == "siste" else int(state["aar"])
    kommune = state["kommune"]
    rows = queries.run(cursor, "key_series", specs=list(SERIES), municipality=kommune, til=til)
    by_series = {
        str(name): part.drop(columns="series").reset_index(drop=True)
        for name, part in rows.groupby("series", sort=False)
    }
    empty = rows.drop(columns="series").iloc[0:0]
    out = []
    for spec, own, change in PAIRS:
        figure = key_figure(
            spec,
            by_series.get(own["series"], empty),
            by_series.get(change["series"], empty),
            kommune,
            state.lang,
        )
        if figure is not None:
            out.append(figure)
    return out
