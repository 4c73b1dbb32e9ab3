"""The HTML document the server sends, rendered per request, and the crawler routes.

Dash's `index_string` is one static template, so before JavaScript every page said
`lang="nb"` with a generic title and one shared description. Here the document is
rendered for the requested page and language (Dash's documented override point,
`Dash.interpolate_index`): `<html lang>`, `<title>`, meta description, Open Graph tags,
canonical and `hreflang` alternates, one landmark-free script block (the shell renders
the one `<main>` and `<footer>`) and a `<noscript>` message saying what works without
JavaScript. Unknown paths get the friendly not-found page with status 404, and
`/robots.txt`, `/sitemap.xml` and `/favicon.ico` are real responses instead of the app.

`install(app, pages)` is the one hook (called from the factory after the pages are
registered).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import dash
import flask
from dash import Dash

from dashboard.web.layout.first_paint import STYLE as FIRST_PAINT_STYLE
from dashboard.web.layout.first_paint import FirstPaint, query_of
from dashboard.web.layout.page import PageSpec
from dashboard.web.serving.bundles import plotly_tags
from dashboard.web.serving.context import context, default_language, site_root
from dashboard.web.serving.static import DISCOVERY
from dashboard.words import t
from dashboard.words.catalog import LANGS

#: Dash Pages' module name for the not-found page.
NOT_FOUND = "not_found_404"
#: Where the download of every figure lives (works without JavaScript).
ALL_DATA = "/last-ned/alle-data.csv"
#: Open Graph locales of our languages.
OG_LOCALE = {"nb": "nb_NO", "en": "en_GB"}

#: An og:image provider: (page name, lang) -> absolute URL or None. The images/embeds
#: work plugs one in with `install(..., image=...)`; without it no og:image is sent.
ImageHook = Callable[[str, str], str | None]
#: More of a found page's head: (page name, path, lang) -> HTML (the open data plugs in
#: its schema.org JSON-LD and the feed and oEmbed discovery links).
HeadHook = Callable[[str, str, str], str]

TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
{metas}
<title>{title}</title>
<meta name="description" content="{description}">
{robots}<link rel="canonical" href="{canonical}">
{alternates}
<meta property="og:type" content="website">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta property="og:url" content="{canonical}">
<meta property="og:locale" content="{locale}">
{image}{extra}<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="icon" href="{svg_icon}" type="image/svg+xml">
{css}
</head>
<body>
<noscript><p class="noscript">{noscript} <a href="{all_data}">{all_data_text}</a></p></noscript>
{app_entry}
{config}
{plotly}
{scripts}
{renderer}
</body>
</html>"""


@dataclass(frozen=True)
class Page:
    """What the document needs to know about one page."""

    name: str
    path: str
    charts: bool = True  # draws charts: its document loads plotly.js


@dataclass(frozen=True)
class Head:
    """The per-request facts of a document."""

    page: str  # page name (NOT_FOUND for unknown paths)
    path: str  # the canonical path of the page
    lang: str
    charts: bool = False  # the page draws charts

    @property
    def title(self) -> str:
        return page_title(self.page, self.lang)

    @property
    def description(self) -> str:
        return t(f"meta.{self.page}", self.lang)


def page_title(name: str, lang: str) -> str:
    """ "Utvikling – SLT-statistikk" / "Trends – SLT statistics"."""
    key = "notfound.title" if name == NOT_FOUND else f"nav.{name}"
    return f"{t(key, lang)} – {t('site.title', lang)}"


def lang_url(path: str, lang: str, default: str) -> str:
    """A page's address in `lang` (the default language needs no parameter)."""
    return path if lang == default else f"{path}?{urlencode({'lang': lang})}"


def request_lang(args, default: str) -> str:
    value = args.get("lang", "")
    return value if value in LANGS else default


