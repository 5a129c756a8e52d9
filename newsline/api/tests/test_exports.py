import csv
import io
import json
from datetime import date
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
from django.urls import reverse

from newsline.events.models import Review

from .factories import make_actor, make_event, make_place
from .hostile import FORMULA, JS_URL, RLO, SCRIPT, make_hostile_event

pytestmark = pytest.mark.django_db

TIMELINEJS_SCHEMA = json.loads(
    (Path(__file__).parent / "timelinejs.schema.json").read_text(encoding="utf-8")
)


def read_csv(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_csv_has_one_row_per_event_with_acled_like_columns(client):
    kerry, lavrov = make_actor("John Kerry"), make_actor("Sergey Lavrov")
    geneva = make_place("Geneva", name_ar="جنيف", latitude=46.2, longitude=6.15)
    event = make_event(actors=[kerry, lavrov], place=geneva, sources=2, date_end=date(2016, 9, 9))
    make_event(type="ceasefire", date=date(2016, 9, 12), precision="week")
    make_event(review=Review.PROPOSED)

    rows = read_csv(client.get(reverse("api:export_csv")))

    assert len(rows) == 2
    row = rows[0]
    assert row["event_id"] == str(event.pk)
    assert (row["event_date"], row["date_end"], row["time_precision"]) == (
        "2016-09-08",
        "2016-09-09",
        "day",
    )
    assert (row["event_type"], row["cameo_code"]) == ("meeting", "04")
    assert (row["actor1"], row["actor2"]) == ("John Kerry", "Sergey Lavrov")
    assert (row["location"], row["location_ar"], row["latitude"]) == ("Geneva", "جنيف", "46.2")
    assert row["source_count"] == "2"
    assert len(row["source_urls"].split()) == 2
    assert row["permalink"].startswith("http://testserver/events/")
    assert rows[1]["cameo_code"] == "0871"


def test_csv_export_follows_the_filters(client):
    make_event(type="meeting")
    make_event(type="violence")
    rows = read_csv(client.get(reverse("api:export_csv"), {"type": "violence"}))
    assert [r["event_type"] for r in rows] == ["violence"]
    assert client.get(reverse("api:export_csv"), {"start": "nope"}).status_code == 400


def test_csv_cells_cannot_be_formulas_or_reorder_text(client):
    make_hostile_event()
    content = client.get(reverse("api:export_csv")).getvalue().decode("utf-8-sig")
    assert RLO not in content
    row = next(csv.DictReader(io.StringIO(content)))
    for column, value in row.items():
        assert not value.startswith(("=", "+", "-", "@")), column
    assert row["title_en"] == "'" + FORMULA
    assert row["location"].startswith("'-")
    assert JS_URL not in row["source_urls"]


def test_negative_coordinates_stay_numbers_in_csv(client):
    make_event(place=make_place(latitude=-33.9, longitude=-70.6))
    row = read_csv(client.get(reverse("api:export_csv")))[0]
    assert (row["latitude"], row["longitude"]) == ("-33.9", "-70.6")


def test_json_export_is_the_design_document(client):
    make_event(actors=[make_actor()])
    make_event(review=Review.REJECTED)
    response = client.get(reverse("api:export_json"))
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.getvalue())
    assert list(data) == ["events"] and len(data["events"]) == 1


def test_json_output_has_no_raw_markup_or_bidi_controls_yet_decodes_exactly(client):
    event = make_hostile_event()
    for url in (reverse("api:export_json"), reverse("api:event", args=[event.pk])):
        raw = client.get(url).getvalue().decode()
        assert "<" not in raw and RLO not in raw
        assert SCRIPT in raw.encode().decode("unicode_escape", "ignore") or "\\u003c" in raw
    data = client.get(reverse("api:event", args=[event.pk])).json()
    assert data["title_ar"] == event.title_ar  # data stays exact: offsets index into it


