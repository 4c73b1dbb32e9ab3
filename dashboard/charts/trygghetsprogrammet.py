"""Charts of the follow-up page (/trygghetsprogrammet): Trygghetsprogrammet, the police's
concern talks and follow-up of young people, and extremism concerns.

All of these figures exist only in Bærum's SLT reports 2019 and 2020, counted by the
police's prevention section (enhet Vest for Trygghetsprogrammet). The charts show the
published numbers as printed: where a report's parts do not add up to its total, both
stand and the difference is stated as information; no stage is derived (the reports
publish no "offered" count, so none is computed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import dimensions as dims
from dashboard import figures
from dashboard.charts.registry import (
    AVAILABLE,
    ChartResult,
    NoData,
    Query,
    Rows,
    Shape,
    bind,
    chart,
    events_for,
    label_column,
    line_frame,
    pivot_table,
    source_line,
    what_exists,
)
from dashboard.dimensions import kommune_name
from dashboard.state import KOMMUNE, LANG, MIN_YEAR, Param, ViewState, max_year
from dashboard.words import STRINGS, t
from dashboard.words.numbers import (
    format_cell,
    format_change,
    format_number,
    format_percent,
    list_text,
    missing_symbol,
    status_label,
    years_text,
)

PAGE = "trygghetsprogrammet"
#: The measures of this page: their years in the warehouse are the year control's options.
MEASURES = (
    "tp_saker",
    "tp_personer",
    "tp_saker_lovbrudd",
    "bekymringssamtaler",
    "ungdom_oppfolging",
    "ekstremisme_bekymringer",
    "ekstremisme_andel",
    "ungdata_andel",
)
AAR = Param(
    "aar",
    ("alle",),
    "alle",
    year=True,
    sentinel="alle",
    years_of=MEASURES,
    label="trygghetsprogrammet.aar",
    option=lambda code, lang: t("trygghetsprogrammet.all_years", lang),
)
PARAMS = (LANG, KOMMUNE, AAR)

#: Stages of the programme in the order the reports tell them (the category sort).
STAGES = ("registrert", "samtale", "takket_nei", "ikke_svart", "overfort", "voksne_hatkrim")
#: The stages the reports split the registered cases into ("Av de 205 sakene ...").
SPLIT = ("samtale", "takket_nei", "ikke_svart", "voksne_hatkrim")
FOLLOWUP_LEVELS = ("alle", "bekymring", "risiko", "tett_pa")
IDEOLOGIES = ("hx", "ix", "ax", "vx", "annet")
#: Stage counts: cases (tp_saker) and children/victims/adults (tp_personer), enhet Vest.
TP_STAGE_MEASURES = ("tp_saker", "tp_personer")


def _years(state: ViewState) -> list[int]:
    """The years to query: every year for "alle" (a year imported later shows up too)."""
    if state["aar"] == "alle":
        return list(range(MIN_YEAR, max_year() + 1))
    return [int(state["aar"])]


def _shown_years(rows: pd.DataFrame, state: ViewState) -> list[int]:
    """The years a title names: those in the rows, else the year the choice asked for
    (none for 'every year' without figures: the title then names no year)."""
    if not rows.empty:
        return [int(y) for y in sorted(rows["year"].unique())]
    return [] if state["aar"] == "alle" else [int(state["aar"])]


def _years_suffix(years: list[int], lang: str) -> str:
    """', 2019 og 2020' after a title, or nothing when no year is named."""
    return f", {_years_words(years, lang)}" if years else ""


def _years_words(years: list[int], lang: str) -> str:
    """'2019 og 2020' / '2019 and 2020'."""
    return list_text([str(y) for y in sorted(set(years))], lang)


def _nothing(measures: tuple[str, ...], state: ViewState, available: pd.DataFrame) -> str:
    """The no-data message: the choice, and where these figures exist (from the warehouse)."""
    lang = state.lang
    choice = kommune_name(state["kommune"], lang) + (
        "" if state["aar"] == "alle" else f", {state['aar']}"
    )
    message = t("trygghetsprogrammet.nodata", lang, choice=choice)
    exists = what_exists(available, measures, lang)
    if exists:
        message += " " + t("trend.nodata.exists", lang, exists=exists)
    return message + " " + t("nodata.template", lang)


def _cell_frame(
    rows: pd.DataFrame,
    row_codes: list[str],
    row_labels: dict[str, str],
    row_col: str,
    years: list[int],
) -> pd.DataFrame:
    """Every (row, year) cell in order: the published value, its status, or `..` when the
    source has no number for it (never 0). Years are the columns of the display."""
    index = {(r[row_col], int(r["year"])): r for r in rows.to_dict("records")}
    cells = []
    for code in row_codes:
        for year in years:
            row = index.get((code, year))
            cells.append(
                {
                    "code": code,
                    "category": row_labels[code],
                    "series": str(year),
                    "year": year,
                    "value": None if row is None else row["value"],
                    "status": ".." if row is None else row["status"],
                }
            )
    # The columns are named even when there are no cells (e.g. extremism in 2018 has the
    # ideology split only): an empty part of a table, not a missing column.
    frame = pd.DataFrame(cells, columns=["code", "category", "series", "year", "value", "status"])
    frame["value"] = frame["value"].astype("float64")
    return frame


def _table(
    cells: pd.DataFrame, header: str, lang: str, percent_codes: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Display table: one row per category, one column per year, SSB symbols for gaps."""
    out: dict[str, dict[str, str]] = {}
    for cell in cells.to_dict("records"):
        if cell["code"] in percent_codes:
            text = _percent_or_symbol(cell["value"], cell["status"], lang)
        else:
            text = format_cell(cell["value"], cell["status"], 0, lang)
        out.setdefault(cell["category"], {})[cell["series"]] = text
    table = pd.DataFrame.from_dict(out, orient="index").reset_index()
    table = table.rename(columns={"index": header}).fillna("..")
    table.columns = [str(c) for c in table.columns]
    return table


