"""The format of a data file and its sidecar: which columns and keys exist.

Shared by the validator (`build/datafiles`), the chart registry (a chart's CSV has the
export's columns) and the Om dataene page (which explains the template), so the serving
path never imports the validator for a tuple.
"""

from __future__ import annotations

#: Columns that identify a number (together with the source file).
KEY_COLUMNS = (
    "year",
    "period",
    "municipality",
    "measure",
    "place_role",
    "residence",
    "age_group",
    "sex",
    "offence_group",
    "offence_subgroup",
    "category",
)
#: What a number is about: the key without `period` (which follows from year + measure),
#: so `2019-2020` and `2020` for one measure and year cannot both stand.
IDENTITY_COLUMNS = tuple(c for c in KEY_COLUMNS if c != "period")
REQUIRED_COLUMNS = ("year", "municipality", "measure", "value")
OPTIONAL_COLUMNS = (
    "period",
    "municipality_code",
    "place_role",
    "residence",
    "age_group",
    "sex",
    "offence_group",
    "offence_subgroup",
    "category",
    "status",
    "section",
    "quote",
    "note",
    "page",
)
ALLOWED_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
FACT_COLUMNS = (
    *KEY_COLUMNS,
    "municipality_code",
    "value",
    "status",
    "section",
    "quote",
    "note",
    "page",
)

SIDECAR_REQUIRED = (
    "title",
    "publisher",
    "publication",
    "published",
    "section",
    "unit",
    "counts",
    "licence",
)
SIDECAR_OPTIONAL = ("page", "definitions", "notes", "source_url", "licence_url", "accessed")

FIRST_YEAR = 1990

#: What a spreadsheet reads as the start of a formula (OWASP's "CSV injection" list), and
#: their full-width forms: text beginning with one is flagged by the build and written as
#: text by every download (`dashboard.export.safe_cell`).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
