"""Only coordinators (network coordinators, staff, superusers) create events, choose their kind and
visibility, and publish them; a member who proposed a bilateral meeting from the suggestions edits
and publishes it, but only as a members-only bilateral meeting — a crafted POST included."""

import re

import pytest

from core.enums import Visibility
from events.enums import EventKind, EventState
from events.models import Event
from events.services import bilateral_propose
from tests.factories import (
    agenda_form_data,
    edit_form_data,
    event_form_data,
    make_event,
    make_member,
    make_project,
)

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "other_city_member",
    "member",
    "city_coordinator",
    "network_coordinator",
    "staff",
    "superuser",
]
COORDINATORS = {"network_coordinator", "staff", "superuser"}


@pytest.fixture
def bilateral(member):
    """Proposed from the suggestions by ``member`` (Saint-Brieuc) to Umeå's project author."""
    host = make_member(city="umea", email="ulla.host@example.org", full_name="Ulla Host")
    project = make_project(city="umea", author=host, title="Umeå gender-equal streets")
    return bilateral_propose(proposer=member, city=member.memberships.get().city, project=project)


def status_of(role: str, organiser: bool) -> int:
    """What an action on a draft answers: sign in, hidden (404) unless organiser or coordinator."""
    if role == "anonymous":
        return 302
    return 302 if organiser or role in COORDINATORS else 404


# --- Creating ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_event_create_is_for_coordinators_only(login, user_for_role, role):
    client = login(user_for_role(role))

    page = client.get("/en/events/new/")
    post = client.post("/en/events/new/", event_form_data() | agenda_form_data([]))

    if role == "anonymous":
        assert (page.status_code, post.status_code) == (302, 302)
        assert post["Location"] == "/en/accounts/login/?next=/en/events/new/"
    elif role in COORDINATORS:
        assert (page.status_code, post.status_code) == (200, 302)
    else:
        assert (page.status_code, post.status_code) == (403, 403)
    assert Event.objects.count() == (1 if role in COORDINATORS else 0)


# --- Editing the kind and the visibility ---------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_event_edit_kind_and_visibility_of_a_proposed_bilateral_is_for_coordinators_only(
    login, user_for_role, bilateral, role
):
    path = f"/en/events/{bilateral.slug}/edit/"
    title = bilateral.title
    crafted = edit_form_data(
        bilateral, title="Renamed", kind=EventKind.WEBINAR, visibility=Visibility.PUBLIC
    )

    response = login(user_for_role(role)).post(path, crafted | agenda_form_data([]))

    organiser = role == "member"
    assert response.status_code == status_of(role, organiser)
    bilateral.refresh_from_db()
    saved = organiser or role in COORDINATORS
    assert bilateral.title == ("Renamed" if saved else title)
    if role in COORDINATORS:
        assert (bilateral.kind, bilateral.visibility) == (EventKind.WEBINAR, Visibility.PUBLIC)
    else:
        assert (bilateral.kind, bilateral.visibility) == (EventKind.BILATERAL, Visibility.MEMBERS)
    assert bilateral.state == EventState.DRAFT


def test_event_edit_renamed_by_its_organiser_keeps_kind_and_visibility(login, member, bilateral):
    data = edit_form_data(bilateral, title="Our meeting", kind=EventKind.SEMINAR)

    login(member).post(f"/en/events/{bilateral.slug}/edit/", data | agenda_form_data([]))

    bilateral.refresh_from_db()
    assert (bilateral.title, bilateral.kind, bilateral.visibility) == (
        "Our meeting",
        EventKind.BILATERAL,
        Visibility.MEMBERS,
    )


@pytest.mark.parametrize(("role", "disabled"), [("member", True), ("network_coordinator", False)])
def test_event_edit_page_offers_kind_and_visibility_to_coordinators_only(
    login, user_for_role, bilateral, role, disabled
):
    response = login(user_for_role(role)).get(f"/en/events/{bilateral.slug}/edit/")

    page = response.content.decode()
    for name in ("kind", "visibility"):
        tag = re.search(rf'<select name="{name}"[^>]*>', page).group(0)
        assert (" disabled" in tag) is disabled
    assert ("Only the network's coordinators change this." in page) is disabled


