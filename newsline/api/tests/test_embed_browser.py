"""The embed inside another site's iframe: deep links open the right card, framing rules.

The host page ("a newsroom's story") comes from a second tiny HTTP server on another
loopback port, so the iframe is cross-origin as on a real site. (A page fulfilled by
Playwright counts as public to Chromium's Local Network Access checks, which then block
a localhost iframe — something a real deployment never meets.) Nothing leaves 127.0.0.1.
"""

import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from .factories import make_actor, make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def events(live_server):
    kerry = make_actor("John Kerry")
    return [
        make_event(actors=[kerry], date=date(2016, 1, 1) + timedelta(days=7 * i)) for i in range(40)
    ]


@pytest.fixture
def newsroom():
    """A server on 127.0.0.1 answering every GET with the page set in `pages["html"]`."""
    pages = {"html": ""}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            body = pages["html"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, pages
    server.shutdown()
    server.server_close()


@pytest.fixture
def host_page(page: Page, newsroom):
    server, pages = newsroom

    def open_story(iframe_src: str):
        pages["html"] = (
            "<!doctype html><html><body><h1>Our story</h1>"
            f'<iframe id="nl" src="{iframe_src}" width="800" height="500"></iframe></body></html>'
        )
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/story.html")
        return page.frame_locator("#nl")

    return open_story


def _assert_card_open_and_visible(page: Page, frame, event_id: int):
    card = frame.locator(f"#event-{event_id}")
    expect(card.locator("details")).to_have_attribute("open", "")
    expect(card.locator("blockquote")).to_be_visible()
    expect(card).to_be_in_viewport()
    # Only that card is open.
    expect(frame.locator(".embed-event details[open]")).to_have_count(1)


@pytest.mark.parametrize("link", ["hash", "query"])
def test_deep_link_opens_the_event_inside_the_iframe(
    page: Page, host_page, live_server, events, link, artifacts_dir
):
    target = events[30]  # far down the list: it must be scrolled to
    suffix = f"#event-{target.pk}" if link == "hash" else f"&event={target.pk}"
    frame = host_page(f"{live_server.url}/embed/?actor=john-kerry{suffix}")
    _assert_card_open_and_visible(page, frame, target.pk)
    expect(frame.locator("#chart.chart-ready")).to_have_count(1)
    page.screenshot(path=artifacts_dir / f"embed-deeplink-{link}.png")


def test_opening_a_card_records_the_deep_link_in_the_iframe_url(
    page: Page, host_page, live_server, events
):
    frame = host_page(f"{live_server.url}/en/embed/")
    target = events[3]
    frame.locator(f"#event-{target.pk} summary").click()
    expect(frame.locator(f"#event-{target.pk} blockquote")).to_be_visible()
    iframe_url = page.frames[1].url
    assert f"event={target.pk}" in iframe_url and iframe_url.endswith(f"#event-{target.pk}")
    # The recorded URL reopens the same card (a reload, or the link copied from it).
    page.frames[1].goto(iframe_url)
    _assert_card_open_and_visible(page, page.frame_locator("#nl"), target.pk)


def test_a_chart_click_opens_the_card_inside_the_iframe(page: Page, host_page, live_server, events):
    frame = host_page(f"{live_server.url}/embed/")
    expect(frame.locator("#chart.chart-ready")).to_have_count(1)
    frame.locator("#chart .scatterlayer .trace path.point").first.click(force=True)
    expect(frame.locator(".embed-event details[open]")).to_have_count(1)
    assert "/embed/" in page.frames[1].url  # still inside the iframe, still the embed


def test_the_timeline_itself_refuses_to_be_framed(page: Page, host_page, live_server, events):
    host_page(f"{live_server.url}/")
    page.wait_for_timeout(500)
    frame = page.frames[1]
    # Blocked by frame-ancestors 'none' / X-Frame-Options: no timeline content inside.
    assert frame.locator(".site-header").count() == 0
