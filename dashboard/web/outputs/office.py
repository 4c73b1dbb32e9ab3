"""What the Word report and the PowerPoint agenda share: the chart's image from the one
renderer, its alt text, the units of its numbers, and a small cache of finished files.

Both documents are made of the same pieces as the report ZIP and Møtemodus: a chart's
`ChartResult` in a view, its print PNG from `images.service()` (the renderer and its disk
cache; this module uses only its public `get(cursor, ImageRequest)`), and words from the
catalog. A document is a function of its inputs and the warehouse build, so a finished
file is kept (per process, a few of them) under a key made of both.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import flask
import pandas as pd

import queries
from dashboard.bounded import Recent
from dashboard.charts.listing import ChartResult
from dashboard.state import ViewState
from dashboard.web.outputs.images import (
    ImageRequest,
    ImagesUnavailable,
    fingerprint,
    service,
)
from dashboard.words import t

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
#: Bump when the documents' layout changes, so finished files are made again.
OFFICE_VERSION = "1"
EXTENSION = "slt-office-files"
#: Finished files kept per process: a coordinator downloads, a colleague downloads the same.
MAX_FILES = 8
MAX_BYTES = 64 * 1024 * 1024


def chart_kind(figure: Mapping[str, object] | None, lang: str) -> str:
    """'Stolpediagram' or 'Linjediagram' (or both), from the figure's traces."""
    traces = figure.get("data") if figure else None
    kinds = dict.fromkeys(
        "bar" if tr.get("type") == "bar" else "line"
        for tr in (traces if isinstance(traces, list) else [])
        if isinstance(tr, dict)
    )
    return ", ".join(t(f"report.kind.{k}", lang) for k in kinds) or t("report.kind.line", lang)


def image_alt(result: ChartResult, lang: str) -> str:
    """An image's alt text: the kind of chart, then its summary sentence (which starts
    with the title and says the latest values). The ZIP's text files say the same."""
    return f"{chart_kind(result.figure, lang)}. {result.summary or result.title}"


def chart_png(
    cur: duckdb.DuckDBPyConnection, chart_id: str, query: Mapping[str, object]
) -> bytes | None:
    """The chart's print PNG (1920 x 1280, title and source drawn in) from the image
    cache or freshly drawn; None where this host cannot draw (no browser). A busy
    renderer (`ImagesBusy`) is the caller's to answer: it passes."""
    try:
        data, _ = service().get(cur, ImageRequest.make(chart_id, query, "png"))
    except ImagesUnavailable:
        return None
    return data


def units(cur: duckdb.DuckDBPyConnection, data: pd.DataFrame, lang: str) -> str:
    """The units of a chart's numbers ('anmeldelser; personer'), from the warehouse's
    measure vocabulary, in the order the measures appear."""
    if data.empty or "measure" not in data.columns:
        return ""
    frame = queries.run(cur, "measures", dimension="measure")
    suffix = "en" if lang == "en" else "nb"
    unit = {str(r["code"]): str(r[f"unit_{suffix}"] or "") for r in frame.to_dict("records")}
    found = dict.fromkeys(unit.get(str(m), "") for m in data["measure"])
    return "; ".join(u for u in found if u)


def file_key(cur: duckdb.DuckDBPyConnection, kind: str, *inputs: object) -> tuple:
    """A finished file's key: what it is, its inputs, the warehouse build, the layout."""
    return (kind, OFFICE_VERSION, fingerprint(cur), *inputs)


class FinishedFiles(Recent[bytes]):
    """A few finished documents by key, least recently used out first (thread-safe),
    bounded in number and in bytes (one document is kept whatever its size)."""

    def __init__(self, max_files: int = MAX_FILES, max_bytes: int = MAX_BYTES):
        super().__init__(max_files)
        self.max_bytes = max_bytes

    def _over(self) -> bool:
        return super()._over() or (
            len(self._items) > 1 and sum(map(len, self._items.values())) > self.max_bytes
        )


def finished_files() -> FinishedFiles:
    """This app's cache of finished documents (made on first use)."""
    extensions = flask.current_app.extensions
    files = extensions.get(EXTENSION)
    if files is None:
        files = extensions.setdefault(EXTENSION, FinishedFiles())
    return files


def rejected(
    state: ViewState, args: Mapping[str, str], names: tuple[str, ...] = ("kommune", "aar")
) -> list[str]:
    """What the address asked for that a download cannot be made of (a download never
    silently shows another kommune, year or language than the one asked for). Unknown
    parameters are ignored, as on the pages."""
    out = []
    for name in names:
        raw = (args.get(name) or "").strip()
        if raw and raw != str(state[name]):
            out.append(t("report.bad_value", state.lang, name=name, value=raw[:40]))
    return out
