"""Open data the way Norway publishes it: the API, the catalogue, the change feed, oEmbed.

- `endpoints`: the versioned API under `/api/v1/` (facts as JSON, CSV and JSON-stat,
  each chart's rows, code lists, sources, kommuner, changes) and its OpenAPI 3.1
  description (`openapi`), answered the same way everywhere (`protocol`: CORS, ETag,
  problem JSON in the reader's language, 400 for unknown parameters — `apiparams`);
- `dcat`: the DCAT-AP-NO catalogue at `/katalog` (`.ttl`, `.jsonld`);
- `changefeed`: what changed between editions, as Atom (`/endringer.atom?kommune=…`)
  and for the page "Hva er nytt";
- `oembed`: `/oembed?url=…` for publishing systems;
- `schemaorg`: the schema.org Dataset in every page's head.

`register(app)` adds the routes; `head_tags` is the document's hook for the head.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from html import escape
from urllib.parse import urlencode

import flask
from dash import Dash
from werkzeug.exceptions import HTTPException

import queries
from dashboard.store import log_failure
from dashboard.web.outputs import links
from dashboard.web.outputs.api import apidata, changefeed, dcat, endpoints, oembed, schemaorg
from dashboard.web.outputs.api.apiparams import validate
from dashboard.web.outputs.api.problems import Problem
from dashboard.web.outputs.api.protocol import (
    CORS,
    answer,
    lang,
    preflight,
    problem_response,
)
from dashboard.web.outputs.images import PREVIEWED
from dashboard.web.serving.context import context, site_root
from dashboard.web.serving.routes import plain_error
from dashboard.words import t

log = logging.getLogger(__name__)

#: Paths whose answers any site may read (CORS) and whose errors are problem JSON.
OPEN_PATHS = (
    links.API_PREFIX,
    links.CATALOGUE_PATH,
    links.FEED_PATH,
    links.OEMBED_PATH,
)


def is_open_data(path: str) -> bool:
    return path.startswith(OPEN_PATHS)


def catalogue_graph():
    """The catalogue for this site's address, built once per warehouse file."""
    root = site_root()

    def build(cur):
        settings = context().settings
        members = {
            r["area"]: r["members"] for r in apidata.records(queries.run(cur, "api_area_members"))
        }
        return dcat.Catalogue(root, settings, apidata.codelists()).build(
            apidata.sources(),
            dcat.edition_groups(apidata.source_editions()),
            members,
            apidata.built_at(),
        )

    return apidata.per_warehouse(f"catalogue {root}", build)


def catalogue_text(fmt: str) -> str:
    """The catalogue serialised (Turtle ~0.3 s for ~3 000 triples): once per warehouse."""
    root = site_root()
    return apidata.per_warehouse(
        f"catalogue {fmt} {root}", lambda _cur: dcat.serialise(catalogue_graph(), fmt)
    )


def catalogue_answer(fmt: str) -> flask.Response:
    def build():
        validate(flask.request.args, (), {}, lang())
        return catalogue_text(fmt), dcat.MEDIA_TYPES[fmt]

    return answer(build)


def head_tags(page: str, path: str, language: str) -> str:
    """What the open data adds to a page's head: the schema.org Dataset, the change
    feed's discovery link, and (pages with a chart) the oEmbed discovery link. A failure
    here is logged and leaves the head without them: it never breaks a page."""
    try:
        return _head_tags(path, language)
    except Exception:  # pragma: no cover - the head must never fail a page
        log_failure(log, "open_data_head_tags_failed page=%s", page)
        return ""


def _head_tags(path: str, language: str) -> str:
    root = site_root()
    query = {k: v for k, v in flask.request.args.items()}
    url = root + path + ("?" + urlencode(query, safe=",") if query else "")
    kommune = query.get("kommune", "")
    known = apidata.codelists().codes.get("kommune", [])
    feed = links.feed_href(kommune if kommune in known else None, language)
    tags = [
        schemaorg.script(root + path, language),
        f'<link rel="alternate" type="application/atom+xml" href="{escape(root + feed)}" '
        f'title="{escape(t("feed.link_title", language))}">',
    ]
    if (path.rstrip("/") or "/") in PREVIEWED:
        tags.append(oembed.discovery_link(url, t("site.title", language)))
    return "\n".join(tags) + "\n"


def embed_head(chart_id: str, query: Mapping[str, str], title: str) -> str:
    """The oEmbed discovery link of an embed document (absolute URL of the embed)."""
    return oembed.discovery_link(site_root() + links.embed_path(chart_id, query), title)


def register(app: Dash) -> None:
    """The open-data routes, their CORS headers and their errors."""
    server = app.server
    endpoints.register(app)

    @server.route(links.CATALOGUE_PATH)
    def catalogue():
        wanted = flask.request.accept_mimetypes.best_match(
            ["text/turtle", "application/ld+json"], default="text/turtle"
        )
        response = catalogue_answer("jsonld" if wanted == "application/ld+json" else "turtle")
        response.vary.add("Accept")
        return response

    @server.route(links.CATALOGUE_PATHS["turtle"])
    def catalogue_turtle():
        return catalogue_answer("turtle")

    @server.route(links.CATALOGUE_PATHS["jsonld"])
    def catalogue_jsonld():
        return catalogue_answer("jsonld")

    @server.route(links.FEED_PATH)
    def change_feed():
        def build():
            return changefeed.atom(changefeed.chosen_areas(), lang()), changefeed.ATOM_TYPE

        return answer(build)

    @server.route(links.OEMBED_PATH)
    def oembed_endpoint():
        return answer(oembed.answer_json)

    @server.before_request
    def open_data_preflight():
        if flask.request.method == "OPTIONS" and is_open_data(flask.request.path):
            return preflight()
        return None

    @server.after_request
    def open_data_cors(response: flask.Response) -> flask.Response:
        if is_open_data(flask.request.path):
            for key, value in CORS.items():
                response.headers.setdefault(key, value)
        return response

    @server.errorhandler(405)
    def method_not_allowed(exc: HTTPException):
        if is_open_data(flask.request.path):
            response = problem_response(Problem(405, "method"))
            response.headers["Allow"] = "GET, HEAD, OPTIONS"
            return response
        return plain_error(exc)  # a page's 405, as every other HTTP error
