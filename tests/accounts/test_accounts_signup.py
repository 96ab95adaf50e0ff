"""Signing up, confirming the address and signing in, through django-allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import TestCase

from accounts.models import User
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "green-cities-share-2024!"


def sign_up(client, language="en", email="nora.benali@example.org"):
    # The test's transaction never commits: run what the request queued for its commit (the
    # e-mail's delivery), as a real one would.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            f"/{language}/accounts/signup/",
            {
                "first_name": "Nora",
                "last_name": "Benali",
                "email": email,
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
        )


def confirmation_link(body: str) -> str:
    return re.search(r"https?://testserver(/\S+/accounts/confirm-email/\S+/)", body).group(1)


def test_login_page_renders_without_queries(anonymous_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = anonymous_client.get("/en/accounts/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="login"' in html
    assert 'name="password"' in html
    assert 'href="/en/accounts/signup/' in html


def test_signup_page_renders_without_queries(anonymous_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = anonymous_client.get("/en/accounts/signup/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="email"' in html
    assert 'name="password1"' in html
    assert 'name="password2"' in html
    assert 'name="username"' not in html


def test_signup_creates_a_user_with_an_unverified_address(anonymous_client):
    response = sign_up(anonymous_client)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = User.objects.get(email="nora.benali@example.org")
    assert user.check_password(NEW_PASSWORD)
    assert user.is_staff is False
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == (
        "nora.benali@example.org",
        False,
        True,
    )
    assert "_auth_user_id" not in anonymous_client.session


def test_signup_sends_a_confirmation_link(anonymous_client):
    sign_up(anonymous_client)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["nora.benali@example.org"]
    assert email.subject.startswith("[Alliance] ")
    assert confirmation_link(email.body).startswith("/en/accounts/confirm-email/")


def test_signup_then_confirming_the_address_signs_in(anonymous_client):
    sign_up(anonymous_client)
    link = confirmation_link(mail.outbox[0].body)

    response = anonymous_client.post(link)

    assert response.status_code == 302
    # A new account goes on to the profile: who they are, and which city to ask to join.
    assert response["Location"] == "/en/accounts/profile/"
    assert EmailAddress.objects.get(email="nora.benali@example.org").verified is True
    assert anonymous_client.get("/en/accounts/profile/").status_code == 200


def test_signup_with_next_then_confirming_goes_back_there(anonymous_client):
    with TestCase.captureOnCommitCallbacks(execute=True):
        anonymous_client.post(
            "/en/accounts/signup/?next=/en/events/",
            {
                "first_name": "Nora",
                "last_name": "Benali",
                "email": "nora.benali@example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "next": "/en/events/",
            },
        )

    response = anonymous_client.post(confirmation_link(mail.outbox[0].body))

    assert response.status_code == 302
    assert response["Location"] == "/en/events/"


def test_signup_in_french_sets_the_preferred_language(anonymous_client):
    response = sign_up(anonymous_client, language="fr")

    assert response["Location"] == "/fr/accounts/confirm-email/"
    user = User.objects.get(email="nora.benali@example.org")
    assert user.preferred_language == "fr"
    assert confirmation_link(mail.outbox[0].body).startswith("/fr/accounts/confirm-email/")


@pytest.mark.parametrize("language", ["en", "sv"])
def test_signup_sets_the_preferred_language_of_the_page(anonymous_client, language):
    sign_up(anonymous_client, language=language)

    assert User.objects.get(email="nora.benali@example.org").preferred_language == language


def test_signup_lowercases_the_email(anonymous_client):
    sign_up(anonymous_client, email="Nora.Benali@Example.ORG")

    assert User.objects.get().email == "nora.benali@example.org"


def test_signup_with_a_taken_address_in_another_case_creates_no_user(anonymous_client):
    make_user(email="nora.benali@example.org")

    response = sign_up(anonymous_client, email="NORA.BENALI@example.org")

    assert User.objects.count() == 1
    assert EmailAddress.objects.count() == 1
    # allauth does not reveal that the address is taken: it answers as usual and warns the owner.
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert [email.to for email in mail.outbox] == [["nora.benali@example.org"]]
    assert "http://testserver/en/accounts/password/reset/" in mail.outbox[0].body


def test_signup_with_mismatched_passwords_is_a_form_error(anonymous_client):
    response = anonymous_client.post(
        "/en/accounts/signup/",
        {
            "first_name": "Nora",
            "last_name": "Benali",
            "email": "nora@example.org",
            "password1": NEW_PASSWORD,
            "password2": "other-password-1",
        },
    )

    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not User.objects.exists()


def test_signup_with_a_common_password_is_a_form_error(anonymous_client):
    response = anonymous_client.post(
        "/en/accounts/signup/",
        {
            "first_name": "Nora",
            "last_name": "Benali",
            "email": "nora@example.org",
            "password1": "password",
            "password2": "password",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.exists()


def test_login_before_confirming_gives_no_session(anonymous_client):
    sign_up(anonymous_client)
    mail.outbox.clear()

    response = anonymous_client.post(
        "/en/accounts/login/", {"login": "nora.benali@example.org", "password": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in anonymous_client.session
    profile = anonymous_client.get("/en/accounts/profile/")
    assert profile.status_code == 302
    assert profile["Location"].startswith("/en/accounts/login/")


def test_login_with_a_verified_address_opens_the_home_page(anonymous_client, member):
    response = anonymous_client.post(
        "/en/accounts/login/", {"login": "YANN.MEMBER@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert anonymous_client.session["_auth_user_id"] == str(member.pk)


def test_login_with_a_wrong_password_is_a_form_error(anonymous_client, member):
    response = anonymous_client.post(
        "/en/accounts/login/", {"login": member.email, "password": "not-the-password"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in anonymous_client.session


def test_login_of_an_inactive_user_gives_no_session(anonymous_client):
    user = make_user(email="gone@example.org", is_active=False)

    anonymous_client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert "_auth_user_id" not in anonymous_client.session


def test_logout_ends_the_session(member_client):
    response = member_client.post("/en/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in member_client.session
    assert member_client.get("/en/accounts/profile/").status_code == 302


def test_signup_page_asks_for_a_first_and_last_name_before_the_address(anonymous_client):
    html = anonymous_client.get("/en/accounts/signup/").content.decode()

    first = html.index('name="first_name"')
    assert first < html.index('name="last_name"') < html.index('name="email"')
    assert 'autocomplete="given-name"' in html
    assert 'autocomplete="family-name"' in html


@pytest.mark.parametrize("missing", ["first_name", "last_name"])
def test_signup_without_a_name_is_refused_and_creates_nothing(anonymous_client, missing):
    data = {
        "first_name": "Nora",
        "last_name": "Benali",
        "email": "nora.benali@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        missing: "   ",
    }

    response = anonymous_client.post("/en/accounts/signup/", data)

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not User.objects.filter(email="nora.benali@example.org").exists()


def test_signup_keeps_the_name_for_the_coordinators_and_the_e_mails(anonymous_client):
    with TestCase.captureOnCommitCallbacks(execute=True):
        anonymous_client.post(
            "/en/accounts/signup/",
            {
                "first_name": "  Anne-Sophie ",
                "last_name": "Le  Gall",
                "email": "as.legall@example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
        )

    user = User.objects.get(email="as.legall@example.org")
    assert user.full_name == "Anne-Sophie Le Gall"
    (message,) = mail.outbox
    assert message.body.startswith("Hello Anne-Sophie Le Gall,")
    page = anonymous_client.get(confirmation_link(message.body)).content.decode()
    assert "Anne-Sophie Le Gall, confirm that as.legall@example.org is your e-mail address." in (
        " ".join(page.split())
    )
