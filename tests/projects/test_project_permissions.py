"""Who may do what with projects and comments (docs/architecture.md), role by role.

Forbidden answers 403 (the login page for an anonymous visitor on a sign-in-only view) and
changes nothing; a project the visitor may not see answers 404 everywhere below it.
"""

import pytest
from django.utils import timezone

from projects.models import Comment, CommentReport, Project
from projects.services import project_saved
from tests.factories import (
    PDF_BYTES,
    get_city,
    make_comment,
    make_document,
    make_membership,
    make_user,
    project_edit_data,
    project_form_data,
)

from .conftest import ROLES

pytestmark = pytest.mark.django_db

ALLOWED_TO_EDIT = {"member", "city_coordinator", "network_coordinator", "staff", "author"}
APPROVED_MEMBERS = {"member", "other_city_member", "other_city_coordinator", "city_coordinator"}
MODERATORS = ["network_coordinator", "staff"]
# Who hides a comment on a Saint-Brieuc project: the moderators and Saint-Brieuc's coordinator.
HIDERS = [*MODERATORS, "city_coordinator"]


@pytest.fixture
def client_for(user_for_role, login):
    """``client_for("staff")``: a client signed in as that role (anonymous: not signed in)."""

    def _client(role: str):
        return login(user_for_role(role))

    return _client


def assert_login_redirect(response, path: str):
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={path}"


def assert_forbidden(response):
    assert response.status_code == 403
    assert "<h1>Access denied</h1>" in response.content.decode()


def assert_told_the_request_waits(response):
    """A pending member is refused with their request and its date, not "ask your coordinator"."""
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Your request to join is waiting</h1>" in html
    assert "You asked to join Saint-Brieuc on" in html
    assert "ask your city's coordinator" not in html


def send(client, method: str, path: str, data: dict):
    """GET without a query string, POST with ``data``."""
    return client.get(path) if method == "get" else client.post(path, data)


def soft_delete(project: Project) -> Project:
    project.deleted_at = timezone.now()
    project.save()
    return project


# --- Reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_public_project_is_readable_by_every_role(client_for, public_project, role):
    response = client_for(role).get(public_project.get_absolute_url())

    assert response.status_code == 200
    assert "<h1>Place de la Grille experiment</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("outsider", 404),
        ("member", 200),
        ("other_city_member", 200),
        ("other_city_coordinator", 200),
        ("city_coordinator", 200),
        # Coordinators edit any project and moderate its comments: they must be able to read it.
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_members_only_project_is_readable_by_members_only(
    client_for, members_project, role, status
):
    response = client_for(role).get(members_project.get_absolute_url())

    assert response.status_code == status
    assert ("Confidential district plan" in response.content.decode()) is (status == 200)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("outsider", 404),
        ("member", 404),
        ("city_coordinator", 404),
        ("network_coordinator", 404),
        ("staff", 200),
    ],
)
def test_deleted_project_is_readable_by_staff_only(client_for, public_project, role, status):
    soft_delete(public_project)

    response = client_for(role).get(public_project.get_absolute_url())

    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "<h1>This project was deleted</h1>" in html
        assert f'action="/en/projects/{public_project.slug}/undelete/"' in html


def test_unknown_project_gives_404(anonymous_client):
    response = anonymous_client.get("/en/projects/no-such-project/")

    assert response.status_code == 404


# --- Creating ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", "waiting"),
        ("member", 200),
        ("other_city_member", 200),
        ("other_city_coordinator", 200),
        ("city_coordinator", 200),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_project_create_form_is_for_members_and_coordinators(client_for, role, status):
    response = client_for(role).get("/en/projects/new/")

    if role == "anonymous":
        assert_login_redirect(response, "/en/projects/new/")
    elif status == "waiting":
        assert_told_the_request_waits(response)
    else:
        assert response.status_code == 200
        assert "<h1>Share a project</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "outcome"),
    [
        ("anonymous", "login"),
        ("outsider", "waiting"),
        ("member", "created"),
        ("other_city_member", "wrong city"),
        ("other_city_coordinator", "wrong city"),
        ("city_coordinator", "created"),
        ("network_coordinator", "created"),
        ("staff", "created"),
    ],
)
def test_project_create_for_saint_brieuc(client_for, user_for_role, role, outcome):
    response = client_for(role).post("/en/projects/new/", project_form_data())

    if outcome == "created":
        project = Project.objects.get()
        assert response.status_code == 302
        assert project.city == get_city("saint-brieuc")
        assert project.author == user_for_role(role)
        assert project.revisions.get().author == user_for_role(role)
        return
    assert Project.objects.count() == 0
    if outcome == "login":
        assert_login_redirect(response, "/en/projects/new/")
    elif outcome == "waiting":
        assert_told_the_request_waits(response)
    else:
        assert response.status_code == 200
        assert "You can only post projects for your own city." in response.content.decode()


