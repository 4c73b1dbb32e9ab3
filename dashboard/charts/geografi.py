"""Charts of the geografi page: where the young suspects of offences in a kommune live.

Table C of the 2020 SLT report: persons and reports, 10–17 years, scene of crime Bærum,
by the suspect's residence, with the published total ("Totalsum"). The total is data,
not a sum: one report can involve suspects from several places, so it counts once in
the total but once per place in the rows. The table shows both, labelled; shares are
computed against the published total and say so, with numerator and denominator.
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
    NoData,
    Query,
    Rows,
    Shape,
    bind,
    chart,
    finite,
    label_column,
    pivot_table,
    territory_breaks,
    what_exists,
)
from dashboard.dimensions import TOTAL, kommune_name
from dashboard.state import KOMMUNE, LANG, MIN_YEAR, Param, ViewState, years
from dashboard.words import t
from dashboard.words.numbers import (
    SHARE_DECIMALS,
    format_cell,
    format_number,
    format_percent,
    list_text,
    rounded,
    years_text,
)

MEASURES = ("personer", "anmeldelser")
#: The places of residence of table C (every residence code but the total).

GEO_PARAMS = (
    LANG,
    KOMMUNE,
    Param("maal", ("begge", *MEASURES), "begge", label="legend.maal"),
    Param("visning", ("antall", "andel"), "antall", label="legend.visning"),
    # The police's tables by residence, and Statistics Norway's offences for every kommune:
    # the default period spans both for the chosen kommune.
    *years(years_of=(*(f"{m}@bosted" for m in MEASURES), "anmeldte_lovbrudd_snitt")),
)

#: Chart id per measure (the page shows one or both).
CHART_IDS = {"personer": "geografi-personer", "anmeldelser": "geografi-anmeldelser"}
COMPARISON_ID = "geografi-sammenligning"


def _residence_query(
    municipalities: Callable[[ViewState], list[str]],
    measures: Callable[[ViewState], list[str]],
) -> Query:
    return Query(
        "residence",
        bind(
            municipalities=municipalities,
            measures=measures,
            fra=lambda s: s["fra"],
            til=lambda s: s["til"],
        ),
    )


#: Which kommuner have a breakdown by residence (kommune, year, publication), for saying
#: what exists when a choice has none.
EVERYTHING = Query(
    "residence_availability",
    bind(measures=lambda s: list(MEASURES)),
)


def availability(everything: pd.DataFrame, lang: str) -> list[str]:
    """Which kommuner have a breakdown by residence, with years and publication.

    Read from the warehouse, so a kommune that imports such figures appears here without
    a code change: e.g. ["Bærum 2016–2020 (SLT årsrapport 2020 – Bærum kommune)"].
    """
    # `everything` holds the preferred rows only (residence_availability.sql). One pass
    # over them, then the kommuner in their order (a filter per kommune was 357 scans).
    by_kommune = {str(code): mine for code, mine in everything.groupby("municipality", sort=False)}
    out: list[str] = []
    for code in dims.KOMMUNER:
        mine = by_kommune.get(code)
        if mine is None or mine.empty:
            continue
        publications = ", ".join(dict.fromkeys(mine["publication"]))
        out.append(f"{kommune_name(code, lang)} {years_text(mine['year'])} ({publications})")
    return out


def _no_residence_data(title: str, everything: pd.DataFrame, state: ViewState) -> NoData:
    lang = state.lang
    have = availability(everything, lang)
    lead = t("geografi.nodata.lead", lang).format(
        k=kommune_name(state["kommune"], lang), fra=state["fra"], til=state["til"]
    )
    if not have:
        exists = t("geografi.nodata.none", lang)
    else:
        key = "nodata.only" if len(have) == 1 else "nodata.some"
        exists = t(f"geografi.{key}", lang).format(have=list_text(have, lang))
    return NoData(title, f"{lead} {exists} {t('nodata.template', lang)}")


def _share(numerator: Any, denominator: Any) -> float | None:
    """numerator / denominator in per cent, or None when either is missing or the base is 0."""
    if not finite(numerator) or not finite(denominator) or float(denominator) == 0:
        return None
    return float(numerator) / float(denominator) * 100


def _share_text(share: float | None, numerator: object, denominator: object, lang: str) -> str:
    """'52,1 % (150 av 288)': the computed share with its numerator and denominator."""
    if share is None:
        return ".."
    num, den = format_number(numerator, 0, lang), format_number(denominator, 0, lang)
    return f"{format_percent(share, SHARE_DECIMALS, lang)} ({num} {t('geografi.of', lang)} {den})"


def _edition_notes(
    rows: pd.DataFrame, preferred: pd.DataFrame, measure: str, lang: str
) -> list[str]:
    """Older editions that printed another number for a figure shown (docs/DATA.md: keep both)."""
    notes: list[str] = []
    older = rows[~rows["preferred"]]
    key = ["year", "residence"]
    shown = preferred.set_index(key)
    for row in older.itertuples(index=False):
        if (row.year, row.residence) not in shown.index:
            continue
        newest = shown.loc[(row.year, row.residence)]
        if (
            finite(row.value)
            and finite(newest["value"])
            and float(row.value) == float(newest["value"])
        ):
            continue
        if row.residence == "alle":
            place = t("geografi.row.total", lang).split(" (")[0].lower()
        else:
            place = row.residence_en if lang == "en" else row.residence_nb
        what = t(f"geografi.compare.what.{measure}", lang) + ", " + place
        notes.append(
            t("geografi.edition", lang).format(
                pub=row.publication,
                v=format_cell(row.value, row.status, 0, lang),
                y=row.year,
                what=what,
                shown=format_cell(newest["value"], newest["status"], 0, lang),
                newest=newest["publication"],
            )
        )
    return notes


@dataclass(frozen=True)
class ResidenceTable:
    """Table C for one kommune and measure: residence rows and the published totals.

    `parts` has one row per residence and year (the preferred edition) with the computed
    share of the published total (`share_computed_percent`, `numerator`, `denominator`);
    `totals` maps a year to the published total's (value, status).
    """

    parts: pd.DataFrame
    totals: dict[int, tuple[object, object]]
    years: list[int]
    periods: dict[int, str]

    @classmethod
    def from_rows(cls, shown: pd.DataFrame, lang: str) -> ResidenceTable:
        parts = shown[shown["residence"] != "alle"].copy()
        totals = {
            int(r.year): (r.value, r.status)
            for r in shown[shown["residence"] == "alle"].itertuples(index=False)
        }
        parts["series"] = label_column(parts, "residence", lang)
        parts["x_label"] = parts["period"].astype(str)  # not "category": that is a dimension
        denominators = [totals.get(int(y), (None, ".."))[0] for y in parts["year"]]
        shares = [_share(n, d) for n, d in zip(parts["value"], denominators, strict=True)]
        parts["share"] = [float("nan") if s is None else s for s in shares]
        parts["share_computed_percent"] = [rounded(s, SHARE_DECIMALS) for s in shares]
        parts["numerator"] = parts["value"]
        parts["denominator"] = denominators
        years = sorted(int(y) for y in shown["year"].unique())
        periods = dict(zip(shown["year"].astype(int), shown["period"].astype(str), strict=False))
        return cls(parts.reset_index(drop=True), totals, years, periods)

    def total(self, year: int) -> tuple[object, object]:
        """The published total (value, status); '..' when the source has none for the year."""
        return self.totals.get(year, (None, ".."))

    def sum_of_rows(self, year: int) -> float | None:
        """The computed sum of the residence rows, or None unless every place has a number.

        A sum with a missing cell, or over fewer places than the table's five, would be
        too small and is no sum of the rows at all.
        """
        year_rows = self.parts[self.parts["year"] == year]
        if (
            set(year_rows["residence"]) != {c for c in dims.RESIDENCES if c != TOTAL}
            or year_rows["value"].isna().any()
        ):
            return None
        return float(year_rows["value"].sum())

    def differences(self) -> list[tuple[int, float, float]]:
        """(year, computed sum of rows, published total) where the two differ."""
        out = []
        for year in self.years:
            computed, (total, _status) = self.sum_of_rows(year), self.total(year)
            published = float(total) if isinstance(total, (int, float)) and finite(total) else None
            if computed is not None and published is not None and computed != published:
                out.append((year, computed, published))
        return out


def _plot_frame(tc: ResidenceTable, share_view: bool) -> pd.DataFrame:
    """The bar chart's input: year as category, residence as series; counts or shares."""
    parts = tc.parts
    if share_view:
        values = parts["share"]
        statuses = [
            None if finite(v) else (st if isinstance(st, str) and st else "..")
            for v, st in zip(parts["share"], parts["status"], strict=True)
        ]
    else:
        values, statuses = parts["value"], parts["status"]
    return pd.DataFrame(
        {
            "category": parts["x_label"],
            "series": parts["series"],
            "value": values.astype("float64"),
            "status": statuses,
        }
    )


