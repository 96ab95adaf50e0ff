"""cities.services called directly: membership_request and membership_decide."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from cities.enums import MembershipRole, MembershipStatus
from cities.models import Membership
from cities.services import membership_decide, membership_request
from tests.factories import get_city, make_membership, make_user

pytestmark = pytest.mark.django_db


def test_membership_request_creates_a_pending_membership(django_capture_on_commit_callbacks):
    user = make_user()

    with django_capture_on_commit_callbacks(execute=True):
        membership = membership_request(
            user=user, city=get_city("malmo"), role=MembershipRole.RESEARCHER, message="Hej"
        )

    stored = Membership.objects.get(user=user)
    assert stored == membership
    assert (stored.city.slug, stored.role, stored.status, stored.message) == (
        "malmo",
        MembershipRole.RESEARCHER,
        MembershipStatus.PENDING,
        "Hej",
    )
    assert stored.decided_at is None
    assert mail.outbox == []  # Malmö has no coordinator yet


def test_membership_request_e_mails_every_active_coordinator_of_the_city(
    city_coordinator, other_city_coordinator, django_capture_on_commit_callbacks, settings
):
    settings.PORTAL_BASE_URL = "https://portal.example/"
    second = make_user(email="second.coordinator@example.org")
    make_membership(user=second, role=MembershipRole.COORDINATOR)
    gone = make_user(email="gone.coordinator@example.org", is_active=False)
    make_membership(user=gone, role=MembershipRole.COORDINATOR)
    hopeful = make_user(email="hopeful.coordinator@example.org")
    make_membership(user=hopeful, role=MembershipRole.COORDINATOR, status=MembershipStatus.PENDING)
    applicant = make_user(full_name="Nora Benali", email="nora@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        membership_request(
            user=applicant,
            city=get_city("saint-brieuc"),
            role=MembershipRole.PLANNER,
        )

    assert sorted(email.to[0] for email in mail.outbox) == [
        "anne.coordinator@example.org",
        "second.coordinator@example.org",
    ]
    email = mail.outbox[0]
    assert email.subject == "[Alliance] New membership request for Saint-Brieuc"
    assert "Nora Benali (nora@example.org) asks to join Saint-Brieuc" in email.body
    assert "https://portal.example/en/cities/saint-brieuc/memberships/" in email.body


def test_membership_request_e_mail_waits_for_the_commit(city_coordinator):
    # The request may still roll back: no e-mail before the transaction commits.
    membership_request(user=make_user(), city=get_city("saint-brieuc"), role="planner")

    assert mail.outbox == []


@pytest.mark.parametrize("status", [MembershipStatus.PENDING, MembershipStatus.APPROVED])
def test_membership_request_duplicate_raises_validation_error(status):
    user = make_user()
    make_membership(user=user, status=status)

    with pytest.raises(ValidationError) as caught:
        membership_request(user=user, city=get_city("saint-brieuc"), role=MembershipRole.PLANNER)

    assert caught.value.messages == [
        "You already have a membership or a pending request for this city."
    ]
    assert Membership.objects.filter(user=user).count() == 1


def test_membership_request_after_a_rejection_is_allowed():
    user = make_user()
    make_membership(user=user, status=MembershipStatus.REJECTED)

    membership = membership_request(user=user, city=get_city("saint-brieuc"), role="planner")

    assert membership.status == MembershipStatus.PENDING
    assert Membership.objects.filter(user=user).count() == 2


def test_membership_request_unknown_role_raises_validation_error():
    user = make_user()

    with pytest.raises(ValidationError) as caught:
        membership_request(user=user, city=get_city("saint-brieuc"), role="mayor")

    assert "role" in caught.value.message_dict
    assert not Membership.objects.filter(user=user).exists()


def test_membership_decide_approves_and_records_who_and_when(
    staff, django_capture_on_commit_callbacks
):
    pending = make_membership(
        user=make_user(email="p@example.org", preferred_language="sv"),
        status=MembershipStatus.PENDING,
    )

    with django_capture_on_commit_callbacks(execute=True):
        decided = membership_decide(membership=pending, decided_by=staff, approve=True)

    stored = Membership.objects.get(pk=pending.pk)
    assert stored.status == MembershipStatus.APPROVED
    assert stored.decided_by == staff
    assert stored.decided_at == decided.decided_at
    assert [email.to for email in mail.outbox] == [["p@example.org"]]


def test_membership_decide_rejects(staff):
    pending = make_membership(status=MembershipStatus.PENDING)

    membership_decide(membership=pending, decided_by=staff, approve=False)

    assert Membership.objects.get(pk=pending.pk).status == MembershipStatus.REJECTED


@pytest.mark.parametrize("status", [MembershipStatus.APPROVED, MembershipStatus.REJECTED])
@pytest.mark.parametrize("approve", [True, False])
def test_membership_decide_on_a_decided_membership_raises_and_changes_nothing(
    staff, city_coordinator, django_capture_on_commit_callbacks, status, approve
):
    decided = make_membership(status=status, decided_by=staff)
    before = Membership.objects.values("status", "decided_at", "decided_by").get(pk=decided.pk)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as caught:
        membership_decide(membership=decided, decided_by=city_coordinator, approve=approve)

    assert caught.value.messages == ["This request has already been decided."]
    after = Membership.objects.values("status", "decided_at", "decided_by").get(pk=decided.pk)
    assert after == before
    assert mail.outbox == []


def test_membership_decide_reads_the_current_status_not_the_stale_object(staff):
    # Two coordinators open the same request; the second decision must not overwrite the first.
    pending = make_membership(status=MembershipStatus.PENDING)
    stale = Membership.objects.get(pk=pending.pk)
    membership_decide(membership=pending, decided_by=staff, approve=False)

    with pytest.raises(ValidationError):
        membership_decide(membership=stale, decided_by=staff, approve=True)

    assert Membership.objects.get(pk=pending.pk).status == MembershipStatus.REJECTED
