"""Saint-Brieuc's city coordinator, who has no second factor yet, opens the moderation page: the
portal sends her to set one up first (the test computes the authenticator app's code). Then she
hides the reported comment on her city's project, with a reason; its author is told the reason
by e-mail, in his language, and the activity log shows who hid what. Every page passes axe."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from cities.enums import ActivityKind
from cities.models import ActivityEntry
from projects.models import Comment
from tests.accounts.test_second_factor import totp_code

from .conftest import PASSWORD, axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _required(settings):
    settings.SECOND_FACTOR_REQUIRED = True


def test_coordinator_enrols_then_hides_a_reported_comment(
    people, live_server, new_context, axe_source
):
    coordinator, member = people["city_coordinator"], people["member"]
    comment_pk = people["ids"]["comment"]
    page = new_context().new_page()
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()

    page.goto(f"{live_server.url}/en/moderation/")
    expect(page).to_have_url(f"{live_server.url}/en/accounts/2fa/")
    page.get_by_role("link", name="Set up an authenticator app").click()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Recovery")

    page.goto(f"{live_server.url}/en/moderation/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")
    assert axe_violations(page, axe_source) == []
    item = page.locator("article", has_text="Comment ça marche ?")
    expect(item.get_by_text("Hors sujet ?")).to_be_visible()  # the reporter's reason
    item.get_by_label("Reason").select_option(label="Off topic")
    item.get_by_label("Note").fill("Merci de poser la question sous le projet concerné.")
    mail.outbox.clear()
    item.get_by_role("button", name="Hide the comment").click()

    expect(page.get_by_text("The comment is now hidden; its author was told why.")).to_be_visible()
    assert axe_violations(page, axe_source) == []
    comment = Comment.objects.get(pk=comment_pk)
    assert comment.is_hidden and comment.hidden_by == coordinator
    [told] = [message for message in mail.outbox if message.to == [member.email]]
    assert "Off topic" in told.body or "Hors sujet" in told.body
    assert "Merci de poser la question sous le projet concerné." in told.body
    assert f"/comments/{comment_pk}/review/" in told.body
    entry = ActivityEntry.objects.get(kind=ActivityKind.CONTENT_HIDDEN, actor=coordinator)
    assert entry.city.slug == "saint-brieuc"

    page.goto(f"{live_server.url}/en/activity/")
    expect(page.get_by_role("cell", name="Content hidden").first).to_be_visible()
    assert axe_violations(page, axe_source) == []
