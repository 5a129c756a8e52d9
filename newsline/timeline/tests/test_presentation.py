"""What a reader sees, as markup: direction of mixed runs, empty states, pages
without JavaScript, the embed's dates and names. Found in the QA pass of the pages
in both languages; each test names the defect it would have caught."""

import datetime as dt
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def talks():
    return f.event(
        date=dt.date(2016, 9, 8),
        date_end=dt.date(2016, 9, 9),
        actors=[f.actor(**f.LAVROV), f.actor(**f.KERRY)],
        place_obj=f.place(),
    )


def test_reader_date_line_is_in_the_interface_direction(client, talks):
    # It was inside <article lang="ar" dir="auto">: on /en/ "3 June 2013" rendered
    # as "June 2013 3". Only the title and the text take the article's direction.
    mention = talks.mentions.first()
    html = client.get(f"/en/articles/{mention.article_id}/").content.decode()
    article = re.search(r'<article class="reader"[^>]*>', html).group(0)
    assert "lang=" not in article and "dir=" not in article
    assert re.search(r'<h1 lang="ar" dir="auto">', html)
    assert re.search(r'<div class="reader-body" lang="ar" dir="auto">', html)
    meta = re.search(r'<p class="source-meta muted">(.*?)</p>', html, re.S).group(1)
    assert "<bdi>Almaghribtoday</bdi>" in meta and "7 September 2016" in meta


def test_reader_event_list_points_back_to_each_events_sentence(client, talks):
    mention = talks.mentions.first()
    html = client.get(reverse("timeline:article", args=[mention.article_id])).content.decode()
    assert f'<a class="evidence-link" href="#m-{mention.pk}">' in html
    assert f'id="m-{mention.pk}"' in html


def test_a_filter_matching_nothing_offers_the_way_back(client, talks):
    html = client.get("/en/", {"q": "no-such-words"}).content.decode()
    assert "No event matches these filters." in html
    assert re.search(r'<p class="empty muted">[^<]*<a href="/en/">Show every event</a>', html)
    fragment = client.get("/en/", {"q": "no-such-words"}, HTTP_HX_REQUEST="true")
    assert 'href="/en/">Show every event' in fragment.content.decode()


def test_without_javascript_the_chart_says_the_list_has_everything(client, talks):
    html = client.get("/en/").content.decode()
    assert re.search(r"<noscript>.*The chart needs JavaScript.*</noscript>", html)


@pytest.mark.parametrize("path", ["/", "/en/", "/en/no-such-page/", "/embed/"])
def test_every_page_names_its_icon_so_no_favicon_404(client, talks, path):
    html = client.get(path).content.decode()
    assert '<link rel="icon" href="data:image/svg+xml,' in html


def test_error_pages_have_the_icon_and_a_phone_viewport():
    for name in ("500.html", "429.html"):
        html = render_to_string(name)
        assert 'name="viewport"' in html and 'rel="icon"' in html and "site" in html


def test_card_wraps_latin_names_for_arabic_pages(client, talks):
    # A publisher or actor without an Arabic name shows its Latin one inside Arabic.
    html = client.get(talks.get_absolute_url()).content.decode()
    assert "<bdi>المغرب اليوم</bdi>" in html
    assert "<bdi>جنيف</bdi>" in html
    assert re.search(r'class="key"><bdi>سيرجي لافروف</bdi>', html)
    assert re.search(r'<p class="breadcrumb"><a href="/">', html)


def test_embed_dates_and_names_read_as_on_the_site(client, talks):
    # The embed formatted dates itself ("8 September 2016 – 9 September 2016") and
    # joined English names with the Arabic comma.
    html = client.get("/en/embed/").content.decode()
    assert ">8–9 September 2016</time>" in html
    actors = re.search(r'<ul class="embed-actors">(.*?)</ul>', html).group(1)
    assert sorted(re.findall(r"<li><bdi>([^<]*)</bdi></li>", actors)) == [
        "John Kerry",
        "Sergey Lavrov",
    ]
    assert "، " not in html
    week = f.event(date=dt.date(2016, 9, 21), precision="week", title_en="Talks that week")
    html = client.get("/en/embed/").content.decode()
    assert f'data-event="{week.pk}"' in html and "week of 21 September 2016" in html


def test_arabic_says_no_events_rather_than_zero_event(client, talks):
    # "0 حدث" is not Arabic for an empty result.
    html = client.get("/", {"q": "no-such-words"}).content.decode()
    assert "لا أحداث" in html and "0 حدث" not in html
    assert "لا يوجد حدث يطابق هذه المرشحات." in html and "اعرض كل الأحداث" in html


def test_admin_header_is_translated(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "تحرير نيوزلاين" in html and "Newsline curation" not in html
