"""The project page's "Peer projects in Sweden / France": ranked matches with their reasons,
and never a members-only project to a reader who may not see it."""

import re

import pytest

from core.enums import Visibility
from tests.factories import make_project

pytestmark = pytest.mark.django_db

MATCH = re.compile(r'<li class="card">\s*<h3><a href="[^"]+" lang="\w+">([^<]+)</a></h3>')


def section(response) -> str:
    html = response.content.decode()
    if 'id="elsewhere-heading"' not in html:
        return ""
    start = html.index('id="elsewhere-heading"')
    return html[start : html.index("</section>", start)]


def test_project_page_ranks_peer_projects_in_sweden_with_reasons(anonymous_client, grille):
    make_project(city="gothenburg", title="One theme", themes=("public-spaces",))
    make_project(
        city="umea",
        title="Two themes and a tag",
        themes=("public-spaces", "citizen-participation"),
        tags=("gender",),
    )

    html = section(anonymous_client.get(grille.get_absolute_url()))

    assert "Peer projects in Sweden</h2>" in html
    assert MATCH.findall(html) == ["Two themes and a tag", "One theme"]
    assert re.findall(r'<p class="reasons">([^<]+)</p>', html) == [
        "Both: Citizen participation for more sustainable lifestyles, "
        "Redesigning public spaces for every use and many uses, tag “gender”",
        "Both: Redesigning public spaces for every use and many uses",
    ]


def test_project_page_of_a_swedish_project_shows_peer_projects_in_france(anonymous_client, grille):
    installation = make_project(city="gothenburg", title="Installation", themes=("public-spaces",))

    html = section(anonymous_client.get(installation.get_absolute_url()))

    assert "Peer projects in France</h2>" in html
    assert MATCH.findall(html) == ["Place de la Grille"]


def test_project_page_shows_reasons_in_the_readers_language(anonymous_client, grille):
    make_project(city="umea", title="Same theme", themes=("public-spaces",))

    html = anonymous_client.get(f"/fr{grille.get_absolute_url()[3:]}").content.decode()

    assert "Le réaménagement des espaces publics" in html[html.index('class="reasons"') :]


def test_project_page_without_peer_has_no_section(anonymous_client, grille):
    make_project(city="paris", title="French twin", themes=("public-spaces",))

    assert section(anonymous_client.get(grille.get_absolute_url())) == ""


@pytest.mark.parametrize(
    ("role", "listed"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("member", True),
        ("other_city_coordinator", True),
        ("network_coordinator", True),
        ("staff", True),
    ],
)
def test_project_page_lists_a_members_only_peer_to_members_only(client_for, grille, role, listed):
    secret = make_project(
        city="gothenburg",
        title="Secret peer",
        themes=("public-spaces", "citizen-participation"),
        visibility=Visibility.MEMBERS,
    )
    make_project(city="umea", title="Public peer", themes=("public-spaces",))

    html = client_for(role).get(grille.get_absolute_url()).content.decode()

    assert MATCH.findall(section_of(html)) == (
        ["Secret peer", "Public peer"] if listed else ["Public peer"]
    )
    assert (secret.get_absolute_url() in html) is listed


def section_of(html: str) -> str:
    start = html.index('id="elsewhere-heading"')
    return html[start : html.index("</section>", start)]
