"""Search across languages: translated tags and glossary terms expand a query into the other
languages, tags are shown in the reader's language, on SQLite and PostgreSQL alike."""

import re
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from languages.enums import EntryState
from languages.models import TagConcept
from languages.services import save_translation, tag_concept_save
from languages.tags import concept_index
from projects.models import Project
from projects.services import project_saved
from tests.factories import bulk_projects, make_project, make_question
from tests.factories.glossary import make_entry

pytestmark = pytest.mark.django_db

# A card with a cover has its picture before the title.
CARD = re.compile(
    r'<li class="card project-card(?: has-cover)?">\s*(?:<div class="card-cover">.*?</div>\s*)?'
    r'<h3><a href="[^"]+" lang="\w+">([^<]+)</a>',
    re.S,
)
GOTHENBURG = "Tillfällig installation för att testa ett offentligt rum"
GRILLE = "Expérimentation place de la Grille"


def search_queries() -> int:
    """The search page's queries: projects counted and shown (their themes and their
    translations into the reader's language prefetched), questions, cities, themes;
    PostgreSQL's snippets are one more."""
    return 8 if connection.vendor == "postgresql" else 7


def titles(response) -> list[str]:
    html = response.content.decode()
    return CARD.findall(html[html.index('<section aria-labelledby="project-results">') :])


@pytest.fixture
def gothenburg(author):
    """Gothenburg's temporary installation, written in Swedish, with Swedish tags."""
    return make_project(
        city="gothenburg",
        author=author,
        title=GOTHENBURG,
        summary="Innan ett torg byggs om testar staden en tillfällig installation.",
        description="Sittplatser, växter och scen prövas under en sommar.",
        content_language="sv",
        tags=("tillfällig användning", "offentligt rum"),
    )


@pytest.fixture
def grille(author):
    """Saint-Brieuc's square, written in French, with French tags."""
    return make_project(
        author=author,
        title=GRILLE,
        summary="Avant les travaux, la ville teste du mobilier et des marquages temporaires.",
        content_language="fr",
        tags=("usage temporaire", "espace public"),
    )


@pytest.fixture
def unrelated(author):
    return make_project(
        city="malmo",
        author=author,
        title="Reuse hubs in every district",
        summary="Repair cafés and a sharing library.",
        tags=("reuse",),
    )


# --- Tag translations --------------------------------------------------------------------------


def test_tag_translations_are_seeded_for_the_demo_and_common_planning_tags():
    concept = TagConcept.objects.get(slug="public-space")

    assert (concept.name_fr, concept.name_sv, concept.name_en) == (
        "espace public",
        "offentligt rum",
        "public space",
    )
    demo_tags = ["usage temporaire", "tillfällig användning", "mobilitet", "genus", "trygghet"]
    assert all(concept_index().concept(tag) for tag in demo_tags)
    assert concept_index().concept("participation citoyenne").name("sv") == "medborgardialog"
    assert TagConcept.objects.count() >= 30


def test_tag_concept_names_are_unique_per_language():
    concept = TagConcept(slug="again", name_fr="Espace public")

    with pytest.raises(ValidationError, match="tag_concept_name_fr_unique|already exists"):
        concept.full_clean()


def test_tag_concept_needs_a_name():
    concept = TagConcept(slug="empty")

    with pytest.raises(ValidationError, match="tag_concept_has_a_name"):
        concept.full_clean()


def test_a_new_tag_translation_is_used_by_the_next_search(anonymous_client, author):
    make_project(author=author, title="Lekplatser", content_language="sv", tags=("lekplats",))
    assert titles(anonymous_client.get("/fr/search/", {"q": "aire de jeux"})) == []

    tag_concept_save(
        concept=TagConcept(), names={"fr": "aire de jeux", "sv": "lekplats", "en": "playground"}
    )

    assert titles(anonymous_client.get("/fr/search/", {"q": "aire de jeux"})) == ["Lekplatser"]


