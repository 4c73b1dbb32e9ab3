"""Fetch StatBank tables from Statistics Norway (SSB) as warehouse data files.

SSB's PxWebApi v2 answers a GET on ``{base}/tables/{id}/data`` with a JSON-stat 2.0
dataset. This module builds that URL, fetches and flattens the dataset, maps SSB's
codes to the warehouse vocabulary (``dashboard.dimensions``) and writes a tidy CSV plus
its ``.meta.yml`` sidecar (``docs/data-format.md``). The files then go through the
normal validating import, so nothing fetched here reaches the warehouse unchecked.

Two rules shape the code:

* A missing cell stays missing. SSB marks it with ``null`` and a status symbol (``..``
  not available, ``:`` suppressed, ``.`` not applicable); the symbol is kept and the
  value is never turned into 0.
* Unknown codes are errors, not guesses: a region, contents code or category the
  table spec does not map stops the fetch with a message that says what was expected.

API shape (PxWebApi 2 user guide, SSB: "API mot Statistikkbanken – brukerveiledning"):
``valueCodes[VAR]=c1,c2`` selects values, ``codelist[VAR]=ID`` and
``outputValues[VAR]=aggregated|single`` apply a grouping, ``outputFormat=json-stat2``
and ``lang=no|en``. A variable left out of the query is *eliminated*: SSB returns its
total (the sum) and drops it from the dataset. Duplicate codes in one selection make
SSB answer HTTP 500, so they are removed here.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import math
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import quote

import yaml

from dashboard import dimensions as dims

DEFAULT_BASE_URL = "https://data.ssb.no/api/pxwebapi/v2"
PUBLISHER = "Statistisk sentralbyrå (SSB)"
LICENCE = "CC BY 4.0 (Statistisk sentralbyrå)"
LICENCE_URL = "https://www.ssb.no/diverse/lisens"

#: The columns written, in this order (a subset of docs/data-format.md).
COLUMNS = (
    "year",
    "period",
    "municipality",
    "municipality_code",
    "measure",
    "place_role",
    "age_group",
    "offence_group",
    "value",
    "status",
    "note",
)

#: First year the warehouse accepts (docs/data-format.md); older cells are left out.
FIRST_YEAR = 1990

#: Status SSB did not give for a null cell: "not available".
MISSING = ".."

_TABLE_ID = re.compile(r"^\d{5}$")
_TIME_CODE = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
_SYMBOL = re.compile(r"^[.:\-]+$")
_OUTPUT_VALUES = ("aggregated", "single")
#: Columns a table spec may set (from a category dimension or as a constant).
_SPEC_COLUMNS = ("place_role", "age_group", "offence_group")

Opener = Callable[..., Any]


class SSBError(Exception):
    """A fetch or a response from SSB could not be turned into valid rows."""


# ---------------------------------------------------------------------------
# URL and HTTP
# ---------------------------------------------------------------------------


def build_url(
    table_id: str,
    value_codes: Mapping[str, Iterable[str]],
    base_url: str = DEFAULT_BASE_URL,
    lang: str = "no",
    *,
    codelists: Mapping[str, str] | None = None,
    output_values: Mapping[str, str] | None = None,
) -> str:
    """The PxWebApi v2 GET URL for a json-stat2 extract of ``table_id``.

    ``value_codes`` maps variable id -> codes (or selection expressions such as ``*``,
    ``top(3)``, ``from(2019)``). Variables left out are eliminated by SSB (summed).
    Brackets and commas stay literal, as in SSB's own examples; ``+`` and other
    reserved characters are percent-encoded.
    """
    _check_table_id(table_id)
    if lang not in ("no", "en"):
        raise ValueError(f"lang must be 'no' or 'en', not {lang!r}")
    params: list[tuple[str, str]] = [("lang", lang), ("outputFormat", "json-stat2")]
    for variable, codes in value_codes.items():
        unique = list(dict.fromkeys(str(c).strip() for c in codes))
        if not unique or "" in unique:
            raise ValueError(f"valueCodes[{variable}] needs at least one non-empty code")
        for code in unique:
            if "," in code:
                raise ValueError(f"code {code!r} for {variable} contains ',' (the list separator)")
        params.append((f"valueCodes[{variable}]", ",".join(unique)))
    for variable, codelist in (codelists or {}).items():
        params.append((f"codelist[{variable}]", codelist))
    for variable, output in (output_values or {}).items():
        if output not in _OUTPUT_VALUES:
            raise ValueError(f"outputValues[{variable}] must be one of {_OUTPUT_VALUES}")
        params.append((f"outputValues[{variable}]", output))
    query = "&".join(f"{quote(k, safe='[]')}={quote(v, safe=',*?()')}" for k, v in params)
    return f"{base_url.rstrip('/')}/tables/{table_id}/data?{query}"


def fetch(url: str, opener: Opener = urllib.request.urlopen, timeout: float = 30) -> dict:
    """GET ``url`` and parse the JSON body; every failure becomes one clear SSBError.

    ``opener`` is injectable so tests never touch the network.
    """
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "slt-dashboard"}
    )
    try:
        with opener(request, timeout=timeout) as response:
            status = getattr(response, "status", None) or getattr(response, "code", None)
            body = response.read()
    except urllib.error.HTTPError as exc:
        raise SSBError(_http_error_message(url, exc.code, exc.reason, _read_quietly(exc))) from exc
    except urllib.error.URLError as exc:
        raise SSBError(f"could not reach SSB at {url}: {exc.reason}") from exc
    except TimeoutError as exc:
        raise SSBError(f"SSB did not answer within {timeout} s: {url}") from exc
    except OSError as exc:
        raise SSBError(f"could not read the answer from SSB for {url}: {exc}") from exc
    if isinstance(status, int) and status >= 400:
        raise SSBError(_http_error_message(url, status, "", body))
    try:
        text = body.decode("utf-8-sig") if isinstance(body, bytes) else str(body)
        data = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SSBError(
            f"SSB's answer for {url} is not JSON ({exc}); it starts with {_snippet(body)!r}"
        ) from exc
    if not isinstance(data, dict):
        raise SSBError(f"SSB's answer for {url} is JSON but not an object: {_snippet(body)!r}")
    return data


def _read_quietly(exc: urllib.error.HTTPError) -> bytes:
    try:
        return exc.read() or b""
    except Exception:  # a broken error body must not hide the HTTP status
        return b""


def _http_error_message(url: str, status: int, reason: object, body: bytes | str) -> str:
    message = f"SSB answered HTTP {status}"
    if reason:
        message += f" {reason}"
    message += f" for {url}"
    detail = _ssb_error_text(body)
    if detail:
        message += f": {detail}"
    hint = {
        404: "table id wrong, or the URL longer than SSB's ~2100-character limit",
        429: "too many requests; SSB allows about 30 a minute, wait and retry",
        503: "SSB is unavailable or updating; retry later",
    }.get(status)
    if hint:
        message += f" ({hint})"
    return message


def _ssb_error_text(body: bytes | str) -> str:
    """SSB's own words from an error body (RFC 7807-like: 'title', maybe 'detail')."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    text = text.strip()
    if not text:
        return ""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return _snippet(text)
    if isinstance(data, dict):
        parts = [str(data[k]) for k in ("title", "detail") if data.get(k)]
        parts = list(dict.fromkeys(parts))  # SSB repeats title in detail sometimes
        if parts:
            return " – ".join(parts)
    return _snippet(text)


