"""The OpenAPI 3.1 description: valid by openapi-spec-validator, true of the API by
schemathesis (property-based, in-process against the Flask app: no 5xx, every answer
in its declared status, content type and schema), and every example call works.

The number of generated requests per operation follows the hypothesis profiles in
tests/conftest.py (`api-dev` locally, `api-ci` in CI).
"""

from __future__ import annotations

import copy

import pytest
import schemathesis
from hypothesis import given, settings
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from schemathesis import GenerationMode

from dashboard.charts.listing import REGISTRY
from tests.conftest import API_PROFILE


@pytest.fixture(scope="module")
def description(app) -> dict:
    response = app.server.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_the_description_is_valid_openapi_3_1(description):
    assert description["openapi"] == "3.1.0"
    # Raises on any violation of the OpenAPI 3.1 schema and its rules.
    validate(description, cls=OpenAPIV31SpecValidator)
    # The check can fail: a parameter without its required "in" is refused.
    broken = copy.deepcopy(description)
    del broken["paths"]["/api/v1/fakta"]["get"]["parameters"][0]["in"]
    with pytest.raises(OpenAPIValidationError):
        validate(broken, cls=OpenAPIV31SpecValidator)


def test_the_description_lists_every_endpoint_and_every_chart(description):
    paths = description["paths"]
    for path in (
        "/api/v1/fakta",
        "/api/v1/fakta.csv",
        "/api/v1/fakta.jsonstat",
        "/api/v1/kodelister",
        "/api/v1/kilder",
        "/api/v1/kommuner",
        "/endringer.atom",
        "/katalog.ttl",
    ):
        assert path in paths
    assert {p.removeprefix("/api/v1/figurer/") for p in paths if "/figurer/" in p} == set(REGISTRY)
    kommune = next(p for p in paths["/api/v1/fakta"]["get"]["parameters"] if p["name"] == "kommune")
    assert "baerum" in kommune["schema"]["items"]["enum"]  # codes read from the warehouse


def test_every_example_call_answers(client, description):
    for path, item in description["paths"].items():
        example = item["get"]["x-slt-example"]
        response = client.get(example)
        assert response.status_code == 200, (path, example, response.get_data(as_text=True)[:300])


def test_the_description_follows_the_language(client):
    en = client.get("/api/v1/openapi.json?lang=en").get_json()
    nb = client.get("/api/v1/openapi.json").get_json()
    assert (
        en["info"]["title"] == "SLT statistics API" and nb["info"]["title"] == "SLT-statistikk API"
    )


def operations(app) -> list:
    """Every operation of the description, loaded through the app itself (WSGI)."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app.server)
    return [result.ok() for result in schema.get_all_operations()]


def run_operation(operation, mode: GenerationMode) -> None:
    """Generated requests for one operation; each answer checked against the description."""

    @settings(settings.get_profile(API_PROFILE))
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        # The in-process (WSGI) transport does not undo Content-Encoding; ask for none.
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    check()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_what_its_description_promises(app, mode):
    """No 5xx, and every answer is one the description declares (status, content type,
    headers, body schema); valid input is accepted (positive) and input that breaks the
    description is refused with a 4xx (negative). One property test per operation.

    (schemathesis's own `from_fixture` parametrisation does not run on pytest 9 yet —
    it sets `node._nodeid` — so the operations are walked here, each with `@given`.)
    """
    failed = []
    for operation in operations(app):
        try:
            run_operation(operation, mode)
        except (Exception, BaseExceptionGroup) as exc:  # every operation's failure, then all
            failed.append(f"{operation.label}: {type(exc).__name__}: {str(exc)[:1500]}")
    assert failed == []
