"""Exports of any filtered view: CSV, JSON, iCalendar and TimelineJS JSON.

Each takes the timeline's query string (see filters.py) and writes public events only.
Untrusted article text is made inert for each format: formula prefixes in CSV, bidi
overrides dropped in plain-text formats, HTML escaped where the consumer renders HTML
(TimelineJS), and source links kept only when they are http(s).
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.html import escape, format_html, format_html_join
from django.views.decorators.http import require_GET

from newsline.events.models import CAMEO, Event, EventType, Precision
from newsline.timeline.charts import permalinks

from .filters import errors_as_text, filtered_events
from .serializers import event_to_dict
from .text import csv_cell, one_line, plain
from .views import dumps

CSV_COLUMNS = [
    "event_id",
    "event_date",
    "date_end",
    "time_precision",
    "event_type",
    "cameo_code",
    "status",
    "title_ar",
    "title_en",
    "actor1",
    "actor2",
    "actors",
    "location",
    "location_ar",
    "latitude",
    "longitude",
    "confidence",
    "source_count",
    "source_urls",
    "source_origins",
    "notes",
    "permalink",
]


def safe_url(url: str | None) -> str:
    """`url` if it is an absolute http(s) URL, else "" (no javascript:, data:, …)."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme.lower() in {"http", "https"} and parts.netloc else ""


