"""Small helpers for writing HTML with Dash components (a leaf: no web module imported)."""

from __future__ import annotations

from typing import Any

from dash import html


def attrs(**names: Any) -> dict[str, Any]:
    """Hyphenated HTML attributes for a Dash component: attrs(aria_label=…) -> aria-label.

    Dash components take aria-* and data-* attributes only as `**{"aria-label": …}`; this
    spells them as keywords and keeps the type checker's view of the call honest.
    """
    return {name.replace("_", "-"): value for name, value in names.items()}


def cited(text: str, lang: str) -> str | list:
    """A source line as children: on an English page the Norwegian publication names it
    cites ("Source: SLT årsrapport 2020 – Bærum kommune, …") are marked `lang="nb"`, so a
    screen reader reads them in Norwegian (WCAG 3.1.2)."""
    if lang != "en" or ": " not in text:
        return text
    label, names = text.split(": ", 1)
    return [f"{label}: ", html.Span(names, lang="nb")]
