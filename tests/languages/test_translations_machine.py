"""Asking an engine for a translation, end to end, against a LibreTranslate server on the
loopback: the request, the task after the commit, the stored machine translation, the page's
button and "pending" line, and an engine that fails, is silent or answers garbage."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext

from languages.enums import TranslationOrigin
from languages.machine import TranslationUnavailable
from languages.models import Translation, TranslationRequest
from languages.services import request_machine_translation
from languages.tasks import machine_translate
from projects.models import Project
from tests.languages.servers import ERROR, GARBAGE, SLOW


def machine_url(project, language: str = "sv") -> str:
    return f"/sv/translations/projects.project/{project.pk}/{language}/machine/"


def page(client, project) -> str:
    response = client.get(f"/sv/projects/{project.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def in_swedish(message: str, **values) -> str:
    with translation.override("sv"):
        return gettext(message) % values


def button() -> str:
    return in_swedish("Translate into Swedish by machine")


def swedish_name() -> str:
    with translation.override("sv"):
        return str(gettext("Swedish"))


def pending_line() -> str:
    return in_swedish("Machine translation pending: it will appear here in a few minutes.")


def ask(client, project, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(machine_url(project), {"next": f"/sv/projects/{project.slug}/"})


# --- The whole flow ------------------------------------------------------------------------------


def test_machine_request_is_queued_on_commit_then_stored(
    member_client, member, french_project, libretranslate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = member_client.post(
            machine_url(french_project), {"next": f"/sv/projects/{french_project.slug}/"}
        )

    assert response.status_code == 302
    assert response["Location"] == f"/sv/projects/{french_project.slug}/"
    request = TranslationRequest.objects.get()
    assert (request.object_id, request.language, request.requested_by, request.failed_at) == (
        french_project.pk,
        "sv",
        member,
        None,
    )
    # Nothing was sent to the engine inside the request: only once it is committed.
    assert libretranslate.requests == []
    assert Translation.objects.count() == 0
    assert len(callbacks) == 1

    callbacks[0]()

    assert [path for path in libretranslate.paths() if path.startswith("POST")] == [
        "POST /translate"
    ]
    stored = {item.field: item for item in Translation.objects.all()}
    assert sorted(stored) == ["approach", "description", "summary", "title"]
    title = stored["title"]
    assert title.text == "PLACE DE LA GRILLE EN TRANSITION"
    assert (title.origin, title.engine, title.engine_version) == (
        TranslationOrigin.MACHINE,
        "libretranslate",
        "1",
    )
    assert (title.language, title.source_language, title.translated_by) == ("sv", "fr", None)
    assert not title.is_out_of_date(french_project.title)
    assert title.revisions.count() == 1
    assert TranslationRequest.objects.count() == 0


def test_machine_translation_is_shown_with_its_engine(
    member_client, french_project, libretranslate, django_capture_on_commit_callbacks
):
    ask(member_client, french_project, django_capture_on_commit_callbacks)

    html = page(member_client, french_project)

    assert "<h1>PLACE DE LA GRILLE EN TRANSITION</h1>" in html
    assert "LibreTranslate 1" in html
    assert in_swedish("Not reviewed by a person yet.") in html
    assert button() not in html


def test_machine_translation_keeps_glossary_terms_for_libretranslate(
    member_client, french_project, libretranslate, django_capture_on_commit_callbacks
):
    ask(member_client, french_project, django_capture_on_commit_callbacks)

    # "permis de construire" was protected and came back as the glossary's Swedish name.
    description = Translation.objects.get(field="description").text
    assert "bygglov" in description
    assert "PERMIS DE CONSTRUIRE" not in description


def test_machine_translation_never_overwrites_a_person(
    member_client, french_project, translator, libretranslate, django_capture_on_commit_callbacks
):
    from languages.services import save_translation

    save_translation(
        obj=french_project, language="en", texts={"title": "Grille square"}, by=translator
    )

    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(machine_url(french_project, "en"))

    title = Translation.objects.get(field="title", language="en")
    assert (title.text, title.origin) == ("Grille square", TranslationOrigin.HUMAN)
    assert Translation.objects.get(field="summary", language="en").is_machine


def test_asking_twice_while_pending_queues_once(
    member_client, french_project, libretranslate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        member_client.post(machine_url(french_project))
        member_client.post(machine_url(french_project))

    assert len(callbacks) == 1
    assert TranslationRequest.objects.count() == 1


# --- The page ------------------------------------------------------------------------------------


def test_page_offers_the_machine_button_when_an_engine_is_configured(
    member_client, french_project, libretranslate
):
    html = page(member_client, french_project)

    assert (
        f'<form method="post" action="{machine_url(french_project)}" class="inline-form">' in html
    )
    assert button() in html
    assert pending_line() not in html


def test_page_offers_no_machine_button_to_anonymous_visitors(
    anonymous_client, french_project, libretranslate
):
    html = page(anonymous_client, french_project)

    assert machine_url(french_project) not in html


def test_page_says_pending_while_the_engine_works(
    member_client, member, french_project, libretranslate
):
    TranslationRequest.objects.create(
        content_type=ContentType.objects.get_for_model(Project),
        object_id=french_project.pk,
        language="sv",
        requested_by=member,
    )

    html = page(member_client, french_project)

    assert f"<strong>{pending_line()}</strong>" in html
    assert button() not in html


def test_page_offers_to_ask_again_after_a_failure(
    member_client, member, french_project, libretranslate
):
    TranslationRequest.objects.create(
        content_type=ContentType.objects.get_for_model(Project),
        object_id=french_project.pk,
        language="sv",
        requested_by=member,
        failed_at=french_project.created_at,
    )

    html = page(member_client, french_project)

    assert in_swedish("The machine translation could not be made; you can ask again.") in html
    assert pending_line() not in html
    assert button() in html


def test_without_an_engine_there_is_no_button_and_no_address(
    settings, member_client, french_project, django_capture_on_commit_callbacks
):
    settings.TRANSLATION_BACKEND = ""

    html = page(member_client, french_project)
    with django_capture_on_commit_callbacks() as callbacks:
        response = member_client.post(machine_url(french_project))

    assert machine_url(french_project) not in html
    assert button() not in html
    assert response.status_code == 404
    assert callbacks == []
    assert TranslationRequest.objects.count() == 0


def test_machine_request_of_an_unreadable_project_is_404(login, french_project, libretranslate):
    from tests.factories import make_user

    stranger = make_user(email="stranger@example.org")
    Project.objects.filter(pk=french_project.pk).update(visibility="members")

    response = login(stranger).post(machine_url(french_project))

    assert response.status_code == 404
    assert TranslationRequest.objects.count() == 0


def test_machine_request_into_the_original_language_is_refused(
    member_client, french_project, libretranslate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = member_client.post(machine_url(french_project, "fr"))

    assert response.status_code == 302
    assert callbacks == []
    assert TranslationRequest.objects.count() == 0


def test_machine_request_answers_only_to_post(member_client, french_project, libretranslate):
    assert member_client.get(machine_url(french_project)).status_code == 405


def test_machine_request_sends_anonymous_visitors_to_sign_in(
    anonymous_client, french_project, libretranslate
):
    response = anonymous_client.post(machine_url(french_project))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert TranslationRequest.objects.count() == 0


# --- An engine that fails -----------------------------------------------------------------------


@pytest.mark.parametrize("behaviour", [ERROR, SLOW, GARBAGE])
def test_failing_engine_marks_the_request_failed_after_every_retry(
    member_client,
    french_project,
    libretranslate,
    django_capture_on_commit_callbacks,
    task_failures,
    behaviour,
):
    libretranslate.fail(behaviour)

    ask(member_client, french_project, django_capture_on_commit_callbacks)

    (task, error), *_others = task_failures
    task_failures.clear()
    assert (task, type(error)) == ("languages.tasks.machine_translate", TranslationUnavailable)
    assert len(libretranslate.requests) == machine_translate.max_retries + 1
    request = TranslationRequest.objects.get()
    assert request.failed_at is not None
    # Nothing changed: no translation, the original as it was.
    assert Translation.objects.count() == 0
    french_project.refresh_from_db()
    assert french_project.title == "Place de la Grille en transition"


def test_engine_back_after_failures_stores_the_translation(
    member_client, french_project, libretranslate, django_capture_on_commit_callbacks
):
    libretranslate.fail(ERROR, times=2)

    ask(member_client, french_project, django_capture_on_commit_callbacks)

    assert len(libretranslate.requests) == 3
    assert Translation.objects.get(field="title").text == "PLACE DE LA GRILLE EN TRANSITION"
    assert TranslationRequest.objects.count() == 0


def test_asking_again_after_a_failure_tries_again(
    member_client,
    member,
    french_project,
    libretranslate,
    django_capture_on_commit_callbacks,
    task_failures,
):
    libretranslate.fail(GARBAGE)
    ask(member_client, french_project, django_capture_on_commit_callbacks)
    task_failures.clear()
    assert TranslationRequest.objects.get().failed_at is not None

    libretranslate.fail("works")
    ask(member_client, french_project, django_capture_on_commit_callbacks)

    assert TranslationRequest.objects.count() == 0
    assert Translation.objects.filter(language="sv").count() == 4


def test_project_deleted_before_the_engine_answers(
    member, french_project, libretranslate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        request_machine_translation(obj=french_project, language="sv", by=member)
    Project.objects.filter(pk=french_project.pk).delete()

    callbacks[0]()

    assert Translation.objects.count() == 0
    assert TranslationRequest.objects.count() == 0
