"""schema.org `Dataset` JSON-LD for every page's head (what search engines index).

One description of the whole site's data: its name and description, the kommuner and
years it covers and the measures it counts (read from the warehouse), its publisher,
where to download everything (CSV, ZIP, JSON-stat) and the DCAT catalogue it is listed
in. Written as `<script type="application/ld+json">`: a data block the browser never
runs, so the Content-Security-Policy needs no hash for it.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

import queries
from dashboard.web.outputs import links
from dashboard.web.outputs.api import apidata
from dashboard.web.serving.context import context, site_root
from dashboard.words import t
from dashboard.words.numbers import list_text


def summary() -> dict[str, Any]:
    def read(cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
        rows = apidata.records(queries.run(cur, "api_summary"))
        return rows[0] if rows else {}

    return apidata.per_warehouse("summary", read)


def dataset(url: str, lang: str) -> dict[str, Any]:
    """The site's data as a schema.org Dataset (absolute URLs; `url`: this page)."""
    root = site_root()
    settings = context().settings
    codes = apidata.codelists()
    held = summary()
    kinds = {c["code"]: c.get("kind") for c in codes.entries("kommune")}
    kommuner = [a for a in held.get("areas") or [] if kinds.get(a) == "kommune"]
    names = [codes.label("kommune", a, lang) for a in kommuner]
    measures = [codes.label("maal", m, lang) for m in held.get("measures") or []]
    publisher = {
        "@type": "Organization",
        "name": settings.publisher_name,
        "email": settings.contact_email,
    }
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": t("schema.name", lang, places=list_text(names, lang)),
        "description": t("schema.description", lang, places=list_text(names, lang)),
        "url": url,
        "inLanguage": lang,
        "isAccessibleForFree": True,
        "creator": publisher,
        "publisher": publisher,
        "spatialCoverage": [{"@type": "Place", "name": n} for n in names],
        "variableMeasured": measures,
        "keywords": [t("schema.keywords", lang), *names],
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": "text/csv",
                "contentUrl": root + "/last-ned/alle-data.csv",
            },
            {
                "@type": "DataDownload",
                "encodingFormat": "application/zip",
                "contentUrl": root + "/last-ned/alle-data.zip",
            },
            {
                "@type": "DataDownload",
                "encodingFormat": "application/json",
                "contentUrl": root + links.facts_href({"per_side": "10000"}, "jsonstat"),
            },
        ],
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "name": t("dcat.catalogue.title", lang),
            "url": root + links.CATALOGUE_PATHS["turtle"],
        },
    }
    if held.get("first_year") and held.get("last_year"):
        out["temporalCoverage"] = f"{held['first_year']}/{held['last_year']}"
    built = apidata.built_at()
    if built:
        out["dateModified"] = built[:10]
    return out


def script(url: str, lang: str) -> str:
    """The JSON-LD block (`</` escaped, so the data cannot close the script element)."""
    text = json.dumps(dataset(url, lang), ensure_ascii=False, separators=(",", ":"))
    safe = text.replace("</", "<\\/")
    return f'<script type="application/ld+json">{safe}</script>'
