"""The keyboard alone (Tab, Shift-Tab, Enter, Space, arrows) reaches and operates everything.

WCAG 2.1.1 (keyboard), 2.1.2 (no trap), 2.4.3 (focus order), 2.4.7 (focus visible),
4.1.3 (status messages). The walk presses real keys through ChromeDriver; nothing is
clicked and no element is focused by script.
"""

from __future__ import annotations

import pytest

from dashboard.web.factory import EXTRA_PAGES, PAGES
from tests.e2e.browser import open_page, wait_dash_idle, wait_until

pytestmark = pytest.mark.browser

#: Pages whose content is text only: the overview, Om dataene, and every page outside the
#: navigation (the accessibility statement, Hva er nytt, Åpne data), which has no chart.
TEXT_PAGES = ("/", "/om-dataene", *(spec.path for spec in EXTRA_PAGES))
PATHS = [spec.path for spec in PAGES + EXTRA_PAGES]

#: A short, stable description of the focused element (or of each expected one).
DESCRIBE = """
function describe(el) {
  if (!el || el === document.body || el === document.documentElement) return 'BODY';
  var text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ')
    .trim().slice(0, 40);
  return [el.tagName.toLowerCase(), el.id, el.name || '', el.type || '', el.value || '',
          el.getAttribute('href') || '', text].join('|');
}
"""

#: What a keyboard user must be able to reach, in document order: every visible,
#: enabled, natively focusable element or positive-tabindex element; of a radio group
#: only its checked radio (arrows move inside the group).
EXPECTED = (
    DESCRIBE
    + """
var seen = {};
return Array.from(document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]')).filter(function (el) {
  // :disabled also covers controls in a disabled <fieldset> (a control that does not
  // apply to the view is disabled and says why; it is rightly skipped by Tab).
  if (el.matches(':disabled') || el.tabIndex < 0 || !el.getClientRects().length) return false;
  // The content of a closed <details> is not rendered (only its summary is).
  var closed = el.closest('details:not([open])');
  if (closed && !(el.matches('summary') && el.parentElement === closed)) return false;
  var style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') return false;
  if (el.type === 'radio') {
    var group = document.querySelectorAll('input[type=radio][name="' + el.name + '"]');
    var checked = Array.from(group).filter(function (r) { return r.checked; })[0] || group[0];
    if (el !== checked || seen[el.name]) return false;
    seen[el.name] = true;
  }
  return true;
}).map(describe);
"""
)

#: The focused element, and whether its focus is visible (an outline or a focus ring).
FOCUSED = (
    DESCRIBE
    + """
var el = document.activeElement;
var style = getComputedStyle(el);
var outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
var ring = style.boxShadow && style.boxShadow !== 'none';
return [describe(el), outline || ring, el.matches(':focus-visible')];
"""
)


def press(driver, *keys) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    chain = ActionChains(driver)
    for key in keys:
        chain.send_keys(key)
    chain.perform()


def shift_tab(driver) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()


def focused(driver) -> tuple[str, bool, bool]:
    return tuple(driver.execute_script(FOCUSED))


def open_for_keyboard(driver, url: str, charts: bool) -> list[str]:
    open_page(driver, url, expect_charts=charts)
    # Start from the top of the document, as after a fresh load (no element focused).
    driver.execute_script("document.activeElement && document.activeElement.blur();")
    return driver.execute_script(EXPECTED)


@pytest.mark.parametrize("path", PATHS)
def test_tab_reaches_every_control_in_order_with_visible_focus_and_no_trap(
    driver, live_server, path
):
    from selenium.webdriver.common.keys import Keys

    expected = open_for_keyboard(driver, live_server.url(path), path not in TEXT_PAGES)
    assert len(expected) > 5, expected
    forward, invisible = [], []
    for _ in range(len(expected) + 5):
        press(driver, Keys.TAB)
        name, visible, _focus_visible = focused(driver)
        if name == "BODY" or (forward and name == forward[0]):
            break  # past the last element: focus left the page or wrapped
        forward.append(name)
        if not visible:
            invisible.append(name)
    assert forward == expected, "Tab order differs from the document order"
    assert invisible == [], f"focus not visible on: {invisible}"

    # No trap: Shift-Tab walks the same way back to the first control.
    driver.execute_script("document.activeElement && document.activeElement.blur();")
    press(driver, Keys.TAB)
    for _ in range(len(expected) - 1):
        press(driver, Keys.TAB)
    backward = [focused(driver)[0]]
    for _ in range(len(expected) - 1):
        shift_tab(driver)
        backward.append(focused(driver)[0])
    assert backward == list(reversed(expected))


def _search(driver) -> str:
    return driver.execute_script("return window.location.search;")


