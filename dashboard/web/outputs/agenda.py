"""A meeting's agenda in the URL: which views Møtemodus shows, in order.

An agenda is a list of views (page path, its full query, chart id; an empty chart id on
the overview means its key figures). It lives in the URL only (`/mote?agenda=…`), so it
can be mailed, bookmarked and reopened without accounts or server state. The encoding is
base64url of a small JSON list, so the browser (assets/mote.js) and the server read and
write the same text; the server trusts nothing in it (see `decode`).

This module is imported by `components.chart_card` for its "Legg til i møtet" button, so
it imports nothing from the rest of the web layer.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from dash import html

from dashboard.web.outputs.links import MOTE_PATH
from dashboard.words import t

#: The Møtemodus page, and the id of its link in the shell's footer.
PATH = MOTE_PATH
SHELL_LINK = "mote-shell-link"
#: At most this many slides, and this many characters of encoded agenda, are read.
MAX_ITEMS = 40
MAX_ENCODED = 8000
#: Query values longer than this are not views of this site.
MAX_VALUE = 200


@dataclass(frozen=True)
class AgendaItem:
    """One view: the page path, its query (name -> value) and the chart ('' = key figures)."""

    path: str
    query: dict[str, str] = field(default_factory=dict)
    chart: str = ""

    def href(self) -> str:
        """The view's own URL (path + query), as a visitor would open it."""
        search = urlencode(self.query, safe=",")
        return self.path + (f"?{search}" if search else "")


class AgendaError(ValueError):
    """The agenda text in a URL could not be read (the caller shows a polite note)."""


def encode(items: list[AgendaItem]) -> str:
    """The agenda as URL-safe text (base64url of JSON, without padding)."""
    payload = [[i.path, i.query, i.chart] for i in items]
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode(text: str) -> list[AgendaItem]:
    """Read an agenda; anything malformed raises `AgendaError` (never anything else).

    Only the shape is checked here (paths, short string values); whether a path is a page
    and a chart is on it is the Møtemodus page's job, which knows the pages.
    """
    text = (text or "").strip()
    if not text:
        return []
    if len(text) > MAX_ENCODED:
        raise AgendaError("too long")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        payload = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise AgendaError("not an agenda") from exc  # RecursionError: JSON nested too deep
    if not isinstance(payload, list) or not payload:
        raise AgendaError("not a list of views")
    if len(payload) > MAX_ITEMS:
        raise AgendaError("too many views")
    items = []
    for entry in payload:
        if not (isinstance(entry, list) and len(entry) == 3):
            raise AgendaError("a view is not [path, query, chart]")
        path, query, chart = entry
        if not (isinstance(path, str) and is_site_path(path)):
            raise AgendaError("bad path")
        if not isinstance(chart, str) or len(chart) > MAX_VALUE:
            raise AgendaError("bad chart")
        if not isinstance(query, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and len(k) + len(v) <= MAX_VALUE
            for k, v in query.items()
        ):
            raise AgendaError("bad query")
        items.append(AgendaItem(path, dict(query), chart))
    return items


def moved(items: list[AgendaItem], index: int, step: int) -> list[AgendaItem]:
    """The agenda with item `index` moved `step` places (clamped to the ends)."""
    out = list(items)
    target = max(0, min(len(out) - 1, index + step))
    out.insert(target, out.pop(index))
    return out


def removed(items: list[AgendaItem], index: int) -> list[AgendaItem]:
    """The agenda without item `index`."""
    return [item for i, item in enumerate(items) if i != index]


def mote_href(items: list[AgendaItem], lang: str, slide: int = 0) -> str:
    """The Møtemodus URL of an agenda (empty agenda: the default sequence)."""
    query: dict[str, str] = {}
    if items:
        query["agenda"] = encode(items)
    if slide:
        query["lysbilde"] = str(slide)
    if lang != "nb":
        query["lang"] = lang
    return PATH + (f"?{urlencode(query)}" if query else "")


def add_button(chart_id: str, query: dict[str, str], lang: str) -> html.Div:
    """'Legg til i møtet' for a chart card: assets/mote.js adds the view to the agenda.

    The view is the page the card is on (read by the script from the address bar), the
    card's full query and its chart. The status line says what happened and links to
    the meeting built so far.
    """
    status_id = f"mote-add-status-{chart_id}"
    data: dict[str, Any] = {  # hyphenated attributes (components.attrs would be a cycle)
        "data-chart": chart_id,
        "data-query": urlencode(query, safe=","),
        "data-status": status_id,
        "data-added": t("mote.added", lang),
        "data-open": t("mote.open_agenda", lang),
    }
    return html.Div(
        [
            html.Button(t("mote.add", lang), type="button", className="mote-add", **data),
            html.Span(id=status_id, className="mote-add-status", role="status"),
        ],
        className="mote-add-row",
    )


def is_site_path(path: str) -> bool:
    """A path on this site: starts with one slash, plain characters, no scheme or host."""
    return (
        path.startswith("/")
        and not path.startswith("//")
        and len(path) <= MAX_VALUE
        and all(c.isalnum() or c in "/-_." for c in path)
    )
