"""What only a browser shows: the chart drawn, clicks, swaps, URL state, direction.

Runs against the real seed corpus (``manage.py demo``) on pytest-django's live
server, in Debian's Chromium. Screenshots land in ``artifacts/`` for a person to
look at. Every test records every request the page makes and asserts none leaves
127.0.0.1.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import Page, expect

from newsline.events.models import Event, Mention

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

POINTS = "#chart .scatterlayer .trace path.point"


@pytest.fixture
def seeds(live_server):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    translation.activate("ar")
    events = list(Event.objects.public().order_by("date", "id"))
    assert len(events) >= 10
    return events


@pytest.fixture
def requests_seen(page: Page):
    """Every URL the page requests; the test asserts they all stay on 127.0.0.1,
    and that the page logged no error (CSP violations, script errors)."""
    seen: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "favicon.ico" not in (msg.location or {}).get("url", "")
            else None
        ),
    )
    yield seen
    hosts = {urlsplit(url).hostname for url in seen if not url.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1", "localhost"}, f"requests left the machine: {hosts}"
    assert not errors, errors


def _open(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#chart.chart-ready")).to_be_visible(timeout=15_000)


def _point_count(page: Page) -> int:
    return page.locator(POINTS).count()


def _click_point(page: Page, index: int = 0) -> None:
    box = page.locator(POINTS).nth(index).bounding_box()
    assert box is not None
    # Plotly listens on its drag layer, not on the marker: click at the marker's centre.
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _query(page: Page) -> dict:
    return parse_qs(urlsplit(page.url).query)


def test_timeline_chart_card_filters_and_url_state(
    live_server, seeds, page: Page, requests_seen, artifacts_dir
):
    page.set_viewport_size({"width": 1360, "height": 1000})
    _open(page, live_server.url + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert _point_count(page) == len(seeds)  # lanes by type: one marker per event
    assert "/static/plotly/plotly.min.js" in " ".join(requests_seen)
    page.screenshot(path=artifacts_dir / "timeline-ar.png", full_page=True)

    # Time runs right to left in Arabic: the earliest event is drawn right of the latest.
    xs = page.eval_on_selector_all(POINTS, "els => els.map(e => e.getBoundingClientRect().x)")
    first, last = seeds[0], seeds[-1]
    assert first.date < last.date
    assert max(xs) > min(xs)

    # Clicking a point swaps the card in and records ?event= in the URL.
    _click_point(page, 0)
    card = page.locator("#card .event-card")
    expect(card).to_be_visible()
    event_id = card.get_attribute("data-event-id")
    assert event_id and _query(page)["event"] == [event_id]
    assert page.locator("#card blockquote").count() >= 1
    page.screenshot(path=artifacts_dir / "timeline-ar-card.png")

    # Changing a filter swaps the chart and pushes the state into the URL.
    chart_before = page.locator("#chart").element_handle()
    page.select_option("#id_type", "statement")
    page.wait_for_url(re.compile(r"type=statement"))
    expect(page.locator("#chart.chart-ready")).to_be_visible()
    statements = [e for e in seeds if e.type == "statement"]
    expect(page.locator(POINTS)).to_have_count(len(statements))
    assert chart_before.evaluate("el => el.isConnected") is False  # swapped, not redrawn
    assert "q" not in _query(page)  # empty filters stay out of the shared URL
    expect(page.locator(".event-list > li")).to_have_count(len(statements))

    # Lanes by actor, also in the URL.
    page.select_option("#id_lanes", "actor")
    page.wait_for_url(re.compile(r"lanes=actor"))
    expect(page.locator("#chart.chart-ready")).to_be_visible()
    page.screenshot(path=artifacts_dir / "timeline-ar-statements-by-actor.png", full_page=True)
    filtered_url = page.url

    # Reloading that URL restores it, with the form showing the filters.
    page.reload()
    expect(page.locator("#chart.chart-ready")).to_be_visible()
    assert page.url == filtered_url
    expect(page.locator("#id_type")).to_have_value("statement")
    expect(page.locator("#id_lanes")).to_have_value("actor")
    expect(page.locator(".event-list > li")).to_have_count(len(statements))

    # Back goes to the previous state (lanes by type, still statements).
    page.go_back()
    page.wait_for_url(lambda url: "lanes=actor" not in url)
    expect(page.locator("#chart.chart-ready")).to_be_visible()
    expect(page.locator(POINTS)).to_have_count(len(statements))


def test_list_is_the_keyboard_twin_of_the_chart(live_server, seeds, page: Page, requests_seen):
    _open(page, live_server.url + "/en/")
    expect(page.locator(".event-list > li")).to_have_count(len(seeds))
    link = page.locator(".event-list > li a").nth(2)
    link.focus()
    outline = link.evaluate("el => getComputedStyle(el).outlineStyle")
    page.keyboard.press("Enter")
    card = page.locator("#card .event-card")
    expect(card).to_be_visible()
    expect(page.locator("#card .card-title")).to_be_focused()
    assert _query(page)["event"] == [card.get_attribute("data-event-id")]
    assert outline != "none"


def test_permalink_open_graph_and_quote_lands_on_the_highlight(
    live_server, seeds, page: Page, requests_seen, artifacts_dir
):
    event = next(e for e in seeds if e.status == "planned" and e.date_end)
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(live_server.url + event.get_absolute_url())
    og = {
        prop: page.locator(f'meta[property="og:{prop}"]').get_attribute("content")
        for prop in ("title", "description", "url", "type")
    }
    assert og["title"] == event.title_ar
    assert og["url"] == live_server.url + event.get_absolute_url()
    assert og["description"] and og["description"][:20] in event.mentions.first().quote
    assert page.locator('link[rel="canonical"]').get_attribute("href") == og["url"]
    assert page.locator('meta[name="twitter:card"]').get_attribute("content").startswith("summary")
    page.screenshot(path=artifacts_dir / "permalink-ar.png", full_page=True)

    mention = Mention.objects.filter(event=event).first()
    page.locator(f'a.quote-link[href$="#m-{mention.pk}"]').click()
    page.wait_for_url(re.compile(rf"/articles/{mention.article_id}/#m-{mention.pk}$"))
    target = page.locator(":target")
    expect(target).to_have_count(1)
    highlighted = page.locator(f"mark#m-{mention.pk}, mark:has(#m-{mention.pk})")
    expect(highlighted).to_be_in_viewport()
    assert mention.quote[:15] in highlighted.inner_text()
    page.screenshot(path=artifacts_dir / "reader-ar.png")

    # "View on the timeline" opens the timeline centred on the event, its card open.
    page.go_back()
    page.get_by_role("link", name="اعرضه على الخط الزمني").click()
    expect(page.locator("#chart.chart-ready")).to_be_visible(timeout=15_000)
    expect(page.locator(f'#card .event-card[data-event-id="{event.pk}"]')).to_be_visible()
    expect(page.locator(f"#e-{event.pk}.focused")).to_be_visible()


def test_english_is_left_to_right_and_arabic_right_to_left(
    live_server, seeds, page: Page, requests_seen, artifacts_dir
):
    page.set_viewport_size({"width": 1360, "height": 1000})
    event = seeds[-1]
    with translation.override("en"):
        en_url = event.get_absolute_url()
    _open(page, f"{live_server.url}/en/?event={event.pk}")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("h1").first).to_have_text("Timeline of the Syria diplomacy track")
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    page.screenshot(path=artifacts_dir / "timeline-en.png", full_page=True)
    page.goto(live_server.url + en_url)
    expect(page.locator("h1")).to_have_text(event.title_en)
    page.screenshot(path=artifacts_dir / "permalink-en.png", full_page=True)
    # The language switch keeps the reader on the same event.
    page.get_by_role("link", name="العربية").click()
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    expect(page.locator("h1")).to_have_text(event.title_ar)
    # A phone-sized Arabic timeline: the chart fits, the card stacks under it.
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, f"{live_server.url}/?event={event.pk}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts_dir / "timeline-ar-phone.png", full_page=True)


def test_actor_page_draws_the_actors_own_timeline(
    live_server, seeds, page: Page, requests_seen, artifacts_dir
):
    actor = next(a for e in seeds for a in e.actors.all() if a.name == "John Kerry")
    own = Event.objects.public().filter(actors=actor).count()
    page.set_viewport_size({"width": 1360, "height": 1000})
    _open(page, live_server.url + actor.get_absolute_url())
    expect(page.locator(POINTS)).to_have_count(own)
    page.screenshot(path=artifacts_dir / "actor-ar.png", full_page=True)


def test_phone_width_with_and_without_javascript(
    live_server, seeds, page: Page, requests_seen, browser, artifacts_dir
):
    # With lanes by type the legend only repeated the lane labels, and on a phone it
    # stacked into a column a third of the screen tall.
    page.set_viewport_size({"width": 375, "height": 812})
    _open(page, f"{live_server.url}/en/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(page.locator("#chart .legend")).to_have_count(0)
    # "1 source" wrapped between the number and the word.
    lines = page.eval_on_selector_all(
        ".sources-count, .badge", "els => els.map(e => e.getClientRects().length)"
    )
    assert lines and set(lines) == {1}
    page.screenshot(path=artifacts_dir / "timeline-en-phone.png", full_page=True)

    # Without JavaScript the chart frame stayed, empty, above the list.
    context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False)
    try:
        nojs = context.new_page()
        nojs.goto(f"{live_server.url}/")
        expect(nojs.locator(".chart-wrap")).to_be_hidden()
        expect(nojs.locator(".chart-noscript")).to_be_visible()
        expect(nojs.locator(".event-list li").first).to_be_visible()
        assert nojs.evaluate("document.documentElement.scrollWidth") <= 375
        nojs.screenshot(path=artifacts_dir / "timeline-ar-phone-nojs.png", full_page=True)
    finally:
        context.close()
