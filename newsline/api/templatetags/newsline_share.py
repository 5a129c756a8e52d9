"""Share / embed links and OpenGraph tags for the public pages."""

from django import template
from django.urls import reverse
from django.utils.html import escape

from newsline.api.exports import safe_url as _safe_url
from newsline.api.text import one_line

register = template.Library()

# The page's own parameters that are not filters.
_NOT_FILTERS = {"event", "page", "lanes"}


@register.filter
def safe_url(url: str | None) -> str:
    """``{{ article.url|safe_url }}``: the URL if it is http(s), else "" (no javascript:)."""
    return _safe_url(url)


@register.filter
def inert(value) -> str:
    """``{{ text|inert }}``: one line, bidi overrides and control characters dropped."""
    return one_line(value)


@register.simple_tag(takes_context=True)
def share_urls(context) -> dict:
    """Links for the share dialog: this page, its embed, the exports of the same filters.

    On an event's page (``event`` in the context) the embed opens that event's card.
    """
    request = context["request"]
    params = request.GET.copy()
    for name in _NOT_FILTERS:
        params.pop(name, None)
    filters = params.urlencode()
    event = context.get("event")
    embed_params = params.copy()
    if event is not None and getattr(event, "pk", None):
        embed_params["event"] = str(event.pk)
    embed_query = embed_params.urlencode()
    embed_url = request.build_absolute_uri(
        reverse("embed:index") + (f"?{embed_query}" if embed_query else "")
    )
    if event is not None and getattr(event, "pk", None):
        embed_url += f"#event-{event.pk}"
    suffix = f"?{filters}" if filters else ""
    return {
        "page": request.build_absolute_uri(),
        "embed": embed_url,
        # A plain str (not SafeString): the template escapes it as text in the <textarea>.
        "iframe": (
            f'<iframe src="{escape(embed_url)}" title="Newsline" width="100%" height="600" '
            'loading="lazy" style="border:0"></iframe>'
        ),
        "exports": [
            ("CSV", reverse("api:export_csv") + suffix),
            ("JSON", reverse("api:export_json") + suffix),
            ("iCalendar", reverse("api:export_ics") + suffix),
            ("TimelineJS", reverse("api:export_timelinejs") + suffix),
            ("Atom", reverse("api:feed") + suffix),
            ("API", reverse("api:events") + suffix),
        ],
    }


@register.simple_tag(takes_context=True)
def og_image_url(context, event) -> str:
    """The absolute URL of an event's OpenGraph card (a PNG served by api:og_event)."""
    return context["request"].build_absolute_uri(reverse("api:og_event", args=[event.pk]))
