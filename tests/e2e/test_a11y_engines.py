"""Two independent accessibility engines find nothing, on every page, kommune and language,
at 1280 px and on a phone (390 px, the filter panel folded and open), on pages, embeds and
Møtemodus slides.

axe-core (WCAG 2.0/2.1 A and AA *and* best practices) and IBM Equal Access (WCAG 2.1)
disagree about what they look for: IBM found unlabelled chart graphics and a duplicate
footer landmark that axe's WCAG tags did not. Both are vendored (tests/e2e/vendor) and
injected into the rendered page; no rule is disabled.
"""

from __future__ import annotations

import pytest

from dashboard.charts.listing import REGISTRY
from dashboard.web.factory import EXTRA_PAGES, PAGES
from tests.e2e.a11y import ace_violations, axe_violations
from tests.e2e.browser import open_page, wait_dash_idle, wait_until
from tests.e2e.fitting import reset_viewport, viewport

pytestmark = pytest.mark.browser

#: Pages whose content is text only (no chart or no-data message to wait for).
TEXT_PAGES = ("/", "/om-dataene", "/tilgjengelighet")

VIEWS = (
    [
        f"{spec.path}?kommune={kommune}" + ("&lang=en" if lang == "en" else "")
        for spec in PAGES
        for kommune in ("baerum", "oslo")
        for lang in ("nb", "en")
    ]
    + [
        f"{spec.path}" + ("?lang=en" if lang == "en" else "")
        for spec in EXTRA_PAGES
        for lang in ("nb", "en")
    ]
    + ["/finnes-ikke", "/finnes-ikke?lang=en"]
)


@pytest.mark.parametrize("view", VIEWS)
def test_no_violations_in_either_engine(driver, live_server, view):
    path = view.partition("?")[0]
    expect_charts = path not in TEXT_PAGES and path in {s.path for s in PAGES}
    open_page(driver, live_server.url(view), expect_charts=expect_charts)
    found = {"axe-core": axe_violations(driver), "IBM Equal Access": ace_violations(driver)}
    assert found == {"axe-core": [], "IBM Equal Access": []}, "\n".join(
        f"{engine}: {line}" for engine, lines in found.items() for line in lines
    )


#: Embeds: every chart for Bærum in bokmål; each page's main chart also for Oslo and in
#: English (the four kommune × language combinations the pages are checked in).
EMBEDS = [f"/embed/{chart_id}?kommune=baerum" for chart_id in REGISTRY] + [
    f"/embed/{chart_id}?kommune={kommune}" + ("&lang=en" if lang == "en" else "")
    for chart_id in (
        "utvikling",
        "sammenligning",
        "geografi-personer",
        "alder-kjonn",
        "trygghet-trakt",
    )
    for kommune, lang in (("baerum", "en"), ("oslo", "nb"), ("oslo", "en"))
]
MOTE = [
    f"/mote?kommune={kommune}" + ("&lang=en" if lang == "en" else "")
    for kommune in ("baerum", "oslo")
    for lang in ("nb", "en")
]

EMBED_DRAWN = """
var graph = document.getElementById('graph');
return !graph || !!graph.querySelector('.main-svg .trace')
  || !document.getElementById('slt-figure');
"""


@pytest.mark.parametrize("view", EMBEDS + MOTE)
def test_embeds_and_mote_have_no_violations_in_either_engine(driver, live_server, view):
    """At 1280 px and on a phone (390 px): the embed's chart and a slide reflow."""
    found: dict[str, list[str]] = {}
    try:
        for width, height in ((1280, 800), (390, 844)):
            viewport(driver, width, height)
            if view.startswith("/embed/"):
                driver.get(live_server.url(view))
                wait_until(driver, lambda d: d.execute_script(EMBED_DRAWN), f"{view} drawn")
            else:
                open_page(driver, live_server.url(view), expect_charts=False)
            found[f"axe-core {width}"] = axe_violations(driver)
            found[f"IBM Equal Access {width}"] = ace_violations(driver)
    finally:
        reset_viewport(driver)
    assert all(lines == [] for lines in found.values()), "\n".join(
        f"{engine}: {line}" for engine, lines in found.items() for line in lines
    )


#: Every chart page on a phone, for Bærum and Oslo in both languages.
PHONE_VIEWS = [
    f"{spec.path}?kommune={kommune}" + ("&lang=en" if lang == "en" else "")
    for spec in PAGES
    for kommune in ("baerum", "oslo")
    for lang in ("nb", "en")
]
FILTERS = "details.controls"


@pytest.mark.parametrize("view", PHONE_VIEWS)
def test_no_violations_on_a_phone_with_the_filters_folded_and_open(driver, live_server, view):
    """At 390 px the filter panel folds (assets/filters.js): both engines, folded and open."""
    path = view.partition("?")[0]
    expect_charts = path not in TEXT_PAGES
    found: dict[str, list[str]] = {}
    try:
        viewport(driver, 390, 844)
        open_page(driver, live_server.url(view), expect_charts=expect_charts)
        panels = driver.execute_script(f"return document.querySelectorAll('{FILTERS}').length;")
        states = ("folded", "open") if panels else ("no filters",)
        for state in states:
            if state == "open":
                driver.execute_script(
                    f"document.querySelectorAll('{FILTERS}').forEach(d => d.open = true);"
                )
                wait_dash_idle(driver)
            elif state == "folded":
                assert driver.execute_script(
                    f"return Array.from(document.querySelectorAll('{FILTERS}'))"
                    ".every(d => !d.open);"
                ), f"{view}: the filters are not folded on a phone"
            found[f"axe-core, {state}"] = axe_violations(driver)
            found[f"IBM Equal Access, {state}"] = ace_violations(driver)
    finally:
        reset_viewport(driver)
    assert all(lines == [] for lines in found.values()), "\n".join(
        f"{engine}: {line}" for engine, lines in found.items() for line in lines
    )
