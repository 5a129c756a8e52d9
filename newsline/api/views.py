"""The read-only public JSON API: approved, live events only."""

import json
from pathlib import Path

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from newsline.events import stamped
from newsline.events.models import Actor, Event, EventActor, Place

from .filters import filtered_events
from .serializers import event_to_dict

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500

# Inside JSON these characters only occur in strings, so escaping them keeps the
# document equal while no raw "<script>" or bidi override is ever on the wire.
_INERT = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
        **{c: f"\\u{ord(c):04x}" for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"},
    }
)


def dumps(data) -> str:
    """JSON with Arabic kept readable and markup / bidi controls escaped."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_INERT)


def json_response(data, status: int = 200, **kwargs) -> HttpResponse:
    response = HttpResponse(
        dumps(data), status=status, content_type="application/json; charset=utf-8", **kwargs
    )
    # Public data, no credentials: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status: int, message: str, **extra) -> HttpResponse:
    return json_response({"error": message, **extra}, status=status)


def _page_params(request: HttpRequest) -> tuple[int, int] | HttpResponse:
    try:
        page = int(request.GET.get("page", 1))
        size = int(request.GET.get("page_size", DEFAULT_PAGE_SIZE))
    except ValueError:
        return error(400, "page and page_size must be integers")
    if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
        return error(400, f"page >= 1 and 1 <= page_size <= {MAX_PAGE_SIZE}")
    return page, size


def _page_url(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@require_GET
@cache_control(public=True, max_age=60)
def events(request: HttpRequest) -> HttpResponse:
    """Filtered public events, paginated; 4 queries whatever the page size."""
    qs, errors = filtered_events(request.GET)
    if errors:
        return error(400, "invalid filters", fields=errors)
    params = _page_params(request)
    if isinstance(params, HttpResponse):
        return params
    number, size = params
    paginator = Paginator(qs.with_actors().with_sources(), size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return error(404, "no such page", pages=paginator.num_pages)
    return json_response(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": _page_url(request, number + 1) if page.has_next() else None,
            "previous": _page_url(request, number - 1) if page.has_previous() else None,
            "events": [event_to_dict(e, request) for e in page.object_list],
        }
    )


@require_GET
@cache_control(public=True, max_age=60)
def event(request: HttpRequest, pk: int) -> HttpResponse:
    found = Event.objects.public().with_actors().with_sources().filter(pk=pk).first()
    if found is None:
        return error(404, "no such event")
    return json_response(event_to_dict(found, request))


def _public_counts(field: str) -> dict[int, int]:
    """Public events per actor or place id (``field``: "actor" or "place"), kept until
    the data changes (``events.stamped``): ~120 ms at 100k events, where counting
    distinct events through the joins took ~540 ms."""

    def count() -> dict[int, int]:
        public = Event.objects.public()
        if field == "actor":
            rows = EventActor.objects.filter(event__in=public.values("pk")).values("actor")
            return dict(rows.annotate(n=Count("event")).values_list("actor", "n").order_by())
        rows = public.filter(place__isnull=False).values("place")
        return dict(rows.annotate(n=Count("pk")).values_list("place", "n").order_by())

    return stamped.cached("api-public-counts", count, field)


@require_GET
@cache_control(public=True, max_age=300)
def actors(request: HttpRequest) -> HttpResponse:
    """Actors taking part in at least one public event, with their event counts."""
    counts = _public_counts("actor")
    rows = Actor.objects.filter(pk__in=list(counts)).order_by("name")
    return json_response(
        {
            "actors": [
                {
                    "slug": a.slug,
                    "name": a.name,
                    "name_ar": a.name_ar,
                    "kind": a.kind,
                    "events": counts[a.pk],
                }
                for a in rows
            ]
        }
    )


@require_GET
@cache_control(public=True, max_age=300)
def places(request: HttpRequest) -> HttpResponse:
    """Places of at least one public event, with coordinates and event counts."""
    counts = _public_counts("place")
    rows = Place.objects.filter(pk__in=list(counts)).order_by("name")
    return json_response(
        {
            "places": [
                {
                    "slug": p.slug,
                    "name": p.name,
                    "name_ar": p.name_ar,
                    "latitude": p.latitude,
                    "longitude": p.longitude,
                    "events": counts[p.pk],
                }
                for p in rows
            ]
        }
    )


OPENAPI_PATH = Path(__file__).with_name("openapi.json")


@require_GET
@cache_control(public=True, max_age=3600)
def schema(request: HttpRequest) -> HttpResponse:
    """The OpenAPI 3.1 description of this API (a static file, kept beside the code)."""
    data = json.loads(OPENAPI_PATH.read_text())
    data["servers"] = [{"url": request.build_absolute_uri("/").rstrip("/")}]
    return JsonResponse(data, headers={"Access-Control-Allow-Origin": "*"})


@require_GET
@cache_control(public=True, max_age=86400)
def og_image(request: HttpRequest, pk: int) -> HttpResponse:
    """The OpenGraph card of a public event (PNG, 1200×630), rendered once and cached."""
    from . import og  # Pillow is only loaded by the processes that serve cards

    found = Event.objects.public().select_related("place").filter(pk=pk).first()
    if found is None:
        raise Http404("no such event")
    return FileResponse(og.card_path(found).open("rb"), content_type="image/png")
