"""Charts of the trend page (/trend): youth crime over time, and the kommune comparison.

Each function only reshapes the rows of its declared query (the registry runs it) into
a pure figure, a table and a summary. No Dash here, so every chart is unit-testable.
"""

from __future__ import annotations

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
    events_for,
    label_column,
    latest_values,
    line_frame,
    pivot_table,
    what_exists,
)
from dashboard.dimensions import kommune_name
from dashboard.state import KOMMUNE, LANG, Param, ViewState, years
from dashboard.words import t
from dashboard.words.numbers import format_cell, format_number, list_text, years_text

#: The police's offence groups (tables G and H) a visitor can pick, plus "alle".
OFFENCE_CHOICES = (
    "alle",
    "annen",
    "narkotika",
    "seksuallovbrudd",
    "skadeverk",
    "trafikk",
    "vinning",
    "vold",
    "okonomi",
)


def _offence_name(code: str, lang: str) -> str:
    if code == "alle":
        return t("choice.lovbrudd.alle", lang)
    group = dims.OFFENCE_GROUPS[code]
    return group.en if lang == "en" else group.nb


TREND_PARAMS = (
    LANG,
    KOMMUNE,
    Param("maal", ("anmeldelser", "personer", "forhold"), "anmeldelser", label="legend.maal"),
    Param("sted", ("gjerningssted", "bosted"), "gjerningssted", label="legend.sted"),
    Param(
        "alder",
        ("alle", "10-14", "15-17", "10-17", "18-22"),
        "alle",
        label="legend.alder",
        offered=("alle", "10-14", "15-17", "18-22"),  # 10-17 is "alle" (10–17) by another name
    ),
    Param(
        "kjonn",
        ("alle", "jenter", "gutter"),
        "alle",
        label="legend.kjonn",
        applies=lambda v: v.get("maal") != "forhold",
        reason="trend.kjonn.not_for_forhold",
    ),
    Param(
        "lovbrudd",
        OFFENCE_CHOICES,
        "alle",
        label="trend.lovbrudd",
        option=_offence_name,
        applies=lambda v: v.get("maal") == "forhold",
        reason="trend.lovbrudd.only_forhold",
    ),
    Param(
        "sammenlign",
        ("baerum", "asker", "oslo", "norge"),
        ("baerum", "asker", "oslo", "norge"),
        multi=True,
        label="trend.sammenlign",
        option=kommune_name,
    ),
    Param(
        "visning",
        ("antall", "per1000"),
        "per1000",
        label="trend.visning",  # it sets the comparison only: the label says so
        offered=("per1000", "antall"),
    ),
    *years(
        2010,
        2024,
        years_of=("anmeldelser", "personer", "forhold", "anmeldte_lovbrudd_snitt"),
    ),
)


YOUTH_MEASURES = ("anmeldelser", "personer", "forhold")


def _no_youth_data(title: str, state: ViewState, what: str, available: pd.DataFrame) -> NoData:
    """No figures for the choice: say so, and what youth-crime figures exist (from the data)."""
    lang = state.lang
    exists = what_exists(available, YOUTH_MEASURES, lang)
    message = t("trend.nodata.none", lang, what=what)
    if exists:
        message += " " + t("trend.nodata.exists", lang, exists=exists)
    return NoData(title, message + " " + t("nodata.template", lang))


def _youth_query(state: ViewState) -> str:
    return "trend_offences" if state["maal"] == "forhold" else "trend_age_sex"


def _youth_ages(state: ViewState) -> list[str]:
    return {"alle": ["10-14", "15-17"], "10-17": ["10-14", "15-17"]}.get(
        state["alder"], [state["alder"]]
    )


YOUTH_QUERY = Query(
    _youth_query,
    bind(
        measure=lambda s: s["maal"],
        place_role=lambda s: s["sted"],
        municipality=lambda s: s["kommune"],
        age_groups=_youth_ages,
        age_group=lambda s: "10-17" if s["alder"] == "alle" else s["alder"],
        sexes=lambda s: ["jenter", "gutter"] if s["kjonn"] == "alle" else [s["kjonn"]],
        offence_group=lambda s: s["lovbrudd"],
        fra=lambda s: s["fra"],
        til=lambda s: s["til"],
    ),
)


