"""Report figures: `/last-ned/rapportfigurer.zip`, opened as the SLT coordinator would.

The ZIP is read with zipfile, its PNGs with Pillow, its SVGs with an XML parser and its
CSVs with csv; every number in it is compared with the warehouse, and the README's list
with the files. Images are drawn by the real renderer (system Chromium via kaleido).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from PIL import Image
from plotly.utils import PlotlyJSONEncoder

from dashboard.charts.listing import REGISTRY
from dashboard.web.factory import PAGES
from dashboard.web.layout.page import layout_for
from dashboard.web.outputs import images as web_images
from dashboard.web.outputs import links
from dashboard.web.pages import mote, oversikt
from tests.facts import stored

URL = "/last-ned/rapportfigurer.zip?kommune=baerum&aar=2020"
SVG = "{http://www.w3.org/2000/svg}"
#: Each chart's files, as the README lists them.
STEM = re.compile(r"^ ?(\d+)\. (.+)\n    (\S+)\.png, \3\.svg, \3\.csv, \3\.txt$", re.M)


@pytest.fixture(scope="module")
def archive(app) -> zipfile.ZipFile:
    response = app.server.test_client().get(URL)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/zip"
    assert (
        "Rapportfigurer%20%E2%80%93%20B%C3%A6rum%202020.zip"
        in (response.headers["Content-Disposition"])
    )
    return zipfile.ZipFile(io.BytesIO(response.data))


def listed(archive: zipfile.ZipFile) -> list[tuple[int, str, str]]:
    """(number, title, stem) of every chart the README lists, in its order."""
    text = archive.read("LESMEG.txt").decode("utf-8")
    return [(int(n), title, stem) for n, title, stem in STEM.findall(text)]


def svg_words(data: bytes) -> str:
    return " ".join("".join(n.itertext()) for n in ET.fromstring(data).iter(f"{SVG}text"))


@pytest.mark.render
def test_readme_lists_every_file_in_report_order(archive):
    charts = listed(archive)
    assert [n for n, _, _ in charts] == list(range(1, len(charts) + 1))
    ids = [stem.split("-", 1)[1] for _, _, stem in charts]
    # report order: the pages' order, then each page's charts in their declared order
    page_order = [spec.name for spec in PAGES]
    positions = [(page_order.index(REGISTRY[i].page), list(REGISTRY).index(i)) for i in ids]
    assert positions == sorted(positions)
    assert {"utvikling", "geografi-personer", "gjentatt", "alder-kjonn", "trygghet-trakt"} <= set(
        ids
    )
    files = {f"{stem}.{ext}" for _, _, stem in charts for ext in ("png", "svg", "csv", "txt")}
    assert set(archive.namelist()) == files | {"LESMEG.txt", "00-nokkeltall.txt"}


@pytest.mark.render
def test_every_chart_has_print_png_and_svg_with_title_and_source(archive):
    for _, title, stem in listed(archive):
        image = Image.open(io.BytesIO(archive.read(f"{stem}.png")))
        image.verify()
        # 1920 px wide, at least 1280 high (taller where many bars need it)
        assert image.size[0] == 1920 and image.size[1] >= 1280, stem
        words = svg_words(archive.read(f"{stem}.svg"))
        assert "Kilde:" in words and "Lisens:" in words, stem
        assert title.split(",")[0][:30] in words, stem


@pytest.mark.render
def test_every_csv_number_is_the_warehouses_and_of_the_report_year(archive, con):
    checked = 0
    for _, _, stem in listed(archive):
        rows = list(csv.DictReader(io.StringIO(archive.read(f"{stem}.csv").decode("utf-8-sig"))))
        assert rows, stem
        for row in rows:
            assert int(row["year"]) <= 2020, (stem, row["year"])
            value, status = stored(con, row)
            cell = row[row["measure"]]
            if value is None:
                assert cell == "" and row["status"] == status and status
            else:
                assert float(cell) == value and row["status"] == ""
            checked += 1
    assert checked > 100


@pytest.mark.render
def test_svg_draws_the_warehouse_values(archive, con):
    stem = next(s for _, _, s in listed(archive) if s.endswith("-gjentatt"))
    labels = set(
        "".join(n.itertext()) for n in ET.fromstring(archive.read(f"{stem}.svg")).iter(f"{SVG}text")
    )
    values = con.execute(
        "SELECT value FROM facts WHERE source_id = 'slt2020-gjentatt-kriminalitet' AND preferred"
    ).fetchall()
    assert values and all(f"{v:.0f}" in labels for (v,) in values)


@pytest.mark.render
def test_text_file_has_alt_text_summary_source_and_link(archive):
    for _, title, stem in listed(archive):
        text = archive.read(f"{stem}.txt").decode("utf-8")
        assert text.startswith(title), stem
        assert "Alternativ tekst (til bildet):\n" in text and "Oppsummering:\n" in text, stem
        alt = text.split("Alternativ tekst (til bildet):\n", 1)[1].split("\n", 1)[0]
        assert alt.startswith(("Linjediagram", "Stolpediagram")) and len(alt) > 40, stem
        assert "\nKilde: " in text and "Figuren på nettet: http://localhost/" in text, stem


@pytest.mark.render
def test_concern_talks_figure_compares_the_two_years_its_words_state(archive):
    # The overview says "101, ned 25 % fra 134 i 2019": the 2020 figure shows both bars,
    # and its alt text is a sentence (it read "…, 2020: 2020 101.").
    (stem,) = [stem for _, _, stem in listed(archive) if stem.endswith("oppfolging-samtaler")]
    words = svg_words(archive.read(f"{stem}.svg"))
    assert "134" in words and "101" in words and "2019" in words and "2020" in words
    text = archive.read(f"{stem}.txt").decode("utf-8")
    alt = text.split("Alternativ tekst (til bildet):\n", 1)[1].split("\n", 1)[0]
    assert alt == (
        "Stolpediagram. Politiets bekymringssamtaler i Bærum, 2019 og 2020: "
        "134 i 2019 og 101 i 2020 (ned 25\u00a0% fra 2019)."
    )
    rows = list(csv.DictReader(io.StringIO(archive.read(f"{stem}.csv").decode("utf-8-sig"))))
    assert len(rows) == 2  # the CSV holds what the figure draws


@pytest.mark.render
def test_key_figures_come_first_with_sources(archive):
    text = archive.read("00-nokkeltall.txt").decode("utf-8")
    assert "288 i 2020" in text  # anmeldelser 10–17, gjerningssted Bærum (SLT 2020, table)
    assert text.count("Kilde: ") >= 5


@pytest.mark.render
def test_charts_without_figures_are_named_in_the_readme(archive):
    text = archive.read("LESMEG.txt").decode("utf-8")
    empty = text.split("Figurer uten tall for dette valget", 1)[1]
    assert "Bekymringer om ekstremisme" in empty and "Bærum 2018–2019" in empty


@pytest.mark.render
def test_english_zip_has_an_english_readme(client):
    response = client.get(URL + "&lang=en")
    names = zipfile.ZipFile(io.BytesIO(response.data)).namelist()
    assert "README.txt" in names and "LESMEG.txt" not in names


@pytest.mark.render
def test_year_before_the_data_is_a_period_of_that_year_not_later_years(client):
    response = client.get("/last-ned/rapportfigurer.zip?kommune=baerum&aar=2011")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    for name in archive.namelist():
        if name.endswith(".csv"):
            text = archive.read(name).decode("utf-8-sig")
            years = {r["year"] for r in csv.DictReader(io.StringIO(text))}
            assert years <= {"2010", "2011"}, (name, years)


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        ("kommune=nope&aar=2020", 400, "«nope» kan ikke brukes for «kommune»"),
        ("kommune=baerum&aar=abc", 400, "«abc» kan ikke brukes for «aar»"),
        ("kommune=baerum&aar=1990", 400, "Skriv adressen slik"),
        ("kommune=asker&aar=2001", 404, "År med tall for Asker: 2010–2024"),
    ],
)
def test_bad_parameters_get_a_note_saying_what_to_write(client, query, status, words):
    response = client.get(f"/last-ned/rapportfigurer.zip?{query}")
    assert response.status_code == status and response.mimetype == "text/plain"
    assert words in response.get_data(as_text=True)


def test_without_a_browser_the_zip_is_503_with_where_the_numbers_are(app, client, tmp_path):
    keep = app.server.extensions[web_images.EXTENSION]
    app.server.extensions[web_images.EXTENSION] = web_images.ImageService(
        tmp_path, web_images.Renderer(timeout=1, browser=lambda: None)
    )
    try:
        response = client.get(URL)
    finally:
        app.server.extensions[web_images.EXTENSION] = keep
    assert response.status_code == 503
    assert "/last-ned/alle-data.zip" in response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["oversikt", "mote"])
def test_overview_and_mote_link_to_the_zip_of_their_kommune_and_year(app, page):
    layout = mote.layout_for(PAGES) if page == "mote" else layout_for(oversikt.SPEC)
    with app.server.test_request_context("/"):
        tree = json.dumps(layout(kommune="oslo", aar="2020"), cls=PlotlyJSONEncoder)
    assert json.dumps(links.report_href("oslo", 2020)) in tree
    assert "Last ned rapportfigurene (Oslo 2020)" in tree
