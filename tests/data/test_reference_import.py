"""The public reference figures (sources/reference/) converted into data/: reproducible,
every youth-figures row imported or left out with a reason, sources kept apart."""

from __future__ import annotations

import importlib.util
import sys

from tests.paths import ROOT

REFERENCE = ROOT / "sources" / "reference"
spec = importlib.util.spec_from_file_location(
    "convert_reference", ROOT / "scripts" / "convert_reference.py"
)
convert_reference = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = convert_reference
spec.loader.exec_module(convert_reference)


def test_conversion_reproduces_the_checked_in_files(tmp_path):
    counts = convert_reference.convert_all(REFERENCE, tmp_path)
    for name in counts:
        suffixes = (".csv",) if name.startswith("vocab/") else (".csv", ".meta.yml")
        for suffix in suffixes:
            written = (tmp_path / f"{name}{suffix}").read_bytes()
            assert written == (ROOT / "data" / f"{name}{suffix}").read_bytes(), name


def test_every_youth_line_is_mapped_or_left_out_with_a_reason():
    mapped, left_out = set(convert_reference.YOUTH_MAP), convert_reference.YOUTH_LEFT_OUT
    assert not mapped & set(left_out)
    assert mapped | set(left_out) == set(range(2, 71))
    assert all(reason.strip() for reason in left_out.values())


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


def test_public_rows_are_mapped_once_and_left_out_rows_have_reasons():
    assert not set(convert_reference.PUBLIC_MAP) & set(convert_reference.PUBLIC_LEFT_OUT)
    assert all(r.strip() for r in convert_reference.PUBLIC_LEFT_OUT.values())


def test_population_restated_by_another_ssb_table_is_an_edition_with_the_same_value(con):
    rows = con.execute(
        "SELECT DISTINCT value FROM facts WHERE measure = 'befolkning' AND age_group = 'alle' "
        "AND municipality = 'oslo' AND year = 2015"
    ).fetchall()
    assert rows == [(647676.0,)]
