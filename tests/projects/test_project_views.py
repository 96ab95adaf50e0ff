"""The project list with filters and facets, the project page, documents, and the pages that
list projects: city pages, theme pages, home."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from core.enums import Visibility
from projects.enums import ProjectStatus
from projects.models import Project, ProjectImage, ProjectLink
from tests.factories import (
    PDF_BYTES,
    make_document,
    make_project,
    picture_bytes,
    project_edit_data,
    project_form_data,
    upload,
)

pytestmark = pytest.mark.django_db

# A card with a cover has its picture before the title.
CARD = re.compile(
    r'<li class="card project-card(?: has-cover)?">\s*(?:<div class="card-cover">.*?</div>\s*)?'
    r'<h3><a href="[^"]+" lang="\w+">([^<]+)</a>',
    re.S,
)
FACET = re.compile(
    r'<li><a (?:class="sdg-link" )?href="([^"]+)"(?: aria-current="true")?>(.+?)</a> '
    r'<span class="count">\((\d+)\)',
    re.S,
)


def card_titles(response) -> list[str]:
    return CARD.findall(response.content.decode())


def facet_section(html: str, heading: str) -> dict[str, int]:
    """``{label: count}`` of the facet list under ``<h3>heading</h3>``."""
    start = html.find(f"<h3>{heading}</h3>")
    if start < 0:
        return {}
    section = html[start : html.index("</ul>", start)]
    # A goal's label is its badge: the number and the name, as read without the markup.
    return {
        " ".join(re.sub(r"<[^>]+>", " ", label).split()): int(count)
        for _href, label, count in FACET.findall(section)
    }


@pytest.fixture
def catalogue(author, other_city_member, other_city_coordinator):
    """Four public projects in three countries' worth of variety, oldest first."""
    grille = make_project(
        author=author,
        title="Place de la Grille",
        themes=("public-spaces",),
        sdgs=(11,),
        tags=("gender",),
    )
    installation = make_project(
        city="gothenburg",
        author=other_city_member,
        title="Temporary installation",
        themes=("public-spaces",),
        status=ProjectStatus.COMPLETED,
        sdgs=(5,),
        tags=("temporary use",),
    )
    gender = make_project(
        city="umea",
        author=other_city_coordinator,
        title="Gender-equal planning",
        themes=("citizen-participation",),
        sdgs=(5,),
        tags=("gender",),
    )
    centre = make_project(
        city="paris",
        title="Circular town centre",
        themes=("town-centre-renewal",),
        status=ProjectStatus.PLANNED,
    )
    return grille, installation, gender, centre


# --- List ----------------------------------------------------------------------------------


def test_project_list_shows_visible_projects_newest_first(anonymous_client, catalogue):
    response = anonymous_client.get("/en/projects/")

    assert response.status_code == 200
    assert card_titles(response) == [
        "Circular town centre",
        "Gender-equal planning",
        "Temporary installation",
        "Place de la Grille",
    ]
    assert "4 projects" in response.content.decode()


def test_project_list_hides_members_only_projects_from_anonymous(
    anonymous_client, public_project, members_project
):
    response = anonymous_client.get("/en/projects/")

    html = response.content.decode()
    assert card_titles(response) == ["Place de la Grille experiment"]
    assert "1 project" in html
    assert "Confidential district plan" not in html
    assert "Renewing town centres first" not in facet_section(html, "By theme")


def test_project_list_hides_members_only_projects_from_a_signed_in_non_member(
    login, outsider, public_project, members_project
):
    response = login(outsider).get("/en/projects/")

    assert card_titles(response) == ["Place de la Grille experiment"]


def test_project_list_shows_members_only_projects_to_members_with_a_badge(
    login, other_city_member, public_project, members_project
):
    response = login(other_city_member).get("/en/projects/")

    html = response.content.decode()
    assert card_titles(response) == ["Confidential district plan", "Place de la Grille experiment"]
    assert html.count('<span class="badge">Members only</span>') == 1


