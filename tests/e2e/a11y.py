"""Accessibility engines run inside the page: axe-core and IBM Equal Access (both vendored).

Two independent engines, because each finds what the other does not (IBM found unlabelled
chart SVGs and duplicate landmarks that axe's WCAG tags missed). Nothing is downloaded:
the scripts come from tests/e2e/vendor (see its README for versions and licences).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

VENDOR = Path(__file__).parent / "vendor"

#: axe-core tags: WCAG 2.0/2.1 A and AA, plus Deque's best practices (landmarks, headings…).
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")

#: IBM Equal Access policy: WCAG 2.1 A/AA (the law's level for Norwegian public websites).
ACE_POLICY = "WCAG_2_1"

AXE_RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
  .then(function (r) {
    done(r.violations.map(function (v) {
      return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) {
        return n.target.join(' ');
      }).join(', ');
    }));
  })
  .catch(function (e) { done(['axe failed: ' + e]); });
"""

# Only definite failures count: value == ["VIOLATION", "FAIL"]. "POTENTIAL"/"MANUAL"
# results are prompts for a human review, not defects an engine can prove.
ACE_RUN = """
var done = arguments[arguments.length - 1];
new ace.Checker().check(document, [arguments[0]])
  .then(function (report) {
    done(report.results.filter(function (r) {
      return r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL';
    }).map(function (r) {
      return r.ruleId + ': ' + r.path.dom + ' - ' + r.message;
    }));
  })
  .catch(function (e) { done(['ace failed: ' + e]); });
"""


@cache
def _script(name: str) -> str:
    return (VENDOR / name).read_text(encoding="utf-8")


def axe_violations(driver, tags: tuple[str, ...] = AXE_TAGS) -> list[str]:
    """axe-core's violations on the current page, one line per rule (first 3 nodes)."""
    driver.set_script_timeout(60)
    if not driver.execute_script("return typeof axe !== 'undefined';"):
        driver.execute_script(_script("axe.min.js"))
    return driver.execute_async_script(AXE_RUN, list(tags))


def ace_violations(driver, policy: str = ACE_POLICY) -> list[str]:
    """IBM Equal Access's definite violations on the current page, one line per node."""
    driver.set_script_timeout(60)
    if not driver.execute_script("return typeof ace !== 'undefined';"):
        # ace.js declares `var ace` at top level: run it as a global script, not in a function.
        driver.execute_script(_script("ace.js") + "\nwindow.ace = ace;")
    return driver.execute_async_script(ACE_RUN, policy)
