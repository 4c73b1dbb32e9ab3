#!/usr/bin/env python3
"""Convert the public reference files into tidy data files and generated code lists.

Usage:
    python scripts/convert_reference.py [sources/reference] [--out data]

Reads every file of sources/reference/ (one published number per row, see its README) and
writes, in the format of docs/data-format.md, each data file with its `.meta.yml` sidecar:

- `ssb-07459-befolkning.csv`, `ssb-08487-anmeldte-lovbrudd-snitt.csv`, `ssb-norge-per1000.csv`
  from public-figures.csv: population on 1 January (Bærum, Asker, Oslo, 2010-2023), offences
  by scene of crime as two-year averages (the three and Norway), Norway's benchmarks;
- `ssb-07459-befolkning-kommuner.csv` and `ssb-08487-anmeldte-lovbrudd-snitt-kommuner.csv`
  from population-all-kommuner.csv and offences-all-kommuner.csv: every other kommune;
- one file per quoted source (the SaLTo series as the press quotes it, the police district,
  Norway's under-18 benchmarks, SSB tables read on SSB's pages, survey shares) from
  youth-figures*.csv, public-figures-added.csv and the rest of public-figures.csv;
- the code lists `vocab/areas.kommuner.csv`, `vocab/area_codes.kommuner.csv` (every kommune)
  and `vocab/peer_groups.csv` (ASSS).

Every reference row is mapped, or listed here as left out with the reason; a row this script
does not know stops the conversion instead of being skipped. Values are copied as published
(never recomputed or rounded). What a reader sees (publication, section, title, notes) is
written in Norwegian; what a number was read from stays in each row's quote and the source's
address. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import NamedTuple, NoReturn

#: The reference files as kept in the repository (sources/README.md).
REFERENCE_DIR = Path(__file__).resolve().parent.parent / "sources" / "reference"

COLUMNS = [
    "year",
    "period",
    "municipality",
    "municipality_code",
    "measure",
    "place_role",
    "residence",
    "age_group",
    "sex",
    "offence_group",
    "offence_subgroup",
    "category",
    "value",
    "status",
    "section",
    "quote",
    "note",
]

SIDECAR_KEYS = [
    "title",
    "publisher",
    "publication",
    "published",
    "section",
    "page",
    "unit",
    "counts",
    "definitions",
    "notes",
    "licence",
    "source_url",
]

LICENCE_SSB = "Statistisk sentralbyrå, CC BY 4.0"

YOUTH = "youth-figures.csv"
YOUTH_ADDED = "youth-figures-added.csv"
PUBLIC = "public-figures.csv"
PUBLIC_ADDED = "public-figures-added.csv"

#: Reference `municipality` labels -> warehouse municipality codes.
MUNICIPALITIES = {
    "Bærum": "baerum",
    "Asker (pre-2020 boundaries, excl. Røyken and Hurum)": "asker",
    "Asker (2020 boundaries, incl. former Røyken and Hurum)": "asker",
    "Oslo": "oslo",
    "Norway (whole country)": "norge",
    "Norway (all)": "norge",
    "Norway (all, incl. Svalbard/abroad/unknown scene)": "norge",
}

#: Municipality numbers the warehouse accepts, with the years they were in force
#: (mirrors dashboard/dimensions.py MUNICIPALITY_CODES; checked here so a bad row fails early).
CODES_IN_FORCE = {
    ("baerum", "0219"): (None, 2019),
    ("baerum", "3024"): (2020, 2023),
    ("baerum", "3201"): (2024, None),
    ("asker", "0220"): (None, 2019),
    ("asker", "3025"): (2020, 2023),
    ("asker", "3203"): (2024, None),
    ("oslo", "0301"): (None, None),
    ("norge", "0"): (None, None),
}

#: SSB's offence groups (StatBank 08487, 2015 classification) -> warehouse offence groups.
OFFENCE_GROUPS = {
    "all_offences": "alle",
    "property_theft": "ssb_eiendomstyveri",
    "violence_and_maltreatment": "ssb_vold",
    "drug_and_alcohol_offences": "ssb_rusmiddel",
    "public_order_and_integrity_violations": "ssb_orden",
    "traffic_offences": "ssb_trafikk",
    "other_offences_incl_other_profit_criminal_damage_sexual": "ssb_annet",
}

POPULATION_AGES = {
    "all ages (derived: sum of 106 single-year-age cells 0..'105 years or older')": "alle",
    "10-17 (derived: sum of single-year ages)": "10-17",
    "15-17 (derived: sum of single-year ages)": "15-17",
}

ASKER_NOTES = {
    "0220": (
        "Asker 0220 = det gamle området (før 2020, uten Røyken og Hurum). "
        "Kan ikke sammenlignes med 3025."
    ),
    "3025": (
        "Asker 3025 = det nye området fra 1. januar 2020 (slått sammen med Røyken og Hurum). "
        "Kan ikke sammenlignes med 0220."
    ),
    "3203": (
        "Asker 3203 = samme område som 3025 (nytt nummer fra 2024), ikke Asker før 2020 (0220)."
    ),
}

SECONDARY_TABLE_MARK = "secondary copy"
TABLE_344377 = "SSB release table 344377 (StatBank 08487)"


class ConversionError(Exception):
    """A reference row that cannot be mapped honestly."""


def fail(row_no: int, message: str) -> NoReturn:
    raise ConversionError(f"public-figures.csv line {row_no}: {message}")


def read_reference(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        # line 1 is the header
        return [(i + 2, row) for i, row in enumerate(reader)]


def municipality(row_no: int, row: dict[str, str]) -> str:
    try:
        return MUNICIPALITIES[row["municipality"]]
    except KeyError:
        fail(row_no, f"unknown municipality label {row['municipality']!r}")


def check_code(row_no: int, muni: str, code: str, first_year: int, last_year: int) -> None:
    span = CODES_IN_FORCE.get((muni, code))
    if span is None:
        fail(row_no, f"municipality code {code!r} is not a code of {muni}")
    start, end = span
    if (start is not None and last_year < start) or (end is not None and first_year > end):
        fail(
            row_no,
            f"municipality code {code} of {muni} was not in force in {first_year}-{last_year}",
        )


def offence_group(row_no: int, label: str) -> str:
    try:
        return OFFENCE_GROUPS[label]
    except KeyError:
        fail(row_no, f"unknown offence group {label!r}")


def check_value(row_no: int, value: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+)?", value):
        fail(row_no, f"value {value!r} is not a plain non-negative number")
    return value


def two_year_period(row_no: int, period: str) -> int:
    m = re.fullmatch(r"(\d{4})-(\d{4})", period)
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        fail(row_no, f"period {period!r} is not a two-year period YYYY-YYYY")
    return int(m.group(2))


def base_row(**values: object) -> dict[str, str]:
    out = {c: "" for c in COLUMNS}
    out.update(
        {
            "place_role": "alle",
            "residence": "alle",
            "age_group": "alle",
            "sex": "alle",
            "offence_group": "alle",
            "offence_subgroup": "alle",
            "category": "alle",
        }
    )
    for k, v in values.items():
        if k not in out:
            raise KeyError(k)
        out[k] = str(v)
    return out


# --------------------------------------------------------------------------- population


def population_rows(
    reference: list[tuple[int, dict[str, str]]], used: set[int] | None = None
) -> tuple[list[dict[str, str]], list[str]]:
    rows = []
    urls: list[str] = []
    for row_no, r in reference:
        if r["measure"] != "population_derived_sum":
            continue
        muni = municipality(row_no, r)
        if muni not in ("baerum", "asker", "oslo"):
            fail(row_no, f"population row for unexpected municipality {muni}")
        m = re.fullmatch(r"(\d{4})-01-01", r["period"])
        if not m:
            fail(row_no, f"population period {r['period']!r} is not a 1 January date")
        year = int(m.group(1))
        code = r["municipality_code"]
        check_code(row_no, muni, code, year, year)
        if r["age_group"] not in POPULATION_AGES:
            fail(row_no, f"unknown population age group {r['age_group']!r}")
        note = ASKER_NOTES[code] if muni == "asker" else ""
        if used is not None:
            used.add(row_no)
        rows.append(
            base_row(
                year=year,
                period=f"1.1.{year}",
                municipality=muni,
                municipality_code=code,
                measure="befolkning",
                age_group=POPULATION_AGES[r["age_group"]],
                value=check_value(row_no, r["value"]),
                quote=r["quoted_cells"],
                note=note,
            )
        )
        if r["source_url"] not in urls:
            urls.append(r["source_url"])
    return rows, urls


# ------------------------------------------------------------------ 08487 two-year averages


def offences_avg_rows(
    reference: list[tuple[int, dict[str, str]]], used: set[int] | None = None
) -> tuple[list[dict[str, str]], list[str]]:
    rows = []
    urls: list[str] = []
    for row_no, r in reference:
        if (
            r["measure"] != "reported_offences_two_year_avg"
            or SECONDARY_TABLE_MARK not in r["table"]
        ):
            continue
        muni = municipality(row_no, r)
        year = two_year_period(row_no, r["period"])
        code = r["municipality_code"]
        check_code(row_no, muni, code, year - 1, year)
        note = ASKER_NOTES[code] if muni == "asker" else ""
        if used is not None:
            used.add(row_no)
        rows.append(
            base_row(
                year=year,
                period=r["period"],
                municipality=muni,
                municipality_code=code,
                measure="anmeldte_lovbrudd_snitt",
                place_role="gjerningssted",
                offence_group=offence_group(row_no, r["offence_group"]),
                value=check_value(row_no, r["value"]),
                quote=r["quoted_cells"],
                note=note,
            )
        )
        if r["source_url"] not in urls:
            urls.append(r["source_url"])
    return rows, urls


# --------------------------------------------------------------------------- Norway benchmarks


def norway_rows(
    reference: list[tuple[int, dict[str, str]]], used: set[int] | None = None
) -> tuple[list[dict[str, str]], list[tuple[str, str, str]]]:
    rows = []
    sources: list[tuple[str, str, str]] = []
    for row_no, r in reference:
        measure = r["measure"]
        if r["municipality_code"] != "0" or r["municipality"] not in MUNICIPALITIES:
            continue
        if SECONDARY_TABLE_MARK in r["table"]:
            continue  # the secondary copy goes to ssb-08487-anmeldte-lovbrudd-snitt
        if measure == "reported_offences_per_1000_two_year_avg":
            year = two_year_period(row_no, r["period"])
            new = dict(
                period=r["period"],
                measure="anmeldte_lovbrudd_per1000_snitt",
                place_role="gjerningssted",
                note=(
                    "Gjennomsnitt av to år per 1 000 innbyggere, slik SSB har publisert det. "
                    "Periodene overlapper og skal ikke summeres."
                ),
            )
        elif measure == "reported_offences_two_year_avg" and r["table"] == TABLE_344377:
            year = two_year_period(row_no, r["period"])
            new = dict(
                period=r["period"],
                measure="anmeldte_lovbrudd_snitt",
                place_role="gjerningssted",
                note=(
                    "Gjennomsnitt av to år (lovbrudd per år), absolutt tall fra samme SSB-tabell "
                    "som radene per 1 000 innbyggere. Periodene overlapper og skal ikke summeres."
                ),
            )
        elif measure == "reported_offences_per_1000":
            year = int(r["period"])
            new = dict(
                period=r["period"],
                measure="anmeldte_lovbrudd_per1000",
                note="Anmeldte lovbrudd per 1 000 innbyggere i året, slik SSB har publisert det.",
            )
            if year < 2015:
                new["note"] += (
                    " Tallet er fra før ny straffelov trådte i kraft i 2015 og kan ikke "
                    "sammenlignes med senere lovbruddsgrupper."
                )
        elif measure == "reported_offences" and r["offence_group"] == "all_offences":
            year = int(r["period"])
            new = dict(
                period=r["period"],
                measure="anmeldte_lovbrudd",
                note=(
                    "Anmeldte lovbrudd i året for hele landet (alle typer lovbrudd), medregnet "
                    "Svalbard, utlandet og ukjent gjerningssted."
                ),
            )
        else:
            continue
        if (
            r["municipality"] == "Norway (all, incl. Svalbard/abroad/unknown scene)"
            and "Svalbard" not in new["note"]
        ):
            new["note"] += " Omfatter Svalbard, utlandet og ukjent gjerningssted."
        check_code(row_no, "norge", "0", year, year)
        if used is not None:
            used.add(row_no)
        rows.append(
            base_row(
                year=year,
                municipality="norge",
                municipality_code="0",
                offence_group=offence_group(row_no, r["offence_group"]),
                value=check_value(row_no, r["value"]),
                section=NORWAY_SECTIONS[r["table"]],
                quote=r["quoted_cells"],
                **new,
            )
        )
        src = (r["source_title"], r["source_url"], r["table"])
        if src not in sources:
            sources.append(src)
    return rows, sources


def ssb_file_lines(reference: list[tuple[int, dict[str, str]]]) -> set[int]:
    """The lines of public-figures.csv that the three SSB files above hold."""
    used: set[int] = set()
    population_rows(reference, used)
    offences_avg_rows(reference, used)
    norway_rows(reference, used)
    return used


# --------------------------------------------------------------------------- output


def check_unique(name: str, rows: list[dict[str, str]]) -> None:
    dims = [
        c
        for c in COLUMNS
        if c not in ("municipality_code", "value", "status", "section", "quote", "note")
    ]
    seen = set()
    for r in rows:
        key = tuple(r[c] for c in dims)
        if key in seen:
            raise ConversionError(f"{name}: duplicate key {key}")
        seen.add(key)


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    rows = sorted(
        rows,
        key=lambda r: (
            r["measure"],
            r["municipality"],
            r["age_group"],
            r["offence_group"],
            int(r["year"]),
            r["period"],
        ),
    )
    # An optional column that is empty in every row is left out, so it takes its default
    # (for `section`: the sidecar's) instead of an explicit empty value.
    columns = [c for c in COLUMNS if c not in ("section",) or any(r[c] for r in rows)]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def write_sidecar(path: Path, meta: dict[str, str], origin: str = PUBLIC) -> None:
    """The sidecar; `origin` names the reference file(s) the rows come from."""
    unknown = set(meta) - set(SIDECAR_KEYS)
    if unknown:
        raise KeyError(unknown)
    with path.open("w", encoding="utf-8") as f:
        where = ", ".join(f"sources/reference/{name}" for name in origin.split(", "))
        f.write(f"# Written by scripts/convert_reference.py from {where}\n")
        for key in SIDECAR_KEYS:
            if key in meta:
                # A JSON string is a valid YAML double-quoted scalar.
                f.write(f"{key}: {json.dumps(meta[key], ensure_ascii=False)}\n")


# The words a reader sees (publication, section, title, licence, notes, definitions) are
# Norwegian and free of column names and transcription remarks; where a number was read,
# how, and from which copy is said in Norwegian in `notes`, and each row's `quote` keeps
# the text as printed.

COMMON_CAVEATS = (
    "Hentet fra prosjektets referansefil public-figures.csv, der hvert tall står med kilden og "
    "teksten det er lest fra (gjengitt som sitat i hver rad). Ingenting er anslått eller "
    "regnet om."
)

PUBLICATION_07459 = "SSB, tabell 07459 via niphr/csdata"
DEFINITIONS_07459 = (
    "Folkemengde 1. januar (SSB, tabell 07459). Aldersgruppene (alle aldre, 10–17 år og 15–17 "
    "år) er summer av SSBs tall for hvert enkelt alderstrinn, regnet ut i referansefilen; "
    "hvilke tall som er lagt sammen, står i sitatet i hver rad. Summene er ikke tall SSB selv "
    "har publisert, men referansefilen har kontrollert at de stemmer med totaler SSB har "
    "publisert."
)
NOTES_07459 = (
    "SSBs egne uttrekk fra Statistikkbanken (tabell 07459), slik de er lagret i "
    "Folkehelseinstituttets åpne kodebibliotek niphr/csdata på GitHub; oppgi dem som «SSB "
    "07459 via niphr/csdata». Noen regionnavn i sitatene har et erstatningstegn (f.eks. "
    "«B\ufffdrum» for Bærum) eller et hardt mellomrom, slik som i uttrekket."
)
PUBLICATION_08487 = "SSB, tabell 08487 via Samarbeidsdesken"
SOURCE_08487 = (
    "https://github.com/chrilur/lovbrudd/blob/f55604707185ad25df8727a67a506d0699df8225/"
    "anmeldt_20-24.csv"
)
DEFINITIONS_08487 = (
    "Lovbrudd anmeldt til politiet etter gjerningssted, det vil si kommunen der lovbruddet "
    "skjedde, uansett hvem som begikk det. Hvert tall er et gjennomsnitt av to påfølgende år "
    "(lovbrudd per år); året som vises, er periodens siste år. Lovbruddsgruppene er SSBs "
    "inndeling fra 2015: eiendomstyveri; vold og mishandling; rusmiddellovbrudd; ordens- og "
    "integritetskrenkelser; trafikklovbrudd; og annet, som omfatter annen vinningskriminalitet, "
    "skadeverk, seksuallovbrudd og andre lovbrudd. «Alle lovbrudd» er SSBs publiserte total."
)
NOTES_08487 = (
    "Toårssnittene overlapper med ett år (2020–2021, 2021–2022 osv.). De er ikke tall for "
    "ett år og skal ikke legges sammen. Snittene er avrundet, så gruppene blir ikke alltid "
    "nøyaktig lik totalen (en forskjell på 1–2 er ventet); totalen er SSBs eget tall og "
    "vises slik. SSB publiserer tall for en kommune bare når det er flere enn fire "
    "lovbrudd; et skjult tall står som «:», aldri som null. Tallene er SSBs, hentet fra en "
    "rensket kopi som journalister i Samarbeidsdesken (Christian Lura) har laget og tilpasset "
    "dagens kommuner (github.com/chrilur/lovbrudd, filen anmeldt_20-24.csv)."
)

#: Norwegian names of the SSB pages the Norway benchmarks come from (reference `table`).
NORWAY_SECTIONS = {
    "SSB release table 344377 (StatBank 08487)": (
        "Tabell 344377 (Statistikkbanken 08487), publisert 21. mars 2018"
    ),
    "SSB lovbrudda release 2019-03-27, Table 1": (
        "Anmeldte lovbrudd, tabell 1, publisert 27. mars 2019"
    ),
    "SSB lovbrudda release 2019-03-27, key figures": (
        "Anmeldte lovbrudd, nøkkeltall, publisert 27. mars 2019"
    ),
    "SSB release 2013-05-03, key table": (
        "Anmeldte lovbrudd og ofre 2012, nøkkeltall, publisert 3. mai 2013"
    ),
}


def convert(reference_path: Path, out_dir: Path) -> dict[str, int]:
    reference = read_reference(reference_path)
    counts: dict[str, int] = {}

    # (1) population
    rows, urls = population_rows(reference)
    check_unique("ssb-07459-befolkning", rows)
    write_csv(out_dir / "ssb-07459-befolkning.csv", rows)
    write_sidecar(
        out_dir / "ssb-07459-befolkning.meta.yml",
        {
            "title": "Folkemengde 1. januar etter kommune og alder",
            "publisher": "Statistisk sentralbyrå (SSB)",
            "publication": PUBLICATION_07459,
            "published": "2023-04-21",
            "section": "Folkemengde 1. januar (sum av ettårige aldersgrupper)",
            "unit": "innbyggere (1. januar)",
            "counts": "befolkning 1. januar; alle aldre, 10–17 år, 15–17 år",
            "definitions": DEFINITIONS_07459,
            "notes": (
                COMMON_CAVEATS
                + " "
                + NOTES_07459
                + " Asker: 0220 er det gamle området (til og med 2019, uten Røyken og Hurum), "
                "3025 det nye (fra 1. januar 2020, slått sammen med Røyken og Hurum). De to må "
                "ikke kobles sammen til én linje uten at bruddet er markert. Bærums område er "
                "uendret (0219 til og med 2019, 3024 fra 2020, 3201 fra 2024). Kildefiler: "
                + "; ".join(urls)
            ),
            "licence": LICENCE_SSB,
            "source_url": urls[0] if urls else "",
        },
    )
    counts["ssb-07459-befolkning"] = len(rows)

    # (2) reported offences, two-year averages (SSB 08487 via Samarbeidsdesken's copy)
    rows, urls = offences_avg_rows(reference)
    check_unique("ssb-08487-anmeldte-lovbrudd-snitt", rows)
    write_csv(out_dir / "ssb-08487-anmeldte-lovbrudd-snitt.csv", rows)
    if urls and urls != [SOURCE_08487]:
        raise ConversionError(f"public-figures.csv: 08487 rows from {urls}, not {SOURCE_08487}")
    write_sidecar(
        out_dir / "ssb-08487-anmeldte-lovbrudd-snitt.meta.yml",
        {
            "title": (
                "Anmeldte lovbrudd etter gjerningssted (kommune) og lovbruddsgruppe, gjennomsnitt "
                "av to år"
            ),
            "publisher": "Statistisk sentralbyrå (SSB)",
            "publication": PUBLICATION_08487,
            "published": "2025-12-19",
            "section": "Anmeldte lovbrudd etter gjerningssted, toårssnitt",
            "unit": "lovbrudd per år (snitt av to år)",
            "counts": "anmeldte lovbrudd; gjerningssted",
            "definitions": DEFINITIONS_08487,
            "notes": (
                COMMON_CAVEATS
                + " "
                + NOTES_08487
                + " Denne filen har Bærum, Asker, Oslo og hele landet; de andre kommunene står i "
                "ssb-08487-anmeldte-lovbrudd-snitt-kommuner, fra samme kilde. Asker er området "
                "etter 2020 (3025; 3203 fra 2024), Bærum 3024 (3201 fra 2024, samme område)."
            ),
            "licence": LICENCE_SSB,
            "source_url": SOURCE_08487,
        },
    )
    counts["ssb-08487-anmeldte-lovbrudd-snitt"] = len(rows)

    # (3) Norway benchmarks from SSB's own pages
    rows, sources = norway_rows(reference)
    check_unique("ssb-norge-per1000", rows)
    write_csv(out_dir / "ssb-norge-per1000.csv", rows)
    write_sidecar(
        out_dir / "ssb-norge-per1000.meta.yml",
        {
            "title": "Anmeldte lovbrudd, hele landet: per 1 000 innbyggere og totalt",
            "publisher": "Statistisk sentralbyrå (SSB)",
            "publication": "SSB, statistikken Anmeldte lovbrudd og ofre",
            "published": "2019-03-27",
            "section": "Hele landet: totalt og per 1 000 innbyggere",
            "unit": "per 1 000 innbyggere; lovbrudd",
            "counts": "anmeldte lovbrudd, hele landet",
            "definitions": (
                "Per 1 000 innbyggere, toårssnitt, og toårssnitt i absolutte tall: SSBs tabell "
                "344377 (Statistikkbanken 08487), anmeldte lovbrudd etter gjerningssted, "
                "gjennomsnitt for 2016–2017, sju lovbruddsgrupper (som i "
                "ssb-08487-anmeldte-lovbrudd-snitt). Per 1 000 innbyggere i ett år: SSBs "
                "nøkkeltall for 2018 og 2012. Anmeldte lovbrudd i året: alle typer lovbrudd for "
                "hele landet (SSBs tabell 1, 2010–2018)."
            ),
            "notes": (
                COMMON_CAVEATS
                + " Tallene er hentet fra flere SSB-sider; hver rad oppgir hvilken tabell og "
                "publiseringsdato den er fra, og publiseringsdatoen for filen er den nyeste av "
                "dem. Sidene (de fleste i SSBs engelske utgave): "
                + "; ".join(
                    f"{NORWAY_SECTIONS[table]} («{title}»): {url}" for title, url, table in sources
                )
                + ". Toårssnitt overlapper og skal ikke legges sammen. Totalene for hele landet "
                "omfatter Svalbard, utlandet og ukjent gjerningssted. Tallet for 2012 er fra før "
                "ny straffelov trådte i kraft i 2015 (lovbruddsgruppene kan ikke sammenlignes)."
            ),
            "licence": LICENCE_SSB,
            "source_url": sources[0][1] if sources else "",
        },
    )
    counts["ssb-norge-per1000"] = len(rows)
    return counts


# ------------------------------------------------------------- quoted sources (by line)
#
# Everything else in the reference files is a number quoted by one source: Oslo's youth-
# crime figures from the yearly SaLTo report ("Barne- og ungdomskriminalitet i Oslo") as
# the press, Oslo kommune and the police quote them, a few Oslo police district figures,
# Norway's under-18 benchmarks, SSB tables read on SSB's pages, survey shares. Each row of
# youth-figures.csv, youth-figures-added.csv, public-figures-added.csv and the part of
# public-figures.csv that the three SSB files above do not hold is mapped below by its line
# (so a changed reference file stops the conversion), or listed as left out with the
# reason. One data file per source (its address), so where two sources disagree both are
# kept as editions and the newer is shown.
#
# Bases are kept apart: SaLTo figures (Oslo kommune, scene of crime Oslo), the Oslo police
# district (Oslo, Asker and Bærum), and figures whose basis the source does not state
# (place role `ikke_oppgitt`) are different areas or place roles, so no series mixes them.
# A quoted percentage stays a percentage (a share, or a published change from the year
# before); it is never turned into a count.


SALTO = dict(municipality="oslo", place_role="gjerningssted")
OPD = dict(municipality="oslo-pd", place_role="gjerningssted")
#: Police-district figures from the press summaries of the district's yearly statistics,
#: which do not name the basis; filed, as before, without a place role.
OPD_YEARLY = dict(municipality="oslo-pd")
#: Oslo figures whose source does not say whether they count offences in Oslo or by
#: people living in Oslo (the TV 2 figures of 2023).
NOT_STATED = dict(municipality="oslo", place_role="ikke_oppgitt")
GJENG = "gjengangere_4pluss_forhold"
_OSLO, _NORGE = "oslo", "norge"

#: line in youth-figures.csv -> (year, dimensions). The value is copied from the row.
YOUTH_MAP: dict[int, tuple[int, dict[str, str]]] = {
    2: (2017, dict(SALTO, measure="forhold", age_group="10-17")),
    3: (2016, dict(SALTO, measure="forhold", age_group="10-17")),
    4: (2015, dict(SALTO, measure="personer", age_group="10-17")),
    5: (2017, dict(SALTO, measure="personer", age_group="10-17")),
    6: (2016, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    7: (2017, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    10: (2015, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    11: (2018, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    12: (2018, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    13: (2018, dict(SALTO, measure="personer", age_group="10-17")),
    14: (2019, dict(SALTO, measure="personer", age_group="10-17")),
    15: (2019, dict(SALTO, measure="personer_endring_prosent", age_group="10-17")),
    16: (2019, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    17: (2020, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    18: (2020, dict(OPD, measure="anmeldelser", age_group="under-18")),
    19: (2020, dict(OPD, measure="anmeldelser_endring_prosent", age_group="under-18")),
    20: (2021, dict(OPD, measure="personer", age_group="under-18", category=GJENG)),
    23: (2016, dict(SALTO, measure="forhold", age_group="under-18")),
    24: (2016, dict(SALTO, measure="forhold_endring_prosent", age_group="under-18")),
    25: (2016, dict(SALTO, measure="personer", age_group="under-18")),
    26: (2016, dict(SALTO, measure="personer", age_group="under-15")),
    27: (2015, dict(SALTO, measure="personer", age_group="under-15")),
    28: (2016, dict(SALTO, measure="forhold", age_group="under-18", sex="jenter")),
    29: (2015, dict(SALTO, measure="forhold", age_group="under-18", sex="jenter")),
    30: (2015, dict(SALTO, measure="forhold", age_group="under-18", offence_group="narkotika")),
    31: (2016, dict(SALTO, measure="forhold", age_group="under-18", offence_group="narkotika")),
    33: (2015, dict(SALTO, measure="forhold_andel", age_group="under-18", sex="jenter")),
    34: (2016, dict(SALTO, measure="forhold_andel", age_group="under-18", sex="jenter")),
    35: (
        2014,
        dict(
            SALTO,
            measure="personer",
            age_group="under-18",
            offence_group="vinning",
            offence_subgroup="ran",
        ),
    ),
    36: (
        2014,
        dict(
            SALTO,
            measure="anmeldelser",
            age_group="under-18",
            offence_group="vinning",
            offence_subgroup="ran",
        ),
    ),
    37: (2014, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    38: (2014, dict(SALTO, measure="forhold", age_group="under-18", category=GJENG)),
    39: (2014, dict(SALTO, measure="personer", age_group="18-22", category=GJENG)),
    40: (2014, dict(SALTO, measure="personer", age_group="18-22", sex="gutter", category=GJENG)),
    41: (2014, dict(SALTO, measure="personer", age_group="18-22", sex="jenter", category=GJENG)),
    42: (2013, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    44: (2015, dict(SALTO, measure="forhold_endring_prosent", age_group="under-18")),
    46: (
        2015,
        dict(SALTO, measure="personer_endring_prosent", age_group="under-18", category=GJENG),
    ),
    47: (2015, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    48: (
        2015,
        dict(SALTO, measure="personer", age_group="under-18", category="gjengangere_10pluss"),
    ),
    49: (
        2017,
        dict(SALTO, measure="personer", age_group="under-18", category="gjengangere_10pluss"),
    ),
    50: (2017, dict(SALTO, measure="forhold_andel", age_group="under-18", category=GJENG)),
    55: (
        2020,
        dict(
            OPD,
            measure="anmeldelser",
            age_group="10-17",
            offence_group="vinning",
            offence_subgroup="ran",
        ),
    ),
}

_PART_YEAR = (
    "part of a year: a figure for a year is a whole calendar year, and no measure holds part-years"
)
_NOT_YEAR_ON_YEAR = (
    "a change against something other than the year before (a published change is stored "
    "only from one whole year to the next, as its own measure)"
)
YOUTH_LEFT_OUT = {
    8: "a police station area (Grønland) inside Oslo: no area code for parts of a kommune",
    9: "a change for a police station area (Majorstuen) inside Oslo: no area code for parts "
    "of a kommune",
    21: "the wording does not say which years are compared («gikk ned 4 % fra i 2021»)",
    22: _NOT_YEAR_ON_YEAR + ": against the average of the five years before the pandemic",
    32: "violent incidents with four or more suspects: no measure counts incidents",
    43: _NOT_YEAR_ON_YEAR + ": over ten years",
    45: "a cohort share (2014 offenders not registered again in 2015), not a figure for a year",
    51: _PART_YEAR + " (first half of 2017)",
    52: _PART_YEAR + " (a change from the first half of 2016 to the first half of 2017)",
    53: _PART_YEAR + " (first half of 2017)",
    54: _PART_YEAR + " (a change from the first half of 2016 to the first half of 2017)",
    56: _PART_YEAR + " (2021 to about 23 September)",
    57: _PART_YEAR + " (January-July 2019)",
    58: _PART_YEAR + " (January-July 2020)",
    59: _PART_YEAR + " (a change from January-July 2019 to January-July 2020)",
    60: _PART_YEAR + " (a change from January-July 2019 to January-July 2020)",
    61: _PART_YEAR + " (January-July 2020)",
    62: _PART_YEAR + " (2015, probably January-July; wording ambiguous)",
    63: "a cohort (persons with 4+ offences in a year, 2015-2018), not a figure for a year",
    64: "offences of a cohort counted over several years, not a figure for a year",
    65: _PART_YEAR + " (January-October 2019), Asker and Bærum combined",
    66: "Asker and Bærum combined (the police's prevention section): no area stands for the "
    "two kommuner together, and the figure must never be split between them",
    67: _PART_YEAR + " (2019 to about November), Asker and Bærum combined",
    68: _PART_YEAR + " (year to date; the year is not shown)",
    69: _PART_YEAR + " (year to date; the year is not shown)",
    70: _PART_YEAR + " (year to date; the year is not shown)",
}

#: line in youth-figures-added.csv -> (year, dimensions).
YOUTH_ADDED_MAP: dict[int, tuple[int, dict[str, str]]] = {
    2: (2023, dict(NOT_STATED, measure="anmeldelser", age_group="10-17")),
    3: (2023, dict(NOT_STATED, measure="anmeldelser_endring_prosent", age_group="10-17")),
    4: (2023, dict(NOT_STATED, measure="personer", age_group="under-18")),
    6: (2023, dict(SALTO, measure="anmeldelser_endring_prosent", age_group="10-17")),
    7: (2023, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    8: (
        2023,
        dict(SALTO, measure="personer", age_group="under-18", category="gjengangere_10pluss"),
    ),
    9: (2023, dict(SALTO, measure="anmeldelser", age_group="10-17", offence_group="vold")),
    **{
        line: (
            2023,
            dict(
                SALTO,
                measure="anmeldelser",
                age_group="10-17",
                offence_group="vold",
                offence_subgroup=subgroup,
            ),
        )
        for line, subgroup in (
            (10, "trusler"),
            (11, "mot_offentlig_tjenesteperson"),
            (12, "fysisk_vold"),
        )
    },
    17: (
        2022,
        dict(SALTO, measure="personer", age_group="under-22", category="gjentatt_alvorlig"),
    ),
    22: (2017, dict(OPD_YEARLY, measure="forhold_endring_prosent", age_group="15-17")),
    23: (2017, dict(OPD_YEARLY, measure="forhold_endring_prosent", age_group="10-14")),
}
YOUTH_ADDED_LEFT_OUT = {
    5: _NOT_YEAR_ON_YEAR + ": against the average of the three years before the pandemic",
    13: _NOT_YEAR_ON_YEAR + ": against the average of the years before the pandemic",
    14: "a share of all children aged 10-17 (approximate: «omlag 97 prosent» not registered), "
    "not a count; no measure holds a share of the population, and a percentage is never "
    "turned into a count",
    15: "a bydel (Gamle Oslo) inside Oslo, counted by the SaLTo 2022 method (identified "
    "offenders aged 10-22): no area code for parts of a kommune",
    16: "Oslo sentrum, an area inside Oslo (not a bydel), counted by the SaLTo 2022 method: no "
    "area code for parts of a kommune",
    18: "a difference from the average of the three years before the pandemic (-60 persons), "
    "not a figure for a year",
    19: _PART_YEAR + " (first half of 2023)",
    20: _PART_YEAR + " (the average of the first halves of 2017-2019)",
    21: _PART_YEAR + " (a change from the first halves of 2017-2019 to the first half of 2023)",
    24: "a change in the number of persons from 2016 to 2017 (+180), not a count for a year; "
    "the 2017 count itself (1 690) is imported from public-figures.csv line 201",
}


def _charged(muni: str, role: str, age: str, group: str = "alle") -> dict[str, str]:
    code = "0301" if muni == _OSLO else "0"
    return dict(
        municipality=muni,
        municipality_code=code,
        measure="siktede",
        place_role=role,
        # residents of Oslo; Norway's residents are everyone ("alle")
        residence="oslo" if role == "bosted" and muni == _OSLO else "alle",
        age_group=age,
        offence_group=group,
    )


#: SSB's offence groups in the tables of persons sanctioned and victims (2015 groups).
SSB_TEN_GROUPS = {
    "all_offences": "alle",
    "property_theft": "ssb_eiendomstyveri",
    "other_offences_for_profit": "ssb_annen_vinning",
    "criminal_damage": "ssb_skadeverk",
    "violence_and_maltreatment": "ssb_vold",
    "sexual_offences": "ssb_seksual",
    "drug_and_alcohol_offences": "ssb_rusmiddel",
    "public_order_and_integrity_violations": "ssb_orden",
    "traffic_offences": "ssb_trafikk",
    "other_offences": "ssb_andre",
    "other_offences_incl_drug_and_alcohol": "ssb_andre_inkl_rus",
}


def _by_residence(measure: str) -> dict[str, str]:
    """Oslo's residents (Oslo is a county and a kommune) in SSB's tables by residence."""
    return dict(
        municipality=_OSLO,
        municipality_code="0301",
        measure=measure,
        place_role="bosted",
        residence="oslo",
    )


def _survey(
    measure: str, muni: str, code: str, age: str, sex: str, category: str
) -> dict[str, str]:
    return dict(
        municipality=muni,
        municipality_code=code,
        measure=measure,
        age_group=age,
        sex=sex,
        category=category,
    )


_UNG_I_OSLO = "ungdomsskole_vgs"

#: line in public-figures.csv -> (year, period, dimensions); the offence group of the
#: persons-sanctioned and victims rows is read from the row (SSB_TEN_GROUPS).
PUBLIC_MAP: dict[int, tuple[int, str, dict[str, str]]] = {
    139: (2012, "", dict(municipality=_OSLO, measure="anmeldte_lovbrudd")),
    140: (2012, "", dict(municipality=_OSLO, measure="anmeldte_lovbrudd", offence_group="ran")),
    142: (
        2012,
        "",
        dict(municipality=_OSLO, measure="anmeldte_lovbrudd", offence_group="narkotika"),
    ),
    **{
        line: (2017, "", _charged(muni, "bosted", age))
        for line, muni, age in (
            (143, _OSLO, "alle"),
            (144, _OSLO, "5-14"),
            (145, _OSLO, "15-17"),
            (146, _OSLO, "18-20"),
            (147, _NORGE, "alle"),
            (148, _NORGE, "5-14"),
            (149, _NORGE, "15-17"),
            (150, _NORGE, "18-20"),
        )
    },
    **{
        line: (2013, "", _charged(muni, "gjerningssted", age, group))
        for line, muni, age, group in (
            (151, _OSLO, "alle", "alle"),
            (152, _OSLO, "5-14", "alle"),
            (153, _OSLO, "15-17", "alle"),
            (154, _OSLO, "18-20", "alle"),
            (155, _OSLO, "alle", "forbrytelser"),
            (156, _OSLO, "5-14", "forbrytelser"),
            (157, _OSLO, "15-17", "forbrytelser"),
            (158, _OSLO, "18-20", "forbrytelser"),
            (159, _NORGE, "alle", "alle"),
            (160, _NORGE, "5-14", "alle"),
            (161, _NORGE, "15-17", "alle"),
            (162, _NORGE, "18-20", "alle"),
        )
    },
    **{
        line: (
            year,
            "",
            dict(
                municipality=_NORGE,
                municipality_code="0",
                measure="siktede_per1000",
                age_group=age,
                offence_group=group,
            ),
        )
        for line, year, age, group in (
            (163, 2010, "5-14", "alle"),
            (164, 2011, "5-14", "alle"),
            (165, 2010, "15-17", "alle"),
            (166, 2011, "15-17", "alle"),
            (167, 2010, "18-20", "alle"),
            (168, 2011, "18-20", "alle"),
            (169, 2010, "15-17", "forbrytelser"),
            (170, 2011, "15-17", "forbrytelser"),
        )
    },
    **{line: (2017, "", _by_residence("straffede")) for line in range(171, 181)},
    **{line: (2018, "", _by_residence("straffede")) for line in range(181, 191)},
    **{line: (2016, "", _by_residence("ofre")) for line in range(191, 200)},
    200: (2017, "", dict(OPD_YEARLY, measure="forhold", age_group="under-18")),
    201: (2017, "", dict(OPD_YEARLY, measure="personer", age_group="under-18")),
    202: (2018, "", dict(OPD_YEARLY, measure="anmeldte_lovbrudd")),
    203: (2018, "", dict(OPD_YEARLY, measure="anmeldte_lovbrudd", offence_group="vold")),
    204: (2018, "", dict(OPD_YEARLY, measure="personer", age_group="under-18")),
    205: (2018, "", dict(OPD_YEARLY, measure="personer", age_group="under-18", category=GJENG)),
    206: (2018, "", dict(OPD_YEARLY, measure="forhold", age_group="under-18")),
    207: (2017, "", dict(OPD_YEARLY, measure="forhold", age_group="under-18")),
    208: (
        2013,
        "1.1.2013",
        dict(municipality="baerum", municipality_code="0219", measure="befolkning"),
    ),
    210: (
        2013,
        "1.1.2013",
        dict(municipality=_OSLO, municipality_code="0301", measure="befolkning"),
    ),
    212: (
        2015,
        "1.1.2015",
        dict(municipality=_OSLO, municipality_code="0301", measure="befolkning"),
    ),
    **{
        line: (year, "", _survey("ungdata_andel", _OSLO, "0301", age, sex, category))
        for line, year, age, sex, category in (
            (339, 2015, _UNG_I_OSLO, "gutter", "provd_cannabis"),
            (340, 2018, _UNG_I_OSLO, "gutter", "provd_cannabis"),
            (341, 2018, "vg3", "gutter", "provd_cannabis"),
            (342, 2018, "vg3", "jenter", "provd_cannabis"),
            (343, 2015, "vg3", "gutter", "provd_cannabis"),
            (344, 2015, "vg3", "jenter", "provd_cannabis"),
            (345, 2018, "vg1", "gutter", "provd_cannabis"),
            (346, 2018, "vg2", "gutter", "provd_cannabis"),
            (347, 2018, "vg1", "jenter", "provd_cannabis"),
            (348, 2018, "vg2", "jenter", "provd_cannabis"),
            (349, 2015, _UNG_I_OSLO, "jenter", "cannabisbruk"),
            (350, 2018, _UNG_I_OSLO, "jenter", "cannabisbruk"),
            (351, 2015, _UNG_I_OSLO, "gutter", "gjengangere_problematferd"),
            (352, 2018, _UNG_I_OSLO, "gutter", "gjengangere_problematferd"),
            (353, 2015, _UNG_I_OSLO, "gutter", "tilbudt_hasj"),
            (354, 2015, _UNG_I_OSLO, "jenter", "tilbudt_hasj"),
            (355, 2018, _UNG_I_OSLO, "gutter", "tilbudt_hasj"),
            (356, 2018, _UNG_I_OSLO, "jenter", "tilbudt_hasj"),
        )
    },
    **{
        line: (year, "", _survey("undersokelse_andel", "baerum", "0219", "ungdom", sex, category))
        for line, year, sex, category in (
            (359, 2017, "jenter", "depressivt_stemningsleie"),
            (360, 2017, "gutter", "depressivt_stemningsleie"),
            (361, 2017, "alle", "verdsetter_palitelig"),
            (362, 2019, "jenter", "slit_bekymring"),
            (363, 2019, "gutter", "slit_bekymring"),
        )
    },
}

PUBLIC_LEFT_OUT = {
    141: "registered traffic misdemeanours (registrerte forseelser), not reported offences: "
    "a different count that no measure holds, and not to be mixed with reported offences",
    209: "a preliminary, calculated population on 31 December, not the final 1 January figure",
    211: "a preliminary, calculated population on 31 December, not the final 1 January figure",
    357: "Asker and Bærum combined: no area stands for the two kommuner together, and the "
    "figure must never be given to either of them",
    358: "Norway's share is worded «drukket seg fulle mens de gikk på ungdomsskolen», not as the "
    "Ungdata indicator the SLT reports give for Bærum («beruset det siste året»); stored "
    "under that indicator it would claim a comparison the source does not make",
}

#: line in public-figures-added.csv -> (year, period, dimensions).
_POLITIDIREKTORATET_GROUPS = {
    "property_theft_vinning": "vinning",
    "violence": "vold",
    "traffic": "trafikk",
    "criminal_damage": "skadeverk",
    "drugs": "narkotika",
    "sexual": "seksuallovbrudd",
    "economic": "okonomi",
    "other": "annen",
    "all_offences": "alle",
}
PUBLIC_ADDED_MAP: dict[int, tuple[int, str, dict[str, str]]] = {
    **{
        line: (
            2023 - (line - 2) // 9,
            "",
            dict(
                municipality=_NORGE,
                municipality_code="0",
                measure="forhold_pataleavgjort",
                age_group="under-18",
            ),
        )
        for line in range(2, 29)
    },
    29: (
        2023,
        "",
        dict(municipality=_NORGE, municipality_code="0", measure="personer", age_group="under-18"),
    ),
    **{
        line: (
            year,
            f"1.1.{year}",
            dict(municipality=muni, municipality_code=code, measure="befolkning"),
        )
        for line, year, muni, code in (
            (32, 2023, _NORGE, "0"),
            (33, 2024, _NORGE, "0"),
            (34, 2022, _NORGE, "0"),
            (35, 2022, _OSLO, "0301"),
            (36, 2020, _NORGE, "0"),
        )
    },
}
PUBLIC_ADDED_LEFT_OUT = {
    30: "a share of the offences decided by the prosecution that children under 15 stood for "
    "(36 per cent of those with a suspect under 18), not a count; no measure holds a share of "
    "decided offences, and a percentage is never turned into a count",
    31: "a share of the unique offenders under 18 with only one offence (71 per cent), not a "
    "count; no measure holds a share of persons, and a percentage is never turned into a count",
}

#: Reference `publication_date` texts that are not ISO dates -> (the ISO date, year or
#: month, the text supports; why, in Norwegian, for the sidecar).
PUBLISHED = {
    "not shown on the page (early 2019; reports 2018 as 'i fjor')": (
        "2019",
        "Artikkelen viser ingen dato; den omtaler 2018 som «i fjor».",
    ),
    "not shown on copy (report released 2019-05-08 per politiet.no news item)": (
        "2019",
        "Kopien viser ingen dato; ifølge en nyhet på politiet.no ble rapporten lagt fram 8. mai "
        "2019.",
    ),
    "not shown (2020; 'nå oppdatert med tall for 2019')": (
        "2020",
        "Artikkelen viser ingen dato; den er fra 2020 («nå oppdatert med tall for 2019»).",
    ),
    "not shown (early 2017; figures 'hentet fra Salto-rapporten som skal legges frem i mai')": (
        "2017",
        "Artikkelen viser ingen dato; den er fra tidlig i 2017, før SaLTo-rapporten ble lagt "
        "fram i mai.",
    ),
    "not shown (early 2017)": ("2017", "Artikkelen viser ingen dato; den er fra tidlig i 2017."),
    "not shown (May 2017, SaLTo 2016 report)": (
        "2017-05",
        "Artikkelen viser ingen dato; den omtaler SaLTo-rapporten for 2016, lagt fram i mai 2017.",
    ),
    "not shown (2015-05-06 per newsinenglish.no report of the same story)": (
        "2015",
        "Artikkelen viser ingen dato; newsinenglish.no omtalte den samme saken 6. mai 2015.",
    ),
    "not shown (2016; SaLTo report on 2015)": (
        "2016",
        "Artikkelen viser ingen dato; den omtaler SaLTo-rapporten for 2015, lagt fram i 2016.",
    ),
    "not shown (2016)": ("2016", "Artikkelen viser ingen dato; den er fra 2016."),
    "not shown (after 13 June 2018)": (
        "2018",
        "Artikkelen viser ingen dato; den er skrevet etter 13. juni 2018.",
    ),
    "2013 (yearbook edition)": ("2013", "Årboka for 2013."),
    "not shown (statistics year 2017)": (
        "2018",
        "Siden viser ingen dato; tallene for 2017 er publisert tidligst i 2018.",
    ),
    "not shown (statistics year 2018)": (
        "2019",
        "Siden viser ingen dato; tallene for 2018 er publisert tidligst i 2019.",
    ),
    "not shown (statistics year 2016)": (
        "2017",
        "Siden viser ingen dato; tallene for 2016 er publisert tidligst i 2017.",
    ),
    "not shown (statistics year 2013)": (
        "2014",
        "Siden viser ingen dato; tallene for 2013 er publisert tidligst i 2014.",
    ),
    "2012 (yearbook edition; columns 2003-2011)": ("2012", "Statistisk årbok 2012."),
    "not shown (late 2013/early 2014)": (
        "2013",
        "Siden viser ingen dato; den er fra slutten av 2013 eller begynnelsen av 2014.",
    ),
    "not shown (2015)": ("2015", "Siden viser ingen dato; den er fra 2015."),
    "not shown (article reports the SaLTo report presented 'on Wednesday'; the report was "
    "presented 8 May 2024 per Oslo kommune)": (
        "2024-05",
        "Artikkelen viser ingen dato; den sier at rapporten ble lagt fram «on Wednesday», og "
        "ifølge Oslo kommune ble den lagt fram 8. mai 2024.",
    ),
    "2022-02 (not shown; reports population at the turn of 2021/2022)": (
        "2022-02",
        "Artikkelen viser ingen dato; den omtaler folketallet ved årsskiftet 2021/2022.",
    ),
}

_SALTO_NOTE = (
    "SaLTo-tall for Oslo kommune: lovbrudd registrert i Oslo (gjerningssted Oslo), uansett "
    "hvor de mistenkte bor. Gjengitt i en avis, av Oslo kommune eller politiet; SaLTo-"
    "rapporten selv er kilden de viser til."
)
_OPD_NOTE = (
    "Oslo politidistrikt (Oslo, Asker og Bærum fra 1. mai 2017): tallet gjelder hele "
    "distriktet og blandes aldri inn i en kommunes serie."
)
_NOT_STATED_NOTE = (
    "Kilden sier ikke om tallet gjelder lovbrudd begått i Oslo (gjerningssted) eller av unge "
    "som bor i Oslo (bosted), så det vises aldri i samme serie som SaLTo-tallene."
)
_CONTEXT_AGE = "Alderen står ikke i setningen; den er lest ut fra sammenhengen i kilden."
_GJENG_AGE = "SaLTo-definisjonen av unge gjengangere (under 18 år); alderen står ikke i teksten."
_OPD_2017 = (
    "Endringen i antall registrerte straffbare forhold med mistenkt i aldersgruppen fra 2016 "
    "til 2017, slik politiet oppga den. Asker og Bærum politidistrikt ble slått sammen med "
    "Oslo 1. mai 2017; kilden sier ikke om 2016 er regnet for det samme området."
)

#: Notes for single rows, in Norwegian: what a reader must know about this number.
ROW_NOTES: dict[tuple[str, int], str] = {
    (YOUTH, 3): (
        "Aftenposten oppga i 2017, før rapporten kom, 2 186 straffbare forhold i 2016 for unge "
        "under 18 år; begge tall er lagret slik kildene skriver dem, med hver sin aldersgruppe."
    ),
    (YOUTH, 4): _CONTEXT_AGE,
    (YOUTH, 5): _CONTEXT_AGE,
    (YOUTH, 12): (
        "Artikkelen skiller Oslo kommune (182) fra Oslo politidistrikt (197 unge gjengangere "
        "med Asker og Bærum)."
    ),
    (YOUTH, 13): "Alderen er lest ut fra sammenhengen i rapportens sammendrag.",
    (YOUTH, 14): (
        "Kilden sier at dette er «en økning på 14 prosent fra 2018»; tallet for 2018 står ikke "
        "i denne kilden."
    ),
    (YOUTH, 15): (
        "Økningen fra 2018 til 2019 slik kilden oppgir den (1 517 personer i 2019); tallet for "
        "2018 står ikke i denne kilden."
    ),
    (YOUTH, 16): _GJENG_AGE,
    (YOUTH, 17): _GJENG_AGE,
    (YOUTH, 19): "Nedgangen fra 2019 til 2020 slik kilden oppgir den.",
    (YOUTH, 23): (
        "«Denne aldersgruppen» i artikkelen er unge under 18 år (setningen før). Tallet er "
        "politiets, hentet før SaLTo-rapporten ble lagt fram; Aftenposten oppga i 2018 2 200 "
        "forhold i 2016 for aldersgruppen 10–17 år."
    ),
    (YOUTH, 24): "Økningen fra 2015 til 2016 slik kilden oppgir den.",
    (YOUTH, 42): (
        "Kilden kaller tallene «incidents», men 97 (2014) er antallet unge gjengangere slik "
        "Aftenposten oppgir det, og 120 er tallet for året før."
    ),
    (YOUTH, 44): "Nedgangen fra 2014 til 2015 slik kilden oppgir den.",
    (YOUTH, 46): "Nedgangen fra 2014 til 2015 slik kilden oppgir den.",
    (YOUTH, 50): (
        "Andelen av all registrert ungdomskriminalitet i 2017 som gjengangerne (fire eller flere "
        "saker) sto for; alderen står ikke i setningen."
    ),
    (YOUTH_ADDED, 3): "Økningen fra 2022 til 2023 slik kilden oppgir den.",
    (YOUTH_ADDED, 6): (
        "Økningen fra 2022 til 2023 slik kilden oppgir den. TV 2 oppga en økning på 52 prosent, "
        "uten å si om tallene gjelder gjerningssted eller bosted; begge er lagret."
    ),
    (YOUTH_ADDED, 7): _GJENG_AGE,
    (YOUTH_ADDED, 8): "Alderen står ikke i teksten.",
    (YOUTH_ADDED, 17): (
        "SaLTo-rapporten for 2022 teller unge under 22 år med gjentatt alvorlig kriminalitet. "
        "Det er en annen definisjon enn unge gjengangere under 18 år i tidligere rapporter."
    ),
    (YOUTH_ADDED, 22): _OPD_2017,
    (YOUTH_ADDED, 23): _OPD_2017,
    (PUBLIC, 142): "Kilden skriver «narkotikarelaterte anmeldelser».",
    (PUBLIC, 202): "Kilden skriver «i Oslo»; tallet er fra Oslo politidistrikts årsstatistikk.",
    (PUBLIC, 203): "Kilden skriver «voldshendelser».",
    (PUBLIC, 208): "Endelig tall for 1. januar 2013.",
    (PUBLIC, 210): "Endelig tall for 1. januar 2013.",
    (PUBLIC, 212): "Oslo fylke (03) er det samme området som Oslo kommune (0301).",
    **{
        (PUBLIC, line): "Straffede er 15 år eller eldre (den kriminelle lavalderen)."
        for line in range(171, 191)
    },
    **{
        (PUBLIC, line): (
            "NRK skriver «cannabisbruk» uten å si om det gjelder noen gang eller siste år. For "
            "gutter oppgir NRK de samme tallene (10 og 17 prosent) som Ung i Oslo gir for «har "
            "prøvd hasj eller marihuana»."
        )
        for line in (349, 350)
    },
    (PUBLIC_ADDED, 29): "Avrundet i kilden («11 700»).",
    (PUBLIC_ADDED, 35): "Det samme tallet som i SSBs tabell 07459 for Oslo 1. januar 2022.",
}


class SourceText(NamedTuple):
    """What a reader sees of a quoted source, in Norwegian (one per source address)."""

    stem: str  # the data file's name (kept stable: it is the source's id)
    publisher: str
    title: str
    publication: str
    section: str = "Tall sitert i teksten"
    notes: str = ""


_QUOTE_LICENCE = "Sitat fra offentlig publisert tekst, gjengitt med kildehenvisning."
_ENGLISH_EDITION = (
    "Tabellen er lest i SSBs engelske utgave («{}»); bare de absolutte tallene er synlige der."
)

#: Every source with a mapped row, by its address.
SOURCES: dict[str, SourceText] = {
    "https://www.aftenposten.no/osloby/i/G1bQMq/Syv-grafer-som-viser-hvordan-ungdomskriminaliteten-utvikler-seg-i-Oslo": SourceText(
        "ungdom-2018-05-aftenposten-syv-grafer-som",
        "Aftenposten",
        "Syv grafer som viser hvordan ungdomskriminaliteten utvikler seg i Oslo",
        "Aftenposten: «Syv grafer som viser hvordan ungdomskriminaliteten utvikler seg i Oslo» "
        "(om SaLTo-rapporten for 2017)",
    ),
    "https://www.aftenposten.no/osloby/i/8mR3nQ/Ny-rapport-Rekordmange-unge-gjengangere-i-Oslo-Men-to-steder-minker-ungdomskriminaliteten": SourceText(
        "ungdom-2019-05-aftenposten-ny-rapport-rekordmange",
        "Aftenposten",
        "Ny rapport: Rekordmange unge gjengangere i Oslo. Men to steder minker "
        "ungdomskriminaliteten",
        "Aftenposten: «Ny rapport: Rekordmange unge gjengangere i Oslo» (om SaLTo-rapporten "
        "for 2018)",
    ),
    "https://www.aftenposten.no/osloby/i/p6yb8G/Flere-unge-kriminelle-gjengangere-Mer-vold-og-trusler-Her-er-krimaret-2018-oppsummert-i-atte-grafer": SourceText(
        "ungdom-2019-aftenposten-flere-unge-kriminelle",
        "Aftenposten",
        "Flere unge kriminelle gjengangere. Mer vold og trusler. Her er krimåret 2018 "
        "oppsummert i åtte grafer",
        "Aftenposten: «Flere unge kriminelle gjengangere. Mer vold og trusler» (krimåret 2018)",
    ),
    "https://dokumen.tips/documents/barne-og-ungdomskriminaliteten-i-oslo-sammendrag-mer-enn-97-av-barn-og-unge.html": SourceText(
        "ungdom-2019-barne-og-ungdomskriminaliteten-i",
        "Oslo politidistrikt og Oslo kommune (SaLTo)",
        "Barne- og ungdomskriminaliteten i Oslo. Rapport basert på data fra 2018",
        "SaLTo-rapporten «Barne- og ungdomskriminaliteten i Oslo» for 2018",
        "Sammendrag",
        "Rapporten er lest i en kopi på nettstedet dokumen.tips (adressen står som kilde). I "
        "kopien er setningen med tallet kuttet av etter «I 2018 ble 1337 perso».",
    ),
    "https://kriminalitetsforebygging.no/ny-rapport-om-ungdomskriminaliteten-i-oslo/": SourceText(
        "ungdom-2020-kriminalitetsforebygging-no-ny-rapport",
        "kriminalitetsforebygging.no",
        "Ny rapport om ungdomskriminaliteten i Oslo",
        "kriminalitetsforebygging.no: «Ny rapport om ungdomskriminaliteten i Oslo» (om "
        "SaLTo-rapporten for 2019)",
    ),
    "https://aktuelt.oslo.kommune.no/kraftig-nedgang-i-antall-unge-som-blir-registrert-for-gjentakende-kriminelle-handlinger": SourceText(
        "ungdom-2021-05-26-oslo-kommune-byradslederens-kontor",
        "Oslo kommune, Byrådslederens kontor",
        "Kraftig nedgang i antall unge som blir registrert for gjentakende kriminelle handlinger",
        "Oslo kommune, pressemelding: «Kraftig nedgang i antall unge som blir registrert for "
        "gjentakende kriminelle handlinger» (om SaLTo-rapporten for 2020)",
    ),
    "https://www.aftenposten.no/oslo/i/X8dpdb/da-koronaen-kom-stupte-kriminaliteten-blant-ungdommene": SourceText(
        "ungdom-2021-02-16-aftenposten-da-koronaen-kom",
        "Aftenposten",
        "Da koronaen kom, stupte kriminaliteten blant ungdommene",
        "Aftenposten: «Da koronaen kom, stupte kriminaliteten blant ungdommene» (om Oslo "
        "politidistrikts statistikk for 2020)",
    ),
    "https://www.politiet.no/aktuelt-tall-og-fakta/aktuelt/nyheter/2022/02/14/krimtall-2021/": SourceText(
        "ungdom-2022-02-14-politiet-oslo-politidistrikt-nyhet",
        "Politiet (Oslo politidistrikt)",
        "Krimtall 2021",
        "Politiet, Oslo politidistrikt: nyheten «Krimtall 2021»",
    ),
    "https://www.aftenposten.no/oslo/i/ko1Qj/ungdomskriminaliteten-oeker-i-oslo": SourceText(
        "ungdom-2017-aftenposten-ungdomskriminaliteten-oker-i",
        "Aftenposten",
        "Ungdomskriminaliteten øker i Oslo",
        "Aftenposten: «Ungdomskriminaliteten øker i Oslo» (politiets tall for 2016, før "
        "SaLTo-rapporten ble lagt fram)",
    ),
    "http://norwaytoday.info/news/increase-juvenile-delinquents-registered-oslo-last-year/": SourceText(
        "ungdom-2017-norway-today-ntb-increase",
        "Norway Today (NTB)",
        "Engelskspråklig artikkel om SaLTo-tallene for 2016",
        "Norway Today (NTB), engelskspråklig nettavis: SaLTo-tallene for 2016, etter Aftenposten",
        notes="Artikkelen er på engelsk («Increase in juvenile delinquents registered in Oslo "
        "last year»); sitatene står slik de er skrevet der.",
    ),
    "http://www.altaposten.no/lokalt/NTB/NTB_innenriks/2017/05/21/Ungdomskriminaliteten-i-Oslo-%C3%B8ker-for-f%C3%B8rste-gang-p%C3%A5-sju-%C3%A5r-14763426.ece": SourceText(
        "ungdom-2017-05-21-altaposten-ntb-ungdomskriminaliteten-i",
        "Altaposten (NTB)",
        "Ungdomskriminaliteten i Oslo øker for første gang på sju år",
        "Altaposten (NTB): «Ungdomskriminaliteten i Oslo øker for første gang på sju år» (om "
        "SaLTo-rapporten for 2016)",
    ),
    "http://www.aftenposten.no/osloby/Ni-grafer-som-viser-hvordan-ungdomskriminaliteten-i-Oslo-utvikler-seg-621366b.html": SourceText(
        "ungdom-2017-05-aftenposten-ni-grafer-som",
        "Aftenposten",
        "Ni grafer som viser hvordan ungdomskriminaliteten i Oslo utvikler seg",
        "Aftenposten: «Ni grafer som viser hvordan ungdomskriminaliteten i Oslo utvikler seg» "
        "(om SaLTo-rapporten for 2016)",
    ),
    "https://www.aftenposten.no/osloby/i/0X0E/Her-er-grafene-som-viser-at-ungdommen-er-bedre-enn-sitt-rykte": SourceText(
        "ungdom-2015-aftenposten-her-er-grafene",
        "Aftenposten",
        "Her er grafene som viser at ungdommen er bedre enn sitt rykte",
        "Aftenposten: «Her er grafene som viser at ungdommen er bedre enn sitt rykte» (om "
        "SaLTo-rapporten for 2014)",
    ),
    "https://www.newsinenglish.no/2015/05/06/oslo-youth-more-obedient/": SourceText(
        "ungdom-2015-05-06-newsinenglish-no-oslo-youth",
        "newsinenglish.no",
        "Engelskspråklig artikkel om SaLTo-rapporten for 2014",
        "newsinenglish.no, engelskspråklig nettavis: om SaLTo-rapporten for 2014, etter "
        "Aftenposten",
        notes="Artikkelen er på engelsk («Oslo youth more obedient»); sitatet står slik det er "
        "skrevet der.",
    ),
    "https://www.aftenposten.no/oslo/i/8wO3A/ny-rapport-40-prosent-faerre-unge-kriminelle-i-oslo": SourceText(
        "ungdom-2016-aftenposten-ny-rapport-40",
        "Aftenposten",
        "Ny rapport: 40 prosent færre unge kriminelle i Oslo",
        "Aftenposten: «Ny rapport: 40 prosent færre unge kriminelle i Oslo» (om SaLTo-"
        "rapporten for 2015)",
    ),
    "https://vartoslo.no/anders-magnus-anne-bakosgjelten-christian-boger/ungdomskriminaliteten-i-oslo-gar-opp-men-er-pa-et-historisk-lavt-niva/121383": SourceText(
        "ungdom-2016-vart-oslo-ungdomskriminaliteten-i",
        "Vårt Oslo",
        "Ungdomskriminaliteten i Oslo går opp, men er på et historisk lavt nivå",
        "Vårt Oslo: «Ungdomskriminaliteten i Oslo går opp, men er på et historisk lavt nivå» "
        "(om rapporten for 2015 fra Oslo kommune og Oslo politidistrikt)",
    ),
    "https://www.faktisk.no/artikler/j7rgz/i-oslo-har-antall-mindrearige-med-mer-enn-ti-registrerte-lovbrudd-i-lopet-av-ett-ar-doblet-seg-pa-to": SourceText(
        "ungdom-2018-faktisk-no-i-oslo",
        "Faktisk.no",
        "I Oslo har antall mindreårige med mer enn ti registrerte lovbrudd i løpet av ett år "
        "doblet seg på to-tre år",
        "Faktisk.no: «I Oslo har antall mindreårige med mer enn ti registrerte lovbrudd i løpet "
        "av ett år doblet seg på to-tre år»",
    ),
    "https://www.aftenposten.no/osloby/i/3jglMA/-Oslo-politiet-om-okt-ungdomskriminalitet--Vi-vet-ikke-hva-som-skjedde": SourceText(
        "ungdom-2018-05-aftenposten-oslo-politiet-om",
        "Aftenposten",
        "Oslo-politiet om økt ungdomskriminalitet: – Vi vet ikke hva som skjedde",
        "Aftenposten: «Oslo-politiet om økt ungdomskriminalitet: – Vi vet ikke hva som skjedde»",
    ),
    "https://www.framtidinord.no/ntb/innenriks/2021/09/23/Politiet-%C3%B8ker-patruljeringen-etter-ran-av-barn-og-unge-i-Oslo-24619901.ece": SourceText(
        "ungdom-2021-09-23-framtida-i-nord-ntb",
        "Framtida i Nord (NTB)",
        "Politiet øker patruljeringen etter ran av barn og unge i Oslo",
        "Framtida i Nord (NTB): «Politiet øker patruljeringen etter ran av barn og unge i Oslo»",
    ),
    "https://www.tv2.no/nyheter/innenriks/eit-varsel-til-oss-alle/16593776/": SourceText(
        "politi-2024-04-tv-2-eit-varsel",
        "TV 2",
        "Eit varsel til oss alle",
        "TV 2: «Eit varsel til oss alle» (om en rapport fra Oslo politidistrikt om 2023)",
        notes="Artikkelen sier ikke om tallene gjelder lovbrudd begått i Oslo (gjerningssted) "
        "eller av unge som bor i Oslo (bosted). De er derfor lagret med grunnlaget «ikke "
        "oppgitt» og vises aldri i samme serie som SaLTo-tallene (gjerningssted Oslo). Artikkelen "
        "er skrevet på nynorsk.",
    ),
    "https://www.dagsavisen.no/oslo/nyheter/2024/05/08/vi-klarer-ikke-a-forebygge-denne-kriminaliteten-alene/": SourceText(
        "ungdom-2024-05-08-dagsavisen-vi-klarer-ikke",
        "Dagsavisen",
        "Vi klarer ikke å forebygge denne kriminaliteten alene",
        "Dagsavisen: «Vi klarer ikke å forebygge denne kriminaliteten alene» (om SaLTo-"
        "rapporten for 2023)",
    ),
    "https://www.adressa.no/nyheter/innenriks/i/bmK9VA/ny-rapport-oekning-i-kriminaliteten-blant-de-yngste-i-oslo": SourceText(
        "ungdom-2024-05-adresseavisen-ntb-ny-rapport",
        "Adresseavisen (NTB)",
        "Ny rapport: Økning i kriminaliteten blant de yngste i Oslo",
        "Adresseavisen (NTB): «Ny rapport: Økning i kriminaliteten blant de yngste i Oslo» (om "
        "SaLTo-rapporten for 2023)",
    ),
    "https://norway.postsen.com/local/212898/Youth-crime-Oslo--New-report-Increase-in-crime-among-the-youngest-in-Oslo.html": SourceText(
        "ungdom-2024-05-norway-postsen-com-youth",
        "norway.postsen.com",
        "Engelsk gjengivelse av en Aftenposten-artikkel om SaLTo-rapporten for 2023",
        "norway.postsen.com: engelsk gjengivelse av en Aftenposten-artikkel om SaLTo-rapporten "
        "for 2023",
        notes="Tallene er lest i en engelsk oversettelse av en Aftenposten-artikkel («Youth "
        "crime, Oslo | New report: Increase in crime among the youngest in Oslo»); sitatene er "
        "på engelsk, slik de står der.",
    ),
    "https://www.dagsavisen.no/oslo/nyheter/2023/06/07/gamle-oslo-og-oslo-sentrum-har-flest-anmeldelser-av-kriminalitet-begatt-av-unge/": SourceText(
        "ungdom-2023-06-07-dagsavisen-gamle-oslo-og",
        "Dagsavisen",
        "Gamle Oslo og Oslo sentrum har flest anmeldelser av kriminalitet begått av unge",
        "Dagsavisen: «Gamle Oslo og Oslo sentrum har flest anmeldelser av kriminalitet begått "
        "av unge» (om SaLTo-rapporten for 2022, etter Aftenposten)",
    ),
    "https://www.aftenposten.no/osloby/i/4dzPba/Kraftig-okning-i-ungdomskriminaliteten-i-Oslo": SourceText(
        "politi-opd-2018-01-aftenposten-2018-01-kraftig",
        "Aftenposten",
        "Kraftig økning i ungdomskriminaliteten i Oslo",
        "Aftenposten: «Kraftig økning i ungdomskriminaliteten i Oslo» (om Oslo politidistrikts "
        "kriminalstatistikk for 2017)",
        "Tall sitert i teksten (Oslo politidistrikts kriminalstatistikk for 2017)",
    ),
    "https://www.dagsavisen.no/oslo/oslo-politiet-oppsummerer-2018-utfordringer-med-unge-lovbrytere-1.1274237": SourceText(
        "politi-opd-2019-02-dagsavisen-2019-02-oslo",
        "Dagsavisen",
        "Oslo-politiet oppsummerer 2018",
        "Dagsavisen: «Oslo-politiet oppsummerer 2018» (om Oslo politidistrikts årsstatistikk)",
        "Tall sitert i teksten (Oslo politidistrikts årsstatistikk for 2018)",
    ),
    "http://statistisk-arbok.utviklings-og-kompetanseetaten.oslo.kommune.no/2013/id/UKE-107696": SourceText(
        "oslo-arbok-2013-oslo-kommune-utviklings-og",
        "Oslo kommune, Utviklings- og kompetanseetaten",
        "Nøkkeltall for kriminalitet og rettsforhold i Oslo 2012",
        "Oslo kommune: Statistisk årbok for Oslo 2013, kapittel 12 Kriminalitet og rettsforhold",
        "Nøkkeltall for kriminalitet og rettsforhold i Oslo 2012",
    ),
    "https://ssb.no/365536/persons-charged-by-sex-age-and-place-of-recidence-county.absolute-figures-and-per-1-000-population": SourceText(
        "ssb-siktede-bosted-2018-persons-charged-by-sex",
        "Statistisk sentralbyrå (SSB)",
        "Siktede personer, etter kjønn, alder og bosted (fylke). Absolutte tall og per 1 000 "
        "innbyggere",
        "SSB, tabell 365536: Siktede personer etter bosted (fylke)",
        "Absolutte tall for 2017",
        _ENGLISH_EDITION.format(
            "Persons charged, by sex, age and place of recidence (county). Absolute figures "
            "and per 1 000 population"
        )
        + " Oslo er både fylke og kommune.",
    ),
    "https://www.ssb.no/195735/persons-charged-by-sex-age-category-of-principal-offence-and-scene-of-crime-county.absolute-figures": SourceText(
        "ssb-siktede-gjerningssted-2014-persons-charged-by-sex",
        "Statistisk sentralbyrå (SSB)",
        "Siktede personer, etter kjønn, alder, hovedlovbruddskategori og gjerningssted "
        "(fylke). Absolutte tall",
        "SSB, tabell 195735: Siktede personer etter gjerningssted (fylke)",
        "Absolutte tall for 2013",
        "Tabellen er lest i SSBs engelske utgave («Persons charged, by sex, age, category of "
        "principal offence and scene of crime (county). Absolute figures»). Alle lovbrudd er "
        "forbrytelser og forseelser sammen (inndelingen før 2015). Oslo er både fylke og "
        "kommune.",
    ),
    "https://www.ssb.no/a/aarbok/tab/tab-150.html": SourceText(
        "ssb-siktede-per1000-2012-statistisk-arbok-tabell-150",
        "Statistisk sentralbyrå (SSB)",
        "Siktede personer, etter hovedlovbruddskategori og alder. Absolutte tall og per 1 000 "
        "innbyggere",
        "SSB, Statistisk årbok 2012, tabell 150",
        "Per 1 000 innbyggere i aldersgruppen",
        "Tabellen har kolonner for 2003–2011; bare 2010 og 2011 er hentet.",
    ),
    "https://ssb.no/382046/straffede-personer-etter-hovedlovbruddsgruppe-og-bosted-fylke.absolutte-tall-og-per-1-000-innbyggere": SourceText(
        "ssb-straffede-bosted-2018-tabell-382046",
        "Statistisk sentralbyrå (SSB)",
        "Straffede personer, etter hovedlovbruddsgruppe og bosted (fylke). Absolutte tall og "
        "per 1 000 innbyggere",
        "SSB, tabell 382046: Straffede personer etter bosted (fylke)",
        "Absolutte tall for 2017",
        "Bare de absolutte tallene er synlige på siden. Oslo er både fylke og kommune.",
    ),
    "https://ssb.no/405947/persons-sanctioned-by-group-of-principal-offence-and-place-of-residence-county.absolute-figures-and-per-1-000-population": SourceText(
        "ssb-straffede-bosted-2019-tabell-405947",
        "Statistisk sentralbyrå (SSB)",
        "Straffede personer, etter hovedlovbruddsgruppe og bosted (fylke). Absolutte tall og "
        "per 1 000 innbyggere",
        "SSB, tabell 405947: Straffede personer etter bosted (fylke)",
        "Absolutte tall for 2018",
        _ENGLISH_EDITION.format(
            "Persons sanctioned, by group of principal offence and place of residence "
            "(county). Absolute figures and per 1 000 population"
        )
        + " Oslo er både fylke og kommune.",
    ),
    "https://www.ssb.no/321227/victims-persons-by-group-of-principal-offence-and-place-of-residence-county.absolute-figures-and-per-1-000-population": SourceText(
        "ssb-ofre-bosted-2017-tabell-321227",
        "Statistisk sentralbyrå (SSB)",
        "Ofre (personer), etter hovedlovbruddsgruppe og bosted (fylke). Absolutte tall og per "
        "1 000 innbyggere",
        "SSB, tabell 321227: Ofre etter bosted (fylke)",
        "Absolutte tall for 2016",
        _ENGLISH_EDITION.format(
            "Victims (persons), by group of principal offence and place of residence "
            "(county). Absolute figures and per 1 000 population"
        )
        + " Oslo er både fylke og kommune. I denne tabellen er rusmiddellovbrudd regnet med i "
        "andre lovbrudd.",
    ),
    "https://ssb.no/153938/beregnet-folkemengde-1.januar-og-beregnet-folketilvekst.hele-landet-og-10-st%C3%B8rste-kommuner": SourceText(
        "ssb-befolkning-tabell-2013-berekna-folketilvekst-og-folkemengd",
        "Statistisk sentralbyrå (SSB)",
        "Berekna folketilvekst og folkemengd. Heile landet og dei ti største kommunane. 2013",
        "SSB, tabell 153938: Berekna folketilvekst og folkemengd, 2013",
        "Folkemengde 1. januar 2013",
        "Tabellen er på nynorsk.",
    ),
    "https://ssb.no/236792/folkemengd-1.januar-og-endringane-hittil-i-%C3%A5r.heile-landet-fylke-og-kommunar": SourceText(
        "ssb-befolkning-tabell-2015-folkemengd-1-januar-og",
        "Statistisk sentralbyrå (SSB)",
        "Folkemengd 1. januar og endringane hittil i år. Heile landet, fylke og kommunar",
        "SSB, tabell 236792: Folkemengd 1. januar og endringane hittil i år",
        "Folkemengde 1. januar 2015",
        "Tabellen er på nynorsk. Året står ikke i den synlige delen av tabellen; at tallene "
        "gjelder 1. januar 2015, ses av landstallet (5 165 802).",
    ),
    "https://www.oslomet.no/forskning/forskningsnyheter/sterk-okning-hasjbruk-ungdom-oslo": SourceText(
        "ungdata-2018-oslomet-nova-sterk-okning",
        "OsloMet (NOVA)",
        "Sterk økning i hasjbruk blant ungdom i Oslo",
        "OsloMet/NOVA: «Sterk økning i hasjbruk blant ungdom i Oslo» (Ung i Oslo 2018)",
        "Tall sitert i teksten og i figurene",
        "Ung i Oslo 2018 er en Ungdata-undersøkelse blant 25 348 elever fra 8. trinn til Vg3.",
    ),
    "https://www.nrk.no/ostlandssendingen/trendskifte-blant-ungdom_-mer-hasj-og-vold-1.14084713": SourceText(
        "ungdata-2018-06-nrk-ostlandssendingen-trendskifte",
        "NRK Østlandssendingen",
        "Trendskifte blant ungdom: mer hasj og vold",
        "NRK Østlandssendingen: «Trendskifte blant ungdom: mer hasj og vold» (om Ung i Oslo 2018)",
    ),
    "https://www.actis.no/kunnskap/unge-i-oslo-royker-mer-hasj": SourceText(
        "ungdata-2018-actis-unge-i-oslo",
        "Actis",
        "Unge i Oslo røyker mer hasj",
        "Actis: «Unge i Oslo røyker mer hasj» (om Ung i Oslo 2018)",
    ),
    "https://www.baerum.kommune.no/aktuelt/ungdomsundersokelsen-2017/": SourceText(
        "undersokelse-2017-baerum-kommune-ungdomsundersokelsen",
        "Bærum kommune",
        "Ungdomsundersøkelsen 2017",
        "Bærum kommune: «Ungdomsundersøkelsen 2017»",
        notes="Bærums egen ungdomsundersøkelse (gjennomført for Bærum og Asker), ikke Ungdata; "
        "tallene kan ikke sammenlignes med Ungdata. Artikkelen sier ikke hvilke klassetrinn som "
        "svarte.",
    ),
    "https://www.baerum.kommune.no/nyhetsbrev-helsetjenester-barn-og-unge/barumsungdom-har-stor-fremtidstro/": SourceText(
        "undersokelse-2019-baerum-kommune-baerumsungdom-har",
        "Bærum kommune",
        "Bærumsungdom har stor fremtidstro",
        "Bærum kommune: «Bærumsungdom har stor fremtidstro» (Ungdomsundersøkelsen 2019)",
        notes="Bærums egen ungdomsundersøkelse, ikke Ungdata; tallene kan ikke sammenlignes "
        "med Ungdata. Artikkelen sier ikke hvilke klassetrinn som svarte.",
    ),
    "https://www.nrk.no/norge/politidirektoren-bekymret_-stor-okning-i-ungdomskriminalitet-1.16741920": SourceText(
        "politi-2024-02-nrk-politidirektoren-bekymret",
        "NRK",
        "Politidirektøren bekymret: Stor økning i ungdomskriminalitet",
        "NRK: «Politidirektøren bekymret: Stor økning i ungdomskriminalitet» (Politidirektoratets "
        "tall)",
        "Faktaboks: Lovbrudd med mistenkt, siktet eller domfelt under 18 år",
        "Påtaleavgjorte straffbare forhold: forhold som påtalemyndigheten har avgjort i året, "
        "med mistenkt, siktet eller domfelt under 18 år, for hele landet (Politidirektoratets "
        "tall, gjengitt av NRK). Ikke det samme som forhold registrert i året.",
    ),
    "https://www.politiet.no/aktuelt-tall-og-fakta/aktuelt/nyheter/2024/01/31/bekymringsfull-utvikling-innen-ungdomskriminalitet/": SourceText(
        "politi-2024-01-31-politiet-bekymringsfull-utvikling",
        "Politiet (Politidirektoratet)",
        "Bekymringsfull utvikling innen ungdomskriminalitet",
        "Politiet: «Bekymringsfull utvikling innen ungdomskriminalitet»",
    ),
    "https://www.ssb.no/befolkning/folketall/statistikk/befolkning": SourceText(
        "ssb-befolkning-2024-05-22-ssb-befolkning",
        "Statistisk sentralbyrå (SSB)",
        "Befolkning",
        "SSB, statistikken Befolkning (oppdatert 22. mai 2024)",
        "Befolkning i starten av perioden",
        "Folketallet for hele landet 1. januar 2023 og 2024, slik statistikksiden viste det.",
    ),
    "https://www.tk.no/norge-har-passert-5-4-millioner-innbyggere-folkevekst-pa-34-000-i-2021/s/5-51-1106172": SourceText(
        "ssb-befolkning-2022-02-telemarksavisa-ntb-norge",
        "Telemarksavisa (NTB)",
        "Norge har passert 5,4 millioner innbyggere",
        "Telemarksavisa (NTB): «Norge har passert 5,4 millioner innbyggere» (SSBs tall)",
        notes="SSBs folketall ved årsskiftet 2021/2022, gjengitt av NTB.",
    ),
    "https://journalen.oslomet.no/2020/02/I-fjor-ble-vi-nesten-40-000-flere": SourceText(
        "ssb-befolkning-2020-02-27-journalen-oslomet-student",
        "Journalen (OsloMets studentavis)",
        "I fjor ble vi nesten 40 000 flere",
        "Journalen: «I fjor ble vi nesten 40 000 flere» (SSBs tall)",
        notes="SSBs folketall ved inngangen til 2020, gjengitt av Journalen.",
    ),
}

#: The licence of the figures of SSB's own pages; others are quoted text.
SSB_PAGES = {
    url for url, text in SOURCES.items() if text.publisher.startswith("Statistisk sentralbyrå")
}

#: What a measure counts and in which unit, as a reader of the sidecar reads it.
MEASURE_WORDS = {
    "personer": ("personer", "personer"),
    "forhold": ("straffbare forhold", "straffbare forhold"),
    "anmeldelser": ("anmeldelser", "anmeldelser"),
    "forhold_andel": ("prosent", "andel av de straffbare forholdene"),
    "anmeldte_lovbrudd": ("lovbrudd", "anmeldte lovbrudd"),
    "siktede": ("personer", "siktede personer"),
    "siktede_per1000": ("per 1 000 innbyggere i aldersgruppen", "siktede per 1 000 innbyggere"),
    "straffede": ("personer", "straffede personer"),
    "ofre": ("personer", "ofre (personer)"),
    "befolkning": ("innbyggere (1. januar)", "befolkning 1. januar"),
    "personer_endring_prosent": ("prosent", "endring i antall personer fra året før"),
    "forhold_endring_prosent": ("prosent", "endring i antall straffbare forhold fra året før"),
    "anmeldelser_endring_prosent": ("prosent", "endring i antall anmeldelser fra året før"),
    "forhold_pataleavgjort": ("straffbare forhold", "påtaleavgjorte straffbare forhold"),
    "ungdata_andel": ("prosent", "andel av elevene som svarte (Ungdata)"),
    "undersokelse_andel": ("prosent", "andel av elevene som svarte (ungdomsundersøkelse)"),
}
#: Whose figures: (area, place role) -> words.
AREA_WORDS = {
    ("oslo", "gjerningssted"): "Oslo kommune, gjerningssted Oslo (SaLTo)",
    ("oslo-pd", "gjerningssted"): "Oslo politidistrikt (Oslo, Asker og Bærum), gjerningssted",
    ("oslo-pd", "alle"): "Oslo politidistrikt (Oslo, Asker og Bærum)",
    ("oslo", "ikke_oppgitt"): "Oslo, uten at kilden sier om det gjelder gjerningssted eller bosted",
    ("oslo", "bosted"): "personer bosatt i Oslo",
    ("oslo", "alle"): "Oslo",
    ("norge", "alle"): "hele landet",
    ("norge", "bosted"): "hele landet",
    ("norge", "gjerningssted"): "hele landet",
    ("baerum", "alle"): "Bærum",
}
QUOTED_CAVEATS = (
    "Hentet fra prosjektets referansefiler, der hvert tall står med kilden og teksten det er "
    "lest fra (gjengitt som sitat i hver rad). Ingenting er anslått eller regnet om. Tall fra "
    "Oslo kommune (SaLTo: gjerningssted Oslo), fra Oslo politidistrikt (Oslo, Asker og Bærum) "
    "og tall der kilden ikke sier om de gjelder gjerningssted eller bosted, holdes fra "
    "hverandre og vises aldri i samme serie. Deler av år (halvår, hittil i år) er ikke lagret; "
    "en endring i prosent er lagret bare når kilden oppgir den fra ett helt år til det neste. "
    "Der to kilder oppgir ulike tall for det samme (f.eks. unge gjengangere 2015: 88 og 89), "
    "er begge lagret, og den nyeste vises."
)
SURVEY_CAVEATS = (
    "Andeler av elevene som svarte, slik kilden oppgir dem; ingenting er anslått eller regnet "
    "om. Ordlyden betyr noe: «har prøvd» er ikke det samme som «siste år», og ordlyden i hver "
    "kilde står i sitatet."
)


def _slug(text: str) -> str:
    table = str.maketrans("æøåÆØÅ", "eoaEOA")
    words = re.findall(r"[a-z0-9]+", text.translate(table).lower())
    return "-".join(words[:4])


def _row_note(reference: str, line: int, stem: str, dims: dict[str, str]) -> str:
    """The Norwegian note a reader sees under a chart: whose figure, and this row's caveat."""
    area = ""
    if dims.get("municipality") == "oslo-pd":
        area = _OPD_NOTE
    elif dims.get("place_role") == "ikke_oppgitt":
        area = _NOT_STATED_NOTE
    elif stem.startswith("ungdom-") and dims.get("municipality") == _OSLO:
        area = _SALTO_NOTE
    return " ".join(t for t in (area, ROW_NOTES.get((reference, line), "")) if t)


