import pytest

from projects.models import Comment
from tests.content_language import selected_language
from tests.factories import make_comment, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(member):
    return make_project(author=member, slug="place-de-la-grille")


def test_comment_form_defaults_to_the_interface_language(member_client, project):
    page = member_client.get("/sv/projects/place-de-la-grille/").content.decode()

    assert selected_language(page) == "sv"


def test_comment_stores_the_language_chosen(member_client, project):
    member_client.post(
        "/fr/projects/place-de-la-grille/comments/", {"body": "Hej!", "content_language": "sv"}
    )

    assert Comment.objects.get().content_language == "sv"


def test_comment_posted_without_a_language_is_in_the_interface_language(member_client, project):
    member_client.post("/sv/projects/place-de-la-grille/comments/", {"body": "Hej!"})

    assert Comment.objects.get().content_language == "sv"


def test_comment_refuses_an_unknown_language(member_client, project):
    response = member_client.post(
        "/en/projects/place-de-la-grille/comments/",
        {"body": "Hello", "content_language": "de"},
        follow=True,
    )

    assert (
        "Your comment was not posted: choose the language of the text in the list."
        in response.content.decode()
    )
    assert not Comment.objects.exists()


def test_comment_edit_changes_the_language(member_client, member, project):
    comment = make_comment(project=project, author=member, content_language="en")

    member_client.post(
        f"/en/projects/place-de-la-grille/comments/{comment.pk}/edit/",
        {"body": "Bonjour", "content_language": "fr"},
    )

    comment.refresh_from_db()
    assert (comment.body, comment.content_language) == ("Bonjour", "fr")
