"""What can go wrong with an open-data request, as data (a leaf: no Flask, no warehouse).

A `Problem` is raised anywhere while an answer is built and becomes RFC 9457 problem
details in `protocol`; its `type` is a fragment of the page "Åpne data" that explains it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: Where the problem types are explained (a fragment of the readable API page).
PROBLEM_DOCS = "/apne-data#feil"
#: Every kind of problem the open data answers (catalog: api.problem.<key>.title/.detail).
PROBLEM_KEYS = (
    "bad_parameters",
    "not_found",
    "unknown_chart",
    "unknown_codelist",
    "unknown_source",
    "unknown_kommune",
    "method",
    "oembed_format",
    "oembed_url",
)


@dataclass
class Problem(Exception):
    """An answer that is not the resource: status, a catalog key, and details."""

    status: int
    key: str  # catalog keys api.problem.<key>.title / .detail
    params: Mapping[str, object] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)


def bad_parameter(name: str, value: object, reason: str, allowed: object = None) -> dict:
    """One entry of a problem's `errors`: what was wrong with which parameter."""
    entry: dict[str, Any] = {"parameter": name, "value": value, "reason": reason}
    if allowed is not None:
        entry["allowed"] = allowed
    return entry


def problem_type(key: str) -> str:
    """Where a kind of problem is explained (relative to the site)."""
    return f"{PROBLEM_DOCS}-{key.replace('_', '-')}"
