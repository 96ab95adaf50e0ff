"""Reviewing and deciding membership requests: who may, what changes, what the person is told."""

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from cities.enums import MembershipRole, MembershipStatus
from cities.models import Membership
from tests.factories import make_membership, make_user

pytestmark = pytest.mark.django_db

REVIEW_URL = "/{language}/cities/saint-brieuc/memberships/"
DECISION_URL = "/en/cities/saint-brieuc/memberships/{pk}/decision/"

ALLOWED = ["city_coordinator", "staff"]
FORBIDDEN = ["member", "other_city_member", "other_city_coordinator", "network_coordinator"]


@pytest.fixture
def request_to_join(db):
    """Nora, who works in French, asks to join Saint-Brieuc."""
    nora = make_user(
        email="nora.benali@example.org",
        full_name="Nora Benali",
        organisation="Saint-Brieuc Armor Agglomération",
        preferred_language="fr",
    )
    return make_membership(
        user=nora,
        city="saint-brieuc",
        role=MembershipRole.EU_OFFICER,
        status=MembershipStatus.PENDING,
        message="Je travaille sur les candidatures européennes.",
    )


def assert_unchanged(membership: Membership) -> None:
    fresh = Membership.objects.get(pk=membership.pk)
    assert fresh.status == MembershipStatus.PENDING
    assert fresh.decided_at is None
    assert fresh.decided_by is None


# --- The review page ----------------------------------------------------------------------------


def test_review_page_anonymous_is_sent_to_login(anonymous_client, request_to_join):
    response = anonymous_client.get("/en/cities/saint-brieuc/memberships/")

    assert response.status_code == 302
    assert response["Location"] == ("/en/accounts/login/?next=/en/cities/saint-brieuc/memberships/")