def _events(request: HttpRequest):
    """The filtered public events with actors and sources, or a 400 response."""
    qs, errors = filtered_events(request.GET)
    if errors:
        return HttpResponse(
            "Invalid filters: " + errors_as_text(errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return qs.with_actors().with_sources()


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


# Exports are written while they are sent (StreamingHttpResponse), a chunk of events
# at a time with their actors and sources: 100k events used to be built in memory for
# ~40 s, past gunicorn's timeout, before the first byte left.
EVENTS_PER_QUERY = 1000
CHUNK_CHARS = 64 * 1024


def _each(events) -> Iterator[Event]:
    """The events, read ``EVENTS_PER_QUERY`` at a time (prefetches included)."""
    return events.iterator(chunk_size=EVENTS_PER_QUERY)


def _stream(chunks: Iterable[str], content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (chunk.encode("utf-8") for chunk in chunks), content_type=content_type
    )
    return _attachment(response, filename)


def _permalinks(request: HttpRequest):
    """Absolute permalinks, fixed now: the body is written after the view returns,
    when the request's language may no longer be the active one."""
    base = request.build_absolute_uri("/")[:-1]
    path_of = permalinks()
    return lambda event: base + path_of(event)


def period_end(event: Event) -> date:
    """The last day an event covers, from date_end or its date precision."""
    if event.date_end:
        return event.date_end
    start = event.date
    if event.precision == Precision.WEEK:
        return start + timedelta(days=6)
    if event.precision == Precision.MONTH:
        first_next = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
        return first_next - timedelta(days=1)
    if event.precision == Precision.YEAR:
        return start.replace(month=12, day=31)
    return start


@require_GET
def events_csv(request: HttpRequest) -> HttpResponse:
    """One row per event, ACLED-like columns; UTF-8 with a BOM so Excel reads the Arabic."""
    events = _events(request)
    if isinstance(events, HttpResponse):
        return events
    permalink = _permalinks(request)

    def chunks() -> Iterator[str]:
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for e in _each(events):
            writer.writerow(_csv_row(e, permalink))
            if out.tell() > CHUNK_CHARS:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
        yield out.getvalue()

    return _stream(chunks(), "text/csv; charset=utf-8", "newsline-events.csv")


def _csv_row(e: Event, permalink) -> list:
    actors = list(e.actors.all())
    mentions = list(e.mentions.all())
    urls = list(dict.fromkeys(u for m in mentions if (u := safe_url(m.article.url))))
    origins = list(dict.fromkeys(m.article.origin for m in mentions))
    row = [
        e.pk,
        e.date.isoformat(),
        e.date_end.isoformat() if e.date_end else "",
        e.precision,
        e.type,
        CAMEO.get(e.type, ""),
        e.status,
        one_line(e.title_ar),
        one_line(e.title_en),
        actors[0].name if actors else "",
        actors[1].name if len(actors) > 1 else "",
        "; ".join(a.name for a in actors),
        e.place.name if e.place else "",
        e.place.name_ar if e.place else "",
        e.place.latitude if e.place else None,
        e.place.longitude if e.place else None,
        f"{e.confidence:.2f}",
        len({m.article_id for m in mentions}),
        " ".join(urls),
        "; ".join(origins),
        " | ".join(one_line(m.quote) for m in mentions),
        permalink(e),
    ]
    # Numbers from the database (a negative longitude) are not formulas; text is guarded.
    return ["" if c is None else csv_cell(c) if isinstance(c, str) else c for c in row]


@require_GET
def events_json(request: HttpRequest) -> HttpResponse:
    """DESIGN.md's event JSON, every filtered event in one document."""
    events = _events(request)
    if isinstance(events, HttpResponse):
        return events
    return _stream(
        _json_document('{"events":[', (dumps(event_to_dict(e, request)) for e in _each(events))),
        "application/json; charset=utf-8",
        "newsline-events.json",
    )


def _json_document(head: str, items: Iterable[str], tail: str = "]}") -> Iterator[str]:
    """``head``, the items separated by commas, ``tail``: one JSON document, written as
    it is read."""
    yield head
    for i, item in enumerate(items):
        yield item if i == 0 else "," + item
    yield tail


# iCalendar (RFC 5545) is simple enough to write by hand; the tests parse it with the
# icalendar package. TEXT values escape \ ; , and newlines; lines fold at 75 octets.


def _ical_text(value: object) -> str:
    text = plain(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        limit = 75 if not parts else 74  # continuation lines start with a space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


@require_GET
def events_ics(request: HttpRequest) -> HttpResponse:
    """All-day calendar entries, one per event (DTEND is exclusive: the day after)."""
    events = _events(request)
    if isinstance(events, HttpResponse):
        return events
    host = request.get_host().split(":")[0] or "newsline"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    permalink = _permalinks(request)

    def chunks() -> Iterator[str]:
        head = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Newsline//Syria diplomacy timeline//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + _ical_text("Newsline — نيوزلاين"),
        ]
        yield _ical_lines(head)
        for e in _each(events):
            yield _ical_lines(_vevent(e, host, stamp, permalink))
        yield _ical_lines(["END:VCALENDAR"])

    return _stream(chunks(), "text/calendar; charset=utf-8", "newsline-events.ics")


def _ical_lines(lines: list[str]) -> str:
    return "".join(_fold(line) + "\r\n" for line in lines)


def _vevent(e: Event, host: str, stamp: str, permalink) -> list[str]:
    """The content lines of one event's VEVENT."""
    actors = [a.name for a in e.actors.all()]
    mentions = list(e.mentions.all())
    description = "\n".join(
        [one_line(e.title_en), "", *(f"«{one_line(m.quote)}»" for m in mentions)]
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{e.pk}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{e.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{period_end(e) + timedelta(days=1):%Y%m%d}",
        "SUMMARY:" + _ical_text(one_line(e.title_ar) or one_line(e.title_en)),
        "DESCRIPTION:" + _ical_text(description),
        "CATEGORIES:" + _ical_text(e.type),
        "URL:" + _ical_text(permalink(e)),
        "STATUS:" + ("TENTATIVE" if e.status == "planned" else "CONFIRMED"),
        "TRANSP:TRANSPARENT",
    ]
    if e.place:
        lines.append("LOCATION:" + _ical_text(f"{e.place.name_ar} ({e.place.name})"))
    if actors:
        lines.append("X-NEWSLINE-ACTORS:" + _ical_text("; ".join(actors)))
    lines.append("END:VEVENT")
    return lines


# TimelineJS renders `headline` and `text` as HTML, so everything from an article is
# escaped here and links are http(s) only: a newsroom page embedding the timeline
# must not run a script an article smuggled in.


def _tl_date(day: date, precision: str) -> dict:
    value: dict = {"year": day.year}
    if precision in (Precision.DAY, Precision.WEEK, Precision.MONTH):
        value["month"] = day.month
    if precision in (Precision.DAY, Precision.WEEK):
        value["day"] = day.day
    return value


def timelinejs_slide(e: Event, english: bool, permalink, groups: dict[str, str]) -> dict:
    title = one_line(e.title_en if english else e.title_ar) or one_line(e.title_ar)
    quotes = format_html_join(
        "",
        "<blockquote>{}</blockquote><p>{}</p>",
        (
            (
                plain(m.quote),
                format_html('<a href="{}">{}</a>', url, plain(m.article.title or url))
                if (url := safe_url(m.article.url))
                else plain(m.article.title or m.article.origin),
            )
            for m in e.mentions.all()
        ),
    )
    actors = ", ".join(plain(a.name if english else a.name_ar) for a in e.actors.all())
    text = format_html(
        '<p>{}</p>{}<p><a href="{}">{}</a></p>',
        actors,
        quotes,
        permalink(e),
        "Newsline" if english else "نيوزلاين",
    )
    slide = {
        "unique_id": f"event-{e.pk}",
        "start_date": _tl_date(e.date, e.precision),
        "text": {"headline": str(escape(title)), "text": str(text)},
        "group": groups.get(e.type, e.type),
    }
    if e.date_end:
        slide["end_date"] = _tl_date(e.date_end, e.precision)
    return slide


@require_GET
def events_timelinejs(request: HttpRequest) -> HttpResponse:
    """A TimelineJS 3 JSON document; ?lang=en for English headlines (Arabic by default)."""
    events = _events(request)
    if isinstance(events, HttpResponse):
        return events
    english = request.GET.get("lang") == "en"
    permalink = _permalinks(request)
    groups = {value: str(label) for value, label in EventType.choices}
    title = {
        "text": {
            "headline": "Syria diplomacy track" if english else "مسار الدبلوماسية السورية",
            "text": "Newsline" if english else "نيوزلاين",
        }
    }
    head = '{"title":' + _compact(title) + ',"events":['
    slides = (_compact(timelinejs_slide(e, english, permalink, groups)) for e in _each(events))
    return _stream(
        _json_document(head, slides),
        "application/json; charset=utf-8",
        "newsline-timelinejs.json",
    )


def _compact(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
