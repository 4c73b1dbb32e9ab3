"""The pieces the Word report and the PowerPoint share, without an app: the cache of
finished files, the chapter's parts, table layout, and the key-figure sentence."""

from __future__ import annotations

import pandas as pd

from dashboard.charts.oversikt import KeyFigure
from dashboard.web.outputs import wordreport
from dashboard.web.outputs.office import FinishedFiles
from dashboard.words import STRINGS


def test_finished_files_keep_the_most_recent_within_count_and_bytes():
    files = FinishedFiles(max_files=2, max_bytes=10)
    files.put(("a",), b"1234")
    files.put(("b",), b"1234")
    assert files.get(("a",)) == b"1234"  # a is now the most recent
    files.put(("c",), b"12")
    assert files.get(("b",)) is None and files.get(("a",)) and files.get(("c",))
    files.put(("d",), b"123456789")  # over the byte budget: the oldest go first
    assert files.get(("d",)) and files.get(("a",)) is None and len(files) == 1


def test_a_wide_table_of_years_is_turned_and_a_narrow_one_is_not():
    years = [str(y) for y in range(2010, 2021)]
    wide = pd.DataFrame(
        {"Alder": ["15–17 år", "10–17 år"], **{y: ["4 651", "12 393"] for y in years}}
    )
    turned = wordreport.table_frame(wide, "nb")
    assert list(turned.columns) == ["År", "15–17 år", "10–17 år"]
    assert list(turned["År"]) == years and list(turned["10–17 år"]) == ["12 393"] * len(years)
    narrow = wide.iloc[:, :9]
    assert wordreport.table_frame(narrow, "nb") is narrow


def test_column_widths_fit_the_page_and_never_squeeze_numbers_before_labels():
    frame = pd.DataFrame(
        {"Serie": ["Et svært langt radnavn som må brytes over flere linjer"], "2020": ["1 234"]}
    )
    widths = wordreport.column_widths(frame, 9)
    assert widths[0] == wordreport.LABEL_MAX_CM  # the label wraps, the number does not
    assert sum(widths) <= wordreport.TEXT_WIDTH_CM


def _figure(small: bool, direction: str | None) -> KeyFigure:
    return KeyFigure(
        key="k",
        theme="ungdom",
        sentence="Subjekt: 8 i 2020, opp 60\u00a0% fra 5 i 2019.",
        value_text="8",
        year_label="2020",
        small=small,
        direction=direction,
        points=[],
        charts=(("geografi-personer", {"kommune": "baerum"}),),
        publications="P",
        source="P, 2.1.1",
        rows=pd.DataFrame(),
    )


def test_small_numbers_caveat_only_where_a_change_is_said():
    doc = wordreport._new_document("nb")
    wordreport._key_sentence(doc, _figure(True, "up"), "nb", "Normal")
    wordreport._key_sentence(doc, _figure(True, None), "nb", "Normal")
    wordreport._key_sentence(doc, _figure(False, "up"), "nb", "Normal")
    texts = [p.text for p in doc.paragraphs]
    assert "(Små tall – usikker endring.)" in texts[0] and texts[0].endswith("Kilde: P, 2.1.1.")
    assert "Små tall" not in texts[1] and "Små tall" not in texts[2]


def test_every_part_has_a_heading_and_parents_come_first():
    keys = [p.key for p in wordreport.PARTS]
    for index, part in enumerate(wordreport.PARTS):
        assert set(STRINGS[f"wordreport.part.{part.key}"]) == {"nb", "en"}
        assert not part.parent or keys.index(part.parent) < index
