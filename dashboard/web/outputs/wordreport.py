"""The report's chapter "Utfordringsbildet <kommune> <år>" as an editable Word document.

Every SLT coordinator writes this chapter each year (the seed reports' chapter 2:
2.1.1 Politiets kriminalitetsstatistikk, 2.1.2 Oppfølging av ungdom, 2.1.3 Hatkriminalitet,
radikalisering og voldelig ekstremisme, 2.1.4 Trygghetsprogrammet, 2.2 Ungdata). This
module drafts it from the same pieces as the report ZIP (`report.report_figures`: each
chart of the kommune's pages as of the year): per chart the summary sentence, the print
image with alt text, the display table as a real Word table (SSB symbols, units), the
source as a caption and the notes; per section the overview's key-figure sentences that
belong to it (change from the year before, small-number caveats, overlapping periods).
Charts are placed in the chapter's sections by the registry (page and section), never by
matching text; a section without figures for the kommune and year is left out.

Styles come from the document's own style sheet (Title, Heading 1-4, Caption, Table Grid,
List Bullet), so a coordinator can restyle it to the kommune's template. A first page says
what the document is; the last part lists every source (publication and section) and the
numbers that have earlier editions (`queries/editions.sql`).

Built by python-docx; the routes are in `report.py` (they share its checks and answers).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlencode

import duckdb
import pandas as pd
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

import queries
from dashboard.charts.listing import REGISTRY, ChartResult
from dashboard.charts.oversikt import OVERVIEW_PARAMS, KeyFigure, key_figures
from dashboard.dimensions import kommune_name
from dashboard.state import ViewState, parse
from dashboard.web.outputs import links
from dashboard.web.outputs.images import fingerprint
from dashboard.web.outputs.office import chart_png, image_alt, units
from dashboard.words import t
from dashboard.words.numbers import format_cell

#: The chapter's number in the SLT annual report (the seed reports' chapter 2).
CHAPTER = "2"
#: Text width on A4 with 2.5 cm margins.
TEXT_WIDTH_CM = 16.0
#: Tables: type size, character width (em; generous: digits in DejaVu Sans, the usual
#: substitute for Calibri, are 0.64 em), cell padding, row-label widths.
TABLE_FONT_PT = 9
CHAR_EM = 0.65
CELL_PADDING_CM = 0.5
LABEL_MAX_CM = 7.0
LABEL_MIN_CM = 3.0
#: A table with more columns than this (and fewer rows) is turned: years down the side.
MAX_COLUMNS = 9
YEAR = re.compile(r"\d{4}(?:[-–]\d{4})?")
#: Columns that identify a published number (to find which section a key figure is about).
FACT_KEY = (
    "source_id",
    "year",
    "municipality",
    "measure",
    "place_role",
    "residence",
    "age_group",
    "sex",
    "offence_group",
    "category",
)


class ReportFigure(Protocol):
    """One chart of the report as `report.report_figures` gives it."""

    @property
    def result(self) -> ChartResult: ...

    @property
    def state(self) -> ViewState: ...

    @property
    def query(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class Part:
    """A section of the chapter and the charts it holds (by the registry's page/section).

    Heading: catalog `wordreport.part.<key>` ({k} kommune, {year}). `parent`: the part it
    is numbered under ('' = the chapter). A chart goes to the first part naming its
    section, else the first naming its page, else the last part (nothing is dropped).
    """

    key: str
    parent: str = ""
    pages: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()


PARTS = (
    Part("politiet"),
    Part("kriminalitet", "politiet", pages=("trend", "geografi", "alder_og_kjonn")),
    Part("oppfolging", "politiet", sections=("oppfolging",)),
    Part("ekstremisme", "politiet", sections=("ekstremisme",)),
    Part("trygghet", "politiet", sections=("trygghet",)),
    Part("ungdata", sections=("ungdata",)),
    Part("andre"),
)


def part_of(chart_id: str) -> str:
    """The key of the part a chart belongs to."""
    chart = REGISTRY[chart_id]
    for part in PARTS:
        if chart.section and chart.section in part.sections:
            return part.key
    for part in PARTS:
        if chart.page in part.pages:
            return part.key
    return PARTS[-1].key


@dataclass
class Placed:
    """A part with its number and what it holds in this document."""

    part: Part
    number: str = ""
    figures: list[ReportFigure] = field(default_factory=list)
    sentences: list[KeyFigure] = field(default_factory=list)


def layout(drawn: Sequence[ReportFigure], key_figs: Sequence[KeyFigure]) -> list[Placed]:
    """The parts that have figures, numbered in order (2.1, 2.1.1, …, 2.2), with their
    charts and the key figures whose latest number one of their charts shows."""
    placed = {part.key: Placed(part) for part in PARTS}
    for item in drawn:
        placed[part_of(item.result.chart_id)].figures.append(item)
    shown: dict[tuple, str] = {}
    for key, entry in placed.items():
        for item in entry.figures:
            for row in _fact_keys(item.result.data):
                shown.setdefault(row, key)
    for fig in key_figs:
        rows = _fact_keys(fig.rows.iloc[:1])
        key = next((shown[r] for r in rows if r in shown), "") or _linked_part(fig, placed)
        if key:
            placed[key].sentences.append(fig)
    children: dict[str, list[str]] = {}
    for part in PARTS:
        children.setdefault(part.parent, []).append(part.key)

    def has_figures(key: str) -> bool:
        return bool(placed[key].figures) or any(has_figures(c) for c in children.get(key, []))

    out: list[Placed] = []

    def number(parent_key: str, prefix: str) -> None:
        count = 0
        for key in children.get(parent_key, []):
            if not has_figures(key):
                continue  # no empty section
            count += 1
            placed[key].number = f"{prefix}.{count}"
            out.append(placed[key])
            number(key, placed[key].number)

    number("", CHAPTER)
    return out


def _linked_part(fig: KeyFigure, placed: dict[str, Placed]) -> str:
    """A key figure no chart of the document shows belongs with the page its overview card
    links to, when that page's part is in the document (else it stands at the top)."""
    page = REGISTRY[fig.charts[0][0]].page if fig.charts else ""
    return next(
        (key for key, entry in placed.items() if page in entry.part.pages and entry.figures),
        "",
    )


def _fact_keys(frame: pd.DataFrame) -> list[tuple]:
    if frame.empty or not set(FACT_KEY) <= set(frame.columns):
        return []
    return [
        tuple(str(v) for v in row)
        for row in frame[list(FACT_KEY)].astype({"year": int}).itertuples(index=False)
    ]


# ----------------------------------------------------------------- Word building blocks


def _new_document(lang: str) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    # The document's language (spelling, hyphenation): bokmål or English.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            for old in rpr.findall(qn("w:lang")):
                rpr.remove(old)
            language = OxmlElement("w:lang")
            language.set(qn("w:val"), "nb-NO" if lang == "nb" else "en-GB")
            rpr.append(language)
    return doc


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (e.g. `SEQ Figur`, `PAGE`) with its current result, so the number is
    there before Word updates fields and stays a real caption number afterwards."""

    def run_with(child: BaseOxmlElement) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """A clickable link (python-docx reads links but has no call to write one)."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    words = OxmlElement("w:t")
    words.set(qn("xml:space"), "preserve")
    words.text = text
    run.append(words)
    link.append(run)
    paragraph._p.append(link)


def _caption(doc: DocxDocument, kind: str, number: int, text: str, lang: str) -> Paragraph:
    """`Figur 3. Title` / `Tabell 3. Title` in the Caption style, with a SEQ field."""
    label = t(f"wordreport.{kind}", lang)
    paragraph = doc.add_paragraph(style="Caption")
    paragraph.add_run(f"{label} ")
    _field(paragraph, f"SEQ {label} \\* ARABIC", str(number))
    paragraph.add_run(f". {text}")
    return paragraph


def _repeat_header(table: Table) -> None:
    """The header row repeats on each page a long table runs over."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def column_widths(frame: pd.DataFrame, font_pt: float) -> list[float]:
    """Column widths (cm) from the text they hold: numbers and years never wrap, the row
    labels wrap only beyond LABEL_MAX_CM, and a table wider than the page gives up
    label width first (never below LABEL_MIN_CM)."""
    char = font_pt / 72 * 2.54 * CHAR_EM
    widths = []
    for i, column in enumerate(frame.columns):
        cells = [str(v) for v in frame.iloc[:, i]]
        head = str(column)
        header = len(head) if i == 0 else max(len(word) for word in head.split() or [""])
        longest = max([len(c) for c in cells] + [header])
        widths.append(longest * char + CELL_PADDING_CM)
    widths[0] = min(widths[0], LABEL_MAX_CM)
    spare = TEXT_WIDTH_CM - sum(widths)
    if spare < 0:
        widths[0] = max(LABEL_MIN_CM, widths[0] + spare)
    return widths


def table_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The display table as the document shows it: as on the site, except that a table
    of many years and few rows (population 2010-2020) turns, years down the side, so its
    numbers fit the page without wrapping."""
    columns = [str(c) for c in frame.columns]
    if len(columns) <= MAX_COLUMNS or len(frame) + 1 >= len(columns):
        return frame
    years = all(YEAR.fullmatch(c) for c in columns[1:])
    corner = t("wordreport.year", lang) if years else ""
    turned = frame.set_index(frame.columns[0]).T
    turned.columns = [str(c) for c in turned.columns]
    turned = turned.reset_index(names=corner)
    return turned


def word_table(doc: DocxDocument, frame: pd.DataFrame) -> Table:
    """A chart's display table as a Word table: the header row, then its rows as shown on
    the site (numbers formatted as there, SSB symbols where a number is missing)."""
    columns = [str(c) for c in frame.columns]
    font_pt = TABLE_FONT_PT
    widths = column_widths(frame, font_pt)
    if sum(widths) > TEXT_WIDTH_CM:  # many years: a size smaller before anything wraps
        font_pt = TABLE_FONT_PT - 1
        widths = column_widths(frame, font_pt)
    if sum(widths) > TEXT_WIDTH_CM:
        widths = [w * TEXT_WIDTH_CM / sum(widths) for w in widths]
    table = doc.add_table(rows=1 + len(frame), cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    cells = [columns, *[[str(v) for v in row] for row in frame.itertuples(index=False)]]
    for r, values in enumerate(cells):
        row = table.rows[r]
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = Cm(widths[c])
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(value)
            run.font.size = Pt(font_pt)
            if r == 0:
                run.bold = True
            if c > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for c, col in enumerate(table.columns):
        col.width = Cm(widths[c])
    _repeat_header(table)
    return table


# --------------------------------------------------------------------------- the report


@dataclass
class Counter:
    figure: int = 0
    table: int = 0


def _chart_block(
    doc: DocxDocument,
    cur: duckdb.DuckDBPyConnection,
    item: ReportFigure,
    counter: Counter,
    base_url: str,
    lang: str,
) -> bool:
    """One chart: summary, image (alt text) and its caption, the table with its caption,
    unit and source, the notes, and the link to the view. True if the image was drawn."""
    result = item.result
    doc.add_paragraph(result.summary)
    if result.subtitle:
        doc.add_paragraph().add_run(result.subtitle).italic = True
    png = chart_png(cur, result.chart_id, item.query)
    counter.figure += 1
    if png is not None:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True  # the caption stays with it
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM))
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", image_alt(result, lang))
        doc_pr.set("name", f"{result.chart_id}.png")
    else:
        note = doc.add_paragraph(t("wordreport.no_image", lang))
        note.runs[0].italic = True
    _caption(doc, "figure", counter.figure, result.title, lang)
    if not result.table.empty:
        counter.table += 1
        unit = units(cur, result.data, lang)
        title = result.title + (f" ({t('wordreport.unit', lang)}: {unit})" if unit else "")
        _caption(doc, "table", counter.table, title, lang).paragraph_format.keep_with_next = True
        word_table(doc, table_frame(result.table, lang))
    doc.add_paragraph(result.source, style="Caption")
    if result.notes:
        doc.add_paragraph(t("report.notes", lang) + ":")
        for note_text in result.notes:
            doc.add_paragraph(note_text, style="List Bullet")
    spec_path = links.page_path(REGISTRY[result.chart_id].page)
    url = base_url + spec_path + "?" + urlencode(item.query, safe=",")
    online = doc.add_paragraph(f"{t('report.online', lang)}: ")
    _hyperlink(online, url, url)
    return png is not None


