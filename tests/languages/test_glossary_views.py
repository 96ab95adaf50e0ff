"""The glossary's public pages: the alphabetical list, its search and an entry's page."""

import re

import pytest

from languages.enums import EntryState, PlanningSystem
from languages.models import GlossaryEntry
from tests.factories.glossary import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def glossary():
    """Four entries in place of the migrated ones, chosen for their alphabets."""
    GlossaryEntry.objects.all().delete()
    return {
        "op": make_entry(
            slug="oversiktsplan",
            system=PlanningSystem.SWEDEN,
            term_fr="",
            no_equivalent_fr=True,
            term_sv="översiktsplan",
            term_en="comprehensive plan",
            definition_sv="Kommunens plan för hela kommunen.",
        ),
        "samrad": make_entry(
            slug="samrad",
            system=PlanningSystem.SWEDEN,
            term_fr="",
            no_equivalent_fr=True,
            term_sv="samråd",
            term_en="consultation",
            definition_en="The first stage of plan-making.",
        ),
        "ecoquartier": make_entry(
            slug="label-ecoquartier",
            term_fr="ÉcoQuartier",
            term_sv="",
            no_equivalent_sv=True,
            term_en="EcoQuartier label",
        ),
        "zac": make_entry(
            slug="zac",
            term_fr="zone d'aménagement concerté",
            term_sv="",
            no_equivalent_sv=True,
            term_en="concerted development zone",
        ),
    }


def listed(html: str) -> list[str]:
    return re.findall(r'<a href="/\w\w/glossary/([\w-]+)/"', html)


def test_list_in_french_is_alphabetical_ignoring_accents(client, glossary):
    response = client.get("/fr/glossary/")

    html = response.content.decode()
    assert listed(html) == ["label-ecoquartier", "oversiktsplan", "samrad", "zac"]
    # Swedish terms without a French one are listed under their Swedish term, marked.
    assert '<a href="/fr/glossary/oversiktsplan/" lang="sv">översiktsplan</a>' in html
    assert '<a href="/fr/glossary/label-ecoquartier/">ÉcoQuartier</a>' in html
    assert re.findall(r'class="glossary-letter">(\w)<', html) == ["E", "O", "S", "Z"]


def test_list_in_swedish_puts_o_umlaut_after_z(client, glossary):
    response = client.get("/sv/glossary/")

    html = response.content.decode()
    assert listed(html) == ["label-ecoquartier", "samrad", "zac", "oversiktsplan"]
    assert '<a href="/sv/glossary/label-ecoquartier/" lang="fr">ÉcoQuartier</a>' in html
    assert '<a href="/sv/glossary/oversiktsplan/">översiktsplan</a>' in html
    assert re.findall(r'class="glossary-letter">(\w)<', html) == ["E", "S", "Z", "Ö"]


def test_list_in_english_uses_the_english_terms(client, glossary):
    response = client.get("/en/glossary/")

    html = response.content.decode()
    assert listed(html) == ["oversiktsplan", "zac", "samrad", "label-ecoquartier"]
    assert '<a href="/en/glossary/samrad/">consultation</a>' in html


def test_list_leaves_out_proposals(client, glossary):
    make_entry(slug="proposed-term", term_en="A proposal", state=EntryState.PROPOSED, sources=[])

    response = client.get("/en/glossary/")

    assert "proposed-term" not in response.content.decode()
    assert "4 terms" in response.content.decode()


@pytest.mark.parametrize("query", ["samrad", "SAMRÅD", "samråd"])
def test_search_ignores_accents_and_case(client, glossary, query):
    response = client.get("/sv/glossary/", {"q": query})

    assert listed(response.content.decode()) == ["samrad"]


def test_search_looks_in_every_language_and_in_definitions(client, glossary):
    by_english_term = client.get("/fr/glossary/", {"q": "concerted"})
    by_definition = client.get("/fr/glossary/", {"q": "hela kommunen"})
    by_french_term = client.get("/sv/glossary/", {"q": "ecoquartier"})

    assert listed(by_english_term.content.decode()) == ["zac"]
    assert listed(by_definition.content.decode()) == ["oversiktsplan"]
    assert listed(by_french_term.content.decode()) == ["label-ecoquartier"]


def test_search_needs_every_word(client, glossary):
    response = client.get("/en/glossary/", {"q": "zone consultation"})

    assert listed(response.content.decode()) == []
    assert "No term matches this search." in response.content.decode()


def test_search_on_migrated_glossary_finds_samrad_without_its_ring(client):
    response = client.get("/en/glossary/", {"q": "samrad"})

    assert "samrad" in listed(response.content.decode())


def test_list_costs_one_query_with_one_entry(client, django_assert_num_queries):
    GlossaryEntry.objects.all().delete()
    make_entry()

    with django_assert_num_queries(1):
        response = client.get("/en/glossary/")

    assert len(listed(response.content.decode())) == 1


def test_list_costs_one_query_with_many_entries(client, django_assert_num_queries):
    for _ in range(30):
        make_entry()

    with django_assert_num_queries(1):
        response = client.get("/en/glossary/")

    assert len(listed(response.content.decode())) == 76


def test_list_signed_in_costs_the_session_and_user_too(member_client, django_assert_num_queries):
    with django_assert_num_queries(4):
        response = member_client.get("/en/glossary/")

    assert len(listed(response.content.decode())) == 46
    assert 'href="/en/glossary/propose/"' in response.content.decode()


def test_detail_shows_terms_with_languages_definitions_differences_sources(client):
    response = client.get("/en/glossary/plu/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>local land-use plan (PLU)</h1>" in html
    assert '<dd lang="fr">plan local d&#x27;urbanisme (PLU)</dd>' in html
    assert "<dd><em>No exact equivalent</em></dd>" in html
    assert '<dd lang="en">local land-use plan (PLU)</dd>' in html
    assert "Planning system: France" in html
    assert "It replaced the plan d&#x27;occupation des sols (POS)" in html
    assert "Sweden splits this role between the översiktsplan" in html
    assert (
        '<a href="https://cohesion-territoires.gouv.fr/loi-solidarite-et-renouvellement-urbain-sru"'
        ' rel="noopener">'
    ) in html
    assert 'target="_blank"' not in html


def test_detail_heading_in_another_language_is_marked(client):
    response = client.get("/fr/glossary/samrad/")

    assert '<h1 lang="sv">samråd</h1>' in response.content.decode()


@pytest.mark.parametrize("entries", [1, 20])
def test_detail_costs_one_query(client, django_assert_num_queries, entries):
    for _ in range(entries):
        entry = make_entry()

    with django_assert_num_queries(1):
        response = client.get(f"/en/glossary/{entry.slug}/")

    assert response.status_code == 200


def test_detail_of_unknown_slug_is_404(client):
    assert client.get("/en/glossary/no-such-term/").status_code == 404


@pytest.mark.parametrize("state", [EntryState.PROPOSED, EntryState.REJECTED])
def test_detail_of_unpublished_entry_is_404_for_anonymous(client, state):
    make_entry(slug="not-yet", state=state)

    assert client.get("/en/glossary/not-yet/").status_code == 404


def test_main_menu_links_to_the_glossary(client):
    response = client.get("/sv/")

    assert '<a href="/sv/glossary/">' in response.content.decode()
