"""The Word report "Utfordringsbildet <kommune> <år>", read back as the coordinator's Word
would read it (python-docx): its sections against what the warehouse holds, every table
cell against the warehouse, every image's alt text, and the list of sources.

Tests that draw chart images carry the `render` marker (the real renderer, the system
Chromium); the others use a renderer without a browser, which the document survives.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from PIL import Image

from dashboard.charts.listing import REGISTRY
from dashboard.web.factory import PAGES
from dashboard.web.outputs import images as web_images
from dashboard.web.outputs import links, office, wordreport
from dashboard.web.outputs.report import report_figures
from dashboard.web.serving.context import cursor
from dashboard.words.numbers import format_cell
from tests.app.test_downloads import stored

DOCX = office.DOCX_TYPE
NS_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
NS_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
NS_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
#: A computed row of a display table (a sum made here, not a published number).
COMPUTED = re.compile(r"\((beregnet|computed)\)")


def url(kommune: str, aar: object, lang: str = "nb") -> str:
    return links.wordreport_href(kommune, aar, lang)


@dataclass
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level."""

    level: int
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @property
    def words(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def level_of(paragraph: Paragraph) -> int:
    name = paragraph.style.name if paragraph.style is not None else ""
    match = re.fullmatch(r"Heading (\d)", name)
    return int(match.group(1)) if match else 0


def sections(doc: DocxDocument) -> list[Section]:
    """Every heading with all its content (nested headings' content included)."""
    open_: list[Section] = []
    done: list[Section] = []
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph) and level_of(block):
            level = level_of(block)
            while open_ and open_[-1].level >= level:
                done.append(open_.pop())
            for section in open_:  # a sub-heading is part of its parents' content
                section.paragraphs.append(block)
            open_.append(Section(level, block.text))
            continue
        for section in open_:
            if isinstance(block, Paragraph):
                section.paragraphs.append(block)
            else:
                section.tables.append(block)
    return done + open_[::-1]


def heading(doc: DocxDocument, starts: str) -> Section:
    found = [s for s in sections(doc) if s.text.startswith(starts)]
    assert len(found) == 1, (starts, [s.text for s in sections(doc)])
    return found[0]


def chapter_headings(doc: DocxDocument) -> list[str]:
    """The chapter's numbered headings, in order (without the sources part)."""
    return [p.text for p in doc.paragraphs if level_of(p) and re.match(r"2(\.\d)* ", p.text)]


def pictures(doc: DocxDocument) -> Iterator[tuple[str, bytes]]:
    """(alt text, image bytes) of every picture in the body."""
    for inline in doc.element.body.iter(f"{NS_WP}inline"):
        doc_pr = inline.find(f"{NS_WP}docPr")
        blip = next(inline.iter(f"{NS_A}blip"))
        part = doc.part.related_parts[blip.get(f"{NS_R}embed")]
        yield doc_pr.get("descr", ""), part.blob


