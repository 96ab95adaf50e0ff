"""Search: /search/ over projects, cities and themes, and ?q= on the project list.

The first tests run on both databases (PostgreSQL full text; SQLite's accent-folded fallback);
the last ones need PostgreSQL's text-search configurations and are skipped elsewhere.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.enums import Visibility
from projects.models import Project
from projects.search import fold
from tests.factories import make_project, project_edit_data, project_form_data
from tests.markup import foreign_scripts

pytestmark = pytest.mark.django_db

# A card with a cover has its picture before the title.
CARD = re.compile(
    r'<li class="card project-card(?: has-cover)?">\s*(?:<div class="card-cover">.*?</div>\s*)?'
    r'<h3><a href="[^"]+" lang="\w+">([^<]+)</a>',
    re.S,
)


def project_titles(response) -> list[str]:
    html = response.content.decode()
    section = html[html.index('<section aria-labelledby="project-results">') :]
    return CARD.findall(section)


def section(html: str, heading_id: str) -> str:
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


@pytest.fixture
def renovation(author):
    return make_project(
        author=author,
        title="Rénovation énergétique des écoles",
        summary="Les écoles du centre consomment moitié moins.",
        content_language="fr",
        themes=("renovation-energy-efficiency",),
    )


@pytest.fixture
def cargo(author):
    return make_project(
        city="gothenburg",
        author=author,
        title="Cargo bikes for the town hall",
        summary="Staff deliver by bike.",
        description="Electric cargo bikes replaced two vans.",
        themes=("innovation",),
    )


# --- Both databases ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["renovation", "Rénovation", "RENOVATION", "rénovation énergétique", "ecoles"]
)
def test_search_ignores_accents_and_case(anonymous_client, renovation, cargo, query):
    response = anonymous_client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    assert project_titles(response) == ["Rénovation énergétique des écoles"]


def test_search_requires_every_word(anonymous_client, renovation, cargo):
    both = anonymous_client.get("/en/search/", {"q": "cargo vans"})
    one_missing = anonymous_client.get("/en/search/", {"q": "cargo écoles"})

    assert project_titles(both) == ["Cargo bikes for the town hall"]
    assert project_titles(one_missing) == []
    assert "No project matches your search." in one_missing.content.decode()


def test_search_finds_words_of_the_long_fields(anonymous_client, author):
    make_project(
        author=author,
        title="Quiet streets",
        stakeholders="The parents' association",
        lessons_learned="Involve the bus company early.",
        tags=("mobility",),
    )

    for query in ("association", "bus company", "mobility"):
        response = anonymous_client.get("/en/search/", {"q": query})
        assert project_titles(response) == ["Quiet streets"], query


def test_search_covers_cities_and_themes(anonymous_client, renovation):
    response = anonymous_client.get("/en/search/", {"q": "renovation"})

    html = response.content.decode()
    assert '<a href="/en/themes/renovation-energy-efficiency/">' in section(html, "theme-results")
    assert '<a href="/en/themes/public-spaces/">' not in section(html, "theme-results")
    assert section(html, "city-results") == ""


@pytest.mark.parametrize(
    ("query", "slug"), [("goteborg", "gothenburg"), ("Umea", "umea"), ("armor", "saint-brieuc")]
)
def test_search_finds_cities_without_accents(anonymous_client, query, slug):
    response = anonymous_client.get("/en/search/", {"q": query})

    cities = section(response.content.decode(), "city-results")
    assert re.findall(r'<a href="/en/cities/([a-z-]+)/">', cities) == [slug]


def test_search_finds_themes_in_every_language(anonymous_client):
    response = anonymous_client.get("/en/search/", {"q": "medborgardeltagande"})

    themes = section(response.content.decode(), "theme-results")
    assert re.findall(r'<a href="/en/themes/([a-z-]+)/">', themes) == ["citizen-participation"]


def test_search_leaves_out_members_only_projects_for_anonymous(
    anonymous_client, login, outsider, member, author
):
    make_project(author=author, title="Secret renovation plan", visibility=Visibility.MEMBERS)
    make_project(author=author, title="Public renovation plan")

    visitor = anonymous_client.get("/en/search/", {"q": "renovation plan"})
    signed_in = login(outsider).get("/en/search/", {"q": "renovation plan"})
    approved = login(member).get("/en/search/", {"q": "renovation plan"})

    assert project_titles(visitor) == ["Public renovation plan"]
    assert "Secret renovation plan" not in visitor.content.decode()
    assert project_titles(signed_in) == ["Public renovation plan"]
    assert sorted(project_titles(approved)) == ["Public renovation plan", "Secret renovation plan"]


def test_search_leaves_out_deleted_projects(login, staff, author):
    make_project(author=author, title="Deleted renovation", deleted_at=timezone.now())

    response = login(staff).get("/en/search/", {"q": "renovation"})

    assert project_titles(response) == []


def test_search_highlights_the_words_found(anonymous_client, renovation):
    response = anonymous_client.get("/en/search/", {"q": "ecoles"})

    html = response.content.decode()
    snippet = re.search(r'<p class="snippet" lang="fr">(.*?)</p>', html, re.S).group(1)
    assert "<mark>écoles</mark>" in snippet


def test_search_escapes_the_query_and_the_text(anonymous_client, author):
    make_project(author=author, title="Safe", summary="<script>alert(1)</script> renovation")

    response = anonymous_client.get("/en/search/", {"q": "<script> renovation"})

    html = response.content.decode()
    assert response.status_code == 200
    assert foreign_scripts(html) == []
    assert 'value="&lt;script&gt; renovation"' in html


@pytest.mark.parametrize(
    "query", ['"unfinished', "a & | ! ( ) :*", "-", "   ", "x" * 1000, "'; DROP TABLE x; --"]
)
def test_search_odd_queries_never_fail(anonymous_client, renovation, query):
    page = anonymous_client.get("/en/search/", {"q": query})
    listing = anonymous_client.get("/en/projects/", {"q": query})

    assert page.status_code == 200
    assert listing.status_code == 200
    assert Project.objects.count() == 1


def test_search_without_a_query_shows_only_the_form(anonymous_client, renovation):
    response = anonymous_client.get("/en/search/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<input type="search" id="search-q" name="q" value=""' in html
    assert 'id="project-results"' not in html


def test_search_pages_twenty_projects(anonymous_client, author):
    for number in range(22):
        make_project(author=author, title=f"Renovation {number:02d}")

    first = anonymous_client.get("/en/search/", {"q": "renovation"})
    second = anonymous_client.get("/en/search/", {"q": "renovation", "page": "2"})

    assert len(project_titles(first)) == 20
    assert len(project_titles(second)) == 2
    assert "22 projects" in first.content.decode()
    assert '<a href="?q=renovation&amp;page=2" rel="next">' in first.content.decode()


def test_project_list_search_ignores_accents(anonymous_client, renovation, cargo):
    response = anonymous_client.get("/en/projects/", {"q": "renovation ecoles"})

    assert CARD.findall(response.content.decode()) == ["Rénovation énergétique des écoles"]


def test_project_search_text_is_kept_current_on_edit(member_client, renovation):
    data = project_edit_data(renovation, title="Rénovation des crèches")

    member_client.post(f"/en/projects/{renovation.slug}/edit/", data)

    renovation.refresh_from_db()
    assert renovation.search_text.startswith("renovation des creches")
    assert "ecoles" in renovation.search_text  # still in the summary
    assert project_titles(member_client.get("/en/search/", {"q": "creches"})) == [
        "Rénovation des crèches"
    ]


def test_fold_removes_accents_and_keeps_positions():
    text = "Rénovation à Umeå, Göteborg, Æble, ﬁn"

    folded = fold(text)

    assert folded.startswith("renovation a umea, goteborg")
    assert len(folded) == len(text)


# --- PostgreSQL only -----------------------------------------------------------------------


@pytest.mark.usefixtures("postgres_only")
def test_postgres_search_ranks_a_title_match_above_a_body_match(anonymous_client, author):
    in_title = make_project(author=author, title="Tramway to the harbour", summary="A new line.")
    make_project(
        author=author,
        title="Harbour district",
        summary="New homes.",
        description="A tramway stop will come later.",
    )
    assert in_title.created_at < Project.objects.get(title="Harbour district").created_at

    response = anonymous_client.get("/en/search/", {"q": "tramway"})

    assert project_titles(response) == ["Tramway to the harbour", "Harbour district"]


@pytest.mark.usefixtures("postgres_only")
def test_postgres_search_ranks_a_summary_match_above_a_body_match(anonymous_client, author):
    make_project(author=author, title="Bikes", summary="Parking for cargo bikes.")
    make_project(author=author, title="Vans", summary="Deliveries.", approach="Cargo vans.")

    response = anonymous_client.get("/en/projects/", {"q": "cargo"})

    assert CARD.findall(response.content.decode()) == ["Bikes", "Vans"]


@pytest.mark.usefixtures("postgres_only")
@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("La rénovation des écoles", "rénovations"),
        ("Les rénovations des écoles", "rénovation"),
        ("Le long des canaux", "canal"),
        ("Des quartiers vivants", "quartier"),
    ],
)
def test_postgres_search_stems_french(anonymous_client, author, text, query):
    make_project(author=author, title=text, content_language="fr")

    response = anonymous_client.get("/en/search/", {"q": query})

    assert project_titles(response) == [text]


@pytest.mark.usefixtures("postgres_only")
@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Kommunerna samarbetar", "kommun"),
        ("Trafiken i centrum", "trafik"),
        ("Bostäderna vid hamnen", "bostäder"),
    ],
)
def test_postgres_search_stems_swedish(anonymous_client, author, text, query):
    make_project(author=author, title=text, content_language="sv", city="umea")

    response = anonymous_client.get("/en/search/", {"q": query})

    assert project_titles(response) == [text]


@pytest.mark.usefixtures("postgres_only")
@pytest.mark.parametrize(
    ("text", "language", "query"),
    [
        ("Rénovation énergétique", "fr", "renovation energetique"),
        ("Renovation energetique", "fr", "rénovation énergétique"),
        ("Bostäder i Umeå", "sv", "bostader umea"),
        ("Café culture in Malmö", "en", "cafe malmo"),
    ],
)
def test_postgres_search_ignores_accents(anonymous_client, author, text, language, query):
    make_project(author=author, title=text, content_language=language)

    response = anonymous_client.get("/en/search/", {"q": query})

    assert project_titles(response) == [text]


@pytest.mark.usefixtures("postgres_only")
def test_postgres_search_snippet_marks_the_words(anonymous_client, author):
    make_project(
        author=author,
        title="Écoles",
        summary="Nous menons la rénovation des écoles du centre.",
        content_language="fr",
    )

    response = anonymous_client.get("/en/search/", {"q": "renovation"})

    snippet = re.search(r'<p class="snippet" lang="fr">(.*?)</p>', response.content.decode())
    assert "<mark>rénovation</mark>" in snippet.group(1)


@pytest.mark.usefixtures("postgres_only")
def test_postgres_search_snippet_escapes_the_text(anonymous_client, author):
    make_project(author=author, title="Safe", summary="<b>renovation</b> & more")

    response = anonymous_client.get("/en/search/", {"q": "renovation"})

    snippet = re.search(r'<p class="snippet" lang="en">(.*?)</p>', response.content.decode())
    # ts_headline drops what looks like a tag; what is left is escaped.
    assert "<b>" not in snippet.group(1)
    assert "<mark>renovation</mark>" in snippet.group(1)
    assert "&amp; more" in snippet.group(1)


@pytest.mark.usefixtures("postgres_only")
def test_postgres_search_vector_is_stored_on_save(member_client):
    member_client.post(
        "/en/projects/new/",
        project_form_data(
            title="Rénovation des écoles", summary="Moins d'énergie.", content_language="fr"
        ),
    )

    vector = Project.objects.values_list("search_vector", flat=True).get()
    assert "'renov':1A" in vector
    assert "'ecol':3A" in vector
    assert "'energ':" in vector


@pytest.mark.usefixtures("postgres_only")
def test_postgres_search_reads_the_stored_vector_instead_of_computing_one(
    anonymous_client, renovation
):
    with CaptureQueriesContext(connection) as queries:
        response = anonymous_client.get("/en/projects/", {"q": "renovation"})

    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert CARD.findall(response.content.decode()) == ["Rénovation énergétique des écoles"]
    assert "to_tsvector" not in sql
    assert re.search(r'(U\d|"projects_project")\."search_vector" @@', sql)  # the GIN index
