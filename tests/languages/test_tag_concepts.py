"""Tag translations: the seeded concepts, the admin through the service, the cached index."""

import pytest

from languages.equivalents import equivalent_words, expand_query
from languages.models import TagConcept
from languages.services import tag_concept_delete, tag_concept_save
from languages.tags import concept_index, concepts_version, shown_tag
from projects.demo import PROJECTS

pytestmark = pytest.mark.django_db


def test_every_demo_tag_has_its_translations():
    index = concept_index()

    missing = [tag for project in PROJECTS for tag in project["tags"] if not index.concept(tag)]

    assert missing == []
    for tag in [tag for project in PROJECTS for tag in project["tags"]]:
        concept = index.concept(tag)
        assert concept.name("fr") and concept.name("sv") and concept.name("en"), tag


def test_index_ignores_case_accents_and_spacing():
    index = concept_index()

    assert index.concept("Espace  Public").slug == "public-space"
    assert index.concept("etalement urbain").name("sv") == "utglesning"
    assert index.concept("no such tag") is None


def test_shown_tag_in_each_language():
    assert (str(shown_tag("offentligt rum", "fr")), shown_tag("offentligt rum", "fr").lang) == (
        "espace public",
        "fr",
    )
    unknown = shown_tag("hamnen", "fr", fallback_language="sv")
    assert (str(unknown), unknown.lang, unknown.foreign) == ("hamnen", "sv", True)
    same = shown_tag("region", "sv", fallback_language="sv")
    assert (str(same), same.foreign) == ("region", False)


def test_service_bumps_the_version_and_cleans_names():
    before = concepts_version()

    concept = tag_concept_save(
        concept=TagConcept(), names={"fr": " aire  de jeux ", "sv": "lekplats", "en": "playground"}
    )

    assert concepts_version() != before
    assert (concept.slug, concept.name_fr) == ("playground", "aire de jeux")
    assert concept_index().concept("Lekplats").name("fr") == "aire de jeux"
    tag_concept_delete(concept=concept)
    assert concept_index().concept("lekplats") is None


def test_service_refuses_an_unknown_language():
    with pytest.raises(TypeError):
        tag_concept_save(concept=TagConcept(), names={"de": "Spielplatz"})


def test_admin_adds_a_concept_through_the_service(admin_client):
    response = admin_client.post(
        "/admin/languages/tagconcept/add/",
        {"name_fr": "aire de jeux", "name_sv": "lekplats", "name_en": "playground"},
    )

    assert response.status_code == 302
    assert TagConcept.objects.get(slug="playground").name_sv == "lekplats"
    assert concept_index().concept("aire de jeux").slug == "playground"


def test_admin_refuses_a_name_another_concept_has(admin_client):
    response = admin_client.post(
        "/admin/languages/tagconcept/add/",
        {"name_fr": "Espace public", "name_sv": "", "name_en": ""},
    )

    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert TagConcept.objects.filter(name_fr__iexact="espace public").count() == 1


def test_admin_list_and_delete(admin_client):
    concept = TagConcept.objects.get(slug="public-space")

    listing = admin_client.get("/admin/languages/tagconcept/?q=offentligt")
    deleted = admin_client.post(
        f"/admin/languages/tagconcept/{concept.pk}/delete/", {"post": "yes"}
    )

    assert "offentligt rum" in listing.content.decode()
    assert deleted.status_code == 302
    assert concept_index().concept("espace public") is None


def test_query_expansion_parts():
    assert expand_query("Espace public Göteborg") == [
        ["espace public", "offentligt rum", "public space"],
        ["goteborg"],
    ]
    assert expand_query("PLU")[0][:2] == ["plu", "plan local d urbanisme"]
    assert expand_query("un mot sans équivalent") is None
    assert expand_query("   ") is None


def test_equivalent_words_match_acronyms_as_written_only():
    assert "urbanisme" in equivalent_words("Le PLU de la ville")
    assert "urbanisme" not in equivalent_words("Il a plu toute la journée")
    assert "bygglov" in equivalent_words("Un permis de construire.")