def _percent_or_symbol(value: object, status: object, lang: str) -> str:
    """A share as "14 %", or the SSB symbol of a missing share."""
    text = format_cell(value, status, 0, lang)
    return format_percent(value, 0, lang) if text and text[0].isdigit() else text


def _say(value: object, status: object, lang: str, percent: bool = False) -> str:
    """A cell for a sentence: the number, or the symbol with its meaning ("- (vist som
    strek i kilden)"), so a screen reader never reads a bare ".." as a number."""
    symbol = missing_symbol(value, status)
    if symbol is not None:
        return f"{symbol} ({status_label(symbol, lang)})"
    return format_percent(value, 0, lang) if percent else format_number(value, 0, lang)


def _label_map(rows: pd.DataFrame, code_col: str, dim: str, lang: str) -> dict[str, str]:
    labels = label_column(rows, dim, lang)
    return dict(zip(rows[code_col], labels, strict=True))


def _value(rows: pd.DataFrame, **where: object) -> float | None:
    match = rows
    for column, wanted in where.items():
        match = match[match[column] == wanted]
    values = match["value"].dropna()
    return None if values.empty else float(values.iloc[0])


def _counts(rows: pd.DataFrame) -> pd.Series:
    """The counts among the rows (shares are not checked for small numbers)."""
    return rows[rows["unit_kind"] == "count"]["value"] if "unit_kind" in rows else rows["value"]


def _query(name: str, **extra: Callable[[ViewState], Any]) -> Query:
    """One of this page's queries: the chosen kommune (or areas) in the chosen years."""
    return Query(
        name,
        bind(municipality=lambda s: s["kommune"], years=_years, **extra),
    )


