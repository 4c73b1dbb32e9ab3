"""The words catalog: one place for every UI string, bokmål and English side by side."""

from __future__ import annotations

import re

from dashboard.words import STRINGS, t
from tests.paths import ROOT

#: A literal key passed to t(…) in the code (f-string keys are checked by the page tests).
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_.:-]+)["']""")


def test_every_entry_has_bokmaal_and_english():
    incomplete = [k for k, v in STRINGS.items() if set(v) != {"nb", "en"} or not all(v.values())]
    assert incomplete == []


def test_every_literal_key_in_the_code_is_in_the_catalog():
    used = {
        key
        for path in (ROOT / "dashboard").rglob("*.py")
        for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8"))
    }
    assert len(used) > 100  # the scan sees the code's keys
    assert sorted(used - set(STRINGS)) == []


def test_words_are_not_typed_into_chart_modules():
    """Chart texts live in the catalog: no {"nb": …, "en": …} literal in a chart module."""
    offenders = [
        path.name
        for path in (ROOT / "dashboard" / "charts").glob("*.py")
        if re.search(r"""\{\s*["']nb["']\s*:""", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_placeholders_are_filled():
    assert t("trend.nodata.none", "en", what="Oslo") == "There are no figures for Oslo."