def test_project_page_shows_tags_in_the_readers_language(anonymous_client, gothenburg, author):
    gothenburg.tags.add("hamnen")

    french = anonymous_client.get(f"/fr/projects/{gothenburg.slug}/").content.decode()
    english = anonymous_client.get(f"/en/projects/{gothenburg.slug}/").content.decode()
    swedish = anonymous_client.get(f"/sv/projects/{gothenburg.slug}/").content.decode()

    assert '<a href="/fr/projects/?tag=offentligt-rum">espace public</a>' in french
    assert '<a href="/fr/projects/?tag=tillfällig-användning">usage temporaire</a>' in french
    # No translation: the tag's own name, said to be in the project's language.
    assert '<a href="/fr/projects/?tag=hamnen" lang="sv">hamnen</a>' in french
    assert '<a href="/en/projects/?tag=offentligt-rum">public space</a>' in english
    assert '<a href="/sv/projects/?tag=offentligt-rum">offentligt rum</a>' in swedish
    assert '<a href="/sv/projects/?tag=hamnen">hamnen</a>' in swedish


def test_tag_facets_merge_a_tag_and_its_translations(anonymous_client, gothenburg, grille):
    html = anonymous_client.get("/fr/projects/").content.decode()

    start = html.index("<h3>Par mot-clé</h3>")
    facets = html[start : html.index("</search>", start)]
    facet = r'<li><a href="[^"]+"[^>]*>([^<]+)</a> <span class="count">\((\d+)\)'
    names = re.findall(facet, facets)
    assert sorted(names) == [("espace public", "2"), ("usage temporaire", "2")]


def test_tag_filter_finds_the_projects_of_its_translations(anonymous_client, gothenburg, grille):
    response = anonymous_client.get("/en/projects/", {"tag": "espace-public"})

    assert sorted(CARD.findall(response.content.decode())) == sorted([GRILLE, GOTHENBURG])


# --- Search across languages -------------------------------------------------------------------


def test_french_search_finds_the_swedish_temporary_installation(
    anonymous_client, gothenburg, unrelated
):
    response = anonymous_client.get("/fr/search/", {"q": "espace public"})

    assert response.status_code == 200
    assert titles(response) == [GOTHENBURG]


def test_swedish_search_finds_the_french_public_space(anonymous_client, grille, unrelated):
    response = anonymous_client.get("/sv/search/", {"q": "offentligt rum"})

    assert titles(response) == [GRILLE]


def test_english_search_finds_both(anonymous_client, grille, gothenburg, unrelated):
    response = anonymous_client.get("/en/search/", {"q": "public space"})

    assert sorted(titles(response)) == sorted([GRILLE, GOTHENBURG])


def test_translated_tag_and_another_word_must_both_match(anonymous_client, gothenburg, grille):
    response = anonymous_client.get("/fr/search/", {"q": "espace public sommar"})

    assert titles(response) == [GOTHENBURG]  # "sommar" is in the Swedish text only


def test_project_list_search_crosses_languages_too(anonymous_client, gothenburg, unrelated):
    response = anonymous_client.get("/fr/projects/", {"q": "espace public"})

    assert CARD.findall(response.content.decode()) == [GOTHENBURG]


def test_glossary_terms_expand_the_query(anonymous_client, author):
    make_project(
        author=author,
        title="Un guichet unique",
        summary="Le permis de construire en trois semaines.",
        content_language="fr",
    )
    make_project(
        city="umea",
        author=author,
        title="Snabbare handläggning",
        summary="Bygglov på tre veckor.",
        content_language="sv",
    )

    from_swedish = anonymous_client.get("/sv/search/", {"q": "bygglov"})
    from_french = anonymous_client.get("/fr/search/", {"q": "permis de construire"})
    from_english = anonymous_client.get("/en/search/", {"q": "building permit"})

    both = sorted(["Un guichet unique", "Snabbare handläggning"])
    assert sorted(titles(from_swedish)) == both
    assert sorted(titles(from_french)) == both
    assert sorted(titles(from_english)) == both


