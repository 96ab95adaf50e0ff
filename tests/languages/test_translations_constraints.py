"""What the database itself refuses of a translation, whoever writes it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from languages.enums import TranslationOrigin
from languages.models import Translation, TranslationRequest
from projects.models import Project


@pytest.fixture
def valid(french_project, translator):
    """The fields of a valid human translation of the project's title into Swedish."""
    return {
        "content_type": ContentType.objects.get_for_model(Project),
        "object_id": french_project.pk,
        "field": "title",
        "language": "sv",
        "source_language": "fr",
        "text": "Torget",
        "source_digest": "0" * 64,
        "origin": TranslationOrigin.HUMAN,
        "translated_by": translator,
    }


def test_valid_translation_is_accepted(valid):
    Translation.objects.create(**valid)
    Translation.objects.create(**{**valid, "language": "en", "text": "The square"})
    Translation.objects.create(**{**valid, "field": "summary"})
    Translation.objects.create(
        **{
            **valid,
            "field": "description",
            "origin": TranslationOrigin.MACHINE,
            "engine": "libretranslate",
            "engine_version": "1",
            "translated_by": None,
        }
    )

    assert Translation.objects.count() == 4


@pytest.mark.parametrize(
    ("change", "constraint"),
    [
        ({"language": "fr"}, "translation_into_another_language"),
        ({"language": "de"}, "translation_languages_known"),
        ({"source_language": "xx"}, "translation_languages_known"),
        ({"text": ""}, "translation_not_empty"),
        ({"origin": TranslationOrigin.MACHINE}, "translation_origin_fits_engine"),
        (
            {"origin": TranslationOrigin.MACHINE, "engine_version": "1"},
            "translation_origin_fits_engine",
        ),
        ({"engine": "deepl"}, "translation_origin_fits_engine"),
        ({"engine_version": "v2"}, "translation_origin_fits_engine"),
        ({"origin": "robot", "engine": "deepl"}, "translation_origin_fits_engine"),
    ],
)
def test_database_refuses_an_invalid_translation(valid, change, constraint):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Translation.objects.create(**{**valid, **change})

    # SQLite names the failed CHECK constraint; PostgreSQL too.
    assert constraint in str(error.value)
    assert Translation.objects.count() == 0


def test_database_refuses_a_review_without_its_date(valid, second_translator):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Translation.objects.create(**valid, reviewed_by=second_translator, reviewed_at=None)

    assert "translation_review_has_a_date" in str(error.value)
    assert Translation.objects.count() == 0


def test_database_refuses_a_second_translation_of_a_field_into_a_language(valid):
    Translation.objects.create(**valid)

    with pytest.raises(IntegrityError), transaction.atomic():
        Translation.objects.create(**{**valid, "text": "Ett annat torg"})

    assert list(Translation.objects.values_list("text", flat=True)) == ["Torget"]


def test_database_refuses_a_second_pending_request(valid, member):
    fields = {
        "content_type": valid["content_type"],
        "object_id": valid["object_id"],
        "language": "sv",
        "requested_by": member,
    }
    TranslationRequest.objects.create(**fields)

    with pytest.raises(IntegrityError), transaction.atomic():
        TranslationRequest.objects.create(**{**fields, "requested_at": timezone.now()})
    with pytest.raises(IntegrityError), transaction.atomic():
        TranslationRequest.objects.create(**{**fields, "language": "de"})

    TranslationRequest.objects.create(**{**fields, "language": "en"})
    assert TranslationRequest.objects.count() == 2
