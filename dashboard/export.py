"""Every fact in the warehouse as one flat table: the data behind `export` and downloads."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

import queries


def all_facts(
    cursor: duckdb.DuckDBPyConnection, lang: str = "nb", codes: bool = False
) -> pd.DataFrame:
    """One row per published number, with readable labels (or codes) and its source."""
    frame = queries.run(cursor, "export_all", lang=lang)
    frame["value"] = frame["value"].map(number_text)
    if codes:
        return frame.drop(columns=[c for c in frame.columns if c.endswith("_label")])
    label_columns = [c for c in frame.columns if c.endswith("_label")]
    for column in label_columns:
        frame[column.removesuffix("_label")] = frame.pop(column)
    return frame


def number_text(value: Any) -> str:
    """A value as plain CSV text: whole numbers without '.0', missing as empty."""
    if value is None or pd.isna(value):
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)
