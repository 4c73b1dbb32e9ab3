"""Pages print on A4: Chromium's own print-to-PDF, read back with pypdf.

What a reader gets on paper: the view as chosen stated under the heading, no navigation
or controls, every chart card whole on one page (its title, its summary sentence and its
source on the same page), no blank page, and the address of the view at the end.
"""

from __future__ import annotations

import base64
import io
import re

import pytest
from pypdf import PdfReader

from tests.e2e.browser import open_page, wait_until
from tests.e2e.fitting import reset_viewport, viewport

pytestmark = pytest.mark.browser

PAGES = [
    "/trend?kommune=baerum",
    "/geografi?kommune=baerum",
    "/alder-og-kjonn?kommune=baerum",
    "/trygghetsprogrammet?kommune=baerum",
    "/trend?kommune=oslo&lang=en",
    "/?kommune=oslo",
]
#: A4 (210 x 297 mm) in PostScript points, as Chromium rounds it to whole pixels.
A4 = (595, 842)
#: The printed area of an A4 page within style.css's @page margins (12 mm, 14 mm), in CSS px.
PAGE_W, PAGE_H = round((210 - 24) / 25.4 * 96), round((297 - 28) / 25.4 * 96)

CARDS = """
return Array.from(document.querySelectorAll('#main .chart-card')).map(function (card) {
  var box = card.getBoundingClientRect();
  var title = card.querySelector('h2, h3');
  var summary = card.querySelector('.summary');
  var source = card.querySelector('.source');
  var nodata = card.querySelector('.no-data');
  return {
    title: title ? title.textContent : '',
    summary: summary ? summary.textContent : '',
    source: source ? source.textContent : '',
    nodata: nodata ? nodata.textContent : '',
    height: box.height
  };
});
"""
AT_PRINT_WIDTH = """
return Array.from(document.querySelectorAll('#main .js-plotly-plot')).every(function (gd) {
  return gd._fullLayout && gd._fullLayout.width <= 700;
});
"""
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def squeeze(text: str) -> str:
    """Text without whitespace or ligatures: PDF text breaks lines where the page did."""
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    return re.sub(r"\s+", "", text)


def print_pdf(driver) -> tuple[PdfReader, list[dict], float]:
    """Print the current page as Chromium does (print media, the page's own @page size),
    the cards as laid out on the page's printed width (their heights), and the height of
    everything printed (px)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        wait_until(driver, lambda d: d.execute_script(AT_PRINT_WIDTH), "charts at the page width")
        viewport(driver, PAGE_W, PAGE_H)
        cards = driver.execute_script(CARDS)
        content = driver.execute_script("return document.querySelector('.shell').scrollHeight;")
        reset_viewport(driver)
        pdf = driver.execute_cdp_cmd(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False}
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        reset_viewport(driver)
    return PdfReader(io.BytesIO(base64.b64decode(pdf["data"]))), cards, content


@pytest.mark.parametrize("path", PAGES)
def test_a_page_prints_on_a4_with_every_chart_card_whole(driver, live_server, path):
    open_page(driver, live_server.url(path), expect_charts=not path.startswith("/?"))
    chosen = driver.execute_script(
        "var c = document.querySelector('.filters-chosen'); return c ? c.textContent : '';"
    )
    nav = driver.execute_script(
        "return Array.from(document.querySelectorAll('.site-nav a')).map(a => a.textContent);"
    )
    reader, cards, content = print_pdf(driver)
    pages = [squeeze(page.extract_text()) for page in reader.pages]
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4
    assert all(len(text) > 40 for text in pages), "a blank or almost blank page"
    # Each card on one page: title, chart, summary sentence and source together. A card
    # taller than a page (long notes) breaks after its chart, never inside it.
    if not path.startswith("/?"):
        assert cards, f"no chart cards on {path}"
    # No run of blank or near-empty pages: at most the pages the content fills, plus one
    # page's remainder per card moved whole to the next page.
    most = -(-content // PAGE_H) + len(cards) + 1
    assert len(pages) <= most, (len(pages), content, [c["height"] for c in cards])
    for card in cards:
        title = squeeze(card["title"])
        on = [n for n, text in enumerate(pages) if title in text]
        assert on, f"{card['title']!r} is not printed"
        page = pages[on[0]]
        if card["height"] <= PAGE_H:
            for part in ("summary", "source", "nodata"):
                tail = squeeze(card[part])[-60:]
                assert tail in page, f"{card['title']!r}: its {part} is on another page"
        else:  # the chart whole above its summary; a long summary or notes go on
            start = squeeze(card["summary"])[len(title) : len(title) + 60]
            assert start in page, f"{card['title']!r}: its chart is split from its summary"
    everything = "".join(pages)
    # The view as chosen, stated at the top; the controls and navigation are not printed.
    if chosen:
        assert squeeze(chosen) in pages[0]
    assert squeeze("".join(nav)) not in everything
    assert (
        squeeze("Velg visning") not in everything and squeeze("Choose the view") not in everything
    )
    # Where the printed view lives, at the end.
    assert squeeze(live_server.url(path)) in pages[-1]
