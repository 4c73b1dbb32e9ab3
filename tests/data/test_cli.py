"""The command line as a user runs it: build, export, import (idempotent, conflicts)."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil

import pytest

from dashboard import cli
from dashboard.dataformat import KEY_COLUMNS
from tests.paths import DATA_FORMAT_DOC

NEW_ROWS = """year,municipality,municipality_code,measure,place_role,age_group,sex,value,status,note
2021,asker,3025,anmeldelser,gjerningssted,10-14,jenter,12,,
2021,asker,3025,anmeldelser,gjerningssted,10-14,gutter,,:,suppressed (under 5)
"""
NEW_META = """title: "Anmeldelser med gjerningssted Asker"
publisher: "Oslo politidistrikt"
publication: "Test: SLT-rapport Asker 2021"
published: "2022"
section: "2.1"
unit: "anmeldelser"
counts: "anmeldelser; gjerningssted"
licence: "CC BY 4.0"
"""


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def env(fixture_data, tmp_path):
    wh = tmp_path / "wh.duckdb"
    args = ["--data-dir", str(fixture_data), "--warehouse", str(wh)]
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "asker-2021.csv").write_text(NEW_ROWS, encoding="utf-8")
    (incoming / "asker-2021.meta.yml").write_text(NEW_META, encoding="utf-8")
    return fixture_data, wh, args, incoming / "asker-2021.csv"


def test_build_prints_counts_and_information(capsys, env):
    _, wh, args, _ = env
    code, out, _ = run(capsys, "build", *args)
    assert code == 0
    assert "14 facts (1 missing cells kept as missing)" in out
    assert "info: reports.csv, line 4" in out and "published total 300, rows sum to 312" in out
    assert wh.exists()


def test_build_error_exit_code_and_message(capsys, env):
    data, wh, args, _ = env
    run(capsys, "build", *args)
    before = digest(wh)
    with open(data / "groups.csv", "a", encoding="utf-8") as handle:
        handle.write("2017,baerum,forhold,gjerningssted,10-17,vinning,alle,abc,\n")
    code, _out, err = run(capsys, "build", *args)
    assert code == 1
    assert "groups.csv, line 7, column 'value': 'abc' is not a number" in err
    assert "nothing was written" in err
    assert digest(wh) == before


def test_export_has_one_row_per_fact_with_labels_and_source(capsys, env):
    _, _, args, _ = env
    code, out, _ = run(capsys, "export", *args)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 14
    for column in (*KEY_COLUMNS, "value", "publication", "section"):
        assert column in rows[0]
    lost = [r for r in rows if r["status"] == ".."]
    assert len(lost) == 1 and lost[0]["value"] == "" and lost[0]["residence"] == "Asker"
    assert {r["municipality"] for r in rows} == {"Bærum"}
    assert any(r["value"] == "488" and r["offence_group"] == "Alle lovbrudd" for r in rows)


def test_import_then_reimport_is_idempotent(capsys, env):
    data, wh, args, new = env
    code, out, err = run(capsys, "import", str(new), *args)
    assert code == 0, err
    assert "2 new rows" in out
    assert (data / "asker-2021.csv").exists() and (data / "asker-2021.meta.yml").exists()
    before_csv, before_wh = digest(data / "asker-2021.csv"), digest(wh)
    code, out, _ = run(capsys, "import", str(new), *args)
    assert code == 0
    assert "0 new, 0 replaced, 2 unchanged" in out
    assert digest(data / "asker-2021.csv") == before_csv
    assert digest(wh) == before_wh
    code, out, _ = run(capsys, "export", "--codes", *args)
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["municipality"] == "asker"]
    assert sorted((r["sex"], r["value"], r["status"]) for r in rows) == [
        ("gutter", "", ":"),
        ("jenter", "12", ""),
    ]


def test_import_conflict_is_refused_with_both_values(capsys, env):
    data, wh, args, new = env
    run(capsys, "import", str(new), *args)
    before_csv, before_wh = digest(data / "asker-2021.csv"), digest(wh)
    new.write_text(NEW_ROWS.replace(",12,,", ",13,,"), encoding="utf-8")
    code, _, err = run(capsys, "import", str(new), *args)
    assert code == 1
    assert "existing 12, new 13" in err and "--replace" in err
    assert digest(data / "asker-2021.csv") == before_csv and digest(wh) == before_wh
    # --replace with the same `published` date: refused (the new value is not newer)
    code, _, err = run(capsys, "import", str(new), "--replace", *args)
    assert code == 1
    assert "asker-2021.meta.yml, column 'published'" in err and "must be later" in err
    assert digest(data / "asker-2021.csv") == before_csv and digest(wh) == before_wh
    meta = new.with_name("asker-2021.meta.yml")
    meta.write_text(NEW_META.replace('"2022"', '"2022-06-15"'), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(new), "--replace", *args)
    assert code == 0 and "1 replaced" in out
    assert "kept as an earlier edition in asker-2021.edition-2022.csv" in out
    assert (data / "asker-2021.edition-2022.meta.yml").exists()
    code, out, _ = run(capsys, "export", "--codes", *args)
    editions = [
        (r["value"], r["published"], r["edition"], r["editions"], r["preferred"])
        for r in csv.DictReader(io.StringIO(out))
        if r["sex"] == "jenter" and r["municipality"] == "asker"
    ]
    assert sorted(editions) == [
        ("12", "2022", "2", "2", "False"),
        ("13", "2022-06-15", "1", "2", "True"),
    ]


def test_import_of_invalid_file_changes_nothing(capsys, env):
    data, wh, args, new = env
    run(capsys, "build", *args)
    before = {str(p.relative_to(data)): digest(p) for p in data.rglob("*") if p.is_file()}
    before_wh = digest(wh)
    new.write_text(NEW_ROWS.replace("asker,3025", "asker,0220"), encoding="utf-8")
    code, _, err = run(capsys, "import", str(new), *args)
    assert code == 1
    assert "asker-2021.csv, line 2, column 'municipality_code'" in err
    assert {str(p.relative_to(data)): digest(p) for p in data.rglob("*") if p.is_file()} == before
    assert digest(wh) == before_wh


def test_import_without_sidecar_is_refused(capsys, env):
    data, _, args, new = env
    (new.with_name("asker-2021.meta.yml")).unlink()
    code, _, err = run(capsys, "import", str(new), *args)
    assert code == 1 and "sidecar is missing" in err
    assert not (data / "asker-2021.csv").exists()


def test_import_missing_file(capsys, env):
    _, _, args, new = env
    code, _, err = run(capsys, "import", str(new.with_name("nope.csv")), *args)
    assert code == 1 and "nope.csv" in err


def test_documented_template_example_imports(capsys, env, tmp_path):
    # The example in docs/data-format.md must itself be importable.

    doc = DATA_FORMAT_DOC.read_text()
    block = doc.split("```csv\n", 1)[1].split("```", 1)[0]
    example = tmp_path / "asker-politiet-2021.csv"
    example.write_text("\n".join(line.strip() for line in block.splitlines()) + "\n")
    shutil.copyfile(
        env[3].with_name("asker-2021.meta.yml"), tmp_path / "asker-politiet-2021.meta.yml"
    )
    code, out, err = run(capsys, "import", str(example), *env[2])
    assert code == 0, err
    assert "2 new rows" in out


def test_fetch_ssb_imports_through_the_validating_path(capsys, env, monkeypatch):
    """`fetch-ssb` against a recorded JSON-stat2 answer: imported, rebuilt, idempotent."""
    from functools import partial

    from dashboard.build import ssb
    from tests.data.test_ssb import FIXTURES, opener_returning

    data, _wh, args, _ = env
    calls: list = []
    body = (FIXTURES / "07459-befolkning.json").read_bytes()
    monkeypatch.setattr(
        ssb, "fetch_to_files", partial(ssb.fetch_to_files, opener=opener_returning(body, calls))
    )
    code, out, err = run(capsys, "fetch-ssb", "07459", "--years", "2019,2020", *args)
    assert code == 0, err
    assert "new rows" in out and "warehouse rebuilt" in out
    assert calls and "/tables/07459/data?" in calls[0][0]
    assert list(data.glob("ssb-07459-2019-2020*.csv"))
    code, out, _ = run(capsys, "fetch-ssb", "07459", "--years", "2019,2020", *args)
    assert code == 0 and "0 new, 0 replaced" in out


def test_fetch_ssb_network_error_is_reported_not_raised(capsys, env, monkeypatch):
    import urllib.error
    from functools import partial

    from dashboard.build import ssb

    def failing(request, timeout):
        raise urllib.error.URLError("no network here")

    monkeypatch.setattr(ssb, "fetch_to_files", partial(ssb.fetch_to_files, opener=failing))
    code, _, err = run(capsys, "fetch-ssb", "07459", *env[2])
    assert code == 1 and err.startswith("error:") and "Traceback" not in err
