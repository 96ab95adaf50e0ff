"""The suggested consortium of a call: projects of the other country than the interested
cities, with why (stored peer matches, shared themes), in a fixed number of queries."""

import pytest
from django.utils import timezone

from funding.consortium import suggest
from funding.enums import InterestLevel
from projects.models import CityMatch, ProjectMatch
from tests.budgets import warm_content_types
from tests.factories import bulk_projects, get_city, make_project
from tests.factories.partners import (
    bulk_cities,
    make_funding_call,
    make_grille,
    make_interest,
    make_open_call,
)
from themes.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(db):
    return make_open_call()


@pytest.fixture
def grille(member):
    return make_grille(member)


def shares_public_spaces() -> str:
    return f"Shares the call's theme: {Theme.objects.get(slug='public-spaces').name}"


def titles(suggestions) -> list[str]:
    return [item.project.title for item in suggestions]


def reasons_of(suggestions, title: str) -> list[str]:
    return next(item.reasons for item in suggestions if item.project.title == title)


def test_a_stored_peer_match_of_the_interested_project_is_suggested_with_why(call, grille):
    # Nothing in common with the call nor with the square: only the stored match says so.
    harbour = make_project(city="gothenburg", title="Frihamnen", themes=("innovation",))
    ProjectMatch.objects.update_or_create(project=grille, match=harbour, defaults={"score": 5.0})
    make_interest(call=call, city="saint-brieuc", level=InterestLevel.LEAD, projects=(grille,))

    suggestions = suggest(call)

    assert "Frihamnen" in titles(suggestions)
    assert reasons_of(suggestions, "Frihamnen") == [
        "Matches Saint-Brieuc's project “Place de la Grille”"
    ]


def test_a_peer_sharing_the_call_theme_says_both(call, grille):
    installation = make_project(
        city="gothenburg", title="Temporary installation", themes=("public-spaces",)
    )
    ProjectMatch.objects.update_or_create(
        project=grille, match=installation, defaults={"score": 3.0}
    )
    make_interest(call=call, city="saint-brieuc", projects=(grille,))

    suggestions = suggest(call)

    assert titles(suggestions)[0] == "Temporary installation"
    assert reasons_of(suggestions, "Temporary installation") == [
        "Matches Saint-Brieuc's project “Place de la Grille”",
        shares_public_spaces(),
    ]


def test_french_projects_are_never_suggested_to_french_only_interest(call, grille):
    make_project(city="paris", title="Paris square", themes=("public-spaces",))
    make_project(city="saint-brieuc", title="Another square", themes=("public-spaces",))
    make_project(city="umea", title="Umeå square", themes=("public-spaces",))
    make_interest(call=call, city="saint-brieuc", projects=(grille,))
    make_interest(call=call, city="paris")

    suggestions = suggest(call)

    assert titles(suggestions) == ["Umeå square"]
    assert all(item.project.city.country == "SE" for item in suggestions)
    # Stored matches (computed when the projects were saved) and the call's theme.
    assert reasons_of(suggestions, "Umeå square") == [
        "Matches Saint-Brieuc's project “Place de la Grille”",
        "Matches the projects of Paris",
        shares_public_spaces(),
    ]


def test_with_no_interest_projects_of_both_countries_sharing_the_themes(call, grille):
    make_project(city="umea", title="Umeå square", themes=("public-spaces",))
    make_project(city="paris", title="Paris tech", themes=("innovation",))

    suggestions = suggest(call)

    assert set(titles(suggestions)) == {"Umeå square", "Place de la Grille"}


def test_interested_cities_are_not_suggested_to_themselves(call, grille):
    make_project(city="gothenburg", title="Gothenburg square", themes=("public-spaces",))
    make_project(city="umea", title="Umeå square", themes=("public-spaces",))
    make_project(city="paris", title="Paris square", themes=("public-spaces",))
    make_interest(call=call, city="saint-brieuc", projects=(grille,))
    make_interest(call=call, city="gothenburg")

    suggestions = suggest(call)

    # A Swedish city is interested too: French projects are welcome, but not its own.
    assert set(titles(suggestions)) == {"Umeå square", "Paris square"}


def test_only_countries_the_call_is_open_to(grille):
    french_only = make_funding_call(open_to_sweden=False)
    make_project(city="umea", title="Umeå square", themes=("public-spaces",))
    make_interest(call=french_only, city="saint-brieuc", projects=(grille,))

    assert suggest(french_only) == []


def test_a_city_that_named_no_project_brings_its_stored_city_matches(call):
    harbour = make_project(city="gothenburg", title="Frihamnen", themes=("innovation",))
    CityMatch.objects.update_or_create(
        city=get_city("saint-brieuc"), match=harbour, defaults={"score": 4.0}
    )
    make_interest(call=call, city="saint-brieuc")

    suggestions = suggest(call)

    assert reasons_of(suggestions, "Frihamnen") == ["Matches the projects of Saint-Brieuc"]


def test_deleted_projects_are_not_suggested(call, grille):
    gone = make_project(city="umea", title="Gone", themes=("public-spaces",))
    ProjectMatch.objects.update_or_create(project=grille, match=gone, defaults={"score": 9.0})
    gone.deleted_at = timezone.now()
    gone.save(update_fields=["deleted_at"])
    make_interest(call=call, city="saint-brieuc", projects=(grille,))

    assert "Gone" not in titles(suggest(call))


def test_suggestions_stop_at_the_limit_best_first(call, grille):
    make_interest(call=call, city="saint-brieuc", projects=(grille,))
    peers = bulk_projects(12, cities=("umea",), themes=("public-spaces",))
    ProjectMatch.objects.update_or_create(project=grille, match=peers[3], defaults={"score": 8.0})

    suggestions = suggest(call, limit=5)

    assert len(suggestions) == 5
    assert suggestions[0].project == peers[3]


@pytest.mark.parametrize("size", [1, 200], ids=["1-interest", "200-interests"])
def test_suggest_reads_a_fixed_number_of_queries(call, grille, size, django_assert_num_queries):
    make_interest(call=call, city="saint-brieuc", projects=(grille,))
    make_interest(call=call, city="paris")
    for city in bulk_cities(size - 1, country="FR"):
        make_interest(call=call, city=city, projects=())
    peers = bulk_projects(size, cities=("umea", "gothenburg"), themes=("public-spaces",))
    ProjectMatch.objects.bulk_create(
        ProjectMatch(project=grille, match=peer, score=1.0 + index % 7)
        for index, peer in enumerate(peers[:12])
    )
    CityMatch.objects.bulk_create(
        CityMatch(city=get_city("paris"), match=peer, score=2.0) for peer in peers[:30]
    )
    warm_content_types()
    call.refresh_from_db()

    # The interests and their projects (two), the call's themes, the stored project and city
    # matches, the newest projects on the call's themes, their themes, the titles shown.
    with django_assert_num_queries(8):
        suggestions = suggest(call)

    assert len(suggestions) == min(8, size)