def _with_year_before(state: ViewState) -> list[int]:
    """The chosen year and the year before (what a change is measured from), or every year."""
    years = _years(state)
    return years if state["aar"] == "alle" else [years[0] - 1, *years]


TRYGGHET = _query("trygghet")
FOLLOWUP = _query("followup")
#: Concern talks: one number a year, shown beside the year before, as the overview's key
#: figure compares them ("101, ned 25 % fra 134 i 2019"), so a chart of one year (a
#: report of 2020) still shows the comparison its words state.
FOLLOWUP_COMPARED = Query(
    "followup", bind(municipality=lambda s: s["kommune"], years=_with_year_before)
)
EXTREMISM = Query(
    "extremism", bind(municipalities=lambda s: [s["kommune"], "oslo-pd"], years=_years)
)


# ------------------------------------------------------------------ Trygghetsprogrammet


def _sum_note(rows: pd.DataFrame, year: int, lang: str) -> str | None:
    """Information, not a correction: the printed parts of the registered cases and their
    computed sum against the published number registered."""
    at = rows[(rows["year"] == year) & rows["measure"].isin(TP_STAGE_MEASURES)]
    total = _value(at, category="registrert")
    parts = [(c, v) for c in SPLIT if (v := _value(at, category=c)) is not None]
    if total is None or not parts:
        return None
    computed = sum(v for _c, v in parts)
    terms = " + ".join(format_number(v, 0, lang) for _c, v in parts)
    n = format_number(total, 0, lang)
    s = format_number(computed, 0, lang)
    key = (
        "trygghetsprogrammet.sum.equal" if computed == total else "trygghetsprogrammet.sum.differs"
    )
    return t(key, lang, year=year, terms=terms, s=s, n=n)


def _tp_title(kommune: str, lang: str, years: list[int]) -> str:
    where = (
        t("trygghetsprogrammet.enhet_vest", lang)
        if kommune in _wholly_in("enhet-vest")
        else kommune_name(kommune, lang)
    )
    return t(
        "trygghetsprogrammet.title.funnel", lang, where=where, years=_years_suffix(years, lang)
    )


@chart(
    "trygghet-trakt", PAGE, PARAMS, {"rows": TRYGGHET, "available": AVAILABLE}, section="trygghet"
)
def funnel(result: Rows, state: ViewState) -> Shape | NoData:
    """The programme's published stages per year side by side, in the reports' order."""
    lang = state.lang
    rows = result["rows"]
    rows = rows[rows["measure"].isin(TP_STAGE_MEASURES)]
    title = _tp_title(state["kommune"], lang, _shown_years(rows, state))
    if rows.empty:
        return NoData(title, _nothing(TP_STAGE_MEASURES, state, result["available"]))
    present = [int(y) for y in sorted(rows["year"].unique())]
    stages = [s for s in STAGES if s in set(rows["category"])]
    cells = _cell_frame(
        rows, stages, _label_map(rows, "category", "category", lang), "category", present
    )
    frame = cells.rename(columns={"category": "stage"})[["stage", "series", "value", "status"]]
    meta = figures.ChartMeta(
        title="", source="", y_title=t("trygghetsprogrammet.cases", lang), lang=lang
    )

    notes: list[str] = []
    if rows["note"].fillna("").str.contains("enhet Vest").any():
        notes.append(t("trygghetsprogrammet.enhet_vest_note", lang))
    notes.append(t("trygghetsprogrammet.units_note", lang))
    notes += [n for y in present if (n := _sum_note(rows, y, lang))]
    notes.append(t("trygghetsprogrammet.no_offer_note", lang))
    lacking = [
        y
        for y in present
        if "voksne_hatkrim" in stages
        and _value(rows[rows["year"] == y], category="voksne_hatkrim") is None
    ]
    if lacking:
        notes.append(
            t("trygghetsprogrammet.no_adults_note", lang).format(years=_years_words(lacking, lang))
        )

    parts = []
    for y in present:
        at = cells[cells["year"] == y]
        shown = "; ".join(
            f"{c.lower()} {_say(v, s, lang)}"
            for c, v, s in zip(at["category"], at["value"], at["status"], strict=True)
        )
        parts.append(f"{y}: {shown}")
    summary = f"{title}. " + ". ".join(parts) + "."
    return Shape(
        title=title,
        figure=figures.funnel_chart(frame, meta),
        table=_table(cells, t("trygghetsprogrammet.stage", lang), lang),
        rows=rows,
        small=_counts(rows),
        summary=summary,
        notes=notes,
    )


