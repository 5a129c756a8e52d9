"""Extraction speed: the seed articles, repeated, through clean + extract on one core.

    python bench/extraction_speed.py [--articles 200] [--target 100]

Prints articles per second of CPU time (process time: on a shared, loaded machine
wall time measures the neighbours too) and of wall time; when the CPU rate is below
the target, a cProfile top-10 (by cumulative time) shows where the time goes. The
gazetteer and lexicon are loaded once before timing (as in a long-running worker).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsline.extraction import text  # noqa: E402
from newsline.extraction.events import extract_page, lexicon  # noqa: E402
from newsline.extraction.gazetteer import default_gazetteer  # noqa: E402

SEEDS = ROOT / "demo" / "seeds"


def load() -> list[tuple[str, bytes, date | None]]:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    return [
        (a["file"], (SEEDS / a["file"]).read_bytes(), date.fromisoformat(a["published"]))
        for a in manifest["articles"]
    ]


def run(docs, n: int) -> int:
    events = 0
    for i in range(n):
        name, data, published = docs[i % len(docs)]
        page = text.clean_document(data, name)
        events += len(extract_page(page, published, origin=name)["events"])
    return events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--target", type=float, default=100.0)
    args = parser.parse_args()
    docs = load()
    default_gazetteer()
    lexicon()
    run(docs, len(docs))  # warm caches
    start, cpu_start = time.perf_counter(), time.process_time()
    events = run(docs, args.articles)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    rate = args.articles / cpu
    print(
        f"{args.articles} articles, {events} events: {rate:.0f} articles/s of CPU time "
        f"({cpu:.2f} s), {args.articles / elapsed:.0f} articles/s wall (target {args.target:.0f})"
    )
    if rate < args.target:
        profiler = cProfile.Profile()
        profiler.enable()
        run(docs, min(args.articles, 50))
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(10)
        print(out.getvalue())
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
