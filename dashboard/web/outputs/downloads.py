"""Downloads: a chart's rows as CSV or Excel, and every number as a ZIP with its README.

The CSV is for programs: one header row of stable codes, one row per published
number, its value in the column of its measure (counts and rates never share a
column), `.` decimals (as published; computed rates to 1 decimal), the SSB symbol of
a missing cell in `status` (the number cell stays empty, never 0), and the source and
licence on every row. The Excel file is for people: Norwegian headers, numbers as
numbers shown in Norwegian format, and a "Kilde" sheet (source, definitions, notes,
licence). File names are readable (`Utvikling – Bærum.csv`), sent with RFC 5987
`filename*` and an ASCII fallback.

Nothing in a download can run in the spreadsheet that opens it (`export.safe_cell`): CSV
text cells that begin with a formula character get a leading `'`, and every text cell of
the Excel file is written as text (never a formula), with Excel's "quote prefix" style.
A missing value is an empty cell, never the text `nan`, `None` or `NaT`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

import duckdb
import flask
import numpy as np
import pandas as pd
from dash import Dash
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

import queries
from dashboard import dimensions as dims
from dashboard import export
from dashboard.charts.alder_og_kjonn import DENOMINATOR_DEFINITION
from dashboard.charts.listing import REGISTRY, ChartResult
from dashboard.charts.registry import CSV_COLUMNS, measure_columns
from dashboard.dimensions import kommune_name, measure_name
from dashboard.export import is_missing, text
from dashboard.state import parse, to_query
from dashboard.web.serving import cache, work
from dashboard.web.serving.context import cursor, site_root
from dashboard.web.serving.lookups import licences, measure_labels, symbols
from dashboard.words import t
from dashboard.words.catalog import STRINGS
from dashboard.words.numbers import SHARE_DECIMALS, rounded

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Columns computed by this site (not published): rounded to 1 decimal.
COMPUTED = ("rate", "share_computed_percent", "lower", "upper")
#: Their decimals: what the page shows (`numbers.rounded`, the one rounding all share).
COMPUTED_DECIMALS = SHARE_DECIMALS
#: Dimension columns, in the export's order (the measure is named, its value has a column),
#: and the provenance columns: the chart CSV's own, from the registry.
KEYS = CSV_COLUMNS[: CSV_COLUMNS.index("value")]
PROVENANCE = CSV_COLUMNS[CSV_COLUMNS.index("publication") :]
#: Columns whose cells hold codes the Excel sheet names in words ("baerum" -> "Bærum"),
#: beside the fact columns of a code list (`dims.DIMENSION_LISTS`): the words come from
#: the warehouse's vocabulary and the catalog, never from a list here.
WORDS_OF = {"verdict": "verdict.{}", "role": "xlsx.role.{}"}
#: Fixed English explanations a chart puts in its CSV, and their words in the Excel sheet.
VALUE_WORDS = {"denominator_definition": {DENOMINATOR_DEFINITION: "xlsx.denominator.age_sex"}}
SITE_NAME = "SLT-statistikk"


# ------------------------------------------------------------------ the tables (pure)


def _number(value: Any, decimals: int | None = None) -> str:
    if is_missing(value):
        return ""
    if decimals is not None:
        return f"{rounded(value, decimals):.{decimals}f}"
    return export.number_text(value)


def extra_columns(data: pd.DataFrame) -> list[str]:
    known = {*KEYS, "value", "status", "note", *PROVENANCE}
    return [c for c in data.columns if c not in known]


def table_rows(data: pd.DataFrame, licences: Mapping[str, str]) -> pd.DataFrame:
    """The rows behind a chart in download shape, values still numbers (None = missing)."""
    measures = measure_columns(data)
    extras = extra_columns(data)
    out: dict[str, list] = {c: [] for c in (*KEYS, *measures, *extras)}
    out.update({c: [] for c in ("status", "note", "source", *PROVENANCE, "licence")})
    for row in data.to_dict("records"):
        for key in KEYS:
            value = row.get(key)
            out[key].append(None if value is None or _isnan(value) else value)
        for measure in measures:
            value = row.get("value")
            mine = row.get("measure") == measure and not _isnan(value)
            out[measure].append(float(value) if mine and value is not None else None)
        for extra in extras:
            value = row.get(extra)
            out[extra].append(None if value is None or _isnan(value) else value)
        out["status"].append(text(row.get("status")))
        out["note"].append(text(row.get("note")))
        parts = [text(row.get(p)) for p in ("publication", "section", "table_title")]
        out["source"].append(", ".join(p for p in parts if p))
        for p in PROVENANCE:
            out[p].append(text(row.get(p)))
        out["licence"].append(licences.get(str(row.get("source_id")), ""))
    frame = pd.DataFrame(out)
    return frame[[c for c in frame.columns if c in data.columns or c not in KEYS]]


def _isnan(value: object) -> bool:
    return is_missing(value)


def csv_text(rows: pd.DataFrame, measures: list[str]) -> str:
    """CSV text: numbers with `.` decimals (computed rates to 1 decimal), missing empty,
    text cells safe to open in a spreadsheet (`export.safe_cell`)."""
    frame = rows.copy()
    numbers = []
    for column in frame.columns:
        if column in COMPUTED:
            frame[column] = [_number(v, COMPUTED_DECIMALS) for v in frame[column]]
            numbers.append(column)
        elif (
            column in measures
            or column in ("population", "numerator", "denominator")
            or column == "year"
        ):
            frame[column] = [_number(v) for v in frame[column]]
            numbers.append(column)
    frame = export.spreadsheet_safe(frame, numbers)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def header(column: str, lang: str) -> str:
    """A column's heading in the Excel sheet (its code when the catalog has none)."""
    key = f"xlsx.column.{column}"
    return t(key, lang) if key in STRINGS else column


