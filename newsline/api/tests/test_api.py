import json

import pytest
from django.urls import reverse

from newsline.events.models import Review

from .factories import make_actor, make_event, make_place

pytestmark = pytest.mark.django_db

DESIGN_KEYS = {
    "id",
    "date",
    "date_end",
    "precision",
    "type",
    "status",
    "title_ar",
    "title_en",
    "actors",
    "place",
    "confidence",
    "sources",
}


def get_json(client, url, expect=200, **params):
    response = client.get(url, params)
    assert response.status_code == expect, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_event_json_has_exactly_the_design_fields(client):
    lavrov = make_actor("Sergey Lavrov", name_ar="سيرجي لافروف", kind="person")
    geneva = make_place("Geneva", name_ar="جنيف")
    event = make_event(actors=[lavrov], place=geneva, sources=2)

    data = get_json(client, reverse("api:event", args=[event.pk]))

    assert set(data) == DESIGN_KEYS
    assert data["id"] == str(event.pk)
    assert data["date"] == "2016-09-08"
    assert data["date_end"] is None
    assert data["actors"] == [
        {"name": "Sergey Lavrov", "name_ar": "سيرجي لافروف", "kind": "person"}
    ]
    assert data["place"] == {"name": "Geneva", "name_ar": "جنيف"}
    assert len(data["sources"]) == 2
    source = data["sources"][0]
    assert set(source) == {"origin", "url", "quote", "start", "end"}


def test_evidence_offsets_index_into_the_article_body(client):
    event = make_event(quote="اتفق الوزيران على هدنة.")
    source = get_json(client, reverse("api:event", args=[event.pk]))["sources"][0]
    body = event.mentions.get().article.body
    assert body[source["start"] : source["end"]] == source["quote"]


@pytest.mark.parametrize(
    "fields",
    [{"review": Review.PROPOSED}, {"review": Review.REJECTED}],
)
def test_unapproved_events_are_not_served(client, fields):
    hidden = make_event(**fields)
    get_json(client, reverse("api:event", args=[hidden.pk]), expect=404)
    assert get_json(client, reverse("api:events"))["count"] == 0


def test_merged_away_events_are_not_served(client):
    survivor = make_event()
    merged = make_event(merged_into=survivor)
    get_json(client, reverse("api:event", args=[merged.pk]), expect=404)
    ids = [e["id"] for e in get_json(client, reverse("api:events"))["events"]]
    assert ids == [str(survivor.pk)]


def test_events_are_filtered_like_the_page(client):
    from datetime import date

    kerry = make_actor("John Kerry", slug="john-kerry")
    lavrov = make_actor("Sergey Lavrov", slug="sergey-lavrov")
    vienna = make_place("Vienna", slug="vienna")
    both = make_event(actors=[kerry, lavrov], date=date(2015, 10, 30), place=vienna)
    make_event(actors=[kerry], date=date(2016, 2, 12), type="agreement")
    make_event(actors=[lavrov], date=date(2016, 9, 9), type="call", status="planned")

    def ids(**params):
        return [int(e["id"]) for e in get_json(client, reverse("api:events"), **params)["events"]]

    assert len(ids(actor="john-kerry")) == 2
    assert ids(actor="john-kerry", type="meeting") == [both.pk]
    assert ids(place="vienna") == [both.pk]
    assert len(ids(start="2016-01-01")) == 2
    assert ids(end="2015-12-31") == [both.pk]
    assert len(ids(type="agreement")) == 1
    assert len(ids(status="planned")) == 1
    assert len(ids(min_sources=2)) == 0
    assert ids(actor="nobody") == [] and ids(place="atlantis", type="meeting") == []
    assert ids(q="Geneva", start="2015-10-01", end="2015-10-31") == [both.pk]


@pytest.mark.parametrize(
    "params",
    [{"start": "yesterday"}, {"type": "picnic"}, {"min_sources": "0"}],
)
def test_invalid_filters_are_a_400_with_field_errors(client, params):
    data = get_json(client, reverse("api:events"), expect=400, **params)
    assert data["error"] == "invalid filters"
    assert data["fields"]


def test_pagination_links_keep_the_filters(client):
    for _ in range(5):
        make_event()
    first = get_json(client, reverse("api:events"), page_size=2, type="meeting")
    assert first["count"] == 5 and first["pages"] == 3 and first["previous"] is None
    assert "type=meeting" in first["next"] and "page=2" in first["next"]
    last = client.get(first["next"].replace("page=2", "page=3")).json()
    assert len(last["events"]) == 1 and last["next"] is None
    get_json(client, reverse("api:events"), expect=404, page=4, page_size=2)
    get_json(client, reverse("api:events"), expect=400, page_size=0)
    get_json(client, reverse("api:events"), expect=400, page="x")


def test_list_query_count_does_not_grow_with_events(client, django_assert_num_queries):
    actors = [make_actor() for _ in range(3)]
    for _ in range(20):
        make_event(actors=actors, place=make_place(), sources=2)
    # count + events (with place) + actors + mentions (with articles, publishers)
    with django_assert_num_queries(4):
        data = client.get(reverse("api:events")).json()
    assert len(data["events"]) == 20


def test_actors_and_places_list_only_those_with_public_events(client):
    seen = make_actor("John Kerry")
    unseen = make_actor("Nobody Public")
    place = make_place("Geneva")
    make_event(actors=[seen], place=place)
    make_event(actors=[seen, unseen], review=Review.PROPOSED)

    actors = get_json(client, reverse("api:actors"))["actors"]
    assert [(a["name"], a["events"]) for a in actors] == [("John Kerry", 1)]
    places = get_json(client, reverse("api:places"))["places"]
    assert [(p["name"], p["events"]) for p in places] == [("Geneva", 1)]


def test_actor_and_place_counts_follow_approvals_and_renames_at_once(client):
    # The counts are cached until the data changes: an approval shows in the next
    # answer, and so does a renamed actor (names are never cached).
    kerry = make_actor("John Kerry")
    place = make_place("Geneva")
    make_event(actors=[kerry], place=place)
    waiting = make_event(actors=[kerry], place=place, review=Review.PROPOSED)
    assert get_json(client, reverse("api:actors"))["actors"][0]["events"] == 1
    waiting.review = Review.APPROVED
    waiting.save()
    assert get_json(client, reverse("api:actors"))["actors"][0]["events"] == 2
    assert get_json(client, reverse("api:places"))["places"][0]["events"] == 2
    kerry.name = "John F. Kerry"
    kerry.save()
    assert get_json(client, reverse("api:actors"))["actors"][0]["name"] == "John F. Kerry"


def test_api_is_readable_cross_origin_and_read_only(client):
    response = client.get(reverse("api:events"))
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post(reverse("api:events")).status_code == 405


def test_schema_is_openapi_and_documents_every_route(client):
    data = get_json(client, reverse("api:schema"))
    assert data["openapi"].startswith("3.1")
    assert set(data["paths"]) == {"/api/events", "/api/events/{id}", "/api/actors", "/api/places"}
    event_schema = data["components"]["schemas"]["Event"]
    assert set(event_schema["required"]) == DESIGN_KEYS


def test_api_output_validates_against_its_own_schema(client):
    import jsonschema

    schema = json.loads(client.get(reverse("api:schema")).content)
    make_event(actors=[make_actor()], place=make_place(), sources=2)
    page = client.get(reverse("api:events")).json()
    resolver_doc = {"components": schema["components"]}
    validator = jsonschema.Draft202012Validator(
        {"$ref": "#/components/schemas/EventPage", **resolver_doc}
    )
    validator.validate(page)
