"""The overview's key figures as page content, shared by the Oversikt page and Møtemodus's
first slide: one card per figure (number, sparkline, direction, change in words, sources),
grouped by theme, and the links for the meeting and the yearly report."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from dash import html

from dashboard import figures
from dashboard.charts.listing import Chart, ChartResult, chart_that_draws
from dashboard.charts.oversikt import KEY_SPECS, KeyFigure, key_figures
from dashboard.dimensions import kommune_name
from dashboard.state import KOMMUNE, ViewState
from dashboard.web.layout.components import attrs, report_link, wordreport_link
from dashboard.web.layout.markup import cited
from dashboard.web.outputs.links import MOTE_PATH, PRESENTATION_PATH, full_view_path
from dashboard.web.serving.context import chart_result, coverage, cursor, view
from dashboard.words import t
from dashboard.words.numbers import list_text

MARKERS = {"up": "▲", "down": "▼", "flat": "▶"}


def _link(path: str, state: ViewState) -> str:
    """`path` (which may carry a query) for the kommune and language being viewed."""
    base, _, query = path.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&") if p)
    params["kommune"] = state["kommune"]
    if state.lang != "nb":
        params["lang"] = state.lang
    return f"{base}?{urlencode(params)}"


def _year_query(state: ViewState) -> str:
    """`?aar=2020` when a year is chosen (the default sequence of that year), else ''."""
    return f"?aar={state['aar']}" if str(state["aar"]).isdigit() else ""


def _result(chart: Chart, query: dict[str, str]) -> ChartResult:
    """A candidate chart in the view its page opens for `query`, kept like the page's own
    (so the page the link opens has it computed already)."""
    return chart_result(chart, view(chart.params, query))


def _card(fig: KeyFigure, state: ViewState) -> html.Li:
    """One key figure: number, sparkline, direction, the change in words, sources."""
    lang = state.lang
    svg = figures.sparkline_svg(fig.points)
    head: list = [html.Span(fig.value_text, className="value")]
    if fig.direction:
        head.append(
            html.Span(
                [
                    html.Span(MARKERS[fig.direction], **attrs(aria_hidden="true")),
                    html.Span(t(f"oversikt.{fig.direction}", lang), className="visually-hidden"),
                ],
                className=f"direction direction-{fig.direction}",
            )
        )
    if svg:
        years = [year for year, _value in fig.points]
        head.append(
            html.Span(
                [
                    html.Img(
                        src="data:image/svg+xml;charset=utf-8," + quote(svg),
                        alt="",  # decorative: the sentence says the numbers
                        className="sparkline",
                        width=120,
                        height=36,
                    ),
                    # Which years the line spans, so a short line is not read as a trend.
                    html.Span(
                        [html.Span(str(min(years))), html.Span(str(max(years)))],
                        className="sparkline-years",
                        **attrs(aria_hidden="true"),
                    ),
                ],
                className="sparkline-box",
            )
        )
    body = [
        html.Div(head, className="key-head"),
        html.Span(fig.year_label, className="visually-hidden"),
        html.P(fig.sentence, className="sentence"),
    ]
    if fig.small:
        body.append(html.P(t("oversikt.small", lang), className="uncertain"))
    target = chart_that_draws(cursor(), fig.charts, _result)
    if target is not None:
        body.append(html.P(html.A(t("oversikt.see", lang), href=full_view_path(*target))))
    body += [
        html.P(cited(f"{t('chart.source', lang)}: {fig.publications}", lang), className="source"),
        html.Details(
            [
                html.Summary(t("oversikt.about", lang)),
                html.P(cited(fig.source, lang), className="source"),
            ],
            className="key-about",
        ),
    ]
    return html.Li(body, className="key-figure", **attrs(data_key=fig.key))


def _other_areas(state: ViewState, shown: list[KeyFigure]) -> list:
    """When a kommune lacks key figures another has, say where more exist (from the data)."""
    if len(shown) == len(KEY_SPECS):
        return []
    have = coverage()
    missing = {s.filters["measure"] for s in KEY_SPECS} - {f.rows["measure"].iloc[0] for f in shown}
    others = [
        kommune_name(code, state.lang)
        for code in KOMMUNE.allowed
        if code != state["kommune"] and any(have.years([m], code) for m in missing)
    ]
    if not others:
        return []
    text = t(
        "oversikt.other_areas",
        state.lang,
        k=kommune_name(state["kommune"], state.lang),
        others=list_text(others, state.lang),
    )
    return [html.P(text, className="note", role="note")]


def _year_notes(state: ViewState, shown: list[KeyFigure]) -> list:
    """Say plainly what the chosen year has: no key figure at all (with the years that
    have them), or only older figures than the year asked for (the SLT reports end in a
    year the reader may not know)."""
    lang, aar = state.lang, state["aar"]
    if not str(aar).isdigit():
        return []
    k = kommune_name(state["kommune"], lang)
    asked = int(aar)
    if not shown:
        # The years a key figure of the kommune has a number in (its whole series).
        latest = key_figures(cursor(), ViewState({**state.values, "aar": "siste"}))
        years = {y for f in latest for y, v in f.points if v is not None}
        links = [
            html.A(str(y), href=_link("/", state) + f"&aar={y}")
            for y in sorted(years, reverse=True)
        ]
        text = t("oversikt.year.none", lang, k=k, year=asked)
        items: list = [text]
        if links:
            items += [" " + t("oversikt.year.has", lang) + " "]
            for i, link in enumerate(links):
                items += [", " if i else "", link]
            items.append(".")
        return [html.P(items, className="note", role="note")]
    # The SLT reports' figures (every theme but SSB's offences, which run later).
    report_years = [int(str(f.year_label)[-4:]) for f in shown if f.theme != "lovbrudd"]
    if report_years and max(report_years) < asked:
        note = t("oversikt.year.older", lang, k=k, year=asked, latest=max(report_years))
        return [html.P(note, className="note", role="note")]
    return []


def _reconcile(shown: list[KeyFigure], lang: str) -> list:
    """Reports and suspected persons may move apart ("288 ▼ anmeldelser" beside "279 ▲
    mistenkte"): one sentence says why, with both numbers, so the cards do not seem to
    contradict each other."""
    by_key = {f.key: f for f in shown}
    reports = by_key.get("anmeldelser-gjerningssted")
    persons = by_key.get("personer-gjerningssted")
    if reports is None or persons is None or not reports.direction or not persons.direction:
        return []
    if reports.direction == persons.direction:
        return []
    return [
        html.P(
            t(
                "oversikt.reconcile",
                lang,
                reports=reports.value_text,
                reports_year=reports.year_label,
                persons=persons.value_text,
                persons_year=persons.year_label,
                reports_way=t(f"oversikt.way.{reports.direction}", lang),
                persons_way=t(f"oversikt.way.{persons.direction}", lang),
            ),
            className="reconcile",
        )
    ]


def content(state: ViewState) -> list:
    """The key figures of the kommune, one section per theme."""
    lang = state.lang
    shown = key_figures(cursor(), state)
    children: list = _year_notes(state, shown) + (_other_areas(state, shown) if shown else [])
    for theme in dict.fromkeys(spec.theme for spec in KEY_SPECS):
        cards = [_card(f, state) for f in shown if f.theme == theme]
        if not cards:
            continue
        heading_id = f"oversikt-{theme}-h2"
        extra = _reconcile([f for f in shown if f.theme == theme], lang)
        children.append(
            html.Section(
                [
                    html.H2(t(f"oversikt.theme.{theme}", lang), id=heading_id),
                    html.Ul(cards, className="key-figures"),
                    *extra,
                ],
                className="page-section",
                **attrs(aria_labelledby=heading_id),
            )
        )
    # For the meeting and the yearly report (hidden on Møtemodus's overview slide).
    mote = html.A(t("mote.overview_link", lang), href=_link(MOTE_PATH, state), id="mote-link")
    deck_file = html.A(
        t("presentation.button", lang),
        href=_link(PRESENTATION_PATH + _year_query(state), state),
        id="presentation-link",
        download="",
    )
    figures_zip = report_link(state["kommune"], state["aar"], lang, "report-link")
    document = wordreport_link(state["kommune"], state["aar"], lang, "wordreport-link")
    children.append(
        html.Section(
            [
                html.H2(t("oversikt.use.h2", lang), id="oversikt-use-h2"),
                html.Ul(
                    [html.Li(mote), html.Li(deck_file), html.Li(document), html.Li(figures_zip)]
                ),
            ],
            className="page-section mote-link",
            **attrs(aria_labelledby="oversikt-use-h2"),
        )
    )
    return children
