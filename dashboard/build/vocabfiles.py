"""The code lists in `data/vocab/*.csv`: read, checked, and written into the warehouse.

A code list is data like the figures are: a kommune, a measure or a category is a line
in a CSV file with its bokmål and English labels and its sort order, and a mistake in it
is reported like one in a data file (file, line, column, what is wrong, what to write)
before anything is written. The files and their columns are listed in `LISTS`; the
warehouse holds each in a `dim_*` table that `queries/vocabulary.sql` reads back.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import dimensions as dims
from dashboard.build.datafiles import DataError, Problem

FOLDER = "vocab"


@dataclass(frozen=True)
class ListSpec:
    """One code list: its file's columns (required first), and its warehouse table."""

    table: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    #: Column renamed on the way into the warehouse (file column -> table column).
    renamed: Mapping[str, str] | None = None
    #: Whether the list holds the total code `alle` (every fact dimension but the area).
    has_total: bool = False
    #: The file's line order is its sort order (files without a `sort` column).
    sort_by_line: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


_CODE = ("code", "label_nb", "label_en", "sort")
_DESCRIBED = ("description_nb", "description_en")
LISTS: dict[str, ListSpec] = {
    "areas": ListSpec("dim_municipality", (*_CODE, "kind"), _DESCRIBED),
    "area_codes": ListSpec(
        "dim_municipality_code",
        ("area", "code"),
        ("valid_from", "valid_to", "territory_note_nb"),
        renamed={"area": "municipality", "territory_note_nb": "territory_note"},
        sort_by_line=True,
    ),
    "area_members": ListSpec(
        "dim_area_member", ("area", "member", "whole"), ("part_nb", "part_en"), sort_by_line=True
    ),
    "measures": ListSpec(
        "dim_measure",
        ("code", "label_nb", "label_en", "unit", "unit_nb", "unit_en"),
        ("decimals", "period", "rate_base", "rate_of", *_DESCRIBED),
        sort_by_line=True,
    ),
    "place_roles": ListSpec("dim_place_role", _CODE, _DESCRIBED, has_total=True),
    "residences": ListSpec("dim_residence", _CODE, _DESCRIBED, has_total=True),
    "age_groups": ListSpec("dim_age_group", _CODE, ("parts", *_DESCRIBED), has_total=True),
    "sexes": ListSpec("dim_sex", _CODE, _DESCRIBED, has_total=True),
    "offence_groups": ListSpec("dim_offence_group", _CODE, ("parent", *_DESCRIBED), has_total=True),
    "categories": ListSpec("dim_category", _CODE, _DESCRIBED, has_total=True),
    "statuses": ListSpec("dim_status", _CODE, _DESCRIBED),
    "source_families": ListSpec(
        "dim_source_family", ("prefix", "label_nb", "label_en"), sort_by_line=True
    ),
    "events": ListSpec(
        "dim_event", ("date", "label_nb", "label_en"), ("breaks", *_DESCRIBED), sort_by_line=True
    ),
    "peer_groups": ListSpec(
        "dim_peer_group",
        ("peer_group", "label_nb", "label_en", "member"),
        ("valid_from", "source_url"),
        sort_by_line=True,
    ),
}
assert tuple(LISTS) == dims.Vocabulary.FILES

#: What a code may look like: lower-case slugs; SSB's status symbols are their own list.
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
_NUMBER = re.compile(r"[0-9]{1,4}")

Rows = dict[str, list[dict[str, str]]]


def files_of(data_dir: Path, name: str) -> list[Path]:
    """The files of one list: `<name>.csv`, then its parts `<name>.<part>.csv` by name.

    A list may be split so that a converter can write its part (e.g. every kommune from
    Statistics Norway, `areas.kommuner.csv`) beside the part kept by hand.
    """
    folder = Path(data_dir) / FOLDER
    return [folder / f"{name}.csv", *sorted(folder.glob(f"{name}.*.csv"))]


def paths(data_dir: Path) -> list[Path]:
    """The code-list files a build reads (part of the warehouse's inputs fingerprint)."""
    return [path for name in LISTS for path in files_of(data_dir, name)]


def _read(path: Path, spec: ListSpec, problems: list[Problem]) -> list[dict[str, str]]:
    name = f"{FOLDER}/{path.name}"
    if not path.exists():
        problems.append(Problem(name, None, None, "file missing; every code list is needed"))
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(name, None, None, "not UTF-8; save the file as UTF-8"))
        return []
    reader = csv.DictReader(text.splitlines())
    header = tuple(reader.fieldnames or ())
    missing = [c for c in spec.required if c not in header]
    unknown = [c for c in header if c not in spec.columns]
    if missing or unknown:
        problems.append(
            Problem(
                name,
                1,
                None,
                (f"missing column(s) {', '.join(missing)}; " if missing else "")
                + (f"unknown column(s) {', '.join(unknown)}; " if unknown else "")
                + f"the columns are: {', '.join(spec.columns)}",
            )
        )
        return []
    rows = []
    for line, raw in enumerate(reader, start=2):
        if None in raw:
            problems.append(Problem(name, line, None, "more cells than columns"))
            continue
        cells = {c: (raw.get(c) or "").strip() for c in spec.columns}
        rows.append(cells | {"_line": str(line), "_file": name})
    return rows


