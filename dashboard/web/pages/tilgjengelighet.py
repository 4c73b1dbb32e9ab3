"""Tilgjengelighetserklæring (/tilgjengelighet): the accessibility statement the law requires.

The statement is prose kept as Markdown (dashboard/web/content/tilgjengelighet.*.md) in
the form Uutilsynet asks for: status, known gaps, feedback, enforcement, dates. The page
is linked from every footer and every embed (`content.statement_href`), not from the
main menu.
"""

from __future__ import annotations

from dash import dcc

from dashboard.state import LANG, ViewState
from dashboard.web import content as prose
from dashboard.web.page import PageSpec

NAME = "tilgjengelighet"
PATH = prose.STATEMENT_PATH


def content(state: ViewState) -> list:
    return [dcc.Markdown(prose.read(NAME, state.lang), className="prose", link_target="_self")]


#: Its h1 is the catalog's "tilgjengelighet.h1" (PageSpec.heading).
SPEC = PageSpec(name=NAME, path=PATH, params=(LANG,), content=content)
