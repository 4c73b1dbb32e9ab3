"""oEmbed (https://oembed.com/): a publishing system pastes a chart's URL and gets the embed.

`/oembed?url=<this site's URL>&maxwidth=…&maxheight=…` answers a `rich` oEmbed object
whose `html` is the code the chart menu's "Bygg inn" gives for the same view (the
iframe and the script that sizes it, `links.embed_code`). The URL may be an embed
(`/embed/<chart>?…`), a chart's card on a page (`/trend?…#card-utvikling`) or a page
(its main chart, the one its link preview shows). The iframe is fluid (width 100 %),
so any `maxwidth` is met; a `maxheight` below the frame's height lowers the height
(the embed then scrolls). Per the oEmbed spec: a URL that is not one of this site's
charts answers 404, `format=xml` 501 (JSON only), a missing `url` 400.

Discovery: `<link rel="alternate" type="application/json+oembed">` in the head of every
embed and of every page with a chart (`discovery_link`).
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import parse_qs, urlsplit

import flask

from dashboard.charts.listing import REGISTRY, Chart
from dashboard.state import ViewState, to_query
from dashboard.web.outputs import links
from dashboard.web.outputs.api.apiparams import OEMBED_PARAMS, validate
from dashboard.web.outputs.api.problems import Problem
from dashboard.web.outputs.api.protocol import JSON_TYPE, dumps, lang
from dashboard.web.outputs.images import main_chart
from dashboard.web.serving.context import chart_result, context, site_root, view
from dashboard.words import t

#: Width reported when the consumer sets no maxwidth (the iframe itself is fluid).
WIDTH = 960
THUMBNAIL = (1200, 630)  # the link-preview image of a view (`/bilde/<chart>.og.png`)
PATH_PAGES = {path: name for name, path in links.PAGE_PATHS.items()}


def resolve(url: str) -> tuple[Chart, ViewState, dict[str, str]] | None:
    """(chart, view, query of the embed) for one of this site's chart URLs, else None."""
    parts = urlsplit(url.strip())
    here = urlsplit(site_root() or flask.request.host_url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc and parts.netloc != here.netloc:
        return None  # only this site's charts
    query = {k: v for k, v in parse_qs(parts.query).items() if k != "tema"}
    path = parts.path or "/"
    if path.startswith(links.EMBED_PREFIX):
        chart_id = path.removeprefix(links.EMBED_PREFIX)
        if chart_id not in REGISTRY:
            return None
    else:
        page_path = path.rstrip("/") or "/"
        if page_path not in PATH_PAGES:
            return None
        chart_id = parts.fragment.removeprefix("card-")
        if chart_id not in REGISTRY or REGISTRY[chart_id].page != PATH_PAGES[page_path]:
            # The chart the page view opens on (its first with figures for the view).
            main = main_chart(page_path, {k: v[0] for k, v in query.items()})
            if main is None:
                return None
            chart_id = main[0]
    chart = REGISTRY[chart_id]
    # As the page and the embed read their query: year defaults from what the warehouse
    # holds for the kommune.
    state = view(chart.params, query)
    return chart, state, to_query(chart.params, state.values)


def response_body() -> dict[str, Any]:
    """The oEmbed object for the request's `url`, within its maxwidth/maxheight."""
    language = lang()
    values = validate(flask.request.args, OEMBED_PARAMS, {}, language)
    if values["format"] != "json":
        raise Problem(501, "oembed_format")
    found = resolve(values["url"])
    if found is None:
        raise Problem(404, "oembed_url")
    chart, state, query = found
    result = chart_result(chart, state)
    root = site_root()
    width = min(WIDTH, values["maxwidth"] or WIDTH)
    height = min(links.EMBED_HEIGHT, values["maxheight"] or links.EMBED_HEIGHT)
    body: dict[str, Any] = {
        "version": "1.0",
        "type": "rich",
        "title": result.title,
        "provider_name": t("site.title", state.lang),
        "provider_url": root + "/",
        "author_name": context().settings.publisher_name,
        "cache_age": 300,
        "html": links.embed_code(root, chart.chart_id, query, result.title, height=height),
        "width": width,
        "height": height,
    }
    maxwidth, maxheight = values["maxwidth"], values["maxheight"]
    fits = (maxwidth is None or maxwidth >= THUMBNAIL[0]) and (
        maxheight is None or maxheight >= THUMBNAIL[1]
    )
    if result.figure is not None and fits:
        body["thumbnail_url"] = root + links.image_url(chart.chart_id, query, og=True)
        body["thumbnail_width"], body["thumbnail_height"] = THUMBNAIL
    return body


def answer_json() -> tuple[str, str]:
    return dumps(response_body()), JSON_TYPE


def discovery_link(url: str, title: str) -> str:
    """The `<link>` that lets a publishing system find the oEmbed of `url` (absolute)."""
    href = site_root() + links.oembed_href(url)
    return (
        f'<link rel="alternate" type="application/json+oembed" href="{escape(href)}" '
        f'title="{escape(title)}">'
    )
