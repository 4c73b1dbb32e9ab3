"""The chart registry: a chart is declared once; the registry runs it.

A chart declares its id, its page, the URL parameters it reads and the queries it needs
(`queries/<name>.sql`, bound from the view state). Its function only reshapes rows into
what the figure, the table and the summary need, and returns a `Shape` (or `NoData`).
The registry runs the queries, calls the function, and adds what every chart has:
the id, the CSV rows in the export's column order, the source line, the small-number
note and a default summary. Pages, CSV downloads, embeds and images all go through
`render`, so a chart, its table and its CSV are built from the very same rows.

This module imports no chart definition; `charts/catalog.py` lists them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

import queries
from dashboard import dimensions as dims
from dashboard.charts import contract
from dashboard.dataformat import KEY_COLUMNS
from dashboard.dimensions import kommune_name as area_name
from dashboard.dimensions import measure_name
from dashboard.state import Param, ViewState
from dashboard.words import t
from dashboard.words.numbers import any_small, format_cell, format_number, list_text, year_ranges


@dataclass
class ChartResult:
    """Everything a chart card shows, built from one set of rows."""

    chart_id: str
    title: str
    figure: dict[str, Any] | None
    table: pd.DataFrame  # display table: formatted strings; first column is the row header
    data: pd.DataFrame  # the rows behind the chart (CSV download), with provenance
    source: str
    summary: str = ""  # text alternative: what the chart shows, in words
    notes: list[str] = field(default_factory=list)
    message: str | None = None  # when there is nothing to draw: what exists instead
    subtitle: str = ""


@dataclass
class Shape:
    """What a chart function returns: its rows reshaped for the figure, table and words.

    `rows` are the facts behind the figure (their CSV, source line and small-number check
    are the registry's job); `csv_extra` names computed columns the CSV should carry too;
    `small` are the counts to check for small numbers (None: the rows' values; an empty
    series: no check, e.g. for shares).
    """

    title: str
    figure: dict[str, Any] | None
    table: pd.DataFrame
    rows: pd.DataFrame
    summary: str = ""
    notes: list[str] = field(default_factory=list)
    subtitle: str = ""
    csv_extra: Sequence[str] = ()
    small: pd.Series | None = None
    source_extra: Sequence[str] = ()


@dataclass
class NoData:
    """Nothing to draw for this choice: the title and what exists instead."""

    title: str
    message: str
    rows: pd.DataFrame | None = None


def DEFAULT_BIND(state: ViewState) -> Mapping[str, object]:
    """Bind a query's $parameters to the view's values of the same names."""
    return state.values


@dataclass(frozen=True)
class Query:
    """A named query (`queries/<name>.sql`) and how the view state binds its parameters."""

    name: str | Callable[[ViewState], str]
    bind: Callable[[ViewState], Mapping[str, object]] = DEFAULT_BIND

    def run(self, cursor: duckdb.DuckDBPyConnection, state: ViewState) -> pd.DataFrame:
        name = self.name(state) if callable(self.name) else self.name
        return queries.run(cursor, name, **self.bind(state))


class Rows(Mapping[str, pd.DataFrame]):
    """The results of a chart's declared queries, each run once, when first read."""

    def __init__(
        self, declared: Mapping[str, Query], cursor: duckdb.DuckDBPyConnection, state: ViewState
    ):
        self._declared, self._cursor, self._state = declared, cursor, state
        self._done: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._done:
            self._done[name] = self._declared[name].run(self._cursor, self._state)
        return self._done[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._declared)

    def __len__(self) -> int:
        return len(self._declared)


Shaper = Callable[[Rows, ViewState], "Shape | NoData"]


@dataclass(frozen=True)
class Chart:
    """A registered chart: its page, the parameters it reads, its queries and its shaper."""

    chart_id: str
    page: str
    params: tuple[Param, ...]
    queries: Mapping[str, Query]
    shape: Shaper
    shown: Callable[[ViewState], bool] = lambda state: True
    section: str = ""  # a page with sections groups its charts under catalog headings
    ignores: tuple[str, ...] = ()  # parameters of its page it does not honour (declared)
    reads: frozenset[str] = frozenset()  # names its code and queries look up (contract)

    def key(self, state: ViewState) -> tuple[object, ...]:
        """What the result depends on besides the warehouse: the chart, the language and
        the values of the parameters it honours (an ignored one counts too if its code
        looks it up after all). Two views with the same key have the same result, so a
        change of one control leaves the page's other charts as they were computed."""
        values = state.values
        return (
            self.chart_id,
            state.lang,
            *(
                (p.name, _hashable(values.get(p.name)))
                for p in self.params
                if p.name not in self.ignores or p.name in self.reads
            ),
        )

    def build(self, cursor: duckdb.DuckDBPyConnection, state: ViewState) -> ChartResult:
        """Run the queries, reshape, and add what every chart carries."""
        shaped = self.shape(Rows(self.queries, cursor, state), state)
        lang = state.lang
        if isinstance(shaped, NoData):
            empty = pd.DataFrame(columns=list(CSV_COLUMNS))
            return ChartResult(
                chart_id=self.chart_id,
                title=shaped.title,
                figure=None,
                table=pd.DataFrame(),
                data=empty if shaped.rows is None else csv_rows(shaped.rows),
                source="",
                message=shaped.message,
            )
        rows = shaped.rows
        notes = list(shaped.notes)
        small = rows["value"] if shaped.small is None else shaped.small
        if any_small(small):
            notes.insert(0, t("chart.small_numbers", lang))
        source = source_line(rows, lang)
        if shaped.source_extra:
            source += "; " + "; ".join(shaped.source_extra)
        summary = shaped.summary or f"{shaped.title}."
        return ChartResult(
            chart_id=self.chart_id,
            title=shaped.title,
            subtitle=shaped.subtitle,
            figure=shaped.figure,
            table=shaped.table,
            data=csv_rows(rows, extra=shaped.csv_extra),
            source=source,
            summary=summary,
            notes=notes,
        )


REGISTRY: dict[str, Chart] = {}


def chart(
    chart_id: str,
    page: str,
    params: Sequence[Param],
    queries: Mapping[str, Query] | Query,
    shown: Callable[[ViewState], bool] | None = None,
    section: str = "",
    ignores: Sequence[str] = (),
) -> Callable[[Shaper], Shaper]:
    """Declare a chart: `@chart(id, page, params, Query(...))` above its shaping function.

    `params` are its page's parameters; the chart must honour each one or name it in
    `ignores` (checked here, see `charts/contract.py`). `shown` says in which views the
    page shows it (default: always); `section` puts it under a heading of its page
    (text: `<page>.section.<section>.h2` / `.intro`).
    """
    declared = {"rows": queries} if isinstance(queries, Query) else dict(queries)

    def wrap(func: Shaper) -> Shaper:
        if chart_id in REGISTRY:
            raise ValueError(f"chart {chart_id!r} is declared twice")
        read = contract.reads([func])
        for query in declared.values():
            if query.bind is DEFAULT_BIND:
                read |= contract.sql_parameters(query.name)
            else:
                read |= getattr(query.bind, "reads", None) or contract.reads([query.bind])
            if callable(query.name):
                read |= contract.reads([query.name])
        contract.check(chart_id, page, (p.name for p in params), read, ignores)
        REGISTRY[chart_id] = Chart(
            chart_id,
            page,
            tuple(params),
            declared,
            func,
            shown or (lambda state: True),
            section,
            tuple(ignores),
            frozenset(read),
        )
        return func

    return wrap


def render(chart_id: str, cursor: duckdb.DuckDBPyConnection, state: ViewState) -> ChartResult:
    """The chart `chart_id` in the view `state`."""
    return REGISTRY[chart_id].build(cursor, state)


def _hashable(value: object) -> object:
    """A view value as part of a key (a multi-choice value is a list in some callers)."""
    return tuple(value) if isinstance(value, list) else value


def on_page(page: str) -> list[Chart]:
    """The charts of a page, in the order they were declared."""
    return [c for c in REGISTRY.values() if c.page == page]


def bind(**mapping: Callable[[ViewState], Any]) -> Callable[[ViewState], dict[str, Any]]:
    """A binding that computes each query parameter from the state."""

    def bound(state: ViewState) -> dict[str, Any]:
        return {name: get(state) for name, get in mapping.items()}

    bound.reads = contract.reads(mapping.values())  # type: ignore[attr-defined]
    return bound


#: What the warehouse holds (measure x area -> years), for saying what exists instead.
AVAILABLE = Query("years", lambda state: {})


def what_exists(available: pd.DataFrame, measures: Sequence[str], lang: str) -> str:
    """'Anmeldelser: Bærum 2013–2020; Personer: Bærum 2010–2019', read from the warehouse.

    Empty when nothing exists for the measures, so a message never claims data that the
    warehouse does not hold (and names a newly imported kommune or year by itself).
    """
    parts = []
    for measure in measures:
        rows = available[available["what"] == measure]
        if rows.empty:
            continue
        areas = [
            f"{area_name(str(r.municipality), lang)} {year_ranges(r.years)}"
            for r in rows.itertuples(index=False)
        ]
        parts.append(f"{measure_name(measure, lang)}: {list_text(areas, lang)}")
    return "; ".join(parts)


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


def measure_columns(data: pd.DataFrame) -> list[str]:
    """The measures of the rows, in order of first appearance: one column each."""
    if "measure" not in data.columns:
        return []
    return list(dict.fromkeys(str(m) for m in data["measure"]))


def csv_rows(rows: pd.DataFrame, extra: Sequence[str] = ()) -> pd.DataFrame:
    """The rows behind a chart, in the export's column order (codes; labels optional)."""
    columns = [c for c in (*CSV_COLUMNS, *extra) if c in rows.columns]
    return rows[columns].reset_index(drop=True)


def events_for(lang: str) -> tuple[tuple[str, str], ...]:
    """(date, label) of the events marked on time axes (data/vocab/events.csv)."""
    return tuple((e.date, e.en if lang == "en" else e.nb) for e in dims.active().events)


def breaks_of(column: str, lang: str) -> tuple[tuple[float, str], ...]:
    """Breaks in a series whose `column` codes changed meaning (e.g. the 2015 Penal Code's
    offence groups), from the events that say they break it."""
    return tuple(
        (e.break_x, e.en if lang == "en" else e.nb)
        for e in dims.active().events
        if column in e.breaks
    )


def territory_breaks(
    areas: Sequence[str], years: Sequence[int], lang: str
) -> list[tuple[float, str]]:
    """Breaks where an area drawn changed territory inside the years drawn (Asker 2020),
    each labelled with the area's name and its territory note."""
    if not len(years):
        return []
    low, high = min(years), max(years)
    out = []
    for area in dict.fromkeys(areas):
        for year, note in dims.territory_breaks(area):
            if low < year <= high:
                out.append((year - 0.5, note))
    return out


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


def line_frame(
    rows: pd.DataFrame,
    series: str = "series",
    value: str = "value",
    status: str = "status",
    label: str = "period",
) -> pd.DataFrame:
    """What `figures.line_chart` draws from fact rows: x (the year), its tick label (the
    period as printed), the series name, the value and its missing-value status."""
    return pd.DataFrame(
        {
            "x": rows["year"].astype(int),
            "x_label": rows[label].astype(str),
            "series": rows[series],
            "value": rows[value].astype("float64"),
            "status": rows[status],
        }
    )


def latest_values(frame: pd.DataFrame, lang: str) -> tuple[int, str] | None:
    """(the last x with a value, "series value; …" at that x) of a line frame, or None."""
    known = frame.dropna(subset=["value"])
    if known.empty:
        return None
    latest = int(known["x"].max())
    at = known[known["x"] == latest]
    text = "; ".join(
        f"{s} {format_number(v, 0, lang)}" for s, v in zip(at["series"], at["value"], strict=True)
    )
    return latest, text


def finite(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))
