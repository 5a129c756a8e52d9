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

from django.db import transaction
from django.db.models import Min, Q
from django.db.models.functions import Coalesce

from newsline.extraction.events import EventCandidate
from newsline.extraction.gazetteer import (
    Entity,
    Gazetteer,
    default_gazetteer,
    default_records,
)

from .models import Actor, Event, EventActor, Mention, Place, Review, Status, refresh_deferred

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
    # A country can be an event's place ("وقف إطلاق النار في سوريا"): its Place row
    # shares the actor's name and spellings, and the actor already finds it.
    names = {a["name"] for a in actors}
    places = [p.to_record() for p in Place.objects.all() if p.name not in names]
    return Gazetteer.from_records(actors, places)


def load_gazetteer() -> tuple[int, int]:
    """Create the Actor and Place rows of the shipped gazetteer that are missing.

    Existing rows are left alone: curators' edits win over the shipped data.
    Returns the number of actors and places created.
    """
    gazetteer = default_gazetteer()
    actor_records, place_records = default_records()
    have_actors = set(Actor.objects.values_list("name", flat=True))
    have_places = set(Place.objects.values_list("name", flat=True))
    new_actors = [_actor_row(e) for e in gazetteer.actors if e.name not in have_actors]
    new_places = []
    for record in place_records:
        if record["name"] not in have_places:
            place = _place_row(gazetteer.get(record["name"]))
            place.cue_only_aliases = list(record.get("cue_only_aliases") or [])
            place.metonym_of = record.get("metonym_of") or ""
            new_places.append(place)
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


def _overlapping(start: dt.date, end: dt.date) -> Q:
    """Events whose span, widened by their own precision's tolerance, meets
    [start, end]: one condition per precision, so the query reads a few days of
    events, not a year's (needs ``last_day`` aliased, see ``_near``)."""
    condition = Q()
    for precision, days in _TOLERANCE.items():
        slack = dt.timedelta(days=days)
        condition |= Q(precision=precision, date__lte=end + slack, last_day__gte=start - slack)
    return condition


def _near(start: dt.date, end: dt.date):
    return (
        Event.objects.live()
        .alias(last_day=Coalesce("date_end", "date"))
        .filter(_overlapping(start, end))
    )


def find_same_event(cand: EventCandidate, key_names: set[str], place_name: str | None):
    """The live event ``cand`` reports again, or None (2 queries).

    Candidates of the same status only: a planned meeting and the held meeting are
    linked, not merged.
    """
    types = {cand.type} | _ATTACHES_TO.get(cand.type, set())
    nearby = (
        _near(*_span(cand.date, cand.date_end, cand.precision))
        .filter(type__in=types, status=cand.status, event_actors__actor__name__in=key_names)
        .distinct()
        .select_related("place")
        .prefetch_related("event_actors__actor")
    )
    best = None
    for event in nearby:
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


# What a planned event may turn into: talks announced for 8–9 September can end in
# the agreement of 9 September, not only in a held meeting.
_FULFILS = {
    "meeting": {"meeting", "agreement", "ceasefire"},
    "visit": {"visit", "meeting"},
    "call": {"call"},
    "un_security_council": {"un_security_council"},
    "ceasefire": {"ceasefire"},
    "agreement": {"agreement", "ceasefire"},
    "statement": {"statement"},
    "violence": {"violence"},
}


def _sides(actors: Iterable) -> set[str]:
    """Actor names plus the countries their people speak for (Kerry → United States),
    so "Kerry and Lavrov to meet" and "Washington and Moscow agreed" can be linked."""
    sides = set()
    for actor in actors:
        sides.add(actor.name)
        if actor.kind == "person" and actor.country:
            sides.add(actor.country)
    return sides


def _link_announcement(event: Event, article) -> None:
    """Link a new event to the planned event it fulfils, or a new planned event to
    the occurred events that fulfil it, whichever article was ingested first.

    A fulfilment happens on or after the day the plan was first reported, in another
    article than the announcement (an article that reports a meeting and announces the
    next one announces, it does not fulfil).
    """
    sides = _sides(event.actors.all())
    planned = event.status == Status.PLANNED
    start, end = _span(event.date, event.date_end, event.precision)
    window = dt.timedelta(days=1)
    if planned:
        others = Event.objects.live().filter(
            status=Status.OCCURRED,
            announced_by__isnull=True,
            type__in=_FULFILS.get(event.type, {event.type}),
            date__gte=max(start - window, article.published_on or dt.date.min),
            date__lte=end + window,
        )
    else:
        others = _near(event.date - window, event.date + window).filter(status=Status.PLANNED)
    others = (
        others.exclude(pk=event.pk)
        .exclude(mentions__article=article)
        .annotate(reported_on=Min("mentions__article__published_on"))
        .prefetch_related("actors")
    )
    for other in others:
        announcement, fulfilment = (event, other) if planned else (other, event)
        if fulfilment.type not in _FULFILS.get(announcement.type, {announcement.type}):
            continue
        a0, a1 = _span(announcement.date, announcement.date_end, announcement.precision)
        if not (a0 - window <= fulfilment.date <= a1 + window):
            continue
        if not planned and other.reported_on and fulfilment.date < other.reported_on:
            continue
        if not sides & _sides(other.actors.all()):
            continue
        fulfilment.announced_by = announcement
        fulfilment.save(update_fields=["announced_by", "updated_at"])
        if not planned:
            return


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
    with refresh_deferred():  # one refresh of source counts and search text
        return _store(article, candidates, auto_approve=auto_approve)


def _store(article, candidates: Iterable[EventCandidate], *, auto_approve: bool):
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
        if created:
            _link_announcement(event, article)
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