@chart(
    "trygghet-lovbrudd",
    PAGE,
    PARAMS,
    {"rows": TRYGGHET, "available": AVAILABLE},
    section="trygghet",
)
def by_offence(result: Rows, state: ViewState) -> Shape | NoData:
    """2020 cases by what the victim was exposed to (the only year the report splits)."""
    lang = state.lang
    everything = result["rows"]
    rows = everything[everything["measure"] == "tp_saker_lovbrudd"]
    shown_years = _shown_years(rows, state)
    title = t(
        "trygghetsprogrammet.title.offence",
        lang,
        k=kommune_name(state["kommune"], lang),
        years=_years_suffix(shown_years, lang),
    )
    if rows.empty:
        return NoData(title, _nothing(("tp_saker_lovbrudd",), state, result["available"]))
    rows = rows.sort_values(["year", "line"])  # the printed order
    many = len(shown_years) > 1
    frame = pd.DataFrame(
        {
            "category": label_column(rows, "offence_group", lang),
            "series": rows["year"].astype(str) if many else "",
            "value": rows["value"],
            "status": rows["status"],
        }
    )
    meta = figures.ChartMeta(
        title="", source="", y_title=t("trygghetsprogrammet.n_cases", lang), lang=lang
    )
    notes: list[str] = []
    for year in shown_years:
        at = rows[rows["year"] == year]
        total = at["value"].sum(min_count=1)
        registered = _value(
            everything[everything["measure"] == "tp_saker"], year=year, category="registrert"
        )
        if pd.isna(total):
            continue
        if registered is not None and registered != total:
            notes.append(
                t("trygghetsprogrammet.lovbrudd_note", lang).format(
                    sum=format_number(total, 0, lang),
                    registered=format_number(registered, 0, lang),
                    year=year,
                )
            )
        else:
            notes.append(
                t("trygghetsprogrammet.lovbrudd_sum_note", lang).format(
                    sum=format_number(total, 0, lang)
                )
            )
    codes = list(dict.fromkeys(rows["offence_group"]))
    cells = _cell_frame(
        rows,
        codes,
        _label_map(rows, "offence_group", "offence_group", lang),
        "offence_group",
        shown_years,
    )
    summary = (
        f"{title}: "
        + "; ".join(
            f"{c} {_say(v, s, lang)}"
            for c, v, s in zip(frame["category"], frame["value"], frame["status"], strict=True)
        )
        + "."
    )
    return Shape(
        title=title,
        figure=figures.bar_chart(frame, meta, horizontal=True),
        table=_table(cells, t("trygghetsprogrammet.offence", lang), lang),
        rows=rows,
        small=_counts(rows),
        summary=summary,
        notes=notes,
    )


# ------------------------------------------------------- Concern talks and follow-up


