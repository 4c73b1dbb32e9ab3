"""Report figures: `/last-ned/rapportfigurer.zip?kommune=<k>&aar=<year>`, every chart at once.

The SLT coordinator writes the yearly report from these: each chart of the kommune's
views as of the year (the same view a Møtemodus slide shows: `page.year_view`), as a
print-quality PNG and an SVG with title and source drawn in (drawn by the one image
renderer, `web/images`, and shared with its cache), its rows as CSV, and a text file with
the alt text, the summary sentence, notes and the source. The overview's key figures come
first as sentences. A README lists every file in report order (page order, then the
charts in the order their page shows them) and names the charts that have no figures for
this choice, with what exists instead.

The same charts make the chapter "Utfordringsbildet <kommune> <år>" as a Word document
(`/last-ned/utfordringsbildet.docx`, drafted by `wordreport.py`), with the same checks.

Bad parameters answer 400 with a note saying what to write, a year without figures 404
with the years that have them; no browser on the server answers 503 with where the
numbers can be had instead (every chart's CSV, and all data as one ZIP). The Word
document is still made without a browser: its tables and sentences, and a note where
each image would be.

A finished ZIP is kept in the image cache (bounded, shared by the workers), keyed by its
normalised view (kommune, year, language), the date it is stamped with and the
warehouse: the same ZIP asked for again is sent, not rebuilt. Building a ZIP or a Word
document takes a slot for expensive work (`serving/work`) for all its images; when none
is free the answer is 503 with Retry-After.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import duckdb
import flask
from dash import Dash

from dashboard.charts.listing import ChartResult, on_page
from dashboard.charts.oversikt import OVERVIEW_PARAMS, key_figures
from dashboard.charts.registry import measure_columns
from dashboard.dimensions import kommune_name
from dashboard.state import ViewState, parse, to_query
from dashboard.web.layout import components
from dashboard.web.layout.page import PageSpec, year_view
from dashboard.web.outputs import downloads, links, wordreport
from dashboard.web.outputs.images import (
    RENDER_VERSION,
    ImageRequest,
    ImagesBusy,
    ImagesUnavailable,
    fingerprint,
    licence_line,
    plain_text,
    service,
    view_line,
)
from dashboard.web.outputs.office import (
    DOCX_TYPE,
    file_key,
    finished_files,
    image_alt,
    rejected,
)
from dashboard.web.serving import lookups, work
from dashboard.web.serving.context import coverage, cursor, site_root
from dashboard.words import t
from dashboard.words.numbers import year_ranges

log = logging.getLogger(__name__)

PATH = links.REPORT_PATH
#: The ZIP's own parameters: language, kommune and year (the overview's, without a control).
PARAMS = OVERVIEW_PARAMS
#: The file formats of each chart, in the README's order.
IMAGE_FORMATS = ("png", "svg")


@dataclass(frozen=True)
class Figure:
    """One chart of the report: its number, page, view and what it shows."""

    number: int
    spec: PageSpec
    state: ViewState
    result: ChartResult

    @property
    def stem(self) -> str:
        return f"{self.number:02d}-{self.result.chart_id}"

    @property
    def query(self) -> dict[str, str]:
        return to_query(self.spec.params, self.state.values)


def report_figures(
    cur: duckdb.DuckDBPyConnection, pages: Sequence[PageSpec], kommune: str, aar: object, lang: str
) -> tuple[list[Figure], list[Figure]]:
    """(charts with figures, charts without) of every page, in report order."""
    drawn: list[Figure] = []
    empty: list[Figure] = []
    number = 0
    for spec in pages:
        charts = on_page(spec.name)
        if not charts:
            continue
        state = year_view(spec, kommune, aar, lang)
        for chart in charts:
            if not chart.shown(state):
                continue
            result = chart.build(cur, state)
            if result.figure is None:
                empty.append(Figure(0, spec, state, result))
                continue
            number += 1
            drawn.append(Figure(number, spec, state, result))
    return drawn, empty


def alt_text(item: Figure, lang: str) -> str:
    """The image's alt text: the kind of chart, then its summary sentence (which starts
    with the title and says the latest values)."""
    return image_alt(item.result, lang)


def chart_text(item: Figure, view: str, licence: str, page_url: str, lang: str) -> str:
    """The text file beside a chart's images: everything a report needs to cite it."""
    result = item.result
    lines = [result.title]
    if view:
        lines.append(view)
    lines += [
        "",
        f"{t('report.alt', lang)}:",
        alt_text(item, lang),
        "",
        f"{t('report.summary', lang)}:",
        result.summary,
    ]
    if result.notes:
        lines += ["", f"{t('report.notes', lang)}:", *[f"- {n}" for n in result.notes]]
    lines += ["", result.source]
    if licence:
        lines.append(f"{t('report.licence', lang)}: {licence}")
    lines += ["", f"{t('report.online', lang)}: {page_url}", ""]
    return "\n".join(lines)


