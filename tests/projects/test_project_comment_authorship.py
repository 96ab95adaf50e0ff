"""Nobody edits another person's comment in that person's name, staff and superusers included:
the author edits and deletes their own; moderators hide it, with a reason."""

import pytest

from tests.factories import make_comment

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "other_city_member",
    "member",
    "city_coordinator",
    "network_coordinator",
    "staff",
    "superuser",
]
MODERATORS = {"network_coordinator", "staff", "superuser"}
# The project is Saint-Brieuc's: its city coordinator moderates its comments too.
HIDERS = {*MODERATORS, "city_coordinator"}
ORIGINAL = "We counted them at each bench."


@pytest.fixture
def members_comment(public_project, member):
    return make_comment(project=public_project, author=member, body=ORIGINAL)


@pytest.mark.parametrize("role", ROLES)
def test_comment_edit_is_for_its_author_only(login, user_for_role, members_comment, role):
    path = f"/en/projects/{members_comment.project.slug}/comments/{members_comment.pk}/edit/"
    client = login(user_for_role(role))

    page = client.get(path)
    post = client.post(path, {"body": "Words put in their mouth"})

    members_comment.refresh_from_db()
    if role == "anonymous":
        assert (page.status_code, post.status_code) == (302, 302)
    elif role == "member":
        assert (page.status_code, post.status_code) == (200, 302)
    else:
        assert (page.status_code, post.status_code) == (403, 403)
    assert members_comment.body == ("Words put in their mouth" if role == "member" else ORIGINAL)


@pytest.mark.parametrize("role", ROLES)
def test_comment_delete_is_for_its_author_only(login, user_for_role, members_comment, role):
    path = f"/en/projects/{members_comment.project.slug}/comments/{members_comment.pk}/delete/"

    response = login(user_for_role(role)).post(path)

    members_comment.refresh_from_db()
    assert response.status_code == (403 if role not in {"anonymous", "member"} else 302)
    assert members_comment.is_deleted is (role == "member")
    assert members_comment.body == ORIGINAL  # withdrawn, not rewritten


@pytest.mark.parametrize("role", ROLES)
def test_comment_hide_is_for_moderators_and_keeps_the_authors_words(
    login, user_for_role, members_comment, role
):
    path = f"/en/projects/{members_comment.project.slug}/comments/{members_comment.pk}/hide/"

    response = login(user_for_role(role)).post(path, {"reason": "off_topic"})

    members_comment.refresh_from_db()
    assert response.status_code == (302 if role in HIDERS or role == "anonymous" else 403)
    assert members_comment.is_hidden is (role in HIDERS)
    assert members_comment.body == ORIGINAL
