"""Charts of the trend page (/trend): youth crime over time, and the kommune comparison.

Each function only reshapes the rows of its declared query (the registry runs it) into
a pure figure, a table and a summary. No Dash here, so every chart is unit-testable.
"""

from __future__ import annotations

import pandas as pd

from dashboard import figures
from dashboard.charts.registry import (
    NoData,
    Query,
    Rows,
    Shape,
    bind,
    chart,
    events_for,
    label_column,
    pivot_table,
)
from dashboard.dimensions import OFFENCE_GROUPS, kommune_name
from dashboard.state import KOMMUNE, LANG, Param, ViewState, years
from dashboard.words import pick, t
from dashboard.words.numbers import format_cell, format_number, years_text

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
    group = OFFENCE_GROUPS[code]
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
    Param("kjonn", ("alle", "jenter", "gutter"), "alle", label="legend.kjonn"),
    Param("lovbrudd", OFFENCE_CHOICES, "alle", label="trend.lovbrudd", option=_offence_name),
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
        label="legend.visning",
        offered=("per1000", "antall"),
    ),
    *years(
        2010,
        2024,
        years_of=("anmeldelser", "personer", "forhold", "anmeldte_lovbrudd_snitt"),
    ),
)

MEASURE_TEXT = {
    "anmeldelser": {"nb": "Anmeldelser", "en": "Police reports"},
    "personer": {"nb": "Mistenkte personer", "en": "Suspected persons"},
    "forhold": {"nb": "Straffbare forhold", "en": "Offences"},
}
PLACE_TEXT = {
    "gjerningssted": {"nb": "med gjerningssted {k}", "en": "with the scene of crime in {k}"},
    "bosted": {"nb": "med mistenkte bosatt i {k}", "en": "with suspects living in {k}"},
}
UNIT_TEXT = {
    "anmeldelser": {"nb": "Antall anmeldelser", "en": "Number of reports"},
    "personer": {"nb": "Antall personer", "en": "Number of persons"},
    "forhold": {"nb": "Antall forhold", "en": "Number of offences"},
}
NOT_COMPARABLE_2015 = {
    "nb": "Ny straffelov fra 1.10.2015: lovbruddsgruppene før og etter er ikke fullt sammenlignbare.",
    "en": "New Penal Code from 1 Oct 2015: offence groups before and after are not fully comparable.",
}


def _no_youth_data(title: str, state: ViewState, what: str) -> NoData:
    lang = state.lang
    message = {
        "nb": f"Det finnes ingen tall for {what}. Tall om ungdomskriminalitet finnes foreløpig for "
        "Bærum: anmeldelser etter alder og kjønn 2013–2020 (gjerningssted og bosted), personer "
        "2010–2019 (gjerningssted) og forhold etter lovbruddsgruppe 2014–2019 (10–17 og 18–22 år). "
        + t("nodata.template", lang),
        "en": f"There are no figures for {what}. Youth crime figures exist so far for Bærum: "
        "reports by age and sex 2013–2020 (scene of crime and residence), persons 2010–2019 "
        "(scene of crime) and offences by offence group 2014–2019 (ages 10–17 and 18–22). "
        + t("nodata.template", lang),
    }
    return NoData(title, pick(message, lang))


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


