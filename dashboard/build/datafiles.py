"""Reading and validating the published-figure files in `data/`.

The warehouse is only as honest as its inputs, so every rule a number must obey is
checked here, before anything is written, and every problem is reported with the file,
line and column and what would have been allowed. Problems are collected, not raised
one at a time, so one build run shows them all.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dashboard import dimensions as dims

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
DIMENSION_COLUMNS = tuple(dims.DIMENSIONS)
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
)
ALLOWED_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
FACT_COLUMNS = (*KEY_COLUMNS, "municipality_code", "value", "status", "section", "quote", "note")

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
_PERIOD_RANGE = re.compile(r"^(\d{4})-(\d{4})$")
_PERIOD_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.(\d{4})$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as possible."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataError(Exception):
    """Raised when input files are invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class SourceFile:
    """A validated data file: its sidecar and its rows (values parsed)."""

    source_id: str
    path: Path
    meta: dict[str, str]
    rows: list[dict] = field(default_factory=list)  # each has FACT_COLUMNS + "line"


def current_year() -> int:
    return dt.date.today().year


def data_files(data_dir: Path) -> list[Path]:
    """The CSV files a build reads, in a stable order."""
    return sorted(p for p in Path(data_dir).glob("*.csv") if not p.name.startswith("."))


def sidecar_path(csv_path: Path) -> Path:
    return csv_path.with_name(csv_path.stem + ".meta.yml")


def inputs_fingerprint(data_dir: Path, extra: tuple[Path, ...] = ()) -> str:
    """A hash of every input (data files, sidecars, code that shapes the warehouse).

    Comparing it with the one stored in the warehouse tells whether a rebuild is due,
    which is more reliable than file times after a git checkout.
    """
    digest = hashlib.sha256()
    paths = []
    for csv_path in data_files(data_dir):
        paths += [csv_path, sidecar_path(csv_path)]
    for path in [*paths, *extra]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()


def read_sidecar(csv_path: Path) -> tuple[dict[str, str], list[Problem]]:
    """Load and check a CSV's metadata sidecar."""
    path = sidecar_path(csv_path)
    name = path.name
    if not path.exists():
        return {}, [
            Problem(
                name,
                None,
                None,
                f"metadata sidecar is missing: every data file needs one ({name}) with "
                f"the keys {', '.join(SIDECAR_REQUIRED)}",
            )
        ]
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        return {}, [
            Problem(name, None if line is None else line + 1, None, f"not valid YAML: {exc}")
        ]
    if not isinstance(meta, dict):
        return {}, [Problem(name, None, None, "must be a YAML mapping of key: value")]
    problems = []
    for key in SIDECAR_REQUIRED:
        value = meta.get(key)
        if value is None or str(value).strip() == "":
            problems.append(Problem(name, None, key, f"required key '{key}' is missing or empty"))
    for key in meta:
        if key not in SIDECAR_REQUIRED + SIDECAR_OPTIONAL:
            problems.append(
                Problem(
                    name,
                    None,
                    str(key),
                    f"unknown key '{key}'; allowed: "
                    f"{', '.join(SIDECAR_REQUIRED + SIDECAR_OPTIONAL)}",
                )
            )
    clean = {k: ("" if v is None else str(v).strip()) for k, v in meta.items()}
    return clean, problems


