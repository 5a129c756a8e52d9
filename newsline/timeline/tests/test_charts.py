import datetime as dt

import pytest
from django.utils import translation

from newsline.timeline.charts import marker_date, marker_size, timeline_figure
from newsline.timeline.filters import filter_events
from newsline.timeline.views import _timeline_events

from . import factories as f

pytestmark = pytest.mark.django_db


def _figure(lang="ar", **kw):
    events = list(
        _timeline_events(filter_events(f.Event.objects.public(), {}), kw.get("lanes", "type"))
    )
    with translation.override(lang):
        return timeline_figure(events, **kw)


def _events_traces(figure):
    return [t for t in figure["data"] if t["meta"]["role"] == "events"]


def test_figure_is_a_plain_json_dict_with_one_point_per_event():
    a = f.event(sources=1)
    b = f.event(type="call", sources=3, date=dt.date(2016, 10, 1))
    figure = _figure()
    import json

    json.dumps(figure)  # plain data, no Plotly objects
    points = {
        tuple(cd): (x, size)
        for t in _events_traces(figure)
        for cd, x, size in zip(t["customdata"], t["x"], t["marker"]["size"], strict=True)
    }
    assert points == {
        (a.pk, a.get_absolute_url()): ("2016-09-08", marker_size(1)),
        (b.pk, b.get_absolute_url()): ("2016-10-01", marker_size(3)),
    }
    assert marker_size(3) > marker_size(1)


def test_planned_events_are_hollow():
    planned = f.event(status="planned")
    held = f.event(date=dt.date(2016, 9, 20))
    (trace,) = _events_traces(_figure())
    symbols = {
        cd[0]: s for cd, s in zip(trace["customdata"], trace["marker"]["symbol"], strict=True)
    }
    assert symbols == {planned.pk: "circle-open", held.pk: "circle"}


def test_a_date_range_is_drawn_as_a_bar():
    f.event(date=dt.date(2016, 9, 8), date_end=dt.date(2016, 9, 9))
    (bar,) = [t for t in _figure()["data"] if t["meta"]["role"] == "range"]
    assert bar["x"] == ["2016-09-08", "2016-09-10", None]
    assert bar["line"]["width"] >= 8


def test_a_month_precision_event_covers_the_month_not_a_day():
    ev = f.event(date=dt.date(2016, 2, 1), precision="month")
    (bar,) = [t for t in _figure()["data"] if t["meta"]["role"] == "range"]
    assert bar["x"][:2] == ["2016-02-01", "2016-03-01"]
    assert marker_date(ev) == dt.date(2016, 2, 15)


def test_arabic_runs_right_to_left_with_the_arabic_font_and_months():
    f.event()
    ar, en = _figure("ar"), _figure("en")
    assert ar["layout"]["xaxis"]["autorange"] == "reversed"
    assert en["layout"]["xaxis"]["autorange"] is True
    assert ar["layout"]["font"]["family"].startswith('"Noto Naskh Arabic"')
    assert en["layout"]["font"]["family"].startswith('"Noto Sans"')
    assert ar["layout"]["yaxis"]["side"] == "right"
    assert ar["locale"]["format"]["months"][8] == "سبتمبر"
    assert "locale" not in en


def test_lanes_by_type_or_by_actor():
    lavrov, kerry = f.actor(**f.LAVROV), f.actor(**f.KERRY)
    f.event(actors=[lavrov, kerry])
    f.event(type="call", actors=[kerry], date=dt.date(2016, 9, 10))
    f.event(type="statement", date=dt.date(2016, 9, 11))
    by_type = _figure("en", lanes="type")
    assert by_type["layout"]["yaxis"]["categoryarray"] == ["meeting", "phone call", "statement"]
    by_actor = _figure("en", lanes="actor")
    lanes = by_actor["layout"]["yaxis"]["categoryarray"]
    assert set(lanes) == {"Sergey Lavrov", "John Kerry", "other actors"}
    assert lanes[-1] != "other actors"  # the busiest lane is drawn on top
    ys = [y for t in _events_traces(by_actor) for y in t["y"]]
    assert sorted(ys) == sorted(["Sergey Lavrov", "John Kerry", "John Kerry", "other actors"])


def test_hover_text_is_escaped():
    f.event(title_en="<img src=x onerror=alert(1)>")
    (trace,) = _events_traces(_figure("en"))
    assert "<img" not in trace["text"][0] and "&lt;img" in trace["text"][0]


def test_focus_centres_the_axis_and_rings_the_event():
    ev = f.event()
    f.event(date=dt.date(2014, 1, 1))
    events = list(_timeline_events(f.Event.objects.public()))
    focus = next(e for e in events if e.pk == ev.pk)
    with translation.override("ar"):
        figure = timeline_figure(events, focus=focus)
    assert figure["layout"]["xaxis"]["range"] == ["2016-10-23", "2016-07-25"]  # reversed
    assert figure["layout"]["xaxis"]["autorange"] is False
    (ring,) = [t for t in figure["data"] if t["meta"]["role"] == "focus"]
    assert ring["customdata"][0][0] == ev.pk


def test_lanes_by_type_need_no_legend_lanes_by_actor_do():
    # Lanes by type already label each lane with its type; the legend only repeated
    # them and took a third of a phone screen.
    f.event(actors=[f.actor(**f.LAVROV)])
    f.event(type="call", actors=[f.actor(**f.KERRY)])
    assert _figure(lanes="type")["layout"]["showlegend"] is False
    assert _figure(lanes="actor")["layout"]["showlegend"] is True


def test_arabic_legend_reads_from_the_right():
    # Plotly lays legend items out left to right; reversed, the first type is rightmost.
    f.event()
    assert _figure("ar", lanes="actor")["layout"]["legend"]["traceorder"] == "reversed"
    assert _figure("en", lanes="actor")["layout"]["legend"]["traceorder"] == "normal"


def test_legend_symbol_of_a_type_is_filled_even_if_its_first_event_was_planned():
    f.event(status="planned", date=dt.date(2016, 9, 1))
    f.event(date=dt.date(2016, 9, 20))
    (meetings,) = _events_traces(_figure(lanes="actor"))
    assert meetings["marker"]["symbol"] == ["circle", "circle-open"]
