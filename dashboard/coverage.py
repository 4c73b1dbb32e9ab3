"""What exists in the warehouse: which measures each area has, and for which years.

Read once per warehouse file (queries/years.sql) and used for every default and
option that depends on the data — the years a control offers, the default period —
so a newly imported year or kommune appears everywhere without a code change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import duckdb

import queries
from dashboard.state import Param


@dataclass(frozen=True)
class Coverage:
    """(measure, area) -> the years with at least one preferred fact.

    A measure named `<measure>@bosted` counts only facts broken down by residence.
    """

    years_by: Mapping[tuple[str, str], tuple[int, ...]]

    @classmethod
    def read(cls, cursor: duckdb.DuckDBPyConnection) -> Coverage:
        rows = queries.run(cursor, "years")
        return cls(
            {
                (str(r.what), str(r.municipality)): tuple(int(y) for y in r.years)
                for r in rows.itertuples(index=False)
            }
        )

    @cached_property
    def _by_measure(self) -> dict[str, dict[str, tuple[int, ...]]]:
        """measure -> area -> years: a lookup instead of a scan of every (measure, area)
        (357 kommuner make thousands of them, asked for on every request)."""
        index: dict[str, dict[str, tuple[int, ...]]] = {}
        for (measure, where), years in self.years_by.items():
            index.setdefault(measure, {})[where] = years
        return index

    def years(self, measures: Iterable[str], area: str | None = None) -> list[int]:
        """Years of any of `measures` (for one area, or any area)."""
        found: set[int] = set()
        for measure in set(measures):
            areas = self._by_measure.get(measure, {})
            if area is None:
                for years in areas.values():
                    found.update(years)
            else:
                found.update(areas.get(area, ()))
        return sorted(found)

    def defaults(self, params: Sequence[Param], values: Mapping[str, object]) -> dict[str, int]:
        """Default from/to years: the span of the data for the chosen kommune (else any)."""
        out: dict[str, int] = {}
        area = values.get("kommune")
        for param in params:
            if not (param.year and param.years_of) or param.sentinel:
                continue
            years = self.years(param.years_of, area if isinstance(area, str) else None)
            years = years or self.years(param.years_of)
            if years:
                out[param.name] = years[-1] if param.name == "til" else years[0]
        return out
