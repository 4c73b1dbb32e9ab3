"""Geografi (/geografi): where the young suspects of offences committed in a kommune live."""

from __future__ import annotations

from dashboard.charts import catalog as charts
from dashboard.charts.geografi import CHART_IDS, COMPARISON_ID, GEO_PARAMS, MEASURES, REPEAT_ID
from dashboard.dimensions import KOMMUNER, kommune_options
from dashboard.state import ViewState
from dashboard.web import ids
from dashboard.web.components import chart_card, radio, year_range
from dashboard.web.context import cursor
from dashboard.web.page import Control, PageSpec, headings, query_of
from dashboard.words import choices, legend, t

NAME = "geografi"
KOMMUNE = ids.page(NAME, "kommune")
MAAL = ids.page(NAME, "maal")
VISNING = ids.page(NAME, "visning")
FRA = ids.page(NAME, "fra")
TIL = ids.page(NAME, "til")

TEXT = {
    "h1": {"nb": "Hvor bor de unge mistenkte?", "en": "Where do the young suspects live?"},
    "intro": {
        "nb": "Mistenkte 10–17 år for lovbrudd begått i kommunen (gjerningssted), fordelt på "
        "hvor de mistenkte bor. Tallene finnes for Bærum 2016–2020 (SLT-årsrapporten 2020). "
        "Personer og anmeldelser teller ulike ting, og én anmeldelse kan ha mistenkte fra flere "
        "steder: tabellene viser derfor både den publiserte totalsummen og den beregnede summen "
        "av radene.",
        "en": "Suspects aged 10–17 for offences committed in the municipality (scene of crime), "
        "by where the suspects live. Figures exist for Bærum 2016–2020 (the SLT annual report "
        "2020). Persons and reports count different things, and one report can involve suspects "
        "from several places: the tables therefore show both the published total and the "
        "computed sum of the rows.",
    },
}


def controls(state: ViewState) -> list:
    """The page's controls, set from the validated URL state."""
    lang = state.lang
    kommuner = kommune_options(KOMMUNER, lang)
    return [
        radio(KOMMUNE, t("filter.kommune", lang), kommuner, state["kommune"]),
        radio(
            MAAL,
            legend("maal", lang),
            choices("maal", ("begge", "personer", "anmeldelser"), lang),
            state["maal"],
        ),
        radio(
            VISNING,
            legend("visning", lang),
            choices("visning", ("antall", "andel"), lang),
            state["visning"],
        ),
        *year_range(FRA, TIL, state["fra"], state["til"], lang),
    ]


def content(state: ViewState) -> list:
    """One card per chosen measure, then the comparison between kommuner."""
    lang = state.lang
    query = query_of(GEO_PARAMS, state)
    cur = cursor()
    chosen = MEASURES if state["maal"] == "begge" else (state["maal"],)
    cards = [chart_card(charts.render(CHART_IDS[m], cur, state), query, lang) for m in chosen]
    cards.append(chart_card(charts.render(COMPARISON_ID, cur, state), query, lang))
    cards.append(chart_card(charts.render(REPEAT_ID, cur, state), query, lang))
    return cards


SPEC = PageSpec(
    name=NAME,
    path="/geografi",
    params=GEO_PARAMS,
    controls=(
        Control(KOMMUNE, "kommune"),
        Control(MAAL, "maal"),
        Control(VISNING, "visning"),
        Control(FRA, "fra"),
        Control(TIL, "til"),
    ),
    content=content,
    controls_layout=controls,
    heading=headings(TEXT),
)
