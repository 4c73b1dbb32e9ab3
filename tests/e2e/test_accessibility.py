"""WCAG 2.1 A/AA on views beyond the page × kommune × language matrix of test_a11y_engines:
other measures, display modes and a third kommune, checked by both engines (axe-core with
WCAG and best-practice tags, IBM Equal Access), vendored in tests/e2e/vendor.
"""

from __future__ import annotations

import pytest

from tests.e2e.a11y import ace_violations, axe_violations
from tests.e2e.browser import open_page

pytestmark = pytest.mark.browser

VIEWS = [
    "/trend?maal=forhold&lovbrudd=vinning&gruppe=ssb_vold",
    "/trend?kommune=asker",
    "/geografi?visning=andel",
    "/?aar=2019",
]


@pytest.mark.parametrize("path", VIEWS)
def test_no_wcag_violations(driver, live_server, path):
    open_page(driver, live_server.url(path), expect_charts=not path.startswith("/?"))
    found = axe_violations(driver) + ace_violations(driver)
    assert found == [], "\n".join(found)
