"""The engines over real HTTP, on the loopback: what they are sent, what comes back, and every
way they fail becoming TranslationUnavailable."""

import socket
import time

import pytest
from django.core.exceptions import ImproperlyConfigured

from languages.machine import (
    DeepLBackend,
    LibreTranslateBackend,
    TranslationRefused,
    TranslationUnavailable,
    get_backend,
)
from tests.languages.servers import ERROR, GARBAGE, HANG_UP, SLOW, FakeDeepL
from tests.languages.test_markup import DESCRIPTION, TRANSLATED

GLOSSARY = {"maîtrise d'ouvrage": "byggherre", "ZAC": "exploateringsområde"}


# --- Choosing the engine -------------------------------------------------------------------


def test_get_backend_none_by_default(settings):
    settings.TRANSLATION_BACKEND = ""

    assert get_backend() is None


def test_get_backend_libretranslate(libretranslate):
    backend = get_backend()

    assert isinstance(backend, LibreTranslateBackend)
    assert (backend.url, backend.timeout) == (libretranslate.url, 0.5)
    assert (backend.name, backend.version) == ("libretranslate", "1")


def test_get_backend_deepl(deepl):
    backend = get_backend()

    assert isinstance(backend, DeepLBackend)
    assert (backend.url, backend.api_key) == (deepl.url, "test-key:fx")
    assert (backend.name, backend.version) == ("deepl", "v2")


def test_get_backend_unknown_name_is_a_configuration_error(settings):
    settings.TRANSLATION_BACKEND = "babelfish"

    with pytest.raises(ImproperlyConfigured, match="deepl, libretranslate"):
        get_backend()


def test_get_backend_libretranslate_without_url_is_a_configuration_error(settings):
    settings.TRANSLATION_BACKEND, settings.TRANSLATION_URL = "libretranslate", ""

    with pytest.raises(ImproperlyConfigured, match="TRANSLATION_URL"):
        get_backend()


def test_get_backend_refuses_a_url_that_is_not_http(settings):
    settings.TRANSLATION_BACKEND, settings.TRANSLATION_URL = "libretranslate", "file:///etc"

    with pytest.raises(ImproperlyConfigured, match="http"):
        get_backend()


def test_deepl_free_key_goes_to_the_free_api():
    assert DeepLBackend(api_key="abc:fx").url == "https://api-free.deepl.com"
    assert DeepLBackend(api_key="abc").url == "https://api.deepl.com"


# --- LibreTranslate ------------------------------------------------------------------------


def test_libretranslate_translates_a_batch_in_one_request(libretranslate):
    result = get_backend().translate(["Bonjour", "Un parc"], source="fr", target="sv")

    assert result == ["BONJOUR", "UN PARC"]
    ((method, path, headers, body),) = libretranslate.requests
    assert (method, path) == ("POST", "/translate")
    assert headers["Content-Type"] == "application/json"
    assert body == {"q": ["Bonjour", "Un parc"], "source": "fr", "target": "sv", "format": "html"}


def test_libretranslate_sends_the_api_key_when_set(libretranslate, settings):
    settings.TRANSLATION_API_KEY = "s3cret"

    get_backend().translate(["Bonjour"], source="fr", target="en")

    assert libretranslate.requests[0][3]["api_key"] == "s3cret"


def test_libretranslate_markdown_survives(libretranslate):
    (result,) = get_backend().translate([DESCRIPTION], source="fr", target="sv")

    assert result == TRANSLATED
    assert len(libretranslate.requests) == 1


def test_libretranslate_glossary_terms_come_back_as_given(libretranslate):
    (result,) = get_backend().translate(
        ["La **maîtrise d'ouvrage** de la ZAC, pas la zachée."],
        source="fr",
        target="sv",
        glossary=GLOSSARY,
    )

    # The engine capitalised everything it saw, terms included: they were put back after.
    assert result == "LA **byggherre** DE LA exploateringsområde, PAS LA ZACHÉE."
    sent = libretranslate.requests[0][3]["q"][0]
    assert 'data-p="0"' in sent and 'data-p="1"' in sent


def test_libretranslate_same_language_sends_nothing(libretranslate):
    assert get_backend().translate(["Hej"], source="sv", target="sv") == ["Hej"]
    assert libretranslate.requests == []


def test_libretranslate_nothing_to_translate_sends_nothing(libretranslate):
    result = get_backend().translate(["", "```\ncode\n```\n"], source="fr", target="sv")

    assert result == ["", "```\ncode\n```\n"]
    assert libretranslate.requests == []


def test_libretranslate_languages(libretranslate):
    assert get_backend().languages() == ["en", "fr", "sv"]
    assert libretranslate.paths() == ["GET /languages"]


