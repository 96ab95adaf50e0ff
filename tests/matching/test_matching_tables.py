"""Stored peer matches: the task queued by the project services keeps every list right on
create, edit, delete and undelete; the bulk command gives the same lists; pages read them."""

import random
from io import StringIO

import pytest
from django.core.management import call_command

from cities.models import City
from core.enums import Visibility
from projects.matching import TOP_K, compute_all_matches
from projects.models import CityMatch, CityMatchProfile, Project, ProjectMatch
from projects.services import project_delete, project_save, project_undelete
from tests.factories import make_project
from themes.models import SustainableDevelopmentGoal, Theme

pytestmark = pytest.mark.django_db

THEMES = ("public-spaces", "citizen-participation", "innovation", "rural-development")
TAGS = ("gender", "mobility", "espace public", "offentligt rum", "housing")
WORDS = "benches square harbour trees cycling market school library garden heat".split()


def stored(project: Project) -> list[str]:
    return list(
        ProjectMatch.objects.filter(project=project)
        .order_by("-score", "-match__created_at", "-match_id")
        .values_list("match__title", flat=True)
    )


def save(project: Project, user, themes=("public-spaces",), tags=(), sdgs=()) -> Project:
    return project_save(
        project=project,
        user=user,
        themes=Theme.objects.filter(slug__in=themes),
        sdgs=SustainableDevelopmentGoal.objects.filter(number__in=sdgs),
        tags=tags,
    )


def new_project(city: str, title: str, **fields) -> Project:
    return Project(
        city=City.objects.get(slug=city),
        title=title,
        summary=fields.pop("summary", "Nothing alike here."),
        lead_organisation="The city",
        content_language="en",
        **fields,
    )


# --- The task, through the services --------------------------------------------------------------