def _check(lists: Rows, problems: list[Problem]) -> None:
    """Every rule a code list must obey, each problem located."""

    def bad(list_name: str, row: Mapping[str, str], column: str | None, message: str) -> None:
        problems.append(Problem(row["_file"], int(row["_line"]), column, message))

    codes = {name: [r.get("code", "") for r in rows] for name, rows in lists.items()}
    for name, rows in lists.items():
        spec = LISTS[name]
        seen: set[str] = set()
        for row in rows:
            for column in spec.required:
                if not row[column]:
                    bad(name, row, column, "empty; every line needs it")
            code = row.get("code")
            if code is not None and code:
                if code in seen:
                    bad(name, row, "code", f"'{code}' is listed twice; a code is listed once")
                seen.add(code)
                slug_list = name not in ("statuses", "area_codes") and "code" in spec.required
                if slug_list and not _SLUG.fullmatch(code):
                    bad(name, row, "code", f"'{code}': use a-z, 0-9, '_' and '-' only")
            if "sort" in spec.required and row["sort"] and not row["sort"].lstrip("-").isdigit():
                bad(name, row, "sort", f"'{row['sort']}' is not a whole number")
        if spec.has_total and dims.TOTAL not in codes[name]:
            problems.append(
                Problem(
                    f"{FOLDER}/{name}.csv",
                    None,
                    "code",
                    f"the total '{dims.TOTAL}' is missing (a fact not broken down by this "
                    "dimension uses it)",
                )
            )
    area_codes = set(codes["areas"])
    if dims.TOTAL in area_codes:
        row = next(r for r in lists["areas"] if r["code"] == dims.TOTAL)
        bad("areas", row, "code", f"'{dims.TOTAL}' is not an area; every fact names its area")
    checks: list[tuple[str, str, Callable[[str], bool], str]] = [
        ("areas", "kind", lambda v: v in dims.AREA_KINDS, ", ".join(dims.AREA_KINDS)),
        ("area_codes", "area", lambda v: v in area_codes, "a code of areas.csv"),
        ("area_codes", "code", lambda v: bool(_NUMBER.fullmatch(v)), "digits, e.g. 0219"),
        ("area_codes", "valid_from", lambda v: not v or _year(v), "a year, or empty"),
        ("area_codes", "valid_to", lambda v: not v or _year(v), "a year, or empty"),
        ("area_members", "area", lambda v: v in area_codes, "a code of areas.csv"),
        ("area_members", "member", lambda v: v in area_codes, "a code of areas.csv"),
        ("area_members", "whole", lambda v: v in ("ja", "nei"), "ja or nei"),
        ("peer_groups", "member", lambda v: v in area_codes, "a code of areas.csv"),
        ("events", "date", _iso_date, "a date as YYYY-MM-DD"),
        (
            "events",
            "breaks",
            lambda v: all(c in dims.DIMENSION_LISTS for c in v.split()),
            "fact columns the event breaks (e.g. offence_group), or empty",
        ),
        ("peer_groups", "peer_group", lambda v: bool(_SLUG.fullmatch(v)), "a-z, 0-9, _ and -"),
        ("peer_groups", "valid_from", lambda v: not v or _year(v), "a year, or empty"),
        ("measures", "unit", lambda v: v in dims.UNIT_DECIMALS, ", ".join(dims.UNIT_DECIMALS)),
        ("measures", "decimals", lambda v: not v or v in "0123", "0-3, or empty"),
        (
            "measures",
            "period",
            lambda v: not v or v in dims.PERIOD_KINDS,
            ", ".join(dims.PERIOD_KINDS),
        ),
        (
            "measures",
            "rate_base",
            lambda v: v in codes["measures"],
            "a code of this list (the population a count is a rate of), or empty",
        ),
        (
            "measures",
            "rate_of",
            lambda v: v in codes["measures"],
            "a code of this list (the count a published rate is of), or empty",
        ),
        (
            "offence_groups",
            "parent",
            lambda v: not v or v in codes["offence_groups"],
            "a code of this list, or empty",
        ),
        (
            "age_groups",
            "parts",
            lambda v: all(p in codes["age_groups"] for p in v.split()),
            "codes of this list separated by spaces, or empty",
        ),
    ]
    for name, column, ok, allowed in checks:
        for row in lists[name]:
            if row[column] and not ok(row[column]):
                bad(name, row, column, f"'{row[column]}' is not allowed; write {allowed}")


def _iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit()


def read(data_dir: Path) -> tuple[Rows, list[Problem]]:
    """The code lists as rows (file columns), and every problem found in them."""
    problems: list[Problem] = []
    lists = {
        name: [
            row
            for index, path in enumerate(files_of(data_dir, name))
            if index == 0 or path.exists()
            for row in _read(path, spec, problems)
        ]
        for name, spec in LISTS.items()
    }
    if not problems:
        _check(lists, problems)
    return lists, problems


def load(data_dir: Path) -> dims.Vocabulary:
    """The vocabulary of `data_dir` (raises DataError with every problem)."""
    lists, problems = read(data_dir)
    if problems:
        raise DataError(problems)
    return dims.Vocabulary.from_tables(lists)


def frames(lists: Rows) -> dict[str, pd.DataFrame]:
    """Each list as the rows of its `dim_*` table (the build inserts them)."""
    out = {}
    for name, spec in LISTS.items():
        rows = [
            {
                **{(spec.renamed or {}).get(c, c): (row[c] or None) for c in spec.columns},
                **({"sort": number} if spec.sort_by_line else {}),
            }
            for number, row in enumerate(lists[name], start=1)
        ]
        frame = pd.DataFrame(
            rows,
            columns=[(spec.renamed or {}).get(c, c) for c in spec.columns]
            + (["sort"] if spec.sort_by_line else []),
        )
        if "whole" in frame:
            frame["whole"] = frame["whole"] == "ja"
        out[spec.table] = frame
    return out
