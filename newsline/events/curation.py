"""Curation: what a curator does to the machine's events, as plain tested functions.

The admin (``newsline.events.admin``) and the management commands are thin layers
over this module. Every change goes through ``Model.save()`` so django-simple-history
records who did it and why (``_change_reason``).

Re-extraction and curation meet in two places, both enforced in
``newsline.events.services.store_candidates``:

- ``Event.curated_fields``: fields a curator edited are never overwritten;
- evidence already filed on an event (merged, split off, rejected) stays where the
  curator put it; a re-extracted candidate joins the event that holds its evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

from newsline.articles.models import Article
from newsline.extraction.normalize import fold

from .models import Actor, Event, EventActor, Mention, Place, Review

# The event fields a curator edits in the admin; an edit protects the field.
CURATABLE_FIELDS = [
    "date",
    "date_end",
    "precision",
    "type",
    "status",
    "place",
    "actors",
    "title_ar",
    "title_en",
    # Not a form field: set by merge and split. The curator decided which event each
    # of these evidence sentences reports, so re-extraction files any candidate that
    # quotes one of them on this event, whatever type the extractor gives it.
    "mentions",
]

CURATOR_GROUP = "Curator"
# Exactly what curating needs (app_label, codename). Curators review, correct, merge
# and split events, edit the gazetteer (including adding a missing actor or place) and
# upload articles. They never delete articles or events (rejecting is the curator's
# delete: it is recorded and survives re-extraction) and never manage users.
CURATOR_PERMISSIONS = [
    ("events", "view_event"),
    ("events", "change_event"),
    ("events", "view_mention"),
    ("events", "change_mention"),
    # The actors inline on the event page edits EventActor rows.
    ("events", "view_eventactor"),
    ("events", "add_eventactor"),
    ("events", "change_eventactor"),
    ("events", "delete_eventactor"),
    ("events", "view_actor"),
    ("events", "change_actor"),
    ("events", "add_actor"),
    ("events", "view_place"),
    ("events", "change_place"),
    ("events", "add_place"),
    ("articles", "view_article"),
    ("articles", "change_article"),
    ("articles", "add_article"),
    ("articles", "view_publisher"),
]


class CurationError(Exception):
    """A curation request that cannot be carried out; ``str()`` is for the curator."""


def ensure_curator_group():
    """Create or update the Curator group so it has exactly ``CURATOR_PERMISSIONS``
    (3 queries). Returns the group."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    group, _ = Group.objects.get_or_create(name=CURATOR_GROUP)
    query = Q(pk__in=[])
    for app_label, codename in CURATOR_PERMISSIONS:
        query |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.set(Permission.objects.filter(query))
    return group


def _save(obj, reason: str, update_fields: list[str] | None = None) -> None:
    obj._change_reason = reason
    obj.save(update_fields=update_fields)


# Review ---------------------------------------------------------------------------


def set_review(events: Iterable[Event], review: str) -> int:
    """Approve or reject events (one save each, so every change is in the history).

    Returns how many events changed.
    """
    changed = 0
    for event in events:
        if event.review == review:
            continue
        event.review = review
        _save(event, f"{review} by a curator", ["review", "updated_at"])
        changed += 1
    return changed


def record_edit(event: Event, changed: Iterable[str]) -> list[str]:
    """Add the curatable fields among ``changed`` to ``event.curated_fields``
    (not saved). Returns the fields newly protected."""
    have = list(event.curated_fields or [])
    new = [f for f in CURATABLE_FIELDS if f in set(changed) and f not in have]
    event.curated_fields = [f for f in CURATABLE_FIELDS if f in have or f in new]
    return new


# Merge ----------------------------------------------------------------------------


def pick_survivor(events: list[Event]) -> Event:
    """The event that should survive a merge: approved first, then the best attested
    (most mentions), then the oldest (its permalink has been around longest)."""
    counts = dict(
        Mention.objects.filter(event__in=events)
        .values_list("event")
        .annotate(n=Count("id"))
        .values_list("event", "n")
    )
    return min(
        events,
        key=lambda e: (e.review != Review.APPROVED, -counts.get(e.pk, 0), e.pk),
    )


