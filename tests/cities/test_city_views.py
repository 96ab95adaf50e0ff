"""The member city list and city pages, and who sees a city's people."""

import re
from decimal import Decimal

import pytest

from cities.enums import Country, MembershipRole, MembershipStatus
from cities.models import City
from tests.budgets import warm_content_types
from tests.factories import make_membership, make_user

pytestmark = pytest.mark.django_db


def make_people(city: str, count: int) -> list:
    people = []
    for number in range(count):
        user = make_user(full_name=f"Directory Person {city} {number:02d}", in_directory=True)
        make_membership(user=user, city=city)
        people.append(user)
    return people


def city_card(html: str, slug: str) -> str:
    """The text of the city list's card for ``slug``, whitespace collapsed."""
    for card in re.findall(r'<li class="card">(.*?)</li>', html, re.S):
        if f'<a href="/en/cities/{slug}/">' in card:
            return " ".join(card.split())
    raise AssertionError(f"no card for {slug}")


def test_city_list_shows_both_countries_and_the_map(anonymous_client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = anonymous_client.get("/en/cities/")

    assert response.status_code == 200
    html = response.content.decode()
    france, sweden = html.split('<h2 id="country-2">')
    assert '<h2 id="country-1">France</h2>' in france
    assert sweden.startswith("Sweden</h2>")
    assert '<a href="/en/cities/saint-brieuc/">Saint-Brieuc</a>' in france
    assert "Gothenburg</a>" in sweden
    assert len(re.findall(r'<a href="/en/cities/[a-z-]+/" class="map-city">', html)) == 10


def test_city_list_counts_approved_members_only(anonymous_client):
    make_people("saint-brieuc", 2)
    make_membership(city="saint-brieuc", status=MembershipStatus.PENDING)
    make_membership(city="saint-brieuc", status=MembershipStatus.REJECTED)

    response = anonymous_client.get("/en/cities/")

    html = response.content.decode()
    assert city_card(html, "saint-brieuc").endswith("· 2 members on the portal </p>")
    # No "· 0 members": a city nobody joined yet just says nothing about it.
    assert city_card(html, "strasbourg").endswith("about 290,000 inhabitants </p>")
    assert "members on the portal" not in city_card(html, "umea")


def test_city_list_card_without_region_population_or_members_shows_no_stray_dot(
    anonymous_client,
):
    City.objects.create(
        slug="alingsas",
        name="Alingsås",
        local_name="Alingsås",
        country=Country.SWEDEN,
        member_body="Alingsås kommun",
        latitude=Decimal("57.93"),
        longitude=Decimal("12.53"),
    )

    html = anonymous_client.get("/en/cities/").content.decode()

    card = city_card(html, "alingsas")
    assert card.endswith("<p>Alingsås kommun</p>")
    assert "·" not in card


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Älmhult", "Borås", "Gothenburg", "Linköping", "Malmö", "Umeå"]),
        ("sv", ["Borås", "Göteborg", "Linköping", "Malmö", "Umeå", "Älmhult"]),
        ("fr", ["Älmhult", "Borås", "Göteborg", "Linköping", "Malmö", "Umeå"]),
    ],
)
def test_city_list_puts_a_new_city_in_alphabetical_order_of_the_reader(
    anonymous_client, language, expected
):
    City.objects.create(
        slug="almhult",
        name="Älmhult",
        local_name="Älmhult",
        country=Country.SWEDEN,
        member_body="Älmhults kommun",
        region="Kronoberg",
        latitude=Decimal("56.55"),
        longitude=Decimal("14.14"),
    )

    html = anonymous_client.get(f"/{language}/cities/").content.decode()

    sweden = html.split('<h2 id="country-2">')[1]
    names = re.findall(r'<h3><a href="/[a-z]{2}/cities/[a-z-]+/">([^<]+)</a>', sweden)
    assert names == expected


