"""Looking a published number up in the warehouse by its key, for tests that follow a
row of a download, an image or a page back to the fact it came from."""

from __future__ import annotations

import duckdb

from dashboard.dataformat import KEY_COLUMNS

#: The key of a fact besides its source: the data format's own list, never retyped.
KEY = KEY_COLUMNS


def stored(con: duckdb.DuckDBPyConnection, row: dict) -> tuple[float | None, str | None]:
    """(value, status) of the one fact `row` (a CSV row with codes) names."""
    others = [c for c in KEY if c not in ("year", "period")]
    found = con.execute(
        "SELECT value, status FROM facts WHERE source_id = ? AND year = ? AND period = ? AND "
        + " AND ".join(f"{c} = ?" for c in others),
        [row["source_id"], int(row["year"]), row["period"], *(row[c] for c in others)],
    ).fetchall()
    assert len(found) == 1, row
    return found[0]
