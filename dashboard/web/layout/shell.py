"""The frame around every page: skip link, header, navigation, language switch, footer.

The navigation is built from the page specs, so a page added to `PAGES` appears in the
menu with nothing else to edit. The shell callback re-labels the frame when the
language in the URL changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qs, parse_qsl, urlencode

import dash
from dash import Dash, Input, Output, dcc, html

from dashboard.web.layout import ids
from dashboard.web.layout.components import attrs
from dashboard.web.layout.page import PageSpec
from dashboard.web.outputs.agenda import SHELL_LINK as MOTE_LINK
from dashboard.web.outputs.links import MOTE_PATH, page_href, statement_href
from dashboard.words import t

ALL_DATA = "/last-ned/alle-data.csv"


#: Parameters a visitor keeps when moving to another page that has them.
SHARED = ("kommune", "fra", "til")


def nav_href(spec: PageSpec, lang: str, shared: dict[str, str]) -> str:
    """A page's link, carrying the shared choices it understands and the language."""
    names = {p.name for p in spec.params}
    query = [(k, v) for k, v in shared.items() if k in names and v]
    if lang != "nb":
        query.append(("lang", lang))
    return spec.path + ("?" + urlencode(query) if query else "")


def nav_links(
    pages: Sequence[PageSpec], pathname: str, lang: str, shared: dict[str, str] | None = None
) -> list:
    """Plain links (full navigation): they work without JavaScript and carry aria-current.

    Each link carries the kommune and years chosen here (where the target page has them),
    so choosing Asker on one page and moving on keeps Asker; page-specific choices stay.
    Møtemodus comes last: it is registered apart from `pages` (its own layout), and takes
    the chosen kommune along (assets/mote.js adds an agenda built on the pages).
    """
    links = [
        html.A(
            t(spec.nav_key, lang),
            href=nav_href(spec, lang, shared or {}),
            className="nav-link active" if pathname == spec.path else "nav-link",
            **attrs(aria_current="page" if pathname == spec.path else None),
        )
        for spec in pages
    ]
    kommune = (shared or {}).get("kommune", "")
    query = [("kommune", kommune)] if kommune else []
    if lang != "nb":
        query.append(("lang", lang))
    here = pathname == MOTE_PATH
    links.append(
        html.A(
            t("mote.link", lang),
            href=MOTE_PATH + ("?" + urlencode(query) if query else ""),
            id=MOTE_LINK,
            className="nav-link nav-mote active" if here else "nav-link nav-mote",
            **attrs(aria_current="page" if here else None),
        )
    )
    return links


def shell(pages: Sequence[PageSpec], lang: str = "nb") -> html.Div:
    """The frame, first drawn in `lang` (the shell callback keeps it in step with the URL;
    drawing it in the right language from the start keeps the header from re-wrapping)."""
    other = "en" if lang == "nb" else "nb"
    return html.Div(
        [
            html.A(t("skip", lang), href="#main", className="skip-link", id=ids.SKIP),
            dcc.Location(id=ids.URL, refresh=False),
            html.Header(
                [
                    html.Div(
                        [
                            dcc.Link(
                                t("site.title", lang),
                                href="/" if lang == "nb" else f"/?lang={lang}",
                                className="site-title",
                                id=ids.SITE_TITLE,
                            ),
                            html.P(t("site.tagline", lang), className="tagline", id=ids.TAGLINE),
                        ],
                        className="brand",
                    ),
                    html.A(
                        t("lang.switch", lang),
                        href="/?lang=en" if other == "en" else "/",
                        id=ids.LANG_LINK,
                        className="lang-switch",
                        lang=other,
                        title=t("lang.switch.label", lang),
                    ),
                    html.Nav(
                        nav_links(pages, "/", lang),
                        id=ids.NAV,
                        className="site-nav",
                        **attrs(aria_label=t("nav.label", lang)),
                    ),
                ],
                className="site-header",
            ),
            html.Main(
                [
                    dash.page_container,
                    # One polite live region for the whole app: assets/status.js writes
                    # "Viser 2013–2020 for Bærum" into it after a filter change.
                    html.Div(
                        id=ids.STATUS,
                        role="status",
                        className="visually-hidden",
                        **attrs(
                            aria_live="polite",
                            aria_atomic="true",
                            data_view=t("status.view", lang),
                            data_for=t("status.for", lang),
                        ),
                    ),
                ],
                id="main",
                tabIndex="-1",
            ),
            html.Footer(
                [
                    html.P(t("footer.about", lang), id=ids.FOOTER_TEXT),
                    html.P(
                        html.A(
                            t("download.all", lang),
                            href=ALL_DATA + ("" if lang == "nb" else "?lang=en"),
                            id=ids.DOWNLOAD_ALL,
                            download="slt-statistikk-alle-data.csv",
                        )
                    ),
                    html.P(
                        html.A(t("footer.a11y", lang), href=statement_href(lang), id=ids.A11Y_LINK)
                    ),
                    html.P(open_data_links(lang), id=ids.OPEN_DATA_LINKS),
                ],
                className="site-footer",
            ),
            # Only on paper (style.css @media print): where the printed view lives.
            html.P(
                [
                    html.Span(t("print.url", lang), id=ids.PRINT_LABEL),
                    " ",
                    html.Span(id=ids.PRINT_URL),
                ],
                className="print-only",
            ),
        ],
        className="shell",
    )