def read_file(csv_path: Path) -> tuple[SourceFile, list[Problem]]:
    """Parse and validate one data file and its sidecar."""
    csv_path = Path(csv_path)
    name = csv_path.name
    meta, problems = read_sidecar(csv_path)
    source = SourceFile(csv_path.stem, csv_path, meta)
    try:
        text = csv_path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return source, [*problems, Problem(name, None, None, f"not UTF-8 text: {exc}")]
    reader = csv.reader(text.splitlines())
    try:
        header = next(reader)
    except StopIteration:
        return source, [*problems, Problem(name, 1, None, "file is empty (no header row)")]
    header = [h.strip() for h in header]
    for column in header:
        if column not in ALLOWED_COLUMNS:
            problems.append(
                Problem(
                    name,
                    1,
                    column,
                    f"unknown column '{column}'; allowed: {', '.join(ALLOWED_COLUMNS)}",
                )
            )
    for column in REQUIRED_COLUMNS:
        if column not in header:
            problems.append(Problem(name, 1, column, f"required column '{column}' is missing"))
    duplicates = {c for c in header if header.count(c) > 1}
    for column in sorted(duplicates):
        problems.append(Problem(name, 1, column, f"column '{column}' appears twice"))
    if problems and any(p.line == 1 for p in problems):
        return source, problems

    seen: dict[tuple, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                Problem(
                    name,
                    line,
                    None,
                    f"has {len(cells)} cells but the header has {len(header)} columns",
                )
            )
            continue
        raw = {h: c.strip() for h, c in zip(header, cells, strict=True)}
        row, row_problems = _validate_row(name, line, raw)
        problems += row_problems
        if row_problems:
            continue
        key = tuple(row[c] for c in KEY_COLUMNS)
        if key in seen:
            problems.append(
                Problem(
                    name,
                    line,
                    None,
                    f"duplicate key: the same number is already given on line {seen[key]} "
                    f"({_describe_key(row)})",
                )
            )
            continue
        seen[key] = line
        source.rows.append(row)
    problems += _check_subgroups(name, source.rows)
    return source, problems


def _describe_key(row: dict) -> str:
    return ", ".join(
        f"{c}={row[c]}" for c in KEY_COLUMNS if row[c] not in ("", dims.TOTAL) or c == "year"
    )


def _validate_row(name: str, line: int, raw: dict[str, str]) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []

    def bad(column: str, message: str) -> None:
        problems.append(Problem(name, line, column, message))

    row: dict = {"line": line}
    # year and period
    year_text = raw.get("year", "")
    year = None
    if not re.fullmatch(r"\d{4}", year_text):
        bad("year", f"'{year_text}' is not a year; expected four digits, e.g. 2020")
    else:
        year = int(year_text)
        if not FIRST_YEAR <= year <= current_year():
            bad("year", f"{year} is out of range; allowed {FIRST_YEAR}–{current_year()}")
    row["year"] = year
    period = raw.get("period", "") or (year_text if year is not None else "")
    first_year = year
    match = _PERIOD_RANGE.match(period)
    if match and year is not None:
        first_year, last_year = int(match.group(1)), int(match.group(2))
        if last_year != year or first_year > last_year:
            bad(
                "period",
                f"period '{period}' must end in the row's year {year} (year = last year of "
                "the period)",
            )
    date_match = _PERIOD_DATE.match(period)
    if date_match and year is not None and int(date_match.group(1)) != year:
        bad("period", f"period '{period}' is not in the row's year {year}")
    row["period"] = period

    # coded dimensions
    for column in DIMENSION_COLUMNS:
        value = raw.get(column, "")
        if column in REQUIRED_COLUMNS and value == "":
            bad(column, f"'{column}' is required")
            row[column] = value
            continue
        value = value or dims.TOTAL
        allowed = dims.DIMENSIONS[column]
        if value not in allowed or (column == "municipality" and value == dims.TOTAL):
            choices = [c for c in allowed if not (column == "municipality" and c == dims.TOTAL)]
            bad(column, f"unknown code '{value}'; allowed: {', '.join(choices)}")
        row[column] = value
    subgroup = row["offence_subgroup"]
    if subgroup != dims.TOTAL and subgroup in dims.OFFENCE_GROUPS:
        parent = dims.OFFENCE_GROUPS[subgroup].parent
        if parent is None:
            bad(
                "offence_subgroup",
                f"'{subgroup}' is not a sub-group; sub-groups are "
                + ", ".join(c.code for c in dims.OFFENCE_GROUPS.values() if c.parent),
            )
        elif parent != row["offence_group"]:
            bad(
                "offence_subgroup",
                f"'{subgroup}' belongs to offence_group '{parent}', not '{row['offence_group']}'",
            )

    measure_code = raw.get("measure", "")
    measure = dims.MEASURES.get(measure_code)
    if measure_code and measure is None:
        bad("measure", f"unknown measure '{measure_code}'; allowed: {', '.join(dims.MEASURES)}")
    row["measure"] = measure_code

    # municipality code must have been in force during the period
    code = raw.get("municipality_code", "")
    row["municipality_code"] = code
    if code and year is not None and row["municipality"] in dims.MUNICIPALITIES:
        valid = dims.codes_in_force(row["municipality"], first_year or year, year)
        if code not in valid:
            known = [
                f"{c.code} ({c.valid_from or '…'}–{c.valid_to or '…'})"
                for c in dims.MUNICIPALITY_CODES
                if c.municipality == row["municipality"]
            ]
            bad(
                "municipality_code",
                f"'{code}' is not a code {row['municipality']} had in {period}; "
                f"known codes: {', '.join(known) or 'none'}",
            )

    # value and status
    value_text = raw.get("value", "")
    status = raw.get("status", "")
    value = None
    if value_text and status:
        bad("status", f"has both a value ({value_text}) and a status ({status}); give one")
    elif not value_text and not status:
        bad(
            "value",
            "is empty without a status; a missing cell needs a status symbol: "
            + ", ".join(f"'{c}' ({s.en.lower()})" for c, s in dims.STATUSES.items()),
        )
    elif status and status not in dims.STATUSES:
        bad("status", f"unknown status '{status}'; allowed: {', '.join(dims.STATUSES)}")
    elif value_text:
        if not _NUMBER.match(value_text):
            bad(
                "value",
                f"'{value_text}' is not a number; use digits with '.' as decimal separator "
                "and no thousands separator, e.g. 1234.5",
            )
        else:
            value = float(value_text)
            if measure is not None:
                if measure.unit == "percent" and not 0 <= value <= 100:
                    bad("value", f"{value_text} is a percentage outside 0–100")
                elif measure.unit in ("count", "average", "rate") and value < 0:
                    bad("value", f"{value_text} is negative; a {measure.unit} cannot be")
    row["value"] = value
    row["status"] = status or None
    for column in ("section", "quote", "note"):
        row[column] = raw.get(column, "") or None
    return row, problems