@chart(
    "oppfolging-samtaler",
    PAGE,
    PARAMS,
    {"rows": FOLLOWUP_COMPARED, "available": AVAILABLE},
    section="oppfolging",
)
def concern_talks(result: Rows, state: ViewState) -> Shape | NoData:
    """Concern talks per year (one published number per report); a chosen year with the
    year before it, the comparison the summary states."""
    lang = state.lang
    rows = result["rows"]
    rows = rows[rows["measure"] == "bekymringssamtaler"]
    if state["aar"] != "alle" and int(state["aar"]) not in set(rows["year"]):
        rows = rows.iloc[0:0]  # the year before alone is not the year asked for
    shown = _shown_years(rows, state)
    title = t(
        "trygghetsprogrammet.title.talks",
        lang,
        k=kommune_name(state["kommune"], lang),
        years=_years_suffix(shown, lang),
    )
    if rows.empty:
        return NoData(title, _nothing(("bekymringssamtaler",), state, result["available"]))
    frame = pd.DataFrame(
        {
            "category": rows["year"].astype(str),
            "value": rows["value"],
            "status": rows["status"],
        }
    )
    meta = figures.ChartMeta(
        title="", source="", y_title=t("trygghetsprogrammet.n_talks", lang), lang=lang
    )
    values = dict(zip(rows["year"].astype(int), rows["value"], strict=True))
    # "…: 134 i 2019 og 101 i 2020 (ned 25 % fra 2019)": a sentence, read aloud as one.
    summary = f"{title}: " + list_text(
        [
            t("trygghetsprogrammet.value_in", lang, value=_say(v, s, lang), year=int(y))
            for y, v, s in zip(rows["year"], rows["value"], rows["status"], strict=True)
        ],
        lang,
    )
    last = max(values)
    if last - 1 in values:
        change = format_change(values[last], values[last - 1], lang)
        if change:
            summary += t("trygghetsprogrammet.change_from", lang, change=change, year=last - 1)
    cells = pd.DataFrame(
        {
            "code": "bekymringssamtaler",
            "category": label_column(rows, "measure", lang),
            "series": rows["year"].astype(str),
            "year": rows["year"],
            "value": rows["value"],
            "status": rows["status"],
        }
    )
    return Shape(
        title=title,
        figure=figures.bar_chart(frame, meta),
        table=_table(cells, t("trygghetsprogrammet.indicator", lang), lang),
        rows=rows,
        small=_counts(rows),
        summary=summary + ".",
        notes=[t("trygghetsprogrammet.followup_note", lang)],
    )


@chart(
    "oppfolging-ungdom",
    PAGE,
    PARAMS,
    {"rows": FOLLOWUP, "available": AVAILABLE},
    section="oppfolging",
)
def youth_followup(result: Rows, state: ViewState) -> Shape | NoData:
    """Young people under follow-up: the published total and the three levels, per year."""
    lang = state.lang
    rows = result["rows"]
    rows = rows[rows["measure"] == "ungdom_oppfolging"]
    shown = _shown_years(rows, state)
    title = t(
        "trygghetsprogrammet.title.followup",
        lang,
        k=kommune_name(state["kommune"], lang),
        years=_years_suffix(shown, lang),
    )
    if rows.empty:
        return NoData(title, _nothing(("ungdom_oppfolging",), state, result["available"]))
    labels = _label_map(rows, "category", "category", lang)
    labels["alle"] = t("trygghetsprogrammet.total_published", lang)
    codes = [c for c in FOLLOWUP_LEVELS if c in set(rows["category"])]
    cells = _cell_frame(rows, codes, labels, "category", shown)
    frame = cells[["category", "series", "value", "status"]]
    if len(shown) == 1:
        frame = frame.assign(series="")
    meta = figures.ChartMeta(
        title="", source="", y_title=t("trygghetsprogrammet.n_youth", lang), lang=lang
    )
    parts = []
    for y in shown:
        at = cells[cells["year"] == y]
        parts.append(
            f"{y}: "
            + "; ".join(
                f"{c} {_say(v, s, lang)}"
                for c, v, s in zip(at["category"], at["value"], at["status"], strict=True)
            )
        )
    notes = [
        t("trygghetsprogrammet.the_total_is_stated", lang),
        t("trygghetsprogrammet.followup_note", lang),
    ]
    return Shape(
        title=title,
        figure=figures.bar_chart(frame, meta, horizontal=True),
        table=_table(cells, t("trygghetsprogrammet.level", lang), lang),
        rows=rows,
        small=_counts(rows),
        summary=f"{title}. " + ". ".join(parts) + ".",
        notes=notes,
    )


