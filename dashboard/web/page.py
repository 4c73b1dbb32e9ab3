"""What every page shares: registration, the URL <-> controls round trip, safe rendering.

A page declares its parameters, its controls (component id -> parameter) and a
`content(state)` function. This module wires the one callback that turns control
values into a validated state, re-renders the content and pushes the new URL onto
the browser history (the back button then restores the previous view through the
pages router, which calls the page layout with the old query).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs

import dash
from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from dashboard.state import Param, ViewState, parse, to_query, to_search
from dashboard.web import ids
from dashboard.web.components import error_content, view_notes
from dashboard.web.context import default_language
from dashboard.words import pick, t


@dataclass(frozen=True)
class Control:
    """A control bound to a URL parameter."""

    component_id: str
    param: str
    prop: str = "value"


@dataclass(frozen=True)
class PageSpec:
    name: str  # the page's one name: module, chart module, id prefix, nav key
    path: str
    params: Sequence[Param]
    controls: Sequence[Control]
    content: Callable[[ViewState], list]
    controls_layout: Callable[[ViewState], list] | None = None
    heading: Callable[[str], tuple[str, str]] | None = None  # lang -> (h1, intro)

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


def headings(text: dict[str, dict[str, str]]) -> Callable[[str], tuple[str, str]]:
    """A page's h1 and intro from its TEXT dict (keys "h1" and "intro")."""
    return lambda lang: (
        pick(text["h1"], lang),
        pick(text["intro"], lang) if "intro" in text else "",
    )


def safe_content(spec: PageSpec, state: ViewState) -> list:
    """The page content, or a friendly error message if anything fails."""
    try:
        return spec.content(state)
    except Exception as exc:  # a view must never show a traceback
        return [error_content(state.lang, exc)]


def layout_for(spec: PageSpec) -> Callable[..., html.Div]:
    """The pages-router layout function: query arguments -> full page."""

    def layout(**query) -> html.Div:
        state = parse(spec.params, query, lang_default=default_language())
        lang = state.lang
        h1, intro = spec.heading(lang) if spec.heading else (t(spec.nav_key, lang), "")
        children: list = [html.H1(h1)]
        if intro:
            children.append(html.P(intro, className="intro"))
        children.append(view_notes(state.notes, spec.notes_id))
        if spec.controls_layout is not None:
            children.append(
                html.Section(
                    spec.controls_layout(state),
                    className="controls",
                    **{"aria-label": t("filters", lang)},
                )
            )
        children.append(
            html.Div(safe_content(spec, state), id=spec.content_id, className="content")
        )
        return html.Div(children, className=f"page page-{spec.name}", lang=lang)

    return layout


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
    if not spec.controls:
        return

    def states(values: Sequence[object], search: str | None) -> tuple[ViewState, ViewState]:
        """(what the controls show, what the URL says), both validated."""
        current = parse_qs((search or "").lstrip("?"))
        default_lang = default_language()
        query: dict[str, object] = {"lang": current.get("lang", [default_lang])}
        for control, value in zip(spec.controls, values, strict=True):
            if value is None or value == "" or value == []:
                continue
            query[control.param] = (
                [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)
            )
        shown = parse(spec.params, query, lang_default=default_lang)
        return shown, parse(spec.params, current, lang_default=default_lang)

    def notes_of(state: ViewState) -> tuple[list, str]:
        notes = [html.P(n) for n in state.notes]
        return notes, "view-notes" if notes else "view-notes empty"

    @app.callback(
        Output(spec.content_id, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Output(spec.notes_id, "children"),
        Output(spec.notes_id, "className"),
        *[Input(c.component_id, c.prop) for c in spec.controls],
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
        )

    @app.callback(
        Output(spec.content_id, "children", allow_duplicate=True),
        Output(spec.notes_id, "children", allow_duplicate=True),
        Output(spec.notes_id, "className", allow_duplicate=True),
        *[Output(c.component_id, c.prop, allow_duplicate=True) for c in spec.controls],
        Input(ids.URL, "search"),
        *[State(c.component_id, c.prop) for c in spec.controls],
        prevent_initial_call=True,
    )
    def on_url(search, *values):
        """Back/forward button: the URL changed under the page; show the view it names."""
        shown, in_url = states(values, search)
        if shown.values == in_url.values:
            raise PreventUpdate
        controls = []
        for control in spec.controls:
            value = in_url[control.param]
            controls.append(list(value) if isinstance(value, tuple) else value)
        return (safe_content(spec, in_url), *notes_of(in_url), *controls)


def query_of(spec_params: Sequence[Param], state: ViewState) -> dict[str, str]:
    """The URL query of a state (for download links that must match the view)."""
    return to_query(spec_params, state.values)
