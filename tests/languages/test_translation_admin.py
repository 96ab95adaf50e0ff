"""Staff read translations and their revisions in the admin; nobody writes them there."""

import pytest

from languages.models import Translation
from languages.services import save_translation
from tests.factories import make_project, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation():
    translator = make_user(
        email="sofia@example.org", full_name="Sofia", languages_spoken=["fr", "sv"]
    )
    project = make_project(title="Place de la Grille", content_language="fr")
    save_translation(obj=project, language="sv", texts={"title": "Torget"}, by=translator)
    save_translation(obj=project, language="sv", texts={"title": "Grilletorget"}, by=translator)
    return Translation.objects.get()


def test_staff_read_a_translation_with_its_revisions(admin_client, translation):
    listing = admin_client.get("/admin/languages/translation/")
    page = admin_client.get(f"/admin/languages/translation/{translation.pk}/change/")

    assert listing.status_code == 200
    assert page.status_code == 200
    html = page.content.decode()
    assert "Grilletorget" in html and "Torget" in html  # the revision before, kept


def test_the_admin_changes_no_translation(admin_client, translation):
    response = admin_client.post(
        f"/admin/languages/translation/{translation.pk}/change/", {"text": "Changed"}
    )
    add = admin_client.get("/admin/languages/translation/add/")
    delete = admin_client.post(
        f"/admin/languages/translation/{translation.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert add.status_code == 403
    assert delete.status_code == 403
    translation.refresh_from_db()
    assert translation.text == "Grilletorget"
