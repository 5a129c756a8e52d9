"""Level of detail: above a limit the chart is an overview (bins + top events), the
list pages through the database, and zooming is a date-range request."""

import datetime as dt
import json

import pytest
from django.utils import translation
from django.utils.translation import gettext

from newsline.events.synthetic import generate
from newsline.timeline import charts, lod

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def chart(response) -> dict:
    html = response.content.decode()
    start = html.index('<script id="chart-data" type="application/json">') + 48
    return json.loads(html[start : html.index("</script>", start)])


def test_few_events_are_drawn_one_by_one(corpus):
    assert lod.overview(corpus(30), {}, limit=30) is None


def test_the_overview_counts_every_event_in_bins_and_keeps_the_most_cited(corpus):
    events = corpus(300)
    ov = lod.overview(events, {}, limit=50, top=20)
    assert ov.total == 300 and ov.period == "month"
    assert sum(n for _lane, _day, n in ov.bins) == 300
    assert all(day.day == 1 for _lane, day, _n in ov.bins)
    assert len(ov.top) == 20
    counts = [e.source_count for e in ov.top]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == max(e.mentions.values("article").distinct().count() for e in events)


def test_bins_get_finer_as_the_range_narrows(corpus):
    events = corpus(300)
    one_year = {"start": dt.date(2016, 1, 1), "end": dt.date(2016, 12, 31)}
    assert lod.overview(events, one_year, limit=10).period == "week"
    ten_weeks = {"start": dt.date(2016, 1, 1), "end": dt.date(2016, 3, 10)}
    ov = lod.overview(events.between(**ten_weeks), ten_weeks, limit=1)
    assert ov is None or ov.period == "day"


def test_actor_lanes_bin_the_busiest_actors(corpus):
    ov = lod.overview(corpus(200), {"lanes": "actor"}, limit=50)
    assert set(ov.lane_labels.values()) <= {"جون كيري", "سيرجي لافروف", "روسيا", "إيران"}
    assert {lane for lane, _day, _n in ov.bins} <= set(ov.lane_labels)


def test_overview_events_are_drawn_in_the_lanes_of_the_bins(corpus, monkeypatch):
    # The lanes are the busiest actors of every matching event; the few events drawn
    # one by one go in those lanes (or "other actors"), never in lanes of their own.
    monkeypatch.setattr(lod, "MAX_ACTOR_LANES", 2)
    monkeypatch.setattr(charts, "MAX_ACTOR_LANES", 2)
    ov = lod.overview(corpus(200), {"lanes": "actor"}, limit=50, top=30)
    figure = lod.overview_figure(ov)
    lanes = set(ov.lane_labels.values())
    assert len(lanes) == 2
    categories = figure["layout"]["yaxis"]["categoryarray"]
    assert lanes <= set(categories) <= lanes | {gettext("other actors")}
    drawn = {y for trace in figure["data"] for y in trace["y"] if y is not None}
    assert drawn <= set(categories)
    assert drawn & lanes  # the busiest actors' events are among the drawn ones


def test_the_page_is_an_overview_above_the_limit_with_constant_queries(
    client, corpus, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(lod, "DETAIL_LIMIT", 40)
    monkeypatch.setattr(lod, "TOP_EVENTS", 10)
    corpus(100)
    with django_assert_max_num_queries(12) as small:
        response = client.get("/")
    figure = chart(response)
    meta = figure["layout"]["meta"]["lod"]
    assert meta["total"] == 100 and meta["shown"] == 10
    roles = [t["meta"]["role"] for t in figure["data"]]
    assert "bins" in roles and "events" in roles
    assert sum(len(t["x"]) for t in figure["data"] if t["meta"]["role"] == "events") == 10
    assert response.context["event_count"] == 100
    assert len(response.context["page_obj"].object_list) == 50
    generate(100, seed=1)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/")
    assert response.context["event_count"] == 200


def test_the_list_pages_through_the_database_in_date_order(client, corpus, monkeypatch):
    monkeypatch.setattr(lod, "DETAIL_LIMIT", 40)
    events = corpus(120)
    page2 = client.get("/", {"page": 2}, **HX).context["page_obj"]
    expected = list(events.order_by("date", "id").values_list("pk", flat=True)[50:100])
    assert [e.pk for e in page2.object_list] == expected
    assert all(hasattr(e, "source_count") for e in page2.object_list)


def test_a_focused_event_is_drawn_and_its_page_opened(client, corpus, monkeypatch):
    monkeypatch.setattr(lod, "DETAIL_LIMIT", 40)
    monkeypatch.setattr(lod, "TOP_EVENTS", 5)
    events = corpus(120)
    target = events.order_by("date", "id")[77]
    response = client.get("/", {"event": target.pk}, **HX)
    assert response.context["focus"] == target
    assert response.context["page_obj"].number == 2
    focus = [t for t in chart(response)["data"] if t["meta"]["role"] == "focus"]
    assert focus and focus[0]["customdata"][0][0] == target.pk


def test_zooming_to_a_narrow_range_gives_every_event_in_it(client, corpus, monkeypatch):
    monkeypatch.setattr(lod, "DETAIL_LIMIT", 40)
    events = corpus(150)
    window = {"start": "2016-03-01", "end": "2016-04-15"}
    inside = events.between(dt.date(2016, 3, 1), dt.date(2016, 4, 15)).count()
    assert 0 < inside <= 40
    figure = chart(client.get("/", window, **HX))
    assert "meta" not in figure["layout"]
    drawn = sum(len(t["x"]) for t in figure["data"] if t["meta"]["role"] == "events")
    assert drawn == inside


@pytest.mark.parametrize("period", ["month", "week", "day"])
def test_bins_are_grouped_in_sql_where_period_start_says(corpus, period):
    rows = corpus(200).values("date", start=lod.PeriodStart("date", period))
    assert all(row["start"] == lod.period_start(row["date"], period) for row in rows)


def test_the_arabic_overview_note_ends_as_an_arabic_sentence(corpus):
    # Plotly draws SVG text left to right; without a right-to-left mark the note's
    # final full stop lands on the right, at the start of the Arabic sentence.
    ov = lod.overview(corpus(100), {}, limit=20)
    with translation.override("ar"):
        assert lod.overview_figure(ov)["layout"]["title"]["text"].endswith(".\u200f")
    with translation.override("en"):
        assert lod.overview_figure(ov)["layout"]["title"]["text"].endswith("event.")
