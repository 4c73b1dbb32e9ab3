"""Long prose kept as Markdown beside the code: `dashboard/web/layout/content/<name>.<lang>.md`.

Editors change text without touching Python, and each language is a whole file (a
statement or a guide reads as one text, not as a string per sentence). Files are package
data (pyproject), read once per process.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from dashboard.words.catalog import LANGS

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


@cache
def read(name: str, lang: str) -> str:
    """The Markdown text `name` in `lang` (bokmål when that language has no file).

    Raises KeyError for a name with no bokmål file (a programming error, not user input).
    """
    if not _NAME.fullmatch(name):
        raise KeyError(f"not a content name: {name!r}")
    folder = resources.files(__package__).joinpath("content")
    for candidate in (lang, "nb") if lang in LANGS else ("nb",):
        path = folder.joinpath(f"{name}.{candidate}.md")
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise KeyError(f"no content file {name}.nb.md in {folder}")
