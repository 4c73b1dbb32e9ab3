"""The open-data endpoints' query parameters, declared once: validation and OpenAPI.

A parameter says what it takes (codes from a warehouse code list, years, one choice, a
whole number); `validate` checks a request against a list of them and raises one
problem listing every parameter that is wrong, with what is allowed — an unknown name
is wrong too (a typo must not silently widen an answer). `schema` gives the same rule
as an OpenAPI parameter, so the description cannot drift from the checks.

Several values: repeated (`?kommune=baerum&kommune=oslo`) or comma-separated
(`?kommune=baerum,oslo`), as on the pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from werkzeug.datastructures import MultiDict

from dashboard.dataformat import FIRST_YEAR
from dashboard.state import MIN_YEAR, Param, max_year
from dashboard.web.outputs.api.problems import Problem, bad_parameter
from dashboard.words import t

Kind = Literal["codes", "years", "year", "choice", "int", "text"]
MAX_VALUE = 200  # characters: longer values are refused, not parsed
MAX_ITEMS = 100  # codes in one parameter


@dataclass(frozen=True)
class ApiParam:
    """One query parameter: its name, what it takes, and its default."""

    name: str
    kind: Kind
    codelist: str = ""  # kind "codes": the code list (queries/api_codelists.sql `list`)
    choices: tuple[str, ...] = ()  # kind "choice"
    default: Any = None
    minimum: int = 1  # kind "int"
    maximum: int = 0  # kind "int"
    required: bool = False

    def description(self, lang: str) -> str:
        return t(f"api.param.{self.name}", lang)

    def schema(self, codes: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        """This parameter as an OpenAPI 3.1 Parameter Object (the same rule as `check`)."""
        years = {"type": "integer", "minimum": FIRST_YEAR, "maximum": max_year()}
        if self.kind == "codes":
            item: dict[str, Any] = {"type": "string", "enum": list(codes.get(self.codelist, ()))}
            schema: dict[str, Any] = {
                "type": "array",
                "items": item,
                "minItems": 1,
                "maxItems": MAX_ITEMS,
            }
        elif self.kind == "years":
            schema = {"type": "array", "items": years, "minItems": 1, "maxItems": MAX_ITEMS}
        elif self.kind == "year":
            schema = dict(years)
        elif self.kind == "choice":
            schema = {"type": "string", "enum": list(self.choices)}
        elif self.kind == "int":
            schema = {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}
        else:
            schema = {"type": "string", "minLength": 1, "maxLength": MAX_VALUE}
        if self.default is not None:
            schema["default"] = self.default
        out: dict[str, Any] = {
            "name": self.name,
            "in": "query",
            "required": self.required,
            "schema": schema,
        }
        if schema["type"] == "array":
            out.update(style="form", explode=False)
        return out


LANG_PARAM = ApiParam("lang", "choice", choices=("nb", "en"))


def _items(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _year(text: str) -> int | None:
    if len(text) == 4 and text.isascii() and text.isdigit():
        year = int(text)
        if FIRST_YEAR <= year <= max_year():
            return year
    return None


def check(
    param: ApiParam, values: list[str], codes: Mapping[str, Sequence[str]], lang: str
) -> tuple[Any, dict | None]:
    """(the parsed value, None) or (None, what is wrong) for one parameter's raw values."""
    name = param.name
    if param.kind in ("codes", "years"):
        listed = _items(values)
        items = list(dict.fromkeys(listed))
        long = [i for i in items if len(i) > MAX_VALUE]
        if long:
            return None, bad_parameter(name, long[0][:40] + "…", t("api.reason.too_long", lang))
        if not items:
            return None, bad_parameter(name, ",".join(values), t("api.reason.empty", lang))
        if len(listed) > MAX_ITEMS:
            return None, bad_parameter(
                name, len(listed), t("api.reason.too_many", lang, n=MAX_ITEMS)
            )
        if param.kind == "years":
            years = [_year(i) for i in items]
            bad = [i for i, y in zip(items, years, strict=True) if y is None]
            if bad:
                return None, bad_parameter(
                    name,
                    ",".join(bad),
                    t("api.reason.year", lang, lo=FIRST_YEAR, hi=max_year()),
                )
            return years, None
        allowed = list(codes.get(param.codelist, ()))
        known = set(allowed)
        unknown = [i for i in items if i not in known]
        if unknown:
            return None, bad_parameter(
                name, ",".join(unknown), t("api.reason.unknown_code", lang), allowed
            )
        return items, None
    if any(len(v) > MAX_VALUE for v in values):
        return None, bad_parameter(name, values[0][:40] + "…", t("api.reason.too_long", lang))
    if len(values) > 1:
        return None, bad_parameter(name, values, t("api.reason.once", lang))
    text = values[0].strip()
    if param.kind == "year":
        year = _year(text)
        if year is None:
            return None, bad_parameter(
                name, text, t("api.reason.year", lang, lo=FIRST_YEAR, hi=max_year())
            )
        return year, None
    if param.kind == "choice":
        if text not in param.choices:
            return None, bad_parameter(
                name, text, t("api.reason.choice", lang), list(param.choices)
            )
        return text, None
    if param.kind == "int":
        number = int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None
        if number is None or not param.minimum <= number <= param.maximum:
            return None, bad_parameter(
                name,
                text,
                t("api.reason.int", lang, lo=param.minimum, hi=param.maximum),
            )
        return number, None
    if not text:
        return None, bad_parameter(name, text, t("api.reason.empty", lang))
    return text, None


