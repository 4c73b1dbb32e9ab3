"""queries/area_coverage.sql: what each kommune has, for the kommune selector."""

from __future__ import annotations

import shutil

import queries
from dashboard.build import warehouse
from dashboard.store import Warehouse

AREA_ROWS = """year,municipality,measure,category,value
2020,enhet-vest,tp_saker,registrert,205
"""
AREA_META = """title: "Fixture: enhet Vest"
publisher: "Test publisher"
publication: "Fixture enhet Vest"
published: "2021"
section: "1"
unit: "saker"
counts: "saker"
licence: "CC0 (test fixture)"
"""


def coverage(data, tmp_path, lang="nb"):
    target = tmp_path / "wh.duckdb"
    warehouse.build(data, target)
    store = Warehouse(target)
    try:
        frame = queries.run(store.cursor(), "area_coverage", lang=lang)
    finally:
        store.close()
    return {r["kommune"]: r for r in frame.to_dict("records")}


def test_counts_series_facts_and_source_families(fixture_data, tmp_path):
    shutil.copyfile(fixture_data / "population.csv", fixture_data / "ssb-pop.csv")
    shutil.copyfile(fixture_data / "population.meta.yml", fixture_data / "ssb-pop.meta.yml")
    (fixture_data / "ssb-pop.meta.yml").write_text(
        (fixture_data / "population.meta.yml")
        .read_text(encoding="utf-8")
        .replace("StatBank 07459", "StatBank 07459, newer")
        .replace('"2024"', '"2025"'),
        encoding="utf-8",
    )
    (fixture_data / "tp.csv").write_text(AREA_ROWS, encoding="utf-8")
    (fixture_data / "tp.meta.yml").write_text(AREA_META, encoding="utf-8")
    rows = coverage(fixture_data, tmp_path)
    assert list(rows) == ["baerum", "asker", "oslo"]
    baerum = rows["baerum"]
    # groups.csv: 4 series (vinning, vinning/butikktyveri, vold, alle); population.csv: 2;
    # reports.csv: 3 (residence baerum, asker, alle). The restated copy adds editions only.
    assert (baerum["series"], baerum["facts"]) == (9, 14)
    assert (baerum["first_year"], baerum["last_year"]) == (2018, 2021)
    assert list(baerum["families"]) == ["Andre kilder", "SSB-tall"]
    assert baerum["families_text"] == "Andre kilder og SSB-tall"
    assert (baerum["area_series"], list(baerum["areas"])) == (1, ["enhet-vest"])
    asker = rows["asker"]
    assert (asker["series"], asker["facts"], asker["families_text"]) == (0, 0, "")
    assert asker["area_series"] == 1  # enhet Vest covers Asker too
    assert rows["oslo"]["area_series"] == 0  # Oslo is only partly in enhet Vest
    english = coverage(fixture_data, tmp_path, lang="en")
    assert english["baerum"]["families_text"] == "Other sources and Statistics Norway figures"


def test_real_data_oslo_has_ssb_and_salto_series(con):
    rows = {
        r["kommune"]: r
        for r in queries.run(con.cursor(), "area_coverage", lang="nb").to_dict("records")
    }
    assert rows["oslo"]["families_text"] == (
        "Oslo kommunes statistikk, Politiet (sitert), SSB-tall, SaLTo-rapporten (sitert) og "
        "Ungdata (sitert)"
    )
    assert rows["oslo"]["series"] > 10
    assert rows["asker"]["families_text"] == "SSB-tall"
    assert "SLT-rapportene" in rows["baerum"]["families"]


def test_youth_series_query_gives_oslo_and_baerum_comparable_series(con):
    def series(kommune):
        rows = queries.run(con.cursor(), "youth_series", municipality=kommune, fra=2010, til=2024)
        out: dict[str, dict[int, float]] = {}
        for r in rows.to_dict("records"):
            out.setdefault(r["series"], {})[r["year"]] = r["value"]
        return out, rows

    oslo, rows = series("oslo")
    assert oslo["personer:10-17:alle"] == {2015: 1033, 2017: 1483, 2018: 1337, 2019: 1517}
    assert oslo["personer:under-18:gjengangere_4pluss_forhold"][2015] == 88  # newest edition
    assert set(rows["source_family_nb"]) == {"SaLTo-rapporten (sitert)"}
    assert set(rows["municipality"]) == {"oslo"}  # never the police district
    baerum, _ = series("baerum")
    # table C's published totals (Totalsum), persons 10-17 by place of offence Bærum
    assert baerum["personer:10-17:alle"] == {2016: 124, 2017: 147, 2018: 183, 2019: 258, 2020: 279}
    asker, rows = series("asker")
    assert asker == {} and rows.empty