def test_a_new_project_enters_its_peers_list(
    grille, other_city_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        peer = save(new_project("gothenburg", "Swedish square"), other_city_member)

    assert stored(grille) == ["Swedish square"]
    assert stored(peer) == ["Place de la Grille"]
    assert ProjectMatch.objects.get(project=grille).score == 3.0


def test_an_edited_project_leaves_the_list_it_no_longer_matches(
    grille, other_city_member, django_capture_on_commit_callbacks
):
    peer = make_project(city="gothenburg", title="Swedish square", author=other_city_member)
    make_project(city="umea", title="Umeå square")
    assert stored(grille) == ["Umeå square", "Swedish square"]

    with django_capture_on_commit_callbacks(execute=True):
        save(peer, other_city_member, themes=("innovation",))

    assert stored(grille) == ["Umeå square"]
    assert stored(peer) == []


def test_an_edit_that_shares_more_moves_the_project_up(
    grille, other_city_member, django_capture_on_commit_callbacks
):
    peer = make_project(city="gothenburg", title="Swedish square", author=other_city_member)
    make_project(city="umea", title="Umeå square")

    with django_capture_on_commit_callbacks(execute=True):
        save(peer, other_city_member, themes=("public-spaces",), tags=("gender",), sdgs=(11,))

    assert stored(grille) == ["Swedish square", "Umeå square"]
    assert ProjectMatch.objects.get(project=grille, match=peer).score == 6.0


def test_a_deleted_project_leaves_every_list_and_comes_back_when_undeleted(
    grille, other_city_member, staff, django_capture_on_commit_callbacks
):
    peer = make_project(city="gothenburg", title="Swedish square", author=other_city_member)

    with django_capture_on_commit_callbacks(execute=True):
        project_delete(project=peer, user=staff)

    assert stored(grille) == []
    assert not ProjectMatch.objects.filter(project=peer).exists()
    assert not CityMatch.objects.filter(match=peer).exists()

    with django_capture_on_commit_callbacks(execute=True):
        project_undelete(project=peer)

    assert stored(grille) == ["Swedish square"]
    assert stored(peer) == ["Place de la Grille"]


def test_a_project_moved_to_the_other_country_leaves_the_lists_of_its_new_compatriots(
    grille, network_coordinator, django_capture_on_commit_callbacks
):
    peer = make_project(city="gothenburg", title="Swedish square", author=network_coordinator)
    peer.city = City.objects.get(slug="paris")

    with django_capture_on_commit_callbacks(execute=True):
        save(peer, network_coordinator)

    assert stored(grille) == []
    assert stored(peer) == []


def test_a_full_list_takes_a_better_newcomer_and_drops_its_last(
    grille, other_city_member, django_capture_on_commit_callbacks
):
    for number in range(TOP_K):
        make_project(city="gothenburg", title=f"Peer {number}", sdgs=(11,))
    oldest = "Peer 0"
    assert len(stored(grille)) == TOP_K

    with django_capture_on_commit_callbacks(execute=True):
        save(new_project("umea", "Better peer"), other_city_member, tags=("gender",))

    titles = stored(grille)
    assert len(titles) == TOP_K
    assert titles[0] == "Better peer"
    assert oldest not in titles


def test_members_only_matches_are_stored_but_shown_to_members_only(
    grille, anonymous_client, member_client
):
    make_project(city="gothenburg", title="Secret peer", visibility=Visibility.MEMBERS)

    assert stored(grille) == ["Secret peer"]
    assert "Secret peer" not in anonymous_client.get(grille.get_absolute_url()).content.decode()
    assert "Secret peer" in member_client.get(grille.get_absolute_url()).content.decode()


def test_the_city_lists_follow_a_new_project(grille):
    make_project(city="umea", title="Umeå square", tags=("gender",))

    saint_brieuc = CityMatch.objects.get(city__slug="saint-brieuc")
    assert saint_brieuc.match.title == "Umeå square"
    assert CityMatch.objects.get(city__slug="umea").match == grille
    profile = CityMatchProfile.objects.get(city__slug="saint-brieuc")
    assert profile.project_count == 1
    assert profile.tag_keys == ["concept:gender"]


# --- The bulk command ----------------------------------------------------------------------------


def snapshot():
    return (
        sorted(ProjectMatch.objects.values_list("project_id", "match_id", "score")),
        sorted(CityMatch.objects.values_list("city_id", "match_id", "score")),
        sorted(
            CityMatchProfile.objects.values_list(
                "city_id", "theme_ids", "sdg_ids", "tag_keys", "project_count"
            )
        ),
    )


def test_the_bulk_command_gives_the_lists_the_task_keeps(
    member, other_city_member, staff, django_capture_on_commit_callbacks
):
    rng = random.Random(7)
    cities = ["saint-brieuc", "paris", "grenoble", "gothenburg", "umea", "malmo"]
    projects = [
        make_project(
            city=rng.choice(cities),
            title=" ".join(rng.sample(WORDS, 3)),
            summary=" ".join(rng.sample(WORDS, 4)) + ".",
            themes=tuple(rng.sample(THEMES, rng.randint(1, 2))),
            tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
            sdgs=tuple(rng.sample(range(1, 18), rng.randint(0, 2))),
            author=staff,
        )
        for _ in range(40)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for project in projects[:5]:
            project_delete(project=project, user=staff)
        for project in projects[5:10]:
            save(project, staff, themes=(rng.choice(THEMES),), tags=(rng.choice(TAGS),))
        project_undelete(project=projects[0])
    kept = snapshot()
    assert len(kept[0]) > 20 * TOP_K  # most lists are full: projects entered and left them

    out = StringIO()
    ProjectMatch.objects.all().delete()
    CityMatch.objects.all().delete()
    call_command("compute_matches", stdout=out)

    assert snapshot() == kept
    assert "Peer matches of 36 projects" in out.getvalue()


def test_the_bulk_command_fills_the_lists_of_projects_written_in_bulk(grille):
    Project.objects.bulk_create([new_project("gothenburg", "Bulk peer", slug="bulk-peer")])
    Project.themes.through.objects.create(
        project=Project.objects.get(slug="bulk-peer"), theme=Theme.objects.get(slug="innovation")
    )
    grille.tags.add("innovation")
    assert stored(grille) == []

    compute_all_matches()

    assert stored(grille) == []  # a tag named like a theme is not the theme
    Project.themes.through.objects.create(
        project=Project.objects.get(slug="bulk-peer"),
        theme=Theme.objects.get(slug="public-spaces"),
    )
    compute_all_matches()
    assert stored(grille) == ["Bulk peer"]
