"""A method or tool both projects used ("we used it in…") is a reason and 3 points of a peer
match; the stored lists follow a use added or removed, however (a service, a method deleted);
pages say "Both use: <method>", naming a members-only method only to who may read it."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser

from core.enums import Visibility
from methods.services import method_delete
from projects.matching import compute_all_matches, peer_matches, project_profile
from projects.method_uses import method_use_add, method_use_remove
from projects.models import CityMatch, Project, ProjectMatch
from tests.factories import make_membership, make_project, make_user
from tests.factories.methods import make_method, make_method_use
from themes.models import Theme

pytestmark = pytest.mark.django_db


def peer(city: str, title: str, **fields) -> Project:
    """A project whose title and summary share no word with the Grille's."""
    fields.setdefault("themes", ())
    return make_project(city=city, title=title, summary="Nothing alike here.", **fields)


def stored(project: Project) -> list[tuple[str, float]]:
    return [
        (row.match.title, row.score)
        for row in ProjectMatch.objects.filter(project=project)
        .select_related("match")
        .order_by("-score", "-match__created_at")
    ]


def everything_stored() -> set[tuple[int, int, float]]:
    return set(ProjectMatch.objects.values_list("project_id", "match_id", "score"))


def both_use(response) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", line)
        for line in re.findall(r'<p class="reasons">Both use: (.*?)</p>', response.content.decode())
    ]


@pytest.fixture
def walk(member):
    return make_method(author=member, title="Gender-aware safety walk")


@pytest.fixture
def gothenburg_member(db):
    user = make_user(email="karin.gothenburg@example.org")
    make_membership(user=user, city="gothenburg")
    return user


def test_a_shared_method_adds_3_points_and_is_named(grille, walk):
    theme_only = peer("umea", "Same theme", themes=("public-spaces",))
    with_method = peer("gothenburg", "Same theme and method", themes=("public-spaces",))
    make_method_use(project=grille, method=walk)
    make_method_use(project=with_method, method=walk)
    make_method_use(project=theme_only, method=make_method(title="Another method"))

    matches = peer_matches(project_profile(grille), AnonymousUser())

    assert [(match.project.title, match.score) for match in matches] == [
        ("Same theme and method", 6.0),
        ("Same theme", 3.0),
    ]
    assert [method.shown.title for method in matches[0].methods] == ["Gender-aware safety walk"]
    assert matches[1].methods == []


def test_a_method_alone_makes_a_match(grille, walk):
    only_method = peer("malmo", "Nothing but the walk")
    make_method_use(project=grille, method=walk)
    make_method_use(project=only_method, method=walk)

    (match,) = peer_matches(project_profile(grille), AnonymousUser())

    assert (match.project, match.score, match.reasons) == (only_method, 3.0, [])
    assert match.methods == [walk]


def test_stored_matches_follow_a_use_added_and_removed(
    member, gothenburg_member, grille, walk, django_capture_on_commit_callbacks
):
    other = peer("gothenburg", "Malmö walk", themes=("public-spaces",))
    peer("umea", "Two themes", themes=("public-spaces", "citizen-participation"))
    make_method_use(project=grille, method=walk)
    compute_all_matches()
    assert stored(grille) == [("Two themes", 6.0), ("Malmö walk", 3.0)]

    with django_capture_on_commit_callbacks(execute=True):
        use = method_use_add(project=other, method=walk, account="", user=gothenburg_member)

    assert stored(grille) == [("Two themes", 6.0), ("Malmö walk", 6.0)]  # the newer first
    assert stored(other) == [("Place de la Grille", 6.0)]
    incremental = everything_stored()
    compute_all_matches()
    assert everything_stored() == incremental  # exactly what a full recompute gives

    with django_capture_on_commit_callbacks(execute=True):
        method_use_remove(use=use, user=gothenburg_member)

    assert stored(grille) == [("Two themes", 6.0), ("Malmö walk", 3.0)]


def test_deleting_a_method_takes_it_out_of_the_stored_matches(
    member, grille, walk, django_capture_on_commit_callbacks
):
    other = peer("gothenburg", "Walk too", themes=("public-spaces",))
    make_method_use(project=grille, method=walk)
    make_method_use(project=other, method=walk)
    compute_all_matches()
    assert stored(grille) == [("Walk too", 6.0)]

    with django_capture_on_commit_callbacks(execute=True):
        method_delete(method=walk, user=member)

    assert stored(grille) == [("Walk too", 3.0)]
    assert stored(other) == [("Place de la Grille", 3.0)]


def test_project_page_says_both_use_the_method(anonymous_client, grille, walk):
    other = peer("gothenburg", "Walk too", themes=("public-spaces",))
    make_method_use(project=grille, method=walk)
    make_method_use(project=other, method=walk)
    compute_all_matches()

    response = anonymous_client.get(grille.get_absolute_url())

    assert both_use(response) == ["Gender-aware safety walk"]
    assert f'<a href="/en/methods/{walk.slug}/" lang="en">Gender-aware safety walk</a>' in (
        response.content.decode()
    )


def test_a_members_only_method_counts_but_is_named_to_members_only(
    anonymous_client, member_client, grille, member
):
    hidden = make_method(author=member, title="Ambassadors", visibility=Visibility.MEMBERS)
    other = peer("gothenburg", "Ambassadors too", themes=("public-spaces",))
    make_method_use(project=grille, method=hidden)
    make_method_use(project=other, method=hidden)
    compute_all_matches()

    assert stored(grille) == [("Ambassadors too", 6.0)]
    assert both_use(anonymous_client.get(grille.get_absolute_url())) == []
    assert both_use(member_client.get(grille.get_absolute_url())) == ["Ambassadors"]


def test_suggestions_say_both_use_the_method(member_client, grille, walk):
    other = peer("umea", "Walk in Umeå", themes=("public-spaces",))
    make_method_use(project=grille, method=walk)
    make_method_use(project=other, method=walk)
    compute_all_matches()

    response = member_client.get("/en/suggestions/")

    assert both_use(response) == ["Gender-aware safety walk"]


def test_suggestions_count_a_shared_method_for_newcomers_on_the_readers_themes(login, walk):
    """A project outside the city's stored best, found on the reader's themes of expertise, gets
    the points of the methods it shares with the city's projects too."""
    reader = make_user(email="expert@example.org")
    make_membership(user=reader, city="saint-brieuc")
    reader.expertise.set(Theme.objects.filter(slug="innovation"))
    mine = make_project(city="saint-brieuc", title="Ours", themes=("public-spaces",))
    make_method_use(project=mine, method=walk)
    walked = peer("malmo", "Innovation and the walk", themes=("innovation",))
    make_method_use(project=walked, method=walk)
    plain = peer("umea", "Innovation only", themes=("innovation",))  # newer: first on a tie
    compute_all_matches()
    CityMatch.objects.all().delete()  # neither among the city's stored best

    html = login(reader).get("/en/suggestions/").content.decode()

    assert html.index(walked.title) < html.index(plain.title)
