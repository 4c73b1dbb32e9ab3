"""Small lookups every output shares: licences by source, measure labels, status symbols.

Read from the warehouse (the words and definitions live there, not in Python), so a
chart menu, a download and a report say the same thing for the same build.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pandas as pd

import queries
from dashboard.coverage import Coverage
from dashboard.dataformat import IDENTITY_COLUMNS


def licences(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    sources = queries.run(cur, "sources")
    return {
        str(s): str(lic) for s, lic in zip(sources["source_id"], sources["licence"], strict=True)
    }


def measure_labels(cur: duckdb.DuckDBPyConnection, lang: str) -> dict[str, tuple[str, str]]:
    """measure code -> (label, description) in `lang`."""
    frame = queries.run(cur, "measures", dimension="measure")
    suffix = "en" if lang == "en" else "nb"
    return {
        str(r["code"]): (str(r[f"label_{suffix}"]), str(r[f"description_{suffix}"] or ""))
        for r in frame.to_dict("records")
    }


def symbols(cur: duckdb.DuckDBPyConnection, lang: str) -> list[tuple[str, str]]:
    frame = queries.run(cur, "measures", dimension="status")
    suffix = "en" if lang == "en" else "nb"
    return [(str(r["code"]), str(r[f"label_{suffix}"])) for r in frame.to_dict("records")]


#: What a number is about (the data format's identity): an earlier edition belongs to a
#: chart only where the chart shows a number with the same key.
EDITION_KEY = IDENTITY_COLUMNS
#: The key less its year, area and measure.
BREAKDOWN = tuple(c for c in EDITION_KEY if c not in ("year", "municipality", "measure"))
#: What a chart menu says about an earlier edition (and how the rows are ordered).
EDITION_FIELDS = (
    "year",
    "municipality",
    "municipality_sort",
    "measure",
    *BREAKDOWN,
    "measure_nb",
    "measure_en",
    "value",
    "status",
    "publication",
    "shown_value",
    "shown_status",
    "shown_publication",
)


def editions(cur: duckdb.DuckDBPyConnection, area: str, coverage: Coverage) -> list[dict]:
    """The numbers of `area` that an earlier publication gave otherwise, beside the one
    shown (a restatement of the same number is no news and is left out):
    queries/editions.sql over every measure and year the warehouse holds for the area.

    It depends only on the warehouse and the area, so it is read once per area and file
    (a handful of rows per area, also at national scale); a chart's menu picks its rows
    with `editions_of`. Every shown number is preferred, so the coverage (the preferred
    facts) names every measure and year that can have an earlier edition.
    """
    measures = sorted({measure for measure, where in coverage.years_by if where == area})
    years = [y for (_, where), found in coverage.years_by.items() if where == area for y in found]
    if not measures:
        return []
    frame = queries.run(
        cur, "editions", municipalities=[area], measures=measures, fra=min(years), til=max(years)
    )
    frame = frame[~frame["same_as_shown"].astype(bool)]
    # Only what the menu says; missing cells as None whatever dtype the column got.
    kept = frame[list(EDITION_FIELDS)].astype(object)
    return kept.where(kept.notna(), None).to_dict("records")


def _key(row: Mapping[str, object], columns: tuple[str, ...]) -> tuple[str, ...]:
    """A number's key as text (the year as a whole number, whatever dtype it came in)."""
    return tuple(str(int(float(str(row[c])))) if c == "year" else str(row[c]) for c in columns)


def editions_of(by_area: Mapping[str, list[dict]], shown: pd.DataFrame) -> list[dict]:
    """A chart's earlier editions: its areas' rows whose number the chart shows (same
    year, area, measure and breakdown: Bærum's 182 vs 183 persons 10-17 in 2018 is no
    news on a chart of the age groups that never shows 183), in the order
    queries/editions.sql gives them (by area, then measure, year …)."""
    columns = tuple(c for c in EDITION_KEY if c in shown.columns)
    if "year" not in columns or shown.empty:
        return []
    drawn = shown[shown["year"].notna()][list(columns)]
    keys = {_key(r, columns) for r in drawn.to_dict("records")}
    rows = [r for found in by_area.values() for r in found if _key(r, columns) in keys]
    return sorted(rows, key=lambda r: r["municipality_sort"])  # stable: keeps the rest
