#!/usr/bin/env python3
"""Convert the shared public-figures reference file into tidy data files.

Usage:
    python scripts/convert_reference.py /work/shared/reference/public-figures.csv [--out data]

Reads `public-figures.csv` (one published number per row, see
/work/shared/reference/README.md) and writes three data files, each with its
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
from pathlib import Path

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
        file_name = r["source_url"].rsplit("/", 1)[-1]
        note = (
            "Sum av cellene for ettårig alder i SSB 07459, beregnet i referansefilen "
            "(cellene som er summert, står i sitatet). Summen er ikke en celle SSB har publisert."
        )
        if muni == "asker":
            note += " " + ASKER_NOTES[code]
        rows.append(
            base_row(
                year=year,
                period=f"1.1.{year}",
                municipality=muni,
                municipality_code=code,
                measure="befolkning",
                age_group=POPULATION_AGES[r["age_group"]],
                value=check_value(row_no, r["value"]),
                section=f"SSB 07459 export {file_name} (niphr/csdata)",
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
        note = (
            "Gjennomsnitt av to år (lovbrudd per år). Periodene overlapper med ett år "
            "og skal ikke summeres."
        )
        if muni == "asker":
            note += " " + ASKER_NOTES[code]
        if muni == "baerum" and code == "3201":
            note += " Bærum 3201 = samme område som 0219/3024 (nytt nummer fra 2024)."
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
                section=f"{r['table']} (published {r['publication_date']})",
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


#: Short publication/section shown under charts; the full provenance moves to `notes`.
SHORT_SOURCE = {
    "ssb-07459-befolkning": (
        "SSB Statistikkbanken, tabell 07459",
        "Folkemengde 1. januar (sum av ettårige aldersgrupper)",
    ),
    "ssb-08487-anmeldte-lovbrudd-snitt": (
        "SSB Statistikkbanken, tabell 08487 (sekundærkopi, Samarbeidsdesken)",
        "Anmeldte lovbrudd etter gjerningssted, toårssnitt",
    ),
    "ssb-norge-per1000": (
        "SSB, Anmeldte lovbrudd (statistikkside og tabell 08487)",
        "Hele landet: totalt og per 1 000 innbyggere",
    ),
}


def write_sidecar(path: Path, meta: dict[str, str]) -> None:
    short = SHORT_SOURCE.get(path.name.removesuffix(".meta.yml"))
    if short:
        full = f"Fullstendig kilde: {meta['publication']}. Avsnitt/tabell: {meta['section']}."
        meta = {**meta, "publication": short[0], "section": short[1]}
        meta["notes"] = (meta.get("notes", "").rstrip() + "\n" + full).strip()
    unknown = set(meta) - set(SIDECAR_KEYS)
    if unknown:
        raise KeyError(unknown)
    with path.open("w", encoding="utf-8") as f:
        f.write(
            "# Written by scripts/convert_reference.py from "
            "/work/shared/reference/public-figures.csv\n"
        )
        for key in SIDECAR_KEYS:
            if key in meta:
                # A JSON string is a valid YAML double-quoted scalar.
                f.write(f"{key}: {json.dumps(meta[key], ensure_ascii=False)}\n")


COMMON_CAVEATS = (
    "Kopiert fra prosjektets referansefil public-figures.csv (ett publisert tall per rad, "
    "med teksten tallet er lest fra i `quote`). Ingenting er anslått eller beregnet på nytt her."
)


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
            "title": (
                "07459: Folkemengde, etter region, alder, statistikkvariabel og år (1. januar)"
            ),
            "publisher": (
                "Statistisk sentralbyrå (SSB); export committed to the FHI R package csdata "
                "(niphr/csdata)"
            ),
            "publication": (
                "SSB StatBank table 07459 export ('07459: Population, by region, age, contents and "
                "year'), "
                "committed to the FHI R package csdata (niphr/csdata)"
            ),
            "published": "2023-04-21",
            "section": "SSB 07459 (population 1 January, single-year ages)",
            "unit": "innbyggere (1. januar)",
            "counts": "befolkning 1. januar; alle aldre, 10-17 år, 15-17 år",
            "definitions": (
                "Folkemengde 1. januar. year = året for datoen 1. januar, period = «1.1.YYYY». "
                "Aldersgruppene alle / 10-17 / 15-17 er summer av SSBs celler for ettårig alder, "
                "laget i referansefilen (radene «population_derived_sum»; cellene som er summert, "
                "er sitert i hver rad)."
            ),
            "notes": (
                COMMON_CAVEATS
                + " Tallene for aldersgruppene er avledede summer av celler for ettårig alder i "
                "en eksport av SSB 07459. README for referansefilen oppgir at totalene stemmer med "
                "totaler SSB har publisert andre steder (Bærum 1. januar 2013: 116 677; Oslo "
                "1. januar 2013: 623 966; Oslo 1. januar 2015: 647 676). "
                "Asker: 0220 er det gamle området (til og med 2019, uten Røyken og Hurum), 3025 "
                "det nye (fra 1. januar 2020, slått sammen med Røyken og Hurum). De to må ikke "
                "kobles sammen til én linje uten at bruddet er markert. Bærums område er uendret "
                "(0219 til og med 2019, 3024 fra 2020). "
                "Noen siterte regionnavn viser et erstatningstegn («B\ufffdrum»), slik som i "
                "eksporten. "
                "Kildefiler: " + "; ".join(urls)
            ),
            "licence": LICENCE_SSB,
            "source_url": urls[0] if urls else "",
        },
    )
    counts["ssb-07459-befolkning"] = len(rows)

    # (2) reported offences, two-year averages (secondary copy of SSB 08487)
    rows, urls = offences_avg_rows(reference)
    check_unique("ssb-08487-anmeldte-lovbrudd-snitt", rows)
    write_csv(out_dir / "ssb-08487-anmeldte-lovbrudd-snitt.csv", rows)
    write_sidecar(
        out_dir / "ssb-08487-anmeldte-lovbrudd-snitt.meta.yml",
        {
            "title": (
                "Anmeldte lovbrudd etter gjerningssted (kommune) og lovbruddsgruppe, gjennomsnitt "
                "av to år "
                "(SSB 08487)"
            ),
            "publisher": (
                "Statistisk sentralbyrå (SSB); secondary copy by Samarbeidsdesken (C. Lura), "
                "github.com/chrilur/lovbrudd"
            ),
            "publication": (
                "Samarbeidsdesken (C. Lura): 'Anmeldte lovbrudd i norske kommuner', file "
                "anmeldt_20-24.csv - "
                "SSB figures re-published (secondary copy), municipality = scene of crime"
            ),
            "published": "2025-12-19",
            "section": (
                "SSB offences reported by scene of crime (municipality), two-year average "
                "(SSB StatBank 08487 series); secondary copy"
            ),
            "unit": "lovbrudd per år (snitt av to år)",
            "counts": "anmeldte lovbrudd; gjerningssted",
            "definitions": (
                "Lovbrudd anmeldt til politiet etter gjerningssted (kommune), gjennomsnitt av to "
                "påfølgende år. year = siste år i perioden, period = «YYYY-YYYY». "
                "Lovbruddsgrupper (inndelingen fra 2015): alle = alle lovbrudd; "
                "ssb_eiendomstyveri = eiendomstyveri; ssb_vold = vold og mishandling; "
                "ssb_rusmiddel = rusmiddellovbrudd; ssb_orden = ordens- og "
                "integritetskrenkelser; ssb_trafikk = trafikklovbrudd; ssb_annet = andre "
                "lovbrudd (medregnet annen vinningskriminalitet, skadeverk og seksuallovbrudd)."
            ),
            "notes": (
                COMMON_CAVEATS
                + " Toårssnittene overlapper med ett år (2020-2021, 2021-2022, ...). De er ikke "
                "årlige tall og skal ikke summeres. Snittene er avrundet, så de sju gruppene "
                "summerer seg til totalen bare innenfor avrundingen (en forskjell på 1-2 er "
                "ventet). Dette er SSB-tall via en rensket sekundærkopi laget av journalister "
                "(chrilur/lovbrudd, anmeldt_20-24.csv), tilpasset dagens kommuner. Oppgi dem som "
                "SSB-tall via denne kopien. Asker er området etter 2020 (3025; 3203 fra 2024), "
                "Bærum 3024 (3201 fra 2024, samme område). Tall for kommuner publiseres bare når "
                "det er flere enn fire tilfeller. Skjulte celler vil stå som «..» eller «:», "
                "aldri som null. Gjerningssted teller lovbrudd begått i kommunen, uansett hvem "
                "som har begått dem."
            ),
            "licence": LICENCE_SSB + " (via the secondary copy github.com/chrilur/lovbrudd)",
            "source_url": urls[0] if urls else "",
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
            "title": "Anmeldte lovbrudd, hele landet: per 1 000 innbyggere og totalt (SSB)",
            "publisher": "Statistisk sentralbyrå (SSB)",
            "publication": "; ".join(title for title, _url, _table in sources),
            "published": "2019-03-27",
            "section": "; ".join(table for _title, _url, table in sources),
            "unit": "per 1 000 innbyggere; lovbrudd",
            "counts": "anmeldte lovbrudd, hele landet",
            "definitions": (
                "anmeldte_lovbrudd_per1000_snitt og anmeldte_lovbrudd_snitt: tabell 344377 i "
                "SSBs publisering (Statistikkbanken 08487), anmeldte lovbrudd etter "
                "gjerningssted, gjennomsnitt for 2016-2017, absolutte tall og per 1 000 "
                "innbyggere, sju lovbruddsgrupper (se ssb-08487-anmeldte-lovbrudd-snitt for "
                "gruppekodene). anmeldte_lovbrudd_per1000: anmeldte lovbrudd per 1 000 "
                "innbyggere i ett år (SSBs nøkkeltall for 2018 og 2012). anmeldte_lovbrudd: "
                "anmeldte lovbrudd i året for hele landet, alle typer lovbrudd (SSB tabell 1, "
                "2010-2018)."
            ),
            "notes": (
                COMMON_CAVEATS
                + " Flere SSB-sider er satt sammen (`section` i hver rad oppgir tabell og "
                "publiseringsdato; kilder: "
                + "; ".join(f"{table}: {url}" for _title, url, table in sources)
                + "). `published` i denne metadatafilen er den nyeste av dem. Toårssnitt "
                "overlapper og skal ikke summeres. Totalene for hele landet omfatter Svalbard, "
                "utlandet og ukjent gjerningssted. Tallet for 2012 er fra før ny straffelov "
                "trådte i kraft i 2015 (lovbruddsgruppene kan ikke sammenlignes)."
            ),
            "licence": LICENCE_SSB,
            "source_url": sources[0][1] if sources else "",
        },
    )
    counts["ssb-norge-per1000"] = len(rows)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="path to public-figures.csv")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "data",
        help="output directory (default: the repository's data/)",
    )
    args = parser.parse_args(argv)
    try:
        counts = convert(args.reference, args.out)
    except ConversionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{name}: {n} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
