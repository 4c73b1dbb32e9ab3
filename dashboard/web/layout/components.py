"""Reusable pieces of page layout: the chart card, data tables, notes and controls.

A chart card always carries its title, the chart, a text alternative, "Vis som tabell"
(a real HTML table), the CSV of exactly the rows behind it, the source line and notes,
so no page can forget one of them.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence

import pandas as pd
from dash import dcc, html

from dashboard.charts.registry import ChartResult
from dashboard.coverage import Coverage
from dashboard.dimensions import kommune_name
from dashboard.figures import page_figure
from dashboard.state import MIN_YEAR, Param, ViewState, max_year
from dashboard.web.layout import chart_menu, ids
from dashboard.web.layout.markup import attrs, cited
from dashboard.web.outputs.agenda import add_button
from dashboard.web.outputs.links import (
    download_href,
    kommune_picker_href,
    report_href,
    wordreport_href,
)
from dashboard.words import t

log = logging.getLogger(__name__)


def data_table(
    table: pd.DataFrame, caption: str, text: bool = False, class_name: str = ""
) -> html.Table:
    """An accessible table: caption, column headers, and a row header per row.

    `text=True` for tables of words (left-aligned); numbers are right-aligned.
    """
    columns = list(table.columns)
    cell_class = "text" if text else "num"
    head = html.Thead(html.Tr([html.Th(str(c), scope="col") for c in columns]))
    body = html.Tbody(
        [
            html.Tr(
                [html.Th(str(row[0]), scope="row")]
                + [html.Td(str(cell), className=cell_class) for cell in row[1:]]
            )
            for row in table.itertuples(index=False)
        ]
    )
    classes = " ".join(c for c in ("data-table", "text-table" if text else "", class_name) if c)
    return html.Table([html.Caption(caption), head, body], className=classes)


def notes_list(notes: Sequence[str], lang: str) -> html.Div | None:
    if not notes:
        return None
    return html.Div(
        [
            html.H3(t("chart.notes", lang), className="notes-title"),
            html.Ul([html.Li(n) for n in notes]),
        ],
        className="chart-notes",
    )


def chart_card(
    result: ChartResult, query: dict[str, str], lang: str, level: int = 2
) -> html.Section:
    """The full card for one chart (or its no-data message)."""
    heading = (html.H2 if level == 2 else html.H3)(result.title, id=f"{result.chart_id}-title")
    children: list = [heading]
    if result.subtitle:
        children.append(html.P(result.subtitle, className="subtitle"))
    if result.message is not None or result.figure is None:
        children.append(
            html.Div(
                [
                    html.P(html.Strong(t("nodata.title", lang))),
                    html.P(result.message or ""),
                    html.A(t("nodata.link", lang), href=_with_lang("/om-dataene#legg-til", lang)),
                ],
                className="no-data",
                role="note",
            )
        )
        return html.Section(
            children,
            className="chart-card",
            id=f"card-{result.chart_id}",
            **attrs(aria_labelledby=f"{result.chart_id}-title", data_chart=result.chart_id),
        )
    # The footnotes (missing values, symbol key, events, breaks) as HTML under the chart,
    # where they reflow at any width; images, embeds and slides draw them in.
    figure, footnotes = page_figure(dict(result.figure))
    children.insert(1, chart_menu.menu(result, query, lang))
    children += [
        html.Figure(
            [
                dcc.Graph(
                    id=f"graph-{result.chart_id}",
                    figure=figure,
                    config={
                        "displayModeBar": False,
                        "displaylogo": False,
                        "responsive": True,
                        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
                        "toImageButtonOptions": {"filename": result.chart_id},
                    },
                    className="graph",
                    # A taller figure (many bars with long names) has its height
                    # reserved before Plotly draws it, so the page does not jump.
                    style=_reserved(figure),
                ),
                *footnote_list(footnotes, result.chart_id),
                html.Figcaption(
                    result.summary, className="summary", id=f"{result.chart_id}-summary"
                ),
            ],
            className="chart-figure",
        ),
        html.Details(
            [
                html.Summary(t("chart.table", lang)),
                data_table(result.table, result.title),
                html.P(t("chart.missing_legend", lang), className="legend-symbols"),
            ],
            className="chart-table",
        ),
        html.P(
            html.A(
                t("chart.download", lang),
                href=download_href(result.chart_id, query),
                download=f"{result.chart_id}.csv",
                className="download",
            ),
        ),
        html.P(cited(result.source, lang), className="source"),
        add_button(result.chart_id, query, lang),
    ]
    notes = notes_list(result.notes, lang)
    if notes is not None:
        children.append(notes)
    return html.Section(
        children,
        className="chart-card",
        id=f"card-{result.chart_id}",
        **attrs(aria_labelledby=f"{result.chart_id}-title", data_chart=result.chart_id),
    )


def _reserved(figure: dict) -> dict[str, str]:
    height = (figure.get("layout") or {}).get("height")
    return {"height": f"{height}px"} if isinstance(height, int) else {}


def footnote_list(footnotes: Sequence[str], chart_id: str) -> list[html.Ul]:
    """The chart's footnotes as a list under the plot (none: nothing)."""
    if not footnotes:
        return []
    return [
        html.Ul(
            [html.Li(note) for note in footnotes],
            className="chart-footnotes",
            id=f"{chart_id}-footnotes",
        )
    ]