def _key_sentence(doc: DocxDocument, fig: KeyFigure, lang: str, style: str) -> None:
    paragraph = doc.add_paragraph(fig.sentence, style=style)
    if fig.small and fig.direction:  # "uncertain change": only where there is a change
        paragraph.add_run(f" ({t('oversikt.small', lang)}.)")
    source = paragraph.add_run(f" {t('chart.source', lang)}: {fig.source}.")
    source.italic = True


def _front_page(
    doc: DocxDocument,
    title: str,
    kommune: str,
    year_label: str,
    stamp: str,
    lang: str,
) -> Paragraph:
    """The first page: title, kommune, year, date made, what the document is. Returns the
    (empty) paragraph that says so when an image could not be drawn."""
    doc.core_properties.title = title
    doc.core_properties.subject = t("wordreport.what", lang)
    doc.core_properties.author = "SLT-statistikk"
    doc.core_properties.language = "nb-NO" if lang == "nb" else "en-GB"
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(t("wordreport.subtitle", lang), style="Subtitle")
    for label, value in (
        (t("wordreport.kommune", lang), kommune_name(kommune, lang)),
        (t("wordreport.year", lang), year_label),
        (t("wordreport.made", lang), dt.date.today().isoformat()),
    ):
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    doc.add_paragraph(t("wordreport.about", lang))
    doc.add_paragraph(t("wordreport.styles", lang))
    warning = doc.add_paragraph()
    doc.add_paragraph(t("report.readme.symbols", lang))
    doc.add_paragraph(stamp)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    return warning


