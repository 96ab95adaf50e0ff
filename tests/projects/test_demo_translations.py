"""The demo projects' translations (projects/demo_translations.py) cover every demo project, in
both other languages, field by field, keeping the originals' Markdown, and name translators who
read both languages."""

import re

import pytest

from alliance_portal.management.commands.load_demo import PEOPLE
from core.enums import ContentLanguage
from projects.demo import PROJECTS
from projects.demo_translations import OUT_OF_DATE, PROVENANCE, TRANSLATIONS

TEXT_FIELDS = (
    "title",
    "summary",
    "description",
    "approach",
    "stakeholders",
    "lessons_learned",
    "looking_for",
    "transferability",
    "equity",
    "alt",
)
LANGUAGES = set(ContentLanguage.values)
SPOKEN = {person[0]: set(person[6]) for person in PEOPLE}
PAIRS = [
    (data, language) for data in PROJECTS for language in sorted(LANGUAGES - {data["language"]})
]


def pair_id(pair) -> str:
    data, language = pair
    return f"{data['slug']}-{language}"


def markdown_shape(text: str) -> tuple:
    """What the translation must keep: paragraphs, list items, bold runs."""
    return (
        text.count("\n\n"),
        len(re.findall(r"^- ", text, flags=re.MULTILINE)),
        text.count("**"),
    )


def test_demo_translations_cover_the_demo_projects_and_nothing_else():
    assert set(TRANSLATIONS) == {data["slug"] for data in PROJECTS}
    assert set(PROVENANCE) == {(data["slug"], language) for data, language in PAIRS}


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_demo_translation_has_every_field_of_the_original(pair):
    data, language = pair

    texts = TRANSLATIONS[data["slug"]][language]

    assert set(texts) == {field for field in TEXT_FIELDS if data.get(field)}
    assert all(text.strip() for text in texts.values())
    assert data["language"] not in TRANSLATIONS[data["slug"]]


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_demo_translation_keeps_the_markdown_structure(pair):
    data, language = pair

    texts = TRANSLATIONS[data["slug"]][language]

    for field, text in texts.items():
        assert markdown_shape(text) == markdown_shape(data[field]), field


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_demo_translation_is_made_by_someone_who_reads_both_languages(pair):
    data, language = pair

    provenance = PROVENANCE[(data["slug"], language)]
    person = provenance.get("translator") or provenance["reviewer"]

    assert {data["language"], language} <= SPOKEN[person]


def test_demo_translations_mix_human_and_reviewed_machine_ones():
    machine = [key for key, value in PROVENANCE.items() if "engine" in value]
    human = [key for key, value in PROVENANCE.items() if "translator" in value]

    assert 0 < len(machine) < len(PROVENANCE)
    assert len(machine) + len(human) == len(PROVENANCE)
    assert all(PROVENANCE[key]["engine"] == "libretranslate" for key in machine)


def test_demo_translation_out_of_date_names_an_earlier_wording_of_a_real_field():
    slug, language, field, earlier = OUT_OF_DATE
    original = next(data for data in PROJECTS if data["slug"] == slug)

    assert field in TRANSLATIONS[slug][language]
    assert earlier != original[field]
    assert earlier.strip()