def _check_subgroups(name: str, rows: list[dict]) -> list[Problem]:
    """A sub-group is part of its group, so it can never be larger."""
    groups = {
        tuple(r[c] for c in KEY_COLUMNS): r
        for r in rows
        if r["offence_subgroup"] == dims.TOTAL and r["value"] is not None
    }
    problems = []
    for row in rows:
        if row["offence_subgroup"] == dims.TOTAL or row["value"] is None:
            continue
        key = tuple(dims.TOTAL if c == "offence_subgroup" else row[c] for c in KEY_COLUMNS)
        group = groups.get(key)
        if group is not None and row["value"] > group["value"]:
            problems.append(
                Problem(
                    name,
                    row["line"],
                    "value",
                    f"sub-group {row['offence_subgroup']} = {_fmt(row['value'])} is larger than "
                    f"its group {row['offence_group']} = {_fmt(group['value'])} "
                    f"(line {group['line']}) in {row['year']}",
                )
            )
    return problems


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


#: (dimension, total code, parts) checks for "published total vs sum of rows".
def _part_sets() -> list[tuple[str, tuple[str, ...]]]:
    groups = tuple(
        c.code
        for c in dims.OFFENCE_GROUPS.values()
        if c.parent is None and c.code != dims.TOTAL and not c.code.startswith("ssb_")
    )
    ssb_groups = tuple(c for c in dims.OFFENCE_GROUPS if c.startswith("ssb_"))
    return [
        ("residence", tuple(c for c in dims.RESIDENCES if c != dims.TOTAL)),
        ("sex", ("jenter", "gutter")),
        ("offence_group", groups),
        ("offence_group", ssb_groups),
    ]


