"""Who may do what with methods and tools, role by role: forbidden answers 403 (the sign-in
page for a visitor) and changes nothing; a method one may not read is a 404 everywhere below
it."""

import pytest

from core.enums import Visibility
from methods.models import Method
from projects.models import ProjectMethod
from tests.factories import PDF_BYTES, make_project, make_user
from tests.factories.methods import make_method_document, make_method_use, method_edit_data

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "other_city_member",
    "member",
    "city_coordinator",
    "network_coordinator",
    "staff",
]
SIGNED_IN = ROLES[1:]


def assert_login_redirect(response, path: str):
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={path}"


@pytest.mark.parametrize("role", ROLES)
def test_list_shows_members_only_methods_to_who_reads_members_content(
    client_for, public_method, members_method, role
):
    html = client_for(role).get("/en/methods/").content.decode()

    assert public_method.get_absolute_url() in html
    assert (members_method.get_absolute_url() in html) is (role != "anonymous")


@pytest.mark.parametrize("role", ROLES)
def test_public_method_and_its_pages_are_readable_by_every_role(client_for, public_method, role):
    client = client_for(role)
    document = make_method_document(method=public_method)

    for path in (
        public_method.get_absolute_url(),
        f"/en/methods/{public_method.slug}/history/",
    ):
        assert client.get(path).status_code == 200, path
    download = client.get(f"/en/methods/{public_method.slug}/files/{document.pk}/")
    assert b"".join(download.streaming_content) == PDF_BYTES


@pytest.mark.parametrize("role", ROLES)
def test_members_only_method_is_a_404_for_visitors(client_for, members_method, role):
    client = client_for(role)
    document = make_method_document(method=members_method)
    expected = 404 if role == "anonymous" else 200

    for path in (
        members_method.get_absolute_url(),
        f"/en/methods/{members_method.slug}/history/",
        f"/en/methods/{members_method.slug}/files/{document.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == expected, path
        if response.streaming:
            b"".join(response.streaming_content)


def test_members_only_attachment_is_not_kept_by_browsers(member_client, members_method):
    document = make_method_document(method=members_method)

    response = member_client.get(f"/en/methods/{members_method.slug}/files/{document.pk}/")

    assert b"".join(response.streaming_content)
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("role", ROLES)
def test_who_may_write_up_a_method(client_for, role):
    response = client_for(role).get("/en/methods/new/")

    if role == "anonymous":
        assert_login_redirect(response, "/en/methods/new/")
    else:  # approved members of any city, and the network's coordinators and staff
        assert response.status_code == 200


def test_a_signed_in_person_without_a_city_may_not_write_up_a_method(login):
    response = login(make_user()).post("/en/methods/new/", {"title": "Nothing"})

    assert response.status_code == 403
    assert not Method.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit_a_method(client_for, public_method, role):
    path = f"/en/methods/{public_method.slug}/edit/"
    response = client_for(role).post(path, method_edit_data(public_method, cost="Changed"))

    if role == "anonymous":
        assert_login_redirect(response, path)
        assert Method.objects.get().cost == ""
    else:  # a library written together: every approved member, and the coordinators
        assert response.status_code == 302
        assert Method.objects.get().cost == "Changed"


@pytest.mark.parametrize("role", ROLES)
def test_who_may_delete_a_method(client_for, public_method, role):
    path = f"/en/methods/{public_method.slug}/delete/"
    response = client_for(role).post(path)

    if role == "anonymous":
        assert_login_redirect(response, path)
    elif role in {"member", "city_coordinator", "network_coordinator", "staff"}:
        # Its author, the coordinators of the city that wrote it up, the network's.
        assert response.status_code == 302
        assert not Method.objects.exists()
        return
    else:
        assert response.status_code == 403
    assert Method.objects.exists()


@pytest.mark.parametrize("role", SIGNED_IN)
def test_editing_a_members_only_method_needs_to_read_it(client_for, members_method, role):
    response = client_for(role).get(f"/en/methods/{members_method.slug}/edit/")

    assert response.status_code == 200


def test_a_visitor_gets_a_404_for_the_edit_page_of_a_members_only_method(
    client_for, members_method, login
):
    response = login(make_user()).get(f"/en/methods/{members_method.slug}/edit/")

    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_who_may_record_that_a_project_used_a_method(client_for, public_method, grille, role):
    path = f"/en/projects/{grille.slug}/methods/new/"
    response = client_for(role).post(path, {"method": public_method.pk, "account": "Done."})

    if role == "anonymous":
        assert_login_redirect(response, path)
    elif role == "other_city_member":  # a member of another city than the project's
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert ProjectMethod.objects.get().account == "Done."
        return
    assert not ProjectMethod.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_who_may_say_we_used_it_from_the_method_page(client_for, public_method, grille, role):
    path = f"/en/methods/{public_method.slug}/uses/new/"
    response = client_for(role).post(path, {"project": grille.pk, "account": "Done."})

    if role == "anonymous":
        assert_login_redirect(response, path)
    elif role == "other_city_member":  # Gothenburg has no project here
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        return
    assert not ProjectMethod.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_who_may_change_or_remove_a_use(client_for, public_method, grille, role):
    use = make_method_use(project=grille, method=public_method, account="First")
    client = client_for(role)
    edit = f"/en/methods/{public_method.slug}/uses/{use.pk}/edit/"
    delete = f"/en/methods/{public_method.slug}/uses/{use.pk}/delete/"

    edited = client.post(edit, {"account": "Changed"})
    removed = client.post(delete)

    if role == "anonymous":
        assert_login_redirect(edited, edit)
        assert_login_redirect(removed, delete)
    elif role == "other_city_member":
        assert (edited.status_code, removed.status_code) == (403, 403)
    else:
        assert (edited.status_code, removed.status_code) == (302, 302)
        assert not ProjectMethod.objects.exists()
        return
    assert ProjectMethod.objects.get().account == "First"


def test_a_use_by_a_members_only_project_is_a_404_for_who_may_not_read_it(
    login, public_method, member
):
    hidden = make_project(author=member, visibility=Visibility.MEMBERS)
    use = make_method_use(project=hidden, method=public_method)

    response = login(make_user()).get(f"/en/methods/{public_method.slug}/uses/{use.pk}/edit/")

    assert response.status_code == 404


def test_the_translation_editor_reads_a_method_with_its_permission(login, members_method):
    response = login(make_user(languages_spoken=["en", "fr"])).get(
        f"/en/translations/methods.method/{members_method.pk}/fr/"
    )

    assert response.status_code == 404  # who may not read the method may not know of it
