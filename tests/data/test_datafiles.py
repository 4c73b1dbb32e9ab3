"""Validation of data files: every kind of bad input gets a located, explained error."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.build import datafiles

HEADER = "year,municipality,municipality_code,measure,place_role,age_group,offence_group,offence_subgroup,value,status\n"
SIDECAR = """title: "Test table"
publisher: "Test"
publication: "Test report"
published: "2021"
section: "1"
unit: "forhold"
counts: "forhold; gjerningssted"
licence: "CC0"
"""


def write(folder: Path, name: str, body: str, sidecar: str | None = SIDECAR) -> Path:
    path = folder / f"{name}.csv"
    path.write_text(body, encoding="utf-8")
    if sidecar is not None:
        (folder / f"{name}.meta.yml").write_text(sidecar, encoding="utf-8")
    return path


def problems_for(path: Path) -> list[str]:
    _, problems = datafiles.read_file(path)
    return [str(p) for p in problems]


GOOD_ROW = "2019,baerum,0219,forhold,gjerningssted,10-17,vinning,alle,275,\n"

BAD_CASES = {
    "unknown municipality": (
        "2019,baerun,0219,forhold,gjerningssted,10-17,vinning,alle,275,\n",
        ["line 2", "column 'municipality'", "unknown code 'baerun'", "allowed: baerum"],
    ),
    "code not in force": (
        "2019,baerum,3024,forhold,gjerningssted,10-17,vinning,alle,275,\n",
        ["line 2", "column 'municipality_code'", "'3024' is not a code baerum had in 2019"],
    ),
    "year out of range": (
        "1889,baerum,,forhold,gjerningssted,10-17,vinning,alle,275,\n",
        ["line 2", "column 'year'", "1889 is out of range"],
    ),
    "non-numeric count": (
        "2019,baerum,0219,forhold,gjerningssted,10-17,vinning,alle,27x,\n",
        ["line 2", "column 'value'", "'27x' is not a number"],
    ),
    "negative count": (
        "2019,baerum,0219,forhold,gjerningssted,10-17,vinning,alle,-3,\n",
        ["line 2", "column 'value'", "-3 is negative"],
    ),
    "thousands separator": (
        '2019,baerum,0219,forhold,gjerningssted,10-17,vinning,alle,"1 234",\n',
        ["column 'value'", "'1 234' is not a number", "no thousands separator"],
    ),
    "empty value without status": (
        "2019,baerum,0219,forhold,gjerningssted,10-17,vinning,alle,,\n",
        ["column 'value'", "missing cell needs a status symbol"],
    ),
    "value and status": (
        "2019,baerum,0219,forhold,gjerningssted,10-17,vinning,alle,0,..\n",
        ["column 'status'", "both a value (0) and a status (..)"],
    ),
    "unknown status": (
        "2019,baerum,0219,forhold,gjerningssted,10-17,vinning,alle,,?\n",
        ["column 'status'", "unknown status '?'"],
    ),
    "duplicate key": (
        GOOD_ROW + GOOD_ROW,
        ["line 3", "duplicate key", "already given on line 2"],
    ),
    "sub-group larger than group": (
        GOOD_ROW + "2019,baerum,0219,forhold,gjerningssted,10-17,vinning,butikktyveri,300,\n",
        ["line 3", "sub-group butikktyveri = 300 is larger than its group vinning = 275"],
    ),
    "sub-group of another group": (
        "2019,baerum,0219,forhold,gjerningssted,10-17,vold,butikktyveri,3,\n",
        ["column 'offence_subgroup'", "belongs to offence_group 'vinning', not 'vold'"],
    ),
    "wrong number of cells": (
        "2019,baerum,0219,forhold\n",
        ["line 2", "has 4 cells but the header has 10 columns"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_rows_are_located_and_explained(tmp_path, case):
    body, expected = BAD_CASES[case]
    path = write(tmp_path, "t", HEADER + body)
    found = "\n".join(problems_for(path))
    assert found, f"{case}: no problem reported"
    for fragment in expected:
        assert fragment in found, f"{case}: {fragment!r} not in {found!r}"
    assert found.startswith("t.csv")


def test_percentage_outside_0_100(tmp_path):
    path = write(
        tmp_path,
        "p",
        "year,municipality,measure,category,value\n2019,baerum,ungdata_andel,svarprosent,101\n",
    )
    assert any("101 is a percentage outside 0–100" in p for p in problems_for(path))


def test_unknown_column(tmp_path):
    path = write(
        tmp_path, "c", "year,municipality,measure,value,colour\n2019,baerum,forhold,1,red\n"
    )
    found = problems_for(path)
    assert any("line 1" in p and "unknown column 'colour'" in p and "allowed:" in p for p in found)


def test_missing_required_column(tmp_path):
    path = write(tmp_path, "c", "year,municipality,value\n2019,baerum,1\n")
    assert any("required column 'measure' is missing" in p for p in problems_for(path))


def test_missing_sidecar(tmp_path):
    path = write(tmp_path, "s", HEADER + GOOD_ROW, sidecar=None)
    assert any("s.meta.yml" in p and "sidecar is missing" in p for p in problems_for(path))


def test_incomplete_sidecar(tmp_path):
    path = write(tmp_path, "s", HEADER + GOOD_ROW, sidecar='title: "Only a title"\nlicence: ""\n')
    found = problems_for(path)
    for key in ("publisher", "publication", "section", "licence"):
        assert any(f"required key '{key}' is missing or empty" in p for p in found), key


def test_good_file_has_no_problems(tmp_path):
    path = write(
        tmp_path,
        "ok",
        HEADER
        + GOOD_ROW
        + "2019,baerum,0219,forhold,gjerningssted,10-17,vinning,butikktyveri,,..\n",
    )
    source, problems = datafiles.read_file(path)
    assert problems == []
    assert [r["value"] for r in source.rows] == [275.0, None]
    assert source.rows[1]["status"] == ".."


def test_published_total_differing_from_sum_is_information(fixture_data):
    sources, problems = datafiles.read_all(fixture_data)
    assert problems == []
    notes = [n for s in sources for n in datafiles.totals_report(s)]
    assert any("published total 300, rows sum to 312" in n for n in notes)
    assert any("published total 288; 1 of its 2 rows are missing" in n for n in notes)


def test_two_year_period_must_end_in_year(tmp_path):
    path = write(
        tmp_path,
        "avg",
        "year,period,municipality,municipality_code,measure,value\n"
        "2020,2020-2021,baerum,3024,anmeldte_lovbrudd_snitt,5759\n",
    )
    assert any("must end in the row's year 2020" in p for p in problems_for(path))


def test_code_valid_in_any_year_of_period(tmp_path):
    # 3024 was Bærum's code in 2023, so it is acceptable for the period 2023-2024.
    path = write(
        tmp_path,
        "avg",
        "year,period,municipality,municipality_code,measure,value\n"
        "2024,2023-2024,baerum,3024,anmeldte_lovbrudd_snitt,5759\n",
    )
    assert problems_for(path) == []


def test_same_number_twice_in_one_publication_is_refused(tmp_path):
    write(tmp_path, "a", HEADER + GOOD_ROW)
    write(tmp_path, "b", HEADER + GOOD_ROW)
    _, problems = datafiles.read_all(tmp_path)
    text = "\n".join(str(p) for p in problems)
    assert "b.csv, line 2" in text and "a.csv line 2 already gives this number" in text


def test_same_number_in_two_publications_is_kept(tmp_path):
    write(tmp_path, "a", HEADER + GOOD_ROW)
    write(tmp_path, "b", HEADER + GOOD_ROW, sidecar=SIDECAR.replace("Test report", "Other report"))
    sources, problems = datafiles.read_all(tmp_path)
    assert problems == []
    assert sum(len(s.rows) for s in sources) == 2
