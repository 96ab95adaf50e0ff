"""Avatars that are not whole pictures get a form error on the profile page, never a 500."""

import html

import pytest

from tests.admin_forms import admin_form_data
from tests.factories.bad_pictures import BAD_PICTURES, bad_picture_upload

from .test_accounts_profile import URL, profile_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("case", BAD_PICTURES)
def test_profile_bad_avatar_is_a_form_error_and_saves_nothing(
    member_client, member, media_root, case
):
    avatar, message = bad_picture_upload(case)

    response = member_client.post(URL, profile_data(avatar=avatar, job_title="Architecte"))

    assert response.status_code == 200
    assert response.context["form"].errors["avatar"] == [message]
    assert html.escape(message) in response.content.decode()
    member.refresh_from_db()
    assert not member.avatar
    assert member.job_title == "Urban planner"
    assert not (media_root / "avatars").exists()


def test_admin_cannot_upload_an_avatar_around_the_picture_checks(admin_client, member):
    url = f"/admin/accounts/user/{member.pk}/change/"
    data = admin_form_data(admin_client, url)

    assert "avatar" not in data
    assert 'type="file"' not in admin_client.get(url).content.decode()
