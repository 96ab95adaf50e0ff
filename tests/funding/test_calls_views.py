"""A funding call's page, and recording, editing and deleting calls: who may (network
coordinators and staff), what is refused (deadline before opening, no deadline, co-funding
150, a bad link) with nothing saved, and deadlines typed and shown in Brussels time."""

import datetime
import re
from html import unescape

import pytest
from django.utils import translation
from django.utils.translation import gettext

from funding.enums import Programme
from funding.models import CallDeadline, FundingCall
from languages.services import save_translation
from tests.factories import make_membership, make_user
from tests.factories.funding import brussels_time, in_days, make_call, network_part_stubbed

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
MAY_RECORD = {"network_coordinator", "staff", "superuser"}
JUNE = datetime.date(2031, 6, 15)


@pytest.fixture(autouse=True)
def _network_part():
    """The partner and sheet parts of the page are tested with their own code."""
    with network_part_stubbed():
        yield


@pytest.fixture
def call(network_coordinator):
    return make_call(
        title="URBACT example call",
        programme=Programme.URBACT,
        identifier="URBACT-IV-2031-01",
        summary="Networks of cities that plan together.",
        eligibility="Cities of **20,000** people or more.",
        opens_on=datetime.date(2031, 1, 10),
        deadlines=(
            (brussels_time(datetime.date(2031, 3, 1), 17), "Expression of interest"),
            (brussels_time(JUNE, 17), "Full proposal"),
        ),
        themes=("public-spaces",),
        sdgs=(11,),
        budget=1_200_000,
        cofunding_rate=80,
        official_url="https://urbact.eu/calls/2031",
        created_by=network_coordinator,
    )


