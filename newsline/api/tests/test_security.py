import html
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import translation

from newsline import security

from .factories import make_event
from .hostile import JS_URL, RLO, SCRIPT, make_hostile_event

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (d.split() for d in header.split(";") if d.strip())}


def test_pages_send_a_strict_csp_and_refuse_framing(client):
    event = make_event()
    for url in ("/", "/en/", event.get_absolute_url(), reverse("api:events")):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = csp(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in policy["script-src"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_scripts_on_the_page_carry_the_csp_nonce(client):
    make_event()
    response = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    page = response.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", page)
    for tag in inline:
        assert f'nonce="{nonce}"' in tag, tag


@pytest.mark.parametrize("url", ["/embed/", "/en/embed/"])
def test_only_the_embed_may_be_framed_by_other_sites(client, url):
    make_event()
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    policy = csp(response)
    assert policy["frame-ancestors"] == ["*"]
    assert policy["script-src"][0] == "'self'"  # the rest of the policy is unchanged


def _hostile_pages(client, event):
    mention = event.mentions.get()
    # Each page in both interface languages where it has both: reverse() follows the
    # language a previous request left active, so name it.
    with translation.override("ar"):
        event_ar = event.get_absolute_url()
    with translation.override("en"):
        event_en = event.get_absolute_url()
    pages = {
        "timeline": client.get("/"),
        "timeline-en": client.get("/en/"),
        "event": client.get(event_ar),
        "event-en": client.get(event_en),
        "card": client.get(event_ar, headers={"HX-Request": "true"}),
        "card-en": client.get(event_en, headers={"HX-Request": "true"}),
        "article": client.get(reverse("timeline:article", args=[mention.article_id])),
        "embed": client.get("/embed/"),
        "embed-deeplink": client.get(f"/embed/?event={event.pk}"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
    return {name: r.content.decode() for name, r in pages.items()}


def test_hostile_article_text_is_inert_on_every_page(client):
    event = make_hostile_event()
    for name, page in _hostile_pages(client, event).items():
        assert SCRIPT not in page, name
        assert "<img src=x" not in page, name
        assert f'href="{JS_URL}' not in page and "href='javascript:" not in page, name
        assert '"><img' not in page, name  # no attribute breakout either


def test_bidi_overrides_in_article_text_are_isolated_or_dropped(client):
    event = make_hostile_event()
    for name, page in _hostile_pages(client, event).items():
        for match in re.finditer(RLO, page):
            before = page[: match.start()]
            context = page[max(0, match.start() - 120) : match.start() + 20]
            # Never in an attribute (title, meta content, alt): nothing can isolate it there.
            assert before.rfind("<") < before.rfind(">"), (name, context)
            # In text, an enclosing <bdi> or dir= element (not <html>) keeps the
            # override from reordering the page around it.
            assert _inside_isolating_element(page, match.start()), (name, context)


def _inside_isolating_element(page: str, index: int) -> bool:
    """Whether an element enclosing `index` isolates bidi: <bdi> or a dir attribute."""
    stack: list[tuple[str, str]] = []
    for closing, tag, attrs in re.findall(r"<(/?)([a-zA-Z0-9]+)([^>]*)>", page[:index]):
        tag = tag.lower()
        if tag in {"meta", "link", "br", "img", "input", "hr", "wbr"} or attrs.endswith("/"):
            continue
        if closing:
            while stack and stack.pop()[0] != tag:
                pass
        else:
            stack.append((tag, attrs))
    # <option>, <title> and <textarea> text is laid out on its own: nothing follows it.
    return any(
        tag in {"bdi", "option", "title", "textarea"} or (tag != "html" and "dir=" in attrs)
        for tag, attrs in stack
    )


def test_og_tags_are_escaped_and_without_bidi_controls(client):
    event = make_hostile_event()
    page = client.get(event.get_absolute_url()).content.decode()
    head = page.split("</head>")[0]
    metas = re.findall(r'<meta (?:property|name)="(?:og|twitter):[^"]+" content="([^"]*)"', head)
    assert metas
    for content in metas:
        assert RLO not in content
        assert "<" not in content
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', head).group(1)
    assert html.unescape(og_image).endswith(reverse("api:og_event", args=[event.pk]))


def test_share_dialog_offers_the_link_the_embed_and_the_exports(client):
    make_event()
    page = client.get("/", {"type": "meeting"}).content.decode()
    assert 'id="share"' in page
    assert html.escape('<iframe src="http://testserver/embed/?type=meeting"') in page
    assert "/export/events.csv?type=meeting" in page


def test_share_dialog_on_an_event_page_embeds_that_event(client):
    event = make_event()
    page = client.get(event.get_absolute_url()).content.decode()
    assert f"/embed/?event={event.pk}#event-{event.pk}" in page


def test_404_is_friendly(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"Traceback" not in response.content
    assert (
        "timeline" in response.content.decode().lower()
        or "الخط الزمني" in response.content.decode()
    )


@pytest.mark.urls("newsline.api.tests.urls_boom")
def test_a_crash_shows_a_friendly_500_without_details(client):
    assert settings.DEBUG is False
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "hunter2" not in body and "Traceback" not in body and "RuntimeError" not in body
    assert "Sorry, something went wrong" in body


@pytest.fixture
def admin_user(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    user = get_user_model().objects.create_superuser("curator", "c@example.org", "right-pass-123")
    yield user
    cache.clear()


def _login(client, password, username="curator", ip="203.0.113.5"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def test_admin_login_locks_after_five_failures_per_ip_and_username(client, admin_user):
    for _ in range(security.MAX_FAILURES):
        assert _login(client, "wrong").status_code == 200  # the form again, with an error
    locked = _login(client, "right-pass-123")
    assert locked.status_code == 429
    assert locked["Retry-After"] == str(security.WINDOW_SECONDS)
    assert "_auth_user_id" not in client.session
    # Another address, or another username from this one, is not locked out.
    assert _login(client, "right-pass-123", ip="198.51.100.7").status_code == 302


def test_failures_are_counted_where_every_app_process_sees_them(client, admin_user):
    # gunicorn runs several processes: a count kept in one process's memory would
    # give an attacker five guesses per worker. The counts are rows in the database.
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM newsline_cache")
        (before,) = cursor.fetchone()
    _login(client, "wrong")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM newsline_cache")
        (after,) = cursor.fetchone()
    assert after > before


def test_a_successful_login_resets_the_count(client, admin_user):
    for _ in range(security.MAX_FAILURES - 1):
        _login(client, "wrong")
    assert _login(client, "right-pass-123").status_code == 302
    client.logout()
    for _ in range(security.MAX_FAILURES - 1):
        _login(client, "wrong")
    assert _login(client, "right-pass-123").status_code == 302


def test_the_lock_expires_after_the_window(client, admin_user, monkeypatch):
    for _ in range(security.MAX_FAILURES):
        _login(client, "wrong")
    assert _login(client, "right-pass-123").status_code == 429
    cache.clear()  # what the cache does when the 15 minutes are over
    assert _login(client, "right-pass-123").status_code == 302


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    env = {
        **os.environ,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DEBUG": "0",
        "NEWSLINE_HTTPS": "1",
        "ALLOWED_HOSTS": "newsline.example.org",
        "NEWSLINE_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "newsline.settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by conftest for Playwright only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_are_secure(tmp_path):
    env = {
        **os.environ,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "NEWSLINE_HTTPS": "1",
        "ALLOWED_HOSTS": "newsline.example.org",
        "NEWSLINE_VAR_DIR": str(tmp_path),
    }
    env.pop("DEBUG", None)
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='newsline.settings';"
        "django.setup();"
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.X_FRAME_OPTIONS)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert out.stdout.split() == ["False", "True", "True", "True", "True", "DENY"], out.stderr
