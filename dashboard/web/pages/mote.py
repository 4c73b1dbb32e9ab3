"""Møtemodus (/mote): live views shown one at a time, for meetings on a projector.

The URL says everything: `kommune`/`aar` choose the default sequence (the overview's key
figures, then the main chart of each page), `agenda` replaces it with views chosen by
users ("Legg til i møtet" on any chart card), `lysbilde` is the slide shown (1-based).
The server renders every slide of the deck (the current one visible); assets/mote.js
steps between them (keys, buttons, clicker), keeps `?lysbilde=` in the address bar with
pushState and toggles full screen on the deck. Bad input (an unreadable agenda, an
unknown view, a slide number out of range) gives a polite note, never an error.

This page has its own layout (not `page.layout_for`): `lysbilde` and `agenda` are not
view parameters of a chart, and no controls are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

import dash
import flask
from dash import Dash, dcc, html

from dashboard.charts.listing import on_page, render
from dashboard.charts.oversikt import OVERVIEW_PARAMS
from dashboard.dimensions import kommune_name
from dashboard.state import KOMMUNE, LANG, Param, ViewState, parse, to_query
from dashboard.web.layout.components import (
    attrs,
    error_content,
    footnote_list,
    report_link,
    view_notes,
    wordreport_link,
    year_text,
)
from dashboard.web.layout.key_figures import content as overview_content
from dashboard.web.layout.markup import cited
from dashboard.web.layout.page import PageSpec, view_state, year_view
from dashboard.web.outputs import links, presentation
from dashboard.web.outputs.agenda import (
    PATH,
    AgendaError,
    AgendaItem,
    decode,
    encode,
    mote_href,
    moved,
    removed,
)
from dashboard.web.outputs.downloads import attachment
from dashboard.web.outputs.images import ImagesBusy, plain_text
from dashboard.web.outputs.office import PPTX_TYPE, file_key, finished_files, rejected
from dashboard.web.outputs.share import qr_svg
from dashboard.web.outputs.slides import slide_view, view_url_ok
from dashboard.web.serving import cache, work
from dashboard.web.serving.context import cursor, default_language, site_root
from dashboard.web.serving.hardening import SERVER_FAULTS
from dashboard.words import t

#: The deck's own parameters (no controls): language, kommune and year of the default
#: sequence; `lysbilde` and `agenda` are read apart (they are not view parameters).
DECK_PARAMS: tuple[Param, ...] = tuple(replace(p, label="") for p in OVERVIEW_PARAMS)
SLIDE, AGENDA = "lysbilde", "agenda"
QR_ROUTE = "/mote/qr.svg"
#: The page as the document head, the 404 check and the sitemap know it (it registers
#: itself with its own layout: see `register`).
SPEC = PageSpec(name="mote", params=(LANG, KOMMUNE))
DECK_ID = "mote-deck"
LIVE_ID = "mote-live"


@dataclass(frozen=True)
class Slide:
    """One resolved agenda item: its page, view state and what it shows."""

    item: AgendaItem
    spec: PageSpec
    state: ViewState

    @property
    def href(self) -> str:
        """The full view (page URL with its query), for the QR code and the link."""
        return AgendaItem(self.spec.path, to_query(self.spec.params, self.state.values)).href()


def _page_by_path(pages: Sequence[PageSpec], path: str) -> PageSpec | None:
    return next((s for s in pages if s.path == path), None)


def default_sequence(pages: Sequence[PageSpec], kommune: str, aar: object) -> list[AgendaItem]:
    """The overview's key figures, then the main chart of each page, for a kommune/year.

    A page's main chart is the first chart it shows in its default view that has figures
    for the kommune; a page with none for it has no slide (a slide that says "no figures"
    wastes the meeting's time). A year narrows the pages that have a year (`aar`) or a
    period end (`til`) (`page.year_view`).
    """
    overview = next(spec for spec in pages if spec.name == "oversikt")
    items = [AgendaItem(overview.path, _view_query(overview, {"kommune": kommune, "aar": aar}), "")]
    cur = cursor()
    for spec in pages:
        charts = on_page(spec.name)
        if not charts:
            continue
        state = year_view(spec, kommune, aar)
        shown = [
            c
            for c in charts
            if c.shown(state) and render(c.chart_id, cur, state).figure is not None
        ]
        if shown:
            query = {k: v for k, v in to_query(spec.params, state.values).items() if k != "lang"}
            items.append(AgendaItem(spec.path, query, shown[0].chart_id))
    return items


def _view_query(spec: PageSpec, query: dict) -> dict[str, str]:
    values = view_state(spec, query).values
    return {k: v for k, v in to_query(spec.params, values).items() if k != "lang"}


def resolve(
    pages: Sequence[PageSpec], items: list[AgendaItem], lang: str
) -> tuple[list[Slide], list[str]]:
    """The slides of an agenda, and notes about views that cannot be shown (skipped)."""
    slides: list[Slide] = []
    notes: list[str] = []
    for number, item in enumerate(items, start=1):
        spec = _page_by_path(pages, item.path)
        charts = [c.chart_id for c in on_page(spec.name)] if spec else []
        known = spec is not None and (
            item.chart in charts if item.chart else spec.name == "oversikt"
        )
        if not known or spec is None:
            notes.append(t("mote.note.unknown_view", lang, n=number))
            continue
        query = {**{k: v for k, v in item.query.items() if k != "lang"}, "lang": lang}
        slides.append(Slide(item, spec, view_state(spec, query)))
    return slides, notes


def deck_state(
    pages: Sequence[PageSpec], query: dict
) -> tuple[ViewState, list[AgendaItem], bool, int, list[str]]:
    """(deck state, agenda items, whether they are the user's agenda, slide, notes)."""
    query = dict(query)
    raw_slide = _first(query.pop(SLIDE, ""))
    raw_agenda = _first(query.pop(AGENDA, ""))
    state = parse(DECK_PARAMS, query, lang_default=default_language())
    lang = state.lang
    notes = list(state.notes)
    items: list[AgendaItem] = []
    if raw_agenda:
        try:
            items = decode(raw_agenda)
        except AgendaError:
            notes.append(t("mote.note.bad_agenda", lang))
    own = bool(items)
    if not items:
        items = default_sequence(pages, state["kommune"], state["aar"])
    slide = 1
    if raw_slide:
        if _digits(raw_slide) and int(raw_slide) >= 1:
            slide = int(raw_slide)
        else:
            notes.append(t("mote.note.bad_slide", lang, value=raw_slide[:20]))
    return state, items, own, slide, notes


def _first(raw: object) -> str:
    if isinstance(raw, (list, tuple)):
        return str(raw[0]) if raw else ""
    return "" if raw is None else str(raw)


def _digits(text: str) -> bool:
    """ASCII digits only (`str.isdigit` also accepts "²", which `int` refuses)."""
    return text.isascii() and text.isdigit()


def deck_view(query: Mapping[str, object]) -> list:
    """What the deck for `query` depends on (the cache key's view, `serving/cache`),
    read without drawing anything: the deck's parameters written back, their notes,
    the agenda as read (None: unreadable) and the slide asked for."""
    query = dict(query)
    raw_slide = _first(query.pop(SLIDE, ""))
    raw_agenda = _first(query.pop(AGENDA, ""))
    state = parse(DECK_PARAMS, query, lang_default=default_language())
    try:
        agenda: str | None = encode(decode(raw_agenda)) if raw_agenda else ""
    except AgendaError:
        agenda = None
    slide = str(int(raw_slide)) if _digits(raw_slide) else raw_slide[:20]
    return [to_query(DECK_PARAMS, state.values), list(state.notes), agenda, slide]


# ------------------------------------------------------------------ rendering


def slide_section(slide: Slide, number: int, total: int, current: bool) -> html.Section:
    """One slide: heading, the chart (large type) or key figures, source line, QR code."""
    lang = slide.state.lang
    heading_id = f"mote-slide-{number}-h"
    body: list = []
    source = ""
    notes: list = []
    if slide.item.chart:
        result = render(slide.item.chart, cursor(), slide.state)
        heading = result.title
        if result.figure is None:
            body.append(html.P(result.message or t("nodata.title", lang), className="no-data"))
        else:
            figure, footnotes = slide_view(result.figure)
            # Missing values, events and breaks: as text beside the chart (under it on a
            # narrow screen), with the source.
            notes = footnote_list(footnotes, f"mote-slide-{number}")
            body.append(
                html.Figure(
                    [
                        dcc.Graph(
                            id=f"mote-graph-{number}",
                            figure=figure,
                            config={"displayModeBar": False, "responsive": True},
                            className="mote-graph",
                        ),
                        html.Figcaption(
                            [
                                html.Span(result.summary),
                                html.Span(t("mote.small_screen", lang), className="mote-narrow"),
                            ],
                            className="mote-summary",
                        ),
                    ],
                    className="mote-figure",
                )
            )
        source = result.source
    else:
        heading = t("mote.overview.h", lang, k=kommune_name(slide.state["kommune"], lang))
        body += overview_content(slide.state)
    counter = t("mote.counter", lang, n=number, total=total)
    # The buttons first: beside the chart (a landscape screen) they stay in view above a
    # long source line, which scrolls within its column if it must.
    footer = html.Div(
        [
            html.Div(
                [html.Span(counter, className="mote-counter"), toolbar(lang)],
                className="mote-slide-nav",
            ),
            html.Div(
                [
                    *notes,
                    *([html.P(cited(source, lang), className="source")] if source else []),
                    html.P(html.A(t("mote.open_view", lang), href=slide.href)),
                ],
                className="mote-slide-text",
            ),
            html.Img(
                src=f"{QR_ROUTE}?{urlencode({'url': slide.href})}",
                alt=t("mote.qr.alt", lang, url=slide.href),
                className="mote-qr",
                width=150,
                height=150,
            ),
        ],
        className="mote-slide-footer",
    )
    return html.Section(
        [
            html.H2(heading, id=heading_id, className="mote-slide-h"),
            view_notes(slide.state.notes, f"mote-slide-{number}-notes"),
            html.Div(body, className="mote-slide-body"),
            footer,
        ],
        id=f"mote-slide-{number}",
        className="mote-slide",
        hidden=not current,
        **attrs(
            aria_labelledby=heading_id,
            aria_roledescription=t("mote.slide", lang),
            data_slide=str(number),
            data_heading=heading,
            data_counter=counter,
            data_kind="chart" if slide.item.chart else "overview",
        ),
    )


def toolbar(lang: str) -> html.Div:
    """Previous, next and full screen: on every slide, beside its counter (one row less)."""
    return html.Div(
        [
            html.Button(t("mote.prev", lang), type="button", **attrs(data_mote="prev")),
            html.Button(t("mote.next", lang), type="button", **attrs(data_mote="next")),
            html.Button(
                t("mote.fullscreen", lang),
                type="button",
                className="mote-fullscreen",
                **attrs(
                    data_mote="fullscreen",
                    aria_pressed="false",
                    data_on=t("mote.fullscreen.leave", lang),
                    data_off=t("mote.fullscreen", lang),
                ),
            ),
        ],
        className="mote-toolbar",
        role="toolbar",
        **attrs(aria_label=t("mote.toolbar", lang)),
    )


def failed_slide(number: int, lang: str, current: bool, exc: Exception) -> html.Section:
    """A slide whose view failed: the friendly error, and the deck goes on."""
    return html.Section(
        [error_content(lang, exc), toolbar(lang)],
        id=f"mote-slide-{number}",
        className="mote-slide",
        hidden=not current,
        **attrs(
            aria_label=t("error.title", lang),
            data_slide=str(number),
            data_heading=t("error.title", lang),
            data_counter="",
        ),
    )


def deck_href(state: ViewState, items: list[AgendaItem] | None, slide: int = 0) -> str:
    """This deck's URL: the agenda's, or the default sequence's kommune and year."""
    lang = state.lang
    if items:
        return mote_href(items, lang, slide)
    query = {"kommune": state["kommune"]}
    if str(state["aar"]) != "siste":
        query["aar"] = str(state["aar"])
    if slide:
        query[SLIDE] = str(slide)
    if lang != "nb":
        query["lang"] = lang
    return f"{PATH}?{urlencode(query)}"


def presentation_href(state: ViewState, items: list[AgendaItem] | None) -> str:
    """The deck as a PowerPoint file: the same parameters as the deck's URL."""
    query = dict(parse_qsl(deck_href(state, items).partition("?")[2]))
    return links.presentation_href(query)


def _edit_button(
    kind: str, index: int, label: str, href: str, focus: int, off: bool, lang: str
) -> html.Button:
    """An agenda edit: opens `href` (the edited agenda) and focuses `mote-<kind>-<focus>`."""
    return html.Button(
        t(f"mote.{kind}", lang),
        type="button",
        id=f"mote-{kind}-{index}",
        className=f"mote-edit mote-{kind}",
        disabled=off,
        **attrs(aria_label=label, data_href=href, data_focus=f"mote-{kind}-{max(focus, 0)}"),
    )


def agenda_editor(
    items: list[AgendaItem], headings: list[str], state: ViewState, own: bool
) -> html.Ol:
    """The slides as a list: go to, move up/down, remove (each opens the edited agenda)."""
    lang = state.lang
    last = len(items) - 1
    rows = []
    for i, heading in enumerate(headings):
        kinds = (
            ("up", moved(items, i, -1), i - 1, i == 0),
            ("down", moved(items, i, 1), i + 1, i == last),
            ("remove", removed(items, i), min(i, last - 1), last == 0),
        )
        buttons = [
            _edit_button(
                kind,
                i,
                t(f"mote.{kind}.label", lang, title=heading),
                mote_href(edited, lang),
                focus,
                off,
                lang,
            )
            for kind, edited, focus, off in kinds
        ]
        rows.append(
            html.Li(
                [
                    html.A(
                        heading,
                        href=deck_href(state, items if own else None, i + 1),
                        className="mote-agenda-title",
                        **attrs(data_goto=str(i + 1)),
                    ),
                    html.Span(buttons, className="mote-agenda-buttons"),
                ],
                id=f"mote-agenda-{i}",
            )
        )
    return html.Ol(rows, className="mote-agenda", id="mote-agenda")


def _deck(pages: Sequence[PageSpec], query: dict) -> html.Div:
    state, items, own, current, notes = deck_state(pages, query)
    lang = state.lang
    slides, skipped = resolve(pages, items, lang)
    notes += skipped
    if own and not slides:
        items, own = default_sequence(pages, state["kommune"], state["aar"]), False
        slides, _ = resolve(pages, items, lang)
    items = [s.item for s in slides]
    total = len(slides)
    if current > total:
        notes.append(t("mote.note.slide_range", lang, n=current, total=total))
        current = total
    sections, headings = [], []
    for number, slide in enumerate(slides, start=1):
        try:
            section = slide_section(slide, number, total, number == current)
        except SERVER_FAULTS:
            raise  # the warehouse or the disk: a 503/500, not a slide saying "error"
        except Exception as exc:  # one failing view must not take the meeting down
            section = failed_slide(number, lang, number == current, exc)
        sections.append(section)
        headings.append(section.to_plotly_json()["props"]["data-heading"])
    deck = html.Section(
        [
            *sections,
            html.P(id=LIVE_ID, className="visually-hidden", **attrs(aria_live="polite")),
        ],
        id=DECK_ID,
        className="mote-deck",
        tabIndex="-1",
        **attrs(
            aria_label=t("mote.deck", lang),
            aria_roledescription=t("mote.deck.role", lang),
            data_current=str(current),
            data_total=str(total),
            data_agenda=encode(items) if own else "",
        ),
    )
    others = [
        html.A(kommune_name(k, lang), href=deck_href(_with(state, kommune=k), None))
        for k in KOMMUNE.allowed
    ]
    agenda_part = [
        html.H2(t("mote.agenda.h", lang), id="mote-agenda-h"),
        html.P(t("mote.agenda.own" if own else "mote.agenda.default", lang)),
        agenda_editor(items, headings, state, own),
        html.P(
            [
                html.A(
                    t("mote.share", lang),
                    href=deck_href(state, items if own else None),
                    id="mote-share",
                ),
                " · ",
                html.A(
                    t("presentation.button", lang),
                    href=presentation_href(state, items if own else None),
                    id="mote-presentation",
                    download="",
                ),
            ]
        ),
        html.P(report_link(state["kommune"], state["aar"], lang, "mote-report")),
        html.P(wordreport_link(state["kommune"], state["aar"], lang, "mote-wordreport")),
    ]
    if own:
        agenda_part.append(
            html.P(
                html.Button(
                    t("mote.clear", lang),
                    type="button",
                    className="mote-edit mote-clear",
                    **attrs(data_href=deck_href(state, None), data_clear="1"),
                )
            )
        )
    else:
        agenda_part.append(html.P([t("mote.default_for", lang), " ", *_joined(others)]))
    return html.Div(
        [
            html.Div(
                [
                    html.H1(t("mote.h1", lang)),
                    # Where the presenter looks first: the deck fits the window, and F
                    # gives it the whole screen.
                    html.P(t("mote.hint", lang), className="mote-hint"),
                ],
                className="mote-head",
            ),
            view_notes(notes, "mote-notes"),
            deck,
            # How to present, under the deck: the deck's top stays near the window's top.
            html.P(t("mote.intro", lang), className="intro"),
            html.Section(
                agenda_part,
                className="mote-agenda-part",
                **attrs(aria_labelledby="mote-agenda-h"),
            ),
        ],
        className="page page-mote",
        lang=lang,
    )


def _with(state: ViewState, **values: object) -> ViewState:
    return ViewState({**state.values, **values}, state.notes)


def _joined(links: list) -> list:
    out: list = []
    for i, link in enumerate(links):
        out += ([", "] if i else []) + [link]
    return out


def layout_for(pages: Sequence[PageSpec]) -> Callable[..., html.Div]:
    """The pages-router layout over `pages` (the views a slide can show)."""

    def layout(**query) -> html.Div:
        """The deck for the URL's query, never a traceback."""
        try:
            return _deck(pages, query)
        except SERVER_FAULTS:
            raise  # see page.safe_content
        except Exception as exc:  # the meeting page must answer, whatever the URL says
            lang = "en" if query.get("lang") == "en" else "nb"
            return html.Div([error_content(lang, exc)], className="page page-mote")

    return layout


def qr_response() -> flask.Response:
    """`/mote/qr.svg?url=<path+query>`: the QR code of a view of this site, as SVG."""
    url = flask.request.args.get("url", "")
    if not view_url_ok(url):
        return flask.Response(
            "Bare adresser på dette nettstedet / only paths of this site\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    absolute = site_root() + url
    response = flask.Response(qr_svg(absolute, title=absolute, scale=8), mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def presentation_response(pages: Sequence[PageSpec]) -> flask.Response:
    """`/mote/presentasjon.pptx?<the deck's parameters>`: the deck as a PowerPoint file.

    The agenda is resolved exactly as the live deck resolves it. A file never silently
    holds another meeting than the one asked for: an unreadable agenda, a view that is
    not on this site, or a bad kommune, year or language answers 400 with what to write.
    A finished file is kept under the deck's parameters, so a second download does not
    resolve the agenda again.
    """
    args = flask.request.args
    query = {k: v for k, v in args.items() if k != SLIDE}  # the file holds every slide
    plain = parse(
        DECK_PARAMS,
        {k: v for k, v in query.items() if k != AGENDA},
        lang_default=default_language(),
    )
    lang = plain.lang
    bad = rejected(plain, args, ("kommune", "aar", "lang"))
    cur = cursor()
    base = site_root()
    agenda = args.get(AGENDA, "")
    key = file_key(cur, "pptx", agenda, plain["kommune"], str(plain["aar"]), lang, base)
    finished = None if bad else finished_files().get(key)
    own = bool(agenda)
    what = (
        t("presentation.agenda", lang)
        if own
        else f"{kommune_name(plain['kommune'], lang)} {year_text(plain['aar'], lang)}"
    )
    title = t("presentation.file", lang, what=what)
    if finished is None:
        try:
            # Expensive work (the default sequence draws every chart): a slot first, so a
            # request turned away costs next to nothing.
            with work.gate().slot():
                _state, items, own_items, _slide, _notes = deck_state(pages, query)
                if own and not own_items:
                    bad.append(t("presentation.bad_agenda", lang))
                slides, skipped = resolve(pages, items, lang)
                bad += skipped
                if bad or not slides:
                    example = links.presentation_href({"kommune": "baerum", "aar": "2020"})
                    text = t("presentation.bad", lang, notes=" ".join(bad), example=example)
                    return plain_text(text + "\n", 400)
                finished, complete = presentation.build_pptx(cur, slides, title, lang, base)
        except (ImagesBusy, work.Busy) as exc:
            retry = str(getattr(exc, "retry_after", 10))
            return plain_text(t("report.busy", lang) + "\n", 503, **{"Retry-After": retry})
        if complete:  # a deck made without its images is not kept
            finished_files().put(key, finished)
    return attachment(finished, PPTX_TYPE, f"{title}.pptx")


def register(app: Dash, order: int, pages: Sequence[PageSpec]) -> None:
    """Register the page (after the navigation's pages in Dash's order) and its QR route.

    `pages` are the views a slide can show (the navigation's pages): passed in, as this
    module is itself listed in `pages/__init__`. The navigation's link to Møtemodus is
    the shell's (`shell.nav_links`).
    """
    dash.register_page(
        "mote",
        path=PATH,
        name="mote",
        title=f"{t('mote.h1')} – SLT-statistikk",
        order=order,
        layout=layout_for(pages),
    )
    cache.page_view(app, PATH, deck_view)
    app.server.add_url_rule(QR_ROUTE, "mote_qr", qr_response)
    app.server.add_url_rule(
        links.PRESENTATION_PATH, "mote_presentation", lambda: presentation_response(pages)
    )
