"""Alder og kjønn (/alder-og-kjonn): young suspects by age group and sex over the years."""

from __future__ import annotations

from dashboard.charts import catalog as charts
from dashboard.charts.alder_og_kjonn import AGE_PARAMS, CHART_ID
from dashboard.dimensions import KOMMUNER, kommune_options
from dashboard.state import ViewState
from dashboard.web import ids
from dashboard.web.components import chart_card, radio, year_range
from dashboard.web.context import cursor
from dashboard.web.page import Control, PageSpec, headings, query_of
from dashboard.words import choices, legend, t

NAME = "alder_og_kjonn"
KOMMUNE = ids.page(NAME, "kommune")
MAAL = ids.page(NAME, "maal")
STED = ids.page(NAME, "sted")
VISNING = ids.page(NAME, "visning")
FRA = ids.page(NAME, "fra")
TIL = ids.page(NAME, "til")

TEXT = {
    "h1": {"nb": "Alder og kjønn", "en": "Age and sex"},
    "intro": {
        "nb": "Unge mistenkte 10–14 og 15–17 år, jenter og gutter, år for år. Anmeldelser finnes "
        "etter gjerningssted og etter bosted (2013–2020), mistenkte personer bare etter "
        "gjerningssted (2010–2019). Tallene gjelder Bærum; kilden publiserer ingen totalsum for "
        "disse tabellene.",
        "en": "Young suspects aged 10–14 and 15–17, girls and boys, year by year. Reports exist by "
        "scene of crime and by residence (2013–2020), suspected persons only by scene of crime "
        "(2010–2019). The figures are for Bærum; the source publishes no total for these tables.",
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
            choices("maal", ("anmeldelser", "personer"), lang),
            state["maal"],
        ),
        radio(
            STED,
            legend("sted", lang),
            choices("sted", ("gjerningssted", "bosted"), lang),
            state["sted"],
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
    """The age × sex chart card for the chosen measure and population."""
    query = query_of(AGE_PARAMS, state)
    return [chart_card(charts.render(CHART_ID, cursor(), state), query, state.lang)]


SPEC = PageSpec(
    name=NAME,
    path="/alder-og-kjonn",
    params=AGE_PARAMS,
    controls=(
        Control(KOMMUNE, "kommune"),
        Control(MAAL, "maal"),
        Control(STED, "sted"),
        Control(VISNING, "visning"),
        Control(FRA, "fra"),
        Control(TIL, "til"),
    ),
    content=content,
    controls_layout=controls,
    heading=headings(TEXT),
)
