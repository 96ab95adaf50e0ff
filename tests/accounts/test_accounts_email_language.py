"""allauth's e-mails speak the person's language, and so do their links: a password reset asked
for on an English page by someone who reads French arrives in French with a /fr/ link."""

import re

import pytest
from django.core import mail
from django.test import TestCase

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def link(body: str, path: str) -> str:
    return re.search(rf"https?://testserver(/\w\w/accounts/{path}/\S+/)", body).group(1)


@pytest.mark.parametrize("language", ["fr", "sv", "en"])
def test_password_reset_link_is_in_the_persons_language_whatever_the_page(
    anonymous_client, language
):
    make_user(email="reader@example.org", preferred_language=language)

    with TestCase.captureOnCommitCallbacks(execute=True):
        anonymous_client.post("/en/accounts/password/reset/", {"email": "reader@example.org"})

    (message,) = mail.outbox
    reset = link(message.body, "password/reset/key")
    assert reset.startswith(f"/{language}/accounts/password/reset/key/")
    # The link works: it opens the page to choose a new password.
    opened = anonymous_client.get(reset, follow=True)
    assert opened.status_code == 200
    assert opened.redirect_chain[-1][0].startswith(f"/{language}/accounts/password/reset/key/")
    assert 'name="password1"' in opened.content.decode()


def test_password_reset_e_mail_in_french_says_so_in_french(anonymous_client):
    make_user(email="lea@example.org", preferred_language="fr")

    with TestCase.captureOnCommitCallbacks(execute=True):
        anonymous_client.post("/sv/accounts/password/reset/", {"email": "lea@example.org"})

    (message,) = mail.outbox
    assert "/fr/accounts/password/reset/key/" in message.body
    assert "/sv/" not in message.body


def test_confirmation_link_sent_at_sign_in_is_in_the_persons_language(anonymous_client):
    make_user(email="sofia@example.org", preferred_language="sv", verified=False)

    with TestCase.captureOnCommitCallbacks(execute=True):
        anonymous_client.post(
            "/fr/accounts/login/", {"login": "sofia@example.org", "password": PASSWORD}
        )

    (message,) = mail.outbox
    assert link(message.body, "confirm-email").startswith("/sv/accounts/confirm-email/")
