"""Reading and validating the published-figure files in `data/`.

The warehouse is only as honest as its inputs, so every rule a number must obey is
checked here, before anything is written, and every problem is reported with the file,
line and column and what would have been allowed. Problems are collected, not raised
one at a time, so one build run shows them all (up to `Limits.max_problems` per file, so a
huge broken file cannot print a million lines). Files above `Limits.max_bytes` are
refused before they are read.

Besides errors, a build reports information (`info:` lines): a published total that
differs from the sum of its rows, text a spreadsheet would run as a formula (downloads
neutralise it), and values that change by more than a factor between editions or years
(`plausibility_report`).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dashboard import dimensions as dims
from dashboard.dataformat import (
    ALLOWED_COLUMNS,
    FIRST_YEAR,
    FORMULA_START,
    IDENTITY_COLUMNS,
    KEY_COLUMNS,
    REQUIRED_COLUMNS,
    SIDECAR_OPTIONAL,
    SIDECAR_REQUIRED,
)

DIMENSION_COLUMNS = dims.DIMENSION_COLUMNS
_PERIOD_RANGE = re.compile(r"^([0-9]{4})-([0-9]{4})$")
_PERIOD_DATE = re.compile(r"^[0-9]{1,2}\.[0-9]{1,2}\.([0-9]{4})$")
_PUBLISHED = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


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
    """Raised when input files are invalid; carries every problem found.

    Its text lists the first `shown` problems and says how many more there are.
    """

    def __init__(self, problems: list[Problem], shown: int = 100):
        self.problems = problems
        super().__init__("\n".join(problem_lines(problems, shown)))


def problem_lines(problems: list[Problem], shown: int) -> list[str]:
    """The first `shown` problems as lines, then how many were left out."""
    lines = [str(p) for p in problems[: max(shown, 1)]]
    if len(problems) > len(lines):
        lines.append(f"… and {len(problems) - len(lines)} more problem(s) not shown")
    return lines


@dataclass(frozen=True)
class Limits:
    """How much one build reads and reports (settings SLT_MAX_FILE_MB, SLT_MAX_PROBLEMS)."""

    max_bytes: int = 25 * 1024 * 1024
    max_problems: int = 100


#: The settings' defaults (SLT_MAX_FILE_MB=25, SLT_MAX_PROBLEMS=100).
DEFAULT_LIMITS = Limits()


@dataclass
class SourceFile:
    """A validated data file: its sidecar and its rows (values parsed)."""

    source_id: str
    path: Path
    meta: dict[str, str]
    rows: list[dict] = field(default_factory=list)  # each has FACT_COLUMNS + "line"
    info: list[str] = field(default_factory=list)  # information for the build report

    @property
    def published(self) -> tuple[dt.date, str] | None:
        """The sidecar's `published` as (first day it can mean, precision), or None."""
        return parse_published(self.meta.get("published", ""))

    @property
    def edition(self) -> tuple[str, str]:
        """(publication, published): a correction of a publication is a new edition."""
        return self.meta.get("publication", ""), self.meta.get("published", "")


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


def parse_published(text: str) -> tuple[dt.date, str] | None:
    """An ISO publication date and its precision: ('2021-05-03' -> day, '2021-05' -> month,
    '2021' -> year). The date is the first day the text can mean; None if not ISO."""
    match = _PUBLISHED.fullmatch(text)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return date, ("day" if day else "month" if month else "year")


def _published_hint(text: str) -> str:
    """What to write instead of a non-ISO date, when the intent is clear."""
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if match:
        day, month, year = match.groups()
        return f"write {year}-{int(month):02d}-{int(day):02d}"
    match = re.fullmatch(r"(\d{1,2})[./](\d{4})", text)
    if match:
        return f"write {match.group(2)}-{int(match.group(1)):02d}"
    return "write YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known"