def _web_address(value: object) -> str:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else ""


def _sources(
    doc: DocxDocument,
    cur: duckdb.DuckDBPyConnection,
    frames: Iterable[pd.DataFrame],
    lang: str,
) -> None:
    """Every publication used, with its publisher, date, licence and address, and the
    sections of it the numbers come from (each with its own address where the
    publication's files have several)."""
    used: dict[str, dict[str, str]] = {}  # publication -> section -> source id
    for frame in frames:
        if frame.empty:
            continue
        for publication, section, source_id in frame[
            ["publication", "section", "source_id"]
        ].itertuples(index=False):
            used.setdefault(str(publication), {}).setdefault(str(section), str(source_id))
    meta = queries.run(cur, "sources").set_index("source_id")
    doc.add_heading(t("wordreport.sources", lang), level=2)
    doc.add_paragraph(t("wordreport.sources.intro", lang))
    for publication, sections in used.items():
        known = [s for s in sections.values() if s in meta.index]
        urls = {s: _web_address(meta.loc[s, "source_url"]) for s in known}
        one_url = len(set(urls.values())) == 1
        paragraph = doc.add_paragraph()
        paragraph.add_run(publication).bold = True
        if known:
            row = meta.loc[known[0]]
            details = [
                f"{t(f'wordreport.source.{name}', lang)}: {str(row[name]).rstrip('.')}"
                for name in ("publisher", "published", "licence")
                if isinstance(row[name], str) and row[name]
            ]
            if details:
                paragraph.add_run(". " + ". ".join(details) + ".")
            if one_url and urls[known[0]]:
                paragraph.add_run(f" {t('wordreport.source.url', lang)}: ")
                _hyperlink(paragraph, urls[known[0]], urls[known[0]])
        for section, source_id in sections.items():
            bullet = doc.add_paragraph(section, style="List Bullet")
            url = "" if one_url else urls.get(source_id, "")
            if url:
                bullet.add_run(" – ")
                _hyperlink(bullet, url, url)