def _mapped(
    reference: str,
    rows: list[tuple[int, dict[str, str]]],
    mapping: dict[int, tuple[int, str, dict[str, str]]],
    left_out: dict[int, str],
    known_lines: set[int] | None = None,
) -> list[tuple[str, int, dict[str, str], dict[str, str]]]:
    """(reference, line, reference row, data row) of every mapped line; every line of the
    file (or of `known_lines`) must be mapped or left out, once."""
    lines = {n for n, _r in rows} if known_lines is None else known_lines
    both = set(mapping) & set(left_out)
    if both or set(mapping) | set(left_out) != lines:
        raise ConversionError(
            f"{reference}: lines {sorted(both | (lines ^ (set(mapping) | set(left_out))))} are "
            "not mapped or listed as left out once (or no longer exist)"
        )
    by_line = dict(rows)
    out = []
    for line, (year, period, dims) in sorted(mapping.items()):
        r = by_line[line]
        when = r.get("period", "")
        if str(year) not in when:
            raise ConversionError(f"{reference} line {line}: period {when!r} is not {year}")
        value = r["value"]
        if not re.fullmatch(r"-?\d+(\.\d+)?", value):
            raise ConversionError(f"{reference} line {line}: value {value!r}")
        dims = dict(dims)
        if dims.get("measure") in ("straffede", "ofre", "forhold_pataleavgjort"):
            groups = (
                SSB_TEN_GROUPS
                if dims["measure"] != "forhold_pataleavgjort"
                else (_POLITIDIREKTORATET_GROUPS)
            )
            if r["offence_group"] not in groups:
                raise ConversionError(f"{reference} line {line}: group {r['offence_group']!r}")
            dims["offence_group"] = groups[r["offence_group"]]
        quote = r.get("quoted_text") or r.get("quoted_cells", "")
        row = base_row(year=year, period=period, value=value, quote=quote)
        row.update(dims)
        out.append((reference, line, r, row))
    return out


