"""Newsline's benchmark: one run, one table (``make bench``).

For each corpus size (synthetic events, ``manage.py make_synthetic``):
- server time of the timeline page, of a filter swap (htmx fragment) and of a folded
  Arabic search swap, p50/p95 over repeated requests through Django's test client,
  their size (raw and gzip), and the SQL queries per request; the plans of the
  timeline query and of the page's slowest query (EXPLAIN ANALYZE on PostgreSQL when
  DATABASE_URL points there, EXPLAIN QUERY PLAN on SQLite);
- time to a ready chart in headless Chromium (Newsline served by gunicorn), and the
  same events in TimelineJS and vis-timeline (bench/peers/, served locally);
and once: end-to-end ingestion throughput (articles/s) on an empty database.

    .venv/bin/python bench/run.py                       # 1k, 10k, 100k events
    .venv/bin/python bench/run.py --sizes 1000,10000 --repeat 10 --no-browser
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsline .venv/bin/python bench/run.py

Bench databases are kept under var/bench/ (PostgreSQL: newsline_bench_<size>) and
reused by the next run; delete them to regenerate.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PEERS = BENCH / "peers"
VAR = Path(os.environ.get("NEWSLINE_VAR_DIR", ROOT / "var"))
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [  # as in conftest.py
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY_TIMEOUT_MS = 120_000
# Records when timeline.js marks the chart drawn (Plotly.newPlot resolved).
NEWSLINE_READY_HOOK = """
new MutationObserver(function (changes, observer) {
  if (document.querySelector("[data-chart].chart-ready")) {
    window.__ready = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, childList: true, attributes: true,
                      attributeFilter: ["class"]});
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def label(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 and size % 1000 == 0 else str(size)


# --- databases ---------------------------------------------------------------------


def base_url() -> str:
    return os.environ.get("DATABASE_URL", "")


def is_postgres() -> bool:
    return base_url().startswith(("postgres://", "postgresql://"))


def _pg_admin(statements: list[str]) -> None:
    import psycopg

    url = urlparse(base_url())
    admin = urlunparse(url._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)


def db_url(name: str, *, fresh: bool = False) -> str:
    """The URL of bench database ``name`` (created if needed; emptied when ``fresh``)."""
    if is_postgres():
        import psycopg

        db = f"newsline_bench_{name}"
        drop = [f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'] if fresh else []
        with contextlib.suppress(psycopg.errors.DuplicateDatabase):
            _pg_admin([*drop, f'CREATE DATABASE "{db}"'])
        return urlunparse(urlparse(base_url())._replace(path=f"/{db}"))
    path = VAR / "bench" / f"{name}.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    if fresh:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def step(name: str, url: str, *args: str) -> dict:
    """Run one bench/steps.py step against database ``url``; its JSON result."""
    env = {**os.environ, "DATABASE_URL": url}
    done = subprocess.run(
        [PYTHON, str(BENCH / "steps.py"), name, *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- servers -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


@contextlib.contextmanager
def gunicorn(url: str, *, workers: int | None = 2, port: int | None = None):
    """gunicorn (gunicorn.conf.py) on 127.0.0.1 serving database ``url``; yields the port.
    ``workers=None`` keeps the configuration's number."""
    port = port or free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_LOGLEVEL": "warning",
        "GUNICORN_TIMEOUT": "120",
    }
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    proc = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for_port(port)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextlib.contextmanager
def static_server(directory: Path):
    """A local HTTP server for the peers' pages; yields the port."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def ensure_peers() -> None:
    if not (PEERS / "node_modules").exists():
        log("npm ci in bench/peers (TimelineJS, vis-timeline)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEERS, check=True)


# --- browser -----------------------------------------------------------------------


def time_to_ready(browser, url: str, runs: int, hook: str = "") -> float | None:
    """Median ms from navigation start to the page's ``window.__ready`` (fresh
    context each run: a first visit, nothing cached). None if it never got ready."""
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        if hook:
            page.add_init_script(hook)
        try:
            page.goto(url, wait_until="commit", timeout=READY_TIMEOUT_MS)
            ready = _poll_ready(page)
        except PlaywrightError as exc:
            log(f"  {url}: {str(exc).splitlines()[0]}")
            ready = None
        context.close()
        if ready is None:  # never ready: a figure too ("—")
            log(f"  {url}: not ready after {READY_TIMEOUT_MS / 1000:.0f} s")
            return None
        times.append(ready)
    return statistics.median(times)


def _poll_ready(page) -> float | None:
    """``window.__ready`` once the page sets it. Polled from Python: the page's CSP
    (script-src 'self') forbids the eval that ``wait_for_function`` needs, and the
    time itself is taken in the page, so the polling interval does not add to it."""
    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        ready = page.evaluate("window.__ready")
        if ready is not None:
            return ready
        page.wait_for_timeout(50)
    return None


def browser_figures(sizes: list[int], peer_sizes: list[int], runs: int) -> dict:
    ensure_peers()
    results: dict = {"newsline": {}, "timelinejs": {}, "vis": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results["chromium"] = browser.version
        for size in sizes:
            with gunicorn(db_url(f"events_{size}")) as port:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=120).read()  # warm
                log(f"browser: Newsline at {label(size)}")
                results["newsline"][size] = time_to_ready(
                    browser, f"http://127.0.0.1:{port}/", runs, NEWSLINE_READY_HOOK
                )
        with static_server(PEERS) as port:
            for size in peer_sizes:
                step(
                    "export", db_url(f"events_{size}"), str(PEERS / "data" / f"events-{size}.json")
                )
                for key, page in (("timelinejs", "timelinejs.html"), ("vis", "vis-timeline.html")):
                    log(f"browser: {key} at {label(size)}")
                    results[key][size] = time_to_ready(
                        browser, f"http://127.0.0.1:{port}/{page}?n={size}", runs
                    )
        browser.close()
    return results


# --- report ------------------------------------------------------------------------


def machine() -> str:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError, ValueError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024**2:.0f} GB RAM"
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}){mem}, "
        f"Python {platform.python_version()}"
    )


def ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def kb(value: int) -> str:
    return f"{value / 1024:,.0f}"


def _worst(figures: dict, mode: str) -> float:
    return max(swap[mode]["p95"] for swap in figures["swaps"].values())


def swap_table(size: int, figures: dict) -> str:
    """Each filter swap at one size: warm and with the counts not cached."""
    header = ["filter swap", "URL", "p50 / p95 (ms)", "not cached p50 / p95 (ms)", "queries"]
    rows = [
        [
            name,
            f"`{swap['url']}`",
            f"{ms(swap['warm']['p50'])} / {ms(swap['warm']['p95'])}",
            f"{ms(swap['cold']['p50'])} / {ms(swap['cold']['p95'])}",
            f"{swap['warm']['queries']} / {swap['cold']['queries']}",
        ]
        for name, swap in figures["swaps"].items()
    ]
    return _markdown([header, *rows])


def _markdown(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(rows[0], widths, strict=True)) + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    lines += [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
        for r in rows[1:]
    ]
    return "\n".join(lines)


def table(sizes: list[int], server: dict, browser: dict | None, ingest: dict | None) -> str:
    header = ["", *(f"{label(s)} events" for s in sizes)]
    rows: list[list[str]] = []

    def row(name: str, cell) -> None:
        rows.append([name, *(cell(s) for s in sizes)])

    row(
        "page server time p50 / p95 (ms)",
        lambda s: f"{ms(server[s]['page']['p50'])} / {ms(server[s]['page']['p95'])}",
    )
    row(
        "page, counts not cached p50 / p95 (ms)",
        lambda s: f"{ms(server[s]['page_cold']['p50'])} / {ms(server[s]['page_cold']['p95'])}",
    )
    row(
        "filter swap (type) p50 / p95 (ms)",
        lambda s: f"{ms(server[s]['swap']['p50'])} / {ms(server[s]['swap']['p95'])}",
    )
    row(
        f"every swap: worst p95 (ms), of {len(next(iter(server.values()))['swaps'])}",
        lambda s: f"{ms(_worst(server[s], 'warm'))}",
    )
    row(
        "every swap, counts not cached: worst p95",
        lambda s: f"{ms(_worst(server[s], 'cold'))}",
    )
    row(
        "search swap p50 / p95 (ms)",
        lambda s: f"{ms(server[s]['search']['p50'])} / {ms(server[s]['search']['p95'])}",
    )
    row(
        "page size raw / gzip (KB)",
        lambda s: f"{kb(server[s]['page']['bytes'])} / {kb(server[s]['page']['gzip'])}",
    )
    row(
        "swap size raw / gzip (KB)",
        lambda s: f"{kb(server[s]['swap']['bytes'])} / {kb(server[s]['swap']['gzip'])}",
    )
    row(
        "SQL queries page / swap",
        lambda s: f"{server[s]['page']['queries']} / {server[s]['swap']['queries']}",
    )
    row(
        "requests timed page / swap",
        lambda s: f"{server[s]['page']['n']} / {server[s]['swap']['n']}",
    )
    if browser:
        row("chart ready, Newsline (ms)", lambda s: ms(browser["newsline"].get(s)))
        row(
            "ready, TimelineJS (ms)",
            lambda s: ms(browser["timelinejs"].get(s)) if s in browser["timelinejs"] else "not run",
        )
        row(
            "ready, vis-timeline (ms)",
            lambda s: ms(browser["vis"].get(s)) if s in browser["vis"] else "not run",
        )
    lines = [_markdown([header, *rows])]
    if ingest:
        lines.append("")
        lines.append(
            f"Ingestion end to end (clean, extract, merge, store; immediate task backend): "
            f"{ingest['articles']:,} articles in {ingest['seconds']:.1f} s = "
            f"**{ingest['per_second']:.1f} articles/s** ({ingest['events']:,} events, "
            f"{ingest['failed']} failed)."
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Newsline benchmark: prints one table.")
    parser.add_argument("--sizes", default="1000,10000,100000", help="event counts")
    parser.add_argument("--peer-sizes", default="1000,10000", help="sizes for TimelineJS/vis")
    parser.add_argument("--repeat", type=int, default=20, help="requests per server figure")
    parser.add_argument("--browser-runs", type=int, default=3, help="page loads per figure")
    parser.add_argument("--articles", type=int, default=2000, help="ingestion run (0: skip)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    peer_sizes = [int(s) for s in args.peer_sizes.split(",") if s and int(s) in sizes]

    started = dt.datetime.now(dt.UTC)
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        check=True,
    )
    server: dict = {}
    for size in sizes:
        url = db_url(f"events_{size}")
        prepared = step("prepare", url, "--events", str(size))
        if prepared["generated"]:
            log(f"{label(size)}: generated in {prepared['seconds']:.1f} s")
        log(f"server: {label(size)} events")
        server[size] = step("server", url, "--repeat", str(args.repeat))
    browser = None if args.no_browser else browser_figures(sizes, peer_sizes, args.browser_runs)
    ingest = None
    if args.articles:
        log(f"ingestion: {args.articles} articles")
        ingest = step("throughput", db_url("ingest", fresh=True), "--articles", str(args.articles))

    vendor = server[sizes[0]]["vendor"] if sizes else "?"
    lines = [
        f"Newsline benchmark, {started:%Y-%m-%d %H:%M} UTC — {machine()}, database {vendor}"
        + (f", Chromium {browser['chromium']}" if browser else ""),
        "",
        table(sizes, server, browser, ingest),
    ]
    if sizes:
        largest = sizes[-1]
        lines += ["", f"Filter swaps at {label(largest)} events ({vendor}):", ""]
        lines.append(swap_table(largest, server[largest]))
    for size in sizes:
        figures = server[size]
        lines += ["", f"Plan of the timeline query at {label(size)} events ({vendor}):"]
        lines += ["    " + line for line in figures["explain"].splitlines()]
        if figures["explain_slowest"]:
            lines += [
                f"The page's slowest query, counts not cached ({figures['slowest_ms']:.0f} ms) "
                f"at {label(size)} events:",
                "    " + figures["slowest_sql"][:300] + "…",
            ]
            lines += ["    " + line for line in figures["explain_slowest"].splitlines()]
    report = "\n".join(lines)
    print(report)
    if args.markdown:
        args.markdown.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
