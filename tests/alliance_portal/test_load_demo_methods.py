"""`manage.py load_demo` loads the methods behind the demo projects, says which project used
which and how it went, and translates the methods into the two other languages."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from accounts.models import User
from alliance_portal.management.commands.load_demo import PEOPLE
from core.enums import Visibility
from languages.enums import TranslationOrigin
from languages.models import Translation, TranslationRevision
from languages.permissions import can_translate
from methods import demo
from methods.demo_translations import TRANSLATIONS
from methods.models import Method
from projects.demo import PROJECTS
from projects.models import Project, ProjectMethod
from tests.test_french_typography import typography_problems

pytestmark = pytest.mark.django_db

LANGUAGES = {"fr", "sv", "en"}


@pytest.fixture
def demo_loaded(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())


def method_translations() -> dict[tuple[str, str, str], Translation]:
    slugs = dict(Method.objects.values_list("pk", "slug"))
    return {
        (slugs[translation.object_id], translation.language, translation.field): translation
        for translation in Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(Method)
        ).select_related("translated_by", "reviewed_by")
    }


def counts() -> tuple[int, ...]:
    return (
        Method.objects.count(),
        ProjectMethod.objects.count(),
        Translation.objects.count(),
        TranslationRevision.objects.count(),
    )


def test_load_demo_loads_the_methods_written_up_by_their_city(demo_loaded):
    methods = Method.objects.select_related("city", "author")

    assert methods.count() == len(demo.METHODS) == 5
    for method in methods:
        assert method.visibility == Visibility.PUBLIC
        assert method.author.memberships.filter(city=method.city).exists(), method.slug
        for field in Method.translated_fields:
            assert getattr(method, field), (method.slug, field)
        assert method.themes.exists(), method.slug
        assert method.tags.exists(), method.slug
        # Steps are a Markdown list.
        assert method.steps.startswith("1. "), method.slug
        assert len(method.purpose) <= Method._meta.get_field("purpose").max_length
    assert {method.content_language for method in methods} == LANGUAGES


def test_every_demo_method_is_used_by_a_demo_project_that_says_how_it_went(demo_loaded):
    demo_projects = {data["slug"]: data for data in PROJECTS}
    uses = ProjectMethod.objects.select_related("project", "method", "added_by")

    assert uses.count() == len(demo.USES)
    assert set(uses.values_list("method__slug", flat=True)) == {
        method.slug for method in Method.objects.all()
    }
    for use in uses:
        assert use.project.slug in demo_projects
        assert use.account
        assert use.added_by.memberships.filter(city=use.project.city).exists(), use


def test_the_place_de_la_grille_uses_methods_from_two_swedish_cities(demo_loaded):
    grille = Project.objects.get(slug="experimentation-place-de-la-grille")

    cities = set(grille.method_uses.values_list("method__city__slug", flat=True))

    assert cities == {"umea", "gothenburg"}


def test_load_demo_translates_every_method_into_the_two_other_languages(demo_loaded):
    translations = method_translations()
    expected = {
        (method.slug, language, field)
        for method in Method.objects.all()
        for language in LANGUAGES - {method.content_language}
        for field in Method.translated_fields
    }

    assert set(translations) == expected
    for (slug, language, field), saved in translations.items():
        method = Method.objects.get(slug=slug)
        assert saved.text == TRANSLATIONS[slug][language].texts[field]
        assert saved.source_language == method.content_language
        assert not saved.is_out_of_date(getattr(method, field))


def test_demo_method_translations_carry_their_provenance(demo_loaded):
    for (slug, language, _field), saved in method_translations().items():
        version = TRANSLATIONS[slug][language]
        if version.machine:
            assert saved.origin == TranslationOrigin.MACHINE
            assert saved.engine == "libretranslate"
            assert saved.reviewed_by.email == version.by
            assert saved.reviewed_at is not None
        else:
            assert saved.origin == TranslationOrigin.HUMAN
            assert saved.translated_by.email == version.by
    versions = [
        version for by_language in TRANSLATIONS.values() for version in by_language.values()
    ]
    assert 1 <= sum(version.machine for version in versions) < len(versions) / 2


def test_demo_method_translators_read_both_languages_and_may_translate(demo_loaded):
    languages = {email: set(spoken) for email, _, _, _, _, _, spoken, _, _ in PEOPLE}
    methods = {method.slug: method for method in Method.objects.all()}

    for slug, versions in TRANSLATIONS.items():
        for language, version in versions.items():
            assert {methods[slug].content_language, language} <= languages[version.by]
            person = User.objects.get(email=version.by)
            assert can_translate(person, methods[slug], language), (slug, language)


def test_demo_method_texts_in_french_follow_french_typography():
    texts = [
        data[field]
        for data in demo.METHODS
        if data["language"] == "fr"
        for field in Method.translated_fields
    ]
    texts += [
        text
        for versions in TRANSLATIONS.values()
        for language, version in versions.items()
        if language == "fr"
        for text in version.texts.values()
    ]
    accounts = [
        account
        for project_slug, _method, _by, account in demo.USES
        if project_slug.startswith(("experimentation", "alliance", "projet"))
    ]

    assert len(texts) == 7 * 5
    assert len(accounts) == 5
    problems = [place for text in texts + accounts for place in typography_problems(text)]
    assert problems == []


def test_load_demo_twice_creates_no_duplicate_and_changes_no_translation(demo_loaded):
    before = counts()
    translations = list(Translation.objects.order_by("pk").values())

    call_command("load_demo", stdout=StringIO())

    assert counts() == before
    assert list(Translation.objects.order_by("pk").values()) == translations
