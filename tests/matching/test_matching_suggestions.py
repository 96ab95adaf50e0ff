"""/<lang>/suggestions/: for a member's city, matched peer projects of the other country, its
open questions the city's projects could answer, and people there with expertise in the city's
themes (directory opt-in only)."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from cities.enums import MembershipStatus
from core.enums import Visibility
from projects.matching import compute_all_matches
from tests.factories import (
    bulk_members,
    bulk_projects,
    bulk_questions,
    make_member,
    make_membership,
    make_project,
    make_question,
    make_user,
)
from themes.models import Theme

pytestmark = pytest.mark.django_db

PROJECT = re.compile(r'<h3><a href="[^"]+" lang="\w+">([^<]+)</a></h3>')
QUESTION = re.compile(r'<li class="card question-card">\s*<h3><a href="[^"]+"[^>]*>([^<]+)</a>')
PERSON = re.compile(r'<li><strong>(?:<a href="[^"]+">)?([^<]+)(?:</a>)?</strong>')


def part(response, heading: str) -> str:
    html = response.content.decode()
    start = html.index(f'id="{heading}"')
    return html[start : html.index("</section>", start)]


def expert(city: str, full_name: str, themes=("public-spaces",), **fields):
    fields.setdefault("in_directory", True)
    person = make_member(city=city, full_name=full_name, **fields)
    person.expertise.set(Theme.objects.filter(slug__in=themes))
    return person


# --- What is suggested -------------------------------------------------------------------------


def test_suggestions_rank_peer_projects_of_the_other_country_with_reasons(member_client, grille):
    make_project(city="gothenburg", title="One theme", themes=("public-spaces",))
    make_project(
        city="umea",
        title="Two themes and a tag",
        themes=("public-spaces", "citizen-participation"),
        tags=("gender",),
    )
    make_project(city="paris", title="French twin", themes=("public-spaces",))
    make_project(title="Our other project", themes=("public-spaces",))

    response = member_client.get("/en/suggestions/")

    matches = part(response, "matches-heading")
    assert "<h1>Suggestions for Saint-Brieuc</h1>" in response.content.decode()
    assert PROJECT.findall(matches) == ["Two themes and a tag", "One theme"]
    assert re.findall(r'<p class="reasons">([^<]+)</p>', matches)[0] == (
        "Both: Citizen participation for more sustainable lifestyles, "
        "Redesigning public spaces for every use and many uses, tag “gender”"
    )


def test_suggestions_offer_a_bilateral_meeting_for_each_match(member_client, grille):
    peer = make_project(city="umea", title="Umeå square", themes=("public-spaces",))

    matches = part(member_client.get("/en/suggestions/"), "matches-heading")

    assert 'action="/en/events/propose/"' in matches
    assert f'name="project" value="{peer.pk}"' in matches
    assert f'name="city" value="{grille.city.pk}"' in matches
    assert "Propose a bilateral meeting with Umeå" in matches


def test_suggestions_list_open_questions_of_the_other_country_on_the_citys_themes(
    member_client, grille
):
    make_question(city="gothenburg", title="Gothenburg on squares?", themes=("public-spaces",))
    make_question(
        city="umea",
        title="Umeå on squares and participation?",
        themes=("public-spaces", "citizen-participation"),
    )
    make_question(city="umea", title="Closed in Umeå?", closed=True)
    make_question(city="paris", title="Paris on squares?")
    make_question(city="malmo", title="Malmö on innovation?", themes=("innovation",))

    questions = part(member_client.get("/en/suggestions/"), "questions-heading")

    # Most shared themes first.
    assert QUESTION.findall(questions) == [
        "Umeå on squares and participation?",
        "Gothenburg on squares?",
    ]


def test_suggestions_list_people_of_the_other_country_in_the_directory_with_the_themes(
    member_client, grille
):
    expert("umea", "Elin Expert", themes=("public-spaces", "citizen-participation"))
    expert("gothenburg", "Sofia Square")
    expert("gothenburg", "Hidden Expert", in_directory=False)
    expert("paris", "French Expert")
    expert("malmo", "Innovation Only", themes=("innovation",))
    pending = make_user(full_name="Pending Swede", in_directory=True)
    pending.expertise.set(Theme.objects.filter(slug="public-spaces"))
    make_membership(user=pending, city="boras", status=MembershipStatus.PENDING)

    people = part(member_client.get("/en/suggestions/"), "people-heading")

    assert PERSON.findall(people) == ["Elin Expert", "Sofia Square"]
    assert "Umeå" in people
    assert "Hidden Expert" not in people


def test_suggestions_use_the_members_own_themes_of_expertise(login, member):
    member.expertise.set(Theme.objects.filter(slug="innovation"))
    make_project(city="malmo", title="Malmö innovation", themes=("innovation",))

    response = login(member).get("/en/suggestions/")

    assert PROJECT.findall(part(response, "matches-heading")) == ["Malmö innovation"]


def test_suggestions_without_anything_shared_say_so(member_client):
    response = member_client.get("/en/suggestions/")

    html = response.content.decode()
    assert "No match yet: share your city's projects" in html
    assert "No open question on your themes in the other country." in html
    assert "Nobody in the other country lists expertise in your themes yet." in html


def test_suggestions_for_a_member_of_several_cities_switch_with_the_city_parameter(login):
    both = make_member(city="saint-brieuc")
    make_membership(user=both, city="gothenburg")
    make_project(city="saint-brieuc", title="Brieuc square", themes=("public-spaces",))
    make_project(city="gothenburg", title="Gothenburg square", themes=("public-spaces",))
    make_project(city="paris", title="Paris square", themes=("public-spaces",))
    make_project(city="umea", title="Umeå square", themes=("public-spaces",))
    client = login(both)

    default = client.get("/en/suggestions/")
    french = client.get("/en/suggestions/?city=saint-brieuc")

    assert "<h1>Suggestions for Gothenburg</h1>" in default.content.decode()
    # Equal points and words: the newest first.
    assert PROJECT.findall(part(default, "matches-heading")) == ["Paris square", "Brieuc square"]
    assert 'href="?city=saint-brieuc"' in default.content.decode()
    assert "<h1>Suggestions for Saint-Brieuc</h1>" in french.content.decode()
    assert PROJECT.findall(part(french, "matches-heading")) == [
        "Umeå square",
        "Gothenburg square",
    ]


def test_suggestions_ignore_a_city_the_member_does_not_belong_to(member_client, grille):
    response = member_client.get("/en/suggestions/?city=gothenburg")

    assert "<h1>Suggestions for Saint-Brieuc</h1>" in response.content.decode()


def test_suggestions_list_members_only_peers_to_members(member_client, grille):
    make_project(
        city="umea",
        title="Members-only peer",
        themes=("public-spaces",),
        visibility=Visibility.MEMBERS,
    )

    response = member_client.get("/en/suggestions/")

    assert PROJECT.findall(part(response, "matches-heading")) == ["Members-only peer"]


# --- Who may see them --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 200),  # told how to get suggestions (tests/alliance_portal/test_main_menu.py)
        ("member", 200),
        ("other_city_member", 200),
        ("other_city_coordinator", 200),
        ("city_coordinator", 200),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_suggestions_are_for_approved_members_of_a_city(client_for, grille, role, status):
    make_project(
        city="umea",
        title="Members-only peer",
        themes=("public-spaces",),
        visibility=Visibility.MEMBERS,
    )

    response = client_for(role).get("/en/suggestions/")

    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"] == "/en/accounts/login/?next=/en/suggestions/"
    assert ("Members-only peer" in response.content.decode()) is (
        status == 200 and role in {"member", "city_coordinator"}
    )


# --- Query budget ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [2, 1000], ids=["2-projects", "1000-projects"])
def test_suggestions_budget(member_client, size, django_assert_num_queries):
    """500 projects in Saint-Brieuc and 500 in Gothenburg share themes, a goal and a tag; open
    questions and experts in Sweden too."""
    bulk_projects(size)
    bulk_questions(size // 10 or 1, cities=("gothenburg",))
    for person in bulk_members(size // 20 or 1, city="gothenburg"):
        person.in_directory = True
        person.save(update_fields=["in_directory"])
        person.expertise.set(Theme.objects.filter(slug="public-spaces"))
    compute_all_matches()
    ContentType.objects.clear_cache()  # as in a fresh process

    # The city's stored profile and matches (two queries), the methods its projects used (one),
    # the matches' themes, goals, tags and method uses (four), the matches' titles in the
    # reader's language (two, with the content type), the questions (two), their translations
    # (two, with the content type), the people (three); the city's projects are not loaded.
    with django_assert_num_queries(21):
        response = member_client.get("/en/suggestions/")

    assert len(PROJECT.findall(part(response, "matches-heading"))) == min(size // 2, 10)
    assert len(QUESTION.findall(part(response, "questions-heading"))) == min(size // 10 or 1, 10)
    assert len(PERSON.findall(part(response, "people-heading"))) == min(size // 20 or 1, 10)


@pytest.mark.parametrize("language", ["en", "fr", "sv"])
def test_suggestions_answer_under_each_language_prefix(login, member, grille, language):
    make_project(city="umea", title="Umeå square", themes=("public-spaces",))

    response = login(member).get(f"/{language}/suggestions/")

    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()
    assert PROJECT.findall(part(response, "matches-heading")) == ["Umeå square"]


def test_suggestions_show_the_peers_titles_in_the_readers_language(login, member, grille):
    from languages.services import save_translation

    peer = make_project(
        city="umea", title="Torget för alla", themes=("public-spaces",), content_language="sv"
    )
    member.languages_spoken = ["fr", "sv"]
    member.save(update_fields=["languages_spoken"])
    save_translation(obj=peer, language="fr", texts={"title": "La place pour tous"}, by=member)

    matches = part(login(member).get("/fr/suggestions/"), "matches-heading")

    assert '<a href="/fr/projects/' in matches
    assert 'lang="fr">La place pour tous</a>' in matches
    assert "Torget för alla" not in matches