def _snippet(body: bytes | str, limit: int = 200) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _check_table_id(table_id: str) -> None:
    if not isinstance(table_id, str) or not _TABLE_ID.match(table_id):
        raise SSBError(f"StatBank table id must be five digits, e.g. '07459', not {table_id!r}")


# ---------------------------------------------------------------------------
# JSON-stat 2.0
# ---------------------------------------------------------------------------


def parse_jsonstat(dataset: dict) -> list[dict]:
    """Flatten a JSON-stat 2.0 dataset into one dict per cell, in row-major order.

    Each cell has every dimension id -> category code, ``value`` (float or None) and
    ``status`` (SSB's symbol or None). ``value`` and ``status`` may be arrays or sparse
    objects keyed by cell index; ``status`` may also be one string for all cells. A
    null value keeps its status; a null without one gets ``..``. Never 0.
    """
    if not isinstance(dataset, dict):
        raise SSBError("not a JSON-stat dataset: expected a JSON object")
    if dataset.get("class") != "dataset":
        found = dataset.get("class")
        hint = " (a JSON-stat 1.x bundle?)" if found is None and "dataset" in dataset else ""
        raise SSBError(
            f"not a JSON-stat 2.0 dataset: 'class' is {found!r}, expected 'dataset'{hint}"
        )
    ids = dataset.get("id")
    sizes = dataset.get("size")
    dimension = dataset.get("dimension")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise SSBError("malformed JSON-stat dataset: 'id' must be a non-empty list of names")
    if len(set(ids)) != len(ids):
        raise SSBError(f"malformed JSON-stat dataset: 'id' repeats a dimension: {ids}")
    if (
        not isinstance(sizes, list)
        or len(sizes) != len(ids)
        or not all(isinstance(s, int) and not isinstance(s, bool) and s > 0 for s in sizes)
    ):
        raise SSBError(
            f"malformed JSON-stat dataset: 'size' must be {len(ids)} positive integers "
            f"(one per id {ids}), got {sizes!r}"
        )
    if not isinstance(dimension, dict):
        raise SSBError("malformed JSON-stat dataset: 'dimension' must be an object")
    reserved = {"value", "status"} & set(ids)
    if reserved:
        raise SSBError(f"dimension ids {sorted(reserved)} clash with the cell keys value/status")
    codes = [_category_codes(i, dimension.get(i), s) for i, s in zip(ids, sizes, strict=True)]
    n = math.prod(sizes)
    if "value" not in dataset:
        raise SSBError("malformed JSON-stat dataset: 'value' is missing")
    values = _dense("value", dataset["value"], n, sizes, scalar_ok=False)
    statuses = _dense("status", dataset.get("status"), n, sizes, scalar_ok=True)

    cells: list[dict] = []
    for flat in range(n):
        cell: dict[str, Any] = {}
        rest = flat
        for position in range(len(ids) - 1, -1, -1):  # last dimension varies fastest
            rest, k = divmod(rest, sizes[position])
            cell[ids[position]] = codes[position][k]
        cell = {i: cell[i] for i in ids}
        value, symbol = _number(values[flat], flat)
        status = _status(statuses[flat], flat) or symbol
        if value is None and status is None:
            status = MISSING
        cell["value"] = value
        cell["status"] = status
        cells.append(cell)
    return cells


