"""Areas as they are: kommuner, police units and districts, and Norway in one dimension with
a kind and members; enhet Vest's figures reach the kommuner it covers, with its name."""

from __future__ import annotations

import pandas as pd
import pytest

import queries
from dashboard import dimensions as dims


def test_every_area_has_a_kind_and_members_are_areas(con):
    kinds = dict(con.execute("SELECT code, kind FROM dim_municipality").fetchall())
    assert kinds == {c.code: c.kind for c in dims.MUNICIPALITIES.values()}
    assert kinds["enhet-vest"] == "politienhet" and kinds["oslo-pd"] == "politidistrikt"
    assert {kinds[k] for k in dims.KOMMUNER} == {"kommune"}
    members = con.execute(
        "SELECT member, whole, part_nb FROM dim_area_member WHERE area = 'enhet-vest' "
        "ORDER BY member"
    ).fetchall()
    assert members == [("asker", True, None), ("baerum", True, None), ("oslo", False, "Majorstua")]


def test_no_trygghetsprogrammet_stage_is_filed_under_baerum_alone(con):
    rows = con.execute(
        "SELECT municipality, count(*) FROM fact WHERE measure IN ('tp_saker', 'tp_personer') "
        "GROUP BY ALL"
    ).fetchall()
    assert rows == [("enhet-vest", 11)]


@pytest.mark.parametrize("kommune", ["baerum", "asker"])
def test_trygghet_query_gives_a_member_kommune_its_areas_figures(con, kommune):
    rows = queries.run(con.cursor(), "trygghet", municipality=kommune, years=[2019, 2020])
    stages = rows[rows["measure"].isin(["tp_saker", "tp_personer"])]
    assert len(stages) == 11
    assert set(stages["municipality"]) == {"enhet-vest"} and stages["via_area"].all()
    assert set(stages["area_description_nb"]) == {
        "Oslo politidistrikt, enhet Vest (ENV): Asker, Bærum og Majorstua"
    }
    registered = stages[(stages["year"] == 2020) & (stages["category"] == "registrert")]
    assert registered["value"].tolist() == [205.0]


def test_oslo_is_only_partly_in_enhet_vest_so_gets_none_of_its_figures(con):
    rows = queries.run(con.cursor(), "trygghet", municipality="oslo", years=[2019, 2020])
    assert isinstance(rows, pd.DataFrame) and rows.empty
