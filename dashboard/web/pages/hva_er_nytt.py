"""Hva er nytt (/hva-er-nytt): what each new source brought, newest first.

New source tables, new years of a series, and every figure an edition changed (old ->
new, with both sources), from the `changes` table the build writes (see
`outputs/api/changefeed.py`). The kommune choice filters the list and picks the Atom
feed the page links to; "alle" lists every area.
"""

from __future__ import annotations

from dataclasses import replace

from dash import html

from dashboard.state import KOMMUNE, LANG, ViewState
from dashboard.web.layout.components import attrs
from dashboard.web.layout.page import PageSpec
from dashboard.web.outputs import links
from dashboard.web.outputs.api import changefeed
from dashboard.words import t
from dashboard.words.numbers import list_text

NAME = "hva_er_nytt"
EVERY = "alle"
#: The page's kommune choice: every area, or one kommune (the pages' kommune list).
AREA = replace(
    KOMMUNE,
    choices=lambda: (EVERY, *KOMMUNE.allowed),
    default=EVERY,
    option=lambda code, lang: (
        t("hva_er_nytt.all", lang) if code == EVERY else KOMMUNE.option_text(code, lang)
    ),
)
PARAMS = (LANG, AREA)


def content(state: ViewState) -> list:
    lang = state.lang
    kommune = state["kommune"]
    chosen = [] if kommune == EVERY else [kommune]
    where = (
        list_text([AREA.option_text(k, lang) for k in chosen], lang)
        if chosen
        else t("hva_er_nytt.feed_all", lang)
    )
    feeds = html.P(
        [
            html.A(
                t("hva_er_nytt.feed", lang, where=where),
                href=links.feed_href(chosen[0] if chosen else None, lang),
            ),
            " · ",
            html.A(
                t("hva_er_nytt.json", lang),
                href=links.api_href("endringer", {"kommune": chosen[0]} if chosen else {}),
            ),
        ],
        className="feed-links",
    )
    groups = changefeed.groups(chosen, lang)
    if not groups:
        return [feeds, html.P(t("hva_er_nytt.none", lang))]
    sections = []
    for number, group in enumerate(groups):
        heading_id = f"{NAME}-kilde-{number}"
        # Named by title and publication: two tables can share a title (regions need
        # unique names).
        source_id = f"{heading_id}-utgitt"
        sections.append(
            html.Section(
                [
                    html.H2(group.title, id=heading_id),
                    html.P(
                        t("hva_er_nytt.published_only", lang, published=group.published)
                        if group.title == group.publication  # one name for both
                        else t(
                            "hva_er_nytt.published",
                            lang,
                            publication=group.publication,
                            published=group.published,
                        ),
                        className="change-source",
                        id=source_id,
                    ),
                    html.Ul(
                        [html.Li(text, id=changefeed.anchor(event)) for event, text in group.items]
                    ),
                ],
                className="chart-card change-group",
                **attrs(aria_labelledby=f"{heading_id} {source_id}"),
            )
        )
    return [feeds, *sections]


SPEC = PageSpec(name=NAME, params=PARAMS, content=content, draws_charts=False)
