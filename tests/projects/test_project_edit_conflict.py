"""Two people editing the same project: the second save of an out-of-date form is refused, says
what changed, keeps what was typed, and can then be saved on purpose."""

import threading

import pytest
from django.db import connection

from cities.models import City
from core.concurrency import VERSION_FIELD, EditConflict
from projects import services
from projects.forms import (
    DocumentFormSet,
    ImageFormSet,
    LinkFormSet,
    ProjectForm,
    document_changes,
    link_changes,
    picture_changes,
)
from projects.models import Project, ProjectImage, ProjectLink, ProjectRevision
from tests.edit_conflicts import alert_text, changed_rows, conflict_box, version_in
from tests.factories import (
    make_project,
    picture_upload,
    project_edit_data,
    project_form_data,
)

pytestmark = pytest.mark.django_db


def edit_url(project: Project) -> str:
    return f"/en/projects/{project.slug}/edit/"


@pytest.fixture
def opened(member_client, public_project):
    """The version of ``public_project`` as the member opened its edit page."""
    return version_in(member_client.get(edit_url(public_project)))


@pytest.fixture
def saved_by_author(login, author, public_project, opened):
    """After the member opened the page, the author saves a new title and summary."""
    response = login(author).post(
        edit_url(public_project),
        project_edit_data(
            public_project, title="Grille, the author's title", summary="The author's summary."
        ),
    )
    assert response.status_code == 302


def post_as_member(member_client, project, version, **fields):
    data = project_edit_data(project, **fields) | {VERSION_FIELD: version}
    return member_client.post(edit_url(project), data)


# --- Refused ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("saved_by_author")
def test_project_edit_with_an_old_version_is_refused_and_writes_nothing(
    member_client, public_project, opened
):
    revisions = ProjectRevision.objects.count()

    response = post_as_member(
        member_client, public_project, opened, title="Grille, the member's title"
    )

    stored = Project.objects.get(pk=public_project.pk)
    assert response.status_code == 409
    assert (stored.title, stored.summary) == (
        "Grille, the author's title",
        "The author's summary.",
    )
    assert ProjectRevision.objects.count() == revisions


@pytest.mark.usefixtures("saved_by_author")
def test_project_edit_refused_says_so_in_an_alert_and_lists_what_changed(
    member_client, public_project, opened
):
    response = post_as_member(
        member_client, public_project, opened, title="Grille, the member's title"
    )

    assert alert_text(response) == (
        "This project was changed by someone else since you opened it. Your changes are not "
        "saved yet: what you typed is still in the form below."
    )
    assert '<h2 id="edit-conflict-heading">What the other person changed</h2>' in (
        conflict_box(response)
    )
    assert changed_rows(response) == [
        ("Title", ["Grille, the author's title"]),
        ("Summary", ["The author's summary."]),
    ]
    assert "what you typed below replaces their changes" in conflict_box(response)


@pytest.mark.usefixtures("saved_by_author")
def test_project_edit_refused_keeps_what_was_typed_in_a_complete_page(
    member_client, public_project, opened
):
    response = post_as_member(
        member_client,
        public_project,
        opened,
        title="Grille, the member's title",
        description="The member's long description.",
    )

    html = response.content.decode()
    assert 'name="title" value="Grille, the member&#x27;s title"' in html
    assert "The member&#x27;s long description.</textarea>" in html
    assert 'name="images-TOTAL_FORMS"' in html  # the formsets are there too
    assert '<button type="submit">Save anyway</button>' in html
    assert html.rstrip().endswith("</html>")
    # The conflict box says it; no second, vaguer message on top.
    assert "please correct the errors below" not in html


@pytest.mark.usefixtures("saved_by_author")
def test_project_edit_refused_carries_the_current_version_so_saving_again_overwrites(
    member_client, public_project, opened
):
    refused = post_as_member(
        member_client, public_project, opened, title="Grille, the member's title"
    )

    response = post_as_member(
        member_client, public_project, version_in(refused), title="Grille, the member's title"
    )

    stored = Project.objects.get(pk=public_project.pk)
    assert response.status_code == 302
    # The member's form had the summary as they opened it: saving anyway puts it back.
    assert (stored.title, stored.summary) == (
        "Grille, the member's title",
        "A square redesigned with its users.",
    )


@pytest.mark.usefixtures("saved_by_author")
def test_project_edit_refused_saves_no_new_picture_and_no_link(
    member_client, public_project, opened, media_root
):
    installation = make_project(city="gothenburg", title="Temporary installation")
    data = project_edit_data(
        public_project,
        images=[{"image": picture_upload(), "alt_text": "The square at noon"}],
        links=[{"to_project": str(installation.pk), "note": "Same idea"}],
    ) | {VERSION_FIELD: opened}

    response = member_client.post(edit_url(public_project), data)

    assert response.status_code == 409
    assert ProjectImage.objects.count() == 0
    assert ProjectLink.objects.count() == 0
    assert not (media_root / "projects").exists() or not any(
        path.is_file() for path in (media_root / "projects").rglob("*")
    )
    assert "Files you had chosen were not kept: choose them again before saving." in (
        conflict_box(response)
    )


