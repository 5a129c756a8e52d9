"""The public pages on the real seed corpus (``manage.py demo``)."""

import html as html_lib
import re

import pytest
from django.core.management import call_command
from django.utils import translation

from newsline.events.models import Event, Mention

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds():
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    translation.activate("ar")
    yield list(Event.objects.public().order_by("date", "id"))
    translation.activate("ar")


def test_the_timeline_shows_every_public_seed_event(client, seeds):
    response = client.get("/")
    figure = response.context["figure"]
    ids = {cd[0] for t in figure["data"] if t["meta"]["role"] == "events" for cd in t["customdata"]}
    assert ids == {e.pk for e in seeds}
    html = response.content.decode()
    for event in seeds:
        assert f'id="e-{event.pk}"' in html


def test_every_seed_permalink_renders_and_its_quotes_land_on_a_mark(client, seeds):
    for event in seeds:
        html = client.get(event.get_absolute_url()).content.decode()
        links = re.findall(r'href="/articles/(\d+)/#m-(\d+)"', html)
        assert links, event
        for article_id, mention_id in links:
            reader = client.get(f"/articles/{article_id}/").content.decode()
            assert f'id="m-{mention_id}"' in reader


def test_the_reader_marks_exactly_the_quoted_sentence(client, seeds):
    mention = Mention.objects.filter(event__in=Event.objects.public()).first()
    html = client.get(f"/articles/{mention.article_id}/").content.decode()
    marked = re.search(rf'<mark id="m-{mention.pk}">(.*?)</mark>', html, re.S)
    assert marked is not None
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", marked.group(1)))
    assert text == mention.quote


def test_english_seed_pages(client, seeds):
    html = client.get("/en/").content.decode()
    assert 'dir="ltr"' in html
    assert any(e.title_en in html for e in seeds)
