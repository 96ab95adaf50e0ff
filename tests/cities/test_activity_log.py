"""The activity log: what the services and the admin record, who reads it in the portal (the
list and its CSV), its filters and costs, and that nobody changes it, in the admin or anywhere."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django.utils.text import capfirst

from cities.enums import ActivityKind, MembershipRole, MembershipStatus
from cities.models import ActivityEntry
from cities.rules import COORDINATORS_GROUP
from cities.services import activity_record, membership_end
from events.enums import EventState
from projects.services import project_delete, project_undelete
from tests.admin_forms import admin_form_data
from tests.budgets import warm_content_types
from tests.factories import get_city, make_event, make_membership, make_project, make_user

pytestmark = pytest.mark.django_db

LIST = "/en/activity/"
EXPORT = "/en/activity/export.csv"


def entries() -> list[ActivityEntry]:
    return list(ActivityEntry.objects.order_by("pk"))


def only_entry(kind: str) -> ActivityEntry:
    """The one entry of ``kind``: a hook writes exactly one."""
    found = [entry for entry in entries() if entry.kind == kind]
    assert len(found) == 1, [entry.kind for entry in entries()]
    return found[0]


def make_entries(
    count: int, *, city="saint-brieuc", kind=ActivityKind.MEMBERSHIP_APPROVED, at=None
):
    """``count`` entries written at once (``at``: when, else now), as a bulk load would."""
    city = get_city(city) if isinstance(city, str) else city
    actor = make_user(full_name="Bulk Actor")
    created = ActivityEntry.objects.bulk_create(
        ActivityEntry(
            kind=kind,
            actor=actor,
            actor_name=actor.full_name,
            city=city,
            target_type="cities.membership",
            target_id=str(number),
            target_label=f"Person {number:03d}",
            reason="",
        )
        for number in range(count)
    )
    if at is not None:
        ActivityEntry.objects.filter(pk__in=[entry.pk for entry in created]).update(created_at=at)
    return created


def paris(day: str, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour))
    )


def rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:])))


def shown_labels(response) -> list[str]:
    html = response.content.decode()
    return [label for label in (f"Person {n:03d}" for n in range(600)) if label in html]


@pytest.fixture
def pending(db):
    person = make_user(email="nora@example.org", full_name="Nora Benali")
    return make_membership(user=person, city="saint-brieuc", status=MembershipStatus.PENDING)


# --- Recording ------------------------------------------------------------------------------


def test_membership_approval_on_the_portal_is_recorded(login, city_coordinator, pending):
    response = login(city_coordinator).post(
        f"/en/cities/saint-brieuc/memberships/{pending.pk}/decision/", {"decision": "approve"}
    )

    assert response.status_code == 302
    entry = only_entry(ActivityKind.MEMBERSHIP_APPROVED)
    assert len(entries()) == 1
    assert (entry.actor, entry.actor_name, entry.city) == (
        city_coordinator,
        "Anne Coordinator",
        get_city("saint-brieuc"),
    )
    assert (entry.target_type, entry.target_id, entry.target_label) == (
        "cities.membership",
        str(pending.pk),
        "Nora Benali",
    )


def test_membership_rejection_in_the_admin_is_recorded(admin_client, superuser, pending):
    admin_client.post(
        "/admin/cities/membership/",
        {"action": "reject_memberships", "_selected_action": [pending.pk]},
    )

    entry = only_entry(ActivityKind.MEMBERSHIP_REJECTED)
    assert (entry.actor, entry.city, entry.target_label) == (
        superuser,
        get_city("saint-brieuc"),
        "Nora Benali",
    )


def test_membership_end_is_recorded_with_its_actor(staff, member):
    membership = member.memberships.get()
    pk = membership.pk

    membership_end(membership=membership, actor=staff)

    [entry] = entries()
    assert (entry.kind, entry.actor, entry.city, entry.target_id, entry.target_label) == (
        ActivityKind.MEMBERSHIP_ENDED,
        staff,
        get_city("saint-brieuc"),
        str(pk),
        "Yann Member",
    )


def test_membership_ended_in_the_admin_is_recorded_and_so_is_the_admin_deletion(
    admin_client, superuser, member
):
    membership = member.memberships.get()

    admin_client.post(f"/admin/cities/membership/{membership.pk}/delete/", {"post": "yes"})

    assert sorted(entry.kind for entry in entries()) == [
        ActivityKind.ADMIN_EDIT,
        ActivityKind.MEMBERSHIP_ENDED,
    ]
    assert only_entry(ActivityKind.MEMBERSHIP_ENDED).actor == superuser
    edit = only_entry(ActivityKind.ADMIN_EDIT)
    assert (edit.actor, edit.target_type, edit.target_id, edit.reason) == (
        superuser,
        "cities.membership",
        str(membership.pk),
        "Deletion",
    )


def test_role_change_in_the_admin_is_recorded_old_to_new(admin_client, superuser, member):
    membership = member.memberships.get()
    url = f"/admin/cities/membership/{membership.pk}/change/"
    data = admin_form_data(admin_client, url)
    data["role"] = [MembershipRole.COORDINATOR]

    admin_client.post(url, data)

    entry = only_entry(ActivityKind.ROLE_CHANGED)
    assert (entry.actor, entry.city, entry.target_label, entry.reason) == (
        superuser,
        get_city("saint-brieuc"),
        "Yann Member",
        "Urban planner / project officer → City coordinator",
    )
    assert only_entry(ActivityKind.ADMIN_EDIT).reason == "Changed Role."


def test_saving_a_membership_unchanged_records_no_role_change(admin_client, member):
    url = f"/admin/cities/membership/{member.memberships.get().pk}/change/"

    admin_client.post(url, admin_form_data(admin_client, url))

    assert [entry.kind for entry in entries()] == [ActivityKind.ADMIN_EDIT]


def test_group_and_staff_change_in_the_admin_is_one_entry_with_its_actor(
    admin_client, superuser, member
):
    url = f"/admin/accounts/user/{member.pk}/change/"
    data = admin_form_data(admin_client, url)
    data["groups"] = [str(Group.objects.get(name=COORDINATORS_GROUP).pk)]
    data["is_staff"] = "on"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    entry = only_entry(ActivityKind.GROUP_CHANGED)
    assert (entry.actor, entry.city, entry.target_type, entry.target_id) == (
        superuser,
        None,
        "accounts.user",
        str(member.pk),
    )
    assert (entry.target_label, entry.reason) == (
        "Yann Member",
        "added to Coordinators; staff status on",
    )
    assert only_entry(ActivityKind.ADMIN_EDIT).target_label == "Yann Member"


def test_group_removal_in_the_admin_is_recorded(admin_client, network_coordinator):
    url = f"/admin/accounts/user/{network_coordinator.pk}/change/"
    data = admin_form_data(admin_client, url)
    data["groups"] = []

    admin_client.post(url, data)

    assert only_entry(ActivityKind.GROUP_CHANGED).reason == "removed from Coordinators"


def test_admin_edit_of_a_city_is_recorded(admin_client, superuser):
    city = get_city("umea")
    url = f"/admin/cities/city/{city.pk}/change/"
    data = admin_form_data(admin_client, url)
    data["region"] = ["Västerbotten county"]

    response = admin_client.post(url, data)

    assert response.status_code == 302
    [entry] = entries()
    assert (entry.kind, entry.actor, entry.actor_name) == (
        ActivityKind.ADMIN_EDIT,
        superuser,
        "Portal Superuser",
    )
    assert (entry.target_type, entry.target_id, entry.target_label, entry.reason) == (
        "cities.city",
        str(city.pk),
        "Umeå",
        "Changed Region.",
    )


def test_admin_bulk_deletion_records_each_object_once(admin_client, superuser):
    groups = [Group.objects.create(name=f"Reviewers {n}") for n in range(3)]
    lone = Group.objects.create(name="Lone group")

    admin_client.post(
        "/admin/auth/group/",
        {"action": "delete_selected", "_selected_action": [g.pk for g in groups], "post": "yes"},
    )
    admin_client.post(
        "/admin/auth/group/",
        {"action": "delete_selected", "_selected_action": [lone.pk], "post": "yes"},
    )

    assert not Group.objects.filter(name__in=["Lone group", "Reviewers 0"]).exists()
    recorded = sorted((e.kind, e.actor, e.target_type, e.target_label) for e in entries())
    assert recorded == [
        (ActivityKind.ADMIN_EDIT, superuser, "auth.group", name)
        for name in ["Lone group", "Reviewers 0", "Reviewers 1", "Reviewers 2"]
    ]


def test_event_publish_is_recorded_with_the_host_city(login, network_coordinator):
    event = make_event(state=EventState.DRAFT, host_city="umea", title="Winter cities")

    login(network_coordinator).post(f"/en/events/{event.slug}/publish/")

    [entry] = entries()
    assert (entry.kind, entry.actor, entry.city) == (
        ActivityKind.EVENT_PUBLISHED,
        network_coordinator,
        get_city("umea"),
    )
    assert (entry.target_type, entry.target_id, entry.target_label) == (
        "events.event",
        str(event.pk),
        "Winter cities",
    )


def test_event_cancel_is_recorded(login, network_coordinator):
    event = make_event(host_city=None, title="Online webinar")

    login(network_coordinator).post(f"/en/events/{event.slug}/cancel/")

    [entry] = entries()
    assert (entry.kind, entry.actor, entry.city, entry.target_label) == (
        ActivityKind.EVENT_CANCELLED,
        network_coordinator,
        None,
        "Online webinar",
    )


def test_project_delete_on_the_portal_is_recorded(login, member):
    project = make_project(author=member, title="Place de la Grille")

    login(member).post(f"/en/projects/{project.slug}/delete/")

    [entry] = entries()
    assert (entry.kind, entry.actor, entry.city) == (
        ActivityKind.PROJECT_DELETED,
        member,
        get_city("saint-brieuc"),
    )
    assert (entry.target_type, entry.target_id, entry.target_label) == (
        "projects.project",
        str(project.pk),
        "Place de la Grille",
    )


def test_project_undelete_on_the_portal_is_recorded(login, staff, member):
    project = make_project(author=member, title="Place de la Grille")
    project_delete(project=project, user=member)

    login(staff).post(f"/en/projects/{project.slug}/undelete/")

    entry = only_entry(ActivityKind.PROJECT_RESTORED)
    assert len(entries()) == 2
    assert (entry.actor, entry.city, entry.target_label) == (
        staff,
        get_city("saint-brieuc"),
        "Place de la Grille",
    )


def test_project_undelete_without_an_actor_records_none(member):
    project = make_project(author=member)
    project_delete(project=project, user=member)

    project_undelete(project=project)

    entry = only_entry(ActivityKind.PROJECT_RESTORED)
    assert (entry.actor, entry.actor_name) == (None, "")


# --- Who reads the log ----------------------------------------------------------------------


@pytest.fixture
def logged(db):
    """One entry in Saint-Brieuc, one in Umeå, one of no city."""
    make_entries(1, city="saint-brieuc", kind=ActivityKind.MEMBERSHIP_APPROVED)
    ActivityEntry.objects.filter(target_label="Person 000").update(target_label="Saint-Brieuc one")
    make_entries(1, city="umea", kind=ActivityKind.ROLE_CHANGED)
    ActivityEntry.objects.filter(target_label="Person 000").update(target_label="Umeå one")
    make_entries(1, city=None, kind=ActivityKind.ADMIN_EDIT)
    ActivityEntry.objects.filter(target_label="Person 000").update(target_label="Network one")


LABELS = ["Saint-Brieuc one", "Umeå one", "Network one"]


@pytest.mark.parametrize("path", [LIST, EXPORT])
def test_a_visitor_is_sent_to_sign_in(anonymous_client, logged, path):
    response = anonymous_client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={path}"


@pytest.mark.parametrize("path", [LIST, EXPORT])
@pytest.mark.parametrize("role", ["outsider", "member", "other_city_member"])
def test_people_without_a_coordinating_role_are_refused(login, user_for_role, logged, path, role):
    user = make_user() if role == "outsider" else user_for_role(role)

    response = login(user).get(path)

    assert response.status_code == 403


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("city_coordinator", ["Saint-Brieuc one"]),
        ("other_city_coordinator", ["Umeå one"]),
        ("network_coordinator", LABELS),
        ("staff", LABELS),
        ("superuser", LABELS),
    ],
)
def test_coordinators_read_their_part_of_the_log(login, user_for_role, logged, role, shown):
    client = login(user_for_role(role))

    page = client.get(LIST)
    export = client.get(EXPORT)

    assert page.status_code == 200
    html = page.content.decode()
    assert [label for label in LABELS if label in html] == shown
    assert export.status_code == 200
    assert [row[6] for row in rows(export)[1:]] == shown[::-1]  # newest first


def test_a_city_coordinator_chooses_only_among_their_cities(login, city_coordinator, logged):
    make_membership(user=city_coordinator, city="umea", role=MembershipRole.COORDINATOR)
    make_membership(user=city_coordinator, city="gothenburg", role=MembershipRole.PLANNER)

    html = login(city_coordinator).get(LIST).content.decode()

    select = html[html.index('<select name="city"') : html.index("</select>")]
    assert ">Saint-Brieuc</option>" in select
    assert ">Umeå</option>" in select
    assert "Gothenburg" not in select
    assert [label for label in LABELS if label in html] == ["Saint-Brieuc one", "Umeå one"]


def test_a_city_coordinator_asking_for_another_city_is_told_and_sees_only_theirs(
    login, city_coordinator, logged
):
    response = login(city_coordinator).get(LIST, {"city": "umea"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose one of the cities listed." in html
    assert [label for label in LABELS if label in html] == ["Saint-Brieuc one"]


def test_the_list_shows_the_columns_in_the_readers_language(login, network_coordinator):
    actor = make_user(full_name="Léa Morel")
    entry = activity_record(
        kind=ActivityKind.ROLE_CHANGED,
        actor=actor,
        city=get_city("gothenburg"),
        target=actor,
        target_label="Sofia Gothenburg",
        reason="Researcher → City coordinator",
    )
    ActivityEntry.objects.filter(pk=entry.pk).update(created_at=paris("2026-12-01", 15))

    html = login(network_coordinator).get("/fr/activity/").content.decode()

    assert '<time datetime="2026-12-01T15:00:00+0100">1er décembre 2026 15:00</time>' in html
    assert "Léa Morel" in html
    assert "Göteborg" in html
    assert "Sofia Gothenburg" in html
    assert "Researcher → City coordinator" in html
    assert (
        'class="table-wrap" role="region" aria-labelledby="activity-caption" tabindex="0"' in html
    )


def test_an_entry_without_an_actor_says_so(login, staff):
    activity_record(kind=ActivityKind.GROUP_CHANGED, actor=None, reason="added to Coordinators")

    html = login(staff).get(LIST).content.decode()

    assert "Not recorded" in html


def test_the_profile_links_coordinators_to_the_log(login, city_coordinator, member):
    assert (
        'href="/en/activity/"'
        in login(city_coordinator).get("/en/accounts/profile/").content.decode()
    )
    assert 'href="/en/activity/"' not in login(member).get("/en/accounts/profile/").content.decode()


# --- Filters ---------------------------------------------------------------------------------


def test_filters_by_city_kind_and_days(login, network_coordinator):
    make_entries(1, city="umea", kind=ActivityKind.ROLE_CHANGED, at=paris("2026-03-01"))
    ActivityEntry.objects.update(target_label="Umeå March")
    make_entries(1, city="umea", kind=ActivityKind.ROLE_CHANGED, at=paris("2026-03-10", 23))
    ActivityEntry.objects.filter(target_label="Person 000").update(target_label="Umeå late")
    make_entries(1, city="umea", kind=ActivityKind.MEMBERSHIP_ENDED, at=paris("2026-03-05"))
    ActivityEntry.objects.filter(target_label="Person 000").update(target_label="Umeå ended")
    make_entries(1, city="saint-brieuc", kind=ActivityKind.ROLE_CHANGED, at=paris("2026-03-05"))
    ActivityEntry.objects.filter(target_label="Person 000").update(target_label="Brieuc role")
    labels = ["Umeå March", "Umeå late", "Umeå ended", "Brieuc role"]
    client = login(network_coordinator)

    def shown(**query):
        html = client.get(LIST, query).content.decode()
        return sorted(label for label in labels if label in html)

    assert shown(city="umea") == ["Umeå March", "Umeå ended", "Umeå late"]
    assert shown(kind=ActivityKind.ROLE_CHANGED) == ["Brieuc role", "Umeå March", "Umeå late"]
    assert shown(since="2026-03-02") == ["Brieuc role", "Umeå ended", "Umeå late"]
    # The last day counts whole, until midnight Paris time.
    assert shown(until="2026-03-10", since="2026-03-06") == ["Umeå late"]
    assert shown(city="umea", kind=ActivityKind.ROLE_CHANGED, until="2026-03-09") == ["Umeå March"]
    rows_ = rows(client.get(EXPORT, {"city": "umea", "kind": ActivityKind.MEMBERSHIP_ENDED}))
    assert [row[6] for row in rows_[1:]] == ["Umeå ended"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"city": "atlantis"}, "city", "Choose one of the cities listed."),
        ({"kind": "coup"}, "kind", "Choose one of the kinds of action listed."),
        ({"since": "2026-13-40"}, "since", "Enter a valid date."),
        ({"until": "yesterday"}, "until", "Enter a valid date."),
        ({"since": "0999-01-01"}, "since", "Enter a date between the years 1990 and 2100."),
        ({"until": "9999-12-31"}, "until", "Enter a date between the years 1990 and 2100."),
        (
            {"since": "2026-03-10", "until": "2026-03-01"},
            "until",
            "The end date must not be before the start date.",
        ),
    ],
)
def test_a_bad_filter_is_said_beside_its_field_and_ignored(
    login, network_coordinator, logged, query, field, message
):
    client = login(network_coordinator)

    response = client.get(LIST, {**query, "page": "last"})
    export = client.get(EXPORT, query)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{message}</li></ul>' in html
    assert [label for label in LABELS if label in html] == LABELS
    assert export.status_code == 200
    assert len(rows(export)) == 1 + len(LABELS)


def test_newest_first_fifty_a_page(login, network_coordinator):
    old = make_entries(30, at=paris("2026-01-01"))
    new = make_entries(30, at=paris("2026-02-01"))
    client = login(network_coordinator)

    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()

    assert "60 entries" in first
    assert first.count("<tr>") == 1 + 50
    assert second.count("<tr>") == 1 + 10
    assert first.index("Feb. 1, 2026") < first.index("Jan. 1, 2026")
    assert "Feb. 1, 2026" not in second
    assert len(old) == len(new) == 30


# --- The CSV ---------------------------------------------------------------------------------


def test_the_csv_has_a_header_a_byte_order_mark_and_a_dated_name(login, staff):
    actor = make_user(full_name="=Élodie Formula")
    entry = activity_record(
        kind=ActivityKind.PROJECT_DELETED,
        actor=actor,
        city=get_city("saint-brieuc"),
        target_type="projects.project",
        target_id="42",
        target_label="+Rénovation",
        reason="@doublon",
    )
    ActivityEntry.objects.filter(pk=entry.pk).update(created_at=paris("2026-12-01", 15))

    response = login(staff).get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="activity-log-{today}.csv"'
    assert rows(response) == [
        ["When", "Who", "What", "City", "Kind of object", "Object id", "Object", "Reason"],
        [
            "2026-12-01 15:00:00",
            "'=Élodie Formula",
            "Project deleted",
            "Saint-Brieuc",
            "projects.project",
            "42",
            "'+Rénovation",
            "'@doublon",
        ],
    ]


def test_the_csv_speaks_the_readers_language(login, staff):
    make_entries(1, city="gothenburg", kind=ActivityKind.MEMBERSHIP_ENDED)

    response = login(staff).get("/sv/activity/export.csv")

    header, row = rows(response)
    with translation.override("sv"):
        assert header[2] == capfirst(ActivityEntry._meta.get_field("kind").verbose_name)
        assert row[2] == ActivityKind.MEMBERSHIP_ENDED.label
    assert row[3] == "Göteborg"


# --- Costs -----------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 500])
def test_list_queries_do_not_grow_with_the_log(
    login, network_coordinator, count, django_assert_num_queries
):
    make_entries(count)
    client = login(network_coordinator)
    warm_content_types()

    with django_assert_num_queries(6):
        response = client.get(LIST)

    assert response.status_code == 200
    assert f"{count} entr" in response.content.decode()


@pytest.mark.parametrize("count", [1, 500])
def test_city_coordinator_list_queries_do_not_grow_with_the_log(
    login, city_coordinator, count, django_assert_num_queries
):
    make_entries(count)
    client = login(city_coordinator)
    warm_content_types()

    with django_assert_num_queries(7):
        response = client.get(LIST, {"kind": ActivityKind.MEMBERSHIP_APPROVED})

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 500])
def test_csv_queries_do_not_grow_with_the_log(
    login, network_coordinator, count, django_assert_num_queries
):
    make_entries(count)
    client = login(network_coordinator)
    warm_content_types()

    with django_assert_num_queries(4):
        response = client.get(EXPORT)
        lines = rows(response)

    assert len(lines) == 1 + count


# --- Nobody changes the log ------------------------------------------------------------------


@pytest.fixture
def entry(db):
    return activity_record(kind=ActivityKind.ADMIN_EDIT, actor=None, reason="Changed Region.")


def test_an_entry_is_never_saved_again(entry):
    entry.reason = "Nothing happened."

    with pytest.raises(ValueError, match="never changed"):
        entry.save()

    assert ActivityEntry.objects.get().reason == "Changed Region."


def test_an_entry_is_never_deleted(entry):
    with pytest.raises(ValueError, match="never deleted"):
        entry.delete()

    assert ActivityEntry.objects.count() == 1


def test_admin_shows_the_log_read_only(admin_client, entry):
    changelist = admin_client.get("/admin/cities/activityentry/?kind=admin_edit")
    page = admin_client.get(f"/admin/cities/activityentry/{entry.pk}/change/")

    assert changelist.status_code == 200
    assert "Changed Region." in changelist.content.decode()
    assert 'name="action"' not in changelist.content.decode()  # no delete_selected
    assert page.status_code == 200
    html = page.content.decode()
    assert "Changed Region." in html
    assert 'name="_save"' not in html
    assert f"/admin/cities/activityentry/{entry.pk}/delete/" not in html


def test_any_staff_member_reads_the_log_in_the_admin(login, staff, entry):
    client = login(staff)

    index = client.get("/admin/")
    page = client.get(f"/admin/cities/activityentry/{entry.pk}/change/")

    assert 'href="/admin/cities/activityentry/"' in index.content.decode()
    assert page.status_code == 200
    assert client.post(f"/admin/cities/activityentry/{entry.pk}/delete/").status_code == 403


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/admin/cities/activityentry/{pk}/delete/"),
        ("get", "/admin/cities/activityentry/{pk}/delete/"),
        ("post", "/admin/cities/activityentry/{pk}/change/"),
        ("get", "/admin/cities/activityentry/add/"),
    ],
)
def test_admin_refuses_to_add_change_or_delete_an_entry(admin_client, entry, method, path):
    response = getattr(admin_client, method)(
        path.format(pk=entry.pk), {"post": "yes", "reason": "Nothing happened."}
    )

    assert response.status_code == 403
    assert list(ActivityEntry.objects.values_list("reason", flat=True)) == ["Changed Region."]


def test_admin_bulk_action_cannot_delete_entries(admin_client, entry):
    admin_client.post(
        "/admin/cities/activityentry/",
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )

    assert ActivityEntry.objects.count() == 1
