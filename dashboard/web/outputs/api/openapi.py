"""The API's OpenAPI 3.1 description (`/api/v1/openapi.json`), built from the declarations.

Parameters come from `apiparams` (the same objects that validate requests), enums of
codes from the warehouse's code lists, one path per chart from the chart registry with
its page's parameters — so the description cannot drift from what the API accepts. Each
operation carries `x-slt-example`, a call that works on this warehouse (its kommune,
measure and year are read from the data), which the page "Åpne data" shows.
The suite checks it with openapi-spec-validator and runs schemathesis against it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dashboard.charts.listing import REGISTRY
from dashboard.state import max_year
from dashboard.web.outputs import links
from dashboard.web.outputs.api import apidata
from dashboard.web.outputs.api.apiparams import (
    CHANGE_PARAMS,
    FACT_PARAMS,
    LANG_PARAM,
    ApiParam,
    view_schema,
)
from dashboard.web.serving.context import context, site_root
from dashboard.words import t

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"


def nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
LINKS = {"type": "object", "additionalProperties": STRING}
FACT_FIELDS: dict[str, dict[str, Any]] = {
    "year": INTEGER,
    "period": STRING,
    "municipality": STRING,
    "municipality_code": nullable("string"),
    "measure": STRING,
    "unit": nullable("string"),
    "place_role": STRING,
    "residence": STRING,
    "age_group": STRING,
    "sex": STRING,
    "offence_group": STRING,
    "offence_subgroup": STRING,
    "category": STRING,
    "value": nullable("number"),
    "status": nullable("string"),
    "note": nullable("string"),
    "publication": STRING,
    "published": STRING,
    "section": nullable("string"),
    "page": nullable("string"),
    "table_title": nullable("string"),
    "quote": nullable("string"),
    "licence": nullable("string"),
    "source_url": nullable("string"),
    "edition": INTEGER,
    "editions": INTEGER,
    "preferred": {"type": "boolean"},
    "source_id": STRING,
    "publisher": STRING,
}


def _object(properties: dict[str, Any], required: Sequence[str] = ()) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required)}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


SCHEMAS: dict[str, dict[str, Any]] = {
    "Problem": _object(
        {
            "type": STRING,
            "title": STRING,
            "status": INTEGER,
            "detail": STRING,
            "instance": STRING,
            "errors": {
                "type": "array",
                "items": _object(
                    {"parameter": STRING, "value": {}, "reason": STRING, "allowed": {}},
                    ("parameter", "reason"),
                ),
            },
        },
        ("type", "title", "status", "detail"),
    ),
    "Fact": _object(FACT_FIELDS, list(FACT_FIELDS)),
    "FactPage": _object(
        {
            "total": INTEGER,
            "page": INTEGER,
            "page_size": INTEGER,
            "pages": INTEGER,
            "links": LINKS,
            "data": {"type": "array", "items": _ref("Fact")},
        },
        ("total", "page", "page_size", "pages", "links", "data"),
    ),
    "JsonStatDataset": _object(
        {
            "version": {"const": "2.0"},
            "class": {"const": "dataset"},
            "href": STRING,
            "label": STRING,
            "source": STRING,
            "id": {"type": "array", "items": STRING},
            "size": {"type": "array", "items": INTEGER},
            "role": {"type": "object"},
            "dimension": {"type": "object"},
            "value": {"type": "object", "additionalProperties": nullable("number")},
            "status": {"type": "object", "additionalProperties": STRING},
            "note": {"type": "array", "items": STRING},
            "extension": {"type": "object"},
        },
        ("version", "class", "id", "size", "dimension", "value"),
    ),
    "JsonStatCollection": _object(
        {
            "version": {"const": "2.0"},
            "class": {"const": "collection"},
            "label": STRING,
            "href": STRING,
            "link": _object(
                {"item": {"type": "array", "items": _ref("JsonStatDataset")}}, ("item",)
            ),
            "extension": {"type": "object"},
        },
        ("version", "class", "link"),
    ),
    "ChartList": _object(
        {
            "charts": {
                "type": "array",
                "items": _object(
                    {
                        "id": STRING,
                        "page": STRING,
                        "page_path": STRING,
                        "parameters": {"type": "array", "items": {"type": "object"}},
                        "links": LINKS,
                    },
                    ("id", "page", "parameters", "links"),
                ),
            }
        },
        ("charts",),
    ),
    "ChartView": _object(
        {
            "chart": STRING,
            "page": STRING,
            "title": STRING,
            "subtitle": STRING,
            "summary": STRING,
            "source": STRING,
            "notes": {"type": "array", "items": STRING},
            "message": nullable("string"),
            "view": LINKS,
            "view_notes": {"type": "array", "items": STRING},
            "links": LINKS,
            "columns": {"type": "array", "items": STRING},
            "data": {"type": "array", "items": {"type": "object"}},
        },
        ("chart", "title", "source", "view", "links", "columns", "data"),
    ),
    "CodeLists": _object(
        {
            "codelists": {
                "type": "object",
                "additionalProperties": _object(
                    {
                        "parameter": STRING,
                        "label": STRING,
                        "codes": {
                            "type": "array",
                            "items": _object(
                                {
                                    "code": STRING,
                                    "label_nb": STRING,
                                    "label_en": STRING,
                                    "description_nb": STRING,
                                    "description_en": STRING,
                                    "sort": {"type": "number"},
                                },
                                ("code", "label_nb", "label_en"),
                            ),
                        },
                    },
                    ("parameter", "codes"),
                ),
            }
        },
        ("codelists",),
    ),
    "Source": _object(
        {
            "source_id": STRING,
            "title": STRING,
            "publisher": STRING,
            "publication": STRING,
            "published": STRING,
            "licence": STRING,
            "facts": INTEGER,
            "missing": INTEGER,
            "first_year": nullable("integer"),
            "last_year": nullable("integer"),
            "areas": {"type": "array", "items": STRING},
            "measures": {"type": "array", "items": STRING},
            "years": {"type": "array", "items": INTEGER},
            "editions": {"type": "array", "items": {"type": "object"}},
            "links": LINKS,
        },
        ("source_id", "title", "publisher", "publication", "published", "licence", "links"),
    ),
    "Kommune": _object(
        {
            "code": STRING,
            "label_nb": STRING,
            "label_en": STRING,
            "numbers": {"type": "array", "items": {"type": "object"}},
            "series": INTEGER,
            "facts": INTEGER,
            "first_year": nullable("integer"),
            "last_year": nullable("integer"),
            "families": {"type": "array", "items": STRING},
            "covered_by": {"type": "array", "items": STRING},
            "measures": {"type": "array", "items": {"type": "object"}},
            "links": LINKS,
        },
        ("code", "label_nb", "label_en", "measures", "links"),
    ),
    "Change": _object(
        {
            "id": STRING,
            "kind": {"enum": ["ny_kilde", "nytt_aar", "endret"]},
            "published": STRING,
            "published_date": STRING,
            "source_id": STRING,
            "publication": STRING,
            "area": STRING,
            "area_label": STRING,
            "measure": nullable("string"),
            "years": {"type": "array", "items": INTEGER},
            "text": STRING,
            "old": {"type": "object"},
            "new": {"type": "object"},
        },
        ("id", "kind", "published", "source_id", "area", "text"),
    ),
}


def _json_content(schema: dict[str, Any], media: str = "application/json") -> dict:
    return {media: {"schema": schema}}


def _responses(
    ok: dict[str, Any], lang: str, not_found: bool = False, media: str = "application/json"
) -> dict[str, Any]:
    problem = {"application/problem+json": {"schema": _ref("Problem")}}
    out: dict[str, Any] = {
        "200": {"description": t("api.response.ok", lang), "content": {media: {"schema": ok}}},
        "304": {"description": t("api.response.not_modified", lang)},
        "400": {"description": t("api.response.bad_request", lang), "content": problem},
    }
    if not_found:
        out["404"] = {"description": t("api.response.not_found", lang), "content": problem}
    return out


def _operation(
    key: str,
    lang: str,
    params: list[dict[str, Any]],
    responses: dict[str, Any],
    example: str,
    tag: str,
) -> dict[str, Any]:
    return {
        "get": {
            "operationId": key.replace(".", "_"),
            "summary": t(f"api.op.{key}", lang),
            "tags": [tag],
            "parameters": params,
            "responses": responses,
            "x-slt-example": example,
        }
    }


def _params(params: Sequence[ApiParam], lang: str) -> list[dict[str, Any]]:
    codes = apidata.codelists().codes
    out = []
    for param in (*params, LANG_PARAM):
        schema = param.schema(codes)
        schema["description"] = param.description(lang)
        out.append(schema)
    return out


def _path_param(name: str, values: Sequence[str], lang: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": t(f"api.param.{name}", lang),
        "schema": {"type": "string", "enum": list(values)},
    }


def example_view() -> dict[str, str]:
    """A query that has figures on this warehouse: the first kommune (in the code list's
    order) with facts, its measure with the most facts, and its last year."""
    codes = apidata.codelists()
    kinds = {c["code"]: c.get("kind") for c in codes.entries("kommune")}
    rows = apidata.sources()
    counts: dict[tuple[str, str], int] = {}
    years: dict[str, int] = {}
    for source in rows.values():
        for area in source.get("areas") or []:
            if kinds.get(area) != "kommune":
                continue
            for measure in source.get("measures") or []:
                counts[(area, measure)] = counts.get((area, measure), 0) + int(source["facts"])
            years[area] = max(years.get(area, 0), int(source.get("last_year") or 0))
    order = codes.codes.get("kommune", [])
    for area in order:
        mine = {m: n for (a, m), n in counts.items() if a == area}
        if mine:
            measure = max(sorted(mine), key=lambda m: mine[m])
            return {"kommune": area, "maal": measure, "til": str(years[area])}
    return {}


def description(lang: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document, in `lang` (nb or en), built once per warehouse file."""
    root = site_root()
    # The year bounds of the parameters move on New Year's Day: part of the key.
    key = f"openapi {lang} {root} {max_year()}"
    return apidata.per_warehouse(key, lambda _cur: _description(lang))


