"""The timeline page's filters, for the API, the exports, the feed and the embed.

The page's own form (newsline.timeline.filters.TimelineFilters) and queryset function
are reused, so a timeline URL's query string means the same thing everywhere. The page
ignores an invalid field; data-out paths report it instead (the API answers 400).
"""

from django.db.models import QuerySet

from newsline.events.models import Event
from newsline.timeline.filters import TimelineFilters, filter_events

CHOICE_FIELDS = {"actor", "place", "publisher"}


def filtered_events(params) -> tuple[QuerySet, dict | None]:
    """Public events narrowed by the query string `params`, oldest first, and the
    form's errors (None when every filter is valid; the queryset is then unfiltered
    by the invalid fields only)."""
    public = Event.objects.public()
    form = TimelineFilters(params or None, public=public)
    errors = None
    if form.is_bound and not form.is_valid():
        errors = form.errors.get_json_data()
    qs = filter_events(public, form.filters()) if form.is_bound else public
    if errors:
        # An actor, place or publisher with no public event is not malformed input:
        # nothing matches it (the page's choices only list those that have events).
        unknown = {
            field
            for field, messages in errors.items()
            if field in CHOICE_FIELDS and all(m["code"] == "invalid_choice" for m in messages)
        }
        if unknown:
            qs = qs.none()
            errors = {f: m for f, m in errors.items() if f not in unknown} or None
    return qs.order_by("date", "id"), errors


def errors_as_text(errors: dict) -> str:
    return "; ".join(
        f"{field}: {' '.join(e['message'] for e in messages)}" for field, messages in errors.items()
    )
