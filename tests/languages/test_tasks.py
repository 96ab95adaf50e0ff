"""The translation task: off the request, retried while the engine is away, its result handed
to a callback."""

import pytest
from django.test import TestCase

from languages.machine import TranslationRefused, TranslationUnavailable
from languages.tasks import machine_translate
from tests.languages.servers import ERROR, HANG_UP, SLOW

pytestmark = pytest.mark.django_db  # tasks are queued on commit

DONE: list[dict] = []


def remember(result: dict) -> None:
    """The callback the tests name by its dotted path."""
    DONE.append(result)


@pytest.fixture(autouse=True)
def _no_results_yet():
    DONE.clear()
    yield
    DONE.clear()


def queue(**kwargs) -> None:
    # As the portal will: queued on commit, run in-process after it (no broker in the tests).
    with TestCase.captureOnCommitCallbacks(execute=True):
        machine_translate.delay_on_commit(on_done="tests.languages.test_tasks.remember", **kwargs)


def test_machine_translate_hands_the_translations_and_provenance_to_the_callback(libretranslate):
    queue(texts=["Bonjour", "## Un *parc*"], source="fr", target="sv", context={"project": 7})

    assert DONE == [
        {
            "texts": ["BONJOUR", "## UN *PARC*"],
            "source": "fr",
            "target": "sv",
            "backend": "libretranslate",
            "version": "1",
            "context": {"project": 7},
        }
    ]


def test_machine_translate_returns_the_result_too(libretranslate):
    result = machine_translate.apply(
        kwargs={"texts": ["Bonjour"], "source": "fr", "target": "en"}
    ).get()

    assert result["texts"] == ["BONJOUR"]
    assert DONE == []


def test_machine_translate_with_a_glossary(deepl):
    queue(texts=["La ZAC"], source="fr", target="sv", glossary={"ZAC": "exploateringsområde"})

    assert DONE[0]["texts"] == ["LA exploateringsområde"]
    assert (DONE[0]["backend"], DONE[0]["version"]) == ("deepl", "v2")


@pytest.mark.parametrize("behaviour", [ERROR, SLOW, HANG_UP])
def test_machine_translate_retries_until_the_engine_is_back(libretranslate, behaviour):
    libretranslate.fail(behaviour, times=2)

    queue(texts=["Bonjour"], source="fr", target="sv")

    assert len(libretranslate.requests) == 3
    assert DONE[0]["texts"] == ["BONJOUR"]


def test_machine_translate_gives_up_after_the_last_retry(libretranslate, task_failures):
    libretranslate.fail(ERROR)

    queue(texts=["Bonjour"], source="fr", target="sv")

    ((task, error),) = task_failures
    task_failures.clear()
    assert (task, type(error)) == ("languages.tasks.machine_translate", TranslationUnavailable)
    host = libretranslate.url.removeprefix("http://")
    assert error.reason == f"{host} answered 500: Internal server error"
    assert len(libretranslate.requests) == machine_translate.max_retries + 1 == 7
    assert DONE == []


def test_machine_translate_refusal_is_not_retried(libretranslate, task_failures):
    queue(texts=["Bonjour"], source="fr", target="xx")

    ((task, error),) = task_failures
    task_failures.clear()
    assert type(error) is TranslationRefused
    assert len(libretranslate.requests) == 1
    assert DONE == []


def test_machine_translate_without_an_engine_does_nothing(settings):
    settings.TRANSLATION_BACKEND = ""

    queue(texts=["Bonjour"], source="fr", target="sv")

    assert DONE == []
    result = machine_translate.apply(kwargs={"texts": ["Bonjour"], "source": "fr", "target": "sv"})
    assert result.get() is None


def test_machine_translate_wrong_callback_fails_before_calling_the_engine(
    libretranslate, task_failures
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        machine_translate.delay_on_commit(
            texts=["Bonjour"], source="fr", target="sv", on_done="tests.languages.nowhere"
        )

    ((_task, error),) = task_failures
    task_failures.clear()
    assert isinstance(error, ImportError)
    assert libretranslate.requests == []


def test_machine_translate_waits_longer_after_each_failure():
    # Exponential backoff (30 s, 60 s, 120 s… at most 10 minutes), with jitter.
    assert (machine_translate.retry_backoff, machine_translate.retry_backoff_max) == (30, 600)
    assert machine_translate.retry_jitter is True
    assert machine_translate.autoretry_for == (TranslationUnavailable,)
    assert machine_translate.dont_autoretry_for == (TranslationRefused,)
