"""WCAG 2.1 A/AA: axe-core finds no violations on any page (public-sector universal design).

axe-core is vendored (tests/e2e/vendor), so nothing is downloaded at test time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.browser import open_page

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(function (r) {
    done(r.violations.map(function (v) {
      return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) {
        return n.target.join(' ');
      }).join(', ');
    }));
  })
  .catch(function (e) { done(['axe failed: ' + e]); });
"""

VIEWS = [
    "/",
    "/trend",
    "/trend?maal=forhold&lovbrudd=vinning&visning=antall",
    "/trend?kommune=asker",
    "/geografi",
    "/geografi?visning=andel",
    "/alder-og-kjonn",
    "/trygghetsprogrammet",
    "/om-dataene",
    "/trend?lang=en",
    "/finnes-ikke",
]


@pytest.mark.parametrize("path", VIEWS)
def test_no_wcag_violations(driver, live_server, path):
    open_page(
        driver,
        live_server.url(path),
        expect_charts=path.startswith(("/trend", "/geografi", "/alder", "/trygghet")),
    )
    driver.set_script_timeout(30)
    driver.execute_script(AXE)
    violations = driver.execute_async_script(RUN)
    assert violations == [], "\n".join(violations)