def _editions(
    doc: DocxDocument, cur: duckdb.DuckDBPyConnection, results: Sequence[ChartResult], lang: str
) -> None:
    """The numbers shown that an earlier publication gave otherwise (both are kept; the
    newest is shown), as the chart menu's "Tidligere utgaver" says them."""
    suffix = "en" if lang == "en" else "nb"
    lines: dict[str, None] = {}
    for result in results:
        data = result.data
        if data.empty or "measure" not in data:
            continue
        rows = queries.run(
            cur,
            "editions",
            municipalities=sorted(set(data["municipality"])),
            measures=sorted(set(data["measure"])),
            fra=int(data["year"].min()),
            til=int(data["year"].max()),
        )
        for r in rows.to_dict("records"):
            if r["same_as_shown"]:
                continue  # restated unchanged: no news
            text = t(
                "about.edition",
                lang,
                year=r["year"],
                what=r[f"measure_{suffix}"],
                value=format_cell(r["value"], r["status"], 0, lang),
                publication=r["publication"],
                shown=format_cell(r["shown_value"], r["shown_status"], 0, lang),
                shown_publication=r["shown_publication"],
            )
            lines[text] = None
    doc.add_heading(t("wordreport.editions", lang), level=2)
    if not lines:
        doc.add_paragraph(t("wordreport.editions.none", lang))
    for line in lines:
        doc.add_paragraph(line, style="List Bullet")


