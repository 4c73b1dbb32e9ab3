"""Every page in a real browser: clean console, one h1, language, charts, reflow, key numbers.

The page-specific checks pin numbers that were printed in the SLT reports (the
geography totals of table C, Trygghetsprogrammet's case counts) and compare every other
number shown with the warehouse the server reads.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By

from dashboard.web.factory import PAGES as SPECS
from dashboard.words import t
from tests.e2e.browser import (
    YEAR,
    RenderedTable,
    browser_log,
    charts_ready,
    graphs_drawn,
    no_horizontal_scroll,
    open_page,
    parse_nb_int,
    read_tables,
    severe,
    wait_charts,
    wait_dash_idle,
    wait_until,
)

pytestmark = pytest.mark.browser

PAGES = ["/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet", "/om-dataene"]
#: Pages that are words and tables by design (key figures in sentences; documentation):
#: they must not show an empty or undrawn graph, but need not draw one.
TEXT_PAGES = {"/", "/om-dataene"}
COMPUTED = re.compile(r"beregnet|computed", re.IGNORECASE)


def nav_texts(driver) -> list[str]:
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav.site-nav a")]


def all_tables(driver) -> list[RenderedTable]:
    """Every table on the page, read from the DOM (closed <details> included)."""
    return read_tables(driver)


def cells_with_context(tables: list[RenderedTable]):
    """(table, row header, column header, cell text) for every body cell."""
    for table in tables:
        for header, cells in table.rows:
            for column, text in zip(table.columns[1:], cells, strict=False):
                yield table, header, column, text


# ------------------------------------------------------------------ every page


def wait_page_drawn(driver, path: str) -> None:
    """Chart pages: every chart drawn or replaced by a no-data message. Text pages: real
    content and no graph left empty."""
    if path in TEXT_PAGES:
        wait_until(driver, lambda d: graphs_drawn(d), f"an empty or undrawn graph on {path}")
        content = driver.find_element(By.CSS_SELECTOR, "#main .content").text
        assert len(content) > 200, f"{path} has almost no content: {content!r}"
    else:
        wait_charts(driver)
        assert charts_ready(driver)


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_in_bokmaal(driver, live_server, path):
    open_page(driver, live_server.url(path), expect_charts=False)
    wait_page_drawn(driver, path)
    assert len(driver.find_elements(By.TAG_NAME, "h1")) == 1
    assert driver.execute_script("return document.documentElement.lang") == "nb"
    # The pages in their order, then Møtemodus (registered apart, reachable from every page).
    assert nav_texts(driver) == [t(spec.nav_key, "nb") for spec in SPECS] + [t("mote.link", "nb")]
    assert "Traceback" not in driver.page_source
    assert severe(browser_log(driver)) == []


@pytest.mark.parametrize("path", PAGES)
def test_page_switches_to_english(driver, live_server, path):
    open_page(driver, live_server.url(path + "?lang=en"), expect_charts=False)
    wait_until(
        driver,
        lambda d: d.execute_script("return document.documentElement.lang") == "en",
        "html[lang] never became en",
    )
    english = [t(spec.nav_key, "en") for spec in SPECS] + [t("mote.link", "en")]
    assert english != [t(spec.nav_key, "nb") for spec in SPECS]
    wait_until(driver, lambda d: nav_texts(d) == english, "the navigation stayed Norwegian")
    wait_page_drawn(driver, path)
    assert len(driver.find_elements(By.TAG_NAME, "h1")) == 1
    assert "lang=en" in driver.current_url
    assert severe(browser_log(driver)) == []


@pytest.mark.parametrize("size", [(390, 844), (320, 800)], ids=["390", "320"])
@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_scroll_on_small_screens(driver, live_server, path, size):
    """Reflow (WCAG 1.4.10): a phone never scrolls the page sideways; wide tables scroll
    inside their own box."""
    driver.set_window_size(*size)
    open_page(driver, live_server.url(path), expect_charts=path not in TEXT_PAGES)
    assert driver.execute_script("return window.innerWidth") == size[0]
    ok, scroll_width, inner = no_horizontal_scroll(driver)
    wide = driver.execute_script(
        """
        // What sticks out of the viewport without a scrolling box of its own (for the message).
        var out = [];
        document.querySelectorAll('#main *').forEach(function (e) {
          var r = e.getBoundingClientRect();
          if (r.right <= window.innerWidth + 1 || !e.offsetParent) return;
          for (var box = e.parentElement; box && box !== document.body; box = box.parentElement)
            if (getComputedStyle(box).overflowX !== 'visible') return;
          if (Array.from(e.children).some(function (c) {
                return c.getBoundingClientRect().right > window.innerWidth + 1; })) return;
          out.push(e.tagName.toLowerCase() + ' ' + Math.round(r.right) + 'px: '
                   + e.textContent.trim().slice(0, 40));
        });
        return out.slice(0, 5);
        """
    )
    assert ok, (
        f"{path} at {size[0]} px scrolls sideways: scrollWidth {scroll_width} > {inner}; "
        f"too wide: {wide}"
    )


# ------------------------------------------------------------------ page contents


def test_geografi_shows_published_totals_and_labels_the_computed_sum(driver, live_server, facts_db):
    published = dict(
        facts_db.execute(
            "SELECT measure, value FROM facts WHERE source_id = 'slt2020-geografisk-fordeling-10-17' "
            "AND year = 2020 AND residence = 'alle' AND preferred"
        ).fetchall()
    )
    row_sum = facts_db.execute(
        "SELECT sum(value) FROM facts WHERE source_id = 'slt2020-geografisk-fordeling-10-17' "
        "AND year = 2020 AND residence <> 'alle' AND measure = 'anmeldelser' AND preferred"
    ).fetchone()[0]
    assert (published["anmeldelser"], published["personer"], row_sum) == (
        288,
        279,
        310,
    )  # as printed

    open_page(driver, live_server.url("/geografi"))
    cells = list(cells_with_context(all_tables(driver)))
    if not any(parse_nb_int(text) == 279 for *_, text in cells):
        # Reports and persons may be two views of one chart: switch to persons as a visitor would.
        choice = driver.find_elements(
            By.XPATH, "//*[@id='main']//label[normalize-space()='Personer']"
        )
        assert choice, "no table shows 279 and there is no 'Personer' choice"
        choice[0].click()
        wait_dash_idle(driver)
        wait_charts(driver)
        cells += list(cells_with_context(all_tables(driver)))

    def shown(number: int) -> list[tuple[str, str, str]]:
        return [
            (table.caption, header, column)
            for table, header, column, text in cells
            if parse_nb_int(text) == number
        ]

    for total in (288, 279):
        places = shown(total)
        assert places, f"the published total {total} is not in any table"
        assert any("2020" in column or "2020" in header for _, header, column in places), places
        assert not any(COMPUTED.search(header + column) for _, header, column in places), (
            f"the published total {total} is labelled as computed: {places}"
        )
    computed = shown(310)
    assert computed, "the sum of the rows (310) is not shown"
    assert all(COMPUTED.search(header + column) for _, header, column in computed), (
        f"310 is shown without the label 'Beregnet sum av radene': {computed}"
    )
    assert severe(browser_log(driver)) == []


AGE_SEX_FACTS = """
SELECT f.year, f.measure, f.place_role, a.label_nb AS age, s.label_nb AS sex, f.value
FROM facts f
JOIN dim_age_group a ON a.code = f.age_group
JOIN dim_sex s ON s.code = f.sex
WHERE f.preferred AND f.municipality = 'baerum' AND f.value IS NOT NULL
  AND (f.age_group <> 'alle' OR f.sex <> 'alle')
  AND f.residence = 'alle' AND f.category = 'alle'