def _operate(driver, kind: str) -> None:
    """Change the focused control with the keys a keyboard user would use."""
    from selenium.webdriver.common.keys import Keys

    if kind == "radio":
        press(driver, Keys.ARROW_RIGHT)
    elif kind == "checkbox":
        press(driver, Keys.SPACE)
    elif kind == "number":
        before = driver.execute_script("return document.activeElement.value;")
        press(driver, Keys.ARROW_UP)
        if driver.execute_script("return document.activeElement.value;") == before:
            press(driver, Keys.ARROW_DOWN)  # already at the last year
        press(driver, Keys.ENTER)


@pytest.mark.parametrize("path", [spec.path for spec in PAGES if spec.controls])
def test_every_control_operates_by_keyboard_and_the_change_is_announced(driver, live_server, path):
    """Each radio group (arrows), checkbox (Space) and year field (arrows + Enter) changes
    the view (the URL follows it), and the live region says what is shown now."""
    from selenium.webdriver.common.keys import Keys

    expected = open_for_keyboard(driver, live_server.url(path), path not in TEXT_PAGES)
    controls = [
        name
        for name in expected
        if name.split("|")[3] in ("radio", "checkbox", "number")
        and driver.execute_script(
            "return !!document.querySelector('#main .controls [name=\"' + arguments[0] + '\"],"
            " #main .controls input#' + CSS.escape(arguments[1]));",
            name.split("|")[2],
            name.split("|")[1] or "none",
        )
    ]
    assert controls, f"no controls found on {path}"
    operated = []
    for _ in range(len(expected) + 5):
        press(driver, Keys.TAB)
        name = focused(driver)[0]
        if name == "BODY" or not controls:
            break
        kind = name.split("|")[3]
        if name != controls[0]:
            continue
        controls.pop(0)
        before = _search(driver)
        _operate(driver, kind)
        wait_until(driver, lambda d, b=before: _search(d) != b, f"{name}: the view did not change")
        wait_dash_idle(driver)
        status = driver.find_element("id", "view-status")
        wait_until(
            driver,
            lambda d, s=status: s.text.startswith("Viser "),
            f"{name}: nothing announced in the live region",
        )
        operated.append(name)
        # The control keeps the focus (no jump), so the walk continues from it.
        assert focused(driver)[0].split("|")[:3] == name.split("|")[:3]
    assert controls == [], f"never reached: {controls}"
    assert operated


def test_filter_change_is_announced_in_words(driver, live_server):
    """ "Viser 2013–2020 for Bærum": the kommune and years as chosen, in the page's language."""
    from selenium.webdriver.common.keys import Keys

    for lang, sentence in (
        ("nb", "Viser {fra}–{til} for Asker"),
        ("en", "Showing {fra}–{til} for Asker"),
    ):
        open_for_keyboard(driver, live_server.url(f"/trend?lang={lang}"), True)
        for _ in range(60):
            press(driver, Keys.TAB)
            if driver.execute_script(
                "return document.activeElement.matches('#trend-kommune input[type=radio]');"
            ):
                break
        press(driver, Keys.ARROW_RIGHT)  # Bærum -> Asker
        wait_until(driver, lambda d: "kommune=asker" in d.current_url, "kommune did not change")
        fra, til = driver.execute_script(
            "return [document.getElementById('trend-fra').value,"
            " document.getElementById('trend-til').value];"
        )
        status = driver.find_element("id", "view-status")
        expected = sentence.format(fra=fra, til=til)
        wait_until(
            driver, lambda d, s=status, e=expected: s.text.startswith(e), f"not {expected!r}"
        )
        assert status.get_attribute("aria-live") == "polite"


def test_enter_follows_links_and_opens_tables(driver, live_server):
    """Enter opens "Vis som tabell", follows the language switch and the main menu."""
    from selenium.webdriver.common.keys import Keys

    open_for_keyboard(driver, live_server.url("/trend"), True)

    def tab_to(css: str) -> None:
        for _ in range(80):
            press(driver, Keys.TAB)
            if driver.execute_script("return document.activeElement.matches(arguments[0]);", css):
                return
        raise AssertionError(f"Tab never reached {css}")

    tab_to(".chart-table summary")
    press(driver, Keys.ENTER)
    assert driver.execute_script("return document.activeElement.parentElement.open;")
    press(driver, Keys.SPACE)  # Space toggles it back
    assert not driver.execute_script("return document.activeElement.parentElement.open;")

    driver.execute_script("document.activeElement.blur();")
    tab_to("#lang-link")
    press(driver, Keys.ENTER)
    wait_until(driver, lambda d: "lang=en" in d.current_url, "the language switch did not work")
    wait_dash_idle(driver)

    driver.execute_script("document.activeElement.blur();")
    tab_to(".site-nav a[href^='/geografi']")
    press(driver, Keys.ENTER)
    wait_until(driver, lambda d: "/geografi" in d.current_url, "the menu link did not work")