@pytest.mark.parametrize("role", ["anonymous", "member", "staff"])
def test_project_list_leaves_out_deleted_projects(user_for_role, login, public_project, role):
    make_project(title="Deleted one", deleted_at=timezone.now())

    response = login(user_for_role(role)).get("/en/projects/")

    assert card_titles(response) == ["Place de la Grille experiment"]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("theme=public-spaces", ["Temporary installation", "Place de la Grille"]),
        ("city=umea", ["Gender-equal planning"]),
        ("country=FR", ["Circular town centre", "Place de la Grille"]),
        ("country=SE", ["Gender-equal planning", "Temporary installation"]),
        ("status=completed", ["Temporary installation"]),
        ("status=planned", ["Circular town centre"]),
        ("sdg=5", ["Gender-equal planning", "Temporary installation"]),
        ("tag=gender", ["Gender-equal planning", "Place de la Grille"]),
        ("tag=temporary-use", ["Temporary installation"]),
        ("q=installation", ["Temporary installation"]),
        ("theme=public-spaces&country=SE", ["Temporary installation"]),
        ("sdg=5&tag=gender", ["Gender-equal planning"]),
        ("country=FR&status=ongoing&theme=public-spaces&sdg=11&tag=gender", ["Place de la Grille"]),
        ("theme=public-spaces&city=umea", []),
        ("q=gender&country=SE", ["Gender-equal planning"]),
    ],
)
def test_project_list_filters_combine(anonymous_client, catalogue, query, titles):
    response = anonymous_client.get(f"/en/projects/?{query}")

    assert response.status_code == 200
    assert card_titles(response) == titles


def test_project_list_says_when_nothing_matches(anonymous_client, catalogue):
    response = anonymous_client.get("/en/projects/?theme=public-spaces&city=umea")

    html = response.content.decode()
    assert "No project matches these filters." in html
    assert "0 projects" in html


def test_project_list_counts_each_filter_value(anonymous_client, catalogue):
    response = anonymous_client.get("/en/projects/")

    html = response.content.decode()
    assert facet_section(html, "By theme") == {
        "Citizen participation for more sustainable lifestyles": 1,
        "Redesigning public spaces for every use and many uses": 2,
        "Renewing town centres first: energy efficiency and circular economy": 1,
    }
    assert facet_section(html, "By country") == {"France": 2, "Sweden": 2}
    assert facet_section(html, "By city") == {
        "Gothenburg": 1,
        "Paris": 1,
        "Saint-Brieuc": 1,
        "Umeå": 1,
    }
    assert facet_section(html, "By status") == {"Planned": 1, "Ongoing": 2, "Completed": 1}
    assert facet_section(html, "By goal") == {
        "5 Gender Equality": 2,
        "11 Sustainable Cities and Communities": 1,
    }
    assert facet_section(html, "By tag") == {"gender": 2, "temporary use": 1}


def test_project_list_facets_count_within_the_current_filters(anonymous_client, catalogue):
    response = anonymous_client.get("/en/projects/?country=SE")

    html = response.content.decode()
    assert facet_section(html, "By country") == {"Sweden": 2}
    assert facet_section(html, "By city") == {"Gothenburg": 1, "Umeå": 1}
    assert facet_section(html, "By goal") == {"5 Gender Equality": 2}
    assert '<a href="?country=SE&amp;theme=public-spaces">' in html
    assert '<a href="?country=SE" aria-current="true">Sweden</a>' in html


def test_project_list_facets_leave_out_what_the_visitor_cannot_see(
    anonymous_client, login, member, public_project, members_project
):
    anonymous = anonymous_client.get("/en/projects/").content.decode()
    signed_in = login(member).get("/en/projects/").content.decode()

    assert facet_section(anonymous, "By city") == {"Saint-Brieuc": 1}
    assert facet_section(signed_in, "By city") == {"Saint-Brieuc": 2}