# ----------------------------------------------------------------------------- Extremism

#: The extremism rows shown as key figures (their names: trygghetsprogrammet.extremism_row.<code>).
EXTREMISM_ROWS = ("bekymringer", "knyttet_til_kommunen", "fra_justissektoren")


@dataclass(frozen=True)
class KeyFigure:
    """One published number shown large, with what it is, its year and its source."""

    label: str
    text: str
    year: int
    source: str


def _extremism_code(measure: str, category: str) -> str:
    return "bekymringer" if measure == "ekstremisme_bekymringer" else category


def _extremism_label(code: str, municipality: str, lang: str) -> str:
    label = t(
        f"trygghetsprogrammet.extremism_row.{code}", lang, k=_kommune_or_pd(municipality, lang)
    )
    if code == "fra_justissektoren" and municipality == "oslo-pd":
        label += t("trygghetsprogrammet.oslo_police_district", lang)
    return label


def _kommune_or_pd(code: str, lang: str) -> str:
    return kommune_name(code, lang) if code in dims.MUNICIPALITIES else code


REPEAT_OFFENDERS = Query(
    "repeat_offender_series",
    bind(
        municipality=lambda s: s["kommune"],
        til=lambda s: s["aar"] if isinstance(s["aar"], int) else max_year(),
    ),
)


@chart(
    "gjengangere",
    PAGE,
    PARAMS,
    REPEAT_OFFENDERS,
    section="oppfolging",
)
def repeat_offenders(result: Rows, state: ViewState) -> Shape | NoData:
    """Young repeat offenders the kommune follows up, each definition its own line: what
    the SaLTo report counts (four or more offences a year) is not what the SLT report
    counts (four or more police reports in the district)."""
    lang = state.lang
    k = kommune_name(state["kommune"], lang)
    rows = result["rows"]
    title = t("trygghetsprogrammet.title.repeat", lang, k=k)
    if rows.empty:
        return NoData(title, t("trygghetsprogrammet.repeat.none", lang, k=k))
    suffix = "en" if lang == "en" else "nb"
    rows = rows.assign(
        series=[
            f"{category} ({age[:1].lower()}{age[1:]})"
            for category, age in zip(
                rows[f"category_{suffix}"], rows[f"age_group_{suffix}"], strict=True
            )
        ]
    )
    title = f"{title}, {years_text(rows['year'])}"
    frame = line_frame(rows)
    meta = figures.ChartMeta(
        title="",
        y_title=t("trygghetsprogrammet.repeat.y", lang),
        lang=lang,
        events=events_for(lang),
    )
    table = pivot_table(
        frame.assign(col=frame["x_label"]),
        "series",
        "col",
        lang,
        t("trygghetsprogrammet.indicator", lang),
    )
    notes = [t("trygghetsprogrammet.repeat.note", lang), *sorted(set(rows["note"].dropna()))]
    return Shape(
        title=title,
        figure=figures.line_chart(frame, meta),
        table=table,
        rows=rows,
        notes=notes,
    )