def test_libretranslate_unsupported_language_is_refused(libretranslate):
    with pytest.raises(TranslationRefused, match="answered 400: xx is not supported"):
        get_backend().translate(["Bonjour"], source="fr", target="xx")


def test_libretranslate_wrong_key_is_refused(settings):
    from tests.languages.servers import FakeLibreTranslate

    with FakeLibreTranslate(api_key="right") as server:
        backend = LibreTranslateBackend(url=server.url, api_key="wrong", timeout=1)
        with pytest.raises(TranslationRefused, match="403: Invalid API key"):
            backend.translate(["Bonjour"], source="fr", target="sv")


def test_libretranslate_answering_500_is_unavailable(libretranslate):
    libretranslate.fail(ERROR)

    with pytest.raises(TranslationUnavailable, match="answered 500: Internal server error") as e:
        get_backend().translate(["Bonjour"], source="fr", target="sv")
    assert not isinstance(e.value, TranslationRefused)


def test_libretranslate_too_slow_is_unavailable(libretranslate):
    libretranslate.fail(SLOW)
    started = time.monotonic()

    with pytest.raises(TranslationUnavailable, match="did not answer within 0.5 s"):
        get_backend().translate(["Bonjour"], source="fr", target="sv")
    assert time.monotonic() - started < 1.5


def test_libretranslate_html_garbage_is_unavailable(libretranslate):
    libretranslate.fail(GARBAGE)

    with pytest.raises(TranslationUnavailable, match="not JSON"):
        get_backend().translate(["Bonjour"], source="fr", target="sv")


def test_libretranslate_closing_the_connection_is_unavailable(libretranslate):
    libretranslate.fail(HANG_UP)

    with pytest.raises(TranslationUnavailable, match="broke the connection"):
        get_backend().translate(["Bonjour"], source="fr", target="sv")


def test_libretranslate_refused_connection_is_unavailable():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    backend = LibreTranslateBackend(url=f"http://127.0.0.1:{port}", timeout=1)

    with pytest.raises(TranslationUnavailable, match=f"cannot reach 127.0.0.1:{port}"):
        backend.translate(["Bonjour"], source="fr", target="sv")


def test_libretranslate_answer_of_the_wrong_shape_is_unavailable(libretranslate):
    libretranslate.answer = lambda *args: (200, {"translatedText": "BONJOUR"})

    with pytest.raises(TranslationUnavailable, match="without translatedText"):
        get_backend().translate(["Bonjour"], source="fr", target="sv")


def test_libretranslate_answer_with_too_few_texts_is_unavailable(libretranslate):
    libretranslate.answer = lambda *args: (200, {"translatedText": ["BONJOUR"]})

    with pytest.raises(TranslationUnavailable, match="1 translations for 2 texts"):
        get_backend().translate(["Bonjour", "Salut"], source="fr", target="sv")


def test_libretranslate_answer_that_lost_a_placeholder_is_unavailable(libretranslate):
    libretranslate.answer = lambda *args: (200, {"translatedText": ["SE HÄR"]})

    with pytest.raises(TranslationUnavailable, match="dropped code, a link or a glossary"):
        get_backend().translate(["voir `x` ici"], source="fr", target="sv")


# --- DeepL ---------------------------------------------------------------------------------


def test_deepl_translates_with_the_key_and_british_english(deepl):
    result = get_backend().translate(["Bonjour", "Un parc"], source="fr", target="en")

    assert result == ["BONJOUR", "UN PARC"]
    ((method, path, headers, body),) = deepl.requests
    assert (method, path) == ("POST", "/v2/translate")
    assert headers["Authorization"] == "DeepL-Auth-Key test-key:fx"
    assert body == {
        "text": ["Bonjour", "Un parc"],
        "source_lang": "FR",
        "target_lang": "EN-GB",
        "tag_handling": "html",
    }


def test_deepl_markdown_survives(deepl):
    (result,) = get_backend().translate([DESCRIPTION], source="fr", target="sv")

    assert result == TRANSLATED


def test_deepl_glossary_created_once_and_reused(deepl):
    backend = get_backend()

    first = backend.translate(
        ["La maîtrise d'ouvrage"], source="fr", target="sv", glossary=GLOSSARY
    )
    second = backend.translate(["Une ZAC"], source="fr", target="sv", glossary=GLOSSARY)

    assert (first, second) == (["LA byggherre"], ["UNE exploateringsområde"])
    assert deepl.paths() == [
        "GET /v3/glossaries",
        "POST /v3/glossaries",
        "POST /v2/translate",
        "POST /v2/translate",
    ]
    ((glossary_id, glossary),) = deepl.glossaries.items()
    assert glossary["dictionaries"] == [
        {
            "source_lang": "fr",
            "target_lang": "sv",
            "entries": "ZAC\texploateringsområde\nmaîtrise d'ouvrage\tbyggherre",
            "entries_format": "tsv",
        }
    ]
    assert deepl.requests[2][3]["glossary_id"] == deepl.requests[3][3]["glossary_id"]
    assert deepl.requests[3][3]["glossary_id"] == glossary_id


