"""One event's page: facts, agenda by day, seats, the reader's own registration, the online
link, the public list of participants, who may see a draft, and its query budget."""

import datetime
import re

import pytest

from events.enums import AgendaItemKind, EventState, RegistrationState
from tests.factories import (
    bulk_agenda,
    bulk_registrations,
    in_days,
    make_agenda_item,
    make_event,
    make_event_project,
    make_member,
    make_registration,
    make_user,
    paris_time,
)

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = (
    RegistrationState.CONFIRMED,
    RegistrationState.WAITING,
    RegistrationState.CANCELLED,
)
ONLINE_URL = "https://meet.example.org/secret-room"


def text(response) -> str:
    """The page's main text, tags removed and whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def registration_box(response) -> str:
    html = response.content.decode()
    box = re.search(r'<aside class="project-facts registration-box".*?</aside>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", box.group(0)).split())


@pytest.fixture
def seminar():
    """A two-day seminar, 14–15 January 2031 in Saint-Brieuc, with a morning visit each day."""
    first = datetime.date(2031, 1, 14)
    second = datetime.date(2031, 1, 15)
    event = make_event(
        title="Annual seminar 2031",
        slug="annual-seminar-2031",
        starts_at=paris_time(first, 9),
        ends_at=paris_time(second, 16),
        venue="Centre des congrès",
        capacity=3,
        online_url=ONLINE_URL,
        description="Two days of **site visits**.",
        themes=("public-spaces",),
        cities=("umea",),
    )
    square = make_event_project(title="Place de la Grille", slug="place-de-la-grille")
    hidden = make_event_project(
        title="Members-only farm", slug="members-only-farm", visibility="members"
    )
    make_agenda_item(
        event=event,
        title="Welcome",
        starts_at=paris_time(first, 9),
        ends_at=paris_time(first, 9, 30),
        place="Hall",
    )
    make_agenda_item(
        event=event,
        title="Visit of the square",
        kind=AgendaItemKind.SITE_VISIT,
        starts_at=paris_time(first, 10),
        ends_at=paris_time(first, 12),
        projects=(square,),
        speakers=(make_member(full_name="Anne Guide"),),
        speakers_text="the mayor",
    )
    make_agenda_item(
        event=event,
        title="Visit of the farm",
        kind=AgendaItemKind.SITE_VISIT,
        starts_at=paris_time(second, 9),
        ends_at=paris_time(second, 11),
        projects=(hidden,),
    )
    return event


def test_event_detail_shows_the_facts_in_paris_time(anonymous_client, seminar):
    response = anonymous_client.get("/en/events/annual-seminar-2031/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 lang="en">Annual seminar 2031</h1>' in html
    assert '<time datetime="2031-01-14T09:00:00+0100">Jan. 14, 2031, 9 a.m.</time>' in html
    assert '<time datetime="2031-01-15T16:00:00+0100">Jan. 15, 2031, 4 p.m.</time>' in html
    assert "Centre des congrès, Saint-Brieuc" in text(response)
    assert '<a href="/en/themes/public-spaces/">' in html
    assert '<a href="/en/cities/umea/">Umeå</a>' in html
    assert "<p>Two days of <strong>site visits</strong>.</p>" in html


def test_event_detail_sanitises_the_markdown_description(anonymous_client):
    event = make_event(
        description='Hello <script>alert("x")</script> [click](javascript:alert(1)) '
        "<img src=x onerror=alert(2)> **bold**"
    )

    response = anonymous_client.get(event.get_absolute_url())

    html = response.content.decode()
    prose = re.search(r'<div class="prose" lang="en">(.*?)</div>', html, re.S).group(1)
    assert "<script" not in prose
    assert "javascript:" not in prose
    assert "onerror" not in prose
    assert "<strong>bold</strong>" in prose


def test_event_detail_groups_the_agenda_by_day(anonymous_client, seminar):
    response = anonymous_client.get("/en/events/annual-seminar-2031/")

    agenda = text(response).split("Agenda ", 1)[1]
    assert agenda.startswith(
        "Tuesday 14 January 2031 9 a.m. – 9:30 a.m. Welcome · Talk · Hall "
        "10 a.m. – noon Visit of the square · Site visit With Anne Guide, the mayor "
        "Visit: Place de la Grille (Saint-Brieuc) "
        "Wednesday 15 January 2031 9 a.m. – 11 a.m. Visit of the farm · Site visit"
    )


def test_event_detail_links_site_visits_to_their_projects(anonymous_client, seminar):
    response = anonymous_client.get("/en/events/annual-seminar-2031/")

    html = response.content.decode()
    assert (
        '<a href="/en/projects/place-de-la-grille/" lang="en">Place de la Grille</a> (Saint-Brieuc)'
    ) in html
    # A members-only project is not named to a visitor.
    assert "Members-only farm" not in html


def test_event_detail_names_members_only_projects_to_members(member_client, seminar):
    response = member_client.get("/en/events/annual-seminar-2031/")

    assert '<a href="/en/projects/members-only-farm/" lang="en">Members-only farm</a>' in (
        response.content.decode()
    )


def test_event_detail_puts_an_item_after_midnight_in_paris_on_the_next_day(anonymous_client):
    # 00:30 on 15 January in Paris is still 14 January in UTC.
    day = datetime.date(2031, 1, 14)
    event = make_event(
        starts_at=paris_time(day, 20), ends_at=paris_time(day, 20) + datetime.timedelta(hours=6)
    )
    make_agenda_item(event=event, title="Dinner", starts_at=paris_time(day, 20))
    make_agenda_item(
        event=event,
        title="Night walk",
        starts_at=paris_time(day + datetime.timedelta(days=1), 0, 30),
    )

    response = anonymous_client.get(event.get_absolute_url())

    agenda = text(response).split("Agenda ", 1)[1]
    assert agenda.startswith(
        "Tuesday 14 January 2031 8 p.m. – 9 p.m. Dinner · Talk "
        "Wednesday 15 January 2031 12:30 a.m. – 1:30 a.m. Night walk · Talk"
    )


def test_event_detail_counts_seats_left_and_people_waiting(anonymous_client, seminar):
    make_registration(event=seminar)
    make_registration(event=seminar, state=CANCELLED)

    response = anonymous_client.get("/en/events/annual-seminar-2031/")

    assert registration_box(response).startswith("Registration 3 seats: 2 left ")


def test_event_detail_says_full_and_counts_the_waiting_list(anonymous_client, seminar):
    for _ in range(3):
        make_registration(event=seminar)
    for _ in range(2):
        make_registration(event=seminar, state=WAITING)

    response = anonymous_client.get("/en/events/annual-seminar-2031/")

    assert registration_box(response).startswith("Registration 3 seats: full · 2 people waiting")


def test_event_detail_without_capacity_counts_people_registered(anonymous_client):
    event = make_event(capacity=None)
    make_registration(event=event)
    make_registration(event=event, state=CANCELLED)

    response = anonymous_client.get(event.get_absolute_url())

    assert registration_box(response).startswith("Registration 1 person registered")


def test_event_detail_shows_a_confirmed_person_their_seat_the_link_and_a_cancel_button(
    member_client, member, seminar
):
    make_registration(event=seminar, user=member)

    response = member_client.get("/en/events/annual-seminar-2031/")

    html = response.content.decode()
    assert "You have a seat." in html
    assert f'Online link: <a href="{ONLINE_URL}">{ONLINE_URL}</a>' in html
    assert '<input type="hidden" name="action" value="cancel">' in html
    assert "Cancel my registration</button>" in html


def test_event_detail_shows_a_waiting_person_their_position_without_the_link(
    member_client, member, seminar
):
    for _ in range(3):
        make_registration(event=seminar)
    make_registration(event=seminar, state=WAITING)
    make_registration(event=seminar, user=member, state=WAITING)

    response = member_client.get("/en/events/annual-seminar-2031/")

    html = response.content.decode()
    assert "You are on the waiting list, in position 2." in html
    assert "Leave the waiting list</button>" in html
    assert ONLINE_URL not in html


@pytest.mark.parametrize(
    "role", ["anonymous", "member", "other_city_member", "network_coordinator", "staff"]
)
def test_event_detail_hides_the_online_link_from_people_without_a_seat(
    login, user_for_role, role, seminar
):
    for _ in range(3):
        make_registration(event=seminar)
    user = user_for_role(role)
    if role == "member":
        make_registration(event=seminar, user=user, state=WAITING)
    if role == "other_city_member":
        make_registration(event=seminar, user=user, state=CANCELLED)

    response = login(user).get("/en/events/annual-seminar-2031/")

    assert response.status_code == 200
    assert ONLINE_URL not in response.content.decode()


def test_event_detail_after_cancelling_offers_to_register_again(member_client, member, seminar):
    make_registration(event=seminar, user=member, state=CANCELLED)

    response = member_client.get("/en/events/annual-seminar-2031/")

    html = response.content.decode()
    assert "You have a seat." not in html
    assert '<input type="hidden" name="action" value="register">' in html
    assert ">Register</button>" in html


def test_event_detail_offers_the_waiting_list_when_full(member_client, seminar):
    for _ in range(3):
        make_registration(event=seminar)

    response = member_client.get("/en/events/annual-seminar-2031/")

    assert ">Join the waiting list</button>" in response.content.decode()


def test_event_detail_asks_a_visitor_to_sign_in(anonymous_client, seminar):
    response = anonymous_client.get("/en/events/annual-seminar-2031/")

    html = response.content.decode()
    assert (
        '<a href="/en/accounts/login/?next=/en/events/annual-seminar-2031/">Sign in to register</a>'
    ) in html
    assert 'name="action"' not in html


def test_event_detail_tells_a_pending_member_who_can_register(login, seminar):
    person = make_member()
    person.memberships.update(status="pending")

    response = login(person).get("/en/events/annual-seminar-2031/")

    html = response.content.decode()
    assert "Approved members of a member city can register." in html
    assert 'name="action"' not in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"state": EventState.CANCELLED}, "Registration is closed: the event is cancelled."),
        (
            {"starts_at": in_days(-3), "ends_at": in_days(-2)},
            "Registration is closed: the event is over.",
        ),
        ({"registration_closes_at": in_days(-1)}, "Registration is not open now."),
    ],
)
def test_event_detail_says_why_registration_is_closed(member_client, fields, message):
    event = make_event(**fields)

    response = member_client.get(event.get_absolute_url())

    html = response.content.decode()
    assert message in html
    assert 'name="action"' not in html


def test_event_detail_says_when_registration_opens(member_client):
    event = make_event(
        starts_at=paris_time(datetime.date(2031, 1, 14), 9),
        registration_opens_at=paris_time(datetime.date(2031, 1, 10), 12),
    )

    response = member_client.get(event.get_absolute_url())

    assert "Registration is not open now. It opens on Jan. 10, 2031, noon." in (
        registration_box(response)
    )
    assert 'name="action"' not in response.content.decode()


def test_event_detail_lists_only_confirmed_people_who_chose_to_appear(anonymous_client, seminar):
    make_registration(
        event=seminar,
        user=make_member(full_name="Listed Person", organisation="Umeå kommun"),
        listed=True,
    )
    make_registration(event=seminar, user=make_member(full_name="Private Person"))
    make_registration(
        event=seminar, user=make_member(full_name="Cancelled Person"), state=CANCELLED, listed=True
    )
    make_registration(event=seminar, user=make_member(full_name="Second Listed"), listed=True)
    make_registration(
        event=seminar, user=make_member(full_name="Waiting Person"), state=WAITING, listed=True
    )

    response = anonymous_client.get("/en/events/annual-seminar-2031/")

    html = response.content.decode()
    assert re.findall(r'<ul class="people">\s*(.*?)\s*</ul>', html, re.S) == [
        "<li>Listed Person, Umeå kommun</li><li>Second Listed</li>"
    ]
    for name in ("Private Person", "Cancelled Person", "Waiting Person"):
        assert name not in html


def test_event_detail_without_listed_people_has_no_participants_section(anonymous_client, seminar):
    make_registration(event=seminar)

    response = anonymous_client.get("/en/events/annual-seminar-2031/")

    assert "Participants" not in response.content.decode()


@pytest.mark.parametrize("role", ["member", "organiser", "network_coordinator"])
def test_event_detail_never_shows_needs(login, user_for_role, role, organiser, seminar):
    seminar.organisers.add(organiser)
    make_registration(event=seminar, listed=True, needs="Gluten-free meals")

    response = login(user_for_role(role)).get("/en/events/annual-seminar-2031/")

    assert "Gluten-free" not in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("member", 404),
        ("other_city_coordinator", 404),
        ("city_coordinator", 404),
        ("organiser", 200),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_event_detail_of_a_draft_is_seen_by_coordinators_and_organisers_only(
    login, user_for_role, organiser, role, status
):
    event = make_event(state=EventState.DRAFT, organisers=(organiser,))

    response = login(user_for_role(role)).get(event.get_absolute_url())

    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Draft: only coordinators and the organisers can see this event." in html
        assert "Registration opens when the event is published." in html
        assert "calendar.ics" not in html


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 404), ("member", 200), ("other_city_member", 200), ("staff", 200)],
)
def test_event_detail_of_a_members_only_event_is_seen_by_members(
    login, user_for_role, role, status
):
    event = make_event(visibility="members")

    response = login(user_for_role(role)).get(event.get_absolute_url())

    assert response.status_code == status


def test_event_detail_of_a_members_only_event_is_hidden_from_someone_not_yet_approved(login):
    event = make_event(visibility="members")
    person = make_user()

    response = login(person).get(event.get_absolute_url())

    assert response.status_code == 404


def test_event_detail_unknown_slug_gives_404(anonymous_client):
    response = anonymous_client.get("/en/events/no-such-event/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("anonymous", False),
        ("member", False),
        ("city_coordinator", False),
        ("organiser", True),
        ("network_coordinator", True),
        ("staff", True),
    ],
)
def test_event_detail_shows_management_links_to_editors_only(
    login, user_for_role, organiser, role, shown
):
    event = make_event(slug="seminar", organisers=(organiser,))

    response = login(user_for_role(role)).get(event.get_absolute_url())

    html = response.content.decode()
    assert ('<a href="/en/events/seminar/edit/">' in html) is shown
    assert ('<a href="/en/events/seminar/registrations/">' in html) is shown
    assert ('action="/en/events/seminar/cancel/"' in html) is shown


def test_event_detail_offers_to_publish_a_draft(login, network_coordinator):
    event = make_event(slug="draft-seminar", state=EventState.DRAFT)

    response = login(network_coordinator).get(event.get_absolute_url())

    assert 'action="/en/events/draft-seminar/publish/"' in response.content.decode()


def _warm_caches():
    """Content types and the glossary index are read once per process: warm them, so that the
    budget counts what every request costs whatever test ran before."""
    from django.contrib.contenttypes.models import ContentType

    from events.models import AgendaItem, Event
    from languages.terms import term_index
    from projects.models import Project

    ContentType.objects.get_for_models(Event, AgendaItem, Project)
    term_index()


def test_event_detail_query_budget_for_a_visitor(
    anonymous_client, seminar, django_assert_num_queries
):
    _warm_caches()
    with django_assert_num_queries(10):
        response = anonymous_client.get("/en/events/annual-seminar-2031/")

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("agenda", "listed", "waiting"), [(1, 1, 1), (40, 400, 100)], ids=["1-of-each", "many"]
)
def test_event_detail_query_budget_holds_with_a_long_agenda_and_many_registrations(
    member_client, member, agenda, listed, waiting, django_assert_num_queries
):
    event = make_event(capacity=listed, starts_at=in_days(30, 8), ends_at=in_days(30, 20))
    bulk_agenda(event, agenda)
    bulk_registrations(event, listed, listed=True)
    bulk_registrations(event, waiting, state=WAITING)
    make_registration(event=event, user=member, state=WAITING)
    _warm_caches()

    with django_assert_num_queries(17):
        response = member_client.get(event.get_absolute_url())

    html = response.content.decode()
    assert f"You are on the waiting list, in position {waiting + 1}." in html
    assert html.count('<li class="agenda-item') == agenda
    assert html.count("Agenda Speaker") == agenda
    assert html.count("Agenda project</a>") == agenda
    assert len(re.findall(r"<li>Bulk Person", html)) == listed