def test_glossary_acronym_finds_the_spelled_out_term_but_not_a_term_without_equivalent(
    anonymous_client, author
):
    make_project(
        author=author,
        title="Un nouveau document pour la commune",
        summary="La commune révise son plan local d'urbanisme.",
        content_language="fr",
    )
    make_project(
        city="umea",
        author=author,
        title="Ny detaljplan för hamnen",
        summary="Planen ställs ut i vår.",
        content_language="sv",
    )

    plu = anonymous_client.get("/fr/search/", {"q": "PLU"})
    detaljplan = anonymous_client.get("/fr/search/", {"q": "detaljplan"})

    # The glossary gives the PLU and the detaljplan no exact equivalent: neither finds the other.
    assert titles(plu) == ["Un nouveau document pour la commune"]
    assert titles(detaljplan) == ["Ny detaljplan för hamnen"]


def test_unpublished_glossary_entries_expand_nothing(anonymous_client, author):
    make_entry(
        term_fr="friche urbaine", term_sv="brunnsområde", term_en="", state=EntryState.PROPOSED
    )
    make_project(author=author, title="Brunnsområde vid ån", content_language="sv", city="umea")

    response = anonymous_client.get("/fr/search/", {"q": "friche urbaine"})

    assert titles(response) == []


def test_a_published_entry_expands_the_next_search(anonymous_client, author):
    make_project(author=author, title="Brunnsområde vid ån", content_language="sv", city="umea")
    make_entry(term_fr="friche urbaine", term_sv="brunnsområde", term_en="brownfield")

    response = anonymous_client.get("/fr/search/", {"q": "friche urbaine"})

    assert titles(response) == ["Brunnsområde vid ån"]


def test_search_highlights_the_translated_words(anonymous_client, author):
    make_project(
        city="gothenburg",
        author=author,
        title="Torget",
        summary="Ett offentligt rum för alla.",
        content_language="sv",
    )

    html = anonymous_client.get("/fr/search/", {"q": "espace public"}).content.decode()

    snippet = re.search(r'<p class="snippet" lang="sv">(.*?)</p>', html, re.S).group(1)
    assert "<mark>offentligt</mark> <mark>rum</mark>" in snippet


def test_search_across_languages_finds_questions(login, member, other_city_member):
    make_question(author=other_city_member, title="Hur utvärderar ni offentligt rum?")

    html = login(member).get("/fr/search/", {"q": "espace public"}).content.decode()

    assert "Hur utvärderar ni offentligt rum?" in html


def test_demo_projects_french_search_finds_gothenburg(anonymous_client, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())

    response = anonymous_client.get("/fr/search/", {"q": "espace public"})

    # Found, and shown by their French translations.
    found = titles(response)
    assert "Une installation temporaire pour tester un espace public" in found  # Gothenburg's
    assert "Expérimentation place de la Grille" in found
    html = response.content.decode()
    assert 'href="/fr/projects/tillfallig-installation-offentligt-rum/"' in html
    assert 'href="/fr/projects/jamstalld-stadsplanering-umea/"' in html


# --- Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 25])
def test_search_across_languages_costs_what_a_plain_search_costs(
    anonymous_client, author, size, django_assert_num_queries
):
    for number in range(size):
        make_project(
            city="gothenburg",
            author=author,
            title=f"Torg {number}",
            summary="Ett offentligt rum, en installation.",
            content_language="sv",
            tags=("offentligt rum", "tillfällig användning"),
        )
    bulk_projects(5)
    anonymous_client.get("/fr/search/", {"q": "espace public"})  # the indexes, once per version

    with django_assert_num_queries(search_queries()):
        expanded = anonymous_client.get("/fr/search/", {"q": "espace public"})
    with django_assert_num_queries(search_queries()):
        plain = anonymous_client.get("/fr/search/", {"q": "installation"})

    assert len(titles(expanded)) == min(size, 20)
    assert len(titles(plain)) == min(size, 20)