def _display_table(tc: ResidenceTable, share_view: bool, lang: str) -> pd.DataFrame:
    """Rows per residence, then 'Sum av radene (beregnet)' and 'Totalsum (publisert)'."""
    header = t("geografi.row.header", lang)
    columns = [tc.periods[y] for y in tc.years]
    records: list[dict[str, str]] = []
    for name, group in tc.parts.groupby("series", sort=False):
        record = {header: str(name)}
        by_year = {int(r.year): r for r in group.itertuples(index=False)}
        for year, column in zip(tc.years, columns, strict=True):
            row = by_year.get(year)
            if row is None:
                record[column] = ".."
            elif share_view and finite(row.value):
                record[column] = _share_text(row.share, row.value, row.denominator, lang)
            else:
                record[column] = format_cell(row.value, row.status, 0, lang)
        records.append(record)
    sum_record = {header: t("geografi.row.sum", lang)}
    total_record = {header: t("geografi.row.total", lang)}
    for year, column in zip(tc.years, columns, strict=True):
        total, status = tc.total(year)
        computed = tc.sum_of_rows(year)
        if computed is None:
            sum_record[column] = ".."
        elif share_view:
            sum_record[column] = _share_text(_share(computed, total), computed, total, lang)
        else:
            sum_record[column] = format_number(computed, 0, lang)
        total_record[column] = format_cell(total, status, 0, lang)
    records += [sum_record, total_record]
    return pd.DataFrame.from_records(records, columns=[header, *columns])


