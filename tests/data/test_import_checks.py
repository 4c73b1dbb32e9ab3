"""Issue 16: the import refuses what cannot be true, and reports what is worth a look.

Each case breaks the fixture data in one way an operator (or an attacker with write
access to a shared folder) could, then builds: the build is refused with a located
message and the previous warehouse stays byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import cli
from dashboard.build import datafiles, warehouse
from dashboard.build.datafiles import DataError
from tests.data.test_strict_input import (
    REPORTS_ROW,
    SIDECAR,
    append_report,
    digest,
    extra_file,
    refused_and_unchanged,
    replace_in,
)

ROW_HEADER = "year,municipality,municipality_code,measure,place_role,age_group,residence,value\n"
NEXT_YEAR = str(dt.date.today().year + 1)

#: case -> (breakage, fragments the message must contain)
CASES = {
    "published in the future": (
        replace_in("reports.meta.yml", 'published: "2021"', 'published: "2099"'),
        ["reports.meta.yml, line 4, column 'published'", "'2099' is in the future"],
    ),
    "published next year, month precision": (
        replace_in("reports.meta.yml", 'published: "2021"', f'published: "{NEXT_YEAR}-01"'),
        ["column 'published'", "is in the future"],
    ),
    "a 30-digit count": (
        append_report("1" * 30),
        ["reports.csv, line 8, column 'value'", "too large to be a published figure"],
    ),
    "2**53 exactly": (
        append_report(str(2**53)),
        ["reports.csv, line 8, column 'value'", "too large"],
    ),
    "a count above its measure's ceiling": (
        append_report("12000000"),
        ["reports.csv, line 8, column 'value'", "more than any anmeldelser can be", "1 000 000"],
    ),
    "a rate above 1000 per 1000": (
        extra_file(
            b"year,municipality,measure,value\n2019,norge,anmeldte_lovbrudd_per1000,1500.5\n",
            SIDECAR.replace('"anmeldelser"', '"per 1 000 innbyggere"'),
        ),
        ["extra.csv, line 2, column 'value'", "more than any anmeldte_lovbrudd_per1000 can be"],
    ),
    "unit kroner on a count": (
        replace_in("reports.meta.yml", 'unit: "anmeldelser"', 'unit: "kroner"'),
        ["reports.meta.yml, column 'unit'", "'kroner' contradicts", "anmeldelser (anmeldelser)"],
    ),
    "unit prosent on a count": (
        replace_in("reports.meta.yml", 'unit: "anmeldelser"', 'unit: "prosent"'),
        ["reports.meta.yml, column 'unit'", "'prosent' contradicts"],
    ),
    "published twice in a sidecar": (
        replace_in("reports.meta.yml", 'published: "2021"', 'published: "2021"\npublished: "2019"'),
        ["reports.meta.yml, line 5, column 'published'", "given twice (lines 4 and 5)"],
    ),
    "a header-only file": (
        extra_file(ROW_HEADER.encode()),
        ["extra.csv, line 2", "has a header but no rows"],
    ),
    "a header and blank lines only": (
        extra_file((ROW_HEADER + "\n,,,,,,,\n\n").encode()),
        ["extra.csv, line 2", "has a header but no rows"],
    ),
    "a control character in a note": (
        append_report("4", note="bell\x07"),
        ["reports.csv, line 8, column 'note'", "control character U+0007"],
    ),
    "a list as a sidecar value": (
        replace_in("reports.meta.yml", 'title: "', 'title: ["a", "b"]\nx_title: "'),
        ["reports.meta.yml, line 1, column 'title'", "must be text, not a list"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_located_and_warehouse_unchanged(fixture_data, tmp_path, case):
    refused_and_unchanged(fixture_data, tmp_path, case, *CASES[case])


def test_a_yaml_bomb_is_refused_without_expanding_it(fixture_data, tmp_path):
    """Aliases of aliases: str() of the value would be 9**9 items long."""
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]")
    bomb = "\n".join(lines) + "\n"
    sidecar = (fixture_data / "reports.meta.yml").read_text(encoding="utf-8")
    sidecar = sidecar.replace('title: "Fixture: anmeldelser', 'title: *i\nx: "Fixture: anmeldelser')
    (fixture_data / "reports.meta.yml").write_text(bomb + sidecar, encoding="utf-8")
    with pytest.raises(DataError) as excinfo:
        warehouse.build(fixture_data, tmp_path / "wh.duckdb")
    assert "'title' must be text, not a list" in str(excinfo.value)


def test_deeply_nested_yaml_is_refused(fixture_data, tmp_path):
    (fixture_data / "reports.meta.yml").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    with pytest.raises(DataError) as excinfo:
        warehouse.build(fixture_data, tmp_path / "wh.duckdb")
    assert "reports.meta.yml" in str(excinfo.value)


def test_a_file_above_the_size_cap_is_refused_before_it_is_read(fixture_data, tmp_path):
    body = ROW_HEADER + "2019,baerum,0219,anmeldelser,gjerningssted,10-17,asker,5\n" * 2000
    extra_file(body.encode())(fixture_data)
    limits = datafiles.Limits(max_bytes=64 * 1024)
    with pytest.raises(DataError) as excinfo:
        warehouse.build(fixture_data, tmp_path / "wh.duckdb", limits)
    problems = excinfo.value.problems
    assert len(problems) == 1, problems  # not 1 999 duplicate-key problems: never read
    assert "extra.csv: is 0.1 MB; files above 0.1 MB are not read" in str(problems[0])
    assert "SLT_MAX_FILE_MB" in str(problems[0])


def test_error_output_is_capped_with_a_count(fixture_data, tmp_path, capsys):
    bad = "".join(
        REPORTS_ROW.format(value="x", note="").replace("2019", str(2000 + i % 20))
        for i in range(500)
    )
    with open(fixture_data / "reports.csv", "a", encoding="utf-8") as handle:
        handle.write(bad)
    limits = datafiles.Limits(max_problems=10)
    with pytest.raises(DataError) as excinfo:
        warehouse.build(fixture_data, tmp_path / "wh.duckdb", limits)
    problems = excinfo.value.problems
    assert len(problems) == 11  # ten, then where reading stopped
    assert "reading stopped here after 10 problems" in str(problems[-1])
    text = str(excinfo.value)
    assert text.count("\n") == 10 and "… and 1 more problem(s) not shown" in text
    # The command line prints the first N and says how many more.
    args = ["--data-dir", str(fixture_data), "--warehouse", str(tmp_path / "wh.duckdb")]
    import os

    os.environ["SLT_MAX_PROBLEMS"] = "3"
    try:
        assert cli.main(["build", *args]) == 1
    finally:
        del os.environ["SLT_MAX_PROBLEMS"]
    err = capsys.readouterr().err
    assert "error: 4 problem(s) found" in err
    assert err.count("'x' is not a number") == 3 and "… and 1 more problem(s) not shown" in err


def test_a_far_off_edition_and_a_jump_between_years_are_reported(fixture_data, tmp_path, capsys):
    """Not refused (numbers do jump), but said: 999 where the other edition gives 150."""
    extra_file(
        f"{ROW_HEADER}2020,baerum,3024,anmeldelser,gjerningssted,10-17,baerum,999\n".encode(),
        SIDECAR.replace('"2021"', '"2022-06-15"'),
        name="correction",
    )(fixture_data)
    extra_file(
        (
            b"year,municipality,measure,value\n"
            b"2017,oslo,personer,100\n2018,oslo,personer,110\n2019,oslo,personer,1200\n"
        ),
        SIDECAR.replace('"anmeldelser"', '"personer"'),
        name="series",
    )(fixture_data)
    report = warehouse.build(fixture_data, tmp_path / "wh.duckdb")
    editions = [n for n in report.info if "between editions" in n]
    assert len(editions) == 1, report.info
    assert editions[0].startswith("correction.csv, line 2: 999 where reports.csv line 5 gives 150")
    assert "×6.7" in editions[0]
    years = [n for n in report.info if "in one step" in n]
    assert len(years) == 1 and "series.csv, line 4: 1200 in 2019 after 110 in 2018" in years[0]
    assert "×10.9" in years[0]
    args = ["--data-dir", str(fixture_data), "--warehouse", str(tmp_path / "wh2.duckdb")]
    assert cli.main(["build", *args]) == 0
    assert "  info: correction.csv, line 2: 999" in capsys.readouterr().out


def test_the_real_data_passes_with_no_plausibility_notes():
    from tests.paths import DATA_DIR

    sources, problems = datafiles.read_all(DATA_DIR)
    assert problems == []
    assert datafiles.plausibility_report(sources) == []
    assert all(s > 0 for s in (datafiles.ceiling(m) for m in datafiles.dims.MEASURES.values()))


def test_an_import_of_a_future_edition_changes_nothing(fixture_data, tmp_path, capsys):
    wh = tmp_path / "wh.duckdb"
    args = ["--data-dir", str(fixture_data), "--warehouse", str(wh)]
    assert cli.main(["build", *args]) == 0
    before = digest(wh)
    files_before = {p.name: digest(p) for p in fixture_data.iterdir() if p.is_file()}
    incoming = tmp_path / "in"
    incoming.mkdir()
    (incoming / "reports.csv").write_text(
        ROW_HEADER + "2020,baerum,3024,anmeldelser,gjerningssted,10-17,baerum,999\n",
        encoding="utf-8",
    )
    (incoming / "reports.meta.yml").write_text(
        SIDECAR.replace('"2021"', '"2099"'), encoding="utf-8"
    )
    assert cli.main(["import", str(incoming / "reports.csv"), "--replace", *args]) == 1
    assert "'2099' is in the future" in capsys.readouterr().err
    assert digest(wh) == before
    assert {p.name: digest(p) for p in fixture_data.iterdir() if p.is_file()} == files_before
