"""Fixtures for the events tests: an organiser who is neither coordinator nor staff."""

import pytest

from tests.factories import make_member


@pytest.fixture
def organiser(db):
    """An approved planner of Umeå; the events that need an organiser name her."""
    return make_member(city="umea", email="lena.organiser@example.org", full_name="Lena Organiser")