@chart("utvikling", "trend", TREND_PARAMS, YOUTH_QUERY)
def trend_chart(result: Rows, state: ViewState) -> Shape | NoData:
    """Youth crime over time: reports/persons by age and sex, or offences by group."""
    lang = state.lang
    kommune, maal, sted = state["kommune"], state["maal"], state["sted"]
    alder, fra, til = state["alder"], state["fra"], state["til"]
    k = kommune_name(kommune, lang)
    place = pick(PLACE_TEXT[sted], lang).format(k=k)

    if maal == "forhold":
        age = "10-17" if alder == "alle" else alder
        title = f"{pick(MEASURE_TEXT[maal], lang)} {age.replace('-', '–')} år " + (
            f"med gjerningssted {k}" if lang == "nb" else f"with the scene of crime in {k}"
        )
        title += f", {fra}–{til}"
        if sted == "bosted" or age not in ("10-17", "18-22"):
            return _no_youth_data(
                title,
                state,
                pick(
                    {
                        "nb": "forhold etter bosted eller for denne aldersgruppen",
                        "en": "offences by residence or for this age group",
                    },
                    lang,
                ),
            )
        rows = result["rows"]
        if rows.empty:
            return _no_youth_data(title, state, f"{k}, {fra}–{til}")
        group = label_column(rows, "offence_group", lang)
        sub = label_column(rows, "offence_subgroup", lang)
        rows["series"] = [
            (s if code != "alle" else g)
            if state["lovbrudd"] != "alle"
            else (
                g
                if g_code != "alle"
                else pick({"nb": "Totalsum (publisert)", "en": "Total (published)"}, lang)
            )
            for g, s, g_code, code in zip(
                group, sub, rows["offence_group"], rows["offence_subgroup"], strict=True
            )
        ]
        notes = [pick(NOT_COMPARABLE_2015, lang)]
        breaks = ((2015.5, pick({"nb": "Ny straffelov", "en": "New Penal Code"}, lang)),)
    else:
        ages = _youth_ages(state)
        title = (
            f"{pick(MEASURE_TEXT[maal], lang)} "
            + ("for mistenkte 10–17 år " if lang == "nb" else "for suspects aged 10–17 ")
            + f"{place}, {fra}–{til}"
        )
        if "18-22" in ages:
            return _no_youth_data(
                title,
                state,
                pick({"nb": "18–22 år for dette målet", "en": "ages 18–22 for this measure"}, lang),
            )
        rows = result["rows"]
        if rows.empty:
            return _no_youth_data(
                title,
                state,
                f"{pick(MEASURE_TEXT[maal], lang).lower()} {place}, {fra}–{til}",
            )
        rows["series"] = (
            label_column(rows, "age_group", lang) + " – " + label_column(rows, "sex", lang)
        )
        notes, breaks = [], ()

    # The title names the years actually shown, not the years asked for.
    title = title.removesuffix(f", {fra}–{til}") + f", {years_text(rows['year'])}"
    frame = pd.DataFrame(
        {
            "x": rows["year"].astype(int),
            "x_label": rows["period"].astype(str),
            "series": rows["series"],
            "value": rows["value"],
            "status": rows["status"],
        }
    )
    notes += sorted({n for n in rows["note"].dropna()})
    meta = figures.ChartMeta(
        title="",  # the card shows title and source in HTML
        y_title=pick(UNIT_TEXT[maal], lang),
        lang=lang,
        events=events_for(lang),
        breaks=breaks,
    )
    year_header = pick({"nb": "Serie", "en": "Series"}, lang)
    table = pivot_table(frame.assign(col=frame["x_label"]), "series", "col", lang, year_header)
    last = frame.dropna(subset=["value"])
    summary = ""
    if not last.empty:
        latest = int(last["x"].max())
        at = last[last["x"] == latest]
        summary = (
            f"{title}. "
            + pick({"nb": "Siste år", "en": "Latest year"}, lang)
            + f" ({latest}): "
            + "; ".join(
                f"{s} {format_number(v, 0, lang)}"
                for s, v in zip(at["series"], at["value"], strict=True)
            )
            + "."
        )
    return Shape(
        title=title,
        figure=figures.line_chart(frame, meta),
        table=table,
        rows=rows,
        summary=summary,
        notes=notes,
    )


RATE_NOTE = {
    "nb": "Per 1 000 innbyggere er beregnet av SLT-statistikk: toårssnittet av anmeldte lovbrudd "
    "(SSB) delt på folkemengden 1. januar i periodens siste år (SSB 07459), ganger 1 000. "
    "Toårssnitt overlapper og kan ikke summeres. Norge: SSBs publiserte rate.",
    "en": "Per 1,000 inhabitants is computed by SLT statistics: the two-year average of reported "
    "offences (Statistics Norway) divided by the population on 1 January of the period's last "
    "year (table 07459), times 1,000. Two-year averages overlap and must not be summed. "
    "Norway: Statistics Norway's published rate.",
}


RATES_QUERY = Query(
    "rates",
    bind(
        municipalities=lambda s: list(s["sammenlign"]),
        fra=lambda s: s["fra"],
        til=lambda s: s["til"],
    ),
)


