"""Demo translations of Saint-Brieuc's questions, their answers and the annual seminar: every
text the demo writes has a French and a Swedish version, with its provenance."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from alliance_portal.management.commands.load_demo import PEOPLE
from core.enums import ContentLanguage
from events import demo_translations as event_translations
from events.models import AgendaItem, Event
from questions import demo_translations as question_translations
from questions.demo import QUESTIONS
from questions.models import Answer, Question

pytestmark = pytest.mark.django_db

TARGETS = {"fr", "sv"}


def load_demo() -> None:
    call_command("load_demo", "--force", stdout=StringIO())


def seminar() -> Event:
    return Event.objects.get(slug__startswith=event_translations.SEMINAR_SLUG_PREFIX)


def all_versions():
    """(target language, version) of every demo translation of questions, answers and the
    seminar."""
    for versions in (
        *question_translations.QUESTIONS.values(),
        *question_translations.ANSWERS.values(),
        event_translations.SEMINAR,
        *event_translations.AGENDA.values(),
    ):
        yield from versions.items()


def test_demo_translations_cover_every_demo_question_and_answer_in_both_languages():
    questions = {data["slug"]: data for data in QUESTIONS}
    answers = {
        (data["slug"], city): body for data in QUESTIONS for _, city, body, _ in data["answers"]
    }

    assert set(question_translations.QUESTIONS) == set(questions)
    assert set(question_translations.ANSWERS) == set(answers)
    for versions in question_translations.QUESTIONS.values():
        assert set(versions) == TARGETS
        for version in versions.values():
            assert set(version.texts) == {"title", "context"}
            assert all(version.texts.values())
    for versions in question_translations.ANSWERS.values():
        assert set(versions) == TARGETS
        assert all(set(version.texts) == {"body"} for version in versions.values())


def test_demo_translations_keep_the_markdown_of_the_original():
    square = question_translations.QUESTIONS["how-do-you-make-a-square-work-for-every-use"]

    assert "**place de la Grille**" in square["fr"].texts["context"]
    assert "**place de la Grille**" in square["sv"].texts["context"]


def test_demo_translations_cover_the_seminar_and_every_item_of_its_agenda(settings):
    settings.DEBUG = True
    load_demo()
    event = seminar()

    assert set(event_translations.SEMINAR) == TARGETS
    for version in event_translations.SEMINAR.values():
        assert set(version.texts) == {"title", "description"}
        assert "{year}" in version.texts["title"]
    assert set(event_translations.AGENDA) == set(event.agenda.values_list("title", flat=True))
    assert not event.agenda.exclude(description="").exists()
    for versions in event_translations.AGENDA.values():
        assert set(versions) == TARGETS
        assert all(set(version.texts) == {"title"} for version in versions.values())


def test_demo_translators_read_english_and_the_language_they_translate_into():
    languages = {email: set(langs) for email, _, _, _, _, _, langs, _, _ in PEOPLE}

    for language, version in all_versions():
        assert {"en", language} <= languages[version.by], (version.by, language)


def test_demo_translations_are_mostly_human_with_a_few_reviewed_machine_ones():
    versions = [version for _, version in all_versions()]
    machine = [version for version in versions if version.machine]

    assert 3 <= len(machine) < len(versions) / 2


def test_demo_texts_are_english_whatever_language_the_command_runs_in(settings):
    settings.DEBUG = True

    with translation.override("sv"):
        load_demo()

    english = ContentLanguage.ENGLISH
    assert set(Question.objects.values_list("content_language", flat=True)) == {english}
    assert set(Answer.objects.values_list("content_language", flat=True)) == {english}
    assert set(Event.objects.values_list("content_language", flat=True)) == {english}
    assert set(AgendaItem.objects.values_list("content_language", flat=True)) == {english}
