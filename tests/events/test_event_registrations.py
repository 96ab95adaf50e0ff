"""…/registrations/: the organisers' list of registrations with needs, as a page and as CSV;
who may see it; its query budget."""

import csv
import html
import io
import re

import pytest

from events.enums import EventState, RegistrationState
from tests.factories import (
    bulk_registrations,
    make_event,
    make_member,
    make_membership,
    make_registration,
)

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = (
    RegistrationState.CONFIRMED,
    RegistrationState.WAITING,
    RegistrationState.CANCELLED,
)


def table_rows(response) -> list[list[str]]:
    """The table's cells as text (a line break as a newline)."""
    body = re.search(r"<tbody>(.*?)</tbody>", response.content.decode(), re.S).group(1)
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", cell.replace("<br>", "\n"))).strip()
            for cell in re.findall(r"<td>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def csv_rows(response) -> list[list[str]]:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:])))


@pytest.fixture
def event(organiser):
    event = make_event(
        slug="seminar-2027", title="Seminar 2027", capacity=1, organisers=(organiser,)
    )
    make_registration(
        event=event,
        user=make_member(
            full_name="Ada Seated", email="ada@example.org", organisation="Umeå kommun", city="umea"
        ),
        needs="Vegetarian\nWheelchair access",
    )
    waiting = make_member(full_name="Bo Waiting", email="bo@example.org")
    make_membership(user=waiting, city="gothenburg")
    make_membership(user=waiting, city="paris", status="pending")
    make_registration(event=event, user=waiting, state=WAITING)
    make_registration(
        event=event, user=make_member(full_name="Cy Gone", email="cy@example.org"), state=CANCELLED
    )
    return event


def test_event_registrations_page_lists_everyone_with_state_and_needs(login, organiser, event):
    response = login(organiser).get("/en/events/seminar-2027/registrations/")

    assert response.status_code == 200
    rows = table_rows(response)
    assert sorted(row[:4] + row[5:] for row in rows) == [
        [
            "Ada Seated",
            "ada@example.org",
            "Umeå kommun",
            "Confirmed",
            "Vegetarian\nWheelchair access",
        ],
        ["Bo Waiting", "bo@example.org", "", "On the waiting list", ""],
        ["Cy Gone", "cy@example.org", "", "Cancelled", ""],
    ]
    assert '<a href="?format=csv" download>Download as CSV</a>' in response.content.decode()


def test_event_registrations_page_shows_the_waiting_list_in_arrival_order(login, organiser):
    event = make_event(capacity=0, organisers=(organiser,))
    for name in ("First", "Second", "Third"):
        make_registration(event=event, user=make_member(full_name=name), state=WAITING)

    response = login(organiser).get(f"/en/events/{event.slug}/registrations/")

    assert [row[0] for row in table_rows(response)] == ["First", "Second", "Third"]


def test_event_registrations_page_says_when_nobody_registered(login, organiser):
    event = make_event(organisers=(organiser,))

    response = login(organiser).get(f"/en/events/{event.slug}/registrations/")

    assert "Nobody has registered yet." in response.content.decode()


def test_event_registrations_csv_has_a_header_and_one_row_per_registration(
    login, network_coordinator, event
):
    response = login(network_coordinator).get("/en/events/seminar-2027/registrations/?format=csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="seminar-2027-registrations.csv"'
    )
    header, *rows = csv_rows(response)
    assert header == ["Name", "E-mail", "Organisation", "Cities", "State", "Registered at", "Needs"]
    assert sorted(row[:5] + row[6:] for row in rows) == [
        [
            "Ada Seated",
            "ada@example.org",
            "Umeå kommun",
            "Umeå",
            "Confirmed",
            "Vegetarian\nWheelchair access",
        ],
        ["Bo Waiting", "bo@example.org", "", "Gothenburg, Saint-Brieuc", "On the waiting list", ""],
        ["Cy Gone", "cy@example.org", "", "Saint-Brieuc", "Cancelled", ""],
    ]
    for row in rows:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row[5])


def test_event_registrations_csv_neutralises_spreadsheet_formulas(login, organiser):
    # A member's free text must not run as a formula in the organiser's spreadsheet.
    event = make_event(organisers=(organiser,))
    make_registration(
        event=event,
        user=make_member(full_name='=HYPERLINK("http://evil.example","click")'),
        needs="@SUM(1+1)",
    )

    response = login(organiser).get(f"/en/events/{event.slug}/registrations/?format=csv")

    _, row = csv_rows(response)
    assert row[0] == '\'=HYPERLINK("http://evil.example","click")'
    assert row[6] == "'@SUM(1+1)"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("member", 403),
        ("other_city_member", 403),
        ("city_coordinator", 403),
        ("other_city_coordinator", 403),
        ("organiser", 200),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
@pytest.mark.parametrize("suffix", ["", "?format=csv"])
def test_event_registrations_are_for_coordinators_and_organisers_only(
    login, user_for_role, role, status, suffix, event
):
    response = login(user_for_role(role)).get(f"/en/events/seminar-2027/registrations/{suffix}")

    assert response.status_code == status
    assert ("Wheelchair access" in response.content.decode()) is (status == 200)


def test_event_registrations_send_a_visitor_to_sign_in(anonymous_client, event):
    response = anonymous_client.get("/en/events/seminar-2027/registrations/?format=csv")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/events/seminar-2027/")


def test_event_registrations_of_a_draft_are_404_to_a_member(member_client):
    event = make_event(state=EventState.DRAFT)

    response = member_client.get(f"/en/events/{event.slug}/registrations/")

    assert response.status_code == 404


def test_event_registrations_page_query_budget_with_one_registration(
    login, organiser, django_assert_num_queries
):
    event = make_event(organisers=(organiser,))
    make_registration(event=event)
    client = login(organiser)

    with django_assert_num_queries(8):
        response = client.get(f"/en/events/{event.slug}/registrations/")

    assert len(table_rows(response)) == 1


def test_event_registrations_csv_query_budget_with_one_registration(
    login, organiser, django_assert_num_queries
):
    event = make_event(organisers=(organiser,))
    make_registration(event=event)
    client = login(organiser)

    with django_assert_num_queries(8):
        response = client.get(f"/en/events/{event.slug}/registrations/?format=csv")

    assert len(csv_rows(response)[1:]) == 1


@pytest.fixture
def crowded_event(organiser):
    """400 confirmed people with needs and 100 waiting, each an approved member."""
    event = make_event(capacity=400, organisers=(organiser,))
    bulk_registrations(event, 400, needs="Vegetarian")
    bulk_registrations(event, 100, state=WAITING)
    return event


def test_event_registrations_page_query_budget_holds_with_500_registrations(
    login, organiser, crowded_event, django_assert_num_queries
):
    client = login(organiser)

    with django_assert_num_queries(8):
        response = client.get(f"/en/events/{crowded_event.slug}/registrations/")

    rows = table_rows(response)
    assert len(rows) == 500
    assert sum(row[-1] == "Vegetarian" for row in rows) == 400


def test_event_registrations_csv_query_budget_holds_with_500_registrations(
    login, organiser, crowded_event, django_assert_num_queries
):
    client = login(organiser)

    with django_assert_num_queries(8):
        response = client.get(f"/en/events/{crowded_event.slug}/registrations/?format=csv")

    rows = csv_rows(response)[1:]
    assert len(rows) == 500
    assert sum(row[-1] == "Vegetarian" for row in rows) == 400
    assert {row[3] for row in rows} == {"Saint-Brieuc"}
