import pytest
from django.urls import clear_url_caches
from django.utils import translation

from newsline.events.models import Actor, Event, Place
from newsline.events.synthetic import generate


@pytest.fixture(autouse=True)
def arabic_default():
    """Start every timeline test in Arabic with fresh URL caches.

    Requests leave their language active in the test thread, and the URL resolver
    caches reverse() per language: a test elsewhere that ran with LANGUAGE_CODE="en"
    leaves "/en/…" URLs reversed without their prefix.
    """
    clear_url_caches()
    translation.activate("ar")
    yield
    translation.activate("ar")
    clear_url_caches()


@pytest.fixture
def corpus():
    """Synthetic events over 2011–2017 (approved), from a tiny gazetteer."""
    for name, name_ar in [
        ("John Kerry", "جون كيري"),
        ("Sergey Lavrov", "سيرجي لافروف"),
        ("Russia", "روسيا"),
        ("Iran", "إيران"),
    ]:
        Actor.objects.create(name=name, name_ar=name_ar, kind="person")
    Place.objects.create(name="Geneva", name_ar="جنيف")

    def make(n, seed=0):
        generate(n, seed=seed)
        return Event.objects.public()

    return make