def layout_language() -> str:
    """The language to first draw the app's frame in, for the request being served.

    The layout is fetched by the page (`/_dash-layout`) without the page's query, but the
    browser names the page in the Referer (same origin, so the full URL under our
    Referrer-Policy). Without one, the default language; the shell callback corrects it.
    """
    default = default_language()
    if not flask.has_request_context():
        return default
    if flask.request.path.rstrip("/").endswith("_dash-layout"):
        referrer = urlsplit(flask.request.referrer or "")
        # Only the site's own pages name the language: the page that fetched the layout
        # (same origin: the host it was reached by) or one at the configured address.
        # The Host header is only compared here, never written into a response.
        own = {flask.request.host, urlsplit(site_root()).netloc}
        if referrer.netloc and referrer.netloc not in own:
            return default
        args = {k: v[-1] for k, v in parse_qs(referrer.query).items()}
        return request_lang(args, default)
    return request_lang(flask.request.args, default)


def _meta_tag(attrs: dict[str, str]) -> str:
    return "<meta " + " ".join(f'{k}="{escape(str(v))}"' for k, v in attrs.items()) + ">"


class Document:
    """Renders the document for the current request and knows which paths are pages."""

    def __init__(
        self,
        app: Dash,
        pages: Sequence[PageSpec],
        image: ImageHook | None = None,
        first_paint: FirstPaint | None = None,
        extra: HeadHook | None = None,
    ):
        self.app = app
        self.first_paint = first_paint
        self.pages = tuple(Page(spec.name, spec.path, spec.draws_charts) for spec in pages)
        self.assets = Path(app.config.assets_folder)
        self.by_path = {page.path.strip("/"): page for page in self.pages}
        self.image = image
        self.extra = extra

    # ------------------------------------------------------------------ what is asked for

    def page_at(self, path: str) -> Page | None:
        """The page served at `path` (trailing slashes ignored), or None."""
        return self.by_path.get(path.strip("/"))

    def head(self) -> Head:
        default = default_language()
        lang = request_lang(flask.request.args, default)
        page = self.page_at(flask.request.path)
        if page is None:
            return Head(NOT_FOUND, flask.request.path, lang)
        return Head(page.name, page.path, lang, page.charts)

    # ------------------------------------------------------------------ rendering

    def interpolate_index(self, **parts: str) -> str:
        """Dash's override point: the full document for this request."""
        head = self.head()
        root = site_root()
        default = default_language()
        found = head.page != NOT_FOUND
        canonical = root + lang_url(head.path, head.lang, default)
        alternates = []
        if found:
            alternates = [
                f'<link rel="alternate" hreflang="{lang}" '
                f'href="{escape(root + lang_url(head.path, lang, default))}">'
                for lang in LANGS
            ]
            alternates.append(
                f'<link rel="alternate" hreflang="x-default" href="{escape(root + head.path)}">'
            )
        # The discovery render runs in gunicorn's master before the fork: nothing here may
        # read the warehouse then (a DuckDB database opened before a fork hangs the workers).
        reads = found and not flask.request.environ.get(DISCOVERY)
        image = self.image(head.page, head.lang) if self.image and reads else None
        first = ""
        if self.first_paint is not None and reads:
            first = self.first_paint.render(head.path, query_of(flask.request.args), head.lang)
        extra = self.extra(head.page, head.path, head.lang) if self.extra and reads else ""
        return TEMPLATE.format(
            lang=head.lang,
            metas="\n".join(
                _meta_tag(m)
                for m in self.app.config.meta_tags
                if m.get("name") != "description" and "charset" not in m
            ),
            title=escape(head.title),
            description=escape(head.description),
            robots="" if found else '<meta name="robots" content="noindex">\n',
            canonical=escape(canonical),
            alternates="\n".join(alternates),
            site=escape(t("site.title", head.lang)),
            locale=OG_LOCALE.get(head.lang, "nb_NO"),
            image=f'<meta property="og:image" content="{escape(image)}">\n' if image else "",
            extra=extra,
            svg_icon=escape(self.app.get_asset_url("favicon.svg")),
            css=parts.get("css", "") + (FIRST_PAINT_STYLE if first else ""),
            noscript=escape(t("noscript", head.lang)),
            all_data=escape(lang_url(ALL_DATA, head.lang, "nb")),
            all_data_text=escape(t("download.all", head.lang)),
            # Dash's placeholder, in the page's language (it is replaced by the app).
            app_entry=first
            + (
                '<div id="react-entry-point"><div class="_dash-loading">'
                f"{escape(t('loading', head.lang))}</div></div>"
            ),
            config=parts.get("config", ""),
            plotly=plotly_tags(self.assets, head.charts),
            scripts=parts.get("scripts", ""),
            renderer=parts.get("renderer", ""),
        )

    def sitemap(self) -> str:
        """Every page in every language, with its alternates (absolute URLs)."""
        root = site_root()
        default = default_language()
        entries = []
        for page in self.pages:
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{lang}" '
                f'href="{escape(root + lang_url(page.path, lang, default))}"/>'
                for lang in LANGS
            )
            entries += [
                f"<url><loc>{escape(root + lang_url(page.path, lang, default))}</loc>{links}</url>"
                for lang in LANGS
            ]
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n"
        )

    def robots(self) -> str:
        root = site_root()
        return f"User-agent: *\nAllow: /\n\nSitemap: {root}/sitemap.xml\n"


