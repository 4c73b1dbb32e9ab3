"""Facts as JSON-stat 2.0 (https://json-stat.org/format/): pure, rows in, dict out.

The answer is a `collection` with one embedded `dataset` per source table and measure:
a printed table is a natural cube (years x age x sex, …), so each dataset is small and
dense enough for any JSON-stat reader, while one cube of every fact would multiply every
dimension's categories into billions of cells. Within a dataset:

- the dimensions are the facts' identity columns (the CSV's column names as ids, so a
  reader's table lines up with the CSV), with labels in the asked language; `year` is
  the time dimension and its category labels are the periods as printed (`2019-2020`);
  the measure is the metric dimension and carries its unit;
- `value` is sparse (an object by cell index): a cell the table does not have is absent,
  a cell the source printed as missing is `null` with its SSB symbol in `status`
  (`..`, `:`, `.`, `-`) — never 0;
- the source (publication, publisher, section, page, table title, licence, URL, dates,
  definitions) is in `extension.source`; a cell's note, quote and edition are in
  `extension.cells`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

#: Dimension id (a CSV column) -> the code list its codes come from (api_codelists.sql).
DIMENSIONS: dict[str, str] = {
    "year": "",
    "municipality": "kommune",
    "measure": "maal",
    "place_role": "sted",
    "residence": "bosted",
    "age_group": "alder",
    "sex": "kjonn",
    "offence_group": "lovbrudd",
    "offence_subgroup": "lovbrudd",
    "category": "kategori",
}
SOURCE_FIELDS = (
    "source_id",
    "title",
    "publication",
    "publisher",
    "published",
    "section",
    "page",
    "unit",
    "counts",
    "definitions",
    "notes",
    "licence",
    "licence_url",
    "source_url",
    "accessed",
)

Labels = Mapping[str, Mapping[str, Mapping[str, str]]]  # list -> code -> lang -> label


def _plain(value: Any) -> Any:
    """A JSON value from a pandas cell (NaN/NA -> None, numpy -> Python)."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value


def number(value: Any) -> int | float | None:
    """A fact's value as JSON: whole numbers without '.0', missing as None."""
    value = _plain(value)
    if value is None:
        return None
    value = float(value)
    return int(value) if value.is_integer() else value


def decimals(values: pd.Series) -> int:
    """How many decimals the published values use (0 for counts)."""
    most = 0
    for value in values.dropna():
        text = repr(float(value))
        if "e" in text:
            return 3
        fraction = text.partition(".")[2]
        fraction = fraction.rstrip("0")
        most = max(most, len(fraction))
    return min(most, 3)


def _category_order(frame: pd.DataFrame, column: str, sort: Mapping[str, float]) -> list:
    present = list(dict.fromkeys(frame[column].tolist()))
    if column == "year":
        return sorted(int(y) for y in present)
    return sorted(present, key=lambda code: (sort.get(str(code), math.inf), str(code)))


def dataset(
    rows: pd.DataFrame,
    *,
    labels: Labels,
    sort: Mapping[str, Mapping[str, float]],
    dimension_labels: Mapping[str, str],
    source: Mapping[str, Any],
    lang: str,
    href: str = "",
) -> dict[str, Any]:
    """One JSON-stat dataset from the facts of one source table and one measure."""
    ids = list(DIMENSIONS)
    categories: dict[str, list] = {}
    dimension: dict[str, Any] = {}
    for dim in ids:
        codelist = DIMENSIONS[dim]
        order = _category_order(rows, dim, sort.get(codelist, {}))
        categories[dim] = order
        if dim == "year":
            periods = dict(zip(rows["year"].astype(int), rows["period"].astype(str), strict=True))
            names = {str(y): periods.get(y, str(y)) for y in order}
        else:
            names = {
                str(c): labels.get(codelist, {}).get(str(c), {}).get(lang) or str(c) for c in order
            }
        category: dict[str, Any] = {
            "index": {str(c): i for i, c in enumerate(order)},
            "label": names,
        }
        if dim == "measure":
            category["unit"] = {
                str(c): {
                    "label": str(_plain(rows["unit"].iloc[0]) or ""),
                    "decimals": decimals(rows["value"]),
                }
                for c in order
            }
        dimension[dim] = {"label": dimension_labels.get(dim, dim), "category": category}
    size = [len(categories[d]) for d in ids]
    positions = {d: {c: i for i, c in enumerate(categories[d])} for d in ids}
    strides = []
    step = 1
    for n in reversed(size):
        strides.append(step)
        step *= n
    strides.reverse()
    values: dict[str, Any] = {}
    status: dict[str, str] = {}
    cells: dict[str, dict[str, Any]] = {}
    for record in rows.to_dict("records"):
        index = 0
        for dim, stride in zip(ids, strides, strict=True):
            code = int(record[dim]) if dim == "year" else record[dim]
            index += positions[dim][code] * stride
        key = str(index)
        values[key] = number(record["value"])
        symbol = _plain(record.get("status"))
        if symbol:
            status[key] = str(symbol)
        extra = {
            name: _plain(record.get(name))
            for name in ("note", "quote", "page")
            if _plain(record.get(name))
        }
        if int(record.get("editions") or 1) > 1:
            extra["edition"] = int(record["edition"])
            extra["editions"] = int(record["editions"])
        if extra:
            cells[key] = extra
    first = rows.iloc[0]
    measure = str(first["measure"])
    measure_label = labels.get("maal", {}).get(measure, {}).get(lang) or measure
    out: dict[str, Any] = {
        "version": "2.0",
        "class": "dataset",
        "label": f"{source.get('title') or first['table_title']} – {measure_label}",
        "source": ", ".join(str(source[k]) for k in ("publication", "section") if source.get(k)),
        "id": ids,
        "size": size,
        "role": {"time": ["year"], "geo": ["municipality"], "metric": ["measure"]},
        "dimension": dimension,
        "value": values,
    }
    if href:
        out["href"] = href
    if status:
        out["status"] = status
    notes = [str(source[k]) for k in ("counts", "definitions", "notes") if source.get(k)]
    if notes:
        out["note"] = notes
    out["extension"] = {
        "source": {k: _plain(source.get(k)) for k in SOURCE_FIELDS if k in source},
        **({"cells": cells} if cells else {}),
    }
    return out


def collection(
    rows: pd.DataFrame,
    *,
    labels: Labels,
    sort: Mapping[str, Mapping[str, float]],
    dimension_labels: Mapping[str, str],
    sources: Mapping[str, Mapping[str, Any]],
    lang: str,
    label: str,
    href: str,
    item_href: Any = None,
    extension: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The facts as a collection of datasets, one per (source table, measure), in the
    rows' order. `item_href(source_id, measure)` gives each dataset's own URL."""
    items = []
    if not rows.empty:
        groups = rows.groupby(["source_id", "measure"], sort=False)
        for (source_id, measure), part in groups:
            source = sources.get(str(source_id), {"source_id": source_id})
            href_of = item_href(str(source_id), str(measure)) if item_href else ""
            items.append(
                dataset(
                    part,
                    labels=labels,
                    sort=sort,
                    dimension_labels=dimension_labels,
                    source=source,
                    lang=lang,
                    href=href_of,
                )
            )
    out: dict[str, Any] = {
        "version": "2.0",
        "class": "collection",
        "label": label,
        "href": href,
        "link": {"item": items},
    }
    if extension:
        out["extension"] = dict(extension)
    return out
