"""“We used it in…”: a project says which methods it used and how it went; the project page and
the method page show it."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.enums import Visibility
from projects.method_uses import method_use_add, method_use_edit, method_use_remove
from projects.models import ProjectMethod
from tests.factories import make_project
from tests.factories.methods import make_method, make_method_use

pytestmark = pytest.mark.django_db


def section(response, heading_id: str) -> str:
    html = response.content.decode()
    if f'id="{heading_id}"' not in html:
        return ""
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def errors(response) -> list[str]:
    return re.findall(
        r'<ul class="errorlist[^"]*"[^>]*>\s*<li>(.*?)</li>', response.content.decode()
    )


# --- From the method's page -------------------------------------------------------------------


def test_member_says_a_project_of_their_city_used_the_method(
    member_client, member, public_method, grille
):
    response = member_client.post(
        f"/en/methods/{public_method.slug}/uses/new/",
        {"project": grille.pk, "account": "  We walked twice, at night.  "},
    )

    use = ProjectMethod.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/methods/{public_method.slug}/#uses-heading"
    assert (use.project, use.method, use.account, use.added_by) == (
        grille,
        public_method,
        "We walked twice, at night.",
        member,
    )


def test_the_project_choices_are_the_members_own_citys(member_client, public_method, grille):
    elsewhere = make_project(city="gothenburg", title="Gothenburg square")

    html = member_client.get(f"/en/methods/{public_method.slug}/uses/new/").content.decode()
    response = member_client.post(
        f"/en/methods/{public_method.slug}/uses/new/", {"project": elsewhere.pk, "account": ""}
    )

    assert "Saint-Brieuc: Place de la Grille" in html
    assert "Gothenburg square" not in html
    assert errors(response) == ["Choose one of your city&#x27;s projects from the list."]
    assert not ProjectMethod.objects.exists()


def test_a_second_use_of_the_same_method_says_so(member_client, public_method, grille):
    make_method_use(project=grille, method=public_method)

    response = member_client.post(
        f"/en/methods/{public_method.slug}/uses/new/", {"project": grille.pk, "account": "Again"}
    )

    assert response.status_code == 200
    assert errors(response) == ["This project already says it uses this method."]
    assert ProjectMethod.objects.count() == 1


def test_no_project_chosen_is_a_clear_error(member_client, public_method, grille):
    response = member_client.post(f"/en/methods/{public_method.slug}/uses/new/", {"account": "x"})

    assert errors(response) == ["Choose the project that used it."]


def test_a_member_of_a_city_without_projects_is_refused(login, other_city_member, public_method):
    response = login(other_city_member).get(f"/en/methods/{public_method.slug}/uses/new/")

    assert response.status_code == 403


# --- From the project's page -----------------------------------------------------------------


def test_member_adds_a_method_from_the_project_page(member_client, public_method, grille):
    response = member_client.post(
        f"/en/projects/{grille.slug}/methods/new/",
        {"method": public_method.pk, "account": "It worked."},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/en/projects/{grille.slug}/#methods-heading"
    assert ProjectMethod.objects.get().account == "It worked."


def test_the_method_choices_are_the_ones_the_member_may_read(
    member_client, public_method, members_method, grille
):
    html = member_client.get(f"/en/projects/{grille.slug}/methods/new/").content.decode()

    assert f'<option value="{public_method.pk}">Gender-aware safety walk</option>' in html
    assert f'<option value="{members_method.pk}">' in html


def test_a_member_of_another_city_may_not_record_a_use(
    login, other_city_member, public_method, grille
):
    client = login(other_city_member)

    get = client.get(f"/en/projects/{grille.slug}/methods/new/")
    post = client.post(
        f"/en/projects/{grille.slug}/methods/new/", {"method": public_method.pk, "account": ""}
    )

    assert (get.status_code, post.status_code) == (403, 403)
    assert not ProjectMethod.objects.exists()


def test_an_unknown_method_is_a_clear_error(member_client, grille):
    response = member_client.post(
        f"/en/projects/{grille.slug}/methods/new/", {"method": "999999", "account": ""}
    )

    assert errors(response) == ["Choose a method or tool from the list."]


# --- Editing and removing ---------------------------------------------------------------------


def test_member_changes_how_it_went_and_removes_the_use(member_client, public_method, grille):
    use = make_method_use(project=grille, method=public_method, account="First")

    edited = member_client.post(
        f"/en/methods/{public_method.slug}/uses/{use.pk}/edit/", {"account": "Better"}
    )
    assert ProjectMethod.objects.get(pk=use.pk).account == "Better"
    removed = member_client.post(f"/en/methods/{public_method.slug}/uses/{use.pk}/delete/")

    assert edited.status_code == 302
    assert edited["Location"] == f"/en/methods/{public_method.slug}/#use-{use.pk}"
    assert removed.status_code == 302
    assert not ProjectMethod.objects.exists()


def test_an_account_over_2000_characters_is_refused(member_client, public_method, grille):
    use = make_method_use(project=grille, method=public_method, account="First")

    response = member_client.post(
        f"/en/methods/{public_method.slug}/uses/{use.pk}/edit/", {"account": "x" * 2001}
    )

    assert errors(response) == ["Ensure this value has at most 2000 characters (it has 2001)."]
    assert ProjectMethod.objects.get().account == "First"


def test_a_use_under_another_method_is_a_404(member_client, public_method, grille, member):
    use = make_method_use(project=grille, method=make_method(author=member))

    response = member_client.get(f"/en/methods/{public_method.slug}/uses/{use.pk}/edit/")

    assert response.status_code == 404


# --- The services themselves ------------------------------------------------------------------


def test_services_refuse_who_may_not_and_a_duplicate(
    member, other_city_member, public_method, grille
):
    with pytest.raises(PermissionDenied):
        method_use_add(project=grille, method=public_method, account="", user=other_city_member)
    use = method_use_add(project=grille, method=public_method, account="ok", user=member)
    with pytest.raises(ValidationError) as duplicate:
        method_use_add(project=grille, method=public_method, account="", user=member)
    with pytest.raises(PermissionDenied):
        method_use_edit(use=use, account="no", user=other_city_member)
    with pytest.raises(PermissionDenied):
        method_use_remove(use=use, user=other_city_member)

    assert duplicate.value.messages == ["This project already says it uses this method."]
    assert ProjectMethod.objects.get().account == "ok"


# --- What the pages show ----------------------------------------------------------------------


def test_project_page_lists_the_methods_it_used_with_how_it_went(
    anonymous_client, member_client, public_method, members_method, grille
):
    make_method_use(project=grille, method=public_method, account="Two walks at night.")
    make_method_use(project=grille, method=members_method, account="Ambassadors helped.")

    visitor = section(anonymous_client.get(grille.get_absolute_url()), "methods-heading")
    member = section(member_client.get(grille.get_absolute_url()), "methods-heading")

    assert ">Methods and tools used</h2>" in visitor
    assert (
        f'<a href="/en/methods/{public_method.slug}/" lang="en">Gender-aware safety walk</a>'
        in visitor
    )
    assert "Two walks at night." in visitor
    assert "Landscape plan" not in visitor  # members only
    assert "Add a method or tool you used" not in visitor
    assert "Landscape plan with resident ambassadors" in member
    assert f'href="/en/projects/{grille.slug}/methods/new/"' in member


def test_project_page_without_methods_shows_nothing_to_visitors(anonymous_client, grille):
    assert section(anonymous_client.get(grille.get_absolute_url()), "methods-heading") == ""


def test_method_page_lists_the_projects_and_cities_that_used_it(
    anonymous_client, member_client, public_method, grille, member
):
    make_method_use(project=grille, method=public_method, account="Two walks at night.")
    umea = make_project(city="umea", title="Trygghetsvandring i Ålidhem")
    make_method_use(project=umea, method=public_method, account="Bra.")
    hidden = make_project(city="gothenburg", title="Members only", visibility=Visibility.MEMBERS)
    make_method_use(project=hidden, method=public_method)

    visitor = anonymous_client.get(public_method.get_absolute_url())
    uses = section(visitor, "uses-heading")
    cities = section(visitor, "cities-heading")
    member_page = member_client.get(public_method.get_absolute_url())

    assert "Place de la Grille</a></h3>" in uses
    assert "Two walks at night." in uses
    assert "Trygghetsvandring i Ålidhem" in uses
    assert "Members only" not in uses
    assert "We used it in…" not in uses
    assert re.findall(r'<li><a href="/en/cities/([\w-]+)/">', cities) == ["saint-brieuc", "umea"]
    assert "Members only" in section(member_page, "uses-heading")
    assert "gothenburg" in section(member_page, "cities-heading")
    assert f'href="/en/methods/{public_method.slug}/uses/new/"' in section(
        member_page, "uses-heading"
    )
    # Only the uses of the member's own city can be changed by them.
    assert section(member_page, "uses-heading").count(">Remove</button>") == 1
