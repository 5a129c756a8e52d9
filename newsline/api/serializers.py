"""Events, actors and places as the JSON of DESIGN.md ("Event JSON")."""

from django.http import HttpRequest

from newsline.events.models import Actor, Event, Place


def actor_to_dict(actor: Actor) -> dict:
    return {"name": actor.name, "name_ar": actor.name_ar, "kind": actor.kind}


def place_to_dict(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {"name": place.name, "name_ar": place.name_ar}


def event_to_dict(event: Event, request: HttpRequest | None = None) -> dict:
    """One event in DESIGN.md's shape, with its sources and evidence offsets.

    Reads ``event.actors`` and ``event.mentions``: one query each unless the queryset
    used ``with_actors()`` and ``with_sources()``. `request` is accepted so callers can
    pass it uniformly; the event JSON itself holds no request-dependent URL.
    """
    return {
        "id": str(event.pk),
        "date": event.date.isoformat(),
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "precision": event.precision,
        "type": event.type,
        "status": event.status,
        "title_ar": event.title_ar,
        "title_en": event.title_en,
        "actors": [actor_to_dict(a) for a in event.actors.all()],
        "place": place_to_dict(event.place),
        "confidence": event.confidence,
        "sources": [
            {
                "origin": m.article.origin,
                "url": m.article.url,
                "quote": m.quote,
                "start": m.char_start,
                "end": m.char_end,
            }
            for m in event.mentions.all()
        ],
    }
