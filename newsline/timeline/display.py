"""How events, actors and places read in the current interface language.

Plain functions shared by the templates (through ``templatetags.timeline``) and the
chart builder, so the hover text and the card say the same thing.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.utils import formats, translation
from django.utils.translation import gettext as _


def is_arabic() -> bool:
    return (translation.get_language() or "ar").split("-")[0] == "ar"


def localized(obj, field: str = "") -> str:
    """The Arabic or English name/title of an Event, Actor, Place or Publisher.

    Falls back to the other language when the preferred one is empty.
    """
    if obj is None:
        return ""
    base = field or ("title" if hasattr(obj, "title_en") else "name")
    english = getattr(obj, f"{base}_en", None) if base == "title" else getattr(obj, base, "")
    arabic = getattr(obj, f"{base}_ar", "") or ""
    english = english or ""
    return (arabic or english) if is_arabic() else (english or arabic)


def _fmt(day: dt.date, fmt: str) -> str:
    return formats.date_format(day, fmt)


def span(event) -> tuple[dt.date, dt.date]:
    """First and last day an event covers, widened to its precision.

    A month-precision event covers its whole month: it must never be drawn as a day.
    """
    start, end = event.date, event.date_end or event.date
    if event.precision == "week":
        end = max(end, start + dt.timedelta(days=6))
    elif event.precision == "month":
        start = start.replace(day=1)
        end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    elif event.precision == "year":
        start = start.replace(month=1, day=1)
        end = end.replace(month=12, day=31)
    return start, end


def when(event) -> str:
    """The date of an event as precise as it is known: "8–9 September 2016",
    "September 2016", "2016", "week of 5 September 2016"."""
    start, end = event.date, event.date_end
    if event.precision == "year":
        return str(start.year)
    if event.precision == "month":
        if end and (end.year, end.month) != (start.year, start.month):
            return f"{_fmt(start, 'F Y')} – {_fmt(end, 'F Y')}"
        return _fmt(start, "F Y")
    if event.precision == "week":
        return _("week of %(date)s") % {"date": _fmt(start, "j F Y")}
    return date_range(start, end)


def date_range(start: dt.date, end: dt.date | None) -> str:
    if not end or end == start:
        return _fmt(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {_fmt(end, 'F Y')}"
    if start.year == end.year:
        return f"{_fmt(start, 'j F')} – {_fmt(end, 'j F Y')}"
    return f"{_fmt(start, 'j F Y')} – {_fmt(end, 'j F Y')}"
