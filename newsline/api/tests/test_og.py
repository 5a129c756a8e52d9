import io

import pytest
from django.urls import reverse
from PIL import Image, features

from newsline.api import og
from newsline.events.models import Review

from .factories import make_event, make_place
from .hostile import RLO, make_hostile_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def og_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path / "og"


def test_pillow_shapes_with_raqm():
    assert features.check("raqm"), "Pillow without libraqm cannot shape Arabic"


def test_card_is_a_1200x630_png(client, og_dir):
    event = make_event(title_ar="لافروف وكيري يتفقان على هدنة في سوريا", place=make_place())
    response = client.get(reverse("api:og_event", args=[event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    image.load()
    assert image.format == "PNG" and image.size == (1200, 630)
    assert len(list(og_dir.glob("*.png"))) == 1  # cached on disk


def test_card_is_rendered_once_and_again_when_the_title_changes(client, og_dir):
    event = make_event()
    url = reverse("api:og_event", args=[event.pk])
    client.get(url)
    first = {p.name: p.stat().st_mtime_ns for p in og_dir.glob("*.png")}
    client.get(url)
    assert {p.name: p.stat().st_mtime_ns for p in og_dir.glob("*.png")} == first
    other = make_event()
    client.get(reverse("api:og_event", args=[other.pk]))
    event.title_ar = "عنوان جديد"
    event.save()
    client.get(url)
    cards = {p.name for p in og_dir.glob("*.png")}
    # A new card for the new title; the old one is gone, the other event's stays.
    assert len(cards) == 2 and not cards & set(first)
    assert any(name.startswith(f"event-{other.pk}-") for name in cards)


@pytest.mark.parametrize("fields", [{"review": Review.PROPOSED}, {"review": Review.REJECTED}])
def test_no_card_for_events_that_are_not_public(client, fields):
    event = make_event(**fields)
    assert client.get(reverse("api:og_event", args=[event.pk])).status_code == 404


def test_arabic_title_is_shaped_and_right_aligned():
    """Joined letters are narrower than isolated forms, and the ink hugs the right edge."""
    joined = og.line_width("سلام", 700, 64)
    isolated = sum(og.line_width(c, 700, 64) for c in "سلام")
    assert joined < isolated
    image = og.render({"title": "اجتماع قصير", "meta": "8 سبتمبر 2016", "brand": "نيوزلاين"})
    title_band = image.crop((0, 140, 1150, 230)).convert("L")
    ink = [
        x
        for x in range(title_band.width)
        if min(title_band.getpixel((x, y)) for y in range(0, 90, 3)) < 100
    ]
    assert ink and ink[-1] > 1100 and ink[0] > 500


def test_mixed_runs_are_ordered_right_to_left():
    pieces = og.visual_runs("القرار 2254 (ISSG)")
    texts = [p[0].strip() for p in pieces if p[0].strip()]
    # Drawing order is left to right: the Latin acronym (last in reading order) first.
    assert texts[-1] == "القرار"
    assert any("ISSG" in t for t in texts[:2])


def test_hostile_title_card_renders_without_bidi_controls(client):
    event = make_hostile_event()
    assert RLO not in og.card_lines(event)["title"]
    assert client.get(reverse("api:og_event", args=[event.pk])).status_code == 200
