"""Ingesting a page by URL, from a real HTTP server on 127.0.0.1."""

import datetime as dt
import http.server
import threading
from functools import partial
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsline.articles.models import Article
from newsline.events.models import Event

pytestmark = pytest.mark.django_db

PAGES = Path(__file__).resolve().parents[2] / "extraction" / "tests" / "heldout"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    handler = partial(_QuietHandler, directory=str(PAGES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page_ingested_by_url_keeps_its_metadata_and_yields_events(site):
    call_command("ingest", f"{site}/h04_html_munich_issg.html")
    article = Article.objects.get()
    # The page's canonical URL wins over the address it was fetched from.
    assert article.url == "https://www.alsharq-today.example/world/2016/02/12/munich-issg"
    assert article.origin.endswith("/h04_html_munich_issg.html")
    assert article.published_on == dt.date(2016, 2, 12)
    assert "ميونيخ" in article.title
    assert Event.objects.filter(mentions__article=article).exists()


def test_fetching_the_same_url_again_changes_nothing(site, capsys):
    url = f"{site}/h04_html_munich_issg.html"
    call_command("ingest", url)
    events = Event.objects.count()
    call_command("ingest", url)
    assert "already ingested" in capsys.readouterr().out
    assert Article.objects.count() == 1 and Event.objects.count() == events


def test_a_url_that_cannot_be_fetched_is_one_clear_error(site, capsys):
    with pytest.raises(CommandError):
        call_command("ingest", f"{site}/missing.html")
    err = capsys.readouterr().err
    assert "could not be fetched" in err and "404" in err
    assert Article.objects.count() == 0


def test_only_http_urls_are_fetched(capsys):
    with pytest.raises(CommandError):
        call_command("ingest", "file:///etc/passwd")
    assert Article.objects.count() == 0
