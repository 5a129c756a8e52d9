"""The app serves itself: first page, admin for staff, static files without a CDN."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from newsline.articles.models import Article

pytestmark = pytest.mark.django_db


def test_home_page_is_arabic_right_to_left_with_debug_off(client, settings):
    settings.DEBUG = False
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html


def test_english_home_page_is_left_to_right(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html


def test_an_ingested_article_is_readable_at_its_own_address(client):
    article = Article.objects.create(
        origin="a.txt",
        title="لافروف وكيري يبحثان الأزمة السورية",
        body="نص",
        raw="نص",
        content_hash="x" * 64,
    )
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert "لافروف وكيري يبحثان الأزمة السورية" in html


def test_every_admin_page_loads_for_a_staff_user(admin_client):
    for model in admin.site._registry:
        opts = model._meta
        for view in ("changelist", "add"):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}")
            response = admin_client.get(url)
            assert response.status_code in (200, 403), (url, response.status_code)


def test_htmx_and_plotly_are_served_by_the_app_itself(client):
    htmx = client.get("/static/django_htmx/htmx-2.min.js")
    assert htmx.status_code == 200
    plotly = client.get("/static/plotly/plotly.min.js")
    assert plotly.status_code == 200
    body = b"".join(plotly.streaming_content) if plotly.streaming else plotly.content
    assert b"plotly" in body[:2000].lower() and len(body) > 1_000_000


def test_the_page_loads_scripts_and_styles_only_from_its_own_static_files(client):
    html = client.get("/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert sources and all(src.startswith("/static/") for src in sources), sources
