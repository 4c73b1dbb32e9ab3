"""Every chart page for every kommune and a range of years: tables show the CSV's numbers.

For each chart card, the numbers in "Vis som tabell" are compared with the rows of the
card's own "Last ned data (CSV)" link (the rows behind the chart), and those rows with
the warehouse; a kommune without data shows a no-data message, never an empty chart.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.e2e.browser import (
    browser_log,
    expected_cell,
    open_chart_table,
    open_page,
    severe,
)

pytestmark = pytest.mark.browser

CHART_PAGES = ["/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet"]
KOMMUNER = ["baerum", "asker", "oslo"]
RANGES = [(2014, 2019), (2016, 2020)]


@pytest.mark.parametrize("fra,til", RANGES, ids=[f"{a}-{b}" for a, b in RANGES])
@pytest.mark.parametrize("kommune", KOMMUNER)
@pytest.mark.parametrize("path", CHART_PAGES)
def test_tables_show_exactly_the_published_numbers(
    driver, live_server, facts_db, path, kommune, fra, til
):
    open_page(driver, live_server.url(f"{path}?kommune={kommune}&fra={fra}&til={til}"))
    assert severe(browser_log(driver)) == []
    cards = driver.find_elements(By.CSS_SELECTOR, "#main .chart-card")
    if not cards:
        # No chart of the page has figures for the kommune: one box says so and links to
        # where the figures exist (never a wall of empty cards, never an empty axis).
        box = driver.find_element(By.CSS_SELECTOR, "#main .no-data-page")
        assert "kommune=" in box.find_element(By.CSS_SELECTOR, "li a").get_attribute("href")
        assert not driver.find_elements(By.CSS_SELECTOR, "#main .js-plotly-plot")
        return
    drawn = 0
    for card in cards:
        if card.find_elements(By.CSS_SELECTOR, ".no-data"):
            text = card.find_element(By.CSS_SELECTOR, ".no-data").text
            assert "import" in text.lower() or "legge til" in text.lower(), text
            assert not card.find_elements(By.CSS_SELECTOR, ".js-plotly-plot")
            continue
        drawn += 1
        table = open_chart_table(driver, card)
        shown = {cell for _header, cells in table.rows for cell in cells}
        # Key figures drawn above a card from the card's own rows (Oppfølging: extremism).
        parent = card.find_element(By.XPATH, "..")
        shown |= {
            el.text.strip() for el in parent.find_elements(By.CSS_SELECTOR, ".key-figures .value")
        }
        link = card.find_element(By.CSS_SELECTOR, "a.download").get_attribute("href")
        assert f"kommune={kommune}" in link
        rows = live_server.get_csv(link)
        assert rows, f"{path}: the CSV behind a drawn chart is empty"
        for row in rows:
            cell = row[row["measure"]]  # each measure has its own column
            value = float(cell) if cell else None
            # Each published number (or its missing-symbol) appears in the table as printed.
            if value is not None and not value.is_integer():
                continue  # decimals (rates) are checked in test_trend / the unit tests
            want = expected_cell(value, row["status"] or None)
            assert any(
                want == cell or cell.startswith((want + " ", want + "\u00a0")) for cell in shown
            ), (
                f"{path} {kommune} {fra}-{til}: {row['measure']} {row['year']} {want!r} not in table {table.caption!r}"
            )
            # ... and the CSV row is the warehouse's fact.
            if row.get("source_id") and row.get("year"):
                found = facts_db.execute(
                    "SELECT value, status FROM facts WHERE source_id = ? AND year = ? AND measure = ? "
                    "AND municipality = ? AND place_role = ? AND residence = ? AND age_group = ? "
                    "AND sex = ? AND offence_group = ? AND offence_subgroup = ? AND category = ?",
                    [
                        row["source_id"],
                        int(row["year"]),
                        row["measure"],
                        row["municipality"],
                        row["place_role"],
                        row["residence"],
                        row["age_group"],
                        row["sex"],
                        row["offence_group"],
                        row["offence_subgroup"],
                        row["category"],
                    ],
                ).fetchall()
                assert found == [(value, row["status"] or None)], row
    if kommune == "baerum":
        assert drawn > 0, f"{path}: Bærum should have at least one drawn chart"