def _with_lang(href: str, lang: str) -> str:
    if lang == "nb":
        return href
    path, _, fragment = href.partition("#")
    return f"{path}?lang={lang}" + (f"#{fragment}" if fragment else "")


def view_notes(notes: Sequence[str], element_id: str) -> html.Div:
    """Polite, visible notes about ignored or corrected URL parameters (aria-live)."""
    return html.Div(
        [html.P(n) for n in notes],
        id=element_id,
        className="view-notes" if notes else "view-notes empty",
        role="status",
        **attrs(aria_live="polite"),
    )


def radio(
    component_id: str, label: str, options: Sequence[tuple[str, str]], value: str
) -> html.Fieldset:
    """A labelled group of native radio buttons (keyboard and screen-reader friendly)."""
    return html.Fieldset(
        [
            html.Legend(label),
            dcc.RadioItems(
                id=component_id,
                options=[{"label": text, "value": code} for code, text in options],
                value=value,
                className="choices",
                inputClassName="choice-input",
                labelClassName="choice",
            ),
        ],
        className="control",
    )


def checklist(
    component_id: str, label: str, options: Sequence[tuple[str, str]], values: Sequence[str]
) -> html.Fieldset:
    return html.Fieldset(
        [
            html.Legend(label),
            dcc.Checklist(
                id=component_id,
                options=[{"label": text, "value": code} for code, text in options],
                value=list(values),
                className="choices",
                inputClassName="choice-input",
                labelClassName="choice",
            ),
        ],
        className="control",
    )


def year_input(component_id: str, label: str, value: int, lo: int, hi: int) -> html.Div:
    """A native number field for a year, with a real <label>."""
    return html.Div(
        [
            html.Label(label, htmlFor=component_id),
            dcc.Input(
                id=component_id,
                type="number",
                min=lo,
                max=hi,
                step=1,
                value=value,
                debounce=True,
                inputMode="numeric",
                className="year-input",
            ),
        ],
        className="control control-year",
    )


def year_range(fra_id: str, til_id: str, fra: int, til: int, lang: str) -> list[html.Div]:
    """The from/to year fields every time-series page has."""
    return [
        year_input(fra_id, t("filter.fra", lang), fra, MIN_YEAR, max_year()),
        year_input(til_id, t("filter.til", lang), til, MIN_YEAR, max_year()),
    ]