def _residence_notes(
    tc: ResidenceTable, rows: pd.DataFrame, measure: str, state: ViewState
) -> list[str]:
    """Why rows and total differ (from the data), shares, small numbers, definitions, editions."""
    lang, fra, til = state.lang, state["fra"], state["til"]
    notes: list[str] = []
    differing = tc.differences()
    if differing:
        year, computed, total = differing[-1]
        notes.append(
            t(f"geografi.diff.{measure}", lang).format(
                y=year, s=format_number(computed, 0, lang), p=format_number(total, 0, lang)
            )
        )
    if state["visning"] == "andel":
        notes.append(t("geografi.share.note", lang))
    notes.append(t("geografi.definitions", lang))
    notes += _edition_notes(rows, rows[rows["preferred"]], measure, lang)
    if tc.years[0] > fra or tc.years[-1] < til:
        have = years_text(tc.years)
        notes.append(t("geografi.years.partial", lang).format(fra=fra, til=til, have=have))
    return notes


def _residence_summary(tc: ResidenceTable, title: str, share_view: bool, lang: str) -> str:
    """The text alternative: the latest year in words, with the total and the computed sum."""
    latest = tc.years[-1]
    items = []
    for row in tc.parts[tc.parts["year"] == latest].itertuples(index=False):
        if share_view:
            text = format_percent(row.share, SHARE_DECIMALS, lang) if finite(row.share) else ".."
        else:
            text = format_cell(row.value, row.status, 0, lang)
        items.append(f"{row.series} {text}")
    total, status = tc.total(latest)
    computed = tc.sum_of_rows(latest)
    return (
        f"{title}. {t('geografi.latest', lang).format(y=latest)}: "
        + "; ".join(items)
        + ". "
        + t("geografi.summary.total", lang).format(
            p=format_cell(total, status, 0, lang),
            s=".." if computed is None else format_number(computed, 0, lang),
        )
    )


def residence_chart(measure: str, result: Rows, state: ViewState) -> Shape | NoData:
    """One measure of table C: bars per year by residence, counts or computed shares."""
    lang = state.lang
    kommune, fra, til = state["kommune"], state["fra"], state["til"]
    share_view = state["visning"] == "andel"
    what = t(f"geografi.title.{measure}", lang).format(k=kommune_name(kommune, lang))
    if share_view:
        what += t("geografi.title.share", lang)

    rows = result["rows"]
    if rows.empty:
        return _no_residence_data(f"{what}, {fra}–{til}", result["everything"], state)
    shown = rows[rows["preferred"]].reset_index(drop=True)
    title = f"{what}, {years_text(shown['year'])}"
    tc = ResidenceTable.from_rows(shown, lang)

    meta = figures.ChartMeta(
        title="",
        source="",
        y_title=t("geografi.y.andel" if share_view else f"geografi.y.antall.{measure}", lang),
        lang=lang,
        decimals=SHARE_DECIMALS if share_view else 0,
    )
    # The CSV: the residence rows and the published totals (the shares' denominators).
    data = pd.concat([tc.parts, shown[shown["residence"] == "alle"]], ignore_index=True)
    data = data.sort_values("year", kind="stable")
    extra = ("share_computed_percent", "numerator", "denominator") if share_view else ()
    return Shape(
        title=title,
        subtitle=t(f"geografi.subtitle.{measure}", lang),
        figure=figures.bar_chart(_plot_frame(tc, share_view), meta, barmode="group"),
        table=_display_table(tc, share_view, lang),
        rows=data,
        csv_extra=extra,
        small=tc.parts["value"],
        summary=_residence_summary(tc, title, share_view, lang),
        notes=_residence_notes(tc, rows, measure, state),
    )


