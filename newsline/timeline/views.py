"""Public pages: the timeline, event cards and permalinks, the source reader, actors.

Each htmx view renders one template: the whole page, or its partial
(``template#partial``) for an htmx request that is not a history restore.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Min, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from newsline.articles.models import Article
from newsline.events.models import Actor, Event, EventActor, Mention, Review, sources_prefetch

from . import lod
from .charts import timeline_figure
from .filters import TimelineFilters, filter_events
from .reader import highlight

PAGE_SIZE = 50


def _is_htmx_fragment(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def _can_preview(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.is_staff


def _visible_events(request: HttpRequest):
    """Public events, or every live event for staff previewing curation.

    Only single-event pages (permalink, card, reader) use this: the timeline and
    actor pages show staff exactly what the public sees.
    """
    return Event.objects.live() if _can_preview(request) else Event.objects.public()


def _timeline_events(events, lanes: str = "type") -> list:
    """What the chart and the list need, in a constant number of queries: the
    columns they show (1), and the actors (2) when the lanes are actors. Model
    instances cost per field: the long ``search_text`` and the rest stay behind."""
    events = list(events.only(*lod.CHART_FIELDS).order_by("date", "id"))
    if lanes == "actor":
        lod.attach_actors(events)
    return events


def _card_queryset():
    return Event.objects.select_related("place", "announced_by").prefetch_related(
        Prefetch(
            "event_actors",
            queryset=EventActor.objects.select_related("actor").order_by("-key", "actor__name"),
        ),
        sources_prefetch(),
    )


def _get_event_for_user(request: HttpRequest, pk: int) -> Event:
    """The event with everything its card shows. Merged events are returned as they
    are (the caller redirects); unreviewed or rejected ones only to staff."""
    event = get_object_or_404(_card_queryset(), pk=pk)
    hidden = event.merged_into_id is None and event.review != Review.APPROVED
    if hidden and not _can_preview(request):
        raise Http404("No such event.")
    return event


def _survivor(event: Event) -> Event:
    """Follow ``merged_into`` to the event that absorbed this one."""
    seen = {event.pk}
    while event.merged_into_id and event.merged_into_id not in seen:
        seen.add(event.merged_into_id)
        event = Event.objects.get(pk=event.merged_into_id)
    return event


def _sources(event: Event) -> list[dict]:
    """The event's mentions grouped by article, in publication order."""
    groups: dict[int, dict] = {}
    for mention in event.mentions.all():
        group = groups.setdefault(mention.article_id, {"article": mention.article, "mentions": []})
        group["mentions"].append(mention)
    return list(groups.values())


def _lifecycle(request: HttpRequest, event: Event) -> dict | None:
    """Announced when, for when, and what became of it (2 queries when it applies).

    "announced on 7 September for 8–9 September; held": the planned event is the
    announcement, its ``fulfilments`` what actually happened.
    """
    visible = _visible_events(request)
    if event.status == "planned":
        planned = event
    elif event.announced_by_id and visible.filter(pk=event.announced_by_id).exists():
        planned = event.announced_by
    else:
        return None
    announced_on = (
        Mention.objects.filter(event=planned)
        .aggregate(first=Min("article__published_on"))
        .get("first")
    )
    outcomes = list(visible.filter(announced_by=planned).order_by("date", "id"))
    return {
        "planned": planned,
        "announced_on": announced_on,
        "outcomes": [o for o in outcomes if o.pk != event.pk],
        "held": bool(outcomes),
        "is_announcement": planned.pk == event.pk,
    }


def _card_context(request: HttpRequest, event: Event) -> dict:
    return {
        "event": event,
        "sources": _sources(event),
        "lifecycle": _lifecycle(request, event),
        "not_public": event.review != Review.APPROVED or event.merged_into_id is not None,
    }