def quoted_sources(
    reference_dir: Path,
) -> list[tuple[str, dict[str, str], list[dict[str, str]], str]]:
    """(file stem, sidecar, rows, reference files) per quoted source."""
    public = read_rows(reference_dir / PUBLIC)
    in_ssb_files = ssb_file_lines(public)
    rows = [
        *_mapped(
            YOUTH,
            read_rows(reference_dir / YOUTH),
            {n: (y, "", d) for n, (y, d) in YOUTH_MAP.items()},
            YOUTH_LEFT_OUT,
        ),
        *_mapped(
            YOUTH_ADDED,
            read_rows(reference_dir / YOUTH_ADDED),
            {n: (y, "", d) for n, (y, d) in YOUTH_ADDED_MAP.items()},
            YOUTH_ADDED_LEFT_OUT,
        ),
        *_mapped(
            PUBLIC,
            public,
            PUBLIC_MAP,
            PUBLIC_LEFT_OUT,
            known_lines={n for n, _r in public} - in_ssb_files,
        ),
        *_mapped(
            PUBLIC_ADDED,
            read_rows(reference_dir / PUBLIC_ADDED),
            PUBLIC_ADDED_MAP,
            PUBLIC_ADDED_LEFT_OUT,
        ),
    ]
    by_source: dict[str, list[tuple[str, int, dict[str, str], dict[str, str]]]] = {}
    for item in rows:
        url = item[2]["source_url"]
        if url not in SOURCES:
            raise ConversionError(f"{item[0]} line {item[1]}: no Norwegian source text for {url}")
        by_source.setdefault(url, []).append(item)
    out = []
    for url, items in by_source.items():
        text = SOURCES[url]
        dates = {r["publication_date"] for _f, _n, r, _row in items}
        if len(dates) != 1:
            raise ConversionError(f"{url}: several publication dates {sorted(dates)}")
        date_text = dates.pop()
        published, why = PUBLISHED.get(date_text, (date_text, ""))
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
            raise ConversionError(f"{url}: publication date {date_text!r}")
        data_rows = []
        for reference, line, _r, row in items:
            row["note"] = _row_note(reference, line, text.stem, row)
            data_rows.append(row)
        measures = list(dict.fromkeys(r["measure"] for r in data_rows))
        areas = list(dict.fromkeys((r["municipality"], r["place_role"]) for r in data_rows))
        family = text.stem.split("-", 1)[0]
        caveats = {"ungdata": SURVEY_CAVEATS, "undersokelse": SURVEY_CAVEATS}.get(
            family, QUOTED_CAVEATS if family in ("ungdom", "politi") else COMMON_CAVEATS
        )
        lines: dict[str, list[int]] = {}
        for reference, line, _r, _row in items:
            lines.setdefault(reference, []).append(line)
        where = "; ".join(
            f"referansefilen {name}, linje {', '.join(map(str, numbers))}"
            for name, numbers in lines.items()
        )
        meta = {
            "title": text.title,
            "publisher": text.publisher,
            "publication": text.publication,
            "published": published,
            "section": text.section,
            "unit": "; ".join(dict.fromkeys(MEASURE_WORDS[m][0] for m in measures)),
            "counts": "; ".join(MEASURE_WORDS[m][1] for m in measures)
            + " – "
            + "; ".join(AREA_WORDS[a] for a in areas),
            "notes": " ".join(
                t for t in (caveats, text.notes, why, f"Radene er hentet fra {where}.") if t
            ),
            "licence": LICENCE_SSB if url in SSB_PAGES else _QUOTE_LICENCE,
            "source_url": url,
        }
        out.append((text.stem, meta, data_rows, ", ".join(lines)))
    return out


