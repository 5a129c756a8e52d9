"""The gazetteer in the admin: Arabic spellings one per line, history of who changed
what, and finding the articles a spelling touches."""

from __future__ import annotations

import pytest
from django.urls import reverse

from newsline.events.curation import articles_mentioning, spellings_of
from newsline.events.forms import SpellingsField
from newsline.events.models import Actor, Place

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client):
    client.force_login(f.curator())
    return client


def actor_form_data(actor: Actor, **changes) -> dict:
    data = {
        "name": actor.name,
        "name_ar": actor.name_ar,
        "slug": actor.slug,
        "kind": actor.kind,
        "aliases": "\n".join(actor.aliases),
        "country": actor.country,
        "wikidata": actor.wikidata,
        "roles": "[]",
    }
    data.update(changes)
    return data


def test_spellings_are_edited_one_per_line():
    field = SpellingsField(required=False)
    assert field.prepare_value(["لافروف", "لافروv"]) == "لافروف\nلافروv"
    assert field.clean("لافروف\n\n  سيرغي   لافروف \nلافروف\n") == ["لافروف", "سيرغي لافروف"]
    assert not field.has_changed(["a", "b"], "a\nb\n")


def test_a_curator_adds_a_spelling_and_the_history_says_who_and_what(curator_client):
    lavrov = f.actor(aliases=["لافروف"])
    url = reverse("admin:events_actor_change", args=[lavrov.pk])
    page = curator_client.get(url).content.decode()
    assert 'dir="rtl"' in page and ">\nلافروف</textarea>" in page

    response = curator_client.post(
        url, actor_form_data(lavrov, aliases="لافروف\nسيرغي لافروف\n\nلافروف")
    )

    assert response.status_code == 302
    lavrov.refresh_from_db()
    assert lavrov.aliases == ["لافروف", "سيرغي لافروف"]
    record = lavrov.history.first()
    assert record.history_user.username == "curator"
    history = curator_client.get(reverse("admin:events_actor_history", args=[lavrov.pk]))
    html = history.content.decode()
    assert history.status_code == 200
    assert "curator" in html and "سيرغي لافروف" in html


def test_a_curator_adds_a_missing_place(curator_client):
    response = curator_client.post(
        reverse("admin:events_place_add"),
        {
            "name": "Astana",
            "name_ar": "أستانا",
            "slug": "astana",
            "aliases": "أستانة\nآستانا",
            "country": "Kazakhstan",
            "latitude": "51.16",
            "longitude": "71.47",
        },
    )
    assert response.status_code == 302
    astana = Place.objects.get(name="Astana")
    assert astana.aliases == ["أستانة", "آستانا"]
    assert astana.history.first().history_user.username == "curator"


def test_the_history_of_events_and_places_is_visible_to_curators(curator_client):
    geneva = f.place()
    ev = f.event(place=geneva)
    ev.review = "approved"
    ev._change_reason = "approved by a curator"
    ev.save()
    for name, obj in [("events_event_history", ev), ("events_place_history", geneva)]:
        response = curator_client.get(reverse(f"admin:{name}", args=[obj.pk]))
        assert response.status_code == 200
    html = curator_client.get(reverse("admin:events_event_history", args=[ev.pk])).content.decode()
    assert "approved by a curator" in html


def test_articles_mentioning_a_spelling_are_found_through_arabic_folding():
    hit = f.article(body="قال الرئيس الأمريكي باراك أوباما إن ...")
    also = f.article(body="وصل اوباما إلى جنيف.")
    f.article(body="لا علاقة لهذا المقال.")
    obama = f.actor("Barack Obama", "باراك أوباما", aliases=["اوباما"])
    assert spellings_of([obama]) == ["باراك أوباما", "اوباما"]
    assert articles_mentioning(spellings_of([obama])) == [hit, also]
    assert articles_mentioning(["أوباما"]) == [hit, also]
    assert articles_mentioning([" "]) == []
