"""Methods shared by the tests of methods and tools."""

import pytest

from core.enums import Visibility
from tests.factories import make_project
from tests.factories.methods import make_method


@pytest.fixture
def author(member):
    return member


@pytest.fixture
def public_method(member):
    return make_method(
        author=member,
        title="Gender-aware safety walk",
        purpose="Walk the neighbourhood with the women who live there.",
        steps="1. Invite.\n2. Walk at night.",
        tags=("gender",),
    )


@pytest.fixture
def members_method(member):
    return make_method(
        author=member,
        title="Landscape plan with resident ambassadors",
        purpose="Residents carry the plan to their neighbours.",
        visibility=Visibility.MEMBERS,
    )


@pytest.fixture
def grille(member):
    """Saint-Brieuc's public project."""
    return make_project(author=member, title="Place de la Grille", themes=("public-spaces",))


@pytest.fixture
def client_for(user_for_role, login):
    """``client_for("staff")``: a client signed in as that role (anonymous: not signed in)."""

    def _client(role: str):
        return login(user_for_role(role))

    return _client