"""
MEASURE_WORDS = {"anmeld": "anmeldelser", "person": "personer", "forhold": "forhold"}
PLACE_WORDS = {"gjerningssted": "gjerningssted", "bosted": "bosted", "bosatt": "bosted"}


def named(labels: set[str], text: str) -> str | None:
    """The one label (age group or sex) a header names, or None when it names none or several.

    Headers may shorten "10–14 år" to "10–14" and capitalise differently."""
    found = set()
    for label in labels:
        core = re.escape(label.lower().removesuffix(" år"))
        if re.search(rf"(?<![\w–-]){core}(?![\w–-])", text.lower()):
            found.add(label)
    return found.pop() if len(found) == 1 else None


def test_alder_og_kjonn_tables_match_the_warehouse(driver, live_server, facts_db):
    facts = facts_db.execute(AGE_SEX_FACTS).fetchall()
    ages = {row[3] for row in facts}
    sexes = {row[4] for row in facts}

    open_page(driver, live_server.url("/alder-og-kjonn"))
    tables = all_tables(driver)
    assert tables, "the page shows no table"
    checked = 0
    for table, header, column, text in cells_with_context(tables):
        number = parse_nb_int(text)
        context = f"{table.caption} | {header} | {column}"
        if number is None or COMPUTED.search(context) or "%" in text:
            continue  # symbols, shares and labelled computed values are checked elsewhere
        year = YEAR.search(column) or YEAR.search(header) or YEAR.search(table.caption)
        assert year, f"no year for the cell {text!r} ({context})"
        age = named(ages, f"{header} | {column}") or named(ages, table.caption)
        sex = named(sexes, f"{header} | {column}") or named(sexes, table.caption)
        lower = context.lower()
        candidates = [
            row
            for row in facts
            if row[0] == int(year.group(0))
            and (age is None or row[3] == age)
            and (sex is None or row[4] == sex)
            and all(row[1] == m for w, m in MEASURE_WORDS.items() if w in lower)
            and all(row[2] == p for w, p in PLACE_WORDS.items() if w in lower)
        ]
        assert number in {row[5] for row in candidates}, (
            f"{text!r} in ({context}) is not a published figure for {year.group(0)}, "
            f"age {age}, sex {sex}"
        )
        checked += 1
    assert checked >= 4, f"only {checked} numbers were checked: is the table empty?"
    assert severe(browser_log(driver)) == []


def test_trygghetsprogrammet_shows_the_case_counts(driver, live_server, facts_db):
    counts = dict(
        facts_db.execute(
            "SELECT year, value FROM facts WHERE measure = 'tp_saker' AND category = 'registrert' "
            "AND preferred ORDER BY year"
        ).fetchall()
    )
    assert counts == {2019: 103, 2020: 205}  # as printed in the 2019 and 2020 reports

    open_page(driver, live_server.url("/trygghetsprogrammet"))
    tables = all_tables(driver)
    for year, count in counts.items():
        places = [
            (header, column)
            for _, header, column, text in cells_with_context(tables)
            if parse_nb_int(text) == count
        ]
        assert places, f"{count} ({year}) is not in any table"
        assert any(str(year) in header + column for header, column in places), places
    assert severe(browser_log(driver)) == []


def test_om_dataene_has_coverage_table_and_how_to_add_figures(driver, live_server):
    open_page(driver, live_server.url("/om-dataene"), expect_charts=False)
    wait_dash_idle(driver)
    tables = all_tables(driver)
    coverage = [
        table
        for table in tables
        if all(name in table.as_text() for name in ("Bærum", "Asker", "Oslo"))
        and YEAR.search(table.as_text())
    ]
    assert coverage, "no table lists what exists for Bærum, Asker and Oslo (with years)"
    section = driver.find_elements(By.ID, "legg-til")
    assert section, "no element with id 'legg-til' (the no-data messages link to it)"
    text = driver.execute_script(
        "var el = arguments[0]; return (el.closest('section') || el).innerText;", section[0]
    )
    assert section[0].tag_name in ("h2", "h3") or section[0].find_elements(By.XPATH, ".//h2|.//h3")
    assert "mal" in text.lower(), text  # explains the import template
    assert severe(browser_log(driver)) == []


def test_overview_key_figures_link_to_charts_that_show_them(driver, live_server):
    open_page(driver, live_server.url("/"), expect_charts=False)
    figures = driver.execute_script(
        """
        return Array.from(document.querySelectorAll('#main .key-figure')).map(function (li) {
          var value = li.querySelector('.value');
          var link = li.querySelector('a[href]');
          return [value ? value.textContent.trim() : '', link ? link.href : ''];
        });
        """
    )
    assert figures, "the overview shows no key figures"
    problems = []
    for value, href in figures:
        if not href.startswith(live_server.base_url + "/"):
            problems.append(f"{value}: no link to its chart ({href!r})")
            continue
        open_page(driver, href, expect_charts=False)
        if urlsplit(href).path not in TEXT_PAGES:
            wait_charts(driver)
        assert "Traceback" not in driver.page_source
        note = driver.find_element(By.CSS_SELECTOR, "#main [role=status]").text
        if note:
            problems.append(f"{value}: {href} opens with a note: {note!r}")
        shown = [text for *_, text in cells_with_context(all_tables(driver))]
        if value not in shown:
            problems.append(f"{value}: not in any table on {href}")
    assert problems == [], "overview links:\n" + "\n".join(problems)
    assert severe(browser_log(driver)) == []