def _description(lang: str) -> dict[str, Any]:
    root = site_root()
    settings = context().settings
    codes = apidata.codelists().codes
    view = example_view()
    fact_example = links.facts_href({k: v for k, v in view.items() if k in ("kommune", "maal")})
    no_params = _params((), lang)
    paths: dict[str, Any] = {
        links.API_PREFIX + "/": _operation(
            "index",
            lang,
            no_params,
            _responses({"type": "object"}, lang),
            links.API_PREFIX + "/",
            "api",
        ),
        links.OPENAPI_PATH: _operation(
            "openapi",
            lang,
            no_params,
            _responses({"type": "object"}, lang),
            links.OPENAPI_PATH,
            "api",
        ),
    }
    fact_params = _params(FACT_PARAMS, lang)
    paths[links.FACTS_PATH] = _operation(
        "facts", lang, fact_params, _responses(_ref("FactPage"), lang), fact_example, "fakta"
    )
    paths[links.facts_href(fmt="csv")] = _operation(
        "facts_csv",
        lang,
        fact_params,
        _responses(STRING, lang, media="text/csv"),
        fact_example.replace(links.FACTS_PATH, links.facts_href(fmt="csv"), 1),
        "fakta",
    )
    paths[links.facts_href(fmt="jsonstat")] = _operation(
        "facts_jsonstat",
        lang,
        fact_params,
        _responses(_ref("JsonStatCollection"), lang),
        fact_example.replace(links.FACTS_PATH, links.facts_href(fmt="jsonstat"), 1),
        "fakta",
    )
    paths[links.api_href("figurer")] = _operation(
        "charts",
        lang,
        no_params,
        _responses(_ref("ChartList"), lang),
        links.api_href("figurer"),
        "figurer",
    )
    for chart_id, chart in REGISTRY.items():
        names = {p.name for p in chart.params}
        params = [view_schema(p, lang) for p in chart.params if p.name != "lang"]
        params.append(LANG_PARAM.schema(codes) | {"description": LANG_PARAM.description(lang)})
        example_query = {k: v for k, v in view.items() if k == "kommune" and k in names}
        operation = _operation(
            "chart",
            lang,
            params,
            _responses(_ref("ChartView"), lang),
            links.chart_api_href(chart_id, example_query),
            "figurer",
        )
        operation["get"]["operationId"] = f"chart_{chart_id.replace('-', '_')}"
        operation["get"]["summary"] = t("api.op.chart", lang, chart=chart_id)
        paths[links.chart_api_href(chart_id, {})] = operation
    paths[links.api_href("kodelister")] = _operation(
        "codelists",
        lang,
        no_params,
        _responses(_ref("CodeLists"), lang),
        links.api_href("kodelister"),
        "kodelister",
    )
    codelist_path = links.api_href("kodelister") + "/{liste}"
    paths[codelist_path] = _operation(
        "codelist",
        lang,
        [_path_param("liste", list(codes), lang), *no_params],
        _responses(_ref("CodeLists"), lang, not_found=True),
        links.api_href("kodelister/maal"),
        "kodelister",
    )
    paths[links.api_href("kilder")] = _operation(
        "sources",
        lang,
        no_params,
        _responses(_object({"sources": {"type": "array", "items": _ref("Source")}}), lang),
        links.api_href("kilder"),
        "kilder",
    )
    source_ids = codes.get("kilde", [])
    paths[links.api_href("kilder") + "/{kilde}"] = _operation(
        "source",
        lang,
        [_path_param("kilde", source_ids, lang), *no_params],
        _responses(_ref("Source"), lang, not_found=True),
        links.api_href(f"kilder/{source_ids[0]}") if source_ids else links.api_href("kilder"),
        "kilder",
    )
    paths[links.api_href("kommuner")] = _operation(
        "kommuner",
        lang,
        no_params,
        _responses(_object({"kommuner": {"type": "array", "items": _ref("Kommune")}}), lang),
        links.api_href("kommuner"),
        "kommuner",
    )
    kinds = {c["code"]: c.get("kind") for c in apidata.codelists().entries("kommune")}
    kommuner = [c for c in codes.get("kommune", []) if kinds.get(c) == "kommune"]
    paths[links.api_href("kommuner") + "/{kommune}"] = _operation(
        "kommune",
        lang,
        [_path_param("kommune", kommuner, lang), *no_params],
        _responses(_ref("Kommune"), lang, not_found=True),
        links.api_href(f"kommuner/{view.get('kommune', kommuner[0] if kommuner else '')}"),
        "kommuner",
    )
    change_params = _params(CHANGE_PARAMS, lang)
    kommune_query = {"kommune": view["kommune"]} if "kommune" in view else {}
    paths[links.api_href("endringer")] = _operation(
        "changes",
        lang,
        change_params,
        _responses(_object({"changes": {"type": "array", "items": _ref("Change")}}), lang),
        links.api_href("endringer", kommune_query),
        "endringer",
    )
    paths[links.FEED_PATH] = _operation(
        "feed",
        lang,
        change_params,
        _responses(STRING, lang, media="application/atom+xml"),
        links.feed_href(view.get("kommune")),
        "endringer",
    )
    paths[links.CATALOGUE_PATHS["turtle"]] = _operation(
        "catalogue_turtle",
        lang,
        no_params,
        _responses(STRING, lang, media="text/turtle"),
        links.CATALOGUE_PATHS["turtle"],
        "katalog",
    )
    paths[links.CATALOGUE_PATHS["jsonld"]] = _operation(
        "catalogue_jsonld",
        lang,
        no_params,
        _responses({"type": ["object", "array"]}, lang, media="application/ld+json"),
        links.CATALOGUE_PATHS["jsonld"],
        "katalog",
    )
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": t("api.title", lang),
            "version": API_VERSION,
            "description": t("api.description", lang),
            "contact": {"name": settings.publisher_name, "email": settings.contact_email},
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": root or "/"}],
        "externalDocs": {
            "description": t("nav.apne_data", lang),
            "url": root + links.page_href("apne_data", lang),
        },
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