def totals_report(source: SourceFile) -> list[str]:
    """Where a published total differs from the sum of its rows: information, not an error."""
    notes = []
    index = {tuple(r[c] for c in KEY_COLUMNS): r for r in source.rows}
    for column, parts in _part_sets():
        position = KEY_COLUMNS.index(column)
        by_rest: dict[tuple, dict[str, dict]] = defaultdict(dict)
        for key, row in index.items():
            if column == "offence_group" and row["offence_subgroup"] != dims.TOTAL:
                continue
            rest = key[:position] + key[position + 1 :]
            by_rest[rest][row[column]] = row
        for members in by_rest.values():
            total = members.get(dims.TOTAL)
            present = [members[p] for p in parts if p in members]
            if total is None or len(present) < 2:
                continue
            missing = [r for r in present if r["value"] is None]
            label = f"{source.path.name}, line {total['line']}: {_describe_key(total)}"
            if total["value"] is None:
                continue
            if missing:
                notes.append(
                    f"{label}: published total {_fmt(total['value'])}; {len(missing)} of its "
                    f"{len(present)} rows are missing, so the rows cannot be summed"
                )
                continue
            parts_sum = sum(r["value"] for r in present)
            if not math.isclose(parts_sum, total["value"], abs_tol=0.5):
                notes.append(
                    f"{label}: published total {_fmt(total['value'])}, rows sum to "
                    f"{_fmt(parts_sum)} — the published total is kept"
                )
    for total_age, parts in dims.AGE_PARTS.items():
        by_rest = defaultdict(dict)
        position = KEY_COLUMNS.index("age_group")
        for key, row in index.items():
            by_rest[key[:position] + key[position + 1 :]][row["age_group"]] = row
        for members in by_rest.values():
            total = members.get(total_age)
            if total is None or total["value"] is None:
                continue
            if all(p in members and members[p]["value"] is not None for p in parts):
                parts_sum = sum(members[p]["value"] for p in parts)
                if not math.isclose(parts_sum, total["value"], abs_tol=0.5):
                    notes.append(
                        f"{source.path.name}, line {total['line']}: {_describe_key(total)}: "
                        f"published {total_age} = {_fmt(total['value'])}, age groups sum to "
                        f"{_fmt(parts_sum)} — the published figure is kept"
                    )
    return notes


def read_all(data_dir: Path) -> tuple[list[SourceFile], list[Problem]]:
    """Read and validate every data file; problems from all files together."""
    sources, problems = [], []
    data_dir = Path(data_dir)
    files = data_files(data_dir)
    if not files:
        problems.append(Problem(str(data_dir), None, None, "no *.csv data files found"))
    for path in files:
        source, file_problems = read_file(path)
        sources.append(source)
        problems += file_problems
    problems += _check_publication_duplicates(sources)
    for orphan in sorted(data_dir.glob("*.meta.yml")):
        if not orphan.with_name(orphan.name.removesuffix(".meta.yml") + ".csv").exists():
            problems.append(
                Problem(orphan.name, None, None, "sidecar without a data file (.csv) beside it")
            )
    return sources, problems


def _check_publication_duplicates(sources: list[SourceFile]) -> list[Problem]:
    """One publication gives each number once; the same key in two of its files is an error.

    (Two *different* publications may give the same figure: both are kept, and the
    warehouse prefers the newer edition.)
    """
    seen: dict[tuple, tuple[str, int]] = {}
    problems = []
    for source in sources:
        publication = source.meta.get("publication", "")
        for row in source.rows:
            key = (publication, *(row[c] for c in KEY_COLUMNS))
            if key in seen:
                other_file, other_line = seen[key]
                problems.append(
                    Problem(
                        source.path.name,
                        row["line"],
                        None,
                        f"duplicate key: {other_file} line {other_line} already gives this number "
                        f"for the same publication ({publication}; {_describe_key(row)}); "
                        "store it once and mention the other place in a note",
                    )
                )
            else:
                seen[key] = (source.path.name, row["line"])
    return problems
