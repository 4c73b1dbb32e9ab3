"""Downloads opened by real readers: csv, openpyxl, zipfile, json. Numbers = warehouse."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from urllib.parse import unquote

import openpyxl
import pytest

from dashboard.web.outputs.downloads import disposition
from tests.facts import stored


def read_csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "url",
    [
        "/last-ned/utvikling.csv?kommune=baerum&maal=forhold&lovbrudd=skadeverk&alder=10-17",
        "/last-ned/sammenligning.csv?kommune=oslo",
        "/last-ned/alder-kjonn.csv?maal=personer",
        "/last-ned/ekstremisme.csv",
    ],
)
def test_every_csv_number_and_symbol_is_the_warehouses(client, con, url):
    response = client.get(url)
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(response)
    assert rows
    for row in rows:
        value, status = stored(con, row)
        cell = row[row["measure"]]
        if value is None:
            assert cell == "" and row["status"] == status and status  # symbol, never 0
        else:
            assert float(cell) == value and row["status"] == ""
        assert row["source"] and row["licence"]


def test_excel_has_norwegian_headers_numbers_as_numbers_and_a_kilde_sheet(client, con):
    response = client.get("/last-ned/sammenligning.xlsx?kommune=baerum")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["Tall", "Kilde"]
    sheet = book["Tall"]
    header = [c.value for c in sheet[1]]
    assert {"År", "Kommune", "Symbol (SSB)", "Kilde", "Lisens"} <= set(header)
    count_col = (
        header.index("Anmeldte lovbrudd, toårssnitt")
        if ("Anmeldte lovbrudd, toårssnitt" in header)
        else None
    )
    rows = [
        dict(zip(header, [c.value for c in r], strict=True)) for r in sheet.iter_rows(min_row=2)
    ]
    assert rows
    rate_col = "Per 1 000 innbyggere (beregnet)"
    for line in sheet.iter_rows(min_row=2):
        for cell, name in zip(line, header, strict=True):
            if name == rate_col and cell.value is not None:
                # A number (openpyxl reads 60.0 back as 60) shown with one decimal.
                assert isinstance(cell.value, (int, float)) and cell.number_format == "#,##0.0"
    # Numbers are numbers, equal to the warehouse's facts.
    csv_rows = read_csv(client.get("/last-ned/sammenligning.csv?kommune=baerum"))
    assert len(csv_rows) == len(rows)
    for csv_row, xlsx_row in zip(csv_rows, rows, strict=True):
        value, status = stored(con, csv_row)
        numbers = [
            v
            for k, v in xlsx_row.items()
            if isinstance(v, (int, float)) and k not in ("År", rate_col, "Befolkning")
        ]
        if value is None:
            assert xlsx_row["Symbol (SSB)"] == status
        else:
            assert value in numbers
    if count_col is not None:
        assert sheet.cell(2, count_col + 1).number_format in ("#,##0", "#,##0.##")
    kilde = {r[0].value: r[1].value for r in book["Kilde"].iter_rows()}
    assert "SSB" in kilde["Kilde"] and kilde["Lisens"] and kilde["Symboler"].startswith("«..»")
    assert kilde["Visning"].startswith("http://localhost/embed/sammenligning?")


def test_excel_keeps_missing_cells_empty_with_their_symbol(client):
    response = client.get("/last-ned/utvikling.xlsx?maal=forhold&lovbrudd=skadeverk&alder=10-17")
    sheet = openpyxl.load_workbook(io.BytesIO(response.data))["Tall"]
    header = [c.value for c in sheet[1]]
    rows = [
        dict(zip(header, [c.value for c in r], strict=True)) for r in sheet.iter_rows(min_row=2)
    ]
    missing = [r for r in rows if r["Symbol (SSB)"] == ".."]
    assert missing and all(r["Straffbare forhold"] is None for r in missing)


def test_all_data_zip_has_the_export_a_readme_and_metadata(client, con):
    response = client.get("/last-ned/alle-data.zip")
    assert response.headers["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert archive.testzip() is None
    assert set(archive.namelist()) == {"alle-data.csv", "LESMEG.txt", "metadata.json"}
    rows = list(csv.DictReader(io.StringIO(archive.read("alle-data.csv").decode("utf-8-sig"))))
    assert len(rows) == con.execute("SELECT count(*) FROM fact").fetchall()[0][0]
    readme = archive.read("LESMEG.txt").decode("utf-8")
    for part in ("Symboler", "Hva telles", "Kilder og lisens", "Slik siterer du", "CC BY 4.0"):
        assert part in readme
    meta = json.loads(archive.read("metadata.json"))
    assert len(meta["sources"]) == con.execute("SELECT count(*) FROM dim_source").fetchall()[0][0]
    assert meta["columns"][0] == "year" and ".." in meta["symbols"]
    assert all(s["licence"] for s in meta["sources"])


def test_file_names_are_readable_norwegian_with_an_ascii_fallback():
    header = disposition("Utvikling – Bærum 2013–2020.csv")
    assert 'filename="Utvikling - Baerum 2013-2020.csv"' in header
    encoded = header.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == "Utvikling – Bærum 2013–2020.csv"


def test_chart_download_names_say_kommune_and_years(client):
    header = client.get("/last-ned/alder-kjonn.csv?kommune=baerum").headers["Content-Disposition"]
    assert unquote(header.split("''", 1)[1]).startswith("Alder kjonn – Bærum 2")
    assert client.get("/last-ned/utvikling.pdf").status_code == 404