class _SidecarLoader(yaml.SafeLoader):
    """PyYAML's safe loader, remembering keys given twice (it keeps the last one silently,
    so `published` written twice would decide the newest edition by accident)."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: dict[object, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            try:
                if key in seen:
                    self.duplicates.append((str(key), seen[key], line))
                else:
                    seen[key] = line
            except TypeError:  # an unhashable key: the loader itself refuses it below
                pass
        return super().construct_mapping(node, deep)


def _load_yaml(text: str) -> tuple[object, list[tuple[str, int, int]]]:
    loader = _SidecarLoader(text)
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


def _key_line(text: str, key: str) -> int | None:
    return next((i for i, t in enumerate(text.splitlines(), 1) if t.startswith(f"{key}:")), None)


def read_sidecar(
    csv_path: Path, limits: Limits = DEFAULT_LIMITS
) -> tuple[dict[str, str], list[Problem]]:
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
    too_big = _size_problem(path, limits)
    if too_big:
        return {}, [too_big]
    try:
        text = path.read_text(encoding="utf-8")
        meta, duplicates = _load_yaml(text)
    except UnicodeDecodeError as exc:
        return {}, [_decode_problem(name, path.read_bytes(), exc)]
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        return {}, [
            Problem(name, None if line is None else line + 1, None, f"not valid YAML: {exc}")
        ]
    except RecursionError:
        return {}, [Problem(name, None, None, "not a sidecar: nested too deeply")]
    if not isinstance(meta, dict):
        return {}, [Problem(name, None, None, "must be a YAML mapping of key: value")]
    problems = [
        Problem(
            name,
            line,
            key,
            f"key '{_show(key)}' is given twice (lines {first} and {line}); keep one",
        )
        for key, first, line in duplicates
    ]
    for key in SIDECAR_REQUIRED:
        value = meta.get(key)
        nested = isinstance(value, (list, dict, set, tuple))  # reported below, never str()-ed
        if value is None or (not nested and str(value).strip() == ""):
            problems.append(Problem(name, None, key, f"required key '{key}' is missing or empty"))
    clean: dict[str, str] = {}
    for key, value in meta.items():
        if key not in SIDECAR_REQUIRED + SIDECAR_OPTIONAL:
            problems.append(
                Problem(
                    name,
                    None,
                    _show(str(key)),
                    f"unknown key '{_show(str(key))}'; allowed: "
                    f"{', '.join(SIDECAR_REQUIRED + SIDECAR_OPTIONAL)}",
                )
            )
            continue
        if isinstance(value, (list, dict, set, tuple)):
            problems.append(
                Problem(name, _key_line(text, key), key, f"'{key}' must be text, not a list")
            )
            continue
        clean[key] = "" if value is None else str(value).strip()
        bad = _control_character(clean[key])
        if bad:
            problems.append(Problem(name, _key_line(text, key), key, bad))
    published = clean.get("published", "")
    parsed = parse_published(published) if published else None
    if published and parsed is None:
        problems.append(
            Problem(
                name,
                _key_line(text, "published"),
                "published",
                f"'{_show(published)}' is not an ISO date; {_published_hint(published)} "
                "(newest edition is decided by this date)",
            )
        )
    elif parsed is not None and parsed[0] > dt.date.today():
        problems.append(
            Problem(
                name,
                _key_line(text, "published"),
                "published",
                f"'{published}' is in the future (today is {dt.date.today().isoformat()}): "
                "a number cannot have been published yet, and a later date would make this "
                "edition replace the others; write the date the source was published",
            )
        )
    return clean, problems


def _size_problem(path: Path, limits: Limits) -> Problem | None:
    """A file too large to read (checked before reading it)."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size <= limits.max_bytes:
        return None
    return Problem(
        path.name,
        None,
        None,
        f"is {size / 2**20:.1f} MB; files above {limits.max_bytes / 2**20:.1f} MB are not read "
        "(a data file of published figures is a few kB; split it, or raise SLT_MAX_FILE_MB)",
    )


def formula_flags(file: str, column: str, cells: list[tuple[int | None, str]]) -> list[str]:
    """Information when text cells would be formulas in a spreadsheet (downloads write them
    as text: a leading `'` in CSV, a text cell in Excel): one line per file and column."""
    lines = [(line, text) for line, text in cells if text.startswith(FORMULA_START) and text != "-"]
    if not lines:
        return []
    where = [str(line) for line, _text in lines if line is not None]
    shown = ", ".join(where[:5]) + (", …" if len(where) > 5 else "")
    first = lines[0][1]
    return [
        f"{file}, column '{column}'"
        + (f" (line {shown})" if where else "")
        + f": {len(lines)} text(s) such as '{_show(first)}' begin with '{first[0]}', which a "
        "spreadsheet reads as a formula; downloads write them as text (CSV: with a leading ')"
    ]


def _decode_problem(name: str, data: bytes, exc: UnicodeDecodeError) -> Problem:
    """A located, friendly message for a file that is not UTF-8 (e.g. Latin-1 from Excel)."""
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    line = data.count(b"\n", 0, exc.start) + 1
    prefix = data[line_start : exc.start].decode("latin-1")
    header = data[: data.find(b"\n")].decode("latin-1") if b"\n" in data else ""
    columns = next(csv.reader([header]), []) if header else []
    cell = len(next(csv.reader([prefix]), [""])) - 1 if prefix else 0
    column = columns[cell].strip() if 0 <= cell < len(columns) else None
    byte = data[exc.start]
    return Problem(
        name,
        line,
        column,
        f"not UTF-8 text: byte 0x{byte:02X} (probably '{bytes([byte]).decode('cp1252', 'replace')}' "
        "in Latin-1/Windows-1252) cannot be read; save the file as UTF-8 (Excel: 'CSV UTF-8 "
        "(kommadelt)'; LibreOffice: character set 'Unicode (UTF-8)')",
    )


