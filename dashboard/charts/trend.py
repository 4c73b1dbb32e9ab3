"""Charts of the trend page (/trend): youth crime over time, and the kommune comparison.

Each function only reshapes the rows of its declared query (the registry runs it) into
a pure figure, a table and a summary. No Dash here, so every chart is unit-testable.
"""

from __future__ import annotations

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
    breaks_of,
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


def _ssb_groups() -> tuple[str, ...]:
    """'alle' and Statistics Norway's offence groups (the code list marks them `ssb_`)."""
    return ("alle", *(c for c in dims.OFFENCE_GROUPS if c.startswith("ssb_")))


def _offence_name(code: str, lang: str) -> str:
    if code == "alle":
        return t("choice.lovbrudd.alle", lang)
    group: dims.Code = dims.OFFENCE_GROUPS[code]
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
        "gruppe",
        _ssb_groups,
        "alle",
        label="comparison.gruppe",
        option=_offence_name,
    ),
    *years(years_of=("anmeldelser", "personer", "forhold", "anmeldte_lovbrudd_snitt")),
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
    ignores=("gruppe",),  # it sets the comparison chart below
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
        changes = [e for e in dims.active().events if "offence_group" in e.breaks]
        notes = [
            t("trend.penal_code_change", lang, event=e.en if lang == "en" else e.nb, date=e.date)
            for e in changes
        ]
        breaks: tuple[tuple[float, str], ...] = breaks_of("offence_group", lang)
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


COMPARISON = Query(
    "comparison",
    bind(
        kommune=lambda s: s["kommune"],
        offence_group=lambda s: s["gruppe"],
        fra=lambda s: s["fra"],
        til=lambda s: s["til"],
    ),
)
#: The computed columns a comparison's CSV carries beside each published count.
COMPARISON_COLUMNS = (
    "population",
    "population_period",
    "rate",
    "lower",
    "upper",
    "benchmark",
    "verdict",
    "role",
)


@chart(
    "sammenligning",
    "trend",
    TREND_PARAMS,
    {"rows": COMPARISON, "available": AVAILABLE},
    # Statistics Norway's reported offences: all ages, both sexes, by scene of crime; the
    # youth breakdowns of the page are the police's and do not exist for every kommune.
    ignores=("maal", "sted", "alder", "kjonn", "lovbrudd"),
)
def comparison_chart(result: Rows, state: ViewState) -> Shape | NoData:
    """A kommune's reported offences per 1 000 inhabitants beside its peers and Norway, for
    the latest period with a figure, and whether it differs from Norway by more than chance."""
    lang = state.lang
    kommune, group = state["kommune"], state["gruppe"]
    k = kommune_name(kommune, lang)
    rows = result["rows"]
    group_name = _offence_name(group, lang)
    title = (
        t("comparison.title", lang, k=k)
        if group == "alle"
        else t("comparison.title.group", lang, k=k, group=group_name.lower())
    )
    own = rows[rows["role"] == "kommune"]
    rated = own[own["rate"].notna()]
    if own.empty:
        period = years_text([state["fra"], state["til"]])
        exists = what_exists(result["available"], ("anmeldte_lovbrudd_snitt",), lang)
        message = t("comparison.nodata", lang, k=k, period=period)
        if exists:
            message += " " + t("trend.nodata.exists", lang, exists=exists)
        return NoData(title, message + " " + t("nodata.template", lang))
    latest = int((rated if not rated.empty else own)["year"].max())
    at = rows[rows["year"] == latest].copy()
    period = str(at["period"].iloc[0]).replace("-", "–")
    peers = at[at["role"] == "sammenligning"].sort_values("rate", ascending=False)
    ordered = pd.concat([at[at["role"] == "kommune"], peers, at[at["role"] == "land"]])
    verdicts = {
        r["municipality"]: t(f"verdict.short.{r['verdict']}", lang)
        for r in ordered.to_dict("records")
        if isinstance(r["verdict"], str)
    }
    names = label_column(ordered, "municipality", lang)
    frame = pd.DataFrame(
        {
            "category": [
                f"{name} ({verdicts[code]})" if code in verdicts else name
                for name, code in zip(names, ordered["municipality"], strict=True)
            ],
            "value": ordered["rate"].astype("float64"),
            "lower": ordered["lower"].astype("float64"),
            "upper": ordered["upper"].astype("float64"),
            "role": ordered["role"],
            "status": ordered["rate_status"],
        }
    )
    basis = peers["basis"].dropna()
    if not basis.empty and basis.iloc[0] != "befolkning":
        peer_group = _peer_group_name(str(basis.iloc[0]), lang)
        subtitle = t("comparison.subtitle.group", lang, period=period, group=peer_group)
        peer_note = t("comparison.note.peers.group", lang, group=peer_group)
    else:
        year = int(peers["basis_year"].dropna().iloc[0]) if not peers.empty else latest
        subtitle = t("comparison.subtitle.nearest", lang, period=period, n=len(peers), year=year)
        peer_note = t("comparison.note.peers.nearest", lang, n=len(peers), year=year)
    summary = _comparison_sentence(k, ordered, period, lang)
    notes = [
        t("comparison.note.formula", lang),
        t("comparison.note.verdict", lang),
        t("comparison.note.overlap", lang),
        peer_note,
    ]
    for code in dict.fromkeys(rows["municipality"]):
        for _year, note in dims.territory_breaks(str(code)):
            notes.append(t("territory.changed", lang, k=kommune_name(str(code), lang), note=note))
    meta = figures.ChartMeta(title="", y_title=t("comparison.axis", lang), lang=lang, decimals=1)
    table = _comparison_table(rows, lang)
    population_sources = sorted(set(rows["population_publication"].dropna()))
    return Shape(
        title=title,
        subtitle=subtitle,
        figure=figures.rate_chart(frame, meta),
        table=table,
        rows=rows,
        csv_extra=COMPARISON_COLUMNS,
        source_extra=population_sources,
        summary=summary,
        notes=notes,
    )


