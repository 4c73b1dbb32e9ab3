"""Data for the "Om dataene" page: sources, definitions, coverage, symbols, breaks and the
import template, shaped as plain rows so the page module only lays them out.

Everything here is read from the warehouse (queries/sources.sql, coverage.sql,
measures.sql) or from the code that validates the data (dimensions, datafiles), so the
page cannot drift from what the build accepts and what the dashboard holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd

import queries
from dashboard import dataformat
from dashboard import dimensions as dims
from dashboard.figures import MONTHS
from dashboard.words import STRINGS, pick, t
from dashboard.words.numbers import format_number, year_ranges

#: Shown in a coverage cell when an area has no figures for a measure.
NONE = "–"


SOURCE_FIELDS = (
    ("publication", {"nb": "Publikasjon", "en": "Publication"}),
    ("publisher", {"nb": "Utgiver", "en": "Publisher"}),
    ("published", {"nb": "Publisert", "en": "Published"}),
    ("section", {"nb": "Avsnitt", "en": "Section"}),
    ("page", {"nb": "Side", "en": "Page"}),
    ("unit", {"nb": "Enhet", "en": "Unit"}),
    ("counts", {"nb": "Teller", "en": "Counts"}),
    ("definitions", {"nb": "Definisjoner", "en": "Definitions"}),
    ("notes", {"nb": "Merknader", "en": "Notes"}),
    ("licence", {"nb": "Lisens", "en": "Licence"}),
    ("licence_url", {"nb": "Lisens (adresse)", "en": "Licence (address)"}),
    ("source_url", {"nb": "Nettadresse", "en": "Address"}),
    ("accessed", {"nb": "Hentet", "en": "Accessed"}),
    ("file", {"nb": "Datafil", "en": "Data file"}),
    ("held", {"nb": "I databasen", "en": "In the database"}),
)
URL_FIELDS = ("source_url", "licence_url")


# ---------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class Source:
    """One source table: its title and the provenance fields that are filled in."""

    source_id: str
    title: str
    fields: tuple[tuple[str, str, str], ...]  # (field, label, text); URLs are links


def sources(cursor: duckdb.DuckDBPyConnection, lang: str) -> list[Source]:
    """Every source table with its sidecar's provenance and what the warehouse holds."""
    frame = queries.run(cursor, "sources")
    out: list[Source] = []
    for row in frame.to_dict("records"):
        fields: list[tuple[str, str, str]] = []
        for name, label in SOURCE_FIELDS:
            if name == "held":
                text = _held(row, lang)
            elif name == "file":
                text = f"data/{row['file']}"
            else:
                text = _text(row.get(name))
            if text:
                fields.append((name, pick(label, lang), text))
        out.append(Source(row["source_id"], str(row["title"]), tuple(fields)))
    return out


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _held(row: dict, lang: str) -> str:
    facts, missing = int(row["facts"]), int(row["missing"])
    if not facts:
        return ""
    first, last = int(row["first_year"]), int(row["last_year"])
    span = f"{first}–{last}" if last > first else str(first)
    n = format_number(facts, 0, lang)
    m = format_number(missing, 0, lang)
    if lang == "en":
        return f"{n} numbers ({m} of them missing, shown by their symbol), {span}"
    return f"{n} tall ({m} av dem mangler og vises med symbol), {span}"


# ------------------------------------------------------------------------ definitions


def measures(cursor: duckdb.DuckDBPyConnection, lang: str) -> pd.DataFrame:
    """What each measure counts: label, unit and description, in the vocabulary's order."""
    frame = queries.run(cursor, "measures", dimension="measure")
    order = {code: i for i, code in enumerate(dims.MEASURES)}
    frame = frame.assign(_o=frame["code"].map(order)).sort_values("_o")
    suffix = "en" if lang == "en" else "nb"
    return pd.DataFrame(
        {
            t("about.measure", lang): frame[f"label_{suffix}"],
            t("about.unit", lang): frame[f"unit_{suffix}"],
            t("about.counts", lang): frame[f"description_{suffix}"].fillna(""),
        }
    ).reset_index(drop=True)


def measure_descriptions(
    cursor: duckdb.DuckDBPyConnection, lang: str, codes: Sequence[str]
) -> list[tuple[str, str]]:
    """(label, description) of chosen measures, e.g. anmeldelser / personer / forhold."""
    frame = queries.run(cursor, "measures", dimension="measure").set_index("code")
    suffix = "en" if lang == "en" else "nb"
    return [
        (str(frame.at[c, f"label_{suffix}"]), _text(frame.at[c, f"description_{suffix}"]))
        for c in codes
        if c in frame.index
    ]