@chart(
    "utvikling",
    "trend",
    TREND_PARAMS,
    {"rows": YOUTH_QUERY, "available": AVAILABLE},
    ignores=("sammenlign", "visning"),  # they set the comparison chart below
)
def trend_chart(result: Rows, state: ViewState) -> Shape | NoData:
    """Youth crime over time: reports/persons by age and sex, or offences by group."""
    lang = state.lang
    kommune, maal, sted = state["kommune"], state["maal"], state["sted"]
    alder, fra, til = state["alder"], state["fra"], state["til"]
    k = kommune_name(kommune, lang)
    place = t(f"trend.place.{sted}", lang).format(k=k)

    if maal == "forhold":
        age = "10-17" if alder == "alle" else alder
        title = t("trend.title.forhold", lang, age=age.replace("-", "–"), k=k) + f", {fra}–{til}"
        if sted == "bosted" or age not in ("10-17", "18-22"):
            return _no_youth_data(
                title, state, t("trend.offences_by_residence_or", lang), result["available"]
            )
        rows = result["rows"]
        if rows.empty:
            return _no_youth_data(title, state, f"{k}, {fra}–{til}", result["available"])
        group = label_column(rows, "offence_group", lang)
        sub = label_column(rows, "offence_subgroup", lang)
        rows["series"] = [
            (s if code != "alle" else g)
            if state["lovbrudd"] != "alle"
            else (g if g_code != "alle" else t("trend.total_published", lang))
            for g, s, g_code, code in zip(
                group, sub, rows["offence_group"], rows["offence_subgroup"], strict=True
            )
        ]
        notes = [t("trend.not_comparable_2015", lang)]
        breaks: tuple[tuple[float, str], ...] = ((2015.5, t("trend.new_penal_code", lang)),)
    else:
        ages = _youth_ages(state)
        # A readable sentence per measure and population ("Mistenkte personer 10–17 år
        # bosatt i Bærum", not "Mistenkte personer for mistenkte …").
        title = t(f"trend.title.{maal}.{sted}", lang, k=k) + f", {fra}–{til}"
        if "18-22" in ages:
            return _no_youth_data(
                title, state, t("trend.ages_18_22_for", lang), result["available"]
            )
        rows = result["rows"]
        if rows.empty:
            return _no_youth_data(
                title,
                state,
                f"{t(f'trend.measure.{maal}', lang).lower()} {place}, {fra}–{til}",
                result["available"],
            )
        rows["series"] = (
            label_column(rows, "age_group", lang) + " – " + label_column(rows, "sex", lang)
        )
        notes, breaks = [], ()

    # The title names the years actually shown, not the years asked for.
    title = title.removesuffix(f", {fra}–{til}") + f", {years_text(rows['year'])}"
    frame = line_frame(rows)
    notes += sorted({n for n in rows["note"].dropna()})
    meta = figures.ChartMeta(
        title="",  # the card shows title and source in HTML
        y_title=t(f"trend.unit.{maal}", lang),
        lang=lang,
        events=events_for(lang),
        breaks=breaks,
    )
    year_header = t("trend.series", lang)
    table = pivot_table(frame.assign(col=frame["x_label"]), "series", "col", lang, year_header)
    last = latest_values(frame, lang)
    summary = ""
    if last is not None:
        summary = f"{title}. " + t("trend.latest_year", lang) + f" ({last[0]}): {last[1]}."
    return Shape(
        title=title,
        figure=figures.line_chart(frame, meta),
        table=table,
        rows=rows,
        summary=summary,
        notes=notes,
    )


RATES_QUERY = Query(
    "rates",
    bind(
        municipalities=lambda s: list(s["sammenlign"]),
        fra=lambda s: s["fra"],
        til=lambda s: s["til"],
    ),
)


