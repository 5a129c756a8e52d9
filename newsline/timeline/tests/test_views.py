import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from newsline.events.models import Review

from . import factories as f

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def en(obj) -> str:
    with translation.override("en"):
        return obj.get_absolute_url()


@pytest.fixture
def talks():
    lavrov = f.actor(**f.LAVROV)
    kerry = f.actor(**f.KERRY)
    return f.event(
        date=dt.date(2016, 9, 8),
        date_end=dt.date(2016, 9, 9),
        actors=[lavrov, kerry],
        place_obj=f.place(),
        sources=2,
    )


def test_timeline_full_page_has_the_chart_and_the_list(client, talks):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html and 'dir="rtl"' in html
    assert 'id="chart-data"' in html and 'data-chart="chart-data"' in html
    assert talks.title_ar in html
    assert "plotly/plotly.min.js" in html and "js/timeline.js" in html
    assert response.headers["Vary"].count("HX-Request") == 1


def test_timeline_htmx_fragment_is_the_events_partial(client, talks):
    response = client.get("/", {"type": "meeting"}, **HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith('<div id="events"')
    assert 'id="chart-data"' in html and talks.title_ar in html


def test_history_restore_gets_the_full_page(client, talks):
    response = client.get("/", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()


def test_english_page_is_left_to_right_and_in_english(client, talks):
    html = client.get("/en/").content.decode()
    assert 'lang="en"' in html and 'dir="ltr"' in html
    assert talks.title_en in html
    assert "Timeline of the Syria diplomacy track" in html


def test_arabic_page_is_translated(client, talks):
    html = client.get("/").content.decode()
    assert 'lang="ar"' in html
    assert "Timeline of the Syria diplomacy track" not in html


def _make(n: int):
    pub = f.publisher()
    actors = [f.actor(**f.LAVROV), f.actor(**f.KERRY), f.actor(**f.RUSSIA)]
    for i in range(n):
        f.event(
            date=dt.date(2016, 1, 1) + dt.timedelta(days=i * 7),
            actors=actors[: 1 + i % 3],
            place_obj=f.place() if i % 2 else None,
            sources=1 + i % 3,
            status="planned" if i % 4 == 0 else "occurred",
            type=["meeting", "call", "statement"][i % 3],
        )
    return pub


@pytest.mark.parametrize(
    ("params", "queries"),
    # Lanes by actor read the links and their actors too (two queries more).
    [({}, 5), ({"lanes": "actor", "q": "محادثات", "min_sources": "1"}, 7)],
)
def test_timeline_query_count_is_constant(client, django_assert_num_queries, params, queries):
    _make(3)
    with django_assert_num_queries(queries) as small:
        client.get("/", params)
    _make(27)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/", params)
    assert response.context["event_count"] == 30


def test_filters_narrow_the_events(client):
    lavrov, kerry = f.actor(**f.LAVROV), f.actor(**f.KERRY)
    geneva = f.place()
    talks = f.event(actors=[lavrov, kerry], place_obj=geneva, sources=2)
    call = f.event(
        type="call",
        date=dt.date(2016, 10, 1),
        title_ar="اتصال هاتفي",
        title_en="Phone call",
        actors=[kerry],
        quote="أجرى كيري اتصالا هاتفيا بنظيره",
    )
    planned = f.event(
        status="planned", date=dt.date(2016, 11, 1), title_ar="اجتماع مقبل", title_en="Next"
    )

    def ids(**params):
        response = client.get("/", params, **HX)
        return {e.pk for e in response.context["page_obj"]}

    assert ids() == {talks.pk, call.pk, planned.pk}
    assert ids(type="call") == {call.pk}
    assert ids(actor=lavrov.slug) == {talks.pk}
    assert ids(place=geneva.slug) == {talks.pk}
    assert ids(q="اتصالا هاتفيا") == {call.pk}  # in the quote only
    assert ids(q="phone") == {call.pk}  # in the English title
    assert ids(min_sources="2") == {talks.pk}
    assert ids(status="planned") == {planned.pk}
    assert ids(start="2016-09-30", end="2016-10-31") == {call.pk}
    assert ids(publisher=str(f.publisher().pk)) == {talks.pk, call.pk, planned.pk}


def test_an_invalid_filter_is_ignored_and_reported(client, talks):
    response = client.get("/", {"start": "not-a-date", "type": "meeting"})
    assert response.status_code == 200
    assert response.context["event_count"] == 1
    assert 'class="form-errors"' in response.content.decode()


def test_rejected_and_proposed_events_stay_off_the_timeline(client, talks):
    f.event(review=Review.PROPOSED, title_ar="مقترح", title_en="Proposed one")
    f.event(review=Review.REJECTED, title_ar="مرفوض", title_en="Rejected one")
    html = client.get("/en/").content.decode()
    assert "Proposed one" not in html and "Rejected one" not in html


def test_timeline_opens_centred_on_the_event_with_its_card(client, talks):
    response = client.get("/en/", {"event": talks.pk})
    html = response.content.decode()
    figure = response.context["figure"]
    assert figure["layout"]["xaxis"]["range"] == ["2016-07-25", "2016-10-24"]
    assert 'class="event-card"' in html and 'aria-current="true"' in html
    assert any(t.get("meta", {}).get("role") == "focus" for t in figure["data"])


def test_event_permalink_full_page_has_open_graph_and_canonical(client, talks):
    url = talks.get_absolute_url()
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    quote = talks.mentions.first().quote
    assert f'<meta property="og:title" content="{talks.title_ar}">' in html
    assert f'<meta property="og:description" content="{quote}' in html
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta property="og:url" content="http://testserver{url}">' in html
    for mention in talks.mentions.all():
        assert f"/articles/{mention.article_id}/#m-{mention.pk}" in html
    assert "Vary" in response.headers


def test_event_card_htmx_fragment(client, talks):
    response = client.get(talks.get_absolute_url(), **HX)
    html = response.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith('<article class="event-card"')
    assert f'data-event-id="{talks.pk}"' in html


def test_event_card_lists_actors_place_and_sources(client, talks):
    html = client.get(en(talks), **HX).content.decode()
    assert "Sergey Lavrov" in html and "/actors/sergey-lavrov/" in html
    assert "Geneva" in html
    assert "8–9 September 2016" in html
    assert "2 sources" in html


def test_wrong_slug_redirects_to_the_canonical_permalink(client, talks):
    response = client.get(reverse("timeline:event", args=[talks.pk, "wrong"]))
    assert response.status_code == 301
    assert response.headers["Location"] == talks.get_absolute_url()
    assert client.get(f"/events/{talks.pk}/").status_code == 301


def test_merged_event_permalink_redirects_to_the_survivor(client, talks):
    old = f.event(title_en="Duplicate", review=Review.APPROVED)
    old.merged_into = talks
    old.save()
    response = client.get(old.get_absolute_url())
    assert response.status_code == 301
    assert response.headers["Location"] == talks.get_absolute_url()


@pytest.mark.parametrize("review", [Review.PROPOSED, Review.REJECTED])
def test_unreviewed_event_is_404_for_readers_and_a_preview_for_staff(client, admin_client, review):
    ev = f.event(review=review)
    assert client.get(ev.get_absolute_url()).status_code == 404
    response = admin_client.get(en(ev))
    assert response.status_code == 200
    assert "Not public" in response.content.decode()


def test_lifecycle_line_links_announcement_and_outcome(client):
    planned = f.event(
        status="planned", date=dt.date(2016, 9, 8), date_end=dt.date(2016, 9, 9), sources=1
    )
    held = f.event(date=dt.date(2016, 9, 8), date_end=dt.date(2016, 9, 9), announced_by=planned)
    html = client.get(en(held), **HX).content.decode()
    assert "Announced on 7 September 2016 for 8–9 September 2016" in html
    assert "held" in html and planned.get_absolute_url() in html
    html = client.get(en(planned), **HX).content.decode()
    assert "Announced on 7 September 2016" in html and held.get_absolute_url() in html


def test_planned_event_without_outcome_says_so(client):
    planned = f.event(status="planned")
    html = client.get(en(planned), **HX).content.decode()
    assert "not reported as held yet" in html


def test_article_reader_marks_each_mention(client, talks):
    mention = talks.mentions.first()
    html = client.get(reverse("timeline:article", args=[mention.article_id])).content.decode()
    assert f'<mark id="m-{mention.pk}">{mention.quote}</mark>' in html
    assert talks.get_absolute_url() in html


def test_article_reader_keeps_hostile_text_inert(client):
    body = 'بداية <script>alert(1)</script> "quoted" <img src=x onerror=alert(2)>.\n\nنهاية.'
    art = f.article(body, url="javascript:alert(3)", title="<b>title</b>")
    ev = f.event()
    m = f.mention(ev, art, body.index("<script>"), body.index("."))
    html = client.get(reverse("timeline:article", args=[art.pk])).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>title" not in html
    assert f'<mark id="m-{m.pk}">&lt;script&gt;alert(1)&lt;/script&gt;' in html
    assert "javascript:alert" not in html


def test_actor_page_full_and_fragment(client, talks):
    lavrov = talks.actors.get(name="Sergey Lavrov")
    f.event(title_ar="حدث آخر", title_en="Another", actors=[f.actor(**f.USA)])
    response = client.get(lavrov.get_absolute_url())
    html = response.content.decode()
    assert "<html" in html and lavrov.name_ar in html and 'data-chart="chart-data"' in html
    assert response.context["event_count"] == 1
    fragment = client.get(lavrov.get_absolute_url(), {"page": "1"}, **HX).content.decode()
    assert "<html" not in fragment and talks.title_ar in fragment and "حدث آخر" not in fragment


def test_list_is_paginated_by_fifty(client):
    for i in range(55):
        f.event(date=dt.date(2015, 1, 1) + dt.timedelta(days=i), sources=0)
    response = client.get("/", {"page": 2})
    assert len(response.context["page_obj"].object_list) == 5
    assert 'rel="prev"' in response.content.decode()


def test_language_switch_keeps_the_page_and_its_filters(client, talks):
    html = client.get("/", {"type": "meeting"}).content.decode()
    assert 'href="/en/?type=meeting" lang="en"' in html
    html = client.get(talks.get_absolute_url()).content.decode()
    assert f'href="{en(talks)}" lang="en"' in html
    fragment = client.get("/en/", {"type": "call"}, **HX).content.decode()
    assert 'id="lang-nav"' in fragment and 'hx-swap-oob="true"' in fragment
    assert 'href="/?type=call" lang="ar"' in fragment


def test_staff_see_the_public_timeline_but_can_open_a_proposed_card(admin_client, talks):
    proposed = f.event(review=Review.PROPOSED, title_en="Proposed one")
    html = admin_client.get("/en/").content.decode()
    assert "Proposed one" not in html
    html = admin_client.get("/en/", {"event": proposed.pk}).content.decode()
    assert 'class="banner"' in html and "Proposed one" in html
