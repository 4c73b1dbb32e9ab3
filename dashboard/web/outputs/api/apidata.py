"""What the open-data answers read from the warehouse, kept once per warehouse file.

Code lists, sources and what each holds change only with a rebuild, and every facts
request validates against the code lists: they are read once per warehouse file (the
store's fingerprint) and kept on the app, like the pages' coverage. Everything here is
read from the warehouse's tables (`dim_*`, `dim_source`, `changes`), never from Python
constants, so a new kommune, measure or source appears without a code change.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

import duckdb
import flask
import pandas as pd

import queries
from dashboard.web.serving.context import context, cursor

EXTENSION = "slt-open-data"
#: Entries kept at most (oldest dropped first): names that include the site's address
#: (the catalogue) must not grow without bound when requests name many hosts.
MAX_KEPT = 32
T = TypeVar("T")
_lock = threading.Lock()


def plain(value: Any) -> Any:
    """A JSON value from a pandas cell: NaN/NA -> None, numpy scalars -> Python."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return plain(value.tolist())
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, pd.Timestamp):  # a DATE column read by pandas: the date only
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame's rows as JSON-ready dicts."""
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def per_warehouse(name: str, build: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """`build(cursor)` once per warehouse file (a rebuild is a new file: read again)."""
    kept: dict[tuple[str, str], Any] = flask.current_app.extensions.setdefault(EXTENSION, {})
    key = (name, context().store.fingerprint)
    if key not in kept:
        value = build(cursor())
        with _lock:
            for old in [k for k in kept if k[0] == name and k != key]:
                del kept[old]
            kept[key] = value
            while len(kept) > MAX_KEPT:
                del kept[next(iter(kept))]
    return kept[key]


@dataclass(frozen=True)
class CodeLists:
    """The dimensions' code lists: codes in order, their labels and descriptions."""

    frame: pd.DataFrame

    @cached_property  # read per warehouse file, asked per code: computed once
    def codes(self) -> dict[str, list[str]]:
        return {
            str(name): [str(c) for c in part["code"]]
            for name, part in self.frame.groupby("list", sort=False)
        }

    @cached_property  # read per warehouse file, asked per code: computed once
    def labels(self) -> dict[str, dict[str, dict[str, str]]]:
        out: dict[str, dict[str, dict[str, str]]] = {}
        for r in self.frame.itertuples(index=False):
            out.setdefault(str(r.list), {})[str(r.code)] = {
                "nb": str(r.label_nb),
                "en": str(r.label_en),
            }
        return out

    @cached_property  # read per warehouse file, asked per code: computed once
    def sort(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for position, r in enumerate(self.frame.itertuples(index=False)):
            out.setdefault(str(r.list), {})[str(r.code)] = float(position)
        return out

    def label(self, codelist: str, code: str, lang: str) -> str:
        return self.labels.get(codelist, {}).get(code, {}).get(lang, code)

    def entries(self, codelist: str) -> list[dict[str, Any]]:
        """One code list as JSON: code, labels, descriptions and what the list adds."""
        part = self.frame[self.frame["list"] == codelist]
        out = []
        for row in records(part):
            row.pop("list")
            out.append({k: v for k, v in row.items() if v is not None})
        return out


def codelists() -> CodeLists:
    return per_warehouse("codelists", lambda cur: CodeLists(queries.run(cur, "api_codelists")))


def sources() -> dict[str, dict[str, Any]]:
    """Every source table (sidecar fields, what it holds), by source id."""

    def read(cur: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
        held = {r["source_id"]: r for r in records(queries.run(cur, "api_source_coverage"))}
        out = {}
        for row in records(queries.run(cur, "sources")):
            row.update({k: v for k, v in held.get(row["source_id"], {}).items()})
            out[row["source_id"]] = row
        return out

    return per_warehouse("sources", read)


def source_editions() -> dict[str, list[dict[str, Any]]]:
    """Per source: the other sources that give some of the same numbers."""

    def read(cur: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for row in records(queries.run(cur, "api_source_editions")):
            out.setdefault(row.pop("source_id"), []).append(row)
        return out

    return per_warehouse("source_editions", read)


def built_at() -> str:
    """When the warehouse was built (ISO 8601, UTC): the catalogue's modification date."""

    def read(cur: duckdb.DuckDBPyConnection) -> str:
        rows = queries.run(cur, "api_build_info")
        return str(rows["built_at"].iloc[0]) if not rows.empty else ""

    return per_warehouse("built_at", read)