def test_project_list_shows_twenty_a_page(anonymous_client, author):
    for number in range(23):
        make_project(author=author, title=f"Project {number:02d}")

    first = anonymous_client.get("/en/projects/")
    second = anonymous_client.get("/en/projects/?page=2")
    beyond = anonymous_client.get("/en/projects/?page=99")

    assert card_titles(first) == [f"Project {n:02d}" for n in range(22, 2, -1)]
    assert card_titles(second) == ["Project 02", "Project 01", "Project 00"]
    assert card_titles(beyond) == card_titles(second)
    assert '<a href="?page=2" rel="next">Next page</a>' in first.content.decode()
    assert "23 projects" in first.content.decode()


def test_project_list_keeps_filters_across_pages(anonymous_client, author):
    for number in range(21):
        make_project(author=author, title=f"Project {number:02d}", themes=("innovation",))

    response = anonymous_client.get("/en/projects/?theme=innovation")

    assert '<a href="?theme=innovation&amp;page=2" rel="next">' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("theme=no-such-theme", "Select a valid choice."),
        ("city=atlantis", "Select a valid choice."),
        ("country=DE", "Select a valid choice. DE is not one of the available choices."),
        ("status=paused", "Select a valid choice. paused is not one of the available choices."),
        ("sdg=99", "Select a valid choice."),
        ("sdg=abc", "Select a valid choice."),
        ("tag=%3Cscript%3E", "Enter a valid “slug”"),
        ("q=" + "x" * 500, "Ensure this value has at most 200 characters (it has 500)."),
    ],
)
def test_project_list_bad_filter_values_are_ignored_with_a_message(
    anonymous_client, catalogue, query, message
):
    response = anonymous_client.get(f"/en/projects/?{query}")

    html = response.content.decode()
    assert response.status_code == 200
    assert len(card_titles(response)) == 4
    assert message in html
    assert "<script>" not in html


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999"])
def test_project_list_bad_page_numbers_show_a_page(anonymous_client, catalogue, page):
    response = anonymous_client.get(f"/en/projects/?page={page}")

    assert response.status_code == 200
    assert len(card_titles(response)) == 4


def test_project_list_offers_to_share_a_project_to_members_only(anonymous_client, member_client):
    assert 'href="/en/projects/new/"' not in anonymous_client.get("/en/projects/").content.decode()
    assert 'href="/en/projects/new/"' in member_client.get("/en/projects/").content.decode()


def test_project_list_refuses_post(member_client):
    response = member_client.post("/en/projects/")

    assert response.status_code == 405


# --- Detail --------------------------------------------------------------------------------


def test_project_detail_shows_the_project(anonymous_client, author, public_project):
    public_project.description = "## Why\n\nBecause *squares* matter."
    public_project.approach = "Monthly workshops on the square."
    public_project.lessons_learned = "Start small."
    public_project.start_date = timezone.datetime(2024, 3, 1).date()
    public_project.cover_image.save("c.png", ContentFile(picture_bytes()), save=False)
    public_project.cover_alt = "The square seen from above"
    public_project.save()
    public_project.contacts.set([author])
    picture = ProjectImage(project=public_project, alt_text="A workshop", caption="June")
    picture.image.save("p.png", ContentFile(picture_bytes()), save=False)
    picture.save()
    document = make_document(project=public_project, title="Guide")

    response = anonymous_client.get(public_project.get_absolute_url())

    html = response.content.decode()
    assert "<h1>Place de la Grille experiment</h1>" in html
    assert '<p class="lead" lang="en">A square redesigned with its users.</p>' in html
    assert "<h4>Why</h4>\n<p>Because <em>squares</em> matter.</p>" in html
    assert '<h2 id="approach-heading" lang="en">How we organised and worked</h2>' in html
    assert "<p>Monthly workshops on the square.</p>" in html
    assert "<p>Start small.</p>" in html
    assert 'id="equity-heading"' not in html  # empty sections are left out
    assert '<dt>City</dt><dd><a href="/en/cities/saint-brieuc/">Saint-Brieuc</a> (France)</dd>' in (
        html
    )
    assert "<dt>Status</dt><dd>Ongoing</dd>" in html
    assert "<dt>Start</dt><dd>March 1, 2024</dd>" in html
    assert "<dt>Visibility</dt><dd>Public</dd>" in html
    assert '<a href="/en/themes/public-spaces/">' in html
    assert '<a class="sdg-link" href="/en/projects/?sdg=11">' in html
    assert '<a href="/en/projects/?tag=public-space">public space</a>' in html
    assert (
        f'<a href="/en/projects/{public_project.slug}/documents/{document.pk}/" download>Guide</a>'
    ) in html
    assert 'alt="The square seen from above"' in html
    assert f'src="{public_project.cover_image.url}"' in html
    assert 'alt="A workshop" lang="en">' in html
    assert '<figcaption lang="en">June</figcaption>' in html
    assert "<li>Léa Author</li>" in html
    assert "lea.author@example.org" not in html  # e-mail addresses for members only
    assert "Edit the project" not in html