@chart(
    "ekstremisme", PAGE, PARAMS, {"rows": EXTREMISM, "available": AVAILABLE}, section="ekstremisme"
)
def extremism(result: Rows, state: ViewState) -> Shape | NoData:
    """Concerns about extremism: the count and shares as published; ideology shares charted.

    The ideology split is the chosen kommune's; Oslo politidistrikt's own figures (the
    number of concerns, the share from the justice sector) come with it, since every
    kommune on the dashboard lies in that district.
    """
    lang, kommune = state.lang, state["kommune"]
    k = kommune_name(kommune, lang)
    rows = result["rows"]
    ideology = rows[(rows["municipality"] == kommune) & rows["category"].isin(IDEOLOGIES)]
    shown = _shown_years(ideology, state)
    title = t("trygghetsprogrammet.title.extremism", lang, k=k, years=_years_suffix(shown, lang))
    if ideology.empty:
        return NoData(title, _nothing(("ekstremisme_andel",), state, result["available"]))

    # Oslo politidistrikt's own figures only for the years the kommune's split covers.
    rows = rows[(rows["municipality"] == kommune) | rows["year"].isin(shown)]
    rows = rows.assign(
        code=[_extremism_code(m, c) for m, c in zip(rows["measure"], rows["category"], strict=True)]
    )
    ideology = ideology.sort_values(["year", "category_sort"])
    codes = [c for c in IDEOLOGIES if c in set(ideology["category"])]
    labels = _label_map(ideology, "category", "category", lang)
    cells = _cell_frame(ideology, codes, labels, "category", shown)
    # Horizontal bars with short names, readable on a phone; the table keeps the full ones.
    short = {
        code: t(key, lang)
        if (key := f"trygghetsprogrammet.short_ideology.{code}") in STRINGS
        else labels[code]
        for code in codes
    }
    frame = cells.assign(category=cells["code"].map(short))[
        ["category", "series", "value", "status"]
    ]
    if len(shown) == 1:
        frame = frame.assign(series="")
    # "Prosent": of what, the title says.
    meta = figures.ChartMeta(
        title="", source="", y_title=t("trygghetsprogrammet.ungdata.y", lang), lang=lang
    )

    # The display table: the count and the other shares first, then the ideology split.
    others = rows[rows["code"].isin(EXTREMISM_ROWS)]
    other_codes = [c for c in EXTREMISM_ROWS if c in set(others["code"])]
    first = {r["code"]: r["municipality"] for r in others.to_dict("records")}
    other_labels = {c: _extremism_label(c, first[c], lang) for c in other_codes}
    table_cells = pd.concat(
        [
            _cell_frame(
                others.assign(category=others["code"]), other_codes, other_labels, "category", shown
            ),
            _cell_frame(ideology, codes, labels, "category", shown),
        ],
        ignore_index=True,
    )
    percent_codes = ("knyttet_til_kommunen", "fra_justissektoren", *IDEOLOGIES)
    table = _table(table_cells, t("trygghetsprogrammet.indicator", lang), lang, percent_codes)

    parts = []
    for y in shown:
        at = cells[cells["year"] == y]
        parts.append(
            f"{y}: "
            + "; ".join(
                f"{c} {_say(v, s, lang, percent=True)}"
                for c, v, s in zip(at["category"], at["value"], at["status"], strict=True)
            )
        )

    notes: list[str] = []
    share = others[others["code"] == "knyttet_til_kommunen"]["value"].dropna()
    if not share.empty:
        notes.append(
            t("trygghetsprogrammet.extremism_notes.small", lang).format(
                k=k, share=format_percent(share.iloc[-1], 0, lang)
            )
        )
    if (cells["status"] == "-").any():
        notes.append(t("trygghetsprogrammet.extremism_notes.dash", lang))
    if (cells["status"] == "..").any():
        notes.append(t("trygghetsprogrammet.extremism_notes.missing", lang))
    # What the shares mean; how each was read from the report stays in the CSV's notes.
    if "ax" in set(cells["code"]):
        notes.append(t("trygghetsprogrammet.extremism_notes.ax", lang))
    if (rows["code"] == "fra_justissektoren").any():
        notes.append(t("trygghetsprogrammet.extremism_notes.justice", lang))
    return Shape(
        title=title,
        figure=figures.bar_chart(frame, meta, horizontal=True),
        table=table,
        rows=rows,
        small=pd.Series(dtype=float),  # shares: no small-number check
        summary=f"{title}. " + ". ".join(parts) + ".",
        notes=notes,
    )


