"""The public reference figures (sources/reference/) converted into data/: reproducible byte
for byte, every row of every reference file mapped or left out with a reason, every kommune
in the code lists, bases kept apart, and rates per 1 000 recomputed from the reference files
equal to what the warehouse holds."""

from __future__ import annotations

import csv
import importlib.util
import math
import random
import sys
from collections.abc import Iterable

import duckdb
import pytest

from dashboard import dimensions as dims
from dashboard.build import vocabfiles
from tests.paths import DATA_DIR, ROOT

REFERENCE = ROOT / "sources" / "reference"
spec = importlib.util.spec_from_file_location(
    "convert_reference", ROOT / "scripts" / "convert_reference.py"
)
assert spec is not None and spec.loader is not None
convert_reference = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = convert_reference
spec.loader.exec_module(convert_reference)
cr = convert_reference

SLT = {"3201": "baerum", "3203": "asker", "301": "oslo", "0": "norge"}


def reference(name: str) -> list[tuple[int, dict[str, str]]]:
    return cr.read_rows(REFERENCE / name)


def data_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ------------------------------------------------------------------ reproducible, complete


def test_conversion_reproduces_every_checked_in_file(tmp_path):
    counts = cr.convert_all(REFERENCE, tmp_path)
    for name in counts:
        suffixes = (".csv",) if name.startswith("vocab/") else (".csv", ".meta.yml")
        for suffix in suffixes:
            written = (tmp_path / f"{name}{suffix}").read_bytes()
            assert written == (DATA_DIR / f"{name}{suffix}").read_bytes(), name
    # no file the converter once wrote is left behind in data/
    made_here = {
        p.name.removesuffix(".meta.yml")
        for p in DATA_DIR.glob("*.meta.yml")
        if p.read_text(encoding="utf-8").startswith("# Written by scripts/convert_reference.py")
    }
    assert made_here == {n for n in counts if not n.startswith("vocab/")}


def _once(mapped: Iterable[int], left_out: dict[int, str], lines: set[int]) -> None:
    mapped = set(mapped)
    assert not mapped & set(left_out)
    assert mapped | set(left_out) == lines
    assert all(len(reason.split()) >= 4 for reason in left_out.values()), "a reason, not a word"


def test_every_row_of_every_reference_file_is_mapped_or_left_out_with_a_reason():
    lines = {name: {n for n, _r in reference(name)} for name in (cr.YOUTH, cr.YOUTH_ADDED)}
    _once(cr.YOUTH_MAP, cr.YOUTH_LEFT_OUT, lines[cr.YOUTH])
    _once(cr.YOUTH_ADDED_MAP, cr.YOUTH_ADDED_LEFT_OUT, lines[cr.YOUTH_ADDED])
    _once(
        cr.PUBLIC_ADDED_MAP,
        cr.PUBLIC_ADDED_LEFT_OUT,
        {n for n, _r in reference(cr.PUBLIC_ADDED)},
    )
    public = reference(cr.PUBLIC)
    in_ssb_files = cr.ssb_file_lines(public)
    assert not in_ssb_files & (set(cr.PUBLIC_MAP) | set(cr.PUBLIC_LEFT_OUT))
    _once([*in_ssb_files, *cr.PUBLIC_MAP], cr.PUBLIC_LEFT_OUT, {n for n, _r in public})

    peers = reference("peer-groups.csv")
    mapped = [n for n, r in peers if r["grouping"] in cr.PEER_GROUPS]
    _once(mapped, cr.PEER_LEFT_OUT, {n for n, _r in peers})

    population = reference("population-all-kommuner.csv")
    slug_of = {k.number: k.slug for k in cr.kommuner(population)}
    rows, left_out, _urls = cr.population_all_rows(population, slug_of)
    assert len(rows) + len(left_out) == len(population)  # one data row per reference row
    offences = reference("offences-all-kommuner.csv")
    rows, left_out = cr.offences_all_rows(REFERENCE / "offences-all-kommuner.csv", slug_of)
    assert len(rows) == 7 * (len(offences) - len(left_out))  # the total and six groups
    assert all(reason.startswith("already imported") for reason in left_out.values())