def cells(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_captions(doc: DocxDocument) -> list[tuple[str, Table]]:
    """(caption text, table) of every table, by the Caption paragraph just before it."""
    out = []
    previous: Paragraph | None = None
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            assert previous is not None and previous.style.name == "Caption", "caption"
            out.append((previous.text, block))
        else:
            previous = block
    return out


@pytest.fixture(scope="module")
def drawn_2020(app):
    """The charts the document for Bærum 2020 is made of, as the report ZIP has them."""
    with app.server.test_request_context("/"):
        drawn, _empty = report_figures(cursor(), PAGES, "baerum", 2020, "nb")
    return drawn


@pytest.fixture(scope="module")
def docx_2020(app) -> DocxDocument:
    response = app.server.test_client().get(url("baerum", 2020))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == DOCX
    disposition = response.headers["Content-Disposition"]
    assert "Utfordringsbildet%20%E2%80%93%20B%C3%A6rum%202020.docx" in disposition
    return Document(io.BytesIO(response.data))


def count(con, sql: str, *params) -> int:
    return con.execute(f"SELECT count(*) FROM facts WHERE preferred AND {sql}", params).fetchone()[
        0
    ]


# ---------------------------------------------------------------------------- Bærum 2020


@pytest.mark.render
def test_baerum_2020_has_the_sections_the_warehouse_has_figures_for(docx_2020, con):
    # What the warehouse holds for Bærum in 2020, section by section of the seed's chapter 2.
    assert count(con, "municipality = 'baerum' AND year = 2020 AND measure = 'anmeldelser'")
    assert count(con, "municipality = 'baerum' AND year = 2020 AND measure = 'bekymringssamtaler'")
    assert count(con, "municipality = 'enhet-vest' AND year = 2020 AND measure = 'tp_saker'")
    assert not count(con, "year = 2020 AND measure LIKE 'ekstremisme%'")
    assert not count(con, "municipality = 'baerum' AND year = 2020 AND measure LIKE 'ungdata%'")
    assert chapter_headings(docx_2020) == [
        "2 Utfordringsbildet Bærum 2020",
        "2.1 Utfordringsbildet i Bærum 2020 beskrevet av politiet",
        "2.1.1 Politiets kriminalitetsstatistikk 2020",
        "2.1.2 Oppfølging av ungdom ved politiets forebyggende avsnitt",
        "2.1.3 Trygghetsprogrammet",
    ]
    # 2.1.1 is grouped by the site's pages, as the seed groups it by topic
    police = heading(docx_2020, "2.1.1 ")
    pages = [p.text for p in police.paragraphs if level_of(p) == 4]
    assert pages == ["Utvikling over tid", "Hvor bor de unge mistenkte?", "Alder og kjønn"]


@pytest.mark.render
def test_every_section_has_a_figure_and_every_chart_is_in_its_section(docx_2020, drawn_2020):
    for part in sections(docx_2020):
        if re.match(r"2\.\d", part.text):
            assert part.tables, f"empty section {part.text}"
    titles = {item.result.chart_id: item.result.title for item in drawn_2020}
    where = {
        "utvikling": "2.1.1 ",
        "gjentatt": "2.1.1 ",
        "alder-kjonn": "2.1.1 ",
        "oppfolging-samtaler": "2.1.2 ",
        "oppfolging-ungdom": "2.1.2 ",
        "trygghet-trakt": "2.1.3 ",
        "trygghet-lovbrudd": "2.1.3 ",
    }
    for chart_id, start in where.items():
        assert "Figur " in heading(docx_2020, start).words
        assert titles[chart_id] in heading(docx_2020, start).words, chart_id


@pytest.mark.render
def test_every_table_is_the_sites_table_and_every_cell_the_warehouses(docx_2020, drawn_2020, con):
    by_title = {item.result.title: item.result for item in drawn_2020}
    tables = table_captions(docx_2020)
    assert len(tables) == sum(1 for item in drawn_2020 if not item.result.table.empty)
    checked = 0
    for caption, table in tables:
        title = re.sub(r"^Tabell \d+\. ", "", caption)
        title = re.sub(r" \(enhet: [^)]*\)$", "", title)
        result = by_title[title]
        shown = wordreport.table_frame(result.table, "nb")
        assert cells(table) == [
            [str(c) for c in shown.columns],
            *[[str(v) for v in row] for row in shown.itertuples(index=False)],
        ], title
        # Every number in the table is a number the warehouse holds for this chart and
        # that year (or the chart's years, for tables without year columns), or a symbol.
        facts: dict[str, set[str]] = {}
        for row in result.data.to_dict("records"):
            value, status = stored(con, row)
            text = format_cell(value, status, 0, "nb")
            facts.setdefault(str(row["year"]), set()).add(text)
            facts.setdefault("*", set()).add(text)
        grid = cells(table)
        header, body = grid[0], grid[1:]
        turned = header[0] == "År"
        for line in body:
            if COMPUTED.search(line[0]):
                continue  # a sum computed here, labelled so; not a published number
            for column, text in zip(header[1:], line[1:], strict=True):
                year = line[0] if turned else column
                allowed = facts.get(year, facts["*"]) | {"..", ":", ".", "-"}
                if text.endswith(" %"):
                    continue  # shares: the Ungdata and extremism charts (not in 2020)
                assert text in allowed, (title, line[0], column, text)
                checked += 1
    assert checked > 100


def table_titled(doc: DocxDocument, starts: str) -> list[list[str]]:
    found = [
        t
        for caption, t in table_captions(doc)
        if re.sub(r"^Tabell \d+\. ", "", caption).startswith(starts)
    ]
    assert len(found) == 1, starts
    return cells(found[0])


def cell(grid: list[list[str]], row: str, column: str) -> str:
    columns = grid[0]
    line = next(r for r in grid if r[0] == row)
    return line[columns.index(column)]


def fact(con, source: str, **where) -> str:
    clauses = " AND ".join(f"{k} = ?" for k in where)
    rows = con.execute(
        f"SELECT value, status FROM facts WHERE preferred AND source_id = ? AND {clauses}",
        [source, *where.values()],
    ).fetchall()
    assert len(rows) == 1, (source, where, rows)
    return format_cell(rows[0][0], rows[0][1], 0, "nb")


@pytest.mark.render
def test_seed_tables_a_c_d_e_f_cell_by_cell_from_the_warehouse(docx_2020, con):
    """The tables the seed report typed by hand (2.1.1 A, C, D; 2.1.2 E; 2.1.4 F), each
    cell looked up in the warehouse by its row and column."""
    a = table_titled(
        docx_2020, "Anmeldelser for mistenkte 10–17 år med gjerningssted i Bærum, etter alder"
    )
    source_a = "slt2020-anmeldelser-10-17-gjerningssted"
    for label, age, sex in (
        ("Jenter 10–14", "10-14", "jenter"),
        ("Gutter 10–14", "10-14", "gutter"),
        ("Jenter 15–17", "15-17", "jenter"),
        ("Gutter 15–17", "15-17", "gutter"),
    ):
        for year in range(2013, 2021):
            expected = fact(con, source_a, age_group=age, sex=sex, year=year)
            assert cell(a, label, str(year)) == expected, (label, year)
    c = table_titled(
        docx_2020, "Mistenkte personer 10–17 år med gjerningssted i Bærum, etter bosted"
    )
    source_c = "slt2020-geografisk-fordeling-10-17"
    for year in range(2016, 2021):
        total = fact(con, source_c, measure="personer", residence="alle", year=year)
        assert cell(c, "Totalsum (publisert)", str(year)) == total
        own = fact(con, source_c, measure="personer", residence="baerum", year=year)
        assert cell(c, "Bærum", str(year)) == own
    d = table_titled(docx_2020, "Gjentatt kriminalitet")
    source_d = "slt2020-gjentatt-kriminalitet"
    assert cell(d, "Fire eller flere anmeldelser i OPD", "Mistenkte personer") == fact(
        con, source_d, measure="personer", category="gjentatt_4pluss"
    )
    e = table_titled(docx_2020, "Ungdom under oppfølging")
    source_e = "slt2020-oppfolging-forebyggende"
    for label, category in (
        ("BEKYMRING (månedlig oppfølging)", "bekymring"),
        ("RISIKO (oppfølging hver 14. dag)", "risiko"),
        ("TETT PÅ (ukentlig oppfølging)", "tett_pa"),
    ):
        expected = fact(con, source_e, measure="ungdom_oppfolging", category=category, year=2020)
        assert cell(e, label, "2020") == expected
    f = table_titled(docx_2020, "Saker i Trygghetsprogrammet i Bærum etter lovbrudd")
    rows = con.execute(
        "SELECT offence_group, value FROM facts WHERE preferred AND measure = 'tp_saker_lovbrudd'"
        " AND year = 2020 AND municipality = 'baerum'"
    ).fetchall()
    assert len(rows) == len(f) - 1 == 6
    assert sorted(int(r[1]) for r in rows) == sorted(int(line[1]) for line in f[1:])


@pytest.mark.render
def test_every_image_is_a_print_png_with_alt_text(docx_2020, drawn_2020):
    found = list(pictures(docx_2020))
    assert len(found) == len(drawn_2020)
    titles = [item.result.title for item in drawn_2020]
    for alt, blob in found:
        assert alt.startswith(("Linjediagram", "Stolpediagram")), alt
        assert any(title in alt for title in titles), alt
        image = Image.open(io.BytesIO(blob))
        assert image.format == "PNG" and image.size == (1920, 1280)
    captions = [p.text for p in docx_2020.paragraphs if p.text.startswith("Figur ")]
    assert [c.split(".")[0] for c in captions] == [f"Figur {n}" for n in range(1, len(found) + 1)]


@pytest.mark.render
def test_sources_name_every_publication_used_and_no_other(docx_2020, drawn_2020, con):
    part = heading(docx_2020, "Publikasjoner og avsnitt")
    named = [p.runs[0].text for p in part.paragraphs if p.runs and p.runs[0].bold]
    used = {str(p) for item in drawn_2020 for p in item.result.data["publication"]}
    # the key figures' earlier values come from the 2019 report (bekymringssamtaler 134)
    assert count(con, "municipality = 'baerum' AND year = 2019 AND measure = 'bekymringssamtaler'")
    used.add("SLT årsrapport 2019 – Bærum kommune")
    assert set(named) == used and len(named) == len(used)
    for item in drawn_2020:
        for section in set(item.result.data["section"]):
            assert section in part.words, section


@pytest.mark.render
def test_earlier_editions_are_listed(docx_2020, con):
    older, newer = con.execute(
        "SELECT o.value, n.value FROM facts o JOIN facts n USING (year, municipality, measure,"
        " place_role, residence, age_group, sex, offence_group, offence_subgroup, category)"
        " WHERE NOT o.preferred AND n.preferred AND o.measure = 'personer' AND o.year = 2018"
        " AND o.municipality = 'baerum' AND o.residence = 'alle' AND o.value <> n.value"
    ).fetchone()
    words = heading(docx_2020, "Tall med tidligere utgaver").words
    assert f"{older:.0f} i SLT årsrapport 2019 – Bærum kommune" in words
    assert f"vist: {newer:.0f} fra SLT årsrapport 2020" in words


@pytest.mark.render
def test_change_sentences_stand_in_their_sections(docx_2020, con):
    now, before = (
        con.execute(
            "SELECT value FROM facts WHERE preferred AND measure = 'bekymringssamtaler'"
            " AND municipality = 'baerum' AND year = ?",
            [year],
        ).fetchone()[0]
        for year in (2020, 2019)
    )
    talks = heading(docx_2020, "2.1.2 ").words
    assert f"Politiets bekymringssamtaler i Bærum: {now:.0f} i 2020, ned" in talks
    assert f"fra {before:.0f} i 2019." in talks
    police = heading(docx_2020, "2.1.1 ").words
    assert "288 i 2020, ned 25\u00a0% fra 382 i 2019" in police
    # 8 persons with four or more reports: small, but no earlier figure, so no change
    # to call uncertain
    assert "fire eller flere anmeldelser: 8 i 2020 (ingen tall for 2019). Kilde:" in police
    # Table B (by residence) is on no chart of the year's views: its sentence goes with
    # the page its overview card links to (Alder og kjønn), in 2.1.1.
    boys = [
        fact(con, "slt2020-anmeldelser-10-17-bosted", age_group="15-17", sex="gutter", year=y)
        for y in (2020, 2019)
    ]
    assert f"Anmeldelser av gutter 15–17 år bosatt i Bærum: {boys[0]} i 2020" in police
    assert f"fra {boys[1]} i 2019" in police
    assert not [s for s in sections(docx_2020) if s.text == "Nøkkeltall"]  # all placed


@pytest.mark.render
def test_first_page_and_styles_are_the_documents_own(docx_2020):
    first = docx_2020.paragraphs[:6]
    assert first[0].style.name == "Title" and first[0].text == "Utfordringsbildet Bærum 2020"
    text = "\n".join(p.text for p in docx_2020.paragraphs[:12])
    assert "Kommune: Bærum" in text and "År: 2020" in text
    assert f"Laget: {dt.date.today().isoformat()}" in text
    assert "utkast til kapitlet «Utfordringsbildet»" in text
    assert {t.style.name for t in docx_2020.tables} == {"Table Grid"}
    styles = {p.style.name for p in docx_2020.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "Caption", "List Bullet"} <= styles
    assert docx_2020.core_properties.title == "Utfordringsbildet Bærum 2020"
    assert docx_2020.core_properties.language == "nb-NO"


@pytest.mark.render
def test_baerum_2019_has_all_five_sections_with_ungdata_and_extremism(client, con):
    assert count(con, "municipality = 'baerum' AND year = 2019 AND measure = 'ekstremisme_andel'")
    assert count(con, "municipality = 'baerum' AND year = 2019 AND measure = 'ungdata_andel'")
    doc = Document(io.BytesIO(client.get(url("baerum", 2019)).data))
    assert [h.split(" ", 1)[1] for h in chapter_headings(doc)[2:]] == [
        "Politiets kriminalitetsstatistikk 2019",
        "Oppfølging av ungdom ved politiets forebyggende avsnitt",
        "Hatkriminalitet, radikalisering og voldelig ekstremisme",
        "Trygghetsprogrammet",
        "Ungdomsundersøkelsen Ungdata",
    ]
    shares = con.execute(
        "SELECT value FROM facts WHERE preferred AND measure = 'ungdata_andel'"
        " AND municipality = 'baerum' AND year = 2019"
    ).fetchall()
    table = table_titled(doc, "Ungdata i Bærum")
    assert sorted(line[1] for line in table[1:]) == sorted(f"{v:.0f}\u00a0%" for (v,) in shares)


# ---------------------------------------------------------------------- other kommuner


@pytest.mark.render
@pytest.mark.parametrize("kommune", ["asker", "oslo"])
def test_other_kommuner_get_only_what_exists(app, client, kommune):
    with app.server.test_request_context("/"):
        drawn, empty = report_figures(cursor(), PAGES, kommune, 2020, "nb")
    response = client.get(url(kommune, 2020))
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.data))
    # one figure and one table per chart with figures, nothing for the others
    assert len(list(pictures(doc))) == len(drawn)
    for part in sections(doc):
        if re.match(r"2\.\d", part.text):
            assert part.tables, f"empty section {part.text}"
    keys = {wordreport.part_of(item.result.chart_id) for item in drawn}
    parents = {p.parent for p in wordreport.PARTS if p.key in keys and p.parent}
    numbered = [h for h in chapter_headings(doc) if "." in h.split(" ")[0]]
    assert len(numbered) == len(keys | parents)
    assert not any("Ungdata" in h or "ekstremisme" in h for h in numbered)
    missing = heading(doc, "Figurer uten tall for").words
    assert all(item.result.title in missing for item in empty)


