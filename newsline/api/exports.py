"""Exports of any filtered view: CSV, JSON, iCalendar and TimelineJS JSON.

Each takes the timeline's query string (see filters.py) and writes public events only.
Untrusted article text is made inert for each format: formula prefixes in CSV, bidi
overrides dropped in plain-text formats, HTML escaped where the consumer renders HTML
(TimelineJS), and source links kept only when they are http(s).
"""

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape, format_html, format_html_join
from django.views.decorators.http import require_GET

from newsline.events.models import CAMEO, Event, Precision

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


def _permalink(request: HttpRequest, event: Event) -> str:
    return request.build_absolute_uri(event.get_absolute_url())


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
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
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
            _permalink(request, e),
        ]
        # Numbers from the database (a negative longitude) are not formulas; text is guarded.
        writer.writerow(
            ["" if c is None else csv_cell(c) if isinstance(c, str) else c for c in row]
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    return _attachment(response, "newsline-events.csv")


@require_GET
def events_json(request: HttpRequest) -> HttpResponse:
    """DESIGN.md's event JSON, every filtered event in one document."""
    events = _events(request)
    if isinstance(events, HttpResponse):
        return events
    body = dumps({"events": [event_to_dict(e, request) for e in events]})
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    return _attachment(response, "newsline-events.json")


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
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Newsline//Syria diplomacy timeline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + _ical_text("Newsline — نيوزلاين"),
    ]
    for e in events:
        actors = [a.name for a in e.actors.all()]
        mentions = list(e.mentions.all())
        description = "\n".join(
            [one_line(e.title_en), "", *(f"«{one_line(m.quote)}»" for m in mentions)]
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{e.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{e.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{period_end(e) + timedelta(days=1):%Y%m%d}",
            "SUMMARY:" + _ical_text(one_line(e.title_ar) or one_line(e.title_en)),
            "DESCRIPTION:" + _ical_text(description),
            "CATEGORIES:" + _ical_text(e.type),
            "URL:" + _ical_text(_permalink(request, e)),
            "STATUS:" + ("TENTATIVE" if e.status == "planned" else "CONFIRMED"),
            "TRANSP:TRANSPARENT",
        ]
        if e.place:
            lines.append("LOCATION:" + _ical_text(f"{e.place.name_ar} ({e.place.name})"))
        if actors:
            lines.append("X-NEWSLINE-ACTORS:" + _ical_text("; ".join(actors)))
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    body = "".join(_fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return _attachment(response, "newsline-events.ics")


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


def timelinejs_slide(request: HttpRequest, e: Event, english: bool) -> dict:
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
        _permalink(request, e),
        "Newsline" if english else "نيوزلاين",
    )
    slide = {
        "unique_id": f"event-{e.pk}",
        "start_date": _tl_date(e.date, e.precision),
        "text": {"headline": str(escape(title)), "text": str(text)},
        "group": e.get_type_display(),
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
    data = {
        "title": {
            "text": {
                "headline": "Syria diplomacy track" if english else "مسار الدبلوماسية السورية",
                "text": "Newsline" if english else "نيوزلاين",
            }
        },
        "events": [timelinejs_slide(request, e, english) for e in events],
    }
    body = json.dumps(data, ensure_ascii=False, indent=None if not settings.DEBUG else 1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    return _attachment(response, "newsline-timelinejs.json")
