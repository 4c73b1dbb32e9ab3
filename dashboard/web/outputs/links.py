"""Every URL the site builds, in one leaf module: pages, downloads, images, embeds, the
report ZIP, Møtemodus, the accessibility statement and the open data (API, catalogue,
change feed, oEmbed).

Pure functions of a chart id and a view's query. Anything that links to an output (the
chart menu, a page, an embed, a slide) imports this, never the output's route module,
so the web layer stays a few floors deep and an address is written once.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from urllib.parse import urlencode

from dashboard.charts.listing import REGISTRY

#: Each page's address, by the page's one name (module, chart module, id prefix, nav key).
PAGE_PATHS = {
    "oversikt": "/",
    "trend": "/trend",
    "geografi": "/geografi",
    "alder_og_kjonn": "/alder-og-kjonn",
    "trygghetsprogrammet": "/trygghetsprogrammet",
    "om_dataene": "/om-dataene",
    "tilgjengelighet": "/tilgjengelighet",
    "mote": "/mote",
    "hva_er_nytt": "/hva-er-nytt",
    "apne_data": "/apne-data",
    "kommuner": "/kommuner",
}
#: The pages whose view is of one kommune (a kommune chosen on /kommuner opens one of them).
CHART_PAGES = ("oversikt", "trend", "geografi", "alder_og_kjonn", "trygghetsprogrammet")
EMBED_PREFIX = "/embed/"
REPORT_PATH = "/last-ned/rapportfigurer.zip"
WORDREPORT_PATH = "/last-ned/utfordringsbildet.docx"
PRESENTATION_PATH = "/mote/presentasjon.pptx"
MOTE_PATH = PAGE_PATHS["mote"]
STATEMENT_PATH = PAGE_PATHS["tilgjengelighet"]
#: Query parameters of an image or embed URL itself (not part of a chart's view state).
IMAGE_PARAMS = ("format", "tema")
#: Height of an embed's iframe when the host page has no script: chart, title and links fit.
EMBED_HEIGHT = 760
#: The open-data API (version 1: its URLs and answers stay as they are; a change that breaks
#: a client gets /api/v2/), the DCAT-AP-NO catalogue, the change feed and oEmbed.
API_PREFIX = "/api/v1"
OPENAPI_PATH = f"{API_PREFIX}/openapi.json"
FACTS_PATH = f"{API_PREFIX}/fakta"
FACT_FORMATS = {"json": "", "csv": ".csv", "jsonstat": ".jsonstat"}
#: The catalogue's address (its resources' IRIs are fragments of it; it answers Turtle or,
#: when asked for, JSON-LD) and the two serialisations at addresses of their own.
CATALOGUE_PATH = "/katalog"
CATALOGUE_PATHS = {"turtle": "/katalog.ttl", "jsonld": "/katalog.jsonld"}
FEED_PATH = "/endringer.atom"
OEMBED_PATH = "/oembed"
CHANGES_PATH = PAGE_PATHS["hva_er_nytt"]
OPEN_DATA_PATH = PAGE_PATHS["apne_data"]


def _search(query: Mapping[str, str], leave_out: tuple[str, ...] = ()) -> str:
    search = urlencode({k: v for k, v in query.items() if k not in leave_out}, safe=",")
    return f"?{search}" if search else ""


def page_path(page: str) -> str:
    """The address of the page named `page`."""
    return PAGE_PATHS[page]


def view_href(page: str, query: Mapping[str, str]) -> str:
    """A page in a view (path + query)."""
    return page_path(page) + _search(query)


def full_view_path(chart_id: str, query: Mapping[str, str]) -> str:
    """A chart in its page's view, scrolled to its card."""
    return view_href(REGISTRY[chart_id].page, query) + f"#card-{chart_id}"


def download_href(chart_id: str, query: Mapping[str, str], fmt: str = "csv") -> str:
    """The download URL of a chart in a view (the same query as the page)."""
    return f"/last-ned/{chart_id}.{fmt}" + _search(query)


