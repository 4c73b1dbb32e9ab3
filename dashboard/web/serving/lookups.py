"""Small lookups every output shares: licences by source, measure labels, status symbols.

Read from the warehouse (the words and definitions live there, not in Python), so a
chart menu, a download and a report say the same thing for the same build.
"""

from __future__ import annotations

import duckdb

import queries


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
