"""What curation means for readers: anonymous visitors never see proposed or rejected
events anywhere (pages, API, exports, feed, permalinks: 404), and the permalink of an
event a curator merged away redirects to the survivor."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from newsline.events.models import Review

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_admin(settings):
    """Public pages in their real default language (Arabic at /, English at /en/)."""
    settings.LANGUAGE_CODE = "ar"


@pytest.fixture
def events():
    art = f.article()
    lavrov = f.actor()
    made = {}
    for review in Review.values:
        made[review] = f.event(
            review=review,
            date=dt.date(2016, 9, 9),
            actors=[lavrov],
            sources=[(art, f.PARAGRAPHS[1].split(". ")[0] + ".")],
            title_en=f"Marker {review} event",
            title_ar=f"علامة {review}",
        )
    return made


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.getvalue().decode(errors="replace")


@pytest.mark.parametrize("review", [Review.PROPOSED, Review.REJECTED])
def test_anonymous_visitors_get_404_for_unreviewed_and_rejected_events(client, events, review):
    event = events[review]
    for url in [
        event.get_absolute_url(),
        reverse("timeline:event_short", args=[event.pk]),
        "/en" + event.get_absolute_url(),
        reverse("api:event", args=[event.pk]),
        reverse("api:og_event", args=[event.pk]),
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("review", [Review.PROPOSED, Review.REJECTED])
def test_unreviewed_and_rejected_events_are_in_no_public_list(client, events, review):
    lavrov = events[review].actors.get()
    article = events[review].mentions.get().article
    urls = [
        reverse("timeline:index"),
        "/en/",
        reverse("timeline:actor", args=[lavrov.slug]),
        reverse("timeline:article", args=[article.pk]),
        reverse("api:events"),
        reverse("api:export_csv"),
        reverse("api:export_json"),
        reverse("api:export_ics"),
        reverse("api:export_timelinejs"),
        reverse("api:feed"),
        reverse("embed:index"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = body(response)
        assert f"Marker {review} event" not in text, url
        assert f"علامة {review}" not in text, url
    # The approved one is public (the check above would pass on an empty site).
    assert "Marker approved event" in body(client.get(reverse("api:events")))


def test_a_merged_event_permalink_redirects_to_the_survivor(client, events):
    curator = f.curator()
    approved, proposed = events[Review.APPROVED], events[Review.PROPOSED]
    client.force_login(curator)
    client.post(
        reverse("admin:events_event_changelist") + "?review=all",
        {
            "action": "merge",
            ACTION_CHECKBOX_NAME: [approved.pk, proposed.pk],
            "survivor": approved.pk,
        },
    )
    client.logout()

    response = client.get(proposed.get_absolute_url())

    assert response.status_code == 301
    assert response["Location"] == approved.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200