def _decode(name: str, data: bytes) -> tuple[str | None, list[Problem]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:200]:
        return None, [
            Problem(
                name,
                1,
                None,
                "the file is UTF-16 text; save it as UTF-8 (Excel: 'CSV UTF-8 (kommadelt)', "
                "not 'Unicode-tekst'; LibreOffice: character set 'Unicode (UTF-8)')",
            )
        ]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return None, [_decode_problem(name, data, exc)]


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the line each starts on.

    Only \n, \r\n and \r end a line (str.splitlines would also split on U+0085,
    U+2028 and others, cutting a row in two and shifting every later line number);
    a line break inside a quoted cell is kept in the cell.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _CsvProblem(start, str(exc)) from exc
        yield start, cells
        start = reader.line_num + 1


class _CsvProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message
        super().__init__(message)


def _normalise(text: str) -> str:
    """Cell text as compared and stored: Unicode NFKC, trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def read_file(csv_path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[SourceFile, list[Problem]]:
    """Parse and validate one data file and its sidecar."""
    csv_path = Path(csv_path)
    name = csv_path.name
    meta, problems = read_sidecar(csv_path, limits)
    source = SourceFile(csv_path.stem, csv_path, meta)
    sidecar = sidecar_path(csv_path).name
    for key, value in meta.items():
        source.info += formula_flags(sidecar, key, [(None, value)])
    too_big = _size_problem(csv_path, limits)
    if too_big:
        return source, [*problems, too_big]
    text, decode_problems = _decode(name, csv_path.read_bytes())
    if text is None:
        return source, [*problems, *decode_problems]
    records = _records(text)  # read lazily: a huge broken file stops at the problem cap
    try:
        first = next(records, None)
        if first is None:
            return source, [*problems, Problem(name, 1, None, "file is empty (no header row)")]
        header, header_problems = _check_header(name, first[1])
        problems += header_problems
        if header_problems:
            return source, problems
        row_problems, any_row = _read_rows(source, header, records, limits.max_problems)
    except _CsvProblem as exc:
        source.rows.clear()
        return source, [
            *problems,
            Problem(name, exc.line, None, f"cannot be read as CSV ({exc.message})"),
        ]
    if not any_row:
        return source, [
            *problems,
            Problem(
                name,
                2,
                None,
                "has a header but no rows: a data file gives at least one number (or a "
                "missing cell with its status); add the rows, or remove the file and its sidecar",
            ),
        ]
    problems += row_problems
    for column in ("note", "section", "page", "quote"):
        texts = [(r["line"], r[column]) for r in source.rows if r[column]]
        source.info += formula_flags(name, column, texts)
    problems += _check_subgroups(name, source.rows)
    problems += _check_unit(sidecar, meta, source.rows)
    return source, problems


def _check_header(name: str, cells: list[str]) -> tuple[list[str], list[Problem]]:
    """The header row: known columns, the required ones, none twice, commas between."""
    header = [_normalise(h) for h in cells]
    separator = next((sep for sep in (";", "\t") if sep in cells[0]), None)
    if separator and not set(REQUIRED_COLUMNS) <= set(header):
        shown = "';'" if separator == ";" else "a tab"
        return header, [
            Problem(
                name,
                1,
                None,
                f"the columns are separated by {shown}, not ','; save the file as "
                "comma-separated CSV (Excel: 'CSV UTF-8 (kommadelt)') and write decimals "
                "with '.'",
            )
        ]
    problems = []
    for column in header:
        if column not in ALLOWED_COLUMNS:
            problems.append(
                Problem(
                    name,
                    1,
                    _show(column),
                    f"unknown column '{_show(column)}'; allowed: {', '.join(ALLOWED_COLUMNS)}",
                )
            )
    for column in REQUIRED_COLUMNS:
        if column not in header:
            problems.append(Problem(name, 1, column, f"required column '{column}' is missing"))
    duplicates = {c for c in header if header.count(c) > 1}
    for column in sorted(duplicates):
        problems.append(Problem(name, 1, column, f"column '{column}' appears twice"))
    return header, problems


def _read_rows(
    source: SourceFile, header: list[str], records: Iterator[tuple[int, list[str]]], most: int
) -> tuple[list[Problem], bool]:
    """Validate the data rows into `source.rows`; stops after `most` problems. Returns the
    problems and whether the file has any row that is not blank."""
    name = source.path.name
    problems: list[Problem] = []
    seen: dict[tuple, int] = {}
    any_row = False
    for line, cells in records:
        if len(problems) >= most:
            problems.append(
                Problem(
                    name,
                    line,
                    None,
                    f"reading stopped here after {len(problems)} problems; fix these and run "
                    "again (the same mistake is often made on every row)",
                )
            )
            break
        if not any(c.strip() for c in cells):
            continue
        any_row = True
        if len(cells) != len(header):
            what = "an extra field" if len(cells) > len(header) else "a missing field"
            problems.append(
                Problem(
                    name,
                    line,
                    None,
                    f"has {len(cells)} cells but the header has {len(header)} columns "
                    f"({what}): quote text that contains a comma, write numbers without a "
                    "thousands separator (1234) and give every column a cell, even an "
                    "empty one",
                )
            )
            continue
        raw = {h: c.strip() for h, c in zip(header, cells, strict=True)}
        row, row_problems = _validate_row(name, line, raw)
        row_problems += _split_number(name, line, header, raw)
        problems += row_problems
        if row_problems:
            continue
        key = identity(row)
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
    return problems, any_row


#: Words a sidecar's `unit` may use for a kind of unit. A unit of one of these kinds must
#: fit a measure of its file: `unit: kroner` on counts of reports is refused (no measure
#: is money), `prosent` on counts too; the source's other wording is kept as it is.
UNIT_WORDS = {
    "money": ("kroner", "kr", "nok", "euro", "eur", "dollar", "usd", "1000 kr", "mill. kr"),
    "percent": ("prosent", "%", "per cent", "percent", "prosentpoeng", "percentage points"),
    "rate": ("per 1 000", "per 1000", "per 100 000", "per 100000", "promille"),
}


def _unit_kind(part: str) -> str | None:
    """The kind of unit a part of a sidecar's `unit` names, if it names one."""
    for kind, words in UNIT_WORDS.items():
        if part in words or (kind == "rate" and any(part.startswith(w) for w in words)):
            return kind
    return None


