"""The services of interest, partner searches and answers: what they write, whom they tell,
and every refusal, after which nothing is written."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.enums import Frequency
from funding import partners
from funding.enums import InterestLevel
from funding.models import CallInterest, PartnerReply, PartnerSearch
from notifications.enums import NotificationKind
from notifications.models import Follow, Notification
from projects.models import Project
from tests.factories import get_city, make_follow, make_membership, make_project, make_user
from tests.factories.partners import (
    make_funding_call,
    make_grille,
    make_interest,
    make_open_call,
    make_outsider,
    make_reply,
    make_search,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(db):
    return make_open_call()


@pytest.fixture
def grille(member):
    return make_grille(member)


@pytest.fixture
def outsider(db):
    return make_outsider()


def today() -> datetime.date:
    return timezone.localdate()


def post(**overrides) -> PartnerSearch:
    values = {
        "city": get_city("saint-brieuc"),
        "title": "A Swedish city for shared mobility hubs",
        "roles_sought": "A partner city testing hubs.",
        "content_language": "en",
        "closes_on": today() + datetime.timedelta(days=10),
    }
    values.update(overrides)
    return partners.search_post(**values)


def message_of(error: pytest.ExceptionInfo) -> str:
    return " ".join(error.value.messages)


# --- Interest ------------------------------------------------------------------------------------


def test_interest_set_creates_then_updates_the_city_interest(call, member, grille):
    city = get_city("saint-brieuc")

    first = partners.interest_set(
        call=call, city=city, level=InterestLevel.WATCHING, projects=[], note="", user=member
    )
    second = partners.interest_set(
        call=call,
        city=city,
        level=InterestLevel.LEAD,
        projects=[grille],
        note=" We lead. ",
        user=member,
    )

    assert second.pk == first.pk
    interest = CallInterest.objects.get()
    assert (interest.level, interest.note, interest.updated_by) == ("lead", "We lead.", member)
    assert list(interest.projects.all()) == [grille]


@pytest.mark.parametrize("level", ["", None])
def test_interest_set_without_a_level_removes_the_interest(call, member, grille, level):
    make_interest(call=call, city="saint-brieuc", projects=(grille,))

    result = partners.interest_set(
        call=call, city=get_city("saint-brieuc"), level=level, projects=[], note="", user=member
    )

    assert result is None
    assert CallInterest.objects.count() == 0


def test_interest_set_refuses_another_city(call, member):
    with pytest.raises(ValidationError) as error:
        partners.interest_set(
            call=call, city=get_city("gothenburg"), level="lead", projects=[], note="", user=member
        )

    assert "a city you are an approved member of" in message_of(error)
    assert CallInterest.objects.count() == 0


def test_interest_set_refuses_a_project_of_another_city(call, member, grille):
    make_interest(call=call, city="saint-brieuc", level=InterestLevel.WATCHING, projects=(grille,))
    theirs = make_project(city="gothenburg", title="Frihamnen")

    with pytest.raises(ValidationError) as error:
        partners.interest_set(
            call=call,
            city=get_city("saint-brieuc"),
            level=InterestLevel.LEAD,
            projects=[theirs],
            note="",
            user=member,
        )

    assert message_of(error) == (
        "Choose projects of Saint-Brieuc: the city whose interest you set."
    )
    interest = CallInterest.objects.get()
    assert interest.level == InterestLevel.WATCHING
    assert list(interest.projects.all()) == [grille]


def test_interest_set_refuses_a_deleted_project(call, member, grille):
    Project.objects.filter(pk=grille.pk).update(deleted_at=timezone.now())
    grille.refresh_from_db()

    with pytest.raises(ValidationError):
        partners.interest_set(
            call=call,
            city=get_city("saint-brieuc"),
            level=InterestLevel.LEAD,
            projects=[grille],
            note="",
            user=member,
        )

    assert CallInterest.objects.count() == 0


def test_interest_set_refuses_an_unknown_level(call, member):
    with pytest.raises(ValidationError) as error:
        partners.interest_set(
            call=call,
            city=get_city("saint-brieuc"),
            level="boss",
            projects=[],
            note="",
            user=member,
        )

    assert message_of(error) == "Choose a level of interest from the list."
    assert CallInterest.objects.count() == 0


def test_interest_set_refuses_a_closed_call(member):
    closed = make_funding_call(days_left=-1)

    with pytest.raises(ValidationError) as error:
        partners.interest_set(
            call=closed,
            city=get_city("saint-brieuc"),
            level=InterestLevel.LEAD,
            projects=[],
            note="",
            user=member,
        )

    assert message_of(error).startswith("This call has closed: its last deadline was ")
    assert CallInterest.objects.count() == 0


# --- Partner searches: refusals -----------------------------------------------------------------


def test_search_post_refuses_a_closed_call(member):
    closed = make_funding_call(days_left=-2)

    with pytest.raises(ValidationError) as error:
        post(call=closed, author=member)

    assert message_of(error).startswith("This call has closed: ")
    assert PartnerSearch.objects.count() == 0


def test_search_post_refuses_a_project_of_another_city(call, member):
    theirs = make_project(city="gothenburg")

    with pytest.raises(ValidationError) as error:
        post(call=call, project=theirs, author=member)

    assert message_of(error) == (
        "Choose a project of Saint-Brieuc: the city that looks for partners."
    )
    assert PartnerSearch.objects.count() == 0


def test_search_post_refuses_a_closing_date_in_the_past(call, member):
    with pytest.raises(ValidationError) as error:
        post(call=call, author=member, closes_on=today() - datetime.timedelta(days=1))

    assert message_of(error) == "The closing date has passed: choose today or a later day."
    assert PartnerSearch.objects.count() == 0


def test_search_post_refuses_a_closing_date_after_the_last_deadline(call, member):
    last_day = timezone.localdate(call.closes_at)

    with pytest.raises(ValidationError) as error:
        post(call=call, author=member, closes_on=last_day + datetime.timedelta(days=1))

    assert message_of(error).startswith("Answers must be wanted by the call's last deadline, ")
    assert PartnerSearch.objects.count() == 0


def test_search_post_takes_the_last_deadline_day_itself(call, member):
    search = post(call=call, author=member, closes_on=timezone.localdate(call.closes_at))

    assert search.pk is not None


def test_search_post_refuses_neither_call_nor_project(member):
    with pytest.raises(ValidationError) as error:
        post(author=member)

    assert message_of(error) == "Say which call or which project you seek partners for."
    assert PartnerSearch.objects.count() == 0


def test_search_post_refuses_a_city_the_author_is_not_a_member_of(call, member):
    with pytest.raises(ValidationError) as error:
        post(call=call, author=member, city=get_city("gothenburg"))

    assert "a city you are an approved member of" in message_of(error)
    assert PartnerSearch.objects.count() == 0


def test_search_post_refuses_no_country(call, member):
    with pytest.raises(ValidationError) as error:
        post(call=call, author=member, wants_france=False, wants_sweden=False)

    assert "Choose at least one country." in message_of(error)
    assert PartnerSearch.objects.count() == 0
    assert Notification.objects.count() == 0


def test_search_post_refuses_an_empty_title(call, member):
    with pytest.raises(ValidationError):
        post(call=call, author=member, title="   ")

    assert PartnerSearch.objects.count() == 0


# --- Partner searches: who is told --------------------------------------------------------------


def test_search_post_tells_the_followers_and_the_interested_cities(
    call, member, grille, other_city_member, outsider, django_capture_on_commit_callbacks
):
    at_once = {"notification_frequency": Frequency.IMMEDIATELY}
    call_follower = make_user(email="calls@example.org", **at_once)
    make_membership(user=call_follower, city="umea")
    make_follow(user=call_follower, target=call)
    project_follower = make_user(email="project@example.org", **at_once)
    make_membership(user=project_follower, city="paris")
    make_follow(user=project_follower, target=grille)
    city_follower = make_user(email="city@example.org", notification_frequency=Frequency.DAILY)
    make_membership(user=city_follower, city="gothenburg")
    make_follow(user=city_follower, target=get_city("saint-brieuc"))
    make_follow(user=outsider, target=get_city("saint-brieuc"))  # not a member: told nothing
    make_interest(call=call, city="gothenburg")  # other_city_member is of Gothenburg
    other_city_member.notification_frequency = Frequency.IMMEDIATELY
    other_city_member.save(update_fields=["notification_frequency"])
    make_follow(user=member, target=get_city("saint-brieuc"))  # the author: never told

    with django_capture_on_commit_callbacks(execute=True):
        search = post(call=call, project=grille, author=member)

    told = Notification.objects.filter(kind=NotificationKind.NEW_PARTNER_SEARCH)
    assert sorted(told.values_list("recipient__email", flat=True)) == sorted(
        [
            "calls@example.org",
            "project@example.org",
            "city@example.org",
            other_city_member.email,
        ]
    )
    notification = told.first()
    assert notification.path == f"/partners/{search.pk}/"
    assert notification.title == "A Swedish city for shared mobility hubs"
    assert notification.city == get_city("saint-brieuc")
    # E-mails as each person chose: at once for three of them, the daily digest for one.
    assert Notification.objects.get(recipient=city_follower).emailed_at is None
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        ["calls@example.org", "project@example.org", other_city_member.email]
    )


def test_search_post_makes_the_author_follow_the_call_and_the_project(call, member, grille):
    post(call=call, project=grille, author=member)

    follows = {(f.content_type.model, f.object_id) for f in Follow.objects.filter(user=member)}
    assert follows == {("fundingcall", call.pk), ("project", grille.pk)}


def test_a_project_search_needs_no_call(member, grille):
    search = post(project=grille, author=member)

    assert (search.call, search.project) == (None, grille)


# --- Answers ------------------------------------------------------------------------------------


@pytest.fixture
def search(call, member):
    member.preferred_language = "fr"
    member.save(update_fields=["preferred_language"])
    return make_search(call=call, author=member, title="Des partenaires suédois")


def test_reply_post_tells_the_poster_by_notification_and_one_email(
    search, member, other_city_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reply = partners.reply_post(
            search=search,
            city=get_city("gothenburg"),
            author=other_city_member,
            role="A partner city testing hubs",
            message="We have two districts ready.",
        )

    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (member, NotificationKind.PARTNER_REPLY)
    assert notification.path == f"/partners/{search.pk}/#reply-{reply.pk}"
    assert notification.emailed_at is not None  # the e-mail below is the one they get
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "Des partenaires suédois" in message.subject
    assert "A partner city testing hubs" in message.body
    assert "We have two districts ready." in message.body
    # In the poster's language: the link opens the French page.
    assert f"http://testserver/fr/partners/{search.pk}/#reply-{reply.pk}" in message.body


def test_reply_post_refuses_the_posting_city(search, city_coordinator):
    with pytest.raises(ValidationError) as error:
        partners.reply_post(
            search=search, city=get_city("saint-brieuc"), author=city_coordinator, role="Lead"
        )

    assert message_of(error) == "Your own city posted this search: other cities answer it."
    assert PartnerReply.objects.count() == 0


def test_reply_post_refuses_a_second_answer_from_the_same_city(search, other_city_member):
    colleague = make_user()
    make_membership(user=colleague, city="gothenburg")
    make_reply(search=search, city="gothenburg", author=colleague)

    with pytest.raises(ValidationError) as error:
        partners.reply_post(
            search=search, city=get_city("gothenburg"), author=other_city_member, role="Again"
        )

    assert message_of(error) == "Your city has already answered this search."
    assert PartnerReply.objects.count() == 1
    assert Notification.objects.count() == 0


def test_reply_post_turns_a_simultaneous_second_answer_into_a_clear_refusal(
    search, other_city_member
):
    make_reply(search=search, city="gothenburg")

    # The check before saving did not see the other answer (it came in meanwhile).
    with (
        mock.patch.object(PartnerReply, "validate_constraints"),
        pytest.raises(ValidationError) as error,
    ):
        partners.reply_post(
            search=search, city=get_city("gothenburg"), author=other_city_member, role="Again"
        )

    assert message_of(error) == "Your city has already answered this search."
    assert PartnerReply.objects.count() == 1


def test_reply_post_refuses_a_closed_search(call, member, other_city_member):
    closed = make_search(call=call, author=member, closes_in=-1)

    with pytest.raises(ValidationError) as error:
        partners.reply_post(
            search=closed, city=get_city("gothenburg"), author=other_city_member, role="Partner"
        )

    assert message_of(error) == "This partner search has closed: it no longer takes answers."
    assert PartnerReply.objects.count() == 0


def test_reply_post_refuses_a_search_whose_call_has_closed(member, other_city_member):
    closed_call = make_funding_call(days_left=-1)
    search = make_search(call=closed_call, author=member)

    with pytest.raises(ValidationError):
        partners.reply_post(
            search=search, city=get_city("gothenburg"), author=other_city_member, role="Partner"
        )

    assert PartnerReply.objects.count() == 0


def test_reply_post_refuses_a_city_the_author_is_not_a_member_of(search, other_city_member):
    with pytest.raises(ValidationError) as error:
        partners.reply_post(
            search=search, city=get_city("umea"), author=other_city_member, role="Partner"
        )

    assert message_of(error) == "You can only answer for a city you are an approved member of."
    assert PartnerReply.objects.count() == 0


def test_reply_post_refuses_an_empty_role(search, other_city_member):
    with pytest.raises(ValidationError):
        partners.reply_post(
            search=search, city=get_city("gothenburg"), author=other_city_member, role="  "
        )

    assert PartnerReply.objects.count() == 0


def test_reply_post_emails_no_poster_who_left_the_network(
    search, member, other_city_member, django_capture_on_commit_callbacks
):
    member.memberships.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        partners.reply_post(
            search=search, city=get_city("gothenburg"), author=other_city_member, role="Partner"
        )

    assert Notification.objects.count() == 0
    assert mail.outbox == []


# --- Closing ------------------------------------------------------------------------------------


def test_search_close_closes_as_of_yesterday(search, city_coordinator):
    partners.search_close(search=search, user=city_coordinator)

    search.refresh_from_db()
    assert search.closes_on == today() - datetime.timedelta(days=1)
    assert not partners.search_is_open(search)


def test_search_close_refuses_another_city(search, other_city_member):
    closes_on = search.closes_on

    with pytest.raises(ValidationError):
        partners.search_close(search=search, user=other_city_member)

    search.refresh_from_db()
    assert search.closes_on == closes_on


def test_search_close_refuses_a_closed_search(call, member):
    closed = make_search(call=call, author=member, closes_in=-3)

    with pytest.raises(ValidationError) as error:
        partners.search_close(search=closed, user=member)

    assert message_of(error) == "This partner search is already closed."
    closed.refresh_from_db()
    assert closed.closes_on == today() - datetime.timedelta(days=3)