@pytest.mark.parametrize(
    ("role", "city"),
    [
        ("member", "saint-brieuc"),
        ("other_city_member", "gothenburg"),
        ("other_city_coordinator", "umea"),
        ("city_coordinator", "saint-brieuc"),
    ],
)
def test_project_create_for_ones_own_city(client_for, role, city):
    data = project_form_data(city=str(get_city(city).pk))

    response = client_for(role).post("/en/projects/new/", data)

    assert response.status_code == 302
    assert Project.objects.get().city.slug == city


@pytest.mark.parametrize("role", ["network_coordinator", "staff"])
def test_project_create_coordinators_may_post_for_any_city(client_for, role):
    data = project_form_data(city=str(get_city("malmo").pk))

    response = client_for(role).post("/en/projects/new/", data)

    assert response.status_code == 302
    assert Project.objects.get().city.slug == "malmo"


def test_project_create_by_a_rejected_member_is_forbidden(login):
    rejected = make_user()
    make_membership(user=rejected, city="saint-brieuc", status="rejected")

    response = login(rejected).post("/en/projects/new/", project_form_data())

    assert_forbidden(response)
    assert Project.objects.count() == 0


# --- Editing, deleting, restoring ------------------------------------------------------------


@pytest.mark.parametrize("role", [*ROLES, "author"])
def test_project_edit_page_by_role(client_for, public_project, role):
    path = f"/en/projects/{public_project.slug}/edit/"

    response = client_for(role).get(path)

    if role == "anonymous":
        assert_login_redirect(response, path)
    elif role in ALLOWED_TO_EDIT:
        assert response.status_code == 200
        assert "<h1>Edit “Place de la Grille experiment”</h1>" in response.content.decode()
    else:
        assert_forbidden(response)


@pytest.mark.parametrize("role", [*ROLES, "author"])
def test_project_edit_post_by_role(client_for, user_for_role, public_project, role):
    path = f"/en/projects/{public_project.slug}/edit/"

    response = client_for(role).post(
        path, project_edit_data(public_project, title="Renamed square")
    )

    public_project.refresh_from_db()
    if role in ALLOWED_TO_EDIT:
        assert response.status_code == 302
        assert public_project.title == "Renamed square"
        revision = public_project.revisions.get(number=2)
        assert (revision.author, revision.changed_fields) == (user_for_role(role), ["title"])
    else:
        assert public_project.title == "Place de la Grille experiment"
        assert public_project.revisions.count() == 1
        if role == "anonymous":
            assert_login_redirect(response, path)
        else:
            assert_forbidden(response)


def test_project_edit_by_its_author_who_left_the_city(login, author, public_project):
    author.memberships.update(status="rejected")
    path = f"/en/projects/{public_project.slug}/edit/"

    response = login(author).post(path, project_edit_data(public_project, title="Still mine"))

    public_project.refresh_from_db()
    assert response.status_code == 403
    assert public_project.title == "Place de la Grille experiment"


def test_project_edit_cannot_move_the_project_to_another_city(login, author, public_project):
    path = f"/en/projects/{public_project.slug}/edit/"
    data = project_edit_data(public_project, title="Moved")
    data["city"] = str(get_city("gothenburg").pk)

    login(author).post(path, data)

    public_project.refresh_from_db()
    assert public_project.city == get_city("saint-brieuc")
    assert public_project.title == "Moved"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("outsider", 404),
        ("member", 200),
        ("other_city_member", 403),
        ("city_coordinator", 200),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_members_only_project_edit_page_by_role(client_for, members_project, role, status):
    response = client_for(role).get(f"/en/projects/{members_project.slug}/edit/")

    assert response.status_code == status


