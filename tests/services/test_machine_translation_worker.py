"""A machine translation asked for on a page is made by a real Celery worker on Redis, which
calls the engine over HTTP and stores the result (make test-services)."""

import time

import pytest

from languages.models import Translation, TranslationRequest
from languages.services import request_machine_translation
from tests.factories import make_member, make_project

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WAIT = 30  # seconds


def test_worker_translates_a_project_through_the_engine(
    celery_worker, translation_engine, settings
):
    settings.TRANSLATION_BACKEND = "libretranslate"
    settings.TRANSLATION_URL = translation_engine.url
    project = make_project(
        title="Place de la Grille",
        summary="Une place pour tous les usages.",
        description="La place était un **parking**.",
        content_language="fr",
    )
    member = make_member(email="sofia@example.org", city="gothenburg")

    request_machine_translation(obj=project, language="sv", by=member)

    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline and TranslationRequest.objects.exists():
        time.sleep(0.2)
    assert not TranslationRequest.objects.exists(), celery_worker.output()
    texts = dict(Translation.objects.filter(language="sv").values_list("field", "text"))
    # The fake engine writes in capitals; the Markdown around the words is kept.
    assert texts == {
        "title": "PLACE DE LA GRILLE",
        "summary": "UNE PLACE POUR TOUS LES USAGES.",
        "description": "LA PLACE ÉTAIT UN **PARKING**.",
    }
    assert set(Translation.objects.values_list("engine", flat=True)) == {"libretranslate"}
    assert "POST /translate" in translation_engine.paths()
    assert "languages.tasks.machine_translate" in celery_worker.output()
