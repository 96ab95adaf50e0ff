"""Reading a project in one's language: the translation with its provenance, the original a
click away, the out-of-date notice, and the same number of queries with or without translations."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from core.dates import localtime
from languages.models import Translation
from languages.services import save_machine_translation, save_translation
from projects.models import Project

SWEDISH = {
    "title": "Place de la Grille i omställning",
    "summary": "Ett torg som gjorts om med sina användare.",
    "description": "Den reviderade PLU tillåter ett bygglov för kiosken.",
}


def in_swedish(message: str, **values) -> str:
    with translation.override("sv"):
        return gettext(message) % values


def when(item: Translation, language: str = "sv") -> str:
    with translation.override(language):
        return date_format(localtime(item.updated_at), "DATE_FORMAT")


def swedish_page(client, project, query: str = "") -> str:
    response = client.get(f"/sv/projects/{project.slug}/{query}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def translated(french_project, translator):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    return french_project


def test_swedish_reader_sees_the_swedish_translation(anonymous_client, translated):
    html = swedish_page(anonymous_client, translated)

    assert '<article class="project" id="project-text" lang="sv">' in html
    assert f"<h1>{SWEDISH['title']}</h1>" in html
    assert f'<p class="lead" lang="sv">{SWEDISH["summary"]}</p>' in html
    description = re.search(
        r'<section aria-labelledby="description-heading" id="description">.*?</section>', html, re.S
    ).group(0)
    assert '<div class="prose" lang="sv">' in description
    assert "kiosken" in description
    # Untranslated fields stay in French, and say so.
    approach = re.search(r'<section aria-labelledby="approach-heading".*?</section>', html, re.S)
    assert '<div class="prose" lang="fr">' in approach.group(0)
    assert "Des ateliers chaque samedi." in approach.group(0)
    assert f'<span aria-current="page" lang="sv">{SWEDISH["title"]}</span>' in html
    assert f"<title>{SWEDISH['title']}" in html
    assert "Place de la Grille en transition" not in html


def test_swedish_page_states_the_provenance_and_links_to_the_original(anonymous_client, translated):
    html = swedish_page(anonymous_client, translated)

    title = Translation.objects.get(field="title")
    provenance = in_swedish(
        "Translated from French by %(person)s on %(date)s.",
        person="Sofia Gothenburg",
        date=when(title),
    )
    note = re.search(r'<div class="translation-note" lang="sv">.*?</div>', html, re.S).group(0)
    assert provenance in note
    assert "sofia.gothenburg@example.org" not in html
    link = in_swedish("Show the original, in French")
    assert f'<a href="/sv/projects/{translated.slug}/?original=1#project-text">{link}</a>' in note
    assert "stale" not in note


def test_original_is_one_click_away(anonymous_client, translated):
    html = swedish_page(anonymous_client, translated, "?original=1")

    assert '<article class="project" id="project-text" lang="fr">' in html
    assert "<h1>Place de la Grille en transition</h1>" in html
    assert '<p class="lead" lang="fr">Une place réaménagée' in html
    assert '<div class="prose" lang="fr">' in html
    assert SWEDISH["summary"] not in html
    assert f'href="/sv/projects/{translated.slug}/#project-text"' in html


def test_out_of_date_translation_says_so(anonymous_client, translated):
    Project.objects.filter(pk=translated.pk).update(description="Le PLU change encore.")

    html = swedish_page(anonymous_client, translated)

    stale = in_swedish("The original has changed since: this translation is out of date.")
    assert f'<strong class="stale">{stale}</strong>' in html
    # Still shown, still in Swedish, for someone to update.
    assert "kiosken" in html


def test_out_of_date_notice_goes_once_the_translation_is_updated(
    anonymous_client, translated, translator
):
    Project.objects.filter(pk=translated.pk).update(description="Le PLU change encore.")
    save_translation(
        obj=Project.objects.get(pk=translated.pk),
        language="sv",
        texts={"description": "PLU ändras igen."},
        by=translator,
    )

    html = swedish_page(anonymous_client, translated)

    assert 'class="stale"' not in html
    assert "PLU" in html and "ändras igen." in html


def test_english_reader_sees_the_original(anonymous_client, translated):
    html = anonymous_client.get(f"/en/projects/{translated.slug}/").content.decode()

    assert '<article class="project" id="project-text" lang="fr">' in html
    assert "<h1>Place de la Grille en transition</h1>" in html
    assert "Written in French, not translated yet." in html
    assert SWEDISH["title"] not in html


def test_french_reader_sees_the_original_without_a_note(anonymous_client, translated):
    html = anonymous_client.get(f"/fr/projects/{translated.slug}/").content.decode()

    assert "<h1>Place de la Grille en transition</h1>" in html
    assert SWEDISH["title"] not in html
    assert "?original=1" not in html


def test_machine_translation_says_which_engine(anonymous_client, french_project):
    save_machine_translation(
        obj=french_project,
        language="sv",
        texts={"title": "PLACE DE LA GRILLE"},
        engine="libretranslate",
        engine_version="1",
    )

    html = swedish_page(anonymous_client, french_project)

    item = Translation.objects.get()
    machine = in_swedish(
        "Machine-translated from French by %(engine)s on %(date)s.",
        engine="LibreTranslate 1",
        date=when(item),
    )
    assert f"{machine} {in_swedish('Not reviewed by a person yet.')}" in html


def test_translator_is_offered_to_improve_the_translation(login, translated, translator):
    html = swedish_page(login(translator), translated)

    assert (
        f'href="/sv/translations/projects.project/{translated.pk}/sv/?next=%2Fsv%2Fprojects%2F'
        f'{translated.slug}%2F"'
    ) in html
    assert f"/sv/translations/projects.project/{translated.pk}/en/" in html


def test_reader_who_cannot_translate_gets_no_translate_link(login, translated, member):
    html = swedish_page(login(member), translated)

    assert "/translations/" not in html


# --- Query budget --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        {},
        {"title": "Svensk titel"},
        {**SWEDISH, "approach": "Verkstäder varje lördag."},
    ],
    ids=["none", "one-field", "four-fields"],
)
def test_project_detail_query_count_does_not_grow_with_translations(
    anonymous_client, french_project, translator, django_assert_num_queries, texts
):
    if texts:
        save_translation(obj=french_project, language="sv", texts=texts, by=translator)
    ContentType.objects.clear_cache()
    anonymous_client.get(f"/sv/projects/{french_project.slug}/")  # warm the caches

    # With the methods and tools the project used: one query.
    with django_assert_num_queries(13):
        response = anonymous_client.get(f"/sv/projects/{french_project.slug}/")

    assert response.status_code == 200


@pytest.mark.parametrize("translated_into", ["", "sv"])
def test_project_detail_query_count_for_a_member_with_translations(
    login, french_project, translator, django_assert_num_queries, translated_into
):
    if translated_into:
        save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    client = login(translator)
    client.get(f"/sv/projects/{french_project.slug}/")

    # The open partner searches about the project: one query of them; the methods and tools
    # the project used, one.
    with django_assert_num_queries(20):
        response = client.get(f"/sv/projects/{french_project.slug}/")

    assert response.status_code == 200
