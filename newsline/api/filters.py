"""The timeline's filters, read from a query string, for the API, the exports and the embed.

One form, one queryset function: every data-out path filters the same way, and an
export or embed URL carries the same query string as the page it came from.
"""

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from newsline.events.models import Event, EventType, Mention, Status


class EventFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("To"), required=False)
    type = forms.MultipleChoiceField(label=_("Type"), required=False, choices=EventType.choices)
    actor = forms.CharField(label=_("Actor"), required=False, max_length=200)
    place = forms.SlugField(label=_("Place"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "")] + list(Status.choices)
    )

    def __init__(self, data=None, *args, **kwargs):
        # `actor` may repeat (?actor=a&actor=b) or be comma-separated (?actor=a,b).
        if data is not None and hasattr(data, "getlist"):
            data = data.copy()
            data.setlist("actor", [",".join(data.getlist("actor"))])
        super().__init__(data, *args, **kwargs)

    def clean_actor(self) -> list[str]:
        raw = self.cleaned_data.get("actor") or ""
        return [slug.strip() for slug in raw.split(",") if slug.strip()]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date is before the start date."))
        return data


def apply_filters(qs: QuerySet, data: dict) -> QuerySet:
    """Narrow an Event queryset by cleaned EventFilterForm data."""
    qs = qs.between(data.get("start"), data.get("end"))
    if types := data.get("type"):
        qs = qs.filter(type__in=types)
    # Every named actor must take part (intersection, like the page's actor chips).
    for slug in data.get("actor") or []:
        qs = qs.filter(event_actors__actor__slug=slug)
    if place := data.get("place"):
        qs = qs.filter(place__slug=place)
    if status := data.get("status"):
        qs = qs.filter(status=status)
    if q := (data.get("q") or "").strip():
        quoted = Mention.objects.filter(event=OuterRef("pk"), quote__icontains=q)
        qs = qs.filter(Q(title_ar__icontains=q) | Q(title_en__icontains=q) | Exists(quoted))
    return qs


def filtered_events(params) -> tuple[QuerySet, EventFilterForm]:
    """Public events narrowed by the query string `params`, and the bound form.

    When the form is invalid the queryset is the unfiltered public one; callers that
    must reject bad input (the API) check ``form.is_valid()`` themselves.
    """
    form = EventFilterForm(params)
    qs = Event.objects.public()
    if form.is_valid():
        qs = apply_filters(qs, form.cleaned_data)
    return qs.order_by("date", "id"), form
