"""The list of funding calls: statuses worked out from the dates, open calls first by their next
deadline, then upcoming ones by opening date, then closed ones, latest closed first; each
filter; bad filter values and page numbers answer with the page, never a 500."""

import datetime
import re

import pytest
from django.utils import timezone

from funding import selectors
from funding.enums import CallStatus, Programme
from tests.factories.funding import BRUSSELS, brussels_time, in_days, make_call

pytestmark = pytest.mark.django_db

JUNE_2031 = brussels_time(datetime.date(2031, 6, 15), 17)
CARD_TITLE = re.compile(r'<h3><a href="/\w\w/calls/([\w-]+)/"')


def today():
    return timezone.localtime(timezone.now(), BRUSSELS).date()


def days(number: int) -> datetime.date:
    return today() + datetime.timedelta(days=number)


def slugs(response) -> list[str]:
    assert response.status_code == 200
    return CARD_TITLE.findall(response.content.decode())


@pytest.fixture
def calls():
    """Seven calls, created out of their list order."""
    return {
        "closed-long-ago": make_call(title="Closed long ago", deadlines=(in_days(-30),)),
        "upcoming-later": make_call(
            title="Upcoming later", opens_on=days(10), deadlines=(in_days(20),)
        ),
        "open-soon-due": make_call(
            title="Open soon due", deadlines=(in_days(3), in_days(50)), programme=Programme.LIFE
        ),
        "closed-recently": make_call(title="Closed recently", deadlines=(in_days(-3),)),
        "open-later-due": make_call(
            title="Open later due",
            deadlines=(in_days(5),),
            themes=("public-spaces",),
            open_to_sweden=False,
        ),
        "upcoming-sooner": make_call(
            title="Upcoming sooner",
            opens_on=days(3),
            deadlines=(in_days(90),),
            open_to_france=False,
        ),
        "open-past-stage": make_call(
            title="Open past stage",
            deadlines=(in_days(-2), in_days(10)),
            themes=("public-spaces", "innovation"),
        ),
    }


ORDER = [
    "open-soon-due",  # next deadline in 3 days (its last one in 50)
    "open-later-due",  # in 5 days
    "open-past-stage",  # its first deadline passed, the next in 10 days
    "upcoming-sooner",  # opens in 3 days
    "upcoming-later",  # opens in 10 days
    "closed-recently",  # 3 days ago
    "closed-long-ago",  # 30 days ago
]


def test_calls_are_listed_open_then_upcoming_then_closed(anonymous_client, calls):
    assert slugs(anonymous_client.get("/en/calls/")) == ORDER


def test_each_card_says_its_status(anonymous_client, calls):
    page = anonymous_client.get("/en/calls/").content.decode()

    found = re.findall(r'call-status call-status-(\w+)">(\w+)</span>', page)
    assert (
        found
        == [("open", "Open")] * 3 + [("upcoming", "Upcoming")] * 2 + [("closed", "Closed")] * 2
    )


def test_status_comes_from_the_dates():
    now = timezone.now()
    opening_today = make_call(opens_on=today(), deadlines=(in_days(1),))
    past_last = make_call(deadlines=(now - datetime.timedelta(minutes=1),))
    ahead_last = make_call(deadlines=(now + datetime.timedelta(minutes=1),))
    opening_tomorrow = make_call(opens_on=days(1), deadlines=(in_days(2),))

    assert [selectors.status_of(call, now) for call in (opening_today, past_last)] == [
        CallStatus.OPEN,
        CallStatus.CLOSED,
    ]
    assert [selectors.status_of(call, now) for call in (ahead_last, opening_tomorrow)] == [
        CallStatus.OPEN,
        CallStatus.UPCOMING,
    ]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", ORDER[:3]),
        ("upcoming", ORDER[3:5]),
        ("closed", ORDER[5:]),
    ],
)
def test_the_status_filter(anonymous_client, calls, status, expected):
    response = anonymous_client.get("/en/calls/", {"status": status})

    assert slugs(response) == expected
    count = len(expected)
    assert f"{count} call{'s' if count > 1 else ''}" in response.content.decode()


