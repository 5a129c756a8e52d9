"""Small factories that create rows directly (no extraction needed)."""

import itertools
from datetime import date

from newsline.articles.models import Article, Publisher
from newsline.events.models import Actor, Event, EventActor, Mention, Place, Review

_seq = itertools.count(1)


def make_publisher(name: str = "", **kwargs) -> Publisher:
    n = next(_seq)
    return Publisher.objects.create(
        name=name or f"Publisher {n}", name_ar=f"ناشر {n}", domain=f"p{n}.example", **kwargs
    )


def make_article(body: str = "", **kwargs) -> Article:
    n = next(_seq)
    body = body or f"قال وزير الخارجية إن الاجتماع عقد في جنيف. رقم {n}"
    fields = {
        "origin": f"{n:03d}_article.txt",
        "url": f"https://news.example/{n}",
        "title": f"مقال {n}",
        "published_on": date(2016, 9, 7),
        "body": body,
        "raw": body,
        "content_hash": Article.hash_body(body),
    }
    fields.update(kwargs)
    if "publisher" not in fields:
        fields["publisher"] = make_publisher()
    return Article.objects.create(**fields)


def make_actor(name: str = "", **kwargs) -> Actor:
    n = next(_seq)
    fields = {"name": name or f"Actor {n}", "name_ar": f"فاعل {n}", "kind": "person"}
    fields.update(kwargs)
    return Actor.objects.create(**fields)


def make_place(name: str = "", **kwargs) -> Place:
    n = next(_seq)
    fields = {"name": name or f"Place {n}", "name_ar": f"مكان {n}"}
    fields.update(kwargs)
    return Place.objects.create(**fields)


def make_event(
    *,
    actors: list[Actor] | None = None,
    key_actors: list[Actor] | None = None,
    sources: int = 1,
    quote: str = "",
    article: Article | None = None,
    **kwargs,
) -> Event:
    """An approved event with `sources` mentions (one article each) unless told otherwise."""
    n = next(_seq)
    fields = {
        "date": date(2016, 9, 8),
        "type": "meeting",
        "title_ar": f"اجتماع لافروف وكيري في جنيف {n}",
        "title_en": f"Lavrov and Kerry meet in Geneva {n}",
        "review": Review.APPROVED,
        "confidence": 0.8,
    }
    fields.update(kwargs)
    event = Event.objects.create(**fields)
    for actor in actors or []:
        EventActor.objects.create(event=event, actor=actor, key=actor in (key_actors or actors))
    for i in range(sources):
        text = quote or f"التقى لافروف وكيري في جنيف اليوم {n}."
        art = (
            article
            if article is not None and i == 0
            else make_article(body=f"مقدمة {next(_seq)}. {text} خاتمة.")
        )
        start = art.body.find(text)
        if start < 0:
            start = 0
        Mention.objects.create(
            event=event,
            article=art,
            quote=text,
            char_start=start,
            char_end=start + max(len(text), 1),
        )
    return event
