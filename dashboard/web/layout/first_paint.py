"""Text before the JavaScript: the view, rendered into the served document.

Dash draws a page only after its scripts have run and the layout and the page's content
have come back from the server: on a phone that is seconds of an empty page. Here the
document carries the same components rendered to HTML on the server (`to_html`): the
frame, the title, the controls as they are set, the key figures, sentences, tables and
sources, and a box of the chart's height where each chart will be drawn. The live app
is built beside it, hidden; `assets/first-paint.js` removes the first paint in one step
once the app's page is there and its charts are drawn, so nothing moves.

Without JavaScript, the first paint is what a reader gets (links and tables work).
Markdown (the accessibility statement) is written with markdown-it-py, a CommonMark
implementation as dcc.Markdown's is, raw HTML escaped as dcc.Markdown escapes it.
Component types without an HTML form here leave the page without a first paint
(`Unsupported`), as before.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Mapping
from html import escape
from typing import Any

import dash
from dash.development.base_component import Component
from markdown_it import MarkdownIt

from dashboard.bounded import Recent
from dashboard.store import log_failure
from dashboard.web.outputs.links import image_url

log = logging.getLogger(__name__)

#: Dash Pages' container of the page's layout (filled by its router callback).
PAGES_CONTENT = "_pages_content"
#: The element the first paint is written into; the app's entry point follows it.
ELEMENT_ID = "slt-first-paint"
#: While the first paint is there, the app is built below it, hidden and out of the flow.
STYLE = (
    f"<style>#{ELEMENT_ID}~#react-entry-point{{position:absolute;top:0;left:0;right:0;"
    "visibility:hidden}}</style>"
)
VOID = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
#: html.* class names that are not their tag's name.
TAGS = {"MapEl": "map", "ObjectEl": "object"}
#: Dash props that are not HTML attributes.
SKIP = frozenset(
    {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key", "loading_state"}
)
#: React's camelCase props whose HTML names are not just lower case.
RENAME = {"className": "class", "htmlFor": "for"}
BOOLEAN = frozenset({"hidden", "disabled", "open", "checked", "readonly", "multiple", "required"})
#: assets/filters.js folds the filters on a narrow screen when it runs; the first paint's
#: filters are folded the same way right where they are parsed (a script just after
#: them), before anything below them exists to be moved.
FOLD = (
    '<script>(function(d){if(d&&window.matchMedia("(max-width: 700px)").matches)'
    '{d.open=false;d.setAttribute("data-folded","")}})'
    "(document.currentScript.previousElementSibling)</script>"
)
#: A figure without a height is drawn 450 px high by plotly.js.
PLOTLY_HEIGHT = 450


_CAMEL = re.compile(r"([A-Z])")


class Unsupported(Exception):
    """A component this module cannot write as HTML (the page gets no first paint)."""


def _css(style: Mapping[str, Any]) -> str:
    """React's style object as CSS: {"minHeight": "2rem"} -> "min-height:2rem"."""
    return ";".join(
        _CAMEL.sub(r"-\1", k).lower() + f":{v}" for k, v in style.items() if v is not None
    )


def _attributes(props: Mapping[str, Any]) -> str:
    out = []
    for name, value in props.items():
        if name in SKIP or value is None or value is False:
            continue
        html_name = RENAME.get(name, name if "-" in name else name.lower())
        if name == "style":
            if isinstance(value, Mapping) and value:
                out.append(f'style="{escape(_css(value))}"')
            continue
        if value is True or (html_name in BOOLEAN and value in ("", html_name)):
            out.append(html_name)
        elif isinstance(value, (str, int, float)):
            out.append(f'{html_name}="{escape(str(value))}"')
    return (" " + " ".join(out)) if out else ""


#: chart id -> the URL of its image in the view (None: no image without JavaScript).
Images = Callable[[str], str] | None


def _children(node: Any, slots: Mapping[str, Any], images: Images = None) -> str:
    if node is None or node is False:
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(_children(item, slots, images) for item in node)
    if isinstance(node, Component):
        return to_html(node, slots, images)
    return escape(str(node))