@chart(
    "sammenligning",
    "trend",
    TREND_PARAMS,
    {"rows": RATES_QUERY, "available": AVAILABLE},
    # SSB's reported offences: all ages, both sexes, every offence, by scene of crime; the
    # kommuner drawn are the ones chosen under "sammenlign".
    ignores=("kommune", "maal", "sted", "alder", "kjonn", "lovbrudd"),
)
def comparison_chart(result: Rows, state: ViewState) -> Shape | NoData:
    """Reported offences by scene of crime across kommuner: counts or per 1 000 (computed)."""
    lang = state.lang
    chosen = list(state["sammenlign"])
    per1000 = state["visning"] == "per1000"
    rows = result["rows"]
    names = ", ".join(kommune_name(c, lang) for c in chosen)
    what = t("trend.reported_offences_by_scene", lang)
    unit = t("trend.unit.per1000" if per1000 else "trend.unit.per_year", lang)
    title = f"{what}{unit}: {names}"
    if not per1000:
        rows = rows[~rows["published_rate"]]
    rows = rows.copy()
    if per1000 and not rows.empty:
        computed = ~rows["published_rate"]
        rows["value_shown"] = rows["rate"]
        rows.loc[computed & rows["rate"].isna(), "status_shown"] = ".."
        rows["status_shown"] = rows.get("status_shown").where(rows["rate"].isna(), None)
        # Norway has no population in the warehouse: its computed rows are not shown,
        # its published rate is.
        rows = rows[~(computed & (rows["municipality"] == "norge"))]
    else:
        rows["value_shown"] = rows["value"]
        rows["status_shown"] = rows["status"]
    have = [c for c in chosen if c in set(rows["municipality"])]

    def exists() -> str:
        """' Tall finnes for …' read from the warehouse; its query runs only when needed."""
        found = what_exists(result["available"], ("anmeldte_lovbrudd_snitt",), lang)
        return " " + t("trend.nodata.exists", lang, exists=found) if found else ""

    if not [c for c in have if c != "norge"]:
        # Norway alone is a benchmark, not a comparison: say what exists instead.
        message = t("trend.nodata.choice", lang) + exists()
        return NoData(title, message + " " + t("nodata.template", lang))
    lacking = [kommune_name(c, lang) for c in chosen if c not in have]
    names = ", ".join(kommune_name(c, lang) for c in have)
    title = f"{what}{unit}: {names}"
    rows["series"] = label_column(rows, "municipality", lang)
    frame = line_frame(rows, value="value_shown", status="status_shown")
    notes = [t("trend.rate_note", lang)] if per1000 else []
    if lacking:
        period = years_text([state["fra"], state["til"]])
        missing = t("trend.comparison.lacking", lang, areas=list_text(lacking, lang), period=period)
        notes.insert(0, missing + exists())
    notes.append(t("trend.asker_from_2020_includes", lang))
    notes.append(t("trend.statistics_norway_figures_via", lang))
    decimals = 1 if per1000 else 0
    population_sources = sorted(set(rows["population_publication"].dropna())) if per1000 else []
    breaks: tuple[tuple[float, str], ...] = ()
    asker_years = frame.loc[rows["municipality"].to_numpy() == "asker", "x"]
    if not asker_years.empty and asker_years.min() < 2020 <= asker_years.max():
        breaks = (
            (
                2019.5,
                t("trend.asker_new_area_from", lang),
            ),
        )
    meta = figures.ChartMeta(
        title="",  # the card shows title and source in HTML
        breaks=breaks,
        y_title=t("trend.per_1_000_inhabitants", lang)
        if per1000
        else t("trend.offences_per_year", lang),
        lang=lang,
        decimals=decimals,
        events=events_for(lang),
    )
    table = pivot_table(
        frame.assign(col=frame["x_label"]),
        "series",
        "col",
        lang,
        t("trend.area", lang),
        decimals,
    )
    # Periods in time order (Norway's published rate is for an earlier period).
    table = table[[table.columns[0], *sorted(table.columns[1:])]]
    if per1000:
        table = _with_numerator_and_denominator(table, rows, lang)
    return Shape(
        title=title,
        figure=figures.line_chart(frame, meta),
        table=table,
        rows=rows,
        csv_extra=("population", "population_period", "population_code", "rate", "published_rate")
        if per1000
        else (),
        source_extra=population_sources,
        summary=f"{title}, {years_text(frame['x'])}.",
        notes=notes,
    )


def _with_numerator_and_denominator(
    rates: pd.DataFrame, rows: pd.DataFrame, lang: str
) -> pd.DataFrame:
    """The rate table with, under each computed rate, the numerator and denominator used."""
    header = rates.columns[0]
    periods = list(rates.columns[1:])
    out = []
    for area, group in rows.groupby("series", sort=False):
        rate_row = rates[rates[header] == area]
        published = bool(group["published_rate"].all())
        key = "published" if published else "rate"
        out.append(
            [t(f"trend.rate_parts.{key}", lang).format(a=area), *rate_row.iloc[0, 1:].tolist()]
        )
        if published:
            continue
        by_period = {str(r.period): r for r in group.itertuples(index=False)}
        for part, column, status_column in (
            ("numerator", "value", "status"),
            ("denominator", "population", "population_status"),
        ):
            cells = []
            for period in periods:
                r = by_period.get(period)
                cells.append(
                    ""
                    if r is None
                    else format_cell(getattr(r, column), getattr(r, status_column), 0, lang)
                )
            out.append([t(f"trend.rate_parts.{part}", lang).format(a=area), *cells])
    return pd.DataFrame(out, columns=rates.columns)


