"""Level of detail: a timeline of 100k events must not send 100k markers.

Up to ``DETAIL_LIMIT`` matching events the chart draws every event (charts.py). Above
it, the chart is an *overview*: per lane and period (month, week or day, by the span
shown) one square whose size and opacity say how many events it holds, plus the
``TOP_EVENTS`` highest-ranked events (most sources, then confidence: ``by_rank()``,
an index walk over the stored ``Event.source_count``) as ordinary
markers. Zooming the chart asks the server for the visible range (timeline.js sends
``start``/``end``, the same filters as the form), which is detailed again once few
enough events are in view. The list under the chart pages through the database
instead of slicing an evaluated list.

The number of queries stays constant: the change stamp and the counts (the bins, whose
counts add up to the total; none when cached, see ``_cached_counts``), the top events,
with actor lanes their actors, the page of the list.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, DateField, F, Func, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsline.events import stamped
from newsline.events.models import Actor, Event, EventActor, EventType

from . import display
from .charts import COLORS, MAX_ACTOR_LANES, TYPE_ORDER, timeline_figure

# Above this many events the chart is an overview. Measured (bench/run.py): about
# 1,500 markers is where Plotly's SVG drawing passes ~1 s in headless Chromium here.
DETAIL_LIMIT = 1500
TOP_EVENTS = 200
# The columns charts.timeline_figure reads (hover, marker, permalink).
CHART_FIELDS = (
    "date", "date_end", "precision", "type", "status", "title_ar", "title_en", "slug",
    "source_count", "place",
)  # fmt: skip
ACTOR_FIELDS = ("name", "name_ar", "slug")


def attach_actors(events: list[Event]) -> list[Event]:
    """Set ``event.chart_actors`` (by name, as the relation orders them) on each of
    ``events`` for the chart's actor lanes: 2 queries (the links, then their actors
    once each). ``prefetch_related`` made a model row and a related manager per link:
    ~120 ms for 1,000 events with lanes by actor, most of the swap."""
    by_event: dict[int, list[Actor]] = {e.pk: [] for e in events}
    pairs = list(
        EventActor.objects.filter(event_id__in=list(by_event)).values_list("event_id", "actor_id")
    )
    actors = Actor.objects.only(*ACTOR_FIELDS).in_bulk({actor for _e, actor in pairs})
    for event_id, actor_id in pairs:
        if actor_id in actors:
            by_event[event_id].append(actors[actor_id])
    for event in events:
        event.chart_actors = sorted(by_event[event.pk], key=lambda a: (a.name, a.pk))
    return events


BIN_COLOR = "#3b4a63"


@dataclass
class Overview:
    """What the overview chart shows: bins and top events of ``total`` events."""

    total: int
    period: str  # "month" | "week" | "day"
    lanes: str  # "type" | "actor"
    bins: list[tuple[str, dt.date, int]] = field(default_factory=list)  # lane key, start, n
    top: list[Event] = field(default_factory=list)
    lane_labels: dict[str, str] = field(default_factory=dict)


def _period_for(start: dt.date | None, end: dt.date | None) -> str:
    """Bins fine enough to show shape, coarse enough to stay a few hundred squares."""
    if start is None or end is None:
        return "month"
    days = (end - start).days
    if days > 2 * 365:
        return "month"
    if days > 120:
        return "week"
    return "day"


def period_start(day: dt.date, period: str) -> dt.date:
    """The first day of the bin ``day`` falls in (weeks start on Monday)."""
    if period == "month":
        return day.replace(day=1)
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    return day


class PeriodStart(Func):
    """``period_start(date, period)`` in SQL, with each database's own date functions
    (Django's Trunc* call a Python function per row on SQLite): the bins are grouped
    in the database, a few hundred rows come back instead of a row per lane and day."""

    output_field = DateField()

    def __init__(self, expression, period: str):
        super().__init__(expression)
        self.period = period

    def as_sql(self, compiler, connection, **extra):  # PostgreSQL
        sql, params = compiler.compile(self.source_expressions[0])
        if self.period == "day":
            return sql, params
        # Through timestamp without time zone: date_trunc on a date would go through
        # timestamptz, and the session's time zone.
        return f"CAST(DATE_TRUNC('{self.period}', CAST({sql} AS timestamp)) AS date)", params

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        if self.period == "day":
            return sql, params
        if self.period == "month":
            return f"date({sql}, 'start of month')", params
        # The Sunday on or after the day, back to its Monday (weeks start on Monday).
        return f"date({sql}, 'weekday 0', '-6 days')", params


def _bins(rows, lane_key: str) -> list[tuple[str, dt.date, int]]:
    """(lane, period start, count) rows from the database, sorted."""
    return sorted((str(row[lane_key]), row["start"], row["n"]) for row in rows)


def _plain(events: QuerySet[Event]) -> QuerySet[Event]:
    """``events`` without annotations, so it can be grouped again: the same rows
    through ``pk IN (subquery)`` (none of our filters annotates any more)."""
    if not events.query.annotations:
        return events.order_by()
    return Event.objects.filter(pk__in=events.order_by().values("pk"))


def _counts(plain: QuerySet[Event], lanes: str, period: str):
    """(total, bins, actor lane ids) of ``plain``: 1 query with type lanes, 2 with
    actor lanes (every actor's bins, a count)."""
    if lanes == "actor":
        # Every actor's bins in one pass over the links (the busiest actors are
        # known only once all are counted): ~150 ms at 100k events on SQLite, where
        # ranking the actors first and then binning the busiest read the links twice.
        rows = (
            plain.filter(event_actors__isnull=False)
            .values(actor=F("event_actors__actor"), start=PeriodStart("date", period))
            .annotate(n=Count("pk"))
            .values_list("actor", "start", "n")
            .order_by()
        )
        rows = list(rows)
        per_actor: Counter[int] = Counter()
        for actor, _start, n in rows:
            per_actor[actor] += n
        # Busiest first; equal counts by id, so the lanes do not reorder between runs.
        ranked = sorted(per_actor.items(), key=lambda item: (-item[1], item[0]))
        actor_ids = [pk for pk, _n in ranked[:MAX_ACTOR_LANES]]
        chosen = set(actor_ids)
        bins = sorted((str(actor), day, n) for actor, day, n in rows if actor in chosen)
        return plain.count(), bins, actor_ids
    # A covering scan of event_public_type_date_idx on the public timeline.
    rows = plain.values("type", start=PeriodStart("date", period)).annotate(n=Count("pk"))
    bins = _bins(rows.order_by(), "type")
    # Every event is in exactly one type lane: the bins add up to the total, no
    # COUNT needed.
    return sum(n for _lane, _start, n in bins), bins, []


def _cached_counts(plain: QuerySet[Event], lanes: str, period: str):
    """``_counts``, kept per process until the data changes (``events.stamped``), under
    the exact SQL of ``plain``: the same filters on unchanged data are not counted
    again (the bins of 100k events take 10–50 ms, actor lanes ~200 ms)."""
    sql, params = plain.query.sql_with_params()
    return stamped.cached(
        "lod-counts", lambda: _counts(plain, lanes, period), lanes, period, sql, params,
        using=plain.db,
    )  # fmt: skip


def overview(
    events: QuerySet[Event],
    filters: dict,
    *,
    limit: int | None = None,
    top: int | None = None,
) -> Overview | None:
    """None when ``events`` fit the detailed chart (1 query); else the overview of
    them: the change stamp, the counts (``_cached_counts``: none when cached), the top
    events; with actor lanes also the lanes' actors and the top events' actors. The
    top events are those with the most distinct sources, then the surest
    (``EventQuerySet.by_rank``)."""
    limit = DETAIL_LIMIT if limit is None else limit
    top = TOP_EVENTS if top is None else top
    plain = _plain(events)
    # Is there a (limit + 1)th event? An index walk that stops there: ~1 ms at 100k,
    # where COUNT(*) takes ~25 ms.
    if not plain.values("pk")[limit : limit + 1].exists():
        return None
    lanes = filters.get("lanes") or "type"
    start, end = filters.get("start"), filters.get("end")
    period = _period_for(start, end)
    result = Overview(total=0, period=period, lanes=lanes)
    result.total, result.bins, actor_ids = _cached_counts(plain, lanes, period)
    if lanes == "actor":
        actors = Actor.objects.in_bulk(actor_ids)
        result.lane_labels = {
            str(pk): display.localized(actors[pk]) for pk in actor_ids if pk in actors
        }
    else:
        labels = dict(EventType.choices)
        result.lane_labels = {t: str(labels[t]) for t in TYPE_ORDER}

    # The stored source count makes the ranking an index walk that stops after
    # ``top`` rows (event_public_rank_idx): ~1 ms at 100k events, where aggregating
    # every mention took ~90–260 ms. Ties go to the surest, not the oldest.
    # Only what the chart draws: no place, actors only for actor lanes (model
    # instances cost per field, and a top event's search text is long).
    result.top = list(plain.by_rank().only(*CHART_FIELDS)[:top])
    if lanes == "actor":
        attach_actors(result.top)
    return result


def _bin_end(start: dt.date, period: str) -> dt.date:
    if period == "month":
        nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return nxt - dt.timedelta(days=1)
    if period == "week":
        return start + dt.timedelta(days=6)
    return start


def _bin_label(start: dt.date, period: str) -> str:
    """ "March 2016", "week of 7 March 2016", "7 March 2016"."""
    return display.when(_Span(start, None, period))


@dataclass
class _Span:
    """Just enough of an event for ``display.when``."""

    date: dt.date
    date_end: dt.date | None
    precision: str


def overview_figure(ov: Overview, *, focus=None, url_for=None) -> dict:
    """The top events (and the focused one) drawn as charts.py draws events, over a
    layer of bins. ``layout.meta.lod`` tells timeline.js that zooming fetches detail.
    """
    shown = ov.top
    if focus is not None and all(e.pk != focus.pk for e in shown):
        shown = [*shown, focus]
    actor_lanes = (
        [(int(key), label) for key, label in ov.lane_labels.items()]
        if ov.lanes == "actor"
        else None
    )
    figure = timeline_figure(
        shown, lanes=ov.lanes, focus=focus, url_for=url_for, actor_lanes=actor_lanes
    )
    if ov.lanes == "actor":
        order = list(ov.lane_labels)
        # The busiest actors' lanes, busiest on top (and "other actors" under them
        # when a drawn event has none of them): the same lanes for bins and events.
        categories = figure["layout"]["yaxis"]["categoryarray"]
    else:
        present = {lane for lane, _day, _n in ov.bins}
        order = [t for t in TYPE_ORDER if t in present]
        categories = [ov.lane_labels[t] for t in order]
    peak = max((n for _lane, _day, n in ov.bins), default=1)
    traces = []
    for lane in order:
        cells = [(day, n) for key, day, n in ov.bins if key == lane]
        if not cells:
            continue
        label = ov.lane_labels[lane]
        color = COLORS.get(lane, BIN_COLOR)
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": [display_mid(day, ov.period).isoformat() for day, _n in cells],
                "y": [label] * len(cells),
                "text": [_bin_hover(day, n, ov.period, label) for day, n in cells],
                "hovertemplate": "%{text}<extra></extra>",
                "marker": {
                    "symbol": "square",
                    "color": color,
                    "size": [6 + 18 * math.sqrt(n / peak) for _day, n in cells],
                    "opacity": [0.15 + 0.5 * n / peak for _day, n in cells],
                    "line": {"width": 0},
                },
                "showlegend": False,
                "name": label,
                "meta": {"role": "bins", "lane": lane},
            }
        )
    figure["data"] = traces + figure["data"]
    yaxis = figure["layout"]["yaxis"]
    yaxis["categoryarray"] = categories
    figure["layout"]["height"] = max(280, 110 + 48 * len(categories))
    note = overview_note(ov)
    # Plotly lays SVG text out left to right: in Arabic a right-to-left mark after the
    # note keeps its final full stop at the sentence's end (the left), not the right.
    title = f"{note}\u200f" if display.is_arabic() else note
    figure["layout"]["title"] = {"text": title, "font": {"size": 13}, "x": 0.5, "y": 0.98}
    figure["layout"]["margin"] = {**figure["layout"]["margin"], "t": 84}
    figure["layout"]["meta"] = {
        "lod": {
            "total": ov.total,
            "shown": len(ov.top),
            "period": ov.period,
            "note": note,
        }
    }
    return figure