def convert_quoted(reference_dir: Path, out_dir: Path) -> dict[str, int]:
    counts = {}
    for stem, meta, rows, origin in quoted_sources(reference_dir):
        check_unique(stem, rows)
        write_csv(out_dir / f"{stem}.csv", rows)
        write_sidecar(out_dir / f"{stem}.meta.yml", meta, origin=origin)
        counts[stem] = len(rows)
    return counts


# ================================================================== every kommune
#
# population-all-kommuner.csv (SSB 07459 via niphr/csdata, 1 January 2020-2024) names every
# kommune; with the offences file (SSB 08487 via chrilur/lovbrudd, two-year averages
# 2020-2021 ... 2023-2024) and the peer groups (KS: ASSS) it gives
# - the code list of every kommune: data/vocab/areas.kommuner.csv and
#   area_codes.kommuner.csv (the hand-kept areas.csv and area_codes.csv keep Norway, the
#   police areas, and the numbers in force before 2020);
# - data/vocab/peer_groups.csv;
# - every kommune's offences and population (two data files) beside the rows for Bærum,
#   Asker, Oslo and Norway that public-figures.csv already gave (same source; a test checks
#   that those rows are equal in both reference files).
# Every row of the three files is mapped, or listed as left out with the reason.

#: The dashboard's three SLT kommuner come first in every list (the project's mission: a
#: dashboard for Bærum, Asker and Oslo). 2024 number -> (slug, sort). Their slugs predate
#: this converter and are kept, so today's links keep working.
SLT_KOMMUNER = {"3201": ("baerum", 1), "3203": ("asker", 2), "0301": ("oslo", 3)}
#: The other kommuner are sorted alphabetically (Norwegian collation) from this number;
#: the hand-kept areas (Norway, the police areas) use the numbers in between.
FIRST_OTHER_SORT = 10
#: Descriptions the three had in the hand-kept list, kept.
KOMMUNE_DESCRIPTIONS = {
    "baerum": "Bærum kommune",
    "asker": "Asker kommune (nytt område fra 2020)",
    "oslo": "Oslo kommune",
}
#: Numbers kept by hand in data/vocab/area_codes.csv because they were in force before
#: 2020 too (an open `valid_from`); the generated list leaves them out so that no number is
#: listed twice.
HAND_KEPT_NUMBERS = {("oslo", "0301")}
#: A number of 2020-2023 filed under another kommune's 2024 number in the reference: the
#: population file gives Ålesund 2020-2023 (with Haram) as 1507, and today's Ålesund is 1508.
RENUMBERED = {"1507": "1508"}
#: Where a kommune's territory changed in 2020-2024: (2024 number, number) -> note.
TERRITORY_NOTES = {
    ("3203", "3025"): "Asker fra 2020 (med Røyken og Hurum)",
    ("3203", "3203"): "Asker fra 2020 (med Røyken og Hurum)",
    ("1508", "1507"): "Ålesund 2020–2023 (med Haram)",
    ("1508", "1508"): "Ålesund fra 2024 (uten Haram)",
    ("1580", "1580"): "Haram fra 2024 (skilt ut fra Ålesund)",
}
#: The note on a data row whose kommune's territory changed in the years of the files.
TERRITORY_ROW_NOTES = {
    ("1508", "1507"): (
        "Ålesund slik kommunen var 2020–2023, med Haram (kommunenummer 1507). Haram ble egen "
        "kommune igjen 1. januar 2024, så tallene kan ikke sammenlignes direkte med Ålesund fra "
        "2024."
    ),
    ("1508", "1508"): (
        "Ålesund fra 2024, uten Haram (kommunenummer 1508). Kan ikke sammenlignes direkte med "
        "Ålesund 2020–2023, som omfattet Haram."
    ),
    ("1580", "1580"): (
        "Haram er egen kommune fra 1. januar 2024 (kommunenummer 1580); 2020–2023 var Haram en "
        "del av Ålesund."
    ),
    ("3203", "3203"): ASKER_NOTES["3203"],
}

