"""Small helpers for writing HTML with Dash components (a leaf: no web module imported)."""

from __future__ import annotations

from typing import Any


def attrs(**names: Any) -> dict[str, Any]:
    """Hyphenated HTML attributes for a Dash component: attrs(aria_label=…) -> aria-label.

    Dash components take aria-* and data-* attributes only as `**{"aria-label": …}`; this
    spells them as keywords and keeps the type checker's view of the call honest.
    """
    return {name.replace("_", "-"): value for name, value in names.items()}