def _peer_group_name(code: str, lang: str) -> str:
    group = next((g for g in dims.active().peer_groups if g.code == code), None)
    return code if group is None else (group.en if lang == "en" else group.nb)


def _comparison_sentence(k: str, ordered: pd.DataFrame, period: str, lang: str) -> str:
    """'Lillestrøm: 45,2 anmeldte lovbrudd per 1 000 innbyggere i 2022–2023 (snitt av to år),
    lavere enn landet (landet: 52,3). Lignende kommuner: …'"""
    own = ordered[ordered["role"] == "kommune"].iloc[0]
    if pd.isna(own["rate"]):
        return t("comparison.sentence.missing", lang, k=k, period=period, symbol=own["rate_status"])
    norway = ordered[ordered["role"] == "land"]
    bench = norway["rate"].iloc[0] if not norway.empty else None
    if isinstance(own["verdict"], str):
        verdict = t(f"verdict.{own['verdict']}", lang)
    else:
        verdict = t("verdict.none", lang)
    text = t(
        "comparison.sentence",
        lang,
        k=k,
        rate=format_number(own["rate"], 1, lang),
        period=period,
        verdict=verdict,
    )
    if bench is not None and not pd.isna(bench):
        text += t("comparison.sentence.benchmark", lang, value=format_number(bench, 1, lang))
    text += "."
    peers = ordered[ordered["role"] == "sammenligning"]
    named = [
        f"{name} {format_cell(rate, status, 1, lang)}"
        for name, rate, status in zip(
            label_column(peers, "municipality", lang),
            peers["rate"],
            peers["rate_status"],
            strict=True,
        )
    ]
    if named:
        text += t("comparison.sentence.peers", lang, peers=list_text(named, lang))
    return text


