"""Charts of the alder og kjønn page: young suspects by age group and sex over the years.

Three published tables, each with the four cells 10–14 / 15–17 × jenter / gutter and no
printed total: reports by scene of crime (table A, 2013–2020), reports by residence
(table B, 2013–2020) and persons by scene of crime (table I, 2010–2019). Counts are
drawn as lines (four series over up to eleven years read better as lines than as 44
bars); shares are stacked bars, honest there because they add up to 100 %. A share is
computed from the four cells of one year and says so; a year with a missing cell gets
no share, since its sum would be too small.
"""

from __future__ import annotations

import pandas as pd

from dashboard import dimensions as dims
from dashboard import figures
from dashboard.charts.registry import (
    NoData,
    Query,
    Rows,
    Shape,
    bind,
    chart,
    finite,
    label_column,
    latest_values,
    line_frame,
    pivot_table,
    territory_breaks,
)
from dashboard.dimensions import kommune_name
from dashboard.state import KOMMUNE, LANG, MIN_YEAR, Param, ViewState, max_year, years
from dashboard.words import t
from dashboard.words.numbers import (
    SHARE_DECIMALS,
    format_cell,
    format_number,
    format_percent,
    rounded,
    years_text,
)

CHART_ID = "alder-kjonn"
MEASURE_CHOICES = ("anmeldelser", "personer")
PLACE_CHOICES = ("gjerningssted", "bosted")
#: The CSV's (programs') description of a share's denominator; Excel says it in words.
DENOMINATOR_DEFINITION = "sum of the four age x sex groups (computed)"

AGE_PARAMS = (
    LANG,
    KOMMUNE,
    Param("maal", MEASURE_CHOICES, "anmeldelser", label="legend.maal"),
    Param("sted", PLACE_CHOICES, "gjerningssted", label="legend.sted"),
    Param("visning", ("antall", "andel"), "antall", label="legend.visning"),
    *years(years_of=MEASURE_CHOICES),
)


#: The chosen kommune, measure and population in the chosen years.
ROWS = Query(
    "age_sex",
    bind(
        municipalities=lambda s: [s["kommune"]],
        measures=lambda s: [s["maal"]],
        place_roles=lambda s: [s["sted"]],
        fra=lambda s: s["fra"],
        til=lambda s: s["til"],
    ),
)
#: Everything by age and sex, for saying what exists when the choice has nothing.
EVERYTHING = Query(
    "age_sex",
    bind(
        municipalities=lambda s: list(dims.KOMMUNER),
        measures=lambda s: list(MEASURE_CHOICES),
        place_roles=lambda s: list(PLACE_CHOICES),
        fra=lambda s: MIN_YEAR,
        til=lambda s: max_year(),
    ),
)


def availability(everything: pd.DataFrame, lang: str) -> list[str]:
    """What exists by age and sex, read from the warehouse (so imports show up here).

    E.g. ["Bærum: anmeldelser, gjerningssted 2013–2020 (SLT årsrapport 2020 – …)", …].
    """
    out: list[str] = []
    for (municipality, measure, place), group in everything.groupby(
        ["municipality", "measure", "place_role"], sort=False
    ):
        publications = ", ".join(dict.fromkeys(group["publication"]))
        out.append(
            f"{kommune_name(municipality, lang)}: {t(f'alder_og_kjonn.measure.{measure}', lang)}, "
            f"{t(f'alder_og_kjonn.place.{place}', lang)} {years_text(group['year'])} ({publications})"
        )
    return out


def _no_age_sex_data(title: str, everything: pd.DataFrame, state: ViewState) -> NoData:
    """Say what is missing (kommune, measure × place, or years) and what exists instead."""
    lang = state.lang
    kommune, maal, sted = state["kommune"], state["maal"], state["sted"]
    k = kommune_name(kommune, lang)
    mine = everything[everything["municipality"] == kommune]
    if mine.empty:
        lead = t("alder_og_kjonn.nodata.kommune", lang).format(k=k)
    elif mine[(mine["measure"] == maal) & (mine["place_role"] == sted)].empty:
        measure = t(f"alder_og_kjonn.measure.{maal}", lang)
        lead = t("alder_og_kjonn.nodata.combination", lang).format(
            measure=measure[:1].upper() + measure[1:],
            place=t(f"alder_og_kjonn.place.{sted}", lang),
            k=k,
        )
    else:
        lead = t("alder_og_kjonn.nodata.years", lang).format(
            k=k, fra=state["fra"], til=state["til"]
        )
    have = availability(everything, lang)
    exists = (
        t("alder_og_kjonn.nodata.exists", lang).format(have="; ".join(have))
        if have
        else t("alder_og_kjonn.nodata.none", lang)
    )
    return NoData(title, f"{lead} {exists} {t('nodata.template', lang)}")