def test_event_edit_of_a_coordinators_seminar_by_its_organiser_cannot_make_it_public(login, member):
    event = make_event(
        title="Members' seminar", visibility=Visibility.MEMBERS, organisers=(member,)
    )
    data = edit_form_data(event, visibility=Visibility.PUBLIC, kind=EventKind.BILATERAL)

    response = login(member).post(f"/en/events/{event.slug}/edit/", data | agenda_form_data([]))

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.kind, event.visibility) == (EventKind.SEMINAR, Visibility.MEMBERS)


# --- Publishing ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_event_publish_of_a_proposed_bilateral_by_role(login, user_for_role, bilateral, role):
    response = login(user_for_role(role)).post(f"/en/events/{bilateral.slug}/publish/")

    allowed = role == "member" or role in COORDINATORS
    assert response.status_code == status_of(role, role == "member")
    bilateral.refresh_from_db()
    assert bilateral.state == (EventState.PUBLISHED if allowed else EventState.DRAFT)
    assert (bilateral.kind, bilateral.visibility) == (EventKind.BILATERAL, Visibility.MEMBERS)


@pytest.mark.parametrize("role", ROLES)
def test_event_publish_of_a_seminar_naming_a_member_organiser_is_for_coordinators_only(
    login, user_for_role, member, role
):
    event = make_event(state=EventState.DRAFT, visibility=Visibility.MEMBERS, organisers=(member,))

    response = login(user_for_role(role)).post(f"/en/events/{event.slug}/publish/")

    if role == "member":
        assert response.status_code == 403
    else:
        assert response.status_code == status_of(role, organiser=False)
    event.refresh_from_db()
    assert event.state == (EventState.PUBLISHED if role in COORDINATORS else EventState.DRAFT)


def test_event_publish_of_a_public_bilateral_by_its_organiser_is_refused(login, member):
    event = make_event(
        kind=EventKind.BILATERAL,
        state=EventState.DRAFT,
        visibility=Visibility.PUBLIC,
        organisers=(member,),
    )

    response = login(member).post(f"/en/events/{event.slug}/publish/")

    assert response.status_code == 403
    event.refresh_from_db()
    assert event.state == EventState.DRAFT


@pytest.mark.parametrize(
    ("kind", "visibility", "offered"),
    [
        (EventKind.BILATERAL, Visibility.MEMBERS, True),
        (EventKind.BILATERAL, Visibility.PUBLIC, False),
        (EventKind.SEMINAR, Visibility.MEMBERS, False),
    ],
)
def test_event_detail_offers_publishing_to_an_organiser_only_for_a_members_bilateral(
    login, member, kind, visibility, offered
):
    event = make_event(
        slug="draft", kind=kind, visibility=visibility, state=EventState.DRAFT, organisers=(member,)
    )

    page = login(member).get(event.get_absolute_url()).content.decode()

    assert ('action="/en/events/draft/publish/"' in page) is offered
    assert ("The network's coordinators publish this event." in page) is not offered


def test_event_bilateral_proposed_edited_and_published_by_a_member_stays_members_only(
    login, member
):
    host = make_member(city="umea", full_name="Ulla Host")
    project = make_project(city="umea", author=host, title="Umeå gender-equal streets")
    client = login(member)

    proposed = client.post(
        "/en/events/propose/",
        {"project": str(project.pk), "city": str(member.memberships.get().city_id)},
    )
    event = Event.objects.get()
    client.post(
        proposed["Location"],
        edit_form_data(event, visibility=Visibility.PUBLIC, kind=EventKind.WEBINAR)
        | agenda_form_data([]),
    )
    client.post(f"/en/events/{event.slug}/publish/")

    event.refresh_from_db()
    assert proposed["Location"] == f"/en/events/{event.slug}/edit/"
    assert (event.kind, event.visibility, event.state) == (
        EventKind.BILATERAL,
        Visibility.MEMBERS,
        EventState.PUBLISHED,
    )
