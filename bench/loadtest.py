"""Load test: N concurrent clients against gunicorn on 127.0.0.1 for a fixed time.

    .venv/bin/python bench/loadtest.py                    # 50 clients, 60 s, 10k events
    .venv/bin/python bench/loadtest.py --events 100000 --duration 30

Serves the bench database of ``--events`` synthetic events (bench/run.py makes and
keeps it) with gunicorn.conf.py, then runs Debian's ``wrk`` (apt-get install wrk)
with a mix of requests: the Arabic and English timeline pages and htmx filter swaps.
Prints requests/s, latency p50/p95/p99 and every kind of error; exits 1 on any error.
Traffic goes to 127.0.0.1 only, and wrk stops by itself after ``--duration``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402 - bench/run.py: databases and the gunicorn helper

# Requests cycled by every connection: full pages and htmx swaps, as readers browse.
WRK_SCRIPT = r"""
local paths = {
  {"/", false},
  {"/?type=meeting", true},
  {"/en/", false},
  {"/?type=violence", true},
  {"/?lanes=actor", true},
  {"/?status=planned", true},
}
local counter = 0

request = function()
  counter = counter + 1
  local item = paths[(counter % #paths) + 1]
  local headers = {}
  if item[2] then headers["HX-Request"] = "true" end
  return wrk.format("GET", item[1], headers)
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "bytes": %d, "p50_ms": %.1f, "p95_ms": %.1f, ' ..
    '"p99_ms": %.1f, "max_ms": %.1f, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d}\n',
    summary.requests, summary.duration / 1e6, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="bench database size")
    parser.add_argument("--clients", type=int, default=50, help="concurrent connections")
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: config)")
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if not wrk:
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2

    started = dt.datetime.now(dt.UTC)
    url = run.db_url(f"events_{args.events}")
    run.step("prepare", url, "--events", str(args.events))
    subprocess.run(
        [run.PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=run.ROOT,
        check=True,
    )
    workers = args.workers or None
    with (
        run.gunicorn(url, workers=workers) as port,
        tempfile.NamedTemporaryFile("w", suffix=".lua") as script,
    ):
        script.write(WRK_SCRIPT)
        script.flush()
        base = f"http://127.0.0.1:{port}"
        run.urllib.request.urlopen(base + "/", timeout=120).read()  # warm every cache once
        run.log(f"wrk: {args.clients} clients for {args.duration} s against {base}")
        done = subprocess.run(
            [
                wrk,
                f"--connections={args.clients}",
                "--threads=2",
                f"--duration={args.duration}s",
                # Requests wait in gunicorn's backlog under this load: a slow answer is a
                # latency figure, not an error, up to the same 30 s gunicorn allows.
                "--timeout=30s",
                f"--script={script.name}",
                base,
            ],
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    errors = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    print(
        f"load test {started:%Y-%m-%d %H:%M} UTC, {args.clients} clients, "
        f"{result['seconds']:.0f} s, {args.events:,} events ({run.machine()}):\n"
        f"  {result['requests']:,} requests, {result['requests'] / result['seconds']:.1f}/s, "
        f"latency p50 {result['p50_ms']:,.0f} ms, p95 {result['p95_ms']:,.0f} ms, "
        f"p99 {result['p99_ms']:,.0f} ms, max {result['max_ms']:,.0f} ms\n"
        f"  errors: {errors} (connect {result['connect']}, read {result['read']}, "
        f"write {result['write']}, HTTP status {result['status']}, timeout {result['timeout']})"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
