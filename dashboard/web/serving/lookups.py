"""Small lookups every output shares: licences by source, measure labels, status symbols.

Read from the warehouse (the words and definitions live there, not in Python), so a
chart menu, a download and a report say the same thing for the same build.
"""

from __future__ import annotations

import duckdb

import queries
from dashboard.coverage import Coverage


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


def editions(cur: duckdb.DuckDBPyConnection, coverage: Coverage) -> list[dict]:
    """Every number that an earlier publication gave otherwise or restated, beside the one
    shown (queries/editions.sql over every area, measure and year the warehouse holds).

    It depends only on the warehouse, so it is read once per file; a chart's menu picks
    its own rows (`editions_of`). Every shown number is preferred, so the coverage (the
    preferred facts) names every area and measure that can have an earlier edition.
    """
    years = [y for found in coverage.years_by.values() for y in found]
    if not years:
        return []
    rows = queries.run(
        cur,
        "editions",
        municipalities=sorted({area for _, area in coverage.years_by}),
        measures=sorted({measure for measure, _ in coverage.years_by}),
        fra=min(years),
        til=max(years),
    )
    # Missing cells as None, whatever dtype the column got for the whole warehouse.
    return rows.astype(object).where(rows.notna(), None).to_dict("records")


def editions_of(
    rows: list[dict], municipalities: set[str], measures: set[str], fra: int, til: int
) -> list[dict]:
    """The rows of `editions` for one chart's areas, measures and years (in their order)."""
    return [
        r
        for r in rows
        if r["municipality"] in municipalities
        and r["measure"] in measures
        and fra <= int(r["year"]) <= til
    ]