def open_data_links(lang: str) -> list:
    """The footer's links to what changed and to the open data (issue 20)."""
    return [
        html.A(t("footer.whats_new", lang), href=page_href("hva_er_nytt", lang)),
        " · ",
        html.A(t("footer.open_data", lang), href=page_href("apne_data", lang)),
    ]


def lang_of(search: str | None) -> str:
    """The language a URL query asks for (bokmål unless it says en)."""
    values = parse_qs((search or "").lstrip("?")).get("lang", [])
    return values[0] if values and values[0] in ("nb", "en") else "nb"


def register_callbacks(app: Dash, pages: Sequence[PageSpec]) -> None:
    """The shell follows the URL's language; fragments and <html lang> follow the view."""

    @app.callback(
        Output(ids.NAV, "children"),
        Output(ids.LANG_LINK, "href"),
        Output(ids.LANG_LINK, "children"),
        Output(ids.LANG_LINK, "lang"),
        Output(ids.LANG_LINK, "title"),
        Output(ids.SKIP, "children"),
        Output(ids.SITE_TITLE, "children"),
        Output(ids.SITE_TITLE, "href"),
        Output(ids.TAGLINE, "children"),
        Output(ids.FOOTER_TEXT, "children"),
        Output(ids.DOWNLOAD_ALL, "children"),
        Output(ids.DOWNLOAD_ALL, "href"),
        Output(ids.NAV, "aria-label"),
        Output(ids.A11Y_LINK, "children"),
        Output(ids.A11Y_LINK, "href"),
        Output(ids.STATUS, "data-view"),
        Output(ids.STATUS, "data-for"),
        Output(ids.OPEN_DATA_LINKS, "children"),
        Output(ids.PRINT_LABEL, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
    )
    def update_shell(pathname, search):
        lang = lang_of(search)
        other = "en" if lang == "nb" else "nb"
        query = [(k, v) for k, v in parse_qsl((search or "").lstrip("?")) if k != "lang"]
        shared = {k: v for k, v in query if k in SHARED}
        if other != "nb":
            query.append(("lang", other))
        switch = (pathname or "/") + ("?" + urlencode(query, safe=",") if query else "")
        home = "/" if lang == "nb" else f"/?lang={lang}"
        return (
            nav_links(pages, pathname or "/", lang, shared),
            switch,
            t("lang.switch", lang),
            other,
            t("lang.switch.label", lang),
            t("skip", lang),
            t("site.title", lang),
            home,
            t("site.tagline", lang),
            t("footer.about", lang),
            t("download.all", lang),
            ALL_DATA + ("" if lang == "nb" else "?lang=en"),
            t("nav.label", lang),
            t("footer.a11y", lang),
            statement_href(lang),
            t("status.view", lang),
            t("status.for", lang),
            open_data_links(lang),
            t("print.url", lang),
        )

    # Pages render after the browser has looked for `#fragment`: scroll to it once it exists.
    app.clientside_callback(
        """function(hash) {
            if (!hash || hash.length < 2) { return window.dash_clientside.no_update; }
            var id = decodeURIComponent(hash.slice(1)), tries = 0;
            (function look() {
                var el = document.getElementById(id);
                if (el) {
                    el.scrollIntoView();
                    if (!el.hasAttribute("tabindex")) { el.setAttribute("tabindex", "-1"); }
                    el.focus({preventScroll: true});
                } else if (tries++ < 50) { setTimeout(look, 100); }
            })();
            return window.dash_clientside.no_update;
        }""",
        Output(ids.HASH_STORE, "data"),
        Input(ids.URL, "hash"),
    )

    # The document language follows the view (screen readers pronounce by it).
    app.clientside_callback(
        """function(search) {
            var m = /[?&]lang=(en|nb)(&|$)/.exec(search || "");
            document.documentElement.lang = m ? m[1] : "nb";
            return window.dash_clientside.no_update;
        }""",
        Output(ids.LANG_STORE, "data"),
        Input(ids.URL, "search"),
    )