def display_mid(start: dt.date, period: str) -> dt.date:
    end = _bin_end(start, period)
    return start + (end - start) / 2


def _bin_hover(day: dt.date, n: int, period: str, lane: str) -> str:
    count = ngettext("%(n)d event", "%(n)d events", n) % {"n": n}
    return f"<b>{count}</b><br>{_bin_label(day, period)} · {lane}"


def overview_note(ov: Overview) -> str:
    return _(
        "%(shown)d most-cited of %(total)d events; squares count the rest. Zoom in for every event."
    ) % {"shown": len(ov.top), "total": ov.total}


def page_of(events: QuerySet[Event], total: int, number, per_page: int) -> Page:
    """One page of the list, from the database: the page's ids, then their events
    with the columns the list shows (2 queries), ``total`` already known (no COUNT)."""
    paginator = Paginator(events.order_by("date", "id").values_list("pk", flat=True), per_page)
    paginator.count = total  # cached_property: the overview counted them already
    page = paginator.get_page(number)
    ids = list(page.object_list)
    rows = Event.objects.filter(pk__in=ids).only(*CHART_FIELDS).in_bulk()
    page.object_list = [rows[pk] for pk in ids if pk in rows]
    return page


def position(events: QuerySet[Event], event: Event) -> int:
    """How many of ``events`` come before ``event`` in timeline order (1 query)."""
    before = Q(date__lt=event.date) | Q(date=event.date, pk__lt=event.pk)
    return _plain(events).filter(before).count()


def overview_context(request, events: QuerySet[Event], ov: Overview, *, page_size: int) -> dict:
    """The chart, list page and focus of the timeline views in overview mode (the
    keys ``views._timeline_context`` returns)."""
    focus = None
    focus_id = request.GET.get("event", "")
    if focus_id.isdigit():
        focus = (
            _plain(events)
            .select_related("place")
            .prefetch_related("actors")
            .filter(pk=int(focus_id))
            .first()
        )
    number = request.GET.get("page")
    if number is None and focus is not None:
        number = position(events, focus) // page_size + 1
    return {
        "figure": overview_figure(ov, focus=focus),
        "page_obj": page_of(events, ov.total, number, page_size),
        "event_count": ov.total,
        "focus": focus,
        "overview": ov,
    }