def key_figures(result: ChartResult, lang: str) -> list[KeyFigure]:
    """The extremism card's count and shares (not the ideology split), for large display.

    Built from the chart's own CSV rows, so the key figures and the download agree.
    """
    data = result.data
    if data.empty:
        return []
    out: list[KeyFigure] = []
    for row in data.sort_values(["year"], kind="stable").to_dict("records"):
        code = _extremism_code(row["measure"], row["category"])
        if code not in EXTREMISM_ROWS:
            continue
        percent = row["measure"] == "ekstremisme_andel"
        out.append(
            KeyFigure(
                label=_extremism_label(code, row["municipality"], lang),
                text=_percent_or_symbol(row["value"], row["status"], lang)
                if percent
                else format_cell(row["value"], row["status"], 0, lang),
                year=int(row["year"]),
                source=source_line(pd.DataFrame([row]), lang),
            )
        )
    return out  # the query's order: the count, then the shares


# ------------------------------------------------------------------------- Ungdata


def _ungdata_label(row: dict[str, Any], lang: str) -> str:
    """'Tydelig beruset siste år – Ungdomsskole (8.–10. trinn)' / '… – Jenter'."""
    parts = [row[f"category_{lang}"]]
    for dim in ("age_group", "sex"):
        if row[dim] != "alle":
            parts.append(row[f"{dim}_{lang}"])
    return " – ".join(parts)


@chart(
    "ungdata",
    PAGE,
    PARAMS,
    {
        "rows": Query("ungdata", bind(municipality=lambda s: s["kommune"], years=_years)),
        "available": AVAILABLE,
    },
    section="ungdata",
)
def ungdata(result: Rows, state: ViewState) -> Shape | NoData:
    """Ungdata shares in the reports' text, by indicator and group; years side by side."""
    lang = state.lang
    rows = result["rows"]
    k = kommune_name(state["kommune"], lang)
    shown = _shown_years(rows, state)
    title = t("trygghetsprogrammet.ungdata.title", lang, k=k, years=_years_suffix(shown, lang))
    if rows.empty:
        return NoData(title, _nothing(("ungdata_andel",), state, result["available"]))
    labels = [_ungdata_label(r, "en" if lang == "en" else "nb") for r in rows.to_dict("records")]
    rows = rows.assign(indicator=labels)
    many = len(shown) > 1
    frame = pd.DataFrame(
        {
            "category": rows["indicator"],
            "series": rows["year"].astype(str) if many else "",
            "value": rows["value"],
            "status": rows["status"],
        }
    )
    meta = figures.ChartMeta(
        title="", source="", y_title=t("trygghetsprogrammet.ungdata.y", lang), lang=lang
    )
    codes = list(dict.fromkeys(rows["indicator"]))
    cells = _cell_frame(rows, codes, {c: c for c in codes}, "indicator", shown)
    table = _table(
        cells, t("trygghetsprogrammet.ungdata.row", lang), lang, percent_codes=tuple(codes)
    )
    summary = (
        f"{title}: "
        + "; ".join(
            f"{c} {y}: {_say(v, s, lang, percent=True)}"
            for c, y, v, s in zip(
                rows["indicator"], rows["year"], rows["value"], rows["status"], strict=True
            )
        )
        + "."
    )
    notes = [t("trygghetsprogrammet.ungdata.note", lang), *sorted(set(rows["note"].dropna()))]
    return Shape(
        title=title,
        figure=figures.bar_chart(frame, meta, horizontal=True),
        table=table,
        rows=rows,
        small=pd.Series(dtype=float),  # shares of a survey: no small-number check
        summary=summary,
        notes=notes,
    )


def _wholly_in(area: str) -> tuple[str, ...]:
    """The kommuner an area covers wholly (the warehouse's area members)."""
    return tuple(m.member for m in dims.AREA_MEMBERS if m.area == area and m.whole)
