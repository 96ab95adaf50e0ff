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


# --- Translations ---------------------------------------------------------------------------


@pytest.fixture
def french_project(member):
    """A public project of Saint-Brieuc, written in French by Yann, naming two glossary terms
    (the PLU, which has no Swedish name, and the permis de construire, bygglov in Swedish)."""
    from tests.factories import make_project

    return make_project(
        author=member,
        content_language="fr",
        title="Place de la Grille en transition",
        summary="Une place réaménagée avec ses usagers, un été après l'autre.",
        description="Le PLU révisé autorise un permis de construire pour le kiosque.",
        approach="Des ateliers chaque samedi.",
    )


@pytest.fixture
def translator(other_city_member):
    """Sofia, a planner of Gothenburg who reads French, Swedish and English."""
    other_city_member.languages_spoken = ["sv", "fr", "en"]
    other_city_member.save(update_fields=["languages_spoken"])
    return other_city_member


@pytest.fixture
def second_translator(other_city_coordinator):
    """Elin, Umeå's coordinator, who reads French and Swedish."""
    other_city_coordinator.languages_spoken = ["sv", "fr"]
    other_city_coordinator.save(update_fields=["languages_spoken"])
    return other_city_coordinator