def _measure_kinds(measure: dims.Measure) -> set[str]:
    if measure.unit == "percent" or "prosent" in measure.unit_nb:
        return {"percent"}
    return {"rate"} if measure.unit == "rate" else {"count"}


def _check_unit(sidecar: str, meta: dict[str, str], rows: list[dict]) -> list[Problem]:
    """The sidecar's `unit` must not contradict the measures of its rows.

    `unit` is the source's own wording (free text, parts separated by ';', and it may name
    more measures than one file holds). It contradicts them when a part names a kind of
    unit (money, percent, per 1 000) that no measure of the file has, and no part names
    one of the file's measures or their units.
    """
    unit = meta.get("unit", "")
    measures = [dims.MEASURES[m] for m in sorted({r["measure"] for r in rows})]
    if not unit or not measures:
        return []
    kinds = set().union(*(_measure_kinds(m) for m in measures))
    words = {
        w
        for m in measures
        for w in (m.code, m.unit_nb.lower(), m.unit_en.lower(), m.nb.lower(), m.en.lower())
    }
    parts = [p.strip().lower() for p in re.split(r"[;,]", unit) if p.strip()]
    wrong = [p for p in parts if _unit_kind(p) not in (None, *kinds)]
    fits = [p for p in parts if any(p in w or w in p for w in words if len(w) > 2)]
    if not wrong or fits:
        return []
    units = ", ".join(f"{m.code} ({m.unit_nb})" for m in measures)
    return [
        Problem(
            sidecar,
            None,
            "unit",
            f"unit '{_show(unit)}' contradicts the measures of its file: {units}; write "
            "the unit the source prints for these numbers",
        )
    ]


def identity(row: dict) -> tuple:
    """What a number is about: every dimension (the period follows from year + measure)."""
    return tuple(row[c] for c in IDENTITY_COLUMNS)


def _split_number(name: str, line: int, header: list[str], raw: dict[str, str]) -> list[Problem]:
    """`...,1,234` under `value,note`: a number split at a thousands comma fits the header
    by accident. A value of 1-3 digits followed by a text cell of exactly three digits is
    refused rather than stored as 1 with the note "234"."""
    if "value" not in header or header.index("value") + 1 >= len(header):
        return []
    following = header[header.index("value") + 1]
    value, rest = raw.get("value", ""), raw.get(following, "")
    if (
        following in ("note", "quote", "section")
        and re.fullmatch(r"[0-9]{1,3}", value)
        and re.fullmatch(r"[0-9]{3}", rest)
    ):
        return [
            Problem(
                name,
                line,
                "value",
                f"'{value}' followed by '{rest}' in column '{following}' looks like the "
                f"number {value},{rest} split at a thousands comma; write {value}{rest} "
                "(digits only, no separator)",
            )
        ]
    return []


def _describe_key(row: dict) -> str:
    return ", ".join(
        f"{c}={row[c]}" for c in KEY_COLUMNS if row[c] not in ("", dims.TOTAL) or c == "year"
    )


def _non_ascii_digits(text: str) -> bool:
    return any(ch.isdigit() and ch not in "0123456789" for ch in text)


