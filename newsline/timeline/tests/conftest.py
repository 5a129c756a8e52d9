import pytest
from django.urls import clear_url_caches
from django.utils import translation


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
