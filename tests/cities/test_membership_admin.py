"""Memberships in the admin: decided and ended through the services, the role changeable."""

import pytest
from django.core import mail

from cities.enums import MembershipRole, MembershipStatus
from cities.models import Membership
from tests.admin_forms import admin_form_data
from tests.factories import make_membership, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(db):
    person = make_user(email="asking@example.org", full_name="Asking Person")
    return make_membership(user=person, city="saint-brieuc", status=MembershipStatus.PENDING)


def test_admin_cannot_approve_by_editing_the_status(admin_client, pending):
    url = f"/admin/cities/membership/{pending.pk}/change/"
    data = admin_form_data(admin_client, url)
    assert "status" not in data
    data["status"] = [MembershipStatus.APPROVED]

    admin_client.post(url, data)

    pending.refresh_from_db()
    assert pending.status == MembershipStatus.PENDING


def test_admin_approve_action_tells_the_person(
    admin_client, pending, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/cities/membership/",
            {"action": "approve_memberships", "_selected_action": [pending.pk]},
        )

    pending.refresh_from_db()
    assert pending.status == MembershipStatus.APPROVED
    assert pending.decided_at is not None
    assert [message.to for message in mail.outbox] == [["asking@example.org"]]


def test_admin_changes_the_role(admin_client, member):
    membership = member.memberships.get()
    url = f"/admin/cities/membership/{membership.pk}/change/"
    data = admin_form_data(admin_client, url)
    data["role"] = [MembershipRole.COORDINATOR]

    response = admin_client.post(url, data)

    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.status) == (
        MembershipRole.COORDINATOR,
        MembershipStatus.APPROVED,
    )


def test_admin_ends_a_membership(admin_client, member):
    membership = member.memberships.get()

    response = admin_client.post(
        f"/admin/cities/membership/{membership.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_city_and_person_pages_show_memberships_read_only(admin_client, member):
    membership = member.memberships.get()

    city_page = admin_client.get(f"/admin/cities/city/{membership.city_id}/change/")
    person_page = admin_client.get(f"/admin/accounts/user/{member.pk}/change/")

    for page in (city_page, person_page):
        assert page.status_code == 200
        html = page.content.decode()
        assert "Yann Member" in html or "Saint-Brieuc" in html
        assert 'name="memberships-0-status"' not in html
