"""Every fact in the warehouse as one flat table: the data behind `export` and downloads.

Also the two rules every file a reader opens in a spreadsheet follows (CSV here, XLSX in
`web/outputs/downloads`): a missing value is an empty field, never the text `nan`,
`None` or `NaT`; and a text cell that a spreadsheet would read as a formula (it begins
with `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's "CSV injection" list) gets
a leading single quote, so Excel and LibreOffice show it as the text it is. Numbers are
numbers and are never touched: `-3` in a value column stays `-3`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import duckdb
import pandas as pd

import queries
from dashboard.dataformat import FORMULA_START

#: Columns of the export that hold numbers (as number text): never neutralised.
NUMBER_COLUMNS = ("value", "year", "edition", "editions")


def all_facts(
    cursor: duckdb.DuckDBPyConnection, lang: str = "nb", codes: bool = False
) -> pd.DataFrame:
    """One row per published number, with readable labels (or codes) and its source.

    Text cells are spreadsheet-safe (`safe_cell`), missing ones empty.
    """
    frame = queries.run(cursor, "export_all", lang=lang)
    frame["value"] = frame["value"].map(number_text)
    if codes:
        frame = frame.drop(columns=[c for c in frame.columns if c.endswith("_label")])
    else:
        label_columns = [c for c in frame.columns if c.endswith("_label")]
        for column in label_columns:
            frame[column.removesuffix("_label")] = frame.pop(column)
    return spreadsheet_safe(frame, NUMBER_COLUMNS)


def number_text(value: Any) -> str:
    """A value as plain CSV text: whole numbers without '.0', missing as empty."""
    if is_missing(value):
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def is_missing(value: object) -> bool:
    """None, NaN, NaT or pd.NA: a cell that must be written empty."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is a value, not "missing"
        return False


def text(value: object) -> str:
    """A value as text for a reader: "" when missing (never "nan", "None" or "NaT")."""
    return "" if is_missing(value) else str(value)


#: Cells left as they are although they begin with a formula character: SSB's symbol
#: for nil ("-"), which a spreadsheet shows as text and which readers look for.
SYMBOLS = frozenset({"-"})


def safe_cell(value: str) -> str:
    """Text a spreadsheet cannot run: a leading formula character gets a `'` before it."""
    if value in SYMBOLS:
        return value
    return "'" + value if value.startswith(FORMULA_START) else value


def spreadsheet_safe(frame: pd.DataFrame, numbers: Collection[str] = ()) -> pd.DataFrame:
    """A copy of `frame` whose text cells are `safe_cell`s and missing cells empty.

    `numbers` name columns of number text (e.g. "-3"): those are left as they are.
    """
    out = frame.copy()
    for column in out.columns:
        if column in numbers:
            continue
        values = out[column].tolist()
        if not any(isinstance(v, str) or is_missing(v) for v in values):
            continue  # a column of numbers, dates or booleans
        out[column] = pd.Series(
            [safe_cell(v) if isinstance(v, str) else ("" if is_missing(v) else v) for v in values],
            index=out.index,
            dtype=object,
        )
    return out