# ------------------------------------------------------------- every kommune's series

YOUTH_SERIES = Query(
    "youth_series",
    bind(municipality=lambda s: s["kommune"], fra=lambda s: s["fra"], til=lambda s: s["til"]),
)


def _series_name(row: dict, lang: str) -> str:
    """'Mistenkte personer 10–17 år' / 'Unge gjengangere …, under 18 år' from the labels."""
    suffix = "en" if lang == "en" else "nb"
    age = row[f"age_group_{suffix}"]
    name = f"{row[f'measure_{suffix}']} {age[:1].lower()}{age[1:]}"
    if row["category"] != "alle":
        name += f" – {row[f'category_{suffix}']}"
    return name


@chart(
    "ungdomsserier",
    "trend",
    TREND_PARAMS,
    {"rows": YOUTH_SERIES, "available": AVAILABLE},
    # Every published total of the kommune, each series as its source defines it: no
    # breakdown to choose, and no comparison.
    ignores=("maal", "sted", "alder", "kjonn", "lovbrudd", "sammenlign", "visning"),
)
def youth_series(result: Rows, state: ViewState) -> Shape | NoData:
    """Every published youth-crime total of the kommune by place of offence, from any source.

    One line per series (what is counted, age group, definition), never summed or mixed:
    for Bærum the SLT reports' totals, for Oslo the SaLTo report's series as quoted.
    """
    lang = state.lang
    k = kommune_name(state["kommune"], lang)
    rows = result["rows"]
    if rows.empty:
        title = t("trend.series.title", lang, k=k, years=f"{state['fra']}–{state['til']}")
        return _no_youth_data(title, state, k, result["available"])
    rows = rows.assign(series_name=[_series_name(r, lang) for r in rows.to_dict("records")])
    title = t("trend.series.title", lang, k=k, years=years_text(rows["year"]))
    frame = line_frame(rows, series="series_name")
    # A year inside a series that its source did not publish is "..": the line breaks
    # there instead of drawing across the gap as if the year had a value.
    gaps = [
        {"x": year, "x_label": str(year), "series": name, "value": float("nan"), "status": ".."}
        for name, years in frame.groupby("series")["x"]
        for year in range(int(years.min()), int(years.max()) + 1)
        if year not in set(years)
    ]
    if gaps:
        frame = pd.concat([frame, pd.DataFrame(gaps)], ignore_index=True).sort_values("x")
    meta = figures.ChartMeta(
        title="", y_title=t("trend.series.y", lang), lang=lang, events=events_for(lang)
    )
    table = pivot_table(
        frame.assign(col=frame["x_label"]), "series", "col", lang, t("trend.series.row", lang)
    )
    years_cols = sorted(table.columns[1:])
    # A year a series was not published for is "not available" (..), never blank or 0.
    table = table[[table.columns[0], *years_cols]].replace({c: {"": ".."} for c in years_cols})
    families = list(dict.fromkeys(rows[f"source_family_{'en' if lang == 'en' else 'nb'}"]))
    latest = frame.dropna(subset=["value"]).sort_values("x").groupby("series").tail(1)
    summary = (
        f"{title}. "
        + "; ".join(
            f"{s} {format_number(v, 0, lang)} ({int(x)})"
            for s, v, x in zip(latest["series"], latest["value"], latest["x"], strict=True)
        )
        + "."
    )
    return Shape(
        title=title,
        subtitle=t("trend.series.subtitle", lang, sources=", ".join(families)),
        figure=figures.line_chart(frame, meta),
        table=table,
        rows=rows,
        summary=summary,
        # Each row's own note (where it was quoted, which line of the source) is in the CSV;
        # the card says what all of them share.
        notes=[t("trend.series.note", lang), t("trend.series.row_notes", lang)],
    )
