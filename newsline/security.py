"""Admin login throttling: at most 5 failed logins per 15 minutes per IP and username.

Failures are counted from ``user_login_failed`` in the cache; while a key is over the
limit, POSTs to the admin login answer 429 without checking the password (so a guess
during the lock-out learns nothing). A successful login clears the count. A second,
looser limit per IP alone stops one address from spraying many usernames.

The counts live in the default cache, a table in the database (settings.CACHES), so
every gunicorn worker and every app process sees the same counts.

``install()`` wraps ``admin.site.login`` from ApiConfig.ready(), before the URLconf
reads it, so neither settings.MIDDLEWARE nor urls.py needs to change.
"""

import hashlib
from functools import wraps

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

MAX_FAILURES = 5
MAX_FAILURES_PER_IP = 30
WINDOW_SECONDS = 15 * 60


def client_ip(request: HttpRequest | None) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is forgeable unless a trusted proxy rewrites it.
    return (request.META.get("REMOTE_ADDR") if request is not None else None) or "unknown"


def _key(*parts: str) -> str:
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]
    return f"login-failures:{digest}"


def _keys(request: HttpRequest | None, username: str) -> tuple[str, str]:
    ip = client_ip(request)
    return _key(ip, (username or "").strip().lower()), _key(ip)


def _bump(key: str) -> int:
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        return 1


def is_locked(request: HttpRequest, username: str) -> bool:
    pair, ip = _keys(request, username)
    return (cache.get(pair) or 0) >= MAX_FAILURES or (cache.get(ip) or 0) >= MAX_FAILURES_PER_IP


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs):
    pair, ip = _keys(request, credentials.get("username", ""))
    _bump(pair)
    _bump(ip)


@receiver(user_logged_in)
def _clear_failures(sender, request, user, **kwargs):
    cache.delete(_keys(request, user.get_username())[0])


def throttled(login_view):
    @wraps(login_view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method == "POST" and is_locked(request, request.POST.get("username", "")):
            response = HttpResponse(render_to_string("429.html", request=request), status=429)
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        return login_view(request, *args, **kwargs)

    wrapper.newsline_throttled = True
    return wrapper


def install() -> None:
    from django.contrib import admin

    if not getattr(admin.site.login, "newsline_throttled", False):
        admin.site.login = throttled(admin.site.login)