def _options(component: Component, kind: str) -> str:
    props = component.to_plotly_json()["props"]
    ident = str(props["id"])
    chosen = props.get("value")
    chosen = set(chosen) if isinstance(chosen, (list, tuple)) else {chosen}
    items = []
    for index, option in enumerate(props.get("options") or []):
        if not isinstance(option, Mapping):
            option = {"label": option, "value": option}
        on = option["value"] in chosen
        items.append(
            f'<label class="dash-options-list-option{" selected" if on else ""}" '
            f'data-option-index="{index}"><span class="dash-options-list-option-wrapper">'
            f'<input type="{kind}" name="{escape(ident)}" readonly class="'
            f'{escape(" ".join(c for c in ("dash-options-list-option-checkbox", props.get("inputClassName")) if c))}" '
            f'value="{escape(str(option["value"]))}"{" checked" if on else ""}></span>'
            f'<span class="{escape(" ".join(c for c in ("dash-options-list-option-text", props.get("labelClassName")) if c))}">'
            f"<span>{_children(option.get('label'), {})}</span></span></label>"
        )
    group = "dash-radioitems" if kind == "radio" else "dash-checklist"
    classes = " ".join(c for c in ("dash-options-list", group, props.get("className")) if c)
    return f'<div id="{escape(ident)}" class="{escape(classes)}">{"".join(items)}</div>'


def _input(component: Component) -> str:
    props = dict(component.to_plotly_json()["props"])
    ident = str(props.get("id", ""))
    classes = " ".join(
        c for c in ("dash-input-container dash-input", props.pop("className", "")) if c
    )
    field = {
        "id": ident,
        "class": "dash-input-element",
        "type": props.get("type", "text"),
        "inputmode": props.get("inputMode"),
        "autocomplete": "off",
        "min": props.get("min"),
        "max": props.get("max"),
        "step": props.get("step"),
        "value": props.get("value"),
    }
    steppers = ""
    if field["type"] == "number":
        steppers = "".join(
            f'<button type="button" class="dash-input-stepper dash-stepper-{what}" '
            f'aria-controls="{escape(ident)}">{sign}</button>'
            for what, sign in (("decrement", "−"), ("increment", "+"))
        )
    return f'<div class="{escape(classes)}"><input{_attributes(field)}>{steppers}</div>'


def _graph(component: Component, images: Images) -> str:
    """A box of the chart's height where the chart will be drawn; without JavaScript it
    shows the chart's image (drawn on the server, fetched only by a browser without
    scripts: it is in <noscript>). The summary under it is the image's description."""
    props = component.to_plotly_json()["props"]
    ident = str(props.get("id", ""))
    image = ""
    if images is not None and ident.startswith("graph-"):
        src = images(ident.removeprefix("graph-"))
        image = (
            f'<noscript><img src="{escape(src)}" alt="" '
            'style="width:100%;height:100%;object-fit:contain"></noscript>'
        )
    style = props.get("style") or {}
    height = style.get("height") or (
        f"{((props.get('figure') or {}).get('layout') or {}).get('height') or PLOTLY_HEIGHT}px"
    )
    classes = " ".join(c for c in ("dash-graph", props.get("className")) if c)
    return (
        f'<div class="{escape(classes)}" id="{escape(ident)}">'
        f'<div class="first-paint-chart" style="height:{escape(str(height))}">{image}</div></div>'
    )


def _markdown(component: Component) -> str:
    """dcc.Markdown as Dash draws it: a div (id, class, style) around the CommonMark HTML
    of its text; raw HTML in the text is escaped unless the component allows it."""
    props = component.to_plotly_json()["props"]
    children = props.get("children") or ""
    text = "\n".join(children) if isinstance(children, list | tuple) else str(children)
    parser = MarkdownIt("commonmark", {"html": bool(props.get("dangerously_allow_html"))})
    box = {k: props.get(k) for k in ("id", "className", "style")}
    return f"<div{_attributes(box)}>{parser.render(text)}</div>"