def form_data(**changes) -> dict:
    data = {
        "programme": "life",
        "identifier": "LIFE-2031-CLIMA",
        "title": "LIFE climate adaptation",
        "summary": "Projects that help cities adapt.",
        "opens_on": "2031-02-01",
        "budget": "3000000",
        "cofunding_rate": "60",
        "eligibility": "",
        "open_to_france": "on",
        "open_to_sweden": "on",
        "official_url": "https://cinea.ec.europa.eu/life/2031",
        "content_language": "en",
        "themes": [],
        "sdgs": [],
        "deadlines-TOTAL_FORMS": "3",
        "deadlines-INITIAL_FORMS": "0",
        "deadlines-MIN_NUM_FORMS": "1",
        "deadlines-MAX_NUM_FORMS": "20",
        "deadlines-0-at": "2031-03-15T17:00",
        "deadlines-0-label": "Concept note",
        "deadlines-1-at": "2031-09-30T17:00",
        "deadlines-1-label": "Full proposal",
        "deadlines-2-at": "",
        "deadlines-2-label": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def edit_data(call: FundingCall, **changes) -> dict:
    rows = list(call.deadlines.order_by("at"))
    data = form_data(
        programme=call.programme,
        identifier=call.identifier,
        title=call.title,
        summary=call.summary,
        opens_on=call.opens_on.isoformat(),
        official_url=call.official_url,
        **{
            "deadlines-TOTAL_FORMS": str(len(rows) + 1),
            "deadlines-INITIAL_FORMS": str(len(rows)),
            "deadlines-2-at": None,
            "deadlines-2-label": None,
        },
    )
    for index, row in enumerate(rows):
        local = row.at.astimezone(brussels_time(JUNE).tzinfo)
        data[f"deadlines-{index}-at"] = local.strftime("%Y-%m-%dT%H:%M")
        data[f"deadlines-{index}-label"] = row.label
    data[f"deadlines-{len(rows)}-at"] = ""
    data[f"deadlines-{len(rows)}-label"] = ""
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def errors_of(response) -> list[str]:
    return [
        unescape(re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r"<li>(.*?)</li>", _errorlists(response.content.decode()), re.S)
    ]


def _errorlists(html: str) -> str:
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>', html, re.S))


def assert_login_redirect(response, path: str):
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={path}"


# --- The call's page -------------------------------------------------------------------------


def test_the_call_page_shows_everything_about_the_call(anonymous_client, call):
    response = anonymous_client.get("/en/calls/urbact-example-call/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>URBACT example call</h1>" in page
    assert "<title>URBACT example call · Alliance Portal</title>" in page
    assert '<dt>Identifier</dt><dd class="call-identifier">URBACT-IV-2031-01</dd>' in page
    assert '<p class="lead" lang="en">Networks of cities that plan together.</p>' in page
    assert "<strong>20,000</strong>" in page  # Markdown
    assert "<dd>€1,200,000</dd>" in page
    assert "<dd>80%</dd>" in page
    assert "<dd>France and Sweden</dd>" in page
    assert '<a href="https://urbact.eu/calls/2031" rel="external noopener">' in page
    assert "Redesigning public spaces for every use and many uses" in page
    assert 'class="sdg sdg-11"' in page
    assert '<span lang="en">Expression of interest</span>' in page
    assert '<span lang="en">Full proposal</span>' in page
    assert 'href="/en/calls/urbact-example-call/deadlines.ics"' in page
    assert '<script src="/static/js/local-time.js" defer></script>' in page
    assert "<script>" not in page  # no inline code (CSP)
    assert "an example made for the demonstration" not in page
    assert "/edit/" not in page


def test_past_deadlines_are_marked(anonymous_client):
    make_call(title="Staged", deadlines=((in_days(-3), "Stage 1"), (in_days(30), "Stage 2")))

    page = anonymous_client.get("/en/calls/staged/").content.decode()

    items = re.findall(r'<li( class="muted")?>\s*<span class="deadline-when">.*?</li>', page, re.S)
    assert items == [' class="muted"', ""]
    assert page.count('<span class="badge">Passed</span>') == 1


def test_an_example_call_says_so(anonymous_client):
    make_call(title="Demo call", is_example=True)

    page = anonymous_client.get("/en/calls/demo-call/").content.decode()

    assert '<span class="badge">Example</span>' in page
    assert "not a real call for proposals" in unescape(page)


def test_an_unknown_call_is_not_found(anonymous_client, network_coordinator, login):
    assert anonymous_client.get("/en/calls/no-such-call/").status_code == 404
    assert login(network_coordinator).get("/en/calls/no-such-call/edit/").status_code == 404
    assert anonymous_client.get("/en/calls/no-such-call/deadlines.ics").status_code == 404


def test_the_page_is_stored_for_visitors_only(anonymous_client, member_client, call, settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.MEMBER_PAGE_CACHE_SECONDS = 60

    visitor = [anonymous_client.get("/en/calls/urbact-example-call/") for _ in range(2)]
    members = [member_client.get("/en/calls/urbact-example-call/") for _ in range(2)]

    assert [response["X-Page-Cache"] for response in visitor] == ["miss", "hit"]
    assert all("X-Page-Cache" not in response for response in members)


def test_the_page_shows_the_readers_translation_and_offers_the_editor(login, call):
    save_translation(
        obj=call,
        language="sv",
        texts={"title": "URBACT-exempelutlysning", "summary": "Nätverk av städer."},
        by=make_user(),
    )
    translator = make_user(languages_spoken=["en", "fr", "sv"])
    make_membership(user=translator, city="gothenburg")

    swedish = login(None).get("/sv/calls/urbact-example-call/").content.decode()
    french = login(translator).get("/fr/calls/urbact-example-call/").content.decode()

    assert "<h1>URBACT-exempelutlysning</h1>" in swedish
    assert '<p class="lead" lang="sv">Nätverk av städer.</p>' in swedish
    assert 'href="/sv/calls/urbact-example-call/?original=1#call-text"' in swedish
    assert "<h1>URBACT example call</h1>" in french
    assert f'href="/fr/translations/funding.fundingcall/{call.pk}/fr/?next=' in french
    original = login(None).get("/sv/calls/urbact-example-call/?original=1").content.decode()
    assert "<h1>URBACT example call</h1>" in original


def test_the_translation_editor_opens_for_a_call(login, call):
    translator = make_user(languages_spoken=["en", "fr"])
    make_membership(user=translator, city="saint-brieuc")

    response = login(translator).get(f"/fr/translations/funding.fundingcall/{call.pk}/fr/")

    assert response.status_code == 200
    assert "URBACT example call" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "shown", "brussels"),
    [
        ("en", "June 15, 2031, 5 p.m.", "(Brussels time)"),
        ("fr", "15 juin 2031, 17:00", None),
        ("sv", "15 juni 2031, 17:00", None),
    ],
)
def test_deadlines_are_shown_in_brussels_time_in_the_readers_language(
    anonymous_client, call, language, shown, brussels
):
    page = anonymous_client.get(f"/{language}/calls/urbact-example-call/").content.decode()

    with translation.override(language):
        brussels = brussels or gettext("(Brussels time)")
        label = gettext("(your time: {time})")
    assert (
        f'<time datetime="2031-06-15T15:00:00Z" data-local-time="{label}">{shown}</time> '
        f'<span class="muted">{brussels}</span>'
    ) in unescape(page)


def test_the_first_of_the_month_reads_1er_in_french(anonymous_client, call):
    page = anonymous_client.get("/fr/calls/urbact-example-call/").content.decode()

    assert '<time datetime="2031-03-01T16:00:00Z"' in page
    assert ">1er mars 2031, 17:00</time>" in page


# --- Who may record, edit and delete ---------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_list_and_the_page(login, user_for_role, call, role):
    client = login(user_for_role(role))

    assert client.get("/en/calls/").status_code == 200
    assert client.get("/en/calls/urbact-example-call/").status_code == 200
    assert client.get("/en/calls/deadlines.ics").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_open_the_forms(login, user_for_role, call, role):
    client = login(user_for_role(role))

    answers = [
        client.get("/en/calls/new/"),
        client.get("/en/calls/urbact-example-call/edit/"),
    ]

    if role == "anonymous":
        assert_login_redirect(answers[0], "/en/calls/new/")
        assert_login_redirect(answers[1], "/en/calls/urbact-example-call/edit/")
    elif role in MAY_RECORD:
        assert [answer.status_code for answer in answers] == [200, 200]
    else:
        assert [answer.status_code for answer in answers] == [403, 403]
    page = client.get("/en/calls/urbact-example-call/").content.decode()
    assert ('href="/en/calls/urbact-example-call/edit/"' in page) is (role in MAY_RECORD)
    assert ('action="/en/calls/urbact-example-call/delete/"' in page) is (role in MAY_RECORD)


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_record_a_call(login, user_for_role, role):
    response = login(user_for_role(role)).post("/en/calls/new/", form_data())

    if role in MAY_RECORD:
        assert response.status_code == 302
        assert response["Location"] == "/en/calls/life-climate-adaptation/"
        assert FundingCall.objects.get().created_by == user_for_role(role)
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert not FundingCall.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_edit_a_call(login, user_for_role, call, role):
    path = "/en/calls/urbact-example-call/edit/"

    response = login(user_for_role(role)).post(path, edit_data(call, title="Renamed call"))

    call.refresh_from_db()
    if role in MAY_RECORD:
        assert response.status_code == 302
        assert call.title == "Renamed call"
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert call.title == "URBACT example call"


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_delete_a_call(login, user_for_role, call, role):
    response = login(user_for_role(role)).post("/en/calls/urbact-example-call/delete/")

    if role in MAY_RECORD:
        assert response.status_code == 302
        assert response["Location"] == "/en/calls/"
        assert not FundingCall.objects.exists()
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert FundingCall.objects.filter(pk=call.pk).exists()


def test_deleting_takes_a_post(login, network_coordinator, call):
    response = login(network_coordinator).get("/en/calls/urbact-example-call/delete/")

    assert response.status_code == 405
    assert FundingCall.objects.exists()


def test_a_coordinator_without_a_second_factor_is_sent_to_enrol(login, settings, call):
    """With the second factor required, the role counts only once enrolled: until then the
    form sends the coordinator to the enrolment page, and nothing changes."""
    settings.SECOND_FACTOR_REQUIRED = True
    coordinator = make_user(groups=("Coordinators",))
    client = login(coordinator)

    opened = client.get("/en/calls/new/")
    posted = client.post("/en/calls/urbact-example-call/delete/")

    assert (opened.status_code, opened["Location"]) == (302, "/en/accounts/2fa/")
    assert (posted.status_code, posted["Location"]) == (302, "/en/accounts/2fa/")
    assert FundingCall.objects.filter(pk=call.pk).exists()


# --- Recording a call ------------------------------------------------------------------------


def test_recording_a_call_stores_the_brussels_instants(login, network_coordinator):
    client = login(network_coordinator)
    response = client.post("/en/calls/new/", form_data(themes=["6"], sdgs=["11", "13"]))

    assert response.status_code == 302
    call = FundingCall.objects.get()
    assert (call.programme, call.title, call.cofunding_rate) == (
        "life",
        "LIFE climate adaptation",
        60,
    )
    assert [
        (row.at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M"), row.label)
        for row in call.deadlines.order_by("at")
    ] == [("2031-03-15 16:00", "Concept note"), ("2031-09-30 15:00", "Full proposal")]
    assert call.closes_at == brussels_time(datetime.date(2031, 9, 30), 17)
    assert sorted(call.sdgs.values_list("number", flat=True)) == [11, 13]
    assert call.themes.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "The call was saved." in page


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"deadlines-0-at": "2031-01-31T23:30"},
            [
                "The deadline of Jan. 31, 2031, 11:30 p.m. (Brussels time) is before the "
                "opening date."
            ],
        ),
        (
            {
                "deadlines-0-at": "",
                "deadlines-0-label": "",
                "deadlines-1-at": "",
                "deadlines-1-label": "",
            },
            ["Give at least one deadline."],
        ),
        ({"cofunding_rate": "150"}, ["A co-funding rate is between 0 and 100 %."]),
        ({"official_url": "not a link"}, ["Enter a valid URL."]),
        (
            {"deadlines-1-at": "2031-03-15T17:00"},
            ["Two deadlines are at the same time: March 15, 2031, 5 p.m. (Brussels time)."],
        ),
        ({"deadlines-0-at": "someday"}, ["Enter a date and a time."]),
        (
            {"deadlines-0-at": "2031-03-30T02:30"},
            [
                "2031-03-30 02:30:00 couldn’t be interpreted "
                "in time zone Europe/Brussels; it may be "
                "ambiguous or it may not exist."
            ],
        ),
        (
            {"open_to_france": None, "open_to_sweden": None},
            ["A call is open to French or Swedish applicants."],
        ),
        (
            {"programme": "nope"},
            ["Select a valid choice. nope is not one of the available choices."],
        ),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    login, network_coordinator, changes, errors
):
    response = login(network_coordinator).post("/en/calls/new/", form_data(**changes))

    assert response.status_code == 200
    assert errors_of(response) == errors
    page = response.content.decode()
    assert "<title>Error: Record a funding call · Alliance Portal</title>" in page
    assert not FundingCall.objects.exists()
    assert not CallDeadline.objects.exists()