@transaction.atomic
def merge_events(events: Iterable[Event], survivor: Event | None = None) -> Event:
    """Merge events that are the same real event into ``survivor``.

    The survivor keeps every mention and every actor (key if key anywhere); it takes
    the place and the best confidence when it has none/less. The others get
    ``merged_into`` = survivor (so their permalinks redirect) and drop out of
    ``Event.objects.live()``; events merged into them earlier follow to the survivor.
    """
    events = list({e.pk: e for e in events}.values())
    if survivor is not None and survivor.pk not in {e.pk for e in events}:
        events.append(survivor)
    if len(events) < 2:
        raise CurationError("Select at least two events to merge.")
    merged = [e for e in events if e.merged_into_id is not None]
    if merged:
        raise CurationError(
            f"Event #{merged[0].pk} was already merged into #{merged[0].merged_into_id}."
        )
    survivor = survivor or pick_survivor(events)
    others = [e for e in events if e.pk != survivor.pk]
    other_ids = [e.pk for e in others]

    # Evidence: move every mention; a sentence already quoted by the survivor is
    # dropped rather than duplicated (mention_unique_span).
    have = set(survivor.mentions.values_list("article_id", "char_start", "char_end"))
    for mention in Mention.objects.filter(event_id__in=other_ids).order_by("pk"):
        span = (mention.article_id, mention.char_start, mention.char_end)
        if span in have:
            mention.delete()
        else:
            have.add(span)
            mention.event = survivor
            mention.save(update_fields=["event"])

    # Actors: the union, key when key in any of the events.
    links = {ea.actor_id: ea for ea in survivor.event_actors.all()}
    for link in EventActor.objects.filter(event_id__in=other_ids):
        mine = links.get(link.actor_id)
        if mine is None:
            links[link.actor_id] = EventActor.objects.create(
                event=survivor, actor_id=link.actor_id, key=link.key
            )
        elif link.key and not mine.key:
            mine.key = True
            mine.save(update_fields=["key"])

    changed = []
    if survivor.place_id is None:
        place = next((e.place_id for e in others if e.place_id), None)
        if place:
            survivor.place_id = place
            changed.append("place")
    best = max(e.confidence for e in events)
    if best > survivor.confidence:
        survivor.confidence = best
        changed.append("confidence")
    record_edit(survivor, ["mentions"])
    reason = "merged " + ", ".join(f"#{pk}" for pk in other_ids) + " into this event"
    _save(survivor, reason, [*changed, "curated_fields", "updated_at"])

    for other in others:
        other.merged_into = survivor
        _save(other, f"merged into #{survivor.pk}", ["merged_into", "updated_at"])
    # Permalinks of events merged into the others earlier now go straight to the
    # survivor (one redirect, never a chain).
    for earlier in Event.objects.filter(merged_into_id__in=other_ids):
        earlier.merged_into = survivor
        _save(earlier, f"merged into #{survivor.pk}", ["merged_into", "updated_at"])
    Event.objects.filter(announced_by_id__in=other_ids).update(announced_by=survivor)
    return survivor


# Split ----------------------------------------------------------------------------


@transaction.atomic
def split_mention(mention: Mention) -> Event:
    """Move one mention off its event into a new proposed event of its own.

    The new event starts as a copy of the old one (date, type, actors, place,
    titles) for the curator to correct. The last mention of an event cannot be split
    off: that would leave an event without evidence.
    """
    source = mention.event
    if source.mentions.count() < 2:
        raise CurationError(
            f"Event #{source.pk} has only this mention; there is nothing to split it from."
        )
    event = Event(
        date=source.date,
        date_end=source.date_end,
        precision=source.precision,
        date_inferred=source.date_inferred,
        type=source.type,
        status=source.status,
        title_ar=source.title_ar,
        title_en=source.title_en,
        place_id=source.place_id,
        confidence=source.confidence,
        review=Review.PROPOSED,
        curated_fields=["mentions"],
    )
    _save(event, f"split off event #{source.pk}")
    EventActor.objects.bulk_create(
        EventActor(event=event, actor_id=link.actor_id, key=link.key)
        for link in source.event_actors.all()
    )
    mention.event = event
    mention.save(update_fields=["event"])
    record_edit(source, ["mentions"])
    _save(
        source,
        f"mention #{mention.pk} split off into #{event.pk}",
        ["curated_fields", "updated_at"],
    )
    return event


# Re-extraction --------------------------------------------------------------------


def spellings_of(entities: Iterable[Actor | Place]) -> list[str]:
    """Every Arabic spelling (name and aliases) of some actors or places."""
    out: list[str] = []
    for entity in entities:
        for spelling in [entity.name_ar, *entity.aliases]:
            if spelling and spelling not in out:
                out.append(spelling)
    return out


def articles_mentioning(spellings: Iterable[str]) -> list[Article]:
    """Articles whose body contains one of ``spellings`` after Arabic folding
    (alef forms, ta marbuta, diacritics), so أوباما finds اوباما.

    Reads every article body once (a query and a pass in Python): fine for the
    thousands of articles a timeline holds, and only run on a curator's request.
    """
    needles = [f for f in (fold(s).strip() for s in spellings) if f]
    if not needles:
        return []
    found = []
    for article in Article.objects.only("id", "body").order_by("id").iterator():
        body = fold(article.body)
        if any(n in body for n in needles):
            found.append(article.pk)
    return list(Article.objects.filter(pk__in=found).order_by("id"))


@dataclass
class ReextractResult:
    articles: int = 0
    events_created: int = 0
    events_linked: int = 0

    @property
    def message(self) -> str:
        return (
            f"re-extracted {self.articles} articles: {self.events_created} new events "
            f"(in the review queue), {self.events_linked} events found again"
        )


def reextract(articles: Iterable[Article], gazetteer=None) -> ReextractResult:
    """Run the extractor again on stored articles with the gazetteer as curators
    left it. New events land in the review queue as proposed; curated fields,
    rejections, merges and splits are kept (see module docstring)."""
    # Imported here: the extractor is heavy and not needed to curate.
    from newsline.articles.ingest import extract_and_store

    from .services import gazetteer_from_db

    gazetteer = gazetteer or gazetteer_from_db()
    result = ReextractResult()
    for article in articles:
        with transaction.atomic():
            created, linked = extract_and_store(article, gazetteer)
        result.articles += 1
        result.events_created += created
        result.events_linked += linked
    return result


def articles_since(day: dt.date):
    """Articles ingested on or after ``day``."""
    return Article.objects.filter(ingested_at__date__gte=day).order_by("id")
