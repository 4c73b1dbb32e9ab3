"""Issue 7: every bad input a kommune's statistician produced is refused with a located,
explained message, and the previous warehouse stays byte for byte as it was.

Each case breaks the small fixture data (tests/fixtures/data) in one way, then builds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from dashboard import cli
from dashboard.build import datafiles, warehouse
from dashboard.build.datafiles import DataError

SIDECAR = """title: "Extra"
publisher: "Test publisher"
publication: "Fixture extra"
published: "2021"
section: "1"
unit: "anmeldelser"
counts: "anmeldelser"
licence: "CC0 (test fixture)"
"""
REPORTS_ROW = "2019,baerum,0219,anmeldelser,gjerningssted,10-17,alle,oslo,{value},,{note}\n"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused_and_unchanged(fixture_data: Path, tmp_path: Path, case: str, breakage, fragments):
    """Build, break the data, build again: refused with every fragment in the message, and
    the previous warehouse byte for byte."""
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    before = digest(target)
    breakage(fixture_data)
    with pytest.raises(DataError) as excinfo:
        warehouse.build(fixture_data, target)
    message = str(excinfo.value)
    for fragment in fragments:
        assert fragment in message, f"{case}: {fragment!r} not in {message!r}"
    assert digest(target) == before


def append_report(value: str, note: str = ""):
    def apply(folder: Path) -> None:
        with open(folder / "reports.csv", "a", encoding="utf-8", newline="") as handle:
            handle.write(REPORTS_ROW.format(value=value, note=note))

    return apply


def append_text(text: str):
    def apply(folder: Path) -> None:
        with open(folder / "reports.csv", "a", encoding="utf-8", newline="") as handle:
            handle.write(text)

    return apply


def extra_file(body: bytes, sidecar: str = SIDECAR, name: str = "extra"):
    def apply(folder: Path) -> None:
        (folder / f"{name}.csv").write_bytes(body)
        (folder / f"{name}.meta.yml").write_text(sidecar, encoding="utf-8")

    return apply


def replace_in(name: str, old: str, new: str):
    def apply(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


NOTE_HEADER = b"year,municipality,measure,value,note\n"

#: case -> (breakage, fragments the message must contain)
CASES = {
    "thousands point on a count": (
        append_report("1.234"),
        ["reports.csv, line 8, column 'value'", "'1.234' is not a whole number", "write 1234"],
    ),
    "thousands space on a count": (
        append_report('"1 234"'),
        ["reports.csv, line 8, column 'value'", "no thousands separator", "write 1234"],
    ),
    "decimal comma on a count": (
        append_report('"12,5"'),
        ["line 8, column 'value'", "'12,5' is not a whole number", "anmeldelser is a count"],
    ),
    "decimal point on a count": (
        append_report("12.5"),
        ["line 8, column 'value'", "'12.5' is not a whole number", "digits only, e.g. 12"],
    ),
    "full-width digits in a value": (
        append_report("２７５"),
        ["line 8, column 'value'", "not ASCII 0-9", "write 275"],
    ),
    "arabic-indic digits in a value": (
        append_report("٢٧٥"),
        ["line 8, column 'value'", "not ASCII 0-9", "write 275"],
    ),
    "full-width year": (
        replace_in(
            "reports.csv", "2019,baerum,0219,anmeldelser", "２０１９,baerum,0219,anmeldelser"
        ),
        ["reports.csv, line 2, column 'year'", "'２０１９' is not a year", "write 2019"],
    ),
    "number split at a thousands comma": (
        extra_file(NOTE_HEADER + b"2019,baerum,anmeldelser,1,234\n"),
        [
            "extra.csv, line 2, column 'value'",
            "looks like the number 1,234 split at a thousands comma",
            "write 1234",
        ],
    ),
    "extra field": (
        append_report("4", note="a,b"),
        ["reports.csv, line 8", "has 12 cells but the header has 11 columns (an extra field)"],
    ),
    "missing field": (
        extra_file(NOTE_HEADER + b"2019,baerum,anmeldelser,4\n"),
        ["extra.csv, line 2", "has 4 cells but the header has 5 columns (a missing field)"],
    ),
    "published not ISO": (
        replace_in("reports.meta.yml", 'published: "2021"', 'published: "31.12.2019"'),
        [
            "reports.meta.yml, line 4, column 'published'",
            "'31.12.2019' is not an ISO date",
            "2019-12-31",
        ],
    ),
    "two-year period on an annual measure": (
        extra_file(
            b"year,period,municipality,measure,place_role,age_group,residence,value\n"
            b"2019,2018-2019,baerum,anmeldelser,gjerningssted,10-17,baerum,253\n"
        ),
        [
            "extra.csv, line 2, column 'period'",
            "does not agree with year 2019",
            "only for a two-year-average measure",
        ],
    ),
    "two-year average with a one-year period": (
        replace_in("population.csv", "2021,2020-2021", "2021,2021"),
        ["population.csv, line 4, column 'period'", "two-year average", "write 2020-2021"],
    ),
    "duplicate key after normalisation": (
        # line 3 again, but for full-width letters and spaces (equal after NFKC + trim)
        append_text("2019, ｂａｅｒｕｍ ,0219,anmeldelser,gjerningssted,10-17,alle, asker ,59,,\n"),
        ["reports.csv, line 8", "duplicate key", "already given on line 3"],
    ),
    "same key in two files of one edition": (
        extra_file(
            b"year,municipality,municipality_code,measure,place_role,age_group,residence,value\n"
            b"2019,baerum,0219,anmeldelser,gjerningssted,10-17,asker,59\n",
            sidecar=SIDECAR.replace("Fixture extra", "Fixture report 2020"),
        ),
        ["reports.csv, line 3", "duplicate key: extra.csv line 2 already gives this number"],
    ),
    "two editions with one date and two values": (
        extra_file(
            b"year,municipality,municipality_code,measure,place_role,age_group,residence,value\n"
            b"2019,baerum,0219,anmeldelser,gjerningssted,10-17,asker,60\n"
        ),
        [
            "reports.csv, line 3, column 'value': extra.csv line 2 gives another value",
            "same `published` date (2021)",
            "neither edition is newer",
        ],
    ),
    "latin-1 file": (
        extra_file(
            "year,municipality,measure,value,note\n2019,baerum,anmeldelser,4,Bærum\n".encode(
                "latin-1"
            )
        ),
        [
            "extra.csv, line 2, column 'note'",
            "not UTF-8 text: byte 0xE6",
            "'æ'",
            "save the file as UTF-8",
        ],
    ),
    "utf-16 file": (
        extra_file(
            NOTE_HEADER.decode().encode("utf-16")
            + "2019,baerum,anmeldelser,4,\n".encode("utf-16-le")
        ),
        ["extra.csv, line 1", "UTF-16", "save it as UTF-8"],
    ),
    "semicolon separator": (
        extra_file(b"year;municipality;measure;value\n2019;baerum;anmeldelser;4\n"),
        ["extra.csv, line 1", "separated by ';', not ','", "comma-separated"],
    ),
    "odd line break does not shift line numbers": (
        append_text(
            REPORTS_ROW.format(value="4", note='"one\u0085two\u2028three"')
            + REPORTS_ROW.format(value="fire", note="")
        ),
        ["reports.csv, line 9, column 'value'", "'fire' is not a number"],
    ),
    "quoted newline does not shift line numbers": (
        append_text(
            REPORTS_ROW.format(value="4", note='"first line\nsecond line"')
            + REPORTS_ROW.replace("oslo", "baerum").format(value="x", note="")
        ),
        ["reports.csv, line 10, column 'value'", "'x' is not a number"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_located_and_warehouse_unchanged(fixture_data, tmp_path, case):
    refused_and_unchanged(fixture_data, tmp_path, case, *CASES[case])


def test_quoted_newlines_and_odd_breaks_are_kept_in_the_note(fixture_data, tmp_path):
    note = "first line\nsecond line\u0085third\u2028fourth"
    append_report("4", note=f'"{note}"')(fixture_data)
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    con = duckdb.connect(str(target), read_only=True)
    rows = con.execute(
        "SELECT line, note FROM fact WHERE source_id = 'reports' AND residence = 'oslo'"
    ).fetchall()
    con.close()
    assert rows == [(8, note)]


def test_values_with_declared_decimals(tmp_path):
    body = (
        "year,period,municipality,measure,value\n"
        "2019,2019,norge,anmeldte_lovbrudd_per1000,61.4\n"
        "2018,2018,norge,anmeldte_lovbrudd_per1000,61.45\n"
        '2017,2017,norge,anmeldte_lovbrudd_per1000,"61,4"\n'
        "2016,2016,norge,anmeldte_lovbrudd_per1000,-1\n"
    )
    (tmp_path / "r.csv").write_text(body, encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text(SIDECAR, encoding="utf-8")
    source, problems = datafiles.read_file(tmp_path / "r.csv")
    text = "\n".join(str(p) for p in problems)
    assert [r["value"] for r in source.rows] == [61.4]
    assert "line 3, column 'value': '61.45' has 2 decimals" in text
    assert "at most 1" in text
    assert "line 4, column 'value': '61,4' has a decimal comma" in text and "write 61.4" in text
    assert "line 5, column 'value': -1 is negative; a rate cannot be" in text


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2021-05-03", ("2021-05-03", "day")),
        ("2020-05", ("2020-05-01", "month")),
        ("2021", ("2021-01-01", "year")),
    ],
)
def test_published_keeps_its_precision(published, expected):
    date, precision = datafiles.parse_published(published)
    assert (date.isoformat(), precision) == expected


@pytest.mark.parametrize("text", ["31.12.2019", "2021-13", "2021-02-30", "２０２１", "May 2021"])
def test_published_not_iso_is_refused(text):
    assert datafiles.parse_published(text) is None


def test_newest_edition_is_decided_by_date_not_text(fixture_data, tmp_path):
    """A draft dated 2019-12-31 must not win over the 2021 report; a correction dated
    2022-06-15 must win (as text, '31.12.2019' > '2021' and '15.06.2022' < '2021')."""
    row = "year,municipality,municipality_code,measure,place_role,age_group,residence,value\n"
    for name, published, value in (("draft", "2019-12-31", 999), ("correction", "2022-06-15", 71)):
        extra_file(
            f"{row}2020,baerum,3024,anmeldelser,gjerningssted,10-17,baerum,{value}\n".encode(),
            sidecar=SIDECAR.replace('"2021"', f'"{published}"').replace("Fixture extra", name),
            name=name,
        )(fixture_data)
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    con = duckdb.connect(str(target), read_only=True)
    rows = con.execute(
        "SELECT source_id, value, edition, editions, preferred FROM facts "
        "WHERE measure = 'anmeldelser' AND year = 2020 AND residence = 'baerum' ORDER BY edition"
    ).fetchall()
    con.close()
    assert rows == [
        ("correction", 71.0, 1, 3, True),
        ("reports", 150.0, 2, 3, False),
        ("draft", 999.0, 3, 3, False),
    ]


def test_import_refuses_bad_input_and_changes_nothing(fixture_data, tmp_path, capsys):
    wh = tmp_path / "wh.duckdb"
    args = ["--data-dir", str(fixture_data), "--warehouse", str(wh)]
    assert cli.main(["build", *args]) == 0
    before = digest(wh)
    files_before = {
        str(p.relative_to(fixture_data)): digest(p) for p in fixture_data.rglob("*") if p.is_file()
    }
    incoming = tmp_path / "in"
    incoming.mkdir()
    (incoming / "new.csv").write_text(
        "year,municipality,municipality_code,measure,place_role,age_group,value,note\n"
        "2020,asker,3025,anmeldelser,gjerningssted,10-14,1.234,\n"
        "２０２０,asker,3025,anmeldelser,gjerningssted,15-17,12,\n",
        encoding="utf-8",
    )
    (incoming / "new.meta.yml").write_text(
        SIDECAR.replace('"2021"', '"15.06.2022"'), encoding="utf-8"
    )
    capsys.readouterr()
    assert cli.main(["import", str(incoming / "new.csv"), *args]) == 1
    err = capsys.readouterr().err
    assert "new.csv, line 2, column 'value': '1.234' is not a whole number" in err
    assert "new.csv, line 3, column 'year': '２０２０' is not a year" in err
    assert "new.meta.yml, line 4, column 'published': '15.06.2022' is not an ISO date" in err
    assert "nothing was written" in err
    assert digest(wh) == before
    assert {
        str(p.relative_to(fixture_data)): digest(p) for p in fixture_data.rglob("*") if p.is_file()
    } == files_before
