"""The benchmark steps that need Django, one per subprocess (``bench/run.py`` runs them).

Each step runs against the database named by ``DATABASE_URL`` (settings bind it at
start-up, hence one process per database) and prints one JSON line with its figures:

    python bench/steps.py prepare --events 10000
    python bench/steps.py server --repeat 20
    python bench/steps.py export OUT.json
    python bench/steps.py throughput --articles 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsline.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from newsline.events.models import Event  # noqa: E402

SEED = 0
# Requests that ask for more than this are cut short once they have a few samples:
# p95 of 5 samples is rough, but 100 requests of several seconds each are not worth it.
BUDGET_SECONDS = 30.0
MIN_SAMPLES = 5


def prepare(events: int) -> dict:
    """Migrate and load ``events`` synthetic events, unless this database has them."""
    call_command("migrate", verbosity=0)
    have = Event.objects.count()
    if have == events:
        return {"events": have, "generated": False, "seconds": 0.0}
    if have:
        raise SystemExit(f"the bench database holds {have} events, not {events}: drop it")
    started = time.perf_counter()
    call_command("make_synthetic", events=events, seed=SEED, stdout=sys.stderr)
    return {"events": events, "generated": True, "seconds": time.perf_counter() - started}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _measure(client: Client, url: str, repeat: int, *, cold: bool = False, **headers) -> dict:
    """Server time of ``url`` (p50/p95 in ms), its size and its SQL query count.

    Warm (the default): after a first request, as a second reader of the same view
    finds it. ``cold``: the overview's cached counts (timeline/lod.py) are dropped
    before every request, as after a write to the database or in a new process."""
    response = client.get(url, headers=headers)  # warm-up: connection, templates
    assert response.status_code == 200, (url, response.status_code)
    times: list[float] = []
    _forget(cold)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    times.append((time.perf_counter() - started) * 1000)
    captured = queries.captured_queries
    slowest = max(captured, key=lambda q: float(q["time"]), default=None)
    # The timeline query: the events, in date order (charts and list read it).
    timeline = next((q for q in captured if _is_timeline_query(q["sql"])), None)
    while len(times) < repeat:
        if sum(times) / 1000 > BUDGET_SECONDS and len(times) >= MIN_SAMPLES:
            break
        _forget(cold)
        t0 = time.perf_counter()
        response = client.get(url, headers=headers)
        times.append((time.perf_counter() - t0) * 1000)
    body = response.content
    return {
        "url": url,
        "n": len(times),
        "p50": statistics.median(times),
        "p95": _percentile(times, 0.95),
        "bytes": len(body),
        "gzip": len(gzip.compress(body, compresslevel=6)),
        "queries": len(captured),
        "slowest_sql": slowest["sql"] if slowest else "",
        "slowest_ms": float(slowest["time"]) * 1000 if slowest else 0.0,
        "timeline_sql": timeline["sql"] if timeline else "",
    }


def _forget(cold: bool) -> None:
    if cold:
        caches["aggregates"].clear()


def _is_timeline_query(sql: str) -> bool:
    head, _, tail = sql.partition(" FROM ")
    return tail.startswith('"events_event"') and 'ORDER BY "events_event"."date"' in sql


def _explain(sql: str) -> str:
    """The database's plan for the page's slowest query (ANALYZE on PostgreSQL)."""
    if not sql:
        return ""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF) " + sql)
            return "\n".join(row[0] for row in cursor.fetchall())
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            return "\n".join(row[-1] for row in cursor.fetchall())
    return ""


def swaps() -> list[tuple[str, str]]:
    """The filter swaps a reader makes (htmx fragments): every filter of the form,
    lanes by actor, a zoom to a year and to a month, a later page of the list."""
    from newsline.events.models import Actor, Place

    busiest = Actor.objects.annotate(n=Count("event_links")).order_by("-n").first()
    place = Place.objects.annotate(n=Count("events")).order_by("-n").first()
    rows = [
        ("type", "/?type=meeting"),
        ("lanes by actor", "/?lanes=actor"),
        ("actor", f"/?actor={busiest.slug}" if busiest else ""),
        ("place", f"/?place={place.slug}" if place else ""),
        ("zoom to a year", "/?start=2016-01-01&end=2016-12-31"),
        ("zoom to a month", "/?start=2016-09-01&end=2016-09-30"),
        ("status", "/?status=planned"),
        ("min sources", "/?min_sources=3"),
        ("page 20 of the list", "/?page=20"),
    ]
    return [(name, url) for name, url in rows if url]


def server(repeat: int) -> dict:
    """The timeline page and the filter swaps through Django's test client, warm and
    cold (see ``_measure``)."""
    client = Client(headers={"host": "127.0.0.1"})
    page = _measure(client, "/", repeat)
    page_cold = _measure(client, "/", repeat, cold=True)
    swap = _measure(client, "/?type=meeting", repeat, hx_request="true")
    # Folded Arabic search (newsline/search.py): "جنيف" as a reader would type it.
    search = _measure(client, "/?q=%D8%AC%D9%86%D9%8A%D9%81", repeat, hx_request="true")
    each = max(MIN_SAMPLES * 2, repeat // 2)
    swap_set = {
        name: {
            "url": url,
            "warm": _measure(client, url, each, hx_request="true"),
            "cold": _measure(client, url, each, cold=True, hx_request="true"),
        }
        for name, url in swaps()
    }
    return {
        "vendor": connection.vendor,
        "public_events": Event.objects.public().count(),
        "page": page,
        "page_cold": page_cold,
        "swap": swap,
        "search": search,
        "swaps": swap_set,
        "explain": _explain(page["timeline_sql"]),
        "explain_slowest": _explain(page_cold["slowest_sql"])
        if page_cold["slowest_sql"] != page["timeline_sql"]
        else "",
        "slowest_sql": page_cold["slowest_sql"],
        "slowest_ms": page_cold["slowest_ms"],
    }


def export(path: Path) -> dict:
    """The public events as the peers' pages read them (bench/peers/*.html)."""
    rows = [
        {
            "id": e["pk"],
            "date": e["date"].isoformat(),
            "date_end": e["date_end"].isoformat() if e["date_end"] else None,
            "type": e["type"],
            "title": e["title_ar"],
        }
        for e in Event.objects.public()
        .order_by("date", "id")
        .values("pk", "date", "date_end", "type", "title_ar")
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return {"events": len(rows), "path": str(path)}


def _documents(count: int) -> list[tuple[bytes, str, dt.date]]:
    """``count`` distinct articles: the demo seeds, each published on another day and
    with a generated paragraph, so no two bodies are the same article."""
    from newsline.events.models import Actor, Place
    from newsline.events.synthetic import spec

    seeds = sorted((ROOT / "demo" / "seeds").glob("*.txt"))
    manifest = json.loads((ROOT / "demo" / "seeds" / "manifest.json").read_text())
    published = {a["file"]: dt.date.fromisoformat(a["published"]) for a in manifest["articles"]}
    actors = list(Actor.objects.order_by("name").values_list("name_ar", flat=True))
    places = list(Place.objects.order_by("name").values_list("name_ar", flat=True))
    templates = [t["ar"] for ts in spec()["templates"].values() for t in ts]
    rng = random.Random(SEED)
    docs = []
    for i in range(count):
        seed = seeds[i % len(seeds)]
        a, b = rng.sample(actors, 2)
        extra = rng.choice(templates).format(a=a, b=b, place=rng.choice(places))
        # A paragraph the cleaner keeps (6+ words, ends with a full stop), numbered.
        extra = f"{extra.rstrip('.')}، وفق التقرير رقم {i}."
        # After the first body paragraph: the end of a page is related news and
        # comments, which the cleaner drops.
        text = seed.read_text(encoding="utf-8")
        cut = text.index("\n", re.search(r"\.\s*\n", text).start())
        text = f"{text[:cut]}\n\n{extra}\n{text[cut:]}"
        day = published[seed.name] + dt.timedelta(days=rng.randint(-400, 400))
        docs.append((text.encode(), f"bench-{i:05d}-{seed.name}", day))
    return docs


def throughput(articles: int) -> dict:
    """End-to-end ingestion (cleaning, extraction, merging, storing) through the
    background task, on an empty database: articles per second."""
    from newsline.articles.models import Article
    from newsline.articles.tasks import enqueue_document, outcome
    from newsline.events.services import load_gazetteer

    call_command("migrate", verbosity=0)
    if Article.objects.exists():
        raise SystemExit("the throughput database must start empty")
    load_gazetteer()
    docs = _documents(articles)
    failed = 0
    started = time.perf_counter()
    for data, origin, day in docs:
        if not outcome(enqueue_document(data, origin=origin, published=day)).ok:
            failed += 1
    seconds = time.perf_counter() - started
    if Article.objects.count() + failed != articles:
        raise SystemExit("some bench articles were taken for copies of others: fix _documents")
    return {
        "articles": Article.objects.count(),
        "failed": failed,
        "events": Event.objects.count(),
        "seconds": seconds,
        "per_second": articles / seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="step", required=True)
    sub.add_parser("prepare").add_argument("--events", type=int, required=True)
    sub.add_parser("server").add_argument("--repeat", type=int, default=20)
    sub.add_parser("export").add_argument("path", type=Path)
    sub.add_parser("throughput").add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    if args.step == "prepare":
        result = prepare(args.events)
    elif args.step == "server":
        result = server(args.repeat)
    elif args.step == "export":
        result = export(args.path)
    else:
        result = throughput(args.articles)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