def _ascii_hint(text: str) -> str:
    """The text with every Unicode digit written as an ASCII digit (for 'write ... instead')."""
    return "".join(
        str(unicodedata.digit(ch)) if ch.isdigit() else ch
        for ch in unicodedata.normalize("NFKC", text)
    )


def parse_value(text: str, measure: dims.Measure | None) -> tuple[float | None, str | None]:
    """A value cell as a number, or the reason it is refused and what to write instead."""
    if _non_ascii_digits(text):
        return None, (
            f"'{text}' uses digits that are not ASCII 0-9 (full-width or another script); "
            f"write {_ascii_hint(text)}"
        )
    unit = measure.unit if measure else None
    if measure is not None and unit == "count":
        if re.fullmatch(r"[0-9]+", text):
            return float(int(text)), None
        if re.fullmatch(r"-[0-9]+(\.[0-9]+)?", text):
            return None, f"{text} is negative; a count cannot be"
        if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", text):
            return None, (
                f"'{text}' is not a whole number: a count is written with digits only, no "
                f"thousands point; if you mean {text.replace('.', ' ')}, write "
                f"{text.replace('.', '')}"
            )
        if re.fullmatch(r"[0-9]{1,3}([ \u00a0\u202f\u2009][0-9]{3})+", text):
            return None, (
                f"'{text}' is not a number as written: no thousands separator; write "
                f"{re.sub(r'[^0-9]', '', text)}"
            )
        if re.fullmatch(r"[0-9]+[.,][0-9]+", text):
            return None, (
                f"'{text}' is not a whole number; {measure.code} is a count (unit "
                f"'{measure.unit_nb}'), written with digits only, e.g. 12. A figure with "
                "decimals belongs to a rate, average or percentage measure"
            )
        return None, f"'{text}' is not a number; a count is written with digits only, e.g. 1234"
    signed = unit in (None, "difference")
    pattern = r"-?[0-9]+(\.[0-9]+)?" if signed else r"[0-9]+(\.[0-9]+)?"
    if re.fullmatch(pattern, text):
        decimals = len(text.split(".")[1]) if "." in text else 0
        if measure is not None and decimals > measure.max_decimals:
            return None, (
                f"'{text}' has {decimals} decimals; {measure.code} ({measure.unit}) is declared "
                f"with at most {measure.max_decimals} (dashboard/dimensions.py); write it as "
                "the source prints it"
            )
        return float(text), None
    if not signed and re.fullmatch(r"-[0-9]+(\.[0-9]+)?", text):
        return None, f"{text} is negative; a {unit} cannot be"
    if re.fullmatch(r"-?[0-9]+,[0-9]+", text):
        return None, f"'{text}' has a decimal comma; use '.' as decimal separator: write " + (
            text.replace(",", ".")
        )
    if re.fullmatch(r"-?[0-9]{1,3}([ \u00a0\u202f\u2009][0-9]{3})+(\.[0-9]+)?", text):
        return None, (
            f"'{text}' is not a number as written: no thousands separator; write "
            f"{re.sub(r'[^0-9.-]', '', text)}"
        )
    return None, (
        f"'{text}' is not a number; use digits with '.' as decimal separator and no "
        "thousands separator, e.g. 1234.5"
    )


def _check_period(
    period: str, year: int, year_text: str, measure: dims.Measure | None
) -> str | None:
    """The rule (docs/data-format.md): a period says which time the number covers and must
    agree with `year`, as the measure declares - the calendar year itself; for a two-year
    average "<year-1>-<year>" (year = the last year); for a stock a date in the year."""
    if _non_ascii_digits(period):
        return f"'{period}' uses digits that are not ASCII 0-9; write {_ascii_hint(period)}"
    if measure is None:
        return None  # an unknown measure is reported on its own
    kind = measure.period
    two_year = f"{year - 1}-{year}"
    if kind == "two_year":
        if period == two_year:
            return None
        match = _PERIOD_RANGE.fullmatch(period)
        if match and int(match.group(2)) != year:
            return (
                f"period '{period}' must end in the row's year {year} (year = last year of "
                f"the period); write {two_year}"
            )
        return (
            f"period '{period or '(empty)'}' does not fit {measure.code}, a two-year average: "
            f"write {two_year} for year {year}"
        )
    if kind == "date":
        match = _PERIOD_DATE.fullmatch(period)
        if match and int(match.group(1)) == year:
            day, month = (int(x) for x in period.split(".")[:2])
            try:
                dt.date(year, month, day)
            except ValueError:
                return f"period '{period}' is not a real date"
            return None
        return (
            f"period '{period or '(empty)'}' does not fit {measure.code}, counted on a day: "
            f"write the date in the row's year, e.g. 1.1.{year}"
        )
    if period in ("", year_text):
        return None
    return (
        f"period '{period}' does not agree with year {year}: {measure.code} is counted per "
        f"calendar year, so leave period empty or write {year}"
        + (
            " (a two-year period is allowed only for a two-year-average measure)"
            if _PERIOD_RANGE.fullmatch(period)
            else ""
        )
    )


