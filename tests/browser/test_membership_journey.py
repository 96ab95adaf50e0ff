"""A newcomer signs up, confirms the e-mail, asks to join Saint-Brieuc and is approved."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from cities.enums import MembershipStatus
from cities.models import Membership

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_EMAIL = "ingrid.newcomer@example.org"
NEW_PASSWORD = "Stadsplanering-2026!"  # noqa: S105


def test_signup_confirm_join_and_get_approved(people, live_server, browser, mailoutbox):
    newcomer = browser.new_context(locale="en-GB")
    page = newcomer.new_page()

    # Sign up.
    page.goto(f"{live_server.url}/en/accounts/signup/")
    page.get_by_label("First name").fill("Ingrid")
    page.get_by_label("Last name").fill("Newcomer")
    page.get_by_label("Email").fill(NEW_EMAIL)
    page.get_by_label("Password:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Password (again)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create the account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your e-mail address")

    # Confirm through the link in the message that was sent.
    assert [message.to for message in mail.outbox] == [[NEW_EMAIL]]
    link = re.search(r"http://\S+/en/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    page.goto(link.group(0))
    page.get_by_role("button", name="Confirm the address").click()

    # Sign in (a fresh session, as someone coming back from their mailbox would).
    newcomer.clear_cookies()
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(NEW_EMAIL)
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "French–Swedish Alliance for sustainable urban development"
    )

    # Ask to join Saint-Brieuc.
    page.goto(f"{live_server.url}/en/accounts/membership/")
    page.get_by_label("City").select_option(label="Saint-Brieuc")
    page.get_by_label("Role").select_option(label="Researcher")
    page.get_by_label("Message to the coordinators").fill("Je travaille sur les espaces publics.")
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("status")).to_contain_text("Your request to join Saint-Brieuc")
    membership = Membership.objects.get(user__email=NEW_EMAIL)
    assert membership.status == MembershipStatus.PENDING
    assert people["city_coordinator"].email in [m.to[0] for m in mail.outbox]

    # Saint-Brieuc's coordinator approves it from the portal, by keyboard.
    coordinator = browser.new_context(locale="en-GB")
    sign_in(coordinator, live_server, people["city_coordinator"])
    review = coordinator.new_page()
    review.goto(f"{live_server.url}/en/cities/saint-brieuc/memberships/")
    # By the name given at sign-up: coordinators approve people, not addresses.
    approve = review.get_by_role("button", name="Approve Ingrid Newcomer")
    approve.focus()
    review.keyboard.press("Enter")
    expect(review.get_by_role("status")).to_contain_text("is now a member of Saint-Brieuc")
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPROVED
    assert mail.outbox[-1].to == [NEW_EMAIL]
    coordinator.close()

    # The newcomer sees the approved membership on the profile.
    page.goto(f"{live_server.url}/en/accounts/profile/")
    memberships = page.locator(".memberships")
    expect(memberships).to_contain_text("Saint-Brieuc")
    expect(memberships).to_contain_text("Researcher")
    expect(memberships).to_contain_text("Approved")
    newcomer.close()