def _shows(measure: str) -> Callable[[ViewState], bool]:
    return lambda state: state["maal"] in (measure, "begge")


@chart(
    CHART_IDS["personer"],
    "geografi",
    GEO_PARAMS,
    {
        "rows": _residence_query(lambda s: [s["kommune"]], lambda s: ["personer"]),
        "everything": EVERYTHING,
    },
    shown=_shows("personer"),
)
def persons_by_residence(result: Rows, state: ViewState) -> Shape | NoData:
    """Suspected persons 10–17 by residence (scene of crime in the kommune)."""
    return residence_chart("personer", result, state)


@chart(
    CHART_IDS["anmeldelser"],
    "geografi",
    GEO_PARAMS,
    {
        "rows": _residence_query(lambda s: [s["kommune"]], lambda s: ["anmeldelser"]),
        "everything": EVERYTHING,
    },
    shown=_shows("anmeldelser"),
)
def reports_by_residence(result: Rows, state: ViewState) -> Shape | NoData:
    """Police reports with suspects 10–17 by the suspects' residence."""
    return residence_chart("anmeldelser", result, state)


def local_shares(rows: pd.DataFrame) -> pd.DataFrame:
    """Per kommune and year: suspects living in the kommune of the scene of crime.

    One row per kommune and year with the residence row as numerator, the published
    total as `denominator` and the computed `share` (NaN when either is missing).
    """
    own = rows[rows["residence"] == rows["municipality"]]
    totals = rows[rows["residence"] == "alle"][["municipality", "year", "value"]]
    own = own.merge(
        totals.rename(columns={"value": "denominator"}), on=["municipality", "year"], how="left"
    )
    shares = [_share(n, d) for n, d in zip(own["value"], own["denominator"], strict=True)]
    own["share"] = [float("nan") if s is None else s for s in shares]
    own["share_computed_percent"] = [rounded(s, SHARE_DECIMALS) for s in shares]
    own["numerator"] = own["value"]
    return own


def _no_comparison(
    title: str, with_share: list[str], everything: pd.DataFrame, lang: str
) -> NoData:
    """Fewer than two kommuner with figures: say which has them, and that others do not."""
    have = availability(everything, lang)
    if have:
        key = "nodata.only" if len(have) == 1 else "nodata.some"
        have_text = t(f"geografi.{key}", lang).format(have=list_text(have, lang))
    else:
        have_text = t("geografi.nodata.none", lang)
    missing = [kommune_name(c, lang) for c in dims.KOMMUNER if c not in with_share]
    message = t("geografi.compare.nodata", lang).format(
        have_text=have_text, missing=list_text(missing, lang)
    )
    return NoData(title, f"{message} {t('nodata.template', lang)}")


def _compared_measure(state: ViewState) -> str:
    return "anmeldelser" if state["maal"] == "anmeldelser" else "personer"