def key_figures_text(cur: duckdb.DuckDBPyConnection, kommune: str, aar: object, lang: str) -> str:
    """The overview's key figures as sentences, each with its source."""
    state = parse(PARAMS, {"kommune": kommune, "aar": str(aar), "lang": lang})
    lines = [t("oversikt.h1", lang), ""]
    for fig in key_figures(cur, state):
        lines.append(f"- {fig.sentence}")
        if fig.small:
            lines.append(f"  {t('oversikt.small', lang)}")
        lines.append(f"  {t('chart.source', lang)}: {fig.source}")
    return "\n".join(lines) + "\n"


def readme(
    drawn: Sequence[Figure],
    empty: Sequence[Figure],
    title: str,
    stamp: str,
    lang: str,
) -> str:
    """README: what the ZIP holds, every chart in report order, and what has no figures."""
    lines = [title, "=" * len(title), "", t("report.readme.intro", lang), ""]
    lines += [t("report.readme.files", lang), ""]
    lines.append(f"00-nokkeltall.txt  {t('report.readme.key_figures', lang)}")
    page = ""
    for item in drawn:
        if item.spec.name != page:
            page = item.spec.name
            heading = t(item.spec.nav_key, lang)
            lines += ["", heading, "-" * len(heading)]
        lines.append(f"{item.number:2d}. {item.result.title}")
        files = [f"{item.stem}.{ext}" for ext in (*IMAGE_FORMATS, "csv", "txt")]
        lines.append("    " + ", ".join(files))
        lines.append(f"    {item.result.source}")
    if empty:
        lines += ["", t("report.readme.empty", lang), ""]
        for item in empty:
            message = item.result.message
            lines.append(f"- {item.result.title}" + (f": {message}" if message else ""))
    lines += [
        "",
        t("report.readme.formats", lang),
        "",
        t("report.readme.symbols", lang),
        "",
        stamp,
        "",
    ]
    return "\n".join(lines)


def build_zip(
    cur: duckdb.DuckDBPyConnection,
    drawn: Sequence[Figure],
    empty: Sequence[Figure],
    kommune: str,
    aar: object,
    lang: str,
    base_url: str,
) -> bytes:
    """The ZIP: key figures, then per chart PNG, SVG, CSV and text, and the README."""
    images = service()
    licences = lookups.licences(cur)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("00-nokkeltall.txt", key_figures_text(cur, kommune, aar, lang))
        for item in drawn:
            result = item.result
            for fmt in IMAGE_FORMATS:
                request = ImageRequest.make(result.chart_id, item.query, fmt)
                data, _ = images.get(cur, request)
                if data is None:  # pragma: no cover - the figure exists: it is drawn
                    raise ImagesUnavailable(f"{result.chart_id}: nothing drawn")
                archive.writestr(f"{item.stem}.{fmt}", data)
            rows = downloads.table_rows(result.data, licences)
            measures = measure_columns(result.data)
            csv = "\ufeff" + downloads.csv_text(rows, measures)
            archive.writestr(f"{item.stem}.csv", csv)
            view = view_line(result, item.state.values, lang)
            page_url = base_url + item.spec.path + "?" + urlencode(item.query, safe=",")
            text = chart_text(item, view, licence_line(cur, result.data), page_url, lang)
            archive.writestr(f"{item.stem}.txt", text)
        title = file_title(kommune, aar, lang)
        stamp = t(
            "report.readme.stamp",
            lang,
            date=dt.date.today().isoformat(),
            site=base_url,
            fingerprint=fingerprint(cur)[:16],
        )
        name = "LESMEG.txt" if lang == "nb" else "README.txt"
        archive.writestr(name, readme(drawn, empty, title, stamp, lang))
    return out.getvalue()


def file_title(kommune: str, aar: object, lang: str) -> str:
    """`Rapportfigurer – Bærum 2020` (or `… siste år`)."""
    return t(
        "report.title",
        lang,
        kommune=kommune_name(kommune, lang),
        year=components.year_text(aar, lang),
    )