@pytest.mark.parametrize("tags", [1, 12])
def test_project_page_translated_tags_cost_no_query_per_tag(
    anonymous_client, author, tags, django_assert_num_queries
):
    names = ["offentligt rum", "mobilitet", "genus", "trygghet", "landsbygd", "avfall"]
    names += ["återbruk", "bostäder", "cykel", "dagvatten", "värmeö", "unga"]
    project = make_project(author=author, content_language="sv", tags=tuple(names[:tags]))
    anonymous_client.get(f"/fr/projects/{project.slug}/")  # the indexes, once per version

    with django_assert_num_queries(PROJECT_PAGE_QUERIES):
        response = anonymous_client.get(f"/fr/projects/{project.slug}/")

    html = response.content.decode()
    assert "espace public" in html
    assert html.count('href="/fr/projects/?tag=') == tags


PROJECT_PAGE_QUERIES = 13  # with the methods and tools the project used


def test_first_page_after_a_change_reads_the_translations_once(
    anonymous_client, gothenburg, django_assert_num_queries
):
    anonymous_client.get("/fr/search/", {"q": "espace public"})
    tag_concept_save(concept=TagConcept(), names={"fr": "place", "sv": "torg", "en": "square"})

    # The tag translations again (the glossary's version is unchanged): one query more.
    with django_assert_num_queries(search_queries() + 1):
        response = anonymous_client.get("/fr/search/", {"q": "espace public"})

    assert titles(response) == [GOTHENBURG]
    assert Project.objects.count() == 1


# --- Translations indexed ----------------------------------------------------------------------


def test_a_saved_translation_is_searched_in_its_language(anonymous_client, gothenburg, author):
    assert titles(anonymous_client.get("/fr/search/", {"q": "estrade"})) == []

    save_translation(
        obj=gothenburg,
        language="fr",
        texts={
            "title": "Une installation temporaire pour tester une place",
            "summary": "Des gradins, des plantes et une estrade pendant un été.",
        },
        by=author,
    )

    gothenburg.refresh_from_db()
    assert "estrade" in gothenburg.search_text
    assert "sittplatser" in gothenburg.search_text  # the original stays indexed
    found = titles(anonymous_client.get("/fr/search/", {"q": "estrade"}))
    # Found in French, and shown by its French title; the Swedish original by its own.
    assert found == ["Une installation temporaire pour tester une place"]
    assert titles(anonymous_client.get("/sv/search/", {"q": "sommar"})) == [GOTHENBURG]


def test_reindexing_after_an_edit_keeps_the_translations(member_client, gothenburg, author):
    save_translation(
        obj=gothenburg, language="en", texts={"title": "A bandstand on the square"}, by=author
    )

    project_saved(project=gothenburg, user=author)

    gothenburg.refresh_from_db()
    assert "bandstand" in gothenburg.search_text


@pytest.mark.usefixtures("postgres_only")
def test_postgres_translations_are_stemmed_and_weighted_in_their_own_configuration(
    gothenburg, author
):
    save_translation(
        obj=gothenburg,
        language="fr",
        texts={"title": "Les rénovations des places", "summary": "Des plantations."},
        by=author,
    )

    vector = Project.objects.values_list("search_vector", flat=True).get(pk=gothenburg.pk)
    # French stemming (alliance_fr) of the French title, weight A; the summary B.
    assert re.search(r"'renov':\d+A", vector)
    assert re.search(r"'plantat':\d+B", vector)
    # The Swedish original is still stemmed in Swedish.
    assert re.search(r"'tillfal':1A", vector)


@pytest.mark.usefixtures("postgres_only")
def test_postgres_a_translated_title_ranks_above_a_body_match(anonymous_client, author, gothenburg):
    make_project(
        author=author,
        title="Autre chose",
        summary="Rien.",
        description="Une estrade viendra plus tard.",
        content_language="fr",
    )
    save_translation(
        obj=gothenburg, language="fr", texts={"title": "Une estrade sur la place"}, by=author
    )

    found = titles(anonymous_client.get("/fr/search/", {"q": "estrade"}))

    assert found[1] == "Autre chose"
    assert len(found) == 2
