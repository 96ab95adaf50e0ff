"""Comments in another language: translators get a link to translate them; readers get the
translation with where it came from, and the original one link away."""

import pytest

from cities.enums import MembershipRole
from languages.services import save_translation
from tests.factories import make_comment, make_membership, make_project, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return make_project(title="Place de la Grille", content_language="fr")


@pytest.fixture
def comment(project):
    author = make_user(full_name="Yann", languages_spoken=["fr"])
    make_membership(user=author, city="saint-brieuc", role=MembershipRole.PLANNER)
    return make_comment(
        project=project, author=author, body="Comment ça marche ?", content_language="fr"
    )


@pytest.fixture
def translator(db):
    person = make_user(full_name="Sofia Lindqvist", languages_spoken=["sv", "fr"])
    make_membership(user=person, city="gothenburg", role=MembershipRole.PLANNER)
    return person


def test_a_translator_is_offered_to_translate_a_french_comment(
    client, project, comment, translator
):
    client.force_login(translator)

    html = client.get(f"/sv/projects/{project.slug}/").content.decode()

    editor = f"/sv/translations/projects.comment/{comment.pk}/sv/"
    assert f'href="{editor}?next=/sv/projects/{project.slug}/%23comment-{comment.pk}"' in html


def test_a_member_who_reads_no_french_is_not_offered_to_translate(client, project, comment):
    reader = make_user(languages_spoken=["sv"])
    make_membership(user=reader, city="umea", role=MembershipRole.PLANNER)
    client.force_login(reader)

    html = client.get(f"/sv/projects/{project.slug}/").content.decode()

    assert "/translations/projects.comment/" not in html


def test_a_translated_comment_reads_in_swedish_with_its_provenance(
    client, project, comment, translator
):
    save_translation(obj=comment, language="sv", texts={"body": "Hur fungerar det?"}, by=translator)
    client.force_login(translator)

    html = client.get(f"/sv/projects/{project.slug}/").content.decode()
    original = client.get(f"/sv/projects/{project.slug}/?original=1").content.decode()

    assert '<div class="comment-body" lang="sv"><p>Hur fungerar det?</p></div>' in html
    assert "Översatt från franska av Sofia Lindqvist" in html
    assert '<div class="comment-body" lang="fr"><p>Comment ça marche ?</p></div>' in original


# --- Who gets a "Translate" link: one rule for comments, agenda items and answers -------------


def test_translatable_ids_keeps_what_the_reader_may_translate_into_the_page_language(
    french_project, translator, member
):
    from languages.permissions import translatable_ids
    from tests.factories import make_comment

    french = make_comment(
        project=french_project, author=member, body="Bonjour", content_language="fr"
    )
    swedish = make_comment(project=french_project, author=member, body="Hej", content_language="sv")
    english = make_comment(project=french_project, author=member, body="Hi", content_language="en")
    comments = [french, swedish, english]

    translator.languages_spoken = ["sv", "fr", "en"]
    translator.save(update_fields=["languages_spoken"])
    # Sofia reads French, Swedish and English: every comment not already in Swedish.
    assert translatable_ids(translator, comments, "sv") == {french.pk, english.pk}
    # Yann reads no Swedish (his profile lists none): nothing into Swedish.
    member.languages_spoken = ["fr"]
    member.save(update_fields=["languages_spoken"])
    assert translatable_ids(member, comments, "sv") == set()
    # A visitor: nothing.
    from django.contrib.auth.models import AnonymousUser

    assert translatable_ids(AnonymousUser(), comments, "en") == set()
