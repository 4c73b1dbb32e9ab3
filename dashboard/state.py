"""The view state that lives in the URL: parsing, validation, serialising.

A link or bookmark must reopen exactly the same view, so every control has a query
parameter. Anything a visitor (or a bot) can type into a URL ends up here: unknown or
malformed parameters fall back to their default with a polite note, never an error.
Pure functions, no Dash: pages, downloads and embeds share them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from dashboard import dimensions as dims
from dashboard.dimensions import kommune_name
from dashboard.words import STRINGS, t

MIN_YEAR = 2000
MAX_LEN = 200  # longer values are not parsed at all


def max_year() -> int:
    return dt.date.today().year


@dataclass(frozen=True)
class Param:
    """One URL parameter and the control that sets it, declared once.

    The parameter: its name, allowed values and default. The control (when `label` is
    set): its legend (a catalog key), the choices it offers (default: all), and how an
    option is named (default: the catalog's `choice.<name>.<code>`). A year parameter may
    accept one word besides a year (`sentinel`, e.g. "alle"); `years_of` names the
    measures whose years in the warehouse give its default and its options, so a newly
    imported year appears without a code change.
    """

    name: str
    #: The allowed values, or a function that reads them (e.g. every kommune the served
    #: warehouse knows); `resolved()` turns a function into its values for one view.
    choices: tuple[str, ...] | Callable[[], tuple[str, ...]] = ()
    default: str | tuple[str, ...] | int | Callable[[], str] | Callable[[], int] | None = None
    multi: bool = False  # several values allowed: ?kommune=baerum&kommune=oslo or baerum,oslo
    year: bool = False  # a year (fra/til)
    text: bool = False  # free text (a search), kept as typed up to MAX_LEN characters
    label: str = ""  # catalog key of the control's legend; "" = URL only, no control
    #: The choices the control shows (default: all), or a function that reads them.
    offered: tuple[str, ...] | Callable[[], tuple[str, ...]] | None = None
    option: Callable[[str, str], str] | None = None  # (code, lang) -> the option's name
    sentinel: str = ""  # year parameters: a word accepted besides a year
    years_of: tuple[str, ...] = ()  # measures whose years give the default / options
    #: When the control has no effect on the view (e.g. an offence group while persons are
    #: counted), it is disabled and `reason` (a catalog key) says why.
    applies: Callable[[Mapping[str, Any]], bool] | None = None
    reason: str = ""

    def resolved(self) -> Param:
        """This parameter with its choices and default read now (from the vocabulary)."""
        if not callable(self.choices) and not callable(self.default):
            return self
        return replace(
            self,
            choices=self.choices() if callable(self.choices) else self.choices,
            default=self.default() if callable(self.default) else self.default,
        )

    def applies_to(self, values: Mapping[str, Any]) -> bool:
        """Whether the control changes anything in the view `values` describe."""
        return self.applies is None or self.applies(values)

    def option_text(self, code: str, lang: str) -> str:
        """How the control names one choice."""
        if self.option is not None:
            return self.option(code, lang)
        key = f"choice.{self.name}.{code}"
        return t(key, lang) if key in STRINGS else code

    @property
    def allowed(self) -> tuple[str, ...]:
        """The allowed values (read now when they come from the vocabulary)."""
        return self.choices() if callable(self.choices) else self.choices

    @property
    def options(self) -> tuple[str, ...]:
        if self.offered is None:
            return self.allowed
        return self.offered() if callable(self.offered) else self.offered


LANG = Param("lang", ("nb", "en"), "nb")


def _first_kommune() -> str:
    return dims.kommuner()[0]


#: Any kommune the served warehouse knows (data/vocab); the first in its order by default.
#: Its control offers the SLT kommuner; every other one is a link away (/kommuner).
KOMMUNE = Param(
    "kommune",
    dims.kommuner,
    _first_kommune,
    label="filter.kommune",
    offered=dims.featured_kommuner,
    option=lambda code, lang: kommune_name(code, lang),
)


def years(
    years_of: tuple[str, ...] = (),
    *,
    fra: int = MIN_YEAR,
    til: int | Callable[[], int] = max_year,
) -> tuple[Param, Param]:
    """The from/to years of a time series. Their defaults are the span of the data for the
    chosen kommune (`years_of`: the measures whose years count), read from the warehouse;
    without any such data, every year the dashboard accepts (or `fra`/`til`)."""
    return (
        Param("fra", default=fra, year=True, label="filter.fra", years_of=years_of),
        Param("til", default=til, year=True, label="filter.til", years_of=years_of),
    )


@dataclass(frozen=True)
class ViewState:
    """Validated values (by parameter name) and the notes about what was ignored."""

    values: Mapping[str, Any]
    notes: tuple[str, ...] = ()

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def lang(self) -> str:
        return str(self.values.get("lang", "nb"))


def _first(raw: object) -> str:
    if isinstance(raw, (list, tuple)):
        return str(raw[0]) if raw else ""
    return "" if raw is None else str(raw)


def _many(raw: object) -> list[str]:
    items = raw if isinstance(raw, (list, tuple)) else [raw]
    out: list[str] = []
    for item in items:
        if item is None:
            continue
        out += [p.strip() for p in str(item).split(",") if p.strip()]
    return out


def parse(
    spec: Sequence[Param],
    query: Mapping[str, object] | None,
    lang_default: str = "nb",
    defaults: Mapping[str, Any] | None = None,
) -> ViewState:
    """Validate a query against `spec`; bad or unknown parameters -> default + a note.

    `defaults` overrides the declared defaults (e.g. the latest year in the warehouse).
    """
    spec = [p.resolved() for p in spec]
    if defaults:
        spec = [replace(p, default=defaults[p.name]) if p.name in defaults else p for p in spec]
    query = dict(query or {})
    lang_raw = _first(query.get("lang", "")).strip()
    lang = lang_raw if lang_raw in LANG.allowed else lang_default
    notes: list[str] = []
    if lang_raw and lang_raw not in LANG.allowed:
        notes.append(t("note.bad_value", lang, name="lang", value=_show(lang_raw), default=lang))
    values: dict[str, object] = {"lang": lang}
    names = {p.name for p in spec} | {"lang"}
    for key in sorted(query):
        if key not in names:
            notes.append(t("note.unknown_param", lang, name=_show(key)))
    for param in spec:
        if param.name == "lang":
            continue
        raw = query.get(param.name)
        value, note = _parse_one(param, raw, lang)
        values[param.name] = value
        if note:
            notes.append(note)
    fra, til = values.get("fra"), values.get("til")
    if isinstance(fra, int) and isinstance(til, int) and fra > til:
        values["fra"], values["til"] = til, fra
        notes.append(t("note.swapped_years", lang, fra=til, til=fra))
    return ViewState(values, tuple(notes))


def _readable(param: Param, code: object, lang: str) -> str:
    """A code as the reader knows it in a note (kommune names, not slugs)."""
    if param.name == "kommune" and code in dims.MUNICIPALITIES:
        return kommune_name(str(code), lang)
    return str(code)


def _show(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _parse_one(param: Param, raw: object, lang: str) -> tuple[object, str | None]:
    if raw is None or raw == "" or raw == []:
        return param.default, None
    if param.multi:
        items = _many(raw)
        good = [i for i in items if i in param.allowed]
        good = list(dict.fromkeys(good))  # de-duplicate, keep order
        bad = [i for i in items if i not in param.allowed]
        note = None
        if bad:
            note = t(
                "note.bad_value",
                lang,
                name=param.name,
                value=_show(", ".join(bad)),
                default=", ".join(
                    _readable(param, c, lang) for c in (good or _many(param.default))
                ),
            )
        return (tuple(good) if good else param.default), note
    text = _first(raw).strip()
    if len(text) > MAX_LEN:
        text = text[:MAX_LEN]
    if param.text:
        return "".join(c for c in text if c.isprintable()), None
    if param.year and param.sentinel and text == param.sentinel:
        return text, None
    if param.year:
        # ASCII digits only: str.isdigit() also accepts "²⁰²⁰", which int() refuses.
        if (
            len(text) == 4
            and text.isascii()
            and text.isdigit()
            and MIN_YEAR <= int(text) <= max_year()
        ):
            return int(text), None
        return param.default, t(
            "note.bad_year",
            lang,
            name=param.name,
            value=_show(text),
            default=param.default,
            lo=MIN_YEAR,
            hi=max_year(),
        )
    if text in param.allowed:
        return text, None
    return param.default, t(
        "note.bad_value",
        lang,
        name=param.name,
        value=_show(text),
        default=_readable(param, param.default, lang),
    )


def to_query(spec: Sequence[Param], values: Mapping[str, object]) -> dict[str, str]:
    """The full view state as query parameters (every control, so bookmarks are exact)."""
    out: dict[str, str] = {}
    for param in (p.resolved() for p in spec):
        value = values.get(param.name, param.default)
        if value is None:
            continue
        if param.multi:
            out[param.name] = ",".join(value)  # type: ignore[arg-type]
        else:
            out[param.name] = str(value)
    lang = values.get("lang", "nb")
    if lang != "nb":
        out["lang"] = str(lang)
    return out


def to_search(spec: Sequence[Param], values: Mapping[str, object]) -> str:
    """`?a=b&…` for a dcc.Location `search` (commas kept readable)."""
    query = to_query(spec, values)
    return "?" + urlencode(query, safe=",") if query else ""
