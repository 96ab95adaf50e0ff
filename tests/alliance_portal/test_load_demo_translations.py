"""`manage.py load_demo` translates the seven demo projects into the two other languages, with
every kind of provenance the pages show: human, machine reviewed, one out of date."""

import html
import re
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from core.enums import ContentLanguage
from languages.enums import TranslationOrigin
from languages.models import Translation, TranslationRevision
from languages.permissions import can_translate
from projects.demo import PROJECTS
from projects.demo_translations import (
    ENGINE,
    ENGINE_VERSION,
    OUT_OF_DATE,
    PROVENANCE,
    TRANSLATIONS,
)
from projects.models import Project

pytestmark = pytest.mark.django_db
ENGINE_LABEL = "LibreTranslate 1.6"  # as the provenance line spells it


@pytest.fixture
def demo(settings):
    settings.DEBUG = False
    call_command("load_demo", "--force", stdout=StringIO())


def response_text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def note(page: str) -> str:
    """The translation note of a project page: where its provenance is stated."""
    match = re.search(r'<div class="translation-note".*?</div>', page, flags=re.DOTALL)
    assert match, "no translation note on the page"
    return match.group(0)


def project_translations() -> dict[tuple[str, str, str], Translation]:
    """(slug, language, field) -> Translation, for every demo project's translation."""
    slugs = {project.pk: project.slug for project in Project.objects.all()}
    return {
        (slugs[translation.object_id], translation.language, translation.field): translation
        for translation in Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(Project)
        ).select_related("translated_by", "reviewed_by")
    }


def test_load_demo_translates_every_field_of_every_demo_project(demo):
    expected = set()
    for project in Project.objects.all():
        for language in set(ContentLanguage.values) - {project.content_language}:
            for field in Project.translated_fields:
                if getattr(project, field):
                    expected.add((project.slug, language, field))

    translations = project_translations()

    assert Project.objects.count() == len(PROJECTS) == 7
    assert set(translations) == expected
    assert len(expected) > 7 * 2 * 5
    for (slug, language, field), saved in translations.items():
        assert saved.text == TRANSLATIONS[slug][language][field]
        assert saved.source_language == Project.objects.get(slug=slug).content_language


def test_load_demo_translations_carry_the_designed_provenance(demo):
    stale_slug, stale_language, stale_field, _ = OUT_OF_DATE
    translations = project_translations()

    for (slug, language, field), saved in translations.items():
        provenance = PROVENANCE[(slug, language)]
        if "translator" in provenance:
            assert saved.origin == TranslationOrigin.HUMAN
            assert saved.translated_by.email == provenance["translator"]
            assert (saved.engine, saved.reviewed_by) == ("", None)
        else:
            assert saved.origin == TranslationOrigin.MACHINE
            assert (saved.engine, saved.engine_version) == (ENGINE, ENGINE_VERSION)
            assert saved.translated_by is None
            if (slug, language, field) == (stale_slug, stale_language, stale_field):
                assert saved.reviewed_by is None
            else:
                assert saved.reviewed_by.email == provenance["reviewer"]
                assert saved.reviewed_at is not None
    origins = {saved.origin for saved in translations.values()}
    assert origins == {TranslationOrigin.HUMAN, TranslationOrigin.MACHINE}


def test_load_demo_translators_and_reviewers_may_translate_what_they_did(demo):
    projects = {project.slug: project for project in Project.objects.all()}

    for (slug, language), provenance in PROVENANCE.items():
        person = User.objects.get(email=provenance.get("translator") or provenance["reviewer"])
        assert can_translate(person, projects[slug], language), (slug, language, person)


def test_load_demo_leaves_exactly_one_translation_out_of_date(demo):
    projects = {project.slug: project for project in Project.objects.all()}

    stale = [
        key
        for key, saved in project_translations().items()
        if saved.is_out_of_date(getattr(projects[key[0]], key[2]))
    ]

    assert stale == [OUT_OF_DATE[:3]]


def test_load_demo_twice_changes_no_translation(demo, settings):
    before = list(Translation.objects.order_by("pk").values())
    revisions = TranslationRevision.objects.count()

    call_command("load_demo", "--force", stdout=StringIO())

    assert list(Translation.objects.order_by("pk").values()) == before
    assert TranslationRevision.objects.count() == revisions
    assert revisions >= len(before) > 0


def test_load_demo_french_project_reads_in_swedish(demo, client):
    client.force_login(User.objects.get(email="lars.eriksson@demo.alliance.example"))
    with translation.override(ContentLanguage.SWEDISH):
        url = reverse("projects:detail", args=["experimentation-place-de-la-grille"])

    response = client.get(url)

    assert url.startswith("/sv/projects/")
    assert response.status_code == 200
    content = response.content.decode()
    swedish = TRANSLATIONS["experimentation-place-de-la-grille"][ContentLanguage.SWEDISH]
    assert swedish["title"] in content
    assert swedish["summary"] in content
    assert 'lang="sv"' in content


def test_load_demo_project_pages_show_provenance_and_the_out_of_date_one(demo, client):
    client.force_login(User.objects.get(email="lars.eriksson@demo.alliance.example"))
    stale_slug, stale_language, _, _ = OUT_OF_DATE

    with translation.override(stale_language):
        stale = client.get(reverse("projects:detail", args=[stale_slug])).content.decode()
        current = client.get(
            reverse("projects:detail", args=["experimentation-place-de-la-grille"])
        ).content.decode()

    assert 'class="stale"' in note(stale)
    assert "Elin Berg" in note(stale)  # the reviewer of the fields the machine made
    assert ENGINE_LABEL in note(stale)
    assert 'class="stale"' not in note(current)
    assert "Elin Berg" in note(current)  # the translator


def test_load_demo_swedish_member_reads_every_project_title_in_swedish(demo, client):
    client.force_login(User.objects.get(email="lars.eriksson@demo.alliance.example"))
    with translation.override(ContentLanguage.SWEDISH):
        url = reverse("projects:list")

    content = response_text(client.get(url))

    for data in PROJECTS:
        if data["language"] == ContentLanguage.SWEDISH:
            assert data["title"] in content
        else:
            assert TRANSLATIONS[data["slug"]][ContentLanguage.SWEDISH]["title"] in content
            assert data["title"] not in content
