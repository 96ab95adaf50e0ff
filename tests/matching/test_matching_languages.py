"""Matching across languages: a French and a Swedish project on one subject match although they
share no word, through translated tags (shared concepts) and glossary terms (text similarity)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from projects.matching import city_profile, peer_matches, project_profile, significant_words
from projects.models import Project
from tests.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(member):
    """A French project: its tag and its glossary term are French; no theme in common below."""
    return make_project(
        author=member,
        title="Un guichet pour le permis de construire",
        summary="Instruire chaque demande en trois semaines.",
        content_language="fr",
        themes=("citizen-participation",),
        tags=("espace public",),
    )


def swedish(title: str, summary: str, tags=("offentligt rum",)) -> Project:
    return make_project(
        city="umea",
        title=title,
        summary=summary,
        content_language="sv",
        themes=("innovation",),
        tags=tags,
    )


def ranked(project: Project) -> list[tuple[str, float, list[str]]]:
    return [
        (match.project.title, match.score, match.reasons)
        for match in peer_matches(project_profile(project), AnonymousUser())
    ]


def test_french_and_swedish_projects_share_no_word(french):
    other = swedish("Snabbare bygglov", "Varje ansökan handläggs på tre veckor.")

    assert not set(significant_words(f"{french.title} {french.summary}")) & set(
        significant_words(f"{other.title} {other.summary}")
    )


def test_a_translated_tag_counts_as_a_shared_tag(french):
    swedish("Torget", "Sittplatser och växter prövas.")
    swedish("Hamnen", "Nya bostäder vid vattnet.", tags=("bostäder",))

    with translation.override("fr"):
        matches = ranked(french)

    assert [(title, score) for title, score, _reasons in matches] == [("Torget", 2.0)]
    assert matches[0][2] == ["mot-clé «\u00a0espace public\u00a0»"]


def test_a_shared_glossary_term_makes_the_text_alike(french):
    swedish("Torget", "Sittplatser och växter prövas.")
    swedish("Snabbare bygglov", "Varje ansökan handläggs på tre veckor.")

    matches = ranked(french)

    assert [title for title, _score, _reasons in matches] == ["Snabbare bygglov", "Torget"]
    assert matches[0][1] > 2.0
    assert matches[1][1] == 2.0


def test_reasons_name_the_shared_tag_in_the_readers_language(french):
    swedish("Torget", "Sittplatser och växter prövas.")

    with translation.override("sv"):
        reasons = ranked(french)[0][2]

    assert reasons == ["nyckelord ”offentligt rum”"]


def test_city_suggestions_use_translated_tags(french):
    swedish("Torget", "Sittplatser och växter prövas.")
    projects = list(Project.objects.filter(pk=french.pk).prefetch_related("themes", "sdgs", "tags"))

    matches = peer_matches(city_profile(projects, "FR"), AnonymousUser())

    assert [match.project.title for match in matches] == ["Torget"]


def test_suggestions_page_matches_across_languages(member_client, french):
    swedish("Snabbare bygglov", "Varje ansökan handläggs på tre veckor.")

    html = member_client.get("/fr/suggestions/").content.decode()

    assert "Snabbare bygglov" in html
