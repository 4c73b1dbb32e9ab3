"""Tilgjengelighetserklæring (/tilgjengelighet): the accessibility statement the law requires.

The statement is prose kept as Markdown (dashboard/web/layout/content/tilgjengelighet.*.md) in
the form Uutilsynet asks for: status, known gaps, feedback, enforcement, dates. The page
is linked from every footer and every embed (`links.statement_href`), not from the
main menu. The feedback address is a setting (`feedback_email`), filled in where the
Markdown says `{{tilbakemelding-epost}}`.
"""

from __future__ import annotations

from urllib.parse import quote

import flask
from dash import dcc

from dashboard.settings import Settings
from dashboard.state import LANG, ViewState
from dashboard.web.layout import prose
from dashboard.web.layout.page import PageSpec
from dashboard.web.outputs import links
from dashboard.web.serving.context import context

NAME = "tilgjengelighet"
PATH = links.STATEMENT_PATH
#: Where the statement's Markdown names the feedback address.
FEEDBACK = "{{tilbakemelding-epost}}"
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+!|"})


def feedback_link(address: str) -> str:
    """`address` as a Markdown mailto link (its text escaped, its href percent-encoded)."""
    return f"[{address.translate(_MARKDOWN_SPECIAL)}](mailto:{quote(address, safe='@.+-_')})"


def statement(lang: str, address: str) -> str:
    """The statement's Markdown in `lang` with the feedback address filled in."""
    return prose.read(NAME, lang).replace(FEEDBACK, feedback_link(address))


def content(state: ViewState) -> list:
    settings = context().settings if flask.has_app_context() else Settings()
    text = statement(state.lang, settings.feedback_email)
    return [dcc.Markdown(text, className="prose", link_target="_self")]


#: Its h1 is the catalog's "tilgjengelighet.h1" (PageSpec.heading).
SPEC = PageSpec(name=NAME, params=(LANG,), content=content, draws_charts=False)