def with_shares(rows: pd.DataFrame) -> pd.DataFrame:
    """Add each cell's computed share of its year's four cells, with numerator and denominator.

    The denominator is the computed sum of the four age × sex cells; a year with a missing
    cell (or fewer than four cells) has no denominator and hence no shares.
    """
    out = rows.copy()
    complete: dict[int, float | None] = {}
    for year, group in out.groupby("year"):
        values = group["value"]
        complete[int(year)] = (
            float(values.sum()) if len(values) == 4 and values.notna().all() else None
        )
    denominators = [complete[int(y)] for y in out["year"]]
    shares = [
        float(n) / d * 100 if finite(n) and d else None
        for n, d in zip(out["value"], denominators, strict=True)
    ]
    out["share"] = [float("nan") if s is None else s for s in shares]
    out["share_computed_percent"] = [rounded(s, SHARE_DECIMALS) for s in shares]
    out["numerator"] = out["value"]
    out["denominator"] = denominators
    out["denominator_definition"] = DENOMINATOR_DEFINITION
    return out


def series_labels(rows: pd.DataFrame, lang: str) -> pd.Series:
    """'Jenter 10–14' / 'Girls 10–14': short enough for one line as a direct line label."""
    ages = rows["age_group"].str.replace("-", "–", regex=False)
    return label_column(rows, "sex", lang) + " " + ages


def _display_table(rows: pd.DataFrame, share_view: bool, lang: str) -> pd.DataFrame:
    """One row per age × sex group and a computed-sum row; one column per year."""
    header = t("alder_og_kjonn.row.header", lang)
    year_list = sorted(int(y) for y in rows["year"].unique())
    periods = dict(zip(rows["year"].astype(int), rows["period"].astype(str), strict=False))
    columns = [periods[y] for y in year_list]
    of = t("alder_og_kjonn.of", lang)
    records: list[dict[str, str]] = []
    for name, group in rows.groupby("series", sort=False):
        record = {header: str(name)}
        by_year = {int(r.year): r for r in group.itertuples(index=False)}
        for year, column in zip(year_list, columns, strict=True):
            row = by_year.get(year)
            if row is None:
                record[column] = ".."
            elif share_view and finite(row.share):
                record[column] = (
                    f"{format_percent(row.share, SHARE_DECIMALS, lang)} "
                    f"({format_number(row.value, 0, lang)} {of} "
                    f"{format_number(row.denominator, 0, lang)})"
                )
            elif share_view and finite(row.value):
                record[column] = ".."  # the year has a missing group: no share
            else:
                record[column] = format_cell(row.value, row.status, 0, lang)
        records.append(record)
    sum_record = {header: t("alder_og_kjonn.row.sum", lang)}
    for year, column in zip(year_list, columns, strict=True):
        denominator = rows.loc[rows["year"] == year, "denominator"].iloc[0]
        sum_record[column] = format_number(denominator, 0, lang) if finite(denominator) else ".."
    records.append(sum_record)
    return pd.DataFrame.from_records(records, columns=[header, *columns])


def _notes(rows: pd.DataFrame, state: ViewState) -> list[str]:
    lang, fra, til = state.lang, state["fra"], state["til"]
    notes: list[str] = []
    if state["visning"] == "andel":
        notes.append(t("alder_og_kjonn.share.note", lang))
    if state["maal"] == "anmeldelser":
        notes.append(t("alder_og_kjonn.sum.anmeldelser", lang))
    have = sorted(int(y) for y in rows["year"].unique())
    if have[0] > fra or have[-1] < til:
        notes.append(
            t("alder_og_kjonn.years.partial", lang).format(fra=fra, til=til, have=years_text(have))
        )
    return notes


def _summary(rows: pd.DataFrame, title: str, share_view: bool, lang: str) -> str:
    """The text alternative: the latest year's four groups in words."""
    latest = int(rows["year"].max())
    items = []
    for row in rows[rows["year"] == latest].itertuples(index=False):
        if share_view:
            text = format_percent(row.share, SHARE_DECIMALS, lang) if finite(row.share) else ".."
        else:
            text = format_cell(row.value, row.status, 0, lang)
        items.append(f"{row.series} {text}")
    return (
        f"{title}. {t('alder_og_kjonn.latest', lang).format(y=latest)}: " + "; ".join(items) + "."
    )


