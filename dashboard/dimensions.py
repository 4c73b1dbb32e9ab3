"""The controlled vocabularies of the warehouse, read from data, never typed in code.

The code lists (areas and their municipality numbers, measures, place roles, residences,
age groups, sexes, offence groups, categories, statuses, source families) are CSV files
in `data/vocab/`. A build validates them (`build/vocabfiles.py`), checks every data file
against them and loads them into the warehouse's `dim_*` tables; a server reads them back
from the warehouse it serves, once per warehouse file (`store.read_vocabulary`). So a new
kommune, measure or category is a line in a CSV file, and what a page calls a code is
what the warehouse it reads says.

Which vocabulary is in force is per thread: the store activates the vocabulary of the
warehouse a request reads (`use`), a build activates the one it validates against
(`using`). The module's upper-case names (`MEASURES`, `MUNICIPALITIES`, `DIMENSIONS` …)
are views of the active vocabulary, read when used (`dims.MEASURES[code]`), so modules
import this module and look names up at run time, never `from … import MEASURES`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

#: Code meaning "not broken down by this dimension" (the published total, or not applicable).
TOTAL = "alle"
#: How a measure's `period` relates to its `year` (see docs/data-format.md, "period"):
#: "year" - the calendar year itself (period empty or equal to the year);
#: "two_year" - a two-year average, period "<year-1>-<year>" (year = the last year);
#: "date" - a point in time inside the year, period "d.m.yyyy" (e.g. 1.1.2020).
PERIOD_KINDS = ("year", "two_year", "date")
#: Default decimals allowed per unit (a measure may declare its own).
UNIT_DECIMALS = {"count": 0, "percent": 1, "rate": 1, "average": 1, "difference": 1}
#: Kinds of area in the `municipality` dimension (the fact column keeps its historic name:
#: it holds any area a source counts for, not only kommuner).
AREA_KINDS = ("kommune", "politienhet", "politidistrikt", "land")
#: The fact columns whose values come from a code list, and the list each one uses.
DIMENSION_LISTS = {
    "municipality": "areas",
    "place_role": "place_roles",
    "residence": "residences",
    "age_group": "age_groups",
    "sex": "sexes",
    "offence_group": "offence_groups",
    "offence_subgroup": "offence_groups",
    "category": "categories",
}
DIMENSION_COLUMNS = tuple(DIMENSION_LISTS)


@dataclass(frozen=True)
class Code:
    """One member of a dimension."""

    code: str
    nb: str
    en: str
    sort: int = 0
    parent: str | None = None  # offence sub-group -> group
    description_nb: str = ""
    description_en: str = ""
    kind: str = ""  # areas only: kommune | politienhet | politidistrikt | land


@dataclass(frozen=True)
class MunicipalityCode:
    """A municipality number and the years it was in force (inclusive; None = open)."""

    municipality: str
    code: str
    valid_from: int | None
    valid_to: int | None
    territory_note: str = ""


@dataclass(frozen=True)
class Measure:
    """What a number counts. `unit` decides the validation: a count is a non-negative whole
    number; percent is 0-100; rate and average are non-negative; a difference may be signed.
    `decimals` is the most decimals a value may be written with (None: the unit's default)
    and `period` how the row's period relates to its year (PERIOD_KINDS)."""

    code: str
    nb: str
    en: str
    unit: str  # count | percent | rate | average | difference
    unit_nb: str
    unit_en: str
    description_nb: str = ""
    description_en: str = ""
    decimals: int | None = None
    period: str = "year"
    #: A count: the population measure it is computed per 1 000 of (at build); a published
    #: rate: the count measure it is a rate of.
    rate_base: str = ""
    rate_of: str = ""

    @property
    def max_decimals(self) -> int:
        return UNIT_DECIMALS[self.unit] if self.decimals is None else self.decimals


@dataclass(frozen=True)
class AreaMember:
    """A part of an area that is not a kommune: `member` is covered by `area`, wholly or
    (whole=False) only in part, e.g. Majorstua police station's part of Oslo."""

    area: str
    member: str
    whole: bool = True
    part_nb: str = ""
    part_en: str = ""


@dataclass(frozen=True)
class Event:
    """Something that happened on a date, marked on time axes (data/vocab/events.csv)."""

    date: str  # ISO
    nb: str
    en: str
    breaks: tuple[str, ...] = ()  # fact columns whose codes mean another thing after it
    description_nb: str = ""  # what it changed for the figures (Om dataene)
    description_en: str = ""

    @property
    def break_x(self) -> float:
        """Where a break falls on a yearly axis: between the year before and the first
        year wholly after (1 October 2015 -> 2015.5; 1 January 2020 -> 2019.5)."""
        year, month, day = (int(p) for p in self.date.split("-"))
        return year - 0.5 if (month, day) == (1, 1) else year + 0.5


@dataclass(frozen=True)
class PeerGroup:
    """A named group of kommuner that compare themselves with each other (e.g. ASSS)."""

    code: str
    nb: str
    en: str
    members: tuple[str, ...]
    valid_from: int | None = None
    source_url: str = ""


Row = Mapping[str, Any]


def _text(row: Row, key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


def _int(row: Row, key: str) -> int | None:
    value = row.get(key)
    return None if value is None or value == "" else int(value)


def _code(row: Row) -> Code:
    return Code(
        code=_text(row, "code"),
        nb=_text(row, "label_nb"),
        en=_text(row, "label_en"),
        sort=_int(row, "sort") or 0,
        parent=_text(row, "parent") or None,
        description_nb=_text(row, "description_nb"),
        description_en=_text(row, "description_en"),
        kind=_text(row, "kind"),
    )


def _flag(value: object) -> bool:
    return value is True or str(value).strip().lower() in ("ja", "true", "1")


@dataclass(frozen=True)
class Vocabulary:
    """Every code list, as read from `data/vocab/*.csv` or from a built warehouse
    (`store.read_vocabulary`).

    Both readers hand over rows with the CSV files' column names, so one constructor
    (`from_tables`) serves both and a list means the same wherever it was read.
    """

    areas: dict[str, Code]
    area_codes: tuple[MunicipalityCode, ...]
    area_members: tuple[AreaMember, ...]
    measures: dict[str, Measure]
    place_roles: dict[str, Code]
    residences: dict[str, Code]
    age_groups: dict[str, Code]
    sexes: dict[str, Code]
    offence_groups: dict[str, Code]
    categories: dict[str, Code]
    statuses: dict[str, Code]
    #: Age groups that are the sum of others (used only to report totals != sums).
    age_parts: dict[str, tuple[str, ...]]
    #: (file-name prefix, bokmål, English): the short "where from" a reader sees.
    source_families: tuple[tuple[str, str, str], ...]
    #: Dated happenings marked on time axes; `breaks` the fact columns they break.
    events: tuple[Event, ...] = ()
    #: Named groups of kommuner a kommune is compared with (e.g. ASSS), with members.
    peer_groups: tuple[PeerGroup, ...] = ()
    kommuner: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        ordered = sorted(
            (c for c in self.areas.values() if c.kind == "kommune"), key=lambda c: c.sort
        )
        object.__setattr__(self, "kommuner", tuple(c.code for c in ordered))

    #: The files (and warehouse tables) and what each holds; `build/vocabfiles.py` checks
    #: their columns, the warehouse schema has a `dim_*` table for each.
    FILES = (
        "areas",
        "area_codes",
        "area_members",
        "measures",
        "place_roles",
        "residences",
        "age_groups",
        "sexes",
        "offence_groups",
        "categories",
        "statuses",
        "source_families",
        "events",
        "peer_groups",
    )

    @classmethod
    def from_tables(cls, tables: Mapping[str, Sequence[Row]]) -> Vocabulary:
        """Build from rows keyed by list name (`areas`, `measures` …, see FILES)."""

        def codes(name: str) -> dict[str, Code]:
            return {c.code: c for c in map(_code, tables[name])}

        return cls(
            areas=codes("areas"),
            area_codes=tuple(
                MunicipalityCode(
                    _text(r, "area"),
                    _text(r, "code"),
                    _int(r, "valid_from"),
                    _int(r, "valid_to"),
                    _text(r, "territory_note_nb"),
                )
                for r in tables["area_codes"]
            ),
            area_members=tuple(
                AreaMember(
                    _text(r, "area"),
                    _text(r, "member"),
                    _flag(r.get("whole")),
                    _text(r, "part_nb"),
                    _text(r, "part_en"),
                )
                for r in tables["area_members"]
            ),
            measures={
                _text(r, "code"): Measure(
                    code=_text(r, "code"),
                    nb=_text(r, "label_nb"),
                    en=_text(r, "label_en"),
                    unit=_text(r, "unit"),
                    unit_nb=_text(r, "unit_nb"),
                    unit_en=_text(r, "unit_en"),
                    description_nb=_text(r, "description_nb"),
                    description_en=_text(r, "description_en"),
                    decimals=_int(r, "decimals"),
                    period=_text(r, "period") or "year",
                    rate_base=_text(r, "rate_base"),
                    rate_of=_text(r, "rate_of"),
                )
                for r in tables["measures"]
            },
            place_roles=codes("place_roles"),
            residences=codes("residences"),
            age_groups=codes("age_groups"),
            sexes=codes("sexes"),
            offence_groups=codes("offence_groups"),
            categories=codes("categories"),
            statuses=codes("statuses"),
            age_parts={
                _text(r, "code"): tuple(_text(r, "parts").split())
                for r in tables["age_groups"]
                if _text(r, "parts")
            },
            source_families=tuple(
                (_text(r, "prefix"), _text(r, "label_nb"), _text(r, "label_en"))
                for r in tables["source_families"]
            ),
            events=tuple(
                Event(
                    _text(r, "date"),
                    _text(r, "label_nb"),
                    _text(r, "label_en"),
                    tuple(_text(r, "breaks").split()),
                    _text(r, "description_nb"),
                    _text(r, "description_en"),
                )
                for r in tables.get("events") or ()
            ),
            peer_groups=_peer_groups(tables.get("peer_groups") or ()),
        )

    @property
    def dimensions(self) -> dict[str, dict[str, Code]]:
        """Fact column -> the codes it may hold."""
        return {column: getattr(self, name) for column, name in DIMENSION_LISTS.items()}


def _peer_groups(rows: Sequence[Row]) -> tuple[PeerGroup, ...]:
    """One line per member in the file; one group per name here, members in file order."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(_text(row, "peer_group"), []).append(row)
    return tuple(
        PeerGroup(
            code=code,
            nb=_text(members[0], "label_nb"),
            en=_text(members[0], "label_en"),
            members=tuple(_text(r, "member") for r in members),
            valid_from=_int(members[0], "valid_from"),
            source_url=_text(members[0], "source_url"),
        )
        for code, members in groups.items()
    )


# ------------------------------------------------------------------ the active vocabulary

_local = threading.local()
_default: list[Vocabulary] = []


def use(vocabulary: Vocabulary) -> None:
    """Make `vocabulary` the one this thread reads (the store does so for each request)."""
    _local.vocabulary = vocabulary


def release() -> None:
    """This thread reads the default vocabulary again (e.g. after a test's own warehouse)."""
    _local.vocabulary = None


def set_default(vocabulary: Vocabulary) -> None:
    """The vocabulary of threads that activated none (the last warehouse opened)."""
    _default[:] = [vocabulary]


@contextlib.contextmanager
def using(vocabulary: Vocabulary) -> Iterator[Vocabulary]:
    """Validate or build against `vocabulary`, then restore what was active."""
    before = getattr(_local, "vocabulary", None)
    _local.vocabulary = vocabulary
    try:
        yield vocabulary
    finally:
        _local.vocabulary = before


def active() -> Vocabulary:
    """The vocabulary in force for this thread."""
    found = getattr(_local, "vocabulary", None) or (_default[0] if _default else None)
    if found is None:
        raise LookupError("no vocabulary is active: open a warehouse (store) or build first")
    return found


#: Upper-case names that are views of the active vocabulary (see the module docstring).
_VIEWS = {
    "MUNICIPALITIES": "areas",
    "MUNICIPALITY_CODES": "area_codes",
    "AREA_MEMBERS": "area_members",
    "MEASURES": "measures",
    "PLACE_ROLES": "place_roles",
    "RESIDENCES": "residences",
    "AGE_GROUPS": "age_groups",
    "SEXES": "sexes",
    "OFFENCE_GROUPS": "offence_groups",
    "CATEGORIES": "categories",
    "STATUSES": "statuses",
    "AGE_PARTS": "age_parts",
    "SOURCE_FAMILIES": "source_families",
    "KOMMUNER": "kommuner",
    "DIMENSIONS": "dimensions",
}


def __getattr__(name: str) -> Any:
    if name in _VIEWS:
        return getattr(active(), _VIEWS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ------------------------------------------------------------------ lookups


def source_family(source_id: str) -> tuple[str, str]:
    """(bokmål, English) family of a data file; 'Andre kilder' for an unknown prefix."""
    for prefix, nb, en in active().source_families:
        if source_id.startswith(prefix):
            return nb, en
    return "Andre kilder", "Other sources"


def codes_in_force(municipality: str, first_year: int, last_year: int) -> list[str]:
    """Municipality numbers valid at some time in [first_year, last_year]."""
    return [
        c.code
        for c in active().area_codes
        if c.municipality == municipality
        and (c.valid_from is None or c.valid_from <= last_year)
        and (c.valid_to is None or c.valid_to >= first_year)
    ]


def label(codes: Mapping[str, Code], code: str, lang: str) -> str:
    """A code's label in the reader's language."""
    entry = codes[code]
    return entry.en if lang == "en" else entry.nb


def measure_name(code: str, lang: str) -> str:
    """A measure's name in `lang` (its code if unknown)."""
    measure = active().measures.get(code)
    if measure is None:
        return code
    return measure.en if lang == "en" else measure.nb


def kommune_name(code: str, lang: str) -> str:
    """A municipality's (or area's) name in the reader's language."""
    return label(active().areas, code, lang)


def kommune_options(codes: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    """(code, name) pairs for a kommune control."""
    return [(c, kommune_name(c, lang)) for c in codes]


def kommuner() -> tuple[str, ...]:
    """Every kommune the active vocabulary knows, in its sort order (first: the default)."""
    return active().kommuner


#: Kommuner whose sort order is below this are offered first (data/vocab/README.md).
FEATURED_BELOW = 10


def featured_kommuner() -> tuple[str, ...]:
    """The kommuner a kommune control offers first (the SLT kommuner: sort 1–9)."""
    areas = active().areas
    return tuple(c for c in active().kommuner if areas[c].sort < FEATURED_BELOW)


def territory_breaks(area: str) -> tuple[tuple[int, str], ...]:
    """(first year, note) where an area's territory changed: a number starts that year
    whose territory note differs from the one before (Asker 2020: Røyken and Hurum)."""
    codes = sorted(
        (c for c in active().area_codes if c.municipality == area and c.valid_from is not None),
        key=lambda c: c.valid_from or 0,
    )
    before = [c for c in active().area_codes if c.municipality == area and c.valid_from is None]
    out = []
    previous = before[0].territory_note if before else ""
    for code in codes:
        if code.territory_note and previous and code.territory_note != previous:
            out.append((int(code.valid_from or 0), code.territory_note))
        previous = code.territory_note or previous
    return tuple(out)
