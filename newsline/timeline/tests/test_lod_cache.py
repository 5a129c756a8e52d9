"""The overview's counts are cached under the database's change stamp: repeated views
are not counted again, and any write (save, bulk insert, queryset update, a link or a
source added) shows in the very next view."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsline.articles.models import Article
from newsline.events.models import Actor, ChangeStamp, Event, EventActor, Mention
from newsline.timeline import lod
from newsline.timeline.filters import filter_events

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    caches["aggregates"].clear()


def total(filters=None, **kw):
    filters = filters or {}
    ov = lod.overview(filter_events(Event.objects.public(), filters), filters, limit=5, **kw)
    return ov.total, ov.bins


def queries(filters=None):
    with CaptureQueriesContext(connection) as captured:
        total(filters)
    return len(captured)


def test_the_same_view_on_the_same_data_is_not_counted_again(corpus):
    corpus(100)
    first = queries({"lanes": "actor"})
    assert queries({"lanes": "actor"}) < first
    # Other filters are other counts.
    assert total({"type": "meeting"})[0] < total()[0]


def test_every_kind_of_write_shows_at_once(corpus):
    events = corpus(100)
    n, _bins = total()
    one = events.first()
    one.review = "rejected"
    one.save()
    assert total()[0] == n - 1
    Event.objects.filter(pk=one.pk).update(review="approved")
    assert total()[0] == n
    Event.objects.bulk_create([Event(date=one.date, type="call", review="approved")])
    assert total()[0] == n + 1


def test_links_and_sources_retire_the_counts_that_read_them(corpus):
    events = corpus(100)
    newcomer = Actor.objects.create(name="Staffan de Mistura", name_ar="دي ميستورا")
    assert str(newcomer.pk) not in {lane for lane, _d, _n in total({"lanes": "actor"})[1]}
    EventActor.objects.bulk_create(
        [EventActor(event=e, actor=newcomer) for e in events.order_by("pk")[:90]]
    )
    assert str(newcomer.pk) in {lane for lane, _d, _n in total({"lanes": "actor"})[1]}

    # The publisher filter reads articles: moving articles to a publisher counts.
    publisher = Mention.objects.first().article.publisher
    before = total({"publisher": publisher})[0]
    moved = Article.objects.exclude(publisher=publisher).filter(mentions__isnull=False)[:30]
    Article.objects.filter(pk__in=list(moved.values_list("pk", flat=True))).update(
        publisher=publisher
    )
    assert total({"publisher": publisher})[0] > before


def test_without_the_stamp_row_nothing_is_cached(corpus):
    corpus(100)
    ChangeStamp.objects.all().delete()
    first = queries()
    assert queries() == first
