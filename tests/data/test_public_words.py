"""What the public reads in the data files is Norwegian: the source line (publication,
section), titles, licences, the notes under charts and the sidecars' texts carry no column
names, codes, transcription remarks or English fragments. What a number was read from stays
in its `quote` (as printed) and the source's address; the hand-transcribed SLT files keep
every number as it was."""

from __future__ import annotations

import csv
import re

import pytest
import yaml

from tests.paths import DATA_DIR, FIXTURES

#: Fragments the public once read (issue 17), and their kind.
FRAGMENTS = (
    "SaLTo report on",
    "reporting the SaLTo",
    "copy on dokumen.tips",
    "secondary copy",
    "age_group",
    "Skrevet med bokstaver",
    "Kildens beskrivelse",
    "referansefilen",
    "OCR",
    "`",
)
#: English words that do not occur in Norwegian text.
ENGLISH = re.compile(
    r"\b(the|of|and|with|from|report|reporting|copy|figures|published|persons|offences|"
    r"secondary|release|statistics|county|table|key|municipality|charged|victims|residence|"
    r"section|measure|category)\b",
    re.IGNORECASE,
)
#: A code or column name: lower-case words joined by "_" (e.g. ssb_vold, tp_saker).
CODE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")
#: Sidecar keys a reader sees on a page, an image or in the export's source sheet.
SHOWN = ("title", "publisher", "publication", "section", "unit", "counts", "licence")
#: Sidecar keys that may say, in Norwegian, where a number came from (the reference file,
#: the copy, the address, what the OCR text of a report lost); read in "Om dataene" and in
#: the export.
PROVENANCE = ("notes", "definitions")
ALLOWED_IN_PROVENANCE = ("referansefilen", "OCR")


def _plain(text: str) -> str:
    """The words a reader reads as ours: without quoted titles and text («…», "…"),
    addresses and file names."""
    text = re.sub(r"«[^»]*»", "", text)
    text = re.sub(r"“[^”]*”|\"[^\"]*\"", "", text)
    text = re.sub(r"\S+://\S+|\S+\.(csv|html|yml)\b|github\.com/\S+|\b\w+/\w+\b", "", text)
    return text


def _files() -> list[str]:
    return sorted(p.name.removesuffix(".meta.yml") for p in DATA_DIR.glob("*.meta.yml"))


def _problems(text: str, *, provenance: bool) -> list[str]:
    found = [f for f in FRAGMENTS if f in text and not (provenance and f in ALLOWED_IN_PROVENANCE)]
    plain = _plain(text)
    found += [f"English: {m.group(0)!r}" for m in ENGLISH.finditer(plain)]
    found += [f"code: {m.group(0)!r}" for m in CODE.finditer(plain)]
    return found


@pytest.mark.parametrize("stem", _files())
def test_a_data_files_public_words_are_norwegian(stem):
    meta = yaml.safe_load((DATA_DIR / f"{stem}.meta.yml").read_text(encoding="utf-8"))
    problems = []
    for key in (*SHOWN, *PROVENANCE):
        text = str(meta.get(key) or "")
        problems += [f"{key}: {p}" for p in _problems(text, provenance=key in PROVENANCE)]
    with (DATA_DIR / f"{stem}.csv").open(newline="", encoding="utf-8") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            for column in ("note", "section"):
                for p in _problems(row.get(column) or "", provenance=False):
                    problems.append(f"line {line} {column}: {p}")
    assert not problems, problems[:12]


def test_a_source_line_names_a_copy_once():
    """(niphr/csdata) was repeated in one line because every row carried it in `section`."""
    for stem in _files():
        meta = yaml.safe_load((DATA_DIR / f"{stem}.meta.yml").read_text(encoding="utf-8"))
        with (DATA_DIR / f"{stem}.csv").open(newline="", encoding="utf-8") as f:
            sections = {row.get("section") or "" for row in csv.DictReader(f)}
        line = " ".join([meta["publication"], meta["section"], *sections])
        assert line.count("niphr/csdata") <= 1, stem


def test_ssb_other_group_says_it_includes_sexual_offences():
    with (DATA_DIR / "vocab" / "offence_groups.csv").open(newline="", encoding="utf-8") as f:
        other = next(r for r in csv.DictReader(f) if r["code"] == "ssb_annet")
    assert "seksuallovbrudd" in other["label_nb"] and "sexual offences" in other["label_en"]


#: The hand-transcribed SLT files' numbers as they were before their words were edited
#: (file, line, every column but the words) - a words-only edit keeps this list.
SLT_NUMBERS = FIXTURES / "slt-numbers.csv"
WORDS = ("quote", "note", "section", "page")


def _slt_numbers() -> list[list[str]]:
    out = []
    for path in sorted(DATA_DIR.glob("slt20*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                out.append(
                    [path.name, str(line)] + [f"{k}={v}" for k, v in row.items() if k not in WORDS]
                )
    return out


def test_the_slt_files_keep_every_number():
    with SLT_NUMBERS.open(newline="", encoding="utf-8") as f:
        kept = list(csv.reader(f))
    assert _slt_numbers() == kept
    assert len(kept) > 400
