"""Uploading an article from the admin, as a curator: pasted text or a file, with
URL, publisher and date; its events land in the review queue; bad input changes
nothing and says why."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsline.articles.models import Article, Publisher
from newsline.events.models import Actor, Event, Mention, Place, Review
from newsline.events.services import load_gazetteer
from newsline.events.tests import factories as f

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:articles_upload")
SEED = "004_04d52933f8dd98a8.txt"  # Lavrov and Kerry to meet in Geneva, 8–9 Sept 2016


def snapshot():
    models = [Article, Publisher, Event, Mention, Actor, Place]
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in models}


@pytest.fixture(autouse=True)
def english_admin(settings):
    """The admin speaks the default language (Arabic); these tests read English."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def curator_client(client):
    load_gazetteer()
    client.force_login(f.curator())
    return client


def test_the_article_list_links_to_the_upload_page(curator_client):
    html = curator_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert f'href="{UPLOAD}"' in html
    # "Add article" is the upload form: an article is only ever made by ingestion.
    add = curator_client.get(reverse("admin:articles_article_add"))
    assert add.status_code == 200 and "admin/articles/article/upload.html" in [
        t.name for t in add.templates
    ]


def test_pasted_text_is_ingested_and_its_events_land_in_the_queue(curator_client, demo_dir):
    text = (demo_dir / "seeds" / SEED).read_text()

    response = curator_client.post(
        UPLOAD,
        {
            "text": text,
            "url": "https://example.org/news/lavrov-kerry",
            "publisher": "Almaghribtoday",
            "published": "2016-09-07",
        },
    )

    article = Article.objects.get()
    assert article.publisher.name == "Almaghribtoday"
    assert article.published_on == dt.date(2016, 9, 7)
    assert article.url == "https://example.org/news/lavrov-kerry"
    assert response.status_code == 302
    assert response["Location"].endswith(f"?article={article.pk}&review=all")
    events = Event.objects.filter(mentions__article=article).distinct()
    assert events.exists()
    assert set(events.values_list("review", flat=True)) == {Review.PROPOSED}
    queue = curator_client.get(reverse("admin:events_event_changelist"))
    assert set(queue.context["cl"].result_list) == set(events)


def test_an_uploaded_file_is_ingested_with_its_fields(curator_client, demo_dir):
    data = (demo_dir / "seeds" / SEED).read_bytes()
    html = (
        b"<html><head><title>t</title></head><body><article>"
        + b"".join(b"<p>" + p + b"</p>" for p in data.split(b"\n\n"))
        + b"</article></body></html>"
    )

    response = curator_client.post(
        UPLOAD,
        {
            "file": SimpleUploadedFile("lavrov.html", html, content_type="text/html"),
            "publisher": "Almaghribtoday",
            "published": "2016-09-07",
        },
        follow=True,
    )

    article = Article.objects.get()
    assert article.origin == "lavrov.html"
    assert "كيري" in article.body
    messages = [str(m) for m in response.context["messages"]]
    assert any(m.startswith(f"article #{article.pk}:") for m in messages), messages
    assert list(response.context["cl"].result_list)


@pytest.mark.parametrize(
    ("post", "error"),
    [
        ({"file": SimpleUploadedFile("empty.txt", b"")}, "The submitted file is empty."),
        ({"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")}, "Upload a .txt or .html file."),
        ({"text": "Министр иностранных дел России Сергей Лавров заявил. " * 40}, "Arabic"),
        ({"file": SimpleUploadedFile("x.txt", b"\x89PNG\r\n\x1a\n" + bytes(256))}, "binary"),
        ({}, "Paste the text or upload a file"),
    ],
)
def test_bad_input_shows_why_and_changes_nothing(curator_client, post, error):
    before = snapshot()
    response = curator_client.post(UPLOAD, {"published": "2016-09-07", **post})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert snapshot() == before


def test_text_and_file_together_are_refused(curator_client):
    response = curator_client.post(
        UPLOAD, {"text": "نص", "file": SimpleUploadedFile("a.txt", "نص".encode())}
    )
    assert "one of the two" in response.content.decode()
    assert not Article.objects.exists()


def test_uploading_the_same_article_again_changes_nothing(curator_client, demo_dir):
    text = (demo_dir / "seeds" / SEED).read_text()
    curator_client.post(UPLOAD, {"text": text, "published": "2016-09-07"})
    before = snapshot()
    response = curator_client.post(UPLOAD, {"text": text, "published": "2016-09-07"}, follow=True)
    assert snapshot() == before
    assert any("already ingested" in str(m) for m in response.context["messages"])


def test_only_users_who_may_add_articles_can_upload(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("viewer", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 403
    assert client.post(UPLOAD, {"text": "نص"}).status_code == 403
