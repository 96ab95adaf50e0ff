"""Yann, a Saint-Brieuc planner, downloads everything the portal holds about him from his
profile (the link comes by e-mail), then deletes his account and asks for his comments to go
too. Every page on the way passes axe-core."""

import io
import json
import re
import zipfile

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from projects.models import Comment

from .conftest import PASSWORD, axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_member_downloads_his_data_then_deletes_his_account(
    people, live_server, new_context, axe_source
):
    member = people["member"]
    comment_pk = people["ids"]["comment"]
    context = new_context()
    sign_in(context, live_server, member)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/accounts/profile/")
    assert axe_violations(page, axe_source) == []

    page.get_by_role("button", name="Download my data").click()
    expect(page.get_by_text("We are preparing your data.")).to_be_visible()
    [message] = [m for m in mail.outbox if m.to == [member.email]]
    link = re.search(r"http://\S+/en/accounts/data/\S+/", message.body).group(0)
    link = live_server.url + link[link.index("/en/") :]
    response = page.request.get(link)
    assert response.status == 200
    with zipfile.ZipFile(io.BytesIO(response.body())) as archive:
        comments = json.loads(archive.read("comments.json"))
        profile = json.loads(archive.read("account.json"))["profile"][0]
    assert comments["comments"][0]["body"] == "Comment ça marche ?"
    assert profile["full_name"] == "Yann Planner"

    page.get_by_role("link", name="Delete my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete my account")
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete my account for good").click()
    expect(
        page.get_by_text("This is not your password: your account was not deleted.", exact=True)
    ).to_be_visible()
    assert axe_violations(page, axe_source) == []
    assert User.objects.filter(pk=member.pk).exists()

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("Also remove my comments and answers").check()
    page.get_by_role("button", name="Delete my account for good").click()
    expect(
        page.get_by_text("Your account and your personal data have been deleted.")
    ).to_be_visible()
    assert not User.objects.filter(pk=member.pk).exists()
    assert Comment.objects.get(pk=comment_pk).deleted_at is not None
    # The link to the export no longer opens anything: he is signed out and the file is gone.
    assert page.request.get(link, max_redirects=0).status == 302
