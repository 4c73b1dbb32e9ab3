"""What changed, computed at build time from the editions (materialise.sql `changes`):
a new source per area, years a source published first, and every number an edition
changed, with the old and the new value and both sources."""

from __future__ import annotations

import queries
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


def build(fixture_data, tmp_path, earlier: bool = True) -> Warehouse:
    if earlier:
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


def changes(store: Warehouse, lang: str = "nb", kommune: list[str] | None = None):
    return queries.run(store.cursor(), "changes", kommune=kommune or [], lang=lang)


def test_a_changed_number_has_old_and_new_value_with_both_sources(fixture_data, tmp_path):
    store = build(fixture_data, tmp_path)
    rows = changes(store)
    store.close()
    changed = rows[rows["kind"] == "endret"]
    assert len(changed) == 1  # 250 -> 253; the restated 59 is no change
    row = changed.iloc[0]
    assert (row["old_value"], row["new_value"]) == (250.0, 253.0)
    assert row["old_publication"] == "Fixture report 2019 (draft)"
    assert row["publication"] == "Fixture report 2020"
    assert (row["year"], row["municipality"], row["measure"]) == (2019, "baerum", "anmeldelser")
    assert "Gjerningssted" in list(row["breakdown"])


def test_new_years_are_the_years_a_source_published_first(fixture_data, tmp_path):
    store = build(fixture_data, tmp_path)
    rows = changes(store)
    store.close()
    new_years = rows[(rows["kind"] == "nytt_aar") & (rows["measure"] == "anmeldelser")]
    assert [list(y) for y in new_years["years"]] == [[2020]]  # 2019 was in the draft
    assert set(new_years["publication"]) == {"Fixture report 2020"}


def test_every_source_is_new_once_per_area_and_the_newest_comes_first(fixture_data, tmp_path):
    store = build(fixture_data, tmp_path)
    rows = changes(store)
    sources = queries.run(store.cursor(), "sources")
    store.close()
    new = rows[rows["kind"] == "ny_kilde"]
    assert set(new["source_id"]) == set(sources["source_id"])
    assert not new.duplicated(["source_id", "municipality"]).any()
    dates = list(rows["published_date"])
    assert dates == sorted(dates, reverse=True)
    assert rows["event"].is_unique


def test_without_a_second_edition_nothing_is_changed(fixture_data, tmp_path):
    store = build(fixture_data, tmp_path, earlier=False)
    rows = changes(store)
    store.close()
    assert "endret" not in set(rows["kind"])


def test_the_keys_are_the_same_in_every_build(fixture_data, tmp_path):
    first = build(fixture_data, tmp_path)
    keys = sorted(changes(first)["event"])
    first.close()
    (tmp_path / "wh.duckdb").unlink()
    again = build(fixture_data, tmp_path, earlier=False)  # the draft files are still there
    assert sorted(changes(again)["event"]) == keys
    again.close()


def test_labels_follow_the_language_and_kommune_filters(fixture_data, tmp_path):
    store = build(fixture_data, tmp_path)
    english = changes(store, "en")
    asker = changes(store, kommune=["asker"])
    store.close()
    assert "Police reports" in set(english["measure_label"])
    assert set(asker["municipality"]) <= {"asker"}