def test_project_detail_shows_contact_addresses_to_members(login, member, author, public_project):
    public_project.contacts.set([author])

    response = login(member).get(public_project.get_absolute_url())

    assert '<a href="mailto:lea.author@example.org">lea.author@example.org</a>' in (
        response.content.decode()
    )


def test_project_detail_shows_management_links_to_editors(member_client, public_project):
    response = member_client.get(public_project.get_absolute_url())

    html = response.content.decode()
    assert f'<a href="/en/projects/{public_project.slug}/edit/">Edit the project</a>' in html
    assert f'action="/en/projects/{public_project.slug}/delete/"' in html


def test_project_detail_hides_management_from_another_city(
    login, other_city_member, public_project
):
    response = login(other_city_member).get(public_project.get_absolute_url())

    html = response.content.decode()
    assert "Edit the project" not in html
    assert "/delete/" not in html
    assert f'<a href="/en/projects/{public_project.slug}/history/">History of changes</a>' in html


def test_project_links_show_on_both_projects(anonymous_client, public_project):
    installation = make_project(city="gothenburg", title="Temporary installation")
    ProjectLink.objects.create(
        from_project=public_project, to_project=installation, note="The same idea in Gothenburg"
    )

    grille = anonymous_client.get(public_project.get_absolute_url()).content.decode()
    gothenburg = anonymous_client.get(installation.get_absolute_url()).content.decode()

    related = re.compile(r'<section aria-labelledby="related-heading">(.*?)</section>', re.S)
    assert (
        '<a href="/en/projects/temporary-installation/" lang="en">Temporary installation</a>'
        in (related.search(grille).group(1))
    )
    assert "The same idea in Gothenburg" in related.search(grille).group(1)
    assert (
        f'<a href="{public_project.get_absolute_url()}" lang="en">Place de la Grille experiment</a>'
    ) in related.search(gothenburg).group(1)
    assert "The same idea in Gothenburg" in related.search(gothenburg).group(1)


def test_project_links_made_in_the_form_show_on_both_projects(
    member_client, anonymous_client, other_city_member
):
    installation = make_project(city="gothenburg", title="Temporary installation")
    member_client.post(
        "/en/projects/new/",
        project_form_data(links=[{"to_project": str(installation.pk), "note": "Same idea"}]),
    )
    grille = Project.objects.get(title="Place de la Grille experiment")

    response = anonymous_client.get(installation.get_absolute_url())

    assert f'<a href="{grille.get_absolute_url()}" lang="en">' in response.content.decode()


def test_project_links_to_members_only_projects_are_hidden_from_visitors(
    anonymous_client, member_client, public_project, members_project
):
    ProjectLink.objects.create(from_project=members_project, to_project=public_project)

    visitor = anonymous_client.get(public_project.get_absolute_url()).content.decode()
    member = member_client.get(public_project.get_absolute_url()).content.decode()

    assert "Confidential district plan" not in visitor
    assert 'id="related-heading"' not in visitor
    assert "Confidential district plan" in member