def place_roles(cursor: duckdb.DuckDBPyConnection, lang: str) -> list[tuple[str, str]]:
    """(label, description) of scene of crime and residence: different populations."""
    frame = queries.run(cursor, "measures", dimension="place_role")
    frame = frame[frame["code"] != dims.TOTAL]
    suffix = "en" if lang == "en" else "nb"
    return [
        (str(r[f"label_{suffix}"]), _text(r[f"description_{suffix}"]) or _text(r["description_nb"]))
        for r in frame.to_dict("records")
    ]


def statuses(cursor: duckdb.DuckDBPyConnection, lang: str) -> pd.DataFrame:
    """SSB's symbols for a missing cell, with what each means."""
    frame = queries.run(cursor, "measures", dimension="status")
    suffix = "en" if lang == "en" else "nb"
    explanations = [
        t(f"about.status.{c}", lang) if f"about.status.{c}" in STRINGS else _text(r)
        for c, r in zip(frame["code"], frame[f"description_{suffix}"], strict=True)
    ]
    return pd.DataFrame(
        {
            t("about.symbol", lang): frame["code"],
            t("about.meaning", lang): frame[f"label_{suffix}"],
            t("about.explanation", lang): explanations,
        }
    )


# --------------------------------------------------------------------------- coverage


def shown_here(area: str) -> bool:
    """Areas this page lists one by one: the featured kommuner and the areas that are not
    kommuner (Norway, police units). The other kommuner have the list of every kommune,
    which says what each one has (a table 357 columns wide says nothing on a phone)."""
    found = dims.active().areas.get(area)
    return found is None or found.kind != "kommune" or area in dims.featured_kommuner()


def other_kommuner() -> int:
    """How many kommuner the page leaves to the list of every kommune."""
    return sum(1 for code in dims.active().kommuner if not shown_here(code))


def coverage(cursor: duckdb.DuckDBPyConnection, lang: str) -> pd.DataFrame:
    """Measure x area: the years with figures, or "–" where there are none.

    Rows follow the vocabulary's order of measures, columns the areas' sort order; an
    area or measure with no figures at all is left out (nothing to say about it). Areas:
    `shown_here`.
    """
    frame = queries.run(cursor, "coverage")
    frame = frame[frame["municipality"].map(shown_here)]
    suffix = "en" if lang == "en" else "nb"
    measure_order = {code: i for i, code in enumerate(dims.MEASURES)}
    areas = (
        frame[["municipality", f"municipality_{suffix}", "municipality_sort"]]
        .drop_duplicates()
        .sort_values("municipality_sort")
    )
    cells = {
        (r["measure"], r["municipality"]): year_ranges(r["years"]) for r in frame.to_dict("records")
    }
    measures_present = sorted(set(frame["measure"]), key=lambda c: measure_order.get(c, 999))
    labels = dict(zip(frame["measure"], frame[f"measure_{suffix}"], strict=False))
    rows = []
    for measure in measures_present:
        row = {t("about.measure", lang): labels[measure]}
        for code, label in zip(areas["municipality"], areas[f"municipality_{suffix}"], strict=True):
            row[str(label)] = cells.get((measure, code), NONE)
        rows.append(row)
    return pd.DataFrame(rows)


# ------------------------------------------------------------------- breaks and events


@dataclass(frozen=True)
class Event:
    iso: str
    when: str  # "1. oktober 2015" / "1 October 2015"
    label: str
    text: str


def _long_date(iso: str, lang: str) -> str:
    d = date.fromisoformat(iso)
    month = MONTHS["en" if lang == "en" else "nb"][d.month - 1]
    return f"{d.day} {month} {d.year}" if lang == "en" else f"{d.day}. {month} {d.year}"


def events(lang: str) -> list[Event]:
    """The events marked on the dashboard's time axes (data/vocab/events.csv), explained."""
    return [
        Event(
            e.date,
            _long_date(e.date, lang),
            e.en if lang == "en" else e.nb,
            e.description_en if lang == "en" else e.description_nb,
        )
        for e in dims.active().events
    ]


def municipality_codes(cursor: duckdb.DuckDBPyConnection, lang: str) -> pd.DataFrame:
    """Municipality numbers and the years they were in force, with territory notes (the
    areas `shown_here`)."""
    frame = queries.run(cursor, "measures", dimension="municipality_code")
    frame = frame[frame["municipality"].map(shown_here)]
    suffix = "en" if lang == "en" else "nb"
    return pd.DataFrame(
        {
            t("about.kommune", lang): frame[f"label_{suffix}"],
            t("about.code", lang): frame["code"],
            t("about.from", lang): [_year(v, "") for v in frame["valid_from"]],
            t("about.to", lang): [_year(v, t("about.today", lang)) for v in frame["valid_to"]],
            t("about.territory", lang): [_text(v) for v in frame["territory_note"]],
        }
    )


