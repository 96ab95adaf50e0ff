"""Roles and projects shared by the project tests."""

import pytest
from django.db import connection

from cities.enums import MembershipStatus
from core.enums import Visibility
from tests.factories import make_comment, make_membership, make_project, make_user

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
def author(db):
    """The Saint-Brieuc planner who posted the projects below."""
    user = make_user(email="lea.author@example.org", full_name="Léa Author")
    make_membership(user=user, city="saint-brieuc")
    return user


@pytest.fixture
def public_project(author):
    return make_project(
        author=author,
        title="Place de la Grille experiment",
        summary="A square redesigned with its users.",
        themes=("public-spaces", "citizen-participation"),
        sdgs=(11,),
        tags=("public space",),
    )


@pytest.fixture
def members_project(author):
    return make_project(
        author=author,
        title="Confidential district plan",
        summary="Early thoughts on a district plan.",
        visibility=Visibility.MEMBERS,
        themes=("town-centre-renewal",),
    )


@pytest.fixture
def comment(public_project, other_city_member):
    return make_comment(
        project=public_project, author=other_city_member, body="How did you count the users?"
    )


@pytest.fixture
def postgres_only(db):
    """Skip unless the tests run on PostgreSQL (CI runs the suite there too)."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search")