# --------------------------------------------------------------- the rows already imported


def test_rows_already_imported_equal_those_of_the_all_kommuner_files():
    """Bærum, Asker, Oslo and Norway came from public-figures.csv before; the new files give
    the same SSB figures, so they are left out of the new data files - checked here."""
    held = {
        (r["municipality"], r["period"], r["offence_group"]): r["value"]
        for r in data_rows("ssb-08487-anmeldte-lovbrudd-snitt.csv")
    }
    compared = 0
    for _n, r in reference("offences-all-kommuner.csv"):
        if r["komnr"] not in SLT:
            continue
        for column, group in cr.OFFENCE_COLUMNS.items():
            assert held[(SLT[r["komnr"]], r["år"], group)] == r[column]
            compared += 1
    assert compared == len(held) == 4 * 4 * 7

    population = {
        (r["municipality"], r["year"], r["age_group"]): r["value"]
        for r in data_rows("ssb-07459-befolkning.csv")
    }
    compared = 0
    for _n, r in reference("population-all-kommuner.csv"):
        slug = SLT.get(r["municipality_code"].lstrip("0") or "0")
        if slug and r["year"] != "2024":
            age = cr.POPULATION_ALL_AGES[r["age_group"]]
            assert population[(slug, r["year"], age)] == r["value"]
            compared += 1
    assert compared == 3 * 4 * 3


# ----------------------------------------------------------------------- every kommune


@pytest.fixture(scope="module")
def vocabulary() -> dims.Vocabulary:
    return vocabfiles.load(DATA_DIR)


def test_every_kommune_has_one_number_in_force_each_year(vocabulary):
    kommuner = vocabulary.kommuner
    assert len(kommuner) == 357 and len(set(kommuner)) == 357
    assert kommuner[:3] == ("baerum", "asker", "oslo")
    for kommune in kommuner:
        for year in range(2020, 2025):
            numbers = [
                c.code
                for c in vocabulary.area_codes
                if c.municipality == kommune
                and (c.valid_from is None or c.valid_from <= year)
                and (c.valid_to is None or c.valid_to >= year)
            ]
            assert len(numbers) == (0 if kommune == "haram" and year < 2024 else 1), (
                kommune,
                year,
                numbers,
            )


def test_namesakes_get_their_number_and_sami_names_keep_every_form(vocabulary):
    areas = vocabulary.areas
    assert areas["heroy-1515"].nb == "Herøy (Møre og Romsdal)"
    assert areas["heroy-1818"].nb == "Herøy (Nordland)"
    assert {"valer-3114", "valer-3419"} <= set(areas)
    assert areas["porsanger"].nb == "Porsanger - Porsángu - Porsanki"
    assert areas["porsanger"].en == areas["porsanger"].nb
    assert cr.kommune_slug("Porsanger - Porsáŋgu - Porsanki") == "porsanger"
    assert cr.kommune_slug("Aurskog-Høland") == "aurskog-holand"


def test_kommuner_are_in_norwegian_alphabetical_order_after_the_three(vocabulary):
    others = [vocabulary.areas[k] for k in vocabulary.kommuner[3:]]
    assert others[0].sort == cr.FIRST_OTHER_SORT
    names = [k.nb for k in others]
    assert names.index("Ørland") < names.index("Ålesund")  # æ, ø, å after z
    assert names.index("Nord-Odal") < names.index("Nordkapp")  # a hyphen before letters
    assert names.index("Vadsø") < names.index("Vågan") < names.index("Våler (Østfold)")