def image_url(chart_id: str, query: Mapping[str, str], fmt: str = "png", og: bool = False) -> str:
    """The image URL of a chart in a view (the same query as the page)."""
    suffix = ".og.png" if og else f".{fmt}"
    return f"/bilde/{chart_id}{suffix}" + _search(query, IMAGE_PARAMS)


def embed_path(chart_id: str, query: Mapping[str, str]) -> str:
    return f"{EMBED_PREFIX}{chart_id}" + _search(query, ("tema",))


def embed_code(
    base_url: str,
    chart_id: str,
    query: Mapping[str, str],
    title: str,
    height: int = EMBED_HEIGHT,
) -> str:
    """The code a web editor pastes: the iframe, and the script that sizes it (`height`:
    the frame's height without the script; oEmbed lowers it to a consumer's maxheight)."""
    base = base_url.rstrip("/")
    src = base + embed_path(chart_id, query)
    return (
        f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" '
        f'width="100%" height="{height}" loading="lazy" '
        f'style="border:0;width:100%;max-width:100%" data-slt-embed></iframe>\n'
        f'<script src="{html.escape(base)}/embed/host.js" async></script>'
    )


def report_href(kommune: str, aar: object, lang: str = "nb") -> str:
    """The report ZIP's URL for a kommune and year (`siste`: each view's latest data)."""
    query = {"kommune": kommune, "aar": str(aar)}
    if lang != "nb":
        query["lang"] = lang
    return REPORT_PATH + _search(query)


def wordreport_href(kommune: str, aar: object, lang: str = "nb") -> str:
    """The Word report's URL ("Utfordringsbildet <kommune> <år>")."""
    return WORDREPORT_PATH + report_href(kommune, aar, lang)[len(REPORT_PATH) :]


def presentation_href(deck_query: Mapping[str, str]) -> str:
    """The PowerPoint of a Møtemodus deck: the same parameters as the deck's URL (the
    slide shown, `lysbilde`, is not one: the file holds every slide)."""
    return PRESENTATION_PATH + _search(deck_query, ("lysbilde",))


def statement_href(lang: str) -> str:
    """The accessibility statement's address in `lang`."""
    return STATEMENT_PATH if lang == "nb" else f"{STATEMENT_PATH}?lang={lang}"


def chart_api_href(chart_id: str, query: Mapping[str, str]) -> str:
    """The API call that gives a chart's rows as drawn in a view ("Se API-kallet")."""
    return f"{API_PREFIX}/figurer/{chart_id}" + _search(query, IMAGE_PARAMS)


def facts_href(query: Mapping[str, str] | None = None, fmt: str = "json") -> str:
    """The facts endpoint in a format (json, csv, jsonstat) with a filter query."""
    return FACTS_PATH + FACT_FORMATS[fmt] + _search(query or {})


def api_href(path: str = "", query: Mapping[str, str] | None = None) -> str:
    """Any other API endpoint under the version prefix (`kilder`, `kodelister/maal`…)."""
    return f"{API_PREFIX}/{path}".rstrip("/") + _search(query or {})


def feed_href(kommune: str | None = None, lang: str = "nb") -> str:
    """The Atom feed of what changed (for one kommune, or every area)."""
    query = {"kommune": kommune} if kommune else {}
    if lang != "nb":
        query["lang"] = lang
    return FEED_PATH + _search(query)


def oembed_href(url: str) -> str:
    """The oEmbed endpoint for one of this site's URLs (discovery links point here)."""
    return OEMBED_PATH + _search({"url": url, "format": "json"})


def page_href(page: str, lang: str = "nb", **query: str) -> str:
    """A page's address in `lang`, with optional query parameters."""
    params = {k: v for k, v in query.items() if v}
    if lang != "nb":
        params["lang"] = lang
    return page_path(page) + _search(params)


def kommune_picker_href(page: str, lang: str) -> str:
    """The list of every kommune, whose links open `page` for the kommune chosen."""
    return page_path("kommuner") + _search(
        {"til": page, **({"lang": lang} if lang != "nb" else {})}
    )