@pytest.mark.parametrize("size", [2, 10], ids=["2-people", "10-people"])
def test_city_list_query_budget_holds_with_many_members(
    member_client, size, django_assert_num_queries
):
    for city in ("saint-brieuc", "umea", "paris"):
        make_people(city, size)
        for _ in range(size):
            make_membership(city=city, status=MembershipStatus.PENDING)

    with django_assert_num_queries(3):  # session, user, cities
        response = member_client.get("/en/cities/")

    html = response.content.decode()
    assert city_card(html, "saint-brieuc").endswith(f"· {size + 1} members on the portal </p>")
    assert city_card(html, "paris").endswith(f"· {size} members on the portal </p>")


def test_city_detail_shows_facts_and_proposed_topics(anonymous_client, django_assert_num_queries):
    warm_content_types()
    with django_assert_num_queries(
        6
    ):  # city, the map's cities, topics, projects, events, questions
        response = anonymous_client.get("/en/cities/saint-brieuc/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Saint-Brieuc</h1>" in html
    assert "<dd>Saint-Brieuc Armor Agglomération</dd>" in html
    assert "<dd>Bretagne (Côtes-d&#x27;Armor)</dd>" in html
    assert "about 44,000 inhabitants (agglomeration ≈ 150 000)" in html
    assert "<dd>Club EcoQuartier</dd>" in html
    assert '<a href="/en/themes/public-spaces/">' in html
    assert '<a href="/en/themes/rural-development/">' in html


def test_city_list_marks_swedish_local_names_as_swedish(anonymous_client):
    # "se" is Northern Sami; a screen reader must read "Göteborg" as Swedish ("sv").
    response = anonymous_client.get("/en/cities/")

    assert '<span class="muted" lang="sv">(Göteborg)</span>' in response.content.decode()


def test_city_detail_marks_the_swedish_local_name_as_swedish(anonymous_client):
    response = anonymous_client.get("/en/cities/gothenburg/")

    assert '<h1>Gothenburg <span class="muted" lang="sv">(Göteborg)</span></h1>' in (
        response.content.decode()
    )


def test_city_detail_unknown_slug_gives_404(anonymous_client):
    response = anonymous_client.get("/en/cities/atlantis/")

    assert response.status_code == 404


def test_city_detail_hides_people_from_anonymous(
    anonymous_client, member, django_assert_num_queries
):
    people = make_people("saint-brieuc", 30)
    warm_content_types()

    with django_assert_num_queries(
        6
    ):  # city, the map's cities, topics, projects, events, questions
        response = anonymous_client.get("/en/cities/saint-brieuc/")

    html = response.content.decode()
    assert "Approved members of the network can see who works on the portal" in html
    for person in [member, *people]:
        assert person.full_name not in html
    assert 'href="/en/accounts/membership/' not in html


def test_city_detail_shows_people_to_an_approved_member(member_client, member):
    people = make_people("saint-brieuc", 2)

    response = member_client.get("/en/cities/saint-brieuc/")

    html = response.content.decode()
    assert (
        "<strong>Yann Member</strong> · Urban planner / project officer"
        ' · <span lang="en">Urban planner</span>' in html
    )
    for person in people:
        assert f"<strong>{person.full_name}</strong>" in html


def test_city_detail_shows_people_to_a_member_of_another_city(login, other_city_member, member):
    response = login(other_city_member).get("/en/cities/saint-brieuc/")

    assert "<strong>Yann Member</strong>" in response.content.decode()


@pytest.mark.parametrize("status", [MembershipStatus.PENDING, MembershipStatus.REJECTED, None])
def test_city_detail_hides_people_from_a_signed_in_non_member(login, member, status):
    visitor = make_user()
    if status is not None:
        make_membership(user=visitor, city="saint-brieuc", status=status)

    response = login(visitor).get("/en/cities/saint-brieuc/")

    html = response.content.decode()
    assert "Yann Member" not in html
    assert "Approved members of the network can see who works on the portal" in html
    assert f'href="/en/accounts/membership/?city={member.memberships.get().city_id}"' in html


def test_city_detail_lists_only_approved_active_people_in_the_directory(member_client):
    hidden = make_user(full_name="Not In Directory", in_directory=False)
    make_membership(user=hidden)
    pending = make_user(full_name="Still Pending", in_directory=True)
    make_membership(user=pending, status=MembershipStatus.PENDING)
    inactive = make_user(full_name="Left The Network", in_directory=True, is_active=False)
    make_membership(user=inactive)
    elsewhere = make_user(full_name="Lives In Umea", in_directory=True)
    make_membership(user=elsewhere, city="umea")

    response = member_client.get("/en/cities/saint-brieuc/")

    people = re.findall(r"<strong>([^<]+)</strong>", response.content.decode())
    assert people == ["Yann Member"]


def test_city_detail_says_when_nobody_is_listed(login, other_city_member):
    response = login(other_city_member).get("/en/cities/strasbourg/")

    assert "Nobody from this city appears in the member directory yet." in (
        response.content.decode()
    )


@pytest.mark.parametrize("size", [1, 30], ids=["1-person", "30-people"])
def test_city_detail_query_budget_holds_with_many_people(
    member_client, size, django_assert_num_queries
):
    make_people("saint-brieuc", size)
    warm_content_types()

    # with the people, the questions, the follow button and the open partner searches
    with django_assert_num_queries(13):
        response = member_client.get("/en/cities/saint-brieuc/")

    assert len(re.findall(r"<strong>", response.content.decode())) == size + 1


def test_city_detail_links_review_for_its_coordinator(coordinator_client):
    response = coordinator_client.get("/en/cities/saint-brieuc/")

    assert 'href="/en/cities/saint-brieuc/memberships/"' in response.content.decode()


@pytest.mark.parametrize(
    "role", ["member", "other_city_coordinator", "network_coordinator", "anonymous"]
)
def test_city_detail_hides_review_link_from_others(user_for_role, login, role):
    response = login(user_for_role(role)).get("/en/cities/saint-brieuc/")

    assert "/memberships/" not in response.content.decode()


def test_city_detail_shows_review_link_to_staff_for_any_city(login, staff):
    response = login(staff).get("/en/cities/malmo/")

    assert 'href="/en/cities/malmo/memberships/"' in response.content.decode()


def test_city_detail_orders_people_by_name(member_client):
    for name in ("Zoé Zed", "Alice Able"):
        make_membership(user=make_user(full_name=name, in_directory=True))

    response = member_client.get("/en/cities/saint-brieuc/")

    people = re.findall(r"<strong>([^<]+)</strong>", response.content.decode())
    assert people == ["Alice Able", "Yann Member", "Zoé Zed"]


def test_city_detail_shows_each_persons_role(member_client):
    make_membership(
        user=make_user(full_name="Elected Person", in_directory=True),
        role=MembershipRole.ELECTED,
    )

    response = member_client.get("/en/cities/saint-brieuc/")

    assert "<strong>Elected Person</strong> · Elected official" in response.content.decode()


def test_city_detail_map_shows_the_network_with_the_city_marked(anonymous_client):
    html = anonymous_client.get("/en/cities/umea/").content.decode()

    figure = html[html.index('<figure class="city-map">') : html.index("</figure>")]
    assert figure.count('class="map-city') == City.objects.active().count()
    current = re.findall(r'<a href="([^"]+)" class="map-city map-city-current">', figure)
    assert current == ["/en/cities/umea/"]
    assert "The larger dot is Umeå; its projects are listed below." in figure


def test_city_detail_map_of_a_former_member_still_marks_it(anonymous_client):
    City.objects.filter(slug="paris").update(is_active=False)

    html = anonymous_client.get("/en/cities/paris/").content.decode()

    assert 'href="/en/cities/paris/" class="map-city map-city-current"' in html