#: The largest value any number may have: above 2**53 a float (and JavaScript's Number,
#: which draws the charts) no longer holds every whole number, and rounding breaks.
MAX_EXACT = 2**53
#: Ceilings by unit: what no number of that kind can exceed for any area this site shows
#: (Norway has ~5.6 million inhabitants). Per-measure ceilings below are tighter.
UNIT_CEILINGS = {
    "count": 10_000_000,
    "average": 10_000_000,
    "rate": 1_000,  # per 1 000 inhabitants
    "percent": 100,
    "difference": 100_000,
}
#: Per-measure ceilings (a separate table on purpose: it belongs in the measure vocabulary
#: (`dashboard/dimensions.py` / data/vocab) once that moves to data; kept here until then).
#: Youth measures: Norway has under one million 10-22-year-olds, so no count of them or
#: of their cases in one area reaches a million; reported offences in Norway are ~400 000
#: a year; the population is ~5.6 million.
MEASURE_CEILINGS = {
    "anmeldelser": 1_000_000,
    "personer": 1_000_000,
    "forhold": 1_000_000,
    "bekymringssamtaler": 1_000_000,
    "ungdom_oppfolging": 1_000_000,
    "tp_saker": 1_000_000,
    "tp_personer": 1_000_000,
    "tp_saker_lovbrudd": 1_000_000,
    "ekstremisme_bekymringer": 1_000_000,
    "ungdata_antall": 1_000_000,
    "siktede": 2_000_000,
    "anmeldte_lovbrudd": 5_000_000,
    "anmeldte_lovbrudd_snitt": 5_000_000,
    "befolkning": 10_000_000,
}


def ceiling(measure: dims.Measure) -> float:
    """The largest value `measure` can take (see MEASURE_CEILINGS and UNIT_CEILINGS)."""
    return MEASURE_CEILINGS.get(measure.code, UNIT_CEILINGS.get(measure.unit, MAX_EXACT))


class _Row:
    """One data row being checked: what it became so far and what is wrong with it."""

    def __init__(self, name: str, line: int, raw: dict[str, str]):
        self.name, self.line, self.raw = name, line, raw
        self.problems: list[Problem] = []
        self.row: dict = {"line": line}
        self.measure_code = _normalise(raw.get("measure", ""))
        self.measure = dims.MEASURES.get(self.measure_code)

    def bad(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.name, self.line, column, message))


def _validate_row(name: str, line: int, raw: dict[str, str]) -> tuple[dict, list[Problem]]:
    """One row checked step by step; every step adds what is wrong, none stops the others."""
    check = _Row(name, line, raw)
    year = _row_year(check)
    first_year = _row_period(check, year)
    _row_dimensions(check)
    _row_measure(check)
    _row_municipality_code(check, year, first_year)
    _row_value(check)
    _row_texts(check)
    return check.row, check.problems


def _row_year(check: _Row) -> int | None:
    """`year`: four ASCII digits, between FIRST_YEAR and this year."""
    year_text = check.raw.get("year", "")
    year = None
    if _non_ascii_digits(year_text):
        check.bad(
            "year",
            f"'{year_text}' is not a year: it uses digits that are not ASCII 0-9 (full-width "
            f"or another script); write {_ascii_hint(year_text)}",
        )
    elif not re.fullmatch(r"[0-9]{4}", year_text):
        check.bad("year", f"'{_show(year_text)}' is not a year; expected four digits, e.g. 2020")
    else:
        year = int(year_text)
        if not FIRST_YEAR <= year <= current_year():
            check.bad("year", f"{year} is out of range; allowed {FIRST_YEAR}–{current_year()}")
    check.row["year"] = year
    return year


def _row_period(check: _Row, year: int | None) -> int | None:
    """`period` agrees with `year` as the measure declares; returns the period's first year."""
    year_text = check.raw.get("year", "")
    period = check.raw.get("period", "")
    if year is not None:
        message = _check_period(period, year, year_text, check.measure)
        if message:
            check.bad("period", message)
    check.row["period"] = period or (year_text if year is not None else "")
    match = _PERIOD_RANGE.match(period)
    if match and year is not None:
        return min(int(match.group(1)), year)
    return year


