"""The open-data API, version 1 (`/api/v1/`): facts, charts, code lists, sources, kommuner.

Plain Flask routes (no Dash), each a function of its URL and the warehouse:

- `/api/v1/fakta` (JSON records), `.csv` (the export's columns), `.jsonstat` (JSON-stat
  2.0): every fact, filtered (kommune, maal, aar/fra/til, periode, alder, kjonn, lovbrudd,
  sted, kilde; `utgaver=alle` for earlier editions too) and paged (`side`, `per_side`);
- `/api/v1/figurer/<chart>?<the page's parameters>`: a chart's rows as drawn in that view
  (the same `render` the page, CSV and embed use);
- `/api/v1/kodelister`, `/kilder`, `/kommuner` (and one of each), `/endringer`;
- `/api/v1/openapi.json`: the OpenAPI 3.1 description, built from the same declarations.

Answers follow `protocol`: CORS for any site, ETag and Cache-Control, problem JSON in
the reader's language, 400 for an unknown parameter or code (listing what is allowed).
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from typing import Any

import flask
import pandas as pd
from dash import Dash

import queries
from dashboard import export
from dashboard.charts.listing import REGISTRY
from dashboard.state import parse, to_query
from dashboard.web.outputs import links
from dashboard.web.outputs.api import apidata, changefeed, jsonstat, openapi
from dashboard.web.outputs.api.apiparams import FACT_PARAMS, validate, view_errors
from dashboard.web.outputs.api.problems import Problem
from dashboard.web.outputs.api.protocol import (
    JSON_TYPE,
    answer,
    dumps,
    lang,
    problem_response,
)
from dashboard.web.serving.context import coverage, cursor, site_root
from dashboard.words import t

CSV_TYPE = "text/csv; charset=utf-8; header=present"
JSONSTAT_TYPE = "application/json"  # JSON-stat has no media type of its own (SSB sends this)
#: Columns of the facts' JSON records beyond the CSV's (the export's columns).
JSON_EXTRA = ("publisher",)


def absolute(path: str) -> str:
    return site_root() + path


def _json(body: object) -> tuple[str, str]:
    return dumps(body), JSON_TYPE


def _args_without(*names: str) -> dict[str, list[str]]:
    return {k: v for k, v in flask.request.args.lists() if k not in names}


def _flat(query: Mapping[str, list[str]]) -> dict[str, str]:
    return {k: ",".join(v) for k, v in query.items()}


# ------------------------------------------------------------------------------- facts


def fact_rows(values: Mapping[str, Any], language: str) -> tuple[pd.DataFrame, int]:
    """The page of facts the filters ask for, and how many match in all."""
    size = int(values["per_side"])
    page = int(values["side"])
    params = {
        "lang": language,
        "alle_utgaver": values["utgaver"] == "alle",
        "limit": size,
        "offset": (page - 1) * size,
        **{p.name: values[p.name] or [] for p in FACT_PARAMS if p.kind in ("codes", "years")},
        "fra": values["fra"],
        "til": values["til"],
    }
    frame = queries.run(cursor(), "api_facts", **params)
    if frame.empty and page > 1:  # past the end: count the matches on the first page
        total_frame = queries.run(cursor(), "api_facts", **{**params, "limit": 1, "offset": 0})
        total = int(total_frame["matching"].iloc[0]) if not total_frame.empty else 0
    else:
        total = int(frame["matching"].iloc[0]) if not frame.empty else 0
    return frame.drop(columns=["matching"]), total


def paging(total: int, values: Mapping[str, Any], fmt: str) -> dict[str, Any]:
    """Page numbers and the links to the pages around this one (absolute URLs)."""
    size, page = int(values["per_side"]), int(values["side"])
    pages = max(1, math.ceil(total / size))
    query = _flat(_args_without("side"))

    def at(number: int) -> str:
        return absolute(links.facts_href({**query, "side": str(number)}, fmt))

    hrefs = {"self": at(page), "first": at(1), "last": at(pages)}
    if page > 1:
        hrefs["prev"] = at(min(page - 1, pages))
    if page < pages:
        hrefs["next"] = at(page + 1)
    return {"total": total, "page": page, "page_size": size, "pages": pages, "links": hrefs}


def link_header(hrefs: Mapping[str, str]) -> str:
    """RFC 8288 `Link` header with the paging links (for CSV and JSON-stat answers)."""
    return ", ".join(f'<{href}>; rel="{rel}"' for rel, href in hrefs.items())


def facts_values() -> dict[str, Any]:
    return validate(flask.request.args, FACT_PARAMS, apidata.codelists().codes, lang())


def facts_json() -> tuple[str, str]:
    values = facts_values()
    frame, total = fact_rows(values, lang())
    page = paging(total, values, "json")
    query = _flat(_args_without("side", "per_side"))
    page["links"]["csv"] = absolute(links.facts_href(query, "csv"))
    page["links"]["jsonstat"] = absolute(links.facts_href(query, "jsonstat"))
    data = []
    for row in apidata.records(frame):
        row["value"] = jsonstat.number(row["value"])
        data.append(row)
    return _json({**page, "data": data})


def facts_csv_text(frame: pd.DataFrame) -> str:
    """The facts in the export's columns, numbers as `export` writes them, and text cells
    as safe in a spreadsheet as the export's (a CSV is opened in Excel)."""
    out = frame.drop(columns=list(JSON_EXTRA))
    out["value"] = out["value"].map(export.number_text)
    out = export.spreadsheet_safe(out, export.NUMBER_COLUMNS)
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def dimension_labels(language: str) -> dict[str, str]:
    return {dim: t(f"api.dim.{dim}", language) for dim in jsonstat.DIMENSIONS}


