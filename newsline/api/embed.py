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
    qs, form = filtered_events(request.GET)
    events = list(qs.with_actors().with_sources()[:EMBED_LIMIT])
    params = request.GET.copy()
    params.pop("event", None)
    query = params.urlencode()
    return render(
        request,
        "embed/index.html",
        {
            "events": events,
            "truncated": len(events) == EMBED_LIMIT,
            "form": form,
            "selected": _selected(request),
            "query": query,
            "timeline_url": reverse("timeline:index") + (f"?{query}" if query else ""),
        },
    )