def cell_words(column: str, value: Any, lang: str) -> Any:
    """What a person reads in an Excel cell: a code's name in `lang` (Bærum, Jenter,
    Alle), Ja/Nei for a yes/no, the words for a fixed explanation; numbers and text
    that is no code as they are. The CSV keeps the codes (it is for programs)."""
    if isinstance(value, (bool, np.bool_)):
        return t("xlsx.yes" if value else "xlsx.no", lang)
    if not isinstance(value, str) or not value:
        return value
    if column == "measure":
        return measure_name(value, lang)
    codes = dims.DIMENSIONS.get(column)
    if codes is not None:
        return dims.label(codes, value, lang) if value in codes else value
    if column in WORDS_OF:
        key = WORDS_OF[column].format(value)
        return t(key, lang) if key in STRINGS else value
    if column in VALUE_WORDS and value in VALUE_WORDS[column]:
        return t(VALUE_WORDS[column][value], lang)
    return value


def public_cells(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The download rows with every code cell in words (`cell_words`), for the Excel file."""
    return pd.DataFrame(
        {c: [cell_words(c, v, lang) for v in rows[c]] for c in rows.columns}, index=rows.index
    )


def put(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write one cell: numbers as numbers, missing as empty, and text always as text.

    openpyxl makes any string that begins with `=` a formula; here such a string is a
    text cell (type "s", with Excel's quote prefix), so a note `=HYPERLINK(…)` is shown,
    never run. Characters XML cannot hold (control characters) are left out.
    """
    if is_missing(value):
        return sheet.cell(row=row, column=column)
    if isinstance(value, str):
        clean = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = sheet.cell(row=row, column=column, value=clean)
        cell.data_type = "s"
        if clean.startswith(export.FORMULA_START):
            cell.quotePrefix = True
        return cell
    return sheet.cell(row=row, column=column, value=value)


def disposition(filename: str, inline: bool = False) -> str:
    """Content-Disposition with a readable UTF-8 name (RFC 5987) and an ASCII fallback."""
    plain = (
        filename.replace("æ", "ae")
        .replace("ø", "o")
        .replace("å", "a")
        .replace("Æ", "Ae")
        .replace("Ø", "O")
        .replace("Å", "A")
        .replace("–", "-")
    )
    plain = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in plain)
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{plain}\"; filename*=UTF-8''{quote(filename, safe='')}"


