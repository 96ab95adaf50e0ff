"""The methods pages: list and filters, detail in the reader's language, the form, history,
attachments; bad input answered with a clear message."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.enums import Visibility
from languages.services import save_translation
from methods.models import Method, MethodDocument
from tests.edit_conflicts import changed_rows, conflict_box
from tests.factories import PDF_BYTES, get_city, make_membership, make_project, make_user
from tests.factories.methods import (
    bulk_methods,
    make_method,
    make_method_document,
    make_method_use,
    method_edit_data,
    method_form_data,
)

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<h3><a href="/en/methods/([\w-]+)/" lang="\w\w">')


def titles(response) -> list[str]:
    return CARD.findall(response.content.decode())


def errors(response) -> list[str]:
    return re.findall(
        r'<ul class="errorlist[^"]*"[^>]*>\s*<li>(.*?)</li>', response.content.decode()
    )


# --- List -------------------------------------------------------------------------------------


def test_list_shows_kind_title_purpose_themes_and_how_many_projects_used_it(
    anonymous_client, public_method, grille, member
):
    make_method_use(project=grille, method=public_method)
    make_method_use(project=make_project(author=member, city="gothenburg"), method=public_method)

    html = anonymous_client.get("/en/methods/").content.decode()

    assert "<h1>Methods and tools</h1>" in html
    assert '<span class="badge">Method</span>' in html
    assert ">Gender-aware safety walk</a></h3>" in html
    assert "Walk the neighbourhood with the women who live there." in html
    assert "<li>Redesigning public spaces for every use and many uses</li>" in html
    assert "Used in 2 projects" in html


def test_list_counts_only_the_uses_the_reader_may_see(
    anonymous_client, member_client, public_method
):
    make_method_use(project=make_project(visibility=Visibility.MEMBERS), method=public_method)
    make_method_use(project=make_project(deleted_at="2026-01-01T00:00Z"), method=public_method)

    assert "Used in 0 projects" in anonymous_client.get("/en/methods/").content.decode()
    assert "Used in 1 project\n" in member_client.get("/en/methods/").content.decode()


def test_list_shows_members_only_methods_to_members_only(
    anonymous_client, member_client, public_method, members_method
):
    assert titles(anonymous_client.get("/en/methods/")) == [public_method.slug]
    assert titles(member_client.get("/en/methods/")) == [public_method.slug, members_method.slug]


def test_list_shows_titles_and_purposes_in_the_readers_language(anonymous_client, public_method):
    translator = make_user(languages_spoken=["en", "fr"])
    save_translation(
        obj=public_method,
        language="fr",
        texts={"title": "Marche exploratoire de femmes", "purpose": "Marcher avec les habitantes."},
        by=translator,
    )

    html = anonymous_client.get("/fr/methods/").content.decode()

    assert '<a href="/fr/methods/gender-aware-safety-walk/" lang="fr">Marche exploratoire' in html
    assert '<p lang="fr">Marcher avec les habitantes.</p>' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=WALK", ["gender-aware-safety-walk"]),
        ("q=neighbourhood", ["gender-aware-safety-walk"]),
        ("q=exploratoire", ["gender-aware-safety-walk"]),
        ("kind=tool", ["open-data-dashboard"]),
        ("theme=citizen-participation", ["open-data-dashboard"]),
        ("tag=gender", ["gender-aware-safety-walk"]),
        ("city=saint-brieuc", ["gender-aware-safety-walk"]),
        ("city=gothenburg", []),
    ],
)
def test_list_filters(anonymous_client, public_method, grille, member, query, expected):
    make_method(
        author=member,
        title="Open data dashboard",
        kind="tool",
        themes=("citizen-participation",),
    )
    make_method_use(project=grille, method=public_method)
    save_translation(
        obj=public_method,
        language="fr",
        texts={"title": "Marche exploratoire"},
        by=make_user(languages_spoken=["en", "fr"]),
    )

    assert titles(anonymous_client.get(f"/en/methods/?{query}")) == expected


def test_list_says_which_filter_value_it_does_not_know(anonymous_client, public_method):
    response = anonymous_client.get("/en/methods/?theme=no-such-theme&kind=recipe")

    assert response.status_code == 200
    assert errors(response) == [
        "Select a valid choice. recipe is not one of the available choices.",
        "Select a valid choice. That choice is not one of the available choices.",
    ]
    assert titles(response) == [public_method.slug]  # the unknown values are ignored


def test_list_shows_24_methods_a_page(anonymous_client):
    bulk_methods(30)

    first = anonymous_client.get("/en/methods/")
    second = anonymous_client.get("/en/methods/?page=2")

    assert len(titles(first)) == 24
    assert len(titles(second)) == 6
    assert "30 methods and tools" in first.content.decode()


def test_list_offers_to_write_a_method_to_members_only(anonymous_client, member_client):
    assert "/en/methods/new/" not in anonymous_client.get("/en/methods/").content.decode()
    assert 'href="/en/methods/new/"' in member_client.get("/en/methods/").content.decode()


def test_every_page_leads_to_the_methods_and_the_calls(anonymous_client):
    html = anonymous_client.get("/en/").content.decode()
    footer = html[html.index("<footer") :]

    assert '<a href="/en/methods/">Methods and tools</a>' in footer
    assert '<a href="/en/calls/">Funding calls</a>' in footer


# --- Detail -----------------------------------------------------------------------------------


def test_detail_shows_every_field_and_the_attachments(anonymous_client, member):
    method = make_method(
        author=member,
        title="Gender-aware safety walk",
        purpose="Walk with residents.",
        steps="1. Invite.\n2. Walk.",
        participants="Residents and the police.",
        pitfalls="Daylight only.",
        time_needed="Two evenings",
        cost="Staff time",
        tags=("gender",),
    )
    make_method_document(method=method, title="Route sheet", is_template=True)
    make_method_document(method=method, title="Report of 2024")

    html = anonymous_client.get(method.get_absolute_url()).content.decode()

    for text in (
        "<h1>Gender-aware safety walk</h1>",
        '<p class="lead" lang="en">Walk with residents.</p>',
        "<li>Invite.</li>",
        "Residents and the police.",
        "Daylight only.",
        '<dt>Time it takes</dt><dd lang="en">Two evenings</dd>',
        '<dt>Cost</dt><dd lang="en">Staff time</dd>',
        '<a href="/en/cities/saint-brieuc/">Saint-Brieuc</a>',
        '<a href="/en/methods/?tag=gender">gender</a>',
        "Templates to fill in",
        "download>Route sheet</a>",
        "download>Report of 2024</a>",
        "History of changes",
    ):
        assert text in html, text
    assert "Edit the method" not in html


def test_detail_in_the_readers_language_with_the_translation_notice(anonymous_client, member):
    method = make_method(author=member, title="Safety walk", content_language="en")
    save_translation(
        obj=method,
        language="sv",
        texts={"title": "Trygghetsvandring", "purpose": "Gå med de boende."},
        by=make_user(languages_spoken=["en", "sv"]),
    )

    html = anonymous_client.get(f"/sv/methods/{method.slug}/").content.decode()
    original = anonymous_client.get(f"/sv/methods/{method.slug}/?original=1").content.decode()

    assert "<h1>Trygghetsvandring</h1>" in html
    assert 'class="translation-note"' in html
    assert f'href="/sv/methods/{method.slug}/?original=1#method-text"' in html
    assert "<h1>Safety walk</h1>" in original


def test_detail_offers_the_translation_editor_to_who_reads_both_languages(login, member):
    method = make_method(author=member, content_language="en")
    translator = make_user(languages_spoken=["en", "fr"])
    make_membership(user=translator, city="gothenburg")

    html = login(translator).get(f"/fr/methods/{method.slug}/").content.decode()

    assert f"/fr/translations/methods.method/{method.pk}/fr/?next=" in html


def test_a_malformed_address_is_a_404(anonymous_client):
    assert anonymous_client.get("/en/methods/Not a slug!/").status_code == 404
    assert anonymous_client.get("/en/methods/no-such-method/").status_code == 404


def test_members_only_method_is_a_404_for_visitors(anonymous_client, members_method):
    assert anonymous_client.get(members_method.get_absolute_url()).status_code == 404


# --- Form -------------------------------------------------------------------------------------


def test_member_writes_up_a_method_with_a_template(member_client, member):
    data = method_form_data(
        documents=[
            {
                "file": SimpleUploadedFile("route.pdf", PDF_BYTES, "application/pdf"),
                "title": "Route sheet",
                "is_template": "on",
            }
        ]
    )

    response = member_client.post("/en/methods/new/", data)

    method = Method.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/en/methods/gender-aware-safety-walk/"
    assert (method.author, method.city, method.kind) == (member, get_city("saint-brieuc"), "method")
    assert sorted(method.tags.names()) == ["gender", "safety"]
    assert method.documents.get().is_template
    assert method.revisions.get().number == 1


def test_the_form_starts_in_the_interface_language_with_the_members_city(member_client):
    html = member_client.get("/sv/methods/new/").content.decode()

    assert '<option value="sv" selected>' in html
    assert f'<option value="{get_city("saint-brieuc").pk}" selected>' in html


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"title": ""}, "title", "Give the method a title."),
        ({"purpose": ""}, "purpose", "Say in a sentence what the method is for."),
        ({"themes": ["999999"]}, "themes", "Choose themes from the list."),
        ({"kind": "recipe"}, "kind", "Choose a kind from the list."),
        ({"city": "999999"}, "city", "Choose one of your own cities, or none."),
    ],
)
def test_bad_input_is_a_clear_form_error_and_saves_nothing(member_client, change, field, message):
    response = member_client.post("/en/methods/new/", method_form_data(**change))

    assert response.status_code == 200
    assert message in errors(response)
    assert "The method was not saved: please correct the errors below." in response.content.decode()
    assert not Method.objects.exists()


def test_a_member_cannot_write_up_a_method_for_another_city(member_client):
    response = member_client.post(
        "/en/methods/new/", method_form_data(city=str(get_city("gothenburg").pk))
    )

    assert "Choose one of your own cities, or none." in errors(response)
    assert not Method.objects.exists()


def test_a_fake_attachment_is_refused_in_the_form(member_client):
    fake = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>", "application/pdf")

    response = member_client.post(
        "/en/methods/new/", method_form_data(documents=[{"file": fake, "title": "Report"}])
    )

    assert response.status_code == 200
    assert (
        "This is not a PDF. Its content does not match its name. Save the document in that "
        "format, then choose it again." in errors(response)
    )
    assert not Method.objects.exists()
    assert not MethodDocument.objects.exists()


def test_an_oversize_attachment_is_refused_in_the_form(member_client, settings):
    settings.PROJECT_DOCUMENT_MAX_BYTES = 50
    upload = SimpleUploadedFile("route.pdf", PDF_BYTES, "application/pdf")

    response = member_client.post(
        "/en/methods/new/", method_form_data(documents=[{"file": upload, "title": "Route"}])
    )

    assert "The file is 142\xa0bytes; the limit is 50\xa0bytes." in errors(response)
    assert not Method.objects.exists()


def test_another_member_improves_a_method_and_the_history_says_what_changed(
    login, public_method, other_city_member
):
    client = login(other_city_member)

    response = client.post(
        f"/en/methods/{public_method.slug}/edit/",
        method_edit_data(public_method, pitfalls="Walking only in daylight.", tags="gender, night"),
    )
    history = client.get(f"/en/methods/{public_method.slug}/history/").content.decode()

    assert response.status_code == 302
    assert public_method.revisions.count() == 2
    assert '<h2 class="h3">Revision 2</h2>' in history
    assert "Sofia Gothenburg" in history
    assert "<dt>Pitfalls</dt>" in history
    assert "<ins>Walking only in daylight.</ins>" in history
    assert "added: <ins>night</ins>" in history
    assert "The method was written up." in history


def test_an_edit_from_an_old_version_shows_what_the_other_person_changed(
    login, public_method, member, other_city_member
):
    opened = method_edit_data(public_method, cost="Free")
    login(other_city_member).post(
        f"/en/methods/{public_method.slug}/edit/", method_edit_data(public_method, cost="Cheap")
    )

    response = login(member).post(f"/en/methods/{public_method.slug}/edit/", opened)

    assert response.status_code == 409
    assert conflict_box(response)
    assert changed_rows(response) == [("Cost", ["Cheap"])]
    assert Method.objects.get(pk=public_method.pk).cost == "Cheap"


def test_the_edit_form_keeps_the_city(member_client, public_method):
    response = member_client.post(
        f"/en/methods/{public_method.slug}/edit/",
        method_edit_data(public_method, city=str(get_city("gothenburg").pk)),
    )

    assert response.status_code == 302
    assert Method.objects.get(pk=public_method.pk).city == get_city("saint-brieuc")


def test_delete_removes_the_method(member_client, public_method):
    response = member_client.post(f"/en/methods/{public_method.slug}/delete/")

    assert response.status_code == 302
    assert response["Location"] == "/en/methods/"
    assert not Method.objects.exists()


# --- Attachments ------------------------------------------------------------------------------


def test_an_attachment_downloads_from_the_private_storage(anonymous_client, public_method):
    document = make_method_document(method=public_method)

    response = anonymous_client.get(f"/en/methods/{public_method.slug}/files/{document.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="walk-checklist.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "/media/" not in document.file.path


def test_an_attachment_of_another_method_is_a_404(anonymous_client, public_method, member):
    other = make_method_document(method=make_method(author=member))

    response = anonymous_client.get(f"/en/methods/{public_method.slug}/files/{other.pk}/")

    assert response.status_code == 404