def _comparison_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Areas down, periods across (rates, one decimal, SSB symbols), the kommune's verdict
    per period in its own row, and its count and population under it."""
    cells = rows.assign(
        series=label_column(rows, "municipality", lang),
        col=rows["period"].str.replace("-", "–"),
    )
    table = pivot_table(
        cells.assign(value=cells["rate"], status=cells["rate_status"]),
        "series",
        "col",
        lang,
        t("trend.area", lang),
        1,
    )
    periods = sorted(table.columns[1:])
    table = table[[table.columns[0], *periods]]
    own = cells[cells["role"] == "kommune"]
    if own.empty:
        return table
    name = own["series"].iloc[0]
    by_period = {r["col"]: r for r in own.to_dict("records")}
    extra = [
        [
            f"{name}: {t('comparison.row.verdict', lang).lower()}",
            *[
                t(f"verdict.{by_period[p]['verdict']}", lang)
                if p in by_period and isinstance(by_period[p]["verdict"], str)
                else ""
                for p in periods
            ],
        ],
        [
            t("trend.rate_parts.numerator", lang).format(a=name),
            *[
                format_cell(by_period[p]["value"], by_period[p]["status"], 0, lang)
                if p in by_period
                else ""
                for p in periods
            ],
        ],
        [
            t("trend.rate_parts.denominator", lang).format(a=name),
            *[
                format_cell(by_period[p]["population"], by_period[p]["population_status"], 0, lang)
                if p in by_period
                else ""
                for p in periods
            ],
        ],
    ]
    position = list(table[table.columns[0]]).index(name) + 1
    top, bottom = table.iloc[:position], table.iloc[position:]
    return pd.concat([top, pd.DataFrame(extra, columns=table.columns), bottom], ignore_index=True)


# ------------------------------------------------------------- every kommune's series

YOUTH_SERIES = Query(
    "youth_series",
    bind(municipality=lambda s: s["kommune"], fra=lambda s: s["fra"], til=lambda s: s["til"]),
)


#: What a youth series counts besides its age group: two series that agree on these count
#: the same thing, and a year both have is one number on which their sources differ.
SAME_COUNT = ("measure", "place_role", "residence", "sex", "offence_group", "category")


def _other_source_points(rows: pd.DataFrame, lang: str) -> tuple[set[str], list[str]]:
    """Series of one number from another source for a year that a longer series of the
    same count already has (Oslo 2016: 2 186 offences under 18, police figures, beside
    the SaLTo series' 2 200 for 10-17): the series not to draw, and a note for each."""
    known = rows[rows["value"].notna()]
    sizes = known.groupby("series_name")["year"].nunique()
    folded: set[str] = set()
    notes: list[str] = []
    for name in sizes[sizes == 1].index:
        lone = known[known["series_name"] == name].iloc[0]
        same = known[
            (known["series_name"] != name)
            & (known["year"] == lone["year"])
            & (known["series_name"].map(sizes) > 1)
        ]
        for column in SAME_COUNT:
            same = same[same[column] == lone[column]]
        if same.empty:
            continue
        shown = same.iloc[0]
        folded.add(str(name))
        notes.append(
            t(
                "trend.series.disagree",
                lang,
                year=int(lone["year"]),
                publication=lone["publication"],
                value=format_number(lone["value"], 0, lang),
                series=str(name).lower(),
                shown=format_number(shown["value"], 0, lang),
                shown_series=str(shown["series_name"]).lower(),
                shown_publication=shown["publication"],
            )
        )
    return folded, notes


def _series_name(row: dict[str, Any], lang: str) -> str:
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
    ignores=("maal", "sted", "alder", "kjonn", "lovbrudd", "gruppe"),
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
    folded, disagreements = _other_source_points(rows, lang)
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
        # A lone number another source gives for a year a line already has is said in a
        # note (and kept in the table and the download), not drawn as a series of its own.
        figure=figures.line_chart(frame[~frame["series"].isin(folded)], meta),
        table=table,
        rows=rows,
        summary=summary,
        # Each row's own note (where it was quoted, which line of the source) is in the CSV;
        # the card says what all of them share.
        notes=[t("trend.series.note", lang), t("trend.series.row_notes", lang), *disagreements],
    )