def test_territory_changes_are_noted_on_the_numbers(vocabulary):
    notes = {(c.municipality, c.code): c.territory_note for c in vocabulary.area_codes}
    assert "Røyken og Hurum" in notes[("asker", "3025")]
    assert "Haram" in notes[("alesund", "1507")] and "Haram" in notes[("alesund", "1508")]
    assert notes[("haram", "1580")] and ("haram", "1534") not in notes
    assert notes[("asker", "0220")] == "Asker før 2020 (uten Røyken og Hurum)"  # by hand


def test_offences_are_filed_under_the_number_of_their_period(vocabulary):
    number_in = {
        (c.municipality, year): c.code
        for c in vocabulary.area_codes
        for year in range(2020, 2025)
        if (c.valid_from or 0) <= year <= (c.valid_to or 9999)
    }
    slug_of = {k.number: k.slug for k in cr.kommuner(reference("population-all-kommuner.csv"))}
    for _n, r in reference("offences-all-kommuner.csv"):
        if r["komnr"] == "0":
            continue
        last = int(r["år"][-4:])
        assert number_in[(slug_of[r["komnr"].zfill(4)], last)] == r["g_komnr"].zfill(4)


def test_peer_groups_are_asss_with_the_2022_members_dated(vocabulary):
    (asss,) = vocabulary.peer_groups
    assert asss.code == "asss" and len(asss.members) == 12
    assert {"baerum", "asker", "oslo", "lillestrom"} <= set(asss.members)
    rows = {r["member"]: r for r in data_rows("vocab/peer_groups.csv")}
    assert rows["asker"]["valid_from"] == rows["lillestrom"]["valid_from"] == "2022"
    assert rows["bergen"]["valid_from"] == ""


# --------------------------------------------------------------------- in the warehouse


def test_suppressed_cells_are_colon_never_zero(con):
    na = sum(
        1
        for _n, r in reference("offences-all-kommuner.csv")
        if r["komnr"] not in SLT
        for column in cr.OFFENCE_COLUMNS
        if r[column] == "NA"
    )
    held = con.execute(
        "SELECT count(*) FILTER (WHERE status = ':'), count(*) FILTER (WHERE value = 0) "
        "FROM fact WHERE source_id = 'ssb-08487-anmeldte-lovbrudd-snitt-kommuner'"
    ).fetchone()
    assert held == (na, 0) and na > 1000


def test_alesund_2020_2023_is_flagged_as_the_territory_with_haram(con):
    rows = con.execute(
        "SELECT DISTINCT year, municipality_code, note FROM fact WHERE municipality = 'alesund' "
        "AND measure IN ('anmeldte_lovbrudd_snitt', 'befolkning') ORDER BY year"
    ).fetchall()
    assert {(y, c) for y, c, _n in rows} == {
        *((y, "1507") for y in range(2020, 2024)),
        (2024, "1508"),
    }
    assert all("med Haram" in note for y, _c, note in rows if y < 2024)


def test_norway_population_is_imported_as_published_and_2021_is_not_filled(con):
    years = con.execute(
        "SELECT year, value FROM facts WHERE preferred AND municipality = 'norge' "
        "AND measure = 'befolkning' AND age_group = 'alle' ORDER BY year"
    ).fetchall()
    assert years == [(2020, 5367580.0), (2022, 5425270.0), (2023, 5488984.0), (2024, 5550203.0)]


def test_bases_are_kept_apart(con):
    rows = con.execute(
        "SELECT DISTINCT municipality, place_role FROM fact "
        "WHERE source_id LIKE 'ungdom-%' OR source_id LIKE 'politi-%'"
    ).fetchall()
    assert sorted(rows) == [
        ("norge", "alle"),
        ("oslo", "gjerningssted"),
        ("oslo", "ikke_oppgitt"),
        ("oslo-pd", "alle"),
        ("oslo-pd", "gjerningssted"),
    ]
    # the police district's yearly statistics as the press summarised them name no basis
    assert con.execute(
        "SELECT DISTINCT place_role FROM fact WHERE source_id LIKE 'politi-opd-%'"
    ).fetchall() == [("alle",)]
    tv2 = con.execute(
        "SELECT DISTINCT place_role FROM fact WHERE source_id = 'politi-2024-04-tv-2-eit-varsel'"
    ).fetchall()
    assert tv2 == [("ikke_oppgitt",)]