@chart(
    COMPARISON_ID,
    "geografi",
    GEO_PARAMS,
    {
        "rows": _residence_query(lambda s: list(dims.KOMMUNER), lambda s: [_compared_measure(s)]),
        "everything": EVERYTHING,
    },
    # Every kommune with a breakdown by residence side by side, always as shares.
    ignores=("kommune", "visning"),
)
def local_share_comparison(result: Rows, state: ViewState) -> Shape | NoData:
    """Across kommuner: the share of suspects who live where the offence was committed.

    Drawn only when at least two kommuner have a breakdown by residence; otherwise the
    card says which kommune has one and that the others do not (no fake comparison).
    """
    lang = state.lang
    fra, til = state["fra"], state["til"]
    measure = _compared_measure(state)
    what = t(f"geografi.compare.what.{measure}", lang)
    base_title = t("geografi.compare.title", lang).format(what=what)

    rows = result["rows"]
    rows = rows[rows["preferred"]]
    own = local_shares(rows)
    having = set(own.loc[own["share"].notna(), "municipality"])  # one pass, not one per kommune
    with_share = [c for c in dims.KOMMUNER if c in having]
    if len(with_share) < 2:
        return _no_comparison(f"{base_title}, {fra}–{til}", with_share, result["everything"], lang)

    own = own[own["municipality"].isin(with_share)].copy()
    own["series"] = label_column(own, "municipality", lang)
    title = f"{base_title}, {years_text(own['year'])}"
    frame = pd.DataFrame(
        {
            "x": own["year"].astype(int),
            "x_label": own["period"].astype(str),
            "series": own["series"],
            "value": own["share"].astype("float64"),
            "status": [None if finite(v) else ".." for v in own["share"]],
        }
    )
    meta = figures.ChartMeta(
        title="",
        source="",
        y_title=t("geografi.compare.y", lang),
        lang=lang,
        decimals=SHARE_DECIMALS,
    )

    header = t("geografi.compare.header", lang)
    periods = dict(zip(own["year"].astype(int), own["period"].astype(str), strict=False))
    columns = [periods[y] for y in sorted(periods)]
    records = []
    for name, group in own.groupby("series", sort=False):
        cells = {
            str(r.period): _share_text(
                None if not finite(r.share) else r.share, r.value, r.denominator, lang
            )
            for r in group.itertuples(index=False)
        }
        records.append({header: str(name), **{c: cells.get(c, "..") for c in columns}})
    table = pd.DataFrame.from_records(records, columns=[header, *columns])

    latest = int(frame["x"].max())
    at = frame[frame["x"] == latest]
    summary = (
        f"{title}. {t('geografi.latest', lang).format(y=latest)}: "
        + "; ".join(
            f"{s} {format_percent(v, SHARE_DECIMALS, lang) if finite(v) else '..'}"
            for s, v in zip(at["series"], at["value"], strict=True)
        )
        + "."
    )
    # The CSV: each numerator row (with its share) and the published totals it is divided by.
    totals = rows[(rows["residence"] == "alle") & rows["municipality"].isin(with_share)]
    used = pd.concat([own, totals], ignore_index=True)
    notes = [t("geografi.compare.note", lang)]
    for code in with_share:
        for _x, note in territory_breaks([code], list(own["year"]), lang):
            notes.append(t("territory.changed", lang, k=kommune_name(code, lang), note=note))
    return Shape(
        title=title,
        figure=figures.line_chart(frame, meta),
        table=table,
        rows=used.sort_values(["municipality", "year"], kind="stable"),
        csv_extra=("share_computed_percent", "numerator", "denominator"),
        small=own["value"],
        summary=summary,
        notes=notes,
    )


REPEAT_ID = "gjentatt"


@chart(
    REPEAT_ID,
    "geografi",
    GEO_PARAMS,
    Query(
        "repeat_offending",
        bind(municipality=lambda s: s["kommune"], fra=lambda s: s["fra"], til=lambda s: s["til"]),
    ),
    # One published count of repeat offenders (persons): no measure to choose, no shares.
    ignores=("maal", "visning"),
)
def repeat_offending(result: Rows, state: ViewState) -> Shape | NoData:
    """Persons with 4+ reports and their reports: in the police district and in the own kommune."""
    lang = state.lang
    k = kommune_name(state["kommune"], lang)
    rows = result["rows"]
    title_years = years_text(rows["year"]) if not rows.empty else f"{state['fra']}–{state['til']}"
    title = t("geografi.repeat.title", lang).format(k=k, years=title_years)
    if rows.empty:
        empty = t("geografi.repeat.empty", lang, k=kommune_name(state["kommune"], lang))
        return NoData(title, empty + t("nodata.template", lang))
    rows = rows.copy()
    rows["measure_label"] = label_column(rows, "measure", lang)
    rows["category_label"] = label_column(rows, "category", lang)
    several_years = rows["year"].nunique() > 1
    frame = pd.DataFrame(
        {
            "category": rows["measure_label"]
            + (" " + rows["year"].astype(str) if several_years else ""),
            "series": rows["category_label"],
            "value": rows["value"],
            "status": rows["status"],
        }
    )
    meta = figures.ChartMeta(title="", y_title=t("geografi.repeat.y", lang), lang=lang)
    table = frame.assign(
        _text=[
            format_cell(v, s, 0, lang) for v, s in zip(frame["value"], frame["status"], strict=True)
        ]
    ).pivot_table(index="series", columns="category", values="_text", aggfunc="first", sort=False)
    table = table.reset_index().rename(columns={"series": t("geografi.group", lang)})
    table.columns = [str(c) for c in table.columns]
    notes = sorted({n for n in rows["note"].dropna()})
    summary = (
        f"{title}: "
        + "; ".join(
            f"{c} – {s}: {format_number(v, 0, lang)}"
            for c, s, v in zip(frame["category"], frame["series"], frame["value"], strict=True)
            if finite(v)
        )
        + "."
    )
    return Shape(
        title=title,
        figure=figures.bar_chart(frame, meta),
        table=table,
        rows=rows,
        summary=summary,
        notes=notes,
    )


