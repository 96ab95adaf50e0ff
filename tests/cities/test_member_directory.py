"""The member directory at /<lang>/members/: who may read it, who is in it, its filters, its
cost, and the contact requests members send each other through it."""

import re
from html import unescape

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone, translation

from accounts.models import User
from cities.directory import PAGE_SIZE
from cities.enums import MembershipRole, MembershipStatus
from cities.models import Membership
from tests.budgets import warm_content_types
from tests.factories import get_city, make_membership, make_project, make_user
from themes.models import Theme

pytestmark = pytest.mark.django_db

LIST = "/en/members/"
ALLOWED = [
    "member",
    "other_city_member",
    "city_coordinator",
    "network_coordinator",
    "staff",
    "superuser",
]
PERSON = re.compile(r'<h3><a href="/en/members/(\d+)/">([^<]+)</a></h3>')


def profile_url(person: User, language: str = "en") -> str:
    return f"/{language}/members/{person.pk}/"


def contact_url(person: User) -> str:
    return f"/en/members/{person.pk}/contact/"


def listed(response) -> list[str]:
    """The names of the people on a directory page, in their order."""
    assert response.status_code == 200
    return [name for _pk, name in PERSON.findall(response.content.decode())]


def text(response) -> str:
    return unescape(response.content.decode())


def in_directory(city: str, full_name: str, *, role=MembershipRole.PLANNER, themes=(), **fields):
    fields.setdefault("in_directory", True)
    person = make_user(full_name=full_name, **fields)
    make_membership(user=person, city=city, role=role)
    if themes:
        person.expertise.set(Theme.objects.filter(slug__in=themes))
    return person


@pytest.fixture
def peer(db):
    """Sofia, a Gothenburg planner in the directory, who reads her e-mail in Swedish."""
    return in_directory(
        "gothenburg",
        "Sofia Peer",
        email="sofia.peer@example.org",
        job_title="Stadsplanerare",
        job_title_language="sv",
        organisation="Göteborgs Stad",
        languages_spoken=["sv", "en"],
        preferred_language="sv",
        themes=("public-spaces", "citizen-participation"),
    )


