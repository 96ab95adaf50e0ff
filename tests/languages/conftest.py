import pytest

from tests.languages.servers import FakeDeepL, FakeLibreTranslate


@pytest.fixture
def libretranslate(settings):
    """A LibreTranslate server on the loopback, configured as the portal's engine; a short
    timeout keeps the tests of a silent server fast."""
    with FakeLibreTranslate() as server:
        settings.TRANSLATION_BACKEND = "libretranslate"
        settings.TRANSLATION_URL = server.url
        settings.TRANSLATION_API_KEY = ""
        settings.TRANSLATION_TIMEOUT = 0.5
        yield server


@pytest.fixture
def deepl(settings):
    """A DeepL API on the loopback, configured as the portal's engine."""
    with FakeDeepL() as server:
        settings.TRANSLATION_BACKEND = "deepl"
        settings.TRANSLATION_URL = server.url
        settings.TRANSLATION_API_KEY = FakeDeepL.KEY
        settings.TRANSLATION_TIMEOUT = 0.5
        yield server
