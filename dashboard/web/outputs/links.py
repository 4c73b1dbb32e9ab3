"""Every URL the site builds, in one leaf module: pages, downloads, images, embeds, the
report ZIP, Møtemodus and the accessibility statement.

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
}
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


def embed_code(base_url: str, chart_id: str, query: Mapping[str, str], title: str) -> str:
    """The code a web editor pastes: the iframe, and the script that sizes it."""
    base = base_url.rstrip("/")
    src = base + embed_path(chart_id, query)
    return (
        f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" '
        f'width="100%" height="{EMBED_HEIGHT}" loading="lazy" '
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
