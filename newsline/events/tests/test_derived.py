"""Event.source_count and Event.search_text, stored for speed, stay what they are
derived from: the distinct articles and the folded titles and quotes, after ingestion,
re-ingestion, merge, split, edits and deletions."""

from __future__ import annotations

import datetime as dt
import types
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection

from newsline import search
from newsline.articles.ingest import ingest_document
from newsline.events import curation
from newsline.events.models import Actor, Event, Mention, Place
from newsline.events.services import load_gazetteer
from newsline.events.synthetic import generate

from . import factories as f

pytestmark = pytest.mark.django_db


def lines(text: str) -> tuple[list[str], list[str]]:
    """The folded titles, and the folded quotes in any order (order does not matter
    to a substring search)."""
    parts = text.split(search.FIELD_SEPARATOR)
    return parts[:2], sorted(parts[2:])


def expected(event: Event) -> tuple[int, tuple]:
    mentions = list(event.mentions.all())
    text = search.stored_text(event.title_ar, event.title_en, [m.quote for m in mentions])
    return len({m.article_id for m in mentions}), lines(text)


def assert_derived_right() -> None:
    for event in Event.objects.all():
        assert (event.source_count, lines(event.search_text)) == expected(event), event.pk


def test_ingestion_and_re_ingestion_keep_the_counts_right():
    load_gazetteer()
    body = "\n\n".join(f.PARAGRAPHS)
    first = ingest_document(body.encode(), origin="a.txt", published=dt.date(2016, 9, 9))
    again = body.replace("يوم الجمعة", "أمس")
    second = ingest_document(again.encode(), origin="b.txt", published=dt.date(2016, 9, 10))
    assert_derived_right()
    meeting = Event.objects.filter(mentions__article=second.article, type="meeting").first()
    assert meeting is not None and meeting.source_count == 2
    call_command("reextract", article=[first.article.pk, second.article.pk])
    assert_derived_right()
    assert Event.objects.get(pk=meeting.pk).source_count == 2


def test_merge_and_split_move_the_counts_with_the_mentions():
    a1, a2 = f.article(), f.article()
    one = f.event(sources=[(a1, f.PARAGRAPHS[0])])
    other = f.event(sources=[(a2, f.PARAGRAPHS[1]), (a1, f.PARAGRAPHS[1])])
    assert (one.source_count, other.source_count) == (0, 0)  # stale in memory only
    assert_derived_right()
    survivor = curation.merge_events([one, other], survivor=one)
    assert Event.objects.get(pk=survivor.pk).source_count == 2
    assert Event.objects.get(pk=other.pk).source_count == 0
    assert_derived_right()
    stray = Mention.objects.get(event=survivor, article=a2)
    split = curation.split_mention(stray)
    assert Event.objects.get(pk=split.pk).source_count == 1
    assert Event.objects.get(pk=survivor.pk).source_count == 1
    assert_derived_right()


def test_edits_and_deletions_refresh_the_stored_columns():
    art = f.article()
    event = f.event(sources=[(art, f.PARAGRAPHS[0]), (f.article(), f.PARAGRAPHS[1])])
    event.title_ar = "اتصال هاتفي بين لافروف وكيري"
    event.save(update_fields=["title_ar", "updated_at"])
    assert search.fold("اتصال") in Event.objects.get(pk=event.pk).search_text
    stale = Event.objects.get(pk=event.pk)
    Mention.objects.filter(event=event, article=art).delete()
    stale.title_en = "Lavrov and Kerry on the phone"
    stale.save()  # a full save of an instance loaded before the deletion
    assert Event.objects.get(pk=event.pk).source_count == 1
    assert_derived_right()
    Mention.objects.filter(event=event).first().article.delete()
    assert Event.objects.get(pk=event.pk).source_count == 0
    assert_derived_right()


def test_the_synthetic_corpus_and_the_migration_fill_what_save_would():
    names = [("John Kerry", "جون كيري"), ("Sergey Lavrov", "سيرجي لافروف"), ("Iran", "إيران")]
    for name, name_ar in names:
        Actor.objects.create(name=name, name_ar=name_ar, kind="person")
    Place.objects.create(name="Geneva", name_ar="جنيف")
    generate(60, seed=3)
    assert_derived_right()
    Event.objects.update(source_count=0, search_text="")
    migration = import_module("newsline.events.migrations.0004_derived_source_count_search_text")
    editor = types.SimpleNamespace(connection=connection, quote_name=connection.ops.quote_name)
    migration.fill_derived(django_apps, editor)
    assert_derived_right()


def test_the_migration_dates_first_approvals_from_the_history():
    from newsline.events.curation import set_review

    proposed = f.event(review="proposed")
    set_review([proposed], "approved")  # a history row shows the approval
    bulk = Event.objects.bulk_create(  # no save(), no history: creation time counts
        [Event(date=dt.date(2016, 9, 9), type="call", title_ar="اتصال", review="approved")]
    )[0]
    waiting = f.event(review="proposed")
    approval = proposed.history.filter(review="approved").earliest("history_date").history_date
    Event.objects.update(approved_at=None)
    migration = import_module("newsline.events.migrations.0009_event_approved_at")
    editor = types.SimpleNamespace(
        connection=connection,
        quote_name=connection.ops.quote_name,
        execute=lambda sql: connection.cursor().execute(sql),
    )
    migration.fill(django_apps, editor)
    got = dict(Event.objects.values_list("pk", "approved_at"))
    assert got[proposed.pk] == approval
    assert got[bulk.pk] == Event.objects.get(pk=bulk.pk).created_at
    assert got[waiting.pk] is None
