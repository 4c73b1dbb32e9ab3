"""Where the tests find the repository's files (one place, whatever folder a test sits in)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_DATA = FIXTURES / "data"
README = ROOT / "README.md"
DATA_FORMAT_DOC = ROOT / "docs" / "data-format.md"