@pytest.mark.parametrize("role", FORBIDDEN)
def test_review_page_is_forbidden_to_others(user_for_role, login, request_to_join, role):
    response = login(user_for_role(role)).get("/en/cities/saint-brieuc/memberships/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Access denied</h1>" in html
    assert "Nora Benali" not in html


@pytest.mark.parametrize("role", ALLOWED)
def test_review_page_lists_pending_requests(user_for_role, login, request_to_join, role):
    make_membership(user=make_user(full_name="Already Approved"))
    make_membership(user=make_user(full_name="Was Rejected"), status=MembershipStatus.REJECTED)
    make_membership(
        user=make_user(full_name="Asks Umea"), city="umea", status=MembershipStatus.PENDING
    )

    response = login(user_for_role(role)).get("/en/cities/saint-brieuc/memberships/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Membership requests for Saint-Brieuc</h1>" in html
    assert '<h2 class="h3">Nora Benali</h2>' in html
    assert "<dd>nora.benali@example.org</dd>" in html
    assert "<dd>EU or innovation project officer</dd>" in html
    assert "<dd>Je travaille sur les candidatures européennes.</dd>" in html
    assert f'action="/en/cities/saint-brieuc/memberships/{request_to_join.pk}/decision/"' in html
    for other in ("Already Approved", "Was Rejected", "Asks Umea"):
        assert other not in html


def test_review_page_without_requests_says_so(coordinator_client):
    response = coordinator_client.get("/en/cities/saint-brieuc/memberships/")

    assert "There are no pending requests." in response.content.decode()


def test_review_page_of_another_city_is_forbidden_to_the_coordinator(coordinator_client):
    response = coordinator_client.get("/en/cities/umea/memberships/")

    assert response.status_code == 403


def test_review_page_unknown_city_gives_404(coordinator_client):
    response = coordinator_client.get("/en/cities/atlantis/memberships/")

    assert response.status_code == 404


def test_review_page_coordinator_whose_role_is_pending_is_forbidden(login):
    hopeful = make_user()
    make_membership(user=hopeful, role=MembershipRole.COORDINATOR, status=MembershipStatus.PENDING)

    response = login(hopeful).get("/en/cities/saint-brieuc/memberships/")

    assert response.status_code == 403


def test_review_page_query_budget_holds_with_many_requests(
    coordinator_client, django_assert_num_queries
):
    for number in range(30):
        make_membership(
            user=make_user(full_name=f"Applicant {number:02d}", organisation="Agglo"),
            status=MembershipStatus.PENDING,
            message="Bonjour",
        )

    with django_assert_num_queries(5):
        response = coordinator_client.get("/en/cities/saint-brieuc/memberships/")

    html = response.content.decode()
    assert html.count('<h2 class="h3">Applicant') == 30
    assert html.index("Applicant 00") < html.index("Applicant 29")


def test_review_page_with_one_request_stays_within_budget(
    coordinator_client, request_to_join, django_assert_num_queries
):
    with django_assert_num_queries(5):
        response = coordinator_client.get("/en/cities/saint-brieuc/memberships/")

    assert "Nora Benali" in response.content.decode()


# --- The decision endpoint ----------------------------------------------------------------------


def test_decision_anonymous_is_sent_to_login_and_nothing_changes(
    anonymous_client, request_to_join, django_capture_on_commit_callbacks
):
    url = DECISION_URL.format(pk=request_to_join.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous_client.post(url, {"decision": "approve"})

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={url}"
    assert_unchanged(request_to_join)
    assert mail.outbox == []


@pytest.mark.parametrize("decision", ["approve", "reject"])
@pytest.mark.parametrize("role", FORBIDDEN)
def test_decision_is_forbidden_to_others_and_nothing_changes(
    user_for_role, login, request_to_join, django_capture_on_commit_callbacks, role, decision
):
    client = login(user_for_role(role))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DECISION_URL.format(pk=request_to_join.pk), {"decision": decision})

    assert response.status_code == 403
    assert_unchanged(request_to_join)
    assert mail.outbox == []


@pytest.mark.parametrize("role", ALLOWED)
def test_decision_approve_approves_and_tells_the_person(
    user_for_role, login, request_to_join, django_capture_on_commit_callbacks, role
):
    decider = user_for_role(role)
    client = login(decider)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DECISION_URL.format(pk=request_to_join.pk), {"decision": "approve"})

    assert response.status_code == 302
    assert response["Location"] == "/en/cities/saint-brieuc/memberships/"
    membership = Membership.objects.get(pk=request_to_join.pk)
    assert membership.status == MembershipStatus.APPROVED
    assert membership.decided_by == decider
    assert membership.decided_at is not None
    assert membership.decided_at >= membership.created_at
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["nora.benali@example.org"]
    assert "Saint-Brieuc" in email.subject
    assert "Saint-Brieuc" in email.body
    assert "http://testserver/fr/accounts/profile/" in email.body


@pytest.mark.parametrize("language", ["fr", "sv"])
def test_decision_approve_e_mail_is_in_the_persons_language(
    coordinator_client, request_to_join, django_capture_on_commit_callbacks, language
):
    request_to_join.user.preferred_language = language
    request_to_join.user.save()
    with translation.override(language):
        subject = gettext("Welcome to %(city)s on the Alliance Portal") % {"city": "Saint-Brieuc"}
        greeting = gettext("Hello %(name)s,") % {"name": "Nora Benali"}

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(DECISION_URL.format(pk=request_to_join.pk), {"decision": "approve"})

    email = mail.outbox[0]
    assert email.subject == f"[Alliance] {subject}"
    assert email.subject != "[Alliance] Welcome to Saint-Brieuc on the Alliance Portal"
    assert email.body.startswith(greeting)
    assert f"http://testserver/{language}/accounts/profile/" in email.body


def test_decision_approve_e_mail_to_a_french_person_is_in_french(
    coordinator_client, request_to_join, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(DECISION_URL.format(pk=request_to_join.pk), {"decision": "approve"})

    email = mail.outbox[0]
    assert email.subject.startswith("[Alliance] Bienvenue")
    assert email.body.startswith("Bonjour Nora Benali,")


def test_decision_e_mail_language_does_not_leak_into_the_coordinators_page(
    coordinator_client, request_to_join, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            DECISION_URL.format(pk=request_to_join.pk), {"decision": "approve"}, follow=True
        )

    assert '<html lang="en">' in response.content.decode()
    assert translation.get_language() == "en"


def test_decision_approve_shows_a_confirmation(coordinator_client, request_to_join):
    response = coordinator_client.post(
        DECISION_URL.format(pk=request_to_join.pk), {"decision": "approve"}, follow=True
    )

    html = response.content.decode()
    assert "Nora Benali is now a member of Saint-Brieuc." in html
    assert "There are no pending requests." in html


@pytest.mark.parametrize("role", ALLOWED)
def test_decision_reject_rejects_and_tells_the_person(
    user_for_role, login, request_to_join, django_capture_on_commit_callbacks, role
):
    decider = user_for_role(role)

    with django_capture_on_commit_callbacks(execute=True):
        response = login(decider).post(
            DECISION_URL.format(pk=request_to_join.pk), {"decision": "reject"}, follow=True
        )

    membership = Membership.objects.get(pk=request_to_join.pk)
    assert membership.status == MembershipStatus.REJECTED
    assert membership.decided_by == decider
    assert membership.decided_at is not None
    assert "Nora Benali&#x27;s request was rejected." in response.content.decode()
    assert [email.to for email in mail.outbox] == [["nora.benali@example.org"]]
    assert "Saint-Brieuc" in mail.outbox[0].body


def test_decision_approval_gives_access_to_the_people_of_the_city(
    login, request_to_join, coordinator_client, member
):
    coordinator_client.post(DECISION_URL.format(pk=request_to_join.pk), {"decision": "approve"})

    response = login(request_to_join.user).get("/en/cities/saint-brieuc/")

    assert "<strong>Yann Member</strong>" in response.content.decode()


@pytest.mark.parametrize("status", [MembershipStatus.APPROVED, MembershipStatus.REJECTED])
def test_decision_on_an_already_decided_request_changes_nothing(
    coordinator_client, staff, django_capture_on_commit_callbacks, status
):
    decided = make_membership(status=status, decided_by=staff)
    before = Membership.objects.get(pk=decided.pk)
    flipped = "reject" if status == MembershipStatus.APPROVED else "approve"

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            DECISION_URL.format(pk=decided.pk), {"decision": flipped}, follow=True
        )

    after = Membership.objects.get(pk=decided.pk)
    assert (after.status, after.decided_at, after.decided_by) == (
        before.status,
        before.decided_at,
        staff,
    )
    assert response.redirect_chain == [("/en/cities/saint-brieuc/memberships/", 302)]
    assert "This request has already been decided." in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize("data", [{"decision": "maybe"}, {"decision": ""}, {}])
def test_decision_with_a_bad_value_gives_400(coordinator_client, request_to_join, data):
    response = coordinator_client.post(DECISION_URL.format(pk=request_to_join.pk), data)

    assert response.status_code == 400
    assert b"Choose to approve or reject the request." in response.content
    assert_unchanged(request_to_join)


def test_decision_on_an_unknown_request_gives_404(coordinator_client):
    response = coordinator_client.post(DECISION_URL.format(pk=99999), {"decision": "approve"})

    assert response.status_code == 404


def test_decision_on_another_citys_request_through_this_city_gives_404(coordinator_client):
    elsewhere = make_membership(city="umea", status=MembershipStatus.PENDING)

    response = coordinator_client.post(
        DECISION_URL.format(pk=elsewhere.pk), {"decision": "approve"}
    )

    assert response.status_code == 404
    assert_unchanged(elsewhere)


def test_decision_on_another_citys_request_through_its_own_url_is_forbidden(coordinator_client):
    elsewhere = make_membership(city="umea", status=MembershipStatus.PENDING)

    response = coordinator_client.post(
        f"/en/cities/umea/memberships/{elsewhere.pk}/decision/", {"decision": "approve"}
    )

    assert response.status_code == 403
    assert_unchanged(elsewhere)


def test_decision_without_a_csrf_token_is_refused(city_coordinator, request_to_join):
    client = Client(enforce_csrf_checks=True)
    client.force_login(city_coordinator)

    response = client.post(DECISION_URL.format(pk=request_to_join.pk), {"decision": "approve"})

    assert response.status_code == 403
    assert_unchanged(request_to_join)


def test_decision_get_gives_405(coordinator_client, request_to_join):
    response = coordinator_client.get(DECISION_URL.format(pk=request_to_join.pk))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert_unchanged(request_to_join)


def test_decision_coordinator_can_not_approve_their_own_other_request(
    city_coordinator, coordinator_client
):
    # Saint-Brieuc's coordinator asking to join Umeå cannot decide it themselves.
    own = make_membership(user=city_coordinator, city="umea", status=MembershipStatus.PENDING)

    response = coordinator_client.post(
        f"/en/cities/umea/memberships/{own.pk}/decision/", {"decision": "approve"}
    )

    assert response.status_code == 403
    assert_unchanged(own)
