"""The review queue in a real browser: a curator logs in, sees Arabic evidence
right-to-left with the source sentence highlighted, and approves an event."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from newsline.events.models import Event, Review

from . import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

README_SCREENSHOT = Path(settings.BASE_DIR) / "docs" / "screenshots" / "review-queue.png"

BODY = (
    "موسكو - أعلنت وزارة الخارجية الروسية أن الوزير سيرجي لافروف سيلتقي نظيره الأمريكي "
    "جون كيري في جنيف يومي الخميس والجمعة لبحث الأزمة السورية.\n\n"
    "والتقى لافروف وكيري في جنيف يوم الجمعة وتوصلا إلى اتفاق على وقف الأعمال القتالية "
    "في سوريا. وقال كيري في مؤتمر صحفي مشترك إن المحادثات كانت صريحة وبناءة.\n\n"
    "من جهة أخرى، قال المبعوث الأممي ستافان دي ميستورا إنه يأمل استئناف المفاوضات "
    "بين الحكومة والمعارضة في جنيف الشهر المقبل."
)


@pytest.fixture
def queue():
    """Three proposed events with Arabic evidence from two publishers."""
    rt = f.article(body=BODY, publisher=f.publisher("RT Arabic"))
    sky = f.article(
        body="أبوظبي - قصفت طائرات حربية مواقع في ريف حلب الشمالي أمس الأحد، "
        "وفق ما أفاد المرصد السوري لحقوق الإنسان.",
        publisher=f.publisher("Sky News Arabia"),
        published_on=dt.date(2016, 9, 12),
    )
    lavrov, kerry = f.actor(), f.actor("John Kerry", "جون كيري")
    mistura = f.actor("Staffan de Mistura", "ستافان دي ميستورا")
    geneva = f.place()
    f.event(
        date=dt.date(2016, 9, 8),
        date_end=dt.date(2016, 9, 9),
        status="planned",
        actors=[lavrov, kerry],
        place=geneva,
        sources=[(rt, BODY.split("\n\n")[0].split(" - ", 1)[1])],
        title_ar="لافروف وكيري يلتقيان في جنيف",
        title_en="Lavrov and Kerry to meet in Geneva",
        confidence=0.85,
    )
    f.event(
        date=dt.date(2016, 9, 9),
        type="agreement",
        actors=[lavrov, kerry],
        place=geneva,
        sources=[
            (
                rt,
                "والتقى لافروف وكيري في جنيف يوم الجمعة وتوصلا إلى اتفاق على وقف الأعمال "
                "القتالية في سوريا.",
            )
        ],
        title_ar="اتفاق روسي أمريكي على وقف الأعمال القتالية",
        title_en="Russia and the US agree a cessation of hostilities",
        confidence=0.72,
    )
    f.event(
        date=dt.date(2016, 9, 11),
        type="violence",
        actors=[],
        sources=[(sky, "قصفت طائرات حربية مواقع في ريف حلب الشمالي أمس الأحد")],
        title_ar="غارات على ريف حلب الشمالي",
        title_en="Air strikes on northern Aleppo countryside",
        confidence=0.41,
    )
    f.event(
        date=dt.date(2016, 10, 1),
        actors=[mistura],
        sources=[(rt, "قال المبعوث الأممي ستافان دي ميستورا إنه يأمل استئناف المفاوضات")],
        type="statement",
        title_ar="دي ميستورا يأمل استئناف المفاوضات",
        title_en="De Mistura hopes talks resume",
        confidence=0.55,
    )


def test_a_curator_reviews_the_queue_in_the_browser(
    live_server, browser, artifacts_dir, queue, settings
):
    # The admin as curators get it: Arabic, right to left.
    settings.LANGUAGE_CODE = "ar"
    f.curator(password="s3cret-Curator!")
    context = browser.new_context(locale="en-US", viewport={"width": 1600, "height": 950})
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "curator")
    page.fill("#id_password", "s3cret-Curator!")
    with page.expect_navigation():
        page.click("input[type=submit]")

    page.goto(live_server.url + reverse("admin:events_event_changelist"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#result_list tbody tr").count() == 4
    assert "4" in page.locator("#content h1").inner_text()
    quote = page.locator("blockquote.nl-evidence").first
    assert quote.get_attribute("dir") == "rtl"
    # Right-to-left for real: the browser computes the direction and aligns right.
    assert quote.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert (
        page.locator("blockquote.nl-evidence mark")
        .first.inner_text()
        .startswith("أعلنت وزارة الخارجية الروسية")
    )
    page.screenshot(path=str(artifacts_dir / "review-queue.png"), full_page=True)
    if os.environ.get("NEWSLINE_UPDATE_SCREENSHOTS"):
        # Refresh the README's picture on request only: a test run leaves git clean.
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(artifacts_dir / "review-queue.png", README_SCREENSHOT)

    # Approve the first event with the bulk action.
    page.locator("input.action-select").first.check()
    page.select_option("select[name=action]", "approve")
    with page.expect_navigation():
        page.click("button[name=index]")
    page.screenshot(path=str(artifacts_dir / "review-queue-approved.png"), full_page=True)
    assert page.locator("ul.messagelist li.success").count() == 1
    assert page.locator("#result_list tbody tr").count() == 3
    assert Event.objects.filter(review=Review.APPROVED).count() == 1
    context.close()


def test_a_curator_splits_a_sentence_off_from_the_event_page(
    live_server, browser, artifacts_dir, queue, settings
):
    settings.LANGUAGE_CODE = "ar"
    f.curator(password="s3cret-Curator!")
    meeting = Event.objects.get(type="meeting")
    statement = Event.objects.get(type="statement")
    moved = statement.mentions.get()
    moved.event = meeting
    moved.save()
    context = browser.new_context(locale="ar", viewport={"width": 1400, "height": 950})
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "curator")
    page.fill("#id_password", "s3cret-Curator!")
    with page.expect_navigation():
        page.click("input[type=submit]")

    page.goto(live_server.url + reverse("admin:events_event_change", args=[meeting.pk]))
    assert page.locator("button.nl-split").count() == 2
    page.screenshot(path=str(artifacts_dir / "event-change.png"), full_page=True)
    with page.expect_navigation():
        page.locator("button.nl-split").nth(1).click()

    moved.refresh_from_db()
    assert moved.event_id not in (meeting.pk, statement.pk)
    assert page.url.endswith(reverse("admin:events_event_change", args=[moved.event_id]))
    assert page.locator("ul.messagelist li.success").count() == 1
    context.close()
