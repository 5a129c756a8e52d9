"""The synthetic corpus generator: counts, spreads, consistency of its evidence."""

import datetime as dt
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from newsline.articles.models import Article
from newsline.events.models import Actor, Event, EventActor, EventType, Mention, Place, Review
from newsline.events.synthetic import SyntheticError, generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def gazetteer():
    """A small gazetteer: the generator only needs actors and places to exist."""
    names = [
        ("John Kerry", "جون كيري", "person"),
        ("Sergey Lavrov", "سيرجي لافروف", "person"),
        ("Staffan de Mistura", "ستافان دي ميستورا", "person"),
        ("Russia", "روسيا", "country"),
        ("United States", "الولايات المتحدة", "country"),
        ("Iran", "إيران", "country"),
    ]
    for name, name_ar, kind in names:
        Actor.objects.create(name=name, name_ar=name_ar, kind=kind)
    for name, name_ar in [("Geneva", "جنيف"), ("Aleppo", "حلب"), ("Vienna", "فيينا")]:
        Place.objects.create(name=name, name_ar=name_ar)


def test_generates_the_requested_events_with_one_to_five_mentions_each(gazetteer):
    counts = generate(600, seed=1)
    assert counts.events == Event.objects.count() == 600
    assert counts.mentions == Mention.objects.count()
    assert counts.articles == Article.objects.count()
    per_event = Counter(Event.objects.annotate(n=Count("mentions")).values_list("n", flat=True))
    assert set(per_event) == {1, 2, 3, 4, 5}
    # No outlet reports an event twice, so every source is a distinct article.
    pairs = Event.objects.annotate(
        n=Count("mentions"), a=Count("mentions__article", distinct=True)
    ).values_list("n", "a")
    assert all(n == a for n, a in pairs)


def test_events_spread_over_the_years_types_actors_and_are_public(gazetteer):
    generate(800, seed=2)
    dates = list(Event.objects.values_list("date", flat=True))
    assert min(dates) >= dt.date(2011, 3, 15) and max(dates) <= dt.date(2017, 12, 31)
    assert {d.year for d in dates} == set(range(2011, 2018))
    assert set(Event.objects.values_list("type", flat=True)) == set(EventType.values)
    assert Event.objects.public().count() == 800
    assert set(EventActor.objects.values_list("actor__name", flat=True)) == set(
        Actor.objects.values_list("name", flat=True)
    )
    assert not Event.objects.annotate(n=Count("actors")).filter(n__lt=2).exists()
    assert Event.objects.filter(event_actors__key=True).distinct().count() == 800


def test_mentions_quote_their_article_at_their_offsets(gazetteer):
    generate(200, seed=3)
    for mention in Mention.objects.select_related("article", "event"):
        article = mention.article
        assert article.body[mention.char_start : mention.char_end] == mention.quote
        assert article.origin.startswith("synthetic:3:")
        # Reported the day of the event or shortly after it.
        assert article.published_on >= mention.event.date


def test_the_same_seed_gives_the_same_corpus(gazetteer):
    def corpus():
        return list(
            Event.objects.order_by("pk").values_list("date", "type", "title_ar", "place__name")
        )

    generate(150, seed=7)
    first = corpus()
    Mention.objects.all().delete()
    Article.objects.all().delete()
    EventActor.objects.all().delete()
    Event.objects.all()._raw_delete(Event.objects.db)
    generate(150, seed=7)
    assert corpus() == first


def test_mixed_review_leaves_some_events_out_of_the_public_timeline(gazetteer):
    generate(500, seed=4, review="mixed")
    reviews = Counter(Event.objects.values_list("review", flat=True))
    assert reviews[Review.APPROVED] > reviews[Review.PROPOSED] > reviews[Review.REJECTED] > 0
    assert Event.objects.public().count() == reviews[Review.APPROVED]


def test_loading_the_same_seed_twice_is_refused_and_changes_nothing(gazetteer):
    generate(50, seed=5)
    before = (Event.objects.count(), Article.objects.count())
    with pytest.raises(SyntheticError, match="seed 5 is already loaded"):
        generate(50, seed=5)
    assert (Event.objects.count(), Article.objects.count()) == before
    generate(50, seed=6)
    assert Event.objects.count() == 100


def test_command_reports_what_it_created(gazetteer, capsys):
    call_command("make_synthetic", "--events", "120", "--seed", "9")
    out = capsys.readouterr().out
    assert "120 events" in out and "mentions" in out
    with pytest.raises(CommandError, match="already loaded"):
        call_command("make_synthetic", "--events", "10", "--seed", "9")


def test_without_places_the_generator_says_what_to_do():
    Actor.objects.create(name="A", name_ar="أ", kind="person")
    Actor.objects.create(name="B", name_ar="ب", kind="person")
    with pytest.raises(SyntheticError, match="gazetteer"):
        generate(10)
