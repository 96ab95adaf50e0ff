"""The side-by-side editor: who may open it, what it shows, what it saves and what it refuses."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from cities.enums import MembershipStatus
from core.enums import Visibility
from languages.enums import TranslationOrigin
from languages.models import Translation, TranslationRevision, text_digest
from languages.services import save_machine_translation, save_translation
from projects.models import Project
from tests.factories import make_membership, make_project, make_user

SWEDISH = {"title": "Place de la Grille i omställning", "summary": "Ett torg, en sommar i taget."}


def edit_url(obj, language: str = "sv", interface: str = "sv") -> str:
    return f"/{interface}/translations/{obj._meta.label_lower}/{obj.pk}/{language}/"


def form_data(project, **texts) -> dict:
    """The editor's fields for ``project`` (the fields it has text in), bases from what is
    stored now."""
    stored = {
        item.field: item.text
        for item in Translation.objects.filter(object_id=project.pk, language="sv")
    }
    data = {}
    for name in ("title", "summary", "description", "approach"):
        data[f"text_{name}"] = texts.get(name, stored.get(name, ""))
        data[f"base_{name}"] = text_digest(stored[name]) if name in stored else ""
    return data


def reads(user, *languages):
    user.languages_spoken = list(languages)
    user.save(update_fields=["languages_spoken"])
    return user


def rows() -> tuple[int, int]:
    return Translation.objects.count(), TranslationRevision.objects.count()


@pytest.fixture
def pending_user(db):
    """Signed in, asked to join Saint-Brieuc, not approved yet; reads French and Swedish."""
    user = make_user(email="pat.pending@example.org", full_name="Pat Pending")
    make_membership(user=user, city="saint-brieuc", status=MembershipStatus.PENDING)
    return reads(user, "fr", "sv")


@pytest.fixture
def members_project(member):
    return make_project(
        author=member,
        content_language="fr",
        title="Plan de quartier confidentiel",
        summary="Premières idées.",
        visibility=Visibility.MEMBERS,
    )


# --- Who may translate ---------------------------------------------------------------------------


def test_editor_sends_anonymous_visitors_to_sign_in(anonymous_client, french_project):
    response = anonymous_client.get(edit_url(french_project))

    assert response.status_code == 302
    assert response["Location"].startswith("/sv/accounts/login/?next=")


@pytest.mark.parametrize(
    "role",
    ["other_city_member", "member", "city_coordinator", "network_coordinator", "staff"],
)
def test_editor_opens_for_those_who_read_both_languages(login, user_for_role, french_project, role):
    user = reads(user_for_role(role), "fr", "sv")

    response = login(user).get(edit_url(french_project))

    assert response.status_code == 200
    assert response.templates[0].name == "languages/translation_edit.html"


def test_editor_refuses_a_member_who_does_not_read_the_original(
    login, other_city_member, french_project
):
    reads(other_city_member, "sv", "en")

    response = login(other_city_member).get(edit_url(french_project, interface="en"))

    assert response.status_code == 403
    assert (
        "To translate this text, its language and the translation&#x27;s must both be among "
        "the languages you read: add them to your profile." in response.content.decode()
    )


def test_editor_refuses_a_member_who_reads_no_language(login, other_city_member, french_project):
    response = login(other_city_member).get(edit_url(french_project, interface="en"))

    assert response.status_code == 403
    assert "must both be among the languages you read" in response.content.decode()


def test_editor_refuses_someone_not_approved(login, pending_user, french_project):
    response = login(pending_user).get(edit_url(french_project, interface="en"))

    assert response.status_code == 403
    assert "Only approved members of the network can translate." in response.content.decode()


def test_editor_hides_a_members_only_project_from_a_non_member(
    login, pending_user, members_project
):
    assert login(pending_user).get(edit_url(members_project)).status_code == 404


def test_editor_opens_a_members_only_project_for_a_member_of_another_city(
    login, translator, members_project
):
    assert login(translator).get(edit_url(members_project)).status_code == 200


def test_editor_hides_a_deleted_project(login, translator, french_project):
    Project.objects.filter(pk=french_project.pk).update(deleted_at=french_project.created_at)

    assert login(translator).get(edit_url(french_project)).status_code == 404


def test_refused_post_saves_nothing(login, other_city_member, french_project):
    reads(other_city_member, "sv")

    response = login(other_city_member).post(
        edit_url(french_project), form_data(french_project, **SWEDISH)
    )

    assert response.status_code == 403
    assert rows() == (0, 0)


@pytest.mark.parametrize(
    "path",
    [
        "projects.project/{pk}/fr/",  # the original's language
        "projects.project/{pk}/de/",  # not a language of the portal
        "projects.project/999999/sv/",
        "projects.nothing/{pk}/sv/",
        "cities.city/1/sv/",  # not translatable
        "nothing.project/{pk}/sv/",
    ],
)
def test_editor_answers_404_to_what_cannot_be_translated(login, translator, french_project, path):
    url = "/sv/translations/" + path.format(pk=french_project.pk)

    assert login(translator).get(url).status_code == 404
    assert login(translator).post(url, {"text_title": "X"}).status_code == 404
    assert rows() == (0, 0)


# --- What it shows -------------------------------------------------------------------------------


def test_editor_shows_the_original_beside_the_translation_fields(login, translator, french_project):
    response = login(translator).get(edit_url(french_project, interface="en"))

    html = response.content.decode()
    assert "<h1>Translate into Swedish</h1>" in html
    originals = re.findall(r'<div class="prose original-text" lang="(\w+)">(.*?)</div>', html, re.S)
    assert [lang for lang, _text in originals] == ["fr"] * 4
    assert "Place de la Grille en transition" in originals[0][1]
    assert "Des ateliers chaque samedi." in originals[3][1]
    # One field per field the original has text in (the empty ones need none), in Swedish.
    fields = re.findall(r'<(input|textarea)[^>]*name="text_(\w+)"[^>]*>', html)
    assert [name for _tag, name in fields] == ["title", "summary", "description", "approach"]
    for tag in re.findall(r'<(?:input|textarea)[^>]*name="text_\w+"[^>]*>', html):
        assert 'lang="sv"' in tag
    assert 'name="text_title"' in html and "required" in re.search(
        r'<input[^>]*name="text_title"[^>]*>', html
    ).group(0)


def test_editor_lists_the_glossary_terms_of_the_text(login, translator, french_project):
    response = login(translator).get(edit_url(french_project, interface="en"))

    glossary = [
        (item["entry"].slug, item["source"], item["target"])
        for item in response.context["glossary"]
    ]
    assert glossary == [
        ("building-permit", "permis de construire", "bygglov"),
        ("plu", "PLU", ""),
    ]
    html = response.content.decode()
    aside = html[html.index('<aside class="translation-glossary"') :]
    assert '<dt lang="fr"><a href="/en/glossary/plu/">PLU</a></dt>' in aside
    assert '<span lang="sv">bygglov</span>' in aside
    assert "no exact equivalent" in aside


def test_editor_says_when_the_text_names_no_glossary_term(login, translator, member):
    project = make_project(author=member, content_language="fr", title="Un banc", summary="Assis.")

    response = login(translator).get(edit_url(project, interface="en"))

    assert response.context["glossary"] == []
    assert "This text names no term of the planning glossary." in response.content.decode()


def test_editor_shows_an_existing_translation_with_its_provenance(
    login, translator, second_translator, french_project
):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    response = login(second_translator).get(edit_url(french_project, interface="en"))

    html = response.content.decode()
    assert re.search(
        r'<input[^>]*name="text_title"[^>]*value="Place de la Grille i omställning"', html
    )
    assert html.count("Translated from French by Sofia Gothenburg on") == 2
    assert f'name="base_title" value="{text_digest(SWEDISH["title"])}"' in html
    # A person's current translation needs no confirmation box.
    assert "confirm_title" not in html


def test_editor_offers_to_confirm_a_machine_translation(login, translator, french_project):
    save_machine_translation(
        obj=french_project, language="sv", texts={"title": "PLACE"}, engine="libretranslate"
    )

    html = login(translator).get(edit_url(french_project, interface="en")).content.decode()

    assert 'name="confirm_title"' in html
    assert "confirm_summary" not in html
    assert "Machine-translated from French by LibreTranslate" in html


def test_editor_says_the_translation_is_out_of_date(login, translator, french_project):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    Project.objects.filter(pk=french_project.pk).update(summary="Une autre place.")

    html = login(translator).get(edit_url(french_project, interface="en")).content.decode()

    assert html.count("The original has changed since this was translated") == 1
    assert 'name="confirm_summary"' in html and "confirm_title" not in html


@pytest.mark.parametrize(
    "translated", [(), ("title",), ("title", "summary", "description", "approach")]
)
def test_editor_query_count(
    login, translator, french_project, django_assert_num_queries, translated
):
    if translated:
        save_translation(
            obj=french_project,
            language="sv",
            texts={name: f"Svensk {name}" for name in translated},
            by=translator,
        )
    client = login(translator)
    ContentType.objects.clear_cache()
    # Session, user, memberships, the project, its translations, the glossary entries named.
    client.get(edit_url(french_project))  # the glossary index and content types are cached

    with django_assert_num_queries(6):
        response = client.get(edit_url(french_project))

    assert response.status_code == 200


# --- What it saves -------------------------------------------------------------------------------


def test_editor_saves_and_returns_to_the_page(login, translator, french_project):
    response = login(translator).post(
        edit_url(french_project),
        {**form_data(french_project, **SWEDISH), "next": f"/sv/projects/{french_project.slug}/"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/sv/projects/{french_project.slug}/"
    saved = {item.field: item for item in Translation.objects.all()}
    assert {name: item.text for name, item in saved.items()} == SWEDISH
    assert {item.translated_by for item in saved.values()} == {translator}
    assert TranslationRevision.objects.count() == 2


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "projects/"]
)
def test_editor_ignores_a_next_address_elsewhere(login, translator, french_project, next_url):
    response = login(translator).post(
        edit_url(french_project), {**form_data(french_project, **SWEDISH), "next": next_url}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/sv/projects/{french_project.slug}/"


def test_editor_refuses_an_empty_title(login, translator, french_project):
    response = login(translator).post(
        edit_url(french_project, interface="en"),
        form_data(french_project, title="   ", summary=SWEDISH["summary"]),
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {"text_title": ["This field is required."]}
    assert "This field is required." in response.content.decode()
    assert rows() == (0, 0)


def test_editor_ignores_tampered_provenance(login, translator, second_translator, french_project):
    response = login(translator).post(
        edit_url(french_project),
        {
            **form_data(french_project, **SWEDISH),
            "origin": TranslationOrigin.MACHINE,
            "engine": "deepl",
            "engine_version": "v9",
            "translated_by": str(second_translator.pk),
            "reviewed_by": str(second_translator.pk),
            "source_language": "en",
            "language": "en",
        },
    )

    assert response.status_code == 302
    for item in Translation.objects.all():
        assert (item.origin, item.engine, item.engine_version) == (TranslationOrigin.HUMAN, "", "")
        assert (item.translated_by, item.reviewed_by) == (translator, None)
        assert (item.language, item.source_language) == ("sv", "fr")


def test_editor_correction_by_another_member_keeps_the_first_as_revision(
    login, translator, second_translator, french_project
):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    response = login(second_translator).post(
        edit_url(french_project), form_data(french_project, summary="Elins sammanfattning.")
    )

    assert response.status_code == 302
    summary = Translation.objects.get(field="summary")
    assert (summary.text, summary.translated_by, summary.reviewed_by) == (
        "Elins sammanfattning.",
        translator,
        second_translator,
    )
    assert [r.text for r in summary.revisions.all()] == [
        "Elins sammanfattning.",
        SWEDISH["summary"],
    ]


def test_editor_confirm_box_reviews_a_machine_translation(login, translator, french_project):
    save_machine_translation(
        obj=french_project, language="sv", texts={"title": "PLACE"}, engine="libretranslate"
    )

    response = login(translator).post(
        edit_url(french_project), {**form_data(french_project), "confirm_title": "on"}
    )

    assert response.status_code == 302
    assert Translation.objects.get(field="title").reviewed_by == translator


def test_editor_refuses_a_save_over_a_correction_made_meanwhile(
    login, translator, second_translator, french_project
):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    opened = form_data(french_project, summary="Elins sammanfattning.")
    save_translation(
        obj=french_project, language="sv", texts={"summary": "Sofias rättelse."}, by=translator
    )
    client = login(second_translator)

    response = client.post(edit_url(french_project, interface="en"), opened)

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this translation while you were editing it" in html
    assert Translation.objects.get(field="summary").text == "Sofias rättelse."
    assert TranslationRevision.objects.count() == 3
    # The page now shows the current translation and starts from it: saving again works.
    form = response.context["form"]
    assert form["text_summary"].value() == "Sofias rättelse."
    again = {name: form[name].value() for name in opened}
    again["text_summary"] = "Elins sammanfattning."
    assert client.post(edit_url(french_project), again).status_code == 302
    assert Translation.objects.get(field="summary").text == "Elins sammanfattning."