def _category_codes(dim_id: str, dim: object, size: int) -> list[str]:
    """Category codes of one dimension in index order (index as array or object)."""
    where = f"dimension {dim_id!r}"
    if not isinstance(dim, dict) or not isinstance(dim.get("category"), dict):
        raise SSBError(f"malformed JSON-stat dataset: {where} has no 'category' object")
    category = dim["category"]
    index = category.get("index")
    if index is None:
        label = category.get("label")
        if isinstance(label, dict) and len(label) == 1:  # allowed for a single category
            codes = list(label)
        else:
            raise SSBError(f"malformed JSON-stat dataset: {where} has no category 'index'")
    elif isinstance(index, list):
        codes = [str(c) for c in index]
    elif isinstance(index, dict):
        slots: list[str | None] = [None] * len(index)
        for code, pos in index.items():
            if (
                not isinstance(pos, int)
                or isinstance(pos, bool)
                or not 0 <= pos < len(index)
                or slots[pos] is not None
            ):
                raise SSBError(
                    f"malformed JSON-stat dataset: {where} index gives {code!r} position "
                    f"{pos!r}; positions must be 0..{len(index) - 1}, each used once"
                )
            slots[pos] = str(code)
        codes = [c for c in slots if c is not None]
    else:
        raise SSBError(f"malformed JSON-stat dataset: {where} index is neither list nor object")
    if len(codes) != size:
        raise SSBError(
            f"malformed JSON-stat dataset: {where} has {len(codes)} categories "
            f"but 'size' says {size}"
        )
    if len(set(codes)) != len(codes):
        raise SSBError(f"malformed JSON-stat dataset: {where} repeats a category code")
    return codes


