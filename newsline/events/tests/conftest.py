import pytest


@pytest.fixture(autouse=True)
def english_admin(settings):
    """The admin speaks the default language (Arabic); tests read its English strings.

    The browser test keeps Arabic on purpose (see test_admin_browser.py)."""
    settings.LANGUAGE_CODE = "en"
