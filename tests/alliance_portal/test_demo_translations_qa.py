"""Demo translations of Saint-Brieuc's questions, their answers and the annual seminar: every
text the demo writes has a French and a Swedish version, with its provenance."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils.translation import override

from accounts.models import User
from alliance_portal.management.commands.load_demo import PEOPLE
from core.enums import ContentLanguage
from events import demo_translations as event_translations
from events.models import AgendaItem, Event
from funding.models import FundingCall
from languages.enums import TranslationOrigin
from languages.models import Translation, TranslationRevision
from languages.selectors import attach_translations
from languages.services import save_translation
from methods.models import Method
from projects.models import Project
from questions import demo_translations as question_translations
from questions.demo import QUESTIONS
from questions.models import Answer, Question

pytestmark = pytest.mark.django_db


def translated_text(obj, field: str, language: str) -> str:
    """What a reader of ``language`` reads in ``obj``'s ``field``."""
    return str(attach_translations([obj], language)[0].shown.field(field))


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

    with override("sv"):
        load_demo()

    english = ContentLanguage.ENGLISH
    assert set(Question.objects.values_list("content_language", flat=True)) == {english}
    assert set(Answer.objects.values_list("content_language", flat=True)) == {english}
    assert set(Event.objects.values_list("content_language", flat=True)) == {english}
    assert set(AgendaItem.objects.values_list("content_language", flat=True)) == {english}


# Loaded by `load_demo` ------------------------------------------------------------------------


def translations_of(obj) -> dict[tuple[str, str], Translation]:
    return {
        (translation.language, translation.field): translation
        for translation in Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
    }


def demo_objects():
    """(object, its versions by language, values to fill in) for every translated demo text."""
    event = seminar()
    year = event.slug.removeprefix(event_translations.SEMINAR_SLUG_PREFIX)
    yield event, event_translations.SEMINAR, {"year": year}
    for item in event.agenda.all():
        yield item, event_translations.AGENDA[item.title], {}
    for question in Question.objects.filter(city__slug="saint-brieuc"):
        yield question, question_translations.QUESTIONS[question.slug], {}
        for answer in question.answers.select_related("city"):
            yield answer, question_translations.ANSWERS[(question.slug, answer.city.slug)], {}


def test_load_demo_translates_every_text_of_the_questions_answers_and_seminar(settings):
    settings.DEBUG = True

    load_demo()

    objects = list(demo_objects())
    assert Question.objects.filter(city__slug="saint-brieuc").count() == 3
    assert len(objects) == 1 + 11 + 3 + 4
    for obj, versions, values in objects:
        found = translations_of(obj)
        expected = {
            (language, field): text.format(**values)
            for language, version in versions.items()
            for field, text in version.texts.items()
        }
        present = {field for field in type(obj).translated_fields if getattr(obj, field)}
        assert {field for _, field in expected} == present, obj
        assert {key: translation.text for key, translation in found.items()} == expected, obj
        for translation in found.values():
            assert translation.source_language == obj.content_language == "en"
            assert not translation.is_out_of_date(getattr(obj, translation.field))


def test_load_demo_translates_the_seminar_title_with_its_year(settings):
    settings.DEBUG = True

    load_demo()

    event = seminar()
    year = str(event.starts_at.year)
    assert translated_text(event, "title", "fr") == f"Séminaire annuel {year} – Saint-Brieuc"
    assert translated_text(event, "title", "sv") == f"Årsseminarium {year} – Saint-Brieuc"


def test_load_demo_records_who_translated_and_which_engine(settings):
    settings.DEBUG = True

    load_demo()

    humans = machines = 0
    for obj, versions, _ in demo_objects():
        found = translations_of(obj)
        for language, version in versions.items():
            for field in version.texts:
                translation = found[(language, field)]
                if version.machine:
                    machines += 1
                    assert translation.origin == TranslationOrigin.MACHINE
                    assert translation.translated_by is None
                    assert translation.engine == "libretranslate"
                    assert translation.engine_version == "1.6"
                    assert translation.reviewed_by.email == version.by
                    assert translation.reviewed_at is not None
                else:
                    humans += 1
                    assert translation.origin == TranslationOrigin.HUMAN
                    assert translation.translated_by.email == version.by
                    assert (translation.engine, translation.reviewed_by) == ("", None)
    assert machines >= 5
    assert humans > 3 * machines
    malmo = Answer.objects.get(city__slug="malmo")
    reviewed = translations_of(malmo)[("fr", "body")]
    assert reviewed.is_machine
    assert reviewed.is_reviewed
    assert reviewed.reviewed_by.email == question_translations.YANN
    assert [revision.origin for revision in reviewed.revisions.order_by("pk")] == [
        TranslationOrigin.MACHINE,
        TranslationOrigin.MACHINE,
    ]


def test_load_demo_twice_adds_no_translation_nor_revision(settings):
    settings.DEBUG = True
    load_demo()
    counts = (Translation.objects.count(), TranslationRevision.objects.count())

    load_demo()

    # The projects, the example calls and the methods have tests of their own.
    others = ContentType.objects.get_for_models(Project, FundingCall, Method).values()
    tested_elsewhere = Translation.objects.filter(content_type__in=others)
    assert counts[0] - tested_elsewhere.count() == (2 + 11 + 3 * 2 + 4) * 2
    assert (Translation.objects.count(), TranslationRevision.objects.count()) == counts


def test_load_demo_again_keeps_a_members_correction(settings):
    settings.DEBUG = True
    load_demo()
    question = Question.objects.get(slug="how-do-you-renew-town-centres-first")
    lars = User.objects.get(email=question_translations.LARS)
    save_translation(
        obj=question, language="sv", texts={"title": "Hur förnyar man stadskärnorna?"}, by=lars
    )

    load_demo()

    assert translated_text(question, "title", "sv") == "Hur förnyar man stadskärnorna?"
