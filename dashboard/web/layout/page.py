"""What every page shares: registration, the URL <-> controls round trip, safe rendering.

A page declares its name, path and parameters (each parameter declares its control);
its content is, by default, the cards of the charts declared for the page, grouped by
section. This module wires the one callback that turns control values into a validated
state, re-renders the content and pushes the new URL onto the browser history (the back
button then restores the previous view through the pages router, which calls the page
layout with the old query).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

import dash
from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from dashboard.charts.listing import ChartResult, on_page
from dashboard.dimensions import kommune_name
from dashboard.state import KOMMUNE, Param, ViewState, to_query, to_search
from dashboard.web.layout import ids
from dashboard.web.layout.components import (
    attrs,
    chart_card,
    controls,
    error_content,
    field_id,
    hint_id,
    view_notes,
)
from dashboard.web.outputs.links import page_path
from dashboard.web.serving import cache
from dashboard.web.serving.context import chart_result, coverage, default_language, view
from dashboard.web.serving.hardening import SERVER_FAULTS
from dashboard.words import STRINGS, t
from dashboard.words.numbers import year_ranges


@dataclass(frozen=True)
class PageSpec:
    """A page: its one name (module, chart module, id prefix, nav key), path and parameters.

    `content` replaces the default content (the page's chart cards); `before_card` adds
    components above a chart's card (e.g. key figures drawn from its rows). A page that
    never draws a chart says so (`draws_charts=False`): its document loads no plotly.js.
    """

    name: str
    params: Sequence[Param]
    content: Callable[[ViewState], list] | None = None
    before_card: Callable[[ChartResult, str], list] | None = None
    draws_charts: bool = True

    @property
    def path(self) -> str:
        """The page's address (declared once, in `outputs/links.PAGE_PATHS`)."""
        return page_path(self.name)

    @property
    def nav_key(self) -> str:
        """Catalog key of the page's name in the navigation."""
        return f"nav.{self.name}"

    @property
    def content_id(self) -> str:
        return ids.page(self.name, "content")

    @property
    def notes_id(self) -> str:
        return ids.page(self.name, "notes")

    @property
    def controls(self) -> tuple[Param, ...]:
        """The parameters that have a control on the page."""
        return tuple(p for p in self.params if p.label)

    def control_id(self, param: Param) -> str:
        return ids.page(self.name, param.name)

    @property
    def summary_id(self) -> str:
        return ids.page(self.name, "valgt")

    @property
    def conditional(self) -> tuple[Param, ...]:
        """Controls that are disabled (with a note) where they have no effect."""
        return tuple(p for p in self.controls if p.applies is not None)

    def heading(self, lang: str) -> tuple[str, str]:
        """The page's h1 and intro (catalog keys `<page>.h1`, `<page>.intro`)."""
        intro_key = f"{self.name}.intro"
        return t(f"{self.name}.h1", lang), t(intro_key, lang) if has_text(intro_key) else ""


def has_text(key: str) -> bool:
    """Whether the catalog has a text for `key` (optional texts: intros)."""
    return key in STRINGS


def view_state(spec: PageSpec, query: dict | None) -> ViewState:
    """The validated view, with year defaults taken from what the warehouse holds."""
    return view(spec.params, query)


def year_view(spec: PageSpec, kommune: str, year: object, lang: str = "nb") -> ViewState:
    """A page's view of one kommune as of `year`: its year (`aar`) or period end (`til`).

    Møtemodus's default slides and the report figures show the same view of a page for a
    kommune and year, so a slide and a report figure never disagree. A year that is not a
    number (the overview's "siste") leaves the page's own default, the latest data.
    """
    names = {p.name for p in spec.params}
    query: dict[str, object] = {"kommune": kommune}
    if lang != "nb":
        query["lang"] = lang
    if str(year).isdigit():
        for name in ("aar", "til"):
            if name in names:
                query[name] = str(year)
        if "fra" in names:
            # A year before the page's default start is a period of that one year, never
            # a swapped period that would show later years than the one asked for.
            start = view_state(spec, {k: v for k, v in query.items() if k != "til"})["fra"]
            query["fra"] = str(min(int(start), int(str(year))))
    return view_state(spec, query)


def chart_cards(spec: PageSpec, state: ViewState) -> list:
    """The cards of the page's charts with figures for this view, under their sections'
    headings, then one folded line naming the charts not published for the kommune.

    A page opens on figures: a chart without figures for the choice is not a grey box in
    the way but an item of the last line, with what exists instead (read from the
    warehouse). When no chart has figures, one box says so and links to the kommuner
    that have them.
    """
    lang = state.lang
    query = query_of(spec.params, state)
    shown = [c for c in on_page(spec.name) if c.shown(state)]
    results = {c.chart_id: chart_result(c, state) for c in shown}
    drawn = [c for c in shown if results[c.chart_id].figure is not None]
    missing = [c for c in shown if results[c.chart_id].figure is None]
    if not drawn and len(missing) > 1:
        return [nothing_here(spec, state)]
    if not drawn:  # a page of one chart: its own message says what exists
        drawn, missing = missing, []
    sections = list(dict.fromkeys(c.section for c in drawn))
    level = 3 if any(sections) else 2

    def card(chart_id: str) -> list:
        result = results[chart_id]
        extra = spec.before_card(result, lang) if spec.before_card else []
        return [*extra, chart_card(result, query, lang, level=level)]

    out: list = []
    if not any(sections):
        out = [item for c in drawn for item in card(c.chart_id)]
    for section in sections if any(sections) else []:
        section_id = ids.page(spec.name, section)
        intro_key = f"{spec.name}.section.{section}.intro"
        out.append(
            html.Section(
                [
                    html.H2(t(f"{spec.name}.section.{section}.h2", lang), id=f"{section_id}-h2"),
                    *(
                        [html.P(t(intro_key, lang), className="intro")]
                        if has_text(intro_key)
                        else []
                    ),
                    html.Div(
                        [i for c in drawn if c.section == section for i in card(c.chart_id)],
                        className="content",  # the cards, spaced as on other pages
                    ),
                ],
                id=section_id,
                className="page-section",
                **attrs(aria_labelledby=f"{section_id}-h2"),
            )
        )
    if missing:
        out.append(not_published(spec, state, [results[c.chart_id] for c in missing]))
    return out


def not_published(spec: PageSpec, state: ViewState, results: Sequence[ChartResult]) -> html.Details:
    """'Ikke publisert for Asker: …': the page's charts without figures for the choice, in
    one line that opens to say, chart by chart, what exists instead."""
    lang = state.lang
    k = kommune_name(str(state.values.get("kommune", "")), lang)
    titles = [r.title for r in results]
    element_id = ids.page(spec.name, "ikke-publisert")
    return html.Details(
        [
            html.Summary(
                t(
                    f"page.not_published.{'one' if len(titles) == 1 else 'many'}",
                    lang,
                    k=k,
                    n=len(titles),
                )
            ),
            html.Ul(
                [
                    html.Li(
                        [html.Strong(r.title), " – ", r.message or ""],
                        id=f"card-{r.chart_id}",
                    )
                    for r in results
                ]
            ),
        ],
        id=element_id,
        className="not-published",
    )


def nothing_here(spec: PageSpec, state: ViewState) -> html.Div:
    """One box for a page without figures for the kommune: where they exist, with links."""
    lang = state.lang
    here = state.values.get("kommune")
    measures = {m for p in spec.params for m in p.years_of}
    have = coverage()
    links = []
    for code in KOMMUNE.allowed:
        years = have.years(measures, code) if code != here else []
        if years:
            query = {**query_of(spec.params, state), "kommune": code}
            query.pop("fra", None), query.pop("til", None)
            href = spec.path + "?" + urlencode(query, safe=",")
            name = kommune_name(code, lang)
            links.append(html.Li(html.A(f"{name} ({year_ranges(years)})", href=href)))
    name = kommune_name(str(here), lang) if here else ""
    children: list = [
        html.H2(t("nodata.page.title", lang, k=name), id=ids.page(spec.name, "ingen-tall")),
        html.P(t("nodata.page.body", lang, k=name)),
    ]
    if links:
        children += [html.P(t("nodata.page.elsewhere", lang)), html.Ul(links)]
    children.append(
        html.P(
            html.A(
                t("nodata.link", lang),
                href="/om-dataene" + ("?lang=en" if lang == "en" else "") + "#legg-til",
            )
        )
    )
    return html.Div(children, className="no-data no-data-page", role="note")


def safe_content(spec: PageSpec, state: ViewState) -> list:
    """The page content, or a friendly error message if anything fails."""
    try:
        return spec.content(state) if spec.content else chart_cards(spec, state)
    except SERVER_FAULTS:
        raise  # the warehouse or the disk: a 503/500 for the callback guard, not a note
    except Exception as exc:  # a view must never show a traceback
        return [error_content(state.lang, exc)]


def layout_for(spec: PageSpec) -> Callable[..., html.Div]:
    """The pages-router layout function: query arguments -> full page."""

    def layout(**query) -> html.Div:
        state = view_state(spec, query)
        lang = state.lang
        h1, intro = spec.heading(lang)
        children: list = [html.H1(h1)]
        if intro:
            children.append(html.P(intro, className="intro"))
        children.append(view_notes(state.notes, spec.notes_id))
        if spec.controls:
            # A disclosure, open by default (and without JavaScript); assets/filters.js
            # folds it on narrow screens so the first chart is on the first screen.
            children.append(
                html.Details(
                    [
                        html.Summary(
                            [
                                html.Span(t("filters", lang), className="filters-title"),
                                html.Span(
                                    chosen_text(spec, state),
                                    id=spec.summary_id,
                                    className="filters-chosen",
                                ),
                            ]
                        ),
                        html.Div(
                            controls(spec.name, spec.params, state, coverage()),
                            className="controls-body",
                        ),
                    ],
                    open=True,
                    className="controls",
                    **attrs(aria_label=t("filters", lang)),
                )
            )
        children.append(
            html.Div(safe_content(spec, state), id=spec.content_id, className="content")
        )
        return html.Div(children, className=f"page page-{spec.name}", lang=lang)

    return layout


def chosen_text(spec: PageSpec, state: ViewState) -> str:
    """What is chosen, in a line: 'Bærum · Anmeldelser · Gjerningssted · 2013–2020'."""
    lang = state.lang
    parts: list[str] = []
    years = [state[p.name] for p in spec.controls if p.year and not p.sentinel]
    for param in spec.controls:
        value = state[param.name]
        if param.year and not param.sentinel:
            continue
        if param.year and param.sentinel:
            parts.append(
                param.option_text(str(value), lang) if value == param.sentinel else str(value)
            )
        elif param.multi:
            parts.append(", ".join(param.option_text(v, lang) for v in value))
        else:
            parts.append(param.option_text(str(value), lang))
    if len(years) == 2:
        parts.append(f"{years[0]}–{years[1]}")
    return " · ".join(parts)


def control_value(param: Param, state: ViewState) -> object:
    """A parameter's value as its control holds it."""
    value = state[param.name]
    if isinstance(value, tuple):
        return list(value)
    if param.year and param.sentinel:
        return str(value)  # a radio of "alle" and years: string values
    return value


def view_key(spec: PageSpec, state: ViewState) -> list:
    """What a page's answers depend on (the cache key's view, `serving/cache`): the view
    written back as its canonical query, and the notes the page shows about the URL."""
    return [to_query(spec.params, state.values), list(state.notes)]


def register(app: Dash, spec: PageSpec, order: int) -> None:
    """Register the page with Dash Pages and wire its controls."""
    dash.register_page(
        spec.name,
        path=spec.path,
        name=spec.name,
        title=f"{t(spec.nav_key)} – SLT-statistikk",
        order=order,
        layout=layout_for(spec),
    )
    cache.page_view(app, spec.path, lambda query: view_key(spec, view_state(spec, dict(query))))
    if not spec.controls:
        return

    def states(values: Sequence[object], search: str | None) -> tuple[ViewState, ViewState]:
        """(what the controls show, what the URL says), both validated."""
        current = parse_qs((search or "").lstrip("?"))
        query: dict[str, object] = {"lang": current.get("lang", [default_language()])}
        for param, value in zip(spec.controls, values, strict=True):
            if value is None or value == "" or value == []:
                continue
            query[param.name] = (
                [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)
            )
        return view_state(spec, query), view_state(spec, current)

    def applicability(state: ViewState) -> list:
        """Per conditional control: disabled?, then per control: the note saying why."""
        active = [p.applies_to(state.values) for p in spec.conditional]
        reasons = [
            "" if on else t(p.reason, state.lang)
            for p, on in zip(spec.conditional, active, strict=True)
        ]
        return [*(not on for on in active), *reasons]

    def notes_of(state: ViewState) -> tuple[list, str]:
        notes = [html.P(n) for n in state.notes]
        return notes, "view-notes" if notes else "view-notes empty"

    def change_view(body: dict) -> list:
        """`on_change` answers for the controls' view, and whether the URL shows it."""
        search = cache.states(body)[0]
        shown, in_url = states(cache.inputs(body), search if isinstance(search, str) else None)
        return [view_key(spec, shown), shown.values == in_url.values]

    def url_view(body: dict) -> list:
        """`on_url` answers for the URL's view, and whether the controls show it."""
        search = cache.inputs(body)[0]
        shown, in_url = states(cache.states(body), search if isinstance(search, str) else None)
        return [view_key(spec, in_url), shown.values == in_url.values]

    before = set(app.callback_map)

    @app.callback(
        Output(spec.content_id, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Output(spec.notes_id, "children"),
        Output(spec.notes_id, "className"),
        Output(spec.summary_id, "children"),
        *[Output(field_id(spec.control_id(p)), "disabled") for p in spec.conditional],
        *[Output(hint_id(spec.control_id(p)), "children") for p in spec.conditional],
        *[Input(spec.control_id(p), "value") for p in spec.controls],
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def on_change(*args):
        """A control changed: new content, and the new view pushed onto the history."""
        *values, search = args
        shown, in_url = states(values, search)
        # Dash also runs this when the controls mount, and after `on_url` set them:
        # when the controls show what the URL already says, there is nothing to do.
        if shown.values == in_url.values:
            raise PreventUpdate
        return (
            safe_content(spec, shown),
            to_search(spec.params, shown.values),
            *notes_of(shown),
            chosen_text(spec, shown),
            *applicability(shown),
        )

    cache.keyed_since(app, before, change_view)
    before = set(app.callback_map)

    @app.callback(
        Output(spec.content_id, "children", allow_duplicate=True),
        Output(spec.notes_id, "children", allow_duplicate=True),
        Output(spec.notes_id, "className", allow_duplicate=True),
        Output(spec.summary_id, "children", allow_duplicate=True),
        *[
            Output(field_id(spec.control_id(p)), "disabled", allow_duplicate=True)
            for p in spec.conditional
        ],
        *[
            Output(hint_id(spec.control_id(p)), "children", allow_duplicate=True)
            for p in spec.conditional
        ],
        *[Output(spec.control_id(p), "value", allow_duplicate=True) for p in spec.controls],
        Input(ids.URL, "search"),
        *[State(spec.control_id(p), "value") for p in spec.controls],
        prevent_initial_call=True,
    )
    def on_url(search, *values):
        """Back/forward button: the URL changed under the page; show the view it names."""
        shown, in_url = states(values, search)
        if shown.values == in_url.values:
            raise PreventUpdate
        values_out = [control_value(p, in_url) for p in spec.controls]
        return (
            safe_content(spec, in_url),
            *notes_of(in_url),
            chosen_text(spec, in_url),
            *applicability(in_url),
            *values_out,
        )

    cache.keyed_since(app, before, url_view)


def query_of(spec_params: Sequence[Param], state: ViewState) -> dict[str, str]:
    """The URL query of a state (for download links that must match the view)."""
    return to_query(spec_params, state.values)
