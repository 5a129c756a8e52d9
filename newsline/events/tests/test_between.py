"""``Event.objects.between``: the events a zoomed timeline shows are those that overlap
the range, however the query is shaped for the indexes."""

import datetime as dt

import pytest

from newsline.events.models import Event

pytestmark = pytest.mark.django_db

D = dt.date


def make(title, date, date_end=None):
    return Event.objects.create(
        date=date, date_end=date_end, type="meeting", title_ar=title, review="approved"
    )


def titles(**bounds):
    return set(Event.objects.public().between(**bounds).values_list("title_ar", flat=True))


def test_overlap_on_both_sides_and_long_ranges_from_far_back():
    make("قبل", D(2016, 8, 20))
    make("ينتهي قبل", D(2016, 8, 20), D(2016, 8, 31))
    make("يمتد إليه", D(2016, 8, 28), D(2016, 9, 2))
    make("حصار طويل", D(2012, 1, 1), D(2016, 12, 31))
    make("في أوله", D(2016, 9, 1))
    make("في آخره", D(2016, 9, 30), D(2016, 10, 5))
    make("بعد", D(2016, 10, 1))
    inside = {"يمتد إليه", "حصار طويل", "في أوله", "في آخره"}
    assert titles(start=D(2016, 9, 1), end=D(2016, 9, 30)) == inside
    assert titles(start=D(2016, 9, 1)) == inside | {"بعد"}
    assert titles(end=D(2016, 8, 25)) == {"قبل", "ينتهي قبل", "حصار طويل"}
    assert titles() == inside | {"قبل", "ينتهي قبل", "بعد"}


def test_a_range_event_that_is_not_public_still_bounds_correctly():
    # The lower bound reads every event with a range (public or not): a proposed
    # long event moves it back, never forward past a public one.
    Event.objects.create(
        date=D(2011, 1, 1), date_end=D(2017, 1, 1), type="meeting", title_ar="مقترح"
    )
    make("يمتد إليه", D(2016, 8, 28), D(2016, 9, 2))
    assert titles(start=D(2016, 9, 1), end=D(2016, 9, 30)) == {"يمتد إليه"}
