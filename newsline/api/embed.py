"""/embed/: the timeline without the site's chrome, for other sites' iframes.

The only pages that may be framed: X-Frame-Options is dropped and CSP
``frame-ancestors`` allows any origin; everything else of the site policy stays.

Deep links work inside the iframe, where TimelineJS' hash bookmarks famously break
(the host page's URL is not the iframe's): ``?event=<id>`` opens the card on the server,
so it works without JS and survives hosts that strip fragments, and ``#event-<id>``
is honoured by static/js/embed.js.
"""

import contextlib
import datetime as dt

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET

from newsline.events.models import sources_prefetch
from newsline.timeline import lod
from newsline.timeline.charts import timeline_figure

from .filters import filtered_events

EMBED_LIMIT = 500
EMBED_CSP = {**settings.SECURE_CSP, "frame-ancestors": ["*"]}


def _selected(request: HttpRequest) -> int | None:
    try:
        return int(request.GET.get("event", ""))
    except ValueError:
        return None


def _dates(params) -> dict:
    """The valid ``start``/``end`` of the query string: they choose the overview's bins."""
    out = {}
    for key in ("start", "end"):
        with contextlib.suppress(ValueError):
            out[key] = dt.date.fromisoformat(params.get(key, ""))
    return out


@require_GET
@xframe_options_exempt
@csp_override(EMBED_CSP)
def index(request: HttpRequest) -> HttpResponse:
    """The filtered timeline (chart + cards); invalid filters are ignored, as on the page.

    Through the timeline's level of detail (lod.py): up to ``lod.DETAIL_LIMIT``
    events every event is drawn (the first ``EMBED_LIMIT`` get cards); above it the
    overview's bins and top events, which get the cards.
    Queries: the overview check, then the events with their places, their actors,
    their mentions (the overview: count, bins, top events, actors, mentions).
    """
    qs, _errors = filtered_events(request.GET)
    selected = _selected(request)
    params = request.GET.copy()
    params.pop("event", None)
    query = params.urlencode()

    def deep_link(event) -> str:
        # A chart click reloads the iframe on the event: the server opens its card.
        return f"?{query + '&' if query else ''}event={event.pk}#event-{event.pk}"

    lanes = request.GET.get("lanes") if request.GET.get("lanes") in ("type", "actor") else "type"
    overview = lod.overview(qs, {"lanes": lanes, **_dates(request.GET)})
    if overview is None:
        events = list(qs.with_actors().with_sources()[:EMBED_LIMIT])
        truncated = len(events) == EMBED_LIMIT
    else:
        events = sorted(overview.top, key=lambda e: (e.date, e.pk))
        # The overview's top events carry only what the chart draws: the cards
        # need their places and actors too.
        prefetch_related_objects(events, "place", "actors", sources_prefetch())
        truncated = False  # the chart's title says how many of how many
    focus = next((e for e in events if e.pk == selected), None)
    if focus is None and selected is not None:
        # A deep link to an event the cards do not hold: its card is added.
        focus = qs.with_actors().with_sources().filter(pk=selected).first()
        if focus is not None:
            events.append(focus)
    if overview is not None:
        figure = lod.overview_figure(overview, focus=focus, url_for=deep_link)
    else:
        figure = timeline_figure(events, lanes=lanes, focus=focus, url_for=deep_link)
    return render(
        request,
        "embed/index.html",
        {
            "events": events,
            "figure": figure,
            "truncated": truncated,
            "selected": selected,
            "query": query,
            "timeline_url": reverse("timeline:index") + (f"?{query}" if query else ""),
        },
    )
