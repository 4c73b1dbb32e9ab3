"""A kommune added by data alone (issue 17): a line in the code list and its figures in a
data file, no code change, and it is in the picker and on the pages."""

from __future__ import annotations

import shutil

import pytest

from dashboard.build import warehouse
from dashboard.settings import Settings
from dashboard.startup import create_app
from tests.paths import DATA_DIR

SIDECAR = """title: "Testby i tall"
publisher: "Testby kommune"
publication: "Testby kommune: tall til prøve"
published: "2024-06-01"
section: "Tabell 1"
unit: "antall"
counts: "innbyggere og anmeldte lovbrudd"
licence: "CC0 (test)"
"""
ROWS = """year,period,municipality,municipality_code,measure,place_role,age_group,value
2023,1.1.2023,testby,9999,befolkning,alle,alle,100000
2023,2022-2023,testby,9999,anmeldte_lovbrudd_snitt,gjerningssted,alle,4321
"""


@pytest.fixture(scope="module")
def testby(tmp_path_factory):
    data = tmp_path_factory.mktemp("testby") / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.duckdb*", "image-cache"))
    with open(data / "vocab" / "areas.csv", "a", encoding="utf-8") as handle:
        handle.write("testby,Testby,Test Town,500,kommune,Testby kommune (finnes ikke),\n")
    with open(data / "vocab" / "area_codes.csv", "a", encoding="utf-8") as handle:
        handle.write("testby,9999,2020,,\n")
    (data / "testby-2023.csv").write_text(ROWS, encoding="utf-8")
    (data / "testby-2023.meta.yml").write_text(SIDECAR, encoding="utf-8")
    target = data / "warehouse.duckdb"
    warehouse.build(data, target)
    return create_app(Settings(data_dir=data, warehouse=target, auto_build=False))


def test_the_new_kommune_is_in_the_list_of_every_kommune(testby):
    with testby.server.test_request_context("/kommuner?til=trend&sok=testb"):
        from dashboard.web.layout.page import layout_for
        from dashboard.web.pages import kommuner

        tree = layout_for(kommuner.SPEC)(til="trend")
    text = str(tree)
    assert "Testby" in text and "/trend?kommune=testby" in text


def test_the_new_kommune_opens_on_its_rate_beside_its_peers(testby):
    from dashboard.charts import listing as charts
    from dashboard.web.serving.context import cursor, view

    with testby.server.test_request_context("/trend?kommune=testby"):
        chart = charts.REGISTRY["sammenligning"]
        result = chart.build(cursor(), view(chart.params, {"kommune": "testby"}))
        others = (
            cursor()
            .execute(
                "SELECT count(*) FROM facts f JOIN dim_municipality a ON a.code = f.municipality "
                "WHERE a.kind = 'kommune' AND f.measure = 'befolkning' AND f.age_group = 'alle' "
                "AND f.year = 2023 AND f.municipality <> 'testby'"
            )
            .fetchone()[0]
        )
    assert result.figure is not None
    assert result.summary.startswith("Testby: 43,2 anmeldte lovbrudd per 1 000 innbyggere")
    peers = [name for t in result.figure["data"] if t["name"] == "sammenligning" for name in t["y"]]
    # The five kommuner nearest in population (fewer when fewer have a population), named.
    names = [p.replace("<br>", " ").split(" (")[0] for p in peers]  # "Asker (lavere)"
    assert len(names) == min(5, others) and all(name in result.summary for name in names)


def test_pages_answer_for_the_new_kommune(testby):
    client = testby.server.test_client()
    for path in ("/", "/trend", "/geografi", "/alder-og-kjonn", "/trygghetsprogrammet"):
        assert client.get(f"{path}?kommune=testby").status_code == 200, path
    csv = client.get("/last-ned/sammenligning.csv?kommune=testby").get_data(as_text=True)
    assert "testby" in csv and "4321" in csv