def to_html(
    component: Component, slots: Mapping[str, Any] | None = None, images: Images = None
) -> str:
    """A component tree as the HTML Dash's renderer makes of it (same tags, classes, ids).

    `slots` fills elements by id (the pages container gets the page's layout); `images`
    names a chart's image for readers without JavaScript.
    """
    slots = slots or {}
    namespace = type(component).__module__.split(".")[1]
    name = type(component).__name__
    if namespace == "html":
        props = component.to_plotly_json()["props"]
        tag = TAGS.get(name, name.lower())
        ident = props.get("id")
        children = (
            slots[ident] if isinstance(ident, str) and ident in slots else props.get("children")
        )
        if tag in VOID:
            return f"<{tag}{_attributes(props)}>"
        after = FOLD if tag == "details" and "controls" in str(props.get("className")) else ""
        return f"<{tag}{_attributes(props)}>{_children(children, slots, images)}</{tag}>{after}"
    if name in ("Location", "Store"):
        return ""
    if name == "Link":
        props = component.to_plotly_json()["props"]
        link = {k: props.get(k) for k in ("id", "className", "href", "title", "target")}
        return f"<a{_attributes(link)}>{_children(props.get('children'), slots, images)}</a>"
    if name == "RadioItems":
        return _options(component, "radio")
    if name == "Checklist":
        return _options(component, "checkbox")
    if name == "Input":
        return _input(component)
    if name == "Graph":
        return _graph(component, images)
    if name == "Markdown":
        return _markdown(component)
    raise Unsupported(f"{namespace}.{name}")


#: (path, lang, query) -> the app's frame for that view, and components by element id to
#: put into it (e.g. the navigation with the current page marked).
Frame = Callable[[str, str, Mapping[str, Any]], tuple[Component, dict[str, Any]]]


class FirstPaint:
    """Renders the first paint of a page view inside the app's frame; keeps the page
    layouts it computed so the router's callback for the same view does not compute it
    again."""

    def __init__(self, paths: Collection[str], frame: Frame, size: int = 32):
        self.paths = frozenset(paths)
        self.frame = frame
        self._kept: Recent[Any] = Recent(size)

    def keep_layouts(self, fingerprint: Callable[[], str]) -> None:
        """Wrap the pages' layout functions with a small LRU by (path, query, warehouse,
        site address): the document and the router's callback of one view share it."""
        for entry in dash.page_registry.values():
            if entry["path"] in self.paths and callable(entry["layout"]):
                entry["layout"] = self._kept_layout(entry["path"], entry["layout"], fingerprint)

    def _kept_layout(self, path: str, layout: Callable, fingerprint: Callable[[], str]):
        def kept(**query):
            try:
                identity = fingerprint()
            except Exception:  # outside an app context: nothing to key it by
                return layout(**query)
            key = (path, tuple(sorted((k, str(v)) for k, v in query.items())), identity)
            found = self._kept.get(key)
            if found is None:
                found = layout(**query)
                self._kept.put(key, found)
            return found

        return kept

    def render(self, path: str, query: Mapping[str, Any], lang: str) -> str:
        """The first paint of a view, or "" (unknown page, unsupported component, error)."""
        if path not in self.paths:
            return ""
        entry = next((e for e in dash.page_registry.values() if e["path"] == path), None)
        if entry is None:
            return ""
        try:
            page = entry["layout"](**query)
            frame, slots = self.frame(path, lang, query)
            view = {k: str(v) for k, v in query.items() if isinstance(v, str)}
            body = to_html(
                frame, {**slots, PAGES_CONTENT: page}, lambda chart: image_url(chart, view, "svg")
            )
        except Unsupported as exc:
            log.debug("no first paint for %s: %s", path, exc)
            return ""
        except Exception:  # the first paint never breaks a page: the app still loads
            log_failure(log, "first_paint_failed path=%s", path)
            return ""
        return f'<div id="{ELEMENT_ID}">{body}</div>'


def query_of(args) -> dict[str, Any]:
    """A request's query as Dash's pages router hands it to a layout (one value: a string)."""
    return {k: v[0] if len(v) == 1 else v for k, v in args.lists()}
