"""/embed/: the timeline without the site's chrome, for other sites' iframes.

The only pages that may be framed: X-Frame-Options is dropped and CSP
``frame-ancestors`` allows any origin; everything else of the site policy stays.

Deep links work inside the iframe, where TimelineJS' hash bookmarks famously break
(the host page's URL is not the iframe's): ``?event=<id>`` opens the card on the server,
so it works without JS and survives hosts that strip fragments, and ``#event-<id>``
is honoured by static/js/embed.js.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET

from newsline.timeline.charts import timeline_figure

from .filters import filtered_events

EMBED_LIMIT = 500
EMBED_CSP = {**settings.SECURE_CSP, "frame-ancestors": ["*"]}


def _selected(request: HttpRequest) -> int | None:
    try:
        return int(request.GET.get("event", ""))
    except ValueError:
        return None


@require_GET
@xframe_options_exempt
@csp_override(EMBED_CSP)
def index(request: HttpRequest) -> HttpResponse:
    """The filtered timeline (chart + cards); invalid filters are ignored, as on the page.

    Queries: the events with source counts and places, their actors, their mentions.
    """
    qs, _errors = filtered_events(request.GET)
    if "source_count" not in qs.query.annotations:
        qs = qs.with_source_count()
    events = list(qs.with_actors().with_sources()[:EMBED_LIMIT])
    selected = _selected(request)
    params = request.GET.copy()
    params.pop("event", None)
    query = params.urlencode()

    def deep_link(event) -> str:
        # A chart click reloads the iframe on the event: the server opens its card.
        return f"?{query + '&' if query else ''}event={event.pk}#event-{event.pk}"

    focus = next((e for e in events if e.pk == selected), None)
    lanes = request.GET.get("lanes") if request.GET.get("lanes") in ("type", "actor") else "type"
    return render(
        request,
        "embed/index.html",
        {
            "events": events,
            "figure": timeline_figure(events, lanes=lanes, focus=focus, url_for=deep_link),
            "truncated": len(events) == EMBED_LIMIT,
            "selected": selected,
            "query": query,
            "timeline_url": reverse("timeline:index") + (f"?{query}" if query else ""),
        },
    )