VOCAB_AREA_COLUMNS = [
    "code",
    "label_nb",
    "label_en",
    "sort",
    "kind",
    "description_nb",
    "description_en",
]
VOCAB_CODE_COLUMNS = ["area", "code", "valid_from", "valid_to", "territory_note_nb"]
VOCAB_PEER_COLUMNS = ["peer_group", "label_nb", "label_en", "member", "valid_from", "source_url"]

#: The letters of the Norwegian alphabet in order; other letters sort as the letter they
#: are a variant of (Unicode decomposition, or the table below), as in the Norwegian
#: collation of the Unicode CLDR (which also sorts "aa" as "å").
_NB_ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"
_NB_VARIANTS = {"ä": "æ", "ö": "ø", "ü": "y", "đ": "d", "ŋ": "n", "ŧ": "t", "ð": "d"}


def nb_sort_key(name: str) -> tuple[tuple[int, ...], str]:
    """A kommune name's place in a Norwegian alphabetical list (æ, ø, å after z; "aa" as å;
    á as a; a space or hyphen before any letter, so "Nord-Odal" precedes "Nordkapp")."""
    key: list[int] = []
    for ch in name.casefold().replace("aa", "å"):
        ch = _NB_VARIANTS.get(ch, ch)
        if ch not in _NB_ALPHABET and not ch.isdigit():
            base = unicodedata.normalize("NFKD", ch)[:1]
            ch = _NB_VARIANTS.get(base, base)
        if ch in _NB_ALPHABET:
            key.append(100 + _NB_ALPHABET.index(ch))
        elif ch.isdigit():
            key.append(10 + int(ch))
        elif not key or key[-1] != 0:
            key.append(0)  # a run of spaces, hyphens or brackets: one word break
    return tuple(key), name


