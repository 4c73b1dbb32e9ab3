"""One module per URL, named like its slug; `PAGES` is their order in the navigation."""

from __future__ import annotations

from dashboard.web.pages import (
    alder_og_kjonn,
    geografi,
    mote,
    om_dataene,
    oversikt,
    tilgjengelighet,
    trend,
    trygghetsprogrammet,
)

#: Page specs in navigation order (the 404 page is not in the navigation).
PAGES = tuple(
    module.SPEC
    for module in (oversikt, trend, geografi, alder_og_kjonn, trygghetsprogrammet, om_dataene)
)

#: Pages outside the main navigation (linked from the footer), after PAGES in Dash's order.
EXTRA_PAGES = (tilgjengelighet.SPEC,)
#: Pages with a register(app, order, pages) of their own, outside the navigation.
OTHER_PAGES = (mote,)
