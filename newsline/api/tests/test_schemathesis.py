"""Property-based tests of the JSON API against a running server, from its OpenAPI schema.

Schemathesis generates requests from /api/schema (valid ones, then invalid ones) and
checks every response: never a 5xx, and valid requests get responses that conform to the
documented status codes, content types and schemas. Few examples per operation keep the
run well under a minute.
"""

from datetime import date

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode

from .factories import make_actor, make_event, make_place
from .hostile import make_hostile_event

NO_PARAMETERS = {"/api/actors", "/api/places"}
EXAMPLES = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 15}


@pytest.fixture
def api_schema(live_server, transactional_db):
    kerry = make_actor("John Kerry")
    geneva = make_place("Geneva")
    make_event(actors=[kerry], place=geneva, sources=2, date_end=date(2016, 9, 9))
    make_event(type="call", status="planned", precision="month")
    make_hostile_event()
    return schemathesis.openapi.from_url(f"{live_server.url}/api/schema")


@pytest.mark.parametrize("mode", list(EXAMPLES))
def test_api_never_answers_5xx_and_matches_its_schema(api_schema, live_server, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} == {
        "/api/events",
        "/api/events/{id}",
        "/api/actors",
        "/api/places",
    }
    for operation in operations:
        if mode is GenerationMode.NEGATIVE and operation.path in NO_PARAMETERS:
            continue  # nothing to make invalid

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=EXAMPLES[mode],
            deadline=None,
            database=None,
            derandomize=True,  # the same examples on every run: CI cannot flake
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            if mode is GenerationMode.POSITIVE:
                case.call_and_validate(base_url=live_server.url)
            else:
                # Invalid input may be rejected (4xx) or ignored; it must never crash.
                case.call_and_validate(base_url=live_server.url, checks=[not_a_server_error])

        check()