def kommune_slug(label: str) -> str:
    """The URL slug of a kommune's name: the first of its names ("Porsanger - Porsáŋgu -
    Porsanki" -> "porsanger"), without SSB's "(Østfold)" that tells two namesakes apart,
    ASCII-folded (æ -> ae, ø -> o, å -> a, á -> a), lower case, anything else -> "-"."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", label).split(" - ")[0].strip().lower()
    name = name.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    name = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).translate(str.maketrans("đŋŧð", "dntd"))
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


class Kommune(NamedTuple):
    """One kommune of 2024: its number, SSB's name, slug, sort and 2020-2023 number."""

    number: str
    label: str
    slug: str
    sort: int
    number_2020: str | None  # the number in force 2020-2023 (None: not a kommune then)


def _region(quoted: str, line: int) -> tuple[str, str]:
    match = re.match(r'region "K-(\d{4}) ([^"]*)"', quoted)
    if not match:
        raise ConversionError(f"population-all-kommuner.csv line {line}: no region in {quoted!r}")
    return match.group(1), match.group(2).strip()


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line, row) of a reference CSV file (line 1 is the header)."""
    with path.open(newline="", encoding="utf-8") as f:
        return [(i + 2, row) for i, row in enumerate(csv.DictReader(f))]


def kommuner(population: list[tuple[int, dict[str, str]]]) -> list[Kommune]:
    """Every kommune of 2024 from the population file, in the lists' order."""
    labels: dict[str, str] = {}
    earlier: dict[str, set[str]] = {}
    for line, r in population:
        number = RENUMBERED.get(r["municipality_code"], r["municipality_code"])
        code, name = _region(r["quoted_cells"], line)
        if r["year"] == "2024":
            if code != number:
                raise ConversionError(
                    f"population-all-kommuner.csv line {line}: 2024 region {code} under {number}"
                )
            if labels.setdefault(number, name) != name:
                raise ConversionError(f"population-all-kommuner.csv line {line}: two names")
        else:
            earlier.setdefault(number, set()).add(code)
    for number, codes in earlier.items():
        if number not in labels or len(codes) != 1:
            raise ConversionError(
                f"population-all-kommuner.csv: kommune {number} has 2020-2023 numbers {codes}"
            )
    slugs: dict[str, list[str]] = {}
    for number, label in labels.items():
        slugs.setdefault(kommune_slug(label), []).append(number)
    named = {}
    for number, label in labels.items():
        slug = kommune_slug(label)
        if number in SLT_KOMMUNER:
            slug = SLT_KOMMUNER[number][0]
        elif len(slugs[slug]) > 1:
            slug = f"{slug}-{number}"  # namesakes (Herøy, Våler): the 2024 number tells them apart
        named[number] = slug
    others = sorted(
        (n for n in labels if n not in SLT_KOMMUNER), key=lambda n: nb_sort_key(labels[n])
    )
    sort = {n: s for n, (_slug, s) in SLT_KOMMUNER.items()}
    sort |= {n: FIRST_OTHER_SORT + i for i, n in enumerate(others)}
    out = [
        Kommune(n, labels[n], named[n], sort[n], next(iter(earlier[n])) if n in earlier else None)
        for n in labels
    ]
    return sorted(out, key=lambda k: k.sort)


