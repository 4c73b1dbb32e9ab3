"""The "Om dataene" page: sources, definitions, the coverage matrix, symbols, breaks and the
import template, checked against the warehouse and the code that validates the data."""

from __future__ import annotations

import re

import pytest

from dashboard import dimensions as dims
from dashboard.build import datafiles
from dashboard.charts.registry import events_for
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.web.layout import about as om
from dashboard.web.layout.page import layout_for
from dashboard.web.pages import om_dataene as page
from dashboard.words.numbers import format_number, year_ranges
from tests.paths import DATA_FORMAT_DOC

DOC = DATA_FORMAT_DOC


def walk(component):
    yield component
    children = getattr(component, "children", None)
    if isinstance(children, (list, tuple)):
        for child in children:
            yield from walk(child)
    elif children is not None:
        yield from walk(children)


def text_of(component) -> str:
    return " ".join(str(x) for x in walk(component) if isinstance(x, (str, int, float)))


def of_type(tree, name: str) -> list:
    return [c for c in walk(tree) if type(c).__name__ == name]


@pytest.fixture(scope="module")
def app(warehouse_path):
    return create_app(Settings(warehouse=warehouse_path))


@pytest.fixture(scope="module")
def layout(app):
    with app.server.test_request_context("/om-dataene"):
        return layout_for(page.SPEC)()


@pytest.fixture(scope="module")
def layout_en(app):
    with app.server.test_request_context("/om-dataene"):
        return layout_for(page.SPEC)(lang="en")


# ---------------------------------------------------------------------------- sources


def test_every_source_is_listed_with_its_provenance(con, layout):
    stored = (
        con.cursor()
        .execute("SELECT source_id, title, publication, licence, section FROM dim_source")
        .fetchall()
    )
    entries = {c.id: c for c in of_type(layout, "Details") if str(c.id).startswith("kilde-")}
    assert set(entries) == {f"kilde-{source_id}" for source_id, *_ in stored}
    for source_id, title, publication, licence, section in stored:
        text = text_of(entries[f"kilde-{source_id}"])
        assert title in text and publication in text and licence in text and section in text
        assert f"data/{source_id}.csv" in text


def test_source_counts_match_the_facts(con):
    held = dict(
        con.cursor().execute("SELECT source_id, count(*) FROM fact GROUP BY ALL").fetchall()
    )
    for source in om.sources(con.cursor(), "nb"):
        fields = {name: text for name, _label, text in source.fields}
        count = format_number(held[source.source_id], 0, "nb")  # 5 307 with a thin space
        assert fields["held"].startswith(f"{count} tall")


def test_source_urls_are_links(con, layout):
    urls = {
        u
        for (u,) in con.cursor()
        .execute("SELECT source_url FROM dim_source WHERE source_url LIKE 'http%'")
        .fetchall()
    }
    assert urls, "the data has sources with an address"
    hrefs = {a.href for a in of_type(layout, "A")}
    assert urls <= hrefs


# ------------------------------------------------------------------------ definitions


def test_measures_and_place_roles_are_explained(con, layout):
    text = text_of(layout)
    for code, measure in dims.MEASURES.items():
        assert measure.nb in text, code
        assert measure.description_nb in text, code
    for role in ("gjerningssted", "bosted"):
        assert dims.PLACE_ROLES[role].description_nb in text


def test_symbols_are_listed_and_missing_is_never_zero(con, layout):
    table = om.statuses(con.cursor(), "nb")
    cur = con.cursor()
    stored = [c for (c,) in cur.execute("SELECT code FROM dim_status ORDER BY sort").fetchall()]
    assert list(table["Symbol"]) == stored == ["..", ":", ".", "-"]
    assert "aldri som 0" in text_of(layout)


# --------------------------------------------------------------------------- coverage


def test_year_ranges():
    assert year_ranges([2013, 2014, 2015]) == "2013–2015"
    assert year_ranges([2018, 2012]) == "2012, 2018"
    assert year_ranges([2017, 2021, 2022, 2023]) == "2017, 2021–2023"
    assert year_ranges([2020, 2020]) == "2020"


def test_coverage_matrix_matches_the_facts(con):
    matrix = om.coverage(con.cursor(), "nb").set_index("Mål")
    rows = (
        con.cursor()
        .execute(
            """
        SELECT me.label_nb, m.label_nb, list(DISTINCT f.year ORDER BY f.year)
        FROM facts f
        JOIN dim_measure me ON me.code = f.measure
        JOIN dim_municipality m ON m.code = f.municipality
        WHERE f.preferred GROUP BY ALL
        """
        )
        .fetchall()
    )
    present = {(measure, area): years for measure, area, years in rows}
    assert set(matrix.index) == {measure for measure, _ in present}
    for measure in matrix.index:
        for area in matrix.columns:
            cell = matrix.at[measure, area]
            if (measure, area) in present:
                years = present[(measure, area)]
                assert cell.startswith(str(years[0])) and cell.endswith(str(years[-1]))
            else:
                assert cell == om.NONE
    # Spot checks against the published tables.
    assert matrix.at["Anmeldelser", "Bærum"] == "2013–2020"
    # SaLTo as quoted: robberies 2014, violence 2023 (and TV 2's 2023 figure, basis not stated)
    assert matrix.at["Anmeldelser", "Oslo"] == "2014, 2023"
    assert matrix.at["Anmeldelser", "Asker"] == "–"
    assert matrix.at["Bekymringer om ekstremisme", "Oslo politidistrikt"] == "2019"
    assert matrix.at["Saker i Trygghetsprogrammet etter lovbrudd", "Bærum"] == "2020"


