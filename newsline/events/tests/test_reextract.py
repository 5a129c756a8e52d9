"""Re-extraction after curation, through the admin as a curator and the command line:
a new spelling adds what it finds; curated fields, rejections, merges and splits stand."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from newsline.articles.ingest import ingest_document
from newsline.events.models import Actor, Event, Mention, Review
from newsline.events.services import load_gazetteer

from . import factories as f
from .test_admin_curation import change_form_data, run_action

pytestmark = pytest.mark.django_db

# Timo Soini (Finland's foreign minister) is not in the shipped gazetteer: before a
# curator adds him, the meeting is de Mistura's alone and the phone call is not found.
BODY = (
    "هلسنكي - التقى وزير الخارجية الفنلندي تيمو سويني اليوم الثلاثاء في هلسنكي المبعوث "
    "الأممي ستافان دي ميستورا لبحث العلاقات الثنائية.\n\n"
    "وأجرى سويني أمس اتصالا هاتفيا مع نظيره يوهانس كوهن لبحث العلاقات الثنائية."
)
PUBLISHED = dt.date(2017, 1, 24)


@pytest.fixture
def curator_client(client):
    load_gazetteer()
    client.force_login(f.curator())
    return client


@pytest.fixture
def article(curator_client):
    return ingest_document(BODY.encode(), origin="soini.txt", published=PUBLISHED).article


def events_of(article):
    return Event.objects.filter(mentions__article=article).distinct().order_by("pk")


def snapshot(article):
    return [
        (e.pk, e.type, e.date, e.review, e.title_en, e.merged_into_id, sorted(e.curated_fields))
        for e in events_of(article)
    ] + [
        Event.objects.count(),
        *sorted(Mention.objects.filter(article=article).values_list("event", "char_start")),
    ]


def add_soini(client):
    response = client.post(
        reverse("admin:events_actor_add"),
        {
            "name": "Timo Soini",
            "name_ar": "تيمو سويني",
            "slug": "timo-soini",
            "kind": "person",
            "aliases": "تيمو سويني\nسويني",
            "country": "Finland",
            "wikidata": "",
            "roles": "[]",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Actor.objects.get(name="Timo Soini")


def reextract_actor(client, actor):
    return client.post(
        reverse("admin:events_actor_changelist"),
        {"action": "reextract", ACTION_CHECKBOX_NAME: [actor.pk]},
        follow=True,
    )


def test_re_extracting_with_nothing_changed_changes_nothing(article, capsys):
    before = snapshot(article)
    call_command("reextract", article=[article.pk])
    assert snapshot(article) == before
    assert "re-extracted 1 articles: 0 new events" in capsys.readouterr().out


def test_a_new_spelling_adds_what_it_finds_without_touching_curated_events(curator_client, article):
    (meeting,) = events_of(article)
    assert list(meeting.actors.values_list("name", flat=True)) == ["Staffan de Mistura"]
    # The curator corrects the meeting's title and date first.
    response = curator_client.post(
        reverse("admin:events_event_change", args=[meeting.pk]),
        change_form_data(meeting, title_en="Soini meets de Mistura", date="2017-01-23"),
    )
    assert response.status_code == 302

    soini = add_soini(curator_client)
    response = reextract_actor(curator_client, soini)

    assert any("1 new events" in str(m) for m in response.context["messages"])
    meeting.refresh_from_db()
    assert meeting.title_en == "Soini meets de Mistura"
    assert meeting.date == dt.date(2017, 1, 23)
    # Actors were not curated: the new spelling adds Soini to the meeting.
    assert set(meeting.actors.values_list("name", flat=True)) == {
        "Staffan de Mistura",
        "Timo Soini",
    }
    events = list(events_of(article))
    assert len(events) == 2  # the meeting was found again, not duplicated
    call = events[1]
    assert (call.type, call.review, call.date) == ("call", Review.PROPOSED, dt.date(2017, 1, 23))
    assert list(call.actors.values_list("name", flat=True)) == ["Timo Soini"]
    queue = curator_client.get(reverse("admin:events_event_changelist"))
    assert call in queue.context["cl"].result_list


def test_curated_actors_are_kept_on_re_extraction(curator_client, article):
    (meeting,) = events_of(article)
    link = meeting.event_actors.get()
    curator_client.post(
        reverse("admin:events_event_change", args=[meeting.pk]),
        change_form_data(
            meeting, **{"event_actors-0-key": None} if link.key else {"event_actors-0-key": "on"}
        ),
    )
    meeting.refresh_from_db()
    assert meeting.curated_fields == ["actors"]
    reextract_actor(curator_client, add_soini(curator_client))
    assert list(meeting.actors.values_list("name", flat=True)) == ["Staffan de Mistura"]


def test_a_rejected_event_stays_rejected_after_re_extraction(curator_client, article):
    (meeting,) = events_of(article)
    run_action(curator_client, "reject", [meeting], query="")
    before = snapshot(article)

    call_command("reextract", all=True)

    assert snapshot(article) == before
    meeting.refresh_from_db()
    assert meeting.review == Review.REJECTED
    assert not Event.objects.filter(review=Review.PROPOSED).exists()


def test_merged_and_split_events_stay_as_the_curator_left_them(curator_client, article):
    reextract_actor(curator_client, add_soini(curator_client))
    meeting, call = events_of(article)
    run_action(curator_client, "merge", [meeting, call], survivor=meeting.pk)
    meeting.refresh_from_db()
    assert meeting.mentions.count() == 2 and "mentions" in meeting.curated_fields
    merged = snapshot(article)

    call_command("reextract", article=[article.pk])
    assert snapshot(article) == merged  # the call is not resurrected

    stray = meeting.mentions.order_by("char_start").last()
    curator_client.post(
        reverse("admin:events_event_split", args=[meeting.pk]), {"mention": stray.pk}
    )
    split = snapshot(article)
    call_command("reextract", article=[article.pk])
    assert snapshot(article) == split  # the sentence stays on its own event
    stray.refresh_from_db()
    assert stray.event not in (meeting, call)


def test_reextract_command_selects_articles(article, capsys):
    other = f.article(body="لا شيء هنا.")
    call_command("reextract", since=timezone.now().date())
    assert "re-extracted 2 articles" in capsys.readouterr().out
    call_command("reextract", spelling=["دي ميستورا"])
    assert "re-extracted 1 articles" in capsys.readouterr().out
    with pytest.raises(CommandError, match=f"no article with id {other.pk + 1}"):
        call_command("reextract", article=[other.pk + 1])
    with pytest.raises(CommandError):
        call_command("reextract")


def test_articles_can_be_re_extracted_from_the_article_list(curator_client, article):
    response = curator_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "reextract", ACTION_CHECKBOX_NAME: [article.pk]},
        follow=True,
    )
    assert any("re-extracted 1 articles" in str(m) for m in response.context["messages"])