def _year(value: Any, open_text: str) -> str:
    if value is None or pd.isna(value):
        return open_text or NONE
    return str(int(value))


def code_chains(cursor: duckdb.DuckDBPyConnection, lang: str) -> list[str]:
    """One line per kommune that changed number: "Bærum: 0219 → 3024 (2020) → 3201 (2024)"."""
    frame = queries.run(cursor, "measures", dimension="municipality_code")
    frame = frame[frame["municipality"].map(shown_here)]
    suffix = "en" if lang == "en" else "nb"
    lines = []
    for _code, group in frame.groupby("municipality", sort=False):
        if len(group) < 2:
            continue
        steps = []
        for r in group.to_dict("records"):
            since = "" if pd.isna(r["valid_from"]) else f" ({int(r['valid_from'])})"
            steps.append(f"{r['code']}{since}")
        notes = [_text(n) for n in group["territory_note"] if _text(n)]
        tail = f" – {'; '.join(dict.fromkeys(notes))}" if notes else ""
        label = group[f"label_{suffix}"].iloc[0]
        lines.append(f"{label}: " + " → ".join(steps) + tail)
    return lines


# ------------------------------------------------------------------- import template


@dataclass(frozen=True)
class TemplateColumn:
    name: str
    required: bool
    default: str
    allowed: str
    codes: tuple[str, ...] = ()


def _codes(vocabulary: dict[str, dims.Code], parent: bool | None = None) -> tuple[str, ...]:
    """Codes of a dimension; `parent` True/False keeps only sub-groups / only groups."""
    return tuple(
        c.code
        for c in vocabulary.values()
        if parent is None or c.code == dims.TOTAL or (c.parent is not None) == parent
    )


def _municipality_codes_text(lang: str) -> str:
    parts = []
    for m in dims.MUNICIPALITIES:
        items = []
        for mc in dims.MUNICIPALITY_CODES:
            if mc.municipality != m:
                continue
            if mc.valid_from is None and mc.valid_to is None:
                items.append(mc.code)
            else:
                span = f"{mc.valid_from or ''}–{mc.valid_to or ''}"
                items.append(f"{mc.code} ({span})")
        if items:
            parts.append(f"{m}: " + ", ".join(items))
    return "; ".join(parts)