@pytest.mark.parametrize("role", [*ROLES, "author"])
def test_project_delete_by_role(client_for, user_for_role, public_project, role):
    path = f"/en/projects/{public_project.slug}/delete/"

    response = client_for(role).post(path)

    public_project.refresh_from_db()
    if role in ALLOWED_TO_EDIT:
        assert response.status_code == 302
        assert response["Location"] == "/en/projects/"
        assert public_project.deleted_at is not None
        assert public_project.deleted_by == user_for_role(role)
        assert Project.objects.filter(pk=public_project.pk).exists()  # soft: still there
    else:
        assert public_project.deleted_at is None
        if role == "anonymous":
            assert_login_redirect(response, path)
        else:
            assert_forbidden(response)


def test_project_delete_refuses_get(member_client, public_project):
    response = member_client.get(f"/en/projects/{public_project.slug}/delete/")

    public_project.refresh_from_db()
    assert response.status_code == 405
    assert public_project.deleted_at is None


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("member", 404),
        ("author", 404),
        ("city_coordinator", 404),
        ("network_coordinator", 404),
        ("staff", 302),
    ],
)
def test_project_undelete_by_role(client_for, public_project, role, status):
    soft_delete(public_project)
    path = f"/en/projects/{public_project.slug}/undelete/"

    response = client_for(role).post(path)

    public_project.refresh_from_db()
    assert response.status_code == status
    if role == "staff":
        assert response["Location"] == public_project.get_absolute_url()
        assert (public_project.deleted_at, public_project.deleted_by) == (None, None)
    else:
        assert public_project.deleted_at is not None
    if role == "anonymous":
        assert_login_redirect(response, path)


@pytest.mark.parametrize("role", ["member", "city_coordinator", "network_coordinator"])
def test_project_undelete_of_a_live_project_is_staff_only(client_for, public_project, role):
    response = client_for(role).post(f"/en/projects/{public_project.slug}/undelete/")

    assert_forbidden(response)


@pytest.mark.parametrize("role", [*ROLES, "author"])
def test_project_restore_by_role(client_for, author, public_project, role):
    public_project.title = "A worse title"
    public_project.save()
    project_saved(project=public_project, user=author)
    path = f"/en/projects/{public_project.slug}/history/1/restore/"

    response = client_for(role).post(path)

    public_project.refresh_from_db()
    if role in ALLOWED_TO_EDIT:
        assert response.status_code == 302
        assert response["Location"] == f"/en/projects/{public_project.slug}/history/"
        assert public_project.title == "Place de la Grille experiment"
        assert public_project.revisions.get(number=3).restored_from == 1
    else:
        assert public_project.title == "A worse title"
        assert public_project.revisions.count() == 2
        if role == "anonymous":
            assert_login_redirect(response, path)
        else:
            assert_forbidden(response)


@pytest.mark.parametrize("role", ROLES)
def test_project_history_is_readable_by_whoever_reads_the_project(
    client_for, public_project, members_project, role
):
    public = client_for(role).get(f"/en/projects/{public_project.slug}/history/")
    members = client_for(role).get(f"/en/projects/{members_project.slug}/history/")

    assert public.status_code == 200
    assert members.status_code == (404 if role in {"anonymous", "outsider"} else 200)


# --- Sub-URLs of a project the visitor may not see -------------------------------------------


# (method, path below /en/projects/<slug>, open to visitors who are not signed in)
SUB_URLS = [
    ("get", "/", True),
    ("get", "/history/", True),
    ("get", "/documents/{document}/", True),
    ("get", "/edit/", False),
    ("post", "/edit/", False),
    ("post", "/delete/", False),
    ("post", "/history/1/restore/", False),
    ("post", "/comments/", False),
    ("get", "/comments/{comment}/edit/", False),
    ("post", "/comments/{comment}/edit/", False),
    ("post", "/comments/{comment}/delete/", False),
    ("post", "/comments/{comment}/hide/", False),
    ("post", "/comments/{comment}/report/", False),
]
SUB_URL_IDS = [
    f"{method}-{path.strip('/').replace('/', '-') or 'detail'}" for method, path, _ in SUB_URLS
]


def sub_url(project, suffix: str, comment, document) -> str:
    return f"/en/projects/{project.slug}" + suffix.format(comment=comment.pk, document=document.pk)