def send(client, person: User, message: str = "Hej Sofia, how did you test the benches?", **kw):
    """POST a contact request, running what is queued on commit (the e-mail)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(contact_url(person), {"message": message}, **kw)


# --- Who may read and write -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["list", "profile", "contact"])
def test_directory_anonymous_is_sent_to_sign_in(anonymous_client, peer, path):
    url = {"list": LIST, "profile": profile_url(peer), "contact": contact_url(peer)}[path]

    response = send(anonymous_client, peer) if path == "contact" else anonymous_client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={url}"
    assert mail.outbox == []


@pytest.mark.parametrize("status", [None, MembershipStatus.REJECTED])
@pytest.mark.parametrize("path", ["list", "profile", "contact"])
def test_directory_is_forbidden_without_an_approved_membership(login, peer, status, path):
    outsider = make_user(full_name="Otto Outsider", in_directory=True)
    if status is not None:
        make_membership(user=outsider, city="umea", status=status)
    client = login(outsider)

    if path == "contact":
        response = send(client, peer)
    else:
        response = client.get(LIST if path == "list" else profile_url(peer))

    assert response.status_code == 403
    html = text(response)
    assert "<h1>Access denied</h1>" in html
    assert "The member directory is open to the approved members of the network." in html
    assert "Sofia Peer" not in html
    assert mail.outbox == []


def test_directory_tells_a_person_waiting_for_approval_so(login, peer):
    waiting = make_user(full_name="Nora Newcomer")
    make_membership(user=waiting, city="umea", status=MembershipStatus.PENDING)

    response = login(waiting).get(LIST)

    assert response.status_code == 403
    assert "<h1>Your request to join is waiting</h1>" in response.content.decode()
    assert "Sofia Peer" not in response.content.decode()


@pytest.mark.parametrize("role", ALLOWED)
def test_directory_list_and_profile_are_open_to_members_and_coordinators(
    user_for_role, login, peer, role
):
    client = login(user_for_role(role))

    names = listed(client.get(LIST))
    profile = client.get(profile_url(peer))

    assert "Sofia Peer" in names
    assert profile.status_code == 200
    html = profile.content.decode()
    assert "<h1>Sofia Peer</h1>" in html
    assert '<span lang="sv">Stadsplanerare</span>, Göteborgs Stad' in html
    assert (
        '<a href="/en/cities/gothenburg/">Gothenburg</a> · Urban planner / project officer' in html
    )
    assert '<a href="/en/themes/public-spaces/">' in html
    assert "<dd>Swedish, English</dd>" in html
    assert f'<form method="post" action="/en/members/{peer.pk}/contact/"' in html


@pytest.mark.parametrize("role", ALLOWED)
def test_directory_contact_is_open_to_members_and_coordinators(user_for_role, login, peer, role):
    response = send(login(user_for_role(role)), peer)

    assert response.status_code == 302
    assert response["Location"] == profile_url(peer)
    assert [message.to for message in mail.outbox] == [["sofia.peer@example.org"]]


# --- Who is in it -----------------------------------------------------------------------------


def test_directory_lists_only_approved_active_members_who_opted_in(member_client, member, peer):
    in_directory("umea", "Anna Approved")
    hidden = in_directory("umea", "Hidden Person", in_directory=False)
    pending = make_user(full_name="Pending Person", in_directory=True)
    make_membership(user=pending, city="umea", status=MembershipStatus.PENDING)
    rejected = make_user(full_name="Rejected Person", in_directory=True)
    make_membership(user=rejected, city="umea", status=MembershipStatus.REJECTED)
    gone = in_directory("umea", "Deactivated Person", is_active=False)
    nameless = in_directory("umea", "", email="nameless@example.org")
    coordinator = make_user(full_name="Cityless Coordinator", in_directory=True, is_staff=True)

    response = member_client.get(LIST)

    assert listed(response) == ["Anna Approved", "Sofia Peer", "Yann Member"]
    assert "3 people" in response.content.decode()
    for person in (hidden, pending, rejected, gone, nameless, coordinator):
        assert member_client.get(profile_url(person)).status_code == 404
        assert send(member_client, person).status_code == 404
    assert "nameless@example.org" not in response.content.decode()
    assert mail.outbox == []


def test_directory_shows_each_persons_cities_roles_themes_and_languages(member_client, peer):
    make_membership(user=peer, city="umea", role=MembershipRole.RESEARCHER)
    make_membership(user=peer, city="boras", status=MembershipStatus.PENDING)

    html = member_client.get(LIST).content.decode()

    card = html[html.index("Sofia Peer") : html.index("</li>\n", html.index("Speaks:"))]
    assert '<span lang="sv">Stadsplanerare</span>, Göteborgs Stad' in card
    assert (
        '<a href="/en/cities/gothenburg/">Gothenburg</a> · Urban planner / project officer; '
        '<a href="/en/cities/umea/">Umeå</a> · Researcher'
    ) in card
    assert "Borås" not in card
    assert "<li>Redesigning public spaces for every use and many uses</li>" in card
    assert "Speaks: Swedish, English" in card


def test_directory_profile_of_oneself_offers_no_contact_form(member_client, member):
    response = member_client.get(profile_url(member))

    assert response.status_code == 200
    html = response.content.decode()
    assert "This is your entry" in html
    assert "/contact/" not in html


@pytest.mark.parametrize("pk", ["999999", "99999999999999999999999"])
def test_directory_profile_unknown_person_is_not_found(member_client, pk):
    assert member_client.get(f"/en/members/{pk}/").status_code == 404


# --- Filters ----------------------------------------------------------------------------------


@pytest.fixture
def people(member, peer):
    """Yann (Saint-Brieuc, planner, fr), Sofia (Gothenburg, planner, sv en, public spaces) and
    others, each matching one filter."""
    in_directory(
        "umea",
        "Ulf Researcher",
        role=MembershipRole.RESEARCHER,
        languages_spoken=["sv"],
        themes=("innovation",),
    )
    in_directory("paris", "Paule Elue", role=MembershipRole.ELECTED, languages_spoken=["fr"])
    member.languages_spoken = ["fr"]
    member.save(update_fields=["languages_spoken"])


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("", ["Paule Elue", "Sofia Peer", "Ulf Researcher", "Yann Member"]),
        ("?city=gothenburg", ["Sofia Peer"]),
        ("?country=SE", ["Sofia Peer", "Ulf Researcher"]),
        ("?country=FR", ["Paule Elue", "Yann Member"]),
        ("?role=researcher", ["Ulf Researcher"]),
        ("?role=planner&country=SE", ["Sofia Peer"]),
        ("?city=umea&role=planner", []),
        ("?theme=public-spaces", ["Sofia Peer"]),
        ("?language=sv", ["Sofia Peer", "Ulf Researcher"]),
        ("?language=en", ["Sofia Peer"]),
        ("?language=fr&country=FR", ["Paule Elue", "Yann Member"]),
        ("?country=SE&language=sv&theme=innovation", ["Ulf Researcher"]),
    ],
)
def test_directory_filters(member_client, people, query, names):
    response = member_client.get(LIST + query)

    assert listed(response) == names
    assert 'class="errorlist' not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("?city=atlantis", "Unknown city: the list shows every city."),
        ("?country=DE", "Unknown country: the list shows both countries."),
        ("?role=king", "Unknown role: the list shows every role."),
        ("?theme=no-such-theme", "Unknown theme: the list shows every theme."),
        ("?language=de", "Choose French, Swedish or English: the list shows every language."),
        ("?language=%00", "Choose French, Swedish or English: the list shows every language."),
    ],
)
def test_directory_bad_filter_is_said_beside_it_and_ignored(member_client, people, query, error):
    response = member_client.get(LIST + query)

    assert listed(response) == ["Paule Elue", "Sofia Peer", "Ulf Researcher", "Yann Member"]
    html = text(response)
    field = query[1:].split("=")[0]
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{error}</li></ul>' in html
    assert "There is a problem" not in html  # a filter's message stays beside it


def test_directory_bad_filter_keeps_the_good_ones(member_client, people):
    assert listed(member_client.get(LIST + "?country=SE&role=king")) == [
        "Sofia Peer",
        "Ulf Researcher",
    ]


def test_directory_pages_hold_fifty_people(member_client, member):
    bulk_directory(PAGE_SIZE + 3)

    first = member_client.get(LIST)
    last = member_client.get(LIST + "?page=2")
    wrong = member_client.get(LIST + "?page=x")

    assert len(listed(first)) == PAGE_SIZE
    assert len(listed(last)) == 4  # the three and Yann, by name
    assert listed(wrong) == listed(first)
    assert f"{PAGE_SIZE + 4} people" in first.content.decode()


# --- Cost -------------------------------------------------------------------------------------


def bulk_directory(count: int) -> list[User]:
    """``count`` Umeå people in the directory, each with two themes, in five queries."""
    User.objects.bulk_create(
        User(
            email=f"directory-{index:04d}@example.org",
            full_name=f"Directory Person {index:04d}",
            job_title="Planner",
            organisation=f"Organisation {index:04d}",
            languages_spoken=["sv", "en"],
            in_directory=True,
            password="!",
        )
        for index in range(count)
    )
    people = list(User.objects.filter(email__startswith="directory-").order_by("pk"))
    umea = get_city("umea")
    Membership.objects.bulk_create(
        Membership(
            user=person,
            city=umea,
            role=MembershipRole.PLANNER,
            status=MembershipStatus.APPROVED,
            decided_at=timezone.now(),
        )
        for person in people
    )
    themes = list(Theme.objects.order_by("pk")[:2])
    User.expertise.through.objects.bulk_create(
        User.expertise.through(user=person, theme=theme) for person in people for theme in themes
    )
    return people


# Session, user, the reader's memberships (the permission), the filters' cities and themes, the
# count, the page of people, their memberships with their cities, their themes.
LIST_QUERIES = 9


@pytest.mark.parametrize("count", [1, 500])
def test_directory_list_queries_do_not_grow_with_the_people(
    member_client, count, django_assert_num_queries
):
    bulk_directory(count)
    warm_content_types()

    with django_assert_num_queries(LIST_QUERIES):
        response = member_client.get(LIST + "?country=SE&language=sv")

    assert len(listed(response)) == min(count, PAGE_SIZE)


@pytest.mark.parametrize("count", [1, 500])
def test_directory_profile_queries_are_fixed(member_client, count, django_assert_num_queries):
    people = bulk_directory(count)
    warm_content_types()

    # Session, user, the reader's memberships, the person, their memberships, their themes.
    with django_assert_num_queries(6):
        response = member_client.get(profile_url(people[0]))

    assert response.status_code == 200


# --- Contact requests -------------------------------------------------------------------------


def test_contact_request_reaches_the_person_in_their_language_with_reply_to_the_sender(
    member_client, member, peer
):
    message = "Hej Sofia!\nHow did you test the benches on Järntorget?"

    response = send(member_client, peer, message)

    assert response.status_code == 302
    assert response["Location"] == profile_url(peer)
    [email] = mail.outbox
    assert email.to == ["sofia.peer@example.org"]
    assert email.extra_headers["Reply-To"] == "yann.member@example.org"
    assert email.subject.startswith("[Alliance] ")
    assert "Yann Member" in email.subject
    assert email.body.startswith("Hej Sofia Peer!")  # her language: Swedish
    assert message in email.body
    assert "Saint-Brieuc · " in email.body
    assert "Urban planner" in email.body
    assert "yann.member@example.org" in email.body
    assert f"http://testserver/sv/members/{member.pk}/" in email.body
    assert "http://testserver/sv/accounts/profile/" in email.body
    page = text(member_client.get(response["Location"]))
    assert "Your message is on its way to Sofia Peer" in page


def test_contact_request_from_a_coordinator_without_a_city_says_so(
    login, network_coordinator, peer
):
    send(login(network_coordinator), peer)

    [email] = mail.outbox
    with translation.override("sv"):  # the peer's language
        assert translation.gettext("A coordinator of the Alliance network") in email.body
    assert f"/members/{network_coordinator.pk}/" not in email.body  # she is not in the directory


def test_recipient_address_appears_on_no_page(member_client, peer):
    pages = [
        member_client.get(LIST),
        member_client.get(LIST + "?city=gothenburg"),
        member_client.get(profile_url(peer)),
        send(member_client, peer, ""),
        send(member_client, peer, follow=True),
        send(member_client, peer),  # refused: already written today
    ]

    for response in pages:
        assert response.status_code in (200, 429)
        assert "sofia.peer@example.org" not in response.content.decode()
        assert "sofia.peer" not in response.content.decode()


def test_contact_requests_are_limited_per_sender_and_day(login, member, settings):
    settings.CONTACT_REQUESTS_PER_DAY = 5
    recipients = [in_directory("umea", f"Recipient {index}") for index in range(6)]
    client = login(member)
    for recipient in recipients[:5]:
        assert send(client, recipient).status_code == 302
    assert len(mail.outbox) == 5

    response = send(client, recipients[5])

    assert response.status_code == 429
    assert (
        "You have sent as many messages through the directory as the portal allows in a day: "
        "try again tomorrow."
    ) in text(response)
    assert len(mail.outbox) == 5
    # Someone else may still write.
    assert send(login(in_directory("paris", "Other Sender")), recipients[5]).status_code == 302


def test_contact_requests_to_one_person_are_limited_per_day(member_client, peer):
    assert send(member_client, peer).status_code == 302

    response = send(member_client, peer, "Did you get my message?")

    assert response.status_code == 429
    assert "You already wrote to Sofia Peer today: wait for their answer." in text(response)
    assert '<textarea name="message"' in response.content.decode()
    assert "Did you get my message?" in response.content.decode()
    assert len(mail.outbox) == 1


def test_contact_request_to_oneself_is_refused(member_client, member):
    response = send(member_client, member)

    assert response.status_code == 200
    assert "You cannot send a message to yourself." in text(response)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("", "Write a message."),
        ("   ", "Write a message."),
        ("x" * 2001, "Ensure this value has at most 2000 characters (it has 2001)."),
    ],
)
def test_contact_request_bad_message_says_why_and_sends_nothing(
    member_client, peer, message, error
):
    response = send(member_client, peer, message)

    assert response.status_code == 200
    html = text(response)
    assert error in html
    assert "<title>Error:" in html
    assert mail.outbox == []
    # A refused message does not count against the day's limit.
    assert send(member_client, peer).status_code == 302


def test_contact_request_is_only_posted(member_client, peer):
    assert member_client.get(contact_url(peer)).status_code == 405


def test_contact_form_tells_the_sender_what_goes_with_the_message(member_client, peer):
    html = text(member_client.get(profile_url(peer)))

    assert "Write to Sofia Peer" in html
    assert (
        "Sofia Peer receives it by e-mail with your name, your city and your e-mail address "
        "(yann.member@example.org), to answer you. Their own address stays hidden."
    ) in html


# --- Elsewhere --------------------------------------------------------------------------------


def test_suggestions_link_people_to_meet_to_their_directory_profile(member_client, member, peer):
    make_project(author=member, title="Place de la Grille", themes=("public-spaces",))

    html = member_client.get("/en/suggestions/").content.decode()

    people = html[html.index('id="people-heading"') :]
    assert f'<li><strong><a href="/en/members/{peer.pk}/">Sofia Peer</a></strong>' in people
    assert '<a href="/en/members/">Find other people in the member directory</a>' in people


@pytest.mark.parametrize("language", ["fr", "sv"])
def test_directory_answers_under_each_language_prefix(login, member, peer, language):
    response = login(member).get(f"/{language}/members/?country=SE")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert f'<a href="/{language}/members/{peer.pk}/">Sofia Peer</a>' in html
    assert "Göteborg" in html


def test_profile_form_says_what_the_directory_shows(member_client):
    html = text(member_client.get("/en/accounts/profile/"))

    assert (
        "Approved members can then find you in the member directory with your name, job title, "
        "organisation, cities and roles, themes of expertise and languages"
    ) in html
