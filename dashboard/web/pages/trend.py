"""Utvikling (/trend): youth crime over time, and the cross-kommune comparison."""

from __future__ import annotations

from dashboard.charts import catalog as charts
from dashboard.charts.trend import OFFENCE_CHOICES, TREND_PARAMS
from dashboard.dimensions import OFFENCE_GROUPS, kommune_options
from dashboard.state import ViewState
from dashboard.web import ids
from dashboard.web.components import chart_card, checklist, radio, year_range
from dashboard.web.context import cursor
from dashboard.web.page import Control, PageSpec, headings, query_of
from dashboard.words import choices, legend, pick, t

NAME = "trend"
KOMMUNE = ids.page(NAME, "kommune")
MAAL = ids.page(NAME, "maal")
STED = ids.page(NAME, "sted")
ALDER = ids.page(NAME, "alder")
KJONN = ids.page(NAME, "kjonn")
LOVBRUDD = ids.page(NAME, "lovbrudd")
SAMMENLIGN = ids.page(NAME, "sammenlign")
VISNING = ids.page(NAME, "visning")
FRA = ids.page(NAME, "fra")
TIL = ids.page(NAME, "til")

TEXT = {
    "h1": {"nb": "Utvikling over tid", "en": "Trends over time"},
    "intro": {
        "nb": "Anmeldelser, mistenkte personer og straffbare forhold blant unge, og anmeldte "
        "lovbrudd i Bærum, Asker, Oslo og Norge. Anmeldelser, personer og forhold teller "
        "ulike ting; gjerningssted og bosted er ulike grupper.",
        "en": "Reports, suspected persons and offences among young people, and reported offences "
        "in Bærum, Asker, Oslo and Norway. Reports, persons and offences count different things; "
        "scene of crime and residence are different groups.",
    },
    "lovbrudd": {"nb": "Lovbruddsgruppe (forhold)", "en": "Offence group (offences)"},
    "sammenlign": {"nb": "Sammenlign områder", "en": "Compare areas"},
    "youth": {"nb": "Unge mistenkte", "en": "Young suspects"},
    "compare": {"nb": "Sammenligning av kommuner", "en": "Comparison of municipalities"},
}
ALDER_OPTIONS = {
    "alle": {"nb": "Alle (10–17)", "en": "All (10–17)"},
    "10-14": {"nb": "10–14 år", "en": "10–14"},
    "15-17": {"nb": "15–17 år", "en": "15–17"},
    "18-22": {"nb": "18–22 år (forhold)", "en": "18–22 (offences)"},
}


def _options(mapping: dict, lang: str) -> list[tuple[str, str]]:
    return [(code, pick(text, lang)) for code, text in mapping.items()]


def controls(state: ViewState) -> list:
    lang = state.lang
    offence = [("alle", pick({"nb": "Alle grupper", "en": "All groups"}, lang))] + [
        (c, OFFENCE_GROUPS[c].en if lang == "en" else OFFENCE_GROUPS[c].nb)
        for c in OFFENCE_CHOICES[1:]
    ]
    return [
        radio(
            KOMMUNE,
            t("filter.kommune", lang),
            kommune_options(("baerum", "asker", "oslo"), lang),
            state["kommune"],
        ),
        radio(
            MAAL,
            legend("maal", lang),
            choices("maal", ("anmeldelser", "personer", "forhold"), lang),
            state["maal"],
        ),
        radio(
            STED,
            legend("sted", lang),
            choices("sted", ("gjerningssted", "bosted"), lang),
            state["sted"],
        ),
        radio(
            ALDER,
            legend("alder", lang),
            _options(ALDER_OPTIONS, lang),
            state["alder"] if state["alder"] != "10-17" else "alle",
        ),
        radio(
            KJONN,
            legend("kjonn", lang),
            choices("kjonn", ("alle", "jenter", "gutter"), lang),
            state["kjonn"],
        ),
        radio(LOVBRUDD, pick(TEXT["lovbrudd"], lang), offence, state["lovbrudd"]),
        checklist(
            SAMMENLIGN,
            pick(TEXT["sammenlign"], lang),
            kommune_options(("baerum", "asker", "oslo", "norge"), lang),
            state["sammenlign"],
        ),
        radio(
            VISNING,
            legend("visning", lang),
            choices("visning", ("per1000", "antall"), lang),
            state["visning"],
        ),
        *year_range(FRA, TIL, state["fra"], state["til"], lang),
    ]


def content(state: ViewState) -> list:
    lang = state.lang
    query = query_of(TREND_PARAMS, state)
    cur = cursor()
    return [
        chart_card(charts.render("utvikling", cur, state), query, lang),
        chart_card(charts.render("sammenligning", cur, state), query, lang),
    ]


SPEC = PageSpec(
    name=NAME,
    path="/trend",
    params=TREND_PARAMS,
    controls=(
        Control(KOMMUNE, "kommune"),
        Control(MAAL, "maal"),
        Control(STED, "sted"),
        Control(ALDER, "alder"),
        Control(KJONN, "kjonn"),
        Control(LOVBRUDD, "lovbrudd"),
        Control(SAMMENLIGN, "sammenlign"),
        Control(VISNING, "visning"),
        Control(FRA, "fra"),
        Control(TIL, "til"),
    ),
    content=content,
    controls_layout=controls,
    heading=headings(TEXT),
)
