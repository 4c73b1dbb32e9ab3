"""`slt-dashboard report`: the Word report on the command line, the same file as the URL."""

from __future__ import annotations

import io

import pytest
from docx import Document

from dashboard import cli
from tests.paths import DATA_DIR


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.render
def test_report_writes_the_document_with_links_to_the_given_site(capsys, warehouse_path, tmp_path):
    target = tmp_path / "rapport.docx"
    code, out, _ = run(
        capsys,
        "report",
        "--data-dir",
        str(DATA_DIR),
        "--warehouse",
        str(warehouse_path),
        "--kommune",
        "baerum",
        "--aar",
        "2020",
        "--site",
        "https://slt.example.no",
        "-o",
        str(target),
    )
    assert code == 0 and str(target) in out
    doc = Document(io.BytesIO(target.read_bytes()))
    assert doc.paragraphs[0].text == "Utfordringsbildet Bærum 2020"
    links = [h.url for p in doc.paragraphs for h in p.hyperlinks]
    assert links and all(u.startswith("https://slt.example.no/") for u in links if "slt" in u)
    assert any(u.startswith("https://slt.example.no/trend?") for u in links)


def test_report_with_a_bad_kommune_says_what_to_write_and_writes_nothing(
    capsys, warehouse_path, tmp_path
):
    target = tmp_path / "rapport.docx"
    code, _, err = run(
        capsys,
        "report",
        "--data-dir",
        str(DATA_DIR),
        "--warehouse",
        str(warehouse_path),
        "--kommune",
        "nope",
        "-o",
        str(target),
    )
    assert code == 1 and "«nope» kan ikke brukes for «kommune»" in err
    assert not target.exists()
