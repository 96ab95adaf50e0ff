"""The follow button's ``next``: a bad one is refused before anything is written, the follow is
still recorded, and the person lands on the followed page instead."""

import pytest

from notifications.models import Follow
from themes.models import Theme

pytestmark = pytest.mark.django_db

BAD = [
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example/x",
    "javascript:alert(1)",
    "/en/\r\nSet-Cookie: x=1",
]


@pytest.mark.parametrize("next_page", BAD)
@pytest.mark.parametrize("operation", ["follow", "unfollow"])
def test_follow_toggle_with_a_bad_next_acts_and_goes_to_the_followed_page(
    member_client, member, next_page, operation
):
    theme = Theme.objects.get(slug="public-spaces")
    if operation == "unfollow":
        member_client.post(
            "/en/notifications/follow/",
            {"kind": "theme", "id": str(theme.pk), "operation": "follow"},
        )

    response = member_client.post(
        "/en/notifications/follow/",
        {"kind": "theme", "id": str(theme.pk), "operation": operation, "next": next_page},
    )

    assert response.status_code == 302
    assert response["Location"] == theme.get_absolute_url()
    assert Follow.objects.filter(user=member).count() == (1 if operation == "follow" else 0)


def test_follow_toggle_with_a_long_local_next_still_follows(member_client, member):
    theme = Theme.objects.get(slug="public-spaces")
    long_path = "/en/themes/?q=" + "x" * 2000

    response = member_client.post(
        "/en/notifications/follow/",
        {"kind": "theme", "id": str(theme.pk), "operation": "follow", "next": long_path},
    )

    assert response.status_code == 302
    assert response["Location"] == long_path
    assert Follow.objects.filter(user=member).count() == 1
