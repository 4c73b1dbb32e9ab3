"""Om dataene (/om-dataene): every source, what each number counts, which figures exist
where, the symbols for missing numbers, breaks in the series, and how to add figures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from dash import html

from dashboard.state import LANG, ViewState
from dashboard.web import about as om
from dashboard.web import ids
from dashboard.web.components import attrs, data_table
from dashboard.web.context import cursor
from dashboard.web.page import PageSpec
from dashboard.words import pick, t

NAME = "om_dataene"
SOURCES = ids.page(NAME, "kilder")
MEASURES = ids.page(NAME, "maal")
COVERAGE = ids.page(NAME, "dekning")
SYMBOLS = ids.page(NAME, "symboler")
BREAKS = ids.page(NAME, "brudd")
ADD = "legg-til"  # linked from every no-data message as /om-dataene#legg-til
PARAMS = (LANG,)

TEXT: dict[str, Any] = {
    "h1": {"nb": "Om dataene", "en": "About the data"},
    "intro": {
        "nb": "Hvert tall på denne siden er publisert av en kilde: SLT-årsrapportene for Bærum "
        "(Bærum kommune og Oslo politidistrikt) og Statistisk sentralbyrå. Her står hvor "
        "tallene kommer fra, hva de teller, hvilke tall som finnes for hvilke kommuner, og "
        "hvordan en kommune kan legge til egne tall.",
        "en": "Every number on this site is published by a source: Bærum's SLT annual reports "
        "(Bærum kommune and Oslo police district) and Statistics Norway. This page says where "
        "the numbers come from, what they count, which figures exist for which municipalities, "
        "and how a municipality can add its own figures.",
    },
    "download_text": {
        "nb": "Alle tall med kilde, avsnitt, sitat og merknad i én fil:",
        "en": "Every number with its source, section, quote and note in one file:",
    },
    "contents": {"nb": "Innhold", "en": "Contents"},
    "sources_h2": {"nb": "Kilder", "en": "Sources"},
    "sources_intro": {
        "nb": "Én datafil per kildetabell. Åpne en kilde for utgiver, avsnitt, hva som telles, "
        "definisjoner, merknader og lisens. Merknader og definisjoner er gjengitt slik de står "
        "i datafilenes metadata (noen på engelsk).",
        "en": "One data file per source table. Open a source for its publisher, section, what "
        "is counted, definitions, notes and licence. Notes and definitions are given as they "
        "stand in the data files' metadata (some in English).",
    },
    "measures_h2": {"nb": "Hva tallene teller", "en": "What the numbers count"},
    "measures_intro": {
        "nb": "Anmeldelser, personer og forhold teller ulike ting og kan ikke sammenlignes "
        "direkte:",
        "en": "Reports, persons and offences count different things and cannot be compared "
        "directly:",
    },
    "place_intro": {
        "nb": "Gjerningssted og bosted er ulike grupper:",
        "en": "Scene of crime and residence are different groups:",
    },
    "measures_caption": {"nb": "Alle mål i databasen", "en": "Every measure in the database"},
    "coverage_h2": {
        "nb": "Hvilke tall finnes for hvilke områder",
        "en": "Which figures exist for which areas",
    },
    "coverage_intro": {
        "nb": "År med tall per mål og område. «–» betyr at det ikke finnes tall. For toårssnitt "
        "er året periodens siste år. Årene kan inneholde enkeltceller som mangler (vist med "
        "symbol).",
        "en": "Years with figures per measure and area. “–” means there are no figures. For "
        "two-year averages the year is the last year of the period. The years can include "
        "single missing cells (shown by their symbol).",
    },
    "coverage_caption": {
        "nb": "Mål etter område: år med tall",
        "en": "Measures by area: years with figures",
    },
    "symbols_h2": {"nb": "Symboler for tall som mangler", "en": "Symbols for missing numbers"},
    "symbols_intro": {
        "nb": "Et tall som mangler vises aldri som 0. Vi bruker Statistisk sentralbyrås symboler:",
        "en": "A missing number is never shown as 0. We use Statistics Norway's symbols:",
    },
    "symbols_caption": {"nb": "Symboler", "en": "Symbols"},
    "small": {
        "nb": "Små tall: der tallene er under 20, står det en merknad om at det skal lite til "
        "for å få en økning eller nedgang.",
        "en": "Small numbers: where numbers are below 20, a note says that a few cases make a "
        "large change.",
    },
    "totals": {
        "nb": "Publiserte totaler er data, ikke summer: der delene ikke summerer til totalen, "
        "vises begge, og en sum vi regner ut er merket «Beregnet sum av radene».",
        "en": "Published totals are data, not sums: where the parts do not add up to the total, "
        "both are shown, and a sum we compute is labelled “computed sum of the rows”.",
    },
    "breaks_h2": {"nb": "Brudd i seriene og hendelser", "en": "Breaks in the series and events"},
    "breaks_intro": {
        "nb": "Hendelsene er merket med stiplede linjer på tidsaksene.",
        "en": "The events are marked with dotted lines on the time axes.",
    },
    "codes_h3": {"nb": "Kommunenummer", "en": "Municipality numbers"},
    "codes_intro": {
        "nb": "Kommunenumrene har endret seg. Tallene vises per kommune, uansett nummer:",
        "en": "The municipality numbers have changed. Figures are shown per municipality, "
        "whatever its number:",
    },
    "codes_caption": {
        "nb": "Kommunenummer og årene de gjaldt",
        "en": "Municipality numbers and the years they applied",
    },
    "add_h2": {"nb": "Slik legger du til tall", "en": "How to add figures"},
    "add_intro": {
        "nb": "Asker, Oslo eller Bærum kan legge til et nytt år eller egne tall fra politiet "
        "med importmalen: én CSV-fil med ett publisert tall per rad, og en metadatafil ved "
        "siden av som sier hvor tallene kommer fra.",
        "en": "Asker, Oslo or Bærum can add a new year or their own police figures with the "
        "import template: one CSV file with one published number per row, and a metadata "
        "file beside it that says where the numbers come from.",
    },
    "columns_h3": {"nb": "Kolonnene i CSV-filen", "en": "The CSV file's columns"},
    "columns_intro": {
        "nb": "UTF-8, kommaseparert, med overskriftsrad. Bare disse kolonnene er tillatt (i "
        "hvilken som helst rekkefølge); en kolonne du utelater, får standardverdien i alle "
        "rader.",
        "en": "UTF-8, comma-separated, with a header row. Only these columns are allowed (in "
        "any order); a column you leave out takes its default in every row.",
    },
    "columns_caption": {"nb": "Kolonner i importmalen", "en": "Columns of the import template"},
    "col_name": {"nb": "Kolonne", "en": "Column"},
    "col_required": {"nb": "Påkrevd", "en": "Required"},
    "col_default": {"nb": "Standard", "en": "Default"},
    "col_allowed": {"nb": "Tillatte verdier", "en": "Allowed values"},
    "yes": {"nb": "ja", "en": "yes"},
    "no": {"nb": "nei", "en": "no"},
    "rules_h3": {"nb": "Kontroller ved import", "en": "Checks on import"},
    "rules": {
        "nb": [
            "ingen ukjente kolonner, ingen manglende påkrevde kolonner, ingen ukjente koder;",
            "year innenfor gyldige år; value et tall; antall og snitt ikke negative; prosent "
            "0–100;",
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
    },
    "rules_info": {
        "nb": "Der en publisert total avviker fra summen av delene, skriver importen det ut "
        "som informasjon, ikke som feil.",
        "en": "Where a published total differs from the sum of its parts, the import prints it "
        "as information, not as an error.",
    },
    "sidecar_h3": {"nb": "Metadatafilen (NAVN.meta.yml)", "en": "The sidecar (NAME.meta.yml)"},
    "sidecar_caption": {"nb": "Nøkler i metadatafilen", "en": "Keys of the sidecar"},
    "key": {"nb": "Nøkkel", "en": "Key"},
    "holds": {"nb": "Innhold", "en": "Holds"},
    "steps_h3": {"nb": "Fremgangsmåte", "en": "Steps"},
    "step1": {
        "nb": "Skriv en CSV-fil, for eksempel asker-politiet-2021.csv, med kolonnene over:",
        "en": "Write a CSV file, e.g. asker-politiet-2021.csv, with the columns above:",
    },
    "step2": {
        "nb": "Skriv metadatafilen asker-politiet-2021.meta.yml ved siden av:",
        "en": "Write the sidecar asker-politiet-2021.meta.yml beside it:",
    },
    "step3": {
        "nb": "Kjør kommandoen under. Den kontrollerer begge filene, kopierer dem til data/ "
        "og bygger databasen på nytt. Å importere de samme radene igjen endrer ingenting; en "
        "annen verdi for en rad som finnes, avvises (begge verdiene vises) med mindre du "
        "legger til --replace.",
        "en": "Run the command below. It checks both files, copies them into data/ and rebuilds "
        "the database. Importing the same rows again changes nothing; a different value for a "
        "row that is already there is refused (both values shown) unless you add --replace.",
    },
    "more": {
        "nb": "Hele formatet er beskrevet i docs/data-format.md i kildekoden.",
        "en": "The full format is described in docs/data-format.md in the source code.",
    },
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
        pick(TEXT["sources_h2"], lang),
        [html.P(pick(TEXT["sources_intro"], lang)), html.Ol(items, className="source-list")],
    )


def _pairs(pairs: Sequence[tuple[str, str]]) -> html.Dl:
    return html.Dl([part for label, text in pairs for part in (html.Dt(label), html.Dd(text))])


def _measures(cur, lang: str) -> html.Section:
    return _section(
        MEASURES,
        pick(TEXT["measures_h2"], lang),
        [
            html.P(pick(TEXT["measures_intro"], lang)),
            _pairs(om.measure_descriptions(cur, lang, ("anmeldelser", "personer", "forhold"))),
            html.P(pick(TEXT["place_intro"], lang)),
            _pairs(om.place_roles(cur, lang)),
            _scroll(
                data_table(om.measures(cur, lang), pick(TEXT["measures_caption"], lang), text=True)
            ),
        ],
    )


def _coverage(cur, lang: str) -> html.Section:
    return _section(
        COVERAGE,
        pick(TEXT["coverage_h2"], lang),
        [
            html.P(pick(TEXT["coverage_intro"], lang)),
            _scroll(
                data_table(
                    om.coverage(cur, lang),
                    pick(TEXT["coverage_caption"], lang),
                    text=True,
                    class_name="coverage",  # CSS keeps "2010–2023" on one line
                )
            ),
        ],
    )


def _symbols(cur, lang: str) -> html.Section:
    return _section(
        SYMBOLS,
        pick(TEXT["symbols_h2"], lang),
        [
            html.P(pick(TEXT["symbols_intro"], lang)),
            _scroll(
                data_table(om.statuses(cur, lang), pick(TEXT["symbols_caption"], lang), text=True)
            ),
            html.P(pick(TEXT["small"], lang)),
            html.P(pick(TEXT["totals"], lang)),
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
        pick(TEXT["breaks_h2"], lang),
        [
            html.P(pick(TEXT["breaks_intro"], lang)),
            events,
            html.H3(pick(TEXT["codes_h3"], lang)),
            html.P(pick(TEXT["codes_intro"], lang)),
            html.Ul([html.Li(line) for line in om.code_chains(cur, lang)]),
            _scroll(
                data_table(
                    om.municipality_codes(cur, lang), pick(TEXT["codes_caption"], lang), text=True
                )
            ),
        ],
    )


def _columns_table(lang: str) -> html.Div:
    yes, no = pick(TEXT["yes"], lang), pick(TEXT["no"], lang)
    head = html.Thead(
        html.Tr(
            [
                html.Th(pick(TEXT[k], lang), scope="col")
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
    caption = pick(TEXT["columns_caption"], lang)
    table = html.Table(
        [html.Caption(caption), head, body], className="data-table text-table template-columns"
    )
    return _scroll(table)


def _sidecar_table(lang: str) -> html.Div:
    yes, no = pick(TEXT["yes"], lang), pick(TEXT["no"], lang)
    frame = pd.DataFrame(
        [(key, yes if required else no, holds) for key, required, holds in om.sidecar_keys(lang)],
        columns=[pick(TEXT[k], lang) for k in ("key", "col_required", "holds")],
    )
    return _scroll(data_table(frame, pick(TEXT["sidecar_caption"], lang), text=True))


def _add(lang: str) -> html.Section:
    command = om.IMPORT_COMMAND_EN if lang == "en" else om.IMPORT_COMMAND
    return _section(
        ADD,
        pick(TEXT["add_h2"], lang),
        [
            html.P(pick(TEXT["add_intro"], lang)),
            html.H3(pick(TEXT["columns_h3"], lang)),
            html.P(pick(TEXT["columns_intro"], lang)),
            _columns_table(lang),
            html.H3(pick(TEXT["rules_h3"], lang)),
            html.Ul([html.Li(rule) for rule in TEXT["rules"]["en" if lang == "en" else "nb"]]),
            html.P(pick(TEXT["rules_info"], lang)),
            html.H3(pick(TEXT["sidecar_h3"], lang)),
            _sidecar_table(lang),
            html.H3(pick(TEXT["steps_h3"], lang)),
            html.Ol(
                [
                    html.Li([pick(TEXT["step1"], lang), html.Pre(html.Code(om.EXAMPLE_CSV))]),
                    html.Li([pick(TEXT["step2"], lang), html.Pre(html.Code(om.EXAMPLE_META))]),
                    html.Li([pick(TEXT["step3"], lang), html.Pre(html.Code(command))]),
                ]
            ),
            html.P(pick(TEXT["more"], lang)),
        ],
    )


def content(state: ViewState) -> list:
    """The whole page: the download link, then one section per question a reader has."""
    lang = state.lang
    cur = cursor()
    href = "/last-ned/alle-data.csv" + ("?lang=en" if lang == "en" else "")
    download = html.P(
        [
            pick(TEXT["download_text"], lang) + " ",
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
        [html.H2(pick(TEXT["contents"], lang), id=f"{NAME}-innhold"), html.Ul(links)],
        **attrs(aria_labelledby=f"{NAME}-innhold"),
    )


SPEC = PageSpec(name=NAME, path="/om-dataene", params=PARAMS, content=content)
