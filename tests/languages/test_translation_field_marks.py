"""On a translated project page, a part whose translation is out of date, or a machine's that
nobody reviewed, says so where it is read, not only in the line under the title."""

import pytest

from languages.services import save_machine_translation, save_translation
from tests.factories import make_project, make_user

pytestmark = pytest.mark.django_db

STALE = "Originalet till den här delen har ändrats sedan den översattes."
UNREVIEWED = "Den här delen är en maskinöversättning som ingen har granskat än."


def section(html: str, section_id: str) -> str:
    start = html.index(f'<section aria-labelledby="{section_id}-heading" id="{section_id}">')
    return html[start : html.index("</section>", start)]


def test_each_part_says_when_its_translation_is_stale_or_unreviewed(anonymous_client):
    translator = make_user(full_name="Sofia", languages_spoken=["fr", "sv"])
    project = make_project(
        title="Place de la Grille",
        content_language="fr",
        description="La place était un parking.",
        approach="Urbanisme tactique.",
        lessons_learned="Commencer petit.",
    )
    save_translation(
        obj=project,
        language="sv",
        texts={"title": "Torget", "description": "Torget var en parkering."},
        by=translator,
    )
    save_machine_translation(
        obj=project,
        language="sv",
        texts={"approach": "Taktisk urbanism.", "lessons_learned": "Börja smått."},
        engine="libretranslate",
        engine_version="1.6",
    )
    save_translation(
        obj=project,
        language="sv",
        texts={"lessons_learned": "Börja smått."},
        by=translator,
        confirmed={"lessons_learned"},
    )
    project.description = "La place était un parking, puis un marché."
    project.save()

    html = anonymous_client.get(f"/sv/projects/{project.slug}/").content.decode()

    assert STALE in section(html, "description")
    assert UNREVIEWED not in section(html, "description")
    assert UNREVIEWED in section(html, "approach")
    assert STALE not in section(html, "approach")
    lessons = section(html, "lessons")
    assert STALE not in lessons and UNREVIEWED not in lessons  # reviewed, current
    assert "Börja smått." in lessons