def test_the_status_counts_follow_the_other_filters(anonymous_client, calls):
    everything = anonymous_client.get("/en/calls/").content.decode()
    open_to_swedes = anonymous_client.get("/en/calls/", {"country": "SE"}).content.decode()

    def counts(page):
        return re.findall(
            r'\?(?:country=SE&amp;)?status=(\w+)">\w+</a> <span class="count">'
            r"\((\d+)\)",
            page,
        )

    assert counts(everything) == [("open", "3"), ("upcoming", "2"), ("closed", "2")]
    assert counts(open_to_swedes) == [("open", "2"), ("upcoming", "2"), ("closed", "2")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"programme": "life"}, ["open-soon-due"]),
        ({"theme": "public-spaces"}, ["open-later-due", "open-past-stage"]),
        ({"theme": "innovation"}, ["open-past-stage"]),
        ({"country": "FR"}, [slug for slug in ORDER if slug != "upcoming-sooner"]),
        ({"country": "SE"}, [slug for slug in ORDER if slug != "open-later-due"]),
        ({"theme": "public-spaces", "country": "SE", "status": "open"}, ["open-past-stage"]),
        ({"programme": "life", "status": "closed"}, []),
    ],
)
def test_each_filter(anonymous_client, calls, query, expected):
    response = anonymous_client.get("/en/calls/", query)

    assert slugs(response) == expected
    if not expected:
        assert "No call matches these filters." in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("programme=nope", "Choose one of the programmes listed."),
        ("theme=atlantis", "Choose one of the themes listed."),
        ("country=DE", "Choose France or Sweden."),
        ("status=paused", "Choose one of the statuses listed."),
        ("status=%3Cscript%3E", "Choose one of the statuses listed."),
    ],
)
def test_bad_filter_values_are_ignored_with_a_message(anonymous_client, calls, query, message):
    response = anonymous_client.get(f"/en/calls/?{query}")

    html = response.content.decode()
    assert slugs(response) == ORDER
    assert message in html
    assert "<script>" not in html


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999", "2"])
def test_bad_page_numbers_show_a_page(anonymous_client, calls, page):
    assert slugs(anonymous_client.get(f"/en/calls/?page={page}")) == ORDER


def test_calls_come_twenty_to_a_page(anonymous_client):
    for number in range(23):
        make_call(title=f"Call {number:02d}", deadlines=(in_days(number + 1),))

    first = slugs(anonymous_client.get("/en/calls/"))
    second_page = anonymous_client.get("/en/calls/?page=2")

    assert first == [f"call-{number:02d}" for number in range(20)]
    assert slugs(second_page) == ["call-20", "call-21", "call-22"]
    assert "23 calls" in second_page.content.decode()


def test_a_card_shows_what_a_city_needs_to_decide(anonymous_client):
    make_call(
        title="URBACT example call",
        programme=Programme.URBACT,
        identifier="URBACT-IV-2027-01",
        deadlines=((in_days(-1), "Stage 1"), (JUNE_2031, "Stage 2")),
        budget=1_200_000,
        cofunding_rate=80,
        themes=("public-spaces",),
        is_example=True,
    )

    page = anonymous_client.get("/en/calls/").content.decode()

    card = re.search(r'<li class="card call-card">.*?</li>\n', page, re.S).group(0)
    assert 'URBACT · <span class="call-identifier">URBACT-IV-2027-01</span>' in card
    assert '<span class="badge">Example</span>' in card
    assert "<dt>Next deadline</dt>" in card
    assert (
        '<time datetime="2031-06-15T15:00:00Z" data-local-time="(your time: {time})">'
        "June 15, 2031, 5 p.m.</time>"
    ) in card
    assert "(Brussels time)" in card
    assert "<dd>€1,200,000</dd>" in card
    assert "<dd>80%</dd>" in card
    assert "Redesigning public spaces for every use and many uses" in card


def test_a_closed_card_shows_its_last_deadline(anonymous_client):
    make_call(deadlines=(in_days(-20), in_days(-10)))

    page = anonymous_client.get("/en/calls/").content.decode()

    assert "<dt>Last deadline</dt>" in page
    iso = in_days(-10).astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert f'<time datetime="{iso}"' in page


def test_the_list_refuses_post(member_client):
    assert member_client.post("/en/calls/").status_code == 405


def test_the_list_offers_to_record_a_call_to_coordinators_only(login, member, network_coordinator):
    assert 'href="/en/calls/new/"' not in login(member).get("/en/calls/").content.decode()
    assert 'href="/en/calls/new/"' in login(network_coordinator).get("/en/calls/").content.decode()


def test_the_main_menu_leads_to_the_calls(anonymous_client):
    page = anonymous_client.get("/fr/").content.decode()

    assert '<li><a href="/fr/calls/">' in page