def test_project_links_to_deleted_projects_are_hidden(anonymous_client, public_project):
    gone = make_project(city="gothenburg", title="Gone", deleted_at=timezone.now())
    ProjectLink.objects.create(from_project=public_project, to_project=gone)

    html = anonymous_client.get(public_project.get_absolute_url()).content.decode()

    assert 'id="related-heading"' not in html


def test_project_detail_suggests_projects_of_the_other_country_on_the_same_themes(
    anonymous_client, public_project
):
    umea = make_project(
        city="umea", title="Umeå square", themes=("public-spaces",), tags=("public space",)
    )
    make_project(city="malmo", title="Malmö energy", themes=("renovation-energy-efficiency",))
    make_project(city="paris", title="Paris square", themes=("public-spaces",))

    html = anonymous_client.get(public_project.get_absolute_url()).content.decode()

    section = html[html.index('id="elsewhere-heading"') :]
    section = section[: section.index("</section>")]
    assert "Peer projects in Sweden</h2>" in section
    # Matches are ranked by what they share, with the reasons shown.
    assert re.findall(r'<h3><a href="([^"]+)" lang="en">([^<]+)</a></h3>', section) == [
        (umea.get_absolute_url(), "Umeå square")
    ]
    assert (
        '<p class="reasons">Both: Redesigning public spaces for every use and many uses, '
        "tag “public space”</p>" in section
    )


# --- Documents -------------------------------------------------------------------------------


def test_document_download_is_a_safe_attachment(anonymous_client, member_client):
    member_client.post(
        "/en/projects/new/",
        project_form_data(
            documents=[
                {
                    "file": upload('..\\..\\<b>"Évaluation" finale;.pdf', PDF_BYTES),
                    "title": "Evaluation",
                }
            ]
        ),
    )
    project = Project.objects.get()
    document = project.documents.get()

    response = anonymous_client.get(f"/en/projects/{project.slug}/documents/{document.pk}/")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bevaluation-finale.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_document_download_of_a_csv_is_never_html(anonymous_client, public_project):
    document = make_document(
        project=public_project,
        content=b"<script>alert(1)</script>;x\n1;2\n",
        original_name="counts.csv",
        content_type="text/csv",
    )

    response = anonymous_client.get(f"/en/projects/{public_project.slug}/documents/{document.pk}/")

    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"] == 'attachment; filename="counts.csv"'
    assert b"".join(response.streaming_content).startswith(b"<script>")


def test_document_download_of_a_missing_file_gives_404(anonymous_client, public_project):
    document = make_document(project=public_project)
    document.file.storage.delete(document.file.name)

    response = anonymous_client.get(f"/en/projects/{public_project.slug}/documents/{document.pk}/")

    assert response.status_code == 404


def test_document_is_not_under_the_public_media_folder(public_project, media_root):
    document = make_document(project=public_project)

    assert not document.file.path.startswith(str(media_root))
    with pytest.raises(ValueError, match="no public address"):
        document.file.url  # noqa: B018 - the property refuses


