"""Tests for dashboard.build.ssb: PxWebApi v2 URLs, JSON-stat 2.0 parsing, code mapping, files.

No network: responses are hand-written JSON-stat 2.0 datasets in tests/fixtures/ssb/,
and HTTP goes through fake openers.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import urllib.error

import pytest
import yaml

from dashboard import dimensions as dims
from dashboard.build import datafiles, ssb, vocabfiles
from tests.paths import FIXTURE_DATA
from tests.paths import FIXTURES as FIXTURE_ROOT

FIXTURES = FIXTURE_ROOT / "ssb"
BASE = "https://data.ssb.no/api/pxwebapi/v2"


@pytest.fixture
def three_kommuner():
    """The fixture code lists (Bærum, Asker, Oslo and Norway only), so a selection test sees
    a short list of numbers; the real lists hold every kommune."""
    with dims.using(vocabfiles.load(FIXTURE_DATA)):
        yield


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def dataset(
    regions: list[str],
    times: list[str],
    values: list | dict,
    status: list | dict | str | None = None,
    *,
    region_dim: str = "Region",
    contents: str = "Personer1",
) -> dict:
    """A minimal JSON-stat 2.0 dataset shaped like 07459 (region x contents x time)."""
    data = {
        "version": "2.0",
        "class": "dataset",
        "label": "test",
        "id": [region_dim, "ContentsCode", "Tid"],
        "size": [len(regions), 1, len(times)],
        "dimension": {
            region_dim: {"category": {"index": {r: i for i, r in enumerate(regions)}}},
            "ContentsCode": {"category": {"index": {contents: 0}}},
            "Tid": {"category": {"index": times}},
        },
        "value": values,
    }
    if status is not None:
        data["status"] = status
    return data


def lovbrudd(regions: list[str], times: list[str], values: list) -> dict:
    """A minimal 08487-shaped dataset (gjerningssted x offence total x count x period)."""
    data = dataset(regions, times, values, region_dim="Gjerningssted", contents="AnmeldteLovbrudd")
    data["id"] = ["Gjerningssted", "LovbruddKrim", "ContentsCode", "Tid"]
    data["size"] = [len(regions), 1, 1, len(times)]
    data["dimension"]["LovbruddKrim"] = {"category": {"index": ["1AAAAA-9ZZZZz"]}}
    return data


class FakeResponse(io.BytesIO):
    status = 200


def opener_returning(body: bytes, calls: list | None = None):
    def opener(request, timeout):
        if calls is not None:
            calls.append((request.full_url, timeout))
        return FakeResponse(body)

    return opener


# --- build_url -------------------------------------------------------------------------


def test_build_url_has_the_pxwebapi_v2_shape():
    url = ssb.build_url(
        "07459",
        {"Region": ["0301", "0"], "ContentsCode": ["Personer1"], "Tid": ["2019", "2020"]},
    )
    assert url == (
        f"{BASE}/tables/07459/data?lang=no&outputFormat=json-stat2"
        "&valueCodes[Region]=0301,0&valueCodes[ContentsCode]=Personer1"
        "&valueCodes[Tid]=2019,2020"
    )


def test_build_url_encodes_reserved_characters_and_drops_duplicate_codes():
    url = ssb.build_url(
        "07459",
        {"Alder": ["105+", "105+"], "Tid": ["top(3)"]},
        base_url="https://example.test/api/v2/",
        lang="en",
        codelists={"Region": "agg_KommSummer"},
        output_values={"Region": "aggregated"},
    )
    assert url.startswith("https://example.test/api/v2/tables/07459/data?lang=en&")
    # SSB answers HTTP 500 to a repeated code, and '+' must be sent as %2B
    assert "valueCodes[Alder]=105%2B&" in url
    assert "valueCodes[Tid]=top(3)" in url
    assert url.endswith("&codelist[Region]=agg_KommSummer&outputValues[Region]=aggregated")


@pytest.mark.parametrize(
    ("table", "codes", "error"),
    [
        ("7459", {"Tid": ["2019"]}, ssb.SSBError),
        ("07459", {"Tid": []}, ValueError),
        ("07459", {"Tid": ["2019,2020"]}, ValueError),
    ],
)
def test_build_url_rejects_bad_input(table, codes, error):
    with pytest.raises(error):
        ssb.build_url(table, codes)


def test_spec_selection_requests_codes_in_force_and_two_year_periods(three_kommuner):
    population = ssb.TABLES["07459"].value_codes([2020, 2019])
    assert population == {
        "Region": ["0219", "3024", "0220", "3025", "0301", "0"],
        "ContentsCode": ["Personer1"],
        "Tid": ["2019", "2020"],
    }
    offences = ssb.TABLES["08487"].value_codes([2024])
    assert offences["Gjerningssted"] == ["3024", "3201", "3025", "3203", "0301", "0"]
    assert offences["Tid"] == ["2023-2024"]
    assert offences["LovbruddKrim"] == ["1AAAAA-9ZZZZz"]
    assert ssb.TABLES["07459"].value_codes(None)["Tid"] == ["*"]


def test_with_every_kommune_in_the_code_lists_a_fetch_asks_for_every_kommune():
    """The real code lists know every kommune, so a fetch asks for each one's number in force
    (357 kommuner in 2024, plus Norway), each number once."""
    regions = ssb.TABLES["07459"].value_codes([2024])["Region"]
    assert len(regions) == len(set(regions)) == 358
    assert regions[:3] == ["3201", "3203", "0301"] and "0" in regions
    assert "3024" not in regions  # Bærum's number of 2020-2023


# --- parse_jsonstat --------------------------------------------------------------------


def test_parse_array_form_is_row_major_and_keeps_status_of_nulls():
    cells = ssb.parse_jsonstat(load("07459-befolkning.json"))
    assert len(cells) == 8
    assert cells[0] == {
        "Region": "0219",
        "ContentsCode": "Personer1",
        "Tid": "2019",
        "value": 126841.0,
        "status": None,
    }
    # last dimension (Tid) varies fastest
    assert [(c["Region"], c["Tid"]) for c in cells[:4]] == [
        ("0219", "2019"),
        ("0219", "2020"),
        ("3024", "2019"),
        ("3024", "2020"),
    ]
    assert cells[1]["value"] is None and cells[1]["status"] == "."
    assert cells[7] == {**cells[7], "Region": "0", "Tid": "2020", "value": 5367580.0}


def test_parse_sparse_object_form_fills_gaps_with_missing_never_zero():
    cells = ssb.parse_jsonstat(load("08487-lovbrudd.json"))
    assert len(cells) == 6
    assert [c["value"] for c in cells] == [2210.0, None, None, None, 61234.0, None]
    assert [c["status"] for c in cells] == [None, ".", ".", ":", None, ".."]
    assert not any(c["value"] == 0 for c in cells)
    assert cells[3]["Gjerningssted"] == "3203" and cells[3]["Tid"] == "2023-2024"


def test_array_and_sparse_forms_give_the_same_cells():
    dense = load("07459-befolkning.json")
    sparse = copy.deepcopy(dense)
    sparse["value"] = {str(i): v for i, v in enumerate(dense["value"]) if v is not None}
    sparse["status"] = {str(i): s for i, s in enumerate(dense["status"]) if s is not None}
    # category index as an array instead of an object
    sparse["dimension"]["Tid"]["category"]["index"] = ["2019", "2020"]
    assert ssb.parse_jsonstat(sparse) == ssb.parse_jsonstat(dense)


def test_null_without_status_gets_not_available():
    cells = ssb.parse_jsonstat(dataset(["0301"], ["2019", "2020"], [None, 5]))
    assert (cells[0]["value"], cells[0]["status"]) == (None, "..")
    assert (cells[1]["value"], cells[1]["status"]) == (5.0, None)


def test_status_as_one_string_or_one_element_applies_to_every_cell():
    for status in (":", [":"]):
        cells = ssb.parse_jsonstat(dataset(["0301"], ["2019", "2020"], [None, None], status))
        assert [c["status"] for c in cells] == [":", ":"]


def test_a_symbol_given_as_the_value_is_missing_with_that_symbol():
    cells = ssb.parse_jsonstat(dataset(["0301"], ["2019", "2020"], [":", "12.5"]))
    assert (cells[0]["value"], cells[0]["status"]) == (None, ":")
    assert cells[1]["value"] == 12.5


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(value=d["value"][:7]), "'value' has 7 entries but the dimensions"),
        (lambda d: d.update(status=[None] * 3), "'status' has 3 entries"),
        (lambda d: d.update({"class": "collection"}), "'class' is 'collection'"),
        (lambda d: d.update(size=[4, 1]), "'size' must be 3 positive integers"),
        (
            lambda d: d.update(size=[3, 1, 2]),
            "dimension 'Region' has 4 categories but 'size' says 3",
        ),
        (lambda d: d.update(value={"8": 1}), "'value' key '8' is not a cell index 0..7"),
        (lambda d: d.pop("value"), "'value' is missing"),
        (lambda d: d["dimension"].pop("Tid"), "dimension 'Tid' has no 'category'"),
        (lambda d: d["value"].__setitem__(0, "abc"), "value[0] is 'abc', not a number"),
    ],
)
def test_malformed_dataset_raises_a_clear_error(mutate, message):
    data = load("07459-befolkning.json")
    mutate(data)
    with pytest.raises(ssb.SSBError, match=r"malformed JSON-stat|not a JSON-stat") as info:
        ssb.parse_jsonstat(data)
    assert message in str(info.value)


# --- to_rows ---------------------------------------------------------------------------


def test_population_rows_map_codes_and_drop_cells_of_numbers_not_in_force():
    rows = ssb.to_rows(ssb.TABLES["07459"], ssb.parse_jsonstat(load("07459-befolkning.json")))
    assert list(rows[0]) == list(ssb.COLUMNS)
    got = {(r["municipality"], r["year"]): r for r in rows}
    assert set(got) == {
        ("baerum", "2019"),
        ("baerum", "2020"),
        ("oslo", "2019"),
        ("oslo", "2020"),
        ("norge", "2019"),
        ("norge", "2020"),
    }
    assert got["baerum", "2019"]["municipality_code"] == "0219"
    assert got["baerum", "2020"]["municipality_code"] == "3024"
    assert got["baerum", "2020"] == {
        "year": "2020",
        "period": "1.1.2020",
        "municipality": "baerum",
        "municipality_code": "3024",
        "measure": "befolkning",
        "place_role": "alle",
        "age_group": "alle",
        "offence_group": "alle",
        "value": "127731",
        "status": "",
        "note": "",
    }
    assert got["norge", "2019"]["municipality_code"] == "0"


def test_offence_rows_keep_missing_cells_with_their_symbol():
    rows = ssb.to_rows(ssb.TABLES["08487"], ssb.parse_jsonstat(load("08487-lovbrudd.json")))
    got = {(r["municipality"], r["period"]): r for r in rows}
    assert set(got) == {
        ("asker", "2018-2019"),
        ("asker", "2023-2024"),
        ("oslo", "2018-2019"),
        ("oslo", "2023-2024"),
    }
    old = got["asker", "2018-2019"]
    assert (old["year"], old["municipality_code"], old["value"]) == ("2019", "0220", "2210")
    assert old["measure"] == "anmeldte_lovbrudd_snitt"
    assert (old["place_role"], old["offence_group"]) == ("gjerningssted", "alle")
    assert "uten Røyken og Hurum" in old["note"]  # territory change is spelled out
    suppressed = got["asker", "2023-2024"]
    assert (suppressed["municipality_code"], suppressed["value"], suppressed["status"]) == (
        "3203",
        "",
        ":",
    )
    unavailable = got["oslo", "2023-2024"]
    assert (unavailable["value"], unavailable["status"]) == ("", "..")
    assert all(r["value"] != "0" for r in rows)


@pytest.mark.parametrize(
    ("code", "year", "slug"),
    [
        ("0219", "2019", "baerum"),
        ("3024", "2020", "baerum"),
        ("3201", "2024", "baerum"),
        ("0220", "2019", "asker"),
        ("3025", "2023", "asker"),
        ("3203", "2024", "asker"),
        ("0301", "2019", "oslo"),
        ("0", "2019", "norge"),
    ],
)
def test_region_codes_old_and_new_map_to_slugs(code, year, slug):
    rows = ssb.to_rows(ssb.TABLES["07459"], ssb.parse_jsonstat(dataset([code], [year], [100])))
    assert [(r["municipality"], r["municipality_code"], r["value"]) for r in rows] == [
        (slug, code, "100")
    ]


def test_unknown_region_is_an_error(three_kommuner):
    cells = ssb.parse_jsonstat(dataset(["1103"], ["2020"], [144699]))
    with pytest.raises(ssb.SSBError, match=r"region code '1103' in|region code '1103' is not"):
        ssb.to_rows(ssb.TABLES["07459"], cells)


def test_a_value_under_a_number_not_in_force_is_an_error_not_a_guess():
    cells = ssb.parse_jsonstat(dataset(["0219"], ["2021"], [130000]))
    with pytest.raises(ssb.SSBError, match=r"0219 .baerum. has a value .* not in force"):
        ssb.to_rows(ssb.TABLES["07459"], cells)


def test_values_under_two_numbers_for_one_period_are_an_error():
    # 2019-2020 overlaps both 0219 (-2019) and 3024 (2020-)
    cells = ssb.parse_jsonstat(lovbrudd(["0219", "3024"], ["2019-2020"], [5000, 5100]))
    with pytest.raises(ssb.SSBError, match=r"several municipality numbers .0219=5000, 3024=5100"):
        ssb.to_rows(ssb.TABLES["08487"], cells)


def test_overlapping_numbers_keep_the_one_with_a_value_or_the_newest():
    spec = ssb.TABLES["08487"]
    one = ssb.to_rows(
        spec, ssb.parse_jsonstat(lovbrudd(["0219", "3024"], ["2019-2020"], [None, 5100]))
    )
    assert [(r["municipality_code"], r["value"]) for r in one] == [("3024", "5100")]
    none = ssb.to_rows(
        spec, ssb.parse_jsonstat(lovbrudd(["0219", "3024"], ["2019-2020"], [None, None]))
    )
    assert [(r["municipality_code"], r["status"]) for r in none] == [("3024", "..")]


def test_an_eliminated_variable_in_the_answer_is_an_error():
    data = dataset(["0301"], ["2020"], [1, 2])
    data["id"].insert(1, "Kjonn")
    data["size"] = [1, 2, 1, 1]
    data["dimension"]["Kjonn"] = {"category": {"index": {"1": 0, "2": 1}}}
    with pytest.raises(ssb.SSBError, match="unexpected: \\['Kjonn'\\]"):
        ssb.to_rows(ssb.TABLES["07459"], ssb.parse_jsonstat(data))


def test_unknown_symbol_becomes_not_available_and_flagged_values_keep_their_number():
    cells = ssb.parse_jsonstat(dataset(["0301"], ["2019", "2020"], [None, 7.25], ["...", "*"]))
    missing, flagged = ssb.to_rows(ssb.TABLES["07459"], cells)
    assert (missing["value"], missing["status"]) == ("", "..")
    assert "'...'" in missing["note"]
    assert (flagged["value"], flagged["status"]) == ("7.25", "")
    assert "'*'" in flagged["note"]


def test_years_before_the_warehouse_range_are_left_out():
    rows = ssb.to_rows(
        ssb.TABLES["07459"], ssb.parse_jsonstat(dataset(["0301"], ["1989", "1990"], [1, 2]))
    )
    assert [r["year"] for r in rows] == ["1990"]


def test_period_span_must_match_the_table():
    cells = ssb.parse_jsonstat(lovbrudd(["0301"], ["2024"], [1]))
    with pytest.raises(ssb.SSBError, match=r"spans 1 year.* expects 2"):
        ssb.to_rows(ssb.TABLES["08487"], cells)


def test_values_are_written_as_published_without_exponent():
    rows = ssb.to_rows(
        ssb.TABLES["07459"], ssb.parse_jsonstat(dataset(["0301"], ["2020"], [0.00001]))
    )
    assert rows[0]["value"] == "0.00001"


def test_specs_only_name_known_codes(tmp_path):
    spec = ssb.TableSpec(
        table_id="07459",
        region_dim="Region",
        measures={"Personer1": "folk"},
        request={"ContentsCode": ("Personer1",)},
    )
    assert spec.vocabulary_problems() == ["ContentsCode Personer1 maps to unknown measure 'folk'"]
    assert set(ssb.TABLES) == {"07459", "08487"}
    assert all(table.vocabulary_problems() == [] for table in ssb.TABLES.values())


def test_a_mapping_outside_the_code_lists_is_refused_before_fetching(monkeypatch, tmp_path):
    spec = ssb.TableSpec(
        table_id="07459",
        region_dim="Region",
        measures={"Personer1": "folk"},
        request={"ContentsCode": ("Personer1",)},
    )
    monkeypatch.setitem(ssb.TABLES, "07459", spec)

    def never(*args, **kwargs):
        raise AssertionError("fetched although the mapping names unknown codes")

    with pytest.raises(ssb.SSBError, match="not in data/vocab"):
        ssb.fetch_to_files("07459", tmp_path, opener=never)


# --- fetch -----------------------------------------------------------------------------


def test_fetch_parses_json_and_passes_url_and_timeout():
    calls: list = []
    body = (FIXTURES / "07459-befolkning.json").read_bytes()
    data = ssb.fetch(
        f"{BASE}/tables/07459/data?x=1", opener=opener_returning(body, calls), timeout=5
    )
    assert data["class"] == "dataset"
    assert calls == [(f"{BASE}/tables/07459/data?x=1", 5)]


def test_fetch_http_error_names_url_status_and_ssb_text():
    url = f"{BASE}/tables/07459/data?valueCodes[Region]=9999"
    body = (FIXTURES / "error-400.json").read_bytes()

    def opener(request, timeout):
        raise urllib.error.HTTPError(url, 400, "Bad Request", {}, io.BytesIO(body))

    with pytest.raises(ssb.SSBError) as info:
        ssb.fetch(url, opener=opener)
    message = str(info.value)
    assert "HTTP 400" in message
    assert url in message
    assert "Non-existent value" in message


def test_fetch_rate_limit_error_says_what_to_do():
    def opener(request, timeout):
        raise urllib.error.HTTPError("u", 429, "Too Many Requests", {}, io.BytesIO(b""))

    with pytest.raises(ssb.SSBError, match=r"HTTP 429 .*30 a minute"):
        ssb.fetch("https://example.test/x", opener=opener)


def test_fetch_non_json_answer_is_an_error():
    opener = opener_returning(b"<html><body>Service Unavailable</body></html>")
    with pytest.raises(ssb.SSBError, match=r"is not JSON.*<html><body>Service Unavailable"):
        ssb.fetch("https://example.test/x", opener=opener)


@pytest.mark.parametrize(
    ("raised", "message"),
    [
        (TimeoutError("timed out"), "did not answer within 30 s"),
        (urllib.error.URLError("Name or service not known"), "could not reach SSB"),
    ],
)
def test_fetch_network_failures_are_ssb_errors(raised, message):
    def opener(request, timeout):
        raise raised

    with pytest.raises(ssb.SSBError, match=message):
        ssb.fetch("https://example.test/x", opener=opener)


# --- sidecar and files -----------------------------------------------------------------


def test_sidecar_carries_provenance_and_says_missing_is_kept():
    data = load("07459-befolkning.json")
    meta = ssb.sidecar(ssb.TABLES["07459"], data, "https://x.test/q", "2026-05-01")
    assert meta["title"] == data["label"]
    assert meta["publisher"] == "Statistisk sentralbyrå (SSB)"
    assert meta["publication"] == "StatBank table 07459"
    assert meta["published"] == "2025-02-21"
    assert "07459" in meta["section"] and "https://x.test/q" in meta["section"]
    assert meta["licence"] == "CC BY 4.0 (Statistisk sentralbyrå)"
    assert meta["source_url"] == "https://x.test/q"
    assert "aldri som 0" in meta["notes"] and ": vises ikke" in meta["notes"]
    assert set(meta) <= set(datafiles.SIDECAR_REQUIRED + datafiles.SIDECAR_OPTIONAL)


@pytest.mark.parametrize(
    ("table", "fixture", "years", "stem", "n_rows"),
    [
        ("07459", "07459-befolkning.json", [2019, 2020], "ssb-07459-2019-2020", 6),
        ("08487", "08487-lovbrudd.json", [2019, 2024], "ssb-08487-2019-2024-", 4),
    ],
)
def test_fetch_to_files_writes_files_the_validating_import_accepts(
    tmp_path, table, fixture, years, stem, n_rows
):
    calls: list = []
    body = (FIXTURES / fixture).read_bytes()
    csv_path, meta_path = ssb.fetch_to_files(
        table, tmp_path, years, opener=opener_returning(body, calls), accessed="2026-05-01"
    )
    assert len(calls) == 1 and calls[0][0].startswith(f"{BASE}/tables/{table}/data?")
    assert csv_path.name.startswith(stem) and csv_path.suffix == ".csv"
    assert meta_path == csv_path.with_name(csv_path.stem + ".meta.yml")

    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    for key in datafiles.SIDECAR_REQUIRED:
        assert str(meta[key]).strip(), key
    assert meta["source_url"] == calls[0][0]
    assert "Hentet fra SSBs PxWebApi v2 2026-05-01" in meta["notes"]

    with csv_path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == n_rows
    assert all((r["value"] == "") != (r["status"] == "") for r in rows)

    source, problems = datafiles.read_file(csv_path)
    assert problems == []
    assert len(source.rows) == n_rows


def test_fetch_to_files_requests_the_spec_selection(tmp_path, three_kommuner):
    calls: list = []
    body = (FIXTURES / "07459-befolkning.json").read_bytes()
    ssb.fetch_to_files(
        "07459",
        tmp_path,
        [2019, 2020],
        opener=opener_returning(body, calls),
        base_url="https://mirror.test/api/v2",
    )
    assert calls[0][0] == (
        "https://mirror.test/api/v2/tables/07459/data?lang=no&outputFormat=json-stat2"
        "&valueCodes[Region]=0219,3024,0220,3025,0301,0"
        "&valueCodes[ContentsCode]=Personer1&valueCodes[Tid]=2019,2020"
    )


def test_fetch_to_files_refuses_a_table_without_a_spec(tmp_path):
    with pytest.raises(ssb.SSBError, match="no mapping for StatBank table '12345'"):
        ssb.fetch_to_files("12345", tmp_path, None, opener=opener_returning(b"{}"))
    assert list(tmp_path.iterdir()) == []
