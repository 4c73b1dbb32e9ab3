"""Velg kommune (/kommuner): every kommune the warehouse knows, searchable, each with
what it has, each a link back to the page the reader came from.

The kommune control on a page offers the SLT kommuner first (a few radio buttons); this
page is "all the others": a plain GET form (`sok`) that the server answers with the
matching kommuner, so it works the same with and without JavaScript, by keyboard and with
a screen reader (a list of links, grouped by initial, its count said in a live region).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlencode

import duckdb
from dash import dcc, html

import queries
from dashboard import dimensions as dims
from dashboard.state import LANG, Param, ViewState
from dashboard.web.layout.components import attrs
from dashboard.web.layout.page import PageSpec
from dashboard.web.outputs import links
from dashboard.web.serving.context import context
from dashboard.words import t
from dashboard.words.numbers import format_number, list_text

NAME = "kommuner"
#: The page a chosen kommune opens (the page the reader came from).
TIL = Param("til", tuple(links.CHART_PAGES), links.CHART_PAGES[0])
#: What the reader searched for (a part of a name; accents and case do not matter).
SOK = Param("sok", default="", text=True)


def folded(text: str) -> str:
    """Lower case without accents, æ/ø/å spelled out: 'Bærum' and 'baerum' match."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _sources(cursor: duckdb.DuckDBPyConnection) -> dict[str, tuple[list[str], list[str]]]:
    """Area -> (source families in bokmål, in English), read once per warehouse."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for row in queries.run(cursor, "area_sources").itertuples(index=False):
        nb, en = out.setdefault(str(row.municipality), ([], []))
        if row.family_nb not in nb:
            nb.append(str(row.family_nb))
            en.append(str(row.family_en))
    return out


def content(state: ViewState) -> list:
    """The search form and the matching kommuner, each with what it has."""
    lang = state.lang
    target = links.page_path(state["til"])
    search = str(state["sok"])
    sources = context().once("area_sources", _sources)
    wanted = folded(search)
    codes = [c for c in dims.kommuner() if wanted in folded(dims.kommune_name(c, lang))]
    total = len(dims.kommuner())
    form = html.Form(
        [
            html.Label(t("kommuner.search", lang), htmlFor="kommune-sok"),
            dcc.Input(
                id="kommune-sok",
                name="sok",
                type="search",
                value=search,
                autoComplete="off",
                debounce=True,
            ),
            dcc.Input(type="hidden", name="til", value=state["til"]),
            *([dcc.Input(type="hidden", name="lang", value=lang)] if lang != "nb" else []),
            html.Button(t("kommuner.submit", lang), type="submit"),
        ],
        method="get",
        action=links.page_path(NAME),
        role="search",
        className="kommune-search",
    )
    count = t(
        "kommuner.count",
        lang,
        n=format_number(len(codes), 0, lang),
        total=format_number(total, 0, lang),
    )
    items = []
    for code in codes:
        nb, en = sources.get(code, ([], []))
        has = list_text(en if lang == "en" else nb, lang) or t("kommuner.nothing", lang)
        query = {"kommune": code, **({"lang": lang} if lang != "nb" else {})}
        items.append(
            html.Li(
                [
                    html.A(dims.kommune_name(code, lang), href=f"{target}?{urlencode(query)}"),
                    html.Span(f" – {has}", className="kommune-has"),
                ]
            )
        )
    return [
        form,
        html.P(count, className="kommune-count", **attrs(aria_live="polite")),
        html.Ul(items, className="kommune-list"),
    ]


SPEC = PageSpec(name=NAME, params=(LANG, TIL, SOK), content=content, draws_charts=False)
