"""Saint-Brieuc's city coordinator, who has no second factor yet, opens the membership requests:
the portal sends her to set one up; she confirms her password, adds the code her authenticator
app shows (the test computes it, as the app would), and the requests open. Then she adds a
security key (Chromium's virtual authenticator). Every page on the way passes axe-core."""

import pytest
from playwright.sync_api import expect

from tests.accounts.test_second_factor import totp_code

from .conftest import PASSWORD, axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _required(settings):
    settings.SECOND_FACTOR_REQUIRED = True
    # The live server is plain http on localhost, a secure context for the browser only.
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True


def test_coordinator_is_sent_to_enrol_then_reaches_her_page(
    people, live_server, new_context, axe_source
):
    context = new_context()
    page = context.new_page()
    coordinator = people["city_coordinator"]
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()

    page.goto(f"{live_server.url}/en/cities/saint-brieuc/memberships/")
    expect(page).to_have_url(f"{live_server.url}/en/accounts/2fa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Second factor at sign-in")
    expect(page.get_by_text("Your role in the network needs a second factor")).to_be_visible()
    assert axe_violations(page, axe_source) == []

    page.get_by_role("link", name="Set up an authenticator app").click()
    # The password again, before anything about sign-in changes.
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    secret = page.locator("#authenticator_secret").input_value()
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Recovery")

    page.goto(f"{live_server.url}/en/accounts/2fa/")
    page.get_by_role("link", name="Go back to the page you asked for").click()
    expect(page).to_have_url(f"{live_server.url}/en/cities/saint-brieuc/memberships/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Saint-Brieuc")

    # A security key too: Chromium's virtual authenticator stands in for one.
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    page.goto(f"{live_server.url}/en/accounts/2fa/webauthn/add/")
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Name").fill("Office key")
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    page.goto(f"{live_server.url}/en/accounts/2fa/")
    expect(page.get_by_text("1 security key added.")).to_be_visible()
