"""Roles, followers and content shared by the notification tests."""

import pytest

from cities.enums import MembershipStatus
from tests.factories import make_membership, make_user


@pytest.fixture
def outsider(db):
    """Signed in, but their request to join Saint-Brieuc is still pending: not a member."""
    user = make_user(email="pat.pending@example.org", full_name="Pat Pending")
    make_membership(user=user, city="saint-brieuc", status=MembershipStatus.PENDING)
    return user


@pytest.fixture
def client_for(user_for_role, login):
    def _client(role: str):
        return login(user_for_role(role))

    return _client