def test_a_quoted_percentage_stays_a_percentage(con, vocabulary):
    """Every reference row whose unit is a percentage is stored under a percent or
    difference measure (a share, or a published change), never as a count."""
    for name, mapping in (
        (cr.YOUTH, {n: (y, "", d) for n, (y, d) in cr.YOUTH_MAP.items()}),
        (cr.YOUTH_ADDED, {n: (y, "", d) for n, (y, d) in cr.YOUTH_ADDED_MAP.items()}),
        (cr.PUBLIC, cr.PUBLIC_MAP),
        (cr.PUBLIC_ADDED, cr.PUBLIC_ADDED_MAP),
    ):
        rows = dict(reference(name))
        for line, (_year, _period, row) in mapping.items():
            percent = "percent" in rows[line]["unit"]
            unit = vocabulary.measures[row["measure"]].unit
            assert percent == (unit in ("percent", "difference")), (name, line)


def test_the_1517_source_gives_its_own_comparison(con):
    """Oslo's 1 517 persons in 2019 and the same publication's change from 2018 (+14 %) are
    stored together, so a card can show one publication's own comparison."""
    rows = con.execute(
        "SELECT measure, value FROM fact WHERE source_id = "
        "'ungdom-2020-kriminalitetsforebygging-no-ny-rapport' AND year = 2019 ORDER BY measure"
    ).fetchall()
    assert rows == [("personer", 1517.0), ("personer_endring_prosent", 14.0)]


def test_2016_oslo_offences_keep_each_sources_age_group(con):
    """2 186 (under 18, Aftenposten 2017) and 2 200 (10-17, Aftenposten 2018): each as its
    source writes it, each row naming the other."""
    rows = con.execute(
        "SELECT value, age_group, note FROM fact WHERE municipality = 'oslo' AND year = 2016 "
        "AND measure = 'forhold' AND sex = 'alle' AND offence_group = 'alle' ORDER BY value"
    ).fetchall()
    assert [(v, a) for v, a, _n in rows] == [(2186.0, "under-18"), (2200.0, "10-17")]
    assert "2 200" in rows[0][2] and "2 186" in rows[1][2]


def test_salto_and_police_district_figures_are_different_areas(con):
    rows = con.execute(
        "SELECT DISTINCT municipality, place_role FROM facts WHERE source_id LIKE 'ungdom-%'"
    ).fetchall()
    assert sorted(rows) == [("oslo", "gjerningssted"), ("oslo-pd", "gjerningssted")]
    opd = con.execute(
        "SELECT year, value FROM facts WHERE source_id LIKE 'ungdom-%' AND municipality = "
        "'oslo-pd' AND category = 'gjengangere_4pluss_forhold'"
    ).fetchall()
    assert opd == [(2021, 154.0)]


def test_disagreeing_sources_are_both_kept_and_the_newest_shown(con):
    rows = con.execute(
        "SELECT value, published, preferred FROM facts WHERE municipality = 'oslo' "
        "AND category = 'gjengangere_4pluss_forhold' AND measure = 'personer' "
        "AND age_group = 'under-18' AND year = 2015 ORDER BY edition"
    ).fetchall()
    assert rows == [(88.0, "2019-05", True), (89.0, "2016", False)]


def test_oslo_salto_series_of_persons_registered(con):
    rows = con.execute(
        "SELECT year, value FROM facts WHERE preferred AND municipality = 'oslo' "
        "AND measure = 'personer' AND age_group = '10-17' AND category = 'alle' "
        "AND place_role = 'gjerningssted' ORDER BY year"
    ).fetchall()
    assert rows == [(2015, 1033.0), (2017, 1483.0), (2018, 1337.0), (2019, 1517.0)]


