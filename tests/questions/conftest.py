"""Roles and questions shared by the question tests."""

import pytest

from cities.enums import MembershipStatus
from core.enums import Visibility
from tests.factories import make_membership, make_question, make_user

ROLES = [
    "anonymous",
    "outsider",
    "member",
    "other_city_member",
    "other_city_coordinator",
    "city_coordinator",
    "network_coordinator",
    "staff",
]


@pytest.fixture
def outsider(db):
    """Signed in, but their request to join Saint-Brieuc is still pending: not a member."""
    user = make_user(email="pat.pending@example.org", full_name="Pat Pending")
    make_membership(user=user, city="saint-brieuc", status=MembershipStatus.PENDING)
    return user


@pytest.fixture
def question(member):
    """Saint-Brieuc's open, public question, asked by ``member``."""
    return make_question(
        author=member,
        title="How do you make a square work for every use?",
        context="We test furniture **before** the works.",
        themes=("public-spaces", "citizen-participation"),
    )


@pytest.fixture
def members_question(member):
    """Saint-Brieuc's open question for approved members only."""
    return make_question(
        author=member,
        title="How do you negotiate with a reluctant developer?",
        visibility=Visibility.MEMBERS,
        themes=("town-centre-renewal",),
    )


@pytest.fixture
def client_for(user_for_role, login):
    """``client_for("staff")``: a client signed in as that role (anonymous: not signed in)."""

    def _client(role: str):
        return login(user_for_role(role))

    return _client
