"""The chart registry as a mechanism, on the small fixture data (not the published figures).

A chart declared with @chart gets its queries run, and the registry adds what every
chart carries: the id, the CSV rows in the export's column order, the source line, the
small-number note and a default summary.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from dashboard.build import warehouse
from dashboard.charts import registry
from dashboard.charts.registry import (
    AVAILABLE,
    CSV_COLUMNS,
    REGISTRY,
    NoData,
    Query,
    Shape,
    bind,
    chart,
    on_page,
    render,
    what_exists,
)
from dashboard.state import KOMMUNE, LANG, parse, years
from dashboard.words import t

PARAMS = (LANG, KOMMUNE, *years(fra=2019, til=2020))
RESIDENCE = Query(
    "residence",
    bind(
        municipalities=lambda s: [s["kommune"]],
        measures=lambda s: ["anmeldelser"],
        fra=lambda s: s["fra"],
        til=lambda s: s["til"],
    ),
)


@pytest.fixture
def con(fixture_data, tmp_path):
    path = tmp_path / "wh.duckdb"
    warehouse.build(fixture_data, path)
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def declare():
    """Declare test charts on a test page; they leave the registry after the test."""
    added: list[str] = []

    def add(chart_id, queries, shape, **options):
        chart(chart_id, "testside", PARAMS, queries, **options)(shape)
        added.append(chart_id)

    yield add
    for chart_id in added:
        REGISTRY.pop(chart_id, None)


def table_of(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[["year", "residence", "value"]].astype(str)


def test_render_runs_the_declared_query_and_adds_csv_and_source(con, declare):
    seen = {}

    def shape(result, state):
        rows = result["rows"]
        seen["rows"] = rows
        return Shape(title="Fixture", figure={"data": []}, table=table_of(rows), rows=rows)

    declare("test-residence", RESIDENCE, shape)
    result = render("test-residence", con.cursor(), parse(PARAMS, {}))
    assert result.chart_id == "test-residence"
    assert len(result.data) == len(seen["rows"]) > 0
    assert list(result.data.columns) == [c for c in CSV_COLUMNS if c in seen["rows"].columns]
    pd.testing.assert_series_equal(
        result.data["value"], seen["rows"]["value"].reset_index(drop=True)
    )  # the very rows, missing cells included
    assert result.source.startswith(t("chart.source", "nb") + ": Fixture report 2020")
    assert result.summary == "Fixture."  # the default summary is the title
    assert t("chart.small_numbers", "nb") not in result.notes  # 59 and up: not small


def test_small_numbers_get_the_note_first(con, declare):
    def shape(result, state):
        rows = result["rows"]
        return Shape(
            title="Fixture",
            figure={"data": []},
            table=table_of(rows),
            rows=rows,
            notes=["own note"],
            small=pd.Series([5.0, 300.0]),
        )

    declare("test-small", RESIDENCE, shape)
    result = render("test-small", con.cursor(), parse(PARAMS, {}))
    assert result.notes == [t("chart.small_numbers", "nb"), "own note"]


def test_no_data_has_a_message_and_an_empty_csv_with_the_export_columns(con, declare):
    declare("test-empty", RESIDENCE, lambda result, state: NoData("Tom", "Ingen tall her."))
    result = render("test-empty", con.cursor(), parse(PARAMS, {"kommune": "oslo"}))
    assert result.figure is None and result.message == "Ingen tall her."
    assert list(result.data.columns) == list(CSV_COLUMNS) and result.data.empty


def test_a_query_runs_only_when_the_shape_reads_it(con, declare):
    """Declared queries are lazy: a branch that does not read one never pays for it."""

    def binding_that_fails(state):
        raise RuntimeError("the query ran")

    def shape(result, state):
        return NoData("Tom", "x")

    never = Query("years", binding_that_fails)
    declare("test-lazy", {"rows": RESIDENCE, "never": never}, shape)
    assert render("test-lazy", con.cursor(), parse(PARAMS, {})).message == "x"

    def reads_it(result, state):
        result["never"]
        return NoData("Tom", "x")

    declare("test-lazy-read", {"never": never}, reads_it, ignores=("kommune", "fra", "til"))
    with pytest.raises(RuntimeError, match="the query ran"):
        render("test-lazy-read", con.cursor(), parse(PARAMS, {}))


def test_a_query_file_that_does_not_exist_is_refused_when_declared(declare):
    with pytest.raises(KeyError, match="no query named"):
        declare("test-missing-query", {"rows": Query("no_such_query")}, lambda r, s: None)


def test_the_view_state_binds_the_query(con, declare):
    def shape(result, state):
        rows = result["rows"]
        return Shape(title="F", figure=None, table=table_of(rows), rows=rows)

    declare("test-bind", RESIDENCE, shape)
    only_2020 = render("test-bind", con.cursor(), parse(PARAMS, {"fra": "2020", "til": "2020"}))
    assert set(only_2020.data["year"]) == {2020}


def test_a_chart_id_is_declared_once(declare):
    declare("test-twice", RESIDENCE, lambda r, s: NoData("a", "b"))
    with pytest.raises(ValueError, match="declared twice"):
        chart("test-twice", "testside", PARAMS, RESIDENCE)(lambda r, s: NoData("a", "b"))


def test_on_page_keeps_declaration_order_and_sections(declare):
    declare("test-a", RESIDENCE, lambda r, s: NoData("a", "b"), section="en")
    declare("test-b", RESIDENCE, lambda r, s: NoData("a", "b"), shown=lambda s: False)
    charts = on_page("testside")
    assert [c.chart_id for c in charts] == ["test-a", "test-b"]
    assert charts[0].section == "en"
    assert not charts[1].shown(parse(PARAMS, {}))


def test_what_exists_is_read_from_the_warehouse(con):
    available = registry.Rows({"a": AVAILABLE}, con.cursor(), parse(PARAMS, {}))["a"]
    assert what_exists(available, ("anmeldelser",), "nb") == "Anmeldelser: Bærum 2019–2020"
    assert what_exists(available, ("ungdata_andel",), "nb") == ""