def facts_jsonstat(values: Mapping[str, Any], frame: pd.DataFrame, total: int) -> dict:
    language = lang()
    codes = apidata.codelists()
    page = paging(total, values, "jsonstat")
    base = {k: v for k, v in _flat(_args_without("side", "per_side")).items() if k in ("lang",)}
    if values["utgaver"] == "alle":
        base["utgaver"] = "alle"

    def item_href(source_id: str, measure: str) -> str:
        query = {"kilde": source_id, "maal": measure, **base}
        return absolute(links.facts_href(query, "jsonstat"))

    return jsonstat.collection(
        frame,
        labels=codes.labels,
        sort=codes.sort,
        dimension_labels=dimension_labels(language),
        sources=apidata.sources(),
        lang=language,
        label=t("api.jsonstat.label", language),
        href=page["links"]["self"],
        item_href=item_href,
        extension={k: page[k] for k in ("total", "page", "page_size", "pages", "links")},
    )


# ------------------------------------------------------------------------------ charts


def chart_entry(chart_id: str) -> dict[str, Any]:
    chart = REGISTRY[chart_id]
    return {
        "id": chart_id,
        "page": chart.page,
        "page_path": links.page_path(chart.page),
        "parameters": [
            {
                "name": p.name,
                "choices": list(p.allowed),
                "default": list(p.default) if isinstance(p.default, tuple) else p.default,
                "multi": p.multi,
                "year": p.year,
                **({"sentinel": p.sentinel} if p.sentinel else {}),
            }
            for p in (param.resolved() for param in chart.params)
        ],
        "links": {"self": absolute(links.chart_api_href(chart_id, {}))},
    }


def chart_view(chart_id: str) -> dict[str, Any]:
    """A chart's rows, title, summary and source in the view the query describes."""
    language = lang()
    chart = REGISTRY[chart_id]
    errors = view_errors(chart.params, flask.request.args, language)
    if errors:
        raise Problem(400, "bad_parameters", {"n": len(errors)}, errors)
    query = flask.request.args.to_dict(flat=False)
    first = parse(chart.params, query, lang_default=language)
    defaults = coverage().defaults(chart.params, first.values)
    state = parse(chart.params, query, lang_default=language, defaults=defaults)
    result = chart.build(cursor(), state)
    view = to_query(chart.params, state.values)
    return {
        "chart": chart_id,
        "page": chart.page,
        "title": result.title,
        "subtitle": result.subtitle,
        "summary": result.summary,
        "source": result.source,
        "notes": list(result.notes),
        "message": result.message,
        "view": view,
        "view_notes": list(state.notes),
        "links": {
            "self": absolute(links.chart_api_href(chart_id, view)),
            "csv": absolute(links.download_href(chart_id, view, "csv")),
            "xlsx": absolute(links.download_href(chart_id, view, "xlsx")),
            "view": absolute(links.full_view_path(chart_id, view)),
            "embed": absolute(links.embed_path(chart_id, view)),
            "oembed": absolute(links.oembed_href(absolute(links.embed_path(chart_id, view)))),
        },
        "columns": [str(c) for c in result.data.columns],
        "data": [
            {k: (jsonstat.number(v) if k == "value" else v) for k, v in row.items()}
            for row in apidata.records(result.data)
        ],
    }


