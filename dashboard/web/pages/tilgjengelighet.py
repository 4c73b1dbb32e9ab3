"""Tilgjengelighetserklæring (/tilgjengelighet): the accessibility statement the law requires.

The statement is prose kept as Markdown (dashboard/web/content/tilgjengelighet.*.md) in
the form Uutilsynet asks for: status, known gaps, feedback, enforcement, dates. The page
is linked from every footer and every embed (use `href`), not from the main menu.
"""

from __future__ import annotations

from dash import dcc

from dashboard.state import LANG, ViewState
from dashboard.web import content as prose
from dashboard.web.page import PageSpec, headings

NAME = "tilgjengelighet"
PATH = "/tilgjengelighet"

TEXT = {
    "h1": {"nb": "Tilgjengelighetserklæring", "en": "Accessibility statement"},
}


def href(lang: str) -> str:
    """The statement's address in `lang` (for footers and embeds)."""
    return PATH if lang == "nb" else f"{PATH}?lang={lang}"


def content(state: ViewState) -> list:
    return [dcc.Markdown(prose.read(NAME, state.lang), className="prose", link_target="_self")]


SPEC = PageSpec(
    name=NAME,
    path=PATH,
    params=(LANG,),
    controls=(),
    content=content,
    heading=headings(TEXT),
)