def test_the_form_opens_with_the_deadlines_in_brussels_time(login, network_coordinator, call):
    page = login(network_coordinator).get("/en/calls/urbact-example-call/edit/").content.decode()

    assert 'name="deadlines-1-at" value="2031-06-15T17:00"' in page
    assert 'name="deadlines-0-label" value="Expression of interest"' in page
    assert 'name="deadlines-INITIAL_FORMS" value="2"' in page
    assert "<h1>Edit “URBACT example call”</h1>" in unescape(page)


def test_editing_moves_adds_and_removes_deadlines(login, network_coordinator, call):
    first, second = call.deadlines.order_by("at")
    data = edit_data(
        call,
        **{
            "deadlines-0-DELETE": "on",
            "deadlines-1-at": "2031-07-01T12:00",
            "deadlines-2-at": "2031-10-01T17:00",
            "deadlines-2-label": "Final report",
        },
    )

    response = login(network_coordinator).post("/en/calls/urbact-example-call/edit/", data)

    assert response.status_code == 302
    assert response["Location"] == "/en/calls/urbact-example-call/"
    rows = list(call.deadlines.order_by("at").values_list("pk", "label"))
    assert rows[0] == (second.pk, "Full proposal")  # moved, and so the same calendar event
    assert rows[1][1] == "Final report"
    assert not CallDeadline.objects.filter(pk=first.pk).exists()
    call.refresh_from_db()
    assert call.closes_at == brussels_time(datetime.date(2031, 10, 1), 17)


def test_an_edit_that_is_refused_keeps_the_call(login, network_coordinator, call):
    response = login(network_coordinator).post(
        "/en/calls/urbact-example-call/edit/",
        edit_data(call, title="Renamed", opens_on="2031-04-01"),
    )

    assert response.status_code == 200
    assert errors_of(response) == [
        "The deadline of March 1, 2031, 5 p.m. (Brussels time) is before the opening date."
    ]
    assert "<h1>Edit “URBACT example call”</h1>" in unescape(response.content.decode())
    call.refresh_from_db()
    assert (call.title, call.opens_on) == ("URBACT example call", datetime.date(2031, 1, 10))
    assert call.deadlines.count() == 2
