"""Share / embed links and OpenGraph tags for the public pages."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

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
        "iframe": format_html(
            '<iframe src="{}" title="{}" width="100%" height="600" loading="lazy" '
            'style="border:0"></iframe>',
            embed_url,
            "Newsline",
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
def og_tags(context, event=None):
    """OpenGraph and Twitter card tags for an event page (every value escaped, one line)."""
    request = context["request"]
    event = event or context.get("event")
    if event is None:
        return ""
    english = context.get("LANGUAGE_CODE") == "en"
    title = one_line(event.title_en if english else event.title_ar) or one_line(event.title_ar)
    image = request.build_absolute_uri(reverse("api:og_event", args=[event.pk]))
    return format_html(
        '<meta property="og:type" content="article">\n'
        '<meta property="og:title" content="{}">\n'
        '<meta property="og:url" content="{}">\n'
        '<meta property="og:image" content="{}">\n'
        '<meta property="og:image:width" content="1200">\n'
        '<meta property="og:image:height" content="630">\n'
        '<meta property="og:image:alt" content="{}">\n'
        '<meta property="og:site_name" content="{}">\n'
        '<meta name="twitter:card" content="summary_large_image">',
        title,
        request.build_absolute_uri(event.get_absolute_url()),
        image,
        title,
        "Newsline" if english else "نيوزلاين",
    )
