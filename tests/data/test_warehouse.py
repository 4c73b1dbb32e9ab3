"""Building the warehouse: atomic, read-only serving, provenance, staleness."""

from __future__ import annotations

import hashlib
import threading

import duckdb
import pytest

import queries
from dashboard.build import warehouse
from dashboard.build.datafiles import DataError
from dashboard.store import Warehouse


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_writes_facts_with_provenance(fixture_data, tmp_path):
    target = tmp_path / "wh.duckdb"
    report = warehouse.build(fixture_data, target)
    assert report.files == 3 and report.facts == 14 and report.missing == 1
    con = duckdb.connect(str(target), read_only=True)
    rows = con.execute(
        "SELECT value, status, publication, section, table_title FROM facts "
        "WHERE measure = 'anmeldelser' AND year = 2020 AND residence = 'asker'"
    ).fetchall()
    assert rows == [
        (
            None,
            "..",
            "Fixture report 2020",
            "2.1.1",
            "Fixture: anmeldelser med gjerningssted Bærum etter bosted",
        )
    ]
    total = con.execute(
        "SELECT value FROM facts WHERE measure = 'anmeldelser' AND year = 2019 AND residence = 'alle'"
    ).fetchall()
    assert total == [(300.0,)]  # the published total, not the sum (312)
    con.close()


def _append(name: str, line: str):
    def apply(folder):
        with open(folder / name, "a", encoding="utf-8") as handle:
            handle.write(line)

    return apply


def _replace(name: str, old: str, new: str):
    def apply(folder):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


REPORT_ROW = "2019,baerum,0219,anmeldelser,gjerningssted,10-17,alle,{residence},{value},,\n"
BAD_INPUTS = {
    "unknown municipality": (
        _replace("reports.csv", "2019,baerum,0219", "2019,mars,0219"),
        "reports.csv, line 2, column 'municipality': unknown code 'mars'",
    ),
    "unknown municipality code": (
        _append("reports.csv", "2019,baerum,3201,anmeldelser,gjerningssted,10-17,alle,oslo,4,,\n"),
        "reports.csv, line 8, column 'municipality_code': '3201' is not a code baerum had",
    ),
    "year out of range": (
        _append("reports.csv", "2099,baerum,,anmeldelser,gjerningssted,10-17,alle,oslo,4,,\n"),
        "reports.csv, line 8, column 'year': 2099 is out of range",
    ),
    "non-numeric count": (
        _append("reports.csv", REPORT_ROW.format(residence="oslo", value="fire")),
        "reports.csv, line 8, column 'value': 'fire' is not a number",
    ),
    "negative count": (
        _append("reports.csv", REPORT_ROW.format(residence="oslo", value="-1")),
        "reports.csv, line 8, column 'value': -1 is negative",
    ),
    "duplicate key": (
        _append("reports.csv", REPORT_ROW.format(residence="baerum", value="1")),
        "reports.csv, line 8: duplicate key: the same number is already given on line 2",
    ),
    "unknown column": (
        _replace("groups.csv", "offence_subgroup,value", "offence_subgroup,farge"),
        "groups.csv, line 1, column 'farge': unknown column 'farge'",
    ),
    "incomplete sidecar": (
        _replace("groups.meta.yml", 'licence: "CC0 (test fixture)"', 'licence: ""'),
        "groups.meta.yml, column 'licence': required key 'licence' is missing or empty",
    ),
    "sub-group larger than group": (
        _replace("groups.csv", "butikktyveri,202", "butikktyveri,300"),
        "groups.csv, line 3, column 'value': sub-group butikktyveri = 300 is larger than its group vinning = 275",
    ),
    "percentage outside 0-100": (
        _append("population.csv", "2019,2019,baerum,0219,ekstremisme_andel,alle,140\n"),
        "population.csv, line 5, column 'value': 140 is a percentage outside 0–100",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_failed_build_leaves_previous_warehouse_byte_for_byte(fixture_data, tmp_path, case):
    breakage, expected = BAD_INPUTS[case]
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    before = digest(target)
    breakage(fixture_data)
    with pytest.raises(DataError) as excinfo:
        warehouse.build(fixture_data, target)
    assert expected in str(excinfo.value)
    assert digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "tmp" in p.name) == []


def test_failed_build_when_sidecar_removed(fixture_data, tmp_path):
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    before = digest(target)
    (fixture_data / "groups.meta.yml").unlink()
    with pytest.raises(DataError, match="sidecar is missing"):
        warehouse.build(fixture_data, target)
    assert digest(target) == before


def test_staleness_follows_inputs(fixture_data, tmp_path):
    target = tmp_path / "wh.duckdb"
    assert warehouse.is_stale(fixture_data, target)  # missing
    assert warehouse.ensure_built(fixture_data, target) is not None
    assert not warehouse.is_stale(fixture_data, target)
    assert warehouse.ensure_built(fixture_data, target) is None
    with open(fixture_data / "groups.csv", "a", encoding="utf-8") as handle:
        handle.write("2018,baerum,forhold,gjerningssted,10-17,vold,alle,19,\n")
    assert warehouse.is_stale(fixture_data, target)


def test_served_read_only_with_a_cursor_per_thread(fixture_data, tmp_path):
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    store = Warehouse(target)
    with pytest.raises(duckdb.Error):
        store.cursor().execute("DELETE FROM fact").fetchall()
    cursors, counts = [], []

    def work():
        cur = store.cursor()
        cursors.append(cur)
        counts.append(cur.execute("SELECT count(*) FROM fact").fetchall()[0][0])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert counts == [14] * 4
    assert len({id(c) for c in cursors}) == 4  # all alive here, so ids are distinct
    store.close()


def test_preferred_is_the_newest_edition(con):
    # Ungdata response rates are restated in both reports: both kept, the newer preferred.
    rows = con.execute(
        "SELECT publication, preferred FROM facts WHERE measure = 'ungdata_andel' "
        "AND category = 'svarprosent' AND age_group = 'ungdomsskole' ORDER BY published"
    ).fetchall()
    assert len(rows) == 2
    assert [r[1] for r in rows] == [False, True]
    assert "2020" in rows[1][0]


def test_the_real_data_builds(warehouse_path):
    # How fast it builds is measured by scripts/benchmark.py, not asserted here.
    con = duckdb.connect(str(warehouse_path), read_only=True)
    count = con.execute("SELECT count(*) FROM fact").fetchall()[0][0]
    con.close()
    assert count > 400


def test_query_loader_binds_named_parameters(fixture_data, tmp_path):
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    cur = Warehouse(target).cursor()
    assert "lang" in queries.parameters("export_all")
    frame = queries.run(cur, "export_all", lang="en", unused="ignored")
    assert len(frame) == 14
    assert set(frame["municipality_label"]) == {"Bærum"}
    with pytest.raises(TypeError, match="needs parameters: lang"):
        queries.run(cur, "export_all")
    with pytest.raises(KeyError):
        queries.sql("../secret")
