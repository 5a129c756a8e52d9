"""The Plotly timeline figure, built as a plain dict (no ``go.Figure``).

Shipped to the page with ``json_script`` and drawn by ``static/js/timeline.js``.
Time runs on x (right to left in Arabic); lanes on y are event types or actors;
marker size grows with the number of sources; planned events are hollow; a date
range, or the month/week/year an imprecise date covers, is drawn as a bar behind
its marker. Every point's ``customdata`` is ``[event id, card URL]``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Iterable, Sequence

from django.urls import reverse
from django.utils import dates as django_dates
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsline.events.models import EventType

from . import display

FONT_AR = '"Noto Naskh Arabic", "Noto Sans", sans-serif'
FONT_EN = '"Noto Sans", "Noto Naskh Arabic", sans-serif'

# One colour per type, colour-blind-safe (Okabe–Ito + two greys/blues).
COLORS = {
    "meeting": "#0072B2",
    "call": "#56B4E9",
    "statement": "#6b6b6b",
    "agreement": "#009E73",
    "ceasefire": "#E69F00",
    "un_security_council": "#CC79A7",
    "violence": "#D55E00",
    "visit": "#332288",
}
TYPE_ORDER = [value for value, _label in EventType.choices]
MAX_ACTOR_LANES = 12
# How much of the axis a focused event opens with, either side of its date.
FOCUS_WINDOW = dt.timedelta(days=45)


def marker_size(sources: int) -> int:
    """10 px for one source, growing 4 px a source up to 30 px."""
    return min(10 + 4 * max(sources - 1, 0), 30)


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _midpoint(start: dt.date, end: dt.date) -> dt.date:
    return start + (end - start) / 2


def marker_date(event) -> dt.date:
    """Where the marker sits: the day itself, or the middle of what an imprecise
    date covers (a month-precision event is not pinned to the 1st)."""
    if event.precision == "day":
        return event.date
    return _midpoint(*display.span(event))


def _sources(event) -> int:
    count = getattr(event, "source_count", None)
    return 1 if count is None else max(count, 1)


def permalinks():
    """``event.get_absolute_url`` for many events with one ``reverse()``: the
    permalink of event 1 with slug "x", with each event's id and slug put in (a
    reverse per marker was ~6 % of a 100k-event overview's server time)."""
    sample = reverse("timeline:event", args=[1, "x"])
    head, marker, tail = sample.rpartition("/1-x/")
    if not marker:  # a URL layout this does not know: the slow, sure way
        return lambda event: event.get_absolute_url()
    return lambda event: f"{head}/{event.pk}-{event.slug or 'event'}/{tail}"


def _escape(text: str) -> str:
    """Plotly reads tags in hover text and decodes only &lt; &gt; &amp; (not &quot;)."""
    return html.escape(text, quote=False)


def _hover(event, type_label: str) -> str:
    sources = _sources(event)
    parts = [
        f"<b>{_escape(display.localized(event))}</b>",
        f"{_escape(display.when(event))} · {_escape(type_label)}",
        _escape(ngettext("%(n)d source", "%(n)d sources", sources) % {"n": sources}),
    ]
    if event.status == "planned":
        parts.append(_escape(_("planned")))
    return "<br>".join(parts)


def _actors_of(event) -> list:
    """The event's actors: ``chart_actors`` when ``lod.attach_actors`` set them (no
    model row per link), else the (prefetched) relation."""
    attached = getattr(event, "chart_actors", None)
    return attached if attached is not None else list(event.actors.all())


def _lanes(
    events: Sequence, lanes: str, actor_lanes: Sequence[tuple[int, str]] | None = None
) -> tuple[list[str], dict[int, list[str]]]:
    """The y categories and, per event id, the lanes it is drawn in. With actor lanes
    the busiest actors of ``events`` get a lane each, unless ``actor_lanes`` (actor id,
    label; busiest first) names them: the overview's lanes are the busiest actors of
    every matching event, not of the few drawn one by one."""
    labels = dict(EventType.choices)
    if lanes != "actor":
        present = {e.type for e in events}
        order = [str(labels[t]) for t in TYPE_ORDER if t in present]
        return order, {e.pk: [str(labels.get(e.type, e.type))] for e in events}
    actors_of = {e.pk: _actors_of(e) for e in events}
    if actor_lanes is None:
        counts = Counter(a.pk for e in events for a in actors_of[e.pk])
        busiest = [pk for pk, _n in counts.most_common(MAX_ACTOR_LANES)]
        given: dict[int, str] = {}
    else:
        busiest = [pk for pk, _label in actor_lanes]
        given = dict(actor_lanes)
    top = set(busiest)
    names: dict[int, str] = {}
    placed: dict[int, list[str]] = {}
    other = _("other actors")
    for e in events:
        mine = []
        for a in actors_of[e.pk]:
            if a.pk in top:
                names[a.pk] = given.get(a.pk) or display.localized(a)
                mine.append(names[a.pk])
        placed[e.pk] = mine or [other]
    if actor_lanes is not None:
        names = given  # every lane of the overview, with or without a drawn event
    order = [names[pk] for pk in busiest if pk in names]
    if any(lanes_ == [other] for lanes_ in placed.values()):
        order.append(other)
    # Plotly draws the first category at the bottom: put the busiest lane on top.
    return list(reversed(order)), placed


