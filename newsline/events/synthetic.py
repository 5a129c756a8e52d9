"""A synthetic corpus for benchmarks: N events with their articles and mentions, fast.

Events are spread over 2011–2017 by the weights in ``data/synthetic.json``, use the
gazetteer's actors and places (a few actors much more often than the rest, as in the
news), every event type, and 1–5 mentions each, every mention a sentence of a
synthetic article whose offsets point at that sentence. Articles come from a handful
of synthetic outlets; each outlet reports an event at most once, and packs the
events of a few consecutive days into one article, as a daily wrap-up would.

Everything is written with ``bulk_create`` in chunks: no ``save()``, no signals, so
no django-simple-history rows either (a synthetic corpus has no editing history).
The same ``seed`` against the same gazetteer gives the same corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db import connection, transaction
from django.utils.text import slugify

from newsline import search
from newsline.articles.models import Article, Publisher

from .models import Actor, Event, EventActor, Mention, Place, Review

DATA_FILE = Path(__file__).resolve().parent / "data" / "synthetic.json"
ORIGIN_PREFIX = "synthetic:"
FIRST_DAY = dt.date(2011, 3, 15)  # the uprising; nothing on the diplomacy track before
LAST_DAY = dt.date(2017, 12, 31)
# Events per bulk-insert round: bounds memory at 100k events, large enough that the
# per-statement overhead disappears.
CHUNK = 5000
# "mixed": roughly what a curated corpus looks like (most approved, some waiting).
MIXED_REVIEW = {Review.APPROVED: 80, Review.PROPOSED: 15, Review.REJECTED: 5}


class SyntheticError(Exception):
    """The corpus cannot be generated; ``str()`` is the message for the user."""


@dataclass
class Counts:
    events: int = 0
    mentions: int = 0
    articles: int = 0
    event_actors: int = 0
    by_type: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@cache
def spec() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def _weighted(table: dict) -> tuple[list, list[float]]:
    return list(table), [float(w) for w in table.values()]


@dataclass
class _Event:
    """An event before it has a primary key, with the sentences its sources say."""

    row: Event
    actor_ids: list[int]
    key_count: int
    sentences: list[tuple[int, str]]  # (publisher index, Arabic sentence)


class _Generator:
    def __init__(self, seed: int, review: str):
        self.rng = random.Random(seed)
        self.seed = seed
        self.review = review
        data = spec()
        self.years, self.year_w = _weighted(data["years"])
        self.types, self.type_w = _weighted(data["types"])
        mentions, self.mention_w = _weighted(data["mentions"])
        self.mention_k = [int(k) for k in mentions]
        self.precisions, self.precision_w = _weighted(data["precision"])
        self.reviews, self.review_w = _weighted(MIXED_REVIEW)
        self.templates = data["templates"]
        self.planned_share = data["planned_share"]
        self.place_share = data["place_share"]
        self.multi_day_share = data["multi_day_share"]

        actors = list(Actor.objects.order_by("name").values_list("pk", "name", "name_ar"))
        if len(actors) < 2:
            raise SyntheticError(
                "the database holds fewer than two actors: load the gazetteer first "
                "(manage.py demo)"
            )
        self.places = list(Place.objects.order_by("name").values_list("pk", "name", "name_ar"))
        if not self.places:
            raise SyntheticError("the database holds no places: load the gazetteer first")
        # A few actors dominate the news (Kerry, Lavrov, de Mistura…): weights follow
        # a Zipf law over a seeded shuffle of the gazetteer.
        self.rng.shuffle(actors)
        self.actors = actors
        self.actor_w = [1.0 / (rank + 1) for rank in range(len(actors))]
        self.publishers = self._publishers(data["publishers"])

    @staticmethod
    def _publishers(records: list[dict]) -> list[Publisher]:
        have = {p.name: p for p in Publisher.objects.filter(name__in=[r["name"] for r in records])}
        missing = [Publisher(**r) for r in records if r["name"] not in have]
        for pub in Publisher.objects.bulk_create(missing):
            have[pub.name] = pub
        return [have[r["name"]] for r in records]

    def random_date(self) -> dt.date:
        year = int(self.rng.choices(self.years, self.year_w)[0])
        first = max(dt.date(year, 1, 1), FIRST_DAY)
        last = min(dt.date(year, 12, 31), LAST_DAY)
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))

    def _actors(self, count: int) -> list[tuple[int, str, str]]:
        chosen: dict[int, tuple[int, str, str]] = {}
        while len(chosen) < count:
            actor = self.rng.choices(self.actors, self.actor_w)[0]
            chosen.setdefault(actor[0], actor)
        return list(chosen.values())

    def event(self, date: dt.date) -> _Event:
        rng = self.rng
        type_ = rng.choices(self.types, self.type_w)[0]
        templates = self.templates[type_]
        template = rng.choice(templates)
        actors = self._actors(2 + (rng.random() < 0.2))
        place = None
        if "{place}" in template["ar"] or rng.random() < self.place_share:
            place = rng.choice(self.places)

        precision = rng.choices(self.precisions, self.precision_w)[0]
        if precision == "month":
            date = date.replace(day=1)
        elif precision == "year":
            date = date.replace(month=1, day=1)
        date_end = None
        multi_day_type = type_ in {"meeting", "agreement", "visit"}
        if precision == "day" and multi_day_type and rng.random() < self.multi_day_share:
            date_end = date + dt.timedelta(days=rng.randint(1, 3))

        def say(tmpl: dict, lang: str) -> str:
            names = {"a": actors[0], "b": actors[1], "place": place or self.places[0]}
            index = 2 if lang == "ar" else 1
            return tmpl[lang].format(**{k: v[index] for k, v in names.items()})

        title_en = say(template, "en")
        review = (
            self.review if self.review != "mixed" else rng.choices(self.reviews, self.review_w)[0]
        )
        row = Event(
            date=date,
            date_end=date_end,
            precision=precision,
            type=type_,
            status="planned" if rng.random() < self.planned_share else "occurred",
            title_ar=say(template, "ar").rstrip("."),
            title_en=title_en,
            slug=slugify(title_en)[:120] or "event",
            place_id=place[0] if place else None,
            review=review,
            confidence=round(rng.uniform(0.35, 0.99), 3),
            # What save() sets (bulk_create calls no save): approved the day after.
            approved_at=dt.datetime.combine(date + dt.timedelta(days=1), dt.time(12), dt.UTC)
            if review == Review.APPROVED
            else None,
        )
        sources = rng.choices(self.mention_k, self.mention_w)[0]
        outlets = rng.sample(range(len(self.publishers)), sources)
        # Each outlet words it its own way: any template of the type, same actors.
        sentences = [(outlet, say(rng.choice(templates), "ar")) for outlet in outlets]
        # The derived columns Event.save() and the Mention signals keep (bulk_create
        # calls neither): each outlet reports the event once, in one article, so the
        # distinct sources are the outlets; the quotes are the sentences.
        row.source_count = len(outlets)
        row.search_text = search.stored_text(
            row.title_ar, row.title_en, [sentence for _outlet, sentence in sentences]
        )
        key_count = 2 if type_ in {"meeting", "call", "agreement"} else 1
        return _Event(row, [a[0] for a in actors], key_count, sentences)


def generate(n_events: int, *, seed: int = 0, review: str = Review.APPROVED) -> Counts:
    """Insert ``n_events`` synthetic events with their articles and mentions.

    ``review`` is a ``Review`` value, or "mixed" (80 % approved, 15 % proposed,
    5 % rejected). Raises SyntheticError when the gazetteer is not loaded or this
    seed's corpus is already in the database (article hashes would collide).
    """
    if n_events < 0:
        raise SyntheticError("the number of events cannot be negative")
    prefix = f"{ORIGIN_PREFIX}{seed}:"
    if Article.objects.filter(origin__startswith=prefix).exists():
        raise SyntheticError(
            f"the synthetic corpus of seed {seed} is already loaded: "
            "use another --seed or a fresh database"
        )
    counts = Counts()
    with transaction.atomic():
        gen = _Generator(seed, review)
        # Dates first, sorted, so each chunk covers a stretch of time and an outlet's
        # articles hold events a few days apart.
        dates = sorted(gen.random_date() for _ in range(n_events))
        serial = 0
        for start in range(0, n_events, CHUNK):
            events = [gen.event(d) for d in dates[start : start + CHUNK]]
            serial = _insert_chunk(gen, events, prefix, serial, counts)
    analyze()
    return counts


def analyze() -> None:
    """Planner statistics after a bulk load: without them SQLite picks the
    ``merged_into`` index for the public timeline's queries rather than the partial
    indexes made for them (Event.Meta.indexes), and sorts 100k rows to rank them."""
    if connection.vendor in ("sqlite", "postgresql"):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _insert_chunk(gen: _Generator, events: list[_Event], prefix: str, serial: int, counts):
    rng = gen.rng
    Event.objects.bulk_create([e.row for e in events])
    links = [
        EventActor(event_id=e.row.pk, actor_id=actor_id, key=i < e.key_count)
        for e in events
        for i, actor_id in enumerate(e.actor_ids)
    ]
    EventActor.objects.bulk_create(links)

    # Per outlet, in date order: pack 1–6 consecutive reports into one article.
    by_outlet: dict[int, list[tuple[_Event, str]]] = defaultdict(list)
    for e in events:
        for outlet, sentence in e.sentences:
            by_outlet[outlet].append((e, sentence))
    articles: list[Article] = []
    pending: list[tuple[int, int, int, int]] = []  # (article index, event pk, start, end)
    for outlet in sorted(by_outlet):
        reports = by_outlet[outlet]
        i = 0
        while i < len(reports):
            group = reports[i : i + rng.randint(1, 6)]
            i += len(group)
            body_parts, offset = [], 0
            for e, sentence in group:
                pending.append((len(articles), e.row.pk, offset, offset + len(sentence)))
                body_parts.append(sentence)
                offset += len(sentence) + 2  # the "\n\n" between paragraphs
            body = "\n\n".join(body_parts)
            origin = f"{prefix}{serial}"
            serial += 1
            newest = max(e.row.date_end or e.row.date for e, _ in group)
            articles.append(
                Article(
                    publisher=gen.publishers[outlet],
                    origin=origin,
                    title=group[0][0].row.title_ar,
                    published_on=newest + dt.timedelta(days=rng.randint(0, 1)),
                    language="ar",
                    body=body,
                    raw="",  # nothing was received: the body is all there is
                    # The origin makes the hash unique even when two outlets happen to
                    # word a one-sentence article identically.
                    content_hash=Article.hash_body(f"{origin}\n{body}"),
                    extractor_version="synthetic",
                )
            )
    Article.objects.bulk_create(articles)
    mentions = [
        Mention(
            event_id=event_pk,
            article_id=articles[index].pk,
            quote=articles[index].body[start:end],
            char_start=start,
            char_end=end,
        )
        for index, event_pk, start, end in pending
    ]
    Mention.objects.bulk_create(mentions)

    counts.events += len(events)
    counts.event_actors += len(links)
    counts.articles += len(articles)
    counts.mentions += len(mentions)
    for e in events:
        counts.by_type[e.row.type] += 1
    return serial
