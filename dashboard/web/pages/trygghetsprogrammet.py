"""Oppfølging (/trygghetsprogrammet): Trygghetsprogrammet, the police's concern talks and
follow-up of young people, and extremism concerns (SLT reports 2019 and 2020)."""

from __future__ import annotations

from dash import html

from dashboard.charts import catalog as charts
from dashboard.charts.trygghetsprogrammet import PARAMS, key_figures
from dashboard.dimensions import KOMMUNER, kommune_options
from dashboard.state import ViewState
from dashboard.web import ids
from dashboard.web.components import chart_card, radio
from dashboard.web.context import cursor
from dashboard.web.page import Control, PageSpec, headings, query_of
from dashboard.words import pick, t

NAME = "trygghetsprogrammet"
KOMMUNE = ids.page(NAME, "kommune")
AAR = ids.page(NAME, "aar")
SECTION_TP = ids.page(NAME, "trygghet")
SECTION_FOLLOWUP = ids.page(NAME, "oppfolging")
SECTION_EXTREMISM = ids.page(NAME, "ekstremisme")

TEXT = {
    "h1": {"nb": "Oppfølging av unge", "en": "Follow-up of young people"},
    "intro": {
        "nb": "Hvordan politiet og kommunen følger opp barn og unge: Trygghetsprogrammet for "
        "unge som er utsatt for kriminalitet, politiets bekymringssamtaler og oppfølging av "
        "ungdom, og bekymringer om ekstremisme. Tallene er fra SLT-årsrapportene for Bærum "
        "2019 og 2020, slik de er trykt.",
        "en": "How the police and the municipality follow up children and young people: the "
        "Safety Programme for young victims of crime, the police's concern talks and follow-up "
        "of young people, and concerns about extremism. The figures are from Bærum's SLT "
        "annual reports 2019 and 2020, as printed.",
    },
    "aar": {"nb": "År", "en": "Year"},
    "all_years": {"nb": "Begge år", "en": "Both years"},
    "tp_h2": {"nb": "Trygghetsprogrammet", "en": "The Safety Programme (Trygghetsprogrammet)"},
    "tp_intro": {
        "nb": "Trygghetsprogrammet tilbys alle barn og unge under 18 år som er utsatt for vold, "
        "ran, trusler eller seksuallovbrudd, alle som er utsatt for hatkriminalitet uansett "
        "alder, og vitner ved behov – også når saken ikke er anmeldt. Politiet tilbyr en "
        "trygghetssamtale, og saken kan overføres til kommunen eller bydelen for videre "
        "oppfølging.",
        "en": "The Safety Programme is offered to all children and young people under 18 exposed "
        "to violence, robbery, threats or sexual offences, to everyone exposed to hate crime "
        "regardless of age, and to witnesses when needed – also when the case is not reported. "
        "The police offer a safety conversation, and the case can be transferred to the "
        "municipality or city district for further follow-up.",
    },
    "followup_h2": {
        "nb": "Politiets bekymringssamtaler og oppfølging av ungdom",
        "en": "The police's concern talks and follow-up of young people",
    },
    "followup_intro": {
        "nb": "Forebyggende avsnitt i politiet har bekymringssamtaler med ungdom og foresatte, "
        "og følger opp ungdom etter hvor alvorlig bekymringen er: BEKYMRING (månedlig), RISIKO "
        "(hver 14. dag) og TETT PÅ (ukentlig).",
        "en": "The police's prevention section holds concern talks with young people and their "
        "parents, and follows young people up by how serious the concern is: CONCERN "
        "(monthly), RISK (every 14 days) and CLOSE (weekly).",
    },
    "extremism_h2": {"nb": "Ekstremisme", "en": "Extremism"},
    "extremism_intro": {
        "nb": "Bekymringer om radikalisering og voldelig ekstremisme som politiet har mottatt. "
        "Oslo politidistrikt omfatter Oslo, Asker og Bærum.",
        "en": "Concerns about radicalisation and violent extremism received by the police. Oslo "
        "police district covers Oslo, Asker and Bærum.",
    },
    "key_figures": {"nb": "Nøkkeltall", "en": "Key figures"},
}


def controls(state: ViewState) -> list:
    """Kommune and year: the only choices the published figures support."""
    lang = state.lang
    kommuner = kommune_options(KOMMUNER, lang)
    years = [("alle", pick(TEXT["all_years"], lang)), ("2019", "2019"), ("2020", "2020")]
    return [
        radio(KOMMUNE, t("filter.kommune", lang), kommuner, state["kommune"]),
        radio(AAR, pick(TEXT["aar"], lang), years, state["aar"]),
    ]


def _section(section_id: str, heading: str, intro: str, children: list) -> html.Section:
    title_id = f"{section_id}-h2"
    return html.Section(
        [
            html.H2(heading, id=title_id),
            html.P(intro, className="intro"),
            html.Div(children, className="content"),  # the cards, spaced as on other pages
        ],
        id=section_id,
        className="page-section",
        **{"aria-labelledby": title_id},
    )


def _key_figures(result: charts.ChartResult, lang: str) -> list:
    figures = key_figures(result, lang)
    if not figures:
        return []
    items = [
        html.Li(
            [
                html.Span(f.text, className="value"),
                html.Div(f"{f.label}, {f.year}", className="label"),
                html.Div(f.source, className="source"),
            ],
            className="key-figure",
        )
        for f in figures
    ]
    return [
        html.Ul(items, className="key-figures", **{"aria-label": pick(TEXT["key_figures"], lang)})
    ]


def content(state: ViewState) -> list:
    """Three sections, each a heading, a short explanation and its chart cards."""
    lang = state.lang
    query = query_of(PARAMS, state)
    cur = cursor()

    def card(chart_id: str) -> html.Section:
        return chart_card(charts.render(chart_id, cur, state), query, lang, level=3)

    extremism = charts.render("ekstremisme", cur, state)
    return [
        _section(
            SECTION_TP,
            pick(TEXT["tp_h2"], lang),
            pick(TEXT["tp_intro"], lang),
            [card("trygghet-trakt"), card("trygghet-lovbrudd")],
        ),
        _section(
            SECTION_FOLLOWUP,
            pick(TEXT["followup_h2"], lang),
            pick(TEXT["followup_intro"], lang),
            [card("oppfolging-samtaler"), card("oppfolging-ungdom")],
        ),
        _section(
            SECTION_EXTREMISM,
            pick(TEXT["extremism_h2"], lang),
            pick(TEXT["extremism_intro"], lang),
            [*_key_figures(extremism, lang), chart_card(extremism, query, lang, level=3)],
        ),
    ]


SPEC = PageSpec(
    name=NAME,
    path="/trygghetsprogrammet",
    params=PARAMS,
    controls=(Control(KOMMUNE, "kommune"), Control(AAR, "aar")),
    content=content,
    controls_layout=controls,
    heading=headings(TEXT),
)
