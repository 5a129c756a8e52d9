"""Small factories for curation tests: rows created directly, no extractor needed."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model

from newsline.articles.models import Article, Publisher
from newsline.events.curation import ensure_curator_group
from newsline.events.models import Actor, Event, EventActor, Mention, Place, Review

_seq = itertools.count(1)

PARAGRAPHS = [
    "جنيف - أعلنت وزارة الخارجية الروسية أن الوزير سيرجي لافروف سيلتقي نظيره الأمريكي "
    "جون كيري في جنيف.",
    "والتقى لافروف وكيري في جنيف يوم الجمعة لبحث وقف إطلاق النار في سوريا. "
    "وقال كيري إن المحادثات كانت بناءة.",
    "من جهة أخرى، شنت طائرات حربية غارات على ريف حلب.",
]


def publisher(name: str = "RT Arabic") -> Publisher:
    return Publisher.objects.get_or_create(name=name, defaults={"domain": "arabic.rt.com"})[0]


def article(body: str | None = None, **fields) -> Article:
    n = next(_seq)
    body = body if body is not None else "\n\n".join(PARAGRAPHS) + f"\n\n({n})"
    fields.setdefault("publisher", publisher())
    fields.setdefault("published_on", dt.date(2016, 9, 9))
    return Article.objects.create(
        origin=f"article-{n}.txt",
        title=fields.pop("title", f"مقال {n}"),
        body=body,
        raw=body,
        content_hash=Article.hash_body(body),
        **fields,
    )


def actor(name: str = "Sergey Lavrov", name_ar: str = "سيرجي لافروف", **fields) -> Actor:
    fields.setdefault("kind", "person")
    return Actor.objects.get_or_create(name=name, defaults={"name_ar": name_ar, **fields})[0]


def place(name: str = "Geneva", name_ar: str = "جنيف", **fields) -> Place:
    return Place.objects.get_or_create(name=name, defaults={"name_ar": name_ar, **fields})[0]


def mention(event: Event, art: Article, sentence: str) -> Mention:
    """A mention of ``sentence``, which must occur in the article's body."""
    start = art.body.index(sentence)
    return Mention.objects.create(
        event=event,
        article=art,
        quote=sentence,
        char_start=start,
        char_end=start + len(sentence),
    )


def event(
    *,
    date: dt.date = dt.date(2016, 9, 9),
    type: str = "meeting",
    actors: list[Actor] | None = None,
    sources: list[tuple[Article, str]] | None = None,
    **fields,
) -> Event:
    fields.setdefault("title_ar", "لقاء لافروف وكيري في جنيف")
    fields.setdefault("title_en", "Lavrov and Kerry meet in Geneva")
    fields.setdefault("review", Review.PROPOSED)
    fields.setdefault("confidence", 0.7)
    ev = Event.objects.create(date=date, type=type, **fields)
    for i, a in enumerate(actors if actors is not None else [actor()]):
        EventActor.objects.create(event=ev, actor=a, key=i < 2)
    for art, sentence in sources if sources is not None else []:
        mention(ev, art, sentence)
    return ev


def curator(username: str = "curator", password: str = "s3cret-Curator!"):
    """A staff user in the Curator group (not a superuser)."""
    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    # The data migration creates the group, but live_server tests flush the database.
    user.groups.add(ensure_curator_group())
    return user
