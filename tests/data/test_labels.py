"""Issue 7, "every label true": what the export says about each number matches the source."""

from __future__ import annotations

import pytest

from dashboard import export


@pytest.fixture(scope="module")
def exported(con):
    return export.all_facts(con.cursor(), codes=True)


def test_no_trygghetsprogrammet_stage_under_baerum_alone(exported):
    stages = exported[exported["measure"].isin(["tp_saker", "tp_personer"])]
    assert len(stages) == 11 and set(stages["municipality"]) == {"enhet-vest"}


def test_children_and_victims_are_persons_not_cases(exported):
    persons = exported[exported["measure"] == "tp_personer"]
    assert set(persons["category"]) == {"samtale", "takket_nei", "ikke_svart", "voksne_hatkrim"}
    assert set(persons["unit"]) == {"personer"}


def test_the_extremism_dash_is_nil_not_missing(exported):
    dashes = exported[(exported["measure"] == "ekstremisme_andel") & (exported["status"] == "-")]
    assert sorted(dashes["category"]) == ["ax", "vx"]
    assert (dashes["value"] == "").all()
    assert all("null" in note and "ikke 0" not in note for note in dashes["note"])
    assert (
        not (exported["status"] == "..").any()
        or not ((exported["measure"] == "ekstremisme_andel") & (exported["status"] == "..")).any()
    )


def test_bosted_rows_name_the_residence(exported):
    bosted = exported[(exported["place_role"] == "bosted") & (exported["municipality"] == "baerum")]
    assert len(bosted) == 38 and set(bosted["residence"]) == {"baerum"}


def test_youth_only_rows_are_not_all_ages(exported):
    youth = exported[
        exported["measure"].isin(["ungdom_oppfolging", "bekymringssamtaler", "ungdata_andel"])
        | exported["category"].isin(["gjentatt_4pluss", "gjentatt_4pluss_egen_kommune"])
    ]
    assert len(youth) > 20 and "alle" not in set(youth["age_group"])


def test_relative_difference_is_percent_not_points(exported):
    row = exported[exported["category"] == "befolt_mot_vilje"]
    assert set(row["measure"]) == {"ungdata_forskjell_prosent"}
    assert set(row["unit"]) == {"prosent"} and set(row["value"]) == {"3"}


def test_ocr_rows_with_two_lost_cells_say_two(exported):
    lost = exported[exported["offence_subgroup"].isin(["ran", "tyveri_fra_person"])]
    lost = lost[lost["source_id"] == "slt2019-forhold-10-17-gjerningssted"]
    assert len(lost) == 12
    assert all("(to celler er tapt)" in note for note in lost["note"])


def test_totals_explanation_only_on_reports(exported):
    totals = exported[
        (exported["source_id"] == "slt2020-geografisk-fordeling-10-17")
        & (exported["residence"] == "alle")
    ]
    for measure, note in zip(totals["measure"], totals["note"], strict=True):
        assert ("flere steder" in note) == (measure == "anmeldelser"), (measure, note)


def test_page_filled_where_the_report_prints_one(exported):
    pages = exported[exported["page"].fillna("") != ""]
    assert set(pages["page"]) == {"9"}
    assert set(pages["source_id"]) == {
        "slt2019-forhold-10-17-gjerningssted",
        "slt2019-tall-i-teksten",
    }
    assert len(pages[pages["source_id"] == "slt2019-tall-i-teksten"]) == 2