def _dense(name: str, raw: object, n: int, sizes: list[int], *, scalar_ok: bool) -> list:
    """``value``/``status`` as a list of n entries, from an array or a sparse object."""
    if raw is None:
        if scalar_ok:
            return [None] * n
        raise SSBError(f"malformed JSON-stat dataset: '{name}' is null")
    if isinstance(raw, str) and scalar_ok:
        return [raw] * n
    if isinstance(raw, list):
        if len(raw) == n:
            return list(raw)
        if scalar_ok and len(raw) == 1:
            return raw * n
        raise SSBError(
            f"malformed JSON-stat dataset: '{name}' has {len(raw)} entries but the "
            f"dimensions (size {sizes}) give {n} cells"
        )
    if isinstance(raw, dict):
        out: list = [None] * n
        for key, item in raw.items():
            if not re.fullmatch(r"\d+", str(key)) or int(key) >= n:
                raise SSBError(
                    f"malformed JSON-stat dataset: '{name}' key {key!r} is not a cell index "
                    f"0..{n - 1} (size {sizes})"
                )
            out[int(key)] = item
        return out
    raise SSBError(f"malformed JSON-stat dataset: '{name}' must be an array or an object")


def _number(raw: object, flat: int) -> tuple[float | None, str | None]:
    """A cell value as float, or None plus the symbol if the value itself is a symbol."""
    if raw is None:
        return None, None
    if isinstance(raw, bool):
        raise SSBError(f"malformed JSON-stat dataset: value[{flat}] is a boolean")
    if isinstance(raw, int | float):
        number = float(raw)
    elif isinstance(raw, str) and _SYMBOL.match(raw.strip()):
        return None, raw.strip()
    elif isinstance(raw, str):
        try:
            number = float(raw.strip())
        except ValueError:
            raise SSBError(
                f"malformed JSON-stat dataset: value[{flat}] is {raw!r}, not a number"
            ) from None
    else:
        raise SSBError(f"malformed JSON-stat dataset: value[{flat}] is {raw!r}, not a number")
    if not math.isfinite(number):
        raise SSBError(f"malformed JSON-stat dataset: value[{flat}] is {raw!r}")
    return number, None


def _status(raw: object, flat: int) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise SSBError(f"malformed JSON-stat dataset: status[{flat}] is {raw!r}, not a string")
    return raw.strip() or None


# ---------------------------------------------------------------------------
# Table specs: SSB codes -> warehouse codes
# ---------------------------------------------------------------------------