@pytest.mark.parametrize(("method", "suffix", "public"), SUB_URLS, ids=SUB_URL_IDS)
def test_members_only_project_sub_urls_give_404_to_a_signed_in_non_member(
    login, outsider, members_project, other_city_member, method, suffix, public
):
    comment = make_comment(project=members_project, author=other_city_member, body="Secret")
    document = make_document(project=members_project)
    path = sub_url(members_project, suffix, comment, document)

    response = send(login(outsider), method, path, {"body": "Hello", "reason": "Spam"})

    assert response.status_code == 404
    assert "Confidential district plan" not in response.content.decode()
    assert "Secret" not in response.content.decode()
    comment.refresh_from_db()
    assert (comment.body, comment.deleted_at, comment.hidden_at) == ("Secret", None, None)
    assert Comment.objects.count() == 1
    assert CommentReport.objects.count() == 0
    members_project.refresh_from_db()
    assert members_project.deleted_at is None


@pytest.mark.parametrize(("method", "suffix", "public"), SUB_URLS, ids=SUB_URL_IDS)
def test_members_only_project_sub_urls_hide_it_from_anonymous_visitors(
    anonymous_client, members_project, other_city_member, method, suffix, public
):
    comment = make_comment(project=members_project, author=other_city_member, body="Secret")
    document = make_document(project=members_project)
    path = sub_url(members_project, suffix, comment, document)

    response = send(anonymous_client, method, path, {"body": "Hello", "reason": "Spam"})

    if public:  # the project does not exist for them
        assert response.status_code == 404
    else:
        assert_login_redirect(response, path)
    assert "Confidential district plan" not in response.content.decode()
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(("method", "suffix", "public"), SUB_URLS, ids=SUB_URL_IDS)
def test_deleted_project_sub_urls_give_404_to_its_own_members(
    login, author, public_project, method, suffix, public
):
    comment = make_comment(project=public_project, author=author, body="Mine")
    document = make_document(project=public_project)
    public_project.deleted_at = timezone.now()
    public_project.save()
    path = sub_url(public_project, suffix, comment, document)

    response = send(login(author), method, path, {"body": "Hello", "reason": "Spam"})

    assert response.status_code == 404
    comment.refresh_from_db()
    assert (comment.body, comment.deleted_at) == ("Mine", None)
    assert Comment.objects.count() == 1


def test_comment_of_another_project_gives_404(member_client, public_project, members_project):
    elsewhere = make_comment(project=members_project, author=make_user(), body="Elsewhere")

    response = member_client.post(
        f"/en/projects/{public_project.slug}/comments/{elsewhere.pk}/delete/"
    )

    elsewhere.refresh_from_db()
    assert response.status_code == 404
    assert elsewhere.deleted_at is None


def test_document_of_another_project_gives_404(anonymous_client, public_project, members_project):
    secret = make_document(project=members_project, title="Secret plan")

    response = anonymous_client.get(f"/en/projects/{public_project.slug}/documents/{secret.pk}/")

    assert response.status_code == 404