def error_content(lang: str, exc: BaseException | None = None) -> html.Div:
    """What a visitor sees when a view fails: a friendly message, never a traceback."""
    if exc is not None:
        log.error("view failed: %s", "".join(traceback.format_exception(exc)))
    return html.Div(
        [html.H2(t("error.title", lang)), html.P(t("error.body", lang))],
        className="error-message",
        role="alert",
    )


def control(
    page: str, param: Param, state: ViewState, coverage: Coverage
) -> html.Div | html.Fieldset:
    """The control a parameter declares (its legend, choices and option names)."""
    lang = state.lang
    component_id = ids.page(page, param.name)
    label = t(param.label, lang)
    value = state[param.name]
    if param.year and param.sentinel:
        area = state.values.get("kommune")
        # The years the chosen kommune has (else any area's), newest first.
        years = (
            (coverage.years(param.years_of, area) or coverage.years(param.years_of))
            if param.years_of
            else []
        )
        codes = [param.sentinel, *(str(y) for y in sorted(years, reverse=True))]
        if str(value) not in codes:
            codes.append(str(value))  # a year from the URL without data stays selectable
        options = [(c, param.option_text(c, lang) if c == param.sentinel else c) for c in codes]
        return radio(component_id, label, options, str(value))
    if param.year:
        return year_input(component_id, label, value, MIN_YEAR, max_year())
    offered = list(param.options)
    if not param.multi and value in param.allowed and value not in offered:
        offered.append(value)  # a choice from the URL the control does not offer first
    options = [(code, param.option_text(code, lang)) for code in offered]
    if param.multi:
        return checklist(component_id, label, options, value)
    shown = value if value in offered else param.default
    field = radio(component_id, label, options, str(shown))
    if param.name == "kommune" and len(param.allowed) > len(offered):
        # Every other kommune: a searchable list that works without JavaScript.
        more = html.P(
            html.A(
                t("kommuner.all", lang, n=len(param.allowed)),
                href=kommune_picker_href(page, lang),
                id=f"{component_id}-alle",
            ),
            className="control-more",
        )
        field = html.Fieldset([*field.children, more], className="control")
    if param.applies is not None:
        # A control that does nothing for this view is disabled, and says why.
        active = param.applies_to(state.values)
        hint = html.P(
            "" if active else t(param.reason, lang),
            id=hint_id(component_id),
            className="control-hint",
            **attrs(aria_live="polite"),
        )
        field = html.Fieldset(
            [*field.children, hint],
            id=field_id(component_id),
            disabled=not active,
            className="control",
            **attrs(aria_describedby=hint_id(component_id)),
        )
    return field


def field_id(component_id: str) -> str:
    """The id of a control's fieldset (disabled when the control does not apply)."""
    return f"{component_id}-felt"


def hint_id(component_id: str) -> str:
    """The id of the note that says why a control is disabled."""
    return f"{component_id}-hint"


def controls(page: str, params: Sequence[Param], state: ViewState, coverage: Coverage) -> list:
    """Every control the page's parameters declare, in their order."""
    return [control(page, p, state, coverage) for p in params if p.label]


def year_text(aar: object, lang: str) -> str:
    """`2020`, or `siste år` for the latest data."""
    return str(aar) if str(aar).isdigit() else t("report.latest", lang)


def report_link(kommune: str, aar: object, lang: str, link_id: str) -> html.A:
    """The download link of the report figures (on the overview and in Møtemodus)."""
    text = t("report.button", lang, k=kommune_name(kommune, lang), year=year_text(aar, lang))
    return html.A(text, href=report_href(kommune, aar, lang), id=link_id, download="")


def wordreport_link(kommune: str, aar: object, lang: str, link_id: str) -> html.A:
    """The download link of the Word report "Utfordringsbildet <kommune> <år>"."""
    text = t("wordreport.button", lang, k=kommune_name(kommune, lang), year=year_text(aar, lang))
    return html.A(text, href=wordreport_href(kommune, aar, lang), id=link_id, download="")