def test_police_district_revision_keeps_both_editions(con):
    # README caveat 6: under-18 offences 2017 in the police district, 3 140 in one report
    # and 3 123 in a later one: both kept, the later shown.
    rows = con.execute(
        "SELECT value, published, preferred FROM facts WHERE municipality = 'oslo-pd' "
        "AND measure = 'forhold' AND age_group = 'under-18' AND year = 2017 ORDER BY edition"
    ).fetchall()
    assert rows == [(3123.0, "2019-02", True), (3140.0, "2018-01", False)]


def test_population_restated_by_another_ssb_table_is_an_edition_with_the_same_value(con):
    for kommune, year, value in (("oslo", 2015, 647676.0), ("oslo", 2022, 699827.0)):
        rows = con.execute(
            "SELECT DISTINCT value FROM facts WHERE measure = 'befolkning' "
            "AND age_group = 'alle' AND municipality = ? AND year = ?",
            [kommune, year],
        ).fetchall()
        assert rows == [(value,)]


# ------------------------------------------------------------- rates per 1 000 inhabitants


def warehouse_rates(con: duckdb.DuckDBPyConnection, kommuner: list[str]) -> dict:
    """(kommune, period) -> reported offences per 1 000 inhabitants as the built warehouse
    holds them (the `rate` table the build computes: the two-year average of all offences
    over the population on 1 January of the period's last year)."""
    rows = con.execute(
        "SELECT municipality, period, rate FROM rate WHERE measure = 'anmeldte_lovbrudd_snitt' "
        "AND offence_group = 'alle' AND place_role = 'gjerningssted' AND age_group = 'alle' "
        "AND rate IS NOT NULL AND list_contains(?, municipality)",
        [kommuner],
    ).fetchall()
    return {(m, period): rate for m, period, rate in rows}


def reference_rates() -> dict:
    """The same rates straight from the two reference files."""
    population = reference("population-all-kommuner.csv")
    slug_of = {k.number: k.slug for k in cr.kommuner(population)}
    inhabitants = {
        (slug_of[cr.RENUMBERED.get(r["municipality_code"], r["municipality_code"])], r["year"]): (
            int(r["value"])
        )
        for _n, r in population
        if r["age_group"].startswith("all ages")
    }
    return {
        (slug_of[r["komnr"].zfill(4)], r["år"]): int(r["alt"])
        / inhabitants[(slug_of[r["komnr"].zfill(4)], r["år"][-4:])]
        * 1000
        for _n, r in reference("offences-all-kommuner.csv")
        if r["komnr"] != "0" and r["alt"] != "NA"
    }


def test_rates_of_20_random_kommuner_equal_those_from_the_reference_files(con):
    expected = reference_rates()
    kommuner = random.Random(17).sample(sorted({k for k, _p in expected}), 20)
    held = warehouse_rates(con, kommuner)
    wanted = {key: rate for key, rate in expected.items() if key[0] in kommuner}
    assert set(held) == set(wanted) and len(wanted) >= 20 * 4 - 3
    for key, rate in wanted.items():
        assert math.isclose(held[key], rate, rel_tol=1e-12), key


def test_the_rate_convention_reproduces_ssbs_published_norway_rate(con):
    """Last year's 1 January population is the convention: SSB's own rate for Norway
    2016-2017 (60.2) is 316 407 offences a year over 5 258 317 inhabitants on 1 January 2017
    (SSB 07459; that population is not in the data, so it is written here)."""
    published = dict(
        con.execute(
            "SELECT measure, value FROM facts WHERE municipality = 'norge' AND year = 2017 "
            "AND period = '2016-2017' AND offence_group = 'alle'"
        ).fetchall()
    )
    rate = published["anmeldte_lovbrudd_snitt"] / 5_258_317 * 1000
    assert round(rate, 1) == published["anmeldte_lovbrudd_per1000_snitt"] == 60.2
