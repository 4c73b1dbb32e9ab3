"""The chart registry: chart id + validated view state -> data -> figure.

Pages, CSV downloads (and later embeds and image exports) all go through `render`, so
a chart, its table and its CSV are always built from the very same rows. Each chart
function queries the warehouse (one `.sql` file), shapes the rows, and hands a plain
DataFrame to a pure figure builder.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from dashboard.build.datafiles import KEY_COLUMNS
from dashboard.state import Param, ViewState
from dashboard.words import pick, t
from dashboard.words.numbers import format_cell

#: Events marked on time axes (DATA.md §3).
EVENTS = (
    ("2015-10-01", {"nb": "Ny straffelov", "en": "New Penal Code"}),
    ("2017-05-01", {"nb": "Politidistrikt slått sammen", "en": "Police districts merged"}),
    ("2019-08-10", {"nb": "Terrorangrep i Bærum", "en": "Terror attack in Bærum"}),
    ("2020-01-01", {"nb": "Kommunereform", "en": "Municipal reform"}),
    ("2020-03-12", {"nb": "Nedstenging (covid-19)", "en": "Lockdown (covid-19)"}),
)

SMALL = 20  # counts below this are flagged as uncertain ("Tallene er relativt små")


@dataclass
class ChartResult:
    """Everything a chart card shows, built from one set of rows."""

    chart_id: str
    title: str
    figure: dict | None
    table: pd.DataFrame  # display table: formatted strings; first column is the row header
    data: pd.DataFrame  # the rows behind the chart (CSV download), with provenance
    source: str
    summary: str = ""  # text alternative: what the chart shows, in words
    notes: list[str] = field(default_factory=list)
    message: str | None = None  # when there is nothing to draw: what exists instead
    subtitle: str = ""


@dataclass(frozen=True)
class Chart:
    """A registered chart: which page's parameters it reads and how it is built."""

    chart_id: str
    page: str
    params: Sequence[Param]
    build: Callable[[duckdb.DuckDBPyConnection, ViewState], ChartResult]


REGISTRY: dict[str, Chart] = {}


def register(chart_id: str, page: str, params: Sequence[Param]):
    """Decorator adding a chart builder to the registry."""

    def wrap(func: Callable[[duckdb.DuckDBPyConnection, ViewState], ChartResult]):
        REGISTRY[chart_id] = Chart(chart_id, page, tuple(params), func)
        return func

    return wrap


def render(chart_id: str, cursor: duckdb.DuckDBPyConnection, state: ViewState) -> ChartResult:
    return REGISTRY[chart_id].build(cursor, state)


# ---------------------------------------------------------------------------- helpers


def label_column(frame: pd.DataFrame, dim: str, lang: str) -> pd.Series:
    return frame[f"{dim}_{'en' if lang == 'en' else 'nb'}"]


def source_line(rows: pd.DataFrame, lang: str) -> str:
    """`Kilde: publication, section; …` from the distinct sources of the rows."""
    if rows.empty:
        return ""
    seen: list[str] = []
    for publication, section in rows[["publication", "section"]].itertuples(index=False):
        # Long per-row provenance stays in the CSV; the line under a chart stays readable.
        short = isinstance(section, str) and section and len(section) <= 90
        item = f"{publication}, {section}" if short else str(publication)
        if item not in seen:
            seen.append(item)
    return f"{t('chart.source', lang)}: " + "; ".join(seen)


#: The columns of a chart's CSV: the fact's key, value and provenance (as `export`).
CSV_COLUMNS = (
    *KEY_COLUMNS[:3],
    "municipality_code",
    *KEY_COLUMNS[3:],
    "value",
    "status",
    "note",
    "publication",
    "section",
    "table_title",
    "source_id",
)


def csv_rows(rows: pd.DataFrame, extra: Sequence[str] = ()) -> pd.DataFrame:
    """The rows behind a chart, in the export's column order (codes; labels optional)."""
    columns = [c for c in (*CSV_COLUMNS, *extra) if c in rows.columns]
    return rows[columns].reset_index(drop=True)


def is_small(values: pd.Series) -> bool:
    numbers = values.dropna()
    return not numbers.empty and bool((numbers < SMALL).any())


def events_for(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((date, pick(label, lang)) for date, label in EVENTS)


def pivot_table(
    frame: pd.DataFrame, row: str, column: str, lang: str, row_header: str, decimals: int = 0
) -> pd.DataFrame:
    """A display table: one row per `row` label, one column per `column` label, SSB symbols."""
    cells = frame.assign(
        _text=[
            format_cell(v, s, decimals, lang)
            for v, s in zip(frame["value"], frame["status"], strict=True)
        ]
    )
    table = cells.pivot_table(
        index=row, columns=column, values="_text", aggfunc="first", sort=False
    )
    table = table.fillna("").reset_index().rename(columns={row: row_header})
    table.columns = [str(c) for c in table.columns]
    return table


def no_data(
    chart_id: str, title: str, message: str, lang: str, rows: pd.DataFrame | None = None
) -> ChartResult:
    """A chart with nothing to draw: says so and what exists, never an empty axis."""
    empty = pd.DataFrame(columns=list(CSV_COLUMNS))
    return ChartResult(
        chart_id=chart_id,
        title=title,
        figure=None,
        table=pd.DataFrame(),
        data=empty if rows is None else csv_rows(rows),
        source="",
        message=message,
    )


def years_text(years: Sequence[int]) -> str:
    ys = sorted(set(int(y) for y in years))
    if not ys:
        return ""
    return f"{ys[0]}–{ys[-1]}" if len(ys) > 1 else str(ys[0])


def finite(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))