def file_stem(result: ChartResult, values: Mapping[str, object], lang: str) -> str:
    """`Utvikling – Bærum 2013–2020`: the chart's page name, kommune and years."""
    chosen = values.get("kommune")
    codes = chosen if isinstance(chosen, (tuple, list)) else ([chosen] if chosen else [])
    place = ", ".join(kommune_name(str(c), lang) for c in codes if c in dims.MUNICIPALITIES)
    years = ""
    if "year" in result.data.columns and not result.data.empty:
        ys = sorted({int(y) for y in result.data["year"].dropna()})
        years = f"{ys[0]}–{ys[-1]}" if len(ys) > 1 else str(ys[0])
    name = result.chart_id.replace("-", " ").capitalize()
    return " ".join(p for p in (f"{name} –" if place or years else name, place, years) if p)


def workbook(
    result: ChartResult,
    rows: pd.DataFrame,
    measures: list[str],
    labels: Mapping[str, str],
    kilde: list[tuple[str, str]],
    lang: str = "nb",
) -> bytes:
    """The .xlsx: a "Tall" sheet (headers and codes in words, numbers as numbers) and
    "Kilde"."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tall"
    columns = list(rows.columns)
    rows = public_cells(rows, lang)
    for index, column in enumerate(columns, start=1):
        cell = put(sheet, 1, index, labels.get(column) or header(column, lang))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line, record in enumerate(rows.itertuples(index=False), start=2):
        for index, (column, value) in enumerate(zip(columns, record, strict=True), start=1):
            if not is_missing(value) and column == "year":
                value = int(value)
            put(sheet, line, index, value)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        fmt = None
        if column in COMPUTED:
            fmt = "#,##0.0"
        elif column in measures or column in ("population", "numerator", "denominator"):
            fmt = "#,##0.##"
            numbers = [v for v in rows[column] if v is not None and not _isnan(v)]
            if numbers and all(float(v).is_integer() for v in numbers):
                fmt = "#,##0"
        if fmt:
            for cell in sheet[letter][1:]:
                if cell.value is not None:
                    if column in COMPUTED:
                        cell.value = rounded(cell.value, COMPUTED_DECIMALS)
                    cell.number_format = fmt
        width = max(len(str(sheet[letter][0].value or "")), 8)
        sheet.column_dimensions[letter].width = min(width + 2, 40)
    sheet.freeze_panes = "A2"

    info = book.create_sheet("Kilde")
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 100
    for line, (key, value) in enumerate(kilde, start=1):
        put(info, line, 1, key).font = Font(bold=True)
        put(info, line, 2, value).alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -------------------------------------------------------------- from the warehouse


def kilde_sheet(
    cur: duckdb.DuckDBPyConnection, result: ChartResult, view_url: str, lang: str
) -> list[tuple[str, str]]:
    """The "Kilde" sheet: what, where from, what the words mean, notes, licence (its
    keys in `lang`; a measure by its name, never its code)."""

    def key(name: str) -> str:
        return t(f"xlsx.kilde.{name}", lang)

    lines: list[tuple[str, str]] = [(key("figur"), result.title)]
    if result.summary:
        lines.append((key("sammendrag"), result.summary))
    lines.append((key("kilde"), result.source))
    sources = queries.run(cur, "sources")
    used = sources[sources["source_id"].isin(set(result.data.get("source_id", [])))]
    for s in used.to_dict("records"):
        where = ", ".join(
            text(s.get(k)) for k in ("publication", "section", "page") if text(s.get(k))
        )
        lines.append(
            (key("tabell"), f"{text(s.get('title'))} ({where})" if where else text(s.get("title")))
        )
        for column, name in (
            ("definitions", "definisjoner"),
            ("notes", "merknader"),
            ("source_url", "lenke"),
        ):
            if text(s.get(column)):
                lines.append((key(name), text(s.get(column))))
    labels = measure_labels(cur, lang)
    for measure in measure_columns(result.data):
        label, description = labels.get(measure, (measure, ""))
        lines.append((key("hva_telles"), f"{label}. {description}".strip()))
    for note in result.notes:
        lines.append((key("merknad"), note))
    lines.append(
        (key("symboler"), "; ".join(f"«{code}» {label}" for code, label in symbols(cur, lang)))
    )
    lines.append(
        (key("lisens"), "; ".join(dict.fromkeys(text(x) for x in used["licence"] if text(x))))
    )
    lines.append((key("visning"), view_url))
    lines.append(
        (
            key("lastet_ned"),
            t("xlsx.kilde.fra", lang, date=dt.date.today().isoformat(), site=SITE_NAME),
        )
    )
    return lines


def chart_download(chart_id: str, query: Mapping[str, object]):
    chart = REGISTRY[chart_id]
    state = parse(chart.params, query)
    cur = cursor()
    result = chart.build(cur, state)
    rows = table_rows(result.data, licences(cur))
    return cur, state, result, rows


def all_data_zip(cur: duckdb.DuckDBPyConnection, lang: str = "nb") -> bytes:
    """Every number (the full export), a README and machine-readable metadata."""
    frame = export.all_facts(cur, lang=lang)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    sources = queries.run(cur, "sources")
    measures = queries.run(cur, "measures", dimension="measure")
    statuses = symbols(cur, lang)
    info = queries.run(cur, "build_fingerprint")
    fingerprint = str(info["fingerprint"].iloc[0]) if not info.empty else ""
    metadata = {
        "title": SITE_NAME,
        "files": {"alle-data.csv": "every published number, one row each"},
        "columns": list(frame.columns),
        "warehouse_fingerprint": fingerprint,
        "downloaded": dt.date.today().isoformat(),
        "symbols": {code: label for code, label in statuses},
        "measures": [
            {
                k: None if is_missing(r[c]) else r[c]
                for k, c in (
                    ("code", "code"),
                    ("label_nb", "label_nb"),
                    ("label_en", "label_en"),
                    ("unit", "unit_kind"),
                    ("description_nb", "description_nb"),
                )
            }
            for r in measures.to_dict("records")
        ],
        "sources": [
            {
                k: (None if _isnan(r[k]) else (int(r[k]) if k in ("facts", "missing") else r[k]))
                for k in (
                    "source_id",
                    "title",
                    "publisher",
                    "publication",
                    "published",
                    "section",
                    "page",
                    "definitions",
                    "notes",
                    "licence",
                    "licence_url",
                    "source_url",
                    "facts",
                    "missing",
                )
            }
            for r in sources.to_dict("records")
        ],
    }
    readme = _readme(sources, measures, statuses)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("alle-data.csv", "\ufeff" + buffer.getvalue())
        archive.writestr("LESMEG.txt", readme)
        archive.writestr(
            "metadata.json", json.dumps(metadata, ensure_ascii=False, indent=2, default=str)
        )
    return out.getvalue()


def _readme(sources: pd.DataFrame, measures: pd.DataFrame, statuses: list[tuple[str, str]]) -> str:
    today = dt.date.today()
    lines = [
        f"{SITE_NAME} – alle tall",
        "=" * 40,
        "",
        "alle-data.csv: hvert publiserte tall, én rad hvert, med kilde (publikasjon, avsnitt,",
        "tabell) og lisens. Tall med punktum som desimaltegn. En celle kilden mangler er tom",
        "i «value», og symbolet står i «status» (aldri 0). En tekstcelle som begynner med",
        "=, +, -, @ eller tabulator har fått en ' foran, så et regneark viser den som tekst.",
        "metadata.json: de samme opplysningene maskinlesbart (kolonner, kilder, mål, symboler).",
        "",
        "Symboler (SSB)",
        "--------------",
        *[f"  {code:3} {label}" for code, label in statuses],
        "",
        "Hva telles",
        "----------",
    ]
    for r in measures.to_dict("records"):
        lines.append(f"  {r['code']}: {text(r['label_nb'])}. {text(r['description_nb'])}".rstrip())
    lines += ["", "Kilder og lisens", "----------------"]
    for r in sources.to_dict("records"):
        where = ", ".join(text(r.get(k)) for k in ("publication", "section") if text(r.get(k)))
        lines.append(
            f"  {r['source_id']}: {text(r['title'])} ({where}). Lisens: {text(r['licence'])}"
        )
    lines += [
        "",
        "Slik siterer du",
        "---------------",
        f"  {SITE_NAME} ({today.year}). Tall fra SLT-årsrapportene og Statistisk sentralbyrå,",
        f"  lastet ned {today.isoformat()}. Oppgi også den opprinnelige kilden (kolonnene",
        "  publication og section) for tallene du bruker.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- routes


def _text(body: str, status: int) -> flask.Response:
    return flask.Response(body, status=status, content_type="text/plain; charset=utf-8")


def _view_url(chart_id: str, query: Mapping[str, str]) -> str:
    search = urlencode(query, safe=",")
    return site_root() + f"/embed/{chart_id}" + (f"?{search}" if search else "")


def attachment(body: bytes | str, content_type: str, filename: str) -> flask.Response:
    response = flask.Response(body)
    # Set as a whole header: Flask's `mimetype=` would add a second charset parameter.
    response.headers["Content-Type"] = content_type
    response.headers["Content-Disposition"] = disposition(filename)
    return response


def _lang(request: flask.Request) -> str:
    lang = request.args.get("lang", "nb")
    return lang if lang in ("nb", "en") else "nb"


def chart_view(request: flask.Request) -> list | None:
    """What a chart download depends on (its cache key's view, `serving/cache`): the chart,
    the format, its canonical query, and for Excel the date its Kilde sheet states."""
    args = request.view_args or {}
    chart = REGISTRY.get(str(args.get("chart_id")))
    fmt = args.get("fmt")
    if chart is None or fmt not in ("csv", "xlsx"):
        return None
    state = parse(chart.params, request.args.to_dict(flat=False))
    query = to_query(chart.params, state.values)
    return [chart.chart_id, fmt, query, cache.today() if fmt == "xlsx" else ""]


def register(app: Dash) -> None:
    """The download routes (`/last-ned/...`), moved here from routes.py; URLs unchanged."""
    server = app.server

    @server.route("/last-ned/alle-data.csv")
    def download_all():
        frame = export.all_facts(cursor(), lang=_lang(flask.request))
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, lineterminator="\n")
        return attachment("\ufeff" + buffer.getvalue(), CSV_TYPE, "SLT-statistikk – alle data.csv")

    @server.route("/last-ned/alle-data.zip")
    def download_zip():
        try:
            with work.gate().slot():
                body = all_data_zip(cursor(), _lang(flask.request))
        except work.Busy as exc:
            return work.busy(exc, t("download.busy", _lang(flask.request)) + "\n")
        return attachment(body, "application/zip", "SLT-statistikk – alle data.zip")

    @server.route("/last-ned/<chart_id>.<fmt>")
    def download_chart(chart_id: str, fmt: str):
        if chart_id not in REGISTRY or fmt not in ("csv", "xlsx"):
            return _text("Ukjent figur / unknown chart\n", 404)
        query = flask.request.args.to_dict(flat=False)
        if fmt == "csv":
            cur, state, result, rows = chart_download(chart_id, query)
            measures = measure_columns(result.data)
            stem = file_stem(result, state.values, state.lang)
            return attachment("\ufeff" + csv_text(rows, measures), CSV_TYPE, f"{stem}.csv")
        try:
            with work.gate().slot():
                cur, state, result, rows = chart_download(chart_id, query)
                measures = measure_columns(result.data)
                stem = file_stem(result, state.values, state.lang)
                labels = {m: label for m, (label, _d) in measure_labels(cur, state.lang).items()}
                view = to_query(REGISTRY[chart_id].params, state.values)
                kilde = kilde_sheet(cur, result, _view_url(chart_id, view), state.lang)
                body = workbook(result, rows, measures, labels, kilde, state.lang)
        except work.Busy as exc:
            lang = "en" if flask.request.args.get("lang") == "en" else "nb"
            return work.busy(exc, t("download.busy", lang) + "\n")
        return attachment(body, XLSX_TYPE, f"{stem}.xlsx")

    cache.route_view(app, "download_chart", chart_view)
    cache.route_view(app, "download_all", lambda request: [_lang(request)])
    cache.route_view(app, "download_zip", lambda request: [_lang(request), cache.today()])


def missing_legend(lang: str) -> str:
    return t("chart.missing_legend", lang)
