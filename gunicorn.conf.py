"""gunicorn settings for running Newsline beyond the demo (README "Production").

    .venv/bin/gunicorn            # reads this file from the working directory

Every value can be overridden from the environment (or gunicorn's command line):
GUNICORN_BIND, WEB_CONCURRENCY, GUNICORN_THREADS, GUNICORN_TIMEOUT.
"""

import multiprocessing
import os

wsgi_app = "newsline.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Rendering a timeline is CPU work in Python: one process per core plus one, so a
# worker waiting on the database never leaves a core idle. Threads help little
# under the GIL; two let a worker overlap one request's database wait with another.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 2))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5

# Load Django once in the master: workers fork with the code already imported.
preload_app = True
# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200

accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