def _footer(doc: DocxDocument, title: str) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{title} – ")
    _field(paragraph, "PAGE", "1")
    for run in paragraph.runs:
        run.font.size = Pt(9)


def build_docx(
    cur: duckdb.DuckDBPyConnection,
    drawn: Sequence[ReportFigure],
    empty: Sequence[ReportFigure],
    kommune: str,
    aar: object,
    year_label: str,
    lang: str,
    base_url: str,
) -> tuple[bytes, bool]:
    """The document for a kommune and year (`drawn`/`empty`: `report.report_figures`),
    and whether every image could be drawn."""
    name = kommune_name(kommune, lang)
    title = t("wordreport.title", lang, k=name, year=year_label)
    state = parse(OVERVIEW_PARAMS, {"kommune": kommune, "aar": str(aar), "lang": lang})
    key_figs = key_figures(cur, state)
    parts = layout(drawn, key_figs)
    stamp = t(
        "report.readme.stamp",
        lang,
        date=dt.date.today().isoformat(),
        site=base_url,
        fingerprint=fingerprint(cur)[:16],
    )

    doc = _new_document(lang)
    warning = _front_page(doc, title, kommune, year_label, stamp, lang)
    counter = Counter()
    drew_all = True
    doc.add_heading(f"{CHAPTER} {title}", level=1)
    doc.add_paragraph(t("wordreport.intro", lang, k=name))
    placed_keys = {fig.key for entry in parts for fig in entry.sentences}
    elsewhere = [fig for fig in key_figs if fig.key not in placed_keys]
    if elsewhere:  # key figures no chart of the document shows: said up front
        doc.add_heading(t("wordreport.key_figures", lang), level=2)
        for fig in elsewhere:
            _key_sentence(doc, fig, lang, "List Bullet")
    for placed in parts:
        level = placed.number.count(".") + 1
        heading = t(f"wordreport.part.{placed.part.key}", lang, k=name, year=year_label)
        doc.add_heading(f"{placed.number} {heading}", level=level)
        for fig in placed.sentences:
            _key_sentence(doc, fig, lang, "Normal")
        page = ""
        for item in placed.figures:
            chart_page = REGISTRY[item.result.chart_id].page
            if placed.part.pages and chart_page != page:
                page = chart_page
                doc.add_heading(t(f"{page}.h1", lang), level=level + 1)
            drew_all = _chart_block(doc, cur, item, counter, base_url, lang) and drew_all

    doc.add_heading(t("wordreport.sources.h1", lang), level=1)
    frames = [item.result.data for item in drawn] + [fig.rows for fig in key_figs]
    _sources(doc, cur, frames, lang)
    _editions(doc, cur, [item.result for item in drawn], lang)
    if empty:
        doc.add_heading(t("wordreport.empty", lang, k=name, year=year_label), level=2)
        for item in empty:
            message = item.result.message
            doc.add_paragraph(
                item.result.title + (f": {message}" if message else ""), style="List Bullet"
            )
    if drew_all:  # the first page warns only when an image could not be drawn
        warning._p.getparent().remove(warning._p)
    else:
        warning.add_run(t("wordreport.no_images", lang)).bold = True
    _footer(doc, title)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), drew_all


def file_name(kommune: str, year_label: str, lang: str) -> str:
    """`Utfordringsbildet – Bærum 2020.docx`."""
    return t("wordreport.file", lang, k=kommune_name(kommune, lang), year=year_label) + ".docx"