# ------------------------------------------------------------- without a browser, errors


@pytest.fixture
def no_browser(app, tmp_path):
    keep = app.server.extensions[web_images.EXTENSION]
    app.server.extensions[web_images.EXTENSION] = web_images.ImageService(
        tmp_path, web_images.Renderer(timeout=1, browser=lambda: None)
    )
    app.server.extensions.pop(office.EXTENSION, None)  # no finished file from other tests
    yield
    app.server.extensions[web_images.EXTENSION] = keep


def test_without_a_browser_the_document_has_tables_and_says_images_are_missing(
    app, client, no_browser
):
    response = client.get(url("baerum", 2020))
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.data))
    assert list(pictures(doc)) == []
    assert len(doc.tables) >= 10
    first_page = "\n".join(p.text for p in doc.paragraphs[:12])
    assert "Figurene kunne ikke tegnes på serveren" in first_page
    assert "[Figuren kunne ikke tegnes her." in "\n".join(p.text for p in doc.paragraphs)
    assert len(app.server.extensions[office.EXTENSION]) == 0  # not kept: made again later


def test_english_document_without_a_browser(client, no_browser):
    response = client.get(url("baerum", 2020, "en"))
    doc = Document(io.BytesIO(response.data))
    assert (
        "The%20current%20picture%20%E2%80%93%20B%C3%A6rum%202020.docx"
        in (response.headers["Content-Disposition"])
    )
    assert chapter_headings(doc)[:3] == [
        "2 The current picture in Bærum 2020",
        "2.1 The current picture in Bærum 2020 as described by the police",
        "2.1.1 Police crime statistics 2020",
    ]
    assert any(p.text.startswith("Table 1. ") for p in doc.paragraphs)
    assert doc.core_properties.language == "en-GB"


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        ("kommune=nope&aar=2020", 400, "«nope» kan ikke brukes for «kommune»"),
        ("kommune=baerum&aar=abc", 400, "«abc» kan ikke brukes for «aar»"),
        ("kommune=baerum&aar=2020&lang=de", 400, "«de» kan ikke brukes for «lang»"),
        ("kommune=baerum&aar=1990", 400, "Skriv adressen slik"),
        ("kommune=asker&aar=2001", 404, "År med tall for Asker: 2010–2024"),
    ],
)
def test_bad_parameters_get_a_note_saying_what_to_write(client, query, status, words):
    response = client.get(f"{links.WORDREPORT_PATH}?{query}")
    assert response.status_code == status and response.mimetype == "text/plain"
    assert words in response.get_data(as_text=True)


def test_every_chart_of_the_registry_has_a_named_section():
    """A chart no section names would land under "Andre figurer": say where it belongs."""
    assert {wordreport.part_of(c) for c in REGISTRY} <= {
        p.key for p in wordreport.PARTS if p.key != "andre"
    }