def template_columns(lang: str) -> list[TemplateColumn]:
    """The CSV template's columns (dataformat.ALLOWED_COLUMNS), explained in `lang`.

    Allowed codes come from the vocabulary the build validates against; a test checks
    that the columns are exactly the ones the build accepts and the format doc lists.
    """
    nb = lang != "en"
    yes_empty = "tom" if nb else "empty"
    cols = {
        "year": TemplateColumn(
            "year",
            True,
            "",
            f"Heltall, {dataformat.FIRST_YEAR} – i år. For et toårssnitt: periodens siste år."
            if nb
            else f"Whole number, {dataformat.FIRST_YEAR} – this year. For a two-year average: the "
            "last year of the period.",
        ),
        "period": TemplateColumn(
            "period",
            False,
            "året" if nb else "the year",
            "Må stemme med year slik målet sier: året selv (eller tom); for et toårssnitt "
            "«forrige år-year», f.eks. 2019-2020 for 2020; for folkemengde en dato i året, "
            "f.eks. 1.1.2019."
            if nb
            else "Must agree with year as the measure says: the year itself (or empty); for a "
            "two-year average 'previous year-year', e.g. 2019-2020 for 2020; for population a "
            "date in the year, e.g. 1.1.2019.",
        ),
        "municipality": TemplateColumn(
            "municipality",
            True,
            "",
            "Området tallet gjelder (oslo-pd = Oslo politidistrikt)."
            if nb
            else "The area the number is for (oslo-pd = Oslo police district).",
            tuple(dims.MUNICIPALITIES),
        ),
        "municipality_code": TemplateColumn(
            "municipality_code",
            False,
            yes_empty,
            (
                "Et kommunenummer kommunen hadde i perioden: "
                if nb
                else "A number the municipality had during the period: "
            )
            + _municipality_codes_text(lang),
        ),
        "measure": TemplateColumn(
            "measure",
            True,
            "",
            "Hva tallet teller (se «Hva tallene teller»)."
            if nb
            else "What the number counts (see “What the numbers count”).",
            tuple(dims.MEASURES),
        ),
        "place_role": TemplateColumn(
            "place_role",
            False,
            dims.TOTAL,
            "Gjerningssted, bosted, eller alle (ikke relevant)."
            if nb
            else "Scene of crime, residence, or alle (not applicable).",
            _codes(dims.PLACE_ROLES),
        ),
        "residence": TemplateColumn(
            "residence",
            False,
            dims.TOTAL,
            "De mistenktes bosted; alle = den publiserte totalen."
            if nb
            else "The suspects' residence; alle = the published total.",
            _codes(dims.RESIDENCES),
        ),
        "age_group": TemplateColumn(
            "age_group",
            False,
            dims.TOTAL,
            "Aldersgruppe." if nb else "Age group.",
            _codes(dims.AGE_GROUPS),
        ),
        "sex": TemplateColumn(
            "sex", False, dims.TOTAL, "Kjønn." if nb else "Sex.", _codes(dims.SEXES)
        ),
        "offence_group": TemplateColumn(
            "offence_group",
            False,
            dims.TOTAL,
            "Lovbruddsgruppe; alle = alle lovbrudd (den publiserte totalen)."
            if nb
            else "Offence group; alle = all offences (the published total).",
            _codes(dims.OFFENCE_GROUPS, parent=False),
        ),
        "offence_subgroup": TemplateColumn(
            "offence_subgroup",
            False,
            dims.TOTAL,
            "En undergruppe av radens offence_group, eller alle."
            if nb
            else "A sub-group of the row's offence_group, or alle.",
            _codes(dims.OFFENCE_GROUPS, parent=True),
        ),
        "category": TemplateColumn(
            "category",
            False,
            dims.TOTAL,
            "Kategori: oppfølgingsnivå, trinn i Trygghetsprogrammet, ideologi, Ungdata-tema …"
            if nb
            else "Category: follow-up level, Safety Programme stage, ideology, Ungdata topic …",
            _codes(dims.CATEGORIES),
        ),
        "value": TemplateColumn(
            "value",
            True,
            "",
            "Tallet slik det er publisert, med sifrene 0-9, punktum som desimaltegn, uten "
            "tusenskille. Et antall er et helt tall (1234, ikke 1.234 eller 1 234). Tomt når "
            "kilden mangler tallet, og da sier status hvorfor."
            if nb
            else "The number as published, digits 0-9, '.' as decimal separator, no thousands "
            "separator. A count is a whole number (1234, not 1.234 or 1 234). Empty when the "
            "source lacks it, and then status says why.",
        ),
        "status": TemplateColumn(
            "status",
            False,
            yes_empty,
            "Tom for et tall. For en tom celle et av SSBs symboler (se «Symboler»)."
            if nb
            else "Empty for a number. For a missing cell one of Statistics Norway's symbols (see "
            "“Symbols”).",
            tuple(dims.STATUSES),
        ),
        "section": TemplateColumn(
            "section",
            False,
            "metadatafilens" if nb else "the sidecar's",
            "Avsnitt eller side der tallet står, når det er et annet enn metadatafilens."
            if nb
            else "Section or page where the number is printed, when it differs from the sidecar's.",
        ),
        "quote": TemplateColumn(
            "quote",
            False,
            yes_empty,
            "Setningen eller tabellraden tallet er lest fra, slik den er trykt."
            if nb
            else "The sentence or table row the number was read from, as printed.",
        ),
        "note": TemplateColumn(
            "note",
            False,
            yes_empty,
            "Det en leser må vite (tap i OCR, omtrentlige tall som «ca.»)."
            if nb
            else "Anything a reader must know (OCR losses, approximations like “ca.”).",
        ),
        "page": TemplateColumn(
            "page",
            False,
            "metadatafilens" if nb else "the sidecar's",
            "Sidetallet der rapporten trykker tallet." if nb else "The page the report prints.",
        ),
    }
    return list(cols.values())  # the order of docs/data-format.md


def sidecar_keys(lang: str) -> list[tuple[str, bool, str]]:
    """(key, required, what it holds) for every key the build accepts in a sidecar."""
    return [
        (key, key in dataformat.SIDECAR_REQUIRED, t(f"about.sidecar.{key}", lang))
        for key in (*dataformat.SIDECAR_REQUIRED, *dataformat.SIDECAR_OPTIONAL)
    ]


EXAMPLE_CSV = """year,municipality,municipality_code,measure,place_role,age_group,sex,value,status,note
2021,asker,3025,anmeldelser,gjerningssted,10-14,jenter,12,,
2021,asker,3025,anmeldelser,gjerningssted,10-14,gutter,,:,suppressed by the police (under 5)
"""

EXAMPLE_META = """title: "Anmeldelser for mistenkte 10-17 år med gjerningssted i Asker"
publisher: "Asker kommune og Oslo politidistrikt"
publication: "SLT årsrapport 2021, Asker kommune"
published: "2022"
section: "2.1 Politiets kriminalitetsstatistikk"
unit: "anmeldelser"
counts: "anmeldelser; gjerningssted"
licence: "Offentlig dokument. Gjengitt med kildehenvisning."
"""

IMPORT_COMMAND = "slt-dashboard import FIL.csv"
IMPORT_COMMAND_EN = "slt-dashboard import FILE.csv"
