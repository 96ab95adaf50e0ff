"""What the call's page, the project's page and the city's page show of interest and partner
searches: everything to members, nothing but an invitation to sign in to visitors."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from funding.enums import InterestLevel
from notifications.models import Follow
from projects.models import ProjectMatch
from tests.factories import make_project
from tests.factories.partners import (
    make_funding_call,
    make_grille,
    make_interest,
    make_open_call,
    make_search,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(db):
    return make_open_call()


@pytest.fixture
def grille(member):
    return make_grille(member)


@pytest.fixture
def network(call, grille, member, other_city_member):
    """Saint-Brieuc leads with place de la Grille; Umeå watches; Saint-Brieuc looks for partners;
    a Gothenburg project is a stored peer of the square."""
    make_interest(
        call=call,
        city="saint-brieuc",
        level=InterestLevel.LEAD,
        projects=(grille,),
        note="We lead.",
    )
    make_interest(call=call, city="umea", level=InterestLevel.WATCHING)
    search = make_search(call=call, project=grille, author=member, title="Swedish partners wanted")
    installation = make_project(city="gothenburg", title="Temporary installation", themes=())
    ProjectMatch.objects.update_or_create(
        project=grille, match=installation, defaults={"score": 6.0}
    )
    return search


def section(html: str, start: str) -> str:
    part = html[html.index(start) :]
    return part[: part.index("</section>")]


# --- The call's page ------------------------------------------------------------------------------


def test_call_page_shows_members_the_network_part(member_client, call, grille, network):
    html = member_client.get(call.get_absolute_url()).content.decode()

    part = html[html.index('id="call-partners"') :]
    lead = part[part.index("<h4>Would lead</h4>") : part.index("<h4>Watching</h4>")]
    assert "Saint-Brieuc" in lead
    assert "Place de la Grille" in lead
    assert "We lead." in lead
    assert "Umeå" in part[part.index("<h4>Watching</h4>") :]
    assert "Swedish partners wanted" in part
    assert f'href="/en/partners/new/?call={call.slug}"' in part
    assert f'href="/en/partners/?call={call.slug}"' in part
    consortium = part[part.index('id="call-consortium"') :]
    assert "Temporary installation" in consortium
    assert "Matches Saint-Brieuc&#x27;s project “Place de la Grille”" in consortium
    # The reader's city's interest, as it stands: "lead", with the square ticked.
    form = part[part.index('id="call-interest-form"') :]
    assert f'action="/en/calls/{call.slug}/interest/"' in form
    assert re.search(r'<input type="radio" name="level" value="lead"[^>]*checked', form)
    assert re.search(
        rf'<input type="checkbox" name="projects" value="{grille.pk}"[^>]*checked', form
    )
    assert 'type="hidden" name="city"' in form


def test_call_page_shows_visitors_an_invitation_only(anonymous_client, call, network):
    html = anonymous_client.get(call.get_absolute_url()).content.decode()

    part = html[html.index('id="call-partners"') :]
    assert "Sign in to see them" in part
    for private in (
        "Swedish partners wanted",
        "Place de la Grille",
        "Temporary installation",
        "We lead.",
        "/partners/",
        "interest/",
    ):
        assert private not in html


def test_call_page_of_a_closed_call_offers_no_interest_nor_search(member_client, member):
    closed = make_funding_call(days_left=-1)

    html = member_client.get(closed.get_absolute_url()).content.decode()

    part = html[html.index('id="call-partners"') :]
    assert "This call has closed: interest can no longer be changed." in part
    assert "/interest/" not in part
    assert "/partners/new/" not in part


def test_call_page_for_a_network_coordinator_shows_the_data_without_a_form(
    login, network_coordinator, call, network
):
    html = login(network_coordinator).get(call.get_absolute_url()).content.decode()

    part = html[html.index('id="call-partners"') :]
    assert "Swedish partners wanted" in part
    assert "/interest/" not in part  # no city of their own
    assert "/partners/new/" not in part


def test_call_partners_tag_for_a_visitor_runs_no_query(
    rf, call, network, django_assert_num_queries
):
    request = rf.get("/en/calls/x/")
    request.user = AnonymousUser()

    with django_assert_num_queries(0):
        html = Template("{% load partner_tags %}{% call_partners call %}").render(
            Context({"call": call, "request": request})
        )

    assert "Sign in to see them" in html
    assert "Swedish partners wanted" not in html


# --- Project and city pages -----------------------------------------------------------------------


def test_project_page_shows_the_searches_about_it(member_client, grille, network):
    html = member_client.get(grille.get_absolute_url()).content.decode()

    part = section(html, 'id="project-partners"')
    assert "Looking for partners for this project" in part
    assert "Swedish partners wanted" in part
    assert "Public spaces network" in part  # its call
    assert f'href="/en/partners/new/?project={grille.slug}"' in part


def test_project_page_offers_no_search_to_another_city(login, other_city_member, grille, network):
    html = login(other_city_member).get(grille.get_absolute_url()).content.decode()

    part = section(html, 'id="project-partners"')
    assert "Swedish partners wanted" in part
    assert "/partners/new/" not in part


def test_project_page_shows_visitors_no_search(anonymous_client, grille, network):
    html = anonymous_client.get(grille.get_absolute_url()).content.decode()

    assert 'id="project-partners"' not in html
    assert "Swedish partners wanted" not in html


def test_project_page_without_searches_shows_nothing_to_another_city(
    login, other_city_member, grille
):
    html = login(other_city_member).get(grille.get_absolute_url()).content.decode()

    assert 'id="project-partners"' not in html


def test_city_page_shows_the_searches_the_city_posted(login, other_city_member, network):
    html = login(other_city_member).get("/en/cities/saint-brieuc/").content.decode()

    part = section(html, 'id="city-partners"')
    assert "Saint-Brieuc is looking for partners" in part
    assert "Swedish partners wanted" in part
    assert 'href="/en/partners/?city=saint-brieuc"' in part
    assert "/partners/new/" not in part


def test_city_page_shows_visitors_no_search(anonymous_client, network):
    html = anonymous_client.get("/en/cities/saint-brieuc/").content.decode()

    assert 'id="city-partners"' not in html
    assert "Swedish partners wanted" not in html


def test_closed_searches_are_not_shown_on_pages(member_client, call, grille, member):
    make_search(call=call, project=grille, author=member, title="Closed already", closes_in=-1)

    project_html = member_client.get(grille.get_absolute_url()).content.decode()
    city_html = member_client.get("/en/cities/saint-brieuc/").content.decode()
    call_html = member_client.get(call.get_absolute_url()).content.decode()

    for html in (project_html, city_html, call_html):
        assert "Closed already" not in html


# --- Following a call -----------------------------------------------------------------------------


def test_a_call_can_be_followed(member_client, member, call):
    response = member_client.post(
        "/en/notifications/follow/", {"kind": "call", "id": str(call.pk), "operation": "follow"}
    )

    assert response.status_code == 302
    assert response["Location"] == call.get_absolute_url()
    assert Follow.objects.get(user=member).target == call
