"""Someone whose request to join a city is still waiting, and who opens "post a project" or "ask a
question", is told the request waits and since when, in their language; someone who never asked
still gets the usual guidance."""

import datetime

import pytest
from django.utils import timezone

from cities.enums import MembershipStatus
from cities.models import Membership
from tests.factories import make_membership, make_user

pytestmark = pytest.mark.django_db

PAGES = ["/{language}/projects/new/", "/{language}/questions/ask/"]


@pytest.fixture
def pending(db):
    user = make_user(email="pat.pending@example.org", full_name="Pat Pending")
    membership = make_membership(user=user, city="saint-brieuc", status=MembershipStatus.PENDING)
    asked = datetime.datetime(2026, 3, 9, 10, 0, tzinfo=datetime.UTC)
    Membership.objects.filter(pk=membership.pk).update(created_at=asked)
    return user


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            'You asked to join Saint-Brieuc on <time datetime="2026-03-09">March 9, 2026</time>.',
        ),
        (
            "fr",
            "Vous avez demandé à rejoindre Saint-Brieuc le "
            '<time datetime="2026-03-09">9 mars 2026</time>.',
        ),
        (
            "sv",
            "Du ansökte om att gå med i Saint-Brieuc den "
            '<time datetime="2026-03-09">9 mars 2026</time>.',
        ),
    ],
)
def test_pending_member_is_told_the_request_waits_and_since_when(
    login, pending, page, language, sentence
):
    response = login(pending).get(page.format(language=language))

    html = response.content.decode()
    assert response.status_code == 403
    assert sentence in html
    assert f'href="/{language}/accounts/membership/"' in html
    assert "coordinator." not in html.replace("coordinators", "")


@pytest.mark.parametrize("page", PAGES)
def test_pending_member_posting_is_refused_the_same_way(login, pending, page):
    response = login(pending).post(page.format(language="en"), {})

    assert response.status_code == 403
    assert "<h1>Your request to join is waiting</h1>" in response.content.decode()


def test_pending_member_of_two_cities_sees_both_requests_oldest_first(login, pending):
    make_membership(user=pending, city="gothenburg", status=MembershipStatus.PENDING)

    html = login(pending).get("/en/projects/new/").content.decode()

    today = timezone.localdate()
    assert html.index("You asked to join Saint-Brieuc on") < html.index(
        f'You asked to join Gothenburg on <time datetime="{today:%Y-%m-%d}">'
    )


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("status", [None, MembershipStatus.REJECTED])
def test_person_without_a_waiting_request_still_gets_the_usual_guidance(login, page, status):
    person = make_user()
    if status is not None:
        make_membership(user=person, city="saint-brieuc", status=status)

    response = login(person).get(page.format(language="en"))

    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Access denied</h1>" in html
    assert "If you think you should, ask your city" in html
    assert "waiting" not in html
