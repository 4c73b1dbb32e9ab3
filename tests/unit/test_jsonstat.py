"""JSON-stat 2.0 from fact rows (pure): cube layout, sparse values, SSB symbols, labels.

The reading side is pyjstat, a JSON-stat reader written by others: what it reads back
must be the rows that went in (cell by cell, symbols included).
"""

from __future__ import annotations

import json
import math

import pandas as pd
from pyjstat import pyjstat

from dashboard.web.outputs.api import jsonstat

LABELS = {
    "kommune": {"baerum": {"nb": "Bærum", "en": "Bærum"}, "oslo": {"nb": "Oslo", "en": "Oslo"}},
    "maal": {"anmeldelser": {"nb": "Anmeldelser", "en": "Police reports"}},
    "sted": {"gjerningssted": {"nb": "Gjerningssted", "en": "Scene of crime"}},
    "kjonn": {
        "alle": {"nb": "Alle", "en": "All"},
        "jenter": {"nb": "Jenter", "en": "Girls"},
        "gutter": {"nb": "Gutter", "en": "Boys"},
    },
}
SORT = {"kjonn": {"alle": 0, "gutter": 1, "jenter": 2}, "kommune": {"baerum": 0, "oslo": 1}}


def fact(year, municipality, sex, value, status=None, note=None):
    return {
        "year": year,
        "period": f"{year - 1}-{year}" if year == 2020 else str(year),
        "municipality": municipality,
        "measure": "anmeldelser",
        "unit": "anmeldelser",
        "place_role": "gjerningssted",
        "residence": "alle",
        "age_group": "10-17",
        "sex": sex,
        "offence_group": "alle",
        "offence_subgroup": "alle",
        "category": "alle",
        "value": value,
        "status": status,
        "note": note,
        "quote": None,
        "page": None,
        "table_title": "Tabell A",
        "edition": 1,
        "editions": 1,
        "source_id": "kilde-a",
    }


ROWS = pd.DataFrame(
    [
        fact(2019, "baerum", "jenter", 12.0),
        fact(2019, "baerum", "gutter", None, ":", "skjult"),
        fact(2020, "baerum", "jenter", 7.0),
        fact(2020, "oslo", "gutter", 3.5),
    ]
)
SOURCE = {"source_id": "kilde-a", "title": "Tabell A", "publication": "Rapport", "section": "2.1"}


def build(lang="nb"):
    return jsonstat.dataset(
        ROWS,
        labels=LABELS,
        sort=SORT,
        dimension_labels={"year": "År"},
        source=SOURCE,
        lang=lang,
    )


def test_dimensions_are_the_csv_columns_with_categories_present_in_order():
    data = build()
    assert data["version"] == "2.0" and data["class"] == "dataset"
    assert data["id"] == list(jsonstat.DIMENSIONS)
    assert dict(zip(data["id"], data["size"], strict=True))["year"] == 2
    assert data["dimension"]["sex"]["category"]["index"] == {"gutter": 0, "jenter": 1}
    assert data["dimension"]["municipality"]["category"]["index"] == {"baerum": 0, "oslo": 1}
    # the time dimension is labelled with the periods as printed
    assert data["dimension"]["year"]["category"]["label"] == {"2019": "2019", "2020": "2019-2020"}
    assert data["role"] == {"time": ["year"], "geo": ["municipality"], "metric": ["measure"]}
    assert data["dimension"]["measure"]["category"]["unit"]["anmeldelser"]["decimals"] == 1


def test_labels_follow_the_language():
    assert build("en")["dimension"]["sex"]["category"]["label"]["jenter"] == "Girls"
    assert build("nb")["dimension"]["sex"]["category"]["label"]["jenter"] == "Jenter"


def test_values_are_sparse_and_missing_cells_carry_their_symbol_never_zero():
    data = build()
    assert len(data["value"]) == len(ROWS)  # only the cells the table has
    assert math.prod(data["size"]) == 8  # of a cube of 8
    nulls = [k for k, v in data["value"].items() if v is None]
    assert len(nulls) == 1 and data["status"] == {nulls[0]: ":"}
    assert data["extension"]["cells"][nulls[0]]["note"] == "skjult"
    assert data["extension"]["source"]["publication"] == "Rapport"


def test_pyjstat_reads_back_the_same_cells():
    data = build()
    read = pyjstat.Dataset.read(json.dumps(data))
    values = read.write("dataframe", naming="id")
    status = read.write("dataframe", naming="id", value="status")
    values["status"] = status["status"]
    present = values[values["value"].notna() | values["status"].notna()]
    got = sorted(
        (int(r.year), r.municipality, r.sex, None if pd.isna(r.value) else float(r.value), r.status)
        for r in present.itertuples()
    )
    expected = sorted(
        (r.year, r.municipality, r.sex, None if pd.isna(r.value) else r.value, r.status)
        for r in ROWS.itertuples()
    )
    assert got == expected


def test_whole_numbers_are_written_without_decimals():
    assert jsonstat.number(12.0) == 12 and isinstance(jsonstat.number(12.0), int)
    assert jsonstat.number(3.5) == 3.5
    assert jsonstat.number(float("nan")) is None and jsonstat.number(None) is None
    assert jsonstat.decimals(pd.Series([1.0, 2.25, None])) == 2
    assert jsonstat.decimals(pd.Series([1.0, 2.0])) == 0


def test_a_collection_has_one_dataset_per_source_and_measure():
    other = ROWS.assign(source_id="kilde-b")
    rows = pd.concat([ROWS, other, ROWS.assign(measure="personer")], ignore_index=True)
    out = jsonstat.collection(
        rows,
        labels=LABELS,
        sort=SORT,
        dimension_labels={},
        sources={"kilde-a": SOURCE},
        lang="nb",
        label="alle",
        href="http://x/api",
        item_href=lambda s, m: f"http://x/{s}/{m}",
    )
    items = out["link"]["item"]
    assert out["class"] == "collection"
    assert [i["href"] for i in items] == [
        "http://x/kilde-a/anmeldelser",
        "http://x/kilde-b/anmeldelser",
        "http://x/kilde-a/personer",
    ]
    assert sum(len(i["value"]) for i in items) == len(rows)