# ------------------------------------------------------------- every kommune's profile

PROFILE = Query(
    "offence_profile",
    bind(kommune=lambda s: s["kommune"], fra=lambda s: MIN_YEAR, til=lambda s: s["til"]),
)


@chart(
    "lovbruddsprofil",
    "geografi",
    GEO_PARAMS,
    {"rows": PROFILE, "available": AVAILABLE},
    # Statistics Norway's offences by scene of crime for every kommune: all ages, always as
    # rates; the latest two-year period up to the chosen end year (where it starts does
    # not change which period is the latest).
    ignores=("maal", "visning", "fra"),
)
def offence_profile(result: Rows, state: ViewState) -> Shape | NoData:
    """What kind of offences are reported in the kommune, group by group, per 1 000
    inhabitants beside Norway, each with its verdict (more than chance, or not)."""
    lang = state.lang
    k = kommune_name(state["kommune"], lang)
    rows = result["rows"]
    own = rows[(rows["role"] == "kommune") & rows["rate"].notna()]
    title = t("profile.title", lang, k=k)
    if own.empty:
        exists = what_exists(result["available"], ("anmeldte_lovbrudd_snitt",), lang)
        message = t("profile.nodata", lang, k=k)
        if exists:
            message += " " + t("trend.nodata.exists", lang, exists=exists)
        return NoData(title, message)
    latest = int(own["year"].max())
    rows = rows[rows["year"] == latest]
    period = str(rows["period"].iloc[0]).replace("-", "–")
    groups = label_column(rows, "offence_group", lang)
    verdicts = [
        f" – {t(f'verdict.{v}', lang)}" if isinstance(v, str) and role == "kommune" else ""
        for v, role in zip(rows["verdict"], rows["role"], strict=True)
    ]
    frame = pd.DataFrame(
        {
            "category": [f"{g}" for g in groups],
            "value": rows["rate"].astype("float64"),
            "lower": rows["lower"].astype("float64"),
            "upper": rows["upper"].astype("float64"),
            "role": rows["role"],
            "status": rows["rate_status"],
            "series": label_column(rows, "municipality", lang),
            "verdict": verdicts,
        }
    )
    meta = figures.ChartMeta(title="", y_title=t("comparison.axis", lang), lang=lang, decimals=1)
    table = pivot_table(
        frame.assign(
            row=frame["category"], col=frame["series"], value=frame["value"], status=frame["status"]
        ),
        "row",
        "col",
        lang,
        t("profile.group", lang),
        1,
    )
    verdict_of = {
        group: t(f"verdict.{v}", lang)
        for group, v, role in zip(groups, rows["verdict"], rows["role"], strict=True)
        if role == "kommune" and isinstance(v, str)
    }
    header = t("profile.group", lang)
    table[t("comparison.row.verdict", lang)] = [verdict_of.get(g, "") for g in table[header]]
    said = [
        f"{g.lower()} {format_number(r, 1, lang)}{v}"
        for g, r, v, role in zip(groups, rows["rate"], verdicts, rows["role"], strict=True)
        if role == "kommune" and not pd.isna(r)
    ]
    summary = t("profile.summary", lang, k=k, period=period, groups="; ".join(said))
    return Shape(
        title=title,
        subtitle=t("profile.subtitle", lang, period=period),
        figure=figures.rate_chart(frame, meta),
        table=table,
        rows=rows,
        csv_extra=(
            "population",
            "population_period",
            "rate",
            "lower",
            "upper",
            "benchmark",
            "verdict",
        ),
        summary=summary,
        notes=[
            t("comparison.note.formula", lang),
            t("comparison.note.verdict", lang),
            t("comparison.note.overlap", lang),
        ],
    )
