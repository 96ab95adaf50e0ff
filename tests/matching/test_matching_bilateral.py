"""Proposing a bilateral meeting from a suggestion: a draft bilateral event with both cities,
organised by the proposer and the peer project's contacts, who are e-mailed in their language."""

import pytest
from django.contrib.messages import get_messages

from core.enums import Visibility
from events.enums import EventKind, EventState
from events.models import Event
from tests.factories import get_city, make_member, make_project, make_user

pytestmark = pytest.mark.django_db

OWN_CITY = {
    "member": "saint-brieuc",
    "city_coordinator": "saint-brieuc",
    "other_city_member": "gothenburg",
    "other_city_coordinator": "umea",
}


@pytest.fixture
def contacts(db):
    sofia = make_member(city="gothenburg", full_name="Sofia Contact", email="sofia@example.org")
    lars = make_member(
        city="gothenburg",
        full_name="Lars Contact",
        email="lars@example.org",
        preferred_language="sv",
    )
    return [sofia, lars]


@pytest.fixture
def installation(contacts):
    return make_project(
        city="gothenburg",
        title="Temporary installation",
        themes=("public-spaces",),
        contacts=tuple(contacts),
    )


def propose(client, project, city: str = "saint-brieuc"):
    return client.post(
        "/en/events/propose/", {"project": str(project.pk), "city": str(get_city(city).pk)}
    )


def messages_of(response) -> list[str]:
    return [message.message for message in get_messages(response.wsgi_request)]


def test_propose_bilateral_creates_a_draft_meeting_of_both_cities(
    member_client, member, installation, contacts, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(member_client, installation)

    event = Event.objects.get()
    assert response["Location"] == f"/en/events/{event.slug}/edit/"
    assert (event.kind, event.state, event.visibility, event.created_by) == (
        EventKind.BILATERAL,
        EventState.DRAFT,
        Visibility.MEMBERS,
        member,
    )
    assert event.title == "Bilateral meeting Saint-Brieuc – Gothenburg: Temporary installation"
    assert sorted(event.cities.values_list("slug", flat=True)) == ["gothenburg", "saint-brieuc"]
    assert set(event.organisers.all()) == {member, *contacts}
    assert messages_of(response) == [
        "A draft meeting was created and its contacts were told. Set the date and publish it."
    ]


def test_propose_bilateral_emails_the_contacts_in_their_language(
    member_client, installation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        propose(member_client, installation)

    event = Event.objects.get()
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_recipient) == ["lars@example.org", "sofia@example.org"]
    english, swedish = by_recipient["sofia@example.org"], by_recipient["lars@example.org"]
    assert english.subject == "[Alliance] Yann Member proposes a bilateral meeting"
    assert english.body.startswith("Hello Sofia Contact,")
    assert f"http://testserver/en/events/{event.slug}/" in english.body
    assert swedish.body.startswith("Hej Lars Contact!")
    assert f"http://testserver/sv/events/{event.slug}/" in swedish.body
    assert "Alliansportalen" in swedish.body


def test_propose_bilateral_without_contacts_asks_the_projects_author(
    member_client, member, mailoutbox, django_capture_on_commit_callbacks
):
    author = make_member(city="umea", email="author@example.org")
    project = make_project(city="umea", title="Umeå square", author=author)

    with django_capture_on_commit_callbacks(execute=True):
        propose(member_client, project)

    assert set(Event.objects.get().organisers.all()) == {member, author}
    assert [message.to for message in mailoutbox] == [["author@example.org"]]


def test_propose_bilateral_draft_is_seen_by_its_organisers_only(
    login, member, installation, contacts, other_city_coordinator
):
    propose(login(member), installation)
    event = Event.objects.get()

    contact_view = login(contacts[0]).get(event.get_absolute_url())
    other_view = login(other_city_coordinator).get(event.get_absolute_url())

    assert contact_view.status_code == 200
    assert other_view.status_code == 404


# --- Bad input ---------------------------------------------------------------------------------


def test_propose_bilateral_refuses_a_project_of_the_same_country(
    member_client, mailoutbox, django_capture_on_commit_callbacks
):
    paris = make_project(city="paris", title="Paris square", contacts=(make_user(),))

    with django_capture_on_commit_callbacks(execute=True):
        response = propose(member_client, paris)

    assert response["Location"] == "/en/suggestions/"
    assert messages_of(response) == [
        "Bilateral meetings bring together a French and a Swedish city."
    ]
    assert (Event.objects.count(), len(mailoutbox)) == (0, 0)


def test_propose_bilateral_refuses_a_city_the_proposer_does_not_belong_to(
    member_client, installation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(member_client, installation, city="paris")

    assert messages_of(response) == ["You can only propose a meeting for your own city."]
    assert (Event.objects.count(), len(mailoutbox)) == (0, 0)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"project": "999999", "city": "9"},
        {"project": "abc", "city": "x"},
        {"project": "99999999999999999999", "city": "99999999999999999999"},
    ],
    ids=["nothing", "unknown", "not-numbers", "too-large"],
)
def test_propose_bilateral_with_bad_ids_is_a_bad_request(member_client, data):
    response = member_client.post("/en/events/propose/", data)

    assert response.status_code == 400
    assert response.content.decode() == "Choose a project and one of your cities."
    assert Event.objects.count() == 0


def test_propose_bilateral_refuses_a_deleted_project(member_client):
    from django.utils import timezone

    gone = make_project(city="umea", title="Deleted", deleted_at=timezone.now())

    response = propose(member_client, gone)

    assert response.status_code == 400
    assert Event.objects.count() == 0


def test_propose_bilateral_answers_get_with_405(member_client):
    assert member_client.get("/en/events/propose/").status_code == 405


# --- Who may propose ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 403),
        ("member", 302),
        ("other_city_member", 302),
        ("other_city_coordinator", 302),
        ("city_coordinator", 302),
        ("network_coordinator", 403),
        ("staff", 403),
    ],
)
def test_propose_bilateral_is_for_approved_members_for_their_city(
    client_for, role, status, mailoutbox, django_capture_on_commit_callbacks
):
    city = OWN_CITY.get(role, "saint-brieuc")
    other = "paris" if city in {"gothenburg", "umea"} else "umea"
    project = make_project(city=other, title="Peer project", contacts=(make_user(),))

    with django_capture_on_commit_callbacks(execute=True):
        response = propose(client_for(role), project, city=city)

    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"] == "/en/accounts/login/?next=/en/events/propose/"
    allowed = role in OWN_CITY
    assert Event.objects.count() == (1 if allowed else 0)
    assert len(mailoutbox) == (1 if allowed else 0)
