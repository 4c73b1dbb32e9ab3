"""The Word report and the PowerPoint open in LibreOffice: converted headless to PDF, as
a reader's office suite would open them (no repair, every page, text and images there).

Needs Debian's LibreOffice (`apt-get install libreoffice-writer-nogui
libreoffice-impress-nogui poppler-utils`; `.ci/run` installs them). Without it these tests
are skipped locally and fail in CI (`CI` set), like the browser tests.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

pytestmark = pytest.mark.render  # the documents hold chart images drawn by the renderer

TOOLS = ("soffice", "pdfinfo", "pdftotext", "pdfimages")


@pytest.fixture(scope="module")
def office_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"LibreOffice/poppler not installed: {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def to_pdf(data: bytes, name: str, folder: Path) -> Path:
    """Convert with a private LibreOffice profile (parallel runs do not share one)."""
    source = folder / name
    source.write_bytes(data)
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr and "Error" not in done.stdout, done.stderr
    pdf = source.with_suffix(".pdf")
    assert pdf.exists() and pdf.stat().st_size > 10_000, done.stdout
    return pdf


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def images(pdf: Path) -> int:
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return len(listing) - 2  # two header lines


def test_word_report_opens_in_libreoffice_with_every_page_table_and_image(
    office_tools, client, con, tmp_path
):
    response = client.get("/last-ned/utfordringsbildet.docx?kommune=baerum&aar=2020")
    assert response.status_code == 200
    pdf = to_pdf(response.data, "utfordringsbildet.docx", tmp_path)
    assert pages(pdf) >= 10
    words = text(pdf)
    assert "Utfordringsbildet Bærum 2020" in words
    assert "2.1.1 Politiets kriminalitetsstatistikk 2020" in words
    assert "Tabell 1." in words and "Kilder" in words
    (total,) = con.execute(
        "SELECT value FROM facts WHERE preferred AND source_id = 'slt2020-geografisk-fordeling-10-17'"
        " AND measure = 'personer' AND residence = 'alle' AND year = 2020"
    ).fetchone()
    assert f"{total:.0f}" in words
    # every chart image reached the PDF (the document has one per drawn chart)
    assert images(pdf) >= 10


def test_presentation_opens_in_libreoffice_impress_one_page_per_slide(
    office_tools, client, tmp_path
):
    response = client.get("/mote/presentasjon.pptx?kommune=baerum&aar=2020")
    assert response.status_code == 200
    deck = Presentation(io.BytesIO(response.data))
    pdf = to_pdf(response.data, "mote.pptx", tmp_path)
    assert pages(pdf) == len(deck.slides)
    words = text(pdf)
    for slide in deck.slides:
        assert slide.shapes.title.text.split(",")[0] in " ".join(words.split())
    # each slide: its chart (not on the key figures slide) and its QR code
    assert images(pdf) >= 2 * len(deck.slides) - 1
