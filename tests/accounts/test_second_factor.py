"""Those who hold power sign in with a second factor (allauth.mfa): until staff, network
coordinators and city coordinators enrol, the pages that need their role send them to the
enrolment page; any member may enrol; a wrong code counts against the sign-in rate limit."""

import base64
import hashlib
import hmac
import re
import struct
import time
from html import unescape

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from alliance_portal.second_factor import RETURN_KEY, SESSION_KEY
from cities.enums import MembershipRole
from cities.rules import COORDINATORS_GROUP
from tests.factories import PASSWORD, make_event, make_membership, make_user

pytestmark = pytest.mark.django_db

ENROL = "/en/accounts/2fa/"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238 (SHA-1, 30 s, 6 digits), as an authenticator app computes it."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.SECOND_FACTOR_REQUIRED = True


def person(email: str, **fields) -> User:
    user = make_user(email=email, full_name=email.split("@")[0].title(), **fields)
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


@pytest.fixture
def people(db):
    staff = person("staff@example.org", is_staff=True)
    network = person("network@example.org")
    network.groups.add(Group.objects.get_or_create(name=COORDINATORS_GROUP)[0])
    city = person("anne.coordinator@example.org")
    make_membership(user=city, city="saint-brieuc", role=MembershipRole.COORDINATOR)
    member = person("yann.member@example.org")
    make_membership(user=member, city="saint-brieuc")
    other = person("sofia.other@example.org")
    make_membership(user=other, city="gothenburg", role=MembershipRole.COORDINATOR)
    return {
        "staff": staff,
        "network_coordinator": network,
        "city_coordinator": city,
        "member": member,
        "other_city_coordinator": other,
    }


# Each role's own page: what it could open before enrolling, and can open after.
ROLE_PAGES = {
    "staff": "/admin/",
    "network_coordinator": "/en/events/new/",
    "city_coordinator": "/en/cities/saint-brieuc/memberships/",
    "other_city_coordinator": "/en/cities/gothenburg/memberships/",
}


@pytest.mark.parametrize("role", sorted(ROLE_PAGES))
def test_power_without_a_second_factor_sends_to_the_enrolment_page(login, people, role):
    client = login(people[role])

    response = client.get(ROLE_PAGES[role])

    assert response.status_code == 302
    assert response["Location"] == ENROL
    assert client.session[RETURN_KEY] == ROLE_PAGES[role]
    page = unescape(client.get(ENROL).content.decode())
    assert "Your role in the network needs a second factor at sign-in" in page


@pytest.mark.parametrize("role", sorted(ROLE_PAGES))
def test_power_with_a_second_factor_opens_the_role_page(login, people, role):
    TOTP.activate(people[role], SECRET)
    client = login(people[role])

    response = client.get(ROLE_PAGES[role])

    assert response.status_code == 200
    assert client.session[SESSION_KEY] is True


def test_an_action_that_needs_the_role_is_refused_until_enrolment(login, people):
    """Not only pages: publishing an event is refused, and nothing changes."""
    event = make_event(state="draft")
    client = login(people["network_coordinator"])

    response = client.post(f"/en/events/{event.slug}/publish/")

    assert response.status_code == 302
    assert response["Location"] == ENROL
    event.refresh_from_db()
    assert event.state == "draft"


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("member", 200), ("city_coordinator", 200), ("staff", 200)],
)
def test_any_member_may_open_the_enrolment_page(login, people, who, status):
    client = login(None if who == "anonymous" else people[who])

    response = client.get(ENROL)

    assert response.status_code == status
    if who == "anonymous":
        assert response["Location"].startswith("/en/accounts/login/")


def test_a_member_without_power_is_never_sent_to_enrolment(login, people):
    client = login(people["member"])

    for path in ("/en/", "/en/projects/new/", "/en/questions/ask/"):
        assert client.get(path).status_code == 200, path
    # A page the member may not open stays a refusal: no role is withheld from them.
    assert client.get("/en/cities/saint-brieuc/memberships/").status_code == 403


def test_the_enrolment_check_is_one_query_per_session(login, people):
    TOTP.activate(people["city_coordinator"], SECRET)
    client = login(people["city_coordinator"])
    client.get(ROLE_PAGES["city_coordinator"])

    with CaptureQueriesContext(connection) as queries:
        assert client.get(ROLE_PAGES["city_coordinator"]).status_code == 200

    assert not [q for q in queries.captured_queries if "mfa_authenticator" in q["sql"]]


def sign_in_with_password(client: Client, user: User):
    return client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})


def test_enrolling_through_the_pages_then_signing_in_with_the_code(people, monkeypatch):
    coordinator = people["city_coordinator"]
    client = Client()
    sign_in_with_password(client, coordinator)

    # Setting up a factor asks for the password again first.
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    # The authenticator app reads the secret from the page (its QR code or the text).
    page = unescape(client.get("/en/accounts/2fa/totp/activate/").content.decode())
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page)
    secret = secret or re.search(r'value="([A-Z2-7]{32})"', page)
    assert secret, page[:2000]
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret.group(1))})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=coordinator, type="totp").exists()
    assert client.get(ROLE_PAGES["city_coordinator"]).status_code == 200

    # The next sign-in asks for the code after the password.
    fresh = Client()
    response = sign_in_with_password(fresh, coordinator)
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert fresh.get(ROLE_PAGES["city_coordinator"]).status_code == 302  # not signed in yet
    # Half a minute later, as a person would: a code already used is never taken twice.
    later = time.time() + 30
    monkeypatch.setattr(time, "time", lambda: later)
    response = fresh.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret.group(1))})
    assert response.status_code == 302
    assert fresh.get(ROLE_PAGES["city_coordinator"]).status_code == 200


def test_wrong_codes_are_rate_limited_like_the_password(people):
    coordinator = people["city_coordinator"]
    TOTP.activate(coordinator, SECRET)
    client = Client()
    sign_in_with_password(client, coordinator)

    for _ in range(5):
        response = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
        assert "Incorrect code." in unescape(response.content.decode())
    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(SECRET)})

    assert response.status_code == 200
    assert "Too many failed login attempts" in unescape(response.content.decode())
    assert client.get(ROLE_PAGES["city_coordinator"]).status_code == 302


def test_without_the_requirement_power_needs_no_second_factor(login, people, settings):
    settings.SECOND_FACTOR_REQUIRED = False
    client = login(people["city_coordinator"])

    assert client.get(ROLE_PAGES["city_coordinator"]).status_code == 200