def kommune_vocabulary(
    kommune_list: list[Kommune],
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The rows of areas.kommuner.csv and area_codes.kommuner.csv."""
    areas, codes = [], []
    for k in kommune_list:
        areas.append(
            {
                "code": k.slug,
                "label_nb": k.label,
                "label_en": k.label,
                "sort": str(k.sort),
                "kind": "kommune",
                "description_nb": KOMMUNE_DESCRIPTIONS.get(k.slug, ""),
                "description_en": "",
            }
        )
        if k.number_2020 is None:  # a kommune from 2024 (Haram)
            spans = [(k.number, "2024", "")]
        elif k.number_2020 == k.number:
            spans = [(k.number, "2020", "")]
        else:
            spans = [(k.number_2020, "2020", "2023"), (k.number, "2024", "")]
        for number, start, end in spans:
            if (k.slug, number) in HAND_KEPT_NUMBERS:
                continue
            codes.append(
                {
                    "area": k.slug,
                    "code": number,
                    "valid_from": start,
                    "valid_to": end,
                    "territory_note_nb": TERRITORY_NOTES.get((k.number, number), ""),
                }
            )
    return areas, codes


def write_table(path: Path, columns: list[str], rows: list[dict[str, str]], origin: str) -> None:
    """A code-list part, in the given row order (its line order is its order)."""
    del origin  # a code list has no comment line: the folder's README says who writes it
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# ------------------------------------------------------------------------- peer groups

#: peer-groups.csv `grouping` -> (peer_group code, bokmål label, English label).
PEER_GROUPS = {
    "ASSS network (from autumn 2022)": ("asss", "ASSS-kommunene", "ASSS municipalities"),
}
PEER_LEFT_OUT = {
    14: "KOSTRA group 13 has one member, Oslo: a group of one gives Oslo no kommune to be "
    "compared with (Oslo is compared with the ASSS kommuner, of which it is one)",
    15: "KOSTRA group 17 is only defined in the stored excerpt; its members are not listed, "
    "and Bærum's and Asker's membership is not confirmed by any stored source",
}


def peer_group_rows(
    peers: list[tuple[int, dict[str, str]]], slug_of: dict[str, str]
) -> list[dict[str, str]]:
    lines = {n for n, _r in peers}
    mapped = {n for n, r in peers if r["grouping"] in PEER_GROUPS}
    if mapped & set(PEER_LEFT_OUT) or mapped | set(PEER_LEFT_OUT) != lines:
        raise ConversionError(
            f"peer-groups.csv: lines {sorted(lines ^ (mapped | set(PEER_LEFT_OUT)))} are not "
            "mapped or listed as left out (or no longer exist)"
        )
    rows = []
    for line, r in peers:
        if line not in mapped:
            continue
        code, nb, en = PEER_GROUPS[r["grouping"]]
        if r["municipality_code"] not in slug_of:
            raise ConversionError(f"peer-groups.csv line {line}: unknown kommune number")
        since = re.search(r"\(fra høst (\d{4})\)", r["member"])
        rows.append(
            {
                "peer_group": code,
                "label_nb": nb,
                "label_en": en,
                "member": slug_of[r["municipality_code"]],
                "valid_from": since.group(1) if since else "",
                "source_url": r["source_url"],
            }
        )
    return rows


# ------------------------------------------------------------- offences of every kommune

#: offences-all-kommuner.csv columns -> offence groups (SSB 08487, as in OFFENCE_GROUPS).
OFFENCE_COLUMNS = {
    "alt": "alle",
    "eiendomstyveri": "ssb_eiendomstyveri",
    "vold_mishandling": "ssb_vold",
    "rusmidler": "ssb_rusmiddel",
    "orden_integritet": "ssb_orden",
    "trafikk": "ssb_trafikk",
    "annet": "ssb_annet",
}
#: Rows already imported from public-figures.csv (ssb-08487-anmeldte-lovbrudd-snitt.csv), by
#: `komnr` as the offences file writes it.
ALREADY_IMPORTED_OFFENCES = {"3201", "3203", "301", "0"}
SUPPRESSED_NOTE = "Skjult av SSB: fire eller færre lovbrudd."


def offences_all_rows(
    path: Path, slug_of: dict[str, str]
) -> tuple[list[dict[str, str]], dict[int, str]]:
    """(data rows, left-out line -> reason) of offences-all-kommuner.csv."""
    text = path.read_text(encoding="utf-8")
    raw_lines = text.splitlines()
    rows, left_out = [], {}
    for line, r in read_rows(path):
        number = r["komnr"].zfill(4)
        if r["komnr"] in ALREADY_IMPORTED_OFFENCES:
            left_out[line] = (
                "already imported from public-figures.csv (ssb-08487-anmeldte-lovbrudd-snitt), "
                "the same SSB figures; tests/data/test_reference_import.py checks they are equal"
            )
            continue
        year = two_year_period(line, r["år"])
        if number not in slug_of:
            raise ConversionError(
                f"offences-all-kommuner.csv line {line}: unknown kommune {number}"
            )
        code = r["g_komnr"].zfill(4)
        note = TERRITORY_ROW_NOTES.get((number, code), "")
        for column, group in OFFENCE_COLUMNS.items():
            value, status, row_note = r[column], "", note
            if value == "NA":
                value, status = "", ":"
                row_note = f"{SUPPRESSED_NOTE} {note}".strip()
            else:
                check_value(line, value)
            rows.append(
                base_row(
                    year=year,
                    period=r["år"],
                    municipality=slug_of[number],
                    municipality_code=code,
                    measure="anmeldte_lovbrudd_snitt",
                    place_role="gjerningssted",
                    offence_group=group,
                    value=value,
                    status=status,
                    quote=raw_lines[line - 1],
                    note=row_note,
                )
            )
    return rows, left_out


# ----------------------------------------------------------- population of every kommune

POPULATION_ALL_AGES = {
    "all ages (derived: sum of 106 single-year-age cells)": "alle",
    "10-17 (derived: sum of single-year ages)": "10-17",
    "15-17 (derived: sum of single-year ages)": "15-17",
}


def population_all_rows(
    population: list[tuple[int, dict[str, str]]], slug_of: dict[str, str]
) -> tuple[list[dict[str, str]], dict[int, str], list[str]]:
    """(data rows, left-out line -> reason, source files) of population-all-kommuner.csv."""
    rows, left_out, urls = [], {}, []
    for line, r in population:
        number = RENUMBERED.get(r["municipality_code"], r["municipality_code"])
        year = int(r["year"])
        code, _name = _region(r["quoted_cells"], line)
        if number in SLT_KOMMUNER and year <= 2023:
            left_out[line] = (
                "already imported from public-figures.csv (ssb-07459-befolkning), the same "
                "SSB 07459 cells; tests/data/test_reference_import.py checks they are equal"
            )
            continue
        if r["age_group"] not in POPULATION_ALL_AGES:
            raise ConversionError(
                f"population-all-kommuner.csv line {line}: age group {r['age_group']!r}"
            )
        rows.append(
            base_row(
                year=year,
                period=f"1.1.{year}",
                municipality=slug_of[number],
                municipality_code=code,
                measure="befolkning",
                age_group=POPULATION_ALL_AGES[r["age_group"]],
                value=check_value(line, r["value"]),
                quote=r["quoted_cells"],
                note=TERRITORY_ROW_NOTES.get((number, code), ""),
            )
        )
        if r["source_url"] not in urls:
            urls.append(r["source_url"])
    return rows, left_out, urls


# ------------------------------------------------------------------ writing it all

KOMMUNER_OFFENCES = "ssb-08487-anmeldte-lovbrudd-snitt-kommuner"
KOMMUNER_POPULATION = "ssb-07459-befolkning-kommuner"


def convert_kommuner(reference_dir: Path, out_dir: Path) -> dict[str, int]:
    """Every kommune: the code lists (data/vocab) and its offences and population."""
    population = read_rows(reference_dir / "population-all-kommuner.csv")
    kommune_list = kommuner(population)
    slug_of = {k.number: k.slug for k in kommune_list}
    counts: dict[str, int] = {}

    vocab = out_dir / "vocab"
    vocab.mkdir(parents=True, exist_ok=True)
    areas, codes = kommune_vocabulary(kommune_list)
    write_table(vocab / "areas.kommuner.csv", VOCAB_AREA_COLUMNS, areas, "population")
    write_table(vocab / "area_codes.kommuner.csv", VOCAB_CODE_COLUMNS, codes, "population")
    peers = peer_group_rows(read_rows(reference_dir / "peer-groups.csv"), slug_of)
    write_table(vocab / "peer_groups.csv", VOCAB_PEER_COLUMNS, peers, "peer-groups")
    counts |= {
        "vocab/areas.kommuner": len(areas),
        "vocab/area_codes.kommuner": len(codes),
        "vocab/peer_groups": len(peers),
    }

    rows, _left_out = offences_all_rows(reference_dir / "offences-all-kommuner.csv", slug_of)
    check_unique(KOMMUNER_OFFENCES, rows)
    write_csv(out_dir / f"{KOMMUNER_OFFENCES}.csv", rows)
    write_sidecar(
        out_dir / f"{KOMMUNER_OFFENCES}.meta.yml",
        {
            "title": (
                "Anmeldte lovbrudd etter gjerningssted (kommune) og lovbruddsgruppe, gjennomsnitt "
                "av to år, alle kommuner"
            ),
            "publisher": "Statistisk sentralbyrå (SSB)",
            "publication": PUBLICATION_08487,
            "published": "2025-12-19",
            "section": "Anmeldte lovbrudd etter gjerningssted, toårssnitt",
            "unit": "lovbrudd per år (snitt av to år)",
            "counts": "anmeldte lovbrudd; gjerningssted",
            "definitions": DEFINITIONS_08487,
            "notes": NOTES_08487
            + " Denne filen har alle kommuner unntatt Bærum, Asker og Oslo; deres tall (og "
            "landets) står i ssb-08487-anmeldte-lovbrudd-snitt, fra samme kilde. Ålesund: "
            "kilden fører 2020–2023 under dagens Ålesund (1508), men området var da Ålesund "
            "med Haram (1507); radene er merket, og tallene fra 2024 gjelder Ålesund uten Haram. "
            "Haram har bare perioden 2023–2024. Kilde: hele filen anmeldt_20-24.csv "
            "(chrilur/lovbrudd, versjon f556047, 19. desember 2025), uendret; hver rad siterer "
            "linjen tallet er lest fra.",
            "licence": LICENCE_SSB,
            "source_url": SOURCE_08487,
        },
        origin="offences-all-kommuner.csv",
    )
    counts[KOMMUNER_OFFENCES] = len(rows)

    rows, _left_out, urls = population_all_rows(population, slug_of)
    check_unique(KOMMUNER_POPULATION, rows)
    write_csv(out_dir / f"{KOMMUNER_POPULATION}.csv", rows)
    write_sidecar(
        out_dir / f"{KOMMUNER_POPULATION}.meta.yml",
        {
            "title": "Folkemengde 1. januar etter kommune og alder, alle kommuner",
            "publisher": "Statistisk sentralbyrå (SSB)",
            "publication": PUBLICATION_07459,
            "published": "2024-04-21",
            "section": "Folkemengde 1. januar (sum av ettårige aldersgrupper)",
            "unit": "innbyggere (1. januar)",
            "counts": "befolkning 1. januar; alle aldre, 10–17 år, 15–17 år",
            "definitions": DEFINITIONS_07459,
            "notes": NOTES_07459
            + " Denne filen har alle kommuner 1. januar 2020–2024 unntatt Bærum, Asker og Oslo "
            "2020–2023, som står i ssb-07459-befolkning (samme celler). Kommunenummeret i hver "
            "rad er det kommunen hadde det året. Ålesund 2020–2023 er kommunen med Haram (1507); "
            "fra 2024 er Ålesund (1508) og Haram (1580) to kommuner. Kildefiler: "
            + "; ".join(urls),
            "licence": LICENCE_SSB,
            "source_url": urls[-1] if urls else "",
        },
        origin="population-all-kommuner.csv",
    )
    counts[KOMMUNER_POPULATION] = len(rows)
    return counts


def convert_all(reference_dir: Path, out_dir: Path) -> dict[str, int]:
    """Every data file and code-list part the reference files give: name -> rows."""
    counts = convert(reference_dir / "public-figures.csv", out_dir)
    counts |= convert_quoted(reference_dir, out_dir)
    counts |= convert_kommuner(reference_dir, out_dir)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "reference",
        type=Path,
        nargs="?",
        default=REFERENCE_DIR,
        help="the folder of the reference files (default: the repository's sources/reference/)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "data",
        help="output directory (default: the repository's data/)",
    )
    args = parser.parse_args(argv)
    try:
        counts = convert_all(args.reference, args.out)
    except ConversionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{name}: {n} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
