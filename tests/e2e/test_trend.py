"""/trend in a real browser: rendered numbers = the warehouse, and the URL is the state.

Expected numbers come from the warehouse file the server reads (queried here with
DuckDB, read-only), selected by the SLT report table they were printed in: table A
(reports, scene of crime in Bærum) and table B (reports, suspects resident in Bærum),
both by age 10–14/15–17 × girls/boys, 2013–2020.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By

from tests.e2e.browser import (
    RenderedTable,
    browser_log,
    charts_ready,
    checked_values,
    expected_cell,
    open_chart_table,
    open_page,
    read_tables,
    severe,
    wait_charts,
    wait_dash_idle,
    wait_stale,
    wait_until,
    wait_url,
)

pytestmark = pytest.mark.browser

TABLE_A = "slt2020-anmeldelser-10-17-gjerningssted"
TABLE_B = "slt2020-anmeldelser-10-17-bosted"


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def youth_facts(facts_db, source_id: str, fra: int, til: int) -> dict[tuple[str, str, str], str]:
    """(age label, sex label, year) -> the cell text the table must show, from one report table."""
    rows = facts_db.execute(
        """
        SELECT a.label_nb, s.label_nb, f.period, f.value, f.status
        FROM facts f
        JOIN dim_age_group a ON a.code = f.age_group
        JOIN dim_sex s ON s.code = f.sex
        WHERE f.source_id = $source AND f.preferred
          AND f.municipality = 'baerum' AND f.measure = 'anmeldelser'
          AND f.age_group IN ('10-14', '15-17') AND f.sex IN ('jenter', 'gutter')
          AND (f.residence = 'alle' OR (f.place_role = 'bosted' AND f.residence = 'baerum'))
          AND f.offence_group = 'alle' AND f.category = 'alle'
          AND f.year BETWEEN $fra AND $til
        """,
        {"source": source_id, "fra": fra, "til": til},
    ).fetchall()
    assert rows, f"no facts for {source_id} {fra}-{til}: the test's query is wrong"
    return {
        (age, sex, period): expected_cell(value, status) for age, sex, period, value, status in rows
    }


def assert_table_is(table: RenderedTable, expected: dict[tuple[str, str, str], str]) -> None:
    """Every cell of the rendered table equals the warehouse, and no fact is left out."""
    years = sorted({year for _, _, year in expected})
    assert table.columns[1:] == years, f"year columns {table.columns[1:]} != {years}"
    assert len(table.rows) == len({(a, s) for a, s, _ in expected}), table.as_text()
    seen = set()
    for header, cells in table.rows:
        matches = [(a, s) for a, s, _ in expected if a in header and s in header]
        assert len(set(matches)) == 1, f"row {header!r} does not name one age group and sex"
        age, sex = matches[0]
        for year, text in zip(years, cells, strict=True):
            want = expected[(age, sex, year)]
            assert text == want, f"{header} {year}: shown {text!r}, warehouse {want!r}"
            seen.add((age, sex, year))
    assert seen == set(expected)


def utvikling_card(driver):
    return driver.find_element(By.ID, "card-utvikling")


def drawn_traces(driver, chart_id: str) -> int:
    return len(
        driver.find_elements(By.CSS_SELECTOR, f"#graph-{chart_id} .main-svg .scatterlayer .trace")
    )


def click_choice(driver, control_id: str, value: str) -> None:
    """Click the label of a radio/checkbox option (as a visitor does)."""
    label = driver.find_element(
        By.XPATH, f"//*[@id='{control_id}']//label[.//input[@value='{value}']]"
    )
    label.click()


def settle(driver) -> None:
    wait_dash_idle(driver)
    wait_charts(driver)
    wait_dash_idle(driver)


@pytest.mark.parametrize(("fra", "til"), [(2013, 2020), (2016, 2018)])
def test_table_shows_table_a_for_the_chosen_years(driver, live_server, facts_db, fra, til):
    open_page(driver, live_server.url(f"/trend?kommune=baerum&fra={fra}&til={til}"))
    table = open_chart_table(driver, utvikling_card(driver))
    assert_table_is(table, youth_facts(facts_db, TABLE_A, fra, til))
    assert f"{fra}–{til}" in table.caption
    assert drawn_traces(driver, "utvikling") == len(table.rows)
    assert severe(browser_log(driver)) == []


def test_filter_changes_chart_table_csv_and_url_together(driver, live_server, facts_db):
    open_page(driver, live_server.url("/trend?kommune=baerum&fra=2013&til=2020"))
    old_table = utvikling_card(driver).find_element(By.TAG_NAME, "table")
    label = driver.find_element(
        By.XPATH, "//*[@id='trend-sted']//label[normalize-space()='Bosted']"
    )
    label.click()
    url = wait_url(driver, lambda u: "sted=bosted" in u, "got sted=bosted")
    wait_stale(driver, old_table, "the trend table")
    settle(driver)

    card = utvikling_card(driver)
    table = open_chart_table(driver, card)
    expected = youth_facts(facts_db, TABLE_B, 2013, 2020)
    assert_table_is(table, expected)
    assert "bosatt" in table.caption  # the title says which population
    assert drawn_traces(driver, "utvikling") == len(table.rows)

    href = card.find_element(By.PARTIAL_LINK_TEXT, "Last ned data (CSV)").get_attribute("href")
    assert "sted=bosted" in href
    assert query_of(href)["fra"] == ["2013"] and query_of(url)["sted"] == ["bosted"]
    rows = live_server.get_csv(href)
    assert rows and {r["place_role"] for r in rows} == {"bosted"}
    assert {r["source_id"] for r in rows} == {TABLE_B}
    assert len(rows) == len(expected)
    for row in rows:
        assert float(row[row["measure"]]) == float(
            facts_db.execute(
                "SELECT value FROM facts WHERE source_id = ? AND year = ? AND age_group = ? "
                "AND sex = ? AND preferred",
                [TABLE_B, int(row["year"]), row["age_group"], row["sex"]],
            ).fetchone()[0]
        )
    assert severe(browser_log(driver)) == []


def test_back_button_restores_the_previous_view(driver, live_server, facts_db):
    open_page(driver, live_server.url("/trend?kommune=baerum&fra=2013&til=2020"))
    before = driver.current_url
    click_choice(driver, "trend-sted", "bosted")
    wait_url(driver, lambda u: "sted=bosted" in u, "got sted=bosted")
    settle(driver)
    assert "bosatt" in driver.find_element(By.ID, "utvikling-title").text

    driver.back()
    url = wait_url(driver, lambda u: "sted=bosted" not in u, "lost sted=bosted after back()")
    assert url == before
    assert query_of(url).get("sted", ["gjerningssted"]) == ["gjerningssted"]

    def shows_scene_of_crime(d) -> bool:
        title = d.find_element(By.ID, "utvikling-title").text
        return "gjerningssted" in title and checked_values(d).get("trend-sted") == ["gjerningssted"]

    try:
        wait_until(driver, shows_scene_of_crime, "", timeout=5)
    except TimeoutException:
        pytest.fail(
            f"after back() the URL is {url} but the page still shows "
            f"{driver.find_element(By.ID, 'utvikling-title').text!r} with sted="
            f"{checked_values(driver).get('trend-sted')}: the view did not follow the URL",
            pytrace=False,
        )
    settle(driver)
    table = open_chart_table(driver, utvikling_card(driver))
    assert_table_is(table, youth_facts(facts_db, TABLE_A, 2013, 2020))
    assert driver.current_url == before


def test_copied_url_reopens_the_same_view_in_a_new_browser(driver, live_server, new_browser):
    open_page(driver, live_server.url("/trend"))
    for control, value, param in (
        ("trend-maal", "forhold", "maal=forhold"),
        ("trend-lovbrudd", "vinning", "lovbrudd=vinning"),
        ("trend-alder", "18-22", "alder=18-22"),
    ):
        click_choice(driver, control, value)
        wait_url(driver, lambda u, p=param: p in u, f"got {param}")
        settle(driver)
    copied = driver.current_url
    state = checked_values(driver)
    assert state["trend-maal"] == ["forhold"]
    assert state["trend-lovbrudd"] == ["vinning"]
    assert state["trend-alder"] == ["18-22"]
    tables = [t.as_text() for t in read_tables(driver)]
    assert tables and "18–22" in tables[0]

    other = new_browser()
    open_page(other, copied)
    assert query_of(other.current_url) == query_of(copied)
    assert checked_values(other) == state
    assert [t.as_text() for t in read_tables(other)] == tables
    assert severe(browser_log(other)) == []


def test_bad_url_parameters_give_a_polite_note_and_the_default_chart(driver, live_server):
    open_page(driver, live_server.url("/trend?kommune=xyz&fra=abc&foo=1"))
    note = driver.find_element(By.CSS_SELECTOR, "#main [role=status]")
    assert "«xyz»" in note.text, f"note shown: {note.text!r}"
    assert "«abc»" in note.text and "«foo»" in note.text
    card = utvikling_card(driver)
    assert "Bærum" in card.find_element(By.TAG_NAME, "h2").text  # the default kommune
    assert drawn_traces(driver, "utvikling") > 0
    assert not card.find_elements(By.CSS_SELECTOR, ".no-data")
    assert checked_values(driver)["trend-kommune"] == ["baerum"]
    assert "Traceback" not in driver.page_source
    assert severe(browser_log(driver)) == []


def test_no_data_is_said_not_drawn(driver, live_server):
    """Asker has no SLT trend: the page opens on the charts that draw, and the missing one
    is one line at the end that opens to say what exists instead, never empty axes."""
    open_page(driver, live_server.url("/trend?kommune=asker"))
    fold = driver.find_element(By.CSS_SELECTOR, "details.not-published")
    assert fold.is_displayed() and "Asker" in fold.find_element(By.TAG_NAME, "summary").text
    fold.find_element(By.TAG_NAME, "summary").click()
    item = utvikling_card(driver)
    assert item.is_displayed()
    assert "importmalen" in item.text
    assert "Bærum" in item.text  # says what exists instead
    assert not item.find_elements(By.CSS_SELECTOR, ".js-plotly-plot")  # no empty axes
    assert charts_ready(driver)  # the charts above it draw
    assert severe(browser_log(driver)) == []


def test_waits_do_not_hide_a_missing_chart(driver, live_server):
    """Guard for the helpers above: waiting for a chart on a page without one times out."""
    from selenium.common.exceptions import TimeoutException

    driver.get(live_server.url("/finnes-ikke"))
    wait_dash_idle(driver)
    with pytest.raises(TimeoutException):
        wait_until(driver, lambda d: charts_ready(d), "no chart", timeout=1)
