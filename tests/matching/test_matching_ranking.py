"""Matching across the two countries: points for what two projects share (themes 3, tags 2,
SDGs 1), text similarity to break ties, reasons, and only what the reader may see."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from cities.enums import Country
from core.enums import Visibility
from projects.matching import city_profile, peer_matches, project_profile
from projects.models import Project
from tests.factories import make_project
from themes.models import Theme

pytestmark = pytest.mark.django_db

PUBLIC_SPACES = "Redesigning public spaces for every use and many uses"
PARTICIPATION = "Citizen participation for more sustainable lifestyles"


def peer(city: str, title: str, **fields) -> Project:
    """A project whose title and summary share no word with the Grille's."""
    fields.setdefault("themes", ())
    return make_project(city=city, title=title, summary="Nothing alike here.", **fields)


def ranked(project: Project, user=None, **options) -> list[tuple[str, float]]:
    matches = peer_matches(project_profile(project), user or AnonymousUser(), **options)
    return [(match.project.title, match.score) for match in matches]


# --- Ranking -----------------------------------------------------------------------------------


def test_peer_matches_rank_two_themes_and_a_tag_above_a_single_theme(grille):
    peer("gothenburg", "One theme", themes=("public-spaces",))
    peer("umea", "Two themes and a tag", themes=("public-spaces", "citizen-participation"))
    Project.objects.get(title="Two themes and a tag").tags.set(["gender"])
    peer("malmo", "Nothing shared", themes=("innovation",))

    assert ranked(grille) == [("Two themes and a tag", 8.0), ("One theme", 3.0)]


def test_peer_matches_give_3_points_a_theme_2_a_tag_1_an_sdg(grille):
    peer("malmo", "Same SDG", sdgs=(11,))
    peer("umea", "Same tag", tags=("gender",))
    peer("gothenburg", "Same theme", themes=("citizen-participation",))

    assert ranked(grille) == [("Same theme", 3.0), ("Same tag", 2.0), ("Same SDG", 1.0)]


def test_peer_matches_break_a_tie_on_text_similarity(grille):
    peer("umea", "Older but different", themes=("public-spaces",))
    make_project(
        city="gothenburg",
        title="Benches on the square",
        summary="Benches tested before works.",
        themes=("public-spaces",),
    )
    peer("malmo", "Newest but different", themes=("public-spaces",))

    titles_and_scores = ranked(grille)

    assert [title for title, _score in titles_and_scores] == [
        "Benches on the square",
        "Newest but different",
        "Older but different",
    ]
    assert titles_and_scores[0][1] > 3.0
    assert [score for _title, score in titles_and_scores[1:]] == [3.0, 3.0]


def test_peer_matches_need_something_shared_beyond_words(grille):
    make_project(
        city="gothenburg",
        title="Place de la Grille",
        summary="Benches tested before the works.",
        themes=("innovation",),
    )

    assert ranked(grille) == []


def test_peer_matches_keep_the_six_best(grille):
    for number in range(8):
        peer("gothenburg", f"Peer {number}", themes=("public-spaces",))

    assert len(ranked(grille)) == 6
    assert len(ranked(grille, limit=10)) == 8


# --- Other country only ------------------------------------------------------------------------


def test_peer_matches_list_only_projects_of_the_other_country(grille):
    peer("paris", "French twin", themes=("public-spaces", "citizen-participation"))
    peer("boras", "Swedish peer", themes=("public-spaces",))

    assert ranked(grille) == [("Swedish peer", 3.0)]


def test_peer_matches_of_a_swedish_project_are_french(grille):
    swedish = peer("gothenburg", "Temporary installation", themes=("public-spaces",))
    peer("umea", "Swedish neighbour", themes=("public-spaces",))

    assert ranked(swedish) == [("Place de la Grille", 3.0)]


# --- Reasons -----------------------------------------------------------------------------------


def test_peer_matches_give_the_shared_themes_sdgs_and_tags_as_reasons(grille):
    grille.tags.add("mobility")
    peer(
        "umea",
        "Everything shared",
        themes=("public-spaces", "citizen-participation", "innovation"),
        sdgs=(5, 11),
        tags=("mobility", "gender", "housing"),
    )

    (match,) = peer_matches(project_profile(grille), AnonymousUser())

    assert match.reasons == [
        PARTICIPATION,
        PUBLIC_SPACES,
        "SDG 11",
        "tag “gender”",
        "tag “mobility”",
    ]
    assert match.score == 3 + 3 + 1 + 2 + 2


def test_peer_matches_give_reasons_in_the_readers_language(grille):
    peer("umea", "Same theme", themes=("public-spaces",))

    with translation.override("fr"):
        (match,) = peer_matches(project_profile(grille), AnonymousUser())

    assert match.reasons == [Theme.objects.get(slug="public-spaces").name_fr]


# --- Only what the reader may see --------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "listed"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("member", True),
        ("other_city_member", True),
        ("network_coordinator", True),
        ("staff", True),
    ],
)
def test_peer_matches_list_a_members_only_project_to_members_only(
    grille, user_for_role, role, listed
):
    peer("umea", "Public peer", themes=("public-spaces",))
    peer("gothenburg", "Secret peer", themes=("public-spaces",), visibility=Visibility.MEMBERS)
    user = user_for_role(role) or AnonymousUser()

    titles = [title for title, _score in ranked(grille, user)]

    assert ("Secret peer" in titles) is listed
    assert "Public peer" in titles


def test_peer_matches_skip_deleted_projects(grille, staff):
    gone = peer("gothenburg", "Deleted peer", themes=("public-spaces",))
    gone.deleted_at = timezone.now()
    gone.save()

    assert ranked(grille, staff) == []


# --- Profiles ----------------------------------------------------------------------------------


def test_project_profile_reads_themes_sdgs_tags_and_words(grille):
    profile = project_profile(grille)

    assert profile.country == Country.FRANCE
    assert profile.theme_ids == set(
        Theme.objects.filter(slug__in=["public-spaces", "citizen-participation"]).values_list(
            "pk", flat=True
        )
    )
    assert {goal.number for goal in grille.sdgs.filter(pk__in=profile.sdg_ids)} == {11}
    assert set(grille.tags.filter(pk__in=profile.tag_ids).values_list("name", flat=True)) == {
        "gender"
    }
    assert profile.words == ["place", "grille", "benches", "tested", "before", "works"]
    assert profile.exclude_ids == {grille.pk}


def test_city_profile_joins_the_citys_projects_and_extra_themes(grille):
    second = make_project(title="Rural plan", themes=("rural-development",), sdgs=(15,))
    innovation = Theme.objects.get(slug="innovation")

    profile = city_profile([grille, second], Country.FRANCE, extra_theme_ids=[innovation.pk])

    assert {theme.slug for theme in Theme.objects.filter(pk__in=profile.theme_ids)} == {
        "public-spaces",
        "citizen-participation",
        "rural-development",
        "innovation",
    }
    assert len(profile.sdg_ids) == 2
    assert profile.exclude_ids == {grille.pk, second.pk}
