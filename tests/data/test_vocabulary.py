"""Code lists are data (data/vocab/*.csv): checked like data files, loaded into the
warehouse, and read back from it by whatever serves it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from dashboard import dimensions as dims
from dashboard.build import vocabfiles, warehouse
from dashboard.build.datafiles import DataError
from dashboard.settings import Settings
from dashboard.startup import create_app
from dashboard.store import Warehouse, read_vocabulary
from tests.paths import DATA_DIR, ROOT


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / "vocab" / f"{name}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(folder: Path, name: str, line: str) -> None:
    with open(folder / "vocab" / f"{name}.csv", "a", encoding="utf-8") as handle:
        handle.write(line)


CASES = {
    "duplicate code": (
        lambda f: append(f, "sexes", "jenter,Jenter,Girls,9,,\n"),
        ("vocab/sexes.csv", 5, "code", "'jenter' is listed twice"),
    ),
    "unknown area kind": (
        lambda f: append(f, "areas", "vestby,Vestby,Vestby,9,kommune-ish,,\n"),
        ("vocab/areas.csv", None, "kind", "'kommune-ish' is not allowed; write kommune"),
    ),
    "code for an area that does not exist": (
        lambda f: append(f, "area_codes", "vestby,3216,2024,,\n"),
        ("vocab/area_codes.csv", None, "area", "'vestby' is not allowed; write a code of areas"),
    ),
    "total missing": (
        lambda f: edit(f, "sexes", "alle,Begge kjønn,Both sexes,0,,\n", ""),
        ("vocab/sexes.csv", None, "code", "the total 'alle' is missing"),
    ),
    "parent that is no group": (
        lambda f: append(f, "offence_groups", "innbrudd,Innbrudd,Burglary,30,tyveri,,\n"),
        ("vocab/offence_groups.csv", None, "parent", "'tyveri' is not allowed; write a code"),
    ),
    "unknown unit": (
        lambda f: edit(
            f, "measures", ",count,anmeldelser,reports,", ",antall,anmeldelser,reports,"
        ),
        ("vocab/measures.csv", 2, "unit", "'antall' is not allowed; write count"),
    ),
    "empty label": (
        lambda f: edit(f, "sexes", "gutter,Gutter,Boys", "gutter,,Boys"),
        ("vocab/sexes.csv", None, "label_nb", "empty; every line needs it"),
    ),
    "unknown column": (
        lambda f: edit(f, "sexes", "code,label_nb", "code,label_nn,label_nb"),
        ("vocab/sexes.csv", 1, None, "unknown column(s) label_nn"),
    ),
    "missing file": (
        lambda f: (f / "vocab" / "statuses.csv").unlink(),
        ("vocab/statuses.csv", None, None, "file missing"),
    ),
    "upper-case code": (
        lambda f: append(f, "categories", "Alle_nye,Nye,New,99,,\n"),
        ("vocab/categories.csv", None, "code", "'Alle_nye': use a-z, 0-9"),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_code_list_is_refused_located_and_the_warehouse_is_unchanged(
    fixture_data, tmp_path, case
):
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    before = digest(target)
    change, (file, line, column, words) = CASES[case]
    change(fixture_data)
    with pytest.raises(DataError) as raised:
        warehouse.build(fixture_data, target)
    problems = raised.value.problems
    assert any(
        p.file == file
        and (line is None or p.line == line)
        and (column is None or p.column == column)
        and words in p.message
        for p in problems
    ), [str(p) for p in problems]
    assert digest(target) == before


def test_the_warehouse_gives_back_the_code_lists_it_was_built_from(con):
    from_files = vocabfiles.load(DATA_DIR)
    assert read_vocabulary(con.cursor()) == from_files


def test_a_kommune_added_to_the_code_list_is_known_without_a_code_change(fixture_data, tmp_path):
    append(fixture_data, "areas", "testby,Testby,Test Town,40,kommune,Testby kommune,\n")
    append(fixture_data, "area_codes", "testby,9999,2020,,\n")
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    store = Warehouse(target)
    # The store activates the vocabulary of what it reads for this thread; `using` puts
    # back what was active, so the next test reads the real warehouse's lists again.
    with dims.using(dims.active()):
        store.begin()
        assert "testby" in dims.KOMMUNER
        assert dims.kommune_name("testby", "en") == "Test Town"
        assert dims.codes_in_force("testby", 2019, 2021) == ["9999"]
    store.close()


def test_each_request_reads_the_code_lists_of_the_warehouse_it_reads(fixture_data, tmp_path):
    """A rebuilt warehouse with a renamed category is read by the next request."""
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    app = create_app(Settings(data_dir=fixture_data, warehouse=target, auto_build=False))
    store = app.server.extensions["slt"].store
    with dims.using(dims.active()), app.server.test_request_context("/"):
        store.begin()
        assert dims.kommune_name("baerum", "nb") == "Bærum"
        edit(fixture_data, "areas", "baerum,Bærum,Bærum", "baerum,Bærum (testnavn),Bærum")
        warehouse.build(fixture_data, target)
        store.begin()
        assert dims.kommune_name("baerum", "nb") == "Bærum (testnavn)"
    store.close()


def test_no_code_list_is_typed_in_python():
    """The lists live in data/vocab; Python holds their shapes, not their members."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "dashboard").rglob("*.py"))
    for label in (
        "Mot offentlig tjenesteperson",
        "Ungdom fulgt opp",
        "Tyveri fra person",
        "Befølt mot sin vilje",
    ):
        assert label not in code, label
    assert re.findall(r"(?<![.\w])(?:Code|Measure)\(\s*\"", code) == []


def test_a_build_without_an_active_vocabulary_in_the_thread_still_checks_its_own(
    fixture_data, tmp_path
):
    """The build validates against the data folder's lists, not whatever is active."""
    edit(fixture_data, "measures", "anmeldelser,Anmeldelser", "anmeldelser_x,Anmeldelser")
    with pytest.raises(DataError) as raised:
        warehouse.build(fixture_data, tmp_path / "wh.duckdb")
    assert any("unknown measure 'anmeldelser'" in p.message for p in raised.value.problems)
    assert not (tmp_path / "wh.duckdb").exists()
