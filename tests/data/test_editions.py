"""Edition history: two publications giving different values for one key both stay; the
newest by date is shown, the older is in the export and in queries/editions.sql."""

from __future__ import annotations

import queries
from dashboard import export
from dashboard.build import warehouse
from dashboard.store import Warehouse

EARLIER = """title: "Fixture: an earlier report"
publisher: "Test publisher"
publication: "Fixture report 2019 (draft)"
published: "2020-03-01"
section: "9"
unit: "anmeldelser"
counts: "anmeldelser; gjerningssted"
licence: "CC0 (test fixture)"
"""


def build_with_earlier_edition(fixture_data, tmp_path):
    (fixture_data / "draft.csv").write_text(
        "year,municipality,municipality_code,measure,place_role,age_group,residence,value\n"
        "2019,baerum,0219,anmeldelser,gjerningssted,10-17,baerum,250\n"
        "2019,baerum,0219,anmeldelser,gjerningssted,10-17,asker,59\n",
        encoding="utf-8",
    )
    (fixture_data / "draft.meta.yml").write_text(EARLIER, encoding="utf-8")
    target = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, target)
    return Warehouse(target)


def test_editions_query_gives_earlier_values_beside_the_shown_one(fixture_data, tmp_path):
    store = build_with_earlier_edition(fixture_data, tmp_path)
    rows = queries.run(
        store.cursor(),
        "editions",
        municipalities=["baerum"],
        measures=["anmeldelser"],
        fra=2010,
        til=2025,
    )
    store.close()
    got = sorted(
        zip(
            rows["residence"],
            rows["value"],
            rows["published"],
            rows["shown_value"],
            rows["shown_published"],
            rows["same_as_shown"],
            strict=True,
        )
    )
    assert got == [
        ("asker", 59.0, "2020-03-01", 59.0, "2021", True),
        ("baerum", 250.0, "2020-03-01", 253.0, "2021", False),
    ]


def test_export_has_every_edition_with_its_rank(fixture_data, tmp_path):
    store = build_with_earlier_edition(fixture_data, tmp_path)
    frame = export.all_facts(store.cursor(), codes=True)
    store.close()
    assert len(frame) == 16  # 14 fixture facts + 2 of the earlier edition
    baerum = frame[(frame["year"] == 2019) & (frame["residence"] == "baerum")]
    assert sorted(zip(baerum["value"], baerum["edition"], baerum["preferred"], strict=True)) == [
        ("250", 2, False),
        ("253", 1, True),
    ]
    assert set(baerum["editions"]) == {2}
