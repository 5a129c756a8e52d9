from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from newsline.articles.models import Article
from newsline.events.models import Actor, Event


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    events = Event.objects.public().with_actors().order_by("date", "id")
    articles = Article.objects.with_publisher()
    return render(request, "timeline/index.html", {"events": events, "articles": articles})


@require_GET
def event_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    event = get_object_or_404(Event.objects.public().with_actors().with_sources(), pk=pk)
    if slug != event.slug:
        return redirect(event, permanent=True)
    return render(request, "timeline/event.html", {"event": event})


@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.with_publisher(), pk=pk)
    return render(request, "timeline/article.html", {"article": article})


@require_GET
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor, slug=slug)
    events = Event.objects.public().filter(actors=actor).with_actors().order_by("date")
    return render(request, "timeline/actor.html", {"actor": actor, "events": events})
