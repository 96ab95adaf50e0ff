"""allauth's pages and e-mails in the portal's own words (templates/account/): the sign-in page
links "create an account" to the sign-up page and the sign-up page links "sign in" to the sign-in
page, in every language; the e-mails greet and sign as the portal, not as the host name."""

import re

import pytest
from django.core import mail
from django.test import TestCase

from tests.factories import make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "green-cities-share-2024!"


def text(html: str) -> str:
    """The page with its blanks folded, and none just inside a heading."""
    html = re.sub(r"[ \t\n]+", " ", html)
    return re.sub(r"<h1> (.*?) </h1>", r"<h1>\1</h1>", html)


@pytest.mark.parametrize(
    ("language", "heading", "invitation"),
    [
        (
            "en",
            "Sign in",
            'New to the portal? <a href="/en/accounts/signup/">Create an account</a>.',
        ),
        (
            "fr",
            "Se connecter",
            'Pas encore de compte\u00a0? <a href="/fr/accounts/signup/">Créez-en un</a>.',
        ),
        ("sv", "Logga in", 'Har du inget konto? <a href="/sv/accounts/signup/">Skapa ett</a>.'),
    ],
)
def test_login_page_invites_to_sign_up_in_our_words(
    anonymous_client, language, heading, invitation
):
    html = text(anonymous_client.get(f"/{language}/accounts/login/").content.decode())

    assert f"<h1>{heading}</h1>" in html
    assert invitation in html
    assert f'<a href="/{language}/accounts/password/reset/">' in html


@pytest.mark.parametrize(
    ("language", "heading", "sign_in"),
    [
        (
            "en",
            "Create an account",
            'Already have an account? <a href="/en/accounts/login/">Sign in</a>.',
        ),
        (
            "fr",
            "Créer un compte",
            'Vous avez déjà un compte\u00a0? <a href="/fr/accounts/login/">Connectez-vous</a>.',
        ),
        (
            "sv",
            "Skapa ett konto",
            'Har du redan ett konto? <a href="/sv/accounts/login/">Logga in</a>.',
        ),
    ],
)
def test_signup_page_links_sign_in_to_the_login_page(anonymous_client, language, heading, sign_in):
    html = text(anonymous_client.get(f"/{language}/accounts/signup/").content.decode())

    assert f"<h1>{heading}</h1>" in html
    assert sign_in in html
    # allauth's own Swedish ("Har du redan ett konto? Vänligen logga in") is gone.
    assert "Vänligen" not in html


@pytest.mark.parametrize(
    ("language", "greeting", "signature"),
    [
        ("en", "Hello Nora Benali,", "The Alliance Portal"),
        ("fr", "Bonjour Nora Benali,", "Le Portail de l'Alliance"),
        ("sv", "Hej Nora Benali!", "Alliansportalen"),
    ],
)
def test_confirmation_e_mail_is_signed_by_the_portal(
    anonymous_client, language, greeting, signature
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        anonymous_client.post(
            f"/{language}/accounts/signup/",
            {
                "first_name": "Nora",
                "last_name": "Benali",
                "email": "nora@example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
        )

    (message,) = mail.outbox
    lines = message.body.strip().splitlines()
    assert lines[0] == greeting
    assert lines[-1] == signature
    assert "example.com" not in message.body
    assert "testserver" not in message.body.replace("http://testserver/", "")


def test_password_reset_e_mail_in_swedish_in_our_words(anonymous_client):
    make_user(email="sofia@example.org", preferred_language="sv")

    with TestCase.captureOnCommitCallbacks(execute=True):
        anonymous_client.post("/sv/accounts/password/reset/", {"email": "sofia@example.org"})

    (message,) = mail.outbox
    assert message.subject == "[Alliance] Välj ett nytt lösenord"
    assert "har bett om ett nytt lösenord till ditt konto på Alliansportalen" in message.body
    assert message.body.strip().endswith("Alliansportalen")


def test_password_reset_done_page_in_french(anonymous_client):
    response = anonymous_client.get("/fr/accounts/password/reset/done/")

    assert "<h1>Consultez votre messagerie</h1>" in text(response.content.decode())


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Nous avons envoyé un courriel à nora@example.org pour confirmer l'adresse."),
        ("sv", "Vi har skickat ett mejl till nora@example.org för att bekräfta adressen."),
    ],
)
def test_signup_message_says_where_the_confirmation_went(anonymous_client, language, message):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = anonymous_client.post(
            f"/{language}/accounts/signup/",
            {
                "first_name": "Nora",
                "last_name": "Benali",
                "email": "nora@example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
            follow=True,
        )

    assert [str(m) for m in response.context["messages"]] == [message]


@pytest.mark.parametrize("page", ["login", "signup", "password/reset"])
def test_entrance_fields_have_labels_and_no_placeholders(anonymous_client, page):
    page_html = anonymous_client.get(f"/sv/accounts/{page}/").content.decode()
    html = page_html[page_html.index("<main") :]

    assert '<label for="id_' in html
    assert "placeholder=" not in html
    assert "Epost-adress" not in html
