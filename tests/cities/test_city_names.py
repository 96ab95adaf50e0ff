"""A city is named in the reader's language: Göteborg in French and Swedish, Gothenburg in
English, on every page and in every e-mail; its local name follows in parentheses (with its
language) where it differs; search finds it by any of its names."""

import pytest
from django.utils import translation

from cities.models import City
from cities.services import membership_decide
from tests.factories import get_city, make_city, make_membership, make_project, make_user

pytestmark = pytest.mark.django_db


def test_member_city_names_come_from_the_migration():
    names = {
        city.slug: (city.name, city.name_fr, city.name_sv, city.local_name)
        for city in City.objects.all()
    }

    assert names["gothenburg"] == ("Gothenburg", "Göteborg", "Göteborg", "Göteborg")
    assert names["umea"] == ("Umeå", "Umeå", "Umeå", "Umeå")
    assert names["la-rochelle"] == ("La Rochelle", "La Rochelle", "La Rochelle", "La Rochelle")
    assert all(name and fr and sv for name, fr, sv, _local in names.values())
    assert len(names) == 10


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Gothenburg"), ("fr", "Göteborg"), ("sv", "Göteborg")]
)
def test_city_display_name_and_str_follow_the_active_language(language, name):
    city = get_city("gothenburg")

    with translation.override(language):
        assert (city.display_name, str(city)) == (name, name)


def test_city_display_name_falls_back_to_the_english_name():
    city = make_city(name="Nantes", name_fr="", name_sv="")

    with translation.override("sv"):
        assert city.display_name == "Nantes"


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", '<h1>Gothenburg <span class="muted" lang="sv">(Göteborg)</span></h1>'),
        ("fr", "<h1>Göteborg</h1>"),
        ("sv", "<h1>Göteborg</h1>"),
    ],
)
def test_city_page_names_the_city_in_the_readers_language(
    anonymous_client, language, heading, django_assert_num_queries
):
    # city, topics, projects, events, questions (the follow button's content type is cached)
    get_city("gothenburg")
    anonymous_client.get(f"/{language}/cities/gothenburg/")
    with django_assert_num_queries(6):  # with the map's cities
        response = anonymous_client.get(f"/{language}/cities/gothenburg/")

    html = response.content.decode()
    assert heading in html
    assert f"<title>{'Gothenburg' if language == 'en' else 'Göteborg'}" in html


@pytest.mark.parametrize(
    ("language", "card"),
    [
        ("en", 'Gothenburg</a> <span class="muted" lang="sv">(Göteborg)</span></h3>'),
        ("fr", '<a href="/fr/cities/gothenburg/">Göteborg</a></h3>'),
        ("sv", '<a href="/sv/cities/gothenburg/">Göteborg</a></h3>'),
    ],
)
def test_city_list_names_the_cities_in_the_readers_language(
    anonymous_client, language, card, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = anonymous_client.get(f"/{language}/cities/")

    html = response.content.decode()
    assert card in html
    assert ">Göteborg</text>" in html if language != "en" else ">Gothenburg</text>" in html
    assert html.count('lang="sv">(Göteborg)') == (1 if language == "en" else 0)


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Gothenburg"), ("fr", "Göteborg"), ("sv", "Göteborg")]
)
def test_project_page_and_list_name_the_projects_city_in_the_readers_language(
    anonymous_client, language, name
):
    project = make_project(city="gothenburg", title="Temporary installation")

    detail = anonymous_client.get(f"/{language}/projects/{project.slug}/").content.decode()
    listing = anonymous_client.get(f"/{language}/projects/").content.decode()

    assert f'<a href="/{language}/cities/gothenburg/">{name}</a>' in detail
    assert f'<a href="/{language}/cities/gothenburg/">{name}</a>' in listing
    other = {"Gothenburg": "Göteborg", "Göteborg": "Gothenburg"}[name]
    assert f">{other}</a>" not in detail


@pytest.mark.parametrize("query", ["Göteborg", "goteborg", "Gothenburg"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_search_finds_a_city_by_any_of_its_names(anonymous_client, query, language):
    response = anonymous_client.get(f"/{language}/search/", {"q": query})

    assert f'<a href="/{language}/cities/gothenburg/">' in response.content.decode()


def test_admin_finds_a_city_by_its_french_name(admin_client):
    make_city(slug="bale", name="Basel", name_fr="Bâle", name_sv="Basel", local_name="Basel")

    response = admin_client.get("/admin/cities/city/", {"q": "Bâle"})

    assert list(response.context["cl"].result_list) == [City.objects.get(slug="bale")]


def test_admin_form_edits_the_names_in_each_language(admin_client):
    page = admin_client.get(f"/admin/cities/city/{get_city('gothenburg').pk}/change/")

    html = page.content.decode()
    assert 'name="name_fr" value="Göteborg"' in html
    assert 'name="name_sv" value="Göteborg"' in html
    assert "Name in English" in html


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Gothenburg"), ("fr", "Göteborg"), ("sv", "Göteborg")]
)
def test_membership_e_mail_names_the_city_in_the_recipients_language(
    mailoutbox, django_capture_on_commit_callbacks, language, name
):
    person = make_user(email="lea@example.org", preferred_language=language)
    request = make_membership(user=person, city="gothenburg", status="pending")

    with django_capture_on_commit_callbacks(execute=True):
        membership_decide(membership=request, decided_by=make_user(is_staff=True), approve=True)

    (message,) = mailoutbox
    assert name in message.subject
    assert name in message.body
    other = {"Gothenburg": "Göteborg", "Göteborg": "Gothenburg"}[name]
    assert other not in message.subject + message.body


@pytest.mark.parametrize(("language", "name"), [("en", "Gothenburg"), ("fr", "Göteborg")])
def test_suggestions_tabs_name_the_members_cities_in_the_readers_language(login, language, name):
    both = make_user()
    make_membership(user=both, city="saint-brieuc")
    make_membership(user=both, city="gothenburg")

    html = login(both).get(f"/{language}/suggestions/?city=saint-brieuc").content.decode()

    assert f'<a href="?city=gothenburg">{name}</a>' in html