def validate(
    args: MultiDict,
    params: Sequence[ApiParam],
    codes: Mapping[str, Sequence[str]],
    lang: str,
) -> dict[str, Any]:
    """Every parameter's value (defaults filled in), or a 400 problem listing each fault."""
    declared = {p.name: p for p in (*params, LANG_PARAM)}
    errors = [
        bad_parameter(name, None, t("api.reason.unknown_param", lang), sorted(declared))
        for name in sorted(set(args.keys()) - declared.keys())
    ]
    values: dict[str, Any] = {}
    for param in declared.values():
        raw = args.getlist(param.name)
        if not raw:
            if param.required:
                errors.append(bad_parameter(param.name, None, t("api.reason.required", lang)))
            values[param.name] = param.default
            continue
        value, error = check(param, raw, codes, lang)
        if error:
            errors.append(error)
        values[param.name] = value
    if errors:
        raise Problem(400, "bad_parameters", {"n": len(errors)}, errors)
    return values


def codes_param(name: str, codelist: str) -> ApiParam:
    return ApiParam(name, "codes", codelist=codelist)


#: The facts endpoint's filters (`/api/v1/fakta`, `.csv`, `.jsonstat`) and its paging.
PAGE_SIZE = 1000
MAX_PAGE_SIZE = 10_000
FACT_PARAMS = (
    codes_param("kommune", "kommune"),
    codes_param("maal", "maal"),
    ApiParam("aar", "years"),
    ApiParam("fra", "year"),
    ApiParam("til", "year"),
    codes_param("periode", "periode"),
    codes_param("alder", "alder"),
    codes_param("kjonn", "kjonn"),
    codes_param("lovbrudd", "lovbrudd"),
    codes_param("sted", "sted"),
    codes_param("kilde", "kilde"),
    ApiParam("utgaver", "choice", choices=("gjeldende", "alle"), default="gjeldende"),
    ApiParam("side", "int", default=1, minimum=1, maximum=1_000_000),
    ApiParam("per_side", "int", default=PAGE_SIZE, minimum=1, maximum=MAX_PAGE_SIZE),
)
#: What changed (`/endringer.atom`, `/api/v1/endringer`): for some areas, or all.
CHANGE_PARAMS = (codes_param("kommune", "kommune"),)
#: oEmbed (https://oembed.com/ §2.2): the URL to embed and the consumer's limits.
OEMBED_PARAMS = (
    ApiParam("url", "text", required=True),
    ApiParam("maxwidth", "int", minimum=1, maximum=100_000),
    ApiParam("maxheight", "int", minimum=1, maximum=100_000),
    ApiParam("format", "choice", choices=("json", "xml"), default="json"),
)


# ---------------------------------------------------------------- a chart's view (pages)


def view_schema(param: Param, lang: str) -> dict[str, Any]:
    """A page parameter (`state.Param`) as an OpenAPI parameter: the rule `view_errors`
    applies, which is the pages' rule made strict (the pages fall back with a note).
    Choices read from the vocabulary (every kommune the warehouse knows) are read now."""
    param = param.resolved()
    years = {"type": "integer", "minimum": MIN_YEAR, "maximum": max_year()}
    schema: dict[str, Any]
    if param.multi:
        schema = {
            "type": "array",
            "items": {"type": "string", "enum": list(param.allowed)},
            "minItems": 1,
        }
    elif param.year and param.sentinel:
        schema = {"anyOf": [years, {"type": "string", "enum": [param.sentinel]}]}
    elif param.year:
        schema = dict(years)
    else:
        schema = {"type": "string", "enum": list(param.allowed)}
    out: dict[str, Any] = {"name": param.name, "in": "query", "required": False, "schema": schema}
    if param.label:
        out["description"] = t(param.label, lang)
    if param.multi:
        out.update(style="form", explode=False)
    return out


def view_errors(params: Sequence[Param], args: MultiDict, lang: str) -> list[dict]:
    """What is wrong with a chart view's query, strictly: unknown names, unknown codes,
    years that are not years. (The pages accept the same query with a note instead.)"""
    declared = {p.name: p.resolved() for p in params}
    declared.setdefault("lang", Param("lang", ("nb", "en"), "nb"))
    errors = [
        bad_parameter(name, None, t("api.reason.unknown_param", lang), sorted(declared))
        for name in sorted(set(args.keys()) - declared.keys())
    ]
    for param in declared.values():
        raw = args.getlist(param.name)
        if not raw:
            continue
        if any(len(v) > MAX_VALUE for v in raw):
            errors.append(
                bad_parameter(param.name, raw[0][:40] + "…", t("api.reason.too_long", lang))
            )
            continue
        if param.multi:
            items = _items(raw)
            unknown = [i for i in items if i not in param.allowed]
            if unknown or not items:
                errors.append(
                    bad_parameter(
                        param.name,
                        ",".join(unknown),
                        t("api.reason.unknown_code", lang),
                        list(param.allowed),
                    )
                )
            continue
        if len(raw) > 1:
            errors.append(bad_parameter(param.name, raw, t("api.reason.once", lang)))
            continue
        text = raw[0].strip()
        if param.year:
            good = (param.sentinel and text == param.sentinel) or (
                len(text) == 4
                and text.isascii()
                and text.isdigit()
                and MIN_YEAR <= int(text) <= max_year()
            )
            if not good:
                errors.append(
                    bad_parameter(
                        param.name, text, t("api.reason.year", lang, lo=MIN_YEAR, hi=max_year())
                    )
                )
        elif text not in param.allowed:
            errors.append(
                bad_parameter(param.name, text, t("api.reason.choice", lang), list(param.allowed))
            )
    return errors