def test_deepl_glossary_found_again_by_name_in_another_process(deepl):
    from django.core.cache import cache

    get_backend().translate(["ZAC"], source="fr", target="sv", glossary=GLOSSARY)
    cache.clear()  # another worker, or the cache emptied

    get_backend().translate(["ZAC"], source="fr", target="sv", glossary=GLOSSARY)

    assert len(deepl.glossaries) == 1
    assert deepl.paths().count("POST /v3/glossaries") == 1


def test_deepl_changed_glossary_replaces_the_old_one(deepl):
    backend = get_backend()
    backend.translate(["ZAC"], source="fr", target="sv", glossary=GLOSSARY)
    (old_id,) = deepl.glossaries

    result = backend.translate(["ZAC"], source="fr", target="sv", glossary={"ZAC": "zon"})

    assert result == ["zon"]
    (new_id,) = deepl.glossaries
    assert new_id != old_id
    assert f"DELETE /v3/glossaries/{old_id}" in deepl.paths()


def test_deepl_glossary_per_language_pair(deepl):
    backend = get_backend()
    backend.translate(["ZAC"], source="fr", target="sv", glossary=GLOSSARY)

    backend.translate(["ZAC"], source="fr", target="en", glossary={"ZAC": "development zone"})

    pairs = sorted(
        (g["dictionaries"][0]["source_lang"], g["dictionaries"][0]["target_lang"])
        for g in deepl.glossaries.values()
    )
    assert pairs == [("fr", "en"), ("fr", "sv")]


def test_deepl_glossary_deleted_on_deepls_side_is_looked_for_again(deepl):
    backend = get_backend()
    backend.translate(["ZAC"], source="fr", target="sv", glossary=GLOSSARY)
    deepl.glossaries.clear()

    with pytest.raises(TranslationRefused, match="404: Glossary not found"):
        backend.translate(["ZAC"], source="fr", target="sv", glossary=GLOSSARY)
    result = backend.translate(["ZAC"], source="fr", target="sv", glossary=GLOSSARY)

    assert result == ["exploateringsområde"]
    assert len(deepl.glossaries) == 1


def test_deepl_languages(deepl):
    assert get_backend().languages() == ["de", "en", "fr", "sv"]


def test_deepl_wrong_key_is_refused(deepl, settings):
    settings.TRANSLATION_API_KEY = "stolen:fx"

    with pytest.raises(TranslationRefused, match="403: Authorization failure"):
        get_backend().translate(["Bonjour"], source="fr", target="sv")


def test_deepl_too_many_requests_is_unavailable_not_refused(deepl):
    deepl.answer = lambda *args: (429, {"message": "Too many requests"})

    with pytest.raises(TranslationUnavailable, match="429: Too many requests") as error:
        get_backend().translate(["Bonjour"], source="fr", target="sv")
    assert not isinstance(error.value, TranslationRefused)


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        (ERROR, "answered 500"),
        (SLOW, "did not answer within 0.5 s"),
        (GARBAGE, "not JSON"),
        (HANG_UP, "broke the connection"),
    ],
)
def test_deepl_failures_are_unavailable(deepl, behaviour, reason):
    deepl.fail(behaviour)

    with pytest.raises(TranslationUnavailable, match=reason):
        get_backend().translate(["Bonjour"], source="fr", target="sv")


def test_deepl_failing_glossary_listing_is_unavailable(deepl):
    deepl.fail(ERROR)

    with pytest.raises(TranslationUnavailable, match="answered 500"):
        get_backend().translate(["ZAC"], source="fr", target="sv", glossary=GLOSSARY)
    assert deepl.paths() == ["GET /v3/glossaries"]


def test_deepl_batches_of_fifty_texts(deepl):
    texts = [f"Texte {n}" for n in range(120)]

    result = get_backend().translate(texts, source="fr", target="sv")

    assert result == [f"TEXTE {n}" for n in range(120)]
    assert [len(body["text"]) for _m, _p, _h, body in deepl.requests] == [50, 50, 20]


def test_fake_deepl_key_is_the_free_one():
    assert FakeDeepL.KEY.endswith(":fx")
