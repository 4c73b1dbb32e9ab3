"""How every open-data answer is sent: language, errors, CORS, caching.

- Language: `?lang=nb|en`, else the request's `Accept-Language` (Norwegian in any form
  is bokmål), else the site's default; answers that used the header say `Vary`.
- Errors are RFC 9457 problem details (`application/problem+json`) in that language:
  `type`, `title`, `status`, `detail`, `instance`, and for a bad parameter `errors`
  (one entry per parameter: name, value, reason, what is allowed). Never a traceback.
- Every GET answer may be read by any site (`Access-Control-Allow-Origin: *`), is
  cacheable for five minutes, and carries an `ETag` keyed by the warehouse file and the
  URL; `If-None-Match` with that tag answers 304 without computing the body.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import flask

from dashboard.web.outputs.api.problems import Problem, problem_type
from dashboard.web.serving.context import context, default_language, site_root
from dashboard.words import t
from dashboard.words.catalog import LANGS

PROBLEM_TYPE = "application/problem+json"
JSON_TYPE = "application/json"
#: Caches may keep an answer this long; the ETag lets them revalidate cheaply after.
CACHE_CONTROL = "public, max-age=300"
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Link, Content-Language",
    "Access-Control-Max-Age": "86400",
}


def request_lang() -> tuple[str, bool]:
    """(language, whether it came from Accept-Language): the `lang` parameter wins."""
    asked = flask.request.args.get("lang", "")
    if asked in LANGS:
        return asked, False
    header = flask.request.accept_languages
    if header:
        best = header.best_match(["nb", "no", "nn", "en"])
        if best is not None:
            return ("en" if best == "en" else "nb"), True
    return default_language(), False


def lang() -> str:
    return request_lang()[0]


def dumps(body: object) -> str:
    """Compact, stable JSON (keys in the order written, UTF-8 kept readable)."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def problem_body(problem: Problem, language: str) -> dict[str, Any]:
    """RFC 9457 problem details for `problem`, in `language`."""
    out: dict[str, Any] = {
        "type": site_root() + problem_type(problem.key),
        "title": t(f"api.problem.{problem.key}.title", language),
        "status": problem.status,
        "detail": t(f"api.problem.{problem.key}.detail", language, **problem.params),
        "instance": flask.request.full_path.rstrip("?"),
    }
    if problem.errors:
        out["errors"] = problem.errors
    return out


def problem_response(problem: Problem) -> flask.Response:
    language, from_header = request_lang()
    response = flask.Response(dumps(problem_body(problem, language)), status=problem.status)
    response.headers["Content-Type"] = PROBLEM_TYPE
    response.headers["Content-Language"] = language
    response.headers["Cache-Control"] = "no-store"
    if from_header:
        response.vary.add("Accept-Language")
    return _cors(response)


def _cors(response: flask.Response) -> flask.Response:
    for key, value in CORS.items():
        response.headers.setdefault(key, value)
    return response


def etag_of(extra: Iterable[str] = ()) -> str:
    """The answer's tag: the warehouse file this request reads, the URL, the language."""
    parts = [
        context().store.fingerprint,
        flask.request.path,
        flask.request.query_string.decode("latin-1"),
        lang(),
        *extra,
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def answer(
    build: Callable[[], tuple[str | bytes, str]],
    *,
    cache: str = CACHE_CONTROL,
    headers: Mapping[str, str] | None = None,
) -> flask.Response:
    """A cacheable GET answer: 304 when the client has this tag, else `build()` ->
    (body, content type); problems raised while building become problem JSON."""
    language, from_header = request_lang()
    tag = etag_of()
    if flask.request.if_none_match.contains_weak(tag):
        response = flask.Response(status=304)
    else:
        try:
            body, content_type = build()
        except Problem as problem:
            return problem_response(problem)
        response = flask.Response(body)
        response.headers["Content-Type"] = content_type
    response.set_etag(tag, weak=True)
    response.headers["Cache-Control"] = cache
    response.headers["Content-Language"] = language
    for key, value in (headers or {}).items():
        response.headers[key] = value
    if from_header:
        response.vary.add("Accept-Language")
    return _cors(response)


def preflight() -> flask.Response:
    """The answer to a CORS preflight (OPTIONS) on any open-data path."""
    response = flask.Response(status=204)
    response.headers["Allow"] = "GET, HEAD, OPTIONS"
    return _cors(response)