def test_ics_parses_with_all_day_events_and_exclusive_ends(client):
    geneva = make_place("Geneva", name_ar="جنيف")
    make_event(place=geneva, date=date(2016, 9, 8), date_end=date(2016, 9, 9))
    make_event(date=date(2016, 2, 1), precision="month", status="planned")
    make_event(review=Review.PROPOSED)

    response = client.get(reverse("api:export_ics"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.getvalue())
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    month, first = events
    assert first.decoded("DTSTART") == date(2016, 9, 8)
    assert first.decoded("DTEND") == date(2016, 9, 10)
    assert "جنيف" in str(first["LOCATION"])
    assert str(first["SUMMARY"]).startswith("اجتماع")
    assert month.decoded("DTEND") == date(2016, 3, 1)
    assert str(month["STATUS"]) == "TENTATIVE"
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == 2


def test_ics_long_arabic_lines_fold_without_breaking_characters(client):
    make_event(title_ar="اجتماع " * 40, quote="قال الوزير، إن الاتفاق; صامد\\ " * 10)
    body = client.get(reverse("api:export_ics")).getvalue()
    for line in body.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no multi-byte character cut in two
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == ("اجتماع " * 40).strip()
    assert "إن الاتفاق; صامد\\" in str(event["DESCRIPTION"])


def test_ics_text_is_inert(client):
    make_hostile_event()
    body = client.get(reverse("api:export_ics")).getvalue().decode()
    assert RLO not in body
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert "سري" in str(event["SUMMARY"])


def test_timelinejs_export_validates_against_the_timelinejs_schema(client):
    make_event(actors=[make_actor()], date_end=date(2016, 9, 9))
    make_event(date=date(2016, 2, 1), precision="month")
    make_event(date=date(2013, 1, 1), precision="year")
    response = client.get(reverse("api:export_timelinejs"))
    data = json.loads(response.getvalue())
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    starts = [e["start_date"] for e in data["events"]]
    assert starts == [
        {"year": 2013},
        {"year": 2016, "month": 2},
        {"year": 2016, "month": 9, "day": 8},
    ]
    assert data["events"][2]["end_date"] == {"year": 2016, "month": 9, "day": 9}
    assert data["events"][0]["unique_id"].startswith("event-")
    english = json.loads(client.get(reverse("api:export_timelinejs"), {"lang": "en"}).getvalue())
    assert english["events"][0]["text"]["headline"].startswith("Lavrov and Kerry")


def test_timelinejs_html_is_escaped_and_links_are_http_only(client):
    make_hostile_event()
    data = json.loads(client.get(reverse("api:export_timelinejs")).getvalue())
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    slide = data["events"][0]
    assert "<script" not in slide["text"]["headline"]
    assert "&lt;script&gt;" in slide["text"]["headline"]
    assert "<script" not in slide["text"]["text"] and "<img" not in slide["text"]["text"]
    assert "javascript:" not in slide["text"]["text"]
    assert RLO not in json.dumps(data, ensure_ascii=False)


def test_atom_feed_lists_approved_events_newest_approval_first(client):
    older = make_event(title_ar="أقدم")
    newer = make_event(title_ar="أحدث")
    make_event(review=Review.PROPOSED, title_ar="مقترح")
    # Approving `older` again later does not move it: the first approval counts.
    older.confidence = 0.9
    older.save()

    feed = feedparser.parse(client.get(reverse("api:feed")).getvalue())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert titles == ["أحدث", "أقدم"]
    assert feed.entries[0].link.endswith(newer.get_absolute_url())


def test_an_old_event_approved_today_heads_the_feed(client):
    from newsline.events.curation import set_review

    waiting = make_event(review=Review.PROPOSED, title_ar="انتظر", date=date(2012, 1, 1))
    make_event(title_ar="منشور")
    assert waiting.approved_at is None
    set_review([waiting], Review.APPROVED)
    first = [e.title for e in feedparser.parse(client.get(reverse("api:feed")).getvalue()).entries]
    assert first == ["انتظر", "منشور"]
    # Rejected and approved again: the first approval still counts.
    waiting.refresh_from_db()
    stamp = waiting.approved_at
    set_review([waiting], Review.REJECTED)
    set_review([waiting], Review.APPROVED)
    waiting.refresh_from_db()
    assert waiting.approved_at == stamp


def test_atom_feed_follows_the_filters(client):
    make_event(type="meeting", title_ar="اجتماع")
    make_event(type="call", title_ar="اتصال")
    feed = feedparser.parse(client.get(reverse("api:feed"), {"type": "call"}).getvalue())
    assert [entry.title for entry in feed.entries] == ["اتصال"]
    assert client.get(reverse("api:feed"), {"type": "picnic"}).status_code == 400


def test_atom_feed_text_is_inert(client):
    make_hostile_event()
    raw = client.get(reverse("api:feed")).getvalue().decode()
    assert RLO not in raw
    feed = feedparser.parse(raw)
    assert not feed.bozo
    entry = feed.entries[0]
    # The title is text: the reader shows the script tag as characters.
    assert entry.title_detail.type == "text/plain"
    assert SCRIPT in entry.title
    # The summary is HTML: the attacker's markup arrives escaped, as visible text.
    assert entry.summary_detail.type == "text/html"
    assert "<script" not in entry.summary and "<img" not in entry.summary
    assert "&lt;img src=x" in entry.summary
    assert "javascript:" not in entry.summary


@pytest.mark.parametrize("name", ["export_csv", "export_json", "export_ics", "export_timelinejs"])
def test_big_exports_are_sent_as_they_are_written(client, monkeypatch, name):
    # Written a few events at a time (each batch with its own actors and sources),
    # so a 100k-event export starts at once instead of after gunicorn's timeout.
    from newsline.api import exports

    monkeypatch.setattr(exports, "EVENTS_PER_QUERY", 3)
    monkeypatch.setattr(exports, "CHUNK_CHARS", 200)
    kerry = make_actor("John Kerry")
    made = [
        make_event(actors=[kerry], sources=1 + i % 2, date=date(2016, 1, 1 + i)) for i in range(8)
    ]
    response = client.get(reverse(f"api:{name}"), {"lang": "en"})  # English names
    assert response.streaming
    chunks = list(response.streaming_content)
    assert len(chunks) > 3
    body = b"".join(chunks).decode("utf-8-sig")
    for event in made:  # every event, each with its own sources and actor
        assert f"{event.pk}" in body
    assert body.count("John Kerry") >= len(made)
