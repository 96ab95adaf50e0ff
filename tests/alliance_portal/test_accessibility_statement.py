"""The accessibility statement as RGAA and DOS-lagen ask: the date and method of the last
assessment, the known non-conformities, a form that reaches the coordinators, and the recourse
in France and Sweden, in three languages."""

from html import unescape

import pytest
from django.core import mail
from django.test import TestCase

from alliance_portal import accessibility as statement
from tests.factories import make_user

pytestmark = pytest.mark.django_db

REPORT = "/en/accessibility/report/"


def text(response) -> str:
    return " ".join(unescape(response.content.decode()).split())


@pytest.mark.parametrize(
    ("language", "date", "heading"),
    [
        ("en", "Dec. 2, 2026", "Known non-conformities"),
        ("fr", "2 décembre 2026", "Non-conformités connues"),
        ("sv", "2 december 2026", "Kända brister"),
    ],
)
def test_statement_gives_the_assessment_date_and_the_non_conformities(
    anonymous_client, django_assert_num_queries, language, date, heading
):
    with django_assert_num_queries(0):
        response = anonymous_client.get(f"/{language}/accessibility/")

    page = text(response)
    assert date in page
    assert heading in page
    assert page.count("WCAG 1.1.1") == 2  # two of the non-conformities are under 1.1.1
    assert f'href="/{language}/accessibility/report/"' in page
    assert statement.DEFENSEUR_DES_DROITS in page
    assert statement.DIGG_REPORT in page
    assert "Libre réponse 71120, 75342 Paris CEDEX 07" in page


def test_statement_lists_every_method_and_non_conformity(anonymous_client):
    page = text(anonymous_client.get("/en/accessibility/"))

    for step in statement.METHOD:
        assert str(step) in page
    for item in statement.NON_CONFORMITIES:
        assert str(item.what) in page
        assert f"Meanwhile: {item.instead}" in page


@pytest.mark.parametrize(
    "who", ["anonymous", "member", "city_coordinator", "network_coordinator", "staff"]
)
def test_anyone_may_open_the_report_form(login, who, request, django_assert_num_queries):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    client = login(user)

    response = client.get(f"{REPORT}?page=/en/projects/")

    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert 'name="page" value="/en/projects/"' in page
    if user:
        assert f'value="{user.email}"' in page


def test_report_form_for_a_visitor_runs_no_query(anonymous_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert anonymous_client.get(REPORT).status_code == 200


@pytest.fixture
def coordinators(db):
    return [
        make_user(email="claire@example.org", full_name="Claire Network", groups=("Coordinators",)),
        make_user(
            email="sven@example.org",
            full_name="Sven Samordnare",
            groups=("Coordinators",),
            preferred_language="sv",
        ),
    ]


def send_report(client, **fields):
    data = {
        "page": "/fr/events/",
        "problem": "Le lecteur d'écran ne lit pas le bouton « S'inscrire ».",
        "assistive_technology": "NVDA 2025, Firefox, Windows 11",
        "email": "reader@example.org",
        **fields,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(REPORT, data)


def test_a_report_reaches_every_coordinator_in_their_language_and_the_reporter(
    anonymous_client, coordinators
):
    response = send_report(anonymous_client)

    assert response.status_code == 302
    assert response["Location"] == "/en/accessibility/"
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["claire@example.org", "reader@example.org", "sven@example.org"]
    for address in ("claire@example.org", "sven@example.org"):
        message = by_address[address]
        assert message.extra_headers["Reply-To"] == "reader@example.org"
        assert "Le lecteur d'écran ne lit pas le bouton « S'inscrire »." in message.body
        assert "NVDA 2025, Firefox, Windows 11" in message.body
        assert "/fr/events/" in message.body
    assert by_address["claire@example.org"].body.startswith("Hello Claire Network,")
    assert by_address["sven@example.org"].body.startswith("Hej Sven Samordnare!")
    assert "two weeks" in by_address["reader@example.org"].body
    page = text(anonymous_client.get("/en/accessibility/"))
    assert "your report has reached the network's coordinators" in page


def test_a_report_with_no_coordinator_yet_goes_to_the_portals_address(anonymous_client, settings):
    settings.DEFAULT_FROM_EMAIL = "Alliance Portal <portal@example.org>"

    send_report(anonymous_client)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "Alliance Portal <portal@example.org>",
        "reader@example.org",
    ]


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"problem": "  "}, "This field is required."),
        ({"email": "not an address"}, "Enter a valid email address."),
        ({"problem": "x" * 4001}, "Ensure this value has at most 4000 characters (it has 4001)."),
    ],
)
def test_a_bad_report_says_why_and_sends_nothing(anonymous_client, coordinators, fields, error):
    response = send_report(anonymous_client, **fields)

    assert response.status_code == 200
    assert error in unescape(response.content.decode())
    assert mail.outbox == []


def test_reports_are_rate_limited_per_connection(anonymous_client, coordinators):
    for _ in range(statement.REPORTS_PER_HOUR):
        assert send_report(anonymous_client).status_code == 302
    sent = len(mail.outbox)

    response = send_report(anonymous_client)

    assert response.status_code == 429
    assert "Too many reports from this connection in the last hour" in unescape(
        response.content.decode()
    )
    assert len(mail.outbox) == sent