def _router_title(name: str) -> Callable[..., str]:
    """A title for Dash Pages' router callback, in the language of the URL it routes.

    Dash calls it with the path variables only, inside the router callback: the URL's
    query is among that callback's inputs.
    """

    def title(**_path_variables) -> str:
        search = ""
        if dash.callback_context.inputs:
            search = dash.callback_context.inputs.get("_pages_location.search") or ""
        args = {k: v[-1] for k, v in parse_qs(search.lstrip("?")).items()}
        return page_title(name, request_lang(args, default_language()))

    return title


def install(
    app: Dash,
    pages: Sequence[PageSpec],
    image: ImageHook | None = None,
    first_paint: FirstPaint | None = None,
    extra: HeadHook | None = None,
) -> Document:
    """Render the document per request and add the crawler routes and the 404 status.

    `first_paint`: renders the view as HTML into the document of its pages (text before
    the JavaScript, see `first_paint`). `extra`: more tags for a page's head.
    """
    if first_paint is not None:
        first_paint.keep_layouts(lambda: context().store.fingerprint + site_root())
    document = Document(app, pages, image, first_paint, extra)
    # Dash documents overriding this method; an instance attribute keeps the Dash class.
    app.interpolate_index = document.interpolate_index  # type: ignore[method-assign, assignment]
    app.config.include_pages_meta = False  # our head has the description and og: tags

    # Titles set on navigation inside the app follow the language too.
    for module, entry in dash.page_registry.items():
        name = module.rsplit(".", 1)[-1]
        if name == NOT_FOUND or document.page_at(entry["path"]):
            entry["title"] = _router_title(name)

    server = app.server
    catchall = app.config.routes_pathname_prefix + "<path:path>"
    assets = Path(app.config.assets_folder)

    @server.route("/robots.txt")
    def robots_txt():
        return flask.Response(document.robots(), mimetype="text/plain")

    @server.route("/sitemap.xml")
    def sitemap_xml():
        return flask.Response(document.sitemap(), mimetype="application/xml")

    icon = (assets / "favicon.ico").read_bytes()  # 487 bytes, read once

    @server.route("/favicon.ico")
    def favicon():
        return flask.Response(
            icon, mimetype="image/x-icon", headers={"Cache-Control": "public, max-age=86400"}
        )

    @server.after_request
    def not_found_status(response: flask.Response) -> flask.Response:
        """Unknown paths still get the app (its friendly not-found page), but as a 404."""
        if (
            flask.request.endpoint == catchall
            and response.status_code == 200
            and document.page_at(flask.request.path) is None
        ):
            response.status_code = 404
        return response

    return document