def timeline_figure(
    events: Iterable,
    *,
    lanes: str = "type",
    focus=None,
    url_for=None,
    actor_lanes: Sequence[tuple[int, str]] | None = None,
) -> dict:
    """The figure of ``events`` (each with ``source_count``, and with its actors
    attached by ``lod.attach_actors`` or prefetched when ``lanes == "actor"``). Pure:
    no query of its own."""
    events = list(events)
    url_for = url_for or permalinks()
    rtl = display.is_arabic()
    labels = dict(EventType.choices)
    categories, placed = _lanes(events, lanes, actor_lanes)

    traces: list[dict] = []
    for type_ in TYPE_ORDER:
        # Occurred events first: the legend draws a trace's symbol from its first
        # point, and a hollow (planned) one would say the whole type is planned.
        of_type = sorted(
            (e for e in events if e.type == type_), key=lambda e: e.status == "planned"
        )
        if not of_type:
            continue
        label = str(labels[type_])
        color = COLORS[type_]
        xs, ys, sizes, symbols, data, hovers = [], [], [], [], [], []
        bar_x, bar_y, bar_data = [], [], []
        for e in of_type:
            card = [e.pk, url_for(e)]
            hover = _hover(e, label)
            start, end = display.span(e)
            for lane in placed[e.pk]:
                xs.append(_iso(marker_date(e)))
                ys.append(lane)
                sizes.append(marker_size(_sources(e)))
                symbols.append("circle-open" if e.status == "planned" else "circle")
                data.append(card)
                hovers.append(hover)
                if end > start:
                    # A bar from the first to the last covered day (end of that day).
                    bar_x += [_iso(start), _iso(end + dt.timedelta(days=1)), None]
                    bar_y += [lane, lane, None]
                    bar_data += [card, card, None]
        if bar_x:
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines",
                    "x": bar_x,
                    "y": bar_y,
                    "customdata": bar_data,
                    "line": {"color": color, "width": 10},
                    "opacity": 0.35,
                    "hoverinfo": "skip",
                    "showlegend": False,
                    "legendgroup": type_,
                    "name": label,
                    "meta": {"role": "range", "type": type_},
                }
            )
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": xs,
                "y": ys,
                "customdata": data,
                "text": hovers,
                "hovertemplate": "%{text}<extra></extra>",
                "marker": {
                    "color": color,
                    "size": sizes,
                    "symbol": symbols,
                    "line": {"color": color, "width": 2},
                    "opacity": 0.9,
                },
                "name": label,
                "legendgroup": type_,
                "meta": {"role": "events", "type": type_},
            }
        )

    if focus is not None and focus.pk in placed:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": [_iso(marker_date(focus))] * len(placed[focus.pk]),
                "y": placed[focus.pk],
                "customdata": [[focus.pk, url_for(focus)]] * len(placed[focus.pk]),
                "hoverinfo": "skip",
                "marker": {
                    "size": marker_size(_sources(focus)) + 12,
                    "symbol": "circle-open",
                    "color": "#f2a900",
                    "line": {"color": "#f2a900", "width": 3},
                },
                "showlegend": False,
                "name": _("selected event"),
                "meta": {"role": "focus"},
            }
        )

    font = FONT_AR if rtl else FONT_EN
    # Room for the lane labels. Plotly's automargin does not grow a right-side axis
    # here (measured: Arabic labels clipped), so reserve it from the label lengths.
    label_room = 24 + round(7.5 * max((len(c) for c in categories), default=4))
    show_legend = lanes == "actor"
    # The legend, when there is one, sits under the axis (~50 px more).
    height = max(260, (150 if show_legend else 100) + 44 * len(categories))
    xaxis: dict = {
        "type": "date",
        "autorange": "reversed" if rtl else True,
        "showgrid": True,
        "gridcolor": "#e6e9ee",
        "zeroline": False,
        "hoverformat": "%-d %B %Y",
        # Room for two-line ticks ("Aug 28" over "2016") when the axis spans weeks.
        "automargin": True,
    }
    if focus is not None:
        lo = _iso(focus.date - FOCUS_WINDOW)
        hi = _iso((focus.date_end or focus.date) + FOCUS_WINDOW)
        xaxis["range"] = [hi, lo] if rtl else [lo, hi]
        xaxis["autorange"] = False
    layout = {
        "font": {"family": font, "size": 14, "color": "#1d2430"},
        "hoverlabel": {"font": {"family": font}, "align": "right" if rtl else "left"},
        "xaxis": xaxis,
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": categories,
            "side": "right" if rtl else "left",
            "automargin": True,
            "fixedrange": True,
            "gridcolor": "#eef0f3",
        },
        # Under the axis: the mode bar owns the top edge. Plotly lays legend items out
        # left to right whatever the page direction: reversed, the first type reads
        # first from the right in Arabic.
        "legend": {
            "orientation": "h",
            "x": 1 if rtl else 0,
            "xanchor": "right" if rtl else "left",
            # Below the two-line date ticks (~56 px under the plot area).
            "y": -56 / (height - 110),
            "yanchor": "top",
            "traceorder": "reversed" if rtl else "normal",
        },
        "margin": {
            "l": 16 if rtl else label_room,
            "r": label_room if rtl else 16,
            "t": 32,
            "b": 24,
        },
        "height": height,
        "hovermode": "closest",
        "dragmode": "pan",
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "#ffffff",
        # With lanes by type every lane is already labelled with its type and colour:
        # a legend would only repeat the lane labels (and take a third of a phone's
        # screen). With lanes by actor the colours need one.
        "showlegend": show_legend,
    }
    config = {
        "responsive": True,
        "displaylogo": False,
        "scrollZoom": False,
        "locale": "ar" if rtl else "en",
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
    }
    figure = {"data": traces, "layout": layout, "config": config}
    if rtl:
        # plotly.js ships no Arabic month names here: register them (timeline.js).
        months = [str(django_dates.MONTHS[m]) for m in range(1, 13)]
        figure["locale"] = {"name": "ar", "format": {"months": months, "shortMonths": months}}
    return figure