def test_coverage_table_is_accessible(layout):
    tables = of_type(layout, "Table")
    assert len(tables) >= 5
    for table in tables:
        assert of_type(table, "Caption"), "every table has a caption"
        headers = of_type(table, "Th")
        assert headers and all(th.scope in ("col", "row") for th in headers)
    captions = [c.children for c in of_type(layout, "Caption")]
    assert "Mål etter område: år med tall" in captions


# -------------------------------------------------------------- breaks and the template


def test_breaks_and_events(con, layout):
    text = text_of(layout)
    for iso, label in events_for("nb"):
        assert label in text, iso
    assert "1. oktober 2015" in text and "12. mars 2020" in text
    assert "Bærum: 0219 → 3024 (2020) → 3201 (2024)" in text
    assert "Asker: 0220 → 3025 (2020) → 3203 (2024)" in text
    assert "Røyken og Hurum" in text


def doc_columns() -> list[str]:
    """The column names in the table of docs/data-format.md."""
    section = DOC.read_text(encoding="utf-8").split("## CSV columns", 1)[1].split("## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


def test_template_columns_are_the_ones_the_build_accepts():
    columns = om.template_columns("nb")
    names = [c.name for c in columns]
    assert sorted(names) == sorted(datafiles.ALLOWED_COLUMNS)
    assert names == doc_columns()
    assert {c.name for c in columns if c.required} == set(datafiles.REQUIRED_COLUMNS)
    by_name = {c.name: c for c in columns}
    assert set(by_name["municipality"].codes) == set(dims.MUNICIPALITIES)
    assert set(by_name["measure"].codes) == set(dims.MEASURES)
    assert set(by_name["status"].codes) == set(dims.STATUSES)
    assert "butikktyveri" in by_name["offence_subgroup"].codes
    assert "butikktyveri" not in by_name["offence_group"].codes
    keys = [k for k, _required, _text in om.sidecar_keys("nb")]
    assert keys == [*datafiles.SIDECAR_REQUIRED, *datafiles.SIDECAR_OPTIONAL]


def test_add_figures_section(layout):
    section = next(c for c in walk(layout) if getattr(c, "id", None) == page.ADD)
    text = text_of(section)
    assert "Slik legger du til tall" in text
    assert "slt-dashboard import FIL.csv" in text
    assert "--replace" in text
    heads = [text_of(th) for th in of_type(section, "Th") if th.scope == "row"]
    assert heads[: len(doc_columns())] == doc_columns()
    assert "municipality_code" in text and "3024" in text


def test_download_all_link(layout, layout_en):
    hrefs = [a.href for a in of_type(layout, "A")]
    assert "/last-ned/alle-data.csv" in hrefs
    assert "/last-ned/alle-data.csv?lang=en" in [a.href for a in of_type(layout_en, "A")]


def test_english_page(layout_en):
    text = text_of(layout_en)
    assert "About the data" in text and "How to add figures" in text
    assert "1 October 2015" in text
    assert "never shown as 0" in text


# ------------------------------------------------------------------------ HTTP and params


def test_page_and_download_respond(app, con):
    client = app.server.test_client()
    assert client.get("/om-dataene").status_code == 200
    response = client.get("/last-ned/alle-data.csv")
    assert response.status_code == 200
    lines = response.get_data(as_text=True).strip().splitlines()
    (count,) = con.cursor().execute("SELECT count(*) FROM fact").fetchone()
    assert len(lines) - 1 == count


def test_garbage_parameters_give_a_note(app):
    with app.server.test_request_context("/om-dataene"):
        tree = layout_for(page.SPEC)(lang="xx", kommune="oslo")
    text = text_of(tree)
    assert "ikke et gyldig valg for «lang»" in text
    assert "ukjent valg («kommune»)" in text
    assert "Om dataene" in text and "Noe gikk galt" not in text


def test_coverage_lists_the_featured_kommuner_and_points_to_every_kommune(con, layout):
    """A table of every kommune's columns says nothing on a phone (and weighed 250 KB):
    the page lists the featured kommuner and the areas that are not kommuner, and links
    to the list of every kommune for the others."""
    frame = om.coverage(con.cursor(), "nb")
    columns = set(frame.columns[1:])
    assert {dims.kommune_name(k, "nb") for k in dims.featured_kommuner()} <= columns
    assert "Norge" in columns and "Lillestrøm" not in columns
    others = om.other_kommuner()
    assert others == len(dims.KOMMUNER) - len(dims.featured_kommuner()) and others > 300
    text = str(layout)
    assert f"De {format_number(others)} andre kommunene" in text
    assert "/kommuner?til=trend" in text