def _frozen(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class TableSpec:
    """How one StatBank table maps to the warehouse columns.

    Keeping the mapping as data (not code per table) means adding a table is a
    declaration, and every code it names is checked against ``dashboard.dimensions``
    when the module loads.
    """

    table_id: str
    #: Region variable; its codes map to municipalities through MUNICIPALITY_CODES.
    region_dim: str
    #: ContentsCode -> measure code.
    measures: Mapping[str, str]
    #: Codes requested for every variable except region and time.
    request: Mapping[str, tuple[str, ...]]
    #: Category variable -> (CSV column, SSB code -> warehouse code).
    category_dims: Mapping[str, tuple[str, Mapping[str, str]]] = field(default_factory=dict)
    #: Constant CSV columns (e.g. place_role).
    fixed: Mapping[str, str] = field(default_factory=dict)
    #: Variables deliberately left out of the query so SSB returns their total.
    eliminated: tuple[str, ...] = ()
    time_dim: str = "Tid"
    contents_dim: str = "ContentsCode"
    #: Years per time code: 1 ("2019") or 2 ("2018-2019", year = last year).
    time_span: int = 1
    #: Period label for one-year codes, e.g. "1.1.{year}"; empty = the year (default).
    period_format: str = ""
    unit: str = ""
    counts: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        _check_table_id(self.table_id)
        object.__setattr__(self, "measures", _frozen(self.measures))
        object.__setattr__(self, "request", _frozen({k: tuple(v) for k, v in self.request.items()}))
        object.__setattr__(
            self,
            "category_dims",
            _frozen({k: (col, _frozen(m)) for k, (col, m) in self.category_dims.items()}),
        )
        object.__setattr__(self, "fixed", _frozen(self.fixed))
        problems = []
        if self.time_span not in (1, 2):
            problems.append(f"time_span must be 1 or 2, not {self.time_span}")
        if not self.request.get(self.contents_dim):
            problems.append(f"request must name codes for {self.contents_dim}")
        for code in self.request.get(self.contents_dim, ()):
            if code not in self.measures:
                problems.append(f"requested ContentsCode {code} has no measure")
        for variable, (column, mapping) in self.category_dims.items():
            if column not in _SPEC_COLUMNS:
                problems.append(f"{variable} maps to column {column!r}; allowed {_SPEC_COLUMNS}")
                continue
            for code in self.request.get(variable, ()):
                if code not in mapping:
                    problems.append(f"requested {variable} code {code} has no mapping")
        for column in self.fixed:
            if column not in _SPEC_COLUMNS:
                problems.append(f"fixed {column!r} is not an allowed column")
        if problems:
            raise ValueError(f"TableSpec {self.table_id}: " + "; ".join(problems))

    def vocabulary_problems(self) -> list[str]:
        """What this mapping names that the code lists in force do not know (checked when
        the table is fetched: the code lists are data, read at run time)."""
        problems = []
        for code, measure in self.measures.items():
            if measure not in dims.MEASURES:
                problems.append(f"ContentsCode {code} maps to unknown measure {measure!r}")
        for variable, (column, mapping) in self.category_dims.items():
            for code, ours in mapping.items():
                if column in _SPEC_COLUMNS and ours not in dims.DIMENSIONS[column]:
                    problems.append(f"{variable} code {code} maps to unknown {column} {ours!r}")
        for column, value in self.fixed.items():
            if column in _SPEC_COLUMNS and value not in dims.DIMENSIONS[column]:
                problems.append(f"fixed {column}={value!r} is not a code of the list")
        return problems

    def time_code(self, year: int) -> str:
        """SSB's time code for the period that ends in ``year``."""
        if self.time_span == 1:
            return str(year)
        return f"{year - self.time_span + 1}-{year}"

    def value_codes(self, years: Iterable[int] | None = None) -> dict[str, list[str]]:
        """The selection for :func:`build_url`: our municipalities' codes, the spec's
        codes, and the periods ending in ``years`` (all periods when None)."""
        wanted = sorted(set(years)) if years is not None else None
        if wanted is not None and not wanted:
            raise SSBError("years is empty; give at least one year or None for all")
        regions: list[str] = []
        for municipality in dict.fromkeys(c.municipality for c in dims.MUNICIPALITY_CODES):
            if wanted is None:
                regions += [
                    c.code for c in dims.MUNICIPALITY_CODES if c.municipality == municipality
                ]
            else:
                first = wanted[0] - self.time_span + 1
                regions += dims.codes_in_force(municipality, first, wanted[-1])
        selection = {self.region_dim: regions}
        selection.update({k: list(v) for k, v in self.request.items()})
        selection[self.time_dim] = ["*"] if wanted is None else [self.time_code(y) for y in wanted]
        return selection


#: Municipality numbers SSB uses, mapped to the warehouse's municipalities.
def _regions() -> dict[str, dims.MunicipalityCode]:
    """Municipality numbers the vocabulary knows, to the area and years of each."""
    return {c.code: c for c in dims.MUNICIPALITY_CODES}


TABLES: dict[str, TableSpec] = {
    # Folkemengde 1. januar. Kjonn and Alder are eliminable in 07459 (ELIMINATION=YES:
    # no total code, SSB sums on the fly), so leaving them out of the query returns the
    # whole population, e.g. GET .../tables/07459/data?valueCodes[Region]=0301
    # &valueCodes[ContentsCode]=Personer1&valueCodes[Tid]=top(5) answers with
    # id = [Region, ContentsCode, Tid]. Region keeps the historical municipality
    # numbers (0219 until 2019, 3024 2020-23, 3201 from 2024), so no codelist is used.
    "07459": TableSpec(
        table_id="07459",
        region_dim="Region",
        measures={"Personer1": "befolkning"},
        request={"ContentsCode": ("Personer1",)},
        fixed={"place_role": "alle", "age_group": "alle", "offence_group": "alle"},
        eliminated=("Kjonn", "Alder"),
        period_format="1.1.{year}",
        unit="innbyggere",
        counts="personer bosatt i kommunen 1. januar (alle aldre, begge kjønn)",
        notes=(
            "Kjønn og alder er utelatt i spørringen, så SSB summerer dem (eliminasjon): "
            "tallet er hele befolkningen 1. januar."
        ),
    ),
    # Lovbrudd anmeldt etter gjerningssted (kommune) og lovbruddsgruppe. SSB publishes
    # two-year averages with time codes like "2023-2024", so the count is the
    # *_snitt measure and year is the last year of the period. LovbruddKrim holds the
    # 2015 classification (codes 1AAAAA-...) and legacy codes that stop in 2013-2014;
    # only the current total is requested. Groups are mapped by the 2015 main-group
    # numbers (1 eiendomstyveri, 4 vold, 6 rus, 7 orden, 8 trafikk, 2-3-5-9 annet).
    "08487": TableSpec(
        table_id="08487",
        region_dim="Gjerningssted",
        measures={
            "AnmeldteLovbrudd": "anmeldte_lovbrudd_snitt",
            "AnmLovbrPer1000": "anmeldte_lovbrudd_per1000_snitt",
        },
        request={
            "LovbruddKrim": ("1AAAAA-9ZZZZz",),
            "ContentsCode": ("AnmeldteLovbrudd", "AnmLovbrPer1000"),
        },
        category_dims={
            "LovbruddKrim": (
                "offence_group",
                {
                    "1AAAAA-9ZZZZz": "alle",
                    "1AAAAA-1ZZZZz": "ssb_eiendomstyveri",
                    "4AAAAA-4ZZZZz": "ssb_vold",
                    "6AAAAA-6ZZZZz": "ssb_rusmiddel",
                    "7AAAAA-7ZZZZz": "ssb_orden",
                    "8AAAAA-8ZZZZz": "ssb_trafikk",
                    "2AAAAA-3-5-9ZZZZz": "ssb_annet",
                },
            )
        },
        fixed={"place_role": "gjerningssted", "age_group": "alle"},
        time_span=2,
        unit="lovbrudd per år (snitt av to år); per 1 000 innbyggere",
        counts="anmeldte lovbrudd; gjerningssted",
        notes=(
            "Tallene er gjennomsnitt av to år: period er toårsperioden, year det siste "
            "året. Periodene overlapper og kan ikke summeres. Per 1 000 innbyggere er "
            "SSBs publiserte tall, ikke regnet ut her."
        ),
    ),
}


# ---------------------------------------------------------------------------
# Cells -> CSV rows
# ---------------------------------------------------------------------------


def to_rows(spec: TableSpec, cells: Iterable[dict]) -> list[dict]:
    """Rows in the warehouse CSV schema (``COLUMNS``, all values strings).

    A missing cell becomes value ``""`` with SSB's status symbol. Cells left out, by
    design: years before FIRST_YEAR, and missing cells of a municipality number that
    was not in force in the period (SSB lists old and new numbers for every year and
    marks the other years '.'). A *value* under such a number, or two numbers giving
    a value for the same row, is an error rather than a guess.
    """
    rows, _dropped = _convert(spec, cells)
    return rows


def _convert(spec: TableSpec, cells: Iterable[dict]) -> tuple[list[dict], dict[str, int]]:
    dropped = {"before_first_year": 0, "code_not_in_force": 0}
    expected = {spec.region_dim, spec.time_dim, spec.contents_dim, *spec.category_dims}
    candidates: dict[tuple, list[tuple[dict, str, bool]]] = {}
    for cell in cells:
        variables = set(cell) - {"value", "status"}
        if variables != expected:
            extra = sorted(variables - expected)
            missing = sorted(expected - variables)
            raise SSBError(
                f"table {spec.table_id}: the dataset has variables {sorted(variables)}; "
                f"the spec expects {sorted(expected)}"
                + (
                    f" (unexpected: {extra}; a variable meant to be eliminated came back?)"
                    if extra
                    else ""
                )
                + (f" (missing: {missing})" if missing else "")
            )
        region = str(cell[spec.region_dim])
        info = _regions().get(region)
        if info is None:
            raise SSBError(
                f"table {spec.table_id}: region code {region!r} is not one of ours; "
                f"known: {', '.join(_regions())}"
            )
        first_year, year, period = _parse_time(spec, str(cell[spec.time_dim]))
        if year < FIRST_YEAR:
            dropped["before_first_year"] += 1
            continue
        value: float | None = cell["value"]
        status: str | None = cell["status"]
        in_force = region in dims.codes_in_force(info.municipality, first_year, year)
        if not in_force:
            if value is None:
                dropped["code_not_in_force"] += 1
                continue
            raise SSBError(
                f"table {spec.table_id}: {region} ({info.municipality}) has a value ({value}) "
                f"for {period or year}, but that number was not in force then; refusing "
                "to guess which municipality it means"
            )
        contents = str(cell[spec.contents_dim])
        measure = spec.measures.get(contents)
        if measure is None:
            raise SSBError(
                f"table {spec.table_id}: {spec.contents_dim} {contents!r} has no measure; "
                f"known: {', '.join(spec.measures)}"
            )
        row = {
            "year": str(year),
            "period": period,
            "municipality": info.municipality,
            "municipality_code": region,
            "measure": measure,
            "place_role": dims.TOTAL,
            "age_group": dims.TOTAL,
            "offence_group": dims.TOTAL,
        }
        row.update(spec.fixed)
        for variable, (column, mapping) in spec.category_dims.items():
            code = str(cell[variable])
            if code not in mapping:
                raise SSBError(
                    f"table {spec.table_id}: {variable} code {code!r} has no {column}; "
                    f"known: {', '.join(mapping)}"
                )
            row[column] = mapping[code]
        notes = []
        if info.territory_note:
            notes.append(info.territory_note)
        if value is None:
            symbol = status or MISSING
            if symbol not in dims.STATUSES:
                notes.append(f"SSB-tegn {symbol!r} vist som '{MISSING}'")
                symbol = MISSING
            row["value"], row["status"] = "", symbol
        else:
            row["value"], row["status"] = _format_value(value), ""
            if status:
                notes.append(f"SSB-tegn {status!r} på tallet")
        row["note"] = "; ".join(notes)
        key = tuple(row[c] for c in COLUMNS if c not in ("municipality_code", *_CELL_COLUMNS))
        ends_in_year = region in dims.codes_in_force(info.municipality, year, year)
        candidates.setdefault(key, []).append((row, region, ends_in_year))

    rows = []
    for group in candidates.values():
        with_value = [g for g in group if g[0]["value"] != ""]
        if len(with_value) > 1:
            first = with_value[0][0]
            found = ", ".join(f"{region}={r['value']}" for r, region, _ in with_value)
            raise SSBError(
                f"table {spec.table_id}: {first['municipality']} {first['period'] or first['year']}"
                f" {first['measure']} has values under several municipality numbers ({found});"
                " refusing to pick one"
            )
        if with_value:
            rows.append(with_value[0][0])
        else:  # all missing: keep the number in force at the end of the period
            rows.append(max(group, key=lambda g: g[2])[0])
    for row in rows:
        for column in COLUMNS:
            row.setdefault(column, "")
    return [{c: row[c] for c in COLUMNS} for row in rows], dropped


_CELL_COLUMNS = ("value", "status", "note")


def _parse_time(spec: TableSpec, code: str) -> tuple[int, int, str]:
    """(first year, last year, period label) of a time code: '2019' or '2018-2019'."""
    match = _TIME_CODE.match(code)
    if not match:
        raise SSBError(
            f"table {spec.table_id}: time code {code!r} is neither a year nor a YYYY-YYYY period"
        )
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last - first + 1 != spec.time_span:
        raise SSBError(
            f"table {spec.table_id}: time code {code!r} spans {last - first + 1} year(s); "
            f"the spec expects {spec.time_span}"
        )
    if spec.time_span == 1:
        period = spec.period_format.format(year=last) if spec.period_format else ""
    else:
        period = code
    return first, last, period


def _format_value(value: float) -> str:
    """As published: no exponent, no thousands separator, no spurious '.0'."""
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")


# ---------------------------------------------------------------------------
# Sidecar and files
# ---------------------------------------------------------------------------


def sidecar(
    spec: TableSpec,
    dataset: dict,
    url: str,
    accessed: str,
    dropped: Mapping[str, int] | None = None,
) -> dict:
    """The ``.meta.yml`` content: provenance, licence and what a reader must know."""
    table = spec.table_id
    updated = str(dataset.get("updated") or "").strip()
    published = updated[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", updated) else updated
    notes = [
        f"Hentet fra SSBs PxWebApi v2 {accessed}.",
        spec.notes,
        "Celler SSB markerer med standardtegn (.. tall mangler, : vises ikke av "
        "konfidensialitetshensyn, . ikke aktuelt) er beholdt som manglende verdier med "
        "tegnet i status, aldri som 0.",
    ]
    if not published:
        published = accessed
        notes.append("SSB oppga ikke når tabellen ble oppdatert; hentedato brukt.")
    dropped = dropped or {}
    if dropped.get("code_not_in_force"):
        notes.append(
            f"{dropped['code_not_in_force']} tomme celler for kommunenummer som ikke gjaldt "
            "i perioden er utelatt."
        )
    if dropped.get("before_first_year"):
        notes.append(f"{dropped['before_first_year']} celler fra før {FIRST_YEAR} er utelatt.")
    ssb_notes = dataset.get("note")
    if isinstance(ssb_notes, list):
        notes += [f"SSB-note: {n}" for n in ssb_notes if isinstance(n, str) and n.strip()]
    definitions = _contents_labels(spec, dataset)
    meta = {
        "title": str(dataset.get("label") or f"StatBank table {table}").strip(),
        "publisher": PUBLISHER,
        "publication": f"StatBank table {table}",
        "published": published,
        "section": f"Tabell {table} (PxWebApi v2: {url})",
        "unit": spec.unit,
        "counts": spec.counts,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "source_url": url,
        "accessed": accessed,
        "notes": " ".join(n for n in notes if n),
    }
    if definitions:
        meta["definitions"] = definitions
    return meta


def _contents_labels(spec: TableSpec, dataset: dict) -> str:
    try:
        labels = dataset["dimension"][spec.contents_dim]["category"]["label"]
    except (KeyError, TypeError):
        return ""
    if not isinstance(labels, dict):
        return ""
    return "; ".join(f"{spec.measures.get(code, code)} = {label}" for code, label in labels.items())


def fetch_to_files(
    table_id: str,
    out_dir: Path,
    years: list[int] | None = None,
    opener: Opener = urllib.request.urlopen,
    *,
    base_url: str = DEFAULT_BASE_URL,
    lang: str = "no",
    accessed: str | None = None,
    timeout: float = 30,
) -> tuple[Path, Path]:
    """Fetch a built-in table and write ``ssb-<table>-<years>.csv`` + ``.meta.yml``.

    The files are meant for the normal validating import (``slt-dashboard fetch-ssb``),
    which is where they are checked against every warehouse rule.
    """
    spec = TABLES.get(table_id)
    if spec is None:
        raise SSBError(f"no mapping for StatBank table {table_id!r}; built in: {', '.join(TABLES)}")
    unknown = spec.vocabulary_problems()
    if unknown:
        raise SSBError(
            f"table {table_id}: the mapping names codes not in data/vocab: " + "; ".join(unknown)
        )
    url = build_url(table_id, spec.value_codes(years), base_url=base_url, lang=lang)
    dataset = fetch(url, opener=opener, timeout=timeout)
    rows, dropped = _convert(spec, parse_jsonstat(dataset))
    if not rows:
        raise SSBError(f"table {table_id}: SSB's answer has no rows for our municipalities ({url})")
    accessed = accessed or dt.date.today().isoformat()
    meta = sidecar(spec, dataset, url, accessed, dropped)

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"ssb-{table_id}-{_years_label(years)}"
    csv_path = out_dir / f"{stem}.csv"
    meta_path = out_dir / f"{stem}.meta.yml"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    meta_path.write_text(
        yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
    return csv_path, meta_path


def _years_label(years: list[int] | None) -> str:
    """'all', '2019', '2019-2024' for a contiguous run, else a short hash of the years."""
    if years is None:
        return "all"
    wanted = sorted(set(years))
    if len(wanted) == 1:
        return str(wanted[0])
    if wanted == list(range(wanted[0], wanted[-1] + 1)):
        return f"{wanted[0]}-{wanted[-1]}"
    digest = hashlib.sha1(",".join(map(str, wanted)).encode()).hexdigest()[:8]
    return f"{wanted[0]}-{wanted[-1]}-{digest}"
