"""The theme list and theme pages."""

import pytest

from cities.models import City
from tests.budgets import warm_content_types
from tests.factories import make_theme
from themes.models import SustainableDevelopmentGoal, Theme

pytestmark = pytest.mark.django_db


def test_theme_list_shows_themes_topics_and_goals(anonymous_client, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = anonymous_client.get("/en/themes/")

    assert response.status_code == 200
    html = response.content.decode()
    alliance, proposed = html.split('id="proposed-themes"')
    assert '<a href="/en/themes/innovation/">Innovation in all its forms</a>' in alliance
    assert "Worked on in 2015–2016" in alliance
    assert (
        '<a href="/en/themes/public-spaces/">'
        "Redesigning public spaces for every use and many uses</a>"
    ) in proposed
    assert proposed.count("Proposed by Saint-Brieuc") == 3
    for goal in SustainableDevelopmentGoal.objects.all():
        assert f'<span class="sdg sdg-{goal.number}" title="{goal.name_en}">' in html


def test_theme_list_query_budget_holds_with_many_topics(
    anonymous_client, django_assert_num_queries
):
    cities = list(City.objects.all())
    extra = [make_theme(proposed_by=cities[i % len(cities)]) for i in range(30)]

    with django_assert_num_queries(2):
        response = anonymous_client.get("/en/themes/")

    html = response.content.decode()
    assert all(theme.name_en in html for theme in extra)
    assert "Proposed by Umeå" in html


def test_theme_list_signed_in_stays_within_budget(member_client, django_assert_num_queries):
    with django_assert_num_queries(4):
        response = member_client.get("/en/themes/")

    assert response.status_code == 200


def test_theme_list_in_swedish_shows_swedish_names(anonymous_client):
    response = anonymous_client.get("/sv/themes/")

    html = response.content.decode()
    assert '<a href="/sv/themes/innovation/">Innovation i alla dess former</a>' in html
    assert "Hållbara städer och samhällen" in html


def test_theme_detail_shows_name_description_and_proposer(
    anonymous_client, django_assert_num_queries
):
    warm_content_types()
    with django_assert_num_queries(4):  # theme, projects, questions, events
        response = anonymous_client.get("/en/themes/public-spaces/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Redesigning public spaces for every use and many uses</h1>" in html
    assert "Squares and streets that welcome everyone and serve several purposes." in html
    assert '<a href="/en/cities/saint-brieuc/">Proposed by Saint-Brieuc</a>' in html


def test_theme_detail_in_french_shows_the_french_name(anonymous_client):
    theme = Theme.objects.get(slug="public-spaces")

    response = anonymous_client.get("/fr/themes/public-spaces/")

    assert f"<h1>{theme.name_fr}</h1>" in response.content.decode()


def test_theme_detail_shows_years(anonymous_client):
    response = anonymous_client.get("/en/themes/renovation-energy-efficiency/")

    assert "Worked on in 2015–2016" in response.content.decode()


def test_theme_detail_unknown_slug_gives_404(anonymous_client):
    response = anonymous_client.get("/en/themes/no-such-theme/")

    assert response.status_code == 404


def test_theme_pages_refuse_post(anonymous_client):
    response = anonymous_client.post("/en/themes/innovation/")

    assert response.status_code == 405
