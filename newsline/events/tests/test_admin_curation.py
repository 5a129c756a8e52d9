"""Curation through the admin, as a logged-in curator (a real user in the Curator
group, not a superuser): the review queue, approve/reject, edits, merge, split."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsline.events.models import Event, EventActor, Mention, Review

from . import factories as f

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:events_event_changelist")


@pytest.fixture
def curator_client(client):
    client.force_login(f.curator())
    return client


@pytest.fixture
def geneva():
    """One article, and two proposed events reporting the same Geneva meeting."""
    art = f.article()
    lavrov, kerry = f.actor(), f.actor("John Kerry", "جون كيري")
    meeting = f.event(
        actors=[lavrov, kerry],
        sources=[(art, "والتقى لافروف وكيري في جنيف يوم الجمعة لبحث وقف إطلاق النار في سوريا.")],
        confidence=0.9,
    )
    other = f.article(publisher=f.publisher("Al Jazeera"))
    again = f.event(
        actors=[kerry],
        sources=[(other, "وقال كيري إن المحادثات كانت بناءة.")],
        title_en="Kerry: talks constructive",
        confidence=0.4,
    )
    return meeting, again


def change_form_data(event: Event, **changes) -> dict:
    """The POST of the event change form as the page would send it unchanged."""
    links = list(event.event_actors.order_by("pk"))
    mentions = list(event.mentions.order_by("pk"))
    data = {
        "review": event.review,
        "title_ar": event.title_ar,
        "title_en": event.title_en,
        "date": event.date.isoformat(),
        "date_end": event.date_end.isoformat() if event.date_end else "",
        "precision": event.precision,
        "type": event.type,
        "status": event.status,
        "place": event.place_id or "",
        "curated_fields": list(event.curated_fields),
        "announced_by": event.announced_by_id or "",
        "event_actors-TOTAL_FORMS": len(links),
        "event_actors-INITIAL_FORMS": len(links),
        "event_actors-MIN_NUM_FORMS": 0,
        "event_actors-MAX_NUM_FORMS": 1000,
        "mentions-TOTAL_FORMS": len(mentions),
        "mentions-INITIAL_FORMS": len(mentions),
        "mentions-MIN_NUM_FORMS": 0,
        "mentions-MAX_NUM_FORMS": 1000,
    }
    for i, link in enumerate(links):
        data[f"event_actors-{i}-id"] = link.pk
        data[f"event_actors-{i}-event"] = event.pk
        data[f"event_actors-{i}-actor"] = link.actor_id
        if link.key:
            data[f"event_actors-{i}-key"] = "on"
    for i, m in enumerate(mentions):
        data[f"mentions-{i}-id"] = m.pk
        data[f"mentions-{i}-event"] = event.pk
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def run_action(client, action: str, events, query: str = "?review=all", **extra):
    return client.post(
        CHANGELIST + query,
        {"action": action, ACTION_CHECKBOX_NAME: [e.pk for e in events], **extra},
    )


# The review queue ---------------------------------------------------------------------


def test_the_queue_lists_proposed_events_by_date_with_their_evidence_highlighted(
    curator_client, geneva
):
    later = f.event(date=dt.date(2016, 9, 20), title_en="Later meeting")
    earlier = f.event(date=dt.date(2016, 1, 2), title_en="Earlier meeting")
    f.event(review=Review.APPROVED, title_en="Already approved")
    f.event(review=Review.REJECTED, title_en="Already rejected")

    response = curator_client.get(CHANGELIST)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Review queue: 4 proposed events" in html
    assert [e.pk for e in response.context["cl"].result_list] == [
        earlier.pk,
        geneva[0].pk,
        geneva[1].pk,
        later.pk,
    ]
    assert "Already approved" not in html and "Already rejected" not in html
    # The evidence sentence is marked inside its paragraph, right-to-left.
    assert '<blockquote class="nl-evidence" dir="rtl" lang="ar">' in html
    assert "<mark>والتقى لافروف وكيري في جنيف يوم الجمعة" in html
    assert "</mark> وقال كيري إن المحادثات كانت بناءة." in html
    assert 'class="nl-conf nl-conf-high"' in html and ">0.90<" in html


def test_the_queue_needs_a_fixed_number_of_queries(curator_client, geneva):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert curator_client.get(CHANGELIST).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for day in range(1, 30):
        art = f.article(publisher=f.publisher(f"Publisher {day}"))
        f.event(date=dt.date(2016, 3, day), sources=[(art, f.PARAGRAPHS[2])])
    assert queries() == few


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type__exact=violence", {"strike"}),
        ("?confidence=low", {"again"}),
        ("?confidence=high", {"meeting"}),
        ("?review=approved", {"approved"}),
        ("?review=all", {"meeting", "again", "strike", "approved"}),
        ("?q=المحادثات+كانت+بناءة", {"again"}),
        ("?q=Kerry:+talks", {"again"}),
    ],
)
def test_the_queue_filters_and_searches(curator_client, geneva, query, expected):
    meeting, again = geneva
    strike = f.event(type="violence", title_en="Air strikes near Aleppo", confidence=0.6)
    approved = f.event(review=Review.APPROVED, title_en="Approved one")
    names = {meeting.pk: "meeting", again.pk: "again", strike.pk: "strike", approved.pk: "approved"}
    response = curator_client.get(CHANGELIST + query)
    assert response.status_code == 200
    assert {names[e.pk] for e in response.context["cl"].result_list} == expected


def test_the_queue_filters_by_actor_and_publisher(curator_client, geneva):
    meeting, again = geneva
    lavrov = meeting.actors.get(name="Sergey Lavrov")
    by_actor = curator_client.get(CHANGELIST + f"?actors__id__exact={lavrov.pk}")
    assert list(by_actor.context["cl"].result_list) == [meeting]
    jazeera = again.mentions.get().article.publisher
    by_pub = curator_client.get(
        CHANGELIST + f"?mentions__article__publisher__id__exact={jazeera.pk}"
    )
    assert list(by_pub.context["cl"].result_list) == [again]


def test_the_actor_and_publisher_filters_offer_only_what_events_use(curator_client, geneva):
    meeting, again = geneva
    idle = f.actor("Nobody Linked", "لا أحد")
    unquoted = f.article(publisher=f.publisher("Unquoted Daily")).publisher
    page = curator_client.get(CHANGELIST)
    offered = {
        spec.field_path: {pk for pk, _label in spec.lookup_choices}
        for spec in page.context["cl"].filter_specs
        if spec.__class__.__name__.endswith("InUseFilter")
    }
    assert offered["actors"] == set(meeting.actors.values_list("pk", flat=True))
    assert idle.pk not in offered["actors"]
    quoted = {m.article.publisher_id for e in geneva for m in e.mentions.all()}
    assert offered["mentions__article__publisher"] == quoted
    assert unquoted.pk not in offered["mentions__article__publisher"]


def test_the_actor_list_counts_each_actors_events(curator_client, geneva):
    page = curator_client.get(reverse("admin:events_actor_changelist"))
    counts = {a.name: a.event_count for a in page.context["cl"].result_list}
    assert counts["John Kerry"] == 2 and counts["Sergey Lavrov"] == 1


# Approve / reject -----------------------------------------------------------------------


def test_a_curator_approves_and_rejects_in_bulk_and_the_history_says_who(curator_client, geneva):
    meeting, again = geneva
    run_action(curator_client, "approve", [meeting], query="")
    run_action(curator_client, "reject", [again], query="")

    meeting.refresh_from_db()
    again.refresh_from_db()
    assert meeting.review == Review.APPROVED
    assert again.review == Review.REJECTED
    assert list(Event.objects.public()) == [meeting]
    last = again.history.first()
    assert last.history_user.username == "curator"
    assert last.history_change_reason == "rejected by a curator"
    # Off the queue now.
    queue = curator_client.get(CHANGELIST).context["cl"].result_list
    assert list(queue) == []


# Editing --------------------------------------------------------------------------------


def test_editing_an_event_protects_the_edited_fields(curator_client, geneva):
    meeting, _ = geneva
    url = reverse("admin:events_event_change", args=[meeting.pk])
    assert curator_client.get(url).status_code == 200

    response = curator_client.post(
        url,
        change_form_data(
            meeting, date="2016-09-08", date_end="2016-09-09", title_en="Lavrov–Kerry talks"
        ),
    )

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2016, 9, 8)
    assert meeting.title_en == "Lavrov–Kerry talks"
    assert meeting.curated_fields == ["date", "date_end", "title_en"]
    record = meeting.history.first()
    assert record.history_user.username == "curator"
    assert record.history_change_reason == "edited by a curator"


def test_editing_the_actors_of_an_event_protects_its_actors(curator_client, geneva):
    meeting, _ = geneva
    kerry = meeting.event_actors.get(actor__name="John Kerry")
    data = change_form_data(meeting, **{"event_actors-1-DELETE": "on"})
    assert data["event_actors-1-id"] == kerry.pk

    response = curator_client.post(reverse("admin:events_event_change", args=[meeting.pk]), data)

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert list(meeting.actors.values_list("name", flat=True)) == ["Sergey Lavrov"]
    assert meeting.curated_fields == ["actors"]


def test_unticking_a_protected_field_releases_it(curator_client, geneva):
    meeting, _ = geneva
    meeting.curated_fields = ["date", "type"]
    meeting.save()
    response = curator_client.post(
        reverse("admin:events_event_change", args=[meeting.pk]),
        change_form_data(meeting, curated_fields=["type"]),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.curated_fields == ["type"]


def test_saving_unchanged_protects_nothing(curator_client, geneva):
    meeting, _ = geneva
    curator_client.post(
        reverse("admin:events_event_change", args=[meeting.pk]), change_form_data(meeting)
    )
    meeting.refresh_from_db()
    assert meeting.curated_fields == []


# Merge ----------------------------------------------------------------------------------


def test_merge_asks_which_event_survives_then_moves_all_evidence_to_it(curator_client, geneva):
    meeting, again = geneva
    third = f.event(
        actors=[f.actor("Russia", "روسيا", kind="country")],
        sources=[(f.article(), f.PARAGRAPHS[0])],
        title_en="Third report",
    )
    events = [meeting, again, third]

    confirm = run_action(curator_client, "merge", events)
    assert confirm.status_code == 200
    assert "admin/events/event/merge_confirmation.html" in [t.name for t in confirm.templates]
    # The best-attested, highest-confidence event is offered as the survivor.
    assert confirm.context["form"].initial["survivor"] == meeting

    done = run_action(curator_client, "merge", events, survivor=again.pk)

    assert done.status_code == 302
    assert done["Location"] == reverse("admin:events_event_change", args=[again.pk])
    again.refresh_from_db()
    meeting.refresh_from_db()
    third.refresh_from_db()
    assert again.mentions.count() == 3
    assert set(again.actors.values_list("name", flat=True)) == {
        "Sergey Lavrov",
        "John Kerry",
        "Russia",
    }
    assert again.confidence == 0.9
    assert meeting.merged_into == again and third.merged_into == again
    assert list(Event.objects.live().filter(pk__in=[e.pk for e in events])) == [again]
    assert meeting.history.first().history_change_reason == f"merged into #{again.pk}"
    assert meeting.history.first().history_user.username == "curator"


def test_merging_needs_two_events(curator_client, geneva):
    response = run_action(curator_client, "merge", [geneva[0]])
    assert response.status_code == 302
    assert Event.objects.live().count() == 2


def test_merged_events_leave_the_queue_and_a_merge_into_a_merged_event_follows(
    curator_client, geneva
):
    meeting, again = geneva
    run_action(curator_client, "merge", [meeting, again], survivor=meeting.pk)
    queue = curator_client.get(CHANGELIST).context["cl"].result_list
    assert list(queue) == [meeting]
    third = f.event(sources=[(f.article(), f.PARAGRAPHS[0])])
    run_action(curator_client, "merge", [meeting, third], survivor=third.pk)
    again.refresh_from_db()
    # One redirect, never a chain.
    assert again.merged_into == third
    merged = curator_client.get(CHANGELIST + "?merged=yes&review=all")
    assert set(merged.context["cl"].result_list) == {meeting, again}


# Split ----------------------------------------------------------------------------------


def test_the_split_button_moves_one_sentence_into_a_new_proposed_event(curator_client, geneva):
    meeting, again = geneva
    meeting.review = Review.APPROVED
    meeting.save()
    art = f.article()
    stray = f.mention(meeting, art, f.PARAGRAPHS[2])
    page = curator_client.get(reverse("admin:events_event_change", args=[meeting.pk]))
    split_url = reverse("admin:events_event_split", args=[meeting.pk])
    assert f'formaction="{split_url}"' in page.content.decode()

    response = curator_client.post(split_url, {"mention": stray.pk})

    stray.refresh_from_db()
    new = stray.event
    assert new != meeting
    assert response["Location"] == reverse("admin:events_event_change", args=[new.pk])
    assert new.review == Review.PROPOSED and new.date == meeting.date
    assert set(new.actors.all()) == set(meeting.actors.all())
    assert meeting.mentions.count() == 1
    assert meeting.history.first().history_user.username == "curator"


def test_the_last_sentence_of_an_event_cannot_be_split_off(curator_client, geneva):
    meeting, _ = geneva
    only = meeting.mentions.get()
    curator_client.post(
        reverse("admin:events_event_split", args=[meeting.pk]), {"mention": only.pk}
    )
    only.refresh_from_db()
    assert only.event == meeting
    assert Event.objects.count() == 2


def test_split_is_post_only(curator_client, geneva):
    url = reverse("admin:events_event_split", args=[geneva[0].pk])
    assert curator_client.get(url).status_code == 405


def test_mentions_are_split_off_from_the_mention_list(curator_client, geneva):
    meeting, _ = geneva
    stray = f.mention(meeting, f.article(), f.PARAGRAPHS[2])
    response = curator_client.post(
        reverse("admin:events_mention_changelist"),
        {"action": "split", ACTION_CHECKBOX_NAME: [stray.pk]},
    )
    assert response.status_code == 302
    stray.refresh_from_db()
    assert stray.event != meeting and stray.event.review == Review.PROPOSED
    assert Mention.objects.filter(event=meeting).count() == 1
    assert EventActor.objects.filter(event=stray.event).count() == 2
