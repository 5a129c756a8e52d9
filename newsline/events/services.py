"""Storing extracted event candidates: the same event from many articles is one Event.

Two candidates are one event when their dates overlap within their precision, their
types agree (a statement about a meeting attaches to the meeting), their key actors
overlap and, when both know it, their place agrees (DESIGN.md "Same event, many
sources"). A planned event and the occurred event it announced stay two rows,
linked through ``Event.announced_by``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from django.db import transaction

from newsline.extraction.events import EventCandidate
from newsline.extraction.gazetteer import Entity, Gazetteer, default_gazetteer

from .models import Actor, Event, EventActor, Mention, Place, Review, Status

# How far apart two reports of one event may date it, by the coarser precision.
_TOLERANCE = {"day": 0, "week": 3, "month": 15, "year": 183}
_PRECISION_ORDER = ["day", "week", "month", "year"]

# A statement or call made about a meeting the same day is evidence of the meeting.
_ATTACHES_TO = {"statement": {"meeting", "agreement"}, "agreement": {"ceasefire"}}


def gazetteer_from_db() -> Gazetteer:
    """The gazetteer as curators edited it (2 queries); the shipped JSON when the
    database holds no actors yet."""
    actors = [a.to_record() for a in Actor.objects.all()]
    if not actors:
        return default_gazetteer()
    places = [p.to_record() for p in Place.objects.all()]
    return Gazetteer.from_records(actors, places)


def load_gazetteer(gazetteer: Gazetteer | None = None) -> tuple[int, int]:
    """Create the Actor and Place rows of the shipped gazetteer that are missing.

    Existing rows are left alone: curators' edits win over the shipped data.
    Returns the number of actors and places created.
    """
    gazetteer = gazetteer or default_gazetteer()
    have_actors = set(Actor.objects.values_list("name", flat=True))
    have_places = set(Place.objects.values_list("name", flat=True))
    new_actors = [_actor_row(e) for e in gazetteer.actors if e.name not in have_actors]
    new_places = [_place_row(e) for e in gazetteer.places if e.name not in have_places]
    for row in new_actors + new_places:
        row.save()  # save() fills the slug; a few hundred rows, once.
    return len(new_actors), len(new_places)


def _actor_row(entity: Entity) -> Actor:
    return Actor(
        name=entity.name,
        name_ar=entity.name_ar,
        kind=entity.kind,
        aliases=list(entity.aliases),
        roles=[
            {
                "office": r.office,
                "country": r.country,
                "start": r.start.isoformat() if r.start else None,
                "end": r.end.isoformat() if r.end else None,
            }
            for r in entity.roles
        ],
        country=entity.country or "",
        wikidata=entity.wikidata or "",
    )


def _place_row(entity: Entity) -> Place:
    return Place(
        name=entity.name,
        name_ar=entity.name_ar,
        aliases=list(entity.aliases),
        country=entity.country or "",
        latitude=entity.latitude,
        longitude=entity.longitude,
    )


def _actor_for(entity: Entity) -> Actor:
    actor = Actor.objects.filter(name=entity.name).first()
    if actor is None:
        actor = _actor_row(entity)
        actor.save()
    return actor


def _place_for(entity: Entity) -> Place:
    place = Place.objects.filter(name=entity.name).first()
    if place is None:
        place = _place_row(entity)
        place.save()
    return place


def _span(date: dt.date, date_end: dt.date | None, precision: str) -> tuple[dt.date, dt.date]:
    slack = dt.timedelta(days=_TOLERANCE.get(precision, 0))
    return date - slack, (date_end or date) + slack


def _dates_overlap(event: Event, cand: EventCandidate) -> bool:
    a0, a1 = _span(event.date, event.date_end, event.precision)
    b0, b1 = _span(cand.date, cand.date_end, cand.precision)
    return a0 <= b1 and b0 <= a1


@lru_cache(maxsize=1)
def _max_tolerance() -> dt.timedelta:
    return dt.timedelta(days=max(_TOLERANCE.values()) * 2 + 2)


def find_same_event(cand: EventCandidate, key_names: set[str], place_name: str | None):
    """The live event ``cand`` reports again, or None (1–2 queries).

    Candidates of the same status only: a planned meeting and the held meeting are
    linked, not merged.
    """
    types = {cand.type} | _ATTACHES_TO.get(cand.type, set())
    window = _max_tolerance()
    nearby = (
        Event.objects.live()
        .filter(type__in=types, status=cand.status)
        .filter(date__lte=(cand.date_end or cand.date) + window, date__gte=cand.date - window)
        .select_related("place")
        .prefetch_related("event_actors__actor")
    )
    best = None
    for event in nearby:
        if not _dates_overlap(event, cand):
            continue
        if place_name and event.place and event.place.name != place_name:
            continue
        links = list(event.event_actors.all())
        event_keys = {ea.actor.name for ea in links if ea.key} or {ea.actor.name for ea in links}
        if not key_names & event_keys:
            continue
        # Prefer the same type, then the most specific date.
        rank = (event.type == cand.type, event.precision == cand.precision)
        if best is None or rank > best[0]:
            best = (rank, event)
    return best[1] if best else None


def _find_announcement(cand: EventCandidate, key_names: set[str]) -> Event | None:
    """The planned event an occurred candidate fulfils (same type, dates, actors)."""
    if cand.status != Status.OCCURRED:
        return None
    window = dt.timedelta(days=3)
    for event in (
        Event.objects.live()
        .filter(type=cand.type, status=Status.PLANNED)
        .filter(date__lte=(cand.date_end or cand.date) + window, date__gte=cand.date - window)
        .prefetch_related("event_actors__actor")
    ):
        names = {ea.actor.name for ea in event.event_actors.all()}
        if key_names & names:
            return event
    return None


def _same_kind(event: Event, cand: EventCandidate) -> bool:
    """Whether ``cand`` may be a report of ``event`` by type (a curator's type wins)."""
    return (
        event.type == cand.type
        or "type" in event.curated_fields
        or "mentions" in event.curated_fields  # merged or split by a curator
        or event.type in _ATTACHES_TO.get(cand.type, set())
    )


def _filed_evidence(article) -> dict[tuple[int, int], list[Event]]:
    """The article's evidence spans already filed, with the live events holding them
    (1 query). A span filed on a merged event counts for its survivor."""
    filed: dict[tuple[int, int], list[Event]] = {}
    for mention in Mention.objects.filter(article=article).select_related("event__merged_into"):
        event = mention.event
        if event.merged_into_id is not None:
            event = event.merged_into  # merging re-points chains: one hop is enough
        filed.setdefault((mention.char_start, mention.char_end), []).append(event)
    return filed


def _event_holding(cand: EventCandidate, filed) -> Event | None:
    """The event that already holds this candidate's evidence (re-extraction): the
    curator's decisions about it (edits, merges, splits, rejection) stand."""
    for span in cand.evidence:
        for event in filed.get(tuple(span), []):
            if _same_kind(event, cand):
                return event
    return None


@transaction.atomic
def store_candidates(article, candidates: Iterable[EventCandidate], *, auto_approve: bool = False):
    """Turn the candidates of one article into Events and Mentions.

    Idempotent: storing the same candidates again adds nothing. Re-extraction never
    undoes curation: a candidate whose evidence sentence is already filed joins the
    event that holds it (even after a curator changed its date, merged it or split
    the sentence off), fields a curator edited (``Event.curated_fields``) are never
    overwritten, and a rejected event stays rejected — a new source only adds
    evidence to it. Returns the list of (event, created) pairs.
    """
    results = []
    filed = _filed_evidence(article)
    for cand in candidates:
        key_names = {e.name for e in (cand.key_actors or cand.actors)}
        place_name = cand.place.name if cand.place else None
        event = _event_holding(cand, filed) or find_same_event(cand, key_names, place_name)
        created = event is None
        if created:
            event = Event(
                date=cand.date,
                date_end=cand.date_end,
                precision=cand.precision,
                date_inferred=cand.date_inferred,
                type=cand.type,
                status=cand.status,
                title_ar=cand.title_ar[:300],
                title_en=cand.title_en[:300],
                place=_place_for(cand.place) if cand.place else None,
                confidence=round(max(0.0, min(1.0, cand.confidence)), 3),
                review=Review.APPROVED if auto_approve else Review.PROPOSED,
                announced_by=_find_announcement(cand, key_names),
            )
            event.save()
        else:
            curated = set(event.curated_fields)
            changed = []
            if event.place is None and cand.place and "place" not in curated:
                event.place = _place_for(cand.place)
                changed.append("place")
            if cand.confidence > event.confidence and "confidence" not in curated:
                event.confidence = round(min(1.0, cand.confidence), 3)
                changed.append("confidence")
            if changed:
                event.save(update_fields=[*changed, "updated_at"])
        if created or "actors" not in event.curated_fields:
            keys = {e.name for e in cand.key_actors}
            linked = set(event.event_actors.values_list("actor__name", flat=True))
            for entity in cand.actors:
                if entity.name not in linked:
                    EventActor.objects.create(
                        event=event, actor=_actor_for(entity), key=entity.name in keys
                    )
                    linked.add(entity.name)
        for start, end in cand.evidence:
            holders = filed.setdefault((start, end), [])
            if any(h.pk != event.pk and _same_kind(h, cand) for h in holders):
                continue  # a curator filed this sentence on another event (split)
            Mention.objects.get_or_create(
                event=event,
                article=article,
                char_start=start,
                char_end=end,
                defaults={"quote": article.body[start:end]},
            )
            if all(h.pk != event.pk for h in holders):
                holders.append(event)
        results.append((event, created))
    return results
