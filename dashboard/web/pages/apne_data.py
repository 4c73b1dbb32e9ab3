"""Åpne data og API (/apne-data): the API's readable page, in the site's own style.

The endpoints are read from the OpenAPI description the API serves (one declaration:
what the page lists is what the API answers), each with a call that works on today's
warehouse; then the errors (the problem types' `type` links point at `#feil-…` here),
the catalogue, the change feed and oEmbed. No third-party API browser is needed.
"""

from __future__ import annotations

from dash import html

from dashboard.state import LANG, ViewState
from dashboard.web.layout.components import attrs
from dashboard.web.layout.page import PageSpec
from dashboard.web.outputs import links
from dashboard.web.outputs.api import openapi
from dashboard.web.outputs.api.problems import PROBLEM_KEYS
from dashboard.web.serving.context import site_root
from dashboard.words import t

NAME = "apne_data"
CHART_PREFIX = links.api_href("figurer") + "/"


def _section(section_id: str, heading: str, children: list) -> html.Section:
    return html.Section(
        [html.H2(heading, id=f"{section_id}-h2"), *children],
        id=section_id,
        className="chart-card",
        **attrs(aria_labelledby=f"{section_id}-h2"),
    )


def _example(href: str) -> html.A:
    return html.A(html.Code(href), href=href)


def endpoint_rows(lang: str) -> list[tuple[str, str, str]]:
    """(path, what it gives, example call) per endpoint of the OpenAPI description; the
    charts' paths are one row (`/api/v1/figurer/{figur}`)."""
    rows: list[tuple[str, str, str]] = []
    chart_shown = False
    for path, item in openapi.description(lang)["paths"].items():
        operation = item["get"]
        summary = operation["summary"]
        if path.startswith(CHART_PREFIX) and "{" not in path:
            if chart_shown:
                continue
            chart_shown = True
            path = CHART_PREFIX + "{figur}"
            summary = t("api.op.chart", lang, chart="{figur}")
        rows.append((path, summary, operation["x-slt-example"]))
    return rows


def endpoints(lang: str) -> html.Section:
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(key, lang), scope="col")
                for key in ("apne_data.endpoint", "apne_data.what", "apne_data.example")
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(html.Code(path), scope="row"),
                    html.Td(summary, className="text"),
                    html.Td(_example(example), className="text"),
                ]
            )
            for path, summary, example in endpoint_rows(lang)
        ]
    )
    table = html.Table(
        [html.Caption(t("apne_data.endpoints_caption", lang)), head, body],
        className="data-table text-table",
    )
    return _section(
        f"{NAME}-endepunkter",
        t("apne_data.endpoints", lang),
        [
            html.P(_example(links.OPENAPI_PATH)),
            html.Div(
                table,
                className="chart-table",
                tabIndex="0",
                role="region",
                **attrs(aria_label=t("apne_data.endpoints_caption", lang)),
            ),
        ],
    )


def curl_examples(lang: str) -> list[str]:
    """One `curl` line per format, the feed and the catalogue (absolute URLs)."""
    root = site_root() or "http://127.0.0.1:8050"
    view = openapi.example_view()
    query = {k: v for k, v in view.items() if k in ("kommune", "maal")}
    calls = [links.facts_href(query, fmt) for fmt in links.FACT_FORMATS]
    calls += [links.feed_href(view.get("kommune")), links.CATALOGUE_PATHS["turtle"]]
    return [f"curl '{root}{call}'" for call in calls]


def content(state: ViewState) -> list:
    lang = state.lang
    errors = _section(
        "feil",
        t("apne_data.errors", lang),
        [
            html.P(t("apne_data.errors_intro", lang)),
            html.Dl(
                [
                    item
                    for key in PROBLEM_KEYS
                    for item in (
                        html.Dt(
                            html.Code(f"{links.OPEN_DATA_PATH}#feil-{key.replace('_', '-')}"),
                            id=f"feil-{key.replace('_', '-')}",
                        ),
                        html.Dd(t(f"api.problem.{key}.title", lang)),
                    )
                ]
            ),
        ],
    )
    view = openapi.example_view()
    return [
        html.P(t("apne_data.try", lang)),
        html.Pre(html.Code("\n".join(curl_examples(lang))), className="api-examples"),
        endpoints(lang),
        errors,
        _section(
            f"{NAME}-katalog",
            t("apne_data.catalogue", lang),
            [
                html.P(
                    [
                        _example(links.CATALOGUE_PATHS["turtle"]),
                        " · ",
                        _example(links.CATALOGUE_PATHS["jsonld"]),
                    ]
                )
            ],
        ),
        _section(
            f"{NAME}-endringer",
            t("apne_data.feed", lang),
            [
                html.P(
                    [
                        _example(links.feed_href(view.get("kommune"), lang)),
                        " · ",
                        html.A(
                            t("nav.hva_er_nytt", lang), href=links.page_href("hva_er_nytt", lang)
                        ),
                    ]
                )
            ],
        ),
        _section(
            f"{NAME}-oembed",
            t("apne_data.oembed", lang),
            [
                html.P(t("apne_data.oembed_text", lang)),
                html.P(_example(links.oembed_href(f"{site_root()}{links.page_path('trend')}"))),
            ],
        ),
    ]


SPEC = PageSpec(name=NAME, params=(LANG,), content=content, draws_charts=False)