def _row_dimensions(check: _Row) -> None:
    """Coded dimensions (compared after NFKC normalisation), and a sub-group's parent."""
    row = check.row
    for column in DIMENSION_COLUMNS:
        value = _normalise(check.raw.get(column, ""))
        if column in REQUIRED_COLUMNS and value == "":
            check.bad(column, f"'{column}' is required")
            row[column] = value
            continue
        value = value or dims.TOTAL
        allowed = dims.DIMENSIONS[column]
        if value not in allowed or (column == "municipality" and value == dims.TOTAL):
            choices = [c for c in allowed if not (column == "municipality" and c == dims.TOTAL)]
            check.bad(column, f"unknown code '{_show(value)}'; allowed: {', '.join(choices)}")
        row[column] = value
    subgroup = row["offence_subgroup"]
    if subgroup != dims.TOTAL and subgroup in dims.OFFENCE_GROUPS:
        parent = dims.OFFENCE_GROUPS[subgroup].parent
        if parent is None:
            check.bad(
                "offence_subgroup",
                f"'{subgroup}' is not a sub-group; sub-groups are "
                + ", ".join(c.code for c in dims.OFFENCE_GROUPS.values() if c.parent),
            )
        elif parent != row["offence_group"]:
            check.bad(
                "offence_subgroup",
                f"'{subgroup}' belongs to offence_group '{parent}', not '{row['offence_group']}'",
            )


def _row_measure(check: _Row) -> None:
    """`measure`: a code of the measure vocabulary."""
    if check.measure_code and check.measure is None:
        check.bad(
            "measure",
            f"unknown measure '{_show(check.measure_code)}'; allowed: {', '.join(dims.MEASURES)}",
        )
    check.row["measure"] = check.measure_code


def _row_municipality_code(check: _Row, year: int | None, first_year: int | None) -> None:
    """`municipality_code`: a number the kommune had in force during the period."""
    row = check.row
    code = check.raw.get("municipality_code", "")
    row["municipality_code"] = code
    if code and not re.fullmatch(r"[0-9]{1,4}", code):
        check.bad(
            "municipality_code", f"'{_show(code)}' is not a municipality number; write e.g. 3024"
        )
    elif code and year is not None and row["municipality"] in dims.MUNICIPALITIES:
        valid = dims.codes_in_force(row["municipality"], first_year or year, year)
        if code not in valid:
            known = [
                f"{c.code} ({c.valid_from or '…'}–{c.valid_to or '…'})"
                for c in dims.MUNICIPALITY_CODES
                if c.municipality == row["municipality"]
            ]
            check.bad(
                "municipality_code",
                f"'{code}' is not a code {row['municipality']} had in {row['period']}; "
                f"known codes: {', '.join(known) or 'none'}",
            )


def _row_value(check: _Row) -> None:
    """`value` or `status`: exactly one; a number as the measure's unit allows it."""
    value_text = check.raw.get("value", "")
    status = _normalise(check.raw.get("status", ""))
    number: float | None = None
    if value_text and status:
        check.bad(
            "status",
            f"has both a value ({_show(value_text)}) and a status ({_show(status)}); give one",
        )
    elif not value_text and not status:
        check.bad(
            "value",
            "is empty without a status; a missing cell needs a status symbol: "
            + ", ".join(f"'{c}' ({s.en.lower()})" for c, s in dims.STATUSES.items()),
        )
    elif status and status not in dims.STATUSES:
        check.bad(
            "status", f"unknown status '{_show(status)}'; allowed: {', '.join(dims.STATUSES)}"
        )
    elif value_text:
        number, message = parse_value(value_text, check.measure)
        message = message or _range_problem(number, value_text, check.measure)
        if message:
            check.bad("value", message)
            number = None
    check.row["value"] = number
    check.row["status"] = status or None


def _range_problem(number: float | None, text: str, measure: dims.Measure | None) -> str | None:
    """A number that cannot be true: beyond 2**53, a percentage outside 0-100, or above
    the measure's ceiling."""
    if number is None:
        return None
    if abs(number) >= MAX_EXACT:
        return (
            f"{_show(text)} is too large to be a published figure (at most "
            f"{MAX_EXACT - 1} can be stored exactly); check the cell"
        )
    if measure is None:
        return None
    if measure.unit == "percent" and not 0 <= number <= 100:
        return f"{text} is a percentage outside 0–100"
    limit = ceiling(measure)
    if abs(number) > limit:
        return (
            f"{_show(text)} is more than any {measure.code} can be (at most {limit:,.0f} "
            f"{measure.unit_en}); check the cell (a digit too many, or another measure?)"
        ).replace(",", " ")
    return None


def _row_texts(check: _Row) -> None:
    """The free-text cells, stored as written; control characters are refused."""
    for column in ("section", "quote", "note", "page"):
        value = check.raw.get(column, "")
        bad = _control_character(value)
        if bad:
            check.bad(column, bad)
        check.row[column] = value or None


def _control_character(text: str) -> str | None:
    """Why `text` cannot be stored as it is, if it holds a C0 control character (other
    than tab and line breaks): XML, and so the Excel download, cannot hold one."""
    for ch in text:
        if ord(ch) < 32 and ch not in "\n\r\t":
            return (
                f"contains the control character U+{ord(ch):04X}, which no reader can "
                "display; remove it"
            )
    return None


