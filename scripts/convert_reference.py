#!/usr/bin/env python3
"""Convert the shared public-figures reference file into tidy data files.

Usage:
    python scripts/convert_reference.py [sources/reference/public-figures.csv] [--out data]

Reads `public-figures.csv` (one published number per row, see
sources/reference/README.md) and writes three data files, each with its
`.meta.yml` sidecar, in the format of docs/data-format.md:

- `ssb-07459-befolkning.csv`: population on 1 January (SSB 07459), all ages,
  10-17 and 15-17, for Bærum, Asker and Oslo (rows `population_derived_sum`).
- `ssb-08487-anmeldte-lovbrudd-snitt.csv`: offences reported by scene of crime,
  two-year averages, seven offence groups, Bærum, Asker, Oslo and Norway
  (SSB's 08487 series via a journalists' secondary copy).
- `ssb-norge-per1000.csv`: Norway benchmarks taken from SSB's own pages: reported
  offences per 1 000 (single-year and two-year average), the two-year-average
  absolute figures of the same SSB table, and single-year national totals.

Only the standard library is used. Values are copied as published (never
recomputed or rounded); a reference row this script does not know how to map
stops the conversion instead of being skipped silently.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import NamedTuple

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


def fail(row_no: int, message: str) -> None:
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
        raise  # unreachable


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
        raise  # unreachable


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
    reference: list[tuple[int, dict[str, str]]],
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
    reference: list[tuple[int, dict[str, str]]],
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
    reference: list[tuple[int, dict[str, str]]],
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


def write_sidecar(path: Path, meta: dict[str, str], origin: str = "public-figures.csv") -> None:
    unknown = set(meta) - set(SIDECAR_KEYS)
    if unknown:
        raise KeyError(unknown)
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# Written by scripts/convert_reference.py from sources/reference/{origin}\n")
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


# ------------------------------------------------------------------ youth-figures.csv
#
# Oslo's youth-crime figures from the yearly SaLTo report ("Barne- og ungdomskriminalitet
# i Oslo") as quoted by the press, Oslo kommune and the police, plus a few Oslo police
# district figures. Every row of youth-figures.csv is either mapped below (by its line
# number, so a changed reference file stops the conversion) or listed in YOUTH_LEFT_OUT
# with the reason. One data file per source (publication), so where two sources disagree
# both are kept as editions and the newer is shown.

#: Reference `publication_date` texts that are not ISO dates -> the ISO date (year or
#: month) the text supports; the sidecar says it is inferred.
YOUTH_PUBLISHED = {
    "not shown on the page (early 2019; reports 2018 as 'i fjor')": "2019",
    "not shown on copy (report released 2019-05-08 per politiet.no news item)": "2019",
    "not shown (2020; 'nå oppdatert med tall for 2019')": "2020",
    "not shown (early 2017; figures 'hentet fra Salto-rapporten som skal legges frem i mai')": (
        "2017"
    ),
    "not shown (early 2017)": "2017",
    "not shown (May 2017, SaLTo 2016 report)": "2017-05",
    "not shown (2015-05-06 per newsinenglish.no report of the same story)": "2015",
    "not shown (2016; SaLTo report on 2015)": "2016",
    "not shown (2016)": "2016",
    "not shown (after 13 June 2018)": "2018",
}

SALTO = dict(municipality="oslo", place_role="gjerningssted")
OPD = dict(municipality="oslo-pd", place_role="gjerningssted")
GJENG = "gjengangere_4pluss_forhold"

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
    16: (2019, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    17: (2020, dict(SALTO, measure="personer", age_group="under-18", category=GJENG)),
    18: (2020, dict(OPD, measure="anmeldelser", age_group="under-18")),
    20: (2021, dict(OPD, measure="personer", age_group="under-18", category=GJENG)),
    23: (2016, dict(SALTO, measure="forhold", age_group="under-18")),
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

_CHANGE = "a published change between two periods, not a count for a year (the dashboard "
_CHANGE += "states changes from the stored figures; a change is never stored as a figure)"
_PART_YEAR = "part of a year: the schema has no honest way to store a part-year figure"
YOUTH_LEFT_OUT = {
    8: "a police station area (Grønland) inside Oslo: no area code for station areas",
    9: _CHANGE + "; and a station area (Majorstuen)",
    15: _CHANGE,
    19: _CHANGE,
    21: _CHANGE,
    22: "a difference from a five-year average, not a count for a year",
    24: _CHANGE,
    32: "violent incidents with four or more suspects: no measure counts incidents",
    43: _CHANGE + " (over ten years)",
    44: _CHANGE,
    45: "a cohort share (2014 offenders not registered again in 2015), not a yearly figure",
    46: _CHANGE,
    51: _PART_YEAR + " (first half of 2017)",
    52: _CHANGE + "; part of a year",
    53: _PART_YEAR + " (first half of 2017)",
    54: _CHANGE + "; part of a year",
    56: _PART_YEAR + " (2021 to about 23 September)",
    57: _PART_YEAR + " (January-July 2019)",
    58: _PART_YEAR + " (January-July 2020)",
    59: _CHANGE + "; part of a year",
    60: _CHANGE + "; part of a year",
    61: _PART_YEAR + " (January-July 2020)",
    62: _PART_YEAR + " (2015, probably January-July; wording ambiguous)",
    63: "a cohort (persons with 4+ offences in a year, 2015-2018), not a yearly figure",
    64: "offences of a cohort counted over several years, not a yearly figure",
    65: _PART_YEAR + " (January-October 2019), Asker and Bærum combined",
    66: "Asker and Bærum combined (the police's prevention section): no area code for it, "
    "and never to be split into the two kommuner",
    67: _PART_YEAR + " (2019 to about November), Asker and Bærum combined",
    68: _PART_YEAR + " (year to date; the year is not shown)",
    69: _PART_YEAR + " (year to date; the year is not shown)",
    70: _PART_YEAR + " (year to date; the year is not shown)",
}

YOUTH_NOTES = {
    "oslo": (
        "SaLTo-tall for Oslo kommune: lovbrudd registrert i Oslo (gjerningssted Oslo), "
        "uansett hvor de mistenkte bor. Gjengitt i en avis, av Oslo kommune eller politiet; "
        "SaLTo-rapporten selv er kilden de viser til."
    ),
    "oslo-pd": (
        "Oslo politidistrikt (Oslo, Asker og Bærum fra 1. mai 2017): tallet gjelder hele "
        "distriktet og blandes aldri inn i en kommunes serie."
    ),
}

YOUTH_CAVEATS = (
    "Kopiert fra prosjektets referansefil youth-figures.csv (ett publisert tall per rad, "
    "med teksten tallet er lest fra i `quote`). Ingenting er anslått eller beregnet på nytt. "
    "Tall fra Oslo kommune (SaLTo: gjerningssted Oslo) og fra Oslo politidistrikt (Oslo, "
    "Asker og Bærum) er lagret som ulike områder og blandes aldri. Deler av år (halvår, "
    "hittil i år) og endringer i prosent er ikke lagret. Der to kilder oppgir ulike tall for "
    "det samme (f.eks. unge gjengangere 2015: 88 og 89), er begge lagret, og den nyeste vises."
)


def _slug(text: str) -> str:
    table = str.maketrans("æøåÆØÅ", "eoaEOA")
    words = re.findall(r"[a-z0-9]+", text.translate(table).lower())
    return "-".join(words[:4])


def youth_sources(
    path: Path,
) -> list[tuple[str, dict[str, str], list[dict[str, str]]]]:
    """(file stem, sidecar, rows) per source of youth-figures.csv."""
    with path.open(newline="", encoding="utf-8") as f:
        reference = [(i + 2, row) for i, row in enumerate(csv.DictReader(f))]
    known = set(YOUTH_MAP) | set(YOUTH_LEFT_OUT)
    lines = {n for n, _r in reference}
    if lines != known:
        raise ConversionError(
            f"youth-figures.csv: lines {sorted(lines ^ known)} are not mapped or listed as "
            "left out (or no longer exist)"
        )
    by_source: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row_no, r in reference:
        if row_no not in YOUTH_MAP:
            continue
        year, dims = YOUTH_MAP[row_no]
        if str(year) not in r["period"]:
            raise ConversionError(f"youth-figures.csv line {row_no}: period {r['period']!r}")
        value = r["value"]
        if not re.fullmatch(r"\d+(\.\d)?", value):
            raise ConversionError(f"youth-figures.csv line {row_no}: value {value!r}")
        note = YOUTH_NOTES[dims["municipality"]]
        detail = f"Kildens beskrivelse: {r['area_detail']}; alder: {r['age_group']}"
        if r["sex"] != "all":
            detail += f"; kjønn: {r['sex']}"
        note += f" {detail}; enhet: {r['unit']} (referansefilen youth-figures.csv, linje {row_no})."
        row = base_row(year=year, value=value, quote=r["quoted_text"], note=note, **dims)
        key = (r["source_url"], r["source_title"], r["publication_date"])
        by_source.setdefault(key, []).append(row)
    out = []
    for (url, title, date_text), rows in by_source.items():
        published = YOUTH_PUBLISHED.get(date_text, date_text)
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
            raise ConversionError(f"youth-figures.csv: publication date {date_text!r}")
        inferred = (
            ""
            if published == date_text
            else (
                f" Publiseringsdatoen vises ikke i kilden ({date_text}); "
                f"`published` = {published} er det kilden selv viser."
            )
        )
        publisher = title.split(":", 1)[0].strip()
        stem = f"ungdom-{published}-{_slug(title)}"
        areas = sorted({r["municipality"] for r in rows})
        meta = {
            "title": title,
            "publisher": publisher,
            "publication": title,
            "published": published,
            "section": "Tall sitert i teksten (SaLTo-rapporten «Barne- og ungdomskriminalitet i "
            "Oslo» eller Oslo politidistrikt)",
            "unit": "; ".join(sorted({r["measure"] for r in rows})),
            "counts": "; ".join(
                (
                    "Oslo kommune, gjerningssted Oslo (SaLTo)"
                    if a == "oslo"
                    else "Oslo politidistrikt (Oslo, Asker og Bærum)"
                )
                for a in areas
            ),
            "notes": YOUTH_CAVEATS + inferred,
            "licence": "Sitat fra offentlig publisert tekst, gjengitt med kildehenvisning.",
            "source_url": url,
        }
        out.append((stem, meta, rows))
    return out


def convert_youth(path: Path, out_dir: Path) -> dict[str, int]:
    counts = {}
    for stem, meta, rows in youth_sources(path):
        check_unique(stem, rows)
        write_csv(out_dir / f"{stem}.csv", rows)
        write_sidecar(out_dir / f"{stem}.meta.yml", meta, origin="youth-figures.csv")
        counts[stem] = len(rows)
    return counts


# ------------------------------------------------ more rows of public-figures.csv (by line)
#
# Figures for Oslo, the Oslo police district and Norway that the first three files do not
# hold. Mapped by line number; rows not mapped here and not in the three files above are
# listed in PUBLIC_LEFT_OUT with the reason. One data file per source.

#: Non-ISO `publication_date` texts -> the ISO date they support.
PUBLIC_PUBLISHED = {
    "2013 (yearbook edition)": "2013",
    "not shown (statistics year 2017)": "2018",
    "not shown (statistics year 2013)": "2014",
    "2012 (yearbook edition; columns 2003-2011)": "2012",
    "not shown (late 2013/early 2014)": "2013",
    "not shown (2015)": "2015",
}

_OSLO, _NORGE, _OPD = "oslo", "norge", "oslo-pd"


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


#: line -> (file prefix, year, period, dimensions)
PUBLIC_MAP: dict[int, tuple[str, int, str, dict[str, str]]] = {
    139: ("oslo-arbok", 2012, "", dict(municipality=_OSLO, measure="anmeldte_lovbrudd")),
    140: (
        "oslo-arbok",
        2012,
        "",
        dict(municipality=_OSLO, measure="anmeldte_lovbrudd", offence_group="ran"),
    ),
    142: (
        "oslo-arbok",
        2012,
        "",
        dict(municipality=_OSLO, measure="anmeldte_lovbrudd", offence_group="narkotika"),
    ),
    **{
        line: ("ssb-siktede-bosted", 2017, "", _charged(muni, "bosted", age))
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
        line: ("ssb-siktede-gjerningssted", 2013, "", _charged(muni, "gjerningssted", age, group))
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
            "ssb-siktede-per1000",
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
    200: ("politi-opd", 2017, "", dict(municipality=_OPD, measure="forhold", age_group="under-18")),
    201: (
        "politi-opd",
        2017,
        "",
        dict(municipality=_OPD, measure="personer", age_group="under-18"),
    ),
    202: ("politi-opd", 2018, "", dict(municipality=_OPD, measure="anmeldte_lovbrudd")),
    203: (
        "politi-opd",
        2018,
        "",
        dict(municipality=_OPD, measure="anmeldte_lovbrudd", offence_group="vold"),
    ),
    204: (
        "politi-opd",
        2018,
        "",
        dict(municipality=_OPD, measure="personer", age_group="under-18"),
    ),
    205: (
        "politi-opd",
        2018,
        "",
        dict(
            municipality=_OPD,
            measure="personer",
            age_group="under-18",
            category="gjengangere_4pluss_forhold",
        ),
    ),
    206: ("politi-opd", 2018, "", dict(municipality=_OPD, measure="forhold", age_group="under-18")),
    207: ("politi-opd", 2017, "", dict(municipality=_OPD, measure="forhold", age_group="under-18")),
    208: (
        "ssb-befolkning-tabell",
        2013,
        "1.1.2013",
        dict(municipality="baerum", municipality_code="0219", measure="befolkning"),
    ),
    210: (
        "ssb-befolkning-tabell",
        2013,
        "1.1.2013",
        dict(municipality=_OSLO, municipality_code="0301", measure="befolkning"),
    ),
    212: (
        "ssb-befolkning-tabell",
        2015,
        "1.1.2015",
        dict(municipality=_OSLO, municipality_code="0301", measure="befolkning"),
    ),
}

PUBLIC_LEFT_OUT = {
    141: "registered traffic misdemeanours (registrerte forseelser), not reported offences: "
    "no measure for them",
    209: "a preliminary, calculated population on 31 December, not the final 1 January figure",
    211: "a preliminary, calculated population on 31 December, not the final 1 January figure",
    **{
        line: "persons sanctioned / victims by SSB's ten offence groups: no page shows "
        "sanctions or victims, and the vocabulary has only the seven groups of 08487"
        for line in range(171, 200)
    },
    **{
        line: "a survey answer (Ungdata / Ung i Oslo / Ungdomsundersøkelsen) by school year "
        "or sex: no page shows survey answers in this breakdown"
        for line in range(339, 364)
    },
}


def public_extra_sources(
    reference: list[tuple[int, dict[str, str]]],
) -> list[tuple[str, dict[str, str], list[dict[str, str]]]]:
    """(file stem, sidecar, rows) per source for the rows in PUBLIC_MAP."""
    by_line = dict(reference)
    by_source: dict[tuple[str, str, str, str], list[dict[str, str]]] = {}
    tables: dict[tuple[str, str, str, str], set[str]] = {}
    for line, (prefix, year, period, dims) in PUBLIC_MAP.items():
        r = by_line[line]
        if str(year) not in r["period"]:
            raise ConversionError(f"public-figures.csv line {line}: period {r['period']!r}")
        value = r["value"]
        if not re.fullmatch(r"\d+(\.\d+)?", value):
            raise ConversionError(f"public-figures.csv line {line}: value {value!r}")
        note = (
            f"Kildens beskrivelse: område {r['municipality']}; alder {r['age_group']}; "
            f"lovbrudd {r['offence_group'] or '-'}; enhet: {r['unit']} "
            f"(referansefilen public-figures.csv, linje {line})."
        )
        if dims["municipality"] == _OPD:
            note += " " + YOUTH_NOTES[_OPD]
        row = base_row(year=year, period=period, value=value, quote=r["quoted_cells"], note=note)
        row.update(dims)
        key = (prefix, r["source_url"], r["source_title"], r["publication_date"])
        by_source.setdefault(key, []).append(row)
        tables.setdefault(key, set()).add(r["table"])
    out = []
    for key, rows in by_source.items():
        prefix, url, title, date_text = key
        published = PUBLIC_PUBLISHED.get(date_text, date_text)
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
            raise ConversionError(f"public-figures.csv: publication date {date_text!r}")
        inferred = (
            ""
            if published == date_text
            else f" Publiseringsdatoen vises ikke som dato i kilden ({date_text}); "
            f"`published` = {published} er det tidligste den kan være."
        )
        stem = f"{prefix}-{published}-{_slug(title)}"
        meta = {
            "title": title,
            "publisher": title.split(":", 1)[0].split(" (", 1)[0].strip(),
            "publication": title,
            "published": published,
            "section": "; ".join(sorted(tables[key])),
            "unit": "; ".join(sorted({r["measure"] for r in rows})),
            "counts": "; ".join(sorted({r["measure"] for r in rows})),
            "notes": COMMON_CAVEATS + inferred,
            "licence": LICENCE_SSB
            if prefix.startswith("ssb-")
            else "Sitat fra offentlig publisert tekst, gjengitt med kildehenvisning.",
            "source_url": url,
        }
        out.append((stem, meta, rows))
    return out


def convert_public_extra(reference_path: Path, out_dir: Path) -> dict[str, int]:
    counts = {}
    for stem, meta, rows in public_extra_sources(read_reference(reference_path)):
        check_unique(stem, rows)
        write_csv(out_dir / f"{stem}.csv", rows)
        write_sidecar(out_dir / f"{stem}.meta.yml", meta)
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
    ).translate(str.maketrans({"đ": "d", "ŋ": "n", "ŧ": "t", "ð": "d"}))
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
    "ASSS network (from autumn 2022)": ("asss", "ASSS-kommunene", "The ASSS municipalities"),
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
    counts |= convert_youth(reference_dir / "youth-figures.csv", out_dir)
    counts |= convert_public_extra(reference_dir / "public-figures.csv", out_dir)
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