def test_project_edit_refused_when_the_other_person_added_a_picture_lists_the_pictures(
    login, author, member_client, public_project, opened
):
    login(author).post(
        edit_url(public_project),
        project_edit_data(
            public_project,
            images=[{"image": picture_upload(), "alt_text": "Benches", "caption": "June"}],
        ),
    )

    response = post_as_member(member_client, public_project, opened, title="Renamed")

    assert response.status_code == 409
    assert changed_rows(response) == [("Pictures", ["Benches — June"])]
    assert Project.objects.get(pk=public_project.pk).title == "Place de la Grille experiment"


def test_project_edit_refused_lists_relations_with_their_names(
    login, author, member, member_client, public_project, opened
):
    login(author).post(
        edit_url(public_project),
        project_edit_data(public_project, contacts=[str(member.pk)], tags="gender, night"),
    )

    response = post_as_member(member_client, public_project, opened, title="Renamed")

    assert changed_rows(response) == [
        ("Tags", ["gender", "night"]),
        ("Contacts", ["Yann Member (yann.member@example.org)"]),
    ]


# --- Saved as before -------------------------------------------------------------------------


def test_project_edit_with_the_version_of_the_page_saves(member_client, public_project, opened):
    response = post_as_member(member_client, public_project, opened, title="Renamed square")

    assert response.status_code == 302
    assert Project.objects.get(pk=public_project.pk).title == "Renamed square"


def test_project_create_has_no_version_and_saves(member_client):
    page = member_client.get("/en/projects/new/")

    response = member_client.post("/en/projects/new/", project_form_data())

    assert f'name="{VERSION_FIELD}"' not in page.content.decode()
    assert response.status_code == 302
    assert Project.objects.get().title == "Place de la Grille experiment"


# --- Missing or damaged version ----------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "", "not-a-token", "other-project"])
def test_project_edit_without_a_valid_version_gets_a_form_error(
    member_client, public_project, token
):
    if token == "other-project":
        other = make_project(title="Another square")
        token = version_in(member_client.get(edit_url(other)))
    data = project_edit_data(public_project, title="Renamed") | {VERSION_FIELD: token}
    if token is None:
        del data[VERSION_FIELD]

    response = member_client.post(edit_url(public_project), data)

    assert response.status_code == 200
    assert (
        "The portal cannot tell which version you started from: the page was incomplete or too "
        "old. Someone else may have changed it since. Check your changes below, then save again."
    ) in response.content.decode().replace("\n", " ")
    assert Project.objects.get(pk=public_project.pk).title == "Place de la Grille experiment"


def test_project_edit_after_a_damaged_version_saves_with_the_version_given_back(
    member_client, public_project
):
    data = project_edit_data(public_project, title="Renamed") | {VERSION_FIELD: "damaged"}
    refused = member_client.post(edit_url(public_project), data)

    response = post_as_member(member_client, public_project, version_in(refused), title="Renamed")

    assert response.status_code == 302
    assert Project.objects.get(pk=public_project.pk).title == "Renamed"


# --- At the same moment ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_project_save_of_one_version_at_the_same_moment_passes_once(author):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks; CI runs this test on PostgreSQL")
    project = make_project(title="Shared square", author=author)
    people = 6
    saves = []
    for number in range(people):
        instance = Project.objects.get(pk=project.pk)
        data = project_edit_data(instance, title=f"Title {number}")
        cities = City.objects.filter(pk=instance.city_id)
        form = ProjectForm(data, instance=instance, user=author, cities=cities)
        formsets = [
            formset(data, instance=instance, prefix=prefix)
            for formset, prefix in (
                (ImageFormSet, "images"),
                (DocumentFormSet, "documents"),
                (LinkFormSet, "links"),
            )
        ]
        assert form.is_valid() and all(f.is_valid() for f in formsets), form.errors
        saves.append((form, formsets))
    barrier = threading.Barrier(people)
    outcomes: list[str] = []

    def save(form, formsets):
        try:
            barrier.wait(timeout=30)
            data = form.cleaned_data
            services.project_save(
                project=form.instance,
                user=author,
                themes=data["themes"],
                sdgs=data["sdgs"],
                tags=data["tags"],
                contacts=data["contacts"],
                pictures=picture_changes(formsets[0]),
                documents=document_changes(formsets[1]),
                links=link_changes(formsets[2]),
                version=form.opened_version,
            )
            outcomes.append("saved")
        except EditConflict:
            outcomes.append("refused")
        except BaseException as error:  # reported by the assertion below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=pair) for pair in saves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["refused"] * (people - 1) + ["saved"]
