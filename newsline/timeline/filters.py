"""The timeline's filter form: every state of the timeline is a GET query string.

The same form serves the full page (no JS) and the htmx swaps; ``filter_events``
turns its cleaned data into one query on top of ``Event.objects.public()``.
"""

from __future__ import annotations

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from newsline import search
from newsline.articles.models import Article, Publisher
from newsline.events.models import Actor, Event, EventActor, EventType, Mention, Place, Status

from . import display

LANES = [("type", _("event type")), ("actor", _("actor"))]


class LocalizedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return display.localized(obj)


class TimelineFilters(forms.Form):
    q = forms.CharField(
        label=_("Search titles and quotes"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    actor = LocalizedChoiceField(
        label=_("Actor"),
        queryset=Actor.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All actors"),
    )
    type = forms.ChoiceField(
        label=_("Type"), choices=[("", _("All types")), *EventType.choices], required=False
    )
    place = LocalizedChoiceField(
        label=_("Place"),
        queryset=Place.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All places"),
    )
    publisher = LocalizedChoiceField(
        label=_("Publisher"),
        queryset=Publisher.objects.none(),
        required=False,
        empty_label=_("All publishers"),
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Occurred and planned")), *Status.choices],
        required=False,
    )
    min_sources = forms.IntegerField(
        label=_("At least N sources"), required=False, min_value=1, max_value=99
    )
    lanes = forms.ChoiceField(label=_("Lanes by"), choices=LANES, required=False)

    def __init__(self, *args, public: QuerySet[Event] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only what the public timeline contains (one query per list, at render).
        public = public if public is not None else Event.objects.public()
        ar = display.is_arabic()
        self.fields["actor"].queryset = (
            Actor.objects.filter(Exists(public.filter(actors=OuterRef("pk"))))
        ).order_by("name_ar" if ar else "name")
        self.fields["place"].queryset = Place.objects.filter(
            Exists(public.filter(place=OuterRef("pk")))
        ).order_by("name_ar" if ar else "name")
        # Nested EXISTS (an article of the publisher that a public event quotes): each
        # level stops at its first hit, ~3 ms at 100k events on both databases, where
        # one EXISTS over the joined tables took 40 ms (SQLite) to 110 ms (PostgreSQL,
        # which hashed every mention of each publisher).
        quoted = Exists(public.filter(mentions__article=OuterRef("pk")))
        self.fields["publisher"].queryset = Publisher.objects.filter(
            Exists(Article.objects.filter(quoted, publisher=OuterRef("pk")))
        ).order_by("name")

    def filters(self) -> dict:
        """The valid filters; an invalid field is ignored (and shown with its error)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


def filter_events(events: QuerySet[Event], filters: dict) -> QuerySet[Event]:
    """Apply the cleaned filters of ``TimelineFilters`` to an Event queryset.

    Conditions on related rows are ``EXISTS`` subqueries, so no row is duplicated and
    the query count stays the same whatever the filters.
    """
    if q := filters.get("q"):
        # Titles and quotes, insensitive to Arabic spelling variants (ى/ي, أ/ا, ة/ه,
        # diacritics) on SQLite and PostgreSQL alike.
        events = search.matching(events, q)
    if actor := filters.get("actor"):
        events = events.filter(_of_actor(actor))
    if type_ := filters.get("type"):
        events = events.filter(type=type_)
    if place := filters.get("place"):
        events = events.filter(place=place)
    if publisher := filters.get("publisher"):
        events = events.filter(
            Exists(Mention.objects.filter(event=OuterRef("pk"), article__publisher=publisher))
        )
    if filters.get("start") or filters.get("end"):
        events = events.between(filters.get("start"), filters.get("end"))
    if status := filters.get("status"):
        events = events.filter(status=status)
    if min_sources := filters.get("min_sources"):
        events = events.filter(source_count__gte=min_sources)
    return events


# Above this many events, an actor's events are found by walking the timeline's own
# order and probing each event's links (EXISTS); below it, by reading the actor's
# links first (IN). Measured at 100k events on SQLite (bench/run.py): an actor with
# ~300 events, EXISTS 62 ms / IN 5 ms; one with 32,000, IN 37 ms a query / EXISTS
# 0.1–0.4 ms, as the walk stops after a page.
BUSY_ACTOR_EVENTS = 2000


def _of_actor(actor: Actor):
    """The condition "``actor`` took part", shaped by how many events it has (1 query:
    a count on the link table's actor index)."""
    links = EventActor.objects.filter(actor=actor)
    if links.count() > BUSY_ACTOR_EVENTS:
        return Exists(links.filter(event=OuterRef("pk")))
    return Q(pk__in=links.values("event_id"))