def _show(text: str) -> str:
    """A cell as quoted in a message: at most 40 characters."""
    return text if len(text) <= 40 else text[:40] + "…"


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


#: A value this many times another edition's value for the same number, or the same
#: series' value in the year before, is reported as information (`info:`): not refused
#: (numbers do jump), but worth a second look at the source (a digit too many, a wrong
#: measure or unit). Below PLAUSIBLE_SMALL on both sides, small counts jump by large
#: factors as a matter of course and are not reported.
EDITION_FACTOR = 2.0
YEAR_FACTOR = 5.0
PLAUSIBLE_SMALL = 20


def _jump(a: float, b: float, factor: float) -> float | None:
    """How many times the larger of two values is the smaller, when that is implausible."""
    low, high = sorted((abs(a), abs(b)))
    if high < PLAUSIBLE_SMALL or (a < 0) != (b < 0):
        return None
    if low == 0:
        return math.inf
    ratio = high / low
    return ratio if ratio > factor else None


def _times(ratio: float) -> str:
    return "from 0" if math.isinf(ratio) else f"×{ratio:.1f}"


def plausibility_report(sources: list[SourceFile]) -> list[str]:
    """Values that change by more than a factor between editions or between years."""
    notes: list[str] = []
    by_number: dict[tuple, list[tuple[SourceFile, dict]]] = defaultdict(list)
    for source in sources:
        for row in source.rows:
            if row["value"] is not None:
                by_number[identity(row)].append((source, row))
    position = IDENTITY_COLUMNS.index("year")
    newest: dict[tuple, dict[int, tuple[SourceFile, dict]]] = defaultdict(dict)
    for key, entries in by_number.items():
        entries.sort(key=lambda e: (e[0].published or (dt.date.min, ""))[0], reverse=True)
        first_source, first = entries[0]
        for source, row in entries[1:]:
            ratio = _jump(first["value"], row["value"], EDITION_FACTOR)
            if ratio is not None:
                notes.append(
                    f"{first_source.path.name}, line {first['line']}: {_fmt(first['value'])} "
                    f"where {source.path.name} line {row['line']} gives {_fmt(row['value'])} "
                    f"for the same number ({_describe_key(first)}), {_times(ratio)} between "
                    f"editions; the newest edition ({first_source.meta.get('published')}) "
                    "is shown — check both against their sources"
                )
        series = key[:position] + key[position + 1 :]
        newest[series][first["year"]] = (first_source, first)
    for years in newest.values():
        ordered = sorted(years.items())
        for (year_a, (_sa, a)), (year_b, (sb, b)) in itertools.pairwise(ordered):
            ratio = _jump(a["value"], b["value"], YEAR_FACTOR)
            if ratio is not None:
                notes.append(
                    f"{sb.path.name}, line {b['line']}: {_fmt(b['value'])} in {year_b} after "
                    f"{_fmt(a['value'])} in {year_a} ({_describe_key(b)}), {_times(ratio)} "
                    "in one step — check it against the source"
                )
    return notes


def read_all(
    data_dir: Path, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[SourceFile], list[Problem]]:
    """Read and validate every data file; problems from all files together."""
    sources, problems = [], []
    data_dir = Path(data_dir)
    files = data_files(data_dir)
    if not files:
        problems.append(Problem(str(data_dir), None, None, "no *.csv data files found"))
    for path in files:
        source, file_problems = read_file(path, limits)
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
    """One edition of a publication gives each number once: the same key in two of its files
    is an error. Two *different* editions (another publication, or the same one with a later
    `published` date) may give the same key: both are kept and the newest by date is shown.
    Two editions with the same date and different values are refused, since neither is newer.
    """
    seen: dict[tuple, tuple[str, int]] = {}
    by_key: dict[tuple, list[tuple[SourceFile, dict]]] = defaultdict(list)
    problems = []
    for source in sources:
        publication, published = source.edition
        for row in source.rows:
            key = (publication, published, *identity(row))
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
                by_key[identity(row)].append((source, row))
    for entries in by_key.values():
        if len(entries) < 2:
            continue
        for i, (source, row) in enumerate(entries):
            for other, other_row in entries[:i]:
                same_value = (row["value"], row["status"]) == (
                    other_row["value"],
                    other_row["status"],
                )
                if not same_value and source.published and source.published == other.published:
                    problems.append(
                        Problem(
                            source.path.name,
                            row["line"],
                            "value",
                            f"{other.path.name} line {other_row['line']} gives another value for "
                            f"this number ({_describe_key(row)}) with the same `published` date "
                            f"({source.meta.get('published')}), so neither edition is newer; "
                            "give the later one its full date (YYYY-MM-DD) in its sidecar",
                        )
                    )
    return problems
