"""One question per `.sql` file, with named parameters (`$kommune`, `$fra` …).

The loader binds only the parameters a query names, so callers can pass one validated
view state to several queries; SQL is never assembled from strings.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

QUERY_DIR = Path(__file__).parent
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@cache
def sql(name: str) -> str:
    """The text of `queries/<name>.sql` (cached; unknown names raise KeyError)."""
    path = QUERY_DIR / f"{name}.sql"
    if not re.fullmatch(r"[a-z0-9_]+", name) or not path.exists():
        raise KeyError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


@cache
def parameters(name: str) -> frozenset[str]:
    """Named parameters the query uses (comments are ignored)."""
    text = re.sub(r"--[^\n]*", "", sql(name))
    return frozenset(_PARAM.findall(text))


def names() -> list[str]:
    return sorted(p.stem for p in QUERY_DIR.glob("*.sql"))


def run(cursor: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    """Run a named query with its parameters; missing ones are an error, extras are ignored."""
    wanted = parameters(name)
    missing = wanted - params.keys()
    if missing:
        raise TypeError(f"query {name!r} needs parameters: {', '.join(sorted(missing))}")
    bound = {k: v for k, v in params.items() if k in wanted}
    return cursor.execute(sql(name), bound).df()