def _timeline_context(request: HttpRequest, events, form: TimelineFilters | None) -> dict:
    """The chart, the paginated list and the focused card of ``events``.

    The chart needs every matching event anyway, so the list is a page of the same
    evaluated list, and the query count never grows with the events. Above
    ``lod.DETAIL_LIMIT`` events (a COUNT says) the chart is an overview instead.
    """
    filters = form.filters() if form else {}
    matching = filter_events(events, filters)
    shared = {"form": form, "filtered": bool({k for k in filters if k != "lanes"})}
    if (overview := lod.overview(matching, filters)) is not None:
        # Too many events to draw one by one: counts per lane and period plus the
        # top-ranked events; zooming asks for detail (lod.py).
        return shared | lod.overview_context(request, matching, overview, page_size=PAGE_SIZE)
    lanes = filters.get("lanes") or "type"
    events = _timeline_events(matching, lanes)
    focus = None
    focus_id = request.GET.get("event", "")
    if focus_id.isdigit():
        focus = next((e for e in events if e.pk == int(focus_id)), None)
    paginator = Paginator(events, PAGE_SIZE)
    page_number = request.GET.get("page")
    if page_number is None and focus is not None:
        page_number = events.index(focus) // PAGE_SIZE + 1
    page = paginator.get_page(page_number)
    return shared | {
        "figure": timeline_figure(events, lanes=lanes, focus=focus),
        "page_obj": page,
        "event_count": len(events),
        "focus": focus,
    }


def _focused_card(request: HttpRequest) -> dict:
    focus_id = request.GET.get("event", "")
    if not focus_id.isdigit():
        return {}
    try:
        event = _get_event_for_user(request, int(focus_id))
    except Http404:
        return {}
    if event.merged_into_id:
        return {}
    return {"card": _card_context(request, event)}


@require_GET
@vary_on_headers("HX-Request")
def index(request: HttpRequest) -> HttpResponse:
    public = Event.objects.public()
    form = TimelineFilters(request.GET or None, public=public)
    context = _timeline_context(request, public, form)
    if _is_htmx_fragment(request):
        return render(request, "timeline/index.html#events", context)
    context.update(_focused_card(request))
    return render(request, "timeline/index.html", context)


@require_GET
@vary_on_headers("HX-Request")
def event_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    event = _get_event_for_user(request, pk)
    if event.merged_into_id:
        return redirect(_survivor(event), permanent=True)
    context = _card_context(request, event)
    if _is_htmx_fragment(request):
        return render(request, "timeline/event.html#card", context)
    if slug != event.slug:
        return redirect(event, permanent=True)
    first_quote = next((m.quote for group in context["sources"] for m in group["mentions"]), "")
    context["description"] = first_quote
    context["canonical_url"] = request.build_absolute_uri(event.get_absolute_url())
    return render(request, "timeline/event.html", context)


@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.with_publisher(), pk=pk)
    visible = _visible_events(request)
    mentions = list(
        Mention.objects.filter(article=article, event__in=visible)
        .select_related("event")
        .order_by("char_start", "id")
    )
    # In reading order, each with the first sentence it was read from, so the list
    # can point back into the highlighted text.
    first: dict[int, Mention] = {}
    for mention in mentions:
        first.setdefault(mention.event_id, mention)
    events = []
    for mention in first.values():
        mention.event.first_mention_id = mention.pk
        events.append(mention.event)
    return render(
        request,
        "timeline/article.html",
        {
            "article": article,
            "body_html": highlight(article.body, mentions),
            # Ingested URLs are not validated as strictly as a form would: never
            # link a javascript: or data: URL.
            "original_url": article.url
            if (article.url or "").lower().startswith(("http://", "https://"))
            else "",
            "mentions": mentions,
            "events": events,
        },
    )


@require_GET
@vary_on_headers("HX-Request")
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor, slug=slug)
    events = Event.objects.public().filter(actors=actor)
    context = _timeline_context(request, events, None)
    context["actor"] = actor
    # Countries are stored by canonical English name; show the country's own row.
    context["country"] = Actor.objects.filter(name=actor.country).first() if actor.country else None
    if _is_htmx_fragment(request):
        return render(request, "timeline/index.html#events", context)
    context.update(_focused_card(request))
    return render(request, "timeline/actor.html", context)
