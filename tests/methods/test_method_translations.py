"""A method is translated with the generic side-by-side editor, like a project: its fields, its
permission (``methods.view_method``), and the method page then shows the translation."""

import pytest

from languages.models import Translation
from tests.factories import make_membership, make_user
from tests.factories.methods import make_method

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(db):
    """An approved Gothenburg planner who reads English and Swedish."""
    user = make_user(email="translator@example.org", languages_spoken=["en", "sv"])
    make_membership(user=user, city="gothenburg")
    return user


@pytest.fixture
def method(member):
    return make_method(
        author=member,
        title="Gender-aware safety walk",
        purpose="Walk the neighbourhood with the women who live there.",
        steps="1. Invite.\n2. Walk at night.",
        pitfalls="Daylight only.",
    )


def editor(method, language="sv") -> str:
    return f"/sv/translations/methods.method/{method.pk}/{language}/"


def test_the_editor_shows_the_methods_fields_side_by_side(login, translator, method):
    response = login(translator).get(editor(method))

    html = response.content.decode()
    assert response.status_code == 200
    for name in ("title", "purpose", "steps", "pitfalls"):
        assert f'name="text_{name}"' in html
    # Empty fields need no translation.
    assert 'name="text_cost"' not in html
    assert f'href="/sv/methods/{method.slug}/"' in html  # back to the method


def test_a_saved_translation_is_shown_on_the_method_page(login, translator, method):
    client = login(translator)

    response = client.post(
        editor(method),
        {
            "text_title": "Trygghetsvandring med kvinnor",
            "base_title": "",
            "text_purpose": "Gå genom kvarteret med kvinnorna som bor där.",
            "base_purpose": "",
            "text_steps": "",
            "base_steps": "",
            "text_pitfalls": "",
            "base_pitfalls": "",
            "next": f"/sv/methods/{method.slug}/",
        },
    )
    page = client.get(f"/sv/methods/{method.slug}/").content.decode()

    assert response.status_code == 302
    assert response["Location"] == f"/sv/methods/{method.slug}/"
    assert set(
        Translation.objects.filter(object_id=method.pk, language="sv").values_list(
            "field", flat=True
        )
    ) == {"title", "purpose"}
    assert "<h1>Trygghetsvandring med kvinnor</h1>" in page
    assert 'class="translation-note"' in page


def test_the_method_page_offers_the_editor_to_who_may_translate(login, translator, method):
    html = login(translator).get(f"/sv/methods/{method.slug}/").content.decode()

    assert f"/sv/translations/methods.method/{method.pk}/sv/?next=" in html


def test_a_members_only_method_is_not_translated_by_who_may_not_read_it(login, member):
    hidden = make_method(author=member, visibility="members")
    reader = make_user(languages_spoken=["en", "sv"])  # signed in, no city

    response = login(reader).get(editor(hidden))

    assert response.status_code == 404