def register(app: Dash, pages: Sequence[PageSpec]) -> None:
    """The route; `pages` are the pages whose charts the report holds, in report order."""

    @app.server.route(PATH)
    def report_zip():
        state = parse(PARAMS, flask.request.args.to_dict(flat=False))
        lang = state.lang
        bad = rejected(state, flask.request.args)
        if bad:
            example = links.report_href("baerum", 2020)
            body = "\n".join([*bad, "", t("report.bad", lang, example=example)])
            return plain_text(body + "\n", 400)
        kommune, aar = state["kommune"], state["aar"]
        cur = cursor()
        filename = f"{file_title(kommune, aar, lang)}.zip"
        kept = zip_path(cur, to_query(PARAMS, state.values))
        found = service().store.read(kept)
        if found is not None:
            return downloads.attachment(found, "application/zip", filename)
        base = site_root()
        try:
            with work.gate().slot():  # first: a request turned away costs next to nothing
                drawn, empty = report_figures(cur, pages, kommune, aar, lang)
                if not drawn:
                    return no_figures(kommune, aar, lang)
                body = build_zip(cur, drawn, empty, kommune, aar, lang, base)
        except (ImagesBusy, work.Busy) as exc:
            retry = str(getattr(exc, "retry_after", 10))
            return plain_text(t("report.busy", lang) + "\n", 503, **{"Retry-After": retry})
        except ImagesUnavailable as exc:
            log.warning("report figures unavailable: %s", exc)
            headers = {"Retry-After": "30"} if exc.retry else {}
            return plain_text(t("report.unavailable", lang) + "\n", 503, **headers)
        service().store.write(kept, body)  # a read-only disk: sent anyway, not kept
        return downloads.attachment(body, "application/zip", filename)

    @app.server.route(links.WORDREPORT_PATH)
    def report_docx():
        state = parse(PARAMS, flask.request.args.to_dict(flat=False))
        lang = state.lang
        bad = rejected(state, flask.request.args, ("kommune", "aar", "lang"))
        if bad:
            example = links.wordreport_href("baerum", 2020)
            body = "\n".join([*bad, "", t("wordreport.bad", lang, example=example)])
            return plain_text(body + "\n", 400)
        kommune, aar = state["kommune"], state["aar"]
        cur = cursor()
        base = site_root()
        year_label = components.year_text(aar, lang)
        name = wordreport.file_name(kommune, year_label, lang)
        today = dt.date.today().isoformat()  # the first page says when it was made
        key = file_key(cur, "docx", kommune, str(aar), lang, base, today)
        finished = finished_files().get(key)
        if finished is not None:
            return downloads.attachment(finished, DOCX_TYPE, name)
        try:
            with work.gate().slot():  # expensive work: a slot for the document and its images
                drawn, empty = report_figures(cur, pages, kommune, aar, lang)
                if not drawn:
                    return no_figures(kommune, aar, lang)
                document, complete = wordreport.build_docx(
                    cur, drawn, empty, kommune, aar, year_label, lang, base
                )
        except (ImagesBusy, work.Busy) as exc:
            retry = str(getattr(exc, "retry_after", 10))
            return plain_text(t("report.busy", lang) + "\n", 503, **{"Retry-After": retry})
        if complete:  # a document made without its images is not kept
            finished_files().put(key, document)
        return downloads.attachment(document, DOCX_TYPE, name)


def zip_path(cur: duckdb.DuckDBPyConnection, query: Mapping[str, str]) -> Path:
    """Where the finished ZIP of a view is kept: beside the images of the same warehouse,
    named by the normalised view, today's date (its README's stamp), the site address
    and the drawing's version."""
    fp = fingerprint(cur)
    what = [RENDER_VERSION, dict(query), dt.date.today().isoformat(), site_root()]
    key = hashlib.sha256(json.dumps(what, sort_keys=True).encode()).hexdigest()[:32]
    return service().cache_dir / fp[:16] / f"rapportfigurer-{key}.zip"


def no_figures(kommune: str, aar: object, lang: str) -> flask.Response:
    """404: no chart has figures for the kommune and year; the years that have them."""
    have = coverage()
    years = have.years({measure for measure, _area in have.years_by}, kommune)
    name = kommune_name(kommune, lang)
    body = t("report.none", lang, k=name, year=aar, years=year_ranges(years))
    return plain_text(body + "\n", 404)
