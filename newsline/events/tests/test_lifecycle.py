"""Planned events are linked to what became of them, across articles, in any order."""

import pytest
from django.core.management import call_command

from newsline.events.models import Event, Status

pytestmark = pytest.mark.django_db

ANNOUNCES_GENEVA = "004_04d52933f8dd98a8.txt"  # 7 Sept 2016: Kerry and Lavrov to meet 8–9 Sept
REPORTS_TRUCE = "001_6d63030700cd6d69.txt"  # 20 Sept 2016: the truce reached on 9 Sept
REPORTS_ISSG_22 = "000_50622e95ced29f86.txt"  # 22 Sept 2016: the ISSG meets again


def _ingest(demo_dir, *names):
    seeds = demo_dir / "seeds"
    call_command("ingest", *(str(seeds / n) for n in names), manifest=seeds / "manifest.json")


def _links():
    return {
        (str(e.date), e.type, str(e.announced_by.date), e.announced_by.type)
        for e in Event.objects.filter(announced_by__isnull=False).select_related("announced_by")
    }


@pytest.mark.parametrize(
    "order", [(ANNOUNCES_GENEVA, REPORTS_TRUCE), (REPORTS_TRUCE, ANNOUNCES_GENEVA)]
)
def test_the_geneva_talks_announced_on_7_sept_are_linked_to_the_9_sept_truce(demo_dir, order):
    for name in order:
        _ingest(demo_dir, name)
    assert ("2016-09-09", "agreement", "2016-09-08", "meeting") in _links()


def test_an_article_that_reports_a_meeting_and_announces_the_next_does_not_fulfil_itself(
    demo_dir,
):
    _ingest(demo_dir, REPORTS_TRUCE)
    planned = Event.objects.get(status=Status.PLANNED)
    assert not planned.fulfilments.exists()
    _ingest(demo_dir, REPORTS_ISSG_22)
    assert [e.date.isoformat() for e in planned.fulfilments.all()] == ["2016-09-22"]


def test_the_two_new_york_issg_meetings_stay_two_events(demo_dir):
    _ingest(demo_dir, REPORTS_TRUCE, REPORTS_ISSG_22)
    issg = Event.objects.filter(
        type="meeting",
        status=Status.OCCURRED,
        actors__name="International Syria Support Group",
    ).order_by("date")
    assert [e.date.isoformat() for e in issg] == ["2016-09-20", "2016-09-22"]
