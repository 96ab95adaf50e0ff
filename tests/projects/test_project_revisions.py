"""Every save keeps a revision; the history shows who changed what; an editor restores one."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from projects.models import Project, ProjectRevision
from projects.services import project_restore
from tests.factories import (
    PDF_BYTES,
    make_membership,
    make_project,
    make_user,
    picture_upload,
    project_edit_data,
    upload,
)
from tests.markup import foreign_scripts
from themes.models import Theme

pytestmark = pytest.mark.django_db


def edit(client, project: Project, **fields):
    return client.post(f"/en/projects/{project.slug}/edit/", project_edit_data(project, **fields))


def revision_item(html: str, number: int) -> str:
    match = re.search(rf'<li id="revision-{number}" class="card">(.*?)</li>', html, re.S)
    assert match, f"no revision {number}"
    return " ".join(match.group(1).split())


def test_project_edit_keeps_a_revision_per_save(member_client, member, author, public_project):
    edit(member_client, public_project, title="Place de la Grille, second summer")
    public_project.refresh_from_db()
    edit(member_client, public_project, summary="Now with night-time counts.")

    revisions = list(public_project.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    assert [r.author for r in revisions] == [author, member, member]
    assert [r.changed_fields for r in revisions] == [[], ["title"], ["summary"]]
    assert revisions[1].snapshot["title"] == "Place de la Grille, second summer"
    assert revisions[1].snapshot["summary"] == "A square redesigned with its users."
    assert revisions[2].snapshot["summary"] == "Now with night-time counts."


def test_project_edit_records_relation_changes(member_client, public_project):
    innovation = Theme.objects.get(slug="innovation")

    edit(
        member_client,
        public_project,
        themes=[str(innovation.pk)],
        tags="gender, night",
    )

    revision = public_project.revisions.get(number=2)
    assert revision.changed_fields == ["themes", "tags"]
    assert revision.snapshot["themes"] == [innovation.pk]
    assert revision.snapshot["tags"] == ["gender", "night"]


def test_project_edit_without_change_adds_no_revision(member_client, public_project):
    response = edit(member_client, public_project)

    assert response.status_code == 302
    assert public_project.revisions.count() == 1


def test_project_edit_adding_a_document_keeps_a_revision(member_client, public_project):
    # "Every edit is kept as a revision" — attachments are part of the project.
    data = project_edit_data(
        public_project, documents=[{"file": upload("plan.pdf", PDF_BYTES), "title": "Plan"}]
    )

    member_client.post(f"/en/projects/{public_project.slug}/edit/", data)

    assert public_project.documents.get().title == "Plan"
    assert public_project.revisions.count() == 2


def test_project_edit_adding_a_picture_keeps_a_revision(member_client, public_project):
    data = project_edit_data(
        public_project, images=[{"image": picture_upload(), "alt_text": "The square"}]
    )

    member_client.post(f"/en/projects/{public_project.slug}/edit/", data)

    assert public_project.images.get().alt_text == "The square"
    assert public_project.revisions.count() == 2


def test_project_edit_removes_a_gallery_picture_and_its_files(
    member_client, public_project, django_capture_on_commit_callbacks
):
    member_client.post(
        f"/en/projects/{public_project.slug}/edit/",
        project_edit_data(
            public_project, images=[{"image": picture_upload(), "alt_text": "First"}]
        ),
    )
    picture = public_project.images.get()
    old_path = picture.image.path

    data = project_edit_data(
        public_project,
        images=[{"id": str(picture.pk), "alt_text": "First", "DELETE": "on"}],
        initial={"images": 1},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(f"/en/projects/{public_project.slug}/edit/", data)

    assert response.status_code == 302
    assert public_project.images.count() == 0
    assert not Path(old_path).exists()


def test_project_edit_replacing_the_cover_removes_the_old_file(
    member_client, public_project, django_capture_on_commit_callbacks
):
    edit(member_client, public_project, cover_image=picture_upload(), cover_alt="Before")
    public_project.refresh_from_db()
    old_path = Path(public_project.cover_image.path)

    with django_capture_on_commit_callbacks(execute=True):
        edit(member_client, public_project, cover_image=picture_upload("b.png"), cover_alt="After")

    public_project.refresh_from_db()
    assert public_project.cover_alt == "After"
    assert Path(public_project.cover_image.path).exists()
    assert not old_path.exists()


def test_project_edit_clearing_the_cover_removes_its_file(
    member_client, public_project, django_capture_on_commit_callbacks
):
    # A members-only project's cover must not stay reachable at its URL once removed.
    edit(member_client, public_project, cover_image=picture_upload(), cover_alt="Before")
    public_project.refresh_from_db()
    old_path = Path(public_project.cover_image.path)

    with django_capture_on_commit_callbacks(execute=True):
        response = edit(member_client, public_project, **{"cover_image-clear": "on"})

    public_project.refresh_from_db()
    assert response.status_code == 302
    assert (public_project.cover_image.name, public_project.cover_alt) == ("", "")
    assert not old_path.exists()


def test_project_history_lists_revisions_with_author_time_and_changes(
    anonymous_client, member_client, author, public_project
):
    edit(
        member_client,
        public_project,
        title="Place de la Grille, second summer",
        themes=[str(Theme.objects.get(slug="innovation").pk)],
    )
    revision = public_project.revisions.get(number=2)

    response = anonymous_client.get(f"/en/projects/{public_project.slug}/history/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>History of “Place de la Grille, second summer”</h1>" in html
    assert html.index('id="revision-2"') < html.index('id="revision-1"')
    second, first = revision_item(html, 2), revision_item(html, 1)
    assert "Revision 2" in second
    assert "Yann Member ·" in second
    stamp = timezone.localtime(revision.created_at).strftime("%Y-%m-%dT%H:%M:%S")
    assert f'<time datetime="{stamp}' in second
    assert (
        '<dt>Title</dt> <dd> <span lang="en">Place de la '
        "<del>Grille experiment</del> <ins>Grille, second summer</ins></span> </dd>"
    ) in second
    assert (
        "<dt>Themes</dt> <dd> added: <ins>Innovation in all its forms</ins> removed: "
        "<del>Citizen participation for more sustainable lifestyles, "
        "Redesigning public spaces for every use and many uses</del> </dd>"
    ) in second
    assert "Léa Author ·" in first
    assert "The project was created." in first
    assert "Restore revision" not in html  # a visitor may not restore


def test_project_history_shows_the_restore_buttons_to_editors(member_client, public_project):
    edit(member_client, public_project, title="Renamed")

    response = member_client.get(f"/en/projects/{public_project.slug}/history/")

    html = response.content.decode()
    assert f'action="/en/projects/{public_project.slug}/history/1/restore/"' in html
    # The newest revision is the current state: nothing to restore there.
    assert f'action="/en/projects/{public_project.slug}/history/2/restore/"' not in html


def test_project_history_escapes_what_was_written(member_client, public_project):
    edit(member_client, public_project, summary="<b>bold</b> & <script>alert(1)</script>")

    response = member_client.get(f"/en/projects/{public_project.slug}/history/")

    html = response.content.decode()
    assert foreign_scripts(html) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_project_history_names_a_former_member_for_a_deleted_author(
    anonymous_client, author, public_project
):
    author.delete()

    response = anonymous_client.get(f"/en/projects/{public_project.slug}/history/")

    assert "A former member" in revision_item(response.content.decode(), 1)


def test_project_restore_brings_back_fields_and_relations(member_client, member, public_project):
    edit(
        member_client,
        public_project,
        title="Worse title",
        summary="Worse summary",
        themes=[str(Theme.objects.get(slug="innovation").pk)],
        tags="wrong",
        end_date="2030-01-01",
        start_date="2029-01-01",
    )

    response = member_client.post(f"/en/projects/{public_project.slug}/history/1/restore/")

    public_project.refresh_from_db()
    assert response.status_code == 302
    assert public_project.title == "Place de la Grille experiment"
    assert public_project.summary == "A square redesigned with its users."
    assert (public_project.start_date, public_project.end_date) == (None, None)
    assert sorted(public_project.themes.values_list("slug", flat=True)) == [
        "citizen-participation",
        "public-spaces",
    ]
    assert public_project.tags.names()[0] == "public space"
    assert "worse" not in public_project.search_text
    assert "place de la grille experiment" in public_project.search_text
    restored = public_project.revisions.get(number=3)
    assert (restored.author, restored.restored_from) == (member, 1)
    assert restored.snapshot == public_project.revisions.get(number=1).snapshot


def test_project_restore_shows_a_message_and_the_history_says_so(member_client, public_project):
    edit(member_client, public_project, title="Worse title")

    response = member_client.post(
        f"/en/projects/{public_project.slug}/history/1/restore/", follow=True
    )

    html = response.content.decode()
    assert "Revision 1 was restored." in html
    assert "restored from revision 1" in revision_item(html, 3)


def test_project_restore_unknown_revision_gives_404(member_client, public_project):
    response = member_client.post(f"/en/projects/{public_project.slug}/history/9/restore/")

    assert response.status_code == 404
    assert public_project.revisions.count() == 1


def test_project_restore_refuses_get(member_client, public_project):
    response = member_client.get(f"/en/projects/{public_project.slug}/history/1/restore/")

    assert response.status_code == 405


def test_project_restore_of_another_projects_revision_is_refused(author, public_project):
    other = make_project(author=author)

    with pytest.raises(ValidationError, match="This revision belongs to another project."):
        project_restore(project=public_project, revision=other.revisions.get(), user=author)

    assert public_project.revisions.count() == 1


def test_project_restore_drops_a_contact_who_left(member_client, member, public_project):
    colleague = make_user(full_name="Colleague")
    make_membership(user=colleague, city="saint-brieuc")
    edit(member_client, public_project, contacts=[str(colleague.pk)])
    edit(member_client, Project.objects.get(pk=public_project.pk), title="Third")
    colleague.is_active = False
    colleague.save()

    member_client.post(f"/en/projects/{public_project.slug}/history/2/restore/")

    public_project.refresh_from_db()
    assert public_project.title == "Place de la Grille experiment"
    assert list(public_project.contacts.all()) == []


def test_project_history_paginates_twenty_revisions_a_page(anonymous_client, author):
    project = make_project(author=author, title="Often edited")
    ProjectRevision.objects.bulk_create(
        ProjectRevision(
            project=project, number=n, author=author, snapshot={"title": f"T{n}"}, changed_fields=[]
        )
        for n in range(2, 26)
    )

    first = anonymous_client.get(f"/en/projects/{project.slug}/history/").content.decode()
    second = anonymous_client.get(f"/en/projects/{project.slug}/history/?page=2").content.decode()

    assert len(re.findall(r'<li id="revision-\d+"', first)) == 20
    assert 'id="revision-25"' in first
    assert len(re.findall(r'<li id="revision-\d+"', second)) == 5
    assert 'id="revision-1"' in second


def test_project_restore_of_a_revision_before_the_cover_keeps_the_cover(
    member_client, public_project
):
    edit(
        member_client,
        public_project,
        title="With a cover",
        cover_image=picture_upload(),
        cover_alt="The square from above",
    )

    response = member_client.post(
        f"/en/projects/{public_project.slug}/history/1/restore/", follow=True
    )

    public_project.refresh_from_db()
    assert "Revision 1 was restored." in response.content.decode()
    assert public_project.title == "Place de la Grille experiment"
    assert public_project.cover_image
    assert public_project.cover_alt == "The square from above"
    assert public_project.revisions.get(number=3).restored_from == 1