def _subtitle(maal: str, sted: str, lang: str) -> str:
    """What is counted and which population, from the dimension descriptions."""
    measure, place = dims.MEASURES[maal], dims.PLACE_ROLES[sted]
    if lang == "en":
        return f"{measure.description_en} {place.description_en}"
    return f"{measure.description_nb} {place.description_nb}"


@chart(CHART_ID, "alder_og_kjonn", AGE_PARAMS, {"rows": ROWS, "everything": EVERYTHING})
def age_sex_chart(result: Rows, state: ViewState) -> Shape | NoData:
    """10–14 / 15–17 × girls / boys over the years: counts as lines, shares as stacked bars."""
    lang = state.lang
    kommune, maal, sted = state["kommune"], state["maal"], state["sted"]
    fra, til = state["fra"], state["til"]
    share_view = state["visning"] == "andel"
    what = t(f"alder_og_kjonn.title.{maal}.{sted}", lang).format(k=kommune_name(kommune, lang))
    if share_view:
        what += t("alder_og_kjonn.title.share", lang)

    rows = result["rows"]
    if rows.empty:
        return _no_age_sex_data(f"{what}, {fra}–{til}", result["everything"], state)
    rows = with_shares(rows)
    rows["series"] = series_labels(rows, lang)
    title = f"{what}, {years_text(rows['year'])}"

    if share_view:
        frame = pd.DataFrame(
            {
                "category": rows["period"].astype(str),
                "series": rows["series"],
                "value": rows["share"].astype("float64"),
                "status": [
                    None if finite(v) else (st if isinstance(st, str) and st else "..")
                    for v, st in zip(rows["share"], rows["status"], strict=True)
                ],
            }
        )
        meta = figures.ChartMeta(
            title="",
            source="",
            y_title=t("alder_og_kjonn.y.andel", lang),
            lang=lang,
            decimals=SHARE_DECIMALS,
        )
        figure = figures.bar_chart(frame, meta, barmode="stack")
    else:
        frame = line_frame(rows)
        meta = figures.ChartMeta(
            title="", source="", y_title=t(f"alder_og_kjonn.y.antall.{maal}", lang), lang=lang
        )
        figure = figures.line_chart(frame, meta)

    extra = (
        ("share_computed_percent", "numerator", "denominator", "denominator_definition")
        if share_view
        else ()
    )
    return Shape(
        title=title,
        subtitle=_subtitle(maal, sted, lang),
        figure=figure,
        table=_display_table(rows, share_view, lang),
        rows=rows,
        csv_extra=extra,
        summary=_summary(rows, title, share_view, lang),
        notes=_notes(rows, state),
    )


# ---------------------------------------------------------------- population by age

POPULATION = Query(
    "population_by_age",
    bind(municipality=lambda s: s["kommune"], fra=lambda s: s["fra"], til=lambda s: s["til"]),
)


@chart(
    "befolkning-alder",
    "alder_og_kjonn",
    AGE_PARAMS,
    POPULATION,
    # The population is the same whatever is counted, where, or shown how: it is who the
    # page's figures are about.
    ignores=("maal", "sted", "visning"),
)
def population_by_age(result: Rows, state: ViewState) -> Shape | NoData:
    """The young population by age group on 1 January (SSB): who the figures are about."""
    lang = state.lang
    k = kommune_name(state["kommune"], lang)
    rows = result["rows"]
    if rows.empty:
        title = t("alder_og_kjonn.population.title", lang, k=k, years="")
        return NoData(title.rstrip(", "), t("alder_og_kjonn.population.none", lang))
    title = t("alder_og_kjonn.population.title", lang, k=k, years=years_text(rows["year"]))
    rows = rows.assign(series=label_column(rows, "age_group", lang))
    frame = line_frame(rows, label="year")
    notes = [t("alder_og_kjonn.population.note", lang)]
    # A kommune whose territory changed inside the years drawn (Asker 2020): a break, and
    # the code list's own words for what changed.
    breaks = territory_breaks([state["kommune"]], list(frame["x"]), lang)
    notes += [t("territory.changed", lang, k=k, note=note) for _x, note in breaks]
    meta = figures.ChartMeta(
        title="", y_title=t("alder_og_kjonn.population.y", lang), lang=lang, breaks=tuple(breaks)
    )
    table = pivot_table(
        frame.assign(col=frame["x_label"]), "series", "col", lang, t("legend.alder", lang)
    )
    last = latest_values(frame, lang)
    summary = f"{title}. {last[0]}: {last[1]}." if last else f"{title}."
    return Shape(
        title=title,
        figure=figures.line_chart(frame, meta),
        table=table,
        rows=rows,
        summary=summary,
        notes=notes,
        small=pd.Series(dtype=float),  # populations in the thousands: no small-number check
    )
