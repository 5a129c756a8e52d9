"""Small factories for timeline tests: rows created directly, no extractor needed."""

from __future__ import annotations

import datetime as dt
import itertools

from newsline.articles.models import Article, Publisher
from newsline.events.models import Actor, Event, EventActor, Mention, Place, Review

_seq = itertools.count(1)

LAVROV = {"name": "Sergey Lavrov", "name_ar": "سيرجي لافروف", "kind": "person"}
KERRY = {"name": "John Kerry", "name_ar": "جون كيري", "kind": "person"}
RUSSIA = {"name": "Russia", "name_ar": "روسيا", "kind": "country"}
USA = {"name": "United States", "name_ar": "الولايات المتحدة", "kind": "country"}


def actor(name: str = "", name_ar: str = "", kind: str = "person", **kw) -> Actor:
    name = name or f"Actor {next(_seq)}"
    obj, _ = Actor.objects.get_or_create(
        name=name, defaults={"name_ar": name_ar or name, "kind": kind, **kw}
    )
    return obj


def place(name: str = "Geneva", name_ar: str = "جنيف") -> Place:
    obj, _ = Place.objects.get_or_create(name=name, defaults={"name_ar": name_ar})
    return obj


def publisher(name: str = "Almaghribtoday", name_ar: str = "المغرب اليوم") -> Publisher:
    obj, _ = Publisher.objects.get_or_create(name=name, defaults={"name_ar": name_ar})
    return obj


def article(
    body: str = "",
    *,
    title: str = "",
    published_on: dt.date | None = dt.date(2016, 9, 7),
    pub: Publisher | None = None,
    url: str | None = None,
    language: str = "ar",
) -> Article:
    n = next(_seq)
    body = body or f"قال وزير الخارجية إن المحادثات ستجري في جنيف. فقرة رقم {n}."
    return Article.objects.create(
        publisher=pub if pub is not None else publisher(),
        origin=f"{n:03d}_test.txt",
        url=url,
        title=title or f"خبر رقم {n}",
        published_on=published_on,
        language=language,
        body=body,
        raw=body,
        content_hash=Article.hash_body(body + str(n)),
    )


def event(
    *,
    date: dt.date = dt.date(2016, 9, 8),
    date_end: dt.date | None = None,
    precision: str = "day",
    type: str = "meeting",
    status: str = "occurred",
    title_ar: str = "محادثات لافروف وكيري في جنيف",
    title_en: str = "Lavrov and Kerry hold talks in Geneva",
    place_obj: Place | None = None,
    actors: list[Actor] | None = None,
    review: str = Review.APPROVED,
    sources: int = 1,
    quote: str | None = None,
    **kw,
) -> Event:
    """An event with ``sources`` mentions, each in its own article (the quote is a
    real slice of that article's body, so offsets are right)."""
    ev = Event.objects.create(
        date=date,
        date_end=date_end,
        precision=precision,
        type=type,
        status=status,
        title_ar=title_ar,
        title_en=title_en,
        place=place_obj,
        review=review,
        **kw,
    )
    for i, a in enumerate(actors or []):
        EventActor.objects.create(event=ev, actor=a, key=i == 0)
    for _i in range(sources):
        sentence = quote or f"{title_ar} يوم {date:%d/%m/%Y}."
        body = f"مقدمة الخبر.\n\n{sentence} وتابع المصدر.\n\nخاتمة."
        art = article(body)
        start = body.index(sentence)
        mention(ev, art, start, start + len(sentence))
    return ev


def mention(ev: Event, art: Article, start: int, end: int) -> Mention:
    return Mention.objects.create(
        event=ev, article=art, quote=art.body[start:end], char_start=start, char_end=end
    )