# --- Documents --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_public_project_document_downloads_for_every_role(client_for, public_project, role):
    document = make_document(project=public_project)

    response = client_for(role).get(f"/en/projects/{public_project.slug}/documents/{document.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("outsider", 404),
        ("member", 200),
        ("other_city_member", 200),
        ("other_city_coordinator", 200),
        ("city_coordinator", 200),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_members_only_project_document_by_role(client_for, members_project, role, status):
    document = make_document(project=members_project)

    response = client_for(role).get(f"/en/projects/{members_project.slug}/documents/{document.pk}/")

    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Cache-Control"] == "private, no-store"


# --- Comments ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_comment_create_by_role(client_for, user_for_role, public_project, role):
    path = f"/en/projects/{public_project.slug}/comments/"

    response = client_for(role).post(path, {"body": "How did you do it?"})

    if role in APPROVED_MEMBERS:
        comment = Comment.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"{public_project.get_absolute_url()}#comment-{comment.pk}"
        assert (comment.author, comment.body) == (user_for_role(role), "How did you do it?")
        return
    assert Comment.objects.count() == 0
    if role == "anonymous":
        assert_login_redirect(response, path)
    else:
        assert_forbidden(response)


@pytest.mark.parametrize("role", ROLES)
def test_comment_create_on_a_members_only_project_by_role(client_for, members_project, role):
    path = f"/en/projects/{members_project.slug}/comments/"

    response = client_for(role).post(path, {"body": "Interesting."})

    assert Comment.objects.count() == (1 if role in APPROVED_MEMBERS else 0)
    if role in APPROVED_MEMBERS:
        assert response.status_code == 302
    elif role == "anonymous":
        assert_login_redirect(response, path)
    elif role == "outsider":
        assert response.status_code == 404
    elif role == "staff":
        assert_forbidden(response)


@pytest.mark.parametrize("role", [*ROLES, "author"])
def test_comment_edit_by_role(client_for, comment, role):
    path = f"/en/projects/{comment.project.slug}/comments/{comment.pk}/edit/"
    # ``comment`` is other_city_member's.
    response = client_for(role).post(path, {"body": "Changed"})

    comment.refresh_from_db()
    if role == "other_city_member":
        assert response.status_code == 302
        assert comment.body == "Changed"
        assert comment.edited_at is not None
    else:
        assert (comment.body, comment.edited_at) == ("How did you count the users?", None)
        if role == "anonymous":
            assert_login_redirect(response, path)
        else:
            assert_forbidden(response)


@pytest.mark.parametrize("role", [*ROLES, "author"])
def test_comment_edit_page_by_role(client_for, comment, role):
    path = f"/en/projects/{comment.project.slug}/comments/{comment.pk}/edit/"

    response = client_for(role).get(path)

    if role == "other_city_member":
        assert response.status_code == 200
        assert "How did you count the users?</textarea>" in response.content.decode()
    elif role == "anonymous":
        assert_login_redirect(response, path)
    else:
        assert_forbidden(response)


@pytest.mark.parametrize("role", [*ROLES, "author"])
def test_comment_delete_by_role(client_for, comment, role):
    path = f"/en/projects/{comment.project.slug}/comments/{comment.pk}/delete/"

    response = client_for(role).post(path)

    comment.refresh_from_db()
    assert Comment.objects.filter(pk=comment.pk).exists()
    if role == "other_city_member":
        assert response.status_code == 302
        assert comment.deleted_at is not None
    else:
        assert comment.deleted_at is None
        if role == "anonymous":
            assert_login_redirect(response, path)
        else:
            assert_forbidden(response)


@pytest.mark.parametrize("role", [*ROLES, "author"])
def test_comment_hide_by_role(client_for, user_for_role, comment, role):
    path = f"/en/projects/{comment.project.slug}/comments/{comment.pk}/hide/"

    response = client_for(role).post(path, {"reason": "off_topic"})

    comment.refresh_from_db()
    if role in HIDERS:
        assert response.status_code == 302
        assert comment.hidden_at is not None
        assert (comment.hidden_by, comment.hidden_reason) == (user_for_role(role), "off_topic")
    else:
        assert (comment.hidden_at, comment.hidden_reason) == (None, "")
        if role == "anonymous":
            assert_login_redirect(response, path)
        else:
            assert_forbidden(response)


@pytest.mark.parametrize("role", MODERATORS)
def test_comment_hide_on_a_members_only_project_by_moderators(
    client_for, members_project, other_city_member, role
):
    comment = make_comment(project=members_project, author=other_city_member, body="Rude")

    response = client_for(role).post(
        f"/en/projects/{members_project.slug}/comments/{comment.pk}/hide/", {"reason": "insult"}
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.hidden_reason == "insult"


@pytest.mark.parametrize("role", [*ROLES, "author"])
def test_comment_report_by_role(client_for, user_for_role, comment, role):
    path = f"/en/projects/{comment.project.slug}/comments/{comment.pk}/report/"

    response = client_for(role).post(path, {"reason": "spam"})

    if role == "anonymous":
        assert_login_redirect(response, path)
        assert CommentReport.objects.count() == 0
        return
    if role in {"outsider", "other_city_member"}:  # cannot read comments; wrote this one
        assert_forbidden(response)
        assert CommentReport.objects.count() == 0
        return
    report = CommentReport.objects.get()
    assert response.status_code == 302
    assert (report.comment, report.reporter, report.reason) == (
        comment,
        user_for_role(role),
        "spam",
    )