# ------------------------------------------------------- code lists, sources, kommuner


def codelist_body(name: str | None = None) -> dict[str, Any]:
    codes = apidata.codelists()
    names = list(codes.codes)
    if name is not None and name not in names:
        raise Problem(404, "unknown_codelist", {"name": name, "allowed": ", ".join(names)})
    chosen = [name] if name else names
    return {
        "codelists": {
            n: {
                "parameter": n,
                "label": t(f"api.codelist.{n}", lang()),
                "codes": codes.entries(n),
            }
            for n in chosen
        }
    }


def source_body(source_id: str) -> dict[str, Any]:
    source = dict(apidata.sources()[source_id])
    query = {"kilde": source_id}
    source["editions"] = apidata.source_editions().get(source_id, [])
    source["links"] = {
        "self": absolute(links.api_href(f"kilder/{source_id}")),
        "facts": absolute(links.facts_href(query)),
        "facts_csv": absolute(links.facts_href(query, "csv")),
        "facts_jsonstat": absolute(links.facts_href(query, "jsonstat")),
    }
    return source


def kommuner(language: str) -> dict[str, dict[str, Any]]:
    """Every kommune with what the warehouse holds for it (series, years, sources)."""

    def read(cur) -> dict[str, dict[str, Any]]:
        areas = apidata.records(queries.run(cur, "area_coverage", lang=language))
        held = apidata.records(queries.run(cur, "coverage"))
        numbers = apidata.records(queries.run(cur, "measures", dimension="municipality_code"))
        out = {}
        for area in areas:
            code = area.pop("kommune")
            for derived in ("kommune_label", "families_text"):
                area.pop(derived, None)
            covered_by = area.pop("areas")
            out[code] = {
                "code": code,
                "numbers": [
                    {k: n[k] for k in ("code", "valid_from", "valid_to", "territory_note")}
                    for n in numbers
                    if n["municipality"] == code
                ],
                **area,
                "covered_by": covered_by,
                "measures": [
                    {
                        "measure": h["measure"],
                        "label": h["measure_en" if language == "en" else "measure_nb"],
                        "years": h["years"],
                        "facts": h["facts"],
                        "missing": h["missing"],
                    }
                    for h in held
                    if h["municipality"] == code
                ],
            }
        return out

    found = apidata.per_warehouse(f"kommuner-{language}", read)
    codes = apidata.codelists()
    out = {}
    for code, entry in found.items():  # the kept entries stay as read: copy, then add
        out[code] = {
            "code": code,
            "label_nb": codes.label("kommune", code, "nb"),
            "label_en": codes.label("kommune", code, "en"),
            **entry,
            "links": {
                "self": absolute(links.api_href(f"kommuner/{code}")),
                "facts": absolute(links.facts_href({"kommune": code})),
                "facts_csv": absolute(links.facts_href({"kommune": code}, "csv")),
                "feed": absolute(links.feed_href(code)),
                "page": absolute(links.page_href("oversikt", language, kommune=code)),
            },
        }
    return out


def index_body() -> dict[str, Any]:
    language = lang()
    return {
        "title": t("api.title", language),
        "description": t("api.description", language),
        "version": "1",
        "links": {
            "openapi": absolute(links.OPENAPI_PATH),
            "documentation": absolute(links.page_href("apne_data", language)),
            "facts": absolute(links.facts_href()),
            "facts_csv": absolute(links.facts_href(fmt="csv")),
            "facts_jsonstat": absolute(links.facts_href(fmt="jsonstat")),
            "charts": absolute(links.api_href("figurer")),
            "codelists": absolute(links.api_href("kodelister")),
            "sources": absolute(links.api_href("kilder")),
            "kommuner": absolute(links.api_href("kommuner")),
            "changes": absolute(links.api_href("endringer")),
            "feed": absolute(links.feed_href()),
            "catalogue_turtle": absolute(links.CATALOGUE_PATHS["turtle"]),
            "catalogue_jsonld": absolute(links.CATALOGUE_PATHS["jsonld"]),
            "oembed": absolute(links.OEMBED_PATH),
        },
    }


