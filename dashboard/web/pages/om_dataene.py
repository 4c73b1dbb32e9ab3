"""Om dataene (/om-dataene): every source, what each number counts, which figures exist
where, the symbols for missing numbers, breaks in the series, and how to add figures."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from dash import html

from dashboard.dimensions import featured_kommuner, kommune_name
from dashboard.state import LANG, ViewState
from dashboard.web.layout import about as om
from dashboard.web.layout import ids
from dashboard.web.layout.components import attrs, data_table
from dashboard.web.layout.page import PageSpec
from dashboard.web.outputs import links
from dashboard.web.serving.context import cursor
from dashboard.words import t
from dashboard.words.numbers import format_number, list_text

NAME = "om_dataene"
SOURCES = ids.page(NAME, "kilder")
MEASURES = ids.page(NAME, "maal")
COVERAGE = ids.page(NAME, "dekning")
SYMBOLS = ids.page(NAME, "symboler")
BREAKS = ids.page(NAME, "brudd")
ADD = "legg-til"  # linked from every no-data message as /om-dataene#legg-til
PARAMS = (LANG,)

#: The checks on import, as a list per language (the catalog holds single strings).
RULES: dict[str, list[str]] = {
    "nb": [
        "ingen ukjente kolonner, ingen manglende påkrevde kolonner, ingen ukjente koder;",
        "year innenfor gyldige år; value et tall; antall og snitt ikke negative; prosent 0–100;",
        "nøyaktig én av value og status er fylt ut;",
        "ingen rad to ganger i samme fil;",
        "en undergruppe er aldri større enn gruppen sin;",
        "kommunenummeret må være et nummer kommunen hadde i perioden.",
    ],
    "en": [
        "no unknown column, no missing required column, no unknown code;",
        "year in range; value numeric; counts and averages not negative; percentages 0–100;",
        "exactly one of value and status is filled;",
        "no row twice in the same file;",
        "a sub-group is never larger than its group;",
        "the municipality number must be one the municipality had during the period.",
    ],
}


def _scroll(table: html.Table) -> html.Div:
    """Wide tables scroll sideways on a phone; the region is focusable and named."""
    caption = table.children[0].children
    return html.Div(
        table, className="chart-table", tabIndex="0", role="region", **attrs(aria_label=caption)
    )


def _section(section_id: str, heading: str, children: list) -> html.Section:
    return html.Section(
        [html.H2(heading, id=f"{section_id}-h2"), *children],
        id=section_id,
        className="chart-card",
        **attrs(aria_labelledby=f"{section_id}-h2"),
    )


def _link_or_text(name: str, text: str) -> html.A | str:
    if name in om.URL_FIELDS and text.startswith(("http://", "https://")):
        return html.A(text, href=text, rel="noopener")
    return text


def _sources(cur, lang: str) -> html.Section:
    """One collapsible entry per source table: title and publication visible, details inside."""
    items = []
    for source in om.sources(cur, lang):
        fields = dict((name, text) for name, _label, text in source.fields)
        rows = []
        for name, label, text in source.fields:
            rows += [html.Dt(label), html.Dd(_link_or_text(name, text))]
        summary = f"{source.title} – {fields.get('publication', '')}"
        if fields.get("published"):
            summary += f" ({fields['published']})"
        items.append(
            html.Li(
                html.Details(
                    [html.Summary(summary), html.Dl(rows, className="source-fields")],
                    id=f"kilde-{source.source_id}",
                )
            )
        )
    return _section(
        SOURCES,
        t("om_dataene.sources_h2", lang),
        [html.P(t("om_dataene.sources_intro", lang)), html.Ol(items, className="source-list")],
    )


def _pairs(pairs: Sequence[tuple[str, str]]) -> html.Dl:
    return html.Dl([part for label, text in pairs for part in (html.Dt(label), html.Dd(text))])


def _measures(cur, lang: str) -> html.Section:
    return _section(
        MEASURES,
        t("om_dataene.measures_h2", lang),
        [
            html.P(t("om_dataene.measures_intro", lang)),
            _pairs(om.measure_descriptions(cur, lang, ("anmeldelser", "personer", "forhold"))),
            html.P(t("om_dataene.place_intro", lang)),
            _pairs(om.place_roles(cur, lang)),
            _scroll(
                data_table(
                    om.measures(cur, lang), t("om_dataene.measures_caption", lang), text=True
                )
            ),
        ],
    )


def _every_kommune(lang: str) -> html.P:
    """The other kommuner are in the list of every kommune, which says what each has."""
    return html.P(
        [
            t(
                "om_dataene.others",
                lang,
                kommuner=list_text([kommune_name(k, lang) for k in featured_kommuner()], lang),
                n=format_number(om.other_kommuner(), lang=lang),
            )
            + " ",
            html.A(
                t("om_dataene.others_link", lang), href=links.kommune_picker_href("trend", lang)
            ),
            ".",
        ]
    )


def _coverage(cur, lang: str) -> html.Section:
    return _section(
        COVERAGE,
        t("om_dataene.coverage_h2", lang),
        [
            html.P(t("om_dataene.coverage_intro", lang)),
            _every_kommune(lang),
            _scroll(
                data_table(
                    om.coverage(cur, lang),
                    t("om_dataene.coverage_caption", lang),
                    text=True,
                    class_name="coverage",  # CSS keeps "2010–2023" on one line
                )
            ),
        ],
    )


def _symbols(cur, lang: str) -> html.Section:
    return _section(
        SYMBOLS,
        t("om_dataene.symbols_h2", lang),
        [
            html.P(t("om_dataene.symbols_intro", lang)),
            _scroll(
                data_table(om.statuses(cur, lang), t("om_dataene.symbols_caption", lang), text=True)
            ),
            html.P(t("om_dataene.small", lang)),
            html.P(t("om_dataene.totals", lang)),
        ],
    )


def _breaks(cur, lang: str) -> html.Section:
    events = html.Ol(
        [
            html.Li(
                [
                    html.Strong(f"{e.when}: {e.label}."),
                    " " + e.text if e.text else "",
                ]
            )
            for e in om.events(lang)
        ]
    )
    return _section(
        BREAKS,
        t("om_dataene.breaks_h2", lang),
        [
            html.P(t("om_dataene.breaks_intro", lang)),
            events,
            html.H3(t("om_dataene.codes_h3", lang)),
            html.P(t("om_dataene.codes_intro", lang)),
            _every_kommune(lang),
            html.Ul([html.Li(line) for line in om.code_chains(cur, lang)]),
            _scroll(
                data_table(
                    om.municipality_codes(cur, lang), t("om_dataene.codes_caption", lang), text=True
                )
            ),
        ],
    )


def _columns_table(lang: str) -> html.Div:
    yes, no = t("om_dataene.yes", lang), t("om_dataene.no", lang)
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"om_dataene.{k}", lang), scope="col")
                for k in ("col_name", "col_required", "col_default", "col_allowed")
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(html.Code(c.name), scope="row"),
                    html.Td(yes if c.required else no),
                    html.Td(html.Code(c.default) if c.default in ("alle",) else c.default),
                    html.Td(
                        [c.allowed]
                        + (
                            [" ", html.Code(", ".join(c.codes), className="codes")]
                            if c.codes
                            else []
                        )
                    ),
                ]
            )
            for c in om.template_columns(lang)
        ]
    )
    caption = t("om_dataene.columns_caption", lang)
    table = html.Table(
        [html.Caption(caption), head, body], className="data-table text-table template-columns"
    )
    return _scroll(table)


def _sidecar_table(lang: str) -> html.Div:
    yes, no = t("om_dataene.yes", lang), t("om_dataene.no", lang)
    frame = pd.DataFrame(
        [(key, yes if required else no, holds) for key, required, holds in om.sidecar_keys(lang)],
        columns=[t(f"om_dataene.{k}", lang) for k in ("key", "col_required", "holds")],
    )
    return _scroll(data_table(frame, t("om_dataene.sidecar_caption", lang), text=True))


def _add(lang: str) -> html.Section:
    command = om.IMPORT_COMMAND_EN if lang == "en" else om.IMPORT_COMMAND
    return _section(
        ADD,
        t("om_dataene.add_h2", lang),
        [
            html.P(t("om_dataene.add_intro", lang)),
            html.H3(t("om_dataene.columns_h3", lang)),
            html.P(t("om_dataene.columns_intro", lang)),
            _columns_table(lang),
            html.H3(t("om_dataene.rules_h3", lang)),
            html.Ul([html.Li(rule) for rule in RULES["en" if lang == "en" else "nb"]]),
            html.P(t("om_dataene.rules_info", lang)),
            html.H3(t("om_dataene.sidecar_h3", lang)),
            _sidecar_table(lang),
            html.H3(t("om_dataene.steps_h3", lang)),
            html.Ol(
                [
                    html.Li([t("om_dataene.step1", lang), html.Pre(html.Code(om.EXAMPLE_CSV))]),
                    html.Li([t("om_dataene.step2", lang), html.Pre(html.Code(om.EXAMPLE_META))]),
                    html.Li([t("om_dataene.step3", lang), html.Pre(html.Code(command))]),
                ]
            ),
            html.P(t("om_dataene.more", lang)),
        ],
    )


def content(state: ViewState) -> list:
    """The whole page: the download link, then one section per question a reader has."""
    lang = state.lang
    cur = cursor()
    href = "/last-ned/alle-data.csv" + ("?lang=en" if lang == "en" else "")
    download = html.P(
        [
            t("om_dataene.download_text", lang) + " ",
            html.A(
                t("download.all", lang),
                href=href,
                download="slt-statistikk-alle-data.csv",
                className="download",
            ),
        ]
    )
    sections = [
        _measures(cur, lang),
        _coverage(cur, lang),
        _symbols(cur, lang),
        _breaks(cur, lang),
        _sources(cur, lang),
        _add(lang),
    ]
    return [download, _contents(sections, lang), *sections]


def _contents(sections: list[html.Section], lang: str) -> html.Nav:
    """In-page links to each section (the page is long)."""
    links = [
        html.Li(html.A(s.children[0].children, href=f"#{getattr(s, 'id', '')}")) for s in sections
    ]
    return html.Nav(
        [html.H2(t("om_dataene.contents", lang), id=f"{NAME}-innhold"), html.Ul(links)],
        **attrs(aria_labelledby=f"{NAME}-innhold"),
    )


SPEC = PageSpec(name=NAME, params=PARAMS, content=content, draws_charts=False)
