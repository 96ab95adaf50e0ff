"""Pages that show projects cost the same queries with translations as without, with one
project as with 200 (each translated into French and Swedish, several fields each).

Measured as in a fresh process: the content types, the glossary's terms and the tag
translations are read once (then cached)."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from languages.enums import TranslationOrigin
from languages.models import Translation, text_digest
from projects.matching import compute_all_matches
from projects.models import Project
from tests.factories import bulk_projects, make_comment

pytestmark = pytest.mark.django_db

FIELDS = ("title", "summary", "description")


def translate_all(projects: list[Project]) -> None:
    content_type = ContentType.objects.get_for_model(Project)
    Translation.objects.bulk_create(
        Translation(
            content_type=content_type,
            object_id=project.pk,
            field=field,
            language=language,
            source_language=project.content_language,
            text=f"{field} {language} {project.pk}",
            source_digest=text_digest(getattr(project, field)),
            origin=TranslationOrigin.MACHINE,
            engine="libretranslate",
            engine_version="1.6",
        )
        for project in projects
        for language in ("fr", "sv")
        for field in FIELDS
    )


@pytest.fixture(
    params=[(1, False), (1, True), (200, False), (200, True)],
    ids=["1-plain", "1-translated", "200-plain", "200-translated"],
)
def projects(request, member):
    count, translated = request.param
    made = bulk_projects(count, description="A description.")
    for project in made[:2]:
        make_comment(project=project, author=member, body="A comment.")
    if translated:
        translate_all(made)
    compute_all_matches()  # bulk_projects leaves the peer matches to be computed
    cache.clear()  # measured as in a fresh process: the tag translations not read yet
    ContentType.objects.clear_cache()  # measured as in a fresh process
    return made, translated


def _get(client, url, django_assert_num_queries, queries):
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_project_list_in_french(anonymous_client, projects, django_assert_num_queries):
    made, translated = projects
    html = _get(anonymous_client, "/fr/projects/", django_assert_num_queries, 13)
    newest = made[-1]
    if translated:
        assert f'lang="fr">title fr {newest.pk}</a>' in html
    else:
        assert f'lang="en">{newest.title}</a>' in html


def test_project_list_for_a_member_in_swedish(member_client, projects, django_assert_num_queries):
    made, translated = projects
    html = _get(member_client, "/sv/projects/", django_assert_num_queries, 16)
    assert (f"title sv {made[-1].pk}" in html) is translated


def test_project_detail_in_swedish(member_client, projects, django_assert_num_queries):
    made, translated = projects
    project = made[0]
    # Alone, a project has no peers in the other country to show (their cards: 4 queries,
    # with their method uses). The open partner searches about the project: one query; the
    # methods and tools the project used, one.
    queries = 24 if len(made) == 1 else 28
    html = _get(member_client, f"/sv/projects/{project.slug}/", django_assert_num_queries, queries)
    assert (f"<h1>title sv {project.pk}</h1>" in html) is translated


def test_home_in_french(anonymous_client, projects, django_assert_num_queries):
    made, translated = projects
    # The recent answers of the activity list: one query more than the list pages.
    html = _get(anonymous_client, "/fr/", django_assert_num_queries, 9)
    assert (f"title fr {made[-1].pk}" in html) is translated


def test_city_page_in_swedish(anonymous_client, projects, django_assert_num_queries):
    made, translated = projects
    html = _get(anonymous_client, "/sv/cities/saint-brieuc/", django_assert_num_queries, 10)
    shown = re.findall(r'<h3><a href="/sv/projects/[^"]+/" lang="(\w+)">', html)
    assert shown  # the city's newest projects, each in Swedish when translated
    assert set(shown) == ({"sv"} if translated else {"en"})
