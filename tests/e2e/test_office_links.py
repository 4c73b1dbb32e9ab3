"""The Word report and the PowerPoint from the links a visitor clicks: on the overview's
"Til møtet og rapporten" and in Møtemodus beside "Lenke til dette møtet". The browser
fetches each link and gets an Office file (a ZIP package: "PK") of the right type.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By

from tests.e2e.browser import open_page

pytestmark = pytest.mark.browser

FETCH = """
var done = arguments[arguments.length - 1];
fetch(arguments[0]).then(function (r) {
  return r.arrayBuffer().then(function (b) {
    var head = new Uint8Array(b.slice(0, 2));
    done([r.status, r.headers.get('content-type'), String.fromCharCode(head[0], head[1])]);
  });
}).catch(function (e) { done([0, String(e), '']); });
"""
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@pytest.mark.parametrize(
    ("path", "link_id", "kind", "words"),
    [
        ("/?kommune=asker&aar=2020", "wordreport-link", DOCX, "Asker 2020"),
        ("/?kommune=asker&aar=2020", "presentation-link", PPTX, "PowerPoint"),
        ("/mote?kommune=asker&aar=2020", "mote-wordreport", DOCX, "Asker 2020"),
        ("/mote?kommune=asker&aar=2020", "mote-presentation", PPTX, "uten nett"),
    ],
)
def test_links_download_the_office_file_of_the_view(
    driver, live_server, path, link_id, kind, words
):
    open_page(driver, live_server.url(path), expect_charts=False)
    link = driver.find_element(By.ID, link_id)
    href = link.get_attribute("href")
    assert words in link.text and link.get_attribute("download") is not None
    query = parse_qs(urlsplit(href).query)
    assert query["kommune"] == ["asker"] and query["aar"] == ["2020"]
    driver.set_script_timeout(90)
    status, content_type, magic = driver.execute_async_script(FETCH, href)
    assert (status, content_type, magic) == (200, kind, "PK")