@chart("sammenligning", "trend", TREND_PARAMS, RATES_QUERY)
def comparison_chart(result: Rows, state: ViewState) -> Shape | NoData:
    """Reported offences by scene of crime across kommuner: counts or per 1 000 (computed)."""
    lang = state.lang
    chosen = list(state["sammenlign"])
    per1000 = state["visning"] == "per1000"
    rows = result["rows"]
    names = ", ".join(kommune_name(c, lang) for c in chosen)
    what = pick(
        {
            "nb": "Anmeldte lovbrudd etter gjerningssted",
            "en": "Reported offences by scene of crime",
        },
        lang,
    )
    unit = pick(
        {
            "nb": " per 1 000 innbyggere (toårssnitt)",
            "en": " per 1,000 inhabitants (two-year average)",
        }
        if per1000
        else {"nb": ", antall per år (toårssnitt)", "en": ", per year (two-year average)"},
        lang,
    )
    title = f"{what}{unit}: {names}"
    if not per1000:
        rows = rows[~rows["published_rate"]]
    if rows.empty:
        return NoData(
            title,
            pick(
                {
                    "nb": "Det finnes ingen tall for dette valget. SSB-tall for anmeldte lovbrudd finnes for "
                    "toårsperiodene 2020–2021 til 2023–2024. " + t("nodata.template", lang),
                    "en": "There are no figures for this choice. Statistics Norway figures for reported "
                    "offences exist for the two-year periods 2020–2021 to 2023–2024. "
                    + t("nodata.template", lang),
                },
                lang,
            ),
        )
    rows = rows.copy()
    if per1000:
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
    rows["series"] = label_column(rows, "municipality", lang)
    frame = pd.DataFrame(
        {
            "x": rows["year"].astype(int),
            "x_label": rows["period"].astype(str),
            "series": rows["series"],
            "value": rows["value_shown"].astype("float64"),
            "status": rows["status_shown"],
        }
    )
    notes = [pick(RATE_NOTE, lang)] if per1000 else []
    notes.append(
        pick(
            {
                "nb": "Asker fra 2020 omfatter tidligere Røyken og Hurum; tall før 2020 gjelder et annet område.",
                "en": "Asker from 2020 includes former Røyken and Hurum; figures before 2020 cover another area.",
            },
            lang,
        )
    )
    notes.append(
        pick(
            {
                "nb": "SSB-tall via en sekundærkopi (Samarbeidsdesken, C. Lura), harmonisert til dagens kommuner.",
                "en": "Statistics Norway figures via a secondary copy (Samarbeidsdesken, C. Lura), harmonised to today's municipalities.",
            },
            lang,
        )
    )
    decimals = 1 if per1000 else 0
    population_sources = sorted(set(rows["population_publication"].dropna())) if per1000 else []
    breaks = ()
    asker_years = frame.loc[rows["municipality"].to_numpy() == "asker", "x"]
    if not asker_years.empty and asker_years.min() < 2020 <= asker_years.max():
        breaks = (
            (
                2019.5,
                pick(
                    {"nb": "Asker: nytt område fra 2020", "en": "Asker: new area from 2020"}, lang
                ),
            ),
        )
    meta = figures.ChartMeta(
        title="",  # the card shows title and source in HTML
        breaks=breaks,
        y_title=pick({"nb": "Per 1 000 innbyggere", "en": "Per 1,000 inhabitants"}, lang)
        if per1000
        else pick({"nb": "Lovbrudd per år", "en": "Offences per year"}, lang),
        lang=lang,
        decimals=decimals,
        events=events_for(lang),
    )
    table = pivot_table(
        frame.assign(col=frame["x_label"]),
        "series",
        "col",
        lang,
        pick({"nb": "Område", "en": "Area"}, lang),
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


RATE_PARTS = {
    "rate": {"nb": "{a}: per 1 000 (beregnet)", "en": "{a}: per 1,000 (computed)"},
    "numerator": {
        "nb": "{a}: anmeldte lovbrudd, toårssnitt (teller)",
        "en": "{a}: reported offences, two-year average (numerator)",
    },
    "denominator": {
        "nb": "{a}: befolkning 1. januar i periodens siste år (nevner)",
        "en": "{a}: population on 1 January of the period's last year (denominator)",
    },
    "published": {"nb": "{a}: per 1 000 (publisert av SSB)", "en": "{a}: per 1,000 (published)"},
}


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
        out.append([pick(RATE_PARTS[key], lang).format(a=area), *rate_row.iloc[0, 1:].tolist()])
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
            out.append([pick(RATE_PARTS[part], lang).format(a=area), *cells])
    return pd.DataFrame(out, columns=rates.columns)
