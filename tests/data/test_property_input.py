"""Property: a valid data file with exactly one defect is refused, the message points at
the defect's line, and the previous warehouse is unchanged byte for byte."""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from dashboard.build import datafiles, warehouse
from dashboard.build.datafiles import DataError
from tests.paths import FIXTURE_DATA

HEADER = ["year", "municipality", "measure", "place_role", "age_group", "sex", "value", "note"]
SIDECAR = """title: "Generated"
publisher: "Test publisher"
publication: "Generated report"
published: "{published}"
section: "1"
unit: "anmeldelser"
counts: "anmeldelser; gjerningssted"
licence: "CC0 (test fixture)"
"""

cells = st.tuples(
    st.integers(2013, 2020),
    st.sampled_from(["10-14", "15-17"]),
    st.sampled_from(["jenter", "gutter"]),
)
rows_strategy = st.lists(
    st.tuples(cells, st.integers(0, 99_999), st.sampled_from(["", "note", "a, b"])),
    min_size=1,
    max_size=8,
    unique_by=lambda r: r[0],
)


def render(rows) -> list[list[str]]:
    return [
        [str(y), "asker", "anmeldelser", "gjerningssted", age, sex, str(v), note]
        for (y, age, sex), v, note in rows
    ]


def thousands(value: str, sep: str) -> str:
    number = int(value) + 1000
    return f"{number // 1000}{sep}{number % 1000:03d}"


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

#: defect -> function(table rows, index) changing one row in place (or the whole file)
ROW_DEFECTS = {
    "thousands point": lambda r: r.__setitem__(6, thousands(r[6], ".")),
    "thousands space": lambda r: r.__setitem__(6, thousands(r[6], " ")),
    "decimal comma": lambda r: r.__setitem__(6, f"{r[6]},5"),
    "decimal point": lambda r: r.__setitem__(6, f"{r[6]}.5"),
    "full-width value": lambda r: r.__setitem__(6, r[6].translate(FULL_WIDTH)),
    "full-width year": lambda r: r.__setitem__(0, r[0].translate(FULL_WIDTH)),
    "negative count": lambda r: r.__setitem__(6, f"-{int(r[6]) + 1}"),
    "two-year period": lambda r: r.__setitem__(0, r[0]) or r.append("__period__"),
    "extra field": lambda r: r.append("x"),
    "missing field": lambda r: r.pop(),
    "unknown code": lambda r: r.__setitem__(1, "askar"),
    "year out of range": lambda r: r.__setitem__(0, "1899"),
    "empty value": lambda r: r.__setitem__(6, ""),
}
FILE_DEFECTS = ("duplicate row", "published not ISO", "latin-1", "semicolons", "utf-16")


_BUILT: list[Path] = []


def _built() -> Path:
    """A warehouse built once from the fixture data (building per example is slow)."""
    if not _BUILT:
        folder = Path(tempfile.mkdtemp(prefix="prop-wh-"))
        atexit.register(shutil.rmtree, folder, True)
        warehouse.build(FIXTURE_DATA, folder / "wh.duckdb")
        _BUILT.append(folder / "wh.duckdb")
    return _BUILT[0]


def csv_line(cells: list[str]) -> str:
    return ",".join(f'"{c}"' if "," in c or " " in c else c for c in cells)


@given(
    rows=rows_strategy,
    defect=st.sampled_from(sorted(ROW_DEFECTS) + list(FILE_DEFECTS)),
    which=st.integers(0, 7),
)
def test_one_defect_is_refused_and_warehouse_unchanged(rows, defect, which):
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(FIXTURE_DATA, data)
        target = Path(tmp) / "wh.duckdb"
        table = render(rows)
        # the generated file is valid as it stands
        (data / "gen.csv").write_text(
            "\n".join(csv_line(r) for r in [HEADER, *table]) + "\n", encoding="utf-8"
        )
        (data / "gen.meta.yml").write_text(SIDECAR.format(published="2022-03"), encoding="utf-8")
        assert datafiles.read_all(data)[1] == []
        shutil.copyfile(_built(), target)  # the previous warehouse
        before = hashlib.sha256(target.read_bytes()).hexdigest()

        index = which % len(table)
        header = list(HEADER)
        published = "2022-03"
        encoding, separator = "utf-8", ","
        if defect in ROW_DEFECTS:
            ROW_DEFECTS[defect](table[index])
            if table[index][-1] == "__period__":  # a period column, wrong for a yearly count
                header.insert(1, "period")
                table = [[r[0], r[0], *r[1:]] for r in table]
                table[index] = [
                    table[index][0],
                    f"{int(table[index][0]) - 1}-{table[index][0]}",
                    *table[index][2:-1],
                ]
        elif defect == "duplicate row":
            table.append(list(table[index]))
            index = len(table) - 1
        elif defect == "published not ISO":
            published = "1.3.2022"
        elif defect == "latin-1":
            table[index][-1] = "Bærum"
            encoding = "latin-1"
        elif defect == "semicolons":
            separator = ";"
        elif defect == "utf-16":
            encoding = "utf-16"
        lines = [separator.join(header)] + [
            csv_line(r) if separator == "," else separator.join(r) for r in table
        ]
        (data / "gen.csv").write_bytes(("\n".join(lines) + "\n").encode(encoding))
        (data / "gen.meta.yml").write_text(SIDECAR.format(published=published), encoding="utf-8")

        try:
            warehouse.build(data, target)
        except DataError as exc:
            message = str(exc)
        else:
            raise AssertionError(f"{defect}: accepted")
        assert hashlib.sha256(target.read_bytes()).hexdigest() == before, defect
        if defect == "published not ISO":
            assert "gen.meta.yml, line 4, column 'published'" in message
        elif defect in ("semicolons", "utf-16"):
            assert "gen.csv, line 1" in message, message
        else:
            assert f"gen.csv, line {index + 2}" in message, (defect, message)
