"""Every page that shows projects runs a fixed number of queries, with 2 projects as with 200.

The rich project's relations grow with the data too: 2 or 20 links, comments with a reply each,
pictures, documents, contacts, and 2 or 200 revisions. Budgets are the measured count plus one;
where PostgreSQL needs one more query (search snippets) both counts are noted. Tag translations
and the glossary are read once per version of each (a fresh process, a changed glossary): lists
showing tags count the tag translations, searches both, as they expand the query. Pages with follow
buttons are measured as in a fresh process, the follow button's content type not yet cached (one
query less once it is).
"""

import re
from dataclasses import dataclass

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from projects.matching import compute_all_matches
from projects.models import Project, ProjectImage, ProjectLink, ProjectRevision
from tests.factories import (
    bulk_projects,
    make_comment,
    make_document,
    make_membership,
    make_project,
    make_user,
    picture_bytes,
)

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<li class="card project-card(?: has-cover)?">')


@dataclass
class Data:
    size: int  # projects in the database
    related: int  # comments, pictures, documents, contacts of the rich project
    links: int  # related projects linked from it
    project: Project


@pytest.fixture(params=[2, 200], ids=["2-projects", "200-projects"])
def data(request, author, member, other_city_member):
    size = request.param
    related = 2 if size == 2 else 20
    project = make_project(
        author=author,
        title="Place de la Grille",
        themes=("public-spaces", "citizen-participation"),
        sdgs=(5, 11),
        tags=("gender", "public space"),
    )
    # Gothenburg first: 1 peer project in Sweden with 2 projects, 100 with 200.
    others = bulk_projects(size - 1, cities=("gothenburg", "saint-brieuc"))
    ProjectLink.objects.bulk_create(
        ProjectLink(from_project=project, to_project=other) for other in others[:related]
    )
    for number in range(related):
        comment = make_comment(project=project, author=other_city_member, body=f"Question {number}")
        make_comment(project=project, author=member, body=f"Answer {number}", parent=comment)
        picture = ProjectImage(project=project, alt_text=f"Picture {number}", position=number)
        picture.image.save("p.png", ContentFile(picture_bytes((8, 8))), save=False)
        picture.save()
        contact = make_user(full_name=f"Contact {number:02d}")
        make_membership(user=contact, city="saint-brieuc")
        project.contacts.add(contact)
    ProjectRevision.objects.bulk_create(
        ProjectRevision(
            project=project,
            number=number,
            author=member,
            snapshot={
                "title": f"Title {number}",
                "themes": [1, 2] if number % 2 else [1],
                "contacts": [member.pk],
            },
            changed_fields=["title", "themes"],
        )
        for number in range(2, size + 1)
    )
    compute_all_matches()  # bulk_projects leaves the peer matches to be computed
    return Data(size=size, related=related, links=min(related, size - 1), project=project)


def cards(response) -> int:
    return len(CARD.findall(response.content.decode()))


# --- List and search ---------------------------------------------------------------------------


def test_project_list_budget_anonymous(anonymous_client, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):  # measured: 11 (with the tag translations)
        response = anonymous_client.get("/en/projects/")

    assert cards(response) == min(data.size, 20)
    assert f"{data.size} projects" in response.content.decode()


def test_project_list_budget_member(member_client, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):  # measured: 14 (with the tag translations)
        response = member_client.get("/en/projects/")

    assert cards(response) == min(data.size, 20)


def test_project_list_budget_with_every_filter(
    anonymous_client, data, django_assert_max_num_queries
):
    query = "theme=public-spaces&country=SE&status=ongoing&sdg=11&tag=mobility&q=bulk"

    # measured: 13 (SQLite), 14 (PostgreSQL), with the tag translations and the glossary; fewer
    # when nothing matches (no themes, goals or tags to name)
    with django_assert_max_num_queries(15):
        response = anonymous_client.get(f"/en/projects/?{query}")

    assert response.status_code == 200
    assert 'class="errorlist"' not in response.content.decode()


def test_search_budget_anonymous(anonymous_client, data, django_assert_max_num_queries):
    # measured: 8 (SQLite), 9 (PostgreSQL), with the matching questions, the tag translations
    # and the glossary
    with django_assert_max_num_queries(10):
        response = anonymous_client.get("/en/search/", {"q": "bulk"})

    assert cards(response) == min(data.size - 1, 20)


def test_search_budget_member(member_client, data, django_assert_max_num_queries):
    # measured: 11 (SQLite), 12 (PostgreSQL), with the matching questions, the tag translations
    # and the glossary
    with django_assert_max_num_queries(13):
        response = member_client.get("/en/search/", {"q": "bulk"})

    assert cards(response) == min(data.size - 1, 20)