def test_project_edit_removes_a_document_and_its_file(
    member_client, public_project, django_capture_on_commit_callbacks
):
    document = make_document(project=public_project)
    path = document.file.path
    data = project_edit_data(
        public_project,
        documents=[{"id": str(document.pk), "title": document.title, "DELETE": "on"}],
        initial={"documents": 1},
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(f"/en/projects/{public_project.slug}/edit/", data)

    assert response.status_code == 302
    assert public_project.documents.count() == 0
    assert not Path(path).exists()


# --- Pages that list projects ----------------------------------------------------------------


def test_city_page_lists_its_projects(anonymous_client, catalogue, members_project):
    response = anonymous_client.get("/en/cities/saint-brieuc/")

    html = response.content.decode()
    assert card_titles(response) == ["Place de la Grille"]
    assert '<a href="/en/projects/?city=saint-brieuc">All these projects, with filters</a>' in html


def test_city_page_shows_members_only_projects_to_members(
    member_client, public_project, members_project
):
    response = member_client.get("/en/cities/saint-brieuc/")

    assert card_titles(response) == ["Confidential district plan", "Place de la Grille experiment"]


def test_city_page_without_projects_says_so(anonymous_client, members_project):
    response = anonymous_client.get("/en/cities/saint-brieuc/")

    assert card_titles(response) == []
    assert "No projects have been shared yet." in response.content.decode()


def test_theme_page_lists_its_projects(anonymous_client, catalogue, members_project):
    response = anonymous_client.get("/en/themes/public-spaces/")

    html = response.content.decode()
    assert card_titles(response) == ["Temporary installation", "Place de la Grille"]
    assert '<a href="/en/projects/?theme=public-spaces">' in html


def test_theme_page_hides_members_only_projects_from_anonymous(
    anonymous_client, login, other_city_member, members_project
):
    visitor = anonymous_client.get("/en/themes/town-centre-renewal/")
    member = login(other_city_member).get("/en/themes/town-centre-renewal/")

    assert card_titles(visitor) == []
    assert "Confidential district plan" not in visitor.content.decode()
    assert card_titles(member) == ["Confidential district plan"]


def test_home_shows_the_latest_six_visible_projects(anonymous_client, author, members_project):
    for number in range(8):
        make_project(author=author, title=f"Project {number}")
    make_project(title="Deleted", deleted_at=timezone.now())

    response = anonymous_client.get("/en/")

    html = response.content.decode()
    assert card_titles(response) == [f"Project {n}" for n in range(7, 1, -1)]
    assert '<a href="/en/projects/">All projects</a>' in html


def test_home_shows_members_only_projects_to_members(
    member_client, public_project, members_project
):
    response = member_client.get("/en/")

    assert card_titles(response) == ["Confidential district plan", "Place de la Grille experiment"]


def test_home_without_projects_says_so(anonymous_client):
    response = anonymous_client.get("/en/")

    assert "No projects have been shared yet." in response.content.decode()


def test_project_card_is_in_the_projects_language(anonymous_client):
    make_project(title="Rénovation du centre", content_language="fr", visibility=Visibility.PUBLIC)

    html = anonymous_client.get("/en/projects/").content.decode()

    assert '<a href="/en/projects/renovation-du-centre/" lang="fr">Rénovation du centre</a>' in html


def test_project_edit_page_of_a_project_with_a_document_shows_it(member_client, public_project):
    document = make_document(project=public_project, title="Guide")

    response = member_client.get(f"/en/projects/{public_project.slug}/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'name="documents-0-id" value="{document.pk}"' in html
    assert 'name="documents-0-title" value="Guide"' in html
    assert "/media/projects/documents/" not in html  # private files have no public URL


def test_project_edit_of_a_project_with_a_document_keeps_it(member_client, public_project):
    document = make_document(project=public_project, title="Guide")
    data = project_edit_data(
        public_project,
        title="Renamed",
        documents=[{"id": str(document.pk), "title": "Guide"}],
        initial={"documents": 1},
    )

    response = member_client.post(f"/en/projects/{public_project.slug}/edit/", data)

    public_project.refresh_from_db()
    assert response.status_code == 302
    assert public_project.title == "Renamed"
    assert list(public_project.documents.all()) == [document]


# --- Links made in the edit form --------------------------------------------------------------


def test_project_link_to_itself_is_refused(member_client, public_project):
    data = project_edit_data(public_project, links=[{"to_project": str(public_project.pk)}])

    response = member_client.post(f"/en/projects/{public_project.slug}/edit/", data)

    assert response.status_code == 200
    assert "A project cannot be related to itself." in response.content.decode()
    assert ProjectLink.objects.count() == 0


def test_project_link_back_from_the_other_side_is_refused_with_a_message(
    member_client, public_project
):
    installation = make_project(city="gothenburg", title="Temporary installation")
    ProjectLink.objects.create(from_project=installation, to_project=public_project)
    data = project_edit_data(public_project, links=[{"to_project": str(installation.pk)}])

    response = member_client.post(f"/en/projects/{public_project.slug}/edit/", data)

    assert response.status_code == 200
    assert "These projects are already linked." in response.content.decode()
    assert ProjectLink.objects.count() == 1