def _no_params() -> None:
    validate(flask.request.args, (), {}, lang())


# ------------------------------------------------------------------------------ routes


def register(app: Dash) -> None:
    """The `/api/v1/` routes."""
    server = app.server
    prefix = links.API_PREFIX

    @server.route(prefix, endpoint="api_index_bare")
    @server.route(prefix + "/")
    def api_index():
        def build():
            _no_params()
            return _json(index_body())

        return answer(build)

    @server.route(links.OPENAPI_PATH)
    def api_openapi():
        def build():
            _no_params()
            return _json(openapi.description(lang()))

        return answer(build)

    @server.route(links.FACTS_PATH)
    def api_facts():
        return answer(facts_json)

    @server.route(links.facts_href(fmt="csv"))
    def api_facts_csv() -> flask.Response:
        values: dict[str, Any] = {}
        page: dict[str, Any] = {}

        def build():
            values.update(facts_values())
            frame, total = fact_rows(values, lang())
            page.update(paging(total, values, "csv"))
            return facts_csv_text(frame), CSV_TYPE

        response = answer(build)
        if page:
            response.headers["Link"] = link_header(page["links"])
        return response

    @server.route(links.facts_href(fmt="jsonstat"))
    def api_facts_jsonstat():
        def build():
            values = facts_values()
            frame, total = fact_rows(values, lang())
            return dumps(facts_jsonstat(values, frame, total)), JSONSTAT_TYPE

        return answer(build)

    @server.route(prefix + "/figurer")
    def api_charts():
        def build():
            _no_params()
            return _json({"charts": [chart_entry(c) for c in REGISTRY]})

        return answer(build)

    @server.route(prefix + "/figurer/<chart_id>")
    def api_chart(chart_id: str):
        def build():
            if chart_id not in REGISTRY:
                raise Problem(404, "unknown_chart", {"name": chart_id[:40]})
            return _json(chart_view(chart_id))

        return answer(build)

    @server.route(prefix + "/kodelister")
    def api_codelists():
        def build():
            _no_params()
            return _json(codelist_body())

        return answer(build)

    @server.route(prefix + "/kodelister/<name>")
    def api_codelist(name: str):
        def build():
            _no_params()
            return _json(codelist_body(name[:40]))

        return answer(build)

    @server.route(prefix + "/kilder")
    def api_sources():
        def build():
            _no_params()
            return _json({"sources": [source_body(s) for s in apidata.sources()]})

        return answer(build)

    @server.route(prefix + "/kilder/<source_id>")
    def api_source(source_id: str):
        def build():
            _no_params()
            if source_id not in apidata.sources():
                raise Problem(404, "unknown_source", {"name": source_id[:60]})
            return _json(source_body(source_id))

        return answer(build)

    @server.route(prefix + "/kommuner")
    def api_kommuner():
        def build():
            _no_params()
            return _json({"kommuner": list(kommuner(lang()).values())})

        return answer(build)

    @server.route(prefix + "/kommuner/<code>")
    def api_kommune(code: str):
        def build():
            _no_params()
            found = kommuner(lang())
            if code not in found:
                raise Problem(
                    404, "unknown_kommune", {"name": code[:40], "allowed": ", ".join(found)}
                )
            return _json(found[code])

        return answer(build)

    @server.route(prefix + "/endringer")
    def api_changes():
        def build():
            chosen = changefeed.chosen_areas()
            return _json({"changes": changefeed.change_records(chosen, lang())})

        return answer(build)

    @server.route(prefix + "/<path:rest>")
    def api_unknown(rest: str):
        return problem_response(Problem(404, "not_found", {"path": f"{prefix}/{rest}"[:80]}))