# --- Project pages -----------------------------------------------------------------------------


def test_project_detail_budget_anonymous(anonymous_client, data, django_assert_num_queries):
    for number in range(data.related):
        make_document(project=data.project, title=f"Document {number}")
    ContentType.objects.clear_cache()  # as in a fresh process

    # 1 or 100 peer projects in Sweden: the stored matches are read in one query, their themes,
    # goals, tags and method uses in four, whatever their number; the translations shown are
    # one query (the tag translations were read when the matches were computed); the project's
    # own method uses with their methods, one ("Methods and tools used", shared with the matches).
    with django_assert_num_queries(18):
        response = anonymous_client.get(data.project.get_absolute_url())

    html = response.content.decode()
    related = html[html.index('id="related-heading"') :]
    assert related[: related.index("</section>")].count('<li class="card">') == data.links
    assert html.count("download>Document") == data.related
    assert html.count('alt="Picture') == data.related
    elsewhere = html[html.index('id="elsewhere-heading"') :]
    assert elsewhere[: elsewhere.index("</section>")].count('<p class="reasons">') == (
        1 if data.size == 2 else 6
    )


def test_project_detail_budget_member(member_client, data, django_assert_num_queries):
    for number in range(data.related):
        make_document(project=data.project, title=f"Document {number}")
    ContentType.objects.clear_cache()  # as in a fresh process

    # With 1 or 100 peer projects in Sweden: matches (five queries, with their method uses),
    # the project's own method uses (one), questions about the project, the follow button, the
    # translations shown, the open partner searches (one).
    with django_assert_num_queries(26):
        response = member_client.get(data.project.get_absolute_url())

    html = response.content.decode()
    assert html.count('<article class="comment"') == 2 * data.related
    assert html.count("mailto:") == data.related


def test_project_history_budget_anonymous(anonymous_client, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):  # measured: 7 (one page of revisions: 6)
        response = anonymous_client.get(f"/en/projects/{data.project.slug}/history/")

    assert response.content.decode().count('<li id="revision-') == min(data.size, 20)


def test_project_history_budget_member(member_client, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(11):  # measured: 10 (one page of revisions: 9)
        response = member_client.get(f"/en/projects/{data.project.slug}/history/")

    assert response.content.decode().count("Restore revision") == min(data.size, 20) - 1


def test_project_new_budget(member_client, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):  # measured: 14
        response = member_client.get("/en/projects/new/")

    assert response.status_code == 200


def test_project_edit_budget(member_client, data, django_assert_max_num_queries):
    # measured: 20 with 1 link; 37 with 20 — each link form queries the projects again.
    with django_assert_max_num_queries(21):
        response = member_client.get(f"/en/projects/{data.project.slug}/edit/")

    assert response.status_code == 200
    total = min(data.links + 2, 20)  # two empty rows, at most 20 links
    assert f'name="links-TOTAL_FORMS" value="{total}"' in response.content.decode()


# --- Pages that list projects --------------------------------------------------------------------


def test_home_budget_anonymous(anonymous_client, data, django_assert_max_num_queries):
    # measured: 7 (upcoming events, open questions, recent answers)
    with django_assert_max_num_queries(8):
        response = anonymous_client.get("/en/")

    assert cards(response) == min(data.size, 6)


def test_home_budget_member(member_client, data, django_assert_max_num_queries):
    # measured: 12 (upcoming events, open questions, recent comments and answers)
    with django_assert_max_num_queries(13):
        response = member_client.get("/en/")

    assert cards(response) == min(data.size, 6)


def test_city_detail_budget_anonymous(anonymous_client, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):  # measured: 8 (questions, follow button, map)
        response = anonymous_client.get("/en/cities/saint-brieuc/")

    in_city = Project.objects.filter(city__slug="saint-brieuc").count()
    assert cards(response) == min(in_city, 12)


def test_city_detail_budget_member(member_client, data, django_assert_max_num_queries):
    # measured: 15 (questions, follow button, map, open partner searches)
    with django_assert_max_num_queries(16):
        response = member_client.get("/en/cities/saint-brieuc/")

    in_city = Project.objects.filter(city__slug="saint-brieuc").count()
    assert cards(response) == min(in_city, 12)


def test_theme_detail_budget_anonymous(anonymous_client, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):  # measured: 8 (questions, follow button, map)
        response = anonymous_client.get("/en/themes/public-spaces/")

    assert cards(response) == min(data.size, 12)


def test_theme_detail_budget_member(member_client, data, django_assert_max_num_queries):
    # measured: 12 (upcoming events, questions, follow button)
    with django_assert_max_num_queries(13):
        response = member_client.get("/en/themes/public-spaces/")

    assert cards(response) == min(data.size, 12)
